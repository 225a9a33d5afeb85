from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.frozen_day import freeze_build_date
from tests.sites import ROOT, BuildResult, Built, build

# Every build a test makes, in this process or in a subprocess, is made as of one fixed day
# (SOURCE_DATE_EPOCH), so no outcome depends on the day the tests run.
freeze_build_date()

# `make test` runs its second pass in the background, and a shell starts a background command with
# Ctrl-C ignored, which every process it starts inherits: the builds and previews the tests stop
# with Ctrl-C would never see it. Handled here, it reaches them as in a terminal (an exec resets a
# handled signal to its default, never an ignored one).
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# Debian's Chromium, never a browser Playwright downloads; without the background-networking
# flags it tries to reach Google's hosts at every start.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run, shared by every test that drives a browser
    (Playwright's sync API allows one running instance per process)."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (`make chromium` does it)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def real_sites(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real playbook's two sites, built once per test run into a temporary folder (the
    repository's own build/ and site/ are left alone)."""
    built = build(ROOT, work=tmp_path_factory.mktemp("real"))
    assert built.ok, built.output
    return built


@pytest.fixture(scope="session")
def real_internal_site(real_sites: Built) -> BuildResult:
    return real_sites.internal


@pytest.fixture(scope="session")
def real_customer_site(real_sites: Built) -> BuildResult:
    return real_sites.customer


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data/ folder for unit tests of the loader."""
    folder = tmp_path / "data"
    (folder / "processes").mkdir(parents=True)
    (folder / "checklists").mkdir()
    return folder
