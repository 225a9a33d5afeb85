"""Run an engine's own command line, telling the build which page it is working on.

`python -m playbook.render.launch ENGINE ARGS...` starts ENGINE's documented CLI with ARGS, as
`python -m ENGINE ARGS...` would, after adding one logging handler: the engine's build module
logs, at debug level, each page it reads and builds, and the handler writes that line to the
file named by PLAYBOOK_PROGRESS, after a count of the lines written so far ("17 phases/kickoff.md").
The build watches the count; an engine whose count stops moving (a page whose Markdown makes the
parser loop) is stopped, and the author is told which page. The count, not the file's time, says
that something happened: a file's time comes from another clock than the one the build waits by
(a shifted date, a network file system). Nothing of the engine is replaced or wrapped.
"""
from __future__ import annotations

import importlib
import logging
import os
import sys


class _Progress(logging.Handler):
    def __init__(self, path: str) -> None:
        super().__init__(logging.DEBUG)
        self.path = path
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith(("Reading: ", "Building page ")):
            self.count += 1
            with open(self.path, "w", encoding="utf-8") as progress:
                progress.write(f"{self.count} {message.split(' ', 1)[1].removeprefix('page ')}\n")


def main() -> None:
    engine, arguments = sys.argv[1], sys.argv[2:]
    progress = os.environ.get("PLAYBOOK_PROGRESS")
    if progress:
        logger = logging.getLogger(f"{engine}.commands.build")
        logger.setLevel(logging.DEBUG)
        logger.addHandler(_Progress(progress))
    cli = importlib.import_module(f"{engine}.__main__").cli
    sys.argv = [engine, *arguments]
    cli()


if __name__ == "__main__":
    main()
