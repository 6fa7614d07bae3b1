"""Revocations from the log, not from a keyring file alone.

`casegate keys revoke` logs every revocation (a `keyring-change` entry naming the key, the
kind and from when). A keyring file is a snapshot: the one a decision was made under predates
every revocation that came after it, and `verify` must check a decision against the keyring it
names. So a key revoked since (a compromise discovered after the decision) would still count if
revocations came only from that file. `verify` therefore applies every revocation the proven log
holds for a key of the keyring, whatever the file says (`casegate.sign.with_logged_revocations`,
which `triggers run` applies to telemetry keys too); and when the keyring it checks against
has been replaced in the trust root, it requires the logged keyring changes that lead from it to
the keyring the root now pins, failing closed when they are not there (a revocation among them
could have been left out)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..sign import with_logged_revocations

if TYPE_CHECKING:
    from ..store import LogEntry
    from ..trust import TrustRoot

__all__ = ["revocation_gaps", "root_rollback", "unlogged_root", "with_logged_revocations"]


def revocation_gaps(fingerprint: str, trust: TrustRoot, changes: Sequence[LogEntry]) -> list[str]:
    """Why the revocations made since the keyring `fingerprint` cannot be established: it is
    replaced in the trust root, and the logged keyring changes do not lead, unbroken, from it to
    the keyring the root now pins."""
    pin = next((k for k in trust.pins.keyrings if k.digest == fingerprint), None)
    current = next((k.digest for k in trust.pins.keyrings if k.until is None), None)
    if pin is None or pin.until is None or current is None or current == fingerprint:
        return []  # not pinned (reported elsewhere), or the current keyring: its own revocations
    cur = fingerprint
    for e in sorted(changes, key=lambda x: x.index):
        if e.kind == "keyring-change" and e.payload.get("fingerprint_before") == cur:
            cur = str(e.payload.get("fingerprint"))
            if cur == current:
                return []
    return [f"the keyring {fingerprint} was replaced on {pin.until} by {current} (trust root version "
            f"{trust.version}), and the state proof does not carry the logged keyring changes from one to "
            "the other: whether a key was revoked since cannot be established (make a fresh state proof "
            "from the registry that logged the changes)"]


def root_rollback(trust: TrustRoot, recorded: Sequence[LogEntry],
                  checkpoint_says: tuple[int, str] | None | bool = None) -> list[str]:
    """Why the trust root given is not the organisation's current one, by the root versions the
    proven log recorded (`casegate trust init` and `trust rotate` record each): the log records a
    newer version (an older root, still signed and unexpired, pins the keyrings and policies as
    they were before they were replaced, and a revocation made by replacing a keyring), or another
    root under the same version number (a fork). `checkpoint_says`: the newest version (and
    digest) the proof's checkpoint signs the log as recording, which covers versions recorded
    before the entries the proof carries (None: none recorded; False: the checkpoint does not
    say, and a root version recorded before them cannot be ruled out)."""
    out: list[str] = []
    newest: LogEntry | None = None
    for e in sorted(recorded, key=lambda x: x.index):
        n = e.payload.get("version")
        if type(n) is not int:
            continue
        if n == trust.version and e.payload.get("digest") != trust.digest():
            out.append(f"the log records trust root version {n} as {str(e.payload.get('digest'))[:80]} (log entry "
                       f"{e.index}), not the root {trust.digest()} held: a root under the same version number "
                       "that is not the one the organisation recorded is never trusted")
        if n > trust.version and (newest is None or n > newest.payload["version"]):
            newest = e
    if newest is not None:
        out.insert(0, f"the log records trust root version {newest.payload['version']} (log entry {newest.index}), "
                      f"newer than version {trust.version} held: a replaced root still pins the keyrings and "
                      "policies its successors replaced (verify with the current root chain, e.g. the directory "
                      "`casegate trust rotate` writes)")
    # what the checkpoint signs covers versions recorded before the proof's entries: said when
    # those entries do not already say it (naming the log entry)
    if checkpoint_says is False:
        out.append("the state proof's checkpoint does not say which trust root version the log records as the "
                   "newest (it was signed by an older casegate), and the proof's entries start after the log's "
                   "first: a newer root version recorded before them cannot be ruled out (make a new checkpoint "
                   "and state proof)")
    elif isinstance(checkpoint_says, tuple) and not out:
        n, digest = checkpoint_says
        if n > trust.version:
            out.append(f"the log records trust root version {n} (as its checkpoint signs), newer than version "
                       f"{trust.version} held: a replaced root still pins the keyrings and policies its successors "
                       "replaced (verify with the current root chain, e.g. the directory `casegate trust rotate` "
                       "writes)")
        elif n == trust.version and digest != trust.digest():
            out.append(f"the log records trust root version {n} as {digest[:80]} (as its checkpoint signs), not the "
                       f"root {trust.digest()} held: a root under the same version number that is not the one the "
                       "organisation recorded is never trusted")
    return out


def unlogged_root(trust: TrustRoot, recorded: Sequence[LogEntry],
                  checkpoint_says: tuple[int, str] | None | bool = None) -> list[str]:
    """Why a root version written with `casegate trust rotate --unlogged` (its signed pins say
    so) is not verified where a registry is consulted: the log does not record it (no `trust-root`
    entry of its version and digest among `recorded`, and the checkpoint does not sign it as the
    newest). Until it is recorded no log can show that a verifier handed the version it replaced
    (still signed, unexpired, pinning what this one replaced) holds a replaced root."""
    if trust.pins.unlogged is not True:
        return []
    digest = trust.digest()
    if any(e.payload.get("version") == trust.version and e.payload.get("digest") == digest for e in recorded):
        return []
    if checkpoint_says == (trust.version, digest):
        return []
    return [f"not verified: trust root version {trust.version} was never logged (written with `casegate trust "
            "rotate --unlogged`), so the log cannot show that an older root handed to a verifier was replaced: "
            "record it in the registry with `casegate trust record DIR --db URL`, sign a checkpoint "
            "(`casegate log checkpoint`) and make a new state proof"]
