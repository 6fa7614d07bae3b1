"""Reading a DSSE envelope and verifying its signature against a keyring key, as
securesystemslib's `dsse.Envelope.from_dict` and `SSlibKey.verify_signature` do, without
importing securesystemslib's signer package for Ed25519 keys.

That package imports every signer and key type it knows (cloud KMS clients, GPG, HSM, a
pure-Python Ed25519, the whole of cryptography's serialization): most of what a `gate` with a
keyring cost beyond one without. An Ed25519 key (keytype and scheme `ed25519`, the only kind
casegate generates) is verified here with cryptography's Ed25519, as `SSlibKey` verifies it:
the key is the hex of its 32 raw bytes, the signature is over the envelope's PAE, and anything
that goes wrong is a signature that does not verify. Every other key type and scheme is handed
to securesystemslib's `SSlibKey`, imported then, which verifies it or refuses it as before.

A key's id is re-derived as `casegate.sign.key_id` derives it (hex SHA-256 of the DER
SubjectPublicKeyInfo); for an Ed25519 key that DER is RFC 8410's fixed twelve-byte header
before the raw key, and the raw key is the 32 bytes the keyring's hex spells (cryptography
reads any 32 bytes as an Ed25519 public key and refuses any other length, and writes them back
unchanged), so reading a keyring imports no cryptography at all: only a signature to verify does.

The Ed25519 public key is made by the function cryptography's `Ed25519PublicKey.from_public_bytes`
calls, taken from cryptography's compiled module itself: the same key object and the same
`verify`, without importing the module of abstract classes around it (with cryptography's
serialization and hash classes, a third of what the import costs). Where that function cannot
be found (another cryptography), the public class is used.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import Any

from .._record import FrozenRecord
from .._weak_keys import key_weakness

ED25519 = "ed25519"
"""securesystemslib's key type and scheme name for Ed25519."""
ED25519_SPKI_HEADER = bytes.fromhex("302a300506032b6570032100")
"""DER SubjectPublicKeyInfo of an Ed25519 key up to its 32 raw bytes (RFC 8410, section 4)."""
ED25519_KEY_BYTES = 32
"""Length of a raw Ed25519 public key (RFC 8032, section 5.1.5)."""


class NotVerified(Exception):
    """The signature does not verify against the key (or the key cannot verify anything)."""


class Envelope(FrozenRecord):
    """A DSSE envelope as read from its JSON object: its payload, its payload type, and its
    signatures (key id -> signature bytes), in the order written."""

    _fields = ("payload", "payload_type", "signatures")
    payload: bytes
    payload_type: Any
    """As written: checked against the expected type by the caller."""
    signatures: dict[str, bytes]

    def __init__(self, payload: bytes, payload_type: Any, signatures: dict[str, bytes]) -> None:
        object.__setattr__(self, "payload", payload)
        object.__setattr__(self, "payload_type", payload_type)
        object.__setattr__(self, "signatures", signatures)

    def pae(self) -> bytes:
        """The DSSE pre-authentication encoding: the bytes each signature is over."""
        payload_type = str(self.payload_type).encode("utf-8")
        return b"DSSEv1 %d %b %d %b" % (len(payload_type), payload_type, len(self.payload), self.payload)


def _b64dec(value: Any, what: str) -> bytes:
    """securesystemslib's `b64dec`: standard base64, else its URL-safe alphabet (both strict)."""
    if not isinstance(value, str):  # securesystemslib fails on it with an AttributeError
        raise TypeError(f"{what} must be a base64 string, not {type(value).__name__}")
    data = value.encode("utf-8")
    try:
        return base64.b64decode(data, validate=True)
    except binascii.Error:
        return base64.b64decode(data, altchars=b"-_", validate=True)


def read_envelope(data: Any) -> Envelope:
    """The envelope in `data` (a DSSE envelope's JSON object), read as securesystemslib's
    `Envelope.from_dict` reads it, with the same exceptions for the same faults: KeyError for a
    missing field, TypeError for a value of the wrong kind, binascii.Error for bad base64,
    ValueError for two signatures under one key id. A payload, signature or key id that is not
    a string is a TypeError (securesystemslib would fail on it with another error). `data` is
    not changed."""
    payload = _b64dec(data["payload"], "payload")
    payload_type = data["payloadType"]
    signatures: dict[str, bytes] = {}
    for signature in data["signatures"]:
        sig = _b64dec(signature["sig"], "sig")
        keyid = signature["keyid"]
        if not isinstance(keyid, str):
            raise TypeError(f"keyid must be a string, not {type(keyid).__name__}")
        if keyid in signatures:
            raise ValueError(f"Multiple signatures found for keyid {keyid}")
        signatures[keyid] = sig
    return Envelope(payload, payload_type, signatures)


_VERIFIED: dict[tuple[str, str, str, str, bytes, bytes], bool] = {}
"""Signatures verified in this process, by key, signature and the sha256 of the message (not the
message: a long-running server reads many large statements); at most `_KEEP` of them."""
_KEEP = 4096


def verify_signature(keytype: str, scheme: str, public: str, keyid: str, signature: bytes, message: bytes) -> None:
    """Verify `signature` over `message` with the keyring key (`keytype`, `scheme`, `public`,
    `keyid`); raises NotVerified when it does not verify, for whatever reason (a wrong
    signature, an unreadable key, a key type or scheme securesystemslib does not know). An
    envelope read by two checks (a waiver, an authors list) is verified once."""
    seen = (keytype, scheme, public, keyid, signature, hashlib.sha256(message).digest())
    ok = _VERIFIED.get(seen)
    if ok is None:
        ok = _verified(keytype, scheme, public, keyid, signature, message)
        if len(_VERIFIED) >= _KEEP:
            _VERIFIED.clear()
        _VERIFIED[seen] = ok
    if not ok:
        raise NotVerified(f"the signature does not verify against key {keyid}")


def ed25519_public_key(raw: bytes) -> Any:
    """cryptography's Ed25519 public key of the 32 bytes `raw` (`Ed25519PublicKey.from_public_bytes`);
    raises ValueError for any other length."""
    if not _ED25519_FROM_PUBLIC_BYTES:
        load: Any
        try:
            from cryptography.hazmat.bindings._rust import openssl as rust_openssl

            load = rust_openssl.ed25519.from_public_bytes
        except (ImportError, AttributeError):
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

            load = Ed25519PublicKey.from_public_bytes
        _ED25519_FROM_PUBLIC_BYTES.append(load)
    return _ED25519_FROM_PUBLIC_BYTES[0](raw)


_ED25519_FROM_PUBLIC_BYTES: list[Any] = []


def _verified(keytype: str, scheme: str, public: str, keyid: str, signature: bytes, message: bytes) -> bool:
    """Whether the signature verifies."""
    if key_weakness(public) is not None:  # a key anyone can sign for verifies nothing (`casegate._weak_keys`)
        return False
    if keytype == ED25519 and scheme == ED25519:
        try:
            ed25519_public_key(bytes.fromhex(public)).verify(signature, message)
        except Exception:  # as SSlibKey: a bad signature, or a key that cannot be read
            return False
        return True
    # other key types and schemes: securesystemslib, which verifies them or refuses them
    from securesystemslib import exceptions
    from securesystemslib.signer import Signature, SSlibKey  # type: ignore[attr-defined]

    try:
        SSlibKey(keyid, keytype, scheme, {"public": public}).verify_signature(Signature(keyid, signature.hex()),
                                                                              message)
    except (exceptions.UnverifiedSignatureError, ValueError, TypeError):
        return False
    return True


def public_key_id(keytype: str, public: str) -> str:
    """The casegate key id of a keyring key (`casegate.sign.key_id` of the public key that
    securesystemslib reads from `keytype` and `public`); raises when the key cannot be read."""
    if keytype == ED25519:
        raw = bytes.fromhex(public)
        if len(raw) != ED25519_KEY_BYTES:  # as cryptography refuses it
            raise ValueError(f"An Ed25519 public key is {ED25519_KEY_BYTES} bytes long")
        return hashlib.sha256(ED25519_SPKI_HEADER + raw).hexdigest()
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    from ._keys import key_id

    return key_id(load_pem_public_key(public.encode("utf-8")))
