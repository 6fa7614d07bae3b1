"""`casegate evidence add` from the command line: output, exit codes, errors without tracebacks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .evidence_logs import EXAMPLE, INSPECT, lm_results

RUN = "from casegate.cli import main; main()"
NO_INSPECT = "import sys; sys.modules['inspect_ai'] = None\n" + RUN  # as if the extra were not installed


def cli(*args: str | Path, code: str = RUN) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "case")
    return tmp_path / "case" / "case.yaml"


def test_add_prints_each_item_and_a_summary(case: Path) -> None:
    r = cli("evidence", "add", case, INSPECT / "arith-tools.eval", INSPECT / "arith-error.eval",
            "--producer", "evals", "--id-prefix", "E-calc-")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("added     E-calc-arith-tools")
    assert lines[1].startswith("added     E-calc-arith-error")
    assert "2 added, 0 updated, 0 unchanged" in lines[2]
    # the errored run is imported (pinned, visible) with a note; CG333 keeps it from supporting claims
    assert "note: E-calc-arith-error: the run's status is 'error'" in r.stderr
    assert "\x1b[" not in r.stderr  # no progress bar or colour when not on a terminal


def _truncated(tmp: Path) -> Path:
    p = tmp / "cut.eval"
    p.write_bytes((INSPECT / "arith-clean.eval").read_bytes()[:4000])
    return p


def _missing(tmp: Path) -> Path:
    return tmp / "nowhere"


def _text(tmp: Path) -> Path:
    p = tmp / "notes.txt"
    p.write_text("hello")
    return p


@pytest.mark.parametrize("make,message", [
    (_truncated, "cut.eval: inspect-ai cannot read this log"),
    (_missing, "nowhere: no such file or folder"),
    (_text, "notes.txt: no importer reads this file"),
])
def test_bad_input_exits_2_with_a_message(case: Path, tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("evidence", "add", case, make(tmp_path), "--producer", "evals")
    assert r.returncode == 2
    assert message in r.stderr and r.stderr.startswith("error: ")
    assert "Traceback" not in r.stderr


def test_a_log_dated_past_the_calendar_less_the_evidence_age_is_refused_and_a_stored_one_blocks(
        case: Path, tmp_path: Path) -> None:
    import json

    logs = tmp_path / "lm"
    logs.mkdir()
    results = logs / lm_results().name
    doc = json.loads(lm_results().read_text())
    doc["date"] = "9999-12-31T23:59:59+14:00"
    results.write_text(json.dumps(doc))
    r = cli("evidence", "add", case, results, "--producer", "evals")
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert f"{results}: the log's creation time 9999-12-31T23:59:59+14:00 is past" in r.stderr
    assert not (case.parent / "evidence-imported.yaml").exists()
    # a date written by hand (or by an older casegate): the age check says it cannot be established
    ev = case.parent / "evidence.yaml"
    ev.write_text(ev.read_text().replace("    date: 2026-10-28\n", "    date: 9999-12-31\n", 1))
    r = cli("check", case)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    assert ("CG306 evidence-expired [blocking]: evidence `E-redteam-classifier`: its expiry cannot be "
            "established") in r.stdout + r.stderr


def test_missing_inspect_extra_names_the_install_command(case: Path) -> None:
    r = cli("evidence", "add", case, INSPECT / "arith-clean.eval", "--producer", "evals", code=NO_INSPECT)
    assert r.returncode == 2
    assert "optional package 'inspect-ai'" in r.stderr
    assert "help: pip install 'casegate[inspect]'" in r.stderr
    assert "Traceback" not in r.stderr


def test_unknown_threshold_is_refused(case: Path) -> None:
    r = cli("evidence", "add", case, INSPECT / "arith-clean.eval", "--producer", "evals", "--threshold", "nope")
    assert r.returncode == 2 and "no such threshold" in r.stderr and "cyber-high" in r.stderr


def test_progress_bar_on_a_terminal(case: Path) -> None:
    import os
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # child: the command on a pseudo-terminal
        os.execv(sys.executable, [sys.executable, "-c", RUN, "evidence", "add", str(case),
                                  str(INSPECT), "--producer", "evals"])
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, out[-2000:]
    assert b"importing" in out and b"/10" in out  # ten Inspect logs, counted as they are read
