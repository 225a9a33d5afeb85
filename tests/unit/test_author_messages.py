from playbook.render.engine_messages import SiteFacts, rewrite

PAGES = {"phases/kickoff.md": "# Kickoff\n\nSee [plan](../plan.md) and [go](go-live.md#who-does-waht).\n{{ x }\n",
         "phases/go-live.md": "# Go-live\n"}
SITE = SiteFacts(PAGES.get, list(PAGES), lambda page: ["who-does-what", "purpose"])


def test_missing_page_gets_line_guess_and_fix():
    message = ("Doc file 'phases/kickoff.md' contains a link 'go-lve.md', but the target 'phases/go-lve.md' is not "
               "found among documentation files.")
    PAGES["phases/kickoff.md"] += "[x](go-lve.md)\n"
    better = rewrite(message, SITE)
    assert better.startswith("docs/phases/kickoff.md:5: the link 'go-lve.md' points to a page that does not exist")
    assert "did you mean 'go-live.md'?" in better


def test_mkdocs_own_suggestion_is_kept():
    message = ("Doc file 'phases/kickoff.md' contains a link '../plan.md', but the target 'plan.md' is not found "
               "among documentation files. Did you mean 'go-live.md'?")
    assert "did you mean 'go-live.md'?" in rewrite(message, SITE)


def test_missing_anchor_suggests_the_closest_heading():
    message = ("Doc file 'phases/kickoff.md' contains a link 'go-live.md#who-does-waht', but the doc "
               "'phases/go-live.md' does not contain an anchor '#who-does-waht'.")
    better = rewrite(message, SITE)
    assert better.startswith("docs/phases/kickoff.md:3: the link 'go-live.md#who-does-waht'")
    assert "did you mean '#who-does-what'?" in better


def test_jinja_syntax_error_points_at_the_exact_line():
    message = ("ERROR # _Macro Syntax Error_\n\n_File_: `phases/kickoff.md`\n\n_Line 3 in Markdown file:_ "
               "**unexpected '}'**\n```markdown\n{{ x }\n```")
    better = rewrite(message, SITE)
    assert better.startswith("docs/phases/kickoff.md:4: Jinja syntax error: unexpected '}'")


def test_other_messages_are_left_alone():
    assert rewrite("Documentation built in 0.4 seconds", SITE) is None


def test_pages_missing_from_the_nav_are_each_named_with_the_fix():
    message = ('The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
               "  - a page é.md\n  - x.md/index.md")
    assert rewrite(message, SITE).split("\n") == [
        "docs/a page é.md: this page is in no entry of the nav in mkdocs.yml, so readers cannot reach it from the "
        "menu — add it under nav: in mkdocs.yml, or delete the file",
        "docs/x.md/index.md: this page is in no entry of the nav in mkdocs.yml, so readers cannot reach it from the "
        "menu — add it under nav: in mkdocs.yml, or delete the file"]


def test_a_macro_that_fails_when_the_page_runs_it_gets_its_line():
    pages = {"phases/go-live.md": "# Go-live\n\n{% set x = 'nope' %}\n{{ checklist(x) }}\n"}
    site = SiteFacts(pages.get, list(pages), lambda page: [])
    better = rewrite("docs/phases/go-live.md: checklist(\"nope\") — there is no checklist with id 'nope'", site)
    assert better == "docs/phases/go-live.md:4: checklist(\"nope\") — there is no checklist with id 'nope'"
