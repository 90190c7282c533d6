"""Hostile JSON and hostile Python data: only DecodeError or ValidationError, and fast.

Each case must finish within ``LIMIT`` seconds, measured with ``time.monotonic``;
the limit is generous because CI machines are slow and noisy, while a hang or a
quadratic blow-up would take minutes.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import math
import time
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomatic_events import (
    Article,
    DecodeError,
    EventSet,
    Location,
    Meeting,
    MeetingStatus,
    Party,
    PartyKind,
    Span,
    ValidationError,
    from_dict,
    from_json,
    serialization,
    to_dict,
    to_json,
)
from diplomatic_events.testing import event_sets

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

LIMIT = 30.0
DEEP = 200_000
BIG = 20 * 1024 * 1024
REJECTED = (DecodeError, ValidationError)
_E = TypeVar("_E", DecodeError, ValidationError)


def _rejected(call: Callable[[], object], kind: type[_E]) -> _E:
    start = time.monotonic()
    with pytest.raises(kind) as info:
        call()
    elapsed = time.monotonic() - start
    assert elapsed < LIMIT, f"took {elapsed:.1f} s"
    # A message is for people: bounded even when the input is 20 MB.
    assert len(str(info.value)) < 2_000
    return info.value


def _deep_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def _deep_dict(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def _valid_doc() -> dict[str, Any]:
    japan = Party(kind=PartyKind.COUNTRY, name="Japan", country="JPN")
    france = Party(kind=PartyKind.COUNTRY, name="France", country="FRA")
    event_set = EventSet(
        article=Article(text="Japan and France met in Paris."),
        parties=(japan, france),
        meetings=(
            Meeting(
                participants=(japan, france),
                status=MeetingStatus.HELD,
                location=Location(name="Paris", country="FRA"),
                evidence=(Span(start=0, end=5, text="Japan"),),
            ),
        ),
    )
    doc: dict[str, Any] = to_dict(event_set)
    return doc


# ---- JSON text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * DEEP + "]" * DEEP,
        '{"a":' * DEEP + "1" + "}" * DEEP,
        '{"schema_version":1,"parties":' + "[" * DEEP + "]" * DEEP + "}",
    ],
    ids=["list", "object", "inside-a-field"],
)
def test_json_nested_200000_deep_is_a_decode_error(text: str) -> None:
    """Nesting 200,000 deep is a DecodeError, not a RecursionError."""
    _rejected(lambda: from_json(EventSet, text), DecodeError)


def test_json_20_mb_string_at_the_top_is_a_decode_error() -> None:
    """A 20 MB string where an object belongs is a DecodeError."""
    text = '"' + "x" * BIG + '"'

    _rejected(lambda: from_json(EventSet, text), DecodeError)


def test_json_20_mb_string_in_a_field_is_a_short_validation_error() -> None:
    """A 20 MB bad name is reported at its path in a message of bounded length."""
    doc = _valid_doc()
    doc["parties"][0]["name"] = " " + "x" * BIG
    data = orjson.dumps(doc)

    error = _rejected(lambda: from_json(EventSet, data), ValidationError)

    assert ["$.parties[0].name"] == [p.path for p in error.problems]


def test_json_20_mb_string_where_an_integer_belongs() -> None:
    """A 20 MB string as schema_version is a ValidationError."""
    data = b'{"schema_version":"' + b"9" * BIG + b'"}'

    _rejected(lambda: from_json(EventSet, data), ValidationError)


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize(
    "template",
    ["{token}", '{{"schema_version":{token}}}', '{{"start":{token},"end":1,"text":"a"}}'],
)
def test_json_nan_and_infinity_are_decode_errors(template: str, token: str) -> None:
    """NaN and Infinity are not JSON, wherever they appear."""
    text = template.format(token=token)

    for cls in (EventSet, Span):
        _rejected(functools.partial(from_json, cls, text), DecodeError)


@pytest.mark.parametrize(
    "data",
    [
        b'{"schema_version":1,"article":{"text":"\xff\xfe"}}',
        b'{"name":"Par\xc3is"}',
        b"\xef\xbb\xbf\x80{}",
        '{"name":"Paris\ud800"}',
    ],
    ids=["invalid-bytes", "truncated-sequence", "bom-and-garbage", "lone-surrogate-str"],
)
def test_json_invalid_utf8_is_a_decode_error(data: str | bytes) -> None:
    """Invalid UTF-8 (and a str holding a lone surrogate) is a DecodeError."""
    _rejected(lambda: from_json(Location, data), DecodeError)


@pytest.mark.parametrize(
    "template",
    ["{n}", '{{"schema_version":{n}}}', '{{"start":{n},"end":1,"text":"a"}}'],
)
def test_json_5000_digit_integer_is_a_decode_error(template: str) -> None:
    """A 5,000-digit integer is a DecodeError (orjson reads no number that large)."""
    text = template.format(n="7" * 5_000)

    for cls in (EventSet, Span):
        _rejected(functools.partial(from_json, cls, text), DecodeError)


@pytest.mark.parametrize("text", ["[]", "[{}]", "null", "1", '"x"', "true", "1.5"])
def test_json_top_level_not_an_object_is_a_decode_error(text: str) -> None:
    """A list (or any non-object) at the top level is a DecodeError."""
    for cls in (EventSet, Party, Meeting):
        _rejected(functools.partial(from_json, cls, text), DecodeError)


# ---- the same hostility as Python objects, through from_dict ---------------------------


def _deep_cases() -> Iterator[tuple[str, object, str | None]]:
    yield "top-level-list", _deep_list(DEEP), None
    yield "top-level-dict", _deep_dict(DEEP), None
    yield "parties", {"schema_version": 1, "parties": _deep_list(DEEP)}, None
    party = {"kind": "country", "name": _deep_list(DEEP), "country": "JPN"}
    yield "party-name", {"schema_version": 1, "parties": [party]}, "$.parties[0].name"
    article = {"text": _deep_dict(DEEP)}
    yield "article-text", {"schema_version": 1, "article": article}, "$.article.text"
    yield "unknown-key", {"schema_version": 1, "extra": _deep_dict(DEEP)}, "$.extra"


_DEEP_CASES = list(_deep_cases())


@pytest.mark.parametrize(
    ("data", "path"), [c[1:] for c in _DEEP_CASES], ids=[c[0] for c in _DEEP_CASES]
)
def test_dict_nested_200000_deep_is_a_validation_error(data: object, path: str | None) -> None:
    """A 200,000-deep Python value gives ValidationError, never RecursionError."""
    error = _rejected(lambda: from_dict(EventSet, data), ValidationError)
    if path is not None:
        assert path in [p.path for p in error.problems]


def test_dict_deep_value_in_a_model_field_built_directly() -> None:
    """Building a model with a deeply nested value still says what was wrong."""
    with pytest.raises(ValidationError, match=r"\$\.name: expected a string"):
        Party(kind=PartyKind.ORGANIZATION, name=_deep_list(DEEP))  # type: ignore[arg-type]


def test_dict_20_mb_string_is_a_short_validation_error() -> None:
    """A 20 MB string with trailing whitespace is named at its path, briefly."""
    doc = _valid_doc()
    doc["meetings"][0]["location"]["name"] = "x" * BIG + " "

    error = _rejected(lambda: from_dict(EventSet, doc), ValidationError)

    assert ["$.meetings[0].location.name"] == [p.path for p in error.problems]


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 1.0, True])
def test_dict_floats_and_bools_are_not_integers(value: object) -> None:
    """NaN, infinities, floats and booleans are not integers."""
    doc = _valid_doc()
    doc["meetings"][0]["evidence"][0]["start"] = value

    error = _rejected(lambda: from_dict(EventSet, doc), ValidationError)

    assert ["$.meetings[0].evidence[0].start"] == [p.path for p in error.problems]


@pytest.mark.parametrize("path", ["schema_version", "start", "end"])
def test_dict_5000_digit_integer_is_a_validation_error(path: str) -> None:
    """An integer too long for Python to print still gives a readable ValidationError."""
    huge = 7 * 10**5_000
    doc = _valid_doc()
    if path == "schema_version":
        doc["schema_version"] = huge
    else:
        doc["meetings"][0]["evidence"][0][path] = huge

    error = _rejected(lambda: from_dict(EventSet, doc), ValidationError)

    assert "integer of" in str(error)


@pytest.mark.parametrize("data", [[], [{}], None, 1, "x", b"{}"])
def test_dict_top_level_not_a_dict_is_a_validation_error(data: object) -> None:
    """A list (or any non-dict) at the top level is a ValidationError."""
    for cls in (EventSet, Party, Meeting):
        _rejected(functools.partial(from_dict, cls, data), ValidationError)


def test_dict_lone_surrogate_is_a_validation_error() -> None:
    """A lone surrogate, which JSON cannot carry, is rejected at its path."""
    doc = _valid_doc()
    doc["parties"][1]["name"] = "Fra\ud800nce"

    error = _rejected(lambda: from_dict(EventSet, doc), ValidationError)

    assert "$.parties[1].name" in [p.path for p in error.problems]


# ---- fuzzing -------------------------------------------------------------------------

_JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["held", "country", "JPN", "2024-05", "Japan", "", " x"])
)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["name", "kind", "country", "id", "parties", "schema_version", "x"])
            | st.text(max_size=6),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)
_CLASSES = st.sampled_from(list(serialization.MODELS.values()))


def _parse_or_reject(cls: type, data: str | bytes) -> None:
    try:
        result: object = from_json(cls, data)
    except REJECTED:
        return
    # Whatever is accepted is a valid instance that writes out again.
    assert result == from_json(cls, to_json(result))


@given(cls=_CLASSES, value=_JSON_VALUES)
def test_fuzz_from_json_with_arbitrary_json_values(cls: type, value: object) -> None:
    """Any JSON value gives an instance, a DecodeError or a ValidationError."""
    _parse_or_reject(cls, orjson.dumps(value))


@given(cls=_CLASSES, value=_JSON_VALUES)
def test_fuzz_from_dict_with_arbitrary_values(cls: type, value: object) -> None:
    """Any JSON-like Python value gives an instance or a ValidationError."""
    with contextlib.suppress(ValidationError):
        from_dict(cls, value)


def _paths(node: object, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield here
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*here, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _paths(child, (*here, i))


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


@st.composite
def _mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = to_dict(draw(event_sets()))
    paths = list(_paths(doc))
    path = draw(st.sampled_from(paths))
    how = draw(st.sampled_from(["replace", "delete", "add-key", "wrap", "duplicate", "json"]))
    if not path:
        return {"schema_version": 1, "unknown": doc} if how == "add-key" else doc
    parent_path, key = path[:-1], path[-1]
    parent = _at(doc, parent_path)
    if how == "replace":
        parent[key] = draw(_JSON_VALUES)
    elif how == "delete":
        del parent[key]
    elif how == "add-key" and isinstance(parent[key], dict):
        parent[key][draw(st.text(max_size=6))] = draw(_JSON_VALUES)
    elif how == "wrap":
        parent[key] = [parent[key]]
    elif how == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))
    elif how == "json":
        parent[key] = json.loads(json.dumps(str(parent[key])))
    return doc


@given(doc=_mutated_documents())
def test_fuzz_mutated_valid_documents(doc: dict[str, Any]) -> None:
    """A corrupted valid document is accepted or rejected alike by both structuring paths.

    The fast path must never accept what the path-recording converter rejects.
    """
    try:
        fast = from_dict(EventSet, copy.deepcopy(doc))
    except ValidationError:
        fast = None
    try:
        detailed = serialization._structure_detailed(EventSet, serialization.migrate(doc))
    except ValidationError:
        detailed = None
    assert fast == detailed
    _parse_or_reject(EventSet, orjson.dumps(doc))


@given(
    data=st.binary(max_size=40),
    where=st.floats(min_value=0, max_value=1),
    doc=event_sets(max_size=1),
)
def test_fuzz_corrupted_json_bytes(data: bytes, where: float, doc: EventSet) -> None:
    """Bytes spliced into a valid document give only the documented errors."""
    raw = to_json(doc).encode()
    cut = int(len(raw) * where)

    _parse_or_reject(EventSet, raw[:cut] + data + raw[cut:])
