"""An internal deployment labelled `training`. Forge-1 (`tests/fixtures/gate/forge-internal`), an
agentic coding model at the AI R&D alert level, runs as 1,200 autonomous instances with write access
to the training code and no access-control safeguard: NO-GO at `internal-deployment` (CG107). The
kind `training` is narrower than internal research, and CG107 weighed only internal research and
internal deployment: the same case named `training` was GO WITH CONDITIONS, signed by the RSO alone
under a framework that (like the built-in templates) lets the RSO sign training and asks the CEO too
for an internal deployment, and the gate itself proposed `training` as the narrower boundary the
evidence supports. `training` is now held to at least what internal research is."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import BoundaryKind, DecisionRecord
from casegate.redteam import get_mutation, run_redteam
from casegate.verify import gate_inputs

FORGE = Path(__file__).resolve().parents[1] / "fixtures" / "gate" / "forge-internal"
TODAY = dt.date(2026, 11, 27)
SCALE = "  internal: {instances: 1200, training_code: write, weights: read, autonomy: autonomous}\n"


def _case(tmp: Path, *, kind: str = "internal-deployment", scale: str | None = SCALE) -> Path:
    d = tmp / "forge"
    shutil.copytree(FORGE, d)
    p = d / "case.yaml"
    text = p.read_text()
    assert "  kind: internal-deployment\n" in text and SCALE in text
    text = text.replace("  kind: internal-deployment\n", f"  kind: {kind}\n")
    p.write_text(text.replace(SCALE, scale or ""))
    return p


def _gate(p: Path) -> DecisionRecord:
    # as if every sign-off line were signed (`gate --preview`): what the lab reads before asking
    loaded = gate_inputs(load_case(p), None, TODAY, preview=True).loaded
    assert loaded.case is not None
    return run_gate(loaded, today=TODAY)


def _blocking(r: DecisionRecord) -> list[str]:
    return [f"{f.code}: {f.message}" for f in r.findings if f.blocking]


def test_the_honest_internal_deployment_is_no_go_and_no_narrower_kind_is_proposed(tmp_path: Path) -> None:
    r = _gate(_case(tmp_path))
    assert r.outcome == "NO-GO"
    assert _blocking(r) == ["CG107: the internal deployment is wide (instances act autonomously; write access to "
                            "training code) and ai-rnd-auto is at or above its alert level, but the case has no "
                            "access-control safeguard"]
    # before: `training` was proposed as what the same evidence supports
    assert r.narrower is None, r.narrower


def test_the_same_deployment_named_training_is_no_go(tmp_path: Path) -> None:
    r = _gate(_case(tmp_path, kind="training"))
    assert r.outcome == "NO-GO"
    got = _blocking(r)
    assert ("CG107: a `training` boundary with 1200 instances (the policy allows 100 for internal research); "
            "instances act autonomously; write access to training code is an internal deployment") in got, got
    assert any("no access-control safeguard" in m for m in got), got


def test_named_training_with_its_scale_left_out_is_no_go(tmp_path: Path) -> None:
    r = _gate(_case(tmp_path, kind="training", scale=None))
    assert r.outcome == "NO-GO"
    assert any(m.startswith("CG107: the `training` boundary does not record instances, training_code, weights, "
                            "autonomy") for m in _blocking(r)), _blocking(r)


def test_a_training_boundary_at_research_scale_still_passes(tmp_path: Path) -> None:
    """Control: the model kept to a few supervised instances that touch nothing, named `training`."""
    narrow = "  internal: {instances: 20, training_code: none, weights: none, autonomy: human-in-the-loop}\n"
    r = _gate(_case(tmp_path, kind="training", scale=narrow))
    assert _blocking(r) == []
    assert r.outcome == "GO WITH CONDITIONS" and r.boundary is BoundaryKind.training


def test_the_red_team_move_is_caught_on_the_internal_fixture() -> None:
    m = get_mutation("internal-labelled-training")
    assert m is not None
    (res,) = run_redteam(load_case(FORGE / "case.yaml"), today=TODAY, mutations=[m]).results
    assert res.applicable and res.caught, (res.status, res.messages)
