"""`make kits` end to end on a copy of the playbook with two projects, each carrying planted markers:
each kit holds its own project and nothing of the other (documents unzipped), the project page
speaks to the customer and holds nothing internal, an unchanged project is not rebuilt, and kits
and sites are published side by side without either disturbing the other."""
from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from playbook import pipeline
from playbook.kits.build import build_kits
from playbook.publish import generations
from tests.kits.helpers import MARKERS, ROOT, TODAY, internal_only, project_text, readable_text, real_sources

pytestmark = pytest.mark.build



@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from tests.kits.helpers import make_playbook
    root = make_playbook(tmp_path_factory.mktemp("kits"), {f"project-{k}": project_text(k) for k in MARKERS})
    outcome = build_kits(root, today=TODAY)
    assert outcome.ok, "\n".join(map(str, outcome.problems + outcome.messages))
    assert outcome.built == ["project-alpha", "project-bravo"]
    return root


def kit_files(root: Path, project_id: str) -> list[Path]:
    return sorted(p for p in (root / "site" / "projects" / project_id).rglob("*") if p.is_file())


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_each_kit_holds_its_project_and_nothing_of_the_other(built):
    for key, other in (("alpha", "bravo"), ("bravo", "alpha")):
        files = kit_files(built, f"project-{key}")
        names = {p.relative_to(built / "site" / "projects" / f"project-{key}").as_posix() for p in files}
        assert {f"project-{key}-kickoff-deck.pptx", f"project-{key}-sow-process-appendix.docx", f"project-{key}.ics",
                "kit.json", "site/your-project/index.html", "site/your-project.ics"} <= names
        texts = {p: html.unescape(readable_text(p)) for p in files}
        seen = {p.name for p, text in texts.items() if MARKERS[key] in text}
        assert {f"project-{key}-kickoff-deck.pptx", f"project-{key}-sow-process-appendix.docx", f"project-{key}.ics",
                "index.html"} <= seen
        # and the project's page is in its site's search (the split index: the pages' text files)
        assert any("search" in p.parts for p, text in texts.items() if MARKERS[key] in text)
        for marker in (MARKERS[other], f"{other.title()}marker", f"{other}-customer.example", f"{other}-channel-marker",
                       f"{other}-goal-marker", f"project-{other}"):
            leaks = [p.name for p, text in texts.items() if marker in text]
            assert not leaks, (key, marker, leaks)


def test_the_project_page_speaks_to_the_customer_and_holds_nothing_internal(built):
    site = built / "site" / "projects" / "project-alpha" / "site"
    page = html.unescape((site / "your-project" / "index.html").read_text(encoding="utf-8"))
    for expected in ("Your contacts", "Your team at Meridian Consulting",
                     "Your phases and dates", "What we need from you, by when", "Your checklists", "Your people at Zanzibar",
                     "Owen Alphamarker", "owen.pryce@alpha-customer.example", "Mon 23 Nov 2026", "Thu 4 Feb 2027",
                     "Kickoff readiness", "One week before kickoff", "https://teams.microsoft.com/l/channel/19%3aalpha"):
        assert expected in page, expected
    # what we need: the customer's open items, by their latest date, the first one past the done ones
    needed = page.split('id="needed-from-you"')[1].split('id="checklists"')[0]
    assert needed.index("Fri 20 Nov 2026") < needed.index("Thu 4 Feb 2027")
    still_open, done = needed.split("Already done:")
    assert "Accounts and system access for the delivery team" not in still_open  # done: listed as done
    assert "Accounts and system access for the delivery team" in done
    # the nav opens with the project; the phase links land on this site's phase pages
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.index("your-project/") < index.index("phases/kickoff/")
    assert 'href="../phases/kickoff/"' in page and (site / "phases" / "kickoff" / "index.html").is_file()
    assert (site / "your-project.ics").read_bytes() == (site.parent / "project-alpha.ics").read_bytes()
    # its addresses are the projects app's, where its people open it: canonical, copy-link, sitemap
    address = "https://projects.meridian.example/project-alpha/"
    raw = (site / "your-project" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{address}your-project/">' in raw and f'data-pb-copy="{address}your-project/"' in raw
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{address}your-project/</loc>" in sitemap and "implementations.meridian.example" not in sitemap
    hidden = internal_only(real_sources()) + ["Priya Nair", "priya.nair@meridian.example"]
    for path in (p for p in site.rglob("*") if p.suffix in (".html", ".json", ".xml", ".ics")):
        text = html.unescape(path.read_text(encoding="utf-8"))
        for secret in hidden:
            assert secret not in text, (path, secret)
    assert not (site / "projects").exists() and not (site / "content-health").exists()
    # nothing is fetched from another host: no remote script, style sheet, font, image or frame
    for path in site.rglob("*.html"):
        fetched = re.findall(r'<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)="(?:https?:)?//[^"]*"',
                             path.read_text(encoding="utf-8"))
        assert not [f for f in fetched if 'rel="canonical"' not in f and "rel=\"alternate\"" not in f], (path, fetched)


def test_unchanged_kits_are_not_rebuilt_and_kits_and_sites_keep_each_other(built):
    projects = built / "site" / "projects"
    before, generation = snapshot(projects), generations.current(built)

    # A second `make kits`: nothing rebuilt, nothing published, not one file rewritten.
    again = build_kits(built, today=TODAY)
    assert (again.ok, again.built, again.unchanged, again.published) == (True, [], ["project-alpha", "project-bravo"],
                                                                         False)
    assert snapshot(projects) == before and generations.current(built) == generation

    # `make build` publishes both sites and keeps every kit as it was (the same files, hard-linked).
    outcome = pipeline.build(built)
    assert outcome.ok, outcome.rendered
    assert snapshot(built / "site" / "projects") == before
    listing = (built / "site" / "internal" / "projects" / "index.html").read_text(encoding="utf-8")
    assert MARKERS["alpha"] in listing and MARKERS["bravo"] in listing
    customer = [p.read_text(encoding="utf-8") for p in (built / "site" / "customer").rglob("*.html")]
    assert not any(MARKERS["alpha"] in text or MARKERS["bravo"] in text for text in customer)
    sites = snapshot(built / "site" / "internal")

    # Change one project: only that kit is rebuilt; the other keeps its files, and the sites theirs.
    path = built / "projects" / "project-bravo.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Quokka Bravo Marker plc", "Quokka Bravo Renamed plc"),
                    encoding="utf-8")
    changed = build_kits(built, today=TODAY)
    assert (changed.built, changed.unchanged) == (["project-bravo"], ["project-alpha"])
    after = snapshot(built / "site" / "projects")
    assert {k: v for k, v in after.items() if k.startswith("project-alpha/")} == \
           {k: v for k, v in before.items() if k.startswith("project-alpha/")}
    assert "Quokka Bravo Renamed plc" in readable_text(built / "site/projects/project-bravo/project-bravo.ics")
    assert snapshot(built / "site" / "internal") == sites

    # `make kit PROJECT=...` builds that one only; a mistake in a project file changes nothing.
    path.write_text(path.read_text(encoding="utf-8").replace("go_live: 2027-03-26", "go_live: 2026-09-01"),
                    encoding="utf-8")
    current = generations.current(built)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "playbook", "--root", str(built), "kit", "project-bravo"],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 1
    assert "projects/project-bravo.yml:" in result.stdout and "go-live (2026-09-01) is not after kickoff" in result.stdout
    assert generations.current(built) == current
    result = subprocess.run([sys.executable, "-m", "playbook", "--root", str(built), "kit", "project-alpah"],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 1 and "there is no project 'project-alpah' — did you mean 'project-alpha'?" in result.stdout

    # A project whose file is gone loses its kit at the next `make kits`.
    path.unlink()
    removed = build_kits(built, today=TODAY)
    assert (removed.built, removed.removed) == ([], ["project-bravo"])
    assert sorted(p.name for p in (built / "site" / "projects").iterdir()) == ["project-alpha"]


def test_kits_go_to_the_work_folder_named_on_the_command_line(tmp_path):
    published = generations.current(ROOT)
    result = subprocess.run([sys.executable, "-m", "playbook", "--work", str(tmp_path), "kits"], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [p.name for p in (tmp_path / "site" / "projects").iterdir()]
    assert generations.current(ROOT) == published, "the repository's own site/ was published to"
