"""`casegate publish` into a registry judges the version as the registry does, and the registry
holds the public record of a version to its own judgement of it.

The lab's moves: publish version 2 under a keyring it wrote itself (its own key standing in for
the external evaluator), so the summary shows a GO and a forged external sign-off the registry's
gate refuses; publish version 2, whose policy loosens an alert level, without the comparison with
version 1 that finds it (CG320); date the recorded summary by a date of its choosing; log, as a
program may, a summary whose outcome is not the one the registry judged; and let such a summary
stand as the approved version's public summary for `verify`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from casegate.errors import VerificationError
from casegate.store import judgements, open_registry, record_publication

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
CASE = "atlas-2-api"


def _env(d: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEGATE_")}
    env.update(CASEGATE_ROOT=str(d), CASEGATE_DATABASE_URL=f"sqlite:///{d}/.casegate/registry.db",
               CASEGATE_KEYRING="case/keys/keyring.yaml", CASEGATE_TRUST_ROOT="trust",
               CASEGATE_DEMO_KEYS="1")  # the example's keys are published: a demonstration
    return env


def cg(d: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    r = subprocess.run([sys.executable, "-m", "casegate", *args], cwd=d, env=_env(d), capture_output=True, text=True)
    if ok:
        assert r.returncode == 0, f"casegate {' '.join(args)}: {r.stdout}{r.stderr}"
    return r


@pytest.fixture(scope="module")
def approved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's steps: atlas-api signed and decided, a trust root pinning its policy and keyring,
    version 1 submitted and approved (GO WITH CONDITIONS) by the registry."""
    d = tmp_path_factory.mktemp("approved")
    shutil.copytree(EXAMPLE, d / "case")
    for k in (d / "case" / "keys").glob("*.key"):
        os.chmod(k, 0o600)
    cg(d, "authors", "sign", "case/case.yaml", "--role", "author", "--key", "case/keys/mira-chen.key")
    for role, key in (("safety-lead", "dana-ortiz"), ("rso", "sam-whitfield"), ("external-evaluator", "priya-natarajan")):
        cg(d, "sign", "case/case.yaml", "--role", role, "--key", f"case/keys/{key}.key")
    cg(d, "decide", "case/case.yaml", "--key", "case/keys/sam-whitfield.key", "--role", "rso", "--out", "decision.bundle.json")
    for k in ("root-a", "root-b", "root-c"):
        cg(d, "keys", "generate", f"trust-keys/{k}.key")
    cg(d, "keys", "generate", "log.key")
    cg(d, "trust", "init", "trust", "--root-key", "trust-keys/root-a.key.pub", "--root-key", "trust-keys/root-b.key.pub",
       "--root-key", "trust-keys/root-c.key.pub", "--threshold", "2", "--sign-with", "trust-keys/root-a.key",
       "--sign-with", "trust-keys/root-b.key", "--policy", "case/policy.yaml", "--keyring", "case/keys/keyring.yaml",
       "--log-key", "log.key.pub", "--origin", "test.example/log", "--max-checkpoint-age", "24h", "--expires", "365d")
    cg(d, "registry", "submit", "case/case.yaml", "--model", "case/model")
    cg(d, "state", "set", CASE, "under-review", "--by", "Sam Whitfield")
    cg(d, "state", "apply", CASE, "--decision", "decision.bundle.json")
    return d


@pytest.fixture
def work(approved: Path, tmp_path: Path) -> Path:
    """A copy of the approved world (its registry too) for one test."""
    d = tmp_path / "w"
    shutil.copytree(approved, d, symlinks=True)
    return d


def _publications(d: Path) -> list[dict[str, Any]]:
    with open_registry(_env(d)["CASEGATE_DATABASE_URL"]) as reg:
        return [e.payload for e in reg.events(case_id=CASE, kind="publication")]


def _loosen_and_submit(d: Path) -> None:
    """Version 2: the cyber-high alert level raised from 0.15 to 0.25 (CG320 against version 1)."""
    policy = d / "case" / "policy.yaml"
    text = policy.read_text()
    assert "    alert: 0.15\n" in text
    policy.write_text(text.replace("    alert: 0.15\n", "    alert: 0.25\n"))
    cg(d, "registry", "submit", "case/case.yaml", "--model", "case/model")


def test_a_summary_under_the_labs_own_keyring_is_not_recorded(work: Path) -> None:
    """The lab replaces the external evaluator's key with its own in a keyring it wrote, signs v2
    with it and publishes under that keyring: refused before anything is written; the same
    keyring may still write a local preview, which the registry does not record."""
    d = work
    _loosen_and_submit(d)
    cg(d, "keys", "generate", "fake-priya.key")
    os.chmod(d / "fake-priya.key", 0o600)
    ring = yaml.safe_load((d / "case" / "keys" / "keyring.yaml").read_text())
    ring["identities"] = [i for i in ring["identities"] if i["name"] != "Priya Natarajan"]
    (d / "lab-keyring.yaml").write_text(yaml.safe_dump(ring, sort_keys=False))
    cg(d, "keys", "add", "lab-keyring.yaml", "--public", "fake-priya.key.pub", "--person", "Priya Natarajan",
       "--role", "external-evaluator", "--organisation", "Northbridge Security", "--from", "2026-01-01",
       "--until", "2028-12-31", "--db", f"sqlite:///{d}/scratch.db")
    lab = ("--keyring", "lab-keyring.yaml")
    cg(d, "authors", "sign", "case/case.yaml", "--role", "author", "--key", "case/keys/mira-chen.key", *lab)
    for role, key in (("safety-lead", "case/keys/dana-ortiz.key"), ("rso", "case/keys/sam-whitfield.key"),
                      ("external-evaluator", "fake-priya.key")):
        cg(d, "sign", "case/case.yaml", "--role", role, "--key", key, *lab, "--force")
    cg(d, "registry", "submit", "case/case.yaml", "--model", "case/model")
    before = _publications(d)
    r = cg(d, "publish", "case/case.yaml", "--out", "public", *lab, ok=False)
    assert r.returncode != 0, r.stdout
    assert "publish judges under the keyring the trust root pins" in r.stderr and "Traceback" not in r.stderr
    assert "--no-record" in r.stderr
    assert not (d / "public").exists() and _publications(d) == before
    # without the trust root it is refused as well (fail closed) ...
    r = subprocess.run([sys.executable, "-m", "casegate", "publish", "case/case.yaml", "--out", "public", *lab],
                       cwd=d, env={**_env(d), "CASEGATE_TRUST_ROOT": ""}, capture_output=True, text=True)
    assert r.returncode != 0 and "no trust root" in r.stderr, r.stdout + r.stderr
    assert not (d / "public").exists() and _publications(d) == before
    # ... and so it is with --unpinned: this registry's log records the trust root, so it is no
    # test or demo registry (before, --unpinned recorded the forged sign-off's GO summary)
    r = subprocess.run([sys.executable, "-m", "casegate", "publish", "case/case.yaml", "--out", "public", *lab,
                        "--unpinned"], cwd=d, env={**_env(d), "CASEGATE_TRUST_ROOT": ""}, capture_output=True, text=True)
    assert r.returncode != 0 and "this registry's log records trust root version 1" in r.stderr, r.stdout + r.stderr
    assert not (d / "public").exists() and _publications(d) == before
    # ... and a preview under the lab's keyring is written, marked, and not recorded
    r = cg(d, "publish", "case/case.yaml", "--out", "preview", *lab, "--no-record")
    assert "not recorded" in r.stderr and "recorded the publication" not in r.stdout
    assert _publications(d) == before
    # the preview is still compared with version 1: the loosened alert level blocks it
    assert "CG320" in (d / "preview" / "summary.json").read_text()


def test_the_recorded_summary_carries_the_registrys_history_findings(work: Path) -> None:
    """v2 loosens the cyber-high alert level: the registry's gate holds CG320 against it; the
    recorded public summary says NO-GO and names CG320, judged as of the registry's clock."""
    d = work
    _loosen_and_submit(d)
    r = cg(d, "publish", "case/case.yaml", "--out", "public")
    assert "recorded the publication" in r.stdout, r.stdout + r.stderr
    summary = json.loads((d / "public" / "summary.json").read_text())
    assert summary["decision"]["outcome"] == "NO-GO"
    assert "CG320" in json.dumps(summary["decision"]["findings"])
    last = _publications(d)[-1]
    assert last["version"] == 2 and last["summary"]["decision"]["outcome"] == "NO-GO"
    assert last["judged"]["trust_root"] == 1 and last["judged"]["keyring"].startswith("sha256:")
    # nobody approved version 2, so publish logged the registry's judgement of it first: the store
    # records a summary only of a version judged on the record
    with open_registry(_env(d)["CASEGATE_DATABASE_URL"]) as reg:
        (j,) = [e.payload for e in reg.events(case_id=CASE, kind="judgement")]
    assert (j["version"], j["outcome"], j["via"]) == (2, "NO-GO", "publish")
    # the tests' keyring holds published example keys: the log says the publication is a demonstration
    judged = dict(last["judged"])
    assert str(judged.pop("demonstration")).startswith("signed with casegate's published example keys"), judged
    assert {k: j[k] for k in ("keyring", "trust_root", "at")} == judged


def test_a_program_cannot_record_a_summary_of_a_version_nobody_judged(work: Path) -> None:
    """Version 2 is submitted and nobody approved or published it: a program logs a summary of it
    straight through the store, with no judgement of the version on the record. Refused, nothing
    logged; `casegate publish` (which judges first) then records the registry's own outcome."""
    d = work
    _loosen_and_submit(d)
    before = _publications(d)
    with open_registry(_env(d)["CASEGATE_DATABASE_URL"]) as reg, \
            pytest.raises(VerificationError, match="no judgement of version 2 of atlas-2-api"):
        record_publication(reg, CASE, {"case": {"id": CASE}, "decision": {"outcome": "GO"}}, version=2)
    assert _publications(d) == before
    cg(d, "publish", "case/case.yaml", "--out", "public")
    assert [p["summary"]["decision"]["outcome"] for p in _publications(d)[len(before):]] == ["NO-GO"]


def test_a_recorded_summary_is_dated_by_the_registry_not_the_publisher(work: Path) -> None:
    r = cg(work, "publish", "case/case.yaml", "--out", "public", "--at", "2026-05-01", ok=False)
    assert r.returncode != 0 and "registry's clock" in r.stderr, r.stdout + r.stderr
    assert not (work / "public").exists() and _publications(work) == []
    cg(work, "publish", "case/case.yaml", "--out", "preview", "--at", "2026-05-01", "--no-record")
    assert _publications(work) == []


def test_the_registry_records_no_summary_that_contradicts_its_judgement(work: Path) -> None:
    """A program logs a GO summary of version 1, which the registry judged GO WITH CONDITIONS:
    refused, nothing logged; the honest publish is recorded and then counts for `verify`."""
    url = _env(work)["CASEGATE_DATABASE_URL"]
    cg(work, "publish", "case/case.yaml", "--out", "public")
    honest = json.loads((work / "public" / "summary.json").read_text())
    assert honest["decision"]["outcome"] == "GO WITH CONDITIONS"
    forged = {**honest, "decision": {**honest["decision"], "outcome": "GO", "conditions": []}}
    with open_registry(url) as reg, pytest.raises(VerificationError, match="registry's own judgement"):
        record_publication(reg, CASE, forged, version=1)
    assert [p["summary"]["decision"]["outcome"] for p in _publications(work)] == ["GO WITH CONDITIONS"]


def test_a_program_cannot_record_a_summary_that_leaves_out_a_condition(work: Path) -> None:
    """The lab writes the summary of version 1 (GO WITH CONDITIONS, judged so by the registry when
    it approved) itself, as a local preview, and logs it through the store with its condition
    taken out; or with it left in but due later. Refused, nothing logged; the summary as written,
    its condition marked withheld for the public audience, is recorded."""
    url = _env(work)["CASEGATE_DATABASE_URL"]
    with open_registry(url) as reg:  # the preview dated as the registry's judgement is (held to it too)
        day = judgements(reg, CASE, 1)[-1][0]["found"]["decided_at"]
    cg(work, "publish", "case/case.yaml", "--out", "preview", "--no-record", "--at", day)
    written = json.loads((work / "preview" / "summary.json").read_text())
    # the preview's marker taken out too (the registry refuses a summary marked as a preview)
    assert written.pop("preview")["recorded"] is False
    decision = written["decision"]
    assert decision["outcome"] == "GO WITH CONDITIONS" and len(decision["conditions"]) == 1
    c1 = decision["conditions"][0]
    assert c1["withheld"] is True and c1["text"] is None  # withheld from the public, still there
    left_out = {**written, "decision": {**decision, "conditions": [],
                                        "findings": [f for f in decision["findings"] if f["severity"] != "condition"],
                                        "counts": {**decision["counts"], "condition": 0}}}
    later = {**written, "decision": {**decision, "conditions": [{**c1, "due": "2099-12-31"}]}}
    with open_registry(url) as reg:
        with pytest.raises(VerificationError, match=rf"condition C1 \({c1['cause']}, due {c1['due']}\) is left out") as e:
            record_publication(reg, CASE, left_out, version=1)
        assert "casegate publish" in (e.value.help or "")
        with pytest.raises(VerificationError, match="is not one the registry found"):
            record_publication(reg, CASE, later, version=1)
    assert _publications(work) == []
    with open_registry(url) as reg:
        record_publication(reg, CASE, written, version=1)
    assert [p["summary"]["decision"]["conditions"] for p in _publications(work)] == [[c1]]


class _Events:
    """A registry view holding an approval of version 1 (GO WITH CONDITIONS) and `published`."""

    def __init__(self, published: list[dict[str, Any]]):
        from types import SimpleNamespace

        self.approval = SimpleNamespace(index=3, recorded_at="2026-01-01T00:00:00.000000Z", payload={
            "to": "approved-with-conditions", "cause": {"type": "decision", "version": 1}})
        self.published = [SimpleNamespace(index=4 + i, payload=p) for i, p in enumerate(published)]

    def events(self, case_id: str | None = None, kind: str | None = None) -> list[Any]:
        return self.published if kind == "publication" else [self.approval]


@pytest.mark.parametrize(("outcome", "counts"), [("GO", False), ("GO WITH CONDITIONS", True)])
def test_verify_counts_only_a_summary_that_says_what_was_approved(outcome: str, counts: bool) -> None:
    """A publication of the approved version that states another outcome (logged before the
    registry refused such summaries, or by a program) is not its public summary."""
    import datetime as dt

    from casegate.model import BoundaryKind
    from casegate.verify._bundle import PUBLICATION_OVERDUE, Verdict, _published

    reg = _Events([{"version": 1, "summary": {"decision": {"outcome": outcome}}}])
    verdict = Verdict()
    _published(reg, CASE, [reg.approval], BoundaryKind.api, None,  # type: ignore[arg-type]
               dt.datetime(2027, 1, 1, tzinfo=dt.UTC), verdict)
    overdue = any(PUBLICATION_OVERDUE in r for r in verdict.reasons)
    assert overdue is not counts, verdict.reasons


def test_the_board_shows_no_summary_that_contradicts_the_registrys_judgement(work: Path) -> None:
    """A GO summary of version 1 logged straight into the log (as a registry written before
    summaries were held to its judgement could hold one), after the honest one: the case's page
    shows the honest summary, not the later contradicting one."""
    from casegate.web._views import case_view

    url = _env(work)["CASEGATE_DATABASE_URL"]
    cg(work, "publish", "case/case.yaml", "--out", "public")
    honest = json.loads((work / "public" / "summary.json").read_text())
    forged = {**honest, "decision": {**honest["decision"], "outcome": "GO", "conditions": []}}
    with open_registry(url) as reg:
        reg.record("publication", CASE, {"version": 1, "summary": forged})
        view = case_view(reg, CASE)
    assert view is not None and view.published is not None
    assert view.published["summary"]["decision"]["outcome"] == "GO WITH CONDITIONS"


def test_a_summary_under_a_policy_the_trust_root_does_not_pin_is_not_recorded(work: Path) -> None:
    """The lab edits its policy (here only a comment: a new file the root holders never pinned),
    submits that version, signs it and publishes: before, the registry recorded a GO WITH
    CONDITIONS summary judged under a policy it would never approve under. Now it is refused
    before anything is written; a local preview is still written, not recorded. (A NO-GO summary
    under such a policy is recorded: `test_the_recorded_summary_carries_the_registrys_history_findings`.)"""
    d = work
    policy = d / "case" / "policy.yaml"
    policy.write_text(policy.read_text() + "# tightened wording, never pinned\n")
    cg(d, "authors", "sign", "case/case.yaml", "--role", "author", "--key", "case/keys/mira-chen.key")
    for role, key in (("safety-lead", "dana-ortiz"), ("rso", "sam-whitfield"), ("external-evaluator", "priya-natarajan")):
        cg(d, "sign", "case/case.yaml", "--role", role, "--key", f"case/keys/{key}.key", "--force")
    cg(d, "registry", "submit", "case/case.yaml", "--model", "case/model")
    before = _publications(d)
    r = cg(d, "publish", "case/case.yaml", "--out", "public", ok=False)
    assert r.returncode != 0, r.stdout
    assert "publish records GO WITH CONDITIONS only under a policy the trust root pins as current" in r.stderr, r.stderr
    assert "is not pinned by the trust root" in r.stderr and "Traceback" not in r.stderr
    assert not (d / "public").exists() and _publications(d) == before
    r = cg(d, "publish", "case/case.yaml", "--out", "preview", "--no-record")
    assert "not recorded" in r.stderr and _publications(d) == before


def test_a_summary_under_a_policy_the_trust_root_replaced_is_not_recorded(work: Path) -> None:
    """The root holders pin version 3.2 of the policy, replacing 3.1 from now on; the lab publishes
    the approved version, judged under 3.1: the registry's judgement now is under a replaced
    policy, and no summary is recorded (as no approval would be)."""
    d = work
    newer = d / "policy-3.2.yaml"
    text = (d / "case" / "policy.yaml").read_text()
    assert 'version: "3.1"\n' in text
    newer.write_text(text.replace('version: "3.1"\n', 'version: "3.2"\n'))
    cg(d, "trust", "rotate", "trust", "--policy", str(newer), "--sign-with", "trust-keys/root-a.key",
       "--sign-with", "trust-keys/root-b.key")
    before = _publications(d)
    r = cg(d, "publish", "case/case.yaml", "--out", "public", ok=False)
    assert r.returncode != 0, r.stdout
    assert "publish records GO WITH CONDITIONS only under a policy the trust root pins as current" in r.stderr, r.stderr
    assert "the policy acme-frontier version 3.1" in r.stderr and "was replaced on" in r.stderr
    assert not (d / "public").exists() and _publications(d) == before
