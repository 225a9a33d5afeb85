"""What mkdocs.yml may hold: the settings, plugins and Markdown extensions the playbook's sites use.

An engine acts on whatever its config names: a Markdown extension is Python code imported by name
(pymdownx.snippets and pymdownx.b64 read any file of the machine into a page), a plugin too, a
hook is a Python file, and every other key is printed or acted on somewhere. The staged configs
are therefore written from these lists only (playbook/stage/site_config.py), and the loader
refuses anything else in mkdocs.yml with its line, so an author learns at once rather than finding
a setting silently dropped.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from playbook.load.yaml_source import Tagged
from playbook.problems import Problem

# The authors' keys, and what each site's config keeps of them (the stage writes the rest).
SETTINGS = frozenset({
    "site_name", "site_description", "site_url", "site_author", "copyright", "repo_url", "repo_name", "edit_uri",
    "edit_uri_template", "docs_dir", "exclude_docs", "not_in_nav", "strict", "validation", "theme", "extra_css",
    "extra_javascript", "extra", "markdown_extensions", "plugins", "nav", "use_directory_urls", "watch",
})
# What the customer site keeps of the authors' keys as written (its name, address, description,
# footer and theme colours come from extra: brand and customer_site; nothing of the repository).
CUSTOMER_KEEPS = frozenset({"exclude_docs", "not_in_nav", "validation", "theme", "extra_css", "extra_javascript"})
INTERNAL_KEEPS = CUSTOMER_KEEPS | {"site_author", "copyright", "repo_url", "repo_name", "edit_uri",
                                   "edit_uri_template"}
THEME_SETTINGS = frozenset({"name", "custom_dir", "language", "font", "icon", "palette", "features", "logo",
                            "favicon", "direction"})
PLUGINS = frozenset({"search", "offline", "macros", "tags"})
# Markdown extensions that read only the page they are given.
EXTENSIONS = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc", "sane_lists",
    "smarty", "nl2br", "markdown.extensions.abbr", "markdown.extensions.admonition", "markdown.extensions.attr_list",
    "markdown.extensions.def_list", "markdown.extensions.footnotes", "markdown.extensions.md_in_html",
    "markdown.extensions.tables", "markdown.extensions.toc", "pymdownx.arithmatex", "pymdownx.betterem",
    "pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.tab", "pymdownx.caret",
    "pymdownx.critic", "pymdownx.details", "pymdownx.emoji", "pymdownx.escapeall", "pymdownx.highlight",
    "pymdownx.inlinehilite", "pymdownx.keys", "pymdownx.magiclink", "pymdownx.mark", "pymdownx.progressbar",
    "pymdownx.saneheaders", "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist",
    "pymdownx.tilde", "material.extensions.emoji",
})
# Python names an extension's options may point at (a tag the engine turns into a function).
PYTHON_NAMES = frozenset({"material.extensions.emoji.twemoji", "material.extensions.emoji.to_svg",
                          "pymdownx.superfences.fence_code_format", "pymdownx.superfences.fence_div_format"})
_PYTHON_NAME = "tag:yaml.org,2002:python/name:"


def entries(config: Mapping[str, Any], key: str) -> list[tuple[str, Any]]:
    """A plugins or markdown_extensions list as (name, options) pairs."""
    found = []
    for entry in config.get(key) or []:
        if isinstance(entry, dict):
            found += [(str(name), options or {}) for name, options in entry.items()]
        else:
            found.append((str(entry), {}))
    return found


def problems(config: Mapping[str, Any], display_name: str = "mkdocs.yml") -> list[Problem]:
    """Every key, plugin, extension and theme setting of mkdocs.yml the sites do not use."""
    found: list[Problem] = []

    def at(where: Any, key: Any) -> int | None:
        return (where.line_of(key) if hasattr(where, "line_of") else None) or None

    for key in config:
        if key not in SETTINGS:
            found.append(Problem(display_name, at(config, key), f"'{key}' is not a setting the playbook's sites use",
                                 "remove it; README.md, \"Site settings\", lists what the build reads"))
    theme = config.get("theme")
    for key in theme if isinstance(theme, dict) else ():
        if key not in THEME_SETTINGS:
            found.append(Problem(display_name, at(theme, key), f"'theme.{key}' is not a theme setting the sites use",
                                 f"remove it; the theme settings are {', '.join(sorted(THEME_SETTINGS))}"))
    for kind, allowed, fix in (
            ("plugins", PLUGINS, "the sites use the search, offline, macros and tags plugins; the build does the rest"),
            ("markdown_extensions", EXTENSIONS, "use one of the extensions that read only the page (CONTRIBUTING.md)")):
        listed = config.get(kind) or []
        for index, (name, _options) in enumerate(entries(config, kind)):
            line = at(listed, index) if isinstance(listed, list) and index < len(listed) else None
            if name not in allowed:
                found.append(Problem(display_name, line, f"the {kind[:-1].replace('_', ' ')} '{name}' is not one the "
                                                         "playbook allows: it could read files or run code the "
                                                         "sites' checks never see", fix))
    for where, key, tag in _tags(config):
        if tag.startswith(_PYTHON_NAME) and tag[len(_PYTHON_NAME):] in PYTHON_NAMES:
            continue
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        found.append(Problem(display_name, at(where, key), f"'{key}' is written with the tag {shown}, which would "
                                                           "make the engine run a function or read the build "
                                                           "machine's environment into the sites",
                             "write the value itself"))
    return found


def _tags(value: Any) -> list[tuple[Any, Any, str]]:
    """(where, key, tag) of every tagged value in the config, however deep."""
    found = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, (list, tuple)) else ()
    for key, item in items:
        if isinstance(item, Tagged):
            found.append((value, key, item.tag))
        else:
            found += _tags(item)
    return found
