"""Each page the engine wrote, read once, as a browser reads it: what the output checks and the
search index get from it (playbook.render.page_reading), and a site read side by side."""
from __future__ import annotations

from pathlib import Path

import pytest

from playbook.model.handover import Handover, MacroSite, StagedPage
from playbook.render import page_reading
from playbook.render.cores import usable_cores
from playbook.render.page_reading import read_page, read_site

PAGE = StagedPage(url="x/", source="docs/x.md", body_start=1, title="X")
THEME = ('<html><head><script src="../assets/playbook/theme/base.js"></script>'
         '<script id="__config" type="application/json">{"base": ".."}</script></head><body>'
         '<article><div class="pb-page-content" data-pb-content>{}</div></article>'
         '<script src="../assets/javascripts/bundle.js"></script></body></html>')


def page(content: str) -> str:
    return THEME.replace("{}", content)


def test_the_themes_own_scripts_are_files_of_the_site_and_pass():
    reading = read_page(page("<p>Plain.</p>"), PAGE)
    assert reading.scripts == () and reading.unsafe == () and not reading.comments and not reading.internal_box


@pytest.mark.parametrize("written, said", [
    ("<script>alert(1)</script>", "an inline script (alert(1))"),
    ("<SCRIPT type=module>alert(1)</SCRIPT>", "an inline script (alert(1))"),
    ('<script src="https://cdn.example/x.js"></script>', "a script from 'https://cdn.example/x.js'"),
    ('<script src="//cdn.example/x.js"></script>', "a script from '//cdn.example/x.js'"),
    ('<img src=x onerror="alert(1)">', 'the handler onerror="alert(1)" on a <img>'),
    ('<a href="#" ONCLICK=alert(1)>x</a>', 'the handler onclick="alert(1)" on a <a>'),
    ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "a <iframe> with a document of its own"),
    # Breaking out of the content does not make a script the theme's: every page is read whole.
    ('</div></article><script>alert(1)</script>', "an inline script (alert(1))"),
])
def test_a_script_of_the_page_is_found_however_it_is_written(written, said):
    reading = read_page(page(written), PAGE)
    assert any(script.startswith(said) for script in reading.scripts), reading.scripts


def test_a_script_of_another_type_is_data_and_runs_nothing():
    assert read_page(page('<script type="application/ld+json">{"a": 1}</script>'), PAGE).scripts == ()


@pytest.mark.parametrize("written", [
    '<div class="admonition internal">x</div>',
    '<div class="&#105;nternal">x</div>',                 # a character reference
    "<details class=INTERNAL>x</details>",                # unquoted, another case
    '<p class="note\tinternal">x</p>',                    # any white space between names
])
def test_a_box_marked_internal_is_found_in_any_spelling(written):
    assert read_page(page(written), PAGE).internal_box


@pytest.mark.parametrize("written", ['<div class="internals">x</div>', '<div data-class="internal">x</div>',
                                     "<p>internal</p>"])
def test_the_word_alone_is_no_internal_box(written):
    assert not read_page(page(written), PAGE).internal_box


def test_ids_comments_and_styles_are_read():
    reading = read_page(page('<h2 id="who">Who</h2><a name="old"></a><!-- c --><p style="color: red">x</p>'
                             "<style>.x { color: red }</style>"), PAGE)
    assert {"who", "old"} <= reading.ids
    assert reading.comments
    assert reading.style_attributes == {"color: red"} and reading.styles == {".x { color: red }"}


def test_a_page_kept_out_of_search_has_no_entries_but_is_still_checked():
    hidden = StagedPage(url="x/", source="docs/x.md", body_start=1, title="X", exclude=True)
    reading = read_page(page('<p>Words</p><a href="javascript:x">y</a>'), hidden)
    assert reading.search.entries == () and reading.unsafe
    assert read_page(page("<p>Words</p>"), PAGE).search.entries[0]["text"] == "<p>Words</p>"


def _site(tmp_path: Path, names: list[str]) -> Handover:
    pages = {f"{name}.md": StagedPage(url=f"{name}/", source=f"docs/{name}.md", body_start=1, title=name)
             for name in names}
    for name in names[:-1]:  # the last one the engine never wrote
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(page(f"<p>Text of {name}.</p>"), encoding="utf-8")
    return Handover(audience="internal", site_url="https://x.example/", pages=pages,
                    macros=MacroSite(audience="internal"))


def test_a_site_is_read_in_the_order_of_the_hand_over_without_the_pages_never_written(tmp_path):
    handover = _site(tmp_path, [f"p{number:03}" for number in range(120)] + ["missing"])
    readings = read_site(tmp_path, handover)
    assert list(readings) == list(handover.pages)[:-1]
    assert readings["p007.md"].search.entries[0]["text"] == "<p>Text of p007.</p>"


def test_a_preview_reads_again_only_the_pages_that_changed(tmp_path, monkeypatch):
    handover = _site(tmp_path, ["one", "two", "gone"])
    cache: dict = {}
    first = read_site(tmp_path, handover, cache=cache)
    (tmp_path / "two" / "index.html").write_text(page("<p>Changed.</p>"), encoding="utf-8")
    read = []
    monkeypatch.setattr(page_reading, "read_page", lambda text, entry: read.append(entry.url) or first["one.md"])
    read_site(tmp_path, handover, cache=cache)
    assert read == ["two/"]


def test_the_cores_to_use_fall_back_where_the_system_cannot_say():
    assert usable_cores(affinity=lambda pid: {0, 1, 2}, count=lambda: 8) == 3   # Linux: the process's own set
    assert usable_cores(affinity=None, count=lambda: 4) == 4                    # macOS, Windows: no affinity
    assert usable_cores(affinity=None, count=lambda: None) == 1                 # the system cannot tell

    def refused(pid: int) -> set[int]:
        raise OSError("not permitted")
    assert usable_cores(affinity=refused, count=lambda: 2) == 2


def test_the_places_a_page_states_a_fact_are_read_for_search():
    reading = read_page(page('<table><tr id="kickoff-plan" data-pb-fact><td>Plan</td></tr></table><p id="other">x</p>'), PAGE)
    assert reading.search.fact_anchors == {"kickoff-plan"}
