"""Time from the log, not from the signer (SQLite and PostgreSQL): a signature's time is when the
log the trust root pins recorded it. `verify --at` never accepts a signature logged after it; a
key retired in rotation keeps the signatures logged before its retirement, whatever `--at`; a
compromised key keeps only those logged before the compromise date (none when no date is
known); a signature dated at or after its key's revocation never counts; a signature the log
does not hold has no time and does not count. Verify records nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from casegate.approve import approve, judged_found
from casegate.model import BoundaryKind
from casegate.monitor import IllegalTransitionError, decide, submit_for_review
from casegate.sign import parse_instant, revoke_key, save_keyring, sign_authors, sign_case
from casegate.store import judged_outcome, open_registry
from casegate.trust import load_trust_root
from casegate.verify import BundleVerificationError, check_bundle, decide_case, verify_deploy
from tests._weights import submit_hashed
from tests.sign.helpers import MODEL, World, make_world
from tests.verify.trusted import keep_heard, log_clock, make_trust, publish_summary

CASE = "atlas-2-api"
SIGNED = {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}
SIGNED_AT = parse_instant("2026-11-25")
LOGGED = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


def t(s: str) -> dt.datetime:
    return parse_instant(s)


class Story:
    """A decision signed on 2026-11-25 and recorded in the log at `logged`, under a trust root
    that pins the keyring as it is once `revoke` was applied to Dana's key."""

    def __init__(self, tmp: Path, db: str, *, logged: dt.datetime = LOGGED, revoke: dict[str, Any] | None = None,
                 dana_signs_at: dt.datetime = SIGNED_AT, published: dt.datetime | None = LOGGED):
        w: World = make_world(tmp / "w")
        # the decision is made with the keyring the root pins: the one that records the
        # revocation, when it does not yet apply as the decision is signed (a key compromised
        # before then refuses the decision: it is made with the keyring as it was, and does not
        # verify under the pinned one for that reason too)
        self.ring = w.ring
        if revoke is not None:
            self.ring = revoke_key(w.ring, w.signers["dana"].public_key.keyid, **revoke)
            save_keyring(self.ring, w.ring_path)
        for name, role in SIGNED.items():
            sign_case(w.load(), role, w.signers[name], w.ring, at=dana_signs_at if name == "dana" else SIGNED_AT)
        made_with = self.ring
        try:
            record, self.bundle = decide_case(w.load(), w.signers["sam"], "rso", self.ring, at=SIGNED_AT)
        except BundleVerificationError:
            made_with = w.ring
            record, self.bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=SIGNED_AT)
        with open_registry(db) as reg, log_clock(logged):
            stored = submit_hashed(reg, w.load())
            submit_for_review(reg, CASE, by="Sam Whitfield")
            # the registry judges the decision again as of its own clock; where it refuses (a key
            # retired or compromised before it logged the decision), the approval is logged as a
            # registry that judged differently would have, so verify's own defence is what is tested
            self.refused: str | None = None
            try:
                approve(reg, record, self.bundle, made_with, unpinned=True)
            except IllegalTransitionError as e:
                self.refused = e.message
                decide(reg, record, bundle=self.bundle, judge=lambda _n: {
                    "keyring": made_with.fingerprint(), "at": logged.isoformat(), "outcome": record.outcome,
                    "found": judged_found(record)})
        if published is not None:  # its public summary, as `casegate publish` logs it
            with open_registry(db) as reg, log_clock(published):
                publish_summary(reg, record, stored.number)
        self.trust = make_trust(tmp / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
        self.trust.checkpoint(db)
        self.db, self.w, self.record = db, w, record
        self.heard = max(logged, published or logged)

    def hear(self, until: dt.datetime) -> None:
        """The case's monitors read every 12 hours up to `until`, each reading logged at its time,
        and a checkpoint signed after the last: the state proof shows them heard."""
        if until - self.heard > dt.timedelta(hours=12):
            self.heard = keep_heard(self.db, CASE, self.heard, until)
            self.trust.checkpoint(self.db, at=self.heard + dt.timedelta(seconds=1))

    def verify(self, at: dt.datetime, *, now: dt.datetime | None = None) -> Any:
        """The deploy verified at `at`, the deploy's clock at `now` (default: `at`, the story's
        time, the monitors heard up to then; the real clock for an `at` before the story's last entry)."""
        if now is None and at > self.heard:
            self.hear(at)
            now = at
        with open_registry(self.db, readonly=True) as reg:
            before = reg.size()
            v = verify_deploy(self.bundle, self.ring, trust=load_trust_root(self.trust.dir), proof=reg.state_proof,
                              model_digest=MODEL, boundary=BoundaryKind.api, at=at, now=now)
            assert reg.size() == before
        return v


def dana(v: Any) -> list[str]:
    return [r for r in v.reasons if "Dana Ortiz" in r]


def test_the_story_verifies_after_it_was_logged(tmp_path: Path, database_url: str) -> None:
    v = Story(tmp_path, database_url).verify(t("2026-12-01"))
    assert v.ok, v.reasons
    assert any("signature times are the log's" in n for n in v.notes)


def test_a_deploy_judged_as_of_a_day_before_the_proof_that_shows_its_state_is_refused(
        tmp_path: Path, database_url: str) -> None:
    """Move: months after the approval the deploy step still passes `--at` the day the case was
    approved, with a state proof signed that day (fresh), so the decision's dates (its
    re-evaluation date, the evidence's expiry, the conditions' due dates) are judged as of a day on
    which none had passed. The proof shows the state as of its checkpoint: no earlier time is
    judged (it used to verify)."""
    s = Story(tmp_path, database_url)
    later = t("2027-06-01T12:00:00Z")
    s.trust.checkpoint(s.db, at=later)
    control = s.verify(later, now=later)
    assert not control.ok and any("expired" in r for r in control.reasons), control.reasons
    v = s.verify(t("2026-12-01"), now=later)
    assert not v.ok
    assert any(r.startswith("--at 2026-12-01T00:00:00") and "before the checkpoint that proves the case's state "
               "(signed 2027-06-01T12:00:00+00:00)" in r for r in v.reasons), v.reasons
    # a few minutes of clock difference between the log and the deploy's machine are not a move
    assert s.verify(later - dt.timedelta(minutes=4), now=later).reasons == control.reasons


def test_a_signature_logged_after_at_never_counts(tmp_path: Path, database_url: str) -> None:
    """Signed (by its signers' word) on 2026-11-25, logged on 2026-11-30: as of 2026-11-29 it did
    not exist, whatever date the signers wrote."""
    v = Story(tmp_path, database_url).verify(t("2026-11-29"))
    assert not v.ok
    assert any(r.startswith("decision: was logged at 2026-11-30T12:00:00Z (log entry")
               and "a signature logged after --at never counts" in r for r in v.reasons), v.reasons
    assert any(r.startswith("sign-off by Dana Ortiz") and "after 2026-11-29" in r for r in v.reasons)


def test_a_retired_key_keeps_what_was_logged_before_its_retirement(tmp_path: Path, database_url: str) -> None:
    s = Story(tmp_path, database_url, revoke={"at": "2026-12-01", "reason": "rotated", "kind": "retired"})
    for at in ("2026-12-01", "2026-12-15", "2027-02-01"):  # any --at after it was logged
        v = s.verify(t(at))
        assert v.ok, (at, v.reasons)


def test_a_retired_key_refuses_what_was_logged_after_its_retirement(tmp_path: Path, database_url: str) -> None:
    s = Story(tmp_path, database_url, logged=t("2026-12-02"),
              revoke={"at": "2026-12-01", "reason": "rotated", "kind": "retired"})
    assert s.refused is not None and "Dana Ortiz's key" in s.refused and "was revoked on 2026-12-01" in s.refused
    v = s.verify(t("2026-12-05"))
    assert not v.ok
    assert any("after Dana Ortiz's key" in r and "was retired on 2026-12-01 (rotated)" in r for r in dana(v)), v.reasons


def test_a_compromised_key_keeps_only_what_the_log_shows_before_the_compromise(tmp_path: Path,
                                                                                database_url: str) -> None:
    before = Story(tmp_path / "a", database_url, revoke={"at": "2026-12-01", "reason": "laptop stolen"})
    assert before.verify(t("2026-12-10")).ok


@pytest.mark.parametrize("at", ["2026-12-10", "2026-12-03"])
def test_a_compromised_keys_backdated_signature_is_refused(tmp_path: Path, database_url: str, at: str) -> None:
    """The thief signs on 2026-12-02 with the stolen key and writes 2026-11-25 as the date; the
    log recorded it on 2026-12-02, after the compromise date: refused, for any --at."""
    s = Story(tmp_path, database_url, logged=t("2026-12-02"),
              revoke={"at": "2026-12-01", "reason": "laptop stolen", "kind": "compromised"})
    assert s.refused is not None and "Dana Ortiz's key" in s.refused  # the registry did not approve it
    v = s.verify(t(at))
    assert not v.ok
    assert any("not before Dana Ortiz's key" in r and "was revoked as compromised from 2026-12-01" in r
               for r in dana(v)), v.reasons


def test_a_compromise_with_no_known_date_refuses_every_signature(tmp_path: Path, database_url: str) -> None:
    """Revoked as compromised from the key's first day (what `keys revoke` writes with no --at):
    even a signature logged long before is refused."""
    s = Story(tmp_path, database_url, revoke={"at": "2026-01-01", "reason": "key leaked, date unknown"})
    v = s.verify(t("2026-12-10"))
    assert not v.ok and dana(v), v.reasons


def test_a_signature_dated_after_the_revocation_is_refused_even_before_it(tmp_path: Path,
                                                                          database_url: str) -> None:
    """Dana's key is retired on 2026-11-28; a sign-off she dates 2026-11-29 is refused, even when
    verified as of a time before the retirement (and without log times too)."""
    s = Story(tmp_path, database_url, logged=t("2026-11-27"), dana_signs_at=t("2026-11-29"),
              revoke={"at": "2026-11-28", "reason": "rotated", "kind": "retired"})
    v = s.verify(t("2026-11-27T18:00:00Z"))
    assert any("is dated 2026-11-29T00:00:00Z, at or after Dana Ortiz's key" in r for r in dana(v)), v.reasons
    assert not v.ok
    offline = check_bundle(s.bundle, s.ring, model_digest=MODEL, boundary=BoundaryKind.api,
                           at=t("2026-11-27T18:00:00Z"))
    assert any("at or after Dana Ortiz's key" in r for r in offline.reasons), offline.reasons


def test_a_signature_the_log_does_not_hold_has_no_time(tmp_path: Path, database_url: str) -> None:
    """A second decision made later and never recorded: its signatures have no log time."""
    s = Story(tmp_path, database_url)
    sign_authors(s.w.load(), "safety-lead", s.w.signers["mira"], s.ring, at=SIGNED_AT)
    _, fresh = decide_case(s.w.load(), s.w.signers["sam"], "rso", s.ring, at=SIGNED_AT)
    s.bundle = fresh
    v = s.verify(t("2026-12-01"))
    assert not v.ok
    assert any(r.startswith("decision: is not in the log the trust root pins") for r in v.reasons), v.reasons


def test_a_summary_never_published_stops_the_deploy_verifying_once_it_is_overdue(tmp_path: Path,
                                                                                 database_url: str) -> None:
    """The case's plan promised a public summary (CG601 blocks one that does not) and the lab
    never ran `casegate publish` against the registry. Within the policy's 30 days the deploy
    verifies with a note of the due date; after them it is not verified, until the summary is
    logged (published late, on 2027-01-10, it verifies from then on)."""
    quiet = Story(tmp_path, database_url, published=None)
    v = quiet.verify(t("2026-12-15"))
    assert v.ok, v.reasons
    assert any("has logged no public summary of it yet: it is due by 2026-12-30" in n for n in v.notes), v.notes
    v = quiet.verify(t("2027-01-05"))
    assert not v.ok
    assert any("the registry approved version 1 of case atlas-2-api on 2026-11-30 and has logged no public summary"
               in r and "within 30 days (by 2026-12-30)" in r for r in v.reasons), v.reasons
    quiet.hear(t("2027-01-10"))
    with open_registry(quiet.db) as reg, log_clock(t("2027-01-10")):
        own = judged_outcome(reg, CASE, 1)
        assert own is not None and own[0] == quiet.record.outcome  # the summary says what the registry judged
        publish_summary(reg, quiet.record, 1)
    quiet.trust.checkpoint(quiet.db)
    v = quiet.verify(t("2027-01-12"))
    assert v.ok, v.reasons
    assert not any("public summary" in n for n in v.notes)
