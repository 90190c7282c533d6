"""The extractor's fast paths give exactly the matches of the plain patterns they replace.

Trigger lists skip texts without a keyword and scan a lower-cased copy with a trie;
dates are tried only where a date may start. Each must agree, match for match, with
the case-insensitive pattern it stands for, on news text and on odd text (case
variants, curly apostrophes, hyphens, letters that fold in odd ways, cut offsets).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re

import pytest
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st

import diplomatic_events as de
from diplomatic_events._extract import _gazetteer, _mentions, _rules, _temporal, _text

ODD = "-'\u2019 \n,._0\u0130\u0131\u017f\u212aKkIiSs\u2013("
PROBES = [
    "meet",
    "Met",
    "IS WELCOMED",
    "planning event",
    " amid ",
    ", as ",
    "signed",
    "Ratified",
    "'s ratification",
    "\u2019s ratification",
    "will",
    "drills",
    "agreements",
    "taking part",
    "\u017figned",
    "\u0130s to",
    "w\u0131lL",
    "mid-March",
    "lateMarch",
    "Sept. 11 to 15, 2023",
    "two years later",
    "March's",
    "Jan2024",
    "2024-05-02",
    "on Thursday",
    "THIS YEAR",
    ", when ",
    " a day after ",
    "the Two Leaders",
    "THE THREE signed",
    "Prime Ministers",
    "Exercise Cobra Gold",
    '"Pacific Vanguard" drills',
    "signed one",
    "Visited",
    "at the Akasaka Palace",
    "in the White House Monday",
    "Anglo-Japanese Alliance",
]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    base = de.seed_article().text
    out = [base]
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 8)):
            roll = rng.random()
            if roll < 0.3:
                start = rng.randrange(len(base))
                parts.append(base[start : start + rng.randint(1, 30)])
            elif roll < 0.6:
                parts.append("".join(rng.choice(ODD) for _ in range(rng.randint(1, 3))))
            else:
                parts.append(rng.choice(PROBES))
        out.append("".join(parts))
    return out


def _lists() -> dict[str, _gazetteer.Phrases]:
    gaz = _gazetteer.load()
    out = dict(gaz.regex)
    out.update({f"agreement_status.{k}": v for k, v in gaz.status_regex.items()})
    out.update({f"exercise_status.{k}": v for k, v in gaz.exercise_status_regex.items()})
    return out


def _assert_same_matches(
    fast: _gazetteer.Phrases | _rules._Gated, text: str, pos: int, endpos: int
) -> None:
    """``fast.finditer`` and ``fast.search`` find what its plain pattern finds in the range."""
    plain = [(m.span(), m.group()) for m in fast.pattern.finditer(text, pos, endpos)]
    found = [(m.span(), m.group()) for m in fast.finditer(text, pos, endpos)]
    assert found == plain, (text, pos, endpos)
    first = fast.search(text, pos, endpos)
    assert (first.span() if first else None) == (plain[0][0] if plain else None)


@pytest.mark.parametrize("name", sorted(_lists()))
def test_phrase_list_matches_its_pattern(name: str) -> None:
    """Gate, trie and exact pattern together find what the plain pattern finds."""
    phrases = _lists()[name]
    assert phrases.fast is not None, "every shipped list takes the fast scan"
    assert phrases.index is not None, "and has an index"
    for text in _texts(seed=len(name), count=300):
        for pos, endpos in ((0, len(text)), (1, len(text) - 1), (3, len(text) // 2)):
            _assert_same_matches(phrases, text, pos, endpos)


#: Phrases that start, end or break in every way the index must handle.
_ODD_PHRASES = [
    "talks",
    "talks on",
    "round of talks",
    "is welcomed",
    "welcomed",
    "one-on-one",
    "'s ratification",
    "\u2019s edition",
    "g20 summit",
    "sat down with",
    "a",
    "kick off",
    "this year's",
]
_ODD_CUTS = [", as ", " against a backdrop", " in mind,", " whose ", "ed by ", "'s a "]


def _variants(rng: random.Random, phrase: str) -> str:
    """*phrase* as a text may write it: case, folding letters, apostrophes, hyphens."""
    swaps = {"k": "\u212a", "i": "\u0130\u0131I", "s": "\u017fS", "'": "\u2019", " ": "- \n"}
    out = []
    for ch in phrase:
        roll = rng.random()
        if roll < 0.2 and ch in swaps:
            out.append(rng.choice(swaps[ch]))
        elif roll < 0.4:
            out.append(ch.upper())
        else:
            out.append(ch)
    return "".join(out)


@pytest.mark.parametrize("bounded", [True, False])
def test_phrase_index_matches_its_pattern(bounded: bool) -> None:
    """The index finds every match of the pattern, however a phrase is written."""
    items = _ODD_PHRASES if bounded else _ODD_CUTS
    phrases = _gazetteer.phrase_list(items, bounded=bounded)
    assert phrases.index is not None
    rng = random.Random(5)  # noqa: S311 - reproducible test data, not secrets
    glue = ["", " ", "-", "x", "'", "\u2019", ", ", "_", "2"]
    for _ in range(3000):
        parts = [rng.choice(glue)]
        for _ in range(rng.randint(1, 6)):
            parts += [_variants(rng, rng.choice(items)), rng.choice(glue)]
        text = "".join(parts)
        for pos, endpos in ((0, len(text)), (1, len(text) - 1), (3, len(text) // 2), (-2, 99)):
            _assert_same_matches(phrases, text, pos, endpos)


def test_date_candidates_find_every_date() -> None:
    """Trying the date pattern only at candidate words finds every match of a scan."""
    for text in _texts(seed=7, count=600):
        scan = [(m.span(), m.group()) for m in _temporal._DATE.finditer(text)]
        starts = set(_temporal._starts(text, 0, len(text)))
        assert {span[0] for span, _ in scan} <= starts, text


def test_weekday_is_relativedeltas() -> None:
    """Weekdays resolve by day arithmetic to relativedelta's dates, errors included."""
    weekdays = (MO, TU, WE, TH, FR, SA, SU)
    days = [dt.date(2023, 12, 1) + dt.timedelta(days=i) for i in range(60)]
    days += [dt.date.min + dt.timedelta(days=i) for i in range(8)]
    days += [dt.date.max - dt.timedelta(days=i) for i in range(8)]
    for day, weekday, ahead in itertools.product(days, range(7), (True, False)):
        try:
            expected: dt.date | type[OverflowError] = day + relativedelta(
                weekday=weekdays[weekday](+1 if ahead else -1)
            )
        except OverflowError:
            expected = OverflowError
        try:
            got: dt.date | type[OverflowError] = _temporal._weekday(day, weekday, ahead=ahead)
        except OverflowError:
            got = OverflowError
        assert got == expected, (day, weekday, ahead)


def _gated() -> dict[str, _rules._Gated]:
    return {k: v for k, v in vars(_rules).items() if isinstance(v, _rules._Gated)}


@pytest.mark.parametrize("name", sorted(_gated()))
def test_gated_pattern_matches_its_pattern(name: str) -> None:
    """A rule pattern behind literal needles or words finds what the plain pattern finds."""
    gated = _gated()[name]
    for text in _texts(seed=len(name) + 100, count=300):
        for pos, endpos in ((0, len(text)), (1, len(text) - 1), (3, len(text) // 2)):
            _assert_same_matches(gated, text, pos, endpos)


def test_caption_needles_keep_every_caption() -> None:
    """A line the caption needles turn away holds no caption match."""
    probes = ["(AP)", "Photo: x", "Images: y", "via Reuters", "Kim/Pool", ", left, and"]
    for text in _texts(seed=11, count=300) + probes:
        assert _text._is_caption(text) == (_text._CAPTION.search(text) is not None), text


def test_relative_subject_is_the_patterns_search() -> None:
    """The windowed test finds a relative subject exactly where the whole search does."""
    pieces = ["that", "which", "will", "be", "been", "not", "x", "That", "", "\u00a0", "-"]
    rng = random.Random(11)  # noqa: S311 - reproducible test data, not secrets
    auxiliaries = sorted(_rules._AUXILIARIES)
    for k in range(4000):
        if k % 2:  # long chains of auxiliaries, which start well before the window
            words = ["a", rng.choice(["that", "which", "xthat"])]
            words += [rng.choice(auxiliaries) for _ in range(rng.randint(0, 40))]
            words += [rng.choice(pieces) for _ in range(rng.randint(0, 2) if k % 4 == 3 else 0)]
        else:
            words = [rng.choice(pieces) for _ in range(rng.randint(0, 40))]
        gaps = [" ", "  ", "\n", "\t"] if k % 4 == 1 else [" ", "  ", "\n", "", "\t"]
        text = "".join(w + rng.choice(gaps) for w in words)
        end = len(text) if k % 4 == 1 else rng.randint(len(text) // 2, len(text))
        start = rng.randint(0, end)

        expected = _rules._RELATIVE_SUBJECT.search(text, start, end) is not None

        assert _rules._relative_subject(text, start, end) is expected, (text, start, end)


#: Text for the splitting fast paths: spaces of every kind, ASCII punctuation, letters
#: that fold oddly (dotted and dotless i, long s, Kelvin sign, capital and final sigma,
#: sharp s), digits, a lone surrogate; or any text at all.
_SPLIT_TEXT = st.text(
    alphabet=st.sampled_from(
        [*ODD, "a", "B", "9", " ", "\t", "\xa0", "\u2028", "\u03a3", "\u03c3", "\xdf", "\ud800"]
    ),
    max_size=60,
) | st.text(max_size=60)


@given(_SPLIT_TEXT)
def test_words_are_the_letter_runs_of_the_folded_text(text: str) -> None:
    """words() splits bytes instead of searching: the same runs as the letter pattern."""
    _gazetteer.clear_caches()
    expected = frozenset(_gazetteer._LETTERS.findall(_gazetteer.fold_lower(text)))
    assert _gazetteer.words(text) == expected


@given(_SPLIT_TEXT, st.integers(min_value=0, max_value=70))
def test_tokens_are_the_token_pattern_matches(text: str, limit: int) -> None:
    """The token scan cuts most pieces by hand: the tokens the pattern finds, in order."""
    limit = min(limit, len(text))
    tokens = _mentions._tokens(text, limit)
    expected = [(m.start(), m.group()) for m in _mentions._SCAN_TOKEN.finditer(text, 0, limit)]
    assert list(zip(tokens.starts, tokens.words, strict=True)) == expected


_LAST_WORD = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]{1,5}$")


@settings(max_examples=2000)  # cheap; the cases turn on runs of five and six letters
@given(st.text(alphabet=st.sampled_from(["a", "B", ".", " ", "\xe9"]), max_size=14))
@example("Gen")
@example("U.S")
@example("abcdef")
@example("x.abcde")
@example("a.B.cdefgh")
@example("ab.C")
def test_last_word_is_the_patterns_search(before: str) -> None:
    """The word before a full stop, cut by stripping letters: what the pattern it replaced finds."""
    match = _LAST_WORD.search(before)
    assert _text._last_word(before) == (match.group() if match else None)
