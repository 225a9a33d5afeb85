"""The domain code imports no engine, so the engine can be replaced.

Only the code that runs an engine may import one: the engine adapter starts it in a process of
its own, the macros module is loaded by it, and the preview server runs MkDocs' build in process.
The stage asks Python-Markdown how it reads a page (the oracle for internal passages) and reads
reference definitions and attribute lists with the parser's own patterns (links), which is the
parser, not an engine. Everything else (the model, loading, staging, publishing, kits,
hosting) must not import MkDocs, Material, the macros plugin or another engine.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "playbook"
ENGINES = {"mkdocs", "material", "mkdocs_macros", "properdocs", "zensical"}
PARSER = {"markdown", "pymdownx"}
MAY_IMPORT_AN_ENGINE = {"serve/preview.py"}
MAY_IMPORT_THE_PARSER = {"stage/markdown_oracle.py", "stage/links.py"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_no_domain_module_imports_an_engine_or_the_markdown_parser():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        found = _imports(path)
        if found & ENGINES and module not in MAY_IMPORT_AN_ENGINE:
            wrong.append(f"{module} imports {sorted(found & ENGINES)}")
        if found & PARSER and module not in MAY_IMPORT_THE_PARSER:
            wrong.append(f"{module} imports {sorted(found & PARSER)}")
    assert wrong == []


def test_the_allowed_exceptions_still_exist_so_the_list_stays_honest():
    for module in MAY_IMPORT_AN_ENGINE | MAY_IMPORT_THE_PARSER:
        assert (PACKAGE / module).is_file(), module
