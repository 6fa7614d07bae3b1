"""A case version read back from the registry (SQLite and PostgreSQL) is derived from its stored
artifacts exactly as a fresh `gate` derives a case file: a stored record cannot carry counts,
elicitation or independence its artifacts contradict."""

from __future__ import annotations

import shutil
from pathlib import Path

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.monitor import VersionCache, comparison_for
from casegate.sign import load_keyring, parse_instant, with_attestations
from casegate.store import open_registry
from casegate.web._api import evidence_rows
from casegate.web._views import load_version

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
CASE = "atlas-2-api"
KEYRING = load_keyring(EXAMPLE / "keys" / "keyring.yaml")
AT = parse_instant("2026-11-27", end_of_day=True)
TYPED = ("    elicitation: {prompting: expert-written}\n",
         "    elicitation: {prompting: expert-written, attempts: 9}\n    result: {successes: 5, trials: 200}\n")
"""E-cyber-ctf typed as 5 of 200 with 9 attempts; its Inspect log says 33 of 200 with 5 epochs."""
SELF_DECLARED = ("    producer: acme-trust-and-safety\n    date: 2026-10-15\n",
                 "    producer: acme-trust-and-safety\n    independent: true\n    date: 2026-10-15\n")
"""E-kyc typed independent, with no attestation."""


def _copy(tmp: Path, name: str, *edits: tuple[str, str]) -> Path:
    dest = tmp / name
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns("signoffs", "*.bundle.json"))
    ev = dest / "evidence.yaml"
    text = ev.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    ev.write_text(text)
    return dest / "case.yaml"


def test_a_stored_version_holds_what_its_artifacts_say_not_what_its_record_typed(
        database_url: str, tmp_path: Path) -> None:
    reg = open_registry(database_url)
    try:
        reg.submit_case(load_case(_copy(tmp_path, "v1", TYPED, SELF_DECLARED)))
        sv = VersionCache(reg).get(CASE, 1)
        ctf = sv.case.evidence["E-cyber-ctf"]
        assert ctf.result is not None and (ctf.result.successes, ctf.result.trials) == (33, 200)
        assert ctf.elicitation is not None and ctf.elicitation.attempts == 5
        assert sv.facts is not None
        got = {(m.evidence_id, m.fact, m.recorded, m.derived) for m in sv.facts.mismatches}
        assert ("E-cyber-ctf", "attempts", "9", "5") in got
        assert any(e == "E-cyber-ctf" and f == "counts" and "5/200" in r and "33/200" in d for e, f, r, d in got)
        # typed independence is not believed from the registry either, with or without the keyring
        assert sv.case.evidence["E-kyc"].independent is False
        attested = VersionCache(reg, KEYRING).get(CASE, 1)
        assert attested.case.evidence["E-kyc"].independent is False
        assert attested.case.evidence["E-redteam-classifier"].independent is True
        assert sv.case.evidence["E-redteam-classifier"].independent is False  # no keyring: nothing is
    finally:
        reg.close()


def test_the_gate_compares_with_the_previous_version_as_derived(database_url: str, tmp_path: Path) -> None:
    reg = open_registry(database_url)
    try:
        reg.submit_case(load_case(_copy(tmp_path, "v1", TYPED)))
        v2 = _copy(tmp_path, "v2")
        v2.write_text(v2.read_text().replace('version: "1.0"', 'version: "1.1"', 1))
        loaded = with_attestations(load_case(v2), KEYRING, AT)
        comp = comparison_for(reg, loaded, keyring=KEYRING)
        assert [c.baseline.role for c in comp.versions] == ["previous"]
        prev = comp.versions[0].case.evidence["E-cyber-ctf"]
        assert prev.result is not None and prev.result.successes == 33
        # the stored record's 9 attempts would make today's 5 look like weaker elicitation
        # (CG323, as a raw `--previous` case shows); derived, both ran 5 epochs
        rec = run_gate(loaded, comparison=comp, today=AT.date())
        assert [f.code for f in rec.findings if f.code == "CG323"] == []
        raw = run_gate(loaded, previous=load_case(tmp_path / "v1" / "case.yaml").case, today=AT.date())
        assert [f.message for f in raw.findings if f.code == "CG323"] == [
            "evaluations of `cyber-high`: attempts 5, weaker than the previous version's 9"]
    finally:
        reg.close()


def test_the_boards_evidence_table_shows_derived_values_and_the_basis(database_url: str, tmp_path: Path) -> None:
    reg = open_registry(database_url)
    try:
        reg.submit_case(load_case(_copy(tmp_path, "v1", TYPED, SELF_DECLARED)))
        rows = {r["id"]: r for r in evidence_rows(load_version(reg, CASE, 1), KEYRING)}
        assert (rows["E-cyber-ctf"]["statistics"]["successes"], rows["E-cyber-ctf"]["basis"]) == (33, "derived")
        assert rows["E-kyc"]["basis"] == "derived" and rows["E-kyc"]["independent"] is False
        assert (rows["E-kyc"]["statistics"]["bypasses"], rows["E-kyc"]["statistics"]["attempts"]) == (2, 150)
        assert rows["E-weights-audit"]["basis"] == "declared"
        assert rows["E-redteam-classifier"]["independent"] is True
        assert {r["independent"] for r in evidence_rows(load_version(reg, CASE, 1))} == {False}
    finally:
        reg.close()
