"""A case diff as text, JSON or Markdown, whole (for reviewers) or redacted (for the public)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..model import Confidentiality
from ._semantic import SECTIONS, CaseDiff, Change

_LEVELS = tuple(Confidentiality)


def _pointer(parts: tuple[str | int, ...]) -> str:
    """RFC 6901 JSON Pointer of a path in the case document (as published summaries name elements)."""
    text = [str(p).replace("~", "~0").replace("/", "~1") for p in parts]
    return "/" + "/".join(text) if text else ""


def commitments_in(summary: Any) -> dict[str, str]:
    """Pointer -> commitment of every redacted element a published summary names."""
    out: dict[str, str] = {}

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            p, c = x.get("pointer"), x.get("commitment")
            if isinstance(p, str) and isinstance(c, str):
                out[p] = c
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(summary)
    return out


def redacted(diff: CaseDiff, level: Confidentiality = Confidentiality.public,
             commitments: Mapping[str, str] | None = None) -> CaseDiff:
    """The diff as an audience cleared to `level` may see it: a change to a more confidential
    element keeps its section, element id and kind, and its detail is replaced by the element's
    commitment from the published summary (or by 'content withheld' where none was published)."""
    keep = _LEVELS.index(level)
    out = CaseDiff(diff.case_id, diff.old, diff.new)
    for c in diff.changes:
        if _LEVELS.index(c.level) <= keep:
            out.changes.append(c)
            continue
        commit = None
        if commitments:
            parts = c.path
            for n in range(len(parts), 0, -1):
                commit = commitments.get(_pointer(parts[:n]))
                if commit is not None:
                    break
        detail = (f"content redacted ({c.level.value}); commitment {commit}" if commit
                  else f"content withheld ({c.level.value})")
        out.changes.append(Change(c.section, c.subject, c.kind, detail, c.path, c.level))
    return out


def _groups(diff: CaseDiff) -> list[tuple[str, list[Change]]]:
    return [(title, got) for key, title in SECTIONS if (got := diff.section(key))]


def format_diff_text(diff: CaseDiff) -> str:
    out = [f"{diff.case_id}: {diff.old} -> {diff.new}"]
    if not diff.changes:
        out.append("no semantic changes")
        return "\n".join(out) + "\n"
    for title, changes in _groups(diff):
        out.append("")
        out.append(f"{title}:")
        for c in changes:
            out.append(f"  {c.kind:<12} {c.subject}: {c.detail}")
    out.append("")
    out.append(summary_line(diff))
    return "\n".join(out) + "\n"


def summary_line(diff: CaseDiff) -> str:
    kinds: dict[str, int] = {}
    for c in diff.changes:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    return f"{len(diff.changes)} change(s): " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))


def format_diff_json(diff: CaseDiff) -> str:
    return json.dumps(diff.to_json(), indent=2) + "\n"


def _md(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def format_diff_markdown(diff: CaseDiff) -> str:
    out = [f"# {diff.case_id}: {_md(diff.old)} -> {_md(diff.new)}", ""]
    if not diff.changes:
        return "\n".join(out + ["No semantic changes.", ""])
    out += [summary_line(diff) + ".", ""]
    for title, changes in _groups(diff):
        out += [f"## {title}", "", "| change | element | what |", "| --- | --- | --- |"]
        out += [f"| {c.kind} | `{_md(c.subject)}` | {_md(c.detail)} |" for c in changes]
        out.append("")
    return "\n".join(out)
