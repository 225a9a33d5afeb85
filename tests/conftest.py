from __future__ import annotations

from pathlib import Path

import pytest

from tests.sites import ROOT, BuildResult, build


@pytest.fixture(scope="session")
def real_internal_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real playbook's internal site, built once per test run."""
    result = build(ROOT, tmp_path_factory.mktemp("real") / "internal", "mkdocs.yml")
    assert result.ok, result.output
    return result


@pytest.fixture(scope="session")
def real_customer_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real playbook's customer site, built once per test run."""
    result = build(ROOT, tmp_path_factory.mktemp("real") / "customer", "mkdocs.customer.yml")
    assert result.ok, result.output
    return result


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data/ folder for unit tests of the loader."""
    folder = tmp_path / "data"
    (folder / "processes").mkdir(parents=True)
    (folder / "checklists").mkdir()
    return folder
