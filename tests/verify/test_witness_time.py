"""A state proof's age, told by its witnesses (SQLite and PostgreSQL). The checkpoint's own time
is the log key holder's word: a lab holding the log key signs, while its case is approved, a
checkpoint dated hours ahead and has the trust root's witness cosign it then (a witness checks
the tree, not the time); after the case is reopened it hands the deploy pipeline that proof,
which looks freshly signed. With witnesses pinned, `verify` measures a checkpoint's age by the
witnesses' cosignature times: a checkpoint a witness cosigned before the time it claims was dated
ahead, and one whose cosignatures are older than the root's limit is stale."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.monitor import act
from casegate.monitor._states import CaseState
from casegate.store import (
    COSIGNATURE_V1,
    cosign_checkpoint,
    generate_key,
    load_private_key,
    open_registry,
    parse_checkpoint,
    verifier_key,
)
from casegate.trust import load_trust_root
from casegate.verify import check_state_proof
from casegate.witness import Witness, WitnessState, request_body, trusted_log
from tests._deploy import RATE_LIMITS
from tests.sign.helpers import MODEL
from tests.verify.trusted import (
    CASE,
    DEMO_EXIT,
    ORIGIN,
    approved_world,
    cli_in_process,
    make_trust,
)

WITNESS = "witness.example/w1"
LIMIT = dt.timedelta(hours=1)


class World:
    def __init__(self, tmp: Path, db: str):
        self.tmp, self.db = tmp, db
        with open_registry(db) as reg:
            self.w, bundle, _ = approved_world(tmp / "w", reg)
        (tmp / "bundle.json").write_text(json.dumps(bundle))
        generate_key(tmp / "witness.pem")
        self.trust = make_trust(tmp / "root", policy=self.w.dir / "policy.yaml", keyring=self.w.ring_path,
                                max_age=LIMIT, witnesses=[(WITNESS, tmp / "witness.pem.pub")], witness_threshold=1)
        log_vkey = verifier_key(ORIGIN, load_private_key(self.trust.log_key).public_key())
        state = WitnessState(tmp / "witness.json")
        state.init()
        self.witness = Witness(WITNESS, load_private_key(tmp / "witness.pem"), [trusted_log(log_vkey)], state)
        assert verifier_key(WITNESS, load_private_key(tmp / "witness.pem").public_key(), COSIGNATURE_V1) == \
            self.witness.vkey

    def witnessed_proof(self, *, dated: dt.datetime, cosigned: dt.datetime, name: str) -> Path:
        """The log key holder signs a checkpoint of the log as it is now, dated `dated`; the witness
        cosigns it at `cosigned` (its first checkpoint of the log); the cosignature is merged into
        the stored checkpoint (as `log witness` does) and the case's state proof written."""
        with open_registry(self.db) as reg:
            note = reg.checkpoint(self.trust.log_key, ORIGIN, at=dated)
            line = self.witness.add_checkpoint(request_body(0, [], note), now=int(cosigned.timestamp()))
            reg.add_cosignatures(note + line)
        out = self.tmp / name
        rc, text = cli_in_process(self.tmp, "state-proof", CASE, "--out", str(out), "--db", self.db)
        assert rc == 0, text
        return out

    def verify(self, proof: Path) -> tuple[int, str]:
        return cli_in_process(self.tmp, "verify", "--bundle", str(self.tmp / "bundle.json"), "--model-digest", MODEL,
                              "--boundary", "api", "--access", "self-serve", "--region", "US", *RATE_LIMITS,
                              "--keyring", str(self.w.ring_path), "--trust-root", str(self.trust.dir),
                              "--state-proof", str(proof))


@pytest.fixture
def world(tmp_path: Path, database_url: str) -> World:
    return World(tmp_path, database_url)


def test_a_checkpoint_witnessed_when_signed_verifies(world: World) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    proof = world.witnessed_proof(dated=now - dt.timedelta(minutes=10), cosigned=now - dt.timedelta(minutes=9),
                                  name="honest.json")
    rc, text = world.verify(proof)
    assert rc == DEMO_EXIT, text


def test_a_checkpoint_dated_ahead_and_witnessed_before_the_reopening_is_refused(world: World) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    # five hours ago, while the case was approved, the lab signed a checkpoint dated now and had the
    # witness cosign it then
    ahead = world.witnessed_proof(dated=now, cosigned=now - dt.timedelta(hours=5), name="ahead.json")
    with open_registry(world.db) as reg:
        act(reg, CASE, CaseState.reopened, role="rso", reason="bio incident")
    # now, after the reopening, the pipeline gets the proof made then: it reads as signed a moment ago
    rc, text = world.verify(ahead)
    assert rc == 1, text
    assert f"but witness {WITNESS} cosigned it" in text and "the log dated it ahead" in text, text
    assert "witness cosignature(s) made within the trust root's limit of 1.0 hours" in text, text


def test_a_cosignature_older_than_the_limit_does_not_count(world: World) -> None:
    """The checkpoint's own time is within the limit, and within the clock skew of the witness's;
    the witness's cosignature is past the limit: the checkpoint is as old as its witnessing."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    proof = world.witnessed_proof(dated=now - LIMIT + dt.timedelta(minutes=2),
                                  cosigned=now - LIMIT - dt.timedelta(minutes=2), name="old.json")
    doc = json.loads(proof.read_text())
    root = load_trust_root(world.trust.dir)
    proven, reasons = check_state_proof(doc, root, CASE, now=now)
    assert proven is None
    assert not any("the checkpoint is stale" in r or "dated it ahead" in r for r in reasons), reasons
    (why,) = [r for r in reasons if "witness" in r]
    assert why.startswith("the checkpoint carries 0 witness cosignature(s) made within the trust root's limit"), why
    assert f"{WITNESS} {(now - LIMIT - dt.timedelta(minutes=2)).isoformat()}" in why
    # the same proof judged two minutes earlier, when the witness's cosignature was within the limit
    proven, reasons = check_state_proof(doc, root, CASE, now=now - dt.timedelta(minutes=3))
    assert proven is not None and not reasons, reasons


def test_a_cosignature_dated_ahead_by_the_witness_does_not_count(world: World) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    proof = world.witnessed_proof(dated=now, cosigned=now + dt.timedelta(hours=3), name="w-ahead.json")
    proven, reasons = check_state_proof(json.loads(proof.read_text()), load_trust_root(world.trust.dir), CASE,
                                        now=now)
    assert proven is None
    assert any("0 witness cosignature(s) made within the trust root's limit" in r for r in reasons), reasons


def test_a_witness_time_past_the_calendar_is_refused_not_a_crash(world: World) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    proof = world.witnessed_proof(dated=now, cosigned=now, name="far.json")
    doc: dict[str, Any] = json.loads(proof.read_text())
    cp = parse_checkpoint(doc["checkpoint"])
    far = cosign_checkpoint(type(cp)(cp.origin, cp.tree_size, cp.root, cp.extensions, cp.signatures[:1]),
                            load_private_key(world.tmp / "witness.pem"), WITNESS, 2**63)
    doc["checkpoint"] = type(cp)(cp.origin, cp.tree_size, cp.root, cp.extensions, (cp.signatures[0], far)).text()
    proven, reasons = check_state_proof(doc, load_trust_root(world.trust.dir), CASE, now=now)
    assert proven is None
    assert any("0 witness cosignature(s) made within the trust root's limit" in r for r in reasons), reasons


def test_a_checkpoint_time_past_the_calendar_is_refused_not_a_crash(world: World) -> None:
    """The log key signs a `casegate-time` of 21 digits: read as the calendar's last second, in the
    future (before, reading it ended `verify` in an internal error)."""
    from casegate.store import sign_checkpoint

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    doc = json.loads(world.witnessed_proof(dated=now, cosigned=now, name="p.json").read_text())
    cp = parse_checkpoint(doc["checkpoint"])
    ext = tuple("casegate-time " + "9" * 21 if e.startswith("casegate-time ") else e for e in cp.extensions)
    doc["checkpoint"] = sign_checkpoint(cp.origin, cp.tree_size, cp.root, load_private_key(world.trust.log_key),
                                        extensions=ext).text()
    proven, reasons = check_state_proof(doc, load_trust_root(world.trust.dir), CASE, now=now)
    assert proven is None
    assert any("the checkpoint claims to be signed in the future (9999-12-31" in r for r in reasons), reasons


def test_without_witnesses_verify_says_whose_word_the_time_is(tmp_path: Path, database_url: str) -> None:
    from casegate.verify._deploy import UNWITNESSED_TIME

    with open_registry(database_url) as reg:
        w, bundle, _ = approved_world(tmp_path / "w", reg)
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    proof = trust.proof(database_url, CASE, tmp_path / "p.json")
    rc, text = cli_in_process(tmp_path, "verify", "--bundle", str(tmp_path / "bundle.json"), "--model-digest", MODEL,
                              "--boundary", "api", "--access", "self-serve", "--region", "US", *RATE_LIMITS,
                              "--keyring", str(w.ring_path), "--trust-root", str(trust.dir), "--state-proof", str(proof))
    assert rc == DEMO_EXIT, text
    assert "the checkpoint's time is the log key holder's word" in " ".join(text.split()), text
    assert UNWITNESSED_TIME.startswith("the checkpoint's time")
