"""CG720: a capability measured at its alert level is deployed on the condition that its domain is
watched. The lab tries dropping the monitor of that domain from a first version (no earlier version
to compare with, so CG719 cannot see the monitor go)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.sign import load_keyring, parse_instant, with_attestations

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")
TODAY = dt.date(2026, 11, 27)
CYBER_MONITOR = """    M-cyber-flags:
      signal: cyber-classifier-flag-rate
      op: ">"
      threshold: 0.005
      window: 24h
      action: reopen
      domain: cyber
      notify: [safety-lead, rso]
"""
CYBER_TRIGGER = """    T-cyber-flags:
      on: monitor
      monitor: M-cyber-flags
      action: reopen
      description: The cyber classifier flag rate above 0.5% over a day reopens the case.
"""


def _gate(tmp_path: Path, *edits: tuple[str, str]) -> DecisionRecord:
    d = tmp_path / "atlas-api"
    shutil.copytree(ATLAS, d)
    text = (d / "case.yaml").read_text()
    for old, new in edits:
        assert text.count(old) == 1
        text = text.replace(old, new)
    (d / "case.yaml").write_text(text)
    loaded = with_attestations(load_case(d / "case.yaml"), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    return run_gate(loaded, today=TODAY, try_narrower=False)


def test_atlas_api_watches_its_alert_level_domain() -> None:
    r = _gate_unedited()
    assert r.outcome == "GO WITH CONDITIONS"
    assert [c.cause for c in r.conditions] == ["CG305"]
    assert not [f for f in r.findings if f.code == "CG720"]


def _gate_unedited() -> DecisionRecord:
    loaded = with_attestations(load_case(ATLAS / "case.yaml"), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    return run_gate(loaded, today=TODAY, try_narrower=False)


def test_dropping_the_monitor_of_the_alert_level_domain_blocks(tmp_path: Path) -> None:
    """Attack: cyber-high is measured between its alert level and its threshold (the CG305
    condition says the domain is to be monitored); the lab deletes the cyber monitor and its
    trigger, keeping the bio monitor, so the plan still has a monitor. Before CG720 the decision
    was the same GO WITH CONDITIONS as with the monitor."""
    r = _gate(tmp_path, (CYBER_MONITOR, ""), (CYBER_TRIGGER, ""))
    assert r.outcome == "NO-GO"
    [f] = [f for f in r.findings if f.code == "CG720"]
    assert f.blocking
    assert "`cyber-high` (Cybersecurity High) is measured at or above its alert level" in f.message
    assert "no monitor watches `cyber` (the monitors watch `cbrn`)" in f.message


def test_a_monitor_that_names_no_domain_does_not_watch_it(tmp_path: Path) -> None:
    """Attack: the cyber monitor stays, with its `domain` left out: nothing says it watches cyber."""
    r = _gate(tmp_path, (CYBER_MONITOR, CYBER_MONITOR.replace("      domain: cyber\n", "")))
    assert r.outcome == "NO-GO"
    assert [f.code for f in r.findings if f.blocking] == ["CG720"]


def test_a_scoped_out_domain_needs_no_monitor_here() -> None:
    """A domain scoped out at the boundary is not argued by this case's plan (CG204 and the
    internal case answer for it): the internal-deployment-blindness example measures AI R&D at its
    alert level, scopes it out at the API and has no R&D monitor."""
    case = ATLAS.parent / "failure-modes" / "internal-deployment-blindness" / "case.yaml"
    loaded = with_attestations(load_case(case), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    r = run_gate(loaded, today=TODAY, try_narrower=False)
    assert any(f.code == "CG305" and "`ai-rnd-4`" in f.message for f in r.findings)
    assert not [f for f in r.findings if f.code == "CG720"]
