"""A case written apart from the examples: Atlas-2-fast (`tests/fixtures/rt_derived/atlas-fast`),
Atlas-2 distilled into a smaller model, released at the `api` boundary Atlas-2 (examples/atlas-api)
stands approved at, gated as `gate --preview` does with the examples' keyring, against a registry
(SQLite, as the registry tests run) that holds Atlas-2's approved case with its weights hashed.
Honestly it is NO-GO: its own CTF run (58 of 200) cannot rule out the Cyber High threshold.

The lab's moves to GO without fixing that, by carrying the parent's runs to the derived model:
the parent's logs cited under a new case id with the derived model given the parent's name and a
new version (no lineage), the same with one log re-dated (new bytes, the same samples), or the
derived model's own name with the parent's evaluation name listed under `system.evaluated_as`.
Each passed GO WITH CONDITIONS: the logs name `acme/atlas-2-helpful-only`, which names Atlas-2, and
nothing looked at whose runs the registry already held them as. Now a log (or the same run) another
case cited as a measurement of other weights is that model's run (CG351), and an `evaluated_as`
name that names the model of a lineage entry (its version aside) cannot stand for the system."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests._weights import submit_hashed

from casegate.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[2]
FAST = ROOT / "tests" / "fixtures" / "rt_derived" / "atlas-fast"
ATLAS = ROOT / "examples" / "atlas-api"
RING = ATLAS / "keys" / "keyring.yaml"
TODAY = dt.date(2026, 11, 27)

OWN_CTF = ("    artifact: evals/cyber-ctf-fast.json\n"
           "    sha256: 3788df129f17b4f8fb06ae6be7dec63f8f5ac54cb90f3cf47b9d1f1b2e36dc71\n"
           "    producer: acme-frontier-evals\n    date: 2026-11-04\n")
PARENT_CTF = ("    artifact: evals/cyber-ctf.json\n"
              "    sha256: cb1894239a6388c7401b7053de556189acd7f408bc58662f2d63ffe75e55c8ab\n"
              "    producer: acme-frontier-evals\n    date: 2026-10-02\n")
NAME = ("  name: Atlas-2-fast\n  version: 1.0.0\n", "  name: Atlas-2\n  version: 2.2.0\n")
LINEAGE = ("  lineage:\n    - {relation: distilled-from, name: Atlas-2 2.1.0, digest: \"sha256:9dc9c848b28402c37719c78ea3f"
           "6fcf32c421c5e4d097286abd7470357e8b903\", case: atlas-2-api}\n")
PARENT_OF = {"E-bio-uplift": "evals/bio-uplift.json", "E-rnd-tasks": "evals/rnd-tasks.json",
             "E-refusal": "reports/refusal-test.json", "E-kyc": "reports/kyc-test.json",
             "E-monitoring": "reports/abuse-monitoring-test.json"}


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new))


def _world(tmp: Path) -> tuple[Path, Path]:
    """Copies of Atlas-2's case and of Atlas-2-fast's: (atlas, fast)."""
    shutil.copytree(ATLAS, tmp / "atlas")
    shutil.copytree(FAST, tmp / "fast")
    return tmp / "atlas", tmp / "fast"


def _gate(case: Path, reg: Any | None) -> DecisionRecord:
    """`gate --preview` (every declared sign-off as if signed), compared with what `reg` holds."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.monitor import comparison_for
    from casegate.sign import load_keyring
    from casegate.verify import gate_inputs

    loaded = gate_inputs(load_case(case), load_keyring(RING), TODAY, preview=True).loaded
    return run_gate(loaded, today=TODAY, comparison=comparison_for(reg, loaded) if reg is not None else None)


def _approve_parent(reg: Any, atlas: Path) -> None:
    """Atlas-2's case submitted with its weights hashed, sent for review and approved by the gate's decision."""
    from casegate.load import load_case
    from casegate.monitor import decide, submit_for_review

    submit_hashed(reg, load_case(atlas / "case.yaml"))
    submit_for_review(reg, "atlas-2-api", by="Sam Whitfield")
    rec = _gate(atlas / "case.yaml", reg)
    assert rec.outcome == "GO WITH CONDITIONS", _blocking(rec)
    decide(reg, rec)


def _blocking(r: DecisionRecord) -> list[str]:
    return [f"{f.code}: {f.message}" for f in r.findings if f.blocking]


def _parent_ctf(fast: Path) -> None:
    """The parent's CTF log cited as the derived model's E-cyber-ctf."""
    shutil.copy(ATLAS / "evals" / "cyber-ctf.json", fast / "evals" / "cyber-ctf.json")
    _edit(fast / "evidence.yaml", OWN_CTF, PARENT_CTF)


def _parent_everything(fast: Path) -> None:
    """Every run of the parent's that measured its weights (and its user-facing tests) cited."""
    _parent_ctf(fast)
    ev, theirs = (fast / "evidence.yaml").read_text(), (ATLAS / "evidence.yaml").read_text()
    for eid, artifact in PARENT_OF.items():
        item = re.compile(rf"  {eid}:\n(?:    .*\n)+")
        mine, parent = item.search(ev), item.search(theirs)
        assert mine is not None and parent is not None, eid
        ev = ev.replace(mine.group(0), parent.group(0))
        shutil.copy(ATLAS / artifact, fast / artifact)
    (fast / "evidence.yaml").write_text(ev)


def _move(fast: Path, how: str) -> None:
    if how == "parent-name":  # the derived model named as the parent's next version, no lineage
        _parent_everything(fast)
        _edit(fast / "case.yaml", *NAME)
        _edit(fast / "case.yaml", LINEAGE, "")
    elif how == "parent-name-redated":  # and the parent's CTF log re-dated: new bytes, the same samples
        _move(fast, "parent-name")
        log = fast / "evals" / "cyber-ctf.json"
        text = log.read_text()
        assert text.count('"created": "2026-10-02T09:00:00Z"') == 1
        log.write_text(text.replace('"created": "2026-10-02T09:00:00Z"', '"created": "2026-11-04T09:00:00Z"'))
        _edit(fast / "evidence.yaml", "cb1894239a6388c7401b7053de556189acd7f408bc58662f2d63ffe75e55c8ab",
              hashlib.sha256(log.read_bytes()).hexdigest())
        _edit(fast / "evidence.yaml", "    date: 2026-10-02\n", "    date: 2026-11-04\n")
    else:  # its own name, the parent's evaluation name listed as one of its own
        _parent_ctf(fast)
        _edit(fast / "case.yaml", "  name: Atlas-2-fast\n",
              "  name: Atlas-2-fast\n  evaluated_as: [acme/atlas-2-helpful-only]\n")


def test_the_derived_model_honestly_is_no_go(tmp_path: Path, database_url: str) -> None:
    from casegate.store import open_registry

    atlas, fast = _world(tmp_path)
    assert sorted({m[:5] for m in _blocking(_gate(fast / "case.yaml", None))}) == ["CG303", "CG418"]
    with open_registry(database_url) as reg:
        _approve_parent(reg, atlas)
        r = _gate(fast / "case.yaml", reg)
        assert r.outcome == "NO-GO"
        # its own runs of the parent's tasks (ids and scores only, other scores) are its own
        assert sorted({m[:5] for m in _blocking(r)}) == ["CG303", "CG418"], _blocking(r)


@pytest.mark.parametrize("how", ["parent-name", "parent-name-redated", "evaluated-as"])
def test_the_parents_runs_carried_to_the_derived_model_are_another_models(tmp_path: Path, database_url: str,
                                                                           how: str) -> None:
    from casegate.store import open_registry

    atlas, fast = _world(tmp_path)
    _move(fast, how)
    with open_registry(database_url) as reg:
        _approve_parent(reg, atlas)
        r = _gate(fast / "case.yaml", reg)
        assert r.outcome == "NO-GO"
        system = "`Atlas-2-fast` 1.0.0" if how == "evaluated-as" else "`Atlas-2` 2.2.0"
        want = ("CG351: the artifact of `E-cyber-ctf` (or a log of the same run) is one the registry holds as a "
                "measurement of another model: case atlas-2-api version 1.0 (#1, approved), about `Atlas-2 2.1.0` "
                f"(sha256:9dc9c848b284...) cited it, and those are not the weights of {system} (no digest, name and "
                "version, or hashed weights in common): a run is a run of one model, whatever name it records")
        assert want in _blocking(r), _blocking(r)
        if how != "evaluated-as":
            cited = {m.split("`")[1] for m in _blocking(r) if m.startswith("CG351: the artifact of")}
            assert cited == {"E-cyber-ctf", "E-bio-uplift", "E-rnd-tasks", "E-refusal"}, cited


def test_the_parents_runs_cited_for_the_same_weights_still_count(tmp_path: Path, database_url: str) -> None:
    """Control: a second case about Atlas-2's own weights (its digest, hashed by the registry: here
    at trusted access) cites the approved case's runs: they are runs of its model."""
    from casegate.store import open_registry

    atlas, _fast = _world(tmp_path)
    second = tmp_path / "atlas-ta"
    shutil.copytree(ATLAS, second)
    _edit(second / "case.yaml", "id: atlas-2-api\n", "id: atlas-2-partners\n")
    with open_registry(database_url) as reg:
        _approve_parent(reg, atlas)
        r = _gate(second / "case.yaml", reg)
        assert not [m for m in _blocking(r) if m.startswith("CG351")], _blocking(r)
        assert r.outcome == "GO WITH CONDITIONS", _blocking(r)


def test_the_derived_models_own_runs_pass(tmp_path: Path, database_url: str) -> None:
    """Control: Atlas-2-fast's own CTF run, written again with 33 of 200 solved (the same task and
    sample ids as the parent's, its own scores): GO WITH CONDITIONS against the registry."""
    from casegate.store import open_registry

    atlas, fast = _world(tmp_path)
    spec = importlib.util.spec_from_file_location("atlas_fast_gen", FAST / "gen.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    log = fast / "evals" / "cyber-ctf-fast.json"
    gen.results(str(log), "acme-ctf-pro", "4", "acme/atlas-2-fast-helpful-only", "2026-11-04T09:00:00Z", 5, "solved",
                200, 33, "ctf", {"tools": ["bash", "python"], "scaffold": "agent", "budget_tokens": 2000000})
    _edit(fast / "evidence.yaml", "3788df129f17b4f8fb06ae6be7dec63f8f5ac54cb90f3cf47b9d1f1b2e36dc71",
          hashlib.sha256(log.read_bytes()).hexdigest())
    with open_registry(database_url) as reg:
        _approve_parent(reg, atlas)
        r = _gate(fast / "case.yaml", reg)
        assert r.outcome == "GO WITH CONDITIONS", _blocking(r)


def test_evaluated_as_naming_the_parent_cannot_stand_for_the_derived_model(tmp_path: Path) -> None:
    """Without a registry: the lineage entry names the parent with its version (`Atlas-2 2.1.0`),
    and the name listed under `evaluated_as` names Atlas-2 without it."""
    _atlas, fast = _world(tmp_path)
    _move(fast, "evaluated-as")
    r = _gate(fast / "case.yaml", None)
    assert r.outcome == "NO-GO"
    assert ("CG351: the log behind `E-cyber-ctf` records model `acme/atlas-2-helpful-only`, listed under "
            "`system.evaluated_as` as `acme/atlas-2-helpful-only`, which names `Atlas-2 2.1.0` of this system's "
            "lineage: a name of another model cannot stand for this one") in _blocking(r), _blocking(r)


@pytest.mark.parametrize("listed", ["acme/atlas-2-fast-helpful-only", "acme-endpoint-7f3-helpful-only"])
def test_evaluated_as_naming_the_derived_model_itself_stands(tmp_path: Path, listed: str) -> None:
    """Control: a name that names the derived model itself, or an endpoint id naming no model,
    listed under `evaluated_as`, stands for it (its own runs, recorded under that name)."""
    _atlas, fast = _world(tmp_path)
    _edit(fast / "case.yaml", "  name: Atlas-2-fast\n", f"  name: Atlas-2-fast\n  evaluated_as: [{listed}]\n")
    if listed == "acme-endpoint-7f3-helpful-only":
        for log in (fast / "evals").glob("*.json"):
            text = log.read_text()
            log.write_text(text.replace('"model": "acme/atlas-2-fast-helpful-only"', f'"model": "{listed}"'))
        ev = (fast / "evidence.yaml").read_text()
        for art in ("cyber-ctf-fast", "bio-uplift-fast", "rnd-tasks-fast"):
            sha = hashlib.sha256((fast / "evals" / f"{art}.json").read_bytes()).hexdigest()
            ev = re.sub(rf"(    artifact: evals/{art}\.json\n    sha256: )\w+", rf"\g<1>{sha}", ev)
        (fast / "evidence.yaml").write_text(ev)
    r = _gate(fast / "case.yaml", None)
    assert sorted({m[:5] for m in _blocking(r)}) == ["CG303", "CG418"], _blocking(r)


def test_runs_a_draft_of_another_model_cited_are_not_taken_as_its(tmp_path: Path, database_url: str) -> None:
    """Control: only an approved version holds a run as its model's on the record. Atlas-2-fast's
    case, citing the parent's CTF log under its own name, is submitted but never decided; Atlas-2's
    case, submitted after it citing the same log, is judged as before (GO WITH CONDITIONS)."""
    from casegate.load import load_case
    from casegate.store import open_registry

    atlas, fast = _world(tmp_path)
    _parent_ctf(fast)
    with open_registry(database_url) as reg:
        reg.submit_case(load_case(fast / "case.yaml"))
        _approve_parent(reg, atlas)
