"""The command line, as a user runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from diplomatic_events import EventSet, from_json, load_seed, to_json
from diplomatic_events._cli import main

if TYPE_CHECKING:
    from pathlib import Path


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m diplomatic_events` with *args*."""
    return subprocess.run(
        [sys.executable, "-m", "diplomatic_events", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_seed_json_is_to_json_of_load_seed(capsys: pytest.CaptureFixture[str]) -> None:
    """`seed --format json` prints exactly `to_json(load_seed())`."""
    assert main(["seed", "--format", "json"]) == 0
    assert capsys.readouterr().out == to_json(load_seed()) + "\n"


def test_seed_text_lists_events_with_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    """`seed` prints one block per event with status, parties and an evidence sentence."""
    assert main(["seed"]) == 0
    out = capsys.readouterr().out
    events = load_seed()
    assert out.count("\nMEETING\n") == len(events.meetings)
    assert out.count("\nAGREEMENT ") == len(events.agreements)
    assert out.count("\nEXERCISE ") == len(events.exercises)
    assert "evidence: " in out


def test_python_m_runs_the_same_command() -> None:
    """`python -m diplomatic_events` is the console script."""
    result = run("schema", "Span")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "Span"


def test_extract_from_stdin_with_published(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`extract -` reads standard input and resolves dates against --published."""
    text = "Japan and France held talks in Paris on Thursday."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["extract", "-", "--published", "2024-05-03", "--format", "json"]) == 0
    events = from_json(EventSet, capsys.readouterr().out)
    assert events.article is not None
    assert events.article.text == text
    assert events.article.published is not None
    assert events.article.published.isoformat() == "2024-05-03"


def test_validate_accepts_a_valid_file(tmp_path: Path) -> None:
    """`validate` exits 0 on a valid document."""
    path = tmp_path / "ok.json"
    path.write_text(to_json(load_seed()), encoding="utf-8")
    result = run("validate", str(path))
    assert (result.returncode, result.stderr) == (0, "")


def test_validate_lists_each_problem_with_its_path(tmp_path: Path) -> None:
    """`validate` exits 1 and prints one `$.path: reason` line per problem."""
    doc = json.loads(to_json(load_seed()))
    doc["parties"][0]["country"] = "XXX"
    doc["parties"][1]["name"] = ""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = run("validate", str(path))
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert lines == [
        "$.parties[0].country: 'XXX' is not an ISO 3166-1 alpha-3 code",
        "$.parties[1].name: must not be empty",
    ]


def test_validate_reports_malformed_json_in_one_line(tmp_path: Path) -> None:
    """`validate` exits 1 with a single line for JSON that does not parse."""
    path = tmp_path / "broken.json"
    path.write_text('{"schema_version": 1,', encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("extract", "/nonexistent/article.txt"),
        ("extract", "-", "--published", "2024-13-01"),
        ("validate", "/nonexistent.json"),
        ("schema", "NoSuchModel"),
        ("frobnicate",),
        (),
        ("extract-many", "/nonexistent.jsonl", "-o", "-"),
        ("extract-many", "-", "-o", "-", "--workers", "0"),
    ],
)
def test_bad_usage_exits_2_with_one_line(args: tuple[str, ...]) -> None:
    """Bad usage, missing files and bad dates exit 2 with a one-line message, no traceback."""
    result = run(*args, stdin="")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_extract_many_skips_bad_lines_and_keeps_going(tmp_path: Path) -> None:
    """`extract-many` writes one event set per good line and names each bad line."""
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"text": "Japan and France held talks.", "published": "2024-05-03"}),
                "{not json",
                json.dumps({"text": 5}),
                "",
                json.dumps({"text": "Nothing happened.", "title": "Quiet day"}),
                json.dumps({"text": "x", "published": "May 3"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run("extract-many", str(source), "-o", str(out), "--workers", "2")
    written = [from_json(EventSet, line) for line in out.read_text(encoding="utf-8").splitlines()]
    skipped = [line for line in result.stderr.splitlines() if "skipped line" in line]
    assert result.returncode == 1
    assert [e.article.text if e.article else None for e in written] == [
        "Japan and France held talks.",
        "Nothing happened.",
    ]
    assert [s.split("skipped line ")[1].split(":")[0] for s in skipped] == ["2", "3", "6"]


def test_seed_text_quotes_whole_single_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    """Each evidence line quotes one whole sentence of the article, not a fragment or two."""
    assert main(["seed"]) == 0
    out = capsys.readouterr().out
    expected = (
        '  evidence: "Chinese President Xi Jinping is scheduled to visit France on Sunday'
        ' to meet with Macron."'
    )
    assert expected in out.splitlines()
