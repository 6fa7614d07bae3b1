"""Monitoring time series: the documented input format, strict parsing, breaching readings and
silences.

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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

SERIES_FORMAT_VERSION = 1
"""The only samples file format version this casegate reads."""


@dataclass(frozen=True)
class Withheld:
    """A signed batch of readings the registry never logged, though a later batch for the case was:
    number `number` of the case's batches, missing before `next_number`, which `signer` signed and
    the log recorded at `next_logged` (log entry `next_entry`). The case's batches are numbered
    across keys, so a batch withheld at the end of one key's life shows missing before the next
    key's batches.

    With `reused`, a number two keys gave: `signer`'s batch (logged at `next_logged`, entry
    `next_entry`) took number `number` (= `next_number`), which the batch `reused` names (its
    signer and log entry) had already; a key that numbers from 1 again would hide the batches
    withheld at the end of the other key's life, so the batches cannot be counted."""

    keyid: str
    signer: str
    number: int
    next_number: int
    next_logged: dt.datetime
    next_entry: int
    signers: tuple[str, ...] = ()
    """Who signed the case's numbered batches, when more than one key did (the missing batch's
    signer is then not known); empty for a single key's stream."""
    reused: tuple[str, int] | None = None
    follows: tuple[str, str, int] | None = None
    """With `follows`, a handover the registry cannot follow: `signer`'s batch `next_number` says
    batch `number` before it was signed by `follows[0]`, but the log holds that batch signed by
    `follows[1]` (log entry `follows[2]`): numbers that do not follow on from each other could hide
    batches withheld where one key handed over to another."""
    first_format: str | None = None
    """With `first_format` (the file the batch was ingested from), `signer`'s batch `next_number`
    is of the first format (`monitor-readings/v1`), which names no key before it: with `follows`,
    one at a key change, read as naming its own key (the policy's `post_deployment.telemetry_v1:
    same-key`); without, one the policy refuses (`refuse`)."""

    @property
    def uncountable(self) -> bool:
        """Whether the batches cannot be counted at all (a number reused, a handover that does not
        follow, a batch of a format the policy refuses), rather than one batch missing."""
        return self.reused is not None or self.follows is not None or self.first_format is not None

    def words(self) -> str:
        at = f"log entry {self.next_entry}, {iso(self.next_logged)}"
        if self.first_format is not None:
            batch = (f"batch {self.next_number} for the case, signed by {self.signer} in the first format "
                     f"(`monitor-readings/v1`; {self.first_format}, {at})")
            sign_v2 = ("sign the batches with a casegate that writes version 2 (`casegate monitor sign`, naming "
                       "the key before with --follows at a key change)")
            if self.follows is not None:
                _, holder, entry = self.follows
                return (f"{batch}, names no key before it, but the batch {self.number} the log holds was signed by "
                        f"{holder} (log entry {entry}): a batch of the first format cannot show that its number "
                        "follows on from another key's, so batches withheld where one key handed over to another "
                        "could go unseen, and whether every batch arrived cannot be told (the policy's "
                        f"`post_deployment.telemetry_v1: same-key`); {sign_v2}")
            return (f"{batch}, is of a format the policy refuses (`post_deployment.telemetry_v1: refuse`): it "
                    "names no key before it, so batches withheld where one key handed over to another could go "
                    f"unseen; its readings do not count, and what it held cannot be told; {sign_v2}")
        if self.follows is not None:
            said, holder, entry = self.follows
            return (f"batch {self.next_number} for the case, signed by {self.signer} ({at}), says batch {self.number} "
                    f"before it was signed by {said}, but the batch {self.number} the log holds was signed by "
                    f"{holder} (log entry {entry}): numbers that do not follow on from each other could hide "
                    "batches withheld where one key handed over to another, and whether every batch arrived "
                    "cannot be told (each batch names the key that signed the case's batch before it: the "
                    "key being replaced, at a key change)")
        if self.reused is not None:
            return (f"batch {self.number} for the case was numbered by both {self.reused[0]} (log entry "
                    f"{self.reused[1]}) and {self.signer} ({at}): a case's batches are numbered on across keys, "
                    "so a key that numbers again from 1 could hide batches withheld at the end of the other key's "
                    "life, and whether every batch arrived cannot be told (the monitoring system numbers each "
                    "batch on from the case's last, whichever key signs it)")
        if not self.signers:
            return (f"batch {self.number} of the readings {self.signer} signed for the case was never logged, though "
                    f"batch {self.next_number} was ({at}): a withheld batch could hold a breach")
        return (f"batch {self.number} of the readings signed for the case (numbered across the keys of "
                f"{' and '.join(self.signers)}) was never logged, though batch {self.next_number}, signed by "
                f"{self.signer}, was ({at}): a withheld batch could hold a breach")


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
    logged: dt.datetime | None = field(default=None, compare=False)
    """When the registry recorded it (None: not recorded yet); for a signed reading, when the log
    first recorded its batch (a batch logged again is not news)."""
    counted: bool = field(default=True, compare=False)
    """Whether it counts toward the monitor's health (ends a silence, shows it quiet): false for a
    reading that is not signed by a telemetry key the registry trusts where signed telemetry is
    required. A reading that breaches is a breach either way."""
    why_not: str | None = field(default=None, compare=False)
    """Why it does not count, when so."""
    entry: int | None = field(default=None, compare=False)
    """The log entry that recorded it (None: not recorded yet)."""

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
    """Read a samples file (JSON or CSV, chosen by content), sorted by time (see `read_batch`)."""
    return read_batch(path, case=case)[0]


def read_batch(path: Path, *, case: str | None = None) -> tuple[list[Sample], dict[str, object] | None]:
    """Read a samples file (JSON or CSV, chosen by content) or a signed batch of readings (the DSSE
    envelope `casegate monitor sign` writes), sorted by time, with the envelope when signed. The
    readings of a signed batch are read from its statement, unverified here (every trigger run
    checks the signature again); each must name its case, since `case` is not signed.

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
    envelope = None
    if stripped.startswith(("{", "[")):
        samples, envelope = _read_json(text, str(path), case)
    else:
        samples = _read_csv(text, str(path), case)
    if not samples:
        raise InputError(f"{path}: no samples", help="the file holds no samples to ingest")
    return sorted(samples), envelope


def _read_json(text: str, name: str, case: str | None) -> tuple[list[Sample], dict[str, object] | None]:
    from ..limits import long_number

    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not valid JSON: {e.msg}", location=f"{name}:{e.lineno}:{e.colno}") from None
    except ValueError as e:  # a number too long to read
        raise InputError(f"not valid JSON: {long_number(e, text) or e}", location=name) from None
    envelope = None
    key = "samples"
    rows: object
    if isinstance(doc, dict) and "payloadType" in doc and "signatures" in doc:
        from ..sign import claimed_readings, dsse_shape_problems

        shape = dsse_shape_problems(doc, name)
        if shape:
            raise InputError(shape[0].removeprefix(f"{name}: "), location=name,
                             help="ingest the batch as `casegate monitor sign` wrote it; a batch with fields "
                                  "added around its signature is not recorded")
        got = claimed_readings(doc)
        if got is None:
            raise InputError("a DSSE envelope, but not a signed batch of monitoring readings", location=name,
                             help="sign a samples file with `casegate monitor sign FILE --key KEY`")
        rows, envelope, case, key = got[0], doc, None, "readings"
    elif isinstance(doc, dict):
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
    elif isinstance(doc, list):
        rows = doc
    else:
        raise InputError("a samples file is an object with `samples`, or a list", location=name)
    if not isinstance(rows, list):
        raise InputError("`samples` must be a list of samples", location=name)
    out = []
    for i, row in enumerate(rows):
        where = f"{name}: {key}[{i}]"
        if not isinstance(row, dict):
            raise InputError("a sample must be an object", location=where,
                             help='{"signal": ..., "timestamp": ..., "value": ..., "case": ...}')
        out.append(_sample(row, where, case))
    return out, envelope


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


def first_breach(
    samples: Iterable[Sample],
    *,
    op: str,
    threshold: float,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> Sample | None:
    """The first reading in [since, until] whose value compares true against `op threshold`, or
    None.

    Each reading is judged on its own; readings are never averaged. A reading is the monitoring
    system's own measure over whatever period it covers (an hourly flag rate, say), and a mean
    over whatever readings the registry was given lets any extra reading dilute a real one:
    nine readings of 0.0 would hide a 0.02 against a 0.005 threshold. Judged one by one, adding
    readings can never undo a breach.
    """
    compare = OPS[op]
    for s in sorted(samples):
        if since is not None and s.timestamp < since:
            continue
        if until is not None and s.timestamp > until:
            break
        if compare(s.value, threshold):
            return s
    return None


@dataclass(frozen=True)
class Silence:
    """A stretch longer than a monitor may go without a reading."""

    since: dt.datetime
    """The last reading before the stretch (or the instant the watch began)."""
    until: dt.datetime | None
    """The next reading, or None when the monitor is still silent."""


def heard_at(s: Sample) -> dt.datetime:
    """When the registry could first know of a reading."""
    return max(s.timestamp, s.logged) if s.logged is not None else s.timestamp


def silences(samples: Iterable[Sample], *, since: dt.datetime, until: dt.datetime,
             limit: dt.timedelta) -> list[Silence]:
    """Every stretch in [since, until] longer than `limit` with no reading, in time order.

    The watch begins at `since` (an approval, say): the first reading is due within `limit` of it.
    A reading ends a stretch when it was taken or, if later, when the registry recorded it:
    readings backdated into a stretch after it has passed do not undo it. Readings not known
    by `until` (taken or recorded after it) close no stretch before it.
    """
    out = []
    last = since
    for heard in sorted(heard_at(s) for s in samples if s.timestamp > since):
        if heard > until:
            break
        if heard - last > limit:
            out.append(Silence(last, heard))
        last = heard
    if until - last > limit:
        out.append(Silence(last, None))
    return out
