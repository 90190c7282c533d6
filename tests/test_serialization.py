"""JSON round trips, the JSON Schema, strict structuring, decoding errors and migrations."""

# The tests write `expected == actual` (STYLE.md), which SIM300 calls a Yoda condition.

from __future__ import annotations

import copy
import json
import re
from typing import TYPE_CHECKING, Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from diplomatic_events import (
    SCHEMA_VERSION,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    DecodeError,
    EventSet,
    Exercise,
    ExerciseStatus,
    Location,
    Meeting,
    MeetingStatus,
    PartialDate,
    Party,
    PartyKind,
    SchemaVersionError,
    Span,
    StatusChange,
    ValidationError,
    from_dict,
    from_json,
    json_schema,
    serialization,
    to_dict,
    to_json,
)
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
    from collections.abc import Iterator

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    EventSet: event_sets(),
    Article: articles(),
    Party: parties(),
    Meeting: meetings(),
    Agreement: agreements(),
    StatusChange: status_changes(),
    Exercise: exercises(),
    Location: locations(),
    Span: spans(),
    PartialDate: partial_dates(),
}


def test_every_model_has_a_strategy() -> None:
    """Each serializable model has a strategy here, so the properties cover every model."""
    assert set(serialization.MODELS.values()) == set(STRATEGIES)


_VALIDATORS: dict[type, Draft202012Validator] = {}


def validator(cls: type) -> Draft202012Validator:
    """Return a JSON Schema validator of *cls*'s schema, checking formats too."""
    if cls not in _VALIDATORS:
        schema = json_schema(cls)
        Draft202012Validator.check_schema(schema)
        _VALIDATORS[cls] = Draft202012Validator(
            schema, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
    return _VALIDATORS[cls]


def _example_of(cls: type) -> st.SearchStrategy[Any]:
    return STRATEGIES[cls]


models = st.sampled_from(list(STRATEGIES)).flatmap(_example_of)


@given(models)
def test_json_round_trip(model: Any) -> None:
    """Every valid instance of every model survives to_json and from_json."""
    assert model == from_json(type(model), to_json(model))


@given(models)
def test_dict_round_trip(model: Any) -> None:
    """to_dict gives what JSON holds, and from_dict builds the instance back."""
    data = to_dict(model)

    assert (data, model) == (json.loads(to_json(model)), from_dict(type(model), data))


@given(models)
def test_json_validates_against_schema(model: Any) -> None:
    """Every document to_json writes validates against json_schema of its class."""
    errors = [e.message for e in validator(type(model)).iter_errors(json.loads(to_json(model)))]

    assert [] == errors


@given(models)
def test_indented_json_is_the_same_document(model: Any) -> None:
    """Indented JSON holds the same document and loads back equal."""
    text = to_json(model, indent=True)

    assert (json.loads(to_json(model)), model) == (json.loads(text), from_json(type(model), text))


@pytest.mark.parametrize("cls", list(serialization.MODELS.values()), ids=lambda c: c.__name__)
def test_schema_is_valid_2020_12(cls: type) -> None:
    """Each model's schema is itself a valid draft 2020-12 schema."""
    schema = json_schema(cls)
    Draft202012Validator.check_schema(schema)

    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]


# ---- the paths tools outside the library read -----------------------------------------

JAPAN = Party(kind=PartyKind.COUNTRY, name="Japan", country="JPN")
FRANCE = Party(kind=PartyKind.COUNTRY, name="France", country="FRA")
KISHIDA = Party(kind=PartyKind.PERSON, name="Fumio Kishida", country="JPN", title="Prime Minister")
MACRON = Party(kind=PartyKind.PERSON, name="Emmanuel Macron", country="FRA", title="President")
RAA = Agreement(
    name="Reciprocal Access Agreement",
    acronym="RAA",
    kind=AgreementKind.RECIPROCAL_ACCESS,
    parties=(JAPAN, FRANCE),
    history=(StatusChange(status=AgreementStatus.NEGOTIATING, date=PartialDate(year=2024)),),
)
EVENTS = EventSet(
    parties=(KISHIDA, MACRON, JAPAN, FRANCE),
    meetings=(
        Meeting(
            participants=(KISHIDA, MACRON),
            status=MeetingStatus.HELD,
            date=PartialDate.parse("2024-05-02"),
            location=Location(name="Paris", country="FRA"),
            outcomes=(RAA.id,),
        ),
    ),
    agreements=(RAA,),
    exercises=(
        Exercise(
            participants=(JAPAN, FRANCE),
            status=ExerciseStatus.PLANNED,
            name="Pegase",
            start=PartialDate.parse("2024-07"),
            end=PartialDate.parse("2024-08"),
            locations=(Location(name="Pacific Ocean"),),
        ),
    ),
)

# As listed in ARCHITECTURE.md, one path pattern per item.
ARCHITECTURE_PATHS = """
meetings[].participants[].{name,kind,country,title}   meetings[].date   meetings[].status
meetings[].location.{name,country}
agreements[].{name,acronym,kind,status,date}           agreements[].parties[].country
exercises[].{name,status,start,end}   exercises[].participants[].country
exercises[].locations[].name
parties[].{id,kind,name,country}
"""


def _expand(spec: str) -> list[str]:
    """Expand ``a[].{b,c}`` into ``a[].b`` and ``a[].c``."""
    match = re.fullmatch(r"(.*)\.\{(.*)\}", spec)
    if match is None:
        return [spec]
    return [f"{match.group(1)}.{key}" for key in match.group(2).split(",")]


def _resolve(doc: Any, path: str) -> list[bool]:
    """Return, for every object the path reaches, whether it has the path's last key."""
    *parents, last = path.split(".")
    nodes = [doc]
    for part in parents:
        key, each = part.removesuffix("[]"), part.endswith("[]")
        nodes = [n[key] for n in nodes]
        if each:
            nodes = [item for n in nodes for item in n]
    return [last.removesuffix("[]") in n for n in nodes]


@pytest.mark.parametrize("path", [p for spec in ARCHITECTURE_PATHS.split() for p in _expand(spec)])
def test_architecture_paths_exist(path: str) -> None:
    """The JSON paths ARCHITECTURE.md promises are present in every object they reach."""
    found = _resolve(json.loads(to_json(EVENTS)), path)

    assert (True, True) == (bool(found), all(found))


def test_agreement_date_is_current_status_date() -> None:
    """agreements[].status and .date are those of the latest history entry."""
    doc = json.loads(to_json(EVENTS))["agreements"][0]

    assert ("negotiating", "2024") == (doc["status"], doc["date"])


def test_enums_and_dates_are_strings() -> None:
    """Enums are written as their lower-case values and dates as ISO strings."""
    doc = json.loads(to_json(EVENTS))

    assert ("held", "2024-05-02", "person", SCHEMA_VERSION) == (
        doc["meetings"][0]["status"],
        doc["meetings"][0]["date"],
        doc["meetings"][0]["participants"][0]["kind"],
        doc["schema_version"],
    )


def test_article_published_is_iso_day() -> None:
    """An article's publication date is written as YYYY-MM-DD."""
    import datetime as dt  # noqa: PLC0415

    assert "2024-05-03" == to_dict(Article(text="x", published=dt.date(2024, 5, 3)))["published"]


# ---- strictness: exact paths ----------------------------------------------------------


def _doc() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(to_json(EVENTS))
    return result


def _problems(cls: type, doc: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        from_json(cls, json.dumps(doc))
    return [(p.path, p.reason) for p in info.value.problems]


def _paths(cls: type, doc: Any) -> list[str]:
    return [path for path, _ in _problems(cls, doc)]


def test_int_where_string_belongs() -> None:
    """An integer where a string belongs is an error at that field, never coerced."""
    doc = _doc()
    doc["meetings"][0]["participants"][1]["name"] = 5

    assert ["$.meetings[0].participants[1].name"] == _paths(EventSet, doc)


def test_string_where_int_belongs() -> None:
    """A numeric string where an integer belongs is an error at that field."""
    doc = {"start": "5", "end": 7, "text": "ab"}

    assert ["$.start"] == _paths(Span, doc)


def test_bool_where_int_belongs() -> None:
    """A boolean is not an integer in JSON, although Python counts it as one."""
    doc = {"start": 0, "end": True, "text": "a"}

    assert ["$.end"] == _paths(Span, doc)


def test_float_where_int_belongs() -> None:
    """A number with a fraction or exponent is not an integer."""
    doc = {"start": 0.0, "end": 1, "text": "a"}

    assert ["$.start"] == _paths(Span, doc)


def test_unknown_key_is_named() -> None:
    """An unknown key is an error whose path names the key."""
    doc = _doc()
    doc["exercises"][0]["colour"] = "blue"

    assert [("$.exercises[0].colour", "unknown key")] == _problems(EventSet, doc)


def test_missing_key() -> None:
    """A missing required key is an error at that key."""
    doc = _doc()
    del doc["agreements"][0]["history"]

    assert ["$.agreements[0].history"] == _paths(EventSet, doc)


def test_missing_key_and_other_problems_together() -> None:
    """A missing key does not hide type errors in the same object's other fields."""
    doc: dict[str, Any] = {"kind": "country", "country": 392, "title": None, "aliases": []}

    assert ["$.name", "$.country"] == _paths(Party, doc)


def test_bad_enum_value() -> None:
    """An enum value outside the vocabulary is an error listing the allowed values."""
    doc = _doc()
    doc["meetings"][0]["status"] = "HELD"

    assert [("$.meetings[0].status", True)] == [
        (path, "'scheduled'" in reason) for path, reason in _problems(EventSet, doc)
    ]


def test_bad_country_nested() -> None:
    """A bad country code deep in the document is reported with its full path and value."""
    doc = _doc()
    doc["meetings"][0]["participants"][1]["country"] = "XXX"

    assert [("$.meetings[0].participants[1].country", True)] == [
        (path, "'XXX'" in reason) for path, reason in _problems(EventSet, doc)
    ]


def test_every_problem_reported() -> None:
    """Problems in different parts of a document are all reported at once."""
    doc = _doc()
    doc["meetings"][0]["date"] = "2024-5-2"
    doc["agreements"][0]["parties"][0]["country"] = "jpn"
    doc["exercises"][0]["end"] = "2024-06"

    assert [
        "$.meetings[0].date",
        "$.agreements[0].parties[0].country",
        "$.exercises[0].end",
    ] == _paths(EventSet, doc)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("parties", 0, "id"), "person:JPN:someone-else"),
        (("meetings", 0, "id"), "meeting:0000000000000000"),
        (("agreements", 0, "id"), "agreement:0000000000000000"),
        (("agreements", 0, "status"), "signed"),
        (("agreements", 0, "date"), "2023"),
        (("exercises", 0, "id"), "exercise:0000000000000000"),
    ],
)
def test_derived_fields_checked(where: tuple[str | int, ...], value: str) -> None:
    """Ids and an agreement's status and date must match the content they derive from."""
    doc = _doc()
    _set(doc, where, value)

    assert [_render(where)] == _paths(EventSet, doc)


def test_derived_fields_optional_on_load() -> None:
    """A document without the derived fields loads: they are computed from content."""
    doc = _doc()
    for agreement in doc["agreements"]:
        del agreement["id"], agreement["status"], agreement["date"]
    for party in doc["parties"]:
        del party["id"]

    assert EVENTS == from_json(EventSet, json.dumps(doc))


def test_cross_checks_run_on_load() -> None:
    """from_json runs the container's checks: a dangling outcome is reported."""
    doc = _doc()
    doc["meetings"][0]["outcomes"] = ["agreement:0000000000000000"]

    assert ["$.meetings[0].outcomes[0]"] == _paths(EventSet, doc)


def test_partial_date_top_level_string() -> None:
    """A PartialDate's JSON is its ISO string, and a bad one is a ValidationError."""
    with pytest.raises(ValidationError):
        from_json(PartialDate, '"2023-02-29"')

    assert PartialDate(year=2024, month=5) == from_json(PartialDate, '"2024-05"')


def test_not_a_model_class() -> None:
    """Asking for something that is not a model is a TypeError."""
    with pytest.raises(TypeError):
        from_json(dict, "{}")


def test_to_json_not_a_model() -> None:
    """Serializing something that is not a model is a TypeError."""
    with pytest.raises(TypeError):
        to_json({"a": 1})


# ---- malformed JSON --------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        '{"schema_version": NaN}',
        '{"schema_version": Infinity}',
        '{"schema_version": -Infinity}',
        "NaN",
        b'{"article": {"text": "\xff"}, "schema_version": 1}',
        b"\xfe\xff",
        '{"schema_version": 1',
        '{"schema_version": 1,}',
        "",
        "[]",
        "[1, 2]",
        "5",
        '"2024"',
        "null",
        "true",
        '{"schema_version": 1} {}',
        '{"a": "\\ud800"}',
    ],
)
def test_malformed_json_is_decode_error(data: str | bytes) -> None:
    """Malformed JSON or a non-object top level raises DecodeError, a ValueError."""
    with pytest.raises(DecodeError) as info:
        from_json(EventSet, data)

    assert isinstance(info.value, ValueError)


def test_decode_error_says_where() -> None:
    """A DecodeError names the line and column of the fault."""
    with pytest.raises(DecodeError) as info:
        from_json(EventSet, '{\n  "schema_version": 1,\n  "parties": [,]\n}')

    assert "line 3" in str(info.value)


def test_deep_nesting_is_reported_not_crashed() -> None:
    """A very deeply nested document is an error, not a RecursionError."""
    with pytest.raises((DecodeError, ValidationError)):
        from_json(EventSet, '{"schema_version": 1, "parties": ' + "[" * 5000 + "]" * 5000 + "}")


# ---- schema_version and migrations ----------------------------------------------------


def test_newer_schema_version() -> None:
    """A document newer than the library raises SchemaVersionError saying so."""
    doc = _doc()
    doc["schema_version"] = SCHEMA_VERSION + 1

    with pytest.raises(SchemaVersionError) as info:
        from_json(EventSet, json.dumps(doc))

    assert (SCHEMA_VERSION + 1, SCHEMA_VERSION, True) == (
        info.value.found,
        info.value.supported,
        "newer" in str(info.value),
    )


def test_missing_schema_version() -> None:
    """An event set without a schema_version is rejected."""
    doc = _doc()
    del doc["schema_version"]

    assert ["$.schema_version"] == _paths(EventSet, doc)


def test_older_version_without_migration() -> None:
    """An older version with no migration path is a ValidationError naming the version."""
    doc = _doc()
    doc["schema_version"] = 0

    assert [("$.schema_version", True)] == [
        (path, "0" in reason) for path, reason in _problems(EventSet, doc)
    ]


def _from_v0(doc: dict[str, Any]) -> dict[str, Any]:
    """A made-up version 0 called the parties ``actors``."""
    doc["parties"] = doc.pop("actors")
    return doc


def test_migration_applied(monkeypatch: pytest.MonkeyPatch) -> None:
    """An older document goes through MIGRATIONS and loads as the current version."""
    monkeypatch.setitem(serialization.MIGRATIONS, 0, _from_v0)
    doc = _doc()
    doc["actors"] = doc.pop("parties")
    doc["schema_version"] = 0

    assert EVENTS == from_json(EventSet, json.dumps(doc))


def test_migration_does_not_change_the_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """migrate() leaves the caller's dict as it was."""
    monkeypatch.setitem(serialization.MIGRATIONS, 0, _from_v0)
    doc = _doc()
    doc["actors"] = doc.pop("parties")
    doc["schema_version"] = 0
    before = copy.deepcopy(doc)
    migrated = serialization.migrate(doc)

    assert (before, SCHEMA_VERSION, True) == (
        doc,
        migrated["schema_version"],
        "parties" in migrated,
    )


def test_migration_result_is_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    """A migrated document goes through every check, with paths as usual."""
    monkeypatch.setitem(serialization.MIGRATIONS, 0, _from_v0)
    doc = _doc()
    doc["actors"] = doc.pop("parties")
    doc["actors"][0]["country"] = "jp"
    doc["schema_version"] = 0

    assert ["$.parties[0].country"] == _paths(EventSet, doc)


def test_current_document_unchanged_by_migrate() -> None:
    """migrate() returns a current document as it is."""
    doc = _doc()

    assert doc == serialization.migrate(doc)


# ---- corrupting any one field ---------------------------------------------------------

Path = tuple[str | int, ...]


def _render(path: Path) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def _walk(node: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, (*path, i))


def _set(doc: Any, path: Path, value: Any) -> None:
    node = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


# Values of a JSON type that is never allowed where the original's type is.
# (None is left out for strings and objects: many of those fields are optional.)
_WRONG_TYPES: dict[type, list[Any]] = {
    str: [5, 1.5, True, [], {}],
    int: ["5", 1.5, True, None, [], {}],
    list: [{}, "x", 5, None, True],
    dict: [[], "x", 5, True],
    type(None): [5, True, [], 1.5],
}

_ENUM_KEYS = frozenset({"kind", "status", "format", "domain"})
_DATE_KEYS = frozenset({"date", "start", "end", "published"})


def _wrong_value(path: Path, value: Any) -> Any:
    """Return a value of the right JSON type that breaks a rule, or None if there is none."""
    field = next((p for p in reversed(path) if isinstance(p, str)), "")
    if path == ("article", "text"):
        return None  # any string is an article's text
    if type(value) is int:
        return 0 if field == "schema_version" else -1
    if type(value) is not str:
        return None
    if field in _ENUM_KEYS:
        return "bogus"
    if field == "country":
        return value.lower()
    if field in _DATE_KEYS:
        return "2023-02-29"
    return " " + value  # leading whitespace; for a span's quote, one character too many


def _corruptions(doc: Any) -> list[tuple[Path, Any]]:
    """Return every (path, bad value) pair for the values below the document's root."""
    out: list[tuple[Path, Any]] = []
    for path, value in _walk(doc):
        if not path:
            continue
        out.extend((path, wrong) for wrong in _WRONG_TYPES[type(value)])
        wrong = _wrong_value(path, value)
        if wrong is not None:
            out.append((path, wrong))
    return out


def _is_at_or_above(problem_path: str, path: str) -> bool:
    return path == problem_path or path.startswith((problem_path + ".", problem_path + "["))


@given(event_sets(), st.data())
def test_corrupting_any_field_is_a_validation_error_at_its_path(
    events: EventSet, data: st.DataObject
) -> None:
    """Corrupting any one value of a valid document raises ValidationError naming its path."""
    doc = json.loads(to_json(events))
    path, wrong = data.draw(st.sampled_from(_corruptions(doc)), label="corruption")
    original = copy.deepcopy(doc)
    _set(doc, path, copy.deepcopy(wrong))

    with pytest.raises(ValidationError) as info:
        from_json(EventSet, json.dumps(doc))

    target = _render(path)
    assert (target, True) == (
        target,
        any(_is_at_or_above(p.path, target) for p in info.value.problems),
    ), f"{original} -> {info.value}"


@given(event_sets())
def test_fast_path_accepts_every_valid_document(events: EventSet) -> None:
    """Valid documents never fall back to the slow, path-recording converter."""
    from diplomatic_events import serialization  # noqa: PLC0415 - the private fast path

    fast = serialization._fast()[0][EventSet]
    doc = to_dict(events)

    assert events == fast(doc, {})
    assert events == fast(orjson.loads(to_json(events)), {serialization._FROM_JSON: True})
