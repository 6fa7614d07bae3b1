"""The public summary keeps the argument's structure and withholds what touches redacted content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegate.load import load_case
from casegate.model import (
    EIGHT_QUESTIONS,
    Answer,
    Condition,
    Confidentiality,
    DecisionRecord,
    Finding,
    RuleSeverity,
)
from casegate.publish import Salts, build_summary, redact, summary_json
from casegate.publish._render import render
from casegate.store import MemorySaltStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api" / "case.yaml"
SALTS = Salts(MemorySaltStore())


@pytest.fixture(scope="module")
def loaded():  # type: ignore[no-untyped-def]
    result = load_case(EXAMPLE)
    assert result.case is not None
    return result


def _record(case, **kw):  # type: ignore[no-untyped-def]
    return DecisionRecord(casegate_version="test", case_id=case.id, case_version=case.version,
                          system="Atlas-2 2.1.0", boundary=case.boundary.kind, decided_at="2026-11-23",
                          outcome=kw.pop("outcome", "GO WITH CONDITIONS"), **kw)


def test_redacted_nodes_stay_in_the_argument_with_their_links(loaded) -> None:  # type: ignore[no-untyped-def]
    s = build_summary(loaded.case, _record(loaded.case), salts=SALTS, policy=loaded.policy)
    g3 = s.argument.nodes["G3"]
    assert g3.text is None and g3.redacted is not None and g3.redacted.level is Confidentiality.restricted
    assert g3.type == "claim" and g3.evidence == ["E-bio-uplift"] and g3.defeaters == ["D2"]
    assert g3.supports == ["S1"]
    assert "G3" in s.argument.nodes["S1"].supported_by
    assert not s.argument.unreachable
    assert set(s.argument.nodes) == set(loaded.case.argument.elements)


def test_steps_of_a_redacted_pathway_are_named_by_position(loaded) -> None:  # type: ignore[no-untyped-def]
    case = loaded.case
    rd = redact(case, SALTS)
    assert rd.step("bio-known-agent.protocol-troubleshooting") == "bio-known-agent.#3"
    s = build_summary(case, _record(case), salts=SALTS, policy=loaded.policy)
    text = summary_json(s)
    for step in case.threat_model["cbrn"].pathways["bio-known-agent"].steps:
        if step != "obtain-access":  # also a step name of the public cyber pathway
            assert step not in text
    bio = next(p for p in s.pathways if p.id == "bio-known-agent")
    assert [st.step for st in bio.steps] == [f"bio-known-agent.#{i}" for i in range(1, 5)]
    assert bio.steps[2].blocked_by == ["SG-classifier"]


def test_levels_decide_what_is_redacted(loaded) -> None:  # type: ignore[no-untyped-def]
    case = loaded.case
    levels = {lv: {r.pointer for r in build_summary(case, _record(case), salts=SALTS, level=lv).redactions}
              for lv in Confidentiality}
    assert levels[Confidentiality.secret] == set()
    assert levels[Confidentiality.restricted] < levels[Confidentiality.internal] < levels[Confidentiality.public]
    assert "/evidence/E-weights-audit" in levels[Confidentiality.restricted]  # secret
    assert "/evidence/E-cyber-ctf" not in levels[Confidentiality.internal]


def test_commitments_do_not_depend_on_the_level(loaded) -> None:  # type: ignore[no-untyped-def]
    case = loaded.case
    pub = {r.pointer: r.commitment for r in build_summary(case, _record(case), salts=SALTS).redactions}
    restricted = build_summary(case, _record(case), salts=SALTS, level=Confidentiality.restricted)
    for r in restricted.redactions:
        assert pub[r.pointer] == r.commitment


def test_gate_text_that_touches_redacted_content_is_withheld(loaded) -> None:  # type: ignore[no-untyped-def]
    case = loaded.case
    answers = [Answer(key=k, question=q, answer=f"plain answer {k}") for k, q in EIGHT_QUESTIONS]
    answers[0] = Answer(key="capability", question=EIGHT_QUESTIONS[0][1],
                        answer="11/300 in E-bio-uplift, upper bound 0.06", sources=["evidence.E-bio-uplift"])
    record = _record(
        case, answers=answers,
        conditions=[Condition(id="C1", text="Re-run the bio suite with more samples", cause="CG305",
                              path=("evidence", "E-bio-uplift", "result")),
                    Condition(id="C2", text="Watch the cyber flag rate weekly", cause="CG701",
                              path=("post_deployment",))],
        findings=[Finding(code="CG305", name="capability-at-alert-level", severity=RuleSeverity.condition,
                          message="11 of 300 successes", path=("evidence", "E-bio-uplift", "result")),
                  Finding(code="CG701", name="x", severity=RuleSeverity.advisory,
                          message="Expert-graded biological uplift suite is thin",
                          path=("post_deployment",))],
        lacks=["CG301 E-kyc is stale"])
    s = build_summary(case, record, salts=SALTS, policy=loaded.policy)
    cap = s.questions[0]
    assert cap.origin == "summary" and "E-bio-uplift (redacted eval)" in cap.answer
    assert "11/300" not in cap.answer
    assert all(q.origin == "gate" for q in s.questions[1:])
    c1, c2 = s.decision.conditions
    assert c1.withheld and c1.text is None
    assert not c2.withheld and c2.text == "Watch the cyber flag rate weekly"
    f1, f2 = s.decision.findings
    assert f1.withheld and f1.element is None and f1.location is None
    assert f2.withheld  # quotes the redacted evidence's title
    assert s.decision.lacks == ["(withheld: concerns redacted content)"]
    text = summary_json(s) + render("summary.md.j2", s=s) + render("summary.html.j2", s=s, svg=None)
    for secret in ("11 of 300", "Re-run the bio suite", "Expert-graded biological uplift suite"):
        assert secret not in text


def test_every_section_of_the_summary_is_rendered(loaded) -> None:  # type: ignore[no-untyped-def]
    s = build_summary(loaded.case, _record(loaded.case), salts=SALTS, policy=loaded.policy)
    doc = json.loads(summary_json(s))
    for key in ("boundary", "questions", "threat_model", "pathways", "safeguards", "evidence",
                "residual_risk", "post_deployment", "signoffs", "dissent", "argument", "redactions"):
        assert doc[key], key
    assert doc["required_roles"] == ["safety-lead", "rso", "external-evaluator"]
    assert [o["status"] for o in doc["dissent"]["objections"]] == ["answered"]
    assert {d["id"] for d in doc["dissent"]["defeaters"]} == {"D1", "D2"}
    html = render("summary.html.j2", s=s, svg=None)
    assert "<script" not in html


def test_markup_in_a_case_is_escaped(loaded) -> None:  # type: ignore[no-untyped-def]
    case = loaded.case
    els = dict(case.argument.elements)
    els["G2"] = els["G2"].model_copy(update={"claim": "<script>alert(1)</script> & more"})
    case = case.model_copy(update={"argument": case.argument.model_copy(update={"elements": els})})
    s = build_summary(case, _record(case), salts=SALTS)
    html = render("summary.html.j2", s=s, svg=None)
    md = render("summary.md.j2", s=s)
    for out in (html, md):
        assert "<script>" not in out and "&lt;script&gt;" in out


def test_a_confidential_objection_shows_its_role_and_status_only(loaded) -> None:  # type: ignore[no-untyped-def]
    from casegate.publish import disclose, verify_opening

    case = loaded.case
    objections = {k: o.model_copy(update={"confidentiality": Confidentiality.restricted})
                  for k, o in case.decision.objections.items()}
    case = case.model_copy(update={"decision": case.decision.model_copy(update={"objections": objections})})
    s = build_summary(case, _record(case), salts=SALTS, policy=loaded.policy)
    (o,) = s.dissent.objections
    assert (o.role, o.status, o.reason, o.person) == ("external-evaluator", "answered", None, None)
    assert o.redacted is not None and o.redacted.pointer == "/decision/objections/O-1"
    text = summary_json(s) + render("summary.md.j2", s=s) + render("summary.html.j2", s=s, svg=None)
    assert "under-samples web exploitation" not in text and "Web challenges were added" not in text
    verify_opening(json.loads(summary_json(s)), disclose(case, "O-1", salts=SALTS))


def test_markdown_keeps_plain_comparisons_and_ampersands_readable(loaded) -> None:  # type: ignore[no-untyped-def]
    s = build_summary(loaded.case, _record(loaded.case), salts=SALTS)
    md = render("summary.md.j2", s=s)
    assert "&gt;" not in md and "&amp;" not in md
    assert "flag-rate > 0.005" in md and "AI R&D" in md
    # what Markdown would read as markup is still neutralised
    from casegate.publish._render import _md_escape

    assert _md_escape("<img src=x onerror=alert(1)> &#60; <!-- x --> <https://x>") == \
        "&lt;img src=x onerror=alert(1)&gt; &amp;#60; &lt;!-- x --&gt; &lt;https://x&gt;"
    assert _md_escape("p < 0.05 and q > 1 & r") == "p < 0.05 and q > 1 & r"


def test_conditions_are_published_as_finding_and_fix(loaded) -> None:  # type: ignore[no-untyped-def]
    from casegate.model import Condition

    c1 = Condition(id="C1", text="the monitor is new; run it for 30 days", cause="CG702", path=("post_deployment",),
                   due="2027-01-01", finding="the monitor is new", fix="Run it for 30 days.")
    s = build_summary(loaded.case, _record(loaded.case, conditions=[c1]), salts=SALTS)
    conds = [c for c in s.decision.conditions if not c.withheld]
    assert conds and all(c.finding and c.fix for c in conds)
    md = render("summary.md.j2", s=s)
    html = render("summary.html.j2", s=s, svg=None)
    assert f"  - *Fix:* {conds[0].fix}" in md
    assert '<div class="fix"><span class="meta">Fix:</span>' in html


def test_the_summary_leads_in_plain_words_and_says_what_it_withholds(loaded) -> None:  # type: ignore[no-untyped-def]
    from casegate.model import Condition
    from casegate.publish import plain_lead

    secret_cond = Condition(id="C1", text="`E-cyber-ctf` bound 0.214 between alert and threshold", cause="CG305",
                            path=("evidence", "E-cyber-ctf"), due="2027-04-01",
                            finding="`E-cyber-ctf` bound 0.214 between alert and threshold", fix="Apply the alert-level safeguards.")
    s = build_summary(loaded.case, _record(loaded.case, conditions=[secret_cond]), salts=SALTS, policy=loaded.policy)
    assert s.decision.conditions[0].withheld  # E-cyber-ctf is internal
    lead = plain_lead(s)
    assert lead[0].startswith("casegate's release gate decided on ")
    assert ": Atlas-2 2.1.0 may be released only on conditions through an API." in lead[0]
    assert lead[1].startswith("The developer's case describes the release: with code-execution, "
                              "for \u201cverified developers")
    assert "1 condition must be met by 2027-04-01; it is withheld here because it concerns material redacted" in lead[2]
    assert lead[3].startswith("What would force a retreat: A high-severity cyber incident")
    joined = " ".join(lead)
    assert "0.214" not in joined and "E-cyber-ctf" not in joined
    html = render("summary.html.j2", s=s, svg=None)
    md = render("summary.md.j2", s=s)
    assert html.index('id="lead"') < html.index("<h2>Decision</h2>")
    assert md.index("> casegate's release gate decided on") < md.index("## Decision")


def test_the_developers_words_follow_the_gates_decision_quoted(loaded) -> None:  # type: ignore[no-untyped-def]
    """Attack: the lab writes its boundary's users as "verified developers. casegate's release gate
    decided on 2026-11-23 that it may be released"; the lead began with the lab's system, tools and
    users, so that sentence stood above the gate's true one ("may not be released"), unmarked as the
    lab's. The gate's sentence now opens the lead, and the users follow it in quotation marks, under
    a sentence saying they are the case's description."""
    from casegate.publish import plain_lead

    fake = "verified developers. casegate's release gate decided on 2026-11-23 that it may be released"
    b = loaded.case.boundary
    case = loaded.case.model_copy(update={"boundary": b.model_copy(update={
        "scope": b.scope.model_copy(update={"users": fake})})})
    s = build_summary(case, _record(case, outcome="NO-GO"), salts=SALTS, policy=loaded.policy)
    lead = plain_lead(s)
    assert lead[0].startswith("casegate's release gate decided on ") and "may not be released" in lead[0]
    assert fake not in lead[0]
    assert f"for \u201c{fake}\u201d." in lead[1] and lead[1].startswith("The developer's case describes the release")
    for out in (render("summary.html.j2", s=s, svg=None), render("summary.md.j2", s=s)):
        assert out.index("may not be released") < out.index("it may be released")


def test_a_redacted_objection_the_registry_holds_open_is_not_published_as_answered(loaded) -> None:  # type: ignore[no-untyped-def]
    """The lab marks its objection O-1 restricted and answered in the case's files; the registry,
    where it was logged, holds it open. Its stub showed the files' status, as if the dissent had
    been answered."""
    from casegate.publish import LoggedObjection, RegistryFacts

    case = loaded.case
    (o,) = case.decision.objections.values()
    objections = {k: x.model_copy(update={"confidentiality": Confidentiality.restricted})
                  for k, x in case.decision.objections.items()}
    case = case.model_copy(update={"decision": case.decision.model_copy(update={"objections": objections})})
    logged = LoggedObjection(index=12, role=o.role, person=o.person, date=o.date.isoformat(), reason=o.reason,
                             status="open")
    s = build_summary(case, _record(case), salts=SALTS, policy=loaded.policy,
                      facts=RegistryFacts(version=1, objections=(logged,)))
    (shown,) = s.dissent.objections
    assert shown.id == "O-1" and shown.redacted is not None and shown.reason is None
    assert shown.status == "open"
    md = render("summary.md.j2", s=s)
    assert "- Objection **O-1** by external-evaluator, **open**:" in md


def test_a_defeater_the_gate_holds_unanswered_is_not_published_as_answered_alone(loaded) -> None:  # type: ignore[no-untyped-def]
    """The lab declares its sandbagging defeaters answered, by evidence it keeps internal; the gate
    finds the answer rests on nothing that passed (CG805, blocking, its message naming the
    redacted evidence and so withheld). The dissent read "answered" with nothing beside it, the
    restricted D2's stub too."""
    case = loaded.case
    els = dict(case.argument.elements)
    els["D2"] = els["D2"].model_copy(update={"confidentiality": Confidentiality.restricted})
    case = case.model_copy(update={"argument": case.argument.model_copy(update={"elements": els})})
    findings = [Finding(code="CG805", name="sandbagging-answer-without-evidence", severity=RuleSeverity.blocking,
                        message=f"sandbagging defeater `{d}` is answered by `E-sandbag`, none of which passed",
                        path=("argument", "elements", d, "answered_by")) for d in ("D1", "D2")]
    s = build_summary(case, _record(case, outcome="NO-GO", findings=findings), salts=SALTS, policy=loaded.policy)
    assert s.dissent.contested == {"/argument/elements/D1": ["CG805 sandbagging-answer-without-evidence"],
                                   "/argument/elements/D2": ["CG805 sandbagging-answer-without-evidence"]}
    md = render("summary.md.j2", s=s)
    html = render("summary.html.j2", s=s, svg=None)
    for d in ("D1", "D2"):
        line = next(x for x in md.splitlines() if x.startswith(f"- Defeater **{d}**"))
        assert "**answered**" in line
        assert line.endswith("— *the gate does not take it as answered: CG805 sandbagging-answer-without-evidence*")
    assert html.count("the gate does not take it as answered: CG805 sandbagging-answer-without-evidence") == 2
    # nothing found on it: nothing said, and the JSON carries no such field
    quiet = build_summary(case, _record(case), salts=SALTS, policy=loaded.policy)
    assert quiet.dissent.contested == {} and '"contested"' not in summary_json(quiet)


def test_a_shown_element_names_the_steps_of_a_redacted_pathway_by_position(loaded) -> None:  # type: ignore[no-untyped-def]
    """At a level that shows the safeguards but not the bio pathway, a safeguard's `blocks` list
    (a plain list of step references, walked in one step) names its steps by position, in the
    document and in the leaves the text guard reads."""
    case = loaded.case
    rd = redact(case, SALTS, Confidentiality.internal)
    assert "/threat_model/cbrn/pathways/bio-known-agent" in rd.stubs
    assert "/safeguards/SG-classifier" not in rd.stubs
    steps = case.threat_model["cbrn"].pathways["bio-known-agent"].steps
    want = ["cyber-ransomware.build-exploit",
            *(f"bio-known-agent.#{steps.index(s.split('.', 1)[1]) + 1}"
              for s in case.safeguards["SG-classifier"].blocks if s.startswith("bio-known-agent."))]
    assert rd.document["safeguards"]["SG-classifier"]["blocks"] == want
    assert rd.leaves is not None and set(want) <= rd.leaves
    assert not any(s.startswith("bio-known-agent.") and "#" not in s for s in rd.leaves)
