"""`make demo`'s script, run whole in a temporary folder: the README promises it runs on a fresh
machine and tells its story to the end (each step that must refuse refuses, each that must pass
passes; the script stops at the first that does not)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

from tests.conftest import without_the_suites_clock

ROOT = Path(__file__).resolve().parents[1]


def test_the_demo_runs_to_the_end(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    # on the real clock, as `make demo` runs: the demo keeps to its story's clock on its own
    env = {**without_the_suites_clock(dict(os.environ)), "CASEGATE_DEMO_OUT": str(out), "NO_COLOR": "1"}
    # the demo opts in to the published example keys itself (CASEGATE_DEMO_KEYS), as `make demo` does
    for var in ("CASEGATE_DATABASE_URL", "CASEGATE_KEYRING", "CASEGATE_TRUST_ROOT", "CASEGATE_ROOT",
                "CASEGATE_DEMO_KEYS"):
        env.pop(var, None)
    r = subprocess.run(["bash", str(ROOT / "scripts" / "demo.sh")], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=900)
    said = r.stdout + r.stderr
    assert r.returncode == 0, said[-4000:]
    assert "Traceback" not in said
    assert "signed with casegate's published example keys: not a release" in said
    # the story's turns: the first GO verifies, the incident stops it, version 1.1 answers it and verifies
    assert "The old GO no longer verifies" in said
    assert "atlas-2-api 1.1 -> api: GO WITH CONDITIONS" in said
    # on the example's published keys verify never says verified: a demonstration, everything else verified
    assert "everything else verified (DEMONSTRATION): atlas-2-api GO WITH CONDITIONS" in said
    assert "signed with casegate's published example keys: a demonstration, not a release" in said
    assert "\nverified: atlas-2-api" not in said  # (a disclosure still verifies: it rests on no key)
    assert "== Where everything went" in said and (out / ".casegate" / "registry.db").exists()
    assert not (ROOT / "examples" / "atlas-api" / "case-1.1").exists()
    # the demo runs on its story's clock, not the real one, so it tells this story on any date:
    # the log recorded every entry on the story's two days (2026-12-01, then 2026-12-04 from the
    # incident on), and every check above judged as of those days
    db = sqlite3.connect(out / ".casegate" / "registry.db")
    try:
        days = {r[0][:10] for r in db.execute("SELECT recorded_at FROM log_entries")}
        signed = {r[0][:10] for r in db.execute("SELECT created_at FROM checkpoints")}
    finally:
        db.close()
    assert days == {"2026-12-01", "2026-12-04"}, days
    assert signed == {"2026-12-01", "2026-12-04"}, signed
