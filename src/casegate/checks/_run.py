"""Running the checks over a loaded case and locating every finding in the source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from .._record import Record
from ..evidence import ArtifactState
from ..load import Loaded
from ..model import (
    BoundaryKind,
    Case,
    Finding,
    Policy,
    Rule,
    RuleSeverity,
)
from ._registry import Context, run_checks
from ._release import before_release, downloaded

if TYPE_CHECKING:
    from ..model import IncidentDefeat, LinkedCase, RegisteredProtocol


class CheckReport(Record):
    """Located findings for one case, sorted by file and line, with counts."""

    _fields = ("findings", "files")
    findings: list[Finding]
    files: list[str]

    def __init__(self, findings: list[Finding], files: list[str] | None = None) -> None:
        self.findings = findings
        self.files = [] if files is None else files

    def count(self, severity: RuleSeverity) -> int:
        return sum(1 for f in self.findings if f.severity is severity and f.waived is None)

    @property
    def blocking(self) -> int:
        return sum(1 for f in self.findings if f.blocking)

    @property
    def exit_code(self) -> int:
        """0 nothing blocking, 1 blocking findings (2, unreadable input, is raised as an error)."""
        return 1 if self.blocking else 0


def locate_findings(loaded: Loaded, findings: list[Finding]) -> list[Finding]:
    """Fill in each finding's source location from its path; sort by file, line, code."""
    out = []
    for f in findings:
        if f.location is None:
            f = f.model_copy(update={"location": loaded.locate(f.path)})
        out.append(f)
    order = {src.path: i for i, src in enumerate(loaded.files)}
    out.sort(key=lambda f: (order.get(f.location.file, 99) if f.location else 99,
                            f.location.line if f.location else 0, f.code))
    return out


def make_context(
    loaded: Loaded,
    *,
    today: dt.date | None = None,
    boundary: BoundaryKind | None = None,
    artifacts: dict[str, ArtifactState] | None = None,
    previous: Case | None = None,
    previous_policy: Policy | None = None,
    related: list[Case] | None = None,
    incidents: list[IncidentDefeat] | None = None,
    lineage: list[LinkedCase] | None = None,
    protocols: list[RegisteredProtocol] | None = None,
) -> Context | None:
    """A check context, or None when the case or policy could not be built (load findings stand)."""
    if loaded.case is None or loaded.policy is None:
        return None
    case = loaded.case
    if boundary is None and case.boundary is not None:
        boundary = case.boundary.kind
    facts = None
    if artifacts is not None:
        # the rules read the case as its artifacts show it
        from ..evidence import facts_for

        effective, facts = facts_for(loaded, artifacts)
        case = effective if effective is not None else case
    return Context(case=case, policy=loaded.policy, today=today or dt.date.today(), boundary=boundary,
                   artifacts=artifacts or {}, previous=previous, previous_policy=previous_policy,
                   registry_cases=related or [], incidents=incidents or [], regimes=list(loaded.regimes),
                   facts=facts, lineage=lineage, protocols=protocols, authority=loaded.authority,
                   sources=loaded.texts())


def check_case(
    loaded: Loaded,
    *,
    today: dt.date | None = None,
    artifacts: dict[str, ArtifactState] | None = None,
    select: Callable[[Rule], bool] | None = None,
    previous: Case | None = None,
    previous_policy: Policy | None = None,
    related: list[Case] | None = None,
    incidents: list[IncidentDefeat] | None = None,
    lineage: list[LinkedCase] | None = None,
    protocols: list[RegisteredProtocol] | None = None,
) -> CheckReport:
    """Run the structure checks (and, with `select`, any others) and locate the findings.

    By default `casegate check` runs the structure family plus evidence integrity; the gate runs
    every family. `previous` / `previous_policy` (the case's previous version and its policy) and
    `related` (other cases of the same system) feed the rules that compare against them.
    """
    findings = list(loaded.diagnostics)
    ctx = make_context(loaded, today=today, artifacts=artifacts, previous=previous,
                       previous_policy=previous_policy, related=related, incidents=incidents,
                       lineage=lineage, protocols=protocols)
    if ctx is not None and not any(f.severity is RuleSeverity.blocking and f.code == "CG900" for f in findings):
        findings.extend(run_checks(ctx, select=select))
    if ctx is not None:
        # what the gate will do with each finding at the case's boundary: where the weights are
        # downloaded, a condition met after release blocks (the gate's own rule, not a copy)
        findings = before_release(findings, downloaded(ctx))
    return CheckReport(findings=locate_findings(loaded, findings), files=[f.path for f in loaded.files])
