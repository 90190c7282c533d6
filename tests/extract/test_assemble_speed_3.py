"""The assembly's day numbers order dates as the models' dates do."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from diplomatic_events._dates import PartialDate
from diplomatic_events._extract import _assemble as assemble
from strategies import partial_dates


@given(st.dates())
def test_day_number_is_the_ordinal(date: dt.date) -> None:
    """A valid date's number is its proleptic Gregorian ordinal."""
    assert assemble._day_number(date.year, date.month, date.day) == date.toordinal()


@given(partial_dates())
def test_first_and_last_day_are_the_models(date: PartialDate) -> None:
    """The numbers of the first and last days a date may mean are the model's days'."""
    assert assemble._first_day(date) == date.earliest().toordinal()
    assert assemble._last_day(date) == date.latest().toordinal()


def test_leap_days() -> None:
    """February's and the year's last days in leap and common years, as the model's."""
    for year in (1, 4, 100, 400, 1900, 2000, 2023, 2024, 9999):
        for date in (PartialDate(year=year), PartialDate(year=year, month=2)):
            assert assemble._first_day(date) == date.earliest().toordinal()
            assert assemble._last_day(date) == date.latest().toordinal()
        march = PartialDate(year=year, month=3, day=1)
        assert assemble._first_day(march) == dt.date(year, 3, 1).toordinal()
