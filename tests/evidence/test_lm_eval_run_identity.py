"""An lm-eval run is its results file and the samples file its counts are read from. The lab keeps
`results_<time>.json` byte for byte (the artifact the item's sha256 pins) and rewrites the
per-sample scores beside it: against the recorded version the run is rewritten (CG327) and the
earlier run is no longer cited (CG350); the results file's `acc` no longer agrees with the samples
(CG341); and a samples file whose sha256 `source.files` does not pin gives no counts (CG332)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from casegate.evidence import facts_for, rehash_artifacts
from casegate.evidence.importers import LogReadError, ReadOptions
from casegate.evidence.importers.lm_eval import LmEvalImporter
from casegate.gate import run_gate
from casegate.load import load_case
from tests.monitor.test_cli import _cg

ROOT = Path(__file__).resolve().parents[2]
LOGS = ROOT / "tests" / "fixtures" / "evidence" / "logs" / "lm-eval"
POLICY = ROOT / "tests" / "fixtures" / "redteam" / "lm-eval" / "policy.yaml"
STAMP = "2026-11-27T03-46-10.096901"
RESULTS = f"results_{STAMP}.json"
SAMPLES = f"samples_arith_mc_{STAMP}.jsonl"

CASE = """\
casegate: 1
kind: case
id: lm-demo
title: An lm-eval run compared between versions
version: "{version}"
date: 2026-11-27
policy: policy.yaml
system: {{name: Fixture, version: "1.0", digests: [sha256:1111111111111111111111111111111111111111111111111111111111111111], evaluated_as: [dummy]}}
boundary: {{kind: api, scope: {{users: verified developers, rate_limit: 100/min}}}}
threat_model:
  ai-rnd: {{scoped_out: "No pathway starts from this boundary: measured by {eid}", evidence: [{eid}]}}
evidence:
  {eid}:
    kind: eval
    artifact: logs/{results}
    sha256: {sha}
    producer: evals
    date: 2026-11-27
    domain: ai-rnd
    threshold: rnd
    source:
      tool: lm-eval
      task: arith_mc
{files}argument:
  top: G1
  elements:
    G1: {{claim: Research task success is below the threshold., domain: ai-rnd, capability: {{threshold: rnd, position: below}}, evidence: [{eid}]}}
"""


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _version(d: Path, version: str, *, eid: str = "E-rnd", pin: bool = True) -> Path:
    """A case in `d` whose one evaluation is the fixture's lm-eval run (logs copied unless there),
    its samples file pinned in `source.files` when `pin`."""
    logs = d / "logs"
    if not logs.exists():
        logs.mkdir(parents=True)
        for f in LOGS.iterdir():
            shutil.copyfile(f, logs / f.name)
    shutil.copyfile(POLICY, d / "policy.yaml")
    files = f"      files: {{{SAMPLES}: {_sha(logs / SAMPLES)}}}\n" if pin else ""
    (d / "case.yaml").write_text(CASE.format(version=version, eid=eid, results=RESULTS,
                                             sha=_sha(logs / RESULTS), files=files))
    return d / "case.yaml"


def _fewer_solved(samples: Path, n: int = 5) -> None:
    """The lab's rewrite: `n` documents scored correct become wrong; the results file is untouched."""
    rows = [json.loads(line) for line in samples.read_text().splitlines() if line.strip()]
    for r in rows:
        if r["acc"] == 1.0 and n:
            r["acc"], n = 0.0, n - 1
    samples.write_text("".join(json.dumps(r) + "\n" for r in rows))


def _v2(tmp: Path, **kw: object) -> Path:
    v2 = tmp / "v2"
    (v2 / "logs").mkdir(parents=True)
    for f in LOGS.iterdir():
        shutil.copyfile(f, v2 / "logs" / f.name)
    _fewer_solved(v2 / "logs" / SAMPLES)
    assert _sha(v2 / "logs" / RESULTS) == _sha(LOGS / RESULTS)
    return _version(v2, "2", **kw)  # type: ignore[arg-type]


def _codes(case: Path, previous: Path | None = None) -> dict[str, list[str]]:
    prev = load_case(previous) if previous is not None else None
    report = run_gate(load_case(case), previous=prev)
    out: dict[str, list[str]] = {}
    for f in report.findings:
        out.setdefault(f.code, []).append(f.message)
    return out


def test_the_honest_run_against_itself_is_the_same_run(tmp_path: Path) -> None:
    v1 = _version(tmp_path / "v1", "1")
    codes = _codes(v1, v1)
    assert not {"CG327", "CG350", "CG332", "CG341"} & set(codes), codes


def test_samples_rewritten_beside_the_same_results_file_is_a_rewritten_run(tmp_path: Path) -> None:
    v1 = _version(tmp_path / "v1", "1")
    codes = _codes(_v2(tmp_path), v1)
    assert any("`E-rnd` reads its run from other bytes than the --previous version did" in m and SAMPLES in m
               for m in codes.get("CG327", [])), codes
    assert any("no longer include `E-rnd` (2026-11-27" in m and "its artifact is still cited" in m
               for m in codes.get("CG350", [])), codes


def test_samples_rewritten_under_a_new_evidence_id_drop_the_recorded_run(tmp_path: Path) -> None:
    """Renamed, the item escapes CG327 (a rule on one id); the recorded run is still gone."""
    v1 = _version(tmp_path / "v1", "1")
    codes = _codes(_v2(tmp_path, eid="E-rnd-rerun"), v1)
    assert any("no longer include `E-rnd` (2026-11-27" in m for m in codes.get("CG350", [])), codes


def test_a_results_file_whose_metric_the_samples_contradict_gives_no_counts(tmp_path: Path) -> None:
    v2 = _v2(tmp_path)
    with pytest.raises(LogReadError, match=r"states `acc` = 0.333333, but the samples file's 24 per-document "
                                           r"scores give 0.125 \(3 of 24\)"):
        LmEvalImporter().read(v2.parent / "logs" / RESULTS, ReadOptions())
    codes = _codes(v2)
    assert any("`E-rnd`" in m and "the two files are not of one run" in m for m in codes.get("CG341", [])), codes


def test_an_unpinned_samples_file_leaves_the_counts_not_verified(tmp_path: Path) -> None:
    case = _version(tmp_path / "v1", "1", pin=False)
    loaded = load_case(case)
    _eff, facts = facts_for(loaded, rehash_artifacts(loaded))
    assert facts is not None and "E-rnd" in facts.excluded
    codes = _codes(case)
    assert any(m.startswith("the counts of `E-rnd` are not verified: they are read from " + SAMPLES)
               for m in codes.get("CG332", [])), codes


def test_evidence_add_pins_the_samples_file_it_reads(tmp_path: Path) -> None:
    """The fix CG332 names: `casegate evidence add` pins every file it reads, and the item counts."""
    case = _version(tmp_path / "v1", "1", pin=False)
    text = case.read_text()
    start, end = text.index("evidence:\n"), text.index("argument:\n")
    case.write_text(text[:start] + "evidence: {}\n" + text[end:].replace("[E-rnd]", "[E-arith_mc]"))
    _cg(tmp_path / "v1", "sqlite:///unused.db", "evidence", "add", "case.yaml", f"logs/{RESULTS}",
        "--producer", "evals", "--threshold", "rnd", "--domain", "ai-rnd")
    loaded = load_case(case)
    ids = [e for e, ev in (loaded.case.evidence if loaded.case else {}).items() if ev.source and ev.source.task == "arith_mc"]
    assert ids, (tmp_path / "v1").joinpath("evidence-imported.yaml").read_text()
    ev = loaded.case.evidence[ids[0]]  # type: ignore[union-attr]
    assert ev.source is not None and ev.source.files == {SAMPLES: _sha(tmp_path / "v1" / "logs" / SAMPLES)}
    _eff, facts = facts_for(loaded, rehash_artifacts(loaded))
    assert facts is not None and ids[0] not in facts.excluded


def test_a_samples_file_pinned_with_other_bytes_gives_no_counts(tmp_path: Path) -> None:
    case = _version(tmp_path / "v1", "1")
    samples = tmp_path / "v1" / "logs" / SAMPLES
    samples.write_bytes(samples.read_bytes() + b"\n")  # a blank line: the scores agree, the pin does not
    loaded = load_case(case)
    _eff, facts = facts_for(loaded, rehash_artifacts(loaded))
    assert facts is not None and "E-rnd" in facts.excluded


def test_the_lab_trying_it_against_the_registry(tmp_path: Path) -> None:
    """The red team's move end to end: v1 recorded in a registry, v2 gated with no --previous."""
    db = f"sqlite:///{tmp_path / 'reg.db'}"
    v1 = _version(tmp_path / "v1", "1")
    _cg(tmp_path, db, "registry", "submit", str(v1))
    _cg(tmp_path, db, "keys", "generate", "lead.pem")  # the gate reads a keyring (nobody has signed here)
    _cg(tmp_path, db, "keys", "add", "keyring.yaml", "--public", "lead.pem.pub", "--person", "Dana Ortiz",
        "--role", "safety-lead", "--from", "2026-01-01", "--until", "2030-12-31")
    for pin in (True, False):
        shutil.rmtree(tmp_path / "v2", ignore_errors=True)
        v2 = _v2(tmp_path, pin=pin)
        out = _cg(tmp_path, db, "gate", str(v2), "--preview", code=None).stdout
        assert "NO-GO" in out, out
        assert "CG327 run-rewritten" in out and "CG350 evaluation-run-dropped" in out, out
        assert "CG341 artifact-unreadable" in out, out
