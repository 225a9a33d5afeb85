"""Project kits: what one implementation hands its customer, made from the playbook and a project file.

    project.py        the project file: its model (pydantic), its JSON Schema, the loader and its checks
    settings.py       extra.projects in mkdocs.yml: where project files live and which processes the kit names
    schedule.py       the project's calendar: working days, phase dates, due dates, milestones
    facts.py          one project's facts as every output shows them (people, dates, RACI with names)
    deck.py           the kickoff deck (.pptx)
    appendix.py       the statement-of-work process appendix (.docx)
    calendar.py       milestones and recurring meetings (.ics)
    project_site.py   the customer site with the project's own page on top, for that project alone
    projects_page.py  the internal site's list of every project
    build.py          `make kit` / `make kits`: site/projects/<id>/, rebuilding only what changed
"""
