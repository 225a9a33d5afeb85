"""What the hosting tests share: both sites built by the real pipeline (with their generated
staticwebapp.config.json), the Azure Static Web Apps CLI serving them with its emulator, and a
browser tab that may reach nothing but the emulator.

The CLI comes from npm, pinned exactly in package-lock.json here, and is installed with
`npm ci --ignore-scripts` into the git-ignored node_modules/ the first time it is missing
(--ignore-scripts: its optional keytar dependency otherwise downloads a prebuilt binary). Each
emulator listens on 127.0.0.1 on a free port and runs in its own process group, which the
fixture ends when its tests are done.

The emulator cannot play a custom Entra ID registration without calling Microsoft (it asks the
tenant's OpenID metadata), so it is given the generated config without its `auth` block: the
route rules, response overrides and headers it enforces are the generated ones, byte for byte,
and sign-in goes through its own login form. tests/hosting/test_settings_and_config.py checks
the `auth` block itself.
"""
from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from playbook.hosting import azure
from tests.sites import ROOT

HERE = Path(__file__).resolve().parent
SWA = HERE / "node_modules" / ".bin" / "swa"
JQUERY = HERE / "node_modules" / "jquery" / "dist" / "jquery.min.js"
# The emulator's login page (src/public/auth.html of the CLI) loads jQuery 3.2.1 from this CDN
# address; its form does not work without it. The tab gets the pinned npm copy instead.
JQUERY_CDN = "https://ajax.aspnetcdn.com/ajax/jquery/jquery-3.2.1.min.js"
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "overrides")


def install_tools() -> None:
    """The CLI and jQuery from npm, exactly as package-lock.json pins them, when missing."""
    if SWA.exists() and JQUERY.is_file():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is needed once to install the Azure Static Web Apps CLI (Node 20 ships it)")
    done = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and SWA.exists(), f"npm ci in {HERE} failed:\n{done.stdout}{done.stderr}"


@dataclass(frozen=True)
class BuiltSites:
    project: Path
    internal: Path
    customer: Path


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory: pytest.TempPathFactory) -> BuiltSites:
    """The real playbook built by `python -m playbook build` in a copy of the project, so the
    working tree's site/ is left alone."""
    project = tmp_path_factory.mktemp("hosting") / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part)
        else:
            shutil.copy2(source, project / part)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "playbook", "--root", str(project), "build"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    site = (project / "site").resolve()
    return BuiltSites(project, site / "internal", site / "customer")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Emulator:
    """One `swa start` serving one folder with one config, on 127.0.0.1."""

    site: Path
    config: dict
    url: str
    process: subprocess.Popen = field(repr=False)
    log: Path = field(repr=False)

    @property
    def netloc(self) -> str:
        return urlsplit(self.url).netloc

    def get(self, path: str, *, method: str = "GET", cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
        """One request, redirects not followed: status, headers (lower-case names), body."""
        connection = http.client.HTTPConnection(self.netloc, timeout=30)
        try:
            connection.request(method, path, headers={"Cookie": cookie} if cookie else {})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)   # the CLI and the emulator it started
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def emulator_config(config: dict) -> dict:
    """The generated config as the emulator can play it: without the custom registration."""
    return {key: value for key, value in config.items() if key != "auth"}


def start_emulator(site: Path, config: dict, workdir: Path) -> Emulator:
    install_tools()
    config_dir = workdir / "config"
    config_dir.mkdir(parents=True)
    (config_dir / azure.CONFIG_NAME).write_text(json.dumps(config), encoding="utf-8")
    port = free_port()
    log = workdir / "swa.log"
    env = {**os.environ, "NO_UPDATE_NOTIFIER": "1", "SWA_CLI_DEBUG": "silly"}
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(SWA), "start", str(site), "--swa-config-location", str(config_dir), "--host", "127.0.0.1",
             "--port", str(port)],
            cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True)
    emulator = Emulator(site, config, f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            emulator.get("/.auth/me")
            return emulator
        except OSError:
            time.sleep(0.3)
    emulator.stop()
    pytest.fail(f"the Static Web Apps emulator did not start:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def emulators(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """emulators(site, config) -> a running emulator; every one is stopped after the module."""
    started: list[Emulator] = []

    def start(site: Path, config: dict) -> Emulator:
        emulator = start_emulator(site, config, tmp_path_factory.mktemp("swa"))
        started.append(emulator)
        return emulator

    yield start
    for emulator in started:
        emulator.stop()


# Every Content-Security-Policy violation a page reports, kept for the test to read.
CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
"""


class Tab:
    """A browser tab on one emulator. Requests to any other host are refused and counted, except
    the emulator's own login page's CDN files: jQuery is answered from npm, the rest refused."""

    def __init__(self, browser, emulator: Emulator) -> None:
        self.emulator = emulator
        self.context = browser.new_context(base_url=emulator.url)
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.context.add_init_script(CSP_PROBE)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.page.on("pageerror", lambda error: self.errors.append(f"{self.page.url}: {error}"))

    def _route(self, route) -> None:
        request = route.request
        parts = urlsplit(request.url)
        if parts.scheme not in ("http", "https") or parts.netloc == self.emulator.netloc:
            route.continue_()
            return
        from_login_page = "/.auth/login/" in (request.frame.url if request.frame else "")
        if request.url == JQUERY_CDN and from_login_page:
            route.fulfill(status=200, content_type="application/javascript", body=JQUERY.read_text(encoding="utf-8"))
            return
        if not from_login_page:
            self.outside.append(request.url)
        route.abort()

    def open(self, path: str):
        """Open a path of the site ('' for home, 'phases/kickoff/', '/.auth/logout')."""
        self.page.goto(self.emulator.url + "/" + path.lstrip("/"))
        self.page.wait_for_load_state("load")
        return self.page

    def sign_in(self, user: str, roles: list[str]) -> None:
        """Fill and send the emulator's login form, as a person would; it then returns to the
        page that sent the visitor to sign in."""
        page = self.page
        assert "/.auth/login/aad" in page.url, f"not on the sign-in page: {page.url}"
        page.wait_for_function("window.jQuery !== undefined")
        page.fill("#userDetails", user)
        page.press("#userDetails", "End")   # the form saves on keyup
        page.fill("#userRoles", "\n".join(roles))
        page.press("#userRoles", "End")
        with page.expect_navigation():
            page.click("#submit")
        page.wait_for_load_state("load")

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations || []")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser):
    """tab(emulator) -> a fresh tab with its own cookies; the test fails if any page of the
    sites asked for another host or threw a script error."""
    opened: list[Tab] = []

    def open_tab(emulator: Emulator) -> Tab:
        opened.append(Tab(browser, emulator))
        return opened[-1]

    yield open_tab
    for each in opened:
        each.close()
    for each in opened:
        assert not each.outside, f"requests left the machine: {each.outside}"
        assert not each.errors, f"script errors: {each.errors}"
