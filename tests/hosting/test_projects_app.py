"""The projects app in the Static Web Apps emulator, with the config `make kits` generated: two
projects and three people. An employee opens both projects' pages; project A's customer opens
A's and is refused B's; B's customer the reverse; nobody who has not signed in gets one byte."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from playbook.hosting import azure
from playbook.hosting.projects_app import APP, project_role
from playbook.kits.build import build_kits
from tests.hosting.conftest import emulator_config
from tests.kits.helpers import MARKERS, TODAY, make_playbook, project_text

pytestmark = [pytest.mark.build, pytest.mark.browser]

ALPHA, BRAVO = "project-alpha", "project-bravo"
PAGE = "your-project/"


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    root = make_playbook(tmp_path_factory.mktemp("projects-app"), {f"project-{k}": project_text(k) for k in MARKERS})
    outcome = build_kits(root, today=TODAY)
    assert outcome.ok, "\n".join(map(str, outcome.problems + outcome.messages))
    return root / "site" / APP


@pytest.fixture(scope="module")
def projects(app, emulators):
    config = json.loads((app / azure.CONFIG_NAME).read_text(encoding="utf-8"))
    return emulators(app, emulator_config(config))


def files(app: Path) -> list[str]:
    return sorted("/" + p.relative_to(app).as_posix() for p in app.rglob("*") if p.is_file()
                  and p.name != azure.CONFIG_NAME)


def test_the_config_names_a_role_per_project_and_employees(app):
    config = json.loads((app / azure.CONFIG_NAME).read_text(encoding="utf-8"))
    rules = {rule["route"]: rule["allowedRoles"] for rule in config["routes"]}
    assert rules[f"/{ALPHA}/*"] == [project_role(ALPHA), "employee"]
    assert rules[f"/{BRAVO}/*"] == [project_role(BRAVO), "employee"]
    assert rules["/*"] == ["employee"] and "anonymous" not in json.dumps(config["routes"])
    assert config["auth"]["identityProviders"]["azureActiveDirectory"]["registration"]["openIdIssuer"].startswith(
        "https://login.microsoftonline.com/")
    assert project_role("harbourline-order-to-cash") == "p_harbourline_orde_18560a"   # Azure's 25 characters
    # the project sites' own configs stay out: only the app's is read
    assert not list(app.glob(f"*/{azure.CONFIG_NAME}"))


def test_nobody_anonymous_gets_one_byte(app, projects):
    leaked = []
    for path in files(app) + ["/", f"/{ALPHA}/", f"/{BRAVO}/{PAGE}", "/no-such-project/"]:
        status, answer, body = projects.get(path)
        if status != 302 or answer.get("location") != f"/.auth/login/aad?post_login_redirect_uri={quote(path, safe='')}" \
                or body:
            leaked.append(f"{path}: {status} {len(body)} bytes")
    assert not leaked, "\n".join(leaked)


def _signed_in(tab, projects, user: str, roles: list[str], first: str):
    visitor = tab(projects)
    page = visitor.open(first)
    visitor.sign_in(user, roles)
    return visitor, page


def _refused(answer) -> bool:
    """Not one byte of a project. Azure answers a signed-in person without the route's role with
    403 (the config rewrites it to the page that says so); the emulator treats them as not signed
    in (401), which the config answers with a redirect to the sign-in and an empty body."""
    if answer.status == 403:
        return "not yours to open" in answer.text() and not any(m in answer.text() for m in MARKERS.values())
    return answer.status == 302 and answer.headers["location"].startswith("/.auth/login/aad") and answer.body() == b""


def _opens(page, projects, project_id: str) -> bool:
    """Whether the signed-in visitor gets the project's page and its search index, or neither."""
    paths = [f"/{project_id}/{PAGE}", f"/{project_id}/search/search_index.json", f"/{project_id}/your-project.ics", f"/{project_id}/sitemap.xml"]
    answers = [page.request.get(projects.url + path, max_redirects=0) for path in paths]
    if all(answer.status == 200 for answer in answers):
        assert MARKERS[project_id.removeprefix("project-")] in answers[0].text()
        return True
    assert all(_refused(answer) for answer in answers), [(a.url, a.status) for a in answers]
    return False


def test_an_employee_opens_every_project(projects, tab):
    visitor, page = _signed_in(tab, projects, "dana@meridian.example", ["employee"], f"{ALPHA}/{PAGE}")
    assert page.url == f"{projects.url}/{ALPHA}/{PAGE}"
    assert page.locator("h1").first.inner_text().startswith("Your project")
    assert _opens(page, projects, ALPHA) and _opens(page, projects, BRAVO)
    assert visitor.violations() == []


@pytest.mark.parametrize(("own", "other"), [(ALPHA, BRAVO), (BRAVO, ALPHA)])
def test_a_customer_opens_their_project_and_is_refused_the_other(projects, tab, own, other):
    key = own.removeprefix("project-")
    visitor, page = _signed_in(tab, projects, f"owen@{key}-customer.example", [project_role(own)], f"{own}/{PAGE}")
    assert page.url == f"{projects.url}/{own}/{PAGE}"
    assert MARKERS[key] in page.content()
    assert _opens(page, projects, own) and not _opens(page, projects, other)
    # the other project's page, opened in the tab: a refusal, naming no project and no person
    page = visitor.open(f"{other}/{PAGE}")
    text = page.content()
    assert MARKERS[other.removeprefix("project-")] not in text and f"Owen {other.removeprefix('project-').title()}" \
        not in text
    # and the refusal page, which every signed-in person may open, names no project either
    answer = page.request.get(f"{projects.url}/forbidden.html", max_redirects=0)
    assert answer.status == 200 and "not yours to open" in answer.text()
    assert not any(marker in answer.text() for marker in MARKERS.values())
