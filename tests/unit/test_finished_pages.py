"""Reading the output while the engine writes it: only finished pages, each once, the same as after."""
from __future__ import annotations

from pathlib import Path

from playbook.render.finished_pages import FinishedPages, read_page

PAGE = """<html><head><script>var a = 1</script></head><body><article class="md-content__inner md-typeset">
<h1 id="{name}">{title}</h1><p>Text of {name}.</p><a href="javascript:alert(1)">x</a><!-- c --></article></body></html>"""


def _manifest(*names: str) -> dict:
    return {"pages": {f"{name}.md": {"url": f"{name}/", "title": name.title(), "boost": None} for name in names}}


def _write(site: Path, name: str, text: str | None = None) -> Path:
    output = site / name / "index.html"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text if text is not None else PAGE.format(name=name, title=name.title()), encoding="utf-8")
    return output


def test_only_pages_written_before_the_engine_named_another_are_read(tmp_path):
    pages = FinishedPages(tmp_path, _manifest("one", "two", "three"))
    _write(tmp_path, "one")
    _write(tmp_path, "two", "<html><body><article class=")  # the engine is writing it now

    pages.read_finished(lambda: {"two.md"})
    assert set(pages._read) == {"one.md"}

    pages.read_finished(lambda: None)  # the launcher is rewriting its file: nothing is read
    assert set(pages._read) == {"one.md"}

    # The engine finishes "two" and starts "three" between the listing and the question: "two" is
    # complete now, and "three", which was not listed, waits for the next round.
    def engine_moves_on() -> set[str]:
        _write(tmp_path, "two")
        _write(tmp_path, "three", "<html>")
        return {"three.md"}

    pages.read_finished(engine_moves_on)
    assert set(pages._read) == {"one.md", "two.md"}
    assert any("Text of two." in entry["text"] for entry in pages["two.md"].entries)
    pages.read_finished(lambda: {"three.md"})
    assert set(pages._read) == {"one.md", "two.md"}


def test_the_files_are_listed_before_the_engine_is_asked(tmp_path):
    pages = FinishedPages(tmp_path, _manifest("one", "two"))
    _write(tmp_path, "one")

    # The answer is already old when it arrives: the engine has begun writing "two" meanwhile.
    # Listed before asking, "two" is not among the files; listed after, it would be read half-written.
    def stale_answer() -> set[str]:
        _write(tmp_path, "two", "<html><body><article class=")
        return {"one-before-it-finished.md"}

    pages.read_finished(stale_answer)
    assert set(pages._read) == {"one.md"}


def test_a_page_read_early_is_read_as_it_is_at_the_end(tmp_path):
    manifest = {**_manifest("one", "two"), "anchors": [{"target": "one.md", "anchor": "one"}]}
    for name in ("one", "two"):
        _write(tmp_path, name)
    early = FinishedPages(tmp_path, manifest)
    early.read_finished(lambda: {"nothing-yet.md"})
    late = FinishedPages(tmp_path, manifest)
    assert dict(early) == dict(late)
    reading = late["one.md"]
    assert any(entry["location"] == "one/#one" and "Text of one." in entry["text"] for entry in reading.entries)
    assert reading.unsafe == (("javascript:alert(1)", "javascript"),)
    assert reading.has_comment and "one" in reading.ids
    assert late["two.md"].ids == frozenset(), "no link names a section of two: its ids are not read"
    assert reading.inline.scripts == frozenset({"var a = 1"})


def test_a_page_the_engine_never_wrote_is_not_a_page_of_the_output(tmp_path):
    _write(tmp_path, "one")
    pages = FinishedPages(tmp_path, _manifest("one", "missing"))
    assert list(pages) == ["one.md"] and "missing.md" not in pages


def test_inline_code_covers_files_beside_the_pages(tmp_path):
    _write(tmp_path, "one")
    (tmp_path / "404.html").write_text("<script>var notFound = 1</script>", encoding="utf-8")
    pages = FinishedPages(tmp_path, _manifest("one"))
    assert pages.inline_code().scripts == {"var a = 1", "var notFound = 1"}


def test_a_page_kept_out_of_search_has_no_entries_but_is_still_checked():
    reading = read_page(PAGE.format(name="x", title="X"), {"url": "x/", "title": "X", "exclude": True}, "x.md")
    assert reading.entries == () and reading.unsafe and reading.has_comment
