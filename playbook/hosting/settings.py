"""The hosting and Teams settings: `extra.hosting` and `extra.teams` in mkdocs.yml, one frozen
model each, every mistake reported at once as `mkdocs.yml:LINE: what — how to fix it`.

Until the data layer's one `Settings` object carries them, they are read here from the raw
mkdocs.yml (the same safe reader the load step uses), with the YAML node tree alongside for the
line of each mistake. Both blocks are optional: without `extra.hosting` no host configuration is
written (a firm on another host, see docs/hosting.md); without `extra.teams`,
`make teams-app` says what to add.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from playbook.load.mkdocs_yml import read_mkdocs_yml
from playbook.problems import Problem

CONFIG_FILE = "mkdocs.yml"
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# Azure Static Web Apps: "Valid characters include a-z, A-Z, 0-9, and _" for role names.
_ROLE = re.compile(r"^[A-Za-z0-9_]+$")
_SETTING = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


def _guid(value: str) -> str:
    if not _GUID.match(value):
        raise ValueError(f"'{value}' is not a GUID (8-4-4-4-12 hexadecimal digits)")
    return value.lower()


def _role(value: str) -> str:
    if not _ROLE.match(value):
        raise ValueError(f"'{value}' is not a Static Web Apps role name (only letters, digits and _)")
    if value == "anonymous":
        raise ValueError("'anonymous' would let everyone read the internal site")
    return value


def _app_setting(value: str) -> str:
    if not _SETTING.match(value):
        raise ValueError(f"'{value}' is not an application setting name (letters, digits and _)")
    return value


def _https(value: str) -> str:
    if not value.startswith("https://") or len(value) <= len("https://"):
        raise ValueError(f"'{value}' is not an https:// address")
    return value


def _semver(value: str) -> str:
    if not _SEMVER.match(value):
        raise ValueError(f"'{value}' is not a version like 1.0.0")
    return value


Guid = Annotated[str, AfterValidator(_guid)]
Role = Annotated[str, AfterValidator(_role)]
AppSetting = Annotated[str, AfterValidator(_app_setting)]
HttpsUrl = Annotated[str, AfterValidator(_https)]
Version = Annotated[str, AfterValidator(_semver)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Hosting(_Frozen):
    """Azure Static Web Apps, one app per site: the internal one behind Microsoft Entra ID."""

    entra_tenant_id: Guid = Field(
        description="The firm's Microsoft Entra ID tenant: only its accounts can sign in to the internal site.",
        json_schema_extra={"fix": "copy the Directory (tenant) ID from Microsoft Entra ID → Overview"})
    reader_roles: tuple[Role, ...] = Field(
        default=("authenticated",), min_length=1,
        description="Who may read the internal site once signed in: `authenticated` is everyone the tenant "
                    "lets sign in to the app registration; other names are Static Web Apps roles given "
                    "by invitation.",
        json_schema_extra={"fix": "list 'authenticated' or role names such as 'employee'"})
    client_id_setting: AppSetting = Field(
        default="AZURE_CLIENT_ID",
        description="The name of the Static Web App's application setting holding the app registration's client id.",
        json_schema_extra={"fix": "name the application setting, such as AZURE_CLIENT_ID"})
    client_secret_setting: AppSetting = Field(
        default="AZURE_CLIENT_SECRET",
        description="The name of the application setting holding the app registration's client secret.",
        json_schema_extra={"fix": "name the application setting, such as AZURE_CLIENT_SECRET"})

    @property
    def open_id_issuer(self) -> str:
        # Entra ID v2 endpoints of this one tenant: accounts of other tenants cannot sign in.
        return f"https://login.microsoftonline.com/{self.entra_tenant_id}/v2.0"


class Teams(_Frozen):
    """The Teams app package (`make teams-app`): its identity and the pages Teams requires."""

    app_id: Guid = Field(
        description="The app's id in Teams; keep it for every new version of the package.",
        json_schema_extra={"fix": "generate one GUID once (python3 -c 'import uuid; print(uuid.uuid4())') and keep it"})
    version: Version = Field(
        default="1.0.0",
        description="The package's version; raise it for every change an admin uploads again.",
        json_schema_extra={"fix": "write three numbers, such as 1.0.1"})
    short_name: str = Field(
        default="Playbook", min_length=1, max_length=30,
        description="The app's name in Teams (at most 30 characters).",
        json_schema_extra={"fix": "use a name of at most 30 characters"})
    privacy_url: HttpsUrl = Field(
        description="The firm's privacy statement (Teams requires one).",
        json_schema_extra={"fix": "give the https:// address of the firm's privacy statement"})
    terms_url: HttpsUrl = Field(
        description="The terms of use (Teams requires them).",
        json_schema_extra={"fix": "give the https:// address of the firm's terms of use"})


def _fix_for(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    field = model.model_fields.get(str(loc[0])) if loc else None
    extra = field.json_schema_extra if field is not None else None
    return extra.get("fix") if isinstance(extra, dict) else None


def read_block(config_file: Path, key: str, model: type[BaseModel]) -> tuple[Any | None, list[Problem]]:
    """extra.<key> of config_file as a model (None when the block is absent), and its problems."""
    config, problems = read_mkdocs_yml(config_file)
    if problems:
        return None, problems
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    raw = extra.get(key)
    if raw is None:
        return None, []
    where = _Lines(config_file)
    name = config_file.name
    if not isinstance(raw, dict):
        return None, [Problem(name, where.line(("extra", key)), f"extra.{key} is not a block of settings",
                              f"write the settings under extra.{key}: one per line, as in the comment above it")]
    try:
        return model.model_validate(raw), []
    except ValidationError as error:
        found = []
        for item in error.errors():
            loc = tuple(item["loc"])
            path = f"extra.{key}" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)
            if item["type"] == "missing":
                message, fix = f"{path} is missing", _fix_for(model, loc) or "add it"
            elif item["type"] == "extra_forbidden":
                known = ", ".join(model.model_fields)
                message, fix = f"unknown setting {path}", f"use one of {known}"
            else:
                text = str(item["msg"]).removeprefix("Value error, ")
                message, fix = f"{path}: {text}", _fix_for(model, loc) or "see the comment above it in mkdocs.yml"
            found.append(Problem(name, where.line(("extra", key, *loc)), message, fix))
        return None, found


def read_hosting(config_file: Path) -> tuple[Hosting | None, list[Problem]]:
    return read_block(config_file, "hosting", Hosting)


def read_teams(config_file: Path) -> tuple[Teams | None, list[Problem]]:
    return read_block(config_file, "teams", Teams)


class _Lines:
    """The line of a key or item of mkdocs.yml, from its YAML node tree (tags need no constructor
    to be composed); the nearest enclosing node's line when the key is missing."""

    def __init__(self, path: Path) -> None:
        try:
            self.root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        except (OSError, yaml.YAMLError):
            self.root = None

    def line(self, loc: tuple[Any, ...]) -> int | None:
        node, line = self.root, None
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if getattr(k, "value", None) == str(part)), None)
                if match is None:
                    break
                line, node = match[0].start_mark.line + 1, match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line
