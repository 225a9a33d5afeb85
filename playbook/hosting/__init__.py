"""Hosting (issue 14): where the two sites live and who may read them.

    settings   extra.hosting and extra.teams of mkdocs.yml, validated (every mistake at once)
    headers    the security headers, the Content-Security-Policy worked out from the output
    azure      staticwebapp.config.json for each site (Azure Static Web Apps, the default)
    teams      the Teams app package (`make teams-app`)

The build (playbook.pipeline) calls `finish_site` once per rendered site: it adds the host's
config to the site's output. Nothing else of the build knows about hosting.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from playbook.hosting import azure, teams_tab
from playbook.hosting.headers import security_headers
from playbook.model.settings import Hosting
from playbook.problems import Problem

CONFIG_FILE = "mkdocs.yml"


def finish_site(site_dir: Path, audience: str, hosting: Hosting | None, *, styles: Iterable[str] = (),
                style_attributes: Iterable[str] = ()) -> list[Problem]:
    """Write the host's config into a rendered site, from the hosting settings and the inline
    styles its pages hold. Without hosting settings the firm hosts elsewhere: no host config."""
    if hosting is None:
        return []
    headers = security_headers(styles, style_attributes)
    if audience == "internal":
        # The Teams tab's own pages (teams_tab.py), when the stage wrote them: no playbook content,
        # and they must load in Teams' frame before anyone has signed in.
        tab = (Path(site_dir) / teams_tab.TAB).is_file()
        config = azure.internal_config(hosting, headers, (f"/{teams_tab.FOLDER}/*",) if tab else ())
    else:
        config = azure.customer_config(headers)
    size = len(azure.config_text(config).encode("utf-8"))
    if size > azure.MAX_BYTES:
        return [Problem(CONFIG_FILE, None,
                        f"the {audience} site's {azure.CONFIG_NAME} would be {size:,} bytes, over Azure "
                        f"Static Web Apps' limit of {azure.MAX_BYTES:,}: its pages hold "
                        f"{headers['Content-Security-Policy'].count('sha256-')} different inline styles",
                        "move inline styles of pages and templates into the stylesheets under overrides/assets/")]
    azure.write_config(site_dir, config)
    return []
