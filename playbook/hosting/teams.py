"""The Teams app package (`make teams-app` -> site/teams-app.zip): the playbook in Teams.

Two static tabs:

- "Playbook", the internal site: in each employee's own app bar (personal) and pinned in the
  team channels the app is added to. Its content is the tab page teams/ of the internal site
  (playbook/hosting/teams_tab.py), open without signing in: Microsoft's sign-in page refuses to
  be framed, so the tab signs in through a Teams pop-up (TeamsJS authentication.authenticate,
  Microsoft's documented flow for an identity provider that cannot be framed) and then shows
  the playbook, or opens the playbook in the browser in one click;
- the customer guide (brand.customer_site_title), the customer site: pinned in channels, shared
  channels (Teams Connect, where the customer's people are members) and group chats.

Static tabs "matching the scope are pinned by default" when the app is added to a channel or
chat (Microsoft Graph, Add tab to channel). Teams allows one configurable tab per app, and a
configurable tab needs a configuration page running Teams' JavaScript library; static tabs need
neither, so the sites stay plain pages that call no other host.

The icons are drawn here from the brand colours: the colour icon (192 x 192) a clipboard with a
check mark on the primary colour, its clip in the accent colour; the outline icon (32 x 32) the
same shape in white on transparent, as Teams requires. The manifest is checked against
Microsoft's published JSON schema for its version (npm @microsoft/app-manifest, pinned in
tools/teams/) before the package is published beside the sites.
"""
from __future__ import annotations

import argparse
import io
import json
import math
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft4Validator

from playbook.hosting import teams_tab
from playbook.load.mkdocs_yml import read_mkdocs_yml
from playbook.load.settings import read_settings
from playbook.model.settings import Settings, Teams
from playbook.problems import PlaybookError, Problem
from playbook.publish.scratch import scratch

CONFIG_FILE = "mkdocs.yml"

MANIFEST_VERSION = "1.19"
SCHEMA_URL = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
# Installed by `make teams-app` (npm ci in tools/teams/ of this repository).
TOOLS = Path(__file__).resolve().parents[2] / "tools" / "teams"
SCHEMAS = TOOLS / "node_modules" / "@microsoft" / "app-manifest" / "build" / "json-schemas" / "teams"
PACKAGE_NAME = "teams-app.zip"
COLOR_ICON, OUTLINE_ICON = "color.png", "outline.png"
COLOR_SIZE, OUTLINE_SIZE = 192, 32


def schema_file() -> Path:
    return SCHEMAS / f"v{MANIFEST_VERSION}" / "MicrosoftTeams.schema.json"


# -- The manifest -------------------------------------------------------------------------------


def manifest(teams: Teams, settings: Settings, internal_url: str) -> dict:
    brand = settings.brand
    customer_url = settings.customer_site.url
    guide = brand.customer_site_title
    return {
        "$schema": SCHEMA_URL,
        "manifestVersion": MANIFEST_VERSION,
        "version": teams.version,
        "id": teams.app_id,
        "developer": {
            "name": brand.firm_name[:32],
            "websiteUrl": customer_url,
            "privacyUrl": teams.privacy_url,
            "termsOfUseUrl": teams.terms_url,
        },
        "name": {"short": teams.short_name, "full": f"{brand.firm_name} implementation playbook"[:100]},
        "description": {
            "short": f"How {brand.firm_name} runs implementations"[:80],
            "full": (f"The {brand.firm_name} implementation playbook in Teams. The Playbook tab is the internal "
                     "playbook for employees: processes, roles, checklists and templates, behind the firm's "
                     f"sign-in. The {guide} tab is the guide for customers: how an implementation runs, what "
                     "we need from the customer and how we keep them informed; a project manager adds it to "
                     "the channel shared with a customer.")[:4000],
        },
        "icons": {"color": COLOR_ICON, "outline": OUTLINE_ICON},
        "accentColor": brand.primary_color,
        "staticTabs": [
            {"entityId": "playbook", "name": "Playbook", "contentUrl": tab_url(internal_url),
             "websiteUrl": internal_url, "scopes": ["personal", "team"]},
            {"entityId": "customer-guide", "name": guide[:128], "contentUrl": customer_url,
             "websiteUrl": customer_url, "scopes": ["team", "groupChat"]},
        ],
        # Channels shared with another organisation are where customers meet the project team.
        "supportedChannelTypes": ["sharedChannels", "privateChannels"],
        "validDomains": sorted({urlsplit(internal_url).hostname, urlsplit(customer_url).hostname}),
    }


def tab_url(internal_url: str) -> str:
    """The Playbook tab's page: the internal site's teams/ (teams_tab.TAB)."""
    return internal_url.rstrip("/") + f"/{teams_tab.FOLDER}/"


def validate(document: dict, schema_path: Path) -> list[str]:
    """Every way the manifest breaks Microsoft's schema ([] when it holds)."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    # Microsoft publishes the manifest schemas as JSON Schema draft-04.
    validator = Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
    return [f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
            for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))]


# -- The icons ----------------------------------------------------------------------------------

Shape = Callable[[float, float], float]   # signed distance in icon units (negative inside)


def _segment(ax: float, ay: float, bx: float, by: float, half_width: float) -> Shape:
    def distance(x: float, y: float) -> float:
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        return math.hypot(x - ax - t * dx, y - ay - t * dy) - half_width
    return distance


def _rounded_box(x0: float, y0: float, x1: float, y1: float, radius: float) -> Shape:
    cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 - radius, (y1 - y0) / 2 - radius

    def distance(x: float, y: float) -> float:
        qx, qy = abs(x - cx) - hx, abs(y - cy) - hy
        return math.hypot(max(qx, 0.0), max(qy, 0.0)) + min(max(qx, qy), 0.0) - radius
    return distance


def _ring(shape: Shape, half_width: float) -> Shape:
    return lambda x, y: abs(shape(x, y)) - half_width


def _union(*shapes: Shape) -> Shape:
    return lambda x, y: min(shape(x, y) for shape in shapes)


# The mark, in a unit square: a clipboard (outline), its clip, and a check mark.
_BOARD = _ring(_rounded_box(0.25, 0.2, 0.75, 0.86, 0.06), 0.035)
_CLIP = _rounded_box(0.37, 0.12, 0.63, 0.27, 0.04)
_CHECK = _union(_segment(0.36, 0.54, 0.47, 0.65, 0.045), _segment(0.47, 0.65, 0.65, 0.43, 0.045))
_BACKGROUND = _rounded_box(0.0, 0.0, 1.0, 1.0, 0.18)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _coverage(shape: Shape, x: float, y: float, pixel: float) -> float:
    """How much of the pixel the shape covers, from its distance (anti-aliased edges)."""
    return max(0.0, min(1.0, 0.5 - shape(x, y) / pixel))


def draw_icon(size: int, layers: list[tuple[Shape, tuple[int, int, int]]]) -> bytes:
    """A size x size RGBA PNG of the layers, each painted over the ones before it."""
    pixel = 1.0 / size
    rows = []
    for row in range(size):
        line = bytearray([0])   # filter type 0: the row as it is
        y = (row + 0.5) * pixel
        for column in range(size):
            x = (column + 0.5) * pixel
            red = green = blue = alpha = 0.0   # premultiplied by alpha
            for shape, (r, g, b) in layers:
                cover = _coverage(shape, x, y, pixel)
                if cover:
                    keep = 1.0 - cover
                    red, green, blue = r * cover + red * keep, g * cover + green * keep, b * cover + blue * keep
                    alpha = cover + alpha * keep
            if alpha:
                red, green, blue = red / alpha, green / alpha, blue / alpha
            line += bytes((round(red), round(green), round(blue), round(alpha * 255)))
        rows.append(bytes(line))
    return _png(size, size, b"".join(rows))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)   # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def color_icon(primary: str, accent: str) -> bytes:
    white = (255, 255, 255)
    return draw_icon(COLOR_SIZE, [(_BACKGROUND, _rgb(primary)), (_BOARD, white), (_CHECK, white), (_CLIP, _rgb(accent))])


def outline_icon() -> bytes:
    white = (255, 255, 255)
    return draw_icon(OUTLINE_SIZE, [(_union(_BOARD, _CLIP, _CHECK), white)])


# -- The package --------------------------------------------------------------------------------


def package_bytes(document: dict, primary: str, accent: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        # Teams wants the three files at the top of the zip, not in a folder.
        package.writestr("manifest.json", json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        package.writestr(COLOR_ICON, color_icon(primary, accent))
        package.writestr(OUTLINE_ICON, outline_icon())
    return buffer.getvalue()


def read_all(root: Path) -> tuple[Teams | None, Settings | None, str, list[Problem]]:
    """The Teams settings, the brand and both sites' addresses, with every problem of them."""
    config, problems = read_mkdocs_yml(Path(root) / CONFIG_FILE)
    try:
        settings = read_settings(root)
    except PlaybookError as error:
        return None, None, "", problems + error.problems
    teams = settings.teams
    if teams is None:
        problems.append(Problem(CONFIG_FILE, None, "there is no extra.teams block for the Teams app",
                                "add extra.teams with app_id, privacy_url and terms_url (see docs/hosting.md)"))
    internal_url = str((config or {}).get("site_url") or "")
    for name, url in (("site_url", internal_url), ("extra.customer_site.url", settings.customer_site.url if settings else "")):
        if settings is not None and not url.startswith("https://"):
            problems.append(Problem(CONFIG_FILE, None, f"{name} '{url}' is not an https:// address",
                                    "Teams shows only https:// pages in tabs: give the site's https:// address"))
    return teams, settings, internal_url, problems


def build_package(root: Path) -> int:
    """site/teams-app.zip from mkdocs.yml, checked against Microsoft's schema; 0 when published."""
    from playbook.publish import generations
    root = Path(root).resolve()
    teams, settings, internal_url, problems = read_all(root)
    if problems:
        print(PlaybookError(problems, what="The Teams app settings"))
        print(f"\nNo package was made; site/{PACKAGE_NAME} was left as it was.")
        return 1
    document = manifest(teams, settings, internal_url)
    schema = schema_file()
    if not schema.is_file():
        print(f"Microsoft's manifest schema is missing ({schema}): `make teams-app` installs it from npm.")
        return 1
    errors = validate(document, schema)
    if errors:
        print("The Teams manifest breaks Microsoft's schema:\n  " + "\n  ".join(errors))
        return 1
    with scratch(root, "teams") as work:
        archive = work / PACKAGE_NAME
        archive.write_bytes(package_bytes(document, settings.brand.primary_color, settings.brand.accent_color))
        generations.publish(root, {PACKAGE_NAME: archive})
    print(f"site/{PACKAGE_NAME}: manifest {MANIFEST_VERSION} (checked against Microsoft's schema), "
          f"{COLOR_SIZE}x{COLOR_SIZE} colour and {OUTLINE_SIZE}x{OUTLINE_SIZE} outline icons, tabs for "
          f"{internal_url} and {settings.customer_site.url}. Upload it in the Teams admin center "
          "(Manage apps, Upload new app).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m playbook.hosting.teams", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    return build_package(parser.parse_args(argv).root)


if __name__ == "__main__":
    sys.exit(main())
