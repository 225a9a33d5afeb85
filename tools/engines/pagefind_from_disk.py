"""Does Pagefind search a site opened from disk (file://), as the customer bundle is opened?

Issue 24 asks to verify it rather than assume it (Pagefind's maintainers say it does not:
github.com/Pagefind/pagefind/issues/202). This indexes a built site with Pagefind (the PyPI package
and its binary, pinned in tools/engines/requirements.txt and installed into tools/engines/.venv on
first use, never a dependency of the build), then asks Pagefind's own search API, in Debian's
Chromium, the same question twice: with the site served on 127.0.0.1, and with the site opened
from disk. It prints what each returned, or the error that stopped it, and the gzipped size of
what Pagefind fetched for the answer.

Usage: .venv/bin/python tools/engines/pagefind_from_disk.py [SITE]   (default: site/customer, from make build)

A report, not a test: nothing here runs in make test.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VENV = HERE / ".venv"
QUESTION = "kickoff checklist"

# Pagefind's documented browser API: import the module, init, search, then load each result's data.
HARNESS = """<!doctype html><meta charset="utf-8"><title>Pagefind from disk</title>
<script type="module">
  window.__result = (async () => {
    try {
      const pagefind = await import("./pagefind/pagefind.js");
      await pagefind.init();
      const search = await pagefind.search(%(question)s);
      const data = await Promise.all(search.results.slice(0, 3).map(r => r.data()));
      return { ok: true, results: data.map(d => d.url) };
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  })();
</script>"""


def pagefind() -> Path:
    """Pagefind's binary, installed from the pinned PyPI packages when missing."""
    binary = VENV / "bin" / "pagefind"
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not binary.exists() and not (VENV / "bin" / "pagefind_extended").exists():
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(HERE / "requirements.txt")],
                       check=True)
    return python


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def ask(browser, url: str, root: Path) -> dict:
    page = browser.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(url)
    result = page.evaluate("window.__result")
    size = 0
    for address in set(fetched):
        parts = urlsplit(address)
        file = root / unquote(parts.path).lstrip("/") if parts.scheme == "http" else Path(unquote(parts.path))
        if "pagefind" in file.parts and file.is_file():
            size += len(gzip.compress(file.read_bytes(), 6))
    page.close()
    return {**result, "console": errors, "pagefind_gzip": size}


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site = Path(argv[0]) if argv else ROOT / "site" / "customer"
    if not (site / "index.html").is_file():
        sys.exit(f"{site} holds no built site: run make build first")
    python = pagefind()
    with tempfile.TemporaryDirectory(prefix="pagefind-") as work:
        copy = Path(work) / "site"
        shutil.copytree(site, copy)
        subprocess.run([str(python), "-m", "pagefind", "--site", str(copy), "--root-selector",
                        "div[data-pb-content]", "--quiet"], check=True)
        (copy / "pagefind-harness.html").write_text(HARNESS % {"question": repr(QUESTION)}, encoding="utf-8")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(copy)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                served = ask(browser, f"http://127.0.0.1:{server.server_address[1]}/pagefind-harness.html", copy)
                disk = ask(browser, (copy / "pagefind-harness.html").as_uri(), copy)
                browser.close()
        finally:
            server.shutdown()
    print(f"Pagefind, question {QUESTION!r}")
    for name, found in (("served on 127.0.0.1", served), ("opened from disk", disk)):
        if found["ok"]:
            print(f"  {name}: {found['results']} ({found['pagefind_gzip'] / 1024:.0f} KiB gzipped fetched)")
        else:
            print(f"  {name}: FAILED: {found['error']}")
        for line in found["console"][:3]:
            print(f"    console: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
