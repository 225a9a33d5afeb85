"""How many cores the render step may use: engines in parts, pages read side by side."""
from __future__ import annotations

import os
from collections.abc import Callable

# Linux's scheduler knows which cores this process may use (a container or `taskset` may allow
# fewer than the machine has); macOS and Windows have no such call.
_AFFINITY: Callable[[int], set[int]] | None = getattr(os, "sched_getaffinity", None)


def usable_cores(affinity: Callable[[int], set[int]] | None = _AFFINITY,
                 count: Callable[[], int | None] = os.cpu_count) -> int:
    """The cores this process may run on: the scheduler's set where the system has one, else
    every core the system counts, and at least one."""
    if affinity is not None:
        try:
            return max(1, len(affinity(0)))
        except OSError:
            pass
    return max(1, count() or 1)
