"""CG909: a case made from a template says plainly that it is one until its placeholders are
replaced. The templates `casegate init` writes mark every fictional person, organisation, claim
and evidence item with the word PLACEHOLDER; any value that still carries it is a blocking
finding, so a template followed by `gate` can never be deployable. The fictional evidence
artifacts a template ships (its eval logs and reports, each saying TEMPLATE in its own bytes) are
known by their sha256: an evidence item whose artifact has one of those digests is a finding too,
whatever its producer now says, until the artifact is replaced with the user's own."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator

from pydantic import BaseModel

from ...load.template_digests import TEMPLATE_ARTIFACTS
from ...load.template_marker import PLACEHOLDER
from .._registry import Context, Hit, rule

_MARK_BYTES = PLACEHOLDER.encode()
_WORD = rf"\b{PLACEHOLDER}\b"
"""The marker as a whole word (compiled by `re` the first time a text holds the marker: most
cases hold none, and compiling a pattern costs a run a millisecond)."""
_SHOWN = 60


def placeholder_values(obj: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every (path, text) in `obj` whose text carries the placeholder marker."""
    if isinstance(obj, str):
        if PLACEHOLDER in obj and re.search(_WORD, obj):
            yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name, None)
            if value is not None and not isinstance(value, (bool, int, float)):
                yield from placeholder_values(value, (*path, name))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from placeholder_values(v, (*path, str(k)))
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            yield from placeholder_values(v, (*path, i))


def _what(ctx: Context, path: tuple[str | int, ...]) -> str:
    """The element, person or evidence item a path belongs to, in words."""
    head = path[0]
    if head == "evidence" and len(path) > 1:
        return f"evidence item `{path[1]}`"
    if head == "argument" and len(path) > 2 and path[1] == "elements":
        return f"argument element `{path[2]}`"
    if head == "decision" and len(path) > 2 and path[1] == "signoffs" and isinstance(path[2], int):
        return f"the sign-off as `{ctx.case.decision.signoffs[path[2]].role}`"
    if head == "decision" and len(path) > 2 and path[1] == "objections":
        return f"objection `{path[2]}`"
    if head == "decision" and len(path) > 1 and path[1] == "authors":
        return "the author"
    if head in ("safeguards", "residual_risk") and len(path) > 1:
        return f"{'safeguard' if head == 'safeguards' else 'the residual risk on'} `{path[1]}`"
    if head == "threat_model" and len(path) > 3 and path[2] == "pathways":
        return f"pathway `{path[3]}`"
    return "this value"


def _dotted(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))


@rule(
    "CG909", "template-placeholder", severity="blocking", serves="fm-argument-theater",
    summary="A value still carries a template's PLACEHOLDER marker, or an evidence item's artifact is "
            "one a template ships: the case was made from a template and that person, organisation, "
            "claim or evidence item is fictional.",
    rationale="`casegate init` templates are worked examples with fictional people and evidence. "
              "Filled with plausible names and numbers they look like a case, and a gate that "
              "signed off on them would approve a release on evidence nobody produced. Every "
              "placeholder is marked, and the mark stays a blocking finding until the value is "
              "replaced, so a template can never be deployable. Renaming an item's producer does not "
              "make its artifact real: an artifact whose sha256 is that of a file shipped in a "
              "template is the template's fictional log or report, and stays a finding until it is "
              "replaced.",
    bad="decision:\n  signoffs:\n    - {role: rso, person: PLACEHOLDER Sam Whitfield, date: 2026-11-22}",
    good="decision:\n  signoffs:\n    - {role: rso, person: Amara Okafor, date: 2026-11-22}",
    fix="Replace the value with your own (the real person, your organisation, your own claim, your "
        "own evidence artifact with its digest and results, e.g. from `casegate evidence add`), "
        "dropping the word PLACEHOLDER; delete template items that do not apply to your system.",
)
def template_placeholder(ctx: Context) -> Iterator[Hit]:
    yield from _template_artifacts(ctx)
    if ctx.sources is not None and not ctx.sources.holds(_MARK_BYTES):
        return  # no file the case was read from holds the marker (walking a large case costs)
    for path, text in placeholder_values(ctx.case):
        if not path:
            continue
        shown = " ".join(text.split())
        shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 3] + "..."
        yield Hit(path, f"`{_dotted(path)}` still carries the template's marker (`{shown}`): "
                        f"{_what(ctx, path)} is a placeholder from the template the case was made from, not a fact about your system")


def _template_artifacts(ctx: Context) -> Iterator[Hit]:
    """Evidence items whose artifact is one a template ships: the digests casegate computed when it
    re-hashed the artifacts (`ctx.artifacts`), else the pinned ones, looked up in the kept set."""
    states, shipped_digests = ctx.artifacts.values(), TEMPLATE_ARTIFACTS.keys()
    if shipped_digests.isdisjoint(map(operator.attrgetter("actual_sha256"), states)) and \
            shipped_digests.isdisjoint(map(operator.attrgetter("pinned_sha256"), states)):
        return  # every digest read at once: none is a template's
    for eid, st in ctx.artifacts.items():
        if (st.actual_sha256 not in TEMPLATE_ARTIFACTS and st.pinned_sha256 not in TEMPLATE_ARTIFACTS) \
                or eid not in ctx.case.evidence:
            continue
        for digest in dict.fromkeys(d for d in (st.actual_sha256, st.pinned_sha256) if d):
            shipped = TEMPLATE_ARTIFACTS.get(digest)
            if shipped is not None:
                yield Hit(("evidence", eid, "artifact"),
                          f"the artifact of `{eid}` ({st.path}) has the sha256 of `{shipped}`, shipped with "
                          f"casegate's templates: this evidence is the template's fictional artifact; replace "
                          f"it with your own")
                break
