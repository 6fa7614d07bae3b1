"""What the pages and the API show, read from the registry: no decision logic here, only the
registry's records and the library's own functions (gate, render)."""

from __future__ import annotations

import re
import shutil
import tempfile
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..store import LogEntry, Registry, summary_outcome


@dataclass
class CaseView:
    """One case as the review board shows it."""

    case_id: str
    title: str
    state: str | None
    restriction: str | None
    versions: int
    latest_version: int | None
    decision: dict[str, Any] | None
    signoffs: list[dict[str, Any]] = field(default_factory=list)
    objections: list[dict[str, Any]] = field(default_factory=list)
    published: dict[str, Any] | None = None
    events: list[LogEntry] = field(default_factory=list)


def _latest(events: list[LogEntry], kind: str) -> LogEntry | None:
    found = [e for e in events if e.kind == kind]
    return found[-1] if found else None


def _standing_publication(events: list[LogEntry]) -> LogEntry | None:
    """The public summary of the newest version that has one (the latest of them) among those that
    say what the registry judged their version to be: one whose
    outcome contradicts the registry's own judgement of that version (logged before `publish`
    was held to it) is not shown as the case's summary. A summary of a version the registry has
    logged no judgement of (one logged before the registry required one) stands as logged."""
    judged: dict[Any, str] = {}
    for e in events:
        j = e.payload.get("judgement") if e.kind == "decision" else e.payload if e.kind == "judgement" else None
        if isinstance(j, dict) and j.get("outcome"):
            judged[e.payload.get("version")] = str(j["outcome"])
    best: LogEntry | None = None
    for e in events:
        if e.kind != "publication":
            continue
        own = judged.get(e.payload.get("version"))
        if own is not None and summary_outcome(e.payload.get("summary")) != own:
            continue
        # the newest version's summary, the latest of its: a summary of an older version published
        # again later does not take the place of a newer version's
        if best is None or _version_of(e) >= _version_of(best):
            best = e
    return best


def _version_of(e: LogEntry) -> int:
    v = e.payload.get("version")
    return v if isinstance(v, int) and not isinstance(v, bool) else -1


def case_view(reg: Registry, case_id: str) -> CaseView | None:
    """The case's latest version, decision, sign-offs, objections and publication."""
    if case_id not in reg.case_ids():
        return None
    events = reg.events(case_id=case_id)
    versions = reg.case_versions(case_id)
    latest = versions[-1] if versions else None
    dec = _latest(events, "decision")
    pub = _standing_publication(events)
    # where each stands is the gate's judgement (`objection_standings`), never an answer's mere presence
    objections = [dict(e.payload, _index=e.index, _at=e.recorded_at) for e in events if e.kind == "objection"]
    return CaseView(
        case_id=case_id,
        title=latest.title if latest is not None else case_id,
        state=reg.case_state(case_id),
        restriction=reg.case_restriction(case_id),
        versions=len(versions),
        latest_version=latest.number if latest is not None else None,
        decision=_decision_payload(dec),
        signoffs=[dict(e.payload, _index=e.index, _at=e.recorded_at) for e in events if e.kind == "signoff"],
        objections=objections,
        published=pub.payload if pub else None,
        events=events,
    )


def _decision_payload(e: LogEntry | None) -> dict[str, Any] | None:
    if e is None:
        return None
    p = e.payload
    rec = p.get("record", p)
    return rec if isinstance(rec, dict) else None


def case_list(reg: Registry) -> list[CaseView]:
    out = []
    for cid in reg.case_ids():
        v = case_view(reg, cid)
        if v is not None:
            out.append(v)
    return out


def load_version(reg: Registry, case_id: str, number: int | None) -> Any:
    """The stored case version, loaded as a casegate case (materialised in a private temp dir)."""
    return _load_cached(reg, case_id, number)


def unreadable_note(number: int | None, error: Exception) -> str:
    """Why a stored version cannot be shown, in words that name no server folder."""
    from ..errors import CasegateError

    why = scrub_paths(error.message) if isinstance(error, CasegateError) else "it does not load"
    return f"Version {number} of this case does not load from its stored files ({why})."


def scrub_paths(text: str) -> str:
    """`text` with every path under the server's temporary folder (where stored versions are
    written out to be read) replaced by a plain name: error texts never show server paths."""
    tmp = re.escape(tempfile.gettempdir().rstrip("/"))
    return re.sub(tmp + r"/casegate-[^\s'\"]*", "<stored version>", text)


def readable_version(reg: Registry, case_id: str, latest: int | None) -> tuple[Any, int | None, str | None]:
    """The latest stored version loaded, its number, and None; or, when it does not load from
    its stored files, the version the case stands on (the approved one) with a note saying why
    the latest is not shown. (None, None, note) when neither loads."""
    from ..errors import CasegateError

    try:
        return load_version(reg, case_id, latest), latest, None
    except CasegateError as e:
        note = unreadable_note(latest, e)
    from ..monitor import standing_version

    try:
        standing = standing_version(reg, case_id)
        if standing != latest:
            return load_version(reg, case_id, standing), standing, note + f" Shown: version {standing}, the approved one."
    except CasegateError:
        pass
    return None, None, note


@lru_cache(maxsize=32)
def _stored_folder() -> re.Pattern[str]:
    """A path into the folder the board writes stored versions out to, up to the version's own
    files: the folder's name is unique, and whatever leads to it (absolute, or `../` from where the
    board runs) is part of the path too."""
    return re.compile(r"(?:[^\"\s\\()]*/)?" + re.escape(_workdir().name) + r"/[^/\\\"\s]+/[^/\\\"\s]+/")


def stored_findings(findings: list[Any]) -> list[Any]:
    """`findings` with their locations named as the stored version names its files."""
    folder = _stored_folder()
    return [f.model_copy(update={"location": f.location.model_copy(update={"file": folder.sub("", f.location.file)})})
            if f.location is not None and folder.search(f.location.file) else f for f in findings]


def stored_record(record: Any) -> Any:
    """A decision record of the board's own gate run with every path into the folder the stored
    version was written to named as the version names its files: the log keeps what the case
    says, not where the board read it."""
    import json

    text = record.model_dump_json()
    cleaned = _stored_folder().sub("", text)
    return record if cleaned == text else type(record).model_validate(json.loads(cleaned))


def _load_cached(reg: Registry, case_id: str, number: int | None) -> Any:
    # versions are immutable: each is written out once, under one folder per process (the
    # cache holds `reg`, so its id names its folder for as long as the entry lives)
    d = _workdir() / f"{id(reg):x}" / f"{case_id}@{number}"
    if d.exists():
        shutil.rmtree(d)
    # loaded as stored, confined to its folder, with the policy stored with it
    from ..monitor import load_stored

    return load_stored(reg, case_id, number, d)


@lru_cache(maxsize=1)
def _workdir() -> Path:
    """This process's folder of materialised versions, removed when the process ends (`serve`
    turns SIGTERM into a normal exit, so a stopped board leaves nothing behind)."""
    import atexit

    d = Path(tempfile.mkdtemp(prefix="casegate-web-"))
    atexit.register(shutil.rmtree, d, True)
    return d


def argument_svg(loaded: Any, findings: list[Any], *, public: bool) -> str:
    """The GSN diagram of a loaded case, with findings and open defeaters marked."""
    from ..publish import evidence_basis, readable_case
    from ..render import argument_graph, findings_by_element, render_svg

    if loaded.case is None:
        return ""
    # drawn as the gate decided it: the values its artifacts show, each item derived or declared
    graph = argument_graph(readable_case(loaded), findings=findings_by_element(findings) if findings else None,
                           public=public, basis=evidence_basis(loaded))
    return render_svg(graph, title=None)


def deploy_now(reg: Registry, case_id: str, keyring: Any, trust: Any = None, behind: Sequence[str] = ()) -> Any:
    """What a deploy pipeline would get now for the case (`verify.deploy_state`, the same check as
    `casegate verify`); without a keyring the answer is "not verified" unless the registry already
    says no. `trust`: the trust root the board holds (`serve --trust-root`, with the versions it
    took up since), held to the root versions the registry's log records; `behind`: why the board
    could not take up the newest version the log records (`Board.trust_now`), put first."""
    from ..monitor import OWED_CAUSE, owed_reasons
    from ..verify import ROOT_REPLACED, deploy_state

    now = deploy_state(reg, case_id, keyring, trust=trust)
    if behind:  # the log shows the root held replaced: what the board's operator must do, said first
        now.hold(list(behind), ROOT_REPLACED)
        now.causes = list(dict.fromkeys(now.causes))
    # fail closed: the state is not known until the registry logs what it owes the case
    now.hold(owed_reasons(reg, case_id), OWED_CAUSE)
    if now.deployable or now.demonstration:
        # a firing of the case's own triggers no trigger run applied (an incident recorded with
        # --no-triggers): `verify --db` refuses the deploy, and the board must not say otherwise
        from ..monitor import TRIGGERS_OWED_CAUSE, OwedReads, deploy_triggers_owed

        kept = _OWED_READS.get(reg)
        if kept is None:
            kept = _OWED_READS[reg] = OwedReads()
        now.hold(deploy_triggers_owed(reg, case_id, keyring, now.boundary, kept=kept), TRIGGERS_OWED_CAUSE)
    return now


_OWED_READS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
"""Per registry the board reads, what the triggers owed read of it (`monitor.OwedReads`): each page
that shows a state asks them of every deployable case, and loading the approved version each time
cost about a fifth of a second a case. Kept while the log has not grown; asked as of now every time."""


def incident_severities(events: list[LogEntry]) -> dict[int, str]:
    """Per incident among the case's `events`, its severity in words as it is judged: raised by
    every rating among them (`casegate.monitor.severity_shown`)."""
    from ..monitor import ratings_in, severity_shown

    rated = ratings_in(events)
    return {e.index: severity_shown(e.payload.get("severity"), rated.get(e.index))
            for e in events if e.kind == "incident"}


def incident_domains_shown(events: list[LogEntry]) -> dict[int, str]:
    """Per incident among the case's `events`, its domains in words: the reporter's and every one
    added among them (`casegate.monitor.domains_shown`)."""
    from ..monitor import added_domains_in, domains_shown

    added = added_domains_in(events)
    return {e.index: domains_shown(e.payload.get("domain"), added.get(e.index, ()))
            for e in events if e.kind == "incident"}


def held_to_index(payload: Any) -> int | None:
    """The log index of the registry's judgement a recorded summary (a publication's payload) was
    held to; None where the payload names none (recorded before publications named theirs)."""
    judgement = payload.get("judgement") if isinstance(payload, dict) else None
    return judgement if isinstance(judgement, int) and not isinstance(judgement, bool) else None


def held_to(payload: Any) -> str:
    """Which of the registry's judgements a recorded summary (a publication's payload) was held to:
    a version published on several days has several, each logged where it was made."""
    judgement = held_to_index(payload)
    if judgement is not None:
        return f"held to the registry's judgement at log entry {judgement}"
    return "held to a judgement the log does not name (recorded before publications named theirs)"


def timeline_events(events: list[LogEntry]) -> list[Any]:
    """The case's history for the timeline chart: versions, decisions, incidents (at the severity
    and in the domains they are judged at), triggers, state changes and publications, as the log recorded them."""
    from ..render import TimelineEvent

    out = []
    severities = incident_severities(events)
    domains = incident_domains_shown(events)
    for e in events:
        p = e.payload
        if e.kind == "case-version":
            out.append(TimelineEvent(e.recorded_at, "version", f"version {p.get('declared_version', '')} submitted"))
        elif e.kind == "decision":
            out.append(TimelineEvent(e.recorded_at, "decision", f"{p.get('outcome', '')} for {p.get('boundary', '')}"))
        elif e.kind == "incident":
            out.append(TimelineEvent(e.recorded_at, "incident",
                                     f"{severities[e.index]} incident in {domains[e.index]}"))
        elif e.kind == "trigger":
            out.append(TimelineEvent(e.recorded_at, "trigger", str(p.get("action") or p.get("trigger") or "trigger")))
        elif e.kind == "state-change":
            out.append(TimelineEvent(e.recorded_at, "state-change", f"{p.get('from') or ''} → {p.get('to') or p.get('state') or ''}"))
        elif e.kind == "publication":
            out.append(TimelineEvent(e.recorded_at, "publication", "summary published"))
    return out


def decision_charts(loaded: Any, decision: dict[str, Any] | None, withheld: frozenset[str] = frozenset(),
                    keyring: Any = None) -> list[str]:
    """The threshold and residual-risk charts, from the gate's own numbers as of the recorded
    decision's date (today when no decision is recorded), numbers of `withheld` ids left out.
    Evidence attestations are checked against `keyring` as it is now (as the evidence table
    checks them): without one, no item is independent and no outside test's counts count."""
    import datetime as dt

    from ..gate import measures
    from ..render import risk_chart, threshold_chart
    from ..sign import with_attestations

    day = None
    if decision and decision.get("decided_at"):
        day = dt.date.fromisoformat(str(decision["decided_at"])[:10])
    m = measures(with_attestations(loaded, keyring, dt.datetime.now(dt.UTC)), day or dt.date.today())
    if m is None:
        return []
    return [threshold_chart(m.thresholds, withheld=withheld), risk_chart(m.pathways, withheld=withheld)]


@dataclass(frozen=True)
class ObjectionStanding:
    """Where an objection logged in the registry stands, as the gate judges it."""

    status: str
    """`open`, `answered`, `upheld` or `not judged` (which blocks, like open)."""
    label: str
    """In words: `open`, `escalated to rso`, `answered by safety-lead (accepted by ...)`, ..."""
    answer: str | None = None
    """The text of the answer that counts (only when one was accepted)."""
    notes: tuple[str, ...] = ()
    """Why answers did not count, or why the objection could not be judged."""

    @property
    def blocking(self) -> bool:
        return self.status != "answered"


def unpinned_policy(loaded: Any, trust: Any) -> str | None:
    """Why the policy of `loaded` cannot say who answers and accepts objections under the trust
    root the board holds (`trust`, None: the board holds none and cannot tell): the root does not
    pin it. A version not yet approved carries whatever policy its authors wrote; `verify` trusts
    only a policy the deployer's root pins, so one it does not pin closes no objection."""
    if trust is None or loaded is None or loaded.policy_file is None:
        return None
    sha = loaded.policy_file.sha256
    if trust.policy(sha) is not None:
        return None
    return (f"the policy of the version the case stands on (sha256 {str(sha)[:16]}...) is not pinned by the "
            f"board's trust root (version {trust.version}), so who may answer and accept is not established")


def unpinned_keyring(digest: str | None, trust: Any) -> str | None:
    """Why the board's keyring (the file's, fingerprint `digest`) cannot judge signatures under the
    trust root it holds (`trust`, None: the board holds none and cannot tell): the root does not
    pin it, or pins it as replaced. `verify` trusts only a keyring the root pins, so a signature
    checked against another one closes no objection."""
    if trust is None or digest is None:
        return None
    import datetime as dt

    problems = trust.keyring_problems(digest, dt.datetime.now(dt.UTC))
    if not problems:
        return None
    return f"the board's keyring is not one its trust root pins for signatures made now ({problems[0]})"


def objection_standings(reg: Registry, case_id: str, events: list[LogEntry], keyring: Any,
                        trust: Any = None, keyring_digest: str | None = None) -> dict[int, ObjectionStanding]:
    """Log index -> where each objection logged for the case stands: a signed one as `resolve`
    judges it (the gate's own rule) from the signed objections and answers in the log, verified
    against `keyring` now, under the policy of the version the case stands on; an unsigned one
    (logged before the board took only signed statements) as verify counts it, closed by any
    answer. Fails closed: without a keyring, when that policy cannot be read, or when the board
    holds a trust root (`trust`) that does not pin it or the board's keyring (`keyring_digest`, the
    keyring file's fingerprint), a signed objection is `not judged` and counts as standing."""
    import datetime as dt

    from ..errors import CasegateError
    from ..sign import Keyring, logged_states

    logged = [e for e in events if e.kind == "objection"]
    out: dict[int, ObjectionStanding] = {}
    from ..store import open_objections

    still_open = {e.index for e in open_objections(reg, case_id)} if logged else set()
    signed = []
    for e in logged:
        env = e.payload.get("envelope")
        if isinstance(env, dict):
            signed.append((e, env))
        elif e.index not in still_open:
            out[e.index] = ObjectionStanding("answered", "answered (unsigned, before the board took only signed "
                                                         "statements)")
        else:
            out[e.index] = ObjectionStanding("open", "open (unsigned)")
    if not signed:
        return out

    def unjudged(why: str) -> None:
        for e, _ in signed:
            out.setdefault(e.index, ObjectionStanding("not judged", "not judged", notes=(why,)))

    if not isinstance(keyring, Keyring):
        unjudged("the board has no keyring to check the signatures with, so it counts as open")
        return out
    ring_unpinned = unpinned_keyring(keyring_digest, trust)
    if ring_unpinned is not None:
        unjudged(ring_unpinned + ": it counts as open")
        return out
    from ..monitor import standing_version

    try:
        loaded = load_version(reg, case_id, standing_version(reg, case_id))
    except CasegateError:
        loaded = None
    if loaded is None or loaded.policy is None or loaded.case is None:
        unjudged("the policy of the version the case stands on cannot be read, so it counts as open")
        return out
    unpinned = unpinned_policy(loaded, trust)
    if unpinned is not None:
        unjudged(unpinned + ": it counts as open")
        return out
    pol = loaded.policy.signoff
    states = logged_states(events, keyring, dt.datetime.now(dt.UTC), case_id, pol,
                           loaded.case.boundary.kind if loaded.case.boundary else None)
    escalated = pol.escalate_to if pol.objections == "escalate" and pol.escalate_to else None
    for e, _ in signed:
        s = states[e.index]
        if s is None:
            out[e.index] = ObjectionStanding("not judged", "not judged", notes=(
                "its signature does not verify against the board's keyring now, so it counts as open",))
        elif s.status == "answered":
            out[e.index] = ObjectionStanding("answered", f"answered by {s.answered_by} (accepted by {s.accepted_by})",
                                             answer=s.answer, notes=s.notes)
        elif s.status == "upheld":
            out[e.index] = ObjectionStanding("upheld", f"upheld by {s.answered_by}", notes=s.notes)
        else:
            out[e.index] = ObjectionStanding("open", f"escalated to {escalated}" if escalated else "open",
                                             notes=s.notes)
    return out


_NOT_VERIFIED = ObjectionStanding("not judged", "not judged", notes=(
    "its signed statement (`envelope`) is missing or does not verify against the board's keyring, so the case "
    "file's status is not taken for it: it counts as open",))
"""A case-file objection naming an envelope that is missing or does not verify: the gate reads no
statement for it (it judges it open), so the file's status is not what it stands on."""


def case_file_standings(loaded: Any, keyring: Any, trust: Any = None, keyring_digest: str | None = None
                        ) -> tuple[dict[str, Any], dict[str, ObjectionStanding]]:
    """The objections of the stored version's case file as the gate reads them (its YAML entries,
    and signed statements in its `objections/` folder the YAML does not list), and objection id ->
    where each stands as the gate run on that version judges it: a signed one (an `envelope`, or a
    statement in its `objections/` folder) as `resolve` judges it from the version's signed
    statements, verified against the board's keyring now (`signed_view`, as `casegate gate` reads
    them), whatever the file's `status` says; every one then as CG504 judges it (an answer by a
    role the policy does not let answer leaves it open). A YAML entry naming an `envelope` that
    does not verify, or any signed one without a keyring, is `not judged` and counts as open (the
    file's word is never taken for a signature's); so is every signed one when the board holds a
    trust root (`trust`) that does not pin the version's policy or the board's keyring
    (`keyring_digest`), as for the log's objections (`objection_standings`)."""
    import datetime as dt
    from types import SimpleNamespace

    from ..checks.families.authority import objection_unanswered
    from ..model import RuleSeverity
    from ..sign import Keyring, gather
    from ..verify._signed import signed_view_and_unverified

    if loaded is None or loaded.case is None or loaded.policy is None:
        return {}, {}
    out: dict[str, ObjectionStanding] = {}
    view = loaded
    if isinstance(keyring, Keyring):
        dissent = gather(loaded, keyring, dt.datetime.now(dt.UTC))
        view, unverified = signed_view_and_unverified(loaded, dissent)  # one reading of the statements
        for oid in unverified:
            out[oid] = _NOT_VERIFIED
    else:
        for oid, o in loaded.case.decision.objections.items():
            if o.envelope is not None:
                out[oid] = ObjectionStanding("not judged", "not judged", notes=(
                    "signed, and the board has no keyring to check the signatures with, so it counts as open",))
    case = view.case
    why = unpinned_keyring(keyring_digest, trust) if isinstance(keyring, Keyring) else None
    why = why or (unpinned_policy(loaded, trust) if isinstance(keyring, Keyring) else None)
    if why is not None:
        # the signatures are checked against a keyring, or judged under a policy, the deployer's
        # root does not pin: none of them is taken, whatever it says
        for oid, o in case.decision.objections.items():
            said = loaded.case.decision.objections.get(oid)
            if o.envelope is not None or said is None or said.envelope is not None:
                out[oid] = ObjectionStanding("not judged", "not judged", notes=(why + ": it counts as open",))
    hits: dict[str, list[Any]] = {}
    ctx = SimpleNamespace(case=case, policy=view.policy, boundary=case.boundary.kind if case.boundary else None)
    for h in objection_unanswered(ctx):  # type: ignore[arg-type]
        hits.setdefault(str(h.path[2]), []).append(h)
    for oid, o in case.decision.objections.items():
        if oid in out:
            continue
        found = hits.get(oid, [])
        blocking = any(h.severity in (None, RuleSeverity.blocking) for h in found)
        status = "open" if blocking and o.status == "answered" else o.status
        label = {"answered": f"answered by {o.answered_by}", "escalated": "escalated"}.get(status, status)
        said = loaded.case.decision.objections.get(oid)
        if said is None:
            label += ", signed (its statement is not listed in the case file)"
        elif said.status != status:
            label += f", though the case file marks it {said.status}"
        out[oid] = ObjectionStanding(status if status != "escalated" else "open", label,
                                     answer=o.answer if status == "answered" else None,
                                     notes=tuple(h.message for h in found))
    for oid in loaded.case.decision.objections:
        out.setdefault(oid, _NOT_VERIFIED)
    return {**loaded.case.decision.objections, **case.decision.objections}, out


@dataclass
class UncountedReading:
    """A monitoring reading that does not count toward its monitor's health, as `triggers run`
    names it."""

    entry: int | None
    signal: str
    monitors: list[str]
    timestamp: str
    value: float
    why: str


@dataclass
class ReadingsNotCounted:
    """The readings recorded since the approval the case stands on that do not count, the rule
    they were judged by, and how many more there are than are shown."""

    approved: bool
    required: bool = False
    rule: str = ""
    rows: list[UncountedReading] = field(default_factory=list)
    more: int = 0
    problem: str | None = None
    """Why the readings could not be judged, when so."""


READINGS_SHOWN = 200
"""The most uncounted readings a case page lists (the latest ones); the rest are counted."""


def readings_not_counted(reg: Registry, case_id: str, keyring: Any) -> ReadingsNotCounted:
    """The case's monitoring readings that do not count toward its monitors' health, each with
    the reason `triggers run` gives (judged against the board's keyring with every revocation the
    log records applied)."""
    from ..errors import CasegateError
    from ..monitor import iso
    from ..monitor import readings_not_counted as judged

    try:
        got = judged(reg, case_id, keyring)
    except CasegateError as e:
        return ReadingsNotCounted(approved=True, problem=e.diagnostics())
    if got is None:
        return ReadingsNotCounted(approved=False)
    shown = got.readings[-READINGS_SHOWN:]
    rows = [UncountedReading(s.entry, s.signal, got.monitors.get(s.signal, []), iso(s.timestamp), s.value,
                             str(s.why_not)) for s in shown]
    return ReadingsNotCounted(approved=True, required=got.telemetry.required, rule=got.telemetry.why, rows=rows,
                              more=len(got.readings) - len(shown))


def published_condition_marks(reg: Registry, case_id: str, published: dict[str, Any] | None, keyring: Any,
                              at: str) -> dict[str, dict[str, str]]:
    """Condition id -> how the registry finds each condition of the published summary as of `at`
    (the state's time, ISO): met (when, late or not), or past its due date with nothing that counts
    showing it met ("overdue"). A condition is found among those the registry logged for the
    decisions on the published version (the latest that set it); one the registry logged for none
    is judged by the summary's due date, and nothing shows it met. Without a keyring no
    confirmation counts (`condition_statuses`), so a condition past its date reads overdue: the
    summary's word "due" alone would read as current."""
    import datetime as dt

    from ..monitor import condition_statuses

    summary = (published or {}).get("summary") or {}
    conditions = (summary.get("decision") or {}).get("conditions") or []
    if not conditions:
        return {}
    version = (published or {}).get("version")
    versions = {e.payload.get("decision"): e.payload.get("version") for e in reg.events(case_id, "condition")}
    found: dict[str, Any] = {}
    for status in condition_statuses(reg, case_id, keyring=keyring):  # in log order: the latest decision last
        if version is None or versions.get(status.decision) == version:
            found[status.id] = status
    at = at or dt.datetime.now(dt.UTC).isoformat()
    today = dt.date.fromisoformat(at[:10])
    out: dict[str, dict[str, str]] = {}
    for c in conditions:
        if not isinstance(c, dict) or not isinstance(c.get("id"), str):
            continue
        st = found.get(c["id"])
        due: dt.date | None
        if st is not None:
            due = st.due
        else:
            try:
                due = dt.date.fromisoformat(str(c.get("due"))[:10]) if c.get("due") else None
            except ValueError:
                due = None
        if st is not None and st.met:
            late = f", after its due date {due.isoformat()}" if st.late and due is not None else ""
            out[c["id"]] = {"status": "met-late" if st.late else "met",
                            "text": f"met on {st.met_on}{late}, by the registry's log"}
        elif due is not None and today > due:
            out[c["id"]] = {"status": "overdue",
                            "text": f"OVERDUE: due {due.isoformat()}, and nothing the registry logs shows it met "
                                    f"(as of {at[:10]})"}
    return out
