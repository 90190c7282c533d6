"""The loader's public entry points: :func:`extract`, :func:`seed_article`, :func:`load_seed`."""

from __future__ import annotations

import datetime as dt
import functools
import json
from importlib import resources

import attrs

from diplomatic_events._models import Article, EventSet

__all__ = ["extract", "load_seed", "seed_article"]

_SEED_META = "000_37755c9e1f30a911.meta.json"


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
) -> EventSet:
    """Read one English news article and return the events it states.

    Meetings, agreements and exercises come with their parties, dates, places and
    statuses, and every one carries the spans of *text* it was read from.
    Relative dates ("on Thursday", "last year") are resolved against *published*;
    without it they stay unresolved but keep their words.
    Text that reports no diplomatic event gives an :class:`EventSet` with no events.
    The function is pure and deterministic, needs no network, and never raises for
    any text.

    Args:
        text: The article: headline, caption, dateline and body as plain text.
        published: The publication date.
        title: The headline, if it is not the text's first line.
        url: Where the article was published.

    Raises:
        TypeError: if *text* is not a string or *published* not a date.
        InvalidRulesError: if a vocabulary table of the extractor is malformed (a fault
            of the installed rule set, never of the text).

    Example:
        >>> events = extract("No diplomacy was reported today.")
        >>> events.meetings, events.agreements, events.exercises
        ((), (), ())
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if published is not None and type(published) is not dt.date:
        if isinstance(published, dt.datetime):
            published = published.date()
        else:
            raise TypeError(f"published must be a datetime.date, got {type(published).__name__}")
    # The extractor's code and tables load on first use, so users of the models alone
    # never pay for them.
    from diplomatic_events._extract import extract as _extract  # noqa: PLC0415

    return _extract(text, published=published, title=title, url=url)


@functools.cache
def seed_article() -> Article:
    """Return the bundled seed article: a report of a Japan-France leaders' meeting.

    The text and its metadata (title, publication date, url, outlet) ship inside the
    package, so this works from an installed wheel.
    """
    folder = resources.files("diplomatic_events") / "data" / "seed"
    meta = json.loads((folder / _SEED_META).read_text(encoding="utf-8"))
    text = (folder / meta["file"]).read_text(encoding="utf-8")
    return Article(
        text=text,
        title=meta["title"],
        published=dt.date.fromisoformat(meta["published"]),
        url=meta["url"],
        outlet=meta["outlet"],
    )


def load_seed() -> EventSet:
    """Return the events of the bundled seed article, as :func:`extract` reads them."""
    article = seed_article()
    events = extract(
        article.text, published=article.published, title=article.title, url=article.url
    )
    source = events.article if events.article is not None else article
    return attrs.evolve(events, article=attrs.evolve(source, outlet=article.outlet))
