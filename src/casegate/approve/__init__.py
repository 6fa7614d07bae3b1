"""The registry approves only on what it can judge again: before a decision that approves a case
is logged, the registry runs the gate itself on the stored version the decision names and holds
the decision to what it finds. The CLI's `state apply` and any program that applies decisions to
a registry use this; an approval logged without it does not verify."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import DecisionRecord
from ..monitor import Applied, comparison_for, decide, load_stored
from ..monitor._states import IllegalTransitionError
from ..sign import Keyring, decode_payload, iso, load_keyring
from ..store import Registry, log_time
from ..verify import binding_problems, judge_case, judgement_problems

__all__ = ["approve", "registry_judge"]


def registry_judge(reg: Registry, record: DecisionRecord, keyring: Path | Keyring | None,
                   trust_root: Path | None = None, bundle: dict[str, Any] | None = None,
                   ) -> Callable[[int], dict[str, Any]]:
    """A judge for `casegate.monitor.decide`: the registry runs the gate itself on the stored
    version the decision names, as of the log's clock, against its own history and the keyring
    the bundle verified against, and refuses the approval (IllegalTransitionError, nothing logged)
    when its judgement does not support the record's outcome. A decision record is signed by the
    lab's own decider; the registry believes only what it can judge again. With a trust root, the
    keyring must be one it pins (a keyring the lab wrote its own "evaluators" into judges nothing).
    The values the bundle signs for `verify` (evidence expiries, re-evaluation date, keyring,
    evidence counted independent) must be those the registry derives; the judge returns what is
    logged with the decision: the keyring it judged with, when, and its outcome."""
    if keyring is None:
        raise InputError("no keyring to judge the decision with", help="pass --keyring FILE or set CASEGATE_KEYRING")
    ring = keyring if isinstance(keyring, Keyring) else load_keyring(keyring)
    if trust_root is not None:
        from ..errors import VerificationError
        from ..trust import load_trust_root

        pinned = load_trust_root(trust_root).keyring_problems(ring.fingerprint(), log_time())
        if pinned:
            raise VerificationError("; ".join(pinned), location=str(keyring if isinstance(keyring, Path) else ring.name),
                                    help="judge with the keyring the trust root pins")

    def judge(number: int) -> dict[str, Any]:
        at = log_time()
        with tempfile.TemporaryDirectory(prefix="casegate-judge-") as tmp:
            loaded = load_stored(reg, record.case_id, number, tmp)
            if loaded.case is None or loaded.policy is None:
                raise IllegalTransitionError(f"stored version {number} of {record.case_id} does not load as a case, "
                                             "so the registry cannot judge a decision on it",
                                             help="run `casegate log verify`; then submit the case again")
            j = judge_case(loaded, ring, today=at.date(), at=at, comparison=comparison_for(reg, loaded, keyring=ring))
            problems = judgement_problems(record, j, at.date())
            statement = decode_payload(bundle["decision"]) if bundle is not None and isinstance(bundle.get("decision"), dict) else None
            predicate = statement.get("predicate") if isinstance(statement, dict) else None
            problems += binding_problems(predicate if isinstance(predicate, dict) else {}, j, ring)
        if problems:
            raise IllegalTransitionError(
                f"the registry does not approve version {number} of {record.case_id} on this decision: "
                + "; ".join(problems),
                help="run `casegate decide` again against this registry (--db) on the submitted version, today, "
                     "and apply that bundle")
        return {"keyring": ring.fingerprint(), "at": iso(at), "outcome": j.record.outcome}

    return judge


def approve(reg: Registry, record: DecisionRecord, bundle: dict[str, Any], keyring: Path | Keyring, *,
            trust_root: Path | None = None, version: int | None = None) -> Applied:
    """Log the signed decision `bundle` (holding `record`, already verified against `keyring`)
    and apply it, once the registry's own judgement (`registry_judge`) supports it."""
    return decide(reg, record, version=version, bundle=bundle,
                  judge=registry_judge(reg, record, keyring, trust_root, bundle))
