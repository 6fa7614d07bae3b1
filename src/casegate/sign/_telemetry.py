"""Monitoring readings signed with a telemetry key: the monitoring system's word, not the lab's.

A batch of readings is a DSSE envelope around an in-toto statement whose predicate lists each
reading (case, signal, timestamp, value), the source it came from, the role it is signed in
(`telemetry`), the signer and when it was signed; its subject is the readings' canonical JSON.
A reading counts toward a monitor's health only when its batch verifies against the registry's
keyring as of when the log recorded it, its key holds the `telemetry` role and was valid at the
reading's own time, the reading is not dated after the batch was signed, and the signer is not
the developer (whoever signed the decision the case stands on, or a person of the developer's
organisations) where that can be established, and the batch numbers itself among the batches
signed for the reading's case (`sequence`), whichever telemetry key signed them. See `check_readings`.

The numbers are what makes a withheld batch visible. Whoever relays the batches to the registry
(the lab, often) could drop the one that holds a breach and pass on the next: the monitor would
read quiet, and the drop would show at most as a short silence. A batch numbered 4 beside 3 and
5 is missed when 4 never arrives (`casegate.monitor` fires on it as on a silence); an unnumbered
batch could hide such a gap, so its readings do not count. The numbers run per case across keys:
batches withheld at the end of one key's life would otherwise go unseen while another key's keep
the monitor heard.

A monitoring system that numbered per key anyway (the new key starting again at 1) would let a
relay drop the old key's last batches and the new key's first ones, leaving numbers that run on
without a gap. So a batch of the current format (`MONITOR_READINGS_V2`) also names, for each case
it numbers above 1, the key that signed the case's batch numbered one below it (`follows`): the
signing key itself, or at a key change the key it takes over from. Every batch of the new key says
so, not only its first, so dropping the first ones hides nothing: a batch that names a key other
than the one whose batch the log holds under the number below is a handover the registry cannot
follow (`casegate.monitor` fires on it as on a withheld batch). A batch of the first format
(`MONITOR_READINGS`) names no such key: the policy's `post_deployment.telemetry_v1` says how
`casegate.monitor` reads it (by default, as naming its own key).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model._names import organisation_among
from ._condition import Decider
from ._keyring import Keyring, TrustedKey, parse_instant
from ._signoff import signer_entry
from ._statement import (
    MONITOR_READINGS,
    MONITOR_READINGS_V2,
    canonical,
    check_envelope,
    decode_payload,
    iso,
    logged_instant,
    sign_statement,
    statement,
)

if TYPE_CHECKING:
    from securesystemslib.signer import Signer  # type: ignore[attr-defined]

TELEMETRY_ROLE = "telemetry"
"""The keyring role whose keys sign monitoring readings. A key holds it only when the keyring's
owner (the registry's operator, never the lab) gives it to the monitoring system's holder."""


READINGS_TYPES = (MONITOR_READINGS, MONITOR_READINGS_V2)
"""The predicate types of a signed batch casegate reads: version 1 (numbered per case) and version
2 (numbered per case, each number after the first naming the key that signed the one before)."""


def telemetry_keys(keyring: Keyring | None) -> list[TrustedKey]:
    """Every key of the keyring that holds the telemetry role (whatever its validity)."""
    return [k for k in keyring.keys if TELEMETRY_ROLE in k.roles] if keyring is not None else []


def readings_digest(readings: list[dict[str, Any]]) -> str:
    """sha256 (hex) over the readings' RFC 8785 canonical JSON: the statement's subject."""
    return hashlib.sha256(canonical(readings)).hexdigest()


def sign_readings(readings: list[dict[str, Any]], *, source: str, signer: Signer, keyring: Keyring,
                  at: dt.datetime, sequence: int | dict[str, int],
                  follows: str | dict[str, str] | None = None) -> dict[str, Any]:
    """A signed batch of `readings` (each {"case", "signal", "timestamp", "value"}, timestamps
    written as casegate records them), signed at `at` in the telemetry role, numbered `sequence`
    among the batches signed for each of its cases, whichever telemetry key signed them (one number
    for every case, or case -> number; numbers start at 1 and go up by one per batch of that case,
    and a new key goes on from the case's last). For each case numbered above 1 the batch names
    the key that signed the case's batch numbered one below (`follows`: one key id, or case -> key
    id, each the full id or a prefix of at least 16 hex digits of a telemetry key of the keyring;
    default the signing key, as when no key changed). Refuses a key that is not in the keyring,
    not valid at `at`, or not a telemetry key, a reading dated after `at` (a reading is signed once
    taken) or outside the key's validity, a case left unnumbered, a key followed that is no
    telemetry key of the keyring, and a key named before a case's first batch."""
    if not readings:
        raise InputError("no readings to sign", help="give a file with at least one reading")
    cases = sorted({str(r["case"]) for r in readings})
    numbers = dict.fromkeys(cases, sequence) if isinstance(sequence, int) else dict(sequence)
    bad = [c for c in cases if not (type(numbers.get(c)) is int and numbers[c] >= 1)]
    if bad:
        raise InputError(f"the batch gives no sequence number (1 or more) for case {bad[0]}",
                         help="number each case's batches 1, 2, 3, ... in the order they are signed "
                              "(--sequence N, or --sequence CASE=N for each case of the file)")
    key = signer_entry(signer, keyring, TELEMETRY_ROLE, at)
    previous = _followed(follows, cases, numbers, keyring, key.keyid)
    for r in readings:
        t = parse_instant(str(r["timestamp"]))
        if t > at:
            raise InputError(f"the reading of {r['signal']} at {r['timestamp']} is dated after now ({iso(at)})",
                             help="sign readings once they are taken")
        problems = key.problems_at(t)
        if problems:
            raise InputError(f"the reading of {r['signal']} at {r['timestamp']}: {key.person}'s key {problems[0]}",
                             help="a telemetry key signs only readings taken while it is valid")
    pred = {"readings": readings, "source": source, "role": TELEMETRY_ROLE, "person": key.person,
            "identity": key.identity, "keyid": key.keyid, "signed_at": iso(at),
            "sequence": {c: numbers[c] for c in cases}, "follows": previous}
    subject = [{"name": f"readings:{source}", "digest": {"sha256": readings_digest(readings)}}]
    return sign_statement(statement(subject, MONITOR_READINGS_V2, pred), signer)


def _followed(follows: str | dict[str, str] | None, cases: list[str], numbers: dict[str, int],
              keyring: Keyring, own: str) -> dict[str, str]:
    """Case -> the full key id of the key that signed the case's batch numbered one below this
    one, for every case numbered above 1 (the signing key `own` where `follows` names none)."""
    given = dict.fromkeys(cases, follows) if isinstance(follows, str) or follows is None else dict(follows)
    unknown = sorted(set(given) - set(cases))
    if unknown:
        raise InputError(f"--follows names case {unknown[0]}, which the batch holds no reading of",
                         help="name the cases of the file: --follows CASE=KEYID")
    out: dict[str, str] = {}
    for c in cases:
        ref = given.get(c)
        if numbers[c] == 1:
            if ref is not None and isinstance(follows, dict):
                raise InputError(f"batch 1 of case {c} follows no batch, so it names no key before it",
                                 help="name the key before only for a batch numbered 2 or more")
            continue
        out[c] = own if ref is None else _telemetry_keyid(ref, keyring)
    if isinstance(follows, str) and not out:
        raise InputError("--follows names the key before batch 1, which follows no batch",
                         help="name the key before only for a batch numbered 2 or more")
    return out


def _telemetry_keyid(ref: str, keyring: Keyring) -> str:
    """The full id of the telemetry key of `keyring` whose id is `ref` or starts with it."""
    wanted = ref.strip().lower()
    if len(wanted) < 16 or not re.fullmatch(r"[0-9a-f]+", wanted):
        raise InputError(f"--follows {ref!r} is not a key id",
                         help="give the key id (64 hex digits, or its first 16 or more) `casegate keys list` shows")
    found = sorted({k.keyid for k in telemetry_keys(keyring) if k.keyid.startswith(wanted)})
    if len(found) != 1:
        raise InputError(f"--follows {ref!r} is {'no' if not found else 'more than one'} telemetry key of the keyring",
                         help="name the telemetry key that signed the case's batch before this one")
    return found[0]


def claimed_readings(env: Any) -> tuple[list[Any], dict[str, Any]] | None:
    """The readings a batch envelope says it holds and its predicate, unverified (what `monitor
    ingest` records; every run checks the signature again), or None when it is no batch."""
    if not isinstance(env, dict) or "payload" not in env or "signatures" not in env:
        return None
    stmt = decode_payload(env)
    if not isinstance(stmt, dict) or stmt.get("predicateType") not in READINGS_TYPES:
        return None
    pred = stmt.get("predicate")
    if not isinstance(pred, dict) or not isinstance(pred.get("readings"), list):
        return None
    return list(pred["readings"]), pred


def batch_readings(env: Any, case_id: str) -> list[tuple[str, dt.datetime, float]]:
    """(signal, taken, value) of each reading of `case_id` a batch envelope says it holds,
    unverified: what a log entry's rows must hold. A reading that cannot be read is left out (it
    says nothing)."""
    got = claimed_readings(env)
    out: list[tuple[str, dt.datetime, float]] = []
    for r in got[0] if got is not None else []:
        try:
            if str(r["case"]) != case_id:
                continue
            value = float(r["value"])
            if value == value and value not in (float("inf"), float("-inf")):
                out.append((str(r["signal"]), parse_instant(str(r["timestamp"])), value))
        except (KeyError, TypeError, ValueError, InputError):
            continue
    return out


@dataclass(frozen=True)
class SignedReadings:
    """A logged batch judged against the registry's keyring: the readings that count (case,
    signal, timestamp, value), who signed them, and why each other one does not."""

    signer: str | None = None
    """'Person (telemetry)', when the batch verified."""
    counted: frozenset[tuple[str, str, dt.datetime, float]] = frozenset()
    problems: tuple[str, ...] = ()
    """Why the batch as a whole does not count (empty when it does)."""
    refused: dict[tuple[str, str, dt.datetime, float], str] = field(default_factory=dict)
    """Readings of a batch that counts which do not count themselves, with the reason."""
    keyid: str | None = None
    """The key that signed it, when the batch verified."""
    sequence: dict[str, int] = field(default_factory=dict)
    """Case -> the batch's number among those signed for that case (by any telemetry key)."""
    follows: dict[str, str] = field(default_factory=dict)
    """Case -> the key id the batch says signed the case's batch numbered one below it (batches of
    version 2; a batch of version 1 names none)."""
    version: int = 2
    """The batch's format: 1 (`MONITOR_READINGS`, naming no key before it) or 2."""


def check_readings(env: Any, keyring: Keyring | None, *, logged_at: str | None, label: str,
                   developer: Decider | None) -> SignedReadings:
    """Judge a logged batch: it verifies against `keyring` as of when the log recorded it, in the
    telemetry role its key holds; its signer is not whoever signed the decision the case stands
    on nor a person of the developer's organisations (`developer`, when known); each reading is
    dated within the key's validity, before any revocation of it, and not after the batch was
    signed. Never raises on bad input."""
    if keyring is None:
        return SignedReadings(problems=(f"{label}: its signature cannot be checked: no keyring (pass --keyring "
                                        "or set CASEGATE_KEYRING)",))
    try:
        claimed = decode_payload(env) if isinstance(env, dict) else None
        kind = claimed.get("predicateType") if isinstance(claimed, dict) else None
        signed, reasons = check_envelope(env, keyring, logged_instant(logged_at), label,
                                         expect=kind if kind in READINGS_TYPES else MONITOR_READINGS_V2)
    except (InputError, ValueError, TypeError, KeyError) as e:
        return SignedReadings(problems=(f"{label}: the envelope cannot be read ({e})",))
    if signed is None:
        return SignedReadings(problems=tuple(reasons))
    if signed.role != TELEMETRY_ROLE:
        reasons.append(f"{label}: is signed in role {signed.role!r}, not {TELEMETRY_ROLE!r}")
    if developer is not None:
        from ._names import name_key

        if developer.identity is not None and (signed.identity == developer.identity
                                               or name_key(signed.person) == name_key(developer.person or "")):
            reasons.append(f"{label}: is signed by {signed.person}, who signed the decision the case stands on: "
                           "the developer's readings of its own monitors are its own word")
        org = signed.key.organisation
        if org and organisation_among(org, developer.developer) is not None:
            reasons.append(f"{label}: is signed by {signed.person} of {org}, the developer's own organisation: "
                           "the developer's readings of its own monitors are its own word")
    readings = signed.predicate.get("readings")
    if not isinstance(readings, list):
        reasons.append(f"{label}: lists no readings")
        readings = []
    if reasons:
        return SignedReadings(problems=tuple(reasons))
    key = signed.key
    try:
        signed_at = parse_instant(str(signed.predicate.get("signed_at")))
    except InputError:
        return SignedReadings(problems=(f"{label}: names no signing time",))
    raw = signed.predicate.get("sequence")
    sequence = {str(c): n for c, n in raw.items() if type(n) is int and n >= 1} if isinstance(raw, dict) else {}
    chained = signed.statement.get("predicateType") == MONITOR_READINGS_V2
    raw = signed.predicate.get("follows") if chained else None
    follows = {str(c): k for c, k in raw.items() if isinstance(k, str)} if isinstance(raw, dict) else {}
    counted: set[tuple[str, str, dt.datetime, float]] = set()
    refused: dict[tuple[str, str, dt.datetime, float], str] = {}
    for r in readings:
        try:
            t = parse_instant(str(r["timestamp"]))
            ident = (str(r["case"]), str(r["signal"]), t, float(r["value"]))
        except (KeyError, TypeError, ValueError, InputError):
            continue  # not a reading: it says nothing
        why = key.problems_at(t, revocation=False)
        if key.revoked is not None and t >= parse_instant(key.revoked.at):
            why.append(f"was revoked on {key.revoked.at} ({key.revoked.reason})")
        if why:
            refused[ident] = f"{key.person}'s key {key.keyid[:16]}... {why[0]} at the reading's time"
        elif t > signed_at:
            refused[ident] = f"it is dated after the batch was signed ({iso(signed_at)})"
        elif ident[0] not in sequence:
            refused[ident] = (f"its batch gives no sequence number for case {ident[0]} (`sequence`), so a batch "
                              "withheld before the registry could not be seen missing; sign with --sequence")
        elif chained and sequence[ident[0]] > 1 and ident[0] not in follows:
            refused[ident] = (f"its batch, numbered {sequence[ident[0]]} for case {ident[0]}, does not name the key "
                              "that signed the batch before it (`follows`), so batches withheld at a key change "
                              "could not be seen missing; sign with casegate monitor sign")
        else:
            counted.add(ident)
    return SignedReadings(signer=f"{signed.person} ({TELEMETRY_ROLE})", counted=frozenset(counted),
                          refused=refused, keyid=key.keyid, sequence=sequence, follows=follows,
                          version=2 if chained else 1)
