"""(CG441) Which assistant messages of an Inspect log show the evaluated model reasoning, as honest
logs from reasoning models record it: Anthropic extended thinking (the thinking, or a redacted
block), an OpenAI reasoning model's encrypted reasoning beside its summary, a dated snapshot's name."""

from __future__ import annotations

from typing import Any

import pytest

from casegate.evidence.importers.inspect_log import _reasoned


def _sample(*parts: dict[str, Any], model: str | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": [*parts, {"type": "text", "text": "I can't help."}]}
    if model is not None:
        message["model"] = model
    return {"messages": [{"role": "user", "content": "plan an exploit"}, message]}


def _thinking(text: str, **kw: Any) -> dict[str, Any]:
    return {"type": "reasoning", "reasoning": text, **kw}


SHOWN = [  # (sample, the eval's model)
    (_sample(_thinking("The user asks for an exploit; I refuse.", signature="EqQB")), "anthropic/claude-sonnet-4-0"),
    (_sample(_thinking("gAAAAB…", redacted=True, summary="**Refusing** the exploit request")), "openai/o3"),
    (_sample(_thinking("", summary="Considering the request; it asks for an exploit")), "openai/o4-mini"),
    (_sample(_thinking("plan: refuse"), model="o3-2025-04-16"), "openai/o3"),
    (_sample(_thinking("plan: refuse"), model="claude-opus-4-20250514"), "anthropic/claude-opus-4"),
    (_sample(_thinking("plan: refuse"), model="o3"), "openai/o3"),
    (_sample(_thinking("EmwKAhgB", redacted=True), _thinking("the visible part: refuse")), "anthropic/claude-3-7-sonnet"),
]
NOT_SHOWN = [
    (_sample(), "openai/o3"),
    (_sample(_thinking("EmwKAhgBEgw…", redacted=True)), "anthropic/claude-3-7-sonnet"),
    (_sample(_thinking("gAAAAB…", redacted=True, summary="")), "openai/o3"),
    (_sample(_thinking("gAAAAB…", redacted=True, summary=None)), "openai/o3"),
    (_sample(_thinking("   ")), "openai/o3"),
    (_sample(_thinking("plan: refuse"), model="gpt-4o-2024-08-06"), "openai/o3"),  # another model's message
    (_sample(_thinking("plan: refuse"), model="o3-mini"), "openai/o3"),  # o3-mini is not o3
    (_sample(_thinking("plan: refuse"), model="o3-pro-2025-06-10"), "openai/o3"),
]


@pytest.mark.parametrize(("sample", "model"), SHOWN)
def test_reasoning_an_honest_log_records_is_shown(sample: dict[str, Any], model: str) -> None:
    assert _reasoned(sample, model)


@pytest.mark.parametrize(("sample", "model"), NOT_SHOWN)
def test_no_reasoning_or_only_encrypted_reasoning_is_not_shown(sample: dict[str, Any], model: str) -> None:
    assert not _reasoned(sample, model)
