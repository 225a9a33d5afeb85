"""playbook.search.facts: the facts search answers with, from the site's own (filtered) playbook,
linked only to places the rendered pages hold."""
from playbook.load.data_folder import load_playbook
from playbook.present import views
from playbook.search import communications, facts
from playbook.stage.audience import for_audience
from tests.sites import ROOT

PLAYBOOK = load_playbook(ROOT / "data")


def test_every_kind_of_fact_is_made_from_the_data():
    found = facts.facts(PLAYBOOK)
    kinds = {f.asks for f in found}
    assert kinds == {"who", "how-long", "how-often", "role-duties", "customer-brings"}
    activities = [a for p in PLAYBOOK.processes.values() for a in p.activities]
    assert len([f for f in found if f.asks == "who"]) == len(activities)
    hypercare = next(f for f in found if f.asks == "how-long" and f.anchor == "phase-hypercare")
    assert PLAYBOOK.processes["hypercare"].phase.typical_duration in hypercare.answer
    assert hypercare.names == ("hypercare",) and hypercare.pages == (PLAYBOOK.processes["hypercare"].page,)


def test_the_customer_sites_facts_hold_nothing_internal():
    customer = for_audience(PLAYBOOK, "customer")
    internal_roles = [r.title for r in PLAYBOOK.roles.values() if r.audience == "internal"]
    internal_activities = [a.title for p in PLAYBOOK.processes.values() for a in p.activities
                           if a.audience == "internal" or p.audience == "internal"]
    assert internal_roles and internal_activities
    text = " ".join(f"{f.subject} {f.answer}" for f in facts.facts(customer)).lower()
    for title in internal_roles + internal_activities:
        assert title.lower() not in text, title


def test_a_fact_links_only_to_a_place_a_page_holds():
    found = [facts.Fact("how-often", "Steering committee", "Monthly.", "communication-steering-committee", ()),
             facts.Fact("how-long", "Kickoff", "Two weeks.", "phase-kickoff", ("phases/kickoff.md",)),
             facts.Fact("who", "Book the room", "Accountable: someone.", "kickoff-book", ("phases/kickoff.md",)),
             facts.Fact("role-duties", "Sponsor", "Decides.", "", ("roles/sponsor.md",))]
    urls = {"communication-plan.md": "communication-plan/", "faq.md": "faq/", "phases/kickoff.md": "phases/kickoff/",
            "roles/sponsor.md": "roles/sponsor/"}
    anchors = {"faq.md": frozenset({"phase-kickoff"}), "communication-plan.md": frozenset({"communication-steering-committee"}),
               "phases/kickoff.md": frozenset({"phase-kickoff"})}
    located = facts.located(found, urls, anchors)
    # The phase's own page before another that holds the same id; the row no page holds is left out.
    assert [f["location"] for f in located] == ["communication-plan/#communication-steering-committee",
                                                "phases/kickoff/#phase-kickoff", "roles/sponsor/"]


def test_no_two_subjects_of_one_kind_read_alike():
    assert facts.ambiguous_subjects(facts.facts(PLAYBOOK)) == []
    twins = [facts.Fact("who", "Sign the plans", "", "a", ()), facts.Fact("who", "Signing the plan", "", "b", ())]
    assert facts.ambiguous_subjects(twins) == [("who", "Sign the plans", "Signing the plan")]


def test_a_communication_reads_when_how_and_who_runs_it():
    report = PLAYBOOK.communications["weekly-status-report"]
    answer = communications.answer(report, PLAYBOOK.roles, views.phase_titles(PLAYBOOK))
    assert answer.startswith("Weekly, every Thursday by 17:00.")
    assert answer.endswith("Run by the implementation project manager.")
    assert communications.in_sentence("IT lead") == "IT lead"
