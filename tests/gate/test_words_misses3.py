"""The audit's further misses through the whole gate: each sentence or title is a lab's move the
words readings let through before (GO WITH CONDITIONS) and name now. A licence of a place of
practice, a credential with `certified` alone, or one named as required is its issuer's check
(CG425); a review held to hours written `8:00 to 18:00` or `between 9am and 5pm`, or to weekdays
beside weekend support, is limited in time, and a review each answer waits on before it is shown or
published is a step (CG428); the public chatting with or downloading `our` assistant or app after
developers build is a `consumer` boundary (CG105); a licence's activation phoning home sends none of
the users' traffic (CG431)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.gate.blind_helpers import blocking, copy_fixture, edit, preview
from tests.gate.test_blind_egret import BACK, TECHNICIAN, _rerun_once
from tests.gate.test_trusted_access_anyone import ATLAS, TODAY, _case, _cg105, _keyed

from casegate.gate import run_gate
from casegate.model import DecisionRecord

SAID = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"
TITLE = "A cloud-lab technician's review of every protocol before the robots run it"


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration
    monkeypatch.setenv("INSPECT_LOG_LEVEL", "error")


@pytest.fixture(scope="module")
def _reviewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Egret's red team rerun after the classifier is fixed (8 of 400 through), cited for the
    classifier and a technician's review of every protocol (as `test_blind_egret`'s)."""
    d = _rerun_once(tmp_path_factory)
    edit(d / "case.yaml", "  SG-order-screen:\n", TECHNICIAN + "  SG-order-screen:\n")
    edit(d / "evidence.yaml", "tests: [SG-protocol-review]\n    title: Red team",
         "tests: [SG-protocol-review, SG-technician]\n    title: Red team")
    return d


def _gate(tmp_path: Path, old: str, new: str) -> DecisionRecord:
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    text = p.read_text()
    assert text.count(old) == 1
    p.write_text(text.replace(old, new))
    return run_gate(_keyed(p), today=TODAY)


@pytest.mark.parametrize("vetting", ["licensed pharmacies only", "certified users only", "accreditation required"])
def test_a_licence_or_credential_required_is_its_issuers_check(tmp_path: Path, vetting: str) -> None:
    """The lab's move: atlas-api relabelled `trusted-access`, its vetting a licence of the users'
    pharmacies, `certified` users, or an accreditation required. Before: GO WITH CONDITIONS (no
    profession named, `certified` alone, or the credential named as required, not read as held).
    Now the credential's issuer checks, and no attestation of it is signed (CG425)."""
    record = run_gate(_keyed(_case(tmp_path, vetting=vetting, users="scientists at partner laboratories")),
                      today=TODAY)
    assert [f for f in record.findings if f.code == "CG425" and "the issuer of the" in f.message]
    assert record.outcome == "NO-GO"


def test_a_pharmacys_licence_the_lab_verifies_is_the_labs_check(tmp_path: Path) -> None:
    record = run_gate(_keyed(_case(tmp_path, vetting="licensed pharmacies only; Acme verifies each pharmacy's licence",
                                   users="scientists at partner laboratories")), today=TODAY)
    assert not [f for f in record.findings if f.code == "CG425"]


@pytest.mark.parametrize("limit", ["8:00 to 18:00", "between 9am and 5pm", "from Monday to Saturday"])
def test_a_technicians_review_held_to_hours_or_days_in_its_title_is_no_go(_reviewed: Path, tmp_path: Path,
                                                                          limit: str) -> None:
    """Egret with a technician's review of every protocol. The lab's move: the title holds the review
    to `8:00 to 18:00`, `between 9am and 5pm` or `from Monday to Saturday`. Before: GO WITH CONDITIONS
    (the colon cut the hours, `between ... and` and `from` not read). Now the runs outside them go
    unreviewed (CG428)."""
    d = copy_fixture(_reviewed, tmp_path)
    edit(d / "case.yaml", TITLE, f"{TITLE}, {limit}")
    record = preview(d, "2026-12-08")
    assert record.outcome == "NO-GO" and blocking(record) == ["CG428"]


def test_weekday_review_beside_weekend_support_is_no_go(_reviewed: Path, tmp_path: Path) -> None:
    """The lab's move: `a technician reviews each protocol Monday to Friday; support is available at
    weekends`. Before: GO WITH CONDITIONS (the weekend support read as the review's cover). Now the
    support is not the review: the weekend runs go unreviewed (CG428)."""
    d = copy_fixture(_reviewed, tmp_path)
    edit(d / "case.yaml", BACK, "results come back to the workspace; a technician reviews each protocol Monday to "
                                "Friday; support is available at weekends.")
    record = preview(d, "2026-12-08")
    assert record.outcome == "NO-GO" and blocking(record) == ["CG428"]


def test_weekday_review_with_weekend_cover_is_go_with_conditions(_reviewed: Path, tmp_path: Path) -> None:
    d = copy_fixture(_reviewed, tmp_path)
    edit(d / "case.yaml", BACK, "results come back to the workspace; a technician reviews each protocol Monday to "
                                "Friday, with weekend cover by the on-call technician.")
    record = preview(d, "2026-12-08")
    assert record.outcome == "GO WITH CONDITIONS" and blocking(record) == []


@pytest.mark.parametrize("title", ["A clinician reviews each recommendation before it is shown to the patient",
                                   "A moderator reviews each post before it is published"])
def test_a_review_each_answer_waits_on_before_it_is_shown_is_a_step(_reviewed: Path, tmp_path: Path,
                                                                     title: str) -> None:
    """Egret's review typed `monitoring`, its title a person's review of each answer before it is shown
    or published, the words saying runs after 8pm are unattended. Before: GO WITH CONDITIONS (`shown`
    and `published` not read as what waits on the review). Now each answer waits on it: the
    unattended runs go without it (CG428)."""
    d = copy_fixture(_reviewed, tmp_path)
    edit(d / "case.yaml", TECHNICIAN, TECHNICIAN.replace("layer: tool-permissions", "layer: monitoring")
         .replace(TITLE, title))
    edit(d / "case.yaml", BACK, "results come back to the workspace; runs submitted after 8pm are unattended.")
    record = preview(d, "2026-12-08")
    assert record.outcome == "NO-GO" and "CG428" in blocking(record)


@pytest.mark.parametrize("sentence", ["Developers build apps and the public chats with our assistant.",
                                      "Developers build on our API and the public downloads our app."])
def test_the_public_using_our_assistant_or_app_after_developers_build_is_consumer(tmp_path: Path,
                                                                                  sentence: str) -> None:
    """Before: GO WITH CONDITIONS (`our assistant` and `our app` no consumer word). Now the public using
    Acme's own product makes it a `consumer` boundary (CG105)."""
    record = _gate(tmp_path, SAID, f"{SAID.rstrip()} {sentence}\n")
    assert [m for m in _cg105(record) if "the public" in m]
    assert record.outcome == "NO-GO"


def test_the_public_using_developers_apps_after_they_build_is_api_access(tmp_path: Path) -> None:
    record = _gate(tmp_path, SAID, f"{SAID.rstrip()} Developers build apps and the public downloads their apps.\n")
    assert _cg105(record) == []
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Licence activation phones home once.", "NO-GO"),
    ("The updater phones home weekly.", "NO-GO"),
    ("Licence activation phones home once with usage logs.", "GO WITH CONDITIONS"),
])
def test_a_licences_activation_phoning_home_sends_no_traffic(tmp_path: Path, sentence: str, outcome: str) -> None:
    """Tern with Acme's abuse monitoring for its classifiers. The lab's move: `Licence activation
    phones home once`. Before: GO WITH CONDITIONS (CG431 read `phones home` as the users' traffic
    reaching Acme). Now a licence's activation or an updater phoning home sends none: NO-GO (CG431).
    With usage logs named after it, it sends them."""
    from tests.gate.test_blind_tern import KEPT, TERN, UPDATES, _monitor_for_classifier

    d = copy_fixture(TERN, tmp_path)
    _monitor_for_classifier(d)
    edit(d / "case.yaml", KEPT, sentence + UPDATES)
    record = preview(d)
    assert record.outcome == outcome, blocking(record)
    assert blocking(record) == ([] if outcome != "NO-GO" else ["CG431"])
