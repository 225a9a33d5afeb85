"""MkDocs hooks: where the playbook meets MkDocs for the rules no page calls.

Each event hands its work to the pure modules in playbook/ and reports their problems:
- on_config loads and validates data/ once, picks the site's audience, registers the macros;
- on_files applies default deny (the customer site keeps only pages marked for customers),
  adds the generated role pages, and checks that every process names a page that exists;
- on_page_markdown removes internal passages from customer pages and shields code samples
  from the macro engine, before the macros run;
- on_page_content stops a customer page from linking to a page the customer site does not have;
- on_env keeps a file from docs/ (an image, a PDF) in the customer site only when a customer
  page uses it.

Data problems stop the build at once, all of them listed. Page problems are logged as errors
naming file and line; strict mode then fails the build after every page has been read, so an
author sees every mistake in one run.
"""
from __future__ import annotations

import logging
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from playbook import audience as audiences
from playbook import front_matter, generated_pages, markdown_text, navigation
from playbook.facts import CUSTOMER, INTERNAL, Playbook
from playbook.model import load_playbook
from playbook.problems import PlaybookError, Problem
import playbook_macros

log = logging.getLogger("mkdocs.plugins.playbook")

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
    everything: Playbook
    visible: Playbook
    files: Files | None = None
    removed_pages: set[str] = field(default_factory=set)
    page_meta: dict[str, front_matter.FrontMatter] = field(default_factory=dict)
    macros: playbook_macros.PlaybookMacros | None = None
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
    if site_audience == CUSTOMER:
        # Default deny reaches the chrome too: no repository or edit links in front of customers.
        config.repo_url = config.repo_name = config.edit_uri = None
        _check_brand(config)
        brand = config.extra["brand"]
        # The customer header carries the firm's name: taken from extra.brand, the one place it is set.
        config.site_name = f"{brand['firm_name']} · {brand.get('customer_site_title', 'Implementation guide')}"
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
        files.append(File.generated(config, page.src_uri, content=page.markdown))

    for process in site.everything.processes.values():
        if process.page in site.removed_pages:
            if process.id in site.visible.processes:
                _report(process.page_source.problem(
                    f"the process '{process.id}' is for customers but its page '{process.page}' is internal",
                    f"add 'audience: customer' to the front matter of docs/{process.page}, "
                    "or make the process 'audience: internal'"))
        elif files.get_file_from_path(process.page) is None:
            _report(process.page_source.problem(
                f"the process '{process.id}' names the page '{process.page}', which does not exist in docs/",
                "correct the path (relative to docs/, such as phases/kickoff.md) or create the page"))

    if site.audience == CUSTOMER:
        brand_css = site.macros.env.get_template("playbook/brand-colours.css.html").render(brand=config.extra["brand"])
        files.append(File.generated(config, BRAND_CSS, content=brand_css))
        _make_customer_home(files, config)
        if config.nav is not None:
            config.nav = navigation.prune(config.nav, {f.src_uri for f in files.documentation_pages()})
    return files


BRAND_CSS = "assets/playbook/brand.css"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_brand(config: MkDocsConfig) -> None:
    brand = config.extra.get("brand")
    name = Path(config.config_file_path).name
    if not isinstance(brand, dict) or not isinstance(brand.get("firm_name"), str):
        raise PluginError(f"{name}: extra.brand must give the firm_name, primary_color and accent_color "
                          "the customer site shows (see mkdocs.yml)")
    for key in ("primary_color", "accent_color"):
        if not _COLOUR.match(str(brand.get(key, ""))):
            raise PluginError(f"{name}: extra.brand.{key} is {brand.get(key)!r} — write a colour as "
                              "\"#rrggbb\", such as \"#1d3557\"")


def _make_customer_home(files: Files, config: MkDocsConfig) -> None:
    """The customer site opens on the page named by extra.home, written for customers."""
    home_src = config.extra.get("home")
    home = files.get_file_from_path(home_src) if home_src else None
    if home is None:
        raise PluginError(f"{Path(config.config_file_path).name}: extra.home must name a customer page in docs/ "
                          f"to serve as the customer site's home page (found {home_src!r})")
    if home_src != "index.md":
        for cached in ("url", "abs_dest_path"):
            home.__dict__.pop(cached, None)
        home.dest_uri = "index.html"
        if config.nav is not None:
            config.nav = navigation.replace_page(config.nav, "index.md", home_src)


# -- on_page_markdown -----------------------------------------------------------------------


@event_priority(100)  # before mkdocs-macros renders the page
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = _site
    site.current_page = page
    if markdown_text.has_unclosed_internal_block(markdown):
        _report(Problem(display_name(page.file), None, "an '/// internal' block is never closed, so it would hide "
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
