"""The models' fast happy-path checks (compiled in the wheel) against their full checks.

A fast check may say False where the full check finds no problem (it then decides),
never True where the full check finds one. tests/test_models.py holds the models to
their rules by example; here each fast check is compared with its model's full check on
valid instances and on instances with one field replaced (bypassing validation) by a
value of another kind, type or shape.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplomatic_events as de
from diplomatic_events import _fastcheck, _models
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

#: Each model's fast check, by the name _models calls it by. (Party, Location, Span and
#: StatusChange hold theirs inline, and tests/test_models.py holds them to the rules.)
FAST = {
    de.Meeting: "meeting_ok",
    de.Agreement: "agreement_ok",
    de.Exercise: "exercise_ok",
    de.Article: "article_ok",
    de.EventSet: "event_set_ok",
}


def test_models_call_the_fast_checks_of_the_fastcheck_module() -> None:
    """The models run _fastcheck's functions (compiled in the wheel), not copies."""
    for name in FAST.values():
        assert getattr(_models, name) is getattr(_fastcheck, name)


def _full_check_passes(model: Any) -> bool:
    # The model's own check, with its fast check made to decline: the full check runs.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_models, FAST[type(model)], lambda _: False)
        try:
            model.__attrs_post_init__()
        except de.ValidationError:
            return False
    return True


def _fast_check_passes(model: Any) -> bool:
    result = getattr(_fastcheck, FAST[type(model)])(model)
    assert type(result) is bool
    return result


_VALID = st.one_of(
    meetings(),
    agreements(),
    exercises(),
    articles(),
    event_sets(),
)

#: Values of every kind the fields hold, and of kinds and shapes they must not.
_ODD = st.one_of(
    st.sampled_from(
        [
            None,
            "",
            " x",
            "x\n",
            "a\ud800b",
            "caf\u00e9",
            "JPN",
            "jpn",
            "XXX",
            0,
            -1,
            3,
            2**53,
            True,
            1.5,
            (),
            ("a", "a"),
            ("a", ""),
            ["a"],
            PartyKind.PERSON,
            PartyKind.COUNTRY,
            PartyKind.ORGANIZATION,
            LocationKind.OTHER,
            MeetingStatus.HELD,
            AgreementStatus.SIGNED,
            AgreementStatus.PROPOSED,
            Domain.SEA,
            1,
        ]
    ),
    partial_dates(),
    locations(),
    spans(),
    parties(),
    status_changes(),
    meetings(),
    agreements(),
    exercises(),
    articles(),
)


def _nearby(current: object) -> list[object]:
    # Values close to the current one, which break the rules that relate fields: a
    # span's length, the lifecycle's order, evidence quoting the article.
    if type(current) is str:
        return [current + "x", current[:-1], current.upper(), " " + current]
    if type(current) is int:
        return [current + 1, current - 1, -current]
    if type(current) is tuple:
        return [current[::-1], current[1:], current + current[:1]]
    if isinstance(current, de.Article):
        return [attrs.evolve(current, text=" " + current.text), None]
    if isinstance(current, de.PartialDate):
        return [de.PartialDate(year=1), de.PartialDate(year=9999), None]
    return [None]


@st.composite
def _replacement(draw: st.DrawFn, current: object) -> object:
    # A value close to the current one, a whole new value, or (for a tuple) the same
    # tuple with one item replaced, one item repeated, or a new tuple of other values.
    if draw(st.booleans()):
        return draw(st.sampled_from(_nearby(current)))
    if type(current) is tuple and current and draw(st.booleans()):
        items = list(current)
        i = draw(st.integers(0, len(items) - 1))
        how = draw(st.sampled_from(["replace", "repeat"]))
        if how == "replace":
            items[i] = draw(_ODD)
        else:
            items.append(items[i])
        return tuple(items)
    if draw(st.booleans()):
        return tuple(draw(st.lists(_ODD, max_size=3)))
    return draw(_ODD)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_VALID)
def test_property_fast_check_passes_every_valid_instance(model: Any) -> None:
    """Generated instances (exact types) take the fast path, and the full check agrees."""
    assert _fast_check_passes(model)
    assert _full_check_passes(model)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=300)
@given(_VALID, st.data())
def test_property_fast_check_is_never_laxer_than_the_full_check(model: Any, data: Any) -> None:
    """With any one field replaced, the fast check passes only where the full check does."""
    field = data.draw(st.sampled_from([a.name for a in attrs.fields(type(model))]))
    value = data.draw(_replacement(getattr(model, field)))
    object.__setattr__(model, field, value)
    if _fast_check_passes(model):
        assert _full_check_passes(model)
