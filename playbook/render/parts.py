"""A large site rendered by several engine processes at once, into one output.

An engine renders a site's pages one after another, on one core. At 1,000 pages the internal
site's engine was the whole critical path of the build, while the other core sat idle once the
smaller customer site was done. A staged site of more than PAGES_PER_PART pages is therefore
rendered in parts, one engine process each, as many as the machine has cores for.

Each part builds the same staged tree through a config of its own, written beside the staged
one: it inherits it (the engine's documented `INHERIT`) and adds to `exclude_docs` the pages the
other parts render. An engine still knows an excluded page (its address, its nav title, its place
between the previous and the next page), so every part draws the same nav, footer and links; it
only leaves the page unread and unwritten, and says so at INFO level. The parts' outputs are then
merged into the one site a single engine process would have written, byte for byte
(tests/site_builds/test_render_parts.py renders sites both ways and compares every file):

- a page the nav names without a title gets its title only by being read, so every part
  renders those (the stage lists them; a few section index pages) and the first publishes them,
  as it does a folder's index.md and README.md when there are both (the engine keeps one);
- the files in docs/ that are not pages are copied by the first part only;
- each part's sitemap lists the pages it rendered; the merged sitemap lists them all, in the
  order the engine lists pages (its walk of docs/: a folder's files, index first, then its
  folders, each in name order).
"""
from __future__ import annotations

import gzip
import json
import os
import posixpath
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

from jinja2 import Environment, PackageLoader

from playbook.model.handover import Handover
from playbook.present import urls
from playbook.render.cores import usable_cores

# Below this many pages a second engine process costs more (its start, its own read of the
# config and the theme) than it saves.
PAGES_PER_PART = 400
CONFIG = "mkdocs.yml"
SITEMAP = "sitemap.xml"
# What a page costs besides its Markdown (the theme's page around it, the nav), as bytes of Markdown.
_PAGE_COST = 3000


@dataclass(frozen=True)
class Part:
    config: Path              # the config its engine process builds
    site_dir: Path            # where that process writes
    pages: frozenset[str]     # the pages it publishes (it may render a few more)


PARTS_VARIABLE = "PLAYBOOK_RENDER_PARTS"


def part_count(handover: Handover, cores: int | None = None) -> int:
    """How many engine processes to render a staged site with: PLAYBOOK_RENDER_PARTS when it is
    set (a test, or a comparison in `make bench`), else one per PAGES_PER_PART pages and at most
    one per core; always one when the stage says the site cannot be split, and never more than
    it has pages."""
    if handover.split is None:
        return 1
    written = os.environ.get(PARTS_VARIABLE, "")
    if written.isdigit() and int(written) > 0:
        wanted = int(written)
    else:
        cores = cores or usable_cores()
        wanted = min(cores, -(-len(handover.pages) // PAGES_PER_PART))
    return max(1, min(wanted, len(handover.pages)))


def engine_order(paths: Iterable[str]) -> list[str]:
    """Paths in docs/ in the order the engine lists them (MkDocs' get_files)."""
    def key(path: str) -> tuple:
        *folders, name = path.split("/")
        return (*((1, folder) for folder in folders), (0, posixpath.splitext(name)[0] not in ("index", "README"), name))
    return sorted(paths, key=key)


def plan(staged_root: Path, site_dir: Path, handover: Handover, count: int) -> list[Part]:
    """The parts to render the staged site in, their configs written beside the staged one."""
    pages = handover.pages
    if count <= 1 or handover.split is None:
        return [Part(staged_root / CONFIG, site_dir, frozenset(pages))]
    docs = staged_root / "docs"
    files = engine_order(_files(docs))
    shared = set(handover.split.untitled_in_nav) & set(pages) | _index_pairs(pages)
    own = _split([src for src in files if src in pages and src not in shared], docs, count)
    own[0] = [*own[0], *sorted(shared)]
    static = {path for path in files if path not in pages}
    parts = []
    for index, owned in enumerate(own):
        excluded = set(pages) - set(owned) - shared
        if index:
            excluded |= static
        config = staged_root / f".render-part-{index + 1}.yml"
        config.write_text(config_text(handover.split.exclude_docs, patterns(excluded, files)), encoding="utf-8")
        folder = site_dir if index == 0 else site_dir.with_name(f"{site_dir.name}.part-{index + 1}")
        parts.append(Part(config, folder, frozenset(owned)))
    return parts


def _index_pairs(pages: Iterable[str]) -> set[str]:
    """index.md and README.md of each folder holding both: the engine keeps one of the two (and
    warns) only when it sees both, so every part renders both, as one process would."""
    pages = set(pages)
    return {page for page in pages if posixpath.basename(page) in ("index.md", "README.md")
            and {posixpath.join(posixpath.dirname(page), name) for name in ("index.md", "README.md")} <= pages}


def _files(docs: Path) -> list[str]:
    return [Path(folder, name).relative_to(docs).as_posix()
            for folder, _dirs, names in os.walk(docs, followlinks=True) for name in names]


def _split(pages: Sequence[str], docs: Path, count: int) -> list[list[str]]:
    """pages, in order, cut into count runs of about the same cost: neighbours stay together, so
    most of a part's exclusions are whole folders."""
    costs = [_PAGE_COST + (docs / src).stat().st_size for src in pages]
    total, spent, runs = sum(costs), 0, [[] for _ in range(count)]
    for src, cost in zip(pages, costs, strict=True):  # each page to the run its middle falls in
        runs[min(count - 1, int((spent + cost / 2) * count / total))].append(src)
        spent += cost
    return runs


def patterns(excluded: set[str], files: Sequence[str]) -> list[str]:
    """gitignore-style patterns (what exclude_docs takes) naming exactly the excluded files of
    docs/: a folder holding nothing but excluded files is named once."""
    kept_folders = {folder for path in files if path not in excluded for folder in _folders(path)}
    found = set()
    for path in excluded:
        whole = next((folder for folder in _folders(path) if folder not in kept_folders), None)
        found.add(f"/{_escape(whole)}/" if whole else f"/{_escape(path)}")
    return sorted(found)


def _folders(path: str) -> list[str]:
    """The folders holding path, outermost first: a/b/c.md -> [a, a/b]."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:depth]) for depth in range(1, len(parts) + 1)]


def _escape(path: str) -> str:
    """A path as a gitignore pattern that matches it alone: wildcard characters and trailing
    spaces escaped."""
    escaped = re.sub(r"([\\*?\[\]])", r"\\\1", path)
    trailing = len(escaped) - len(escaped.rstrip(" "))
    return escaped.rstrip(" ") + "\\ " * trailing


def config_text(authors_exclusions: str, excluded: Sequence[str]) -> str:
    lines = [authors_exclusions.rstrip("\n"), *excluded] if authors_exclusions.strip() else list(excluded)
    return ("# Written by the render step (playbook/render/parts.py): this staged site, less the pages\n"
            "# another engine process renders. Removed when the render is done.\n"
            f"INHERIT: {CONFIG}\n"
            f"exclude_docs: {json.dumps(chr(10).join(lines) + chr(10))}\n")


def merge(parts: Sequence[Part], site_dir: Path, handover: Handover) -> None:
    """Move every part's pages into site_dir (the first part's output) and merge the sitemaps."""
    if len(parts) <= 1:
        return
    pages = handover.pages
    for part in parts[1:]:
        for src in part.pages:
            output = urls.output_file(pages[src].url)
            (site_dir / output).parent.mkdir(parents=True, exist_ok=True)
            os.replace(part.site_dir / output, site_dir / output)
    sitemap = site_dir / SITEMAP
    if sitemap.is_file():
        position = {src: index for index, src in enumerate(engine_order(pages))}
        text = merged_sitemap([(part.site_dir / SITEMAP).read_text(encoding="utf-8") for part in parts],
                              {loc: position[src] for loc, src in _loc_to_page(handover).items()})
        sitemap.write_text(text, encoding="utf-8")
        packed = site_dir / (SITEMAP + ".gz")
        if packed.is_file():
            _gzip_as_before(packed, text)


def clean(parts: Sequence[Part], site_dir: Path) -> None:
    """Remove the parts' configs and outputs (all but the site itself)."""
    for part in parts:
        if part.config.name != CONFIG:
            part.config.unlink(missing_ok=True)
        if part.site_dir != site_dir:
            shutil.rmtree(part.site_dir, ignore_errors=True)


_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_TEMPLATES = Environment(loader=PackageLoader("playbook.render"), autoescape=True, keep_trailing_newline=False)


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None


def sitemap_entries(text: str) -> list[SitemapEntry]:
    """The entries of a sitemap, read with an XML parser."""
    root = ElementTree.fromstring(text.encode("utf-8"))
    return [SitemapEntry((url.findtext(f"{_SITEMAP_NS}loc") or "").strip(),
                         (url.findtext(f"{_SITEMAP_NS}lastmod") or "").strip() or None)
            for url in root.iter(f"{_SITEMAP_NS}url")]


def merged_sitemap(texts: Sequence[str], position: Mapping[str, int]) -> str:
    """One sitemap from the parts' sitemaps: every part's entries, each address once, in engine
    order (position: each page address's place in it; an address it does not know keeps its
    place after them)."""
    entries: dict[str, SitemapEntry] = {}
    for text in texts:
        for entry in sitemap_entries(text):
            entries.setdefault(entry.loc, entry)
    ordered = sorted(entries.values(), key=lambda entry: position.get(entry.loc, len(position)))
    return _TEMPLATES.get_template("sitemap.xml").render(entries=ordered)


def _loc_to_page(handover: Handover) -> dict[str, str]:
    """Each page's address in the sitemap (its canonical URL: the site's address joined with its own)."""
    base = handover.site_url if handover.site_url.endswith("/") else handover.site_url + "/"
    return {urljoin(base, page.url): src for src, page in handover.pages.items()}


def _gzip_as_before(packed: Path, text: str) -> None:
    """Rewrite sitemap.xml.gz with text, as the engine wrote it: same name and time in its header."""
    mtime = int.from_bytes(packed.read_bytes()[4:8], "little")
    with open(packed, "wb") as file, gzip.GzipFile(fileobj=file, filename=str(packed), mode="wb", mtime=mtime) as gz:
        gz.write(text.encode("utf-8"))
