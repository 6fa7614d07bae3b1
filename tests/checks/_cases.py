"""Building check contexts from the base fixture case of the CG1xx-CG4xx rules, varied in Python."""

from __future__ import annotations

import copy
import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from casegate.checks import Context, Hit, registered
from casegate.load import load_case
from casegate.model import Baseline, BoundaryKind, Case, Policy, RuleSeverity

RULES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
BASE = RULES / "CG404" / "good" / "case.yaml"
"""A small complete case that passes every CG1xx-CG4xx rule (the shared good fixture)."""
TODAY = dt.date(2026, 11, 27)


@cache
def _base() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(BASE.read_text())
    return doc


def base_doc() -> dict[str, Any]:
    """A fresh, mutable copy of the base case document."""
    return copy.deepcopy(_base())


@cache
def policy() -> Policy:
    loaded = load_case(BASE)
    assert loaded.policy is not None
    return loaded.policy


def case(doc: dict[str, Any]) -> Case:
    return Case.model_validate(doc)


_CASE_BOUNDARY: Any = object()


def context(doc: dict[str, Any] | Case, *, boundary: BoundaryKind | None = _CASE_BOUNDARY,
            pol: Policy | None = None, previous: Case | None = None,
            previous_policy: Policy | None = None, related: list[Case] | None = None,
            today: dt.date = TODAY, history: list[Case] | None = None,
            baseline: Baseline | None = None) -> Context:
    c = doc if isinstance(doc, Case) else case(doc)
    if boundary is _CASE_BOUNDARY:
        boundary = c.boundary.kind if c.boundary else None
    return Context(case=c, policy=pol or policy(), today=today, boundary=boundary,
                   previous=previous, previous_policy=previous_policy, registry_cases=related or [],
                   baseline=baseline, **({"history": history} if history is not None else {}))


def hits(code: str, ctx: Context) -> list[Hit]:
    """What rule `code`'s check yields for `ctx`."""
    for reg in registered():
        if reg.rule.code == code:
            return list(reg.check(ctx))
    raise KeyError(code)


def severity(code: str, h: Hit) -> RuleSeverity:
    """The severity a hit of `code` ends up with."""
    for reg in registered():
        if reg.rule.code == code:
            return h.severity or reg.rule.severity
    raise KeyError(code)
