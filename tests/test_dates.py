"""PartialDate: parsing, calendar checks, ordering and containment."""

# The tests write `expected == actual` (STYLE.md), which SIM300 calls a Yoda condition.

from __future__ import annotations

import calendar
import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomatic_events import PartialDate, ValidationError
from strategies import partial_dates


@pytest.mark.parametrize("text", ["2024", "2024-05", "2024-05-02", "0001", "9999-12-31"])
def test_parse_str_round_trip(text: str) -> None:
    """Parsing an ISO date of any precision and writing it back gives the same text."""
    assert text == str(PartialDate.parse(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", PartialDate(year=2024)),
        ("2024-05", PartialDate(year=2024, month=5)),
        ("2024-05-02", PartialDate(year=2024, month=5, day=2)),
    ],
)
def test_parse_parts(text: str, expected: PartialDate) -> None:
    """Each precision parses into the matching year, month and day parts."""
    assert expected == PartialDate.parse(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024", "year"), ("2024-05", "month"), ("2024-05-02", "day")],
)
def test_precision(text: str, expected: str) -> None:
    """The precision names the smallest part given."""
    assert expected == PartialDate.parse(text).precision


@pytest.mark.parametrize(
    "text",
    [
        "2023-02-29",  # not a leap year
        "2024-02-30",
        "2024-04-31",
        "2024-13",  # month 13
        "2024-13-01",
        "2024-00",
        "2024-05-00",
        "0000",
        "2024-5-2",  # not zero-padded
        "2024-5",
        "24-05-02",  # two-digit year
        "2024-05-02T10:00",  # a time of day
        "2024-05-02 10:00",
        " 2024",  # surrounding whitespace
        "2024 ",
        "2024\n",
        "２０２４",  # full-width digits  # noqa: RUF001
        "٢٠٢٤",  # Arabic-Indic digits
        "20240502",  # basic format
        "2024/05/02",
        "+2024",
        "",
        "May 2024",
    ],
)
def test_parse_rejects(text: str) -> None:
    """Anything but a real YYYY, YYYY-MM or YYYY-MM-DD date raises ValidationError."""
    with pytest.raises(ValidationError) as info:
        PartialDate.parse(text)

    assert ["$"] == [p.path for p in info.value.problems]


def test_parse_rejects_non_string() -> None:
    """Parsing something that is not a string raises ValidationError, not TypeError."""
    with pytest.raises(ValidationError):
        PartialDate.parse(2024)  # type: ignore[arg-type]


def test_leap_day_accepted() -> None:
    """February 29 exists in a leap year."""
    assert dt.date(2024, 2, 29) == PartialDate.parse("2024-02-29").earliest()


def test_constructor_checks_calendar() -> None:
    """Building from parts runs the same calendar check, naming the day field."""
    with pytest.raises(ValidationError) as info:
        PartialDate(year=2023, month=2, day=29)

    assert ["$.day"] == [p.path for p in info.value.problems]


@pytest.mark.parametrize("year", [1, 4, 100, 400, 1900, 2000, 2023, 2024, 9996, 9999])
def test_month_lengths_follow_the_calendar(year: int) -> None:
    """Every month's last day, leap years included, is the calendar module's."""
    for month in range(1, 13):
        last = calendar.monthrange(year, month)[1]
        assert last == PartialDate(year=year, month=month).latest().day
        assert last == PartialDate(year=year, month=month, day=last).day
        with pytest.raises(ValidationError) as info:
            PartialDate(year=year, month=month, day=last + 1)

        reason = f"{year:04d}-{month:02d} has no day {last + 1} (it has {last} days)"
        assert [("$.day", reason)] == [(p.path, p.reason) for p in info.value.problems]


def test_constructor_day_needs_month() -> None:
    """A day without a month is rejected."""
    with pytest.raises(ValidationError) as info:
        PartialDate(year=2024, day=3)

    assert ["$.day"] == [p.path for p in info.value.problems]


def test_constructor_rejects_bool_year() -> None:
    """A bool is not a year, although Python counts it as an int."""
    with pytest.raises(ValidationError):
        PartialDate(year=True)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024-05-02", dt.date(2024, 5, 2), dt.date(2024, 5, 2)),
    ],
)
def test_earliest_latest(text: str, earliest: dt.date, latest: dt.date) -> None:
    """earliest() and latest() give the first and last day the date may mean."""
    date = PartialDate.parse(text)

    assert (earliest, latest) == (date.earliest(), date.latest())


def test_contains() -> None:
    """A month contains its days and no others."""
    may = PartialDate.parse("2024-05")

    assert [False, True, True, False] == [
        may.contains(dt.date(2024, 4, 30)),
        may.contains(dt.date(2024, 5, 1)),
        may.contains(dt.date(2024, 5, 31)),
        may.contains(dt.date(2024, 6, 1)),
    ]


def test_ordering_by_earliest_then_latest() -> None:
    """Dates sort by their earliest day, then by their latest."""
    texts = ["2024-06", "2024", "2024-01-01", "2023-12-31", "2024-01"]

    assert ["2023-12-31", "2024-01-01", "2024-01", "2024", "2024-06"] == [
        str(d) for d in sorted(PartialDate.parse(t) for t in texts)
    ]


def test_ordering_with_other_types_is_type_error() -> None:
    """Comparing with something that is not a PartialDate raises TypeError."""
    with pytest.raises(TypeError):
        _ = PartialDate(year=2024) < dt.date(2024, 1, 1)


def test_from_date() -> None:
    """from_date gives the day-precision date."""
    assert "2024-05-03" == str(PartialDate.from_date(dt.date(2024, 5, 3)))


@given(partial_dates())
def test_property_str_parse_round_trip(date: PartialDate) -> None:
    """Every valid date survives str() and parse()."""
    assert date == PartialDate.parse(str(date))


@given(partial_dates())
def test_property_contains_its_bounds(date: PartialDate) -> None:
    """A date contains its earliest and latest days, and earliest <= latest."""
    assert (True, True, True) == (
        date.earliest() <= date.latest(),
        date.contains(date.earliest()),
        date.contains(date.latest()),
    )


@given(partial_dates(), st.dates())
def test_property_contains_matches_bounds(date: PartialDate, day: dt.date) -> None:
    """contains(day) holds exactly when the day falls between earliest and latest."""
    assert (date.earliest() <= day <= date.latest()) == date.contains(day)


@given(partial_dates(), partial_dates())
def test_property_ordering_is_by_bounds(a: PartialDate, b: PartialDate) -> None:
    """The order of two dates is the order of their (earliest, latest) days."""
    key_a, key_b = (a.earliest(), a.latest()), (b.earliest(), b.latest())

    assert (key_a < key_b, key_a <= key_b, key_a > key_b, key_a >= key_b, a == b) == (
        a < b,
        a <= b,
        a > b,
        a >= b,
        key_a == key_b,
    )


@given(partial_dates())
def test_property_pickles(date: PartialDate) -> None:
    """Every date pickles and unpickles equal."""
    assert date == pickle.loads(pickle.dumps(date))  # noqa: S301 - our own bytes


@given(st.dates())
def test_property_from_date_contains_only_that_day(day: dt.date) -> None:
    """A day-precision date's earliest and latest are that day."""
    date = PartialDate.from_date(day)

    assert (day, day) == (date.earliest(), date.latest())
