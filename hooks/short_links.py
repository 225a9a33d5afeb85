"""MkDocs hook: writes /go/<short-id>/ pages and the old addresses of moved pages.

Runs after hooks/playbook_site.py (which decides which pages this site has), so the customer
site only ever gets short links to customer pages. The plan and its checks live in
playbook/short_links.py; this file only reads front matter from the build and writes HTML from
overrides/playbook/redirect.html.
"""
from __future__ import annotations

import logging
from pathlib import Path

import playbook_site
from jinja2 import Environment, FileSystemLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from playbook.problems import Problem
from playbook.stage import redirects as short_links

log = logging.getLogger("mkdocs.plugins.playbook.short_links")

_planned: list[short_links.Redirect] = []
_own: dict[str, short_links.Redirect] = {}  # src_uri -> its own short link (or its process's), for every page
_files: Files | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _planned, _own, _files
    site = playbook_site.current_site()
    pages = []
    for page_file in files.documentation_pages():
        meta = site.page_meta.get(page_file.src_uri)
        if meta is None:  # a generated page: it has no front matter of an author's to read
            continue
        pages.append(short_links.PageLinks(
            page_file.src_uri, playbook_site.display_name(page_file),
            meta.values.short, meta.line_of("short"),
            list(meta.values.redirect_from) or None, meta.line_of("redirect_from")))
    _planned, problems = short_links.plan_redirects(pages, site.visible, use_directory_urls=config.use_directory_urls)
    for problem in problems:
        log.error(str(problem))
    _own = _own_links(_planned)
    _files = files
    return files


def _own_links(redirects: list[short_links.Redirect]) -> dict[str, short_links.Redirect]:
    """Each page's own short link, else the one it gets as a process's page, for every page at
    once: looking it up per page would read every redirect for every page, which grows with the
    square of the page count."""
    first: dict[str, dict[str, short_links.Redirect]] = {"short": {}, "process": {}}
    for redirect in redirects:
        if redirect.kind in first:
            first[redirect.kind].setdefault(redirect.target, redirect)
    return {**first["process"], **first["short"]}  # a page's own short link wins over its process's


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give the page its short link (its own, or its process's) for the "Copy link" control."""
    own = _own.get(page.file.src_uri)
    if own is not None and config.site_url:
        page.meta["short_link"] = config.site_url.rstrip("/") + "/" + own.path
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    env = Environment(loader=FileSystemLoader(config.theme.custom_dir or "overrides"), autoescape=True)
    template = env.get_template("playbook/redirect.html")
    for redirect in _planned:
        target = _files.get_file_from_path(redirect.target)
        output = site_dir / (redirect.path + "index.html" if redirect.path.endswith("/") else redirect.path)
        if output.exists() and not _written_here_before(output):
            log.error(str(Problem(redirect.declared_in, None,
                                  f"the address /{redirect.path} would replace a page that lives there",
                                  "choose another short id, or remove the old path from redirect_from")))
            continue
        url = get_relative_url(target.url, redirect.path)
        if redirect.anchor:
            url = f"{url}#{redirect.anchor}"
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(template.render(url=url, title=target.page.title if target.page else target.src_uri,
                                          site_name=config.site_name), encoding="utf-8")


def _written_here_before(output: Path) -> bool:
    """A redirect this hook wrote in an earlier build into the same folder, which only
    `mkdocs serve --dirty` keeps (every other build starts from an empty folder)."""
    with output.open("rb") as existing:
        return b'http-equiv="refresh"' in existing.read(2048)
