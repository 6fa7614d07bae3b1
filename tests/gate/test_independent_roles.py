"""A required role the policy marks `independent: true` (the example framework's
`external-evaluator`) counts a sign-off only from a keyring identity whose organisation the keyring
records and is none of the developer's: the lab writes its own keyring, and giving the outside
evaluator's role to one of its own people must not meet the requirement (CG501)."""

from __future__ import annotations

from pathlib import Path

from tests.sign.helpers import World, make_world

from casegate.model import DecisionRecord
from casegate.sign import add_key, generate_key, load_signer, parse_instant, save_keyring, sign_case

AT = parse_instant("2026-11-25")
LATER = parse_instant("2026-12-01")
PRIYA_LINE = "person: Priya Natarajan, date: 2026-11-22, relies_on"
"""The example's external evaluator's sign-off line (her objection O-1 is left as it is)."""


def _gate(w: World) -> DecisionRecord:
    from casegate.gate import run_gate
    from casegate.verify import gate_inputs

    inputs = gate_inputs(w.load(), w.ring, LATER.date())
    return run_gate(inputs.loaded, today=LATER.date(), waivers=inputs.waivers,
                    waiver_problems=inputs.waiver_problems)


def _cg501(record: DecisionRecord) -> list[str]:
    return [f.message for f in record.findings if f.code == "CG501"]


def _evaluator(tmp: Path, w: World, person: str, organisation: str | None) -> None:
    """The keyring gives `person` (of `organisation`) the `external-evaluator` role, the case's
    external evaluator's line names them, and every required role signs."""
    key = tmp / "keys" / "evaluator.key"
    generate_key(key)
    signer = load_signer(str(key))
    w.ring = add_key(w.ring, signer.public_key, person=person, roles=["external-evaluator"],
                     valid_from="2026-01-01", valid_until="2028-12-31", organisation=organisation)
    save_keyring(w.ring, w.ring_path)
    text = w.case.read_text()
    assert text.count(PRIYA_LINE) == 1
    w.case.write_text(text.replace(PRIYA_LINE, PRIYA_LINE.replace("Priya Natarajan", person)))
    sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    sign_case(w.load(), "rso", w.signers["sam"], w.ring, at=AT)
    sign_case(w.load(), "external-evaluator", signer, w.ring, at=AT)


def _signed_by_priya(w: World) -> None:
    for name, role in {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)


def test_the_outside_evaluator_of_another_organisation_counts(tmp_path: Path) -> None:
    w = make_world(tmp_path)
    _signed_by_priya(w)
    record = _gate(w)
    assert _cg501(record) == []
    assert record.outcome == "GO WITH CONDITIONS"


def test_the_lab_s_own_employee_holding_the_outside_evaluator_s_role_does_not_count(tmp_path: Path) -> None:
    """The lab's keyring gives `external-evaluator` to Omar Reyes of Acme Labs (the policy's
    `acme-labs`), who signs: the sign-off verifies, and still does not meet the role."""
    w = make_world(tmp_path)
    _evaluator(tmp_path, w, "Omar Reyes", "Acme Labs")
    record = _gate(w)
    assert record.outcome == "NO-GO"
    assert not [f for f in record.findings if f.code == "CG510"]  # the signature itself is good
    (msg,) = _cg501(record)
    assert "needs 1 distinct sign-off(s) from role `external-evaluator`" in msg
    assert "from outside the developer's organisations" in msg
    assert "Omar Reyes is from Acme Labs, the developer's own organisation" in msg
    hint = next(f.help for f in record.findings if f.code == "CG501")
    assert hint is not None and "casegate keys add --organisation" in hint


def test_an_evaluator_with_no_organisation_on_record_does_not_count(tmp_path: Path) -> None:
    w = make_world(tmp_path)
    _evaluator(tmp_path, w, "Omar Reyes", None)
    (msg,) = _cg501(_gate(w))
    assert "the keyring records no organisation for Omar Reyes" in msg


def test_with_the_developer_s_organisations_unknown_no_one_counts(tmp_path: Path) -> None:
    """A policy that names no developer organisation (and authors with none on record): nobody can
    be shown to be outside, so even the real outside evaluator does not count (fail closed)."""
    w = make_world(tmp_path)
    pol = w.dir / "policy.yaml"
    text = pol.read_text()
    assert text.count("  organisations: [acme-labs]\n") == 1
    pol.write_text(text.replace("  organisations: [acme-labs]\n", ""))
    _of(w, {"Mira Chen": None})
    _signed_by_priya(w)
    (msg,) = _cg501(_gate(w))
    assert "the developer's organisations are unknown" in msg


def test_without_the_flag_the_role_counts_from_anyone_holding_it(tmp_path: Path) -> None:
    """What the flag changes: a policy that does not mark the role counts the employee."""
    w = make_world(tmp_path)
    pol = w.dir / "policy.yaml"
    text = pol.read_text()
    assert "{role: external-evaluator, independent: true}" in text
    pol.write_text(text.replace("{role: external-evaluator, independent: true}", "{role: external-evaluator}"))
    _evaluator(tmp_path, w, "Omar Reyes", "Acme Labs")
    assert _cg501(_gate(w)) == []


def _preview(w: World) -> DecisionRecord:
    from casegate.gate import run_gate
    from casegate.verify import gate_inputs

    inputs = gate_inputs(w.load(), w.ring, LATER.date(), preview=True)
    return run_gate(inputs.loaded, today=LATER.date(), waivers=inputs.waivers,
                    waiver_problems=inputs.waiver_problems)


def _typed_in(w: World, person: str) -> None:
    """The external evaluator's line names `person`; nothing is signed (what a preview shows)."""
    text = w.case.read_text()
    assert text.count(PRIYA_LINE) == 1
    w.case.write_text(text.replace(PRIYA_LINE, PRIYA_LINE.replace("Priya Natarajan", person)))


def test_a_preview_holds_the_independent_role_to_the_keyring_s_organisation(tmp_path: Path) -> None:
    """The lab's keyring gives `external-evaluator` to its own Omar Reyes, and the evaluator's line
    names him: the preview, given the keyring, says what the gate will say (NO-GO on CG501), not
    GO on a sign-off that can never count."""
    w = make_world(tmp_path)
    key = tmp_path / "keys" / "evaluator.key"
    generate_key(key)
    w.ring = add_key(w.ring, load_signer(str(key)).public_key, person="Omar Reyes", roles=["external-evaluator"],
                     valid_from="2026-01-01", valid_until="2028-12-31", organisation="Acme Labs")
    _typed_in(w, "Omar Reyes")
    record = _preview(w)
    assert record.outcome == "NO-GO"
    (msg,) = _cg501(record)
    assert "Omar Reyes is from Acme Labs, the developer's own organisation" in msg


def test_a_preview_does_not_count_a_line_no_signature_can_make_count(tmp_path: Path) -> None:
    """A line naming someone the keyring does not know, or an employee in a role no key of theirs
    holds, is not counted by a preview given the keyring (CG510 names it)."""
    for person, why in (("A. Standin", "A. Standin is no identity in the keyring"),
                        ("Dana Ortiz", "Dana Ortiz holds no key for the role 'external-evaluator'")):
        w = make_world(tmp_path / person.replace(" ", "-"))
        _typed_in(w, person)
        record = _preview(w)
        assert record.outcome == "NO-GO", person
        assert any(f.code == "CG510" and why in f.message for f in record.findings), person


def test_a_preview_of_the_outside_evaluator_s_line_is_go(tmp_path: Path) -> None:
    w = make_world(tmp_path)
    record = _preview(w)
    assert _cg501(record) == [] and not [f for f in record.findings if f.code == "CG510"]
    assert record.outcome == "GO WITH CONDITIONS"


def _of(w: World, organisations: dict[str, str | None]) -> None:
    """The keyring records each named person as of the given organisation (None: of none)."""
    w.ring = w.ring.model_copy(update={"identities": [
        i.model_copy(update={"organisation": organisations[i.name]}) if i.name in organisations else i
        for i in w.ring.identities]})
    save_keyring(w.ring, w.ring_path)


def test_the_outside_evaluator_is_not_of_the_organisation_of_someone_who_may_decide(tmp_path: Path) -> None:
    """Attack: the keyring records the lab's RSO, Sam Whitfield (whose role may sign the decision),
    and its "outside" evaluator, Priya Natarajan, both as of Helios AI, the lab's product arm under a
    name the policy does not list and no author has. The gate counted her sign-off as from outside
    and said GO WITH CONDITIONS; whoever may decide for the lab is the lab, and so is their
    organisation."""
    w = make_world(tmp_path)
    _of(w, {"Sam Whitfield": "Helios AI", "Priya Natarajan": "Helios AI"})
    _signed_by_priya(w)
    record = _gate(w)
    assert record.outcome == "NO-GO"
    (msg,) = _cg501(record)
    assert ("Priya Natarajan is from Helios AI, the organisation of Sam Whitfield, who may sign the decision "
            "for `api`") in msg, msg


def test_an_evaluator_of_an_organisation_no_decider_belongs_to_still_counts(tmp_path: Path) -> None:
    """Only a possible decider's organisation is the developer's: the same evaluator at Helios AI,
    with the RSO at Acme Labs, counts."""
    w = make_world(tmp_path)
    _of(w, {"Priya Natarajan": "Helios AI"})
    _signed_by_priya(w)
    record = _gate(w)
    assert _cg501(record) == []
    assert record.outcome == "GO WITH CONDITIONS"


def test_a_possible_decider_with_no_organisation_on_record_leaves_the_role_unfilled(tmp_path: Path) -> None:
    """Fail closed: with no organisation on record for the RSO, who may decide, whether the
    evaluator is of the decider's organisation cannot be established."""
    w = make_world(tmp_path)
    _of(w, {"Sam Whitfield": None})
    _signed_by_priya(w)
    record = _gate(w)
    assert record.outcome == "NO-GO"
    (msg,) = _cg501(record)
    assert "the keyring records no organisation for Sam Whitfield, who may sign the decision for `api`" in msg


def test_the_independent_audit_is_not_by_the_organisation_of_someone_who_may_decide(tmp_path: Path) -> None:
    """Attack: the keyring records the lab's RSO, who may decide, as of Halden Assurance, the firm
    whose attestation makes the weight-security audit (a kind the policy counts only when
    independent) independent. The gate counted the audit and said GO WITH CONDITIONS."""
    w = make_world(tmp_path)
    _of(w, {"Sam Whitfield": "Halden Assurance"})
    _signed_by_priya(w)
    record = _gate(w)
    assert record.outcome == "NO-GO"
    assert _cg501(record) == []  # the evaluator, of Northbridge Security, still counts
    from casegate.evidence import facts_for, rehash_artifacts
    from casegate.verify import gate_inputs

    loaded = gate_inputs(w.load(), w.ring, LATER.date()).loaded
    _, facts = facts_for(loaded, rehash_artifacts(loaded))
    assert facts is not None
    audit = facts.independence["E-weights-audit"]
    assert not audit.independent
    assert any("the organisation of Sam Whitfield, who may sign the decision for `api`" in r
               for r in audit.reasons), audit.reasons
    blocking = [f for f in record.findings if f.severity == "blocking"]
    assert any("E-weights-audit" in f.message for f in blocking), [f.message for f in blocking]


def test_an_outside_evaluator_who_may_also_decide_does_not_count(tmp_path: Path) -> None:
    """Attack: the keyring gives the outside evaluator a second key, as `rso`, a role that may
    decide: she then acts for the developer, whatever her organisation."""
    w = make_world(tmp_path)
    key = tmp_path / "keys" / "priya-rso.key"
    generate_key(key)
    w.ring = add_key(w.ring, load_signer(str(key)).public_key, person="Priya Natarajan", roles=["rso"],
                     valid_from="2026-01-01", valid_until="2028-12-31", organisation="Northbridge Security")
    save_keyring(w.ring, w.ring_path)
    _signed_by_priya(w)
    record = _gate(w)
    assert record.outcome == "NO-GO"
    (msg,) = _cg501(record)
    assert "Priya Natarajan may sign the decision for `api`" in msg, msg
