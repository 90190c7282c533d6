"""The ``diplomatic-events`` command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

from diplomatic_events import __version__
from diplomatic_events._loader import extract, load_seed
from diplomatic_events._models import Agreement, EventSet, Exercise, Meeting, Party
from diplomatic_events.exceptions import DecodeError, ValidationError
from diplomatic_events.serialization import MODELS, from_json, to_json

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]

_EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, no usage dump: bad usage is exit 2 with a one-line message.
        self.exit(_EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="diplomatic-events",
        description="Typed diplomatic-event data: extract events from news, validate JSON.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    seed = sub.add_parser("seed", help="print the events of the bundled seed article")
    seed.add_argument("--format", choices=("text", "json"), default="text")

    ext = sub.add_parser("extract", help="extract the events of one article")
    ext.add_argument("file", help="a UTF-8 text file, or - for standard input")
    ext.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    ext.add_argument("--title", help="the headline, if not the first line")
    ext.add_argument("--url", help="where the article was published")
    ext.add_argument("--format", choices=("text", "json"), default="text")

    many = sub.add_parser("extract-many", help="extract a JSON Lines corpus, one article a line")
    many.add_argument("input", help="JSON Lines file of {text, published?, title?, url?}, or -")
    many.add_argument("-o", "--output", required=True, help="JSON Lines output file, or -")
    many.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")

    val = sub.add_parser("validate", help="check an event-set JSON file")
    val.add_argument("file", help="a JSON file, or - for standard input")

    schema = sub.add_parser("schema", help="print the JSON Schema of a model")
    schema.add_argument("model", nargs="?", default="EventSet", help=", ".join(MODELS))
    return parser


def _fail(message: str) -> NoReturn:
    print(f"diplomatic-events: error: {message}", file=sys.stderr)
    raise SystemExit(_EXIT_USAGE)


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        _fail(f"cannot read {name}: {exc.strerror or exc}")


def _read_text(name: str) -> str:
    data = _read_bytes(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _fail(f"{name} is not UTF-8 text (byte {exc.start})")


# ---- the text summary ----------------------------------------------------------------


def _party(p: Party) -> str:
    if p.title:
        return f"{p.title} {p.name} ({p.country})" if p.country else f"{p.title} {p.name}"
    return f"{p.name} ({p.country})" if p.country and p.country != p.name else p.name


def _sentence(source: str, start: int, end: int) -> str:
    # The sentence around a span: from the previous sentence end or line break to the next.
    left = max(source.rfind(". ", 0, start), source.rfind("\n", 0, start))
    # A span may end on its sentence's full stop, so look for the end from its last character.
    last = max(end - 1, start)
    right_candidates = [i for i in (source.find(". ", last), source.find("\n", last)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(source)
    return " ".join(source[left + 1 : right].split())


def _evidence(events: EventSet, event: Meeting | Agreement | Exercise) -> str | None:
    if not event.evidence or events.article is None:
        return None
    text = events.article.text
    # A headline restates the story in shorthand; the first body sentence says more.
    title = events.article.title
    headline_end = len(title) if title and text.startswith(title) else 0
    span = next((s for s in event.evidence if s.start >= headline_end), event.evidence[0])
    return _sentence(text, span.start, span.end)


def summary(events: EventSet) -> str:
    """Return a readable summary: one block per event, then its evidence sentence."""
    blocks: list[str] = []
    art = events.article
    if art is not None:
        head = art.title or "(untitled article)"
        blocks.append(f"{head}\n  published: {art.published or 'unknown'}")
    for m in events.meetings:
        lines = [
            "MEETING",
            f"  status: {m.status.value}",
            f"  date: {m.date or 'unknown'}" + (f" ({m.date_text})" if m.date_text else ""),
            f"  place: {m.location.name if m.location else 'unknown'}",
            "  parties: " + "; ".join(_party(p) for p in m.participants),
        ]
        if m.topics:
            lines.append("  topics: " + "; ".join(m.topics))
        blocks.append("\n".join(lines + _quote(events, m)))
    for a in events.agreements:
        name = f"{a.name} ({a.acronym})" if a.acronym else a.name
        lines = [
            f"AGREEMENT {name}",
            f"  status: {a.status.value}",
            f"  date: {a.date or 'unknown'}",
            "  parties: " + "; ".join(_party(p) for p in a.parties),
        ]
        blocks.append("\n".join(lines + _quote(events, a)))
    for e in events.exercises:
        lines = [
            f"EXERCISE {e.name or '(unnamed)'}",
            f"  status: {e.status.value}",
            f"  date: {e.start or 'unknown'}"
            + (f" to {e.end}" if e.end else "")
            + (f" ({e.date_text})" if e.date_text else ""),
            "  place: " + ("; ".join(loc.name for loc in e.locations) or "unknown"),
            "  parties: " + "; ".join(_party(p) for p in e.participants),
        ]
        blocks.append("\n".join(lines + _quote(events, e)))
    if not (events.meetings or events.agreements or events.exercises):
        blocks.append("no diplomatic events found")
    return "\n\n".join(blocks) + "\n"


def _quote(events: EventSet, event: Meeting | Agreement | Exercise) -> list[str]:
    sentence = _evidence(events, event)
    return [f'  evidence: "{sentence}"'] if sentence else []


def _emit(events: EventSet, fmt: str, out: IO[str]) -> None:
    out.write(to_json(events) + "\n" if fmt == "json" else summary(events))


# ---- commands ------------------------------------------------------------------------


def _cmd_validate(name: str) -> int:
    data = _read_bytes(name)
    try:
        from_json(EventSet, data)
    except DecodeError as exc:
        print(f"$: {exc.reason}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return 1
    print(f"{name}: valid")
    return 0


def _cmd_schema(model: str) -> int:
    cls = MODELS.get(model)
    if cls is None:
        _fail(f"unknown model {model!r}; choose one of {', '.join(MODELS)}")
    from diplomatic_events._schema import json_schema  # noqa: PLC0415

    print(json.dumps(json_schema(cls), indent=2, ensure_ascii=False))
    return 0


def _cmd_extract_many(args: argparse.Namespace) -> int:
    from diplomatic_events.corpus import extract_many  # noqa: PLC0415

    if args.workers is not None and args.workers < 1:
        _fail("--workers must be at least 1")
    try:
        source = sys.stdin.buffer if args.input == "-" else Path(args.input).open("rb")  # noqa: SIM115
    except OSError as exc:
        _fail(f"cannot read {args.input}: {exc.strerror or exc}")
    try:
        sink = sys.stdout if args.output == "-" else Path(args.output).open("w", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        _fail(f"cannot write {args.output}: {exc.strerror or exc}")
    tty = sys.stderr.isatty()

    def progress(done: int) -> None:
        if done % 50 == 0:
            print(f"\r{done} articles", end="", file=sys.stderr, flush=True)

    with source, sink:
        report = extract_many(
            source, sink, workers=args.workers, progress=progress if tty else None
        )
    if tty:
        print("\r", end="", file=sys.stderr)
    for error in report.errors:
        print(f"diplomatic-events: skipped {error}", file=sys.stderr)
    print(
        f"{report.written} event sets written, {len(report.errors)} lines skipped",
        file=sys.stderr,
    )
    return 1 if report.errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "seed":
        _emit(load_seed(), args.format, sys.stdout)
        return 0
    if args.command == "extract":
        text = _read_text(args.file)
        events = extract(text, published=args.published, title=args.title, url=args.url)
        _emit(events, args.format, sys.stdout)
        return 0
    if args.command == "validate":
        return _cmd_validate(args.file)
    if args.command == "schema":
        return _cmd_schema(args.model)
    return _cmd_extract_many(args)
