"""A trust root listing an Ed25519 key of small order (or one not canonically encoded) as a root
key, the log's key or a witness's key: anyone could sign the root, the log's checkpoints or the
witness's cosignatures as it without any private key (`casegate._weak_keys`). Refused when the
root is read (exit 2, naming the file and the key), demonstration or not."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from securesystemslib.signer import Signature, SSlibKey

from casegate._weak_keys import P
from casegate.errors import InputError
from casegate.sign import load_signer
from casegate.trust import PINS_FIELD, load_draft, load_trust_root, sign_root, write_root
from tests.verify.trusted import cli_in_process as cg

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "examples" / "atlas-api" / "policy.yaml"
KEYRING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"
SPKI = bytes.fromhex("302a300506032b6570032100")
NEUTRAL = bytes([1]) + bytes(31)
FORGED = NEUTRAL + bytes(32)
"""R = the neutral point, S = 0: verifies for any message under the neutral point as the key."""


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    for k in ("a", "b", "c", "log"):
        assert cg(tmp_path, "keys", "generate", f"{k}.key")[0] == 0
    rc, text = cg(tmp_path, "trust", "init", "trust", "--root-key", "a.key.pub", "--root-key", "b.key.pub",
                  "--root-key", "c.key.pub", "--threshold", "2", "--sign-with", "a.key", "--sign-with", "b.key",
                  "--policy", str(POLICY), "--keyring", str(KEYRING), "--log-key", "log.key.pub",
                  "--origin", "t.example/log", "--expires", "30d")
    assert rc == 0, text
    return tmp_path


@pytest.mark.parametrize("public", [NEUTRAL, (P + 1).to_bytes(32, "little")], ids=["canonical", "y=p+1"])
def test_a_root_whose_second_root_key_is_of_small_order_is_refused(keys: Path, public: bytes) -> None:
    """Holder a alone makes a root of threshold 2 whose other root key is the neutral point, and
    "signs" for it with the fixed signature: a alone would meet the threshold."""
    md = load_draft(keys / "trust" / "1.root.json")
    b = load_signer(str(keys / "b.key")).public_key
    weak_id = hashlib.sha256(SPKI + public).hexdigest()
    weak = SSlibKey(weak_id, "ed25519", "ed25519", {"public": public.hex()})
    for role in ("root", "targets", "snapshot", "timestamp"):
        md.signed.revoke_key(b.keyid, role)
        md.signed.add_key(weak, role)
    md.signatures.clear()
    sign_root(md, [load_signer(str(keys / "a.key"))])
    md.signatures[weak_id] = Signature(weak_id, FORGED.hex())
    (keys / "evil").mkdir()
    write_root(md, keys / "evil" / "1.root.json")
    # the forged signature does count for python-tuf: threshold 2 met with one holder
    res = md.signed.get_root_verification_result(None, md.signed_bytes, md.signatures)
    assert res.verified
    with pytest.raises(InputError, match="small order|not a canonical") as e:
        load_trust_root(keys / "evil")
    assert weak_id in str(e.value) and e.value.location == str(keys / "evil" / "1.root.json")
    rc, text = cg(keys, "trust", "show", "evil")
    assert rc == 2 and weak_id in text, text


@pytest.mark.parametrize("where", ["log", "witness"])
def test_a_root_pinning_a_small_order_log_or_witness_key_is_refused(keys: Path, where: str) -> None:
    md = load_draft(keys / "trust" / "1.root.json")
    pins = md.signed.unrecognized_fields[PINS_FIELD]
    if where == "log":
        pins["log"]["key"] = NEUTRAL.hex()
    else:
        pins["log"]["witnesses"] = [{"name": "w.example", "key": NEUTRAL.hex()}]
        pins["log"]["witness_threshold"] = 1
    md.signatures.clear()
    sign_root(md, [load_signer(str(keys / "a.key")), load_signer(str(keys / "b.key"))])
    write_root(md, keys / "evil.root.json")
    with pytest.raises(InputError, match="small order") as e:
        load_trust_root(keys / "evil.root.json")
    assert ("the log key" if where == "log" else "witness 'w.example'") in str(e.value)


def test_trust_init_refuses_a_small_order_root_key(keys: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    (keys / "eve.key.pub").write_bytes(Ed25519PublicKey.from_public_bytes(NEUTRAL).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    rc, text = cg(keys, "trust", "init", "t2", "--root-key", "a.key.pub", "--root-key", "eve.key.pub",
                  "--threshold", "2", "--sign-with", "a.key", "--policy", str(POLICY), "--keyring", str(KEYRING),
                  "--log-key", "log.key.pub", "--origin", "t.example/log", "--expires", "30d")
    assert rc == 2 and "small order" in text and "eve.key.pub" in text, text
    assert not (keys / "t2" / "1.root.json").exists()


def test_the_genuine_root_still_loads(keys: Path) -> None:
    assert load_trust_root(keys / "trust").version == 1
