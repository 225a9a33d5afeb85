"""A synthetic playbook at handbook scale, for `make bench`: pages, data and config, in a folder.

The project it writes is shaped like the real one and reuses its code: overrides/ is copied from
this repository, mkdocs.yml is the real one with only its `nav:` replaced, and data/roles.yml is
copied as it is. Only docs/ and the rest of data/ are made up:

- N handbook pages of about 770 words, each with a table, an admonition, a task list and three
  links to other pages, in about 12 top-level sections of topics of ~8 pages each;
- about 30% of the pages are `audience: customer`, and customer pages link only customer pages
  (internal cross-links sit in `/// internal` blocks, as the default-deny rule asks);
- one process per ~3 pages, with RACI, each with a checklist, shown on its page with the real
  macros (raci_matrix, checklist, phase_facts, role_card, lifecycle, role_list);
- the first page of each section shows one role's whole card, as the real playbook's overview
  pages do. A role card lists every process the role takes part in, so its size grows with the
  playbook; earlier versions put one on every 50th page, which made the content itself, in any
  engine, grow with the square of the page count (at 3,000 pages, 60 pages of 850 KB each).

Everything is derived from a seeded random generator, so a given N always gives the same project.
Never point it at the repository: it refuses a destination that is not empty.
"""
from __future__ import annotations

import datetime
import math
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from playbook.load.build_date import build_date

ROOT = Path(__file__).resolve().parents[2]
CUSTOMER_SHARE = 0.3
PAGES_PER_TOPIC = 8
SECTIONS = 12

_WORDS = ("project customer plan scope milestone risk sponsor delivery review change request status "
          "report design build test training go-live handover budget schedule decision owner team "
          "workshop requirement integration data migration configuration acceptance criteria issue "
          "dependency stakeholder meeting agenda template approval sign-off backlog estimate effort "
          "quality defect release cutover support hypercare account contract invoice timeline weekly "
          "steering committee escalation communication channel lead architect consultant analyst "
          "process activity checklist role responsibility outcome evidence baseline forecast").split()
_SECTION_NAMES = ("Selling and handoff", "Starting a project", "Governance", "Discovery", "Design",
                  "Build", "Data and integrations", "Testing", "Training", "Go-live", "Hypercare",
                  "Closing and handover", "Commercials", "People", "Tools")
_DUES = ("Before kickoff", "At kickoff", "One week before go-live", "Before sign-off", "Within two working days",
         "At the weekly status meeting", "Before the phase ends")


@dataclass
class Page:
    number: int
    src: str  # relative to docs/
    title: str
    customer: bool
    section: int
    topic: int
    process: str | None = None
    links: list[int] = field(default_factory=list)


@dataclass
class Project:
    """What was generated, for the benchmark to report and to expand macros against."""

    root: Path
    pages: list[Page]
    processes: int
    nav: list
    extra_pages: list[str]  # hand-written pages besides the handbook pages (home, welcome, roles index)


def _sentence(rng: random.Random, words: int | None = None) -> str:
    count = words or rng.randint(8, 18)
    text = " ".join(rng.choice(_WORDS) for _ in range(count))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: int) -> str:
    out, total = [], 0
    while total < words:
        n = min(rng.randint(8, 18), max(words - total, 4))
        out.append(_sentence(rng, n))
        total += n
    return " ".join(out)


def _relative(src_from: str, src_to: str) -> str:
    """A Markdown link from one page's source to another's, as an author writes it."""
    base = Path(src_from).parent.parts
    target = Path(src_to).parts
    common = 0
    while common < min(len(base), len(target) - 1) and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + list(target[common:]))


def _roles(roles_file: Path) -> list[dict]:
    return yaml.load(roles_file.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["roles"]


def plan_pages(count: int, rng: random.Random) -> list[Page]:
    sections = SECTIONS if count >= SECTIONS * 2 else max(1, count // 2)
    per_section = math.ceil(count / sections)
    pages = []
    for number in range(count):
        section, within = divmod(number, per_section)
        topic = within // PAGES_PER_TOPIC
        src = f"section-{section + 1:02d}/topic-{topic + 1:02d}/page-{number + 1:04d}.md"
        title = f"{_SECTION_NAMES[section % len(_SECTION_NAMES)].split()[0]} {rng.choice(_WORDS)} {rng.choice(_WORDS)} {number + 1}"
        pages.append(Page(number, src, title, rng.random() < CUSTOMER_SHARE, section, topic))
    customers = [p.number for p in pages if p.customer]
    for page in pages:
        pool = customers if page.customer and customers else range(count)
        page.links = [rng.choice(pool) for _ in range(3)]
    return pages


def write_data(data: Path, pages: list[Page], rng: random.Random, *, processes: int | None = None) -> int:
    """data/ for these pages: the real roles.yml, one process (with a checklist) per ~3 pages."""
    (data / "processes").mkdir(parents=True)
    (data / "checklists").mkdir()
    shutil.copyfile(ROOT / "data" / "roles.yml", data / "roles.yml")
    roles = _roles(data / "roles.yml")
    roles_file_audience = yaml.safe_load((data / "roles.yml").read_text(encoding="utf-8"))["audience"]
    visible = [r["id"] for r in roles if roles_file_audience == "customer" and r.get("audience") != "internal"]
    everyone = [r["id"] for r in roles]
    hosts = pages[::3] if processes is None else [pages[i % len(pages)] for i in range(processes)]
    count = 0
    for index, page in enumerate(hosts):
        pid = f"process-{index + 1:04d}"
        customer = page.customer and bool(visible)
        if processes is None:
            page.process = pid
        activities = []
        for a in range(rng.randint(3, 6)):
            internal_row = customer and rng.random() < 0.2
            can_be_a = visible if customer and not internal_row else everyone
            accountable = rng.choice(can_be_a)
            others = rng.sample([r for r in everyone if r != accountable], k=min(4, len(everyone) - 1))
            raci = {accountable: "A", others[0]: "R"}
            raci.update({r: rng.choice("RCI") for r in others[1:]})
            activity = {"id": f"{pid}-step-{a + 1}", "title": _sentence(rng, 5)[:-1],
                        "detail": _paragraph(rng, 25), "raci": raci}
            if internal_row:
                activity["audience"] = "internal"
            activities.append(activity)
        process = {"id": pid, "title": f"Process {index + 1}: {_sentence(rng, 3)[:-1]}",
                   "audience": "customer" if customer else "internal", "page": page.src,
                   "summary": _paragraph(rng, 40)}
        if index < 8:
            process["phase"] = {"order": index + 1, "goal": _sentence(rng), "typical_duration": "2 to 4 weeks",
                                "entry_criteria": [_sentence(rng) for _ in range(2)],
                                "exit_criteria": [_sentence(rng) for _ in range(3)],
                                "customer_contribution": _paragraph(rng, 30)}
        process["activities"] = activities
        _dump(data / "processes" / f"{pid}.yml", process)

        items = []
        for i in range(rng.randint(4, 8)):
            owner = rng.choice(everyone)
            item = {"id": f"item-{i + 1}", "text": _sentence(rng), "owner": owner, "due": rng.choice(_DUES)}
            if customer and owner not in visible:
                item["audience"] = "internal"
            items.append(item)
        _dump(data / "checklists" / f"checklist-{index + 1:04d}.yml",
              {"id": f"checklist-{index + 1:04d}", "title": f"Checklist {index + 1}",
               "audience": "customer" if customer else "internal", "process": pid, "items": items})
        count += 1
    return count


def _dump(path: Path, value: dict) -> None:
    path.write_text(yaml.dump(value, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                              width=100, allow_unicode=True), encoding="utf-8")


def _review(rng: random.Random, roles: list[str]) -> dict:
    """The owner and review date every page names (extra.review in mkdocs.yml)."""
    reviewed = build_date() - datetime.timedelta(days=rng.randint(0, 240))  # as of the day the build is made
    return {"owner": rng.choice(roles), "last_reviewed": reviewed}


def page_markdown(page: Page, pages: list[Page], rng: random.Random, visible_roles: list[str]) -> str:
    front = {"title": page.title}
    if page.customer:
        front["audience"] = "customer"
    front.update(_review(rng, visible_roles))
    if page.number % 10 == 0:
        front["short"] = f"p{page.number + 1}"
    lines = ["---", yaml.safe_dump(front, sort_keys=False).strip(), "---", "", f"# {page.title}", "",
             _paragraph(rng, 90), ""]
    if page.process:
        number = int(page.process.split("-")[1])
        if number <= 8:
            lines += [f'{{{{ phase_facts("{page.process}") }}}}', ""]
        lines += ["## Who does what", "", f'{{{{ raci_matrix("{page.process}") }}}}', ""]
    lines += ["## How it works", "", _paragraph(rng, 110), "", _paragraph(rng, 110), "",
              "| Step | Owner | When | Evidence |", "|---|---|---|---|"]
    for _ in range(5):
        lines.append("| " + " | ".join(_sentence(rng, 3)[:-1] for _ in range(4)) + " |")
    lines += ["", '!!! tip "' + _sentence(rng, 4)[:-1] + '"', "", "    " + _paragraph(rng, 50), "",
              "## Before you start", ""]
    lines += [f"- [{'x' if rng.random() < 0.3 else ' '}] {_sentence(rng, 7)}" for _ in range(5)]
    links = [pages[n] for n in page.links]
    lines += ["", _paragraph(rng, 100), "", "## Related", ""]
    lines += [f"- [{target.title}]({_relative(page.src, target.src)}): {_sentence(rng, 6)}" for target in links]
    lines += ["", "/// internal", "", _paragraph(rng, 40), "", "///", ""]
    if page.process:
        lines += ["## Checklist", "", f'{{{{ checklist("checklist-{page.process.split("-")[1]}") }}}}', ""]
    first_of_section = page.number == 0 or pages[page.number - 1].section != page.section
    if first_of_section and visible_roles:
        role = visible_roles[page.number % len(visible_roles)]
        lines += ["## One role's duties", "", f'{{{{ role_card("{role}") }}}}', ""]
    lines += ["## Notes", "", _paragraph(rng, 100), ""]
    return "\n".join(lines)


def nav_for(pages: list[Page]) -> list:
    """12 sections, each holding topics of ~8 pages: a handbook's navigation, not a flat list."""
    sections: dict[int, dict[int, list]] = {}
    for page in pages:
        sections.setdefault(page.section, {}).setdefault(page.topic, []).append({page.title: page.src})
    nav = [{"Home": "index.md"}, {"Working with customers": [{"Customer welcome": "welcome.md"}]},
           {"Roles": ["roles/index.md"]}]
    for section, topics in sections.items():
        name = _SECTION_NAMES[section % len(_SECTION_NAMES)]
        nav.append({f"{name} ({section + 1})": [{f"Topic {topic + 1}": entries} for topic, entries in topics.items()]})
    return nav


def replace_nav(config_text: str, nav: list) -> str:
    """The real mkdocs.yml with its top-level `nav:` block replaced, comments and tags kept."""
    dumped = yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True, width=1000)
    match = re.search(r"^nav:[^\n]*\n(?:(?:[ \t#-][^\n]*|)\n)*", config_text, re.MULTILINE)
    if match is None:
        return config_text.rstrip("\n") + "\n\n" + dumped
    return config_text[:match.start()] + dumped + config_text[match.end():]


def generate(dest: Path, count: int = 1000, *, seed: int = 7) -> Project:
    """Write a complete synthetic project of `count` handbook pages into dest (empty or absent)."""
    dest = Path(dest)
    if dest.resolve() == ROOT or ROOT in dest.resolve().parents:
        raise ValueError(f"refusing to generate into the repository ({dest})")
    if dest.exists() and any(dest.iterdir()):
        raise ValueError(f"{dest} is not empty")
    rng = random.Random(seed)
    docs, data = dest / "docs", dest / "data"
    docs.mkdir(parents=True)
    # A copy, not a link: a snapshot of the templates, so an edit in the repository during a run
    # neither skews the timings nor restages every page of a running preview.
    shutil.copytree(ROOT / "overrides", dest / "overrides", ignore=shutil.ignore_patterns("__pycache__"))

    pages = plan_pages(count, rng)
    processes = write_data(data, pages, rng)
    roles = _roles(data / "roles.yml")
    visible_roles = [r["id"] for r in roles if r.get("audience") != "internal"]
    for page in pages:
        path = docs / page.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_markdown(page, pages, rng, visible_roles), encoding="utf-8")

    def front(**values) -> str:
        return "---\n" + yaml.safe_dump({**values, **_review(rng, visible_roles)}, sort_keys=False) + "---\n\n"

    (docs / "index.md").write_text(front(title="Implementation playbook") + "# Implementation playbook\n\n"
                                   + _paragraph(rng, 60) + "\n\n{{ lifecycle() }}\n", encoding="utf-8")
    (docs / "welcome.md").write_text(front(title="Welcome", audience="customer") + "# Welcome\n\n"
                                     + _paragraph(rng, 60) + "\n\n{{ lifecycle() }}\n", encoding="utf-8")
    (docs / "roles").mkdir()
    (docs / "roles" / "index.md").write_text(front(title="Roles", audience="customer") + "# Roles\n\n"
                                             + _paragraph(rng, 40) + "\n\n{{ role_list() }}\n", encoding="utf-8")
    nav = nav_for(pages)
    config = replace_nav((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), nav)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Project(dest, pages, processes, nav, ["index.md", "welcome.md", "roles/index.md"])


def generate_data_only(dest: Path, processes: int, *, seed: int = 11) -> Path:
    """A data/ folder of `processes` process files (and as many checklists), for timing the loader."""
    rng = random.Random(seed)
    pages = plan_pages(max(processes, 24), rng)
    write_data(Path(dest) / "data", pages, rng, processes=processes)
    return Path(dest) / "data"
