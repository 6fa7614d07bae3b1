"""The audit's fourth misses through the whole gate: each sentence or title is a lab's move the words
readings let through before (GO WITH CONDITIONS) and name now. The public using the lab's own
product in a clause of its own, after a comma or with no developer building named, is a `consumer`
boundary (CG105); a review held to days or hours written before it (`Monday to Friday, a technician
reviews each protocol`, `On weekdays, ...`) is limited in time (CG428)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.gate.blind_helpers import blocking, copy_fixture, edit, preview
from tests.gate.test_blind_egret import BACK, TECHNICIAN
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
