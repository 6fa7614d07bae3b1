"""Envelopes read and Ed25519 signatures verified without securesystemslib's signer package: the
same envelopes verify, the same ones are refused with the same messages, and every other key
type still goes to securesystemslib."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from securesystemslib.dsse import Envelope as SslibEnvelope

from casegate.sign import check_envelope, key_id, parse_instant, public_key_pem, sign_case
from casegate.sign._dsse import NotVerified, public_key_id, read_envelope, verify_signature

from .helpers import make_world

AT = parse_instant("2026-11-25")


def test_the_key_id_of_an_ed25519_keyring_key_is_the_pinned_derivation() -> None:
    for _ in range(20):
        pub = Ed25519PrivateKey.generate().public_key()
        assert public_key_id("ed25519", pub.public_bytes_raw().hex()) == key_id(pub)
    pem_key = ec.generate_private_key(ec.SECP256R1()).public_key()
    assert public_key_id("ecdsa", public_key_pem(pem_key)) == key_id(pem_key)
    with pytest.raises(ValueError):
        public_key_id("ed25519", "ab" * 31)  # 31 bytes: not a key


def test_an_envelope_reads_as_securesystemslib_reads_it(tmp_path) -> None:
    w = make_world(tmp_path)
    env = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT).envelope
    ours, theirs = read_envelope(env), SslibEnvelope.from_dict(json.loads(json.dumps(env)))
    assert ours.payload == theirs.payload and ours.payload_type == theirs.payload_type
    assert ours.pae() == theirs.pae()
    assert {k: v.hex() for k, v in ours.signatures.items()} == {k: s.signature for k, s in theirs.signatures.items()}


@pytest.mark.parametrize("change", [
    {"payload": "!!"}, {"payloadType": None}, {"signatures": "ab"}, {"signatures": [["x"]]},
    {"signatures": [{"sig": "AA=="}]}, {"signatures": [{"keyid": "a"}]},
    {"signatures": [{"keyid": "a", "sig": "AA=="}, {"keyid": "a", "sig": "AQ=="}]},
])
def test_a_malformed_envelope_is_refused_with_securesystemslib_s_message(tmp_path, change) -> None:
    w = make_world(tmp_path)
    env = dict(sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT).envelope, **change)
    if "payloadType" in change:
        env.pop("payloadType")
    try:
        SslibEnvelope.from_dict(json.loads(json.dumps(env)))
    except Exception as e:
        expected = f"e: not a valid DSSE envelope ({type(e).__name__}: {e})"
    assert check_envelope(env, w.ring, AT, "e") == (None, [expected])


@pytest.mark.parametrize("change", [{"payload": 5}, {"signatures": [{"keyid": 5, "sig": "AA=="}]},
                                    {"signatures": [{"keyid": "a", "sig": 5}]}])
def test_a_field_that_is_no_string_is_refused_not_a_crash(tmp_path, change) -> None:
    """securesystemslib fails on these with an AttributeError (an internal error): refused."""
    w = make_world(tmp_path)
    env = dict(sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT).envelope, **change)
    signed, reasons = check_envelope(env, w.ring, AT, "e")
    assert signed is None and reasons[0].startswith("e: not a valid DSSE envelope (TypeError: ")


def test_a_bad_signature_is_refused_and_a_good_one_verifies(tmp_path) -> None:
    """Attack: a signature over other bytes, or another key's signature under the key's id."""
    w = make_world(tmp_path)
    env = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT).envelope
    key = w.ring.get(env["signatures"][0]["keyid"])
    assert key is not None
    msg = read_envelope(env).pae()
    sig = base64.b64decode(env["signatures"][0]["sig"])
    verify_signature(key.keytype, key.scheme, key.public, key.keyid, sig, msg)
    for bad_sig, bad_msg in ((sig, msg + b" "), (bytes(64), msg), (sig[:-1], msg), (sig, b"")):
        with pytest.raises(NotVerified):
            verify_signature(key.keytype, key.scheme, key.public, key.keyid, bad_sig, bad_msg)
    other = Ed25519PrivateKey.generate()
    with pytest.raises(NotVerified):
        verify_signature(key.keytype, key.scheme, key.public, key.keyid, other.sign(msg), msg)
    # a key that cannot be read, an unknown key type or scheme: nothing verifies against it
    for keytype, scheme, public in (("ed25519", "ed25519", "zz"), ("ed448", "ed25519", key.public),
                                    ("ed25519", "ed448", key.public), ("x-unknown", "x-unknown", key.public)):
        with pytest.raises(NotVerified):
            verify_signature(keytype, scheme, public, key.keyid, sig, msg)


def test_an_envelope_under_an_unknown_key_type_is_refused(tmp_path) -> None:
    """Attack: the keyring entry's key type is one securesystemslib does not know; the signature
    is still a good Ed25519 one, but no key of an unknown type verifies anything."""
    w = make_world(tmp_path)
    env = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT).envelope
    keyid = env["signatures"][0]["keyid"]
    assert check_envelope(env, w.ring, AT, "e")[1] == []
    ring = w.ring.with_key(keyid, scheme="x-unknown")
    signed, reasons = check_envelope(env, ring, AT, "e")
    assert signed is None and "the signature does not verify against Dana Ortiz's key" in reasons[0]


def test_an_ecdsa_signature_is_verified_by_securesystemslib() -> None:
    from securesystemslib.signer import CryptoSigner, SSlibKey

    priv = ec.generate_private_key(ec.SECP256R1())
    pub = SSlibKey.from_crypto(priv.public_key(), keyid=key_id(priv.public_key()))
    sig = CryptoSigner(priv, pub).sign(b"message")
    verify_signature(pub.keytype, pub.scheme, pub.keyval["public"], pub.keyid, bytes.fromhex(sig.signature),
                     b"message")
    with pytest.raises(NotVerified):
        verify_signature(pub.keytype, pub.scheme, pub.keyval["public"], pub.keyid, bytes.fromhex(sig.signature),
                         b"another message")


def test_the_signatures_kept_are_bounded_and_hold_no_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server verifies many large statements: what it keeps of each is a digest, and no more than
    `_KEEP` of them. A message that was verified does not make another message with the same
    signature verify, and a refusal is refused again."""
    from casegate.sign import _dsse

    monkeypatch.setattr(_dsse, "_VERIFIED", {})
    monkeypatch.setattr(_dsse, "_KEEP", 3)
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes_raw().hex()
    big = b"x" * 1_000_000
    kept = []
    for i in range(5):
        message = big + str(i).encode()
        verify_signature("ed25519", "ed25519", public, "k", key.sign(message), message)
        kept.append(len(_dsse._VERIFIED))
    assert kept == [1, 2, 3, 1, 2]  # a full store is emptied before the next is kept
    assert all(len(part) < 1_000 for seen in _dsse._VERIFIED for part in seen)
    signature = key.sign(big)
    verify_signature("ed25519", "ed25519", public, "k", signature, big)
    for _ in range(2):
        with pytest.raises(NotVerified):
            verify_signature("ed25519", "ed25519", public, "k", signature, big + b"!")


@pytest.mark.parametrize("raw", [b"", b"\x01" * 31, b"\x00" * 32, b"\xff" * 32, bytes(range(32)), b"\x02" * 33,
                                 b"\x03" * 64])
def test_an_ed25519_key_id_is_derived_as_cryptography_reads_the_key(raw: bytes) -> None:
    """The id is derived from the keyring's hex without cryptography: the same id for every
    32 bytes cryptography reads as a key (whatever point they spell), and a refusal for every
    length it refuses."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        pub = Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        with pytest.raises(ValueError):
            public_key_id("ed25519", raw.hex())
        return
    assert public_key_id("ed25519", raw.hex()) == key_id(pub)


def test_reading_a_keyring_imports_no_cryptography(tmp_path) -> None:
    """Only a signature to verify loads cryptography (a third of what a keyed gate adds)."""
    import subprocess
    import sys

    w = make_world(tmp_path)
    code = ("import sys\n"
            "from casegate.sign import load_keyring\n"
            f"ring = load_keyring({str(w.ring_path)!r})\n"
            "assert ring.identities, 'empty keyring'\n"
            "loaded = sorted(m for m in sys.modules if m.startswith('cryptography'))\n"
            "assert not loaded, loaded\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_without_cryptography_s_compiled_loader_the_public_class_verifies(tmp_path, monkeypatch) -> None:
    """Another cryptography, whose compiled module has no such function: the public class reads
    the key, and the same signatures verify and fail."""
    import sys

    from casegate.sign import _dsse

    w = make_world(tmp_path)
    env = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT).envelope
    key = w.ring.get(env["signatures"][0]["keyid"])
    assert key is not None
    msg = read_envelope(env).pae()
    sig = base64.b64decode(env["signatures"][0]["sig"])
    monkeypatch.setattr(_dsse, "_ED25519_FROM_PUBLIC_BYTES", [])
    monkeypatch.setitem(sys.modules, "cryptography.hazmat.bindings._rust", None)  # its import fails
    assert _dsse._verified(key.keytype, key.scheme, key.public, key.keyid, sig, msg)
    assert not _dsse._verified(key.keytype, key.scheme, key.public, key.keyid, sig, msg + b" ")
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    assert _dsse._ED25519_FROM_PUBLIC_BYTES == [Ed25519PublicKey.from_public_bytes]


def test_the_compiled_loader_makes_the_key_the_public_class_makes() -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

    from casegate.sign._dsse import ed25519_public_key

    priv = Ed25519PrivateKey.generate()
    raw = priv.public_key().public_bytes_raw()
    ours = ed25519_public_key(raw)
    assert isinstance(ours, Ed25519PublicKey) and ours == Ed25519PublicKey.from_public_bytes(raw)
    ours.verify(priv.sign(b"m"), b"m")
    with pytest.raises(ValueError):
        ed25519_public_key(raw[:31])
