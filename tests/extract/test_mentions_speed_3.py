"""Property tests holding find_mentions' newer fast paths to the code they replace."""

from __future__ import annotations

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

import diplomatic_events as de
from diplomatic_events._extract import _gazetteer, _mentions

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


def test_is_state_is_told_by_the_kind_also_in_copies() -> None:
    """A mention stands for a state by its code and kind, in copies of another kind too."""
    text = de.seed_article().text
    mentions, _ = _mentions.find_mentions(text, _gazetteer.load())
    kinds = sorted({m.kind for m in mentions} | {"org", "person", "place", "country"})
    for m in mentions:
        for kind in kinds:
            for copy in (m, attrs.evolve(m, kind=kind), attrs.evolve(m, kind=kind, code="FRA")):
                expected = copy.code is not None and copy.kind in _mentions._STATE_KINDS
                assert copy.is_state == expected, (copy, kind)


@given(
    st.sampled_from(["France", "French", "Japan's", "Ghana", "the U.S."]),
    st.sampled_from([" ", "  ", "\n", " \u2019"]),
    st.sampled_from([*sorted(_gazetteer.load().force_nouns), "and", "sa", "A", "Arm", ""]),
    st.sampled_from(["", "'s", "\u2019s", "s", ".", " said"]),
)
def test_forces_are_read_where_the_force_noun_matches(
    name: str, gap: str, noun: str, after: str
) -> None:
    """The force starts let through every mention that the force noun follows."""
    gaz = _gazetteer.load()
    text = f"{name}{gap}{noun}{after}"
    tokens = _mentions._tokens(text, len(text))
    raw = _mentions._raw_mentions(text, gaz, tokens)
    out = _mentions._forces(text, raw, gaz)
    assert len(out) == len(raw)
    for m, found in zip(raw, out, strict=True):
        expected = (
            m.kind in {"country", "demonym"}
            and not m.possessive
            and gaz.force_noun.match(text, m.end) is not None
        )
        assert (found.kind in {"military", "force_of"}) == expected, (text, m)


def test_force_starts_are_as_long_as_the_shortest_noun_allows() -> None:
    """Two characters of each noun, or one where a noun has one."""
    gaz = _gazetteer.load()
    starts, width = _mentions._tables(gaz)[2]
    assert width == 3
    assert starts == {" " + noun[:2] for noun in gaz.force_nouns}
    short = attrs.evolve(gaz, force_nouns=frozenset({"X", "army"}))
    assert _mentions._tables(short)[2] == (frozenset({" X", " a"}), 2)
    _mentions._tables(gaz)  # (built again for the gazetteer the other tests use)


@given(st.text(alphabet=" ,ofthe-aX", max_size=24))
@example(", commander of the ")
@example(" of ")
def test_what_of_after_matches_ends_in_of(between: str) -> None:
    """The pattern for "<name> of the <force>" matches only what ends in " of (the) "."""
    if _mentions._OF_AFTER.fullmatch(between):
        assert between.endswith((" of ", " of the "))
