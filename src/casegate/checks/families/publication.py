"""CG6xx: publishable summaries preserve the argument (seed test 6) and the case leaves a public
memory: a publication plan, the eight questions answerable from the case, and redaction that is
stated rather than silent."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from ..._patterns import kept
from ...model import Confidentiality, Finding, RuleSeverity
from .._registry import Context, Hit, rule
from ..answers import QUESTION_SECTIONS, compose_answers


@rule(
    "CG601", "no-publication-plan", severity="blocking", serves="fm-no-public-memory",
    summary="The case has no publication plan, or its plan publishes no summary.",
    rationale="If the argument, the evidence that mattered and the decision trail stay private, "
              "nobody outside can learn which arguments held up and which failed: institutional "
              "amnesia around systems meant to be governed by evidence.",
    bad="publication:\n  summary: false",
    good="publication:\n  summary: true\n  venue: Acme safety case registry\n  audience: the public, AISI\n"
         "  withheld: Bio evaluation items and weight-security details.",
    fix="Add a `publication` section that publishes a redacted summary (casegate publish builds it "
        "from the eight answers), naming venue and audience.",
)
def no_publication_plan(ctx: Context) -> Iterator[Hit]:
    pub = ctx.case.publication
    if pub is None:
        yield Hit(("id",), "the case has no `publication` section: nothing of it will be public")
    elif not pub.summary:
        yield Hit(("publication", "summary"), "the publication plan publishes no summary")


@rule(
    "CG602", "unanswerable-question", severity="blocking", serves="fm-no-public-memory",
    summary="One of the eight questions cannot be answered from the case's data.",
    rationale="What capability was found, what pathway was considered, what blocks it, who checked, "
              "who could object, what remains uncertain, what happens at scale, what would force "
              "retreat: a case that cannot answer one of these is not a gate but a decorative arch.",
    bad="# no residual_risk, no assumptions, no defeaters: 'What remains uncertain?' has no answer\n"
        "residual_risk: {}",
    good="residual_risk:\n  cyber-ransomware: {estimate: Upper bound about 1e-4 attacks per year, owner: head-of-safeguards,\n"
         "    detection: usage monitoring, stop_authority: rso, accepted_by: rso, rationale: Below tolerance}",
    fix="Add what the question needs: capability results, pathways, safeguards that block steps, "
        "sign-offs or independent checks, sign-off roles or objections, residual-risk estimates or "
        "assumptions, monitors or an at-scale statement, withdrawal conditions or triggers.",
)
def unanswerable_question(ctx: Context) -> Iterator[Hit]:
    for a in compose_answers(ctx):
        if not a.answerable:
            yield Hit(QUESTION_SECTIONS[a.key], f"the case cannot answer \"{a.question}\"")


_SHOWN = (Confidentiality.public, Confidentiality.internal)


@rule(
    "CG603", "redaction-unexplained", severity="condition", serves="test-6-publication",
    summary="Restricted or secret elements will be redacted from the summary, but the plan does not say what is withheld or why.",
    rationale="Redaction must be visible: a summary that silently drops the security controls or the "
              "bio results reads as if they were never part of the argument.",
    bad="safeguards:\n  SG-weights: {layer: weight-security, confidentiality: secret, ...}\n"
        "publication:\n  summary: true",
    good="publication:\n  summary: true\n  withheld: Weight-security details (secret), verified by an independent audit.",
    fix="Say under `publication.withheld` what is withheld and why.",
)
def redaction_unexplained(ctx: Context) -> Iterator[Hit]:
    c = ctx.case
    pub = c.publication
    if pub is None or not pub.summary or (pub.withheld and pub.withheld.strip()):
        return
    hidden = [f"evidence.{k}" for k, e in c.evidence.items() if e.confidentiality not in _SHOWN]
    hidden += [f"safeguards.{k}" for k, s in c.safeguards.items() if s.confidentiality not in _SHOWN]
    hidden += [f"argument.elements.{k}" for k, conf in ctx.index.private.items() if conf not in _SHOWN]
    hidden += [f"residual_risk.{k}" for k, r in c.residual_risk.items() if r.confidentiality not in _SHOWN]
    if hidden:
        more = f" and {len(hidden) - 3} more" if len(hidden) > 3 else ""
        yield Hit(("publication",), f"{len(hidden)} element(s) will be redacted ({', '.join(hidden[:3])}{more}) "
                  "but the plan does not say what is withheld or why")


_PUBLIC_WORDS = ("public", "anyone", "everyone", "general audience")
_PUBLIC = kept(r"(?<![\w-])(?:publicly|" + "|".join(w.replace(" ", r"\s+") for w in _PUBLIC_WORDS)
               + r")(?![\w-])")
_NOT_PUBLIC = kept(r"(?:\bnon|\bnot(?:\s+the)?|\bno)[\s-]*$")


def _names_public(audience: str) -> bool:
    """Whether an audience, as it reads (`as_read`: `the gеneral рublic` in Cyrillic letters is the
    general public), names the public as a word: `non-public`, `not the public`, `publicity team`
    or `anyone-at-Acme` do not."""
    from .._text import as_read

    low = as_read(audience).casefold()
    return any(not _NOT_PUBLIC.search(low, 0, m.start()) for m in _PUBLIC.finditer(low))


@rule(
    "CG604", "publication-not-public", severity="blocking", serves="fm-no-public-memory",
    summary="The policy requires a public summary, and the publication plan's audience is not the "
            "public (an internal wiki, the board, regulators only).",
    rationale="A summary published to the internal wiki is institutional memory for the lab, not "
              "public memory: nobody outside can learn which arguments held up. Where the policy "
              "requires public summaries (`publication.public_summary`), the plan must name the "
              "public among its audience.",
    bad="publication:\n  summary: true\n  venue: internal wiki\n  audience: Acme staff",
    good="publication:\n  summary: true\n  venue: Acme safety case registry\n  audience: the public, AISI",
    fix="Publish the redacted summary to the public (name it in `audience`), or change the policy "
        "if it does not require public summaries.",
)
def publication_not_public(ctx: Context) -> Iterator[Hit]:
    pub = ctx.case.publication
    if pub is None or not pub.summary or not ctx.policy.publication.public_summary:
        return  # CG601 reports a missing plan or summary
    if not _names_public(pub.audience or ""):
        where: tuple[str | int, ...] = ("publication", "audience") if pub.audience else ("publication",)
        shown = f"`{pub.audience.strip()}`" if pub.audience and pub.audience.strip() else "not stated"
        yield Hit(where, f"the policy requires a public summary, but the plan's audience is {shown}"
                         + (f" (venue: {pub.venue.strip()})" if pub.venue else ""))


_REDACTED_SECTIONS = (("evidence", "evidence item"), ("safeguards", "safeguard"),
                      ("residual_risk", "residual-risk estimate"))


def _redacted_at(ctx: Context, path: tuple[str, ...]) -> tuple[str, str] | None:
    """(id, kind of element) of the element the public summary redacts that `path` lies in, if
    any. The prefixes of one section all have one length (2, 3 or 4), and no prefix of one
    section is a prefix of another's: at most one element begins the path."""
    c = ctx.case
    if len(path) >= 2:
        for section, kind in _REDACTED_SECTIONS:
            if path[0] == section:
                item = getattr(c, section).get(path[1])
                if item is not None and item.confidentiality is not Confidentiality.public:
                    return path[1], f"{item.confidentiality.value} {kind}"
                return None
    if len(path) >= 3 and path[:2] == ("argument", "elements"):
        conf = ctx.index.private.get(path[2])
        return (path[2], f"{conf.value} argument element") if conf is not None else None
    if len(path) >= 4 and path[0] == "threat_model" and path[2] == "pathways":
        threats = c.threat_model.get(path[1])
        p = threats.pathways.get(path[3]) if threats is not None else None
        if p is not None and p.confidentiality is not Confidentiality.public:
            return path[3], f"{p.confidentiality.value} pathway"
    return None


def _redacted_named(ctx: Context, message: str) -> list[tuple[str, str]]:
    """(id, kind) of every element the public summary redacts whose id `message` quotes (as
    `id`), in the order of the case: evidence, safeguards, residual risk, argument elements,
    pathways, each in its section's order. Only the quoted ids are looked up (a large case
    redacts tens of thousands of elements; a message quotes a few)."""
    ticks = [i for i, ch in enumerate(message) if ch == "`"]
    quoted = {message[a + 1:b] for a, b in itertools.pairwise(ticks)}
    if not quoted:
        return []
    c = ctx.case
    private = ctx.index.private
    # the sections in the case's order; within one, the ids it holds, in its order (sorted only
    # when the message quotes more than one of them)
    levels: list[tuple[str, dict[str, Any]]] = [
        *((kind, {k: x.confidentiality for k, x in _in_order(getattr(c, section), quoted).items()})
          for section, kind in _REDACTED_SECTIONS),
        ("argument element", _in_order(private, quoted)),
        ("pathway", {pid: p.confidentiality for threats in c.threat_model.values()
                     for pid, p in threats.pathways.items() if pid in quoted}),
    ]
    return [(k, f"{conf.value} {kind}") for kind, held in levels for k, conf in held.items()
            if conf is not Confidentiality.public]


def _in_order(items: dict[str, Any], wanted: set[str]) -> dict[str, Any]:
    """The entries of `items` whose keys are `wanted`, in the order of `items` (looked up by key:
    a section of thousands of items is walked only when two or more are wanted)."""
    hits = wanted & items.keys()
    if len(hits) > 1:
        return {k: items[k] for k in items if k in hits}
    return {k: items[k] for k in hits}


_CONDITION_WORD = kept(r"\bconditions?\b")


def _names_id(said: str, eid: str) -> bool:
    """Whether `said` (folded) names id `eid` whole: `E-ctf` is not named by `E-ctf-v2`."""
    return re.search(r"(?<![\w.-])" + re.escape(eid.casefold()) + r"(?![\w-]|\.\w)", said) is not None


def _becomes_condition(ctx: Context, f: Finding) -> bool:
    """Whether `f` becomes a condition of the decision: a condition finding, or a blocking one that
    a waiver the gate accepts covers (the gate applies waivers after the rules have run)."""
    if f.waived is not None or f.severity is RuleSeverity.condition:
        return True
    return f.severity is RuleSeverity.blocking and any(w.covers(f.code, f.path) for w in ctx.waivers)


@rule(
    "CG605", "withheld-condition-unexplained", severity="condition", serves="test-6-publication",
    pass_=9,
    summary="A condition of the decision concerns an element the public summary redacts, so the "
            "summary will withhold it, and the publication plan does not say so.",
    rationale="A condition is what the developer still owes before or after release (a condition "
              "finding, or a blocking finding a signed waiver turned into a condition). A public "
              "summary that drops it silently reads as an unconditional approval; readers must at "
              "least learn that a condition exists, what it is about in general terms, and why its "
              "text is withheld.",
    bad="evidence:\n  E-cyber-ctf: {confidentiality: internal, ...}   # its bound sets a condition\n"
        "publication:\n  summary: true\n  withheld: Weight-security details.",
    good="publication:\n  summary: true\n  withheld: >-\n    Weight-security details. The condition on "
         "the cyber evaluation (E-cyber-ctf) is\n    withheld with its numbers; the AISI receives both.",
    fix="Say in `publication.withheld` that the condition is withheld and why, naming the element it "
        "concerns (or publish that element at the public level).",
)
def withheld_condition_unexplained(ctx: Context) -> Iterator[Hit]:
    from .._text import as_read

    pub = ctx.case.publication
    if pub is None or not pub.summary:
        return
    conditions = [f for f in ctx.memo.get("earlier_findings", ()) if _becomes_condition(ctx, f)]
    if not conditions:
        return
    said = as_read(pub.withheld or "").casefold()
    # a word, not a part of one: "the approval is unconditional" says no condition is withheld
    says_conditions = _CONDITION_WORD.search(said) is not None
    flagged: set[str] = set()
    for f in conditions:
        at = _redacted_at(ctx, tuple(str(x) for x in f.path))
        concerned = [at] if at is not None else []
        concerned += [el for el in _redacted_named(ctx, f.message) if el not in concerned]
        for eid, kind in concerned:
            if eid in flagged or says_conditions or _names_id(said, eid):
                continue
            flagged.add(eid)
            where = ("publication", "withheld") if pub.withheld else ("publication",)
            # the message names no redacted id: the public summary shows this condition
            # (nor a word such as "summary" that is a field name inside redacted elements)
            yield Hit(where, f"a condition of the decision ({f.code} {f.name}) concerns an {kind} that is "
                             "redacted for the public, so the public page will withhold the condition, and "
                             "`publication.withheld` does not say so")
