"""RFC 8785 canonical JSON of plain JSON values, fast where the standard library's C encoder
writes the same bytes (`canonical_json`).

The `rfc8785` package writes every value in Python, a call per node; a signed statement or a log
entry of a whole case takes it thousands. For the values whose RFC 8785 form the standard
library's encoder writes byte for byte (see `_plain_exact`), that encoder does it in C. Used by
the log (`casegate.store`) and by signed statements (`casegate.sign`).
"""

from __future__ import annotations

import json
import math
from typing import Any

import rfc8785

_SAFE_INT = 2**53 - 1
"""The largest integer RFC 8785 writes (IEEE 754 doubles hold every integer up to it)."""

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


def _float_exact(v: float) -> bool:
    """Whether the standard library writes the float `v` as RFC 8785 does. RFC 8785 writes a
    number as ECMAScript does, from the same shortest round-trip digits as Python's `repr`;
    the two forms agree for a number with a fraction that `repr` writes without an exponent
    (`0.005`, `-12.75`: the `rfc8785` package then writes `repr` as it is). They differ for an
    integral float (`5.0` against `5`) and wherever `repr` uses an exponent (`1e-05`, `1e+16`)."""
    return math.isfinite(v) and not v.is_integer() and "e" not in repr(v)


def _plain_exact(value: Any) -> bool:
    """True when `value` is already plain JSON that the fast encoder writes exactly: dicts with
    string keys within the BMP, lists, strings, booleans, None, safe integers and the floats
    `_float_exact` allows. Iterative: a payload can be a whole public summary."""
    stack = [value]
    pop, extend = stack.pop, stack.extend
    while stack:
        v = pop()
        t = type(v)
        if t is str or t is bool or v is None:
            continue
        if t is dict:
            for k in v:
                if type(k) is not str or (not k.isascii() and max(k) > "\uffff"):
                    return False
            extend(v.values())
        elif t is list:
            extend(v)
        elif t is int:
            if not -_SAFE_INT <= v <= _SAFE_INT:
                return False
        elif t is float:
            if not _float_exact(v):
                return False
        else:
            return False
    return True


def canonical_json(value: Any) -> bytes:
    """RFC 8785 bytes of a plain JSON value (what `rfc8785.dumps` writes, and the errors it
    raises): the standard library's C encoder where it is exact (`_plain_exact`), the `rfc8785`
    package otherwise."""
    if _plain_exact(value):
        try:
            return _stdlib(value)
        except UnicodeEncodeError:
            pass  # lone surrogates: rfc8785 refuses them
    return rfc8785.dumps(value)
