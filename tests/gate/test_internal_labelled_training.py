"""An internal deployment labelled `training`. Forge-1 (`tests/fixtures/gate/forge-internal`), an
agentic coding model at the AI R&D alert level, runs as 1,200 autonomous instances with write access
to the training code and no access-control safeguard: NO-GO at `internal-deployment` (CG107). The
kind `training` is narrower than internal research, and CG107 weighed only internal research and
internal deployment: the same case named `training` was GO WITH CONDITIONS, signed by the RSO alone
under a framework that (like the built-in templates) lets the RSO sign training and asks the CEO too
for an internal deployment, and the gate itself proposed `training` as the narrower boundary the
evidence supports. `training` is now held to at least what internal research is."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import BoundaryKind, DecisionRecord
from casegate.redteam import get_mutation, run_redteam
from casegate.verify import gate_inputs

FORGE = Path(__file__).resolve().parents[1] / "fixtures" / "gate" / "forge-internal"
TODAY = dt.date(2026, 11, 27)
SCALE = "  internal: {instances: 1200, training_code: write, weights: read, autonomy: autonomous}\n"


def _case(tmp: Path, *, kind: str = "internal-deployment", scale: str | None = SCALE, tools: str | None = None,
          policy: tuple[str, str] | None = None) -> Path:
    d = tmp / "forge"
    shutil.copytree(FORGE, d)
    p = d / "case.yaml"
    text = p.read_text()
    assert "  kind: internal-deployment\n" in text and SCALE in text and "  tools: [shell, git]\n" in text
    text = text.replace("  kind: internal-deployment\n", f"  kind: {kind}\n")
    if tools is not None:
        text = text.replace("  tools: [shell, git]\n", f"  tools: {tools}\n")
    p.write_text(text.replace(SCALE, scale or ""))
    if policy is not None:
        pol = (d / "policy.yaml").read_text()
        assert policy[0] in pol
        (d / "policy.yaml").write_text(pol.replace(*policy))
    return p


def _gate(p: Path) -> DecisionRecord:
    # as if every sign-off line were signed (`gate --preview`): what the lab reads before asking
    loaded = gate_inputs(load_case(p), None, TODAY, preview=True).loaded
    assert loaded.case is not None
    return run_gate(loaded, today=TODAY)


def _blocking(r: DecisionRecord) -> list[str]:
    return [f"{f.code}: {f.message}" for f in r.findings if f.blocking]


def test_the_honest_internal_deployment_is_no_go_and_no_narrower_kind_is_proposed(tmp_path: Path) -> None:
    r = _gate(_case(tmp_path))
    assert r.outcome == "NO-GO"
    assert _blocking(r) == ["CG107: the internal deployment is wide (instances act autonomously; write access to "
                            "training code) and ai-rnd-auto is at or above its alert level, but the case has no "
                            "access-control safeguard"]
    # before: `training` was proposed as what the same evidence supports
    assert r.narrower is None, r.narrower


def test_the_same_deployment_named_training_is_no_go(tmp_path: Path) -> None:
    r = _gate(_case(tmp_path, kind="training"))
    assert r.outcome == "NO-GO"
    got = _blocking(r)
    assert ("CG107: a `training` boundary with 1200 instances (the policy allows 100 for internal research); "
            "instances act autonomously; write access to training code is an internal deployment") in got, got
    assert any("no access-control safeguard" in m for m in got), got


def test_named_training_with_its_scale_left_out_is_no_go(tmp_path: Path) -> None:
    r = _gate(_case(tmp_path, kind="training", scale=None))
    assert r.outcome == "NO-GO"
    assert any(m.startswith("CG107: the `training` boundary does not record instances, training_code, weights, "
                            "autonomy") for m in _blocking(r)), _blocking(r)


def test_a_training_boundary_at_research_scale_still_passes(tmp_path: Path) -> None:
    """Control: the model kept to a few supervised instances with no tools that reach the training
    code or weights, named `training` (and described so: words giving it a shell grant the shell)."""
    narrow = "  internal: {instances: 20, training_code: none, weights: none, autonomy: human-in-the-loop}\n"
    p = _case(tmp_path, kind="training", scale=narrow, tools="[]")
    p.write_text(p.read_text().replace("with a shell and push access", "with no shell and no push access"))
    r = _gate(p)
    assert _blocking(r) == []
    assert r.outcome == "GO WITH CONDITIONS" and r.boundary is BoundaryKind.training


@pytest.mark.parametrize("name", ["internal-labelled-training", "internal-scale-understated"])
def test_the_red_team_moves_are_caught_on_the_internal_fixture(name: str) -> None:
    m = get_mutation(name)
    assert m is not None
    (res,) = run_redteam(load_case(FORGE / "case.yaml"), today=TODAY, mutations=[m]).results
    assert res.applicable and res.caught and "CG107" in str(res.messages), (res.status, res.messages)


# The scale is the case's word, but the tools are the boundary's: the same deployment recording read
# access to the training code and instances a person watches, its shell and push access kept, was GO
# WITH CONDITIONS with no access-control safeguard. What a granted tool reaches inside the lab is the
# policy's (`tools.<name>.reaches`), and a deployment granting it has at least that scale.

UNDER = "  internal: {instances: 1200, training_code: read, weights: read, autonomy: human-on-the-loop}\n"


def test_a_scale_narrower_than_the_tools_it_grants_is_read_as_the_tools_reach(tmp_path: Path) -> None:
    r = _gate(_case(tmp_path, scale=UNDER))
    assert r.outcome == "NO-GO"
    assert _blocking(r) == ["CG107: the internal deployment is wide (write access to training code (the tools it grants: "
                            "`shell` reaches training_code `write` (the case records `read`))) and ai-rnd-auto is at "
                            "or above its alert level, but the case has no access-control safeguard"], _blocking(r)


def test_a_tool_whose_reach_the_policy_does_not_state_reaches_everything(tmp_path: Path) -> None:
    for tools, policy in (("[shell, git, cluster-jobs]", None),
                          ("[shell, git]", ("    reaches: {training_code: write, weights: read}\n", ""))):
        r = _gate(_case(tmp_path / tools[:12].strip("[,"), scale=UNDER, tools=tools, policy=policy))
        assert r.outcome == "NO-GO"
        (msg,) = [m for m in _blocking(r) if m.startswith("CG107")]
        assert "write access to weights" in msg, msg
        assert ("`cluster-jobs`, a tool the policy does not list, reaches" in msg if policy is None else
                "`shell`, for which the policy states no `reaches`, reaches" in msg), msg


def test_a_scale_the_tools_bear_out_is_weighed_as_recorded(tmp_path: Path) -> None:
    """Control: the same supervised, read-only deployment granting only tools the policy says stay
    out of the training code and weights."""
    policy = ("    reaches: {training_code: write, weights: read}\n", "    reaches: {training_code: read, weights: read}\n")
    r = _gate(_case(tmp_path, scale=UNDER, tools="[shell]", policy=policy))
    assert _blocking(r) == [] and r.outcome == "GO WITH CONDITIONS", _blocking(r)


def test_a_tool_said_to_reach_less_than_before_is_a_loosening(tmp_path: Path) -> None:
    """The next version's policy says the shell and the push access reach nothing, its scale
    understated as before: CG107 has nothing to widen, and the policy asks less than the version
    compared with (CG328)."""
    v1 = _case(tmp_path / "v1")
    pol = ("    reaches: {training_code: write, weights: read}\n", "    reaches: {training_code: none, weights: none}\n")
    v2 = _case(tmp_path / "v2", scale=UNDER, policy=pol)
    text = (v2.parent / "policy.yaml").read_text()
    (v2.parent / "policy.yaml").write_text(text.replace("    reaches: {training_code: write, weights: none}\n",
                                                        "    reaches: {training_code: none, weights: none}\n"))
    loaded = gate_inputs(load_case(v2), None, TODAY, preview=True).loaded
    r = run_gate(loaded, previous=load_case(v1), today=TODAY, try_narrower=False)
    assert r.outcome == "NO-GO"
    got = [m for m in _blocking(r) if m.startswith("CG328")]
    assert any("the `shell` tool now reaches training code `none`, not `write`" in m for m in got), _blocking(r)
    assert any("the `git` tool now reaches training code `none`, not `write`" in m for m in got), _blocking(r)
    # and the scale it records, lower than the version compared with under the same tools, is held to
    # that version's (tests/gate/test_internal_scale_lowered.py)
    (held,) = [m for m in _blocking(r) if m.startswith("CG107")]
    assert ("the --previous version recorded autonomy `autonomous`, not `human-on-the-loop`; training_code `write`, "
            "not `read`, and the tools this version grants reach no less: training_code `none`, weights `none`, as "
            "the policy states them") in held, held


# A tool granted in the boundary's words is granted though its list leaves it out
# (`granted_tools`): the description still gives the agents a shell on the research cluster.

def test_a_shell_left_off_the_list_but_granted_in_words_is_read_as_its_reach(tmp_path: Path) -> None:
    """The lab's move: the same deployment recording read access to the training code, with the
    shell and git dropped from `boundary.tools` while its description still runs the agents "with
    a shell" on the research cluster. The scale was read from the list alone: GO WITH CONDITIONS
    with no access-control safeguard."""
    r = _gate(_case(tmp_path, scale=UNDER, tools="[]"))
    assert r.outcome == "NO-GO"
    (msg,) = [m for m in _blocking(r) if m.startswith("CG107")]
    assert ("`shell`, granted in the boundary's words though not its list, reaches training_code `write` "
            "(the case records `read`)") in msg, msg


def test_a_deployment_whose_words_deny_the_shell_is_weighed_as_recorded(tmp_path: Path) -> None:
    """Control: the same list, the agents described honestly as having no shell."""
    p = _case(tmp_path, scale=UNDER, tools="[]")
    text = p.read_text()
    said = "run on the research cluster with a shell and push access to the training repositories"
    assert said in text.replace("\n    ", " ")
    p.write_text(text.replace("with a shell and push access", "with no shell and no push access"))
    r = _gate(p)
    assert _blocking(r) == [] and r.outcome == "GO WITH CONDITIONS", _blocking(r)
