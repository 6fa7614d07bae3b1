"""A signed payload that reads two ways: the bytes a signature covers were parsed with Python's
`json`, which keeps the last of a key given twice (other readers keep the first, or refuse), reads
`1e400` as infinity and keeps integers past 2**53 exactly (readers of JSON as doubles round them).
A statement whose bytes mean one thing to the person who checked them before signing and another
to casegate is now refused."""

from __future__ import annotations

import json

import pytest
from securesystemslib.dsse import Envelope
from securesystemslib.signer import CryptoSigner

from casegate.sign import (
    PAYLOAD_TYPE,
    SIGNOFF,
    STATEMENT_TYPE,
    case_digest,
    check_envelope,
    load_private_key,
    parse_instant,
)

from .helpers import make_world

AT = parse_instant("2026-11-25")


def _signed(w, body: bytes) -> dict:
    """`body` signed as a DSSE payload by Priya Natarajan's key (the outside evaluator), with a tool
    other than casegate."""
    key = w.ring.get(w.signers["priya"].public_key.keyid)
    env = Envelope(body, PAYLOAD_TYPE, {})
    env.sign(CryptoSigner(load_private_key(w.key_paths["priya"]), key.sslib_key()))
    return env.to_dict()


def _statement_text(predicate: str) -> bytes:
    """A statement's bytes written by hand around the predicate's text."""
    return f'{{"_type": "{STATEMENT_TYPE}", "predicateType": "{SIGNOFF}", "subject": [], "predicate": {predicate}}}'.encode()


def _predicate(w, **extra: object) -> dict:
    digest = case_digest(w.load())
    return {"case": {"id": "atlas-2-api", "version": "1.0", "digest": digest}, "role": "external-evaluator",
            "person": "Priya Natarajan", "signed_at": "2026-11-25T10:00:00Z", **extra}


def test_a_key_given_twice_in_the_signed_payload_is_refused(tmp_path) -> None:
    """The lab hands the outside evaluator a sign-off to sign with their own tooling; it reads, to
    a reader keeping the first of a repeated key (the evaluator's viewer), as a sign-off of the
    internal boundary only; casegate read the last, `api`, and counted it for the API release."""
    w = make_world(tmp_path)
    pred = json.dumps(_predicate(w, boundary="internal"))[:-1] + ', "boundary": "api"}'
    body = _statement_text(pred)
    assert json.loads(body)["predicate"]["boundary"] == "api"  # what Python's json reads
    signed, reasons = check_envelope(_signed(w, body), w.ring, AT, "sign-off")
    assert signed is None
    assert reasons == ["sign-off: the signed payload does not read one way only: the key 'boundary' appears "
                       "twice in one object; it is not counted (a reader keeping the other value would see "
                       "another statement)"]


@pytest.mark.parametrize(("value", "what"), [
    ("1e400", "inf is not representable"),
    (str(2**53 + 1), "exceeds safe integer domain"),
    ('"Priya\\ud800"', "non-UTF-8"),
])
def test_a_value_canonical_json_cannot_write_is_refused(tmp_path, value: str, what: str) -> None:
    """A number or string each reader of JSON reads otherwise: `1e400` is infinity to Python and
    an error to others; 2**53 + 1 is 2**53 to every reader of doubles; a lone surrogate becomes a
    replacement character or an error."""
    w = make_world(tmp_path)
    pred = json.dumps(_predicate(w, boundary="api"))[:-1] + f', "relies_on": [{value}]}}'
    body = _statement_text(pred)
    signed, reasons = check_envelope(_signed(w, body), w.ring, AT, "sign-off")
    assert signed is None
    assert len(reasons) == 1 and reasons[0].startswith("sign-off: the signed payload holds a value canonical JSON "
                                                       "cannot write (")
    assert what in reasons[0]


def test_a_payload_in_another_layout_that_reads_one_way_still_verifies(tmp_path) -> None:
    """Refusing what reads two ways keeps other tools' envelopes: indented, keys in another order."""
    w = make_world(tmp_path)
    st = {"predicate": _predicate(w, boundary="api"), "subject": [], "predicateType": SIGNOFF,
          "_type": STATEMENT_TYPE}
    signed, reasons = check_envelope(_signed(w, json.dumps(st, indent=3).encode()), w.ring, AT, "sign-off")
    assert reasons == [] and signed is not None and signed.predicate["boundary"] == "api"
