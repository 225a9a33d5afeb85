"""The preview's search index, written beside the preview instead of in its way.

At 1,000 pages the index takes seconds to write. Written in the rebuild, under its lock, it held
back the next edit: an author saving twice waited for the index of the first save before seeing
the second. The preview therefore writes the index in a process of its own, forked from the
rebuild with everything it read, on the other core, and a newer rebuild stops it: an index of
pages that have changed since is not worth finishing.

The files are written into a folder beside search/ and swapped in whole, so the served index and
its files always belong together; and as the engine's dirty build overwrites search_index.json
with its own (which lists no page), the preview puts the last whole index back right after the
engine ran: search answers from the previous edit until the fresh index is in.

Where processes cannot be forked (not Linux or macOS), the index is written in the rebuild, as
before.
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from playbook.render import search_index

NEXT, OLD = "search.next", "search.old"


class SearchWriter:
    def __init__(self, site_dir: Path) -> None:
        self.folder = Path(site_dir) / search_index.INDEX.parent
        self.process: multiprocessing.process.BaseProcess | None = None
        self._kept: bytes | None = None  # the last whole index (search_index.json)
        self._closed = False  # the preview is stopping: no index is started any more
        self._guard = threading.Lock()  # the rebuild thread starts writers; the preview's exit closes

    def keep(self) -> None:
        """Before the engine runs: remember the whole index it is about to overwrite."""
        index = self.folder / search_index.INDEX.name
        self._kept = index.read_bytes() if index.is_file() and self.process_finished() else self._kept

    def put_back(self) -> None:
        """After the engine ran: the whole index again in place of the engine's."""
        if self._kept is not None and self.folder.is_dir():
            (self.folder / search_index.INDEX.name).write_bytes(self._kept)

    def process_finished(self) -> bool:
        return self.process is None or not self.process.is_alive()

    def close(self) -> None:
        """The preview stops: the index being written is stopped, and no other is started (a
        rebuild still running would otherwise fork one while the preview exits)."""
        with self._guard:
            self._closed = True
            self._stop()

    def stop(self) -> None:
        with self._guard:
            self._stop()

    def _stop(self) -> None:
        """A newer rebuild began, or the preview stops: the index being written is of pages that
        changed since, and nothing of it is served before its last step (the swap). Killed, not
        asked: a process forked from one running threads may hold a lock no handler would get past."""
        if self.process is not None and self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.process = None

    def start(self, files: Callable[[], Mapping[str, str]]) -> None:
        """Write the index files() makes: in a forked process, or here where there is no fork."""
        with self._guard:
            self._stop()
            if self._closed:
                return
            if "fork" not in multiprocessing.get_all_start_methods():
                self._write(files)
                return
            self.process = multiprocessing.get_context("fork").Process(target=self._write, args=(files, True),
                                                                       daemon=True)
            self.process.start()

    def wait(self) -> None:
        """Until the index being written is in (the tests' way of seeing a write through)."""
        if self.process is not None:
            self.process.join()

    def _write(self, files: Callable[[], Mapping[str, str]], forked: bool = False) -> None:
        if forked:  # the preview stops this process (Ctrl-C too), never the handlers it inherited
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
        parent = self.folder.parent
        fresh, old = parent / NEXT, parent / OLD
        for leftover in (fresh, old):
            shutil.rmtree(leftover, ignore_errors=True)
        search_index.write_files(fresh, files())
        self._kept = (fresh / search_index.INDEX.name).read_bytes()
        if self.folder.exists():
            os.replace(self.folder, old)
        os.replace(fresh, self.folder)
        shutil.rmtree(old, ignore_errors=True)
