"""The meeting and clause rules' shortcuts read what the plain searches they replace read.

A gated pattern's needles are told apart by kind once; the sport test counts its
keywords in the fold's ASCII copy; a topic's lead is cut by one anchored match; the
clause cuts' heads are looked for in the fold's ASCII copy. Each must agree with the
plain form on news text and on odd text (case variants, curly punctuation, letters
that fold in odd ways).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import diplomatic_events as de
from diplomatic_events._extract import _gazetteer, _rules

ODD = "-'\u2019 \n,;._0\u0130\u0131\u017f\u212aKkIiSs\u2013(\u201c\u201d\u03a3\u03c3"
PIECES = [
    ", and ",
    ", but ",
    ", which ",
    ", who ",
    ", where ",
    "; ",
    " ahead of ",
    " Ahead of ",
    " AHEAD OF ",
    ", And ",
    "the situation in ",
    "the start of ",
    "bolstering ",
    "Japan",
    " talks",
]
TEXTS = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=ODD + "abcdefhinortw", max_size=6)),
    max_size=20,
).map("".join)


def _fold_copy(text: str) -> str:
    return _gazetteer._ascii_lowered(text).decode("ascii")


def _plain_split(text: str, start: int, end: int) -> list[tuple[tuple[int, int], str]]:
    ahead = text.find(" ahead of ", start, end) >= 0
    pattern = _rules._SPLIT_AND if ahead else _rules._SPLIT_AND_NOT_AHEAD
    return [(m.span(), m.group()) for m in pattern.finditer(text, start, end)]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(0, 30), st.integers(0, 200))
def test_split_heads_in_the_fold_copy(text: str, start: int, size: int) -> None:
    """The cuts found by heads in the fold's ASCII copy are the plain pattern's."""
    start = min(start, len(text))
    end = min(len(text), start + size)
    low = _fold_copy(text)
    assert len(low) == len(text)
    ahead = low.find(" ahead of ", start, end) >= 0
    got = _rules._split_matches(text, start, end, ahead=ahead, heads_in=low)
    assert [(m.span(), m.group()) for m in got] == _plain_split(text, start, end)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_topic_lead_by_one_match(text: str) -> None:
    """Cutting the lead by its anchored match is the substitution."""
    assert _rules._without_lead(text) == _rules._TOPIC_LEAD.sub("", text)


def test_gated_kinds() -> None:
    """Every gated pattern holds its needles under exactly one kind."""
    for gated in vars(_rules).values():
        if isinstance(gated, _rules._Gated):
            kinds = [gated.scan is not None, gated.words is not None, bool(gated.subs)]
            assert kinds.count(True) == 1
            needles = gated.needles
            if isinstance(needles, re.Pattern):
                assert gated.scan is needles
            elif isinstance(needles, frozenset):
                assert gated.words is needles
            else:
                assert gated.subs == needles


def test_sport_counts_in_the_ascii_copy() -> None:
    """The sport keywords count the same in the fold and in its ASCII copy."""
    keys = _gazetteer.load().regex["sport_words"].keys
    assert keys is not None
    text = (
        "The \u201cWorld Cup\u201d final \u2013 a league match, the quarter-final; "
        "WICKET after wicket \u0130nnings \u212aeeper striker tournament"
    )
    folded = _gazetteer.fold_lower(text)
    low = _gazetteer._ascii_lowered(text).decode("ascii")
    for key in keys:
        assert key.isascii()
        assert "?" not in key
        assert low.count(key) == folded.count(key)


def test_sport_article_still_found() -> None:
    """An article full of sport words reads no meeting; one without them still does."""
    sport = (
        "Japan and India met in the World Cup final on Sunday. The league match went on, "
        "and the striker scored in the tournament after the batting collapse."
    )
    talks = "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi."
    assert not de.extract(sport).meetings
    assert de.extract(talks).meetings
