"""A build in a year gives the same site: every package is pinned exactly, with the hashes of its
files (pip then refuses a file that is not the one locked), and the direct dependencies declared in
pyproject.toml are the versions requirements.txt installs."""
import re
import tomllib

from tests.sites import ROOT

PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>[A-Za-z0-9_.+-]+)$")
HASH = re.compile(r"^--hash=sha256:[0-9a-f]{64}$")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements() -> dict[str, str]:
    """Every pin of requirements.txt (as pip-compile writes it: a pin, then its hashes on lines
    continued with backslashes), checked to have at least one hash."""
    pins, hashes = {}, {}
    text = (ROOT / "requirements.txt").read_text().replace("\\\n", " ")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        pin, *options = line.split()
        match = PIN.match(pin)
        assert match, f"requirements.txt: {pin!r} is not an exact 'name==version' pin"
        name = normalise(match.group("name"))
        pins[name] = match.group("version")
        hashes[name] = [option for option in options if HASH.match(option)]
        assert len(hashes[name]) == len(options) > 0, f"requirements.txt: {pin} needs its files' hashes"
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
