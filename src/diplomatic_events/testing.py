"""Hypothesis strategies that generate valid instances of every model.

Use them to test your own code that consumes or produces diplomatic events:
every value they generate passes the models' validation, round-trips through
JSON, and validates against the published JSON Schema.

This module imports `hypothesis <https://hypothesis.readthedocs.io>`_, which is not a
runtime dependency of diplomatic-events; install it with the ``testing`` extra::

    pip install "diplomatic-events[testing]"

Example:
    >>> from hypothesis import given, settings
    >>> from diplomatic_events import EventSet, from_json, to_json
    >>> from diplomatic_events.testing import event_sets
    >>> @settings(max_examples=10)
    ... @given(event_sets())
    ... def test_round_trip(events: EventSet) -> None:
    ...     assert from_json(EventSet, to_json(events)) == events
    >>> test_round_trip()

Sizes are kept small (a few items per collection, short texts) so that property
tests run quickly; pass ``max_size`` where offered for more.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final, TypeVar

from hypothesis import strategies as st

from diplomatic_events._dates import PartialDate
from diplomatic_events._models import (
    Agreement,
    Article,
    EventSet,
    Exercise,
    Location,
    Meeting,
    Party,
    Span,
    StatusChange,
    _country_codes,
)
from diplomatic_events.vocab import (
    AGREEMENT_LIFECYCLE,
    AgreementKind,
    AgreementStatus,
    Domain,
    ExerciseStatus,
    LocationKind,
    MeetingFormat,
    MeetingStatus,
    PartyKind,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "agreements",
    "articles",
    "country_codes",
    "event_sets",
    "exercises",
    "locations",
    "meetings",
    "partial_dates",
    "parties",
    "party_kinds",
    "spans",
    "status_changes",
    "texts",
]

_T = TypeVar("_T")

_STATE_KINDS: Final = frozenset({PartyKind.COUNTRY, PartyKind.GOVERNMENT, PartyKind.MILITARY})
_PRECISIONS: Final = ("year", "month", "day")
# Unicode, but never a lone surrogate: those cannot be encoded as UTF-8 or JSON.
_CHARACTERS = st.characters(exclude_categories=["Cs"])


def _optional(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | strategy


def party_kinds() -> st.SearchStrategy[PartyKind]:
    """Generate a :class:`~diplomatic_events.PartyKind`.

    Returns:
        A strategy of every kind of party.
    """
    return st.sampled_from(PartyKind)


def country_codes() -> st.SearchStrategy[str]:
    """Generate an assigned ISO 3166-1 alpha-3 code in upper case, such as ``"JPN"``.

    Returns:
        A strategy drawing from the codes the models accept.
    """
    return st.sampled_from(sorted(_country_codes()))


def texts(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Generate a text field's value: non-empty, with no leading or trailing whitespace.

    Any Unicode character may appear except lone surrogates, which no UTF-8 or JSON
    document can hold.

    Args:
        max_size: The most characters to draw before stripping whitespace.

    Returns:
        A strategy of valid text values.
    """
    return (
        st.text(_CHARACTERS, min_size=1, max_size=max_size)
        .map(str.strip)
        .filter(bool)  # all-whitespace draws strip to nothing
    )


def partial_dates(
    *,
    min_value: dt.date = dt.date.min,
    max_value: dt.date = dt.date.max,
    precisions: Sequence[str] = _PRECISIONS,
) -> st.SearchStrategy[PartialDate]:
    """Generate a :class:`~diplomatic_events.PartialDate` of year, month or day precision.

    Args:
        min_value: The generated date's earliest day is on or after the year, month or day
            of this date, to the generated precision.
        max_value: Likewise, the generated date falls within or before this date.
        precisions: Any of ``"year"``, ``"month"`` and ``"day"``.

    Returns:
        A strategy of real calendar dates.

    Raises:
        ValueError: if *precisions* is empty or names an unknown precision.
    """
    unknown = set(precisions) - set(_PRECISIONS)
    if not precisions or unknown:
        raise ValueError(f"precisions must be among {_PRECISIONS}, got {tuple(precisions)}")
    return st.builds(
        _truncate,
        st.dates(min_value=min_value, max_value=max_value),
        st.sampled_from(tuple(precisions)),
    )


def _truncate(day: dt.date, precision: str) -> PartialDate:
    if precision == "year":
        return PartialDate(year=day.year)
    if precision == "month":
        return PartialDate(year=day.year, month=day.month)
    return PartialDate.from_date(day)


def locations() -> st.SearchStrategy[Location]:
    """Generate a :class:`~diplomatic_events.Location`.

    Returns:
        A strategy of places, with or without a country.
    """
    return st.builds(
        Location,
        name=texts(),
        country=_optional(country_codes()),
        kind=st.sampled_from(LocationKind),
    )


def spans(source: str | None = None, *, max_size: int = 12) -> st.SearchStrategy[Span]:
    """Generate a :class:`~diplomatic_events.Span`.

    Args:
        source: A text for the span to quote exactly (``source[start:end] == text``);
            it must not be empty.
            Without it, the span quotes some text at some offset.
        max_size: The longest quote to draw when there is no *source*.

    Returns:
        A strategy of spans.

    Raises:
        ValueError: if *source* is the empty string, which has nothing to quote.
    """
    if source is None:
        return st.builds(
            _span_at,
            st.integers(min_value=0, max_value=10_000),
            st.text(_CHARACTERS, min_size=1, max_size=max_size),
        )
    if not source:
        raise ValueError("an empty source has no span to quote")
    return _quoting_spans(source)


def _span_at(start: int, text: str) -> Span:
    return Span(start=start, end=start + len(text), text=text)


@st.composite
def _quoting_spans(draw: st.DrawFn, source: str) -> Span:
    start = draw(st.integers(min_value=0, max_value=len(source) - 1))
    end = draw(st.integers(min_value=start + 1, max_value=min(len(source), start + 40)))
    return Span(start=start, end=end, text=source[start:end])


def _evidence(source: str | None) -> st.SearchStrategy[list[Span]]:
    if source == "":
        return st.just([])
    return st.lists(spans(source), max_size=2)


@st.composite
def _parties(draw: st.DrawFn, kinds: tuple[PartyKind, ...]) -> Party:
    kind = draw(st.sampled_from(kinds))
    country = draw(country_codes() if kind in _STATE_KINDS else _optional(country_codes()))
    title = draw(_optional(texts())) if kind is PartyKind.PERSON else None
    aliases = draw(st.lists(texts(), max_size=2, unique=True))
    return Party(kind=kind, name=draw(texts()), country=country, title=title, aliases=aliases)


def parties(*, kinds: Sequence[PartyKind] | None = None) -> st.SearchStrategy[Party]:
    """Generate a :class:`~diplomatic_events.Party`.

    Countries, governments and armed forces always have a country; only persons
    have a title.

    Args:
        kinds: The kinds to draw from; every kind if None.

    Returns:
        A strategy of parties.
    """
    return _parties(tuple(PartyKind) if kinds is None else tuple(kinds))


def _distinct_parties(max_size: int = 4) -> st.SearchStrategy[list[Party]]:
    return st.lists(parties(), min_size=2, max_size=max_size, unique_by=lambda p: p.id)


@st.composite
def _meetings(draw: st.DrawFn, source: str | None, outcomes: tuple[str, ...] | None) -> Meeting:
    if outcomes is None:
        refs = st.text("0123456789abcdef", min_size=16, max_size=16).map("agreement:".__add__)
        chosen = draw(st.lists(refs, max_size=2, unique=True))
    else:
        chosen = draw(
            st.lists(st.sampled_from(outcomes), max_size=2, unique=True)
            if outcomes
            else st.just([])
        )
    return Meeting(
        participants=draw(_distinct_parties()),
        status=draw(st.sampled_from(MeetingStatus)),
        date=draw(_optional(partial_dates())),
        date_text=draw(_optional(texts())),
        location=draw(_optional(locations())),
        format=draw(_optional(st.sampled_from(MeetingFormat))),
        topics=draw(st.lists(texts(), max_size=2, unique=True)),
        outcomes=chosen,
        evidence=draw(_evidence(source)),
    )


def meetings(
    *, source: str | None = None, outcomes: Sequence[str] | None = None
) -> st.SearchStrategy[Meeting]:
    """Generate a :class:`~diplomatic_events.Meeting` of two or more distinct participants.

    Args:
        source: A text every evidence span quotes exactly; without it, spans quote
            arbitrary text.
        outcomes: The agreement ids the meeting's outcomes are drawn from; without it,
            outcomes are made-up agreement ids.

    Returns:
        A strategy of meetings.
    """
    return _meetings(source, None if outcomes is None else tuple(outcomes))


def status_changes() -> st.SearchStrategy[StatusChange]:
    """Generate a :class:`~diplomatic_events.StatusChange`.

    Returns:
        A strategy of single lifecycle steps.
    """
    return st.builds(
        StatusChange,
        status=st.sampled_from(AgreementStatus),
        date=_optional(partial_dates()),
        date_text=_optional(texts()),
    )


def _rank(status: AgreementStatus) -> int:
    return AGREEMENT_LIFECYCLE[status]


def _date_key(date: PartialDate) -> tuple[dt.date, dt.date]:
    return (date.earliest(), date.latest())


@st.composite
def _histories(draw: st.DrawFn) -> list[StatusChange]:
    # Sorting the statuses by rank and the dates by earliest day gives a history that
    # never runs backwards: each date's latest day is on or after the previous earliest.
    statuses = sorted(
        draw(st.lists(st.sampled_from(AgreementStatus), min_size=1, max_size=4)), key=_rank
    )
    dated = draw(st.lists(st.booleans(), min_size=len(statuses), max_size=len(statuses)))
    dates = iter(
        sorted(
            draw(st.lists(partial_dates(), min_size=sum(dated), max_size=sum(dated))),
            key=_date_key,
        )
    )
    return [
        StatusChange(
            status=status,
            date=next(dates) if has_date else None,
            date_text=draw(_optional(texts())),
        )
        for status, has_date in zip(statuses, dated, strict=True)
    ]


@st.composite
def _agreements(draw: st.DrawFn, source: str | None) -> Agreement:
    return Agreement(
        name=draw(texts()),
        parties=draw(_distinct_parties()),
        history=draw(_histories()),
        acronym=draw(_optional(texts(max_size=6))),
        kind=draw(st.sampled_from(AgreementKind)),
        purpose=draw(_optional(texts())),
        evidence=draw(_evidence(source)),
    )


def agreements(*, source: str | None = None) -> st.SearchStrategy[Agreement]:
    """Generate an :class:`~diplomatic_events.Agreement` with a valid status history.

    The history has one to four entries whose lifecycle ranks
    (:data:`~diplomatic_events.vocab.AGREEMENT_LIFECYCLE`) never decrease and whose
    dates, where present, never run backwards.

    Args:
        source: A text every evidence span quotes exactly; without it, spans quote
            arbitrary text.

    Returns:
        A strategy of agreements.
    """
    return _agreements(source)


@st.composite
def _exercises(draw: st.DrawFn, source: str | None) -> Exercise:
    start = draw(_optional(partial_dates()))
    end = draw(_optional(partial_dates()))
    if start is not None and end is not None and start.earliest() > end.latest():
        # Then end.earliest() <= end.latest() < start.earliest(): swapped, they are valid.
        start, end = end, start
    return Exercise(
        participants=draw(_distinct_parties()),
        status=draw(st.sampled_from(ExerciseStatus)),
        name=draw(_optional(texts())),
        locations=draw(st.lists(locations(), max_size=2)),
        start=start,
        end=end,
        date_text=draw(_optional(texts())),
        domain=draw(_optional(st.sampled_from(Domain))),
        evidence=draw(_evidence(source)),
    )


def exercises(*, source: str | None = None) -> st.SearchStrategy[Exercise]:
    """Generate an :class:`~diplomatic_events.Exercise` whose start is not after its end.

    Args:
        source: A text every evidence span quotes exactly; without it, spans quote
            arbitrary text.

    Returns:
        A strategy of exercises.
    """
    return _exercises(source)


def articles(*, max_size: int = 80) -> st.SearchStrategy[Article]:
    """Generate an :class:`~diplomatic_events.Article`.

    Args:
        max_size: The longest text to draw.

    Returns:
        A strategy of articles; the text may be empty and may hold any whitespace.
    """
    return st.builds(
        Article,
        text=st.text(_CHARACTERS, max_size=max_size),
        title=_optional(texts()),
        published=_optional(st.dates()),
        url=_optional(st.from_regex(r"https://example\.org/news/[a-z0-9-]{1,16}", fullmatch=True)),
        outlet=_optional(texts()),
        dateline=_optional(texts()),
    )


def _unique_by_id(items: list[_T], key: str = "id") -> list[_T]:
    seen: set[str] = set()
    out = []
    for item in items:
        item_id = getattr(item, key)
        if item_id not in seen:
            seen.add(item_id)
            out.append(item)
    return out


@st.composite
def _event_sets(draw: st.DrawFn, max_size: int) -> EventSet:
    article = draw(_optional(articles()))
    source = None if article is None else article.text
    agreement_list = _unique_by_id(draw(st.lists(agreements(source=source), max_size=max_size)))
    agreement_ids = tuple(a.id for a in agreement_list)
    meeting_list = _unique_by_id(
        draw(st.lists(meetings(source=source, outcomes=agreement_ids), max_size=max_size))
    )
    exercise_list = _unique_by_id(draw(st.lists(exercises(source=source), max_size=max_size)))
    # The set's parties: those its events involve (first seen wins for each id), and
    # perhaps a few more.
    involved: list[Party] = [p for m in meeting_list for p in m.participants]
    involved += [p for a in agreement_list for p in a.parties]
    involved += [p for e in exercise_list for p in e.participants]
    extra = draw(st.lists(parties(), max_size=2))
    return EventSet(
        article=article,
        parties=_unique_by_id(involved + extra),
        meetings=meeting_list,
        agreements=agreement_list,
        exercises=exercise_list,
    )


def event_sets(*, max_size: int = 2) -> st.SearchStrategy[EventSet]:
    """Generate an :class:`~diplomatic_events.EventSet` that passes every cross-check.

    Ids are unique in each collection, every meeting outcome is the id of an agreement
    in the set, and when there is an article every evidence span quotes its text
    exactly (the article is drawn first and spans are cut from it).
    The set's parties are those its events involve, plus perhaps a few more.

    Args:
        max_size: The most meetings, agreements and exercises to draw, each.

    Returns:
        A strategy of event sets.
    """
    return _event_sets(max_size)
