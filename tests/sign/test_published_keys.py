"""The list of public keys whose private halves casegate publishes (`casegate._published_keys_data`)
must hold every private key the repository ships, and a published key must be recognised in any
form it can be handed over in."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casegate import _published_keys as pk
from casegate import _published_keys_write as pw
from casegate._published_keys_data import PUBLISHED

ROOT = Path(__file__).resolve().parents[2]


def _b64(kind: int, data: bytes) -> str:
    return base64.b64encode(bytes([kind]) + data).decode()


def test_the_list_is_the_repositorys_private_keys() -> None:
    assert pw.data_file().read_text(encoding="utf-8") == pw.render(), (
        "a private key the repository ships is not listed (or a listed one is gone): refresh the list with "
        "python -m casegate._published_keys --write")


def test_every_example_key_file_is_listed() -> None:
    files = sorted((ROOT / "examples").rglob("*.key"))
    assert files
    for f in files:
        raw = pk.raw_ed25519(f.read_text())
        assert raw is not None and PUBLISHED.get(raw.hex()) == f.relative_to(ROOT).as_posix(), f


def test_a_new_private_key_in_the_tree_makes_the_list_stale(tmp_path: Path) -> None:
    """The freshness check above can fail: a tree with one more private key (a PEM file, or a note
    signer key quoted in a test) renders another list, and an unreadable one is an error."""
    (tmp_path / "examples").mkdir()
    k = Ed25519PrivateKey.generate()
    (tmp_path / "examples" / "new.key").write_bytes(
        k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    seed = k.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    other = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    oseed = other.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    (tmp_path / "t.py").write_text(f'SKEY = "PRIVATE+KEY+someone+0a0b0c0d+{_b64(1, oseed)}"\n')
    found = pw.shipped_private_keys(tmp_path)
    raw = k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
    oraw = other.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
    assert found == {raw: "examples/new.key", oraw: "t.py"} or found == {oraw: "t.py", raw: "examples/new.key"}
    assert raw in pw.render(tmp_path) and raw not in pw.data_file().read_text()
    assert seed  # (the seed itself is never listed, only the public key)
    dashes = "-" * 5  # (not written out whole: this file would then hold an unreadable private key)
    (tmp_path / "bad.key").write_text(f"{dashes}BEGIN PRIVATE KEY{dashes}\nAAAA\n{dashes}END PRIVATE KEY{dashes}\n")
    with pytest.raises(ValueError, match="bad.key"):
        pw.shipped_private_keys(tmp_path)


def test_a_published_key_is_recognised_in_every_form() -> None:
    """The same key as hex (either case), raw bytes, PEM or DER public key, PKCS#8 / OpenSSH / raw
    private key, OpenSSH public key, a note verifier key (whatever its name, so whatever its key
    id), a note signer key, and a securesystemslib key of any declared type."""
    from securesystemslib.signer import SSlibKey

    from casegate.sign import load_public_key

    pub_file = ROOT / "examples" / "atlas-api" / "keys" / "priya-natarajan.key.pub"
    priv = serialization.load_pem_private_key(
        (ROOT / "examples" / "atlas-api" / "keys" / "priya-natarajan.key").read_bytes(), password=None)
    assert isinstance(priv, Ed25519PrivateKey)
    pub = load_public_key(pub_file)
    raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    seed = priv.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    forms = [
        raw, raw.hex(), raw.hex().upper(), f"  {raw.hex()}\n", pub, priv,
        pub.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
        pub.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo),
        pub.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH),
        priv.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
                           serialization.NoEncryption()),
        priv.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                           serialization.NoEncryption()),
        f"anyone+01020304+{_b64(1, raw)}",
        f"witness.example+0a0b0c0d+{_b64(4, raw)}",
        f"PRIVATE+KEY+anyone+01020304+{_b64(1, seed)}",
        SSlibKey("x", "ed25519", "ed25519", {"public": raw.hex().upper()}),
        SSlibKey("x", "ecdsa", "ecdsa-sha2-nistp256", {"public": pub_file.read_text()}),
    ]
    for f in forms:
        assert pk.published(f) == "examples/atlas-api/keys/priya-natarajan.key", f
    fresh = Ed25519PrivateKey.generate()
    for f in (fresh, fresh.public_key(), "0" * 64, "not a key", b"", None, 3, "a+b+c"):
        assert pk.published(f) is None, f
