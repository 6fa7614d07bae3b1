"""Registered evaluation protocols: the evaluators fix, before a run, what it measures (threshold,
metric, reduction, task set), how hard it tries (variant, attempts, scaffold, tools, budget), on
which model and with how many samples, and sign it as a DSSE envelope around an in-toto statement
whose subject is the protocol file. The registry logs it; the gate matches each run against the
protocol in force when the run started (rule CG327)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import EvaluationProtocol, Policy, RegisteredProtocol, protocol_plan
from ._keyring import Keyring
from ._signoff import signer_entry
from ._statement import (
    PROTOCOL,
    iso,
    now_utc,
    read_signed_statement,
    sign_statement,
    statement,
)

if TYPE_CHECKING:
    from securesystemslib.signer import Signer  # type: ignore[attr-defined]


def sign_protocol(proto: EvaluationProtocol, proto_sha256: str, policy: Policy, role: str, signer: Signer,
                  keyring: Keyring, *, at: dt.datetime | None = None) -> dict[str, Any]:
    """A signed protocol envelope. Refuses (InputError) a protocol for another policy, a threshold
    the policy lacks, a protocol that fixes nothing, or a key that does not hold `role`."""
    if proto.policy != policy.id:
        raise InputError(f"the protocol is for the policy {proto.policy!r}, not {policy.id!r}",
                         help="pass the policy the protocol names with --policy")
    if proto.threshold not in policy.thresholds:
        raise InputError(f"the policy {policy.id} has no threshold {proto.threshold!r}",
                         help="use one of: " + ", ".join(sorted(policy.thresholds)))
    plan = protocol_plan(proto)
    if not plan:
        raise InputError(f"the protocol {proto.id} fixes nothing in advance",
                         help="state at least the metric, the task set and the elicitation plan")
    at = at or now_utc()
    key = signer_entry(signer, keyring, role, at)
    pred = {
        "protocol": proto.id, "policy": policy.id, "threshold": proto.threshold, "plan": plan,
        "role": role, "person": key.person, "keyid": key.keyid, "signed_at": iso(at),
    }
    subject = [{"name": f"protocol:{proto.id}", "digest": {"sha256": proto_sha256}}]
    return sign_statement(statement(subject, PROTOCOL, pred), signer)


def read_protocol(env: Any, keyring: Keyring | None, *, label: str, logged_at: str | None,
                  log_index: int | None) -> RegisteredProtocol:
    """The protocol an envelope records, with every reason it cannot be trusted (see
    `read_signed_statement`). Never raises on bad input."""
    pred, problems = read_signed_statement(env, keyring, expect=PROTOCOL, label=label, logged_at=logged_at,
                                           what="a protocol")
    raw = pred.get("plan")
    plan = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    return RegisteredProtocol(
        id=str(pred.get("protocol", "")), policy=str(pred.get("policy", "")),
        threshold=str(pred.get("threshold", "")), plan=plan, role=str(pred.get("role", "")),
        person=str(pred.get("person", "")), signed_at=str(pred.get("signed_at", "")),
        logged_at=logged_at, log_index=log_index, problems=problems)
