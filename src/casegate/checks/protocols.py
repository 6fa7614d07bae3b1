"""Pre-registration: what one evaluation run did, as the comparable text a registered protocol
fixes (`casegate.model.protocol_plan`), and how a run departs from the protocol in force when it
started."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from .._record import FrozenRecord
from ..evidence import EvidenceFacts
from ..model import Case, Evidence

if TYPE_CHECKING:
    from ..model import RegisteredProtocol

PLAN_NAMES = {"metric": "metric", "reduction": "reduction", "tasks": "task set", "variant": "variant",
              "attempts": "attempts", "scaffold": "scaffold", "tools": "tools", "budget_tokens": "token budget",
              "model": "model", "samples": "sample size"}
"""How messages name each key of a plan."""


def instant(t: str | None) -> dt.datetime | None:
    """An ISO 8601 time as an aware datetime (UTC when it names no zone), or None."""
    if not t:
        return None
    try:
        v = dt.datetime.fromisoformat(t.replace("Z", "+00:00"))
    except ValueError:
        return None
    return v if v.tzinfo is not None else v.replace(tzinfo=dt.UTC)


def registered_at(p: RegisteredProtocol) -> dt.datetime | None:
    """When the protocol took effect: the later of its signing and its logging."""
    s, lg = instant(p.signed_at), instant(p.logged_at)
    return None if s is None or lg is None else max(s, lg)


def shown_tasks(value: str) -> str:
    """A plan's task set (JSON) in words."""
    try:
        entries = json.loads(value)
    except ValueError:
        return value
    out = []
    for t in entries if isinstance(entries, list) else []:
        words = [str(t.get("name") or "any task")]
        if t.get("version"):
            words.append(f"version {t['version']}")
        if t.get("digest"):
            words.append(f"samples {str(t['digest'])[:19]}")
        out.append(" ".join(words))
    return ", ".join(out) or "none"


def shown(key: str, value: str | None) -> str:
    if value is None:
        return "not recorded"
    if key == "tasks":
        return shown_tasks(value)
    if key == "model":
        return value[:19] + "..."
    return value


class RunValues(FrozenRecord):
    """What one run did, for each key a plan may fix (None where the run does not show it)."""

    _fields = ("values", "task", "digests")
    values: dict[str, str | None]
    task: tuple[str | None, str | None, str | None]
    """(name, version, sample digest) of the task the run ran."""
    digests: tuple[str, ...]
    """The case's model digests (a run evaluates the case's model)."""

    def __init__(self, values: dict[str, str | None], task: tuple[str | None, str | None, str | None],
                 digests: tuple[str, ...]) -> None:
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "task", task)
        object.__setattr__(self, "digests", digests)


def run_values(case: Case, eid: str, ev: Evidence, facts: EvidenceFacts | None) -> RunValues:
    r, s, e = ev.result, ev.source, ev.elicitation
    run = facts.derived(eid) if facts is not None else None
    name = (run.task if run is not None else None) or (s.task if s is not None else None) or ev.task
    version = s.task_version if s is not None else None
    digest = run.sample_digest if run is not None else None
    vals: dict[str, str | None] = {
        "metric": (r.metric if r is not None else None) or (s.scorer if s is not None else None),
        "reduction": r.reduction if r is not None else None,
        "variant": e.variant.value if e is not None else None,
        "attempts": str(e.attempts) if e is not None else None,
        "scaffold": e.scaffold.value if e is not None else None,
        "tools": (", ".join(sorted(e.tools)) or "none") if e is not None else None,
        "budget_tokens": str(e.budget_tokens) if e is not None and e.budget_tokens is not None else None,
        "samples": str(r.trials) if r is not None and r.trials is not None else None,
    }
    return RunValues(vals, (name, version, digest), tuple(case.system.digests))


def _metric_same(want: str, got: str | None) -> bool:
    return got is not None and (got == want or got.rsplit("/", 1)[-1] == want or got.split("/", 1)[0] == want)


def departures(plan: dict[str, str], run: RunValues) -> list[str]:
    """Each way the run departs from `plan`, in words."""
    out: list[str] = []
    for key, want in plan.items():
        label = PLAN_NAMES.get(key, key)
        if key == "model":
            if want not in run.digests:
                out.append(f"model: the protocol names {shown(key, want)}, the case's model is "
                           f"{', '.join(d[:19] + '...' for d in run.digests)}")
            continue
        if key == "tasks":
            try:
                entries = json.loads(want)
            except ValueError:
                entries = []
            name, version, digest = run.task
            ok = any(isinstance(t, dict)
                     and (t.get("name") is None or t.get("name") == name)
                     and (t.get("version") is None or t.get("version") == version)
                     and (t.get("digest") is None or t.get("digest") == digest)
                     and (t.get("name") or t.get("digest"))
                     for t in entries)
            if not ok:
                ran = " ".join(x for x in (name or "an unrecorded task", f"version {version}" if version else None,
                                           f"samples {digest[:19]}" if digest else None) if x)
                out.append(f"{label}: planned {shown_tasks(want)}, ran {ran}")
            continue
        got = run.values.get(key)
        same = _metric_same(want, got) if key == "metric" else got == want
        if not same:
            out.append(f"{label}: planned {shown(key, want)}, ran {shown(key, got)}")
    return out


def in_force(protocols: list[RegisteredProtocol], policy: str, threshold: str,
             started: dt.datetime) -> tuple[RegisteredProtocol | None, list[RegisteredProtocol], list[str]]:
    """(the trusted protocol for `threshold` in force when a run started, the trusted ones
    registered after it, why each untrusted one counts for nothing)."""
    mine = [p for p in protocols if p.policy == policy and p.threshold == threshold]
    untrusted = [f"protocol {p.id or '?'} (log entry {p.log_index}): {p.problems[0]}" for p in mine if p.problems]
    trusted = [(registered_at(p), p) for p in mine if not p.problems and p.log_index is not None]
    before = [(t, p) for t, p in trusted if t is not None and t < started]
    after = [p for t, p in trusted if t is not None and t >= started]
    best = max(before, key=lambda tp: (tp[0], tp[1].log_index or 0))[1] if before else None
    return best, after, untrusted
