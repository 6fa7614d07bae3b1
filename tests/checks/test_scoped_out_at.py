"""CG215: a domain scoped out at a boundary kind its policy entry does not list
(`domains.<id>.scoped_out_at`). Atlas-api's framework lets weight exfiltration be scoped out only
where the weights are published (`[open-weights]`); the move is atlas-api with its weight-theft
pathway, security safeguards, their audits and residual risk replaced by a sentence that the risk
is argued in another case."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")
TODAY = dt.date(2026, 11, 27)
EXFILTRATION = "  exfiltration: {name: Model-weight exfiltration, min_severity: severe, scoped_out_at: [open-weights]}\n"


def _cut(text: str, start: str, stop: str) -> str:
    """`text` without the lines from the one starting with `start` up to the next one starting
    with `stop` (kept)."""
    i = text.index(start)
    return text[:i] + text[text.index(stop, i + len(start)):]


def _scoped_away(tmp_path: Path, policy_line: str = EXFILTRATION) -> Path:
    """Atlas-api at `api` without its code-execution tool, `exfiltration` scoped out on the boundary's
    kind with a reference to the internal case, and everything that argued it removed: the
    weight-theft pathway and its residual risk, SG-weights and SG-egress, their audits and G6."""
    d = tmp_path / "atlas"
    shutil.copytree(ATLAS, d)
    case = (d / "case.yaml").read_text()
    case = _cut(case, "  exfiltration:\n", "  ai-rnd:\n").replace(
        "  ai-rnd:\n", "  exfiltration:\n    scoped_out: Weight security for Atlas-2 is argued in the atlas-2-internal "
        "case, which covers every deployment of these weights.\n    rests_on: [kind]\n  ai-rnd:\n", 1)
    case = _cut(case, "  SG-weights:\n", "residual_risk:\n")
    case = _cut(case, "\n  weight-theft:\n", "\npost_deployment:\n")
    case = re.sub(r"  tools: \[code-execution\]\n", "  tools: []\n", case, count=1)
    # and described so: words offering the code-execution tool grant it (CG212)
    case = case.replace("Paid API access with a sandboxed code-execution tool;", "Paid API access with no tools;", 1)
    case = case.replace("rests_on: [tools]", "rests_on: [kind]").replace("rests_on: [kind, tools]", "rests_on: [kind]")
    (d / "case.yaml").write_text(case)
    ev = (d / "evidence.yaml").read_text()
    (d / "evidence.yaml").write_text(ev[:ev.index("  E-weights-audit:\n")])  # it and the two after it
    arg = (d / "argument.yaml").read_text()
    arg = arg.replace("supported_by: [G2, G3, G4, G5, G6, G7]", "supported_by: [G2, G3, G4, G5, G7]")
    arg = _cut(arg, "    G6:\n", "    G7:\n")
    (d / "argument.yaml").write_text(arg)
    pol = (d / "policy.yaml").read_text()
    assert pol.count(EXFILTRATION) == 1
    (d / "policy.yaml").write_text(pol.replace(EXFILTRATION, policy_line))
    return d / "case.yaml"


def _gate(case: Path) -> DecisionRecord:
    at = parse_instant(TODAY.isoformat(), end_of_day=True)
    return run_gate(with_attestations(load_case(case), KEYRING, at), today=TODAY)


def test_weight_theft_scoped_out_of_an_api_case_blocks(tmp_path: Path) -> None:
    """Attack: the weight-theft risk scoped away at `api` by a reference to another case (the move
    was GO WITH CONDITIONS, its only condition the cyber alert level)."""
    r = _gate(_scoped_away(tmp_path))
    assert r.outcome == "NO-GO"
    assert [f.message for f in r.findings if f.blocking] == [
        "domain `exfiltration` is scoped out at `api`, but the policy lets it be scoped out only at `open-weights` "
        "(`scoped_out_at`): elsewhere its risk is argued with pathways, safeguards and residual risk"]


@pytest.mark.parametrize("policy_line", [
    "  exfiltration: {name: Model-weight exfiltration, min_severity: severe}\n",
    "  exfiltration: {name: Model-weight exfiltration, min_severity: severe, scoped_out_at: [api, open-weights]}\n",
])
def test_a_policy_that_leaves_it_open_or_lists_the_boundary_lets_it_stand(tmp_path: Path, policy_line: str) -> None:
    """Where the policy sets no `scoped_out_at`, or lists `api`, the same case goes on (the policy's
    owners' choice; `policy gaps` lists the unset one)."""
    r = _gate(_scoped_away(tmp_path, policy_line))
    assert [f.code for f in r.findings if f.blocking] == [], [f.message for f in r.findings if f.blocking]
    assert r.outcome == "GO WITH CONDITIONS"


def test_the_open_weights_example_scopes_exfiltration_out_where_its_policy_lets_it() -> None:
    """No false positive: published weights leave nothing to steal, and the framework says so."""
    r = _gate(ROOT / "examples" / "open-weights" / "case.yaml")
    assert not [f for f in r.findings if f.code == "CG215"]
