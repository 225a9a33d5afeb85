"""The preview's search index writer (playbook/serve/search_writer.py): a whole index or none."""
from __future__ import annotations

import time

from playbook.serve import search_writer
from playbook.serve.search_writer import SearchWriter


def _index(word: str) -> dict[str, str]:
    return {"search_index.json": f'{{"word": "{word}"}}', "vocab/a.js": word}


def test_a_finished_index_is_swapped_in_whole_and_leaves_nothing_beside_it(tmp_path):
    writer = SearchWriter(tmp_path)
    writer.start(lambda: _index("first"))
    writer.wait()
    assert (tmp_path / "search" / "vocab" / "a.js").read_text() == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["search"]


def test_a_newer_rebuild_stops_the_index_being_written_and_the_last_whole_one_stays(tmp_path):
    writer = SearchWriter(tmp_path)
    writer.start(lambda: _index("first"))
    writer.wait()

    def slow() -> dict[str, str]:
        time.sleep(30)
        return _index("stale")

    writer.start(slow)
    writer.stop()
    assert writer.process_finished()
    assert (tmp_path / "search" / "vocab" / "a.js").read_text() == "first"


def test_the_engines_index_is_replaced_by_the_last_whole_one_after_a_rebuild(tmp_path):
    writer = SearchWriter(tmp_path)
    writer.start(lambda: _index("whole"))
    writer.wait()
    writer.keep()
    (tmp_path / "search" / "search_index.json").write_text('{"docs": []}')  # the engine's dirty build
    writer.put_back()
    assert (tmp_path / "search" / "search_index.json").read_text() == '{"word": "whole"}'


def test_without_fork_the_index_is_written_in_the_rebuild(tmp_path, monkeypatch):
    monkeypatch.setattr(search_writer.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    writer = SearchWriter(tmp_path)
    writer.start(lambda: _index("inline"))
    assert writer.process is None
    assert (tmp_path / "search" / "vocab" / "a.js").read_text() == "inline"
