"""The clause rules' literal gates never turn away a text their pattern matches.

Each test builds texts from a pattern's own vocabulary (its words, their stems cut
short, case variants, curly apostrophes and letters that fold in odd ways) and checks
that where the pattern matches, the gate standing before it says yes.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplomatic_events._extract import _gazetteer, _rules

CRITIC_PIECES = [
    "'s",
    "\u2019s",
    "'",
    "\u2019",
    " ",
    ",",
    ", which",
    "has ",
    "have ",
    "had ",
    "also ",
    "long ",
    "strongly ",
    "on Monday ",
    "objection",
    "objected",
    "objects",
    "Objected",
    "protest",
    "protested",
    "criticism",
    "criticised",
    "criticizes",
    "condemnation",
    "condemns",
    "opposition",
    "opposed",
    "warning",
    "warns",
    "WARNED",
    "denounced",
    "slammed",
    "slams",
    "rejected",
    "rejects",
    "s",
    "x",
    "\u0130",
    "\u017f",
    "\u2013",
]


def _critic_gate(text: str, end: int) -> bool:
    """The gate of Reader._critic_after: a stem starts in the window of the copy."""
    window = min(len(text), end + 60)
    spots = _rules._spots(_gazetteer._ascii_lowered(text).decode("ascii"), _rules._CRITIC_STEMS)
    return any(end <= at < window for at in spots)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(CRITIC_PIECES), max_size=10),
    st.lists(st.sampled_from(CRITIC_PIECES), max_size=4),
)
@example(["'s", " ", "objection"], ["China"])
@example([", which", " ", "has ", "long ", "opposed"], ["Russia"])
@example([" ", "on Monday ", "warned"], [])
def test_critic_gate_passes_every_match(after: list[str], before: list[str]) -> None:
    """Where _CRITIC_AFTER matches after a state, a stem starts in the window."""
    lead = "".join(before)
    text = lead + "".join(after)
    end = len(lead)
    window = min(len(text), end + 60)
    if _rules._CRITIC_AFTER.match(text, end, window) is not None:
        assert _critic_gate(text, end)


def test_spots_lists_every_start_in_order() -> None:
    """_spots finds overlapping and repeated needles, sorted by offset."""
    assert _rules._spots("warnwarn slams object", ("warn", "slam", "ob", "bj")) == [
        0,
        4,
        9,
        15,
        16,
    ]
    assert _rules._spots("", ("warn",)) == []


NON_PARTY_PIECES = [
    "aimed at",
    "directed at",
    "targeting",
    "targeted at",
    "to deter",
    "to counter",
    "brokered by",
    "mediated by",
    "under the auspices of",
    "with the mediation of",
    "facilitated by",
    "intelligence on",
    "data about",
    "other nations,",
    "third countries",
    " including",
    " such as",
    " the",
    " both",
    " its",
    " North",
    " and",
    " ",
    "x",
    "\u0130",
    "\u2019",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NON_PARTY_PIECES), max_size=10), st.integers(0, 40))
@example(["aimed at", " the", " North", " and", " "], 0)
@example(["x", "with the mediation of", " "], 3)
def test_non_party_gate_passes_every_match(pieces: list[str], cut: int) -> None:
    """Where _NON_PARTY_BEFORE matches a state's lead, a stem starts in the lead."""
    text = "".join(pieces)
    start = len(text)
    at = max(0, start - 40, min(cut, start))
    if _rules._NON_PARTY_BEFORE.search(text[at:start]) is not None:
        spots = _rules._spots(
            _gazetteer._ascii_lowered(text).decode("ascii"), _rules._NON_PARTY_STEMS
        )
        assert any(at <= spot < start for spot in spots)
