"""A gate decision for people: the outcome first and plainly, then the conditions, the eight
answers, the narrower boundary on NO-GO, and the findings. Text for terminals, Markdown for
pull requests and review pages."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._findings import format_text, summary_line

if TYPE_CHECKING:
    from ..model import DecisionRecord

_BANNER = {"GO": "GO", "GO WITH CONDITIONS": "GO WITH CONDITIONS", "NO-GO": "NO-GO"}


def _boundary_words(record: DecisionRecord) -> str:
    return record.boundary.value if record.boundary else "(no boundary)"


def _narrower_words(record: DecisionRecord) -> str | None:
    if record.outcome != "NO-GO":
        return None
    if record.narrower is None:
        return "No narrower boundary passes with the same evidence and policy."
    # an attribute dropped whole (`tools`) in words; a single grant (`tools.web-browsing`) by name
    words = [f"`{name}`" if name else attr.replace("_", " ")
             for attr, _, name in (d.partition(".") for d in record.narrower_dropped)]
    drop = f" without {', '.join(words[:-1])} and {words[-1]}" if len(words) > 1 else f" without {words[0]}" if words else ""
    return f"The same evidence and policy support `{record.narrower.value}`{drop}."


def format_decision_text(record: DecisionRecord, source_line: Callable[[Any], str]) -> str:
    """The decision as terminal text: a banner with the outcome, conditions, answers, findings."""
    title = f"{record.outcome}  {record.system} across `{_boundary_words(record)}`"
    bar = "=" * max(len(title), 40)
    out = [bar, title, bar,
           f"case {record.case_id} v{record.case_version}, decided as of {record.decided_at}, "
           f"casegate {record.casegate_version}", ""]
    nar = _narrower_words(record)
    if nar:
        out += ["Narrower boundary:", f"  {nar}"]
        if record.lacks:
            out.append(f"  `{_boundary_words(record)}` lacks:")
            out += [f"    - {x}" for x in record.lacks]
        out.append("")
    if record.conditions:
        out.append("Conditions:")
        for c in record.conditions:
            if c.finding:
                out.append(f"  {c.id} [{c.cause}] due {c.due}")
                out.append(f"     finding: {c.finding}")
                if c.fix:
                    out.append(f"     fix:     {c.fix}")
            else:
                out.append(f"  {c.id} [{c.cause}] due {c.due}: {c.text}")
        out.append("")
    if record.answers:
        out.append("The eight questions:")
        for a in record.answers:
            out.append(f"  {a.question}")
            if a.answerable:
                out += [f"    {line}" for line in a.answer.splitlines()]
                out.append(f"    (from {', '.join(a.sources)})")
            else:
                out.append("    CANNOT BE ANSWERED from the case")
        out.append("")
    if record.compared_with:
        out.append("Compared with (threshold-gaming rules):")
        out += [f"  - {c}" for c in record.compared_with]
        out.append("")
    if record.rejected_waivers:
        out.append("Waivers not applied:")
        out += [f"  - {w}" for w in record.rejected_waivers]
        out.append("")
    if record.findings:
        out.append("Findings:")
        out.append(format_text(record.findings, source_line))
    out.append(f"{record.outcome}: {summary_line(record.findings)}")
    return "\n".join(out)


def format_decision_markdown(record: DecisionRecord) -> str:
    """The decision as Markdown: outcome heading, conditions table, answers, narrower boundary, findings."""
    out = [f"# {record.outcome}: {record.system} across `{_boundary_words(record)}`", "",
           f"Case `{record.case_id}` version {record.case_version}, decided as of {record.decided_at} "
           f"by casegate {record.casegate_version}.", ""]
    nar = _narrower_words(record)
    if nar:
        out += ["## Narrower boundary", "", nar, ""]
        if record.lacks:
            out.append(f"What `{_boundary_words(record)}` lacks:")
            out.append("")
            out += [f"- {_md(x)}" for x in record.lacks]
            out.append("")
    if record.conditions:
        out += ["## Conditions", "", "| id | cause | due | finding | fix |", "| --- | --- | --- | --- | --- |"]
        out += [f"| {c.id} | {c.cause} | {c.due or ''} | {_cell(c.finding or c.text)} | {_cell(c.fix)} |"
                for c in record.conditions]
        out.append("")
    if record.answers:
        out += ["## The eight questions", ""]
        for a in record.answers:
            out += [f"### {a.question}", ""]
            if a.answerable:
                out += [f"- {_md(line)}" for line in a.answer.splitlines()]
                out += ["", "Sources: " + ", ".join(f"`{s}`" for s in a.sources), ""]
            else:
                out += ["**Cannot be answered from the case.**", ""]
    if record.compared_with:
        out += ["## Compared with", ""] + [f"- {_md(c)}" for c in record.compared_with] + [""]
    if record.rejected_waivers:
        out += ["## Waivers not applied", ""] + [f"- {_md(w)}" for w in record.rejected_waivers] + [""]
    out += ["## Findings", "", f"{summary_line(record.findings)}.", ""]
    if record.findings:
        out += ["| location | code | severity | message |", "| --- | --- | --- | --- |"]
        for f in record.findings:
            loc = f"{f.location.file}:{f.location.line}" if f.location else ""
            sev = "waived" if f.waived is not None else f.severity.value
            out.append(f"| {loc} | {f.code} {f.name} | {sev} | {_cell(f.message)} |")
        out.append("")
    d = record.digests
    out += ["## Inputs", "", f"- model: {', '.join(f'`{m}`' for m in d.model)}",
            f"- case: `{d.case}`", f"- policy: `{d.policy}`", ""]
    return "\n".join(out)


def format_decision_json(record: DecisionRecord) -> str:
    """The decision record as indented JSON (the `--record` file holds its canonical bytes)."""
    return json.dumps(record.model_dump(mode="json"), indent=2, ensure_ascii=False)


def _md(s: str) -> str:
    return s.replace("\n", " ")


def _cell(s: str) -> str:
    return _md(s).replace("|", "\\|")
