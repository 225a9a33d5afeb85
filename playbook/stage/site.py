"""Step 2 of the build: stage(sources, audience) writes build/<audience>/, a complete, plain
MkDocs project holding only what that audience may see.

    build/<audience>/
      mkdocs.yml      the site's config: its nav, brand, plugins, nothing of the other site
      docs/           its pages (internal passages and comments gone for customers), the
                      generated pages, the files those pages use, redirect pages, the feed
      overrides/      the theme overrides and the templates the macros draw with
      playbook.json   the data this audience may see, which the macros read
      stage.json      the hand-over to the render step (playbook.model.handover): each page's
                      address, source and line map, search terms, links to sections,
                      redirects, and the page addresses and titles the macros link with

Default deny by construction: a page goes in only when its front matter says the audience may
read it, a file only when one of those pages uses it, a data item only when it is marked for
the audience. Everything is worked out in memory first; if any page has a problem, nothing is
written, so a tree that failed its checks never holds what it should not.
"""
from __future__ import annotations

import datetime
import difflib
import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader

from playbook.load import history, review
from playbook.load.jinja_check import Delimiters, JinjaChecker
from playbook.load.pages import SourcePage
from playbook.load.rules import missing_pages
from playbook.load.sources import Sources
from playbook.model.facts import CUSTOMER, INTERNAL, Playbook
from playbook.model.handover import Handover, MacroSite, SectionLink, Split, SynonymGroup
from playbook.model.handover import StagedPage as HandedPage
from playbook.present import fences, macro_table, urls, views
from playbook.problems import Problem, raise_if_any
from playbook.stage import generated_pages, redirects, search_synonyms, site_config, theme_files
from playbook.stage import nav as nav_edits
from playbook.stage.audience import for_audience
from playbook.stage.changelog_feed import FEED_PATH, build_feed
from playbook.stage.markdown_oracle import Oracle
from playbook.stage.page_cache import PageCache
from playbook.stage.pages import PageContext, StagedPage, stage_page, staged_path
from playbook.stage.staged_text import escape_text, front_matter, inert, inert_text
from playbook.stage.tree import Tree

AUDIENCES = (INTERNAL, CUSTOMER)
HEALTH_PAGE = "content-health.md"
BRAND_CSS = "assets/playbook/brand.css"
REDIRECT_SCRIPT = "assets/playbook/redirect.js"  # from overrides/, as every script
IFRAME_WORKER = "assets/playbook/iframe-worker.js"  # the bundle's worker shim, from disk


@dataclass(frozen=True)
class StageOptions:
    use_directory_urls: bool = True
    offline: bool = False   # the customer bundle: Material's offline plugin on, read from disk


@dataclass(frozen=True)
class StagedSite:
    audience: str
    root: Path
    changed: bool   # whether any file of the tree was written or removed


def stage(sources: Sources, audience: str, root: Path, options: StageOptions | None = None, *,
          extra_pages: Sequence[generated_pages.GeneratedPage] = (), extra_files: Mapping[str, bytes] | None = None
          ) -> StagedSite:
    """Stage one site into root; raise PlaybookError with every problem, writing nothing."""
    plan, problems = plan_site(sources, audience, options or StageOptions(), extra_pages=extra_pages,
                               extra_files=extra_files)
    raise_if_any(problems, what=f"The {audience} site")
    tree = Tree(root)
    for path, content in plan.items():
        tree.put(path, content)
    changed = tree.commit()
    return StagedSite(audience, Path(root), changed)


def plan_site(sources: Sources, audience: str, options: StageOptions, *,
              extra_pages: Sequence[generated_pages.GeneratedPage] = (),
              extra_files: Mapping[str, bytes] | None = None,
              cache: PageCache | None = None) -> tuple[dict[str, bytes], list[Problem]]:
    """Every file of the staged tree (path -> bytes), and every problem found.

    extra_pages and extra_files (paths in docs/) are pages and files made elsewhere: the list of
    projects on the internal site, last in the nav; a project's own page, first in the nav, and its
    calendar, on the customer site built for it (playbook/kits/).
    A preview passes a cache, so pages it already staged are not staged again."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    everything = sources.playbook
    visible = for_audience(everything, audience)
    settings = sources.settings
    problems: list[Problem] = []
    customer = audience == CUSTOMER

    written = {src: page for src, page in sources.docs.pages.items() if not customer or page.audience == CUSTOMER}
    home = settings.customer_site.home if customer else "index.md"
    if home not in written:
        problems.append(Problem("mkdocs.yml", None,
                                f"the customer site's home page '{home}' is not a customer page in docs/",
                                "set extra.customer_site.home to a page whose front matter says 'audience: customer'"))
        home = "index.md"

    generated = generated_pages.role_pages(visible, audience)
    generated.append(generated_pages.needs_page(visible, audience))
    if not customer:
        generated.append(generated_pages.GeneratedPage(HEALTH_PAGE, "Content health", "", "mkdocs.yml",
                                                       "Generated from every page's front matter.", macros=False))
    generated += list(extra_pages)
    for page in generated:
        if page.src in sources.docs.pages:
            problems.append(Problem(f"docs/{page.src}", None,
                                    f"this file would replace a page the build generates from {page.source}",
                                    f"delete it (or rename it) and edit {page.source}"))
    staged_src = {staged_path(src, _Home(home)) for src in written} | {p.src for p in generated}
    url_of = {src: urls.page_url(src, options.use_directory_urls) for src in staged_src}

    # Pages that data names must exist; a customer process must be shown on a customer page.
    every_page = set(sources.docs.pages) | {urls.role_page_uri(role) for role in everything.roles} | \
        {generated_pages.NEEDS_PAGE}
    problems += missing_pages(everything, lambda src: src in every_page)
    problems += _nav_problems(sources, every_page | {HEALTH_PAGE} | {p.src for p in extra_pages})
    if customer:
        for process in visible.processes.values():
            if process.page in sources.docs.pages and process.page not in written:
                problems.append(process.page_source.problem(
                    f"the process '{process.id}' is for customers but its page '{process.page}' is internal",
                    f"add 'audience: customer' to the front matter of docs/{process.page}, "
                    "or make the process 'audience: internal'"))

    statuses = _review_statuses(sources, written)
    short_links, found = _short_links(sources, written, visible, home, options)
    problems += found
    site_url = (settings.customer_site.url if customer else sources.config.get("site_url") or "").rstrip("/") + "/"
    facts = _Facts(sources, audience, statuses, url_of, short_links, site_url, home)

    context = PageContext(
        audience=audience, staged_pages=set(written) | {p.src for p in generated},
        all_pages=set(sources.docs.pages) | {urls.role_page_uri(role) for role in everything.roles} |
        {HEALTH_PAGE, generated_pages.NEEDS_PAGE},
        files=set(sources.docs.files), home=home, checker=_checker(sources, visible, audience, staged_src),
        oracle=_oracle_for(sources), abbreviations=views.abbreviations(visible), facts=facts.of_page,
        search_terms=lambda page: page.values.search_terms.for_site(audience) if page.values.search_terms else (),
        use_directory_urls=options.use_directory_urls, variables=set(macro_table.page_variables(audience)))
    if cache is not None:
        cache.use(sources, context)
    staged: dict[str, StagedPage] = {}
    for page in written.values():
        result, found = cache.stage_page(page, context) if cache is not None else stage_page(page, context)
        problems += found
        staged[result.src] = result

    templates = _templates(sources.root)
    files: dict[str, bytes] = {}
    for page in generated:
        body = page.body
        if page.src == HEALTH_PAGE:
            body = fences.fenced(_health_html(templates, sources, statuses, url_of, facts)).strip() + "\n"
        front = {"title": escape_text(page.title), "search": {"exclude": True}}
        if not page.macros:
            front["render_macros"] = False
        front["pb"] = facts.of_generated(page)
        text = front_matter(front) + body
        called = context.checker.uses(body).macros if page.macros else frozenset()
        staged[page.src] = StagedPage(page.src, page.source, text, front_matter(front).count("\n") + 1,
                                      (), page.title, macros=called)

    # Redirect pages: short links and the old addresses of moved pages.
    redirect_template = templates.get_template("playbook/redirect.html")
    for redirect in short_links.redirects:
        target = url_of[staged_path(redirect.target, _Home(home))]
        path = redirect.path + "index.html" if redirect.path.endswith("/") else redirect.path
        link = urls.relative_url(redirect.path, target) + (f"#{redirect.anchor}" if redirect.anchor else "")
        title = staged[staged_path(redirect.target, _Home(home))].title or redirect.target
        files[f"docs/{path}"] = redirect_template.render(
            url=link, title=title, site_name=_site_name(sources, audience),
            script=urls.relative_url(redirect.path, REDIRECT_SCRIPT)).encode()

    feed = _feed(sources, visible, audience, url_of, staged, site_url, home, templates)
    if feed:
        files[f"docs/{FEED_PATH}"] = feed.encode()
    if customer:
        css = templates.get_template("playbook/brand-colours.css.html").render(brand=settings.brand)
        files[f"docs/{BRAND_CSS}"] = css.encode()

    # Files from docs/: everything for employees; for customers, what their pages use.
    wanted = set(sources.docs.files) if not customer else \
        {asset for page in staged.values() for asset in page.assets} | _config_assets(sources)
    for src in sorted(wanted):
        if src in sources.docs.files:
            files[f"docs/{src}"] = sources.docs.files[src].read_bytes()

    for src, page in staged.items():
        files[f"docs/{src}"] = page.text.encode()
    files.update(_includes(staged, files, home))
    overrides = {path.relative_to(sources.root / "overrides").as_posix(): path.read_bytes()
                 for path in _walk(sources.root / "overrides")}
    if customer:  # only what the customer site renders with or links to (playbook.stage.theme_files)
        linked = [*_listed_assets(sources.config), *([REDIRECT_SCRIPT] if short_links.redirects else []),
                  *([IFRAME_WORKER] if options.offline else [])]
        used = theme_files.used_files(overrides, {name for page in staged.values() for name in page.macros}, linked)
        overrides = {path: content for path, content in overrides.items() if path in used}
    files.update({f"overrides/{path}": content for path, content in overrides.items()})

    extra = _extra(sources, audience, options)
    # Material fetches the sitemap beside every <link rel="alternate"> (its language switch), which
    # a page opened from disk may not: the bundle names no feed, so nothing fails in its console.
    if feed and not options.offline:
        extra["pb_feed"] = FEED_PATH
    nav = site_config.site_nav(sources.config.get("nav"), audience, set(written) | {p.src for p in generated}, home,
                               [(p.src, p.title) for p in generated if p.src.startswith("roles/")],
                               settings, visible,
                               [(p.src, p.title) for p in generated if p.src == generated_pages.NEEDS_PAGE])
    # Pages handed in: a project's own page first; the projects list last, after the content health page.
    if nav is not None:
        nav = [{escape_text(p.title): p.src} for p in extra_pages if p.nav == "first"] + nav + \
              [{escape_text(p.title): p.src} for p in extra_pages if p.nav == "last"]
    for path, content in (extra_files or {}).items():
        files[f"docs/{path}"] = content
    config = site_config.generate(sources, audience, nav, options, extra, extra_css=[BRAND_CSS] if customer else [])
    files["mkdocs.yml"] = config.encode()
    files[Handover.PLAYBOOK_FILE] = visible.to_json().encode()
    # The macros name pages as data does, by their path in docs/ (the home page included).
    by_source = {src: url_of[staged_path(src, _Home(home))] for src in written} | {p.src: url_of[p.src] for p in generated}
    titles = {src: staged[staged_path(src, _Home(home))].title or posixpath.splitext(posixpath.basename(src))[0]
              for src in by_source}
    handover = Handover(
        audience=audience, site_url=site_url, use_directory_urls=options.use_directory_urls, offline=options.offline,
        pages={src: _handed_page(page, url_of[src]) for src, page in sorted(staged.items())},
        section_links=[SectionLink(source=a.source, line=a.line, target=a.target, anchor=a.anchor, written=a.written)
                       for page in staged.values() for a in page.anchors],
        redirects=sorted(r.path for r in short_links.redirects),
        search_synonyms=[SynonymGroup(**group) for group in search_synonyms.groups(visible)],
        split=_split(nav, sources.config.get("exclude_docs")),
        macros=MacroSite(audience=audience, use_directory_urls=options.use_directory_urls, page_urls=by_source,
                         page_titles=titles, feed=FEED_PATH if feed else None))
    files[Handover.FILE] = handover.dump()
    return files, problems


def _handed_page(page: StagedPage, url: str) -> HandedPage:
    return HandedPage(url=url, source=page.source, body_start=page.body_start, line_map=page.line_map,
                      title=page.title, terms=page.search_terms, boost=page.search_boost, exclude=page.search_exclude)


def _split(nav: list[Any] | None, exclude_docs: Any) -> Split | None:
    """What rendering the site in parts needs (playbook.render.parts), or None when it cannot be
    split: without a nav the engine titles every nav entry by reading its page, and exclusions
    written other than as plain text are the engine's to interpret."""
    if nav is None or not isinstance(exclude_docs, (str, type(None))):
        return None
    # A page the nav names without a title gets its title only by being read.
    untitled = {target for title, target, _line in nav_edits.pages_named(nav) if title is None}
    return Split(untitled_in_nav=sorted(untitled), exclude_docs=exclude_docs or "")


def _nav_problems(sources: Sources, pages: set[str]) -> list[Problem]:
    """A nav entry naming a page that does not exist: the site would silently leave it out."""
    problems = []
    for title, target, line in nav_edits.pages_named(sources.config.get("nav")):
        if target not in pages and target not in sources.docs.files:
            guess = difflib.get_close_matches(target, sorted(sources.docs.pages), n=1, cutoff=0.8)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            entry = f"the nav entry '{title}'" if title else "a nav entry"
            problems.append(Problem("mkdocs.yml", line, f"{entry} names '{target}', which is not a page in docs/",
                                    f"{hint}give the page's path from docs/, such as phases/kickoff.md, or remove "
                                    "the entry"))
    return problems


@dataclass(frozen=True)
class _Home:
    """Just enough of a PageContext for staged_path() outside a page."""

    home: str


def _walk(folder: Path) -> Iterable[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


INCLUDES = "includes"


def _includes(staged: Mapping[str, StagedPage], files: Mapping[str, bytes], home: str) -> dict[str, bytes]:
    """What a page's `{% include %}` finds (mkdocs-macros' include_dir): for each page another page
    includes, its staged body without its front matter (included whole, the front matter would
    show as text); for each other file, the file as this site holds it. Nothing else is there, so
    an include reaches only what the site itself holds."""
    found = {f"{INCLUDES}/README.txt": b"What the pages of this site include: written by the stage.\n"}
    for target in sorted({path for page in staged.values() for path in page.includes}):
        page = staged.get(staged_path(target, _Home(home)))
        if page is not None:
            found[f"{INCLUDES}/{target}"] = page.text.split("\n", page.body_start - 1)[-1].encode()
        elif f"docs/{target}" in files:
            found[f"{INCLUDES}/{target}"] = files[f"docs/{target}"]
    return found


def _site_name(sources: Sources, audience: str) -> str:
    if audience == CUSTOMER:
        brand = sources.settings.brand
        return f"{brand.firm_name} · {brand.customer_site_title}"
    return str(sources.config.get("site_name") or "Playbook")


def _extra(sources: Sources, audience: str, options: StageOptions) -> dict[str, Any]:
    """What the theme's templates and the pages' Jinja may read under `extra` (and as names)."""
    settings = sources.settings
    brand = settings.brand
    # The theme prints these as they are, and a page's Jinja may print them into its Markdown
    # ({{ brand.firm_name }}): each is written inert for both (playbook.stage.staged_text).
    extra: dict[str, Any] = {
        "audience": audience,
        "brand": inert({key: getattr(brand, key) for key in ("firm_name", "customer_site_title", "primary_color",
                                                              "accent_color", "contact_email")}),
        "customer_site_url": inert(settings.customer_site.url),
        "feedback_url": inert(settings.feedback.customer if audience == CUSTOMER else settings.feedback.internal),
        "generator": False,
        "pb_build_date": _long_date(sources.today),
        "site_name": inert_text(_site_name(sources, audience)),
    }
    if audience == INTERNAL:  # the hosting pages print the real values, never "<tenant id>"
        extra["internal_site_url"] = inert(str(sources.config.get("site_url") or ""))
        extra["internal_site_host"] = inert(urlsplit(str(sources.config.get("site_url") or "")).hostname or "")
        extra["entra_tenant_id"] = inert(settings.hosting.entra_tenant_id if settings.hosting else "")
        extra["teams_app_name"] = inert(settings.teams.short_name if settings.teams else "")
    if options.offline:
        # The theme's offline plugin adds a worker shim from a public CDN unless one is listed;
        # the site's own is (overrides/assets/playbook/iframe-worker.js).
        extra["polyfills"] = [IFRAME_WORKER]
    return extra


def _long_date(day: datetime.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def _listed_assets(config: Mapping[str, Any]) -> list[str]:
    """The stylesheets and scripts mkdocs.yml lists (extra_css, extra_javascript), by their path."""
    listed = [*(config.get("extra_css") or []), *(config.get("extra_javascript") or [])]
    return [str(entry.get("path") if isinstance(entry, dict) else entry) for entry in listed
            if isinstance(entry, (str, dict))]


def _config_assets(sources: Sources) -> set[str]:
    return {path for path in _listed_assets(sources.config) if path in sources.docs.files}


@cache
def _templates_for(overrides: str) -> Environment:
    return Environment(loader=FileSystemLoader(overrides), autoescape=True, trim_blocks=True, lstrip_blocks=True)


def _templates(root: Path) -> Environment:
    return _templates_for(str(root / "overrides"))


def _oracle_for(sources: Sources):
    made: list[Oracle] = []

    def oracle() -> Oracle:
        if not made:
            made.append(Oracle(*site_config.markdown_extensions(sources.config)))
        return made[0]
    return oracle


def _checker(sources: Sources, visible: Playbook, audience: str, staged_src: set[str]) -> JinjaChecker:
    delimiters = Delimiters.of_config(sources.config)

    checked: dict[tuple[str, tuple], tuple[str, str] | None] = {}

    def check_call(name: str, arguments: tuple) -> tuple[str, str] | None:
        # A role's card is called on many pages: each call is checked once per site.
        key = (name, arguments)
        if key not in checked:
            checked[key] = macro_table.problem_with_call(name, arguments, visible, sources.playbook, audience)
        return checked[key]

    def check_include(path: str) -> tuple[str, str] | None:
        target = posixpath.normpath(path.lstrip("/"))
        if target in staged_src or target in sources.docs.files and audience == INTERNAL:
            return None
        if target in sources.docs.pages or target in sources.docs.files:
            return (f"this page includes '{path}', which the {audience} site does not hold",
                    "include only customer pages in customer pages, or put the include inside an "
                    "'/// internal' block")
        return (f"this page includes '{path}', which does not exist in docs/",
                "give the path relative to docs/, such as snippets/contact.md")

    return JinjaChecker(delimiters, macro_table.page_variables(audience), macro_table.MACROS, check_call, check_include)


# -- review facts -----------------------------------------------------------------------------


def _review_statuses(sources: Sources, written: dict[str, SourcePage]) -> dict[str, review.PageStatus]:
    roles = sources.playbook.roles
    statuses: dict[str, review.PageStatus] = {}
    for src, page in sources.docs.pages.items():
        found, _problems = review.read_review(page.front_matter, page.display, roles, sources.today,
                                              sources.settings.review)
        if found:
            statuses[src] = review.status(src, page.values.title or src, page.display, found, roles, sources.today,
                                          sources.settings.review)
    found, _problems = review.role_pages_review(sources.playbook, sources.today, sources.settings.review)
    if found:
        for role in roles.values():
            src = urls.role_page_uri(role.id)
            statuses[src] = review.status(src, role.title, generated_pages.ROLES_SOURCE, found, roles, sources.today,
                                          sources.settings.review)
    return statuses


class _Facts:
    """The facts page-facts.html shows under a page, as strings the theme prints as they are:
    so every string is written inert (an owner's name or a role's title comes from an author)."""

    def __init__(self, sources: Sources, audience: str, statuses: dict[str, review.PageStatus],
                 url_of: dict[str, str], short_links: redirects.ShortLinks, site_url: str, home: str) -> None:
        self.sources, self.audience, self.statuses, self.url_of = sources, audience, statuses, url_of
        self.short_links, self.site_url, self.home = short_links, site_url, home
        self.data_files = review.data_files_by_page(sources.playbook)
        self.customer_site = sources.settings.customer_site.url.rstrip("/") + "/"
        edit = sources.settings.repository.edit_url
        self.edit = (lambda path: edit.replace("{path}", path)) if edit and audience == INTERNAL else (lambda path: None)

    def _changed(self, path: str) -> dict[str, str]:
        if path.endswith("/"):  # a page drawn from a whole folder changed when any file in it did
            files = [str(f.relative_to(self.sources.root)) for f in sorted((self.sources.root / path).rglob("*.yml"))]
            changes = [history.last_changed(self.sources.root, f, self.sources.git_dates) for f in files]
            changed = max(changes, key=lambda c: c.date) if changes else \
                history.last_changed(self.sources.root, path, self.sources.git_dates)
        else:
            changed = history.last_changed(self.sources.root, path, self.sources.git_dates)
        note = "from git history" if changed.source == history.GIT else f"the file's date: {changed.note}"
        return {"iso": changed.date.isoformat(), "text": _long_date(changed.date), "note": note}

    def _short_link(self, src: str) -> str | None:
        """The page's short link on the published site. The customer bundle stages its short links
        as files (go/kickoff/index.html), but the address a reader copies from it is the site's."""
        own = self.short_links.own.get(src)
        return self.site_url + own.path.removesuffix("index.html") if own else None

    def _published(self, staged: str) -> str:
        """The page's address on the published site, which always uses directory addresses."""
        return self.site_url + urls.page_url(staged)

    def of_page(self, page: SourcePage, staged: str) -> dict[str, Any]:
        facts: dict[str, Any] = {"changed": self._changed(page.display)}
        link = self._short_link(page.src) or self._published(staged)
        facts["link"] = link
        if self.audience == CUSTOMER:
            return inert(facts)
        status = self.statuses.get(page.src)
        if status:
            facts.update(self._status(status, staged))
        facts["edit"] = {"url": self.edit(page.display), "label": "Edit this page"} if self.edit(page.display) else None
        facts["data_links"] = [{"path": path, "url": self.edit(path)} for path in self.data_files.get(page.src, ())
                               if self.edit(path)]
        if page.audience == CUSTOMER:
            customer_src = "index.md" if page.src == self.sources.settings.customer_site.home else page.src
            own = self.short_links.own.get(page.src)
            facts["customer_link"] = self.customer_site + (own.path if own else urls.page_url(customer_src))
        return inert(facts)

    def of_generated(self, page: generated_pages.GeneratedPage) -> dict[str, Any]:
        facts: dict[str, Any] = {"changed": self._changed(page.source), "link": self._published(page.src)}
        if self.audience == CUSTOMER:
            return inert(facts)
        status = self.statuses.get(page.src)
        if status:
            facts.update(self._status(status, page.src))
        label = f"Edit {page.source}" if page.source != "mkdocs.yml" else "Edit the review settings (mkdocs.yml)"
        editable = not page.source.endswith("/") and self.edit(page.source)
        facts["edit"] = {"url": self.edit(page.source), "label": label} if editable else None
        facts["data_links"] = []
        facts["note"] = page.note
        if page.on_customer_site:
            facts["customer_link"] = self.customer_site + urls.page_url(page.src)
        return inert(facts)

    def _status(self, status: review.PageStatus, staged: str) -> dict[str, Any]:
        owner_url = None
        if status.owner_role:
            role_page = urls.role_page_uri(status.owner_role.id)
            if role_page in self.url_of:
                owner_url = urls.relative_url(self.url_of[staged], self.url_of[role_page])
        return {"owner": {"name": status.owner_name, "url": owner_url},
                "reviewed": {"iso": status.review.last_reviewed.isoformat(),
                             "text": _long_date(status.review.last_reviewed)},
                "due": {"iso": status.due.isoformat(), "text": _long_date(status.due)},
                "state": status.state}


def _health_html(templates: Environment, sources: Sources, statuses: dict[str, review.PageStatus],
                 url_of: dict[str, str], facts: _Facts) -> str:
    here = url_of[HEALTH_PAGE]
    rows = review.health(statuses.values())

    def href(src: str) -> str | None:
        return urls.relative_url(here, url_of[src]) if src in url_of else None

    return templates.get_template("playbook/content-health.html").render(
        rows=rows, today=sources.today, settings=sources.settings.review, href=href,
        role_href=lambda role_id: href(urls.role_page_uri(role_id)),
        changed={row.src_uri: history.last_changed(sources.root, row.source, sources.git_dates) for row in rows},
        edit=facts.edit,
        counts={s: sum(1 for r in rows if r.state == s) for s in (review.OVERDUE, review.DUE_SOON, review.CURRENT)})


def _feed(sources: Sources, visible: Playbook, audience: str, url_of: dict[str, str], staged: dict[str, StagedPage],
          site_url: str, home: str, templates: Environment) -> str | None:
    def url(src: str) -> str | None:
        staged_src = "index.md" if src == home else src
        return url_of.get(staged_src)

    titles = {src: page.title or src for src, page in staged.items()}
    feed = build_feed(visible, title=f"{_site_name(sources, audience)}: what changed",
                      author=sources.settings.brand.firm_name, site_url=site_url, url_of=url,
                      title_of=lambda src: titles.get(src, src))
    return templates.get_template("playbook/changelog-feed.xml.html").render(feed=feed) if feed else None


def _short_links(sources: Sources, written: dict[str, SourcePage], visible: Playbook, home: str,
                 options: StageOptions) -> tuple[redirects.ShortLinks, list[Problem]]:
    pages = [redirects.PageLinks(src, page.display, page.values.short, page.line_of("short"),
                                 list(page.values.redirect_from) or None, page.line_of("redirect_from"))
             for src, page in written.items()]
    return redirects.plan(pages, visible, home=home, use_directory_urls=options.use_directory_urls)
