"""MkDocs hooks: where the playbook meets MkDocs for the rules no page calls.

Each event hands its work to the pure modules in playbook/ and reports their problems:
- on_config loads and validates data/ once, picks the site's audience, registers the macros;
- on_files applies default deny (the customer site keeps only pages marked for customers),
  adds the generated role pages, and checks that every process names a page that exists;
- on_page_markdown removes internal passages from customer pages and shields code samples
  from the macro engine, before the macros run;
- on_page_content stops a customer page from linking to a page the customer site does not have;
- on_env keeps a file from docs/ (an image, a PDF) in the customer site only when a customer
  page uses it;
- on_pre_build, on_env and on_post_build keep `mkdocs serve --dirty` correct: a change to
  anything but a page (data/, hooks/, overrides/, the config) rebuilds every page, and the
  search index keeps the pages a partial rebuild did not render.

Data problems stop the build at once, all of them listed. Page problems are logged as errors
naming file and line; strict mode then fails the build after every page has been read, so an
author sees every mistake in one run.
"""
from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import playbook_macros
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from playbook.load import front_matter
from playbook.load.data_folder import load_playbook
from playbook.load.settings import read_settings
from playbook.model.facts import CUSTOMER, INTERNAL, Playbook
from playbook.model.settings import Settings
from playbook.problems import PlaybookError, Problem
from playbook.stage import audience as audiences
from playbook.stage import generated_pages, markdown_text
from playbook.stage import nav as navigation

log = logging.getLogger("mkdocs.plugins.playbook")

# `mkdocs serve` loads this module afresh for every rebuild; when each build of a site folder
# started is carried over from the copy loaded before (see on_pre_build).
_build_started: dict[str, float] = getattr(sys.modules.get("playbook_site"), "_build_started", {})

# MkDocs registers a hook module under its path ("hooks/playbook_site.py"); register the plain
# name too, so other hook files reach this build's state with `import playbook_site` instead of
# loading a second, empty copy of this module.
sys.modules["playbook_site"] = sys.modules[__name__]


@dataclass
class _Site:
    """What one build knows. A new one is made in every on_config, so `mkdocs serve` rebuilds
    never see the previous build's data."""

    root: Path
    audience: str
    settings: Settings
    everything: Playbook
    visible: Playbook
    files: Files | None = None
    removed_pages: set[str] = field(default_factory=set)
    page_meta: dict[str, front_matter.FrontMatter] = field(default_factory=dict)
    macros: playbook_macros.PlaybookMacros | None = None
    current_page: Page | None = None
    # What the macros engine treats as the start of Jinja ({{, {%, {#), read once per build.
    jinja_starts: tuple[str, ...] | None = None
    # The URL of each page a macro links to, relative to current_page; emptied when the page
    # changes. A role card links the same process page once per duty, hundreds of times.
    page_urls: dict[str, str | None] = field(default_factory=dict)
    # In a partial (`serve --dirty`) rebuild: the search index before it, and the pages rendered.
    previous_index: dict | None = None
    rendered_urls: set[str] = field(default_factory=set)


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
        settings = read_settings(root)
        everything = load_playbook(root / "data", root=root)
    except PlaybookError as error:
        raise PluginError(str(error)) from None
    _site = _Site(root, site_audience, settings, everything, audiences.for_audience(everything, site_audience))
    if site_audience == CUSTOMER:
        # Default deny reaches the chrome too: no repository or edit links in front of customers.
        config.repo_url = config.repo_name = config.edit_uri = None
        brand = settings.brand
        # The customer header carries the firm's name: taken from extra.brand, the one place it is set;
        # the address and description from extra.customer_site.
        config.site_name = f"{brand.firm_name} · {brand.customer_site_title}"
        config.site_url = settings.customer_site.url
        config.site_description = settings.customer_site.description
        config.extra_css.append(BRAND_CSS)

    macros_plugin = config.plugins.get("macros")
    if macros_plugin is None:
        raise PluginError("mkdocs.yml must list the 'macros' plugin: pages draw matrices and checklists with it")
    macros = playbook_macros.PlaybookMacros(
        _site.visible, site_audience, root / "overrides", _href, _report_macro_problem, everything=everything)
    macros_plugin.register_macros(macros.functions())
    _site.macros = macros

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
        meta = front_matter.read_front_matter(text, display_name(page_file))
        for problem in meta.problems:
            _report(problem)
        site.page_meta[page_file.src_uri] = meta
        if site.audience == CUSTOMER and meta.audience != CUSTOMER:
            files.remove(page_file)
            site.removed_pages.add(page_file.src_uri)

    for page in generated_pages.role_pages(site.visible):
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            _report(Problem(display_name(existing), None, "role pages are generated from data/roles.yml, "
                            "and this file would replace one", "delete it and edit the role in data/roles.yml"))
            files.remove(existing)
        generated = File.generated(config, page.src_uri, content=page.markdown)
        # A role page is made from data alone, and a data change empties the site folder (see
        # on_pre_build); so a dirty rebuild re-renders it only when its output is missing.
        # (MkDocs treats a generated file as always modified, and role cards are the
        # heaviest pages there are.) Only `mkdocs serve --dirty` ever asks.
        generated.is_modified = lambda generated=generated: not os.path.isfile(generated.abs_dest_path)
        files.append(generated)

    # Whether each page named in data exists is checked with every other data reference
    # (hooks/data_page_links.py); the audience mismatch is this site's own rule.
    for process in site.visible.processes.values():
        if process.page in site.removed_pages:
            _report(process.page_source.problem(
                f"the process '{process.id}' is for customers but its page '{process.page}' is internal",
                f"add 'audience: customer' to the front matter of docs/{process.page}, "
                "or make the process 'audience: internal'"))

    if site.audience == CUSTOMER:
        brand_css = site.macros.env.get_template("playbook/brand-colours.css.html").render(brand=site.settings.brand)
        files.append(File.generated(config, BRAND_CSS, content=brand_css))
        _make_customer_home(files, config)
        if config.nav is not None:
            config.nav = navigation.prune(config.nav, {f.src_uri for f in files.documentation_pages()})
    return files


BRAND_CSS = "assets/playbook/brand.css"


def _make_customer_home(files: Files, config: MkDocsConfig) -> None:
    """The customer site opens on the page named by extra.customer_site.home, written for customers."""
    home_src = _site.settings.customer_site.home
    home = files.get_file_from_path(home_src)
    if home is None:
        raise PluginError(f"mkdocs.yml: extra.customer_site.home must name a customer page in docs/ "
                          f"to serve as the customer site's home page (found {home_src!r})")
    if home_src != "index.md":
        for cached in ("url", "abs_dest_path"):
            home.__dict__.pop(cached, None)
        home.dest_uri = "index.html"
        if config.nav is not None:
            config.nav = navigation.replace_page(config.nav, "index.md", home_src)


# -- on_pre_build ---------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    """`mkdocs serve --dirty` re-renders only the pages whose Markdown changed, which is what
    makes a page edit on a large playbook show in a second or two. Everything else a page is
    made from (data/, hooks/, overrides/, mkdocs.yml) can change any page, so when any of it
    changed since the last build of this site folder started, empty the folder: MkDocs then
    rebuilds every page. A page added, removed or renamed in docs/ changes every page's nav, so
    it rebuilds everything too. A plain `mkdocs build` (or `serve` without --dirty) cleans the
    folder anyway, so this changes nothing there."""
    site_dir = config.site_dir
    previous = _build_started.get(site_dir)
    _build_started[site_dir] = time.time()
    if previous is not None and os.path.isdir(site_dir) and _inputs_changed_since(previous, config):
        log.info("Data, templates, hooks or configuration changed: rebuilding every page")
        clean_directory(site_dir)


def _inputs_changed_since(moment: float, config: MkDocsConfig) -> bool:
    docs_dir = os.path.realpath(config.docs_dir)
    roots = [*config.watch, config.config_file_path, os.path.join(os.path.dirname(config.config_file_path),
                                                                   "mkdocs.yml")]
    for folder, _subfolders, _names in os.walk(docs_dir):
        if os.path.getmtime(folder) > moment:  # a page added, renamed or deleted: every nav changes
            return True
    for root in roots:
        if os.path.realpath(root) == docs_dir:
            continue
        if os.path.isfile(root):
            if os.path.getmtime(root) > moment:
                return True
            continue
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]  # written by every import
            if os.path.getmtime(folder) > moment:  # a file added, renamed or deleted
                return True
            if any(os.path.getmtime(os.path.join(folder, n)) > moment for n in names if not n.endswith(".pyc")):
                return True
    return False


# -- on_page_markdown -----------------------------------------------------------------------


@event_priority(100)  # before mkdocs-macros renders the page
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = _site
    site.current_page = page
    site.page_urls.clear()
    if markdown_text.has_unclosed_internal_block(markdown):
        _report(Problem(display_name(page.file), None, "an '/// internal' block is never closed, so it would hide "
                        "the rest of the page from customers", "close the block with a line holding only ///"))
    if site.audience == CUSTOMER:
        markdown = markdown_text.remove_internal_blocks(markdown)
    markdown = markdown_text.shield_code_from_macros(markdown)
    _skip_macros_without_jinja(markdown, page, config)
    return markdown


def _skip_macros_without_jinja(markdown: str, page: Page, config: MkDocsConfig) -> None:
    """Most pages of a large playbook are prose with no macro call. mkdocs-macros would still
    compile and render each as a Jinja template, which gives back the same text (Jinja only drops
    a final newline, which Markdown ignores); telling it to leave such a page alone saves that
    work on every page, and the HTML is unchanged."""
    site = _site
    if site.jinja_starts is None:
        env = config.plugins["macros"].env
        site.jinja_starts = (env.variable_start_string, env.block_start_string, env.comment_start_string)
    title = page.title if isinstance(page.title, str) else ""
    if "render_macros" not in page.meta and not any(s in markdown or s in title for s in site.jinja_starts):
        page.meta["render_macros"] = False


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
            _report(Problem(display_name(page.file), _line_of(page, match.group("url")),
                            f"this customer page links to '{target}', which is an internal page",
                            f"remove the link, move it into an '/// internal' block, or mark docs/{target} "
                            "'audience: customer' if customers may read it"))
    return html


# -- on_env ---------------------------------------------------------------------------------

_ASSET_REF = re.compile(r'(?:src|href)="(?P<url>[^"#?:]+)(?:[#?][^"]*)?"')


def on_env(env, config: MkDocsConfig, files: Files):
    """Default deny for files in docs/ that are not pages: in the customer site, keep only those
    a customer page refers to. (Theme assets come from overrides/ and Material, not docs/.)"""
    site = _site
    _note_partial_rebuild(files, config)
    if site.audience != CUSTOMER:
        return env
    used: set[str] = set()
    for page_file in files.documentation_pages():
        base = posixpath.dirname(page_file.url if page_file.url.endswith("/") else page_file.url)
        for match in _ASSET_REF.finditer(page_file.page.content or ""):
            used.add(posixpath.normpath(posixpath.join(base, match.group("url"))))
    docs_dir = Path(config.docs_dir).resolve()
    for static in list(files.static_pages()):
        from_docs = static.abs_src_path and Path(static.abs_src_path).resolve().is_relative_to(docs_dir)
        if from_docs and static.url not in used and static.src_uri not in config.extra_css + config.extra_javascript:
            files.remove(static)
    return env


# -- the search index of a partial rebuild --------------------------------------------------

SEARCH_INDEX = ("search", "search_index.json")


def _note_partial_rebuild(files: Files, config: MkDocsConfig) -> None:
    """A dirty rebuild renders only the pages MkDocs finds modified (the test below is MkDocs'
    own), and Material's search index would then list only those. Keep the index from before,
    to merge in on_post_build. Every other build renders every page and skips this."""
    site = _site
    pages = files.documentation_pages()
    rendered = {_page_url(f) for f in pages if f.is_modified()}
    index = Path(config.site_dir, *SEARCH_INDEX)
    if len(rendered) < len(pages) and index.is_file():
        site.previous_index = json.loads(index.read_text(encoding="utf-8"))
        site.rendered_urls = rendered


def _page_url(file: File) -> str:
    """The page's URL as the search index writes it (Page.url: the home page is "")."""
    return "" if file.url in (".", "./") else file.url


@event_priority(-20)  # after Material's search plugin (0) writes the index, before search_tuning (-50)
def on_post_build(config: MkDocsConfig) -> None:
    """In a partial rebuild, the index lists the rendered pages from this build and every other
    page of the site from the index before it, in the site's page order."""
    site = _site
    index_path = Path(config.site_dir, *SEARCH_INDEX)
    if site.previous_index is None or not index_path.is_file():
        return
    fresh = json.loads(index_path.read_text(encoding="utf-8"))

    def by_page(docs: list[dict]) -> dict[str, list[dict]]:
        grouped: dict[str, list[dict]] = {}
        for doc in docs:
            grouped.setdefault(doc.get("location", "").split("#", 1)[0], []).append(doc)
        return grouped

    new, old = by_page(fresh.get("docs", [])), by_page(site.previous_index.get("docs", []))
    docs = []
    for page_file in site.files.documentation_pages():
        url = _page_url(page_file)
        docs += (new if url in site.rendered_urls else old).get(url, [])
    config_ = fresh.get("config", {})
    fields = {**site.previous_index.get("config", {}).get("fields", {}), **config_.get("fields", {})}
    merged = {**fresh, "config": {**config_, **({"fields": fields} if fields else {})}, "docs": docs}
    index_path.write_text(json.dumps(merged, separators=(",", ":"), default=str), encoding="utf-8")


# -- helpers for the macros -----------------------------------------------------------------


def _href(src_path: str, anchor: str | None = None) -> str | None:
    site = _site
    if site.current_page is None:
        return None
    if src_path in site.page_urls:
        url = site.page_urls[src_path]
    else:
        target = site.files.get_file_from_path(src_path) if site.files else None
        url = site.page_urls[src_path] = target.url_relative_to(site.current_page.file) if target else None
    if url is None:
        return None
    return f"{url}#{anchor}" if anchor else url


def _report_macro_problem(call: str, message: str) -> None:
    page = _site.current_page
    name = call.split("(", 1)[0]
    wanted = call.split('"')[1] if '"' in call else ""
    _report(Problem(display_name(page.file), _line_of(page, wanted, name), call, message))


def _line_of(page: Page, *needles: str) -> int | None:
    """The line of the page's source file that first holds every needle, for messages."""
    for number, line in enumerate(page.file.content_string.splitlines(), start=1):
        if all(n in line for n in needles if n):
            return number
    return None


def display_name(file: File) -> str:
    """The path an author recognises: docs/... for written pages, the data file for generated ones."""
    if file.generated_by or not file.abs_src_path:
        return f"(generated) {file.src_uri}"
    return Path(file.abs_src_path).relative_to(_site.root).as_posix() \
        if Path(file.abs_src_path).is_relative_to(_site.root) else file.abs_src_path
