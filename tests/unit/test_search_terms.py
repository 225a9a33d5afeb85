"""playbook.search_terms: front matter synonyms into Material's search index."""
import json

from playbook.render import search_terms

INDEX = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
               "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}},
    "docs": [
        {"location": "phases/go-live/", "title": "Go-live", "text": "<p>Cutover.</p>", "boost": 2},
        {"location": "phases/go-live/#checklist", "title": "Checklist", "text": "<p>Items</p>", "boost": 2},
        {"location": "faq/", "title": "FAQ", "text": ""},
    ],
}


def test_terms_go_on_the_page_entry_only_in_their_own_field():
    out = search_terms.add_terms(INDEX, {"phases/go-live/": ["go-live", "launch", "cutover"]})
    page, section, other = out["docs"]
    assert page["terms"] == "go-live golive launch cutover"
    assert page["text"] == "<p>Cutover.</p>" and page["boost"] == 2  # the page itself is untouched
    assert "terms" not in section and "terms" not in other
    assert out["config"]["fields"]["terms"] == {"boost": search_terms.FIELD_BOOST}
    assert "terms" not in INDEX["config"]["fields"] and "terms" not in INDEX["docs"][0]  # input unchanged


def test_without_terms_the_index_is_written_exactly_as_material_wrote_it():
    original = json.dumps(INDEX, separators=(",", ":"))
    assert search_terms.dumps(search_terms.add_terms(json.loads(original), {})) == original


def test_the_rewrite_is_deterministic():
    terms = {"faq/": ["RAID", "risk register"], "phases/go-live/": ["golive"]}
    first = search_terms.dumps(search_terms.add_terms(INDEX, terms))
    assert first == search_terms.dumps(search_terms.add_terms(INDEX, dict(reversed(terms.items()))))
    assert '"terms":"RAID risk register"' in first


def test_expand_adds_joined_spellings_and_drops_duplicates():
    assert search_terms.expand(["kick-off", "kickoff", "go  live", "cut-over"]) == \
        ["kick-off", "kickoff", "go live", "cut-over", "cutover"]
