"""A case written apart from the examples: Merlin-1.1 (`tests/fixtures/rt_update/merlin`), a refresh
of Merlin-1, Acme's API model with code execution (the same architecture, continued pre-training and
new post-training), gated as `gate --preview` does with the examples' keyring, against a registry
(SQLite, as the registry tests run) that holds Merlin-1's approved case with its weights hashed.

Acme's framework, as the public ones do ("notably more capable", "scalable evaluations"), lets an
update skip the full suite while a cheaper check shows its capability did not move: a 60-challenge
CTF indicator run on the new weights within 0.05 of the predecessor's. Merlin-1.1's indicator rose
from 12 to 21 of 60, and the case carries Merlin-1's full CTF, bio and R&D runs all the same.
Casegate has no notion of carrying a run across weights: a run measures the model it ran against,
so the carried runs are Merlin-1's (CG351, by the name the logs record and by the registry's
record of whose measurement they are) and the case is honestly NO-GO for that alone. Its own full
runs (CTF 41 of 200, bio 10 of 300, R&D 4 of 120) give GO WITH CONDITIONS.

The lab's moves to GO without rerunning, each already caught: the carried logs relabelled with
Merlin-1.1's name (CG351: the registry holds the same run as Merlin-1's); Merlin-1's log name listed
under `system.evaluated_as` (CG351: it names the lineage entry's model); the system given Merlin-1's
name (version 1.1.0), with or without the lineage entry (CG351, registry); Merlin-1's digest listed
beside its own (CG352: new weights since the approved version about the same model, its artifacts
cited; CG348/CG353/CG356: the outside attestations sign the other weights); Merlin-1's digest in
place of its own (CG351 by name; CG348, CG353, CG356, CG420, CG410; the decision would bind to
Merlin-1's weights, which `verify` holds a deploy to); filed as version 1.1 of Merlin-1's case
(CG352, CG351, CG420); the indicator itself cited as the CTF measurement of `cyber-high`, as its own
task or as a 60-sample subset named as the professional suite (CG301: fewer samples than the policy
asks; CG345: not the task and samples the policy pins); "same architecture, 1.08x effective
compute, the capability did not move" as a passing review in place of the CTF run (CG307, CG302,
CG356). Open (docs/security.md): the carried logs relabelled, re-dated and one sample's score
changed in each, a forged log that casegate cannot tell from a run of its own."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from tests._weights import submit_hashed
from tests.gate.blind_helpers import copy_fixture, load_gen, relog, sha
from tests.gate.blind_helpers import edit as _edit

from casegate.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[2]
MERLIN = ROOT / "tests" / "fixtures" / "rt_update" / "merlin"
RING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"
TODAY = dt.date(2026, 11, 27)
CARRIED = {"E-cyber-ctf": "cyber-ctf", "E-bio-uplift": "bio-uplift", "E-rnd-tasks": "rnd-tasks"}


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _gate(case: Path, reg: Any | None) -> DecisionRecord:
    """`gate --preview` (every declared sign-off as if signed), compared with what `reg` holds."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.monitor import comparison_for
    from casegate.sign import load_keyring
    from casegate.verify import gate_inputs

    loaded = gate_inputs(load_case(case), load_keyring(RING), TODAY, preview=True).loaded
    return run_gate(loaded, today=TODAY, comparison=comparison_for(reg, loaded) if reg is not None else None)


def _approve_merlin_1(reg: Any, d: Path) -> None:
    """Merlin-1's case submitted with its weights hashed, sent for review and approved by the gate's decision."""
    from casegate.load import load_case
    from casegate.monitor import decide, submit_for_review

    submit_hashed(reg, load_case(d / "merlin-1" / "case.yaml"))
    submit_for_review(reg, "merlin-1-api", by="Sam Whitfield")
    rec = _gate(d / "merlin-1" / "case.yaml", reg)
    assert rec.outcome == "GO WITH CONDITIONS", _blocking(rec)
    decide(reg, rec)


def _blocking(r: DecisionRecord) -> list[str]:
    return [f"{f.code}: {f.message}" for f in r.findings if f.blocking]


def _codes(r: DecisionRecord) -> list[str]:
    return sorted({f.code for f in r.findings if f.blocking})


def _digest(case: Path) -> str:
    found = re.search(r"(?m)^  digests: \[(sha256:\w+)\]$", case.read_text())
    assert found is not None
    return found.group(1)


def _gated(tmp: Path, database_url: str, change: Any = None) -> DecisionRecord:
    """Merlin-1.1 (changed by `change`, given the copied fixture folder) gated against a registry
    holding Merlin-1's approved case."""
    from casegate.store import open_registry

    d = copy_fixture(MERLIN, tmp)
    if change is not None:
        change(d)
    with open_registry(database_url) as reg:
        _approve_merlin_1(reg, d)
        return _gate(d / "merlin-1.1" / "case.yaml", reg)


def _carried_by_registry(r: DecisionRecord) -> set[str]:
    return {m.split("`")[1] for m in _blocking(r)
            if m.startswith("CG351: the artifact of") and "case merlin-1-api version 1.0 (#1, approved)" in m}


def test_the_predecessor_stands_approved(tmp_path: Path) -> None:
    d = copy_fixture(MERLIN, tmp_path)
    r = _gate(d / "merlin-1" / "case.yaml", None)
    assert r.outcome == "GO WITH CONDITIONS", _blocking(r)


def test_the_update_carrying_the_predecessors_runs_honestly_is_no_go(tmp_path: Path, database_url: str) -> None:
    d = copy_fixture(MERLIN, tmp_path)
    alone = _gate(d / "merlin-1.1" / "case.yaml", None)
    assert alone.outcome == "NO-GO"
    assert _codes(alone) == ["CG351"], _blocking(alone)
    r = _gated(tmp_path / "reg", database_url)
    assert r.outcome == "NO-GO"
    assert _codes(r) == ["CG351"], _blocking(r)
    assert _carried_by_registry(r) == set(CARRIED), _blocking(r)
    assert ("CG351: the log behind `E-cyber-ctf` records model `acme/merlin-1-helpful-only`, which does not name "
            "this case's system `Merlin-1.1` (nor is it one of `system.evaluated_as`): it is a run of another "
            "model") in _blocking(r)


def _own_full_runs(d: Path) -> None:
    """Merlin-1.1's own full suites (CTF 41 of 200, bio 10 of 300, R&D 4 of 120), cited in place
    of the carried runs."""
    case = d / "merlin-1.1"
    gen = load_gen(d)
    for eid, path in gen.full_runs(case, "acme/merlin-1.1-helpful-only", "2026-11-05", 41, 10, 4).items():
        gen.pin(case, eid, path)
    ev = case / "evidence.yaml"
    ev.write_text(ev.read_text().replace("    date: 2026-09-04\n", "    date: 2026-11-05\n"))


def test_its_own_full_runs_give_go_with_conditions(tmp_path: Path, database_url: str) -> None:
    r = _gated(tmp_path, database_url, _own_full_runs)
    assert r.outcome == "GO WITH CONDITIONS", _blocking(r)


def _relabel(d: Path) -> None:
    """The carried logs rewritten to record Merlin-1.1's name (new bytes, the same samples)."""
    def named(doc: Any) -> None:
        doc["model"] = "acme/merlin-1.1-helpful-only"
    for art in CARRIED.values():
        relog(d / "merlin-1.1", f"evals/{art}.json", named)


def _evaluated_as(d: Path) -> None:
    _edit(d / "merlin-1.1" / "case.yaml", "  name: Merlin-1.1\n",
          "  name: Merlin-1.1\n  evaluated_as: [acme/merlin-1-helpful-only]\n")


def _old_name(d: Path, lineage: bool) -> None:
    case = d / "merlin-1.1" / "case.yaml"
    _edit(case, "  name: Merlin-1.1\n", "  name: Merlin-1\n")
    if not lineage:
        case.write_text(re.sub(r"  lineage:\n    - .*\n", "", case.read_text()))


def _digests(d: Path, both: bool) -> None:
    case = d / "merlin-1.1" / "case.yaml"
    own, old = _digest(case), _digest(d / "merlin-1" / "case.yaml")
    _edit(case, f"  digests: [{own}]", f"  digests: [{own}, {old}]" if both else f"  digests: [{old}]")


def _same_case(d: Path) -> None:
    case = d / "merlin-1.1" / "case.yaml"
    _edit(case, "id: merlin-1.1-api\n", "id: merlin-1-api\n")
    _edit(case, 'version: "1.0"\n', 'version: "1.1"\n')


def _indicator_as_full(d: Path, as_pro: bool) -> None:
    """The CTF indicator cited as the measurement of `cyber-high`, the carried CTF run dropped
    from the claim and the sign-offs (as its own task, or renamed as the professional suite)."""
    case = d / "merlin-1.1"
    _edit(case / "evidence.yaml", "    domain: cyber\n    elicitation: {prompting: expert-written}\n    summary: 21 of 60",
          "    domain: cyber\n    threshold: cyber-high\n    elicitation: {prompting: expert-written}\n    summary: 21 of 60")
    _edit(case / "argument.yaml", "      evidence: [E-cyber-ctf]\n", "      evidence: [E-cyber-indicator]\n")
    _edit(case / "case.yaml", "E-cyber-ctf", "E-cyber-indicator", count=5)
    if as_pro:
        def pro(doc: Any) -> None:
            doc["task"], doc["task_version"] = "acme-ctf-pro", "4"
            for s in doc["samples"]:
                s["id"] = s["id"].replace("ind-", "ctf-")
        relog(case, "evals/cyber-indicator.json", pro)


def _review(d: Path) -> None:
    """The carried CTF run replaced by the lab's review: the same architecture, 1.08x effective compute."""
    case = d / "merlin-1.1"
    note = case / "reports" / "update-review.md"
    note.write_text("# Merlin-1.1 update review\n\nSame architecture as Merlin-1; continued pre-training at 1.08x "
                    "Merlin-1's effective compute, under the framework's 1.5x ratio. Capability did not move "
                    "notably: Merlin-1's full results stand.\n")
    ev = (case / "evidence.yaml").read_text()
    start, end = ev.index("  E-cyber-ctf:\n"), ev.index("  E-cyber-indicator:\n")
    (case / "evidence.yaml").write_text(
        ev[:start] + "  E-cyber-ctf:\n    kind: expert-review\n    title: Update review against Merlin-1\n"
        f"    artifact: reports/update-review.md\n    sha256: {sha(note)}\n    producer: acme-frontier-evals\n"
        "    date: 2026-11-05\n    domain: cyber\n    result: {passed: true}\n"
        "    summary: Same architecture, 1.08x effective compute; Merlin-1's CTF result stands.\n" + ev[end:])


MOVES = {  # move -> (change, a code that must block)
    "relabelled": (_relabel, "CG351"),
    "evaluated-as": (_evaluated_as, "CG351"),
    "old-name": (lambda d: _old_name(d, lineage=False), "CG351"),
    "old-name-with-lineage": (lambda d: _old_name(d, lineage=True), "CG351"),
    "old-digest-beside": (lambda d: _digests(d, both=True), "CG352"),
    "old-digest-instead": (lambda d: _digests(d, both=False), "CG348"),
    "same-case": (_same_case, "CG352"),
    "indicator-as-full": (lambda d: _indicator_as_full(d, as_pro=False), "CG345"),
    "indicator-renamed-subset": (lambda d: _indicator_as_full(d, as_pro=True), "CG301"),
    "review": (_review, "CG307"),
}


@pytest.mark.parametrize("how", sorted(MOVES))
def test_the_labs_moves_to_carry_the_runs_are_caught(tmp_path: Path, database_url: str, how: str) -> None:
    change, code = MOVES[how]
    r = _gated(tmp_path, database_url, change)
    assert r.outcome == "NO-GO"
    assert code in _codes(r), _blocking(r)
    if how == "relabelled":  # no name gives them away: the registry's record of the same runs does
        assert _codes(r) == ["CG351"] and _carried_by_registry(r) == set(CARRIED), _blocking(r)
