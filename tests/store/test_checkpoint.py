"""Signed checkpoints: the C2SP signed-note format, byte for byte against the reference
implementation's published example, and witness cosignatures."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casegate.errors import InputError, VerificationError
from casegate.store import (
    cosign_checkpoint,
    generate_key,
    load_private_key,
    load_public_key,
    parse_checkpoint,
    sign_checkpoint,
    verifier_key,
    verify_cosignature,
)
from casegate.store._checkpoint import DASH, key_id, raw_public

# golang.org/x/mod/sumdb/note's documented example (the reference implementation of the format)
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
GO_SIG = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="


def go_key() -> Ed25519PrivateKey:
    raw = base64.b64decode(GO_SKEY.split("+", 4)[4])
    assert raw[0] == 1
    return Ed25519PrivateKey.from_private_bytes(raw[1:])


def test_key_id_and_signature_match_the_reference_example() -> None:
    k = go_key()
    assert verifier_key("PeterNeumann", k.public_key()) == GO_VKEY
    pub = raw_public(k.public_key())
    assert key_id("PeterNeumann", pub).hex() == "c74f20a3"
    line = base64.b64encode(key_id("PeterNeumann", pub) + k.sign(GO_TEXT.encode())).decode()
    assert line == GO_SIG
    assert raw_public(load_public_key(GO_VKEY)) == pub


def test_checkpoint_round_trip_and_tamper() -> None:
    k = Ed25519PrivateKey.generate()
    cp = sign_checkpoint("example.org/log", 42, b"\x07" * 32, k)
    text = cp.text()
    lines = text.split("\n")
    assert lines[:3] == ["example.org/log", "42", base64.b64encode(b"\x07" * 32).decode()]
    assert lines[3] == "" and lines[4].startswith(DASH + " example.org/log ")
    parsed = parse_checkpoint(text)
    assert parsed == cp
    parsed.verify(k.public_key())
    with pytest.raises(VerificationError, match="does not verify"):
        parse_checkpoint(text.replace("\n42\n", "\n43\n")).verify(k.public_key())
    with pytest.raises(VerificationError, match="no signature by the given key"):
        parsed.verify(Ed25519PrivateKey.generate().public_key())


def test_witness_cosignatures_are_kept_and_checked() -> None:
    log, witness = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    cp = sign_checkpoint("example.org/log", 7, b"\x01" * 32, log)
    cosig = cosign_checkpoint(cp, witness, "witness.example", 1_700_000_000)
    both = parse_checkpoint(cp.with_signature(cosig).text())
    assert len(both.signatures) == 2 and both.signatures[1].is_cosignature
    assert verify_cosignature(both, witness.public_key(), "witness.example") == 1_700_000_000
    both.verify(log.public_key())  # the log's own signature still verifies
    with pytest.raises(VerificationError):
        verify_cosignature(both, log.public_key(), "witness.example")


@pytest.mark.parametrize("text, msg", [
    ("origin\n1\nAAAA\n", "no blank line"),
    ("origin\nx\n" + base64.b64encode(b"\0" * 32).decode() + "\n\n" + DASH + " a AAAAAAAA\n", "not a decimal"),
    ("origin\n1\nnot base64!\n\n" + DASH + " a AAAAAAAA\n", "not base64"),
    ("origin\n1\n" + base64.b64encode(b"\0" * 32).decode() + "\n\n- a AAAAAAAA\n", "malformed signature line"),
    ("origin\n1\n" + base64.b64encode(b"\0" * 32).decode() + "\n\n", "no signature"),
])
def test_malformed_checkpoints_name_the_problem(text: str, msg: str) -> None:
    with pytest.raises(VerificationError, match=msg):
        parse_checkpoint(text)


def test_key_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    k = generate_key(tmp_path / "k.pem")
    assert (tmp_path / "k.pem").stat().st_mode & 0o777 == 0o600
    assert raw_public(load_private_key(tmp_path / "k.pem").public_key()) == raw_public(k.public_key())
    assert raw_public(load_public_key(tmp_path / "k.pem.pub")) == raw_public(k.public_key())
    with pytest.raises(InputError, match="already exists"):
        generate_key(tmp_path / "k.pem")
    with pytest.raises(InputError, match="cannot read"):
        load_private_key(tmp_path / "missing.pem")
    (tmp_path / "junk.pem").write_text("hello")
    with pytest.raises(InputError, match="not a PEM"):
        load_private_key(tmp_path / "junk.pem")
    # an encrypted PKCS#8 key (as `casegate keys generate --passphrase` writes) with the passphrase env
    from cryptography.hazmat.primitives import serialization

    enc = Ed25519PrivateKey.generate()
    (tmp_path / "enc.pem").write_bytes(enc.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"s3cret")))
    monkeypatch.delenv("CASEGATE_KEY_PASSPHRASE", raising=False)
    with pytest.raises(InputError, match="encrypted"):
        load_private_key(tmp_path / "enc.pem")
    monkeypatch.setenv("CASEGATE_KEY_PASSPHRASE", "s3cret")
    assert raw_public(load_private_key(tmp_path / "enc.pem").public_key()) == raw_public(enc.public_key())
