"""A case written apart from the examples (Avocet-1, a frontier model served through the Acme API:
bio and cyber uplift, autonomy; `tests/fixtures/rt_external/avocet`), gated as `gate --preview`
does with the examples' keyring. Before release two outside evaluators tested it under their own
keys: the safety institute (the keyring's Halden Assurance) ran the bio uplift suite on the
helpful-only model and signed its log, an evaluation company (Northbridge Security) the cyber
ranges; Acme's own runs of each suite stand beside them, and the framework asks for an outside run
of both thresholds before an `api` release (`external_from: api`). Honestly it is NO-GO: the
institute solved 20 of 120 bio uplift tasks (upper bound 0.233 over the framework's 0.20) while the
case argues Avocet-1 below the threshold (CG303). Argued as possibly reached, its threshold-level
safeguards tested, it is GO WITH CONDITIONS (CG305).

The lab's moves to GO without owning up to the institute's result, tried here and in
docs/security.md:

- closed: the institute's run left out, replaced by Acme's own run retitled and produced as the
  institute's, by the institute's signed run of an earlier checkpoint, or by Acme's run the
  institute only reviewed: GO, the framework's external testing met by the lab's own runs. A
  threshold the policy asks an outside evaluator to test (`external_from`) now needs a counting run
  an outside evaluator signed as `ran` over the weights' digests (CG434).
- caught: the institute's run through the public API (the safeguarded production model, no tools)
  typed as helpful-only agentic elicitation (CG340: the typed elicitation is not the log's; untyped,
  CG301: it counts for nothing under the elicitation minimum, and CG434); the retitled lab run typed `independent: true` (CG348); a sentence
  of the institute's signed statement changed (the envelope's signature fails: CG348); the
  institute's log rewritten with fewer tasks solved (its attestation no longer covers the bytes:
  CG348); the run of an earlier checkpoint under the checkpoint's model name (CG351).
- still the lab's word: which runs the evaluator made in all (a second, unfavourable full run by
  the same evaluator, its attestation deleted, is invisible: no signature lists an engagement's
  runs); who pays the evaluator or whose staff it seconds (the keyring records an organisation, not
  a contract).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from tests.gate.blind_helpers import (
    blocking,
    copy_fixture,
    edit,
    load_gen,
    messages,
    preview,
    relog,
)

ROOT = Path(__file__).resolve().parents[2]
AVOCET = ROOT / "tests" / "fixtures" / "rt_external" / "avocet"
BIO = "evals/bio-institute.json"
ENVELOPE = "evals/evidence-attestations/bio-institute.json.lena-kovac.dsse.json"
BELOW = "capability: {threshold: bio-uplift, position: below}"
ABOVE = "capability: {threshold: bio-uplift, position: above}"


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _gen() -> ModuleType:
    return load_gen(AVOCET)


def _solved(n: int) -> Callable[[Any], None]:
    """A change to a log: the first `n` of its tasks solved in their first epoch, no others."""
    def change(doc: Any) -> None:
        for row in doc["samples"]:
            row["score"] = 1 if int(row["id"].rsplit("-", 1)[1]) < n and row["epoch"] == 1 else 0
    return change


def _drop_item(d: Path, eid: str) -> None:
    """Evidence item `eid` gone from evidence.yaml, and from the claim and sign-offs citing it."""
    ev = d / "evidence.yaml"
    text = ev.read_text()
    start = text.index(f"  {eid}:\n")
    end = text.index("\n  E-", start + 1) + 1
    ev.write_text(text[:start] + text[end:])
    edit(d / "argument.yaml", "evidence: [E-bio-acme, E-bio-institute]", "evidence: [E-bio-acme]")
    edit(d / "case.yaml", "relies_on: [E-bio-institute, E-cyber-northbridge]", "relies_on: [E-bio-acme, E-cyber-northbridge]",
         count=2)


def _sign_bio(d: Path, activity: str = "ran", says: str | None = None) -> None:
    """The institute's attestation of `E-bio-institute` as the case in `d` now states it, signed again."""
    (d / ENVELOPE).unlink(missing_ok=True)
    _gen().sign(d, "E-bio-institute", "lena-kovac", activity, "2026-11-08T12:00:00Z",
                says or "Pre-deployment bio uplift evaluation of Avocet-1 on the helpful-only model.")


def test_the_blind_case_is_honestly_no_go_and_go_with_conditions_once_bio_is_argued_reached(tmp_path: Path) -> None:
    d = copy_fixture(AVOCET, tmp_path)
    record = preview(d)
    assert record.outcome == "NO-GO" and blocking(record) == ["CG303"]
    (msg,) = messages(record, "CG303")
    assert "20/120 in `E-bio-institute`" in msg and "upper bound of 0.233" in msg
    edit(d / "argument.yaml", BELOW, ABOVE)
    edit(d / "argument.yaml", "claim: Avocet-1's biological uplift is below the framework's threshold.",
         "claim: Avocet-1's biological uplift may reach the framework's threshold, so its threshold-level safeguards apply.")
    record = preview(d)
    assert record.outcome == "GO WITH CONDITIONS" and blocking(record) == []
    assert [c.cause for c in record.conditions] == ["CG305"]


# ------------------------------------------------------------------ the framework's external testing met by the lab's own runs


def _left_out(d: Path) -> None:
    _drop_item(d, "E-bio-institute")
    (d / ENVELOPE).unlink()


def _lab_run_as_institutes(d: Path) -> None:
    """Acme's rerun (3 of 120) pinned in the institute's item, its producer and title kept."""
    relog(d, BIO, _solved(3))
    edit(d / "evidence.yaml", "    producer: halden-assurance\n    independent: true\n", "    producer: halden-assurance\n")
    edit(d / "evidence.yaml", "summary: 20 of 120 bio uplift tasks solved.", "summary: 3 of 120 bio uplift tasks solved.")


def _earlier_checkpoint(d: Path) -> None:
    """The institute's signed run of an earlier checkpoint (4 of 120), the released digests typed."""
    released = "sha256:7d1e4a9c2b8f0e6d5c3a1b9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d"
    rc = "sha256:" + "5" * 64
    relog(d, BIO, _solved(4))
    edit(d / "evidence.yaml", "summary: 20 of 120 bio uplift tasks solved.", "summary: 4 of 120 bio uplift tasks solved.")
    edit(d / "case.yaml", released, rc)
    _sign_bio(d)
    edit(d / "case.yaml", rc, released)
    edit(d / "evidence.yaml", "    producer: halden-assurance\n    independent: true\n", "    producer: halden-assurance\n")


def _only_reviewed(d: Path) -> None:
    """Acme's run (3 of 120) in the institute's item, the institute signing that it reviewed it."""
    relog(d, BIO, _solved(3))
    edit(d / "evidence.yaml", "summary: 20 of 120 bio uplift tasks solved.", "summary: 3 of 120 bio uplift tasks solved.")
    _sign_bio(d, "reviewed", "Reviewed Acme's bio uplift run of Avocet-1: run as the framework asks.")


@pytest.mark.parametrize("move", [
    pytest.param(_left_out, id="left-out"),
    pytest.param(_lab_run_as_institutes, id="lab-run-as-institutes"),
    pytest.param(_earlier_checkpoint, id="earlier-checkpoint"),
    pytest.param(_only_reviewed, id="only-reviewed"),
])
def test_the_bio_threshold_without_an_outside_run_is_no_go(tmp_path: Path, move: Callable[[Path], None]) -> None:
    """The lab's move: the institute's unfavourable run out of the case, Acme's own favourable run
    standing for the framework's external pre-deployment testing (left alone, retitled as the
    institute's, replaced by the institute's signed run of an earlier checkpoint, or reviewed by the
    institute). It was GO: nothing read who ran a threshold's evaluations."""
    d = copy_fixture(AVOCET, tmp_path)
    move(d)
    record = preview(d)
    assert record.outcome == "NO-GO" and blocking(record) == ["CG434"]
    (msg,) = messages(record, "CG434")
    assert msg.startswith("`bio-uplift` (Biological uplift High): the policy asks that an evaluator outside the developer run it")


def test_the_cyber_threshold_keeps_its_outside_run(tmp_path: Path) -> None:
    """The control: the evaluation company's signed cyber run stands; dropping it alone is NO-GO too."""
    d = copy_fixture(AVOCET, tmp_path)
    edit(d / "argument.yaml", BELOW, ABOVE)
    ev = d / "evidence.yaml"
    text = ev.read_text()
    start = text.index("  E-cyber-northbridge:\n")
    ev.write_text(text[:start] + text[text.index("  E-autonomy:\n"):])
    edit(d / "argument.yaml", "evidence: [E-cyber-acme, E-cyber-northbridge]", "evidence: [E-cyber-acme]")
    edit(d / "case.yaml", "E-cyber-northbridge]", "E-bio-acme]", count=3)
    record = preview(d)
    assert record.outcome == "NO-GO" and blocking(record) == ["CG434"]
    assert "`cyber-high`" in messages(record, "CG434")[0]


# ------------------------------------------------------------------ moves tried and already caught


def test_the_institutes_api_only_run_typed_as_full_elicitation_is_no_go(tmp_path: Path) -> None:
    """The institute's signed run through the public API (the safeguarded production model, prompted,
    no tools: 1 of 120) in place of its full run, the case typing helpful-only agentic elicitation."""
    d = copy_fixture(AVOCET, tmp_path)

    def api_only(doc: Any) -> None:
        _solved(1)(doc)
        for k in ("tools", "scaffold", "budget_tokens"):
            doc.pop(k, None)
        doc.update({"scaffold": "prompted", "variant": "production"})

    relog(d, BIO, api_only)
    edit(d / "evidence.yaml", "summary: 20 of 120 bio uplift tasks solved.", "summary: 1 of 120 bio uplift tasks solved.")
    _sign_bio(d, says="Bio uplift evaluation of a safeguarded Avocet-1 snapshot through the public API over 5 days; "
                      "no fine-tuning, no helpful-only model.")
    record = preview(d)
    assert record.outcome == "NO-GO" and "CG301" in blocking(record) and "CG434" in blocking(record)
    edit(d / "evidence.yaml", "    threshold: bio-uplift\n    summary: 1 of",
         "    threshold: bio-uplift\n    elicitation: {variant: helpful-only, attempts: 3, scaffold: agent, "
         "tools: [bash, python], budget_tokens: 2000000}\n    summary: 1 of")
    record = preview(d)
    assert record.outcome == "NO-GO" and {"CG301", "CG340", "CG434"} <= set(blocking(record))


def test_the_lab_run_typed_independent_is_no_go(tmp_path: Path) -> None:
    d = copy_fixture(AVOCET, tmp_path)
    relog(d, BIO, _solved(3))
    record = preview(d)
    assert record.outcome == "NO-GO" and "CG348" in blocking(record)


def test_a_sentence_of_the_signed_statement_changed_is_no_go(tmp_path: Path) -> None:
    """The institute's statement quoted with its finding softened in the envelope itself."""
    d = copy_fixture(AVOCET, tmp_path)
    env = json.loads((d / ENVELOPE).read_text())
    body = json.loads(base64.b64decode(env["payload"]))
    said = body["predicate"]["statement"]
    body["predicate"]["statement"] = said.replace("the 0.20 threshold cannot be ruled out", "below the 0.20 threshold")
    assert body["predicate"]["statement"] != said
    env["payload"] = base64.b64encode(json.dumps(body).encode()).decode()
    (d / ENVELOPE).write_text(json.dumps(env))
    record = preview(d)
    assert record.outcome == "NO-GO" and "CG348" in blocking(record) and "CG434" in blocking(record)
    assert any("E-bio-institute" in m for m in messages(record, "CG348"))


def test_the_earlier_checkpoint_under_its_own_name_is_no_go(tmp_path: Path) -> None:
    d = copy_fixture(AVOCET, tmp_path)

    def rc(doc: Any) -> None:
        _solved(4)(doc)
        doc["model"] = "acme/avocet-1-rc3"

    relog(d, BIO, rc)
    edit(d / "evidence.yaml", "    producer: halden-assurance\n    independent: true\n", "    producer: halden-assurance\n")
    record = preview(d)
    assert record.outcome == "NO-GO" and "CG351" in blocking(record)
