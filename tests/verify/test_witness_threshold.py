"""A trust root that requires 2 of 3 witness cosignatures on the log's checkpoint (SQLite and
PostgreSQL): verify fails closed with none or one, with a cosignature by a key the root does not
pin, or with an altered one, and verifies with two real ones (made by witnesses through the
tlog-witness protocol)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from casegate.model import BoundaryKind
from casegate.store import (
    NoteSignature,
    generate_key,
    load_private_key,
    open_registry,
    parse_checkpoint,
)
from casegate.trust import load_trust_root
from casegate.verify import verify_deploy
from casegate.witness import Witness, WitnessState, request_body, trusted_log
from tests.sign.helpers import MODEL
from tests.verify.trusted import ORIGIN, approved_world, make_trust


def test_verify_requires_k_of_n_witness_cosignatures(tmp_path: Path, database_url: str) -> None:
    from casegate.store import load_public_key, verifier_key

    with open_registry(database_url) as reg:
        w, bundle, _applied = approved_world(tmp_path / "w", reg)
    names = ["w1.test.example", "w2.test.example", "w3.test.example"]
    (tmp_path / "wit").mkdir()
    log_key = tmp_path / "root" / "log.pem"
    trust_dir = tmp_path / "root"
    # the witnesses' keys exist before the root pins them
    keys = []
    for n in names:
        k = tmp_path / "wit" / f"{n.split('.')[0]}.pem"
        generate_key(k)
        keys.append((n, Path(str(k) + ".pub")))
    trust = make_trust(trust_dir, policy=w.dir / "policy.yaml", keyring=w.ring_path, witnesses=keys,
                       witness_threshold=2)
    assert trust.log_key == log_key
    log_vkey = verifier_key(ORIGIN, load_public_key(log_key))
    witnesses = []
    for n, pub in keys:
        st = WitnessState(tmp_path / "wit" / f"{n.split('.')[0]}.json")
        st.init()
        witnesses.append(Witness(n, load_private_key(Path(str(pub)[:-4])), [trusted_log(log_vkey)], st))
    note = trust.checkpoint(database_url)
    root = load_trust_root(trust.dir)

    def verify() -> Any:
        with open_registry(database_url, readonly=True) as reg:
            return verify_deploy(bundle, w.ring, trust=root, proof=reg.state_proof, model_digest=MODEL,
                                 boundary=BoundaryKind.api, at=dt.datetime.now(dt.UTC))

    def cosign(wit: Witness) -> str:
        return wit.add_checkpoint(request_body(0, [], note))

    def store(*lines: str) -> None:
        with open_registry(database_url) as reg:
            reg.add_cosignatures(note + "".join(lines))

    v = verify()
    assert not v.ok
    assert "the checkpoint carries 0 valid witness cosignature(s); the trust root requires 2" in v.reasons, v.reasons

    store(cosign(witnesses[0]))
    v = verify()
    assert "the checkpoint carries 1 valid witness cosignature(s); the trust root requires 2" in v.reasons, v.reasons

    # a witness the root does not pin, under a pinned witness's name: not counted
    impostor_key = tmp_path / "wit" / "impostor.pem"
    generate_key(impostor_key)
    st = WitnessState(tmp_path / "wit" / "impostor.json")
    st.init()
    impostor = Witness(names[1], load_private_key(impostor_key), [trusted_log(log_vkey)], st)
    store(cosign(impostor))
    # an altered cosignature by a pinned witness: not counted
    real = cosign(witnesses[2]).strip()
    sig = parse_checkpoint(note + real + "\n").signatures[-1]
    bad = NoteSignature(sig.name, sig.key_id, sig.signature[:-1] + bytes([sig.signature[-1] ^ 1]))
    store(bad.line() + "\n")
    v = verify()
    assert "the checkpoint carries 1 valid witness cosignature(s); the trust root requires 2" in v.reasons, v.reasons

    store(cosign(witnesses[1]))
    v = verify()
    assert v.ok, v.reasons
    with open_registry(database_url, readonly=True) as reg:
        stored = parse_checkpoint(reg.latest_checkpoint() or "")
    assert sum(1 for s in stored.signatures if s.is_cosignature) == 4


@pytest.mark.parametrize("spec", ["not-a-key", "NAME+00000000+AAAA"])
def test_trust_init_rejects_a_witness_that_is_not_a_key(spec: str, tmp_path: Path) -> None:
    from casegate.cli._trust import _log_pin
    from casegate.errors import InputError

    log = tmp_path / "log.pem"
    generate_key(log)
    with pytest.raises(InputError):
        _log_pin(Path(str(log) + ".pub"), ORIGIN, [spec], None)


def test_trust_init_takes_a_witness_verifier_key(tmp_path: Path) -> None:
    from casegate.cli._trust import _log_pin
    from casegate.store import COSIGNATURE_V1, load_public_key, verifier_key

    log = tmp_path / "log.pem"
    generate_key(log)
    wk = tmp_path / "w.pem"
    generate_key(wk)
    vk = verifier_key("w.example/1", load_public_key(wk), COSIGNATURE_V1)
    pin = _log_pin(Path(str(log) + ".pub"), ORIGIN, [vk], None)
    assert [(p.name, p.key) for p in pin.witnesses] == [("w.example/1", load_public_key(wk).public_bytes_raw().hex())]
    assert pin.witness_threshold == 1
    # a log's (signer's) key is not a witness key
    with pytest.raises(Exception, match="not a witness"):
        _log_pin(Path(str(log) + ".pub"), ORIGIN, [verifier_key("log.example", load_public_key(log))], None)


@pytest.mark.parametrize("pinned", ["one key under two names", "one witness twice"])
def test_one_witness_key_pinned_twice_cosigns_once(pinned: str, tmp_path: Path, database_url: str) -> None:
    """The root requires 2 witness cosignatures. One witness operator (the lab's own staff, say)
    whose key the root lists twice, under a second name or as the same pin repeated, cosigned the
    checkpoint under each name (or once) and met the threshold alone: every listed pin whose
    cosignature verified counted. A witness is its key: it counts once."""
    from casegate.store import load_public_key, verifier_key

    with open_registry(database_url) as reg:
        w, bundle, _applied = approved_world(tmp_path / "w", reg)
    (tmp_path / "wit").mkdir()
    k1, k2 = tmp_path / "wit" / "w1.pem", tmp_path / "wit" / "w2.pem"
    generate_key(k1)
    generate_key(k2)
    pub1 = Path(str(k1) + ".pub")
    second = ("w1-bis.test.example", pub1) if pinned == "one key under two names" else ("w1.test.example", pub1)
    keys = [("w1.test.example", pub1), second, ("w2.test.example", Path(str(k2) + ".pub"))]
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path, witnesses=keys,
                       witness_threshold=2)
    log_vkey = verifier_key(ORIGIN, load_public_key(trust.log_key))
    note = trust.checkpoint(database_url)
    lines = []
    for name in dict.fromkeys(n for n, _ in keys[:2]):
        st = WitnessState(tmp_path / "wit" / f"{name}.json")
        st.init()
        lines.append(Witness(name, load_private_key(k1), [trusted_log(log_vkey)], st)
                     .add_checkpoint(request_body(0, [], note)))
    with open_registry(database_url) as reg:
        reg.add_cosignatures(note + "".join(lines))
    root = load_trust_root(trust.dir)
    with open_registry(database_url, readonly=True) as reg:
        v = verify_deploy(bundle, w.ring, trust=root, proof=reg.state_proof, model_digest=MODEL,
                          boundary=BoundaryKind.api, at=dt.datetime.now(dt.UTC))
    assert not v.ok
    assert "the checkpoint carries 1 valid witness cosignature(s); the trust root requires 2" in v.reasons, v.reasons
    # `log client` judges the cosignatures alike
    from casegate.cli._tiles import check_witnesses
    from casegate.errors import VerificationError

    with open_registry(database_url, readonly=True) as reg:
        stored = parse_checkpoint(reg.latest_checkpoint() or "")
    with pytest.raises(VerificationError, match="carries 1 valid witness cosignature"):
        check_witnesses(stored, root)


def test_trust_init_refuses_one_witness_key_given_twice(tmp_path: Path) -> None:
    from casegate.cli._trust import _log_pin
    from casegate.errors import InputError

    log = tmp_path / "log.pem"
    generate_key(log)
    wk = tmp_path / "w.pem"
    generate_key(wk)
    with pytest.raises(InputError, match="given for another witness already"):
        _log_pin(Path(str(log) + ".pub"), ORIGIN, [f"a.example={wk}.pub", f"b.example={wk}.pub"], 2)
