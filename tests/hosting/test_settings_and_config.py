"""extra.hosting is read like every other setting (every mistake at once, at its line), and the
host config made from it says what the emulator cannot check: whose accounts may sign in."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from playbook import hosting, pipeline
from playbook.hosting import azure, headers
from playbook.load.settings import read_settings
from playbook.model.settings import Hosting
from playbook.problems import PlaybookError
from tests.sites import ROOT

TENANT = "4d3c2b1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d"


def write_config(tmp_path: Path, block: str) -> Path:
    """The real mkdocs.yml with its extra.hosting block replaced by block (None: removed)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("  hosting:\n")
    end = text.index("\n  # The Teams app", start) + 1
    config = tmp_path / "mkdocs.yml"
    config.write_text(text[:start] + block + text[end:], encoding="utf-8")
    return config


def problems_of(config: Path) -> list[str]:
    try:
        read_settings(config.parent)
    except PlaybookError as error:
        return [str(problem) for problem in error.problems]
    return []


def line_of(config: Path, text: str) -> int:
    return next(n for n, row in enumerate(config.read_text().splitlines(), 1) if text in row)


def test_the_real_settings_read_without_a_problem():
    settings = read_settings(ROOT).hosting
    assert settings.entra_tenant_id and settings.reader_roles
    assert settings.open_id_issuer == f"https://login.microsoftonline.com/{settings.entra_tenant_id}/v2.0"


def test_every_mistake_is_reported_at_once_at_its_line(tmp_path):
    config = write_config(tmp_path, (
        "  hosting:\n"
        "    entra_tenant_id: contoso.onmicrosoft.com\n"
        "    reader_roles: [employee, anonymous, 'two words']\n"
        "    client_secret_settings: SECRET\n"))
    shown = problems_of(config)
    tenant, roles, typo = (line_of(config, key) for key in ("contoso", "reader_roles: [", "client_secret_settings"))
    assert shown == [
        f"mkdocs.yml:{tenant}: 'extra.hosting.entra_tenant_id' must be a GUID (8-4-4-4-12 hexadecimal digits), not "
        "'contoso.onmicrosoft.com' — copy the id as Azure shows it, such as 4d3c2b1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        f"mkdocs.yml:{roles}: 'extra.hosting.reader_roles[2]' must be a Static Web Apps role name of letters, digits "
        "and _ (anonymous would let everyone in), not 'anonymous' — list 'authenticated' or role names such as "
        "'employee'",
        f"mkdocs.yml:{roles}: 'extra.hosting.reader_roles[3]' must be a Static Web Apps role name of letters, digits "
        "and _ (anonymous would let everyone in), not 'two words' — list 'authenticated' or role names such as "
        "'employee'",
        f"mkdocs.yml:{typo}: unknown key 'client_secret_settings' in 'extra.hosting' — did you mean "
        "'client_secret_setting'? the keys allowed here are: entra_tenant_id, reader_roles, client_id_setting, "
        "client_secret_setting",
    ]


def test_a_missing_tenant_points_at_the_block(tmp_path):
    config = write_config(tmp_path, "  hosting:\n    reader_roles: []\n")
    shown = problems_of(config)
    assert len(shown) == 2
    # A missing key is reported at the key that names the block, with what to add.
    block = line_of(config, "  hosting:")
    assert shown[0].startswith(f"mkdocs.yml:{block}: 'extra.hosting' is missing the required key 'entra_tenant_id'")
    assert shown[1].startswith(f"mkdocs.yml:{line_of(config, 'reader_roles: [')}: 'extra.hosting.reader_roles' needs")


def test_without_a_hosting_block_no_config_is_written(tmp_path):
    config = write_config(tmp_path, "")
    assert problems_of(config) == [] and read_settings(config.parent).hosting is None
    site = tmp_path / "site"
    site.mkdir()
    assert hosting.finish_site(site, "internal", None) == []
    assert not (site / azure.CONFIG_NAME).exists()


def test_the_customer_site_gets_its_headers_and_no_sign_in(tmp_path):
    assert hosting.finish_site(tmp_path, "customer", Hosting(entra_tenant_id=TENANT)) == []
    written = json.loads((tmp_path / azure.CONFIG_NAME).read_text())
    assert written["globalHeaders"]["Referrer-Policy"] == "no-referrer" and "auth" not in written


def test_the_internal_config_admits_only_the_tenant_and_the_reader_roles():
    settings = Hosting(entra_tenant_id=TENANT.upper(), reader_roles=("employee", "partner_lead"))
    config = azure.internal_config(settings, {"X-Content-Type-Options": "nosniff"})
    registration = config["auth"]["identityProviders"]["azureActiveDirectory"]["registration"]
    assert registration == {"openIdIssuer": f"https://login.microsoftonline.com/{TENANT}/v2.0",
                            "clientIdSettingName": "AZURE_CLIENT_ID", "clientSecretSettingName": "AZURE_CLIENT_SECRET"}
    # One rule, for every path: nothing is left to a default that lets anonymous visitors in.
    assert config["routes"] == [{"route": "/*", "allowedRoles": ["employee", "partner_lead"]}]
    assert config["responseOverrides"]["401"] == {"redirect": "/.auth/login/aad?post_login_redirect_uri=.referrer",
                                                  "statusCode": 302}
    customer = azure.customer_config({"X-Content-Type-Options": "nosniff"})
    assert "routes" not in customer and "auth" not in customer


def test_the_policy_allows_scripts_of_the_site_only_and_styles_by_their_hash():
    # The example of MDN's CSP script-src page, with its published hash.
    assert headers.source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    policy = headers.content_security_policy(styles={"p{}"}, style_attributes={"color: red"})
    # No page carries an inline script (the build refuses one), so none is ever allowed by a hash.
    assert "script-src 'self';" in policy and policy.count("sha256-") == 2
    assert f"style-src 'self' {headers.source_hash('p{}')} 'unsafe-hashes' {headers.source_hash('color: red')};" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_a_config_over_azures_limit_is_a_problem_not_a_file(tmp_path):
    settings = Hosting(entra_tenant_id=TENANT)
    problems = hosting.finish_site(tmp_path, "customer", settings, styles={f"p{{margin: {n}px}}" for n in range(400)})
    assert len(problems) == 1 and "over Azure Static Web Apps' limit of 20,480" in problems[0].message
    assert "400 different inline styles" in problems[0].message
    assert not (tmp_path / azure.CONFIG_NAME).exists()


@pytest.mark.build
def test_a_bad_setting_stops_the_build_and_leaves_site_alone(tmp_path):
    project = tmp_path / "project"
    for part in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / part, project / part)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith("entra_tenant_id:"))
    (project / "mkdocs.yml").write_text(text.replace("entra_tenant_id: ", "entra_tenant_id: not-", 1), encoding="utf-8")
    outcome = pipeline.build(project)
    assert not outcome.ok and not (project / "site").exists()
    # Both sites read the setting; the build's report lists each problem once (PlaybookError).
    assert sorted({str(p).split(" — ")[0] for p in outcome.problems}) == [
        f"mkdocs.yml:{line}: 'extra.hosting.entra_tenant_id' must be a GUID (8-4-4-4-12 hexadecimal digits), not "
        f"'not-{TENANT}'"]
