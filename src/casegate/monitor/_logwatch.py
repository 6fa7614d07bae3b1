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

The monitor keeps its position and what it needs to judge later entries (each case's replayed
state) in a JSON state file, so a run checks only entries it has not seen.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..store import LogEntry
from ._states import CAUSE_FIELDS, TRANSITIONS, CaseState, CauseType

if TYPE_CHECKING:
    from ..sign import Keyring

MONITOR_STATE_VERSION = 1
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
    """Decisions logged, by entry index: their version and outcome."""

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

    @classmethod
    def load(cls, path: Path) -> MonitorState:
        if not path.exists():
            return cls()
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise InputError(f"cannot read the monitor state: {e}", location=str(path),
                             help="it is written by `casegate log monitor`; remove it to check the log from the start") from None
        if not isinstance(doc, dict) or doc.get("kind") != "log-monitor-state":
            raise InputError("not a casegate log monitor state file", location=str(path))
        if doc.get("casegate") != MONITOR_STATE_VERSION:
            raise InputError(f"unsupported monitor state version {doc.get('casegate')!r}", location=str(path))
        try:
            return cls(size=int(doc["size"]), origin=doc.get("origin"),
                       cases={k: _Case.from_json(v) for k, v in doc["cases"].items()},
                       violations=[LogViolation(**v) for v in doc.get("violations", [])],
                       checkpoint=doc.get("checkpoint"), frontier=[str(h) for h in doc.get("frontier", [])])
        except (KeyError, TypeError, ValueError):
            raise InputError("the monitor state file is damaged", location=str(path),
                             help="remove it to check the log from the start") from None

    def save(self, path: Path) -> None:
        doc = {"casegate": MONITOR_STATE_VERSION, "kind": "log-monitor-state", "size": self.size,
               "origin": self.origin, "checkpoint": self.checkpoint, "frontier": self.frontier,
               "cases": {k: v.to_json() for k, v in sorted(self.cases.items())},
               "violations": [v.__dict__ for v in self.violations]}
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=2, sort_keys=True)
                f.write("\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


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
    for e in entries:
        if e.index != state.size:
            raise InputError(f"the monitor expected log entry {state.size} next, and was given {e.index}",
                             help="entries must be checked in log order, each once")
        found += _check(state, e, keyring)
        state.size += 1
    state.violations += found
    return found


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
                                     "signoffs": signed + logged}
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
    from ..errors import VerificationError
    from ..ledger import SplitView
    from ..store import _merkle as mk
    from ..store import verify_cosignature

    cp = log.checkpoint(key, origin)
    cosigned = []
    for name, wkey in witnesses:
        try:
            verify_cosignature(cp, wkey, name)
            cosigned.append(name)
        except VerificationError:
            pass
    if len(cosigned) < witness_threshold:
        raise VerificationError(f"the checkpoint carries {len(cosigned)} valid witness cosignature(s); "
                                f"{witness_threshold} are required", help="ask the log to collect cosignatures")
    st = MonitorState.load(state_path)
    if st.origin is not None and st.origin != cp.origin:
        raise InputError(f"this monitor state follows log {st.origin!r}, not {cp.origin!r}", location=str(state_path),
                         help="give each log its own --state file")
    if cp.tree_size < st.size:
        raise SplitView(f"the log's checkpoint has {cp.tree_size} entries, but this monitor already checked "
                        f"{st.size}: the log was rolled back or shows another history")
    frontier = [bytes.fromhex(h) for h in st.frontier]
    if st.size:
        old_root = mk.fold(frontier)
        if cp.tree_size == st.size:
            if cp.root != old_root:
                raise SplitView(f"two different roots for size {st.size}: the log shows another history than "
                                "the one this monitor checked")
        else:
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
    st.origin = cp.origin
    st.checkpoint = cp.text()
    st.frontier = [h.hex() for h in frontier]
    st.save(state_path)
    return MonitorRun(cp.origin, cp.tree_size, start, cp.tree_size, found, len(st.violations) - len(found),
                      cosigned, {k: v.state for k, v in sorted(st.cases.items())})
