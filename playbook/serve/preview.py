"""One site kept up to date from the sources, for the preview server.

Each rebuild runs the same load and stage as `make build`, then MkDocs' own build function in
this process on the staged tree, with `dirty` set: MkDocs re-renders a page only when its staged
file is newer than its output. The stage rewrites a file only when its bytes change, so an edit
to one page re-renders one page. When something every page shows changed (the site config with
its nav, the data, a template, the pages' addresses and titles), every staged page is touched
first, so all of them re-render and no page keeps a stale nav. Then the same steps as the build:
every page read (a page not rewritten is not read again), the output checks, whose problems the
preview shows as its error page, as `make build` would refuse them, and the search index, written
beside the preview once the page is shown (playbook/serve/search_writer.py).

The staged tree lives in a folder of its own outside the project, as the build's sealed copy
does (playbook.render.sealed): the engine in this process reaches only what was staged.
"""
from __future__ import annotations

import hashlib
import logging
import threading
import time
from pathlib import Path

from jinja2 import Environment, PackageLoader

from playbook import pipeline
from playbook.load.sources import SourcesCache, load_sources
from playbook.model.handover import Handover
from playbook.problems import PlaybookError
from playbook.render import checks, page_reading, search_index
from playbook.serve.search_writer import SearchWriter
from playbook.stage.page_cache import PageCache
from playbook.stage.site import StageOptions, plan_site
from playbook.stage.tree import Tree

# Files every page depends on: when one changes, every page is rendered again.
SITE_WIDE = ("mkdocs.yml", Handover.PLAYBOOK_FILE)

RELOAD_PATH = "/__playbook/reload"
# The preview's own pages and the script it adds to every page (markup lives in templates).
TEMPLATES = Environment(loader=PackageLoader("playbook.serve"), autoescape=True)


DIRTY_WARNING = "A 'dirty' build is being performed"


class NotDirtyWarning(logging.Filter):
    """The preview renders dirty on purpose; MkDocs' warning about it would only alarm.

    A handler filter, not a logger filter: MkDocs logs from child loggers, whose records
    skip the filters of the loggers they propagate to.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.addFilter(NotDirtyWarning())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


class Preview:
    def __init__(self, root: Path, audience: str, folder: Path) -> None:
        """folder: where the staged tree and the rendered site live, outside the project."""
        self.root = Path(root)
        self.audience = audience
        self.staged = Path(folder) / "site"
        self.site_dir = Path(folder) / "output"
        self.problems: list[str] = []
        self.version = 0
        self._changed = threading.Condition()
        self._lock = threading.Lock()
        self._site_wide: dict[str, str] = {}
        self._sources_cache = SourcesCache()
        self._page_cache = PageCache()
        self._readings: dict = {}
        self.search = SearchWriter(self.site_dir)

    def rebuild(self) -> None:
        with self._lock:
            started = time.monotonic()
            try:
                sources = load_sources(self.root, cache=self._sources_cache)
                pages, extra_files, problems = pipeline.extras_for(sources, self.audience)
                files, found = plan_site(sources, self.audience, StageOptions(), extra_pages=pages,
                                         extra_files=extra_files, cache=self._page_cache)
                problems += found
                if problems:
                    raise PlaybookError(problems, what=f"The {self.audience} site")
            except PlaybookError as error:
                self._finish([f"{problem}" for problem in error.problems], started)
                return
            tree = Tree(self.staged)
            for path, content in files.items():
                tree.put(path, content)
            tree.commit()
            fingerprint = {name: hashlib.sha256(files.get(name, b"")).hexdigest() for name in SITE_WIDE}
            handover = Handover.model_validate_json(files[Handover.FILE])
            fingerprint["links"] = hashlib.sha256(handover.macros.model_dump_json().encode()).hexdigest()
            templates = hashlib.sha256(b"".join(c for p, c in sorted(files.items()) if p.startswith("overrides/")))
            fingerprint["overrides"] = templates.hexdigest()
            if fingerprint != self._site_wide:
                tree.touch_pages()
                self._site_wide = fingerprint
            self.search.stop()
            self.search.keep()
            problems, readings = self._render(handover)
            self.search.put_back()
            self._finish(problems, started)
            # Search is brought up to date after the page is shown, beside the next edit.
            if readings is not None:
                searched = {src: r.search for src, r in readings.items()}
                self.search.start(lambda: search_index.index_files(self.site_dir, handover, searched, self.staged))

    def _render(self, handover: Handover) -> tuple[list[str], dict | None]:
        """MkDocs' build of the staged tree, in this process, and the build's checks after it: the
        engine's warnings and errors, else the output checks' problems; and the pages as read."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, ConfigurationError

        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collect)
        try:
            # Not strict: MkDocs warns about every dirty build. Every other warning is still shown
            # as a problem on the preview's error page.
            config = load_config(str(self.staged / "mkdocs.yml"), site_dir=str(self.site_dir), strict=False)
            build(config, dirty=True)
        except (Abort, ConfigurationError, OSError) as error:
            collect.lines.append(str(error))
        finally:
            logger.removeHandler(collect)
        if collect.lines:
            return collect.lines, None
        readings = page_reading.read_site(self.site_dir, handover, cache=self._readings)
        return [str(problem) for problem in checks.check_site(readings, self.staged, handover)], readings

    def _finish(self, problems: list[str], started: float) -> None:
        with self._changed:
            self.problems = problems
            self.version += 1
            self._changed.notify_all()
        state = f"{len(problems)} problem(s)" if problems else "ok"
        print(f"Rebuilt the {self.audience} site in {time.monotonic() - started:.1f} s: {state}", flush=True)
        for problem in problems:
            print(f"  {problem}", flush=True)

    def wait_for_version(self, since: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.version != since, timeout=timeout)
            return self.version

    def with_reload(self, page: str) -> str:
        script = self._reload_script()
        return page.replace("</body>", script + "</body>", 1) if "</body>" in page else page + script

    def error_page(self) -> str:
        return TEMPLATES.get_template("error-page.html").render(
            title=f"The {self.audience} site has {len(self.problems)} problem(s)", problems=self.problems,
            version=self.version, reload_path=RELOAD_PATH)

    def _reload_script(self) -> str:
        return TEMPLATES.get_template("reload-script.html").render(version=self.version, reload_path=RELOAD_PATH)
