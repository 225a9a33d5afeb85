"""The browser and the build stem words with one algorithm, from maintained packages: the search
worker with npm porter2 (pinned in tools/stemmer/, copied unchanged into the site's assets by
tools/vendor_stemmer.py), the build with PyPI snowballstemmer (pinned in pyproject.toml). A word
stemmed one way at build time and another in the search box would never meet."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from playbook.search import stemming
from tests.sites import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import vendor_stemmer  # noqa: E402


@pytest.fixture(scope="module")
def package():
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.fail("Node 20 (node and npm) is needed to install and run the pinned stemmer")
    return vendor_stemmer.install()


def test_the_vendored_stemmer_is_the_pinned_package_file_unchanged(package):
    lock = json.loads((vendor_stemmer.PACKAGE_DIR / "package-lock.json").read_text())
    manifest = json.loads((vendor_stemmer.PACKAGE_DIR / "package.json").read_text())
    assert lock["packages"]["node_modules/porter2"]["version"] == manifest["dependencies"]["porter2"] == "1.1.0"
    assert json.loads((package / "package.json").read_text())["version"] == "1.1.0"
    for source, name in vendor_stemmer.FILES:
        assert (vendor_stemmer.VENDOR / name).read_bytes() == (package / source).read_bytes(), \
            f"{name} differs from porter2's {source}: run tools/vendor_stemmer.py"
    assert vendor_stemmer.main(["--check"]) == 0


def _word_list() -> list[str]:
    """Every word of the playbook's pages, data and code, and of the Python packages installed
    (tens of thousands of English words and identifiers), with the endings the stemmer strips
    added to the playbook's own words."""
    words: set[str] = set()
    sources = [*ROOT.glob("docs/**/*.md"), *ROOT.glob("data/**/*.yml"), *ROOT.glob("playbook/**/*.py")]
    for path in sources:
        words |= set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
    own = sorted(words)
    for ending in ("s", "es", "ed", "ing", "ly", "ness", "ment", "ation", "ational", "izer", "ful", "ies", "'s"):
        words |= {word + ending for word in own}
    site_packages = next(p for p in map(__import__("pathlib").Path, sys.path) if p.name == "site-packages")
    for path in sorted(site_packages.glob("*/**/*.py"))[:4000]:
        words |= set(re.findall(r"[a-z']+", path.read_text(encoding="utf-8", errors="ignore").lower()))
    return sorted(words)


def test_python_and_javascript_stem_a_large_word_list_alike(package):
    words = _word_list()
    assert len(words) > 50_000
    script = ("const exports = {}; const module = { exports };"
              + (vendor_stemmer.VENDOR / "porter2.js").read_text(encoding="utf-8")
              + "\nconst words = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              + "process.stdout.write(JSON.stringify(words.map(exports.stem)));")
    done = subprocess.run(["node", "-e", script], input=json.dumps(words), capture_output=True, text=True,
                          timeout=120, check=True)
    in_browser = json.loads(done.stdout)
    differ = [(w, stemming._stemmer.stemWord(w), j) for w, j in zip(words, in_browser, strict=True)
              if stemming._stemmer.stemWord(w) != j]
    assert not differ, f"{len(differ)} of {len(words)} words stem differently (word, Python, JavaScript): {differ[:20]}"


def test_words_of_one_meaning_share_a_stem_and_numbers_stay_whole():
    assert {stemming.stem(w) for w in ("train", "trains", "trained", "training")} == {"train"}
    assert stemming.stem("sev1") == "sev1"
    assert stemming.plain_words("The customer's go-live") == ["the", "customer", "go", "live"]
