"""Reading a built site's search index as the search worker reads it: the always-loaded
search/search_index.json and the files split from it (playbook/search/split_index.py)."""
from __future__ import annotations

import json
from pathlib import Path

from playbook.search.stemming import stem


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
        """Every section of every page, in order: {location, title, text}."""
        found = []
        for n, row in enumerate(self.meta["pages"]):
            starts = row[4] if len(row) > 4 else []
            for k in range(len(starts) + 1):
                found += self.data(f"pages/{n}" + (f"-{k}" if k else ""))
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
