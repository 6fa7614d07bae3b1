"""CG10xx: regulatory regimes. A case under a regime (the EU GPAI Code of Practice, California's
SB 53, or a regime file of the organisation's own) must hold what the regime's documents ask for,
so the documents are made from the case instead of being written beside it and drifting apart."""

from __future__ import annotations

from collections.abc import Iterator

from .._derived import incidents_denied_in_words
from .._regimes import fill_section
from .._registry import Context, Hit, load_rule, rule


def _named_at(ctx: Context, regime_id: str) -> tuple[str | int, ...]:
    """Where the case or its policy names the regime (the finding points there)."""
    for i, ref in enumerate(ctx.case.regimes):
        if ref.rsplit(":", 1)[-1].removesuffix(".yaml").endswith(regime_id):
            return ("regimes", i)
    if ctx.case.regimes:
        return ("regimes",)
    for i, ref in enumerate(ctx.policy.regimes):
        if ref.rsplit(":", 1)[-1].removesuffix(".yaml").endswith(regime_id):
            return ("@policy", "regimes", i)
    return ("@policy", "regimes")


def _gaps(ctx: Context, basis: str) -> Iterator[Hit]:
    for regime in ctx.regimes:
        for did, doc in regime.documents.items():
            if doc.basis != basis:
                continue
            for sid, spec in doc.sections.items():
                if not spec.required:
                    continue
                fill = fill_section(regime, did, sid, ctx)
                if fill.filled:
                    continue
                why = "; ".join(g.why for g in fill.gaps)
                yield Hit(_named_at(ctx, regime.id),
                          f"{regime.id} {did}: section \"{spec.title}\" ({spec.cite.section}) cannot be "
                          f"filled from the {basis}: {why}")


@rule(
    "CG1001", "regime-section-gap", severity="condition", serves="fm-no-public-memory",
    summary="A document the case's regime asks for has a section the case cannot fill.",
    rationale="Regulators ask for the same facts a safety case holds (the model, the risks, the "
              "evaluations, the mitigations, the external evaluators). Where the case cannot supply "
              "a section, the filing is written by hand beside the case and the two drift apart; the "
              "gap is named so it is closed in the case, before the document is due.",
    bad="regimes: [builtin:ca-sb53]\nsystem: {name: Atlas-2, version: 2.1.0, digests: [sha256:...]}\n"
        "# no system.release: website, contact, languages, modalities, intended uses",
    good="regimes: [builtin:ca-sb53]\nsystem:\n  name: Atlas-2\n  version: 2.1.0\n  digests: [sha256:...]\n"
         "  release: {date: 2026-12-01, website: https://acme.example, contact: safety@acme.example,\n"
         "            languages: [en], modalities: [text, code], intended_uses: [software engineering]}",
    fix="Add to the case what the section asks for (the message names the missing fact); "
        "`casegate regime show NAME` lists every section and the facts that fill it.",
)
def regime_section_gap(ctx: Context) -> Iterator[Hit]:
    yield from _gaps(ctx, "case")


@rule(
    "CG1002", "regime-framework-gap", severity="advisory", serves="fm-no-public-memory",
    summary="A framework document the regime asks for has a section the policy cannot fill.",
    rationale="Regimes ask developers to publish the framework they follow (SB 53's frontier AI "
              "framework, the Code of Practice's Safety and Security Framework). The policy file is "
              "that framework as data; what it does not state cannot be published from it.",
    bad="regimes: [builtin:ca-sb53]\n# the policy has no governance section",
    good="governance:\n  updates: Reviewed every year and after any threshold is reached.\n"
         "  cybersecurity: Weights held under two-person control in an isolated enclave.\n"
         "  incident_response: A 24/7 on-call rotation triages incidents within 4 hours.\n"
         "  internal_governance: The RSO reports to the board's safety committee.",
    fix="Add what the section asks for to the policy (usually its `governance` section).",
)
def regime_framework_gap(ctx: Context) -> Iterator[Hit]:
    yield from _gaps(ctx, "policy")


load_rule(
    "CG1003", "incident-report-overdue", severity="blocking", serves="test-7-post-deployment",
    summary="An incident report a regime requires is past its deadline and not filed.",
    rationale="Regimes set reporting deadlines counted from when an incident became known (SB 53: "
              "15 days, or 24 hours for an imminent risk of death or serious injury; the Code of "
              "Practice: 2 to 15 days by the kind of harm). A missed deadline is a fact about the "
              "deployment, recorded by the registry, not a matter of wording in the case.",
    bad="# registry: incident #42 became known 2026-12-03T09:00Z, class ca-sb53:critical-safety-incident\n"
        "# no incident-report-filed event by 2026-12-18T09:00Z",
    good="# casegate incident filed 42 --class ca-sb53:critical-safety-incident --key auditor.key --role auditor",
    fix="File the report (`casegate incident draft` writes it from the incident and the case), then "
        "have someone outside the developer record the filing: `casegate incident filed INDEX --class "
        "REGIME:CLASS --key KEY` (a filing counts only where it verifies against the keyring).",
)


load_rule(
    "CG1004", "regime-id-shadowed", severity="blocking", serves="test-7-post-deployment",
    summary="A regime file of the case's own reuses the id of a built-in regime or one the policy names.",
    rationale="A regime's deadlines and documents are the organisation's and the law's, not the lab's. "
              "A case naming its own copy of SB 53 under the same id, with ten-year reporting "
              "deadlines, would otherwise stand in for the real one wherever the id is looked up "
              "(`incident report --class ca-sb53:...`, `incident clocks`). The built-in or policy "
              "regime is the one the case is held to, and the copy is refused.",
    bad="regimes: [regimes/ca-sb53.yaml]\n# regimes/ca-sb53.yaml: id: ca-sb53, deadline: {days: 3650}",
    good="regimes: [builtin:ca-sb53, regimes/acme-internal.yaml]\n# regimes/acme-internal.yaml: id: acme-internal",
    fix="Give the case's own regime an id of its own (its `id:` field), or name the built-in regime "
        "(`builtin:NAME`) or leave it to the policy.",
)


def _tail(ref: str) -> str:
    """The name a reference gives its regime: `ca-sb53` for `builtin:ca-sb53` and for
    `regimes/ca-sb53.yaml`."""
    return ref.rsplit(":", 1)[-1].removesuffix(".yaml").rsplit("/", 1)[-1]


@rule(
    "CG1005", "regime-dropped", severity="blocking", serves="fm-no-public-memory",
    summary="A regulatory regime the previous version was under (named by its case or its policy) is no "
            "longer named by the case or its policy.",
    rationale="A regime is named by the case that is under it: nothing else says it applies. Dropped "
              "from the next version, it takes with it the gaps its documents had (CG1001) and the "
              "reporting clocks of every incident recorded against the new version, and the decision no "
              "longer says so. Whether a regime still applies is a question of law and of where the model "
              "is offered, not of what the case leaves out.",
    bad="# previous version: regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]\n"
        "regimes: [builtin:eu-gpai-cop-2025]",
    good="regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]",
    fix="Name the regime again. A regime that no longer applies (the model withdrawn from the "
        "jurisdiction) is dropped in a version decided on its own, with the boundary change that ends it.",
)
def regime_dropped(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    # the previous version was under the regimes its case named and those its policy named: a
    # policy's `regimes:` cut takes a regime away as surely as the case's
    before = list(dict.fromkeys([*prev.regimes, *(ctx.previous_policy.regimes if ctx.previous_policy is not None
                                                  else ())]))
    if not before:
        return
    now = list(ctx.case.regimes) + list(ctx.policy.regimes)
    named = {_tail(r) for r in now}
    ids = {r.id for r in ctx.regimes}
    where: tuple[str | int, ...] = (("regimes",) if ctx.case.regimes else ("@policy", "regimes") if ctx.policy.regimes
                                    else ("id",))
    for ref in before:
        # the same reference, or one naming the same regime from another place (a file moved);
        # a file of that name holding another regime (its own id) is not the regime
        if ref in now or (_tail(ref) in named and _tail(ref) in ids):
            continue
        yield Hit(where, f"the previous version was under the regime `{ref}`, which this version no longer names: "
                         "its documents' gaps and its incident reports would go with it")



@rule(
    "CG438", "incidents-denied-in-words", severity="blocking", serves="fm-no-public-memory",
    summary="The case's words say the model has had no incidents while the registry holds one recorded "
            "against it.",
    rationale="Regime documents and the published summary are made from the case's words: a description "
              "saying `no serious incidents have been reported` goes to the AI Office in the Model Report "
              "and into the transparency report beside the registry's own list of the incident. What the "
              "registry recorded is the fact; words that deny it are struck from the case, not filed.",
    bad="# registry: incident-10 (cyber, high) recorded against version 1.0\n"
        "system: {description: Linnet-1 has had no serious incidents since launch.}",
    good="system: {description: Linnet-1 is Acme's general-purpose model, text and code.}\n"
         "incident_answers: {incident-10: {evidence: [E-cyber-redteam]}}",
    fix="Strike the words, or say what the registry holds (the incident and its answer); words limited to a "
        "period or kind (`no further incidents since the retraining`) say no more than they can.",
)
def incidents_denied(ctx: Context) -> Iterator[Hit]:
    # every serious incident since the previous launch, whatever it defeats (one in a domain the
    # case claims nothing about happened to the model all the same), and every one that defeated a claim
    held = list(ctx.denied_incidents)
    seen = {h.id for h in held}
    held += [i for i in ctx.incidents if i.cause == "incident" and i.id not in seen]
    if not held:
        return
    found = incidents_denied_in_words(ctx.case)
    if found is None:
        return
    at, words = found
    first = held[0]
    yield Hit(at,
              f"the case says \"{words[:160]}\" while the registry holds {first.id} ({first.domain}, {first.severity}, "
              f"{first.date}) recorded against {first.version}"
              + (f" and {len(held) - 1} more" if len(held) > 1 else "")
              + ": the regime documents would file the denial beside the incident")
