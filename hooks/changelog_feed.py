"""MkDocs hook: the changelog's Atom feed, written into each site from its own audience's changes.

The feed is made from data/changelog.yml by playbook.changelog_feed and drawn by
overrides/playbook/changelog-feed.xml.html, then added to the site as a generated file, so it is
written with the pages (and kept in the offline customer bundle) and nothing is fetched. Pages
link it in their <head> (overrides/playbook/feed-link.html) and on the changelog page itself.
Listed in mkdocs.yml after hooks/playbook_site.py, whose on_files has by then decided which pages
this site has.
"""
from __future__ import annotations

import playbook_site
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from playbook.stage import generated_pages
from playbook.stage.changelog_feed import FEED_PATH, build_feed


def page_titles(site, files: Files) -> dict[str, str]:
    """Each page's title as its front matter (or, for a role page, its data) gives it."""
    titles = {src: meta.values.title for src, meta in site.page_meta.items() if meta.values.title}
    titles.update({page.src_uri: page.title for page in generated_pages.role_pages(site.visible)})
    return titles


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = playbook_site.current_site()
    titles = page_titles(site, files)
    site.macros.page_titles = titles

    def url_of(src_uri: str) -> str | None:
        found = files.get_file_from_path(src_uri)
        # The home page's URL is "./"; joined to the site address it is the address itself.
        return found.url.removeprefix("./") if found is not None and found.is_documentation_page() else None

    feed = build_feed(site.visible, title=f"{config.site_name}: what changed",
                      author=site.settings.brand.firm_name, site_url=config.site_url or "",
                      url_of=url_of, title_of=lambda src: titles.get(src, src))
    if feed is not None:
        xml = site.macros.env.get_template("playbook/changelog-feed.xml.html").render(feed=feed)
        files.append(File.generated(config, FEED_PATH, content=xml))
    return files


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    """The feed's address relative to this page, for the <link rel="alternate"> in its head."""
    site = playbook_site.current_site()
    feed = site.files.get_file_from_path(FEED_PATH) if site.files else None
    context["pb_feed_url"] = feed.url_relative_to(page.file) if feed is not None else None
    return context
