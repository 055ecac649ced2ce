"""Hypothesis profiles: "ci" (derandomized) when CI is set, "dev" (random) otherwise; English messages."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

import ecfmetric

# Some test modules draw messages while they are collected (baselines built at import).
ecfmetric.set_language("en")


@pytest.fixture(autouse=True, scope="session")
def _english_messages() -> Iterator[None]:
    """The suite matches English messages; tests of Portuguese switch with ``language("pt")``."""
    with ecfmetric.language("en"):
        yield


# CI is derandomized: the same examples every run, so a submission cannot fail by luck; the
# "dev" profile stays random to keep finding new cases.
# 50 examples per property keeps the whole suite well under CI's 15 minutes on 2 cores (at 200 it
# took 15); every assertion stays. HYPOTHESIS_PROFILE=fuzz runs 5,000 per property.
settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
settings.register_profile(
    "fuzz", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck)
)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
