"""Property tests holding find_mentions' fast paths to the code they replace."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplomatic_events._extract import _gazetteer, _mentions


def _preposition_reference(text: str, start: int) -> str | None:
    """The preposition before ``start`` as the whole window's words give it."""
    words = text[start - 40 if start > 40 else 0 : start].rsplit(None, 4)[-4:]
    others = 0
    k = len(words)
    while k:
        k -= 1
        word = words[k]
        bare = word.strip(",").lower()
        if bare in _mentions._PREPOSITIONS:
            if bare == "of" and k > 0 and words[k - 1].lower() in _mentions._AROUND:
                return "in"
            return bare
        if bare in _mentions._DETERMINERS:
            continue
        others += 1
        if others > 2 or word.endswith((".", ";", ":")):
            return None
        if word.endswith(",") and bare not in _mentions._PLACE_NOUNS:
            if (
                k == len(words) - 1
                and word[:1].isupper()
                and k > 0
                and words[k - 1].lower() in _mentions._LOCATIVE
            ):
                return words[k - 1].lower()
            return None
    return None


#: Words that steer the preposition (prepositions, determiners, place nouns, words
#: around a place, in any case and with punctuation), and others.
_WORDS = st.sampled_from(
    [
        "in",
        "In",
        "IN",
        "of",
        "Of",
        "to",
        "with",
        "the",
        "The",
        "a",
        "outskirts",
        "Outs\u212airts",
        "capital",
        "capital,",
        "Paris",
        "Paris,",
        "paris,",
        "France.",
        "it;",
        "at:",
        ",in,",
        "visit",
        "southern",
        "Xi\u2019s",
        "\u201cfree",
        "x" * 30,
    ]
)
_GAPS = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "\xa0", " \n", "\u2028", ""])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, max_size=12))
    return "".join(word + draw(_GAPS) for word in words)


@given(_texts() | st.text(alphabet=" ,.;:\n\t\xa0aIinofthe\u212a", max_size=60))
def test_preposition_is_the_reference(text: str) -> None:
    """The last word read alone gives the preposition the whole window's words give."""
    for start in range(len(text) + 1):
        expected = _preposition_reference(text, start)
        assert _mentions._preposition(text, start) == expected, (text, start)


def test_printable_words_hold_no_whitespace_and_alphanumeric_ones_are_printable() -> None:
    """The facts the preposition's last word is read by, for every character."""
    for code in range(0x110000):
        char = chr(code)
        assert not (char.isspace() and char.isprintable()) or char == " ", hex(code)
        assert not char.isalnum() or char.isprintable(), hex(code)


#: A few words of each kind the preposition rules tell apart, and gaps between words.
_FEW_WORDS = (
    "in",
    "Of",
    "outskirts",
    "the",
    "Paris,",
    "paris,",
    "capital,",
    "it.",
    "x;",
    "southern",
    "\u212a",
    "a" * 38,
)
_FEW_GAPS = (" ", "  ", "\n", "\xa0")


def test_preposition_is_the_reference_after_every_few_words() -> None:
    """Every pair of the words with every pair of gaps, every triple with spaces."""
    texts = [
        first + gap + second + end + "X"
        for first in _FEW_WORDS
        for second in _FEW_WORDS
        for gap in _FEW_GAPS
        for end in _FEW_GAPS
    ]
    texts += [" ".join(triple) + " X" for triple in itertools.product(_FEW_WORDS, repeat=3)]
    for text in texts:
        for start in range(len(text) + 1):
            expected = _preposition_reference(text, start)
            assert _mentions._preposition(text, start) == expected, (text, start)


_NORMAL_TEXT = st.text(alphabet=" \t\n\x0c\x1c\xa0\u2019'aB", max_size=20) | st.text(max_size=20)


@settings(max_examples=1000)
@given(_NORMAL_TEXT)
@example(" a")
@example("a ")
@example("a  b")
@example("a\tb")
@example("a\u2019s")
def test_normal_is_normalize(text: str) -> None:
    """A text that is normal already skips the regex: the key the regex gives."""
    expected = _gazetteer._SPACE.sub(" ", text.replace("\u2019", "'")).strip()
    assert _gazetteer.normalize(text) == expected


def test_tokens_are_the_token_pattern_matches_in_every_short_text() -> None:
    """Every text of up to four of these characters: the tokens the pattern finds."""
    alphabet = "aB(.'\u2019-_\t\xa0 \nA"
    for size in range(5):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            tokens = _mentions._tokens(text, size)
            pattern = _mentions._SCAN_TOKEN.finditer(text)
            expected = [(m.start(), m.group()) for m in pattern]
            assert list(zip(tokens.starts, tokens.words, strict=True)) == expected, text
