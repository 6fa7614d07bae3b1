"""Attacks on deploy verification, each refused with its reason (SQLite and PostgreSQL): a bundle
built by one keyring member under their own policy or keyring, no trust root, no registry, a
missing database, a deleted case row, an edited state column, a stale checkpoint, a checkpoint
signed by another key, a forged or foreign state proof, a root signed below its threshold. Verify
only reads: nothing is recorded and no database is created."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from casegate.model import BoundaryKind
from casegate.monitor import act
from casegate.monitor._states import CaseState
from casegate.sign import add_key, new_keyring, sign_authors, sign_case
from casegate.store import generate_key as log_keygen
from casegate.store import open_registry
from casegate.trust import TrustRootError, load_trust_root
from casegate.verify import NO_STATE_PROOF, NO_TRUST_ROOT, decide_case, verify_deploy
from tests._deploy import RATE_LIMITS
from tests.sign.helpers import MODEL, World, make_world
from tests.verify.trusted import (
    CASE,
    DEMO_EXIT,
    Trust,
    approved_world,
    cli_in_process,
    demo_deployable,
    make_trust,
)


class Setup:
    def __init__(self, w: World, db: str, trust: Trust, bundle: dict[str, Any], path: Path):
        self.w, self.db, self.trust, self.bundle, self.path = w, db, trust, bundle, path

    def root(self) -> Any:
        return load_trust_root(self.trust.dir)

    def verify(self, bundle: dict[str, Any] | None = None, *, ring: Any = None, trust: Any = "root",
               proof: Any = "db", now: dt.datetime | None = None) -> Any:
        reg = None
        if proof == "db":
            reg = open_registry(self.db, readonly=True)
            proof = reg.state_proof
        try:
            return verify_deploy(bundle or self.bundle, ring or self.w.ring,
                                 trust=self.root() if trust == "root" else trust, proof=proof,
                                 model_digest=MODEL, boundary=BoundaryKind.api,
                                 at=dt.datetime.now(dt.UTC), now=now)
        finally:
            if reg is not None:
                reg.close()

    def size(self) -> int:
        with open_registry(self.db) as reg:
            return reg.size()


@pytest.fixture
def setup(tmp_path: Path, database_url: str) -> Setup:
    with open_registry(database_url) as reg:
        w, bundle, _applied = approved_world(tmp_path / "w", reg)
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path,
                       max_age=dt.timedelta(hours=24))
    trust.checkpoint(database_url)
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    return Setup(w, database_url, trust, bundle, tmp_path)


def test_the_honest_bundle_verifies_with_root_and_proof(setup: Setup) -> None:
    v = setup.verify()
    assert v.ok, v.reasons
    assert any(n.startswith("state proven by the log at size") for n in v.notes)


def test_no_trust_root_and_no_proof_never_verify(setup: Setup) -> None:
    v = setup.verify(trust=None, proof=None)
    assert v.reasons == [NO_TRUST_ROOT, NO_STATE_PROOF]


def test_a_single_member_under_their_own_policy_is_not_trusted(setup: Setup, tmp_path: Path) -> None:
    """Sam alone: a policy of his own needing only an rso, any model digest; signed and decided
    by him alone. Everything verifies against the keyring, but the root never pinned that policy."""
    before = setup.size()
    w = make_world(tmp_path / "forger", authors_list=False)
    pol = w.dir / "policy.yaml"
    text = pol.read_text()
    start = text.index("signoff:\n")
    end = text.index("\n\n", start)
    pol.write_text(text[:start] + "signoff:\n  required:\n    api:\n      - {role: rso}\n" + text[end:])
    sign_case(w.load(), "rso", setup.w.signers["sam"], setup.w.ring)
    sign_authors(w.load(), "safety-lead", setup.w.signers["mira"], setup.w.ring)  # a signed authors list
    _, forged = decide_case(w.load(), setup.w.signers["sam"], "rso", setup.w.ring)
    v = setup.verify(forged)
    assert any("the policy in the bundle" in r and "is not pinned by the trust root" in r for r in v.reasons), v.reasons
    assert not v.ok and setup.size() == before


def test_a_keyring_the_root_does_not_pin_is_never_trusted(setup: Setup, tmp_path: Path) -> None:
    """A keyring of the attacker's own: one stranger key holding every role."""
    from casegate.sign import generate_key, load_signer

    ring = new_keyring("attacker")
    signers = {}
    for name, person, role in (("a", "Ann A", "safety-lead"), ("b", "Ben B", "rso"), ("c", "Cy C", "external-evaluator"),
                               ("d", "Dee D", "author")):
        generate_key(tmp_path / f"{name}.key")
        signers[name] = load_signer(str(tmp_path / f"{name}.key"))
        ring = add_key(ring, signers[name].public_key, person=person, roles=[role], valid_from="2026-01-01",
                       valid_until="2030-12-31", organisation="Outside Evaluations" if name == "c" else None)
    w = make_world(tmp_path / "forger", authors_list=False)
    for name, role in (("a", "safety-lead"), ("b", "rso"), ("c", "external-evaluator")):
        sign_case(w.load(), role, signers[name], ring)
    sign_authors(w.load(), "author", signers["d"], ring)
    _, forged = decide_case(w.load(), signers["b"], "rso", ring)
    v = setup.verify(forged, ring=ring)
    assert any("is not pinned by the trust root (version 1); a keyring the root does not pin is never trusted" in r
               for r in v.reasons), v.reasons


def test_a_reopened_case_does_not_verify_and_neither_does_a_stale_proof(setup: Setup) -> None:
    with open_registry(setup.db) as reg:
        act(reg, CASE, CaseState.reopened, role="rso", reason="bio incident")
    # entries newer than the checkpoint: the registry cannot vouch yet
    v = setup.verify()
    assert any("newer than the latest checkpoint" in r for r in v.reasons), v.reasons
    setup.trust.checkpoint(setup.db)
    v = setup.verify()
    assert any("is reopened: a signed GO no longer verifies" in r for r in v.reasons), v.reasons


def test_a_deleted_case_row_does_not_undo_a_reopening(setup: Setup) -> None:
    with open_registry(setup.db) as reg:
        act(reg, CASE, CaseState.reopened, role="rso", reason="bio incident")
    setup.trust.checkpoint(setup.db)
    eng = sa.create_engine(setup.db)
    with eng.begin() as c:
        if eng.dialect.name == "postgresql":  # an attacker with the database's keys drops what stops them
            c.execute(sa.text("ALTER TABLE case_versions DROP CONSTRAINT case_versions_case_id_fkey"))
        c.execute(sa.text("DELETE FROM cases WHERE case_id = :c"), {"c": CASE})
    eng.dispose()
    v = setup.verify()
    assert any("the registry's record of case atlas-2-api is missing" in r and "the row was deleted" in r
               for r in v.reasons), v.reasons


def test_an_edited_state_column_is_caught_by_the_replay(setup: Setup) -> None:
    with open_registry(setup.db) as reg:
        act(reg, CASE, CaseState.withdrawn, role="rso", reason="bio incident")
    setup.trust.checkpoint(setup.db)
    eng = sa.create_engine(setup.db)
    with eng.begin() as c:
        c.execute(sa.text("UPDATE cases SET state = 'approved' WHERE case_id = :c"), {"c": CASE})
    eng.dispose()
    v = setup.verify()
    assert any("state column says case atlas-2-api is approved, but the case's log entries replay to withdrawn" in r
               for r in v.reasons), v.reasons
    assert any("is withdrawn" in r for r in v.reasons)


def test_a_stale_checkpoint_is_refused(setup: Setup) -> None:
    setup.trust.checkpoint(setup.db, at=dt.datetime.now(dt.UTC) - dt.timedelta(days=2))
    v = setup.verify()
    assert any(r.startswith("the checkpoint is stale: signed") and "at most 1.0 days" in r for r in v.reasons), v.reasons


def test_a_checkpoint_signed_by_another_key_is_refused(setup: Setup) -> None:
    other = setup.path / "other-log.pem"
    log_keygen(other)
    with open_registry(setup.db) as reg:
        reg.checkpoint(other, "test.casegate.example/log")
    v = setup.verify()
    assert any("the checkpoint is not signed by the log key the trust root pins" in r for r in v.reasons), v.reasons


def test_an_unknown_case_is_refused(setup: Setup) -> None:
    eng = sa.create_engine(setup.db)
    with eng.begin() as c:  # a registry that never heard of the case
        c.execute(sa.text("UPDATE log_entries SET case_id = 'other' WHERE case_id = :c"), {"c": CASE})
    eng.dispose()
    with open_registry(setup.db, readonly=True) as reg:
        proof, problems = reg.state_proof(CASE)
    assert any("does not know the case" in p for p in problems)


def test_a_forged_state_proof_is_refused(setup: Setup) -> None:
    with open_registry(setup.db) as reg:
        act(reg, CASE, CaseState.reopened, role="rso", reason="bio incident")
    setup.trust.checkpoint(setup.db)
    with open_registry(setup.db, readonly=True) as reg:
        proof, problems = reg.state_proof(CASE)
    assert not problems
    # drop the reopening: the replay no longer ends where the checkpointed log does... but it is
    # the last entry, so the forger also rewrites it into an approval
    last = proof["entries"][-1]
    last["payload"]["to"] = "approved"
    v = setup.verify(proof=lambda _c: (proof, []))
    assert any("are not the log the checkpoint signs: an entry was altered, made up or left out" in r
               for r in v.reasons), v.reasons
    foreign = dict(proof, case_id="other-case")
    v = setup.verify(proof=lambda _c: (foreign, []))
    assert "the state proof is for case 'other-case', the decision for 'atlas-2-api'" in v.reasons


def test_a_root_below_its_threshold_or_expired_is_refused(setup: Setup, tmp_path: Path) -> None:
    md = json.loads((setup.trust.dir / "1.root.json").read_text())
    md["signatures"] = []
    (tmp_path / "unsigned.root.json").write_text(json.dumps(md))
    with pytest.raises(TrustRootError, match="carries 0 valid signature"):
        load_trust_root(tmp_path / "unsigned.root.json")
    with pytest.raises(TrustRootError, match="expired"):
        load_trust_root(setup.trust.dir, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=60))


_cli = cli_in_process


def test_cli_exit_codes_and_nothing_created(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEGATE_DATABASE_URL", raising=False)
    monkeypatch.delenv("CASEGATE_TRUST_ROOT", raising=False)
    base = ["verify", "--bundle", str(setup.path / "bundle.json"), "--model-digest", MODEL, "--boundary", "api",
            "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--keyring", str(setup.w.ring_path)]
    rc, text = _cli(setup.path, *base, "--trust-root", str(setup.trust.dir), "--db", setup.db)
    assert rc == DEMO_EXIT, text
    rc, text = _cli(setup.path, *base)
    assert rc == 1 and "no trust root" in text and "no proof of the case's current state" in text
    missing = setup.path / "nowhere" / "registry.db"
    rc, text = _cli(setup.path, *base, "--trust-root", str(setup.trust.dir), "--db", f"sqlite:///{missing}")
    assert rc == 3 and "does not exist (it is not created here)" in text
    assert not missing.exists() and not missing.parent.exists()
    rc, text = _cli(setup.path, *base, "--trust-root", str(setup.trust.dir), "--db",
                    "postgresql+psycopg://casegate@127.0.0.1:1/none")
    assert rc == 3, text
    rc, text = _cli(setup.path, *base, "--trust-root", str(setup.trust.dir), "--registry-url", "http://127.0.0.1:1")
    assert rc == 3 and "cannot reach the review board" in text
    before = setup.size()
    rc, text = _cli(setup.path, "state-proof", CASE, "--out", str(setup.path / "p.json"), "--db", setup.db)
    assert rc == 0, text
    rc, text = _cli(setup.path, *base, "--trust-root", str(setup.trust.dir), "--state-proof", str(setup.path / "p.json"))
    assert rc == DEMO_EXIT, text
    assert setup.size() == before  # verify and state-proof only read


def _replace_policy(trust: Trust, policy: Path, dest: Path, until: dt.datetime,
                    approvals_until: dt.datetime | None = None) -> Path:
    """Version 2 of `trust`'s root: the world's policy (acme-frontier 3.1) replaced on `until` by
    a stricter 3.2, both pinned as `casegate trust rotate --policy` pins them (with
    `approvals_until`, the grace the root gives approvals made under 3.1, when given)."""
    from casegate.cli._trust import _policy_pin
    from casegate.sign import iso, load_signer
    from casegate.trust import rotated_root, sign_root, write_root

    newer = dest / "policy-3.2.yaml"
    newer.write_text(policy.read_text().replace('version: "3.1"', 'version: "3.2"', 1))
    root = load_trust_root(trust.dir)
    (old,) = root.pins.policies
    grace = {"approvals_until": iso(approvals_until)} if approvals_until is not None else {}
    pins = root.pins.model_copy(update={"policies": [old.model_copy(update={"until": iso(until), **grace}),
                                                     _policy_pin(str(newer))]})
    md = rotated_root(root.metadata, pins=pins, expires=dt.datetime.now(dt.UTC) + dt.timedelta(days=30))
    sign_root(md, [load_signer(str(trust.root_key))])
    write_root(md, trust.dir / "2.root.json")
    return trust.dir


def test_a_decision_under_a_replaced_policy_version_does_not_verify(setup: Setup) -> None:
    """The root pins acme-frontier 3.1 and, since, a stricter 3.2: a decision signed (logged) under
    3.1 after 3.2 replaced it is not verified; one logged before then still is (before, any
    pinned version counted, so a new case could name the older, looser file)."""
    _replace_policy(setup.trust, setup.w.dir / "policy.yaml", setup.path, dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    v = setup.verify()
    assert not v.ok
    assert any("the policy acme-frontier version 3.1" in r and "was replaced on" in r and "by version 3.2" in r
               and "decide again under the current policy" in r for r in v.reasons), v.reasons


def test_a_decision_logged_before_its_policy_was_replaced_still_verifies(setup: Setup) -> None:
    _replace_policy(setup.trust, setup.w.dir / "policy.yaml", setup.path, dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    v = setup.verify()
    assert v.ok, v.reasons


def test_an_approval_under_a_policy_replaced_since_stops_verifying(setup: Setup) -> None:
    """The lab's approval was decided and logged under acme-frontier 3.1; the root holders then pin
    a stricter 3.2 and give no grace. From the replacement on the approval is not verified (before,
    it kept verifying until the case's own re-evaluation date), and a past `--at` does not bring
    it back: the check is made as of now too."""
    now = dt.datetime.now(dt.UTC)
    _replace_policy(setup.trust, setup.w.dir / "policy.yaml", setup.path, now + dt.timedelta(hours=1))
    assert setup.verify().ok  # before the replacement takes effect
    v = setup.verify(now=now + dt.timedelta(hours=2))
    assert not v.ok
    assert any("the policy acme-frontier version 3.1" in r and "by version 3.2" in r
               and "stops verifying once it is replaced" in r and "gives no grace" in r for r in v.reasons), v.reasons


def test_an_approval_under_a_replaced_policy_verifies_only_for_the_grace_the_new_root_states(
        setup: Setup) -> None:
    """The new root gives approvals under 3.1 three hours to be decided again under 3.2: they
    verify within it and not after it. The grace is the root's word (signed by its keys); nothing
    in the bundle is read for it."""
    now = dt.datetime.now(dt.UTC)
    _replace_policy(setup.trust, setup.w.dir / "policy.yaml", setup.path, now + dt.timedelta(hours=1),
                    approvals_until=now + dt.timedelta(hours=3))
    v = setup.verify(now=now + dt.timedelta(hours=2))
    assert v.ok, v.reasons
    bundle = {**setup.bundle, "approvals_until": (now + dt.timedelta(days=99)).isoformat()}
    v = setup.verify(bundle, now=now + dt.timedelta(hours=4))
    assert not v.ok
    assert any("the policy acme-frontier version 3.1" in r and "the grace the trust root gives decisions made "
               "under it ended on" in r for r in v.reasons), v.reasons


def test_state_show_and_the_board_follow_the_replaced_policy_the_log_records(setup: Setup) -> None:
    """The registry's "what a deploy pipeline gets now" (state show, the board) reads the newest
    trust root version its log records: an approval under 3.1 is NOT DEPLOYABLE once 3.2 replaced
    it and the grace that root gives has passed, as `verify` with the root says (before, state
    show said DEPLOYABLE until the case's re-evaluation date)."""
    from casegate.trust import root_entry
    from casegate.verify import deploy_state

    now = dt.datetime.now(dt.UTC)
    _replace_policy(setup.trust, setup.w.dir / "policy.yaml", setup.path, now + dt.timedelta(hours=1),
                    approvals_until=now + dt.timedelta(hours=3))
    with open_registry(setup.db) as reg:
        reg.record("trust-root", None, root_entry(setup.root(), setup.trust.dir / "2.root.json"))
    with open_registry(setup.db, readonly=True) as reg:
        assert demo_deployable(deploy_state(reg, CASE, setup.w.ring, at=now + dt.timedelta(hours=2)))
        st = deploy_state(reg, CASE, setup.w.ring, at=now + dt.timedelta(hours=4))
        bare = deploy_state(reg, CASE, None, at=now + dt.timedelta(hours=4))
    assert not st.deployable and "policy replaced" in st.causes, (st.reasons, st.causes)
    assert any("the policy acme-frontier version 3.1" in r and "grace" in r for r in st.reasons), st.reasons
    assert bare.status == "not-deployable" and any("was replaced on" in r for r in bare.reasons), bare.reasons


def test_the_registry_approves_nothing_under_a_replaced_policy_version(tmp_path: Path, database_url: str) -> None:
    """A new case names the replaced, looser acme-frontier 3.1: `state apply` under the root that
    pins 3.2 as current refuses the approval, nothing logged; before, the registry approved it."""
    from casegate.approve import approve
    from casegate.monitor import submit_for_review
    from casegate.monitor._states import IllegalTransitionError
    from tests._weights import submit_hashed
    from tests.verify.trusted import SIGNED

    w = make_world(tmp_path / "w")
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring)
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    with open_registry(database_url) as reg:
        submit_hashed(reg, w.load())
        submit_for_review(reg, CASE, by="Sam Whitfield")
        before = reg.size()
        root = _replace_policy(trust, w.dir / "policy.yaml", tmp_path, dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
        with pytest.raises(IllegalTransitionError) as e:
            approve(reg, record, bundle, w.ring_path, trust_root=root)
        assert "the policy acme-frontier version 3.1" in e.value.message and "was replaced on" in e.value.message
        assert reg.size() == before
