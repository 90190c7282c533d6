"""Benchmark: how fast ``diplomatic_events.extract`` reads articles, on one core.

Run from the repository root::

    python tests/benchmarks/extract.py          # a table
    python tests/benchmarks/extract.py --json   # the figures, as JSON
    python tests/benchmarks/extract.py --compiled   # the same, for the mypyc-compiled build

It reports articles per second on the bundled seed article and on the development
articles in ``../shared/dev-articles`` (skipped with a message when absent), and the
time for 1x, 4x and 16x a long text (the development articles, or the seed, joined),
whose ratios show whether time grows linearly with length (4 and 16) or faster.
Each figure is the median of several rounds. The table names the build it measured:
the Python source, or the wheel whose extractor modules mypyc compiled (``--compiled``
builds that wheel in a temporary folder, which needs hatch-mypyc and a C compiler, and
runs the benchmark again with it first on the path).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import diplomatic_events as de
from diplomatic_events._extract import _rules

DEV_ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "dev-articles"


def _load_dev_articles() -> list[tuple[str, dt.date | None]]:
    out = []
    for path in sorted(DEV_ARTICLES.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        published = doc.get("published")
        out.append((doc["text"], dt.date.fromisoformat(published) if published else None))
    return out


def _rate(articles: list[tuple[str, dt.date | None]], rounds: int, target: float) -> float:
    """Return the median articles per second of *rounds* timed passes over *articles*."""
    passes = 1
    while True:  # calibrate: enough passes per round to last about *target* seconds
        t0 = time.perf_counter()
        for _ in range(passes):
            for text, published in articles:
                de.extract(text, published=published)
        elapsed = time.perf_counter() - t0
        if elapsed >= target / 4:
            passes = max(1, round(passes * target / elapsed))
            break
        passes *= 2
    rates = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(passes):
            for text, published in articles:
                de.extract(text, published=published)
        rates.append(passes * len(articles) / (time.perf_counter() - t0))
    return statistics.median(rates)


def _scaling(base: str, published: dt.date | None, rounds: int) -> dict[str, float]:
    times = {}
    for factor in (1, 4, 16):
        text = "\n\n".join([base] * factor)
        runs = []
        for _ in range(max(3, rounds // factor)):
            t0 = time.perf_counter()
            de.extract(text, published=published)
            runs.append(time.perf_counter() - t0)
        times[f"{factor}x"] = statistics.median(runs)
    return {
        "chars_1x": float(len(base)),
        "seconds_1x": times["1x"],
        "seconds_4x": times["4x"],
        "seconds_16x": times["16x"],
        "ratio_4x": times["4x"] / times["1x"],
        "ratio_16x": times["16x"] / times["1x"],
    }


def _build() -> str:
    """Which build of the extractor this interpreter runs."""
    compiled = Path(_rules.__file__ or "").suffix in {".so", ".pyd"}
    return "compiled (mypyc)" if compiled else "Python source"


def _run_compiled(argv: list[str]) -> int:
    """Build the compiled wheel, run this benchmark with it, return the exit status."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from compiled_build import build_compiled, cannot_compile  # noqa: PLC0415 - tests/ helper

    reason = cannot_compile()
    if reason is not None:
        print(f"cannot build the compiled wheel: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = build_compiled(Path(tmp))
        path = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p)
        child = [sys.executable, __file__, *argv]
        return subprocess.run(child, env={**os.environ, "PYTHONPATH": path}, check=False).returncode


def run(rounds: int, target: float) -> dict[str, Any]:
    """Return every figure of the benchmark."""
    seed = de.seed_article()
    de.extract(seed.text, published=seed.published)  # load the tables before timing
    results: dict[str, Any] = {
        "python": platform.python_version(),
        "build": _build(),
        "seed_chars": len(seed.text),
        "seed_articles_per_second": _rate([(seed.text, seed.published)], rounds, target),
    }
    if DEV_ARTICLES.is_dir():
        dev = _load_dev_articles()
        results["dev_articles"] = len(dev)
        results["dev_chars_mean"] = statistics.mean(len(t) for t, _ in dev)
        results["dev_articles_per_second"] = _rate(dev, rounds, target)
        base, published = "\n\n".join(t for t, _ in dev), None
    else:
        print(f"{DEV_ARTICLES} not found: skipping the development articles", file=sys.stderr)
        base, published = "\n\n".join([seed.text] * 10), seed.published
    results["long_text"] = _scaling(base, published, rounds)
    return results


def _table(r: dict[str, Any]) -> str:
    lines = [
        f"Python {r['python']}, diplomatic-events {de.__version__} ({r['build']}), one process",
        (
            f"seed article ({r['seed_chars']:,} chars): "
            f"{r['seed_articles_per_second']:,.0f} articles/s"
        ),
    ]
    if "dev_articles" in r:
        lines.append(
            f"dev articles ({r['dev_articles']} files, mean {r['dev_chars_mean']:,.0f} chars): "
            f"{r['dev_articles_per_second']:,.0f} articles/s"
        )
    s = r["long_text"]
    lines.append(f"long text, 1x = {s['chars_1x']:,.0f} chars:")
    for factor in ("1x", "4x", "16x"):
        ratio = s["seconds_" + factor] / s["seconds_1x"]
        lines.append(f"  {factor:>3}: {s['seconds_' + factor] * 1e3:9.1f} ms  ({ratio:5.2f}x)")
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark and print a table, or the figures with ``--json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rounds", type=int, default=7, help="rounds (median is kept)")
    parser.add_argument("--target", type=float, default=0.5, help="seconds per round")
    parser.add_argument(
        "--compiled", action="store_true", help="measure the mypyc-compiled build instead"
    )
    args = parser.parse_args()
    if args.compiled:
        raise SystemExit(_run_compiled([a for a in sys.argv[1:] if a != "--compiled"]))
    results = run(args.rounds, args.target)
    print(json.dumps(results, indent=2) if args.json else _table(results))


if __name__ == "__main__":
    main()
