"""The tests that judge the bundled examples pass on any real date. The examples are set on fixed
dates (their evidence expires in spring 2027, their decisions lapse then, their keys at the end of
2028); the suite runs on its story's clock (tests/conftest.py), the README's first hour and the
demo on theirs (scripts/story-clock.sh, scripts/demo.sh). Here those tests run again with the
real clock of every process moved years ahead by faketime (LD_PRELOAD, which follows the
processes they start): anything that still reads the real calendar to judge an example fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, _backends, without_the_suites_clock

AHEAD = "2031-06-01 09:00:00"
"""Years after every date the examples hold."""

REGISTRY_STORIES = [
    "tests/monitor/test_apply_attacks.py::test_the_signed_bundle_applies",
    "tests/verify/test_trust_attacks.py::test_the_honest_bundle_verifies_with_root_and_proof",
    "tests/verify/test_state.py::test_approved_case_is_deployable_and_agrees_with_verify",
    "tests/store/test_clock_source.py::test_every_time_the_registry_records_is_casegates_clock",
]
"""Registry stories on the suite's own clock: judged by the registry, by `verify` and on the board.
Each runs on every backend the run has: PostgreSQL keeps its own clock, which faketime does not
move, so a time the server chose would be years from the one casegate judges with."""
GUARDED = [
    "tests/test_readme_walkthrough.py",
    "tests/examples/test_examples.py",
    *(f"{test}[{backend}]" for test in REGISTRY_STORIES for backend in _backends()),
]


@pytest.mark.slow
def test_the_examples_tell_their_story_years_ahead() -> None:
    faketime = shutil.which("faketime")
    if faketime is None:
        if os.environ.get("CI"):
            pytest.fail("faketime is missing: scripts/system-deps.sh installs it (apt-get install faketime)")
        pytest.skip("needs faketime (apt-get install faketime, as scripts/system-deps.sh does)")
    env = {k: v for k, v in without_the_suites_clock(dict(os.environ)).items()
           if not k.startswith(("PYTEST_", "DONT_FAKE"))}   # a real monotonic clock breaks sleep under faketime
    year = subprocess.run([faketime, AHEAD, sys.executable, "-c", "import datetime; print(datetime.date.today().year)"],
                          env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert year == AHEAD[:4], f"faketime did not move the clock: {year}"
    r = subprocess.run([faketime, AHEAD, sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                        "-rfE", *GUARDED], cwd=ROOT, env=env, capture_output=True, text=True, timeout=2400)
    assert r.returncode == 0, r.stdout[-6000:] + r.stderr[-2000:]
    assert " passed" in r.stdout and "skipped" not in r.stdout.splitlines()[-1], r.stdout[-2000:]
