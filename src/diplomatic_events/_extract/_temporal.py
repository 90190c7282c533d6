"""Temporal expressions: find them, and resolve them against the publication date.

Absolute dates keep the precision the text gives ("March 2023" is ``2023-03``).
Relative ones follow ANNOTATION.md: a weekday of a past event is the latest such day
on or before publication, of a scheduled event the next such day on or after it;
"last year" is the year before publication; without a publication date a relative
expression resolves to None but its words are kept as ``date_text``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attr
import attrs
from dateutil.relativedelta import relativedelta

from diplomatic_events._dates import PartialDate
from diplomatic_events._extract._gazetteer import _ascii_lowered, _lowered, fold_lower
from diplomatic_events._fastcheck import new_partial_date

__all__ = ["DateMention", "find_dates", "resolve"]

#: Month names as written, defined once for the whole extractor.
MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: Their abbreviations ("Sept" as well as "Sep"; "May" has none).
MONTH_ABBREVIATIONS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)
WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_MONTHS: Final = {
    **{name.lower(): k for k, name in enumerate(MONTH_NAMES, 1)},
    **{
        abbr.lower(): next(k for k, name in enumerate(MONTH_NAMES, 1) if name.startswith(abbr[:3]))
        for abbr in MONTH_ABBREVIATIONS
    },
}
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SATURDAY: Final = 5
_NUMBERS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "an": 1,
}

_M = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_Y = r"(?:1[5-9]|20)\d\d"
_RANGE = r"\s?(?:-|\u2013|to|and|through|until)\s?"
_DATE: Final = re.compile(
    rf"(?<![\w])(?:"
    rf"(?P<md>{_M})\s(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:{_RANGE}(?:(?P<md_m2>{_M})\s)?(?P<md_d2>\d{{1,2}})(?![\d,]\d))?(?:,?\s(?P<md_y>{_Y}))?"
    rf"|(?P<dm_d>\d{{1,2}})(?:{_RANGE}(?P<dm_d2>\d{{1,2}}))?\s(?P<dm>{_M})(?:,?\s(?P<dm_y>{_Y}))?"
    rf"|(?:(?P<my_q>late|early|mid-|mid|the end of|the start of|the beginning of)\s?)?(?P<my>{_M})"
    rf"(?:,?\s(?P<my_y>{_Y})|\s(?P<my_rel>(?i:this year|last year|next year)))?"
    rf"|(?P<wd>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
    rf"|(?P<rel>(?i:yesterday|today|tomorrow|tonight|last year|this year|next year|last month"
    rf"|this month|next month|last week|this week|next week|earlier this week|later this week"
    rf"|earlier this month|later this month|earlier this year|later this year|last weekend"
    rf"|this weekend|next weekend|the next day|the following day|the day before|the previous day))"
    rf"|(?P<ago>(?i:one|two|three|four|five|six|seven|eight|nine|ten|a|an|\d{{1,2}})\s"
    rf"(?i:years?|months?|weeks?|days?)\s(?i:later|earlier|ago|before|after))"
    rf"|(?P<year>{_Y})(?:\s?(?:-|\u2013)\s?(?P<year2>{_Y}))?"
    rf")(?![\w])"
)
_ISO: Final = re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])")


# attr.s rather than attrs.define/frozen: mypyc compiles attr.s classes as native
# classes, with fast attribute access. Native classes keep none of the __eq__,
# __hash__ and __repr__ attrs writes, so records compare and hash by identity in both
# builds (eq=False); the extractor never compares two records by value. The __init__
# is written out (init=False) so that mypyc compiles it too: the one attrs writes is
# run by the interpreter, some thousands of instructions a record. Not frozen (a
# native class keeps no __setattr__ either, so it never was in the compiled build):
# the __init__ stores each field directly, where object.__setattr__ past a frozen
# class's guard is a call of its own per field. Records are never changed once made
# (attrs.evolve makes a new one).
@attr.s(auto_attribs=True, slots=True, eq=False, init=False)
class DateMention:
    """One temporal expression.

    Attributes:
        start: Offset of its first character.
        end: Offset past its last character.
        text: Its words.
        kind: ``abs`` (calendar parts), ``weekday``, ``rel`` (a named relative
            phrase), ``ago`` (N units later/earlier/ago) or ``year``.
        year, month, day: Calendar parts stated (``abs``/``year``).
        end_year, end_month, end_day: The end of a stated range.
        rel: The relative phrase, lower-cased (``rel``), or the year phrase after a
            month ("this year").
        weekday: 0 = Monday (``weekday``).
        amount: N, and unit/direction for ``ago``.
        qualifier: "late", "early", ... before a month.
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    rel: str | None = None
    weekday: int | None = None
    amount: int | None = None
    unit: str | None = None
    direction: str | None = None
    qualifier: str | None = None

    def __init__(  # noqa: PLR0913, PLR0917 - the record's fields, as attrs would take them
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        year: int | None = None,
        month: int | None = None,
        day: int | None = None,
        end_year: int | None = None,
        end_month: int | None = None,
        end_day: int | None = None,
        rel: str | None = None,
        weekday: int | None = None,
        amount: int | None = None,
        unit: str | None = None,
        direction: str | None = None,
        qualifier: str | None = None,
    ) -> None:
        """Make the record from its fields."""
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.year = year
        self.month = month
        self.day = day
        self.end_year = end_year
        self.end_month = end_month
        self.end_day = end_day
        self.rel = rel
        self.weekday = weekday
        self.amount = amount
        self.unit = unit
        self.direction = direction
        self.qualifier = qualifier


def _month(token: str | None) -> int | None:
    if token is None:
        return None
    return _MONTHS.get(token.rstrip(".").lower())


#: Lower-cased first words of the branches of :data:`_DATE` that start with a letter and
#: a word of their own: months, weekdays and relative days.
_OWN_WORDS: Final = (
    *_MONTHS,
    *_WEEKDAYS,
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
)
#: The other first words, with what must follow them in every branch they open
#: (lower-cased, since the branches' words are in ``(?i:...)`` or title case).
_LED_WORDS: Final = (
    (tuple(_NUMBERS), r"\s(?:year|month|week|day)"),  # "two years ago", "a day later"
    (("the",), r" (?:end of|start of|beginning of|next day|following day|day before|previous day)"),
    (("last", "this", "next"), r" (?:year|month|week)"),  # "next week(end)"
    (("earlier", "later"), r" this (?:week|month|year)"),
)


def _tailed_trie(items: set[tuple[str, str]]) -> list[str]:
    """The branches of a pattern matching one of *items*: a word, then its own tail.

    A tail is a lookahead or nothing, so a match ends at the end of its word. Words
    (lower-case letters) share their prefixes, so each branch starts with its own
    character: a word that fails costs a comparison per branch, not a try of each word.
    """
    children: dict[str, set[tuple[str, str]]] = {}
    tails: list[str] = []
    for word, tail in sorted(items):
        if word:
            children.setdefault(word[0], set()).add((word[1:], tail))
        else:
            tails.append(tail)
    branches: list[str] = []
    for ch, rests in sorted(children.items()):
        inner = _tailed_trie(rests)
        branches.append(re.escape(ch) + (inner[0] if len(inner) == 1 else _group(inner)))
    return branches + tails


def _group(branches: list[str]) -> str:
    return "(?:" + "|".join(branches) + ")"


#: Where a date may start, in lower-cased text: a digit, one of :data:`_OWN_WORDS` not
#: followed by a letter ("march's", "jan2024"), a qualifier (glued to a month in
#: "mid-march" and "latemarch"), or a word of :data:`_LED_WORDS` before what its
#: branches need.
_CANDIDATE: Final = _group(
    [
        r"\d",
        *_tailed_trie(
            {(word, r"(?![^\W\d_])") for word in _OWN_WORDS}
            | {(word, "") for word in ("late", "early", "mid")}
            | {(word, f"(?={after})") for words, after in _LED_WORDS for word in words}
        ),
    ]
)
#: A candidate after a character that is no ASCII letter, digit or underscore: every
#: one after a non-word character (``\W``), and a few more (after other letters) that
#: :data:`_DATE`'s own lookbehind turns away. The pattern consumes the character
#: before (one the engine skips to by a table lookup); the first offset of a scan,
#: which has none in the scan, is tried on its own.
_START: Final = re.compile(r"[^0-9A-Z_a-z]" + _CANDIDATE)
#: The same after a space, for the fold with every other character but an ASCII
#: letter, digit or underscore made a space (:data:`_SPACED`): the engine skips to a
#: space by a plain character comparison, not a set lookup per character.
_START_SPACED: Final = re.compile(" " + _CANDIDATE)
_START_HERE: Final = re.compile(_CANDIDATE)
_NOT_WORD: Final = re.compile(r"\W")
#: Every byte but an ASCII letter, digit or underscore made a space.
_SPACED: Final = bytes(
    c if chr(c).isascii() and (chr(c).isalnum() or c == 95) else 32 for c in range(256)
)


def _spaced(text: str) -> str | None:
    r"""The fold of *text* with every character but an ASCII letter, digit or underscore a space.

    None if the fold holds a digit beyond ASCII (which :data:`_CANDIDATE`'s ``\d`` takes).
    On the copy :data:`_START_SPACED` matches wherever :data:`_START` matches on
    the fold: its first character stands for exactly the characters ``[^0-9A-Z_a-z]``
    stands for, and what follows only loses letters and gains spaces, which fails no
    branch (a word is not followed by a letter, a ``\s`` or a space is wanted).
    """
    low = _lowered(text)
    data = _ascii_lowered(text)  # *low* in ASCII, one "?" for each other character
    if not low.isascii():
        at = data.find(b"?")
        while at >= 0:
            if low[at].isdecimal():
                return None
            at = data.find(b"?", at + 1)
    return data.translate(_SPACED).decode("ascii")


def _starts(text: str, start: int, stop: int) -> list[int]:
    """Offsets where a date may start: a superset of where :data:`_DATE` matches.

    Every branch of :data:`_DATE` starts, after a non-word character, with a digit or
    with a first word that :data:`_START` lists with what follows it (a month glued
    to a qualifier starts with the qualifier). One scan of the lower-cased text for
    those, then the full pattern tried only there, gives exactly the matches a scan
    with the full pattern would. A match holds its word, inside which no date starts,
    so no start hides another.
    """
    # The fold is the one the rules read later: cached, it is made once per article.
    low = _lowered(text)
    spaced = _spaced(text)
    if spaced is None:
        found = [m.start() + 1 for m in _START.finditer(low, start, stop)]
    else:
        found = [m.start() + 1 for m in _START_SPACED.finditer(spaced, start, stop)]
    if (
        start < stop
        and (start == 0 or _NOT_WORD.match(low, start - 1) is not None)
        and _START_HERE.match(low, start, stop) is not None
    ):
        found.insert(0, start)
    return found


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Return every temporal expression in ``text[start:end]`` in order."""
    stop = len(text) if end is None else end
    starts = _starts(text, start, stop)
    iso = _ISO.match
    out = [
        DateMention(m.start(), m.end(), m.group(), "abs", int(m["y"]), int(m["m"]), int(m["d"]))
        for m in (iso(text, pos, stop) for pos in starts if text[pos].isdigit())
        if m is not None
    ]
    cursor = start
    match = _DATE.match
    for pos in starts:
        if pos < cursor:
            continue
        m = match(text, pos, stop)
        if m is None:
            continue
        cursor = m.end()
        mention = _mention(m)
        if mention is not None:
            if (
                mention.kind == "abs"
                and mention.day is None
                and mention.year is None
                and mention.rel is None
                and mention.qualifier is None
                and mention.start >= 5
                and text[mention.start - 5 : mention.start].lower() == "last "
            ):
                # "last November": the latest such month before the publication month.
                mention = attrs.evolve(
                    mention,
                    start=mention.start - 5,
                    text=text[mention.start - 5 : mention.end],
                    rel="last",
                )
            out.append(mention)
    out.sort(key=lambda d: d.start)
    return _share_range_year(text, _drop_overlaps(out))


# Each run of whitespace has one place to go: "(?:early|late|mid-?)?" between two "\s*"
# let a failing fullmatch split a long run in every way (quadratic backtracking).
_RANGE_GAP: Final = re.compile(
    r"\s*(?:to|until|through|-|\u2013|and)\s*(?:(?:early|late|mid-?)\s*)?"
)


def _share_range_year(text: str, items: list[DateMention]) -> list[DateMention]:
    # "From late February to early March this year": the start shares the end's year.
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        if (
            a.kind == "abs"
            and b.kind == "abs"
            and a.year is None
            and a.rel is None
            and (b.year is not None or b.rel is not None)
            and _RANGE_GAP.fullmatch(text, a.end, b.start)
        ):
            items[i] = attrs.evolve(a, year=b.year, rel=b.rel)
    return items


def _drop_overlaps(items: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    for item in items:
        if out and item.start < out[-1].end:
            continue
        out.append(item)
    return out


def _mention(m: re.Match[str]) -> DateMention | None:
    s, e, t = m.start(), m.end(), m.group()
    # Only the groups of the branch that matched are set, and the weekday, relative and
    # "ago" branches are one group each: the last group matched names them, where a
    # lookup of each other branch's group first would fail one by one.
    last = m.lastgroup
    if last == "wd":
        return DateMention(s, e, t, "weekday", weekday=_WEEKDAYS.index(fold_lower(m["wd"])))
    if last == "rel":
        return DateMention(s, e, t, "rel", rel=fold_lower(m["rel"]))
    if last == "ago":
        parts = fold_lower(m["ago"]).split()
        amount = int(parts[0]) if parts[0].isdigit() else _NUMBERS[parts[0]]
        return DateMention(
            s, e, t, "ago", amount=amount, unit=parts[1].rstrip("s"), direction=parts[2]
        )
    if m["md"]:
        month = _month(m["md"])
        month2 = _month(m["md_m2"]) or month
        year = int(m["md_y"]) if m["md_y"] else None
        d2 = int(m["md_d2"]) if m["md_d2"] else None
        return DateMention(
            s,
            e,
            t,
            "abs",
            year,
            month,
            int(m["md_d"]),
            end_year=year if d2 else None,
            end_month=month2 if d2 else None,
            end_day=d2,
        )
    if m["dm"]:
        month = _month(m["dm"])
        year = int(m["dm_y"]) if m["dm_y"] else None
        d2 = int(m["dm_d2"]) if m["dm_d2"] else None
        return DateMention(
            s,
            e,
            t,
            "abs",
            year,
            month,
            int(m["dm_d"]),
            end_year=year if d2 else None,
            end_month=month if d2 else None,
            end_day=d2,
        )
    if m["my"]:
        # "May" alone is more often the verb than the month.
        if m["my"] == "May" and not (m["my_y"] or m["my_rel"] or m["my_q"]):
            return None
        year = int(m["my_y"]) if m["my_y"] else None
        rel = fold_lower(m["my_rel"]) if m["my_rel"] else None
        return DateMention(s, e, t, "abs", year, _month(m["my"]), rel=rel, qualifier=m["my_q"])
    year = int(m["year"])
    year2 = int(m["year2"]) if m["year2"] else None
    return DateMention(s, e, t, "year", year, end_year=year2)


def _safe(year: int | None, month: int | None = None, day: int | None = None) -> PartialDate | None:
    if year is None:
        return None
    try:
        return new_partial_date(year, month, day)
    except ValueError:
        return None


def resolve(
    mention: DateMention,
    published: dt.date | None,
    *,
    future: bool = False,
    anchor_year: int | None = None,
    context_year: int | None = None,
) -> tuple[PartialDate | None, PartialDate | None]:
    """Resolve a mention to (start, end) dates, either of which may be None.

    Args:
        mention: The expression.
        published: The publication date, if known.
        future: Whether the event it dates is still ahead (scheduled, planned).
        anchor_year: The last year stated before it, for "two years later".
        context_year: A year known from context (an exercise's own name) used for a
            month or day without a year when there is no publication date.
    """
    try:
        return _resolve(mention, published, future, anchor_year, context_year)
    except (ValueError, OverflowError):
        return None, None


def _resolve(
    m: DateMention,
    published: dt.date | None,
    future: bool,
    anchor_year: int | None,
    context_year: int | None,
) -> tuple[PartialDate | None, PartialDate | None]:
    if m.kind == "year":
        return _safe(m.year), _safe(m.end_year)
    if m.kind == "abs":
        year = m.year
        if year is None and m.rel is not None:
            if published is None:
                return None, None
            if m.rel == "last":
                year = published.year - (1 if (m.month or 1) >= published.month else 0)
            else:
                year = published.year + {"last year": -1, "this year": 0, "next year": 1}[m.rel]
        if year is None:
            year = _guess_year(m, published, future, context_year)
        start = _safe(year, m.month, m.day)
        end = None
        if m.end_day is not None and year is not None:
            end_year = m.end_year or year
            if (m.end_month or 0) < (m.month or 0):
                end_year += 1
            end = _safe(end_year, m.end_month, m.end_day)
        return start, end
    if m.kind == "ago" and m.direction != "ago":
        return _ago(m, published, anchor_year), None
    if published is None:
        return None, None
    if m.kind == "weekday":
        assert m.weekday is not None  # noqa: S101 - set for weekday mentions
        return PartialDate.from_date(_weekday(published, m.weekday, ahead=future)), None
    if m.kind == "ago":
        return _ago(m, published, anchor_year), None
    return _relative(m.rel or "", published), None


def _weekday(day: dt.date, weekday: int, *, ahead: bool) -> dt.date:
    """The *weekday* (0 is Monday) on or after *day* (``ahead``), or on or before it.

    As ``day + relativedelta(weekday=XX(+1))`` (or ``XX(-1)``) gives, by day arithmetic
    alone (and the same OverflowError past the calendar's ends).
    """
    if ahead:
        return day + dt.timedelta(days=(weekday - day.weekday()) % 7)
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _guess_year(
    m: DateMention,
    published: dt.date | None,
    future: bool,
    context_year: int | None,
) -> int | None:
    if published is None:
        return context_year
    year = published.year
    month, day = m.month or 1, m.day or 1
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year
    # A past event dated after publication happened the year before ("Dec. 28" in
    # a January article); a planned one dated well before publication is next year's.
    if not future and candidate > published + dt.timedelta(days=31):
        return year - 1
    if not future and m.day is None and candidate > published:
        return year - 1  # a past month is the latest such month up to publication
    if future and candidate < published - dt.timedelta(days=62):
        return year + 1
    return year


def _ago(m: DateMention, published: dt.date | None, anchor_year: int | None) -> PartialDate | None:
    amount = m.amount or 0
    if m.direction == "ago" and published is not None:
        delta = {
            "year": relativedelta(years=amount),
            "month": relativedelta(months=amount),
            "week": relativedelta(weeks=amount),
            "day": relativedelta(days=amount),
        }[m.unit or "day"]
        day = published - delta
        if m.unit == "year":
            return _safe(day.year)
        if m.unit == "month":
            return _safe(day.year, day.month)
        return PartialDate.from_date(day)
    if m.unit == "year" and anchor_year is not None:
        sign = 1 if m.direction in {"later", "after"} else -1
        return _safe(anchor_year + sign * amount)
    return None


def _relative(rel: str, published: dt.date) -> PartialDate | None:
    day = {
        "yesterday": -1,
        "today": 0,
        "tonight": 0,
        "tomorrow": 1,
    }.get(rel)
    if day is not None:
        return PartialDate.from_date(published + dt.timedelta(days=day))
    if rel.endswith("year"):
        offset = -1 if rel.startswith("last") else 1 if rel.startswith("next") else 0
        return _safe(published.year + offset)
    if rel.endswith("month"):
        offset = -1 if rel.startswith("last") else 1 if rel.startswith("next") else 0
        month = published + relativedelta(months=offset)
        return _safe(month.year, month.month)
    if rel == "last weekend":
        return PartialDate.from_date(
            _weekday(published - dt.timedelta(days=1), _SATURDAY, ahead=False)
        )
    if rel == "this weekend":
        return PartialDate.from_date(_weekday(published, _SATURDAY, ahead=True))
    if rel == "next weekend":
        return PartialDate.from_date(
            _weekday(published + dt.timedelta(days=7), _SATURDAY, ahead=False)
        )
    return None
