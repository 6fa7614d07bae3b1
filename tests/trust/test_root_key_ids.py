"""One root key counted twice: python-tuf counts a root threshold by key id, so a root version
listing a holder's key again under a second id let that holder meet a threshold of two alone.
A root key's id must be derived from the key (SHA-256 of its DER public key), so two ids are two
keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from securesystemslib.signer import Signature, SSlibKey

from casegate.sign import load_keyring, load_signer
from casegate.trust import (
    TrustRootError,
    load_draft,
    load_trust_root,
    rotated_root,
    sign_root,
    write_root,
)
from tests.verify.trusted import cli_in_process as cg

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "examples" / "atlas-api" / "policy.yaml"
KEYRING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"
ALIAS = "a1" * 32
"""The second id holder a lists their own key under."""


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


def _alias_a(md: object, keys: Path) -> None:
    """Holder a lists their key again, under `ALIAS`, in every role of the draft."""
    a = load_signer(str(keys / "a.key")).public_key
    alias = SSlibKey(ALIAS, a.keytype, a.scheme, dict(a.keyval))
    for role in ("root", "targets", "snapshot", "timestamp"):
        md.signed.add_key(alias, role)  # type: ignore[attr-defined]


def _sign_twice_as_a(md: object, keys: Path) -> None:
    """Holder a signs alone, once under each of the ids."""
    sign_root(md, [load_signer(str(keys / "a.key"))])  # type: ignore[arg-type]
    kid = load_signer(str(keys / "a.key")).public_key.keyid
    md.signatures[ALIAS] = Signature(ALIAS, md.signatures[kid].signature)  # type: ignore[attr-defined]


def test_a_holder_listing_their_key_twice_in_a_rotation_does_not_take_over_the_root(keys: Path) -> None:
    # a drafts version 2 (same pins) and, before passing it round, adds their key under a second id
    rc, text = cg(keys, "trust", "rotate", "trust", "--unlogged", "--draft", "v2.json")
    assert rc == 0, text
    md = load_draft(keys / "v2.json")
    _alias_a(md, keys)
    write_root(md, keys / "v2.json")
    # b signs it (a and b meet version 1's threshold): the draft names the key counted twice
    rc, text = cg(keys, "trust", "sign", "v2.json", "--key", "b.key", "--chain", "trust")
    assert rc == 0, text
    assert "is the key" in text and "listed again under its own id" in text
    rc, text = cg(keys, "trust", "sign", "v2.json", "--key", "a.key", "--chain", "trust")
    assert rc == 0, text
    # publishing it is refused: nothing is written
    rc, text = cg(keys, "trust", "publish", "trust", "v2.json")
    assert rc == 1 and "one key counted twice would meet a threshold with one holder" in text, text
    assert not (keys / "trust" / "2.root.json").exists()
    # the chain written by hand: version 2 as signed, then version 3, signed by a alone (under both
    # ids), pinning a keyring of the lab's own
    pins = load_trust_root(keys / "trust").pins
    md2 = load_draft(keys / "v2.json")
    write_root(md2, keys / "trust" / "2.root.json")
    current = md2.signed
    lab = tmp_ring(keys)
    from casegate.trust import PinnedKeyring

    v3 = rotated_root(md2, pins=pins.model_copy(update={"keyrings": [PinnedKeyring(digest=lab)]}),
                      expires=dt.datetime.now(dt.UTC) + dt.timedelta(days=10))
    assert ALIAS in v3.signed.roles["root"].keyids and v3.signed.roles["root"].threshold == 2
    _sign_twice_as_a(v3, keys)
    write_root(v3, keys / "trust" / "3.root.json")
    assert current.version == 2
    with pytest.raises(TrustRootError, match="listed again under its own id"):
        load_trust_root(keys / "trust")


def tmp_ring(keys: Path) -> str:
    """The fingerprint of a keyring the lab wrote (the example's, renamed)."""
    ring = load_keyring(KEYRING)
    return ring.model_copy(update={"name": "the lab's own keyring"}).fingerprint()


def test_a_root_version_1_met_by_one_key_under_two_ids_does_not_load(keys: Path) -> None:
    root = load_trust_root(keys / "trust")
    from casegate.trust import new_root

    md = new_root([load_signer(str(keys / k)).public_key for k in ("a.key", "b.key", "c.key")], 2, root.pins,
                  dt.datetime.now(dt.UTC) + dt.timedelta(days=10))
    _alias_a(md, keys)
    _sign_twice_as_a(md, keys)
    write_root(md, keys / "forged.root.json")
    with pytest.raises(TrustRootError, match=f"root key listed as {ALIAS[:16]}"):
        load_trust_root(keys / "forged.root.json")


def test_a_root_key_under_an_id_not_derived_from_it_is_refused(keys: Path) -> None:
    root = load_trust_root(keys / "trust")
    from casegate.trust import new_root

    a = load_signer(str(keys / "a.key")).public_key
    renamed = SSlibKey(ALIAS, a.keytype, a.scheme, dict(a.keyval))
    md = new_root([renamed, load_signer(str(keys / "b.key")).public_key], 1, root.pins,
                  dt.datetime.now(dt.UTC) + dt.timedelta(days=10))
    sign_root(md, [load_signer(str(keys / "b.key"))])
    write_root(md, keys / "renamed.root.json")
    with pytest.raises(TrustRootError, match="a root key's id is the SHA-256 of its DER public key"):
        load_trust_root(keys / "renamed.root.json")
