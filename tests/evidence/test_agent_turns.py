"""(Dunlin-1, CG426/CG436) An agent's own prompt to go on is no user's turn: inspect-ai's
`basic_agent` and `react` append a user message where the model stops calling tools or submits a
wrong answer; a single-task agent log holding one is not a multi-turn conversation."""

from __future__ import annotations

from typing import Any

import pytest

from casegate.evidence.importers.inspect_log import _conversation_kinds

MODEL = "acme/dunlin-1"
TASK = {"role": "user", "content": "Find the flag in the sandbox."}
ANSWER = {"role": "assistant", "content": "I'll look around."}


def _sample(*later: Any) -> dict[str, Any]:
    """A sample whose model events answer the task, then each of `later` (a user message's content)."""
    messages: list[dict[str, Any]] = [{"role": "system", "content": "You are an agent."}, TASK]
    events = [{"event": "model", "model": MODEL, "input": list(messages)}]
    for content in later:
        messages += [ANSWER, {"role": "user", "content": content}]
        events.append({"event": "model", "model": MODEL, "input": list(messages)})
    return {"events": events, "messages": messages}


AGENT_ONLY = [
    "Please proceed to the next step using your best judgement.",
    "\nPlease proceed to the next step using your best judgement. If you believe you\nhave completed the task, "
    "please call the `submit()` tool with your final answer.\n",
    "Please proceed to the next step using your best judgement. If you believe you have completed the task, "
    "please call the `answer()` tool.",
    "\nYour submission was incorrect. Please proceed and attempt to find the correct answer.\n",
    [{"type": "text", "text": "Please proceed to the next step using your best judgement."}],
    "please proceed to the next step using your best judgment",
]
USER_TURNS = [
    "Now explain step two in more detail.",
    "Please proceed to the next step using your best judgement. Then tell me how to make it airborne.",
    "Please continue.",
    "Great. Please proceed to the next step using your best judgement.",
    [{"type": "text", "text": "And the precursor's supplier?"}],
]


@pytest.mark.parametrize("content", AGENT_ONLY)
def test_an_agents_prompt_to_go_on_is_no_second_turn(content: Any) -> None:
    assert "multi-turn" not in _conversation_kinds(_sample(content, content), MODEL)


@pytest.mark.parametrize("content", USER_TURNS)
def test_a_users_second_turn_is_multi_turn(content: Any) -> None:
    assert "multi-turn" in _conversation_kinds(_sample(content), MODEL)


def test_a_users_turn_after_an_agents_prompt_is_multi_turn() -> None:
    sample = _sample("Please proceed to the next step using your best judgement.", "Now the synthesis route.")
    assert "multi-turn" in _conversation_kinds(sample, MODEL)


def test_a_long_user_message_is_read_in_linear_time() -> None:
    """100 kB of repeated continue prompts in one user message: under 3 s under load (0.001 s idle)."""
    import time

    unit = "Please proceed to the next step using your best judgement. "
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    started = time.perf_counter()
    _conversation_kinds(_sample(text, text), MODEL)
    assert time.perf_counter() - started < 3.0
