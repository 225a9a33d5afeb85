"""Both sites served by the Azure Static Web Apps emulator with the configs the build generated:
nothing of the internal site reaches anyone who has not signed in with a reader role, the
customer site is open, and both send their security headers, which the pages live with."""
from __future__ import annotations

import base64
import functools
import http.server
import json
import threading
from urllib.parse import quote

import pytest

from playbook.hosting import azure, headers, teams_tab
from playbook.model.settings import Hosting
from tests.hosting.conftest import emulator_config

pytestmark = [pytest.mark.build, pytest.mark.browser]

TEAMS_JS_ORIGINS = "https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json"
# Paths that are not files of the site: each must be refused as firmly as the ones that are.
NOT_FILES = ["/", "/search/", "/phases/", "/no-such-page/", "/no-such-file.json", "/.git/config"]


def generated(site) -> dict:
    return json.loads((site / azure.CONFIG_NAME).read_text(encoding="utf-8"))


def every_path(site) -> list[str]:
    return sorted("/" + path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


@pytest.fixture(scope="module")
def internal(built_sites, emulators):
    return emulators(built_sites.internal, emulator_config(generated(built_sites.internal)))


@pytest.fixture(scope="module")
def internal_for_employees(built_sites, emulators):
    """The same site with reader_roles [employee]: signed in is not enough without the role."""
    hosting = Hosting(entra_tenant_id="4d3c2b1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d", reader_roles=("employee",))
    config = azure.internal_config(hosting, headers.security_headers())
    return emulators(built_sites.internal, emulator_config(config))


@pytest.fixture(scope="module")
def customer(built_sites, emulators):
    return emulators(built_sites.customer, emulator_config(generated(built_sites.customer)))


def test_an_anonymous_visitor_gets_no_internal_byte_and_is_sent_to_sign_in(built_sites, internal):
    paths = every_path(built_sites.internal)
    for wanted in ("/index.html", "/search/search_index.json", "/sitemap.xml", "/changelog.xml", "/404.html",
                   "/assets/playbook/playbook.js", "/staticwebapp.config.json"):
        assert wanted in paths, wanted
    leaked = []
    # The Teams tab's own pages are the exception (playbook/hosting/teams_tab.py), tested below.
    paths = [path for path in paths if not path.startswith(f"/{teams_tab.FOLDER}/")]
    for path in paths + NOT_FILES:
        sign_in = f"/.auth/login/aad?post_login_redirect_uri={quote(path, safe='')}"
        for method in ("GET", "HEAD"):
            status, answer, body = internal.get(path, method=method)
            if status != 302 or answer.get("location") != sign_in or body:
                leaked.append(f"{method} {path}: {status} {answer.get('location')} {len(body)} bytes")
        # A static site takes no POST: refused (405 in the emulator), and still not one byte.
        status, _, body = internal.get(path, method="POST")
        if status < 300 or body:
            leaked.append(f"POST {path}: {status} {len(body)} bytes")
    assert not leaked, "\n".join(leaked)


def test_an_employee_signs_in_and_gets_pages_and_search(built_sites, internal, tab):
    visitor = tab(internal)
    page = visitor.open("phases/kickoff/")
    assert page.url.startswith(internal.url + "/.auth/login/aad")
    assert "Kickoff" not in page.content()
    visitor.sign_in("ann@meridian.example", [])
    assert page.url == internal.url + "/phases/kickoff/"
    assert page.locator("h1").first.inner_text().startswith("Kickoff")
    index = page.request.get(internal.url + "/search/search_index.json")
    assert index.status == 200 and index.json()["config"]  # the always-loaded part; the rest by need
    page.keyboard.press("/")
    page.locator("input[data-md-component=search-query]").press_sequentially("steering")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result__item").count() > 0
    assert visitor.violations() == []


def test_signing_in_without_a_reader_role_gets_nothing(internal_for_employees, tab):
    visitor = tab(internal_for_employees)
    page = visitor.open("")
    visitor.sign_in("guest@partner.example", [])
    assert "/.auth/login/aad" in page.url, "signed in without the role, and let in"
    answer = page.request.get(internal_for_employees.url + "/search/search_index.json", max_redirects=0)
    assert answer.status == 302 and answer.body() == b""
    visitor.open("/.auth/logout")
    page = visitor.open("governance/")
    visitor.sign_in("bea@meridian.example", ["employee"])
    assert page.url == internal_for_employees.url + "/governance/"
    assert page.locator("h1").first.inner_text().strip()


def test_the_customer_site_is_open_to_anyone_with_the_link(built_sites, customer):
    paths = every_path(built_sites.customer)
    assert "/search/search_index.json" in paths and "/sitemap.xml" in paths
    for path in paths:
        if path == "/" + azure.CONFIG_NAME:
            continue   # the host's own file: read by the host, never served
        status, _, body = customer.get(path)
        assert status == 200, path
        assert body == (built_sites.customer / path.lstrip("/")).read_bytes(), path
    status, _, body = customer.get("/no-such-page/")
    assert status == 404 and body == (built_sites.customer / "404.html").read_bytes()
    assert customer.get("/" + azure.CONFIG_NAME)[0] == 404


@pytest.mark.parametrize("site", ["internal", "customer"])
def test_both_sites_send_their_security_headers(built_sites, site, request):
    emulator = request.getfixturevalue(site)
    cookie = None
    if site == "internal":
        principal = {"identityProvider": "aad", "userId": "1", "userDetails": "ann@meridian.example",
                     "userRoles": ["anonymous", "authenticated"], "claims": []}
        cookie = "StaticWebAppsAuthCookie=" + base64.b64encode(json.dumps(principal).encode()).decode()
    expected = generated(getattr(built_sites, site))["globalHeaders"]
    for path in ("/", "/phases/kickoff/", "/search/search_index.json", "/assets/playbook/playbook.js"):
        status, answer, _ = emulator.get(path, cookie=cookie)
        assert status == 200, path
        for name, value in expected.items():
            assert answer.get(name.lower()) == value, f"{path}: {name}"
    policy = expected["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'self' https://*.cloud.microsoft https://teams.microsoft.com" in policy
    # Not the emulator's own defaults (it sends Referrer-Policy: same-origin by itself).
    assert expected["Referrer-Policy"] == "no-referrer" and expected["X-Content-Type-Options"] == "nosniff"


def test_the_pages_run_under_their_policy_and_redirects_keep_the_anchor(customer, tab):
    visitor = tab(customer)
    for path in ("", "phases/kickoff/", "governance/escalation/", "glossary/"):
        page = visitor.open(path)
        if page.url.endswith("/.auth/login/aad"):
            pytest.fail(f"{path} asked to sign in on the customer site")
        page.keyboard.press("/")
        page.locator("input[data-md-component=search-query]").press_sequentially("kickoff")
        page.locator(".md-search-result__item").first.wait_for()
        assert visitor.violations() == [], path
    page = visitor.open("go/kickoff/#who-does-what")
    page.wait_for_url("**/phases/kickoff/#who-does-what")
    assert visitor.violations() == []
    # The policy is enforced, and the probe sees it: a script added to a page does not run.
    page.evaluate("""() => { const s = document.createElement("script");
                              s.textContent = "window.__injected = true"; document.head.append(s); }""")
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.__injected === undefined")
    assert visitor.violations()[0].startswith("script-src")
    visitor.errors.clear()


def test_only_teams_and_the_site_itself_may_frame_the_pages(customer, browser, tmp_path):
    """A page of another origin that frames the guide gets a refusal, not the guide: the policy's
    frame-ancestors names the site and Microsoft's Teams hosts, nothing else."""
    (tmp_path / "frame.html").write_text(f'<iframe src="{customer.url}/phases/kickoff/"></iframe>', encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    try:
        with page.expect_console_message(lambda message: "frame-ancestors" in message.text, timeout=15_000):
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/frame.html")
        assert "Kickoff" not in page.frames[1].content()
    finally:
        page.close()
        server.shutdown()
        server.server_close()


def test_the_teams_tab_page_opens_without_sign_in_and_holds_nothing_of_the_playbook(built_sites, internal, tab):
    """Teams frames the Playbook tab before anyone has signed in, and Microsoft's sign-in page
    refuses to be framed: the tab's page is open, and it is a heading, a button and a link."""
    files = sorted(p.name for p in (built_sites.internal / "teams").iterdir())
    assert files == ["MicrosoftTeams.min.js", "index.html", "signed-in.html", "teams-tab.js"]
    for name in files:
        status, _, body = internal.get(f"/teams/{name}")
        assert status == 200 and body == (built_sites.internal / "teams" / name).read_bytes(), name
    visitor = tab(internal)
    page = visitor.open("teams/")
    assert page.url == internal.url + "/teams/" and page.locator("h1").inner_text().endswith("implementation playbook")
    assert not page.locator(".md-content, nav").count()   # no page of the playbook, no navigation
    link = page.locator("[data-pb-teams-open]")
    assert link.get_attribute("target") == "_blank"
    # Outside Teams the library does not start: the sign-in button stays hidden, the link is the way in.
    page.wait_for_timeout(500)
    assert page.locator("[data-pb-teams-sign-in]").is_hidden()
    with page.expect_popup() as opened:
        link.click()
    assert opened.value.url.startswith(internal.url + "/.auth/login/aad")   # the playbook asks for sign-in
    # The one thing the policy refuses: TeamsJS asks Microsoft's CDN for its list of Teams hosts
    # when it loads (no option turns that off); refused, it uses the list it ships with.
    assert visitor.violations() == [
        f"connect-src {TEAMS_JS_ORIGINS} at {internal.url}/teams/MicrosoftTeams.min.js:1"]
