"""mkdocs.yml, read safely with its lines, and written back unchanged.

The site's settings live under `extra:` (playbook/load/settings.py checks them), and the staged
build writes each site's configuration from this file. MkDocs' own YAML loader constructs
Python objects from `!!python/name:` tags and reads environment variables for `!ENV`; here
both stay what they are, Tagged values (the tag and what it was written with), so reading the
file runs nothing, and writing it back gives the engine the same tags to interpret.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from playbook.load import config_allowlist
from playbook.load.yaml_source import LineDict, LineList, Tagged, load_yaml
from playbook.problems import Problem

_YAML_ORG = "tag:yaml.org,2002:"


def read_mkdocs_yml(path: Path, display_name: str = "mkdocs.yml") -> tuple[LineDict | None, list[Problem]]:
    """The configuration as a LineDict (lines kept, tags kept as Tagged values) and its problems."""
    config, problems = load_yaml(path, display_name, keep_tags=True)
    if config is None and not problems:
        problems = [Problem(display_name, 1, "the file is empty", "write the site's configuration in it")]
    elif config is not None and not isinstance(config, dict):
        config, problems = None, [Problem(display_name, 1, "the configuration is not a block of 'key: value' lines",
                                          "write one setting per line, such as 'site_name: Playbook'")]
    return config, problems


class _Dumper(yaml.SafeDumper):
    """YAML out: plain mappings and lists (our LineDicts and tuples too) and Tagged values."""


def _tagged(dumper: _Dumper, value: Tagged) -> yaml.Node:
    if isinstance(value.value, Mapping):
        return dumper.represent_mapping(value.tag, value.value)
    if isinstance(value.value, (list, tuple)):
        # `!ENV [OFFLINE, false]` is written in flow style in every MkDocs guide; keep it so.
        return dumper.represent_sequence(value.tag, value.value, flow_style=True)
    text = "" if value.value is None else str(value.value)
    return dumper.represent_scalar(value.tag, text)


_Dumper.add_representer(Tagged, _tagged)
_Dumper.add_representer(LineDict, _Dumper.represent_dict)
_Dumper.add_representer(LineList, _Dumper.represent_list)
_Dumper.add_representer(tuple, _Dumper.represent_list)


def write_mkdocs_yml(config: Mapping[str, Any]) -> str:
    """A configuration as YAML text, keys in their order, tags as they were read."""
    return yaml.dump(dict(config), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000,
                     default_flow_style=False)


# -- What the theme prints from mkdocs.yml ---------------------------------------------------------
#
# The site name, description, author, copyright and repository name are escaped by the stage
# (playbook/stage/site_config.py), and the nav titles too. Other values the theme prints as they
# are, in attributes and in the `<style>` it writes: addresses (site_url, repo_url, edit_uri,
# nav links, logo, favicon, extra CSS and JavaScript) and theme settings (palette and font names,
# icons). Those must be what they say: an address a reader may follow, a name. A title shown in a
# tooltip (the toc's permalink_title) is read as HTML by the theme's tooltips, so it must be words.

LINK_SCHEMES = ("http", "https", "mailto")
_WEB = ("http", "https")
# What no address holds as it is (RFC 3986), and control characters: an address holding one
# could end the attribute it is printed in, or be read differently by a browser.
_NOT_IN_ADDRESS = re.compile(r"[\x00-\x20\x7f\"'<>\\^`{|}]")
# A path in docs/ may hold spaces and apostrophes (MkDocs writes its address); never a quote.
_NOT_IN_PATH = re.compile(r"[\x00-\x1f\x7f\"<>\\`]")
_NOT_IN_NAME = re.compile(r"[\x00-\x1f\x7f\"'<>`\\]")
_NOT_IN_TITLE = re.compile(r"[<>&\"]")
_ADDRESS_FIX = "link to an http or https address, or give a path relative to docs/"


def check_config(config: Mapping[str, Any], display_name: str = "mkdocs.yml") -> list[Problem]:
    """Every setting mkdocs.yml may not hold (playbook.load.config_allowlist), and every value the
    theme prints as written, checked for what it must be (see above)."""
    problems: list[Problem] = config_allowlist.problems(config, display_name)

    def wrong(where: Any, key: Any, message: str, fix: str) -> None:
        line = where.line_of(key) if hasattr(where, "line_of") else None
        problems.append(Problem(display_name, line or None, message, fix))

    def address(where: Any, key: Any, label: str, *, schemes: tuple[str, ...], relative: bool, fix: str) -> None:
        value = where.get(key) if isinstance(where, dict) else where[key]
        if isinstance(value, dict):  # extra_javascript may list {path: ..., type: module}
            value = value.get("path")
        if value is None or isinstance(value, Tagged):
            return
        reason = _address_problem(value, schemes=schemes, relative=relative)
        if reason:
            wrong(where, key, f"{label} is {_shown(value)}, {reason}", fix)

    for key in ("site_url", "repo_url"):
        address(config, key, f"'{key}'", schemes=_WEB, relative=False,
                fix="write the whole address, such as https://playbook.example.com/")
    for key in ("edit_uri", "edit_uri_template"):
        address(config, key, f"'{key}'", schemes=_WEB, relative=True,
                fix="write the path below repo_url that edits a page, such as edit/main/docs/")
    for key in ("extra_css", "extra_javascript"):
        entries = config.get(key)
        for index in range(len(entries) if isinstance(entries, list) else 0):
            address(entries, index, f"'{key}[{index + 1}]'", schemes=_WEB, relative=True, fix=_ADDRESS_FIX)
    theme = config.get("theme")
    if isinstance(theme, dict):
        for key in ("logo", "favicon"):
            address(theme, key, f"'theme.{key}'", schemes=_WEB, relative=True, fix=_ADDRESS_FIX)
        for where, key, path, value in _strings(theme, "theme"):
            found = _NOT_IN_NAME.search(value)
            if found:
                wrong(where, key, f"'{path}' holds {found.group(0)!r}, which the theme would print into the "
                                  "page's markup as it is", "theme settings are names, paths and colours: remove "
                                                             "quotes, angle brackets, backticks and backslashes")
    for where, key, path, value in _strings(config.get("markdown_extensions"), "markdown_extensions"):
        found = _NOT_IN_TITLE.search(value) if path.endswith(".permalink_title") else None
        if found:
            wrong(where, key, f"'{path}' holds {found.group(0)!r}; the theme shows this title in a tooltip, "
                              "as HTML", "write the title as plain words, such as Link to this section")
    for where, key, title in _nav_entries(config.get("nav")):
        address(where, key, f"the nav entry '{title}'" if title else "a nav entry", schemes=LINK_SCHEMES,
                relative=True, fix="link to an http, https or mailto address, or to a page's .md file in docs/")
    return problems


def _shown(value: Any) -> str:
    if not isinstance(value, str):
        return "not text" if value is not None else "empty"
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _address_problem(value: Any, *, schemes: tuple[str, ...], relative: bool) -> str | None:
    """Why a value is not an address of the schemes given (said after the value), or None."""
    if not isinstance(value, str) or not value.strip():
        return "which is no address"
    scheme = urlsplit(value).scheme.lower()
    if scheme and scheme not in schemes:
        return f"whose '{scheme}:' scheme a reader's browser must not be sent to"
    found = (_NOT_IN_ADDRESS if scheme or value.startswith("//") else _NOT_IN_PATH).search(value)
    if found:
        return f"which holds {found.group(0)!r}, a character no address holds as it is"
    if not scheme and not relative:
        return "which is no web address starting with https://"
    return None


def _strings(value: Any, path: str, where: Any = None, key: Any = None):
    """(block, key, dotted path, text) of every string inside value."""
    if isinstance(value, str):
        yield where, key, path, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _strings(item, f"{path}.{name}", value, name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item)), str):
                name = next(iter(item))  # `- toc: {...}` reads as markdown_extensions[n].toc
                yield from _strings(item[name], f"{path}[{index + 1}].{name}", item, name)
            else:
                yield from _strings(item, f"{path}[{index + 1}]", value, index)


def _nav_entries(nav: Any):
    """(block, key, title) of every entry of the nav that names a page or an address."""
    if not isinstance(nav, list):
        return
    for index, entry in enumerate(nav):
        if isinstance(entry, dict):
            for title, target in entry.items():
                if isinstance(target, list):
                    yield from _nav_entries(target)
                else:
                    yield entry, title, title
        else:
            yield nav, index, None
