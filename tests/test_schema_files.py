"""The JSON Schema files published under docs/schema/ match the library."""

# The tests write `expected == actual` (STYLE.md), which SIM300 calls a Yoda condition.

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomatic_events import json_schema
from diplomatic_events.serialization import MODELS

SCHEMA_DIR = Path(__file__).parent.parent / "docs" / "schema"

REGENERATE = (
    "docs/schema/ is stale; regenerate it from the repository root with:\n"
    '  python -c "import json; from diplomatic_events import json_schema; '
    "from diplomatic_events.serialization import MODELS; "
    "[open(f'docs/schema/{n}.json', 'w', encoding='utf-8').write("
    "json.dumps(json_schema(c), indent=2, sort_keys=True) + '\\n') for n, c in MODELS.items()]\""
)


def render(cls: type) -> str:
    """Return the published text of *cls*'s schema: pretty, sorted keys, trailing newline."""
    return json.dumps(json_schema(cls), indent=2, sort_keys=True) + "\n"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_schema_file_is_current(name: str) -> None:
    """docs/schema/<Model>.json holds exactly what json_schema(<Model>) gives."""
    path = SCHEMA_DIR / f"{name}.json"
    published = path.read_text(encoding="utf-8") if path.exists() else None

    assert render(MODELS[name]) == published, REGENERATE


def test_no_stale_schema_files() -> None:
    """Every schema file names a model, so none is left from a removed one."""
    names = sorted(p.stem for p in SCHEMA_DIR.glob("*.json"))

    assert sorted(MODELS) == names, REGENERATE
