"""The witness side of the C2SP tlog-witness protocol: `add-checkpoint`.

A request body is an `old <size>` line, up to 63 base64 consistency proof lines, an empty line,
and a checkpoint (a signed note). The witness cosigns the checkpoint only when

1. it knows the checkpoint's origin (else 404) and one of the signatures verifies with a key it
   trusts for that origin (else 403; signatures by unknown keys are ignored);
2. the old size is not above the checkpoint's size (else 400) and equals the size of the latest
   checkpoint it cosigned for the origin, 0 if none (else 409, answering its size);
3. the RFC 9162 consistency proof leads from the root it cosigned to the new root (else 422);
   at equal sizes the roots must be equal (else 409).

Then it records the checkpoint as the latest one for the origin, durably, and answers with a
tlog-cosignature/v1 line (Ed25519, timestamped). The check and the update happen under one
lock. A witness shown a second history (a root for a size that does not extend the one it
cosigned) never cosigns it, and keeps the request as evidence.
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..errors import CasegateError, InputError, VerificationError
from ..store import (
    COSIGNATURE_V1,
    ED25519,
    Checkpoint,
    cosign_checkpoint,
    parse_checkpoint,
    verifier_key,
    verify_consistency,
)
from ..store import parse_verifier_key as _parse_vkey
from ._state import WitnessState

MAX_PROOF_LINES = 63
MAX_REQUEST_BYTES = 64 * 1024
"""A request is a checkpoint and at most 63 hashes: far below this."""
SIZE_CONTENT_TYPE = "text/x.tlog.size"
"""The content type of a 409 answer, whose body is the witness's latest cosigned size."""


class WitnessRefusal(CasegateError):
    """The witness will not cosign: `status` is the protocol's HTTP status; `size` is the size it
    last cosigned (a 409 answers with it)."""

    exit_code = 1

    def __init__(self, status: int, message: str, *, size: int | None = None):
        super().__init__(message)
        self.status = status
        self.size = size


@dataclass(frozen=True)
class AddCheckpoint:
    """A parsed `add-checkpoint` request."""

    old_size: int
    proof: tuple[bytes, ...]
    checkpoint: Checkpoint
    note: str
    """The checkpoint's signed note text, as sent."""


def parse_request(body: bytes) -> AddCheckpoint:
    """Parse an `add-checkpoint` body; WitnessRefusal(400) naming what is malformed."""
    if len(body) > MAX_REQUEST_BYTES:
        raise WitnessRefusal(400, f"the request is larger than {MAX_REQUEST_BYTES} bytes")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise WitnessRefusal(400, "the request is not UTF-8") from None
    head, sep, note = text.partition("\n\n")
    if not sep:
        raise WitnessRefusal(400, "the request has no empty line between the old size and proof and the checkpoint")
    lines = head.split("\n")
    first = lines[0]
    size_s = first[4:] if first.startswith("old ") else ""
    if not size_s.isdigit() or (size_s != "0" and size_s.startswith("0")) or not size_s.isascii():
        raise WitnessRefusal(400, f"the first line must be 'old <size>' in decimal, not {first[:40]!r}")
    if len(lines) - 1 > MAX_PROOF_LINES:
        raise WitnessRefusal(400, f"the consistency proof has {len(lines) - 1} lines; at most {MAX_PROOF_LINES}")
    proof = []
    for i, line in enumerate(lines[1:], 2):
        try:
            h = base64.b64decode(line, validate=True)
        except binascii.Error:
            h = b""
        if len(h) != 32:
            raise WitnessRefusal(400, f"line {i} of the request is not a base64 SHA-256 hash")
        proof.append(h)
    try:
        cp = parse_checkpoint(note)
    except VerificationError as e:
        raise WitnessRefusal(400, f"the checkpoint cannot be read: {e.message}") from None
    return AddCheckpoint(int(size_s), tuple(proof), cp, note)


def request_body(old_size: int, proof: Sequence[bytes], note: str) -> bytes:
    """The `add-checkpoint` body for a checkpoint note and a proof from `old_size`."""
    lines = [f"old {old_size}"] + [base64.b64encode(h).decode() for h in proof]
    return ("\n".join(lines) + "\n\n" + note).encode()


@dataclass(frozen=True)
class TrustedLog:
    """A log the witness follows: its origin and the key(s) its checkpoints must be signed with."""

    origin: str
    keys: tuple[tuple[str, Ed25519PublicKey], ...]
    """(note key name, public key) pairs."""


def trusted_log(vkey: str, origin: str | None = None) -> TrustedLog:
    """A log from its note verifier key; its origin is the key's name unless given."""
    name, ktype, key = _parse_vkey(vkey)
    if ktype != ED25519:
        raise InputError(f"{vkey!r} is a cosigner key, not a log's checkpoint key")
    return TrustedLog(origin or name, ((name, key),))


class Witness:
    """A witness: its name and key, the logs it follows, and its state file."""

    def __init__(self, name: str, key: Ed25519PrivateKey, logs: Sequence[TrustedLog], state: WitnessState):
        if not name or any(c.isspace() for c in name) or "+" in name:
            raise InputError(f"witness name {name!r} must be one word without '+'",
                             help="use a schema-less URL, e.g. witness.example.org/w1")
        self.name = name
        self.key = key
        self.state = state
        self.logs: dict[str, TrustedLog] = {}
        for lg in logs:
            if lg.origin in self.logs:
                prev = self.logs[lg.origin]
                self.logs[lg.origin] = TrustedLog(lg.origin, prev.keys + lg.keys)
            else:
                self.logs[lg.origin] = lg

    @property
    def vkey(self) -> str:
        """The witness's cosigner verifier key (type 0x04)."""
        return verifier_key(self.name, self.key.public_key(), COSIGNATURE_V1)

    def add_checkpoint(self, body: bytes, *, now: int | None = None) -> str:
        """Check a submission and cosign it: returns the cosignature line(s) (with newline), or
        raises WitnessRefusal with the protocol's status."""
        req = parse_request(body)
        cp = req.checkpoint
        log = self.logs.get(cp.origin)
        if log is None:
            raise WitnessRefusal(404, f"this witness does not follow log {cp.origin!r}")
        if not any(_signed_by(cp, name, key) for name, key in log.keys):
            raise WitnessRefusal(403, f"no signature on the checkpoint verifies with a key this witness "
                                      f"trusts for log {cp.origin!r}")
        if req.old_size > cp.tree_size:
            raise WitnessRefusal(400, f"old size {req.old_size} is larger than the checkpoint's size {cp.tree_size}")
        with self.state.locked() as doc:
            at = int(time.time()) if now is None else now
            known = self.state.log(cp.origin, doc)
            size = known.size if known is not None else 0
            if req.old_size != size:
                raise WitnessRefusal(409, f"this witness last cosigned log {cp.origin!r} at size {size}, "
                                          f"not {req.old_size}", size=size)
            if known is not None and known.size == cp.tree_size:
                if known.root != cp.root:
                    reason = (f"two different roots for size {cp.tree_size}: the log shows another history "
                              "than the one this witness cosigned")
                    self.state.record_conflict(doc, cp.origin, reason, body.decode(), at)
                    raise WitnessRefusal(409, reason, size=size)
            elif known is not None:
                try:
                    verify_consistency(known.size, cp.tree_size, known.root, cp.root, req.proof)
                except VerificationError as e:
                    reason = (f"the checkpoint of size {cp.tree_size} is not consistent with the one this witness "
                              f"cosigned at size {known.size}: {e.message}")
                    self.state.record_conflict(doc, cp.origin, reason, body.decode(), at)
                    raise WitnessRefusal(422, reason) from None
            elif req.proof:
                raise WitnessRefusal(422, "a consistency proof from size 0 must be empty")
            sig = cosign_checkpoint(cp, self.key, self.name, at)
            self.state.record(doc, cp.origin, cp.tree_size, cp.root, Checkpoint(
                cp.origin, cp.tree_size, cp.root, cp.extensions, cp.signatures + (sig,)).text(), at)
        return sig.line() + "\n"


def _signed_by(cp: Checkpoint, name: str, key: Ed25519PublicKey) -> bool:
    try:
        cp.verify(key, name)
    except VerificationError:
        return False
    return True
