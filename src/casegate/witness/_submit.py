"""The log side of the C2SP tlog-witness protocol: submit a checkpoint with a consistency proof
from each witness's last cosigned size, and keep the cosignatures that verify with the witness's
key.

A log does not need to remember each witness's size: it asks with the size it last knew (0 at
first), and a 409 answer tells it the witness's size, from which it proves consistency and asks
again (once). A witness that answers with a size larger than the checkpoint's has seen a larger
tree: the log cannot prove anything to it, and the failure is reported as such.
"""

from __future__ import annotations

import http.client
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..errors import InputError, VerificationError
from ..store import (
    COSIGNATURE_V1,
    Checkpoint,
    NoteSignature,
    parse_checkpoint,
    parse_verifier_key,
    verify_cosignature,
)
from ._witness import SIZE_CONTENT_TYPE, request_body

ProveFn = Callable[[int, int], Sequence[bytes]]
"""(old size, new size) -> the RFC 9162 consistency proof between them."""


@dataclass(frozen=True)
class WitnessEndpoint:
    """A witness the log asks: where it listens and the key its cosignatures must verify with."""

    url: str
    """The submission prefix (`<url>/add-checkpoint` is posted to)."""
    name: str
    key: Ed25519PublicKey

    @classmethod
    def parse(cls, spec: str) -> WitnessEndpoint:
        """From `VKEY=URL` (the witness's cosigner verifier key, then its URL)."""
        vkey, sep, url = spec.partition("=")
        if not sep or not url:
            raise InputError(f"--witness {spec!r} is not VKEY=URL",
                             help="give the witness's verifier key (`casegate witness vkey`), '=', and its URL")
        name, ktype, key = parse_verifier_key(vkey)
        if ktype != COSIGNATURE_V1:
            raise InputError(f"{vkey!r} is a checkpoint signer's key, not a witness's cosigner key (type 0x04)")
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"witness URL {url!r} is not an http(s) URL")
        return cls(url.rstrip("/"), name, key)


@dataclass
class WitnessResult:
    """What one witness answered."""

    witness: str
    url: str
    old_size: int
    """The size the last request proved from."""
    cosignature: NoteSignature | None = None
    status: int | None = None
    """The HTTP status of the last answer (None when the witness could not be reached)."""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.cosignature is not None

    def to_json(self) -> dict[str, Any]:
        return {"witness": self.witness, "url": self.url, "ok": self.ok, "old_size": self.old_size,
                "status": self.status, "error": self.error,
                "timestamp": self.cosignature.timestamp if self.cosignature else None}


def _post(url: str, body: bytes, timeout: float) -> tuple[int, str, str]:
    parts = urllib.parse.urlsplit(url + "/add-checkpoint")
    conn_cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = conn_cls(parts.hostname or "", parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("POST", path, body=body, headers={"Content-Type": "text/plain; charset=utf-8"})
        r = conn.getresponse()
        text = r.read(70_000).decode("utf-8", "replace")
        return r.status, r.getheader("Content-Type") or "", text
    finally:
        conn.close()


def submit_to_witness(cp: Checkpoint, note: str, w: WitnessEndpoint, prove: ProveFn, *, old_size: int = 0,
                      timeout: float = 10.0) -> WitnessResult:
    """Ask one witness to cosign; the cosignature is kept only if it verifies with `w.key`."""
    res = WitnessResult(w.name, w.url, old_size)
    for _attempt in range(2):
        old = res.old_size
        if old > cp.tree_size:
            res.error = (f"the witness has cosigned this log at size {old}, larger than this checkpoint's "
                         f"{cp.tree_size}: it has seen a larger tree (a newer checkpoint, or another history)")
            return res
        proof = [] if old in (0, cp.tree_size) else list(prove(old, cp.tree_size))
        try:
            status, ctype, text = _post(w.url, request_body(old, proof, note), timeout)
        except (OSError, http.client.HTTPException) as e:
            res.error = f"cannot reach the witness: {e}"
            return res
        res.status = status
        if status == 409 and ctype.split(";")[0].strip() == SIZE_CONTENT_TYPE:
            size_s = text.strip()
            if not size_s.isdigit():
                res.error = f"the witness answered 409 with a size that is not a number: {size_s[:40]!r}"
                return res
            if int(size_s) == old:  # same size, other root: it cosigned another history
                res.error = (f"the witness refuses: at size {old} it cosigned a different root "
                             "(the log has shown it another history)")
                return res
            res.old_size = int(size_s)
            continue
        if status != 200:
            res.error = f"the witness refuses ({status}): {text.strip()[:300]}"
            return res
        res.cosignature, res.error = _cosignature(cp, w, text)
        return res
    res.error = "the witness's size changed again while the log was proving consistency with it"
    return res


def _cosignature(cp: Checkpoint, w: WitnessEndpoint, text: str) -> tuple[NoteSignature | None, str | None]:
    try:
        got = parse_checkpoint(cp.body + "\n" + text)
    except VerificationError as e:
        return None, f"the witness's answer is not note signature lines: {e.message}"
    for sig in got.signatures:
        if sig.name != w.name:
            continue  # unknown keys are ignored
        one = Checkpoint(cp.origin, cp.tree_size, cp.root, cp.extensions, (sig,))
        try:
            verify_cosignature(one, w.key, w.name)
        except VerificationError:
            continue
        return sig, None
    return None, "the witness answered, but no cosignature in it verifies with its key"


def collect_cosignatures(note: str, witnesses: Sequence[WitnessEndpoint], prove: ProveFn, *,
                         sizes: Mapping[str, int] | None = None,
                         timeout: float = 10.0) -> tuple[Checkpoint, list[WitnessResult]]:
    """Submit the checkpoint `note` to every witness at once; returns the checkpoint with every
    cosignature that verifies added, and each witness's answer. `sizes` may give the size each
    witness (by URL) last cosigned, to spare a round trip."""
    cp = parse_checkpoint(note)
    if not witnesses:
        raise InputError("no witness to ask", help="pass --witness VKEY=URL (repeatable)")
    with ThreadPoolExecutor(max_workers=min(16, len(witnesses))) as pool:
        results = list(pool.map(lambda w: submit_to_witness(
            cp, note, w, prove, old_size=(sizes or {}).get(w.url, 0), timeout=timeout), witnesses))
    for r in results:
        if r.cosignature is not None:
            cp = cp.with_signature(r.cosignature)
    return cp, results
