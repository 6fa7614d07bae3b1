"""DSSE envelopes with in-toto statements: what casegate writes is standard, and what standard
tools write verifies with casegate."""

from __future__ import annotations

import base64
import datetime as dt
import json

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from securesystemslib.dsse import Envelope
from securesystemslib.signer import CryptoSigner

from casegate.sign import (
    PAYLOAD_TYPE,
    SIGNOFF,
    STATEMENT_TYPE,
    case_digest,
    check_envelope,
    parse_instant,
    sign_case,
    sign_statement,
    statement,
    subjects,
)

from .helpers import MODEL, make_world

AT = parse_instant("2026-11-25")


def test_casegate_envelope_verifies_with_securesystemslib_and_plain_ed25519(tmp_path):
    w = make_world(tmp_path)
    r = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    env = Envelope.from_dict(json.loads(r.path.read_text()))
    key = w.ring.get(w.signers["dana"].public_key.keyid).sslib_key()
    assert set(env.verify([key], 1)) == {key.keyid}
    # the payload is RFC 8785 canonical JSON of an in-toto Statement v1
    assert rfc8785.dumps(json.loads(env.payload)) == env.payload
    st = json.loads(env.payload)
    assert st["_type"] == STATEMENT_TYPE and st["predicateType"] == SIGNOFF
    assert env.payload_type == PAYLOAD_TYPE
    names = [s["name"] for s in st["subject"]]
    assert names == ["model:Atlas-2@2.1.0", "case:atlas-2-api@1.0"]
    assert "sha256:" + st["subject"][0]["digest"]["sha256"] == MODEL
    assert st["predicate"]["role"] == "safety-lead" and st["predicate"]["person"] == "Dana Ortiz"
    # and with nothing but the DSSE spec: Ed25519 over PAE(type, payload)
    raw = json.loads(r.path.read_text())
    payload = base64.b64decode(raw["payload"])
    pae = b"DSSEv1 %d %b %d %b" % (len(PAYLOAD_TYPE), PAYLOAD_TYPE.encode(), len(payload), payload)
    Ed25519PublicKey.from_public_bytes(bytes.fromhex(key.keyval["public"])).verify(
        base64.b64decode(raw["signatures"][0]["sig"]), pae)


def test_securesystemslib_envelope_verifies_with_casegate(tmp_path):
    w = make_world(tmp_path)
    loaded = w.load()
    key = w.ring.get(w.signers["dana"].public_key.keyid)
    from casegate.sign import load_private_key

    priv = load_private_key(w.key_paths["dana"])
    signer = CryptoSigner(priv, key.sslib_key())
    digest = case_digest(loaded)
    pred = {"case": {"id": "atlas-2-api", "version": "1.0", "digest": digest}, "role": "safety-lead",
            "person": "Dana Ortiz", "signed_at": "2026-11-25T10:00:00Z", "boundary": "api"}
    st = statement(subjects(loaded, digest), SIGNOFF, pred)
    env = Envelope(json.dumps(st, indent=1).encode(), "application/vnd.in-toto+json", {})  # not canonical
    env.sign(signer)
    signed, reasons = check_envelope(env.to_dict(), w.ring, AT, "external")
    assert reasons == [] and signed is not None
    assert signed.person == "Dana Ortiz" and signed.role == "safety-lead"


def test_tampered_payload_fails(tmp_path):
    w = make_world(tmp_path)
    r = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    env = dict(r.envelope)
    st = json.loads(base64.b64decode(env["payload"]))
    st["predicate"]["relies_on"] = []
    env["payload"] = base64.b64encode(rfc8785.dumps(st)).decode()
    signed, reasons = check_envelope(env, w.ring, AT, "sign-off")
    assert signed is None
    assert reasons == [f"sign-off: the signature does not verify against Dana Ortiz's key "
                       f"{w.signers['dana'].public_key.keyid[:16]}... (the payload was changed after "
                       "signing, or another key signed it)"]


def test_unknown_key_and_garbage(tmp_path):
    w = make_world(tmp_path)
    st = statement([], SIGNOFF, {"role": "rso", "person": "X", "signed_at": "2026-11-25T00:00:00Z"})
    env = sign_statement(st, w.stranger)
    signed, reasons = check_envelope(env, w.ring, AT, "e")
    assert signed is None and "not in the keyring" in reasons[0]
    assert "not a DSSE envelope" in check_envelope([1], w.ring, AT, "e")[1][0]
    assert "not a valid DSSE envelope" in check_envelope({"payload": "!!"}, w.ring, AT, "e")[1][0]
    bad_type = dict(env, payloadType="text/plain")
    assert "payloadType" in check_envelope(bad_type, w.ring, AT, "e")[1][0]


def test_signed_outside_key_validity(tmp_path):
    w = make_world(tmp_path)
    r = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    assert check_envelope(r.envelope, w.ring, AT, "e")[1] == []
    st = statement([], SIGNOFF, {"role": "safety-lead", "person": "Dana Ortiz",
                                 "signed_at": "2025-06-01T00:00:00Z"})
    _, reasons = check_envelope(sign_statement(st, w.signers["dana"]), w.ring, AT, "e")
    assert reasons == ["e: was signed at 2025-06-01T00:00:00Z, outside the validity of Dana Ortiz's key "
                       "(2026-01-01 to 2028-12-31)"]
    assert dt.date(2026, 1, 1)  # keys in the helper world are valid from 2026-01-01


def test_an_envelope_with_fields_dsse_does_not_define_is_refused(tmp_path):
    """Attack: a sign-off re-wrapped with a field DSSE does not define, at the top or in its
    signature. The signature still covers the same payload, but the envelope's bytes (and every
    identity casegate gives an envelope by them) are new: it is refused, naming the field."""
    w = make_world(tmp_path)
    r = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    assert check_envelope(r.envelope, w.ring, AT, "sign-off signoffs/dana.dsse.json")[1] == []
    top = dict(r.envelope, x=1)
    signed, reasons = check_envelope(top, w.ring, AT, "sign-off signoffs/dana.dsse.json")
    assert signed is None and reasons == [
        "sign-off signoffs/dana.dsse.json: the envelope has field(s) 'x' that DSSE does not define (an envelope "
        "holds only payload, payloadType, signatures); give the envelope as its signer wrote it"]
    inner = json.loads(json.dumps(r.envelope))
    inner["signatures"][0]["cert"] = "none"
    signed, reasons = check_envelope(inner, w.ring, AT, "sign-off signoffs/dana.dsse.json")
    assert signed is None and reasons == [
        "sign-off signoffs/dana.dsse.json: signature 1 of the envelope has field(s) 'cert' that DSSE does not "
        "define (a signature holds only keyid and sig); give the envelope as its signer wrote it"]


def test_the_same_payload_has_the_same_payload_digest_however_wrapped(tmp_path):
    """A copy is recognised by what was signed: a field added around it, its base64 laid out
    differently or another signature over it leave the payload digest alone; a changed statement
    does not."""
    from casegate.sign import envelope_sha256, payload_sha256

    w = make_world(tmp_path)
    r = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    env = r.envelope
    digest = payload_sha256(env)
    assert digest == __import__("hashlib").sha256(base64.b64decode(env["payload"])).hexdigest()
    split = dict(env, payload=env["payload"][:10] + "\n" + env["payload"][10:])
    for other in (dict(env, x=1), split, dict(env, signatures=[{"keyid": "k", "sig": "AAAA"}])):
        assert payload_sha256(other) == digest and envelope_sha256(other) != envelope_sha256(env)
    st = json.loads(base64.b64decode(env["payload"]))
    st["predicate"]["boundary"] = "other"
    assert payload_sha256(dict(env, payload=base64.b64encode(rfc8785.dumps(st)).decode())) != digest
    assert payload_sha256({"payload": 3}) is None and payload_sha256([]) is None


def test_an_envelope_whose_base64_is_written_another_way_is_refused(tmp_path):
    """Attack: the payload's or signature's base64 is written another way that decodes to the
    same bytes (broken over lines, or with the unused bits of its last character set), so the same
    signed statement has new envelope bytes and the signature still verifies: refused."""
    w = make_world(tmp_path)
    env = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT).envelope
    split = dict(env, payload=env["payload"][:10] + "\n" + env["payload"][10:])
    signed, reasons = check_envelope(split, w.ring, AT, "sign-off s.dsse.json")
    assert signed is None and reasons[0].startswith("sign-off s.dsse.json:") and "base64" in reasons[0]
    sig = dict(env["signatures"][0])
    s = sig["sig"]
    assert s.endswith("==")  # 64 bytes: its last character has four unused bits
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    bent = s[:-3] + alphabet[alphabet.index(s[-3]) ^ 1] + "=="
    assert base64.b64decode(bent) == base64.b64decode(s) and bent != s  # the same signature bytes
    signed, reasons = check_envelope(dict(env, signatures=[dict(sig, sig=bent)]), w.ring, AT, "e")
    assert signed is None and reasons == ["e: signature 1 of the envelope is not plain base64; give the "
                                          "envelope as its signer wrote it"]
    signed, reasons = check_envelope(dict(env, signatures=[dict(sig, sig=s[:4] + " " + s[4:])]), w.ring, AT, "e")
    assert signed is None and "base64" in reasons[0]
