"""The site's settings: the `extra:` block of mkdocs.yml, declared once.

playbook/load/settings.py reads them (every mistake at its line); the build and every tool take
the one Settings object it returns, never mkdocs.yml's raw values.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints

from playbook.model.facts import EveryMonths
from playbook.model.types import (
    Colour,
    EditAddress,
    Email,
    FeedbackAddress,
    HttpsAddress,
    Id,
    Means,
    PagePath,
    Record,
    Text,
    WebAddress,
    YesNo,
    list_of,
    whole_number,
)


class Brand(Record):
    """The firm, as customers see it."""

    firm_name: Text = Field(description="the firm's name, in the customer site's header and the feeds")
    customer_site_title: Text = Field(description="follows the firm's name in the customer site's header")
    primary_color: Colour = Field(description='the customer site\'s main colour, "#rrggbb"')
    accent_color: Colour = Field(description='the colour of links and highlights, "#rrggbb"')
    contact_email: Email = Field(description="where customers write; pages show it with {{ brand.contact_email }}")


class ReviewSettings(Record):
    """How often pages are reviewed, unless a page says otherwise."""

    every_months: EveryMonths = Field(6, description="a page is due for review this many months after its last review")
    due_soon_days: whole_number(0, 365) = Field(30, description="a page due within this many days shows as due soon")


class Repository(Record):
    edit_url: EditAddress | None = Field(
        None, description="the address that edits a file, with {path} for the file's path; without it, no edit links")


class NavLink(Record):
    title: Text = Field(description="the link's text in the navigation")
    url: WebAddress = Field(description="where it goes")


class CustomerSite(Record):
    """The customer site: what it is called on the web and where it starts."""

    url: WebAddress = Field(description="the customer site's published address, to pin in a Teams channel or a SOW")
    description: Text = Field(description="one sentence for search engines and link previews")
    home: PagePath = Field("welcome.md", description="the page in docs/ the customer site opens on")
    nav_links: list_of(NavLink, min_items=0) = Field(
        (), description="external links in the navigation that customers may see; every other one stays internal")


class Feedback(Record):
    """Where "tell us what you were looking for" goes when search finds nothing; {query} is the text."""

    internal: FeedbackAddress = Field(description="for employees, on the internal site")
    customer: FeedbackAddress = Field(description="for customers, on the customer site")


Guid = Annotated[str, StringConstraints(pattern=r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"),
                 AfterValidator(str.lower), Means("a GUID (8-4-4-4-12 hexadecimal digits)",
                       "copy the id as Azure shows it, such as 4d3c2b1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d", short="GUID")]
# Azure Static Web Apps role names: letters, digits and _; never `anonymous`, which would let
# everyone read the internal site.
def _not_anonymous(role: str) -> str:
    if role == "anonymous":
        raise ValueError("'anonymous' would let everyone read the internal site")
    return role


ReaderRole = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]+$"), AfterValidator(_not_anonymous), Means(
    "a Static Web Apps role name of letters, digits and _ (anonymous would let everyone in)",
    "list 'authenticated' or role names such as 'employee'", short="role name")]
AppSetting = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$"), Means(
    "an application setting name (letters, digits and _)", "name the application setting, such as AZURE_CLIENT_ID",
    short="setting name")]
Version = Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$"), Means(
    "a version such as 1.0.0", "write three numbers, such as 1.0.1", short="version, 1.0.0")]
ShortName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30), Means(
    "a name of at most 30 characters", "use a name of at most 30 characters")]


class Hosting(Record):
    """Azure Static Web Apps, one app per site: the internal one behind Microsoft Entra ID."""

    entra_tenant_id: Guid = Field(
        description="the firm's Microsoft Entra ID tenant (Directory (tenant) ID): only its accounts can sign in "
                    "to the internal site")
    reader_roles: list_of(ReaderRole) = Field(
        ("authenticated",), description="who may read the internal site once signed in: `authenticated` is everyone "
                                        "the tenant lets sign in to the app; other names are roles given by invitation")
    client_id_setting: AppSetting = Field(
        "AZURE_CLIENT_ID", description="the Static Web App's application setting holding the app registration's id")
    client_secret_setting: AppSetting = Field(
        "AZURE_CLIENT_SECRET", description="the application setting holding the app registration's secret")

    @property
    def open_id_issuer(self) -> str:
        # Entra ID v2 endpoints of this one tenant: accounts of other tenants cannot sign in.
        return f"https://login.microsoftonline.com/{self.entra_tenant_id}/v2.0"


class Teams(Record):
    """The Teams app package (`make teams-app`): its identity and the pages Teams requires."""

    app_id: Guid = Field(description="the app's id in Teams; generate one GUID once and keep it for every version")
    version: Version = Field("1.0.0", description="the package's version; raise it for every package uploaded again")
    short_name: ShortName = Field("Playbook", description="the app's name in Teams (at most 30 characters)")
    privacy_url: HttpsAddress = Field(description="the firm's privacy statement (Teams requires one)")
    terms_url: HttpsAddress = Field(description="the terms of use (Teams requires them)")


# Static Web Apps' rolesSource: a function of the app's own API.
ApiPath = Annotated[str, StringConstraints(pattern=r"^/api/[A-Za-z0-9_-]+$"), Means(
    "a path of the app's API, such as /api/GetRoles", "write the function's path, such as /api/GetRoles",
    short="/api/ path")]


class Projects(Record):
    """Project kits (`make kit`, `make kits`): where the project files are, and which parts of the
    playbook a kit names."""

    folder: Text = Field("projects", description="the folder of project files, relative to mkdocs.yml or absolute; "
                                                 "PLAYBOOK_PROJECTS overrides it for one run")
    kickoff_phase: Id = Field("kickoff", description="the phase whose first day is a project's kickoff date")
    go_live_phase: Id = Field("go-live", description="the phase whose last day is a project's go-live date")
    change_process: Id = Field("change-request", description="the process the kit shows as change control")
    escalation_path: Id = Field("standard", description="the escalation path the kit shows")
    top_change_impacts: whole_number(1, 20) = Field(5, description="how many change impacts the deck shows")
    site_url: HttpsAddress | None = Field(
        None, description="the projects app's address (docs/hosting.md): each project's page is published at "
                          "<site_url>/<id>/your-project/, behind sign-in, and the deck, appendix and calendar print it")
    employee_role: ReaderRole = Field(
        "employee", description="the Static Web Apps role of employees in the projects app: they open every "
                                "project's page; a project's customers hold that project's role only")

    roles_source: ApiPath | None = Field(
        None, description="the path of a role-assignment function (Static Web Apps' rolesSource, such as "
                          "/api/GetRoles) that gives people their project roles from Entra ID groups; without it, "
                          "roles are given by invitation")

    def page_url(self, project_id: str) -> str:
        """Where a project's own page is published; "" while the projects app has no address."""
        return f"{self.site_url.rstrip('/')}/{project_id}/your-project/" if self.site_url else ""


class Settings(Record):
    """Everything under `extra:` in mkdocs.yml."""

    model_config = ConfigDict(title="Site settings (extra: in mkdocs.yml)")

    brand: Brand = Field(description="the firm's name and colours")
    review: ReviewSettings = Field(ReviewSettings(), description="how often pages are reviewed")
    repository: Repository = Field(Repository(), description="where pages are edited")
    customer_site: CustomerSite = Field(description="the customer site")
    feedback: Feedback = Field(description="where search feedback goes")
    generator: YesNo = Field(True, description="Material's 'Made with Material' line; false leaves the footer ours")
    hosting: Hosting | None = Field(None, description="where the sites are hosted (docs/hosting.md); without it, no "
                                                      "host configuration is written")
    teams: Teams | None = Field(None, description="the Teams app (`make teams-app`)")
    projects: Projects = Field(Projects(), description="project kits (`make kit`, `make kits`; projects/README.md)")
