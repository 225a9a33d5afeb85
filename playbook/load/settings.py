"""The site's settings, read once: `extra:` in mkdocs.yml, checked against Settings
(playbook/model/settings.py), every mistake at its line.

The build and every tool take the one Settings object read_settings returns, never mkdocs.yml's
raw values, so a setting is checked in one place and means the same everywhere.
"""
from __future__ import annotations

from pathlib import Path

from playbook.load.messages import validate
from playbook.load.mkdocs_yml import read_mkdocs_yml
from playbook.model.settings import Settings
from playbook.problems import Problem, raise_if_any

CONFIG = "mkdocs.yml"


def read_settings(root: Path) -> Settings:
    """The settings of the project at root; raise PlaybookError listing every problem found."""
    config, problems = read_mkdocs_yml(Path(root) / CONFIG, CONFIG)
    settings = None
    if config is not None:
        extra = config.get("extra")
        if extra is None:
            problems.append(Problem(CONFIG, None, "there is no 'extra:' block with the site's settings",
                                    "add one: README.md, 'Site settings', lists every key"))
        else:
            settings, problems = validate(Settings, extra, CONFIG, root="extra", line=config.line_of("extra"))
    raise_if_any(problems, what="The site settings")
    return settings
