"""A regulatory regime as data: the documents a regime asks for, what in a case fills each of their
sections, and the incident classes with their reporting deadlines.

A regime file describes requirements; it never decides anything. Each requirement cites the
source text it paraphrases (document, version, date, section) so a reader can check it.
"""

import datetime as dt
from typing import Literal

from pydantic import model_validator

from ._base import (
    EMPTY_DICT,
    EMPTY_LIST,
    NON_EMPTY,
    OPTIONAL_AT_LEAST_1,
    Confidentiality,
    Frozen,
    Id,
    Severity,
)

REGIME_SOURCES: dict[str, str] = {
    "system.identity": "the model's name, version and digests",
    "system.description": "the model's description",
    "system.lineage": "models the system derives from",
    "release.date": "the release date",
    "release.contact": "the developer's website and a way for a person to contact it",
    "release.languages": "languages the model supports",
    "release.modalities": "output modalities",
    "release.intended_uses": "intended uses",
    "boundary": "the deployment boundary: kind, description, tools",
    "boundary.restrictions": "restrictions and conditions on use (users, rate limits, regions)",
    "threat_model.addressed": "risk domains addressed, with their harm pathways",
    "threat_model.scoped_out": "risk domains scoped out, with the reason",
    "capability.results": "capability evaluations against the policy's thresholds",
    "evidence.external": "evidence produced by independent evaluators",
    "safeguards": "safety mitigations and the pathway steps they block",
    "safeguards.security": "security mitigations (weights, insider access)",
    "residual_risk": "residual risk per pathway: estimate, owner, detection, stop authority",
    "decision": "the decision: outcome, boundary, conditions",
    "decision.signoffs": "who signed, in which role",
    "decision.objections": "objections and their answers",
    "answer.uncertain": "what remains uncertain",
    "answer.retreat": "what evidence would force retreat",
    "post_deployment.monitoring": "monitors and triggers after launch",
    "post_deployment.incident_reporting": "how incidents are reported and to whom",
    "post_deployment.model_change_control": "how changes to the model are controlled",
    "post_deployment.reevaluation": "when the case is re-evaluated",
    "publication": "how the case is made public",
    "policy.framework": "the safety framework: name, version, the frameworks it is based on",
    "policy.thresholds": "capability thresholds with alert levels and elicitation minimums",
    "policy.safeguard_requirements": "safeguards required per capability level and boundary",
    "policy.signoff": "roles that must sign per boundary, separations, objection handling",
    "policy.evidence": "evidence freshness and independence requirements",
    "policy.tolerance": "risk tolerance",
    "policy.internal_use": "domains whose capability matters inside the developer (internal use)",
    "policy.governance.updates": "how the framework is revisited and updated",
    "policy.governance.cybersecurity": "how unreleased model weights are secured",
    "policy.governance.incident_response": "how critical safety incidents are identified and answered",
    "policy.governance.internal_governance": "internal governance that ensures the framework is followed",
    "history.changes": "what changed since the previous version (from the registry)",
    "history.incidents": "incidents recorded against the case (from the registry)",
}
"""Every fact a regime section can ask for, and what it means. A section names the sources it
needs; `casegate.regime` knows how to read each one from a case, its policy, its decision and the
registry. A regime naming a source outside this list is refused when it loads."""


class RegimeCitation(Frozen):
    """Where a requirement comes from in the regime's source text."""

    document: str
    """Title of the source document."""
    version: str | None = None
    """Version of the source document."""
    date: dt.date | None = None
    """Date of that version."""
    section: str
    """Commitment, measure, article or section the requirement paraphrases."""
    url: str | None = None
    """Where the source text can be read."""


class RegimeSection(Frozen):
    """One section of a required document and the case facts that fill it."""

    title: str
    """Section heading as the document shows it."""
    asks: str
    """What the regime asks this section to contain, paraphrased."""
    cite: RegimeCitation
    """Where the requirement is in the source text."""
    sources: list[str] = NON_EMPTY
    """Case facts that fill the section (names from REGIME_SOURCES); all are needed."""
    optional: list[str] = EMPTY_LIST
    """Further facts shown when present; their absence is no gap."""
    required: bool = True
    """Whether an unfilled section is a gap (a finding) or only shown as empty."""

    @model_validator(mode="after")
    def _known_sources(self) -> "RegimeSection":
        unknown = [s for s in [*self.sources, *self.optional] if s not in REGIME_SOURCES]
        if unknown:
            raise ValueError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(REGIME_SOURCES)}")
        return self


class RegimeDocument(Frozen):
    """A document the regime asks for."""

    title: str
    """Document title."""
    purpose: str
    """What the document is for, and when it is due, paraphrased."""
    cite: RegimeCitation
    """Where the obligation is in the source text."""
    audience: Literal["regulator", "public"]
    """Who receives it: a regulator-facing document shows more than a public one."""
    level: Confidentiality
    """The highest confidentiality level the document may show; anything above is redacted
    with a commitment, as in `casegate publish`."""
    basis: Literal["case", "policy"] = "case"
    """Whether the document reports on one case, or on the framework (the policy) itself."""
    sections: dict[Id, RegimeSection] = NON_EMPTY
    """Sections in order."""


class Deadline(Frozen):
    """How long after awareness a report is due."""

    hours: int | None = OPTIONAL_AT_LEAST_1
    """Hours from awareness (for deadlines the text counts in hours)."""
    days: int | None = OPTIONAL_AT_LEAST_1
    """Calendar days from awareness."""

    @model_validator(mode="after")
    def _one(self) -> "Deadline":
        if (self.hours is None) == (self.days is None):
            raise ValueError("a deadline gives exactly one of hours or days")
        return self

    def delta(self) -> dt.timedelta:
        return dt.timedelta(hours=self.hours) if self.hours is not None else dt.timedelta(days=self.days or 0)

    def describe(self) -> str:
        if self.hours is not None:
            return f"{self.hours} hours"
        return f"{self.days} day" + ("s" if self.days != 1 else "")


class IncidentClass(Frozen):
    """A kind of incident the regime asks to be reported, and by when."""

    title: str
    """Readable name of the class."""
    description: str
    """Which incidents belong to it, paraphrased."""
    deadline: Deadline
    """When the first report is due, counted from when the incident became known."""
    report_to: str
    """Who receives the report."""
    cite: RegimeCitation
    """Where the deadline is in the source text."""
    domains: list[Id] = EMPTY_LIST
    """Risk domains whose incidents suggest this class (a hint; the reporter names the class)."""
    min_severity: Severity | None = None
    """Severity from which incidents suggest this class (a hint)."""


class Regime(Frozen):
    """A regulatory regime: the documents it asks for and its incident-reporting deadlines."""

    casegate: int
    """Format version of this file (1)."""
    kind: Literal["regime"] = "regime"
    """Document kind."""
    id: Id
    """Stable regime id, e.g. 'eu-gpai-cop-2025'."""
    title: str
    """Readable name."""
    jurisdiction: str
    """Where it applies."""
    source: RegimeCitation
    """The regime's source text as a whole."""
    in_force: dt.date | None = None
    """When it applies from."""
    notice: str = (
        "Generated by casegate from the safety case. casegate does not give legal advice: check "
        "every section against the source text and with counsel before filing."
    )
    """Printed on every generated document."""
    documents: dict[Id, RegimeDocument] = EMPTY_DICT
    """Documents the regime asks for."""
    incident_classes: dict[Id, IncidentClass] = EMPTY_DICT
    """Incident classes with their reporting deadlines."""
