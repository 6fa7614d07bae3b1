"""Witness cosignatures (SQLite and PostgreSQL): a trust root that pins a witness and requires its
cosignature accepts a state proof only when the checkpoint carries a valid cosignature by that
witness; none, one by another key, or one over another checkpoint is refused with its reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casegate.sign import load_keyring, load_signer
from casegate.store import cosign_checkpoint, open_registry, parse_checkpoint
from casegate.trust import (
    LogPin,
    PinnedKeyring,
    Pins,
    WitnessPin,
    load_trust_root,
    new_root,
    sign_root,
    write_root,
)
from casegate.verify import check_state_proof
from tests.verify.trusted import CASE, ORIGIN, approved_world, make_trust

WITNESS = "witness.example/w1"


def _hex(k: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives import serialization

    return k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


@pytest.fixture
def proof(tmp_path: Path, database_url: str) -> tuple[Any, Any, Ed25519PrivateKey]:
    """The case's state proof under a fresh checkpoint, and a root requiring one witness."""
    from casegate.cli._trust import _policy_pin

    with open_registry(database_url) as reg:
        w, _bundle, _applied = approved_world(tmp_path / "w", reg)
    t = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    t.checkpoint(database_url)
    with open_registry(database_url, readonly=True) as reg:
        doc, problems = reg.state_proof(CASE)
    assert not problems and doc is not None
    witness = Ed25519PrivateKey.generate()
    base = load_trust_root(t.dir)
    pins = Pins(policies=[_policy_pin(str(w.dir / "policy.yaml"))],
                keyrings=[PinnedKeyring(digest=load_keyring(w.ring_path).fingerprint())],
                log=LogPin(origin=ORIGIN, key=base.pins.log.key, witnesses=[WitnessPin(name=WITNESS, key=_hex(witness))],
                           witness_threshold=1),
                max_checkpoint_age_seconds=3600)
    signer = load_signer(str(t.root_key))
    md = new_root([signer.public_key], 1, pins, dt.datetime.now(dt.UTC) + dt.timedelta(days=3))
    sign_root(md, [signer])
    write_root(md, tmp_path / "witnessed" / "1.root.json")
    return doc, load_trust_root(tmp_path / "witnessed"), witness


def _cosigned(doc: dict[str, Any], key: Ed25519PrivateKey, name: str = WITNESS) -> dict[str, Any]:
    cp = parse_checkpoint(doc["checkpoint"])
    sig = cosign_checkpoint(cp, key, name, int(dt.datetime.now(dt.UTC).timestamp()))
    return dict(doc, checkpoint=cp.with_signature(sig).text())


def test_a_checkpoint_the_witness_cosigned_proves_the_state(proof: Any) -> None:
    doc, root, witness = proof
    proven, reasons = check_state_proof(_cosigned(doc, witness), root, CASE)
    assert proven is not None and not reasons, reasons
    assert proven.state == "approved-with-conditions"


def test_no_cosignature_is_refused(proof: Any) -> None:
    doc, root, _ = proof
    proven, reasons = check_state_proof(doc, root, CASE)
    assert proven is None
    assert "the checkpoint carries 0 valid witness cosignature(s); the trust root requires 1" in reasons


def test_a_cosignature_by_another_key_is_refused(proof: Any) -> None:
    doc, root, _ = proof
    proven, reasons = check_state_proof(_cosigned(doc, Ed25519PrivateKey.generate()), root, CASE)
    assert proven is None
    assert "the checkpoint carries 0 valid witness cosignature(s); the trust root requires 1" in reasons


def test_a_cosignature_moved_onto_another_checkpoint_is_refused(proof: Any) -> None:
    """The witness cosigned the checkpoint; the log then shows it with an altered size: the body
    the cosignature covers differs, so it does not count (nor does the log's own signature)."""
    doc, root, witness = proof
    good = parse_checkpoint(_cosigned(doc, witness)["checkpoint"])
    cosig = next(s for s in good.signatures if s.is_cosignature)
    forged = type(good)(good.origin, good.tree_size + 1, good.root, good.extensions, good.signatures)
    assert cosig in forged.signatures
    proven, reasons = check_state_proof(dict(doc, checkpoint=forged.text()), root, CASE)
    assert proven is None
    assert "the checkpoint carries 0 valid witness cosignature(s); the trust root requires 1" in reasons
