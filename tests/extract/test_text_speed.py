"""Tests holding the text stages' shortcuts to what they replace."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import diplomatic_events as de
from diplomatic_events._extract import _gazetteer, _mentions

#: Words that steer the preposition, names the gazetteer knows, and gaps between them.
_PIECES = st.sampled_from(
    [
        "in",
        "to",
        "with",
        "of",
        "the",
        "outskirts",
        "capital,",
        "Paris,",
        "France",
        "French",
        "Japan",
        "President",
        "visited",
        "said.",
        "and",
    ]
)
_GAPS = st.sampled_from([" ", "  ", "\n", ", ", " (", "\t"])


def _mentions_of(text: str) -> list[_mentions.Mention]:
    return _mentions.find_mentions(text, _gazetteer.load())[0]


def test_seed_prepositions_are_read_at_each_start() -> None:
    """A mention's preposition, read when asked, is the one before its start."""
    text = de.seed_article().text
    for m in _mentions_of(text):
        assert m.prep == _mentions._preposition(text, m.start), m


@given(st.lists(st.tuples(_PIECES, _GAPS), max_size=20))
def test_prepositions_are_read_at_each_start(parts: list[tuple[str, str]]) -> None:
    """So it is for copies made before and after the first question, in any order."""
    text = "".join(word + gap for word, gap in parts)
    found = _mentions_of(text)
    copies = [attrs.evolve(m, kind="country", person=None) for m in found[::2]]
    for m in [*found[::-1], *copies]:
        assert m.prep == _mentions._preposition(text, m.start), (text, m)
    late = [attrs.evolve(m, kind="country", person=None) for m in found]
    for m in late:
        assert m.prep == _mentions._preposition(text, m.start), (text, m)
