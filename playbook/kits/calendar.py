"""The project's calendar (.ics): its phases and milestones, and the recurring meetings it agreed.

Made with icalendar. Phases and milestones are all-day and shown as free time, so they sit on
a calendar without blocking it; a communication the project scheduled (the status report, the
steering committee...) recurs from the kickoff week to the project's last day, in the customer's
time zone, with the people named for its owner and recipients. UIDs are stable per project and
event, so importing a newer kit updates the events instead of doubling them.
"""
from __future__ import annotations

import datetime
import zoneinfo

from icalendar import Calendar, Event, vCalAddress

from playbook.kits.facts import CommunicationLine, KitFacts, Named

_BYDAY = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR"}
_WEEKDAY = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
ONE_DAY = datetime.timedelta(days=1)


def _address(person: Named, role: str = "REQ-PARTICIPANT") -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = person.name
    address.params["ROLE"] = role
    return address


def build_calendar(facts: KitFacts) -> bytes:
    domain = facts.brand.contact_email.rpartition("@")[2] or "playbook.invalid"
    stamp = datetime.datetime.combine(facts.cut_on, datetime.time(), tzinfo=datetime.UTC)
    calendar = Calendar.new(
        prodid=f"-//{facts.brand.firm_name}//Implementation playbook project kit//EN",
        name=f"{facts.customer}: {facts.title}",
        description=f"Phases, milestones and meetings of the {facts.title} project with {facts.brand.firm_name}.")

    def uid(key: str) -> str:
        return f"{facts.project_id}-{key}@{domain}"

    for section in facts.phases:
        dates = section.dates
        event = Event.new(uid=uid(f"phase-{section.process.id}"), stamp=stamp, start=dates.start,
                          end=dates.end + ONE_DAY, summary=f"{facts.customer}: {section.process.title} (phase)",
                          description=section.process.phase.goal)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    for milestone in facts.milestones:
        if milestone.kind == "phase":
            continue  # the phase's own event starts that day
        event = Event.new(uid=uid(f"milestone-{milestone.kind}"), stamp=stamp, start=milestone.day,
                          end=milestone.day + ONE_DAY, summary=f"{facts.customer}: {milestone.title}")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    zone = zoneinfo.ZoneInfo(facts.time_zone)
    last_day = facts.phases[-1].dates.end if facts.phases else facts.go_live
    for line in facts.communications:
        if line.meeting is not None:
            calendar.add_component(_meeting(facts, line, zone, last_day, stamp, uid(f"meeting-{line.communication.id}")))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _meeting(facts: KitFacts, line: CommunicationLine, zone: zoneinfo.ZoneInfo, last_day: datetime.date,
             stamp: datetime.datetime, uid: str) -> Event:
    meeting = line.meeting
    first = facts.kickoff + datetime.timedelta(days=(_WEEKDAY[meeting.weekday] - facts.kickoff.weekday()) % 7)
    hour, minute = (int(part) for part in meeting.time.split(":"))
    start = datetime.datetime.combine(first, datetime.time(hour, minute), tzinfo=zone)
    communication = line.communication
    event = Event.new(
        uid=uid, stamp=stamp, start=start, end=start + datetime.timedelta(minutes=meeting.minutes),
        summary=f"{facts.customer}: {communication.title}",
        description=f"{communication.purpose}\n\nHow: {communication.channel}\nRun by {line.owner.label}.",
        organizer=_address(line.owner, "CHAIR"),
        attendees=[_address(person) for person in line.recipients])
    until = datetime.datetime.combine(last_day, datetime.time(23, 59), tzinfo=zone).astimezone(datetime.UTC)
    event.add("rrule", {"freq": "weekly", "interval": meeting.every_weeks, "byday": _BYDAY[meeting.weekday],
                        "until": until})
    return event
