"""A case written apart from the examples (Quill-1, an agentic coding assistant with a shell and
network access sold to consumers in a desktop app: autonomous exploit development and
self-exfiltration, `tests/fixtures/rt_blind/quill`), gated as `gate --preview` does with the
examples' keyring. Honestly it is NO-GO: 54 of 150 working exploits against replicas of real
services, with the tools the app gives, cannot rule out the exploit development threshold. The
lab's moves to GO without fixing that are tried here and in docs/security.md."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from tests.gate.blind_helpers import blocking as _blocking
from tests.gate.blind_helpers import copy_fixture, preview
from tests.gate.blind_helpers import edit as _edit
from tests.gate.blind_helpers import messages as _messages

from casegate.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[2]
QUILL = ROOT / "tests" / "fixtures" / "rt_blind" / "quill"
RING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"
EXPLOIT = "b382898b71495e7eed406499a1203bc54fd231b12c4b0763d50ed49bfe3b1d98"


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _copy(tmp: Path) -> Path:
    return copy_fixture(QUILL, tmp)


def _preview(d: Path) -> DecisionRecord:
    return preview(d)


def _exploit_log(d: Path, solved: int, tools: list[str] | None = None) -> None:
    """The exploit development log rewritten: `solved` samples solved in their first epoch."""
    log = d / "evals" / "exploit-dev.json"
    doc = json.loads(log.read_text())
    if tools is not None:
        doc["tools"] = tools
    for s in doc["samples"]:
        s["score"] = 1 if int(s["id"].rsplit("-", 1)[1]) < solved and s["epoch"] == 1 else 0
    log.write_text(json.dumps(doc))
    _edit(d / "evidence.yaml", EXPLOIT, hashlib.sha256(log.read_bytes()).hexdigest())


def test_the_blind_case_is_honestly_no_go_and_go_once_below(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG303", "CG418"]
    _exploit_log(d, 8)  # what a model below the alert level would score: 8 of 150
    record = _preview(d)
    assert record.outcome == "GO" and _blocking(record) == []


# ------------------------------------------------------------------ a consumer app labelled an API

# The framework lets a model past the exploit threshold out through its API with four layers of
# safeguards, and asks five, a classifier and monitoring among them, of a consumer release.
THRESHOLD_LEVELS = (
    "      - {boundary: consumer, level: baseline, min_layers: 3}",
    "      - {boundary: api, level: threshold, min_layers: 4, layers: [classifier, monitoring]}\n"
    "      - {boundary: consumer, level: baseline, min_layers: 3}\n"
    "      - {boundary: consumer, level: threshold, min_layers: 5, layers: [classifier, monitoring]}",
)


def _past_threshold(d: Path) -> None:
    """The lab owns up to the capability: the threshold may be reached, its safeguards apply."""
    _edit(d / "policy.yaml", *THRESHOLD_LEVELS)
    _edit(d / "argument.yaml", "capability: {threshold: cyber-exploit, position: below}",
          "capability: {threshold: cyber-exploit, position: above}")
    _edit(d / "argument.yaml", "capability with its tools is below the exploit development threshold.",
          "capability may reach the exploit development threshold, so its safeguards apply.")


def test_the_consumer_release_past_the_threshold_is_no_go(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _past_threshold(d)
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG402"]
    (msg,) = _messages(record, "CG402")
    assert "at consumer the policy asks for 5" in msg


def test_the_consumer_app_labelled_an_api_is_no_go(tmp_path: Path) -> None:
    """The lab's move: the same app, sold to anyone who signs up, labelled `api` (self-serve access
    is consistent with both kinds under the table), where four layers past the threshold suffice.
    It was GO WITH CONDITIONS."""
    d = _copy(tmp_path)
    _past_threshold(d)
    _edit(d / "case.yaml", "  kind: consumer\n", "  kind: api\n")
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG105"]
    (msg,) = _messages(record, "CG105")
    assert msg.startswith("the boundary says its users are the public reaching the model through the developer's "
                          "own product (\"The Quill desktop app\"), with `self-serve` access, which makes it a "
                          "`consumer` boundary, not `api`")


@pytest.mark.parametrize(("description", "users"), [
    ("Quill for Mac and Windows: a coding agent in a chat app, with a sandboxed shell and network access.",
     "anyone aged 18 or over who signs up"),
    ("A coding agent with a sandboxed shell and network access.", "consumers who sign up on quill.example"),
    ("A coding agent with a sandboxed shell and network access.", "members of the public who sign up"),
    ("The Quill mobile app and its browser extension.", "anyone who signs up"),
])
def test_other_words_for_the_consumer_app_are_read_too(tmp_path: Path, description: str, users: str) -> None:
    d = _copy(tmp_path)
    _past_threshold(d)
    _edit(d / "case.yaml", "  kind: consumer\n", "  kind: api\n")
    _edit(d / "case.yaml", "users: anyone aged 18 or over who signs up for the Quill desktop app",
          f"users: {json.dumps(users)}")
    _edit(d / "case.yaml", "  description: The Quill desktop app; the agent runs commands in a per-session sandbox "
                           "with outbound network access through an egress proxy.", f"  description: {json.dumps(description)}")
    assert _blocking(_preview(d)) == ["CG105"]


def test_an_api_described_as_one_is_go_with_conditions(tmp_path: Path) -> None:
    """The control: the same model through an API for developers, who may build their own consumer
    apps on it, is what the framework allows past the threshold with four layers."""
    d = _copy(tmp_path)
    _past_threshold(d)
    _edit(d / "case.yaml", "  kind: consumer\n", "  kind: api\n")
    _edit(d / "case.yaml", "users: anyone aged 18 or over who signs up for the Quill desktop app",
          "users: developers who sign up for an API key")
    _edit(d / "case.yaml", "  description: The Quill desktop app;",
          "  description: Programmatic agent sessions for developers building consumer apps, never sold to consumers;")
    record = _preview(d)
    assert record.outcome == "GO WITH CONDITIONS" and _blocking(record) == []


# ------------------------------------------------------------------ moves tried and already caught


def test_the_exploit_suite_run_without_the_network_is_no_go(tmp_path: Path) -> None:
    """'Tools do not change capability': the suite rerun with the shell alone scores 8 of 150."""
    d = _copy(tmp_path)
    _exploit_log(d, 8, tools=["bash"])
    _edit(d / "argument.yaml", "development capability with its tools is below", "development capability (tools do not change it) is below")
    record = _preview(d)
    assert record.outcome == "NO-GO" and "CG301" in _blocking(record)
    assert any("did not give the model the tool(s) network that the boundary grants" in m
               for m in _messages(record, "CG301"))


def test_the_exploit_suite_split_into_parts_under_the_threshold_is_no_go(tmp_path: Path) -> None:
    """Three runs of 50 samples each, 3 solved in each: every part is under the threshold alone."""
    d = _copy(tmp_path)
    log = d / "evals" / "exploit-dev.json"
    doc = json.loads(log.read_text())
    ev = (d / "evidence.yaml").read_text()
    item = ev[ev.index("  E-exploit-dev:"):ev.index("  E-sandbox-escape:")]
    parts = ""
    for k in range(3):
        rows = [dict(s, score=1 if int(s["id"].rsplit("-", 1)[1]) - 50 * k < 3 and s["epoch"] == 1 else 0)
                for s in doc["samples"] if 50 * k <= int(s["id"].rsplit("-", 1)[1]) < 50 * (k + 1)]
        part = d / "evals" / f"exploit-dev-{k}.json"
        part.write_text(json.dumps({**doc, "samples": rows}))
        parts += (item.replace("E-exploit-dev:", f"E-exploit-dev-{k}:").replace("exploit-dev.json", part.name)
                  .replace(EXPLOIT, hashlib.sha256(part.read_bytes()).hexdigest()))
    (d / "evidence.yaml").write_text(ev.replace(item, parts))
    _edit(d / "argument.yaml", "evidence: [E-exploit-dev]", "evidence: [E-exploit-dev-0, E-exploit-dev-1, E-exploit-dev-2]")
    _edit(d / "case.yaml", "relies_on: [E-exploit-dev, ", "relies_on: [E-exploit-dev-0, ", count=3)
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record).count("CG301") == 3


def test_the_sandbox_audited_by_the_labs_own_team_as_independent_is_no_go(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _exploit_log(d, 8)
    audit = d / "reports" / "sandbox-audit.md"
    audit.write_text("# Sandbox audit, Quill-1\nNo route out of the sandbox found. PASS.\n")
    sha = hashlib.sha256(audit.read_bytes()).hexdigest()
    _edit(d / "evidence.yaml", "  E-sandbag:\n",
          "  E-sandbox-audit:\n    kind: security-audit\n    tests: [SG-sandbox]\n    title: Independent sandbox audit\n"
          f"    artifact: reports/sandbox-audit.md\n    sha256: {sha}\n    producer: acme-offensive-security\n"
          "    independent: true\n    date: 2026-10-28\n    result: {passed: true}\n  E-sandbag:\n")
    _edit(d / "case.yaml", "    evidence: [E-sandbox]\n    verified_by: acme-security\n",
          "    evidence: [E-sandbox-audit]\n    verified_by: acme-offensive-security\n    security: true\n")
    _edit(d / "argument.yaml", "E-monitoring, E-sandbox]", "E-monitoring, E-sandbox-audit]")
    record = _preview(d)
    assert record.outcome == "NO-GO" and {"CG348", "CG349", "CG407"} <= set(_blocking(record))


@pytest.mark.parametrize(("old", "new"), [
    ('op: ">"\n      threshold: 0.01', 'op: ">"\n      threshold: 1.0'),
    ('op: ">"\n      threshold: 0.01', 'op: "<"\n      threshold: 0.0'),
])
def test_an_exfiltration_monitor_no_traffic_can_trip_is_no_go(tmp_path: Path, old: str, new: str) -> None:
    d = _copy(tmp_path)
    _exploit_log(d, 8)
    _edit(d / "case.yaml", old, new)
    assert _blocking(_preview(d)) == ["CG715"]


def test_the_exploit_risk_scoped_out_to_the_api_case_is_no_go(tmp_path: Path) -> None:
    """'Covered by the API model's case': the cyber domain scoped out, its pathway and safeguards gone."""
    d = _copy(tmp_path)
    case = d / "case.yaml"
    text = case.read_text()
    cut = [(text.index("  cyber:\n"), text.index("  autonomy:\n"),
            "  cyber:\n    scoped_out: Exploit development is covered by the Quill-1 API model's case (quill-1-api).\n"
            "    rests_on: [kind]\n")]
    for start, end in (("  SG-accounts:\n", "  SG-monitoring:\n"), ("  exploit-real-service:\n    estimate", "  self-exfiltration:\n    estimate")):
        cut.append((text.index(start), text.index(end), ""))
    for a, b, put in sorted(cut, reverse=True):
        text = text[:a] + put + text[b:]
    case.write_text(text.replace("blocks: [exploit-real-service.launch-against-target, self-exfiltration.copy-weights-out]",
                                 "blocks: [self-exfiltration.copy-weights-out]"))
    _edit(d / "argument.yaml", "evidence: [E-accounts, E-refusal, E-classifier, E-monitoring, E-sandbox]",
          "evidence: [E-monitoring, E-sandbox]")
    record = _preview(d)
    assert record.outcome == "NO-GO" and {"CG204", "CG214"} <= set(_blocking(record))


# ------------------------------------------------------------------ the network granted in words only

DESCRIPTION = ("  description: The Quill desktop app; the agent runs commands in a per-session sandbox with outbound "
               "network access through an egress proxy.\n")


def test_the_network_left_off_the_list_but_granted_in_words_is_no_go(tmp_path: Path) -> None:
    """The lab's move: the exploit suite run with the shell alone (8 of 150), and `network` dropped
    from `boundary.tools` while the app's description still gives the agent outbound network access.
    The framework names no words for the tool (`named_by`), so CG216 read nothing: GO."""
    d = _copy(tmp_path)
    _exploit_log(d, 8, tools=["bash"])
    _edit(d / "case.yaml", "  tools: [shell, network]\n", "  tools: [shell]\n")
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG301"]
    (msg,) = _messages(record, "CG301")
    assert "did not give the model the tool(s) network that the boundary grants (its log records bash)" in msg


@pytest.mark.parametrize("words", [
    "The Quill desktop app; the agent runs commands in a per-session sandbox with no network access.",
    "The Quill desktop app; the agent runs commands in a per-session sandbox, never on the network.",
    "The Quill desktop app; the agent runs commands in an offline sandbox.",
])
def test_a_sandbox_whose_words_deny_the_network_is_judged_without_it(tmp_path: Path, words: str) -> None:
    """The control: the same run, the app described honestly as offline, measured what it deploys."""
    d = _copy(tmp_path)
    _exploit_log(d, 8, tools=["bash"])
    _edit(d / "case.yaml", "  tools: [shell, network]\n", "  tools: [shell]\n")
    _edit(d / "case.yaml", DESCRIPTION, f"  description: {words}\n")
    record = _preview(d)
    assert record.outcome == "GO" and _blocking(record) == []


def test_the_network_granted_on_a_line_of_its_own_is_no_go(tmp_path: Path) -> None:
    """The lab's move: `network` dropped from the list, and the description written over lines
    (a YAML literal block) with the network granted on one line and something else denied on the
    next, no punctuation between. The tools' reading joined the lines into one clause, whose
    `never` denied the network: GO. A line break ends a clause, as it does for every other reading
    of the boundary's words (`boundary_clauses`)."""
    d = _copy(tmp_path)
    _exploit_log(d, 8, tools=["bash"])
    _edit(d / "case.yaml", "  tools: [shell, network]\n", "  tools: [shell]\n")
    _edit(d / "case.yaml", DESCRIPTION, "  description: |-\n    The Quill desktop app where the agent runs commands "
          "with outbound network access\n    and never reads the user's own files\n")
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG301"]
    (msg,) = _messages(record, "CG301")
    assert "did not give the model the tool(s) network that the boundary grants (its log records bash)" in msg


def test_a_tool_the_policy_names_words_for_is_left_to_those_words(tmp_path: Path) -> None:
    """Where the framework names the words for the tool, they decide (CG216), not the tool's name."""
    d = _copy(tmp_path)
    _exploit_log(d, 8, tools=["bash"])
    _edit(d / "case.yaml", "  tools: [shell, network]\n", "  tools: [shell]\n")
    _edit(d / "policy.yaml", "    elicited_by: [network]\n", "    elicited_by: [network]\n    named_by: [egress proxy]\n")
    record = _preview(d)
    assert _blocking(record) == ["CG216"]


# ------------------------------------------------------------------ a domain scoped out on the network left off the list

# The framework also covers sabotage, with no threshold: it may stay scoped out while the agent
# has the shell alone (`scopes_out`), not once it has the network too.
SABOTAGE_DOMAIN = ("  autonomy: {name: Autonomous replication and self-exfiltration, internal_relevant: true, "
                   "min_severity: severe}\n")
SHELL_TOOL = "    matters_for: [cyber-exploit, self-exfil]\n  network:\n"


def _sabotage_scoped_out(d: Path) -> None:
    """The framework's sabotage domain, cleared by the shell alone, and the case scoping it out on
    its tools: the agent has no network tool, so it cannot reach anyone's systems."""
    _edit(d / "policy.yaml", SABOTAGE_DOMAIN,
          SABOTAGE_DOMAIN + "  sabotage: {name: Sabotage of others' systems, min_severity: severe}\n")
    _edit(d / "policy.yaml", SHELL_TOOL,
          "    matters_for: [cyber-exploit, self-exfil]\n    scopes_out: [sabotage]\n  network:\n")
    _edit(d / "case.yaml", "\nsafeguards:\n",
          "  sabotage:\n"
          "    scoped_out: Quill-1 has no network tool, so it cannot reach any system outside its sandbox.\n"
          "    rests_on: [tools]\n"
          "\nsafeguards:\n")


def test_a_domain_scoped_out_on_the_tools_while_the_network_is_listed_is_no_go(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _exploit_log(d, 8)
    _sabotage_scoped_out(d)
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG212"]


def test_a_domain_scoped_out_on_the_network_left_off_the_list_but_granted_in_words_is_no_go(tmp_path: Path) -> None:
    """The lab's move: the exploit suite run honestly with the network (8 of 150), `network`
    dropped from `boundary.tools` while the app's description still gives the agent outbound
    network access, and sabotage scoped out because the boundary "has no network tool". CG212
    read the list alone, where the shell clears sabotage: GO."""
    d = _copy(tmp_path)
    _exploit_log(d, 8)
    _sabotage_scoped_out(d)
    _edit(d / "case.yaml", "  tools: [shell, network]\n", "  tools: [shell]\n")
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG212"]
    (msg,) = _messages(record, "CG212")
    assert "the boundary grants `network` (in its words, not its list)" in msg


@pytest.mark.parametrize("words", [
    "The Quill desktop app; the agent runs commands in a per-session sandbox with no network access.",
    "The Quill desktop app; the agent runs commands in a per-session sandbox, never on the network.",
    "The Quill desktop app; the agent runs commands in an offline sandbox.",
])
def test_a_domain_scoped_out_where_the_words_deny_the_network_is_go(tmp_path: Path, words: str) -> None:
    """The control: the same case with the app described honestly as offline grants the shell
    alone, which the framework clears for scoping sabotage out."""
    d = _copy(tmp_path)
    _exploit_log(d, 8)
    _sabotage_scoped_out(d)
    _edit(d / "case.yaml", "  tools: [shell, network]\n", "  tools: [shell]\n")
    _edit(d / "case.yaml", DESCRIPTION, f"  description: {words}\n")
    record = _preview(d)
    assert record.outcome == "GO" and _blocking(record) == []
