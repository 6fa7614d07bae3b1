"""The narrower boundary a NO-GO proposes is judged against every version compared with, as the
requested boundary is: a lab that loosens a threshold after its last approval, and submits the
loosened version twice so that the previous version already holds it, is NO-GO against the last
approved version (CG320), and no narrower boundary escapes that comparison."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.gate.test_gate import ATLAS, KEYRING, TODAY

from casegate.gate import run_gate
from casegate.gate._compare import Compared, Comparison
from casegate.load import load_case
from casegate.model import Baseline
from casegate.sign import parse_instant, with_attestations


def _load(path: Path):  # type: ignore[no-untyped-def]
    return with_attestations(load_case(path), KEYRING, parse_instant("2026-11-27", end_of_day=True))


def test_no_narrower_boundary_escapes_gaming_against_the_last_approved_version(tmp_path: Path) -> None:
    approved = _load(ATLAS)
    shutil.copytree(ATLAS.parent, tmp_path / "v3")
    policy = tmp_path / "v3" / "policy.yaml"
    text = policy.read_text()
    loosened = text.replace("    value: 0.30\n    alert: 0.15\n", "    value: 0.40\n    alert: 0.25\n", 1)
    assert loosened != text
    policy.write_text(loosened)
    gamed = _load(tmp_path / "v3" / "case.yaml")
    assert gamed.case is not None and approved.case is not None
    comparison = Comparison(versions=[
        # the previous version already held the loosened threshold: nothing moved against it
        Compared(Baseline(role="previous", label="version 1.0 (#2)"), gamed.case, gamed.policy),
        Compared(Baseline(role="approved", label="version 1.0 (#1), the last approved"), approved.case, approved.policy),
    ])
    r = run_gate(gamed, comparison=comparison, today=TODAY)
    assert r.outcome == "NO-GO"
    assert any(f.code == "CG320" and "the last approved" in f.message for f in r.findings if f.blocking)
    # the loosened threshold stands at every boundary, so none is proposed
    assert r.narrower is None, (r.narrower, r.narrower_dropped)
    assert all(t.outcome == "NO-GO" for t in r.trials)
    assert any("CG320" in t.blocking for t in r.trials[1:])
    assert any(x.startswith("CG320") for x in r.lacks)
