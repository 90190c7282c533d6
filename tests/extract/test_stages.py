"""The pipeline's stages one by one: dates, coreference, lists, negation, rule tables."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

import diplomatic_events as de
from diplomatic_events._extract import _gazetteer
from diplomatic_events._extract._temporal import find_dates, resolve

FRIDAY = dt.date(2024, 5, 3)


def _resolved(text: str, published: dt.date | None, *, future: bool = False) -> list[str | None]:
    out = []
    for mention in find_dates(text):
        start, _ = resolve(mention, published, future=future)
        out.append(None if start is None else str(start))
    return out


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on Thursday", False, ["2024-05-02"]),
        ("on Friday", False, ["2024-05-03"]),
        ("on Sunday", True, ["2024-05-05"]),
        ("on Friday", True, ["2024-05-03"]),
        ("last year", False, ["2023"]),
        ("next month", True, ["2024-06"]),
        ("yesterday", False, ["2024-05-02"]),
        ("in March 2023", False, ["2023-03"]),
        ("on May 2, 2024", False, ["2024-05-02"]),
        ("from 9 to 21 June", True, ["2024-06-09"]),
        ("from 9 to 21 June", False, ["2023-06-09"]),
        ("since 1902", False, ["1902"]),
    ],
)
def test_relative_dates_resolve_against_publication(
    text: str, future: bool, expected: list[str]
) -> None:
    """Weekdays of past events look back, of scheduled ones forward; years keep their precision."""
    assert expected == _resolved(text, FRIDAY, future=future)


def test_relative_dates_without_publication_are_none() -> None:
    """Without a publication date a relative expression is None, an absolute one is not."""
    assert [None, None, "2019"] == _resolved("on Thursday, last year, in 2019", None)


def test_years_later_count_from_the_last_year_stated() -> None:
    """Two years after a visit in 2019 is 2021, with or without a publication date."""
    text = (
        "Russian President Vladimir Putin received Indian Prime Minister Narendra Modi in Moscow "
        "in 2019, and the two leaders met in New Delhi two years later."
    )
    dates = sorted(str(m.date) for m in de.extract(text).meetings if m.date is not None)
    assert ["2021"] == [d for d in dates if d == "2021"]


def test_surname_coreference() -> None:
    """A person introduced with title and full name is found again by surname."""
    text = (
        "Australian Prime Minister Anthony Albanese arrived in Tokyo.\n\n"
        "Japanese Prime Minister Fumio Kishida and Albanese held talks on Friday."
    )
    events = de.extract(text, published=FRIDAY)
    names = [sorted(p.name for p in m.participants) for m in events.meetings]
    assert [["Anthony Albanese", "Fumio Kishida"]] == names


def test_acronym_coreference_merges_one_agreement() -> None:
    """An acronym defined in parentheses and reused later is the same agreement."""
    text = (
        "Japan and Australia signed a Reciprocal Access Agreement (RAA) on Thursday.\n\n"
        "The RAA will simplify joint training."
    )
    events = de.extract(text, published=FRIDAY)
    assert [("RAA", "signed", "2024-05-02")] == [
        (a.acronym, a.status.value, str(a.date)) for a in events.agreements
    ]


def test_the_two_governments_refers_to_the_last_pair() -> None:
    """The phrase "the two governments" takes the pair of states named just before."""
    text = (
        "Japan and France agreed on Thursday to deepen security ties.\n\n"
        "The two governments signed an Acquisition and Cross Servicing Agreement (ACSA) in 2019."
    )
    events = de.extract(text, published=FRIDAY)
    assert [["FRA", "JPN"]] == [
        sorted(p.country or "" for p in a.parties) for a in events.agreements
    ]


def test_list_splits_into_bilateral_agreements() -> None:
    """Having "concluded RAAs with Australia and Britain" is one record per partner."""
    events = de.extract("Japan has already concluded RAAs with Australia and Britain.")
    assert [["AUS", "JPN"], ["GBR", "JPN"]] == [
        sorted(p.country or "" for p in a.parties) for a in events.agreements
    ]


def test_refusal_is_not_a_meeting() -> None:
    """A leader who "refused to meet" another held no meeting with them."""
    text = "Russian President Vladimir Putin refused to meet French President Emmanuel Macron."
    assert () == de.extract(text, published=FRIDAY).meetings


def test_importing_does_not_load_tables() -> None:
    """Importing the package leaves the rule tables unread until the first extract call."""
    code = (
        "import diplomatic_events, sys; "
        "from diplomatic_events._extract import _gazetteer as g; "
        "print(g.load.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "0" == out.stdout.strip()


def test_broken_table_raises_invalid_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """A malformed table raises InvalidRulesError naming the table, not a bare KeyError."""
    real = _gazetteer._read

    def broken(name: str) -> dict[str, object]:
        data = real(name)
        if name == "countries.json":
            data["demonyms"] = {"Atlantean": "ATL"}
        return data

    _gazetteer.load.cache_clear()
    monkeypatch.setattr(_gazetteer, "_read", broken)
    try:
        with pytest.raises(de.InvalidRulesError) as info:
            _gazetteer.load()
    finally:
        _gazetteer.load.cache_clear()
    assert "countries.json" == info.value.table


def test_shipped_tables_are_valid_json_objects() -> None:
    """Every shipped table is a JSON object with a _doc note."""
    import importlib.resources  # noqa: PLC0415

    folder = importlib.resources.files("diplomatic_events.rules")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
    docs = [bool(json.loads(folder.joinpath(n).read_text("utf-8")).get("_doc")) for n in names]
    assert [True] * len(names) == docs
