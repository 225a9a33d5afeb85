"""A folder written to match a plan exactly, touching only what changed.

The stage plans a site's whole tree in memory and hands it here. A file whose bytes are the
same as on disk is left alone, so its modification time says when it last really changed:
`make serve` re-renders only the pages that did, and an unchanged source is never restaged.
Anything in the folder the plan does not name is removed, so a page made internal yesterday is
not still lying in today's customer tree. Each file is written to a temporary name and renamed,
so a killed build never leaves half a file.
"""
from __future__ import annotations

import os
from pathlib import Path


class Tree:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._planned: dict[str, bytes] = {}

    def put(self, path: str, content: bytes) -> None:
        self._planned[path] = content

    def commit(self) -> bool:
        """Make the folder hold exactly the planned files; True when anything changed."""
        changed = False
        self.root.mkdir(parents=True, exist_ok=True)
        for path, content in self._planned.items():
            target = self.root / path
            if target.is_file() and target.stat().st_size == len(content) and target.read_bytes() == content:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
            partial.write_bytes(content)
            os.replace(partial, target)
            changed = True
        for current, _folders, names in os.walk(self.root, topdown=False):
            for name in names:
                path = Path(current, name)
                if path.relative_to(self.root).as_posix() not in self._planned:
                    path.unlink()
                    changed = True
            if current != str(self.root) and not os.listdir(current):
                os.rmdir(current)
        return changed

    def touch_pages(self) -> None:
        """Mark every page as changed, for a partial render after something every page shows
        (the nav, the data, a template) changed."""
        for path in self._planned:
            if path.startswith("docs/") and path.endswith(".md"):
                os.utime(self.root / path)
