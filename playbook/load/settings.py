"""The site settings under `extra:` in mkdocs.yml, validated once.

(Interim reader; replaced by the data-layer work that declares settings as one model.)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playbook.load.review import Settings as ReviewSettings
from playbook.problems import Problem


@dataclass(frozen=True)
class Brand:
    firm_name: str
    customer_site_title: str
    primary_color: str
    accent_color: str
    contact_email: str


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str


@dataclass(frozen=True)
class CustomerSite:
    url: str
    description: str
    home: str
    nav_links: tuple[NavLink, ...] = ()


@dataclass(frozen=True)
class Repository:
    edit_url: str | None = None


@dataclass(frozen=True)
class Feedback:
    internal: str
    customer: str


@dataclass(frozen=True)
class Settings:
    brand: Brand
    review: ReviewSettings
    customer_site: CustomerSite
    feedback: Feedback
    repository: Repository = field(default_factory=Repository)


def read_settings(path: Path, config: dict[str, Any]) -> tuple[Settings | None, list[Problem]]:
    extra = config.get("extra") or {}
    brand = extra.get("brand") or {}
    customer = extra.get("customer_site") or {}
    feedback = extra.get("feedback") or {}
    review = extra.get("review") or {}
    try:
        return Settings(
            Brand(**brand),
            ReviewSettings(**review),
            CustomerSite(customer.get("url", ""), customer.get("description", ""), customer.get("home", "welcome.md"),
                         tuple(NavLink(**link) for link in customer.get("nav_links", ()))),
            Feedback(feedback.get("internal", ""), feedback.get("customer", "")),
            Repository((extra.get("repository") or {}).get("edit_url")),
        ), []
    except TypeError as error:
        return None, [Problem(path.name, None, f"extra: {error}", "see mkdocs.yml")]
