"""The gazetteer's newer fast paths give exactly what the plain code they replace gives.

Mostly ASCII text with a few other characters (curly quotes, dashes, odd spaces, and
now and then one that the letter pattern counts as a letter: an accented letter, a
superscript digit, a Kelvin sign, a capital sigma) takes shortcuts in :func:`words`;
each must agree with the pattern over the folded text.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diplomatic_events._extract import _gazetteer

#: Mostly ASCII letters and punctuation, with non-ASCII non-letters and a few letters.
_MOSTLY_ASCII = st.text(
    alphabet=st.sampled_from(
        [
            *"aBcDeSsKkIi '-.,_09\n\t",
            "\u2019",
            "\u201c",
            "\u201d",
            "\u2013",
            "\u2014",
            "\xa0",
            "\u2028",
            "\ud800",
            "\xe9",
            "\xb2",
            "\xbd",
            "\u212a",
            "\u03a3",
            "\u0130",
            "\u017f",
            "\u2070",
        ]
    ),
    max_size=80,
) | st.text(max_size=40)


@given(_MOSTLY_ASCII)
def test_words_are_the_letter_runs_of_the_folded_text(text: str) -> None:
    """words() of mostly ASCII text: the same runs as the letter pattern finds."""
    _gazetteer.clear_caches()
    expected = frozenset(_gazetteer._LETTERS.findall(_gazetteer.fold_lower(text)))
    assert _gazetteer.words(text) == expected


@given(_MOSTLY_ASCII, st.integers(min_value=0, max_value=_gazetteer._BULK_LOWER))
def test_fold_lower_of_long_text_folds_then_lowers(text: str, pad: int) -> None:
    """fold_lower() lowers long mostly ASCII text by its bytes: as str.lower after the fold."""
    text = "Xy " * pad + text + " \u2019Q" * (_gazetteer._BULK_LOWER // 3)
    expected = text.translate(_gazetteer._FOLD).lower()
    assert _gazetteer.fold_lower(text) == expected
