"""Signed policy changes: an owner of the policy records that a threshold's metric, reduction or
task set changed, and why, as a DSSE envelope around an in-toto statement whose subject is the
new policy file. The registry logs it; the gate accepts a changed measurement only when such a
change was logged before the evaluation ran."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import MEASUREMENT_FIELDS, Policy, PolicyChange
from ._keyring import Keyring
from ._signoff import signer_entry
from ._statement import (
    POLICY_CHANGE,
    iso,
    now_utc,
    read_signed_statement,
    sign_statement,
    statement,
)

if TYPE_CHECKING:
    from securesystemslib.signer import Signer  # type: ignore[attr-defined]


def sign_policy_change(policy: Policy, policy_sha256: str, threshold: str, fields: list[str], rationale: str,
                       role: str, signer: Signer, keyring: Keyring, *, at: dt.datetime | None = None) -> dict[str, Any]:
    """A signed policy-change envelope. Refuses (InputError) a threshold the policy lacks, a field
    outside MEASUREMENT_FIELDS, an empty rationale, or a role that is not among the policy's owners."""
    if threshold not in policy.thresholds:
        raise InputError(f"the policy {policy.id} has no threshold {threshold!r}",
                         help="use one of: " + ", ".join(sorted(policy.thresholds)))
    bad = [f for f in fields if f not in MEASUREMENT_FIELDS]
    if not fields or bad:
        raise InputError(f"--field must be one of {', '.join(MEASUREMENT_FIELDS)}" + (f" (not {bad[0]!r})" if bad else ""))
    if not rationale.strip():
        raise InputError("a policy change needs a rationale", help="say why the measurement changed")
    if role not in policy.owners:
        raise InputError(f"{role!r} is not an owner of the policy {policy.id} "
                         f"(owners: {', '.join(policy.owners) or 'none named'})",
                         help="a policy's `owners` sign its changes; add them to the policy first")
    at = at or now_utc()
    key = signer_entry(signer, keyring, role, at)
    th = policy.thresholds[threshold]
    pred = {
        "policy": {"id": policy.id, "version": policy.version, "sha256": policy_sha256},
        "threshold": threshold,
        "fields": sorted(set(fields)),
        "now": {f: _value(th, f) for f in sorted(set(fields))},
        "rationale": rationale.strip(),
        "role": role, "person": key.person, "keyid": key.keyid, "signed_at": iso(at),
    }
    subject = [{"name": f"policy:{policy.id}@{policy.version}", "digest": {"sha256": policy_sha256}}]
    return sign_statement(statement(subject, POLICY_CHANGE, pred), signer)


def _value(th: Any, field: str) -> Any:
    names = {"metric": ("metric", "scorer"), "reduction": ("reduction", "k"), "tasks": ("tasks",)}[field]
    out: dict[str, Any] = {}
    for n in names:
        v = getattr(th, n, None)
        if v is not None and v != []:
            out[n] = [x.model_dump(mode="json", exclude_none=True) if hasattr(x, "model_dump") else x for x in v] \
                if isinstance(v, list) else v
    return out


def read_policy_change(env: Any, keyring: Keyring | None, *, label: str, logged_at: str | None,
                       log_index: int | None) -> PolicyChange:
    """The change an envelope records, with every reason it cannot be trusted (see
    `read_signed_statement`). Never raises on bad input."""
    pred, problems = read_signed_statement(env, keyring, expect=POLICY_CHANGE, label=label, logged_at=logged_at,
                                           what="a policy change")
    raw = pred.get("policy")
    pol: dict[str, Any] = raw if isinstance(raw, dict) else {}
    fields = pred.get("fields")
    return PolicyChange(
        policy=str(pol.get("id", "")), threshold=str(pred.get("threshold", "")),
        fields=[str(f) for f in fields] if isinstance(fields, list) else [],
        rationale=str(pred.get("rationale", "")), role=str(pred.get("role", "")),
        person=str(pred.get("person", "")), signed_at=str(pred.get("signed_at", "")),
        logged_at=logged_at, log_index=log_index, problems=problems)

