"""data/search-synonyms.yml: read and checked like every data file, merged with the glossary into
the groups each site's search reads, and kept from customers where it is marked internal."""
from playbook.stage import search_synonyms
from playbook.stage.audience import for_audience
from tests.unit.test_model import only
from tests.unit.test_plan_data import GLOSSARY, load, problems

SYNONYMS = """\
audience: customer
synonyms:
  - id: kickoff
    words: [Kick-off, kick off, kickoff]
    related: [first meeting]
  - id: customer
    words: [customer]
    related: [client]
  - id: margin
    words: [margin]
    related: [profit]
    audience: internal
"""


def test_groups_are_read_with_their_words_and_related_words(data_dir):
    playbook = load(data_dir, {"search-synonyms.yml": SYNONYMS})
    kickoff = playbook.search_synonyms["kickoff"]
    assert kickoff.words == ("Kick-off", "kick off", "kickoff") and kickoff.related == ("first meeting",)
    assert playbook.search_synonyms["margin"].audience == "internal"


def test_the_glossary_counts_and_a_group_sharing_a_word_extends_its_term(data_dir):
    playbook = load(data_dir, {"glossary.yml": GLOSSARY, "search-synonyms.yml": SYNONYMS})
    groups = search_synonyms.groups(playbook)
    # The glossary's "kickoff" (also written "Kickoff") and the synonyms' group holding "kickoff"
    # are one group, each spelling once, as first written.
    assert {"words": ["kickoff", "Kick-off", "kick off"], "related": ["first meeting"]} in groups
    # An abbreviation and its expansion are one word to search.
    assert {"words": ["RACI", "Responsible, Accountable, Consulted, Informed"], "related": []} in groups
    assert {"words": ["customer"], "related": ["client"]} in groups
    # A term written one way only gives search nothing to join.
    assert not any(g["words"] == ["margin"] and not g["related"] for g in groups)


def test_customers_get_only_the_groups_marked_for_them(data_dir):
    playbook = load(data_dir, {"glossary.yml": GLOSSARY, "search-synonyms.yml": SYNONYMS})
    internal = [w for g in search_synonyms.groups(playbook) for w in g["words"] + g["related"]]
    customer = [w for g in search_synonyms.groups(for_audience(playbook, "customer")) for w in g["words"] + g["related"]]
    assert "profit" in internal and "margin" in internal
    assert "profit" not in customer and "margin" not in customer and "client" in customer


def test_a_word_in_two_groups_is_refused(data_dir):
    text = SYNONYMS.replace("words: [customer]", "words: [customer, Kick Off]")
    problem = only(problems(data_dir, {"search-synonyms.yml": text}))
    assert "the word 'Kick Off' of search synonym 'customer' is already in the group 'kickoff'" in problem.message
    assert problem.line == 6 and "merge the two groups" in problem.fix


def test_a_word_that_is_also_related_in_its_own_group_is_refused(data_dir):
    text = SYNONYMS.replace("related: [client]", "related: [client, Customer]")
    problem = only(problems(data_dir, {"search-synonyms.yml": text}))
    assert "'Customer' is both a word and a related word of search synonym 'customer'" in problem.message


def test_a_group_needs_words_and_the_file_an_audience(data_dir):
    text = SYNONYMS.replace("    words: [customer]\n", "").replace("audience: customer\n", "", 1)
    found = problems(data_dir, {"search-synonyms.yml": text})
    messages = " / ".join(p.message for p in found)
    assert len(found) == 2 and "words" in messages and "audience" in messages, messages
