"""The fast constructors the extractor builds models with, against the models' own.

``_fastcheck.new_<model>(...)`` must give what ``<Model>(...)`` gives for the same
fields: an equal instance of the same type (same fields, pickle round trip, id, JSON,
no state besides the fields), or the same ValidationError. Checked on generated valid
instances and on the same with one field replaced by a value of another kind, type or
shape (a list where a tuple goes, a subclass, a broken rule).
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplomatic_events as de
from diplomatic_events import _fastcheck
from diplomatic_events.vocab import AgreementStatus, Domain, LocationKind, MeetingStatus, PartyKind
from strategies import (
    agreements,
    articles,
    event_sets,
    exercises,
    locations,
    meetings,
    partial_dates,
    parties,
    spans,
    status_changes,
)

if TYPE_CHECKING:
    from collections.abc import Callable

#: Each fast constructor, by the model it builds.
FAST: dict[type, Callable[..., Any]] = {
    de.Span: _fastcheck.new_span,
    de.Agreement: _fastcheck.new_agreement,
    de.Meeting: _fastcheck.new_meeting,
    de.Exercise: _fastcheck.new_exercise,
    de.EventSet: _fastcheck.new_event_set,
    de.Location: _fastcheck.new_location,
    de.Party: _fastcheck.new_party,
    de.PartialDate: _fastcheck.new_partial_date,
    de.StatusChange: _fastcheck.new_status_change,
    de.Article: _fastcheck.new_article,
}

_VALID = st.one_of(
    spans(),
    agreements(),
    meetings(),
    exercises(),
    event_sets(),
    locations(),
    parties(),
    partial_dates(),
    status_changes(),
    articles(),
)

#: Values of kinds and shapes the fields hold, and of those they must not.
_ODD = st.one_of(
    st.sampled_from(
        [
            None,
            "",
            " x",
            "a\ud800b",
            "caf\u00e9",
            "JPN",
            "jpn",
            "XXX",
            12,
            31,
            0,
            -1,
            3,
            2**53,
            True,
            1.5,
            (),
            ("a", "a"),
            ["a"],
            PartyKind.PERSON,
            PartyKind.COUNTRY,
            PartyKind.ORGANIZATION,
            LocationKind.OTHER,
            MeetingStatus.HELD,
            AgreementStatus.SIGNED,
            Domain.SEA,
        ]
    ),
    spans(),
    parties(),
    locations(),
)


class _Str(str):
    __slots__ = ()


@st.composite
def _replacement(draw: st.DrawFn, current: object) -> object:
    if type(current) is tuple:
        return draw(
            st.sampled_from([list(current), current[::-1], current[1:], current + current[:1], ()])
            | st.lists(_ODD, max_size=3).map(tuple)
        )
    if type(current) is int:
        return draw(st.sampled_from([current + 1, current - 1, -current, float(current)]))
    if type(current) is str:
        return draw(st.sampled_from([current + "x", current[:-1], " " + current, _Str(current)]))
    return draw(_ODD)


def _fields(model: Any) -> dict[str, Any]:
    # The fields new_<model> takes (an EventSet's schema version is always the current one).
    return {
        a.name: getattr(model, a.name)
        for a in attrs.fields(type(model))
        if a.name != "schema_version"
    }


def _build(make: Callable[..., Any], fields: dict[str, Any]) -> Any:
    try:
        return make(**fields)
    except de.ValidationError as e:
        return e


def _assert_same(fast: Any, slow: Any) -> None:
    assert type(fast) is type(slow)
    if isinstance(slow, de.ValidationError):
        assert str(fast) == str(slow)
        assert fast.problems == slow.problems
        return
    assert fast == slow
    assert attrs.asdict(fast, recurse=False) == attrs.asdict(slow, recurse=False)
    assert hasattr(fast, "_id") == hasattr(slow, "_id")  # the id's cache stays unset
    assert pickle.loads(pickle.dumps(fast)) == pickle.loads(pickle.dumps(slow))  # noqa: S301
    assert getattr(fast, "id", None) == getattr(slow, "id", None)
    if isinstance(slow, de.EventSet):
        assert de.to_json(fast) == de.to_json(slow)
    assert attrs.evolve(fast) == attrs.evolve(slow)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_VALID)
def test_property_fast_constructor_builds_the_same_valid_instance(model: Any) -> None:
    """Valid fields: the same instance as the model's constructor builds."""
    fields = _fields(model)
    fast = _build(FAST[type(model)], fields)
    assert not isinstance(fast, de.ValidationError)
    _assert_same(fast, _build(type(model), fields))


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=400)
@given(_VALID, st.data())
def test_property_fast_constructor_agrees_with_one_field_replaced(model: Any, data: Any) -> None:
    """Any one field replaced: the same instance, or the same ValidationError."""
    fields = _fields(model)
    name = data.draw(st.sampled_from(sorted(fields)))
    fields[name] = data.draw(_replacement(fields[name]))
    _assert_same(_build(FAST[type(model)], fields), _build(type(model), fields))


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (-1, 2, "abc"),
        (2, 2, ""),
        (3, 2, "a"),
        (2**53 - 2, 2**53, "ab"),
        (0, 2, "a\ud800"),
        (0, 2, _Str("ab")),
        (True, 2, "ab"),
        (0, 2.0, "ab"),
    ],
)
def test_fast_span_agrees_on_offsets_only_related_rules_catch(
    start: Any, end: Any, text: Any
) -> None:
    """Spans whose offsets break rules a one-field change does not reach."""
    fields = {"start": start, "end": end, "text": text}
    _assert_same(_build(_fastcheck.new_span, fields), _build(de.Span, fields))


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [
        (2024, 2, 29),
        (2023, 2, 29),
        (2023, None, 5),
        (0, None, None),
        (10000, 1, 1),
        (True, None, None),
        (2023, 13, None),
        (2023, 4, 31),
        (2023, 1, 0),
    ],
)
def test_fast_partial_date_agrees_on_calendar_rules(year: Any, month: Any, day: Any) -> None:
    """Dates whose fields break rules that relate them (the month's length)."""
    fields = {"year": year, "month": month, "day": day}
    _assert_same(_build(_fastcheck.new_partial_date, fields), _build(de.PartialDate, fields))


@pytest.mark.parametrize(
    ("kind", "name", "country", "title", "aliases"),
    [
        (PartyKind.ORGANIZATION, "NATO", None, "Chief", ()),
        (PartyKind.COUNTRY, "Japan", "JPN", "Emperor", ()),
        (PartyKind.COUNTRY, "Japan", None, None, ()),
        (PartyKind.PERSON, "Lee", "KOR", "President", ["Mr Lee"]),
        (PartyKind.PERSON, "Lee", "KOR", "President", ("Mr Lee", "Mr Lee")),
        (PartyKind.MILITARY, "Army", "jpn", None, ()),
    ],
)
def test_fast_party_agrees_on_rules_between_fields(
    kind: Any, name: Any, country: Any, title: Any, aliases: Any
) -> None:
    """Parties whose kind, country and title disagree."""
    fields = {"kind": kind, "name": name, "country": country, "title": title, "aliases": aliases}
    _assert_same(_build(_fastcheck.new_party, fields), _build(de.Party, fields))
