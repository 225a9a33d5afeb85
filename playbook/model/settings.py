"""The site's settings: the `extra:` block of mkdocs.yml, declared once.

playbook/load/settings.py reads them (every mistake at its line); the build and every tool take
the one Settings object it returns, never mkdocs.yml's raw values.
"""
from __future__ import annotations

from pydantic import ConfigDict, Field

from playbook.model.facts import EveryMonths
from playbook.model.types import (
    Colour,
    EditAddress,
    Email,
    FeedbackAddress,
    PagePath,
    Record,
    Text,
    WebAddress,
    YesNo,
    list_of,
    whole_number,
)


class Brand(Record):
    """The firm, as customers see it."""

    firm_name: Text = Field(description="the firm's name, in the customer site's header and the feeds")
    customer_site_title: Text = Field(description="follows the firm's name in the customer site's header")
    primary_color: Colour = Field(description='the customer site\'s main colour, "#rrggbb"')
    accent_color: Colour = Field(description='the colour of links and highlights, "#rrggbb"')
    contact_email: Email = Field(description="where customers write; pages show it with {{ brand.contact_email }}")


class ReviewSettings(Record):
    """How often pages are reviewed, unless a page says otherwise."""

    every_months: EveryMonths = Field(6, description="a page is due for review this many months after its last review")
    due_soon_days: whole_number(0, 365) = Field(30, description="a page due within this many days shows as due soon")


class Repository(Record):
    edit_url: EditAddress | None = Field(
        None, description="the address that edits a file, with {path} for the file's path; without it, no edit links")


class NavLink(Record):
    title: Text = Field(description="the link's text in the navigation")
    url: WebAddress = Field(description="where it goes")


class CustomerSite(Record):
    """The customer site: what it is called on the web and where it starts."""

    url: WebAddress = Field(description="the customer site's published address, to pin in a Teams channel or a SOW")
    description: Text = Field(description="one sentence for search engines and link previews")
    home: PagePath = Field("welcome.md", description="the page in docs/ the customer site opens on")
    nav_links: list_of(NavLink, min_items=0) = Field(
        (), description="external links in the navigation that customers may see; every other one stays internal")


class Feedback(Record):
    """Where "tell us what you were looking for" goes when search finds nothing; {query} is the text."""

    internal: FeedbackAddress = Field(description="for employees, on the internal site")
    customer: FeedbackAddress = Field(description="for customers, on the customer site")


class Settings(Record):
    """Everything under `extra:` in mkdocs.yml."""

    model_config = ConfigDict(title="Site settings (extra: in mkdocs.yml)")

    brand: Brand = Field(description="the firm's name and colours")
    review: ReviewSettings = Field(ReviewSettings(), description="how often pages are reviewed")
    repository: Repository = Field(Repository(), description="where pages are edited")
    customer_site: CustomerSite = Field(description="the customer site")
    feedback: Feedback = Field(description="where search feedback goes")
    generator: YesNo = Field(True, description="Material's 'Made with Material' line; false leaves the footer ours")
