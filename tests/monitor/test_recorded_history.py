"""Every version the registry recorded is read for what the rules that read them all need, from
its stored case files, without building it (SQLite and PostgreSQL): a defeater keeps the blocking
kind any recorded version gave it (CG809), a run known by its sample names only is dated from the
oldest run of its subject any recorded version cited (CG306), and a recorded version whose stored
files were rewritten stops the gate that reads it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from casegate.errors import StoreError
from casegate.load import load_case
from casegate.model import DecisionRecord, RecordedVersion
from casegate.monitor import decide, submit_for_review
from casegate.monitor._recorded import recorded_versions
from casegate.monitor._versions import VersionCache
from casegate.store import Registry
from tests._weights import submit_hashed
from tests.monitor.test_registry_flow import CASE, _copy, _record

G5 = "      evidence: [E-redteam-classifier, E-monitoring]\n"


def _with_d9(path: Path, kind: str, status: str) -> Path:
    """The case with defeater D9 against G5 (the residual-risk claim): outside counter-evidence
    about the classifier, of `kind`, `status` (answered: by the identity-verification test)."""
    arg = path.parent / "argument.yaml"
    text = arg.read_text()
    assert text.count(G5) == 1 and "    G5:\n" in text
    d9 = ("    D9:\n      defeater: The exploit requests of E-redteam-classifier are not the ones real users write.\n"
          f"      kind: {kind}\n      against: [G5]\n      status: {status}\n"
          + ("      answered_by: [E-kyc]\n" if status == "answered" else ""))
    arg.write_text(text.replace(G5, G5 + "      defeaters: [D9]\n").replace("    G5:\n", d9 + "    G5:\n"))
    return path


def _version(tmp_path: Path, n: int, kind: str, status: str) -> Path:
    return _with_d9(_copy(tmp_path, f"v{n}", {'version: "1.0"': f'version: "1.{n - 1}"'}), kind, status)


def _submit(reg: Registry, path: Path, *, approve: bool = False) -> DecisionRecord | None:
    submit_hashed(reg, load_case(path))
    if not approve:
        return None
    if reg.case_state(CASE) == "draft":
        submit_for_review(reg, CASE, by="acme-safety-team")
    rec = _record(path, reg)
    assert rec.outcome == "GO WITH CONDITIONS", [f.message for f in rec.findings if f.blocking]
    decide(reg, rec)
    return rec


def _cg809(rec: DecisionRecord) -> list[str]:
    return [f.message for f in rec.findings if f.code == "CG809"]


def test_a_defeater_answered_as_counter_evidence_and_reopened_as_an_undercutter_blocks(
        reg: Registry, tmp_path: Path) -> None:
    """Attack, in one step: version 1.0, approved, answers outside counter-evidence D9; version 1.1
    reopens it and calls it an undercutter, a kind the policy lets stand open as a condition. CG806
    follows only defeaters that stood open in the version compared with (D9 was answered there), so
    without CG809 the gate was GO WITH CONDITIONS."""
    _submit(reg, _version(tmp_path, 1, "counter-evidence", "answered"), approve=True)
    rec = _record(_version(tmp_path, 2, "undercutter", "open"), reg)
    assert rec.outcome == "NO-GO"
    assert {f.code for f in rec.findings if f.blocking} == {"CG809"}, [f.message for f in rec.findings if f.blocking]
    (m,) = _cg809(rec)
    assert "undercutter `D9` against `G5` is open; version 1.0 (#1) recorded it as `counter-evidence`" in m, m


def test_a_defeater_retyped_in_a_version_recorded_but_not_approved_still_blocks(reg: Registry, tmp_path: Path) -> None:
    """Attack, in two steps: version 1.0, approved, answers counter-evidence D9; version 1.1, recorded
    and never decided, calls it an undercutter (still answered: nothing to see); version 1.2 reopens
    it. Against version 1.1 (the previous) its kind did not change, and in version 1.0 (the last
    approved) it was answered: only the kind version 1.0 recorded shows the move."""
    _submit(reg, _version(tmp_path, 1, "counter-evidence", "answered"), approve=True)
    _submit(reg, _version(tmp_path, 2, "undercutter", "answered"))
    rec = _record(_version(tmp_path, 3, "undercutter", "open"), reg)
    assert "previous: version 1.1 (#2)" in rec.compared_with, rec.compared_with
    assert rec.outcome == "NO-GO"
    (m,) = _cg809(rec)
    assert "version 1.0 (#1) recorded it as `counter-evidence`" in m, m


def test_a_retyped_defeater_renamed_in_the_same_words_still_blocks(reg: Registry, tmp_path: Path) -> None:
    """Attack: as in two steps, with the defeater raised again as D10 in the same words."""
    _submit(reg, _version(tmp_path, 1, "counter-evidence", "answered"), approve=True)
    v2 = _version(tmp_path, 2, "undercutter", "open")
    arg = v2.parent / "argument.yaml"
    arg.write_text(arg.read_text().replace("D9", "D10"))
    (m,) = _cg809(_record(v2, reg))
    assert "undercutter `D10` against `G5` is open; version 1.0 (#1) recorded it (as `D9`, in the same words) as " \
           "`counter-evidence`" in m, m


def test_a_defeater_open_in_the_version_compared_with_and_retyped_now_blocks_once(reg: Registry,
                                                                                   tmp_path: Path) -> None:
    """Attack: version 1.0, approved; version 1.1, recorded, holds counter-evidence D9 open; version
    1.2 keeps it open and calls it an undercutter. Gated against 1.1, the move is both a kind
    changed against the version compared with (CG806) and a blocking kind a recorded version gave
    it (CG809): it blocks, reported once, by CG809 (before, by both)."""
    _submit(reg, _copy(tmp_path, "v1"), approve=True)
    _submit(reg, _version(tmp_path, 2, "counter-evidence", "open"))
    rec = _record(_version(tmp_path, 3, "undercutter", "open"), reg)
    assert "previous: version 1.1 (#2)" in rec.compared_with, rec.compared_with
    assert rec.outcome == "NO-GO"
    about_d9 = [f.code for f in rec.findings if f.blocking and "D9" in f.message]
    assert about_d9 == ["CG809"], [f.message for f in rec.findings if f.blocking]
    (m,) = _cg809(rec)
    assert "undercutter `D9` against `G5` is open; version 1.1 (#2) recorded it as `counter-evidence`" in m, m


def test_a_defeater_recorded_as_an_undercutter_stands_as_a_condition(reg: Registry, tmp_path: Path) -> None:
    """An undercutter the policy lets stand open was one in every recorded version: a condition."""
    _submit(reg, _version(tmp_path, 1, "undercutter", "answered"), approve=True)
    rec = _record(_version(tmp_path, 2, "undercutter", "open"), reg)
    assert rec.outcome == "GO WITH CONDITIONS", [f.message for f in rec.findings if f.blocking]
    assert _cg809(rec) == []
    assert any(f.code == "CG801" and "`D9`" in f.message for f in rec.findings)


def _plain(reg: Registry, tmp_path: Path, approved: int) -> Path:
    """`approved` versions of the example, each approved; the next one, not yet submitted."""
    for n in range(1, approved + 1):
        _submit(reg, _copy(tmp_path, f"v{n}", {'version: "1.0"': f'version: "1.{n - 1}"'}), approve=True)
    n = approved + 1
    return _copy(tmp_path, f"v{n}", {'version: "1.0"': f'version: "1.{n - 1}"'})


def test_runs_known_by_names_are_dated_without_building_the_approved_versions(
        reg: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example's runs are known by their sample names only, so CG306 reads every recorded
    version; it reads them from their stored files: no version is built as a case but the ones
    compared with (the previous and last approved: version 1.1 here, not version 1.0)."""
    import casegate.monitor._compare as compare

    nxt = _plain(reg, tmp_path, 2)
    built: list[int] = []
    read: list[list[int]] = []
    get, recorded = VersionCache.get, compare.recorded_versions

    def counting_get(self: VersionCache, case_id: str, number: int):  # type: ignore[no-untyped-def]
        built.append(number)
        return get(self, case_id, number)

    def counting_read(reg_: Registry, case_id: str, numbers: list[int], cache: VersionCache | None = None,  # type: ignore[no-untyped-def]
                      prefix: str = ""):
        read.append(list(numbers))
        return recorded(reg_, case_id, numbers, cache, prefix)

    monkeypatch.setattr(VersionCache, "get", counting_get)
    monkeypatch.setattr(compare, "recorded_versions", counting_read)
    rec = _record(nxt, reg)
    assert rec.outcome == "GO WITH CONDITIONS", [f.message for f in rec.findings if f.blocking]
    assert read == [[1, 2]]
    assert set(built) == {2}, built  # the compared version is built (the count sees builds); version 1 is not


def _repoint(reg: Registry, number: int, path: str, content: bytes) -> None:
    """What a lab with write access to the registry's tables does, covering its tracks: store new
    bytes under their own sha256 and point version `number`'s file row `path` at them, so every
    stored file still matches its digest."""
    import hashlib

    sha = hashlib.sha256(content).hexdigest()
    with reg.engine.begin() as c:
        c.execute(sa.text("INSERT INTO blobs (sha256, size, content) VALUES (:s, :n, :b)"),
                  {"s": sha, "n": len(content), "b": content})
        c.execute(sa.text(
            "UPDATE case_files SET sha256 = :s WHERE path = :p AND version_id = "
            "(SELECT id FROM case_versions WHERE case_id = :c AND number = :v)"),
            {"s": sha, "p": path, "c": CASE, "v": number})


def test_a_recorded_version_repointed_at_other_bytes_stops_the_gate_that_reads_it(reg: Registry,
                                                                                  tmp_path: Path) -> None:
    """Attack: the lab rewrites version 1.0's evidence file (its runs dropped) and points the stored
    file row at the new bytes under their own digest, so no stored file mismatches its sha256. The
    file is not the one the version's log entry recorded: the gate that reads it stops."""
    nxt = _plain(reg, tmp_path, 2)
    assert _record(nxt, reg).outcome == "GO WITH CONDITIONS"
    _repoint(reg, 1, "evidence.yaml", b"casegate: 1\nkind: case\nevidence: {}\n")
    with pytest.raises(StoreError, match=r"case version atlas-2-api@1: its stored case files differ from those logged"):
        _record(nxt, reg)


def test_a_recorded_version_rewritten_in_place_stops_the_gate_that_reads_it(reg: Registry, tmp_path: Path) -> None:
    """Attack: the lab rewrites the stored bytes of version 1.0's argument file in place."""
    nxt = _plain(reg, tmp_path, 2)
    with reg.engine.begin() as c:
        (sha,) = c.execute(sa.text(
            "SELECT f.sha256 FROM case_files f JOIN case_versions v ON v.id = f.version_id "
            "WHERE v.case_id = :c AND v.number = 1 AND f.path = 'argument.yaml'"), {"c": CASE}).one()
        c.execute(sa.text("UPDATE blobs SET content = :b WHERE sha256 = :s"), {"b": b"elements: {}\n", "s": sha})
    with pytest.raises(StoreError, match="stored bytes of argument.yaml no longer match their sha256"):
        _record(nxt, reg)


def test_a_version_that_does_not_read_as_expected_is_built_instead(reg: Registry, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A stored version whose evidence date is written in a form the reader does not take (a date
    and time, which the model reads as its day) is built as a case instead: read, not skipped."""
    from casegate.monitor._recorded import recorded_versions

    v1 = _copy(tmp_path, "v1")
    ev = v1.parent / "evidence.yaml"
    ev.write_text(ev.read_text().replace("date: 2026-10-15", "date: 2026-10-15T00:00:00", 1))
    submit_hashed(reg, load_case(v1))
    built: list[int] = []
    get = VersionCache.get

    def counting_get(self: VersionCache, case_id: str, number: int):  # type: ignore[no-untyped-def]
        built.append(number)
        return get(self, case_id, number)

    monkeypatch.setattr(VersionCache, "get", counting_get)
    (got,) = recorded_versions(reg, CASE, [1])
    assert built == [1]
    assert got.label == "version 1.0 (#1)"
    assert str(got.evidence["E-kyc"].date) == "2026-10-15"
    assert got.evidence["E-kyc"].tests == ("SG-kyc",)


def test_a_decoy_version_citing_the_copy_under_an_older_date_does_not_hide_the_run_it_copies(
        reg: Registry, tmp_path: Path) -> None:
    """Attack: the registry logged the refusal test (ids and scores only) in April. The lab renames its
    task and samples, re-dates the copy to November, and first records a decoy version citing the
    copy's very bytes under a date older than April (a version nobody will decide on). Read from the
    stored files, the decoy's date is its own word, so the oldest run of the safeguard would be the
    copy itself, and a copy is not a copy of itself. The run a copy may be of is the oldest one of
    other bytes: April's, and the copy's age counts from it (CG306)."""
    import datetime as dt
    import shutil

    from tests.monitor.test_first_logged import _cg306, _gate
    from tests.monitor.test_first_logged import _copy as _copy_case
    from tests.monitor.test_same_run_results import (
        NEW_DAY,
        OLD_DAY,
        OLD_LOGGED,
        TODAY,
        _cite,
        _renamed,
    )
    from tests.verify.trusted import log_clock

    with log_clock(OLD_LOGGED):
        reg.submit_case(load_case(_cite(_copy_case(tmp_path, "v1"), OLD_DAY)))
    v3 = _renamed(_cite(_copy_case(tmp_path, "v3", case={'version: "1.0"': 'version: "1.2"'}), NEW_DAY))
    decoy = tmp_path / "decoy"
    shutil.copytree(v3.parent, decoy)
    ev = decoy / "evidence.yaml"
    typed = f"producer: acme-safeguards\n    date: {NEW_DAY}"
    assert typed in ev.read_text()
    ev.write_text(ev.read_text().replace(typed, "producer: acme-safeguards\n    date: 2026-01-05"))
    with log_clock(dt.datetime(2026, 11, 30, 18, 0, tzinfo=dt.UTC)):
        reg.submit_case(load_case(decoy / "case.yaml"))
    got = _cg306(_gate(reg, v3, today=TODAY))
    assert "E-refusal" in got, sorted(got)
    assert "renamed copy of `E-refusal` (2026-03-30)" in got["E-refusal"], got["E-refusal"]


def test_a_defeater_retyped_under_a_new_case_id_about_the_same_model_still_blocks(reg: Registry,
                                                                                 tmp_path: Path) -> None:
    """Attack: the reopened, retyped defeater is submitted under a new case id about the same model
    (the same weights digest). The new case is compared with the versions of the case about the
    same model, and their recorded kinds hold it too."""
    _submit(reg, _version(tmp_path, 1, "counter-evidence", "answered"), approve=True)
    renamed = _with_d9(_copy(tmp_path, "renamed", {"id: atlas-2-api\n": "id: atlas-2-api-relaunch\n"}),
                       "undercutter", "open")
    rec = _record(renamed, reg)
    assert rec.outcome == "NO-GO"
    (m,) = _cg809(rec)
    assert "case atlas-2-api version 1.0 (#1) recorded it as `counter-evidence`" in m, m



def _with_retest(path: Path) -> Path:
    """The case holding a second run of the identity-verification test (`E-kyc-retest`, its own log),
    listed for its domain and cited by nothing."""
    doc = json.loads((path.parent / "reports" / "kyc-test.json").read_bytes())
    doc["created"] = "2026-10-18T09:00:00Z"
    doc["samples"] = [{**s, "id": s["id"].replace("enrol-", "retest-")} for s in doc["samples"]]
    raw = json.dumps(doc).encode()
    (path.parent / "reports" / "kyc-retest.json").write_bytes(raw)
    ev = path.parent / "evidence.yaml"
    text = ev.read_text()
    assert text.count("  E-kyc:\n") == 1
    item = ("  E-kyc-retest:\n    kind: safeguard-test\n    domain: cyber\n    title: The enrolment test run again\n"
            f"    artifact: reports/kyc-retest.json\n    sha256: {hashlib.sha256(raw).hexdigest()}\n"
            "    producer: acme-trust-and-safety\n    date: 2026-10-18\n    confidentiality: restricted\n")
    ev.write_text(text.replace("  E-kyc:\n", item + "  E-kyc:\n"))
    return path


def _answered_by_retest(path: Path) -> Path:
    arg = path.parent / "argument.yaml"
    text = arg.read_text()
    assert "      answered_by: [E-kyc]\n" in text
    arg.write_text(text.replace("      answered_by: [E-kyc]\n", "      answered_by: [E-kyc-retest]\n"))
    return path


def test_an_answer_a_version_never_approved_held_blocks(reg: Registry, tmp_path: Path) -> None:
    """Attack: version 1.0, recorded and never approved, holds a second run of the identity-verification
    test beside undercutter D9 (open: a condition); version 1.1, approved, leaves the run out with D9
    still open; version 1.2 puts the run back as D9's answer. Against version 1.1 (the previous and
    last approved) the run is new: only version 1.0, neither approved nor compared with, shows that
    the record held it while D9 stood."""
    _submit(reg, _with_retest(_version(tmp_path, 1, "undercutter", "open")))
    _submit(reg, _version(tmp_path, 2, "undercutter", "open"), approve=True)
    rec = _record(_answered_by_retest(_with_retest(_version(tmp_path, 3, "undercutter", "answered"))), reg)
    assert rec.compared_with[:1] == ["previous: version 1.1 (#2), the last approved"], rec.compared_with
    assert rec.outcome == "NO-GO"
    (m,) = [f.message for f in rec.findings if f.code == "CG806"]
    assert "`D9` was open in version 1.1 (#2), the last approved; it is now marked answered by `E-kyc-retest`, but " \
           "what answers it rests only on evidence the record held while it stood unanswered (`E-kyc-retest`," in m, m


def test_a_hollow_answer_in_a_version_never_approved_does_not_take_it_out_of_the_record(reg: Registry,
                                                                                        tmp_path: Path) -> None:
    """Attack: as above, but version 1.0 (recorded, never approved) marks D9 answered by the
    identity-verification test the approved version 1.1 then holds with D9 still open: an answer that
    would not have counted there. Read as answered, version 1.0 held nothing for D9 and the second
    run it held beside it would be new in version 1.2. Read from the stored files, the answer is
    judged: D9 stood unanswered in version 1.0, and the run it held is not new."""
    _submit(reg, _with_retest(_version(tmp_path, 1, "undercutter", "answered")))
    _submit(reg, _version(tmp_path, 2, "undercutter", "open"), approve=True)
    rec = _record(_answered_by_retest(_with_retest(_version(tmp_path, 3, "undercutter", "answered"))), reg)
    assert rec.outcome == "NO-GO"
    (m,) = [f.message for f in rec.findings if f.code == "CG806"]
    assert "what answers it rests only on evidence the record held while it stood unanswered (`E-kyc-retest`," in m, m


def test_an_answer_in_a_version_never_approved_that_counted_there_stands(reg: Registry, tmp_path: Path) -> None:
    """Version 1.0 (recorded, never approved) answered D9 with the second run, which no version held
    while D9 stood: an answer there. Version 1.2 answering D9 with that run leans on nothing hollow."""
    _submit(reg, _answered_by_retest(_with_retest(_version(tmp_path, 1, "undercutter", "answered"))))
    _submit(reg, _version(tmp_path, 2, "undercutter", "open"), approve=True)
    rec = _record(_answered_by_retest(_with_retest(_version(tmp_path, 3, "undercutter", "answered"))), reg)
    assert [f.message for f in rec.findings if f.code == "CG806"] == []


def test_a_claim_withdrawn_with_its_defeater_and_made_again_brings_it_back(reg: Registry, tmp_path: Path) -> None:
    """Attack: version 1.0, approved, holds undercutter D9 open against G5 (a condition); version
    1.1, approved, withdraws G5, and D9 with it; version 1.2 makes G5 again without D9. It is
    compared with 1.1 (the previous and last approved), where nothing was dropped; the registry
    recorded D9 standing against G5 in 1.0, read from its stored files: it comes back with the claim."""
    _submit(reg, _version(tmp_path, 1, "undercutter", "open"), approve=True)
    v2 = _copy(tmp_path, "v2", {'version: "1.0"': 'version: "1.1"'})
    arg = v2.parent / "argument.yaml"
    text = arg.read_text()
    start, end = text.index("    G5:\n"), text.index("    G6:\n")
    arg.write_text((text[:start] + text[end:]).replace("supported_by: [G2, G3, G4, G5, G6, G7]",
                                                       "supported_by: [G2, G3, G4, G6, G7]"))
    _submit(reg, v2, approve=True)
    rec = _record(_copy(tmp_path, "v3", {'version: "1.0"': 'version: "1.2"'}), reg)
    assert rec.compared_with == ["previous: version 1.1 (#2), the last approved"], rec.compared_with
    assert rec.outcome == "NO-GO"
    (m,) = [f.message for f in rec.findings if f.code == "CG806"]
    assert m == ("undercutter `D9` stood open against `G5` in version 1.0 (#1); `G5` is made here without it, "
                 "and no recorded version answered it"), m


def test_each_defeaters_aim_and_each_elements_citations_are_read_from_the_stored_files(
        reg: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CG806 reads what a claim cited in every version the registry recorded while a defeater stood
    against another: read from the stored files, a draft gives each defeater's aim (its `against`
    and the elements listing it) and each element's evidence as the version built as a case does."""
    path = _version(tmp_path, 1, "counter-evidence", "open")
    _submit(reg, path)

    def no_build(self: VersionCache, case_id: str, number: int):  # type: ignore[no-untyped-def]
        raise AssertionError(f"version #{number} was built, not read")

    monkeypatch.setattr(VersionCache, "get", no_build)
    (read,) = recorded_versions(reg, CASE, [1])
    built = RecordedVersion.of_case(load_case(path).case, "version 1.0 (#1)")
    assert read.defeaters["D9"].aimed_at == ("G5",) == built.defeaters["D9"].aimed_at
    assert read.cites == built.cites
    assert read.cites["G5"] == ("E-redteam-classifier", "E-monitoring")
    assert read.claims == built.claims and read.claims["G5"] == built.claims["G5"]
    # and what each defeater's answer stands on (the items of `answered_by`, and those under its claims)
    answered = _version(tmp_path, 2, "counter-evidence", "answered")
    _submit(reg, answered)
    (read,) = recorded_versions(reg, CASE, [2])
    built = RecordedVersion.of_case(load_case(answered).case, "version 1.1 (#2)")
    assert read.defeaters["D9"].answers == ("E-kyc",) == built.defeaters["D9"].answers
