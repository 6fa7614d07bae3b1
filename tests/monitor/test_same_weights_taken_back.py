"""Sign-offs given before the weights were taken back do not approve them under another case id.

The lab's move: case atlas-2-api (Atlas-2, GO WITH CONDITIONS at `api`) is approved. The lab
prepares the very same case under a new id, `atlas-2-partner` (the same weights, the same model
digest, the same argument and evidence), has it signed off and decided. Then the RSO reopens or
withdraws atlas-2-api ("the November CTF re-run reached 0.45"). Approving atlas-2-partner is
refused while that stands (`check_linked`), and the refusal itself says how to lift it: mark
atlas-2-api superseded by the new case. The lab does (or marks it superseded by a decoy case) and
applies the decision signed before the reopening. Before, the registry approved it: atlas-2-api
itself would have needed signatures made after the reopening (`stale_signatures`), but that rule
read the case's own state changes only. Now a signature made before another case about the same
weights was reopened, restricted or withdrawn for a cause of its own, with no approval of that
case since (superseded or not), does not count towards approving them under any case id: refused,
naming that case; signed anew after it, the same case is approved.

Moves of the same weights under a second case id already caught (not repeated here):
- approving it while the first case stands reopened or withdrawn (`check_linked`, below too);
- the first case's NO-GO, incidents, monitor breaches and unmet conditions left behind under the
  new id, with or without a decoy (tests/monitor/test_no_go_case_shopping.py,
  test_incident_other_case.py, tests/verify/test_condition_carried_decoy.py);
- a capability run or safeguard test of the same weights left out or re-run lower (CG350, CG420,
  CG322-CG325 against the other case's approved version, tests/monitor/test_dropped_run_same_weights.py);
- the weights re-saved beside one more file, renamed files, re-serialized tensors, or the system
  renamed (the registry ties them by the weights it hashed: `LoggedModel.shared_weights`);
- deploy-time verify of either case while the other stands reopened, withdrawn or NO-GO
  (tests/verify/test_no_go_other_case.py, `deployed_weights_problems`);
- the same weights split into narrow internal cases (CG107, tests/gate/test_internal_labelled_trusted_access.py).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from casegate.approve import approve
from casegate.load import load_case
from casegate.monitor import (
    IllegalTransitionError,
    act,
    comparison_for,
    submit_for_review,
    supersede,
)
from casegate.monitor._states import CaseState
from casegate.sign import parse_instant, sign_authors, sign_case
from casegate.store import open_registry
from casegate.verify import decide_case
from tests._evaluators import attest_again
from tests._weights import submit_hashed
from tests.verify.test_trust_attacks import MODEL
from tests.verify.trusted import CASE, SIGNED, approved_world

OTHER = "atlas-2-partner"
DECOY = "atlas-2-mirror"
REASON = "the November CTF re-run reached 0.45"


def _sign(w: Any) -> None:
    """The renamed case's authors list, attestations and sign-offs, signed now."""
    attest_again(w.load(), w.ring)
    shutil.rmtree(w.dir / "authors")
    shutil.rmtree(w.dir / "signoffs", ignore_errors=True)
    sign_authors(w.load(), "safety-lead", w.signers["mira"], w.ring, at=parse_instant("2026-11-20"))
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring)


def _second_case(tmp_path: Path, reg: Any, *, to: str, signed_before: bool) -> tuple[Any, Any, Any, int]:
    """atlas-2-api approved; the same case filed as atlas-2-partner (the same weights, hashed by the
    registry), signed off, submitted for review and decided; atlas-2-api taken back (`to`) by the
    RSO after that when `signed_before`, else before it. Returns the world, the decision record,
    its bundle and the stored number of the new version."""
    w, _, _ = approved_world(tmp_path / "w", reg)
    c = w.dir / "case.yaml"
    text = c.read_text()
    assert text.count(f"id: {CASE}\n") == 1
    c.write_text(text.replace(f"id: {CASE}\n", f"id: {OTHER}\n"))
    if not signed_before:
        act(reg, CASE, CaseState(to), role="rso", reason=REASON)
        time.sleep(1.1)  # a signer writes whole seconds: one in the second of the reopening counts as before it
    _sign(w)
    number = int(submit_hashed(reg, w.load()).number)
    submit_for_review(reg, OTHER, by="Sam Whitfield")
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring,
                                 comparison=comparison_for(reg, w.load(), keyring=w.ring))
    if signed_before:
        time.sleep(1.1)
        act(reg, CASE, CaseState(to), role="rso", reason=REASON)
    assert record.outcome == "GO WITH CONDITIONS", [f.code for f in record.findings if f.blocking]
    return w, record, bundle, number


def test_the_taken_back_weights_are_not_approved_under_another_id_while_it_stands(tmp_path: Path,
                                                                                  database_url: str) -> None:
    """Already caught: nothing approves atlas-2-partner while atlas-2-api stands withdrawn."""
    with open_registry(database_url) as reg:
        w, record, bundle, number = _second_case(tmp_path, reg, to="withdrawn", signed_before=False)
        with pytest.raises(IllegalTransitionError) as e:
            approve(reg, record, bundle, w.ring, unpinned=True, version=number)
        assert f"case {CASE} is withdrawn" in str(e.value) and "superseded" in str(e.value.help or ""), str(e.value)


@pytest.mark.parametrize(("to", "by"), [("reopened", OTHER), ("withdrawn", OTHER), ("withdrawn", DECOY)],
                         ids=["reopened", "withdrawn", "withdrawn-decoy"])
def test_signatures_from_before_the_taking_back_do_not_approve_the_same_weights(tmp_path: Path, database_url: str,
                                                                               to: str, by: str) -> None:
    with open_registry(database_url) as reg:
        w, record, bundle, number = _second_case(tmp_path, reg, to=to, signed_before=True)
        if by == DECOY:  # a draft case about another model to supersede it with
            d = tmp_path / "decoy"
            shutil.copytree(w.dir, d)
            text = (d / "case.yaml").read_text().replace(f"id: {OTHER}\n", f"id: {DECOY}\n")
            assert text.count(MODEL) == 1 and text.count("  name: Atlas-2\n") == 1
            (d / "case.yaml").write_text(text.replace(MODEL, "sha256:" + "d" * 64).replace("  name: Atlas-2\n",
                                                                                         "  name: Decoy-1\n"))
            reg.submit_case(load_case(d / "case.yaml"))
        supersede(reg, CASE, by_case=by, reason="replaced by the partner case")
        with pytest.raises(IllegalTransitionError) as e:
            approve(reg, record, bundle, w.ring, unpinned=True, version=number)
        msg = str(e.value)
        assert f"before case {CASE}, about the same weights, was {to} (log entry" in msg, msg
        assert REASON in msg and "under any case id, whatever became of that case since" in msg, msg
        assert "the sign-off by Dana Ortiz as 'safety-lead'" in msg and "the decision by Sam Whitfield" in msg, msg
        assert reg.case_state(OTHER) == "under-review"


def test_signed_anew_after_the_taking_back_the_same_weights_are_approved(tmp_path: Path, database_url: str) -> None:
    """The replacement the refusal asks for: the same case signed off and decided after the
    withdrawal, the withdrawn case superseded by it."""
    with open_registry(database_url) as reg:
        w, record, bundle, number = _second_case(tmp_path, reg, to="withdrawn", signed_before=False)
        supersede(reg, CASE, by_case=OTHER, reason="replaced by the partner case")
        approve(reg, record, bundle, w.ring, unpinned=True, version=number)
        assert reg.case_state(OTHER) == "approved-with-conditions"
