"""Publishing switches both sites together, whatever step a build dies or fails at.

Every call that changes the file system during a publish is made, in turn, the last one a
forked build process makes before it is killed (os._exit: no cleanup runs, as with SIGKILL), or
one that fails (a full disk). Each time `site/` must show exactly the old sites or exactly the
new ones, and the next publish must succeed and leave nothing behind.
"""
from __future__ import annotations

import os
import shutil
import types
from pathlib import Path

import pytest

from playbook.publish import generations

OS_CHANGES = ("rename", "replace", "symlink", "link", "unlink", "mkdir")
SHUTIL_CHANGES = ("rmtree", "copytree")


def _with(module, names: tuple[str, ...], step: int, counter: list[int], outcome) -> types.SimpleNamespace:
    """A module as generations.py sees it, with outcome() called at the step-th call that
    changes the file system (counted across os and shutil) instead of making it."""
    def wrap(name):
        real = getattr(module, name)

        def call(*args, **kwargs):
            counter[0] += 1
            if counter[0] == step:
                outcome()
            return real(*args, **kwargs)
        return call
    members = {name: getattr(module, name) for name in dir(module) if not name.startswith("__")}
    members.update({name: wrap(name) for name in names})
    return types.SimpleNamespace(**members)


def _patch(target, step: int, outcome) -> None:
    """Make generations.py's os and shutil fail at the step-th change (target: setattr-like)."""
    counter = [0]
    target(generations, "os", _with(os, OS_CHANGES, step, counter, outcome))
    target(generations, "shutil", _with(shutil, SHUTIL_CHANGES, step, counter, outcome))
    return counter


def _killed() -> None:
    os._exit(9)


def _disk_full() -> None:
    raise OSError(28, "No space left on device")


def _sites(root: Path, label: str) -> dict[str, Path]:
    made = root / f"made-{label}"
    for audience in ("internal", "customer"):
        (made / audience / "deep").mkdir(parents=True, exist_ok=True)
        (made / audience / "index.html").write_text(f"{audience} {label}")
        (made / audience / "deep" / "page.html").write_text(f"{audience} deep {label}")
    return {audience: made / audience for audience in ("internal", "customer")}


def _published(root: Path) -> dict[str, str]:
    site = root / "site"
    return {path.relative_to(site).as_posix(): path.read_text()
            for path in sorted(site.rglob("*")) if path.is_file()}


def _expected(label: str, extra: dict[str, str]) -> dict[str, str]:
    pages = {}
    for audience in ("customer", "internal"):
        pages[f"{audience}/deep/page.html"] = f"{audience} deep {label}"
        pages[f"{audience}/index.html"] = f"{audience} {label}"
    return {**pages, **extra}


def _leftovers(root: Path) -> list[str]:
    stray = [path.name for path in root.glob(".site.new-*")]
    live = generations.current(root)
    stray += [path.name for path in (root / generations.GENERATIONS).iterdir() if path.resolve() != live]
    return stray


def _count_steps(tmp_path: Path, monkeypatch, with_extra: bool = False) -> int:
    root = tmp_path / f"count-{with_extra}"
    _start(root, with_extra)
    with monkeypatch.context() as patch:
        counter = _patch(patch.setattr, 0, _killed)
        generations.publish(root, _sites(root, "new"))
    return counter[0]


def _publish_killed_at(step: int, root: Path, entries: dict[str, Path]) -> None:
    child = os.fork()
    if child == 0:  # the build process, killed at the step-th change
        _patch(setattr, step, _killed)
        try:
            generations.publish(root, entries)
        finally:
            os._exit(0)
    os.waitpid(child, 0)


def _start(root: Path, with_extra: bool) -> dict[str, str]:
    root.mkdir()
    generations.publish(root, _sites(root, "old"))
    if not with_extra:
        return {}
    (root / "bundle.zip").write_text("bundle")
    generations.publish(root, {"bundle.zip": root / "bundle.zip"})
    return {"bundle.zip": "bundle"}


def test_publishing_takes_several_steps_so_the_sweeps_below_mean_something(tmp_path, monkeypatch):
    assert _count_steps(tmp_path, monkeypatch) >= 5


@pytest.mark.parametrize("with_extra", [False, True], ids=["sites only", "with a published bundle"])
def test_a_build_killed_at_any_step_of_publishing_leaves_old_or_new_and_the_next_one_cleans_up(
        tmp_path, monkeypatch, with_extra):
    steps = _count_steps(tmp_path, monkeypatch, with_extra)
    outcomes = set()
    for step in range(1, steps + 1):
        root = tmp_path / f"killed-{step}"
        extra = _start(root, with_extra)
        _publish_killed_at(step, root, _sites(root, "new"))
        seen = _published(root)
        assert seen in (_expected("old", extra), _expected("new", extra)), f"killed at step {step}: a mix {seen}"
        outcomes.add("new" if seen == _expected("new", extra) else "old")

        generations.publish(root, _sites(root, "again"))
        assert _published(root) == _expected("again", extra)
        assert _leftovers(root) == [], f"after a kill at step {step}"
    assert outcomes == {"old", "new"}, "the sweep should reach both sides of the switch"


def test_a_publish_failing_at_any_step_keeps_the_old_sites_and_leaves_nothing(tmp_path, monkeypatch):
    steps = _count_steps(tmp_path, monkeypatch, True)
    for step in range(1, steps + 1):
        root = tmp_path / f"failed-{step}"
        extra = _start(root, True)
        with monkeypatch.context() as patch:
            _patch(patch.setattr, step, _disk_full)
            try:
                generations.publish(root, _sites(root, "new"))
                failed = False
            except OSError:
                failed = True
        seen = _published(root)
        old, new = _expected("old", extra), _expected("new", extra)
        assert seen in (old, new), f"failing at step {step} published a mix: {seen}"
        if failed and seen == old:
            assert _leftovers(root) == [], f"failing at step {step} left what it made"
        assert failed or seen == new
        # Failing after the switch leaves only the old generation's removal undone: the next does it.
        generations.publish(root, _sites(root, "again"))
        assert _leftovers(root) == []


def test_a_site_folder_from_before_generations_is_adopted(tmp_path):
    (tmp_path / "site" / "internal").mkdir(parents=True)
    (tmp_path / "site" / "internal" / "index.html").write_text("plain")
    generations.publish(tmp_path, _sites(tmp_path, "new"))
    assert (tmp_path / "site").is_symlink()
    assert _published(tmp_path) == _expected("new", {})
    assert _leftovers(tmp_path) == []


def test_a_generation_being_made_by_a_running_build_is_kept(tmp_path):
    generations.publish(tmp_path, _sites(tmp_path, "old"))
    busy = tmp_path / generations.GENERATIONS / f".making-20260101-000000.000000-{os.getppid()}"
    busy.mkdir()
    dead = tmp_path / generations.GENERATIONS / ".making-20260101-000000.000000-999999999"
    dead.mkdir()
    generations.publish(tmp_path, _sites(tmp_path, "new"))
    assert busy.exists(), "another live build's generation was removed under it"
    assert not dead.exists()


def test_two_publishes_in_one_second_by_one_process_both_succeed(tmp_path):
    for label in ("one", "two", "three"):
        generations.publish(tmp_path, _sites(tmp_path, label))
        assert _published(tmp_path) == _expected(label, {})
