"""Benchmark: machine instructions ``diplomatic_events.extract`` spends on one seed article.

Run from the repository root (needs valgrind; takes about a minute)::

    python tests/benchmarks/extract_instructions.py          # a line of text
    python tests/benchmarks/extract_instructions.py --json   # the figures, as JSON

Wall-clock rates move with whatever else the machine runs; an instruction count does
not. valgrind's callgrind tool counts every instruction a child interpreter executes,
once for an interpreter that extracts the seed article ``--extra + 1`` times and once
for one that extracts it once: the difference, divided by ``--extra``, is what one
extraction costs, with start-up and table loading taken out. The same code, inputs and
Python give the same count on any run (string hashing is seeded with 0, since hash order
moves the count a little), so two commits can be compared on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import sys
import diplomatic_events as de

seed = de.seed_article()
for _ in range(int(sys.argv[1])):
    de.extract(seed.text, published=seed.published)
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _instructions(valgrind: str, runs: int) -> int:
    """Instructions an interpreter executes to extract the seed *runs* times."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [
                valgrind,
                "--tool=callgrind",
                f"--callgrind-out-file={Path(tmp) / 'callgrind.out'}",
                sys.executable,
                "-c",
                _CHILD,
                str(runs),
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    found = _REFS.search(done.stderr)
    if found is None:
        msg = f"valgrind printed no instruction count:\n{done.stderr}"
        raise RuntimeError(msg)
    return int(found.group(1).replace(",", ""))


def main() -> None:
    """Count, and print the instructions per seed extraction."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--extra", type=int, default=20, help="extractions counted")
    args = parser.parse_args()
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("valgrind not found: install it (Debian: apt install valgrind)")
    once = _instructions(valgrind, 1)
    more = _instructions(valgrind, args.extra + 1)
    per_article = (more - once) / args.extra
    if args.json:
        print(json.dumps({"seed_instructions_per_article": round(per_article)}))
    else:
        print(f"seed article: {per_article / 1e6:.2f} million instructions per extraction")


if __name__ == "__main__":
    main()
