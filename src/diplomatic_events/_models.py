"""The event models: frozen, slotted, keyword-only attrs classes.

Validation runs at construction (``__attrs_post_init__``), so an invalid instance
cannot exist; :func:`~diplomatic_events.from_dict` and
:func:`~diplomatic_events.from_json` build instances through the same classes and so
run the same checks.
Each class checks itself in one method that collects every problem before raising,
so one :class:`~diplomatic_events.ValidationError` names every bad field.
The models know nothing of JSON: see :mod:`diplomatic_events.serialization`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import operator
import re
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from diplomatic_events._dates import PartialDate
from diplomatic_events._repr import show as _show
from diplomatic_events.exceptions import Problem, ValidationError
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
    from collections.abc import Callable, Iterable

__all__ = [
    "MAX_OFFSET",
    "SCHEMA_VERSION",
    "Agreement",
    "Article",
    "EventSet",
    "Exercise",
    "Location",
    "Meeting",
    "Party",
    "Span",
    "StatusChange",
    "is_country_code",
]

#: The version of the JSON document format this library writes.
SCHEMA_VERSION: Final = 1

#: The largest span offset: 2**53 - 1, the largest integer every JSON reader
#: (JavaScript's included) holds exactly.
MAX_OFFSET: Final = 2**53 - 1

_T = TypeVar("_T")
_Problems = list[Problem]


@functools.cache
def _country_codes() -> frozenset[str]:
    # pycountry loads its JSON on first use; keep that off the import path.
    import pycountry  # noqa: PLC0415

    return frozenset(c.alpha_3 for c in pycountry.countries)


def is_country_code(code: object) -> bool:
    """Return whether *code* is an assigned ISO 3166-1 alpha-3 code, in upper case."""
    return type(code) is str and code in _country_codes()


def _tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    # Accept a list for convenience in Python code; anything else is checked later.
    return tuple(value) if type(value) is list else value  # type: ignore[return-value]


# One converter per element type: mypy's attrs plugin gives ``__init__`` the converter's
# parameter type and cannot solve a generic converter's type variable, so with
# ``converter=_tuple`` every call passing a tuple or list failed type checking.
# Each inlines _tuple: a converter runs for every array field of every instance.
def _strs(value: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(value) if type(value) is list else value  # type: ignore[return-value]


def _parties(value: tuple[Party, ...] | list[Party]) -> tuple[Party, ...]:
    return tuple(value) if type(value) is list else value  # type: ignore[return-value]


def _spans(value: tuple[Span, ...] | list[Span]) -> tuple[Span, ...]:
    return tuple(value) if type(value) is list else value  # type: ignore[return-value]


def _locations(value: tuple[Location, ...] | list[Location]) -> tuple[Location, ...]:
    return tuple(value) if type(value) is list else value  # type: ignore[return-value]


def _changes(value: tuple[StatusChange, ...] | list[StatusChange]) -> tuple[StatusChange, ...]:
    return tuple(value) if type(value) is list else value  # type: ignore[return-value]


def _meetings(value: tuple[Meeting, ...] | list[Meeting]) -> tuple[Meeting, ...]:
    return tuple(value) if type(value) is list else value  # type: ignore[return-value]


def _agreements(value: tuple[Agreement, ...] | list[Agreement]) -> tuple[Agreement, ...]:
    return tuple(value) if type(value) is list else value  # type: ignore[return-value]


def _exercises(value: tuple[Exercise, ...] | list[Exercise]) -> tuple[Exercise, ...]:
    return tuple(value) if type(value) is list else value  # type: ignore[return-value]


# ---- field checks: each appends problems instead of raising, so all are reported -----


def _check_text(problems: _Problems, path: str, value: object, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if type(value) is not str:
        expected = "a string or None" if optional else "a string"
        problems.append(Problem(path, f"expected {expected}, got {_show(value)}"))
    elif not value:
        problems.append(Problem(path, "must not be empty"))
    elif value != value.strip():
        problems.append(Problem(path, f"{_show(value)} has leading or trailing whitespace"))
    else:
        _check_encodable(problems, path, value)


# A lone surrogate is a valid Python str but cannot be written as UTF-8 or JSON, so an
# instance holding one could not round-trip; reject it where text enters a model.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_encodable(problems: _Problems, path: str, value: str) -> None:
    if not value.isascii() and (match := _SURROGATE.search(value)):
        problems.append(Problem(path, f"has a lone surrogate {match.group()!r} at {match.start()}"))


def _check_country(problems: _Problems, path: str, value: object, *, optional: bool) -> None:
    if value is None:
        if not optional:
            problems.append(Problem(path, "is required"))
    elif type(value) is not str:
        problems.append(Problem(path, f"expected an ISO 3166-1 alpha-3 code, got {_show(value)}"))
    elif value not in _country_codes():
        problems.append(Problem(path, f"{_show(value)} is not an ISO 3166-1 alpha-3 code"))


def _check_instance(
    problems: _Problems, path: str, value: object, cls: type | tuple[type, ...], what: str
) -> bool:
    if isinstance(value, cls):
        return True
    problems.append(Problem(path, f"expected {what}, got {_show(value)}"))
    return False


def _is(cls: type, what: str) -> Callable[[_Problems, str, object], object]:
    def check(problems: _Problems, path: str, value: object) -> bool:
        return _check_instance(problems, path, value, cls, what)

    return check


def _check_optional(problems: _Problems, path: str, value: object, cls: type, what: str) -> None:
    if value is not None:
        _check_instance(problems, path, value, cls, f"{what} or None")


def _check_items(
    problems: _Problems,
    path: str,
    value: object,
    check: Callable[[_Problems, str, object], object],
) -> None:
    if type(value) is not tuple:
        problems.append(Problem(path, f"expected a tuple, got {_show(value)}"))
        return
    for i, item in enumerate(value):
        check(problems, f"{path}[{i}]", item)


def _check_parties(problems: _Problems, path: str, value: object, *, minimum: int) -> None:
    before = len(problems)
    _check_items(problems, path, value, _is(Party, "a Party"))
    if len(problems) > before:
        return
    assert isinstance(value, tuple)  # noqa: S101 - narrowed by _check_items
    ids = [p.id for p in value]
    seen: set[str] = set()
    for i, pid in enumerate(ids):
        if pid in seen:
            problems.append(Problem(f"{path}[{i}]", f"party {pid!r} is listed twice"))
        seen.add(pid)
    if len(seen) < minimum:
        problems.append(
            Problem(path, f"needs at least {minimum} distinct parties, got {len(seen)}")
        )


def _check_unique_text(problems: _Problems, path: str, value: object) -> None:
    _check_items(problems, path, value, _check_text)
    if type(value) is tuple and len(set(value)) != len(value):
        problems.append(Problem(path, "has duplicate entries"))


def _raise(problems: _Problems) -> None:
    if problems:
        raise ValidationError(problems)


# ---- ids ------------------------------------------------------------------------------

_SLUG = re.compile(r"[\W_]+")


def _slug(name: str) -> str:
    folded = name.casefold()
    if folded.isascii() and folded.replace(" ", "").isalnum():
        # Nearly every name: ASCII letters and digits between spaces. In ASCII, [\W_] is
        # every character but [A-Za-z0-9], so here its runs are exactly the runs of
        # spaces, and the words between them (none empty once split) are the slug's.
        return "-".join(folded.split())
    slug = _SLUG.sub("-", folded).strip("-")
    return slug or _digest(name)


def _digest(*parts: str) -> str:
    hasher = _BLAKE2B_8.copy()
    hasher.update("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


def _event_id(prefix: str, parties: tuple[Party, ...], *rest: str | None) -> str:
    # The same as _digest(*sorted ids, "|", *(r or "" for r in rest)), without
    # generators and unpacking: an id is computed for every event loaded.
    parts = sorted(map(_id, parties))
    parts.append("|")
    for r in rest:
        parts.append(r or "")
    hasher = _BLAKE2B_8.copy()
    hasher.update("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return prefix + ":" + hasher.hexdigest()


# An empty BLAKE2b state of 8-byte digests: a copy of it hashes as
# ``hashlib.blake2b(data, digest_size=8)`` does, without parsing the keyword arguments
# on every call (three times the cost of the copy).
_BLAKE2B_8: Final = hashlib.blake2b(digest_size=8)
# Reads every id in C, where a comprehension runs a Python frame.
_id: Final = operator.attrgetter("id")
# Sets a slot of a frozen instance (the id's cache).
_set: Final = object.__setattr__


# ---- models -------------------------------------------------------------------------


class _IdSlot:
    """A base that gives a model the slot its id is kept in once computed.

    The slot sits outside the attrs fields, so it is never compared, hashed, pickled or
    passed to ``__init__``. ``functools.cached_property`` would keep the id in a slot
    too, but attrs then gives the class a ``__getattr__`` hook, and with a hook every
    attribute read of every instance goes the slow way (about four times the cost).
    """

    __slots__ = ("_id",)
    _id: str


@attrs.frozen(kw_only=True)
class Party(_IdSlot):
    """Someone who acts: a state, its government, a person, an organization or an armed force.

    Args:
        kind: What the party is.
        name: Its name as commonly written ("Japan", "Ursula von der Leyen", "French Army").
        country: The ISO 3166-1 alpha-3 code of the state it is or belongs to;
            required for countries, governments and armed forces.
        title: A person's title ("Prime Minister"); persons only.
        aliases: Other names it goes by ("SDF"), distinct.

    Raises:
        ValidationError: naming every field that breaks a rule.
    """

    kind: PartyKind
    name: str
    country: str | None = None
    title: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    def __attrs_post_init__(self) -> None:
        """Check every field."""
        # The quick check, inline: parties are built by the dozen.
        k, n, c, t = self.kind, self.name, self.country, self.title
        if (
            type(k) is PartyKind
            and type(n) is str
            and n != ""
            and n.strip() is n
            and (n.isascii() or encodable(n))
            and (
                (k is _PERSON_KIND or k is _ORGANIZATION_KIND)
                if c is None
                else (type(c) is str and c in _country_codes())
            )
            and (t is None or (k is _PERSON_KIND and text_ok(t)))
            and texts_ok(self.aliases)
        ):
            return
        problems: _Problems = []
        kind_ok = _check_instance(problems, "$.kind", self.kind, PartyKind, "a PartyKind")
        _check_text(problems, "$.name", self.name)
        needs_country = kind_ok and self.kind in _STATE_KINDS
        _check_country(problems, "$.country", self.country, optional=not needs_country)
        if needs_country and self.country is None:
            problems[-1] = Problem(
                "$.country", f"is required for a party of kind '{self.kind.value}'"
            )
        _check_text(problems, "$.title", self.title, optional=True)
        if self.title is not None and kind_ok and self.kind is not PartyKind.PERSON:
            problems.append(
                Problem("$.title", f"only a person has a title, but 'kind' is '{self.kind.value}'")
            )
        _check_unique_text(problems, "$.aliases", self.aliases)
        _raise(problems)

    @property
    def id(self) -> str:
        """A stable id derived from the content.

        ``country:JPN`` and ``government:JPN`` for states and their governments;
        ``<kind>:<country>:<slug of name>`` for persons, organizations and armed forces
        (``person:IND:narendra-modi``), ``<kind>:<slug>`` where there is no country.
        """
        try:
            return self._id
        except AttributeError:
            oid = _party_id(self)
            _set(self, "_id", oid)
            return oid


# The ids' computations, as functions: serialization computes and caches the id of
# every instance it builds, skipping the lookup that finds an empty cache.
def _party_id(p: Party) -> str:
    kind, country = p.kind, p.country
    if kind is PartyKind.COUNTRY or kind is PartyKind.GOVERNMENT:
        return f"{kind._value_}:{country}"
    if country is None:
        return f"{kind._value_}:{_slug(p.name)}"
    return f"{kind._value_}:{country}:{_slug(p.name)}"


_STATE_KINDS = frozenset({PartyKind.COUNTRY, PartyKind.GOVERNMENT, PartyKind.MILITARY})


@attrs.frozen(kw_only=True)
class Location:
    """A place where something happens.

    Args:
        name: The place as written ("Tower of London", "Paris", "South China Sea").
        country: The ISO 3166-1 alpha-3 code of the state it is in, or None
            (international waters, unknown).
        kind: What sort of place it is.
    """

    name: str
    country: str | None = None
    kind: LocationKind = LocationKind.OTHER

    def __attrs_post_init__(self) -> None:
        """Check every field."""
        # The quick check, inline: locations are built by the dozen.
        n, c = self.name, self.country
        if (
            type(n) is str
            and n != ""
            and n.strip() is n
            and (n.isascii() or encodable(n))
            and (c is None or (type(c) is str and c in _country_codes()))
            and type(self.kind) is LocationKind
        ):
            return
        problems: _Problems = []
        _check_text(problems, "$.name", self.name)
        _check_country(problems, "$.country", self.country, optional=True)
        _check_instance(problems, "$.kind", self.kind, LocationKind, "a LocationKind")
        _raise(problems)


@attrs.frozen(kw_only=True)
class Span:
    """The words a fact came from: ``text == source[start:end]``.

    Args:
        start: Offset of the first character, in code points, from 0.
        end: Offset one past the last character; greater than *start*.
        text: The quoted characters; ``len(text) == end - start``.
    """

    start: int
    end: int
    text: str

    def __attrs_post_init__(self) -> None:
        """Check the offsets and the quote agree."""
        s, e, t = self.start, self.end, self.text
        # The quick check, inline: spans are built by the dozen.
        if (
            type(s) is int
            and type(e) is int
            and type(t) is str
            and 0 <= s < e <= MAX_OFFSET
            and len(t) == e - s
            and (t.isascii() or encodable(t))
        ):
            return
        problems: _Problems = []
        ints = True
        for path, v in (("$.start", s), ("$.end", e)):
            if type(v) is not int:
                problems.append(Problem(path, f"expected an integer, got {_show(v)}"))
                ints = False
        if ints:
            if s < 0:
                problems.append(Problem("$.start", f"must be >= 0, got {_show(s)}"))
            if e <= s:
                problems.append(
                    Problem("$.end", f"'end' {_show(e)} must be greater than 'start' {_show(s)}")
                )
            if e > MAX_OFFSET:
                problems.append(Problem("$.end", f"must be at most {MAX_OFFSET}, got {_show(e)}"))
        if type(t) is not str:
            problems.append(Problem("$.text", f"expected a string, got {_show(t)}"))
        elif ints and e > s and len(t) != e - s:
            problems.append(
                Problem("$.text", f"has {len(t)} characters but 'end' - 'start' is {_show(e - s)}")
            )
        else:
            _check_encodable(problems, "$.text", t)
        _raise(problems)


def _check_spans(problems: _Problems, path: str, value: object) -> None:
    _check_items(problems, path, value, _is(Span, "a Span"))


def _check_date(problems: _Problems, path: str, value: object) -> None:
    _check_optional(problems, path, value, PartialDate, "a PartialDate")


@attrs.frozen(kw_only=True)
class Meeting(_IdSlot):
    """Two or more parties meeting: held, scheduled, proposed or cancelled.

    Args:
        participants: Who meets; at least two distinct parties.
        status: Whether it took place.
        date: When, to the precision the source gives.
        date_text: The words the date was stated in ("on Thursday"), kept even
            when they could not be resolved to a date.
        location: Where.
        format: How (in person, virtual, by phone, over a working meal).
        topics: What was discussed, as short phrases.
        outcomes: Ids of the agreements it acted on (in the same :class:`EventSet`).
        evidence: The spans it was read from.
    """

    participants: tuple[Party, ...] = attrs.field(converter=_parties)
    status: MeetingStatus
    date: PartialDate | None = None
    date_text: str | None = None
    location: Location | None = None
    format: MeetingFormat | None = None
    topics: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    outcomes: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=_spans)

    def __attrs_post_init__(self) -> None:
        """Check every field."""
        if meeting_ok(self):
            return
        problems: _Problems = []
        _check_parties(problems, "$.participants", self.participants, minimum=2)
        _check_instance(problems, "$.status", self.status, MeetingStatus, "a MeetingStatus")
        _check_date(problems, "$.date", self.date)
        _check_text(problems, "$.date_text", self.date_text, optional=True)
        _check_optional(problems, "$.location", self.location, Location, "a Location")
        _check_optional(problems, "$.format", self.format, MeetingFormat, "a MeetingFormat")
        _check_unique_text(problems, "$.topics", self.topics)
        _check_unique_text(problems, "$.outcomes", self.outcomes)
        _check_spans(problems, "$.evidence", self.evidence)
        _raise(problems)

    @property
    def id(self) -> str:
        """``meeting:<hash>`` of the participants' ids, the date and the location's name.

        The status is left out on purpose: a meeting announced as scheduled and later
        reported as held is the same meeting.
        """
        try:
            return self._id
        except AttributeError:
            oid = _meeting_id(self)
            _set(self, "_id", oid)
            return oid


def _meeting_id(m: Meeting) -> str:
    date, location = m.date, m.location
    return _event_id(
        "meeting",
        m.participants,
        None if date is None else str(date),
        None if location is None else location.name,
    )


@attrs.frozen(kw_only=True)
class StatusChange:
    """One dated step in an agreement's lifecycle.

    Args:
        status: The status reached.
        date: When it was reached, if known.
        date_text: The words the date was stated in, kept even when unresolved.
    """

    status: AgreementStatus
    date: PartialDate | None = None
    date_text: str | None = None

    def __attrs_post_init__(self) -> None:
        """Check every field."""
        # The quick check, inline: status changes are built by the dozen.
        d, dtext = self.date, self.date_text
        if (
            type(self.status) is AgreementStatus
            and (d is None or type(d) is PartialDate)
            and (dtext is None or text_ok(dtext))
        ):
            return
        problems: _Problems = []
        _check_instance(problems, "$.status", self.status, AgreementStatus, "an AgreementStatus")
        _check_date(problems, "$.date", self.date)
        _check_text(problems, "$.date_text", self.date_text, optional=True)
        _raise(problems)


@attrs.frozen(kw_only=True)
class Agreement(_IdSlot):
    """An agreement between two or more parties and where it stands.

    Args:
        name: Its name ("Reciprocal Access Agreement").
        parties: The states or organizations bound; at least two distinct.
        history: Its status changes in order; at least one.
            The lifecycle never runs backwards (see
            :data:`~diplomatic_events.vocab.AGREEMENT_LIFECYCLE`) and dates never decrease.
        acronym: Its acronym ("RAA").
        kind: What it governs.
        purpose: What it is for, as a short phrase.
        evidence: The spans it was read from.
    """

    name: str
    parties: tuple[Party, ...] = attrs.field(converter=_parties)
    history: tuple[StatusChange, ...] = attrs.field(converter=_changes)
    acronym: str | None = None
    kind: AgreementKind = AgreementKind.OTHER
    purpose: str | None = None
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=_spans)

    def __attrs_post_init__(self) -> None:
        """Check every field and the history's order."""
        if agreement_ok(self):
            return
        problems: _Problems = []
        _check_text(problems, "$.name", self.name)
        _check_parties(problems, "$.parties", self.parties, minimum=2)
        _check_history(problems, self.history)
        _check_text(problems, "$.acronym", self.acronym, optional=True)
        _check_instance(problems, "$.kind", self.kind, AgreementKind, "an AgreementKind")
        _check_text(problems, "$.purpose", self.purpose, optional=True)
        _check_spans(problems, "$.evidence", self.evidence)
        _raise(problems)

    @property
    def status(self) -> AgreementStatus:
        """The current status: the last entry of the history."""
        return self.history[-1].status

    @property
    def date(self) -> PartialDate | None:
        """The date of the current status, if known."""
        return self.history[-1].date

    @property
    def id(self) -> str:
        """``agreement:<hash>`` of the parties' ids and the acronym (or, lacking one, the name)."""
        try:
            return self._id
        except AttributeError:
            oid = _agreement_id(self)
            _set(self, "_id", oid)
            return oid


def _agreement_id(a: Agreement) -> str:
    key = a.acronym.casefold() if a.acronym else _slug(a.name)
    return _event_id("agreement", a.parties, key)


def _check_history(problems: _Problems, history: object) -> None:
    before = len(problems)
    _check_items(
        problems,
        "$.history",
        history,
        _is(StatusChange, "a StatusChange"),
    )
    if len(problems) > before:
        return
    assert isinstance(history, tuple)  # noqa: S101 - narrowed by _check_items
    if not history:
        problems.append(Problem("$.history", "needs at least one status"))
        return
    last_rank = -1
    last_status: AgreementStatus | None = None
    last_date: PartialDate | None = None
    for i, change in enumerate(history):
        rank = AGREEMENT_LIFECYCLE[change.status]
        if rank < last_rank and last_status is not None:
            problems.append(
                Problem(
                    f"$.history[{i}].status",
                    f"'{change.status.value}' cannot follow '{last_status.value}': "
                    "the lifecycle never runs backwards",
                )
            )
        if change.date is not None:
            if last_date is not None and change.date.latest() < last_date.earliest():
                problems.append(
                    Problem(
                        f"$.history[{i}].date",
                        f"{change.date} is earlier than the previous status's date {last_date}",
                    )
                )
            last_date = change.date
        last_rank = max(last_rank, rank)
        last_status = change.status


@attrs.frozen(kw_only=True)
class Exercise(_IdSlot):
    """A joint military exercise: one edition of it.

    Args:
        participants: The parties whose forces take part; at least two distinct.
        status: Planned, ongoing, held or cancelled.
        name: Its name without the year ("Balikatan"), or None.
        locations: Where it takes place.
        start: Its first day, to the precision known.
        end: Its last day; the start is never after the end.
        date_text: The words the date was stated in, kept even when unresolved.
        domain: Land, sea, air or joint.
        evidence: The spans it was read from.
    """

    participants: tuple[Party, ...] = attrs.field(converter=_parties)
    status: ExerciseStatus
    name: str | None = None
    locations: tuple[Location, ...] = attrs.field(default=(), converter=_locations)
    start: PartialDate | None = None
    end: PartialDate | None = None
    date_text: str | None = None
    domain: Domain | None = None
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=_spans)

    def __attrs_post_init__(self) -> None:
        """Check every field, and that 'start' is not after 'end'."""
        if exercise_ok(self):
            return
        problems: _Problems = []
        _check_parties(problems, "$.participants", self.participants, minimum=2)
        _check_instance(problems, "$.status", self.status, ExerciseStatus, "an ExerciseStatus")
        _check_text(problems, "$.name", self.name, optional=True)
        _check_items(
            problems,
            "$.locations",
            self.locations,
            _is(Location, "a Location"),
        )
        _check_date(problems, "$.start", self.start)
        _check_date(problems, "$.end", self.end)
        s, e = self.start, self.end
        if isinstance(s, PartialDate) and isinstance(e, PartialDate) and s.earliest() > e.latest():
            problems.append(Problem("$.end", f"'end' {e} precedes 'start' {s}"))
        _check_text(problems, "$.date_text", self.date_text, optional=True)
        _check_optional(problems, "$.domain", self.domain, Domain, "a Domain")
        _check_spans(problems, "$.evidence", self.evidence)
        _raise(problems)

    @property
    def id(self) -> str:
        """``exercise:<hash>`` of the participants' ids, the name and the start date."""
        try:
            return self._id
        except AttributeError:
            oid = _exercise_id(self)
            _set(self, "_id", oid)
            return oid


def _exercise_id(x: Exercise) -> str:
    name, start = x.name, x.start
    return _event_id(
        "exercise",
        x.participants,
        None if name is None else _slug(name),
        None if start is None else str(start),
    )


@attrs.frozen(kw_only=True)
class Article:
    """A source text and what is known of it.

    Args:
        text: The full text, exactly as read (evidence offsets point into it).
        title: The headline.
        published: The publication date; relative dates are resolved against it.
        url: Where it was published.
        outlet: Who published it.
        dateline: The dateline's place ("PARIS").
    """

    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    dateline: str | None = None

    def __attrs_post_init__(self) -> None:
        """Check every field."""
        if article_ok(self):
            return
        problems: _Problems = []
        if type(self.text) is not str:
            problems.append(Problem("$.text", f"expected a string, got {_show(self.text)}"))
        else:
            _check_encodable(problems, "$.text", self.text)
        _check_text(problems, "$.title", self.title, optional=True)
        p = self.published
        if p is not None and (type(p) is not dt.date):
            problems.append(
                Problem("$.published", f"expected a datetime.date or None, got {_show(p)}")
            )
        _check_text(problems, "$.url", self.url, optional=True)
        _check_text(problems, "$.outlet", self.outlet, optional=True)
        _check_text(problems, "$.dateline", self.dateline, optional=True)
        _raise(problems)


@attrs.frozen(kw_only=True)
class EventSet:
    """What the extractor returns and what JSON files hold: events and their parties.

    Args:
        article: The source the events were read from, if any.
        parties: Every party the events involve, each once.
        meetings: The meetings.
        agreements: The agreements.
        exercises: The exercises.
        schema_version: The document format's version; always the current one
            (older documents are migrated when loaded).

    Raises:
        ValidationError: if ids repeat, a meeting's outcome names no agreement in the
            set, or an evidence span does not quote the article exactly.
    """

    article: Article | None = None
    parties: tuple[Party, ...] = attrs.field(default=(), converter=_parties)
    meetings: tuple[Meeting, ...] = attrs.field(default=(), converter=_meetings)
    agreements: tuple[Agreement, ...] = attrs.field(default=(), converter=_agreements)
    exercises: tuple[Exercise, ...] = attrs.field(default=(), converter=_exercises)
    schema_version: int = SCHEMA_VERSION

    def __attrs_post_init__(self) -> None:
        """Check ids are unique and resolve, and evidence quotes the article."""
        if event_set_ok(self):
            return
        problems: _Problems = []
        if self.schema_version != SCHEMA_VERSION or type(self.schema_version) is not int:
            problems.append(
                Problem(
                    "$.schema_version",
                    f"expected {SCHEMA_VERSION}, got {_show(self.schema_version)}",
                )
            )
        _check_optional(problems, "$.article", self.article, Article, "an Article")
        ok = True
        for path, items, cls in (
            ("$.parties", self.parties, Party),
            ("$.meetings", self.meetings, Meeting),
            ("$.agreements", self.agreements, Agreement),
            ("$.exercises", self.exercises, Exercise),
        ):
            before = len(problems)
            _check_items(
                problems,
                path,
                items,
                _is(cls, f"a {cls.__name__}"),
            )
            if len(problems) > before:
                ok = False
                continue
            _check_unique_ids(problems, path, items)
        if ok:
            agreement_ids = {a.id for a in self.agreements}
            for i, meeting in enumerate(self.meetings):
                for j, ref in enumerate(meeting.outcomes):
                    if ref not in agreement_ids:
                        problems.append(
                            Problem(
                                f"$.meetings[{i}].outcomes[{j}]",
                                f"{ref!r} is not the id of an agreement in this set",
                            )
                        )
            if isinstance(self.article, Article):
                self._check_evidence(problems, self.article.text)
        _raise(problems)

    def _check_evidence(self, problems: _Problems, source: str) -> None:
        groups: tuple[tuple[str, tuple[Any, ...]], ...] = (
            ("meetings", self.meetings),
            ("agreements", self.agreements),
            ("exercises", self.exercises),
        )
        for name, events in groups:
            for i, event in enumerate(events):
                for j, span in enumerate(event.evidence):
                    quoted = source[span.start : span.end]
                    if quoted != span.text:
                        end, size = _show(span.end), len(source)
                        where = (
                            f"ends at {end}, past the article's {size} characters"
                            if span.end > size
                            else f"quotes {_show(span.text)} but the article has {_show(quoted)}"
                        )
                        problems.append(Problem(f"$.{name}[{i}].evidence[{j}]", where))


def _check_unique_ids(problems: _Problems, path: str, items: tuple[Any, ...]) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        item_id = item.id
        if item_id in seen:
            problems.append(
                Problem(f"{path}[{i}]", f"id {item_id!r} repeats {path}[{seen[item_id]}]")
            )
        else:
            seen[item_id] = i


# The fast happy-path checks: see diplomatic_events._fastcheck, compiled in the wheel.
# Each ``__attrs_post_init__`` runs its model's first, and the full check, which builds
# every path and message, only when it returns False. Party, Location, Span and
# StatusChange, built many to an article, hold theirs inline (with the same rules as the
# functions there): a call less per instance, which from the Python source costs more
# than compiling the check saves. _fastcheck imports the classes above, so this import
# comes last.

_PERSON_KIND: Final = PartyKind.PERSON
_ORGANIZATION_KIND: Final = PartyKind.ORGANIZATION

from diplomatic_events._fastcheck import (  # noqa: E402
    agreement_ok,
    article_ok,
    encodable,
    event_set_ok,
    exercise_ok,
    meeting_ok,
    text_ok,
    texts_ok,
)
