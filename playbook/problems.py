"""Problems an author can act on, and the one error that carries all of them.

Every check in this package reports a Problem instead of raising, so that a build lists every
mistake at once; the caller raises PlaybookError when the list is not empty.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was written: a file (as the author sees its path) and a line in it."""

    file: str
    line: int

    def problem(self, message: str, fix: str) -> Problem:
        return Problem(self.file, self.line, message, fix)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake: where it is, what is wrong, and how to fix it."""

    file: str
    line: int | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return _visible(f"{where}: {self.message} — {self.fix}")


def _visible(text: str) -> str:
    """text on one line: a character that does not print (a newline an id ends with, a tab, a
    U+2028 in a value) is written as its escape, so every problem stays one line that says where."""
    return text if text.isprintable() else "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class PlaybookError(Exception):
    """Raised once, with every problem a check found."""

    def __init__(self, problems: list[Problem], *, what: str = "The playbook data") -> None:
        self.problems = sorted(set(problems), key=_reading_order)
        self.what = what
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.what} has {count} {noun}:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


def _reading_order(problem: Problem) -> tuple[str, int, str]:
    return (problem.file, problem.line or 0, problem.message)


def raise_if_any(problems: list[Problem], *, what: str = "The playbook data") -> None:
    if problems:
        raise PlaybookError(problems, what=what)
