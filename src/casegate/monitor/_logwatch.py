"""A log monitor: reads every entry of the public log it has not seen, re-derives each case's
state by replaying its entries, and reports the entries that break the registry's rules, however
they got into the log (the registry refuses them; an operator writing to the log directly does
not).

The rules (each a stable code):

- LM101 decision-without-signoffs: a GO or GO WITH CONDITIONS decision that carries no signed
  sign-off in its bundle and follows no sign-off logged for that version of the case. Given the
  keyring, a sign-off counts only when its envelope verifies against it (a key of the keyring,
  valid and holding the role it claims when the entry was logged); without it, a sign-off counts
  when its envelope is a well-formed sign-off statement, its signature unchecked (the run says so).
- LM102 state-change-without-cause: a state change with no cause, a cause of an unknown type, a
  cause missing what its type must record, a cause type the transition does not accept, or a
  decision cause naming no decision of the case logged before it.
- LM103 reapproved-without-new-version: a case approved again after its approval was reopened,
  restricted or withdrawn, with no newer version logged than the one approved before.
- LM104 transition-forbidden: a transition the lifecycle table does not have.
- LM105 state-change-out-of-order: a state change from a state other than the one the case's
  entries before it leave it in (a state change is missing, or the case has no version).
- LM106 shared-weights-not-followed: a deployed case about the same model as a case whose own
  reopening, restriction or withdrawal stands, left without the same change (a `shared-weights`
  state change at least that strict). The monitor recomputes what must follow from the log
  alone (the versions' systems, the model files the registry hashed, every state change:
  `casegate.monitor.owed_follow_up`, the registry's own rule). The registry logs the follow-ups
  in the transaction of the entry that makes them owed, so they come right after it: the
  monitor judges once the entries that may follow (model files, `shared-weights` changes) are
  read, and at the end of every run.
- LM107 shared-weights-without-grounds: a `shared-weights` state change whose cause does not name
  the standing reopening, restriction or withdrawal (its log entry) of another case about the same
  model as the case's approved version: a case's own change logged as a follow-up is no cause for
  the other cases of its weights (they would not follow it).

The monitor keeps its position and what it needs to judge later entries (each case's replayed
state, what ties cases to a model, the standing changes) in a JSON state file, so a run checks
only entries it has not seen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._atomic import file_lock, write_json_atomic
from ..errors import InputError
from ..store import MODEL_FILES_EVENT, LogEntry
from ._compare import SHARED_WEIGHTS, ModelLog, Standing, fold_standing, owed_follow_up
from ._states import CAUSE_FIELDS, TRANSITIONS, CaseState, CauseType

if TYPE_CHECKING:
    from ..sign import Keyring

MONITOR_STATE_VERSION = 2
"""Version 2 keeps what ties cases to a model and the standing changes (LM106)."""
APPROVED = (CaseState.approved.value, CaseState.approved_with_conditions.value)
INTERRUPTING = (CaseState.reopened.value, CaseState.restricted.value, CaseState.withdrawn.value)
PASSING = ("GO", "GO WITH CONDITIONS")


@dataclass(frozen=True)
class LogRule:
    """A rule the monitor checks every entry against."""

    code: str
    name: str
    summary: str


LOG_RULES = {r.code: r for r in (
    LogRule("LM101", "decision-without-signoffs",
            "a GO decision carries no signed sign-off and follows no logged sign-off for its version"),
    LogRule("LM102", "state-change-without-cause",
            "a state change does not record a cause its transition accepts, with what that cause must say"),
    LogRule("LM103", "reapproved-without-new-version",
            "a case whose approval was reopened, restricted or withdrawn is approved again with no newer version"),
    LogRule("LM104", "transition-forbidden", "a state change the lifecycle does not allow"),
    LogRule("LM105", "state-change-out-of-order",
            "a state change starts from another state than the one the case's entries leave it in"),
    LogRule("LM106", "shared-weights-not-followed",
            "a deployed case about the same model as a reopened, restricted or withdrawn case is not "
            "moved the same way"),
    LogRule("LM107", "shared-weights-without-grounds",
            "a shared-weights state change names no standing change of a case about the same model"),
)}


@dataclass(frozen=True)
class LogViolation:
    """One entry that breaks a rule."""

    code: str
    index: int
    kind: str
    case_id: str | None
    message: str

    @property
    def name(self) -> str:
        return LOG_RULES[self.code].name

    def line(self) -> str:
        return f"entry {self.index} ({self.kind}, case {self.case_id}): {self.code} {self.name}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "index": self.index, "kind": self.kind,
                "case": self.case_id, "message": self.message}


@dataclass
class _Case:
    state: str | None = None
    restricted_to: str | None = None
    latest_version: int | None = None
    approved_version: int | None = None
    interrupted_version: int | None = None
    signoffs: dict[str, int] = field(default_factory=dict)
    """Sign-offs logged per version (JSON keys: the version number, or "?" when unknown)."""
    decisions: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Decisions logged, by entry index: their version, outcome and boundary."""
    approval: int | None = None
    """The version the latest approval by a decision approved (what `current_approval` reads)."""
    approval_boundary: str | None = None
    """The boundary of the decision that approval names."""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> _Case:
        return cls(**{k: raw.get(k, getattr(cls(), k)) for k in cls().__dict__})


@dataclass
class MonitorState:
    """Where the monitor is in the log and each case's replayed state."""

    size: int = 0
    """Entries checked: the next entry to check is at this index."""
    origin: str | None = None
    cases: dict[str, _Case] = field(default_factory=dict)
    violations: list[LogViolation] = field(default_factory=list)
    checkpoint: str | None = None
    """The last checkpoint the entries were verified under."""
    frontier: list[str] = field(default_factory=list)
    """Hex hashes of the perfect subtrees covering the entries checked (the compact range): with
    the next entries' leaves they must make the next checkpoint's root."""
    models: ModelLog = field(default_factory=ModelLog)
    """What ties cases to a model, folded from the entries checked."""
    standing: dict[str, Standing] = field(default_factory=dict)
    """Each case's own reopening, restriction or withdrawal that stands (`standing_changes`)."""
    unjudged: bool = False
    """Entries that may make a follow-up owed were read and LM106 has not judged them yet."""
    unjudged_at: str | None = None
    """When the log recorded the first of them (None: judge at the next entry that cannot be
    part of what follows it, as a state file written before this was kept does)."""
    owed_flagged: list[str] = field(default_factory=list)
    """The follow-ups LM106 reported (case, approval, standing change), each reported once."""
    keyring_changes: int | None = 0
    """The keyring changes among the entries checked, which each checkpoint's signed count must
    equal (None: a state file written before it was kept; the count is not checked)."""
    trust_root: tuple[int, str] | None = None
    """The newest trust root version (and digest) among the entries checked (`trust-root`
    entries, the highest version first recorded), which each checkpoint's signed
    `casegate-trust-root` line must name; None while they hold none."""
    trust_root_kept: bool = True
    """False for a state file written before `trust_root` was kept: the line is not checked."""

    @classmethod
    def load(cls, path: Path) -> MonitorState:
        if not path.exists():
            return cls()
        from ..limits import read_json_document

        try:
            # a regular file within the size and nesting limits (100,000 brackets would exhaust
            # the parser's stack), strict UTF-8 JSON
            doc = read_json_document(path, "the monitor state")
        except InputError as e:
            raise InputError(f"cannot read the monitor state: {e.message}", location=str(path),
                             help="it is written by `casegate log monitor`; remove it to check the log from the start") from None
        if not isinstance(doc, dict) or doc.get("kind") != "log-monitor-state":
            raise InputError("not a casegate log monitor state file", location=str(path))
        if doc.get("casegate") != MONITOR_STATE_VERSION:
            raise InputError(f"unsupported monitor state version {doc.get('casegate')!r}", location=str(path),
                             help=f"this casegate keeps monitor state version {MONITOR_STATE_VERSION} (it also "
                                  "holds what ties cases to a model, for LM106, which an older state lacks): "
                                  "remove the file to check the log from the start")
        try:
            return cls(size=int(doc["size"]), origin=doc.get("origin"),
                       cases={k: _Case.from_json(v) for k, v in doc["cases"].items()},
                       violations=[LogViolation(**v) for v in doc.get("violations", [])],
                       checkpoint=doc.get("checkpoint"), frontier=[str(h) for h in doc.get("frontier", [])],
                       models=ModelLog.from_json(doc["models"]),
                       standing={k: Standing(**v) for k, v in doc["standing"].items()},
                       unjudged=bool(doc["unjudged"]), owed_flagged=[str(k) for k in doc["owed_flagged"]],
                       unjudged_at=str(doc["unjudged_at"]) if doc.get("unjudged_at") else None,
                       keyring_changes=int(doc["keyring_changes"]) if doc.get("keyring_changes") is not None else None,
                       trust_root=_trust_root_of(doc.get("trust_root")), trust_root_kept="trust_root" in doc)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            raise InputError("the monitor state file is damaged", location=str(path),
                             help="remove it to check the log from the start") from None

    def save(self, path: Path) -> None:
        doc = {"casegate": MONITOR_STATE_VERSION, "kind": "log-monitor-state", "size": self.size,
               "origin": self.origin, "checkpoint": self.checkpoint, "frontier": self.frontier,
               "cases": {k: v.to_json() for k, v in sorted(self.cases.items())},
               "violations": [v.__dict__ for v in self.violations], "models": self.models.to_json(),
               "standing": {k: v.__dict__ for k, v in sorted(self.standing.items())},
               "unjudged": self.unjudged, "unjudged_at": self.unjudged_at, "owed_flagged": self.owed_flagged,
               "keyring_changes": self.keyring_changes}
        if self.trust_root_kept:
            doc["trust_root"] = list(self.trust_root) if self.trust_root is not None else None
        write_json_atomic(path, doc)


def _trust_root_of(raw: Any) -> tuple[int, str] | None:
    """The kept newest trust root ([version, digest] in the state file), or None."""
    if raw is None:
        return None
    if (not isinstance(raw, list) or len(raw) != 2 or type(raw[0]) is not int
            or not isinstance(raw[1], str)):
        raise ValueError("trust_root")
    return raw[0], raw[1]


def _fold_trust_root(state: MonitorState, e: LogEntry) -> None:
    """Keep the newest trust root version `e` records, counted as the registry counts it when it
    signs a checkpoint: an integer version and a digest, the first entry of the highest version."""
    from ..store._checkpoint import TRUST_ROOT_ENTRY, newer_trust_root

    if e.kind == TRUST_ROOT_ENTRY and e.case_id is None:
        state.trust_root = newer_trust_root(state.trust_root, e.payload)


def _version_key(v: Any) -> str:
    return str(v) if isinstance(v, int) else "?"


def _counts_as_signoff(env: Any, keyring: Keyring | None, recorded_at: str | None) -> bool:
    """Whether a sign-off envelope counts for LM101. With the keyring, only one whose signature
    verifies against it, by a key valid (and holding the role it claims) when the entry was
    logged. Without one, a well-formed sign-off statement (its signature is not checked here:
    `casegate verify` checks it against the keyring the trust root pins)."""
    from ..sign import SIGNOFF, check_envelope, decode_payload
    from ..sign._statement import logged_instant

    if not isinstance(env, dict):
        return False
    if keyring is None:
        stmt = decode_payload(env)
        return stmt is not None and stmt.get("predicateType") == SIGNOFF
    try:
        signed, problems = check_envelope(env, keyring, logged_instant(recorded_at), "sign-off", expect=SIGNOFF)
    except Exception:  # an envelope of any shape is a sign-off that does not count, never a crash
        return False
    return signed is not None and not problems


def check_entries(state: MonitorState, entries: Iterable[LogEntry], *,
                  keyring: Keyring | None = None) -> list[LogViolation]:
    """Check `entries` (the log's entries from `state.size` on, in order) and move `state` past
    them; returns the violations found (also added to `state.violations`). With `keyring`, a
    sign-off counts for LM101 only when its envelope verifies against it."""
    found: list[LogViolation] = []
    last: LogEntry | None = None
    # the last entry that may make a follow-up owed or be one: LM106 is reported after it (an
    # entry another writer slipped in before the follow-up is no part of it)
    tail: LogEntry | None = None
    for e in entries:
        if e.index != state.size:
            raise InputError(f"the monitor expected log entry {state.size} next, and was given {e.index}",
                             help="entries must be checked in log order, each once")
        if state.unjudged and not _may_follow(e) and not _in_window(state.unjudged_at, e):
            found += _unfollowed(state, tail or last or e)
        found += _check(state, e, keyring)
        found += _grounds(state, e)
        if state.models.add(e) or e.kind == "state-change":
            if not state.unjudged:
                state.unjudged, state.unjudged_at = True, e.recorded_at
            tail = e
        elif state.unjudged and _may_follow(e):
            tail = e
        fold_standing(state.standing, e)
        if e.kind == "keyring-change" and e.case_id is None and state.keyring_changes is not None:
            state.keyring_changes += 1
        _fold_trust_root(state, e)
        state.size += 1
        last = e
    if state.unjudged and last is not None:
        found += _unfollowed(state, tail or last)
    state.violations += found
    return found


def owed_in_log(entries: Iterable[LogEntry], case_id: str) -> list[str]:
    """Why the log `entries` (every entry, from the first) do not vouch for `case_id`'s state: the
    state change it owes, as of the last entry, because a case about the same model stands
    reopened, restricted or withdrawn (LM106's rule, `owed_follow_up`); empty when none."""
    from ._compare import owed_words

    state = MonitorState()
    check_entries(state, entries)
    c = state.cases.get(case_id)
    if c is None or not state.standing:
        return []
    owed = owed_follow_up(case_id, c.state, c.restricted_to, c.approval_boundary, c.approval,
                          state.models.index(), state.standing)
    return [owed_words(owed)] if owed is not None else []


def _grounds(state: MonitorState, e: LogEntry) -> list[LogViolation]:
    """LM107 for a `shared-weights` state change `e`: its cause must name the standing change of a
    case about the same model as the approved version of `e`'s case (judged before `e`)."""
    cause = e.payload.get("cause")
    if e.kind != "state-change" or not e.case_id or not isinstance(cause, dict) \
            or cause.get("type") != SHARED_WEIGHTS:
        return []
    named, entry = cause.get("case"), cause.get("entry")
    s = state.standing.get(str(named)) if named else None
    c = state.cases.get(e.case_id)
    linked = False
    if s is not None and c is not None and c.approval is not None:
        idx = state.models.index()
        linked = str(named) in idx.cases_of(e.case_id, idx.system_of(e.case_id, c.approval),
                                            idx.logged.get((e.case_id, c.approval)))
    if s is not None and s.entry == entry and linked:
        return []
    why = ("it names no case" if not named else
           f"case {named} has no reopening, restriction or withdrawal of its own standing" if s is None else
           f"case {named}'s standing change is log entry {s.entry}, not {entry}" if s.entry != entry else
           f"case {named} is not about the same model as the version case {e.case_id} stands approved at")
    return [LogViolation("LM107", e.index, e.kind, e.case_id,
                         f"a shared-weights change to {e.payload.get('to')} without grounds: {why}; a case's own "
                         "change logged as a follow-up is followed by no other case of its weights")]


FOLLOW_UP_WINDOW = dt.timedelta(seconds=60)
"""How long after the entry that makes a follow-up owed another writer's entry may come before
the follow-up. The registry logs the follow-ups in the same transaction, so nothing comes
between; a registry written before it did logged them in transactions of their own, right after,
and another writer could append in between. LM106 is judged at the first entry past this window
(and at the end of every run), so that log is not reported for a follow-up it did log."""


def _in_window(since: str | None, e: LogEntry) -> bool:
    """Whether `e` was recorded within `FOLLOW_UP_WINDOW` of `since` (never, without `since` or
    with a time that cannot be read)."""
    if since is None:
        return False
    try:
        start = dt.datetime.fromisoformat(since.replace("Z", "+00:00"))
        at = dt.datetime.fromisoformat(e.recorded_at.replace("Z", "+00:00"))
    except ValueError:
        return False
    return dt.timedelta(0) <= at - start <= FOLLOW_UP_WINDOW


def _may_follow(e: LogEntry) -> bool:
    """Whether `e` may be part of what the registry logs with the entry that makes a follow-up
    owed: the model's files after its version, or a follow-up itself."""
    cause = e.payload.get("cause")
    return e.kind == MODEL_FILES_EVENT or (
        e.kind == "state-change" and isinstance(cause, dict) and cause.get("type") == SHARED_WEIGHTS)


def _unfollowed(state: MonitorState, last: LogEntry) -> list[LogViolation]:
    """LM106, judged after entry `last`: each deployed case that owes a follow-up the registry
    has not logged (`owed_follow_up`, from the log alone), each reported once."""
    state.unjudged, state.unjudged_at = False, None
    if not state.standing:
        return []
    index = state.models.index()
    out: list[LogViolation] = []
    for cid, c in sorted(state.cases.items()):
        owed = owed_follow_up(cid, c.state, c.restricted_to, c.approval_boundary, c.approval, index, state.standing)
        if owed is None:
            continue
        key = f"{cid}@{c.approval}:{owed.found.entry}"
        if key in state.owed_flagged:
            continue
        state.owed_flagged.append(key)
        to = f"{owed.to} to {owed.restricted_to}" if owed.restricted_to else owed.to
        out.append(LogViolation(
            "LM106", last.index, last.kind, cid,
            f"{owed.found.words()} and is about the same model as case {cid} (a digest, its name and version, "
            f"or weights the registry hashed for both), but after entry {last.index} case {cid} is still "
            f"{c.state}" + (f" to {c.restricted_to}" if c.state == "restricted" and c.restricted_to else "")
            + f" at version {c.approval}: the registry logged no shared-weights change ({to}) on it"))
    return out


def _check(state: MonitorState, e: LogEntry, keyring: Keyring | None = None) -> list[LogViolation]:
    if e.case_id is None:
        return []
    c = state.cases.setdefault(e.case_id, _Case())
    p = e.payload

    def bad(code: str, message: str) -> LogViolation:
        return LogViolation(code, e.index, e.kind, e.case_id, message)

    if e.kind == "case-version":
        if c.state is None:
            c.state = CaseState.draft.value
        if isinstance(p.get("version"), int):
            c.latest_version = max(c.latest_version or 0, p["version"])
        return []
    if e.kind == "signoff":
        if _counts_as_signoff(p.get("envelope"), keyring, e.recorded_at):
            key = _version_key(p.get("version"))
            c.signoffs[key] = c.signoffs.get(key, 0) + 1
        return []
    if e.kind == "decision":
        outcome = p.get("outcome")
        raw = p.get("bundle")
        bundle: dict[str, Any] = raw if isinstance(raw, dict) else {}
        envelopes = bundle.get("signoffs")
        signed = sum(1 for env in envelopes if _counts_as_signoff(env, keyring, e.recorded_at)) \
            if isinstance(envelopes, list) else 0
        logged = c.signoffs.get(_version_key(p.get("version")), 0)
        c.decisions[str(e.index)] = {"version": p.get("version"), "outcome": outcome,
                                     "signoffs": signed + logged, "boundary": p.get("boundary")}
        if outcome in PASSING and signed + logged == 0:
            what = "verifies against the keyring" if keyring is not None else "is a well-formed sign-off statement"
            return [bad("LM101", f"a {outcome} decision on version {p.get('version')} with no sign-off: no "
                                 f"sign-off its bundle carries or that was logged for that version before it {what}")]
        return []
    if e.kind != "state-change":
        return []
    return _state_change(c, e, bad)


def _state_change(c: _Case, e: LogEntry, bad: Any) -> list[LogViolation]:
    p = e.payload
    out: list[LogViolation] = []
    frm, to = p.get("from"), p.get("to")
    if c.state is None:
        out.append(bad("LM105", "the state of a case with no logged version changes"))
    elif frm != c.state:
        out.append(bad("LM105", f"the change starts from {frm}, but the entries before it leave the case {c.state}"))
    try:
        pair = (CaseState(str(frm)), CaseState(str(to)))
    except ValueError:
        pair = None
    allowed = TRANSITIONS.get(pair) if pair is not None else None
    if allowed is None:
        out.append(bad("LM104", f"{frm} -> {to} is not a transition the lifecycle allows"))
    cause = p.get("cause")
    ctype: CauseType | None = None
    if not isinstance(cause, dict) or not cause.get("type"):
        out.append(bad("LM102", f"the change {frm} -> {to} records no cause"))
    else:
        try:
            ctype = CauseType(str(cause["type"]))
        except ValueError:
            out.append(bad("LM102", f"the change {frm} -> {to} records a cause of unknown type {cause['type']!r}"))
        if ctype is not None:
            missing = [k for k in CAUSE_FIELDS[ctype] if cause.get(k) in (None, "", [], {})]
            if missing:
                out.append(bad("LM102", f"its {ctype.value} cause does not say {', '.join(missing)}"))
            if allowed is not None and ctype not in allowed:
                out.append(bad("LM102", f"{frm} -> {to} needs a cause of type "
                                        f"{' or '.join(sorted(a.value for a in allowed))}, not {ctype.value}"))
            if ctype is CauseType.decision and "decision" not in missing:
                d = c.decisions.get(str(cause.get("decision")))
                if d is None:
                    out.append(bad("LM102", f"its cause names decision entry {cause.get('decision')}, which is not "
                                            "a decision on this case logged before it"))
    if to in APPROVED:
        version = cause.get("version") if isinstance(cause, dict) else None
        if c.interrupted_version is not None and (
                not isinstance(version, int) or version <= c.interrupted_version
                or (c.latest_version or 0) <= c.interrupted_version):
            out.append(bad("LM103", f"approved again after version {c.interrupted_version}'s approval was "
                                    f"reopened, restricted or withdrawn, with no newer version (approving "
                                    f"version {version}; the newest logged is {c.latest_version})"))
        if isinstance(version, int):
            c.approved_version = version
        elif c.approved_version is None:
            c.approved_version = c.latest_version
        if ctype is CauseType.decision:
            c.approval = version if isinstance(version, int) else c.latest_version
            d = c.decisions.get(str(cause.get("decision"))) if isinstance(cause, dict) else None
            c.approval_boundary = d.get("boundary") if d is not None else None
    elif to in INTERRUPTING and c.approved_version is not None:
        c.interrupted_version = max(c.interrupted_version or 0, c.approved_version)
    c.state = str(to)
    c.restricted_to = p.get("restricted_to")
    return out


# --- following a tiled log ------------------------------------------------------------------


@dataclass
class MonitorRun:
    """What one run of the monitor checked and found."""

    origin: str
    tree_size: int
    checked_from: int
    checked_to: int
    violations: list[LogViolation]
    """Found in this run."""
    earlier: int
    """Violations found by earlier runs (kept in the state file)."""
    cosigned_by: list[str]
    cases: dict[str, str | None]

    def to_json(self) -> dict[str, Any]:
        return {"origin": self.origin, "checkpoint_size": self.tree_size,
                "checked": {"from": self.checked_from, "to": self.checked_to},
                "violations": [v.to_json() for v in self.violations], "earlier_violations": self.earlier,
                "cosigned_by": self.cosigned_by, "cases": self.cases}


def _check_trust_root_line(cp: Any, st: MonitorState) -> None:
    """The checkpoint's signed `casegate-trust-root` line must name the newest trust root entry of
    the tree it covers (`st.trust_root`, from the entries checked; `check_trust_root_line`). A state
    file written before the monitor kept the newest root is not checked."""
    from ..store._checkpoint import TRUST_ROOT_EXTENSION, check_trust_root_line

    if not st.trust_root_kept:
        return
    before = bool(st.checkpoint) and any(line.startswith(TRUST_ROOT_EXTENSION)
                                         for line in (st.checkpoint or "").splitlines())
    check_trust_root_line(cp, st.trust_root, line_before=before,
                          help="report it to the log's operator; state proofs under this checkpoint are not to "
                               "be trusted for which trust root is current")


def follow_log(log: Any, key: Any, state_path: Path, *, origin: str | None = None,
               witnesses: Sequence[tuple[str, Any]] = (), witness_threshold: int = 0,
               keyring: Keyring | None = None) -> MonitorRun:
    """Check the entries of the tiled log `log` (a `casegate.ledger.TileLog`) that the monitor
    has not seen, under its newest checkpoint, and record where it stopped in `state_path`.

    The checkpoint must be signed by `key` (for `origin`, when given) and, when
    `witness_threshold` is set, cosigned by that many of `witnesses` ((name, public key) pairs).
    It must extend the tree the monitor checked before (a consistency proof from tiles), and the
    new entries, appended to that tree, must make its root: a log that shows another history, or
    altered entries, raises VerificationError and nothing is recorded.
    """
    with file_lock(state_path):  # a second monitor sharing the state waits: it never writes an older tree back
        return _follow_log(log, key, state_path, origin=origin, witnesses=witnesses,
                           witness_threshold=witness_threshold, keyring=keyring)


def _follow_log(log: Any, key: Any, state_path: Path, *, origin: str | None,
                witnesses: Sequence[tuple[str, Any]], witness_threshold: int,
                keyring: Keyring | None) -> MonitorRun:
    """`follow_log`, under the state file's lock."""
    from ..errors import VerificationError
    from ..ledger import SplitView
    from ..store import _merkle as mk
    from ..store import checkpoint_keyring_changes, checkpoint_order_problem, verify_cosignature

    cp = log.checkpoint(key, origin)
    cosigned = []
    keys: set[bytes] = set()  # a witness is its key: one key pinned twice cosigns once
    for name, wkey in witnesses:
        raw = wkey.public_bytes_raw()
        if raw in keys:
            continue
        try:
            verify_cosignature(cp, wkey, name)
            cosigned.append(name)
            keys.add(raw)
        except VerificationError:
            pass
    if len(cosigned) < witness_threshold:
        raise VerificationError(f"the checkpoint carries {len(cosigned)} valid witness cosignature(s); "
                                f"{witness_threshold} are required", help="ask the log to collect cosignatures")
    st = MonitorState.load(state_path)
    if st.origin is not None and st.origin != cp.origin:
        raise InputError(f"this monitor state follows log {st.origin!r}, not {cp.origin!r}", location=str(state_path),
                         help="give each log its own --state file")
    frontier = [bytes.fromhex(h) for h in st.frontier]
    if st.size:
        old_root = mk.fold(frontier)
        problem = checkpoint_order_problem((st.size, old_root), (cp.tree_size, cp.root))
        if problem is not None:
            raise SplitView(f"the log's checkpoint (size {cp.tree_size}) does not follow the tree this monitor "
                            f"checked (size {st.size}): {problem}")
        if cp.tree_size > st.size:
            log.consistency_proof(st.size, old_root, cp)  # raises SplitView
    start = st.size

    def chained() -> Iterable[LogEntry]:
        for e in log.entries(cp, start, cp.tree_size):
            mk.append_leaf(frontier, e.index, e.leaf_hash)
            yield e

    found = check_entries(st, chained(), keyring=keyring)
    if mk.fold(frontier) != cp.root:
        raise VerificationError(f"the entries {start}..{cp.tree_size - 1} served at {log.location} do not make the "
                                f"root the checkpoint of size {cp.tree_size} signs: they were altered")
    counted = checkpoint_keyring_changes(cp)
    if counted is not None and st.keyring_changes is not None and counted != st.keyring_changes:
        # a state proof judged under this checkpoint would miss a revocation (or want one that is not there)
        raise VerificationError(f"the checkpoint of size {cp.tree_size} says the log holds {counted} keyring changes, "
                                f"but its entries hold {st.keyring_changes}: the log signed a wrong count",
                                help="report it to the log's operator; state proofs under this checkpoint are not "
                                     "to be trusted for revocations")
    _check_trust_root_line(cp, st)
    st.origin = cp.origin
    st.checkpoint = cp.text()
    st.frontier = [h.hex() for h in frontier]
    st.save(state_path)
    return MonitorRun(cp.origin, cp.tree_size, start, cp.tree_size, found, len(st.violations) - len(found),
                      cosigned, {k: v.state for k, v in sorted(st.cases.items())})
