"""A build in a year gives the same site: every package is pinned exactly, and the direct
dependencies declared in pyproject.toml are the versions requirements.txt installs."""
import re
import tomllib

from tests.sites import ROOT

PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>[A-Za-z0-9_.+-]+)$")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = PIN.match(line.strip())
        assert match, f"requirements.txt: {line!r} is not an exact 'name==version' pin"
        pins[normalise(match.group("name"))] = match.group("version")
    return pins


def test_every_installed_package_is_pinned_exactly():
    pins = requirements()
    for required in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pyyaml", "pytest", "playwright"):
        assert required in pins, required
    assert pins["mkdocs"] == "1.6.1" and pins["mkdocs-macros-plugin"] == "1.5.0"
    assert pins["mkdocs-material"].startswith("9.8.") and pins["pyyaml"].startswith("6.0.")


def test_pyproject_declares_the_versions_requirements_install():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    pins = requirements()
    for dependency in declared:
        match = PIN.match(dependency)
        assert match, f"pyproject.toml: {dependency!r} is not pinned with =="
        assert pins.get(normalise(match.group("name"))) == match.group("version"), dependency
