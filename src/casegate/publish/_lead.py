"""The plain-language lead of a public summary: what is released to whom, the decision, what the
gate found, the conditions, and what would force a retreat, in sentences a member of the public
can read without knowing casegate's ids. Built from the redacted summary only, so it cannot say
more than the summary does."""

from __future__ import annotations

from ._views import PublicSummary

_BOUNDARY_WORDS = {
    "training": "for training only, with no deployment",
    "internal-research": "to the developer's own researchers",
    "internal-deployment": "inside the developer's organisation",
    "trusted-access": "to a small set of vetted partners",
    "api": "through an API",
    "consumer": "in a consumer product",
    "third-party": "through third-party platforms",
    "fine-tuning": "with fine-tuning access",
    "open-weights": "as open weights anyone can download",
}
_OUTCOME_WORDS = {
    "GO": "may be released",
    "GO WITH CONDITIONS": "may be released only on conditions",
    "NO-GO": "may not be released",
}


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def withheld_conditions(s: PublicSummary) -> int:
    """How many of the decision's conditions this summary withholds."""
    return sum(1 for c in s.decision.conditions if c.withheld)


def withheld_findings(s: PublicSummary) -> str | None:
    """How many of the decision's standing findings this summary withholds the words of, by
    severity, in words (None when it withholds none): the counts alone do not say, and an
    advisory finding is listed nowhere else."""
    by: dict[str, int] = {}
    for f in s.decision.findings:
        if f.withheld and not f.waived:
            by[f.severity] = by.get(f.severity, 0) + 1
    if not by:
        return None
    parts = [f"{by[k]} {k}" for k in ("blocking", "condition", "advisory") if k in by]
    parts += [f"{n} {k}" for k, n in sorted(by.items()) if k not in ("blocking", "condition", "advisory")]
    return f"Of these, withheld here for concerning redacted content: {', '.join(parts)}."


def plain_lead(s: PublicSummary) -> list[str]:
    """The lead as a few short paragraphs (plain text)."""
    name = " ".join(str(x) for x in (s.system.get("name"), s.system.get("version")) if x) or "The system"
    b = s.boundary or {}
    kind = str(b.get("kind") or s.decision.boundary or "")
    where = _BOUNDARY_WORDS.get(kind, f"across the `{kind}` boundary" if kind else "across an unnamed boundary")
    tools = b.get("tools") or []
    users = (b.get("scope") or {}).get("users")

    # the gate's words come first: whatever the developer wrote (the system's name aside) follows
    # them, quoted, so no text of the case can stand above the decision reading as the gate's
    d = s.decision
    verdict = _OUTCOME_WORDS.get(d.outcome, d.outcome)
    text = f"casegate's release gate decided on {d.decided_at[:10]}: {name} {verdict} {where}"
    if d.outcome == "NO-GO" and d.narrower:
        text += f"; the evidence would support the narrower `{d.narrower}` boundary instead"
    counts = d.counts
    found = [_plural(counts.get("blocking", 0), "blocking problem"),
             _plural(counts.get("condition", 0), "finding") + " that only set conditions",
             _plural(counts.get("advisory", 0), "advisory note")]
    out = [text + ". The gate checked the case against the developer's safety framework and found "
           + ", ".join(found) + "."]
    said = [f"with {', '.join(str(t) for t in tools)}"] if tools else []
    if users:
        said.append(f"for \u201c{users}\u201d")
    if said:
        out.append("The developer's case describes the release: " + ", ".join(said) + ".")

    if d.conditions:
        dues = sorted({c.due for c in d.conditions if c.due})
        cond = f"{_plural(len(d.conditions), 'condition')} must be met" + (f" by {dues[0]}" if dues else "")
        late = [c for c in d.conditions if c.standing and c.standing.startswith("overdue")]
        if late:
            who = "it is" if len(d.conditions) == 1 else f"{len(late)} of them {'is' if len(late) == 1 else 'are'}"
            cond += (f"; {who} past due with nothing in the registry's log showing {'it' if len(late) == 1 else 'them'} "
                     "met, as of when this summary was written")
        hidden = withheld_conditions(s)
        if hidden:
            cond += (f"; {'it is' if hidden == 1 else f'{hidden} of them are'} withheld here because "
                     f"{'it concerns' if hidden == 1 else 'they concern'} material redacted for this audience")
            contact = (s.system.get("release") or {}).get("contact")
            if contact:
                cond += f" (ask the developer: {contact})"
        out.append(cond + ".")

    pd = s.post_deployment
    retreat = [t.description for t in pd.triggers if t.description][:3]
    retreat += [f"It is withdrawn on: {w[0].lower()}{w[1:]}" for w in pd.withdrawal[:1] if w]
    if retreat:
        out.append("What would force a retreat: " + " ".join(r if r.endswith(".") else r + "." for r in retreat))
    elif not pd.triggers:
        out.append("The case names nothing that would reopen, restrict or withdraw it.")
    return out
