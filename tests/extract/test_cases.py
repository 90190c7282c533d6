"""Golden cases: a passage, the events it states, and why the case matters."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import diplomatic_events as de

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases" / "golden.json").read_text("utf-8")
)


def _summary(events: de.EventSet) -> dict[str, list[dict[str, Any]]]:
    def codes(parties: tuple[de.Party, ...]) -> list[str]:
        return sorted({p.country for p in parties if p.country})

    return {
        "agreements": [
            {
                "acronym": a.acronym,
                "parties": codes(a.parties),
                "status": a.status.value,
                "date": None if a.date is None else str(a.date),
            }
            for a in events.agreements
        ],
        "meetings": [
            {
                "countries": codes(m.participants),
                "status": m.status.value,
                "date": None if m.date is None else str(m.date),
                "location": None if m.location is None else m.location.name,
            }
            for m in events.meetings
        ],
        "exercises": [
            {
                "name": e.name,
                "participants": codes(e.participants),
                "status": e.status.value,
                "start": None if e.start is None else str(e.start),
            }
            for e in events.exercises
        ],
    }


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    """Each golden passage yields exactly its annotated events."""
    published = dt.date.fromisoformat(case["published"]) if case["published"] else None
    events = de.extract(case["text"], published=published)
    expected = {k: case[k] for k in ("agreements", "meetings", "exercises")}
    assert expected == _summary(events)
