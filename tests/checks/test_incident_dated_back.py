"""The lab reports its own incident dated back, before the evidence and attestations it already
holds, so that they answer it (CG708) and a new GO costs nothing new. An answer now dates from the
incident's date or, when the registry logged it later, from when it was logged: nothing made
before the registry knew of the incident was made because of it."""

from __future__ import annotations

from typing import Any

from tests.checks._cases import base_doc
from tests.checks.test_history import _cg708_with, _facts

LOGGED = "2026-11-30T13:00:00Z"
"""When the registry logged the incident the lab dated 2026-10-20."""


def _answered_by_ctf(date: str) -> dict[str, Any]:
    doc = base_doc()
    doc["evidence"]["E-ctf"]["date"] = date
    doc["incident_answers"] = {"incident-7": {"evidence": ["E-ctf"]}}
    return doc


def test_an_attestation_made_before_the_incident_was_logged_does_not_answer_it() -> None:
    later = _answered_by_ctf("2026-11-01")
    (h,) = _cg708_with(later, _facts(attested={"E-ctf": "2026-11-02T09:00:00Z"}), logged_at=LOGGED, log_index=9)
    assert "its attestation was signed before the incident (2026-10-20, logged 2026-11-30)" in h.message


def test_a_run_dated_before_the_incident_was_logged_does_not_answer_it() -> None:
    later = _answered_by_ctf("2026-11-01")
    (h,) = _cg708_with(later, _facts(derived=("E-ctf",)), logged_at=LOGGED, log_index=9)
    assert "evidence E-ctf is dated 2026-11-01 by its artifact, before the incident (2026-10-20, logged 2026-11-30)" \
        in h.message, h.message


def test_what_came_after_the_registry_logged_it_answers_it() -> None:
    """Control: a run dated after the day it was logged, or attested after it was logged, answers."""
    later = _answered_by_ctf("2026-12-01")
    assert _cg708_with(later, _facts(derived=("E-ctf",)), logged_at=LOGGED, log_index=9) == []
    assert _cg708_with(_answered_by_ctf("2026-11-30"), _facts(derived=("E-ctf",)), logged_at=LOGGED, log_index=9) == []
    assert _cg708_with(later, _facts(attested={"E-ctf": "2026-11-30T14:00:00Z"}), logged_at=LOGGED, log_index=9) == []
    (h,) = _cg708_with(later, _facts(attested={"E-ctf": "2026-11-30T12:00:00Z"}), logged_at=LOGGED, log_index=9)
    assert "its attestation was signed before the incident (2026-10-20, logged 2026-11-30)" in h.message


def test_an_incident_logged_on_its_day_is_answered_as_before() -> None:
    later = _answered_by_ctf("2026-11-01")
    assert _cg708_with(later, _facts(attested={"E-ctf": "2026-11-02T09:00:00Z"}),
                       logged_at="2026-10-20T18:00:00Z", log_index=9) == []
