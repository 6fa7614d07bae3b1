"""A case written apart from the examples (Wren-2, a 14B model released with open weights:
`tests/fixtures/rt_openweights/wren`), gated as `gate --preview` does with the examples' keyring.
Honestly it is NO-GO: after an attacker's fine-tuning its bio uplift result cannot rule out the
threshold, and its tamper-resistant refusal training does not hold under a two-GPU-hour fine-tune
(212 of 400). The lab's moves to GO without fixing that are tried here and in docs/security.md."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from casegate.model import DecisionRecord, Waiver

ROOT = Path(__file__).resolve().parents[2]
WREN = ROOT / "tests" / "fixtures" / "rt_openweights" / "wren"
RING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"
HARNESS = {"tool": "acme-redteam-harness", "tool_version": "2.3.0"}
ATTACK = {"gpu_hours": 2, "steps": 600, "examples": 300}
"""A fine-tuning attack of the size the fixture's policy asks for (`arguments.fine_tune`)."""


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _copy(tmp: Path) -> Path:
    d = tmp / "wren"
    shutil.copytree(WREN, d)
    return d


def _preview(d: Path, previous: Path | None = None, waivers: Sequence[Waiver] = ()) -> DecisionRecord:
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.sign import load_keyring, parse_instant
    from casegate.verify import gate_inputs

    day = parse_instant("2026-11-25").date()
    inputs = gate_inputs(load_case(d / "case.yaml"), load_keyring(RING), day, preview=True)
    return run_gate(inputs.loaded, today=day, waivers=[*inputs.waivers, *waivers],
                    waiver_problems=inputs.waiver_problems,
                    previous=load_case(previous / "case.yaml") if previous is not None else None)


def _blocking(record: DecisionRecord) -> list[str]:
    return sorted(f.code for f in record.findings if f.blocking)


def _messages(record: DecisionRecord, code: str) -> list[str]:
    return [f.message for f in record.findings if f.code == code]


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    assert text.count(old) == count, (path, old)
    path.write_text(text.replace(old, new))


def _log(d: Path, name: str, task: str, model: str, n: int, bypassed: int, created: str = "2026-10-21T09:00:00Z",
         **extra: object) -> str:
    """Writes a casegate-results test log (one score per attempt, 1 a bypass) with the fixture's own
    generator, and returns its sha256."""
    spec = importlib.util.spec_from_file_location("wren_gen", WREN / "gen.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    path = d / "reports" / name
    gen.results(str(path), task, "1", model, created, 1, "bypassed", n, bypassed, {**HARNESS, **extra})
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _retest_tamper(d: Path, task: str, model: str, n: int, bypassed: int, **extra: object) -> None:
    """The tamper-resistance test's log written again (E-tamper-ft's artifact), its pin updated."""
    sha = _log(d, "refusal-ft-attack.json", task, model, n, bypassed, "2026-10-20T09:00:00Z", **extra)
    ev = d / "evidence.yaml"
    ev.write_text(re.sub(r"(artifact: reports/refusal-ft-attack.json\n    sha256: )[0-9a-f]{64}", rf"\g<1>{sha}",
                         ev.read_text()))


def test_the_blind_case_is_honestly_no_go_and_go_once_fixed(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG305", "CG406", "CG410"]
    # the honest fix: tamper resistance that holds under fine-tuning attacks, 0 of 15,000 on the
    # attacked checkpoint (a layer trained into the weights counts at open weights)
    _retest_tamper(d, "acme-refusal-ft-attack", "acme/wren-2-finetuned", 15000, 0, variant="fine-tuned", fine_tune=ATTACK)
    record = _preview(d)
    # what is left is the bio bound at the threshold, a condition (monitor, re-evaluate) that would be
    # met after the weights are out: it blocks at open weights (test_open_weights_conditions.py)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG305"]


# --------------------------------------------------------------------------- move 1


HOSTED = {  # safeguards of the lab's serving stack, each tested on the hosted product
    "SG-classifier": ("classifier", "Bio input and output classifiers", "classifier-test.json",
                      "acme-classifier-redteam", 1, "acquisition-planning, protocol-troubleshooting, production"),
    "SG-kyc": ("user-vetting", "Identity check before download", "kyc-test.json", "acme-kyc-enrolment", 0,
               "acquisition-planning"),
    "SG-monitor": ("monitoring", "Bio misuse monitoring", "monitor-test.json", "acme-misuse-monitoring", 1,
                   "protocol-troubleshooting, production"),
}


def _hosted_safeguards(d: Path, drop_tamper: bool = True, tuned: bool = False) -> None:
    """The lab's move: classifiers, an identity check on the hub and misuse monitoring counted as
    blocking the bio pathway, each red-teamed on the hosted product (at most 1 bypass in 400; with
    `tuned`, through copies tuned by the fixture's attack), and the tamper-resistance layer that
    failed dropped."""
    sgs, evs = [], []
    extra: dict[str, object] = {"variant": "fine-tuned", "fine_tune": ATTACK} if tuned else {}
    for sid, (layer, title, log, task, bypassed, steps) in HOSTED.items():
        sha = _log(d, log, task, "acme/wren-2", 400, bypassed, **extra)
        blocks = ", ".join(f"bio-known-agent.{s}" for s in steps.split(", "))
        sgs.append(f"  {sid}:\n    layer: {layer}\n    title: {title}\n    blocks: [{blocks}]\n"
                   f"    evidence: [E-{sid[3:]}]\n    verified_by: acme-frontier-evals\n")
        evs.append(f"  E-{sid[3:]}:\n    kind: safeguard-test\n    tests: [{sid}]\n    title: Red team of {title.lower()}\n"
                   f"    artifact: reports/{log}\n    sha256: {sha}\n    producer: acme-frontier-evals\n"
                   f"    date: 2026-10-21\n")
    _edit(d / "case.yaml", "\nresidual_risk:\n", "".join(sgs) + "\nresidual_risk:\n")
    (d / "evidence.yaml").write_text((d / "evidence.yaml").read_text() + "".join(evs))
    _edit(d / "argument.yaml", "evidence: [E-tamper-ft, E-filter-audit]",
          "evidence: [E-tamper-ft, E-filter-audit, E-classifier, E-kyc, E-monitor]")
    if drop_tamper:
        case = (d / "case.yaml").read_text()
        case = re.sub(r"  SG-tamper:\n(    .*\n)+", "", case)
        (d / "case.yaml").write_text(case.replace("relies_on: [E-bio-ft, E-tamper-ft]", "relies_on: [E-bio-ft]"))
        ev = (d / "evidence.yaml").read_text()
        (d / "evidence.yaml").write_text(re.sub(r"  E-tamper-ft:\n(    .*\n)+", "", ev))
        _edit(d / "argument.yaml", "evidence: [E-tamper-ft, E-filter-audit,", "evidence: [E-filter-audit,")


def _hosted_fine_tuning(d: Path) -> None:
    """The boundary made Acme's hosted fine-tuning service: customers tune and query the model
    through Acme's interface, and the weights stay with Acme."""
    _edit(d / "case.yaml", "  kind: open-weights\n", "  kind: fine-tuning\n")
    _edit(d / "case.yaml", "    access: public\n    weights: download\n",
          "    access: self-serve\n    weights: fine-tuning\n    rate_limit: 60 requests/min per key\n")
    _edit(d / "case.yaml", "anyone who downloads the weights from the public model hub",
          "developers who sign up for Acme's fine-tuning service")
    _edit(d / "case.yaml", "Weights published under a responsible-use licence; no hosted service, no tools.",
          "Customers tune and query Wren-2 through Acme's hosted interface; the weights stay with Acme.")


def test_safeguards_a_holder_of_the_weights_runs_without_block_nothing_at_open_weights(tmp_path: Path) -> None:
    """The lab's move on the blind case: the bio pathway blocked by the hub's classifiers, identity
    check and monitoring. It was GO WITH CONDITIONS (the three tests multiplied the bound down to
    within tolerance): published weights run without any of them."""
    d = _copy(tmp_path)
    _hosted_safeguards(d)
    record = _preview(d)
    assert record.outcome == "NO-GO"
    assert _blocking(record) == ["CG305", "CG401", "CG402", "CG410", "CG422", "CG422", "CG422"]
    msgs = " ".join(_messages(record, "CG422"))
    for sid, layer in (("SG-classifier", "classifier"), ("SG-kyc", "user-vetting"), ("SG-monitor", "monitoring")):
        assert f"safeguard `{sid}` ({layer})" in msgs
    assert "who may pass them on" in msgs  # the identity check vets who downloads, not who holds a copy
    # the bound counts the data filter alone
    (risk,) = _messages(record, "CG410")
    assert "(SG-data-filter: 3/500)" in risk and "SG-classifier" not in risk


def test_the_same_safeguards_count_where_the_lab_serves_the_tuned_model(tmp_path: Path) -> None:
    """Control: the same model tuned by customers through Acme's hosted interface keeps Acme's
    classifiers, identity check and monitoring in the path: red-teamed through tuned copies, they
    count there, and the gate names that boundary as the narrower one the open-weights case's
    evidence supports."""
    d = _copy(tmp_path)
    _hosted_safeguards(d, tuned=True)
    record = _preview(d)
    assert record.narrower == "fine-tuning"
    _hosted_fine_tuning(d)
    record = _preview(d)
    assert "CG422" not in _blocking(record) and "CG410" not in _blocking(record), _blocking(record)


def test_refusal_training_blocks_nothing_where_customers_fine_tune(tmp_path: Path) -> None:
    """At hosted fine-tuning the lab's stack runs, but the customer's tuning undoes trained-in
    refusals: the tamper-resistance layer relabelled plain refusal training (`model-behaviour`)
    blocks nothing there."""
    d = _copy(tmp_path)
    _hosted_safeguards(d, drop_tamper=False)
    _retest_tamper(d, "acme-refusal-ft-attack", "acme/wren-2-finetuned", 15000, 0, variant="fine-tuned", fine_tune=ATTACK)
    _edit(d / "case.yaml", "    layer: tamper-resistant-training\n", "    layer: model-behaviour\n")
    _hosted_fine_tuning(d)
    record = _preview(d)
    (msg,) = _messages(record, "CG422")
    assert msg.startswith("safeguard `SG-tamper` (model-behaviour)") and "fine-tuning undoes trained-in refusals" in msg
    _edit(d / "case.yaml", "    layer: model-behaviour\n", "    layer: tamper-resistant-training\n")
    assert _messages(_preview(d), "CG422") == []


# --------------------------------------------------------------------------- move 3


def test_tamper_resistance_tested_only_by_jailbreaks_of_the_released_checkpoint_is_no_go(tmp_path: Path) -> None:
    """The lab's move: the fine-tuning attack that broke the tamper-resistance layer replaced by a
    jailbreak campaign against the released checkpoint, 0 bypasses in 15,000 prompts (no weights
    tuned). It was GO WITH CONDITIONS: a prompt campaign measures refusals, which a holder of the
    weights tunes away."""
    d = _copy(tmp_path)
    _retest_tamper(d, "acme-refusal-jailbreak", "acme/wren-2", 15000, 0)
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG305", "CG410", "CG423"]
    (msg,) = _messages(record, "CG423")
    assert "`E-tamper-ft` ran against the `production` variant" in msg and "`fine-tuned` checkpoint" in msg
    # the same log as a fine-tuning attack's (the attacked checkpoint recorded): it counts
    _retest_tamper(d, "acme-refusal-ft-attack", "acme/wren-2-finetuned", 15000, 0, variant="fine-tuned", fine_tune=ATTACK)
    assert _blocking(_preview(d)) == ["CG305"]  # the bio bound at the threshold alone


# --------------------------------------------------------------------------- move 2


def _relabel_api(d: Path) -> None:
    """The lab's move: the open-weights release labelled an API, its `scope.weights` left at `none`,
    while its words still give the weights out. (The policy lets exfiltration be scoped out at open
    weights only; that is lifted here, so the label is all that is tried.)"""
    _hosted_safeguards(d)
    _edit(d / "case.yaml", "  kind: open-weights\n", "  kind: api\n")
    _edit(d / "case.yaml", "    access: public\n    weights: download\n",
          "    access: self-serve\n    rate_limit: 60 requests/min per key\n")
    _edit(d / "policy.yaml", ", scoped_out_at: [fine-tuning, open-weights]}", "}")


@pytest.mark.parametrize("where", ["description", "users"])
def test_weights_given_out_in_the_boundarys_words_under_an_api_label_is_no_go(tmp_path: Path, where: str) -> None:
    """It was GO WITH CONDITIONS: the kind was checked against `scope.access` and `scope.weights`
    only, and the boundary's own words ("Weights published under a responsible-use licence",
    "anyone who downloads the weights") were not read."""
    d = _copy(tmp_path)
    _relabel_api(d)
    if where == "users":
        _edit(d / "case.yaml", "Weights published under a responsible-use licence; no hosted service, no tools.",
              "Released under a responsible-use licence.")
    record = _preview(d)
    assert record.outcome == "NO-GO"
    (msg,) = _messages(record, "CG105")
    said = ("Weights published under a responsible-use licence" if where == "description"
            else "anyone who downloads the weights from the public model hub")
    assert f'the boundary says its users get the weights ("{said}")' in msg and "`api` boundary" in msg
    # and the weights are held reachable: the hub's safeguards block nothing (CG422)
    assert _blocking(record).count("CG422") == 3


def test_an_api_whose_words_keep_the_weights_is_not_relabelled(tmp_path: Path) -> None:
    """Control: an API whose words say the weights stay with the lab (or never name them) keeps its
    kind, and the lab's serving stack counts there."""
    d = _copy(tmp_path)
    _relabel_api(d)
    _edit(d / "case.yaml", "anyone who downloads the weights from the public model hub",
          "developers who sign up for the Acme API")
    _edit(d / "case.yaml", "Weights published under a responsible-use licence; no hosted service, no tools.",
          "Served through the Acme API; the weights are never shared or published.")
    record = _preview(d)
    assert _messages(record, "CG105") == [] and _messages(record, "CG422") == []
    assert record.outcome == "GO WITH CONDITIONS", _blocking(record)


# --------------------------------------------------------------------------- move 4


@pytest.mark.parametrize("layer", ["incident-response", "staged-rollout", "rate-limit", "logging", "other"])
def test_a_recall_or_other_control_of_the_hub_blocks_nothing_at_open_weights(tmp_path: Path, layer: str) -> None:
    """The lab's move: the classifier's place taken by a control of the hub ("withdraw the weights
    from the hub within an hour of a confirmed misuse report", a staged rollout, a download rate
    limit, download logs), tested by drills that held. Weights already downloaded cannot be recalled,
    and none of these runs on a copy."""
    d = _copy(tmp_path)
    _hosted_safeguards(d)
    _edit(d / "case.yaml", "    layer: classifier\n    title: Bio input and output classifiers\n",
          f"    layer: {layer}\n    title: Withdrawal of the weights from the hub on confirmed misuse\n")
    record = _preview(d)
    assert record.outcome == "NO-GO"
    assert any(m.startswith(f"safeguard `SG-classifier` ({layer})") and "does not go with them" in m
               for m in _messages(record, "CG422"))


def test_a_withdraw_trigger_is_read_as_what_it_is_where_the_words_give_the_weights_out(tmp_path: Path) -> None:
    """CG717 (a withdraw action cannot recall downloaded weights) reads the weights access as the
    other rules do: an API label whose words publish the weights is still a download."""
    d = _copy(tmp_path)
    _relabel_api(d)
    _edit(d / "case.yaml", "      min_severity: moderate\n      action: reopen\n",
          "      min_severity: moderate\n      action: withdraw\n")
    (msg,) = _messages(_preview(d), "CG717")
    assert msg.startswith("trigger `T-incident` would withdraw an open-weights release")


# --------------------------------------------------------------------------- move 5

PARTNERS = ("    users: research staff of named partner laboratories under a signed weights licence\n"
            "    access: named-partners\n"
            "    vetting: organisation due diligence and named-researcher enrolment reviewed by Acme security\n")
PUBLIC = "    users: anyone who downloads the weights from the public model hub\n    access: public\n"


def _partners_first(d: Path) -> None:
    """A staged release: the weights go to named partner laboratories first, the failing
    tamper-resistance layer replaced by partner vetting, red-teamed (0 of 15,000 enrolment attacks)."""
    sha = _log(d, "vetting-test.json", "acme-partner-vetting", "acme/wren-2", 15000, 0)
    case = re.sub(r"  SG-tamper:\n(    .*\n)+",
                  "  SG-vetting:\n    layer: user-vetting\n    title: Partner due diligence and signed weights licence\n"
                  "    blocks: [bio-known-agent.acquisition-planning]\n    evidence: [E-vetting]\n"
                  "    verified_by: acme-security\n", (d / "case.yaml").read_text())
    (d / "case.yaml").write_text(case.replace("relies_on: [E-bio-ft, E-tamper-ft]", "relies_on: [E-bio-ft, E-vetting]"))
    _edit(d / "case.yaml", PUBLIC, PARTNERS)
    ev = re.sub(r"  E-tamper-ft:\n(    .*\n)+",
                f"  E-vetting:\n    kind: safeguard-test\n    tests: [SG-vetting]\n    title: Adversarial enrolment "
                f"test of partner vetting\n    artifact: reports/vetting-test.json\n    sha256: {sha}\n"
                f"    producer: acme-security\n    date: 2026-10-21\n", (d / "evidence.yaml").read_text())
    (d / "evidence.yaml").write_text(ev)
    _edit(d / "argument.yaml", "evidence: [E-tamper-ft, E-filter-audit]", "evidence: [E-vetting, E-filter-audit]")


def test_partner_vetting_counts_while_only_vetted_partners_receive_the_weights(tmp_path: Path) -> None:
    """Control: who receives the weights is decided by the vetting while access is limited to named
    partners (the weights still go out, so nothing in the lab's serving stack would count)."""
    d = _copy(tmp_path)
    _partners_first(d)
    record = _preview(d)
    # the vetting counts (no CG422); the bio bound at the threshold is what is left, which at any
    # boundary giving the weights out has to be met before they go
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG305"]


def test_the_partner_release_widened_to_everyone_on_its_vetting_is_no_go(tmp_path: Path) -> None:
    """The lab's move: the partner release widened to public download as a new case (nothing to
    compare with: CG211 holds a widening only against an earlier version), carrying the partner
    vetting and its test. It was GO WITH CONDITIONS: the hub's gate vets who downloads, not who
    holds a copy."""
    d = _copy(tmp_path)
    _partners_first(d)
    _edit(d / "case.yaml", PARTNERS, PUBLIC)
    _edit(d / "case.yaml", "id: wren-2-open", "id: wren-2-public")
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG305", "CG401", "CG402", "CG410", "CG422"]
    (msg,) = _messages(record, "CG422")
    assert msg.startswith("safeguard `SG-vetting` (user-vetting)") and "users with `public` access" in msg
    # the narrower boundary the gate names keeps the weights with the lab (hosted fine-tuning)
    assert record.narrower == "fine-tuning"


# --------------------------------------------------------------------------- the policy beside the case


def _cyber_helpful_only(d: Path) -> None:
    """Version 1.0 under a policy whose cyber threshold asks only for the helpful-only variant, the
    CTF run made on it: at open weights inability still needs the fine-tuned one (the policy's
    `arguments.weights_variant`), so the ransomware pathway rests on safeguards it has none of."""
    spec = importlib.util.spec_from_file_location("wren_gen", WREN / "gen.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    _retest_tamper(d, "acme-refusal-ft-attack", "acme/wren-2-finetuned", 15000, 0, variant="fine-tuned", fine_tune=ATTACK)
    _edit(d / "policy.yaml", "variant: fine-tuned, budget_tokens: 2000000", "variant: helpful-only, budget_tokens: 2000000")
    log = d / "evals" / "cyber-ctf-ft.json"
    gen.results(str(log), "acme-ctf-pro", "4", "acme/wren-2-helpful-only", "2026-10-16T09:00:00Z", 5, "solved", 200, 6,
                {"tools": ["bash", "python"], "scaffold": "agent", "budget_tokens": 2000000, "variant": "helpful-only"})
    sha = hashlib.sha256(log.read_bytes()).hexdigest()
    ev = d / "evidence.yaml"
    ev.write_text(re.sub(r"(artifact: evals/cyber-ctf-ft.json\n    sha256: )[0-9a-f]{64}", rf"\g<1>{sha}", ev.read_text()))


def test_a_policy_that_lowers_the_variant_where_weights_are_reachable_is_no_go(tmp_path: Path) -> None:
    """The lab's move: version 1.0 (NO-GO: the CTF run is not of a fine-tuned checkpoint) followed
    by 1.1 whose policy says `arguments.weights_variant: helpful-only`, nothing else changed. It was
    GO WITH CONDITIONS compared with 1.0: CG328 did not compare the variant."""
    v1 = _copy(tmp_path / "v1")
    _cyber_helpful_only(v1)
    assert "CG401" in _blocking(_preview(v1))
    v2 = _copy(tmp_path / "v2")
    _cyber_helpful_only(v2)
    _edit(v2 / "policy.yaml", "\narguments:\n", "\narguments:\n  weights_variant: helpful-only\n")
    _edit(v2 / "case.yaml", 'version: "1.0"', 'version: "1.1"')
    assert _blocking(_preview(v2)) == ["CG305"]  # a first version under that policy: the lab's framework
    record = _preview(v2, previous=v1)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG305", "CG328"]
    (msg,) = _messages(record, "CG328")
    assert "may now rest on the `helpful-only` variant, not `fine-tuned`" in msg


def test_a_kind_table_widened_to_let_an_api_give_out_the_weights_is_no_go(tmp_path: Path) -> None:
    """The lab's move: version 1.1 labelled `api`, `weights: download` kept, its policy's kind table
    now letting an API give the weights out (`boundary_kinds`), so CG105 no longer fires. CG328 now
    names the wider table, and the weights stay reachable for the other rules (CG422)."""
    v1 = _copy(tmp_path / "v1")
    v2 = _copy(tmp_path / "v2")
    _hosted_safeguards(v2)
    _edit(v2 / "case.yaml", "  kind: open-weights\n", "  kind: api\n")
    _edit(v2 / "case.yaml", 'version: "1.0"', 'version: "1.1"')
    _edit(v2 / "policy.yaml", "\nroles: [head-of-safeguards, ciso]",
          "\nboundary_kinds:\n  api: {access: [named-partners, vetted-organisations, self-serve, public], "
          "weights: [none, download]}\n\nroles: [head-of-safeguards, ciso]")
    record = _preview(v2, previous=v1)
    assert _messages(record, "CG105") == []
    assert any("a `api` boundary may now have access `public`, weights access `download`" in m
               for m in _messages(record, "CG328")), _messages(record, "CG328")
    assert _blocking(record).count("CG422") == 3


# --------------------------------------------------------------------------- move 4, by waiver


def _waivers() -> list[Waiver]:
    """The RSO's waivers of the broken tamper resistance and the risk over tolerance, "monitored
    weekly, withdrawn from the hub on a confirmed incident, retested in January", under a policy
    that lets the RSO waive CG4xx (as the example open-weights framework does)."""
    why = ("Misuse reports are monitored weekly and the weights are withdrawn from the hub on a confirmed bio "
           "incident; the tamper-resistance retest is due in January.")
    return [Waiver(code=code, role="rso", person="Sam Whitfield", reason=why, until="2027-01-15",
                   signed_at="2026-11-24T10:00:00Z") for code in ("CG406", "CG410")]


def test_a_waiver_does_not_carry_an_open_weights_release_past_what_it_lacks(tmp_path: Path) -> None:
    """The lab's move: the honest NO-GO's two findings waived until January. It was GO WITH
    CONDITIONS, the conditions due when the waivers lapse, weeks after every copy was downloaded."""
    d = _copy(tmp_path)
    _edit(d / "policy.yaml", "  roles: {CG7: [rso]}", "  roles: {CG7: [rso], CG4: [rso]}")
    record = _preview(d, waivers=_waivers())
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG305", "CG406", "CG410"]
    assert len(record.rejected_waivers) == 2
    assert all("at `open-weights` the weights are downloaded" in r for r in record.rejected_waivers)


def test_the_same_waivers_hold_where_the_lab_can_still_stop_the_model(tmp_path: Path) -> None:
    """Control: served through Acme's hosted fine-tuning, a lapsed waiver's condition can still be
    enforced (verify stops the deploy), so the waivers apply as the policy allows."""
    d = _copy(tmp_path)
    _edit(d / "policy.yaml", "  roles: {CG7: [rso]}", "  roles: {CG7: [rso], CG4: [rso]}")
    _hosted_fine_tuning(d)
    record = _preview(d, waivers=_waivers())
    assert record.rejected_waivers == [] and _blocking(record) == []
    assert record.outcome == "GO WITH CONDITIONS"


def test_a_classifier_counted_toward_the_open_weights_layers_is_named(tmp_path: Path) -> None:
    """On the open-weights example (bio argued by inability on the fine-tuned checkpoint, the policy
    asking two layers with data filtering of every release): its unlearning relabelled a classifier
    no longer makes the second layer, and CG422 says why (CG402 alone would only count one)."""
    d = tmp_path / "open-weights"
    shutil.copytree(ROOT / "examples" / "open-weights", d)
    assert _messages(_preview(d), "CG422") == []
    _edit(d / "case.yaml", "  SG-unlearning:\n    layer: unlearning\n", "  SG-unlearning:\n    layer: classifier\n")
    record = _preview(d)
    (msg,) = _messages(record, "CG422")
    assert msg.startswith("safeguard `SG-unlearning` (classifier) is counted as blocking")
