"""Reading a built site's search index as the search worker reads it: the always-loaded
search/search_index.json and the files split from it (playbook/search/split_index.py)."""
from __future__ import annotations

import json
from pathlib import Path

from playbook.search.stemming import stem


def _wrap(passages: list[list]) -> str:
    """Passages ([tag, block, html]) back in their elements, as the worker's wrap() puts them."""
    out, open_ = "", None
    for tag, block, markup in passages:
        same = open_ is not None and open_[1] == block
        if open_ is not None and not same:
            out += f"</{open_[0]}>"
        if not same:
            out += f"<{tag}>"
        elif tag == "p":
            out += " … "
        elif tag == "pre":
            out += "\n"
        out += markup if tag in ("p", "pre") else f"<li>{markup}</li>"
        open_ = (tag, block)
    return out + (f"</{open_[0]}>" if open_ is not None else "")


class SearchFiles:
    def __init__(self, site: Path) -> None:
        self.folder = Path(site) / "search"
        self.index = json.loads((self.folder / "search_index.json").read_text(encoding="utf-8"))
        self.config = self.index["config"]
        self.meta = self.config["playbook"]

    def data(self, name: str):
        """The data a file hands to pbSearchData."""
        text = (self.folder / f"{name}.js").read_text(encoding="utf-8")
        assert text.startswith(f"pbSearchData({json.dumps(name)},"), name
        return json.loads(text[text.index(",") + 1:text.rindex(")")])

    @property
    def docs(self) -> list[dict]:
        """Every section of every page, in order: {location, title, text}, its text being its
        passages put back in their elements, as the worker shows them (without marks)."""
        found = []
        for n, row in enumerate(self.meta["pages"]):
            head = self.data(f"pages/{n}")
            passages = list(head["passages"])
            for k in range(1, -(-sum(row[2]) // self.meta["perTextFile"])):
                passages += self.data(f"pages/{n}-{k}")
            at = 0
            for (anchor, title), count in zip(head["sections"], row[2], strict=True):
                found.append({"location": row[0] + (f"#{anchor}" if anchor else ""), "title": title,
                              "text": _wrap(passages[at:at + count])})
                at += count
            assert at == len(passages), row[0]
        return found

    def page_number(self, path: str) -> int:
        return next(n for n, row in enumerate(self.meta["pages"]) if row[0] == path)

    def boost(self, path: str) -> float:
        row = self.meta["pages"][self.page_number(path)]
        return row[3] ** 4 if len(row) > 3 else 1

    def posting(self, token: str) -> dict:
        firsts = self.meta["words"]
        at = max(n for n, first in enumerate(firsts) if first <= token)
        return self.data(f"words/{at}").get(token, {})

    def own_pages(self, word: str) -> set[str]:
        """The pages whose title or search terms hold a word."""
        pages, at = set(), 0
        for delta in self.posting(stem(word.lower())).get("o", []):
            at += delta
            pages.add(self.meta["pages"][at][0])
        return pages

    def facts(self) -> list[dict]:
        return [fact for n in range(self.meta["facts"]) for fact in self.data(f"facts/{n}")]
