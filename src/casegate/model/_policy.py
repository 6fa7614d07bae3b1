"""The policy file: an organisation's safety framework as data."""

import datetime as dt
from typing import Annotated, Any, Literal

from annotated_types import Ge, Gt, Le, Lt
from pydantic import Field, NonNegativeFloat, model_validator

from ._base import (
    BOUNDARY_LADDER,
    EMPTY_DICT,
    EMPTY_LIST,
    ONE_OR_MORE,
    OPTIONAL_0_TO_1,
    OPTIONAL_AT_LEAST_0,
    OPTIONAL_AT_LEAST_1,
    Access,
    BoundaryKind,
    Digest,
    Frozen,
    Id,
    Scaffold,
    Severity,
    Variant,
    WeightsAccess,
)


class Citation(Frozen):
    """Where a policy element comes from in a published framework."""

    document: str
    """Title of the source document, e.g. 'OpenAI Preparedness Framework'."""
    version: str | None = None
    """Version of the source document, e.g. 'v2'."""
    date: str | None = None
    """Publication date of that version (YYYY-MM or YYYY-MM-DD)."""
    section: str | None = None
    """Section or page the element paraphrases."""


class Domain(Frozen):
    """A risk domain the framework covers (CBRN, cyber, autonomy, ...)."""

    name: str
    """Readable name of the domain."""
    required: bool = True
    """Whether every case must address this domain or scope it out with a reason."""
    internal_relevant: bool = False
    """Capability in this domain matters inside the lab (AI R&D, autonomy): reaching its alert
    level requires a case that covers internal deployment."""
    description: str | None = None
    """What the domain covers."""
    min_severity: Severity | None = None
    """The least severity a harm pathway of this domain may be rated (e.g. `severe` for CBRN): the
    policy's floor, so a case cannot rate its pathways out of the severe-pathway rules (CG208)."""
    scoped_out_at: list[BoundaryKind] | None = None
    """The boundary kinds at which a case may scope this domain out (CG215); empty: at none. A
    domain whose harm does not pass through the deployment boundary (weight theft, which starts
    from the lab's own systems) is argued at every boundary short of publishing the weights
    (`[open-weights]`). Unset: at any, on the case's reason (`casegate policy gaps` lists it)."""


class ElicitationMinimum(Frozen):
    """The least elicitation an evaluation must show before its result counts for a threshold."""

    attempts: int = ONE_OR_MORE
    """Minimum attempts (epochs or retries) per task."""
    scaffold: Scaffold = Scaffold.none
    """Weakest scaffold allowed."""
    tools: list[str] = EMPTY_LIST
    """Tools the model must have been given."""
    variant: Variant = Variant.production
    """Least capable model variant allowed (helpful-only or fine-tuned for serious thresholds)."""
    budget_tokens: int | None = OPTIONAL_AT_LEAST_0
    """Minimum token budget per task, if the framework sets one."""
    time_limit: int | None = OPTIONAL_AT_LEAST_0
    """Minimum wall-clock limit per task in seconds, if the framework sets one."""
    samples: int | None = OPTIONAL_AT_LEAST_1
    """Minimum number of scored samples."""
    max_tokens: int | None = OPTIONAL_AT_LEAST_0
    """Minimum ceiling on the tokens of one generation (Inspect's `max_tokens`, lm-eval's
    `max_gen_toks`), if the framework sets one: a total budget met says nothing of an agent whose
    every turn was cut at a few hundred tokens. A run that sets none meets it."""
    message_limit: int | None = OPTIONAL_AT_LEAST_0
    """Minimum messages per sample (Inspect's `message_limit`), if the framework sets one. A run
    that sets none meets it."""
    turn_limit: int | None = OPTIONAL_AT_LEAST_0
    """Minimum assistant turns per sample (Inspect's `turn_limit`), if the framework sets one. A run
    that sets none meets it."""
    working_limit: int | None = OPTIONAL_AT_LEAST_0
    """Minimum working time per sample in seconds (Inspect's `working_limit`), if the framework sets
    one. A run that sets none meets it."""
    cost_limit: float | None = OPTIONAL_AT_LEAST_0
    """Minimum spend per sample in US dollars (Inspect's `cost_limit`), if the framework sets one. A
    run that sets none meets it. A run that set a cost limit meets a `budget_tokens` minimum only
    where this is set and met: a spend cap can end a sample long before its token budget, and what a
    dollar buys in tokens is not in the log."""


class SafeguardRequirement(Frozen):
    """Safeguard layers a boundary needs once a capability level is reached or cannot be ruled out."""

    boundary: BoundaryKind
    """The boundary this requirement applies to, and every wider one; requirements that apply at a
    boundary accumulate (the largest `min_layers`, every named layer)."""
    level: Literal["baseline", "alert", "threshold"] = "threshold"
    """When it applies: always ('baseline'), once the alert level cannot be ruled out ('alert'),
    or once the threshold cannot be ruled out ('threshold')."""
    min_layers: Annotated[int, Ge(0)] = 1
    """Minimum number of distinct safeguard layers among the safeguards blocking the steps of each
    severe pathway of the threshold's domain."""
    layers: list[str] = EMPTY_LIST
    """Layers that must be present among those blocking each severe pathway of the domain."""


class TaskRef(Frozen):
    """A task an evaluation of a threshold must have run: by name (and version), by the digest of
    its sample ids, or by both (then a run must match both: a run of part of the task's samples is
    not a run of it)."""

    name: str | None = None
    """Task name as the evaluation tool records it."""
    version: str | None = None
    """Task version the tool records (any version when unset)."""
    digest: Digest | None = None
    """sha256 over the task's sorted sample ids, one per line, each with a digest of what the sample
    asks and its target where the log records them (`casegate evidence show` prints it)."""
    prompt: Digest | None = None
    """sha256 over the prompt-defining settings of the task's configuration as the run recorded them
    (lm-eval's `configs.<task>`: `doc_to_text`, `doc_to_target`, `doc_to_choice`, the few-shot
    settings, `description`, delimiters, `generation_kwargs`, `filter_list`; `casegate evidence
    show` prints it; Inspect's task arguments, solver chain without its ceilings, generate settings (system message,
    sampling, reasoning effort) and scorers with their options): a run whose task asked its documents another way is not a run of
    the task. A run whose tool records no task configuration (casegate-results) does not match a
    reference that sets it."""
    revision: Annotated[str, Field(pattern=r"^[0-9a-fA-F]{7,64}$")] | None = None
    """Commit of the code the task ran from, as the run records it (`source.revision`: Inspect's
    `eval.revision.commit`, casegate-results' `revision`; either may be the other's leading hex
    digits, at least 7): a run from another commit, from a working tree with uncommitted changes
    (Inspect's `dirty`), or recording none is not a run of the task. An lm-eval run records none
    (its `git_hash` marks no uncommitted changes): pin its `package` and `prompt`. A scorer
    or solver edited in the developer's copy of the task, under the task's names, is told apart by
    nothing else the log records."""
    package: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*==[^\s,=]+$")] | None = None
    """The installed package the task is loaded from, `name==version`, as the run records it
    (Inspect's `eval.packages`; names compared as pip compares them, `-`, `_` and `.` alike and case
    ignored): a run of the task from another version of the package, from a task file, or from a
    tool that records no packages is not a run of the task."""


class CarryOver(Frozen):
    """When an update of an approved model may carry its predecessor's runs of a threshold instead
    of running them again (a framework's "not notably more capable" check): the case links the
    predecessor's case (`system.lineage[].case`), and cites the predecessor's run of the indicator
    task and its own. The registry must hold the carried runs and the predecessor's indicator run
    as measurements of the version of that case whose approval stands now; the update's indicator
    run must be a run of its own weights, of the same samples, elicited no less (attempts, token
    budget, limits, tools, scaffold, variant) and scored by the same scorer, and solve a share at most `margin` above the predecessor's."""

    indicator: TaskRef
    """The indicator task, run on both models (name and version, the digest of its samples, or both)."""
    margin: Annotated[float, Ge(0), Le(1)]
    """How far the update's indicator share (successes over trials) may rise above the predecessor's."""


class Threshold(Frozen):
    """A capability threshold in one domain, with its early-warning (alert) level."""

    domain: Id
    """Risk domain id (a key of the policy's `domains`)."""
    name: str
    """Name as the framework uses it, e.g. 'Cyber High' or 'CBRN-3'."""
    definition: str
    """What reaching the threshold means, in the framework's terms (paraphrased)."""
    source: Citation | None = None
    """Where the threshold comes from."""
    metric: str = "success-rate"
    """The proxy measure the numbers apply to (a proportion of successful trials)."""
    value: float | None = OPTIONAL_0_TO_1
    """Proxy threshold on the metric; null when the framework leaves it qualitative and the
    organisation has not yet defined a number (then no numeric claim can pass)."""
    alert: float | None = OPTIONAL_0_TO_1
    """Early-warning level: a result at or above it (but below `value`) is a condition."""
    organisation_defined: bool = False
    """True when the numbers are the organisation's own proxy, not from the public framework."""
    gaming_margin: float | None = OPTIONAL_0_TO_1
    """A point estimate within this distance under `value` is flagged as parked under the gate."""
    elicitation: ElicitationMinimum = ElicitationMinimum.model_construct()
    """Elicitation an evaluation must show to count against this threshold."""
    scorer: str | None = None
    """The metric or scorer whose per-sample scores are counted, as the evaluation tool names it
    (e.g. `match`, `acc`); an evaluation scored by another one does not count. Unset: any."""
    reduction: Literal["any", "mean", "majority", "all", "pass@k"] = "any"
    """How a sample's epochs are counted: any epoch solved it, every epoch a trial, a majority of
    epochs, all epochs, or the unbiased pass@k estimate (with `k`). The gate recomputes each result
    under this reduction from the artifact's per-sample scores."""
    k: int | None = OPTIONAL_AT_LEAST_1
    """k of `pass@k` (needed for that reduction only)."""
    tasks: list[TaskRef] = EMPTY_LIST
    """The task set an evaluation of this threshold must have run (each evaluation one of them);
    empty: any task."""
    safeguards: list[SafeguardRequirement] = EMPTY_LIST
    """Safeguards required per boundary when this threshold is reached or cannot be ruled out."""
    security_level: str | None = None
    """Weight-security level required (e.g. RAND SL3) when the threshold is reached."""
    carry_over: CarryOver | None = None
    """When an update may cite its predecessor's runs of this threshold (an indicator run within a
    margin); unset: never, every run counted is a run of the case's own weights."""
    external_from: BoundaryKind | None = None
    """The narrowest boundary from which the framework asks that an evaluator outside the developer
    run this threshold's evaluation before release (a safety institute's or an evaluation company's
    pre-deployment testing): at it and every wider one, an evaluation of the threshold must count
    whose log an outside evaluator signed as run by them (`casegate evidence attest --activity ran`),
    over the weights' digests (CG434). Unset: the developer's own runs suffice."""

    @model_validator(mode="after")
    def _k_with_pass_at_k(self) -> "Threshold":
        if self.reduction == "pass@k" and self.k is None:
            raise ValueError("the pass@k reduction needs `k` (e.g. k: 5)")
        if self.reduction != "pass@k" and self.k is not None:
            raise ValueError(f"`k` is only read with the pass@k reduction (this threshold counts by `{self.reduction}`)")
        return self


Reach = Literal["none", "read", "write"]
"""How far a tool reaches into something inside the organisation: not at all, read, or write."""


class ToolReach(Frozen):
    """What a tool, as the framework describes it, reaches inside the organisation: an internal
    deployment granting it has at least this access, whatever scale its case records (CG107). A
    field left out is `write`: the framework has not said the tool stays out."""

    training_code: Reach = "write"
    """Access the tool gives to the organisation's training code and infrastructure."""
    weights: Reach = "write"
    """Access the tool gives to model weights."""


class GrantedTool(Frozen):
    """What the framework says about one tool a deployment boundary may give the model
    (`boundary.tools`): which evaluation tools give the model the same affordance, which thresholds
    it matters for, and which risk domains may still be scoped out on the boundary while it is
    granted."""

    description: str | None = None
    """What the tool is, as the framework understands it (e.g. 'sandboxed interpreter, no network
    egress, no persistent storage')."""
    elicited_by: list[str] = EMPTY_LIST
    """The tools an evaluation log must record (every one of them) for the run to have given the
    model this affordance; empty: a tool of the same name."""
    matters_for: list[Id] | None = None
    """Thresholds whose evaluations must give the model this tool when the boundary grants it;
    unset: every threshold."""
    scopes_out: list[Id] = EMPTY_LIST
    """Risk domains that may stay scoped out on the boundary while it grants this tool (the tool,
    as described, opens no pathway in them); any other domain's scoping-out is contradicted by it."""
    named_by: list[str] = EMPTY_LIST
    """Words by which a boundary names this tool (e.g. `switching order`; hyphens read as spaces,
    each word in its regular inflections, as `signs in` for `sign in` and `talking to` for `talk to`): a
    boundary whose words (`description`, `scope.users`, `scope.vetting`) name it must list it in
    `boundary.tools` (CG216). Irregular forms and synonyms (`paid`, `speak`, `out loud`) are words to list."""
    tested_by: list[str] = EMPTY_LIST
    """Safeguard layers whose red teams and safeguard tests must give the model this tool (every
    tool of `elicited_by`, as their logs record it) when the boundary grants it, e.g. `[classifier,
    model-behaviour]` for spoken input: a classifier tried on typed text alone is not shown to hold
    on transcribed speech. A test without it does not count for a safeguard of such a layer (CG426)."""
    network: bool = True
    """Whether the tool reaches networks beyond the sandbox it runs in (the internet, the customers'
    hosts). `false` for, e.g., an interpreter with no network egress: an evaluation run in a sandbox
    cut off from the network then gives the model all the tool gives (CG443). Unset: it reaches
    them (fail closed)."""
    reaches: ToolReach | None = None
    """What the tool reaches inside the organisation (`training_code`, `weights`: none, read or
    write), weighed at internal boundaries (`training` to `internal-deployment`) as the least scale
    of a deployment granting it (CG107). Unset: write to both (fail closed), as for a tool the policy
    does not list; e.g. `{training_code: none, weights: none}` for a sandbox with no access to the
    organisation's systems."""


INPUT_KINDS = ("image", "audio", "video")
"""Content kinds a message part may hold beside text (Inspect's `ContentImage`, `ContentAudio`,
`ContentVideo`): each is recorded as a tool the run gave the model (`elicitation.tools`) when a
sample's first prompt to the evaluated model held a part of it (`ImportedRun.input_kinds`)."""

CONVERSATION_KINDS = ("multi-turn", "memory")
"""What a sample's conversation may hold beside one prompt, each recorded as a tool the run gave
the model (`elicitation.tools`) when an Inspect sample shows it (`ImportedRun.input_kinds`):
`multi-turn`, the evaluated model answering two or more user turns of the sample, each in a call
of its own (its model events); `memory`, a message it was first given carrying content from
earlier conversations (a message whose `metadata.memory` names them)."""

GIVEN_KINDS = INPUT_KINDS + CONVERSATION_KINDS
"""Every kind read from what a sample gave the model rather than from the plan's tools."""


class GrantedDomain(Frozen):
    """What the framework says about one sensitive domain a deployment may integrate into
    (`boundary.sensitive_domains`)."""

    description: str | None = None
    """What the integration is."""
    scopes_out: list[Id] = EMPTY_LIST
    """Risk domains that may stay scoped out on the boundary while it integrates into this one;
    any other domain's scoping-out is contradicted by it."""
    named_by: list[str] = EMPTY_LIST
    """Words by which a boundary names this integration (e.g. `control room`, `grid operator`;
    hyphens read as spaces, each word in its regular inflections): a boundary whose words
    (`description`, `scope.users`, `scope.vetting`) name it must list it in
    `boundary.sensitive_domains` (CG216)."""


class RoleRequirement(Frozen):
    """A role that must sign for a boundary, and how many distinct people of it."""

    role: str
    """Role name, e.g. 'rso', 'safety-lead', 'external-evaluator'."""
    min: int = ONE_OR_MORE
    """How many distinct people holding the role must sign (k of n)."""
    independent: bool = False
    """Whether the role is an outside party's, the one judged for independence: a sign-off in it
    counts only from a keyring identity whose organisation the keyring states and is none of the
    developer's organisations (the policy's `evidence.organisations`, the case's authors' own, as
    for independent evidence) nor that of anyone the keyring lets decide the boundary (whoever may
    decide, decides for the developer), and who may not decide it themselves. A role marked so is
    left out of the possible deciders (`casegate.evidence.deciders`): its holder is the party being
    judged, not the developer. Unknown developer organisations, a signer with no organisation on
    record, or a possible decider with none, count for nothing (fail closed). Set it for an outside
    evaluator's role; an outside evaluator's role left unmarked may decide, so its holder and their
    organisation count as the developer's (`casegate policy gaps` names such a role)."""


class SignoffPolicy(Frozen):
    """Who must sign what, and which roles must stay apart."""

    required: dict[BoundaryKind, list[RoleRequirement]] = EMPTY_DICT
    """Roles that must sign, per boundary. A boundary not listed uses the nearest narrower one
    that is listed; none listed is a blocking finding (fail closed)."""
    separate: list[list[str]] = EMPTY_LIST
    """Groups of roles that no single person may hold together on one decision."""
    product_role: str = "product-lead"
    """The product leadership role, which can never approve alone."""
    objections: Literal["block", "escalate"] = "block"
    """An open objection blocks the decision, or escalates it to `escalate_to`."""
    escalate_to: str | None = None
    """Role that must answer an escalated objection."""
    answer_roles: list[str] | None = None
    """Roles whose holders may answer an objection (a signed answer by anyone else does not
    count); unset: the roles that must sign for the case's boundary."""
    answer_accepted_by: Literal["objector", "escalation"] = "objector"
    """Who closes an objection once it has a valid answer: the objector, by signing an acceptance
    of the answer; or also `escalate_to`, which then decides (accepts or upholds) for them."""
    signed_answers_from: BoundaryKind | None = None
    """The narrowest boundary from which an objection is answered only by signatures: at it and
    every wider one, an objection the case records without a signed envelope and marks answered
    stands open (CG504), since which person answered it and whether the objector accepted the
    answer only signed statements show (`casegate object`, `casegate answer`, `casegate answer
    --accept`). Unset (default): a typed answer from a role that may answer counts."""
    conditions_confirmed_by: list[str] | None = None
    """Roles whose holders may confirm, by a signed statement, that a condition of a GO WITH
    CONDITIONS decision is met. Unset: the roles that must sign off the decided boundary, less
    every role held by whoever signed the decision. Whoever signed the decision never confirms
    its conditions, whatever this lists; an empty list means nobody can (fail closed)."""

    def required_for(self, boundary: BoundaryKind) -> tuple[BoundaryKind | None, list[RoleRequirement]]:
        """The roles that must sign for `boundary`: its own entry, else the nearest narrower
        listed boundary's, with the boundary whose entry applies. `(None, [])` when no boundary
        at or below it is listed; an empty list always means nobody can approve (fail closed)."""
        for kind in reversed(BOUNDARY_LADDER[: boundary.rank + 1]):
            if kind in self.required:
                return kind, list(self.required[kind])
        return None, []

    def answerers(self, boundary: BoundaryKind | None) -> list[str]:
        """Roles whose holders may answer an objection at `boundary`: `answer_roles`, else the
        roles that must sign for it (none when the boundary is unstated: fail closed)."""
        if self.answer_roles is not None:
            return list(self.answer_roles)
        if boundary is None:
            return []
        return sorted({r.role for r in self.required_for(boundary)[1]})


class DecisionAuthority(Frozen):
    """Who may sign the decision itself (the act of deciding, after the sign-offs)."""

    deciding_roles: list[str] | None = None
    """Roles whose holder may sign the decision. Unset: any role the policy requires to sign off
    the decided boundary; an empty list means nobody can decide (fail closed)."""
    decider_may_sign: bool = True
    """Whether the person who decides may also count as one of the sign-offs."""
    decider_may_waive: bool = False
    """Whether the person who decides may also be the one who waived a finding the decision
    then rests on. False (the default): a decision resting on its decider's own waiver is not
    made, and does not verify; someone else in a waiver role must waive it."""

    def roles_for(self, signoff: SignoffPolicy, boundary: BoundaryKind) -> list[str]:
        """The roles that may decide for `boundary`."""
        if self.deciding_roles is not None:
            return list(self.deciding_roles)
        return sorted({r.role for r in signoff.required_for(boundary)[1]})


MAX_AGE_DAYS = 36_500
"""The longest `evidence.max_age_days` a policy may set: a hundred years."""
LAST_EVIDENCE_DATE = dt.date.max - dt.timedelta(days=MAX_AGE_DAYS)
"""The last date evidence may carry: any policy's maximum age can still be added to it."""


def aged(date: dt.date, days: int) -> dt.date | None:
    """`date` plus `days` days, or None when that falls past the calendar's last day (9999-12-31)."""
    try:
        return date + dt.timedelta(days=days)
    except OverflowError:
        return None


class EvidencePolicy(Frozen):
    """Freshness and independence rules for evidence."""

    max_age_days: Annotated[int, Ge(1), Le(MAX_AGE_DAYS)] = 365
    """Evidence older than this on the decision date counts as expired (at most a hundred years)."""
    independent_kinds: list[str] = ["security-audit"]
    """Evidence kinds that only count when produced independently of the developer."""
    declared_kinds: list[str] | None = None
    """Evidence kinds that may count without a machine-readable artifact ("declared" evidence,
    whose numbers are the author's word). Unset: every kind. A policy that lists kinds makes a
    declared item of any other kind count for nothing."""
    organisations: list[str] = EMPTY_LIST
    """The developer's own organisations: evidence produced by them is never independent."""
    declared_counts: Literal["independent", "any"] = "independent"
    """Whose word a red team's or safeguard test's bypass counts are taken on when no log casegate
    reads records them: `independent` (default), only an item a signed attestation from outside
    the developer makes independent (the attestation signs the counts); `any`, the case's own
    numbers. Counts read from a log are always taken from the log."""
    declared_verdicts: Literal["independent", "any"] = "independent"
    """Whose word an item's typed `result: {passed: true}` is taken on (a sandbagging probe, audit,
    review or other check whose outcome is a verdict; no log casegate reads records one):
    `independent` (default), only an item a signed attestation from outside the developer makes
    independent (the attestation signs the verdict); `any`, the case's own word. A typed failure
    (`passed: false`) is always taken at its word."""
    aliases: Literal["case", "attested"] = "case"
    """Whose word ties a log's model name that only `system.evaluated_as` lists (an endpoint id,
    `mockllm/model`) to the system: `case` (default), the case's; `attested`, only an attestation
    from outside the developer over the item's artifact (CG351). Nothing an Inspect log records of
    the model (its name, arguments, server address, usage by model) is derived from the weights: a
    weaker attacker served under the same endpoint name reads the same."""
    model_roles: dict[str, list[str]] = EMPTY_DICT
    """The models a counted run (an evaluation or a safeguard's test) may give each named role
    besides the model under test (Inspect's `model_roles`: `grader`, `attacker`, ...), each named
    as casegate records a run's model (`evidence show`: the name, then any weight-choosing
    arguments and server). A run giving a role not named here, a model not listed for it, or the
    system under test itself blocks (CG359): a weak grader or attacker, or the model grading its
    own answers, moves the counts without any change in the model. Models a run's samples called
    outside any role (read from their usage) are judged under the role `(no role)`."""
    layer_roles: dict[str, str] = EMPTY_DICT
    """Safeguard layers whose red teams and safeguard tests must run through the deployed model of
    a role (layer -> a role of `model_roles`), e.g. `{classifier: classifier, monitoring: monitor}`:
    a test cited by a safeguard of such a layer counts for it, and in the pathway's risk, only when
    its log records a model in that role and every one it records there is one `model_roles` names
    for it (CG427). A log that records no classifier was run through whichever one the harness was
    pointed at (a stricter setting, a later version), not shown to be the deployed one."""


class Tolerance(Frozen):
    """The residual risk the organisation accepts per pathway, by severity."""

    harm_per_year: dict[Severity, float] = {
        Severity.catastrophic: 1e-4,
        Severity.severe: 1e-3,
        Severity.high: 1e-2,
    }
    """Highest acceptable upper bound on expected successful harms per year, per severity."""
    max_bypass_rate: Annotated[float, Ge(0), Le(1)] = 0.05
    """Highest acceptable upper bound on a safeguard's bypass rate in red-team trials."""
    severe_from: Severity = Severity.severe
    """Pathways at or above this severity are 'severe': every step must be blocked."""
    min_attempts_per_year: dict[BoundaryKind, dict[str, NonNegativeFloat]] = EMPTY_DICT
    """The attempt rate the organisation assumes at least, per boundary kind and risk domain (`*`
    for any domain not named), e.g. `{api: {cyber: 500, "*": 10}}`. A pathway's own lower
    `attempts_per_year` is raised to it for its residual risk: the rate is the developer's
    estimate, the floor the framework's."""

    def attempts_floor(self, kind: BoundaryKind | None, domain: str) -> float | None:
        """The policy's floor on attempts per year for a pathway of `domain` at `kind`, if any."""
        by_domain = self.min_attempts_per_year.get(kind) if kind is not None else None
        if not by_domain:
            return None
        return by_domain.get(domain, by_domain.get("*"))


class WaiverPolicy(Frozen):
    """Which findings may be waived, and by whom."""

    roles: dict[str, list[str]] = EMPTY_DICT
    """Rule code (or family prefix like 'CG4') -> roles allowed to waive it."""
    non_waivable: list[str] = ["CG3", "CG5", "CG9"]
    """Rule codes or family prefixes that can never be waived."""
    max_days: Annotated[int, Ge(1)] = 90
    """Longest a waiver may run."""


class KindProperties(Frozen):
    """What a boundary kind may contain: the access and weights properties consistent with it."""

    access: list[Access]
    """Who may reach the model at this kind of boundary."""
    weights: list[WeightsAccess] = ["none"]
    """What users may do with the weights at this kind of boundary."""


def _kind(access: list[Access], weights: list[WeightsAccess] | None = None) -> KindProperties:
    # literal values of the declared types: not validated, so no command builds the validator of
    # `KindProperties` at import (tests/model/test_kind_table.py validates the table)
    if weights is None:
        return KindProperties.model_construct(access=access)
    return KindProperties.model_construct(access=access, weights=weights)


DEFAULT_KIND_TABLE: dict[BoundaryKind, KindProperties] = {
    BoundaryKind.training: _kind(access=["employees"]),
    BoundaryKind.internal_research: _kind(access=["employees"]),
    BoundaryKind.internal_deployment: _kind(access=["employees"]),
    BoundaryKind.trusted_access: _kind(access=["employees", "named-partners", "vetted-organisations"]),
    BoundaryKind.api: _kind(access=["named-partners", "vetted-organisations", "self-serve"]),
    BoundaryKind.consumer: _kind(access=["self-serve", "public"]),
    BoundaryKind.third_party: _kind(access=["named-partners", "vetted-organisations", "self-serve", "public"]),
    BoundaryKind.fine_tuning: _kind(access=["named-partners", "vetted-organisations", "self-serve", "public"],
                                    weights=["fine-tuning"]),
    BoundaryKind.open_weights: _kind(access=["employees", "named-partners", "vetted-organisations",
                                             "self-serve", "public"], weights=["download"]),
}
"""The built-in table: internal kinds reach employees only; trusted access reaches vetted
organisations or named partners; an API is open to self-serve sign-up at most; anyone, without
sign-up, is consumer or wider; hosted fine-tuning is `fine-tuning`; downloadable weights are
`open-weights`."""


_EFFORT_WORDS = {"gpu_hours": "{:g} GPU-hours", "steps": "{:,.0f} steps", "examples": "{:,.0f} examples"}


def effort_words(figures: dict[str, float]) -> str:
    """A fine-tuning attack's figures in words: `2 GPU-hours, 600 steps, 300 examples`."""
    return ", ".join(_EFFORT_WORDS[k].format(v) for k, v in figures.items() if k in _EFFORT_WORDS)


class FineTuneEffort(Frozen):
    """The least effort a fine-tuning attack must spend for a checkpoint it made to count as the
    `fine-tuned` variant. Each figure is read from the evaluation's log (`fine_tune` in
    casegate-results, Inspect's `eval.metadata.fine_tune`, lm-eval's `config.model_args`
    `fine_tune_gpu_hours=`, `fine_tune_steps=`, `fine_tune_examples=`), never from the case; a
    figure the policy sets and the log does not record is not shown."""

    gpu_hours: Annotated[float, Ge(0)] | None = None
    """Least accelerator hours the attack trained for."""
    steps: Annotated[int, Ge(0)] | None = None
    """Least optimiser steps it ran."""
    examples: Annotated[int, Ge(0)] | None = None
    """Least training examples it used."""

    def asked(self) -> dict[str, float]:
        """The figures this sets (name -> least value)."""
        return {k: float(v) for k in ("gpu_hours", "steps", "examples") if (v := getattr(self, k)) is not None}


class ArgumentPolicy(Frozen):
    """Which kinds of argument the policy accepts for a domain's risk."""

    inability: bool = True
    """Whether a domain's risk may be argued by inability: every threshold of the domain measured
    below its alert level by evaluations that meet the elicitation required at the boundary. Where
    inability is shown, the every-step rule (CG401) does not apply; elsewhere safeguards must block
    every step of each severe pathway."""
    weights_variant: Variant = Variant.fine_tuned
    """At a boundary that gives access to the weights (fine-tuning, open weights), the least
    capable model variant an inability argument may rest on: fine-tuning attacks are part of the
    elicitation there."""
    fine_tune: FineTuneEffort | None = None
    """The least effort (GPU-hours, steps, examples) of the fine-tuning attack behind a result that
    counts as the `fine-tuned` variant wherever the policy asks for that variant (a threshold's
    `elicitation.variant`, `weights_variant`): an evaluation or test whose log does not record that
    much counts as no fine-tuned checkpoint. Unset, the policy asks for no least effort, and the
    effort is the lab's word (`casegate policy gaps` lists it)."""


class InternalPolicy(Frozen):
    """How the policy weighs the scale of an internal deployment."""

    research_max_instances: Annotated[int, Ge(0)] = 100
    """Most instances an `internal-research` boundary may run at once; more is an internal
    deployment."""
    wide_layers: list[str] = ["monitoring", "access-control"]
    """Safeguard layers a wide internal deployment (autonomous instances, or write access to
    training code or weights) of a model at or above an alert level in a domain that matters
    inside the lab must have."""


class PreregistrationPolicy(Frozen):
    """Whether evaluation protocols must be registered in the log before the runs they govern."""

    required: bool = False
    """When true, every evaluation measuring a threshold must match a protocol registered (signed
    and logged, `casegate protocol register`) before the run started (rule CG326). The policy may
    say `preregistration: required` (or `optional`) for short."""

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, v: Any) -> Any:
        if v in ("required", "optional"):
            return {"required": v == "required"}
        return v


def _short_form_schema(schema: dict[str, Any]) -> None:
    """The `preregistration` property's schema: the object, or the short form the loader accepts."""
    obj = {k: schema.pop(k) for k in ("$ref", "allOf", "type", "properties", "additionalProperties") if k in schema}
    schema["anyOf"] = [obj, {"type": "string", "enum": ["required", "optional"]}]


class SignalBound(Frozen):
    """What the policy says of one monitored signal: the values it can take and the latest a
    monitor of it may breach."""

    range: tuple[Annotated[float, Field(allow_inf_nan=False)], Annotated[float, Field(allow_inf_nan=False)]] | None = None
    """Lowest and highest value the signal can take. A monitor's own `range` may narrow it, never
    widen it (CG715)."""
    op: Literal[">", ">=", "<", "<="] | None = None
    """The comparison a breach of the signal is (with `threshold`)."""
    threshold: Annotated[float, Field(allow_inf_nan=False)] | None = None
    """The policy's breach level: a monitor of the signal must breach at it or sooner (with `op`
    `>`, a threshold no higher; with `<`, no lower) (CG715)."""

    @model_validator(mode="after")
    def _ordered(self) -> "SignalBound":
        if self.range is not None and self.range[0] > self.range[1]:
            raise ValueError(f"`range` [{self.range[0]:g}, {self.range[1]:g}] has its lowest value above its highest")
        return self


class PostDeploymentPolicy(Frozen):
    """Limits on the post-deployment plan."""

    max_reevaluation_days: Annotated[int, Ge(1)] = 365
    """Longest interval from the decision date to the case's `reevaluate_by`."""
    signed_telemetry: bool = False
    """Whether a monitor's readings must be signed by a key the registry's keyring gives the
    `telemetry` role to count toward its health (to end a silence or show it quiet). True: always,
    so with no telemetry key in the keyring no reading counts and a monitor falls silent. False
    (default): only where the keyring names a telemetry key; with none, readings are taken on the
    word of whoever ingests them (`casegate policy gaps` lists it). A reading that breaches counts
    as a breach signed or not."""
    max_silence: str | None = None
    """The longest any monitor may go without a reading before its silence reopens the case (its
    `max_silence`, or its window when it sets none), e.g. '72h'. Unset: only the time to the
    re-evaluation date bounds it (CG715)."""
    signals: dict[str, SignalBound] = EMPTY_DICT
    """Signals the policy defines (by name, read as it looks): the range each can take and the
    level a monitor of it must breach at. A monitor's declared `range` is the lab's word and cannot
    put its threshold out of reach of a signal the policy defines; a rate, ratio, share or fraction
    is in [0, 1] whatever range a monitor declares."""
    telemetry_v1: Literal["accept", "same-key", "refuse"] = "same-key"
    """How a signed batch of the first format (`monitor-readings/v1`, which names no key before
    it) is read where signed telemetry is required. `same-key` (default): as a batch that names
    its own key before it, so one at a key change (the case's batch numbered one below it signed
    by another key) is a handover the registry cannot follow and acts as a withheld batch, while
    a single key's batches read as they always did. `refuse`: no batch of the first format counts;
    each key that signs one acts as a withheld batch. `accept`: read as they always were, so a
    monitoring system that numbers per key is open to batches dropped at a key change
    (`casegate policy gaps` lists it)."""

    @model_validator(mode="after")
    def _silence_is_a_duration(self) -> "PostDeploymentPolicy":
        import re

        if self.max_silence is not None and not re.fullmatch(r"\s*0*[1-9]\d*\s*[smhdw]\s*", self.max_silence):
            raise ValueError(f"`max_silence` {self.max_silence!r} is not a duration: write it as 30m, 72h, 7d or 2w")
        return self


RedactableType = Literal["claim", "strategy", "context", "assumption", "justification", "defeater", "evidence",
                         "safeguard", "pathway", "residual-risk", "objection"]
"""The types of element a case can redact (as a public summary names them)."""


class NeverRedacted(Frozen):
    """What a public summary may not redact, whatever reason the case gives for withholding it
    (`publication.withheld` is the lab's own words, and any words are accepted there): `casegate
    publish` refuses, before anything is published, a summary that would redact one."""

    findings: list[Literal["blocking", "condition"]] = EMPTY_LIST
    """The elements of the decision's unwaived findings of these severities: a summary may not
    hide, behind a commitment, the element a NO-GO or a condition is about."""
    types: list[RedactableType] = EMPTY_LIST
    """Element types that are never redacted (e.g. `pathway`, `residual-risk`, `objection`)."""


class PublicationPolicy(Frozen):
    """What the policy asks of a case's publication plan."""

    public_summary: bool = True
    """Whether the summary must be addressed to the public (a plan whose audience is only internal
    is blocking)."""
    due_days: Annotated[int, Ge(0), Le(3650)] = 30
    """Days after the registry approves a version for a boundary past internal use by which its
    summary must be published (`casegate publish`, logged in the registry); after them `verify`
    does not verify a deploy of that version until it is."""
    never_redacted: NeverRedacted = NeverRedacted.model_construct()
    """What a public summary may not redact, whatever the case says is withheld and why."""


class ConditionPolicy(Frozen):
    """When the conditions of a GO WITH CONDITIONS fall due."""

    due_days: Annotated[int, Ge(1), Le(3650)] = 90
    """Days after the case version's date (the decision's, when the case states none or a later
    one) by which each condition of a decision on it must be met and confirmed in the registry;
    no later than the case's `reevaluate_by`, nor than the day the evidence a condition was raised
    on expires. After that, until it is confirmed met, `verify` does not verify a
    deploy on the decision: a condition is a debt with a date, not a GO that lasts as long as a
    GO would."""


DEFAULT_HOLLOW = [
    "noted", "tbd", "tbc", "n/a", "na", "none", "to be determined", "to be confirmed",
    "to be decided", "see above", "see below", "not applicable", "not relevant", "ok", "fine",
    "acknowledged", "accepted", "done", "n.a.", "-", "...", "we will keep an eye on it",
    "will be monitored", "if leadership decides", "as needed", "as appropriate", "low risk",
]
"""Built-in boilerplate that carries no content where substance is required."""


def _default_hollow() -> list[str]:
    """A new list of the default hollow phrases (a named function: a kept core schema refers to
    its default factories by name)."""
    return list(DEFAULT_HOLLOW)


class TextPolicy(Frozen):
    """What counts as text with no content where the case must say something."""

    hollow: list[str] = Field(default_factory=_default_hollow)
    """Boilerplate answers (compared case-insensitively, ignoring punctuation)."""
    extra_hollow: list[str] = EMPTY_LIST
    """Further boilerplate the organisation adds to the built-in list."""
    unquantified: list[str] = ["negligible", "minimal", "very low", "low", "small", "tiny", "remote", "unlikely"]
    """Words that make an estimate hollow when the estimate carries no number."""
    min_words: Annotated[int, Ge(1)] = 4
    """Fewest content words (not counting common words) an answer needs."""

    def boilerplate(self) -> list[str]:
        return [*self.hollow, *self.extra_hollow]


class Governance(Frozen):
    """How the framework itself is run, in words (transparency regimes ask for these)."""

    updates: str | None = None
    """How the framework is revisited and updated, and when a model counts as substantially modified."""
    cybersecurity: str | None = None
    """How unreleased model weights are secured against unauthorised modification or transfer."""
    incident_response: str | None = None
    """How critical safety incidents are identified and responded to."""
    internal_governance: str | None = None
    """Internal governance practices that ensure the framework is implemented."""
    internal_use: str | None = None
    """How risk from internal use of models is assessed and managed."""


class Policy(Frozen):
    """An organisation's safety framework as code."""

    casegate: int
    """Format version of this file (1)."""
    kind: Literal["policy"] = "policy"
    """Document kind."""
    id: Id
    """Stable identifier of the policy, e.g. 'acme-frontier-v3'."""
    name: str
    """Readable name."""
    version: str = "1"
    """The policy's own version."""
    based_on: list[Citation] = EMPTY_LIST
    """Public frameworks this policy follows."""
    confidence: Annotated[float, Gt(0.5), Lt(1)] = 0.95
    """Confidence level for statistical claims (two-sided interval level)."""
    interval: Literal["clopper-pearson", "wilson"] = "clopper-pearson"
    """Interval method for proportions."""
    domains: dict[Id, Domain]
    """Risk domains this framework covers."""
    thresholds: dict[Id, Threshold] = EMPTY_DICT
    """Capability thresholds, keyed by id."""
    tools: dict[str, GrantedTool] = EMPTY_DICT
    """The tools a boundary may give the model, by the name `boundary.tools` uses. A tool not
    listed matters for every threshold, is elicited only by a log tool of its own name, and leaves
    no domain scoped out on the boundary."""
    sensitive_domains: dict[str, GrantedDomain] = EMPTY_DICT
    """The sensitive domains a boundary may integrate into, by the name
    `boundary.sensitive_domains` uses. One not listed leaves no domain scoped out on the boundary."""
    signoff: SignoffPolicy = SignoffPolicy.model_construct()
    """Who must sign, and separation of authority."""
    decision: DecisionAuthority = DecisionAuthority.model_construct()
    """Who may sign the decision, and whether they may also sign off."""
    evidence: EvidencePolicy = EvidencePolicy.model_construct()
    """Evidence freshness and independence."""
    tolerance: Tolerance = Tolerance.model_construct()
    """Residual risk tolerance."""
    safeguard_tests: dict[str, list[TaskRef]] = EMPTY_DICT
    """The test tasks that count for a safeguard of each layer (by name and version, or by the
    digest of their sample ids), e.g. `{classifier: [{name: acme-classifier-redteam}]}`: a red
    team or safeguard test cited by a safeguard of a named layer counts for it only when its log
    ran one of them. A layer not named: any task counts."""
    condition_defeaters: list[str] = EMPTY_LIST
    """Defeater kinds that may stand open as a condition instead of blocking."""
    waivers: WaiverPolicy = WaiverPolicy.model_construct()
    """Waiver rules."""
    owners: list[str] = EMPTY_LIST
    """Roles that own this policy: only a change they sign (`casegate policy change`) and the
    registry logs before an evaluation runs lets that evaluation use a changed metric, reduction
    or task set. Empty: no change of measurement can be accepted."""
    roles: list[str] = EMPTY_LIST
    """Roles the organisation defines beyond those its sign-off and waiver rules name (e.g. risk
    owners such as 'head-of-safeguards', 'ciso'). Residual-risk owners, stop authorities and
    acceptors must be policy roles."""
    boundary_kinds: dict[BoundaryKind, KindProperties] = EMPTY_DICT
    """Per boundary kind, the access and weights properties consistent with it; kinds not listed
    use the built-in table."""
    arguments: ArgumentPolicy = ArgumentPolicy.model_construct()
    """Which kinds of argument (inability, controls) the policy accepts."""
    post_deployment: PostDeploymentPolicy = PostDeploymentPolicy.model_construct()
    """Limits on the post-deployment plan."""
    publication: PublicationPolicy = PublicationPolicy.model_construct()
    """What the publication plan must do."""
    conditions: ConditionPolicy = ConditionPolicy.model_construct()
    """When the conditions of a GO WITH CONDITIONS fall due."""
    internal: InternalPolicy = InternalPolicy.model_construct()
    """How the scale of an internal deployment is weighed."""
    preregistration: PreregistrationPolicy = Field(default=PreregistrationPolicy.model_construct(),
                                                   json_schema_extra=_short_form_schema)
    """Whether evaluation protocols must be registered before their runs: `required` or
    `optional` for short, or `{required: true}`."""
    text: TextPolicy = TextPolicy.model_construct()
    """What counts as hollow text."""
    governance: Governance | None = None
    """How the framework is run: updates, weight security, incidents, internal governance."""
    regimes: list[str] = EMPTY_LIST
    """Regulatory regimes every case under this policy is under ('builtin:NAME' or a path
    relative to the policy file)."""

    @model_validator(mode="after")
    def _grants_name_known_ids(self) -> "Policy":
        for name, tool in self.tools.items():
            unknown = [t for t in tool.matters_for or () if t not in self.thresholds]
            if unknown:
                raise ValueError(f"tools.{name}.matters_for names no threshold of the policy: {', '.join(unknown)}")
        grants: list[tuple[str, list[str]]] = [(f"tools.{n}", t.scopes_out) for n, t in self.tools.items()]
        grants += [(f"sensitive_domains.{n}", d.scopes_out) for n, d in self.sensitive_domains.items()]
        for where, domains in grants:
            unknown = [d for d in domains if d not in self.domains]
            if unknown:
                raise ValueError(f"{where}.scopes_out names no domain of the policy: {', '.join(unknown)}")
        return self

    def known_roles(self) -> set[str]:
        """Every role the policy names: declared roles, its owners, sign-off roles, separated
        roles, the product and escalation roles, and roles allowed to waive."""
        out = set(self.roles) | set(self.owners)
        for reqs in self.signoff.required.values():
            out.update(r.role for r in reqs)
        for group in self.signoff.separate:
            out.update(group)
        out.add(self.signoff.product_role)
        if self.signoff.escalate_to:
            out.add(self.signoff.escalate_to)
        for rs in self.waivers.roles.values():
            out.update(rs)
        return out

    def kind_properties(self, kind: BoundaryKind) -> KindProperties:
        """The properties consistent with `kind`: the policy's table entry, else the built-in one."""
        return self.boundary_kinds.get(kind) or DEFAULT_KIND_TABLE[kind]

    notes: str | None = None
    """Free text about the policy."""
