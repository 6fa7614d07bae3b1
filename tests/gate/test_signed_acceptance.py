"""CG417: a residual risk is accepted only by the signature of someone who may accept it, in the
acceptor's role. The lab types `accepted_by: ciso` (a role its keyring gives Hana Sato, who is
neither the owner nor the product role) and Hana never signs the case: the acceptance is the
author's word, and the gate used to take it (GO WITH CONDITIONS)."""

from __future__ import annotations

from pathlib import Path

from tests.sign.helpers import PEOPLE, World, make_world

from casegate.model import DecisionRecord
from casegate.sign import parse_instant, sign_case

AT = parse_instant("2026-11-25")
LATER = parse_instant("2026-12-01")
RSO_LINE = "    - {role: rso, person: Sam Whitfield, date: 2026-11-22, relies_on: [E-cyber-ctf, E-bio-uplift]}\n"
ACCEPTORS = {"cyber-ransomware": "ciso", "bio-known-agent": "ciso", "weight-theft": "head-of-safeguards"}
"""Each residual risk of the example given to a role that holds no sign-off line, never its owner's
(head-of-safeguards owns the first two, the ciso the third)."""


def _world(tmp: Path) -> World:
    people = {**PEOPLE, "hana": ("Hana Sato", ["ciso"], "2026-01-01", "2028-12-31"),
              "ravi": ("Ravi Menon", ["head-of-safeguards"], "2026-01-01", "2028-12-31")}
    return make_world(tmp, people)


def _accepted_by_unsigned_roles(w: World) -> None:
    text = w.case.read_text()
    head, sep, rest = text.partition("residual_risk:\n")
    assert sep and rest.count("    accepted_by: rso\n") == 3
    for pid, role in ACCEPTORS.items():
        at = rest.index(f"  {pid}:\n")
        i = rest.index("    accepted_by: rso\n", at)
        rest = rest[:i] + f"    accepted_by: {role}\n" + rest[i + len("    accepted_by: rso\n"):]
    w.case.write_text(head + sep + rest)


def _add_lines(w: World, *lines: str) -> None:
    text = w.case.read_text()
    assert text.count(RSO_LINE) == 1
    w.case.write_text(text.replace(RSO_LINE, RSO_LINE + "".join(lines)))


def _sign_required(w: World) -> None:
    for name, role in {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)


def _gate(w: World) -> DecisionRecord:
    from casegate.gate import run_gate
    from casegate.verify import gate_inputs

    inputs = gate_inputs(w.load(), w.ring, LATER.date())
    return run_gate(inputs.loaded, today=LATER.date(), waivers=inputs.waivers,
                    waiver_problems=inputs.waiver_problems)


def _blocking(record: DecisionRecord) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in record.findings:
        if f.severity == "blocking":
            out.setdefault(f.code, []).append(f.message)
    return out


def test_the_honest_case_accepted_by_the_rso_who_signs_is_go(tmp_path: Path) -> None:
    w = _world(tmp_path)
    _sign_required(w)
    record = _gate(w)
    assert _blocking(record) == {} and record.outcome == "GO WITH CONDITIONS"


def test_an_acceptance_typed_for_roles_that_never_signed_is_refused(tmp_path: Path) -> None:
    """The lab's move: every residual risk 'accepted' by the CISO or the head of safeguards, both
    held in the keyring, neither of whom signs; the required roles sign as before."""
    w = _world(tmp_path)
    _accepted_by_unsigned_roles(w)
    _sign_required(w)
    record = _gate(w)
    assert record.outcome == "NO-GO"
    got = _blocking(record)
    assert set(got) == {"CG417"}, got
    assert sorted(got["CG417"]) == sorted(
        f"the residual risk on `{pid}` is said to be accepted by `{role}`, but nobody who may accept it "
        f"({'Hana Sato' if role == 'ciso' else 'Ravi Menon'}) signed the case as `{role}`: an acceptance the "
        "case types for someone is the author's word, not theirs" for pid, role in ACCEPTORS.items())


def test_a_declared_line_of_the_acceptor_is_not_her_signature(tmp_path: Path) -> None:
    """The lab adds the acceptors' sign-off lines but nobody signs them: the gate counts signed lines."""
    w = _world(tmp_path)
    _accepted_by_unsigned_roles(w)
    _add_lines(w, "    - {role: ciso, person: Hana Sato, date: 2026-11-23}\n",
               "    - {role: head-of-safeguards, person: Ravi Menon, date: 2026-11-23}\n")
    _sign_required(w)
    got = _blocking(_gate(w))
    assert len(got.get("CG417", [])) == 3 and "CG510" in got, got


def test_the_acceptors_signing_in_their_roles_is_the_acceptance(tmp_path: Path) -> None:
    w = _world(tmp_path)
    _accepted_by_unsigned_roles(w)
    _add_lines(w, "    - {role: ciso, person: Hana Sato, date: 2026-11-23}\n",
               "    - {role: head-of-safeguards, person: Ravi Menon, date: 2026-11-23}\n")
    _sign_required(w)
    sign_case(w.load(), "ciso", w.signers["hana"], w.ring, at=AT)
    sign_case(w.load(), "head-of-safeguards", w.signers["ravi"], w.ring, at=AT)
    record = _gate(w)
    assert _blocking(record) == {} and record.outcome == "GO WITH CONDITIONS"


def test_someone_else_signing_in_the_acceptor_s_role_is_not_the_acceptance(tmp_path: Path) -> None:
    """Only a holder who may accept counts: the owner's holder signing as the acceptor does not
    (Ravi Menon, head of safeguards, owns the first two risks and also holds the ciso role here)."""
    people = {**PEOPLE, "hana": ("Hana Sato", ["ciso"], "2026-01-01", "2028-12-31"),
              "ravi": ("Ravi Menon", ["head-of-safeguards", "ciso"], "2026-01-01", "2028-12-31")}
    w = make_world(tmp_path, people)
    _accepted_by_unsigned_roles(w)
    _add_lines(w, "    - {role: ciso, person: Ravi Menon, date: 2026-11-23}\n",
               "    - {role: head-of-safeguards, person: Ravi Menon, date: 2026-11-23}\n")
    _sign_required(w)
    sign_case(w.load(), "ciso", w.signers["ravi"], w.ring, at=AT)
    sign_case(w.load(), "head-of-safeguards", w.signers["ravi"], w.ring, at=AT)
    got = _blocking(_gate(w))
    # the two risks Ravi owns: Hana alone may accept them, and she did not sign; the third is
    # the ciso's own, which Ravi (holding head-of-safeguards, and ciso, the owner's role) cannot accept
    assert len(got.get("CG417", [])) == 3, got
    assert sum("nobody who may accept it (Hana Sato) signed the case as `ciso`" in m for m in got["CG417"]) == 2
