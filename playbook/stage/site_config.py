"""The config of a staged site, made from the authors' mkdocs.yml and the site settings.

The authors write one mkdocs.yml. Each staged site gets its own, written from an allowlist
(playbook.load.config_allowlist) rather than from the authors' file less what we know to drop:
the same theme settings and Markdown extensions, its own name, address and nav, the macros module
and the fence that carries finished HTML, and nothing of the other site (the customer config keeps
no author, no edit links, no repository and no internal nav entry). A key nobody listed never
reaches a site. Values that reach HTML through the theme's templates (site name,
description, author, copyright, repository name, nav titles) are written escaped, because the
theme prints them as they are; the site-wide ones inert for Markdown too, because a page may
print {{ config.site_name }} into its text.
"""
from __future__ import annotations

import copy
import json
from typing import Any

from playbook.load import config_allowlist
from playbook.load.mkdocs_yml import write_mkdocs_yml
from playbook.load.yaml_source import Tagged
from playbook.model.facts import CUSTOMER, INTERNAL, Playbook
from playbook.present import fences
from playbook.stage import nav as nav_edits
from playbook.stage.staged_text import escape_text, inert_text

MACROS_MODULE = "playbook.render.macros"


def dump(value: Any) -> str:
    return write_mkdocs_yml(value)


def python_name(dotted: str) -> Tagged:
    return Tagged(f"tag:yaml.org,2002:python/name:{dotted}", "")


def markdown_extensions(config: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions of the staged sites (the authors' and the finished-HTML fence)."""
    names, options = [], {}
    for name, given in config_allowlist.entries(config, "markdown_extensions"):
        if name not in config_allowlist.EXTENSIONS:
            continue  # the loader refused it already; a config is written from the allowlist alone
        names.append(name)
        options[name] = copy.deepcopy(given)
    if "pymdownx.superfences" not in names:
        names.append("pymdownx.superfences")
        options["pymdownx.superfences"] = {}
    fence = fences.superfences_fence()
    custom = [f for f in options["pymdownx.superfences"].get("custom_fences", []) if f.get("name") != fences.FENCE]
    options["pymdownx.superfences"]["custom_fences"] = [*custom, {**fence, "format": python_name(fence["format"])}]
    return names, {name: given for name, given in options.items() if given}


def macros_options(config: dict[str, Any]) -> dict[str, Any]:
    return next((dict(options) for name, options in config_allowlist.entries(config, "plugins") if name == "macros"), {})


def _plugins(config: dict[str, Any], offline: bool) -> list[Any]:
    plugins: list[Any] = []
    for name, options in config_allowlist.entries(config, "plugins"):
        if name not in config_allowlist.PLUGINS:
            continue  # the loader refused it already; a config is written from the allowlist alone
        if name == "macros":
            kept = {k: v for k, v in options.items() if k.startswith("j2_") or k in ("render_by_default",)}
            # All of a page's Jinja problems are found by the stage; a failure left for the
            # engine is logged as a warning, which strict mode turns into a failed build
            # after every page has been tried, rather than stopping at the first.
            # include_dir: what a page's include may read is what the stage put there (site.py).
            plugins.append({"macros": {**kept, "modules": [MACROS_MODULE], "on_error_fail": False,
                                       "on_undefined": "strict", "include_dir": "includes"}})
        elif name == "offline":
            plugins.append({"offline": {"enabled": offline}})
        else:
            plugins.append({name: options} if options else name)
    if offline and not any(name == "offline" for name, _ in config_allowlist.entries(config, "plugins")):
        plugins.append({"offline": {"enabled": True}})
    return plugins


def generate(sources: Any, audience: str, nav: list[Any] | None, options: Any, extra: dict[str, Any],
             *, extra_css: list[str] = ()) -> str:
    config = sources.config
    keeps = config_allowlist.CUSTOMER_KEEPS if audience == CUSTOMER else config_allowlist.INTERNAL_KEEPS
    site = {key: copy.deepcopy(value) for key, value in config.items() if key in keeps}
    if isinstance(site.get("theme"), dict):
        site["theme"] = {key: value for key, value in site["theme"].items() if key in config_allowlist.THEME_SETTINGS}
    settings = sources.settings
    if audience == CUSTOMER:
        brand = settings.brand
        site["site_name"] = inert_text(f"{brand.firm_name} · {brand.customer_site_title}")
        site["site_url"] = settings.customer_site.url
        site["site_description"] = inert_text(settings.customer_site.description)
        theme = site.setdefault("theme", {})
        theme["palette"] = {**(theme.get("palette") or {}), "primary": "custom", "accent": "custom"}
    else:
        site["site_name"] = inert_text(str(config.get("site_name") or "Playbook"))
        if config.get("site_url"):
            site["site_url"] = config["site_url"]
        if config.get("site_description"):
            site["site_description"] = inert_text(str(config["site_description"]))
    if audience == CUSTOMER:
        # The authors' footer line speaks for the firm's own handbook; customers get the firm's
        # name and where to write.
        brand = settings.brand
        site["copyright"] = f"© {sources.today.year} {brand.firm_name}. Questions about your implementation? " \
                            f"Write to {brand.contact_email}."
    for key in ("copyright", "site_author", "repo_name"):  # the theme prints these as they are
        if site.get(key):
            site[key] = inert_text(str(site[key]))
    site["docs_dir"] = "docs"
    site["site_dir"] = "site"
    site["use_directory_urls"] = options.use_directory_urls
    site["strict"] = True
    validation = copy.deepcopy(config.get("validation") or {})
    # Links to a section are checked after rendering against the ids each page really has,
    # those inside the macros' finished HTML included (playbook.render.checks).
    validation["anchors"] = "info"
    site["validation"] = validation
    theme = site.setdefault("theme", {})
    theme["custom_dir"] = "overrides"
    site["extra_css"] = [*(config.get("extra_css") or []), *extra_css]
    names, mdx = markdown_extensions(config)
    site["markdown_extensions"] = [{name: mdx[name]} if name in mdx else name for name in names]
    site["plugins"] = _plugins(config, options.offline)
    site["extra"] = extra
    header = (f"# Generated by the stage for the {audience} site from mkdocs.yml and data/: do not edit.\n"
              "# Build it with any MkDocs-compatible engine: mkdocs build -f this-file\n")
    text = header + dump(site)
    if nav is not None:
        # The nav of a large playbook is most of the config; written as JSON (a YAML flow
        # sequence), it costs a fraction of PyYAML's pure-Python emitter.
        text += "nav: " + json.dumps(nav, ensure_ascii=False) + "\n"
    return text


def site_nav(written: list[Any] | None, audience: str, pages: set[str], home: str,
             role_pages: list[tuple[str, str]], settings: Any, playbook: Playbook,
             after_home: list[tuple[str, str]] = ()) -> list[Any] | None:
    """The nav of one site: the authors' nav holding only this site's pages, the generated
    pages slotted in (role pages after the roles page, after_home right after the home page),
    titles escaped, and external links only where customers may see them."""
    if written is None:
        return None
    nav = nav_edits.insert_after(written, "roles/index.md", [{title: src} for src, title in role_pages])[0]
    nav = nav_edits.insert_after(nav, "index.md", [{title: src} for src, title in after_home])[0]
    if audience == INTERNAL:
        nav = nav_edits.insert_after(nav, playbook.changelog_page, [{"Content health": "content-health.md"}])[0] \
            if playbook.changelog_page and nav_edits.contains(nav, playbook.changelog_page) \
            else [*nav, {"Content health": "content-health.md"}]
    if audience == CUSTOMER and home != "index.md":
        nav = nav_edits.replace_page(nav, "index.md", home)
    allowed = {link.url for link in settings.customer_site.nav_links} if audience == CUSTOMER else None
    nav = nav_edits.prune(nav, pages, allowed_links=allowed)
    if audience == CUSTOMER and home != "index.md":
        nav = nav_edits.rename_page(nav, home, "index.md")
    return nav_edits.escape_titles(nav, escape_text)
