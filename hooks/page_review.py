"""MkDocs hook: who owns each page, when it was last reviewed and changed, and where to edit it.

- on_config takes the review and repository settings (read by hooks/playbook_site.py), asks git once for the last
  change of every file in docs/ and data/, and puts the content health page in the internal nav;
- on_files checks every page's owner and review dates (playbook.page_review: file:line and fix),
  and, in the internal site, generates the content health page;
- on_page_context hands the page's facts to overrides/playbook/page-facts.html (owner, review
  dates, last change, edit link; the customer site gets only "last updated") and to
  overrides/playbook/review-banner.html (the banner on a page past its review date).

A stale page never fails the build; `make check-freshness` does. Listed in mkdocs.yml after
hooks/playbook_site.py, whose state it reads.
"""
from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from pathlib import Path

import playbook_site
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from playbook.load import review as page_review
from playbook.model.facts import CUSTOMER, INTERNAL
from playbook.model.settings import ReviewSettings
from playbook.problems import Problem
from playbook.stage import generated_pages, history
from playbook.stage import nav as navigation

log = logging.getLogger("mkdocs.plugins.playbook.review")

HEALTH_PAGE = "content-health.md"
HEALTH_TITLE = "Content health"
# The content health page is made from every page's front matter; what an editor can change on
# it is the review settings, so its edit link opens mkdocs.yml.
HEALTH_SOURCE = "mkdocs.yml"


@dataclass(frozen=True)
class PageFacts:
    """What the page footer and the review banner show; see overrides/playbook/page-facts.html."""

    audience: str
    status: page_review.PageStatus | None
    changed: history.Changed | None
    edit_url: str | None
    edit_label: str
    data_links: tuple[tuple[str, str], ...]  # (file, edit URL) of data files this page shows
    owner_url: str | None
    generated_note: str = ""


@dataclass
class _State:
    root: Path
    docs_prefix: str
    settings: ReviewSettings
    edit_url: str | None
    today: datetime.date
    git: dict[str, datetime.date] | None
    statuses: dict[str, page_review.PageStatus] = field(default_factory=dict)
    # The data files behind each page, worked out once: looking them up page by page made the
    # build grow with the square of the playbook's size.
    data_files: dict[str, list[str]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # src_uri -> file an author edits


_state: _State | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    site = playbook_site.current_site()
    root = Path(config.config_file_path).parent
    docs_prefix = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    _state = _State(root, docs_prefix, site.settings.review, site.settings.repository.edit_url, datetime.date.today(),
                    history.git_dates(root, (docs_prefix, "data")),
                    data_files=page_review.data_files_by_page(site.everything))
    if site.audience == INTERNAL and config.nav is not None:
        entry = [{HEALTH_TITLE: HEALTH_PAGE}]
        anchor = site.everything.changelog_page
        config.nav, found = navigation.insert_after(config.nav, anchor, entry) if anchor else (config.nav, False)
        if not found:
            config.nav = [*config.nav, *entry]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = playbook_site.current_site()
    state = _state
    state.statuses.clear()
    state.sources.clear()
    roles = site.everything.roles
    for src_uri, meta in site.page_meta.items():
        display = f"{state.docs_prefix}/{src_uri}"
        review, problems = page_review.read_review(meta, display, roles, state.today, state.settings)
        for problem in problems:
            log.error(str(problem))
        state.sources[src_uri] = display
        if review and files.get_file_from_path(src_uri) is not None:
            title = meta.values.title or src_uri
            state.statuses[src_uri] = page_review.status(src_uri, title, display, review, roles, state.today,
                                                         state.settings)

    review, problems = page_review.role_pages_review(site.everything, state.today, state.settings)
    for problem in problems:
        log.error(str(problem))
    for page in generated_pages.role_pages(site.visible):
        state.sources[page.src_uri] = page_review.ROLE_PAGES_SOURCE
        if review:
            state.statuses[page.src_uri] = page_review.status(
                page.src_uri, page.title, page_review.ROLE_PAGES_SOURCE, review, roles, state.today, state.settings)

    if site.audience == INTERNAL:
        _add_health_page(files, config, site)
    return files


def _add_health_page(files: Files, config: MkDocsConfig, site) -> None:
    existing = files.get_file_from_path(HEALTH_PAGE)
    if existing is not None:
        log.error(str(Problem(playbook_site.display_name(existing), None,
                              "the content health page is generated, and this file would replace it",
                              f"rename or delete docs/{HEALTH_PAGE}")))
        files.remove(existing)
    page = File.generated(config, HEALTH_PAGE, content="")
    state = _state

    def href(src_uri: str) -> str | None:
        target = files.get_file_from_path(src_uri)
        return target.url_relative_to(page) if target is not None else None

    rows = page_review.health(state.statuses.values())
    body = site.macros.env.get_template("playbook/content-health.html").render(
        rows=rows, today=state.today, settings=state.settings, href=href,
        role_href=lambda role_id: href(generated_pages.role_page_uri(role_id)),
        changed={src: _changed(src) for src in state.statuses}, edit=lambda path: _edit_link(path),
        counts={s: sum(1 for r in rows if r.state == s) for s in (page_review.OVERDUE, page_review.DUE_SOON,
                                                                  page_review.CURRENT)})
    # render_macros: false: the table is finished HTML; titles must not pass through Jinja again.
    page.content_string = (f"---\ntitle: {HEALTH_TITLE}\nrender_macros: false\nsearch:\n  exclude: true\n---\n\n"
                           f"# {HEALTH_TITLE}\n\n{body.strip()}\n")
    files.append(page)
    _state.sources[HEALTH_PAGE] = HEALTH_SOURCE


def _changed(src_uri: str) -> history.Changed:
    state = _state
    return history.last_changed(state.root, state.sources.get(src_uri, f"{state.docs_prefix}/{src_uri}"), state.git)


def _edit_link(path: str) -> str | None:
    return _state.edit_url.replace("{path}", path) if _state.edit_url else None


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    site = playbook_site.current_site()
    state = _state
    src = page.file.src_uri
    status = state.statuses.get(src)
    source = state.sources.get(src)
    changed = _changed(src) if source else None
    if site.audience == CUSTOMER:
        # Default deny: customers see when a page last changed, never who owns it or where it lives.
        context["pb_facts"] = PageFacts(CUSTOMER, None, changed, None, "", (), None)
        return context
    owner_url = None
    if status and status.owner_role:
        target = site.files.get_file_from_path(generated_pages.role_page_uri(status.owner_role.id))
        owner_url = target.url_relative_to(page.file) if target is not None else None
    data_links = tuple((path, url) for path in state.data_files.get(src, ()) if (url := _edit_link(path)))
    if source == page_review.ROLE_PAGES_SOURCE:
        label, note = "Edit data/roles.yml", "Generated from data/roles.yml."
    elif source == HEALTH_SOURCE:
        label, note = "Edit the review settings (mkdocs.yml)", "Generated from every page's front matter."
    else:
        label, note = "Edit this page", ""
    context["pb_facts"] = PageFacts(INTERNAL, status, changed, _edit_link(source) if source else None, label,
                                    data_links, owner_url, note)
    return context
