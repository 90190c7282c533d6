"""Assembly: merge the observations of one event across sentences into model instances.

* Meetings of the same states merge unless they are clearly distinct encounters:
  another status (held vs scheduled), another place, or other named persons
  ("talks with the premier" and "talks with the president" are two meetings of the same states).
  A photo caption's date never overrides the body's.
* Agreements merge by party set and name: the same acronym, names sharing most
  words, or a generic mention ("an accord", "the pact") next to a named one.
  "The agreement"/"the deal" add status and evidence to the last agreement named.
  Status observations become a history that never runs backwards.
* Exercises merge by name (sharing a word), an unnamed mention joins the current
  edition, and a past edition ("when X began in 2003, it involved ...") is its own
  record.
Every span is kept (up to :data:`MAX_SPANS` per event).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing
from typing import Final, TypeVar

import attrs

from diplomatic_events._dates import _MONTH_DAYS as _DATE_MONTH_DAYS
from diplomatic_events._dates import _TWO_DIGITS as _DATE_TWO_DIGITS

# Imported at run time, though only annotations name them: the interpreted extract
# measured ~240k instructions slower per seed article with this import under
# TYPE_CHECKING (the modules then load in another order).
from diplomatic_events._extract._rules import (
    AgreementObs,  # noqa: TC001
    ExerciseObs,  # noqa: TC001
    MeetingObs,  # noqa: TC001
    Reader,  # noqa: TC001
)
from diplomatic_events._fastcheck import (
    new_agreement,
    new_exercise,
    new_location,
    new_meeting,
    new_party,
    new_span,
    new_status_change,
)
from diplomatic_events._models import (
    _BLAKE2B_8,
    Agreement,
    Exercise,
    Location,
    Meeting,
    Party,
    Span,
    StatusChange,
    _slug,
)
from diplomatic_events.exceptions import ValidationError
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

if typing.TYPE_CHECKING:
    from collections.abc import Iterable

    from diplomatic_events._dates import PartialDate
    from diplomatic_events._extract._mentions import Mention, Person

__all__ = ["Assembler"]

_E = TypeVar("_E", Meeting, Agreement, Exercise)
_I = TypeVar("_I", Party, Meeting, Agreement, Exercise)

#: Most evidence spans kept per event (a text repeating one sentence 20,000 times
#: yields one event, not 20,000 spans).
MAX_SPANS: Final = 50
#: Most events of each kind kept from one text.
MAX_EVENTS: Final = 200

# Tables by an enum member's value: an enum member hashes in Python (Enum.__hash__), a
# call of an interpreted function per lookup even when this module is compiled, while
# its value is a plain string.
_SPECIFICITY: Final[dict[str, int]] = {
    LocationKind.VENUE.value: 0,
    LocationKind.CITY.value: 1,
    LocationKind.REGION.value: 2,
    LocationKind.SEA.value: 3,
    LocationKind.OTHER.value: 4,
    LocationKind.COUNTRY.value: 5,
}
_LIFECYCLE: Final[dict[str, int]] = {
    status.value: rank for status, rank in AGREEMENT_LIFECYCLE.items()
}
# The enum members the assembly uses, as names of their own: a member read from its
# class (MeetingStatus.HELD) goes through the enum metaclass's __getattr__ hook, over a
# thousand instructions a read even in compiled code, where a Final name is a C static.
_COUNTRY: Final = PartyKind.COUNTRY
_GOVERNMENT: Final = PartyKind.GOVERNMENT
_PERSON: Final = PartyKind.PERSON
_MILITARY: Final = PartyKind.MILITARY
_WORKING_MEAL: Final = MeetingFormat.WORKING_MEAL
_MEETING_HELD: Final = MeetingStatus.HELD
_OTHER_KIND: Final = AgreementKind.OTHER
_SIGNED: Final = AgreementStatus.SIGNED
_HELD: Final = ExerciseStatus.HELD
_ONGOING: Final = ExerciseStatus.ONGOING
_PLANNED: Final = ExerciseStatus.PLANNED
_IN_COUNTRY: Final = LocationKind.COUNTRY
_VENUE: Final = LocationKind.VENUE
_NAME_STOP: Final = frozenset(
    {"the", "of", "and", "on", "a", "an", "for", "agreement", "accord", "pact", "deal", "treaty"}
)


@functools.cache
def country_name(code: str) -> str:
    """The common English name of a state, from pycountry."""
    import pycountry  # noqa: PLC0415 - only needed once events are built

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


# A state's country and government parties depend on its code alone: each is built (and
# checked) once per process, like its name, and shared by every article's registry
# (parties are immutable). At most one of each per ISO 3166-1 code.
@functools.cache
def _country_party(code: str) -> Party:
    return Party(kind=_COUNTRY, name=country_name(code), country=code)


@functools.cache
def _government_party(code: str) -> Party:
    return Party(kind=_GOVERNMENT, name=country_name(code), country=code)


# object.__setattr__ as a name of its own: a C static in compiled code, where the
# expression looks up the builtin and its attribute on every call.
_set_slot: Final = object.__setattr__


def _with_id(item: _I, item_id: str) -> _I:
    """*item* with its id cached (as serialization does for every instance it builds).

    Every party and event the assembly builds has its id read: caching it here skips
    the empty cache's lookup (an AttributeError raised and caught in the property),
    which costs more than the id itself. *item_id* is the id the model's
    ``id`` property gives, worked out by the compiled copies of its functions below.
    """
    _set_slot(item, "_id", item_id)
    return item


def _id_of(item: Party | Meeting | Agreement | Exercise) -> str:
    """``item.id``, read from the slot that caches it when it is filled.

    Every party and event the assembly builds has its id cached (see _with_id), and a
    state's parties have theirs once read: the slot's read spares the call of the
    interpreted ``id`` property, which returns the very same string.
    """
    found: str | None = getattr(item, "_id", None)
    return found if found is not None else item.id


# Compiled copies of the ids' computations in _models (_slug, _party_id, _event_id and
# the events' id functions), which run interpreted there; tests/test_models_speed.py
# holds each copy to the model's function.
_PERSON_VALUE: Final = PartyKind.PERSON.value
_MILITARY_VALUE: Final = PartyKind.MILITARY.value


#: Every byte but an ASCII letter or digit made a space (see _ascii_runs).
_GAPS: Final = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def _ascii_runs(text: str) -> list[str]:
    """The runs of letters and digits of an ASCII *text*, as a regex's [^A-Za-z0-9]+ splits it.

    Each other character becomes a space and every character str.split() splits at is
    one of them, so the words split off are the runs: without the regex engine.
    """
    return text.encode("ascii").translate(_GAPS).decode("ascii").split()


def _slug_of(name: str) -> str:
    """The model's ``_slug(name)``, its ASCII cases (see there) compiled."""
    folded = name.casefold()
    if folded.isascii():
        if folded.replace(" ", "").isalnum():
            return "-".join(folded.split())
        # In ASCII, the model's [\W_] is every character but [A-Za-z0-9]: its runs
        # become hyphens, those at either end stripped, so the slug joins the runs of
        # letters and digits (a name of none has the model's digest instead).
        words = _ascii_runs(folded)
        if words:
            return "-".join(words)
    return _slug(name)


def _party_key(kind: str, name: str, country: str | None) -> str:
    """The id of a party of the kind of value *kind* other than a state or government."""
    if country is None:
        return f"{kind}:{_slug_of(name)}"
    return f"{kind}:{country}:{_slug_of(name)}"


def _event_key(prefix: str, parties: tuple[Party, ...], rest: list[str | None]) -> str:
    """The model's ``_event_id(prefix, parties, *rest)``."""
    parts = sorted([_id_of(p) for p in parties])
    parts.append("|")
    for r in rest:
        parts.append(r or "")
    hasher = _BLAKE2B_8.copy()
    hasher.update("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return f"{prefix}:{hasher.hexdigest()}"


def _meeting_key(m: Meeting) -> str:
    """The model's ``_meeting_id(m)``."""
    date, location = m.date, m.location
    return _event_key(
        "meeting",
        m.participants,
        [None if date is None else _date_text(date), None if location is None else location.name],
    )


def _agreement_key(parties: tuple[Party, ...], name: str, acronym: str | None) -> str:
    """The model's ``_agreement_id`` of an agreement of these parties, name and acronym."""
    return _event_key("agreement", parties, [acronym.casefold() if acronym else _slug_of(name)])


def _exercise_key(
    participants: tuple[Party, ...], name: str | None, start: PartialDate | None
) -> str:
    """The model's ``_exercise_id`` of an exercise of these participants, name and start."""
    rest = [None if name is None else _slug_of(name), None if start is None else _date_text(start)]
    return _event_key("exercise", participants, rest)


# Compiled copies of PartialDate's methods (interpreted in _dates, a Python frame a
# call, and a comparison of two dates calls four of them); tests/extract/
# test_assemble_speed_2.py holds each copy to the model's method. They read the
# model's own tables, held as C statics here.
_MONTH_DAYS: Final[tuple[int, ...]] = _DATE_MONTH_DAYS
_TWO_DIGITS: Final[tuple[str, ...]] = _DATE_TWO_DIGITS


def _date_text(d: PartialDate) -> str:
    """``str(d)``: the reduced-precision ISO 8601 form."""
    y, m, day = d.year, d.month, d.day
    year = str(y) if y >= 1000 else "%04d" % y  # noqa: UP031
    if m is None:
        return year
    if day is None:
        return f"{year}-{_TWO_DIGITS[m]}"
    return f"{year}-{_TWO_DIGITS[m]}-{_TWO_DIGITS[day]}"


def _earliest(d: PartialDate) -> dt.date:
    """``d.earliest()``: the first day the date may mean."""
    return dt.date(d.year, d.month or 1, d.day or 1)


def _latest(d: PartialDate) -> dt.date:
    """``d.latest()``: the last day the date may mean."""
    y, m, day = d.year, d.month, d.day
    if m is None:
        return dt.date(y, 12, 31)
    if day is None:
        leap = m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        return dt.date(y, m, 29 if leap else _MONTH_DAYS[m])
    return dt.date(y, m, day)


#: Days of a common year before the first of each month (by month number).
_DAYS_BEFORE: Final[tuple[int, ...]] = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _day_number(y: int, m: int, d: int) -> int:
    """``dt.date(y, m, d).toordinal()`` of a valid date, by integer arithmetic.

    Dates compared with each other are compared by these numbers: compiled, a few
    integer operations, where a ``dt.date`` is a generic call of its class (and a
    difference of two, a timedelta). A PartialDate holds a valid date (its check).
    """
    p = y - 1
    leap = m > 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return p * 365 + p // 4 - p // 100 + p // 400 + _DAYS_BEFORE[m] + (1 if leap else 0) + d


def _first_day(d: PartialDate) -> int:
    """``d.earliest().toordinal()``: the number of the first day the date may mean."""
    return _day_number(d.year, d.month or 1, d.day or 1)


def _last_day(d: PartialDate) -> int:
    """``d.latest().toordinal()``: the number of the last day the date may mean."""
    y, m, day = d.year, d.month, d.day
    if m is None:
        return _day_number(y, 12, 31)
    if day is None:
        leap = m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        return _day_number(y, m, 29 if leap else _MONTH_DAYS[m])
    return _day_number(y, m, day)


def _not_before(a: PartialDate, b: PartialDate) -> bool:
    """``a >= b``: dates order by their earliest day, then by their latest."""
    ea, eb = _first_day(a), _first_day(b)
    return ea > eb or (ea == eb and _last_day(a) >= _last_day(b))


_NON_ALNUM: Final = re.compile(r"[^a-z0-9]+")


def _alnum_words(name: str) -> list[str]:
    """``_NON_ALNUM.sub(" ", name.lower()).split()``: the runs of [a-z0-9] once lower-cased.

    Names are nearly always ASCII words between spaces, split without the regex: lower-cased
    ASCII letters and digits are exactly [a-z0-9] and every separator str.split() knows
    is outside it, so when each word split off is alphanumeric, the runs are the words.
    """
    low = name.lower()
    if low.isascii():
        words = low.split()
        if all(w.isalnum() for w in words):
            return words
        # Lower-cased, an ASCII text's [^a-z0-9] is every character but a letter or digit.
        return _ascii_runs(low)
    return _NON_ALNUM.sub(" ", low).split()


def _name_tokens(words: list[str]) -> frozenset[str]:
    return frozenset(w for w in words if w not in _NAME_STOP)


def _codes(ms: list[Mention]) -> frozenset[str]:
    return frozenset([m.code for m in ms if m.code and m.is_state])


# The records are plain classes, not attrs classes: mypyc compiles a plain class to a
# native one, whose attributes the merging loops read and write without a lookup.


class _MeetingRecord:
    def __init__(
        self, codes: frozenset[str], status: MeetingStatus, *, series: bool, follows: bool
    ) -> None:
        self.codes = codes
        self.persons: set[int] = set()
        self.parties: list[Mention] = []
        self.status = status
        self.date: PartialDate | None = None
        self.date_text: str | None = None
        self.date_rank = 99
        self.location: Location | None = None
        self.location_rank = 9
        self.format: MeetingFormat | None = None
        self.topics: list[str] = []
        # The topics as a set, beside the list that keeps their order.
        self.topic_set: set[str] = set()
        self.spans: list[tuple[int, int]] = []
        self.sentences: set[int] = set()
        self.series = series
        self.follows = follows


class _AgreementRecord:
    def __init__(
        self,
        codes: frozenset[str],
        name: str | None,
        acronym: str | None,
        kind: AgreementKind,
        level: str,
    ) -> None:
        self.codes = codes
        self.parties: list[Mention] = []
        self.name = name
        self.acronym = acronym
        self.kind = kind
        self.level = level
        self.history: list[tuple[AgreementStatus, PartialDate | None, str | None, bool, int]] = []
        self.spans: list[tuple[int, int]] = []
        self.sentences: set[int] = set()


class _ExerciseRecord:
    def __init__(self, name: str | None, *, past: bool) -> None:
        self.name = name
        self.past = past
        self.codes: list[str] = []
        self.excluded: set[str] = set()
        self.statuses: list[ExerciseStatus] = []
        self.start: PartialDate | None = None
        self.end: PartialDate | None = None
        self.date_text: str | None = None
        self.start_rank = 9
        self.locations: list[Location] = []
        self.domain: Domain | None = None
        self.spans: list[tuple[int, int]] = []


#: Which mention of a state stands for it among a meeting's participants (lowest first).
_PARTICIPANT_ORDER: Final = {"person": 0, "military": 1, "government": 2, "seat": 2}
_LEVELS: Final = {"named": 0, "specific": 1, "generic": 2, "anaphor": 3}


class Assembler:
    """Turns observations into model instances for one article."""

    def __init__(self, text: str, published: dt.date | None, persons: list[Person]) -> None:
        """Prepare the party registry for one article."""
        self.text = text
        self.published = published
        self.persons = persons
        self.parties: dict[str, Party] = {}
        # The id of the party made for each (person, state) (see _person).
        self._ids: dict[tuple[int, str], str] = {}
        self._spans: dict[tuple[int, int], Span] = {}
        # Agreement names are compared with every record of the same states: what each
        # name is made of is worked out once per article (see _word_info).
        self._words: dict[str | None, tuple[bool, frozenset[str], str]] = {}
        # Exercise names are compared with every record: each name's lower-cased words
        # are found once per article (see _name_words).
        self._exercise_words: dict[str, frozenset[str]] = {}
        # The armed forces in the registry, by (country, "initials" or "name", value):
        # the ids of the forces whose name has those initials, or whose name or an alias
        # is that value, in the order of the registry (see _military).
        self._forces: dict[tuple[str, str, str], list[str]] = {}
        self._force_order: dict[str, int] = {}
        # The country party of each state asked for, as the registry holds it (see country).
        self._countries: dict[str, Party] = {}

    # ---- parties ---------------------------------------------------------------------

    def _keep(self, party: Party) -> Party:
        return self.parties.setdefault(_id_of(party), party)

    def _person(self, index: int, code: str) -> Party:
        # _keep(Party(...)) without building (and checking) again a party made before:
        # the same person and state make an equal party with the same id, for which
        # _keep returns the registry's entry (entries are never removed).
        key = (index, code)
        pid = self._ids.get(key)
        if pid is not None:
            return self.parties[pid]
        person = self.persons[index]
        name = person.name.strip()
        party = self._keep(
            _with_id(
                new_party(_PERSON, name, code, person.title, ()),
                _party_key(_PERSON_VALUE, name, code),
            )
        )
        self._ids[key] = _id_of(party)
        return party

    def country(self, code: str) -> Party:
        """The country party of a state."""
        # Asked for again and again (every event's parties): the registry's entry of a
        # country, kept on first use, is never replaced, so it is looked up by code.
        party = self._countries.get(code)
        if party is None:
            party = self._countries[code] = self._keep(_country_party(code))
        return party

    def party(self, m: Mention) -> Party | None:
        """The party a mention stands for, or None."""
        if m.code is None:
            return None
        try:
            if m.kind == "person" and m.person is not None:
                return self._person(m.person, m.code)
            if m.kind == "military":
                return self._military(m)
            if m.kind in {"seat", "government"}:
                return self._keep(_government_party(m.code))
            return self.country(m.code)
        except ValidationError:
            return None

    def _military(self, m: Mention) -> Party:
        # "SDF" after "Self-Defense Forces": an acronym of a force already named is an alias.
        # The first force of the state in the registry whose initials, name or an alias
        # is the mention's name (found through the index instead of a scan of the registry).
        name = m.name.strip()
        code = m.code or ""
        order = self._force_order
        found = [
            ids[0]
            for ids in (
                self._forces.get((code, "initials", name.lower())),
                self._forces.get((code, "name", name)),
            )
            if ids
        ]
        if found:
            # min(found, key=order.__getitem__), of at most two ids, without the calls.
            first = found[0]
            if len(found) > 1 and order[found[1]] < order[first]:
                first = found[1]
            party = self.parties[first]
            if self._initials_of(party.name) == name.lower() and name not in party.aliases:
                pid = _id_of(party)
                # attrs.evolve(party, aliases=...), without its introspection.
                updated = new_party(
                    party.kind, party.name, party.country, party.title, (*party.aliases, name)
                )
                # Its id cached as _with_id does, but not worked out again: a party's id
                # is made of its kind, state and name (see _party_key), not its aliases.
                _set_slot(updated, "_id", pid)
                self.parties[pid] = updated
                self._forces.setdefault((code, "name", name), []).append(pid)
                return updated
            return party
        mid = _party_key(_MILITARY_VALUE, name, m.code)
        made = _with_id(new_party(_MILITARY, name, m.code, None, ()), mid)
        if mid in self.parties:
            return self.parties[mid]
        self.parties[mid] = made
        order[mid] = len(order)
        self._forces.setdefault((code, "initials", self._initials_of(made.name)), []).append(mid)
        self._forces.setdefault((code, "name", made.name), []).append(mid)
        for alias in made.aliases:
            self._forces.setdefault((code, "name", alias), []).append(mid)
        return made

    def participants(self, ms: list[Mention]) -> tuple[Party, ...]:
        """One party per state: a person before a force, a force before a government."""
        order = _PARTICIPANT_ORDER
        best: dict[str, Mention] = {}
        for m in ms:
            if not m.code or not m.is_state:
                continue
            current = best.get(m.code)
            if current is None or order.get(m.kind, 3) < order.get(current.kind, 3):
                best[m.code] = m
        out: list[Party] = []
        for m in best.values():
            party = self.party(m)
            # (Two parties made here are equal only when they are the very same object,
            # the registry's entry for their id, which is only ever replaced by one with
            # an alias more: identity spares the model's interpreted __eq__.)
            if party is not None and all(p is not party for p in out):
                out.append(party)
        return tuple(out)

    def spans(self, spans: list[tuple[int, int]]) -> tuple[Span, ...]:
        """Evidence spans quoting the text, in order, without repeats."""
        out = []
        made = self._spans
        # (A lone span is its own sorted set, under the cap: most events quote one.)
        keys = spans if len(spans) == 1 else sorted(set(spans))[:MAX_SPANS]
        for key in keys:
            # Events quote the same sentences: one (immutable) span serves them all.
            span = made.get(key)
            if span is None:
                s, e = key
                span = made[key] = new_span(s, e, self.text[s:e])
            out.append(span)
        return tuple(out)

    def parties_of(
        self,
        meetings: tuple[Meeting, ...],
        agreements: tuple[Agreement, ...],
        exercises: tuple[Exercise, ...],
        reader: Reader,
    ) -> tuple[Party, ...]:
        """Every party of the events built, by id.

        Their own parties, the country of each state they involve, and the armed forces
        named in a sentence that states an event (the article's glue, here so that it is
        compiled with the assembly).
        """
        # (One set, added to; each participant's state with it: the order of the calls
        # of country() does not matter, as each keeps its own state's party.)
        used = {_id_of(p) for e in agreements for p in e.parties}
        for event_parties in [e.participants for e in meetings] + [
            e.participants for e in exercises
        ]:
            for party in event_parties:
                used.add(_id_of(party))
                country = party.country
                if country is not None:
                    used.add(_id_of(self.country(country)))
        self._mentioned_forces(reader, used)
        # By id (the registry's keys, each its party's id: sorting the keys alone orders
        # the entries as sorting them would, with no two keys equal).
        parties = self.parties
        return tuple([parties[pid] for pid in sorted(parties) if pid in used])

    def _mentioned_forces(self, reader: Reader, used: set[str]) -> None:
        # Armed forces named in a sentence that states an event are parties of the set too
        # ("joint drills between the Self-Defense Forces and the French Army").
        forces = [m.start for m in reader.mentions if m.kind == "military"]
        if not forces:
            return
        # (One set, added to: no second and third set made only to be merged.)
        sentences = {o.span for o in reader.meetings}
        for agreement_obs in reader.agreements:
            sentences.add(agreement_obs.span)
        for exercise_obs in reader.exercises:
            sentences.add(exercise_obs.span)
        # The spans in order of start, and beside them the first force starting at or
        # after the span's start (an index that only moves on as the starts grow).
        i = 0
        n = len(forces)
        for start, end in sorted(sentences):
            while i < n and forces[i] < start:
                i += 1
            if i == n:
                break  # no force starts at or after this span's start, nor a later one's
            if forces[i] >= end:
                continue  # no force starts in the sentence, so none is within it
            for m in reader.within(start, end):
                if m.kind == "military":
                    party = self.party(m)
                    if party is not None:
                        used.add(_id_of(party))
                        if party.country:
                            used.add(_id_of(self.country(party.country)))

    # ---- meetings --------------------------------------------------------------------

    def meetings(self, observations: list[MeetingObs]) -> list[_MeetingRecord]:
        """Merge meeting observations."""
        records: list[_MeetingRecord] = []
        # Sessions of a series told in passing come after the encounters reported.
        # (Typed comprehensions, not a generic helper: compiled, the fields of an
        # observation of a known class are read without an attribute lookup.)
        ordered = [o for o in observations if not o.series and o.section != "headline"]
        ordered += [o for o in observations if not o.series and o.section == "headline"]
        ordered += [o for o in observations if o.series]
        for obs in ordered:
            codes = _codes(obs.parties)
            persons = {m.person for m in obs.parties if m.kind == "person" and m.person is not None}
            target = next(
                (r for r in records if r.codes == codes and self._compatible(r, obs, persons)), None
            )
            if target is None and obs.section != "body":
                # A headline or caption restates the body: it joins a record of the same
                # or more states, and never starts one of its own when one fits.
                target = next(
                    (r for r in records if codes <= r.codes and self._compatible(r, obs, set())),
                    None,
                )
                if target is None and obs.section == "headline":
                    continue
            if target is None:
                if len(records) >= MAX_EVENTS:
                    continue
                target = _MeetingRecord(codes, obs.status, series=obs.series, follows=obs.follows)
                records.append(target)
            self._merge_meeting(target, obs, persons)
        return records

    def _compatible(self, r: _MeetingRecord, obs: MeetingObs, persons: set[int]) -> bool:
        if r.status is not obs.status:
            return False
        if r.series or obs.series:
            # A session of the series told in passing is its own encounter: it joins only
            # a record of the same date and place.
            return (
                r.date == obs.date
                and r.location is not None
                and obs.location is not None
                and _same_place(r.location, obs.location)
            )
        if r.persons and persons and not (r.persons <= persons or persons <= r.persons):
            return False
        if obs.follows and persons - r.persons:
            return False  # "After the talks, A and B called on C": another encounter
        a, b = r.location, obs.location
        if a is not None and b is not None and not _same_place(a, b):
            return False
        if (
            r.date is not None
            and obs.date is not None
            and obs.section == "body"
            # Neither is of year precision (a date's month is None exactly then).
            and obs.date.month is not None
            and r.date.month is not None
            and (
                # (Days apart, as the dates' numbers tell them.)
                _last_day(obs.date) - _first_day(r.date) < -7
                or _first_day(obs.date) - _last_day(r.date) > 7
            )
        ):
            return False  # another date, another encounter ("met in 2011", "held in 2018")
        return not (
            r.date is not None
            and obs.date is not None
            and obs.section == "body"
            and r.date_rank <= 1
            and r.date != obs.date
            and (a is None or b is None)
        )

    def _merge_meeting(self, r: _MeetingRecord, obs: MeetingObs, persons: set[int]) -> None:
        r.persons |= persons
        for m in obs.parties:
            if m.code and m.code in r.codes:
                r.parties.append(m)
        # A date stated with the exact place beats one stated with a country or none;
        # a caption's date yields to the body's at equal precision of place.
        place = _SPECIFICITY[obs.location.kind._value_] if obs.location is not None else 6
        rank = place + (0 if obs.section == "body" else 2)
        if obs.date is not None and rank < r.date_rank:
            r.date, r.date_text, r.date_rank = obs.date, obs.date_text, rank
        elif r.date is None and r.date_text is None and obs.date_text is not None:
            r.date_text = obs.date_text
        if obs.location is not None:
            loc_rank = _SPECIFICITY[obs.location.kind._value_]
            if loc_rank < r.location_rank:
                location = obs.location
                if location.country is None and r.location is not None:
                    location = _located(location, r.location.country)
                r.location, r.location_rank = location, loc_rank
            elif r.location is not None and r.location.country is None and obs.location.country:
                r.location = _located(r.location, obs.location.country)
        if obs.format is not None and (r.format is None or r.format is _WORKING_MEAL):
            r.format = obs.format
        for topic in obs.topics:
            if topic not in r.topic_set:
                r.topic_set.add(topic)
                r.topics.append(topic)
        r.spans.append(obs.span)
        r.sentences.add(obs.sentence)

    # ---- agreements ------------------------------------------------------------------

    def agreements(self, observations: list[AgreementObs]) -> list[_AgreementRecord]:
        """Merge agreement observations."""
        records: list[_AgreementRecord] = []
        # Headlines last (as in meetings).
        ordered = [o for o in observations if o.section != "headline"]
        ordered += [o for o in observations if o.section == "headline"]
        for obs in ordered:
            codes = _codes(obs.parties)
            if obs.level == "anaphor" or len(codes) < 2:
                target = self._antecedent(records, obs)
                if target is not None:
                    self._merge_agreement(target, obs, definite=True)
                continue
            if obs.section == "headline":
                # The headline names the article's main instrument: the first one that fits.
                target = self._same_agreement(records, obs, codes)
            else:
                target = self._same_agreement(reversed(records), obs, codes)
            if target is None and obs.section == "headline":
                # A headline restates the body; it adds to a record but never starts one.
                target = self._same_agreement(records, obs, None, similar=True)
                if target is not None:
                    self._merge_agreement(target, obs, definite=True)
                continue
            if target is None:
                if len(records) >= MAX_EVENTS:
                    continue
                target = _AgreementRecord(codes, obs.name, obs.acronym, obs.kind, obs.level)
                records.append(target)
            self._merge_agreement(target, obs, definite=False)
        return records

    def _antecedent(
        self, records: list[_AgreementRecord], obs: AgreementObs
    ) -> _AgreementRecord | None:
        if obs.acronym:
            for r in reversed(records):
                if r.acronym == obs.acronym:
                    return r
            return None
        for r in reversed(records):
            if obs.level != "anaphor" and not self._similar(r.name, obs.name):
                continue
            return r
        return None

    def _word_info(self, name: str | None) -> tuple[bool, frozenset[str], str]:
        # Whether the name is weak, its tokens and its initials, from one split of its
        # words, once per name.
        info = self._words.get(name)
        if info is None:
            words = _alnum_words(name or "")
            info = (_weak(words), _name_tokens(words), _initials(words))
            self._words[name] = info
        return info

    def _initials_of(self, name: str) -> str:
        return self._word_info(name)[2]

    def _similar(self, a: str | None, b: str | None) -> bool:
        # Names sharing most of their words (other than heads and stop words).
        ta, tb = self._word_info(a)[1], self._word_info(b)[1]
        return bool(ta and tb) and len(ta & tb) / len(ta | tb) >= 0.5

    def _same_agreement(
        self,
        records: Iterable[_AgreementRecord],
        obs: AgreementObs,
        codes: frozenset[str] | None,
        *,
        similar: bool = False,
    ) -> _AgreementRecord | None:
        # The first record (of these states, unless codes is None) that obs may restate:
        # the same acronym, a generic mention, a description a named instrument bears,
        # the initials of the other's name, or names sharing most words. With similar,
        # records of another acronym whose name shares most words fit too.
        # Every observation is compared with up to MAX_EVENTS records: what does not
        # depend on the record is worked out once, what depends on its name once per name.
        words = self._words
        o_acronym = obs.acronym
        o_initials = o_acronym.lower() if o_acronym else None
        o_loose = obs.level in {"generic", "anaphor"}
        o_named = obs.level == "named"
        o_weak, o_tokens, _ = self._word_info(obs.name)
        for r in records:
            if codes is not None and r.codes != codes:
                continue
            r_acronym = r.acronym
            if r_acronym and o_acronym:
                if r_acronym == o_acronym or (similar and self._similar(r.name, obs.name)):
                    return r
                continue
            if o_loose or r.level in {"generic", "anaphor"}:
                return r
            if r.level == "named" and o_weak:
                return r
            r_weak, r_tokens, _ = words.get(r.name) or self._word_info(r.name)
            if o_named and r_weak:
                return r
            if o_initials and r.name and self._initials_of(r.name) == o_initials:
                return r
            if r_acronym and obs.name and self._initials_of(obs.name) == r_acronym.lower():
                return r
            if (
                r_tokens
                and o_tokens
                and not r_tokens.isdisjoint(o_tokens)
                and len(r_tokens & o_tokens) / len(r_tokens | o_tokens) >= 0.5
            ):
                return r
        return None

    def _merge_agreement(self, r: _AgreementRecord, obs: AgreementObs, *, definite: bool) -> None:
        if not definite:
            for m in obs.parties:
                if m.code in r.codes:
                    r.parties.append(m)
            if _LEVELS[obs.level] < _LEVELS[r.level] or (
                obs.level == r.level == "named" and obs.acronym and not r.acronym
            ):
                r.name, r.level = obs.name, obs.level
                if obs.kind is not _OTHER_KIND:
                    r.kind = obs.kind
            if r.acronym is None and obs.acronym:
                r.acronym = obs.acronym
            if r.kind is _OTHER_KIND:
                r.kind = obs.kind
        if obs.status is not None:
            r.history.append((obs.status, obs.date, obs.date_text, obs.default, obs.sentence))
        r.spans.append(obs.span)
        r.sentences.add(obs.sentence)

    # ---- exercises -------------------------------------------------------------------

    def exercises(self, observations: list[ExerciseObs]) -> list[_ExerciseRecord]:
        """Merge exercise observations."""
        records: list[_ExerciseRecord] = []
        current: _ExerciseRecord | None = None
        for item in observations:
            # The states in order of first mention, without repeats (as
            # list(dict.fromkeys(...)) of them, without the generic calls).
            codes: list[str] = []
            for m in item.parties:
                code = m.code
                if code and code not in codes:
                    codes.append(code)
            past_unnamed = item.past and item.name == "__current__"
            # "Last year's edition ...": an edition of the exercise under discussion.
            obs = (
                attrs.evolve(item, name=current.name if current is not None else None)
                if past_unnamed
                else item
            )
            if obs.name == "__current__":
                if current is not None:
                    self._merge_exercise(current, obs, codes)
                continue
            if obs.past:
                if len(codes) < 2:
                    # "the exercise, first staged in 1982": the series, not another edition.
                    if current is not None:
                        self._merge_exercise(
                            current, attrs.evolve(obs, start=None, end=None, status=None), codes
                        )
                    continue
                if len(records) >= MAX_EVENTS:
                    continue  # past editions count towards the cap like the others
                record = _ExerciseRecord(obs.name, past=True)
                records.append(record)
                self._merge_exercise(record, obs, codes)
                continue
            target = None
            if obs.name:
                mine = self._name_words(obs.name)
                target = next(
                    (
                        r
                        for r in records
                        if not r.past and r.name and not mine.isdisjoint(self._name_words(r.name))
                    ),
                    None,
                )
                if target is None:
                    target = next((r for r in records if not r.past and r.name is None), None)
                    if target is not None:
                        target.name = obs.name
            elif current is not None and not current.past:
                target = current
            if target is None:
                if len(records) >= MAX_EVENTS:
                    continue
                target = _ExerciseRecord(obs.name, past=False)
                records.append(target)
            self._merge_exercise(target, obs, codes)
            current = target
        return records

    def _name_words(self, name: str) -> frozenset[str]:
        """The lower-cased words of an exercise name (two names share one: the same series)."""
        found = self._exercise_words.get(name)
        if found is None:
            found = self._exercise_words[name] = frozenset(name.lower().split())
        return found

    def _merge_exercise(self, r: _ExerciseRecord, obs: ExerciseObs, codes: list[str]) -> None:
        for code in codes:
            if code not in r.codes:
                r.codes.append(code)
        r.excluded |= {m.code for m in obs.excluded if m.code}
        if obs.status is not None:
            r.statuses.append(obs.status)
        rank = 0 if obs.section == "body" else 1
        finer = (
            obs.start is not None
            and r.start is not None
            and rank == r.start_rank
            # (A date is of year precision exactly when its month is None.)
            and r.start.month is None
            and obs.start.month is not None
            # (r.start.contains(obs.start.earliest()), by the dates' numbers.)
            and _first_day(r.start) <= _first_day(obs.start) <= _last_day(r.start)
        )
        if obs.start is not None and (r.start is None or rank < r.start_rank or finer):
            r.start, r.date_text, r.start_rank = obs.start, obs.date_text, rank
            if obs.end is not None:
                r.end = obs.end
        elif r.date_text is None and obs.date_text is not None:
            r.date_text = obs.date_text
        if (
            obs.end is not None
            and r.end is None
            and (r.start is None or _not_before(obs.end, r.start))
        ):
            r.end = obs.end
        for loc in obs.locations:
            if all(loc.name != x.name for x in r.locations) and len(r.locations) < 20:
                r.locations.append(loc)
        if r.domain is None:
            r.domain = obs.domain
        r.spans.append(obs.span)

    # ---- models ----------------------------------------------------------------------

    def build(
        self,
        meeting_obs: list[MeetingObs],
        agreement_obs: list[AgreementObs],
        exercise_obs: list[ExerciseObs],
    ) -> tuple[tuple[Meeting, ...], tuple[Agreement, ...], tuple[Exercise, ...]]:
        """Merge every observation and build validated models."""
        meetings = self.meetings(meeting_obs)
        agreements = self.agreements(agreement_obs)
        exercises = self.exercises(exercise_obs)
        built_agreements: list[tuple[_AgreementRecord, Agreement]] = []
        for record in agreements:
            self._borrow_meeting_date(record, meetings)
            agreement = self._agreement(record)
            if agreement is not None:
                built_agreements.append((record, agreement))
        built_meetings: list[Meeting] = []
        for meeting_record in meetings:
            meeting = self._meeting(meeting_record, built_agreements)
            if meeting is not None and meeting_record.follows and meeting.date is None:
                # "After the talks, A and B called on C": on the day of the talks of the
                # same states just built.
                told = next(
                    (
                        m
                        for m in reversed(built_meetings)
                        if m.status is meeting.status
                        and {p.country for p in m.participants}
                        == {p.country for p in meeting.participants}
                    ),
                    None,
                )
                if told is not None and told.date is not None:
                    meeting = attrs.evolve(meeting, date=told.date)
            if meeting is not None:
                built_meetings.append(_with_id(meeting, _meeting_key(meeting)))
        built_exercises: list[Exercise] = []
        for exercise_record in exercises:
            exercise = self._exercise(exercise_record)
            if exercise is not None:
                built_exercises.append(exercise)
        return (
            _unique(built_meetings),
            _unique([a for _, a in built_agreements]),
            _unique(built_exercises),
        )

    def _borrow_meeting_date(
        self, record: _AgreementRecord, meetings: list[_MeetingRecord]
    ) -> None:
        # "signed ... at an online meeting", "concluding ... The breakthrough was announced
        # at a summit ... on December 6": an undated signing takes the meeting's date.
        for i, (status, date, text, default, sentence) in enumerate(record.history):
            if date is not None or default or status is not _SIGNED:
                continue
            for m in meetings:
                if (
                    m.date is not None
                    and record.codes <= m.codes
                    and (sentence in m.sentences or sentence + 1 in m.sentences)
                    and m.status is _MEETING_HELD
                ):
                    record.history[i] = (status, m.date, m.date_text or text, default, sentence)
                    break

    def _agreement(self, r: _AgreementRecord) -> Agreement | None:
        history = _history(r.history)
        if not history or not r.name:
            return None
        # The states in order of their first mention (a stable sort by it, as sorted()
        # with that key: the position in the set breaks ties), without a key function.
        order = sorted([(_first_index(r.parties, c), i, c) for i, c in enumerate(r.codes)])
        parties = tuple(self.country(c) for _, _, c in order)
        name, acronym = r.name.strip(), r.acronym
        try:
            agreement = new_agreement(
                name=name,
                parties=parties,
                history=history,
                acronym=acronym,
                kind=r.kind,
                purpose=None,
                evidence=self.spans(r.spans),
            )
        except ValidationError:
            return None
        return _with_id(agreement, _agreement_key(parties, name, acronym))

    def _meeting(
        self, r: _MeetingRecord, agreements: list[tuple[_AgreementRecord, Agreement]]
    ) -> Meeting | None:
        participants = self.participants(r.parties)
        if len({p.country for p in participants}) < 2:
            return None
        outcomes: list[str] = []
        date = r.date
        for record, agreement in agreements:
            if not record.sentences.isdisjoint(r.sentences) and record.codes <= r.codes:
                aid = _id_of(agreement)
                if aid not in outcomes:
                    outcomes.append(aid)
                if date is None and agreement.status is _SIGNED and r.status is _MEETING_HELD:
                    date = agreement.date
        try:
            return new_meeting(
                participants=participants,
                status=r.status,
                date=date,
                date_text=r.date_text,
                location=r.location,
                format=r.format,
                topics=tuple(t for t in r.topics if t.strip() == t and t),
                outcomes=tuple(outcomes),
                evidence=self.spans(r.spans),
            )
        except ValidationError:
            return None

    def _exercise(self, r: _ExerciseRecord) -> Exercise | None:
        codes = [c for c in r.codes if c not in r.excluded or c in r.codes[:2]]
        if len(codes) < 2:
            return None
        status = _exercise_status(r, self.published)
        end = (
            r.end
            if r.end is not None and (r.start is None or _not_before(r.end, r.start))
            else None
        )
        name, start = r.name, r.start
        try:
            participants = tuple(self.country(c) for c in codes)
            exercise = new_exercise(
                participants=participants,
                status=status,
                name=name,
                locations=tuple(r.locations),
                start=start,
                end=end,
                date_text=r.date_text,
                domain=r.domain,
                evidence=self.spans(r.spans),
            )
        except ValidationError:
            return None
        return _with_id(exercise, _exercise_key(participants, name, start))


def _exercise_status(r: _ExerciseRecord, published: dt.date | None) -> ExerciseStatus:
    if r.past:
        return _HELD
    if published is not None and r.start is not None:
        if _earliest(r.start) > published:
            return _PLANNED
        if r.end is not None and _latest(r.end) < published:
            return _HELD
        if r.end is not None or _ONGOING in r.statuses:
            return _ONGOING
    if r.past:
        return _HELD
    for status in (_ONGOING, _PLANNED, _HELD):
        if status in r.statuses:
            return status
    return _HELD


def _history(
    raw: list[tuple[AgreementStatus, PartialDate | None, str | None, bool, int]],
) -> tuple[StatusChange, ...]:
    if len(raw) == 1:
        # One observation, chosen whether stated or by default, is the whole history.
        status, date, text, _, _ = raw[0]
        if date is None and text is None:
            return (_UNDATED[status._value_],)
        return (new_status_change(status, date, text),)
    explicit = [h for h in raw if not h[3]]
    chosen = explicit or raw[:1]
    by_rank: dict[int, tuple[AgreementStatus, PartialDate | None, str | None]] = {}
    for status, date, text, _, _ in chosen:
        rank = _LIFECYCLE[status._value_]
        current = by_rank.get(rank)
        if current is None or (current[1] is None and (date is not None or current[2] is None)):
            by_rank[rank] = (status, date, text)
    out: list[StatusChange] = []
    last: PartialDate | None = None
    for rank in sorted(by_rank):
        status, date, text = by_rank[rank]
        if date is not None and last is not None and _last_day(date) < _first_day(last):
            date = None
        if date is not None:
            last = date
        if date is None and text is None:
            out.append(_UNDATED[status._value_])
        else:
            out.append(new_status_change(status, date, text))
    return tuple(out)


#: A status reached on no stated date, by the status's value: one (immutable) instance of
#: each, built once, serves every agreement.
_UNDATED: Final[dict[str, StatusChange]] = {
    status.value: StatusChange(status=status) for status in AgreementStatus
}


_WEAK_WORDS: Final = frozenset(
    [
        "defence",
        "defense",
        "security",
        "military",
        "cooperation",
        "co",
        "operation",
        "trade",
        "significant",
        "important",
        "bilateral",
        "new",
        "landmark",
        "historic",
        "major",
        "key",
        "most",
    ]
)
_LOOSE_HEADS: Final = frozenset(
    {"agreement", "accord", "pact", "deal", "agreements", "pacts", "deals"}
)


def _weak(words: list[str]) -> bool:
    # "the most significant defence agreement", "a security pact": a description that
    # a named instrument of the same parties can bear (given the name's _alnum_words).
    return bool(words) and words[-1] in _LOOSE_HEADS and set(words[:-1]) <= _WEAK_WORDS


def _located(loc: Location, country: str | None) -> Location:
    # attrs.evolve(loc, country=country), without its introspection.
    return new_location(loc.name, country, loc.kind)


def _same_place(a: Location, b: Location) -> bool:
    na, nb = a.name.lower(), b.name.lower()
    if na in nb or nb in na:
        return True
    if a.kind is not b.kind and a.country is not None and a.country == b.country:
        return (
            a.kind is _IN_COUNTRY or b.kind is _IN_COUNTRY or a.kind is _VENUE or b.kind is _VENUE
        )
    # "at the Capella hotel on Sentosa" beside "in Singapore": a venue of unknown country
    # lies in the city or country named for the same meeting.
    return (
        a.kind is not b.kind
        and (a.kind is _VENUE or b.kind is _VENUE)
        and (a.country is None or b.country is None)
    )


def _initials(words: list[str]) -> str:
    # The initials of a name (given its _alnum_words), linking words left out.
    return "".join(w[0] for w in words if w not in {"and", "of", "the", "on"})


def _first_index(ms: list[Mention], code: str) -> int:
    return next((m.start for m in ms if m.code == code), 10**9)


def _unique(items: list[_E]) -> tuple[_E, ...]:
    seen: set[str] = set()
    out: list[_E] = []
    for item in items:
        iid = _id_of(item)
        if iid not in seen:
            seen.add(iid)
            out.append(item)
    return tuple(out)
