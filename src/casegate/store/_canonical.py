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

_SAFE_INT = 2**53 - 1


class _Walk:
    """Normalises a value to plain JSON and notes whether the standard library's encoder
    produces RFC 8785 bytes for it (see `canonical`)."""

    def __init__(self) -> None:
        self.stdlib_exact = True

    def value(self, value: Any, where: str) -> Any:
        t = type(value)
        if t is str or t is bool or value is None:
            return value
        if t is int:
            if not -_SAFE_INT <= value <= _SAFE_INT:
                self.stdlib_exact = False
            return value
        if isinstance(value, (bool, str)):
            return str(value) if isinstance(value, str) else bool(value)
        if isinstance(value, int):
            if not -_SAFE_INT <= value <= _SAFE_INT:
                self.stdlib_exact = False  # rfc8785 refuses it with a clear reason
            return int(value)
        if isinstance(value, float):
            if not math.isfinite(value):
                raise InputError(f"{where}: {value!r} cannot be written as JSON",
                                 help="record finite numbers only (or a string)")
            self.stdlib_exact = False  # number formatting differs: rfc8785 writes floats
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
                if not k.isascii() and max(k) > "\uffff":
                    self.stdlib_exact = False  # RFC 8785 orders keys by UTF-16 code units
                out[k] = self.value(v, f"{where}.{k}")
            return out
        if isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
            return [self.value(v, f"{where}[{i}]") for i, v in enumerate(items)]
        if isinstance(value, enum.Enum):
            return self.value(value.value, where)
        if isinstance(value, (dt.datetime, dt.date, dt.time)):
            return value.isoformat()
        if isinstance(value, PurePath):
            return value.as_posix()
        if isinstance(value, bytes):
            return value.hex()
        dump = getattr(value, "model_dump", None)
        if callable(dump):
            return self.value(dump(mode="json"), where)
        raise InputError(f"{where}: a {type(value).__name__} cannot be recorded in the log",
                         help="record JSON values: mappings, lists, strings, numbers, booleans, null")


def to_json_value(value: Any, where: str = "payload") -> Any:
    """Plain JSON (dict, list, str, int, float, bool, None) for `value`, or InputError."""
    return _Walk().value(value, where)


def _rfc8785(value: Any) -> bytes:
    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, ValueError, TypeError) as e:
        raise InputError(f"cannot write the payload as canonical JSON: {e}",
                         help="integers must lie within ±2**53 and strings must be valid Unicode") from None


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
_encode_string = json.encoder.encode_basestring  # what _ENCODER applies to every string


def _no_default(o: Any) -> Any:
    raise TypeError(f"{type(o).__name__} is not JSON")


# the C encoder _ENCODER.encode builds on every call, built once (same settings)
_c_make = getattr(json.encoder, "c_make_encoder", None)
_C_ENCODER = (_c_make(None, _no_default, _encode_string, None, ":", ",", True, False, False)
              if _c_make is not None else None)


def _stdlib(value: Any) -> bytes:
    """json.dumps with sorted keys, no whitespace and raw Unicode: byte-identical to RFC 8785
    for values without floats, without integers beyond ±2**53 and without keys holding
    characters beyond U+FFFF (the escaping rules are the same: \\b \\f \\n \\r \\t, other
    controls as lowercase \\u00xx). A test checks the equality with hypothesis."""
    if _C_ENCODER is not None and isinstance(value, (dict, list)):
        return "".join(_C_ENCODER(value, 0)).encode()
    return _ENCODER.encode(value).encode()


def canonical(value: Any) -> bytes:
    """RFC 8785 bytes of an already plain JSON value."""
    return canonical_plain(value, _plain_is_stdlib_exact(value))


def _plain_is_stdlib_exact(value: Any) -> bool:
    w = _Walk()
    w.value(value, "payload")
    return w.stdlib_exact


def canonical_plain(value: Any, stdlib_exact: bool) -> bytes:
    """RFC 8785 bytes of plain JSON; the fast encoder is used only when it is exact."""
    if stdlib_exact:
        try:
            return _stdlib(value)
        except UnicodeEncodeError:
            pass  # lone surrogates: let rfc8785 refuse them
    return _rfc8785(value)


def _plain_exact(v: Any) -> bool:
    """True when `v` is already plain JSON that the fast encoder writes exactly: dicts with
    string keys within the BMP, lists, strings, booleans, None and safe integers."""
    t = type(v)
    if t is str or t is bool or v is None:
        return True
    if t is int:
        return bool(-_SAFE_INT <= v <= _SAFE_INT)
    if t is dict:
        for k, x in v.items():
            if type(k) is not str or (not k.isascii() and max(k) > "\uffff") or not _plain_exact(x):
                return False
        return True
    if t is list:
        return all(_plain_exact(x) for x in v)
    return False


def normalise_payload(payload: Mapping[str, Any]) -> tuple[dict[str, Any], bytes]:
    """The payload as plain JSON and its RFC 8785 bytes."""
    if type(payload) is dict and _plain_exact(payload):
        try:
            return dict(payload), _stdlib(payload)
        except UnicodeEncodeError:
            pass
    if not isinstance(payload, Mapping):
        raise InputError(f"an event payload must be a mapping, not {type(payload).__name__}")
    w = _Walk()
    plain = w.value(payload, "payload")
    return plain, canonical_plain(plain, w.stdlib_exact)


def canonical_payload(payload: Mapping[str, Any]) -> bytes:
    """Normalise and canonicalise an event payload (a JSON object)."""
    return normalise_payload(payload)[1]


def json_string(s: str | None) -> bytes:
    """RFC 8785 JSON of a string (or null)."""
    if s is None:
        return b"null"
    try:
        return _encode_string(s).encode()
    except UnicodeEncodeError:
        return _rfc8785(s)


def entry_bytes(index: int, kind: str, case_id: str | None, payload_json: bytes, recorded_at: str) -> bytes:
    """RFC 8785 JSON of the entry {index, kind, case_id, payload, recorded_at}.

    `payload_json` must already be canonical. Keys in RFC 8785 order: case_id, index, kind,
    payload, recorded_at.
    """
    return b"".join((
        b'{"case_id":', json_string(case_id), b',"index":', str(index).encode(),
        b',"kind":', json_string(kind), b',"payload":', payload_json,
        b',"recorded_at":', json_string(recorded_at), b"}",
    ))
