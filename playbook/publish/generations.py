"""Step 4 of the build: both sites switch together, or neither does.

`site` is a symbolic link to one folder under `.site-generations/`, a *generation* holding
`internal/`, `customer/` and whatever else has been published beside them (project kits, the
customer bundle). Publishing builds the next generation beside the current one (the new sites
moved in, everything else carried over as hard links, which copy nothing) and then points
`site` at it with one rename(2), which the kernel makes atomic: a reader, a web server or a
killed build sees the old generation or the new one, never a mix. Whatever a killed build
left behind (a half-made generation, a link not yet renamed) is removed by the next one.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

SITE = "site"
GENERATIONS = ".site-generations"
_MAKING = ".making-"


def current(root: Path) -> Path | None:
    """The generation `site` points at, or None before the first publish."""
    link = Path(root) / SITE
    if link.is_symlink():
        return (link.parent / os.readlink(link)).resolve()
    return None


def clean_leftovers(root: Path) -> None:
    """Remove what an interrupted publish or an old generation left: keep only the current one
    and the generations still being made by a running build."""
    root = Path(root)
    folder = root / GENERATIONS
    live = current(root)
    for stray in root.glob(f".{SITE}.new-*"):
        if owner_gone(stray.name.rsplit("-", 1)[-1]):
            stray.unlink(missing_ok=True)
    if not folder.is_dir():
        return
    for generation in folder.iterdir():
        if live is not None and generation.resolve() == live:
            continue
        if generation.name.startswith(_MAKING) and not owner_gone(generation.name.rsplit("-", 1)[-1]):
            continue  # another build is making it right now
        shutil.rmtree(generation, ignore_errors=True)


def owner_gone(pid: str) -> bool:
    """True when no process has this id (a name's trailing pid says who is making it)."""
    if not pid.isdigit():
        return True
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def publish(root: Path, entries: dict[str, Path]) -> Path:
    """Publish entries (name -> a folder or file to move in) as the next generation, carrying
    over everything else the current one holds; return the new generation."""
    root = Path(root)
    clean_leftovers(root)
    folder = root / GENERATIONS
    folder.mkdir(exist_ok=True)
    _adopt_plain_folder(root, folder)
    # Time to the microsecond: two publishes by one process within a second stay apart.
    stamp = time.strftime("%Y%m%d-%H%M%S") + f".{time.time_ns() // 1000 % 1_000_000:06d}"
    making = folder / f"{_MAKING}{stamp}-{os.getpid()}"
    making.mkdir()
    ready = making.with_name(making.name.removeprefix(_MAKING))
    link = root / f".{SITE}.new-{os.getpid()}"
    previous = current(root)
    try:
        if previous is not None:
            for item in previous.iterdir():
                if item.name not in entries:
                    _link_copy(item, making / item.name)
        for name, path in entries.items():
            os.rename(path, making / name)
        os.rename(making, ready)
        link.unlink(missing_ok=True)
        os.symlink(os.path.relpath(ready, root), link)
        os.replace(link, root / SITE)  # the switch: one atomic rename
    except BaseException:
        # Failed, not killed (a full disk, Ctrl-C): take back what was made. A killed build's
        # leftovers wait for the next build's clean_leftovers.
        if current(root) != ready.resolve():
            shutil.rmtree(making, ignore_errors=True)
            shutil.rmtree(ready, ignore_errors=True)
            link.unlink(missing_ok=True)
        raise
    if previous is not None and previous != ready:
        shutil.rmtree(previous, ignore_errors=True)
    return ready


def _adopt_plain_folder(root: Path, folder: Path) -> None:
    """A `site/` folder from before generations becomes the first generation."""
    site = root / SITE
    if site.is_dir() and not site.is_symlink():
        adopted = folder / f"adopted-{os.getpid()}"
        os.rename(site, adopted)
        os.symlink(os.path.relpath(adopted, root), site)


def _link_copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, copy_function=os.link, symlinks=True)
    else:
        os.link(source, target)
