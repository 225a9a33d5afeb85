"""The benchmark's yardstick: the synthetic playbook as a plain MkDocs + Material project.

The same Markdown the internal site renders, with every macro call already expanded by the
playbook's own code (load_playbook, PlaybookMacros, the templates in overrides/playbook/), the
role pages written out as the hook would generate them, and the same nav. Then built with
Material's defaults and only the search plugin: no macros plugin, no hooks, no custom_dir, no
theme features (so no navigation.prune). `/// internal` blocks stay, as the internal site shows
them, so the same markdown_extensions are kept.
"""
from __future__ import annotations

import sys
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parents[2]
# The macros are a hook file (MkDocs loads hooks/ by path), not part of the installed package.
sys.path.insert(0, str(ROOT / "hooks"))

import playbook_macros  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from playbook.load.data_folder import load_playbook  # noqa: E402
from playbook.load.front_matter import read_front_matter  # noqa: E402
from playbook.load.mkdocs_yml import read_mkdocs_yml, write_mkdocs_yml  # noqa: E402
from playbook.model.types import INTERNAL  # noqa: E402
from playbook.stage import generated_pages, markdown_text  # noqa: E402
from playbook.stage import nav as navigation  # noqa: E402


def _split_front_matter(text: str) -> tuple[str, str]:
    body = read_front_matter(text, "page").body
    return text[:len(text) - len(body)], body


def write_plain_project(project: Path, dest: Path) -> int:
    """Expand the synthetic project's pages into dest/docs and write dest/mkdocs.yml; return page count."""
    project, dest = Path(project), Path(dest)
    real, problems = read_mkdocs_yml(project / "mkdocs.yml")
    if problems:
        raise RuntimeError("\n".join(map(str, problems)))
    playbook = load_playbook(project / "data", root=project)

    sources = {p.relative_to(project / "docs").as_posix(): p.read_text(encoding="utf-8")
               for p in sorted((project / "docs").rglob("*.md"))}
    for page in generated_pages.role_pages(playbook):
        sources[page.src_uri] = page.markdown
    files = {src: File(src, str(dest / "docs"), str(dest / "site"), True) for src in sources}
    current: list[File] = []

    def href(src_path: str, anchor: str | None = None) -> str | None:
        target = files.get(src_path)
        if target is None:
            return None
        url = target.url_relative_to(current[0])
        return f"{url}#{anchor}" if anchor else url

    def report(call: str, message: str) -> None:
        raise RuntimeError(f"{current[0].src_uri}: {call}: {message}")

    macros = playbook_macros.PlaybookMacros(playbook, INTERNAL, project / "overrides", href, report)
    # mkdocs-macros renders the page body (after front matter) as a Jinja template.
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.globals.update(macros.functions())
    for src, text in sources.items():
        current[:] = [files[src]]
        head, body = _split_front_matter(text)
        expanded = env.from_string(markdown_text.shield_code_from_macros(body)).render()
        out = dest / "docs" / src
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(head + expanded, encoding="utf-8")

    entries = [{p.title: p.src_uri} for p in generated_pages.role_pages(playbook)]
    nav, _ = navigation.insert_after(real["nav"], "roles/index.md", entries)
    config = {
        "site_name": "Plain Material",
        "site_url": "https://plain.example/",
        "docs_dir": "docs",
        "theme": {"name": "material", "language": "en", "font": False},
        "markdown_extensions": real["markdown_extensions"],
        "plugins": [{"search": {"lang": "en"}}],
        "nav": nav,
    }
    (dest / "mkdocs.yml").write_text(write_mkdocs_yml(config), encoding="utf-8")
    return len(sources)
