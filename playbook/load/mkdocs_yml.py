"""mkdocs.yml, read safely with its lines, and written back unchanged.

The site's settings live under `extra:` (playbook/load/settings.py checks them), and the staged
build writes each site's configuration from this file. MkDocs' own YAML loader constructs
Python objects from `!!python/name:` tags and reads environment variables for `!ENV`; here
both stay what they are, Tagged values (the tag and what it was written with), so reading the
file runs nothing, and writing it back gives the engine the same tags to interpret.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

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
