"""The keyring file: format, pinned ids, validity, revocation, and the demo keyring."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from casegate.errors import InputError
from casegate.sign import (
    add_key,
    generate_key,
    key_id,
    load_keyring,
    load_private_key,
    load_signer,
    new_keyring,
    parse_instant,
    revoke_key,
    save_keyring,
)

from .helpers import EXAMPLE

UTC = dt.UTC


def _ring(tmp_path):
    g = generate_key(tmp_path / "a.key")
    s = load_signer(str(g.private_path))
    ring = add_key(new_keyring("t"), s.public_key, person="Dana Ortiz", roles=["safety-lead"],
                   valid_from="2026-01-01", valid_until="2026-12-31")
    return ring, s


def test_round_trip_and_fingerprint(tmp_path):
    ring, s = _ring(tmp_path)
    save_keyring(ring, tmp_path / "kr.yaml")
    again = load_keyring(tmp_path / "kr.yaml")
    assert again == ring
    assert again.fingerprint() == ring.fingerprint()
    assert again.get(s.public_key.keyid).person == "Dana Ortiz"
    revoked = revoke_key(ring, s.public_key.keyid[:12], at="2026-06-01", reason="laptop lost")
    assert revoked.fingerprint() != ring.fingerprint()


def test_validity_and_revocation(tmp_path):
    ring, s = _ring(tmp_path)
    k = ring.keys[0]
    assert k.problems_at(parse_instant("2026-06-01")) == []
    assert "not valid before" in k.problems_at(parse_instant("2025-12-31"))[0]
    assert "expired on 2026-12-31" in k.problems_at(parse_instant("2027-01-01"))[0]
    assert k.problems_at(dt.datetime(2026, 12, 31, 23, 0, tzinfo=UTC)) == []
    r = revoke_key(ring, k.keyid, at="2026-06-01", reason="laptop lost").keys[0]
    assert r.problems_at(parse_instant("2026-05-31")) == []
    assert "revoked on 2026-06-01 (laptop lost)" in r.problems_at(parse_instant("2026-06-02"))[0]


def test_keyid_not_matching_public_key_is_refused(tmp_path):
    ring, _ = _ring(tmp_path)
    save_keyring(ring, tmp_path / "kr.yaml")
    text = (tmp_path / "kr.yaml").read_text().replace(ring.keys[0].keyid, "0" * 64)
    (tmp_path / "kr.yaml").write_text(text)
    with pytest.raises(InputError, match="does not match its public key") as e:
        load_keyring(tmp_path / "kr.yaml")
    assert e.value.location.startswith(f"{tmp_path / 'kr.yaml'}:9")  # the key's line in a version 2 file


@pytest.mark.parametrize("text,message", [
    ("casegate: 1\nkind: case\n", "not a casegate keyring"),
    ("casegate: 3\nkind: keyring\nname: x\n", "unsupported keyring version"),
    ("casegate: 1\nkind: keyring\nname: x\nname: y\n", "duplicate key"),
    ("casegate: 1\nkind: keyring\nname: x\nkeys: [{person: a}]\n", "keys.0.keyid"),
])
def test_bad_keyring_files(tmp_path, text, message):
    (tmp_path / "kr.yaml").write_text(text)
    with pytest.raises(InputError, match=message):
        load_keyring(tmp_path / "kr.yaml")


def test_duplicate_key_refused(tmp_path):
    ring, s = _ring(tmp_path)
    with pytest.raises(InputError, match="already in the keyring"):
        add_key(ring, s.public_key, person="X", roles=["rso"], valid_from="2026-01-01", valid_until="2026-02-01")


def test_demo_keyring_matches_demo_keys_and_roles(tmp_path):
    ring = load_keyring(EXAMPLE / "keys" / "keyring.yaml")
    assert "DEMO" in ring.name
    holders = {(k.person, tuple(k.roles)) for k in ring.keys}
    assert holders == {("Dana Ortiz", ("safety-lead",)), ("Sam Whitfield", ("rso",)),
                       ("Priya Natarajan", ("external-evaluator",)), ("Mira Chen", ("author",)),
                       ("Jonas Berg", ("evaluator",)), ("Lena Kovac", ("evaluator",)),
                       # who holds the residual-risk roles the example names (CG417)
                       ("Ravi Menon", ("head-of-safeguards",)), ("Hana Sato", ("ciso",))}
    for name in ("dana-ortiz", "sam-whitfield", "priya-natarajan", "jonas-berg", "lena-kovac", "ravi-menon",
                 "hana-sato"):
        p = tmp_path / f"{name}.key"
        p.write_bytes((EXAMPLE / "keys" / f"{name}.key").read_bytes())
        os.chmod(p, 0o600)
        assert ring.get(key_id(load_private_key(p).public_key())) is not None
