"""`casegate serve` stopped the way a service manager stops it (SIGTERM), while it holds a
materialised case version in its temporary folder: it exits cleanly, removes that folder (with
the case's files) and leaves the registry whole."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx

from casegate.load import load_case
from casegate.store import open_registry

from ..web.browser import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_sigterm_stops_the_board_cleanly_and_removes_its_temporary_files(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case")
    db = f"sqlite:///{tmp_path / 'registry.db'}"
    with open_registry(db) as reg:
        v = reg.submit_case(load_case(tmp_path / "case" / "case.yaml"))
        size = reg.size()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {k: val for k, val in os.environ.items() if k not in ("CASEGATE_ROOT", "CASEGATE_DATABASE_URL")}
    env.update(TMPDIR=str(tmp), CASEGATE_WEB_SECRET="s" * 32)
    tokens = tmp_path / "tokens.json"
    made = subprocess.run([sys.executable, "-m", "casegate", "token", "create", "--person", "Rita Reader",
                           "--role", "viewer", "--tokens", str(tokens)], capture_output=True, text=True, env=env,
                          timeout=60)
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip().splitlines()[-1].strip()
    port = free_port()
    board = subprocess.Popen([sys.executable, "-m", "casegate", "serve", "--db", db, "--tokens", str(tokens),
                              "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert board.poll() is None, board.communicate()
            try:
                if httpx.get(f"{base}/public", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the board did not start"
            time.sleep(0.2)
        # a reader asks for the evidence: the board writes the stored version out to read it
        r = httpx.get(f"{base}/api/v1/cases/{v.case_id}/evidence", headers={"Authorization": f"Bearer {token}"},
                      timeout=60)
        assert r.status_code == 200, r.text
        held = [p for p in tmp.iterdir() if p.name.startswith("casegate-web-")]
        assert len(held) == 1 and any(held[0].rglob("case.yaml")), list(tmp.rglob("*"))[:10]
        board.send_signal(signal.SIGTERM)
        out, err = board.communicate(timeout=30)
    finally:
        if board.poll() is None:
            board.kill()
            board.communicate()
    assert board.returncode == 0, (board.returncode, err[-2000:])
    assert "Traceback" not in err, err[-2000:]
    assert list(tmp.iterdir()) == [], "the board left its temporary files behind"
    # the registry is whole: the database's own check, and the log as it was
    con = sqlite3.connect(tmp_path / "registry.db")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
    with open_registry(db, readonly=True) as reg:
        assert reg.size() == size
        assert reg.case_version(v.case_id, v.number).digest == v.digest
