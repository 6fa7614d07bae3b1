"""Approving a case again after the registry reopened, restricted or withdrew it. The sign-offs an
earlier approval rested on were given to an argument the world has since defeated (an incident, a
breached monitor, an act of the case's authorities): a signature made before the case was last
reopened does not count towards approving it again, and after a trigger fired the very same case
(the same case digest the signers sign) cannot be approved again. The registry holds an approval
to this when it judges it (`casegate.approve`), and `verify` when it reads the registry's log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from ..sign import LogTimes, Signed, envelope_sha256, iso, parse_instant

REOPENING_STATES = ("reopened", "restricted", "withdrawn")
"""States that take an approval back: a case leaves them approved only on signatures made after."""

APPROVING_STATES = ("approved", "approved-with-conditions")


def cause_text(change: Any) -> str:
    """Why the registry moved the case, in words (the incident or trigger behind a reopening)."""
    cause = change.payload.get("cause") or {}
    words = cause.get("reason") or cause.get("summary") or cause.get("type") or "no cause recorded"
    kind = cause.get("type")
    what = f"{kind}: {words}" if kind and kind != words else str(words)
    return f"{what} (log entry {change.index}, {change.recorded_at[:10]})"


def _recorded(change: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(str(change.recorded_at).replace("Z", "+00:00"))


def last_reopening(changes: Sequence[Any], before: int | None = None) -> Any | None:
    """The last state change (log order) that reopened, restricted or withdrew the case, among
    those logged before index `before` (all of them when None)."""
    hits = [c for c in changes if c.payload.get("to") in REOPENING_STATES and (before is None or c.index < before)]
    return max(hits, key=lambda c: c.index) if hits else None


def last_approval(changes: Sequence[Any], before: int | None = None) -> Any | None:
    """The last state change that approved the case on a decision (before index `before`)."""
    hits = [c for c in changes if (c.payload.get("cause") or {}).get("type") == "decision"
            and c.payload.get("to") in APPROVING_STATES and (before is None or c.index < before)]
    return max(hits, key=lambda c: c.index) if hits else None


def standing_taking_back(changes: Sequence[Any]) -> Any | None:
    """The last state change that reopened, restricted or withdrew the case for a cause of its own
    (not `shared-weights`: following another case about the same weights), when no decision has
    approved the case since; None otherwise. Its being superseded since does not end it: what took
    the approval back was said of the weights, whatever case id they are filed under next."""
    own = [c for c in changes if c.payload.get("to") in REOPENING_STATES
           and (c.payload.get("cause") or {}).get("type") != "shared-weights"]
    if not own:
        return None
    last = max(own, key=lambda c: c.index)
    approval = last_approval(changes)
    return last if approval is None or approval.index < last.index else None


def signature_time(s: Signed, logged: LogTimes | None) -> tuple[dt.datetime | None, int | None, str]:
    """When `s` was signed: when the log first recorded it (and at which entry) where the log holds
    it, else the time its signer wrote (`signed_at`, no entry); and how that time is known, in
    words. (None, None, why) when no time can be read."""
    lt = logged.get(envelope_sha256(s.envelope)) if logged is not None else None
    if lt is not None:
        return lt.time, lt.index, f"logged at {iso(lt.time)} (log entry {lt.index})"
    raw = s.predicate.get("signed_at")
    try:
        t = parse_instant(str(raw))
    except Exception:  # noqa: BLE001 - any unreadable time fails closed below
        return None, None, f"its signed_at {str(raw)[:40]!r} is not a date-time"
    return t, None, f"signed at {iso(t)}"


def stale_signatures(reopening: Any, parts: Iterable[tuple[str, Signed]], logged: LogTimes | None, *,
                     other: str | None = None) -> list[str]:
    """Why each signature in `parts` (label, envelope) does not count towards approving the case
    again after `reopening` (the state change that reopened, restricted or withdrew it): it was
    signed before, or when it was signed cannot be established (fail closed). A signature the log
    holds is ordered by its entry; one it does not by its signed_at, which a signer writes in whole
    seconds: one in the very second of the reopening counts as before it. `other`: the id of the
    case `reopening` took back, another case about the same weights (`standing_taking_back`)."""
    state = str(reopening.payload.get("to"))
    since = _recorded(reopening).replace(microsecond=0)
    whose = "the case" if other is None else f"case {other}, about the same weights,"
    what = f"{whose} was {state} (log entry {reopening.index}, {iso(_recorded(reopening))}: {cause_text(reopening)})"
    out: list[str] = []
    for label, s in parts:
        when, index, how = signature_time(s, logged)
        if when is None:
            out.append(f"{label}: when it was signed cannot be established ({how}), so it cannot be shown to "
                       f"postdate the last time {what}")
        elif index < reopening.index if index is not None else when <= since:
            out.append(f"{label} was {how}, before {what}: a signature given before a case was {state} does not "
                       "count towards approving it again" + ("" if other is None else
                                                             ", under any case id, whatever became of that case "
                                                             "since") + "; it must be signed anew on the case as it "
                       "now stands")
    return out


def signed_parts(decision: Signed | None, signoffs: Iterable[Signed]) -> list[tuple[str, Signed]]:
    """The signatures an approval rests on, labelled for messages: the decision and each sign-off."""
    out = [(f"the decision by {decision.person} as {decision.role!r}", decision)] if decision is not None else []
    out += [(f"the sign-off by {s.person} as {s.role!r}", s) for s in signoffs]
    return out
