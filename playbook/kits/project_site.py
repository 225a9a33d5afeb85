"""A project's customer site: the customer site of the playbook, with the project's own page on top.

The site is staged for that project alone: the ordinary customer site (default deny, nothing
internal) plus one generated page, first in the nav, drawn from the project's KitFacts by
overrides/playbook/project-page.html, and the project's calendar beside it to download. It is
then rendered by the same engine step as the playbook's sites, link checks included.

It is published in the projects app (extra.projects.site_url, behind sign-in) at <site_url>/<id>/,
so it is staged with that as its address: its canonical addresses, its sitemap and the link its
copy-link buttons copy are where the project's people open it, never the open customer site.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from playbook.hosting import finish_site
from playbook.kits.facts import KitFacts, long_date, moved_text, short_date
from playbook.load.sources import Sources
from playbook.model.facts import CUSTOMER, Process
from playbook.model.settings import Hosting
from playbook.present import fences, urls
from playbook.render.engine import Rendered, render
from playbook.stage.generated_pages import GeneratedPage
from playbook.stage.site import StageOptions, stage

PAGE = "your-project.md"
CALENDAR = "your-project.ics"
TITLE = "Your project"


# What Markdown reads in a heading's text besides HTML (which autoescape already escapes).
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md_text(value: str) -> Markup:
    """Text for a Markdown heading, its Markdown punctuation escaped, its HTML escaped."""
    return Markup(escape(_MARKDOWN_PUNCTUATION.sub(r"\\\1", str(value))))


def fenced(html: str) -> Markup:
    """Finished HTML as a fenced block of the page's Markdown (playbook.render.fences)."""
    return Markup(fences.fenced(str(html)))


def project_templates(root: Path) -> Environment:
    templates = Environment(loader=FileSystemLoader(str(root / "overrides")), autoescape=True, trim_blocks=True,
                            lstrip_blocks=True)
    templates.filters.update(md_text=md_text, fenced=fenced)
    return templates


def project_page(sources: Sources, facts: KitFacts, project_file: str, options: StageOptions) -> GeneratedPage:
    here = urls.page_url(PAGE, options.use_directory_urls)
    pages = set(sources.docs.pages)

    def phase_href(process: Process) -> str | None:
        if process.page not in pages:
            return None
        target = "index.md" if process.page == sources.settings.customer_site.home else process.page
        return urls.relative_url(here, urls.page_url(target, options.use_directory_urls))

    body = project_templates(sources.root).get_template("playbook/project-page.md.html").render(
        facts=facts, phase_href=phase_href, calendar_href=urls.relative_url(here, CALENDAR),
        long_date=long_date, short_date=short_date, moved_text=moved_text)
    return GeneratedPage(PAGE, f"{TITLE}: {facts.title}", body.strip() + "\n", project_file,
                         f"Made for {facts.customer} from their project file.", macros=False)


def site_address(site_url: str, project_id: str) -> str:
    return f"{site_url.rstrip('/')}/{project_id}/"


def project_sources(sources: Sources, address: str) -> Sources:
    """The sources as the project's site sees them: its customer site lives at address."""
    settings = sources.settings
    customer_site = settings.customer_site.model_copy(update={"url": address})
    return dataclasses.replace(sources, settings=settings.model_copy(update={"customer_site": customer_site}))


def stage_project_site(sources: Sources, facts: KitFacts, calendar: bytes, project_file: str, root: Path) -> Path:
    """Stage the project's customer site into root; raise PlaybookError with every problem."""
    sources = project_sources(sources, site_address(sources.settings.projects.site_url, facts.project_id))
    options = StageOptions()
    page = project_page(sources, facts, project_file, options)
    stage(sources, CUSTOMER, root, options, extra_pages=[page], extra_files={CALENDAR: calendar})
    return root


def render_project_site(staged_root: Path, site_dir: Path, hosting: Hosting | None, engine: str = "mkdocs") -> Rendered:
    """The project's site, rendered as the customer site is, with the host's headers for it (the
    projects app takes them from here: playbook/hosting/projects_app.py)."""
    rendered = render(staged_root, site_dir, engine=engine)
    if rendered.ok:
        rendered.problems = finish_site(site_dir, CUSTOMER, hosting, styles=rendered.styles,
                                        style_attributes=rendered.style_attributes)
        rendered.ok = not rendered.problems
    return rendered
