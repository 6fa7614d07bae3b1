"""The safety-case file: system, boundary, threat model, evidence, argument, safeguards,
residual risk, post-deployment plan and decision section."""

import datetime as dt
import json
from typing import Any, ClassVar, Literal

from pydantic import model_validator

from ._base import (
    EMPTY_DICT,
    EMPTY_ITEMS,
    EMPTY_LIST,
    NON_EMPTY,
    ONE_OR_MORE,
    OPTIONAL_AT_LEAST_0,
    Access,
    BoundaryKind,
    Confidentiality,
    Digest,
    Frozen,
    Id,
    Scaffold,
    Severity,
    Sha256,
    Variant,
    WeightsAccess,
)

# --------------------------------------------------------------------------- system


class Lineage(Frozen):
    """A model this system derives from."""

    relation: str
    """How it derives, e.g. 'fine-tuned-from', 'distilled-from', 'checkpoint-of'."""
    name: str
    """Name and version of the parent."""
    digest: Digest | None = None
    """Digest of the parent's artifacts, when known."""
    case: str | None = None
    """Id of the parent's safety case, when there is one."""


class Release(Frozen):
    """Public facts about the release that transparency regimes ask for."""

    date: dt.date | None = None
    """Release date of the model at this boundary."""
    website: str | None = None
    """The developer's website."""
    contact: str | None = None
    """How a person can contact the developer about the model."""
    languages: list[str] = EMPTY_LIST
    """Languages the model supports."""
    modalities: list[str] = EMPTY_LIST
    """Output modalities, e.g. 'text', 'image', 'code'."""
    intended_uses: list[str] = EMPTY_LIST
    """Intended uses of the model."""


class System(Frozen):
    """The model being released."""

    name: str
    """Model name."""
    version: str
    """Model version."""
    digests: list[Digest] = NON_EMPTY
    """sha256 digests of the weights or of a manifest listing them; the decision binds to these."""
    evaluated_as: list[str] = EMPTY_LIST
    """Further names the evaluation tools record for this model (e.g. 'mockllm/model' or a
    serving endpoint's id), when a log's model name does not contain the system's name. Each is
    the case's word, shown beside the run it admits."""
    lineage: list[Lineage] = EMPTY_LIST
    """Models this one derives from."""
    description: str | None = None
    """Short description."""
    release: Release | None = None
    """Public facts about the release (website, contact, languages, modalities, intended uses)."""


# --------------------------------------------------------------------------- boundary


class Scope(Frozen):
    """Who may use the system across the boundary, and how much."""

    users: str | None = None
    """Who the users are, e.g. 'verified developers', 'all staff in research org'."""
    rate_limit: str | None = None
    """Rate limits, e.g. '600/min per key, 5M tokens/day per organisation', or 'unlimited': each a
    number of requests or tokens per period (s, min, hour, day, week) and whom it applies to (per
    key, user, account or organisation, or global). The decision signs them read as numbers and
    `verify` holds a deploy to them; a text that does not read is a finding (CG108)."""
    regions: list[str] = EMPTY_LIST
    """Regions where the deployment is offered."""
    max_users: int | None = None
    """Upper bound on the number of users (the decision signs it; `verify` holds a deploy to it)."""
    access: Access | None = None
    """Who can reach the model: 'public' (anyone, no sign-up), 'self-serve' (anyone who signs up),
    'vetted-organisations' (organisations admitted after vetting), 'named-partners' (a named list
    under contract) or 'employees'. The boundary's kind must agree with it (rule CG105)."""
    vetting: str | None = None
    """How users are vetted before they get access, e.g. 'identity verification and use-case review'."""
    weights: WeightsAccess = "none"
    """Access to the weights: 'none', 'fine-tuning' (tuning through a hosted interface) or
    'download' (weights can be downloaded)."""


AccessLevel = Literal["none", "read", "write"]
"""How far an internal deployment reaches into something: not at all, read, or write."""

Autonomy = Literal["human-in-the-loop", "human-on-the-loop", "autonomous"]
"""How an internal deployment acts: each action approved by a person, actions reviewed by people
as they happen, or unattended."""


class InternalScale(Frozen):
    """The scale of an internal deployment: how many instances, what they can touch, how freely
    they act. The internal-deployment rules (CG104, CG107) weigh it."""

    instances: int | None = OPTIONAL_AT_LEAST_0
    """Instances of the model running at once (an upper bound)."""
    training_code: AccessLevel | None = None
    """Access to the organisation's training code and infrastructure."""
    weights: AccessLevel | None = None
    """Access to model weights (its own or other models')."""
    autonomy: Autonomy | None = None
    """How freely the instances act."""

    def unrecorded(self) -> list[str]:
        """Names of the scale fields not recorded."""
        return [n for n in ("instances", "training_code", "weights", "autonomy") if getattr(self, n) is None]

    def wide(self) -> list[str]:
        """What makes this deployment wide, in words (empty when nothing does)."""
        out = []
        if self.autonomy == "autonomous":
            out.append("instances act autonomously")
        if self.training_code == "write":
            out.append("write access to training code")
        if self.weights == "write":
            out.append("write access to weights")
        return out


class Configuration(Frozen):
    """How the deployment runs the model: what it puts around every request beyond the weights.
    An evaluation bounds the deployed system only when it ran the model configured no more
    strictly than this (CG309)."""

    system_message_sha256: Sha256 | None = None
    """sha256 of the UTF-8 text of the system message the deployment puts before every
    conversation; unset when it puts none (users may then give their own)."""
    max_tokens: int | None = OPTIONAL_AT_LEAST_0
    """The ceiling the deployment puts on the tokens of one generation; unset when it puts none."""


class Boundary(Frozen):
    """The one deployment boundary the case argues for."""

    kind: BoundaryKind
    """Where on the exposure ladder the deployment sits."""
    tools: list[str] = EMPTY_LIST
    """Tools and agent affordances given to the model (widen the boundary)."""
    sensitive_domains: list[str] = EMPTY_LIST
    """Sensitive domains the deployment integrates into (widen the boundary)."""
    scope: Scope | None = None
    """Users, rate limits, regions."""
    internal: InternalScale | None = None
    """For internal boundaries: the scale of the deployment (instances, access to training code
    and weights, autonomy)."""
    configuration: Configuration | None = None
    """How the deployment runs the model (its system message, its ceiling on one generation);
    unset when the case does not say, and then no evaluation run under a system message or a
    ceiling is shown to bound it (CG309)."""
    description: str | None = None
    """What the deployment is."""


# --------------------------------------------------------------------------- threat model


class Pathway(Frozen):
    """An ordered route from access to harm."""

    title: str | None = None
    """Readable name of the pathway."""
    severity: Severity
    """Severity of the harm at the end."""
    steps: list[Id] = NON_EMPTY
    """Ordered steps from access to harm; safeguards block steps as `pathway.step`."""
    actors: list[str] = EMPTY_LIST
    """Threat actors who could take this pathway (default: the domain's)."""
    attempts_per_year: float | None = OPTIONAL_AT_LEAST_0
    """Expected malicious attempts per year across the boundary (for residual risk)."""
    confidentiality: Confidentiality = Confidentiality.public
    """How widely the pathway may be shown."""


class DomainThreats(Frozen):
    """The threat model for one risk domain: addressed with pathways, or scoped out."""

    actors: list[str] = EMPTY_LIST
    """Threat actors considered."""
    pathways: dict[Id, Pathway] = EMPTY_DICT
    """Harm pathways, keyed by id (ids are unique across domains)."""
    scoped_out: str | None = None
    """Reason this domain is out of scope for this boundary; null when addressed."""
    evidence: list[Id] = EMPTY_LIST
    """Evidence supporting the scoping-out decision."""
    rests_on: list[str] = EMPTY_LIST
    """Boundary properties the scoping-out rests on, as paths into `boundary`: `kind`, `tools`,
    `sensitive_domains`, `scope.access`, `scope.vetting`, `scope.weights`, `scope.regions`,
    `scope.rate_limit`, `scope.max_users`."""


# --------------------------------------------------------------------------- evidence

EvidenceKind = Literal[
    "eval",
    "red-team",
    "safeguard-test",
    "security-audit",
    "expert-review",
    "monitoring",
    "sandbagging-probe",
    "attestation",
    "other",
]

TEST_KINDS = ("red-team", "safeguard-test")
"""Evidence kinds that measure a safeguard's bypass rate (`Result.bypasses` of `attempts`)."""

COUNTED_KINDS = ("eval", *TEST_KINDS)
"""Evidence kinds whose counts the gate reads from their artifact (an evaluation's successes and
trials, a test's bypasses and attempts, from its log): a rewritten artifact rewrites the counts."""

VERDICT_KINDS = ("security-audit", "expert-review", "monitoring", "sandbagging-probe", "attestation", "other")
"""Evidence kinds whose outcome is a verdict (`Result.passed`), not counts: no log casegate reads
records one."""

WEIGHT_KINDS = ("eval", "red-team", "sandbagging-probe")
"""Evidence kinds that measure the model's own behaviour, and so the weights they ran against."""

WEIGHT_LAYERS = ("model-behaviour", "unlearning", "tamper-resistant-training", "pretraining-data-filtering")
"""Safeguard layers trained into the weights: a test of one of them measures the weights too."""


class Elicitation(Frozen):
    """How hard the evaluation tried to draw out the capability."""

    variant: Variant = Variant.production
    """Which model variant was evaluated."""
    attempts: int = ONE_OR_MORE
    """Attempts (epochs or retries) per task."""
    scaffold: Scaffold = Scaffold.none
    """Scaffolding given to the model."""
    tools: list[str] = EMPTY_ITEMS
    """Tools available to the model."""
    budget_tokens: int | None = OPTIONAL_AT_LEAST_0
    """Token budget per task."""
    time_limit: int | None = OPTIONAL_AT_LEAST_0
    """Wall-clock limit per task, in seconds."""
    max_tokens: int | None = OPTIONAL_AT_LEAST_0
    """The lowest ceiling on the tokens of one generation (Inspect's `max_tokens`, lm-eval's
    `max_gen_toks`); unset when the run set none."""
    message_limit: int | None = OPTIONAL_AT_LEAST_0
    """The fewest messages any sample's conversation was allowed; unset when the run set no limit."""
    turn_limit: int | None = OPTIONAL_AT_LEAST_0
    """The fewest assistant turns any sample was allowed; unset when the run set no limit."""
    working_limit: int | None = OPTIONAL_AT_LEAST_0
    """The least working time (seconds, waits excluded) any sample was allowed; unset when the run
    set no limit."""
    cost_limit: float | None = OPTIONAL_AT_LEAST_0
    """The lowest spend (US dollars) any sample was allowed (Inspect's `cost_limit`); unset when the
    run set no limit. A sample stopped by its spend is cut short whatever its token budget says."""
    prompting: str | None = None
    """Prompting approach, e.g. 'expert-written', 'few-shot'."""
    solver: list[str] = EMPTY_ITEMS
    """Solver steps as recorded by the evaluation tool."""
    generate_config: dict[str, str | int | float | bool | None] = EMPTY_DICT
    """Generation settings (temperature, max tokens, ...)."""


class SampleScore(Frozen):
    """One scored sample (per-sample results, for epoch reduction and pass@k)."""

    id: str
    """Sample id."""
    epoch: int = 1
    """Epoch number."""
    score: float
    """Score on the documented scale (1 success, 0 failure for binary scorers)."""


class Result(Frozen):
    """What the evidence showed, as counts wherever possible."""

    successes: int | None = OPTIONAL_AT_LEAST_0
    """Successful trials (capability evaluations)."""
    trials: int | None = OPTIONAL_AT_LEAST_0
    """Scored trials."""
    bypasses: int | None = OPTIONAL_AT_LEAST_0
    """Safeguard bypasses (red-team and safeguard tests)."""
    attempts: int | None = OPTIONAL_AT_LEAST_0
    """Bypass attempts."""
    metric: str | None = None
    """Name of a headline metric, when counts are not meaningful."""
    value: float | None = None
    """Value of the headline metric."""
    stderr: float | None = None
    """Standard error of the headline metric."""
    scale: Literal["binary", "proportion", "other"] = "binary"
    """Scale of the scores: binary success/failure, a proportion in [0,1], or other."""
    passed: bool | None = None
    """For audits and reviews: whether the check passed."""
    security_level: str | None = None
    """For a weight-security audit: the security level the auditor found the controls meet (e.g.
    `SL3`), compared with a threshold's `security_level` (CG421). It counts only as an outside
    auditor's signed attestation states it (the attestation signs the result, and for an item
    stating a level the system's digests too), never as the case types it."""
    samples: list[SampleScore] = EMPTY_ITEMS
    """Per-sample scores when available."""
    reduction: Literal["at-least-one", "majority", "mean"] | None = None
    """How per-epoch scores of one sample were reduced to the counts (see `casegate.evidence.stats`)."""

    @model_validator(mode="after")
    def _counts_consistent(self) -> "Result":
        if self.successes is not None and self.trials is not None and self.successes > self.trials:
            raise ValueError(f"successes ({self.successes}) exceed trials ({self.trials})")
        if self.bypasses is not None and self.attempts is not None and self.bypasses > self.attempts:
            raise ValueError(f"bypasses ({self.bypasses}) exceed attempts ({self.attempts})")
        return self


class SourceRecord(Frozen):
    """What the evaluation tool recorded about the run (filled in by `casegate evidence add`)."""

    tool: str
    """Tool that wrote the log, e.g. 'inspect-ai', 'lm-eval', 'generic'."""
    tool_version: str | None = None
    """Version of that tool."""
    task: str | None = None
    """Task name."""
    task_version: str | None = None
    """Task version."""
    model: str | None = None
    """Model name as the tool recorded it."""
    status: str | None = None
    """Run status: success, error, cancelled, started."""
    error: str | None = None
    """Error message, when the run failed."""
    invalidated: bool = False
    """Whether the log or some samples were invalidated after the run."""
    created: str | None = None
    """When the run was created (tool's timestamp)."""
    revision: str | None = None
    """Code revision of the task."""
    epochs: int | None = None
    """Epochs run."""
    metrics: dict[str, float | None] = EMPTY_DICT
    """Headline metrics (name -> value) and their standard errors (name.stderr)."""
    samples: int | None = OPTIONAL_AT_LEAST_0
    """Samples in the task's dataset, as the tool recorded it."""
    scored: int | None = OPTIONAL_AT_LEAST_0
    """Distinct samples that received a score (fewer than `samples` means a partial run)."""
    scorer: str | None = None
    """Scorer or metric whose per-sample scores the counts come from."""
    files: dict[str, Sha256] = EMPTY_DICT
    """Further files read with the artifact (e.g. per-sample logs), path -> sha256 of their bytes."""
    model_roles: dict[str, list[str]] = EMPTY_DICT
    """The models the run gave each named role besides the model evaluated (Inspect's
    `model_roles`: a grader, an attacker), each named as `model` is, with the arguments and server
    that choose its weights; under `(no role)`, other models the samples called."""
    prompt_digest: str | None = None
    """`sha256:` over what the task asks each document as the run configured it (lm-eval's
    `configs.<task>`: the prompt template, few-shot settings, description, delimiters, generation
    arguments and filters; `casegate.evidence.importers.lm_eval.prompt_digest`; Inspect's task
    arguments, solver chain, generate settings and scorers, `...inspect_log.prompt_digest`); None when
    the tool records no task configuration."""


class Evidence(Frozen):
    """An evidence item, pinned by the sha256 of its artifact."""

    kind: EvidenceKind
    """What kind of evidence this is."""
    title: str | None = None
    """Readable title."""
    artifact: str | None = None
    """Path of the artifact, relative to the file that declares the item."""
    sha256: Sha256 | None = None
    """sha256 of the artifact's raw bytes, pinned when the evidence was added."""
    producer: str
    """Who produced it (team or organisation)."""
    independent: bool = False
    """Whether the producer is independent of the developer."""
    date: dt.date
    """When the evidence was produced."""
    expires: dt.date | None = None
    """When it stops counting, if earlier than its date + the policy's max_age_days (a typed expiry
    may shorten the policy's limit, never lengthen it)."""
    confidentiality: Confidentiality = Confidentiality.internal
    """How widely the evidence may be shown."""
    domain: Id | None = None
    """Risk domain the evidence bears on."""
    threshold: Id | None = None
    """Capability threshold the evaluation measures against (capability evidence)."""
    task: str | None = None
    """Which task of the artifact the item is, when the artifact holds several."""
    eval_set: list[str] = EMPTY_ITEMS
    """Names of the tasks or datasets covered (compared across versions)."""
    elicitation: Elicitation | None = None
    """The elicitation record (evaluations)."""
    result: Result | None = None
    """What it showed."""
    source: SourceRecord | None = None
    """The evaluation tool's record of the run."""
    summary: str | None = None
    """One or two sentences on what the evidence shows."""
    tests: list[Id] = EMPTY_ITEMS
    """Safeguards this item tests (red teams, safeguard tests and audits cited by a safeguard must
    name it here)."""

    def expiry(self, max_age_days: int | None, since: dt.date | None = None) -> dt.date | None:
        """When the item stops counting: its date plus the policy's maximum age, or its own
        `expires` when that is earlier; a typed expiry never lengthens the policy's limit. None
        when there is neither (no policy and no `expires`), or when the date plus the maximum age
        falls past the calendar's last day and no `expires` is typed: the expiry cannot be
        established, and the item counts as expired. `since`: the date its age counts from when
        that is not its own (with a registry, `ArtifactDates.date_of`: never later than the day
        the registry first logged its artifact)."""
        limit = None
        if max_age_days is not None:
            try:
                limit = (since or self.date) + dt.timedelta(days=max_age_days)
            except OverflowError:
                limit = None
        if self.expires is None:
            return limit
        return self.expires if limit is None else min(self.expires, limit)


# --------------------------------------------------------------------------- argument

DefeaterKind = Literal[
    "objection", "counter-evidence", "sandbagging", "undercutter", "rebuttal", "incident"
]
DefeaterStatus = Literal["open", "answered", "accepted"]


_TEXT_FIELDS = ("claim", "strategy", "context", "assumption", "justification", "defeater")
_NOT_CLAIM = frozenset(_TEXT_FIELDS[1:])
_TEXTS = frozenset(_TEXT_FIELDS)


class CapabilityAssertion(Frozen):
    """A claim's structured statement about a capability threshold."""

    threshold: Id
    """Policy threshold the claim is about."""
    position: Literal["below", "below-alert", "above"] = "below"
    """'below' the threshold, 'below-alert' (under the early-warning level), or 'above'."""


class Element(Frozen):
    """One element of the argument: a claim, strategy, context, assumption, justification or
    defeater (exactly one of these text fields is set)."""

    claim: str | None = None
    """A goal: a proposition the argument supports."""
    strategy: str | None = None
    """How a claim is broken down into sub-claims."""
    context: str | None = None
    """Context in which claims are made."""
    assumption: str | None = None
    """Something taken as true without support."""
    justification: str | None = None
    """Why a strategy or claim is acceptable."""
    defeater: str | None = None
    """An objection or counter-evidence aimed at claims (`against`)."""
    supported_by: list[Id] = EMPTY_ITEMS
    """Claims or strategies that support this element."""
    in_context_of: list[Id] = EMPTY_ITEMS
    """Context, assumptions and justifications this element is read in."""
    evidence: list[Id] = EMPTY_ITEMS
    """Evidence items that directly support this claim."""
    defeaters: list[Id] = EMPTY_ITEMS
    """Defeaters raised against this element."""
    undeveloped: bool = False
    """Explicitly marked as not yet developed (GSN's undeveloped goal)."""
    domain: Id | None = None
    """Risk domain the claim is about."""
    pathway: Id | None = None
    """Harm pathway the claim is about."""
    capability: CapabilityAssertion | None = None
    """Structured capability assertion (inability or threshold claims)."""
    asserted: dt.date | None = None
    """When the claim was first written; a conclusion dated before its evidence is flagged."""
    # defeater fields
    kind: DefeaterKind | None = None
    """Defeater kind (defeaters only)."""
    against: list[Id] = EMPTY_ITEMS
    """Elements the defeater targets (defeaters only)."""
    status: DefeaterStatus | None = None
    """Defeater status: open, answered (rebutted with evidence) or accepted (claim defeated)."""
    answered_by: list[Id] = EMPTY_ITEMS
    """Evidence or claims that answer the defeater."""
    raised_by: str | None = None
    """Who raised the defeater."""
    confidentiality: Confidentiality = Confidentiality.public
    """How widely the element may be shown."""

    text_fields: ClassVar[tuple[str, ...]] = _TEXT_FIELDS
    """The text fields, of which an element sets exactly one (checked by `_one_text`)."""

    @model_validator(mode="before")
    @classmethod
    def _one_text(cls, data: Any) -> Any:
        if isinstance(data, dict):
            # most elements are claims that name no other text field: answered without a loop
            if data.get("claim") is not None and _NOT_CLAIM.isdisjoint(data):
                return data
            # an element of another type that names its one text field and no other: answered
            # with a set operation too
            named = _TEXTS.intersection(data)
            if len(named) == 1 and data[next(iter(named))] is not None:
                return data
            texts = [n for n in _TEXT_FIELDS if data.get(n) is not None]
            if len(texts) != 1:
                raise ValueError(
                    "an argument element needs exactly one of claim, strategy, context, "
                    f"assumption, justification, defeater (found {', '.join(texts) or 'none'})"
                )
        return data

    @property
    def type(self) -> str:
        """claim, strategy, context, assumption, justification or defeater."""
        # spelled out (not a loop over _TEXT_FIELDS): the rules ask this of every element many
        # times, and large arguments have a hundred thousand elements
        if self.claim is not None:
            return "claim"
        if self.strategy is not None:
            return "strategy"
        if self.context is not None:
            return "context"
        if self.assumption is not None:
            return "assumption"
        if self.justification is not None:
            return "justification"
        if self.defeater is not None:
            return "defeater"
        raise AssertionError("unreachable: validated")

    @property
    def text(self) -> str:
        return str(getattr(self, self.type))


class Argument(Frozen):
    """The argument: a top claim and its elements."""

    top: Id
    """The top claim."""
    elements: dict[Id, Element] = EMPTY_DICT
    """Every element, keyed by id."""


# --------------------------------------------------------------------------- safeguards

SafeguardLayer = Literal[
    "model-behaviour",
    "classifier",
    "access-control",
    "user-vetting",
    "monitoring",
    "rate-limit",
    "tool-permissions",
    "logging",
    "staged-rollout",
    "incident-response",
    "weight-security",
    "pretraining-data-filtering",
    "unlearning",
    "tamper-resistant-training",
    "other",
]


class Safeguard(Frozen):
    """A control and the pathway steps it blocks."""

    layer: SafeguardLayer
    """Which layer of defence it is."""
    title: str | None = None
    """Readable name."""
    blocks: list[str] = EMPTY_ITEMS
    """Pathway steps it blocks, written `pathway.step`."""
    evidence: list[Id] = EMPTY_ITEMS
    """Evidence that it works (red-team, safeguard tests, audits)."""
    verified_by: str | None = None
    """Who verified its effectiveness."""
    security: bool = False
    """A security control (weights, insider access): needs independent evidence."""
    confidentiality: Confidentiality = Confidentiality.internal
    """How widely its details may be shown."""

    def substance(self, evidence: dict[str, Evidence]) -> str:
        """What the safeguard is, without its id or wording: its layer, the steps it blocks, the
        evidence it rests on (by artifact digest where pinned, so a renamed item is the same
        item) and whether it is a security control. Two safeguards of equal substance are one
        safeguard under two names."""
        cited = sorted(f"sha256:{ev.sha256}" if (ev := evidence.get(e)) is not None and ev.sha256 else f"id:{e}"
                       for e in self.evidence)
        return json.dumps([self.layer, sorted(self.blocks), cited, self.security])

    def definition(self) -> dict[str, Any]:
        """What the safeguard is, as an evidence attestation signs it for each safeguard the item
        tests: its layer, title, the steps it blocks and whether it is a security control. Not its
        evidence (which cites the attested item itself) nor who may see it."""
        return {"layer": self.layer, "title": self.title, "blocks": sorted(self.blocks), "security": self.security}


# --------------------------------------------------------------------------- residual risk


class ResidualRisk(Frozen):
    """What remains on one pathway after safeguards, and who owns it."""

    estimate: str | None = None
    """The stated estimate, with its uncertainty, in words."""
    exposed: list[str] = EMPTY_LIST
    """Who is exposed to the remaining risk."""
    detection: str | None = None
    """How an occurrence would be detected."""
    stop_authority: str | None = None
    """Role that can stop the deployment."""
    owner: str | None = None
    """Role that owns the residual risk."""
    accepted_by: str | None = None
    """Role or body that accepted it."""
    rationale: str | None = None
    """Why acceptance is justified (not merely that risk was acknowledged)."""
    confidentiality: Confidentiality = Confidentiality.public
    """How widely the entry may be shown."""


# --------------------------------------------------------------------------- post-deployment

Action = Literal["reopen", "restrict", "withdraw"]


class Monitor(Frozen):
    """A signal watched after launch, and what a breach does."""

    signal: str
    """Name of the monitored signal (matches ingested time series)."""
    op: Literal[">", ">=", "<", "<="] = ">"
    """Comparison that counts as a breach."""
    threshold: float
    """Breach threshold (finite, and inside the signal's range)."""
    range: tuple[float, float] | None = None
    """Lowest and highest value the signal can take; default [0, 1] for signals named as a rate,
    ratio, share or fraction, otherwise unbounded."""
    window: str = "24h"
    """How often a reading is due, e.g. '24h', '7d': the longest the monitor may go without a
    reading unless `max_silence` says otherwise; a breaching reading also counts for an approval
    made within one window after it. Each reading is judged on its own, never averaged."""
    max_silence: str | None = None
    """The longest the monitor may go without a reading before its silence reopens the case
    (default: its window), e.g. '26h' for daily readings that may arrive late."""
    action: Action = "reopen"
    """What a breach does to the case."""
    to: BoundaryKind | None = None
    """Narrower boundary for a 'restrict' action."""
    notify: list[str] = EMPTY_LIST
    """Roles to notify."""
    domain: Id | None = None
    """Risk domain the monitor watches."""


TriggerEvent = Literal[
    "incident",
    "monitor",
    "capability",
    "model-change",
    "scope-change",
    "evidence-expiry",
    "condition-overdue",
    "report-overdue",
    "reevaluation-due",
]


class Trigger(Frozen):
    """An event that reopens, restricts or withdraws the case."""

    on: TriggerEvent
    """What fires it."""
    domain: Id | None = None
    """Only for events in this domain (incidents, capability results)."""
    min_severity: Severity | None = None
    """Only for incidents at or above this severity."""
    monitor: Id | None = None
    """Only for breaches of this monitor."""
    action: Action
    """What happens to the case."""
    to: BoundaryKind | None = None
    """Narrower boundary for 'restrict'."""
    notify: list[str] = EMPTY_LIST
    """Roles to notify."""
    description: str | None = None
    """In words, for the public summary."""


class PostDeployment(Frozen):
    """Monitoring, incident reporting, re-evaluation, change control and withdrawal."""

    monitors: dict[Id, Monitor] = EMPTY_DICT
    """Monitored signals."""
    triggers: dict[Id, Trigger] = EMPTY_DICT
    """Events and their actions."""
    reevaluate_by: dt.date | None = None
    """Date by which the case must be re-evaluated."""
    model_change_control: str | None = None
    """How changes to the model (weights, fine-tunes, tools) are controlled."""
    withdrawal: list[str] = EMPTY_LIST
    """Conditions under which the deployment is withdrawn."""
    incident_reporting: str | None = None
    """How incidents are reported and to whom."""
    at_scale: str | None = None
    """What is expected, and watched, if the model behaves differently at scale."""


# --------------------------------------------------------------------------- publication


class Publication(Frozen):
    """How the case is made public."""

    summary: bool = True
    """Whether a redacted public summary is published."""
    venue: str | None = None
    """Where it is published."""
    audience: str | None = None
    """Who it is for."""
    withheld: str | None = None
    """What is withheld, and why, in words."""


# --------------------------------------------------------------------------- decision


class SignoffRef(Frozen):
    """A sign-off: a role's approval, by reference to its signed envelope when signed."""

    role: str
    """Role signing."""
    person: str
    """Person holding the role."""
    date: dt.date
    """When they signed."""
    envelope: str | None = None
    """Path of the DSSE envelope, relative to the declaring file."""
    relies_on: list[Id] = EMPTY_LIST
    """Evidence the signer relied on (a sign-off dated before it is flagged)."""


class ObjectionRef(Frozen):
    """A recorded objection and its answer."""

    role: str
    """Role objecting."""
    person: str
    """Person objecting."""
    date: dt.date
    """When they objected."""
    reason: str
    """The objection."""
    status: Literal["open", "answered", "upheld", "escalated"] = "open"
    """Open until answered (with evidence or a changed case) or upheld."""
    answer: str | None = None
    """The answer, when answered."""
    answered_by: str | None = None
    """Role that answered."""
    envelope: str | None = None
    """Path of the signed objection envelope, when signed."""
    confidentiality: Confidentiality = Confidentiality.public
    """How widely the objection may be shown; above the published level only its role and
    status appear, with a commitment to the rest."""


class DecisionSection(Frozen):
    """Sign-offs and objections recorded for this case."""

    signoffs: list[SignoffRef] = EMPTY_LIST
    """Sign-offs by reference."""
    objections: dict[Id, ObjectionRef] = EMPTY_DICT
    """Objections by id."""
    authors: list[str] = EMPTY_LIST
    """People who wrote the case (authors cannot sign)."""
    waivers: list[str] = EMPTY_LIST
    """Paths of signed waiver envelopes (DSSE), relative to the declaring file."""


# --------------------------------------------------------------------------- incidents


class IncidentAnswer(Frozen):
    """How this version answers an incident (or a monitor breach) that defeated claims of an
    earlier version. Each link must hold: new evidence dated after the incident by its artifact (or attested after it from
    outside the developer), a defeated claim changed since the defeated version, a safeguard new in
    substance, or a narrower boundary."""

    evidence: list[Id] = EMPTY_LIST
    """Evidence dated after the incident that bears on what it defeated: the date read from its
    artifact, or an outside evaluator's attestation signed after the incident (a date only the case
    states does not count)."""
    claims: list[Id] = EMPTY_LIST
    """Claims the incident defeated, changed in substance (not only in case, spacing or
    punctuation) or withdrawn since the defeated version."""
    safeguards: list[Id] = EMPTY_LIST
    """Safeguards added since the defeated version: new in layer, steps blocked or evidence, not one
    of its safeguards under a new id."""
    boundary: bool = False
    """The boundary was narrowed (a narrower kind, or tools dropped) since the defeated version."""
    note: str | None = None
    """How the answer meets the incident, in words."""


# --------------------------------------------------------------------------- the case


class Case(Frozen):
    """A safety case: an argument that one system may cross one boundary."""

    casegate: int
    """Format version of this file (1)."""
    kind: Literal["case"] = "case"
    """Document kind."""
    id: Id
    """Stable case id, kept across versions."""
    title: str
    """Readable title."""
    version: str = "1"
    """Version of this case."""
    policy: str
    """Policy file path (relative to this file) or 'builtin:NAME'."""
    include: list[str] = EMPTY_LIST
    """Further files whose sections are merged into this case."""
    system: System
    """The model being released."""
    boundary: Boundary | None = None
    """The boundary argued for (exactly one)."""
    boundaries: list[Boundary] = EMPTY_LIST
    """Only to detect cases that name several boundaries: a case names one."""
    threat_model: dict[Id, DomainThreats] = EMPTY_DICT
    """Per risk domain: actors and harm pathways, or a reason it is scoped out."""
    evidence: dict[Id, Evidence] = EMPTY_DICT
    """Evidence items."""
    argument: Argument
    """The argument."""
    safeguards: dict[Id, Safeguard] = EMPTY_DICT
    """Safeguards."""
    residual_risk: dict[Id, ResidualRisk] = EMPTY_DICT
    """Residual risk per pathway id."""
    post_deployment: PostDeployment | None = None
    """The post-deployment plan."""
    publication: Publication | None = None
    """The publication plan."""
    decision: DecisionSection = DecisionSection.model_construct()
    """Sign-offs and objections."""
    incident_answers: dict[str, IncidentAnswer] = EMPTY_DICT
    """Incident id ('incident-<log index>') or monitor breach id ('breach-<log index>'), as
    `casegate history` names them -> how this version answers an incident, or a monitor breach
    that fired a trigger, that defeated claims of an earlier version."""
    date: dt.date | None = None
    """Date of this case version (the gate's 'today' when no --at is given is the real date)."""
    regimes: list[str] = EMPTY_LIST
    """Regulatory regimes the case is under ('builtin:NAME' or a path relative to this file), in
    addition to those its policy names."""

    def pathways(self) -> dict[str, tuple[str, Pathway]]:
        """Every pathway id -> (domain id, pathway)."""
        out: dict[str, tuple[str, Pathway]] = {}
        for dom, threats in self.threat_model.items():
            for pid, p in threats.pathways.items():
                out[pid] = (dom, p)
        return out

    def bound_to_weights(self) -> set[str]:
        """The evidence an attestation signs the system's digests for: the items that measure the
        weights (`measuring_weights`), and a weight-security audit stating the level it found
        (`Result.security_level`): the level is how these weights are kept, not whatever model
        the audited hosts hold."""
        return self.measuring_weights() | {eid for eid, ev in self.evidence.items()
                                           if ev.result is not None and ev.result.security_level is not None}

    def measuring_weights(self) -> set[str]:
        """The evidence that measures the weights, and so holds only for the weights it ran
        against: evaluations, red teams and sandbagging probes (`WEIGHT_KINDS`), and the safeguard
        tests a safeguard trained into the weights cites (`WEIGHT_LAYERS`). An audit of the
        serving infrastructure, or a test of a classifier, does not."""
        in_weights = {e for sg in self.safeguards.values() if sg.layer in WEIGHT_LAYERS for e in sg.evidence}
        return {eid for eid, ev in self.evidence.items()
                if ev.kind in WEIGHT_KINDS or (ev.kind == "safeguard-test" and eid in in_weights)}


def build_case_validator() -> None:
    """Build the case's validator, as its first validation would, after the validators of the
    models it holds that are also validated on their own: an evidence item's elicitation, result
    and source.

    pydantic reuses a built model's schema in every model that holds it, while the schema of a
    model not yet built is generated again inside each holder. These three are held by the case
    and by the derived-facts cache entry, and deriving facts builds elicitations and results on
    their own: built first, each is generated once instead of up to three times (about a sixth of
    what building the case's and the cache entry's validators costs). Each is built only once."""
    for model in (Elicitation, Result, SourceRecord, Case):
        model.model_rebuild()
