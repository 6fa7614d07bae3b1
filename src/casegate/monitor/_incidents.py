"""Incidents after launch, recorded with the fields the AI Incident Database uses."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator

from ..model import Severity
from ..model._base import Frozen, Id, new_list

INCIDENT_VERSION = 1
"""Version of the incident record format."""


class Incident(Frozen):
    """Something that went wrong after launch, linked to the case it bears on."""

    incident_version: int = INCIDENT_VERSION
    """Format version of this record."""
    case: Id
    """The case the incident is linked to."""
    date: dt.date
    """When the incident happened."""
    deployer: str
    """Who deployed the system involved (alleged deployer)."""
    developer: str
    """Who developed the system involved (alleged developer)."""
    harmed: list[str] = Field(min_length=1)
    """Who was harmed or nearly harmed (alleged harmed parties)."""
    description: str = Field(min_length=1)
    """What happened."""
    severity: Severity
    """How bad it was."""
    domain: Id
    """Risk domain it falls in (as the case's threat model and policy name domains)."""
    title: str | None = None
    """A short title."""
    reports: list[str] = Field(default_factory=new_list)
    """Where it was reported (URLs or references)."""
    reported_by: str | None = None
    """Who reported it to the registry."""
    known: dt.datetime | None = None
    """When the developer became aware of it (regime deadlines count from here; default: the
    start of `date`, the earliest it can have been known)."""
    classes: list[str] = Field(default_factory=new_list)
    """Regime incident classes it falls in, written `REGIME:CLASS` (e.g.
    'ca-sb53:critical-safety-incident'); each sets a reporting deadline."""
    not_reportable: str | None = None
    """Why no incident class of the case's regimes applies (required instead of `classes` when
    the case is under a regime)."""
    attack: Id | None = None
    """The attack it came through, as red teams name their samples of it (a jailbreak family, a
    technique id): a version answering it must show its safeguards tested against that attack and
    holding (CG432)."""

    def known_at(self) -> dt.datetime:
        """When the incident became known (the regime clocks' start)."""
        if self.known is not None:
            return self.known if self.known.tzinfo else self.known.replace(tzinfo=dt.UTC)
        return dt.datetime.combine(self.date, dt.time.min, dt.UTC)

    @field_validator("deployer", "developer")
    @classmethod
    def _named(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must name someone")
        return v
