"""Where a rendered page states a fact: the ids of its elements marked data-pb-fact (the matrix
rows, the communication plan's rows, a phase's facts, a process's needs; overrides/playbook/).
Search links a fact only to an id found here, so its link always lands (playbook/search/facts.py)."""
from __future__ import annotations

import re
from html import unescape

_MARKED = re.compile(r"<[a-zA-Z][^>]*\sdata-pb-fact(?=[\s>=])[^>]*>")
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")


def fact_anchors(html: str) -> frozenset[str]:
    """The ids of the elements of a page's content marked data-pb-fact."""
    if "data-pb-fact" not in html:
        return frozenset()
    found = set()
    for tag in _MARKED.finditer(html):
        match = _ID.search(tag.group())
        if match:
            found.add(unescape(next(g for g in match.groups() if g is not None)))
    return frozenset(found)
