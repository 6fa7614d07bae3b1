"""`verify --at` set back within the checkpoint's accepted age: the deployer's move is to give an
`--at` just after the checkpoint the state proof rests on (the proof is accepted for 24 hours), on
the day before something lapsed, and verify the next day. A deploy is judged as of now as well."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate.model import BoundaryKind
from casegate.sign import decode_payload
from casegate.store import open_registry
from casegate.trust import load_trust_root
from casegate.verify import verify_deploy
from tests.verify.test_trust_attacks import MODEL
from tests.verify.trusted import CASE, approved_world, keep_heard, make_trust


def _first_lapse(pred: dict) -> dt.date:
    """The first day on which something the decision holds to has lapsed the day before: evidence
    expiry, a condition's due date, the re-evaluation date."""
    days = [dt.date.fromisoformat(str(e["expires"])[:10]) for e in pred["evidence"]]
    days += [dt.date.fromisoformat(str(c["due"])[:10]) for c in pred["record"].get("conditions", []) if c.get("due")]
    if pred.get("reevaluate_by"):
        days.append(dt.date.fromisoformat(str(pred["reevaluate_by"])))
    return min(days)


def test_an_at_set_back_within_the_checkpoint_age_judges_now_too(tmp_path: Path, database_url: str) -> None:
    """Reason: with a checkpoint signed at 00:30 on the last day before something lapsed, `verify
    --at` 00:31 that day, run at 00:10 the next day (the checkpoint 23 h 40 old, within the 24 hours
    the root accepts), verified: the dates were judged as of --at."""
    with open_registry(database_url) as reg:
        w, bundle, _ = approved_world(tmp_path / "w", reg)
    pred = decode_payload(bundle["decision"])["predicate"]
    last_day = _first_lapse(pred)
    assert last_day > dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1), last_day
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path,
                       max_age=dt.timedelta(hours=24))
    signed = dt.datetime.combine(last_day, dt.time(0, 30), dt.UTC)
    with open_registry(database_url, readonly=True) as reg:  # the approval: the newest entry
        approved = max(dt.datetime.fromisoformat(e.recorded_at.replace("Z", "+00:00")) for e in reg.events())
    keep_heard(database_url, CASE, approved, signed)  # its monitors read every 12 hours up to the checkpoint
    trust.checkpoint(database_url, at=signed)
    root = load_trust_root(trust.dir)
    at = signed + dt.timedelta(minutes=1)
    with open_registry(database_url, readonly=True) as reg:
        same_day = verify_deploy(bundle, w.ring, trust=root, proof=reg.state_proof, model_digest=MODEL,
                                 boundary=BoundaryKind.api, at=at, now=at + dt.timedelta(minutes=1))
        next_day = verify_deploy(bundle, w.ring, trust=root, proof=reg.state_proof, model_digest=MODEL,
                                 boundary=BoundaryKind.api, at=at, now=signed + dt.timedelta(hours=23, minutes=40))
    # on the day itself nothing had lapsed (the public summary, due 30 days after approval, aside)
    assert [r for r in same_day.reasons if "published within" not in r] == [], same_day.reasons
    assert not next_day.ok
    now_reasons = [r for r in next_day.reasons if r.startswith("as of now (")]
    assert now_reasons, next_day.reasons
    assert any(("expired on" in r or "was due on" in r) for r in now_reasons), now_reasons
    assert any("is earlier than now" in n for n in next_day.notes), next_day.notes
