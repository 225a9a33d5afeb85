"""`make serve`: one command, a preview that follows every edit to the sources.

A watcher notices any change under docs/, data/, overrides/ and mkdocs.yml, however an editor
saves (in place, or a new file renamed over the old one, as vim, JetBrains and `sed -i` do).
Each change restages the site from the sources, then renders only what changed: a page whose
staged file changed is re-rendered; a change to what every page shows (the nav, the data, a
template, the config) re-renders them all. The browser reloads by itself when the new build is
in. A mistake does not leave a preview that never finishes loading: every page then shows the
problems, each as `file:line: what — fix`, and reloads when they are fixed.

The engine runs in this process (MkDocs' own build function), so an edit costs one page's
rendering, not an engine's start-up.
"""
from __future__ import annotations

import functools
import http.server
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from playbook.serve.preview import RELOAD_PATH, NotDirtyWarning, Preview

PORTS = {"internal": 8000, "customer": 8001}
_IGNORED_PARTS = {".git", "__pycache__", "node_modules", ".venv", "build", "site"}
_IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~", ".partial")


class _Changes(FileSystemEventHandler):
    def __init__(self, root: Path, on_change) -> None:
        self.root = root
        self.on_change = on_change

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw and self._matters(Path(raw if isinstance(raw, str) else raw.decode())):
                self.on_change()
                return

    def _matters(self, path: Path) -> bool:
        try:
            relative = path.resolve().relative_to(self.root)
        except ValueError:
            return False
        if any(part in _IGNORED_PARTS for part in relative.parts) or path.name.endswith(_IGNORED_SUFFIXES):
            return False
        return bool(relative.parts) and (relative.parts[0] in ("docs", "data", "overrides") or
                                         relative.as_posix() == "mkdocs.yml")


class _Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, *args) -> None:
        pass

    def handle(self) -> None:
        # A reader who closes a tab or reloads mid-answer cuts the connection; that ends this
        # request, and is not an error to report.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = urlsplit(self.path).path
        if path == RELOAD_PATH:
            return self._reload()
        if self.preview.problems and (path.endswith("/") or path.endswith(".html")):
            return self._send(200, self.preview.error_page().encode(), "text/html; charset=utf-8")
        target = Path(self.directory) / unquote(path).lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            page = target.read_text(encoding="utf-8")
            return self._send(200, self.preview.with_reload(page).encode(), "text/html; charset=utf-8")
        return super().do_GET()

    def _reload(self) -> None:
        query = dict(part.split("=", 1) for part in urlsplit(self.path).query.split("&") if "=" in part)
        version = self.preview.wait_for_version(int(query.get("since", "0") or 0), timeout=25)
        self._send(200, json.dumps({"version": version}).encode(), "application/json")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def serve_site(root: Path, audience: str, *, port: int | None = None, host: str = "127.0.0.1") -> int:
    root = Path(root).resolve()
    console = logging.StreamHandler()
    console.addFilter(NotDirtyWarning())
    logging.basicConfig(level=logging.WARNING, format="%(message)s", handlers=[console])
    # The staged tree and the preview live outside the project, like the build's sealed copy: the
    # engine runs in this process, whose folder and git search are moved there, so the macros
    # plugin's git variables say nothing of the project's repository.
    folder = Path(tempfile.mkdtemp(prefix=f"playbook-serve-{audience}-"))
    preview = Preview(root, audience, folder)
    # mkdocs-macros finds its include_dir from the working folder, as an engine run in the staged tree would.
    preview.staged.mkdir()
    os.chdir(preview.staged)
    for name in [name for name in os.environ if name.startswith("GIT_")]:
        del os.environ[name]
    os.environ["GIT_CEILING_DIRECTORIES"] = str(folder)
    print(f"Building the {audience} site...", flush=True)
    preview.rebuild()
    changed = threading.Event()
    observer = Observer()
    handler = _Changes(root, changed.set)
    for watched in ("docs", "data", "overrides"):
        if (root / watched).is_dir():
            observer.schedule(handler, str(root / watched), recursive=True)
    observer.schedule(handler, str(root), recursive=False)  # mkdocs.yml, renamed over or edited
    observer.start()

    def rebuild_on_change() -> None:
        while True:
            changed.wait()
            time.sleep(0.05)  # let an editor finish a save that touches several files
            while changed.is_set():
                changed.clear()
                time.sleep(0.05)
            preview.rebuild()

    threading.Thread(target=rebuild_on_change, name="rebuild", daemon=True).start()
    handler_class = type("Handler", (_Handler,), {"preview": preview})
    server = http.server.ThreadingHTTPServer((host, port or PORTS[audience]),
                                             functools.partial(handler_class, directory=str(preview.site_dir)))
    print(f"Serving the {audience} site on http://{host}:{server.server_address[1]}/ (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    finally:
        observer.stop()
        server.server_close()
        preview.search.close()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


