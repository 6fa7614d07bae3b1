"""A case judged NO-GO is not left behind by filing the same weights under a new case id.

The lab's move: case atlas-2-api (model Atlas-2) is judged NO-GO on its substance (an open
defeater: an outside spot check its answer does not answer) and the decision is logged. The lab
files the same weights under a new case id, `atlas-2-partner` (the system renamed, the weights
re-saved beside one more file, so another digest), with the defeater marked answered by the
evidence the NO-GO'd version already held. A case id with no history of its own is compared with
the case about the same model submitted last, so the lab first submits a decoy version of the new
case (or a decoy case of the same weights after the NO-GO'd one): the version it decides is then
compared with the decoy alone, and with the last approved version of each other case of the
model, which a case judged NO-GO does not have. Before, the registry approved it: the NO-GO and
the defeater it stood on were compared with nothing. Now every version of another case about the
same model that a logged decision or judgement found NO-GO since that case's last approval is
compared with as well, the registry holds an approval to that comparison, and its own judgement
finds what the NO-GO'd version said (CG806)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.approve import approve
from casegate.evidence import model_digest
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.monitor import IllegalTransitionError, comparison_for, submit_for_review
from casegate.monitor._compare import EARLIER_MAX, required_history
from casegate.sign import parse_instant, sign_authors, sign_case
from casegate.store import open_registry, record_decision
from casegate.verify import decide_case, judge_case
from tests._evaluators import attest_again
from tests._weights import submit_hashed
from tests.sign.helpers import make_world
from tests.verify.test_newer_no_go import OPEN_D1
from tests.verify.test_trust_attacks import MODEL
from tests.verify.trusted import CASE, SIGNED

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
OTHER = "atlas-2-partner"
DECOY = "atlas-2-mirror"


def _no_go_then_renamed(tmp_path: Path, reg: Any, *, decoy_case: bool = False) -> tuple[Any, int]:
    """Case atlas-2-api, its defeater D1 left open, submitted (its weights hashed), judged NO-GO
    and the decision logged; then the same weights re-saved beside one more file, the case renamed
    atlas-2-partner with D1 marked answered again, and a decoy submitted first: a version of
    atlas-2-partner itself (or, with `decoy_case`, a case atlas-2-mirror about the same weights).
    Returns the world, now the renamed case signed off, and the stored number of its version."""
    w = make_world(tmp_path / "w")
    a = w.dir / "argument.yaml"
    honest = a.read_text()
    a.write_text(honest.replace(*OPEN_D1, 1))
    submit_hashed(reg, w.load())
    j = judge_case(w.load(), w.ring)
    assert j.record.outcome == "NO-GO" and "CG801" in {f.code for f in j.record.findings if f.blocking}
    record_decision(reg, j.record, version=1)
    # the same weights re-saved beside one more file: another digest, the same weights file
    b = w.dir / "model-b"
    shutil.copytree(w.dir / "model", b)
    (b / "NOTES.md").write_text("Re-saved for the partner's pipeline.\n")
    digest_b = model_digest(b).digest
    c = w.dir / "case.yaml"
    text = c.read_text()
    assert text.count(f"id: {CASE}\n") == 1 and text.count("  name: Atlas-2\n") == 1
    a.write_text(honest)
    renamed = text.replace(MODEL, digest_b)
    c.write_text(renamed.replace(f"id: {CASE}\n", f"id: {DECOY if decoy_case else OTHER}\n")
                 .replace("title: Atlas-2 general API", "title: Atlas-2 partner API (draft)", 1))
    submit_hashed(reg, w.load(), model=b)
    c.write_text(renamed.replace(f"id: {CASE}\n", f"id: {OTHER}\n"))
    attest_again(w.load(), w.ring)  # the outside evaluators attest the evidence for the renamed case
    shutil.rmtree(w.dir / "authors")  # the authors sign the renamed case's list
    sign_authors(w.load(), "safety-lead", w.signers["mira"], w.ring, at=parse_instant("2026-11-20"))
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring)
    v = submit_hashed(reg, w.load(), model=b)
    assert v.case_id == OTHER
    return w, v.number


@pytest.mark.parametrize("decoy_case", [False, True], ids=["decoy-version", "decoy-case"])
def test_the_no_go_of_another_case_of_the_weights_is_compared_with(tmp_path: Path, database_url: str,
                                                                    decoy_case: bool) -> None:
    with open_registry(database_url) as reg:
        w, number = _no_go_then_renamed(tmp_path, reg, decoy_case=decoy_case)
        comparison = comparison_for(reg, w.load(), keyring=w.ring)
        shown = [(c.baseline.case, c.baseline.number, c.baseline.label) for c in comparison.versions]
        assert (CASE, 1, f"case {CASE} version 1.0 (#1), judged NO-GO") in shown, shown
        versions, _ = required_history(reg, OTHER, number)
        assert (CASE, 1) in {(case, n) for case, n, _, _ in versions}, versions
        # the lab's decision, compared with what the registry remembers, finds what the NO-GO stood on
        record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, comparison=comparison)
        assert record.outcome == "NO-GO"
        (msg,) = [f.message for f in record.findings if f.code == "CG806" and f.blocking]
        assert f"case {CASE} version 1.0 (#1), judged NO-GO" in msg, msg


@pytest.mark.parametrize("decoy_case", [False, True], ids=["decoy-version", "decoy-case"])
def test_the_registry_does_not_approve_the_renamed_case(tmp_path: Path, database_url: str, decoy_case: bool) -> None:
    """The lab decides the renamed case against the decoy alone (what the registry compared it with
    before) and asks the registry to approve that decision."""
    with open_registry(database_url) as reg:
        w, number = _no_go_then_renamed(tmp_path, reg, decoy_case=decoy_case)
        comparison = comparison_for(reg, w.load(), keyring=w.ring)
        lab = type(comparison)(versions=[c for c in comparison.versions if c.baseline.case != CASE],
                               artifact_dates=comparison.artifact_dates, signoff_dates=comparison.signoff_dates,
                               incidents=comparison.incidents, lineage=comparison.lineage,
                               protocols=comparison.protocols)
        record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, comparison=lab)
        assert record.outcome in ("GO", "GO WITH CONDITIONS"), [f.code for f in record.findings if f.blocking]
        submit_for_review(reg, OTHER, by="Sam Whitfield")
        with pytest.raises(IllegalTransitionError) as e:
            approve(reg, record, bundle, w.ring, unpinned=True, version=number)
        assert f"case {CASE} version 1.0 (#1), judged NO-GO" in str(e.value), str(e.value)
        assert reg.case_state(OTHER) == "under-review"


def test_a_no_go_of_the_case_itself_is_not_cut_among_many_versions(tmp_path: Path, database_url: str) -> None:
    """The case's own versions submitted since its last approval are compared with, the middle of
    more than `EARLIER_MAX` cut: a version judged NO-GO there is compared with all the same."""
    d = tmp_path / "c"
    shutil.copytree(ATLAS, d)
    c = d / "case.yaml"
    text = c.read_text()
    assert text.count("title: Atlas-2 general API") == 1

    def submit(title: str) -> int:
        c.write_text(text.replace("title: Atlas-2 general API", f"title: {title}", 1))
        return int(reg.submit_case(load_case(c)).number)

    with open_registry(database_url) as reg:
        for k in range(EARLIER_MAX // 2 + 2):
            submit(f"Atlas-2 draft {k}")
        judged = submit("Atlas-2 reviewed")
        record = run_gate(load_case(c), today=dt.date(2026, 11, 27))
        assert record.outcome == "NO-GO"
        record_decision(reg, record, version=judged)
        for k in range(EARLIER_MAX // 2 + 2):
            submit(f"Atlas-2 decoy {k}")
        last = submit("Atlas-2 general API")
        shown = [(c.baseline.role, c.baseline.number) for c in comparison_for(reg, load_case(c)).versions]
        assert ("earlier", judged) in shown, shown
        assert len(shown) == EARLIER_MAX + 2, shown  # the previous, the cut earlier ones and the NO-GO'd one
        versions, _ = required_history(reg, CASE, last)
        assert (CASE, judged) in {(case, n) for case, n, _, _ in versions}
