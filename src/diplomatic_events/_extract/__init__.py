"""The rule-based extractor: English news text in, validated events out.

Pipeline (each stage in its own module):

1. :mod:`._text` - headline, captions, dateline and sentences with offsets;
2. :mod:`._mentions` - states, demonyms, capitals, persons (title + name, then by
   surname), organizations, armed forces and places, from the tables in
   ``diplomatic_events/rules/`` (:mod:`._gazetteer`);
3. :mod:`._temporal` - temporal expressions, resolved against the publication date;
4. :mod:`._rules` - meeting, agreement and exercise observations per clause;
5. :mod:`._assemble` - observations merged into :class:`~diplomatic_events.Meeting`,
   :class:`~diplomatic_events.Agreement` and :class:`~diplomatic_events.Exercise`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from diplomatic_events._extract import _gazetteer
from diplomatic_events._extract._assemble import Assembler
from diplomatic_events._extract._gazetteer import Gazetteer, normalize
from diplomatic_events._extract._mentions import Mention, find_mentions
from diplomatic_events._extract._rules import Reader
from diplomatic_events._extract._temporal import find_dates
from diplomatic_events._extract._text import split
from diplomatic_events._fastcheck import new_article, new_event_set, new_location
from diplomatic_events._models import Article, EventSet
from diplomatic_events.exceptions import ValidationError
from diplomatic_events.vocab import LocationKind

__all__ = ["extract"]

#: Most sentences read for events; a longer text is read up to here (its events are
#: almost always stated early, and the cap bounds time on pathological input).
MAX_SENTENCES: Final = 4000

# (The range written with chr: mypyc, compiling this module, takes no lone surrogate in
# a string literal.)
_SURROGATE: Final = re.compile("[" + chr(0xD800) + "-" + chr(0xDFFF) + "]")
_ALIAS_AFTER: Final = re.compile(r"(?:[\s-]*\d{2,4})?\s\((?P<a>[A-Z][A-Za-z0-9-]{1,9})\)")


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
) -> EventSet:
    """Read the meetings, agreements and exercises an English news text states.

    Deterministic and offline: the same input gives the same output. Text with no
    event gives an event set holding only the article; no input makes it raise
    except a broken rule table. Lone surrogates (which cannot be written as UTF-8)
    are replaced by U+FFFD in the returned article; offsets are unchanged.

    Args:
        text: The article's text (headline, captions and body as lines).
        published: Its publication date; relative dates ("on Thursday", "last
            year") are resolved against it and left None without it.
        title: Its headline, if known apart from the text.
        url: Where it was published.

    Returns:
        The events, every party they involve, and the source article.

    Raises:
        InvalidRulesError: if a rule table shipped with the package is malformed.

    .. versionadded:: 0.1.0
    """
    gaz = _gazetteer.load()
    _gazetteer.clear_caches()
    try:
        return _extract(text, gaz, published, title, url)
    finally:
        _gazetteer.clear_caches()


def _extract(
    text: str, gaz: Gazetteer, published: dt.date | None, title: str | None, url: str | None
) -> EventSet:
    sections = split(text)
    headline = next(
        (text[s.start : s.end] for s in sections.sentences if s.section == "headline"), None
    )
    try:
        article = _article(text, published, title or headline, url, sections.dateline)
    except ValidationError:
        # The text holds a lone surrogate, the one fault _article's fallback can meet (the
        # article's check is the test for it, run once): it cannot be written as UTF-8, so
        # U+FFFD takes its place one for one (every offset still points at the same text)
        # and the text is read again from the start (once: the new text holds none).
        clean = str(_SURROGATE.sub("\ufffd", text))
        if clean == text and type(text) is str:  # pragma: no cover - no other fault
            raise
        return _extract(clean, gaz, published, title, url)
    read = sections.sentences[:MAX_SENTENCES]
    limit = read[-1].end if read else 0
    mentions, persons = find_mentions(text, gaz, limit)
    dates = find_dates(text, 0, limit)
    aliases = _exercise_aliases(text, mentions)
    reader = Reader(text, published, gaz, mentions, persons, dates, aliases)
    if sections.dateline_span is not None:
        written = sections.dateline.title() if sections.dateline else ""
        place = gaz.phrases.get(normalize(written))
        if place is not None and place.kind == "seat":
            reader.dateline = new_location(place.canonical, place.code, LocationKind.CITY)
        elif (
            place is None
            and written
            and sections.dateline
            and (
                sections.dateline.isupper()
                # "Geneva (AFP) -": a credited dateline in title case
                or text.startswith(" (", sections.dateline_span[1])
            )
        ):
            # "SOCHI, Russia, Sept 4 -": a city the tables do not know, in the state after it.
            after = text[sections.dateline_span[1] : sections.dateline_span[1] + 30]
            state = next((m for m in mentions if m.start >= sections.dateline_span[1]), None)
            code = (
                state.code
                if state is not None
                and state.kind == "country"
                and after.startswith(", ")
                and state.start == sections.dateline_span[1] + 2
                else None
            )
            try:
                reader.dateline = new_location(written, code, LocationKind.CITY)
            except ValidationError:  # pragma: no cover - a dateline is plain text
                reader.dateline = None
        if reader.dateline is not None:
            reader.dateline_paragraph = next(
                (s.paragraph for s in sections.sentences if s.start >= sections.dateline_span[1]),
                -1,
            )
    for index, sentence in enumerate(read):
        reader.read(index, sentence)
    assembler = Assembler(text, published, persons)
    meetings, agreements, exercises = assembler.build(
        reader.meetings, reader.agreements, reader.exercises
    )
    parties = assembler.parties_of(meetings, agreements, exercises, reader)
    try:
        return new_event_set(
            article=article,
            parties=parties,
            meetings=meetings,
            agreements=agreements,
            exercises=exercises,
        )
    except ValidationError:  # pragma: no cover - assembly builds only valid sets
        return EventSet(article=article)


def _article(
    text: str, published: dt.date | None, title: str | None, url: str | None, dateline: str | None
) -> Article:
    def clean(value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        return value or None

    try:
        return new_article(
            text=text,
            title=clean(title),
            published=published,
            url=clean(url),
            outlet=None,
            dateline=clean(dateline),
        )
    except ValidationError:
        return Article(text=text, published=published if type(published) is dt.date else None)


def _exercise_aliases(text: str, mentions: list[Mention]) -> dict[str, str]:
    # "exercise Justified Accord (JA24)": JA24 names the same exercise later on.
    out: dict[str, str] = {}
    for m in mentions:
        if m.kind != "exercise":
            continue
        match = _ALIAS_AFTER.match(text, m.end)
        if match is not None and len(out) < 20:
            out[match.group("a")] = m.name
    return out
