from playbook.load.data_folder import load_playbook
from playbook.load.front_matter import read_front_matter
from playbook.stage import nav as navigation
from playbook.stage.generated_pages import role_pages
from tests.sites import FIXTURES

NAV = [
    {"Home": "index.md"},
    {"Guide": ["guide/index.md", {"Secret": "guide/secret.md"}]},
    {"Roles": ["roles/index.md", {"Why": "roles/why.md"}]},
    {"Elsewhere": "https://example.com/"},
]


def test_generated_pages_go_right_after_their_index():
    nav, found = navigation.insert_after(NAV, "roles/index.md", [{"PM": "roles/pm.md"}])
    assert found
    assert nav[2] == {"Roles": ["roles/index.md", {"PM": "roles/pm.md"}, {"Why": "roles/why.md"}]}
    assert NAV[2] == {"Roles": ["roles/index.md", {"Why": "roles/why.md"}]}  # the input is not changed
    assert navigation.insert_after(NAV, "missing.md", [])[1] is False


def test_prune_keeps_allowed_pages_and_external_links_and_drops_empty_sections():
    nav = navigation.prune(NAV, {"index.md", "roles/index.md"})
    assert nav == [{"Home": "index.md"}, {"Roles": ["roles/index.md"]}, {"Elsewhere": "https://example.com/"}]
    # An external link reaches the customer nav only where it is marked for customers.
    assert navigation.prune(NAV, {"index.md"}, allowed_links=set()) == [{"Home": "index.md"}]
    assert navigation.prune(NAV, {"index.md"}, allowed_links={"https://example.com/"}) == [
        {"Home": "index.md"}, {"Elsewhere": "https://example.com/"}]


def test_front_matter_audience_is_default_deny():
    assert read_front_matter("# No front matter\n", "a.md").audience == "internal"
    assert read_front_matter("---\ntitle: x\n---\n", "a.md").audience == "internal"
    page = read_front_matter("---\ntitle: x\naudience: customer\n---\n\n# Body\n", "a.md")
    assert page.audience == "customer" and page.body_line == 5 and not page.problems


def test_front_matter_mistakes_name_the_line():
    typo = read_front_matter("---\ntitle: x\naudience: customers\n---\n", "docs/a.md")
    assert typo.audience == "internal"
    assert str(typo.problems[0]).startswith("docs/a.md:3: unknown audience 'customers'")
    broken = read_front_matter("---\ntitle: [x\n---\n", "docs/a.md")
    assert broken.problems[0].line == 3 and "YAML syntax error" in broken.problems[0].message


def test_role_pages_are_macro_calls_only_and_carry_their_title_as_plain_text():
    pages = role_pages(load_playbook(FIXTURES / "mini" / "data"))
    assert [p.src for p in pages][:2] == ["roles/project-manager.md", "roles/finance-partner.md"]
    page = pages[3]
    assert page.title == 'Consultant <script>alert("x")</script>'  # the stage escapes it where it lands
    assert page.body.startswith('{{ role_page("consultant") }}') and '{{ role_card("consultant") }}' in page.body
    assert "<script>" not in page.body and page.source == "data/roles.yml"
