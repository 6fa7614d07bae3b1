"""An evidence attestation covers the further files an item's counts are read from. An external
evaluator attests an lm-eval run (its results file is the artifact; its per-sample file, pinned in
`source.files`, is what the counts come from). The lab then rewrites the per-sample file and pins
the new bytes, keeping the results file the attestation names: the item is no longer independent."""

from __future__ import annotations

import shutil
from pathlib import Path

from casegate.evidence import facts_for, rehash_artifacts
from casegate.load import load_case
from casegate.sign import (
    attest_evidence,
    load_keyring,
    load_signer,
    parse_instant,
    with_attestations,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "redteam" / "lm-eval"
LOGS = ROOT / "tests" / "fixtures" / "evidence" / "logs" / "lm-eval"
KEYS = ROOT / "examples" / "atlas-api" / "keys"
RESULTS = "results_2026-11-27T03-46-10.096901.json"
SAMPLES = "samples_arith_mc_2026-11-27T03-46-10.096901.jsonl"
AT = parse_instant("2026-11-28")


def _case(tmp_path: Path) -> Path:
    d = tmp_path / "case"
    shutil.copytree(FIXTURE, d)
    shutil.copytree(LOGS, d / "logs")
    case = d / "case.yaml"
    text = case.read_text()
    for old, new in (("../../evidence/logs/lm-eval/", "logs/"), ("producer: evals", "producer: Northbridge Security")):
        assert text.count(old) == 1
        text = text.replace(old, new)
    case.write_text(text)
    return case


def _independence(case: Path) -> tuple[bool, tuple[str, ...]]:
    ring = load_keyring(KEYS / "keyring.yaml")
    loaded = with_attestations(load_case(case), ring, parse_instant("2026-11-30", end_of_day=True))
    _, facts = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    assert facts is not None
    ind = facts.independence["E-rnd"]
    return ind.independent, ind.reasons


def test_an_attested_run_whose_samples_file_is_rewritten_is_not_independent(tmp_path: Path) -> None:
    import hashlib

    case = _case(tmp_path)
    ring = load_keyring(KEYS / "keyring.yaml")
    (KEYS / "jonas-berg.key").chmod(0o600)
    attest_evidence(load_case(case), "E-rnd", load_signer(str(KEYS / "jonas-berg.key")), ring, "evaluator",
                    activity="ran", says="Ran arith_mc on the fixture model", at=AT)
    assert _independence(case) == (True, ())
    samples = case.parent / "logs" / SAMPLES
    old = hashlib.sha256(samples.read_bytes()).hexdigest()
    lines = samples.read_text().splitlines(keepends=True)
    samples.write_text("".join(reversed(lines)))  # the same documents, other bytes
    new = hashlib.sha256(samples.read_bytes()).hexdigest()
    case.write_text(case.read_text().replace(old, new))
    independent, reasons = _independence(case)
    assert not independent
    assert any(f"attests `E-rnd` with further files [{old[:12]}...], but the case pins [{new[:12]}...]" in r
               for r in reasons), reasons


def test_verify_holds_an_attestation_to_the_further_files_the_decision_counted() -> None:
    """`verify` checks each attestation again against the item as the signed decision counted it:
    an attestation of other further files, or of none where the decision counted some, differs."""
    from casegate.model import EvidenceAttestation
    from casegate.verify._bundle import _attested_otherwise

    a, b = "a" * 64, "b" * 64

    def att(files: tuple[str, ...] | None) -> EvidenceAttestation:
        return EvidenceAttestation(label="attestation", sha256="c" * 64, person="Jonas Berg", identity="jonas-berg",
                                   keyid="k", role="evaluator", activity="ran", statement="ran it",
                                   signed_at="2026-11-28T00:00:00Z", evidence="E-rnd", kind="eval", tests=(),
                                   result=None, date="2026-11-27", files=files)

    item = {"kind": "eval", "tests": [], "result": None, "date": "2026-11-27", "files": [a]}
    assert _attested_otherwise(att((a,)), item) is None
    assert "other further files" in str(_attested_otherwise(att((b,)), item))
    assert "other further files" in str(_attested_otherwise(att(None), item))
    assert _attested_otherwise(att(None), {**item, "files": []}) is None
    # a decision that does not say which files it counted cannot be checked: it differs
    unsaid = {k: v for k, v in item.items() if k != "files"}
    assert "does not say the kind, tests, result, date and further files" in str(_attested_otherwise(att((a,)), unsaid))
