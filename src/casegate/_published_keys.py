"""The public keys whose private halves casegate publishes (the examples' keys, a key format's
documented example), and the rule that keeps them out of anything a release rests on.

Anyone holding a clone can sign as one of these keys. A keyring, a trust root (its root keys,
its log key, its witnesses) or a signer that names one would let anyone, the lab included, sign
as the person or authority it stands for: the lab could forge the outside evaluator's sign-off.
So outside a demonstration casegate refuses them wherever they would count (exit 2, naming the
key and the file its private half ships in). A demonstration opts in with the environment
variable `CASEGATE_DEMO_KEYS=1` (`make demo` and the test suite set it); every command that then
accepts one says on stderr that what it made or checked is "signed with casegate's published
example keys: not a release".

Keys are compared as their 32 raw Ed25519 bytes, whatever form they arrive in (hex in either
case, PEM or DER public key, a private key in any wrapping, a note verifier key, a
securesystemslib key of any declared type), so no re-encoding and no differently computed key id
takes a published key past the list. The list (`_published_keys_data`) is written by
`python -m casegate._published_keys --write` from the files that hold the private halves; a test
fails when a shipped key is missing from it.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .errors import InputError

DEMO_KEYS_ENV = "CASEGATE_DEMO_KEYS"
"""Set to 1 to let casegate's published example keys count, for a demonstration only."""
NOT_A_RELEASE = "signed with casegate's published example keys: not a release"
"""What every output made while a published key counted says."""
DEMONSTRATION = "signed with casegate's published example keys: a demonstration, not a release"
"""Why an answer that rests on a published key is never "verified" or "deployable", whatever
`CASEGATE_DEMO_KEYS` says: a demonstration shows everything else it checked, never a release."""
_NOTED: set[str] = set()


def demo_keys() -> bool:
    """Whether published example keys may count (`CASEGATE_DEMO_KEYS=1`): a demonstration."""
    return os.environ.get(DEMO_KEYS_ENV, "").strip() == "1"


def raw_ed25519(value: Any) -> bytes | None:
    """The 32 raw bytes of the Ed25519 public key `value` is or holds, or None when it holds no
    Ed25519 key (another algorithm) or cannot be read as a key.

    Read: a `cryptography` public or private key; a securesystemslib key (its `public` value,
    whatever key type it declares); 32 raw bytes; DER or PEM bytes or text of a public key, or of
    a private key in any format `cryptography` reads unencrypted (PKCS#8, OpenSSH, raw PEM); hex
    of 32 bytes in either case; a note verifier or signer key (`name+id+base64`)."""
    keyval = getattr(value, "keyval", None)
    if isinstance(keyval, dict):
        return raw_ed25519(keyval.get("public"))
    if isinstance(value, str):
        s = value.strip()
        if len(s) == 64:
            try:
                return bytes.fromhex(s)
            except ValueError:
                return None
        if "+" in s and "-----" not in s:
            import base64
            import binascii

            signer = s.upper().startswith("PRIVATE+KEY+")
            # a verifier key NAME+ID+BASE64, a signer key PRIVATE+KEY+NAME+ID+BASE64 (base64 may hold "+")
            parts = s.split("+", 4 if signer else 2)
            try:
                raw = base64.b64decode(parts[-1], validate=True)
            except (binascii.Error, ValueError):
                return None
            # the key type byte, then the public key (a verifier key) or the seed (a signer key)
            if len(raw) != 33:
                return None
            return _from_object(_private_from_seed(raw[1:])) if signer else raw[1:]
        return _from_bytes(s.encode("utf-8"))
    if isinstance(value, bytes | bytearray):
        if len(value) == 32:
            return bytes(value)
        return _from_bytes(bytes(value))
    return _from_object(value)


def _private_from_seed(seed: bytes) -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(seed)


def _from_bytes(data: bytes) -> bytes | None:
    from cryptography.hazmat.primitives import serialization

    readers = (serialization.load_pem_public_key, serialization.load_der_public_key,
               lambda d: serialization.load_pem_private_key(d, password=None),
               lambda d: serialization.load_der_private_key(d, password=None),
               lambda d: serialization.load_ssh_private_key(d, password=None),
               serialization.load_ssh_public_key)
    for read in readers:
        try:
            return _from_object(read(data))
        except (ValueError, TypeError, NotImplementedError, AssertionError):
            continue
        except Exception:  # noqa: BLE001 - an unreadable key is simply not one of the list
            continue
    return None


def _from_object(key: Any) -> bytes | None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

    if isinstance(key, Ed25519PrivateKey):
        key = key.public_key()
    if isinstance(key, Ed25519PublicKey):
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return None


def published(value: Any) -> str | None:
    """The file in casegate's repository that publishes the private half of the key `value` is
    or holds (any form `raw_ed25519` reads), or None when it is not a published key."""
    from ._published_keys_data import PUBLISHED

    try:
        raw = raw_ed25519(value)
    except Exception:  # noqa: BLE001 - what cannot be read as a key is not a published one
        return None
    return PUBLISHED.get(raw.hex()) if raw is not None else None


def refuse_published(value: Any, what: str, *, location: str | None = None) -> None:
    """Raise InputError (exit 2) when `value` is a key whose private half casegate publishes,
    unless published keys may count (`CASEGATE_DEMO_KEYS=1`), in which case say on stderr, once
    per process, that what is made or checked is not a release. `what` names the key's part
    (e.g. "the keyring's key 38a0... of Sam Whitfield (rso)")."""
    refuse_all([(value, what)], location=location)


def refuse_all(keys: list[tuple[Any, str]], *, location: str | None = None) -> None:
    """`refuse_published` for several keys (value, what) at once: one error naming every published
    one among them, so a lab learns in one go all it must replace."""
    refuse_found([(what, where) for value, what in keys if (where := published(value)) is not None],
                 location=location)


def refuse_found(found: list[tuple[str, str]], *, location: Any = None) -> None:
    """`refuse_all` for keys already found published: (what, the file publishing its private half)."""
    if not found:
        return
    if demo_keys():
        note_demo(f"{found[0][0]} is the example key published in {found[0][1]}")
        return
    listed = "; ".join(f"{what} (its private half is published in {where})" for what, where in found)
    raise InputError(
        (f"{listed}: one of casegate's published example keys" if len(found) == 1 else
         f"{len(found)} of casegate's published example keys: {listed}")
        + ", so anyone can sign as it: it never counts toward a release", location=location,
        help="take it out, generate a key of your own with `casegate keys generate PATH` (its holder keeps "
             "the private half) and trust its .pub instead (`casegate keys add`, `casegate trust init "
             f"--root-key`); for a demonstration only, set {DEMO_KEYS_ENV}=1")


def any_published(values: Any) -> bool:
    """Whether any of the keys `values` (any form `raw_ed25519` reads) is a published one."""
    return any(published(v) is not None for v in values)


def new_command() -> None:
    """A new command starts (the command line's entry point): it says "not a release" again."""
    _NOTED.clear()


def note_demo(detail: str) -> None:
    """Say on stderr (once per process) that published example keys count here: not a release."""
    if NOT_A_RELEASE in _NOTED:
        return
    _NOTED.add(NOT_A_RELEASE)
    sys.stderr.write(f"note: {NOT_A_RELEASE} ({detail}; {DEMO_KEYS_ENV}=1)\n")


if __name__ == "__main__":  # python -m casegate._published_keys [--write]
    from casegate._published_keys_write import main

    main()
