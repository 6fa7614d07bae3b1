"""`registry show` refuses a log index or case version that is not a plain number the registry can
store (a Unicode digit, a number past 64 bits) with an error, never an internal error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("ref", ["atlas-2-api@99999999999999999999999", "99999999999999999999999",
                                 "atlas-2-api@\u00b2", "\u00b2", "atlas-2-api@x"])
def test_a_reference_that_is_not_a_storable_number_is_refused(tmp_path: Path, ref: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CASEGATE_DEBUG"}
    r = subprocess.run([sys.executable, "-m", "casegate", "registry", "show", ref, "--db",
                        f"sqlite:///{tmp_path / 'registry.db'}"], env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert "must be a number from 0 to 9223372036854775807" in r.stderr, r.stderr
