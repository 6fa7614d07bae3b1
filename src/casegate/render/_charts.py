"""Charts of a decision as server-side SVG (no script, presentation attributes only, so any SVG
renderer draws them as a browser does):

- `threshold_chart`: per capability threshold, on one axis, the deciding evaluation's estimate,
  the one-sided upper bound the gate compares (the number the decision rests on, labelled), the
  alert level and the threshold;
- `risk_chart`: per harm pathway, the propagated residual-risk bound against the policy's
  tolerance, on a log scale;
- `timeline_chart`: a case's history (versions, decisions, incidents, triggers, state changes).

Rows whose numbers are withheld from an audience show "withheld" and no number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..gate import PathwayMeasure, ThresholdMeasure
from ..terminal import page_text

FONT = "Helvetica, Arial, sans-serif"
INK = "#1a1a1a"
MUTED = "#555555"
AXIS = "#9e9e9e"
GREEN = "#2e7d32"
AMBER = "#b45309"
RED = "#c62828"
STATUS_COLOUR = {"below-alert": GREEN, "between": AMBER, "reached": RED}
STATUS_WORDS = {"below-alert": "below the alert level", "between": "between alert and threshold",
                "reached": "threshold reached or not ruled out"}


def esc(text: object) -> str:
    """`text` for SVG text and attribute values: `&`, `<`, `>` and `"` as entities (what
    `xml.sax.saxutils.escape` writes with `"` added, without importing it: it loads `urllib`,
    a fifth of the charts' cost); bidirectional overrides and invisible characters shown as
    escapes (`page_text`)."""
    return page_text(str(text)).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace('"', "&quot;")


def _svg(width: float, height: float, title: str, desc: str, body: Iterable[str], ident: str) -> str:
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'font-family="{FONT}" font-size="12" fill="{INK}">',
        f'<title id="{ident}-t">{esc(title)}</title>',
        f'<desc id="{ident}-d">{esc(desc)}</desc>',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        *body,
        "</svg>",
    ])


def _nice_max(v: float) -> float:
    """The axis end: 1.0 for rates above 0.6, else the next 0.1 (or 0.05 below 0.2) above `v`."""
    if v > 0.6:
        return 1.0
    step = 0.05 if v < 0.2 else 0.1
    return min(1.0, math.ceil(v / step) * step)


def _fmt(v: float) -> str:
    return f"{v:.3f}".rstrip("0").rstrip(".") if v >= 0.001 else f"{v:.1e}"


def threshold_chart(thresholds: Sequence[ThresholdMeasure], *, withheld: Iterable[str] = (),
                    title: str = "Capability against each threshold") -> str:
    """One row per threshold. `withheld`: threshold or evidence ids whose numbers the audience
    may not see (their row says so and shows no number)."""
    hidden = set(withheld)
    left, right, row, top = 250.0, 40.0, 64.0, 64.0
    width = 760.0
    span = width - left - right
    top_val = max([t.value or 0 for t in thresholds] + [t.upper or 0 for t in thresholds
                                                          if t.threshold not in hidden and t.evidence not in hidden] + [0.1])
    xmax = _nice_max(top_val * 1.1)

    def x(v: float) -> float:
        return left + span * min(max(v, 0.0), xmax) / xmax

    height = top + row * max(len(thresholds), 1) + 34
    body = [f'<text x="16" y="24" font-size="15" font-weight="bold">{esc(title)}</text>',
            f'<text x="16" y="44" font-size="11" fill="{MUTED}">The gate decides on the one-sided upper '
            'confidence bound (◆); the dot is the measured rate. Amber line: alert level; red line: threshold.</text>']
    if not thresholds:
        body.append(f'<text x="16" y="{top + 20:.0f}" fill="{MUTED}">The policy sets no capability thresholds.</text>')
    for i, t in enumerate(thresholds):
        y = top + i * row + 26
        body.append(f'<g id="threshold-{esc(t.threshold)}">')
        body.append(f'<text x="16" y="{y - 4:.0f}" font-weight="bold">{esc(t.title)}</text>')
        if t.threshold in hidden or (t.evidence is not None and t.evidence in hidden):
            body.append(f'<text x="16" y="{y + 12:.0f}" font-size="11" fill="{MUTED}">{esc(t.threshold)}</text>')
            body.append(f'<text x="{left:.0f}" y="{y + 4:.0f}" fill="{MUTED}" font-style="italic">'
                        'withheld: the evaluation is redacted for this audience</text></g>')
            continue
        sub = (f"{t.successes}/{t.trials} in {t.evidence}: {STATUS_WORDS.get(t.status, t.status)}"
               if t.evidence is not None else "no evaluation counts")
        body.append(f'<text x="16" y="{y + 12:.0f}" font-size="11" fill="{MUTED}">{esc(sub)}</text>')
        body.append(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{left + span:.1f}" y2="{y:.1f}" stroke="{AXIS}" stroke-width="1"/>')
        if t.alert is not None:
            ax = x(t.alert)
            body.append(f'<line x1="{ax:.1f}" y1="{y - 14:.1f}" x2="{ax:.1f}" y2="{y + 14:.1f}" stroke="{AMBER}" '
                        f'stroke-width="2" stroke-dasharray="4 2"><title>alert level {_fmt(t.alert)}</title></line>')
            body.append(f'<text x="{ax:.1f}" y="{y + 26:.1f}" font-size="10" fill="{AMBER}" text-anchor="middle">'
                        f'alert {_fmt(t.alert)}</text>')
        if t.value is not None:
            tx = x(t.value)
            body.append(f'<line x1="{tx:.1f}" y1="{y - 16:.1f}" x2="{tx:.1f}" y2="{y + 16:.1f}" stroke="{RED}" '
                        f'stroke-width="2.5"><title>threshold {_fmt(t.value)}</title></line>')
            body.append(f'<text x="{tx:.1f}" y="{y + 26:.1f}" font-size="10" fill="{RED}" text-anchor="middle">'
                        f'threshold {_fmt(t.value)}</text>')
        if t.upper is None or t.estimate is None:
            body.append(f'<text x="{left + 6:.0f}" y="{y - 6:.0f}" fill="{RED}" font-size="11">'
                        'cannot be ruled out: no counting evaluation</text></g>')
            continue
        colour = STATUS_COLOUR.get(t.status, INK)
        ex, ux = x(t.estimate), x(t.upper)
        body.append(f'<line x1="{ex:.1f}" y1="{y:.1f}" x2="{ux:.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="4"/>')
        body.append(f'<circle cx="{ex:.1f}" cy="{y:.1f}" r="4" fill="#ffffff" stroke="{colour}" stroke-width="2">'
                    f'<title>measured rate {_fmt(t.estimate)}</title></circle>')
        body.append(f'<path d="M{ux:.1f},{y - 7:.1f}L{ux + 7:.1f},{y:.1f}L{ux:.1f},{y + 7:.1f}L{ux - 7:.1f},{y:.1f}Z" '
                    f'fill="{colour}"><title>upper bound {_fmt(t.upper)}</title></path>')
        label = f"upper bound {t.upper:.3f} ({t.confidence:.0%} one-sided)"
        anchor, lx = ("end", ux - 10) if ux > left + span * 0.55 else ("start", ux + 10)
        body.append(f'<text x="{lx:.1f}" y="{y - 10:.1f}" font-size="11" font-weight="bold" fill="{colour}" '
                    f'text-anchor="{anchor}">{esc(label)}</text></g>')
    ay = height - 14
    for k in range(0, 11):
        v = xmax * k / 10
        body.append(f'<text x="{x(v):.1f}" y="{ay:.0f}" font-size="9" fill="{MUTED}" text-anchor="middle">{_fmt(v) if v else "0"}</text>')
    desc = "; ".join(
        f"{t.title}: " + ("withheld" if t.threshold in hidden or t.evidence in hidden else
                          f"upper bound {t.upper:.3f}, alert {t.alert}, threshold {t.value}, {t.status}"
                          if t.upper is not None else "no counting evaluation")
        for t in thresholds)
    return _svg(width, height, title, desc or "no thresholds", body, "thresholds")


def risk_chart(pathways: Sequence[PathwayMeasure], *, withheld: Iterable[str] = (),
               title: str = "Residual risk against tolerance (per year, log scale)") -> str:
    """One row per pathway: the propagated upper bound on successful harms per year and the
    policy's tolerance, on a log axis. `withheld`: pathway ids the audience may not see."""
    hidden = set(withheld)
    # a pathway's numbers are withheld when it, or a test its bound rests on, is redacted
    held = {p.pathway for p in pathways if p.pathway in hidden or hidden.intersection(p.rests_on)}
    left, right, row, top = 260.0, 40.0, 52.0, 64.0
    width = 760.0
    span = width - left - right
    vals = [v for p in pathways if p.pathway not in held for v in (p.bound, p.tolerance) if v and v > 0]
    lo = math.floor(math.log10(min(vals))) - 1 if vals else -9
    hi = max(math.ceil(math.log10(max(vals))) + 1, lo + 2) if vals else 0
    hi = min(hi, 3)

    def x(v: float) -> float:
        lv = math.log10(v) if v > 0 else lo
        return left + span * (min(max(lv, lo), hi) - lo) / (hi - lo)

    height = top + row * max(len(pathways), 1) + 30
    body = [f'<text x="16" y="24" font-size="15" font-weight="bold">{esc(title)}</text>',
            f'<text x="16" y="44" font-size="11" fill="{MUTED}">◆ the propagated upper bound on successful '
            'harms per year; red line: the policy\'s tolerance for the pathway\'s severity.</text>']
    if not pathways:
        body.append(f'<text x="16" y="{top + 20:.0f}" fill="{MUTED}">The case names no harm pathways.</text>')
    for i, p in enumerate(pathways):
        y = top + i * row + 22
        body.append(f'<g id="pathway-{esc(p.pathway)}">')
        # a redacted pathway's title is as confidential as the rest of it: only its id is public
        name = ("(withheld pathway)" if p.pathway in hidden
                else p.title if len(p.title) <= 34 else p.title[:33] + "…")
        body.append(f'<text x="16" y="{y - 4:.0f}" font-weight="bold">{esc(name)}</text>')
        body.append(f'<text x="16" y="{y + 12:.0f}" font-size="11" fill="{MUTED}">{esc(p.pathway)} ({esc(p.severity)})</text>')
        if p.pathway in held:
            body.append(f'<text x="{left:.0f}" y="{y + 4:.0f}" fill="{MUTED}" font-style="italic">'
                        'withheld: the pathway or the tests its bound rests on are redacted for this audience</text></g>')
            continue
        body.append(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{left + span:.1f}" y2="{y:.1f}" stroke="{AXIS}" stroke-width="1"/>')
        if p.tolerance is not None:
            tx = x(p.tolerance)
            body.append(f'<line x1="{tx:.1f}" y1="{y - 14:.1f}" x2="{tx:.1f}" y2="{y + 14:.1f}" stroke="{RED}" '
                        f'stroke-width="2.5"><title>tolerance {p.tolerance:.0e} per year</title></line>')
        if p.bound is None:
            body.append(f'<text x="{left + 6:.0f}" y="{y - 6:.0f}" fill="{RED}" font-size="11">'
                        'no bound: attempts per year not estimated</text></g>')
            continue
        within = p.tolerance is None or p.bound <= p.tolerance
        colour = GREEN if within else RED
        bx = x(p.bound)
        body.append(f'<path d="M{bx:.1f},{y - 7:.1f}L{bx + 7:.1f},{y:.1f}L{bx:.1f},{y + 7:.1f}L{bx - 7:.1f},{y:.1f}Z" '
                    f'fill="{colour}"><title>upper bound {p.bound:.1e} per year</title></path>')
        words = f"{p.bound:.1e}/year" + (f" {'within' if within else 'above'} tolerance {p.tolerance:.0e}"
                                         if p.tolerance is not None else ", no tolerance set")
        anchor, lx = ("end", bx - 10) if bx > left + span * 0.55 else ("start", bx + 10)
        body.append(f'<text x="{lx:.1f}" y="{y - 10:.1f}" font-size="11" font-weight="bold" fill="{colour}" '
                    f'text-anchor="{anchor}">{esc(words)}</text></g>')
    ay = height - 12
    for e in range(lo, hi + 1):
        body.append(f'<text x="{x(10.0 ** e):.1f}" y="{ay:.0f}" font-size="9" fill="{MUTED}" text-anchor="middle">1e{e}</text>')
    desc = "; ".join(f"{p.pathway}: " + ("withheld" if p.pathway in held else
                                         f"bound {p.bound:.1e}/year, tolerance {p.tolerance}" if p.bound is not None
                                         else "no bound") for p in pathways)
    return _svg(width, height, title, desc or "no pathways", body, "risk")


@dataclass(frozen=True)
class TimelineEvent:
    """One dated thing in a case's history."""

    date: str
    """ISO date (or date-time; the first 10 characters are used)."""
    kind: str
    """version, decision, incident, trigger, state-change, publication, ..."""
    label: str


_KIND_COLOUR = {"version": "#37474f", "decision": "#1565c0", "incident": RED, "trigger": AMBER,
                "state-change": "#6a1b9a", "publication": GREEN}


def timeline_chart(events: Sequence[TimelineEvent], *, title: str = "The case over time") -> str:
    """The case's history on a time axis, one lane per kind of event, each event labelled."""
    import datetime as dt

    width, left, right = 760.0, 120.0, 30.0
    span = width - left - right
    kinds = [k for k in _KIND_COLOUR if any(e.kind == k for e in events)] + \
        sorted({e.kind for e in events} - set(_KIND_COLOUR))
    lane, top = 40.0, 56.0
    height = top + lane * max(len(kinds), 1) + 30
    body = [f'<text x="16" y="24" font-size="15" font-weight="bold">{esc(title)}</text>']
    if not events:
        body.append(f'<text x="16" y="{top + 10:.0f}" fill="{MUTED}">Nothing recorded yet.</text>')
        return _svg(width, height, title, "no events", body, "timeline")
    days = [dt.date.fromisoformat(e.date[:10]) for e in events]
    d0, d1 = min(days), max(days)
    total = max((d1 - d0).days, 1)

    def x(d: dt.date) -> float:
        return left + span * (d - d0).days / total

    for li, k in enumerate(kinds):
        y = top + li * lane + 14
        colour = _KIND_COLOUR.get(k, INK)
        body.append(f'<text x="16" y="{y + 4:.0f}" font-size="11" fill="{colour}" font-weight="bold">{esc(k)}</text>')
        body.append(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{left + span:.1f}" y2="{y:.1f}" stroke="#e0e0e0" stroke-width="1"/>')
        lane_events = [(d, e) for d, e in zip(days, events, strict=True) if e.kind == k]
        for j, (d, e) in enumerate(lane_events):
            ex = x(d)
            body.append(f'<circle cx="{ex:.1f}" cy="{y:.1f}" r="5" fill="{colour}"><title>{esc(e.date[:10])}: '
                        f'{esc(e.label)}</title></circle>')
            anchor = "end" if ex > left + span * 0.7 else "start"
            dx = -8 if anchor == "end" else 8
            dy = -8 if j % 2 == 0 else 16
            body.append(f'<text x="{ex + dx:.1f}" y="{y + dy:.1f}" font-size="10" fill="{colour}" '
                        f'text-anchor="{anchor}">{esc(e.label[:48])}</text>')
    ay = height - 10
    body.append(f'<text x="{left:.0f}" y="{ay:.0f}" font-size="9" fill="{MUTED}">{d0.isoformat()}</text>')
    body.append(f'<text x="{left + span:.0f}" y="{ay:.0f}" font-size="9" fill="{MUTED}" text-anchor="end">{d1.isoformat()}</text>')
    desc = "; ".join(f"{e.date[:10]} {e.kind}: {e.label}" for e in events)
    return _svg(width, height, title, desc, body, "timeline")
