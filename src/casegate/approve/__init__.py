"""The registry approves only on what it can judge again: before a decision that approves a case
is logged, the registry runs the gate itself on the stored version the decision names and holds
the decision to what it finds, under the keyring and policy the trust root pins. The CLI's
`state apply` and any program that applies decisions to a registry use this; an approval logged
without it does not verify."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, VerificationError
from ..load import Loaded
from ..model import Case, DecisionRecord, Policy
from ..monitor import Applied, comparison_for, decide, load_stored
from ..monitor._states import IllegalTransitionError
from ..sign import (
    DECISION,
    Keyring,
    Signed,
    case_digest,
    check_envelope,
    decode_payload,
    iso,
    load_keyring,
    with_logged_revocations,
)
from ..sign._statement import argument_digest
from ..store import (
    CanonicalJSON,
    LogEntry,
    Registry,
    dissent_index,
    json_sha256,
    judgements,
    log_time,
    record_judgement,
    record_publication,
    words_sha256,
)
from ..trust import TRUST_ROOT_EVENT, TrustRoot, load_trust_root
from ..verify import (
    binding_problems,
    cause_text,
    judge_case,
    judgement_problems,
    last_approval,
    last_reopening,
    log_times,
    signed_parts,
    stale_signatures,
    standing_taking_back,
)
from ._rejudge import rejudge

if TYPE_CHECKING:
    from ..publish import RegistryFacts, SummaryInputs

__all__ = ["approve", "judged_found", "summary_judgement", "publication_keyring", "record_published", "registry_judge", "rejudge"]

PUBLISH_PINNED = "publish judges under the keyring the trust root pins"
"""The opening words of `publish`'s refusal to record a summary judged under another keyring."""


def _require_trust_root(record: DecisionRecord, trust_root: Path | None, unpinned: bool) -> TrustRoot | None:
    """The trust root an approval is judged under (None: `unpinned`, or not an approval)."""
    if trust_root is not None:
        return load_trust_root(trust_root)
    if record.outcome == "NO-GO" or unpinned:
        return None
    raise VerificationError(
        "no trust root: the registry records an approval only when it judges it with the keyring and "
        "policy a trust root pins; a keyring the caller brings could hold evaluators the organisation "
        "never named", help="pass --trust-root FILE_OR_DIR or set CASEGATE_TRUST_ROOT (`casegate trust init` "
        "creates one); only tests and demos may approve unpinned (`state apply --unpinned`)")


def _refuse_replaced_root(reg: Registry, root: TrustRoot, given: Path | None) -> None:
    """VerificationError (nothing recorded) when the registry's own log shows `root` is not the
    organisation's current trust root, as `verify` judges it where it consults the registry: the
    log records a newer version (a replaced root, still signed and unexpired, pins the keyrings and
    policies its successors replaced), another root under the same version, or none of a version
    written with `trust rotate --unlogged`."""
    from ..verify import root_rollback, unlogged_root

    logged = reg.events(kind=TRUST_ROOT_EVENT)
    problems = root_rollback(root, logged) + unlogged_root(root, logged)
    if problems:
        raise VerificationError(
            "the registry judges only under the organisation's current trust root: " + "; ".join(problems),
            location=str(given) if given is not None else None,
            help="pass the current root chain (the directory `casegate trust rotate` keeps) as --trust-root, "
                 "or record an unlogged version with `casegate trust record DIR --db URL`")


def registry_judge(reg: Registry, record: DecisionRecord, keyring: Path | Keyring | None,
                   trust_root: Path | None = None, bundle: dict[str, Any] | None = None, *,
                   unpinned: bool = False) -> Callable[[int], dict[str, Any]]:
    """A judge for `casegate.monitor.decide`: the registry runs the gate itself on the stored
    version the decision names, as of the log's clock, against its own history and the keyring
    the bundle verified against, and refuses the approval (IllegalTransitionError, nothing logged)
    when its judgement does not support the record's outcome. A decision record is signed by the
    lab's own decider; the registry believes only what it can judge again.

    An approval is judged under a trust root: the keyring must be the one it pins as current and
    the stored version's policy one it pins (a keyring the lab wrote its own "evaluators" into
    judges nothing). Without a trust root an approval is refused (fail closed) unless `unpinned`
    says this is a test or demo registry. After the case was reopened, restricted or withdrawn,
    the approval rests only on signatures made since (`stale_signatures`), and after a trigger
    fired the same case (case digest) as the version it took back is not approved again.
    The values the bundle signs for `verify` (evidence expiries, re-evaluation date, keyring,
    evidence counted independent) must be those the registry derives; the judge returns what is
    logged with the decision: the keyring it judged with, when, its outcome, the version of the
    trust root it judged under (None when approved `unpinned`), and what it found
    (`judged_found`), which a public summary of the version must show."""
    if keyring is None:
        raise InputError("no keyring to judge the decision with", help="pass --keyring FILE or set CASEGATE_KEYRING")
    ring = keyring if isinstance(keyring, Keyring) else load_keyring(keyring)
    root = _require_trust_root(record, trust_root, unpinned)
    if root is not None:
        _refuse_replaced_root(reg, root, trust_root)
        pinned = root.keyring_problems(ring.fingerprint(), log_time())
        if pinned:
            raise VerificationError("; ".join(pinned), location=str(keyring if isinstance(keyring, Path) else ring.name),
                                    help="judge with the keyring the trust root pins as current")

    from ..verify._demo import demonstration_mark

    demo = demonstration_mark(ring, root)

    def judge(number: int) -> dict[str, Any]:
        at = log_time()
        with tempfile.TemporaryDirectory(prefix="casegate-judge-") as tmp:
            loaded = load_stored(reg, record.case_id, number, tmp)
            if loaded.case is None or loaded.policy is None:
                raise IllegalTransitionError(f"stored version {number} of {record.case_id} does not load as a case, "
                                             "so the registry cannot judge a decision on it",
                                             help="run `casegate log verify`; then submit the case again")
            problems = _policy_pin_problems(root, loaded, at)
            # the revocations the registry's own log records count, whatever the keyring file says: a
            # sign-off by a key logged as compromised does not count towards approving it
            judging, _ = with_logged_revocations(ring, reg.events(kind="keyring-change"))
            j = judge_case(loaded, judging, today=at.date(), at=at,
                           comparison=comparison_for(reg, loaded, keyring=judging))
            inputs = _inputs(j)  # while the stored files are still there to read
            problems += judgement_problems(record, j, at.date())
            statement = decode_payload(bundle["decision"]) if bundle is not None and isinstance(bundle.get("decision"), dict) else None
            predicate = statement.get("predicate") if isinstance(statement, dict) else None
            problems += binding_problems(predicate if isinstance(predicate, dict) else {}, j, ring)
            problems += _reapproval_problems(reg, record.case_id, loaded, j.collected.signoffs,
                                             _decision_signed(bundle, ring, at), ring, number)
        if problems:
            raise IllegalTransitionError(
                f"the registry does not approve version {number} of {record.case_id} on this decision: "
                + "; ".join(problems),
                help="run `casegate decide` again against this registry (--db) on the submitted version, today, "
                     "and apply that bundle")
        # which trust root the approval was judged under; None: approved unpinned (tests, demos)
        trust = root.version if root is not None else None
        judged = {"keyring": ring.fingerprint(), "at": iso(at), "outcome": j.record.outcome, "trust_root": trust,
                  "found": summary_judgement(j.record, loaded.case, inputs, signed=j.loaded.case)}
        if demo is not None:
            # made while published example keys count (a demonstration): the log says so, for
            # every later reader, beside the approval it records
            judged["demonstration"] = demo
        return judged

    return judge


def _inputs(j: Any) -> SummaryInputs:
    """What a summary of judgement `j`'s case is built from (`casegate.publish.summary_inputs`:
    the case as its evidence artifacts show it, their basis, the attested verifiers, the policy and
    the case file's folder), as `j` found the artifacts."""
    from ..publish import summary_inputs

    return summary_inputs(j.loaded, dict(j.artifacts or {}))


def publication_keyring(reg: Registry, case_id: str, version: int, keyring: Path | None,
                        trust_root: Path | None, *, unpinned: bool = False,
                        policy: Loaded | None = None, outcome: str | None = None) -> tuple[Keyring, dict[str, Any]]:
    """The keyring a public summary of stored `version` is judged with before the registry records
    it (`casegate publish --db`), and what is logged with it: the keyring's fingerprint and the
    trust root version it is pinned by (None: unpinned, tests and demos). The keyring must be the
    one the trust root pins as current, as for an approval: a keyring the lab wrote its own
    "evaluators" into would publish their sign-offs as real. Unless the summary says NO-GO
    (`outcome`), the version's policy (`policy`: the version as loaded) must be one the trust root
    pins and has not replaced, as for an approval: a summary judged under a policy the lab loosened
    would show a GO the registry never grants (a NO-GO claims nothing it does not hold).
    Without a trust root it is refused unless `unpinned`, which a registry whose log records a
    trust root (`casegate trust init/rotate` with a registry in use) refuses too; unpinned, the
    keyring must still be the one the registry judged a decision on this version with, when it
    logged one. VerificationError (nothing recorded) otherwise."""
    if keyring is None:
        raise VerificationError(
            f"no keyring: {PUBLISH_PINNED}, and without one no sign-off would count",
            help="pass --keyring FILE (the keyring the trust root pins) or set CASEGATE_KEYRING; or add "
                 "--no-record for a local preview that the registry does not record")
    ring = load_keyring(keyring)
    fp = ring.fingerprint()
    if trust_root is not None:
        root = load_trust_root(trust_root)
        _refuse_replaced_root(reg, root, trust_root)
        pinned = root.keyring_problems(fp, log_time())
        if pinned:
            raise VerificationError(
                f"{PUBLISH_PINNED}; " + "; ".join(pinned), location=str(keyring),
                help="publish with the keyring the trust root pins as current, or add --no-record for a local "
                     "preview under this keyring that the registry does not record")
        unpinned_policy = ([] if outcome == "NO-GO" else ["the version's policy is not known"] if policy is None
                           else _policy_pin_problems(root, policy, log_time()))
        if unpinned_policy:
            raise VerificationError(
                f"publish records {outcome or 'an outcome'} only under a policy the trust root pins as current; "
                + "; ".join(unpinned_policy),
                help="submit a version under the policy the trust root pins (or have the root holders pin "
                     "it: `casegate trust rotate --policy`), or add --no-record for a local preview that the "
                     "registry does not record")
        return ring, _demo_stamped({"keyring": fp, "trust_root": root.version}, ring, root)
    if not unpinned:
        raise VerificationError(
            f"no trust root: {PUBLISH_PINNED}, and a keyring the caller brings could hold evaluators the "
            "organisation never named",
            help="pass --trust-root FILE_OR_DIR or set CASEGATE_TRUST_ROOT; or add --no-record for a local "
                 "preview that the registry does not record (only tests and demos record unpinned: --unpinned)")
    roots = reg.events(kind="trust-root")
    if roots:
        raise VerificationError(
            f"--unpinned: this registry's log records trust root version {roots[-1].payload.get('version')} "
            f"(log entry {roots[-1].index}), so it records a summary only as judged under it",
            help="pass --trust-root FILE_OR_DIR or set CASEGATE_TRUST_ROOT; or add --no-record for a local "
                 "preview that the registry does not record")
    judged = judgements(reg, case_id, version)
    used = judged[-1][0].get("keyring") if judged else None
    if used is not None and used != fp:
        raise VerificationError(
            f"the registry judged version {version} of {case_id} with keyring {used}, not "
            f"{fp}: a summary recorded there is judged with the same keyring", location=str(keyring),
            help="publish with the keyring the registry judged it with, or add --no-record for a "
                 "local preview")
    return ring, _demo_stamped({"keyring": fp, "trust_root": None}, ring, None)


def _demo_stamped(stamp: dict[str, Any], ring: Keyring, root: Any) -> dict[str, Any]:
    """`stamp`, with `demonstration` (the reason) when `ring` or `root` holds a published example
    key: what the log records beside a publication made in a demonstration."""
    from ..verify._demo import demonstration_mark

    demo = demonstration_mark(ring, root)
    return {**stamp, "demonstration": demo} if demo is not None else stamp


def _element(path: tuple[str | int, ...]) -> str | None:
    """The element a finding or condition concerns as a public summary points at it (RFC 6901 JSON
    Pointer; None for the case as a whole). Written here, not imported from `casegate.publish`,
    whose import every approval would otherwise pay for."""
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path) if path else None


def _sealed(case: Case, paths: list[tuple[str | int, ...]]) -> list[str | None]:
    """For each path, the most confidential level among the elements of `case` that hold it
    (itself included; None: all public): a summary for an audience below that level withholds
    what is there, as publication redacts. The walk is publication's (`iter_redactable`)."""
    from ..model import Confidentiality
    from ..publish import iter_redactable

    ranks = {lv: i for i, lv in enumerate(Confidentiality)}
    levels: dict[tuple[str | int, ...], Confidentiality] = {}
    for parts, m in iter_redactable(case):
        level = getattr(m, "confidentiality", None)
        if isinstance(level, Confidentiality) and level is not Confidentiality.public:
            levels[parts] = level
    out: list[str | None] = []
    for path in paths:
        held = [levels[path[:i]] for i in range(len(path) + 1) if path[:i] in levels]
        out.append(max(held, key=ranks.__getitem__).value if held else None)
    return out


def judged_found(record: DecisionRecord, case: Case | None = None,
                 verifiers: Mapping[str, object] | None = None, *,
                 standings: Mapping[str, str] | None = None, signed: Case | None = None,
                 published: Case | None = None, policy: Policy | None = None,
                 basis: Mapping[str, str] | None = None, facts: RegistryFacts | None = None,
                 folder: Path | None = None) -> dict[str, Any]:
    """What the registry's judgement `record` found that a public summary of the version must show
    (`casegate.store.record_publication` holds it to this): each condition by id, the rule that
    made it one, the element it concerns and its due date; each unwaived blocking finding by rule
    code and element (as the summary points at it: a JSON Pointer, None for the case as a whole)
    and, given the judged `case`, the level above which a summary withholds that element; the
    boundary decided on and the narrower one; what the requested boundary lacks; the findings counted by severity (and
    waived); each of the eight answers by the sha256 of the gate's words and whether it is
    answerable; and the safeguards whose `verified_by` party signed a test of them (`verifiers`,
    `casegate.evidence.attested_verifiers` under the keyring judged with; none without). A summary
    is held to these too: it may not count otherwise, put other words in the gate's mouth, or mark
    a verifier attested that the judgement did not find attested. `standings`: where the log finds
    each condition (`casegate publish`'s, as of the log's clock; none recorded without it), which a
    summary may state only as found. `signed`: the case as the gate judged it (its sign-off lines
    those whose envelope verified): the lines a summary may mark signed (none without it). Given
    the judged `case`, also what a summary for each audience level withholds
    (`casegate.publish.withheld_marks` of `published`, the case as publication reads it, default
    `case`): a summary may mark withheld, or answer from the public view, only that (nothing
    without the case), and a composed answer only in the words publication composes from the
    public view (`policy`, `basis`, `facts`: as `casegate.publish.build_summary` takes them). Each
    finding in the record's order by rule, severity, waived, the sha256 of its message, its element
    and its rule's name, and each
    condition's words by sha256 (`casegate.store.words_sha256`): what a summary shows of them is
    the gate's words, in the gate's order. The decision's date (`decided_at`), and each finding's
    place in the case's source as a summary shows it (`locations`: file:line, the file relative to
    `folder`, the case file's folder, as `casegate.publish.build_summary` gives it): a summary
    shows no other date, and no finding at another line. Given the judged `case`, also what a
    summary for each audience level shows beyond its decision (`shown`:
    `casegate.publish.shown_by_level` from the same inputs: the case's head, the digests, the
    sign-offs, the redactions, the quotes, ...), and whether it was made with the registry's facts
    (`registry_facts`, given `facts`): a summary shows no other, and the registry's logged
    objections only as a judgement made with them shows them. Callers that hold a loaded case use
    `summary_judgement`, which takes these inputs from the one `SummaryInputs` the summary is built
    from."""
    from ..publish import shown_location

    blocking = [f for f in record.findings if f.blocking]
    counts = {"blocking": 0, "condition": 0, "advisory": 0, "waived": 0}
    for f in record.findings:
        counts["waived" if f.waived is not None else f.severity.value] += 1
    sealed = _sealed(case, [f.path for f in blocking]) if case is not None and blocking else None
    return {
        "conditions": [{"id": c.id, "cause": c.cause, "element": _element(c.path), "due": c.due,
                        "sha256": words_sha256(c.text, c.finding or None, c.fix or None)}
                       for c in record.conditions],
        "findings": [[f.code, f.severity.value, f.waived is not None, words_sha256(f.message), _element(f.path), f.name]
                     for f in record.findings],
        "locations": [shown_location(f, folder) for f in record.findings],
        "decided_at": record.decided_at,
        "blocking": [{"code": f.code, "element": _element(f.path),
                      **({"sealed": sealed[i]} if sealed is not None else {})}
                     for i, f in enumerate(blocking)],
        "narrower": record.narrower.value if record.narrower else None,
        "boundary": record.boundary.value if record.boundary else None,
        "lacks": list(record.lacks),
        "counts": counts,
        "answers": {a.key: {"sha256": hashlib.sha256(a.answer.encode()).hexdigest(), "answerable": a.answerable}
                    for a in record.answers},
        "attested": sorted(verifiers or ()),
        "standings": dict(standings or {}),
        # made with what the registry's log holds of the case (its objections, its state): a summary
        # is recorded against a judgement made without it only while the log holds none
        **({"registry_facts": True} if facts is not None else {}),
        "signed": sorted({f"{x.person} ({x.role})" for x in signed.decision.signoffs if x.envelope is not None})
        if signed is not None else [],
        **(_by_level(published or case, record, policy=policy, basis=basis, facts=facts, folder=folder,
                     verifiers=verifiers) if case is not None else {}),
    }


def _by_level(case: Case, record: DecisionRecord, **inputs: Any) -> dict[str, Any]:
    """`withheld` and `shown`: `casegate.publish.withheld_marks` and `shown_by_level` of the same
    inputs, each audience level redacted and viewed once for both (`judged_by_level`), imported
    only when a judgement records what it found."""
    from ..publish import judged_by_level

    withheld, shown = judged_by_level(case, record, **inputs)
    return {"withheld": withheld, "shown": shown}


def summary_judgement(record: DecisionRecord, case: Case | None, inputs: SummaryInputs, *,
                      signed: Case | None = None) -> dict[str, Any]:
    """What the registry's judgement `record` of a loaded case found (`judged_found`), made from
    the same `SummaryInputs` (`casegate.publish.summary_inputs`) a summary of it is built from:
    the policy, the evidence basis, the attested verifiers, the case file's folder and the
    registry's facts (the conditions' standings among them) are those the summary used, never
    passed twice. `case`: the loaded case; `signed`: the case as the gate judged it (default
    `case`)."""
    facts = inputs.facts
    return judged_found(record, case, inputs.verifiers, standings=facts.conditions if facts is not None else None,
                        signed=signed if signed is not None else case, published=inputs.case, policy=inputs.policy,
                        basis=inputs.basis, facts=facts, folder=inputs.folder)


def record_published(reg: Registry, record: DecisionRecord, summary: dict[str, Any] | CanonicalJSON, *,
                     version: int, judged: dict[str, Any], case: Case | None = None,
                     inputs: SummaryInputs | None = None) -> LogEntry:
    """Record the public summary of stored `version` that `casegate publish` judged as the registry
    judges (`record`: its decision; `judged`: the keyring, trust root version and time from
    `publication_keyring`). Where the registry has logged no judgement of the version (no approval
    on it), that judgement is logged first, so the summary is held to a judgement on the record;
    where it has, the summary is held to its outcome (VerificationError, nothing logged, when they
    differ). Where the latest judgement has that outcome but does not record what it found (logged
    before judgements did), or found otherwise (due dates move with the day it is judged, the
    registry logs objections), or was logged before the registry's latest objection or answer to
    one, this judgement is logged, and the summary shows what it found. `case`: the loaded case;
    `inputs`: what the summary was built from (`casegate.publish.Published.inputs`), from which the
    judgement is made (`summary_judgement`): the same policy, basis, verifiers, folder and facts
    (without them the judgement records only what the decision record holds, and backs only a
    summary that shows nothing beyond it)."""
    found = summary_judgement(record, case, inputs) if inputs is not None else judged_found(record)
    judged_before = judgements(reg, record.case_id, version)
    latest = judged_before[-1] if judged_before else None
    dissent = dissent_index(reg, record.case_id)
    if latest is None or (latest[0].get("outcome") == record.outcome and (
            latest[0].get("found") != found or (dissent is not None and latest[1] < dissent))):
        rec = json.loads(record.model_dump_json())
        record_judgement(reg, record.case_id, version=version, outcome=record.outcome,
                         record_sha256=json_sha256(rec), judged=judged, found=found,
                         boundary=record.boundary.value if record.boundary else None,
                         models=list(record.digests.model))
    return record_publication(reg, record.case_id, summary, version=version, judged=judged)


def _policy_pin_problems(root: TrustRoot | None, loaded: Loaded, at: dt.datetime) -> list[str]:
    """Why the stored version's policy is not one the trust root pins as of `at`, the log's time
    of the approval (empty without a root): not pinned, or a version replaced before then."""
    if root is None:
        return []
    sha = loaded.policy_file.sha256 if loaded.policy_file is not None else None
    if root.policy(sha) is None:
        return [f"the version's policy (sha256 {str(sha)[:16]}...) is not pinned by the trust root (version "
                f"{root.version}); the registry judges only under a policy the root pins"]
    return root.policy_problems(sha, at)


def _decision_signed(bundle: dict[str, Any] | None, ring: Keyring, at: Any) -> Signed | None:
    """The bundle's decision envelope, verified (None when there is none or it does not verify:
    the caller has refused such a bundle before the registry judges it)."""
    if bundle is None:
        return None
    d, _ = check_envelope(bundle.get("decision"), ring, at, "decision", expect=DECISION)
    return d


def _reapproval_problems(reg: Registry, case_id: str, loaded: Loaded, signoffs: list[Signed],
                         decision: Signed | None, ring: Keyring, number: int) -> list[str]:
    """Why the case, last reopened, restricted or withdrawn, is not approved again on this
    version: a signature it rests on predates that (by the log's time where the log holds it),
    or a trigger took back the same case and nothing in it changed but its title or declared
    version (`argument_digest`). The same holds across case ids: a signature made before another
    case about the same weights as stored version `number` was taken back for a cause of its own
    (`standing_taking_back`: no decision approved that case since, whether or not it was superseded
    since) does not count either, nor does the argument that case's trigger took back under a new
    id. Empty when neither the case nor another case of its weights was taken back."""
    parts = signed_parts(decision, signoffs)
    logged = log_times(reg.events(case_id=case_id))
    out = _taken_back_elsewhere(reg, case_id, number, parts, logged, loaded)
    changes = reg.events(case_id=case_id, kind="state-change")
    reopening = last_reopening(changes)
    if reopening is None:
        return out
    out = stale_signatures(reopening, parts, logged) + out
    same = _trigger_unanswered(reg, case_id, changes, reopening, loaded)
    if same == "case":
        out.append(f"the case is the one of version {_approved_before(changes, reopening)}, which the registry took "
                   f"back ({cause_text(reopening)}): its case digest {case_digest(loaded)[:23]}... is unchanged, so "
                   "nothing the argument rests on answers what happened; submit a version that answers it")
    elif same == "argument":
        out.append(f"the case argues what version {_approved_before(changes, reopening)} argued, which the registry "
                   f"took back ({cause_text(reopening)}): only its title or declared version changed, so nothing the "
                   "argument rests on answers what happened; submit a version that answers it")
    return out


def _approved_before(changes: list[Any], taken: Any) -> int | None:
    """The version the last approval before the state change `taken` approved (None: none did)."""
    before = last_approval(changes, before=taken.index)
    version = (before.payload.get("cause") or {}).get("version") if before is not None else None
    return version if isinstance(version, int) else None


def _trigger_unanswered(reg: Registry, case_id: str, changes: list[Any], taken: Any, loaded: Loaded) -> str | None:
    """Whether `loaded` is the version of `case_id` that the trigger behind the state change `taken`
    took back: "case" (its case digest unchanged), "argument" (the same argument, evidence and policy
    under another id, title or declared version: `argument_digest`), None (it changed, or `taken` was
    not a trigger's, or no approval preceded it)."""
    version = _approved_before(changes, taken)
    if (taken.payload.get("cause") or {}).get("type") != "trigger" or version is None:
        return None
    with tempfile.TemporaryDirectory(prefix="casegate-reopened-") as tmp:
        old = load_stored(reg, case_id, version, tmp)
        if old.case is None or old.policy_file is None:
            return None
        if case_digest(old) == case_digest(loaded):
            return "case"
        return "argument" if argument_digest(old) == argument_digest(loaded) else None


def _taken_back_elsewhere(reg: Registry, case_id: str, number: int, parts: list[tuple[str, Signed]],
                          logged: Any, loaded: Loaded) -> list[str]:
    """Why the signatures `parts` do not count towards approving stored version `number` of
    `case_id` (`loaded`): made before another case about the same model (a digest, its name and
    version, or weights the registry hashed for both) was reopened, restricted or withdrawn for a
    cause of its own that no approval of that case has ended; or, where a trigger did that, the
    version approved before it argued what this one does (`argument_digest`: the same argument,
    evidence and policy under a new id), which answers nothing of what the trigger found, however
    freshly signed. Superseding that case (by this one or a decoy) lifts the block on deploying the
    weights (`casegate.monitor.check_linked`), not on what the signers had said of them before nor
    on what reopened them."""
    from ..monitor._compare import cases_of_stored_model

    out: list[str] = []
    for other in cases_of_stored_model(reg, case_id, number):
        changes = reg.events(case_id=other, kind="state-change")
        taken = standing_taking_back(changes)
        if taken is None:
            continue
        out += stale_signatures(taken, parts, logged, other=other)
        if _trigger_unanswered(reg, other, changes, taken, loaded) is not None:
            out.append(f"the case argues what version {_approved_before(changes, taken)} of case {other}, about the "
                       f"same weights, argued, which the registry took back ({cause_text(taken)}): only its id, title "
                       "or declared version changed, so nothing the argument rests on answers what happened; submit "
                       "a version that answers it")
    return out


def approve(reg: Registry, record: DecisionRecord, bundle: dict[str, Any], keyring: Path | Keyring, *,
            trust_root: Path | None = None, version: int | None = None, unpinned: bool = False) -> Applied:
    """Log the signed decision `bundle` (holding `record`, already verified against `keyring`)
    and apply it, once the registry's own judgement (`registry_judge`) supports it. An approval
    needs `trust_root`, unless `unpinned` (tests and demos only) lets the keyring judge unpinned."""
    return decide(reg, record, version=version, bundle=bundle,
                  judge=registry_judge(reg, record, keyring, trust_root, bundle, unpinned=unpinned))
