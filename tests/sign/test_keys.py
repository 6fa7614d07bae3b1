"""Keys: generation, file modes, passphrases, the pinned key id, signer URIs."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from securesystemslib.signer import SSlibKey

from casegate.errors import InputError
from casegate.sign import generate_key, key_id, load_private_key, load_public_key, load_signer


def test_generate_writes_private_0600_and_public(tmp_path):
    g = generate_key(tmp_path / "k" / "dana.key")
    assert stat.S_IMODE(os.stat(g.private_path).st_mode) == 0o600
    assert g.public_path.name == "dana.key.pub"
    assert b"BEGIN PUBLIC KEY" in g.public_path.read_bytes()
    assert b"BEGIN PRIVATE KEY" in g.private_path.read_bytes()
    assert not g.encrypted


def test_generate_refuses_to_overwrite(tmp_path):
    generate_key(tmp_path / "a.key")
    with pytest.raises(InputError, match="already exists"):
        generate_key(tmp_path / "a.key")
    generate_key(tmp_path / "a.key", force=True)


def test_key_id_is_sha256_of_der_spki(tmp_path):
    g = generate_key(tmp_path / "a.key")
    pub = load_public_key(g.public_path)
    der = pub.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    assert g.keyid == key_id(pub) == hashlib.sha256(der).hexdigest()
    signer = load_signer(str(g.private_path))
    assert signer.public_key.keyid == g.keyid
    # securesystemslib's default derivation differs: the id is pinned, not defaulted
    assert SSlibKey.from_crypto(pub).keyid != g.keyid


def test_passphrase_from_env(tmp_path, monkeypatch):
    g = generate_key(tmp_path / "a.key", passphrase="correct horse")
    assert g.encrypted and b"ENCRYPTED PRIVATE KEY" in g.private_path.read_bytes()
    monkeypatch.setenv("MY_PASS", "correct horse")
    assert load_signer(str(g.private_path), passphrase_env="MY_PASS").public_key.keyid == g.keyid
    monkeypatch.setenv("MY_PASS", "wrong")
    with pytest.raises(InputError, match="wrong passphrase"):
        load_private_key(g.private_path, passphrase_env="MY_PASS")


def test_encrypted_key_without_passphrase_or_terminal(tmp_path, monkeypatch):
    g = generate_key(tmp_path / "a.key", passphrase="pw")
    monkeypatch.delenv("CASEGATE_KEY_PASSPHRASE", raising=False)
    with pytest.raises(InputError, match="passphrase-protected"):
        load_private_key(g.private_path)


def test_key_readable_by_others_is_refused(tmp_path):
    g = generate_key(tmp_path / "a.key")
    os.chmod(g.private_path, 0o644)
    with pytest.raises(InputError, match="other users"):
        load_signer(str(g.private_path))


def test_not_a_key(tmp_path):
    p = tmp_path / "x.key"
    p.write_text("hello")
    os.chmod(p, 0o600)
    with pytest.raises(InputError, match="not a PEM private key"):
        load_private_key(p)
    with pytest.raises(InputError, match="not a PEM public key"):
        load_public_key(p)


def test_signer_uri_plugs_in_through_securesystemslib(tmp_path):
    """A key named by a securesystemslib URI (here the file2: scheme; KMS and HSM schemes work
    the same way) signs with the casegate key id taken from the public key given."""
    g = generate_key(tmp_path / "a.key")
    pub = SSlibKey.from_crypto(load_public_key(g.public_path), keyid=g.keyid)
    s = load_signer(f"file2:{g.private_path}", public_key=pub)
    assert s.public_key.keyid == g.keyid
    sig = s.sign(b"payload")
    pub.verify_signature(sig, b"payload")
    with pytest.raises(InputError, match="keyring"):
        load_signer(f"file2:{g.private_path}")
