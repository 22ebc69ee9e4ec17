"""The fuzz tests' shared settings: repeatable, bounded for `make test`, deeper on request.

``derandomize=True`` makes every run try the same examples, so CI is
repeatable; no example database, no shrinking (a failure is shown as found).
``WORKBOOK_FUZZ_SCALE=10`` multiplies every example count for a longer hunt
on a developer's machine (then the examples are random, not the CI set).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

SCALE = float(os.environ.get("WORKBOOK_FUZZ_SCALE", "1"))

settings.register_profile(
    "rebound-fuzz",
    deadline=None,
    derandomize=SCALE == 1,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def budget(examples: int) -> settings:
    """The fuzz profile with ``examples`` generated cases (times WORKBOOK_FUZZ_SCALE)."""
    return settings(settings.get_profile("rebound-fuzz"), max_examples=max(1, round(examples * SCALE)))
