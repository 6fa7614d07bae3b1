"""A small YAML writer for the files casegate generates (imported evidence).

Only what those files need: mappings, lists, strings, numbers, booleans, null. Strings are
quoted (as JSON strings, which YAML reads the same) unless they are plain words or dates, so
writing the same data twice gives the same bytes, and reading the output back gives the data.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-/]*\Z")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", "nan", "inf"}


def scalar(v: Any) -> str:
    """One scalar as YAML text."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            return json.dumps(str(v))
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        return repr(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    s = str(v)
    if _DATE.match(s) or (_PLAIN.match(s) and s.lower() not in _RESERVED):
        return s
    return json.dumps(s, ensure_ascii=False)


def _flow(v: Any) -> str:
    if isinstance(v, dict):
        return "{" + ", ".join(f"{scalar(k)}: {_flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_flow(x) for x in v) + "]"
    return scalar(v)


def _small(v: Any) -> bool:
    """Written on one line: scalars, lists of scalars, mappings of scalars."""
    if isinstance(v, dict):
        return all(not isinstance(x, (dict, list)) for x in v.values()) and len(_flow(v)) <= 100
    if isinstance(v, list):
        return all(not isinstance(x, (dict, list)) for x in v) and len(_flow(v)) <= 100
    return True


def dump(data: dict[str, Any], indent: int = 0) -> list[str]:
    """Block-style lines for a mapping; small values inline, lists of mappings one per line."""
    pad = " " * indent
    out: list[str] = []
    for k, v in data.items():
        key = scalar(k)
        if isinstance(v, dict) and v and not _small(v):
            out.append(f"{pad}{key}:")
            out.extend(dump(v, indent + 2))
        elif isinstance(v, list) and v and not _small(v):
            out.append(f"{pad}{key}:")
            for item in v:
                out.append(f"{pad}  - {_flow(item)}")
        else:
            out.append(f"{pad}{key}: {_flow(v)}")
    return out
