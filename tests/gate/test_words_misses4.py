"""The audit's fourth misses through the whole gate: each sentence or title is a lab's move the words
readings let through before (GO WITH CONDITIONS) and name now. The public using the lab's own
product in a clause of its own, after a comma or with no developer building named, is a `consumer`
boundary (CG105); a review held to days or hours written before it (`Monday to Friday, a technician
reviews each protocol`, `On weekdays, ...`) is limited in time (CG428)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.gate.blind_helpers import blocking, copy_fixture, edit, preview
from tests.gate.test_blind_egret import BACK
from tests.gate.test_trusted_access_anyone import _cg105
from tests.gate.test_words_misses3 import SAID, TITLE, _gate, _reviewed

__all__ = ["_reviewed"]  # the fixture, shared with the third misses


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration
    monkeypatch.setenv("INSPECT_LOG_LEVEL", "error")


@pytest.mark.parametrize("sentence", [
    "Partners build agents, while anyone can talk to our own assistant.",
    "Anyone can also chat with Atlas directly on our website.",
    "Developers build apps; our own app is open to everyone.",
])
def test_the_public_using_our_own_product_in_a_clause_of_its_own_is_consumer(tmp_path: Path, sentence: str) -> None:
    """The lab's move: atlas-api (`api`) adding that anyone talks to its own assistant after a comma,
    chats with the model directly on its website, or that its own app is open to everyone. Before: GO
    WITH CONDITIONS (the clause after the comma read alone, `our own assistant` and `open to everyone`
    no consumer words). Now Acme's own product reaching the public makes it a `consumer` boundary
    (CG105)."""
    record = _gate(tmp_path, SAID, f"{SAID.rstrip()} {sentence}\n")
    assert _cg105(record)
    assert record.outcome == "NO-GO"


@pytest.mark.parametrize("sentence", [
    "Partners build agents, while anyone can talk to the partners' assistants.",
    "Our documentation is open to everyone.",
])
def test_the_public_using_partners_products_or_reading_docs_is_api_access(tmp_path: Path, sentence: str) -> None:
    record = _gate(tmp_path, SAID, f"{SAID.rstrip()} {sentence}\n")
    assert _cg105(record) == []
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


@pytest.mark.parametrize("words", [
    "Monday to Friday, a technician reviews each protocol.",
    "Between 9am and 5pm UTC a technician approves each protocol.",
    "On weekdays, a technician checks each protocol before the robots run it.",
    "Mon-Fri 9am to 5pm, a technician reviews each protocol.",
])
def test_a_review_held_to_days_or_hours_written_before_it_is_no_go(_reviewed: Path, tmp_path: Path,
                                                                   words: str) -> None:
    """Egret with a technician's review of every protocol. The lab's move: the words open with the days
    or hours and name the review after them. Before: GO WITH CONDITIONS (only a limit after the review
    was read). Now the runs outside them go unreviewed (CG428)."""
    d = copy_fixture(_reviewed, tmp_path)
    edit(d / "case.yaml", BACK, f"results come back to the workspace. {words}")
    record = preview(d, "2026-12-08")
    assert record.outcome == "NO-GO" and blocking(record) == ["CG428"]


@pytest.mark.parametrize("title", [
    "Between 9am and 5pm UTC a reviewer approves each action",
    "On weekdays, a moderator checks each post before it is published",
    "Monday to Friday, an analyst reviews each protocol before the robots run it",
])
def test_a_title_holding_its_review_to_days_or_hours_before_it_is_no_go(_reviewed: Path, tmp_path: Path,
                                                                        title: str) -> None:
    """The lab's move: the technician's review titled with its hours or days first. Before: GO WITH
    CONDITIONS. Now the runs outside them go unreviewed (CG428)."""
    d = copy_fixture(_reviewed, tmp_path)
    edit(d / "case.yaml", TITLE, title)
    record = preview(d, "2026-12-08")
    assert record.outcome == "NO-GO" and blocking(record) == ["CG428"]


@pytest.mark.parametrize("words", [
    "Monday to Friday, a technician reviews each protocol, with weekend cover by the on-call technician.",
    "On weekdays, deliveries leave at 9am; a technician reviews each protocol.",
])
def test_days_of_something_else_or_covered_leave_the_review_whole(_reviewed: Path, tmp_path: Path,
                                                                   words: str) -> None:
    d = copy_fixture(_reviewed, tmp_path)
    edit(d / "case.yaml", BACK, f"results come back to the workspace. {words}")
    record = preview(d, "2026-12-08")
    assert record.outcome == "GO WITH CONDITIONS" and blocking(record) == []


# ------------------------------------------------------------------ further phrasings of the same moves


@pytest.fixture(scope="module")
def _kite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Kite's red team rerun with the confirmation forced on (8 of 400 through), as `test_blind_kite`'s."""
    from tests.gate.test_blind_kite import KITE, _rerun

    d = copy_fixture(KITE, tmp_path_factory.mktemp("kite"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INSPECT_LOG_LEVEL", "error")
        _rerun(d)
    return d


@pytest.mark.parametrize("words", [
    "Payments under $50 go through automatically.",
    "Users can let the agent pay without checking with them.",
    "Approval is not needed for purchases under $50.",
    "Confirmation is only required for purchases over $50.",
])
def test_a_confirmation_left_out_in_other_words_is_no_go(_kite: Path, tmp_path: Path, words: str) -> None:
    """Kite with the red team rerun under the confirmation (8 of 400 through). The lab's move: the
    app's words let small payments through unconfirmed, or the agent pay without checking with the
    user. Before: GO WITH CONDITIONS (`go through automatically`, `without checking`, `not needed for
    ... under`, `only required for ... over` not read). Now the confirmation blocks nothing for those
    payments (CG428)."""
    from tests.gate.test_blind_kite import ASKED, SIGNS_AND_PAYS, _edit, _preview

    d = copy_fixture(_kite, tmp_path)
    _edit(d / "case.yaml", ASKED, f"{SIGNS_AND_PAYS}. Each payment needs the user's confirmation. {words}")
    record = _preview(d)
    assert record.outcome == "NO-GO" and blocking(record) == ["CG428"]


@pytest.mark.parametrize(("old", "new", "sids"), [
    ("floor", " Enterprise traffic is not screened by the CBRN and cyber offense classifiers.",
     {"SG-cbrn-classifier", "SG-cyber-classifier"}),
    ("floor", " The CBRN and cyber offense filters are off by default for enterprise accounts.",
     {"SG-cbrn-classifier", "SG-cyber-classifier"}),
    ("floor", " Developers may skip the CBRN and cyber offense classifiers for batch jobs.",
     {"SG-cbrn-classifier", "SG-cyber-classifier"}),
    ("floor", " Enterprise accounts get a model without refusals.", {"SG-refusal"}),
    ("zdr", "their traffic is not monitored.", {"SG-monitoring"}),
])
def test_a_layer_turned_off_in_other_words_is_no_go(tmp_path: Path, old: str, new: str, sids: set[str]) -> None:
    """Siskin with the classifiers' rerun (6 of 600). The lab's move: the words say enterprise
    traffic goes unscreened or unmonitored, the CBRN and cyber filters are off by default or may be
    skipped, or a model without refusals is offered. Before: GO WITH CONDITIONS. Now the layer blocks
    nothing for those users (CG437)."""
    from tests.gate.blind_helpers import messages
    from tests.gate.test_blind_siskin import FLOOR, ZDR, _held

    d = _held(tmp_path)
    if old == "floor":
        edit(d / "case.yaml", FLOOR, FLOOR + new)
    else:
        edit(d / "case.yaml", ZDR, new)
    record = preview(d, "2026-12-08")
    assert record.outcome == "NO-GO" and set(blocking(record)) == {"CG437"}
    assert {m.split("`")[1] for m in messages(record, "CG437")} == sids


@pytest.mark.parametrize("sentence", ["Atlas-2 understands virtually every human language.",
                                      "No language restrictions apply."])
def test_languages_without_bound_in_other_words_are_no_go(tmp_path: Path, sentence: str) -> None:
    """Atlas-api (five languages listed, its logs recording none). The lab's move: the boundary adds
    that Atlas-2 understands virtually every human language, or that no language restrictions apply.
    Before: GO WITH CONDITIONS (`virtually` between the verb and `every`, `no language restrictions`
    not read). Now the release is in languages its red team did not cover (CG435)."""
    record = _gate(tmp_path, SAID, f"{SAID.rstrip()} {sentence}\n")
    assert [f for f in record.findings if f.code == "CG435" and f.blocking]
    assert record.outcome == "NO-GO"


@pytest.mark.parametrize("sentence", [
    "Not a single serious incident has been reported since launch.",
    "We are not aware of any incidents since launch.",
    "Linnet-1 has operated without incident since launch.",
    "Linnet-1 has yet to record a serious incident.",
    "No serious incidents to date.",
])
def test_incidents_denied_in_other_words_are_no_go(tmp_path: Path, database_url: str, sentence: str) -> None:
    """Linnet's relaunch, the registry holding incident-10. The lab's move: the description denies
    incidents in other words (`not a single`, `not aware of any`, `without incident`, `yet to record`,
    `to date`). Before: GO WITH CONDITIONS. Now words denying incidents beside a recorded one are
    CG438."""
    from tests.gate.test_blind_linnet import _found, _held, _relaunch

    r = _relaunch(tmp_path, database_url, lambda d: (_held(d), edit(
        d / "linnet-1.1" / "case.yaml", "served through the Acme API.\n", f"served through the Acme API. {sentence}\n")))
    assert r.outcome == "NO-GO" and blocking(r) == ["CG438"], _found(r)
