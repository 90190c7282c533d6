"""Assembling many observations of one text stays fast and within the event caps.

Each reproducer once took seconds to tens of seconds at a few hundred kilobytes to a
megabyte, because assembly compared every new observation with everything merged so
far at a high cost. The bounds are generous (CI machines are slow); here each test
takes well under three seconds.
"""

from __future__ import annotations

import string
import time

import diplomatic_events as de

LIMIT = 20.0


def _name(i: int) -> str:
    """A distinct five-letter name: 'Qaaaa', 'Qbaaa', ..."""
    letters = ""
    for _ in range(4):
        letters += string.ascii_lowercase[i % 26]
        i //= 26
    return "Q" + letters


def _timed(text: str) -> tuple[de.EventSet, float]:
    """The events of a text and the seconds their extraction took."""
    start = time.perf_counter()
    events = de.extract(text)
    return events, time.perf_counter() - start


def test_one_meeting_with_many_topics_is_fast_and_keeps_their_order() -> None:
    """32,000 distinct topics of one meeting (416 kB) were merged in 4.7 s; order is kept."""
    n = 4_000
    text = "; ".join(
        "Japan and France discussed " + " and ".join(_name(i * 8 + k) for k in range(8))
        for i in range(n)
    )

    events, elapsed = _timed(text)

    order = {_name(i): i for i in range(n * 8)}
    topics = [order[t] for t in events.meetings[0].topics] if events.meetings else []
    assert (1, True, True, True) == (
        len(events.meetings),
        len(topics) > 1_000,
        topics == sorted(set(topics)),
        elapsed < LIMIT,
    )


def test_many_named_agreements_of_one_pair_are_fast_and_capped() -> None:
    """6,000 distinct treaties of one pair (252 kB) took 3.9 s; still 200 agreements."""
    text = "; ".join(f"Japan and France signed the {_name(i)} Treaty" for i in range(6_000))

    events, elapsed = _timed(text)

    names = {a.name for a in events.agreements}
    assert (200, True, True) == (
        len(events.agreements),
        names <= {f"{_name(i)} Treaty" for i in range(6_000)} and len(names) == 200,
        elapsed < LIMIT,
    )


def test_many_distinct_armed_forces_in_event_sentences_are_fast() -> None:
    """20,000 mentions of 7,202 distinct forces (615 kB) took 8.2 s; each is one party."""
    from diplomatic_events._extract import _gazetteer  # noqa: PLC0415

    gazetteer = _gazetteer.load()
    states = sorted(k for k, e in gazetteer.phrases.items() if e.kind in {"country", "demonym"})
    nouns = sorted(f for f in gazetteer.force_nouns if f[0].isupper())
    forces = [f"{state} {noun}" for noun in nouns for state in states]
    text = " ".join(
        "The "
        + ", the ".join(forces[(i * 20 + k) % len(forces)] for k in range(20))
        + " held joint drills."
        for i in range(1_000)
    )

    events, elapsed = _timed(text)

    military = [p.name for p in events.parties if p.kind is de.PartyKind.MILITARY]
    assert (True, True, True) == (
        len(military) > 5_000,
        len(set(military)) == len(military) and set(military) <= set(forces),
        elapsed < LIMIT,
    )


def test_past_exercise_editions_are_capped() -> None:
    """2,000 past editions gave 2,000 exercises; they are capped like other events."""
    text = " ".join(
        f"When Exercise {_name(i)} began in 2003, it involved Japan and France."
        for i in range(2_000)
    )

    events, elapsed = _timed(text)

    assert (200, [_name(i) for i in range(200)], True) == (
        len(events.exercises),
        [e.name for e in events.exercises],
        elapsed < LIMIT,
    )
