"""The same weights behind a different system: Atlas-2 (examples/atlas-api) evaluated under one
configuration and deployed under another (`tests/fixtures/rt_context/atlas-prompted`, written by its
`gen.py`), gated as `gate --preview` does with the examples' keyring.

The lab's move: run the professional CTF suite with a system message telling the model to refuse
offensive security work and every generation capped at 256 tokens (its log's
`generate_config`), so Atlas-2 solves 9 of 200 instead of 33, and deploy the API without that
system message and with 32,000 tokens a generation. Before, the case had no way to say how the
deployment runs the model and nothing compared the run's configuration with it: the gate said GO
(better than the honest run's GO WITH CONDITIONS). Now the case states the deployment's
configuration (`boundary.configuration`), and an evaluation run under a system message the
deployment is not shown to put, or with a ceiling below the deployment's (or where the case does
not state one), does not count (CG309): NO-GO, the Cyber High threshold not ruled out."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from casegate.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[2]
PROMPTED = ROOT / "tests" / "fixtures" / "rt_context" / "atlas-prompted"
ATLAS = ROOT / "examples" / "atlas-api"
RING = ATLAS / "keys" / "keyring.yaml"
TODAY = dt.date(2026, 11, 27)
SAID = json.loads((PROMPTED / "evals" / "cyber-ctf.json").read_text())["generate_config"]["system_message"]
SAID_SHA = hashlib.sha256(SAID.encode("utf-8")).hexdigest()


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _gate(case: Path) -> DecisionRecord:
    """`gate --preview` (every declared sign-off as if signed)."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.sign import load_keyring
    from casegate.verify import gate_inputs

    loaded = gate_inputs(load_case(case), load_keyring(RING), TODAY, preview=True).loaded
    return run_gate(loaded, today=TODAY)


def _copy(src: Path, tmp: Path, configuration: str | None = None) -> Path:
    """A copy of the case at `src`, its boundary stating `configuration` when given."""
    shutil.copytree(src, tmp / "case", ignore=shutil.ignore_patterns("keys"))
    case = tmp / "case" / "case.yaml"
    if configuration is not None:
        text = case.read_text()
        assert text.count("  kind: api\n") == 1
        case.write_text(text.replace("  kind: api\n", f"  kind: api\n  configuration: {configuration}\n"))
    return case


def _cg309(rec: DecisionRecord) -> list[str]:
    return [f.message for f in rec.findings if f.code == "CG309"]


def _counts(rec: DecisionRecord) -> tuple[int, int, int]:
    sev = [f.severity.value for f in rec.findings]
    return sev.count("blocking"), sev.count("condition"), sev.count("advisory")


def test_the_fixture_is_the_example_but_for_its_ctf_run() -> None:
    """The lab's log: the example's CTF run with the refusal prompt, 256 tokens, 9 of 200."""
    ours = json.loads((PROMPTED / "evals" / "cyber-ctf.json").read_text())
    theirs = json.loads((ATLAS / "evals" / "cyber-ctf.json").read_text())
    assert ours["generate_config"] == {"system_message": SAID, "max_tokens": 256}
    assert {k: v for k, v in ours.items() if k not in ("generate_config", "samples")} == \
        {k: v for k, v in theirs.items() if k != "samples"}
    assert sum(s["score"] for s in ours["samples"]) == 9 and len(ours["samples"]) == len(theirs["samples"])
    assert "refuse" in SAID.lower()


def test_a_ctf_run_under_a_refusal_prompt_and_256_tokens_does_not_bound_the_deployed_api(tmp_path: Path) -> None:
    """The case says nothing of how the API runs the model. Before: GO (9/200 below the alert level).
    Now: the run does not count; NO-GO."""
    rec = _gate(_copy(PROMPTED, tmp_path))
    assert rec.outcome == "NO-GO"
    said, cap = _cg309(rec)
    assert "`E-cyber-ctf` for `cyber-high` ran the model with a system message" in said
    assert f"sha256 {SAID_SHA[:12]}" in said and "the case does not say the deployment puts it" in said
    assert "every generation capped at 256 tokens; the case does not say the deployment caps" in cap
    from casegate.checks._derived import capability_status
    from casegate.checks._run import make_context
    from casegate.evidence import rehash_artifacts
    from casegate.load import load_case

    loaded = load_case(tmp_path / "case" / "case.yaml")
    ctx = make_context(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert ctx is not None
    st = capability_status(ctx)["cyber-high"]
    assert st.status == "reached" and st.counted == ()
    [(eid, why)] = st.excluded
    assert eid == "E-cyber-ctf" and "configured more strictly than the deployment runs it" in why


def test_stating_the_deployment_as_it_is_does_not_help(tmp_path: Path) -> None:
    """The case states the API as deployed: no system message, 32,000 tokens a generation."""
    rec = _gate(_copy(PROMPTED, tmp_path, "{max_tokens: 32000}"))
    assert rec.outcome == "NO-GO"
    said, cap = _cg309(rec)
    assert "the deployment puts no system message" in said
    assert "the deployment lets a generation run to 32,000" in cap


def test_another_system_message_deployed_is_not_the_one_evaluated(tmp_path: Path) -> None:
    other = hashlib.sha256(b"You are Atlas, a helpful assistant.").hexdigest()
    rec = _gate(_copy(PROMPTED, tmp_path, f"{{system_message_sha256: {other}, max_tokens: 256}}"))
    assert rec.outcome == "NO-GO"
    [said] = _cg309(rec)
    assert f"the deployment puts another (sha256 {other[:12]}" in said


def test_a_deployment_configured_as_evaluated_is_bounded_by_the_run(tmp_path: Path) -> None:
    """Control: where the deployment does put that system message before every conversation and caps a
    generation at 256 tokens, the run measured the system deployed; `verify` then holds a deploy to
    that configuration (tests/verify/test_deploy_exposure.py)."""
    rec = _gate(_copy(PROMPTED, tmp_path, f"{{system_message_sha256: {SAID_SHA}, max_tokens: 256}}"))
    assert _cg309(rec) == []
    assert rec.outcome == "GO"
    lower = _gate(_copy(PROMPTED, tmp_path / "lower", f"{{system_message_sha256: {SAID_SHA}, max_tokens: 200}}"))
    assert _cg309(lower) == [] and lower.outcome == "GO"


@pytest.mark.parametrize("configuration", [None, "{max_tokens: 32000}", "{}"])
def test_the_honest_example_keeps_its_outcome(tmp_path: Path, configuration: str | None) -> None:
    """Control: the example's runs give no system message and no ceiling of their own, so stating the
    API's configuration or not, it stays GO WITH CONDITIONS (0 blocking, 1 condition, 4 advisory)."""
    rec = _gate(_copy(ATLAS, tmp_path, configuration))
    assert _cg309(rec) == []
    assert rec.outcome == "GO WITH CONDITIONS" and _counts(rec) == (0, 1, 4)


def test_a_configuration_that_does_not_read_is_named_where_it_is(tmp_path: Path) -> None:
    """A digest that is not one is the case's format error (CG900) at its line, never a traceback."""
    from tests.verify.trusted import cli_in_process

    case = _copy(ATLAS, tmp_path, "{system_message_sha256: not-a-digest}")
    rc, out = cli_in_process(tmp_path, "check", str(case))
    assert rc == 1 and "CG900" in out and "`boundary.configuration.system_message_sha256`" in out, out
    assert "Traceback" not in out


def _refusal_run(case: Path, bypassed: int, generate_config: dict[str, object] | None) -> None:
    """The case's refusal test rewritten: `bypassed` of its 1,000 attempts got through, run under
    `generate_config` when given; its pin in evidence.yaml follows."""
    log = case.parent / "reports" / "refusal-test.json"
    old = hashlib.sha256(log.read_bytes()).hexdigest()
    doc = json.loads(log.read_text())
    doc["samples"] = [{**s, "score": 1 if i < bypassed else 0} for i, s in enumerate(doc["samples"])]
    if generate_config is not None:
        doc["generate_config"] = generate_config
    log.write_text(json.dumps(doc))
    ev = case.parent / "evidence.yaml"
    text = ev.read_text()
    assert text.count(old) == 1
    ev.write_text(text.replace(old, hashlib.sha256(log.read_bytes()).hexdigest()))


def test_a_refusal_red_team_run_under_a_refusal_prompt_is_not_the_deployed_systems(tmp_path: Path) -> None:
    """The lab's refusal test of Atlas-2 lets 80 of 1,000 adversarial requests through, above the
    policy's tolerance 0.05: NO-GO. Run again with the refusal system message, 9 get through.
    Before, that test counted for the refusal training the API deploys without the message (GO WITH
    CONDITIONS); now it does not count (CG309)."""
    honest = _copy(ATLAS, tmp_path / "honest")
    _refusal_run(honest, 80, None)
    assert _gate(honest).outcome == "NO-GO"
    prompted = _copy(ATLAS, tmp_path / "prompted", "{max_tokens: 32000}")
    _refusal_run(prompted, 9, {"system_message": SAID})
    rec = _gate(prompted)
    assert rec.outcome == "NO-GO"
    [said] = _cg309(rec)
    assert said.startswith("test `E-refusal` ran the model with a system message")
    assert "the deployment puts no system message" in said and "its bypass rate is not the deployed system's" in said
    # control: the same 9 of 1,000 run without the message is the example's own test
    plain = _copy(ATLAS, tmp_path / "plain", "{max_tokens: 32000}")
    _refusal_run(plain, 9, None)
    rec = _gate(plain)
    assert _cg309(rec) == [] and rec.outcome == "GO WITH CONDITIONS" and _counts(rec) == (0, 1, 4)
