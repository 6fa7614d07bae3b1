"""The same weights filed as several narrow internal cases whose instances together are an internal
deployment (registry on SQLite, as the registry tests run).

The lab's move: Forge-1 (`tests/fixtures/gate/forge-internal`), an agentic coding model at its AI
R&D alert level, is run inside the lab as 60 supervised instances under case forge-1-research-a,
`internal-research` (the policy allows 100), approved; then as 60 more under case
forge-1-research-b, the same weights, the same kind. Each is within internal research; together
they are 120 instances of the model, an internal deployment, which a single case would have had
to name (and have signed by those an internal deployment needs). Before, the gate run against the
registry compared the second case with the first's approved version for threshold gaming only and
passed it GO WITH CONDITIONS. Now CG107 weighs the instances of every other case about the same
model that stands approved inside the organisation together with this case's, naming them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.monitor import IllegalTransitionError, comparison_for, decide, submit_for_review
from casegate.monitor._lifecycle import transition
from casegate.monitor._states import CaseState
from casegate.store import open_registry
from casegate.verify import gate_inputs

FORGE = Path(__file__).resolve().parents[1] / "fixtures" / "gate" / "forge-internal"
TODAY = dt.date(2026, 11, 27)
SCALE = "  internal: {instances: 1200, training_code: write, weights: read, autonomy: autonomous}\n"

SHELL_SAID = "with a shell and push access"


def narrow(n: int) -> str:
    return f"  internal: {{instances: {n}, training_code: none, weights: none, autonomy: human-in-the-loop}}\n"


def _case(tmp: Path, case_id: str, *, kind: str = "internal-research", scale: str = narrow(60)) -> Path:
    """Forge-1 under `case_id` at `kind`, granted no tools (and described so: words giving the
    agents a shell grant it), at `scale`."""
    d = tmp / case_id
    shutil.copytree(FORGE, d)
    p = d / "case.yaml"
    text = p.read_text()
    for old in ("id: forge-1-internal\n", "  kind: internal-deployment\n", SCALE, "  tools: [shell, git]\n",
                SHELL_SAID):
        assert text.count(old) == 1, old
    p.write_text(text.replace("id: forge-1-internal\n", f"id: {case_id}\n")
                 .replace("  kind: internal-deployment\n", f"  kind: {kind}\n")
                 .replace("  tools: [shell, git]\n", "  tools: []\n").replace(SCALE, scale)
                 .replace(SHELL_SAID, "with no shell and no push access"))
    return p


def _gate(p: Path, reg: Any) -> DecisionRecord:
    # as if every sign-off line were signed (`gate --preview`), compared with what the registry holds
    loaded = gate_inputs(load_case(p), None, TODAY, preview=True).loaded
    assert loaded.case is not None
    return run_gate(loaded, today=TODAY, comparison=comparison_for(reg, loaded))


def _approved(reg: Any, p: Path) -> DecisionRecord:
    """Submit the case at `p`, send it for review, and apply the gate's decision on it."""
    case_id = load_case(p).case.id  # type: ignore[union-attr]
    reg.submit_case(load_case(p))
    submit_for_review(reg, case_id, by="Kestrel safety team")
    rec = _gate(p, reg)
    assert rec.outcome == "GO WITH CONDITIONS", _blocking(rec)
    decide(reg, rec)
    assert reg.case_state(case_id) == "approved-with-conditions"
    return rec


def _blocking(r: DecisionRecord) -> list[str]:
    return [f"{f.code}: {f.message}" for f in r.findings if f.blocking]


@pytest.mark.parametrize("kind", ["internal-research", "training"])
def test_a_second_narrow_case_of_the_same_weights_is_weighed_with_the_first(tmp_path: Path, database_url: str,
                                                                           kind: str) -> None:
    with open_registry(database_url) as reg:
        _approved(reg, _case(tmp_path, "forge-1-research-a"))
        b = _case(tmp_path, "forge-1-research-b", kind=kind)
        alone = run_gate(gate_inputs(load_case(b), None, TODAY, preview=True).loaded, today=TODAY)
        assert alone.outcome == "GO WITH CONDITIONS", _blocking(alone)  # within internal research on its own
        r = _gate(b, reg)
        assert r.outcome == "NO-GO"
        assert (f"CG107: with the other cases about the same model that stand approved inside the organisation "
                f"(case forge-1-research-a version 1.0 (#1), the last approved: 60 instances), this `{kind}` "
                f"boundary's 60 instances make 120 instances of the model (the policy allows 100 for internal "
                f"research): together an internal deployment") in _blocking(r), _blocking(r)
        # and once submitted, the stored version is weighed the same way (what the registry judges)
        assert reg.submit_case(load_case(b)).number == 1
        shown = [d.baseline.label for d in comparison_for(reg, load_case(b)).deployed or []]
        assert shown == ["case forge-1-research-a version 1.0 (#1), the last approved"], shown
        assert _gate(b, reg).outcome == "NO-GO"


def test_within_the_limit_together_the_second_case_passes(tmp_path: Path, database_url: str) -> None:
    """Control: 60 and 40 instances, 100 together, the policy's limit for internal research."""
    with open_registry(database_url) as reg:
        _approved(reg, _case(tmp_path, "forge-1-research-a"))
        r = _gate(_case(tmp_path, "forge-1-research-b", scale=narrow(40)), reg)
        assert r.outcome == "GO WITH CONDITIONS", _blocking(r)


@pytest.mark.parametrize("end", ["withdrawn", "superseded"])
def test_a_case_no_longer_deployed_is_not_counted(tmp_path: Path, database_url: str, end: str) -> None:
    """Control: the first case withdrawn, or superseded by the second, no longer runs beside it."""
    with open_registry(database_url) as reg:
        _approved(reg, _case(tmp_path, "forge-1-research-a"))
        cause: dict[str, Any] = ({"type": "superseded-by", "by": "forge-1-research-b"} if end == "superseded" else
                                 {"type": "manual", "by": "Kestrel safety team", "role": "rso", "reason": "retired"})
        transition(reg, "forge-1-research-a", CaseState(end), cause)
        r = _gate(_case(tmp_path, "forge-1-research-b"), reg)
        assert r.outcome == "GO WITH CONDITIONS", _blocking(r)


def test_an_approved_case_whose_instances_are_not_recorded_cannot_be_summed(tmp_path: Path,
                                                                             database_url: str) -> None:
    """The first case stands approved with no instance count (a decision logged before the count was
    asked for, under an older gate): how many instances run beside the second case is not known, so
    the second is not judged within internal research."""
    with open_registry(database_url) as reg:
        a = _case(tmp_path, "forge-1-research-a",
                  scale="  internal: {training_code: none, weights: none, autonomy: human-in-the-loop}\n")
        reg.submit_case(load_case(a))
        submit_for_review(reg, "forge-1-research-a", by="Kestrel safety team")
        rec = _gate(a, reg)
        decide(reg, rec.model_copy(update={"outcome": "GO WITH CONDITIONS", "findings": []}))
        assert reg.case_state("forge-1-research-a") == "approved-with-conditions"
        r = _gate(_case(tmp_path, "forge-1-research-b"), reg)
        assert r.outcome == "NO-GO"
        assert ("CG107: case forge-1-research-a version 1.0 (#1), the last approved (`internal-research`), about the "
                "same model, records no instance count, so the instances of the model running inside the "
                "organisation cannot be summed with this `internal-research` boundary's 60") in _blocking(r), \
            _blocking(r)


def test_a_case_withdrawn_and_filed_again_smaller_is_held_to_its_scale(tmp_path: Path, database_url: str) -> None:
    """The first case, an internal deployment of 1,200 supervised instances, is withdrawn and the
    same weights filed under a new id as `internal-research` with 90, the same (no) tools: the new
    case is compared with the withdrawn one's versions, and its scale is held to theirs
    (tests/gate/test_internal_scale_lowered.py); while the first stood, the two were summed."""
    with open_registry(database_url) as reg:
        _approved(reg, _case(tmp_path, "forge-1-research-a", kind="internal-deployment", scale=narrow(1200)))
        b = _case(tmp_path, "forge-1-research-b", scale=narrow(90))
        standing = _blocking(_gate(b, reg))
        assert any("(case forge-1-research-a version 1.0 (#1), the last approved: 1200 instances), this "
                   "`internal-research` boundary's 90 instances make 1290 instances" in m for m in standing), standing
        transition(reg, "forge-1-research-a", CaseState.withdrawn,
                   {"type": "manual", "by": "Kestrel safety team", "role": "rso", "reason": "refiled"})
        r = _gate(b, reg)
        assert r.outcome == "NO-GO"
        assert ("CG107: an `internal-research` boundary with 1200 instances (the policy allows 100 for internal "
                "research) (case forge-1-research-a version 1.0 (#1), the last approved recorded 1200 instances, "
                "not 90, and the tools this version grants reach no less: training_code `none`, weights `none`, as the "
                "policy states them) is an internal deployment") in _blocking(r), \
            _blocking(r)


def test_two_cases_decided_before_either_was_approved_are_not_both_approved(tmp_path: Path,
                                                                           database_url: str) -> None:
    """Both cases submitted and decided while neither stood approved (each GO WITH CONDITIONS then);
    the first is approved: the second's decision, compared with nothing of the first, is refused."""
    with open_registry(database_url) as reg:
        a, b = _case(tmp_path, "forge-1-research-a"), _case(tmp_path, "forge-1-research-b")
        for p in (a, b):
            reg.submit_case(load_case(p))
            submit_for_review(reg, load_case(p).case.id, by="Kestrel safety team")  # type: ignore[union-attr]
        rec_a, rec_b = _gate(a, reg), _gate(b, reg)
        assert rec_a.outcome == rec_b.outcome == "GO WITH CONDITIONS", _blocking(rec_b)
        decide(reg, rec_a)
        with pytest.raises(IllegalTransitionError) as e:
            decide(reg, rec_b)
        assert "case forge-1-research-a version 1.0 (#1)" in str(e.value), str(e.value)
        assert reg.case_state("forge-1-research-b") == "under-review"
        assert _gate(b, reg).outcome == "NO-GO"  # decided again, it is weighed with the first
