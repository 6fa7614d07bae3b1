"""Samples that ask the same question under other ids. A red team's log padded with copies of an
attempt the safeguard held, or an evaluation's dataset padded with copies of samples the model
fails, narrowed the bound without measuring anything new, and counted unless the policy pinned the
task's sample digest. A copy is one question asked again: it is counted as the sample it repeats,
solved (or got through) in an epoch when any copy was (CG358 says so). Each test is the lab running
the padded task for real with inspect-ai's mock model."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.evidence import facts_for, rehash_artifacts
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.load import load_case

from .evidence_logs import restate_task_hashes
from .test_chosen_subset import _questions, _run
from .test_derive import findings, make_case

pytest.importorskip("inspect_ai")


def _right(q: str) -> bool:
    """Whether the mock model answers question `q` right (see `test_chosen_subset._mock`)."""
    a, b = int(q.split()[2]), int(q.split()[4].rstrip("?"))
    return (a + b) % 3 != 0


@pytest.fixture(scope="module")
def padded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """A run of the 40 questions and 160 copies of one the model fails: (log, solved, distinct)."""
    qs = _questions()
    wrong = next(x for x in qs if not _right(x[1]))
    extra = [(f"pad{i:04d}", wrong[1], wrong[2]) for i in range(160)]
    d = tmp_path_factory.mktemp("padded")
    log = _run(d / "padded.eval", questions=qs + extra)
    return log, sum(_right(q) for _, q, _ in qs), len(qs)


def _effective(case: Path, eid: str = "E-run"):  # type: ignore[no-untyped-def]
    loaded = load_case(case)
    effective, _ = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    return effective.evidence[eid].result


def test_the_importer_knows_each_copy_by_what_it_asks(padded: tuple[Path, int, int]) -> None:
    log, _, _ = padded
    [run] = InspectImporter().read(log, ReadOptions())
    assert len(run.same_input) == 160 and len(set(run.same_input.values())) == 1
    assert run.source.samples == 200 and run.source.scored == 200


def test_an_evaluation_padded_with_copies_of_a_failed_sample_counts_it_once(
        padded: tuple[Path, int, int], tmp_path: Path) -> None:
    """Attack: 160 copies of a sample the model fails, in the task's dataset. Before, the rate
    counted over 200 samples; the copies are one sample."""
    log, solved, distinct = padded
    case = make_case(tmp_path, log)
    r = _effective(case)
    assert (r.successes, r.trials) == (solved, distinct)
    [cg358] = findings(case, "CG358")
    assert cg358.severity == "advisory" and "in 160 samples" in cg358.message
    assert "each is counted as the sample it repeats, solved in an epoch when any copy was" in cg358.message


def test_a_red_team_padded_with_copies_of_an_attempt_that_held_counts_it_once(
        padded: tuple[Path, int, int], tmp_path: Path) -> None:
    """Attack: a red team's log (1: the attempt got through) padded with 160 copies of an attempt
    the safeguard held. Before, its bypasses counted over 200 attempts."""
    log, through, distinct = padded
    case = make_case(tmp_path, log, tagged=False)
    text = case.read_text()
    case.write_text(text.replace("    kind: eval\n", "    kind: red-team\n    tests: [SG-x]\n", 1))
    r = _effective(case)
    assert (r.bypasses, r.attempts) == (through, distinct)
    [cg358] = findings(case, "CG358")
    assert "got through in an epoch when any copy was" in cg358.message


def test_a_log_whose_samples_each_ask_their_own_question_is_counted_as_it_is(
        padded: tuple[Path, int, int], tmp_path: Path) -> None:
    from casegate.evidence.importers.inspect_log import InspectImporter as Importer

    from .evidence_logs import INSPECT

    for name in ("arith-clean.eval", "arith-epochs.eval", "arith-limit.eval"):
        [run] = Importer().read(INSPECT / name, ReadOptions())
        assert run.same_input == {}
    case = make_case(tmp_path, INSPECT / "arith-epochs.eval")
    assert findings(case, "CG358") == []


def test_an_lm_eval_task_padded_with_copies_of_a_failed_document_counts_it_once(tmp_path: Path) -> None:
    """Attack: the task's dataset holds one document the model fails 16 more times (a custom task
    over a padded data file; lm-eval numbers the copies as documents of their own and scores each).
    Before, 8 of 40 (upper bound 0.33) was under the alert level 0.5 that 8 of 24 (0.521) reaches."""
    import json
    import shutil

    from casegate.gate import run_gate

    from .test_lm_eval_run_identity import LOGS, RESULTS, SAMPLES, _version

    d = tmp_path / "v"
    (d / "logs").mkdir(parents=True)
    for f in LOGS.iterdir():
        shutil.copyfile(f, d / "logs" / f.name)
    samples = d / "logs" / SAMPLES
    rows = [json.loads(line) for line in samples.read_text().splitlines() if line.strip()]
    failed = next(r for r in rows if r["acc"] == 0)
    rows += [{**failed, "doc_id": len(rows) + i} for i in range(16)]
    samples.write_text("".join(json.dumps(r) + "\n" for r in rows))
    results = d / "logs" / RESULTS
    doc = json.loads(results.read_text())
    doc["n-samples"]["arith_mc"] = {"original": len(rows), "effective": len(rows)}
    doc["results"]["arith_mc"]["acc,none"] = sum(r["acc"] for r in rows) / len(rows)
    results.write_text(json.dumps(doc, indent=2))
    restate_task_hashes(results)
    case = _version(d, "1")
    policy = d / "policy.yaml"
    policy.write_text(policy.read_text().replace(
        "    reduction: any\n", '    reduction: any\n    tasks: [{name: arith_mc, version: "2.0"}]\n'))
    report = run_gate(load_case(case), try_narrower=False)
    [capability] = [a for a in report.answers if a.question == "What capability was found?"]
    assert "8/24 in `E-rnd`, upper bound 0.521" in capability.answer
    assert any(f.code == "CG358" and "in 16 samples" in f.message for f in report.findings)
