"""Each page's mistakes that need neither the data nor the settings: its internal passages and
its Jinja (syntax, names that are not defined).

When data/ or the settings have problems the build stops before staging; load_sources adds
these so that one build still lists every page's mistakes with the data's. (Macro ids and
includes need the data: the stage checks them with the same checker.)
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from playbook.load import markdown_text, passages
from playbook.load.jinja_check import Delimiters, JinjaChecker
from playbook.load.pages import SourcePage
from playbook.present import macro_table
from playbook.problems import Problem


def page_problems(config: Mapping[str, Any], pages: Iterable[SourcePage]) -> list[Problem]:
    checker = JinjaChecker(Delimiters.of_config(config), macro_table.page_variables("internal"), macro_table.MACROS,
                           lambda *_: None, lambda _: None)
    problems: list[Problem] = []
    for page in pages:
        _passages, refused = passages.find(list(page.body), page.body_line)
        problems += [Problem(page.display, r.line, r.message, r.fix) for r in refused]
        lines = markdown_text.shield_code_from_macros(list(page.body))
        body = "\n".join(lines)
        if markdown_text.has_jinja(body) and page.front_matter.values.render_macros is not False:
            for wrong in checker.check(body, page_names=set(page.front_matter.key_lines) | {"pb"}):
                problems.append(Problem(page.display, page.body_line + min(wrong.line, len(lines)) - 1, wrong.message,
                                        wrong.fix))
    return problems
