"""Independence is derived from signed evidence attestations, never from `independent: true`:
attacks on it (a typed claim, the developer's own staff, another artifact's digest, a forged or
unknown signature, someone else's test) each leave the item not independent, with the reason."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.evidence import EvidenceFacts, facts_for, rehash_artifacts
from casegate.gate import run_gate
from casegate.load import Loaded, load_case
from casegate.model import DecisionRecord
from casegate.sign import (
    Keyring,
    add_key,
    attest_evidence,
    generate_key,
    load_keyring,
    load_signer,
    parse_instant,
    save_keyring,
    sign_statement,
    with_attestations,
)
from casegate.store._files import collect_files

from .atlas_copy import edit as _edit

AT = parse_instant("2026-11-27", end_of_day=True)
SIGNED = "reports/evidence-attestations/redteam-classifier.md.jonas-berg.dsse.json"


def _ring(d: Path) -> Keyring:
    return load_keyring(d / "keys" / "keyring.yaml")


def _loaded(d: Path, ring: Keyring | None) -> Loaded:
    loaded = load_case(d / "case.yaml")
    return with_attestations(loaded, ring, AT) if ring is not None else loaded


def _facts(d: Path, ring: Keyring | None) -> EvidenceFacts:
    loaded = _loaded(d, ring)
    _, facts = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    assert facts is not None
    return facts


def _gate(d: Path, ring: Keyring | None) -> DecisionRecord:
    return run_gate(_loaded(d, ring), today=AT.date())


def _findings(r: DecisionRecord, code: str) -> list[tuple[tuple[str | int, ...], str, bool]]:
    return [(tuple(f.path), f.message, f.blocking) for f in r.findings if f.code == code]


def _new_person(d: Path, ring: Keyring, name: str, org: str | None) -> tuple[Keyring, object]:
    key = d / "keys" / f"{name.split()[0].lower()}.key"
    generate_key(key)
    signer = load_signer(str(key))
    ring = add_key(ring, signer.public_key, person=name, roles=["evaluator"], valid_from="2026-01-01",
                   valid_until="2028-12-31", organisation=org)
    save_keyring(ring, d / "keys" / "keyring.yaml")
    return ring, signer


def test_the_examples_external_evaluators_make_their_evidence_independent(atlas: Path) -> None:
    facts = _facts(atlas, _ring(atlas))
    ind = facts.independence
    assert ind["E-redteam-classifier"].independent
    assert ind["E-redteam-classifier"].attested_by == ("Jonas Berg (Northbridge Security) ran it",)
    for eid in ("E-weights-audit", "E-insider", "E-egress-test"):
        assert ind[eid].independent and ind[eid].attested_by == ("Lena Kovac (Halden Assurance) ran it",), eid
    # the developer's own tests are not independent, and say why
    assert not ind["E-refusal"].independent and not ind["E-refusal"].declared
    assert set(facts.developer_organisations) == {"acme-labs", "Acme Labs"} or \
        {o.casefold().replace(" ", "-") for o in facts.developer_organisations} == {"acme-labs"}
    r = _gate(atlas, _ring(atlas))
    assert not _findings(r, "CG348") and not _findings(r, "CG349") and not _findings(r, "CG407")


def test_without_a_keyring_nothing_is_independent(atlas: Path) -> None:
    r = _gate(atlas, None)
    typed = {p[1] for p, _, _ in _findings(r, "CG348")}
    assert typed == {"E-redteam-classifier", "E-weights-audit", "E-insider", "E-egress-test"}
    assert all("no keyring was given" in m for _, m, _ in _findings(r, "CG348"))
    # the audit counts for nothing, and the weight-security safeguards rest on self-attestation
    assert [p for p, _, b in _findings(r, "CG349") if b] == [("evidence", "E-weights-audit")]
    assert {p for p, _, b in _findings(r, "CG407") if b} == {("safeguards", "SG-weights"), ("safeguards", "SG-egress")}
    assert r.outcome == "NO-GO"


def test_typed_independence_without_an_attestation_is_a_blocking_finding(atlas: Path) -> None:
    (atlas / SIGNED).unlink()
    r = _gate(atlas, _ring(atlas))
    ((path, msg, blocking),) = _findings(r, "CG348")
    assert path == ("evidence", "E-redteam-classifier", "independent") and blocking
    assert "marked independent, but nothing signed shows it" in msg
    assert "no attestation signed by a keyring identity covers its artifact" in msg
    loc = next(f.location for f in r.findings if f.code == "CG348")
    assert loc is not None and loc.file.endswith("evidence.yaml")
    assert (atlas / "evidence.yaml").read_text().splitlines()[loc.line - 1].strip() == "independent: true"


@pytest.mark.parametrize("how", ["policy", "authors"])
def test_an_attestation_by_the_developers_own_staff_is_not_independence(atlas: Path, how: str) -> None:
    ring = _ring(atlas)
    if how == "authors":
        # the policy names no developer organisation: the authors' identities (Mira Chen, Acme Labs) do
        _edit(atlas / "policy.yaml", "  organisations: [acme-labs]\n", "")
    ring, omar = _new_person(atlas, ring, "Omar Haddad", "Acme Labs")
    (atlas / SIGNED).unlink()
    _edit(atlas / "evidence.yaml", "    producer: northbridge-security\n", "    producer: acme-labs\n")
    attest_evidence(load_case(atlas / "case.yaml"), "E-redteam-classifier", omar, ring, "evaluator",  # type: ignore[arg-type]
                    activity="ran", says="Ran the classifier red team.", at=parse_instant("2026-11-01"))
    ind = _facts(atlas, ring).independence["E-redteam-classifier"]
    assert not ind.independent
    assert ind.reasons == ("Omar Haddad attested it, but is from Acme Labs, the developer's own organisation",)
    assert _findings(_gate(atlas, ring), "CG348")


def test_no_known_developer_organisation_means_nothing_is_independent(atlas: Path) -> None:
    _edit(atlas / "policy.yaml", "  organisations: [acme-labs]\n", "")
    ring = _ring(atlas)
    mira = next(i for i in ring.identities if i.id == "mira-chen")
    ring = ring.model_copy(update={"identities": [i.model_copy(update={"organisation": None}) if i is mira else i
                                                  for i in ring.identities]})
    ind = _facts(atlas, ring).independence["E-weights-audit"]
    assert not ind.independent and "the developer's organisations are unknown" in ind.reasons[0]


def test_an_attestation_over_another_digest_is_not_counted(atlas: Path) -> None:
    # the report was edited after the evaluator signed it, and re-pinned: the signature covers the old bytes
    report = atlas / "reports" / "redteam-classifier.md"
    old = hashlib.sha256(report.read_bytes()).hexdigest()
    report.write_text(report.read_text() + "\nAddendum: the three bypasses were out of scope.\n")
    new = hashlib.sha256(report.read_bytes()).hexdigest()
    _edit(atlas / "evidence.yaml", old, new)
    ind = _facts(atlas, _ring(atlas)).independence["E-redteam-classifier"]
    assert not ind.independent
    assert f"covers sha256 {old[:16]}..., not its artifact's {new[:16]}..." in ind.reasons[0]
    (_, msg, blocking), = _findings(_gate(atlas, _ring(atlas)), "CG348")
    assert blocking and "Jonas Berg" in msg


def _envelope(atlas: Path) -> dict[str, object]:
    return dict(json.loads((atlas / SIGNED).read_text()))


def test_a_forged_attestation_is_not_counted(atlas: Path) -> None:
    # someone rewrites the signed statement to cover another item's artifact, keeping Jonas's signature
    env = _envelope(atlas)
    stmt = json.loads(base64.b64decode(str(env["payload"])))
    stmt["subject"][0]["digest"]["sha256"] = hashlib.sha256((atlas / "reports" / "refusal-test.json").read_bytes()).hexdigest()
    stmt["predicate"]["evidence"] = "E-refusal"
    env["payload"] = base64.b64encode(json.dumps(stmt).encode()).decode()
    (atlas / SIGNED).write_text(json.dumps(env))
    _edit(atlas / "evidence.yaml", "    producer: acme-safeguards\n", "    producer: northbridge-security\n")
    facts = _facts(atlas, _ring(atlas))
    for eid in ("E-refusal", "E-redteam-classifier"):
        assert not facts.independence[eid].independent, eid
    assert any("the signature does not verify against Jonas Berg's key" in r
               for r in facts.independence["E-refusal"].reasons)


def test_an_attestation_signed_by_a_key_outside_the_keyring_is_not_counted(atlas: Path) -> None:
    # a key the keyring does not hold signs a statement naming Jonas Berg and his key id
    generate_key(atlas / "keys" / "stranger.key")
    stranger = load_signer(str(atlas / "keys" / "stranger.key"))
    stmt = json.loads(base64.b64decode(str(_envelope(atlas)["payload"])))
    (atlas / SIGNED).write_text(json.dumps(sign_statement(stmt, stranger)))
    ind = _facts(atlas, _ring(atlas)).independence["E-redteam-classifier"]
    assert not ind.independent
    assert any("which is not in the keyring" in r for r in ind.reasons)


def test_an_evaluator_from_elsewhere_does_not_make_someone_elses_test_independent(atlas: Path) -> None:
    # Halden signed the audit; the case now says the developer's security team produced it
    _edit(atlas / "evidence.yaml", "    producer: halden-assurance\n    independent: true\n    date: 2026-09-30",
          "    producer: acme-security\n    independent: true\n    date: 2026-09-30")
    ind = _facts(atlas, _ring(atlas)).independence["E-weights-audit"]
    assert not ind.independent
    assert "its producer is `acme-security`, neither them nor their organisation" in ind.reasons[0]
    r = _gate(atlas, _ring(atlas))
    assert [p for p, _, b in _findings(r, "CG349") if b] == [("evidence", "E-weights-audit")]


def test_an_evaluator_without_an_organisation_makes_nothing_independent(atlas: Path) -> None:
    # an attestation made without an organisation on record counts for nothing either
    ring, nils = _new_person(atlas, _ring(atlas), "Nils Lund", None)
    _edit(atlas / "evidence.yaml", "    producer: acme-trust-and-safety\n    date: 2026-10-15",
          "    producer: nils-lund\n    date: 2026-10-15")
    attest_evidence(load_case(atlas / "case.yaml"), "E-kyc", nils, ring, "evaluator",  # type: ignore[arg-type]
                    activity="reviewed", says="Reviewed the enrolment test.", at=parse_instant("2026-11-01"))
    assert _facts(atlas, ring).independence["E-kyc"].reasons == (
        "Nils Lund attested it, but the keyring records no organisation for them",)
    ring = _ring(atlas)
    ring = ring.model_copy(update={"identities": [i.model_copy(update={"organisation": None})
                                                  if i.id == "lena-kovac" else i for i in ring.identities]})
    ind = _facts(atlas, ring).independence["E-insider"]
    # her statement names Halden Assurance, which the keyring no longer says: set aside
    assert not ind.independent and len(ind.reasons) == 1
    assert ind.reasons[0].endswith("names organisation 'Halden Assurance', but the keyring puts Lena Kovac in no organisation")


EXT_AUDIT = """  E-weights-ext:
    kind: security-audit
    tests: [SG-weights]
    title: External SL3 weight-security audit
    artifact: reports/egress-test.md
    sha256: b777979963c6a5898c2b2b2aec013422518f998d24e17ca2c3474c2ff2a536da
    producer: halden-assurance
    independent: true
    date: 2026-10-07
"""


def test_an_attestation_counts_only_for_the_item_it_names(atlas: Path) -> None:
    """Halden's signature over its egress-limit test does not make a second item, citing the same
    report as a weight-security audit of another safeguard, independent evidence."""
    with (atlas / "evidence.yaml").open("a") as f:
        f.write(EXT_AUDIT)
    facts = _facts(atlas, _ring(atlas))
    assert facts.independence["E-egress-test"].independent  # the item Lena attested still is
    ind = facts.independence["E-weights-ext"]
    assert not ind.independent
    assert any("egress-test.md.lena-kovac.dsse.json by Lena Kovac covers its artifact, but attests "
               "`E-egress-test`, not `E-weights-ext`" in r for r in ind.reasons), ind.reasons


def test_an_attestation_binds_the_kind_and_the_safeguards_tested(atlas: Path) -> None:
    lena = load_signer(str(atlas / "keys" / "lena-kovac.key"))
    path, _, _ = attest_evidence(load_case(atlas / "case.yaml"), "E-egress-test", lena, _ring(atlas), "evaluator",
                                 activity="ran", says="Egress-limit test on the weight hosts.",
                                 at=parse_instant("2026-10-08T12:00:00Z"))
    pred = json.loads(base64.b64decode(json.loads(path.read_text())["payload"]))["predicate"]
    assert (pred["evidence"], pred["kind"], pred["tests"]) == ("E-egress-test", "safeguard-test", ["SG-egress"])
    assert _facts(atlas, _ring(atlas)).independence["E-egress-test"].independent

    # the same id, now claimed to be a security audit
    _edit(atlas / "evidence.yaml", "    kind: safeguard-test\n    tests: [SG-egress]\n    title: Automated egress",
          "    kind: security-audit\n    tests: [SG-egress]\n    title: Automated egress")
    ind = _facts(atlas, _ring(atlas)).independence["E-egress-test"]
    assert not ind.independent
    assert any("attests `E-egress-test` as a safeguard-test, not a security-audit" in r for r in ind.reasons)
    # the right kind, now claimed to test the weight storage too
    _edit(atlas / "evidence.yaml", "    kind: security-audit\n    tests: [SG-egress]\n",
          "    kind: safeguard-test\n    tests: [SG-egress, SG-weights]\n")
    ind = _facts(atlas, _ring(atlas)).independence["E-egress-test"]
    assert not ind.independent
    assert any("attests `E-egress-test` as a test of SG-egress, not of SG-weights" in r for r in ind.reasons)


def test_an_attestation_that_names_no_item_is_set_aside(atlas: Path) -> None:
    from casegate.sign import attest_artifact, envelope_bytes

    lena = load_signer(str(atlas / "keys" / "lena-kovac.key"))
    env, _, _ = attest_artifact(atlas / "reports" / "egress-test.md", lena, _ring(atlas), "evaluator",
                                activity="ran", says="Egress-limit test.", at=parse_instant("2026-10-08T12:00:00Z"))
    folder = atlas / "reports" / "evidence-attestations"
    (folder / "egress-test.md.lena-kovac.dsse.json").write_bytes(envelope_bytes(env))
    ind = _facts(atlas, _ring(atlas)).independence["E-egress-test"]
    assert not ind.independent
    assert any("names no evidence item" in r for r in ind.reasons), ind.reasons


def _cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CASEGATE_KEYRING"}
    return subprocess.run([sys.executable, "-m", "casegate", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_evidence_attest_and_show_from_the_command_line(atlas: Path) -> None:
    (atlas / SIGNED).unlink()
    r = _cli("evidence", "attest", "E-redteam-classifier", "--case", "case.yaml", "--key", "keys/jonas-berg.key",
             "--role", "evaluator", "--keyring", "keys/keyring.yaml",
             "--statement", "1,200 jailbreak attempts against the classifiers", cwd=atlas)
    assert r.returncode == 0, r.stderr
    assert "as evaluator: Jonas Berg, Northbridge Security" in r.stdout
    assert (atlas / SIGNED).is_file()
    shown = _cli("evidence", "show", "E-redteam-classifier", "--case", "case.yaml", "--keyring", "keys/keyring.yaml",
                 "--at", "2026-12-01", cwd=atlas)
    assert shown.returncode == 0, shown.stderr
    assert "independent    yes  <- signed attestation: Jonas Berg (Northbridge Security) ran it" in shown.stdout
    bare = _cli("evidence", "show", "E-redteam-classifier", "--case", "case.yaml", cwd=atlas)
    assert "independent    no (the case declares it independent: not counted)" in bare.stdout
    # a role the key does not hold, and bytes that are not the pinned ones, are refused (exit 2)
    bad = _cli("evidence", "attest", "E-redteam-classifier", "--case", "case.yaml", "--key", "keys/jonas-berg.key",
               "--role", "rso", "--keyring", "keys/keyring.yaml", "--statement", "x", cwd=atlas)
    assert bad.returncode == 2 and "does not hold the role 'rso'" in bad.stderr
    (atlas / "reports" / "redteam-classifier.md").write_text("edited\n")
    bad = _cli("evidence", "attest", "E-redteam-classifier", "--case", "case.yaml", "--key", "keys/jonas-berg.key",
               "--role", "evaluator", "--keyring", "keys/keyring.yaml", "--statement", "x", cwd=atlas)
    assert bad.returncode == 2 and "not the sha256 `E-redteam-classifier` pins" in bad.stderr


def test_a_registry_version_keeps_its_attestations(atlas: Path) -> None:
    files, _ = collect_files(load_case(atlas / "case.yaml"))
    kept = sorted(p for p, role, _h, _b in files if role == "attestation")
    assert kept == sorted(f"reports/evidence-attestations/{n}" for n in (
        "redteam-classifier.md.jonas-berg.dsse.json", "sandbagging-probe.md.jonas-berg.dsse.json",
        "weights-audit.md.lena-kovac.dsse.json",
        "insider-redteam.md.lena-kovac.dsse.json", "egress-test.md.lena-kovac.dsse.json"))


def test_an_attestation_that_records_no_kind_or_tests_is_set_aside(atlas: Path) -> None:
    """Reason: signed before kinds and tests were bound, it would count for the item whatever the
    case now calls it (a safeguard test widened to test the weight storage too)."""
    from casegate.sign import attest_artifact, envelope_bytes

    lena = load_signer(str(atlas / "keys" / "lena-kovac.key"))
    env, _, _ = attest_artifact(atlas / "reports" / "egress-test.md", lena, _ring(atlas), "evaluator",
                                activity="ran", says="Egress-limit test.", evidence_id="E-egress-test",
                                at=parse_instant("2026-10-08T12:00:00Z"))
    (atlas / "reports" / "evidence-attestations" / "egress-test.md.lena-kovac.dsse.json").write_bytes(envelope_bytes(env))
    _edit(atlas / "evidence.yaml", "    tests: [SG-egress]\n", "    tests: [SG-egress, SG-weights]\n")
    ind = _facts(atlas, _ring(atlas)).independence["E-egress-test"]
    assert not ind.independent
    assert any("records neither the item's kind nor the safeguards it tests" in r for r in ind.reasons), ind.reasons


def _report_96(atlas: Path) -> None:
    """Northbridge's report says 96 bypasses in 1,200, and Jonas Berg attests the item as the case
    then declares it (96/1200)."""
    report = atlas / "reports" / "redteam-classifier.md"
    old = hashlib.sha256(report.read_bytes()).hexdigest()
    report.write_text("# External red team of the classifiers\n\n1,200 attempts; 96 bypasses.\n")
    _edit(atlas / "evidence.yaml", old, hashlib.sha256(report.read_bytes()).hexdigest())
    _edit(atlas / "evidence.yaml", "result: {bypasses: 3, attempts: 1200}", "result: {bypasses: 96, attempts: 1200}")
    (atlas / SIGNED).unlink()
    jonas = load_signer(str(atlas / "keys" / "jonas-berg.key"))
    attest_evidence(load_case(atlas / "case.yaml"), "E-redteam-classifier", jonas, _ring(atlas), "evaluator",
                    activity="ran", says="1,200 jailbreak attempts; 96 bypasses",
                    at=parse_instant("2026-10-29T12:00:00Z"))


def test_the_attested_result_counts_and_a_retyped_one_does_not(atlas: Path) -> None:
    """Reason: the attestation bound the report's bytes but not the numbers typed beside it, so a
    lab could retype 96 bypasses as 3 and keep the item independent (a GO WITH CONDITIONS
    instead of a NO-GO)."""
    _report_96(atlas)
    ring = _ring(atlas)
    assert _facts(atlas, ring).independence["E-redteam-classifier"].independent
    honest = _gate(atlas, ring)
    assert honest.outcome == "NO-GO" and _findings(honest, "CG406")
    _edit(atlas / "evidence.yaml", "result: {bypasses: 96, attempts: 1200}", "result: {bypasses: 3, attempts: 1200}")
    ind = _facts(atlas, ring).independence["E-redteam-classifier"]
    assert not ind.independent
    want = ("by Jonas Berg attests `E-redteam-classifier` with result {attempts: 1200, bypasses: 96}, but the case "
            "declares {attempts: 1200, bypasses: 3}")
    assert any(want in r for r in ind.reasons), ind.reasons
    retyped = _gate(atlas, ring)
    assert retyped.outcome == "NO-GO"
    assert any(want in m for _p, m, blocking in _findings(retyped, "CG348") if blocking)
    # the same account on `evidence show`
    shown = _cli("evidence", "show", "E-redteam-classifier", "--case", "case.yaml", "--keyring", "keys/keyring.yaml",
                 "--at", "2026-11-27", cwd=atlas)
    assert "independent    no" in shown.stdout and want in shown.stdout, shown.stdout


def test_a_retyped_date_sets_the_attestation_aside(atlas: Path) -> None:
    """Reason: the date decides when evidence expires; a lab that re-dates attested evidence must
    not keep it independent."""
    _edit(atlas / "evidence.yaml", "    independent: true\n    date: 2026-10-28\n", "    independent: true\n    date: 2026-11-20\n")
    ind = _facts(atlas, _ring(atlas)).independence["E-redteam-classifier"]
    assert not ind.independent
    assert any("attests `E-redteam-classifier` as dated 2026-10-28, but the case dates it 2026-11-20" in r
               for r in ind.reasons), ind.reasons


def test_an_equivalent_result_still_counts(atlas: Path) -> None:
    """The result is compared in canonical form: the same counts written another way (keys in
    another order, the default scale spelled out) are the same result."""
    _edit(atlas / "evidence.yaml", "result: {bypasses: 3, attempts: 1200}",
          "result: {attempts: 1200, bypasses: 3, scale: binary}")
    assert _facts(atlas, _ring(atlas)).independence["E-redteam-classifier"].independent


def test_an_attestation_that_records_no_result_or_date_is_set_aside(atlas: Path) -> None:
    """Reason: signed before results and dates were bound, it would count whatever numbers the
    lab types beside the artifact; it says to sign again."""
    from casegate.sign import attest_artifact, envelope_bytes

    jonas = load_signer(str(atlas / "keys" / "jonas-berg.key"))
    env, _, _ = attest_artifact(atlas / "reports" / "redteam-classifier.md", jonas, _ring(atlas), "evaluator",
                                activity="ran", says="Red team.", evidence_id="E-redteam-classifier",
                                kind="red-team", tests=["SG-classifier"], at=parse_instant("2026-10-29T12:00:00Z"))
    (atlas / SIGNED).write_bytes(envelope_bytes(env))
    ind = _facts(atlas, _ring(atlas)).independence["E-redteam-classifier"]
    assert not ind.independent
    assert any("records neither the result nor the date the case declares" in r and "sign it again" in r
               for r in ind.reasons), ind.reasons
