"""Signed checkpoints: C2SP tlog-checkpoint bodies in C2SP signed-note envelopes, Ed25519.

A checkpoint commits to the log's size and root hash:

    <origin>
    <tree size>
    <base64 root hash>
    <optional extension lines>

    — <key name> <base64(4-byte key id || signature)>
    — <witness name> <base64(4-byte key id || 8-byte timestamp || signature)>

The key id of an Ed25519 note key is the first 4 bytes of SHA-256(name || "\\n" || 0x01 ||
public key). Witness cosignatures (C2SP tlog-cosignature, key type 0x04) are parsed and kept;
`verify_cosignature` checks one against a witness key when the caller has it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .._published_keys import refuse_published
from .._weak_keys import WEAK_HELP, ed25519_weakness, refuse_weak
from ..errors import InputError, VerificationError

DASH = "\u2014"
ED25519 = 0x01
COSIGNATURE_V1 = 0x04
_VERIFIER = re.compile(r"^[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*\Z")
PASSPHRASE_ENV = "CASEGATE_KEY_PASSPHRASE"
"""Environment variable holding the passphrase of an encrypted PEM key."""


def key_id(name: str, public_key: bytes, key_type: int = ED25519) -> bytes:
    """The 4-byte note key id: SHA-256(name || "\\n" || type || public key)[:4]."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([key_type]) + public_key).digest()[:4]


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def verifier_key(name: str, key: Ed25519PublicKey, key_type: int = ED25519) -> str:
    """The note verifier key string `<name>+<hex key id>+<base64(type || public key)>`: type
    0x01 for a signer of checkpoints, 0x04 (`COSIGNATURE_V1`) for a witness's cosignatures."""
    pub = raw_public(key)
    return f"{name}+{key_id(name, pub, key_type).hex()}+{base64.b64encode(bytes([key_type]) + pub).decode()}"


def parse_verifier_key(vkey: str) -> tuple[str, int, Ed25519PublicKey]:
    """(name, key type, public key) of a note verifier key of type 0x01 (Ed25519 signer) or
    0x04 (Ed25519 cosigner); InputError saying what is wrong otherwise."""
    s = vkey.strip()
    if not _VERIFIER.match(s):
        raise InputError(f"{vkey!r} is not a note verifier key (NAME+KEYID+BASE64)")
    name, kid, b64 = s.split("+", 2)
    try:
        raw = base64.b64decode(b64, validate=True)
    except binascii.Error:
        raw = b""
    if len(raw) != 33 or raw[0] not in (ED25519, COSIGNATURE_V1):
        raise InputError(f"{vkey!r} is not an Ed25519 note verifier key (type 0x01 or 0x04)")
    if key_id(name, raw[1:], raw[0]).hex() != kid:
        raise InputError(f"{vkey!r}: the key id does not match the key")
    refuse_weak(raw[1:], f"the note verifier key {name}+{kid}")
    return name, raw[0], Ed25519PublicKey.from_public_bytes(raw[1:])


@dataclass(frozen=True)
class NoteSignature:
    """One signature line of a signed note."""

    name: str
    key_id: bytes
    signature: bytes
    """Everything after the key id: 64 bytes for Ed25519, timestamp + 64 for a cosignature."""

    @property
    def is_cosignature(self) -> bool:
        return len(self.signature) == 8 + 64

    @property
    def timestamp(self) -> int | None:
        return struct.unpack(">Q", self.signature[:8])[0] if self.is_cosignature else None

    def line(self) -> str:
        return f"{DASH} {self.name} {base64.b64encode(self.key_id + self.signature).decode()}"


@dataclass(frozen=True)
class Checkpoint:
    """A parsed checkpoint note."""

    origin: str
    tree_size: int
    root: bytes
    extensions: tuple[str, ...]
    signatures: tuple[NoteSignature, ...]

    @property
    def body(self) -> str:
        return checkpoint_body(self.origin, self.tree_size, self.root, self.extensions)

    def text(self) -> str:
        return self.body + "\n" + "".join(s.line() + "\n" for s in self.signatures)

    def verify(self, key: Ed25519PublicKey, name: str | None = None) -> None:
        """Raise VerificationError unless a signature line by `key` (named `name`, default any
        name whose key id matches) signs the body."""
        pub = raw_public(key)
        weak = ed25519_weakness(pub)
        if weak is not None:  # signatures verify under it without any private key (`casegate._weak_keys`)
            raise VerificationError(f"the log key {weak}: no checkpoint verifies under it",
                                    help=WEAK_HELP)
        body = self.body.encode()
        matched = False
        for s in self.signatures:
            if s.is_cosignature or (name is not None and s.name != name):
                continue
            if s.key_id != key_id(s.name, pub):
                continue
            matched = True
            try:
                key.verify(s.signature, body)
                return
            except InvalidSignature:
                continue
        if matched:
            raise VerificationError("the checkpoint's signature does not verify with the given key: "
                                    "the checkpoint was altered or signed by someone else")
        raise VerificationError("the checkpoint carries no signature by the given key",
                                help="check that you passed the log's public key")

    def with_signature(self, sig: NoteSignature) -> Checkpoint:
        """The same checkpoint with one more signature line (e.g. a witness cosignature)."""
        if sig in self.signatures:
            return self
        return Checkpoint(self.origin, self.tree_size, self.root, self.extensions, self.signatures + (sig,))


def checkpoint_body(origin: str, tree_size: int, root: bytes, extensions: tuple[str, ...] = ()) -> str:
    return "".join(line + "\n" for line in (origin, str(tree_size), base64.b64encode(root).decode(), *extensions))


TIME_EXTENSION = "casegate-time "
"""Prefix of the extension line carrying when the log signed the checkpoint (Unix seconds)."""


def checkpoint_time(cp: Checkpoint) -> int | None:
    """When the log signed the checkpoint (Unix seconds, from its signed body), or None."""
    for line in cp.extensions:
        if line.startswith(TIME_EXTENSION) and line[len(TIME_EXTENSION):].isdigit():
            return int(line[len(TIME_EXTENSION):])
    return None


KEYRING_CHANGES_EXTENSION = "casegate-keyring-changes "
"""Prefix of the extension line carrying how many `keyring-change` entries the checkpoint's tree
holds. A state proof carries the keyring changes logged before the case's first entry in a list
of its own; this count, signed with the root, shows whether one was left out."""


def checkpoint_keyring_changes(cp: Checkpoint) -> int | None:
    """How many keyring changes the checkpoint's tree holds (from its signed body), or None for
    a checkpoint signed before checkpoints said so."""
    for line in cp.extensions:
        if line.startswith(KEYRING_CHANGES_EXTENSION) and line[len(KEYRING_CHANGES_EXTENSION):].isdigit():
            return int(line[len(KEYRING_CHANGES_EXTENSION):])
    return None


TRUST_ROOT_EXTENSION = "casegate-trust-root "
"""Prefix of the extension line naming the newest trust root version the checkpoint's tree records
(a `trust-root` entry): `casegate-trust-root 3 sha256:...`, or `casegate-trust-root none`. A state
proof carries the log's entries from its case's first on; this line, signed with the root, shows a
root version recorded before then too (`verify` refuses a root older than it)."""

TRUST_ROOT_ENTRY = "trust-root"
"""The log entry kind a trust root version is recorded as (`casegate trust init`, `trust rotate`)."""


def newer_trust_root(newest: tuple[int, str] | None, payload: object) -> tuple[int, str] | None:
    """`newest` with the `trust-root` entry `payload` folded in: the first entry of the highest
    integer version (with its digest) is the newest; anything else leaves `newest` as it is. The
    registry counts it so when it signs a checkpoint, and a log monitor when it checks one."""
    if not isinstance(payload, dict):
        return newest
    n, digest = payload.get("version"), payload.get("digest")
    if type(n) is int and isinstance(digest, str) and (newest is None or n > newest[0]):
        return n, digest
    return newest


def trust_root_line(newest: tuple[int, str] | None) -> str:
    """The `TRUST_ROOT_EXTENSION` line for the newest recorded root version (None: none)."""
    return f"{TRUST_ROOT_EXTENSION}{'none' if newest is None else f'{newest[0]} {newest[1]}'}"


def checkpoint_trust_root(cp: Checkpoint) -> tuple[int, str] | None | bool:
    """The newest trust root version (and digest) the checkpoint's tree records, from its signed
    body; None when it records none; False for a checkpoint signed before checkpoints said so
    (or whose line cannot be read)."""
    for line in cp.extensions:
        if not line.startswith(TRUST_ROOT_EXTENSION):
            continue
        rest = line[len(TRUST_ROOT_EXTENSION):]
        if rest == "none":
            return None
        n, _, digest = rest.partition(" ")
        if n.isdigit() and digest.startswith("sha256:"):
            return int(n), digest
        return False
    return False


def check_trust_root_line(cp: Checkpoint, newest: tuple[int, str] | None, *, line_before: bool,
                          help: str) -> None:
    """Raise VerificationError unless the checkpoint's signed `casegate-trust-root` line names
    `newest`, the newest trust root entry of the tree it covers (folded with `newer_trust_root` from
    its entries): a state proof judged under it takes that line for the root versions recorded
    before its case's first entry, so a wrong one lets a replaced root pass. A checkpoint without
    the line passes only while no checkpoint checked before it (`line_before`) carried one (a log key
    leaving the line out would otherwise pass); two lines, or one that cannot be read, are refused.
    `casegate log verify` checks the stored checkpoints with it, a log monitor the ones it follows."""
    lines = [line for line in cp.extensions if line.startswith(TRUST_ROOT_EXTENSION)]
    if not lines:
        if line_before:
            raise VerificationError(f"the checkpoint of size {cp.tree_size} carries no trust root line, though the "
                                    f"checkpoint checked before it did: the log left it out", help=help)
        return
    named = checkpoint_trust_root(cp)
    if isinstance(named, bool) or len(lines) > 1:
        raise VerificationError(f"the checkpoint of size {cp.tree_size} carries a trust root line that cannot be "
                                f"read ({'; '.join(repr(x) for x in lines)}): the log signed a malformed one",
                                help=help)
    if named != newest:
        def said(r: tuple[int, str] | None) -> str:
            return "no trust root version" if r is None else f"trust root version {r[0]} ({r[1]})"

        raise VerificationError(f"the checkpoint of size {cp.tree_size} says the newest trust root its tree records "
                                f"is {said(named)}, but its entries' newest is {said(newest)}: the log "
                                "signed a wrong trust root line", help=help)


FRESH_PREFIX = "casegate-fresh "
"""First line of the note a review board signs, with the log key, over a state proof it serves
for a verifier's nonce: `casegate-fresh ORIGIN`, then the proof checkpoint's size and root and the
case and nonce lines. Its first line is no log's origin, so it is never taken for a checkpoint."""

_NONCE_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_")


def good_nonce(nonce: str) -> bool:
    """A nonce a verifier may send: 16 to 128 letters, digits, '-' or '_'."""
    return 16 <= len(nonce) <= 128 and set(nonce) <= _NONCE_CHARS


def sign_fresh(cp: Checkpoint, case_id: str, nonce: str, key: Ed25519PrivateKey) -> str:
    """The note binding the verifier's `nonce` to the state proof of `case_id` under checkpoint
    `cp`, signed by the log key under the log's note key name (its origin): an answer recorded
    earlier and replayed carries another verifier's nonce, or another checkpoint."""
    if not good_nonce(nonce):
        raise InputError("a nonce is 16 to 128 letters, digits, '-' or '_'")
    if not case_id or any(c.isspace() for c in case_id):
        raise InputError(f"case id {case_id!r} cannot be signed into a fresh answer")
    return sign_checkpoint(FRESH_PREFIX + cp.origin, cp.tree_size, cp.root, key, name=cp.origin,
                           extensions=(f"casegate-case {case_id}", f"casegate-nonce {nonce}")).text()


def fresh_problem(text: object, key: Ed25519PublicKey, cp: Checkpoint, case_id: str, nonce: str) -> str | None:
    """Why `text` is not the log key's signature binding `nonce` to the state proof of `case_id`
    under `cp` (see `sign_fresh`), or None when it is."""
    why = ("the review board did not sign the nonce this verifier sent with its request into the state "
           "proof it returned")
    if not isinstance(text, str):
        return (f"{why}: the answer carries no fresh signature (an answer recorded earlier and replayed, or a "
                "board that signs none: `casegate serve --log-key`)")
    try:
        note = parse_checkpoint(text)
        note.verify(key, name=cp.origin)
    except VerificationError as e:
        return f"{why}: its fresh signature does not verify with the log key the trust root pins ({e.message})"
    if (note.origin, note.tree_size, note.root) != (FRESH_PREFIX + cp.origin, cp.tree_size, cp.root):
        return f"{why}: its fresh signature is for another checkpoint than the proof's (an answer put together)"
    if note.extensions != (f"casegate-case {case_id}", f"casegate-nonce {nonce}"):
        return (f"{why}: its fresh signature names another case or nonce ({'; '.join(note.extensions)[:200]}): "
                "an answer recorded earlier and replayed")
    return None


def sign_checkpoint(origin: str, tree_size: int, root: bytes, key: Ed25519PrivateKey,
                    name: str | None = None, extensions: tuple[str, ...] = ()) -> Checkpoint:
    """A checkpoint for (origin, size, root), signed by `key` under note key `name` (default:
    the origin), with optional extension lines in its signed body."""
    if not origin or "\n" in origin:
        raise InputError("a checkpoint origin must be one non-empty line")
    name = name or origin
    if any(c.isspace() for c in name) or "+" in name:
        raise InputError(f"note key name {name!r} may not contain spaces or '+'")
    if any(not e or "\n" in e for e in extensions):
        raise InputError("a checkpoint extension must be one non-empty line")
    body = checkpoint_body(origin, tree_size, root, extensions).encode()
    pub = raw_public(key.public_key())
    sig = NoteSignature(name, key_id(name, pub), key.sign(body))
    return Checkpoint(origin, tree_size, root, tuple(extensions), (sig,))


def parse_checkpoint(text: str) -> Checkpoint:
    """Parse a checkpoint note; raises VerificationError naming what is malformed."""
    if "\n\n" not in text:
        raise VerificationError("not a signed note: no blank line between the checkpoint and its signatures")
    body, sigs = text.split("\n\n", 1)
    lines = body.split("\n")
    if len(lines) < 3:
        raise VerificationError("a checkpoint needs an origin, a tree size and a root hash line")
    origin, size_s, root_s, *ext = lines
    if not size_s.isdigit() or (size_s != "0" and size_s.startswith("0")):
        raise VerificationError(f"checkpoint tree size {size_s!r} is not a decimal number")
    try:
        root = base64.b64decode(root_s, validate=True)
    except binascii.Error:
        raise VerificationError("checkpoint root hash is not base64") from None
    if len(root) != 32:
        raise VerificationError("checkpoint root hash is not 32 bytes")
    out: list[NoteSignature] = []
    for line in sigs.split("\n"):
        if not line:
            continue
        parts = line.split(" ")
        if len(parts) != 3 or parts[0] != DASH:
            raise VerificationError(f"malformed signature line {line!r}")
        try:
            raw = base64.b64decode(parts[2], validate=True)
        except binascii.Error:
            raise VerificationError(f"signature line for {parts[1]!r} is not base64") from None
        if len(raw) < 5:
            raise VerificationError(f"signature line for {parts[1]!r} is too short")
        out.append(NoteSignature(parts[1], raw[:4], raw[4:]))
    if not out:
        raise VerificationError("the checkpoint carries no signature")
    return Checkpoint(origin, int(size_s), root, tuple(ext), tuple(out))


def cosign_checkpoint(cp: Checkpoint, key: Ed25519PrivateKey, name: str, timestamp: int) -> NoteSignature:
    """A C2SP tlog-cosignature/v1 line over `cp` (what a witness adds)."""
    msg = f"cosignature/v1\ntime {timestamp}\n".encode() + cp.body.encode()
    pub = raw_public(key.public_key())
    return NoteSignature(name, key_id(name, pub, COSIGNATURE_V1), struct.pack(">Q", timestamp) + key.sign(msg))


def verify_cosignature(cp: Checkpoint, key: Ed25519PublicKey, name: str) -> int:
    """Check a witness cosignature on `cp`; returns its timestamp or raises VerificationError."""
    pub = raw_public(key)
    weak = ed25519_weakness(pub)
    if weak is not None:
        raise VerificationError(f"witness {name}'s key {weak}: no cosignature verifies under it", help=WEAK_HELP)
    kid = key_id(name, pub, COSIGNATURE_V1)
    for s in cp.signatures:
        if s.name == name and s.key_id == kid and s.is_cosignature:
            ts = s.timestamp or 0
            msg = f"cosignature/v1\ntime {ts}\n".encode() + cp.body.encode()
            try:
                key.verify(s.signature[8:], msg)
            except InvalidSignature:
                raise VerificationError(f"witness {name}'s cosignature does not verify") from None
            return ts
    raise VerificationError(f"the checkpoint carries no cosignature by witness {name}")


# --- keys -------------------------------------------------------------------------------------


def load_private_key(path: str | Path) -> Ed25519PrivateKey:
    """An Ed25519 private key from a PEM (PKCS#8) file, or InputError saying what is wrong."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read the key file: {e.strerror}", location=str(p),
                         help="give the path of a PEM Ed25519 private key (`casegate keys generate` writes one)") from None
    import os

    passphrase = os.environ.get(PASSPHRASE_ENV)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        if not passphrase:
            raise InputError("the key is encrypted and no passphrase was given", location=str(p),
                             help=f"set {PASSPHRASE_ENV} to its passphrase") from None
        try:
            key = serialization.load_pem_private_key(data, password=passphrase.encode())
        except (ValueError, TypeError):
            raise InputError(f"cannot decrypt the key with ${PASSPHRASE_ENV}", location=str(p)) from None
    except ValueError as e:
        raise InputError(f"not a PEM private key ({e})", location=str(p)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError("the key is not an Ed25519 key", location=str(p),
                         help="checkpoints are signed with Ed25519 keys")
    # a log or witness key whose private half casegate publishes lets anyone sign checkpoints as it
    refuse_published(key, "the key", location=str(p))
    return key


def load_public_key(source: str | Path | bytes | Ed25519PublicKey | Ed25519PrivateKey) -> Ed25519PublicKey:
    """An Ed25519 public key from a key object, 32 raw bytes, a note verifier key string (of a
    signer or a cosigner), or a PEM file holding a public or a private key."""
    if isinstance(source, Ed25519PublicKey):
        return source
    if isinstance(source, Ed25519PrivateKey):
        return source.public_key()
    if isinstance(source, bytes):
        if len(source) != 32:
            raise InputError("a raw Ed25519 public key is 32 bytes")
        refuse_weak(source, "the raw Ed25519 public key " + source.hex())
        return Ed25519PublicKey.from_public_bytes(source)
    s = str(source)
    if _VERIFIER.match(s) and not Path(s).exists():
        return parse_verifier_key(s)[2]
    p = Path(s)
    from ..limits import read_regular_file

    data = read_regular_file(p, s)
    if b"PRIVATE KEY" in data:
        return load_private_key(p).public_key()
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError as e:
        raise InputError(f"not a PEM public key ({e})", location=s) from None
    if not isinstance(key, Ed25519PublicKey):
        raise InputError("the key is not an Ed25519 key", location=s)
    refuse_weak(key, "the public key", location=s)
    return key


def generate_key(path: str | Path) -> Ed25519PrivateKey:
    """Write a new Ed25519 private key (PEM, PKCS#8, mode 0600) and its public key beside it
    (`<path>.pub`, PEM)."""
    p = Path(path)
    if p.exists():
        raise InputError("a key file already exists here; refusing to overwrite it", location=str(p))
    key = Ed25519PrivateKey.generate()
    p.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    import os

    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    Path(str(p) + ".pub").write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return key


def checkpoint_order_problem(earlier: tuple[int, bytes], later: tuple[int, bytes]) -> str | None:
    """Why a checkpoint (tree size, root) issued or seen after `earlier` cannot be of the same
    append-only log: a smaller tree (the log was rolled back), or another root at the same size
    (the log shows two histories). None when they are in order; a larger tree must still be
    proven to extend the earlier one (an RFC 9162 consistency proof)."""
    (m, old_root), (n, new_root) = earlier, later
    if n < m:
        return f"it covers {n} entries, fewer than the {m} of the earlier one: the log was rolled back"
    if n == m and new_root != old_root:
        return f"both cover {n} entries but their roots differ: the log shows two histories"
    return None
