"""A monitor gone quiet, or a breaching reading no trigger run applied, stops the deploy offline too.

A state proof is the log as of its checkpoint; a deploy may present it up to the age the trust root
allows (a day in the example). `verify --db` evaluates the case's monitors itself
(`casegate.monitor.triggers_owed`): a monitor with no reading for longer than its `max_silence`
reopens the case, a breaching reading moves it as its trigger says. A state proof carries no case
files, so the decision signs the approved version's monitors (`signed_monitors`, judged by the
registry against the stored version) and `verify` evaluates them against the readings the proof
holds and the time judged:

- silence: a stretch from the approval, or from a reading the proof holds, to the next or to the
  time judged, longer than the monitor's `max_silence` (its window by default), that no
  `trigger-fired` entry of the monitor applied. Online such silence is owed (withdraw where a breach
  withdraws, else reopen): nothing is left to deploy, so a stretch the proof shows stops the deploy.
  A reading logged after the checkpoint is not in the proof, so a proof older than the silence
  allows cannot show the monitor heard: not verified, with the reason;
- breach: a reading the proof holds, taken from one window (or its `max_silence`, when longer) before
  the approval on, that crosses the
  monitor's threshold, with no `trigger-fired` entry of that monitor, whose action leaves nothing
  to deploy across the boundary asked for. Every breaching reading is held to count (whether its
  telemetry signature counts is not judged offline: fail closed).

Where readings must be signed (the policy's `post_deployment.signed_telemetry`, or a telemetry key
in the keyring), which of them end a silence cannot be established offline, so none does. A
decision that does not sign its monitors (made by an older casegate) cannot be evaluated so: not
verified."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from ..model import BoundaryKind, Case

SIGNED_MONITORS = "monitors"
"""The decision predicate's field: the approved version's monitors and what a breach of each does."""

_APPROVING = ("approved", "approved-with-conditions", "restricted")
_OPS = {">": lambda a, b: a > b, ">=": lambda a, b: a >= b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b}


def signed_monitors(case: Case) -> list[dict[str, Any]]:
    """The case's monitors as the decision signs them: one entry for each (trigger, monitor) pair
    that acts on a breach (a monitor no trigger names acts with its own action, under its own
    id), with the signal, comparison, threshold, window and silence allowed, and the action."""
    pd = case.post_deployment
    if pd is None:
        return []
    pairs: list[tuple[str, Any, str]] = []
    named: set[str] = set()
    for tid, t in sorted(pd.triggers.items()):
        if t.on != "monitor":
            continue
        for mid in [t.monitor] if t.monitor else sorted(pd.monitors):
            if mid in pd.monitors:
                pairs.append((tid, t, mid))
                named.add(mid)
    pairs += [(mid, None, mid) for mid in sorted(pd.monitors) if mid not in named]
    out = []
    for tid, t, mid in pairs:
        m = pd.monitors[mid]
        action, to = (t.action, t.to) if t is not None else (m.action, m.to)
        out.append({"id": tid, "monitor": mid, "signal": m.signal, "op": m.op,
                    "threshold": m.threshold if math.isfinite(m.threshold) else str(m.threshold),
                    "window": m.window, "max_silence": m.max_silence or m.window,
                    "action": action, "to": to.value if to is not None else None})
    return out


def _iso(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _instant(raw: object) -> dt.datetime | None:
    try:
        t = dt.datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    except ValueError:
        return None
    return t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)


def _readings(entries: Sequence[Any], case_id: str) -> dict[str, list[tuple[dt.datetime, float, dt.datetime, bool]]]:
    """(taken, value, logged, in the rows) of every reading the proof's `monitor-samples` entries
    of the case hold, per signal: the entry's rows, and the readings of the case its signed batch
    holds that the rows leave out (`in the rows` false: as online, such a reading counts as a
    breach and shows no monitor heard). A row that cannot be read is left out (it ends no
    silence; a breach it might be is not seen: see `monitor_problems`, which names such rows)."""
    from ..sign import batch_readings

    out: dict[str, list[tuple[dt.datetime, float, dt.datetime, bool]]] = {}
    for e in entries:
        if e.kind != "monitor-samples" or e.case_id != case_id or not isinstance(e.payload, dict):
            continue
        logged = _instant(e.recorded_at)
        rows = e.payload.get("samples")
        if logged is None or not isinstance(rows, list):
            continue
        have: set[tuple[str, dt.datetime, float]] = set()
        for row in rows:
            if not isinstance(row, (list, tuple)) or len(row) != 3:
                continue
            taken = _instant(row[1])
            try:
                value = float(row[2])
            except (TypeError, ValueError):
                continue
            if taken is not None:
                out.setdefault(str(row[0]), []).append((taken, value, logged, True))
                have.add((str(row[0]), taken, value))
        if isinstance(e.payload.get("envelope"), dict):
            for signal, taken, value in batch_readings(e.payload["envelope"], case_id):
                if (signal, taken, value) not in have:
                    have.add((signal, taken, value))
                    out.setdefault(signal, []).append((taken, value, logged, False))
    return out


def _numbers_skipped(entries: Sequence[Any], case_id: str, approved_at: dt.datetime
                     ) -> tuple[int, int, int, dt.datetime] | None:
    """(first number missing, the number logged after it, its log entry, when logged) of the first
    gap in the numbers the proof's signed batches give the case (`sequence`, as each batch claims
    it), where the batch after the gap was logged after the approval; None when there is none.
    Online such a gap is a withheld batch (where readings must be signed), fired on every monitor."""
    from ..sign import claimed_readings

    numbered: dict[int, tuple[int, dt.datetime]] = {}
    for e in entries:
        if e.kind != "monitor-samples" or e.case_id != case_id or not isinstance(e.payload, dict):
            continue
        got = claimed_readings(e.payload.get("envelope"))
        logged = _instant(e.recorded_at)
        raw = got[1].get("sequence") if got is not None else None
        n = raw.get(case_id) if isinstance(raw, dict) else None
        if type(n) is int and n >= 1 and logged is not None:
            numbered.setdefault(n, (int(e.index), logged))
    prev = 0
    for n in sorted(numbered):
        index, logged = numbered[n]
        if n > prev + 1 and logged > approved_at:
            return prev + 1, n, index, logged
        prev = n
    return None


def _leaves(action: object, to: object, requested: BoundaryKind) -> str | None:
    """What `action` (to boundary `to`), applied, leaves of a deploy across `requested`; None when
    it still allows it."""
    if action == "restrict":
        try:
            narrower = BoundaryKind(str(to))
        except ValueError:
            return "reopened (a restriction to no named boundary reopens the case)"
        return None if requested.rank <= narrower.rank else f"restricted to {narrower.value}, narrower than {requested.value}"
    return {"withdraw": "withdrawn", "reopen": "reopened"}.get(str(action), f"moved ({str(action)[:40]})")


def _silence_reason(m: dict[str, Any], case_id: str, signal: str, last: dt.datetime, end: dt.datetime,
                    approved_at: dt.datetime, proof_at: dt.datetime, requested: BoundaryKind, *, shown: bool,
                    signed_telemetry: bool) -> str:
    """Why a stretch with no reading heard, from `last` to `end`, longer than the monitor's
    `max_silence`, stops the deploy: `shown`, the proof shows it (it ends at a reading, or the
    checkpoint was signed after the limit ran out), and a silent monitor's action (online:
    withdraw if a breach withdraws, else reopen) leaves nothing to deploy; otherwise the limit ran
    out after the checkpoint, and whether the monitor was heard since cannot be established."""
    mid, limit = str(m.get("monitor")), m.get("max_silence")
    heard = (f"its last reading of {signal} the state proof holds was heard {_iso(last)}" if last > approved_at
             else f"the state proof holds no reading of {signal} heard since the approval ({_iso(approved_at)})")
    if signed_telemetry:
        return (f"monitor {mid}: its readings must be signed, and which of those the state proof holds count is "
                f"not judged offline, so none ends a silence: from the approval ({_iso(approved_at)}) to "
                f"{_iso(end)} is longer than the max_silence of {limit} it may be silent, and whether it was heard "
                "cannot be established from this proof (a silent monitor reopens the case), so the deploy is not "
                "verified: verify with --db")
    if shown:
        action = "withdraw" if m.get("action") == "withdraw" else "reopen"
        left = _leaves(action, None, requested) or "reopened"
        return (f"monitor {mid}: {heard}, and none from then to {_iso(end)}: longer than the max_silence of "
                f"{limit} it may be silent, and no `casegate triggers run` has applied it: a silent monitor "
                f"cannot show a breach, and applied ({action}) it leaves the case {left} (run `casegate triggers "
                f"run --case {case_id}`, then make a new state proof, or verify with --db)")
    return (f"monitor {mid}: {heard}; by {_iso(end)} that is longer than the max_silence of {limit} it may be "
            f"silent, and its checkpoint was signed {_iso(proof_at)}, before the limit ran out: whether the monitor "
            "was heard since cannot be established from this proof (a silent monitor reopens the case), so the "
            "deploy is not verified: make a fresh state proof, or verify with --db")


def monitor_problems(proven: Any, pred: dict[str, Any], requested: BoundaryKind, at: dt.datetime, *,
                     signed_telemetry: bool) -> list[str]:
    """Why the state `proven` shows (a `ProvenState`) does not allow a deploy across `requested` at
    `at` by the decision's signed monitors (see the module's description). `signed_telemetry`:
    whether the case's readings must be signed (then no reading ends a silence offline)."""
    from ..checks._text import parse_window
    from ._reapproval import last_approval

    case_id = proven.case_id
    if proven.state not in _APPROVING:
        return []  # the proven state says no already
    approval = last_approval(proven.events(case_id, "state-change"))
    approved_at = _instant(approval.recorded_at) if approval is not None else None
    if approval is None or approved_at is None or at < approved_at:
        return []
    raw = pred.get(SIGNED_MONITORS)
    if not isinstance(raw, list) or not all(isinstance(m, dict) for m in raw):
        return ["the decision does not sign its monitors (it was made by an older casegate), so whether a monitor "
                "went quiet or read a breach since the approval cannot be established from the state proof: verify "
                "with --db, or decide again with `casegate decide` and approve that decision"]
    fired = [(str(e.payload.get("trigger")), str(e.payload.get("cause")))
             for e in proven.events(case_id, "trigger-fired") if isinstance(e.payload, dict)]
    entries = [*proven.earlier, *proven.tail]
    readings = _readings(entries, case_id)
    proof_at = proven.signed_at
    out: list[str] = []
    for m in raw:
        tid, mid, signal = str(m.get("id")), str(m.get("monitor")), str(m.get("signal"))
        window = parse_window(str(m.get("window")))
        limit = parse_window(str(m.get("max_silence")))
        op = _OPS.get(str(m.get("op")))
        try:
            threshold = float(m.get("threshold"))
        except (TypeError, ValueError):
            threshold = math.nan
        if window is None or limit is None or op is None or not math.isfinite(threshold):
            out.append(f"monitor {mid}: the decision signs it in a form that cannot be read ({str(m)[:200]}), so "
                       "whether it went quiet or read a breach cannot be established: not verified")
            continue
        rows = sorted(readings.get(signal, []))
        # breach: the first breaching reading taken from one window before the approval to `at`
        reach = max(window, limit)  # as online: the longer of its window and the silence it may keep
        breach = next(((t, v) for t, v, logged, _ in rows if approved_at - reach <= t <= at and logged <= proof_at
                       and op(v, threshold)), None)
        if breach is not None and not any(f == tid and c.startswith(f"monitor:{mid}:") for f, c in fired):
            left = _leaves(m.get("action"), m.get("to"), requested)
            if left is not None:
                out.append(f"monitor {mid}: the state proof holds a reading of {signal} of {breach[1]:.6g} taken "
                           f"{_iso(breach[0])}, {m.get('op')} {threshold:g}, which fires the decision's trigger {tid} "
                           f"({m.get('action')}); no `casegate triggers run` has applied it, so the state the proof "
                           f"shows is not the case's: applied, it leaves the case {left} (run `casegate triggers run "
                           f"--case {case_id}`, then make a new state proof)")
        # silence: every stretch since the approval with no reading heard, up to `at`
        heard = [] if signed_telemetry else sorted(max(t, logged) for t, _v, logged, in_rows in rows
                                                   if t > approved_at and in_rows)
        last = approved_at
        for h in [*heard, None]:
            end = at if h is None else min(h, at)
            if end - last > limit:
                cause = f"monitor-silent:{mid}:{_iso(last)}"
                if not any(c == cause for _f, c in fired):
                    out.append(_silence_reason(m, case_id, signal, last, end, approved_at, proof_at, requested,
                                               shown=h is not None or proof_at - last > limit,
                                               signed_telemetry=signed_telemetry and bool(rows)))
                    break  # the first stretch stops it; a later one would say the same
            if h is None or h >= at:
                break
            last = max(last, h)
    skipped = _numbers_skipped(entries, case_id, approved_at) if signed_telemetry else None
    if skipped is not None and not any(c.startswith(("monitor-withheld:", "monitor-handover:", "monitor-renumbered:",
                                                     "monitor-v1:")) for _f, c in fired):
        missing, after, index, logged = skipped
        out.append(f"the case's signed batches of readings the state proof holds skip number {missing}, though batch "
                   f"{after} was logged (log entry {index}, {_iso(logged)}) after the approval: a withheld batch could "
                   "hold a breach (online it reopens the case, or withdraws it where a breach would), and which "
                   "batches count is not judged offline, so the deploy is not verified: run `casegate triggers run "
                   f"--case {case_id}`, or verify with --db")
    return out
