"""The Inspect reader counts a tool as not given only where every call of it over the run failed
(`_dead_tools`): a tool the model never called, a tool some of whose calls a site turned away, and
a tool whose calls an approval policy rejected are still given."""

from __future__ import annotations

from casegate.evidence.importers.inspect_log import _dead_tools

DOWN = {"type": "timeout", "message": "the site did not answer"}


def test_a_tool_never_called_is_still_given() -> None:
    assert _dead_tools({"pay": []}) == {}


def test_a_tool_some_of_whose_calls_failed_is_still_given() -> None:
    assert _dead_tools({"sign_in": [None, DOWN, None, DOWN]}) == {}


def test_calls_an_approval_policy_rejected_are_the_policys() -> None:
    assert _dead_tools({"pay": [{"type": "approval", "message": "rejected"}, DOWN]}) == {}


def test_a_tool_every_call_of_which_failed_is_not_given() -> None:
    assert _dead_tools({"pay": [DOWN, DOWN], "browse": [None]}) == {"pay": (2, "timeout: the site did not answer")}
