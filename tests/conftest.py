"""Shared pytest configuration: the Hypothesis profiles.

Choose one with the environment variable ``HYPOTHESIS_PROFILE``:
``dev`` (the default, quick) or ``ci`` (more examples; the default when ``CI`` is set).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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
