"""A site rendered in parts (playbook/render/parts.py) is the site one engine process renders.

Each claim the merge rests on is checked against the engine itself (the one PLAYBOOK_ENGINE
names, as every site test here): the order it lists pages in, and the files each part's config
leaves out. Then whole sites are rendered both ways and compared file by file, byte for byte,
and a build with mistakes reports the same problems either way.
"""
from __future__ import annotations

import importlib
import os
import random
import re
from pathlib import Path

import pytest

from playbook.load.sources import load_sources
from playbook.model.handover import Handover
from playbook.pipeline import stage_sites
from playbook.render import parts
from playbook.render.engine import ENGINES, render
from tests.sites import ROOT, build_fixture, fixture_text

ENGINE = os.environ.get("PLAYBOOK_ENGINE", "mkdocs")
# Names an author may give a page or a file: spaces (trailing ones too), accents, and the
# characters gitignore patterns read as wildcards, escapes or comments.
NAMES = ["index.md", "a.md", "b c.md", "café.md", "[x]*?.md", "#note.md", "!bang.md", "back\\slash.md",
         "trailing .md", "picture.png", "notes.txt", "Z.md", "_under.md", "0.md"]
FOLDERS = ["", "guide/", "guide/deep/", "ümlaut/", "with space/", "[glob]/", "templates/"]


def _engine(module: str):
    return importlib.import_module(f"{ENGINES[ENGINE]}.{module}")


def _tree(docs: Path, seed: int) -> list[str]:
    rng = random.Random(seed)
    # README.md is a folder's index page where it has no index.md (beside one, the engine drops it).
    paths = sorted({folder + name for folder in FOLDERS for name in rng.sample(NAMES, 6)} | {"solo/README.md"})
    for path in paths:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("# Page\n", encoding="utf-8")
    return paths


def _engine_files(project: Path, config: str) -> list:
    loaded = _engine("config").load_config(config_file=str(project / config))
    return _engine("structure.files").get_files(loaded)


@pytest.mark.parametrize("seed", range(4))
def test_pages_are_ordered_as_the_engine_lists_them(tmp_path, seed):
    _tree(tmp_path / "docs", seed)
    (tmp_path / "mkdocs.yml").write_text("site_name: Order\ntheme: material\nplugins: []\nexclude_docs: '!/templates/'\n", encoding="utf-8")
    listed = [file.src_uri for file in _engine_files(tmp_path, "mkdocs.yml") if file.src_uri.endswith(".md")]
    assert parts.engine_order(reversed(listed)) == listed


@pytest.mark.parametrize("seed", range(6))
def test_a_parts_config_leaves_out_exactly_the_files_of_the_other_parts(tmp_path, seed):
    files = _tree(tmp_path / "docs", seed)
    authors = "!/templates/\n"
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Parts\ntheme: material\nplugins: []\nexclude_docs: '{authors}'\n", encoding="utf-8")
    rng = random.Random(seed)
    excluded = {path for path in files if rng.random() < 0.5}
    if seed % 3 == 0:  # a whole folder, named once
        excluded |= {path for path in files if path.startswith("guide/")}
    (tmp_path / "part.yml").write_text(parts.config_text(authors, parts.patterns(excluded, files)), encoding="utf-8")
    seen = {file.src_uri: file.inclusion.is_excluded() for file in _engine_files(tmp_path, "part.yml")}
    assert {path for path in files if seen.get(path, True)} == excluded


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    work = tmp_path_factory.mktemp("parts")
    return work, stage_sites(load_sources(ROOT), work=work)


@pytest.mark.parametrize("audience", ["internal", "customer"])
def test_a_site_rendered_in_parts_is_the_site_one_engine_process_renders(staged, audience, monkeypatch):
    # The sitemap's dates and its archive's header carry the build's time: the same for both.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    work, sites = staged
    site = next(s for s in sites if s.root.name == audience)
    whole = render(site.root, work / "whole" / audience, engine=ENGINE, parts=1)
    split = render(site.root, work / "split" / audience, engine=ENGINE, parts=3)
    assert whole.ok and split.ok, whole.messages + split.messages
    assert split.messages == whole.messages and split.problems == whole.problems

    def files(site_dir: Path) -> dict[str, bytes]:
        return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}
    one, three = files(whole.site_dir), files(split.site_dir)
    assert sorted(three) == sorted(one)
    assert [name for name in one if three[name] != one[name]] == []
    # The parts' configs are written in the sealed copy, never in the staged tree, and their outputs are gone.
    assert sorted(p.name for p in site.root.iterdir()) == ["docs", "includes", "mkdocs.yml", "overrides", "playbook.json",
                                                            "stage.json"]
    assert [p.name for p in (work / "split").iterdir() if p.name.startswith((f"{audience}.", ".progress"))] == []


def test_mistakes_are_reported_the_same_from_parts(tmp_path, monkeypatch):
    """A link to a section a page rendered by another part does not have, and one to a page that
    does not exist: the same lines, in the same order, whether one engine renders or three."""
    edits = {"docs/index.md": fixture_text("docs/index.md") + "\nSee [who does what](onboarding.md#who-does-waht).\n"}
    one = build_fixture(tmp_path / "one", edits)
    monkeypatch.setenv(parts.PARTS_VARIABLE, "3")
    three = build_fixture(tmp_path / "three", edits)
    for audience in ("internal", "customer"):  # the mistakes were made in parts indeed
        assert parts.part_count(Handover.read(three.work / "build" / audience)) == 3
    assert one.returncode == three.returncode != 0
    assert "who-does-waht" in one.output

    def said(built) -> str:  # what the build said, but how long each site took
        return re.sub(r" *\d+\.\d s", " _ s", built.output)  # the time's width too (10 s is wider)
    assert said(three) == said(one)
