"""`make serve` as an author uses it: edit, save, look.

The preview server runs as its own process on a copy of the mini fixture. Every check waits for
the change to show (with a generous limit) rather than timing it: speed is measured in
`make bench`, not here.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.sites import make_project

WAIT = 60  # seconds; a loaded CI machine is slow, a broken server never shows the change


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, project: Path, audience: str) -> None:
        self.project = project
        self.port = _free_port()
        self.log = project.parent / f"serve-{audience}.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "playbook", "--root", str(project), "serve", "--audience", audience,
             "--port", str(self.port)],
            stdout=self.log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as answer:
            return answer.read().decode("utf-8")

    def wait_for(self, path: str, predicate, what: str) -> str:
        deadline = time.monotonic() + WAIT
        page = ""
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server stopped:\n{self.output()}"
            try:
                page = self.get(path)
                if predicate(page):
                    return page
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{what} never showed on /{path}\n--- server output:\n{self.output()}\n"
                             f"--- last page:\n{page[:3000]}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> str:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.stuck = _where_stuck(self.process.pid)
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        return self.output()


def _where_stuck(pid: int) -> str:
    """What each thread of a process that would not stop, and each process of its group, waits in."""
    lines = []
    for proc in Path("/proc").iterdir():
        try:
            if not proc.name.isdigit() or os.getpgid(int(proc.name)) != pid:
                continue
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:120]
            lines.append(f"process {proc.name}: {command}")
            for task in (proc / "task").iterdir():
                state = (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
                lines.append(f"  thread {task.name} {(task / 'comm').read_text().strip()} {state} "
                             f"in {(task / 'wchan').read_text().strip()}")
        except OSError:
            continue
    return "\n".join(lines)


@pytest.fixture
def served(tmp_path):
    servers: list[Server] = []

    def start(audience: str = "internal") -> Server:
        server = Server(make_project(tmp_path), audience)
        servers.append(server)
        server.wait_for("", lambda page: "Mini home" in page, "the home page")
        return server

    yield start
    for server in servers:
        server.stop()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _save_by_rename(path: Path, old: str, new: str) -> None:
    """How vim, VS Code with safe writes and most IDEs save: write a temp file, rename it over."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text.replace(old, new), encoding="utf-8")
    os.replace(temporary, path)


def test_pages_come_with_the_reload_script_and_no_dirty_build_noise(served):
    server = served()
    page = server.get("onboarding/")
    assert "/__playbook/reload" in page
    assert "Onboarding" in page
    assert "dirty" not in server.output()


def test_an_edit_shows_whether_saved_in_place_or_by_rename(served):
    server = served()
    onboarding = server.project / "docs" / "onboarding.md"
    _edit(onboarding, "# Onboarding", "# Onboarding\n\nIN-PLACE-SAVE-MARK")
    server.wait_for("onboarding/", lambda page: "IN-PLACE-SAVE-MARK" in page, "an in-place save")
    _save_by_rename(onboarding, "IN-PLACE-SAVE-MARK", "RENAME-SAVE-MARK")
    page = server.wait_for("onboarding/", lambda page: "RENAME-SAVE-MARK" in page, "a save by rename")
    assert "IN-PLACE-SAVE-MARK" not in page


def _indexed(server: Server) -> tuple[int, str]:
    """The pages the served search index lists, and the vocabulary file of words starting with m."""
    import json
    index = json.loads(server.get("search/search_index.json"))
    pages = len(index["config"].get("playbook", {}).get("pages", []))
    try:
        vocab = server.get("search/vocab/m.js")
    except OSError:
        vocab = ""
    return pages, vocab


def test_search_keeps_answering_while_an_edit_is_indexed_and_then_finds_it(served):
    server = served()
    server.wait_for("search/search_index.json", lambda text: '"pages":[[' in text, "the whole search index")
    pages, _ = _indexed(server)
    onboarding = server.project / "docs" / "onboarding.md"
    _edit(onboarding, "# Onboarding", "# Onboarding\n\nMarmalizer")
    server.wait_for("onboarding/", lambda page: "Marmalizer" in page, "the edit")
    # Right after the page shows, search still lists every page (the last whole index, never the
    # engine's, which lists none) ...
    assert _indexed(server)[0] == pages
    # ... and once the index of the edit is in, the new word is a word of the site.
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline and '"marmalizer"' not in _indexed(server)[1]:
        time.sleep(0.2)
    assert _indexed(server)[0] == pages
    assert '"marmalizer"' in _indexed(server)[1], server.output()


def test_a_mistake_shows_where_and_how_to_fix_then_fixing_it_brings_the_page_back(served):
    server = served()
    onboarding = server.project / "docs" / "onboarding.md"
    _edit(onboarding, '{{ raci_matrix("onboarding") }}', '{{ raci_matrix("onbording") }}')
    error = server.wait_for("onboarding/", lambda page: "onbording" in page and "docs/onboarding.md:" in page,
                            "the error page")
    assert re.search(r"docs/onboarding\.md:\d+", error)
    assert "Traceback" not in error
    assert "/__playbook/reload" in error, "the error page must reload itself when the mistake is fixed"
    _edit(onboarding, '{{ raci_matrix("onbording") }}', '{{ raci_matrix("onboarding") }}')
    page = server.wait_for("onboarding/", lambda page: "onbording" not in page and "Who does what" in page,
                           "the fixed page")
    assert "docs/onboarding.md:" not in page
    assert "Traceback" not in server.output()


def test_a_nav_title_change_reaches_every_page_not_just_the_edited_one(served):
    server = served()
    assert "Secret plans" in server.get("onboarding/")
    _save_by_rename(server.project / "mkdocs.yml", "  - Secret plans:", "  - Hidden agenda:")
    page = server.wait_for("onboarding/", lambda page: "Hidden agenda" in page, "the new nav title")
    assert "Secret plans" not in page
    assert "Hidden agenda" in server.get("")
    assert ">None<" not in page


def test_a_data_edit_reaches_the_pages_built_from_it(served):
    server = served()
    roles = server.project / "data" / "roles.yml"
    _edit(roles, "Leads the project on the customer's side.", "Speaks for the customer DATA-EDIT-MARK.")
    server.wait_for("roles/customer-lead/", lambda page: "DATA-EDIT-MARK" in page, "the edited role summary")
    server.wait_for("onboarding/", lambda page: "Who does what" in page and ">None<" not in page,
                    "the onboarding page after a data edit")


def test_the_customer_preview_hides_internal_content_too(served):
    server = served("customer")
    home = server.get("")
    assert "INTERNAL-BLOCK-MARKER" not in home
    assert "Secret plans" not in home


def test_ctrl_c_stops_the_server_with_one_line_and_no_traceback(served):
    server = served()
    output = server.stop()
    assert server.process.returncode in (0, 130), f"{getattr(server, 'stuck', '')}\n{output}"
    assert "Traceback" not in output
    assert "KeyboardInterrupt" not in output


def test_the_preview_refuses_what_the_build_refuses_after_rendering(served):
    """The preview is the build: the checks of the rendered pages run on every save, and their
    problems are its error page, as `make build` would refuse them."""
    server = served("customer")
    onboarding = server.project / "docs" / "onboarding.md"
    _edit(onboarding, "# Onboarding", '# Onboarding\n\n<div class="admonition &#105;nternal">Our margin.</div>')
    error = server.wait_for("onboarding/", lambda page: "box marked internal" in page, "the output check's problem")
    assert re.search(r"docs/onboarding\.md:\d+: the customer page shows a box marked internal", error)
    assert "Our margin." not in error


def test_a_reader_closing_a_tab_is_no_error(served):
    """A browser that goes away mid-answer (a closed tab, a reload) cuts the connection: the server
    goes on, and says nothing of it."""
    server = served()
    for _ in range(20):
        with socket.create_connection(("127.0.0.1", server.port)) as connection:
            connection.sendall(b"GET /onboarding/ HTTP/1.1\r\nHost: x\r\n\r\n")
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    assert "Onboarding" in server.get("onboarding/")
    output = server.output()
    assert "Traceback" not in output and "BrokenPipeError" not in output and "ConnectionResetError" not in output
