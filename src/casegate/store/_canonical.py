"""RFC 8785 canonical JSON for log entries and payloads.

Payload values are first normalised to plain JSON (dates become ISO strings, enums their value,
pydantic models their JSON dump, paths strings), then serialised with the `rfc8785` package.
A log entry's canonical form is composed from its already-canonical parts: RFC 8785 orders an
object's members by key and serialises each value canonically, so joining canonical values
under the sorted keys gives byte-for-byte the same text as canonicalising the whole entry
(a test checks this against `rfc8785.dumps`).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

import rfc8785

from ..errors import InputError


def to_json_value(value: Any, where: str = "payload") -> Any:
    """Plain JSON (dict, list, str, int, float, bool, None) for `value`, or InputError."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"{where}: {value!r} cannot be written as JSON",
                             help="record finite numbers only (or a string)")
        return value
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if not isinstance(k, str):
                if isinstance(k, enum.Enum):
                    k = str(k.value)
                elif isinstance(k, (int, float, bool)):
                    k = json.dumps(k)
                else:
                    raise InputError(f"{where}: key {k!r} is not a string")
            out[k] = to_json_value(v, f"{where}.{k}")
        return out
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return [to_json_value(v, f"{where}[{i}]") for i, v in enumerate(items)]
    if isinstance(value, enum.Enum):
        return to_json_value(value.value, where)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, PurePath):
        return value.as_posix()
    if isinstance(value, bytes):
        return value.hex()
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return to_json_value(dump(mode="json"), where)
    raise InputError(f"{where}: a {type(value).__name__} cannot be recorded in the log",
                     help="record JSON values: mappings, lists, strings, numbers, booleans, null")


def canonical(value: Any) -> bytes:
    """RFC 8785 bytes of an already plain JSON value."""
    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, ValueError, TypeError) as e:
        raise InputError(f"cannot write the payload as canonical JSON: {e}",
                         help="integers must lie within ±2**53 and strings must be valid Unicode") from None


def canonical_payload(payload: Mapping[str, Any]) -> bytes:
    """Normalise and canonicalise an event payload (a JSON object)."""
    if not isinstance(payload, Mapping):
        raise InputError(f"an event payload must be a mapping, not {type(payload).__name__}")
    return canonical(to_json_value(payload))


def entry_bytes(index: int, kind: str, case_id: str | None, payload_json: bytes, recorded_at: str) -> bytes:
    """RFC 8785 JSON of the entry {index, kind, case_id, payload, recorded_at}.

    `payload_json` must already be canonical. Keys in RFC 8785 order: case_id, index, kind,
    payload, recorded_at.
    """
    return b"".join((
        b'{"case_id":', rfc8785.dumps(case_id), b',"index":', str(index).encode(),
        b',"kind":', rfc8785.dumps(kind), b',"payload":', payload_json,
        b',"recorded_at":', rfc8785.dumps(recorded_at), b"}",
    ))
