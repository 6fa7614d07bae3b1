"""`casegate policy gaps`: what a policy leaves to the developer alone, each with the rule a case
relying on it meets; the example framework leaves none that blocks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from casegate.checks._gaps import policy_gaps
from casegate.load import load_policy

ROOT = Path(__file__).resolve().parents[2]
ATLAS_POLICY = ROOT / "examples" / "atlas-api" / "policy.yaml"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", "policy", "gaps", *map(str, args)],
                          capture_output=True, text=True)


def _without(text: str, start: str) -> str:
    """`text` without the block that starts at the line `start` (up to the next blank line)."""
    i = text.index(start)
    return text[:i] + text[text.index("\n\n", i) + 1:]


def test_the_example_framework_leaves_nothing_that_blocks() -> None:
    """Its sixteen gaps are advisory: three domains with no threshold (persuasion, autonomy,
    sabotage) may be scoped out at any boundary, the required layers name no test task (its
    classifier red team is a signed report, not a log, and a named task would refuse it), a
    trusted-access decision needs no sign-off from outside the developer, its capability results and
    its safeguard tests count on the developer's own logs, its monitors' readings count unsigned
    where the registry's keyring names no telemetry key, and an objection it records unsigned is
    answered on its word; its three thresholds set no least per-generation or per-sample ceiling
    (nor a least spend) beside their budgets, nor the digest of their tasks' prompts, nor the code of their tasks (`revision` or `package`), and it names no
    model for a run's roles (its runs give none), and it sets neither the longest a monitor may
    stay silent nor the range and breach level of any monitored signal. Weight exfiltration may be scoped out only of an open-weights release
    (`scoped_out_at`), so it is not among them."""
    r = _run(ATLAS_POLICY)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "21 value(s) left to the developer, 0 of them blocking" in r.stdout
    for d in ("persuasion", "autonomy", "sabotage"):
        assert f"domains.{d}.scoped_out_at: no boundary kinds at which `{d}` may be scoped out" in r.stdout
    assert "domains.exfiltration.scoped_out_at" not in r.stdout
    assert "signoff.signed_answers_from: unset: an objection the case records unsigned" in r.stdout
    assert ("post_deployment.signed_telemetry: false: where the registry's keyring gives no key the `telemetry` "
            "role, a monitor's readings are taken on the word of whoever ingests them") in r.stdout
    assert "evidence.independent_kinds: `eval` is not among them" in r.stdout
    assert ("safeguard_tests: no test task for the required layer(s) model-behaviour, classifier, monitoring"
            in r.stdout)


def test_a_safeguard_test_on_the_lab_s_own_log_is_named(tmp_path: Path) -> None:
    """A lab can replace the outside red team of its classifiers with a casegate-results log it
    wrote itself (0 bypasses) and the gate takes it, since the policy counts red teams and
    safeguard tests from the developer: `policy gaps` must say so, as it does for `eval`, and
    stop saying it once the policy lists the kinds it counts only from outside."""
    loaded, _, _ = load_policy(ATLAS_POLICY)
    assert loaded is not None
    gaps = [g for g in policy_gaps(loaded) if g.path == "evidence.independent_kinds" and "red-team" in g.says]
    assert len(gaps) == 1 and gaps[0].rule is None
    assert "`red-team` and `safeguard-test` are not among them" in gaps[0].says
    assert "can stand in for an outside red team" in gaps[0].says
    text = ATLAS_POLICY.read_text()
    assert "  independent_kinds: [security-audit]\n" in text
    pol = tmp_path / "policy.yaml"
    pol.write_text(text.replace("  independent_kinds: [security-audit]\n", "  independent_kinds: [security-audit, red-team]\n"))
    r = _run(pol)
    assert "`safeguard-test` is not among them" in r.stdout and "`red-team`" not in r.stdout, r.stdout
    pol.write_text(text.replace("  independent_kinds: [security-audit]\n",
                                "  independent_kinds: [security-audit, red-team, safeguard-test]\n"))
    r = _run(pol)
    assert r.returncode == 0 and "safeguard-test" not in r.stdout and "20 value(s)" in r.stdout, r.stdout


def test_a_task_named_without_its_samples_is_advisory(tmp_path: Path) -> None:
    pol = tmp_path / "policy.yaml"
    pol.write_text(re.sub(r", digest: sha256:[0-9a-f]{64}", "", ATLAS_POLICY.read_text()))
    r = _run(pol)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "24 value(s) left to the developer, 0 of them blocking" in r.stdout
    assert "thresholds.cyber-high.tasks: a task named without the digest of its samples" in r.stdout


def test_each_missing_floor_is_named_with_its_rule(tmp_path: Path) -> None:
    text = ATLAS_POLICY.read_text()
    text = _without(text, "  # the attempt rates the framework assumes")
    text = text.replace(", min_severity: high}", "}", 1)  # persuasion
    text = text.replace('    tasks: [{name: acme-swe-8h, version: "1", digest: sha256:135bb14b50977ab9c7af38a213cb5f8501e1e7f56618e260be9cd36d001c3d78}]\n', "", 1)
    pol = tmp_path / "policy.yaml"
    pol.write_text(text)
    r = _run(pol, "--format", "json")
    assert r.returncode == 1, r.stdout + r.stderr
    gaps = {g["path"]: g["rule"] for g in json.loads(r.stdout)["gaps"]}
    assert gaps["domains.persuasion.min_severity"] == "CG209"
    assert gaps["thresholds.ai-rnd-4.tasks"] == "CG308"
    # every boundary kind the policy lets a case be signed for, for every domain
    assert {p for p, rule in gaps.items() if rule == "CG419"} == {
        "tolerance.min_attempts_per_year.internal-research", "tolerance.min_attempts_per_year.trusted-access",
        "tolerance.min_attempts_per_year.api", "tolerance.min_attempts_per_year.consumer"}
    text = _run(pol).stdout
    assert "no floor on attempts per year at api boundaries for any domain" in text and "(CG419)" in text


def test_a_floor_for_some_domains_names_the_others(tmp_path: Path) -> None:
    text = ATLAS_POLICY.read_text().replace('    api: {cyber: 200, cbrn: 5, "*": 2}\n', "    api: {cyber: 200, cbrn: 5}\n")
    pol = tmp_path / "policy.yaml"
    pol.write_text(text)
    loaded, _, _ = load_policy(pol)
    assert loaded is not None
    (gap,) = [g for g in policy_gaps(loaded) if g.rule == "CG419"]
    assert gap.path == "tolerance.min_attempts_per_year.api"
    assert "for `persuasion`, `autonomy`, `ai-rnd`, `exfiltration`, `sabotage`" in gap.says


def test_a_policy_that_does_not_load_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "policy.yaml"
    bad.write_text("casegate: 1\nkind: policy\nid: x\n")
    r = _run(bad)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "is not a valid policy" in r.stderr


def test_a_policy_that_asks_for_signed_telemetry_leaves_no_readings_to_the_developer(tmp_path: Path) -> None:
    pol = tmp_path / "policy.yaml"
    pol.write_text(ATLAS_POLICY.read_text() + "\npost_deployment:\n  signed_telemetry: true\n")
    r = _run(pol, "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "post_deployment.signed_telemetry" not in {g["path"] for g in json.loads(r.stdout)["gaps"]}


def test_a_policy_that_reads_first_format_telemetry_as_before_or_takes_typed_answers_says_so(
        tmp_path: Path) -> None:
    pol = tmp_path / "policy.yaml"
    pol.write_text(ATLAS_POLICY.read_text() + "\npost_deployment:\n  telemetry_v1: accept\n")
    paths = {g["path"] for g in json.loads(_run(pol, "--format", "json").stdout)["gaps"]}
    assert {"post_deployment.telemetry_v1", "signoff.signed_answers_from"} <= paths
    text = ATLAS_POLICY.read_text().replace("  product_role: product-lead\n",
                                            "  product_role: product-lead\n  signed_answers_from: api\n")
    pol.write_text(text)
    paths = {g["path"] for g in json.loads(_run(pol, "--format", "json").stdout)["gaps"]}
    assert not {"post_deployment.telemetry_v1", "signoff.signed_answers_from"} & paths


def test_a_wide_boundary_signed_off_from_inside_alone_is_named(tmp_path: Path) -> None:
    """The example framework asks an outside evaluator's sign-off at api and consumer
    (`independent: true`), not at trusted-access: that boundary is named; once no wide boundary
    marks a role independent, each is; internal boundaries never are."""
    loaded, _, _ = load_policy(ATLAS_POLICY)
    assert loaded is not None
    named = [g for g in policy_gaps(loaded) if g.path.startswith("signoff.required.")]
    assert [g.path for g in named] == ["signoff.required.trusted-access"]
    assert named[0].rule is None and "no required role is marked `independent: true`" in named[0].says
    text = ATLAS_POLICY.read_text()
    assert text.count("{role: external-evaluator, independent: true}") == 2
    pol = tmp_path / "policy.yaml"
    pol.write_text(text.replace("{role: external-evaluator, independent: true}", "{role: external-evaluator}"))
    loaded, _, _ = load_policy(pol)
    assert loaded is not None
    assert [g.path for g in policy_gaps(loaded) if g.path.startswith("signoff.required.")
            and g.says.startswith("no required role is marked")] == [
        "signoff.required.trusted-access", "signoff.required.api", "signoff.required.consumer"]


def test_a_threshold_that_sets_no_ceiling_minimum_is_named(tmp_path: Path) -> None:
    """A run can meet a threshold's token budget and time limit with every generation cut at a few
    dozen tokens or a conversation of a few messages: a threshold whose minimum sets no least
    `max_tokens`, `message_limit`, `turn_limit`, `working_limit` or `cost_limit` says so, and one
    that sets them all does not."""
    text = ATLAS_POLICY.read_text()
    old = "budget_tokens: 2000000, samples: 150}"
    assert old in text
    pol = tmp_path / "policy.yaml"
    pol.write_text(text.replace(old, "budget_tokens: 2000000, samples: 150, max_tokens: 4096}"))
    gaps = {g["path"]: g["says"] for g in json.loads(_run(pol, "--format", "json").stdout)["gaps"]}
    said = gaps["thresholds.cyber-high.elicitation"]
    assert "`message_limit`, `turn_limit`, `working_limit`" in said and "max_tokens" not in said
    pol.write_text(text.replace(old, "budget_tokens: 2000000, samples: 150, max_tokens: 4096, message_limit: 200, "
                                     "turn_limit: 100, working_limit: 7200}"))
    gaps = {g["path"]: g["says"] for g in json.loads(_run(pol, "--format", "json").stdout)["gaps"]}
    said = gaps["thresholds.cyber-high.elicitation"]
    assert "no least `cost_limit`" in said and "capped by spend (`cost_limit`) blocks" in said, said
    pol.write_text(text.replace(old, "budget_tokens: 2000000, samples: 150, max_tokens: 4096, message_limit: 200, "
                                     "turn_limit: 100, working_limit: 7200, cost_limit: 50}"))
    gaps = {g["path"]: g["says"] for g in json.loads(_run(pol, "--format", "json").stdout)["gaps"]}
    assert "thresholds.cyber-high.elicitation" not in gaps and "thresholds.bio-high.elicitation" in gaps


def test_a_task_pinned_by_revision_alone_is_named_for_lm_eval(tmp_path: Path) -> None:
    """An lm-eval run records no code revision, so a task the policy pins by `revision` alone can
    be met only by an Inspect or casegate-results run: `policy gaps` says so, and stops once the
    task also names its package."""
    loaded, _, _ = load_policy(ATLAS_POLICY)
    assert loaded is not None
    tid, th = next((k, v) for k, v in loaded.thresholds.items() if v.tasks)
    task = th.tasks[0]
    pinned = loaded.model_copy(update={"thresholds": {**loaded.thresholds, tid: th.model_copy(update={
        "tasks": [task.model_copy(update={"revision": "0123abcd", "package": None}), *th.tasks[1:]]})}})
    said = [g.says for g in policy_gaps(pinned) if g.path == f"thresholds.{tid}.tasks"]
    assert any("no lm-eval run of it can match" in s for s in said), said
    both = loaded.model_copy(update={"thresholds": {**loaded.thresholds, tid: th.model_copy(update={
        "tasks": [task.model_copy(update={"revision": "0123abcd", "package": "inspect-evals==0.3.1"}),
                  *th.tasks[1:]]})}})
    assert not any("no lm-eval run of it can match" in g.says for g in policy_gaps(both))
    # the example pins no revision: its own gap list is unchanged
    assert not any("no lm-eval run of it can match" in g.says for g in policy_gaps(loaded))


def _deciding_outside(policy: Path) -> list[tuple[str, str]]:
    loaded, _, _ = load_policy(policy)
    assert loaded is not None
    return [(g.path, g.says) for g in policy_gaps(loaded)
            if "is an outside evaluator's role" in g.says or ", an outside evaluator's role" in g.says]


def test_an_outside_evaluator_s_role_that_may_decide_is_named(tmp_path: Path) -> None:
    """The lab's policy marks `external-evaluator` independent at api but not at consumer, where,
    required to sign off, it may also decide (no `decision.deciding_roles`): its holder is then a
    possible decider, the developer's, so no one in it counts as outside there and their firm's
    evidence is not independent. `policy gaps` names the role at consumer; the example framework,
    which marks it at both, leaves no such gap."""
    assert _deciding_outside(ATLAS_POLICY) == []
    text = ATLAS_POLICY.read_text()
    marked = "{role: external-evaluator, independent: true}"
    assert text.count(marked) == 2
    pol = tmp_path / "policy.yaml"
    pol.write_text(text.replace(marked, "{role: external-evaluator}", 2).replace(
        "{role: external-evaluator}", marked, 1))
    ((path, says),) = _deciding_outside(pol)
    assert path == "signoff.required.consumer", path
    assert says.startswith("`external-evaluator` is an outside evaluator's role (marked `independent: true` for api) "
                           "but may decide `consumer` without the mark"), says
    r = _run(pol)
    assert r.returncode == 0 and "`external-evaluator` is an outside evaluator's role" in r.stdout, r.stdout + r.stderr


def test_an_outside_role_marked_nowhere_is_named_by_its_name(tmp_path: Path) -> None:
    """Marked nowhere, `external-evaluator` says by its name whose it is: it is named at each boundary
    where it may decide."""
    pol = tmp_path / "policy.yaml"
    pol.write_text(ATLAS_POLICY.read_text().replace("{role: external-evaluator, independent: true}",
                                                    "{role: external-evaluator}"))
    found = _deciding_outside(pol)
    assert [p for p, _ in found] == ["signoff.required.api", "signoff.required.consumer"], found
    assert all("(by its name an outside party's)" in says for _, says in found), found


def test_a_marked_role_among_the_deciding_roles_is_named(tmp_path: Path) -> None:
    """`decision.deciding_roles` naming the outside evaluator's role lets the party judged for
    independence sign the decision (and decide the boundaries where it is not marked, as the
    developer's)."""
    pol = tmp_path / "policy.yaml"
    pol.write_text(ATLAS_POLICY.read_text() + "\ndecision:\n  deciding_roles: [rso, external-evaluator]\n")
    found = _deciding_outside(pol)
    assert [p for p, _ in found] == ["signoff.required.internal-research", "signoff.required.trusted-access",
                                     "decision.deciding_roles"], found
    assert found[-1][1].startswith("names `external-evaluator`, an outside evaluator's role (marked `independent: "
                                  "true` for api, consumer)"), found


def test_a_run_capped_by_max_tokens_is_named_before_it_blocks_a_case(tmp_path: Path) -> None:
    """A team whose Inspect runs pass `--max-tokens` (or a system message) meets CG309 at the gate
    unless the case states `boundary.configuration`: `policy gaps` names it ahead, with the log
    fields and what to state (tests/gate/test_blind_context.py holds the gate to CG309 on such a
    run). No policy value closes it, so it does not change the exit code."""
    r = _run(ATLAS_POLICY, "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    (must,) = json.loads(r.stdout)["case_must_state"]
    assert must["path"] == "boundary.configuration" and must["rule"] == "CG309"
    for said in ("`--max-tokens`", "`max_gen_toks`", "`--system-message`", "`boundary.configuration.max_tokens`",
                 "`boundary.configuration.system_message_sha256`", "an evaluation of a threshold or a test of a "
                 "safeguard"):
        assert said in must["says"], said
    text = _run(ATLAS_POLICY).stdout
    assert "every case under it must state of its own, or block:\n  boundary.configuration: " in text
    assert text.rstrip().endswith("(CG309)")
    # a least `max_tokens` in the policy is named: meeting it with a ceiling is what blocks
    pol = tmp_path / "policy.yaml"
    old = "budget_tokens: 2000000, samples: 150}"
    pol.write_text(ATLAS_POLICY.read_text().replace(old, "budget_tokens: 2000000, samples: 150, max_tokens: 4096}"))
    (must,) = json.loads(_run(pol, "--format", "json").stdout)["case_must_state"]
    assert "least `max_tokens` (`cyber-high` 4,096)" in must["says"]
    # a policy that measures nothing and tests no safeguard leaves a case nothing to state
    loaded, _, _ = load_policy(ATLAS_POLICY)
    assert loaded is not None
    from casegate.checks._gaps import case_must_state

    quiet = loaded.model_copy(update={"thresholds": {k: v.model_copy(update={"value": None, "safeguards": []})
                                                     for k, v in loaded.thresholds.items()}, "safeguard_tests": {}})
    assert case_must_state(quiet) == [] and case_must_state(loaded) != []


OPEN_WEIGHTS = ROOT / "examples" / "open-weights"
_MONITOR_BOUNDS = ("\npost_deployment:\n  max_silence: 72h\n  signals:\n"
                   "    cyber-classifier-flag-rate: {range: [0, 1], op: \">\", threshold: 0.005}\n")


def test_a_policy_that_leaves_monitors_to_the_lab_says_so(tmp_path: Path) -> None:
    """A lab's monitor of a count with a range of its own choosing, or a silence as long as the
    re-evaluation interval, passes CG715 where the policy sets neither `post_deployment.signals` nor
    `post_deployment.max_silence`: `policy gaps` names both (advisory: no rule blocks a case for
    them, so the exit code stays 0), and neither once the policy sets them."""
    r = _run(ATLAS_POLICY, "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    listed = json.loads(r.stdout)["gaps"]
    gaps = {g["path"]: g for g in listed}
    assert gaps["post_deployment.max_silence"]["rule"] is None
    assert "state the longest any monitor may stay silent" in gaps["post_deployment.max_silence"]["says"]
    assert gaps["post_deployment.signals"]["rule"] is None
    assert "a monitor of a count is bounded only by the range its case declares" in gaps["post_deployment.signals"]["says"]
    r = _run(ATLAS_POLICY)
    assert "  post_deployment.max_silence: unset: a monitor may go without a reading" in r.stdout
    assert "  post_deployment.signals: empty: no monitored signal has a range or breach level" in r.stdout
    pol = tmp_path / "policy.yaml"
    pol.write_text(ATLAS_POLICY.read_text() + _MONITOR_BOUNDS)
    r = _run(pol, "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    paths = {g["path"] for g in json.loads(r.stdout)["gaps"]}
    assert not any(p.startswith(("post_deployment.signals", "post_deployment.max_silence")) for p in paths), paths
    assert len(json.loads(r.stdout)["gaps"]) == len(listed) - 2


def test_each_monitored_signal_the_policy_does_not_bound_is_named(tmp_path: Path) -> None:
    """The open-weights case monitors a count (`confirmed-misuse-reports`, range [0, 1000] of its
    own) and a rate: under a policy with no `signals` entry for them, `--case` names the count's
    missing range and both signals' missing breach level; the example policy bounds both."""
    text = (OPEN_WEIGHTS / "policy.yaml").read_text()
    start = text.index("  # the longest a monitor may go without a reading")
    pol = tmp_path / "policy.yaml"
    pol.write_text(text[:start] + text[text.index("\n\n", start) + 1:])
    r = _run(pol, "--case", OPEN_WEIGHTS / "case.yaml", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    gaps = {g["path"]: g for g in json.loads(r.stdout)["gaps"]}
    count = gaps["post_deployment.signals.confirmed-misuse-reports"]
    assert count["rule"] is None
    assert count["says"].startswith("no `range` and no breach level (`op`, `threshold`) for the monitored signal")
    assert "bounded only by the range its case declares" in count["says"]
    rate = gaps["post_deployment.signals.derivative-bio-uplift-rate"]["says"]
    assert rate.startswith("no breach level") and "`range`" not in rate  # a rate is in [0, 1] by its name
    assert "post_deployment.max_silence" in gaps and "post_deployment.signals" not in gaps
    # a range alone leaves the breach level to the lab
    pol.write_text(text.replace('confirmed-misuse-reports: {range: [0, 100000], op: ">=", threshold: 2}',
                                "confirmed-misuse-reports: {range: [0, 100000]}"))
    r = _run(pol, "--case", OPEN_WEIGHTS / "case.yaml")
    assert r.returncode == 0, r.stdout + r.stderr
    assert ("post_deployment.signals.confirmed-misuse-reports: no breach level (`op`, `threshold`) for the "
            "monitored signal") in r.stdout
    assert "derivative-bio-uplift-rate" not in r.stdout and "post_deployment.max_silence" not in r.stdout
    r = _run(OPEN_WEIGHTS / "policy.yaml", "--case", OPEN_WEIGHTS / "case.yaml")
    assert r.returncode == 0 and "post_deployment.signals" not in r.stdout, r.stdout


def test_a_policy_that_asks_for_no_monitor_lists_neither(tmp_path: Path) -> None:
    """A policy with no alert levels, no `monitoring` layer (required or for wide internal
    deployments) and no signals of its own asks for no monitor: neither field is listed."""
    pol = tmp_path / "policy.yaml"
    pol.write_text("casegate: 1\nkind: policy\nid: bare\nname: Bare\ndomains: {cyber: {name: Cyber}}\n"
                   "internal: {wide_layers: [access-control]}\n")
    loaded, _, _ = load_policy(pol)
    assert loaded is not None
    assert not [g for g in policy_gaps(loaded, ["misuse-reports"])
                if g.path.startswith(("post_deployment.signals", "post_deployment.max_silence"))]
    pol.write_text(pol.read_text().replace("[access-control]", "[access-control, monitoring]"))
    loaded, _, _ = load_policy(pol)
    assert loaded is not None
    assert {g.path for g in policy_gaps(loaded, ["misuse-reports"])} >= {
        "post_deployment.signals.misuse-reports", "post_deployment.max_silence"}


def test_a_case_that_does_not_load_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "case.yaml"
    bad.write_text("casegate: 1\nkind: case\n")
    r = _run(ATLAS_POLICY, "--case", bad)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert str(bad) in r.stderr
