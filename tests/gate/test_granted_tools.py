"""The boundary's tools against the evidence, on a first version: a lab that lists tools no
evaluation gave the model, or keeps a scoping-out the tools contradict, gets a NO-GO that names
them, and the narrower boundary drops only those tools."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")
TODAY = dt.date(2026, 11, 27)
GRANTED = "  tools: [code-execution, web-browsing, computer-use, persistent-shell]\n"


def _atlas(tmp_path: Path, tools: str = GRANTED) -> Path:
    shutil.copytree(ATLAS, tmp_path / "atlas-api")
    case = tmp_path / "atlas-api" / "case.yaml"
    text = case.read_text()
    assert "  tools: [code-execution]\n" in text
    case.write_text(text.replace("  tools: [code-execution]\n", tools))
    return case


def _gate(case: Path) -> DecisionRecord:
    loaded = with_attestations(load_case(case), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    return run_gate(loaded, today=TODAY)


def _blocking(r: DecisionRecord, code: str) -> list[str]:
    return [f.message for f in r.findings if f.blocking and f.code == code]


def test_listing_tools_no_evaluation_gave_the_model_is_no_go(tmp_path: Path) -> None:
    r = _gate(_atlas(tmp_path))
    assert r.outcome == "NO-GO"
    lacking = _blocking(r, "CG301")
    # every evaluation is named with the tools it lacked; code-execution is stood for by python,
    # which each cyber and R&D log records, and does not matter for bio-high in this policy
    assert {m.split("`")[1] for m in lacking} == {"E-cyber-ctf", "E-bio-uplift", "E-rnd-tasks"}
    for m in lacking:
        assert "web-browsing, computer-use, persistent-shell that the boundary grants" in m
        assert "code-execution" not in m


def test_a_scoping_out_the_tools_contradict_is_refused(tmp_path: Path) -> None:
    r = _gate(_atlas(tmp_path))
    contradicted = _blocking(r, "CG212")
    assert {m.split("`")[1] for m in contradicted} == {"autonomy", "persuasion", "sabotage"}
    assert all("`web-browsing`, `computer-use`, `persistent-shell`" in m for m in contradicted)


def test_the_narrower_boundary_drops_only_the_unevaluated_tools(tmp_path: Path) -> None:
    r = _gate(_atlas(tmp_path))
    assert r.narrower is not None and r.narrower.value == "api"
    assert r.narrower_dropped == ["tools.web-browsing", "tools.computer-use", "tools.persistent-shell"]
    passing = [t for t in r.trials if t.outcome != "NO-GO"]
    assert passing and passing[0].dropped == r.narrower_dropped


def test_a_tool_the_policy_stands_an_evaluation_tool_for_counts(tmp_path: Path) -> None:
    # the policy says web browsing is elicited by the bio suite's web-search and matters for
    # bio-high alone, and that autonomy, persuasion and sabotage may stay scoped out beside it
    case = _atlas(tmp_path, "  tools: [code-execution, web-browsing]\n")
    pol = case.parent / "policy.yaml"
    doc = yaml.safe_load(pol.read_text())
    doc["tools"]["web-browsing"] = {"elicited_by": ["web-search"], "matters_for": ["bio-high"],
                                    "scopes_out": ["autonomy", "persuasion", "sabotage"]}
    pol.write_text(yaml.safe_dump(doc, sort_keys=False))
    r = _gate(case)
    assert r.outcome == "GO WITH CONDITIONS", [f.message for f in r.findings if f.blocking]


def test_a_tool_unknown_to_the_policy_matters_for_every_threshold(tmp_path: Path) -> None:
    # a policy that lists no tools: even the example's own code-execution is elicited by no
    # evaluation (no log records a tool of that name) and clears no scoping-out
    case = _atlas(tmp_path, "  tools: [code-execution]\n")
    pol = case.parent / "policy.yaml"
    doc = yaml.safe_load(pol.read_text())
    del doc["tools"]
    pol.write_text(yaml.safe_dump(doc, sort_keys=False))
    r = _gate(case)
    assert r.outcome == "NO-GO"
    assert len(_blocking(r, "CG301")) == 3 and len(_blocking(r, "CG212")) == 3
    assert r.narrower_dropped == ["tools"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("matters_for", ["cyber-hihg"], "tools.code-execution.matters_for names no threshold of the policy: cyber-hihg"),
    ("scopes_out", ["autonmy"], "tools.code-execution.scopes_out names no domain of the policy: autonmy"),
])
def test_a_tool_entry_names_known_thresholds_and_domains(tmp_path: Path, field: str, value: list[str],
                                                         message: str) -> None:
    case = _atlas(tmp_path, "  tools: [code-execution]\n")
    pol = case.parent / "policy.yaml"
    doc = yaml.safe_load(pol.read_text())
    doc["tools"]["code-execution"][field] = value
    pol.write_text(yaml.safe_dump(doc, sort_keys=False))
    found = [(f.code, f.message) for f in load_case(case).diagnostics if f.blocking]
    assert any(code == "CG900" and message in m for code, m in found), found


def test_a_policy_that_clears_the_new_tool_rides_in_with_the_case(tmp_path: Path) -> None:
    # the previous version: the example as it is; this one adds web browsing and, in the same
    # change, a policy entry that stands the bio suite's web-search for it, lets it matter for
    # bio-high alone and clears every domain scoped out beside it
    previous = load_case(ATLAS / "case.yaml")
    case = _atlas(tmp_path, "  tools: [code-execution, web-browsing]\n")
    pol = case.parent / "policy.yaml"
    doc = yaml.safe_load(pol.read_text())
    doc["tools"]["web-browsing"] = {"elicited_by": ["web-search"], "matters_for": ["bio-high"],
                                    "scopes_out": ["autonomy", "persuasion", "sabotage"]}
    doc["tools"]["code-execution"]["scopes_out"].append("exfiltration")
    pol.write_text(yaml.safe_dump(doc, sort_keys=False))
    loaded = with_attestations(load_case(case), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    r = run_gate(loaded, today=TODAY, previous=previous)
    loosened = _blocking(r, "CG328")
    assert r.outcome == "NO-GO"
    assert any("`web-browsing` tool no longer matters for ai-rnd-4, cyber-high" in m for m in loosened), loosened
    assert any("`web-browsing` tool is stood for by web-search, not web-browsing" in m for m in loosened)
    assert any("`web-browsing` tool now leaves autonomy, persuasion, sabotage scoped out" in m for m in loosened)
    assert any("`code-execution` tool now leaves exfiltration scoped out" in m for m in loosened)


def test_a_sensitive_domain_the_policy_does_not_clear_contradicts_the_scoping_outs(tmp_path: Path) -> None:
    case = _atlas(tmp_path, "  tools: [code-execution]\n  sensitive_domains: [critical-infrastructure]\n")
    r = _gate(case)
    contradicted = _blocking(r, "CG212")
    assert {m.split("`")[1] for m in contradicted} == {"autonomy", "persuasion", "sabotage"}
    assert all("`critical-infrastructure` (sensitive domain)" in m for m in contradicted)
    assert r.narrower_dropped == ["sensitive_domains.critical-infrastructure"]


def _all_measured(tmp_path: Path, sensitive: str) -> Path:
    """atlas-api under a framework whose every domain but weight security carries thresholds (so no
    domain is scoped out on the boundary alone, and CG212 has nothing to hold a grant against), with
    the boundary integrating the model into `sensitive`."""
    case = _atlas(tmp_path, f"  tools: [code-execution]\n  sensitive_domains: [{sensitive}]\n")
    pol = case.parent / "policy.yaml"
    doc = yaml.safe_load(pol.read_text())
    measured = {t["domain"] for t in doc["thresholds"].values()}
    gone = [d for d in doc["domains"] if d not in measured and d != "exfiltration"]
    assert gone == ["persuasion", "autonomy", "sabotage"]
    for d in gone:
        del doc["domains"][d]
    for t in doc["tools"].values():
        t["scopes_out"] = [d for d in t.get("scopes_out", []) if d not in gone]
    doc["sensitive_domains"] = {"healthcare": {"description": "drafts replies in a hospital's patient portal"}}
    pol.write_text(yaml.safe_dump(doc, sort_keys=False))
    lines = case.read_text().split("\n")
    out: list[str] = []
    skip = False
    for ln in lines:
        if ln[:1].isalpha():
            skip = False
        elif ln.startswith("  ") and not ln.startswith("   ") and ln.rstrip().endswith(":"):
            skip = ln.strip()[:-1] in gone
        if not skip:
            out.append(ln)
    case.write_text("\n".join(out))
    return case


def test_a_sensitive_domain_the_policy_does_not_list_is_no_go(tmp_path: Path) -> None:
    """The lab integrates the model into the power grid, which the framework never weighed; nothing
    is scoped out on the boundary alone, so no scoping-out contradicts it: without CG213 the gate
    said GO WITH CONDITIONS and `verify` would allow the integration."""
    r = _gate(_all_measured(tmp_path, "power-grid-control"))
    assert r.outcome == "NO-GO"
    assert _blocking(r, "CG213") == [
        "the boundary integrates the model into `power-grid-control`, a sensitive domain the policy does not list "
        "(`sensitive_domains`), so nobody has said what the integration opens; it lists `healthcare`"]
    assert {f.code for f in r.findings if f.blocking} == {"CG213"}
    assert r.narrower is not None and r.narrower.value == "api"
    assert r.narrower_dropped == ["sensitive_domains.power-grid-control"]


def test_a_sensitive_domain_the_policy_lists_passes_and_a_near_name_is_pointed_at(tmp_path: Path) -> None:
    assert _gate(_all_measured(tmp_path / "a", "healthcare")).outcome == "GO WITH CONDITIONS"
    (m,) = _blocking(_gate(_all_measured(tmp_path / "b", "HealthCare")), "CG213")
    assert m.endswith("; the policy lists `healthcare`: use that name")


# The example's boundary says, in words, "a sandboxed code-execution tool": the tool is granted by
# its own name whatever its list says (`granted_tools`), and what the policy asks of it is asked.

CODE_SAID = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"


def _loosened_for_code_execution(tmp_path: Path, description: str = CODE_SAID) -> Path:
    """This version's policy lets code execution matter for the AI R&D threshold alone, and its
    boundary leaves the tool off its list."""
    case = _atlas(tmp_path, "  tools: []\n")
    text = case.read_text()
    assert text.count(CODE_SAID) == 1
    case.write_text(text.replace(CODE_SAID, description))
    pol = case.parent / "policy.yaml"
    doc = yaml.safe_load(pol.read_text())
    doc["tools"]["code-execution"]["matters_for"] = ["ai-rnd-4"]
    pol.write_text(yaml.safe_dump(doc, sort_keys=False))
    return case


def test_a_policy_loosened_for_a_tool_granted_in_words_rides_in_with_the_case(tmp_path: Path) -> None:
    """The lab's move: the policy stops holding the cyber suite to code execution in the same change
    that drops the tool from `boundary.tools`, while the description still gives the model "a
    sandboxed code-execution tool". The loosening was weighed for the listed tools alone: unseen."""
    previous = load_case(ATLAS / "case.yaml")
    case = _loosened_for_code_execution(tmp_path)
    loaded = with_attestations(load_case(case), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    r = run_gate(loaded, today=TODAY, previous=previous)
    loosened = _blocking(r, "CG328")
    assert r.outcome == "NO-GO"
    assert any("`code-execution` tool no longer matters for cyber-high" in m for m in loosened), loosened


def test_a_policy_loosened_for_a_tool_the_words_deny_is_not_weighed_for_it(tmp_path: Path) -> None:
    """Control: the same change, the boundary described as giving no code-execution tool."""
    previous = load_case(ATLAS / "case.yaml")
    case = _loosened_for_code_execution(
        tmp_path, "  description: Paid API access with no code-execution tool; no fine-tuning access.\n")
    loaded = with_attestations(load_case(case), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    r = run_gate(loaded, today=TODAY, previous=previous)
    assert not any("code-execution" in m for m in _blocking(r, "CG328")), _blocking(r, "CG328")
