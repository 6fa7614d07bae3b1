"""A run is as old as the first time the registry logged it, whatever dates its log gives
(SQLite and PostgreSQL). A lab could take an evaluation log the registry logged long ago, rewrite
its dates (`eval.created`, the sample and event timestamps) and cite it as new evidence: its bytes
differ, so by sha256 alone the registry would see a new artifact. Its samples are the same, so
the registry knows it as the run it logged first; a genuinely new run of the same task has other
outputs and is not matched."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from casegate.load import load_case
from casegate.monitor import comparison_for
from casegate.store import Registry
from tests.evidence.evidence_logs import LMEVAL, lm_results
from tests.monitor.test_first_logged import GATED, UTC, _cg306, _copy, _gate, _loaded
from tests.verify.trusted import log_clock

pytest.importorskip("inspect_ai")

OLD_LOGGED = dt.datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
OLD_DAY, NEW_DAY = "2026-03-30", "2026-11-30"
TODAY = GATED.date()  # 2026-12-05: 180 days after 2026-04-01 is 2026-09-28


def _inspect_log(dest: Path, *, verbose: bool) -> Path:
    """A real Inspect JSON log of a small arithmetic task run against the mock model; each output
    carries its token usage. `verbose`: the model explains its sums (another run's outputs)."""
    from inspect_ai import Task
    from inspect_ai import eval as inspect_eval
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ChatMessageUser, ModelOutput, ModelUsage, get_model
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        q = next(m for m in messages if isinstance(m, ChatMessageUser)).text
        a, b = int(q.split()[2]), int(q.split()[4].rstrip("?"))
        text = f"Adding {a} and {b} gives {a + b}" if verbose else str(a + b if (a + b) % 4 else a + b + 1)
        out = ModelOutput.from_content("mockllm/model", text)
        out.usage = ModelUsage(input_tokens=20 + len(q) // 4, output_tokens=len(text.split()) + 2,
                               total_tokens=22 + len(q) // 4 + len(text.split()))
        return out

    samples = [Sample(id=f"q{i:03d}", input=f"What is {i * 7 % 50 + 1} + {i * 13 % 40 + 2}? Answer with the number.",
                      target=str(i * 7 % 50 + 1 + i * 13 % 40 + 2)) for i in range(12)]
    task = Task(name="arith-sums", dataset=MemoryDataset(samples), solver=[generate()], scorer=match(numeric=True))
    tmp = dest.parent / f".logs-{dest.stem}"
    (log,) = inspect_eval(task, model=get_model("mockllm/model", custom_outputs=answer), log_dir=str(tmp),
                          log_format="json", display="none")
    shutil.move(str(log.location), dest)
    shutil.rmtree(tmp)
    return dest


def _redated(src: Path, dest: Path, day: str) -> str:
    """A copy of the log with every date in it (the run's creation, the samples' and events'
    timestamps) moved to `day`; its sha256."""
    text = re.sub(r'"(\d{4}-\d{2}-\d{2})T', f'"{day}T', src.read_text())
    assert f'"created": "{day}T' in text
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text)
    return hashlib.sha256(dest.read_bytes()).hexdigest()


def _cite(case_path: Path, log: Path, day: str) -> Path:
    """The case with the log cited as evidence item E-sums, dated as the log dates the run."""
    sha = _redated(log, case_path.parent / "evals" / "sums.json", day)
    ev = case_path.parent / "evidence.yaml"
    ev.write_text(ev.read_text().replace("  E-bio-uplift:\n", (
        f"  E-sums:\n    kind: eval\n    title: Arithmetic sums\n    artifact: evals/sums.json\n    sha256: {sha}\n"
        f"    producer: acme-frontier-evals\n    date: {day}\n    confidentiality: internal\n") + "  E-bio-uplift:\n", 1))
    return case_path


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("runs")
    return _inspect_log(d / "old.json", verbose=False), _inspect_log(d / "new.json", verbose=True)


def test_an_old_inspect_log_re_dated_is_as_old_as_its_first_logging(reg: Registry, tmp_path: Path,
                                                                    runs: tuple[Path, Path]) -> None:
    """Reason: the lab logged the run in April, then rewrote the log's dates to November and cited
    it in a new version; by its bytes the registry has never seen it, by its samples it has."""
    old, _ = runs
    with log_clock(OLD_LOGGED):
        v1 = reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), old, OLD_DAY)))
    v2 = _cite(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}), old, NEW_DAY)
    got = _cg306(_gate(reg, v2, today=TODAY))
    assert "E-sums" in got, sorted(got)
    assert "expired on 2026-09-28 (2026-04-01 + 180 days; the registry first logged the same evaluation run" \
           in got["E-sums"], got["E-sums"]
    assert f"on 2026-04-01 (log entry {v1.log_index}), before the date {NEW_DAY}" in got["E-sums"]
    # the same once the re-dated log is stored itself: the run's first logging counts
    with log_clock(GATED):
        reg.submit_case(load_case(v2))
        dates = comparison_for(reg, _loaded(v2)).artifact_dates
    assert dates is not None
    ev = _loaded(v2).case.evidence["E-sums"]  # type: ignore[union-attr]
    seen = dates.first_logged(ev)
    assert seen is not None and seen.index == v1.log_index and seen.same_run_as is not None
    assert "E-sums" in _cg306(_gate(reg, v2, today=TODAY))


def test_a_genuinely_new_run_of_the_same_task_is_not_the_old_run(reg: Registry, tmp_path: Path,
                                                                  runs: tuple[Path, Path]) -> None:
    """Reason: the same task run again gives other outputs (and token counts): it is new evidence."""
    from casegate.evidence import run_prints

    old, new = runs
    assert not run_prints(old).prints & run_prints(new).prints  # type: ignore[union-attr]
    with log_clock(OLD_LOGGED):
        reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), old, OLD_DAY)))
    v2 = _cite(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}), new, NEW_DAY)
    assert "E-sums" not in _cg306(_gate(reg, v2, today=TODAY))
    with log_clock(GATED):
        reg.submit_case(load_case(v2))
    assert "E-sums" not in _cg306(_gate(reg, v2, today=TODAY))


def test_an_old_run_re_dated_does_not_answer_an_incident(reg: Registry, tmp_path: Path,
                                                         runs: tuple[Path, Path]) -> None:
    """Reason: a run the registry logged before the incident was not produced because of it, even
    when its log is re-dated after the incident; a new run is."""
    from casegate.model import Severity
    from casegate.monitor import Incident, decide, report_incident, submit_for_review
    from tests.monitor.test_first_logged import CASE

    old, new = runs
    v1 = _cite(_copy(tmp_path, "v1"), old, OLD_DAY)
    with log_clock(OLD_LOGGED):
        first = reg.submit_case(load_case(v1))
        submit_for_review(reg, CASE, by="acme-safety-team")
        decide(reg, _gate(reg, v1, today=dt.date(2026, 3, 31), clock=OLD_LOGGED))
    with log_clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=UTC)):
        entry = report_incident(reg, Incident(
            case=CASE, date=dt.date(2026, 11, 18), deployer="Acme API customer", developer="Acme Labs",
            harmed=["Northfield Hospital"], description="ransomware written with the code-execution tool",
            severity=Severity.high, domain="cyber"))

    def cg708(name: str, log: Path) -> list[str]:
        v2 = _cite(_copy(tmp_path, name, case={'version: "1.0"': 'version: "1.1"'}), log, NEW_DAY)
        v2.write_text(v2.read_text() + f"\nincident_answers:\n  incident-{entry.index}: {{evidence: [E-sums]}}\n")
        record = _gate(reg, v2, today=dt.date(2026, 12, 2), clock=dt.datetime(2026, 12, 2, 12, 0, tzinfo=UTC))
        return [f.message for f in record.findings if f.code == "CG708"]

    (msg,) = cg708("re-dated", old)
    assert (f"evidence E-sums is dated {NEW_DAY} by its artifact, but the same evaluation run (log ") in msg, msg
    assert f"was first logged on 2026-04-01 (log entry {first.log_index}), before the incident (2026-11-20)" in msg
    assert cg708("new-run", new) == []


def test_a_registry_from_before_fingerprints_fingerprints_its_stored_logs(reg: Registry, tmp_path: Path,
                                                                          runs: tuple[Path, Path]) -> None:
    """Reason: a version stored before the registry kept fingerprints (none kept for it) still
    counts: its stored bytes are fingerprinted when first-logged dates are read."""
    import sqlalchemy as sa

    old, _ = runs
    with log_clock(OLD_LOGGED):
        reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), old, OLD_DAY)))
    with reg.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM run_samples"))
        conn.execute(sa.text("DELETE FROM run_prints"))
    v2 = _cite(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}), old, NEW_DAY)
    assert "E-sums" in _cg306(_gate(reg, v2, today=TODAY))
    assert reg.unprinted_artifacts() == {}


def test_an_lm_eval_run_re_dated_and_renamed_keeps_its_fingerprints(tmp_path: Path) -> None:
    """Reason: lm-eval dates a run in its results file's `date` and in the names of its files."""
    from casegate.evidence import run_prints

    src = lm_results()
    stamp = src.name[len("results_"):-len(".json")]
    new_stamp = "2026-12-01T08-00-00.000000"
    doc = json.loads(src.read_text())
    doc["date"] = doc["date"] + 200 * 86400
    (tmp_path / f"results_{new_stamp}.json").write_text(json.dumps(doc))
    for f in LMEVAL.glob(f"samples_*_{stamp}.jsonl"):
        shutil.copy(f, tmp_path / f.name.replace(stamp, new_stamp))
    before, after = run_prints(src), run_prints(tmp_path / f"results_{new_stamp}.json")
    assert before is not None and after is not None and before.prints and before.prints == after.prints
