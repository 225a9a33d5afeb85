"""The projects app: one Azure Static Web App holding every project's own site, each at /<id>/,
where only that project's people can open it (docs/hosting.md, "The projects app").

    /<id>/...                 the project's customer site with its page first (site/projects/<id>/site/)
    /index.html, /404.html    a page that names no project: how to open yours
    /staticwebapp.config.json sign-in with the firm's Entra ID tenant on every path; a route rule
                              per project allowing that project's role and employees; the rest
                              employees only

Customers are guests (Entra ID B2B) of the firm's tenant, so they sign in where employees do;
what they may open is the role they hold: invited to the app with the project's role
(`project_role`), or given it by the documented role-assignment function (`rolesSource`,
extra.projects.roles_source). Azure reads a config of at most 20 KB: written without spaces,
each project's rule costs about 70 bytes and its id, so one app holds about 180 projects with
ids of 35 characters; more stop the kit build with the fix (a second app).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

from jinja2 import Environment

from playbook.hosting import azure
from playbook.hosting.headers import security_headers
from playbook.model.settings import Hosting, Projects
from playbook.problems import Problem

APP = "projects-app"
FORBIDDEN = "forbidden.html"
ROLE_LENGTH = 25   # "at most 25 characters, 0-9, A-Z, a-z and _" (az staticwebapp users invite --roles)


def project_role(project_id: str) -> str:
    """The Static Web Apps role that opens one project's page: 'p_' and the id with underscores,
    shortened with a hash of the id when that would pass Azure's 25 characters."""
    role = "p_" + project_id.replace("-", "_")
    if len(role) <= ROLE_LENGTH:
        return role
    digest = hashlib.sha256(project_id.encode()).hexdigest()[:6]
    return f"{role[:ROLE_LENGTH - 7]}_{digest}"


def app_config(hosting: Hosting, projects: Projects, project_ids: list[str], headers: dict[str, str]) -> dict[str, Any]:
    internal = azure.internal_config(hosting, headers)
    auth = internal["auth"]
    if projects.roles_source:
        auth = {**auth, "rolesSource": projects.roles_source}
    employees = projects.employee_role
    routes = [{"route": f"/{project_id}/*", "allowedRoles": [project_role(project_id), employees]}
              for project_id in project_ids]
    # The page that says "not your project" (and the root's page) open to anyone signed in.
    routes += [{"route": f"/{name}", "allowedRoles": ["authenticated"]} for name in (FORBIDDEN, "index.html", "")]
    routes.append({"route": "/*", "allowedRoles": [employees]})
    return {
        "auth": auth,
        "routes": routes,
        "responseOverrides": {**internal["responseOverrides"], "403": {"rewrite": f"/{FORBIDDEN}"}},
        "globalHeaders": internal["globalHeaders"],
    }


def config_text(config: dict[str, Any]) -> str:
    # Without spaces: the size of this file grows with every project (see the module).
    return json.dumps(config, separators=(",", ":"), ensure_ascii=False) + "\n"


def _shared_headers(projects_folder: Path, project_ids: list[str]) -> dict[str, str] | None:
    """The headers every project's site was rendered with, when they are one and the same (one
    theme, one build): read from each kit's own config, so a kit build does not read every page
    of every project again. None when they differ or are missing; then the app's pages are read."""
    found = set()
    for project_id in project_ids:
        config = projects_folder / project_id / "site" / azure.CONFIG_NAME
        if not config.is_file():
            return None
        found.add(json.dumps(json.loads(config.read_text(encoding="utf-8")).get("globalHeaders"), sort_keys=True))
    return json.loads(found.pop()) if len(found) == 1 else None


def assemble(projects_folder: Path, app: Path, project_ids: list[str], templates: Environment,
             hosting: Hosting | None, projects: Projects, brand_name: str) -> list[Problem]:
    """Make the app's folder from the published kits (hard links: nothing is copied)."""
    app.mkdir(parents=True)
    headers = _shared_headers(projects_folder, project_ids)
    for project_id in project_ids:
        site = projects_folder / project_id / "site"
        shutil.copytree(site, app / project_id, copy_function=os.link,
                        ignore=shutil.ignore_patterns(azure.CONFIG_NAME))
    page = templates.get_template("playbook/projects-app-page.html")
    for name, kind in (("index.html", "home"), ("404.html", "missing"), (FORBIDDEN, "forbidden")):
        (app / name).write_text(page.render(kind=kind, firm=brand_name), encoding="utf-8")
    if hosting is None:
        return []
    config = app_config(hosting, projects, project_ids, headers or security_headers())
    text = config_text(config)
    size = len(text.encode("utf-8"))
    if size > azure.MAX_BYTES:
        return [Problem("mkdocs.yml", None, f"the projects app's {azure.CONFIG_NAME} would be {size:,} bytes for "
                        f"{len(project_ids)} projects, over Azure Static Web Apps' limit of {azure.MAX_BYTES:,}",
                        "split the projects between two apps (two projects folders, each with its own "
                        "extra.projects.site_url), as docs/hosting.md explains")]
    (app / azure.CONFIG_NAME).write_text(text, encoding="utf-8")
    return []


