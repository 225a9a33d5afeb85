"""The pages and files of docs/, read once: bytes checked as text, front matter validated, body
split into lines as Markdown splits them.

A page that is not UTF-8, or holds a character some programs take for a line break and
Markdown does not, is refused here with its line: every later step (the stage's rewrites, the
engine, an author's editor) would otherwise read it differently.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from playbook.load import markdown_lines
from playbook.load.front_matter import FrontMatter, read_front_matter
from playbook.load.yaml_source import read_text
from playbook.model.page import PageFrontMatter
from playbook.problems import Problem


@dataclass(frozen=True)
class SourcePage:
    src: str                    # path relative to docs/, such as phases/kickoff.md
    display: str                # the path an author recognises, such as docs/phases/kickoff.md
    front_matter: FrontMatter
    body: list[str]             # the lines after the front matter, as Markdown splits them
    body_line: int              # the file line of body[0]

    @property
    def values(self) -> PageFrontMatter:
        return self.front_matter.values

    @property
    def audience(self) -> str:
        return self.front_matter.audience

    def line_of(self, key: str) -> int | None:
        return self.front_matter.line_of(key)


@dataclass(frozen=True)
class DocsFolder:
    pages: dict[str, SourcePage] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # every other file, by path relative to docs/


def read_docs(root: Path, docs_dir: str = "docs", *, cache: dict | None = None) -> tuple[DocsFolder, list[Problem]]:
    """Every page and file of docs/. With a cache (a preview's), a page whose file has the same
    modification time and size as last time is not read again."""
    docs = root / docs_dir
    folder = DocsFolder()
    problems: list[Problem] = []
    if not docs.is_dir():
        return folder, [Problem(docs_dir, None, "the docs folder is missing", f"create {docs_dir}/ with an index.md")]
    for path in sorted(_walk(docs, docs_dir, problems)):
        src = path.relative_to(docs).as_posix()
        if path.suffix != ".md":
            refused = _not_a_file_of_a_site(src, f"{docs_dir}/{src}")
            if refused:
                problems.append(refused)
            else:
                folder.files[src] = path
            continue
        status = path.stat()
        key = (src, status.st_mtime_ns, status.st_size)
        if cache is not None and key in cache:
            page, found = cache[key]
        else:
            page, found = read_page(path, src, f"{docs_dir}/{src}")
            if cache is not None:
                cache[key] = (page, found)
        problems += found
        if page is not None:
            folder.pages[src] = page
    return folder, problems


# A page's path becomes its address, and a file's path a link: a character an address cannot
# hold as it is (or that ends the attribute it is written in) has no place in either.
_NOT_IN_PATH = re.compile(r"[\x00-\x1f\x7f\"<>`\\#?]")


def _walk(folder: Path, docs_dir: str, problems: list[Problem]):
    """Every file under folder, hidden ones (.git, editor swap files) left out. A symbolic link
    is reported, never followed (it could bring any file of the machine into a site), and so is
    a name that cannot be an address."""
    for current, subfolders, names in os.walk(folder):
        kept = []
        for name in sorted(d for d in subfolders if not d.startswith(".")):
            path = Path(current, name)
            if _refused(path, folder, docs_dir, problems):
                continue
            kept.append(name)
        subfolders[:] = kept
        for name in names:
            path = Path(current, name)
            if not name.startswith(".") and not _refused(path, folder, docs_dir, problems):
                yield path


def _refused(path: Path, folder: Path, docs_dir: str, problems: list[Problem]) -> bool:
    display = f"{docs_dir}/{path.relative_to(folder).as_posix()}"
    if path.is_symlink():
        problems.append(Problem(display, None, f"this is a symbolic link (to {os.readlink(path)}), which the build "
                                               "does not follow", f"put the file itself in {docs_dir}/, or delete "
                                                                  "the link"))
        return True
    found = _NOT_IN_PATH.search(path.name)
    if found:
        problems.append(Problem(display, None, f"the name holds {found.group(0)!r}, which a web address cannot hold as "
                                               "it is", "rename it with letters, digits, hyphens, dots and spaces"))
        return True
    return False


# What an engine renders as a page (MkDocs' utils.markdown_extensions, matched as it matches them),
# besides .md, which is the playbook's one spelling of a page: every page is then read, staged by
# its audience and checked here, never rendered behind the stage's back.
OTHER_PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd")
# Files an engine copies into the site as they are and a browser runs or shows as a page: a
# script, or a page of HTML no check reads. A site's scripts are the theme's and the playbook's own
# (overrides/assets/), and its pages are Markdown.
RUNNABLE_SUFFIXES = (".js", ".mjs", ".javascript", ".html", ".htm", ".xhtml", ".shtml")


def _not_a_file_of_a_site(src: str, display: str) -> Problem | None:
    if src.endswith(OTHER_PAGE_SUFFIXES):
        stem = src.rsplit(".", 1)[0]
        return Problem(display, None, "the engine would render this file as a page, and pages end in .md",
                       f"rename it to {stem}.md (its front matter then says who may read it)")
    if src.lower().endswith(RUNNABLE_SUFFIXES):
        return Problem(display, None, "a browser would run or show this file as it is, and no check reads it",
                       "write the page in Markdown; behaviour for every page belongs in overrides/assets/ "
                       "(see CONTRIBUTING.md)")
    return None


def read_page(path: Path, src: str, display: str) -> tuple[SourcePage | None, list[Problem]]:
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem(display, 1, "the page is empty", "write its front matter (title, owner, "
                                                               "last_reviewed) and its text, or delete the file")]
    text = markdown_lines.normalise(text)
    meta = read_front_matter(text, display)
    lines = markdown_lines.split(text)
    odd = [Problem(display, number, f"this line holds {what}, which Markdown does not read as a line break though "
                                    "other programs do", "replace it with an ordinary line break (or delete it)")
           for number, what in markdown_lines.odd_line_breaks(lines)]
    if any(problem.line < meta.body_line for problem in odd):
        # YAML does take it for a line break, so the front matter reads as something other than
        # what the author sees: that is the one mistake, and nothing read from it is trusted.
        meta = FrontMatter(body=meta.body, body_line=meta.body_line, readable=False)
    return SourcePage(src, display, meta, lines[meta.body_line - 1:], meta.body_line), list(meta.problems) + odd
