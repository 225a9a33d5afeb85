"""The macros pages call, for mkdocs-macros-plugin's documented module interface.

A staged site's config names this module under the macros plugin's `modules:`, and the plugin
calls `define_env(env)`; Zensical's macros extension does the same. Each macro of the one table
(playbook.present.macro_table) takes an id, asks playbook.present.views for what to show, and
renders one Jinja template from the staged tree's overrides/playbook/. The data is the staged,
audience-filtered playbook the stage wrote beside the config (playbook.json), never data/.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from playbook.model.facts import Playbook, UnknownId
from playbook.model.handover import Handover
from playbook.present import fences, macro_table, urls, views

# The logger name puts a failed call under MkDocs' strict count; other engines log it too.
log = logging.getLogger("mkdocs.plugins.playbook.macros")


# Characters Markdown would read as syntax in the text of an inline fact (a link, emphasis,
# code): written as character references they show as themselves and mean nothing.
_MARKDOWN_SYNTAX = {ord(c): f"&#{ord(c)};" for c in "[]()*_`\\!#~|{}"}


def tooltip(value: Any) -> str:
    """A value for a `title` attribute inside a page's content. The theme's tooltips
    (content.tooltips) set a title as the tooltip's innerHTML, so the title's decoded value must
    be the text escaped as HTML; autoescaping then escapes it again for the attribute."""
    return escape(str(value), quote=False)


class SiteMacros:
    """The macros of one staged site."""

    def __init__(self, root: Path, current_page: Callable[[], str | None],
                 block: Callable[[str], str] = fences.fenced) -> None:
        self.playbook = _read_playbook(root / Handover.PLAYBOOK_FILE)
        site = _read_handover(root / Handover.FILE).macros
        self.audience = site.audience
        self.page_urls = site.page_urls
        self.page_titles = site.page_titles
        self.feed = site.feed
        self.use_directory_urls = site.use_directory_urls
        self.current_page = current_page
        self.block = block  # how a finished block goes into the page (the benchmark's plain site: as raw HTML)
        self.templates = Environment(loader=FileSystemLoader(str(root / "overrides")), autoescape=True,
                                     undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.templates.filters["tooltip"] = tooltip
        self.templates.globals["impact_bands"] = views.impact_bands()
        # A view depends only on the data, which never changes during a build; a role card on
        # many pages is worked out once.
        self._views: dict[tuple[str, Any], Any] = {}

    def functions(self) -> dict[str, Callable[..., str]]:
        return {name: functools.partial(self.call, name) for name in macro_table.MACROS}

    def href(self, src_path: str, anchor: str | None = None) -> str | None:
        """The URL of a page of this site, relative to the page being rendered; None when the
        site does not have it (an internal page, seen from the customer site)."""
        target = self.page_urls.get(src_path)
        if target is None:
            return None
        current = urls.page_url(self.current_page() or "index.md", self.use_directory_urls)
        url = urls.relative_url(current, target)
        return f"{url}#{anchor}" if anchor else url

    def call(self, name: str, *arguments: Any) -> str:
        macro = macro_table.MACROS[name]
        wrong = macro_table.usage_problem(name, arguments, self.playbook, self.playbook)
        if wrong:
            return self._fail(*wrong)
        key = (name if not macro.takes_id else macro.view.__name__, arguments)
        if key not in self._views:
            reader = {"reader": self.audience} if macro.by_reader else {}
            try:  # making the view is what checks its id: it is made once, not once more to check it
                self._views[key] = macro.view(self.playbook, *arguments, **reader)
            except (UnknownId, ValueError) as error:
                return self._fail(*macro_table.view_problem(name, arguments, error, self.playbook, self.audience))
        return self.render(macro.template, inline=macro.inline, **{macro.context: self._views[key]})

    def render(self, template: str, inline: bool = False, **context: Any) -> str:
        current = urls.page_url(self.current_page() or "index.md", self.use_directory_urls)
        html = self.templates.get_template(f"playbook/{template}.html").render(
            href=self.href, site_audience=self.audience, this_page=self.current_page(),
            feed_url=urls.relative_url(current, self.feed) if self.feed else None,
            title_of=lambda src: self.page_titles.get(src, src), **context)
        if inline:  # part of a sentence: one line, and nothing Markdown would read as syntax
            return " ".join(html.split()).translate(_MARKDOWN_SYNTAX)
        return self.block(html.strip())

    def _fail(self, call: str, message: str) -> str:
        page = self.current_page() or "?"
        log.error(f"docs/{page}: {call} — {message}")
        return self.render("macro-error", message=f"{call}: {message}")


@functools.lru_cache(maxsize=4)
def _read_playbook_cached(path: str, stamp: tuple[int, int]) -> Playbook:
    return Playbook.from_json(Path(path).read_text(encoding="utf-8"))


def _read_playbook(path: Path) -> Playbook:
    """Zensical calls define_env for every page; read each staged playbook once per version."""
    status = path.stat()
    return _read_playbook_cached(str(path), (status.st_mtime_ns, status.st_size))


@functools.lru_cache(maxsize=4)
def _read_handover_cached(path: str, stamp: tuple[int, int]) -> Handover:
    return Handover.read(Path(path).parent)


def _read_handover(path: Path) -> Handover:
    status = path.stat()
    return _read_handover_cached(str(path), (status.st_mtime_ns, status.st_size))


def _current_page_of(env: Any) -> Callable[[], str | None]:
    def current() -> str | None:
        page = getattr(env, "page", None)
        if page is None:
            return None
        file = getattr(page, "file", None)  # MkDocs
        return file.src_uri if file is not None else getattr(page, "path", None)  # Zensical
    return current


def define_env(env: Any) -> None:
    """mkdocs-macros' (and Zensical's) entry point: register every macro of this staged site."""
    macros = SiteMacros(Path(env.project_dir), _current_page_of(env))
    for name, function in macros.functions().items():
        env.macro(function, name)
