"""The Python examples in README.md and docs/*.md run and print what the docs say."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PAGES = [
    *sorted(p for p in DOCS.glob("*.md") if ">>>" in p.read_text(encoding="utf-8")),
    ROOT / "README.md",
]


def test_docs_have_examples() -> None:
    """At least the tutorial carries doctested examples, so this module tests something."""
    assert "tutorial.md" in [p.name for p in PAGES]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_doc_examples(page: Path) -> None:
    """Every >>> example of the page runs and prints the output shown."""
    result = doctest.testfile(
        str(page),
        module_relative=False,
        encoding="utf-8",
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        raise_on_error=False,
        verbose=False,
    )

    assert (result.attempted > 0, 0) == (True, result.failed), f"see the report above for {page}"
