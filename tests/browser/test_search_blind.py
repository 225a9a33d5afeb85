"""Blind search questions: what employees and customers type, and the pages that answer them.

Written on 7 December 2026 by a helper session working alone on branch ``blind``, for the lead to
run once against the site search. The questions were written from the built pages
(``site/internal/**`` and ``site/customer/**``, read as text) and the Markdown in ``docs/``,
without running the search, without seeing any search result, search index, search worker or
search tuning file, and without seeing the team's own question sets under ``tests/``.

Each entry is ``(question, (page, ...))``: the page paths are URL paths on that site ("" is the
home page), and every page named answers the question well, not just mentions its subject.
Customer questions name customer-site pages only.

Run once, as written, on 7 December 2026 after the last change to search (commit 46950dd): 62 of
69 employee questions (90 %) and 53 of 63 customer questions (84 %) found a page that answers
them in the top three; the helper's target was 95 %. Those figures are the result, and are
reported in the README. The set has been seen since, so it is training data now: the tests hold
search to at least those first-run figures, so a change that answers fewer of these questions
fails, and print the misses.
"""

BLIND_INTERNAL = [
    # Project managers, mid-project
    ("uat exit criteria", ("phases/testing/", "governance/go-no-go/")),
    (
        "customer asked for one more report, can I just build it as a favour",
        ("change-management/change-requests/", "faq/"),
    ),
    ("who puts a price on a change request", ("change-management/change-requests/", "faq/")),
    (
        "change priced under our target margin who has to approve that",
        ("change-management/change-requests/",),
    ),
    (
        "customer says it's a bug, we say it's new scope - how do we settle it",
        ("change-management/change-requests/", "governance/escalation/", "faq/"),
    ),
    (
        "how quickly am I supposed to answer a customer email",
        ("communication-plan/", "faq/", "governance/"),
    ),
    (
        "can we move the status report to a different weekday",
        ("faq/", "communication-plan/"),
    ),
    ("weekly status repot template", ("templates/weekly-status-report/",)),
    (
        "what do I add to the status report that the customer must never see",
        ("templates/weekly-status-report/", "communication-plan/"),
    ),
    ("raid reveiw what day", ("governance/raid-log/", "communication-plan/", "faq/")),
    (
        "difference between a risk and an issue in the log",
        ("governance/raid-log/", "glossary/"),
    ),
    ("steering committee agenda", ("governance/", "templates/steering-committee-pack/")),
    (
        "when is the internal health review and who attends",
        ("governance/", "communication-plan/"),
    ),
    (
        "we are behind plan, what do I tell the customer and who decides on a new go-live date",
        ("governance/timeline-slips/", "faq/", "lifecycle/"),
    ),
    (
        "can I offer the customer free days to catch up a slip",
        ("governance/timeline-slips/",),
    ),
    (
        "my decision has been stuck with the customer for days, when does it go to the delivery director",
        ("governance/escalation/",),
    ),
    (
        "sev 1 during hypercare how fast must we acknowledge",
        ("governance/escalation/", "phases/hypercare/"),
    ),
    (
        "a cutover step failed at 2am who can call the rollback",
        ("governance/escalation/", "phases/go-live/"),
    ),
    # Handoff and the estimate
    ("handof package checklist", ("phases/handoff/", "faq/")),
    (
        "sold hours look too low for the scope, what do I do before accepting",
        ("phases/handoff/", "governance/"),
    ),
    (
        "how far can the estimate be short before I have to tell the director",
        ("governance/", "phases/handoff/"),
    ),
    (
        "where do I find out what discount we gave and who the competitor was",
        ("phases/handoff/",),
    ),
    ("can I send back an incomplete package from sales", ("faq/", "phases/handoff/")),
    (
        "re-estimate the build once the design is done",
        ("phases/discovery-and-design/",),
    ),
    # Kickoff
    ("internal prep meeting before the kickoff", ("phases/kickoff/",)),
    (
        "is the account manager allowed to run the kickoff meeting",
        ("faq/", "phases/kickoff/"),
    ),
    ("slides for the kickoff", ("templates/kickoff-deck/", "phases/kickoff/")),
    (
        "customer hasn't named a project lead and kickoff is next week",
        ("phases/kickoff/",),
    ),
    # Build, testing, training, go-live
    (
        "one of my consultants is being moved to another client in the middle of build",
        ("phases/build/", "change-management/impact-register/"),
    ),
    ("tracking burned hours against the budget", ("phases/build/", "governance/")),
    (
        "architect walkthrough before the customer starts testing",
        ("phases/build/",),
    ),
    (
        "customer signed the design in a day, is that a problem",
        ("phases/discovery-and-design/", "sign-offs/"),
    ),
    (
        "the client won't release staff to attend training sessions",
        ("phases/training/",),
    ),
    (
        "what share of users must be booked on training two weeks out",
        ("phases/training/", "governance/"),
    ),
    (
        "weekend and overtime approval for the go-live team",
        ("phases/go-live/", "roles/resource-manager/"),
    ),
    (
        "the sponsor wants to go live even though we recommended no-go",
        ("governance/go-no-go/", "phases/go-live/", "sign-offs/"),
    ),
    (
        "who writes the email telling users the system is live",
        ("templates/go-live-announcement/", "faq/", "phases/go-live/"),
    ),
    # Hypercare and close
    ("how long is hypercare by default", ("phases/hypercare/", "faq/")),
    (
        "customer keeps asking for little enhancements after go live",
        ("phases/hypercare/",),
    ),
    (
        "when can I release the consultants from the project after launch",
        ("phases/hypercare/", "roles/resource-manager/"),
    ),
    (
        "booking the final hours, last invoice and final margin",
        ("phases/close-and-handover/",),
    ),
    (
        "retrospective without the customer in the room",
        ("templates/lessons-learned/", "phases/close-and-handover/"),
    ),
    (
        "who takes away our admin access to the customer's systems at the end",
        ("system-access/", "phases/close-and-handover/"),
    ),
    # Changing project manager
    (
        "I'm going on parental leave, how do I pass my project to a colleague",
        ("governance/project-manager-handover/", "faq/"),
    ),
    ("what goes in the handover note", ("governance/project-manager-handover/",)),
    (
        "how many days do the old and new project manager overlap",
        ("governance/project-manager-handover/", "faq/", "governance/"),
    ),
    # Roles
    ("who staffs the delivery team", ("roles/resource-manager/", "phases/handoff/")),
    (
        "why shouldn't account managers run the projects they sold",
        ("roles/why-a-dedicated-project-manager/",),
    ),
    (
        "how much of the customer project lead's week will we need",
        ("roles/customer-project-lead/", "what-we-need-from-you/", "faq/"),
    ),
    ("what do R A C I stand for", ("glossary/", "faq/")),
    # New starters and the playbook itself
    ("I'm new, what should I read in my first week", ("adopting/",)),
    ("how do I suggest an edit to the playbook", ("adopting/", "faq/")),
    ("add the implementation guide as a tab in the client's teams channel", ("sharing-with-customers/",)),
    (
        "wording about the playbook to paste into a statement of work",
        ("sharing-with-customers/", "templates/sow-process-appendix/"),
    ),
    (
        "check what the customer will see before I send them the link",
        ("sharing-with-customers/",),
    ),
    ("can clients open the internal pages", ("faq/", "adopting/", "sharing-with-customers/")),
    ("single sign-on setup for the internal site in azure", ("hosting/",)),
    ("pages past their review date", ("content-health/",)),
    ("which of our projects have overdue customer tasks", ("projects/",)),
    ("yearly workshop on what implementations change for people", ("change-management/",)),
    ("what's new in the playbook", ("what-changed/",)),
    # Templates, access and calendars
    ("fields on the CR form", ("templates/change-request-form/",)),
    ("columns for the risk and issue spreadsheet", ("templates/raid-log/",)),
    ("end of day note to the client during hypercare", ("templates/hypercare-daily-summary/",)),
    ("template for the close-out report", ("templates/project-close-report/",)),
    (
        "by when do the customer's testers need their own accounts",
        ("system-access/", "phases/build/"),
    ),
    (
        "plan around the client's bank holidays and their busy season",
        ("availability/",),
    ),
    ("what does the support lead do in the weeks after go-live", ("roles/support-lead/", "phases/hypercare/")),
    ("what is the customer's IT person responsible for", ("roles/customer-it-lead/",)),
]

BLIND_CUSTOMER = [
    # Executive sponsor
    (
        "how much of my time as sponsor will this project take",
        ("roles/executive-sponsor/", "what-we-need-from-you/", "customer-questions/", ""),
    ),
    (
        "who makes the final call on going live",
        ("governance/go-no-go/", "phases/go-live/", "sign-offs/", "customer-questions/"),
    ),
    (
        "can we go live with a few minor bugs still open",
        ("governance/go-no-go/", "phases/testing/"),
    ),
    (
        "what are my options if the project is running late",
        ("governance/timeline-slips/", "lifecycle/"),
    ),
    (
        "how regularly do our execs and your senior people get together",
        ("governance/", "customer-questions/", "communication-plan/"),
    ),
    ("what's in the pack before the steering meeting", ("templates/steering-committee-pack/",)),
    (
        "I'll be away when the go decision is due, can someone sign for me",
        ("availability/", "sign-offs/"),
    ),
    ("what do I sign at the end of the project", ("phases/close-and-handover/", "sign-offs/")),
    # Customer project lead
    (
        "contract is signed, what happens next and when do we meet the project manager",
        ("", "phases/handoff/", "customer-questions/"),
    ),
    (
        "things to sort out before the kick-off meeting",
        ("phases/kickoff/", "customer-questions/", "what-we-need-from-you/"),
    ),
    ("who has to be at the kickoff", ("phases/kickoff/",)),
    ("full list of our tasks and deadlines phase by phase", ("what-we-need-from-you/",)),
    ("everything our side has to sign and when", ("sign-offs/",)),
    ("who signs the acceptence testing on our side", ("sign-offs/", "phases/testing/")),
    (
        "what day do we get the weekly update",
        ("communication-plan/", "templates/weekly-status-report/", "customer-questions/"),
    ),
    ("could the status report come on mondays instead", ("communication-plan/",)),
    ("what does amber mean on the report", ("templates/weekly-status-report/",)),
    ("our project manager is leaving, what happens now", ("customer-questions/", "availability/")),
    (
        "our finance team is tied up with year end in march, will the plan allow for that",
        ("availability/", "customer-questions/"),
    ),
    (
        "we want an extra interface that wasn't in the contract",
        ("change-management/change-requests/", "customer-questions/"),
    ),
    ("will you charge us for fixing bugs", ("change-management/change-requests/",)),
    ("form to request a change", ("templates/change-request-form/",)),
    ("where is the risk log kept", ("governance/raid-log/", "templates/raid-log/")),
    ("how long is the whole implementation", ("lifecycle/", "")),
    ("can the build start before we approve the design", ("lifecycle/", "phases/build/")),
    (
        "how many hours a week will I spend as project lead",
        ("roles/customer-project-lead/", "what-we-need-from-you/", "customer-questions/", ""),
    ),
    # IT lead
    (
        "I'm the IT manager, which accounts do I set up and by when",
        ("system-access/", "roles/customer-it-lead/"),
    ),
    ("testers cant log in on the first morning of testing", ("system-access/",)),
    ("can the trainees share one login", ("system-access/",)),
    ("who approves the cutover plan", ("sign-offs/", "phases/go-live/", "roles/customer-it-lead/")),
    (
        "what data extracts do you need from us for the migration",
        ("phases/build/", "phases/discovery-and-design/", "roles/customer-it-lead/", "what-we-need-from-you/"),
    ),
    (
        "the switchover fails halfway, how do we get back to the old system",
        ("phases/go-live/", "governance/escalation/"),
    ),
    # Subject matter experts and testing
    (
        "how many days will our experts spend in design workshops",
        (
            "roles/customer-subject-matter-expert/",
            "phases/discovery-and-design/",
            "what-we-need-from-you/",
            "lifecycle/",
            "",
        ),
    ),
    ("who writes the test scripts", ("phases/testing/", "roles/customer-subject-matter-expert/")),
    (
        "worried testing will eat up my team's time",
        ("change-management/customer-complaints/", "phases/testing/", "change-management/impact-register/"),
    ),
    ("how often are the build demos", ("phases/build/",)),
    # End users and their managers
    ("when will my staff be trained on the new system", ("phases/training/", "governance/")),
    (
        "what will my team be told on the day it goes live",
        ("templates/go-live-announcement/", "phases/go-live/"),
    ),
    (
        "what is expected of the people who will use the system day to day",
        ("roles/customer-end-users/", "phases/training/"),
    ),
    # Go-live and after
    (
        "system is down the day after launch, who do I call",
        ("governance/escalation/", "phases/hypercare/"),
    ),
    (
        "how quickly do you respond to a critical outage",
        ("governance/escalation/", "phases/hypercare/"),
    ),
    ("hypercare lenght", ("phases/hypercare/", "customer-questions/")),
    (
        "what time is the daily call after go live",
        ("phases/hypercare/", "communication-plan/", "templates/hypercare-daily-summary/", "customer-questions/"),
    ),
    ("when do the daily support calls stop", ("phases/hypercare/",)),
    ("who do we contact once the project is closed", ("phases/close-and-handover/", "customer-questions/")),
    ("what's in the final report", ("templates/project-close-report/", "phases/close-and-handover/")),
    (
        "how long is the lessons learned meeting",
        ("phases/close-and-handover/", "communication-plan/"),
    ),
    # Complaints and escalation
    (
        "we only hear about delays when it's too late",
        ("change-management/customer-complaints/", "governance/timeline-slips/"),
    ),
    (
        "unhappy with our project manager, who do I complain to",
        ("change-management/customer-complaints/",),
    ),
    ("escallation time limits", ("governance/escalation/",)),
    # Roles, words and reference pages
    (
        "difference between the account manager and the project manager",
        ("roles/why-a-dedicated-project-manager/", "roles/account-manager/"),
    ),
    ("who is your delivery director and what do they do", ("roles/delivery-director/",)),
    ("who looks after the system once it's live", ("roles/support-lead/", "phases/close-and-handover/")),
    ("who decides how our systems connect to the new one", ("roles/solution-architect/",)),
    ("everyone on both teams and what they do", ("roles/",)),
    ("what is a key user", ("glossary/", "phases/training/")),
    ("what does RAID stand for", ("glossary/", "governance/raid-log/")),
    ("point of no return meaning", ("glossary/",)),
    ("how do you score the impact of the change on our people", ("change-management/impact-register/",)),
    ("why do you ask about change before setting up processes", ("change-management/",)),
    ("what does the contract say about how the project is run", ("templates/sow-process-appendix/",)),
    ("all the document templates you use", ("templates/",)),
    ("recent changes to how you run projects", ("what-changed/",)),
]


import pytest  # noqa: E402

from tests.browser.conftest import unanswered  # noqa: E402 (provided by the repo's browser conftest)

pytestmark = [pytest.mark.browser, pytest.mark.question_set]
# Answered in the top three when the set was first run (see above): no change may answer fewer.
FIRST_RUN = {"internal": 62, "customer": 53}


def test_blind_employee_questions(searcher, internal_site):
    misses = unanswered(searcher(internal_site), BLIND_INTERNAL)
    print(f"\nblind internal: {len(BLIND_INTERNAL) - len(misses)} of {len(BLIND_INTERNAL)}")
    print("\n".join(misses))
    assert len(BLIND_INTERNAL) - len(misses) >= FIRST_RUN["internal"], "\n".join(misses)


def test_blind_customer_questions(searcher, customer_site):
    misses = unanswered(searcher(customer_site), BLIND_CUSTOMER)
    print(f"\nblind customer: {len(BLIND_CUSTOMER) - len(misses)} of {len(BLIND_CUSTOMER)}")
    print("\n".join(misses))
    assert len(BLIND_CUSTOMER) - len(misses) >= FIRST_RUN["customer"], "\n".join(misses)
