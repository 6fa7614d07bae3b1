"""Confirmations that a condition of a GO WITH CONDITIONS decision is met, as signed statements.

The party that decided (and the lab behind it) does not get to say its own conditions are met.
A confirmation is a DSSE envelope around an in-toto statement naming the case, the decision (its
log index), the condition (id and text), the evidence that shows it met (each with its sha256),
the role it is confirmed in and when it was signed; its subjects are the condition and each piece
of evidence. It counts only when its signature verifies against the keyring as of when the log
recorded it, its key holds the role, the policy lets that role confirm conditions, and its signer
is not whoever signed the decision (see `confirming_roles`, `check_confirmation`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ..errors import InputError
from ..load import parse_yaml
from ..model import BoundaryKind, Policy, SignoffPolicy
from ..model._names import organisation_among
from ._keyring import Keyring
from ._names import name_key
from ._signoff import signer_entry
from ._statement import (
    CONDITION_MET,
    DECISION,
    Signed,
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

_SHA256 = re.compile(r"[0-9a-f]{64}\Z")


@dataclass(frozen=True)
class Decider:
    """Who signed a decision and the policy it was signed under, as its signed decision envelope
    says (checked against the keyring); `problems` says why that cannot be established."""

    identity: str | None = None
    person: str | None = None
    roles: tuple[str, ...] = ()
    """Every role the decider's identity holds in the keyring, and the role it decided in."""
    policy: SignoffPolicy | None = None
    boundary: BoundaryKind | None = None
    problems: tuple[str, ...] = ()
    developer: tuple[str, ...] = ()
    """The developer's organisations: the policy's `evidence.organisations`, the decider's own and the
    authors' (as the keyring records them)."""

    @property
    def who(self) -> str:
        return f"{self.person} ({', '.join(self.roles)})" if self.person else "an unknown signer"


def decider_of(bundle: Any, keyring: Keyring | None, *, logged_at: str | None, label: str) -> Decider:
    """The signer and policy of a logged decision: its bundle's decision envelope must verify
    against the keyring (a key since retired still names who decided), and the policy text the
    bundle carries must be the one the envelope signs. Never raises on bad input."""
    if keyring is None:
        return Decider(problems=("no keyring to check signatures against (pass --keyring or set CASEGATE_KEYRING)",))
    env = bundle.get("decision") if isinstance(bundle, dict) else None
    if not isinstance(env, dict):
        return Decider(problems=(f"{label} carries no signed decision, so who decided cannot be established",))
    try:
        signed, reasons = check_envelope(env, keyring, logged_instant(logged_at), label, expect=DECISION)
    except (InputError, ValueError, TypeError, KeyError) as e:
        return Decider(problems=(f"{label}: the decision envelope cannot be read ({e})",))
    if signed is None:
        return Decider(problems=tuple(reasons) or (f"{label}: the decision envelope does not verify",))
    roles = {signed.role}
    for k in keyring.keys:
        if k.identity == signed.identity:
            roles.update(k.roles)
    pred = signed.predicate
    policy, problems = _signed_policy(bundle, pred, label)
    boundary = None
    try:
        boundary = BoundaryKind(str(pred.get("boundary")))
    except ValueError:
        problems.append(f"{label}: names no boundary")
    developer = list(policy.evidence.organisations) if policy is not None else []
    # the decider's organisation and the authors', as independent sign-offs and evidence are judged:
    # the authors named by the decision and by the authors lists the bundle carries (a list that
    # does not verify still names its authors: more of the developer can only refuse more)
    for name in [signed.person, *_authors_named(bundle, pred)]:
        ident = keyring.identity(name)
        if ident is not None and ident.organisation and ident.organisation not in developer:
            developer.append(ident.organisation)
    return Decider(identity=signed.identity, person=signed.person, roles=tuple(sorted(roles)),
                   policy=policy.signoff if policy is not None else None, boundary=boundary,
                   problems=tuple(problems), developer=tuple(developer))


def _authors_named(bundle: dict[str, Any], pred: dict[str, Any]) -> list[str]:
    """Who the decision names as the case's authors, and whoever the authors lists in the bundle
    name (and signed them). Never raises on bad input."""
    names = [str(a) for a in pred.get("authors") or [] if isinstance(a, str)] if isinstance(pred.get("authors"), list) else []
    for env in bundle.get("authors") or [] if isinstance(bundle.get("authors"), list) else []:
        stmt = decode_payload(env) if isinstance(env, dict) else None
        p = stmt.get("predicate") if isinstance(stmt, dict) else None
        if isinstance(p, dict):
            listed = p.get("authors")
            names += [str(x) for x in [p.get("person"), *(listed if isinstance(listed, list) else [])]
                      if isinstance(x, str)]
    return names


def _signed_policy(bundle: dict[str, Any], pred: dict[str, Any], label: str) -> tuple[Policy | None, list[str]]:
    """The policy the bundle carries, when its sha256 is the one the decision envelope signs."""
    signed_sha = (pred.get("policy") or {}).get("sha256") if isinstance(pred.get("policy"), dict) else None
    raw_p = bundle.get("policy")
    p: dict[str, Any] = raw_p if isinstance(raw_p, dict) else {}
    text = p.get("text")
    if not isinstance(text, str) or not isinstance(signed_sha, str):
        return None, [f"{label}: the bundle carries no policy the decision signs"]
    raw = text.encode()
    if hashlib.sha256(raw).hexdigest() != signed_sha:
        return None, [f"{label}: the policy in the bundle is not the one the decision was signed under"]
    try:
        return Policy.model_validate(parse_yaml(str(p.get("path", "policy")), raw).data), []
    except (ValidationError, InputError) as e:
        return None, [f"{label}: the policy in the bundle cannot be read: {str(e).splitlines()[0]}"]


def confirming_roles(policy: SignoffPolicy, boundary: BoundaryKind | None, decider_roles: tuple[str, ...] | list[str]) -> list[str]:
    """Roles whose holders may confirm a condition: the policy's `conditions_confirmed_by`, else
    the roles that must sign off `boundary` less every role of whoever signed the decision."""
    if policy.conditions_confirmed_by is not None:
        return list(policy.conditions_confirmed_by)
    if boundary is None:
        return []
    return sorted({r.role for r in policy.required_for(boundary)[1]} - set(decider_roles))


def who_may_confirm(decider: Decider) -> tuple[list[str], list[str]]:
    """The roles that may confirm the decision's conditions, and why nobody can (when so)."""
    if decider.problems or decider.policy is None:
        return [], list(decider.problems) or ["the policy the decision was signed under cannot be read"]
    roles = confirming_roles(decider.policy, decider.boundary, decider.roles)
    if not roles:
        return [], ["the policy lets no role confirm the decision's conditions"
                    + ("" if decider.policy.conditions_confirmed_by is not None
                       else f" (every role that signs off {decider.boundary.value if decider.boundary else 'its boundary'} "
                            f"is held by {decider.who}, who decided)")]
    return roles, []


def _subject(case_id: str, decision: int, condition: dict[str, Any], evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    what = {"case": case_id, "decision": decision, "condition": condition}
    out = [{"name": f"condition:{case_id}#{decision}:{condition['id']}",
            "digest": {"sha256": hashlib.sha256(canonical(what)).hexdigest()}}]
    for ev in evidence:
        name = f"evidence:{ev['evidence']}" if "evidence" in ev else f"file:{ev['file']}"
        out.append({"name": name, "digest": {"sha256": ev["sha256"]}})
    return out


def sign_confirmation(*, case_id: str, version: int | None, decision: int, condition: dict[str, Any],
                      evidence: list[dict[str, Any]], role: str, signer: Signer, keyring: Keyring,
                      at: dt.datetime, stated_on: dt.date | None = None, note: str | None = None) -> dict[str, Any]:
    """A signed confirmation that `condition` ({id, text, due}) of decision `decision` is met,
    with `evidence` (each {"evidence": id, "version": n, "sha256": hex} or {"file": name,
    "sha256": hex}), signed at `at` (the log's clock). Refuses a key that is not in the keyring,
    not valid at `at`, or does not hold `role`."""
    if not evidence:
        raise InputError("a condition is confirmed only with evidence", help="pass --evidence FILE_OR_EVIDENCE_ID")
    for ev in evidence:
        if not _SHA256.match(str(ev.get("sha256", ""))):
            raise InputError(f"evidence {ev} carries no sha256")
    key = signer_entry(signer, keyring, role, at)
    pred: dict[str, Any] = {
        "case": {"id": case_id, "version": version},
        "decision": decision,
        "condition": {"id": condition["id"], "text": condition["text"], "due": condition.get("due")},
        "evidence": evidence,
        "stated_on": stated_on.isoformat() if stated_on is not None else None,
        "note": note,
        "role": role, "person": key.person, "identity": key.identity, "keyid": key.keyid,
        "signed_at": iso(at),
    }
    return sign_statement(statement(_subject(case_id, decision, pred["condition"], evidence), CONDITION_MET, pred),
                          signer)


def check_confirmation(env: Any, keyring: Keyring | None, *, logged_at: str | None, label: str, case_id: str,
                       decision: int, condition_id: str, condition_text: str, decider: Decider) -> tuple[Signed | None, list[str]]:
    """Verify a logged confirmation: the envelope verifies against the keyring as of when the
    log recorded it, in a role its key holds; it names this case, decision and condition (id
    and text) and evidence with digests; the policy lets its role confirm; its signer is not
    whoever signed the decision. Returns the verified envelope (None when its signature cannot be
    trusted) and every reason it does not count. Never raises on bad input."""
    if keyring is None:
        return None, [f"{label}: its signature cannot be checked: no keyring (pass --keyring or set CASEGATE_KEYRING)"]
    if not isinstance(env, dict):
        return None, [f"{label}: is not signed (an unsigned record of a condition met does not count)"]
    try:
        signed, reasons = check_envelope(env, keyring, logged_instant(logged_at), label, expect=CONDITION_MET)
    except (InputError, ValueError, TypeError, KeyError) as e:
        return None, [f"{label}: the envelope cannot be read ({e})"]
    if signed is None:
        return None, reasons
    p = signed.predicate
    raw_case, raw_cond = p.get("case"), p.get("condition")
    case: dict[str, Any] = raw_case if isinstance(raw_case, dict) else {}
    cond: dict[str, Any] = raw_cond if isinstance(raw_cond, dict) else {}
    if case.get("id") != case_id:
        reasons.append(f"{label}: is about case {case.get('id')!r}, not {case_id!r}")
    if p.get("decision") != decision:
        reasons.append(f"{label}: is about decision #{p.get('decision')}, not #{decision}")
    if cond.get("id") != condition_id or cond.get("text") != condition_text:
        reasons.append(f"{label}: names condition {cond.get('id')!r} ({cond.get('text')!r}), not {condition_id!r} "
                       f"({condition_text!r})")
    ev = p.get("evidence")
    if not isinstance(ev, list) or not ev or not all(isinstance(x, dict) and _SHA256.match(str(x.get("sha256", "")))
                                                     for x in ev):
        reasons.append(f"{label}: names no evidence with its sha256")
    allowed, nobody = who_may_confirm(decider)
    if nobody:
        reasons += [f"{label}: does not count: {n}" for n in nobody]
    elif signed.role not in allowed:
        reasons.append(f"{label}: is confirmed as {signed.role!r}, a role the policy does not let confirm "
                       f"conditions (allowed: {', '.join(allowed)})")
    if decider.identity is not None and (signed.identity == decider.identity
                                         or name_key(signed.person) == name_key(decider.person or "")):
        reasons.append(f"{label}: is signed by {signed.person}, who signed the decision: the party that "
                       "decided does not confirm its own conditions")
    elif decider.policy is not None and decider.policy.conditions_confirmed_by is None:
        # by default a condition is confirmed from outside the developer, as independent evidence is
        org = signed.key.organisation
        if not decider.developer:
            reasons.append(f"{label}: the developer's organisations are unknown (the policy names none under "
                           "`evidence.organisations`), so a confirmation from outside it cannot be established")
        elif not org:
            reasons.append(f"{label}: is signed by {signed.person}, for whom the keyring records no organisation: "
                           "by default a condition is confirmed from outside the developer")
        elif organisation_among(org, decider.developer) is not None:
            reasons.append(f"{label}: is signed by {signed.person} of {org}, the developer's own organisation: by "
                           "default a condition is confirmed from outside the developer (a policy that trusts its "
                           "own roles to confirm names them under `signoff.conditions_confirmed_by`)")
    return signed, reasons


def evidence_label(ev: Any) -> str:
    """One piece of a confirmation's evidence, for display: its id (and version) or file name, and digest."""
    if not isinstance(ev, dict):
        return str(ev)
    name = (f"{ev['evidence']}" + (f" (version {ev['version']})" if ev.get("version") is not None else "")
            if "evidence" in ev else f"file {ev.get('file')}")
    return f"{name} sha256:{str(ev.get('sha256'))[:16]}..."
