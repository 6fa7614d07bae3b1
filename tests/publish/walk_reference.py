"""The redaction walk casegate published with before the public document came from pydantic-core's
dump of the whole case: kept here, unchanged, as the reference `redact` is proven equal to
(tests/publish/test_redact_dump.py), on the examples and on hypothesis-generated cases."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import cache
from typing import Any, cast

from pydantic import BaseModel

from casegate.model import Case, Confidentiality, Pathway
from casegate.publish._commit import Salts
from casegate.publish._redact import LEVELS, REVEALED_FIELDS, Redaction, Stub, leaves_of, rank, seal

_REQUIRED = object()


@cache
def _defaults(cls: type[BaseModel]) -> dict[str, Any]:
    """Field name -> default value (or _REQUIRED), per model class (pydantic's lookup is slow)."""
    return {name: _REQUIRED if info.is_required() else info.get_default(call_default_factory=True)
            for name, info in cls.model_fields.items()}


_PLANS: dict[type, tuple[tuple[tuple[str, Any], ...], int, bool] | None] = {}
"""Per type of value met in a case: for a model class, its fields with their defaults (`_defaults`),
how its confidentiality is read (`_LEVEL_*`) and whether it is a `Pathway`; None for any other
type. Looked up by type, once per value: `isinstance` against a pydantic model class goes
through ABCMeta's checks, a cost per value of a large case."""
_LEVEL_NONE, _LEVEL_FIELD, _LEVEL_ATTRIBUTE = 0, 1, 2


def _plan(cls: type) -> tuple[tuple[tuple[str, Any], ...], int, bool] | None:
    """`_PLANS[cls]`, worked out and kept on first use."""
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
        plan = None
    else:
        if "confidentiality" in cls.model_fields:
            level = _LEVEL_FIELD
        elif hasattr(cls, "confidentiality") or cls.model_config.get("extra") == "allow":
            level = _LEVEL_ATTRIBUTE  # a class attribute, or an extra field: read as `getattr` reads it
        else:
            level = _LEVEL_NONE
        plan = (tuple(_defaults(cls).items()), level, issubclass(cls, Pathway))
    _PLANS[cls] = plan
    return plan


@cache
def _revealed(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a redacted element of this class that its stub shows, in name order."""
    return tuple(sorted(REVEALED_FIELDS.get(cls, frozenset())))


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value




def reference_redact(case: Case, salts: Salts, level: Confidentiality = Confidentiality.public) -> Redaction:
    """`redact` as the walk wrote it: the document built field by field in Python, its leaves
    collected on the way."""
    result = Redaction(level=level, leaves=set(), sealed_leaves=set())
    leaves = result.leaves
    secret_leaves = result.sealed_leaves
    assert leaves is not None and secret_leaves is not None
    add = leaves.add
    # steps of redacted pathways are named by position, never by their (confidential) names
    for pid, (_, pathway) in case.pathways().items():
        if rank(pathway.confidentiality) > rank(level):
            for i, s in enumerate(pathway.steps, 1):
                result.step_mask[f"{pid}.{s}"] = f"{pid}.#{i}"

    def mask(value: Any) -> Any:
        if isinstance(value, str):
            return result.step_mask.get(value, value)
        if isinstance(value, list):
            return [mask(v) for v in value]
        return value

    masks = result.step_mask
    above = frozenset(lv for lv in LEVELS if rank(lv) > rank(level))  # the levels redacted

    def walk(obj: Any, parts: tuple[str | int, ...]) -> Any:
        t = type(obj)
        plan = _PLANS[t] if t in _PLANS else _plan(t)
        if plan is not None:
            fields, level_read, is_pathway = plan
            lv = (None if level_read == _LEVEL_NONE else obj.__dict__["confidentiality"] if level_read == _LEVEL_FIELD
                  else getattr(obj, "confidentiality", None))
            if lv is not None and isinstance(lv, Confidentiality) and lv in above:
                sealed = seal(case, salts, parts, obj, secret_leaves)
                revealed: dict[str, Any] = {}
                for name in _revealed(cast("type[BaseModel]", t)):
                    v = getattr(obj, name)
                    if v is None or v == [] or v is False:
                        continue
                    revealed[name] = mask([_plain(x) for x in v]) if isinstance(v, list) else _plain(v)
                if is_pathway:
                    revealed["steps"] = [result.step_mask[f"{parts[-1]}.{s}"] for s in obj.steps]
                stub = Stub(sealed.pointer, sealed.id, sealed.type, lv, sealed.commitment, revealed)
                result.stubs[stub.pointer] = stub
                result.sealed[stub.pointer] = sealed
                document = stub.document()
                stub_documents.append(document)  # their leaves are collected at the end, in one walk
                return document
            out: dict[str, Any] = {}
            values = obj.__dict__  # the fields' values (getattr would look through the class first)
            for name, default in fields:
                v = values[name]
                # a value at its default is left out; only None equals a default of None
                if v is default or (default is not None and default is not _REQUIRED and v == default):
                    continue
                add(name)
                # plain text and numbers (most fields) are masked here, without a call per value;
                # the leaves of what a call to `walk` returns are collected by that call
                t = type(v)
                if t is str:
                    v = masks.get(v, v) if masks else v
                    add(v)
                    out[name] = v
                elif t is int or t is float:
                    add(str(v))
                    out[name] = v
                elif t is bool or v is None:
                    out[name] = v
                elif t is list:
                    items = [masks.get(x, x) if type(x) is str else walk(x, parts + (name, i))
                             for i, x in enumerate(v)]
                    leaves.update([x for x in items if type(x) is str])
                    out[name] = items
                else:
                    out[name] = walk(v, parts + (name,))
            return out
        if isinstance(obj, dict):
            got = {}
            for k, v in obj.items():
                key = str(k)
                add(key)
                got[key] = walk(v, parts + (k,))
            return got
        if isinstance(obj, list | tuple):
            return [walk(v, parts + (i,)) for i, v in enumerate(obj)]
        leaf = mask(_plain(obj))
        if type(leaf) is str:
            add(leaf)
        else:
            leaves_of(leaf, leaves)
        return leaf

    stub_documents: list[dict[str, Any]] = []
    result.document = walk(case, ())
    leaves_of(stub_documents, leaves)
    return result
