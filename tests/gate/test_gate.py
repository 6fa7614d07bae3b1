"""The gate's decision: outcomes, conditions, narrower boundaries, waivers, answers, records."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.gate import exit_code, record_bytes, run_gate
from casegate.load import load_case
from casegate.model import EIGHT_QUESTIONS, BoundaryKind, DecisionRecord, Waiver
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RULES = ROOT / "tests" / "fixtures" / "rules"
ATLAS = EXAMPLES / "atlas-api" / "case.yaml"
TODAY = dt.date(2026, 11, 27)


KEYRING = load_keyring(EXAMPLES / "atlas-api" / "keys" / "keyring.yaml")
"""The examples' keyring: their external evaluators' evidence attestations are checked against it."""


def _gate(path: Path, **kw: object) -> DecisionRecord:
    loaded = with_attestations(load_case(path), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    return run_gate(loaded, **kw)  # type: ignore[arg-type]


def _blocking(r: DecisionRecord) -> set[str]:
    return {f.code for f in r.findings if f.blocking}


def test_atlas_is_go_with_conditions_and_answers_every_question() -> None:
    r = _gate(ATLAS)
    assert r.outcome == "GO WITH CONDITIONS", [f.message for f in r.findings if f.blocking]
    # the cyber result sits between the alert level and the threshold
    cyber = [c for c in r.conditions if c.cause == "CG305"]
    # the case re-evaluates on 2027-04-01 and the run that set the condition stops counting on
    # 2027-03-31, but a condition falls due the policy's `conditions.due_days` (90 by default)
    # after the case version's date, 2026-11-20
    assert cyber and cyber[0].due == "2027-02-18"
    assert [c.id for c in r.conditions] == [f"C{i}" for i in range(1, len(r.conditions) + 1)]
    assert [a.key for a in r.answers] == [k for k, _ in EIGHT_QUESTIONS]
    assert all(a.answerable and a.sources for a in r.answers)
    assert "evidence.E-cyber-ctf" in r.answers[0].sources
    assert [t.boundary for t in r.trials] == [BoundaryKind.api] and r.narrower is None and r.lacks == []


def test_missing_signoff_is_no_go_and_names_narrower_boundary() -> None:
    r = _gate(EXAMPLES / "narrower-boundary" / "case.yaml")
    assert r.outcome == "NO-GO"
    assert _blocking(r) == {"CG501"}
    assert r.narrower is BoundaryKind.trusted_access
    assert r.narrower_dropped == []
    assert any("external-evaluator" in x for x in r.lacks)
    # widest first: api without its tool is tried before trusted-access
    assert [(t.boundary.value, t.dropped, t.outcome) for t in r.trials][:2] == [
        ("api", [], "NO-GO"), ("api", ["tools"], "NO-GO")]
    assert r.trials[-1].boundary is BoundaryKind.trusted_access and r.trials[-1].outcome != "NO-GO"
    assert r.conditions == []  # a NO-GO carries no conditions


def test_boundary_independent_failure_has_no_narrower_boundary() -> None:
    r = _gate(EXAMPLES / "failure-modes" / "no-public-memory" / "case.yaml")
    assert r.outcome == "NO-GO" and r.narrower is None
    assert r.trials[-1].boundary is BoundaryKind.training
    assert r.lacks == ["CG601 no-publication-plan: the case has no `publication` section: nothing of it will be public"]


def test_narrower_boundary_flag_uses_that_boundarys_roles() -> None:
    r = _gate(EXAMPLES / "narrower-boundary" / "case.yaml", boundary=BoundaryKind.trusted_access)
    assert r.boundary is BoundaryKind.trusted_access and "CG501" not in _blocking(r)


def test_wider_boundary_than_the_case_is_refused() -> None:
    with pytest.raises(InputError, match="wider than the `api` boundary"):
        _gate(ATLAS, boundary=BoundaryKind.consumer)


def _copy_fixture(tmp_path: Path, code: str, kind: str = "bad") -> Path:
    dst = tmp_path / "rules" / code / kind
    shutil.copytree(RULES / code / kind, dst)
    shutil.copy(RULES / "policy.yaml", tmp_path / "rules" / "policy.yaml")
    return dst / "case.yaml"


def _copy_atlas(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "atlas-api", tmp_path / "atlas-api")
    return tmp_path / "atlas-api" / "case.yaml"


def test_condition_due_defaults_to_ninety_days_without_later_reevaluation(tmp_path: Path) -> None:
    case = _copy_atlas(tmp_path)
    case.write_text(case.read_text().replace("reevaluate_by: 2027-04-01", "reevaluate_by: 2026-11-20"))
    r = _gate(case)
    assert r.outcome == "GO WITH CONDITIONS"
    assert {c.due for c in r.conditions} == {"2027-02-18"}


def _due_days(case: Path, days: int) -> None:
    pol = case.parent / "policy.yaml"
    text = pol.read_text()
    assert "\nconfidence: 0.95\n" in text
    pol.write_text(text.replace("\nconfidence: 0.95\n", f"\nconditions: {{due_days: {days}}}\nconfidence: 0.95\n", 1))


def test_a_condition_does_not_outlast_the_run_that_set_it(tmp_path: Path) -> None:
    # the lab pushes its re-evaluation date past the day the CTF run stops counting, under a
    # policy that gives conditions a year
    case = _copy_atlas(tmp_path)
    case.write_text(case.read_text().replace("reevaluate_by: 2027-04-01", "reevaluate_by: 2027-11-01"))
    _due_days(case, 365)
    r = _gate(case)
    assert r.outcome == "GO WITH CONDITIONS"
    assert [c.due for c in r.conditions if c.cause == "CG305"] == ["2027-03-31"]


def test_a_condition_falls_due_the_policy_s_days_after_the_version_not_at_reevaluation(tmp_path: Path) -> None:
    """The lab's move: none. A condition due on the case's own re-evaluation date (capped by its
    evidence's expiry) lets a GO WITH CONDITIONS deploy as long as a GO; it falls due the
    policy's `conditions.due_days` after the case version's date, whatever `reevaluate_by` says."""
    case = _copy_atlas(tmp_path)
    _due_days(case, 14)
    r = _gate(case)
    assert r.outcome == "GO WITH CONDITIONS"
    assert {c.due for c in r.conditions} == {"2026-12-04"}  # 2026-11-20 + 14
    # a version dated in the future gains nothing: its conditions count from the decision
    case.write_text(case.read_text().replace("\ndate: 2026-11-20\n", "\ndate: 2027-06-01\n", 1))
    r = _gate(case, today=dt.date(2026, 11, 27))
    assert {c.due for c in r.conditions} == {"2026-12-11"}  # 2026-11-27 + 14
    # a re-evaluation date sooner than that comes first
    case.write_text(case.read_text().replace("reevaluate_by: 2027-04-01", "reevaluate_by: 2026-12-01"))
    r = _gate(case, today=dt.date(2026, 11, 27))
    assert {c.due for c in r.conditions} == {"2026-12-01"}


def _waiver(code: str, role: str = "rso", until: str = "2026-12-15", path: tuple[str | int, ...] = ()) -> Waiver:
    return Waiver(code=code, path=path, role=role, person="Sam Whitfield", reason="accepted for two weeks", until=until)


NO_PUBLIC = EXAMPLES / "failure-modes" / "no-public-memory" / "case.yaml"


def test_waiver_accepted_marks_the_finding_and_adds_a_condition() -> None:
    assert _blocking(_gate(NO_PUBLIC)) == {"CG601"}
    r = _gate(NO_PUBLIC, waivers=[_waiver("CG601")])
    waived = [f for f in r.findings if f.code == "CG601"]
    assert waived and all(f.waived is not None and not f.blocking for f in waived)
    assert r.outcome == "GO WITH CONDITIONS"
    assert any(c.cause == "CG601" and c.due == "2026-12-15" and "waived by Sam Whitfield" in c.text
               for c in r.conditions)
    assert r.rejected_waivers == []


@pytest.mark.parametrize(("waiver", "why"), [
    (_waiver("CG601", role="product-lead"), "may not waive"),
    (_waiver("CG601", until="2026-11-01"), "lapsed"),
    (_waiver("CG601", until="2027-03-01"), "longer than"),
    (_waiver("CG505"), "cannot be waived"),
    (_waiver("CG601", path=("decision",)), "matches no finding"),
])
def test_waiver_rejected_leaves_finding_blocking(waiver: Waiver, why: str) -> None:
    r = _gate(NO_PUBLIC, waivers=[waiver])
    assert "CG601" in _blocking(r)
    assert r.outcome == "NO-GO"
    assert len(r.rejected_waivers) == 1 and why in r.rejected_waivers[0]


def test_most_specific_waiver_entry_decides(tmp_path: Path) -> None:
    case = _copy_atlas(tmp_path)
    case.write_text(case.read_text()[: case.read_text().index("publication:\n")]
                    + case.read_text()[case.read_text().index("decision:\n"):])
    pol = tmp_path / "atlas-api" / "policy.yaml"
    pol.write_text(pol.read_text().replace("roles: {CG7: [rso], CG6: [rso], CG4: [rso]}",
                                           "roles: {CG7: [rso], CG6: [rso], CG601: [board-committee], CG4: [rso]}"))
    r = _gate(case, waivers=[_waiver("CG601")])
    assert "CG601" in _blocking(r) and "may not waive" in r.rejected_waivers[0]


def test_unanswerable_question_is_blocking_and_marked() -> None:
    r = _gate(RULES / "CG602" / "bad" / "case.yaml", today=TODAY)
    assert "CG602" in _blocking(r)
    ans = {a.key: a for a in r.answers}
    assert not ans["at-scale"].answerable and ans["at-scale"].answer == ""
    assert ans["capability"].answerable and ans["retreat"].answerable


def test_record_is_byte_identical_for_the_same_inputs() -> None:
    a = record_bytes(_gate(ATLAS))
    b = record_bytes(_gate(ATLAS))
    assert a == b
    doc = json.loads(a)
    assert doc["decided_at"] == "2026-11-20"  # the case's date, not the clock
    assert doc["digests"]["case_files"].keys() == {"case.yaml", "evidence.yaml", "argument.yaml"}
    assert doc["digests"]["policy"] and doc["digests"]["case"]
    assert doc["digests"]["model"] == ["sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"]
    assert all(v and len(v) == 64 for v in doc["digests"]["evidence"].values())
    assert doc["casegate_version"]
    # canonical JSON: sorted keys, no whitespace
    assert a.startswith(b'{"answers":') and b"\n" not in a


def test_record_changes_when_an_artifact_changes(tmp_path: Path) -> None:
    case = _copy_atlas(tmp_path)
    before = _gate(case)
    art = tmp_path / "atlas-api" / "reports" / "weights-audit.md"
    art.write_text(art.read_text() + "\nedited after the run\n")
    after = _gate(case)
    assert before.digests.evidence["E-weights-audit"] != after.digests.evidence["E-weights-audit"]
    assert record_bytes(before) != record_bytes(after)


def test_decided_at_follows_today() -> None:
    assert _gate(ATLAS, today=TODAY).decided_at == "2026-11-27"


def test_exit_codes() -> None:
    base = dict(casegate_version="0", case_id="c", case_version="1", system="s", boundary=None, decided_at="2026-01-01")
    go = DecisionRecord(outcome="GO", **base)  # type: ignore[arg-type]
    cond = DecisionRecord(outcome="GO WITH CONDITIONS", **base)  # type: ignore[arg-type]
    nogo = DecisionRecord(outcome="NO-GO", **base)  # type: ignore[arg-type]
    assert [exit_code(go), exit_code(cond), exit_code(nogo)] == [0, 0, 1]
    assert [exit_code(go, True), exit_code(cond, True), exit_code(nogo, True)] == [0, 1, 1]


def test_invalid_case_is_no_go_with_its_load_findings(tmp_path: Path) -> None:
    case = _copy_fixture(tmp_path, "CG501", "good")
    case.write_text(case.read_text().replace("    kind: eval\n", "    kind: evaluation\n", 1))
    r = _gate(case, today=TODAY)
    assert r.outcome == "NO-GO" and _blocking(r) == {"CG900"}
    assert r.case_id == "fixture-api" and r.answers == []


def test_previous_must_be_a_valid_case(tmp_path: Path) -> None:
    bad = _copy_fixture(tmp_path, "CG501", "good")
    bad.write_text(bad.read_text().replace("    kind: eval\n", "    kind: evaluation\n", 1))
    with pytest.raises(InputError, match="--previous"):
        _gate(ATLAS, previous=load_case(bad))


@pytest.mark.parametrize("name", ["anthropic-rsp", "openai-preparedness", "gdm-fsf"])
def test_builtin_policies_load_and_fail_closed(tmp_path: Path, name: str) -> None:
    case = _copy_fixture(tmp_path, "CG501", "good")
    case.write_text(case.read_text().replace("policy: ../../policy.yaml", f"policy: builtin:{name}"))
    loaded = load_case(case)
    assert loaded.policy is not None, [f.message for f in loaded.diagnostics]
    pol = loaded.policy
    assert pol.thresholds
    for tid, th in pol.thresholds.items():
        assert th.source is not None and th.source.version, th.name
        assert th.value is None and th.alert is None and th.organisation_defined
        # each threshold states how results are counted: scorer, reduction over epochs, task set
        # and minimum trials (the scorer and task set are placeholders no log matches)
        assert {"scorer", "reduction", "tasks"} <= th.model_fields_set, th.name
        assert "samples" in th.elicitation.model_fields_set and (th.elicitation.samples or 0) >= 100, th.name
        assert th.reduction == "any" and th.scorer and th.scorer.startswith("<your scorer"), th.name
        assert [t.name for t in th.tasks] == [f"<your task set for {tid}>"], th.name
    # qualitative thresholds cannot be shown to be cleared: the case cannot pass as it stands
    assert run_gate(loaded, today=TODAY).outcome == "NO-GO"
    # the roles that own, detect and stop residual risk are declared, beyond those that sign
    signing = {r.role for reqs in pol.signoff.required.values() for r in reqs}
    assert pol.roles and not set(pol.roles) & signing and "ciso" in pol.roles
    assert set(pol.roles) <= pol.known_roles()


def test_under_a_builtin_policy_a_real_log_counts_for_nothing_until_its_task_set_is_named(tmp_path: Path) -> None:
    d = tmp_path / "atlas-api"
    shutil.copytree(ATLAS.parent, d, ignore=shutil.ignore_patterns("signoffs", "*.bundle.json"))
    case = d / "case.yaml"
    case.write_text(case.read_text().replace("policy: policy.yaml", "policy: builtin:openai-preparedness"))
    from casegate.evidence import facts_for, rehash_artifacts

    loaded = load_case(case)
    assert loaded.policy is not None, [f.message for f in loaded.diagnostics]
    _, facts = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    assert facts is not None
    kinds = {p.kind for p in facts.problems if p.evidence_id == "E-cyber-ctf"}
    assert {"scorer", "task-not-in-set"} <= kinds
    msg = next(p.message for p in facts.problems if p.evidence_id == "E-cyber-ctf" and p.kind == "task-not-in-set")
    assert "ran `acme-ctf-pro` v4" in msg and "<your task set for cyber-high>" in msg
    assert "E-cyber-ctf" in facts.excluded


def _retyped_severity(tmp_path: Path) -> Path:
    """A copy of the atlas example with every severe or catastrophic pathway retyped `high`."""
    dest = tmp_path / "retyped"
    shutil.copytree(EXAMPLES / "atlas-api", dest)
    case = dest / "case.yaml"
    text = case.read_text()
    for sev in ("severe", "catastrophic"):
        text = text.replace(f"        severity: {sev}\n", "        severity: high\n")
    assert "severity: severe" not in text and "severity: catastrophic" not in text
    case.write_text(text)
    return case


def test_a_pathway_retyped_to_a_lower_severity_is_no_go_against_every_version_compared(tmp_path: Path) -> None:
    from casegate.gate import Compared, Comparison
    from casegate.model import Baseline

    gamed = _retyped_severity(tmp_path)
    r = _gate(gamed, today=TODAY, previous=load_case(ATLAS))
    assert r.outcome == "NO-GO"
    assert {f.path[3] for f in r.findings if f.code == "CG329"} == {"cyber-ransomware", "bio-known-agent", "weight-theft"}
    # a gamed version submitted first is not the only yardstick: the approved one still shows it
    before, after = load_case(ATLAS), load_case(gamed)
    assert before.case is not None and after.case is not None
    comparison = Comparison(versions=[
        Compared(Baseline(role="previous", label="version 1.1 (#2)"), after.case, after.policy),
        Compared(Baseline(role="approved", label="version 1.0 (#1), the last approved"), before.case, before.policy)])
    r = _gate(gamed, today=TODAY, comparison=comparison)
    got = [f.message for f in r.findings if f.code == "CG329"]
    assert r.outcome == "NO-GO" and len(got) == 3
    assert all("rated lower than in version 1.0 (#1), the last approved" in m for m in got)


@pytest.mark.parametrize("name", ["evidence.yaml", "évidence-\U0001f9ea.yaml"])
def test_the_record_names_the_case_by_rfc8785_of_its_files(tmp_path: Path, name: str) -> None:
    """The case digest is sha256 over RFC 8785 of {file: sha256}, written by the standard library's
    encoder where it writes the same bytes, by the rfc8785 package otherwise (a file name beyond the
    Basic Multilingual Plane, whose keys RFC 8785 orders by UTF-16 code units)."""
    import hashlib

    import rfc8785

    from casegate.evidence import rehash_artifacts
    from casegate.gate import input_digests

    case = _copy_atlas(tmp_path)
    if name != "evidence.yaml":
        (case.parent / "evidence.yaml").rename(case.parent / name)
        case.write_text(case.read_text().replace("evidence.yaml", name))
    loaded = load_case(case)
    digests = input_digests(loaded, rehash_artifacts(loaded))
    assert name in digests.case_files
    assert digests.case == hashlib.sha256(rfc8785.dumps(digests.case_files)).hexdigest()
