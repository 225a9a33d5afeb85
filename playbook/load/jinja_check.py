"""A page's Jinja, checked against what the playbook documents before any engine renders it.

mkdocs-macros renders each page as a Jinja template with an ordinary Jinja environment: from a
template global (`lipsum`, `cycler`), `__globals__` reaches Python's modules, so a page could print
any file of the build machine or run a command. Nothing of that engine is sandboxed, and it is not
ours to patch; so a page's Jinja is held to an allowlist here, before it is staged, and a page
that goes beyond it is refused with its line:

- names: the macros (playbook.present.macro_table), the documented page variables, the page's own
  front matter, and names the page sets itself;
- a macro is called with literal arguments (or a name the page set to one); nothing else is
  called: no method, no global such as range() or namespace();
- attributes and keys are read by a literal name that does not start with "_" (`brand.firm_name`,
  `page.meta.owner`), never by a name worked out while rendering;
- filters from a short list of text filters, with literal arguments;
- statements: if, set, a loop over a literal list, and include or import of a page of the same
  site (playbook/stage/site.py decides which); never extends, macro, call or other blocks.

mkdocs-macros stops at the first error it meets, so every mistake on every page is found here, all
at once: a syntax error, a name that is undefined, a macro called with an id this site does not
have, an include of a file this site does not hold.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes

BRACES_FIX = "to show braces as text, put them in a code block or between backticks"

ALLOWLIST_FIX = ("a page uses the macros, its documented variables and its own front matter "
                 "(CONTRIBUTING.md lists them); " + BRACES_FIX)
# Filters that only change text or pick from a list; none of them reads an attribute by name.
FILTERS = frozenset({"default", "d", "upper", "lower", "title", "capitalize", "trim", "length", "count", "join",
                     "replace", "escape", "e", "first", "last", "truncate", "wordcount", "striptags", "indent",
                     "center", "urlencode", "string", "int", "float", "abs", "round", "list", "reverse"})
# The page object: its own front matter and title, nothing that leads to files or the site.
PAGE_ATTRIBUTES = frozenset({"meta", "title"})
# Operators that could make a page's text grow without bound ("x" * 10 ** 9) are not a page's.
_OPERATORS = (nodes.Concat, nodes.CondExpr, nodes.And, nodes.Or, nodes.Not, nodes.Compare, nodes.Operand,
              nodes.Add, nodes.Sub, nodes.Neg, nodes.Pos)
_LITERALS = (nodes.Const, nodes.TemplateData, nodes.List, nodes.Tuple, nodes.Dict, nodes.Pair)


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
        self.known = frozenset(known) | {"page"}
        self.macro_names = frozenset(macro_names)
        self.check_call = check_call
        self.check_include = check_include

    def parse(self, text: str) -> nodes.Template | JinjaProblem:
        try:
            return self.environment.parse(text)
        except jinja2.TemplateSyntaxError as error:
            return JinjaProblem(error.lineno or 1, f"Jinja syntax error: {error.message}",
                                "check that every '{{' is closed by '}}' and every '{%' by '%}'; " + BRACES_FIX)

    def check(self, text: str, page_names: Iterable[str] = ()) -> list[JinjaProblem]:
        return self.read(text, page_names)[0]

    def read(self, text: str, page_names: Iterable[str] = ()) -> tuple[list[JinjaProblem], JinjaUses]:
        """A page's Jinja read once: every problem, and what it includes and which macros it calls
        (literal includes only: any other is a problem)."""
        tree = self.parse(text)
        if isinstance(tree, JinjaProblem):
            return [tree], JinjaUses()
        # Names the page sets itself, and those it sets to a literal (which may be a macro's id).
        assigned = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
        literal = _set_to_literals(tree)
        walk = _Walk(self, self.known | self.macro_names | frozenset(page_names) | assigned, literal)
        walk.statements(tree.body, loops=0)
        return sorted(walk.problems, key=lambda p: p.line), self._uses(tree)

    def uses(self, text: str) -> JinjaUses:
        """What a page's Jinja includes and which macros it calls, without checking it (a page the
        build writes itself)."""
        tree = self.parse(text)
        return JinjaUses() if isinstance(tree, JinjaProblem) else self._uses(tree)

    def _uses(self, tree: nodes.Template) -> JinjaUses:
        includes = {node.template.value for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport))
                    if isinstance(node.template, nodes.Const) and isinstance(node.template.value, str)}
        called = {node.node.name for node in tree.find_all(nodes.Call)
                  if isinstance(node.node, nodes.Name) and node.node.name in self.macro_names}
        return JinjaUses(frozenset(includes), frozenset(called))


@dataclass(frozen=True)
class JinjaUses:
    includes: frozenset[str] = frozenset()
    macros: frozenset[str] = frozenset()


def _set_to_literals(tree: nodes.Template) -> set[str]:
    """Names set once, at the top of the page, to a literal string: `{% set which = "x" %}`."""
    sets: dict[str, list[nodes.Node]] = {}
    for node in tree.find_all(nodes.Assign):
        if isinstance(node.target, nodes.Name):
            sets.setdefault(node.target.name, []).append(node.node)
    return {name for name, values in sets.items()
            if len(values) == 1 and isinstance(values[0], nodes.Const) and isinstance(values[0].value, str)}


class _Walk:
    """One page's template, node by node, against the allowlist; problems collected, not raised."""

    def __init__(self, checker: JinjaChecker, known: frozenset[str], literal: set[str]) -> None:
        self.checker = checker
        self.known = known
        self.literal = literal
        self.problems: list[JinjaProblem] = []
        self._undefined: set[str] = set()

    def refuse(self, node: nodes.Node, what: str) -> None:
        self.problems.append(JinjaProblem(node.lineno, f"{what}, which a page's Jinja may not do", ALLOWLIST_FIX))

    def statements(self, body: list[nodes.Node], loops: int, in_loop: bool = False) -> None:
        for node in body:
            self.statement(node, loops, in_loop)

    def statement(self, node: nodes.Node, loops: int, in_loop: bool) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                self.expression(child, in_loop)
        elif isinstance(node, nodes.If):
            self.expression(node.test, in_loop)
            self.statements(node.body, loops, in_loop)
            for branch in node.elif_:
                self.statement(branch, loops, in_loop)
            self.statements(node.else_, loops, in_loop)
        elif isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            self.expression(node.node, in_loop)
        elif isinstance(node, nodes.For):
            if loops:
                self.refuse(node, "a loop inside a loop")
            if not isinstance(node.iter, (nodes.List, nodes.Tuple, nodes.Name)):
                self.refuse(node, f"a loop over {_expression(node.iter)}")
            else:
                self.expression(node.iter, in_loop)
            if node.test is not None:
                self.expression(node.test, True)
            self.statements(node.body, loops + 1, True)
            self.statements(node.else_, loops, in_loop)
        elif isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport)):
            self.include(node)
        else:
            self.refuse(node, f"'{{% {_statement_name(node)} %}}'")

    def include(self, node: nodes.Include | nodes.Import | nodes.FromImport) -> None:
        template = node.template
        if not (isinstance(template, nodes.Const) and isinstance(template.value, str)):
            self.refuse(node, "an include of a path worked out while rendering")
            return
        wrong = self.checker.check_include(template.value)
        if wrong:
            self.problems.append(JinjaProblem(node.lineno, *wrong))

    def expression(self, node: nodes.Node, in_loop: bool) -> None:
        if isinstance(node, nodes.Name):
            self.name(node, in_loop)
        elif isinstance(node, nodes.Call):
            self.call(node, in_loop)
        elif isinstance(node, (nodes.Getattr, nodes.Getitem)):
            self.attribute(node, in_loop)
        elif isinstance(node, nodes.Filter):
            self.filter(node, in_loop)
        elif isinstance(node, nodes.Test):
            self.expression(node.node, in_loop)
            for argument in [*node.args, *(k.value for k in node.kwargs)]:
                self.expression(argument, in_loop)
        elif isinstance(node, _OPERATORS + _LITERALS):
            for child in node.iter_child_nodes():
                self.expression(child, in_loop)
        else:
            self.refuse(node, f"'{_expression(node)}'")

    def name(self, node: nodes.Name, in_loop: bool) -> None:
        if node.name in self.known or in_loop and node.name == "loop":
            return
        if node.name not in self._undefined:
            self._undefined.add(node.name)
            guess = difflib.get_close_matches(node.name, sorted(self.known), n=1, cutoff=0.75)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            self.problems.append(JinjaProblem(node.lineno, f"'{node.name}' is undefined",
                                              f"{hint}check the spelling of the macro or variable (CONTRIBUTING.md "
                                              f"lists every macro and variable); {BRACES_FIX}"))

    def attribute(self, node: nodes.Getattr | nodes.Getitem, in_loop: bool) -> None:
        if isinstance(node, nodes.Getattr):
            key = node.attr
        elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, (str, int)):
            key = node.arg.value
        else:
            self.refuse(node, f"'{_expression(node)}' reads a key worked out while rendering")
            return
        if isinstance(key, str) and key.startswith("_"):
            self.refuse(node, f"'{_expression(node)}' reaches inside Python")
            return
        if isinstance(node.node, nodes.Name) and node.node.name == "page" and key not in PAGE_ATTRIBUTES:
            self.refuse(node, f"'page.{key}' (a page may read page.meta and page.title)")
            return
        self.expression(node.node, in_loop)

    def call(self, node: nodes.Call, in_loop: bool) -> None:
        name = node.node.name if isinstance(node.node, nodes.Name) else None
        if name not in self.checker.macro_names:
            self.refuse(node, f"'{_expression(node.node)}(...)' calls something that is not a macro")
            return
        arguments = [*node.args, *(k.value for k in node.kwargs)]
        if not node.kwargs and all(isinstance(a, nodes.Const) for a in node.args):
            wrong = self.checker.check_call(name, tuple(a.value for a in node.args))
            if wrong:
                self.problems.append(JinjaProblem(node.lineno, *wrong))
        elif node.kwargs or any(not (isinstance(a, nodes.Const) or isinstance(a, nodes.Name) and a.name in self.literal)
                                for a in arguments):
            # A name the page set to a literal may hold an id, which the macro checks when it runs;
            # anything else (config, page, a value worked out) is never an id.
            shown = ", ".join([*(_expression(a) for a in node.args),
                               *(f"{k.key}={_expression(k.value)}" for k in node.kwargs)])
            self.problems.append(JinjaProblem(node.lineno, f"{name}({shown}) — a macro takes an id written in quotes",
                                              f"write it as {name}(\"the-id\"); CONTRIBUTING.md lists every macro"))

    def filter(self, node: nodes.Filter, in_loop: bool) -> None:
        if node.name not in FILTERS:
            self.refuse(node, f"the filter '{node.name}'")
            return
        if node.kwargs or node.dyn_args or node.dyn_kwargs or not all(isinstance(a, nodes.Const) for a in node.args):
            self.refuse(node, f"the filter '{node.name}' with arguments that are not written out")
            return
        if node.node is not None:
            self.expression(node.node, in_loop)


def _statement_name(node: nodes.Node) -> str:
    names = {nodes.Extends: "extends", nodes.Macro: "macro", nodes.CallBlock: "call", nodes.FilterBlock: "filter",
             nodes.With: "with", nodes.Block: "block", nodes.Scope: "scope", nodes.ScopedEvalContextModifier: "autoescape",
             nodes.ExprStmt: "do", nodes.AssignBlock: "set ... endset", nodes.Assign: "set", nodes.Continue: "continue",
             nodes.Break: "break"}
    return next((word for kind, word in names.items() if isinstance(node, kind)), type(node).__name__.lower())


def _expression(node: nodes.Node) -> str:
    """An expression as an author would recognise it: a name, a dotted name, a value, or 'an expression'."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_expression(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        key = _expression(node.arg)
        return f"{_expression(node.node)}[{key}]"
    if isinstance(node, nodes.Const):
        return repr(node.value) if not isinstance(node.value, str) else f'"{node.value}"'
    if isinstance(node, nodes.Call):
        return f"{_expression(node.node)}(...)"
    if isinstance(node, nodes.Filter):
        return f"... | {node.name}"
    return "an expression"
