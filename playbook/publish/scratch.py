"""Folders where a build makes what it will publish, cleaned up even after a killed build.

Each is `build/.<kind>-<pid>`: the build that made it removes it when done, published or not,
and the next build of that kind removes any whose process is gone (killed, power cut).
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playbook.publish.generations import owner_gone

BUILD = "build"


@contextmanager
def scratch(work: Path, kind: str) -> Iterator[Path]:
    folder = Path(work) / BUILD
    for leftover in folder.glob(f".{kind}-*"):
        if owner_gone(leftover.name.rsplit("-", 1)[-1]):
            shutil.rmtree(leftover, ignore_errors=True)
    path = folder / f".{kind}-{os.getpid()}"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
