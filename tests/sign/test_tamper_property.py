"""Property: changing any byte of a signed envelope's payload or signature makes it fail."""

from __future__ import annotations

import base64

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.sign import (
    SIGNOFF,
    add_key,
    check_envelope,
    generate_key,
    load_signer,
    new_keyring,
    parse_instant,
    sign_statement,
    statement,
)

AT = parse_instant("2026-06-01")


def _setup(tmp):
    g = generate_key(tmp / "k.key")
    s = load_signer(str(g.private_path))
    ring = add_key(new_keyring("t"), s.public_key, person="Dana Ortiz", roles=["safety-lead"],
                   valid_from="2026-01-01", valid_until="2026-12-31")
    env = sign_statement(statement([{"name": "model:x@1", "digest": {"sha256": "ab" * 32}}], SIGNOFF,
                                   {"role": "safety-lead", "person": "Dana Ortiz",
                                    "signed_at": "2026-05-01T00:00:00Z"}), s)
    return ring, env


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["payload", "sig"]), pos=st.integers(min_value=0), flip=st.integers(1, 255))
def test_any_changed_byte_fails(tmp_path_factory, field, pos, flip):
    ring, env = _setup(tmp_path_factory.mktemp("t"))
    assert check_envelope(env, ring, AT, "e")[1] == []
    if field == "payload":
        raw = bytearray(base64.b64decode(env["payload"]))
        raw[pos % len(raw)] ^= flip
        bad = dict(env, payload=base64.b64encode(bytes(raw)).decode())
    else:
        raw = bytearray(base64.b64decode(env["signatures"][0]["sig"]))
        raw[pos % len(raw)] ^= flip
        bad = dict(env, signatures=[dict(env["signatures"][0], sig=base64.b64encode(bytes(raw)).decode())])
    signed, reasons = check_envelope(bad, ring, AT, "e")
    assert signed is None and "the signature does not verify" in reasons[0]
