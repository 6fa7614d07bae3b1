"""Findings as text (like a linter), JSON and SARIF 2.1.0."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from .. import __version__
from ..model import Finding, Rule, RuleSeverity

_SARIF_LEVEL = {RuleSeverity.blocking: "error", RuleSeverity.condition: "warning",
                RuleSeverity.advisory: "note"}


def format_text(findings: Iterable[Finding], source_line: Callable[[Any], str], *, color: bool = False) -> str:
    """ruff-style: `file:line:col: CODE name: message`, the source line with a caret, and help."""
    out: list[str] = []
    for f in findings:
        loc = f"{f.location.file}:{f.location.line}:{f.location.column}" if f.location else "(case)"
        sev = f.severity.value if f.waived is None else "waived"
        head = f"{loc}: {f.code} {f.name} [{sev}]: {f.message}"
        out.append(head)
        if f.location:
            src = source_line(f.location)
            if src:
                n = str(f.location.line)
                out.append(f"{' ' * len(n)} |")
                out.append(f"{n} | {src}")
                out.append(f"{' ' * len(n)} | {' ' * (f.location.column - 1)}^")
        if f.waived is not None:
            w = f.waived
            out.append(f"  waived: by {w.person} ({w.role}) until {w.until}: {w.reason}")
        if f.help:
            out.append(f"  help: {f.help}")
        out.append("")
    return "\n".join(out)


def summary_line(findings: list[Finding]) -> str:
    b = sum(1 for f in findings if f.blocking)
    c = sum(1 for f in findings if f.severity is RuleSeverity.condition and f.waived is None)
    a = sum(1 for f in findings if f.severity is RuleSeverity.advisory and f.waived is None)
    w = sum(1 for f in findings if f.waived is not None)
    parts = [f"{b} blocking", f"{c} condition", f"{a} advisory"]
    if w:
        parts.append(f"{w} waived")
    return ", ".join(parts)


def finding_dict(f: Finding) -> dict[str, Any]:
    d = f.model_dump(mode="json")
    d["path"] = list(f.path)
    return d


def format_json(findings: list[Finding], **extra: Any) -> str:
    body = {"casegate": __version__, **extra, "findings": [finding_dict(f) for f in findings],
            "summary": summary_line(findings)}
    return json.dumps(body, indent=2, sort_keys=False, default=str)


def format_sarif(findings: list[Finding], rules: list[Rule]) -> str:
    """SARIF 2.1.0, one run; rules carry their docs, results point at file:line:col."""
    used = sorted({f.code for f in findings})
    by_code = {r.code: r for r in rules}
    rule_list = [by_code[c] for c in used if c in by_code]
    index = {r.code: i for i, r in enumerate(rule_list)}
    results = []
    for f in findings:
        res: dict[str, Any] = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity] if f.waived is None else "note",
            "message": {"text": f.message + (f"\nhelp: {f.help}" if f.help else "")},
        }
        if f.code in index:
            res["ruleIndex"] = index[f.code]
        if f.location:
            res["locations"] = [{"physicalLocation": {
                "artifactLocation": {"uri": f.location.file},
                "region": {"startLine": f.location.line, "startColumn": f.location.column},
            }}]
        if f.waived is not None:
            res["suppressions"] = [{"kind": "external", "status": "accepted",
                                    "justification": f"{f.waived.person} ({f.waived.role}) until {f.waived.until}: {f.waived.reason}"}]
        results.append(res)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "casegate",
                "version": __version__,
                "informationUri": "https://github.com/casegate/casegate",
                "rules": [{
                    "id": r.code,
                    "name": r.name,
                    "shortDescription": {"text": r.summary},
                    "fullDescription": {"text": r.rationale},
                    "help": {"text": r.fix},
                    "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
                    "properties": {"serves": r.serves},
                } for r in rule_list],
            }},
            "results": results,
        }],
    }
    return json.dumps(doc, indent=2)


def rule_doc(r: Rule) -> str:
    """A rule's documentation page as Markdown (generated from the rule record)."""
    return (
        f"## {r.code} {r.name}\n\n"
        f"**Severity:** {r.severity.value}  \n**Serves:** {r.serves}  \n**Since:** {r.since}\n\n"
        f"{r.summary}\n\n**Why:** {r.rationale}\n\n"
        f"**Fails:**\n\n```yaml\n{r.bad}\n```\n\n**Passes:**\n\n```yaml\n{r.good}\n```\n\n"
        f"**Fix:** {r.fix}\n"
    )
