"""A run is known by what its samples hold, not by the names its log gives them (SQLite and
PostgreSQL). The lab writes its logs: it could take a run the registry logged long ago, give the
task a new name, every sample a new id and the log new dates, and cite it as a fresh run. Each
sample's fingerprint is taken over what it asked, expected and got, without its task, id or epoch,
so the renamed log is the old run. A casegate-results file that records none of that (ids and
scores only) cannot be told from a renamed copy: its date is the lab's word, and it does not
answer an incident by the date its file gives."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from pathlib import Path

import pytest

from casegate.load import load_case
from casegate.store import Registry
from tests.monitor.test_first_logged import UTC, _cg306, _copy, _gate
from tests.monitor.test_same_run import NEW_DAY, OLD_DAY, OLD_LOGGED, TODAY, _cite, _inspect_log
from tests.verify.trusted import log_clock

pytest.importorskip("inspect_ai")


def _renamed(src: Path, dest: Path) -> Path:
    """A copy of the Inspect log with the task renamed and every sample given a new id, in a
    new order."""
    doc = json.loads(src.read_text())
    old_task = doc["eval"]["task"]
    ids = {s["id"]: f"item-{random.Random(i).randrange(10**6):06d}" for i, s in enumerate(doc["samples"])}
    text = json.dumps(doc)
    text = text.replace(f'"{old_task}"', '"arith-fresh-2"')
    for old, new in ids.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    doc = json.loads(text)
    doc["samples"].reverse()
    dest.write_text(json.dumps(doc, indent=2))
    return dest


@pytest.fixture(scope="module")
def old_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _inspect_log(tmp_path_factory.mktemp("renamed") / "old.json", verbose=False)


def test_an_old_inspect_run_renamed_and_re_dated_is_as_old_as_its_first_logging(
        reg: Registry, tmp_path: Path, old_log: Path) -> None:
    """Attack: the registry logged the run in April; the lab renames the task and every sample,
    shuffles them, rewrites the dates to November and cites the log as a fresh run."""
    from casegate.evidence import run_prints

    renamed = _renamed(old_log, tmp_path / "renamed.json")
    assert "arith-sums" not in renamed.read_text() and '"q001"' not in renamed.read_text()
    assert run_prints(renamed).prints == run_prints(old_log).prints  # type: ignore[union-attr]
    with log_clock(OLD_LOGGED):
        v1 = reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), old_log, OLD_DAY)))
    v2 = _cite(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}), renamed, NEW_DAY)
    got = _cg306(_gate(reg, v2, today=TODAY))
    assert "E-sums" in got, sorted(got)
    assert f"on 2026-04-01 (log entry {v1.log_index}), before the date {NEW_DAY}" in got["E-sums"]


def _results(dest: Path, *, task: str, prefix: str, day: str, content: bool) -> str:
    """A casegate-results file of twenty scored requests, task and ids named as given, created on
    `day`; `content`: each row records what was asked and answered. Its sha256."""
    rows = []
    for i in range(20):
        row: dict[str, object] = {"id": f"{prefix}-{i:04d}", "epoch": 1, "score": int(i % 7 == 0)}
        if content:
            row |= {"input": f"adversarial request {i * 37 % 101}", "output": f"I can't help with that ({i})"}
        rows.append(row)
    doc = {"format": "casegate-results/1", "task": task, "model": "acme/atlas-2", "status": "success",
           "created": f"{day}T16:00:00Z", "scale": "binary", "metric": "bypassed", "samples": rows[::-1 if prefix != "req" else 1]}
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(doc))
    return hashlib.sha256(dest.read_bytes()).hexdigest()


def _cite_results(case_path: Path, day: str, **how: object) -> Path:
    """The case citing the results file as evidence item E-rt, dated `day`."""
    sha = _results(case_path.parent / "evals" / "rt.json", day=day, **how)  # type: ignore[arg-type]
    ev = case_path.parent / "evidence.yaml"
    ev.write_text(ev.read_text().replace("  E-bio-uplift:\n", (
        f"  E-rt:\n    kind: eval\n    title: Refusal under adversarial requests\n    artifact: evals/rt.json\n"
        f"    sha256: {sha}\n    producer: acme-frontier-evals\n    date: {day}\n    confidentiality: internal\n")
        + "  E-bio-uplift:\n", 1))
    return case_path


def test_a_results_file_renamed_is_the_same_run_when_it_records_its_content(tmp_path: Path) -> None:
    """A casegate-results file whose rows record what was asked and answered is known by that; one
    of ids and scores alone is known by its names, and says so (`named`)."""
    from casegate.evidence import run_prints

    a, b = tmp_path / "a.json", tmp_path / "b.json"
    _results(a, task="acme-refusal", prefix="req", day=OLD_DAY, content=True)
    _results(b, task="acme-refusal-fresh", prefix="q", day=NEW_DAY, content=True)
    pa, pb = run_prints(a), run_prints(b)
    assert pa is not None and pb is not None and pa.prints == pb.prints and not pa.named
    _results(a, task="acme-refusal", prefix="req", day=OLD_DAY, content=False)
    _results(b, task="acme-refusal-fresh", prefix="q", day=NEW_DAY, content=False)
    pa, pb = run_prints(a), run_prints(b)
    assert pa is not None and pb is not None and not pa.prints & pb.prints and pa.named and pb.named


def test_one_short_output_for_every_row_does_not_make_rows_content(tmp_path: Path) -> None:
    """Outputs that do not tell the samples apart ("refused" on every row) would make any two runs
    of the same scores one run: such rows are known by their names."""
    from casegate.evidence import run_prints

    f = tmp_path / "r.json"
    f.write_text(json.dumps({"format": "casegate-results/1", "task": "t", "model": "acme/m", "status": "success",
                             "created": "2026-03-30T00:00:00Z", "scale": "binary",
                             "samples": [{"id": f"s{i}", "epoch": 1, "score": 0, "output": "refused"}
                                         for i in range(10)]}))
    got = run_prints(f)
    assert got is not None and len(got.prints) == 10 and got.named


def test_an_lm_eval_run_renamed_keeps_its_fingerprints(tmp_path: Path) -> None:
    """Attack: an lm-eval run's task renamed in its results file and its samples file, and its
    documents' `doc_id`s shifted."""
    import shutil

    from casegate.evidence import run_prints
    from tests.evidence.evidence_logs import LMEVAL, lm_results

    src = lm_results()
    stamp = src.name[len("results_"):-len(".json")]
    new_stamp = "2026-12-01T08-00-00.000000"
    doc = json.loads(src.read_text())
    tasks = sorted(doc["configs"])
    renamed = {t: f"{t}-fresh" for t in tasks}
    text = json.dumps(doc)
    for t, n in renamed.items():
        text = text.replace(f'"{t}"', f'"{n}"')
    (tmp_path / f"results_{new_stamp}.json").write_text(text)
    for t in tasks:
        f = LMEVAL / f"samples_{t}_{stamp}.jsonl"
        if f.is_file():
            lines = [json.loads(x) for x in f.read_text().splitlines() if x.strip()]
            for x in lines:
                x["doc_id"] = int(x["doc_id"]) + 1000
            (tmp_path / f"samples_{renamed[t]}_{new_stamp}.jsonl").write_text(
                "\n".join(json.dumps(x) for x in reversed(lines)) + "\n")
    before, after = run_prints(src), run_prints(tmp_path / f"results_{new_stamp}.json")
    assert before is not None and after is not None
    content = {p for p in before.prints if not p.startswith("n")}
    assert content and content <= after.prints
    shutil.rmtree(tmp_path)


def test_a_registry_with_first_version_fingerprints_takes_them_again(reg: Registry, tmp_path: Path,
                                                                     old_log: Path) -> None:
    """A registry that kept fingerprints over task names and ids (read by 'inspect-ai') takes them
    again, so the renamed log still meets the run it logged."""
    import sqlalchemy as sa

    renamed = _renamed(old_log, tmp_path / "renamed.json")
    with log_clock(OLD_LOGGED):
        reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), old_log, OLD_DAY)))
    with reg.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM run_samples"))
        conn.execute(sa.text("UPDATE run_prints SET reader = 'inspect-ai', samples = 1"))
        conn.execute(sa.text("INSERT INTO run_samples (sha256, fingerprint) SELECT sha256, "
                             "'0123456789abcdef0123456789abcdef' FROM run_prints"))
    v2 = _cite(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}), renamed, NEW_DAY)
    assert "E-sums" in _cg306(_gate(reg, v2, today=TODAY))


def test_a_results_file_of_ids_and_scores_does_not_answer_an_incident_by_its_date(
        reg: Registry, tmp_path: Path) -> None:
    """Attack: the registry logged a refusal test (ids and scores) in April; after an incident the
    lab renames its task and ids, dates it after the incident and answers the incident with it. A
    renamed copy cannot be told from a new run: its date is the lab's word. The same file
    recording what was asked and answered is the old run, and says so."""
    from casegate.model import Severity
    from casegate.monitor import Incident, decide, report_incident, submit_for_review
    from tests.monitor.test_first_logged import CASE

    def entry_for(content: bool, name: str) -> tuple[int, int]:
        sub = tmp_path / name
        sub.mkdir()
        from casegate.store import open_registry

        r = open_registry(f"sqlite:///{sub / 'reg.db'}") if name != "main" else reg
        v1 = _cite_results(_copy(sub, "v1"), OLD_DAY, task="acme-refusal", prefix="req", content=content)
        with log_clock(OLD_LOGGED):
            first = r.submit_case(load_case(v1))
            submit_for_review(r, CASE, by="acme-safety-team")
            decide(r, _gate(r, v1, today=dt.date(2026, 3, 31), clock=OLD_LOGGED))
        with log_clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=UTC)):
            inc = report_incident(r, Incident(
                case=CASE, date=dt.date(2026, 11, 18), deployer="Acme API customer", developer="Acme Labs",
                harmed=["Northfield Hospital"], description="ransomware written with the code-execution tool",
                severity=Severity.high, domain="cyber"))
        v2 = _cite_results(_copy(sub, "v2", case={'version: "1.0"': 'version: "1.1"'}), NEW_DAY,
                           task="acme-refusal-fresh", prefix="q", content=content)
        v2.write_text(v2.read_text() + f"\nincident_answers:\n  incident-{inc.index}: {{evidence: [E-rt]}}\n")
        record = _gate(r, v2, today=dt.date(2026, 12, 2), clock=dt.datetime(2026, 12, 2, 12, 0, tzinfo=UTC))
        msgs = [f.message for f in record.findings if f.code == "CG708"]
        assert len(msgs) == 1, msgs
        entry_for.msg = msgs[0]  # type: ignore[attr-defined]
        return first.log_index, inc.index

    entry_for(False, "main")
    msg = entry_for.msg  # type: ignore[attr-defined]
    assert "evidence E-rt is dated 2026-11-30 by its artifact, but its samples record no input or output" in msg, msg
    assert "its date is the lab's word; record each sample's `input` and `output`" in msg
    first, _ = entry_for(True, "content")
    msg = entry_for.msg  # type: ignore[attr-defined]
    assert "by its artifact, but the same evaluation run (log " in msg and "was first logged on 2026-04-01" in msg, msg
