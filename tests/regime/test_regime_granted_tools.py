"""The tools a boundary grants, as the regime documents and the incident answers report them: the
tools the gate weighs (`checks._derived.granted_tools`: the list, then those the boundary's own
words grant by the tool's name), not the list alone. Quill-1's description gives the agent
outbound network access through an egress proxy (`tests/fixtures/rt_blind/quill`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.checks import Context, make_context, read_fact
from casegate.load import load_case
from casegate.model import IncidentDefeat

ROOT = Path(__file__).resolve().parents[2]
QUILL = ROOT / "tests" / "fixtures" / "rt_blind" / "quill" / "case.yaml"
OFFLINE = "The Quill desktop app; the agent runs commands in a per-session sandbox with no network access."


def _quill(tools: list[str], description: str | None = None) -> Context:
    """Quill-1 with `boundary.tools` set to `tools` (and its description to `description`)."""
    ctx = make_context(load_case(QUILL), today=dt.date(2026, 11, 25))
    assert ctx is not None and ctx.case.boundary is not None
    b = ctx.case.boundary.model_copy(update={"tools": tools, **({"description": description} if description else {})})
    return Context(case=ctx.case.model_copy(update={"boundary": b}), policy=ctx.policy, today=ctx.today,
                   boundary=ctx.boundary, regimes=ctx.regimes)


def _tools_line(ctx: Context) -> list[str]:
    got = read_fact("boundary", ctx)
    assert got.status == "filled"
    return [it.text for it in got.items if it.text.startswith("tools:")]


def test_the_regime_report_lists_the_network_the_words_grant() -> None:
    """The lab's move: `network` dropped from `boundary.tools`, the description still giving the
    agent outbound network access. The gate weighs the network (CG301); the report listed the
    shell alone."""
    assert _tools_line(_quill(["shell"])) == [
        "tools: shell, network (network granted by the boundary's words, not on its list)"]


@pytest.mark.parametrize(("tools", "description", "line"), [
    (["shell", "network"], None, ["tools: shell, network"]),
    (["shell"], OFFLINE, ["tools: shell"]),
    ([], OFFLINE, []),
])
def test_the_list_alone_where_the_words_grant_nothing_more(tools: list[str], description: str | None,
                                                           line: list[str]) -> None:
    assert _tools_line(_quill(tools, description)) == line


def _defeat(tools: list[str]) -> IncidentDefeat:
    from casegate.model import BoundaryKind

    return IncidentDefeat(id="incident-7", date=dt.date(2026, 11, 20), domain="cyber", severity="serious",
                          version="version 1.0 (#1)", boundary_rank=BoundaryKind.consumer.rank, tools=tools)


def test_an_incident_answer_does_not_call_the_network_the_words_grant_dropped() -> None:
    """The lab's move: the incident answered by `boundary: true`, `network` dropped from the list
    while the description still grants it. The answer said the boundary was "without network",
    which the gate does not weigh it to be."""
    from casegate.checks.families.history import _not_narrower

    said = _not_narrower(_quill(["shell"]), _defeat(["shell", "network"]))
    assert said == "the boundary is not narrower than in version 1.0 (#1)"
    # the description denying the network too: the boundary is without it
    said = _not_narrower(_quill(["shell"], OFFLINE), _defeat(["shell", "network"]))
    assert said.startswith("the boundary is the same kind as in version 1.0 (#1), without network; ")


def test_the_changes_since_the_last_version_count_the_network_the_words_now_grant() -> None:
    """The lab's move: the next version keeps `boundary.tools` as it was (the shell) and gives the
    agent the network in its description alone. The material changes listed nothing of the
    boundary; they read the tools the gate weighs now, each version under its own policy."""
    from casegate.regime import changes_between

    old, new = _quill(["shell"], OFFLINE), _quill(["shell"])
    changed = "the boundary's tools or scope changed"
    assert changed in changes_between(old.case, new.case, old_policy=old.policy, new_policy=new.policy)
    assert changed not in changes_between(old.case, old.case, old_policy=old.policy, new_policy=old.policy)
    # a tool moved from the words to the list is a change of the list
    listed = _quill(["shell", "network"])
    assert changed in changes_between(new.case, listed.case, old_policy=new.policy, new_policy=listed.policy)
