"""Applying signed waivers to findings: a waived finding stays in every report, marked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..model import Finding, Policy, Waiver, never_waivable

if TYPE_CHECKING:
    # (the registry's dates: their models are built only where a registry is consulted)
    from ..model import SignoffDates


def waiver_problem(w: Waiver, policy: Policy, today: dt.date) -> str | None:
    """Why the policy does not accept `w` on `today`, or None when it does. A rule that can never
    be waived (`NEVER_WAIVABLE`) refuses every waiver, whatever the policy lets its roles do."""
    always = never_waivable(w.code)
    if always is not None:
        return f"waiver of {w.code} by {w.person} set aside: {always}"
    wp = policy.waivers
    blocked = [p for p in wp.non_waivable if w.code.startswith(p)]
    if blocked:
        return f"{w.code} cannot be waived under policy `{policy.id}` (non-waivable: {blocked[0]})"
    # the most specific entry (a full code over a family prefix) decides
    keys = [k for k in wp.roles if w.code.startswith(k)]
    allowed = sorted(wp.roles[max(keys, key=len)]) if keys else []
    if w.role not in allowed:
        who = ", ".join(allowed) if allowed else "no role"
        return f"role `{w.role}` may not waive {w.code} under policy `{policy.id}` (allowed: {who})"
    try:
        until = dt.date.fromisoformat(w.until[:10])
    except ValueError:
        return f"waiver of {w.code} has an unreadable `until` date {w.until!r}"
    if until < today:
        return f"waiver of {w.code} by {w.person} lapsed on {until.isoformat()}"
    if (until - today).days > wp.max_days:
        return (f"waiver of {w.code} by {w.person} runs to {until.isoformat()}, longer than the "
                f"policy's {wp.max_days} days")
    return None


def logged_waiver_spans(waivers: Iterable[Waiver], dates: SignoffDates, max_days: int) -> tuple[list[Waiver], list[str]]:
    """The waivers that run no longer than `max_days` counted from the earliest of their stated
    `signed_at` and when the registry first logged their envelope (a waiver existed by then,
    whatever date its signer typed), and why each other one is set aside."""
    keep: list[Waiver] = []
    problems: list[str] = []
    for w in waivers:
        got = dates.waivers.get(w.envelope) if w.envelope is not None else None
        try:
            signed = dt.date.fromisoformat(str(w.signed_at)[:10])
            until = dt.date.fromisoformat(w.until[:10])
        except ValueError:
            got = None  # `check_waivers` has set such a waiver aside already
        if got is not None:
            logged = got.at.astimezone(dt.UTC).date()
            if logged < signed and (until - logged).days > max_days:
                problems.append(
                    f"waiver {w.envelope}: runs {(until - logged).days} days from when the registry first logged it "
                    f"(entry {got.index}, {logged.isoformat()}; it is dated {signed.isoformat()}) to "
                    f"{until.isoformat()}, longer than the policy's {max_days} days")
                continue
        keep.append(w)
    return keep, problems


def covers(w: Waiver, code: str, path: Sequence[str | int]) -> bool:
    """Whether waiver `w` applies to a finding with this code and path (an empty path: every
    finding of the code)."""
    return w.covers(code, path)


def unrecallable(boundary: str) -> str:
    """Why no waiver applies at `boundary`, where the weights are downloaded (`weights_access`)."""
    return (f"at {boundary} the weights are downloaded: a waived finding is a condition to resolve before the "
            "waiver lapses, and by then every copy taken stays out (a release that cannot be recalled cannot "
            "rest on what is done after it)")


def apply_waivers(
    findings: list[Finding], waivers: Iterable[Waiver], policy: Policy, today: dt.date,
    downloaded: str | None = None,
) -> tuple[list[Finding], list[str]]:
    """Mark the findings each acceptable waiver covers (same code; same path when the waiver names
    one). Returns the findings and, for each waiver not applied, why. `downloaded`: the boundary,
    where users across it download the weights; then no waiver applies (`unrecallable`)."""
    out = list(findings)
    rejected: list[str] = []
    for w in waivers:
        problem = waiver_problem(w, policy, today)
        if problem is None and downloaded is not None:
            problem = f"waiver of {w.code} by {w.person} set aside: {unrecallable(downloaded)}"
        if problem is not None:
            rejected.append(problem)
            continue
        hit = False
        for i, f in enumerate(out):
            if f.waived is None and covers(w, f.code, f.path):
                out[i] = f.model_copy(update={"waived": w})
                hit = True
        if not hit:
            where = f" at {'.'.join(map(str, w.path))}" if w.path else ""
            rejected.append(f"waiver of {w.code}{where} by {w.person} matches no finding")
    return out, rejected
