"""CI formats read by tools casegate did not write: JUnit XML through junitparser, GitHub
workflow commands through the runner's documented grammar (and @actions/core when Node has it),
SARIF through sarif-pydantic with `helpUri` and `invocations`."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.model import Finding, Location, RuleSeverity, Waiver
from casegate.report import finding_annotation, format_junit

ROOT = Path(__file__).resolve().parents[2]
BAD = "tests/fixtures/rules/CG903/bad/case.yaml"
ATLAS = "examples/atlas-api/case.yaml"
NARROW = "examples/narrower-boundary/case.yaml"


def cg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env)


# ------------------------------------------------------------------ GitHub workflow commands

_CMD = re.compile(r"^::(?P<cmd>[a-z]+)(?: (?P<props>[^:]*))?::(?P<msg>.*)$")


def _unescape_data(s: str) -> str:
    # the runner's ActionCommand unescaping: %0D, %0A, then %25 (order from the runner's docs)
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_prop(s: str) -> str:
    return (s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
            .replace("%2C", ",").replace("%25", "%"))


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command line as the GitHub runner reads it: `::name k=v,k=v::message`."""
    m = _CMD.match(line)
    assert m, f"not a workflow command: {line!r}"
    props: dict[str, str] = {}
    for part in (m["props"] or "").split(","):
        if part:
            k, _, v = part.partition("=")
            assert k and _ == "=", f"bad property {part!r} in {line!r}"
            props[k] = _unescape_prop(v)
    return m["cmd"], props, _unescape_data(m["msg"])


TRICKY = Finding(code="CG903", name="unknown-reference", severity=RuleSeverity.blocking,
                 message="50% of refs, a: b,\nnext line", help="fix it: now",
                 location=Location(file="dir,1/case:x.yaml", line=44, column=18))


def test_annotation_round_trips_through_the_runner_grammar() -> None:
    line = finding_annotation(TRICKY)
    assert "\n" not in line
    cmd, props, msg = parse_command(line)
    assert cmd == "error"
    assert props == {"file": "dir,1/case:x.yaml", "line": "44", "col": "18",
                     "title": "CG903 unknown-reference"}
    assert msg == "50% of refs, a: b,\nnext line\nhelp: fix it: now"


def test_annotation_levels_follow_severity_and_waivers() -> None:
    base = TRICKY.model_copy(update={"location": None})
    assert parse_command(finding_annotation(base))[0] == "error"
    assert "file" not in parse_command(finding_annotation(base))[1]
    cond = base.model_copy(update={"severity": RuleSeverity.condition})
    assert parse_command(finding_annotation(cond))[0] == "warning"
    adv = base.model_copy(update={"severity": RuleSeverity.advisory})
    assert parse_command(finding_annotation(adv))[0] == "notice"
    waived = base.model_copy(update={"waived": Waiver(code="CG903", person="Sam", role="rso", reason="why",
                                                      until="2027-01-01")})
    cmd, _, msg = parse_command(finding_annotation(waived))
    assert cmd == "notice" and "waived by Sam (rso) until 2027-01-01: why" in msg


def _node_actions_core() -> str | None:
    node = shutil.which("node")
    path = os.environ.get("CASEGATE_NODE_PATH")
    if node is None or not path or not (Path(path) / "@actions" / "core").is_dir():
        return None
    return node


def test_annotation_matches_what_actions_core_writes() -> None:
    """@actions/core (GitHub's own toolkit) escapes the same finding the same way."""
    node = _node_actions_core()
    if node is None:
        pytest.skip("set CASEGATE_NODE_PATH to a node_modules with @actions/core to compare with GitHub's toolkit")
    loc = TRICKY.location
    assert loc is not None
    script = ("const core=require('@actions/core');"
              f"core.error({json.dumps(TRICKY.message + chr(10) + 'help: ' + (TRICKY.help or ''))},"
              f"{{title:{json.dumps('CG903 unknown-reference')},file:{json.dumps(loc.file)},"
              f"startLine:{loc.line},startColumn:{loc.column}}});")
    r = subprocess.run([node, "-e", script], capture_output=True, text=True,
                       env={**os.environ, "NODE_PATH": os.environ["CASEGATE_NODE_PATH"]})
    assert r.returncode == 0, r.stderr
    theirs = parse_command(r.stdout.strip())
    ours = parse_command(finding_annotation(TRICKY))
    assert theirs == ours
    # and byte for byte, property order aside
    assert sorted(r.stdout.strip().split("::")[1].split(" ", 1)[1].split(",")) == \
        sorted(finding_annotation(TRICKY).split("::")[1].split(" ", 1)[1].split(","))


def test_check_github_annotates_file_and_line() -> None:
    r = cg("check", BAD, "--format", "github")
    assert r.returncode == 1
    cmds = [parse_command(x) for x in r.stdout.splitlines() if x.startswith("::")]
    assert any(c == "error" and p["file"] == BAD and p["line"] == "44" and p["col"] == "18"
               and p["title"] == "CG903 unknown-reference" for c, p, _ in cmds)
    assert r.stdout.splitlines()[-1].endswith("1 blocking, 0 condition, 0 advisory")


def test_gate_github_states_the_outcome(tmp_path: Path) -> None:
    from tests.gate.test_cli_gate import signed_atlas

    d = signed_atlas(tmp_path)
    r = cg("gate", NARROW, "--format", "github", "--at", "2026-11-20")
    assert r.returncode == 1
    cmds = [parse_command(x) for x in r.stdout.splitlines()]
    last = cmds[-1]
    assert last[0] == "error" and last[1]["title"].startswith("casegate: NO-GO for")
    # its sign-offs are declared, not signed: no narrower boundary passes either (see the
    # preview in tests/gate/test_cli_gate.py for the boundary the evidence supports once signed)
    assert "needs 1 distinct sign-off(s) from role `safety-lead`; found none" in last[2]
    r = cg("gate", str(d / "case.yaml"), "--format", "github", "--at", "2026-11-27",
           "--keyring", str(d / "keys" / "keyring.yaml"))
    assert r.returncode == 0, r.stdout
    cmds = [parse_command(x) for x in r.stdout.splitlines()]
    assert any(c == "warning" and p["title"].startswith("casegate: GO WITH CONDITIONS") and m.startswith("C1:")
               for c, p, m in cmds)
    assert not any(c == "error" for c, _, _ in cmds)


# ------------------------------------------------------------------ JUnit XML


def test_check_junit_reads_with_junitparser(tmp_path: Path) -> None:
    from junitparser import Failure, JUnitXml

    r = cg("check", BAD, "--format", "junit")
    assert r.returncode == 1
    f = tmp_path / "report.xml"
    f.write_text(r.stdout)
    xml = JUnitXml.fromfile(str(f))
    suites = list(xml)
    assert len(suites) == 1
    suite = suites[0]
    cases = {c.name: c for c in suite}
    assert suite.tests == len(cases) and suite.failures == 2
    overall = cases[f"check {BAD}"]
    assert isinstance(overall.result[0], Failure) and "1 blocking finding" in overall.result[0].message
    rule = cases["CG903 unknown-reference"]
    assert rule.classname == "casegate.CG9xx"
    fail = rule.result[0]
    assert isinstance(fail, Failure) and fail.type == "blocking"
    assert fail.message.startswith(f"{BAD}:44:18:") and "help:" in (fail.text or "")


def test_gate_junit_has_a_decision_testcase(tmp_path: Path) -> None:
    from junitparser import Failure, JUnitXml

    from tests.gate.test_cli_gate import signed_atlas

    d = signed_atlas(tmp_path)
    signed = (str(d / "case.yaml"), "--keyring", str(d / "keys" / "keyring.yaml"))
    for case, failed, outcome in (((NARROW,), True, "NO-GO"), (signed, False, "GO WITH CONDITIONS")):
        r = cg("gate", *case, "--format", "junit", "--at", "2026-11-27")
        assert r.returncode == (1 if failed else 0)
        f = tmp_path / "gate.xml"
        f.write_text(r.stdout)
        suite = next(iter(JUnitXml.fromfile(str(f))))
        props = {p.name: p.value for p in suite.properties()}
        assert props["outcome"] == outcome and props["boundary"] == "api"
        decision = next(c for c in suite if c.name == "decision across api")
        assert decision.is_passed is (not failed)
        if failed:
            assert isinstance(decision.result[0], Failure) and decision.result[0].type == "NO-GO"
        else:
            assert "condition.C1" in props and decision.system_out.startswith("GO WITH CONDITIONS")
        cond = next(c for c in suite if c.name == "CG305 capability-at-alert-level")
        assert cond.is_passed and "[condition]" in cond.system_out  # conditions do not fail the build


def test_junit_waived_rule_is_skipped_not_passed() -> None:
    from junitparser import JUnitXml, Skipped

    w = Waiver(code="CG702", person="Sam", role="rso", reason="data", until="2027-01-01")
    f = Finding(code="CG702", name="x", severity=RuleSeverity.blocking, message="m", waived=w)
    xml = JUnitXml.fromstring(format_junit([f], name="c", timestamp="2026-12-01T00:00:00"))
    suite = next(iter(xml))
    case = next(c for c in suite if c.name == "CG702 x")
    assert isinstance(case.result[0], Skipped) and "waived by Sam (rso)" in case.result[0].message
    overall = next(c for c in suite if c.name == "check c")
    assert overall.is_passed


# ------------------------------------------------------------------ SARIF


def test_sarif_rules_link_their_docs_and_the_run_records_its_invocation() -> None:
    from sarif_pydantic import Sarif

    r = cg("check", BAD, "--format", "sarif")
    doc = json.loads(r.stdout)
    log = Sarif.model_validate(doc)
    run = log.runs[0]
    rule = next(x for x in run.tool.driver.rules or [] if x.id == "CG903")
    assert str(rule.help_uri).endswith("docs/rules.md#cg903-unknown-reference")
    heading = "## CG903 unknown-reference"
    assert heading in (ROOT / "docs" / "rules.md").read_text()
    inv = (run.invocations or [])[0]
    assert inv.execution_successful is True and str(inv.command_line).startswith("casegate check ")
    assert doc["runs"][0]["invocations"][0]["exitCode"] == 1  # SARIF 2.1.0 3.20.16 (not modelled by sarif-pydantic)
