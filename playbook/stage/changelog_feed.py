"""The changelog as an Atom feed: what a feed reader needs, computed from the (audience-filtered)
playbook. The markup is overrides/playbook/changelog-feed.xml.html; the stage writes it into each
site, so each audience gets the feed of the changes it may read.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from playbook.model.facts import Change, Playbook
from playbook.present import views

FEED_PATH = "changelog.xml"


@dataclass(frozen=True)
class PageLink:
    title: str
    url: str


@dataclass(frozen=True)
class FeedEntry:
    change: Change
    url: str  # the entry on the changelog page
    pages: tuple[PageLink, ...]  # the touched pages this site has


@dataclass(frozen=True)
class Feed:
    title: str
    url: str  # the feed's own address, also its Atom id
    page_url: str  # the changelog page
    author: str
    updated: datetime.date
    entries: tuple[FeedEntry, ...]


def build_feed(playbook: Playbook, *, title: str, author: str, site_url: str,
               url_of: Callable[[str], str | None], title_of: Callable[[str], str]) -> Feed | None:
    """None when this site has no changes to show or no changelog page.

    url_of(src_uri) gives a page's URL relative to the site root, or None when this site does
    not have the page; it is joined to site_url, because feed readers need absolute addresses.
    """
    changes = views.changelog(playbook)
    page = url_of(playbook.changelog_page) if playbook.changelog_page else None
    if not changes or page is None:
        return None
    base = site_url.rstrip("/") + "/" if site_url else ""
    entries = []
    for change in changes:
        links = tuple(PageLink(title_of(src), base + url) for src in change.pages if (url := url_of(src)) is not None)
        entries.append(FeedEntry(change, f"{base}{page}#change-{change.id}", links))
    return Feed(title, base + FEED_PATH, base + page, author, changes[0].date, tuple(entries))
