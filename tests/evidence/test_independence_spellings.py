"""The lab writes its keyring, and with it each evaluator's organisation: its own red-teamer
recorded as of "Acme Labs UK Ltd" (its subsidiary), "Аcme Labs" (a Cyrillic `А`), "ACME LABS, Inc."
or full-width "Ａｃｍｅ Labs", attesting a red team whose producer is written the same way, made the
lab's own test independent evidence: the names compared unequal to the policy's `acme-labs`. Each
is now the developer's own organisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.load import load_case
from casegate.sign import attest_evidence, parse_instant

from .atlas_copy import edit as _edit
from .test_independence import SIGNED, _facts, _findings, _gate, _new_person, _ring


@pytest.mark.parametrize("org", ["Acme Labs UK Ltd", "\u0410cme Labs", "ACME LABS, Inc.", "\uff21\uff43\uff4d\uff45 Labs"],
                         ids=["subsidiary", "cyrillic", "legal-form", "full-width"])
def test_the_developers_own_red_teamer_under_another_spelling_is_not_independence(
        atlas: Path, org: str) -> None:
    ring, omar = _new_person(atlas, _ring(atlas), "Omar Haddad", org)
    (atlas / SIGNED).unlink()
    _edit(atlas / "evidence.yaml", "    producer: northbridge-security\n    independent: true\n",
          f"    producer: \"{org}\"\n    independent: true\n")
    attest_evidence(load_case(atlas / "case.yaml"), "E-redteam-classifier", omar, ring, "evaluator",  # type: ignore[arg-type]
                    activity="ran", says="Ran the classifier red team.", at=parse_instant("2026-11-01"))
    ind = _facts(atlas, ring).independence["E-redteam-classifier"]
    assert not ind.independent
    assert ind.reasons == (f"Omar Haddad attested it, but is from {org}, the developer's own organisation",)
    assert _findings(_gate(atlas, ring), "CG348")
