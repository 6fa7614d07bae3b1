"""Paths that cannot be resolved or written (a symbolic link loop, a folder where a file is
written) are refused with an error naming the path (exit 2), never an internal error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.load import load_case

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
LOG = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "logs" / "inspect" / "arith-json.json"


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CASEGATE_ROOT", "CASEGATE_DEBUG")}
    return subprocess.run([sys.executable, "-m", "casegate", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    d = tmp_path / "case"
    shutil.copytree(EXAMPLE, d, ignore=shutil.ignore_patterns("keys", "signoffs", "objections", "waivers"))
    (d / "loop").symlink_to("loop")  # a link to itself
    return d


def _refused(r: subprocess.CompletedProcess[str], *names: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    first = r.stderr.splitlines()[0]
    assert first.startswith("error: ") and all(n in first for n in names), r.stderr


def test_a_case_file_that_is_a_symlink_loop(case: Path) -> None:
    with pytest.raises(InputError, match="symbolic link loop"):
        load_case(case / "loop")
    r = _run(["check", "loop"], case)
    _refused(r, "loop", "symbolic link loop")
    r = _run(["gate", "loop", "--preview"], case)
    _refused(r, "loop", "symbolic link loop")


def test_a_root_folder_that_is_a_symlink_loop(case: Path) -> None:
    r = _run(["check", "case.yaml", "--root", "loop"], case)
    _refused(r, "loop", "the root folder", "symbolic link loop")


def test_an_output_file_that_is_a_symlink_loop_or_a_folder(case: Path) -> None:
    (case / "folder").mkdir()
    for out in ("loop", "folder"):
        r = _run(["diagram", "case.yaml", "--out", out], case)
        _refused(r, out)
    assert "check the path" in r.stderr


def test_an_evidence_file_to_write_that_is_a_symlink_loop(case: Path) -> None:
    shutil.copy(LOG, case / "log.json")
    before = (case / "case.yaml").read_bytes()
    r = _run(["evidence", "add", "case.yaml", "log.json", "--producer", "Acme", "--domain", "cyber",
              "--into", "loop"], case)
    _refused(r, "loop", "--into", "symbolic link loop")
    assert (case / "case.yaml").read_bytes() == before  # nothing written


def test_a_registry_path_that_is_a_symlink_loop(case: Path) -> None:
    r = _run(["registry", "history", "atlas-2-api", "--db", "loop"], case)
    assert r.returncode == 3, (r.returncode, r.stderr)  # the registry cannot be opened
    assert "internal error" not in r.stderr and "loop" in r.stderr.splitlines()[0], r.stderr
