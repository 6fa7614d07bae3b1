"""The rule registry: every check is a declared rule record plus a pure function that yields hits.

A check receives a `Context` (the loaded case, policy, evidence state, date, boundary) and yields
`Hit`s; the runner turns hits into located findings. Checks never read files or the network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .._gc import gc_paused
from .._record import FrozenRecord, Record
from ..evidence import ArtifactState, EvidenceFacts
from ..model import (
    Case,
    Finding,
    Policy,
    Regime,
    Rule,
    RuleSeverity,
    Serves,
    Waiver,
)
from ..model._base import BoundaryKind
from ._index import ArgumentIndex, index_of

if TYPE_CHECKING:
    from ..load import SourceTexts
    from ..model import (
        ArtifactDates,
        AuthorityCheck,
        Baseline,
        IncidentDefeat,
        LinkedCase,
        PolicyChange,
        RecordedVersion,
        RegisteredProtocol,
        SignoffDates,
    )


class Hit(FrozenRecord):
    """One thing a check found: where, what, and optionally a different severity or fix."""

    _fields = ("path", "message", "severity", "help")
    path: tuple[str | int, ...]
    message: str
    severity: RuleSeverity | None
    help: str | None

    def __init__(self, path: tuple[str | int, ...], message: str, severity: RuleSeverity | None = None,
                 help: str | None = None) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "severity", severity)
        object.__setattr__(self, "help", help)


class Context(Record):
    """Everything a check may look at."""

    _fields = ("case", "policy", "today", "boundary", "artifacts", "previous", "previous_policy", "baseline",
               "policy_changes", "incidents", "denied_incidents", "registry_cases", "lineage", "protocols", "artifact_dates",
               "signoff_dates", "history", "recorded", "deployed", "facts", "regimes", "authority", "sources", "waivers", "memo")
    case: Case
    policy: Policy
    today: dt.date
    boundary: BoundaryKind | None
    """The boundary being evaluated (the case's own, or a narrower one the gate is trying)."""
    artifacts: dict[str, ArtifactState]
    previous: Case | None
    previous_policy: Policy | None
    baseline: Baseline | None
    """What `previous` is (the previous submitted version, the last approved one, or a file given),
    so messages can name it; None when `previous` came without a label."""
    policy_changes: list[PolicyChange]
    """Signed policy changes from the registry (verified or not: each says what is wrong with it)."""
    incidents: list[IncidentDefeat]
    """Incidents logged against the case that defeated claims of an earlier version (from the
    registry): each must be answered."""
    denied_incidents: list[IncidentDefeat]
    """Every incident of the case or of another case of the same model judged high or worse and
    logged after the previous launch (from the registry), whatever claims it defeats: what words
    saying the model has had no incidents since launch contradict (CG438)."""
    registry_cases: list[Case]
    """Other cases known for the same system (from the registry or --related), e.g. an internal one."""
    lineage: list[LinkedCase] | None
    """The cases the system's lineage names, as the registry knows them; None when no registry
    was consulted (the links are then not verified)."""
    protocols: list[RegisteredProtocol] | None
    """Evaluation protocols registered in the log for the case's policy, oldest first; None when
    no registry was consulted."""
    artifact_dates: ArtifactDates | None
    """When the registry first logged each artifact of the case, and its clock: an item's age
    counts from no later than that (CG306), and an answer to an incident must have an artifact
    first logged after the incident (CG708). None when no registry was consulted."""
    signoff_dates: SignoffDates | None
    """When the registry first logged each sign-off envelope the case's lines name: a sign-off's
    date is never later than that (CG505). None when no registry was consulted."""
    history: Sequence[Case]
    """Earlier versions of the case the registry holds beyond `previous`: every version a
    decision approved, and the versions compared with, oldest first. CG806 reads what a claim
    cited in each version a defeater stood in (empty when no registry was consulted). From a
    registry the approved versions are loaded only when first read."""
    recorded: Sequence[RecordedVersion]
    """Every earlier version of the case the registry recorded (approved or not), and the versions
    compared with, as read without building them: each evidence item's subject, pin and date, each
    defeater's kind and aim, each element's evidence. CG306 reads the oldest run of each threshold or
    safeguard any of them cited, CG809 the kinds each gave a defeater, CG806 what a claim cited in
    each a defeater stood in (empty when no registry was consulted and no version was
    given). From a registry they are read only when first read."""
    deployed: list[tuple[Baseline, Case]] | None
    """The version each other case about the same model stands approved on (from the registry:
    not withdrawn nor superseded), named by its baseline: CG107 weighs the internal instances of
    them all together with this case's. None when no registry was consulted."""
    facts: EvidenceFacts | None
    """What the evidence artifacts showed (`casegate.evidence.apply_facts`); `case` then holds the
    derived values. None when nothing was derived (a case built in memory)."""
    regimes: list[Regime]
    """Regulatory regimes the case is under (loaded with the case)."""
    authority: AuthorityCheck | None
    """The sign-offs and the roles that hold authority, checked against a keyring; None when no
    check was made (a preview, a case built in memory)."""
    sources: SourceTexts | None
    """The bytes of the files the case was read from (`Loaded.texts`); None for a case built in
    memory. A rule that looks for a marker in the case's text may skip the case when no file
    holds it (`SourceTexts.holds`)."""
    waivers: list[Waiver]
    """The waivers the gate accepts (signed, allowed by the policy, not lapsed): the blocking
    findings they cover become conditions of the decision."""
    memo: dict[str, Any]
    """Shared computed values (intervals, graph indexes) so checks do not recompute them."""

    def __init__(self, case: Case, policy: Policy, today: dt.date, boundary: BoundaryKind | None,
                 artifacts: dict[str, ArtifactState] | None = None, previous: Case | None = None,
                 previous_policy: Policy | None = None, baseline: Baseline | None = None,
                 policy_changes: list[PolicyChange] | None = None, incidents: list[IncidentDefeat] | None = None,
                 registry_cases: list[Case] | None = None, lineage: list[LinkedCase] | None = None,
                 protocols: list[RegisteredProtocol] | None = None, artifact_dates: ArtifactDates | None = None,
                 signoff_dates: SignoffDates | None = None, history: Sequence[Case] | None = None,
                 recorded: Sequence[RecordedVersion] | None = None,
                 deployed: list[tuple[Baseline, Case]] | None = None,
                 facts: EvidenceFacts | None = None,
                 regimes: list[Regime] | None = None, authority: AuthorityCheck | None = None,
                 sources: SourceTexts | None = None, waivers: list[Waiver] | None = None,
                 memo: dict[str, Any] | None = None, denied_incidents: list[IncidentDefeat] | None = None) -> None:
        self.case = case
        self.policy = policy
        self.today = today
        self.boundary = boundary
        self.artifacts = {} if artifacts is None else artifacts
        self.previous = previous
        self.previous_policy = previous_policy
        self.baseline = baseline
        self.policy_changes = [] if policy_changes is None else policy_changes
        self.incidents = [] if incidents is None else incidents
        self.denied_incidents = [] if denied_incidents is None else denied_incidents
        self.registry_cases = [] if registry_cases is None else registry_cases
        self.lineage = lineage
        self.protocols = protocols
        self.artifact_dates = artifact_dates
        self.signoff_dates = signoff_dates
        self.history = [] if history is None else history
        self.recorded = [] if recorded is None else recorded
        self.deployed = deployed
        self.facts = facts
        self.regimes = [] if regimes is None else regimes
        self.authority = authority
        self.sources = sources
        self.waivers = [] if waivers is None else waivers
        self.memo = {} if memo is None else memo

    @property
    def compared(self) -> str:
        """How messages name the version `previous` is (its baseline's label, else "the previous
        version")."""
        return self.baseline.label if self.baseline is not None else "the previous version"

    @property
    def index(self) -> ArgumentIndex:
        """The argument's element types, links and reachability, built once per context."""
        got = self.memo.get("argument_index")
        if got is None:
            got = self.memo["argument_index"] = index_of(self.case)
        return got


CheckFn = Callable[[Context], Iterable[Hit]]


class RegisteredRule(FrozenRecord):
    _fields = ("rule", "check", "pass_")
    rule: Rule
    check: CheckFn
    pass_: int
    """Structure passes: 1 references/duplicates/cycles, 2 reachability/support; 3 semantics."""

    def __init__(self, rule: Rule, check: CheckFn, pass_: int) -> None:
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "check", check)
        object.__setattr__(self, "pass_", pass_)


_RULES: dict[str, RegisteredRule] = {}
_LOAD_RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    severity: str,
    serves: Serves,
    summary: str,
    rationale: str,
    bad: str,
    good: str,
    fix: str,
    pass_: int = 3,
    since: str = "0.1.0",
) -> Callable[[CheckFn], CheckFn]:
    """Declare a rule and register its check function."""

    def deco(fn: CheckFn) -> CheckFn:
        # one mapping validated, the severity read from its text by the validator: a third less
        # than keyword arguments with the enum built first, for the 140-odd rules every run declares
        r = Rule.model_validate({"code": code, "name": name, "severity": severity, "serves": serves,
                                 "summary": summary, "rationale": rationale, "bad": bad.strip("\n"),
                                 "good": good.strip("\n"), "fix": fix, "since": since})
        if code in _RULES or code in _LOAD_RULES:
            raise ValueError(f"rule {code} declared twice")
        _RULES[code] = RegisteredRule(r, fn, pass_)
        return fn

    return deco


def load_rule(code: str, name: str, *, serves: Serves, summary: str, rationale: str, bad: str,
              good: str, fix: str, severity: str = "blocking") -> None:
    """Declare a rule that the loader enforces (duplicate keys, schema) so it is documented too."""
    _LOAD_RULES[code] = Rule.model_validate({"code": code, "name": name, "severity": severity, "serves": serves,
                                             "summary": summary, "rationale": rationale, "bad": bad.strip("\n"),
                                             "good": good.strip("\n"), "fix": fix})


def all_rules() -> list[Rule]:
    """Every declared rule, sorted by code."""
    _ensure_loaded()
    rules = [r.rule for r in _RULES.values()] + list(_LOAD_RULES.values())
    return sorted(rules, key=lambda r: r.code)


def get_rule(code: str) -> Rule | None:
    _ensure_loaded()
    if code in _RULES:
        return _RULES[code].rule
    return _LOAD_RULES.get(code)


def registered() -> list[RegisteredRule]:
    _ensure_loaded()
    return sorted(_RULES.values(), key=lambda r: (r.pass_, r.rule.code))


def _ensure_loaded() -> None:
    # importing the family modules registers their rules
    from . import families  # noqa: F401


def make_finding(r: Rule, hit: Hit) -> Finding:
    # the rule's declared (validated) fields and the hit's text: not validated again, so a check
    # builds no validator for findings (the path made a tuple, as validation makes it)
    return Finding.model_construct(code=r.code, name=r.name, severity=hit.severity or r.severity,
                                   message=hit.message, path=tuple(hit.path), help=hit.help or r.fix)


def run_checks(ctx: Context, *, select: Callable[[Rule], bool] | None = None) -> list[Finding]:
    """Run the registered checks in passes; stop before a pass that would only echo an earlier
    pass's blocking structure failures. Findings are unlocated (the caller locates them)."""
    # The rules allocate many short-lived, acyclic objects (ids, sets, tuples) next to a large,
    # long-lived case; with the cyclic collector running, each of its full collections walks the
    # whole case again. Reference counting frees everything the rules drop either way.
    with gc_paused():
        return _run_passes(ctx, select)


def _run_passes(ctx: Context, select: Callable[[Rule], bool] | None) -> list[Finding]:
    out: list[Finding] = []
    rules = registered()
    stop_after: int | None = None
    for pass_no in sorted({r.pass_ for r in rules}):
        if stop_after is not None and pass_no > stop_after:
            break
        produced_blocking = False
        # rules about the decision's conditions (which conditions the public summary withholds)
        # read what the earlier passes found
        ctx.memo["earlier_findings"] = tuple(out)
        for reg in (r for r in rules if r.pass_ == pass_no):
            if select is not None and not select(reg.rule):
                continue
            for hit in reg.check(ctx):
                f = make_finding(reg.rule, hit)
                out.append(f)
                produced_blocking |= f.severity is RuleSeverity.blocking
        if produced_blocking and pass_no < 3:
            stop_after = pass_no
    return out


def iter_rules_by_family() -> Iterator[tuple[str, list[Rule]]]:
    rules = all_rules()
    fams: dict[str, list[Rule]] = {}
    for r in rules:
        fams.setdefault(r.code[:-2], []).append(r)
    yield from sorted(fams.items(), key=lambda kv: int(kv[0][2:]))
