"""Shared pytest configuration: the Hypothesis profiles and a child-interpreter fixture.

Choose a profile with the environment variable ``HYPOTHESIS_PROFILE``:
``dev`` (the default, quick) or ``ci`` (more examples; the default when ``CI`` is set).
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from collections.abc import Callable

settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    # Shared CI machines are slow at times; slowness is not a failure of the code.
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


#: Seconds a child interpreter may take to extract one hostile text.
CHILD_TIMEOUT = 30.0
_CHILD = """
import sys
import diplomatic_events as de

result = de.extract(sys.stdin.read())
de.from_json(de.EventSet, de.to_json(result))
print("ok")
"""


@pytest.fixture
def extract_in_child() -> Callable[[str], None]:
    """Extract a text, and write the result as JSON, in a child interpreter.

    For inputs that once looped or backtracked without end: a regression fails on the
    child's timeout instead of hanging the suite.
    """

    def run(text: str) -> None:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=CHILD_TIMEOUT,
            check=False,
        )
        assert (0, "ok") == (done.returncode, done.stdout.strip()), done.stderr

    return run
