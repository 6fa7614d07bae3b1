"""`casegate registry ...` and `casegate log ...` end to end, on both backends."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from casegate.store import _merkle as mk
from casegate.store import parse_checkpoint

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


def cg(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    e = {**os.environ, **(env or {})}
    e.pop("CASEGATE_LOG_KEY", None)
    return subprocess.run([sys.executable, "-m", "casegate", *args], cwd=cwd, capture_output=True, text=True, env=e)


def test_registry_and_log_commands(database_url: str, tmp_path: Path) -> None:
    db = ["--db", database_url]
    r = cg("registry", "submit", str(EXAMPLE / "case.yaml"), *db, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("recorded atlas-2-api@1")
    r = cg("registry", "submit", str(EXAMPLE / "case.yaml"), *db, cwd=tmp_path)
    assert r.stdout.startswith("unchanged: identical to atlas-2-api@1")
    work = tmp_path / "work"
    shutil.copytree(EXAMPLE, work)
    (work / "evals" / "cyber-ctf.json").write_text('{"changed": true}\n')
    r = cg("registry", "submit", str(work / "case.yaml"), "--json", *db, cwd=tmp_path)
    v2 = json.loads(r.stdout)
    assert v2["version"] == 2 and v2["new"] is True
    ctf = next(e for e in v2["evidence"] if e["id"] == "E-cyber-ctf")
    assert ctf["artifact_sha256"] != ctf["declared_sha256"]

    r = cg("registry", "history", "atlas-2-api", *db, cwd=tmp_path)
    assert r.returncode == 0 and "version 1" in r.stdout and "version 2" in r.stdout and "case-version" in r.stdout
    r = cg("registry", "show", "atlas-2-api@2", *db, cwd=tmp_path)
    assert "atlas-2-api@2" in r.stdout and "does not match its pinned sha256" in r.stdout
    r = cg("registry", "show", "1", *db, cwd=tmp_path)
    assert json.loads(r.stdout)["kind"] == "case-version" and json.loads(r.stdout)["index"] == 1
    r = cg("registry", "show", *db, cwd=tmp_path)
    assert r.stdout.strip() == "atlas-2-api  draft"
    r = cg("registry", "show", "nope@1", *db, cwd=tmp_path)
    assert r.returncode == 2 and "no version 1 of case 'nope'" in r.stderr

    r = cg("log", "checkpoint", *db, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "generated a new log signing key" in r.stderr
    cp = parse_checkpoint(r.stdout)
    assert cp.tree_size == 2
    (tmp_path / "kept.txt").write_text(r.stdout)
    key = tmp_path / ".casegate" / "log-key.pem" if not database_url.startswith("sqlite") else \
        Path(database_url.removeprefix("sqlite:///")).parent / "log-key.pem"
    assert key.exists()
    r = cg("log", "checkpoint", "--key", str(key), *db, cwd=tmp_path)
    assert "generated" not in r.stderr

    r = cg("log", "prove", "0", *db, cwd=tmp_path)
    proof = json.loads(r.stdout)["proof"]
    mk.verify_inclusion(0, 2, bytes.fromhex(proof["leaf_hash"]), [bytes.fromhex(p) for p in proof["path"]], cp.root)
    r = cg("log", "consistency", "1", *db, cwd=tmp_path)
    assert json.loads(r.stdout)["new_size"] == 2
    r = cg("log", "prove", "7", *db, cwd=tmp_path)
    assert r.returncode == 2 and "not in the tree" in r.stderr

    r = cg("log", "verify", "--checkpoint", str(tmp_path / "kept.txt"), "--key", f"{key}.pub", *db, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "OK: the log verifies" in r.stdout and "consistent with your checkpoint at size 2" in r.stdout
    r = cg("log", "verify", *db, cwd=tmp_path)
    assert r.returncode == 0 and "self-attested" in r.stdout and "pass --key" in r.stderr


def test_unreachable_database_exits_3_without_traceback(tmp_path: Path) -> None:
    r = cg("registry", "history", "x", "--db", "postgresql://nobody@127.0.0.1:1/none", cwd=tmp_path)
    assert r.returncode == 3
    assert "error: registry postgresql+psycopg://nobody@127.0.0.1:1/none: opening failed" in r.stderr
    assert "Traceback" not in r.stderr


def test_default_registry_location(tmp_path: Path) -> None:
    env = {"CASEGATE_DATABASE_URL": ""}
    r = cg("registry", "submit", str(EXAMPLE / "case.yaml"), cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / ".casegate" / "registry.db").exists()
