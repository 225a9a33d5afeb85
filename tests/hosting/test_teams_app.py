"""`make teams-app`: a package Teams accepts. Its manifest holds to Microsoft's published schema
(npm @microsoft/app-manifest, pinned in tools/teams/), its icons are PNGs of the sizes Teams
asks for, decoded by a real browser, and its tabs open the two sites."""
from __future__ import annotations

import base64
import copy
import json
import shutil
import subprocess
import zipfile

import pytest
from jsonschema import Draft4Validator

from playbook.hosting import teams, teams_tab
from playbook.load.mkdocs_yml import read_mkdocs_yml
from tests.sites import ROOT


@pytest.fixture(scope="module")
def schema() -> dict:
    if not teams.schema_file().is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed once to install Microsoft's manifest schema (Node 20 ships it)")
        done = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                              cwd=teams.TOOLS, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(teams.schema_file().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def package(schema, tmp_path_factory) -> dict[str, bytes]:
    """The package `make teams-app` publishes for the real mkdocs.yml, file by file."""
    project = tmp_path_factory.mktemp("teams")
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert teams.build_package(project) == 0
    with zipfile.ZipFile(project / "site" / teams.PACKAGE_NAME) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_manifest_holds_to_microsofts_schema(package, schema):
    assert sorted(package) == ["color.png", "manifest.json", "outline.png"]
    document = json.loads(package["manifest.json"])
    assert schema["properties"]["manifestVersion"]["const"] == document["manifestVersion"] == teams.MANIFEST_VERSION
    validator = Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(document)] == []
    # The same check catches what Teams would refuse.
    broken = copy.deepcopy(document)
    broken["accentColor"] = "navy"
    broken["staticTabs"][0]["scopes"] = ["everyone"]
    del broken["developer"]["privacyUrl"]
    assert len(teams.validate(broken, teams.schema_file())) == 3


def test_the_tabs_open_the_internal_playbook_and_the_customer_guide(package):
    document = json.loads(package["manifest.json"])
    config, _ = read_mkdocs_yml(ROOT / "mkdocs.yml")
    internal, customer = config["site_url"], config["extra"]["customer_site"]["url"]
    tabs = {tab["entityId"]: tab for tab in document["staticTabs"]}
    assert tabs["playbook"]["contentUrl"] == internal + "teams/" and tabs["playbook"]["websiteUrl"] == internal
    assert "team" in tabs["playbook"]["scopes"]
    assert "personal" in tabs["playbook"]["scopes"]
    guide = tabs["customer-guide"]
    assert guide["contentUrl"] == customer and guide["name"] == config["extra"]["brand"]["customer_site_title"]
    assert set(guide["scopes"]) == {"team", "groupChat"} and "sharedChannels" in document["supportedChannelTypes"]
    assert document["accentColor"] == config["extra"]["brand"]["primary_color"]
    assert document["developer"]["name"] == config["extra"]["brand"]["firm_name"]
    assert document["id"] == config["extra"]["teams"]["app_id"]
    assert set(document["validDomains"]) == {"playbook.meridian.example", "implementations.meridian.example"}


@pytest.mark.browser
def test_the_icons_are_pngs_of_the_sizes_teams_asks_for(package, browser):
    """Chromium decodes each icon and reads its pixels: the colour icon is 192 x 192 on the brand's
    primary colour; the outline icon is 32 x 32, white on transparent."""
    config, _ = read_mkdocs_yml(ROOT / "mkdocs.yml")
    primary = config["extra"]["brand"]["primary_color"]
    page = browser.new_page()
    try:
        page.set_content("<canvas></canvas>")
        read = """async source => { const image = new Image(); image.src = source; await image.decode();
            const canvas = document.querySelector("canvas"); canvas.width = image.naturalWidth;
            canvas.height = image.naturalHeight; const context = canvas.getContext("2d");
            context.drawImage(image, 0, 0);
            return {width: image.naturalWidth, height: image.naturalHeight,
                    pixels: Array.from(context.getImageData(0, 0, image.naturalWidth, image.naturalHeight).data)}; }"""
        color = page.evaluate(read, "data:image/png;base64," + base64.b64encode(package["color.png"]).decode())
        outline = page.evaluate(read, "data:image/png;base64," + base64.b64encode(package["outline.png"]).decode())
    finally:
        page.close()
    assert (color["width"], color["height"]) == (192, 192)
    assert (outline["width"], outline["height"]) == (32, 32)

    def pixel(icon, x, y):
        i = 4 * (y * icon["width"] + x)
        return tuple(icon["pixels"][i:i + 4])
    red, green, blue = (int(primary[i:i + 2], 16) for i in (1, 3, 5))
    assert pixel(color, 20, 96) == (red, green, blue, 255)   # the background, left of the clipboard
    assert pixel(color, 96, 40)[:3] != (red, green, blue)     # the mark is drawn over it
    opaque = [pixel(outline, x, y) for y in range(32) for x in range(32) if pixel(outline, x, y)[3] > 0]
    assert 50 < len(opaque) < 32 * 32 // 2, "the outline is a mark, not a filled square"
    assert all(p[:3] == (255, 255, 255) for p in opaque), "outline icons are white on transparent"
    assert pixel(outline, 0, 0)[3] == 0


def test_teams_settings_mistakes_are_listed_and_nothing_is_published(tmp_path, capsys):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith("app_id:"))
    broken = text.replace("    app_id: ", "    app_id: app-", 1).replace("privacy_url: https://", "privacy_url: http://", 1)
    (tmp_path / "mkdocs.yml").write_text(broken, encoding="utf-8")
    assert teams.build_package(tmp_path) == 1
    shown = capsys.readouterr().out
    assert f"mkdocs.yml:{line}: 'extra.teams.app_id' must be a GUID" in shown
    assert "'extra.teams.privacy_url' must be an https:// address, not 'http://www.meridian.example/privacy'" in shown
    assert not (tmp_path / "site").exists()
    (tmp_path / "mkdocs.yml").write_text(text.replace("\n  teams:\n", "\n  not_teams:\n", 1), encoding="utf-8")
    assert teams.build_package(tmp_path) == 1
    assert "unknown key 'not_teams' in 'extra' — did you mean 'teams'?" in capsys.readouterr().out



def test_the_tab_runs_teams_javascript_library_copied_from_its_pinned_npm_package(schema):
    """TeamsJS is vendored, not fetched: the file the tab serves is the pinned package's own."""
    pinned = json.loads((teams.TOOLS / "package.json").read_text(encoding="utf-8"))["dependencies"]["@microsoft/teams-js"]
    installed = teams.TOOLS / "node_modules" / "@microsoft" / "teams-js"
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == pinned
    assert (teams_tab.ASSETS / "MicrosoftTeams.min.js").read_bytes() == \
        (installed / "dist" / "umd" / "MicrosoftTeams.min.js").read_bytes()
    files = teams_tab.tab_files(ROOT, "Meridian Consulting")
    assert sorted(files) == ["teams/MicrosoftTeams.min.js", "teams/index.html", "teams/signed-in.html",
                             "teams/teams-tab.js"]
    tab = files["teams/index.html"].decode()
    # every script is a file of the site beside the page: no CDN, nothing inline
    assert '<script src="MicrosoftTeams.min.js"></script>' in tab and "<script>" not in tab
    assert 'href="../" target="_blank"' in tab and "/.auth/login/aad?post_login_redirect_uri=/teams/signed-in.html" in tab
