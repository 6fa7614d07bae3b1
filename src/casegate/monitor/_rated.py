"""An incident's severity as it is judged: the highest of what its reporter recorded and every
rating the log holds for it since. Every reader that shows or compares an incident's severity
(triggers, history, comparison with earlier versions, regime documents, the board) reads it here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Severity
from ..model._base import name_key
from ._versions import parse_recorded

if TYPE_CHECKING:
    from ..store import LogEntry, Registry

RATED = "incident-severity"
"""Log event: an incident's severity raised after it was recorded (see `raise_severity`)."""


def ratings_in(events: Iterable[LogEntry], at: dt.datetime | None = None) -> dict[int, Severity]:
    """Per incident, the highest severity the rating entries among `events` (by `at`, when given)
    gave it; entries of other kinds are passed over."""
    out: dict[int, Severity] = {}
    for e in events:
        if e.kind != RATED or (at is not None and parse_recorded(e.recorded_at) > at):
            continue
        try:
            idx, sev = int(e.payload["incident"]), Severity(e.payload["severity"])
        except (KeyError, TypeError, ValueError):
            continue  # names no incident or no severity: it rates nothing
        if idx not in out or sev.rank > out[idx].rank:
            out[idx] = sev
    return out


def rated_severities(reg: Registry, case_id: str, at: dt.datetime | None = None) -> dict[int, Severity]:
    """Per incident of the case, the highest severity any rating the log recorded (by `at`, when
    given) gave it. A rating only ever raises: an incident is judged at the highest of its recorded
    severity and every rating, so a rating entry appended with a lower severity changes nothing."""
    return ratings_in(reg.events(case_id, RATED), at)


def incident_severity(recorded: Severity, rated: Severity | None) -> Severity:
    """The severity an incident is judged at: the higher of what its reporter recorded and any
    rating since."""
    return rated if rated is not None and rated.rank > recorded.rank else recorded


def judged_severity(recorded: object, rated: Severity | None) -> Severity | None:
    """`incident_severity` for a logged incident's `severity` field as the log holds it (another
    writer's entry may hold none, or no severity casegate knows): None when neither it nor a
    rating gives one."""
    try:
        mine: Severity | None = Severity(str(recorded))
    except ValueError:
        mine = None
    if mine is None:
        return rated
    return incident_severity(mine, rated)


def severity_shown(recorded: object, rated: Severity | None) -> str:
    """An incident's severity in words: the judged one, with what its reporter recorded when a
    rating raised it ("low, raised to severe")."""
    judged = judged_severity(recorded, rated)
    if judged is None:
        return str(recorded) if recorded is not None else "no severity recorded"
    if str(recorded) == judged.value:
        return judged.value
    return f"{recorded if recorded is not None else 'none recorded'}, raised to {judged.value}"


DOMAIN_ADDED = "incident-domain"
"""Log event: a risk domain added to an incident after it was recorded (see `add_domain`)."""


def domain_added(entry: LogEntry) -> tuple[int, str] | None:
    """The incident and the domain a domain entry adds (None: it names no incident or no domain,
    so it adds nothing)."""
    try:
        idx, domain = int(entry.payload["incident"]), entry.payload["domain"]
    except (KeyError, TypeError, ValueError):
        return None
    return (idx, domain.strip()) if isinstance(domain, str) and domain.strip() else None


def added_domains_in(events: Iterable[LogEntry], at: dt.datetime | None = None) -> dict[int, list[str]]:
    """Per incident, the domains the domain entries among `events` (by `at`, when given) added to
    it, in log order; entries of other kinds are passed over."""
    out: dict[int, list[str]] = {}
    for e in events:
        if e.kind != DOMAIN_ADDED or (at is not None and parse_recorded(e.recorded_at) > at):
            continue
        got = domain_added(e)
        if got is not None:
            out.setdefault(got[0], []).append(got[1])
    return out


def added_domains(reg: Registry, case_id: str, at: dt.datetime | None = None) -> dict[int, list[str]]:
    """Per incident of the case, the domains anyone added to it since it was recorded (by `at`,
    when given). An addition only ever adds: no entry takes a domain away."""
    return added_domains_in(reg.events(case_id, DOMAIN_ADDED), at)


def incident_domains(recorded: object, added: Iterable[str] = ()) -> tuple[str, ...]:
    """The risk domains an incident is judged in: the one its reporter recorded (when the entry
    holds a readable one) and every domain added since, each once (names compared as the case
    compares them). Every reader of an incident's domain (triggers, report clocks and the classes
    its fields hold owed, history, regime documents, `incident show`, the board) reads it here."""
    out: list[str] = []
    seen: set[str] = set()
    for d in ([recorded] if isinstance(recorded, str) and recorded.strip() else []) + list(added):
        if name_key(d) not in seen:
            seen.add(name_key(d))
            out.append(d)
    return tuple(out)


def domains_shown(recorded: object, added: Iterable[str] = ()) -> str:
    """An incident's domains in words: the reporter's, with those added since ("persuasion, cyber
    added"); "no domain recorded" when there are none."""
    judged = incident_domains(recorded, added)
    if not judged:
        return "no domain recorded"
    mine = incident_domains(recorded)
    later = [d for d in judged if d not in mine]
    return ", ".join(mine or ("none recorded",)) + (f", {', '.join(later)} added" if later else "")


ATTACK_NAMED = "incident-attack"
"""Log event: the attack an incident came through named after it was recorded, or its coming
through none recorded (see `name_attack`)."""


def attacks_in(events: Iterable[LogEntry], at: dt.datetime | None = None) -> dict[int, tuple[list[str], str | None]]:
    """Per incident, the attacks the attack entries among `events` (by `at`, when given) named, in
    log order, and who recorded that it came through none and why (the last such entry; None where
    none did); entries of other kinds, and entries naming no incident, are passed over."""
    out: dict[int, tuple[list[str], str | None]] = {}
    for e in events:
        if e.kind != ATTACK_NAMED or (at is not None and parse_recorded(e.recorded_at) > at):
            continue
        p = e.payload
        try:
            idx = int(p["incident"])
        except (KeyError, TypeError, ValueError):
            continue
        named, none = out.get(idx, ([], None))
        attack = p.get("attack")
        if isinstance(attack, str) and attack.strip():
            if attack.strip() not in named:
                named = [*named, attack.strip()]
        elif p.get("none") is True:
            none = f"{p.get('by') or 'someone unnamed'}: {p.get('reason') or 'no reason given'}"
        out[idx] = (named, none)
    return out


def incident_attacks(reg: Registry, case_id: str, at: dt.datetime | None = None) -> dict[int, tuple[list[str], str | None]]:
    """Per incident of the case, the attacks anyone named for it since it was recorded (by `at`,
    when given), and who recorded that it came through none. A named attack is never taken away:
    an incident is judged by its recorded attack and every attack named since, and a record of none
    counts only while no attack is named."""
    return attacks_in(reg.events(case_id, ATTACK_NAMED), at)


def incident_attack_names(recorded: object, added: Iterable[str] = ()) -> tuple[str, ...]:
    """The attacks an incident is judged to have come through: the one its reporter recorded (when
    the entry holds one) and every attack named since, each once."""
    out: list[str] = []
    for a in ([recorded] if isinstance(recorded, str) and recorded.strip() else []) + list(added):
        if a not in out:
            out.append(a)
    return tuple(out)
