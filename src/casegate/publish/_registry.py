"""What the registry knows about a case that its files do not say: the objections logged for it
(on the review board or with the CLI, open or answered) and whether its approval was
interrupted (reopened, restricted or withdrawn). A summary published with a registry states
both, whatever the case's files say."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Confidentiality
from ._views import ObjectionItem

INTERRUPTED = ("reopened", "restricted", "withdrawn")
"""Lifecycle states in which the case's decision no longer stands as published."""

WITHHELD_REASON = "not published to this audience (logged in the registry, without a level the text may be shown at)"


@dataclass(frozen=True)
class LoggedObjection:
    """An objection logged in the registry, with the answers logged to it."""

    index: int
    """Its log entry."""
    role: str
    person: str
    date: str
    reason: str
    status: str
    """open, answered or upheld, as the registry judges it (an answer that was not accepted
    leaves a signed objection open)."""
    answer: str | None = None
    answered_by: str | None = None

    def same_as(self, role: str, person: str, reason: str) -> bool:
        return (self.role, self.person, self.reason.strip()) == (role, person, reason.strip())

    def item(self, level: Confidentiality) -> ObjectionItem:
        shown = level is not Confidentiality.public
        return ObjectionItem(id=f"log-{self.index}", role=self.role, status=self.status, person=self.person,
                             date=self.date, reason=self.reason if shown else WITHHELD_REASON,
                             answer=(self.answer if shown else None) if self.answer else None,
                             answered_by=self.answered_by)


@dataclass(frozen=True)
class RegistryFacts:
    """The registry's facts about a case, for its summary."""

    version: int
    """The stored version whose files are the ones published."""
    state: str | None = None
    restricted_to: str | None = None
    state_since: str | None = None
    """When the case entered its state (the state change's log time)."""
    objections: tuple[LoggedObjection, ...] = field(default_factory=tuple)
    conditions: dict[str, str] = field(default_factory=dict)
    """Condition id -> where the registry's log finds it (`ConditionItem.standing`), for the
    conditions past their due date or met; filled by the caller, which judges the confirmations."""

    @property
    def interrupted(self) -> bool:
        return self.state in INTERRUPTED

    def lifecycle(self) -> dict[str, Any] | None:
        """What the summary says of the case's state: only when the approval was interrupted
        (a summary of a case in review or approved says what it always said)."""
        if not self.interrupted:
            return None
        return {"state": self.state, "since": self.state_since, "restricted_to": self.restricted_to}


def _judged(events: list[Any], judge: tuple[Any, Any, Any] | None, case_id: str) -> dict[int, Any]:
    """Log index -> the gate's standing (`resolve`) of each signed objection, when `judge` (keyring,
    signoff policy, boundary) is given; a signed objection whose signature does not verify maps
    to None (it counts as open)."""
    if judge is None:
        return {}
    import datetime as dt

    from ..sign import logged_states

    keyring, policy, boundary = judge
    return logged_states(events, keyring, dt.datetime.now(dt.UTC), case_id, policy, boundary)


def registry_facts(reg: Any, case_id: str, version: int, judge: tuple[Any, Any, Any] | None = None) -> RegistryFacts:
    """The facts of `case_id` as the registry `reg` (a `casegate.store.Registry`) holds them. With
    `judge` (a keyring, the signoff policy and the boundary it is read for), each signed objection
    stands as the gate's `resolve` judges it from the signed statements in the log (an answer
    counts once accepted by whom the policy lets accept it; a signature that does not verify
    leaves the objection open); without, as the registry's own record of acceptances says."""
    from ..store import open_objections

    # only the kinds read below: the case's other entries hold its stored versions and earlier
    # summaries (megabytes each for a large case), which nothing here needs
    events = sorted((e for kind in ("objection", "objection-answer", "state-change")
                     for e in reg.events(case_id=case_id, kind=kind)), key=lambda e: e.index)
    still_open = {e.index for e in open_objections(reg, case_id)}
    judged = _judged(events, judge, case_id)
    answers: dict[int, list[dict[str, Any]]] = {}
    for e in events:
        if e.kind == "objection-answer" and isinstance(e.payload.get("objection"), int):
            answers.setdefault(e.payload["objection"], []).append(e.payload)
    logged = []
    for e in events:
        if e.kind != "objection":
            continue
        p = e.payload
        got = answers.get(e.index, [])
        said = next((a for a in reversed(got) if a.get("answer")), None)
        answer = None if said is None else str(said.get("answer"))
        answered_by = None if said is None else str(said.get("role", "")) or None
        if e.index in judged:
            st = judged[e.index]
            status = "open" if st is None or st.status == "open" else st.status
            if st is not None and st.status == "answered":
                answer, answered_by = st.answer, st.answered_by
            elif st is not None and st.status == "upheld":
                answered_by = st.answered_by
        elif any(a.get("kind") == "uphold" for a in got):
            status = "upheld"
        elif e.index in still_open:
            status = "open"
        else:
            status = "answered"  # closed: an accepted answer (or recorded as closed)
        logged.append(LoggedObjection(
            index=e.index, role=str(p.get("role", "")), person=str(p.get("person", "")),
            date=e.recorded_at[:10], reason=str(p.get("reason", "")), status=status,
            answer=answer, answered_by=answered_by))
    changes = [e for e in events if e.kind == "state-change"]
    return RegistryFacts(version=version, state=reg.case_state(case_id), restricted_to=reg.case_restriction(case_id),
                         state_since=changes[-1].recorded_at if changes else None, objections=tuple(logged))
