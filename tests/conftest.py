from __future__ import annotations

from pathlib import Path

import pytest

from tests.sites import ROOT, BuildResult, Built, build


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
