"""What a trigger took back is not approved again under a new case id, title or declared version
(SQLite and PostgreSQL).

The lab's move: case atlas-2-api (Atlas-2, GO WITH CONDITIONS at `api`) is approved. Version 1.1
adds a region, and its `T-scope` trigger reopens the case (`triggers run`). The same case approved
again with its case digest unchanged is refused: nothing the argument rests on answers what the
trigger found. The lab files the very argument approved before the reopening as `atlas-2-partner`
(the same weights, evidence and policy; only the id changed), signed off and decided after the
reopening, and marks atlas-2-api superseded by it; or files it as atlas-2-api version 1.2, only
the declared version changed. Before, each was approved (GO WITH CONDITIONS): the rule compared the
whole case digest of the same case id, and an id or a version number is part of it. Now the
argument is compared without what names it (`argument_digest`: id, title, declared version), for
the case itself and for every other case about the same weights a trigger took back with no
approval since: refused, naming that case, its version and what the trigger found. A version that
changes what it argues is judged as any (signed anew, approved).

Already caught: after a capability trigger, the result it fired on (a vendor's stated counts, at
the alert level) is in a version the decision is compared with, the case's own or another case's
about the same weights: left out, it is CG350."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

import pytest

from casegate.approve import approve
from casegate.load import load_case
from casegate.monitor import IllegalTransitionError, comparison_for, submit_for_review, supersede
from casegate.monitor._run import run_triggers
from casegate.store import open_registry
from casegate.verify import decide_case
from tests._weights import submit_hashed
from tests.monitor.test_same_weights_taken_back import OTHER, _sign
from tests.verify.trusted import CASE, approved_world

OLD_DIGEST = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"


STATED = (
    "  E-ctf-vendor:\n    kind: eval\n    title: Professional CTF suite, run by a vendor\n"
    "    artifact: reports/ctf-vendor.md\n    sha256: {sha}\n    producer: halden-assurance\n"
    "    date: 2026-11-20\n    confidentiality: internal\n    domain: cyber\n    threshold: cyber-high\n"
    "    result: {{successes: 61, trials: 200}}\n"
)
"""A vendor's report of a CTF run, its counts stated: at the alert level of `cyber-high`."""


def _reopened_by_trigger(tmp_path: Path, reg: Any, trigger: str) -> Any:
    """atlas-2-api approved; version 1.1 cites a vendor's CTF result at the alert level (`capability`)
    or adds a region (`scope`); its trigger reopens the case (`triggers run`)."""
    w, _, _ = approved_world(tmp_path / "w", reg)
    c, ev = w.dir / "case.yaml", w.dir / "evidence.yaml"
    text, evidence = c.read_text(), ev.read_text()
    assert text.count('version: "1.0"') == 1 and text.count("regions: [US, EU, UK, JP]") == 1
    later = text.replace('version: "1.0"', 'version: "1.1"')
    if trigger == "T-capability":
        report = w.dir / "reports" / "ctf-vendor.md"
        report.write_text("# CTF suite, vendor run\n\n61 of 200 solved.\n")
        sha = hashlib.sha256(report.read_bytes()).hexdigest()
        ev.write_text(evidence.replace("  E-bio-uplift:\n", STATED.format(sha=sha) + "  E-bio-uplift:\n", 1))
    else:
        later = later.replace("regions: [US, EU, UK, JP]", "regions: [US, EU, UK, JP, BR]")
    c.write_text(later)
    reg.submit_case(load_case(c))
    (run,) = run_triggers(reg, case_id=CASE, keyring=w.ring)
    assert run.applied == "reopen" and {f.trigger for f, _ in run.fired} == {trigger}, run.fired
    assert reg.case_state(CASE) == "reopened"
    c.write_text(text)
    ev.write_text(evidence)
    time.sleep(1.1)  # a signer writes whole seconds: signed after the reopening
    return w


def _filed_again(w: Any, reg: Any, edits: dict[str, str], case_id: str) -> tuple[Any, Any, int]:
    """The approved version with `edits`, signed off, submitted and decided anew under `case_id`."""
    c = w.dir / "case.yaml"
    text = c.read_text()
    for old, new in edits.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    c.write_text(text)
    _sign(w)
    number = int(submit_hashed(reg, w.load()).number)
    submit_for_review(reg, case_id, by="Sam Whitfield")
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring,
                                 comparison=comparison_for(reg, w.load(), keyring=w.ring))
    return record, bundle, number


MOVES = {"new-id": ({f"id: {CASE}\n": f"id: {OTHER}\n"}, OTHER),
         "new-version": ({'version: "1.0"': 'version: "1.2"'}, CASE)}


@pytest.mark.parametrize("move", list(MOVES))
def test_the_argument_a_trigger_took_back_is_not_approved_again(tmp_path: Path, database_url: str,
                                                                  move: str) -> None:
    with open_registry(database_url) as reg:
        w = _reopened_by_trigger(tmp_path, reg, "T-scope")
        edits, case_id = MOVES[move]
        record, bundle, number = _filed_again(w, reg, edits, case_id)
        assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking][:2]
        if case_id != CASE:
            supersede(reg, CASE, by_case=case_id, reason="replaced by the partner case")
        with pytest.raises(IllegalTransitionError) as e:
            approve(reg, record, bundle, w.ring, unpinned=True, version=number)
        msg = str(e.value)
        named = f"version 1 of case {CASE}, about the same weights," if move == "new-id" else "version 1 argued"
        assert named in msg and "nothing the argument rests on answers what happened" in msg, msg
        assert "widens the deployment: regions added: BR" in msg, msg
        assert not reg.case_state(case_id).startswith("approved")


@pytest.mark.parametrize("move", list(MOVES))
def test_after_a_capability_trigger_the_gate_weighs_the_result_left_out(tmp_path: Path, database_url: str,
                                                                         move: str) -> None:
    """Already caught: the result a capability trigger fired on is in a version the decision is
    compared with (the case's own, or another case's about the same weights): CG350."""
    with open_registry(database_url) as reg:
        w = _reopened_by_trigger(tmp_path, reg, "T-capability")
        edits, case_id = MOVES[move]
        record, _, _ = _filed_again(w, reg, edits, case_id)
        assert record.outcome == "NO-GO"
        assert any(f.code == "CG350" and "`E-ctf-vendor`" in f.message for f in record.findings)


def test_an_argument_that_changed_is_judged_as_any(tmp_path: Path, database_url: str) -> None:
    """The argument changed (the boundary's description says the added region is not served):
    approved under the new id, signed anew after the reopening."""
    with open_registry(database_url) as reg:
        w = _reopened_by_trigger(tmp_path, reg, "T-scope")
        said = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"
        record, bundle, number = _filed_again(w, reg, {
            f"id: {CASE}\n": f"id: {OTHER}\n",
            said: said.rstrip("\n")[:-1] + "; not served in Brazil.\n"}, OTHER)
        assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking][:2]
        supersede(reg, CASE, by_case=OTHER, reason="replaced by the partner case")
        approve(reg, record, bundle, w.ring, unpinned=True, version=number)
        assert reg.case_state(OTHER) == "approved-with-conditions"
