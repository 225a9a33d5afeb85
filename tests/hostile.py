"""Script payloads, and a planter that puts one in every channel of a project.

A channel is any place an author writes a value that reaches a reader's HTML: a page's front
matter, the nav and settings in mkdocs.yml, and every text field of every kind of data file.
Each channel gets its own payload, which carries a marker naming the channel and the same
attack in every form a value could slip through: a script element, an image whose error
handler runs, attribute breakouts with both quote styles, closing tags of the elements that
hold text raw (title, textarea, style, script), entity-encoded tags (which a careless decode
would turn back into markup), Jinja expressions (which must never be evaluated, even by way
of a closing raw tag), and script addresses written as Markdown links.

Every script in a payload reports to `window.pbXss` or opens a dialog, so a browser can tell
whether any of them ran; a Jinja expression that ran leaves the word `pbjinjaran` on the page.

Which fields are text is read from the models' declarations (playbook/model), so a text field
added to a data file later is planted too, once the fixture holds a value for it; the test of
coverage names the fields the fixture lacks.
"""
from __future__ import annotations

import copy
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from playbook.model.data_files import DATA_FILES
from playbook.model.page import PageFrontMatter
from playbook.model.settings import Settings
from playbook.model.types import field_type, is_record, means_of, unwrap

SEARCH_WORD = "pbxss"  # in every payload, so a search for it lists them all
JINJA_RAN = "pbjinjaran"
_MARKER = re.compile(r"pbm\d{3}x")

# The forms of one attack; {m} is the channel's marker.
FORMS = (
    '<script>window.pbXss=(window.pbXss||[]).concat("{m}:script")</script>',
    '<img src=x onerror=alert("{m}:img")>',
    '"><svg onload=alert("{m}:dq")>',
    "'><svg onload=alert(\"{m}:sq\")>",
    '" onmouseover="alert(\'{m}:dqattr\')" autofocus onfocus="alert(\'{m}:dqfocus\')" x="',
    "' onmouseover='alert(\"{m}:sqattr\")' x='",
    '</title></textarea></style></script><svg onload=alert("{m}:close")>',
    '&lt;img src=x onerror=alert("{m}:named")&gt;',
    '&#60;svg onload=alert("{m}:numeric")&#62;',
    '{{{{ "pbjinja" ~ "ran" }}}}',
    '{{% endraw %}}{{{{ "pbjinja" ~ "ran" }}}}{{% raw %}}',
    '[go](javascript:alert("{m}:mdlink")) <javascript:alert("{m}:autolink")>',
)


def payload(marker: str, *, brackets: bool = True) -> str:
    """One channel's payload: the search word, its marker, then every form (without the Markdown
    link forms, for a value where the build refuses square brackets: a glossary spelling)."""
    forms = FORMS if brackets else [form for form in FORMS if "[" not in form]
    return " ".join([SEARCH_WORD, marker, *(form.format(m=marker) for form in forms)])


def markers_in(text: str) -> set[str]:
    return set(_MARKER.findall(text))


@dataclass
class Planter:
    """Hands out markers and remembers which channel each one went into."""

    channels: dict[str, str] = field(default_factory=dict)  # marker -> channel

    def __call__(self, channel: str, *, brackets: bool = True) -> str:
        marker = f"pbm{len(self.channels) + 1:03d}x"
        self.channels[marker] = channel
        return payload(marker, brackets=brackets)


# -- Walking values by their declarations -----------------------------------------------------------


def _is_text(annotation: Any) -> bool:
    """Whether a declared type holds free text an author writes (text, or a team name as owner)."""
    bare, metadata = unwrap(annotation)
    means = means_of(bare, metadata)
    return bare is str and means is not None and means.what in ("text", "a role id or a team name")


def _items(annotation: Any) -> Any | None:
    """The item type of a declared list, else None."""
    bare, _ = unwrap(annotation)
    if typing.get_origin(bare) is tuple:
        return typing.get_args(bare)[0]
    return None


def text_fields(record: type, prefix: str = "") -> Iterator[str]:
    """Every text field a record declares, as dotted paths (list items as []), nested records included."""
    for key, name in record.author_keys().items():
        declared = field_type(record, name)
        item = _items(declared)
        path = f"{prefix}{key}"
        if _is_text(declared):
            yield path
        elif item is not None and _is_text(item):
            yield path + "[]"
        elif item is not None and is_record(unwrap(item)[0]):
            yield from text_fields(unwrap(item)[0], path + "[].")
        elif is_record(unwrap(declared)[0]):
            yield from text_fields(unwrap(declared)[0], path + ".")


def plant_text(value: Any, record: type, plant: Planter, where: str, *, prefix: str = "",
               planted: set[str] | None = None, skip: frozenset[str] = frozenset()) -> Any:
    """A copy of value (as YAML gives it) with a payload in every text field its record declares.
    `planted` collects the dotted paths of the fields that received one."""
    value = copy.deepcopy(value)
    if not isinstance(value, dict):
        return value
    keys = record.author_keys()
    for key in list(value):
        name = keys.get(key)
        if name is None:
            continue
        declared = field_type(record, name)
        item = _items(declared)
        path = f"{prefix}{key}"
        if path in skip:
            continue
        if _is_text(declared) and isinstance(value[key], str):
            value[key] = plant(f"{where}: {path}")
            _note(planted, path)
        elif item is not None and isinstance(value[key], list):
            if _is_text(item):
                value[key] = [plant(f"{where}: {path}[{n + 1}]") for n in range(len(value[key]))]
                _note(planted, path + "[]")
            elif is_record(unwrap(item)[0]):
                value[key] = [plant_text(entry, unwrap(item)[0], plant, f"{where}: {path}[{n + 1}]",
                                         prefix=path + "[].", planted=planted, skip=skip)
                              for n, entry in enumerate(value[key])]
        elif is_record(unwrap(declared)[0]) and isinstance(value[key], dict):
            value[key] = plant_text(value[key], unwrap(declared)[0], plant, where, prefix=path + ".",
                                    planted=planted, skip=skip)
    return value


def _note(planted: set[str] | None, path: str) -> None:
    if planted is not None:
        planted.add(path)


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=10_000)


# -- A whole project ---------------------------------------------------------------------------------


@dataclass
class Planted:
    """What was planted in a project: the channel of each marker, and the text fields covered
    per kind of data file (schema name -> dotted paths)."""

    plant: Planter
    covered: dict[str, set[str]]


def _data_kind(relative: str):
    for kind in DATA_FILES:
        if (kind.folder and relative.startswith(kind.folder + "/")) or relative == kind.pattern:
            return kind
    raise ValueError(f"no kind of data file is {relative}")


_FRONT = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n", re.S)
# Glossary spellings are matched in page text; one term stays plain so pages show its meaning
# (the abbreviation channel), and the payload goes into its meaning.
PLAIN_GLOSSARY_TERM = "RACI"


def plant_project(project: Path) -> Planted:
    """Put a payload in every text channel of the project at `project` (see the module's docstring)."""
    plant = Planter()
    covered: dict[str, set[str]] = {}

    for path in sorted((project / "data").rglob("*.yml")):
        relative = path.relative_to(project / "data").as_posix()
        kind = _data_kind(relative)
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        planted = covered.setdefault(kind.schema, set())
        spellings = frozenset({"terms[].term", "terms[].aliases"}) if kind.schema == "glossary" else frozenset()
        value = plant_text(value, kind.model, plant, f"data/{relative}", planted=planted, skip=spellings)
        if kind.schema == "glossary":
            # Spellings may not hold square brackets (the build refuses them: pages mark terms
            # with *[term]); the first term stays plain so pages show its meaning on hover.
            for number, term in enumerate(value["terms"]):
                term["term"] = plant(f"data/{relative}: a glossary term", brackets=False) if number \
                    else PLAIN_GLOSSARY_TERM
                if term.get("aliases"):
                    term["aliases"] = [plant(f"data/{relative}: a glossary alias", brackets=False)
                                       for _ in term["aliases"]]
            planted |= {"terms[].term", "terms[].aliases[]"}
        path.write_text(_dump(value), encoding="utf-8")

    for path in sorted((project / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = _FRONT.match(text)
        if not match:
            continue
        front = yaml.safe_load(match.group("yaml"))
        relative = path.relative_to(project).as_posix()
        planted = covered.setdefault("front matter", set())
        # An owner that is a role id keeps its role (the role's title carries a payload); a team
        # name becomes a payload.
        skip = frozenset({"owner"}) if re.fullmatch(r"[a-z-]+", str(front.get("owner", ""))) else frozenset()
        front = plant_text(front, PageFrontMatter, plant, relative, planted=planted, skip=skip)
        if "description" not in front:
            front["description"] = plant(f"{relative}: description")
        path.write_text("---\n" + _dump(front) + "---\n" + text[match.end():], encoding="utf-8")

    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    for key in ("site_name", "site_description", "site_author", "copyright", "repo_name"):
        config[key] = plant(f"mkdocs.yml: {key}")
    config["nav"] = _plant_nav(config["nav"], plant)
    config["extra"] = plant_text(config["extra"], Settings, plant, "mkdocs.yml: extra",
                                 planted=covered.setdefault("settings", set()),
                                 skip=frozenset({"projects.folder"}))
    config_path.write_text(_dump(config), encoding="utf-8")
    return Planted(plant, covered)


def _plant_nav(nav: list[Any], plant: Planter) -> list[Any]:
    planted = []
    for entry in nav:
        if isinstance(entry, dict):
            (title, target), = entry.items()
            new_title = plant(f"mkdocs.yml: nav title {title!r}")
            planted.append({new_title: _plant_nav(target, plant) if isinstance(target, list) else target})
        else:
            planted.append(entry)
    return planted
