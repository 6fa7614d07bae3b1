"""The parts of the pages written row by row in Python (`casegate.publish._rows`) are exactly what
the template loops they replace wrote, for every branch of a row and for text that needs escaping."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.load import load_case
from casegate.model import Confidentiality, DecisionRecord
from casegate.publish import Salts, build_summary
from casegate.publish._render import environment
from casegate.publish._views import EvidenceItem, Node, OutlineRow, PublicSummary, Redacted
from casegate.store import MemorySaltStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api" / "case.yaml"

# the loops as the templates wrote them before the rows moved to Python
HTML_LOOPS = """
{%- macro redacted(r) -%}
<span class="redacted" title="{{ r.pointer }}">redacted {{ r.type }} · {{ r.level.value }} · <code>{{ r.commitment }}</code></span>
{%- endmacro %}
{%- macro node_line(n) -%}
<span class="kind kind-{{ n.type }}">{{ n.type[0] | upper }}</span><strong>{{ n.id }}</strong>
{%- if n.status %} <span class="status-{{ n.status }}">({{ n.status }})</span>{% endif %}
{%- if n.undeveloped %} <em>(undeveloped)</em>{% endif %}:
{% if n.redacted %}{{ redacted(n.redacted) }}{% else %}{{ n.text }}{% endif %}
{%- if n.evidence %} <span class="meta">— evidence: {{ n.evidence | join(", ") }}</span>{% endif %}
{%- if n.answered_by %} <span class="meta">— answered by: {{ n.answered_by | join(", ") }}</span>{% endif %}
{%- endmacro %}
{%- if part == "argument" %}
{%- for row in s.argument.outline %}
{%- set n = s.argument.nodes[row.id] %}
<div class="row" style="margin-left: {{ row.depth * 1.1 }}rem">{% if row.repeat %}<span class="meta"><strong>{{ n.id }}</strong> (see above)</span>{% else %}{{ node_line(n) }}{% endif %}</div>
{%- endfor %}
{%- elif part == "evidence" %}
{%- for e in s.evidence %}
<tr><td><strong>{{ e.id }}</strong>{% if e.kind %}<br><span class="meta">{{ e.kind }}</span>{% endif %}{% if e.basis %}<br><span class="meta basis">{{ e.basis }}</span>{% endif %}</td>
<td>{% if e.redacted %}{{ redacted(e.redacted) }}{% else %}{{ e.title or "" }}{% if e.producer %} — {{ e.producer }}{% if e.independent %} (independent){% endif %}{% endif %}{% if e.date %}, {{ e.date }}{% endif %}
{%- if e.result %}<br>{{ e.result }}{% endif %}{% if e.summary %}<br><span class="meta">{{ e.summary }}</span>{% endif %}{% endif %}</td>
<td>{{ e.supports | join(", ") }}</td><td>{{ e.relied_on_by | join(", ") }}</td></tr>
{%- endfor %}
{%- else %}
{%- for r in s.redactions %}
<tr><td><code>{{ r.pointer }}</code></td><td>{{ r.type }}</td><td>{{ r.level.value }}</td><td><code>{{ r.commitment }}</code></td></tr>
{%- endfor %}
{%- endif %}"""

MD_LOOPS = """
{%- macro redacted(r) -%}
*[redacted {{ r.type }} — {{ r.level.value }}; commitment `{{ r.commitment }}`]*
{%- endmacro -%}
{%- macro node_line(n) -%}
**{{ n.id }}** ({{ n.type }}{% if n.status %}, {{ n.status }}{% endif %}{% if n.undeveloped %}, undeveloped{% endif %}): {% if n.redacted %}{{ redacted(n.redacted) | safe }}{% else %}{{ n.text }}{% endif %}
{%- if n.evidence %} — evidence: {{ n.evidence | join(", ") }}{% endif %}
{%- if n.answered_by %} — answered by: {{ n.answered_by | join(", ") }}{% endif %}
{%- endmacro -%}
{%- if part == "argument" %}
{%- for row in s.argument.outline -%}
{%- set n = s.argument.nodes[row.id] %}
{{ "  " * row.depth }}- {% if row.repeat %}**{{ n.id }}** (see above){% else %}{{ node_line(n) | safe }}{% endif %}
{%- endfor %}
{%- elif part == "evidence" %}
{%- for e in s.evidence %}
- **{{ e.id }}**{% if e.kind %} ({{ e.kind }}{% if e.basis %}, {{ e.basis }}{% endif %}){% elif e.basis %} ({{ e.basis }}){% endif %}: {% if e.redacted %}{{ redacted(e.redacted) | safe }}{% else %}{{ e.title or "" }}{% if e.producer %} — by {{ e.producer }}{% if e.independent %} (independent){% endif %}{% endif %}{% if e.date %}, {{ e.date }}{% endif %}{% if e.result %}; {{ e.result }}{% endif %}{% if e.summary %}. {{ e.summary }}{% endif %}{% endif %}
  {%- if e.supports %} Supports: {{ e.supports | join(", ") }}.{% endif %}{% if e.relied_on_by %} Relied on by: {{ e.relied_on_by | join(", ") }}.{% endif %}
{%- endfor %}
{%- else %}
{%- for r in s.redactions -%}
| `{{ r.pointer }}` | {{ r.type }} | {{ r.level.value }} | `{{ r.commitment }}` |
{% endfor %}
{%- endif %}"""

TRICKY = 'A <b>bold</b> & "quoted" \'claim\' <!-- x --> &amp; `code` <http://x.example> R&D > 0.5'


@pytest.fixture(scope="module")
def summary() -> PublicSummary:
    loaded = load_case(EXAMPLE)
    case = loaded.case
    assert case is not None and case.boundary is not None
    record = DecisionRecord(casegate_version="test", case_id=case.id, case_version=case.version,
                            system="Atlas-2 2.1.0", boundary=case.boundary.kind, decided_at="2026-11-23",
                            outcome="GO WITH CONDITIONS")
    s = build_summary(case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy)
    red = Redacted(pointer="/argument/elements/X<1>", type="claim", id="X<1>", level=Confidentiality.secret,
                   commitment="sha256:" + "ab" * 32)
    # every branch of a row, with text that must be escaped
    nodes = dict(s.argument.nodes)
    nodes["T1"] = Node(id="T1", type="claim", text=TRICKY, status="open & <new>", undeveloped=True,
                       evidence=["E<1>", "E&2"], answered_by=['A"1', "A'2"])
    nodes["T2"] = Node(id="T2", type="defeater", redacted=red, status="answered")
    nodes["T3"] = Node(id="T3", type="context")  # no text at all
    outline = [*s.argument.outline, OutlineRow(id="T1", depth=3), OutlineRow(id="T2", depth=7),
               OutlineRow(id="T3", depth=0), OutlineRow(id="T1", depth=2, repeat=True)]
    evidence = [*s.evidence,
                EvidenceItem(id="V<1>", kind="eval&", title=TRICKY, producer="lab <x>", independent=True,
                             date="2026-01-02", result="3 of 4 <successes>", summary=TRICKY, supports=["G<1>", "G2"],
                             relied_on_by=["role & co"], basis="derived"),
                EvidenceItem(id="V2", basis="declared"),  # a basis without a kind
                EvidenceItem(id="V3", producer="p", independent=False),
                EvidenceItem(id="V4", kind="k", redacted=red, supports=["G1"])]
    redactions = [*s.redactions, red]
    return s.model_copy(update={
        "argument": s.argument.model_copy(update={"nodes": nodes, "outline": outline}),
        "evidence": evidence, "redactions": redactions})


@pytest.mark.parametrize("markdown", [False, True])
@pytest.mark.parametrize("part", ["argument", "evidence", "redactions"])
def test_rows_are_what_the_template_loops_wrote(summary: PublicSummary, markdown: bool, part: str) -> None:
    env = environment(markdown)
    expected = env.from_string(MD_LOOPS if markdown else HTML_LOOPS).render(s=summary, part=part)
    name = {"argument": "argument_rows", "evidence": "evidence_rows", "redactions": "redaction_rows"}[part]
    got = str(env.globals[name](summary))
    assert got == expected
    assert "T1" in got or part != "argument"


def test_the_rows_escape_what_they_show(summary: PublicSummary) -> None:
    html = str(environment(False).globals["argument_rows"](summary))
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    md = str(environment(True).globals["argument_rows"](summary))
    assert "<b>" not in md and "&lt;b&gt;bold&lt;/b&gt;" in md and "R&D > 0.5" in md
