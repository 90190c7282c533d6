"""Every Hypothesis strategy the tests use, re-exported from the public module.

A new model field means a strategy update in :mod:`diplomatic_events.testing`, which
downstream projects use too.
"""

from __future__ import annotations

from hypothesis import strategies as st

from diplomatic_events.testing import (
    agreements,
    articles,
    country_codes,
    event_sets,
    exercises,
    locations,
    meetings,
    partial_dates,
    parties,
    party_kinds,
    spans,
    status_changes,
    texts,
)

__all__ = [
    "agreements",
    "articles",
    "country_codes",
    "event_sets",
    "exercises",
    "locations",
    "meetings",
    "models",
    "partial_dates",
    "parties",
    "party_kinds",
    "spans",
    "status_changes",
    "texts",
]


def models() -> st.SearchStrategy[object]:
    """Generate an instance of any model, for properties every model must have."""
    return st.one_of(
        partial_dates(),
        locations(),
        spans(),
        parties(),
        status_changes(),
        meetings(),
        agreements(),
        exercises(),
        articles(),
        event_sets(),
    )
