"""`casegate check --watch`: the case is checked again after an edit, and the findings follow."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _lines(stream: object, into: queue.Queue[str]) -> None:
    for line in iter(stream.readline, ""):  # type: ignore[attr-defined]
        into.put(line)


def _until(q: queue.Queue[str], pred: object, timeout: float = 120.0) -> list[str]:
    seen: list[str] = []
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            line = q.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if pred(line):  # type: ignore[operator]
            return seen
    raise AssertionError("timed out; saw:\n" + "".join(seen[-40:]))


def _interruptible() -> None:
    """In the child before exec: Ctrl-C stops it, whatever the test process ignores or blocks
    (an ignored or blocked SIGINT is inherited across exec, and Python then installs no handler)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _signals(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            return "".join(line for line in f if line.startswith(("Sig", "State")))
    except OSError:
        return ""


def _save(path: Path, text: str) -> None:
    """Write the file as editors save it: the new content replaces the old in one step."""
    tmp = path.with_suffix(".swp")
    tmp.write_text(text)
    os.replace(tmp, path)


def test_an_edit_is_checked_again_and_the_findings_change(tmp_path: Path) -> None:
    case_dir = tmp_path / "atlas"
    shutil.copytree(ROOT / "examples" / "atlas-api", case_dir, ignore=shutil.ignore_patterns("keys"))
    proc = subprocess.Popen([sys.executable, "-m", "casegate", "check", "--watch", str(case_dir / "case.yaml"),
                             "--keyring", str(ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                            env={**{k: v for k, v in os.environ.items() if not k.startswith("CASEGATE_")},
                                 "PYTHONUNBUFFERED": "1", "CASEGATE_DEMO_KEYS": "1"},
                            preexec_fn=_interruptible)
    out: queue.Queue[str] = queue.Queue()
    errs: queue.Queue[str] = queue.Queue()
    for stream, q in ((proc.stdout, out), (proc.stderr, errs)):
        threading.Thread(target=_lines, args=(stream, q), daemon=True).start()
    try:
        first = _until(out, lambda line: "blocking," in line)
        assert first[-1].rstrip().endswith("0 blocking, 1 condition, 4 advisory"), first[-1]
        _until(errs, lambda line: line.startswith("watching for changes"))

        arg = case_dir / "argument.yaml"
        _save(arg, arg.read_text().replace("evidence: [E-cyber-ctf]", "evidence: [E-nowhere]", 1))
        second = _until(out, lambda line: "blocking," in line)
        assert any("CG903 unknown-reference" in line and "E-nowhere" in line for line in second), "".join(second)
        assert not second[-1].rstrip().endswith("0 blocking, 1 condition, 4 advisory")
        assert any(line.startswith("re-checked in ") and "argument.yaml" in line
                   for line in _until(errs, lambda line: line.startswith("watching for changes")))

        # a syntax error mid-edit is reported, and watching goes on
        _save(arg, arg.read_text() + "  bad: [unclosed\n")
        _until(errs, lambda line: "YAML syntax error" in line)
        _until(errs, lambda line: line.startswith("watching for changes"))
        _save(arg, arg.read_text().replace("  bad: [unclosed\n", "").replace("E-nowhere", "E-cyber-ctf"))
        third = _until(out, lambda line: "blocking," in line)
        assert third[-1].rstrip().endswith("0 blocking, 1 condition, 4 advisory"), third[-1]
        _until(errs, lambda line: line.startswith("watching for changes"))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            stuck = _signals(proc.pid)
            proc.kill()
            proc.wait()
            raise AssertionError("still running 60 s after Ctrl-C:\n" + stuck) from None
    assert proc.returncode == 0  # the last check found nothing blocking


def test_an_edited_policy_evidence_file_or_log_is_read_again(tmp_path: Path) -> None:
    """The re-check reads again every file the check read, not only the argument: an edit to the
    policy, to an evidence file or to an evaluation log changes the findings, and undoing it
    brings the first findings back."""
    case_dir = tmp_path / "atlas"
    shutil.copytree(ROOT / "examples" / "atlas-api", case_dir, ignore=shutil.ignore_patterns("keys"))
    proc = subprocess.Popen([sys.executable, "-m", "casegate", "check", "--watch", str(case_dir / "case.yaml"),
                             "--keyring", str(ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                            env={**{k: v for k, v in os.environ.items() if not k.startswith("CASEGATE_")},
                                 "PYTHONUNBUFFERED": "1", "CASEGATE_DEMO_KEYS": "1"},
                            preexec_fn=_interruptible)
    out: queue.Queue[str] = queue.Queue()
    errs: queue.Queue[str] = queue.Queue()
    for stream, q in ((proc.stdout, out), (proc.stderr, errs)):
        threading.Thread(target=_lines, args=(stream, q), daemon=True).start()
    clean = "0 blocking, 1 condition, 4 advisory"
    try:
        first = _until(out, lambda line: "blocking," in line)
        assert first[-1].rstrip().endswith(clean), first[-1]
        _until(errs, lambda line: line.startswith("watching for changes"))
        policy, evidence, log = case_dir / "policy.yaml", case_dir / "evidence.yaml", case_dir / "evals" / "cyber-ctf.json"
        pin = "sha256: cb1894239a6388c7401b7053de556189acd7f408bc58662f2d63ffe75e55c8ab"
        edits = [
            # the policy now asks a cyber pathway be rated catastrophic (CG208)
            (policy, lambda t: t.replace("cyber: {name: Cybersecurity, min_severity: severe}",
                                         "cyber: {name: Cybersecurity, min_severity: catastrophic}", 1),
             "CG208"),
            # the item pins other bytes than its log's (CG331)
            (evidence, lambda t: t.replace(pin, pin[:-1] + "9", 1), "CG331"),
            # the log's bytes change under its pin (CG331)
            (log, lambda t: t + " ", "CG331"),
        ]
        for path, edit, code in edits:
            before = path.read_text()
            after = edit(before)
            assert after != before, path
            _save(path, after)
            got = _until(out, lambda line: "blocking," in line)
            assert not got[-1].rstrip().endswith(clean), (path.name, "".join(got))
            assert any(f"{code} " in line for line in got), (path.name, "".join(got))
            assert any(line.startswith("re-checked in ") and path.name in line
                       for line in _until(errs, lambda line: line.startswith("watching for changes")))
            _save(path, before)
            back = _until(out, lambda line: "blocking," in line)
            assert back[-1].rstrip().endswith(clean), (path.name, back[-1])
            _until(errs, lambda line: line.startswith("watching for changes"))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            stuck = _signals(proc.pid)
            proc.kill()
            proc.wait()
            raise AssertionError("still running 60 s after Ctrl-C:\n" + stuck) from None
    assert proc.returncode == 0
