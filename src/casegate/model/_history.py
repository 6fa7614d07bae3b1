"""What the registry remembers that a decision must be compared with: the versions decided
before and the signed policy changes logged before a run. Filled by the service layer (CLI, board)
from the registry; the rules only read it."""

import datetime as dt
from typing import TYPE_CHECKING, Literal

from ._base import EMPTY_DICT, EMPTY_LIST, Frozen

if TYPE_CHECKING:
    from ._case import Evidence, SignoffRef

MEASUREMENT_FIELDS = ("metric", "reduction", "tasks")
"""The parts of a threshold's measurement whose change moves a result without any change in the
model: the metric (and the scorer that computes it), how epochs are reduced, and the task set."""


class PolicyChange(Frozen):
    """A signed, logged record that a policy's owners changed how a threshold is measured."""

    policy: str
    """Id of the policy changed."""
    threshold: str
    """Threshold id whose measurement changed."""
    fields: list[str] = EMPTY_LIST
    """Which of MEASUREMENT_FIELDS changed."""
    rationale: str
    """Why, in the owners' words."""
    role: str
    """Role the change was signed in (must be one of the policy's `owners`)."""
    person: str
    """Who signed it (from the keyring)."""
    signed_at: str
    """When it was signed (UTC, ISO 8601), as the statement says."""
    logged_at: str | None = None
    """When the registry logged it (UTC, ISO 8601); None when it is not in the log."""
    log_index: int | None = None
    """Index of its 'policy-change' log entry."""
    problems: list[str] = EMPTY_LIST
    """Why the envelope cannot be trusted (bad signature, unknown key, no keyring given); a change
    with problems counts for nothing."""


class Baseline(Frozen):
    """An earlier version of the case that this one is compared with."""

    role: str
    """'previous' (the last version submitted before this one), 'approved' (the last version a
    decision approved), 'earlier' (another version submitted since that approval, or since the
    first when none was approved, or one of a case about the same model that a logged decision or
    judgement found NO-GO since that case's last approval), 'later' (a version submitted after this one, when this one is
    an earlier stored version decided on again) or 'given' (a file passed with --previous)."""
    label: str
    """How messages name it, e.g. 'version 1.0 (#1)'."""
    case: str | None = None
    """The registry case it is a version of (None: not from a registry, e.g. a --previous file)."""
    number: int | None = None
    """Its number in the registry."""
    digest: str | None = None
    """The registry's digest of the stored version (its files' paths and sha256), so a decision
    names exactly what it was compared with."""
    recorded_at: dt.datetime | None = None
    """When the registry logged the stored version (UTC; None: not from a registry): what it
    recorded, a sign-off's date included, was on the record by then."""
    same_weights: bool = False
    """The registry hashed weights in common for it and the version decided on (a weights file's
    bytes or a tensor, `registry submit --model`): the same weights, whatever digests either names."""


class IncidentDefeat(Frozen):
    """An incident logged against the case, or a monitor breach that fired one of its triggers,
    that defeated claims of an earlier version: a defeater the next version must answer."""

    id: str
    """How a case names it in `incident_answers`: 'incident-<log index>' for an incident,
    'breach-<log index of the trigger-fired entry>' for a monitor breach."""
    date: dt.date
    """When the incident happened, or the day the breaching window ended."""
    domain: str
    """Its risk domain (for a breach: the monitor's `domain`; empty when the monitor names none,
    and the breach then bears on the whole case)."""
    severity: str
    """Its severity (for a breach: the action its trigger took, 'restrict', 'reopen' or 'withdraw')."""
    cause: Literal["incident", "monitor"] = "incident"
    """What defeated the claims: an incident (CG708) or a monitor breach (CG718)."""
    monitor: str | None = None
    """For a breach: the id of the monitor that breached, in the defeated version's plan."""
    reason: str | None = None
    """For a breach: what the trigger recorded, in words (signal, mean, window)."""
    version: str
    """The version whose claims it defeated, e.g. 'version 1.0 (#1)'."""
    claims: dict[str, str] = EMPTY_DICT
    """Defeated claim id -> the claim's text in that version."""
    safeguards: list[str] = EMPTY_LIST
    """Safeguard ids of that version (an answer must add one)."""
    attack: str | None = None
    """For an incident: the attack it came through, as its record names it (CG432)."""
    attacks_added: list[str] = EMPTY_LIST
    """For an incident: the attacks anyone named for it since it was recorded (`incident attack`),
    each tested as its recorded one is (CG432)."""
    no_attack: str | None = None
    """For an incident naming no attack: who recorded that it came through none, and why
    (`incident attack --none`); None where nobody did (CG440)."""

    def attacks(self) -> list[str]:
        """Every attack the incident is judged to have come through: its recorded one and every one
        named since, each once."""
        return list(dict.fromkeys([*([self.attack] if self.attack else []), *self.attacks_added]))
    safeguard_substance: list[str] = EMPTY_LIST
    """`Safeguard.substance` of each of that version's safeguards: an added safeguard equal to one
    of them is the same safeguard renamed, not an answer."""
    boundary_rank: int | None = None
    """Rank of that version's boundary kind on the exposure ladder (an answer may narrow it)."""
    tools: list[str] = EMPTY_LIST
    """Tools that version's boundary gave (dropping one narrows the boundary)."""
    log_index: int | None = None
    """Index of the incident's log entry (None: not read from a registry)."""
    case: str | None = None
    """The registry case it was logged against where that is another case about the same model
    (None: this case's own, or not read from a registry)."""
    logged_at: dt.datetime | None = None
    """When the registry logged the incident (None: not read from a registry)."""


class LinkedCase(Frozen):
    """A case named in the system's lineage (`system.lineage[].case`), as the registry knows it."""

    id: str
    """The case id the lineage names."""
    state: str | None = None
    """Its lifecycle state in the registry; None when the registry does not know the case."""
    version: str | None = None
    """Its latest version, e.g. 'version 1.0 (#1)'; None when unknown."""
    system: str | None = None
    """Name and version of the system that case is about."""
    digests: list[str] = EMPTY_LIST
    """That system's digests."""
    boundary: str | None = None
    """That case's boundary kind."""
    internal_scale: bool = False
    """Whether that case records the scale of its internal deployment (`boundary.internal`)."""


class RegisteredProtocol(Frozen):
    """An evaluation protocol registered (signed and logged) before the run it governs."""

    id: str
    """The protocol's id (registering the same id again records a changed protocol)."""
    policy: str
    """Id of the policy whose threshold it tests."""
    threshold: str
    """Threshold id it tests."""
    plan: dict[str, str] = EMPTY_DICT
    """What it fixes before the run, as comparable text: metric, reduction, tasks, variant,
    attempts, scaffold, tools, budget_tokens, model, samples (only the keys it sets)."""
    role: str
    """Role it was signed in."""
    person: str
    """Who signed it (from the keyring)."""
    signed_at: str
    """When it was signed (UTC, ISO 8601)."""
    logged_at: str | None = None
    """When the registry logged it (UTC, ISO 8601)."""
    log_index: int | None = None
    """Index of its 'protocol' log entry."""
    problems: list[str] = EMPTY_LIST
    """Why the envelope cannot be trusted; a protocol with problems counts for nothing."""


class FirstLogged(Frozen):
    """The first log entry that stored (or pinned) an artifact's bytes, or an evaluation log of the
    same run."""

    index: int
    """Index of that 'case-version' entry."""
    at: dt.datetime
    """When the registry logged it (UTC)."""
    same_run_as: str | None = None
    """sha256 of the artifact that entry stored when it is not the item's own: an evaluation log
    of the same run (the same samples, whatever dates each log gives), logged first."""

    def how(self) -> str:
        """How the registry logged the item's artifact then, in words: 'its artifact', or the
        same evaluation run under other bytes."""
        if self.same_run_as is None:
            return "its artifact"
        return (f"the same evaluation run (log {self.same_run_as[:12]}, whose samples its log repeats "
                "under other dates)")


class HeldBy(Frozen):
    """A stored version of a case about another model that cited a run as its model's measurement."""

    case: str
    """The case's id."""
    number: int
    """The stored version's number."""


class ArtifactDates(Frozen):
    """When the registry first saw each artifact of a case: the log entry of the first case
    version (of any case) that stored its bytes or pinned its sha256, and the registry's clock
    when this was read. An item cannot be newer than the first time the registry saw its
    artifact, nor newer than the registry's clock, whatever date the lab gives it."""

    first: dict[str, FirstLogged] = EMPTY_DICT
    """sha256 of an artifact's bytes -> the first entry that stored or pinned it (an artifact the
    registry has not seen is absent)."""
    clock: dt.datetime
    """The registry's clock (`log_time()`) when it was read."""
    named_runs: list[str] = EMPTY_LIST
    """sha256s of evaluation logs known (in part) by their names only: their samples record no
    input or output (casegate-results rows of id and score, an lm-eval task without its samples
    file, counts without samples), so a copy of an earlier run with its task or sample ids renamed
    cannot be told from them, and their own date cannot show they are new."""
    other_models: dict[str, list[str]] = EMPTY_DICT
    """sha256 of an artifact the case cites as a measurement of its weights -> each version a
    decision approved, about another model (no digest, name and version, or hashed weights in common with this
    case's), that cited the same artifact or the same run as a measurement of that model, in words
    (`case ID version V (#N, approved), about NAME VERSION (DIGESTS)`): a run is a run of one model."""
    held_by: dict[str, list[HeldBy]] = EMPTY_DICT
    """The versions behind `other_models`, by sha256: (case id, stored version number) of each."""
    standing: dict[str, int] = EMPTY_DICT
    """Case id of a version in `held_by` -> the stored version its current approval stands on,
    for a case that stands approved now (not reopened, restricted or withdrawn since)."""

    def named_only(self, ev: "Evidence") -> bool:
        """Whether the item's artifact is an evaluation log known by its names only."""
        return ev.sha256 is not None and ev.sha256 in self.named_runs

    def first_logged(self, ev: "Evidence") -> FirstLogged | None:
        """The first entry that stored the item's artifact (by its pinned sha256), or None when
        the registry has not seen it (or the item pins none)."""
        return self.first.get(ev.sha256) if ev.sha256 is not None else None

    def date_of(self, ev: "Evidence") -> dt.date:
        """The date the item's age counts from: its own date, or the day the registry first
        logged its artifact when that is earlier; an artifact the registry has not seen yet is
        dated no later than the registry's clock."""
        seen = self.first_logged(ev)
        cap = (seen.at if seen is not None else self.clock).astimezone(dt.UTC).date()
        return min(ev.date, cap)


class EnvelopeLogged(Frozen):
    """The first log entry that held a signed statement: a case version that stored its envelope
    file, or an entry that carries the envelope itself (a sign-off logged on its own, a decision's
    bundle)."""

    index: int
    """Index of that log entry."""
    at: dt.datetime
    """When the registry logged it (UTC)."""


class SignoffDates(Frozen):
    """When the registry first logged each sign-off envelope the case's lines name: a sign-off
    existed by then, so its date is never later than that, whatever date the case gives it."""

    first: dict[str, EnvelopeLogged] = EMPTY_DICT
    """A sign-off line's `envelope` reference, as the line gives it -> the first entry that held
    the envelope's bytes (an envelope the registry has not seen is absent)."""
    waivers: dict[str, EnvelopeLogged] = EMPTY_DICT
    """A waiver reference of the case (`decision.waivers`) -> the first entry that held its
    envelope: a waiver's span counts from no later than that."""

    def logged(self, s: "SignoffRef") -> EnvelopeLogged | None:
        """The first entry that held the line's envelope, when it is earlier than the day the line
        gives (None: the line's own date stands)."""
        got = self.first.get(s.envelope) if s.envelope is not None else None
        return got if got is not None and got.at.astimezone(dt.UTC).date() < s.date else None

    def date_of(self, s: "SignoffRef") -> dt.date:
        """The sign-off's date: the line's own, or the day the registry first logged its envelope
        when that is earlier."""
        got = self.logged(s)
        return got.at.astimezone(dt.UTC).date() if got is not None else s.date
