"""The projects app's config: a rule per project, and the 20 KB Azure reads, at hundreds of projects."""
from __future__ import annotations

from playbook.hosting import azure
from playbook.hosting.headers import security_headers
from playbook.hosting.projects_app import app_config, config_text, project_role
from playbook.model.settings import Hosting, Projects

HOSTING = Hosting(entra_tenant_id="4d3c2b1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
# The headers every site sends (no page carries an inline script, so the policy holds no hash).
HEADERS = security_headers()


def ids(count: int) -> list[str]:
    return [f"customer-{n:03d}-order-to-cash-rollout" for n in range(count)]   # 35 characters each


def test_roles_fit_azure_and_stay_apart():
    roles = {project_role(project_id) for project_id in ids(300)}
    assert len(roles) == 300 and all(len(role) <= 25 and role.replace("_", "").isalnum() for role in roles)
    assert project_role("acme-erp") == "p_acme_erp"


def test_about_180_projects_fit_in_one_app_and_the_rule_per_project_is_what_grows():
    """docs/hosting.md's figures: with ids of 35 characters a project's rule costs 106 bytes, so
    one app holds 180 projects and not 190 (shorter ids, more)."""
    size = len(config_text(app_config(HOSTING, Projects(), ids(180), HEADERS)).encode())
    one_more = len(config_text(app_config(HOSTING, Projects(), ids(181), HEADERS)).encode())
    assert size <= azure.MAX_BYTES and one_more - size == 106
    assert len(config_text(app_config(HOSTING, Projects(), ids(190), HEADERS)).encode()) > azure.MAX_BYTES


def test_the_role_assignment_function_is_named_when_set():
    config = app_config(HOSTING, Projects(roles_source="/api/GetRoles"), ids(1), HEADERS)
    assert config["auth"]["rolesSource"] == "/api/GetRoles"
    assert config["routes"][-1] == {"route": "/*", "allowedRoles": ["employee"]}
    assert config["responseOverrides"]["403"] == {"rewrite": "/forbidden.html"}
