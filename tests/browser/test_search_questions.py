"""Questions as people ask them, typed into the real search box of each built site: the share
answered by a page in the first three results must be at least 95 % on each site (issue 17).

The set was written before any search tuning, from what employees and customers actually ask,
not from the FAQ headings or the page titles: paraphrases, the words a reader uses rather than
the page's, questions in the first person ("what do I need to do", "who do I call"), short
keyword searches and long sentences. It spreads over every phase, role, template and governance
topic. Each question names the page or pages whose content answers it; any one of them in the
first three results counts.

Before any change to search (Material's own worker on the index of commit f2b7107), 49 of 78
questions (63 %) were answered in the first three on the internal site and 24 of 37 (65 %) on the
customer site; README.md, "Search", gives the figures after.

Every third question (by position) was moved to test_search_held_aside.py before the tuning of
issue 24, so that one third of the set measures questions the ranking was not tuned on.

When a question fails, fix the cause (how the search reads words, ranks pages, or the page's
missing content), never the wording of the question: search is judged on questions nobody has
written down yet.
"""
from __future__ import annotations

import pytest

from tests.browser import test_search_held_aside as held_aside
from tests.browser.conftest import unanswered

pytestmark = [pytest.mark.browser, pytest.mark.question_set]

SHARE_NEEDED = 0.95

# (what a person types, the page(s) whose content answers it)
INTERNAL = [
    # Sales handoff
    ("what should sales hand me when a deal closes", ("phases/handoff/", "faq/")),
    ("the account manager's package is incomplete, can I send it back", ("phases/handoff/", "faq/")),
    ("sold hours look too low for the scope", ("phases/handoff/",)),
    # Kickoff
    ("what goes on the slides for the first customer meeting", ("templates/kickoff-deck/", "phases/kickoff/")),
    ("what do I send after kickoff", ("phases/kickoff/", "communication-plan/", "templates/weekly-status-report/")),
    ("internal prep meeting before the kickoff", ("phases/kickoff/",)),
    # Discovery and design
    ("customer signed the design without reading it", ("phases/discovery-and-design/",)),
    ("gap between the design and what was sold", ("phases/discovery-and-design/", "change-management/change-requests/")),
    # Build
    ("how often do we demo during the build", ("phases/build/",)),
    ("my consultant was pulled onto another project", ("phases/build/", "roles/resource-manager/")),
    ("what must be ready before the customer starts testing", ("phases/build/", "phases/testing/")),
    # Testing
    ("who writes the acceptance test cases", ("phases/testing/",)),
    ("customer calls it a bug but it is new scope", ("change-management/change-requests/", "faq/", "phases/testing/")),
    ("rehearse the data migration", ("phases/testing/", "phases/go-live/")),
    # Training
    ("people who missed their training session", ("phases/training/",)),
    ("not enough users booked on training", ("phases/training/",)),
    # Go-live
    ("who gives the final yes to go live", ("governance/go-no-go/", "faq/")),
    ("can we go live with open defects", ("governance/go-no-go/", "phases/go-live/")),
    ("email telling users the system is live", ("templates/go-live-announcement/",)),
    # Hypercare
    ("how long do we support the customer after launch", ("phases/hypercare/", "faq/")),
    ("customer asks for enhancements during hypercare", ("phases/hypercare/",)),
    ("end of day note to the customer after go-live", ("templates/hypercare-daily-summary/", "phases/hypercare/")),
    # Close and handover
    ("what goes in the final project report", ("templates/project-close-report/", "phases/close-and-handover/")),
    ("retro at the end of the project", ("templates/lessons-learned/", "phases/close-and-handover/")),
    # Roles
    ("what does a solution architect do on a project", ("roles/solution-architect/",)),
    ("responsibilities of the delivery consultant", ("roles/delivery-consultant/",)),
    ("who takes over support after go-live", ("roles/support-lead/", "phases/hypercare/")),
    ("what is the delivery director accountable for", ("roles/delivery-director/",)),
    ("customer IT lead responsibilities", ("roles/customer-it-lead/",)),
    ("what do the customer's SMEs do", ("roles/customer-subject-matter-expert/",)),
    ("should the account manager also be the PM", ("roles/why-a-dedicated-project-manager/", "faq/")),
    ("who is on the project team", ("roles/",)),
    # Communication
    ("how quickly do I need to answer customer emails", ("communication-plan/", "faq/")),
    ("what meetings do we hold with the customer", ("communication-plan/",)),
    ("teams or email for project updates", ("communication-plan/",)),
    # Governance
    ("risks and issues list", ("governance/raid-log/", "templates/raid-log/")),
    ("project is running late, what now", ("governance/timeline-slips/", "faq/")),
    ("who can move the go-live date", ("governance/timeline-slips/", "faq/")),
    ("exit criteria before the next phase starts", ("governance/", "lifecycle/")),
    ("how long before a problem goes up a level", ("governance/escalation/",)),
    ("I'm going on leave, who takes over my project", ("governance/project-manager-handover/",)),
    # The communication plan's row of the internal project health review says what it is, when and
    # with whom: an answer the list had left out (issue 24).
    ("internal health review", ("governance/", "communication-plan/")),
    # Change management
    ("how is a change priced", ("change-management/change-requests/", "faq/")),
    ("changes to the price after the contract is signed", ("change-management/change-requests/",)),
    ("biggest impacts on the customer's people", ("change-management/impact-register/",)),
    ("template to write up a change", ("templates/change-request-form/",)),
    # Templates and using the playbook
    ("ready-made documents I can copy for my project", ("templates/",)),
    ("slides for the steering meeting", ("templates/steering-committee-pack/",)),
    ("how do I give a customer the guide", ("sharing-with-customers/", "faq/")),
    ("how do I suggest an edit to the playbook", ("adopting/", "faq/")),
    ("what's new in the playbook", ("what-changed/",)),
    ("who can sign in to the internal site", ("hosting/",)),
    ("I'm new, what should I read first", ("adopting/",)),
]

CUSTOMER = [
    ("what do I need to do before the kickoff", ("phases/kickoff/", "customer-questions/")),
    ("who do I call if something breaks after go-live", ("phases/hypercare/", "governance/escalation/",
                                                         "customer-questions/")),
    ("how much time will my team need to spend", ("customer-questions/", "", "roles/customer-project-lead/")),
    ("what do you need from us during testing", ("phases/testing/", "customer-questions/", "what-we-need-from-you/")),
    ("how will we be kept up to date", ("communication-plan/", "customer-questions/", "")),
    ("we want an extra report added", ("change-management/change-requests/", "customer-questions/")),
    ("what if we are not ready to go live", ("governance/go-no-go/", "customer-questions/")),
    ("what happens if the project is delayed", ("governance/timeline-slips/",)),
    ("who trains our staff", ("phases/training/",)),
    ("what access does our IT team need to give", ("roles/customer-it-lead/", "phases/build/")),
    ("change the go live date", ("governance/timeline-slips/", "governance/go-no-go/")),
    ("how do we report a problem during hypercare", ("phases/hypercare/",)),
    ("what should our executive sponsor do", ("roles/executive-sponsor/",)),
    ("how do I raise a complaint", ("change-management/customer-complaints/",)),
    ("what happens after we sign the contract", ("customer-questions/", "phases/handoff/", "")),
    ("who writes the test cases", ("phases/testing/",)),
    ("what does UAT stand for", ("glossary/", "phases/testing/")),
    ("what's in the kickoff presentation", ("templates/kickoff-deck/",)),
    ("what will the status report look like", ("templates/weekly-status-report/",)),
    ("who do we talk to after the project is finished", ("phases/close-and-handover/", "customer-questions/")),
    ("how often do the executives meet", ("communication-plan/", "governance/", "customer-questions/")),
    ("a test found a serious bug", ("phases/testing/", "governance/escalation/")),
    ("telling our users about the new system", ("templates/go-live-announcement/", "phases/training/")),
    ("our project manager doesn't respond", ("governance/escalation/", "change-management/customer-complaints/",
                                             "customer-questions/")),
    ("moving data from our old system", ("phases/testing/", "phases/go-live/", "roles/customer-it-lead/")),
]


def _assert_share(site, questions, misses) -> None:
    answered = len(questions) - len(misses)
    share = answered / len(questions)
    print(f"\n{site.audience}: {answered} of {len(questions)} answered in the first three ({share:.0%})")
    assert share >= SHARE_NEEDED, (f"{site.audience}: {answered} of {len(questions)} ({share:.0%}) answered in "
                                   f"the first three, {SHARE_NEEDED:.0%} needed. Missed:\n  " + "\n  ".join(misses))


def test_the_question_set_is_big_and_spread_enough(internal_site, customer_site):
    assert len(INTERNAL) + len(CUSTOMER) >= 75 and len(CUSTOMER) >= 25
    internal_pages, customer_pages = set(internal_site.pages()), set(customer_site.pages())
    for pages, questions in ((internal_pages, INTERNAL), (customer_pages, CUSTOMER)):
        for question, answers in questions:
            assert set(answers) <= pages, f"{question!r}: no such page {set(answers) - pages}"
    # Every phase, role and template page answers at least one question on one of the sites,
    # the held-aside third's included (its questions are read here, never run).
    answered = {a for _, answers in INTERNAL + CUSTOMER + held_aside.QUESTIONS_INTERNAL
                + held_aside.QUESTIONS_CUSTOMER for a in answers}
    topics = {p for p in internal_pages if p.startswith(("phases/", "roles/", "templates/", "governance/"))}
    assert topics <= answered, f"no question is answered by {sorted(topics - answered)}"


def test_employees_questions_are_answered_in_the_first_three(searcher, internal_site):
    _assert_share(internal_site, INTERNAL, unanswered(searcher(internal_site), INTERNAL))


def test_customers_questions_are_answered_in_the_first_three(searcher, customer_site):
    _assert_share(customer_site, CUSTOMER, unanswered(searcher(customer_site), CUSTOMER))
