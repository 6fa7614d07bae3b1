"""What a decision is compared with, fetched from the registry: the version submitted before this
one, the last version a decision approved, the signed policy changes logged for its policy, and
when the registry first logged each of its artifacts.
The CLI and the board call this and hand the result to the gate; the rules never read the registry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from ..diff import CaseDiff, ConditionOutcome, commitments_in, diff_cases
from ..errors import InputError
from ..gate import Compared, Comparison, LazyCases, LazyRecorded
from ..limits import LimitError, current_limits
from ..load import Loaded
from ..model import (
    ArtifactDates,
    Baseline,
    BoundaryKind,
    Case,
    Condition,
    HeldBy,
    IncidentDefeat,
    LinkedCase,
    PolicyChange,
    RegisteredProtocol,
    SignoffDates,
)
from ..store import MODEL_FILES_EVENT, CaseVersionRecord, LogEntry, Registry, model_files_listed

# the one comparison of models by their keys and by the weights the registry hashed (`verify` reads it too)
from ..store._models import LoggedModel, file_pairs, model_keys
from ..store._models import tensor_pairs as _tensor_pairs
from ._evaluate import monitor_claims
from ._recorded import recorded_versions
from ._series import parse_timestamp
from ._versions import StoredVersion, VersionCache, current_approval, parse_recorded

if TYPE_CHECKING:
    from ..sign import Keyring

POLICY_CHANGE_EVENT = "policy-change"
"""Log entry kind of a signed policy change."""
PROTOCOL_EVENT = "protocol"
"""Log entry kind of a registered evaluation protocol."""
EARLIER_MAX = 20
"""Most versions submitted since the last approval (besides the previous one) that a decision is
compared with: the oldest half and the newest half are taken, so versions submitted later cannot
push the first ones after an approval out of the comparison. A version between them that holds an
artifact neither half holds is compared with too (`_cut`): drafts filed around it do not bury a run."""


class _Buried:
    """How many versions past the cut of `EARLIER_MAX` a decision is compared with for the runs they
    alone hold, across the cases about one model; past the `buried-versions` limit, no decision is
    made."""

    def __init__(self, case_id: str) -> None:
        self.case_id = case_id
        self.count = 0

    def add(self, n: int) -> None:
        self.count += n
        if self.count > current_limits().buried_versions:
            raise LimitError("buried_versions", f"the registry holds {self.count:,} or more versions, among the cases "
                             f"about the model of case {self.case_id!r}, past the cut of {EARLIER_MAX} compared "
                             "versions that hold an artifact no compared version holds, each to be compared with "
                             "before a decision", location="registry")


def _artifacts(reg: Registry, v: CaseVersionRecord) -> set[str]:
    """The digests of the artifacts (and their companion files) version `v` holds: from its stored
    files, else (the registry as it stood at a time, which lists none) from its log entry."""
    if v.files:
        return {f.sha256 for f in v.files if f.role in ("artifact", "companion")}
    p = reg.entry(v.log_index).payload
    files, roles = p.get("files"), p.get("file_roles")
    if not isinstance(files, dict) or not isinstance(roles, dict):
        return set()
    return {str(h) for path, h in files.items() if roles.get(path) in ("artifact", "companion")}


def _cut(reg: Registry, versions: list[CaseVersionRecord], buried: _Buried) -> list[CaseVersionRecord]:
    """`versions` (oldest first) cut to `EARLIER_MAX`: the oldest and newest halves, and every
    version between them holding an artifact (a run's log, a test's results) that none of those and
    no earlier one between them holds, oldest first. Twenty trivial drafts filed around a version
    citing a run that went badly leave that run compared with; versions that hold only what the
    kept ones hold add nothing to compare."""
    if len(versions) <= EARLIER_MAX:
        return versions
    head, middle, tail = (versions[: EARLIER_MAX // 2], versions[EARLIER_MAX // 2: -(EARLIER_MAX - EARLIER_MAX // 2)],
                          versions[-(EARLIER_MAX - EARLIER_MAX // 2):])
    held: set[str] = set()
    for v in (*head, *tail):
        held |= _artifacts(reg, v)
    kept = []
    for v in middle:
        arts = _artifacts(reg, v)
        if not arts <= held:
            kept.append(v)
            held |= arts
    buried.add(len(kept))
    return [*head, *kept, *tail]


def stored_number(loaded: Loaded, versions: list[CaseVersionRecord]) -> int | None:
    """The stored version whose case and include files are byte for byte those of `loaded`."""
    mine = sorted(f.sha256 for f in loaded.files)
    for v in reversed(versions):
        if sorted(f.sha256 for f in v.files if f.role in ("case", "include")) == mine:
            return v.number
    return None


def comparison_for(reg: Registry, loaded: Loaded, *, keyring: Keyring | None = None,
                   cache: VersionCache | None = None) -> Comparison:
    """The earlier versions of the case to compare `loaded` with (the previous submitted version
    first, then the last approved one when it differs) and the policy changes logged for its
    policy, each verified against `keyring` (unverified, with the reason, without one); and when
    the registry first logged each of its artifacts (`artifact_dates`) and each envelope its sign-off
    lines name (`signoff_dates`)."""
    case = loaded.case
    assert case is not None
    policy_id = loaded.policy.id if loaded.policy is not None else None
    changes = policy_changes(reg, policy_id, keyring)
    cache = cache or VersionCache(reg, keyring)
    lineage = linked_cases(reg, loaded, cache)
    protocols = registered_protocols(reg, policy_id, keyring)
    known = reg.case_state(case.id) is not None
    versions = reg.case_versions(case.id) if known else []
    this = stored_number(loaded, versions)
    # an incident follows the model: one logged against another case of the same weights defeats
    # this case's claims too, whatever this case is called
    system = {"name": case.system.name, "version": case.system.version, "digests": list(case.system.digests)}
    index = ModelIndex.of(reg)
    model_cases = cases_of_model(reg, case.id, this, system, index)
    incidents = [inc for other in model_cases for inc in defeating_incidents(reg, other, None, cache, of_case=True)]
    if known:
        incidents = defeating_incidents(reg, case.id, this, cache) + incidents
    denied = denied_incidents(reg, case.id, this, model_cases)
    dates = artifact_dates(reg, case, loaded, index=index, this=this)
    signed = signoff_dates(reg, loaded)
    hist = _history(reg, case.id, known, versions, this, model_cases)
    deployed = deployed_with(reg, model_cases, cache)
    missed = _missed_reports(reg, case.id, known, model_cases, keyring)
    clock, last = dates.clock, _last_logged(reg)
    if hist is None:
        return Comparison(policy_changes=changes, lineage=lineage, protocols=protocols, incidents=incidents,
                          why_none=f"first version (the registry has no case {case.id!r})", artifact_dates=dates,
                          signoff_dates=signed, deployed=deployed, missed_reports=missed, clock=clock,
                          last_logged=last, denied=denied)
    # a version whose weights the registry hashed in common with this one's (a weights file's bytes
    # or a tensor) is of the same weights, whatever digests either names (re-saved beside one more
    # file, under a new digest): a run of them dropped is dropped, not replaced by a newer one
    mine = _weights_of(reg, index, case.id, this, system)
    out = [Compared(_same_weights(b, mine, index), sv.case, sv.policy) for b in _chosen(reg, hist, model_cases)
           for sv in [cache.get(str(b.case), int(b.number or 0))]]
    # a case stands where every case about the same model stood: their unmet conditions keep their
    # dates, so a new case id does not give a condition more time, whatever decoy (a draft version
    # of the new case, or a draft case of the same weights submitted last) was filed before it
    standing = standing_conditions(reg, case.id, keyring) if known else []
    # the approval judged again (as `publish` does) is not a version carrying its own conditions
    own = current_approval(reg, case.id) if standing else None
    settled = list(standing) if own is not None and this is not None and own.version == this else []
    for other in dict.fromkeys([hist.case_id, *model_cases]):
        if other != case.id:
            standing += standing_conditions(reg, other, keyring)
    # every approved version is loaded only when a rule reads it (CG806 follows a dropped defeater
    # through them), each at most once; one that does not load stops the gate then, as it would here
    approved = LazyCases([partial(_stored_case, cache, hist.case_id, n) for n in approved_versions(reg, hist.case_id)
                          if hist.this is None or n < hist.this])
    # every version recorded before this one is read from its stored case files (not built) only
    # when a rule first reads them (CG306, CG809); a rewritten one stops the gate then
    recorded = LazyRecorded([partial(recorded_versions, reg, hist.case_id,
                                     [v.number for v in hist.versions if hist.this is None or v.number < hist.this],
                                     cache, hist.prefix)])
    return Comparison(versions=out, policy_changes=changes, incidents=incidents, lineage=lineage,
                      protocols=protocols, notes=hist.notes, why_none=None if out else hist.why,
                      artifact_dates=dates, signoff_dates=signed, standing=standing, settled=settled,
                      approved=approved,
                      recorded=recorded, deployed=deployed, missed_reports=missed, clock=clock, last_logged=last,
                      denied=denied)


def _last_logged(reg: Registry) -> dt.datetime | None:
    """When the registry's last entry was logged (None: it holds none)."""
    size = reg.size()
    return parse_recorded(reg.entry(size - 1).recorded_at) if size else None


def _missed_reports(reg: Registry, case_id: str, known: bool, model_cases: list[str],
                    keyring: Keyring | None) -> Any:
    """CG1003 for each regime report past its deadline as of a time and not filed: those the case's
    incidents owe (`counted_report_clocks`, as the triggers and `verify --db` count them), and those
    the incidents of every other case about the same model owe (`model_cases`), each marked with the
    case it was filed under: the reports follow the weights, so the same model filed as a new case
    still owes them. Filings count only where they verify against `keyring` (without one, none does)."""
    from dataclasses import replace

    from ._reports import overdue_report_findings, report_clocks
    from ._run import counted_report_clocks

    clocks = counted_report_clocks(reg, case_id, keyring) if known else []
    seen = {(c.filed_under or case_id, c.incident, c.cls) for c in clocks}
    for other in dict.fromkeys(model_cases):
        if other != case_id:
            clocks += [replace(c, filed_under=other) for c in report_clocks(reg, other, keyring)
                       if (other, c.incident, c.cls) not in seen]
    return partial(overdue_report_findings, clocks)


def deployed_with(reg: Registry, model_cases: list[str], cache: VersionCache) -> list[Compared]:
    """The version each case of `model_cases` (the other cases about the same model) stands
    approved on: its last approval by a decision, unless the case was withdrawn or superseded
    since. A case reopened, restricted or under review again keeps its approval here (it may be
    approved again without this one being judged): the same weights filed as several cases are
    weighed together (CG107). A stored version that does not load stops the caller."""
    from ._states import CaseState

    out: list[Compared] = []
    for other in model_cases:
        if reg.case_state(other) in (CaseState.withdrawn.value, CaseState.superseded.value):
            continue
        appr = current_approval(reg, other)
        if appr is None:
            continue
        rec = reg.case_version(other, appr.version, contents=False)
        sv = cache.get(other, appr.version)
        out.append(Compared(Baseline(role="deployed", label=f"case {other} version {rec.declared_version} "
                                     f"(#{rec.number}), the last approved", case=other, number=rec.number,
                                     digest=rec.digest, recorded_at=parse_recorded(rec.submitted_at)),
                            sv.case, sv.policy))
    return out


def _same_weights(b: Baseline, mine: LoggedModel | None, index: ModelIndex) -> Baseline:
    """`b`, marked `same_weights` when the registry hashed, for the version it names, weights in
    common with `mine` (this version's)."""
    theirs = index.logged.get((str(b.case), int(b.number))) if b.number is not None else None
    if mine is None or theirs is None or not mine.shared_weights(theirs):
        return b
    return b.model_copy(update={"same_weights": True})


def _stored_case(cache: VersionCache, case_id: str, number: int) -> Case:
    """Stored version `number` of `case_id` as its stored artifacts show it (`VersionCache.get`)."""
    return cache.get(case_id, number).case


def approved_versions(reg: Registry, case_id: str) -> list[int]:
    """The number of every version of `case_id` a decision approved, oldest first, each once."""
    from ._states import CaseState, CauseType

    out: list[int] = []
    for e in reg.events(case_id, "state-change"):
        cause: dict[str, Any] = e.payload.get("cause") or {}
        if e.payload.get("to") in (CaseState.approved.value, CaseState.approved_with_conditions.value) \
                and cause.get("type") == CauseType.decision.value and isinstance(cause.get("version"), int) \
                and cause["version"] not in out:
            out.append(cause["version"])
    return out


def standing_conditions(reg: Registry, case_id: str, keyring: Keyring | None) -> list[Condition]:
    """The conditions of the decision `case_id` currently stands on that no confirmation judged
    with `keyring` shows met (without a keyring none is shown met): a new version that raises one
    again gets no later due date (`casegate.gate` caps it)."""
    from ._lifecycle import current_conditions

    _, conds = current_conditions(reg, case_id, keyring=keyring)
    return [Condition(id=c.id, text=c.text, cause=c.cause, path=c.path, due=c.due.isoformat())
            for c in conds if not c.met and c.due is not None and c.cause]


def signoff_dates(reg: Registry, loaded: Loaded) -> SignoffDates:
    """When the registry first logged each sign-off envelope the case's lines name (and each waiver
    envelope the case references): the first case
    version (of any case) that stored the envelope file's bytes, or the first entry of the case
    that carries the envelope itself (a sign-off logged on its own, or in a decision's bundle). A
    sign-off existed by then, so its date counts as no later than that (`SignoffDates.date_of`),
    whatever date the line gives; an envelope the registry has not seen leaves the line's date."""
    import hashlib

    from ..limits import read_regular_file, strict_json
    from ..model import EnvelopeLogged
    from ..sign import envelope_sha256

    case = loaded.case
    assert case is not None
    # keyed by (kind, reference): a sign-off line's and a waiver's references are read from
    # different folders
    files: dict[tuple[str, str], str] = {}
    canonical: dict[tuple[str, str], str] = {}
    refs = [*(("signoff", s.envelope, loaded.base_dir(("decision", "signoffs", i)))
              for i, s in enumerate(case.decision.signoffs) if s.envelope is not None),
            *(("waiver", w, loaded.base_dir(("decision", "waivers"))) for w in case.decision.waivers)]
    for kind, ref, base in refs:
        if (kind, ref) in files:
            continue
        try:
            # read as the signature check reads it: a regular file within the size and depth
            # limits (100,000 brackets would exhaust the parser's stack), strict JSON
            raw = read_regular_file(base / ref, ref, limit="json_bytes")
            env = strict_json(raw, ref)
        except (OSError, ValueError, InputError):
            continue  # an envelope that cannot be read does not verify: CG510 names the line
        files[kind, ref] = hashlib.sha256(raw).hexdigest()
        if isinstance(env, dict):
            try:
                canonical[kind, ref] = envelope_sha256(env)
            except Exception:  # noqa: BLE001 - an envelope that cannot be hashed is judged where it is verified
                pass
    if not files:
        return SignoffDates()
    found: dict[str, tuple[int, str]] = dict(reg.first_stored(set(files.values())))
    wanted = set(canonical.values())

    def note(env: Any, e: LogEntry) -> None:
        if not isinstance(env, dict) or "signatures" not in env:
            return
        try:
            sha = envelope_sha256(env)
        except Exception:  # noqa: BLE001 - as above
            return
        if sha in wanted and (sha not in found or e.index < found[sha][0]):
            found[sha] = (e.index, e.recorded_at)

    for e in reg.events(case_id=case.id, kind="signoff"):
        note(e.payload.get("envelope"), e)
    for e in reg.events(case_id=case.id, kind="decision"):
        bundle = e.payload.get("bundle")
        for env in [*(bundle.get("signoffs") or []), *(bundle.get("waivers") or [])] if isinstance(bundle, dict) else []:
            note(env, e)
    first: dict[str, dict[str, EnvelopeLogged]] = {"signoff": {}, "waiver": {}}
    for (kind, ref), file_sha in files.items():
        hits = [h for h in (found.get(file_sha), found.get(canonical.get((kind, ref), ""))) if h is not None]
        if hits:
            index, at = min(hits)
            first[kind][ref] = EnvelopeLogged(index=index, at=parse_recorded(at))
    return SignoffDates(first=first["signoff"], waivers=first["waiver"])


def artifact_dates(reg: Registry, case: Case, loaded: Loaded | None = None, *, index: ModelIndex | None = None,
                   this: int | None = None) -> ArtifactDates:
    """When the registry first logged each artifact the case's evidence pins (in any case's
    version, under any evidence id), with the registry's clock: an item's age counts from no later
    than that (`ArtifactDates.date_of`), whatever date the case gives it. An evaluation log counts
    as first logged when the registry first logged the same run (`same_runs`: its samples, not its
    bytes), so rewriting an old log's dates does not make it new. `loaded`: the case as loaded,
    whose artifact files are fingerprinted when the registry has not stored them. With `index`
    (the registry's `ModelIndex`), the stored versions about other models that cited the same
    artifacts or runs as measurements of their weights (`ArtifactDates.other_models`), but stored
    version `this` of the case itself."""
    from ..model import FirstLogged
    from ..store import log_time
    from ._sameruns import same_runs

    clock = log_time()
    pinned = {eid: ev.sha256 for eid, ev in case.evidence.items() if ev.sha256 is not None}
    on_disk = {sha: loaded.artifact_path(eid) if loaded is not None else None for eid, sha in pinned.items()}
    known = same_runs(reg, on_disk)
    runs = known.matched
    found = reg.first_stored(set(pinned.values()) | {o for others in runs.values() for o in others})
    first: dict[str, FirstLogged] = {}
    for sha in set(pinned.values()):
        own = found.get(sha)
        best: tuple[int, str, str | None] | None = (own[0], own[1], None) if own is not None else None
        for other in runs.get(sha, []):
            got = found.get(other)
            if got is not None and (best is None or got[0] < best[0]):
                best = (got[0], got[1], other)
        if best is not None:
            first[sha] = FirstLogged(index=best[0], at=parse_recorded(best[1]), same_run_as=best[2])
    # a log known by its names only (ids and scores) shares most of its samples with any run of the
    # same task: only its bytes, or every sample the same, tie it to another model's run
    exact = {sha: others for sha, others in runs.items() if sha not in known.named}
    exact.update({sha: others for sha, others in known.identical.items() if sha in known.named})
    others, held = _runs_of_other_models(reg, case, this, index, exact) if index is not None else ({}, {})
    return ArtifactDates(first=first, clock=clock, named_runs=sorted(known.named), other_models=others,
                         held_by=held, standing=_standing(reg, {h.case for hs in held.values() for h in hs}))


def _standing(reg: Registry, case_ids: set[str]) -> dict[str, int]:
    """Case id -> the stored version its current approval stands on, for each of `case_ids` that
    stands approved now (a case reopened, restricted or withdrawn since stands on nothing)."""
    from ._states import CaseState, current_state

    out: dict[str, int] = {}
    for cid in sorted(case_ids):
        if current_state(reg, cid) not in (CaseState.approved, CaseState.approved_with_conditions):
            continue
        approval = current_approval(reg, cid)
        if approval is not None:
            out[cid] = approval.version
    return out


def _runs_of_other_models(reg: Registry, case: Case, this: int | None, index: ModelIndex,
                          runs: dict[str, list[str]]) -> tuple[dict[str, list[str]], dict[str, list[HeldBy]]]:
    """sha256 of each artifact `case` cites as a measurement of its weights (`measuring_weights`)
    -> the versions a decision approved (of any case, but version `this` of this one) that cited
    it, or a log of the same run (`runs`), as an evaluation, probe or test while about another
    model: no digest, name and version (`model_keys`), nor hashed weights in common with this
    case's system. An evaluation run ran against one model: the registry has it on record as the
    other's, unless an approved version of this case cited it first (then the other case carried
    this model's run, under a policy's `carry_over`). Second: the same versions, by sha256, as
    (case id, version number)."""
    from ..model._case import TEST_KINDS, WEIGHT_KINDS

    measuring = case.measuring_weights()
    wanted = {ev.sha256: {ev.sha256, *runs.get(ev.sha256, [])} for eid, ev in case.evidence.items()
              if eid in measuring and ev.sha256 is not None}
    if not wanted:
        return {}, {}
    pins = reg.pinned_by({s for shas in wanted.values() for s in shas})
    if not pins:
        return {}, {}
    system = {"name": case.system.name, "version": case.system.version, "digests": list(case.system.digests)}
    keys = model_keys(system)
    mine = _weights_of(reg, index, case.id, this, system)
    approved: dict[str, list[int]] = {}
    out: dict[str, list[str]] = {}
    held: dict[str, list[HeldBy]] = {}
    logged_at: dict[tuple[str, int], int] = {}

    def at(cid: str, n: int) -> int:
        if (cid, n) not in logged_at:
            logged_at[cid, n] = reg.case_version(cid, n, contents=False).log_index
        return logged_at[cid, n]
    for sha, shas in wanted.items():
        said: list[str] = []
        by: list[HeldBy] = []
        cited = sorted({p for s in shas for p in pins.get(s, [])}, key=lambda p: (p[0], p[1]))
        # a version of this case a decision approved citing the run first had it on the record as
        # this model's: a later case about other weights citing it carried it (`carry_over`)
        first = min((at(cid, n) for cid, n, _d, kind in cited if cid == case.id and n != this
                     and kind in (*WEIGHT_KINDS, *TEST_KINDS)
                     and n in approved.setdefault(cid, approved_versions(reg, cid))), default=None)
        for cid, n, declared, kind in cited:
            if (cid == case.id and n == this) or kind not in (*WEIGHT_KINDS, *TEST_KINDS):
                continue
            theirs = index.system_of(cid, n)
            logged = index.logged.get((cid, n))
            if keys & model_keys(theirs) or (mine is not None and logged is not None and mine.shared_weights(logged)):
                continue  # the same model: its runs are this case's to cite
            if n not in approved.setdefault(cid, approved_versions(reg, cid)):
                continue  # a draft, or a version judged NO-GO, holds nothing as the other model's on the record
            if first is not None and first < at(cid, n):
                continue
            words = f"case {cid} version {declared} (#{n}, approved), about {_model_words(theirs)}"
            if words not in said:
                said.append(words)
            if HeldBy(case=cid, number=n) not in by:
                by.append(HeldBy(case=cid, number=n))
        if said:
            out[sha] = said
            held[sha] = by
    return out, held


def _model_words(system: object) -> str:
    """A logged `system` in words: `NAME VERSION` (its digests, shortened), or 'a model it does not name'."""
    if not isinstance(system, dict):
        return "a model it does not name"
    name = " ".join(str(system.get(k) or "") for k in ("name", "version")).strip() or "a model it does not name"
    named = system.get("digests")
    digests = [f"{d[:19]}..." for d in named if isinstance(d, str)] if isinstance(named, list) else []
    return f"`{name}` ({', '.join(digests)})" if digests else f"`{name}`"


@dataclass(frozen=True)
class _History:
    """Whose stored versions a decision is compared with."""

    case_id: str
    versions: list[CaseVersionRecord]
    this: int | None
    """The number of the version decided on, among `versions` (None: not one of them)."""
    prefix: str
    why: str
    """Why nothing is compared when no version qualifies."""
    notes: list[str]


def _history(reg: Registry, case_id: str, known: bool, versions: list[CaseVersionRecord], this: int | None,
             model_cases: list[str]) -> _History | None:
    """The case's own stored versions other than `this`; when it has none (a case id the registry
    does not know, or its only version), the versions of the case about the same model submitted last,
    so a new name does not start the comparisons afresh. None: nothing to compare with."""
    # a version stored before others (a draft resubmitted byte for byte) has those others to be
    # compared with: they were on the record before this decision
    own_other = any(this is None or v.number != this for v in versions)
    if known and (own_other or not model_cases):
        return _History(case_id, versions, this, "", "first version of the case in the registry", [])
    if not model_cases:
        return None
    other = model_cases[-1]
    what = f"the registry has no case {case_id!r}" if not known else f"the registry has no earlier version of case {case_id!r}"
    return _History(other, reg.case_versions(other), None, f"case {other} ", f"first version ({what})",
                    [f"{what}, but case {other!r} is about the same model (a digest, its name and version, "
                     "or weights the registry hashed for both): "
                     "compared with its versions"])


def _chosen(reg: Registry, hist: _History, model_cases: list[str]) -> list[Baseline]:
    """The versions to compare with, each with its role and name: the newest of `hist` stored before
    the version decided on (every stored version when that is not stored), then its last approved
    one when it differs, then the others submitted since that approval, newest first; then the last
    approved version of every other case about the same model, so a case id whose own history the
    lab wrote (a decoy version submitted first) is still compared with what was approved for the
    same weights."""

    def named(role: str, case_id: str, rec: CaseVersionRecord, prefix: str, tail: str = "") -> Baseline:
        return Baseline(role=role, label=f"{prefix}version {rec.declared_version} (#{rec.number}){tail}",
                        case=case_id, number=rec.number, digest=rec.digest,
                        recorded_at=parse_recorded(rec.submitted_at))

    last = ", the last approved"
    before = [v for v in hist.versions if hist.this is None or v.number < hist.this]
    approval = current_approval(reg, hist.case_id)
    approved = approval.version if approval is not None and (hist.this is None or approval.version < hist.this) else None
    out: list[Baseline] = []
    if before:
        out.append(named("previous", hist.case_id, before[-1], hist.prefix, last if before[-1].number == approved else ""))
    if approved is not None and (not before or approved != before[-1].number):
        out.append(named("approved", hist.case_id, reg.case_version(hist.case_id, approved, contents=False),
                         hist.prefix, last))
    # and every other version submitted since the last approval (every one, when none was
    # approved), newest first: a version slipped in just before this one must not become the
    # only yardstick
    buried = _Buried(hist.case_id)
    since = _cut(reg, [v for v in before[:-1] if approved is None or v.number > approved], buried)
    out += [named("earlier", hist.case_id, v, hist.prefix) for v in reversed(since)]
    # a version decided on after later ones were submitted (the bytes of an old draft, resubmitted
    # unchanged) is compared with them too, newest first: what the record held when it is decided
    # is the yardstick, not only what preceded the draft the lab chose to go back to
    later = _cut(reg, [v for v in hist.versions if hist.this is not None and v.number > hist.this], buried)
    out += [named("later", hist.case_id, v, hist.prefix, ", submitted after it") for v in reversed(later)]
    seen = {(b.case, b.number) for b in out}
    for other in model_cases:
        appr = current_approval(reg, other)
        if appr is not None and (other, appr.version) not in seen:
            out.append(named("approved", other, reg.case_version(other, appr.version, contents=False),
                             f"case {other} ", last))
    # and every version of a case about the same model (this one's history included, past the
    # cut above, however many) that a logged decision or judgement found NO-GO since that case's last approval:
    # a NO-GO is what the registry remembers of these weights, whatever case id the next version
    # is filed under and whatever decoy was submitted before it
    seen = {(b.case, b.number) for b in out}
    no_go = 0
    for cid in dict.fromkeys([hist.case_id, *model_cases]):
        own = cid == hist.case_id
        appr = current_approval(reg, cid)
        stored = {v.number: v for v in (hist.versions if own else reg.case_versions(cid))}
        judged = [n for n in judged_no_go(reg, cid, list(stored.values()))
                  if (appr is None or n > appr.version) and not (own and hist.this is not None and n == hist.this)]
        # never cut: a NO-GO buried among more versions is what a lab filing twenty more would want;
        # each costs one stored version loaded and compared, bounded by `no-go-versions` for the
        # whole model (past it, nothing is decided: exit 2 naming the limit)
        no_go += len(judged)
        judged = [n for n in judged if (cid, n) not in seen]
        if no_go > current_limits().no_go_versions:
            raise LimitError("no_go_versions", f"the registry holds {no_go:,} or more versions judged NO-GO since "
                             f"their case's last approval among the cases about the model of case {hist.case_id!r}, "
                             "each to be compared with before a decision", location="registry")
        prefix = hist.prefix if own else f"case {cid} "
        out += [named("earlier", cid, stored[n], prefix, ", judged NO-GO") for n in reversed(judged)]
    # and the other versions of every other case about the same model submitted since its last approval
    # (every one, when none was approved; cut as above): a run or test of these weights the registry
    # holds in a draft of another case is on the record, whatever decoy (a draft version of this
    # case, or a draft case submitted last) was filed before this one
    seen = {(b.case, b.number) for b in out}
    for other, drafts in other_cases_drafts(reg, hist.case_id, model_cases, buried):
        out += [named("earlier", other, v, f"case {other} ", ", about the same model") for v in reversed(drafts)
                if (other, v.number) not in seen]
    return out


def other_cases_drafts(reg: Registry, case_id: str, model_cases: list[str],
                       buried: _Buried | None = None) -> list[tuple[str, list[CaseVersionRecord]]]:
    """For each case about the same model other than `case_id` (`model_cases`), its versions
    submitted since its last approval (every one, when none was approved), oldest first, cut to
    `EARLIER_MAX` as a case's own history is (`_cut`: its first and last halves, and each between
    them holding an artifact they do not), counted in `buried`."""
    buried = buried or _Buried(case_id)
    out = []
    for other in model_cases:
        if other == case_id:
            continue
        appr = current_approval(reg, other)
        out.append((other, _cut(reg, [v for v in reg.case_versions(other) if appr is None or v.number > appr.version],
                                buried)))
    return out


def judged_no_go(reg: Registry, case_id: str, versions: list[CaseVersionRecord]) -> list[int]:
    """The numbers of the stored versions of `case_id` (`versions`) that a logged `decision` or
    `judgement` entry found NO-GO, oldest first, each once. An entry that records no version number
    is taken as of the latest version stored before it."""
    found: set[int] = set()
    for e in [*reg.events(case_id, "decision"), *reg.events(case_id, "judgement")]:
        p = e.payload if isinstance(e.payload, dict) else {}
        if p.get("outcome") != "NO-GO":
            continue
        n = p.get("version")
        if type(n) is not int:
            before = [v.number for v in versions if v.log_index < e.index]
            if not before:
                continue
            n = before[-1]
        found.add(n)
    known = {v.number for v in versions}
    return sorted(n for n in found if n in known)


def required_history(reg: Registry, case_id: str, number: int) -> tuple[list[tuple[str, int, str, str]], list[str]]:
    """What a decision on stored version `number` of `case_id` must have been compared with, as the
    registry stands: the versions `comparison_for` would choose, each as (case, number, digest,
    how to name it), and the ids of the incidents and monitor breaches that defeat its claims."""
    versions = reg.case_versions(case_id)
    mine = next((e for e in reg.events(case_id, "case-version") if e.payload.get("version") == number), None)
    system = mine.payload.get("system") if mine is not None else None
    model_cases = cases_of_model(reg, case_id, number, system)
    cache = VersionCache(reg)
    incidents = [f"incident-{e.index}" for e, _n, _c in _defeating_entries(reg, case_id, number, cache)]
    incidents += [f"incident-{e.index}" for other in model_cases for e, _n, _c in _defeating_entries(reg, other, None,
                                                                                                     cache)]
    incidents += [f"breach-{e.index}" for e in _breach_entries(reg, case_id, number)]
    incidents += [f"breach-{e.index}" for other in model_cases for e in _breach_entries(reg, other, None)]
    hist = _history(reg, case_id, True, versions, number, model_cases)
    chosen = _chosen(reg, hist, model_cases) if hist is not None else []
    return [(str(b.case), int(b.number or 0), str(b.digest), f"{b.label} ({b.role})") for b in chosen], incidents


def required_deployed(reg: Registry, case_id: str, number: int) -> list[tuple[str, int, str, str]]:
    """The version each other case about the same model as stored version `number` of `case_id`
    stands approved on, as the registry stands (`deployed_with`), each as (case, number, digest,
    how to name it): a decision approving the version must have weighed each as deployed beside
    it (a decision made while one was still a draft did not)."""
    mine = next((e for e in reg.events(case_id, "case-version") if e.payload.get("version") == number), None)
    system = mine.payload.get("system") if mine is not None else None
    out = []
    for other in cases_of_model(reg, case_id, number, system):
        if reg.case_state(other) in ("withdrawn", "superseded"):
            continue
        appr = current_approval(reg, other)
        if appr is not None:
            rec = reg.case_version(other, appr.version, contents=False)
            out.append((other, rec.number, rec.digest,
                        f"case {other} version {rec.declared_version} (#{rec.number}), the last approved (deployed)"))
    return out


def linked_cases(reg: Registry, loaded: Loaded, cache: VersionCache) -> list[LinkedCase]:
    """Each case the system's lineage names, as the registry knows it: its state and what the
    version a decision approved is about (a later version no decision approved covers nothing;
    without any approval, its latest version, which the state then shows to be unapproved); a
    case the registry does not know has no state."""
    case = loaded.case
    assert case is not None
    out: list[LinkedCase] = []
    for lin in case.system.lineage:
        if not lin.case or any(x.id == lin.case for x in out):
            continue
        state = reg.case_state(lin.case)
        versions = reg.case_versions(lin.case) if state is not None else []
        if state is None or not versions:
            out.append(LinkedCase(id=lin.case))
            continue
        approval = current_approval(reg, lin.case)
        sv = cache.get(lin.case, approval.version if approval is not None else versions[-1].number)
        b = sv.case.boundary
        out.append(LinkedCase(
            id=lin.case, state=state, version=f"version {sv.label}",
            system=f"{sv.case.system.name} {sv.case.system.version}", digests=list(sv.case.system.digests),
            boundary=b.kind.value if b is not None else None,
            internal_scale=b is not None and b.internal is not None and not b.internal.unrecorded()))
    return out


def registered_protocols(reg: Registry, policy_id: str | None, keyring: Keyring | None) -> list[RegisteredProtocol]:
    """Every protocol registered for `policy_id`, oldest first, verified against `keyring`."""
    from ..sign import read_protocol

    if policy_id is None:
        return []
    return [read_protocol(e.payload.get("envelope"), keyring, label=f"protocol (log entry {e.index})",
                          logged_at=e.recorded_at, log_index=e.index)
            for e in reg.events(kind=PROTOCOL_EVENT) if e.payload.get("policy") == policy_id]


@dataclass
class ModelLog:
    """What ties cases to a model, folded from the log entry by entry (`add`): each stored
    version's logged `system` (case id, number, system), in log order, and the files and tensors of
    each stored version's model(s) the registry logged (`model-files` entries; an entry logged
    before every file was lists only the weights; one logged before tensors were fingerprinted
    lists no tensors). The registry folds its whole log (`ModelIndex.of`); the log monitor folds
    the entries as it checks them, and keeps the fold between runs (`to_json`)."""

    versions: list[tuple[str, object, object]] = field(default_factory=list)
    weights: dict[tuple[str, int], dict[str, str]] = field(default_factory=dict)
    files: dict[tuple[str, int], dict[str, str]] = field(default_factory=dict)
    tensors: dict[tuple[str, int], dict[str, str]] = field(default_factory=dict)

    def add(self, e: LogEntry) -> bool:
        """Fold `e` in; whether it was a version or model files."""
        if not e.case_id:
            return False
        if e.kind == "case-version":
            self.versions.append((e.case_id, e.payload.get("version"), e.payload.get("system")))
            return True
        n = e.payload.get("version")
        if e.kind != MODEL_FILES_EVENT or not isinstance(n, int):
            return False

        held = file_pairs(e.payload.get("weights"))
        self.weights.setdefault((e.case_id, n), {}).update(held)
        self.files.setdefault((e.case_id, n), {}).update({**file_pairs(e.payload.get("files")), **held})
        self.tensors.setdefault((e.case_id, n), {}).update(_tensor_pairs(e.payload.get("tensors")))
        return True

    def logged(self) -> dict[tuple[str, int], LoggedModel]:
        return {k: LoggedModel(self.weights[k], self.files[k], self.tensors[k]) for k in self.weights}

    def index(self) -> ModelIndex:
        return ModelIndex(self.logged(), self.versions)

    def to_json(self) -> dict[str, Any]:
        return {"versions": [list(v) for v in self.versions],
                "models": [[c, n, self.weights[c, n], self.files[c, n], self.tensors[c, n]]
                           for c, n in sorted(self.weights)]}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> ModelLog:
        out = cls(versions=[(str(c), n, sy) for c, n, sy in raw.get("versions", [])])
        for c, n, w, f, t in raw.get("models", []):
            out.weights[str(c), int(n)] = dict(w)
            out.files[str(c), int(n)] = dict(f)
            out.tensors[str(c), int(n)] = dict(t)
        return out


def _logged_models(reg: Registry) -> dict[tuple[str, int], LoggedModel]:
    """The files of each stored version's model(s) the registry logged (`ModelLog`)."""
    fold = ModelLog()
    for e in reg.events(kind=MODEL_FILES_EVENT):
        fold.add(e)
    return fold.logged()


def _logged_for_digests(reg: Registry, system: object) -> LoggedModel | None:
    """The files and tensors the registry logged (for any case) for the model digests `system`
    (a logged `system`) names; None when it logged none."""
    named = system.get("digests") if isinstance(system, dict) else None
    digests = {d for d in named if isinstance(d, str)} if isinstance(named, list) else set()
    if not digests:
        return None
    weights: dict[str, str] = {}
    files: dict[str, str] = {}
    tensors: dict[str, str] = {}
    for e in reg.events(kind=MODEL_FILES_EVENT):
        if e.payload.get("digest") not in digests:
            continue
        listed = model_files_listed(e.payload)
        if listed is None:
            continue
        files.update(listed)
        weights.update({str(w[0]): str(w[1]) for w in e.payload.get("weights") or []})
        tensors.update(_tensor_pairs(e.payload.get("tensors")))
    return LoggedModel(weights, files, tensors) if weights else None


def deployed_weights_problems(reg: Registry, case_id: str, resources: tuple[tuple[str, str], ...],
                              weights: tuple[str, ...] | list[str],
                              tensors: tuple[tuple[str, str], ...] = (), *,
                              boundary: BoundaryKind | None = None) -> tuple[list[str], list[str]]:
    """What the registry says about the model being deployed (a model manifest's files;
    `weights`: the paths among them that hold weights, by name or content; `tensors`: (path,
    fingerprint) of the tensors of those weights) under a decision on `case_id` across `boundary`:
    (reasons, notes). A reason: it shares weights with another case whose own reopening or
    withdrawal stands, or whose own restriction to a boundary narrower than `boundary` (any, when
    None) stands (`standing_changes`; `LoggedModel.shared_weights`: any deployed file with the
    bytes of a weights file hashed for that case, a deployed weights file with the bytes of any
    file of it, or a deployed tensor that a weights file hashed for it holds), whatever its
    digest, name, id, file names, metadata or sharding. That the files are, path for path, those
    logged for the decided version is `verify`'s check (`casegate.verify.model_files_problems`,
    on the proven log)."""
    reasons: list[str] = []
    files = dict(resources)
    deployed = LoggedModel({p: files[p] for p in weights if p in files}, files, {fp: p for p, fp in tensors})
    standing = standing_changes(reg)
    for (other, n), logged in sorted(_logged_models(reg).items()):
        s = standing.get(other) if other != case_id else None
        shared = deployed.shared_weights(logged) if s is not None else []
        if s is None or not shared:
            continue
        if s.state == "restricted":
            try:
                cap = BoundaryKind(str(s.restricted_to))
            except ValueError:
                cap = None
            if cap is not None and boundary is not None and boundary.rank <= cap.rank:
                continue
            what = (f"restricted to {s.restricted_to}: the same weights under another case deploy no wider than "
                    "that while it stands")
        else:
            what = f"{s.state}: the same weights under another case do not deploy while it stands"
        here, there = shared[0]
        kind = "a tensor" if "(tensor " in here else "a file"
        reasons.append(f"the weights deployed include {kind} the registry hashed for version {n} of case {other}, "
                       f"which is {what} ({here} has the bytes of its {there}"
                       + (f", and {len(shared) - 1} more" if len(shared) > 1 else "") + ")")
    return reasons, []


def logged_files_of(reg: Registry, model_digest: str) -> tuple[
        tuple[tuple[str, str], ...], tuple[str, ...], tuple[tuple[str, str], ...]] | None:
    """The files (path, sha256), the weights paths among them and the (path, fingerprint) of their
    tensors of the model at `model_digest`, as the registry logged them for any case (the first
    `model-files` entry that lists every file of that digest; the tensors of every entry of it),
    or None when it logged none: what `verify --model-digest` compares with other cases' weights."""
    found: tuple[tuple[tuple[str, str], ...], tuple[str, ...]] | None = None
    tensors: dict[str, str] = {}
    for e in reg.events(kind=MODEL_FILES_EVENT):
        if e.payload.get("digest") != model_digest:
            continue
        tensors.update(_tensor_pairs(e.payload.get("tensors")))
        listed = model_files_listed(e.payload)
        if listed is None or found is not None:
            continue
        found = tuple(listed.items()), tuple(str(w[0]) for w in e.payload.get("weights") or [])
    if found is None:
        return None
    return found[0], found[1], tuple(sorted((p, fp) for fp, p in tensors.items()))


def cases_of_model(reg: Registry, but: str, number: int | None, system: object,
                   index: ModelIndex | None = None) -> list[str]:
    """The ids of the registry's cases, other than `but`, any of whose versions is about the same
    model as `system` (of stored version `number` of `but`; None: not stored yet): a digest, or the
    name and version in common (`model_keys`), or weights in common between the model files the
    registry logged for the two versions (`LoggedModel.shared_weights`: every file of either is
    compared with the weights files of the other, and the tensors of their weights files), in log
    order."""
    index = index if index is not None else ModelIndex.of(reg)
    return index.cases_of(but, system, _weights_of(reg, index, but, number, system))


def _weights_of(reg: Registry, index: ModelIndex, case_id: str, number: int | None,
                system: object) -> LoggedModel | None:
    """The model files the registry logged for stored version `number` of `case_id`; for a version
    not stored yet (a gate run before `registry submit`), those it hashed for the digests `system`
    names, under any case; None when it logged none."""
    mine = index.logged.get((case_id, number)) if number is not None else None
    return mine if mine is not None else _logged_for_digests(reg, system)


def cases_of_stored_model(reg: Registry, case_id: str, number: int, index: ModelIndex | None = None) -> list[str]:
    """`cases_of_model` for stored version `number` of `case_id`, about the model its logged
    `system` and model files name (`index`: the registry's, read once by a caller that asks for
    many cases)."""
    index = index if index is not None else ModelIndex.of(reg)
    return index.cases_of(case_id, index.system_of(case_id, number), index.logged.get((case_id, number)))


def model_index(reg: Registry) -> ModelIndex:
    """What ties the registry's cases to models, read once (see `cases_of_stored_model`)."""
    return ModelIndex.of(reg)


@dataclass(frozen=True)
class ModelIndex:
    """What `cases_of_model` reads from the registry, read once: the model files logged for each
    stored version, and each version's logged `system` (case id, number, system), in log order."""

    logged: dict[tuple[str, int], LoggedModel]
    versions: list[tuple[str, object, object]]

    @classmethod
    def of(cls, reg: Registry) -> ModelIndex:
        fold = ModelLog()
        for e in [*reg.events(kind="case-version"), *reg.events(kind=MODEL_FILES_EVENT)]:
            fold.add(e)
        return fold.index()

    def system_of(self, case_id: str, number: int) -> object:
        return next((sy for c, n, sy in self.versions if c == case_id and n == number), None)

    def cases_of(self, but: str, system: object, mine: LoggedModel | None) -> list[str]:
        """The cases other than `but` about the same model as `system` with model files `mine`."""
        keys = model_keys(system)
        found: dict[str, None] = {}
        if not keys and mine is None:
            return []
        for cid, n, their_system in self.versions:
            if cid == but or cid in found:
                continue
            theirs = self.logged.get((cid, n)) if isinstance(n, int) else None
            if keys & model_keys(their_system) or (
                    mine is not None and theirs is not None and mine.shared_weights(theirs)):
                found[cid] = None
        return list(found)


FOLLOWED_STATES = ("reopened", "withdrawn", "restricted")
"""States a case is put in for a cause of its own that every deployed case about the same weights
follows (`follow_shared_weights`)."""
SHARED_WEIGHTS = "shared-weights"
"""The cause type of a state change that follows another case about the same weights."""


@dataclass(frozen=True)
class Standing:
    """A case's reopening, restriction or withdrawal for a cause of its own, which no approval by
    a decision (nor its supersession by another case) has ended yet."""

    case_id: str
    state: str
    """reopened, withdrawn or restricted (the latest such change of its own)."""
    restricted_to: str | None
    entry: int
    """The log entry of that state change."""

    def words(self) -> str:
        to = f" to {self.restricted_to}" if self.state == "restricted" and self.restricted_to else ""
        return f"case {self.case_id} is {self.state}{to} (log entry {self.entry})"


def standing_changes(reg: Registry) -> dict[str, Standing]:
    """Each case whose own reopening, restriction or withdrawal stands, by case id: the latest
    state change to one of `FOLLOWED_STATES` for a cause other than following another case
    (`SHARED_WEIGHTS`), with no approval by a decision and no supersession logged after it. A
    case that only follows another is no cause for a third (the one it follows is)."""
    out: dict[str, Standing] = {}
    for e in reg.events(kind="state-change"):
        fold_standing(out, e)
    return out


def fold_standing(out: dict[str, Standing], e: LogEntry) -> None:
    """Fold the state change `e` into `out` (`standing_changes`)."""
    if not e.case_id or e.kind != "state-change":
        return
    to = e.payload.get("to")
    cause = e.payload.get("cause")
    ctype = cause.get("type") if isinstance(cause, dict) else None
    if to in FOLLOWED_STATES and ctype != SHARED_WEIGHTS:
        r = e.payload.get("restricted_to")
        out[e.case_id] = Standing(e.case_id, str(to), str(r) if r else None, e.index)
    elif to == "superseded" or (to in ("approved", "approved-with-conditions") and ctype == "decision"):
        out.pop(e.case_id, None)


_SEVERITY = {"withdrawn": 0, "reopened": 1, "restricted": 2}


def _strictest(found: list[Standing]) -> Standing | None:
    """The change that leaves least: a withdrawal, else a reopening, else the narrowest restriction."""
    from ..model import BoundaryKind

    def rank(s: Standing) -> tuple[int, int]:
        try:
            width = BoundaryKind(str(s.restricted_to)).rank if s.state == "restricted" else 0
        except ValueError:
            width = -1  # a restriction to no boundary casegate knows is the narrowest
        return _SEVERITY[s.state], width

    return min(found, key=rank) if found else None


def linked_standing(reg: Registry | None, case_id: str, number: int, *, index: ModelIndex | None = None,
                    standing: dict[str, Standing] | None = None) -> list[Standing]:
    """The standing reopenings, restrictions and withdrawals (`standing_changes`) of the other
    cases about the same model as stored version `number` of `case_id` (`cases_of_model`)."""
    if standing is None or index is None:
        assert reg is not None
        standing = standing_changes(reg) if standing is None else standing
    if not any(c != case_id for c in standing):
        return []
    if index is None:
        assert reg is not None
        index = ModelIndex.of(reg)
    cases = index.cases_of(case_id, index.system_of(case_id, number), index.logged.get((case_id, number)))
    return [standing[c] for c in cases if c in standing]


@dataclass(frozen=True)
class FollowUp:
    """A state change a deployed case owes because a case about the same model stands reopened,
    restricted or withdrawn for a cause of its own (`owed_follow_up`)."""

    case_id: str
    to: str
    """reopened, withdrawn or restricted."""
    restricted_to: str | None
    boundary: str | None
    """The boundary of the decision the case stands approved on."""
    cause: dict[str, Any]
    """The `shared-weights` cause to log."""
    found: Standing


def owed_follow_up(case_id: str, state: str | None, restriction: str | None, boundary: object,
                   version: int | None, index: ModelIndex, standing: dict[str, Standing]) -> FollowUp | None:
    """What deployed case `case_id` (in `state`, restricted to `restriction`, approved by a
    decision across `boundary` on stored version `version`) must follow, given every case's
    standing change (`standing_changes`) and what ties cases to a model (`index`): withdrawn,
    else reopened, else restricted to that boundary when it is narrower than the boundary the
    case stands on; None when nothing. The registry logs it (`follow_shared_weights`); the log
    monitor recomputes it from the log and flags a deployed case left without it (LM106)."""
    from ..model import BoundaryKind

    if state not in ("approved", "approved-with-conditions", "restricted") or version is None:
        return None
    found = _strictest(linked_standing(None, case_id, version, index=index, standing=standing))
    if found is None:
        return None
    kinds = {b.value: b for b in BoundaryKind}
    decided = kinds.get(str(boundary))
    stands_on = kinds.get(str(restriction)) if state == "restricted" and restriction else decided
    restricted_to = None
    if found.state == "restricted":
        restricted_to = kinds.get(str(found.restricted_to))
        if restricted_to is None:
            found = Standing(found.case_id, "reopened", None, found.entry)  # fail closed: no boundary to cap at
        elif stands_on is not None and restricted_to.rank >= stands_on.rank:
            return None
    what = ("do not deploy under any case id while that stands" if found.state != "restricted" else
            f"deploy no wider than {found.restricted_to} under any case id while that stands")
    cause = {"type": SHARED_WEIGHTS, "case": found.case_id, "entry": found.entry, "state": found.state,
             "reason": f"{found.words()}, and is about the same model as this case (a digest, its name and "
                       f"version, or weights the registry hashed for both): the weights {what}"}
    return FollowUp(case_id, found.state, restricted_to.value if found.state == "restricted" and restricted_to
                    else None, decided.value if decided is not None else None, cause, found)


def owed_follow_ups(reg: Registry, case_id: str | None = None) -> list[FollowUp]:
    """The state changes the registry owes deployed cases (every one, or `case_id`'s) about the
    same model as a case whose own reopening, restriction or withdrawal stands (`owed_follow_up`).
    Empty once `follow_shared_weights` has logged them; a read that finds one owed (a registry
    written before they were logged with their cause, or by a writer that stopped between the
    two) answers "not verified" for that case."""
    standing = standing_changes(reg)
    if not standing:
        return []
    index: ModelIndex | None = None
    out: list[FollowUp] = []
    for cid in [case_id] if case_id is not None else reg.case_ids():
        state = reg.case_state(cid)
        if state not in ("approved", "approved-with-conditions", "restricted"):
            continue
        approval = current_approval(reg, cid)
        if approval is None:
            continue
        index = index or ModelIndex.of(reg)
        decided = reg.entry(approval.decision).payload.get("boundary") if approval.decision is not None else None
        owed = owed_follow_up(cid, state, reg.case_restriction(cid) if state == "restricted" else None,
                              decided, approval.version, index, standing)
        if owed is not None:
            out.append(owed)
    return out


def owed_words(f: FollowUp) -> str:
    """Why a case owing a follow-up does not verify, naming what to do."""
    to = f" to {f.restricted_to}" if f.restricted_to else ""
    return (f"{f.found.words()} and is about the same model as case {f.case_id}, but the registry has not logged "
            f"the same change ({f.to}{to}) on case {f.case_id}: its state cannot be vouched for until it does "
            f"(`casegate triggers run` logs it)")


OWED_CAUSE = "a state change owed from a case about the same weights"
"""The public words for `owed_reasons` (a `DeployState` cause)."""


def owed_reasons(reg: Registry, case_id: str) -> list[str]:
    """Why the registry cannot vouch for the case's state: the state change it owes the case because
    a case about the same weights stands reopened, restricted or withdrawn (`owed_follow_ups`),
    in words naming what to do; empty when none is owed."""
    return [owed_words(f) for f in owed_follow_ups(reg, case_id)]


def follow_shared_weights(reg: Registry) -> list[LogEntry]:
    """Move every deployed case (approved, approved with conditions or restricted) about the same
    model as a case whose own reopening, restriction or withdrawal stands (`linked_standing`, for
    the version it was approved at) the same way, with a `shared-weights` cause naming that case
    and its change (`owed_follow_up`: withdrawn, else reopened, else restricted to that boundary
    when it is narrower than the boundary the case stands on). So the case's own state (`state
    show`, its state proof offline, `verify`) says the weights do not deploy, whatever case id they
    are filed under. The moves are logged in one transaction, joining the caller's (the state
    change or submission that made them owed: `Registry.atomic`), so the log never holds the cause
    without them; returns their entries."""
    from ..model import BoundaryKind
    from ._states import CaseState, IllegalTransitionError, transition

    out: list[LogEntry] = []
    with reg.atomic("following a state change of a case about the same weights"):
        for f in owed_follow_ups(reg):
            try:
                out.append(transition(reg, f.case_id, CaseState(f.to), f.cause,
                                      restricted_to=BoundaryKind(f.restricted_to) if f.restricted_to else None,
                                      boundary=BoundaryKind(f.boundary) if f.boundary else None, follow=False))
            except IllegalTransitionError:
                continue
    return out


def record_model_files(reg: Registry, case_id: str, number: int, digest: str,
                       resources: tuple[tuple[str, str], ...], *, weights: tuple[str, ...] | list[str],
                       tensors: tuple[tuple[str, str], ...] | list[tuple[str, str]] = (),
                       content: str | None = None) -> LogEntry | None:
    """Log the files (path and sha256; the weights among them apart) of the model stored version
    `number` of `case_id` is about, hashed by the registry's caller from the model itself: `digest`
    (its manifest root digest, which the files must hash to) must be one of the version's system
    digests; `weights` are the paths among `resources` that hold weights, by name or content
    (`casegate.evidence.model_digest` names them), and there must be one; `tensors` are (path,
    fingerprint) of the tensors of those weights files that identify a model
    (`casegate.evidence.tensor_fingerprints`), logged with them so a re-export of the same tensors
    in other files is the same weights; `content` is the digest of what the model computes with
    (`casegate.evidence.model_content`), which tells whether two digests are one model. None when
    they are logged already (`casegate.store.model_files_listed`, with every tensor of `tensors`
    and the same `content`). Where an earlier entry logged only the
    weights files of that model, every file is logged once each of those is among the files, path
    for path."""
    from ..evidence import MIN_WEIGHTS_BYTES, manifest_root

    mine = next((e for e in reg.events(case_id, "case-version") if e.payload.get("version") == number), None)
    system = mine.payload.get("system") if mine is not None else None
    named = system.get("digests") if isinstance(system, dict) else None
    if not isinstance(named, list) or digest not in named:
        raise InputError(f"the model's digest {digest} is not one of version {number} of {case_id}'s system digests",
                         help="point --model at the weights the case is about (casegate digest PATH prints "
                              "the digest), or list that digest under system.digests")
    if not resources or manifest_root(resources) != digest:
        raise InputError(f"the files given for the model do not hash to its digest {digest}",
                         help="compute the digest and the files from the model itself (casegate.evidence.model_digest)")
    chosen = set(weights)
    held = [(p, h) for p, h in resources if p in chosen]
    if not held:
        raise InputError(f"the model at digest {digest} holds no weights file: none of its files is a safetensors or "
                         "GGUF file holding a tensor, another weights format (NumPy, HDF5, TFLite, a PyTorch "
                         "checkpoint) or a file named as weights (.bin, .pt, .onnx, ...), of at least "
                         f"{MIN_WEIGHTS_BYTES} bytes; a file named .safetensors or .gguf that is not one, or holds no "
                         "tensor, is not weights",
                         help="point --model at the directory that holds the weights (the registry ties cases "
                              "together by the weights it hashed)")
    logged = [e for e in reg.events(case_id, MODEL_FILES_EVENT)
              if e.payload.get("version") == number and e.payload.get("digest") == digest]
    prints = sorted({(p, fp) for p, fp in tensors if p in chosen})
    if any(model_files_listed(e.payload) is not None
           and {fp for _, fp in prints} <= set(_tensor_pairs(e.payload.get("tensors")))
           and (content is None or e.payload.get("content") == content) for e in logged):
        return None
    for e in logged:
        if not all(isinstance(w, list) and tuple(w) in resources for w in e.payload.get("weights") or []):
            raise InputError(f"the weights files at {digest} are not, path for path, those log entry {e.index} holds "
                             f"for version {number} of {case_id}",
                             help="point --model at the model whose weights were logged")
    # (they may tie a deployed case to one reopened, restricted or withdrawn: the caller runs
    # `follow_shared_weights` once the version and its files are logged)
    payload: dict[str, Any] = {"version": number, "digest": digest, "weights": [list(w) for w in held],
                               "files": [list(r) for r in resources]}
    if prints:
        payload["tensors"] = [list(t) for t in prints]
    if content is not None:
        payload["content"] = content
    return reg.record(MODEL_FILES_EVENT, case_id, payload)


def _defeating_entries(reg: Registry, case_id: str, this: int | None,
                       cache: VersionCache | None = None) -> list[tuple[LogEntry, int, list[str]]]:
    """The 'incident' entries of the case that defeated claims of version `this` or an earlier
    one (every version when `this` is None), each with that version and the claims it defeats:
    those logged with it, and those of every domain added to it since (`incident add-domain`) in
    the version it was logged against (`incident_domains`): an incident recorded in a domain the
    case claims nothing about, then added to the cyber domain, defeats the cyber claims."""
    from ._rated import added_domains

    added = added_domains(reg, case_id)
    out = []
    for e in reg.events(case_id, "incident"):
        d = e.payload.get("defeats") or {}
        n, claims = d.get("version"), [str(c) for c in d.get("claims") or []]
        if not isinstance(n, int) or (this is not None and n > this):
            continue
        if added.get(e.index):
            cache = cache if cache is not None else VersionCache(reg)
            from ._evaluate import domain_claims

            case = cache.get(case_id, n).case
            claims = list(dict.fromkeys([*claims, *(c for dom in added[e.index] for c in domain_claims(case, dom))]))
        if claims:
            out.append((e, n, claims))
    return out


def _breach_entries(reg: Registry, case_id: str, this: int | None) -> list[LogEntry]:
    """The 'trigger-fired' entries of the case for a monitor breach, fired while version `this` or an
    earlier one stood (every version when `this` is None)."""
    out = []
    for e in reg.events(case_id, "trigger-fired"):
        n = e.payload.get("version")
        if e.payload.get("event") == "monitor" and isinstance(n, int) and (this is None or n <= this):
            out.append(e)
    return out


def _defeat(e: LogEntry, case_id: str, sv: StoredVersion, claims: list[str], of_case: bool,
            **fields: Any) -> IncidentDefeat:
    """A defeater logged at entry `e` against stored version `sv` of `case_id`, with what that
    version argued and held (its claims `claims`, safeguards and boundary), which an answer is
    measured against."""
    els = sv.case.argument.elements
    b = sv.case.boundary
    return IncidentDefeat(
        version=f"case {case_id} version {sv.label}" if of_case else f"version {sv.label}",
        claims={c: els[c].text for c in claims if c in els},
        safeguards=sorted(sv.case.safeguards), boundary_rank=b.kind.rank if b is not None else None,
        tools=list(b.tools) if b is not None else [],
        safeguard_substance=sorted({sg.substance(sv.case.evidence) for sg in sv.case.safeguards.values()}),
        log_index=e.index, logged_at=parse_recorded(e.recorded_at), case=case_id if of_case else None, **fields)


def defeating_incidents(reg: Registry, case_id: str, this: int | None, cache: VersionCache, *,
                        of_case: bool = False) -> list[IncidentDefeat]:
    """Incidents logged against the case that defeated claims of version `this` or an earlier one
    (every version when `this` is not stored yet), then the monitor breaches that fired a trigger
    while such a version stood (`defeating_breaches`). `of_case`: they are shown as another
    case's (named with its id), for a case of the same model."""
    from ._rated import (
        added_domains,
        domains_shown,
        incident_attacks,
        rated_severities,
        severity_shown,
    )

    out: list[IncidentDefeat] = []
    rated = rated_severities(reg, case_id)
    added = added_domains(reg, case_id)
    attacks = incident_attacks(reg, case_id)
    for e, n, claims in _defeating_entries(reg, case_id, this, cache):
        p = e.payload
        out.append(_defeat(e, case_id, cache.get(case_id, n), claims, of_case,
                           id=f"incident-{e.index}", date=p.get("date"), domain=domains_shown(p.get("domain"), added.get(e.index, ())),
                           severity=severity_shown(p.get("severity"), rated.get(e.index)),
                           attack=p.get("attack") if isinstance(p.get("attack"), str) else None,
                           attacks_added=attacks.get(e.index, ([], None))[0],
                           no_attack=attacks.get(e.index, ([], None))[1]))
    return out + defeating_breaches(reg, case_id, this, cache, of_case=of_case)


def _launched_at(reg: Registry, case_id: str, this: int | None, model_cases: list[str]) -> dt.datetime | None:
    """When the previous launch was logged: the last approval by a decision of a version of
    `case_id` before `this` (of any version when `this` is None), else the first approval of
    another case of the same model (None: nothing about the model was ever approved)."""
    from ._states import CaseState, CauseType

    def approvals(cid: str, below: int | None) -> list[dt.datetime]:
        out = []
        for e in reg.events(cid, "state-change"):
            cause = e.payload.get("cause") or {}
            v = cause.get("version")
            if e.payload.get("to") in (CaseState.approved.value, CaseState.approved_with_conditions.value) \
                    and cause.get("type") == CauseType.decision.value and isinstance(v, int) \
                    and (below is None or v < below):
                out.append(parse_recorded(e.recorded_at))
        return out

    mine = approvals(case_id, this)
    if mine:
        return max(mine)
    theirs = [t for other in model_cases for t in approvals(other, None)]
    return min(theirs) if theirs else None


def denied_incidents(reg: Registry, case_id: str, this: int | None, model_cases: list[str]) -> list[IncidentDefeat]:
    """What words saying the model has had no incidents since launch contradict (CG438): every
    'incident' entry of `case_id` and of each case of `model_cases` judged high or worse (its
    recorded severity or a rating since) and logged after the previous launch (`_launched_at`;
    every one when nothing was launched), whatever claims it defeats: one in a domain the case
    claims nothing about happened to the model all the same. Read from the log entries alone (no
    stored version is loaded)."""
    from ..model import Severity
    from ._rated import judged_severity, rated_severities, severity_shown

    since = _launched_at(reg, case_id, this, model_cases)
    out: list[IncidentDefeat] = []
    for cid in [case_id, *model_cases]:
        rated = rated_severities(reg, cid)
        labels = {e.payload.get("version"): f"version {e.payload.get('declared_version')} (#{e.payload.get('version')})"
                  for e in reg.events(cid, "case-version")}
        for e in reg.events(cid, "incident"):
            p = e.payload
            judged = judged_severity(p.get("severity"), rated.get(e.index))
            logged = parse_recorded(e.recorded_at)
            if judged is None or judged.rank < Severity.high.rank or (since is not None and logged <= since):
                continue
            n = (p.get("defeats") or {}).get("version")
            day = p.get("date")
            try:
                date = dt.date.fromisoformat(str(day))
            except ValueError:
                date = logged.date()
            version = labels.get(n, f"version #{n}")
            out.append(IncidentDefeat(id=f"incident-{e.index}", date=date, domain=str(p.get("domain") or ""),
                                      severity=severity_shown(p.get("severity"), rated.get(e.index)),
                                      version=version if cid == case_id else f"case {cid} {version}",
                                      log_index=e.index, logged_at=logged, case=None if cid == case_id else cid))
    return out


def defeating_breaches(reg: Registry, case_id: str, this: int | None, cache: VersionCache, *,
                       of_case: bool = False) -> list[IncidentDefeat]:
    """Monitor breaches that fired a trigger of the case while version `this` or an earlier one
    stood: each defeats the claims of the monitored domain in that version (`monitor_claims`), and
    the next version must answer it as it answers an incident (CG718). Dated by the end of the
    breaching window (the day the trigger fired, when that cannot be read)."""
    out: list[IncidentDefeat] = []
    for e in _breach_entries(reg, case_id, this):
        p = e.payload
        sv = cache.get(case_id, p["version"])
        got = p.get("details")
        details: dict[str, Any] = got if isinstance(got, dict) else {}
        mid = str(details["monitor"]) if details.get("monitor") else None
        pd = sv.case.post_deployment
        m = pd.monitors.get(mid) if pd is not None and mid is not None else None
        try:
            day = parse_timestamp(details.get("window_end"), f"log entry {e.index}").date()
        except InputError:
            day = parse_recorded(e.recorded_at).date()
        out.append(_defeat(e, case_id, sv, monitor_claims(sv.case, mid), of_case,
                           id=f"breach-{e.index}", date=day, domain=(m.domain or "") if m is not None else "",
                           severity=str(p.get("action")), cause="monitor", monitor=mid,
                           reason=str(p.get("reason") or "") or None))
    return out


def policy_changes(reg: Registry, policy_id: str | None, keyring: Keyring | None) -> list[PolicyChange]:
    """Every logged policy change for `policy_id`, oldest first, verified against `keyring`."""
    from ..sign import read_policy_change

    if policy_id is None:
        return []
    out: list[PolicyChange] = []
    for e in reg.events(kind=POLICY_CHANGE_EVENT):
        if e.payload.get("policy") != policy_id:
            continue
        out.append(read_policy_change(e.payload.get("envelope"), keyring, label=f"policy change (log entry {e.index})",
                                      logged_at=e.recorded_at, log_index=e.index))
    return out


def version_diff(reg: Registry, case_id: str, old: int, new: int, *, today: dt.date | None = None,
                 cache: VersionCache | None = None, keyring: Keyring | None = None) -> CaseDiff:
    """The semantic diff between two stored versions, with the conditions the older version's
    decisions set and whether each was met or missed (as of `today`; a condition is met only by a
    signed confirmation that counts against `keyring`, see `condition_statuses`)."""
    from ._lifecycle import condition_statuses

    cache = cache or VersionCache(reg)
    a, b = cache.get(case_id, old), cache.get(case_id, new)
    day = today or dt.date.today()
    decided = {e.index for e in reg.events(case_id, "decision") if e.payload.get("version") == old}
    outcomes = []
    for c in condition_statuses(reg, case_id, keyring=keyring):
        if c.decision in decided:
            status = "met" if c.met else "missed" if c.overdue(day) else "open"
            outcomes.append(ConditionOutcome(c.id, c.text, status, c.path))
    return diff_cases(a.case, b.case, old_policy=a.policy, new_policy=b.policy,
                      old_label=f"{case_id}@{old} (version {a.label})", new_label=f"{case_id}@{new} (version {b.label})",
                      conditions=outcomes)


def public_commitments(reg: Registry, case_id: str) -> dict[str, str]:
    """Pointer -> commitment of every redacted element named in the case's recorded publications
    (the latest publication wins)."""
    out: dict[str, str] = {}
    for e in reg.events(case_id, "publication"):
        out.update(commitments_in(e.payload.get("summary")))
    return out


def last_approved_before(reg: Registry, case_id: str, number: int) -> int | None:
    """The newest version before `number` that a decision approved, or None."""
    from ._states import CaseState, CauseType

    best: int | None = None
    for e in reg.events(case_id, "state-change"):
        cause = e.payload.get("cause") or {}
        v = cause.get("version")
        if e.payload.get("to") in (CaseState.approved.value, CaseState.approved_with_conditions.value) \
                and cause.get("type") == CauseType.decision.value and isinstance(v, int) and v < number:
            best = v if best is None else max(best, v)
    return best
