"""`decide`: check that the required sign-offs are present and valid, run the gate, and sign
the decision bundle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from securesystemslib.signer import Signer  # type: ignore[attr-defined]

from ..errors import InputError
from ..load import Loaded
from ..model import BOUNDARY_LADDER, Condition, DecisionRecord, Waiver
from ..sign import Keyring, check_waivers, now_utc, with_attestations
from ._authority import decider_problems
from ._bundle import BundleVerificationError, make_bundle, signoff_shortfall
from ._collect import Collected, collect
from ._incidents import SIGNED_TRIGGERS, incident_triggers
from ._monitors import SIGNED_MONITORS, signed_monitors
from ._signed import signed_view, with_authority

if TYPE_CHECKING:
    from ..evidence import ArtifactState
    from ..gate import Comparison


@dataclass
class Judgement:
    """The gate's decision on a case whose sign-offs were checked, and what it was judged from."""

    record: DecisionRecord
    loaded: Loaded
    """The case as judged: its evidence attestations applied, only signed sign-offs, objections and
    authors as signed."""
    collected: Collected
    waivers: list[Waiver]
    waiver_problems: list[str]
    problems: list[str]
    """Why the sign-offs are not all present and valid (empty: they are)."""
    today: dt.date | None = None
    """The decision date the gate ran as of."""
    comparison: Comparison | None = None
    """What the case was compared with."""
    artifacts: dict[str, ArtifactState] | None = None
    """The evidence artifacts as hashed for the gate run (hashed once per judgement)."""


def judge_case(loaded: Loaded, keyring: Keyring, *, today: dt.date | None = None, at: dt.datetime | None = None,
               comparison: Comparison | None = None) -> Judgement:
    """Check the case's sign-offs against `keyring` as of `at` and run the gate on it as `decide`
    does (without signing anything): the evidence attestations, sign-offs, objections, authors and
    waivers count only as signed. The registry judges a decision it is asked to apply the same way."""
    if loaded.case is None or loaded.policy is None:
        raise InputError("the case does not load cleanly", location=loaded.case_path,
                         help=f"run `casegate check {loaded.case_path}`")
    at = at or now_utc()
    # the decision is made as of its own time, never as of the date the case gives itself
    today = today or at.date()
    # independence is what the evaluators signed, checked against the same keyring
    loaded = with_attestations(loaded, keyring, at)
    assert loaded.case is not None and loaded.policy is not None
    collected = collect(loaded, keyring, at)
    problems = collected.problems + signoff_shortfall(loaded, collected)
    from ..gate import run_gate

    # the same authority check `gate` makes: unsigned sign-off lines (CG510) and residual-risk
    # authorities no keyring identity holds (CG417) are findings in the signed decision too
    judged = with_authority(signed_view(loaded, collected.dissent), keyring, at)
    waivers, waiver_problems = check_waivers(judged, keyring, today or at.date())
    from ..evidence import rehash_artifacts

    artifacts = rehash_artifacts(judged)
    record = run_gate(judged, today=today, waivers=waivers, waiver_problems=waiver_problems,
                      comparison=comparison, artifacts=artifacts)
    return Judgement(record, judged, collected, waivers, waiver_problems, problems, today, comparison, artifacts)


def decide_case(loaded: Loaded, signer: Signer, role: str, keyring: Keyring, *,
                today: dt.date | None = None, at: dt.datetime | None = None,
                comparison: Comparison | None = None) -> tuple[DecisionRecord, dict[str, Any]]:
    """Run the gate on the case and return its record and the signed decision bundle.

    Raises BundleVerificationError (and signs nothing) when any referenced envelope fails to
    verify or the valid sign-offs do not meet the policy for the case's boundary; the sign-offs
    are checked again, independently, by `verify_bundle` at deploy time. `comparison` holds the
    earlier versions the gate compares with (`casegate.monitor.comparison_for` fetches them).
    """
    at = at or now_utc()
    j = judge_case(loaded, keyring, today=today, at=at, comparison=comparison)
    loaded, collected, problems = j.loaded, j.collected, list(j.problems)
    assert loaded.case is not None and loaded.policy is not None
    if loaded.case.boundary is not None:
        key = next((k for k in keyring.keys if k.keyid == signer.public_key.keyid), None)
        person = key.person if key is not None else "the decider"
        if key is not None and role not in key.roles:
            problems.append(f"{person}'s key does not hold the role {role!r}")
        problems += decider_problems(person, role, loaded.policy.decision, loaded.policy.signoff,
                                     loaded.case.boundary.kind, [s.person for s in collected.signoffs],
                                     [(f.waived.person, f.code) for f in j.record.findings if f.waived is not None],
                                     signed_roles=[(s.person, s.role) for s in collected.signoffs])
        if key is not None and key.organisation:
            # the decider decides for the developer: an independent role is not filled from their organisation
            problems += [p for p in signoff_shortfall(loaded, collected, decider_organisation=key.organisation)
                         if p not in problems]
    if collected.unsigned and problems:
        problems.append("sign-offs listed without an envelope (not counted): " + ", ".join(collected.unsigned))
    if problems:
        raise BundleVerificationError(problems, subject="cannot decide: the sign-offs are not all present and valid")
    from ..gate import run_gate

    record = j.record
    # each narrower boundary, judged by the same gate, so a deploy confined to one (say after a
    # restriction) can be verified against this decision
    narrower = []
    if loaded.case.boundary is not None:
        for kind in BOUNDARY_LADDER[: loaded.case.boundary.kind.rank]:
            r = run_gate(loaded, boundary=kind, today=today, waivers=j.waivers, waiver_problems=j.waiver_problems,
                         comparison=comparison, artifacts=j.artifacts)
            narrower.append({"boundary": kind.value, "outcome": r.outcome,
                             "blocking": sorted({f.code for f in r.findings if f.blocking})})
    bundle = make_bundle(loaded, record, collected, signer, role, keyring, at=at, narrower=narrower,
                         artifacts=j.artifacts,
                         artifact_dates=comparison.artifact_dates if comparison is not None else None)
    return record, bundle


_RANK = {"GO": 0, "GO WITH CONDITIONS": 1, "NO-GO": 2}


def judgement_problems(record: DecisionRecord, j: Judgement, day: dt.date) -> list[str]:
    """Why the registry's own judgement `j` of the version (as of `day`) does not support the
    decision `record` it is asked to apply: the sign-offs no longer all hold, the gate now says
    worse than the record, it sets conditions the record leaves out, or the record gives one a
    later due date or words what it requires otherwise. Empty: it does."""
    from ._bundle import condition_id_problems

    out = [f"sign-offs: {p}" for p in j.problems]
    out += condition_id_problems(record.conditions)
    mine = j.record
    if _RANK[mine.outcome] > _RANK[record.outcome]:
        blocking = sorted({f"{f.code} {f.name}" for f in mine.findings if f.blocking and f.waived is None})
        out.append(f"the gate run on the stored version as of {day} says {mine.outcome}, the decision {record.outcome}"
                   + (": " + ", ".join(blocking) if blocking else ""))
    elif mine.outcome == "GO WITH CONDITIONS":
        have = {(c.cause, tuple(c.path)): c for c in record.conditions}

        def where(c: Condition) -> str:
            return f"{c.cause} at {'/'.join(map(str, c.path)) or 'the case'}"

        left_out = sorted({where(c) for c in mine.conditions if (c.cause, tuple(c.path)) not in have})
        if left_out:
            out.append(f"the gate run on the stored version as of {day} sets conditions the decision leaves out: "
                       + ", ".join(left_out))
        # a due date the registry would set earlier: the decision may not give itself more time;
        # one that is no date (empty: read as "no due date") never falls due, the latest of all
        later = []
        for c in mine.conditions:
            theirs = have.get((c.cause, tuple(c.path)))
            if theirs is not None and c.due is not None and _later(theirs.due, c.due):
                later.append(f"{where(c)} (due {theirs.due!r}, the registry's {c.due})")
        if later:
            out.append("the decision gives conditions later due dates than the gate run as of "
                       f"{day}: " + ", ".join(sorted(set(later))))
        # what must be done is the rule's: the decision may not word it more weakly
        # and the text a confirmation signs is the gate's: a fix kept beside weaker text is reworded
        # (one element may have several conditions of one rule, each with its own text)
        texts: dict[tuple[str, tuple[str | int, ...]], set[str]] = {}
        for x in record.conditions:
            texts.setdefault((x.cause, tuple(x.path)), set()).add(x.text)
        reworded = sorted({where(c) for c in mine.conditions
                           if (theirs := have.get((c.cause, tuple(c.path)))) is not None
                           and ((c.fix and theirs.fix != c.fix) or c.text not in texts[(c.cause, tuple(c.path))])})
        if reworded:
            out.append("the decision words what a condition requires otherwise than the gate run as of "
                       f"{day}: " + ", ".join(reworded))
    return out


def _later(signed: str | None, registry: str) -> bool:
    """Whether a condition's signed due date `signed` is later than the registry's `registry`, or
    no date at all (missing, empty, not an ISO date): fail closed."""
    try:
        return dt.date.fromisoformat(str(signed)[:10]) > dt.date.fromisoformat(registry[:10])
    except ValueError:
        return True


def binding_problems(predicate: dict[str, Any], j: Judgement, keyring: Keyring) -> list[str]:
    """Why the values a decision bundle signs for `verify` to hold it to (the evidence expiries,
    the re-evaluation date, the keyring, the evidence counted independent, the boundary's tools,
    sensitive domains, access, regions, rate limit and user cap) are not those the
    registry's own judgement `j` of the stored version gives with `keyring`. The lab's decider
    signs them; the registry approves only on values it derives itself. Empty: they agree."""
    from ._bundle import _counted_independent, _evidence_expiry
    from ._exposure import SIGNED_KEY, boundary_attributes

    out: list[str] = []
    case = j.loaded.case
    assert case is not None
    # what a deploy may give beyond the kind: a decision that signs more tools, sensitive domains,
    # wider access, more regions, a looser rate limit or a larger user cap than the stored
    # version's boundary would let `verify` pass a wider deploy
    # (one that signs none verifies only a deploy that declares nothing)
    mine_attrs = boundary_attributes(case.boundary)
    attrs = predicate.get(SIGNED_KEY, mine_attrs)
    if not isinstance(attrs, dict):
        out.append(f"the decision signs the boundary's attributes as {str(attrs)[:200]}; the stored version gives "
                   f"{mine_attrs}")
    else:
        for k in sorted(set(attrs) | set(mine_attrs)):
            what = k.replace("_", " ") if k != "max_users" else "user cap"
            if k not in attrs:
                out.append(f"the decision does not sign the boundary's {what}; the stored version gives {mine_attrs[k]}")
            elif attrs[k] != mine_attrs.get(k):
                out.append(f"the decision signs the boundary's {what} as {str(attrs[k])[:200]}; the stored version "
                           f"gives {mine_attrs.get(k)}")
    # the expiries as the registry dates the items: from no later than it first logged each artifact
    dates = j.comparison.artifact_dates if j.comparison is not None else None
    mine = {e["id"]: e["expires"] for e in _evidence_expiry(j.loaded, dates)}
    signed = predicate.get("evidence")
    theirs = {e.get("id"): e.get("expires") for e in signed if isinstance(e, dict)} if isinstance(signed, list) else {}
    wrong = sorted(f"{eid} (signed {theirs.get(eid)}, the stored version gives {exp})"
                   for eid, exp in mine.items() if theirs.get(eid) != exp)
    wrong += sorted(f"{eid} (not in the stored version)" for eid in theirs if eid not in mine)
    if wrong:
        out.append("the decision signs evidence expiries the stored version does not give: " + ", ".join(wrong))
    pd = case.post_deployment
    due = pd.reevaluate_by.isoformat() if pd is not None and pd.reevaluate_by is not None else None
    if predicate.get("reevaluate_by") != due:
        out.append(f"the decision signs reevaluate_by {predicate.get('reevaluate_by')}, the stored version {due}")
    if SIGNED_TRIGGERS in predicate and predicate[SIGNED_TRIGGERS] != incident_triggers(case):
        # `verify` evaluates a state proof's incidents against the triggers the decision signs
        out.append(f"the decision signs incident triggers {str(predicate[SIGNED_TRIGGERS])[:200]}; the stored "
                   f"version gives {incident_triggers(case)}")
    if SIGNED_MONITORS in predicate and predicate[SIGNED_MONITORS] != signed_monitors(case):
        # `verify` judges a state proof's readings and the monitors' silence against the monitors it signs
        out.append(f"the decision signs monitors {str(predicate[SIGNED_MONITORS])[:200]}; the stored version "
                   f"gives {signed_monitors(case)}")
    ring = predicate.get("keyring")
    fp = ring.get("fingerprint") if isinstance(ring, dict) else None
    if fp != keyring.fingerprint():
        out.append(f"the decision was made with keyring {str(fp)[:80]}, not the keyring {keyring.fingerprint()} "
                   "the registry judges with")
    signed_narrower = predicate.get("narrower")
    if isinstance(signed_narrower, list) and signed_narrower:
        from ..gate import run_gate
        from ..model import BoundaryKind

        kinds = {k.value: k for k in BoundaryKind}
        for x in signed_narrower:
            kind = kinds.get(str(x.get("boundary"))) if isinstance(x, dict) else None
            said = x.get("outcome") if isinstance(x, dict) else None
            if kind is None or said not in _RANK:
                out.append(f"the decision signs a narrower boundary the registry cannot read: {str(x)[:80]}")
                continue
            if case.boundary is None or kind.rank >= case.boundary.kind.rank:
                out.append(f"the decision signs {kind.value} as a narrower boundary; it is not narrower")
                continue
            r = run_gate(j.loaded, boundary=kind, today=j.today, waivers=j.waivers,
                         waiver_problems=j.waiver_problems, comparison=j.comparison, try_narrower=False,
                         artifacts=j.artifacts)
            if _RANK[r.outcome] > _RANK[said]:
                out.append(f"the decision signs {said} for the narrower boundary {kind.value}; the gate run on "
                           f"the stored version says {r.outcome}")
    counted = {x["id"]: x for x in _counted_independent(j.loaded, j.artifacts)[0]}
    listed = predicate.get("independent")
    named = {str(x.get("id")): x for x in listed if isinstance(x, dict)} if isinstance(listed, list) else {}
    if set(named) != set(counted):
        out.append("the decision lists as independent " + (", ".join(sorted(named)) or "nothing")
                   + "; the registry counts " + (", ".join(sorted(counted)) or "nothing"))
    else:
        for eid, x in sorted(counted.items()):
            if named[eid] == x:
                continue
            differ = [k for k in ("producer", "sha256", "kind", "tests", "result", "date", "safeguards", "attestations")
                      if named[eid].get(k) != x.get(k)]
            words = {"sha256": "artifact", "safeguards": "the definitions of the safeguards it tests"}
            out.append(f"the decision lists independent evidence {eid} otherwise than the registry counts it "
                       f"(it differs in: {', '.join(words.get(k, k) for k in differ) or 'what else it says'})")
    return out
