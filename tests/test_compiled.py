"""The compiled build: the wheel whose extractor modules (and models' fast checks) mypyc compiles.

``HATCH_BUILD_HOOKS_ENABLE=1 python -m build`` makes it (docs/performance.md). The
compiled modules must behave exactly as the Python source does: the same event sets,
byte for byte, on every article we have, and no exception on hostile text (mypyc
checks types at run time where Python would not).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import diplomatic_events as de
from compiled_build import ROOT, build_compiled, cannot_compile
from diplomatic_events._extract import _rules

#: Texts whose output the two builds must agree on: the held-out articles (with and
#: without their publication date), the seed, and hostile text.
HOSTILE = [
    "",
    "\x00" * 50 + "Japan and France signed a treaty.",
    "\u202eFrance\u202c and Japan held talks \ud800 in Paris on Monday.",
    "(" * 3000 + " Japan and France agreed.",
    "President Prime Minister " * 500 + "met in Paris.",
    "Prime Minister Jean\x0cde met President Lee.",
    "Japan and France signed an agreement on Monday. " * 200,
    "x" * 100_000,
    "." * 100_000,
]


def _texts() -> list[dict[str, str | None]]:
    out: list[dict[str, str | None]] = []
    for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "text" not in data:
            continue
        out.append({"text": data["text"], "published": data.get("published")})
        out.append({"text": data["text"], "published": None})
    seed = de.seed_article()
    out.append({"text": seed.text, "published": str(seed.published)})
    out.extend({"text": text, "published": None} for text in HOSTILE)
    return out


#: Run in the interpreter that imports the compiled wheel: extract every text and
#: print which files the extractor modules were loaded from, then the outputs.
_CHILD = """
import datetime as dt, json, sys
sys.path.insert(0, sys.argv[1])
import diplomatic_events as de
from diplomatic_events import _extract, _fastcheck, _models
from diplomatic_events._extract import _assemble, _gazetteer, _mentions, _rules, _temporal, _text
compiled = (_extract, _assemble, _gazetteer, _mentions, _rules, _temporal, _text, _fastcheck)
modules = [m.__file__ for m in compiled]
# The models run the compiled fast checks, not copies of them.
assert _models.meeting_ok is _fastcheck.meeting_ok
assert _models.event_set_ok is _fastcheck.event_set_ok
texts = json.load(open(sys.argv[2], encoding="utf-8"))
outputs = []
for item in texts:
    published = item["published"]
    day = None if published is None else dt.date.fromisoformat(published)
    outputs.append(de.to_json(de.extract(item["text"], published=day)))
json.dump({"modules": modules, "outputs": outputs}, sys.stdout)
"""


@pytest.fixture(scope="module")
def compiled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The compiled wheel, built from a copy of the sources and installed in a folder."""
    reason = cannot_compile()
    if reason is not None:
        pytest.skip(reason)
    return build_compiled(tmp_path_factory.mktemp("compiled"))


def test_compiled_extractor_matches_the_python_source(compiled_site: Path, tmp_path: Path) -> None:
    """Every text gives the same JSON compiled as from the source, and none raises."""
    texts = _texts()
    path = tmp_path / "texts.json"
    path.write_text(json.dumps(texts), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-I", "-c", _CHILD, str(compiled_site), str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    child = json.loads(result.stdout)
    for module in child["modules"]:
        assert module.startswith(str(compiled_site))
        assert module.endswith((".so", ".pyd")), module
    # The comparison is between two builds only if this process runs the source.
    assert Path(_rules.__file__ or "").suffix == ".py"
    expected = []
    for item in texts:
        published = item["published"]
        day = None if published is None else dt.date.fromisoformat(published)
        expected.append(de.to_json(de.extract(str(item["text"]), published=day)))
    assert len(child["outputs"]) == len(expected)
    differ = [i for i, (a, b) in enumerate(zip(child["outputs"], expected, strict=True)) if a != b]
    assert differ == []


def test_compiled_fast_checks_pass_the_model_tests(compiled_site: Path) -> None:
    """The models' tests pass with the compiled fast checks (same errors, same answers)."""
    tests = ["tests/test_models.py", "tests/test_fastcheck.py"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        env={**os.environ, "PYTHONPATH": str(compiled_site)},
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
