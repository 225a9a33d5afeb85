"""MkDocs hooks: where the playbook meets MkDocs for the rules no page calls.

Each event hands its work to the pure modules in playbook/ and reports their problems:
- on_config loads and validates data/ once, picks the site's audience, registers the macros;
- on_files applies default deny (the customer site keeps only pages marked for customers),
  adds the generated role pages, and checks that every process names a page that exists;
- on_page_markdown removes internal passages from customer pages and shields code samples
  from the macro engine, before the macros run;
- on_page_content stops a customer page from linking to a page the customer site does not have.

Data problems stop the build at once, all of them listed. Page problems are logged as errors
naming file and line; strict mode then fails the build after every page has been read, so an
author sees every mistake in one run.
"""
from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from playbook import audience as audiences
from playbook import front_matter, generated_pages, markdown_text, navigation
from playbook.model import CUSTOMER, INTERNAL, Playbook, load_playbook
from playbook.problems import PlaybookError, Problem
import playbook_macros

log = logging.getLogger("mkdocs.plugins.playbook")


@dataclass
class _Site:
    """What one build knows. A new one is made in every on_config, so `mkdocs serve` rebuilds
    never see the previous build's data."""

    root: Path
    audience: str
    everything: Playbook
    visible: Playbook
    files: Files | None = None
    removed_pages: set[str] = field(default_factory=set)
    current_page: Page | None = None


_site: _Site | None = None


def current_site() -> _Site:
    """The build in progress, for other hook modules (listed after this one in mkdocs.yml)."""
    if _site is None:
        raise PluginError("hooks/playbook_site.py must be listed first under 'hooks:' in mkdocs.yml")
    return _site


def _report(problem: Problem) -> None:
    log.error(str(problem))


# -- on_config ------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    root = Path(config.config_file_path).parent
    site_audience = config.extra.get("audience", INTERNAL)
    if site_audience not in audiences.SITE_AUDIENCES:
        raise PluginError(f"{Path(config.config_file_path).name}: extra.audience is '{site_audience}' — "
                          f"use one of {', '.join(audiences.SITE_AUDIENCES)}")
    try:
        everything = load_playbook(root / "data", root=root)
    except PlaybookError as error:
        raise PluginError(str(error)) from None
    _site = _Site(root, site_audience, everything, audiences.for_audience(everything, site_audience))

    macros_plugin = config.plugins.get("macros")
    if macros_plugin is None:
        raise PluginError("mkdocs.yml must list the 'macros' plugin: pages draw matrices and checklists with it")
    macros = playbook_macros.PlaybookMacros(
        _site.visible, site_audience, root / "overrides", _href, _report_macro_problem, everything=everything)
    macros_plugin.register_macros(macros.functions())

    if config.nav is not None:
        entries = [{p.title: p.src_uri} for p in generated_pages.role_pages(_site.visible)]
        config.nav, found = navigation.insert_after(config.nav, "roles/index.md", entries)
        if not found:
            raise PluginError("mkdocs.yml: the nav must list 'roles/index.md'; the generated role pages go after it")
    return config


# -- on_files -------------------------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _site
    site.files = files
    for page_file in list(files.documentation_pages()):
        text = page_file.content_string
        meta = front_matter.read_front_matter(text, _display(page_file))
        for problem in meta.problems:
            _report(problem)
        if site.audience == CUSTOMER and meta.audience != CUSTOMER:
            files.remove(page_file)
            site.removed_pages.add(page_file.src_uri)

    for page in generated_pages.role_pages(site.visible):
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            _report(Problem(_display(existing), None, "role pages are generated from data/roles.yml, "
                            "and this file would replace one", "delete it and edit the role in data/roles.yml"))
            files.remove(existing)
        files.append(File.generated(config, page.src_uri, content=page.markdown))

    for process in site.everything.processes.values():
        if files.get_file_from_path(process.page) is None and process.page not in site.removed_pages:
            _report(process.page_source.problem(
                f"the process '{process.id}' names the page '{process.page}', which does not exist in docs/",
                "correct the path (relative to docs/, such as phases/kickoff.md) or create the page"))

    if site.audience == CUSTOMER and config.nav is not None:
        keep = {f.src_uri for f in files.documentation_pages()}
        config.nav = navigation.prune(config.nav, keep)
    return files


# -- on_page_markdown -----------------------------------------------------------------------


@event_priority(100)  # before mkdocs-macros renders the page
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = _site
    site.current_page = page
    if markdown_text.has_unclosed_internal_block(markdown):
        _report(Problem(_display(page.file), None, "an '/// internal' block is never closed, so it would hide "
                        "the rest of the page from customers", "close the block with a line holding only ///"))
    if site.audience == CUSTOMER:
        markdown = markdown_text.remove_internal_blocks(markdown)
    return markdown_text.shield_code_from_macros(markdown)


# -- on_page_content ------------------------------------------------------------------------

_HREF = re.compile(r'href="(?P<url>[^"#?]+\.md)(?:#[^"]*)?"')


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A link MkDocs could not resolve stays as `x.md`; if x.md is a page the customer site
    dropped, say so (MkDocs alone would only log it at INFO level, even in strict mode)."""
    site = _site
    if site.audience != CUSTOMER:
        return html
    base = posixpath.dirname(page.file.src_uri)
    for match in _HREF.finditer(html):
        target = posixpath.normpath(posixpath.join(base, match.group("url")))
        if target in site.removed_pages:
            _report(Problem(_display(page.file), _line_of(page, match.group("url")),
                            f"this customer page links to '{target}', which is an internal page",
                            f"remove the link, move it into an '/// internal' block, or mark docs/{target} "
                            "'audience: customer' if customers may read it"))
    return html


# -- helpers for the macros -----------------------------------------------------------------


def _href(src_path: str, anchor: str | None = None) -> str | None:
    site = _site
    target = site.files.get_file_from_path(src_path) if site.files else None
    if target is None or site.current_page is None:
        return None
    url = target.url_relative_to(site.current_page.file)
    return f"{url}#{anchor}" if anchor else url


def _report_macro_problem(call: str, message: str) -> None:
    page = _site.current_page
    name = call.split("(", 1)[0]
    wanted = call.split('"')[1] if '"' in call else ""
    _report(Problem(_display(page.file), _line_of(page, wanted, name), call, message))


def _line_of(page: Page, *needles: str) -> int | None:
    """The line of the page's source file that first holds every needle, for messages."""
    for number, line in enumerate(page.file.content_string.splitlines(), start=1):
        if all(n in line for n in needles if n):
            return number
    return None


def _display(file: File) -> str:
    """The path an author recognises: docs/... for written pages, the data file for generated ones."""
    if file.generated_by or not file.abs_src_path:
        return f"(generated) {file.src_uri}"
    return Path(file.abs_src_path).relative_to(_site.root).as_posix() \
        if Path(file.abs_src_path).is_relative_to(_site.root) else file.abs_src_path
