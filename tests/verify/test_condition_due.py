"""A GO WITH CONDITIONS is a debt with a date: its conditions fall due the policy's
`conditions.due_days` after the decision (the re-evaluation date only when that is sooner), and
past that date a deploy on it verifies only once the log shows each condition met. Before, a
condition fell due on the case's own re-evaluation date, capped by its evidence's expiry, so a
decision with conditions deployed exactly as long as one without."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from casegate.model import DecisionRecord
from casegate.monitor import condition_met
from casegate.sign import load_keyring, load_signer
from casegate.store import open_registry
from casegate.verify import deploy_state
from tests.verify.trusted import demo_deployable

from ..web.conftest import KEYRING, approve, build_board
from .trusted import log_clock, publish_summary

CASE = "atlas-2-api"
REEVALUATE_BY = dt.date(2027, 4, 1)  # examples/atlas-api: post_deployment.reevaluate_by


def _record(bundle: Path) -> DecisionRecord:
    from casegate.sign import decode_payload

    env = json.loads(bundle.read_text())["decision"]
    return DecisionRecord.model_validate(decode_payload(env)["predicate"]["record"])


def _state(url: str, day: dt.date):  # type: ignore[no-untyped-def]
    reg = open_registry(url)
    try:
        return deploy_state(reg, CASE, load_keyring(KEYRING),
                            at=dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC))
    finally:
        reg.close()


def test_an_open_condition_past_due_stops_the_deploy_until_it_is_met(tmp_path: Path, database_url: str) -> None:
    b = build_board(tmp_path, database_url)
    bundle = approve(b)
    rec = _record(bundle)
    assert rec.outcome == "GO WITH CONDITIONS" and rec.conditions
    dues = sorted({dt.date.fromisoformat(c.due[:10]) for c in rec.conditions if c.due})
    # due the policy's default 90 days after the case version's date (2026-11-20) at the latest,
    # well before the case's re-evaluation date
    assert dues and dues[-1] <= dt.date(2026, 11, 20) + dt.timedelta(days=90) < REEVALUATE_BY, dues
    last = dues[-1]
    # its public summary, as `casegate publish` logs it (so only the conditions matter)
    reg = open_registry(database_url)
    with log_clock():
        version = reg.case_version(CASE, None, contents=False).number
        publish_summary(reg, rec, version)
    reg.close()
    before = _state(database_url, last)
    assert demo_deployable(before), before.reasons
    after = _state(database_url, last + dt.timedelta(days=1))
    assert not after.deployable
    assert any("nothing shows it met" in r and "the registry logs no confirmation" in r for r in after.reasons), after.reasons
    assert any("overdue" in c for c in after.causes), after.causes
    # the external evaluator (not the rso who decided) confirms each condition met, on time
    reg = open_registry(database_url)
    with log_clock(dt.datetime.combine(dues[0], dt.time(9), tzinfo=dt.UTC)):
        for c in rec.conditions:
            condition_met(reg, CASE, c.id, evidence=["E-cyber-ctf"], by="external-evaluator",
                          signer=load_signer(str(b.case_dir / "keys" / "priya-natarajan.key")),
                          keyring=load_keyring(KEYRING))
    reg.close()
    met = _state(database_url, last + dt.timedelta(days=1))
    assert demo_deployable(met), met.reasons
    assert any("confirmed met by Priya Natarajan" in n for n in met.notes), met.notes
