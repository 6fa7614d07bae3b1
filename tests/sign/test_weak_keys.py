"""Ed25519 public keys of small order, and non-canonically encoded ones, refused wherever casegate
reads a key (`casegate._weak_keys`).

Under such a key a fixed signature (R = the neutral point, S = 0) verifies for any message with
cryptography's own verifier, so a lab listing one in a keyring under an outside evaluator's name
could "sign" that evaluator's attestations itself. The keyring, the trust root (its root keys,
log key, witness keys), a `--key` / `.pub` file and a note verifier key refuse it when read,
naming the file and the key; a keyring made in memory past the loader verifies nothing with it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from casegate._weak_keys import SMALL_ORDER_Y, P, ed25519_weakness, key_weakness
from casegate.errors import InputError
from casegate.sign import Keyring, check_attestation, load_keyring, parse_instant

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"
KEYRING = EXAMPLE / "keys" / "keyring.yaml"
ATTESTATION = EXAMPLE / "reports" / "evidence-attestations" / "egress-test.md.lena-kovac.dsse.json"
SPKI = bytes.fromhex("302a300506032b6570032100")

NEUTRAL = bytes([1]) + bytes(31)
"""The neutral point (0, 1), encoded canonically."""
NEUTRAL_NONCANONICAL = (P + 1).to_bytes(32, "little")
"""The same point with y written as p + 1."""
FORGED = NEUTRAL + bytes(32)
"""R = the neutral point, S = 0: verifies for any message under the neutral point as the key."""


# --- the curve, independently of the module: which encodings are of small order ---------------

_D = (-121665 * pow(121666, -1, P)) % P
_SQRT_M1 = pow(2, (P - 1) // 4, P)


def _decode(raw: bytes) -> tuple[int, int] | None:
    n = int.from_bytes(raw, "little")
    y, sign = n & ((1 << 255) - 1), n >> 255
    if y >= P:
        y -= P  # as a verifier that reduces y would read it
    x2 = (y * y - 1) * pow(_D * y * y + 1, -1, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * _SQRT_M1 % P
    if (x * x - x2) % P:
        return None
    if x == 0 and sign:
        return None
    return (P - x if (x & 1) != sign else x), y


def _encode(pt: tuple[int, int]) -> bytes:
    x, y = pt
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def _add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    (x1, y1), (x2, y2) = a, b
    t = _D * x1 * x2 * y1 * y2 % P
    return (x1 * y2 + x2 * y1) * pow(1 + t, -1, P) % P, (y1 * y2 + x1 * x2) * pow(1 - t, -1, P) % P


def _times(k: int, pt: tuple[int, int]) -> tuple[int, int]:
    out = (0, 1)
    while k:
        if k & 1:
            out = _add(out, pt)
        pt, k = _add(pt, pt), k >> 1
    return out


ORDER8 = _decode(bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"))
assert ORDER8 is not None
SMALL = [_times(i, ORDER8) for i in range(8)]
"""The 8 points of small order: the multiples of a point of order 8 (Ed25519's torsion is cyclic)."""


def test_the_list_is_the_small_order_points() -> None:
    assert _times(8, ORDER8) == (0, 1) and _times(4, ORDER8) != (0, 1)
    assert len(set(SMALL)) == 8
    assert {y for _, y in SMALL} == SMALL_ORDER_Y  # five y values, x = 0 twice


@pytest.mark.parametrize("i", range(8))
def test_every_small_order_point_is_refused_with_either_sign_bit(i: int) -> None:
    enc = _encode(SMALL[i])
    other = bytes(enc[:31]) + bytes([enc[31] ^ 0x80])
    for raw in (enc, other):
        why = ed25519_weakness(raw)
        assert why is not None and "small order" in why, raw.hex()


def test_every_non_canonical_encoding_is_refused() -> None:
    """y in [p, 2^255 - 1] spells y - p in 0..18 again; the small-order ones among them (y = 0, 1)
    are the non-canonical encodings of small-order points, and all are refused as non-canonical."""
    for y in range(P, 1 << 255):
        for sign in (0, 1):
            raw = (y | (sign << 255)).to_bytes(32, "little")
            why = ed25519_weakness(raw)
            assert why is not None and "not a canonical" in why, raw.hex()
    assert _decode(NEUTRAL_NONCANONICAL) == (0, 1)


def test_ordinary_keys_pass_and_a_mixed_order_key_too() -> None:
    for _ in range(50):
        raw = Ed25519PrivateKey.generate().public_key().public_bytes(serialization.Encoding.Raw,
                                                                      serialization.PublicFormat.Raw)
        assert ed25519_weakness(raw) is None
        pt = _decode(raw)
        assert pt is not None and _times(8, pt) != (0, 1)
    # a prime-order point plus a torsion point: not of small order (forging needs its discrete log)
    mixed = _encode(_add(pt, ORDER8))
    assert _times(8, _decode(mixed)) != (0, 1)  # type: ignore[arg-type]
    assert ed25519_weakness(mixed) is None
    for line in KEYRING.read_text().splitlines():
        if line.strip().startswith("public:"):
            assert key_weakness(line.split('"')[1]) is None


def test_the_forged_signature_verifies_under_crypto_itself() -> None:
    """What the refusal stops: cryptography accepts the fixed signature for any message."""
    for key in (NEUTRAL, NEUTRAL_NONCANONICAL):
        for msg in (b"", b"any message at all", os.urandom(100)):
            Ed25519PublicKey.from_public_bytes(key).verify(FORGED, msg)


# --- the keyring ---------------------------------------------------------------------------------

def _weak_keyring(tmp_path: Path, public: bytes) -> tuple[Path, str]:
    """The example keyring with the outside evaluator Lena Kovac's key replaced by `public` (its
    key id derived as casegate derives it)."""
    ring = load_keyring(KEYRING)
    lena = ring.identity("lena-kovac")
    assert lena is not None and lena.organisation != "Acme Labs"
    old = lena.keys[0]
    keyid = hashlib.sha256(SPKI + public).hexdigest()
    text = KEYRING.read_text().replace(old.keyid, keyid).replace(old.public, public.hex())
    path = tmp_path / "keyring.yaml"
    path.write_text(text)
    return path, keyid


def _forged_attestation(keyid: str) -> dict:
    """Lena Kovac's attestation over the egress test, "signed" by the lab with the fixed signature
    under the weak key, saying what the lab wants."""
    env = json.loads(ATTESTATION.read_text())
    stmt = json.loads(base64.b64decode(env["payload"]))
    stmt["predicate"]["keyid"] = keyid
    stmt["predicate"]["statement"] = "Ran the egress test ourselves; no egress at all (forged)."
    env["payload"] = base64.b64encode(json.dumps(stmt).encode()).decode()
    env["signatures"] = [{"keyid": keyid, "sig": base64.b64encode(FORGED).decode()}]
    return env


def _at(env: dict) -> object:
    return parse_instant(json.loads(base64.b64decode(env["payload"]))["predicate"]["signed_at"])


@pytest.mark.parametrize("public", [NEUTRAL, NEUTRAL_NONCANONICAL], ids=["canonical", "y=p+1"])
def test_a_keyring_listing_a_small_order_key_under_an_evaluators_name_is_refused(
        tmp_path: Path, public: bytes) -> None:
    path, keyid = _weak_keyring(tmp_path, public)
    with pytest.raises(InputError) as e:
        load_keyring(path)
    msg = str(e.value)
    assert keyid in msg and "Lena Kovac" in msg and "evaluator" in msg
    assert "small order" in msg or "not a canonical" in msg
    assert e.value.location.startswith(f"{path}:")  # the key's own line
    assert "casegate keys generate" in (e.value.help or "")


@pytest.mark.parametrize("form", ["upper", "spaced", "pem"])
def test_the_key_is_refused_however_the_keyring_writes_it(tmp_path: Path, form: str) -> None:
    """Hex in capitals or with spaces (both read by the key id's derivation), or a PEM public key
    under another declared key type: the same 32 bytes, the same refusal."""
    path, keyid = _weak_keyring(tmp_path, NEUTRAL)
    text = path.read_text()
    if form == "upper":
        text = text.replace(NEUTRAL.hex(), NEUTRAL.hex().upper())
    elif form == "spaced":
        text = text.replace(NEUTRAL.hex(), " ".join(NEUTRAL.hex()[i:i + 2] for i in range(0, 64, 2)))
    else:
        pem = Ed25519PublicKey.from_public_bytes(NEUTRAL).public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
        at = text.index(f'public: "{NEUTRAL.hex()}"')
        head = text[:at].rsplit('keytype: "ed25519"', 1)
        text = (head[0] + 'keytype: "ecdsa"' + head[1].replace('scheme: "ed25519"', 'scheme: "ecdsa-sha2-nistp256"')
                + "public: " + json.dumps(pem) + text[at + len(f'public: "{NEUTRAL.hex()}"'):])
    path.write_text(text)
    with pytest.raises(InputError, match="small order") as e:
        load_keyring(path)
    assert keyid in str(e.value) and "Lena Kovac" in str(e.value)


def test_the_refusal_holds_in_a_demonstration_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    path, _ = _weak_keyring(tmp_path, NEUTRAL)
    with pytest.raises(InputError, match="small order"):
        load_keyring(path)


def test_a_forged_attestation_verifies_nothing_under_a_keyring_built_past_the_loader(tmp_path: Path) -> None:
    """A keyring made in memory (as a server or a library caller might) is not read through
    `load_keyring`: its weak key still verifies no signature."""
    path, keyid = _weak_keyring(tmp_path, NEUTRAL)
    import yaml

    ring = Keyring.model_validate(yaml.safe_load(path.read_text()))
    env = _forged_attestation(keyid)
    # the signature the lab made without any private key does verify under the key itself
    pae = b"DSSEv1 %d %b %d %b" % (len(env["payloadType"]), env["payloadType"].encode(),
                                   len(base64.b64decode(env["payload"])), base64.b64decode(env["payload"]))
    Ed25519PublicKey.from_public_bytes(NEUTRAL).verify(FORGED, pae)
    att, reasons = check_attestation(env, ring, _at(env), "forged")  # type: ignore[arg-type]
    assert att is None and any("does not verify" in r for r in reasons), reasons
    # control: the genuine attestation under the genuine keyring verifies
    genuine = json.loads(ATTESTATION.read_text())
    att, reasons = check_attestation(genuine, load_keyring(KEYRING), _at(genuine), "genuine")  # type: ignore[arg-type]
    assert att is not None and att.person == "Lena Kovac", reasons


def test_the_example_keyrings_still_load() -> None:
    for path in sorted(ROOT.glob("examples/**/keyring*.yaml")):
        assert load_keyring(path).keys


# --- key files and note verifier keys --------------------------------------------------------------

def test_a_small_order_pub_file_is_refused(tmp_path: Path) -> None:
    from casegate.sign import load_public_key

    pem = Ed25519PublicKey.from_public_bytes(NEUTRAL).public_bytes(serialization.Encoding.PEM,
                                                                  serialization.PublicFormat.SubjectPublicKeyInfo)
    (tmp_path / "eve.key.pub").write_bytes(pem)
    keyid = hashlib.sha256(SPKI + NEUTRAL).hexdigest()
    with pytest.raises(InputError, match="small order") as e:
        load_public_key(tmp_path / "eve.key.pub")
    assert keyid in str(e.value) and e.value.location == str(tmp_path / "eve.key.pub")
    from casegate.store import load_public_key as load_log_key

    with pytest.raises(InputError, match="small order"):
        load_log_key(str(tmp_path / "eve.key.pub"))
    with pytest.raises(InputError, match="small order"):
        load_log_key(NEUTRAL)


@pytest.mark.parametrize("kind", [1, 4])
def test_a_small_order_note_verifier_key_is_refused(kind: int) -> None:
    from casegate.store import parse_verifier_key
    from casegate.store._checkpoint import key_id as note_key_id

    named = f"w.example+{note_key_id('w.example', NEUTRAL, kind).hex()}"
    vkey = f"{named}+{base64.b64encode(bytes([kind]) + NEUTRAL).decode()}"
    with pytest.raises(InputError, match="small order") as e:
        parse_verifier_key(vkey)
    assert named in str(e.value)


def test_no_checkpoint_or_cosignature_verifies_under_a_small_order_key() -> None:
    """A log key or witness key reaching a checkpoint's verification from anywhere (the registry's
    own stored key, a key object handed in): the lab's forged checkpoint and cosignature do not
    verify, though cryptography accepts their signatures."""
    from casegate.errors import VerificationError
    from casegate.store import parse_checkpoint
    from casegate.store._checkpoint import COSIGNATURE_V1, checkpoint_body
    from casegate.store._checkpoint import key_id as note_key_id

    weak = Ed25519PublicKey.from_public_bytes(NEUTRAL)
    body = checkpoint_body("t.example/log", 7, hashlib.sha256(b"rewritten history").digest())
    cosig = bytes(8) + FORGED  # timestamp 0, then the signature
    weak.verify(FORGED, body.encode())
    weak.verify(FORGED, b"cosignature/v1\ntime 0\n" + body.encode())
    lines = [f"\u2014 t.example/log {base64.b64encode(note_key_id('t.example/log', NEUTRAL) + FORGED).decode()}",
             f"\u2014 w.example {base64.b64encode(note_key_id('w.example', NEUTRAL, COSIGNATURE_V1) + cosig).decode()}"]
    cp = parse_checkpoint(body + "\n" + "\n".join(lines) + "\n")
    with pytest.raises(VerificationError, match="small order"):
        cp.verify(weak)
    from casegate.store import verify_cosignature

    with pytest.raises(VerificationError, match="small order"):
        verify_cosignature(cp, weak, "w.example")
