"""The gazetteer's range memo gives what the cache of ranges it stands before gives.

:func:`_range_words` answers a question about the range asked for last from a
one-entry memo, without making and looking up the cache's key. Whatever the order of
the questions, each answer must be the words of the range and the phrase lists'
keywords among them, as of the keywords known when it is asked.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomatic_events._extract import _gazetteer

#: Words that are no phrase list's keywords until a list of the test's own makes them so.
_POOL = ("zqalpha", "zqbravo", "zqcharlie", "zqdelta")
_TEXTS = (
    "Talks in zqAlpha, then the zqBravo summit.",
    "A zqCharlie\u2019s talks \u2013 in zqDelta, zqalpha",
)
#: Questions: which text, the range (often one of a few, so often the last one
#: again), and now and then a new phrase list first.
_QUESTIONS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=1),
        st.sampled_from([(0, 50), (9, 30), (0, 9), (20, 20)])
        | st.tuples(st.integers(min_value=0, max_value=50), st.integers(min_value=0, max_value=50)),
        st.sampled_from([None, None, *_POOL]),
    ),
    max_size=30,
)


@settings(max_examples=300)
@given(_QUESTIONS)
def test_range_words_match_the_words_of_the_range(
    questions: list[tuple[int, tuple[int, int], str | None]],
) -> None:
    """Asked again, after other ranges, cleared caches or new keywords: the same answer."""
    known_before = _gazetteer._KEYWORDS[0]
    # The pool's words become keywords during the example, each when a list names it.
    _gazetteer._KEYWORDS[0] = known_before - frozenset(_POOL)
    _gazetteer.clear_caches()
    try:
        for which, (pos, endpos), word in questions:
            if word is not None:
                _gazetteer.phrase_list([word, "talks " + word])
            string = _TEXTS[which]
            present, known = _gazetteer._range_words(string, pos, endpos)
            expected = _gazetteer.words(string[pos:endpos])
            assert present == expected
            assert known == expected & _gazetteer._KEYWORDS[0]
            if pos == endpos:
                _gazetteer.clear_caches()
    finally:
        _gazetteer._KEYWORDS[0] |= known_before
        _gazetteer.clear_caches()


def test_cleared_caches_forget_the_last_range() -> None:
    """After clear_caches the memo holds no text and answers no question."""
    _gazetteer._range_words(_TEXTS[0], 0, 5)
    assert _gazetteer._LAST_RANGE.string is _TEXTS[0]
    _gazetteer.clear_caches()
    assert _gazetteer._LAST_RANGE.string is None
