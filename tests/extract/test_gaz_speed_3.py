"""The indexed search of a phrase list finds what its pattern finds.

An index entry whose phrase has no other words holds None (no set to compare); a
search whose keywords are in the range but at no place it can match stops before
choosing a pattern; places found twice are sorted in place and tried once; the text
lower-cased last is kept in the range memo. None of it may change a match.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomatic_events._extract import _gazetteer

_PHRASES = ("summit", "peace summit", "summit talks", "talks", "Talks\u2019 end", "peace")
_WORDS = ("summit", "peace", "talks", "Talks\u2019", "end", "sum", "mits", "-", ",", "peacetalks")


def test_entries_without_other_words_hold_none() -> None:
    """A phrase that is its keyword alone needs no set comparison."""
    phrases = _gazetteer.phrase_list(_PHRASES)
    assert phrases.index is not None
    entries = [entry for found in phrases.index.values() for entry in found]
    assert (0, None) in entries
    assert all(others is None or others for _, others in entries)


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=12),
    st.integers(min_value=-5, max_value=60),
    st.integers(min_value=-5, max_value=60),
)
def test_indexed_matches_are_the_patterns(words: list[str], pos: int, endpos: int) -> None:
    """Found by the index, finditer and search give the pattern's matches, range by range."""
    phrases = _gazetteer.phrase_list(_PHRASES)
    text = " ".join(words)
    _gazetteer.clear_caches()
    try:
        spans = [m.span() for m in phrases.finditer(text, pos, endpos)]
        assert spans == [m.span() for m in phrases.pattern.finditer(text, pos, endpos)]
        first = phrases.search(text, pos, endpos)
        expected = phrases.pattern.search(text, pos, endpos)
        assert (first and first.span()) == (expected and expected.span())
    finally:
        _gazetteer.clear_caches()


def test_the_memo_keeps_the_text_searched_last_lower_cased_until_cleared() -> None:
    """An indexed search leaves its text's lower-cased copy in the memo; clearing drops it."""
    phrases = _gazetteer.phrase_list(_PHRASES)
    text = "The Peace SUMMIT talks"
    _gazetteer.clear_caches()
    try:
        assert [m.group() for m in phrases.finditer(text)] == ["Peace SUMMIT", "talks"]
        assert _gazetteer._LAST_RANGE.folded_of is text
        assert _gazetteer._LAST_RANGE.folded == _gazetteer.fold_lower(text)
    finally:
        _gazetteer.clear_caches()
    assert _gazetteer._LAST_RANGE.folded_of is None
