"""A bad run of the same weights held in a draft of another case is compared with, whatever decoy
was filed before (SQLite and PostgreSQL).

The lab's move: case atlas-2-draft, about Atlas-2's weights, is submitted (its weights hashed by
the registry) citing September's CTF run and a November run that went badly, and is never
decided. The lab files the same weights as atlas-2-partner, the November run left out and a later,
better re-run cited. A case id with no history is compared with the case about the same model
submitted last, so the lab first submits a decoy: a draft case atlas-2-mirror of the same weights
citing September's run alone, or a draft version of atlas-2-partner itself. Before, the version
decided was compared with the decoy alone (and with the approved and NO-GO'd versions of other
cases of the model, of which there were none): CG350 said nothing of the November run. Now the
versions of every other case about the same model submitted since its last approval (every one,
none being approved) are compared with too: the run is CG350 "of the same weights", naming the
draft; the registry requires a decision to have been compared with it. A draft of another model
is not compared with.

Already caught (see tests/monitor/test_same_weights_taken_back.py for the list): with no decoy,
the draft case submitted last is the one compared with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.evidence import model_digest
from casegate.load import load_case
from casegate.monitor._compare import required_history
from casegate.store import Registry
from tests._weights import submit_hashed
from tests.monitor.test_dropped_run_redated import _cg350, _cite
from tests.monitor.test_dropped_run_same_weights import DIGEST, _folder
from tests.monitor.test_first_logged import UTC, _copy
from tests.verify.trusted import log_clock

CASE_ID = "id: atlas-2-api\n"
DRAFT = "atlas-2-draft"
PARTNER = "atlas-2-partner"
NAMED = f"compared with case {DRAFT} version 1.0 (#1), about the same model"


def _draft(reg: Registry, tmp_path: Path, *, other_model: bool = False) -> None:
    """Case atlas-2-draft (November), September's run and November's bad one, never decided;
    `other_model`: about other weights, under another name."""
    edits = {CASE_ID: f"id: {DRAFT}\n"}
    folder = None
    if other_model:
        folder = _folder(tmp_path, "other", resaved=False)
        edits.update({DIGEST: model_digest(folder).digest, "  name: Atlas-2\n": "  name: Borealis-1\n"})
    case = _cite(_copy(tmp_path, "draft", case=edits),
                 ("E-ctf-sept", "ctf-sept", "2026-09-15", 0), ("E-ctf-nov", "ctf-nov", "2026-11-10", 5))
    with log_clock(dt.datetime(2026, 11, 11, 9, 0, tzinfo=UTC)):
        submit_hashed(reg, load_case(case), model=folder)


def _decoy(reg: Registry, tmp_path: Path, decoy: str) -> None:
    """A draft citing September's run alone: a case atlas-2-mirror of the same weights, or a
    version 0.9 of atlas-2-partner itself."""
    edits = ({CASE_ID: "id: atlas-2-mirror\n"} if decoy == "case"
             else {CASE_ID: f"id: {PARTNER}\n", 'version: "1.0"': 'version: "0.9"'})
    with log_clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=UTC)):
        submit_hashed(reg, load_case(_cite(_copy(tmp_path, "decoy", case=edits),
                                           ("E-ctf-sept", "ctf-sept", "2026-09-15", 0))))


def _partner(reg: Registry, tmp_path: Path) -> tuple[Path, int]:
    """atlas-2-partner 1.0: the November run left out, a later and better re-run cited."""
    case = _cite(_copy(tmp_path, "partner", case={CASE_ID: f"id: {PARTNER}\n"}),
                 ("E-ctf-sept", "ctf-sept", "2026-09-15", 0), ("E-ctf-rerun", "ctf-rerun", "2026-11-25", 7))
    with log_clock(dt.datetime(2026, 11, 26, 9, 0, tzinfo=UTC)):
        v = submit_hashed(reg, load_case(case))
    return case, int(v.number)


@pytest.mark.parametrize("decoy", ["case", "version"])
def test_a_bad_run_in_a_draft_of_another_case_is_not_left_behind(reg: Registry, tmp_path: Path, decoy: str) -> None:
    _draft(reg, tmp_path)
    _decoy(reg, tmp_path, decoy)
    case, number = _partner(reg, tmp_path)
    (msg,) = _cg350(reg, case)
    assert "no longer include `E-ctf-nov` (2026-11-10" in msg and "of the same weights" in msg, msg
    assert NAMED in msg, msg
    versions, _ = required_history(reg, PARTNER, number)
    assert (DRAFT, 1) in {(c, n) for c, n, _, _ in versions}, versions


def test_a_draft_of_another_model_is_not_compared_with(reg: Registry, tmp_path: Path) -> None:
    _draft(reg, tmp_path, other_model=True)
    _decoy(reg, tmp_path, "case")
    case, number = _partner(reg, tmp_path)
    assert _cg350(reg, case) == []
    versions, _ = required_history(reg, PARTNER, number)
    assert DRAFT not in {c for c, _, _, _ in versions}, versions
