"""`casegate redteam` on every example: each gaming mutation must be caught by a rule that names the
failure. Moves no rule catches on every example yet are listed in KNOWN_GAPS and run as expected
failures (not strict: each is caught on some examples and not on others)."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from casegate.checks import all_rules
from casegate.load import load_case
from casegate.model import Case, Policy, TaskRef
from casegate.redteam import (
    ATTACK_TARGETS,
    MUTATIONS,
    REGISTRY_MUTATIONS,
    MutationResult,
    RedteamReport,
    run_redteam,
)
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(str(p.parent.relative_to(ROOT / "examples")) for p in (ROOT / "examples").rglob("case.yaml")
                  if "previous" not in p.parts)

KNOWN_GAPS: dict[str, str] = {
    "solved-samples-dropped": "a casegate-results log that states no dataset size (`dataset_samples`), under a policy "
                              "naming the task without its sample digest, is the developer's statement of the whole "
                              "run on a first version (threshold-gaming); `policy gaps` names the missing digest",
    "padded-with-failed-copies": "a casegate-results log whose rows record no `input` cannot tell copies of a sample "
                                 "apart, under a policy naming the task without its sample digest (threshold-gaming)",
}
"""Mutations no rule catches yet on every example, each with what is missing. Every entry must be a
declared mutation. Some are caught on some examples (not strict)."""

ONLY_ON_LOGS_THAT_RECORD_IT: dict[str, str] = {
    "fallback-served-solved": "only an Inspect log records which model served each sample (`model_fallbacks`); the "
                              "examples' casegate-results logs and lm-eval record none, so the move is tried on the "
                              "Inspect fixture (`test_samples_a_fallback_model_served_are_neutralised`)",
    "system-message-run": "only an Inspect log records a system message the run gave beside its task's solver; the "
                          "examples' casegate-results logs record no prompt, so the move is tried on the Inspect "
                          "fixture (`test_a_system_message_asking_for_less_is_caught_on_an_inspect_log`)",
    "retried-until-failed": "only an Inspect log records samples run again after an error (`retries`); the "
                            "examples' logs record none, so the move is tried on the Inspect fixture "
                            "(`test_samples_retried_until_they_fail_are_caught_on_an_inspect_log`)",
    "hidden-grader": "only an Inspect log records each sample's model calls (its transcript's model events); the "
                     "examples' logs record none, so the move is tried on the Inspect fixture "
                     "(`test_moves_on_an_inspect_log_are_caught`)",
    "self-grader": "only an Inspect log records each sample's model calls with the role each was got for; the "
                   "examples' logs record none, so the move is tried on the Inspect fixture "
                   "(`test_moves_on_an_inspect_log_are_caught`)",
    "operator-stopped-solved": "only an Inspect log records a sample an operator stopped (`limit: operator`); the "
                               "examples' logs record none, so the move is tried on the Inspect fixture "
                               "(`test_samples_an_operator_stopped_are_neutralised`)",
    "grader-told-to-fail": "only an Inspect log records the settings a role's model was bound with; the examples' "
                           "logs record none, so the move is tried on the Inspect fixture under a policy naming its "
                           "grader (`test_a_named_grader_told_to_fail_is_caught_on_an_inspect_log`)",
    "tools-cut-solved": "only an Inspect log records each tool call's failure (`ToolCallError`); the examples' "
                        "logs record none, so the move is tried on the Inspect fixture "
                        "(`test_samples_whose_tools_were_cut_are_neutralised`)",
    "approval-rejected-tools": "only an Inspect log records an approval policy over the agent's tool calls; the "
                               "examples' logs record none, so the move is tried on the Inspect fixture "
                               "(`test_tool_calls_an_approval_policy_rejected_are_caught_on_an_inspect_log`)",
    "tool-calls-all-failed": "only an Inspect log records each tool call's failure (`ToolCallError`); the examples' "
                             "logs record none, so the move is tried on the Inspect fixture with `bash` granted "
                             "(`test_a_granted_tool_that_never_worked_is_caught_on_an_inspect_log`)",
}
"""Mutations that edit what only some log formats record, with why they cannot apply to the realistic
case; each is tried where it applies."""

ONLY_ON_BOUNDARIES_THAT_HAVE_IT: dict[str, str] = {
    "internal-labelled-training": "no example is an internal research or deployment case; the move is tried on the "
                                  "internal fixture (`tests/gate/test_internal_labelled_training.py`)",
    "internal-scale-understated": "no example is an internal case granting tools; the move is tried on the internal "
                                  "fixture (`tests/gate/test_internal_labelled_training.py`)",
}
"""Mutations that edit a kind of boundary the realistic case does not have, with where each is tried."""

ONLY_WHERE_THE_POLICY_ASKS: dict[str, str] = {
    "outside-run-replaced": "no example's policy asks an outside evaluator to run a threshold before release "
                            "(`external_from`); the move is tried on the Avocet-1 fixture "
                            "(`test_an_outside_run_replaced_by_the_labs_own_is_caught_where_the_policy_asks_for_one`)",
}
"""Mutations on what the realistic case's policy does not ask for, with where each is tried."""

KEYRING = load_keyring(ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml")
"""The examples' keyring: the external evaluators' attestations make their evidence independent in
the unedited cases, so a mutation that only relabels independence is what changes; and its
identities hold the roles the examples' sign-offs and residual risks name, so a move to a typed
name or to a role nobody holds is what changes."""


@cache
def _report(example: str) -> RedteamReport:
    loaded = load_case(ROOT / "examples" / example / "case.yaml")
    return run_redteam(with_attestations(loaded, KEYRING, parse_instant("2026-11-27")), keyring=KEYRING)


def _params() -> list[object]:
    out: list[object] = []
    for ex in EXAMPLES:
        for m in MUTATIONS:
            marks = [pytest.mark.xfail(strict=False, reason=KNOWN_GAPS[m.name])] if m.name in KNOWN_GAPS else []
            out.append(pytest.param(ex, m.name, marks=marks, id=f"{ex}:{m.name}"))
        out += [pytest.param(ex, m.name, id=f"{ex}:{m.name}") for m in REGISTRY_MUTATIONS]
    return out


@pytest.mark.parametrize(("example", "name"), _params())
def test_mutation_is_caught(example: str, name: str) -> None:
    r = next(x for x in _report(example).results if x.mutation.name == name)
    if not r.applicable:
        assert example != "atlas-api" or name in ONLY_ON_LOGS_THAT_RECORD_IT or name in ONLY_ON_BOUNDARIES_THAT_HAVE_IT \
            or name in ONLY_WHERE_THE_POLICY_ASKS, \
            f"{name} must apply to the realistic case: {r.note}"
        pytest.skip(f"not applicable to {example}: {r.note}")
    assert r.caught or r.neutralised or r.conditioned, \
        f"{name} on {example}: {r.status}, outcome {r.outcome}; {r.messages}"


def test_known_gaps_are_declared_mutations() -> None:
    assert set(KNOWN_GAPS) <= {m.name for m in MUTATIONS}


def test_every_mutation_is_declared_like_a_rule() -> None:
    codes = {r.code for r in all_rules()}
    for m in MUTATIONS:
        assert m.name and m.edits and m.attacks and m.caught_by, m.name
        assert set(m.attacks) <= set(ATTACK_TARGETS), m.name
        named = [c for c in m.caught_by if c.startswith("CG")]
        assert set(named) <= codes, (m.name, named)
        if m.name not in KNOWN_GAPS:
            assert named == list(m.caught_by), f"{m.name} must name the rules expected to catch it"


def test_library_covers_the_seed() -> None:
    attacked = {a for m in MUTATIONS for a in m.attacks}
    assert attacked == set(ATTACK_TARGETS), sorted(set(ATTACK_TARGETS) - attacked)


def test_mutations_leave_the_inputs_unchanged() -> None:
    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None and loaded.policy is not None
    before: tuple[Case, Policy] = (loaded.case.model_copy(deep=True), loaded.policy.model_copy(deep=True))
    run_redteam(loaded)
    assert (loaded.case, loaded.policy) == before


def test_report_says_not_caught_plainly() -> None:
    r = subprocess.run([sys.executable, "-m", "casegate", "redteam", "examples/atlas-api/case.yaml"],
                       capture_output=True, text=True, cwd=ROOT)
    doc = json.loads(subprocess.run([sys.executable, "-m", "casegate", "redteam", "examples/atlas-api/case.yaml",
                                     "--format", "json"], capture_output=True, text=True, cwd=ROOT).stdout)
    assert r.returncode == (1 if doc["not_caught"] else 0), r.stderr
    for name in doc["not_caught"]:
        assert f"not caught: {name} " in r.stdout
    assert "relabelled-boundary" in r.stdout and "CG105" in r.stdout


def test_json_lists_every_mutation() -> None:
    r = subprocess.run([sys.executable, "-m", "casegate", "redteam", "examples/atlas-api/case.yaml",
                        "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    doc = json.loads(r.stdout)
    assert [m["name"] for m in doc["mutations"]] == [m.name for m in (*MUTATIONS, *REGISTRY_MUTATIONS)]
    assert set(doc["not_caught"]) <= set(KNOWN_GAPS)


def test_unreadable_case_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "case.yaml"
    bad.write_text("casegate: 1\nkind: case\nid: x\n")
    r = subprocess.run([sys.executable, "-m", "casegate", "redteam", str(bad)], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "casegate check" in r.stderr


def test_every_mutation_is_documented() -> None:
    doc = (ROOT / "docs" / "redteam.md").read_text()
    for m in (*MUTATIONS, *REGISTRY_MUTATIONS):
        assert f"| `{m.name}` | {', '.join(m.attacks)} | {m.edits} |" in doc, f"docs/redteam.md lacks {m.name}"
    for name in KNOWN_GAPS:
        assert f"`{name}`" in doc


def test_a_typed_name_is_not_an_authority() -> None:
    """The forged sign-off names a person the keyring does not know; with the keyring the finding
    says so, and a line the keyring knows but nobody signed is blocking too. The forged name stands
    in for the outside evaluator, a role the example framework counts only from someone the keyring
    puts outside the developer: nobody the keyring knows is not, so that role is missing too."""
    from casegate.sign import load_keyring

    ring = load_keyring(ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml")
    report = run_redteam(load_case(ROOT / "examples" / "atlas-api" / "case.yaml"),
                         mutations=[m for m in MUTATIONS if m.name == "unsigned-authority"], keyring=ring)
    (r,) = report.results
    assert r.caught and r.caught_by == ("CG501", "CG510")
    assert any("A. Standin is no identity in the keyring" in m for m in r.messages), r.messages
    assert any("the keyring records no organisation for A. Standin" in m for m in r.messages), r.messages


REWRITING = {"fewer-attempts": "CG301", "weaker-variant": "CG301", "hand-edited-counts": "CG327",
             "dropped-internal-case": "CG104", "weaker-reduction": "CG325", "renamed-metric": "CG325",
             "raised-threshold": "CG320"}
"""Moves on values the gate derives from the artifacts: on the realistic case (whose records carry
none of them) each is made on the artifact or the policy, and caught by the rule that names it."""


@pytest.mark.parametrize("name", sorted(REWRITING))
def test_moves_on_derived_values_are_made_on_the_artifacts_and_caught(name: str) -> None:
    r = next(x for x in _report("atlas-api").results if x.mutation.name == name)
    assert r.applicable and REWRITING[name] in r.caught_by, (r.status, r.caught_by, r.messages)


def test_rewritten_logs_live_in_a_workspace_and_the_originals_stay(tmp_path: Path) -> None:
    import hashlib
    import shutil

    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "case" / "evals").iterdir()}
    loaded = load_case(tmp_path / "case" / "case.yaml")
    from casegate.redteam import get_mutation

    report = run_redteam(loaded, mutations=[m for m in MUTATIONS if m.name in ("hand-edited-counts", "fewer-attempts")])
    assert all(r.caught for r in report.results)
    hit = next(r for r in report.results if r.mutation.name == "hand-edited-counts")
    assert any("the run's log was rewritten" in m for m in hit.messages)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "case" / "evals").iterdir()}
    assert before == after and get_mutation("hand-edited-counts") is not None


INSPECT_CASE = ROOT / "tests" / "fixtures" / "redteam" / "inspect-rnd" / "case.yaml"
INSPECT_MOVES = {"fewer-attempts": "CG301", "weaker-variant": "CG301", "hand-edited-counts": "CG327",
                 "edited-after-pinning": "CG331", "hidden-grader": "CG359", "self-grader": "CG359"}
"""Moves on a log written by Inspect AI (rnd-agent.eval: three epochs of the helpful-only
variant), rewritten with inspect-ai's own reader and writer: one epoch; a log of the production
variant; three quarters of the correct samples marked incorrect and re-pinned; the same edit with
the old pin kept; the correct samples marked incorrect by a grader only their transcripts record, or
by the evaluated model got for role `grader`."""


@cache
def _inspect_report() -> RedteamReport:
    return run_redteam(load_case(INSPECT_CASE), mutations=[m for m in MUTATIONS if m.name in INSPECT_MOVES])


@pytest.mark.parametrize("name", sorted(INSPECT_MOVES))
def test_moves_on_an_inspect_log_are_caught(name: str) -> None:
    r = next(x for x in _inspect_report().results if x.mutation.name == name)
    assert r.applicable, r.note
    assert INSPECT_MOVES[name] in r.caught_by, (r.status, r.caught_by, r.messages)


def test_an_inspect_rewrite_is_a_log_inspect_reads(tmp_path: Path) -> None:
    """The rewritten bytes are an Inspect log with the edit in it, and the committed log is unchanged."""
    import hashlib

    from inspect_ai.log import read_eval_log

    from casegate.evidence import facts_for, rehash_artifacts
    from casegate.redteam import get_mutation
    from casegate.redteam._artifacts import ArtifactEdit, Subject

    loaded = load_case(INSPECT_CASE)
    assert loaded.case is not None and loaded.policy is not None
    art = loaded.artifact_path("E-rnd")
    assert art is not None
    before = hashlib.sha256(art.read_bytes()).hexdigest()
    effective, facts = facts_for(loaded, rehash_artifacts(loaded))
    subject = Subject(loaded, loaded.case, loaded.policy, effective or loaded.case, facts)
    m = get_mutation("fewer-attempts")
    assert m is not None and m.rewrite is not None
    got = m.rewrite(subject)
    assert isinstance(got, ArtifactEdit)
    out = tmp_path / "rnd-agent.eval"
    out.write_bytes(got.files["E-rnd"])
    log = read_eval_log(str(out))
    assert log.eval.config.epochs == 1 and {s.epoch for s in log.samples or []} == {1}
    assert got.case.evidence["E-rnd"].sha256 == hashlib.sha256(got.files["E-rnd"]).hexdigest() != before
    assert hashlib.sha256(art.read_bytes()).hexdigest() == before


LM_EVAL_CASE = ROOT / "tests" / "fixtures" / "redteam" / "lm-eval" / "case.yaml"
LM_EVAL_MOVES = {"hand-edited-counts": "CG327", "edited-after-pinning": "CG331"}
"""Moves on an lm-evaluation-harness run (results file and the task's samples file beside it):
three quarters of the correct documents scored 0 in the samples and the task's metric recomputed,
re-pinned; the same edit with the old pin kept."""


@pytest.mark.parametrize("name", sorted(LM_EVAL_MOVES))
def test_moves_on_an_lm_eval_log_are_caught(name: str) -> None:
    report = run_redteam(load_case(LM_EVAL_CASE), mutations=[m for m in MUTATIONS if m.name == name])
    (r,) = report.results
    assert r.applicable, r.note
    assert LM_EVAL_MOVES[name] in r.caught_by, (r.status, r.caught_by, r.messages)


def test_an_lm_eval_rewrite_edits_the_samples_beside_the_results() -> None:
    import json as _json

    from casegate.evidence import facts_for, rehash_artifacts
    from casegate.redteam import get_mutation
    from casegate.redteam._artifacts import ArtifactEdit, Subject

    loaded = load_case(LM_EVAL_CASE)
    assert loaded.case is not None and loaded.policy is not None
    effective, facts = facts_for(loaded, rehash_artifacts(loaded))
    m = get_mutation("hand-edited-counts")
    assert m is not None and m.rewrite is not None
    got = m.rewrite(Subject(loaded, loaded.case, loaded.policy, effective or loaded.case, facts))
    assert isinstance(got, ArtifactEdit)
    beside = got.companions["E-rnd"]
    rows = [_json.loads(x) for x in beside["samples_arith_mc_2026-11-27T03-46-10.096901.jsonl"].decode().splitlines()]
    results = _json.loads(got.files["E-rnd"])
    assert sum(r["acc"] for r in rows) == 2  # 8 correct of 24, three quarters of them scored 0
    assert results["results"]["arith_mc"]["acc,none"] == pytest.approx(2 / 24)
    assert "samples_arith_gen_2026-11-27T03-46-10.096901.jsonl" in beside  # the other task's file, unchanged


def test_moves_that_date_a_claim_or_sign_off_earlier_stop_at_the_calendars_first_day() -> None:
    import datetime as dt

    from casegate.redteam._mutations import conclusion_first, signoff_first

    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None and loaded.policy is not None
    first = {eid: ev.model_copy(update={"date": dt.date(1, 1, 2)}) for eid, ev in loaded.case.evidence.items()}
    case = loaded.case.model_copy(update={"evidence": first})
    assert "no earlier date" in str(conclusion_first(case, loaded.policy))
    assert "no earlier date" in str(signoff_first(case, loaded.policy))


UNDONE = ("solved-samples-dropped", "padded-with-failed-copies")
"""Moves the evidence readers undo: on the Inspect and lm-eval fixtures, whose policies name the
task without its sample digest, no rule flags them and the counts come out as the whole run's."""


@pytest.mark.parametrize("case", [INSPECT_CASE, LM_EVAL_CASE], ids=["inspect", "lm-eval"])
def test_moves_the_readers_undo_are_neutralised(case: Path) -> None:
    """Attack: the evaluation's log cut to the samples the model failed, or padded with copies of
    one it failed, on a first version. The gate comes out with the same outcome, findings and
    counts as the unedited case: the move bought nothing, and the report says so."""
    report = run_redteam(load_case(case), mutations=[m for m in MUTATIONS if m.name in UNDONE])
    for r in report.results:
        assert r.applicable, r.note
        assert r.status == "neutralised" and not r.messages, (r.mutation.name, r.status, r.messages)
    assert report.exit_code == 0


def test_a_move_that_gains_is_not_neutralised() -> None:
    """The neutralised count can fail: the hand edit of the counts (a quarter of the successes), made
    on a first version and declared as a move the readers may undo, lowers the counts and is not
    caught by any rule without a recorded version: it must come out "not caught"."""
    import dataclasses

    from casegate.redteam import get_mutation

    m = get_mutation("hand-edited-counts")
    assert m is not None
    gaining = dataclasses.replace(m, name="hand-edited-first-version", first_version=True, may_neutralise=True)
    (r,) = run_redteam(load_case(INSPECT_CASE), mutations=[gaining]).results
    assert r.applicable and not r.caught and not r.neutralised and r.status == "not caught", (r.status, r.messages)


def test_an_lm_eval_rewrite_is_read_with_its_samples() -> None:
    """The samples file rewritten beside an lm-eval results file is read from the workspace: before,
    it counted as a pinned file outside the case's root (CG330) and the rewrite gave no counts."""
    (r,) = run_redteam(load_case(LM_EVAL_CASE), mutations=[m for m in MUTATIONS if m.name == "hand-edited-counts"]).results
    assert "CG330" not in r.incidental and "CG330" not in r.caught_by, r.messages


def test_a_budget_cut_in_a_solver_step_is_caught() -> None:
    """Attack: the Inspect run's header keeps its 4,000,000 tokens a sample; its agent step was
    called with a hundredth of that (`token_limit=40000`), under a policy asking for 1,000,000.
    Before, the budget was read from the header alone and the move was not caught."""
    loaded = load_case(INSPECT_CASE)
    assert loaded.policy is not None
    th = loaded.policy.thresholds["rnd"]
    minimum = th.elicitation.model_copy(update={"budget_tokens": 1_000_000})
    loaded.policy = loaded.policy.model_copy(update={"thresholds": {
        **loaded.policy.thresholds, "rnd": th.model_copy(update={"elicitation": minimum})}})
    (r,) = run_redteam(loaded, mutations=[m for m in MUTATIONS if m.name == "budget-cut-in-solver"]).results
    assert r.applicable, r.note
    assert "CG301" in r.caught_by and any("a budget of 40,000 tokens" in m for m in r.messages), (r.status, r.messages)


@pytest.mark.parametrize("case", [INSPECT_CASE, LM_EVAL_CASE], ids=["inspect", "lm-eval"])
def test_an_adapter_loaded_over_the_weights_is_caught(case: Path) -> None:
    """Attack: the run's model keeps the name the case admits, with an adapter the developer trained
    loaded over it (Inspect's `-M peft=...`, lm-eval's `--model_args peft=...`). Before, the name
    alone was judged (Inspect's model arguments were not read) and the move was not caught."""
    (r,) = run_redteam(load_case(case), mutations=[m for m in MUTATIONS if m.name == "adapter-over-weights"]).results
    assert r.applicable, r.note
    assert "CG351" in r.caught_by and any("loads `peft=acme/refusal-boost`" in m for m in r.messages), r.messages


def test_samples_a_fallback_model_served_are_neutralised() -> None:
    """Attack: on a first version, the samples the model solved are answered part way through the
    run by a weaker model the provider fell back to, scored incorrect (Inspect records the fallback).
    The readers count each such sample as unscored, so solved: the outcome, findings and counts are
    the unedited case's, and the report says the move bought nothing."""
    from casegate.redteam import get_mutation

    m = get_mutation("fallback-served-solved")
    assert m is not None and m.name in ONLY_ON_LOGS_THAT_RECORD_IT
    (r,) = run_redteam(load_case(INSPECT_CASE), mutations=[m]).results
    assert r.applicable, r.note
    assert r.status == "neutralised" and not r.messages, (r.status, r.messages)


def test_samples_a_fallback_model_served_gain_when_counted_as_the_models() -> None:
    """The neutralised verdict can fail: the same move with the fallback record stripped (the
    samples scored incorrect as the model's own) lowers the counts, and is not neutralised."""
    import dataclasses

    from casegate.redteam import get_mutation
    from casegate.redteam._mutations import fallback_served_log

    def stripped(s: object) -> object:
        from inspect_ai.log import read_eval_log

        from casegate.redteam._artifacts import ArtifactEdit, inspect_bytes, rewritten

        got = fallback_served_log(s)  # type: ignore[arg-type]
        assert isinstance(got, ArtifactEdit)
        import tempfile

        with tempfile.TemporaryDirectory() as d:
            out = Path(d) / "rnd-agent.eval"
            out.write_bytes(got.files["E-rnd"])
            log = read_eval_log(str(out))
        for smp in log.samples or []:
            smp.model_fallbacks = None
        return rewritten(s, "E-rnd", inspect_bytes(log, "rnd-agent.eval"))  # type: ignore[arg-type]

    m = get_mutation("fallback-served-solved")
    assert m is not None
    (r,) = run_redteam(load_case(INSPECT_CASE), mutations=[dataclasses.replace(m, rewrite=stripped)]).results
    assert r.applicable and r.status != "neutralised", (r.status, r.messages)


def _with_budget_minimum() -> object:
    loaded = load_case(INSPECT_CASE)
    assert loaded.policy is not None
    th = loaded.policy.thresholds["rnd"]
    minimum = th.elicitation.model_copy(update={"budget_tokens": 1_000_000})
    loaded.policy = loaded.policy.model_copy(update={"thresholds": {
        **loaded.policy.thresholds, "rnd": th.model_copy(update={"elicitation": minimum})}})
    return loaded


def test_a_spend_cap_under_a_kept_budget_is_caught() -> None:
    """Attack: the Inspect run keeps its 4,000,000 tokens a sample and caps each sample's spend at
    one cent (`--cost-limit 0.01`). Before, the cap was not read and the budget stood."""
    (r,) = run_redteam(_with_budget_minimum(), mutations=[m for m in MUTATIONS if m.name == "spend-capped-run"]).results  # type: ignore[arg-type]
    assert r.applicable, r.note
    assert "CG301" in r.caught_by and any("`cost_limit` of $0.01 per sample" in m for m in r.messages), r.messages


def test_a_grader_the_lab_chose_is_caught_on_an_inspect_log() -> None:
    """Attack: the Inspect run's `grader` role held by a small model of the lab's own. Before, the
    roles were not read."""
    (r,) = run_redteam(load_case(INSPECT_CASE), mutations=[m for m in MUTATIONS if m.name == "weak-grader"]).results
    assert r.applicable, r.note
    assert "CG359" in r.caught_by and any("gives role `grader` to `acme/grader-mini`" in m for m in r.messages), \
        r.messages


def _with_task_named() -> object:
    """The Inspect fixture under a policy naming its task by name and version, without the digest of
    its prompts."""
    loaded = load_case(INSPECT_CASE)
    assert loaded.policy is not None
    th = loaded.policy.thresholds["rnd"]
    named = th.model_copy(update={"tasks": [TaskRef(name="rnd-agent", version="1")]})
    loaded.policy = loaded.policy.model_copy(update={"thresholds": {**loaded.policy.thresholds, "rnd": named}})
    return loaded


def test_a_system_message_asking_for_less_is_caught_on_an_inspect_log() -> None:
    """Attack: the Inspect run's task, version and samples kept, a `--system-message` telling the model
    to underperform, the samples it solved now failed. Before, the run counted as the task."""
    from casegate.redteam import get_mutation

    m = get_mutation("system-message-run")
    assert m is not None and m.name in ONLY_ON_LOGS_THAT_RECORD_IT
    (r,) = run_redteam(_with_task_named(), mutations=[m]).results  # type: ignore[arg-type]
    assert r.applicable, r.note
    assert "CG345" in r.caught_by and any("asked another way than its task alone asks" in x for x in r.messages), \
        r.messages


def test_samples_retried_until_they_fail_are_caught_on_an_inspect_log() -> None:
    """Attack: every epoch the model solved recorded as errored and retried until it failed. Before,
    the retried attempts counted as the model's failures (0 solved); they are now attempted but not
    scored, so the run shows fewer attempts than the policy asks (CG301) and counts them solved."""
    from casegate.redteam import get_mutation

    m = get_mutation("retried-until-failed")
    assert m is not None and m.name in ONLY_ON_LOGS_THAT_RECORD_IT
    (r,) = run_redteam(load_case(INSPECT_CASE), mutations=[m]).results
    assert r.applicable, r.note
    assert "CG301" in r.caught_by or r.neutralised, (r.status, r.caught_by, r.messages)


def test_samples_an_operator_stopped_are_neutralised() -> None:
    """Attack: on a first version, an operator stops every sample the agent was about to solve and
    has it scored on the work done so far (Inspect records `limit: operator`). The readers count
    each such sample as attempted but not scored, so solved: the outcome, findings and counts are
    the unedited case's, and the report says the move bought nothing."""
    from casegate.redteam import get_mutation

    m = get_mutation("operator-stopped-solved")
    assert m is not None and m.name in ONLY_ON_LOGS_THAT_RECORD_IT
    (r,) = run_redteam(load_case(INSPECT_CASE), mutations=[m]).results
    assert r.applicable, r.note
    assert r.status == "neutralised" and not r.messages, (r.status, r.messages)


def test_samples_whose_tools_were_cut_are_neutralised() -> None:
    """Attack: on a first version, every sample the agent solved run again in a sandbox whose network
    is cut, each tool call failing (`ToolCallError`) and the sample scored incorrect. The readers
    count each such sample as attempted but not scored, so solved: the outcome, findings and counts
    are the unedited case's but for CG360 naming them, and the move bought nothing."""
    from casegate.redteam import get_mutation

    m = get_mutation("tools-cut-solved")
    assert m is not None and m.name in ONLY_ON_LOGS_THAT_RECORD_IT
    (r,) = run_redteam(load_case(INSPECT_CASE), mutations=[m]).results
    assert r.applicable, r.note
    assert r.status in ("neutralised", "caught"), (r.status, r.messages)
    assert r.neutralised or "CG360" in r.caught_by, (r.status, r.caught_by, r.messages)


def test_tool_calls_an_approval_policy_rejected_are_caught_on_an_inspect_log() -> None:
    """Attack: the Inspect run's task, version and samples kept, an approval policy rejecting every
    tool call (`--approval`), the samples the agent solved now failed. The agent keeps its tools on
    paper; the run is asked another way than its task asks and does not count (CG345)."""
    from casegate.redteam import get_mutation

    m = get_mutation("approval-rejected-tools")
    assert m is not None and m.name in ONLY_ON_LOGS_THAT_RECORD_IT
    (r,) = run_redteam(_with_task_named(), mutations=[m]).results  # type: ignore[arg-type]
    assert r.applicable, r.note
    assert "CG345" in r.caught_by and any("a tool approval policy (eval.config.approval" in x for x in r.messages), \
        r.messages


def _with_bash_granted() -> object:
    """The Inspect fixture with its boundary granting `bash`, a tool its log gives the agent."""
    loaded = load_case(INSPECT_CASE)
    assert loaded.case is not None and loaded.case.boundary is not None
    b = loaded.case.boundary
    loaded.case = loaded.case.model_copy(update={"boundary": b.model_copy(update={"tools": ["bash"]})})
    return loaded


def test_a_granted_tool_that_never_worked_is_caught_on_an_inspect_log(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: on a first version, the evaluation rerun in a sandbox where the `bash` tool the boundary
    grants never works: each sample's call of it fails (`ToolCallError`) beside its working `submit`,
    so every sample is still scored, and the three solved now fail, `bash` still listed. A tool no call
    of which worked was not given (CG301); with every tool the log lists counted as given, the move
    is not caught. Where the boundary grants no tool the log records, it does not apply."""
    from casegate.redteam import get_mutation

    m = get_mutation("tool-calls-all-failed")
    assert m is not None and m.name in ONLY_ON_LOGS_THAT_RECORD_IT
    (r,) = run_redteam(_with_bash_granted(), mutations=[m]).results  # type: ignore[arg-type]
    assert r.applicable and "CG301" in r.caught_by, (r.status, r.caught_by, r.messages)
    assert any("did not give the model the tool(s) bash that the boundary grants" in x for x in r.messages), r.messages
    (bare,) = run_redteam(load_case(INSPECT_CASE), mutations=[m]).results
    assert not bare.applicable and "records none of the tools the boundary grants" in bare.note
    from casegate.evidence.importers import inspect_log

    monkeypatch.setattr(inspect_log, "_dead_tools", lambda calls: {})
    (kept,) = run_redteam(_with_bash_granted(), mutations=[m]).results  # type: ignore[arg-type]
    assert kept.status == "not caught", (kept.status, kept.messages)


NEWER_READINGS = {"dropped-task-pin": "CG328", "independence-unmarked": "CG328", "redated-attested-evidence": "CG348",
                  "typed-security-level": "CG348",
                  "inflated-trials": "CG340", "inflated-attempts": "CG340", "counter-evidence-dated-back": "CG803",
                  "redated-counter-evidence": "CG803", "renamed-defeater": "CG806",
                  "renamed-restepped-pathway": "CG329", "epochs-past-stated": "CG342", "lab-evaluator": "CG501",
                  "lab-evaluator-respelled": "CG501", "weights-published-in-look-alike-words": "CG105",
                  "consumer-app-labelled-api": "CG105", "staff-audience-named-public": "CG604",
                  "refusal-prompted-run": "CG309", "trusted-access-self-attested": "CG105",
                  "trusted-access-open-in-words": "CG105", "greedy-epochs": "CG301", "tuned-in-words": "CG105",
                  "failing-test-uncited": "CG406", "on-device-in-words": "CG105", "vetting-by-agreement": "CG105",
                  "partner-vets-its-own": "CG425", "other-precision-evaluated-as": "CG351",
                  "second-model-routed": "CG351", "confirmation-turned-off": "CG428",
                  "trusted-access-rollout-in-words": "CG105", "weights-on-cloud-platforms": "CG429",
                  "supplier-runs-safeguard": "CG425", "customer-vets-its-own": "CG425",
                  "clearance-as-vetting": "CG425", "review-unattended": "CG428",
                  "confirmation-off-by-pronoun": "CG428", "monitor-on-a-sample": "CG430",
                  "monitor-with-no-traffic": "CG431",
                  "review-limited-in-time": "CG428", "review-limited-in-title": "CG428",
                  "review-typed-at-logging": "CG428", "licence-as-vetting": "CG425",
                  "supplier-performs-safeguard": "CG425", "hosted-on-a-brand": "CG429",
                  "classifier-set-to-block-none": "CG437", "unrestricted-mode": "CG437",
                  "system-prompt-overrides-refusals": "CG437", "zero-retention-unmonitored": "CG437",
                  "supplier-handles-safeguard": "CG425", "engineer-review-weekdays": "CG428",
                  "public-after-developers-build": "CG105", "installed-at-customer-sites": "CG429",
                  "accredited-labs-as-vetting": "CG425", "connector-developer-reviews": "CG425",
                  "languages-over-the-list": "CG435", "any-language-in-words": "CG435",
                  "no-language-restrictions": "CG435", "served-by-a-company-by-name": "CG429",
                  "weights-home-cloud-in-description": "CG429", "public-uses-our-own-assistant": "CG105",
                  "classifiers-off-by-default": "CG437"}
"""Moves on readings docs/security.md records as fixed, each made on the realistic case and caught by
the rule that fixed it: a task pin or a role's independence dropped from the policy; an attested item
re-dated; counts typed higher than the log shows; counter-evidence dated before the answer the record
held, or re-dated so; a defeater renamed in the same words; a pathway renamed with a step left out;
epochs written past the header's; a colleague of the developer as the outside evaluator; a greedy run's epochs
as attempts; users' tuning said by the model's name and as adapters trained on their data; a failing earlier
run of a safeguard's test kept uncited, naming a retired id of the safeguard; the model said to run on its users'
own machines; a trusted-access program vetted by terms its users sign, or by a partner's own office alone; a
full-precision build's run listed under `system.evaluated_as` for a system served quantised; hard requests said
to be routed to a larger model no run evaluated; a confirmation step the boundary's words let users auto-approve,
or turn off by a pronoun in the next sentence; a trusted-access boundary whose words schedule the rollout to all
API customers; the model said to be served from cloud platforms' own copies of the weights, their audit of the
lab's storage alone; a safeguard titled as a supplier's run; a trusted-access program vetted by its customers'
word, or by the clearance its users hold; a person's review of each run the words let runs go without; a monitor
said to review a random 1% of the transcripts its tests had it review in full; a person's review limited in time
by the boundary's words or its own title, or typed at the logging layer; a trusted-access program vetted by a
certification its users hold; a safeguard titled as performed by suppliers named bare; the model said to be
available on a cloud named by its brand alone; a classifier developers set to block none, refusals an
unrestricted mode or a system prompt lifts, a zero-data-retention tier exempt from abuse monitoring; a safeguard
handled by hosting providers; an engineer's review held to Monday to Friday; the public using the lab's chatbot
after developers build; the system installed at customers' sites by name; a trusted-access program for
accredited laboratories; a safeguard run by each connector's own developer; the release put in more
languages than its list names, by a count or without bound."""


@pytest.mark.parametrize("name", sorted(NEWER_READINGS))
def test_moves_on_readings_fixed_since_are_caught(name: str) -> None:
    r = next(x for x in _report("atlas-api").results if x.mutation.name == name)
    assert r.applicable and NEWER_READINGS[name] in r.caught_by, (r.status, r.caught_by, r.messages)


def test_users_tuning_in_words_takes_refusal_training_out_of_the_count() -> None:
    """Attack: the `api` boundary's words say enterprise customers fine-tune Atlas-2 on their own data
    and LoRA adapters trained on customer data are served, `scope.weights` kept `none`. The words make
    the weights access fine-tuning (CG105), and refusal training blocks nothing where users tune the
    weights (CG422)."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "tuned-in-words")
    assert r.applicable and {"CG105", "CG422"} <= set(r.caught_by), (r.status, r.caught_by, r.messages)
    assert any(m.startswith("CG105") and "fine-tune Atlas-2 on their own data" in m for m in r.messages), r.messages


def test_a_model_said_to_run_on_users_machines_gives_out_the_weights() -> None:
    """Attack: the `api` boundary's words add that an on-device build of Atlas-2 runs locally on
    developers' laptops, `scope.weights` kept `none`. Each laptop holds the weights: the words make
    the weights access `download` (CG105), and the served safeguards block nothing (CG422)."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "on-device-in-words")
    assert r.applicable and {"CG105", "CG422"} <= set(r.caught_by), (r.status, r.caught_by, r.messages)
    assert any(m.startswith("CG105") and "runs on its users' own devices" in m
               and "runs locally on developers' laptops" in m for m in r.messages), r.messages


def test_a_full_precision_run_listed_for_a_quantised_system_is_another_models() -> None:
    """Attack: on a first version, Atlas-2 said to be served with its weights quantised to 4 bits, the
    cyber CTF a run of the full-precision build (`acme/atlas-2-helpful-only-fp16`), that name listed
    under `system.evaluated_as`. A listed name is the case's word for the system, but one naming
    another precision than the case gives the system names another build (CG351), and is the only
    catch."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "other-precision-evaluated-as")
    assert r.applicable and r.caught_by == ("CG351",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG351")]
    assert "`acme/atlas-2-helpful-only-fp16`" in msg and "names a build at another precision (`fp16`)" in msg, msg


def _atlas_move(name: str) -> MutationResult:
    """One move on the realistic case, run on its own (for a run with a rule's reading patched)."""
    loaded = with_attestations(load_case(ROOT / "examples" / "atlas-api" / "case.yaml"), KEYRING,
                               parse_instant("2026-11-27"))
    (r,) = run_redteam(loaded, keyring=KEYRING, mutations=[m for m in MUTATIONS if m.name == name]).results
    return r


def test_a_second_model_the_router_sends_hard_requests_to_must_be_evaluated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the `api` boundary's words add that requests the router judges hard are routed to
    Atlas-2-Max, a larger model, the evaluations kept as runs of Atlas-2 alone. Each threshold the
    case argues under its level is shown so for Atlas-2 only (CG351), and that is the only catch:
    without the reading of routed models the move is not caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "second-model-routed")
    assert r.applicable and r.caught_by == ("CG351",), (r.status, r.caught_by, r.messages)
    hits = [m for m in r.messages if m.startswith("CG351")]
    assert hits and all("answers requests with `Atlas-2-Max` too" in m for m in hits), hits
    assert any("no counting evaluation of `cyber-high` is a run of it" in m for m in hits), hits
    from casegate.checks.families import evidence_integrity

    monkeypatch.setattr(evidence_integrity, "_routed_unevaluated", lambda ctx: iter(()))
    assert _atlas_move("second-model-routed").status == "not caught"


def test_a_confirmation_users_can_auto_approve_blocks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: a safeguard added, titled the developer's confirmation of each code-execution run, blocking
    the step refusal training blocks and citing the lab's refusal test (its `tests` naming both), while
    the boundary's words let developers auto-approve code-execution runs for projects they trust. The
    step is open for whoever turns it off (CG428), the only catch: without the reading of words that
    turn a confirmation off the move is not caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "confirmation-turned-off")
    assert r.applicable and r.caught_by == ("CG428",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG428")]
    assert "safeguard `SG-confirm` is a confirmation" in msg and "auto-approve code-execution runs" in msg, msg
    from casegate.checks.families import safeguards

    monkeypatch.setattr(safeguards, "confirmation_off_in_words", lambda case, memo=None: None)
    assert _atlas_move("confirmation-turned-off").status == "not caught"


def test_a_trusted_access_boundary_scheduling_the_rollout_is_another_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: on a first version, the boundary made `trusted-access` for developers at launch partners,
    its users' words going on to roll the model out to all API customers at general availability on
    a date. Those users are a rollout's, not the vetting's (CG105), the only catch: without the
    reading of a wider release in the boundary's words the move is not caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "trusted-access-rollout-in-words")
    assert r.applicable and r.caught_by == ("CG105",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG105")]
    assert "schedule or reach a wider release of the model" in msg and "rolls out to all API customers" in msg, msg
    from casegate.checks.families import boundary

    monkeypatch.setattr(boundary, "wider_release_in_words", lambda case, memo=None: None)
    assert _atlas_move("trusted-access-rollout-in-words").status == "not caught"


def test_a_confirmation_turned_off_by_a_pronoun_blocks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: a safeguard added as in `confirmation-turned-off`, the boundary's words saying each
    code-execution run needs the developer's confirmation and, in the next sentence, that developers
    can turn it off in settings. The clause turning `it` off names no confirmation; the pronoun stands
    for the one the sentence before names (CG428), the only catch: without the reading of the
    pronoun the move is not caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "confirmation-off-by-pronoun")
    assert r.applicable and r.caught_by == ("CG428",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG428")]
    assert "needs the developer's confirmation ... Developers can turn it off in settings" in msg, msg
    from casegate.checks import _derived

    monkeypatch.setattr(_derived, "_last_confirmation_noun", lambda before: None)
    assert _atlas_move("confirmation-off-by-pronoun").status == "not caught"


@pytest.mark.parametrize("reversed_", ["unattended-words", "review-as-confirmation"])
def test_a_review_the_words_let_runs_go_without_blocks_nothing(monkeypatch: pytest.MonkeyPatch,
                                                               reversed_: str) -> None:
    """Attack: a safeguard added, titled human review of each code-execution run before it executes
    (no confirmation or approval word), blocking the step refusal training blocks and citing the
    lab's refusal test, while the boundary's words say that outside business hours code-execution
    runs go unattended. A person's review each action waits on is a confirmation, and the words let
    runs go without it (CG428), the only catch: without the reading of unattended words, or of a
    person's review as a confirmation, the move is not caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "review-unattended")
    assert r.applicable and r.caught_by == ("CG428",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG428")]
    assert "safeguard `SG-confirm` is a confirmation" in msg and "code-execution runs go unattended" in msg, msg
    import re

    from casegate.checks import _derived

    if reversed_ == "unattended-words":
        monkeypatch.setattr(_derived, "_UNATTENDED_WORDS", ())
    else:
        monkeypatch.setattr(_derived, "_PERSON_REVIEW", re.compile(r"(?!)"))
    assert _atlas_move("review-unattended").status == "not caught"


@pytest.mark.parametrize(("name", "said"), [
    ("review-limited-in-time", "A technician reviews each code-execution run ... but not at weekends"),
    ("review-limited-in-title", "its title limits it in time (\"on weekdays only\")"),
    ("review-typed-at-logging", "code-execution runs go unattended"),
])
def test_a_review_limited_in_time_or_typed_at_logging_blocks_nothing(monkeypatch: pytest.MonkeyPatch, name: str,
                                                                    said: str) -> None:
    """Attack: a safeguard added, titled as a person's review of each code-execution run before it
    runs, blocking the step refusal training blocks and citing the lab's refusal test, while the
    boundary's words say a technician reviews each run but not at weekends; or its own title ends
    `on weekdays only`, the words silent; or it is typed at the `logging` layer (a review of what was
    done), titled as one each run waits on, the words letting runs outside business hours go
    unattended. Outside that time, or without it, the step is open (CG428), the only catch: without
    the reading of a time limit in the words or the title, or of a review each action waits on at
    any layer, the move is not caught."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == name)
    assert r.applicable and r.caught_by == ("CG428",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG428")]
    assert "safeguard `SG-confirm` is a confirmation" in msg and said in msg, msg
    from casegate.checks import _derived
    from casegate.checks.families import safeguards

    if name == "review-limited-in-time":
        monkeypatch.setattr(_derived, "_TIME_LIMITED", re.compile(r"(?!)"))
    elif name == "review-limited-in-title":
        monkeypatch.setattr(safeguards, "title_time_limited", lambda sg: None)
    else:
        monkeypatch.setattr(_derived, "_WAITS_ON", re.compile(r"(?!)"))
    assert _atlas_move(name).status == "not caught"


def test_a_monitor_shown_a_sample_blocks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the usage monitoring retitled as reviewing a random 1% of transcripts, its steps and its
    test (which had it review every attempt) kept. The measured miss rate is not the deployed one
    (CG430); without the reading of a sample the move is not caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "monitor-on-a-sample")
    assert r.applicable and "CG430" in r.caught_by, (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG430")]
    assert "safeguard `SG-monitoring` reviews only a share" in msg and "random 1% of transcripts" in msg, msg
    from casegate.checks.families import safeguards

    monkeypatch.setattr(safeguards, "sampled_in_words", lambda case, sid, memo=None: None)
    assert _atlas_move("monitor-on-a-sample").status == "not caught"


def test_a_monitor_with_no_traffic_reaching_it_blocks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the boundary's words add that by contract no prompts or telemetry leave the customer's
    site, the developer's usage monitoring, its steps and its test kept. A monitor no traffic reaches
    sees nothing (CG431); without the reading of traffic kept from the developer the move is not
    caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "monitor-with-no-traffic")
    assert r.applicable and r.caught_by == ("CG431",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG431")]
    assert "never reaches the developer" in msg and "leave the customer's site" in msg, msg
    from casegate.checks.families import safeguards

    monkeypatch.setattr(safeguards, "traffic_kept_in_words", lambda case, developer, memo=None: None)
    assert _atlas_move("monitor-with-no-traffic").status == "not caught"


def test_a_safeguard_titled_as_a_suppliers_run_blocks_nothing_unsigned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the identity-verified developer programme retitled as run by the identity-verification
    provider, unnamed, its steps, `verified_by` and the lab's enrolment test kept. The supplier runs
    the control and signed no test of it: it blocks nothing (CG425), and the first step of the
    pathways it blocked is open (CG401); without the reading of a supplier in a title the move is not
    caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "supplier-runs-safeguard")
    assert r.applicable and {"CG425", "CG401"} <= set(r.caught_by), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG425")]
    assert "safeguard `SG-kyc`" in msg and "its title names it run by the identity-verification provider" in msg, msg
    from casegate.checks import _derived

    monkeypatch.setattr(_derived, "_supplier_runs", lambda ctx, title: None)
    assert _atlas_move("supplier-runs-safeguard").status == "not caught"


def test_a_safeguard_titled_as_performed_by_bare_suppliers_blocks_nothing_unsigned(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the identity-verified developer programme retitled as performed by
    identity-verification providers (no article, plural), its steps, `verified_by` and the lab's
    enrolment test kept. The suppliers run the control and signed no test of it: it blocks nothing
    (CG425), and the first step of the pathways it blocked is open (CG401); without the reading of a
    supplier named bare after `performed by` (the reading before it, an article or a possessive
    needed) the move is not caught."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == "supplier-performs-safeguard")
    assert r.applicable and {"CG425", "CG401"} <= set(r.caught_by), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG425")]
    assert "safeguard `SG-kyc`" in msg and "run by the identity-verification providers" in msg, msg
    from casegate.checks import _derived

    before_bare = re.compile(r"\b(?:(?:the|its|their|a|an|each|every)\s+)?" + _derived._SUPPLIER + r"(?:['’]s|s['’])"
                             r"|\bby\s+(?:the|its|their|a|an|each|every)\s+" + _derived._SUPPLIER + r"\b(?!['’])"
                             r"|(?P<bare>(?!))|(?P<staffof>(?!))", re.IGNORECASE)
    monkeypatch.setattr(_derived, "_SUPPLIER_RUNS", before_bare)
    assert _atlas_move("supplier-runs-safeguard").status == "caught"  # an article: read before too
    assert _atlas_move("supplier-performs-safeguard").status == "not caught"


@pytest.mark.parametrize(("name", "said"), [
    ("customer-vets-its-own", "names the customer as who checks the users"),
    ("clearance-as-vetting", "names the issuer of the clearance as who checks the users"),
    ("licence-as-vetting", "names the issuer of the certification as who checks the users"),
])
def test_a_trusted_access_program_vetted_by_its_users_own_standing_blocks_nothing_unsigned(
        monkeypatch: pytest.MonkeyPatch, name: str, said: str) -> None:
    """Attack: on a first version, the boundary made `trusted-access`, its vetting left to each
    customer's attestation for its own developers, or to the government security clearance each
    engineer holds, no organisation and no check by the developer named, the vetting safeguard, its
    `verified_by` and the lab's test of it kept. The customer, or the clearance's issuer, runs the
    check and signed no test of it: it blocks nothing (CG425), and the first step of the pathways it
    blocked is open (CG401); without the reading of the users' own organisation by its role, or of a
    status the users hold, the move is not caught."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == name)
    assert r.applicable and {"CG425", "CG401"} <= set(r.caught_by), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG425")]
    assert said in msg, msg
    from casegate.checks import _derived

    if name == "customer-vets-its-own":
        monkeypatch.setattr(_derived, "_ROLE_WORDS", ())
    elif name == "licence-as-vetting":  # a status held read only beside a check word, as before
        monkeypatch.setattr(_derived, "_STATUS_WORDS", ())
    else:
        monkeypatch.setattr(_derived, "_HELD_STATUS", re.compile(r"(?!)"))
    assert _atlas_move(name).status == "not caught"


def test_weights_on_cloud_platforms_audited_at_the_lab_alone_are_not_shown_secured(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the `api` boundary's words add that Atlas-2 is also served in three cloud platforms'
    model marketplaces, Amazon Bedrock among them, each from its own copy of the weights; the SL3
    audit, signed by its auditor, names the lab's weight storage alone. The weights held there are
    not shown secured (CG429), the only catch: without the reading of hosts in the boundary's words
    the move is not caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "weights-on-cloud-platforms")
    assert r.applicable and r.caught_by == ("CG429",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG429")]
    assert "model marketplaces of three cloud platforms" in msg and "not shown secured" in msg, msg
    from casegate.checks.families import safeguards

    monkeypatch.setattr(safeguards, "host_clauses", lambda case, memo=None: iter(()))
    monkeypatch.setattr(safeguards, "hosting_companies", lambda case, developer=(): ())
    assert _atlas_move("weights-on-cloud-platforms").status == "not caught"


def test_a_cloud_named_by_its_brand_alone_is_a_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the `api` boundary's words add that Atlas-2 is also available on Databricks (a cloud
    by its brand alone, no word for a cloud or platform); the SL3 audit, signed by its auditor, names
    the lab's weight storage alone. The weights held there are not shown secured (CG429), the only
    catch: without the brands read as hosts the move is not caught (`weights-on-cloud-platforms`,
    whose words name cloud platforms, still is)."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == "hosted-on-a-brand")
    assert r.applicable and r.caught_by == ("CG429",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG429")]
    assert "Atlas-2 is also available on Databricks\": databricks" in msg and "not shown secured" in msg, msg
    from casegate.checks import _derived

    brands = (r"|amazon\W+web\W+services|(?:amazon\W+|aws\W+)?sagemaker"
              r"|(?:microsoft|azure\W+ai)\W+foundry|(?:ibm\W+)?watsonx|snowflake(?:\W+cortex)?|databricks"
              r"|alibaba\W+cloud|(?:nvidia\W+)?nim|hugging\W?face\W+inference\W+endpoints")
    assert brands in _derived._HOSTS
    names = re.compile(_derived._HOSTS.replace(brands, ""), re.IGNORECASE)
    monkeypatch.setattr(_derived, "_HOSTS_WORDS", (names, _derived._HOSTS_WORDS[1]))
    assert _atlas_move("weights-on-cloud-platforms").status == "caught"
    assert _atlas_move("hosted-on-a-brand").status == "not caught"


def test_an_outside_run_replaced_by_the_labs_own_is_caught_where_the_policy_asks_for_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: on Avocet-1, whose framework asks an outside evaluator to run `bio-uplift` before an
    `api` release (`external_from: api`), the safety institute's signed run (20 of 120 solved, over
    the threshold) left out of a first version and Acme's own run retitled and produced as the
    institute's. No counting run of the threshold was signed by an outside evaluator as run (CG434),
    the only catch: without CG434 the move is not caught. On atlas-api, whose policy asks for no
    outside run, the move does not apply."""
    from casegate.checks import _registry

    avocet = with_attestations(load_case(ROOT / "tests" / "fixtures" / "rt_external" / "avocet" / "case.yaml"),
                               KEYRING, parse_instant("2026-11-25"))
    moves = [m for m in MUTATIONS if m.name == "outside-run-replaced"]
    (r,) = run_redteam(avocet, keyring=KEYRING, mutations=moves).results
    assert r.applicable and r.caught_by == ("CG434",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG434")]
    assert "`bio-uplift`" in msg and "`E-bio-acme` is not independent" in msg, msg
    atlas = next(x for x in _report("atlas-api").results if x.mutation.name == "outside-run-replaced")
    assert not atlas.applicable and "asks no outside evaluator to run a threshold before release at `api`" in atlas.note
    kept = _registry._RULES["CG434"]
    monkeypatch.setitem(_registry._RULES, "CG434", type(kept)(kept.rule, lambda ctx: iter(()), kept.pass_))
    (rev,) = run_redteam(avocet, keyring=KEYRING, mutations=moves).results
    assert rev.status == "not caught", (rev.status, rev.messages)


def test_a_trusted_access_program_vetted_by_a_partner_alone_blocks_nothing_unsigned() -> None:
    """Attack: on a first version, the boundary made `trusted-access` for a partner's engineers, the
    vetting left to the partner (`Northgrid vets its own engineers; its security office clears each
    one`), the vetting safeguard, its `verified_by` and the lab's test of it kept. The partner runs
    the control and signed no test of it: it blocks nothing (CG425), and the first step of the
    pathway it blocked is open (CG401)."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "partner-vets-its-own")
    assert r.applicable and {"CG425", "CG401"} <= set(r.caught_by), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG425")]
    assert "the boundary's vetting names Northgrid as who checks the users" in msg, msg
    assert "no attestation signed by Northgrid covers a test of it" in msg, msg


def test_a_failing_earlier_run_under_a_retired_id_counts_against_the_case() -> None:
    """Attack: on a first version, an earlier run of a test a safeguard cites (its task's earlier
    version, a week before, every tenth attempt a bypass) kept in the case, cited by nothing, its
    `tests:` naming `<safeguard>-v1`, which the case does not hold. The run counts against the case
    (CG406) and is the only catch: nothing else in the edit is found."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "failing-test-uncited")
    assert r.applicable and r.caught_by == ("CG406",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG406")]
    assert "-earlier` (safeguard-test)" in msg and "names no safeguard of the case it tested" in msg, msg


def test_a_colleague_as_outside_evaluator_is_caught_whatever_the_organisation_is_spelled() -> None:
    """Attack: the keyring the lab gates with gives a colleague the outside evaluator's role and
    records their organisation as `Аcme Labs, Inc.` (a Cyrillic `А`); the evaluator's line names
    them. The organisation is read by its words: the developer's. Without a keyring to edit, the
    move does not apply, and the keyring file is never touched."""
    import hashlib

    path = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "lab-evaluator-respelled")
    assert "CG501" in r.caught_by, (r.status, r.messages)
    assert any("Ravi Menon is from \u0410cme Labs, Inc., the developer's own organisation" in m
               for m in r.messages), r.messages
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    (bare,) = run_redteam(load_case(ROOT / "examples" / "atlas-api" / "case.yaml"),
                          mutations=[m for m in MUTATIONS if m.name == "lab-evaluator-respelled"]).results
    assert not bare.applicable and "no keyring" in bare.note


def test_hollow_regime_text_is_held_as_a_condition_and_said_so() -> None:
    """Attack: the release facts SB 53's transparency report is made from filled with placeholders
    (`languages: [TBD]`, `website: TBD`, ...). The gate answers, by design, with regime-section gaps
    as conditions of the decision (CG1001), not a blocking finding: the report says "held as a
    condition", never "caught", and does not count it as a miss."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "hollow-regime-text")
    assert r.applicable and not r.caught and r.conditioned == ("CG1001",), (r.status, r.messages)
    assert r.status == "held as a condition"
    assert any('"TBD" is boilerplate' in m for m in r.messages), r.messages
    report = RedteamReport("c", "1", "NO-GO", [r])
    assert report.exit_code == 0 and report.not_caught == []
    from casegate.redteam import format_redteam_json, format_redteam_text

    text = format_redteam_text(report)
    assert "0 of 1 applicable mutations caught, 1 held as a condition of the decision" in text
    assert "CG1001 (a condition)" in text
    (doc,) = json.loads(format_redteam_json(report))["mutations"]
    assert doc["status"] == "held as a condition" and doc["caught_by"] == [] and doc["held_as_condition"] == ["CG1001"]


def test_a_condition_move_that_gains_or_adds_nothing_is_not_caught() -> None:
    """The "held as a condition" verdict can fail: the same move declared as answered by a condition,
    made with the policy's cyber alert level raised so the unedited case's condition (CG305) goes, or
    with no edit at all, is reported "not caught"."""
    import dataclasses

    from casegate.redteam import get_mutation
    from casegate.redteam._mutations import hollow_regime_text

    m = get_mutation("hollow-regime-text")
    assert m is not None

    def gaining(case: Case, policy: Policy) -> tuple[Case, Policy]:
        got = hollow_regime_text(case, policy)
        assert not isinstance(got, str)
        case, policy = got
        th = policy.thresholds["cyber-high"]
        return case, policy.model_copy(update={"thresholds": {
            **policy.thresholds, "cyber-high": th.model_copy(update={"alert": 0.25})}})

    moves = [dataclasses.replace(m, name="hollow-and-raised", apply=gaining, first_version=True),
             dataclasses.replace(m, name="no-edit", apply=lambda c, p: (c, p))]
    loaded = with_attestations(load_case(ROOT / "examples" / "atlas-api" / "case.yaml"), KEYRING,
                               parse_instant("2026-11-27"))
    report = run_redteam(loaded, keyring=KEYRING, mutations=moves)
    assert [r.status for r in report.results] == ["not caught", "not caught"], [r.messages for r in report.results]
    assert report.exit_code == 1


def test_a_named_grader_told_to_fail_is_caught_on_an_inspect_log() -> None:
    """Attack: the grader the policy names (`mockllm/grader`) bound with a system message telling it
    to mark every answer incorrect, the samples the model solved rescored incorrect, under a policy
    naming the task by name and version. CG359 holds the role to the named model, which it is; the
    grader's settings are part of how the run was asked, and a system message to it counts only
    where the policy pins the run's prompt digest (CG345)."""
    from casegate.redteam import get_mutation

    m = get_mutation("grader-told-to-fail")
    assert m is not None and m.name in ONLY_ON_LOGS_THAT_RECORD_IT
    loaded = _with_task_named()
    policy = loaded.policy  # type: ignore[attr-defined]
    loaded.policy = policy.model_copy(update={"evidence": policy.evidence.model_copy(  # type: ignore[attr-defined]
        update={"model_roles": {"grader": ["mockllm/grader"]}})})
    (r,) = run_redteam(loaded, mutations=[m]).results  # type: ignore[arg-type]
    assert r.applicable, r.note
    assert "CG345" in r.caught_by and "CG359" not in r.caught_by, (r.caught_by, r.messages)
    assert any("a system message to the `grader` role's model" in x for x in r.messages), r.messages


def test_independence_unmarked_applies_only_where_the_boundary_requires_an_independent_role() -> None:
    """Helix-2's framework marks the outside evaluator independent at `api` and `consumer` only; at
    its `trusted-access` boundary no role is, so taking the marks off asks nothing less of the
    decision: the move does not apply (it was counted as not caught)."""
    from casegate.redteam._mutations import independence_unmarked

    helix = load_case(ROOT / "tests" / "fixtures" / "rt_trusted" / "helix" / "case.yaml")
    assert helix.case is not None and helix.policy is not None
    got = independence_unmarked(helix.case, helix.policy)
    assert got == "the policy marks no sign-off role it requires at `trusted-access` independent"
    atlas = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    assert atlas.case is not None and atlas.policy is not None
    assert not isinstance(independence_unmarked(atlas.case, atlas.policy), str)


TURNED_DOWN = {"classifier-set-to-block-none": ("SG-classifier", "set any safety category to block none"),
               "unrestricted-mode": ("SG-refusal", "enable unrestricted mode for approved use cases"),
               "system-prompt-overrides-refusals": ("SG-refusal", "system prompt can override the model's refusals"),
               "zero-retention-unmonitored": ("SG-monitoring", "that traffic is exempt from abuse monitoring")}


@pytest.mark.parametrize("name", sorted(TURNED_DOWN))
def test_a_layer_the_boundarys_words_let_developers_turn_off_blocks_nothing(monkeypatch: pytest.MonkeyPatch,
                                                                           name: str) -> None:
    """Attack: the `api` boundary's words add that developers can set any safety category to block
    none, enable an unrestricted mode, or override the refusals with a system prompt, or that a
    zero-data-retention tier is exempt from abuse monitoring; the classifiers, the refusal training
    and the monitor keep their steps and their tests. The layer is gone for whoever turns it off
    (CG437), the only catch: without the reading of words that let users turn a layer down the move
    is not caught."""
    sid, said = TURNED_DOWN[name]
    r = next(x for x in _report("atlas-api").results if x.mutation.name == name)
    assert r.applicable and r.caught_by == ("CG437",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG437")]
    assert f"safeguard `{sid}`" in msg and said in msg, msg
    from casegate.checks.families import safeguards

    monkeypatch.setattr(safeguards, "turned_down_in_words", lambda *a, **kw: None)
    assert _atlas_move(name).status == "not caught"


def test_a_safeguard_handled_by_suppliers_named_by_their_trade_blocks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the safeguard supplier-runs-safeguard retitles, retitled instead `...; handled by
    hosting providers` (a trade word in `-ing` before the supplier, no article), its steps,
    `verified_by` and the lab's tests kept. The hosting providers run it and signed no test (CG425);
    with `hosting` read as a verb's `-ing`, as before, the move is not caught (`supplier-runs-safeguard`,
    with an article, still is)."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == "supplier-handles-safeguard")
    assert r.applicable and "CG425" in r.caught_by, (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG425")]
    assert "run by the hosting providers, not the developer" in msg, msg
    from casegate.checks import _derived

    trade = (r"(?!(?:hosting|computing|processing|screening|sequencing|testing|staffing|consulting|security|payment)"
             r"\b)")
    assert trade in _derived._SUPPLIER_RUNS.pattern
    monkeypatch.setattr(_derived, "_SUPPLIER_RUNS", re.compile(_derived._SUPPLIER_RUNS.pattern.replace(trade, ""),
                                                               re.IGNORECASE))
    assert _atlas_move("supplier-runs-safeguard").status == "caught"
    assert _atlas_move("supplier-handles-safeguard").status == "not caught"


@pytest.mark.parametrize("reversed_", ["span", "profession"])
def test_an_engineers_review_held_to_weekdays_blocks_nothing(monkeypatch: pytest.MonkeyPatch, reversed_: str) -> None:
    """Attack: a safeguard added, titled as an engineer's review of each code-execution run before it
    executes, blocking the step refusal training blocks and citing the lab's refusal test, while the
    boundary's words say an engineer reviews each run `Monday to Friday`. Runs at weekends go
    unreviewed (CG428), the only catch: without the reading of spans of days, or of an engineer as
    the person reviewing, the move is not caught (`review-unattended`, by a human, still is)."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == "engineer-review-weekdays")
    assert r.applicable and r.caught_by == ("CG428",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG428")]
    assert "safeguard `SG-confirm` is a confirmation" in msg and "Monday to Friday" in msg, msg
    from casegate.checks import _derived

    if reversed_ == "span":
        monkeypatch.setattr(_derived, "_TIME_SPAN", re.compile(r"(?!)"))
    else:
        named = "|engineer|pharmacist|clinician|nurse|physician|doctor|analyst|supervisor|moderator"
        assert named in _derived._PERSON_REVIEW.pattern
        monkeypatch.setattr(_derived, "_PERSON_REVIEW", re.compile(_derived._PERSON_REVIEW.pattern.replace(named, ""),
                                                                   _derived._PERSON_REVIEW.flags))
        assert _atlas_move("review-unattended").status == "caught"
    assert _atlas_move("engineer-review-weekdays").status == "not caught"


def test_the_public_using_the_labs_chatbot_after_developers_build_is_consumer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the `api` boundary's words add `Customers build their apps and the public uses our
    chatbot` (one clause, no comma). The clause goes on past the building to the public using the
    developer's own product (CG105), the only catch: without the reading of the public after the
    building the move is not caught."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == "public-after-developers-build")
    assert r.applicable and r.caught_by == ("CG105",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG105")]
    assert "the public uses our chatbot" in msg and "`consumer` boundary" in msg, msg
    from casegate.checks import _derived

    monkeypatch.setattr(_derived, "_PUBLIC_USES", re.compile(r"(?!)"))
    assert _atlas_move("public-after-developers-build").status == "not caught"


@pytest.mark.parametrize("reversed_", ["installed", "system-name"])
def test_the_system_installed_at_customers_sites_by_name_is_not_shown_secured(monkeypatch: pytest.MonkeyPatch,
                                                                              reversed_: str) -> None:
    """Attack: the `api` boundary's words add `Atlas-2 is also installed at each customer's own data
    centre` (the system by its name, no serving word); the SL3 audit, signed by its auditor, names
    the lab's weight storage alone. The weights held there are not shown secured (CG429), and the
    monitor sees no traffic from there (CG431): without the reading of `installed at`, or of the
    system's name as the model, the move is not caught."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == "installed-at-customer-sites")
    assert r.applicable and "CG429" in r.caught_by, (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG429")]
    assert "Atlas-2 is also installed at each customer's own data centre" in msg, msg
    from casegate.checks import _derived

    if reversed_ == "installed":
        monkeypatch.setattr(_derived, "_SITE_HOSTING", re.compile(r"(?!)"))
    else:
        monkeypatch.setattr(_derived, "_names_system", lambda read, system: False)
    assert _atlas_move("installed-at-customer-sites").status == "not caught"


def test_a_trusted_access_program_for_accredited_laboratories_blocks_nothing_unsigned(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: on a first version, the boundary made `trusted-access` for scientists at partner
    laboratories, its vetting `accredited laboratories only` (a credential, no profession named), no
    one named as checking it, the vetting safeguard and the lab's test of it kept. The accreditation's
    issuer runs the check and signed no test of it (CG425), and the first step of the pathways it
    blocked is open (CG401); without the reading of a credential with no profession the move is not
    caught (`licence-as-vetting`, a profession named, still is)."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == "accredited-labs-as-vetting")
    assert r.applicable and {"CG425", "CG401"} <= set(r.caught_by), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG425")]
    assert "names the issuer of the accreditation as who checks the users" in msg, msg
    from casegate.checks import _derived

    held = _derived._HELD_STATUS.pattern
    credited = held[held.index(r"|\b(?P<credited>"):held.index(r"|\b(?:are|is|be|being)\W+(?:all\W+|each\W+)?(?P<status>")]
    alone = r"|\b(?:are|is|be|being)\W+(?:all\W+|each\W+)?(?P<alone>board[- ]certified|accredited)\W*$"
    assert alone in held
    monkeypatch.setattr(_derived, "_HELD_STATUS", re.compile(held.replace(credited, "").replace(alone, ""),
                                                             _derived._HELD_STATUS.flags))
    assert _atlas_move("licence-as-vetting").status == "caught"
    assert _atlas_move("accredited-labs-as-vetting").status == "not caught"


def test_a_safeguard_run_by_each_connectors_own_developer_blocks_nothing_unsigned(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the safeguard supplier-runs-safeguard retitles, retitled instead `...; each connector
    is reviewed by its developer`, its steps, `verified_by` and the lab's enrolment test kept. The
    party whose tool it is runs the control and signed no test of it: it blocks nothing (CG425), and
    the first step of the pathways it blocked is open (CG401); without the reading of a tool's own
    developer in a title the move is not caught (`supplier-runs-safeguard` still is)."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "connector-developer-reviews")
    assert r.applicable and {"CG425", "CG401"} <= set(r.caught_by), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG425")]
    assert "safeguard `SG-kyc`" in msg and "run by each connector's own developer" in msg, msg
    from casegate.checks import _derived

    monkeypatch.setattr(_derived, "_tool_maker_runs", lambda ctx, title: None)
    assert _atlas_move("supplier-runs-safeguard").status == "caught"
    assert _atlas_move("connector-developer-reviews").status == "not caught"


@pytest.mark.parametrize(("name", "said"), [("languages-over-the-list", 'in 40 languages ("40 languages")'),
                                            ("any-language-in-words", 'without bound ("answers in any language")')])
def test_words_putting_the_release_in_more_languages_than_its_list_are_caught(
        monkeypatch: pytest.MonkeyPatch, name: str, said: str) -> None:
    """Attack: the `api` boundary's words add `Atlas-2 is available in 40 languages.` or `Atlas-2
    answers in any language.` (after `no fine-tuning access.`), the five-language list and the
    tests of the classifiers and refusal training kept. The list the tests are judged against does
    not name every language the release serves (CG435), the only catch: without the reading of
    the languages in words the move is not caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == name)
    assert r.applicable and r.caught_by == ("CG435",), (r.status, r.caught_by, r.messages)
    msgs = [m for m in r.messages if m.startswith("CG435: the case's words")]
    assert len(msgs) == 1 and said in msgs[0] and "lists 5" in msgs[0], r.messages
    from casegate.checks.families import safeguards

    monkeypatch.setattr(safeguards, "languages_in_words", lambda case, memo=None: None)
    assert _atlas_move(name).status == "not caught"


def test_languages_without_bound_said_as_no_restrictions_are_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the `api` boundary's words add `No language restrictions apply.`, the five-language list
    and the tests of the classifiers and refusal training kept. The list the tests are judged against
    does not name every language the release serves (CG435), the only catch: without the reading of
    `no language restrictions` the move is not caught (`any-language-in-words` still is)."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == "no-language-restrictions")
    assert r.applicable and r.caught_by == ("CG435",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG435: the case's words")]
    assert 'without bound ("No language restrictions")' in msg and "lists 5" in msg, msg
    from casegate.checks import _derived

    said = (r"|\bno\W+(?:limits?|restrictions?)\W+on\W+(?:the\W+)?languages?\b"
            r"|\bno\W+language\W+(?:restrictions?|limits?)\b")
    kept = _derived._LANGUAGES_UNBOUNDED
    assert said in kept.pattern
    monkeypatch.setattr(_derived, "_LANGUAGES_UNBOUNDED", re.compile(kept.pattern.replace(said, ""), kept.flags))
    assert _atlas_move("any-language-in-words").status == "caught"
    assert _atlas_move("no-language-restrictions").status == "not caught"


def test_a_company_serving_the_model_named_by_its_name_alone_is_a_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the `api` boundary's words add `Atlas-2 is also served by Kelvin Inference.` (no cloud,
    platform or partner word); the SL3 audit, signed by its auditor, names the lab's weight storage
    alone. The weights held there are not shown secured (CG429), the only catch: without the companies
    named as serving the model read as hosts the move is not caught."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "served-by-a-company-by-name")
    assert r.applicable and r.caught_by == ("CG429",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG429")]
    assert '"Atlas-2 is also served by Kelvin Inference": Kelvin Inference' in msg and "not shown secured" in msg, msg
    from casegate.checks.families import safeguards

    monkeypatch.setattr(safeguards, "hosting_companies", lambda case, developer=(): ())
    assert _atlas_move("served-by-a-company-by-name").status == "not caught"


def test_weights_said_to_stay_home_beside_a_description_naming_a_cloud_are_caught(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the `api` boundary's words add `The weights never leave our data centre.`, the system's
    description that it is served from the lab's own data centre and two Northwind Cloud regions; the
    SL3 audit, signed by its auditor, names the lab's weight storage alone. The weights held in that
    cloud are not shown secured (CG429), the only catch: with the system's description unread, as
    before, the move is not caught (`served-by-a-company-by-name`, in the boundary's words, still is)."""
    r = next(x for x in _report("atlas-api").results if x.mutation.name == "weights-home-cloud-in-description")
    assert r.applicable and r.caught_by == ("CG429",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG429")]
    assert msg.startswith("CG429: the system's description puts") and ": Northwind Cloud)" in msg, msg
    from casegate.checks.families import safeguards

    real = safeguards.hosting_companies
    monkeypatch.setattr(safeguards, "hosting_companies", lambda case, developer=(): tuple(
        x for x in real(case, developer) if x[0] != "the system's description"))
    assert _atlas_move("served-by-a-company-by-name").status == "caught"
    assert _atlas_move("weights-home-cloud-in-description").status == "not caught"


def test_the_public_talking_to_our_own_assistant_after_a_comma_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the `api` boundary's words add `Partners build agents, while anyone can talk to our own
    assistant.` The public reaches the developer's own product in a clause of its own (CG105), the
    only catch: without the reading of that clause the move is not caught
    (`public-after-developers-build`, in one clause, still is)."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == "public-uses-our-own-assistant")
    assert r.applicable and r.caught_by == ("CG105",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG105")]
    assert "anyone can talk to our own assistant" in msg and "`consumer` boundary" in msg, msg
    from casegate.checks import _derived

    monkeypatch.setattr(_derived, "_PUBLIC_OWN", re.compile(r"(?!)"))
    assert _atlas_move("public-after-developers-build").status == "caught"
    assert _atlas_move("public-uses-our-own-assistant").status == "not caught"


def test_classifiers_off_by_default_block_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the `api` boundary's words add `The input and output classifiers are off by default for
    enterprise accounts.`, the classifiers' steps and tests kept. The layer is gone for those accounts
    (CG437), the only catch: without the reading of a filter that `is off` the move is not caught
    (`classifier-set-to-block-none` still is)."""
    import re

    r = next(x for x in _report("atlas-api").results if x.mutation.name == "classifiers-off-by-default")
    assert r.applicable and r.caught_by == ("CG437",), (r.status, r.caught_by, r.messages)
    (msg,) = [m for m in r.messages if m.startswith("CG437")]
    assert "safeguard `SG-classifier`" in msg and "off by default for enterprise accounts" in msg, msg
    from casegate.checks import _derived

    said = (r"|\b(?:filter\w*|classifiers?|moderation|screening)\W+(?:[\w'’-]+\W+){0,2}?(?:is|are)\W+"
            r"(?:off|opt[- ]in)(?![\w-])")
    kept = _derived._FILTER_OFF
    assert said in kept.pattern
    monkeypatch.setattr(_derived, "_FILTER_OFF", re.compile(kept.pattern.replace(said, ""), kept.flags))
    assert _atlas_move("classifier-set-to-block-none").status == "caught"
    assert _atlas_move("classifiers-off-by-default").status == "not caught"
