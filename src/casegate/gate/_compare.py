"""The versions a decision is compared with: the previous submitted version and the last approved
one (fetched from the registry by the caller), or a file given with --previous, and the signed
policy changes logged in the registry. Every threshold-gaming rule runs against each of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, overload

from .._record import FrozenRecord, replace
from ..checks import Context, run_checks
from ..model import Case, ComparedVersion, Finding, Policy, RecordedVersion

if TYPE_CHECKING:
    from ..model import (
        ArtifactDates,
        Baseline,
        Condition,
        IncidentDefeat,
        LinkedCase,
        PolicyChange,
        RegisteredProtocol,
        SignoffDates,
    )

GAMING = "fm-threshold-gaming"
"""The failure mode whose rules compare versions."""
ALSO_EACH_VERSION = frozenset({"CG511", "CG806", "CG107"})
"""Rules of other families that compare versions and run against each one too: a date retyped
in a version submitted since (one decided NO-GO among them) does not become the record, nor an
internal scale lowered in one (CG107)."""


class LazyCases(Sequence[Case]):
    """Cases loaded only when a rule reads them, each at most once, in the order given: reading
    one loads it and every one before it, so a version that does not load (a `StoreError`
    naming it) stops the reading rule, and so the gate, as it would have stopped the caller. The
    length is known without loading any."""

    def __init__(self, loaders: Sequence[Callable[[], Case]]) -> None:
        self._loaders = list(loaders)
        self._loaded: list[Case] = []

    def _upto(self, n: int) -> None:
        while len(self._loaded) < min(n, len(self._loaders)):
            self._loaded.append(self._loaders[len(self._loaded)]())

    def __len__(self) -> int:
        return len(self._loaders)

    @overload
    def __getitem__(self, i: int) -> Case: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Case]: ...
    def __getitem__(self, i: int | slice) -> Case | Sequence[Case]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        k = i + len(self) if i < 0 else i
        if not 0 <= k < len(self):
            raise IndexError(i)
        self._upto(k + 1)
        return self._loaded[k]

    def __iter__(self) -> Iterator[Case]:
        for k in range(len(self)):
            yield self[k]

    @property
    def loaded(self) -> int:
        """How many have been loaded so far."""
        return len(self._loaded)


class LazyRecorded(Sequence[RecordedVersion]):
    """Recorded versions read only when a rule first reads them, all of them then, in the order of
    the parts given (a version that does not read, a `StoreError` naming it, stops the reading
    rule, and so the gate). Each part is read at most once."""

    def __init__(self, parts: Sequence[Callable[[], Sequence[RecordedVersion]]]) -> None:
        self._parts = list(parts)
        self._read: list[RecordedVersion] | None = None

    def _all(self) -> list[RecordedVersion]:
        if self._read is None:
            self._read = [v for part in self._parts for v in part()]
        return self._read

    def __len__(self) -> int:
        return len(self._all())

    @overload
    def __getitem__(self, i: int) -> RecordedVersion: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[RecordedVersion]: ...
    def __getitem__(self, i: int | slice) -> RecordedVersion | Sequence[RecordedVersion]:
        return self._all()[i]

    def __iter__(self) -> Iterator[RecordedVersion]:
        return iter(self._all())

    @property
    def read(self) -> bool:
        """Whether they have been read."""
        return self._read is not None


class Compared(FrozenRecord):
    """One earlier version, loaded."""

    _fields = ("baseline", "case", "policy")
    baseline: Baseline
    case: Case
    policy: Policy | None

    def __init__(self, baseline: Baseline, case: Case, policy: Policy | None) -> None:
        object.__setattr__(self, "baseline", baseline)
        object.__setattr__(self, "case", case)
        object.__setattr__(self, "policy", policy)


class Comparison(FrozenRecord):
    """What the registry (or the caller) remembers for one decision."""

    _fields = ("versions", "policy_changes", "incidents", "lineage", "protocols", "why_none", "notes",
               "artifact_dates", "signoff_dates", "standing", "settled", "approved", "recorded", "deployed",
               "missed_reports", "clock", "last_logged", "denied")
    versions: Sequence[Compared]
    """Earlier versions to compare with, the previous submitted one first; the same version is
    listed once even when it is both."""
    policy_changes: Sequence[PolicyChange]
    """Signed policy changes, each with its verification problems (none when trusted)."""
    incidents: Sequence[IncidentDefeat]
    """Incidents that defeated claims of an earlier version: each must be answered (CG708)."""
    denied: Sequence[IncidentDefeat]
    """Every incident of the case or of another case of the same model judged high or worse and
    logged after the previous launch, whatever claims it defeats: words saying the model has had no
    incidents since launch contradict each (CG438)."""
    lineage: Sequence[LinkedCase] | None
    """The cases the system's lineage names, looked up in the registry (None: not looked up)."""
    protocols: Sequence[RegisteredProtocol] | None
    """Evaluation protocols registered for the case's policy (None: the registry was not read)."""
    why_none: str | None
    """Why `versions` is empty (e.g. 'first version in the registry')."""
    notes: list[str]
    """What could not be fetched, in words (kept in the decision record)."""
    artifact_dates: ArtifactDates | None
    """When the registry first logged each of the case's artifacts, and its clock: an item's age
    counts from no later than that (None: no registry was read, the items' own dates stand)."""
    signoff_dates: SignoffDates | None
    """When the registry first logged each sign-off envelope the case's lines name: a sign-off's
    date is no later than that (None: no registry was read, the lines' own dates stand)."""
    standing: Sequence[Condition]
    """The conditions of the decision the case currently stands on that nothing shows met (as the
    registry logged them): raised again by this version, one is due no later than it was."""
    settled: Sequence[Condition]
    """Those of `standing` set by a decision on the very version being judged (its approval judged
    again, as `publish` does): due no later than they were, but not carried from an earlier
    decision, so their passing due date is the registry's to report, not a finding of this version's
    (CG750 holds a version that raises again a condition an earlier decision set)."""
    approved: Sequence[Case]
    """Every earlier version of the case a decision approved, oldest first (the last approved one
    among them): a defeater that stood there is followed through them (CG806), not only through
    the versions compared with. From a registry they are `LazyCases`: each is loaded when
    that rule first reads it, and not at all when it does not."""
    recorded: Sequence[RecordedVersion]
    """Every earlier version of the case the registry recorded (approved or not, decided or not),
    oldest first, as read from its stored files without building it: a run known by names only is
    dated from the oldest run of its subject any of them cites (CG306), and a defeater is held to
    a blocking kind any of them gave it (CG809). From a registry a `LazyRecorded`: read when one of
    those rules first reads it, and not at all when neither does."""
    deployed: Sequence[Compared] | None
    """The version each other case about the same model stands approved on (its last approval by
    a decision; a case withdrawn or superseded stands on none), as the registry stores it: a new
    case is weighed together with them, so the same weights filed as several narrow cases are
    judged as the deployment they make together (CG107). None: no registry was read."""
    missed_reports: Callable[[dt.datetime], list[Finding]] | None
    """The regime reports the registry's incidents owe that are past their deadline and not filed
    as of a time (CG1003, blocking, filings checked against the keyring the comparison was read
    with; without one none counts): a version decided while one is missed approves a deployment
    that owes it. None: no registry was read."""
    clock: dt.datetime | None
    """The registry's clock when it was read (`log_time()`). None: no registry was read."""
    last_logged: dt.datetime | None
    """When the registry's last entry was logged. None: no registry was read, or it is empty. The
    registry's facts that run on a clock (reports past their deadline, CG1003; standing conditions
    past their due date, CG750) are read as of no earlier than this, whatever day the case or
    `--at` gives (`gate._engine.registry_time`)."""

    def __init__(self, versions: Sequence[Compared] = (), policy_changes: Sequence[PolicyChange] = (),
                 incidents: Sequence[IncidentDefeat] = (), lineage: Sequence[LinkedCase] | None = None,
                 protocols: Sequence[RegisteredProtocol] | None = None, why_none: str | None = None,
                 notes: list[str] | None = None, artifact_dates: ArtifactDates | None = None,
                 signoff_dates: SignoffDates | None = None, standing: Sequence[Condition] = (),
                 settled: Sequence[Condition] = (), approved: Sequence[Case] = (), recorded: Sequence[RecordedVersion] = (),
                 deployed: Sequence[Compared] | None = None,
                 missed_reports: Callable[[dt.datetime], list[Finding]] | None = None,
                 clock: dt.datetime | None = None, last_logged: dt.datetime | None = None,
                 denied: Sequence[IncidentDefeat] = ()) -> None:
        put = object.__setattr__
        put(self, "denied", denied)
        put(self, "versions", versions)
        put(self, "policy_changes", policy_changes)
        put(self, "incidents", incidents)
        put(self, "lineage", lineage)
        put(self, "protocols", protocols)
        put(self, "why_none", why_none)
        put(self, "notes", [] if notes is None else notes)
        put(self, "artifact_dates", artifact_dates)
        put(self, "signoff_dates", signoff_dates)
        put(self, "standing", standing)
        put(self, "settled", settled)
        put(self, "approved", approved)
        put(self, "recorded", recorded)
        put(self, "deployed", deployed)
        put(self, "missed_reports", missed_reports)
        put(self, "clock", clock)
        put(self, "last_logged", last_logged)


NOT_CONFIGURED = "no registry configured and no --previous given"


def compared_with(comparison: Comparison | None, case: Case | None = None) -> list[str]:
    """The decision record's `compared_with` lines (and, when the case's lineage names cases that
    no registry was consulted for, a line saying they were not looked up)."""
    if comparison is None:
        out = [f"nothing: {NOT_CONFIGURED}"]
    elif not comparison.versions:
        out = [f"nothing: {comparison.why_none or 'no earlier version'}"] + comparison.notes
    else:
        out = [f"{c.baseline.role}: {c.baseline.label}" for c in comparison.versions] + comparison.notes
    if case is not None and (comparison is None or comparison.lineage is None):
        linked = sorted({lin.case for lin in case.system.lineage if lin.case})
        if linked:
            out.append(f"lineage: case {', '.join(linked)} not looked up (no registry consulted)")
    return out


def compared_versions(comparison: Comparison | None) -> list[ComparedVersion]:
    """The decision record's `compared`: each registry version compared with, by case, number and
    digest (a --previous file is not a registry version and is not named)."""
    if comparison is None:
        return []
    out = []
    for c in [*comparison.versions, *(comparison.deployed or ())]:
        b = c.baseline
        if b.case is not None and b.number is not None and b.digest is not None:
            out.append(ComparedVersion(role=b.role, case=b.case, number=b.number, digest=b.digest))
    return out


def other_baselines(ctx: Context, comparison: Comparison, found: Sequence[Finding]) -> list[Finding]:
    """The threshold-gaming findings (and `ALSO_EACH_VERSION`'s) against each baseline after the
    first (the first is the context's own `previous`), keeping only those not already `found`."""
    out: list[Finding] = []
    seen: set[tuple[str, tuple[str | int, ...]]] = {(f.code, tuple(f.path)) for f in found}
    for c in comparison.versions[1:]:
        other = replace(ctx, previous=c.case, previous_policy=c.policy, baseline=c.baseline, memo={})
        for f in run_checks(other, select=lambda r: r.serves == GAMING or r.code in ALSO_EACH_VERSION):
            key = (f.code, tuple(f.path))
            if key in seen:
                continue
            seen.add(key)
            tail = "" if c.baseline.label in f.message else f" (compared with {c.baseline.label})"
            out.append(f.model_copy(update={"message": f.message + tail}))
    return out
