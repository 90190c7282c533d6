"""The public API as a downstream user writes it, type-checked by mypy and never run.

``mypy`` (strict, files include ``tests``) checks this module; pytest does not collect it
because its name does not start with ``test_``.
A type error here means users of the library get one too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, assert_type

import cattrs
from hypothesis import strategies as st

import diplomatic_events
from diplomatic_events import (
    SCHEMA_VERSION,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    DecodeError,
    DiplomaticEventsError,
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
    Problem,
    SchemaVersionError,
    Span,
    StatusChange,
    ValidationError,
    from_dict,
    from_json,
    json_schema,
    serialization,
    testing,
    to_dict,
    to_json,
)
from diplomatic_events.vocab import AGREEMENT_LIFECYCLE

japan = Party(kind=PartyKind.COUNTRY, name="Japan", country="JPN")
france = Party(kind=PartyKind.COUNTRY, name="France", country="FRA")
kishida = Party(kind=PartyKind.PERSON, name="Fumio Kishida", country="JPN", title="Prime Minister")
assert_type(japan.id, str)

# Tuples and lists are both accepted for sequence fields.
meeting = Meeting(
    participants=(japan, france),
    status=MeetingStatus.HELD,
    date=PartialDate.parse("2024-05-02"),
    location=Location(name="Paris", country="FRA", kind=LocationKind.CITY),
    format=MeetingFormat.WORKING_MEAL,
    topics=["defence", "trade"],
    evidence=[Span(start=0, end=5, text="Japan")],
)
assert_type(meeting.id, str)
assert_type(meeting.participants, tuple[Party, ...])
assert_type(meeting.date, PartialDate | None)

agreement = Agreement(
    name="Reciprocal Access Agreement",
    acronym="RAA",
    kind=AgreementKind.RECIPROCAL_ACCESS,
    parties=[japan, france],
    history=(
        StatusChange(status=AgreementStatus.NEGOTIATING, date=PartialDate(year=2023)),
        StatusChange(status=AgreementStatus.SIGNED, date_text="on Thursday"),
    ),
)
assert_type(agreement.status, AgreementStatus)
assert_type(agreement.date, PartialDate | None)
rank: int = AGREEMENT_LIFECYCLE[agreement.status]

exercise = Exercise(
    participants=(japan, france),
    status=ExerciseStatus.PLANNED,
    name="Pegase",
    start=PartialDate(year=2024, month=7),
    end=None,
    domain=Domain.AIR,
    locations=(Location(name="Pacific Ocean"),),
)

article = Article(text="Japan and France...", published=dt.date(2024, 5, 3))
events = EventSet(
    article=article,
    parties=(japan, france),
    meetings=[meeting],
    agreements=(agreement,),
    exercises=(exercise,),
)
version: int = events.schema_version + SCHEMA_VERSION

# Serialization keeps the class it is given.
assert_type(from_json(EventSet, to_json(events)), EventSet)
assert_type(from_json(Meeting, to_json(meeting).encode()), Meeting)
assert_type(from_dict(Party, to_dict(japan)), Party)
text: str = to_json(events, indent=True)
schema: dict[str, Any] = json_schema(EventSet)
converter: cattrs.Converter = serialization.make_converter()
serialization.configure_converter(cattrs.Converter())
migrated: object = serialization.migrate({"schema_version": SCHEMA_VERSION})
serialization.MIGRATIONS[0] = lambda doc: doc

# Dates.
day: dt.date = PartialDate.parse("2024-05").earliest()
inside: bool = PartialDate.parse("2024").contains(day)
ordered: list[PartialDate] = sorted([PartialDate(year=2024), PartialDate.from_date(day)])

# Errors carry data.
try:
    from_json(EventSet, "{}")
except SchemaVersionError as exc:
    newest: int = exc.supported
except ValidationError as exc:
    problems: tuple[Problem, ...] = exc.problems
    paths: list[str] = [p.path for p in exc.problems]
except DecodeError as exc:
    reason: str = exc.reason
except DiplomaticEventsError:
    pass

# The strategies are typed for downstream tests.
assert_type(testing.meetings(), st.SearchStrategy[Meeting])
assert_type(testing.event_sets(max_size=3), st.SearchStrategy[EventSet])
assert_type(testing.spans("some source"), st.SearchStrategy[Span])
assert_type(testing.partial_dates(precisions=("year",)), st.SearchStrategy[PartialDate])
assert_type(testing.parties(kinds=[PartyKind.COUNTRY]), st.SearchStrategy[Party])

version_string: str = diplomatic_events.__version__
