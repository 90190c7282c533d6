"""Dicts, JSON and JSON Schema for the models, through one configured cattrs converter.

The wire format: snake_case keys, enums as their lower-case string values,
:class:`~diplomatic_events.PartialDate` and :class:`datetime.date` as ISO strings,
tuples as arrays, ``None`` as ``null``.
Content-derived values (every ``id``, an agreement's ``status`` and ``date``) are
written out for readers in other languages, and checked against the content when read.

Structuring is strict: no coercion (``5`` is not a string, ``"5"`` is not an integer),
unknown keys are errors, and every model validator runs.
Problems raise :class:`~diplomatic_events.ValidationError` listing every problem with its
path (``$.meetings[0].participants[1].country``).
Valid documents take a fast path; only a failing document is structured a second
time by a converter that records paths, so errors cost nothing on success.

Example:
    >>> from diplomatic_events import Party, PartyKind, to_json, from_json
    >>> japan = Party(kind=PartyKind.COUNTRY, name="Japan", country="JPN")
    >>> to_json(japan)
    '{"id":"country:JPN","kind":"country","name":"Japan","country":"JPN","title":null,"aliases":[]}'
    >>> from_json(Party, to_json(japan)) == japan
    True
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from typing import TYPE_CHECKING, Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
import orjson
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from diplomatic_events._dates import PartialDate
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
from diplomatic_events.exceptions import (
    DecodeError,
    Problem,
    SchemaVersionError,
    ValidationError,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "MIGRATIONS",
    "MODELS",
    "configure_converter",
    "from_dict",
    "from_json",
    "make_converter",
    "migrate",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

#: Every model class that can be serialized on its own, by name.
MODELS: Final[Mapping[str, type]] = {
    cls.__name__: cls
    for cls in (
        EventSet,
        Article,
        Party,
        Meeting,
        Agreement,
        StatusChange,
        Exercise,
        Location,
        Span,
        PartialDate,
    )
}

#: Migrations of older event-set documents: ``MIGRATIONS[n]`` takes a document of
#: ``schema_version`` *n* and returns one of version *n + 1*.
#: Loading applies them in turn until the document is current.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

# Values computed from content: written out, and checked when read.
_DERIVED: Final[Mapping[type, Callable[[Any], dict[str, Any]]]] = {
    Party: lambda p: {"id": p.id},
    Meeting: lambda m: {"id": m.id},
    Exercise: lambda e: {"id": e.id},
    Agreement: lambda a: {
        "id": a.id,
        "status": a.status.value,
        "date": None if a.date is None else str(a.date),
    },
}


def _type_name(value: object) -> str:
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "an array",
        dict: "an object",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _fail(reason: str) -> ValidationError:
    return ValidationError.single("$", reason)


# ---- primitive hooks: strict, never coercing -----------------------------------------


def _structure_str(value: object, _: type) -> str:
    if type(value) is str:
        return value
    raise _fail(f"expected a string, got {_type_name(value)}")


def _structure_int(value: object, _: type) -> int:
    if type(value) is int:
        return value
    raise _fail(f"expected an integer, got {_type_name(value)}")


def _structure_partial_date(value: object, _: type) -> PartialDate:
    if type(value) is str:
        return PartialDate.parse(value)
    raise _fail(f"expected an ISO date string, got {_type_name(value)}")


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _structure_date(value: object, _: type) -> dt.date:
    if type(value) is str and _ISO_DAY.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise _fail(f"{value!r} is not a calendar date ({exc})") from None
    raise _fail(f"expected a date string YYYY-MM-DD, got {_show(value)}")


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    members: dict[str, enum.Enum] = {m.value: m for m in cls}
    allowed = ", ".join(repr(v) for v in members)

    def structure(value: object, _: type) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        raise _fail(f"{_show(value)} is not one of {allowed}")

    return structure


def _is_tuple_of(tp: object) -> bool:
    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(converter: cattrs.Converter, detailed: bool) -> Callable[[Any], Any]:
    def factory(tp: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = get_args(tp)[0]
        handler = converter.get_structure_hook(item_type)

        if not detailed:

            def fast(value: object, _: type) -> tuple[Any, ...]:
                if type(value) is not list:
                    raise _fail(f"expected an array, got {_type_name(value)}")
                return tuple([handler(v, item_type) for v in value])

            return fast

        def detailed_hook(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _fail(f"expected an array, got {_type_name(value)}")
            problems: list[Problem] = []
            out = []
            for i, v in enumerate(value):
                try:
                    out.append(handler(v, item_type))
                except Exception as exc:  # noqa: BLE001 - turned into problems with paths
                    problems.extend(p.under(f"$[{i}]") for p in _problems_of(exc))
            if problems:
                raise ValidationError(problems)
            return tuple(out)

        return detailed_hook

    return factory


# ---- attrs classes -------------------------------------------------------------------


def _class_hooks(
    converter: cattrs.Converter, cls: type[T], detailed: bool
) -> Callable[[object, type], T]:
    base = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=False,
        _cattrs_detailed_validation=detailed,
    )
    derived = _DERIVED.get(cls)
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    allowed = frozenset(a.name for a in fields) | frozenset(_DERIVED_KEYS.get(cls, ()))
    required = [a.name for a in fields if a.default is attrs.NOTHING]

    def structure(value: object, _: type) -> T:
        if type(value) is not dict:
            raise _fail(f"expected an object, got {_type_name(value)}")
        extra = value.keys() - allowed
        if not detailed:
            if extra:
                raise _fail("unknown key")
            obj = base(value, cls)
            if derived is not None:
                _check_derived(cls, value, obj, derived)
            return obj
        problems = [Problem(f"$.{k}", "unknown key") for k in sorted(extra, key=str)]
        problems += [Problem(f"$.{k}", "is required") for k in required if k not in value]
        if problems:
            # Report the rest too: structure what is there with the missing keys ignored.
            problems += _problems_of_partial(base, cls, value, required)
            raise ValidationError(problems)
        try:
            obj = base(value, cls)
        except Exception as exc:  # noqa: BLE001 - turned into problems with paths
            raise ValidationError(_problems_of(exc)) from None
        if derived is not None:
            _check_derived(cls, value, obj, derived)
        return obj

    return structure


def _problems_of_partial(
    base: Callable[[Mapping[str, Any], type[T]], T],
    cls: type[T],
    value: Mapping[str, Any],
    required: list[str],
) -> list[Problem]:
    # With required keys missing the class cannot be built, but its other fields can
    # still be checked one by one, so a single error lists every problem.
    out: list[Problem] = []
    for exc in _field_errors(base, cls, value, required):
        out.extend(_noted_problems(exc))
    return out


def _field_errors(
    base: Callable[[Mapping[str, Any], type[T]], T],
    cls: type[T],
    value: Mapping[str, Any],
    required: list[str],
) -> list[BaseException]:
    try:
        base(value, cls)
    except BaseValidationError as exc:
        return [
            e for e in exc.exceptions if not (isinstance(e, KeyError) and _note_name(e) in required)
        ]
    except Exception:  # noqa: BLE001 - the class-level check needs every field; skip it
        return []
    return []


def _note_name(exc: BaseException) -> str | None:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return note.name
    return None


_DERIVED_KEYS: Final[Mapping[type, tuple[str, ...]]] = {
    Party: ("id",),
    Meeting: ("id",),
    Exercise: ("id",),
    Agreement: ("id", "status", "date"),
}


def _check_derived(
    cls: type, value: Mapping[str, Any], obj: object, derived: Callable[[Any], dict[str, Any]]
) -> None:
    expected = derived(obj)
    problems = [
        Problem(
            f"$.{key}",
            f"{_show(value[key])} does not match the content, which gives {_show(want)}",
        )
        for key, want in expected.items()
        if key in value and value[key] != want
    ]
    if problems:
        raise ValidationError(problems)
    del cls


# ---- turning cattrs' exception groups into problems with paths -----------------------


def _noted_problems(exc: BaseException) -> list[Problem]:
    # cattrs notes where in the parent an exception arose: an attribute or an index.
    prefix = "$"
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            prefix = f"$.{note.name}"
        elif isinstance(note, IterableValidationNote):
            prefix = f"$[{note.index}]"
    return [p.under(prefix) for p in _problems_of(exc)]


def _problems_of(exc: BaseException) -> list[Problem]:
    if isinstance(exc, ValidationError):
        return list(exc.problems)
    if isinstance(exc, BaseValidationError):
        out: list[Problem] = []
        for sub in exc.exceptions:
            out.extend(_noted_problems(sub))
        return out
    if isinstance(exc, KeyError):
        return [Problem("$", "is required")]
    if isinstance(exc, RecursionError):
        return [Problem("$", "the document is nested too deeply")]
    return [Problem("$", f"{type(exc).__name__}: {exc}")]


# ---- the converter -------------------------------------------------------------------


def configure_converter(converter: cattrs.Converter, *, detailed: bool = True) -> None:
    """Register this library's hooks on *converter*.

    Args:
        converter: A :class:`cattrs.Converter` (a plain one; preconfigured converters
            may register conflicting hooks for dates).
        detailed: Whether structuring errors carry full paths (slower); the fast path
            of :func:`from_dict` uses ``False`` and falls back to ``True`` on error.
    """
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _t: _enum_value,
    )
    converter.register_structure_hook_factory(
        _is_tuple_of, _tuple_hook_factory(converter, detailed)
    )
    converter.register_unstructure_hook_factory(
        _is_tuple_of, lambda t: _tuple_unstructure(converter, t)
    )
    # Factories run on first use, when every hook above is in place, so nested models
    # get these hooks and not cattrs' defaults.
    classes = frozenset(MODELS.values()) - {PartialDate}
    converter.register_structure_hook_factory(
        lambda t: t in classes, lambda t: _class_hooks(converter, t, detailed)
    )
    converter.register_unstructure_hook_factory(
        lambda t: t in classes, lambda t: _class_unstructure(converter, t)
    )


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _tuple_unstructure(
    converter: cattrs.Converter, tp: Any
) -> Callable[[tuple[Any, ...]], list[Any]]:
    item_type = get_args(tp)[0]
    if item_type is str:
        return list
    handler = converter.get_unstructure_hook(item_type)
    return lambda value: [handler(v) for v in value]


def _class_unstructure(converter: cattrs.Converter, cls: type[T]) -> Callable[[T], dict[str, Any]]:
    base = make_dict_unstructure_fn(cls, converter)
    derived = _DERIVED.get(cls)
    if derived is None:
        return base
    if cls is Agreement:
        # status and date sit beside the name, where readers of agreements[] look first.
        def unstructure_agreement(obj: T) -> dict[str, Any]:
            d = base(obj)
            extra = derived(obj)
            return {
                "id": extra["id"],
                "name": d.pop("name"),
                "acronym": d.pop("acronym"),
                "kind": d.pop("kind"),
                "status": extra["status"],
                "date": extra["date"],
                **d,
            }

        return unstructure_agreement

    def unstructure(obj: T) -> dict[str, Any]:
        return {**derived(obj), **base(obj)}

    return unstructure


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """Return a new converter configured for this library's models.

    Args:
        detailed: Whether structuring errors carry full paths.

    Example:
        >>> from diplomatic_events import Location
        >>> conv = make_converter()
        >>> conv.unstructure(Location(name="Paris", country="FRA"))
        {'name': 'Paris', 'country': 'FRA', 'kind': 'other'}
    """
    converter = cattrs.Converter(detailed_validation=detailed)
    configure_converter(converter, detailed=detailed)
    return converter


@functools.cache
def _converters() -> tuple[cattrs.Converter, cattrs.Converter]:
    return make_converter(detailed=False), make_converter(detailed=True)


# ---- the public functions ------------------------------------------------------------


def to_dict(obj: object) -> Any:
    """Return the JSON-ready form of a model instance (dicts, lists, strings, numbers, None).

    Raises:
        TypeError: if *obj* is not an instance of a model.
    """
    if type(obj) not in MODELS.values():
        raise TypeError(f"expected a diplomatic_events model, got {type(obj).__name__}")
    return _converters()[0].unstructure(obj, type(obj))


def from_dict(cls: type[T], data: object) -> T:
    """Build and validate an instance of model *cls* from its JSON-ready form.

    An :class:`~diplomatic_events.EventSet` document of an older ``schema_version`` is
    migrated first (see :data:`MIGRATIONS`).

    Raises:
        ValidationError: listing every problem with its path.
        SchemaVersionError: if the document is newer than this library.
        TypeError: if *cls* is not a model class.
    """
    if cls not in MODELS.values():
        raise TypeError(f"expected a diplomatic_events model class, got {cls!r}")
    if cls is EventSet:
        data = migrate(data)
    fast, slow = _converters()
    try:
        return fast.structure(data, cls)
    except RecursionError:
        raise _fail("the document is nested too deeply") from None
    except Exception:  # noqa: BLE001, S110 - re-run with paths to say exactly what is wrong
        pass
    try:
        result: T = slow.structure(data, cls)
    except ValidationError:
        raise
    except RecursionError:
        raise _fail("the document is nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - every failure becomes a ValidationError
        raise ValidationError(_problems_of(exc)) from None
    return result  # pragma: no cover - the fast path only fails where this one does


def migrate(data: object) -> Any:
    """Bring an event-set document to the current ``schema_version``.

    Returns *data* unchanged when it is current; a non-object is returned as is
    for the structuring step to reject.

    Raises:
        SchemaVersionError: if the document is newer than this library.
        ValidationError: if ``schema_version`` is missing or not an integer, or no
            migration leads from it to the current version.
    """
    if type(data) is not dict:
        return data
    if "schema_version" not in data:
        raise ValidationError.single("$.schema_version", "is required")
    version = data["schema_version"]
    if type(version) is not int:
        raise ValidationError.single(
            "$.schema_version", f"expected an integer, got {_type_name(version)}"
        )
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(version, SCHEMA_VERSION)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValidationError.single(
                "$.schema_version", f"no migration from version {version} to {SCHEMA_VERSION}"
            )
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data


def to_json(obj: object, *, indent: bool = False) -> str:
    """Return a model instance as a JSON string.

    Args:
        obj: The instance.
        indent: Indent by two spaces (for files people read).

    Raises:
        TypeError: if *obj* is not an instance of a model.
    """
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(to_dict(obj), option=option).decode("utf-8")


def from_json(cls: type[T], data: str | bytes | bytearray | memoryview) -> T:
    """Parse JSON text and build a validated instance of *cls*.

    Raises:
        DecodeError: if *data* is not well-formed JSON (including NaN, Infinity,
            invalid UTF-8, nesting deeper than 1,024 levels) or its top level is not an object.
        ValidationError: listing every problem with its path.
        SchemaVersionError: if the document is newer than this library.
    """
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    try:
        raw = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise DecodeError(f"invalid JSON: {exc}") from None
    if type(raw) is not dict and cls is not PartialDate:
        raise DecodeError(f"expected a JSON object at the top level, got {_type_name(raw)}")
    return from_dict(cls, raw)
