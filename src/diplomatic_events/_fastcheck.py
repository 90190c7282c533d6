"""The models' fast happy-path checks, written to be compiled with mypyc.

Each ``<model>_ok`` returns True only when the model's full check (in
:mod:`diplomatic_events._models`) would find no problem; it never reports one itself.
``__attrs_post_init__`` runs it first and runs the full check, which builds every path
and message, only when it returns False. Nearly every instance is valid, so
construction then builds no path strings, no Problem objects and no closures.
A fast check may be stricter than the full check (exact types where the full check
takes subclasses): the full check then decides. It must never be laxer;
tests/test_models.py and tests/test_fastcheck.py hold both to the same rules.
Party, Location, Span and StatusChange hold their quick checks inline (a call less per
instance) and use the text checks here.
The ``new_<model>`` constructors at the end build the models the extractor makes by the
dozen without attrs' keyword ``__init__``, with the same quick checks.

The wheel ships this module compiled, the sdist as Python; both give the same answers.
For the compiled build: the instance is taken as ``Any``, so each field is read as the
object it is (a field typed ``str`` read from a typed instance would be checked, and
raise, in compiled code), and the classes and enums are held as ``Final`` aliases, which
compiled code reads from a C variable rather than from the module's dict.

:mod:`diplomatic_events._models` imports this module at its end, once the classes
exist; this module imports them from it at its top.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from diplomatic_events._dates import PartialDate, _month_days
from diplomatic_events._models import (
    MAX_OFFSET,
    SCHEMA_VERSION,
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

_PARTY: Final = Party
_LOCATION: Final = Location
_SPAN: Final = Span
_MEETING: Final = Meeting
_STATUS_CHANGE: Final = StatusChange
_AGREEMENT: Final = Agreement
_EXERCISE: Final = Exercise
_ARTICLE: Final = Article
_EVENT_SET: Final = EventSet
_PARTIAL_DATE: Final = PartialDate
_DATE: Final = dt.date
_MEETING_STATUS: Final = MeetingStatus
_MEETING_FORMAT: Final = MeetingFormat
_AGREEMENT_STATUS: Final = AgreementStatus
_AGREEMENT_KIND: Final = AgreementKind
_EXERCISE_STATUS: Final = ExerciseStatus
_DOMAIN: Final = Domain
_PARTY_KIND: Final = PartyKind
_PERSON_KIND: Final = PartyKind.PERSON
_ORGANIZATION_KIND: Final = PartyKind.ORGANIZATION
_LOCATION_KIND: Final = LocationKind
_MAX_OFFSET: Final = MAX_OFFSET
_SCHEMA_VERSION: Final = SCHEMA_VERSION

# AGREEMENT_LIFECYCLE by each member's value: an enum member hashes in Python
# (Enum.__hash__), a call per lookup, while its value is a plain string.
_LIFECYCLE_BY_VALUE: Final = {status._value_: rank for status, rank in AGREEMENT_LIFECYCLE.items()}


def encodable(v: str) -> bool:
    """Return whether *v* holds no lone surrogate (so UTF-8 and JSON can write it)."""
    # The same answer as ``_SURROGATE.search(v) is None`` (UTF-16 fails on exactly the
    # surrogates, as UTF-8 does), several times quicker on long texts: encoding runs a
    # tight C loop, and UTF-16 is the quicker of the two for text of code points below
    # U+10000 (whose characters it copies two bytes each). "utf-16", not "utf-16-le":
    # str.encode finds that name's encoder without a codec lookup.
    try:
        v.encode("utf-16")
    except UnicodeEncodeError:
        return False
    return True


def text_ok(v: object) -> bool:
    """Return True only if *v* is a valid required text field."""
    # ``v.strip() is v``: str.strip returns an exact str it leaves unchanged itself (so
    # does mypyc's own str.strip), so this is ``v == v.strip()`` without the comparison;
    # were a copy ever returned, the test would only fail and leave the decision to the
    # full check.
    return type(v) is str and v != "" and v.strip() is v and (v.isascii() or encodable(v))


def texts_ok(v: object) -> bool:
    """Return True only if *v* is a valid tuple of distinct texts."""
    if type(v) is not tuple:
        return False
    if not v:  # the usual case: no aliases, topics or outcomes
        return True
    for x in v:
        if not text_ok(x):
            return False
    return len(set(v)) == len(v)


def _all_of(v: object, cls: type) -> bool:
    if type(v) is not tuple:
        return False
    for x in v:  # noqa: SIM110 - a plain loop is twice as fast as all() on a generator
        if type(x) is not cls:
            return False
    return True


def _unique_ok(items: object, cls: type, minimum: int) -> bool:
    # Every item exactly of *cls*, their ids distinct, at least *minimum* of them.
    # Ids are read only once every item is known to be of *cls* (a party or event).
    if not _all_of(items, cls):
        return False
    assert isinstance(items, tuple)  # noqa: S101 - narrowed by _all_of
    ids: set[str] = set()
    for x in items:
        ids.add(_id(x))
    return len(ids) == len(items) >= minimum


def _id(x: Any) -> str:
    # ``x.id`` of a Party, Meeting, Agreement or Exercise (exact types), read from the
    # slot the id property caches it in, without calling the property (a Python frame),
    # once it is there: the extractor computes every id as it builds the instance.
    try:
        oid: str = x._id  # noqa: SLF001 - the id's cache, see _models._IdSlot
    except AttributeError:
        oid = x.id
    return oid


def meeting_ok(m: Any) -> bool:
    """Return True only if Meeting's full check would find no problem in *m*."""
    d, dtext, loc, f = m.date, m.date_text, m.location, m.format
    return (
        _unique_ok(m.participants, _PARTY, 2)
        and type(m.status) is _MEETING_STATUS
        and (d is None or type(d) is _PARTIAL_DATE)
        and (dtext is None or text_ok(dtext))
        and (loc is None or type(loc) is _LOCATION)
        and (f is None or type(f) is _MEETING_FORMAT)
        and texts_ok(m.topics)
        and texts_ok(m.outcomes)
        and _all_of(m.evidence, _SPAN)
    )


def _history_ok(history: object) -> bool:
    if not _all_of(history, _STATUS_CHANGE) or not history:
        return False
    assert isinstance(history, tuple)  # noqa: S101 - narrowed by _all_of
    last_rank = -1
    last_date: Any = None
    for change in history:
        status = change.status
        if type(status) is not _AGREEMENT_STATUS:
            return False
        rank: int = _LIFECYCLE_BY_VALUE[status._value_]
        if rank < last_rank:
            return False
        d = change.date
        if d is not None:
            if last_date is not None and d.latest() < last_date.earliest():
                return False
            last_date = d
        last_rank = rank
    return True


def agreement_ok(a: Any) -> bool:
    """Return True only if Agreement's full check would find no problem in *a*."""
    acronym, purpose = a.acronym, a.purpose
    return (
        text_ok(a.name)
        and _unique_ok(a.parties, _PARTY, 2)
        and _history_ok(a.history)
        and (acronym is None or text_ok(acronym))
        and type(a.kind) is _AGREEMENT_KIND
        and (purpose is None or text_ok(purpose))
        and _all_of(a.evidence, _SPAN)
    )


def exercise_ok(x: Any) -> bool:
    """Return True only if Exercise's full check would find no problem in *x*."""
    name, s, e, dtext, dm = x.name, x.start, x.end, x.date_text, x.domain
    return (
        _unique_ok(x.participants, _PARTY, 2)
        and type(x.status) is _EXERCISE_STATUS
        and (name is None or text_ok(name))
        and _all_of(x.locations, _LOCATION)
        and (s is None or type(s) is _PARTIAL_DATE)
        and (e is None or type(e) is _PARTIAL_DATE)
        and (s is None or e is None or s.earliest() <= e.latest())
        and (dtext is None or text_ok(dtext))
        and (dm is None or type(dm) is _DOMAIN)
        and _all_of(x.evidence, _SPAN)
    )


def article_ok(a: Any) -> bool:
    """Return True only if Article's full check would find no problem in *a*."""
    t, title, p, url, outlet, dl = a.text, a.title, a.published, a.url, a.outlet, a.dateline
    return (
        type(t) is str
        and (t.isascii() or encodable(t))
        and (title is None or text_ok(title))
        and (p is None or type(p) is _DATE)
        and (url is None or text_ok(url))
        and (outlet is None or text_ok(outlet))
        and (dl is None or text_ok(dl))
    )


def _quotes(source: str, evidence: tuple[Any, ...]) -> bool:
    # ``source.startswith(text, start)`` would test the same without a copy (a Span has
    # 0 <= start and len(text) == end - start), but costs more: an article with curly
    # quotes is stored two bytes a character, and startswith then compares the two
    # strings a character at a time, where the copy is one C loop and a memcmp.
    for span in evidence:  # noqa: SIM110 - a plain loop: no generator frame
        if span.text != source[span.start : span.end]:
            return False
    return True


def event_set_ok(es: Any) -> bool:
    """Return True only if EventSet's full check would find no problem in *es*."""
    sv, art = es.schema_version, es.article
    meetings, agreements, exercises = es.meetings, es.agreements, es.exercises
    if not (
        type(sv) is int
        and sv == _SCHEMA_VERSION
        and (art is None or type(art) is _ARTICLE)
        and _unique_ok(es.parties, _PARTY, 0)
        and _unique_ok(meetings, _MEETING, 0)
        and _unique_ok(agreements, _AGREEMENT, 0)
        and _unique_ok(exercises, _EXERCISE, 0)
    ):
        return False
    if meetings:
        agreement_ids: set[str] = set()
        for a in agreements:
            agreement_ids.add(_id(a))
        for m in meetings:
            for ref in m.outcomes:
                if ref not in agreement_ids:
                    return False
    if art is not None:
        source: str = art.text
        for m in meetings:
            if not _quotes(source, m.evidence):
                return False
        for a in agreements:
            if not _quotes(source, a.evidence):
                return False
        for x in exercises:
            if not _quotes(source, x.evidence):
                return False
    return True


# ---- fast constructors -------------------------------------------------------------
#
# ``new_<model>(...)`` returns what ``<Model>(...)`` with the same fields returns, for the
# extractor, which builds dozens of models an article. attrs' ``__init__`` (Python, with
# keyword arguments, converters and a ``__attrs_post_init__`` call) costs more than the
# check itself; these build the instance as that ``__init__`` does (``object.__new__``,
# then every field set with ``object.__setattr__``, in the fields' order: attrs sets
# nothing else for these classes, and the id's cache stays unset) and run the model's
# quick check. Where it finds anything amiss, or a field it does not take as it is (a
# list the model would convert to a tuple, a subclass), the model's own constructor is
# called with the same fields: it returns the instance or raises the model's very
# ValidationError. The quick checks here are the models' (see above), never laxer.
# tests/test_fastmake.py holds each to its model's constructor.

_new: Final = object.__new__
_set: Final = object.__setattr__


def new_span(start: Any, end: Any, text: Any) -> Span:
    """Return ``Span(start=start, end=end, text=text)``."""
    span: Span = _new(_SPAN)
    _set(span, "start", start)
    _set(span, "end", end)
    _set(span, "text", text)
    if (
        type(start) is int
        and type(end) is int
        and type(text) is str
        and 0 <= start < end <= _MAX_OFFSET
        and len(text) == end - start
        and (text.isascii() or encodable(text))
    ):
        return span
    return _SPAN(start=start, end=end, text=text)


def new_agreement(  # noqa: PLR0913 - one parameter a field
    *,
    name: Any,
    parties: Any,
    history: Any,
    acronym: Any,
    kind: Any,
    purpose: Any,
    evidence: Any,
) -> Agreement:
    """Return ``Agreement(...)`` of these fields."""
    a: Agreement = _new(_AGREEMENT)
    _set(a, "name", name)
    _set(a, "parties", parties)
    _set(a, "history", history)
    _set(a, "acronym", acronym)
    _set(a, "kind", kind)
    _set(a, "purpose", purpose)
    _set(a, "evidence", evidence)
    if agreement_ok(a):
        return a
    return _AGREEMENT(
        name=name,
        parties=parties,
        history=history,
        acronym=acronym,
        kind=kind,
        purpose=purpose,
        evidence=evidence,
    )


def new_meeting(  # noqa: PLR0913 - one parameter a field
    *,
    participants: Any,
    status: Any,
    date: Any,
    date_text: Any,
    location: Any,
    format: Any,  # noqa: A002 - the field's name
    topics: Any,
    outcomes: Any,
    evidence: Any,
) -> Meeting:
    """Return ``Meeting(...)`` of these fields."""
    m: Meeting = _new(_MEETING)
    _set(m, "participants", participants)
    _set(m, "status", status)
    _set(m, "date", date)
    _set(m, "date_text", date_text)
    _set(m, "location", location)
    _set(m, "format", format)
    _set(m, "topics", topics)
    _set(m, "outcomes", outcomes)
    _set(m, "evidence", evidence)
    if meeting_ok(m):
        return m
    return _MEETING(
        participants=participants,
        status=status,
        date=date,
        date_text=date_text,
        location=location,
        format=format,
        topics=topics,
        outcomes=outcomes,
        evidence=evidence,
    )


def new_exercise(  # noqa: PLR0913 - one parameter a field
    *,
    participants: Any,
    status: Any,
    name: Any,
    locations: Any,
    start: Any,
    end: Any,
    date_text: Any,
    domain: Any,
    evidence: Any,
) -> Exercise:
    """Return ``Exercise(...)`` of these fields."""
    x: Exercise = _new(_EXERCISE)
    _set(x, "participants", participants)
    _set(x, "status", status)
    _set(x, "name", name)
    _set(x, "locations", locations)
    _set(x, "start", start)
    _set(x, "end", end)
    _set(x, "date_text", date_text)
    _set(x, "domain", domain)
    _set(x, "evidence", evidence)
    if exercise_ok(x):
        return x
    return _EXERCISE(
        participants=participants,
        status=status,
        name=name,
        locations=locations,
        start=start,
        end=end,
        date_text=date_text,
        domain=domain,
        evidence=evidence,
    )


def new_event_set(
    *, article: Any, parties: Any, meetings: Any, agreements: Any, exercises: Any
) -> EventSet:
    """Return ``EventSet(...)`` of these fields (of the current schema version)."""
    es: EventSet = _new(_EVENT_SET)
    _set(es, "article", article)
    _set(es, "parties", parties)
    _set(es, "meetings", meetings)
    _set(es, "agreements", agreements)
    _set(es, "exercises", exercises)
    _set(es, "schema_version", _SCHEMA_VERSION)
    if event_set_ok(es):
        return es
    return _EVENT_SET(
        article=article,
        parties=parties,
        meetings=meetings,
        agreements=agreements,
        exercises=exercises,
    )


def new_location(name: Any, country: Any, kind: Any) -> Location:
    """Return ``Location(name=name, country=country, kind=kind)``."""
    loc: Location = _new(_LOCATION)
    _set(loc, "name", name)
    _set(loc, "country", country)
    _set(loc, "kind", kind)
    if (
        text_ok(name)
        and (country is None or (type(country) is str and country in _country_codes()))
        and type(kind) is _LOCATION_KIND
    ):
        return loc
    return _LOCATION(name=name, country=country, kind=kind)


def new_party(kind: Any, name: Any, country: Any, title: Any, aliases: Any) -> Party:
    """Return ``Party(kind=kind, name=name, country=country, title=title, aliases=aliases)``."""
    p: Party = _new(_PARTY)
    _set(p, "kind", kind)
    _set(p, "name", name)
    _set(p, "country", country)
    _set(p, "title", title)
    _set(p, "aliases", aliases)
    if (
        type(kind) is _PARTY_KIND
        and text_ok(name)
        and (
            (kind is _PERSON_KIND or kind is _ORGANIZATION_KIND)
            if country is None
            else (type(country) is str and country in _country_codes())
        )
        and (title is None or (kind is _PERSON_KIND and text_ok(title)))
        and texts_ok(aliases)
    ):
        return p
    return _PARTY(kind=kind, name=name, country=country, title=title, aliases=aliases)


def new_partial_date(year: Any, month: Any, day: Any) -> PartialDate:
    """Return ``PartialDate(year=year, month=month, day=day)``."""
    pd: PartialDate = _new(_PARTIAL_DATE)
    _set(pd, "year", year)
    _set(pd, "month", month)
    _set(pd, "day", day)
    if (
        type(year) is int
        and 1 <= year <= 9999
        and (
            day is None
            if month is None
            else (
                type(month) is int
                and 1 <= month <= 12
                and (day is None or (type(day) is int and 1 <= day <= _month_days(year, month)))
            )
        )
    ):
        return pd
    return _PARTIAL_DATE(year=year, month=month, day=day)


def new_status_change(status: Any, date: Any, date_text: Any) -> StatusChange:
    """Return ``StatusChange(status=status, date=date, date_text=date_text)``."""
    change: StatusChange = _new(_STATUS_CHANGE)
    _set(change, "status", status)
    _set(change, "date", date)
    _set(change, "date_text", date_text)
    if (
        type(status) is _AGREEMENT_STATUS
        and (date is None or type(date) is _PARTIAL_DATE)
        and (date_text is None or text_ok(date_text))
    ):
        return change
    return _STATUS_CHANGE(status=status, date=date, date_text=date_text)


def new_article(  # noqa: PLR0913 - one parameter a field
    *, text: Any, title: Any, published: Any, url: Any, outlet: Any, dateline: Any
) -> Article:
    """Return ``Article(...)`` of these fields."""
    a: Article = _new(_ARTICLE)
    _set(a, "text", text)
    _set(a, "title", title)
    _set(a, "published", published)
    _set(a, "url", url)
    _set(a, "outlet", outlet)
    _set(a, "dateline", dateline)
    if article_ok(a):
        return a
    return _ARTICLE(
        text=text, title=title, published=published, url=url, outlet=outlet, dateline=dateline
    )
