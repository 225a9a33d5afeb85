"""A fact written twice drifts (issue 16, defect 18): the customer project lead's time was "a few
hours a week" on the home page and "a third to half of this person's time" on the roles page.

So a page never states in its own words a fact that lives in data/: a phase's length, when a
planned communication happens, how much of a customer role's time a project takes, or one of the
standards (reply time, thresholds). It shows them with phase_duration(), comm_cadence(),
role_time() and standard(). This test reads every page's prose (code and macro calls left out),
sentence by sentence, and lists each sentence that names such a fact's subject together with a
number of the fact's kind, with what the data says, so a contradiction cannot hide in a page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from playbook.load import markdown_lines
from playbook.load.data_folder import load_playbook
from playbook.model.facts import Playbook
from playbook.present import views
from tests.sites import ROOT

pytestmark = pytest.mark.build

PLAYBOOK = load_playbook(ROOT / "data")

_NUMBER = (r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
           r"thirty|forty-five|sixty|ninety|a few|a couple of|several|a third|half|a quarter)")
_AMOUNT = rf"{_NUMBER}(?:\s*(?:to|-|–|or)\s*{_NUMBER})?"
DURATION = rf"\b{_AMOUNT}\s+(?:working\s+days?|days?|weeks?|hours?|minutes?|months?)\b"
SHARE_OF_TIME = (r"\b(?:a third|half|a quarter|\d+ percent)\b[^.]{0,30}\b(?:time|week)\b"
                 r"|\b(?:an?|\w+|a few)\s+(?:hours?|days?)\s+(?:a|per|each)\s+week\b")
TIMING = (r"\b(?:Mondays?|Tuesdays?|Wednesdays?|Thursdays?|Fridays?)\b|\b\d{1,2}:\d{2}\b"
          r"|\b(?:weekly|daily|fortnightly|monthly)\b|\bevery\s+(?:other\s+|second\s+)?(?:\w+\s+)?(?:weeks?|days?|months?)\b"
          rf"|{DURATION}")
LENGTH_CUE = r"\b(?:lasts|takes|how long|length|duration|by default)\b"

# How prose names the subject of each communication (its title, less the words that say nothing).
COMMUNICATION_SUBJECTS = {
    "kickoff-meeting": r"\bkick-?off\b",
    "weekly-status-report": r"\bstatus reports?\b",
    "raid-review": r"\bRAID review\b",
    "steering-committee": r"\bsteering\b",
    "change-request-notice": r"\bchange request notices?\b",
    "go-no-go-meeting": r"\bgo/no-go\b",
    "go-live-announcement": r"\bgo-live announcement\b",
    "hypercare-check-in": r"\bcheck-ins?\b",
    "project-close-report": r"\bclose report\b",
    "lessons-learned-session": r"\blessons-learned session\b",
    "internal-health-review": r"\bhealth review\b",
}
# How prose names a customer role (its title, and the short forms pages use).
ROLE_SUBJECTS = {
    "executive-sponsor": r"\b(?:executive )?sponsor\b",
    "customer-project-lead": r"\bproject lead\b",
    "customer-subject-matter-expert": r"\bsubject matter experts?\b",
    "customer-it-lead": r"\bIT lead\b",
    "customer-end-users": r"\b(?:end )?users\b",
}


@dataclass(frozen=True)
class Restated:
    where: str
    fact: str
    says: str
    data: str
    write: str

    def __str__(self) -> str:
        return (f"{self.where}: states {self.fact} in its own words ('{self.says}'); {self.data} — "
                f"write {self.write} instead")


def _fact_checks(playbook: Playbook) -> list[tuple[str, str, str, str, str, str | None]]:
    """(fact, subject pattern, number pattern, what the data says, macro, extra cue)."""
    checks = []
    for process in playbook.phases():
        words = {process.id.replace("-and-", " and ").replace("-", "[- ]"), re.escape(process.title.lower())}
        subject = r"\b(?:" + "|".join(sorted(words)) + r")\b"
        phase = process.phase
        says = phase.typical_duration + (f" ({phase.default_duration} by default)" if phase.default_duration else "")
        checks.append((f"how long {process.title} lasts", subject, DURATION,
                       f"data/processes/{process.id}.yml says {says}", f'{{{{ phase_duration("{process.id}") }}}}',
                       LENGTH_CUE))
    for communication_id, subject in COMMUNICATION_SUBJECTS.items():
        communication = playbook.communications[communication_id]
        checks.append((f"when the {communication.title.lower()} happens", subject, TIMING,
                       f"data/communications.yml says '{views.communication(playbook, communication_id).when}'",
                       f'{{{{ comm_cadence("{communication_id}") }}}}', None))
    for role_id, subject in ROLE_SUBJECTS.items():
        role = playbook.roles[role_id]
        checks.append((f"the {role.title.lower()}'s time", subject, SHARE_OF_TIME,
                       f"data/roles.yml says '{role.time_commitment}'", f'{{{{ role_time("{role_id}") }}}}', None))
    by_value: dict[str, list] = {}
    for standard in playbook.standards.values():
        by_value.setdefault(standard.value, []).append(standard)
    for value, standards in by_value.items():  # two standards of one value: one finding, either macro
        checks.append((" or ".join(f"the standard '{s.title}'" for s in standards), r"", r"\b" + re.escape(value) + r"\b",
                       f"data/standards.yml says '{value}'",
                       " or ".join(f'{{{{ standard("{s.id}") }}}}' for s in standards), None))
    return checks


_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=[A-Z\"*(\[])")


def prose(text: str) -> list[tuple[int, str]]:
    """(line, sentence) for every sentence a reader sees as the page's own words: front matter,
    fenced and inline code, macro calls and link targets left out."""
    lines = markdown_lines.split(text)
    start = 0
    if lines and lines[0].strip() == "---":
        start = next(i for i in range(1, len(lines)) if lines[i].strip() == "---") + 1
    code = markdown_lines.code_lines(lines)
    kept: list[tuple[int, str]] = []
    for number, line in enumerate(lines[start:], start=start + 1):
        if code[number - 1]:
            kept.append((number, ""))
            continue
        for begin, end in reversed(markdown_lines.inline_code_spans(line)):
            line = line[:begin] + " " + line[end:]
        kept.append((number, line))
    # Paragraphs and list items, each read as running text.
    blocks: list[tuple[int, str]] = []
    for number, line in kept:
        stripped = line.strip()
        starts_item = re.match(r"^(?:[-*+]|\d+\.)\s|^#|^/{3}|^>", stripped)
        if not stripped or starts_item or not blocks or not blocks[-1][1]:
            blocks.append((number, stripped))
        else:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + " " + stripped)
    sentences = []
    for number, block in blocks:
        block = _LINK_TARGET.sub("]", _MACRO.sub(" … ", block))
        sentences += [(number, sentence) for sentence in _SENTENCE_END.split(block) if sentence.strip()]
    return sentences


def restated(name: str, text: str, playbook: Playbook) -> list[Restated]:
    found = []
    checks = _fact_checks(playbook)
    titles = "|".join(re.escape(c.title) for c in playbook.communications.values())
    for line, sentence in prose(text):
        for fact, subject, number, data, write, cue in checks:
            if subject and not re.search(subject, sentence, re.IGNORECASE):
                continue
            if cue and not re.search(cue, sentence, re.IGNORECASE):
                continue
            # A title that holds a timing word ("Weekly status report") is a name, not a timing.
            words = re.sub(titles, " ", sentence, flags=re.IGNORECASE)
            match = re.search(number, words, re.IGNORECASE)
            if match:
                found.append(Restated(f"{name}:{line}", fact, match.group(0), data, write))
    return found


def test_no_page_restates_a_fact_that_lives_in_data():
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        found += restated(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"), PLAYBOOK)
    assert [str(r) for r in found] == []


@pytest.mark.parametrize(("sentence", "fact"), [
    ("Hypercare lasts six weeks by default.", "how long Hypercare lasts"),
    ("Plan on a few hours a week from your project lead.", "the customer project lead's time"),
    ("The status report goes out every Friday.", "when the weekly status report happens"),
    ("The steering committee meets monthly.", "when the steering committee happens"),
    ("We answer every message within one working day.",
     "the standard 'Reply time' or the standard 'Decisions written down'"),
])
def test_a_restated_fact_is_found_whatever_number_it_gives(sentence, fact):
    page = f"---\ntitle: Planted\n---\n\n# Planted\n\nSome words first.\n\n{sentence} More words after.\n"
    found = restated("docs/planted.md", page, PLAYBOOK)
    assert [r.fact for r in found] == [fact]
    assert found[0].where == "docs/planted.md:9"


def test_the_same_fact_shown_by_its_macro_or_in_code_is_not_a_restatement():
    page = ('---\ntitle: Fine\n---\n\n# Fine\n\nHypercare lasts {{ phase_duration("hypercare") }} by default.\n\n'
            'The status report goes out {{ comm_cadence("weekly-status-report") }}.\n\n'
            '```text\nThe status report goes out every Friday.\n```\n\nWrite `every Friday` in the plan.\n')
    assert restated("docs/fine.md", page, PLAYBOOK) == []
