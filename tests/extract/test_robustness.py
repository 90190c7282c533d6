"""No input makes the extractor raise or hang, and its output is deterministic."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplomatic_events as de
from diplomatic_events._extract._rules import _strip_edition_tail

if TYPE_CHECKING:
    from collections.abc import Callable

SENTENCE = "Japan and France signed a defence agreement in Paris on Thursday. "


def _qname(i: int) -> str:
    """A distinct capitalised nonce word for each *i*: Qaaaa, Qbaaa, ..."""
    letters = ""
    for _ in range(4):
        letters += "abcdefghijklmnopqrstuvwxyz"[i % 26]
        i //= 26
    return "Q" + letters


_STATES = [
    "Japan",
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Canada",
    "Brazil",
    "India",
    "Chile",
    "Mexico",
]


HOSTILE = {
    "empty": "",
    "spaces": " \n\t " * 100,
    "nul bytes": "\x00" * 10_000,
    "lone surrogates": "Japan \ud800 and France met in Paris. \udfff",
    "rtl marks": "\u202eJapan and France met\u202c in Paris \u200f on Monday.",
    "no spaces": "a" * 1_000_000,
    "no full stops": ("Japan and France met in Paris " * 40_000)[:1_000_000],
    "repeated sentence": SENTENCE * 20_000,
    "open brackets": "(" * 1_000_000,
    "titles": "President " * 100_000,
    "title chains": "Prime Minister Gen. Col. " * 40_000,
    "quotes": '"' * 200_000,
    "digits": "2024 " * 200_000,
    "agreement heads": "MoU " * 250_000,
    "agreement heads with no spaces": "MoU\u200b" * 250_000,
    "deals": "deal " * 200_000,
    "treaties": "treaty " * 142_857,
    "heads after states and blocs": "Japan NATO pact " * 62_500,
    "heads after a status verb": "signed MoU " * 90_000,
    # Hundreds of clauses a sentence, each with a meeting word: each clause's matches
    # are found among the sentence's by bisection, not by reading them all.
    "meeting words between semicolons": "met; " * 48_000,
    # Each relative clause looks for the meeting it goes on telling among the
    # observations of its own sentence only, not among all read so far.
    "relative clauses after talks": "; ".join(
        ["Japan and France held talks, who met with Germany and Italy"] * 8_000
    ),
    # "<Treaty>, as the only ... agreement": the named one is looked for among the
    # observations of the same sentence only (distinct pairs keep the assembly cheap).
    "named agreements each told again as a generic one": "; ".join(
        f"{_STATES[i % 10]} and {_STATES[(i + 1 + i // 10 % 9) % 10]} signed the "
        f"{_qname(i)} Treaty, as the only defence agreement"
        for i in range(8_000)
    ),
    # Each new exercise name is compared with every record kept: a name's words are
    # worked out once per article, not once per comparison.
    "distinct exercise names": "; ".join(f"Exercise {_qname(i)}" for i in range(20_000)),
    # "his counterpart" takes the title of the last person kept, remembered as it is
    # kept, not looked for back through every mention so far.
    "counterparts with no person before them": "Japanese counterpart said; " * 37_000,
    # A past edition with no participants of its own takes those of the exercises
    # read so far, from an index of them rather than from all the observations.
    "past editions with the same navies": "; ".join(
        f"Japan and France held Exercise {_qname(i)}; the previous edition of Exercise "
        f"{_qname(i)} was held in 2003 with the same four navies"
        for i in range(4_000)
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_returns_quickly(name: str) -> None:
    """A hostile input returns an event set that serializes, within a few seconds."""
    start = time.perf_counter()
    events = de.extract(HOSTILE[name], published=dt.date(2024, 5, 3))
    text = de.to_json(events)
    elapsed = time.perf_counter() - start
    assert (True, True) == (isinstance(text, (str, bytes)), elapsed < 20)


def test_lone_surrogates_are_replaced_one_for_one() -> None:
    """Lone surrogates become U+FFFD in the article, so offsets still match the input."""
    source = "Japan \ud800 and France met."
    events = de.extract(source)
    assert events.article is not None
    assert (len(source), "Japan \ufffd and France met.") == (
        len(events.article.text),
        events.article.text,
    )


def test_repeated_sentence_is_one_event() -> None:
    """A sentence repeated 20,000 times gives one agreement with a bounded number of spans."""
    events = de.extract(SENTENCE * 20_000, published=dt.date(2024, 5, 3))
    assert (1, True) == (len(events.agreements), len(events.agreements[0].evidence) <= 50)


def test_deterministic() -> None:
    """The same input gives the same output, byte for byte."""
    text = (Path(__file__).parents[2] / "seeds" / "000_37755c9e1f30a911.txt").read_text("utf-8")
    runs = {de.to_json(de.extract(text, published=dt.date(2024, 5, 3))) for _ in range(3)}
    assert 1 == len(runs)


def test_text_without_events_is_empty() -> None:
    """A report with no diplomatic event gives the article and no events."""
    text = (
        "Japan's exports fell 8.4 per cent in January from a year earlier, customs data showed.\n\n"
        "Shipments to China slumped, while exports to the United States rose almost 7 per cent."
    )
    events = de.extract(text, published=dt.date(2019, 2, 19))
    assert ((), (), (), text) == (
        events.meetings,
        events.agreements,
        events.exercises,
        events.article.text if events.article else None,
    )


def test_sports_fixtures_are_not_meetings() -> None:
    """National teams meeting on the field is no diplomatic meeting."""
    text = (
        "India beat Pakistan by seven wickets at the Cricket World Cup in Ahmedabad.\n\n"
        "India meet Bangladesh on Thursday, and Pakistan play Australia in the tournament "
        "on Friday."
    )
    events = de.extract(text, published=dt.date(2023, 10, 14))
    assert () == events.meetings


@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    """Any text gives a valid event set that serializes."""
    events = de.extract(text)
    assert isinstance(de.to_json(events), (str, bytes))


#: The edition-tail pattern ``_strip_edition_tail`` replaced; it backtracks exponentially
#: on a long run of digits that a letter follows, so it is only run on short strings here.
OLD_EDITION_TAIL = re.compile(r"(?:[\s-]*(?:\d{2,4}|'\d{2}))+$")


@given(st.text(alphabet="12 -'x\n\t\u0663\u2003", max_size=14))
def test_edition_tail_matches_the_old_pattern(raw: str) -> None:
    """Dropping an edition tail cuts exactly what the old regular expression cut."""
    assert OLD_EDITION_TAIL.sub("", raw) == _strip_edition_tail(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Malabar 2024", "Malabar"),
        ("Cobra Gold '24", "Cobra Gold"),
        ("Talisman Sabre 23-25", "Talisman Sabre"),
        ("Talisman Sabre '23-'25", "Talisman Sabre"),
        ("Zapad'123", "Zapad'"),
        ("Zapad'1234", "Zapad"),
        ("Zapad 1", "Zapad 1"),
        ("A" + "1" * 60 + "x", "A" + "1" * 60 + "x"),
    ],
)
def test_edition_tail_examples(raw: str, expected: str) -> None:
    """An edition year or span at the end is cut; a lone digit or a digit run inside is kept."""
    assert expected == _strip_edition_tail(raw)


@pytest.mark.parametrize(
    "text",
    [
        "Exercise A" + "1" * 50 + "x",
        "the Ab" + "1" * 60 + "x Cd drills",
        'The "A' + "1" * 38 + 'x" drills',
        "Exercise A" + "1" * 1_000_000 + "x",
        "Exercise A" + " 1" * 500_000 + "x",
    ],
    ids=["named", "capitalised", "quoted", "named 1 MB", "spaced 1 MB"],
)
def test_exercise_name_ending_in_a_long_digit_run_returns(
    text: str, extract_in_child: Callable[[str], None]
) -> None:
    """An exercise name ending in a run of digits and a letter once backtracked forever.

    Run in a child interpreter so that a regression fails on its timeout instead of
    hanging the suite.
    """
    extract_in_child(text)


@pytest.mark.parametrize(
    "text",
    [
        "Japan and France \u017figned a defence dea\u017f in Pari\u017f.",
        "Japan and France signed two MoU\u017f and a PACT in Paris.",
        "The thr\u0130e countries, India, Japan and France, held talks.",
        "Bo\u017fh \u017fides agreed.",
        "The t\u0130o leaders signed a joint \u017ftatement in Paris.",
        "Japan held the \u212arav exercise; the \u0130ndian navy joined the drill\u017f.",
        "Japan and France \u0130\u0130 \u212a\u212a \u017f\u017f agreement \u0131 treat\u0130es",
    ],
)
def test_case_insensitive_lookalike_letters(text: str) -> None:
    """A letter that case-insensitive patterns match as an ASCII one raises nothing.

    A long s, a dotted capital I or a Kelvin sign matches as s, i or k, but lower-cases
    to no ASCII word, so a table lookup of the lower-cased match could fail.
    """
    events = de.extract(text, published=dt.date(2024, 5, 3))
    assert isinstance(de.to_json(events), (str, bytes))
