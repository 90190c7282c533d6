"""Property tests holding find_mentions' newer fast paths to the code they replace."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from diplomatic_events._extract import _mentions

_ASKED: frozenset[str] = _mentions._PREPOSITIONS | _mentions._DETERMINERS | _mentions._PLACE_NOUNS


def test_only_ascii_letters_and_the_kelvin_sign_lower_to_ascii_letters() -> None:
    """The facts :data:`_mentions._BARE` is built on, for every character."""
    for code in range(0x110000):
        char = chr(code)
        lower = char.lower()
        if lower.isascii() and lower.isalpha():
            assert char in {lower, lower.upper()} or char == "\u212a", hex(code)
    assert not any("k" in word for word in _ASKED)


@given(
    st.text(alphabet="inoftheINOFTHEcapitalCAPITAL,\u212a\u0130 ", max_size=9)
    | st.sampled_from(sorted(_ASKED)).map(str.title)
)
@example(",In,,")
@example("tHeIr")
@example(",")
def test_bare_is_the_lower_case_word_when_that_is_asked_about(word: str) -> None:
    """A word's entry in _BARE is its bare form where that is asked about, else ""."""
    bare = word.strip(",").lower()
    assert _mentions._BARE.get(word.strip(","), "") == (bare if bare in _ASKED else "")
