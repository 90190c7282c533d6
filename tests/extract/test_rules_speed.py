"""The clause rules' shortcuts decide as the code they replace.

Each test holds the plain form a shortcut of ``_rules`` stands for and checks that
both agree on news-like and odd text (case variants, curly apostrophes, hyphens and
letters just before a clause's start, letters that fold in odd ways).
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplomatic_events._extract import _gazetteer, _rules
from diplomatic_events._extract._gazetteer import load

PIECES = [
    "virtual",
    "by video link",
    "phone call",
    "over dinner",
    "will",
    "is due to",
    "postponed",
    "cancelled",
    "did not meet",
    "company",
    "Ltd",
    "took part",
    "last year's edition",
    " ",
    ", ",
    "-",
    "x",
    "\u2019",
    "'",
    "\u0130",
    "\u017f",
    "\u2013",
    "\n",
    "Japan",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=12),
    st.integers(0, 120),
    st.integers(0, 120),
)
@example(["x", "virtual", " talks"], 1, 20)
@example(["-", "phone call"], 1, 20)
@example(["Ltd", "company"], 3, 20)
def test_clause_holds_is_search_of_the_clause_copy(
    pieces: list[str], start: int, size: int
) -> None:
    """_ClauseFacts.holds finds a match where a search of the clause's own copy does."""
    text = "".join(pieces)
    start = min(start, len(text))
    end = min(len(text), start + size)
    gaz = load()
    _gazetteer.clear_caches()
    reader = _rules.Reader(text, None, gaz, [], [], [], {})
    facts = _rules._ClauseFacts(reader, _rules.Clause(start, end, background=False))
    for name, phrases in [*gaz.regex.items(), *gaz.status_regex.items()]:
        expected = phrases.search(text[start:end]) is not None
        assert facts.holds(phrases) is expected, (name, text, start, end)
