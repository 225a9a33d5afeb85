"""Every Jinja mistake on every page, found before any engine renders a page.

mkdocs-macros renders each page as a Jinja template when the engine reaches it, and stops at
the first error it meets; an author fixing a pull request would see one mistake per build. So
the stage reads each page's Jinja itself, with the delimiters the macros plugin is configured
with: a syntax error, a name that is neither a macro, a variable of the site nor one the page
sets, a macro called with an id this site does not have, and an `{% include %}` of a file this
site does not hold are each reported at their line, all at once.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes

BRACES_FIX = "to show braces as text, put them in a code block or between backticks"

# What mkdocs-macros itself puts in every page's context (its define_env and its plugin), and
# what Jinja always has. Page front matter keys and extra: keys are added per page.
MACROS_PLUGIN_NAMES = frozenset({
    "config", "extra", "page", "navigation", "files", "environment", "plugin", "git", "macros", "filters",
    "filters_builtin", "context", "pretty", "macros_info", "now", "fix_url", "render_file", "include_file",
    "range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop", "self", "varargs", "kwargs", "caller",
})


@dataclass(frozen=True)
class JinjaProblem:
    line: int  # 1-based line of the text checked
    message: str
    fix: str


@dataclass(frozen=True)
class Delimiters:
    variable: tuple[str, str] = ("{{", "}}")
    block: tuple[str, str] = ("{%", "%}")
    comment: tuple[str, str] = ("{#", "#}")

    @classmethod
    def of_config(cls, config: Mapping[str, Any]) -> Delimiters:
        """The delimiters mkdocs-macros is configured with in mkdocs.yml (its j2_* options)."""
        plugins = config.get("plugins") or []
        options: Mapping[str, Any] = next((entry["macros"] or {} for entry in plugins
                                           if isinstance(entry, dict) and "macros" in entry), {})
        return cls((options.get("j2_variable_start_string") or "{{", options.get("j2_variable_end_string") or "}}"),
                   (options.get("j2_block_start_string") or "{%", options.get("j2_block_end_string") or "%}"),
                   (options.get("j2_comment_start_string") or "{#", options.get("j2_comment_end_string") or "#}"))

    def environment(self) -> jinja2.Environment:
        return jinja2.Environment(variable_start_string=self.variable[0], variable_end_string=self.variable[1],
                                  block_start_string=self.block[0], block_end_string=self.block[1],
                                  comment_start_string=self.comment[0], comment_end_string=self.comment[1],
                                  autoescape=False)


# check_call(name, arguments) -> (message, fix) of what is wrong with a macro call, or None.
CallCheck = Callable[[str, tuple], "tuple[str, str] | None"]
# check_include(path) -> (message, fix) when this site may not include the file, or None.
IncludeCheck = Callable[[str], "tuple[str, str] | None"]


class JinjaChecker:
    def __init__(self, delimiters: Delimiters, known: Iterable[str], macro_names: Iterable[str],
                 check_call: CallCheck, check_include: IncludeCheck) -> None:
        self.environment = delimiters.environment()
        self.known = frozenset(known) | MACROS_PLUGIN_NAMES
        self.macro_names = frozenset(macro_names)
        self.check_call = check_call
        self.check_include = check_include

    def check(self, text: str, page_names: Iterable[str] = ()) -> list[JinjaProblem]:
        try:
            tree = self.environment.parse(text)
        except jinja2.TemplateSyntaxError as error:
            return [JinjaProblem(error.lineno or 1, f"Jinja syntax error: {error.message}",
                                 "check that every '{{' is closed by '}}' and every '{%' by '%}'; " + BRACES_FIX)]
        problems: list[JinjaProblem] = []
        known = self.known | self.macro_names | frozenset(page_names)
        # Names the template defines itself ({% set %}, loop variables, macro arguments).
        defined = {name.name for name in tree.find_all(nodes.Name) if name.ctx in ("store", "param")}
        reported: set[str] = set()
        for name in tree.find_all(nodes.Name):
            if name.ctx == "load" and name.name not in known and name.name not in defined \
                    and name.name not in reported:
                reported.add(name.name)
                guess = difflib.get_close_matches(name.name, sorted(known | self.macro_names), n=1, cutoff=0.75)
                hint = f"did you mean '{guess[0]}'? " if guess else ""
                problems.append(JinjaProblem(name.lineno, f"'{name.name}' is undefined",
                                             f"{hint}check the spelling of the macro or variable (CONTRIBUTING.md "
                                             f"lists every macro); {BRACES_FIX}"))
        assigned = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name in self.macro_names:
                if all(isinstance(argument, nodes.Const) for argument in call.args) and not call.kwargs:
                    wrong = self.check_call(call.node.name, tuple(a.value for a in call.args))
                    if wrong:
                        problems.append(JinjaProblem(call.lineno, *wrong))
                    continue
                # A name the page sets itself may hold an id, which the macro checks when it runs;
                # anything else (config, page, a number worked out) is never an id.
                given = [a for a in [*call.args, *(k.value for k in call.kwargs)]
                         if not isinstance(a, nodes.Const) and not (isinstance(a, nodes.Name) and a.name in assigned)]
                if given or call.kwargs:
                    shown = ", ".join([*(_expression(a) for a in call.args),
                                       *(f"{k.key}={_expression(k.value)}" for k in call.kwargs)])
                    problems.append(JinjaProblem(call.lineno, f"{call.node.name}({shown}) — a macro takes an id "
                                                              "written in quotes", f"write it as "
                                                 f"{call.node.name}(\"the-id\"); CONTRIBUTING.md lists every macro"))
        for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            template = node.template
            if isinstance(template, nodes.Const) and isinstance(template.value, str):
                wrong = self.check_include(template.value)
                if wrong:
                    problems.append(JinjaProblem(node.lineno, *wrong))
        return sorted(problems, key=lambda p: p.line)


def _expression(node: nodes.Node) -> str:
    """An argument as an author would recognise it: a name, a dotted name, a value, or 'an expression'."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_expression(node.node)}.{node.attr}"
    if isinstance(node, nodes.Const):
        return repr(node.value) if not isinstance(node.value, str) else f'"{node.value}"'
    return "an expression"

