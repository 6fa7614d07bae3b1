"""A casegate-results file is known by its samples too (SQLite and PostgreSQL). The lab writes
these files itself: rewriting an old test's `created` and citing it as a fresh test gave it new
bytes, and its age counted from the new date. Its samples (id, epoch, score, and what it asked,
expected and got when it records so) are the old run's, so it counts from the old run's first
logging, as an Inspect or lm-eval log does."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from casegate.load import load_case
from casegate.store import Registry
from tests.monitor.test_first_logged import UTC, _cg306, _copy, _gate
from tests.verify.trusted import log_clock

OLD_LOGGED = dt.datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
OLD_DAY, NEW_DAY = "2026-03-30", "2026-11-30"
TODAY = dt.date(2026, 12, 5)
REFUSAL_SHA = "40f80089a22d8c6b42ee5c67c27f7fe12282d2cc3217bc8e6e3f8f9c710022db"


def _cite(case_path: Path, day: str, *, outputs: str | None = None) -> Path:
    """The case with its refusal test (a casegate-results file) created on `day` and dated so.
    `outputs`: the test is a new run, whose samples record what the model answered."""
    f = case_path.parent / "reports" / "refusal-test.json"
    doc = json.loads(f.read_bytes())
    doc["created"] = f"{day}T16:00:00Z"
    if outputs is not None:
        for s in doc["samples"]:
            s["output"] = f"{outputs}: answer to {s['id']}"
    raw = json.dumps(doc).encode()
    f.write_bytes(raw)
    ev = case_path.parent / "evidence.yaml"
    text = ev.read_text()
    assert REFUSAL_SHA in text and "producer: acme-safeguards\n    date: 2026-10-25" in text
    ev.write_text(text.replace(REFUSAL_SHA, hashlib.sha256(raw).hexdigest()).replace(
        "producer: acme-safeguards\n    date: 2026-10-25", f"producer: acme-safeguards\n    date: {day}"))
    return case_path


def _v2(tmp_path: Path, day: str, **how: str) -> Path:
    return _cite(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}), day, **how)


def test_an_old_results_file_re_dated_is_as_old_as_its_first_logging(reg: Registry, tmp_path: Path) -> None:
    """Attack: the registry logged the refusal test in April; the lab rewrites only its `created`
    to November and cites it as a fresh test. It is the same run: expired (CG306)."""
    with log_clock(OLD_LOGGED):
        v1 = reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), OLD_DAY)))
    got = _cg306(_gate(reg, _v2(tmp_path, NEW_DAY), today=TODAY))
    assert "E-refusal" in got, sorted(got)
    assert ("expired on 2026-09-28 (2026-04-01 + 180 days; the registry first logged the same evaluation run (log "
            in got["E-refusal"]), got["E-refusal"]
    assert f"on 2026-04-01 (log entry {v1.log_index}), before the date {NEW_DAY}" in got["E-refusal"]


def test_a_new_run_that_records_its_outputs_is_new(reg: Registry, tmp_path: Path) -> None:
    """A rerun with the same scores is told from a copy by what the model answered."""
    with log_clock(OLD_LOGGED):
        reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), OLD_DAY, outputs="april")))
    assert "E-refusal" not in _cg306(_gate(reg, _v2(tmp_path, NEW_DAY, outputs="november"), today=TODAY))


def test_a_registry_that_marked_results_files_unprinted_fingerprints_them_again(reg: Registry,
                                                                               tmp_path: Path) -> None:
    """A registry written before casegate-results files were fingerprinted marked them 'none'
    (not a log): they are fingerprinted again, once, and the re-dated copy is caught."""
    import sqlalchemy as sa

    with log_clock(OLD_LOGGED):
        reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), OLD_DAY)))
    assert "E-refusal" in _cg306(_gate(reg, _v2(tmp_path, NEW_DAY), today=TODAY))
    with reg.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM run_samples"))
        conn.execute(sa.text("UPDATE run_prints SET reader = 'none', samples = 0"))
    assert reg.unprinted_artifacts() != {}
    assert "E-refusal" in _cg306(_gate(reg, _v2(tmp_path / "again", NEW_DAY), today=TODAY))
    assert reg.unprinted_artifacts() == {}


def test_csv_and_json_rows_of_one_run_have_the_same_fingerprints(tmp_path: Path) -> None:
    """Rewriting the file from JSON to CSV (or the dates in it) is no new run."""
    from casegate.evidence import run_prints

    js = tmp_path / "run.json"
    js.write_text(json.dumps({"format": "casegate-results/1", "task": "t", "model": "acme/m", "status": "success",
                              "created": "2026-03-30T00:00:00Z", "scale": "binary",
                              "samples": [{"id": "a", "epoch": 1, "score": 0, "output": "no"},
                                          {"id": 2, "epoch": 1, "score": 1}]}))
    csv = tmp_path / "run.csv"
    csv.write_text("task,model,status,created,scale,sample,epoch,score,output\n"
                   "t,acme/m,success,2026-11-30T00:00:00Z,binary,a,1,0.0,no\n"
                   "t,acme/m,success,2026-11-30T00:00:00Z,binary,2,1,1,\n")
    a, b = run_prints(js), run_prints(csv)
    assert a is not None and b is not None and len(a.prints) == 2 and a.prints == b.prints
    assert a.reader == "generic/2"


LM_RESULTS = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "logs" / "lm-eval" / \
    "results_2026-11-27T03-46-10.096901.json"


def _lm_results_alone(dest_dir: Path, day: str) -> tuple[Path, str]:
    """The lm-eval results file without its samples files (its counts come from its metrics),
    dated `day` in its `date` and its file name; the file and its sha256."""
    doc = json.loads(LM_RESULTS.read_text())
    doc["date"] = dt.datetime.fromisoformat(f"{day}T08:00:00+00:00").timestamp()
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"results_{day}T08-00-00.000000.json"
    dest.write_text(json.dumps(doc))
    return dest, hashlib.sha256(dest.read_bytes()).hexdigest()


def test_an_lm_eval_results_file_without_samples_files_keeps_its_fingerprints(tmp_path: Path) -> None:
    """A results file cited without its samples files (counts from its metrics) had no
    fingerprint, so re-dating and renaming it made a new run."""
    from casegate.evidence import run_prints

    a, _ = _lm_results_alone(tmp_path / "a", OLD_DAY)
    b, _ = _lm_results_alone(tmp_path / "b", NEW_DAY)
    pa, pb = run_prints(a), run_prints(b)
    assert pa is not None and pb is not None and len(pa.prints) == 2 and pa.prints == pb.prints


def test_an_old_lm_eval_results_file_re_dated_is_as_old_as_its_first_logging(reg: Registry, tmp_path: Path) -> None:
    """Attack: the registry logged the results file (no samples files) in April; the lab rewrites
    its `date` and file name to November. It is the same run (CG306); a registry that kept it
    with no fingerprints fingerprints it again."""
    import sqlalchemy as sa

    def cite(path: Path, day: str) -> Path:
        log, sha = _lm_results_alone(path.parent / "evals", day)
        ev = path.parent / "evidence.yaml"
        ev.write_text(ev.read_text().replace("  E-bio-uplift:\n", (
            f"  E-sums:\n    kind: eval\n    title: Arithmetic\n    artifact: evals/{log.name}\n    sha256: {sha}\n"
            f"    producer: acme-frontier-evals\n    date: {day}\n    confidentiality: internal\n") + "  E-bio-uplift:\n", 1))
        return path

    with log_clock(OLD_LOGGED):
        reg.submit_case(load_case(cite(_copy(tmp_path, "v1"), OLD_DAY)))
    v2 = cite(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}), NEW_DAY)
    got = _cg306(_gate(reg, v2, today=TODAY))
    assert "the registry first logged the same evaluation run" in got.get("E-sums", ""), got
    with reg.engine.begin() as conn:  # as an older registry kept it: read by lm-eval, no fingerprints
        conn.execute(sa.text("DELETE FROM run_samples"))
        conn.execute(sa.text("UPDATE run_prints SET samples = 0, reader = 'lm-eval'"))
    assert "the registry first logged the same evaluation run" in _cg306(_gate(reg, v2, today=TODAY)).get("E-sums", "")


def _renamed(case_path: Path) -> Path:
    """The case's refusal test with its task and every sample renamed (a copy no fingerprint over
    names matches), its `created` kept as `_cite` set it."""
    f = case_path.parent / "reports" / "refusal-test.json"
    doc = json.loads(f.read_bytes())
    doc["task"] = "refusal-suite-v2"
    for s in doc["samples"]:
        s["id"] = f"r2-{s['id']}"
    raw = json.dumps(doc).encode()
    old = hashlib.sha256(f.read_bytes()).hexdigest()
    f.write_bytes(raw)
    ev = case_path.parent / "evidence.yaml"
    ev.write_text(ev.read_text().replace(old, hashlib.sha256(raw).hexdigest()))
    return case_path


def test_an_old_results_file_renamed_and_re_dated_is_as_old_as_the_run_it_may_copy(reg: Registry,
                                                                                  tmp_path: Path) -> None:
    """Attack: the registry logged the refusal test (ids and scores only) in April; the lab renames
    its task and samples, re-dates it to November and cites it again. No fingerprint matches a
    renamed copy of a run known by names, so nothing shows it is new: its age counts from the run
    of the same safeguard the recorded version cited (CG306)."""
    with log_clock(OLD_LOGGED):
        reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), OLD_DAY)))
    got = _cg306(_gate(reg, _renamed(_v2(tmp_path, NEW_DAY)), today=TODAY))
    assert "E-refusal" in got, sorted(got)
    assert "expired on 2026-09-26 (2026-03-30 + 180 days; its log records each sample's id and score" in got["E-refusal"]
    assert "renamed copy of `E-refusal` (2026-03-30)" in got["E-refusal"]


def test_a_renamed_run_that_records_its_outputs_is_new(reg: Registry, tmp_path: Path) -> None:
    with log_clock(OLD_LOGGED):
        reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), OLD_DAY)))
    assert "E-refusal" not in _cg306(_gate(reg, _renamed(_v2(tmp_path, NEW_DAY, outputs="november")), today=TODAY))
