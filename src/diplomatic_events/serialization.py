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
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
import orjson
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

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
    _agreement_id,
    _exercise_id,
    _meeting_id,
    _party_id,
)
from diplomatic_events._repr import show as _show
from diplomatic_events.exceptions import (
    DecodeError,
    Problem,
    SchemaVersionError,
    ValidationError,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

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
_DERIVED_KEYS: Final[Mapping[type, tuple[str, ...]]] = {
    Party: ("id",),
    Meeting: ("id",),
    Exercise: ("id",),
    Agreement: ("id", "status", "date"),
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


def _class_hooks(converter: cattrs.Converter, cls: type[T]) -> Callable[[object, type], T]:
    # The detailed converter's hook: every problem of the object, each with its path.
    base = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=False,
        _cattrs_detailed_validation=True,
    )
    derived = _DERIVED_KEYS.get(cls, ())
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    allowed = frozenset(a.name for a in fields) | frozenset(derived)
    required = [a.name for a in fields if a.default is attrs.NOTHING]

    def structure(value: object, _: type) -> T:
        if type(value) is not dict:
            raise _fail(f"expected an object, got {_type_name(value)}")
        extra = value.keys() - allowed
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
        _check_derived(value, obj, derived)
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


def _check_derived(value: Mapping[str, Any], obj: object, keys: tuple[str, ...]) -> None:
    problems = []
    for key in keys:
        if key in value and value[key] != (want := _DERIVED_VALUE[key](obj)):
            reason = f"{_show(value[key])} does not match the content, which gives {_show(want)}"
            problems.append(Problem(f"$.{key}", reason))
    if problems:
        raise ValidationError(problems)


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


# ---- the fast path: one generated function per class ----------------------------------
#
# cattrs' generated functions call a hook per field through the converter's dispatch,
# and the attrs constructor then checks every field again. For valid documents (nearly
# all of them) that is twice the work. The functions generated here read each field of
# a dict straight into the model's constructor with an inline strict type check,
# convert only enums, dates and arrays, and leave the rules to the model's own check.
# They raise on any problem without saying where: the caller then re-runs the detailed
# cattrs converter on the same data, which finds every problem and its path. So they
# must reject whatever the detailed converter rejects (or the fast path would accept a
# bad document); rejecting more only costs time.
#
# Parties and locations repeat: an event set lists every party once and again inside
# each event. Within one call, a party or location dict equal to one already built,
# with values of the very same types (exact str, None, lists of exact str), gives the
# same immutable instance instead of being built and checked again.


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Final = _Missing()
# What a missing array reads as; never changed.
_EMPTY: Final[list[Any]] = []
# A memo key that marks a document parsed from JSON text (see _memo_lookup).
_FROM_JSON: Final = _Missing()
# The key a memoized class files its instances under: a field that tells most apart.
_MEMO_HINT: Final[Mapping[type, str]] = {Party: "id", Location: "name"}
_CLEAN_TYPES: Final = frozenset({str, type(None), list})


def _clean_types(value: dict[Any, Any]) -> tuple[type, ...] | None:
    # The types of a dict's values, if it holds nothing but exact str, None, and lists of
    # exact str: then equal dicts with equal types hold identical content.
    types_ = tuple(map(type, value.values()))
    if not _CLEAN_TYPES.issuperset(types_):
        return None
    for item in value.values():
        if type(item) is list:
            for x in item:
                if type(x) is not str:
                    return None
    return types_


def _structure_day_fast(value: object) -> dt.date:
    return _structure_date(value, dt.date)


def _structure_partial_date_fast(value: object) -> PartialDate:
    if type(value) is not str:
        raise _fail("expected an ISO date string")
    return PartialDate.parse(value)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _field_kind(tp: Any) -> tuple[str, Any]:
    """Classify a field's type as (kind, argument) for the code generators."""
    optional = False
    args = get_args(tp)
    if get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            raise TypeError(f"unsupported field type {tp!r}")
        tp, optional = rest[0], True
    prefix = "opt_" if optional else ""
    if tp is str or tp is int:
        return prefix + "scalar", tp
    if tp is PartialDate or tp is dt.date:
        return prefix + "date", tp
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return prefix + "enum", tp
    if _is_tuple_of(tp) and not optional:
        item = get_args(tp)[0]
        if item is str:
            return "strs", str
        if attrs.has(item):
            return "models", item
    if isinstance(tp, type) and attrs.has(tp):
        return prefix + "model", tp
    raise TypeError(f"unsupported field type {tp!r}")


_Fast = Callable[[Any, dict[Any, Any]], Any]


def _fast_structure_fns() -> dict[type, _Fast]:
    """Generate the fast structuring function of every model class."""
    fns: dict[type, _Fast] = {}
    namespace: dict[str, Any] = {
        "_MISSING": _MISSING,
        "_EMPTY": _EMPTY,
        "_setattr": object.__setattr__,
        "_FROM_JSON": _FROM_JSON,
        "_fail": _fail,
        "_clean_types": _clean_types,
        "_exact_strs": _exact_strs,
        "_day": _structure_day_fast,
        "_pdate": _structure_partial_date_fast,
        "_fns": fns,
    }
    for cls in MODELS.values():
        if cls is PartialDate:
            continue
        name = f"_structure_{cls.__name__}"
        exec(_fast_structure_source(cls, name, namespace), namespace)  # noqa: S102 - generated from the models' own fields
        fns[cls] = namespace[name]
    fns[PartialDate] = lambda value, _memo: _structure_partial_date_fast(value)
    for cls, fn in fns.items():
        # Looked up as globals when called, so a function may call one defined later.
        namespace[f"_fn_{cls.__name__}"] = fn
    return fns


def _fast_structure_source(cls: type, name: str, ns: dict[str, Any]) -> str:
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    derived = _DERIVED_KEYS.get(cls, ())
    allowed = tuple(a.name for a in fields) + derived
    ns[f"_allowed_{name}"] = frozenset(allowed)
    ns[f"_cls_{name}"] = cls
    body = [
        f"def {name}(v, memo):",
        "    if type(v) is not dict:",
        "        raise _fail('not an object')",
    ]
    if cls in _MEMO_HINT:
        # (An equal dict has the same keys, so the check of the keys can come after.)
        body += _memo_lookup(cls, name, hints)
    body += [
        f"    if not v.keys() <= _allowed_{name}:",
        "        raise _fail('unknown key')",
    ]
    args = []
    for i, a in enumerate(fields):
        kind, arg = _field_kind(hints[a.name])
        var = f"x{i}"
        required = a.default is attrs.NOTHING
        if isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{a.name}: factory defaults are not supported")
        if required:
            body.append(f"    {var} = v[{a.name!r}]")
        elif a.default is None and kind.startswith("opt_"):
            # Missing reads as None, the default, which the check below lets through.
            body.append(f"    {var} = v.get({a.name!r})")
            required = True
        elif a.default == () and kind in {"strs", "models"}:
            # Missing reads as an empty list, which the lines below turn into ().
            body.append(f"    {var} = v.get({a.name!r}, _EMPTY)")
            required = True
        else:
            ns[f"_default_{name}_{i}"] = a.default
            body.append(f"    {var} = v.get({a.name!r}, _MISSING)")
            body.append(f"    if {var} is _MISSING:")
            body.append(f"        {var} = _default_{name}_{i}")
            body.append("    else:")
        pad = "    " if required else "        "
        body += [pad + line for line in _convert_lines(kind, arg, var, f"{name}_{i}", ns)]
        args.append(f"{a.name}={var}")
    body.append(f"    obj = _cls_{name}({', '.join(args)})")
    if "id" in derived:
        # Fill the id's cache at once: reading obj.id first would find the slot empty,
        # catch the AttributeError and only then compute the id.
        ns[f"_id_of_{name}"] = _ID_OF[cls]
        body.append(f"    oid = _id_of_{name}(obj)")
        body.append("    _setattr(obj, '_id', oid)")
    for key in derived:
        expr = "oid" if key == "id" else f"_derived_{name}_{key}(obj)"
        if key != "id":
            ns[f"_derived_{name}_{key}"] = _DERIVED_VALUE[key]
        body.append(f"    if (d := v.get({key!r}, _MISSING)) is not _MISSING and d != {expr}:")
        body.append(f"        raise _fail('{key} does not match the content')")
    if cls in _MEMO_HINT:
        body.append("    if key is not None and (types_ := _clean_types(v)) is not None:")
        body.append("        memo[key] = (v, types_, obj)")
    body.append("    return obj")
    return "\n".join(body) + "\n"


def _memo_lookup(cls: type, name: str, hints: dict[str, Any]) -> list[str]:
    # A hit needs an equal dict whose values have the very same types, list items
    # included; only clean dicts are filed (see _clean_types), so the content is identical.
    # Values parsed from JSON are exact str, None or list, and a value equal to an exact
    # str (None, list of str) parsed from JSON is one, so there equality alone suffices.
    hint = _MEMO_HINT[cls]
    lists = [k for k, tp in hints.items() if _field_kind(tp)[0] == "strs"]
    return [
        f"    key = ({name!r}, v.get({hint!r}))",
        "    try:",
        "        hit = memo.get(key)",
        "    except TypeError:",
        "        key = hit = None",
        "    if (",
        "        hit is not None",
        "        and hit[0] == v",
        "        and (",
        "            _FROM_JSON in memo",
        "            or (",
        "                hit[1] == tuple(map(type, v.values()))",
        *(f"                and (not v.get({k!r}) or _exact_strs(v[{k!r}]))" for k in lists),
        "            )",
        "        )",
        "    ):",
        "        return hit[2]",
    ]


def _exact_strs(items: list[Any]) -> bool:
    for x in items:  # noqa: SIM110 - a plain loop is twice as fast as all() on a generator
        if type(x) is not str:
            return False
    return True


def _convert_lines(kind: str, arg: Any, var: str, ref: str, ns: dict[str, Any]) -> list[str]:
    # Lines that check (and for enums, dates and arrays, convert) the raw value in
    # *var*; *ref* names this field's constants in the generated module's namespace.
    fail = "raise _fail('wrong type')"
    ns[f"_item_{ref}"] = arg
    call = f"_fn_{arg.__name__}" if attrs.has(arg) else ""
    if kind == "scalar":
        return [f"if type({var}) is not {arg.__name__}:", f"    {fail}"]
    if kind == "opt_scalar":
        return [f"if {var} is not None and type({var}) is not {arg.__name__}:", f"    {fail}"]
    if kind in {"date", "opt_date"}:
        fn = "_pdate" if arg is PartialDate else "_day"
        if kind == "date":
            return [f"{var} = {fn}({var})"]
        return [f"if {var} is not None:", f"    {var} = {fn}({var})"]
    if kind in {"enum", "opt_enum"}:
        ns[f"_members_{ref}"] = {m.value: m for m in arg}
        convert = [
            f"{var} = _members_{ref}.get({var}) if type({var}) is str else None",
            f"if {var} is None:",
            f"    {fail}",
        ]
        if kind == "enum":
            return convert
        return [f"if {var} is not None:", *("    " + line for line in convert)]
    if kind == "strs":
        return [
            f"if type({var}) is not list:",
            f"    {fail}",
            f"for item in {var}:",
            "    if type(item) is not str:",
            f"        {fail}",
            f"{var} = tuple({var})",
        ]
    if kind == "models":
        return [
            f"if type({var}) is not list:",
            f"    {fail}",
            f"s = {call}",
            f"{var} = tuple([s(item, memo) for item in {var}])",
        ]
    if kind == "model":
        return [f"{var} = {call}({var}, memo)"]
    if kind == "opt_model":
        return [f"if {var} is not None:", f"    {var} = {call}({var}, memo)"]
    raise TypeError(kind)  # pragma: no cover - _field_kind returns only the kinds above


# How each id is computed (the models' ``id`` properties call these).
_ID_OF: Final[Mapping[type, Callable[[Any], str]]] = {
    Party: _party_id,
    Meeting: _meeting_id,
    Agreement: _agreement_id,
    Exercise: _exercise_id,
}

_DERIVED_VALUE: Final[Mapping[str, Callable[[Any], Any]]] = {
    "id": lambda o: o.id,
    "status": lambda a: a.status.value,
    "date": lambda a: _opt_str(a.date),
}


_Unstructure = Callable[[Any, "dict[int, Any] | None"], Any]


def _partial_date_to_str(obj: PartialDate, _memo: object) -> str:
    return str(obj)


def _fast_unstructure_fns() -> dict[type, _Unstructure]:
    """Generate the unstructuring function of every model class."""
    fns: dict[type, _Unstructure] = {}
    namespace: dict[str, Any] = {"_fns": fns, "_opt_str": _opt_str}
    for cls in MODELS.values():
        if cls is PartialDate:
            continue
        name = f"_unstructure_{cls.__name__}"
        exec(_unstructure_source(cls, name, namespace), namespace)  # noqa: S102 - generated from the models' own fields
        fns[cls] = namespace[name]
    fns[PartialDate] = _partial_date_to_str
    return fns


# Where derived values go: first, except an agreement's status and date, which sit
# beside its name where readers of agreements[] look first.
_KEY_ORDER: Final[Mapping[type, tuple[str, ...]]] = {
    Agreement: ("id", "name", "acronym", "kind", "status", "date"),
}


def _unstructure_source(cls: type, name: str, ns: dict[str, Any]) -> str:
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    derived = _DERIVED_KEYS.get(cls, ())
    exprs: dict[str, str] = {}
    for key in derived:
        exprs[key] = {
            "id": "o.id",
            "status": "o.status._value_",
            "date": "_opt_str(o.date)",
        }[key]
    for i, a in enumerate(fields):
        kind, arg = _field_kind(hints[a.name])
        value = f"o.{a.name}"
        item = f"_item_{name}_{i}"
        ns[item] = arg
        exprs[a.name] = {
            "scalar": value,
            "opt_scalar": value,
            "date": f"{value}.isoformat()" if arg is dt.date else f"str({value})",
            "opt_date": (
                f"(None if {value} is None else {value}.isoformat())"
                if arg is dt.date
                else f"_opt_str({value})"
            ),
            "enum": f"{value}._value_",
            "opt_enum": f"(None if {value} is None else {value}._value_)",
            "strs": f"list({value})",
            "models": f"[_fns[{item}](x, memo) for x in {value}]",
            "model": f"_fns[{item}]({value}, memo)",
            "opt_model": f"(None if {value} is None else _fns[{item}]({value}, memo))",
        }[kind]
    order = list(_KEY_ORDER.get(cls, derived))
    order += [k for k in exprs if k not in order]
    items = ", ".join(f"{k!r}: {exprs[k]}" for k in order)
    if cls not in _MEMO_HINT:
        return f"def {name}(o, memo):\n    return {{{items}}}\n"
    # to_json passes a memo: a party repeated across events is written from one dict.
    # to_dict passes None, so the dicts it returns are never shared.
    return (
        f"def {name}(o, memo):\n"
        "    if memo is None:\n"
        f"        return {{{items}}}\n"
        "    d = memo.get(id(o))\n"
        "    if d is None:\n"
        f"        d = memo[id(o)] = {{{items}}}\n"
        "    return d\n"
    )


@functools.cache
def _fast() -> tuple[dict[type, _Fast], dict[type, _Unstructure]]:
    return _fast_structure_fns(), _fast_unstructure_fns()


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
    if detailed:
        converter.register_structure_hook_factory(
            lambda t: t in classes, lambda t: _class_hooks(converter, t)
        )
    else:
        converter.register_structure_hook_factory(lambda t: t in classes, _fast_class_hook)
    converter.register_unstructure_hook_factory(lambda t: t in classes, _unstructure_hook)


def _unstructure_hook(cls: type) -> Callable[[Any], Any]:
    unstructure = _fast()[1][cls]
    return lambda obj: unstructure(obj, None)


def _fast_class_hook(cls: type[T]) -> Callable[[object, type], T]:
    fast = _fast()[0][cls]

    def structure(value: object, _: type) -> T:
        try:
            return fast(value, {})  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 - re-run with paths to say exactly what is wrong
            return _structure_detailed(cls, value)

    return structure


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
def _detailed_converter() -> cattrs.Converter:
    return make_converter(detailed=True)


def _structure_detailed(cls: type[T], data: object) -> T:
    try:
        result: T = _detailed_converter().structure(data, cls)
    except ValidationError:
        raise
    except RecursionError:
        raise _fail("the document is nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - every failure becomes a ValidationError
        raise ValidationError(_problems_of(exc)) from None
    return result


# ---- the public functions ------------------------------------------------------------


def to_dict(obj: object) -> Any:
    """Return the JSON-ready form of a model instance (dicts, lists, strings, numbers, None).

    Raises:
        TypeError: if *obj* is not an instance of a model.
    """
    return _unstructure(obj, None)


def _unstructure(obj: object, memo: dict[int, Any] | None) -> Any:
    unstructure = _fast()[1].get(type(obj))
    if unstructure is None:
        raise TypeError(f"expected a diplomatic_events model, got {type(obj).__name__}")
    return unstructure(obj, memo)


def from_dict(cls: type[T], data: object) -> T:
    """Build and validate an instance of model *cls* from its JSON-ready form.

    An :class:`~diplomatic_events.EventSet` document of an older ``schema_version`` is
    migrated first (see :data:`MIGRATIONS`).

    Raises:
        ValidationError: listing every problem with its path.
        SchemaVersionError: if the document is newer than this library.
        TypeError: if *cls* is not a model class.
    """
    return _from_dict(cls, data, {})


def _from_dict(cls: type[T], data: object, memo: dict[Any, Any]) -> T:
    fast = _fast()[0].get(cls)
    if fast is None:
        raise TypeError(f"expected a diplomatic_events model class, got {cls!r}")
    if cls is EventSet:
        data = migrate(data)
    try:
        return fast(data, memo)  # type: ignore[no-any-return]
    except RecursionError:
        raise _fail("the document is nested too deeply") from None
    except Exception:  # noqa: BLE001, S110 - re-run with paths to say exactly what is wrong
        pass
    # Only a failing document gets here (the fast path accepts every valid one), so
    # this raises; returning covers a fast path stricter than the rules.
    return _structure_detailed(cls, data)


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
        if version.bit_length() > 63:
            # Too long for Python to print in SchemaVersionError's message.
            raise ValidationError.single(
                "$.schema_version", f"{_show(version)} is not a schema version"
            )
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
    return orjson.dumps(_unstructure(obj, {}), option=option).decode("utf-8")


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
    return _from_dict(cls, raw, {_FROM_JSON: True})
