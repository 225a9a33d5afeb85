"""The kinds of value the playbook's YAML holds, and the base class of every record.

Each kind of value is declared once, as a pydantic type with its constraint, together with what
it means to an author (`Means`). From these declarations come the build's messages ("'side'
must be one of firm, customer, not 'client'"), the field reference in data/README.md and the
JSON Schemas editors read (tools/export_schemas.py), so the three cannot drift apart.

Patterns are written for pydantic (Rust regex) and JSON Schema (ECMAScript regex), where `$`
only matches at the very end of the text; Python's `$` also matches before a final newline, so
Python code checks them with `fullmatch` (is_id), never with `re.match`.
"""
from __future__ import annotations

import datetime
import re
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    InstanceOf,
    Strict,
    StringConstraints,
    TypeAdapter,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from playbook.problems import Location

CUSTOMER = "customer"
INTERNAL = "internal"
AUDIENCES = (CUSTOMER, INTERNAL)


@dataclass(frozen=True)
class Means:
    """What a value must be, said to an author, and how to write it.

    `message`, when given, replaces "{label} must be {what}, not {value}" for values whose
    mistake reads better another way; `whole` reports any mistake inside the value once, for
    the value as a whole (a list of search terms is wrong as a whole, not item by item).
    `short` names the kind of value in the field reference of data/README.md."""

    what: str
    fix: str
    message: str = ""
    whole: bool = False
    short: str = ""  # a few words for the field reference in data/README.md; `what` when empty

    @property
    def name(self) -> str:
        return self.short or self.what


@dataclass(frozen=True)
class WrittenAt:
    """Marks a field that is never written by an author: the loader fills it with where
    something was written. `key` None: the record itself; a key: the line of that key;
    `each`: the line of each item of the list under that key."""

    key: str | None = None
    each: bool = False


@dataclass(frozen=True)
class RequiredBy:
    """Marks a key the model leaves optional because a rule requires it, in its own words: a
    page's owner is required on every page an author writes, not on pages the build generates."""

    where: str


@dataclass(frozen=True)
class Keyed:
    """Marks a tuple of records written as a block of `key: value` lines (a RACI row is written
    `role-id: A` and read as Assignment(role, letter))."""

    key: str
    value: str


def unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """The type under Annotated[...] and `X | None`, with the metadata found on the way (outermost
    last), for reading the declarations: messages, the field reference."""
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation, *more = typing.get_args(annotation)
            metadata = more + metadata
        elif origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(options) != 1:
                return annotation, metadata
            annotation = options[0]
        else:
            return annotation, metadata


def means_of(annotation: Any, metadata: list[Any]) -> Means | None:
    """What a value of this declared type means to an author (the outermost declaration wins)."""
    found = [m for m in metadata if isinstance(m, Means)]
    if found:
        return found[-1]
    return getattr(annotation, "means", None) if is_record(annotation) else None


def is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def field_type(record: type[BaseModel], name: str) -> Any:
    """A field's declared type, with its metadata (constraints, Means, markers) put back around it."""
    info = record.model_fields[name]
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


# -- Plain values --------------------------------------------------------------------------------

ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN[1:-1])


def is_id(value: object) -> bool:
    """Whether value is a kebab-case id, exactly (no trailing newline: see the module's docstring)."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


_TEXT = StringConstraints(strip_whitespace=True, pattern=r"\S")
TEXT_FIX = "write the text; put it in quotes if YAML reads it as a number, date or yes/no"

Text = Annotated[str, _TEXT, Means("text", TEXT_FIX)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN), Means(
    "a kebab-case id (lower-case letters, digits and single hyphens, such as weekly-status-report)",
    "use lower-case words joined by single hyphens, starting with a letter", short="id (kebab-case)")]
# The fix names both usual causes: a day that does not exist (2026-02-30), and quotes, which make
# YAML read the date as text.
Day = Annotated[datetime.date, Means("a date written as YYYY-MM-DD",
                                     "write a day that exists, as YYYY-MM-DD without quotes, such as 2026-03-31",
                                     short="date, YYYY-MM-DD")]
# Without quotes YAML 1.1 reads 10:00 as a number of minutes (600), so a time is always quoted.
TimeOfDay = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"), Means(
    'a time of day "HH:MM" in quotes',
    'write the time in quotes, such as "10:00": without quotes YAML reads 10:00 as a number', short='time, "HH:MM"')]
YesNo = Annotated[bool, Means("true or false", "write true or false, without quotes")]
PositiveNumber = Annotated[float, Field(gt=0), Means(
    "a positive number", "use a number such as 2 (ranks the page higher) or 0.5 (lower)")]

OWNER_FIX = ("add 'owner:' to the front matter: a role id from data/roles.yml (such as "
             "implementation-project-manager) or a team name with capitals (such as Delivery leadership team)")
Owner = Annotated[str, _TEXT, Means("a role id or a team name", OWNER_FIX)]

# Addresses. Every field that holds one accepts only what a reader can safely follow: a page of
# this playbook, or an http(s) or mailto address; never javascript:, data: or vbscript:.
# A path segment never starts with a dot (no ../), and no segment holds a colon, so no scheme.
# A web address holds only characters an address may hold as they are (RFC 3986: no quotes,
# angle brackets, backslash, braces except a {placeholder} the field names, or white space),
# so it can never end the attribute it is written in.
_NOT_IN_URL = r"\s" + "\"'" + r"<>\\^`{|}"
_URL = f"[^{_NOT_IN_URL}]"
_HOST = f"[^{_NOT_IN_URL}/?#]+"
WEB_ADDRESS_PATTERN = rf"^https?://{_HOST}{_URL}*$"
HTTPS_ADDRESS_PATTERN = rf"^https://{_HOST}{_URL}*$"
_SEGMENT = r"[^/\s:?#\\.][^/\s:?#\\]*"
PAGE_PATTERN = rf"^{_SEGMENT}(/{_SEGMENT})*\.md$"
PagePath = Annotated[str, StringConstraints(pattern=PAGE_PATTERN), Means(
    "the path of a page in docs/, such as phases/kickoff.md",
    "write the page's path from docs/, ending in .md, without a leading / or a web address", short="page path in docs/")]
WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS_PATTERN), Means(
    "a web address starting with https://", "write the whole address, such as https://implementations.example.com/",
    short="https:// address")]
HttpsAddress = Annotated[str, StringConstraints(pattern=HTTPS_ADDRESS_PATTERN), Means(
    "an https:// address", "give the whole https:// address, such as https://www.example.com/privacy",
    short="https:// address")]
EditAddress = Annotated[str, StringConstraints(pattern=rf"^https://{_HOST}{_URL}*\{{path\}}{_URL}*$"), Means(
    "an https:// address with {path} where a file's path goes",
    "write the address that edits a file, such as https://github.com/org/repo/edit/main/{path}",
    short="https:// address with {path}")]
FeedbackAddress = Annotated[str, StringConstraints(
    pattern=rf"^(mailto:{_URL}*|https://{_HOST}{_URL}*)\{{query\}}{_URL}*$"), Means(
    "a mailto: or https:// address with {query} where the search text goes",
    "write an e-mail or new-issue address with {query} where the search text goes, such as "
    "mailto:playbook@example.com?subject=Playbook%20search%3A%20{query}", short="mailto: or https:// address with {query}")]
_MAILBOX = f"[^@:/()\\[\\],;{_NOT_IN_URL}]+"
Email = Annotated[str, StringConstraints(pattern=rf"^{_MAILBOX}@{_MAILBOX}\.{_MAILBOX}$"), Means(
    "an e-mail address", "write the address alone, such as implementations@example.com")]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"), Means(
    'a colour written as "#rrggbb"', 'write a colour as "#rrggbb" (in quotes), such as "#1d3557"', short='colour, "#rrggbb"')]


def whole_number(minimum: int, maximum: int | None = None) -> Any:
    """A whole number in a range, and the words that say so."""
    what = (f"a whole number from {minimum} to {maximum}" if maximum is not None
            else f"a whole number of at least {minimum}")
    return Annotated[int, Field(ge=minimum, le=maximum), Means(what, f"write a whole number such as {minimum}, without quotes",
                                                                short=what.removeprefix("a "))]


def one_of(*values: str) -> Any:
    """One of a few words, and the words that say so."""
    listed = ", ".join(values)
    return Annotated[Literal[values], Means(f"one of {listed}", f"write one of: {listed}",
                                            short=" or ".join(f"`{value}`" for value in values))]


def list_of(item: Any, *, min_items: int = 1) -> Any:
    """A list (read into a tuple, so records stay frozen) of at least min_items items."""
    at_least = f" of at least {min_items}" if min_items else ""
    return Annotated[tuple[item, ...], Strict(False), Field(min_length=min_items or None), Means(
        f"a list{at_least} (each item on its own line starting with '- ')",
        "write each item on its own line, indented, starting with '- '",
        short=f"list (at least {min_items})" if min_items else "list")]


def by_id(value: Any, *, min_items: int = 0) -> Any:
    """A block of `id: value` lines read into a dict by id, for choices made about things the
    playbook defines (a project's person for each role id): the ids are checked against the
    playbook after the shape, and readers look them up by id."""
    # An editor reads patternProperties alone as "any other key is fine too"; the build refuses them.
    closed = {"additionalProperties": False}
    return Annotated[dict[Id, value], Field(min_length=min_items or None, json_schema_extra=closed), Means(
        "a block of 'id: ...' lines", "write each id on its own line, indented under this key, followed by ':'",
        short="block of `<id>:` lines")]


Audience = one_of(CUSTOMER, INTERNAL)


def _narrow(value: Any, info: ValidationInfo) -> Any:
    """An item is as visible as its file unless it says `audience: internal`: it can narrow its
    file's audience, never widen it. Reading YAML, the file's audience comes in the context;
    read back from JSON (or made in Python) the audience is already the item's own."""
    if info.context is None:
        return INTERNAL if value is None else value
    if value is None:
        return info.context["audience"]
    if value == INTERNAL:
        return INTERNAL
    raise PydanticCustomError("audience_wider", "an item can only narrow its file's audience")


NarrowedAudience = Annotated[Audience, BeforeValidator(_narrow), WithJsonSchema({"enum": [INTERNAL]}), Means(
    "internal (an item can only narrow its file's audience)",
    "write 'audience: internal' to hide this item from customers, or leave the key out", short="`internal`")]


def narrowed_audience() -> Any:
    """The `audience:` of an item inside a file (a role, an activity, a checklist item)."""
    return Field(None, validate_default=True, description="write 'internal' to hide this item from customers")


def file_audience() -> Any:
    """The `audience:` every file starts with."""
    return Field(description="who may read this file: customer (both sites) or internal (employees only)")


# -- Records -------------------------------------------------------------------------------------

Located = SkipJsonSchema[InstanceOf[Location] | None]


class Record(BaseModel):
    """A block of keys: frozen once read, strict about types, and refusing any key it does not
    declare. Records read from YAML know where they were written (`source`)."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", validate_by_name=True,
                              validate_by_alias=True, serialize_by_alias=True)
    means: ClassVar[Means] = Means("a block of keys", "indent the keys of this block under it", short="block")
    __located_fields__: ClassVar[tuple[tuple[str, WrittenAt], ...]] = ()

    source: Annotated[Located, WrittenAt()] = Field(None, exclude=True, repr=False)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.__located_fields__ = tuple((name, marker) for name, info in cls.model_fields.items()
                                       for marker in info.metadata if isinstance(marker, WrittenAt))

    @classmethod
    def author_keys(cls) -> dict[str, str]:
        """The keys an author may write (as written in YAML) -> field name, in declared order."""
        located = {name for name, _ in cls.__located_fields__}
        return {info.alias or name: name for name, info in cls.model_fields.items() if name not in located}

    @model_validator(mode="before")
    @classmethod
    def _where_written(cls, data: Any, info: ValidationInfo) -> Any:
        """Fill the located fields from the lines the YAML reader kept. A key an author wrote
        under one of these names is left alone, and refused as an unknown key."""
        line_of = getattr(data, "line_of", None)
        if line_of is None or info.context is None:
            return data
        file = info.context["file"]
        located = dict(data)
        for name, marker in cls.__located_fields__:
            if name in data:
                continue
            if marker.key is None:
                located[name] = Location(file, data.line)
            elif marker.each:
                items = data.get(marker.key)
                item_lines = getattr(items, "item_lines", None)
                located[name] = tuple(Location(file, line) for line in item_lines) if item_lines is not None else ()
            elif marker.key in data:
                located[name] = Location(file, line_of(marker.key))
        return located


def keyed(record: type[Record], key: Any, value: Any, *, min_items: int = 1) -> Any:
    """Records written as a block of `key: value` lines, read into a tuple of records (one per
    line, in order, each knowing its line). In JSON the tuple is stored as it is."""
    key_name, key_type = key
    value_name, value_type = value

    def pairs(data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict):
            line_of, file = getattr(data, "line_of", None), (info.context or {}).get("file")
            return tuple({key_name: k, value_name: v, **({"source": Location(file, line_of(k))} if line_of and file else {})}
                         for k, v in data.items())
        if info.context is not None:  # read from YAML: it must be a block
            raise PydanticCustomError("keyed_block", "a block of key: value lines")
        return data

    schema = {"type": "object", "propertyNames": TypeAdapter(key_type).json_schema(),
              "additionalProperties": TypeAdapter(value_type).json_schema(), "minProperties": min_items}
    return Annotated[tuple[record, ...], BeforeValidator(pairs), Strict(False), Field(min_length=min_items),
                     WithJsonSchema(schema), Keyed(key_name, value_name), Means(
                         "a block of 'key: value' lines", "write one 'key: value' pair per line, indented under this key",
                         short=f"block of `{key_name}: {value_name}` lines")]
