"""A NO-GO recorded under another case id about the same weights stops an approval.

The lab's move: case atlas-2-api version 1 is approved; new evidence on the same model says no
(an open defeater), and the lab records it under another case id (`atlas-2-partner`, the same
weights re-saved beside one more file, the system renamed), so that no entry of the approved case
says no, and keeps deploying atlas-2-api's bundle. Before, `verify` (with a state proof, `--db`,
`--registry-url`) and `state show` read NO-GOs of the approved case alone and the bundle verified.
Now a substantive NO-GO logged after the approval, under any case id, for the same model (a
digest in common, the same system name and version, or weights the registry hashed for both) and
a boundary no wider than the deploy's, stops it; an unrelated model's NO-GO, or a NO-GO on the
review process alone (a draft not yet signed), does not."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from casegate.evidence import model_digest
from casegate.model import BoundaryKind
from casegate.store import open_registry, record_decision
from casegate.trust import load_trust_root
from casegate.verify import deploy_state, judge_case, verify_deploy
from casegate.verify._newer import OTHER_CASE
from tests._weights import safetensors, submit_hashed
from tests.verify.test_newer_no_go import OPEN_D1
from tests.verify.test_trust_attacks import MODEL
from tests.verify.trusted import (
    CASE,
    approved_world,
    demo_deployable,
    make_trust,
)

OTHER = "atlas-2-partner"


def _other_case(tmp_path: Path, db: str, folder: str, name: str, *, substantive: bool = True) -> tuple[Any, Any, Any]:
    """Case atlas-2-api version 1 approved; then case atlas-2-partner, about the model at `folder`
    (`same`: atlas-2-api's own folder; `resaved`: its weights beside one more file; `other`: other
    weights), its system named `name`, submitted (its files hashed), judged NO-GO (on an open
    defeater when `substantive`, else on its unsigned sign-offs alone) and its decision logged."""
    with open_registry(db) as reg:
        w, bundle, _ = approved_world(tmp_path / "w", reg)
        if folder == "same":
            b = w.dir / "model"
        else:
            b = w.dir / "model-b"
            if folder == "resaved":
                shutil.copytree(w.dir / "model", b)
                (b / "NOTES.md").write_text("Re-saved for the partner's pipeline.\n")
            else:
                b.mkdir()
                (b / "model.safetensors").write_bytes(safetensors(8192))
                (b / "config.json").write_text('{"model_type": "atlas"}\n')
        digest_b = model_digest(b).digest
        c = w.dir / "case.yaml"
        text = c.read_text()
        assert text.count(f"id: {CASE}\n") == 1 and text.count("  name: Atlas-2\n") == 1
        text = text.replace(f"id: {CASE}\n", f"id: {OTHER}\n").replace(MODEL, digest_b)
        c.write_text(text.replace("  name: Atlas-2\n", f"  name: {name}\n"))
        if substantive:
            a = w.dir / "argument.yaml"
            a.write_text(a.read_text().replace(*OPEN_D1, 1))
        submit_hashed(reg, w.load(), model=b)
        j = judge_case(w.load(), w.ring)
        assert j.record.outcome == "NO-GO" and j.record.case_id == OTHER
        blocking = {f.code for f in j.record.findings if f.blocking}
        assert ("CG801" in blocking) is substantive, blocking
        entry = record_decision(reg, j.record, version=1)
    return w, bundle, entry


def _verify(w: Any, bundle: dict[str, Any], db: str, tmp_path: Path) -> Any:
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    trust.checkpoint(db)
    root = load_trust_root(trust.dir)
    with open_registry(db, readonly=True) as reg:
        return verify_deploy(bundle, w.ring, trust=root, proof=reg.state_proof, model_digest=MODEL,
                             boundary=BoundaryKind.api, at=dt.datetime.now(dt.UTC))


def _other(reasons: list[str]) -> list[str]:
    return [r for r in reasons if OTHER_CASE in r]


def test_the_same_weights_judged_no_go_under_another_case_stop_the_approval(tmp_path: Path,
                                                                             database_url: str) -> None:
    """atlas-2-partner names the re-saved folder (another digest) under another system name: the
    registry hashed the same weights file for both, so its NO-GO stops atlas-2-api's approval, in
    `verify` and in `state show`."""
    w, bundle, entry = _other_case(tmp_path, database_url, "resaved", "Atlas-2 Partner")
    v = _verify(w, bundle, database_url, tmp_path)
    assert not v.ok
    (why,) = _other(v.reasons)
    assert why.startswith(f"version 1 of case {OTHER}, {OTHER_CASE} (for model sha256:"), why
    assert "a weights file of the same bytes for both it and version 1 of case atlas-2-api" in why, why
    assert f"was judged NO-GO by a gate run (log entry {entry.index}" in why and "CG801 open-defeater" in why, why
    with open_registry(database_url, readonly=True) as reg:
        st = deploy_state(reg, CASE, w.ring)
    assert not st.deployable and "another case about the same weights judged NO-GO" in st.causes, st.causes


def test_a_no_go_under_another_case_for_the_deployed_digest_stops_it(tmp_path: Path, database_url: str) -> None:
    """atlas-2-partner names the very folder atlas-2-api deploys: its digest is the deploy's."""
    w, bundle, _ = _other_case(tmp_path, database_url, "same", "Atlas-2 Partner")
    v = _verify(w, bundle, database_url, tmp_path)
    (why,) = _other(v.reasons)
    assert f"names model digest {MODEL[:19]}" in why, why


def test_an_unrelated_model_s_no_go_leaves_the_approval(tmp_path: Path, database_url: str) -> None:
    """atlas-2-partner is about another model (`Atlas-3`, other weights, another digest)."""
    w, bundle, _ = _other_case(tmp_path, database_url, "other", "Atlas-3")
    v = _verify(w, bundle, database_url, tmp_path)
    assert _other(v.reasons) == [], v.reasons
    assert v.ok, v.reasons
    with open_registry(database_url, readonly=True) as reg:
        assert demo_deployable(deploy_state(reg, CASE, w.ring))


def test_a_no_go_on_the_review_process_alone_leaves_the_approval(tmp_path: Path, database_url: str) -> None:
    """atlas-2-partner, about the very weights atlas-2-api deploys, is gated NO-GO only because
    nobody signed it yet."""
    w, bundle, entry = _other_case(tmp_path, database_url, "same", "Atlas-2", substantive=False)
    blocking = {f["code"] for f in entry.payload["record"]["findings"] if f["severity"] == "blocking"}
    assert blocking and blocking <= {"CG501", "CG510"}, blocking
    v = _verify(w, bundle, database_url, tmp_path)
    assert _other(v.reasons) == [], v.reasons


class _Entry:
    def __init__(self, index: int, kind: str, payload: dict[str, Any], case_id: str) -> None:
        self.index, self.kind, self.payload, self.case_id = index, kind, payload, case_id
        self.recorded_at = "2026-12-05T00:00:00Z"


def test_a_version_logged_before_the_state_proof_starts_fails_closed() -> None:
    """A NO-GO of atlas-2-partner logged after the approval, for another digest, whose version was
    logged before atlas-2-api's first entry (where its state proof starts): which model it is about
    cannot be established from the proof, so it stops the approval; with the version's entry in
    view (the whole log) naming another model, it does not."""
    from casegate.verify._newer import other_case_no_go_problems

    other = "sha256:" + "3" * 64
    nogo = _Entry(12, "judgement", {"version": 1, "outcome": "NO-GO", "boundary": "api", "models": [other],
                                    "found": {"blocking": [{"code": "CG801"}]}}, OTHER)
    mine = _Entry(5, "case-version", {"version": 1, "system": {"name": "Atlas-2", "version": "2.1.0",
                                                               "digests": [MODEL]}}, CASE)
    theirs = _Entry(2, "case-version", {"version": 1, "system": {"name": "Atlas-3", "version": "1.0",
                                                                 "digests": [other]}}, OTHER)

    def problems(log: list[Any], log_from: int) -> list[str]:
        return other_case_no_go_problems([nogo], 1, CASE, BoundaryKind.api, MODEL, approved_at=8, log=log,
                                         log_from=log_from)

    (why,) = problems([mine], 5)
    assert ("the state proof starts at log entry 5, and version 1 of case atlas-2-partner is not among its "
            "entries, so whether it is about another model cannot be established") in why, why
    assert problems([theirs, mine], 0) == []
    # a NO-GO for a wider boundary, or logged before the approval, is not asked about
    assert other_case_no_go_problems([nogo], 1, CASE, BoundaryKind.internal_deployment, MODEL, approved_at=8,
                                     log=[mine], log_from=5) == []
    assert other_case_no_go_problems([nogo], 1, CASE, BoundaryKind.api, MODEL, approved_at=12, log=[mine],
                                     log_from=5) == []


def test_verify_db_at_the_command_line_names_the_other_case(tmp_path: Path, database_url: str) -> None:
    """`casegate verify --bundle ... --model-digest A --db`, the deploy step's own command, is
    refused with the other case's NO-GO named."""
    import json

    from tests.verify.test_deploy_exposure import RATE_LIMITS
    from tests.verify.trusted import cli_in_process

    w, bundle, entry = _other_case(tmp_path, database_url, "resaved", "Atlas-2 Partner")
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    trust.checkpoint(database_url)
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    rc, out = cli_in_process(tmp_path, "verify", "--bundle", str(path), "--model-digest", MODEL, "--boundary", "api",
                             "--tool", "code-execution", "--access", "self-serve", "--region", "US",
                             *[x for limit in RATE_LIMITS for x in ("--rate-limit", limit)],
                             "--keyring", str(w.ring_path), "--trust-root", str(trust.dir), "--db", database_url)
    assert rc == 1, out
    assert "NOT verified: 2 reasons" in out, out  # the published keys the second
    assert OTHER_CASE in out and f"log entry {entry.index}" in out, out
