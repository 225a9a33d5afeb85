"""A page's front matter, read once and checked against PageFrontMatter: every key at its line,
the body split off, careless and hostile YAML refused with the one true error."""
import datetime

import pytest

from playbook.load import review as page_review
from playbook.load.front_matter import read_front_matter, read_page
from playbook.model.settings import ReviewSettings

TODAY = datetime.date(2026, 11, 25)


def read(front: str, body: str = "# Page\n"):
    return read_front_matter(f"---\n{front}---\n{body}", "docs/page.md")


def review_problems(page) -> list[str]:
    return [str(p) for p in page_review.read_review(page, "docs/page.md", {}, TODAY, ReviewSettings())[1]]


def test_the_values_their_lines_and_the_body():
    page = read("title: Kickoff\naudience: customer\nowner: Delivery team\nlast_reviewed: 2026-11-01\n"
                "short: kickoff\nredirect_from: [old/kickoff.md]\nsearch: {boost: 2}\nhide: [toc]\n", "\n# Body\n")
    assert page.problems == () and page.readable
    values = page.values
    assert (values.title, values.audience, values.short, values.redirect_from) == (
        "Kickoff", "customer", "kickoff", ("old/kickoff.md",))
    assert values.search.boost == 2 and values.hide == ("toc",) and values.last_reviewed == datetime.date(2026, 11, 1)
    assert page.line_of("owner") == 4 and page.line_of("tags") is None
    assert page.body == "\n# Body\n" and page.body_line == 11
    assert read_front_matter("# No front matter\n", "docs/a.md").body == "# No front matter\n"


def test_search_terms_are_for_the_internal_site_unless_said_otherwise():
    plain = read("search_terms: [golive, cutover]\n").values.search_terms
    assert plain.for_site("internal") == ("golive", "cutover") and plain.for_site("customer") == ()
    split = read("search_terms:\n  customer: [go-live]\n  internal: [cutover plan]\n").values.search_terms
    assert split.for_site("customer") == ("go-live",)
    assert split.for_site("internal") == ("go-live", "cutover plan")


@pytest.mark.parametrize("written", ["golive, launch", "{everyone: [x]}", "[golive, '']", "[golive, 3]",
                                     "{customer: golive}"])
def test_search_terms_that_are_not_lists_of_words_are_one_problem(written):
    page = read(f"owner: Team\nsearch_terms: {written}\n")
    assert [str(p) for p in page.problems] == [
        "docs/page.md:3: 'search_terms' must be a list of words or phrases — write it as search_terms: [golive, launch, "
        "cutover] (employees only), or per audience as search_terms: {customer: [golive], internal: [cutover plan]}"]
    assert page.values.owner == "Team" and page.refused == {"search_terms"}  # the other keys still count


def test_an_unknown_key_gets_did_you_mean_and_the_keys_allowed():
    page = read("title: x\naudeince: customer\n")
    assert len(page.problems) == 1
    problem = page.problems[0]
    assert (problem.line, problem.message) == (3, "unknown key 'audeince' in the front matter")
    assert problem.fix.startswith("did you mean 'audience'? the keys allowed here are: title, description, audience,")
    assert page.audience == "internal"  # default deny: a misspelt audience shows the page to nobody outside


@pytest.mark.parametrize("front, line, what", [
    ("short: |\n  kickoff\n", 2, "'short' must be a kebab-case id"),
    ("short: Kick_off\n", 2, "'short' must be a kebab-case id"),
    ("redirect_from: [javascript:alert(1)]\n", 2, "'redirect_from[1]' must be the path of a page in docs/"),
    ("redirect_from: [/old.md]\n", 2, "'redirect_from[1]' must be the path of a page in docs/"),
    ("redirect_from: ['../outside.md']\n", 2, "'redirect_from[1]' must be the path of a page in docs/"),
    ("hide: [sidebar]\n", 2, "'hide[1]' must be one of navigation, toc, footer, path, tags, feedback"),
    ("search: {boost: 0}\n", 2, "'search.boost' must be a positive number"),
    ("review_every_months: 0\n", 2, "'review_every_months' must be a whole number from 1 to 24"),
])
def test_each_key_holds_only_what_it_may(front, line, what):
    page = read(front)
    assert len(page.problems) == 1 and page.problems[0].line == line, page.problems
    assert page.problems[0].message.startswith(what)


@pytest.mark.parametrize("front", ["title: x\n\towner: y\n", "title: [x\n", "- a list\n", "owner: &a [*a]\n",
                                   "just a sentence\n", "title: 2026-02-30\n"])
def test_a_front_matter_that_cannot_be_read_gives_one_problem_and_no_false_ones(front):
    page = read(front)
    assert not page.readable and len(page.problems) == 1, page.problems
    assert review_problems(page) == []  # not also "the page names no owner" and "has no last_reviewed date"
    assert page.audience == "internal"


def test_a_readable_front_matter_still_gets_the_review_rules():
    page = read("title: x\nlast_reviewed: 2099-01-01\n")
    assert page.problems == ()
    assert review_problems(page) == [
        "docs/page.md:1: the page names no owner — add 'owner:' to the front matter: a role id from data/roles.yml "
        "(such as implementation-project-manager) or a team name with capitals (such as Delivery leadership team)",
        "docs/page.md:3: 'last_reviewed' is 2099-01-01, which is in the future — write the day the page was last "
        "reviewed: today (2026-11-25) at the latest"]
    wrong = read("owner: Team\nlast_reviewed: last week\n")
    assert [p.line for p in wrong.problems] == [3] and review_problems(wrong) == []  # said once, by the front matter


def test_an_alias_bomb_in_front_matter_is_refused_at_the_line_where_it_passes_the_limit():
    # 9 ** 9 values if it were read whole: the refusal names the first line past 200,000, so the
    # reader stopped counting there instead of building the value.
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    page = read("title: x\n" + bomb)
    assert [p.line for p in page.problems] == [8] and "more than 200,000 values" in page.problems[0].message


def test_a_page_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "page.md"
    path.write_bytes("---\ntitle: Caf\xe9\n---\n".encode("cp1252"))
    page = read_page(path, "docs/page.md")
    assert [str(p).split(" — ")[0] for p in page.problems] == [
        "docs/page.md:2: the file is not UTF-8 text: the byte 0xe9 (column 11, byte 14 of the file) cannot be read"]
    assert not page.readable and review_problems(page) == []
