"""A newer version judged NO-GO stops the older approval of the same weights. The lab's move:
version 1 is approved; version 2 of the same case, for the same weights and boundary, is judged
NO-GO because its own argument says no (a defeater left open); the lab keeps deploying version 1's
bundle. A NO-GO only for missing sign-offs (a draft not yet signed) leaves the approval as it is."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path
from typing import Any

from casegate.model import BoundaryKind
from casegate.store import open_registry, record_decision, record_judgement
from casegate.trust import load_trust_root
from casegate.verify import deploy_state, judge_case, verify_deploy
from casegate.verify._newer import APPROVAL_RULES, NEWER_NO_GO
from tests._weights import submit_hashed
from tests.verify.test_trust_attacks import MODEL
from tests.verify.trusted import CASE, approved_world, make_trust

OPEN_D1 = ("      status: answered\n      answered_by: [E-sandbag]\n      raised_by: acme-alignment-science\n",
           "      status: open\n      raised_by: acme-alignment-science\n")


def _world(tmp_path: Path, db: str, edit: str) -> tuple[Any, dict[str, Any], Any]:
    """Version 1 approved; version 2 submitted with `edit` (`open`: defeater D1 reopened; `title`:
    the title changed, so only the sign-offs no longer hold) and judged by the gate, its NO-GO logged."""
    with open_registry(db) as reg:
        w, bundle, _ = approved_world(tmp_path / "w", reg)
        if edit == "open":
            a = w.dir / "argument.yaml"
            a.write_text(a.read_text().replace(*OPEN_D1, 1))
        else:
            c = w.dir / "case.yaml"
            c.write_text(c.read_text().replace("title: Atlas-2 general API", "title: Atlas-2 API", 1))
        submit_hashed(reg, w.load())
        j = judge_case(w.load(), w.ring)
        assert j.record.outcome == "NO-GO"
        entry = record_decision(reg, j.record, version=2)
    return w, bundle, entry


def _verify(w: Any, bundle: dict[str, Any], db: str, tmp_path: Path, boundary: BoundaryKind = BoundaryKind.api):
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    trust.checkpoint(db)
    root = load_trust_root(trust.dir)
    with open_registry(db, readonly=True) as reg:
        return verify_deploy(bundle, w.ring, trust=root, proof=reg.state_proof, model_digest=MODEL,
                             boundary=boundary, at=dt.datetime.now(dt.UTC))


def _newer(reasons: list[str]) -> list[str]:
    return [r for r in reasons if NEWER_NO_GO in r]


def test_a_newer_version_judged_no_go_on_its_argument_stops_the_older_approval(tmp_path: Path,
                                                                               database_url: str) -> None:
    """Reason: version 1's bundle verified GO WITH CONDITIONS after version 2 of the same case, for
    the same weights and boundary, was judged NO-GO on an open defeater (CG801)."""
    w, bundle, entry = _world(tmp_path, database_url, "open")
    v = _verify(w, bundle, database_url, tmp_path)
    assert not v.ok
    newer = _newer(v.reasons)
    assert len(newer) == 1, v.reasons
    assert newer[0].startswith(f"version 2 of case {CASE} for these weights was judged NO-GO by a gate run "
                               f"(log entry {entry.index}")
    assert "CG801 open-defeater" in newer[0] and "CG510" not in newer[0]
    # the registry's state and the board say the same
    with open_registry(database_url, readonly=True) as reg:
        st = deploy_state(reg, CASE, w.ring)
    assert not st.deployable
    assert any(NEWER_NO_GO in r for r in st.reasons), st.reasons
    assert "newer version judged NO-GO" in st.causes, st.causes


def test_a_no_go_only_for_missing_signoffs_leaves_the_approval(tmp_path: Path, database_url: str) -> None:
    """A draft of version 2 gated before it is signed is NO-GO on the sign-offs alone: version 1
    still verifies (the rule the registry kept for drafts)."""
    w, bundle, entry = _world(tmp_path, database_url, "title")
    codes = {f["code"] for f in entry.payload["record"]["findings"] if f["severity"] == "blocking"}
    assert codes and codes <= APPROVAL_RULES, codes
    v = _verify(w, bundle, database_url, tmp_path)
    assert _newer(v.reasons) == [] and v.ok, v.reasons


def test_a_no_go_for_a_wider_boundary_says_nothing_of_a_narrower_deploy(tmp_path: Path,
                                                                          database_url: str) -> None:
    """Version 2's NO-GO was judged for api; a deploy of version 1 across internal-deployment is not stopped by it
    (a NO-GO for a narrower boundary than the deploy is: see the first test, where they are equal)."""
    w, bundle, _ = _world(tmp_path, database_url, "open")
    v = _verify(w, bundle, database_url, tmp_path, boundary=BoundaryKind.internal_deployment)
    assert _newer(v.reasons) == [], v.reasons


def test_a_judgement_that_does_not_say_what_blocked_fails_closed(tmp_path: Path, database_url: str) -> None:
    """A NO-GO judgement of version 2 logged without what it found (by an older casegate) cannot tell
    whether the case says no: the older approval is not verified, with the reason."""
    w, bundle, _ = _world(tmp_path, database_url, "title")
    with open_registry(database_url) as reg:
        e = reg.record("judgement", CASE, {"version": 2, "outcome": "NO-GO", "record_sha256": "0" * 64,
                                           "keyring": w.ring.fingerprint(), "via": "publish"})
    v = _verify(w, bundle, database_url, tmp_path)
    newer = _newer(v.reasons)
    assert len(newer) == 1 and f"log entry {e.index}" in newer[0], v.reasons
    assert "does not record which findings blocked it" in newer[0]
    # a judgement that records them (as `casegate publish` logs it) is read like a decision
    with open_registry(database_url) as reg:
        record_judgement(reg, CASE, version=2, outcome="NO-GO", record_sha256="1" * 64, judged={},
                         found={"blocking": [{"code": "CG306", "element": None}]}, boundary="api", models=[MODEL])
    v = _verify(w, bundle, database_url, tmp_path / "again")
    assert any("CG306" in r for r in _newer(v.reasons)), v.reasons


def test_an_approval_of_a_newer_version_verifies_that_version_only(tmp_path: Path, database_url: str) -> None:
    """Version 3 answers the defeater with a probe run since, is signed, decided and approved: its bundle verifies,
    version 1's does not (the registry approved another decision)."""
    from casegate.approve import approve
    from casegate.monitor import comparison_for
    from casegate.sign import attest_evidence, load_signer, parse_instant, sign_case
    from casegate.verify import decide_case
    from tests._evaluators import EXAMPLE_KEYRING
    from tests.verify.trusted import SIGNED

    w, bundle1, _ = _world(tmp_path, database_url, "open")
    # answered by a probe run since: evidence version 2 already held while D1 stood open answers
    # nothing (CG806)
    a = w.dir / "argument.yaml"
    a.write_text(a.read_text().replace(OPEN_D1[1], OPEN_D1[0].replace("[E-sandbag]", "[E-sandbag-rerun]"), 1))
    report = w.dir / "reports" / "sandbagging-probe-rerun.md"
    report.write_text("# Sandbagging probe, Atlas-2, run again (2026-11-25)\n\nFine-tuned elicitation raised "
                      "scores by at most 1.1 points (within noise). Verdict: PASS.\n")
    ev = w.dir / "evidence.yaml"
    ev.write_text(ev.read_text().replace("  E-sandbag:\n", (
        "  E-sandbag-rerun:\n    kind: sandbagging-probe\n    title: Sandbagging probe, run again\n"
        "    artifact: reports/sandbagging-probe-rerun.md\n"
        f"    sha256: {hashlib.sha256(report.read_bytes()).hexdigest()}\n"
        "    producer: northbridge-security\n    date: 2026-11-25\n    confidentiality: internal\n"
        "    result: {passed: true}\n    summary: No sign of deliberate underperformance.\n"
        "  E-sandbag:\n"), 1))
    # run by the outside evaluator, who signs it (as the first probe)
    key = tmp_path / "jonas-berg.key"
    shutil.copyfile(EXAMPLE_KEYRING.parent / key.name, key)
    key.chmod(0o600)
    attest_evidence(w.load(), "E-sandbag-rerun", load_signer(str(key)),
                    w.ring, "evaluator", activity="ran", says="Sandbagging probe of Atlas-2, run again.",
                    at=parse_instant("2026-11-26"))
    c = w.dir / "case.yaml"
    c.write_text(c.read_text().replace("title: Atlas-2 general API", "title: Atlas-2 API", 1))
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring)
    with open_registry(database_url) as reg:
        submit_hashed(reg, w.load())
        record, bundle3 = decide_case(w.load(), w.signers["sam"], "rso", w.ring,
                                      comparison=comparison_for(reg, w.load(), keyring=w.ring))
        approve(reg, record, bundle3, w.ring, unpinned=True)
    v3 = _verify(w, bundle3, database_url, tmp_path)
    assert _newer(v3.reasons) == [], v3.reasons
    assert v3.ok, v3.reasons
    v1 = _verify(w, bundle1, database_url, tmp_path / "again")
    assert not v1.ok and any("on another decision (version 3" in r for r in v1.reasons), v1.reasons


class _Entry:
    def __init__(self, index: int, kind: str, payload: dict[str, Any]) -> None:
        self.index, self.kind, self.payload, self.recorded_at = index, kind, payload, "2026-12-05T00:00:00Z"
        self.case_id = CASE


def test_a_narrower_boundary_the_newer_gate_run_also_failed_is_stopped_too() -> None:
    """Version 2 judged NO-GO for api, and its gate run found trusted-access NO-GO as well (CG801)
    but internal-deployment GO: a deploy of version 1 to trusted-access (a narrower boundary the
    lab names) is stopped, one to internal-deployment is not; nor is any deploy of another model
    digest, nor the approval of version 2 itself."""
    from casegate.verify._newer import newer_no_go_problems

    finding = {"code": "CG801", "name": "open-defeater", "severity": "blocking", "waived": None}
    record = {"boundary": "api", "findings": [finding], "digests": {"model": [MODEL]},
              "trials": [{"boundary": "api", "outcome": "NO-GO", "blocking": ["CG801"]},
                         {"boundary": "trusted-access", "outcome": "NO-GO", "blocking": ["CG801"]},
                         {"boundary": "internal-deployment", "outcome": "GO", "blocking": []}]}
    events = [_Entry(9, "decision", {"version": 2, "outcome": "NO-GO", "record": record})]
    # version 2 is about another model than version 1 (whose digest is 2...2): another system name,
    # no weights in common (see test_newer_no_go_other_digest for the same model under another digest)
    log = [_Entry(n, "case-version", {"version": n, "system": {"name": name, "version": "1", "digests": [digest]}})
           for n, name, digest in ((1, "Atlas-1", "sha256:" + "2" * 64), (2, "Atlas-2", MODEL))]

    def stops(boundary: BoundaryKind, approved: int = 1, digest: str = MODEL) -> bool:
        return bool(newer_no_go_problems(events, approved, CASE, boundary, digest, approved_at=10, log=log))

    assert stops(BoundaryKind.api) and stops(BoundaryKind.trusted_access) and stops(BoundaryKind.consumer)
    assert not stops(BoundaryKind.internal_deployment)
    assert not stops(BoundaryKind.api, digest="sha256:" + "2" * 64)
    assert not stops(BoundaryKind.api, approved=2)


def test_a_no_go_entry_that_records_no_version_stops_the_approval(tmp_path: Path, database_url: str) -> None:
    """The lab's move: version 2's NO-GO is logged without its version number (left out, null, or a
    string), so the newer-NO-GO rule cannot tell it is of a later version. Before, such an entry was
    ignored and version 1's bundle verified; now it counts as of a later version, with a reason
    naming the entry. One of another model or only on the review process still does not stop it."""
    from casegate.verify._newer import newer_no_go_problems

    w, bundle, _ = _world(tmp_path, database_url, "title")  # version 2's own NO-GO: sign-offs only
    found = {"blocking": [{"code": "CG801", "element": "D1"}]}
    with open_registry(database_url) as reg:
        e = reg.record("judgement", CASE, {"outcome": "NO-GO", "record_sha256": "0" * 64, "judged": {},
                                           "found": found, "boundary": "api", "models": [MODEL]})
    v = _verify(w, bundle, database_url, tmp_path)
    assert not v.ok
    newer = _newer(v.reasons)
    assert len(newer) == 1 and f"log entry {e.index}" in newer[0], v.reasons
    assert newer[0].startswith(f"a version of case {CASE} the entry does not number (its version is None; it may be "
                               "later than version 1)") and "CG801" in newer[0], newer[0]

    def entry(version: Any, codes: list[str], models: list[str] | None = None) -> Any:
        payload = {"outcome": "NO-GO", "found": {"blocking": [{"code": c} for c in codes]}, "boundary": "api",
                   "models": models or [MODEL]}
        if version != "absent":
            payload["version"] = version
        return _Entry(7, "judgement", payload)

    for version in ("absent", None, "2", 2.0, True):
        assert newer_no_go_problems([entry(version, ["CG801"])], 1, CASE, BoundaryKind.api, MODEL,
                                    approved_at=3), version
    assert not newer_no_go_problems([entry(None, ["CG510"])], 1, CASE, BoundaryKind.api, MODEL, approved_at=3)
    assert not newer_no_go_problems([entry(None, ["CG801"], ["sha256:" + "2" * 64])], 1, CASE, BoundaryKind.api,
                                    MODEL, approved_at=3)
    assert not newer_no_go_problems([entry(1, ["CG801"])], 1, CASE, BoundaryKind.api, MODEL, approved_at=8)


def test_the_approved_version_judged_no_go_again_after_its_approval_stops_it(tmp_path: Path,
                                                                            database_url: str) -> None:
    """The lab's move: version 1 is approved; version 1 itself is gated again later (new
    counter-evidence reopens defeater D1) and judged NO-GO, its decision logged after the approval;
    the lab keeps deploying version 1's bundle. Before, only a later version's NO-GO was read and
    the bundle verified; now it stops the approval, in `verify` and in `state show`."""
    with open_registry(database_url) as reg:
        w, bundle, applied = approved_world(tmp_path / "w", reg)
        a = w.dir / "argument.yaml"
        a.write_text(a.read_text().replace(*OPEN_D1, 1))
        j = judge_case(w.load(), w.ring)
        assert j.record.outcome == "NO-GO"
        entry = record_decision(reg, j.record, version=1)
        approval = max(e.index for e in reg.events(case_id=CASE, kind="state-change"))
    assert entry.index > approval
    v = _verify(w, bundle, database_url, tmp_path)
    assert not v.ok
    again = _newer(v.reasons)
    assert len(again) == 1, v.reasons
    assert again[0].startswith(f"version 1 of case {CASE}, the approved version itself, gated again after its "
                               f"approval, (its approval is log entry {approval}) for these weights was judged "
                               f"NO-GO by a gate run (log entry {entry.index}"), again[0]
    assert "CG801 open-defeater" in again[0] and "CG510" not in again[0]
    with open_registry(database_url, readonly=True) as reg:
        st = deploy_state(reg, CASE, w.ring)
    assert not st.deployable
    assert "approved version judged NO-GO again" in st.causes, st.causes
    assert "newer version judged NO-GO" not in st.causes, st.causes


def test_the_approved_version_judged_no_go_before_its_approval_says_nothing() -> None:
    """The approved version's own NO-GO logged before the approval (a draft gated before it was
    signed, or answered since) does not stop it; the same NO-GO logged after does, and only on
    findings outside the review process."""
    from casegate.verify._newer import newer_no_go_problems

    def entry(index: int, code: str) -> Any:
        return _Entry(index, "judgement", {"version": 1, "outcome": "NO-GO", "boundary": "api", "models": [MODEL],
                                           "found": {"blocking": [{"code": code}]}})

    def stops(index: int, code: str = "CG801") -> list[str]:
        return newer_no_go_problems([entry(index, code)], 1, CASE, BoundaryKind.api, MODEL, approved_at=10)

    assert not stops(4) and not stops(10)
    assert stops(11) and "the registry's judgement (log entry 11" in stops(11)[0]
    assert not stops(11, "CG510")
    # an earlier version's NO-GO, logged after the approval, still says nothing of it
    early = _Entry(12, "judgement", {"version": 0, "outcome": "NO-GO", "boundary": "api", "models": [MODEL],
                                     "found": {"blocking": [{"code": "CG801"}]}})
    assert not newer_no_go_problems([early], 1, CASE, BoundaryKind.api, MODEL, approved_at=10)
