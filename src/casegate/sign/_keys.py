"""Signing keys: Ed25519 key generation, the pinned key id derivation, and loading a signer.

Key ids are derived, never trusted from a file: keyid = lowercase hex SHA-256 of the public
key's DER-encoded SubjectPublicKeyInfo (what `openssl pkey -pubin -outform DER | sha256sum`
prints). securesystemslib's own default key id is a different derivation, so every key casegate
hands to securesystemslib carries this id explicitly.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes, PublicKeyTypes
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)
from securesystemslib.signer import CryptoSigner, Signer, SSlibKey  # type: ignore[attr-defined]

from .._published_keys import refuse_published
from .._record import FrozenRecord
from .._weak_keys import refuse_weak
from ..errors import InputError

PASSPHRASE_ENV = "CASEGATE_KEY_PASSPHRASE"
"""Environment variable read for a private key's passphrase when no other is named."""


def key_id(public_key: PublicKeyTypes) -> str:
    """The casegate key id of a public key: hex SHA-256 of its DER SubjectPublicKeyInfo."""
    der = public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def sslib_key(public_key: PublicKeyTypes) -> SSlibKey:
    """The securesystemslib key for a public key, with the casegate key id pinned."""
    return SSlibKey.from_crypto(public_key, keyid=key_id(public_key))


def public_key_pem(public_key: PublicKeyTypes) -> str:
    """The public key as PEM SubjectPublicKeyInfo text."""
    return public_key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()


class GeneratedKey(FrozenRecord):
    """Where a new key pair was written, and its id."""

    _fields = ("keyid", "private_path", "public_path", "encrypted")
    keyid: str
    private_path: Path
    public_path: Path
    encrypted: bool

    def __init__(self, keyid: str, private_path: Path, public_path: Path, encrypted: bool) -> None:
        object.__setattr__(self, "keyid", keyid)
        object.__setattr__(self, "private_path", private_path)
        object.__setattr__(self, "public_path", public_path)
        object.__setattr__(self, "encrypted", encrypted)


def generate_key(private_path: Path, *, passphrase: str | None = None, force: bool = False) -> GeneratedKey:
    """Generate an Ed25519 key pair.

    Writes the private key as PKCS#8 PEM (encrypted with the best available scheme when a
    passphrase is given) with mode 0600, created exclusively so an existing key is never
    overwritten unless `force`; writes the public key beside it as `<path>.pub`.
    """
    private_path = Path(private_path)
    public_path = private_path.with_name(private_path.name + ".pub")
    priv = Ed25519PrivateKey.generate()
    enc = BestAvailableEncryption(passphrase.encode()) if passphrase else NoEncryption()
    pem = priv.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, enc)
    private_path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        fd = os.open(private_path, flags, 0o600)
    except FileExistsError:
        raise InputError("a key file already exists here", location=str(private_path),
                         help="choose another path, or pass --force to replace it") from None
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    os.chmod(private_path, 0o600)  # also when replacing a file that had looser bits
    public_path.write_text(public_key_pem(priv.public_key()))
    return GeneratedKey(key_id(priv.public_key()), private_path, public_path, bool(passphrase))


def load_public_key(path: Path) -> PublicKeyTypes:
    """Read a PEM public key file (`.pub` as written by `generate_key`)."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"cannot read the public key: {e.strerror}", location=str(path)) from None
    try:
        key = load_pem_public_key(data)
    except ValueError:
        raise InputError("not a PEM public key", location=str(path),
                         help="give the .pub file written by `casegate keys generate`") from None
    # a key of small order lets anyone sign as its holder (`casegate._weak_keys`)
    refuse_weak(key, f"the public key {key_id(key)}", location=str(path))
    return key


def _passphrase(path: Path, env: str | None) -> bytes:
    name = env or PASSPHRASE_ENV
    value = os.environ.get(name)
    if value is not None:
        return value.encode()
    if sys.stdin.isatty():
        import getpass  # only to prompt for a passphrase (it imports termios)

        return getpass.getpass(f"passphrase for {path}: ").encode()
    raise InputError("the private key is passphrase-protected and no passphrase was given",
                     location=str(path),
                     help=f"set ${name} or run in a terminal to be prompted")


def load_private_key(path: Path, *, passphrase_env: str | None = None) -> PrivateKeyTypes:
    """Read a PEM private key, asking for its passphrase (env var, else a prompt) when encrypted."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read the private key: {e.strerror}", location=str(path)) from None
    mode = path.stat().st_mode & 0o077
    if mode:
        raise InputError("the private key file can be read by other users", location=str(path),
                         help=f"chmod 600 {path}")
    try:
        return load_pem_private_key(data, password=None)
    except TypeError:  # encrypted: needs a passphrase
        pass
    except ValueError:
        raise InputError("not a PEM private key", location=str(path),
                         help="give the key file written by `casegate keys generate`") from None
    try:
        return load_pem_private_key(data, password=_passphrase(path, passphrase_env))
    except ValueError:
        raise InputError("wrong passphrase for the private key", location=str(path)) from None


def load_signer(key: str, *, public_key: SSlibKey | None = None,
                passphrase_env: str | None = None) -> Signer:
    """A securesystemslib Signer for `key`: a PEM private key file path, or a securesystemslib
    private key URI (e.g. a KMS or HSM key), whose public key must then be given.

    The signer's key id is always the casegate derivation.
    """
    scheme, sep, _ = key.partition(":")
    if sep and len(scheme) > 1 and not Path(key).exists():
        if public_key is None:
            raise InputError(f"the key {key!r} is a signer URI: its public key must be in the keyring",
                             help="name the key's id with --keyid")
        try:
            return Signer.from_priv_key_uri(key, public_key)
        except ValueError as e:
            raise InputError(f"cannot use the signer {key!r}: {e}") from None
    priv = load_private_key(Path(key), passphrase_env=passphrase_env)
    refuse_published(priv, "the signing key", location=key)
    pub = sslib_key(priv.public_key())
    if public_key is not None and public_key.keyid != pub.keyid:
        raise InputError("the private key does not match the public key named", location=key)
    try:
        return CryptoSigner(priv, pub)
    except ValueError as e:
        raise InputError(f"unsupported key: {e}", location=key) from None
