"""The site settings: `extra:` in mkdocs.yml, read once into Settings, every mistake at its line;
and mkdocs.yml itself, read without running anything and written back with its tags."""

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from playbook.load.mkdocs_yml import check_config, read_mkdocs_yml, write_mkdocs_yml
from playbook.load.settings import read_settings
from playbook.load.yaml_source import Tagged
from playbook.problems import PlaybookError
from tests.sites import FIXTURES, ROOT

CONFIG = """\
site_name: Test
plugins:
  - offline:
      enabled: !ENV [OFFLINE, false]
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  brand:
    firm_name: Firm
    customer_site_title: Guide
    primary_color: "#123456"
    accent_color: "#abcdef"
    contact_email: hello@firm.example
  customer_site:
    url: https://guide.firm.example/
    description: The guide.
  feedback:
    internal: "mailto:playbook@firm.example?subject={query}"
    customer: "https://firm.example/issues/new?title={query}"
"""


def settings_of(tmp_path, text):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    return read_settings(tmp_path)


def problems_of(tmp_path, text) -> list[str]:
    with pytest.raises(PlaybookError) as caught:
        settings_of(tmp_path, text)
    assert str(caught.value).startswith("The site settings has")
    return [str(p) for p in caught.value.problems]


def test_the_real_and_the_fixture_settings_read_with_their_defaults():
    real = read_settings(ROOT)
    assert real.brand.firm_name == "Meridian Consulting" and real.customer_site.home == "welcome.md"
    assert real.review.every_months == 6 and real.generator is False
    mini = read_settings(FIXTURES / "mini")
    assert mini.customer_site.home == "index.md" and mini.review.due_soon_days == 30  # the default
    assert mini.repository.edit_url == "https://git.mini.example/playbook/edit/main/{path}"


def test_defaults_fill_what_is_left_out(tmp_path):
    settings = settings_of(tmp_path, CONFIG)
    assert (settings.review.every_months, settings.review.due_soon_days) == (6, 30)
    assert settings.repository.edit_url is None and settings.customer_site.nav_links == ()
    assert settings.customer_site.home == "welcome.md"


def test_a_colour_that_is_no_colour_names_its_line_and_the_form(tmp_path):
    found = problems_of(tmp_path, CONFIG.replace('primary_color: "#123456"', "primary_color: blue"))
    assert found == ["mkdocs.yml:12: 'extra.brand.primary_color' must be a colour written as \"#rrggbb\", not 'blue' "
                     "— write a colour as \"#rrggbb\" (in quotes), such as \"#1d3557\""]


def test_every_mistake_at_once_with_did_you_mean(tmp_path):
    text = (CONFIG.replace("  customer_site:", "  customer_sit:")
            + "  review:\n    every_months: 0\n    due_soon_dayz: 10\n")
    found = problems_of(tmp_path, text)
    assert found == [
        "mkdocs.yml:15: unknown key 'customer_sit' in 'extra' — did you mean 'customer_site'? the keys allowed here "
        "are: brand, review, repository, customer_site, feedback, generator, hosting, teams, projects",
        "mkdocs.yml:22: 'extra.review.every_months' must be a whole number from 1 to 24, not the number 0 — write a "
        "whole number such as 1, without quotes",
        "mkdocs.yml:23: unknown key 'due_soon_dayz' in 'extra.review' — did you mean 'due_soon_days'? the keys allowed "
        "here are: every_months, due_soon_days"]


def test_a_missing_block_is_named(tmp_path):
    found = problems_of(tmp_path, CONFIG[:CONFIG.index("  feedback:")])
    assert found == ["mkdocs.yml:9: 'extra' is missing the required key 'feedback' — add 'feedback:' (where search "
                     "feedback goes)"]
    assert problems_of(tmp_path, "site_name: x\n") == [
        "mkdocs.yml: there is no 'extra:' block with the site's settings — add one: README.md, 'Site settings', "
        "lists every key"]


@pytest.mark.parametrize("old, new, line", [
    ("url: https://guide.firm.example/", "url: javascript:alert(1)", 16),
    ("url: https://guide.firm.example/", "url: data:text/html,hi", 16),
    ('internal: "mailto:playbook@firm.example?subject={query}"', 'internal: "vbscript:x{query}"', 19),
    ('customer: "https://firm.example/issues/new?title={query}"', 'customer: "https://firm.example/issues/new"', 20),
    ("description: The guide.", "description: The guide.\n    nav_links: [{title: X, url: 'javascript:x'}]", 18),
    ("extra:\n", "extra:\n  repository: {edit_url: 'https://git.example/edit/main/'}\n", 9),
])
def test_addresses_are_http_https_or_mailto_and_say_what_they_need(tmp_path, old, new, line):
    found = problems_of(tmp_path, CONFIG.replace(old, new))
    assert len(found) == 1 and found[0].startswith(f"mkdocs.yml:{line}: 'extra."), found


def test_mkdocs_yml_is_read_without_running_its_tags_and_written_back_with_them(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    config, problems = read_mkdocs_yml(tmp_path / "mkdocs.yml")
    assert problems == []
    assert config["plugins"][0]["offline"]["enabled"] == Tagged("!ENV", ["OFFLINE", False])
    assert config.line_of("extra") == 8
    written = write_mkdocs_yml(config)
    assert "enabled: !ENV [OFFLINE, false]" in written
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in written
    assert read_mkdocs_yml_text(tmp_path, written) == config
    # MkDocs reads the written file exactly as it reads the original.
    assert yaml.load(written, Loader=get_yaml_loader()) == yaml.load(CONFIG, Loader=get_yaml_loader())


def read_mkdocs_yml_text(tmp_path, text):
    (tmp_path / "again.yml").write_text(text, encoding="utf-8")
    return read_mkdocs_yml(tmp_path / "again.yml")[0]


def test_the_real_mkdocs_yml_survives_a_round_trip(tmp_path):
    config, problems = read_mkdocs_yml(ROOT / "mkdocs.yml")
    assert problems == []
    written = write_mkdocs_yml(config)
    assert read_mkdocs_yml_text(tmp_path, written) == config
    original = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    assert yaml.load(written, Loader=get_yaml_loader()) == original


def test_a_hostile_mkdocs_yml_is_refused_quickly(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    found = problems_of(tmp_path, CONFIG + bomb)
    assert len(found) == 1 and "more than 200,000 values" in found[0]
    assert problems_of(tmp_path, "extra: !!python/object/apply:os.system [ls]\n") == [
        "mkdocs.yml:1: 'extra' must be a block of keys, not a value tagged !!python/object/apply:os.system — "
        "indent the keys of this block under it"]


@pytest.mark.parametrize("old, new, line", [
    ("url: https://guide.firm.example/", 'url: "https://guide.firm.example/\\"><svg onload=alert(1)>"', 16),
    ("url: https://guide.firm.example/", "url: \"https://guide.firm.example/'onmouseover='x\"", 16),
    ("contact_email: hello@firm.example", 'contact_email: "x\\"onmouseover=alert(1)@firm.example"', 14),
    ('customer: "https://firm.example/issues/new?title={query}"', 'customer: "https://firm.example/<b>?title={query}"', 20),
])
def test_an_address_holds_no_character_that_could_end_its_attribute(tmp_path, old, new, line):
    found = problems_of(tmp_path, CONFIG.replace(old, new))
    assert len(found) == 1 and found[0].startswith(f"mkdocs.yml:{line}: 'extra."), found


def config_problems(tmp_path, text) -> list[str]:
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    config, problems = read_mkdocs_yml(tmp_path / "mkdocs.yml")
    assert problems == []
    return [str(p) for p in check_config(config)]


def test_the_real_and_the_fixture_configs_hold_only_what_the_theme_may_print():
    for folder in (ROOT, FIXTURES / "mini", FIXTURES / "complete"):
        config, _ = read_mkdocs_yml(folder / "mkdocs.yml")
        assert check_config(config) == [], folder


@pytest.mark.parametrize("written, expected", [
    ("site_url: javascript://x.example/%0aalert(1)\n",
     "mkdocs.yml:1: 'site_url' is 'javascript://x.example/%0aalert(1)', whose 'javascript:' scheme"),
    ('repo_url: "https://git.example/\\"><script>x</script>"\n', "mkdocs.yml:1: 'repo_url' is"),
    ("site_url: playbook.example.com\n", "mkdocs.yml:1: 'site_url' is 'playbook.example.com', which is no web address"),
    ("edit_uri: \"javascript:alert(1)//\"\n", "mkdocs.yml:1: 'edit_uri' is"),
    ("nav:\n  - Home: index.md\n  - Portal: 'javascript://x/%0aalert(1)'\n",
     "mkdocs.yml:3: the nav entry 'Portal' is 'javascript://x/%0aalert(1)', whose 'javascript:' scheme"),
    ("nav:\n  - Home: index.md\n  - Section:\n      - Out: 'https://x.example/\" onmouseover=\"alert(1)'\n",
     "mkdocs.yml:4: the nav entry 'Out' is"),
    ("nav:\n  - 'data:text/html,<script>alert(1)</script>'\n", "mkdocs.yml:2: a nav entry is 'data:text/html,"),
    ("extra_javascript:\n  - ok.js\n  - 'data:text/javascript,alert(1)'\n",
     "mkdocs.yml:3: 'extra_javascript[2]' is 'data:text/javascript,alert(1)', whose 'data:' scheme"),
    ("extra_css:\n  - path: 'a.css\" onload=\"alert(1)'\n", "mkdocs.yml:2: 'extra_css[1]' is"),
    ("theme:\n  name: material\n  palette:\n    primary: 'indigo\" onmouseover=\"alert(1)'\n",
     "mkdocs.yml:4: 'theme.palette.primary' holds '\"', which the theme would print into the page's markup"),
    ("theme:\n  name: material\n  font:\n    text: \"Roboto</style><script>alert(1)</script>\"\n",
     "mkdocs.yml:4: 'theme.font.text' holds '<'"),
    ("theme:\n  name: material\n  logo: 'javascript:alert(1)'\n", "mkdocs.yml:3: 'theme.logo' is 'javascript:alert(1)'"),
    ("markdown_extensions:\n  - toc:\n      permalink_title: '<img src=x onerror=alert(1)>'\n",
     "mkdocs.yml:3: 'markdown_extensions[1].toc.permalink_title' holds '<'; the theme shows this title in a "
     "tooltip, as HTML"),
])
def test_what_the_theme_prints_from_mkdocs_yml_is_an_address_or_a_name(tmp_path, written, expected):
    found = config_problems(tmp_path, written)
    assert len(found) == 1 and found[0].startswith(expected), found
    assert " — " in found[0]


def test_addresses_and_names_the_theme_accepts_pass(tmp_path):
    assert config_problems(tmp_path, (
        "site_url: https://playbook.example.com/\nrepo_url: https://git.example/org/repo\nedit_uri: edit/main/docs/\n"
        "extra_javascript:\n  - path: assets/app.js\n    type: module\n  - https://cdn.example/x.js\n"
        "theme:\n  name: material\n  logo: assets/logo.svg\n  font:\n    text: Source Sans Pro\n"
        "  palette:\n    - media: '(prefers-color-scheme: dark)'\n      scheme: slate\n"
        "nav:\n  - Home: index.md\n  - Mail us: mailto:team@example.com\n  - Site: https://example.com/a_b?c=d#e\n"
        "  - folder/page.md\n")) == []
