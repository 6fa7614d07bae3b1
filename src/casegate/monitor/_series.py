"""Monitoring time series: the documented input format, strict parsing, and windowed means.

A file of samples is JSON or CSV. Each sample has `signal` (the name a monitor watches),
`timestamp` (ISO 8601; a time without an offset is read as UTC; a bare date is midnight UTC),
`value` (a finite number) and `case` (the case id it belongs to; may come from the command line
instead). JSON is `{"casegate": 1, "kind": "samples", "samples": [...]}` or a bare list of samples;
CSV has a header row naming at least `signal,timestamp,value` (and `case`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

SERIES_FORMAT_VERSION = 1
"""The only samples file format version this casegate reads."""


@dataclass(frozen=True, order=True)
class Sample:
    """One observation of a monitored signal."""

    timestamp: dt.datetime
    """When it was observed (timezone-aware, UTC)."""
    signal: str
    """The signal's name."""
    value: float
    """The observed value."""
    case: str
    """The case id it belongs to."""

    def to_json(self) -> dict[str, object]:
        return {"signal": self.signal, "timestamp": iso(self.timestamp), "value": self.value,
                "case": self.case}


def iso(t: dt.datetime) -> str:
    """A UTC timestamp written the way casegate records it."""
    return t.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def parse_timestamp(raw: object, where: str) -> dt.datetime:
    """An ISO 8601 timestamp or date as an aware UTC datetime, or an InputError naming `where`."""
    if isinstance(raw, str):
        text = raw.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)
            t = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
            return (t if t.tzinfo else t.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
        except (ValueError, OverflowError):  # not a timestamp, or past year 1 or 9999 in UTC
            pass
    raise InputError(
        f"timestamp {raw!r} is not an ISO 8601 date or time",
        location=where,
        help="write timestamps like 2026-12-01T14:00:00Z (a time without an offset is read as UTC)",
    )


def _value(raw: object, where: str) -> float:
    try:
        if isinstance(raw, bool):
            raise ValueError
        v = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"value {raw!r} is not a number", location=where,
                         help="each sample's value is a plain number, e.g. 0.004") from None
    if not math.isfinite(v):
        raise InputError(f"value {raw!r} is not finite", location=where,
                         help="drop the sample or record a finite value")
    return v


def _sample(row: dict[str, object], where: str, default_case: str | None) -> Sample:
    signal = row.get("signal")
    if not isinstance(signal, str) or not signal.strip():
        raise InputError("the sample has no signal name", location=where,
                         help="every sample names the `signal` a monitor watches")
    case = row.get("case") or default_case
    if not isinstance(case, str) or not case.strip():
        raise InputError("the sample names no case", location=where,
                         help="add a `case` column/key, or pass --case CASE_ID")
    if "timestamp" not in row or row["timestamp"] in (None, ""):
        raise InputError("the sample has no timestamp", location=where,
                         help="every sample has an ISO 8601 `timestamp`")
    if "value" not in row or row["value"] in (None, ""):
        raise InputError("the sample has no value", location=where,
                         help="every sample has a numeric `value`")
    return Sample(timestamp=parse_timestamp(row["timestamp"], where), signal=signal.strip(),
                  value=_value(row["value"], where), case=case.strip())


def read_samples(path: Path, *, case: str | None = None) -> list[Sample]:
    """Read a samples file (JSON or CSV, chosen by content), sorted by time.

    Raises InputError naming the file and the line (CSV) or sample index (JSON) of the first bad
    sample; an empty file of samples is an error too (nothing to ingest is a mistake worth saying).
    """
    from ..limits import read_json_bytes

    if not path.exists():
        raise InputError(f"{path}: no such file", help="give the path of a JSON or CSV samples file")
    raw = read_json_bytes(path, str(path))  # a CSV file has no brackets to nest
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: cannot read: {e}") from None
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        samples = _read_json(text, str(path), case)
    else:
        samples = _read_csv(text, str(path), case)
    if not samples:
        raise InputError(f"{path}: no samples", help="the file holds no samples to ingest")
    return sorted(samples)


def _read_json(text: str, name: str, case: str | None) -> list[Sample]:
    from ..limits import long_number

    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not valid JSON: {e.msg}", location=f"{name}:{e.lineno}:{e.colno}") from None
    except ValueError as e:  # a number too long to read
        raise InputError(f"not valid JSON: {long_number(e, text) or e}", location=name) from None
    if isinstance(doc, dict):
        version = doc.get("casegate")
        if version != SERIES_FORMAT_VERSION:
            raise InputError(
                f"unsupported samples format version {version!r}",
                location=name,
                help=f"write {{\"casegate\": {SERIES_FORMAT_VERSION}, \"kind\": \"samples\", \"samples\": [...]}}",
            )
        if doc.get("kind", "samples") != "samples":
            raise InputError(f"document kind {doc.get('kind')!r} is not 'samples'", location=name)
        rows = doc.get("samples")
        if not isinstance(rows, list):
            raise InputError("`samples` must be a list of samples", location=name)
    elif isinstance(doc, list):
        rows = doc
    else:
        raise InputError("a samples file is an object with `samples`, or a list", location=name)
    out = []
    for i, row in enumerate(rows):
        where = f"{name}: samples[{i}]"
        if not isinstance(row, dict):
            raise InputError("a sample must be an object", location=where,
                             help='{"signal": ..., "timestamp": ..., "value": ..., "case": ...}')
        out.append(_sample(row, where, case))
    return out


def _read_csv(text: str, name: str, case: str | None) -> list[Sample]:
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip() for f in (reader.fieldnames or [])]
    missing = [f for f in ("signal", "timestamp", "value") if f not in fields]
    if missing:
        raise InputError(
            f"the CSV header lacks {', '.join(missing)}",
            location=f"{name}:1",
            help="the first row names the columns: signal,timestamp,value,case",
        )
    reader.fieldnames = fields
    out = []
    for row in reader:
        where = f"{name}:{reader.line_num}"
        if None in row:
            raise InputError("the row has more cells than the header", location=where)
        out.append(_sample({k: (v.strip() if isinstance(v, str) else v) for k, v in row.items()},
                           where, case))
    return out


# --------------------------------------------------------------------------- windows

_WINDOW = re.compile(r"^\s*(\d+)\s*(s|m|h|d|w)\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_window(text: str, where: str = "window") -> dt.timedelta:
    """'30m', '24h', '7d', '2w' as a duration; anything else is an InputError."""
    m = _WINDOW.match(text)
    if not m or int(m.group(1)) == 0:
        raise InputError(f"window {text!r} is not a duration", location=where,
                         help="write a positive whole number and a unit: 30m, 24h, 7d, 2w")
    return dt.timedelta(seconds=int(m.group(1)) * _UNITS[m.group(2)])


OPS: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le,
}


@dataclass(frozen=True)
class WindowMean:
    """The mean of a signal over one window."""

    start: dt.datetime
    """Window start (exclusive)."""
    end: dt.datetime
    """Window end (inclusive)."""
    mean: float
    """Mean of the samples in the window."""
    count: int
    """Number of samples in the window."""


def window_mean(samples: Sequence[Sample], end: dt.datetime, window: dt.timedelta) -> WindowMean | None:
    """The mean over (end - window, end], or None when no sample falls in it."""
    vals = [s.value for s in samples if end - window < s.timestamp <= end]
    if not vals:
        return None
    return WindowMean(end - window, end, math.fsum(vals) / len(vals), len(vals))


def first_breach(
    samples: Iterable[Sample],
    *,
    op: str,
    threshold: float,
    window: dt.timedelta,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> WindowMean | None:
    """The first window whose mean breaches `op threshold`, or None.

    Windows slide: one ends at each sample's time in [since, until]; each averages the samples in
    (end - window, end], earlier samples included. So a breach is found whenever the check runs,
    not only if it happens to run inside the window. Samples must be of one signal.
    """
    compare = OPS[op]
    ordered = sorted(samples)
    lo = 0
    total = 0.0
    n = 0
    # running sum over a sliding window; recomputed exactly with fsum on a breach
    for hi, s in enumerate(ordered):
        total += s.value
        n += 1
        while ordered[lo].timestamp <= s.timestamp - window:
            total -= ordered[lo].value
            n -= 1
            lo += 1
        if until is not None and s.timestamp > until:
            break
        if since is not None and s.timestamp < since:
            continue
        if hi + 1 < len(ordered) and ordered[hi + 1].timestamp == s.timestamp:
            continue  # the window ends after every sample at this instant
        approx = total / n
        if compare(approx, threshold) or abs(approx - threshold) <= 1e-9 * max(1.0, abs(threshold)):
            exact = math.fsum(x.value for x in ordered[lo:hi + 1]) / n
            if compare(exact, threshold):
                return WindowMean(s.timestamp - window, s.timestamp, exact, n)
    return None


def breach_at(samples: Iterable[Sample], *, op: str, threshold: float, window: dt.timedelta,
              end: dt.datetime) -> WindowMean | None:
    """The window ending at `end` (an instant, say an approval, not a sample's time) when its
    mean breaches `op threshold`; None when it does not or holds no sample."""
    inside = [x.value for x in samples if end - window < x.timestamp <= end]
    if not inside:
        return None
    mean = math.fsum(inside) / len(inside)
    return WindowMean(end - window, end, mean, len(inside)) if OPS[op](mean, threshold) else None
