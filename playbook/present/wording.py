"""How a communication's fields read in a sentence: when it happens, and how it travels.

Every output that shows a communication (the communication plan, role pages, `comm_cadence`,
a kit's deck, appendix and project page, the status report) prints these words, made here from
the fields of data/communications.yml (and a project's agreed day, time and length), so no
output writes a day, a time or a length of its own. Plain text, no markup: templates escape it.
"""
from __future__ import annotations

from collections.abc import Mapping

from playbook.model.facts import Communication, Occasion, Recurrence

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve")
MEDIUM_WORDS = {"email": "by email", "teams-channel": "posted in the shared Teams channel",
                "video-call": "video call", "in-person": "in person"}


def count(number: int, unit: str) -> str:
    """'two weeks', 'one working day': small counts in words, as the playbook's prose writes them."""
    said = NUMBER_WORDS[number] if number < len(NUMBER_WORDS) else str(number)
    return f"{said} {unit}" if number == 1 else f"{said} {unit}s"


def length(minutes: int) -> str:
    """A meeting's length: '45 minutes', '2 hours'."""
    if minutes >= 120 and minutes % 60 == 0:
        return f"{minutes // 60} hours"
    return f"{minutes} minutes"


def weekday(day: str) -> str:
    return day.capitalize()


def _recurring(communication: Communication, recurs: Recurrence, phase_titles: Mapping[str, str]) -> str:
    clock = f"{'at' if communication.is_meeting else 'by'} {recurs.time}"
    if recurs.every == "working-day":
        span = f" of {phase_titles.get(recurs.during, recurs.during).lower()}" if recurs.during else ""
        text = f"every working day{span} {clock}"
        if recurs.then_weekly_last_weeks:
            weeks = recurs.then_weekly_last_weeks
            text += f", then every {weekday(recurs.weekday)} in its last {count(weeks, 'week') if weeks > 1 else 'week'}"
    elif recurs.every_weeks == 1:
        text = f"weekly, every {weekday(recurs.weekday)} {clock}"
    else:
        text = f"every {count(recurs.every_weeks, 'week')}, on {weekday(recurs.weekday)} {clock}"
    if recurs.during and recurs.every == "week":
        text += f", during {phase_titles.get(recurs.during, recurs.during).lower()}"
    return f"{text}, {recurs.also}" if recurs.also else text


def _once(occasion: Occasion) -> str:
    if occasion.working_days:
        amount = count(occasion.working_days, "working day")
    elif occasion.weeks:
        amount = count(occasion.weeks, "week")
    else:
        amount = ""
    if occasion.relation == "within":
        text = f"within {amount} of {occasion.event}"
    elif occasion.relation == "before" and amount:
        text = f"{amount} before {occasion.event}"
    else:
        text = f"{occasion.relation} {occasion.event}"
    return f"usually {text}" if occasion.usually else text


def when(communication: Communication, phase_titles: Mapping[str, str]) -> str:
    """When it happens, as it reads after "It happens": 'weekly, every Thursday by 17:00'."""
    if communication.recurs is not None:
        return _recurring(communication, communication.recurs, phase_titles)
    if communication.once is not None:
        return _once(communication.once)
    return ""


def how(communication: Communication) -> str:
    """How it travels, as a sentence's start: 'Video call, 45 minutes, the pack sent one working day ahead'."""
    media = [MEDIUM_WORDS[medium] for medium in communication.channel]
    if communication.is_meeting:
        parts = [" or ".join(media)]
        if communication.minutes:
            parts.append(length(communication.minutes))
        if communication.sent_ahead:
            ahead = communication.sent_ahead
            parts.append(f"{ahead.what} sent {count(ahead.working_days, 'working day')} ahead")
    else:
        parts = [", and ".join(media)]
    if communication.note:
        parts.append(communication.note)
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]
