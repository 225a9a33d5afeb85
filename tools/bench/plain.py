"""The benchmark's yardstick: the synthetic playbook as a plain MkDocs + Material project.

The same Markdown the internal site renders: the playbook's own stage writes the internal tree
(so internal passages, role pages and the nav are exactly those of the internal site), then
every macro call is expanded by the playbook's own macros and templates, with their HTML left
in the Markdown as raw HTML, as a site without our fence would have it. That tree is built the
way the site is configured, like with like: the same theme settings (every feature the site turns
on, navigation.prune included; language, palette, icons, no web fonts) and the same Markdown
extensions, with the search plugin indexing every page, as Material does by default. What it lacks
is the playbook's own design: no macros plugin (the macros are expanded already), no custom_dir
(the site's faster nav partials), its search index written by the plugin, one site, one process.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import jinja2

from playbook.load.mkdocs_yml import read_mkdocs_yml, write_mkdocs_yml
from playbook.load.sources import load_sources
from playbook.render.macros import SiteMacros
from playbook.stage.site import StageOptions, stage

_FRONT = "---\n"


def _split_front_matter(text: str) -> tuple[str, str]:
    if not text.startswith(_FRONT):
        return "", text
    end = text.index("\n---\n", 3) + 5
    return text[:end], text[end:]


def write_plain_project(project: Path, dest: Path) -> int:
    """Expand the synthetic project's pages into dest/docs and write dest/mkdocs.yml; return page count."""
    project, dest = Path(project), Path(dest)
    staged = stage(load_sources(project), "internal", dest / "staged", StageOptions()).root
    current: list[str] = []
    macros = SiteMacros(staged, lambda: current[0] if current else None, block=lambda html: f"\n\n{html}\n\n")
    # mkdocs-macros renders the page body (after front matter) as a Jinja template.
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.globals.update(macros.functions())
    count = 0
    for path in sorted(p for p in (staged / "docs").rglob("*") if p.is_file()):
        src = path.relative_to(staged / "docs").as_posix()
        out = dest / "docs" / src
        out.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".md":
            shutil.copyfile(path, out)
            continue
        current[:] = [src]
        head, body = _split_front_matter(path.read_text(encoding="utf-8"))
        head = head.replace("search:\n  exclude: true\n", "")  # plain Material indexes every page itself
        expanded = body if "render_macros: false" in head else env.from_string(body).render()
        out.write_text(head + expanded, encoding="utf-8")
        count += 1

    real, _problems = read_mkdocs_yml(staged / "mkdocs.yml")
    extensions = [e for e in real["markdown_extensions"] if not (isinstance(e, dict) and "pymdownx.superfences" in e)]
    theme = {key: value for key, value in real["theme"].items() if key != "custom_dir"}
    config = {
        "site_name": "Plain Material",
        "site_url": "https://plain.example/",
        "docs_dir": "docs",
        "theme": theme,
        "markdown_extensions": [*extensions, "pymdownx.superfences"],
        "plugins": [{"search": {"lang": "en"}}],
        "nav": real["nav"],
    }
    shutil.rmtree(dest / "staged")
    (dest / "mkdocs.yml").write_text(write_mkdocs_yml(config), encoding="utf-8")
    return count
