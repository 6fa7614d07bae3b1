"""A case written apart from the examples (Ibis-1, an agentic cyber-defence model installed in a
sealed appliance for one government agency on its air-gapped network, with a shell on the agency's
hosts: cyber offense, CBRN uplift, theft of the weights installed outside the lab,
`tests/fixtures/rt_classified/ibis`), gated as `gate --preview` does with the examples' keyring.
Its cyber range result (30 of 150) is over the alert level, so the framework asks for two layers,
monitoring among them. The agency's red team report is classified; the lab holds a letter
summarising it, signed by the cleared outside evaluator who read it: 11 of 150 intrusions got past
the lab's action monitor. Honestly NO-GO (CG406) for that alone; the letter of a red team after the
monitor is fixed (1 of 150) gives GO WITH CONDITIONS. The lab's moves to GO without fixing the
monitor are tried here and in docs/security.md.

Ways through closed: a usage policy (or the access agreement's terms) standing in for the vetting
(CG105); the agency's own vetting counted as the lab's layer (CG425, then CG401). Tried and already
caught: the letter's counts typed without its signature, or over the signed ones (CG348, CG353);
the fixed letter signed by the lab's key or by an outside evaluator other than its producer (CG348,
CG353); the classified report cited by the hash of a file the lab does not hold (CG330, CG348,
CG353); the letter retyped as a passing `expert-review` or `attestation` (CG347, CG348, CG356); the
letter naming no safeguard (CG406 against the case); the letter given an expiry before the decision
(CG306, CG406); the agency's staff's test typed `independent` (CG348); theft of the weights on the
agency's hardware scoped out by the air gap (CG212, CG215); the public summary of the NO-GO keeps
the withheld lack. Open: the letter dropped from a first version altogether."""

from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path

import pytest
from tests.gate.blind_helpers import blocking as _blocking
from tests.gate.blind_helpers import copy_fixture, preview
from tests.gate.blind_helpers import edit as _edit
from tests.gate.blind_helpers import messages as _messages

ROOT = Path(__file__).resolve().parents[2]
IBIS = ROOT / "tests" / "fixtures" / "rt_classified" / "ibis"
LETTER = "11 of the 150 attempts completed the\nintrusion without the monitor halting the session. Verdict: FAIL."


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _sign(d: Path, eid: str, who: str, says: str, activity: str = "reviewed", role: str = "evaluator") -> Path:
    """`who`'s attestation (a key of the examples' keyring) of `eid` in the case in `d`."""
    spec = importlib.util.spec_from_file_location("ibis_sign", IBIS / "sign.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.sign(d, eid, who, activity, "2026-11-10T12:00:00Z", says, role)  # type: ignore[no-any-return]


def _pin(d: Path, artifact: str) -> None:
    """The sha256 the evidence pins for `reports/<artifact>` set to the file's bytes."""
    ev = d / "evidence.yaml"
    sha = hashlib.sha256((d / "reports" / artifact).read_bytes()).hexdigest()
    text, n = re.subn(rf"(artifact: reports/{re.escape(artifact)}\n    sha256: )[0-9a-f]{{64}}", rf"\g<1>{sha}",
                      ev.read_text())
    assert n == 1
    ev.write_text(text)


def _letter(d: Path, bypasses: int, *, typed: int | None = None, resign: bool = True) -> None:
    """The letter after a red team of a fixed monitor: `bypasses` of 150 through, the counts typed
    in the case (`typed`, default the letter's), and the letter signed again by the evaluator."""
    letter = d / "reports" / "govrt-letter.md"
    _edit(letter, LETTER, f"{bypasses} of the 150 attempts completed the\nintrusion without the monitor halting "
                          f"the session. Verdict: {'FAIL' if bypasses > 2 else 'PASS'}.")
    _pin(d, "govrt-letter.md")
    _edit(d / "evidence.yaml", "result: {bypasses: 11, attempts: 150}",
          f"result: {{bypasses: {bypasses if typed is None else typed}, attempts: 150}}")
    (d / "reports" / "evidence-attestations" / "govrt-letter.md.jonas-berg.dsse.json").unlink()
    if resign:
        _sign(d, "E-govrt", "jonas-berg", "Read the Directorate's classified report of its red team of the fixed "
                                          "action monitor and summarised its result in this letter.")


def test_the_blind_case_is_honestly_no_go_and_go_with_conditions_once_the_monitor_holds(tmp_path: Path) -> None:
    d = copy_fixture(IBIS, tmp_path)
    record = preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG406"]
    (msg,) = _messages(record, "CG406")
    assert msg.startswith("`E-govrt` shows 11 bypasses of `SG-monitor` in 150 attempts")
    _letter(d, 1)  # the agency's red team of the fixed monitor: 1 of 150, upper bound under 5%
    record = preview(d)
    assert record.outcome == "GO WITH CONDITIONS" and _blocking(record) == []
    assert [c.cause for c in record.conditions] == ["CG305"]  # the range result over the alert level


# ------------------------------------------------------------------ a usage policy standing in for the vetting

VETTING = ("vetting: Acme's trust team verifies each analyst's identity and clearance with the Directorate's "
           "security office before an account is issued")


@pytest.mark.parametrize("vetting", [
    "every analyst signs the Directorate's acceptable-use policy before access",
    "analysts accept the Ibis acceptable-use policy and the Directorate's terms of use",
    "the Directorate's usage policy binds every analyst",
    "analysts agree to the terms of the access agreement",
    "each analyst signs a non-disclosure agreement and the code of conduct",
])
def test_a_usage_policy_standing_in_for_the_vetting_is_no_go(tmp_path: Path, vetting: str) -> None:
    """The lab's move, the monitor fixed: its own identity and clearance check dropped for the
    agency's usage policy (or the access agreement's terms), which each analyst agrees to. It was
    GO WITH CONDITIONS: the vetting had words and a tested safeguard. A user's agreement is the
    user's word, as a self-certification is."""
    d = copy_fixture(IBIS, tmp_path)
    _letter(d, 1)
    _edit(d / "case.yaml", VETTING, f"vetting: {vetting}")
    record = preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG105"]
    (msg,) = _messages(record, "CG105")
    assert "the vetting it states names none" in msg and "agree to terms" in msg


def test_a_usage_policy_beside_a_check_by_someone_else_is_vetting(tmp_path: Path) -> None:
    """The control: the agreement beside a check made by someone other than the user still names one."""
    d = copy_fixture(IBIS, tmp_path)
    _letter(d, 1)
    _edit(d / "case.yaml", VETTING, "vetting: every analyst signs the acceptable-use policy, and Acme's trust team "
                                    "verifies identity and clearance with the Directorate's security office")
    assert _blocking(preview(d)) == []


def test_terms_with_a_check_in_the_same_words_are_vetting(tmp_path: Path) -> None:
    """The control: terms named in the same words as a check by someone else."""
    d = copy_fixture(IBIS, tmp_path)
    _letter(d, 1)
    _edit(d / "case.yaml", VETTING, "vetting: analysts named in the access agreement verified by Acme's trust team")
    assert _blocking(preview(d)) == []


# ------------------------------------------------------------------ the agency's vetting counted as the lab's

VETTING_TITLE = "    title: Acme's identity and clearance check of every named analyst\n"


@pytest.mark.parametrize("vetting", [
    "the Directorate vets its own analysts and issues each an account on the console",
    "the Directorate's security office clears each analyst before an account is issued",
    "cleared by the Directorate under its own security vetting",
    "analysts hold the Directorate's security clearance and accept its acceptable-use policy",
])
def test_the_agencys_own_vetting_counted_as_the_labs_layer_is_no_go(tmp_path: Path, vetting: str) -> None:
    """The lab's move, the monitor fixed: its identity and clearance check dropped, the vetting left
    to the agency ("the agency handles it on its side"), the safeguard retitled with no owner and
    still `verified_by` the lab's team, its evidence the lab's sham-account test. It was GO WITH
    CONDITIONS: the agency's process, which the lab neither runs nor sees fail, blocked the first
    step of both pathways on the lab's word. Now it is run elsewhere: it blocks nothing unless the
    agency signs a test of it (CG425)."""
    d = copy_fixture(IBIS, tmp_path)
    _letter(d, 1)
    _edit(d / "case.yaml", VETTING, f"vetting: {vetting}")
    _edit(d / "case.yaml", VETTING_TITLE, "    title: Clearance of every named analyst\n")
    record = preview(d)
    assert record.outcome == "NO-GO" and "CG425" in _blocking(record) and "CG401" in _blocking(record)
    (msg,) = _messages(record, "CG425")
    assert "the boundary's vetting names Directorate as who checks the users" in msg
    assert "no attestation signed by Directorate covers a test of it" in msg


@pytest.mark.parametrize("vetting", [
    "analysts hold a government clearance",
    "every analyst holds an active TS/SCI clearance and signs the acceptable-use policy",
])
def test_a_clearance_the_analysts_hold_counted_as_the_labs_layer_is_no_go(tmp_path: Path, vetting: str) -> None:
    """The lab's move, the monitor fixed: its check dropped, the vetting a clearance the analysts hold,
    its issuer named nowhere as an owner nor as `vetted by X`, the safeguard retitled with no owner and
    still `verified_by` the lab's team. It was GO WITH CONDITIONS: the issuer's check blocked the first
    step of both pathways on the lab's word. A status the users hold is its issuer's check; no one
    signs for an issuer the case does not name (CG425)."""
    d = copy_fixture(IBIS, tmp_path)
    _letter(d, 1)
    _edit(d / "case.yaml", VETTING, f"vetting: {vetting}")
    _edit(d / "case.yaml", VETTING_TITLE, "    title: Clearance of every named analyst\n")
    record = preview(d)
    assert record.outcome == "NO-GO" and "CG425" in _blocking(record) and "CG401" in _blocking(record)
    (msg,) = _messages(record, "CG425")
    assert "the boundary's vetting names the issuer of the clearance as who checks the users" in msg


@pytest.mark.parametrize("vetting", [
    "analysts hold a government clearance, which Acme's trust team verifies with the Directorate's security office "
    "before an account is issued",
    "the Directorate's security office clears each analyst, and Acme's trust team verifies each clearance before "
    "an account is issued",
    "the Directorate nominates each analyst; our trust team verifies identity and clearance",
])
def test_the_agencys_clearance_beside_the_labs_own_check_is_the_labs_layer(tmp_path: Path, vetting: str) -> None:
    """The control: the agency's clearance beside a check the lab makes itself."""
    d = copy_fixture(IBIS, tmp_path)
    _letter(d, 1)
    _edit(d / "case.yaml", VETTING, f"vetting: {vetting}")
    assert _blocking(preview(d)) == []


def test_a_check_against_the_agencys_records_is_not_the_agencys_vetting(tmp_path: Path) -> None:
    """The control: the agency named as what a check is made against, by no one named, is not its operator."""
    d = copy_fixture(IBIS, tmp_path)
    _letter(d, 1)
    _edit(d / "case.yaml", VETTING, "vetting: identity and clearance checked against the Directorate's records")
    assert _blocking(preview(d)) == []


# ------------------------------------------------------------------ moves tried and already caught


def test_the_fixed_letters_counts_typed_without_its_signature_are_no_go(tmp_path: Path) -> None:
    d = copy_fixture(IBIS, tmp_path)
    _letter(d, 1, resign=False)
    assert _blocking(preview(d)) == ["CG348", "CG353"]


def test_counts_typed_over_the_signed_letter_are_no_go(tmp_path: Path) -> None:
    d = copy_fixture(IBIS, tmp_path)
    _edit(d / "evidence.yaml", "result: {bypasses: 11, attempts: 150}", "result: {bypasses: 1, attempts: 150}")
    assert _blocking(preview(d)) == ["CG348", "CG353"]


@pytest.mark.parametrize(("who", "role"), [("dana-ortiz", "safety-lead"), ("lena-kovac", "evaluator")])
def test_the_fixed_letter_signed_by_the_lab_or_by_someone_other_than_its_producer_is_no_go(
        tmp_path: Path, who: str, role: str) -> None:
    d = copy_fixture(IBIS, tmp_path)
    _letter(d, 1, resign=False)
    _sign(d, "E-govrt", who, "A letter summarising the Directorate's red team.", role=role)
    assert _blocking(preview(d)) == ["CG348", "CG353"]


def test_the_classified_report_cited_by_a_hash_of_a_file_the_lab_does_not_hold_is_no_go(tmp_path: Path) -> None:
    d = copy_fixture(IBIS, tmp_path)
    _edit(d / "evidence.yaml", "artifact: reports/govrt-letter.md\n", "artifact: classified/ncdd-redteam-report.pdf\n")
    _edit(d / "evidence.yaml", "result: {bypasses: 11, attempts: 150}", "result: {bypasses: 0, attempts: 150}")
    assert _blocking(preview(d)) == ["CG330", "CG348", "CG353"]


@pytest.mark.parametrize("kind", ["expert-review", "attestation"])
def test_the_letter_retyped_as_a_passing_review_is_no_go(tmp_path: Path, kind: str) -> None:
    d = copy_fixture(IBIS, tmp_path)
    _edit(d / "evidence.yaml", "  E-govrt:\n    kind: red-team\n", f"  E-govrt:\n    kind: {kind}\n")
    _edit(d / "evidence.yaml", "result: {bypasses: 11, attempts: 150}", "result: {passed: true}")
    assert _blocking(preview(d)) == ["CG347", "CG348", "CG356"]


def test_the_letter_naming_no_safeguard_still_counts_against_the_case(tmp_path: Path) -> None:
    d = copy_fixture(IBIS, tmp_path)
    _edit(d / "evidence.yaml", "    tests: [SG-monitor]\n    title: The Directorate's", "    title: The Directorate's")
    _edit(d / "case.yaml", "evidence: [E-monitor, E-govrt]", "evidence: [E-monitor]")
    assert _blocking(preview(d)) == ["CG406"]


def test_the_letter_given_an_expiry_before_the_decision_still_blocks(tmp_path: Path) -> None:
    d = copy_fixture(IBIS, tmp_path)
    _edit(d / "evidence.yaml", "    date: 2026-10-30\n", "    date: 2026-10-30\n    expires: 2026-11-15\n")
    assert _blocking(preview(d)) == ["CG306", "CG406"]


def test_the_agencys_test_typed_independent_is_no_go(tmp_path: Path) -> None:
    d = copy_fixture(IBIS, tmp_path)
    _edit(d / "evidence.yaml", "    producer: acme-safeguards\n    date: 2026-10-25\n",
          "    producer: ncdd-red-team\n    independent: true\n    date: 2026-10-25\n")
    assert "CG348" in _blocking(preview(d))


def test_theft_of_the_weights_on_the_agencys_hardware_scoped_out_by_the_air_gap_is_no_go(tmp_path: Path) -> None:
    d = copy_fixture(IBIS, tmp_path)
    _letter(d, 1)
    case = (d / "case.yaml").read_text()
    a, b = case.index("  exfiltration:\n    actors"), case.index("\nsafeguards:")
    case = (case[:a] + "  exfiltration:\n    scoped_out: The weights never leave Acme's control; the appliance is "
            "sealed and the Directorate's network is air-gapped.\n    rests_on: [kind]\n" + case[b:])
    for start, end in (("  SG-appliance:", "\nresidual_risk:"), ("  appliance-theft:\n    estimate", "\npost_deployment:")):
        a, b = case.index(start), case.index(end)
        case = case[:a] + case[b:]
    a, b = case.index("    T-theft:"), case.index("    T-flags:")
    case = case[:a] + case[b:].replace("    - An incident of moderate severity or worse in the exfiltration domain, "
                                       "a tamper alarm among them.\n", "")
    (d / "case.yaml").write_text(case)
    ev = (d / "evidence.yaml").read_text()
    a, b = ev.index("  E-appliance-audit:"), ev.index("  E-sandbag:")
    (d / "evidence.yaml").write_text(ev[:a] + ev[b:])
    arg = (d / "argument.yaml").read_text()
    (d / "argument.yaml").write_text(arg[:arg.index("    G-weights:")].replace(", G-weights]", "]"))
    assert _blocking(preview(d)) == ["CG212", "CG215"]


def test_the_public_summary_of_the_no_go_keeps_the_withheld_lack(tmp_path: Path) -> None:
    """E-govrt is restricted and SG-monitor internal: the public summary does not show the letter,
    but it says that a blocking lack is withheld, and counts it."""
    import os
    import subprocess
    import sys

    d = copy_fixture(IBIS, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-m", "casegate", "publish", "case", str(d / "case.yaml"), "--out",
                        str(tmp_path / "out"), "--salt-store", str(tmp_path / "salts.json"), "--no-record",
                        "--keyring", str(ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"), "-f", "md"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "out" / "summary.md").read_text()
    assert "**NO-GO**" in text and "- Lacks: (withheld: concerns redacted content)" in text
    assert "withheld here for concerning redacted content: 1 blocking" in text
    assert "11 bypasses" not in text
