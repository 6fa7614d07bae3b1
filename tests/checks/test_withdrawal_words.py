"""The reading of a safeguard's title as a withdrawal of the model (`withdraws_model`, CG442): what it
reads, what it leaves, its first test (every match holds a trigger word) and its time on long text."""

from __future__ import annotations

import time

import pytest

from casegate.checks import _derived as d
from casegate.checks._derived import withdraws_model
from casegate.model import Safeguard


def _sg(title: str) -> Safeguard:
    return Safeguard.model_validate({"layer": "incident-response", "title": title, "blocks": ["p.s"]})


READ = [
    "Rollback, the model withdrawn from the API and the app within one hour of the order",
    "Roll-back of the deployment to the previous checkpoint",
    "Kill switch on Sanderling-1 serving",
    "The model taken offline within 60 minutes of a severe incident",
    "Serving switched off by the on-call within the hour",
    "Withdrawal of Sanderling-1 from every surface on a universal jailbreak",
    "The on-call shuts the endpoint down on a severe flag",
    "Takes the API offline on a universal jailbreak",
    "Emergency rollback",
]
LEFT = [
    "Abusive accounts' API keys withdrawn within one hour of a severe flag",
    "Withdraws the user's access to the model on a second severe flag",
    "Jailbreak guides posted publicly taken down within a day",
    "Universal-jailbreak bug bounty and rapid-response team patching the classifiers within 24 hours",
    "Review of classifier flags with account bans on repeated severe flags",
    "Rate limits turned down for flagged accounts",
    "Users can turn the model's memory off in settings",
    "Switches the app's web search off for flagged accounts",
]


@pytest.mark.parametrize("title", READ)
def test_a_title_withdrawing_the_model_is_read(title: str) -> None:
    assert withdraws_model(_sg(title), "Sanderling-1") == title


@pytest.mark.parametrize("title", LEFT)
def test_a_title_withdrawing_something_else_is_not(title: str) -> None:
    assert withdraws_model(_sg(title), "Sanderling-1") is None


@pytest.mark.parametrize("title", READ + LEFT + ["TAKING the MODEL OFF", "the model taKen offline"])
def test_every_match_holds_a_trigger_word(title: str) -> None:
    for m in d._WITHDRAWS.finditer(title):
        assert d._may_say(m.group(0), d._WITHDRAW_TRIGGER), m.group(0)


@pytest.mark.parametrize("unit", ["take the the the the ", "access withdrawn ", "roll roll back ",
                                  "switch the model model model model off ", "keys taken taken taken down "])
def test_the_reading_is_quick_on_long_text(unit: str) -> None:
    sg = _sg(unit * (100_000 // len(unit)))
    start = time.perf_counter()
    withdraws_model(sg, "Sanderling-1")
    assert time.perf_counter() - start < 0.3
