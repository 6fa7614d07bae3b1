"""The first commands a new user types: --version, -h, init --list."""

from __future__ import annotations

import subprocess
import sys

from casegate import __version__


def cg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True)


def test_version_and_short_help() -> None:
    r = cg("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"casegate {__version__}"
    r = cg("-h")
    assert r.returncode == 0 and "Usage:" in r.stdout and "casegate" in r.stdout and "gate" in r.stdout
    r = cg("gate", "-h")
    assert r.returncode == 0 and "--preview" in r.stdout


def test_init_list_needs_no_directory() -> None:
    r = cg("init", "--list")
    assert r.returncode == 0, r.stderr
    assert "frontier-api" in r.stdout and "minimal" in r.stdout
    r = cg("init")
    assert r.returncode == 2 and "say where to write the new case" in r.stderr and "Traceback" not in r.stderr
