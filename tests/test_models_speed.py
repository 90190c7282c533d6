"""The assembly's compiled copies of the models' id functions give the models' ids."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from diplomatic_events import PartyKind, extract, seed_article
from diplomatic_events import _models as models
from diplomatic_events._extract import _assemble as assemble
from diplomatic_events.serialization import MODELS
from strategies import agreements, exercises, meetings, parties

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


@given(st.text())
def test_slug_copy_is_the_models(name: str) -> None:
    """Any name, ASCII or not, slugs as the model slugs it."""
    assert models._slug(name) == assemble._slug_of(name)


@given(parties(kinds=[PartyKind.PERSON, PartyKind.ORGANIZATION, PartyKind.MILITARY]))
def test_party_key_is_the_models(party: models.Party) -> None:
    """A person's, organization's or armed force's id is the model's."""
    expected = models._party_id(party)
    assert expected == assemble._party_key(party.kind.value, party.name, party.country)


@given(meetings())
def test_meeting_key_is_the_models(meeting: models.Meeting) -> None:
    """A meeting's id is the model's."""
    assert models._meeting_id(meeting) == assemble._meeting_key(meeting)


@given(agreements())
def test_agreement_key_is_the_models(agreement: models.Agreement) -> None:
    """An agreement's id is the model's."""
    expected = models._agreement_id(agreement)
    key = assemble._agreement_key(agreement.parties, agreement.name, agreement.acronym)
    assert expected == key


@given(exercises())
def test_exercise_key_is_the_models(exercise: models.Exercise) -> None:
    """An exercise's id is the model's."""
    expected = models._exercise_id(exercise)
    key = assemble._exercise_key(exercise.participants, exercise.name, exercise.start)
    assert expected == key


def test_extracted_ids_are_the_models() -> None:
    """Every party and event the extractor returns carries the id its model computes."""
    texts = [(seed_article().text, seed_article().published)]
    for path in sorted(FIXTURES.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        published = case["published"]
        texts.append((case["text"], dt.date.fromisoformat(published) if published else None))
    seen = 0
    for text, published in texts:
        result = extract(text, published=published)
        for party in result.parties:
            assert models._party_id(party) == party.id
        for meeting in result.meetings:
            assert models._meeting_id(meeting) == meeting.id
        for agreement in result.agreements:
            assert models._agreement_id(agreement) == agreement.id
        for exercise in result.exercises:
            assert models._exercise_id(exercise) == exercise.id
        seen += len(result.parties)
    assert seen > 100


def test_models_read_attributes_without_a_hook() -> None:
    """No model class has ``__getattr__``: with one, every attribute read is the slow one.

    (``functools.cached_property`` ids made attrs add one; the ids' caches are plain
    slots of a base class now.)
    """
    assert [] == [cls.__name__ for cls in MODELS.values() if hasattr(cls, "__getattr__")]
