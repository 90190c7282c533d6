"""Typed, validated models of diplomatic events, lossless JSON, and an extractor for news.

Build and check events in code, store and exchange them as JSON, and turn English
news articles into events, each fact tied to the words it came from.

Example:
    >>> from diplomatic_events import Party, PartyKind, Meeting, MeetingStatus, PartialDate
    >>> japan = Party(kind=PartyKind.COUNTRY, name="Japan", country="JPN")
    >>> france = Party(kind=PartyKind.COUNTRY, name="France", country="FRA")
    >>> m = Meeting(participants=(japan, france), status=MeetingStatus.HELD,
    ...             date=PartialDate.parse("2024-05-02"))
    >>> str(m.date), m.status.value
    ('2024-05-02', 'held')
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from diplomatic_events._dates import PartialDate
from diplomatic_events._loader import extract, load_seed, seed_article
from diplomatic_events._models import (
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
)
from diplomatic_events._schema import json_schema
from diplomatic_events.exceptions import (
    DecodeError,
    DiplomaticEventsError,
    InvalidRulesError,
    Problem,
    SchemaVersionError,
    ValidationError,
)
from diplomatic_events.serialization import from_dict, from_json, to_dict, to_json
from diplomatic_events.vocab import (
    AgreementKind,
    AgreementStatus,
    Domain,
    ExerciseStatus,
    LocationKind,
    MeetingFormat,
    MeetingStatus,
    PartyKind,
)

try:
    __version__ = version("diplomatic-events")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "SCHEMA_VERSION",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Article",
    "DecodeError",
    "DiplomaticEventsError",
    "Domain",
    "EventSet",
    "Exercise",
    "ExerciseStatus",
    "InvalidRulesError",
    "Location",
    "LocationKind",
    "Meeting",
    "MeetingFormat",
    "MeetingStatus",
    "PartialDate",
    "Party",
    "PartyKind",
    "Problem",
    "SchemaVersionError",
    "Span",
    "StatusChange",
    "ValidationError",
    "__version__",
    "extract",
    "from_dict",
    "from_json",
    "json_schema",
    "load_seed",
    "seed_article",
    "to_dict",
    "to_json",
]
