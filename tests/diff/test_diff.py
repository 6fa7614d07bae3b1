"""The semantic diff of two case versions: each kind of change is named in its section, and the
public version never shows a confidential element's content."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from casegate.diff import (
    Change,
    ConditionOutcome,
    diff_cases,
    format_diff_markdown,
    format_diff_text,
    redacted,
)
from casegate.model import Confidentiality
from tests.checks._cases import base_doc, case, policy


def _diff(new: dict[str, Any], old: dict[str, Any] | None = None, **kw: Any) -> list[Change]:
    return diff_cases(case(old or base_doc()), case(new), old_policy=policy(), new_policy=policy(), **kw).changes


def _said(changes: list[Change]) -> set[tuple[str, str, str]]:
    return {(c.section, c.subject, c.kind) for c in changes}


def test_identical_versions_have_no_changes() -> None:
    assert _diff(base_doc()) == []
    assert "no semantic changes" in format_diff_text(diff_cases(case(base_doc()), case(base_doc())))


def test_claims_added_removed_reworded_weakened() -> None:
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["G2"]["claim"] = "Cyber capability is probably below the Cyber High threshold."
    els["G2"]["capability"]["position"] = "below-alert"
    els["G3"]["evidence"] = ["E-redteam"]
    els["G4"] = {"claim": "A new claim.", "undeveloped": True}
    els["S1"]["supported_by"] = ["G2", "G3", "G4"]
    del els["C1"]
    els["G1"]["in_context_of"] = []
    said = _said(_diff(doc))
    assert {("claims", "G2", "reworded"), ("claims", "G2", "weakened"), ("claims", "G3", "weakened"),
            ("claims", "G4", "added"), ("claims", "C1", "removed"), ("claims", "S1", "strengthened")} <= said
    g3 = next(c for c in _diff(doc) if c.subject == "G3")
    assert g3.detail == "no longer rests on E-kyc-test"


def test_a_changed_deployment_configuration_is_a_boundary_change() -> None:
    """The same weights behind another system message or ceiling: the diff says so."""
    import copy

    old = base_doc()
    old["boundary"]["configuration"] = {"system_message_sha256": "a" * 64, "max_tokens": 4096}
    new = copy.deepcopy(old)
    new["boundary"]["configuration"] = {"system_message_sha256": "b" * 64, "max_tokens": 4096}
    [change] = _diff(new, old)
    assert (change.section, change.subject, change.kind) == ("boundary", "configuration.system_message_sha256",
                                                             "changed")
    del new["boundary"]["configuration"]
    assert {c.subject for c in _diff(new, old)} == {"configuration.system_message_sha256", "configuration.max_tokens"}


def test_boundary_thresholds_elicitation_evidence() -> None:
    doc = base_doc()
    doc["boundary"]["kind"] = "consumer"
    doc["boundary"]["tools"] = ["code-execution"]
    doc["boundary"]["scope"]["rate_limit"] = "1000/min"
    ev = doc["evidence"]["E-ctf"]
    ev["elicitation"]["attempts"] = 1
    ev["elicitation"]["tools"] = ["bash"]
    ev["eval_set"] = ev["eval_set"][:-1]
    ev["result"] = {"successes": 30, "trials": 400}
    said = _said(_diff(doc))
    assert {("boundary", "kind", "widened"), ("boundary", "tools", "widened"),
            ("boundary", "scope.rate_limit", "changed"), ("elicitation", "E-ctf", "weakened"),
            ("evidence", "E-ctf", "weakened"), ("evidence", "E-ctf", "changed")} <= said
    moved = next(c for c in _diff(doc) if c.section == "evidence" and c.kind == "changed")
    assert "2/400, upper bound 0.016 -> 30/400, upper bound 0.100" in moved.detail


def test_evaluation_re_run_shows_how_its_bound_moved() -> None:
    doc = base_doc()
    ev = doc["evidence"]["E-ctf"]
    ev["date"] = "2026-11-01"
    ev["sha256"] = "0" * 64
    ev["result"] = {"successes": 20, "trials": 400}
    (c,) = [c for c in _diff(doc) if c.section == "evidence"]
    assert c.kind == "re-run" and "upper bound 0.016 -> " in c.detail and "20/400" in c.detail


def test_safeguards_residual_risk_signoffs_objections_conditions() -> None:
    doc = base_doc()
    doc["safeguards"]["SG-kyc"]["blocks"] = []
    del doc["safeguards"]["SG-classifier"]
    doc["safeguards"]["SG-rate"] = {"layer": "rate-limit", "blocks": ["ransomware.access"]}
    doc["residual_risk"]["ransomware"]["stop_authority"] = None
    doc["residual_risk"]["ransomware"]["estimate"] = "1e-4 per year"
    doc.setdefault("decision", {})["signoffs"] = [{"role": "rso", "person": "Sam", "date": "2026-11-20"}]
    doc["decision"]["objections"] = {"O1": {"role": "external-evaluator", "person": "Priya", "date": "2026-11-21",
                                            "reason": "the CTF suite is too easy"}}
    conds = [ConditionOutcome("C1", "re-evaluate cyber", "missed")]
    said = _said(_diff(doc, conditions=conds))
    assert {("safeguards", "SG-kyc", "weakened"), ("safeguards", "SG-classifier", "removed"),
            ("safeguards", "SG-rate", "added"), ("residual-risk", "ransomware", "weakened"),
            ("residual-risk", "ransomware", "changed"), ("sign-offs", "rso", "added"),
            ("objections", "O1", "added"), ("conditions", "C1", "missed")} <= said


def test_markdown_has_a_section_per_kind_of_change() -> None:
    doc = base_doc()
    doc["boundary"]["kind"] = "trusted-access"
    doc["argument"]["elements"]["G2"]["claim"] = "Reworded | with a pipe."
    md = format_diff_markdown(diff_cases(case(base_doc()), case(doc)))
    assert "## Boundary and scope" in md and "## Claims and argument" in md and "\\|" in md


_CANARY = "CANARY-7f3a"


@settings(max_examples=40, deadline=None)
@given(level=st.sampled_from(["internal", "restricted", "secret"]),
       where=st.sampled_from(["claim", "evidence", "safeguard", "risk"]))
def test_public_diff_never_shows_confidential_content(level: str, where: str) -> None:
    old, new = base_doc(), base_doc()
    if where == "claim":
        for d in (old, new):
            d["argument"]["elements"]["G3"]["confidentiality"] = level
        new["argument"]["elements"]["G3"]["claim"] = f"Blocked by {_CANARY}."
    elif where == "evidence":
        for d in (old, new):
            d["evidence"]["E-ctf"]["confidentiality"] = level
        new["evidence"]["E-ctf"]["eval_set"] = [*new["evidence"]["E-ctf"]["eval_set"], _CANARY]
    elif where == "safeguard":
        for d in (old, new):
            d["safeguards"]["SG-kyc"]["confidentiality"] = level
        new["safeguards"]["SG-kyc"]["verified_by"] = _CANARY
    else:
        for d in (old, new):
            d["residual_risk"]["ransomware"]["confidentiality"] = level
        new["residual_risk"]["ransomware"]["detection"] = _CANARY
    d = diff_cases(case(old), case(new))
    assert _CANARY in format_diff_text(d)
    pub = redacted(d, Confidentiality.public, commitments={"/safeguards/SG-kyc": "sha256:abc"})
    assert _CANARY not in format_diff_text(pub) and _CANARY not in format_diff_markdown(pub)
    if where == "safeguard":
        assert "commitment sha256:abc" in format_diff_text(pub)
    else:
        assert f"content withheld ({level})" in format_diff_text(pub)


@settings(max_examples=200, deadline=None)
@given(trials=st.integers(1, 5000), frac=st.floats(0, 1), conf=st.sampled_from([0.8, 0.9, 0.95, 0.99]),
       method=st.sampled_from(["clopper-pearson", "wilson"]))
def test_the_diffs_bound_is_the_gates_bound(trials: int, frac: float, conf: float, method: str) -> None:
    from casegate.diff._bounds import upper_bound as shown
    from casegate.evidence.stats import upper_bound as gate

    s = round(frac * trials)
    assert abs(shown(s, trials, conf, method) - gate(s, trials, conf, method)) < 1e-9  # type: ignore[arg-type]


def test_internal_scale_changes_say_which_way() -> None:
    old = base_doc()
    old["boundary"] = {"kind": "internal-deployment", "scope": {"users": "staff", "access": "employees"},
                       "internal": {"instances": 40, "training_code": "read", "weights": "none",
                                    "autonomy": "human-in-the-loop"}}
    new = base_doc()
    new["boundary"] = {"kind": "internal-deployment", "scope": {"users": "staff", "access": "employees"},
                       "internal": {"instances": 4000, "training_code": "write", "weights": "none",
                                    "autonomy": "human-in-the-loop"}}
    said = _said(_diff(new, old))
    assert {("boundary", "internal.instances", "widened"), ("boundary", "internal.training_code", "widened")} <= said
    assert not any(s[1] in ("internal.weights", "internal.autonomy") for s in said)
    assert ("boundary", "internal.instances", "narrowed") in _said(_diff(old, new))


def test_a_condition_is_as_confidential_as_what_it_cites() -> None:
    """A condition's text is the gate's, and quotes the evidence it rests on (counts, bounds): the
    public diff withholds it when that evidence (or the element it concerns) is not public, as the
    published summary does."""
    doc = base_doc()
    doc["evidence"]["E-ctf"]["confidentiality"] = "restricted"
    conds = [ConditionOutcome("C1", "11/300 in E-ctf, upper bound 0.060: re-run with more attempts", "open"),
             ConditionOutcome("C2", "re-evaluate by 2027-01-01", "open",
                              ("evidence", "E-ctf", "elicitation")),
             ConditionOutcome("C3", "re-evaluate by 2027-02-01", "open", ("argument", "elements", "G1"))]
    d = diff_cases(case(base_doc()), case(doc), old_policy=policy(), new_policy=policy(), conditions=conds)
    levels = {c.subject: c.level for c in d.changes if c.section == "conditions"}
    assert levels == {"C1": Confidentiality.restricted, "C2": Confidentiality.restricted,
                      "C3": Confidentiality.public}
    pub = redacted(d, Confidentiality.public)
    text = format_diff_text(pub) + format_diff_markdown(pub)
    assert "0.060" not in text and "11/300" not in text and "re-evaluate by 2027-01-01" not in text
    assert "re-evaluate by 2027-02-01" in text  # what cites nothing confidential is shown
    assert "0.060" in format_diff_text(redacted(d, Confidentiality.restricted))
