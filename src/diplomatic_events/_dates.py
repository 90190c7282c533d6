"""Dates known to year, month or day precision."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Final

import attrs

from diplomatic_events._repr import show
from diplomatic_events.exceptions import Problem, ValidationError

__all__ = ["PartialDate"]

# ASCII digits only: str.isdigit and \d without re.ASCII accept other scripts' digits.
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)
# Days in each month of a common year, January at 1.
_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# "00" to "99": a month or day written as ISO 8601 writes it ("%02d").
_TWO_DIGITS: Final = tuple("%02d" % i for i in range(100))  # noqa: UP031


def _month_days(y: int, m: int) -> int:
    # calendar.monthrange(y, m)[1], without the weekday monthrange also works out.
    if m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
        return 29
    return _MONTH_DAYS[m]


@attrs.frozen(kw_only=True, eq=True, order=False)
class PartialDate:
    """A calendar date known to year, month or day precision.

    Written as ISO 8601 with reduced precision: ``2024``, ``2024-05``, ``2024-05-02``.
    "March 2024" is March 2024, not March 1: the precision is kept, and
    :meth:`earliest` / :meth:`latest` give the first and last day it may mean.
    Dates order by their earliest day, then by their latest (so ``2024-01-01`` sorts
    before ``2024-01``, which sorts before ``2024``).

    Args:
        year: 1 to 9999.
        month: 1 to 12, or None for a year-precision date.
        day: a real day of that month, or None; needs a month.

    Raises:
        ValidationError: if the parts do not form a real calendar date.

    Example:
        >>> d = PartialDate.parse("2024-05")
        >>> str(d), d.precision, str(d.earliest()), str(d.latest())
        ('2024-05', 'month', '2024-05-01', '2024-05-31')
        >>> d.contains(dt.date(2024, 5, 17))
        True
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        """Check the date is a real calendar date."""
        y, m, d = self.year, self.month, self.day
        # Nearly every date is valid: pass it through the checks below, which build
        # messages, only when this quick test (of the very same rules) fails.
        if type(y) is int and 1 <= y <= 9999:
            if m is None:
                if d is None:
                    return
            elif (
                type(m) is int
                and 1 <= m <= 12
                and (d is None or (type(d) is int and 1 <= d <= _month_days(y, m)))
            ):
                return
        problems: list[Problem] = []
        if type(y) is not int:
            problems.append(Problem("$.year", f"expected an integer, got {show(y)}"))
        elif not 1 <= y <= 9999:
            problems.append(Problem("$.year", f"{show(y)} is outside 1..9999"))
        if m is not None:
            if type(m) is not int:
                problems.append(Problem("$.month", f"expected an integer or None, got {show(m)}"))
            elif not 1 <= m <= 12:
                problems.append(Problem("$.month", f"{show(m)} is not a month (1..12)"))
        if d is not None:
            if m is None:
                problems.append(Problem("$.day", "a day needs a month"))
            elif type(d) is not int:
                problems.append(Problem("$.day", f"expected an integer or None, got {show(d)}"))
            elif not problems:
                last = _month_days(y, m)
                if not 1 <= d <= last:
                    problems.append(
                        Problem(
                            "$.day", f"{y:04d}-{m:02d} has no day {show(d)} (it has {last} days)"
                        )
                    )
        if problems:
            raise ValidationError(problems)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            ValidationError: for any other form (``2024-5-2``, ``24-05-02``, a time of day)
                or a date that is not on the calendar (``2023-02-29``).
        """
        if type(text) is not str:
            raise ValidationError.single("$", f"expected an ISO date string, got {text!r}")
        return _parse(text)

    @classmethod
    def from_date(cls, date: dt.date) -> PartialDate:
        """Return the day-precision date of a :class:`datetime.date`."""
        return cls(year=date.year, month=date.month, day=date.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def earliest(self) -> dt.date:
        """Return the first day this date may mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """Return the last day this date may mean."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, _month_days(self.year, self.month))
        return dt.date(self.year, self.month, self.day)

    def contains(self, date: dt.date) -> bool:
        """Return whether *date* falls within this date's precision."""
        return self.earliest() <= date <= self.latest()

    def _key(self) -> tuple[dt.date, dt.date]:
        return (self.earliest(), self.latest())

    def __lt__(self, other: object) -> bool:
        """Order by earliest day, then latest day."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        """Order by earliest day, then latest day."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        """Order by earliest day, then latest day."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        """Order by earliest day, then latest day."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        """Return the reduced-precision ISO 8601 form."""
        # Ids of events write their dates: the month and day come from a table, and a
        # year of four digits (every year from 1000, of a valid date) needs no padding,
        # which costs less than %-formatting ("%04d-%02d-%02d").
        y, m, d = self.year, self.month, self.day
        year = str(y) if y >= 1000 else "%04d" % y  # noqa: UP031
        if m is None:
            return year
        if d is None:
            return f"{year}-{_TWO_DIGITS[m]}"
        return f"{year}-{_TWO_DIGITS[m]}-{_TWO_DIGITS[d]}"


@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> PartialDate:
    # Instances are immutable, so a cache is safe and makes repeated dates free.
    match = _ISO.fullmatch(text)
    if match is None:
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise ValidationError.single(
            "$", f"{shown!r} is not an ISO date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        )
    y, m, d = match.groups()
    try:
        return PartialDate(
            year=int(y), month=None if m is None else int(m), day=None if d is None else int(d)
        )
    except ValidationError as exc:
        reasons = "; ".join(p.reason for p in exc.problems)
        raise ValidationError.single("$", f"{text!r} is not a calendar date: {reasons}") from None
