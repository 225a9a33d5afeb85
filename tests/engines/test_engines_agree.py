"""The playbook renders on more than one MkDocs-compatible engine, and they write the same sites.

The real playbook is built with MkDocs (the run's own build, shared with the other tests) and
again with ProperDocs, and every file of both sites is compared byte for byte; the one line an
engine writes about itself (`<meta name="generator">`) is the only difference allowed. Because
the outputs are the same bytes, what the browser tests find on one engine's sites holds on the
other's: `make test`'s second pass runs the build and failure tests on ProperDocs and under a
second date, and this comparison carries the rest (see the Makefile).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.sites import ROOT, Built, build

pytestmark = pytest.mark.build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
ENGINES = ("mkdocs", "properdocs")


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def _other_engine() -> str:
    used = os.environ.get("PLAYBOOK_ENGINE", "mkdocs")
    return next(engine for engine in ENGINES if engine != used)


def test_both_engines_write_the_same_sites_but_for_their_name(real_sites: Built, tmp_path):
    other = build(ROOT, work=tmp_path / "other", env={"PLAYBOOK_ENGINE": _other_engine()})
    assert other.ok, other.output
    for audience in ("internal", "customer"):
        ours, theirs = _files(real_sites.site(audience).site), _files(other.site(audience).site)
        assert sorted(ours) == sorted(theirs), f"{audience}: the engines wrote different files"
        differing = [name for name, path in ours.items()
                     if GENERATOR.sub(b"", path.read_bytes()) != GENERATOR.sub(b"", theirs[name].read_bytes())]
        assert not differing, f"{audience}: {len(differing)} files differ, such as {differing[:5]}"
        named = [name for name, path in theirs.items() if name.endswith(".html") and GENERATOR.search(path.read_bytes())]
        assert named, "no page names its engine: the comparison would not see which engine wrote it"
