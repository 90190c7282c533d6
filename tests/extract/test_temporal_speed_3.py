"""The date scan on the spaced copy of the fold finds every start the plain scan finds."""

from __future__ import annotations

import pytest

from diplomatic_events._extract import _temporal
from diplomatic_events._extract._gazetteer import _lowered

TEXTS = [
    "Talks on 3 March 2024 and on March 5, then (late March) — “next week”.",
    "The ministers met on Tuesday; two years ago, the end of May, mid-march.",
    "Un sommet à Paris le 4\u00a0mars; March\u00e9 talks; maytime, marched, mayor.",
    "Earlier this month,\tthe\nfollowing day: 2023-05-04/2023-05-06 [Jan] «Feb».",
    "Prices rose ١٢ March and ٣ April, 7 June.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_spaced_scan_keeps_every_start(text: str) -> None:
    """Every start of the scan of the fold is among the starts found."""
    low = _lowered(text)
    plain = {m.start() + 1 for m in _temporal._START.finditer(low)}
    assert set(_temporal._starts(text, 0, len(text))) >= plain


def test_digit_beyond_ascii_keeps_the_plain_scan() -> None:
    """A digit beyond ASCII leaves no spaced copy; other characters become spaces."""
    assert _temporal._spaced("on ٣ march") is None
    assert _temporal._spaced("on 3 march\u2019s") == "on 3 march s"


def test_dates_after_digits_beyond_ascii_are_found() -> None:
    """A date with a day in digits beyond ASCII is still found."""
    found = _temporal.find_dates("Talks on ٣ March 2024.")
    assert [d.text for d in found] == ["٣ March 2024"]
