"""The witness side of tlog-witness, called directly: every answer the protocol defines (404 unknown
log, 403 no trusted signature, 400 malformed or old size above the checkpoint, 409 with the
witness's size, 422 a proof that does not verify, 409 two roots for one size), cosignatures that
verify, and a state that only moves forward."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from casegate.store import (
    generate_key,
    load_private_key,
    parse_checkpoint,
    sign_checkpoint,
    verify_cosignature,
)
from casegate.witness import (
    Witness,
    WitnessRefusal,
    WitnessState,
    parse_request,
    request_body,
    trusted_log,
)
from tests.witness.conftest import ORIGIN, SignedLog


def _witness(tmp_path: Path, log_vkey: str, name: str = "w.test.example/1") -> Witness:
    key = tmp_path / f"{name.replace('/', '_')}.pem"
    generate_key(key)
    st = WitnessState(tmp_path / f"{name.replace('/', '_')}.json")
    st.init()
    return Witness(name, load_private_key(key), [trusted_log(log_vkey)], st)


def _refusal(w: Witness, body: bytes) -> WitnessRefusal:
    with pytest.raises(WitnessRefusal) as e:
        w.add_checkpoint(body)
    return e.value


def test_a_round_cosigns_and_moves_the_state_forward(signed_log: SignedLog, tmp_path: Path) -> None:
    w = _witness(tmp_path, signed_log.vkey)
    note = signed_log.grow(5)
    line = w.add_checkpoint(request_body(0, [], note), now=1_700_000_000)
    cp = parse_checkpoint(note + line.split("\n")[0] + "\n")
    assert verify_cosignature(cp, w.key.public_key(), w.name) == 1_700_000_000
    assert w.state.log(ORIGIN).size == 5  # type: ignore[union-attr]
    note2 = signed_log.grow(6)
    proof = signed_log.reg.prove_consistency(5, 11).path
    line2 = w.add_checkpoint(request_body(5, proof, note2))
    verify_cosignature(parse_checkpoint(note2 + line2), w.key.public_key(), w.name)
    assert w.state.log(ORIGIN).size == 11  # type: ignore[union-attr]
    # the same checkpoint again (old size = its size, empty proof) is cosigned again
    w.add_checkpoint(request_body(11, [], note2))


def test_every_refusal_the_protocol_defines(signed_log: SignedLog, tmp_path: Path) -> None:
    w = _witness(tmp_path, signed_log.vkey)
    note = signed_log.grow(4)
    w.add_checkpoint(request_body(0, [], note))
    note8 = signed_log.grow(4)
    proof = list(signed_log.reg.prove_consistency(4, 8).path)

    # unknown origin: 404
    other = tmp_path / "other.pem"
    generate_key(other)
    cp = parse_checkpoint(note8)
    foreign = sign_checkpoint("another.example/log", 8, cp.root, load_private_key(other)).text()
    assert _refusal(w, request_body(4, proof, foreign)).status == 404
    # right origin, signed by a key the witness does not trust for it: 403
    forged = sign_checkpoint(ORIGIN, 8, cp.root, load_private_key(other)).text()
    assert _refusal(w, request_body(4, proof, forged)).status == 403
    # old size above the checkpoint's size: 400
    assert _refusal(w, request_body(9, [], note8)).status == 400
    # old size other than the one it cosigned: 409 with its size
    r = _refusal(w, request_body(0, [], note8))
    assert (r.status, r.size) == (409, 4)
    # a proof that does not verify: 422
    bad = [proof[0][:-1] + bytes([proof[0][-1] ^ 1])] + proof[1:]
    assert _refusal(w, request_body(4, bad, note8)).status == 422
    assert _refusal(w, request_body(4, proof[:-1], note8)).status == 422
    # malformed requests: 400
    for body in (b"old 04\n\n" + note8.encode(), b"new 4\n\n" + note8.encode(), b"old 4\n" + note8.encode(),
                 b"old 4\nnot-base64!\n\n" + note8.encode(), b"old 4\n\nnot a checkpoint",
                 ("old 4\n" + "\n".join([base64.b64encode(b"x" * 32).decode()] * 64) + "\n\n" + note8).encode()):
        assert _refusal(w, body).status == 400, body[:30]
    # none of that moved the state
    assert w.state.log(ORIGIN).size == 4  # type: ignore[union-attr]
    w.add_checkpoint(request_body(4, proof, note8))
    assert w.state.log(ORIGIN).size == 8  # type: ignore[union-attr]


def test_a_second_history_is_refused_and_kept_as_evidence(signed_log: SignedLog, tmp_path: Path) -> None:
    w = _witness(tmp_path, signed_log.vkey)
    note = signed_log.grow(6)
    w.add_checkpoint(request_body(0, [], note))
    key = load_private_key(signed_log.key)
    real = parse_checkpoint(note)
    # the same size, another root, signed by the log's own key: a fork
    fork = sign_checkpoint(ORIGIN, 6, bytes(32), key).text()
    r = _refusal(w, request_body(6, [], fork))
    assert r.status == 409 and "two different roots for size 6" in r.message
    # a larger tree that does not extend what it cosigned: the proof cannot verify
    note9 = signed_log.grow(3)
    proof = signed_log.reg.prove_consistency(6, 9).path
    fork9 = sign_checkpoint(ORIGIN, 9, bytes(range(32)), key).text()
    r = _refusal(w, request_body(6, proof, fork9))
    assert r.status == 422 and "not consistent with the one this witness cosigned at size 6" in r.message
    doc = w.state.read()
    assert [c["reason"][:24] for c in doc["conflicts"][ORIGIN]] == ["two different roots for ",
                                                                     "the checkpoint of size 9"]
    assert w.state.log(ORIGIN).root == real.root  # type: ignore[union-attr]
    w.add_checkpoint(request_body(6, proof, note9))  # the honest history still goes on


def test_a_damaged_or_missing_state_is_never_taken_as_empty(signed_log: SignedLog, tmp_path: Path) -> None:
    from casegate.errors import InputError

    w = _witness(tmp_path, signed_log.vkey)
    note = signed_log.grow(2)
    w.state.path.write_text("{")
    with pytest.raises(InputError, match="not JSON"):
        w.add_checkpoint(request_body(0, [], note))
    w.state.path.unlink()
    with pytest.raises(InputError, match="does not exist"):
        w.add_checkpoint(request_body(0, [], note))
    w.state.path.write_text("{}")
    with pytest.raises(InputError, match="already exists"):  # init never replaces a state
        w.state.init()


def test_parse_request_reads_the_example_shape() -> None:
    h = base64.b64encode(bytes(32)).decode()
    cp = "example.com/log\n3\n" + h + "\n\n\u2014 example.com/log " + base64.b64encode(bytes(68)).decode() + "\n"
    req = parse_request(f"old 2\n{h}\n{h}\n\n{cp}".encode())
    assert (req.old_size, len(req.proof), req.checkpoint.tree_size) == (2, 2, 3)
