"""Asking a site's own search worker questions directly, in the browser page that runs it: the
tests of its rules and of the ranking rule, and tools/engines/compare.py, use it.

It starts the site's worker (assets/playbook/search-worker.js, relative to the page), hands it an
index config and asks each question in turn, by Material's protocol (SETUP 0 -> READY 1,
QUERY 2 -> RESULT 3); every result is returned whole, not only the ten Material shows."""
from __future__ import annotations

ASK = """async ([config, questions]) => {
  const worker = new Worker("assets/playbook/search-worker.js");
  const answer = type => new Promise(done => worker.addEventListener("message", function on(event) {
    if (event.data.type === type) { worker.removeEventListener("message", on); done(event.data); }
  }));
  const ready = answer(1);
  worker.postMessage({ type: 0, data: { config, docs: [], options: {} } });
  await ready;
  const found = [];
  for (const question of questions) {
    const result = answer(3);
    worker.postMessage({ type: 2, data: question });
    const { data } = await result;
    found.push(data.items.map(items => items.map(item => ({ location: item.location, text: item.text }))));
  }
  worker.terminate();
  return found;
}"""


def ask(page, config: dict, questions: list[str]) -> list[list[list[dict]]]:
    """Each question's results: one list per page, of its items ({location, text})."""
    return page.evaluate(ASK, [config, questions])


def pages(results: list[list[dict]]) -> list[str]:
    """The pages of one question's results, in order."""
    return [items[0]["location"].split("#")[0] for items in results]


def fact_page(results: list[list[dict]]) -> str | None:
    """The page of the fact shown first (playbook/search/facts.py), if any."""
    first = results[0] if results else []
    return pages(results)[0] if any("pb-search-fact" in item["text"] for item in first) else None
