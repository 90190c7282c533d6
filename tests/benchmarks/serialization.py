"""Benchmark: diplomatic-events serialization against pydantic v2 and msgspec twins.

Run from the repository root (pydantic and msgspec come with the ``bench`` extra)::

    python tests/benchmarks/serialization.py          # a table
    python tests/benchmarks/serialization.py --json   # the ratios, as JSON

One event set of 50 meetings, 20 agreements and 20 exercises, with their parties and
evidence spans quoting a generated article, is built deterministically.
The pydantic and msgspec twins have the same fields, write the same JSON and enforce
the same constraints as the library's models: non-empty stripped strings, ISO 3166-1
alpha-3 country codes, at least two distinct participants, span offsets that agree with
the quote, start not after end, a status history that never runs backwards, evidence
that quotes the article, unique ids, outcomes that resolve, content-derived ids and
agreement status/date that match the content, unknown keys forbidden, no coercion.
Before timing, every twin must reject each corrupted document in ``MUTATIONS`` and
must write JSON equal to the library's, so no twin wins by skipping a check.

Times are interleaved (every round runs every library once per operation) and the
median of the rounds is reported; a ratio is ours / theirs, so <= 1.0 means the
library is at least as fast.
"""

# The twins mirror the documented library models field for field; docstrings on each
# would only repeat the library's.
# ruff: noqa: D101, D102, D105, D107

from __future__ import annotations

import argparse
import calendar
import copy
import datetime as dt
import functools
import gc
import hashlib
import json
import platform
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from typing import Annotated, Any, Literal

import msgspec
import orjson
import pycountry
import pydantic
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictInt,
    StrictStr,
    StringConstraints,
    model_validator,
)

import diplomatic_events as de
from diplomatic_events import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    Domain,
    EventSet,
    Exercise,
    ExerciseStatus,
    Location,
    LocationKind,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    PartialDate,
    Party,
    PartyKind,
    Span,
    StatusChange,
)
from diplomatic_events.vocab import AGREEMENT_LIFECYCLE

# ---- the document ---------------------------------------------------------------------

_COUNTRIES = [
    ("JPN", "Japan", "Tokyo"),
    ("FRA", "France", "Paris"),
    ("USA", "United States", "Washington"),
    ("GBR", "United Kingdom", "London"),
    ("AUS", "Australia", "Canberra"),
    ("IND", "India", "New Delhi"),
    ("PHL", "Philippines", "Manila"),
    ("DEU", "Germany", "Berlin"),
    ("ITA", "Italy", "Rome"),
    ("KOR", "South Korea", "Seoul"),
    ("CAN", "Canada", "Ottawa"),
    ("BRA", "Brazil", "Brasilia"),
    ("IDN", "Indonesia", "Jakarta"),
    ("VNM", "Vietnam", "Hanoi"),
    ("TUR", "Turkey", "Ankara"),
    ("SWE", "Sweden", "Stockholm"),
]
_PEOPLE = [
    ("Fumio Kishida", "Prime Minister", "JPN"),
    ("Emmanuel Macron", "President", "FRA"),
    ("Joe Biden", "President", "USA"),
    ("Rishi Sunak", "Prime Minister", "GBR"),
    ("Anthony Albanese", "Prime Minister", "AUS"),
    ("Narendra Modi", "Prime Minister", "IND"),
    ("Ferdinand Marcos Jr.", "President", "PHL"),
    ("Olaf Scholz", "Chancellor", "DEU"),
]
_TOPICS = ["security", "trade", "energy", "climate", "supply chains", "cyber defence"]
_PROSE = (
    "Officials said the talks covered a broad agenda, and both sides pledged to keep "
    "in close contact in the months ahead. "
)


def _parties(rng: random.Random) -> list[Party]:
    out: list[Party] = []
    for code, name, _ in _COUNTRIES:
        out.append(Party(kind=PartyKind.COUNTRY, name=name, country=code))
        out.append(Party(kind=PartyKind.GOVERNMENT, name=f"Government of {name}", country=code))
    for name, title, code in _PEOPLE:
        out.append(Party(kind=PartyKind.PERSON, name=name, title=title, country=code))
    for code, name, _ in _COUNTRIES[:6]:
        out.append(
            Party(
                kind=PartyKind.MILITARY,
                name=f"{name} Armed Forces",
                country=code,
                aliases=(f"{code} forces",),
            )
        )
    out.append(Party(kind=PartyKind.ORGANIZATION, name="European Union", aliases=("EU",)))
    out.append(Party(kind=PartyKind.ORGANIZATION, name="NATO"))
    rng.shuffle(out)
    return out


class _Text:
    """An article under construction; :meth:`add` returns the span of what it appended."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> Span:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return Span(start=start, end=self.length, text=text)

    def pad(self) -> None:
        self.parts.append(_PROSE)
        self.length += len(_PROSE)


def _date(rng: random.Random, year: int) -> PartialDate:
    month = rng.randint(1, 12)
    precision = rng.choice(("year", "month", "day", "day"))
    if precision == "year":
        return PartialDate(year=year)
    if precision == "month":
        return PartialDate(year=year, month=month)
    return PartialDate(year=year, month=month, day=rng.randint(1, 28))


def build_event_set(seed: int = 20240503) -> EventSet:
    """Return the benchmark's event set: 50 meetings, 20 agreements, 20 exercises."""
    rng = random.Random(seed)
    parties = _parties(rng)
    states = [p for p in parties if p.kind is PartyKind.COUNTRY]
    text = _Text()
    text.add("Leaders Meet as Allies Deepen Security Ties\n\n")
    lifecycle = list(AgreementStatus)[:5]

    agreements: list[Agreement] = []
    for i in range(20):
        bound = rng.sample(states, rng.randint(2, 3))
        steps = sorted(rng.sample(range(len(lifecycle)), rng.randint(1, 3)))
        year = 2015 + i % 9
        history = tuple(
            StatusChange(
                status=lifecycle[s],
                date=PartialDate(year=year + k, month=1 + k),
                date_text=f"in {year + k}",
            )
            for k, s in enumerate(steps)
        )
        name = f"{bound[0].name}-{bound[1].name} Agreement number {i}"
        evidence = (text.add(f"The {name} was {history[-1].status.value}. "),)
        text.pad()
        agreements.append(
            Agreement(
                name=name,
                acronym=f"AG{i}" if i % 2 else None,
                kind=rng.choice(list(AgreementKind)),
                parties=tuple(bound),
                history=history,
                purpose="to deepen defence cooperation" if i % 3 else None,
                evidence=evidence,
            )
        )

    meetings: list[Meeting] = []
    for i in range(50):
        who = rng.sample(parties, rng.randint(2, 4))
        code, _, capital = rng.choice(_COUNTRIES)
        names = " and ".join(p.name for p in who)
        evidence = (
            text.add(f"{names} met in {capital}. "),
            text.add(f"They discussed {rng.choice(_TOPICS)}. "),
        )
        text.pad()
        meetings.append(
            Meeting(
                participants=tuple(who),
                status=rng.choice(list(MeetingStatus)),
                date=PartialDate(year=2024, month=1 + i % 12, day=1 + i // 12),
                date_text="on Thursday",
                location=Location(name=capital, country=code, kind=LocationKind.CITY),
                format=rng.choice(list(MeetingFormat)),
                topics=tuple(rng.sample(_TOPICS, rng.randint(1, 3))),
                outcomes=(agreements[i % 20].id,) if i % 3 == 0 else (),
                evidence=evidence,
            )
        )

    exercises: list[Exercise] = []
    for i in range(20):
        forces = rng.sample(parties, rng.randint(2, 5))
        start = _date(rng, 2020 + i % 5)
        end = PartialDate(year=start.year + rng.randint(0, 1), month=12)
        name = f"Exercise Pacific Shield {i}"
        evidence = (text.add(f"{name} began at sea with {len(forces)} navies. "),)
        text.pad()
        exercises.append(
            Exercise(
                participants=tuple(forces),
                status=rng.choice(list(ExerciseStatus)),
                name=name,
                locations=(
                    Location(name="South China Sea", kind=LocationKind.SEA),
                    Location(name="Luzon", country="PHL", kind=LocationKind.REGION),
                ),
                start=start,
                end=end,
                date_text="next month",
                domain=rng.choice(list(Domain)),
                evidence=evidence,
            )
        )

    article = Article(
        text="".join(text.parts),
        title="Leaders Meet as Allies Deepen Security Ties",
        published=dt.date(2024, 5, 3),
        url="https://example.invalid/news/1",
        outlet="Example News",
        dateline="PARIS",
    )
    return EventSet(
        article=article,
        parties=tuple(parties),
        meetings=tuple(meetings),
        agreements=tuple(agreements),
        exercises=tuple(exercises),
    )


# ---- helpers the twins share: the library's id recipe and date rules --------------------

_CODES = tuple(sorted(c.alpha_3 for c in pycountry.countries))
_STATE_KINDS = frozenset({PartyKind.COUNTRY, PartyKind.GOVERNMENT, PartyKind.MILITARY})
_SLUG = re.compile(r"[\W_]+")
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)
_DAY_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _digest(*parts: str) -> str:
    data = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def _slug(name: str) -> str:
    return _SLUG.sub("-", name.casefold()).strip("-") or _digest(name)


def _party_id(kind: PartyKind, name: str, country: str | None) -> str:
    if kind is PartyKind.COUNTRY or kind is PartyKind.GOVERNMENT:
        return f"{kind.value}:{country}"
    if country is None:
        return f"{kind.value}:{_slug(name)}"
    return f"{kind.value}:{country}:{_slug(name)}"


def _event_id(prefix: str, party_ids: list[str], *rest: str | None) -> str:
    return f"{prefix}:{_digest(*sorted(party_ids), '|', *(r or '' for r in rest))}"


class PD:
    """The twins' partial date: year, month or day precision, checked on the calendar."""

    __slots__ = ("day", "month", "year")

    def __init__(self, year: int, month: int | None, day: int | None) -> None:
        self.year, self.month, self.day = year, month, day

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PD) and (self.year, self.month, self.day) == (
            other.year,
            other.month,
            other.day,
        )

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)


@functools.lru_cache(maxsize=8192)
def _parse_pd(text: str) -> PD:
    # Cached like the library's PartialDate.parse: dates repeat across a document.
    match = _ISO.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not an ISO date")
    y, m, d = (None if g is None else int(g) for g in match.groups())
    assert y is not None
    if not 1 <= y <= 9999 or (m is not None and not 1 <= m <= 12):
        raise ValueError(f"{text!r} is not a calendar date")
    if d is not None and m is not None and not 1 <= d <= calendar.monthrange(y, m)[1]:
        raise ValueError(f"{text!r} is not a calendar date")
    return PD(y, m, d)


def _pd_from_wire(value: object) -> PD:
    if type(value) is not str:
        raise ValueError(f"expected an ISO date string, got {type(value).__name__}")
    return _parse_pd(value)


def _day_from_wire(value: object) -> dt.date:
    if type(value) is not str or not _DAY_RE.fullmatch(value):
        raise ValueError("expected a date string YYYY-MM-DD")
    return dt.date.fromisoformat(value)


def _distinct(ids: list[str], minimum: int) -> None:
    if len(set(ids)) != len(ids):
        raise ValueError("a party is listed twice")
    if len(ids) < minimum:
        raise ValueError(f"needs at least {minimum} distinct parties")


def _unique(items: tuple[str, ...]) -> None:
    if len(set(items)) != len(items):
        raise ValueError("has duplicate entries")


def _check_history(history: tuple[Any, ...]) -> None:
    if not history:
        raise ValueError("needs at least one status")
    last_rank = -1
    last_date: PD | None = None
    for change in history:
        rank = AGREEMENT_LIFECYCLE[change.status]
        if rank < last_rank:
            raise ValueError("the lifecycle never runs backwards")
        if change.date is not None:
            if last_date is not None and change.date.latest() < last_date.earliest():
                raise ValueError("dates never decrease")
            last_date = change.date
        last_rank = rank


# ---- the rules both twins run (each twin only says how it stores the id) -------------


def _settle_id(
    obj: Any, want: str, unset: object, setter: Callable[[object, str, object], None]
) -> None:
    if obj.id is unset:
        setter(obj, "id", want)
    elif obj.id != want:
        raise ValueError("id does not match the content")


def _party_rules(p: Any) -> str:
    if p.kind in _STATE_KINDS and p.country is None:
        raise ValueError("country is required")
    if p.title is not None and p.kind is not PartyKind.PERSON:
        raise ValueError("only a person has a title")
    _unique(p.aliases)
    return _party_id(p.kind, p.name, p.country)


def _span_rules(x: Any) -> None:
    if x.end <= x.start:
        raise ValueError("'end' must be greater than 'start'")
    if len(x.text) != x.end - x.start:
        raise ValueError("text length differs from end - start")


def _meeting_rules(m: Any) -> str:
    ids = [p.id for p in m.participants]
    _distinct(ids, 2)
    _unique(m.topics)
    _unique(m.outcomes)
    return _event_id(
        "meeting",
        ids,
        None if m.date is None else str(m.date),
        None if m.location is None else m.location.name,
    )


def _agreement_rules(
    a: Any,
    status_given: bool,
    date_given: bool,
    setter: Callable[[object, str, object], None],
) -> str:
    ids = [p.id for p in a.parties]
    _distinct(ids, 2)
    _check_history(a.history)
    last = a.history[-1]
    if status_given and a.status is not last.status:
        raise ValueError("status does not match the history")
    if date_given and a.date != last.date:
        raise ValueError("date does not match the history")
    setter(a, "status", last.status)
    setter(a, "date", last.date)
    key = a.acronym.casefold() if a.acronym else _slug(a.name)
    return _event_id("agreement", ids, key)


def _exercise_rules(x: Any) -> str:
    ids = [p.id for p in x.participants]
    _distinct(ids, 2)
    s, e = x.start, x.end
    if s is not None and e is not None and s.earliest() > e.latest():
        raise ValueError("'end' precedes 'start'")
    return _event_id(
        "exercise",
        ids,
        None if x.name is None else _slug(x.name),
        None if s is None else str(s),
    )


def _check_event_set(es: Any) -> None:
    for items in (es.parties, es.meetings, es.agreements, es.exercises):
        ids = [x.id for x in items]
        if len(set(ids)) != len(ids):
            raise ValueError("ids repeat")
    agreement_ids = {a.id for a in es.agreements}
    for m in es.meetings:
        for ref in m.outcomes:
            if ref not in agreement_ids:
                raise ValueError(f"{ref!r} is not the id of an agreement in this set")
    if es.article is not None:
        source = es.article.text
        for group in (es.meetings, es.agreements, es.exercises):
            for event in group:
                for span in event.evidence:
                    if source[span.start : span.end] != span.text:
                        raise ValueError("evidence does not quote the article")


# ---- the pydantic v2 twin -------------------------------------------------------------

# Non-empty, no leading or trailing whitespace; pydantic runs the pattern in Rust.
_PText = Annotated[StrictStr, StringConstraints(pattern=r"^\S(?:[\s\S]*\S)?$")]
_PCountry = Literal[_CODES]  # type: ignore[valid-type]
_PDate = Annotated[PD, PlainValidator(_pd_from_wire), PlainSerializer(str, return_type=str)]
_PDay = Annotated[
    dt.date,
    PlainValidator(_day_from_wire),
    PlainSerializer(dt.date.isoformat, return_type=str),
]
# Tuples are lax so that lists are accepted from dicts (strict mode wants tuples there);
# their items and every scalar are strict. Enums take their values, as in the library.
_CONFIG = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


class PParty(BaseModel):
    model_config = _CONFIG
    id: StrictStr | None = None
    kind: PartyKind
    name: _PText
    country: _PCountry | None = None
    title: _PText | None = None
    aliases: tuple[_PText, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> PParty:
        _settle_id(self, _party_rules(self), None, _set)
        return self


class PLocation(BaseModel):
    model_config = _CONFIG
    name: _PText
    country: _PCountry | None = None
    kind: LocationKind = LocationKind.OTHER


class PSpan(BaseModel):
    model_config = _CONFIG
    start: Annotated[StrictInt, Field(ge=0)]
    end: StrictInt
    text: StrictStr

    @model_validator(mode="after")
    def _check(self) -> PSpan:
        _span_rules(self)
        return self


class PMeeting(BaseModel):
    model_config = _CONFIG
    id: StrictStr | None = None
    participants: tuple[PParty, ...]
    status: MeetingStatus
    date: _PDate | None = None
    date_text: _PText | None = None
    location: PLocation | None = None
    format: MeetingFormat | None = None
    topics: tuple[_PText, ...] = ()
    outcomes: tuple[_PText, ...] = ()
    evidence: tuple[PSpan, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> PMeeting:
        _settle_id(self, _meeting_rules(self), None, _set)
        return self


class PStatusChange(BaseModel):
    model_config = _CONFIG
    status: AgreementStatus
    date: _PDate | None = None
    date_text: _PText | None = None


class PAgreement(BaseModel):
    model_config = _CONFIG
    id: StrictStr | None = None
    name: _PText
    acronym: _PText | None = None
    kind: AgreementKind = AgreementKind.OTHER
    status: AgreementStatus | None = None
    date: _PDate | None = None
    parties: tuple[PParty, ...]
    history: tuple[PStatusChange, ...]
    purpose: _PText | None = None
    evidence: tuple[PSpan, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> PAgreement:
        given = self.model_fields_set
        aid = _agreement_rules(self, "status" in given, "date" in given, _set)
        _settle_id(self, aid, None, _set)
        return self


class PExercise(BaseModel):
    model_config = _CONFIG
    id: StrictStr | None = None
    participants: tuple[PParty, ...]
    status: ExerciseStatus
    name: _PText | None = None
    locations: tuple[PLocation, ...] = ()
    start: _PDate | None = None
    end: _PDate | None = None
    date_text: _PText | None = None
    domain: Domain | None = None
    evidence: tuple[PSpan, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> PExercise:
        _settle_id(self, _exercise_rules(self), None, _set)
        return self


class PArticle(BaseModel):
    model_config = _CONFIG
    text: StrictStr
    title: _PText | None = None
    published: _PDay | None = None
    url: _PText | None = None
    outlet: _PText | None = None
    dateline: _PText | None = None


class PEventSet(BaseModel):
    model_config = _CONFIG
    article: PArticle | None = None
    parties: tuple[PParty, ...] = ()
    meetings: tuple[PMeeting, ...] = ()
    agreements: tuple[PAgreement, ...] = ()
    exercises: tuple[PExercise, ...] = ()
    schema_version: Literal[1]

    @model_validator(mode="after")
    def _check(self) -> PEventSet:
        _check_event_set(self)
        return self


# ---- the msgspec twin -----------------------------------------------------------------

# msgspec runs patterns with Python's re.search, where "$" also matches before a final
# newline, hence \Z.
_MText = Annotated[str, msgspec.Meta(pattern=r"^\S(?:[\s\S]*\S)?\Z")]
_MCountry = Literal[_CODES]  # type: ignore[valid-type]
_UNSET = msgspec.UNSET


class _Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    pass


def _force(obj: object, name: str, value: object) -> None:
    msgspec.structs.force_setattr(obj, name, value)


class MParty(_Struct, kw_only=True):
    id: str | msgspec.UnsetType = _UNSET
    kind: PartyKind
    name: _MText
    country: _MCountry | None = None
    title: _MText | None = None
    aliases: tuple[_MText, ...] = ()

    def __post_init__(self) -> None:
        _settle_id(self, _party_rules(self), _UNSET, _force)


class MLocation(_Struct, kw_only=True):
    name: _MText
    country: _MCountry | None = None
    kind: LocationKind = LocationKind.OTHER


class MSpan(_Struct, kw_only=True):
    start: Annotated[int, msgspec.Meta(ge=0)]
    end: int
    text: str

    def __post_init__(self) -> None:
        _span_rules(self)


class MMeeting(_Struct, kw_only=True):
    id: str | msgspec.UnsetType = _UNSET
    participants: tuple[MParty, ...]
    status: MeetingStatus
    date: PD | None = None
    date_text: _MText | None = None
    location: MLocation | None = None
    format: MeetingFormat | None = None
    topics: tuple[_MText, ...] = ()
    outcomes: tuple[_MText, ...] = ()
    evidence: tuple[MSpan, ...] = ()

    def __post_init__(self) -> None:
        _settle_id(self, _meeting_rules(self), _UNSET, _force)


class MStatusChange(_Struct, kw_only=True):
    status: AgreementStatus
    date: PD | None = None
    date_text: _MText | None = None


class MAgreement(_Struct, kw_only=True):
    id: str | msgspec.UnsetType = _UNSET
    name: _MText
    acronym: _MText | None = None
    kind: AgreementKind = AgreementKind.OTHER
    status: AgreementStatus | msgspec.UnsetType = _UNSET
    date: PD | msgspec.UnsetType | None = _UNSET
    parties: tuple[MParty, ...]
    history: tuple[MStatusChange, ...]
    purpose: _MText | None = None
    evidence: tuple[MSpan, ...] = ()

    def __post_init__(self) -> None:
        given = (self.status is not _UNSET, self.date is not _UNSET)
        _settle_id(self, _agreement_rules(self, *given, _force), _UNSET, _force)


class MExercise(_Struct, kw_only=True):
    id: str | msgspec.UnsetType = _UNSET
    participants: tuple[MParty, ...]
    status: ExerciseStatus
    name: _MText | None = None
    locations: tuple[MLocation, ...] = ()
    start: PD | None = None
    end: PD | None = None
    date_text: _MText | None = None
    domain: Domain | None = None
    evidence: tuple[MSpan, ...] = ()

    def __post_init__(self) -> None:
        _settle_id(self, _exercise_rules(self), _UNSET, _force)


class MArticle(_Struct, kw_only=True):
    text: str
    title: _MText | None = None
    published: dt.date | None = None
    url: _MText | None = None
    outlet: _MText | None = None
    dateline: _MText | None = None


class MEventSet(_Struct, kw_only=True):
    article: MArticle | None = None
    parties: tuple[MParty, ...] = ()
    meetings: tuple[MMeeting, ...] = ()
    agreements: tuple[MAgreement, ...] = ()
    exercises: tuple[MExercise, ...] = ()
    schema_version: Literal[1]

    def __post_init__(self) -> None:
        _check_event_set(self)


def _m_dec_hook(tp: type, value: object) -> object:
    if tp is PD:
        return _pd_from_wire(value)
    raise NotImplementedError


def _m_enc_hook(value: object) -> object:
    if isinstance(value, PD):
        return str(value)
    raise NotImplementedError


_M_DECODER = msgspec.json.Decoder(MEventSet, dec_hook=_m_dec_hook)
_M_ENCODER = msgspec.json.Encoder(enc_hook=_m_enc_hook)


def _m_convert(data: object) -> MEventSet:
    return msgspec.convert(data, MEventSet, strict=True, dec_hook=_m_dec_hook)


def _m_to_builtins(obj: MEventSet) -> Any:
    return msgspec.to_builtins(obj, enc_hook=_m_enc_hook)


# ---- fairness: every twin rejects every corruption the library rejects ----------------

Mutation = Callable[[dict[str, Any]], None]


def _swap_history(d: dict[str, Any]) -> None:
    a = next(a for a in d["agreements"] if len(a["history"]) > 1)
    a["history"].reverse()
    a["status"] = a["history"][-1]["status"]
    a["date"] = a["history"][-1]["date"]


def _duplicate_participant(d: dict[str, Any]) -> None:
    m = d["meetings"][0]
    m["participants"] = [m["participants"][0], m["participants"][0]]


def _set_path(path: str, value: object) -> Mutation:
    *head, last = path.split(".")

    def mutate(d: dict[str, Any]) -> None:
        node: Any = d
        for key in head:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    mutate.__name__ = f"{path}={value!r}"
    return mutate


MUTATIONS: list[Mutation] = [
    _set_path("parties.0.name", " Japan"),
    _set_path("parties.0.name", ""),
    _set_path("parties.0.name", 5),
    _set_path("parties.0.country", "XXX"),
    _set_path("parties.0.country", "jpn"),
    _set_path("parties.0.kind", "nation"),
    _set_path("parties.0.unknown", 1),
    _set_path("parties.0.id", "country:XXX"),
    _set_path("meetings.0.participants", []),
    _duplicate_participant,
    _set_path("meetings.0.id", "meeting:0"),
    _set_path("meetings.0.date", "2023-02-29"),
    _set_path("meetings.0.date", "2024-5-2"),
    _set_path("meetings.0.date", 2024),
    _set_path("meetings.0.topics", ["trade", "trade"]),
    _set_path("meetings.0.outcomes", ["agreement:0000000000000000"]),
    _set_path("meetings.0.location.country", "ZZZ"),
    _set_path("meetings.0.evidence.0.start", -1),
    _set_path("meetings.0.evidence.0.start", "0"),
    _set_path("meetings.0.evidence.0.end", value=True),
    _set_path("meetings.0.evidence.0.text", "x"),
    _set_path("agreements.0.status", "terminated"),
    _set_path("agreements.0.history", []),
    _swap_history,
    _set_path("exercises.0.start", "2099"),
    _set_path("article.published", "2024-02-30"),
    _set_path("article.title", "Title\n"),
    _set_path("schema_version", 2),
]


def _evidence_misquote(d: dict[str, Any]) -> None:
    span = d["meetings"][1]["evidence"][0]
    span["text"] = "#" * len(span["text"])


def _repeat_meeting(d: dict[str, Any]) -> None:
    d["meetings"].append(copy.deepcopy(d["meetings"][0]))


def _party_title_on_country(d: dict[str, Any]) -> None:
    p = next(p for p in d["parties"] if p["kind"] == "country")
    p["title"] = "President"


def _state_without_country(d: dict[str, Any]) -> None:
    p = next(p for p in d["parties"] if p["kind"] == "government")
    p["country"] = None
    p["id"] = "government:None"


MUTATIONS += [_evidence_misquote, _repeat_meeting, _party_title_on_country]
MUTATIONS += [_state_without_country]


def _rejects(decode: Callable[[bytes], object], doc: bytes) -> bool:
    try:
        decode(doc)
    except (de.ValidationError, pydantic.ValidationError, msgspec.ValidationError):
        return True
    return False


def check_twins(doc: dict[str, Any], ours: EventSet) -> None:
    """Fail loudly unless the twins write the library's JSON and reject what it rejects."""
    raw = orjson.dumps(doc)
    p = PEventSet.model_validate_json(raw)
    m = _M_DECODER.decode(raw)
    for name, written in (
        ("pydantic", orjson.loads(p.model_dump_json())),
        ("msgspec", orjson.loads(_M_ENCODER.encode(m))),
        ("pydantic dict", p.model_dump(mode="json")),
        # to_builtins keeps tuples as tuples: JSON-ready, but not equal to lists.
        ("msgspec dict", orjson.loads(orjson.dumps(_m_to_builtins(m)))),
    ):
        if written != doc:
            sys.exit(f"the {name} twin writes different JSON from the library")
    if de.to_dict(ours) != doc:
        sys.exit("to_dict differs from the JSON document")
    decoders: dict[str, Callable[[bytes], object]] = {
        "ours": lambda b: de.from_json(EventSet, b),
        "ours (dict)": lambda b: de.from_dict(EventSet, orjson.loads(b)),
        "pydantic": PEventSet.model_validate_json,
        "pydantic (dict)": lambda b: PEventSet.model_validate(orjson.loads(b)),
        "msgspec": _M_DECODER.decode,
        "msgspec (dict)": lambda b: _m_convert(orjson.loads(b)),
    }
    for mutate in MUTATIONS:
        bad = copy.deepcopy(doc)
        mutate(bad)
        data = orjson.dumps(bad)
        lax = [name for name, decode in decoders.items() if not _rejects(decode, data)]
        if lax:
            sys.exit(f"{', '.join(lax)} accepted the corrupted document {mutate.__name__}")


# ---- timing ---------------------------------------------------------------------------


def _calibrate(fn: Callable[[], object], target: float) -> int:
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        if time.perf_counter() - t0 >= target / 4:
            return max(1, round(n * target / max(time.perf_counter() - t0, 1e-9)))
        n *= 2


def run(rounds: int, target: float) -> dict[str, dict[str, float]]:
    """Return the median seconds per call of every (operation, library) pair."""
    ours = build_event_set()
    raw = de.to_json(ours).encode()
    doc = orjson.loads(raw)
    check_twins(doc, ours)
    p_obj = PEventSet.model_validate_json(raw)
    m_obj = _M_DECODER.decode(raw)
    text = raw.decode()

    cases: dict[str, dict[str, Callable[[], object]]] = {
        "structure (dict -> object)": {
            "ours": lambda: de.from_dict(EventSet, doc),
            "pydantic": lambda: PEventSet.model_validate(doc),
            "msgspec": lambda: _m_convert(doc),
        },
        "unstructure (object -> dict)": {
            "ours": lambda: de.to_dict(ours),
            "pydantic": lambda: p_obj.model_dump(mode="json"),
            "msgspec": lambda: _m_to_builtins(m_obj),
        },
        "decode+validate (JSON -> object)": {
            "ours": lambda: de.from_json(EventSet, raw),
            "pydantic": lambda: PEventSet.model_validate_json(raw),
            "msgspec": lambda: _M_DECODER.decode(raw),
            "ours, stdlib json": lambda: de.from_dict(EventSet, json.loads(text)),
        },
        "encode (object -> JSON)": {
            "ours": lambda: de.to_json(ours),
            "pydantic": p_obj.model_dump_json,
            "msgspec": lambda: _M_ENCODER.encode(m_obj),
            "ours, stdlib json": lambda: json.dumps(de.to_dict(ours), separators=(",", ":")),
        },
        "JSON parse only (no validation)": {
            "orjson.loads": lambda: orjson.loads(raw),
            "json.loads": lambda: json.loads(text),
        },
        "JSON write only (from dicts)": {
            "orjson.dumps": lambda: orjson.dumps(doc),
            "json.dumps": lambda: json.dumps(doc, separators=(",", ":")),
        },
    }
    counts = {
        (op, lib): _calibrate(fn, target) for op, libs in cases.items() for lib, fn in libs.items()
    }
    samples: dict[tuple[str, str], list[float]] = {key: [] for key in counts}
    for _ in range(rounds):
        for op, libs in cases.items():
            for lib, fn in libs.items():
                n = counts[op, lib]
                gc.collect()
                t0 = time.perf_counter()
                for _ in range(n):
                    fn()
                samples[op, lib].append((time.perf_counter() - t0) / n)
    out: dict[str, dict[str, float]] = {}
    for (op, lib), times in samples.items():
        out.setdefault(op, {})[lib] = statistics.median(times)
    out["_meta"] = {"document_bytes": float(len(raw))}
    return out


def ratios(results: dict[str, dict[str, float]]) -> dict[str, float]:
    """Return ours / theirs for the six headline comparisons."""
    s, u = results["structure (dict -> object)"], results["unstructure (object -> dict)"]
    d, e = results["decode+validate (JSON -> object)"], results["encode (object -> JSON)"]
    return {
        "decode_vs_pydantic": round(d["ours"] / d["pydantic"], 3),
        "encode_vs_pydantic": round(e["ours"] / e["pydantic"], 3),
        "structure_vs_pydantic": round(s["ours"] / s["pydantic"], 3),
        "unstructure_vs_pydantic": round(u["ours"] / u["pydantic"], 3),
        "decode_vs_msgspec": round(d["ours"] / d["msgspec"], 3),
        "encode_vs_msgspec": round(e["ours"] / e["msgspec"], 3),
    }


def _table(results: dict[str, dict[str, float]]) -> str:
    size = int(results["_meta"]["document_bytes"])
    lines = [
        (
            f"Python {platform.python_version()}, pydantic {pydantic.VERSION}, "
            f"msgspec {msgspec.__version__}, orjson {orjson.__version__}, "
            f"diplomatic-events {de.__version__}"
        ),
        f"document: 50 meetings, 20 agreements, 20 exercises; {size:,} bytes of JSON",
        "",
        f"{'operation':34} {'library':20} {'ms/call':>9} {'vs first':>9}",
    ]
    for op, libs in results.items():
        if op.startswith("_"):
            continue
        first = next(iter(libs.values()))
        for lib, t in libs.items():
            lines.append(f"{op:34} {lib:20} {t * 1e3:9.3f} {t / first:8.2f}x")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark and print a table, or the ratios with ``--json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the ratios as JSON")
    parser.add_argument("--rounds", type=int, default=11, help="rounds (median is kept)")
    parser.add_argument(
        "--target", type=float, default=0.05, help="seconds each timed batch aims at"
    )
    args = parser.parse_args()
    results = run(args.rounds, args.target)
    if args.json:
        print(json.dumps(ratios(results), indent=2))
    else:
        print(_table(results))
        print(json.dumps(ratios(results), indent=2))


if __name__ == "__main__":
    main()
