"""The long, one-row-per-element parts of the pages: the argument's outline, the evidence table
and the redactions table, in HTML and in Markdown.

A case has thousands of these rows; a template macro called once per row costs several times the
row itself, so the templates call these once per part instead. Each row is exactly what the
template wrote for it: every value from the summary is escaped as the template escaped it (HTML:
`markupsafe.escape`; Markdown: `_md_escape`), and everything else is the template's own markup.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from markupsafe import Markup, escape

from ..model import Confidentiality
from ._render import MD_STARTS, md_text
from ._views import EvidenceItem, PublicSummary, Redacted


def _md(value: Any) -> str:
    if type(value) is str:
        # `md_plain`, written out (thousands of values): nothing `md_text` would change, no call
        if not ("&" in value or "<" in value or "\n" in value or "\r" in value or "|" in value
                or "]" in value or value[:1] in MD_STARTS):
            return value
        return md_text(value)
    return str(value)


def _h(value: Any) -> str:
    """`value` escaped for HTML exactly as `markupsafe.escape` escapes it (text without these five
    characters, most of it, is returned as it is)."""
    if type(value) is str:
        if "&" in value or "<" in value or ">" in value or "'" in value or '"' in value:
            return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                    .replace("'", "&#39;").replace('"', "&#34;"))
        return value
    return str(escape(value))


# --------------------------------------------------------------------------- HTML


@cache
def _what_html(type: str, level: Confidentiality) -> str:
    """The middle of a redaction's label, the same for every element of a type and level."""
    return f"redacted {_h(type)} · {_h(level.value)} · "


def _redacted_html(r: Redacted) -> str:
    return (f'<span class="redacted" title="{_h(r.pointer)}">{_what_html(r.type, r.level)}'
            f'<code>{_h(r.commitment)}</code></span>')


def _kind_html(kind: str) -> str:
    return f'<span class="kind kind-{_h(kind)}">{_h(kind[0].upper())}</span>'


def argument_rows_html(s: PublicSummary) -> Markup:
    """The rows of the argument's outline (`<div class="row">`, each on its own line). Each row is
    written by one f-string, in this loop (thousands of rows: a call and a list of parts per row
    cost more than the row)."""
    nodes = s.argument.nodes
    out: list[str] = []
    append = out.append
    starts: dict[int, str] = {}  # the opening of a row at each depth, written once
    kinds: dict[str, str] = {}  # the badge of each element type, written once
    for row in s.argument.outline:
        n = nodes[row.id]
        start = starts.get(row.depth)
        if start is None:
            start = starts[row.depth] = f'\n<div class="row" style="margin-left: {_h(row.depth * 1.1)}rem">'
        if row.repeat:
            append(f'{start}<span class="meta"><strong>{_h(n.id)}</strong> (see above)</span></div>')
            continue
        kind = kinds.get(n.type)
        if kind is None:
            kind = kinds[n.type] = _kind_html(n.type)
        status = f' <span class="status-{_h(n.status)}">({_h(n.status)})</span>' if n.status else ""
        body = _redacted_html(n.redacted) if n.redacted else _h(n.text)
        evidence = f' <span class="meta">— evidence: {_h(", ".join(n.evidence))}</span>' if n.evidence else ""
        answered = (f' <span class="meta">— answered by: {_h(", ".join(n.answered_by))}</span>'
                    if n.answered_by else "")
        append(f'{start}{kind}<strong>{_h(n.id)}</strong>{status}{" <em>(undeveloped)</em>" if n.undeveloped else ""}'
               f':\n{body}{evidence}{answered}</div>')
    return Markup("".join(out))


def _evidence_html(e: EvidenceItem, heads: dict[tuple[str | None, str | None], str]) -> str:
    """One row of the evidence table, written by one f-string (thousands of rows, most of them
    redacted: see `argument_rows_html`). `heads`: the cell after an item's id for each kind and
    basis met, written once."""
    head = heads.get((e.kind, e.basis))
    if head is None:
        head = heads[(e.kind, e.basis)] = (
            (f'<br><span class="meta">{_h(e.kind)}</span>' if e.kind else "")
            + (f'<br><span class="meta basis">{_h(e.basis)}</span>' if e.basis else "") + "</td>\n<td>")
    if e.redacted:
        body = _redacted_html(e.redacted)
    else:
        body = _h(e.title or "")
        if e.producer:
            body += f" — {_h(e.producer)}" + (" (independent)" if e.independent else "")
        if e.date:
            body += f", {_h(e.date)}"
        if e.result:
            body += f"<br>{_h(e.result)}"
        if e.summary:
            body += f'<br><span class="meta">{_h(e.summary)}</span>'
    return (f"\n<tr><td><strong>{_h(e.id)}</strong>{head}{body}</td>\n<td>{_h(', '.join(e.supports))}</td>"
            f"<td>{_h(', '.join(e.relied_on_by))}</td></tr>")


def evidence_rows_html(s: PublicSummary) -> Markup:
    """The rows of the evidence table (`<tr>`, each starting on a new line)."""
    heads: dict[tuple[str | None, str | None], str] = {}
    return Markup("".join([_evidence_html(e, heads) for e in s.evidence]))


def redaction_rows_html(s: PublicSummary) -> Markup:
    """The rows of the redactions table (`<tr>`, each starting on a new line)."""
    return Markup("".join(
        f"\n<tr><td><code>{_h(r.pointer)}</code></td>{_cells_html(r.type, r.level)}"
        f"<td><code>{_h(r.commitment)}</code></td></tr>" for r in s.redactions))


@cache
def _cells_html(type: str, level: Confidentiality) -> str:
    """A redactions-table row's type and level cells (the same for every element of a type and level)."""
    return f"<td>{_h(type)}</td><td>{_h(level.value)}</td>"


# --------------------------------------------------------------------------- Markdown


@cache
def _what_md(type: str, level: Confidentiality) -> str:
    """The start of a redaction's label, the same for every element of a type and level."""
    return f"*[redacted {_md(type)} — {_md(level.value)}; commitment `"


def _redacted_md(r: Redacted) -> str:
    return f"{_what_md(r.type, r.level)}{_md(r.commitment)}`]*"


def argument_rows_md(s: PublicSummary) -> Markup:
    """The argument's outline as a nested list (each item on a new line; each written by one
    f-string, as `argument_rows_html` writes its rows)."""
    nodes = s.argument.nodes
    out: list[str] = []
    append = out.append
    starts: dict[int, str] = {}
    for row in s.argument.outline:
        n = nodes[row.id]
        start = starts.get(row.depth)
        if start is None:
            start = starts[row.depth] = f"\n{'  ' * row.depth}- "
        if row.repeat:
            append(f"{start}**{_md(n.id)}** (see above)")
            continue
        status = f", {_md(n.status)}" if n.status else ""
        body = _redacted_md(n.redacted) if n.redacted else _md(n.text)
        evidence = f" — evidence: {_md(', '.join(n.evidence))}" if n.evidence else ""
        answered = f" — answered by: {_md(', '.join(n.answered_by))}" if n.answered_by else ""
        append(f"{start}**{_md(n.id)}** ({_md(n.type)}{status}{', undeveloped' if n.undeveloped else ''}): "
               f"{body}{evidence}{answered}")
    return Markup("".join(out))


def _evidence_md(e: EvidenceItem, heads: dict[tuple[str | None, str | None], str]) -> str:
    """One item of the evidence list, written by one f-string (see `_evidence_html`). `heads`: what
    follows an item's id for each kind and basis met, written once."""
    head = heads.get((e.kind, e.basis))
    if head is None:
        if e.kind:
            head = f" ({_md(e.kind)}" + (f", {_md(e.basis)}" if e.basis else "") + "): "
        else:
            head = (f" ({_md(e.basis)})" if e.basis else "") + ": "
        heads[(e.kind, e.basis)] = head
    if e.redacted:
        body = _redacted_md(e.redacted)
    else:
        body = _md(e.title or "")
        if e.producer:
            body += f" — by {_md(e.producer)}" + (" (independent)" if e.independent else "")
        if e.date:
            body += f", {_md(e.date)}"
        if e.result:
            body += f"; {_md(e.result)}"
        if e.summary:
            body += f". {_md(e.summary)}"
    supports = f" Supports: {_md(', '.join(e.supports))}." if e.supports else ""
    relied = f" Relied on by: {_md(', '.join(e.relied_on_by))}." if e.relied_on_by else ""
    return f"\n- **{_md(e.id)}**{head}{body}{supports}{relied}"


def evidence_rows_md(s: PublicSummary) -> Markup:
    """The evidence list (each item on a new line)."""
    heads: dict[tuple[str | None, str | None], str] = {}
    return Markup("".join([_evidence_md(e, heads) for e in s.evidence]))


def redaction_rows_md(s: PublicSummary) -> Markup:
    """The rows of the redactions table (each ending its line)."""
    return Markup("".join(f"| `{_md(r.pointer)}` | {_cells_md(r.type, r.level)} | `{_md(r.commitment)}` |\n"
                          for r in s.redactions))


@cache
def _cells_md(type: str, level: Confidentiality) -> str:
    """A redactions-table row's type and level cells (the same for every element of a type and level)."""
    return f"{_md(type)} | {_md(level.value)}"
