"""CG6xx: publishable summaries preserve the argument (seed test 6) and the case leaves a public
memory: a publication plan, the eight questions answerable from the case, and redaction that is
stated rather than silent."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Confidentiality
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
    hidden += [f"argument.elements.{k}" for k, e in c.argument.elements.items() if e.confidentiality not in _SHOWN]
    hidden += [f"residual_risk.{k}" for k, r in c.residual_risk.items() if r.confidentiality not in _SHOWN]
    if hidden:
        more = f" and {len(hidden) - 3} more" if len(hidden) > 3 else ""
        yield Hit(("publication",), f"{len(hidden)} element(s) will be redacted ({', '.join(hidden[:3])}{more}) "
                  "but the plan does not say what is withheld or why")


_PUBLIC_WORDS = ("public", "anyone", "everyone", "general audience")


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
    audience = (pub.audience or "").casefold()
    if not any(w in audience for w in _PUBLIC_WORDS):
        where: tuple[str | int, ...] = ("publication", "audience") if pub.audience else ("publication",)
        shown = f"`{pub.audience.strip()}`" if pub.audience and pub.audience.strip() else "not stated"
        yield Hit(where, f"the policy requires a public summary, but the plan's audience is {shown}"
                         + (f" (venue: {pub.venue.strip()})" if pub.venue else ""))
