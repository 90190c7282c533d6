"""The seed article against a gold file written by hand from reading it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import diplomatic_events as de

ROOT = Path(__file__).parents[2]
SEED_TEXT = (ROOT / "seeds" / "000_37755c9e1f30a911.txt").read_text(encoding="utf-8")
GOLD: dict[str, Any] = json.loads((Path(__file__).parent / "gold" / "seed.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def events() -> de.EventSet:
    """The seed's events, extracted with its publication date."""
    return de.extract(SEED_TEXT, published=dt.date.fromisoformat(GOLD["published"]))


def _party(p: de.Party) -> dict[str, Any]:
    return {"kind": p.kind.value, "name": p.name, "country": p.country, "title": p.title}


def _agreement_key(a: de.Agreement) -> tuple[str | None, tuple[str, ...]]:
    return (a.acronym, tuple(sorted(p.country or "" for p in a.parties)))


def _meetings(events: de.EventSet) -> list[dict[str, Any]]:
    by_id = {a.id: a for a in events.agreements}
    out = []
    for m in events.meetings:
        location = m.location
        out.append(
            {
                "participants": sorted(
                    (_party(p) for p in m.participants), key=lambda d: d["name"]
                ),
                "status": m.status.value,
                "date": None if m.date is None else str(m.date),
                "date_text": m.date_text,
                "location": None
                if location is None
                else {
                    "name": location.name,
                    "country": location.country,
                    "kind": location.kind.value,
                },
                "format": None if m.format is None else m.format.value,
                "topics": list(m.topics),
                "outcomes": [
                    {"acronym": k[0], "parties": list(k[1])}
                    for k in (_agreement_key(by_id[o]) for o in m.outcomes)
                ],
            }
        )
    return out


def _agreements(events: de.EventSet) -> list[dict[str, Any]]:
    return [
        {
            "name": a.name,
            "acronym": a.acronym,
            "kind": a.kind.value,
            "parties": sorted(p.country or "" for p in a.parties),
            "status": a.status.value,
            "date": None if a.date is None else str(a.date),
            "history": [
                [h.status.value, None if h.date is None else str(h.date)] for h in a.history
            ],
        }
        for a in events.agreements
    ]


def _strip(items: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    return [{k: v for k, v in item.items() if k not in keys} for item in items]


def test_seed_meetings(events: de.EventSet) -> None:
    """The two meetings: Kishida-Macron held on 2024-05-02, Xi-Macron scheduled for 2024-05-05."""
    assert _strip(GOLD["meetings"], "evidence_includes") == _meetings(events)


def test_seed_agreements(events: de.EventSet) -> None:
    """Five agreement records, the RAAs with Australia and Britain split into one record each."""
    assert _strip(GOLD["agreements"], "evidence_includes") == _agreements(events)


def test_seed_exercise(events: de.EventSet) -> None:
    """One exercise of Japan and France in 2023, held, at the places the article names."""
    expected = [
        {k: v for k, v in e.items() if k not in {"evidence_includes", "locations_include"}}
        for e in GOLD["exercises"]
    ]
    actual = [
        {
            "name": e.name,
            "participants": sorted(p.country or "" for p in e.participants),
            "status": e.status.value,
            "start": None if e.start is None else str(e.start),
            "date_text": e.date_text,
        }
        for e in events.exercises
    ]
    assert expected == actual
    names = {loc.name for e in events.exercises for loc in e.locations}
    assert set(GOLD["exercises"][0]["locations_include"]) == names & set(
        GOLD["exercises"][0]["locations_include"]
    )


def test_seed_parties(events: de.EventSet) -> None:
    """The parties: six states, three titled persons and two armed forces."""
    assert GOLD["parties"] == sorted(p.id for p in events.parties)


def test_seed_forces_are_military_parties_of_their_states(events: de.EventSet) -> None:
    """The Self-Defense Forces and the French Army are armed forces of Japan and France."""
    forces = {(p.name, p.country) for p in events.parties if p.kind is de.PartyKind.MILITARY}
    assert {("Self-Defense Forces", "JPN"), ("French Army", "FRA")} == forces


def test_seed_evidence_quotes_the_source(events: de.EventSet) -> None:
    """Every evidence span quotes the article exactly, and each event carries its key sentences."""
    all_events: list[de.Meeting | de.Agreement | de.Exercise] = [
        *events.meetings,
        *events.agreements,
        *events.exercises,
    ]
    quoted = [(s.text, SEED_TEXT[s.start : s.end]) for e in all_events for s in e.evidence]
    assert [(q, q) for q, _ in quoted] == quoted
    gold = [*GOLD["meetings"], *GOLD["agreements"], *GOLD["exercises"]]
    for event, expected in zip(all_events, gold, strict=True):
        texts = {s.text for s in event.evidence}
        assert set(expected["evidence_includes"]) == texts & set(expected["evidence_includes"])


def test_seed_without_publication_date_keeps_words() -> None:
    """Without a publication date, "on Thursday" and "last year" stay unresolved but keep words."""
    events = de.extract(SEED_TEXT)
    expected = GOLD["without_published"]
    assert expected["meeting_dates"] == [[m.date, m.date_text] for m in events.meetings]
    assert expected["exercise_start"] == next([e.start, e.date_text] for e in events.exercises)


def test_load_seed_matches_extract(events: de.EventSet) -> None:
    """load_seed() gives the same events as extract() on the seed with its metadata."""
    seed = de.load_seed()
    assert (events.meetings, events.agreements, events.exercises) == (
        seed.meetings,
        seed.agreements,
        seed.exercises,
    )
