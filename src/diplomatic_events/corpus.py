"""Running the extractor over a corpus: one JSON article per line in, one event set per line out.

The functions here are the public plug point for corpus engines (multiprocessing, Dask,
Spark): see docs/corpus.md.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from typing import IO, TYPE_CHECKING, Any, Final

import attrs
import orjson

from diplomatic_events._loader import extract
from diplomatic_events.serialization import to_json

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["CorpusReport", "LineError", "extract_line", "extract_many"]

_KEYS: Final = frozenset({"text", "published", "title", "url"})


@attrs.frozen
class LineError:
    """One input line that could not be read, and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        """Render as ``line N: reason``."""
        return f"line {self.line}: {self.reason}"


@attrs.frozen
class CorpusReport:
    """What a corpus run did: how many articles it wrote and which lines it skipped."""

    written: int
    errors: tuple[LineError, ...]


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if type(value) is not str:
        raise ValueError(f"'{key}' must be a string or null")
    return value.strip() or None


def extract_line(raw: str | bytes) -> str:
    """Extract the events of one JSON Lines record and return them as one JSON line.

    The record is an object ``{"text": ..., "published"?: "YYYY-MM-DD", "title"?: ...,
    "url"?: ...}``.
    This is the function to map over a corpus on any engine (multiprocessing, Dask,
    Spark): it is pure and its input and output are plain strings.

    Raises:
        ValueError: if the line is not such an object.
    """
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc}") from None
    if type(record) is not dict:
        raise ValueError("expected a JSON object")
    unknown = record.keys() - _KEYS
    if unknown:
        raise ValueError(f"unknown key {min(unknown)!r}")
    text = record.get("text")
    if type(text) is not str:
        raise ValueError("'text' must be a string")
    published_raw = _optional_str(record, "published")
    published = None
    if published_raw is not None:
        try:
            published = dt.date.fromisoformat(published_raw)
        except ValueError:
            raise ValueError(f"'published' {published_raw!r} is not a date YYYY-MM-DD") from None
    events = extract(
        text,
        published=published,
        title=_optional_str(record, "title"),
        url=_optional_str(record, "url"),
    )
    return to_json(events)


def _work(item: tuple[int, bytes]) -> tuple[int, str | None, str | None]:
    number, raw = item
    try:
        return number, extract_line(raw), None
    except Exception as exc:  # noqa: BLE001 - one bad line must never end the run
        return number, None, str(exc) or type(exc).__name__


def _numbered(lines: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield number, raw


def extract_many(
    source: IO[bytes],
    sink: IO[str],
    *,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> CorpusReport:
    """Extract every article of a JSON Lines stream, in order, in parallel.

    Blank lines are skipped silently; a line that is not a valid article record is
    reported with its number and skipped, and the run goes on.

    Args:
        source: The JSON Lines input, opened in binary mode.
        sink: Where to write one event set per line.
        workers: Processes to use; 1 runs in this process; None uses every core.
        progress: Called with the number of input lines done so far.

    Returns:
        How many event sets were written and which lines were skipped.
    """
    workers = workers or os.cpu_count() or 1
    errors: list[LineError] = []
    written = 0

    def consume(results: Iterable[tuple[int, str | None, str | None]]) -> None:
        nonlocal written
        for done, (number, out, error) in enumerate(results, start=1):
            if out is not None:
                sink.write(out)
                sink.write("\n")
                written += 1
            else:
                errors.append(LineError(number, error or "unreadable"))
            if progress is not None:
                progress(done)

    if workers == 1:
        consume(map(_work, _numbered(source)))
    else:
        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            consume(pool.imap(_work, _numbered(source), chunksize=16))
    return CorpusReport(written=written, errors=tuple(errors))
