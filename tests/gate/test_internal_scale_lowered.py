"""An internal scale lowered under the same tools. The instance count and autonomy of an internal
deployment are the case's word; what the tools it grants reach is the policy's (CG107).

The lab's move: Forge-1 (`tests/fixtures/gate/forge-internal`) ran as 1,200 autonomous instances,
an internal deployment (its tools, in this policy, reach no further than reading the training
code). The next version keeps the shell and the push access and records 90 instances, each action
approved by a person, as `internal-research` (or `training`): within internal research and not
wide, so neither the internal-deployment kind (its sign-offs) nor the monitoring and access-control
safeguards of a wide deployment were asked for, and it was GO WITH CONDITIONS. Nothing but the
case's words shows the deployment shrank. Now a scale lower than the version compared with
recorded, under tools that reach no less, is read as that version's: every version compared with
(a decoy submitted since the last approval does not reset it).

The next move: the same lowered scale, one granted tool dropped. Dropping any tool (a strict subset)
released the hold, though the tool dropped reached nothing the others do not (`git` beside a shell
that reaches as far; a tool reaching nothing): GO WITH CONDITIONS. Now the hold is released only
when what the tools reach inside the organisation (the policy's `tools.<name>.reaches`) shrinks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.gate.test_same_weights_split import FORGE, SCALE, SHELL_SAID, TODAY

from casegate.gate import Compared, Comparison, run_gate
from casegate.load import Loaded, load_case
from casegate.model import Baseline, DecisionRecord
from casegate.verify import gate_inputs

READ = (("    reaches: {training_code: write, weights: read}\n", "    reaches: {training_code: read, weights: read}\n"),
        ("    reaches: {training_code: write, weights: none}\n", "    reaches: {training_code: read, weights: none}\n"))
WAS = "  internal: {instances: 1200, training_code: read, weights: read, autonomy: autonomous}\n"
NOW = "  internal: {instances: 90, training_code: read, weights: read, autonomy: human-in-the-loop}\n"


MORE_TOOLS = ("  git:\n", "  notes:\n    description: read-only search of the team's design notes\n"
                         "    reaches: {training_code: none, weights: none}\n"
                         "  git-push:\n    description: the push access of `git`, under another name\n    elicited_by: [git]\n"
                         "    reaches: {training_code: read, weights: none}\n  git:\n")
"""Two more tools in the policy: one that reaches nothing, and a renamed twin of `git`."""


NOTES = "  notes:\n    description: read-only search of the team's design notes\n" \
        "    reaches: {training_code: none, weights: none}\n"


def _version(tmp: Path, name: str, *, kind: str, scale: str, tools: str = "[shell, git]",
             unlisted: bool = False) -> Path:
    """Forge-1 at `kind` and `scale`, granting `tools`; `unlisted`: its policy no longer lists `notes`."""
    d = tmp / name
    shutil.copytree(FORGE, d)
    p = d / "case.yaml"
    text = p.read_text()
    for old in ("  kind: internal-deployment\n", SCALE, "  tools: [shell, git]\n"):
        assert text.count(old) == 1, old
    p.write_text(text.replace("  kind: internal-deployment\n", f"  kind: {kind}\n")
                 .replace("  tools: [shell, git]\n", f"  tools: {tools}\n").replace(SCALE, scale))
    pol = (d / "policy.yaml").read_text()
    for old, new in READ:
        assert pol.count(old) == 1, old
        pol = pol.replace(old, new)
    assert pol.count(MORE_TOOLS[0]) == 1
    pol = pol.replace(*MORE_TOOLS)
    assert pol.count(NOTES) == 1
    (d / "policy.yaml").write_text(pol.replace(NOTES, "") if unlisted else pol)
    return p


def _loaded(p: Path) -> Loaded:
    loaded = gate_inputs(load_case(p), None, TODAY, preview=True).loaded
    assert loaded.case is not None
    return loaded


def _gate(p: Path, *earlier: tuple[str, Path]) -> DecisionRecord:
    """The gate on the version at `p`, compared with each (label, path) of `earlier`, in order."""
    versions = []
    for label, e in earlier:
        old = load_case(e)
        assert old.case is not None
        versions.append(Compared(Baseline(role="previous" if not versions else "approved", label=label),
                                 old.case, old.policy))
    return run_gate(_loaded(p), today=TODAY, comparison=Comparison(versions=versions), try_narrower=False)


def _blocking(r: DecisionRecord) -> list[str]:
    return [f"{f.code}: {f.message}" for f in r.findings if f.blocking]


@pytest.mark.parametrize("kind", ["internal-research", "training"])
def test_a_scale_lowered_under_the_same_tools_is_held_to_the_earlier_one(tmp_path: Path, kind: str) -> None:
    v1 = _version(tmp_path, "v1", kind="internal-deployment", scale=WAS)
    v2 = _version(tmp_path, "v2", kind=kind, scale=NOW)
    alone = run_gate(_loaded(v2), today=TODAY, try_narrower=False)
    assert alone.outcome == "GO WITH CONDITIONS", _blocking(alone)  # what the case's words alone support
    r = _gate(v2, ("version 1.0 (#1), the last approved", v1))
    assert r.outcome == "NO-GO"
    held = ("version 1.0 (#1), the last approved recorded 1200 instances, not 90; autonomy `autonomous`, not "
            "`human-in-the-loop`, and the tools this version grants reach no less: training_code `read`, weights "
            "`read`, as the policy states them")
    got = [m for m in _blocking(r) if m.startswith("CG107")]
    assert (f"CG107: {'an' if kind == 'internal-research' else 'a'} `{kind}` boundary with 1200 instances (the "
            f"policy allows 100 for internal research); instances act autonomously ({held}) is an internal "
            f"deployment") in got, got
    assert any("but the case has no access-control safeguard" in m for m in got), got


def test_a_decoy_version_submitted_since_does_not_reset_the_scale(tmp_path: Path) -> None:
    """The lab submits the lowered scale first as an internal deployment (a decoy, never approved),
    then relabels it: the decoy is the previous version, the approved one is compared with too."""
    v1 = _version(tmp_path, "v1", kind="internal-deployment", scale=WAS)
    decoy = _version(tmp_path, "decoy", kind="internal-deployment", scale=NOW)
    v3 = _version(tmp_path, "v3", kind="internal-research", scale=NOW)
    r = _gate(v3, ("version 1.1 (#2)", decoy), ("version 1.0 (#1), the last approved", v1))
    assert r.outcome == "NO-GO"
    assert any(m.startswith("CG107: an `internal-research` boundary with 1200 instances") and
               "version 1.0 (#1), the last approved recorded 1200 instances, not 90" in m for m in _blocking(r)), \
        _blocking(r)


@pytest.mark.parametrize(("was", "now"), [
    ("[shell, git]", "[shell]"),               # `git` dropped: the shell reaches as far
    ("[shell, git, notes]", "[shell, git]"),   # a tool that reaches nothing dropped
    ("[shell, git]", "[shell, git-push]"),     # `git` renamed
])
def test_a_tool_dropped_that_reaches_no_further_does_not_lower_the_scale(tmp_path: Path, was: str, now: str) -> None:
    v1 = _version(tmp_path, "v1", kind="internal-deployment", scale=WAS, tools=was)
    v2 = _version(tmp_path, "v2", kind="internal-research", scale=NOW, tools=now)
    _held(v1, v2)


def test_a_tool_dropped_with_its_policy_entry_does_not_lower_the_scale(tmp_path: Path) -> None:
    """`notes` (reaching nothing) dropped from the case and its entry from the policy together: in
    the new policy, the version compared with granted a tool it does not list (reaching write), so
    against it alone the tools would seem to reach less. What they reached is also read as that
    version's policy said."""
    v1 = _version(tmp_path, "v1", kind="internal-deployment", scale=WAS, tools="[shell, git, notes]")
    v2 = _version(tmp_path, "v2", kind="internal-research", scale=NOW, unlisted=True)
    _held(v1, v2)


def _held(v1: Path, v2: Path) -> None:
    alone = run_gate(_loaded(v2), today=TODAY, try_narrower=False)
    assert alone.outcome == "GO WITH CONDITIONS", _blocking(alone)
    r = _gate(v2, ("version 1.0 (#1), the last approved", v1))
    assert r.outcome == "NO-GO"
    assert any(m.startswith("CG107: an `internal-research` boundary with 1200 instances") and
               "version 1.0 (#1), the last approved recorded 1200 instances, not 90; autonomy `autonomous`, not "
               "`human-in-the-loop`, and the tools this version grants reach no less: training_code `read`, "
               "weights `read`" in m for m in _blocking(r)), _blocking(r)


@pytest.mark.parametrize("how", ["narrower-reach", "same-scale"])
def test_a_scale_the_tools_show_narrowed_or_never_lowered_passes(tmp_path: Path, how: str) -> None:
    """Controls: the same lowered scale granting only `git` (the shell dropped: the tools no longer
    reach the weights); and a version that records what the one compared with recorded."""
    v1 = _version(tmp_path, "v1", kind="internal-research" if how == "same-scale" else "internal-deployment",
                  scale=NOW if how == "same-scale" else WAS)
    v2 = _version(tmp_path, "v2", kind="internal-research", scale=NOW,
                  tools="[git]" if how == "narrower-reach" else "[shell, git]")
    if how == "narrower-reach":  # and described so: words giving the agents a shell grant it
        v2.write_text(v2.read_text().replace(SHELL_SAID, "with push access and no shell"))
    r = _gate(v2, ("version 1.0 (#1), the last approved", v1))
    assert r.outcome == "GO WITH CONDITIONS", _blocking(r)



def test_the_shell_dropped_from_the_list_but_granted_in_words_does_not_lower_the_scale(tmp_path: Path) -> None:
    """The lab's move: the same lowered scale, the shell dropped from `boundary.tools` alone while
    the description still runs the agents on the research cluster "with a shell". Read from the
    list, the tools reached less (no weights), which released the hold: GO WITH CONDITIONS. The
    shell the words grant is granted (`granted_tools`), and the tools reach no less."""
    v1 = _version(tmp_path, "v1", kind="internal-deployment", scale=WAS)
    v2 = _version(tmp_path, "v2", kind="internal-research", scale=NOW, tools="[git]")
    assert v2.read_text().count(SHELL_SAID) == 1
    r = _gate(v2, ("version 1.0 (#1), the last approved", v1))
    assert r.outcome == "NO-GO"
    assert any(m.startswith("CG107: an `internal-research` boundary with 1200 instances") and
               "version 1.0 (#1), the last approved recorded 1200 instances, not 90" in m for m in _blocking(r)), \
        _blocking(r)
