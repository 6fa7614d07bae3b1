"""Revocations come from the log, not from the keyring file alone (SQLite and PostgreSQL).

A thief signs with Dana's stolen key and backdates the sign-off; the decision is logged after the
compromise. `casegate keys revoke` records the compromise in the log, but the keyring the decision
names (the one the trust root pins for it) predates the revocation: verifying against that file
alone, the compromise is omitted. `verify` applies every revocation the proven log holds, and
where the root has replaced the keyring it fails closed unless the proof carries the logged
changes from it to the current one."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.approve import approve
from casegate.model import BoundaryKind
from casegate.monitor import IllegalTransitionError, submit_for_review
from casegate.sign import iso, load_keyring, load_signer, parse_instant, sign_case
from casegate.store import open_registry
from casegate.trust import PinnedKeyring, load_trust_root, rotated_root, sign_root, write_root
from casegate.verify import decide_case, deploy_state, verify_deploy
from tests._weights import submit_hashed
from tests.sign.helpers import MODEL, make_world
from tests.verify.trusted import Trust, cli_in_process, keep_heard, log_clock, make_trust

CASE = "atlas-2-api"
SIGNED = {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}
SIGNED_AT = parse_instant("2026-11-25")  # the date the thief wrote
LOGGED = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)  # when the log recorded it
COMPROMISED = "2026-12-01"
AT = parse_instant("2026-12-10")


class Story:
    def __init__(self, tmp: Path, db: str):
        self.w = w = make_world(tmp / "w")
        for name, role in SIGNED.items():
            sign_case(w.load(), role, w.signers[name], w.ring, at=SIGNED_AT)
        record, self.bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=SIGNED_AT)
        with open_registry(db) as reg, log_clock(LOGGED):
            submit_hashed(reg, w.load())
            submit_for_review(reg, CASE, by="Sam Whitfield")
            approve(reg, record, self.bundle, w.ring, unpinned=True)
        self.ring = w.ring  # the keyring the decision names: no revocation in it
        self.trust: Trust = make_trust(tmp / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
        self.db, self.tmp = db, tmp
        self.heard = LOGGED

    def revoke_in_log(self) -> Path:
        """`casegate keys revoke` on the security team's copy of the keyring, recorded in the log."""
        copy = self.tmp / "current-keyring.yaml"
        shutil.copy(self.w.ring_path, copy)
        with log_clock(LOGGED + dt.timedelta(days=1)):  # logged on the story's dates, before AT
            rc, text = cli_in_process(self.tmp, "keys", "revoke", str(copy), self.w.signers["dana"].public_key.keyid,
                                      "--reason", "laptop stolen", "--at", COMPROMISED, "--db", self.db)
        assert rc == 0 and "recorded the keyring change in the log" in text, text
        return copy

    def proof(self, *, drop_changes: bool = False, empty_changes: bool = False, until: dt.datetime = AT) -> Any:
        """The state proof under a checkpoint signed after the case's monitors read, every 12 hours
        (each reading logged at its time), up to `until`."""
        if until - self.heard >= dt.timedelta(hours=12):
            self.heard = keep_heard(self.db, CASE, self.heard, until)
            self.trust.checkpoint(self.db, at=self.heard + dt.timedelta(seconds=1))
        else:
            self.trust.checkpoint(self.db)
        with open_registry(self.db, readonly=True) as reg:
            doc, problems = reg.state_proof(CASE)
        assert not problems, problems
        if drop_changes:
            doc = {k: v for k, v in doc.items() if k != "keyring_changes"}
        if empty_changes:
            doc = {**doc, "keyring_changes": []}
        return lambda _cid: (doc, [])

    def verify(self, proof: Any, at: dt.datetime = AT) -> Any:
        return verify_deploy(self.bundle, self.ring, trust=load_trust_root(self.trust.dir), proof=proof,
                             model_digest=MODEL, boundary=BoundaryKind.api, at=at, now=at)

    def rotate_root_to(self, keyring: Path) -> None:
        """Trust root version 2: the keyring `keyring` is current, the decision's one replaced now."""
        root = load_trust_root(self.trust.dir)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        old = [k.model_copy(update={"until": iso(now)}) if k.until is None else k for k in root.pins.keyrings]
        pins = root.pins.model_copy(update={"keyrings": [
            *old, PinnedKeyring(digest=load_keyring(keyring).fingerprint())]})
        signer = load_signer(str(self.trust.root_key))
        md = rotated_root(root.metadata, pins=pins, expires=now + dt.timedelta(days=30))
        sign_root(md, [signer])
        write_root(md, self.trust.dir / "2.root.json")


def dana(v: Any) -> list[str]:
    return [r for r in v.reasons if "Dana Ortiz" in r]


def test_a_compromise_omitted_from_the_keyring_file_is_taken_from_the_log(tmp_path: Path, database_url: str) -> None:
    s = Story(tmp_path, database_url)
    early = LOGGED + dt.timedelta(hours=12)  # the night before the theft is recorded
    before = s.verify(s.proof(until=early), at=early + dt.timedelta(seconds=1))
    assert before.ok, before.reasons  # the backdated signature verifies while nobody knows of the theft
    s.revoke_in_log()
    v = s.verify(s.proof())  # the same keyring file: it says nothing of the compromise
    assert not v.ok
    assert any("revoked as compromised from 2026-12-01" in r for r in dana(v)), v.reasons
    assert any("as log entry" in n and "the keyring file does not say so" in n for n in v.notes), v.notes
    # the board's deploy view reads the same revocation from the registry's log
    with open_registry(database_url, readonly=True) as reg:
        st = deploy_state(reg, CASE, s.ring, at=AT)
    assert not st.deployable and any("compromised" in r for r in st.reasons), st.reasons


def test_a_revocation_left_out_of_the_proofs_keyring_changes_still_applies(tmp_path: Path,
                                                                          database_url: str) -> None:
    """Move: the release engineer hands the pipeline the registry's state proof with the logged
    revocation taken out of `keyring_changes` (emptied, or the field deleted). The entry is still
    among the proof's entries from the case's first on, which are proven complete, so it applies
    (it used to verify)."""
    s = Story(tmp_path, database_url)
    s.revoke_in_log()
    for kw in ({"empty_changes": True}, {"drop_changes": True}):
        v = s.verify(s.proof(**kw))
        assert not v.ok, kw
        assert any("revoked as compromised from 2026-12-01" in r for r in dana(v)), (kw, v.reasons)


def test_a_proof_without_the_keyring_changes_takes_them_from_its_entries_once_the_root_replaced_the_keyring(
        tmp_path: Path, database_url: str) -> None:
    s = Story(tmp_path, database_url)
    current = s.revoke_in_log()
    s.rotate_root_to(current)
    v = s.verify(s.proof(drop_changes=True))  # the revocation left out of the proof's list
    assert not v.ok
    # logged after the case's first entry, the change is among the proof's entries: the chain to
    # the current keyring is read from there, and the compromise applies
    assert not any("cannot be established" in r for r in v.reasons), v.reasons
    assert any("compromised" in r for r in dana(v)), v.reasons
    full = s.verify(s.proof())  # with the logged changes: the chain reaches the current keyring
    assert not any("cannot be established" in r for r in full.reasons), full.reasons
    assert not full.ok and any("compromised" in r for r in dana(full)), full.reasons


def test_a_made_up_keyring_change_in_the_proof_is_refused(tmp_path: Path, database_url: str) -> None:
    s = Story(tmp_path, database_url)
    s.revoke_in_log()
    src = s.proof()
    doc, _ = src(CASE)
    doc["keyring_changes"][-1]["payload"]["at"] = "2027-01-01"  # a later compromise date: nothing refused
    v = s.verify(lambda _cid: (doc, []))
    assert not v.ok
    assert any("(keyring-change) is not in the log the checkpoint signs" in r for r in v.reasons), v.reasons


def test_a_revocation_left_out_of_the_proof_s_list_is_read_from_its_entries(tmp_path: Path, database_url: str) -> None:
    """Reason: with the trust root not yet rotated, a deployer who dropped the proof's
    `keyring_changes` (or emptied the list) had the stolen key's backdated sign-off verify. The
    proof holds every log entry from the case's first on, so a keyring change logged since is
    read from there, whatever the list says."""
    s = Story(tmp_path, database_url)
    s.revoke_in_log()
    doc, _ = s.proof()(CASE)
    assert any(e["kind"] == "keyring-change" for e in doc["entries"])
    for stripped in ({k: v for k, v in doc.items() if k != "keyring_changes"}, {**doc, "keyring_changes": []}):
        v = s.verify(lambda _cid, d=stripped: (d, []))
        assert not v.ok
        assert any("revoked as compromised from 2026-12-01" in r for r in dana(v)), v.reasons


def _decided_then_revoked(tmp_path: Path, database_url: str, *, hours_before: int) -> tuple[Any, Any, Any, int, str]:
    """The case signed and decided on the thief's date; then, `hours_before` the log records the
    case, `keys revoke --db` logs Dana's compromise against a copy of the keyring (the keyring
    file the lab judges with predates it). Returns the world, the record, the bundle and the
    revoke command's exit code and output."""
    w = make_world(tmp_path / "w")
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=SIGNED_AT)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=SIGNED_AT)
    copy = tmp_path / "current-keyring.yaml"
    shutil.copy(w.ring_path, copy)
    with log_clock(LOGGED - dt.timedelta(hours=hours_before)):
        rc, text = cli_in_process(tmp_path, "keys", "revoke", str(copy), w.signers["dana"].public_key.keyid,
                                  "--reason", "laptop stolen", "--at", COMPROMISED, "--db", database_url)
    return w, record, bundle, rc, text


def test_the_registry_does_not_approve_on_a_key_the_log_shows_compromised(tmp_path: Path, database_url: str) -> None:
    """Attack: Dana's key is stolen and `casegate keys revoke --db` logs the compromise, but the
    keyring file the lab judges with predates it. The thief signs Dana's sign-off (backdated) and the
    lab applies the decision. The registry judges with the revocations its own log records."""
    w, record, bundle, rc, text = _decided_then_revoked(tmp_path, database_url, hours_before=1)
    assert rc == 0 and "recorded the keyring change in the log" in text, text
    with open_registry(database_url) as reg, log_clock(LOGGED):
        submit_hashed(reg, w.load())
        submit_for_review(reg, CASE, by="Sam Whitfield")
        with pytest.raises(IllegalTransitionError) as e:
            approve(reg, record, bundle, w.ring, unpinned=True)  # the file says nothing of the theft
        assert all(x.payload.get("to") != "approved" for x in reg.events(case_id=CASE, kind="state-change"))
    assert "Dana Ortiz's key" in str(e.value) and "revoked on 2026-12-01 (laptop stolen)" in str(e.value), str(e.value)


def test_a_revocation_logged_before_the_case_cannot_be_left_out_of_an_offline_proof(
        tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Move: Dana's key is stolen and `keys revoke --db` logs it before the case is first
    submitted, so the keyring change is not among the proof's entries from the case's first on.
    The approval was made by an older registry that did not apply logged revocations. The
    deployer hands the pipeline the registry's state proof with that change taken out of
    `keyring_changes`: the checkpoint signs how many keyring changes the log holds, so the gap
    shows (it used to verify)."""
    w, record, bundle, rc, text = _decided_then_revoked(tmp_path, database_url, hours_before=2)
    assert rc == 0, text
    import casegate.approve as approving

    monkeypatch.setattr(approving, "with_logged_revocations", lambda ring, _changes: (ring, []))  # an older registry
    with open_registry(database_url) as reg, log_clock(LOGGED):
        submit_hashed(reg, w.load())
        submit_for_review(reg, CASE, by="Sam Whitfield")
        approve(reg, record, bundle, w.ring, unpinned=True)
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    trust.checkpoint(database_url)
    with open_registry(database_url, readonly=True) as reg:
        doc, problems = reg.state_proof(CASE)
    assert not problems
    assert not any(e["kind"] == "keyring-change" for e in doc["entries"])  # logged before the case

    def verify(d: Any) -> Any:
        return verify_deploy(bundle, w.ring, trust=load_trust_root(trust.dir), proof=lambda _cid: (d, []),
                             model_digest=MODEL, boundary=BoundaryKind.api, at=AT, now=AT)

    whole = verify(doc)
    assert not whole.ok and any("compromised" in r for r in dana(whole)), whole.reasons
    for stripped in ({k: v for k, v in doc.items() if k != "keyring_changes"}, {**doc, "keyring_changes": []}):
        v = verify(stripped)
        assert not v.ok
        assert any("the checkpoint says the log holds 1 keyring change, but the state proof carries 0" in r
                   for r in v.reasons), v.reasons


def test_a_checkpoint_that_does_not_count_the_keyring_changes_fails_closed(tmp_path: Path, database_url: str) -> None:
    """A checkpoint signed before checkpoints counted the log's keyring changes cannot show that
    a revocation logged before the case was kept in the proof: the proof does not verify."""
    from casegate.store import (
        KEYRING_CHANGES_EXTENSION,
        load_private_key,
        parse_checkpoint,
        sign_checkpoint,
    )

    with open_registry(database_url) as reg:  # a key added before the case: its first entry is not the log's first
        reg.record("keyring-change", None, {"change": "add-key", "keyid": "00" * 32})
    s = Story(tmp_path, database_url)
    doc, _ = s.proof()(CASE)
    assert doc["first"] == 1 and [c["index"] for c in doc["keyring_changes"]] == [0]
    assert s.verify(lambda _cid: (doc, [])).ok
    cp = parse_checkpoint(doc["checkpoint"])
    old = sign_checkpoint(cp.origin, cp.tree_size, cp.root, load_private_key(s.trust.log_key),
                          extensions=tuple(x for x in cp.extensions if not x.startswith(KEYRING_CHANGES_EXTENSION)))
    assert len(old.extensions) == len(cp.extensions) - 1
    v = s.verify(lambda _cid: ({**doc, "checkpoint": old.text()}, []))
    assert not v.ok and any("does not say how many keyring changes" in r for r in v.reasons), v.reasons


def test_verify_db_does_not_pass_on_a_key_revoked_since_the_latest_checkpoint(tmp_path: Path, database_url: str) -> None:
    """Move: Dana's key is found stolen and `keys revoke --db` logs it, but the registry's
    newest checkpoint predates the revocation. The deploy pipeline runs `verify --db`: the
    registry made the proof under that checkpoint, without the revocation, and it passed. The
    registry now refuses to vouch while a keyring change is newer than its latest checkpoint."""
    s = Story(tmp_path, database_url)
    s.trust.checkpoint(database_url)
    s.revoke_in_log()
    with open_registry(database_url, readonly=True) as reg:
        v = s.verify(reg.state_proof)  # what `verify --db` reads
    assert not v.ok
    assert any("1 keyring change (from log entry" in r and "newer than the latest checkpoint" in r
               for r in v.reasons), v.reasons
    rc, text = cli_in_process(tmp_path, "state-proof", CASE, "--db", database_url, "--out", str(tmp_path / "p.json"))
    assert rc != 0 and "newer than the latest checkpoint" in text, text
    # once a checkpoint covers it, the proof carries the revocation and the stolen key does not count
    v = s.verify(s.proof())
    assert not v.ok and any("compromised" in r for r in dana(v)), v.reasons
