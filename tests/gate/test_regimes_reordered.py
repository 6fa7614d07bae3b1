"""A condition is a debt with a date, and a new version does not reschedule it (see
tests/verify/test_condition_carried.py). A regime's document gaps (CG1001) are conditions found where
the case names the regime, by its place in `regimes`: atlas-api without `system.release` has five
such conditions under `builtin:ca-sb53`, due on 2026-12-20 under the decision the case stands on. The
lab's next version lists the same regimes in another order, and the five conditions started again
from the new version's date (due 2027-02-18). A regime moved in the list is now the same regime."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from casegate.gate import Compared, Comparison, run_gate
from casegate.load import load_case
from casegate.model import Baseline
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = ATLAS / "keys" / "keyring.yaml"
TODAY = dt.date(2026, 11, 27)
REGIMES = "regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]"


def test_regimes_listed_in_another_order_keep_their_conditions_due_dates(tmp_path: Path) -> None:
    atlas = tmp_path / "atlas-api"
    shutil.copytree(ATLAS, atlas)
    case = atlas / "case.yaml"
    text = case.read_text()
    start, end = text.index("  release:\n"), text.index("\nboundary:")
    case.write_text(text[:start] + text[end:])  # the SB 53 transparency report cannot be filled
    ring = load_keyring(KEYRING)
    at = parse_instant(TODAY.isoformat(), end_of_day=True)
    prev = with_attestations(load_case(case), ring, at)
    assert prev.case is not None
    first = run_gate(prev, today=TODAY, try_narrower=False)
    gaps = [c for c in first.conditions if c.cause == "CG1001"]
    assert len(gaps) == 5 and {tuple(c.path) for c in gaps} == {("regimes", 1)}
    standing = [c.model_copy(update={"due": "2026-12-20"}) for c in first.conditions]

    text = case.read_text()
    assert REGIMES in text
    case.write_text(text.replace(REGIMES, "regimes: [builtin:ca-sb53, builtin:eu-gpai-cop-2025]"))
    loaded = with_attestations(load_case(case), ring, at)
    comparison = Comparison(versions=[Compared(Baseline(role="approved", label="version 1 (#1)"), prev.case, None)],
                            standing=standing)
    again = run_gate(loaded, today=TODAY, comparison=comparison, try_narrower=False)
    assert again.outcome == "GO WITH CONDITIONS"
    moved = [c for c in again.conditions if c.cause == "CG1001"]
    assert len(moved) == 5 and {tuple(c.path) for c in moved} == {("regimes", 0)}
    assert {c.due for c in moved} == {"2026-12-20"}
