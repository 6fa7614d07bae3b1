"""Ed25519 public keys anyone can sign for: keys of small order, and non-canonical encodings.

An Ed25519 public key A is a point of the curve. When A has small order (8A is the neutral
point), signatures need no private key: RFC 8032 verification (cryptography's, OpenSSL's) checks
[S]B = R + [k]A with k the hash of R, A and the message, and with S = 0 and R = the neutral
point (01 00..00) that holds whenever [k]A is neutral: for every message when A is the neutral
point itself, and for one message in 2, 4 or 8 (or every one, under cofactored verification)
for the other small-order points. A keyring, a trust root, a witness list or a `--key` file
listing such a key under an outside evaluator's name would let anyone, the lab included, sign
as that evaluator. So casegate refuses them wherever it reads a key, never mind
`CASEGATE_DEMO_KEYS`.

The check reads only the key's y coordinate (the low 255 bits of the 32 bytes, little-endian;
the top bit is the sign of x):

- y >= p (p = 2^255 - 19) is not a canonical encoding: refused. These are y in [p, 2^255 - 1],
  i.e. p + 0 .. p + 18, which spell y = 0 .. 18 again; some verifiers reduce them and some do
  not, so one key could be two keys (the neutral point is 01 00..00 and also ee ff..ff 7f).
- A canonical y determines x up to its sign, so a point is of small order exactly when its y
  is one of the small-order points' y: the torsion subgroup of Ed25519 is cyclic of order 8,
  i.e. the neutral point (0, 1), the point of order 2 (0, -1), the two of order 4 (+-sqrt(-1), 0)
  and the four of order 8 (+-x8, +-y8). That is five y values: 0, 1, p - 1, y8 and p - y8.
  A key with one of them and either sign bit is refused (with x = 0 and the sign bit set it is
  not even a valid encoding). `tests/sign/test_weak_keys.py` checks the list against [8]P
  computed with the curve's addition law.

A key of mixed order (a prime-order point plus a small-order one) is not refused: no fixed
signature verifies under it for every message, and forging under it needs its discrete
logarithm as for any key.
"""

from __future__ import annotations

from typing import Any

from .errors import InputError

P = 2**255 - 19
"""The field prime of Curve25519."""
_Y8 = 2707385501144840649318225287225658788936804267575313519463743609750303402022
"""The y coordinate of a point of order 8 (the other order-8 points have y8 or p - y8)."""
SMALL_ORDER_Y = frozenset({0, 1, P - 1, _Y8, P - _Y8})
"""The y coordinates of Ed25519's 8 points of small order."""
_Y_MASK = (1 << 255) - 1

WEAK_HELP = ("take the key out; ask its holder for their real public key (the .pub `casegate keys generate PATH` "
             "writes, whose private half they keep) and trust that instead")


def ed25519_weakness(raw: bytes) -> str | None:
    """Why the 32 raw bytes of an Ed25519 public key let anyone sign as it (small order, or a
    non-canonical encoding), or None when they do not (other lengths: None, refused elsewhere)."""
    if len(raw) != 32:
        return None
    y = int.from_bytes(raw, "little") & _Y_MASK
    if y >= P:
        return ("is not a canonical Ed25519 encoding (its y coordinate is not below 2^255 - 19), so the same "
                "point has two encodings and two key ids")
    if y in SMALL_ORDER_Y:
        return ("is an Ed25519 key of small order: signatures made without any private key verify under it, so "
                "anyone can sign as its holder")
    return None


def key_weakness(value: Any) -> str | None:
    """`ed25519_weakness` of the Ed25519 public key `value` is or holds, in any form
    `casegate._published_keys.raw_ed25519` reads (hex, PEM, DER, a key object, a note verifier
    key, a securesystemslib key); None when it holds no Ed25519 key or cannot be read."""
    keyval = getattr(value, "keyval", None)
    if isinstance(keyval, dict):  # a securesystemslib key, whatever type it declares
        return key_weakness(keyval.get("public"))
    if isinstance(value, str):  # hex (as bytes.fromhex reads it, spaces too), the keyring's and the pins' form
        try:
            raw = bytes.fromhex(value)
        except ValueError:
            raw = b""
        if len(raw) == 32:
            return ed25519_weakness(raw)
    if isinstance(value, bytes) and len(value) == 32:
        return ed25519_weakness(value)
    from ._published_keys import raw_ed25519

    try:
        read = raw_ed25519(value)
    except Exception:  # noqa: BLE001 - what cannot be read as a key is refused by its reader
        return None
    return ed25519_weakness(read) if read is not None else None


def refuse_weak(value: Any, what: str, *, location: str | None = None) -> None:
    """Raise InputError (exit 2) when `value` (any form `key_weakness` reads) is an Ed25519 key
    of small order or not canonically encoded. `what` names the key (e.g. "the keyring's key
    38a0... of Sam Whitfield (rso)"); `location` the file."""
    why = key_weakness(value)
    if why is not None:
        raise InputError(f"{what} {why}", location=location, help=WEAK_HELP)
