"""`verify --at` before the state the proof shows: the deployer's move is to verify today with an
`--at` of a day when nothing had lapsed yet. The state proof is that of now (its checkpoint is
fresh), so evidence expiry, conditions and re-evaluation falling due and the public summary's due
date are judged as of the checkpoint, however early `--at` is; signatures still count as of `--at`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate.model import BoundaryKind
from casegate.sign import decode_payload
from casegate.store import open_registry
from casegate.trust import load_trust_root
from casegate.verify import verify_deploy
from tests.verify.test_trust_attacks import MODEL
from tests.verify.trusted import approved_world, make_trust


def test_an_early_at_does_not_bring_back_what_has_lapsed(tmp_path: Path, database_url: str) -> None:
    """Reason: on 2027-04-08, with a fresh checkpoint, `verify --at` the day the decision was logged
    verified a decision whose re-evaluation date had passed, whose evidence had expired, whose
    condition C1 was overdue and whose public summary was late."""
    with open_registry(database_url) as reg:
        w, bundle, _ = approved_world(tmp_path / "w", reg)
    pred = decode_payload(bundle["decision"])["predicate"]
    expires = min(dt.date.fromisoformat(str(e["expires"])[:10]) for e in pred["evidence"])
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    now = dt.datetime.combine(expires, dt.time(12), dt.UTC) + dt.timedelta(days=10)
    trust.checkpoint(database_url, at=now)
    root = load_trust_root(trust.dir)
    early = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)  # after every signature was logged
    with open_registry(database_url, readonly=True) as reg:
        v = verify_deploy(bundle, w.ring, trust=root, proof=reg.state_proof, model_digest=MODEL,
                          boundary=BoundaryKind.api, at=early, now=now)
    assert not v.ok
    assert any(r.startswith("the decision expired on") for r in v.reasons), v.reasons
    assert any(r.startswith("evidence ") and " expired on " in r for r in v.reasons), v.reasons
    assert any("expiry and due dates are judged as of" in n for n in v.notes), v.notes
    # a fresh checkpoint on the day itself: the same --at verifies (nothing had lapsed)
    trust.checkpoint(database_url, at=early - dt.timedelta(minutes=1))
    with open_registry(database_url, readonly=True) as reg:
        ok = verify_deploy(bundle, w.ring, trust=root, proof=reg.state_proof, model_digest=MODEL,
                           boundary=BoundaryKind.api, at=early, now=early)
    assert ok.ok, ok.reasons
