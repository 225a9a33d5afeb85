"""A page's front matter: the YAML block between the `---` lines at the top of a page in docs/.

Declared once here; playbook/load/front_matter.py reads it (every mistake at its line), the
review rules (playbook/load/review.py) read owner and dates from it, and the site reads the rest.
CONTRIBUTING.md explains each key to authors.
"""
from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from playbook.model.facts import EveryMonths
from playbook.model.types import (
    CUSTOMER,
    INTERNAL,
    Day,
    Id,
    Means,
    Owner,
    PagePath,
    PositiveNumber,
    Record,
    RequiredBy,
    Text,
    YesNo,
    list_of,
    one_of,
)

SEARCH_TERMS_FIX = ("write it as search_terms: [golive, launch, cutover] (employees only), or per audience as "
                    "search_terms: {customer: [golive], internal: [cutover plan]}")


class SearchTerms(Record):
    """Words people search for that a page does not use itself, per audience. Default deny: terms
    go to the internal site only, unless they are listed under `customer:` (both sites)."""

    means = Means("a list of words or phrases", SEARCH_TERMS_FIX, message="{label} must be a list of words or phrases",
                  whole=True)

    customer: list_of(Text, min_items=0) = Field((), description="terms for both sites")
    internal: list_of(Text, min_items=0) = Field((), description="terms for the internal site only")

    def for_site(self, site_audience: str) -> tuple[str, ...]:
        """The terms a site for this audience may put in its search index."""
        return self.customer if site_audience == CUSTOMER else (*self.customer, *self.internal)


def _terms_by_audience(value: Any) -> Any:
    """A plain list is the internal site's terms; a block names them per audience."""
    return {INTERNAL: value} if isinstance(value, list) else value


def _one_or_more(value: Any) -> Any:
    """One old path may be written on its own, without making it a list."""
    return [value] if isinstance(value, str) else value


class SearchSettings(Record):
    boost: PositiveNumber | None = Field(None, description="rank the page higher (2) or lower (0.5) in search")
    exclude: YesNo = Field(False, description="true keeps the page out of the search index")


PageAudience = Annotated[one_of(CUSTOMER, INTERNAL), Means(
    "customer or internal", "write 'audience: customer' to show the page to customers, or leave it out "
    "(pages are internal unless they say otherwise)", message="unknown audience {value} in the front matter",
    short="`customer` or `internal`")]


class PageFrontMatter(Record):
    """Everything a page's front matter may say. Only `owner` and `last_reviewed` are required,
    and the review rules say so in their own words (playbook/load/review.py)."""

    title: Text | None = Field(None, description="the page's name in the navigation and the browser tab")
    description: Text | None = Field(None, description="one sentence for search engines and link previews")
    audience: PageAudience = Field(INTERNAL, description="customer puts the page in the customer site too; "
                                                         "without it the page is internal (employees only)")
    owner: Annotated[Owner | None, RequiredBy("on written pages")] = Field(
        None, description="a role id from data/roles.yml, or a team name written with capitals, such as "
                          "Delivery operations team")
    last_reviewed: Annotated[Day | None, RequiredBy("on written pages")] = Field(
        None, description="the day someone last checked the page against how we actually work, YYYY-MM-DD, "
                          "never in the future")
    review_every_months: EveryMonths | None = Field(
        None, description="how often it must be reviewed (default: extra.review.every_months in mkdocs.yml)")
    short: Id | None = Field(None, description="gives the page the short link /go/<short>/")
    redirect_from: Annotated[list_of(PagePath), BeforeValidator(_one_or_more)] = Field(
        (), description="old paths of this page, so old links keep working: one, or a list")
    search_terms: Annotated[SearchTerms, BeforeValidator(_terms_by_audience)] | None = Field(
        None, description="words people search for that the page does not use itself: a list (internal site "
                          "only) or {customer: [...], internal: [...]}")
    search: SearchSettings | None = Field(None, description="boost: and exclude: for the search index")
    hide: list_of(one_of("navigation", "toc", "footer", "path", "tags", "feedback"), min_items=0) = Field(
        (), description="parts of the page Material leaves out")
    tags: list_of(Text, min_items=0) = Field((), description="tags for the tags index page")
    render_macros: YesNo | None = Field(None, description="false shows {{ ... }} as written, without macros")
    generated_from: Text | None = Field(None, description="written by the build on pages it generates from data: "
                                                          "the data file to edit instead")
