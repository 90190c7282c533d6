"""The gazetteer's newer fast paths give exactly what the plain code they replace gives.

Mostly ASCII text with a few other characters (curly quotes, dashes, odd spaces, and
now and then one that the letter pattern counts as a letter: an accented letter, a
superscript digit, a Kelvin sign, a capital sigma) takes shortcuts in :func:`words`;
each must agree with the pattern over the folded text.
"""

from __future__ import annotations

from hypothesis import given, settings
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


def _strings(value: object) -> list[str]:
    """Every string in a table's JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _phrase_lists() -> list[tuple[_gazetteer.Phrases, list[str]]]:
    """Each phrase list with the table phrases it matches whole."""
    gaz = _gazetteer.load()
    pool = sorted(
        {
            s
            for table in ("triggers.json", "agreements.json", "exercises.json")
            for s in _strings(_gazetteer._read(table))
        }
    )
    lists = [*gaz.regex.values(), *gaz.status_regex.values(), *gaz.exercise_status_regex.values()]
    return [(p, [s for s in pool if p.pattern.fullmatch(s)] or ["met"]) for p in lists]


_LISTS = _phrase_lists()


@settings(max_examples=400)
@given(st.data())
def test_indexed_lists_match_as_their_pattern(data: st.DataObject) -> None:
    """Places found by one keyword at one offset are matched with that pair's phrases only.

    The spans found (and the first) are those of the list's whole pattern, on text made
    of the list's phrases, parts of them and odd characters, over any range.
    """
    phrases, names = data.draw(st.sampled_from(_LISTS))
    piece = st.sampled_from(names).map(str.upper) | st.sampled_from(names)
    cut = st.sampled_from(names).map(lambda p: p[: len(p) // 2])
    odd = st.sampled_from([" ", " ", "-", "'", "\u2019", "s ", "x", ", ", "\u0130", "\u017f"])
    parts = data.draw(st.lists(st.tuples(piece | piece | cut, odd), max_size=12))
    text = "".join(p + sep for p, sep in parts)
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    endpos = data.draw(st.integers(min_value=pos, max_value=len(text) + 2))
    _gazetteer.clear_caches()
    expected = [m.span() for m in phrases.pattern.finditer(text, pos, endpos)]
    assert [m.span() for m in phrases.finditer(text, pos, endpos)] == expected
    first = phrases.search(text, pos, endpos)
    assert (first.span() if first else None) == (expected[0] if expected else None)
