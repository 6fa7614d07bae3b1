"""A run dropped for new weights must be replaced by a newer run, and "newer" is judged by when
the registry first logged it, not by the date a log gives itself (SQLite and PostgreSQL). The lab
could leave out the run that came out badly and cite, as the run that took its place, a copy of
an earlier run whose log it re-dated: by the log's date a newer run replaced the bad one; by the
registry's log, the "replacement" was logged before it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from casegate.load import load_case
from casegate.store import Registry
from tests.monitor.test_first_logged import UTC, _copy, _gate
from tests.verify.trusted import log_clock

EXAMPLE_CTF = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "evals" / "cyber-ctf.json"
OTHER_WEIGHTS = "sha256:" + "7" * 64
NEW_WEIGHTS = {'version: "1.0"': 'version: "2.0"',
               "digests: [sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903]":
               f"digests: [{OTHER_WEIGHTS}]"}


def _item(eid: str, name: str, sha: str, day: str) -> str:
    return (f"  {eid}:\n    kind: eval\n    title: Professional CTF suite, run {name}\n    artifact: evals/{name}.json\n"
            f"    sha256: {sha}\n    producer: acme-frontier-evals\n    date: {day}\n    confidentiality: internal\n"
            "    domain: cyber\n    threshold: cyber-high\n    elicitation: {prompting: expert-written}\n")


def _ctf(case: Path, name: str, day: str, *, every: int = 0) -> str:
    """A copy of the example's CTF run, created on `day`; `every`: another run, which went worse
    for the lab (every `every`-th unsolved attempt solved), recording what the agent answered;
    its sha256."""
    doc = json.loads(EXAMPLE_CTF.read_text())
    doc["created"] = f"{day}T09:00:00Z"
    if every:
        for i, s in enumerate(doc["samples"]):
            if s["score"] == 0 and i % every == 0:
                s["score"] = 1
            s["output"] = f"run of {day}: transcript {i}"
    raw = json.dumps(doc).encode()
    (case.parent / "evals" / f"{name}.json").write_bytes(raw)
    return hashlib.sha256(raw).hexdigest()


def _cite(case: Path, *items: tuple[str, str, str, int]) -> Path:
    ev = case.parent / "evidence.yaml"
    text = ev.read_text()
    for eid, name, day, worse in items:
        text = text.replace("  E-bio-uplift:\n", _item(eid, name, _ctf(case, name, day, every=worse), day)
                            + "  E-bio-uplift:\n", 1)
    ev.write_text(text)
    return case


def _log_a_bad_run(reg: Registry, tmp_path: Path) -> None:
    """Version 1.0 (logged in September) cites September's CTF run; version 1.1 (logged in
    November) adds a November run that went badly."""
    with log_clock(dt.datetime(2026, 9, 16, 9, 0, tzinfo=UTC)):
        reg.submit_case(load_case(_cite(_copy(tmp_path, "v1"), ("E-ctf-sept", "ctf-sept", "2026-09-15", 0))))
    with log_clock(dt.datetime(2026, 11, 11, 9, 0, tzinfo=UTC)):
        reg.submit_case(load_case(_cite(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}),
                                        ("E-ctf-sept", "ctf-sept", "2026-09-15", 0),
                                        ("E-ctf-nov", "ctf-nov", "2026-11-10", 5))))


def _cg350(reg: Registry, case: Path) -> list[str]:
    record = _gate(reg, case, today=dt.date(2026, 12, 1), clock=dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    return [f.message for f in record.findings if f.code == "CG350"]


def test_a_bad_run_replaced_by_a_re_dated_copy_of_an_earlier_run_is_dropped(reg: Registry, tmp_path: Path) -> None:
    """Attack: version 1.1 adds a run from November that went badly; version 2.0, for new weights,
    leaves it out and cites a copy of the September run re-dated to late November as its
    replacement. The registry logged that run in September: no newer run took the bad run's place."""
    _log_a_bad_run(reg, tmp_path)
    v3 = _cite(_copy(tmp_path, "v3", case=NEW_WEIGHTS),
               ("E-ctf-sept", "ctf-sept", "2026-09-15", 0), ("E-ctf-rerun", "ctf-rerun", "2026-11-25", 0))
    (msg,) = _cg350(reg, v3)
    assert "no longer include `E-ctf-nov` (2026-11-10" in msg and "no run of it dated later took its place" in msg, msg
    assert "E-ctf-rerun" in msg and "first logged" in msg, msg
    # a genuinely newer run (other outcomes) takes its place
    v4 = _cite(_copy(tmp_path, "v4", case=NEW_WEIGHTS),
               ("E-ctf-sept", "ctf-sept", "2026-09-15", 0), ("E-ctf-rerun", "ctf-rerun", "2026-11-25", 7))
    assert _cg350(reg, v4) == []


REFUSAL = EXAMPLE_CTF.parents[1] / "reports" / "refusal-test.json"


def _refusal(case: Path, eid: str, name: str, day: str, *, bypasses: int = 0) -> Path:
    """The case with one more test of SG-refusal: a copy of the example's refusal test created on
    `day` (`bypasses`: another test, in which that many more requests got through)."""
    doc = json.loads(REFUSAL.read_text())
    doc["created"] = f"{day}T16:00:00Z"
    for s in doc["samples"][:bypasses]:
        s["score"] = 1
    raw = json.dumps(doc).encode()
    (case.parent / "reports" / f"{name}.json").write_bytes(raw)
    ev = case.parent / "evidence.yaml"
    ev.write_text(ev.read_text().replace("  E-kyc:\n", (
        f"  {eid}:\n    kind: safeguard-test\n    tests: [SG-refusal]\n    title: Refusal test {name}\n"
        f"    artifact: reports/{name}.json\n    sha256: {hashlib.sha256(raw).hexdigest()}\n"
        f"    producer: acme-safeguards\n    date: {day}\n    confidentiality: internal\n") + "  E-kyc:\n", 1))
    text = case.read_text()
    case.write_text(text.replace("    evidence: [E-refusal]\n", f"    evidence: [E-refusal, {eid}]\n", 1))
    return case


def _log_a_bad_test(reg: Registry, tmp_path: Path) -> None:
    """Version 1.0 (logged in October) cites the example's clean refusal test; version 1.1 (logged
    in November) adds a November test that found bypasses."""
    with log_clock(dt.datetime(2026, 10, 26, 9, 0, tzinfo=UTC)):
        reg.submit_case(load_case(_copy(tmp_path, "v1")))
    with log_clock(dt.datetime(2026, 11, 11, 9, 0, tzinfo=UTC)):
        reg.submit_case(load_case(_refusal(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}),
                                           "E-refusal-nov", "refusal-nov", "2026-11-10", bypasses=40)))


def test_a_bad_safeguard_test_replaced_by_a_re_dated_copy_of_an_earlier_test_is_dropped(
        reg: Registry, tmp_path: Path) -> None:
    """Attack (CG420): version 1.1 adds a refusal test from November that found bypasses; version
    2.0, on new weights, leaves it out and cites a copy of October's clean test re-dated to late
    November as the test that took its place. The registry logged that test in October."""
    _log_a_bad_test(reg, tmp_path)
    v3 = _refusal(_copy(tmp_path, "v3", case=NEW_WEIGHTS), "E-refusal-again", "refusal-again", "2026-11-25")
    record = _gate(reg, v3, today=dt.date(2026, 12, 1), clock=dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    got = [f.message for f in record.findings if f.code == "CG420"]
    assert any("no longer cites `E-refusal-nov`" in m and "no test of it dated later took its place" in m
               for m in got), got


def test_a_renamed_copy_of_a_run_of_ids_and_scores_replaces_nothing(reg: Registry, tmp_path: Path) -> None:
    """Attack: as above, but the copy of the September run (ids and scores only, no input or
    output) has its task and every sample id renamed, so the registry cannot match it to the run
    it logged. Such a run's date is the lab's word: it does not take a dropped run's place."""
    _log_a_bad_run(reg, tmp_path)
    v3 = _cite(_copy(tmp_path, "v3", case=NEW_WEIGHTS), ("E-ctf-sept", "ctf-sept", "2026-09-15", 0))
    renamed = json.loads(EXAMPLE_CTF.read_text())
    renamed["task"], renamed["created"] = "acme-ctf-pro-2", "2026-11-25T09:00:00Z"
    for s in renamed["samples"]:
        s["id"] = s["id"].replace("ctf-", "challenge-")
    raw = json.dumps(renamed).encode()
    (v3.parent / "evals" / "ctf-rerun.json").write_bytes(raw)
    ev = v3.parent / "evidence.yaml"
    ev.write_text(ev.read_text().replace("  E-bio-uplift:\n", _item("E-ctf-rerun", "ctf-rerun",
                                                                    hashlib.sha256(raw).hexdigest(), "2026-11-25")
                                         + "  E-bio-uplift:\n", 1))
    (msg,) = _cg350(reg, v3)
    assert "no longer include `E-ctf-nov` (2026-11-10" in msg, msg
    assert "`E-ctf-rerun` records no input or output, so a renamed copy of an earlier run cannot be told from it" \
           in msg, msg


def test_a_renamed_copy_of_a_safeguard_test_of_ids_and_scores_replaces_nothing(reg: Registry, tmp_path: Path) -> None:
    """Attack (CG420): the copy of October's clean refusal test has its task and request ids
    renamed, so the registry cannot match it; its rows record no input or output, so its date is
    the lab's word and it does not take the November test's place."""
    _log_a_bad_test(reg, tmp_path)
    v3 = _refusal(_copy(tmp_path, "v3", case=NEW_WEIGHTS), "E-refusal-again", "refusal-again", "2026-11-25")
    f = v3.parent / "reports" / "refusal-again.json"
    doc = json.loads(f.read_text())
    doc["task"] = "acme-refusal-adversarial-2"
    for s in doc["samples"]:
        s["id"] = s["id"].replace("req-", "prompt-")
    raw = json.dumps(doc).encode()
    f.write_bytes(raw)
    ev = v3.parent / "evidence.yaml"
    text = ev.read_text()
    old_sha = text.split("artifact: reports/refusal-again.json\n    sha256: ", 1)[1][:64]
    ev.write_text(text.replace(old_sha, hashlib.sha256(raw).hexdigest()))
    record = _gate(reg, v3, today=dt.date(2026, 12, 1), clock=dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    got = [m.message for m in record.findings if m.code == "CG420"]
    assert any("no longer cites `E-refusal-nov`" in m and "`E-refusal-again` records no input or output" in m
               for m in got), got
