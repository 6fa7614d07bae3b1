"""A case written apart from the examples (Linnet-1, Acme's general-purpose model with systemic risk
through its API in the EU and California, `tests/fixtures/rt_regime/linnet`), placed under both
built-in regimes (`builtin:eu-gpai-cop-2025`, `builtin:ca-sb53`) and gated as `gate --preview` does
with the examples' keyring against a registry (SQLite, as the registry tests run) that holds its
story: version 1.0 submitted with its weights hashed and approved GO WITH CONDITIONS; on 2026-11-10
a ransomware crew was found building exploits through the "split exploit" jailbreak of its cyber
classifiers. The registry records the high-severity cyber incident (classes: the Code of
Practice's serious cybersecurity breach, 5 days, and SB 53's critical safety incident, 15 days; the
Code's serious harm, 15 days, is owed by its severity) and the case's `T-cyber-incident` reopens
it. Each report is filed by 2026-11-12, recorded by Northbridge Security. The relaunch, version 1.1
on the same weights, answers the incident with a new red team of the retrained classifiers.
Honestly it is NO-GO: 45 of its 600 requests get through (upper bound 0.095, over the framework's
5%, CG406). Classifiers that let 6 through give GO WITH CONDITIONS.

The lab's moves to a clean filing and a GO, tried here and in docs/security.md:

- closed: the reports left unfiled past their deadlines. The gate never read the registry's report
  clocks (only `incident clocks`, the triggers and `verify --db` did): the relaunch was GO WITH
  CONDITIONS while its Measure 9.3 and 22757.13 reports were overdue. Gated against a registry, a
  report past its deadline as of the decision day and not filed is CG1003 (blocking).
- closed: a regime cut from the policy's `regimes:` (both regimes named there, not in the case). It
  was GO WITH CONDITIONS: CG1005 compared the previous case's `regimes:` only. It now compares the
  previous version's case and policy regimes with this version's (CG1005).
- closed: the description saying `Linnet-1 has had no serious incidents since launch` while the
  registry holds incident-10. It was GO WITH CONDITIONS, the denial filed beside the incident in the
  Model Report. Words denying incidents, compared with a registry holding one, are CG438.
- caught: the awareness time typed later than the log's record (`--known`: the clock counts from
  the log when that is earlier, CG1003); the incident classified to serious harm only, or
  `--not-reportable` (the classes its domain and severity point at stay owed, CG1003); the filing
  recorded by the developer's own key (refused: the report stays owed, CG1003); SB 53 cut from the
  case (CG1005); the Model Report's "External reports" claimed in words (`passed an independent
  external assessment`) with the exploit evaluation marked `independent: true` and no attestation
  (CG348; CG1001 stays: only a verified attestation counts).
- held outside the gate: a regime document written from another version, edited after signing, or
  written without a registry (its incident facts gaps) never verifies (`regime verify`,
  tests/regime/test_document_manifest.py).
- still the lab's word: a regime applies because the case or its policy names it; casegate reads
  no compute figure and no release date to decide that one applies (a first version that names no
  regime is under none). The languages and modalities `system.release` lists: no log casegate reads
  records what the served model takes or answers in. A denial limited to a kind or a period (`no
  incidents involving weight theft`).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests._weights import submit_hashed
from tests.gate.blind_helpers import blocking, copy_fixture, edit, load_gen, messages

from casegate.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[2]
LINNET = ROOT / "tests" / "fixtures" / "rt_regime" / "linnet"
KEYS = ROOT / "examples" / "atlas-api" / "keys"
RING = KEYS / "keyring.yaml"
CASE = "linnet-1-api"
APPROVED = dt.datetime(2026, 10, 22, 15, tzinfo=dt.UTC)
LOGGED = dt.datetime(2026, 11, 10, 18, tzinfo=dt.UTC)
"""When the registry logged the incident."""
FILED = dt.datetime(2026, 11, 12, 10, tzinfo=dt.UTC)
"""When the filings were recorded (before every deadline)."""
TODAY = dt.date(2026, 11, 30)
BREACH, HARM, SB53 = ("eu-gpai-cop-2025:cybersecurity-breach", "eu-gpai-cop-2025:serious-harm",
                      "ca-sb53:critical-safety-incident")


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _gate(case: Path, reg: Any | None, day: dt.date = TODAY) -> DecisionRecord:
    """`gate --preview` (every declared sign-off as if signed), compared with what `reg` holds, the
    filings checked against the examples' keyring."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.monitor import comparison_for
    from casegate.sign import load_keyring
    from casegate.verify import gate_inputs

    ring = load_keyring(RING)
    loaded = gate_inputs(load_case(case), ring, day, preview=True).loaded
    return run_gate(loaded, today=day,
                    comparison=comparison_for(reg, loaded, keyring=ring) if reg is not None else None)


def _incident(**kw: Any) -> Any:
    from casegate.monitor import incident_from_fields

    fields: dict[str, Any] = dict(
        case=CASE, date="2026-11-10", deployer="Acme Labs (Acme API)", developer="Acme Labs",
        harmed=["hospitals running the affected VPN appliances"],
        title="Split-exploit jailbreak of the Linnet-1 cyber classifiers used to build working exploits",
        description=("A ransomware crew used the split-exploit jailbreak (an exploit request cut into innocuous "
                     "code-review turns) to have Linnet-1 write working exploits for a VPN appliance; two "
                     "hospital networks were breached before Acme's abuse team banned the 12 accounts"),
        severity="high", domain="cyber", reports=["acme-abuse-ticket-9120"], attack="split-exploit",
        classes=[BREACH, SB53])
    fields.update(kw)
    return incident_from_fields(**fields)


def _file(tmp: Path, db: str, index: int, cls: str) -> None:
    """The report recorded as filed by Northbridge Security (outside Acme), by the `incident filed` CLI."""
    from tests.monitor.test_cli import _cg

    shutil.copy(RING, tmp / "keyring.yaml")
    key = tmp / "priya-natarajan.key"
    shutil.copy(KEYS / "priya-natarajan.key", key)
    key.chmod(0o600)
    _cg(tmp, db, "incident", "filed", str(index), "--case", CASE, "--class", cls, "--key", str(key), "--role", "external-evaluator", "--reference", f"ref-{cls}")


def _story(reg: Any, d: Path, db: str, incident: Any = None, filed: tuple[str, ...] = (BREACH, HARM, SB53),
           after: Any = None) -> int:
    """Version 1.0 approved; the incident (`incident`, default the honest record) logged and the case
    reopened; the reports in `filed` recorded as filed on 2026-11-12; `after(reg, index)` run then.
    The incident's log index."""
    from tests.verify.trusted import log_clock

    from casegate.load import load_case
    from casegate.monitor import decide, report_incident, run_triggers, submit_for_review

    with log_clock(APPROVED):
        submit_hashed(reg, load_case(d / "linnet-1.0" / "case.yaml"))
        submit_for_review(reg, CASE, by="Sam Whitfield")
        rec = _gate(d / "linnet-1.0" / "case.yaml", reg, APPROVED.date())
        assert rec.outcome == "GO WITH CONDITIONS", blocking(rec)
        decide(reg, rec)
    with log_clock(LOGGED):
        entry = report_incident(reg, incident if incident is not None else _incident())
        (run,) = [r for r in run_triggers(reg, at=LOGGED + dt.timedelta(minutes=5)) if r.case_id == CASE]
    assert "T-cyber-incident" in [f.trigger for f, _ in run.fired], run.to_json()
    index = int(entry.index)
    with log_clock(FILED):
        if after is not None:
            after(reg, index)
        for cls in filed:
            _file(d.parent, db, index, cls)
    return index


def _relaunch(tmp: Path, database_url: str, change: Any = None, **story: Any) -> DecisionRecord:
    """The relaunch (changed by `change`, given the copied fixture folder) gated on 2026-11-30 against
    the registry holding Linnet-1's approval, the incident, the reopening and the filings."""
    from casegate.store import open_registry

    d = copy_fixture(LINNET, tmp)
    if change is not None:
        change(d)
    with open_registry(database_url) as reg:
        index = _story(reg, d, database_url, **story)
        assert f"incident-{index}" == load_gen(LINNET).INCIDENT
        return _gate(d / "linnet-1.1" / "case.yaml", reg)


def _held(d: Path) -> None:
    load_gen(d).held(d / "linnet-1.1")


def _found(r: DecisionRecord) -> list[str]:
    return [f"{f.code}: {f.message}" for f in r.findings if f.severity != "advisory"]


def test_the_relaunch_is_honestly_no_go(tmp_path: Path, database_url: str) -> None:
    r = _relaunch(tmp_path, database_url)
    assert r.outcome == "NO-GO" and blocking(r) == ["CG406"], _found(r)
    (msg,) = messages(r, "CG406")
    assert msg.startswith("`E-cyber-redteam` shows 45 bypasses of `SG-cyber-classifier` in 600 attempts")


def test_the_relaunch_with_classifiers_that_hold_is_go_with_conditions(tmp_path: Path, database_url: str) -> None:
    """6 of the 600 through (upper bound 0.022): the incident is answered (CG708, CG432) and every report
    it owes was filed in time."""
    r = _relaunch(tmp_path, database_url, _held)
    assert r.outcome == "GO WITH CONDITIONS" and blocking(r) == [], _found(r)
    assert sorted(c.cause for c in r.conditions) == ["CG1001", "CG1001", "CG1001", "CG305", "CG305", "CG420"]


# ------------------------------------------------------------------ the reports left unfiled past their deadlines


def test_a_relaunch_whose_regime_reports_are_overdue_is_no_go(tmp_path: Path, database_url: str) -> None:
    """The lab's move: the relaunch, with classifiers that hold, gated while none of the incident's
    reports is filed (the breach report was due 2026-11-15, the others 2026-11-25). It was GO WITH
    CONDITIONS: the gate did not read the registry's report clocks. Each report past its deadline
    is CG1003."""
    r = _relaunch(tmp_path, database_url, _held, filed=())
    assert r.outcome == "NO-GO" and blocking(r) == ["CG1003"] * 3, _found(r)
    msgs = messages(r, "CG1003")
    assert any(m.startswith("the Serious cybersecurity breach report of incident #10 (eu-gpai-cop-2025:cybersecurity-"
                            "breach) was due to") and "by 2026-11-15T00:00:00Z (5 days" in m for m in msgs), msgs
    assert any("(ca-sb53:critical-safety-incident)" in m for m in msgs) and any("(eu-gpai-cop-2025:serious-harm)" in m
                                                                              for m in msgs)


def test_a_report_not_yet_due_does_not_block(tmp_path: Path, database_url: str) -> None:
    """The breach report filed, the 15-day ones not yet: gated on 2026-11-20, nothing is overdue."""
    from casegate.store import open_registry

    d = copy_fixture(LINNET, tmp_path)
    _held(d)
    with open_registry(database_url) as reg:
        _story(reg, d, database_url, filed=(BREACH,))
        r = _gate(d / "linnet-1.1" / "case.yaml", reg, dt.date(2026, 11, 20))
        late = _gate(d / "linnet-1.1" / "case.yaml", reg, dt.date(2026, 11, 26))
    assert "CG1003" not in blocking(r), _found(r)
    assert blocking(late) == ["CG1003", "CG1003"], _found(late)


def _classify(*classes: str, not_reportable: str | None = None) -> Any:
    """The developer's classification of the incident, logged after it."""
    def run(reg: Any, index: int) -> None:
        from casegate.load import load_case
        from casegate.monitor import record_classification

        regimes = load_case(LINNET / "linnet-1.0" / "case.yaml").regimes
        record_classification(reg, CASE, index, classes=list(classes), not_reportable=not_reportable,
                              by="Dana Ortiz", regimes=regimes)
    return run


MISSED = [
    # the awareness time typed 23 hours after the log's record (the latest `incident report` takes):
    # the clock counts from the log
    pytest.param(dict(incident="known-late", filed=()), [BREACH, HARM, SB53], id="awareness-typed-late"),
    # recorded under the 15-day classes only, and those filed: the 5-day breach class its domain
    # points at stays owed
    pytest.param(dict(incident=dict(classes=[HARM, SB53]), filed=(HARM, SB53)), [BREACH], id="longer-class-only"),
    # recorded with no class, then classified not reportable: every class its fields point at is owed,
    # and the provisional reports (24 hours, 2 days) were missed before the classification
    pytest.param(dict(incident=dict(classes=None), after=_classify(not_reportable="contained by account bans within "
                                                                                 "two days, no further misuse seen"),
                      filed=()), [BREACH, HARM, SB53, "ca-sb53:unclassified", "eu-gpai-cop-2025:unclassified"],
                 id="classified-not-reportable"),
]


@pytest.mark.parametrize(("story", "owed"), MISSED)
def test_reports_moved_out_of_the_clock_are_still_owed(tmp_path: Path, database_url: str, story: dict[str, Any],
                                                       owed: list[str]) -> None:
    """The lab's moves to keep a report from being due (each was GO WITH CONDITIONS before the gate
    read the clocks; the registry already held each report owed): CG1003 for each report owed."""
    story = dict(story)  # the parameter is shared by the SQLite and PostgreSQL runs
    inc = story.pop("incident")
    inc = _incident(known="2026-11-11T17:00:00Z") if inc == "known-late" else _incident(**inc)
    r = _relaunch(tmp_path, database_url, _held, incident=inc, **story)
    assert r.outcome == "NO-GO" and blocking(r) == ["CG1003"] * len(owed), _found(r)
    assert sorted(m.split(" of incident #10 (", 1)[1].split(")", 1)[0] for m in messages(r, "CG1003")) == sorted(owed)


# ------------------------------------------------------------------ a regime cut


def _regimes_in_the_policy(d: Path) -> None:
    """Both versions name the regimes in their policy, not the case (the organisation's framework
    places every case under them)."""
    for v in ("linnet-1.0", "linnet-1.1"):
        edit(d / v / "case.yaml", "regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]\n", "")
        edit(d / v / "policy.yaml", "version: \"2.0\"\n", "version: \"2.0\"\nregimes: [builtin:eu-gpai-cop-2025, "
                                                              "builtin:ca-sb53]\n")


def test_regimes_named_by_the_policy_are_the_same(tmp_path: Path, database_url: str) -> None:
    """The regimes moved from the case to its policy: the case is under them all the same."""
    r = _relaunch(tmp_path, database_url, lambda d: (_held(d), _regimes_in_the_policy(d)))
    assert r.outcome == "GO WITH CONDITIONS" and blocking(r) == [], _found(r)
    assert [c.cause for c in r.conditions].count("CG1001") == 3


def test_a_regime_cut_from_the_policy_is_no_go(tmp_path: Path, database_url: str) -> None:
    """The lab's move: version 1.0 was under both regimes by its policy's `regimes:`; the relaunch's
    policy names the Code of Practice only. It was GO WITH CONDITIONS, the transparency report's gap
    gone with SB 53: CG1005 compared the previous case's `regimes:` only. The previous version's
    policy is read too."""
    def cut(d: Path) -> None:
        _held(d)
        _regimes_in_the_policy(d)
        edit(d / "linnet-1.1" / "policy.yaml", "regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]\n",
             "regimes: [builtin:eu-gpai-cop-2025]\n")
    r = _relaunch(tmp_path, database_url, cut)
    assert r.outcome == "NO-GO" and blocking(r) == ["CG1005"], _found(r)
    (msg,) = messages(r, "CG1005")
    assert msg.startswith("the previous version was under the regime `builtin:ca-sb53`"), msg


def test_a_regime_cut_from_the_case_is_no_go(tmp_path: Path, database_url: str) -> None:
    """Already caught: SB 53 cut from the relaunch's `regimes:` (CG1005)."""
    r = _relaunch(tmp_path, database_url, lambda d: (_held(d), edit(
        d / "linnet-1.1" / "case.yaml", "regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]\n",
        "regimes: [builtin:eu-gpai-cop-2025]\n")))
    assert r.outcome == "NO-GO" and blocking(r) == ["CG1005"], _found(r)


# ------------------------------------------------------------------ the Model Report's words


def test_a_description_denying_the_incident_is_no_go(tmp_path: Path, database_url: str) -> None:
    """The lab's move: the relaunch's description (the Model Report's and the transparency report's
    first fact) says `Linnet-1 has had no serious incidents since launch` while the registry holds
    incident-10. It was GO WITH CONDITIONS, the denial filed beside the registry's own list. Words
    saying the model had no incidents, with an incident recorded against it, are CG438."""
    r = _relaunch(tmp_path, database_url, lambda d: (_held(d), edit(
        d / "linnet-1.1" / "case.yaml", "served through the Acme API.\n",
        "served through the Acme API. Linnet-1 has had no serious incidents since launch.\n")))
    assert r.outcome == "NO-GO" and blocking(r) == ["CG438"], _found(r)
    (msg,) = messages(r, "CG438")
    assert msg.startswith('the case says "Linnet-1 has had no serious incidents since launch." while the registry '
                          "holds incident-10 (cyber, high, 2026-11-10)"), msg


def test_an_incident_answered_in_words_is_not_denied(tmp_path: Path, database_url: str) -> None:
    """Sound words about the incident (`no further incidents since the retraining`) pass."""
    r = _relaunch(tmp_path, database_url, lambda d: (_held(d), edit(
        d / "linnet-1.1" / "case.yaml", "served through the Acme API.\n",
        "served through the Acme API. No further incidents have been reported since the classifiers were "
        "retrained.\n")))
    assert r.outcome == "GO WITH CONDITIONS" and blocking(r) == [], _found(r)


def test_an_external_assessment_in_words_fills_no_section(tmp_path: Path, database_url: str) -> None:
    """Already caught: the description says Linnet-1 `passed an independent external assessment` and
    the exploit evaluation is marked `independent: true`, no outside evaluator having signed it. The
    Model Report's "External reports" and SB 53's "Third-party evaluators" stay gaps (CG1001: only
    evidence an outside evaluator's attestation verifies counts), and the item is NO-GO (CG348)."""
    def said(d: Path) -> None:
        _held(d)
        edit(d / "linnet-1.1" / "case.yaml", "served through the Acme API.\n",
             "served through the Acme API. Linnet-1 passed an independent external assessment.\n")
        edit(d / "linnet-1.1" / "evidence.yaml", "    producer: acme-frontier-evals\n    date: 2026-10-02\n",
             "    producer: acme-frontier-evals\n    date: 2026-10-02\n    independent: true\n")
    r = _relaunch(tmp_path, database_url, said)
    gaps = messages(r, "CG1001")
    assert sum("no evidence item is produced by an independent evaluator" in m for m in gaps) == 2, _found(r)
    assert r.outcome == "NO-GO" and blocking(r) == ["CG348"], _found(r)


def test_a_report_marked_filed_by_the_developer_stays_owed(tmp_path: Path, database_url: str) -> None:
    """Already held: Acme's safety lead records the three filings with her own key. `incident filed`
    refuses each (the signer must be outside the developer), and the relaunch is NO-GO (CG1003)."""
    from tests.monitor.test_cli import _cg

    def own_key(reg: Any, index: int) -> None:
        shutil.copy(RING, tmp_path / "keyring.yaml")
        key = tmp_path / "dana-ortiz.key"
        shutil.copy(KEYS / "dana-ortiz.key", key)
        key.chmod(0o600)
        for cls in (BREACH, HARM, SB53):
            ran = _cg(tmp_path, database_url, "incident", "filed", str(index), "--case", CASE, "--class", cls,
                      "--key", str(key), "--role", "safety-lead", code=None)
            assert ran.returncode == 2 and "outside the developer" in ran.stderr, ran.stderr
    r = _relaunch(tmp_path, database_url, _held, filed=(), after=own_key)
    assert r.outcome == "NO-GO" and blocking(r) == ["CG1003"] * 3, _found(r)


def test_the_same_weights_filed_as_a_new_case_still_owe_the_reports(tmp_path: Path, database_url: str) -> None:
    """The lab's move: the relaunch filed as a new case (`linnet-1r-api`, Linnet-1R) on the same weights,
    none of the reports filed. The reports follow the weights: CG1003 for each, filed under
    `linnet-1-api` (and the runs the registry holds as Linnet-1's, CG351)."""
    def renamed(d: Path) -> None:
        _held(d)
        edit(d / "linnet-1.1" / "case.yaml", "id: linnet-1-api\n", "id: linnet-1r-api\n")
        edit(d / "linnet-1.1" / "case.yaml", "  name: Linnet-1\n", "  name: Linnet-1R\n")
    r = _relaunch(tmp_path, database_url, renamed, filed=())
    assert r.outcome == "NO-GO" and blocking(r).count("CG1003") == 3, _found(r)
    assert all(", filed under case linnet-1-api about the same model," in m for m in messages(r, "CG1003"))


def test_a_case_dated_before_the_deadlines_still_owes_the_reports(tmp_path: Path, database_url: str) -> None:
    """The lab's move: the relaunch, classifiers that hold and none of the reports filed, its `date:`
    set to 2026-11-14 (before every deadline; its red team's date and sign-offs with it) and gated
    with no `--at`. It was GO WITH CONDITIONS:
    the gate read the registry's report clocks as of the case's own date. They are read as of the
    registry's clock (and never before its last entry): CG1003."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.monitor import comparison_for
    from casegate.sign import load_keyring
    from casegate.store import open_registry
    from casegate.verify import gate_inputs

    d = copy_fixture(LINNET, tmp_path)
    g = load_gen(d)
    g.pin(d / "linnet-1.1", "E-cyber-redteam", g.cyber_redteam(d / "linnet-1.1", g.HELD, created="2026-11-13T09:00:00Z"))
    edit(d / "linnet-1.1" / "case.yaml", "date: 2026-11-28\n", "date: 2026-11-14\n")
    edit(d / "linnet-1.1" / "case.yaml", "date: 2026-11-29,", "date: 2026-11-14,", count=2)
    edit(d / "linnet-1.1" / "evidence.yaml", "date: 2026-11-24\n", "date: 2026-11-13\n")
    with open_registry(database_url) as reg:
        _story(reg, d, database_url, filed=())
        ring = load_keyring(RING)
        loaded = gate_inputs(load_case(d / "linnet-1.1" / "case.yaml"), ring, dt.date.today(), preview=True).loaded
        r = run_gate(loaded, comparison=comparison_for(reg, loaded, keyring=ring))
    assert r.outcome == "NO-GO" and blocking(r) == ["CG1003"] * 3, _found(r)
    assert any("by 2026-11-15T00:00:00Z (5 days" in m for m in messages(r, "CG1003"))


def test_an_at_before_the_registry_last_entry_still_owes_the_reports(tmp_path: Path, database_url: str) -> None:
    """The breach report filed, the 15-day ones not: `--at 2026-11-23` (before their deadline) on a
    registry whose last entry was logged on 2026-11-30 (the relaunch submitted), after it: they stay owed (CG1003). An `--at`
    reproduces a past decision, not the registry's clocks before what it has logged since."""
    from tests.verify.trusted import log_clock

    from casegate.load import load_case
    from casegate.store import open_registry

    d = copy_fixture(LINNET, tmp_path)
    _held(d)
    with open_registry(database_url) as reg:
        _story(reg, d, database_url, filed=(BREACH,))
        with log_clock(dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)):  # the relaunch submitted
            submit_hashed(reg, load_case(d / "linnet-1.1" / "case.yaml"))
        r = _gate(d / "linnet-1.1" / "case.yaml", reg, dt.date(2026, 11, 23))
    assert r.outcome == "NO-GO" and blocking(r) == ["CG1003", "CG1003"], _found(r)
