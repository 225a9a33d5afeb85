"""staticwebapp.config.json for each site: Azure Static Web Apps, the default deployment.

Each site is its own Static Web App (two apps, two addresses), so each gets its own config,
written into the root of the site's output where the deploy action picks it up:

- internal: custom Microsoft Entra ID sign-in for the firm's one tenant (the issuer names the
  tenant, so no other organisation's or personal account can sign in), and one route rule for
  every path, `/*`, that admits only the reader roles. Pages, the search index, the sitemap, the
  feed, assets and the 404 page are all behind it; nothing is served anonymously. A visitor
  without a session gets the 401, which is answered with a redirect to the sign-in, back to the
  page asked for afterwards (`.referrer`). Custom sign-in needs the Standard plan.
- customer: no rules; anyone with the address may read it.

Both send the security headers (headers.py) with every response, and their own 404 page.
Azure refuses a config file over 20 KB; a config that would pass it is a problem to fix, not a
file to deploy.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playbook.model.settings import Hosting

CONFIG_NAME = "staticwebapp.config.json"
MAX_BYTES = 20 * 1024   # "Max file size is 20 KB" (Configure Azure Static Web Apps, Restrictions)
LOGIN = "/.auth/login/aad"


def internal_config(hosting: Hosting, headers: dict[str, str], open_paths: tuple[str, ...] = ()) -> dict[str, Any]:
    """open_paths: routes anyone may open, before the rule for every path (the Teams tab's pages)."""
    return {
        "auth": {
            "identityProviders": {
                "azureActiveDirectory": {
                    "registration": {
                        "openIdIssuer": hosting.open_id_issuer,
                        "clientIdSettingName": hosting.client_id_setting,
                        "clientSecretSettingName": hosting.client_secret_setting,
                    },
                },
            },
        },
        "routes": [
            *({"route": route, "allowedRoles": ["anonymous"]} for route in open_paths),
            {"route": "/*", "allowedRoles": list(hosting.reader_roles)},
        ],
        "responseOverrides": {
            "401": {"redirect": f"{LOGIN}?post_login_redirect_uri=.referrer", "statusCode": 302},
            "404": {"rewrite": "/404.html"},
        },
        "globalHeaders": dict(headers),
    }


def customer_config(headers: dict[str, str]) -> dict[str, Any]:
    return {
        "responseOverrides": {"404": {"rewrite": "/404.html"}},
        "globalHeaders": dict(headers),
    }


def config_text(config: dict[str, Any]) -> str:
    return json.dumps(config, indent=2, ensure_ascii=False) + "\n"


def write_config(site_dir: Path, config: dict[str, Any]) -> Path:
    target = Path(site_dir) / CONFIG_NAME
    target.write_text(config_text(config), encoding="utf-8")
    return target
