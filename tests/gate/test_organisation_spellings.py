"""The lab writes its keyring, so it writes each identity's organisation: an employee given the
`independent: true` role `external-evaluator` (CG501) under a spelling of the lab's name that
compared unequal to the policy's `acme-labs` (a Cyrillic letter, full-width letters, a legal form,
a subsidiary's or division's name, its first word) counted as an outside evaluator, and the gate
went from NO-GO to GO WITH CONDITIONS. Each spelling now counts as the developer's."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.gate.test_independent_roles import _cg501, _evaluator, _gate
from tests.sign.helpers import make_world

SPELLINGS = {
    "cyrillic-a": "\u0410cme Labs",           # Cyrillic capital A
    "cyrillic-letters": "\u0410cm\u0435 L\u0430b\u0455",
    "full-width": "\uff21\uff43\uff4d\uff45 Labs",
    "legal-form": "Acme Labs, Inc.",
    "dotted-legal-form": "ACME LABS L.L.C.",
    "accent": "Acm\u00e9 Labs",
    "combining-accent": "A\u0307cme Labs",
    "soft-hyphen": "Acme Labs\u00ad",
    "subsidiary": "Acme Labs UK Ltd",
    "division": "Acme Labs Research",
    "first-word": "Acme, Inc.",
}


@pytest.mark.parametrize("organisation", list(SPELLINGS.values()), ids=list(SPELLINGS))
def test_the_lab_s_name_spelled_otherwise_is_still_the_lab(tmp_path: Path, organisation: str) -> None:
    w = make_world(tmp_path)
    _evaluator(tmp_path, w, "Omar Reyes", organisation)
    record = _gate(w)
    assert record.outcome == "NO-GO"
    (msg,) = _cg501(record)
    assert "needs 1 distinct sign-off(s) from role `external-evaluator`" in msg
    assert f"Omar Reyes is from {organisation}" in msg


@pytest.mark.parametrize("organisation", ["Acme Security", "Acmewatch Institute", "Labs of Acme"])
def test_another_organisation_whose_name_only_shares_words_counts(tmp_path: Path, organisation: str) -> None:
    """The loose comparison does not take in names that only share a word or a first part of a word
    with the lab's: those evaluators stand outside."""
    w = make_world(tmp_path)
    _evaluator(tmp_path, w, "Omar Reyes", organisation)
    record = _gate(w)
    assert _cg501(record) == []
    assert record.outcome == "GO WITH CONDITIONS"
