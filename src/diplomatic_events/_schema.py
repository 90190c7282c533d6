"""JSON Schema (draft 2020-12) of the wire format, generated from the models."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any, Final, Union, get_args, get_origin

import attrs

from diplomatic_events._dates import PartialDate
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
    _country_codes,
)
from diplomatic_events.exceptions import DiplomaticEventsError

__all__ = ["json_schema"]

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_BASE_ID: Final = "https://diplomatic-events.invalid/schema/"

# A non-empty string without leading or trailing whitespace (ECMA-262 regex, as JSON
# Schema uses: [\s\S] because "." does not match line breaks there).
_TEXT: Final = {"type": "string", "minLength": 1, "pattern": r"^\S(?:[\s\S]*\S)?$"}
_PARTIAL_DATE: Final = {
    "type": "string",
    "pattern": r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$",
    "description": "ISO 8601 date of year, month or day precision: 2024, 2024-05, 2024-05-02.",
}
_DAY: Final = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}

# What the field types alone do not say.
_FIELD_OVERRIDES: Final[dict[tuple[type, str], dict[str, Any]]] = {
    (Article, "text"): {"type": "string"},
    (Span, "text"): {"type": "string", "minLength": 1},
    (Span, "start"): {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET - 1},
    (Span, "end"): {"type": "integer", "minimum": 1, "maximum": MAX_OFFSET},
    (EventSet, "schema_version"): {"type": "integer", "const": SCHEMA_VERSION},
}
_MIN_ITEMS: Final[dict[tuple[type, str], int]] = {
    (Meeting, "participants"): 2,
    (Agreement, "parties"): 2,
    (Agreement, "history"): 1,
    (Exercise, "participants"): 2,
}
_COUNTRY_FIELDS: Final = frozenset({(Party, "country"), (Location, "country")})
# Values derived from content: written out, optional when read.
_DERIVED: Final[dict[type, dict[str, dict[str, Any]]]] = {
    Party: {"id": {"type": "string", "description": "Content-derived id, e.g. country:JPN."}},
    Meeting: {"id": {"type": "string", "pattern": "^meeting:[0-9a-f]{16}$"}},
    Exercise: {"id": {"type": "string", "pattern": "^exercise:[0-9a-f]{16}$"}},
    Agreement: {
        "id": {"type": "string", "pattern": "^agreement:[0-9a-f]{16}$"},
        "status": {"$ref": "#/$defs/AgreementStatus", "description": "The last history entry's."},
        "date": {
            "anyOf": [_PARTIAL_DATE, {"type": "null"}],
            "description": "The date of the status.",
        },
    },
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def of_type(
        self, tp: Any, owner: type | None = None, field: str | None = None
    ) -> dict[str, Any]:
        key = (owner, field) if owner is not None and field is not None else None
        if key in _FIELD_OVERRIDES:
            return dict(_FIELD_OVERRIDES[key])
        origin = get_origin(tp)
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            inner = self.of_type(args[0], owner, field)
            return {"anyOf": [inner, {"type": "null"}]}
        # After unwrapping Optional, so that an optional country may be null.
        if key in _COUNTRY_FIELDS:
            return {
                "type": "string",
                "enum": sorted(_country_codes()),
                "description": "ISO 3166-1 alpha-3 code.",
            }
        if origin is tuple:
            schema: dict[str, Any] = {"type": "array", "items": self.of_type(get_args(tp)[0])}
            if key in _MIN_ITEMS:
                schema["minItems"] = _MIN_ITEMS[key]
            return schema
        if tp is str:
            return dict(_TEXT)
        if tp is int:
            return {"type": "integer"}
        if tp is PartialDate:
            return dict(_PARTIAL_DATE)
        if tp is dt.date:
            return dict(_DAY)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            self.defs.setdefault(tp.__name__, {"type": "string", "enum": [m.value for m in tp]})
            return {"$ref": f"#/$defs/{tp.__name__}"}
        if isinstance(tp, type) and attrs.has(tp):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {}  # reserve, for recursion
                self.defs[tp.__name__] = self.of_class(tp)
            return {"$ref": f"#/$defs/{tp.__name__}"}
        raise DiplomaticEventsError(f"no JSON Schema for type {tp!r}")  # pragma: no cover

    def of_class(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        props: dict[str, Any] = {}
        props.update(_DERIVED.get(cls, {}))
        if cls in _DERIVED and "status" in _DERIVED[cls]:
            self.of_type(_status_enum())
        required = []
        for a in attrs.fields(cls):
            props[a.name] = self.of_type(hints[a.name], cls, a.name)
            if a.default is attrs.NOTHING:
                required.append(a.name)
        if cls is EventSet:
            required.append("schema_version")
        schema: dict[str, Any] = {
            "type": "object",
            "title": cls.__name__,
            "description": (cls.__doc__ or "").strip().splitlines()[0],
            "properties": props,
            "required": required,
            "additionalProperties": False,
        }
        return schema


def _status_enum() -> type[enum.Enum]:
    from diplomatic_events.vocab import AgreementStatus  # noqa: PLC0415

    return AgreementStatus


def json_schema(cls: type) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of model *cls*'s JSON form.

    Every document :func:`~diplomatic_events.to_json` writes for an instance of *cls*
    validates against it; it is a faithful but not complete statement of the rules
    (cross-field rules such as a lifecycle that never runs backwards are checked only by
    the library).

    Raises:
        TypeError: if *cls* is not a model class.

    Example:
        >>> from diplomatic_events import Location
        >>> json_schema(Location)["properties"]["kind"]
        {'$ref': '#/$defs/LocationKind'}
    """
    from diplomatic_events.serialization import MODELS  # noqa: PLC0415

    if cls not in MODELS.values():
        raise TypeError(f"expected a diplomatic_events model class, got {cls!r}")
    if cls is PartialDate:
        return {
            "$schema": _DIALECT,
            "$id": _BASE_ID + "PartialDate.json",
            "title": "PartialDate",
            **_PARTIAL_DATE,
        }
    builder = _Builder()
    body = builder.of_class(cls)
    defs = {k: builder.defs[k] for k in sorted(builder.defs)}
    return {"$schema": _DIALECT, "$id": f"{_BASE_ID}{cls.__name__}.json", **body, "$defs": defs}
