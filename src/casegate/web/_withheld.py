"""What a token reads of a case that holds material above its confidentiality ceiling.

A case is shown whole to a token whose ceiling is at or above the highest confidentiality level
of every element in every stored version of the case. Otherwise the board shows it as the public
summary shows it, built by `casegate.publish` at the token's ceiling (elements above it redacted
to their commitments, the decision record's texts passed through the publication's text guard),
and says what was withheld and why. The log's free text about the case (decision records,
objection reasons and answers, incident descriptions, lifecycle reasons) carries no level of its
own: it counts as being at the case's highest level, so it is withheld too.

Fails closed: a stored version that does not load cannot say what it holds, so its case is
withheld from every token below the top level.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Confidentiality
from ..store import LogEntry, Registry, SaltRecord
from ._tokens import TOP, Principal
from ._views import CaseView, load_version

_LEVELS = list(Confidentiality)

PUBLIC_PAYLOAD: dict[str, tuple[str, ...]] = {
    "case-version": ("version", "digest", "declared_version"),
    "decision": ("outcome", "boundary", "version"),
    "state-change": ("from", "to", "state", "restricted_to"),
    "incident": ("date", "severity", "domain"),
    "publication": ("version", "summary_sha256"),
    "signoff": ("version", "role", "person"),
    "objection": ("version", "role", "person"),
    "objection-answer": ("objection", "role", "person", "kind"),
}
"""The payload fields of a case's log entries that a token a case is withheld from reads (the
kinds, dates and states the public history shows, and who signed or objected in which role);
every other field, and every field of another kind, is left out."""

LOG_TEXT_WITHHELD = "withheld: the log's text about a case counts as being at the case's highest level"


@dataclass(frozen=True)
class Withheld:
    """Why part of a case is withheld from a token."""

    ceiling: str
    """The token's ceiling."""
    level: str | None
    """The highest level the case holds; None when it cannot be established."""
    reason: str
    """In words, for the page and the API."""

    def to_json(self) -> dict[str, Any]:
        return {"ceiling": self.ceiling, "case_level": self.level, "reason": self.reason}


def _rank(level: Confidentiality) -> int:
    return _LEVELS.index(level)


@lru_cache(maxsize=4096)
def _version_level(reg: Registry, case_id: str, number: int) -> Confidentiality | None:
    """The highest confidentiality of any element of a stored version (versions are immutable,
    so it is worked out once); None when the version does not load."""
    from ..errors import CasegateError, StoreError
    from ..publish import iter_redactable

    try:
        loaded = load_version(reg, case_id, number)
    except StoreError:
        raise  # the registry is unavailable now: nothing is remembered of it
    except CasegateError:
        return None
    if loaded.case is None:
        return None
    top = Confidentiality.public
    for _parts, model in iter_redactable(loaded.case):
        lv = getattr(model, "confidentiality", None)
        if isinstance(lv, Confidentiality) and _rank(lv) > _rank(top):
            top = lv
    return top


def case_level(reg: Registry, case_id: str) -> tuple[Confidentiality, bool]:
    """The highest confidentiality level of the case's elements over all its stored versions,
    and whether every version loaded (when one does not, the level is unknown: TOP, False)."""
    top = Confidentiality.public
    for record in reg.case_versions(case_id):
        lv = _version_level(reg, case_id, record.number)
        if lv is None:
            return TOP, False
        if _rank(lv) > _rank(top):
            top = lv
    return top, True


def withheld_for(reg: Registry, case_id: str, who: Principal) -> Withheld | None:
    """What of the case is withheld from `who`: None when its ceiling covers everything the case
    holds (always for the top level)."""
    if who.ceiling is TOP:
        return None
    level, known = case_level(reg, case_id)
    if known and _rank(level) <= _rank(who.ceiling):
        return None
    c = who.ceiling.value
    held = (f"the case holds {level.value} material" if known else
            "a stored version of the case does not load, so what it holds cannot be established")
    reason = (f"Your token reads up to {c}, and {held}. What is above {c} is shown as the public summary "
              f"shows it: redacted to its commitment. The log's text about this case (decision records, "
              f"objection reasons and answers, incident descriptions) is withheld with it, and you may not "
              f"sign, object, answer, report or run the gate on it. A token with a higher ceiling "
              f"(`casegate token create --ceiling`) reads it whole.")
    return Withheld(ceiling=c, level=level.value if known else None, reason=reason)


def public_event(e: LogEntry, withheld: Withheld) -> dict[str, Any]:
    """A log entry of the case as a token it is withheld from reads it (`PUBLIC_PAYLOAD`)."""
    doc = e.to_json()
    keep = PUBLIC_PAYLOAD.get(e.kind, ())
    payload = doc.get("payload") or {}
    doc["payload"] = {k: payload[k] for k in keep if k in payload and not isinstance(payload[k], dict | list)}
    doc["withheld"] = withheld.reason
    return doc


class _ViewSalts:
    """The registry's salts, read only: a view reuses the salts a publication kept (so its
    commitments are the published ones), draws fresh ones for anything else, and keeps none (a
    page view writes nothing to the registry; its fresh commitments open to nothing)."""

    def __init__(self, reg: Registry) -> None:
        from ..store import RegistrySalts

        self._kept = RegistrySalts(reg)
        self.where = "the board's view"

    def commitment_salts(self, case_id: str, case_version: str) -> list[SaltRecord]:
        return self._kept.commitment_salts(case_id, case_version)

    def keep_commitment_salts(self, records: Sequence[SaltRecord]) -> None:
        return None


@dataclass(frozen=True)
class CeilingView:
    """A case's summary at a token's ceiling, with the stored version it was built from."""

    summary: Any
    """The `PublicSummary` at the ceiling."""
    loaded: Any
    version: int


def ceiling_view(reg: Registry, v: CaseView, ceiling: Confidentiality) -> CeilingView | None:
    """The summary of the case at `ceiling`, built from the version its latest decision was
    recorded for (the latest version, gated now, when none was), as `casegate publish` builds it;
    None when that version does not load. Only a decision the registry judged (approved on)
    counts: one a program logged with no judgement is the lab's word, and the version is gated now."""
    decisions = [e for e in v.events if e.kind == "decision" and isinstance(e.payload.get("judgement"), dict)]
    last = decisions[-1] if decisions else None
    number = last.payload.get("version") if last is not None else None
    number = number if isinstance(number, int) else v.latest_version
    if number is None:
        return None
    return _ceiling_view(reg, v.case_id, number, last.index if last is not None else -1, ceiling,
                         dt.date.today())


@lru_cache(maxsize=64)
def _ceiling_view(reg: Registry, case_id: str, number: int, decision: int, ceiling: Confidentiality,
                  day: dt.date) -> CeilingView | None:
    from ..errors import CasegateError, StoreError
    from ..model import DecisionRecord
    from ..publish import (
        Salts,
        build_summary,
        decide,
        evidence_basis,
        readable_case,
        registry_facts,
    )

    try:
        loaded = load_version(reg, case_id, number)
        if loaded.case is None:
            return None
        record = None
        if decision >= 0:
            entry = next((e for e in reg.events(case_id=case_id, kind="decision") if e.index == decision), None)
            raw = entry.payload.get("record", entry.payload) if entry is not None else None
            record = DecisionRecord.model_validate(raw) if isinstance(raw, dict) else None
        if record is None:
            record = decide(loaded, day)
        facts = registry_facts(reg, case_id, number)
        # logged objections carry no level: their text is withheld with the case's
        facts = dataclasses.replace(facts, objections=tuple(
            dataclasses.replace(o, reason=LOG_TEXT_WITHHELD, answer=None) for o in facts.objections))
        summary = build_summary(readable_case(loaded), record, salts=Salts(_ViewSalts(reg)), level=ceiling,
                                policy=loaded.policy, basis=evidence_basis(loaded), facts=facts,
                                folder=Path(loaded.case_path).parent)
    except StoreError:
        raise
    except (CasegateError, ValueError):
        return None
    return CeilingView(summary=summary, loaded=loaded, version=number)
