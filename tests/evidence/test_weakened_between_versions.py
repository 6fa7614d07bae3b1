"""Against the version it was compared with, a case cannot quietly weaken what its safeguards are
(CG355), scope a severe pathway's domain out (CG329), carry a test of a safeguard trained into the
earlier weights over to new ones (CG352); and a threshold measured as reached needs the policy to
say what a deployment past it requires (CG418). Each test is the lab trying it on the example."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from casegate.gate import run_gate
from casegate.model import Finding

from .atlas_copy import edit as _edit
from .atlas_copy import signed as _loaded

TODAY = dt.date(2026, 11, 27)


def _against_previous(atlas: Path) -> Path:
    """A copy of the honest example, as the version the edited one is compared with."""
    prev = atlas.parent / "prev"
    shutil.copytree(atlas, prev)
    return prev


def _codes(atlas: Path, prev: Path | None = None) -> dict[str, list[str]]:
    report = run_gate(_loaded(atlas), today=TODAY, previous=_loaded(prev) if prev is not None else None)
    out: dict[str, list[str]] = {}
    for f in report.findings:
        out.setdefault(f.code, []).append(f.message)
    return out


def test_the_honest_example_against_itself_weakens_nothing(atlas: Path) -> None:
    prev = _against_previous(atlas)
    codes = _codes(atlas, prev)
    assert not {"CG329", "CG352", "CG355", "CG418"} & set(codes), codes


def test_an_outside_red_team_swapped_for_the_labs_word(atlas: Path) -> None:
    """The classifiers' outside red team loses its signature and its `independent` mark: the
    count of outside evidence under SG-classifier falls from 1 to 0."""
    prev = _against_previous(atlas)
    (atlas / "reports" / "evidence-attestations" / "redteam-classifier.md.jonas-berg.dsse.json").unlink()
    _edit(atlas / "evidence.yaml", "    producer: northbridge-security\n    independent: true\n",
          "    producer: northbridge-security\n")
    assert ("safeguard `SG-classifier` rests on 0 pieces of evidence from outside the developer, 1 in the "
            "--previous version") in _codes(atlas, prev)["CG355"]


def test_a_signed_test_of_one_safeguard_stretched_over_another_pathway(atlas: Path) -> None:
    """The egress limit's outside test (0 bypasses in 5,000) is made to block a misuse step."""
    prev = _against_previous(atlas)
    _edit(atlas / "case.yaml", "blocks: [weight-theft.exfiltrate-weights]",
          "blocks: [weight-theft.exfiltrate-weights, cyber-ransomware.find-vulnerability]")
    msgs = _codes(atlas, prev)["CG355"]
    assert any("`SG-egress` blocks cyber-ransomware.find-vulnerability, which it did not" in m for m in msgs), msgs
    # on a first version the stretch is the reviewers' to see; CG355 needs a version to compare with
    assert "CG355" not in _codes(atlas)


def test_a_security_control_relabelled_or_a_safeguard_dropped(atlas: Path) -> None:
    prev = _against_previous(atlas)
    case = atlas / "case.yaml"
    _edit(case, "    security: true\n    confidentiality: secret\n", "    confidentiality: secret\n")
    _edit(case, "  SG-kyc:\n    layer: user-vetting\n", "  SG-kyc:\n    layer: classifier\n")
    text = case.read_text()
    start = text.index("  SG-classifier:\n")
    end = text.index("  SG-monitoring:\n")
    case.write_text(text[:start] + text[end:])
    _edit(atlas / "evidence.yaml", "    tests: [SG-classifier]\n", "")
    msgs = " | ".join(_codes(atlas, prev)["CG355"])
    assert "was a security control in the --previous version and is not now" in msgs
    assert "`SG-kyc` was user-vetting in the --previous version and is classifier now" in msgs
    assert "safeguard `SG-classifier` (classifier) of the --previous version is gone" in msgs


def test_a_severe_pathways_domain_scoped_out(atlas: Path) -> None:
    prev = _against_previous(atlas)
    case = atlas / "case.yaml"
    text = case.read_text()
    start = text.index("  exfiltration:\n")
    end = text.index("  ai-rnd:\n")
    text = (text[:start] + "  exfiltration:\n    scoped_out: API users never receive the weights.\n"
            "    rests_on: [kind]\n" + text[end:])
    text = text.replace("blocks: [weight-theft.gain-privileged-access]", "blocks: []")
    text = text.replace("blocks: [weight-theft.exfiltrate-weights]", "blocks: []")
    # the pathway's residual-risk entry goes with it
    lines = text.split("\n")
    first = lines.index("  weight-theft:", lines.index("residual_risk:"))
    last = first + 1
    while lines[last].startswith("    ") or not lines[last].strip():
        last += 1
    case.write_text("\n".join(lines[:first] + lines[last:]))
    assert "CG329" not in _codes(atlas)  # on a first version, scoping out is the reviewers' to judge
    msgs = _codes(atlas, prev).get("CG329", [])
    assert any("pathway `weight-theft` (severe) of the --previous version is gone: domain `exfiltration`, "
               "addressed there, is scoped out" in m for m in msgs), msgs


def test_new_weights_keep_the_old_weights_refusal_test(atlas: Path) -> None:
    """A refusal test measures the refusal training in the weights: new weights need a new one."""
    prev = _against_previous(atlas)
    _edit(atlas / "case.yaml", "  digests: [sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903]",
          "  digests: [sha256:77ab1a7be04d6f3e2a8c5b1d0e9f7a6c3b2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f]")
    msgs = _codes(atlas, prev)["CG352"]
    assert any("`E-refusal` (safeguard-test) cannot be a run of them" in m for m in msgs), msgs
    # a test of a safeguard outside the weights (identity checks) does not measure them
    assert not any("`E-kyc`" in m for m in msgs), msgs


def test_a_reached_threshold_the_policy_sets_nothing_for_is_no_go(atlas: Path) -> None:
    """A new run puts the cyber CTF bound past the threshold; the example's policy names alert-level
    safeguards for cyber-high but none for the threshold level."""
    import json

    from tests.evidence.test_test_counts import _pin

    assert "CG418" not in _codes(atlas)
    log = atlas / "evals" / "cyber-ctf.json"
    doc = json.loads(log.read_text())
    ids = list(dict.fromkeys(s["id"] for s in doc["samples"]))
    solved = set(ids[:90])
    for s in doc["samples"]:
        if s["id"] in solved and s["epoch"] == 1:
            s["score"] = 1
    log.write_text(json.dumps(doc))
    _pin(atlas, "E-cyber-ctf", "evals/cyber-ctf.json")
    report = run_gate(_loaded(atlas), today=TODAY)
    msgs = [f.message for f in report.findings if f.code == "CG418"]
    assert msgs and "`cyber-high` (Cybersecurity High) is reached" in msgs[0], msgs
    assert report.outcome == "NO-GO"


def test_a_safeguard_renamed_and_relabelled_is_still_caught(atlas: Path) -> None:
    """Another spelling: the identity check under a new id, now a `classifier`. A new id with other
    substance is not the old safeguard, so the old one is gone while its steps are still argued."""
    prev = _against_previous(atlas)
    _edit(atlas / "case.yaml", "  SG-kyc:\n    layer: user-vetting\n", "  SG-identity:\n    layer: classifier\n")
    _edit(atlas / "evidence.yaml", "    tests: [SG-kyc]\n", "    tests: [SG-identity]\n")
    msgs = _codes(atlas, prev)["CG355"]
    assert any(m.startswith("safeguard `SG-kyc` (user-vetting) of the --previous version is gone") for m in msgs), msgs


def test_a_monitor_renamed_and_loosened_is_still_caught(atlas: Path) -> None:
    """Another spelling: the cyber flag-rate monitor under a new id, firing only at 99%."""
    prev = _against_previous(atlas)
    case = atlas / "case.yaml"
    case.write_text(case.read_text().replace("M-cyber-flags", "M-flags-cyber"))
    _edit(case, "      threshold: 0.005\n", "      threshold: 0.99\n")
    msgs = _codes(atlas, prev)["CG719"]
    assert ("monitor `M-flags-cyber` fires less readily than `M-cyber-flags` in the --previous version: its "
            "threshold moved from 0.005 to 0.99, away from firing") in msgs, msgs


def test_a_monitor_allowed_to_stay_silent_longer(atlas: Path) -> None:
    """The next version lets the cyber monitor go a month without a reading before its silence
    reopens the case: the monitor fires less readily."""
    prev = _against_previous(atlas)
    _edit(atlas / "case.yaml", "      window: 24h\n      action: reopen\n",
          "      window: 24h\n      max_silence: 30d\n      action: reopen\n")
    msgs = _codes(atlas, prev)["CG719"]
    assert ("monitor `M-cyber-flags` fires less readily than in the --previous version: it may stay "
            "silent longer (24h -> 30d) before its silence reopens the case") in msgs, msgs


def test_more_tools_under_a_scoping_out_that_rests_on_them(atlas: Path) -> None:
    """The model gains a shell with internet access; autonomy and sabotage stay scoped out on the
    old tool list (a1 of the red team)."""
    prev = _against_previous(atlas)
    _edit(atlas / "case.yaml", "  tools: [code-execution]\n",
          "  tools: [code-execution, persistent-shell-with-internet]\n")
    msgs = _codes(atlas, prev)["CG210"]
    assert sorted(m.split("`")[1] for m in msgs) == ["autonomy", "sabotage"], msgs
    assert all("([code-execution] -> [code-execution, persistent-shell-with-internet])" in m for m in msgs)
    assert "CG210" not in _codes(atlas)  # a first version has nothing to compare with


def test_the_same_weights_run_again_until_the_number_falls(atlas: Path) -> None:
    """The CTF run again on the same weights, the lower result kept and the old log dropped: GO
    WITH CONDITIONS (the alert level) would become GO (a3 of the red team). Against the version
    compared with, the old run is still part of the record."""
    import hashlib
    import json

    prev = _against_previous(atlas)
    log = atlas / "evals" / "cyber-ctf.json"
    old_digest = hashlib.sha256(log.read_bytes()).hexdigest()
    doc = json.loads(log.read_text())
    solved = sorted({s["id"] for s in doc["samples"] if s["score"]})
    keep = set(solved[:19])  # 19 of 200 challenges solved, not 33
    for s in doc["samples"]:
        s["score"] = 1 if s["id"] in keep and s["score"] else 0
    doc["created"] = "2026-11-10T09:00:00Z"
    log.write_text(json.dumps(doc, indent=2) + "\n")
    _edit(atlas / "evidence.yaml", old_digest, hashlib.sha256(log.read_bytes()).hexdigest())
    _edit(atlas / "evidence.yaml", "    date: 2026-10-02\n    confidentiality: internal\n    domain: cyber\n",
          "    date: 2026-11-10\n    confidentiality: internal\n    domain: cyber\n")
    msgs = _codes(atlas, prev)["CG350"]
    assert any(m.startswith("evaluations of `cyber-high` no longer include `E-cyber-ctf` (2026-10-02")
               and "of the same weights: a newer run adds to a run of the same model" in m for m in msgs), msgs


def test_a_bad_run_the_lab_made_expire_early_stays_on_the_record(atlas: Path) -> None:
    """The version compared with typed an `expires` on the CTF run, earlier than the policy's
    maximum age; the next version drops that run for a lucky re-run of the same weights. The typed
    expiry shortens how long the run counts for a decision, not how long it stays on the record."""
    import hashlib
    import json

    _edit(atlas / "evidence.yaml", "    date: 2026-10-02\n    confidentiality: internal\n    domain: cyber\n",
          "    date: 2026-10-02\n    expires: 2026-11-24\n    confidentiality: internal\n    domain: cyber\n")
    prev = _against_previous(atlas)
    log = atlas / "evals" / "cyber-ctf.json"
    old_digest = hashlib.sha256(log.read_bytes()).hexdigest()
    doc = json.loads(log.read_text())
    solved = sorted({s["id"] for s in doc["samples"] if s["score"]})
    keep = set(solved[:12])
    for s in doc["samples"]:
        s["score"] = 1 if s["id"] in keep and s["score"] else 0
    doc["created"] = "2026-11-23T09:00:00Z"
    log.write_text(json.dumps(doc, indent=2) + "\n")
    _edit(atlas / "evidence.yaml", old_digest, hashlib.sha256(log.read_bytes()).hexdigest())
    _edit(atlas / "evidence.yaml", "    date: 2026-10-02\n    expires: 2026-11-24\n", "    date: 2026-11-23\n")
    msgs = _codes(atlas, prev)["CG350"]
    assert any(m.startswith("evaluations of `cyber-high` no longer include `E-cyber-ctf` (2026-10-02")
               for m in msgs), msgs


def _retask(log: Path, task: str) -> tuple[str, str]:
    """The log rewritten as a run of `task`: (old digest, new digest)."""
    import hashlib
    import json

    old = hashlib.sha256(log.read_bytes()).hexdigest()
    doc = json.loads(log.read_text())
    doc["task"] = task
    log.write_text(json.dumps(doc, indent=2) + "\n")
    return old, hashlib.sha256(log.read_bytes()).hexdigest()


def test_a_safeguard_test_swapped_for_an_easier_task(atlas: Path) -> None:
    """The refusal test's adversarial task replaced by a basic one (a4 of the red team)."""
    prev = _against_previous(atlas)
    old, new = _retask(atlas / "reports" / "refusal-test.json", "acme-refusal-basic")
    _edit(atlas / "evidence.yaml", old, new)
    msgs = _codes(atlas, prev)["CG355"]
    assert ("safeguard `SG-refusal` was tested on `acme-refusal-adversarial` v1 in the --previous version; its "
            "tests now run `acme-refusal-basic` v1: a test of another task is not the same test") in msgs, msgs


def test_the_monitoring_resting_on_the_refusal_test(atlas: Path) -> None:
    """The monitoring's own test dropped and the refusal test cited for it (a8b of the red team)."""
    prev = _against_previous(atlas)
    _edit(atlas / "evidence.yaml", "    tests: [SG-refusal]\n", "    tests: [SG-refusal, SG-monitoring]\n")
    _edit(atlas / "case.yaml", "    evidence: [E-monitoring]\n", "    evidence: [E-refusal]\n")
    msgs = _codes(atlas, prev)["CG355"]
    assert ("safeguard `SG-monitoring` (monitoring) now rests on `E-refusal`, which in the --previous version "
            "tested `SG-refusal` (model-behaviour): a test of a safeguard of another layer is not a test of this "
            "one") in msgs, msgs


def test_fewer_tools_leave_a_scoping_out_on_them_standing(atlas: Path) -> None:
    """Narrowing what a scoping-out rests on does not reopen it; widening access does."""
    prev = _against_previous(atlas)
    _edit(atlas / "case.yaml", "  tools: [code-execution]\n", "  tools: []\n")
    assert "CG210" not in _codes(atlas, prev)


def test_more_tools_and_the_tools_dropped_from_what_the_scoping_out_rests_on(atlas: Path) -> None:
    """The lab widens the tools and, in the same version, stops saying the autonomy scoping-out
    rests on them: what it rested on in the version compared with still counts."""
    prev = _against_previous(atlas)
    _edit(atlas / "case.yaml", "  tools: [code-execution]\n",
          "  tools: [code-execution, persistent-shell-with-internet]\n")
    _edit(atlas / "case.yaml", "    rests_on: [tools]\n", "    rests_on: [kind]\n")
    msgs = _codes(atlas, prev)["CG210"]
    assert any(m.startswith("domain `autonomy` stays scoped out on `boundary.tools`, which widened") for m in msgs), msgs


def test_another_layers_test_cited_under_a_new_id(atlas: Path) -> None:
    """The refusal test cited for the monitoring under a new evidence id, same artifact: it is the
    same test, matched by its digest."""
    prev = _against_previous(atlas)
    text = (atlas / "evidence.yaml").read_text()
    start = text.index("  E-refusal:\n")
    end = text.index("\n  E-", start + 1) + 1
    copy = text[start:end].replace("  E-refusal:\n", "  E-monitoring-check:\n", 1).replace(
        "    tests: [SG-refusal]\n", "    tests: [SG-monitoring]\n")
    (atlas / "evidence.yaml").write_text(text[:end] + copy + text[end:])
    _edit(atlas / "case.yaml", "    evidence: [E-monitoring]\n", "    evidence: [E-monitoring-check]\n")
    msgs = _codes(atlas, prev)["CG355"]
    assert any(m.startswith("safeguard `SG-monitoring` (monitoring) now rests on `E-monitoring-check`, which in "
                            "the --previous version tested `SG-refusal` (model-behaviour)") for m in msgs), msgs


_WIDENED_IN_WORDS = (
    ("    users: verified developers enrolled through the identity-verified access programme\n",
     "    users: anyone with an API key\n"),
    ("    rate_limit: 600 requests/min per key, 5M tokens/day per organisation\n", "    rate_limit: unlimited\n"),
    ("    regions: [US, EU, UK, JP]\n", "    regions: [US, EU, UK, JP, worldwide]\n"),
    ("    vetting: identity verification and a use-case review before an API key is issued\n",
     "    vetting: none\n"),
)


def test_the_scope_widened_in_words_under_the_old_vetting_test(atlas: Path) -> None:
    """The same `api` kind and `self-serve` access, but anyone, unlimited, worldwide, unvetted; the
    identity check keeps the credit of its test from before (a2 of the red team). GO WITH
    CONDITIONS would stand; against the version compared with it is NO-GO."""
    prev = _against_previous(atlas)
    before = run_gate(_loaded(atlas), today=TODAY, previous=_loaded(prev))
    assert before.outcome == "GO WITH CONDITIONS" and "CG211" not in {f.code for f in before.findings}
    for old, new in _WIDENED_IN_WORDS:
        _edit(atlas / "case.yaml", old, new)
    report = run_gate(_loaded(atlas), today=TODAY, previous=_loaded(prev))
    assert report.outcome == "NO-GO"
    added = {f.code for f in report.findings if f.blocking} - {f.code for f in before.findings if f.blocking}
    assert added == {"CG211"}, added
    msgs = [f.message for f in report.findings if f.code == "CG211"]
    assert sorted(m.split("`")[1] for m in msgs) == ["boundary.scope.rate_limit", "boundary.scope.regions",
                                                       "boundary.scope.users", "boundary.scope.vetting"], msgs
    assert ("`boundary.scope.vetting` widened since the --previous version (identity verification and a use-case "
            "review before an API key is issued -> none), and `SG-kyc` (user-vetting) rests only on tests dated no "
            "later than that version (2026-11-20): its credit was earned under the old scope") in msgs
    # the egress limit is an access control on the hosts holding the weights, not on the API's users
    assert not any("SG-egress" in m for m in msgs)
    assert "CG211" not in _codes(atlas)  # a first version has nothing to compare with


def test_the_scope_widened_and_the_vetting_tested_again(atlas: Path) -> None:
    """The identity check tested again after the version compared with, under the new scope: the
    widening is the reviewers' to weigh, not a test carried over."""
    import hashlib
    import json

    prev = _against_previous(atlas)
    for old, new in _WIDENED_IN_WORDS:
        _edit(atlas / "case.yaml", old, new)
    doc = json.loads((atlas / "reports" / "kyc-test.json").read_text())
    doc["created"] = "2026-11-24T09:00:00Z"
    (atlas / "reports" / "kyc-test-2.json").write_text(json.dumps(doc) + "\n")
    digest = hashlib.sha256((atlas / "reports" / "kyc-test-2.json").read_bytes()).hexdigest()
    _edit(atlas / "evidence.yaml", "  E-monitoring:\n",
          "  E-kyc-2:\n    kind: safeguard-test\n    tests: [SG-kyc]\n    artifact: reports/kyc-test-2.json\n"
          f"    sha256: {digest}\n    producer: acme-trust-and-safety\n    date: 2026-11-24\n  E-monitoring:\n")
    _edit(atlas / "case.yaml", "    evidence: [E-kyc]\n", "    evidence: [E-kyc, E-kyc-2]\n")
    assert "CG211" not in _codes(atlas, prev)
    # the same log under a new id, re-dated, is the test the version compared with cited
    (atlas / "reports" / "kyc-test-2.json").write_bytes((atlas / "reports" / "kyc-test.json").read_bytes())
    _edit(atlas / "evidence.yaml", digest, hashlib.sha256((atlas / "reports" / "kyc-test.json").read_bytes()).hexdigest())
    assert len(_codes(atlas, prev)["CG211"]) == 4


def test_the_scope_widened_in_a_version_submitted_before_this_one(atlas: Path) -> None:
    """The widened version submitted once (NO-GO) and again unchanged: against the one submitted
    before it nothing widened, but the last approved version still shows it."""
    from casegate.gate import Compared, Comparison
    from casegate.model import Baseline

    approved = _against_previous(atlas)
    for old, new in _WIDENED_IN_WORDS:
        _edit(atlas / "case.yaml", old, new)
    first = _loaded(atlas)
    assert first.case is not None and first.policy is not None
    assert "CG211" not in _codes(atlas, atlas)
    ok = _loaded(approved)
    assert ok.case is not None
    comparison = Comparison(versions=[
        Compared(Baseline(role="previous", label="version 1.1 (#2)"), first.case, first.policy),
        Compared(Baseline(role="approved", label="version 1.0 (#1), the last approved"), ok.case, ok.policy)])
    report = run_gate(_loaded(atlas), today=TODAY, comparison=comparison)
    msgs = [f.message for f in report.findings if f.code == "CG211"]
    assert report.outcome == "NO-GO" and len(msgs) == 4, msgs
    assert all("widened since version 1.0 (#1), the last approved" in m for m in msgs), msgs


def _rerun_test(atlas: Path, item: str, report: str, dated: str, *, bypasses: int, when: str = "2026-11-10") -> None:
    """The safeguard test `item` (its log `reports/{report}.json`, dated `dated`) run again (a new
    log, with `bypasses` bypasses), cited under a new id `{item}-2`, dated `when`, in its place."""
    import hashlib
    import json

    log = atlas / "reports" / f"{report}.json"
    old = hashlib.sha256(log.read_bytes()).hexdigest()
    doc = json.loads(log.read_text())
    for i, s in enumerate(doc["samples"]):
        s["score"] = 1 if i < bypasses else 0
    doc["created"] = f"{when}T09:00:00Z"
    rerun = log.with_name(f"{report}-2.json")
    rerun.write_text(json.dumps(doc) + "\n")
    _edit(atlas / "evidence.yaml", f"    artifact: reports/{report}.json\n    sha256: {old}\n",
          f"    artifact: reports/{report}-2.json\n    sha256: {hashlib.sha256(rerun.read_bytes()).hexdigest()}\n")
    _edit(atlas / "evidence.yaml", f"  {item}:\n", f"  {item}-2:\n")
    _edit(atlas / "evidence.yaml", f"    date: {dated}\n", f"    date: {when}\n")
    _edit(atlas / "case.yaml", f"    evidence: [{item}]\n", f"    evidence: [{item}-2]\n")
    _edit(atlas / "argument.yaml", f"{item},", f"{item}-2,")


def _rerun_refusal_test(atlas: Path, *, bypasses: int, when: str = "2026-11-10") -> None:
    """The refusal test run again, cited as `E-refusal-2` in place of `E-refusal`."""
    _rerun_test(atlas, "E-refusal", "refusal-test", "2026-10-25", bypasses=bypasses, when=when)


def test_the_test_that_found_bypasses_left_out_for_a_fresh_one(atlas: Path) -> None:
    """The refusal test is run again on the same weights and only the new log is cited: each test
    is judged on its own (CG406), so leaving out the one that found the bypasses would pass."""
    prev = _against_previous(atlas)
    _rerun_refusal_test(atlas, bypasses=0)
    msgs = _codes(atlas, prev)["CG420"]
    assert any(m.startswith("safeguard `SG-refusal` no longer cites `E-refusal` (safeguard-test, 2026-10-25")
               and m.endswith("which tested it in the --previous version: the same safeguard on the same weights, "
                              "so a newer test adds to it, it does not replace it") for m in msgs), msgs
    # citing both is the record: the old test stands beside the new one
    _edit(atlas / "case.yaml", "    evidence: [E-refusal-2]\n", "    evidence: [E-refusal-2, E-refusal]\n")
    was = (prev / "evidence.yaml").read_text()
    old_item = was[was.index("  E-refusal:\n"):was.index("  E-kyc:\n")]
    _edit(atlas / "evidence.yaml", "  E-kyc:\n", old_item + "  E-kyc:\n")
    assert "CG420" not in _codes(atlas, prev)


def _cg420(atlas: Path, prev: Path) -> list[Finding]:
    """CG420's findings on the edited copy, against `prev`."""
    return [f for f in run_gate(_loaded(atlas), today=TODAY, previous=_loaded(prev)).findings if f.code == "CG420"]


def test_a_new_title_alone_lets_a_later_test_stand_in_only_as_a_condition(atlas: Path) -> None:
    """The lab renames the refusal training ("v2") and cites only a later test: the title is its
    word that the control changed, so the gate asks someone to accept that; a changed layer or
    steps sharing none with the old is a changed safeguard (and CG355's to judge)."""
    prev = _against_previous(atlas)
    _rerun_refusal_test(atlas, bypasses=0)
    _edit(atlas / "case.yaml", "    title: Refusal training against vulnerability discovery and bio protocol help\n",
          "    title: Refusal training v2\n")
    hits = _cg420(atlas, prev)
    assert [f.severity.value for f in hits] == ["condition"], hits
    assert "a later test takes its place on the word of a new title alone" in hits[0].message


def test_new_weights_do_not_let_a_renamed_vetting_control_drop_its_test(atlas: Path) -> None:
    """New weights, the identity check renamed and only a later test of it cited: the vetting
    does not run on the weights, so the new weights change nothing about it, and the new title
    alone is again a condition to accept."""
    prev = _against_previous(atlas)
    _edit(atlas / "case.yaml", "  digests: [sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903]\n",
          "  digests: [sha256:" + "4" * 64 + "]\n")
    _rerun_test(atlas, "E-kyc", "kyc-test", "2026-10-15", bypasses=0)
    _edit(atlas / "case.yaml", "    title: Identity-verified developer programme\n",
          "    title: Identity-verified developer programme v2\n")
    hits = _cg420(atlas, prev)
    assert [f.severity.value for f in hits] == ["condition"], hits
    assert "safeguard `SG-kyc` no longer cites `E-kyc`" in hits[0].message


_REFUSAL_BLOCKS = "    blocks: [cyber-ransomware.find-vulnerability, bio-known-agent.acquisition-planning]\n"


def test_a_step_added_to_blocks_does_not_let_a_later_test_replace_the_old_one(atlas: Path) -> None:
    """The refusal training is "changed" only in the steps it claims to block (one added), and only
    a later test with no bypasses is cited: `blocks` is the case's word, not a change to the control,
    so the test that found the bypasses still stands for the two steps both versions block."""
    prev = _against_previous(atlas)
    _rerun_refusal_test(atlas, bypasses=0)
    _edit(atlas / "case.yaml", _REFUSAL_BLOCKS, "    blocks: [cyber-ransomware.find-vulnerability, "
          "bio-known-agent.acquisition-planning, cyber-ransomware.build-exploit]\n")
    hits = _cg420(atlas, prev)
    assert [f.severity.value for f in hits] == ["blocking"], hits
    assert hits[0].message.startswith("safeguard `SG-refusal` no longer cites `E-refusal` (safeguard-test, 2026-10-25")
    assert ("the same safeguard on the same weights, still blocking bio-known-agent.acquisition-planning, "
            "cyber-ransomware.find-vulnerability (a change to `blocks` is the case's word") in hits[0].message
    # a step dropped instead is the same word: the old test stands for the step it still blocks
    _edit(atlas / "case.yaml", "    blocks: [cyber-ransomware.find-vulnerability, "
          "bio-known-agent.acquisition-planning, cyber-ransomware.build-exploit]\n",
          "    blocks: [cyber-ransomware.find-vulnerability]\n")
    assert [f.severity.value for f in _cg420(atlas, prev)] == ["blocking"]


def test_a_step_added_and_a_new_title_is_a_condition_as_the_title_alone_is(atlas: Path) -> None:
    """A new title is the lab's word that the control changed, whatever it says about `blocks`
    beside it: the later test stands in as a condition someone accepts."""
    prev = _against_previous(atlas)
    _rerun_refusal_test(atlas, bypasses=0)
    _edit(atlas / "case.yaml", _REFUSAL_BLOCKS, "    blocks: [cyber-ransomware.find-vulnerability, "
          "bio-known-agent.acquisition-planning, cyber-ransomware.build-exploit]\n")
    _edit(atlas / "case.yaml", "    title: Refusal training against vulnerability discovery and bio protocol help\n",
          "    title: Refusal training v2\n")
    hits = _cg420(atlas, prev)
    assert [f.severity.value for f in hits] == ["condition"], hits
    assert "on the word of a new title alone" in hits[0].message and "still blocking" in hits[0].message


def test_a_safeguard_moved_to_other_steps_altogether_may_be_retested(atlas: Path) -> None:
    """The refusal training no longer blocks any step it blocked (it now guards exploit building
    only): the old test tested a control at steps it no longer claims, and a later test of it takes
    its place; a layer changed likewise."""
    prev = _against_previous(atlas)
    _rerun_refusal_test(atlas, bypasses=0)
    _edit(atlas / "case.yaml", _REFUSAL_BLOCKS, "    blocks: [cyber-ransomware.build-exploit]\n")
    assert _cg420(atlas, prev) == []
