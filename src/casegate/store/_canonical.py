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
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

import rfc8785

from .._canonical_json import SAFE_INT as _SAFE_INT
from .._canonical_json import (
    canonical_json,
    encode_exact,
    encode_sorted,
    encode_string,
    float_exact,
    plain_exact,
    sorted_object,
)
from ..errors import InputError


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
            if type(value) is not float or not float_exact(value):
                self.stdlib_exact = False  # rfc8785 writes this one (see `float_exact`)
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
            return encode_exact(value)
        except UnicodeEncodeError:
            pass  # lone surrogates: let rfc8785 refuse them
    return _rfc8785(value)


def _json_number(text: str) -> float | int:
    """A JSON number with a fraction or exponent as `json_value` reads it."""
    v = float(text)
    return int(v) if v.is_integer() and -_SAFE_INT <= v <= _SAFE_INT else v


def json_value(text: str | bytes) -> Any:
    """The plain JSON value of a JSON text, with each integral number written with a fraction
    (`5.0`) read as an integer: RFC 8785 writes both alike (`5`), and as an integer the fast
    encoder writes it exactly (see `casegate._canonical_json`)."""
    return json.loads(text, parse_float=_json_number)


class CanonicalJSON:
    """A plain JSON value with its RFC 8785 bytes (`canonical_json`), written once: a payload
    member that is also hashed on its own (a public summary beside its sha256) is composed into
    the payload's bytes as it is (see `normalise_payload`), not written a second time."""

    __slots__ = ("json", "value")

    def __init__(self, value: Any, written: bytes | None = None) -> None:
        """`written`: the value's RFC 8785 bytes where the caller has them (else written here)."""
        self.value = value
        self.json = canonical_json(value) if written is None else written

    @classmethod
    def of_text(cls, text: str | bytes) -> CanonicalJSON:
        """The value of a JSON text as `json_value` reads it, with its RFC 8785 bytes. Whether
        the C encoder writes them exactly (`casegate._canonical_json.plain_exact`) is noted while
        the text is read, not by walking the value afterwards (a public summary is megabytes):
        each number is seen by the reader's hooks, and a text with no character beyond U+FFFF
        (no four-byte UTF-8 sequence, no escaped surrogate) has no key holding one. A text the
        reader cannot vouch for is walked as any value is."""
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
        exact = json.detect_encoding(data) == "utf-8" and not any(lead in data for lead in _NON_BMP_LEADS) \
            and not _escapes_a_surrogate(data)
        flags = [exact]

        def number(s: str) -> float | int:  # as `_json_number`, noting a float `json` writes otherwise
            v = float(s)
            if v.is_integer() and -_SAFE_INT <= v <= _SAFE_INT:
                return int(v)
            if not float_exact(v):
                flags[0] = False
            return v

        def integer(s: str) -> int:
            v = int(s)
            if len(s) > 15 and not -_SAFE_INT <= v <= _SAFE_INT:
                flags[0] = False
            return v

        def constant(s: str) -> float:  # NaN and the infinities, which RFC 8785 refuses
            flags[0] = False
            return float(s)

        # each object's keys sorted as it is read (RFC 8785's order, where every key is within the
        # BMP), so the bytes are written without sorting (`encode_sorted`)
        value = json.loads(data, parse_float=number, parse_int=integer, parse_constant=constant,
                           object_pairs_hook=sorted_object)
        if flags[0]:
            try:
                return cls(value, encode_sorted(value))
            except UnicodeEncodeError:
                pass  # a lone surrogate: rfc8785 refuses it and says why
        return cls(value)


_NON_BMP_LEADS = (b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")
"""The first bytes of UTF-8's four-byte sequences: the characters beyond U+FFFF."""
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")
"""A JSON escape of a UTF-16 surrogate (half of a character beyond U+FFFF, or a lone one)."""
_FEW_BACKSLASHES = 256
"""Up to this many backslashes `_escapes_a_surrogate` looks at one by one."""


def _escapes_a_surrogate(data: bytes) -> bool:
    """Whether `data` holds `_ESCAPED_SURROGATE` anywhere. An escape starts at a backslash, and a
    JSON text holds few (one per escaped quote, line break or control character): each is found
    by `bytes.find`, which skips the text between them at memory speed, where a search for the
    pattern (or for `\\u`) stops at every `u` of a text of megabytes. Past the first
    `_FEW_BACKSLASHES` backslashes the rest of the text is searched for the pattern."""
    at = data.find(b"\\")
    for _ in range(_FEW_BACKSLASHES):
        if at < 0:
            return False
        if _ESCAPED_SURROGATE.match(data, at) is not None:
            return True
        at = data.find(b"\\", at + 1)
    return at >= 0 and _ESCAPED_SURROGATE.search(data, at) is not None


def _composed(payload: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """`normalise_payload` of a payload with `CanonicalJSON` members whose keys are ASCII (RFC
    8785 orders those as Python does): its members' canonical bytes joined under the sorted
    keys, which is byte for byte the canonical form of the whole (as for a log entry)."""
    plain: dict[str, Any] = {}
    parts: dict[str, bytes] = {}
    for k, v in payload.items():
        if type(v) is CanonicalJSON:
            plain[k], parts[k] = v.value, v.json
        else:
            w = _Walk()
            plain[k] = w.value(v, f"payload.{k}")
            parts[k] = canonical_plain(plain[k], w.stdlib_exact)
    return plain, b"{" + b",".join(json_string(k) + b":" + parts[k] for k in sorted(parts)) + b"}"


def normalise_payload(payload: Mapping[str, Any]) -> tuple[dict[str, Any], bytes]:
    """The payload as plain JSON and its RFC 8785 bytes. A `CanonicalJSON` member stands for
    its value, its bytes already written."""
    if type(payload) is dict and any(type(v) is CanonicalJSON for v in payload.values()):
        if all(type(k) is str and k.isascii() for k in payload):
            return _composed(payload)
        payload = {k: v.value if type(v) is CanonicalJSON else v for k, v in payload.items()}
    if type(payload) is dict and plain_exact(payload):
        try:
            return dict(payload), encode_exact(payload)
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
        return encode_string(s).encode()
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
