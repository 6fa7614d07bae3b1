"""RFC 8785 canonical JSON written by the standard library's C encoder where that is exact.

The `rfc8785` package writes canonical JSON in Python, several times slower than the standard
library's C encoder. For most values the two write the same bytes: with sorted keys, no
whitespace and raw Unicode, `json` escapes strings as RFC 8785 does (\\b \\f \\n \\r \\t, `"`
and `\\`, other controls as lowercase \\u00xx, nothing else) and writes integers alike. They
differ only

- for integers beyond ±(2**53 - 1), which RFC 8785 refuses;
- for floats: `json` writes `repr`, RFC 8785 writes ECMAScript's form of the same shortest
  digits; the two agree for a number with a fraction that `repr` writes without an exponent
  (`0.005`, `-12.75`), and differ for an integral float (`5.0` against `5`) and wherever `repr`
  uses an exponent (`1e-05`, `1e+16`);
- for the order of keys holding characters beyond U+FFFF: RFC 8785 orders keys by UTF-16 code
  units, `json` by code points, which agree within the Basic Multilingual Plane;
- for strings holding lone surrogates, which cannot be written as UTF-8 (the encoding fails, and
  the `rfc8785` package then names the problem).

`plain_exact` decides whether a value avoids all of these; the store's log entries and payloads
and publishing's salted commitments both ask it (hypothesis tests compare the bytes with
`rfc8785.dumps`). A value whose objects already hold their keys in sorted order (a JSON text read
with `sorted_object`) is written by pydantic-core's serializer instead (`encode_sorted`): the same
bytes, several times faster than the C encoder, which sorts every object and joins a string per
token. This module is below every layer: it imports nothing from casegate.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable
from typing import Any

from pydantic_core import to_json

SAFE_INT = 2**53 - 1
"""Largest integer RFC 8785 writes (JSON numbers are IEEE doubles)."""


def float_exact(v: float) -> bool:
    """Whether `json` writes the float `v` as RFC 8785 does: a finite number with a fraction that
    `repr` writes without an exponent (then the `rfc8785` package writes `repr` as it is)."""
    return math.isfinite(v) and not v.is_integer() and "e" not in repr(v)


def plain_exact(value: Any) -> bool:
    """True when `value` is plain JSON that the C encoder writes exactly as RFC 8785 does: dicts
    with string keys within the BMP, lists and tuples, strings, booleans, None, integers within
    ±(2**53 - 1) and the floats `float_exact` allows (subclasses of any of these are not plain).
    Iterative: a value can be a whole public summary."""
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
        elif t is list or t is tuple:
            extend(v)
        elif t is int:
            if not -SAFE_INT <= v <= SAFE_INT:
                return False
        elif t is float:
            if not float_exact(v):
                return False
        else:
            return False
    return True


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
encode_string = json.encoder.encode_basestring
"""How `_ENCODER` writes every string (and key): RFC 8785's escapes, raw Unicode."""


def _no_default(o: Any) -> Any:
    raise TypeError(f"{type(o).__name__} is not JSON")


# the C encoder `_ENCODER.encode` would build on every call, built once with the same settings
# (without the circular-reference check: a plain value is a tree)
_c_make = getattr(json.encoder, "c_make_encoder", None)
_C_ENCODER = (_c_make(None, _no_default, encode_string, None, ":", ",", True, False, False)
              if _c_make is not None else None)


def encode_exact(value: Any) -> bytes:
    """The UTF-8 JSON `json` writes for `value` with sorted keys, no whitespace and raw Unicode:
    RFC 8785's bytes when `plain_exact(value)`. UnicodeEncodeError for a lone surrogate."""
    if _C_ENCODER is not None and type(value) in (dict, list):
        return "".join(_C_ENCODER(value, 0)).encode()
    return _ENCODER.encode(value).encode()


def sorted_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as `json.loads` would build it (the last of a repeated key wins), its keys
    in sorted order: `json.loads`'s `object_pairs_hook` for a value `encode_sorted` writes."""
    pairs.sort(key=_KEY)
    return dict(pairs)


_KEY = operator.itemgetter(0)


def encode_sorted(value: Any) -> bytes:
    """`encode_exact(value)` for a plain value whose every dict already holds its keys in sorted
    order (read with `sorted_object`): pydantic-core's serializer writes the same bytes (compact,
    raw UTF-8, the same string escapes, the same shortest digits for the floats `float_exact`
    allows), without a Python step or a sort per object. UnicodeEncodeError for a lone surrogate."""
    try:
        return to_json(value)
    except ValueError:  # pydantic-core's serialization error (a lone surrogate): as `encode_exact` says
        return encode_exact(value)


def canonical_json(value: Any) -> bytes:
    """RFC 8785 bytes of a plain JSON value: what `rfc8785.dumps` writes, and the errors it
    raises (`rfc8785.CanonicalizationError`). The C encoder where it is exact (`plain_exact`),
    the `rfc8785` package otherwise. A value whose only floats the C encoder would write otherwise
    are integral ones within ±(2**53 - 1) (`200.0`, which RFC 8785 writes `200`; a summary's case
    document holds a few) is written by the C encoder too, each such float as its integer
    (`integral_as_int`): one of them does not send a whole public summary through the package."""
    exact = value if plain_exact(value) else integral_as_int(value)
    if exact is not None:
        try:
            return encode_exact(exact)
        except UnicodeEncodeError:
            pass  # a lone surrogate: rfc8785 refuses it and says why
    import rfc8785  # only for a value the C encoder does not write exactly

    return rfc8785.dumps(value)


class _Inexact(Exception):
    """A value `exact_copy` cannot make exact."""


def integral_as_int(value: Any) -> Any:
    """`value` with each integral float within ±(2**53 - 1) replaced by its integer (RFC 8785
    writes such a float as the integer: `5.0` as `5`, `-0.0` as `0`), copying only the lists and
    objects that hold one; None when it holds anything else `plain_exact` refuses (or is nested
    too deeply to walk). What it returns is `plain_exact`, and the C encoder writes it as
    `rfc8785.dumps` writes `value`."""
    return exact_copy(value)


def exact_copy(value: Any, *, sort_keys: bool = False,
               on_object: Callable[[dict[Any, Any]], dict[Any, Any]] | None = None, holding: str | None = None) -> Any:
    """`integral_as_int(value)`, each object first replaced by `on_object(obj)` when given (what
    it returns is walked in its place; with `holding`, only each object holding that key), and with `sort_keys` each object copied with its keys in
    sorted order (RFC 8785's, every key being within the BMP), so that `encode_sorted` writes the
    copy as `rfc8785.dumps` writes it. A list or object is copied only where something in it
    changes (with `sort_keys` every object is); a tuple is walked as a list. None when the value
    holds anything `plain_exact` refuses other than an integral float within ±(2**53 - 1), or is
    nested too deeply to walk. One walk, several uses: `integral_as_int`, and the store's digest
    of a summary's section with the salted commitments blanked."""
    walk = _PLAIN if not sort_keys and on_object is None else _walker(sort_keys, on_object, holding)
    try:
        return walk(value)
    except (_Inexact, RecursionError):
        return None


def _walker(sort_keys: bool, on_object: Callable[[dict[Any, Any]], dict[Any, Any]] | None,
            holding: str | None) -> Callable[[Any], Any]:
    # text, booleans, None and integers are checked where they stand, without a call each (a
    # public summary holds hundreds of thousands)

    def walk(v: Any) -> Any:
        t = type(v)
        if t is dict:
            if on_object is not None and (holding is None or holding in v):
                w = on_object(v)
                if w is not v:
                    if type(w) is not dict:
                        raise _Inexact
                    v = w
            if sort_keys:
                try:
                    keys = sorted(v)
                except TypeError:
                    raise _Inexact from None
                out: dict[str, Any] = {}
                for k in keys:
                    if type(k) is not str or (not k.isascii() and max(k) > "\uffff"):
                        raise _Inexact
                    x = v[k]
                    tx = type(x)
                    if tx is str or tx is bool or x is None:
                        out[k] = x
                    elif tx is int:
                        if not -SAFE_INT <= x <= SAFE_INT:
                            raise _Inexact
                        out[k] = x
                    else:
                        out[k] = walk(x)
                return out
            copy = None
            for k, x in v.items():
                if type(k) is not str or (not k.isascii() and max(k) > "\uffff"):
                    raise _Inexact
                tx = type(x)
                if tx is str or tx is bool or x is None:
                    continue
                if tx is int:
                    if not -SAFE_INT <= x <= SAFE_INT:
                        raise _Inexact
                    continue
                y = walk(x)
                if y is not x:
                    if copy is None:
                        copy = dict(v)
                    copy[k] = y
            return v if copy is None else copy
        if t is list or t is tuple:
            items = None
            for i, x in enumerate(v):
                tx = type(x)
                if tx is str or tx is bool or x is None:
                    continue
                if tx is int:
                    if not -SAFE_INT <= x <= SAFE_INT:
                        raise _Inexact
                    continue
                y = walk(x)
                if y is not x:
                    if items is None:
                        items = list(v)
                    items[i] = y
            return v if items is None else items
        if t is float:
            if float_exact(v):
                return v
            if v.is_integer() and -SAFE_INT <= v <= SAFE_INT:  # (an infinity is not an integer, nor NaN)
                return int(v)
            raise _Inexact
        if t is str or t is bool or v is None:
            return v
        if t is int:
            if not -SAFE_INT <= v <= SAFE_INT:
                raise _Inexact
            return v
        raise _Inexact

    return walk


_PLAIN = _walker(False, None, None)
"""The walker `integral_as_int` uses (built once: `canonical_json` asks it of every value that is not plain)."""
