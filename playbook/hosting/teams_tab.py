"""The Playbook tab's pages in Teams: teams/index.html (the tab) and teams/signed-in.html (where
the sign-in pop-up lands), staged into the internal site's docs/ as plain files when
extra.teams is set (overrides/playbook/teams-tab.html says what they do and why), with their two
scripts beside them: teams-tab.js and the Teams JavaScript library, MicrosoftTeams.min.js, a
copy of the file of the npm package @microsoft/teams-js pinned in tools/teams/package.json
(tests/hosting/test_teams_app.py compares them), under its MIT licence.

They are the internal site's only paths open without signing in (azure.internal_config): the
tab must load inside Teams' frame before anyone has signed in, and Microsoft's sign-in page
refuses to be framed. They hold no playbook content: a heading, a button and a link.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

FOLDER = "teams"
ASSETS = Path(__file__).resolve().parent / "teams_assets"
SCRIPTS = ("MicrosoftTeams.min.js", "teams-tab.js")
TAB, SIGNED_IN = f"{FOLDER}/index.html", f"{FOLDER}/signed-in.html"
# Static Web Apps' sign-in, back to the page that tells Teams it is done.
SIGN_IN = f"/.auth/login/aad?post_login_redirect_uri=/{SIGNED_IN}"


def tab_files(root: Path, firm: str) -> dict[str, bytes]:
    """The two pages, as paths in docs/ and their bytes."""
    templates = Environment(loader=FileSystemLoader(str(Path(root) / "overrides")), autoescape=True,
                            trim_blocks=True, lstrip_blocks=True)
    page = templates.get_template("playbook/teams-tab.html")
    files = {path: page.render(kind=kind, firm=firm, home="../", sign_in=SIGN_IN).encode("utf-8")
             for path, kind in ((TAB, "tab"), (SIGNED_IN, "signed-in"))}
    files.update((f"{FOLDER}/{name}", (ASSETS / name).read_bytes()) for name in SCRIPTS)
    return files
