"""Run an engine's own command line, telling the build which page it is working on.

`python -m playbook.render.launch ENGINE ARGS...` starts ENGINE's documented CLI with ARGS, as
`python -m ENGINE ARGS...` would, after adding one logging handler: the engine's build module
logs, at debug level, each page it reads and builds, and the handler writes that line to the
file named by PLAYBOOK_PROGRESS. The build watches the file; an engine that stops making
progress (a page whose Markdown makes the parser loop) is stopped, and the author is told
which page. Nothing of the engine is replaced or wrapped.
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

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith(("Reading: ", "Building page ")):
            with open(self.path, "w", encoding="utf-8") as progress:
                progress.write(message.split(" ", 1)[1].removeprefix("page ") + "\n")


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
