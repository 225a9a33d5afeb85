"""mkdocs.yml read safely, its MkDocs tags kept so the stage can write them back.

(Interim reader; replaced by the data-layer work that validates settings.)
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from playbook.problems import Problem


@dataclass(frozen=True)
class Tagged:
    """A value written with a YAML tag MkDocs understands (!ENV, !!python/name:...)."""

    tag: str
    value: Any

    @property
    def python_name(self) -> str | None:
        prefix = "tag:yaml.org,2002:python/name:"
        return self.tag[len(prefix):] if self.tag.startswith(prefix) else None


class _Loader(yaml.SafeLoader):
    pass


def _tagged(loader: _Loader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


def read_mkdocs_yml(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    try:
        value = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        return {}, [Problem(path.name, None, f"cannot read it: {error}", "fix the YAML")]
    return value, []
