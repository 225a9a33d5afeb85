"""The project's calendar (.ics): its phases and milestones, and its recurring meetings.

Made with icalendar. Phases and milestones are all-day and shown as free time, so they sit on
a calendar without blocking it. Every recurring meeting (data/communications.yml, with the day,
time and length the project agreed) recurs from the kickoff week to the project's last day, or
through its phase, in the customer's time zone, with the people named for its owner as organiser
and its attendees; it lasts its `minutes`. A message (the status report) is sent, not attended,
so it is no event. UIDs are stable per project and
event, so importing a newer kit updates the events instead of doubling them.
"""
from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from icalendar import Calendar, Event, vCalAddress

from playbook.kits.facts import CommunicationLine, KitFacts, Named

_BYDAY = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR"}
_WEEKDAY = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
WORKING_DAYS = tuple(_BYDAY)
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
        description=f"Phases, milestones and meetings of the {facts.title} project with {facts.brand.firm_name}. "
                    f"The project's page: {facts.page_url}")
    if facts.page_url:
        calendar.add("url", facts.page_url)

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
    for line in facts.communications:
        # A message is sent, not attended: it is no event in anyone's calendar.
        if line.communication.is_meeting and line.communication.recurs is not None:
            for series in meeting_series(facts, line):
                calendar.add_component(_meeting(facts, line, series, zone, stamp,
                                                uid(f"meeting-{line.communication.id}{series.key}")))
    calendar.add_missing_timezones()
    return calendar.to_ical()


@dataclass(frozen=True)
class Series:
    """One weekly rule of a recurring meeting: from its first day to its last, on these weekdays."""

    key: str                   # added to the event's UID: "" for the main series
    first: datetime.date       # the first day it is held
    last: datetime.date        # no meeting after this day
    every_weeks: int
    weekdays: tuple[str, ...]

    def days(self) -> list[datetime.date]:
        """Every day the rule falls on (RFC 5545 weekly rule with BYDAY, from the first day's week)."""
        found, week = [], self.first - datetime.timedelta(days=self.first.weekday())
        wanted = sorted(_WEEKDAY[day] for day in self.weekdays)
        while week <= self.last:
            found += [day for day in (week + datetime.timedelta(days=n) for n in wanted) if self.first <= day <= self.last]
            week += datetime.timedelta(weeks=self.every_weeks)
        return found


def meeting_series(facts: KitFacts, line: CommunicationLine) -> list[Series]:
    """When a recurring meeting is held on this project: in its phase (recurs.during) or from the
    kickoff to the project's last day; a daily series that turns weekly in its last weeks is two."""
    recurs = line.communication.recurs
    phase = facts.phase(recurs.during) if recurs.during else None
    if phase is not None:
        begin, end = phase.dates.start, phase.dates.end
    else:
        begin, end = facts.kickoff, facts.phases[-1].dates.end if facts.phases else facts.go_live
    if recurs.every == "week":
        return [Series("", _on_or_after(begin, recurs.weekday), end, recurs.every_weeks, (recurs.weekday,))]
    weekly_weeks = recurs.then_weekly_last_weeks or 0
    daily_end = end - datetime.timedelta(weeks=weekly_weeks)
    found = [Series("", begin, daily_end, 1, WORKING_DAYS)] if daily_end >= begin else []
    if weekly_weeks:
        found.append(Series("-weekly", _on_or_after(max(begin, daily_end + ONE_DAY), recurs.weekday), end, 1,
                            (recurs.weekday,)))
    return [series for series in found if series.first <= series.last]


def _on_or_after(day: datetime.date, weekday: str) -> datetime.date:
    return day + datetime.timedelta(days=(_WEEKDAY[weekday] - day.weekday()) % 7)


def _meeting(facts: KitFacts, line: CommunicationLine, series: Series, zone: zoneinfo.ZoneInfo,
             stamp: datetime.datetime, uid: str) -> Event:
    communication = line.communication
    hour, minute = (int(part) for part in communication.recurs.time.split(":"))
    start = datetime.datetime.combine(series.first, datetime.time(hour, minute), tzinfo=zone)
    event = Event.new(
        uid=uid, stamp=stamp, start=start, end=start + datetime.timedelta(minutes=communication.minutes),
        summary=f"{facts.customer}: {communication.title}",
        description=f"{communication.purpose}\n\nWhen: {line.when}.\nHow: {line.how}.\nRun by {line.owner.label}."
                    f"\nThe project's page: {facts.page_url}",
        organizer=_address(line.owner, "CHAIR"),
        attendees=[_address(person) for person in line.recipients])
    until = datetime.datetime.combine(series.last, datetime.time(23, 59), tzinfo=zone).astimezone(datetime.UTC)
    event.add("rrule", {"freq": "weekly", "interval": series.every_weeks,
                        "byday": [_BYDAY[day] for day in series.weekdays], "until": until})
    # Nobody meets on a public holiday or an agreed day off: those occurrences are left out.
    skipped = [datetime.datetime.combine(day, start.timetz()) for day in series.days() if day in dict(facts.days_off)]
    if skipped:
        event.add("exdate", skipped)
    return event
