"""A bad run of the same weights is not buried under drafts filed around it (SQLite and PostgreSQL).

The lab's move: a version citing a November CTF run that went badly, never decided, with eleven
trivial drafts filed before it and eleven after (September's run alone, the title changed), then
the version decided on, the November run left out and a later, better re-run cited. The drafts are
of another case about the same weights (atlas-2-draft) or of the decided case's own history
(atlas-2-partner). The versions since an approval were cut past `EARLIER_MAX` (20) to the oldest ten
and the newest ten, so the bad version, the twelfth, was compared with nothing: CG350 said nothing
of the November run and the registry did not require it. A version between the
halves that holds an artifact neither half holds is now compared with too: the run is CG350 "of the
same weights", and the registry requires a decision to have been compared with that version.
Versions between the halves that hold nothing new are still cut; past the `buried-versions` limit
no decision is made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.limits import LimitError
from casegate.load import load_case
from casegate.monitor._compare import EARLIER_MAX, comparison_for, required_history
from casegate.store import Registry
from tests._weights import submit_hashed
from tests.monitor.test_dropped_run_redated import _cg350, _cite
from tests.monitor.test_first_logged import UTC, _copy
from tests.verify.trusted import log_clock

CASE_ID = "id: atlas-2-api\n"
TITLE = "title: Atlas-2 general API release with code execution\n"
DRAFT = "atlas-2-draft"
PARTNER = "atlas-2-partner"
AROUND = EARLIER_MAX // 2 + 1
"""Trivial drafts filed before the bad version, and again after it."""


def _bury(reg: Registry, tmp_path: Path, case_id: str) -> int:
    """`AROUND` trivial versions of `case_id`, the version citing November's bad run, `AROUND` more.
    Returns the bad version's number."""
    plain = _cite(_copy(tmp_path, f"plain-{case_id}", case={CASE_ID: f"id: {case_id}\n"}),
                  ("E-ctf-sept", "ctf-sept", "2026-09-15", 0))
    bad = _cite(_copy(tmp_path, f"bad-{case_id}", case={CASE_ID: f"id: {case_id}\n"}),
                ("E-ctf-sept", "ctf-sept", "2026-09-15", 0), ("E-ctf-nov", "ctf-nov", "2026-11-10", 5))
    text = plain.read_text()

    def trivial(k: int) -> None:
        plain.write_text(text.replace(TITLE, f"title: Atlas-2 general API, draft {k}\n", 1))
        submit_hashed(reg, load_case(plain))

    with log_clock(dt.datetime(2026, 11, 11, 9, 0, tzinfo=UTC)):
        for k in range(AROUND):
            trivial(k)
        number = int(submit_hashed(reg, load_case(bad)).number)
        for k in range(AROUND, 2 * AROUND):
            trivial(k)
    return number


def _partner(reg: Registry, tmp_path: Path) -> tuple[Path, int]:
    """atlas-2-partner 1.0: the November run left out, a later and better re-run cited."""
    case = _cite(_copy(tmp_path, "partner", case={CASE_ID: f"id: {PARTNER}\n"}),
                 ("E-ctf-sept", "ctf-sept", "2026-09-15", 0), ("E-ctf-rerun", "ctf-rerun", "2026-11-25", 7))
    with log_clock(dt.datetime(2026, 11, 26, 9, 0, tzinfo=UTC)):
        v = submit_hashed(reg, load_case(case))
    return case, int(v.number)


@pytest.mark.parametrize("where", [DRAFT, PARTNER])
def test_a_bad_run_is_not_buried_under_drafts(reg: Registry, tmp_path: Path, where: str) -> None:
    bad = _bury(reg, tmp_path, where)
    case, number = _partner(reg, tmp_path)
    (msg,) = _cg350(reg, case)
    assert "no longer include `E-ctf-nov` (2026-11-10" in msg, msg
    versions, _ = required_history(reg, PARTNER, number)
    assert (where, bad) in {(c, n) for c, n, _, _ in versions}, versions
    # the trivial drafts between the halves hold nothing the kept ones do not: still cut
    assert len([n for c, n, _, _ in versions if c == where]) <= EARLIER_MAX + 2, versions


def test_past_the_limit_no_decision_is_made(reg: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two versions past the cut hold a run of their own (a draft case's and the partner case's own):
    the limit counts both, over the model's cases."""
    _bury(reg, tmp_path, DRAFT)
    _bury(reg, tmp_path, PARTNER)
    case, number = _partner(reg, tmp_path)
    monkeypatch.setenv("CASEGATE_LIMIT_BURIED_VERSIONS", "1")
    for attempt in (lambda: comparison_for(reg, load_case(case)), lambda: required_history(reg, PARTNER, number)):
        with pytest.raises(LimitError) as e:
            attempt()
        assert "over the buried-versions" in str(e.value), str(e.value)
        assert "CASEGATE_LIMIT_BURIED_VERSIONS" in (e.value.help or ""), e.value.help
    monkeypatch.setenv("CASEGATE_LIMIT_BURIED_VERSIONS", "2")
    versions, _ = required_history(reg, PARTNER, number)
    assert len(versions) > 2 * EARLIER_MAX, versions


def test_the_registry_as_it_stood_keeps_the_same_versions(reg: Registry, tmp_path: Path) -> None:
    """The registry as it stood at a time lists no stored files: what a version holds is read from
    its log entry, and the same versions are kept."""
    from casegate.monitor._compare import _Buried, _cut
    from casegate.store._asof import registry_as_of

    bad = _bury(reg, tmp_path, DRAFT)
    _partner(reg, tmp_path)  # logged after the time asked about
    view = registry_as_of(reg, dt.datetime(2026, 11, 12, tzinfo=UTC))
    assert view is not reg and not any(v.files for v in view.case_versions(DRAFT))
    live = [v.number for v in _cut(reg, reg.case_versions(DRAFT), _Buried(DRAFT))]
    then = [v.number for v in _cut(view, view.case_versions(DRAFT), _Buried(DRAFT))]
    assert bad in live and live == then, (live, then)
