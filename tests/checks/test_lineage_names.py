"""A lineage entry with no digest names the model of the case it links by name (CG106). The name was
matched as a substring, case aside: a link to an approved case about `A 1.0`, about `Fix 1.0`, or
about no named model at all, was about "Fixture internal" (it holds `a`, `fix`, and the empty name),
so CG106 said nothing about a link to another model's case. Names are now compared by their words,
as model names are elsewhere (`casegate.model._names`): the linked model's name must be the entry's
name or its first words, or the case's own system name."""

from __future__ import annotations

import pytest

from casegate.model import LinkedCase

from ._cases import hits
from .test_lineage_scale import _ctx, _linked, _rnd_at_alert_linked

OTHER = "sha256:" + "3" * 64


def _cg106(entry: str, linked_system: str) -> list[str]:
    doc = _rnd_at_alert_linked()
    doc["system"]["lineage"][0]["name"] = entry
    linked: LinkedCase = _linked(system=linked_system, digests=[OTHER])
    return [h.message for h in hits("CG106", _ctx(doc, [linked]))]


@pytest.mark.parametrize(("entry", "linked"), [
    ("Fixture internal", "A 1.0"),          # a letter of the name
    ("Fixture internal", "Fix 1.0"),        # the start of a word
    ("Fixture internal", "ternal 2.0"),     # the inside of a word
    ("Fixture internal", ""),               # a case that names no model
])
def test_a_link_to_a_case_about_another_model_is_a_finding(entry: str, linked: str) -> None:
    (msg,) = _cg106(entry, linked)
    assert "named in the lineage is about" in msg and f"not {entry}" in msg


@pytest.mark.parametrize(("entry", "linked"), [
    ("Fixture internal", "Fixture 1.0"),
    ("FIXTURE-internal build", "Fixture 1.0"),
    ("F\u0456xture internal", "Fixture 1.0"),   # a Cyrillic i in the entry
    ("Fixture internal", "Fixture internal 3"),
    ("Something else", "Fixture 2.0"),            # the case's own system name (the fixture's is Fixture)
])
def test_the_model_s_name_in_another_spelling_is_the_model(entry: str, linked: str) -> None:
    assert _cg106(entry, linked) == []
