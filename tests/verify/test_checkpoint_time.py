"""The time a state proof's checkpoint claims: one signed "in the future" (a log key holder
dating a checkpoint ahead so that it stays fresh for longer than the root allows) is refused past
five minutes of clock skew; one within the skew is taken."""

from __future__ import annotations

import datetime as dt

from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401 - the fixture

__all__ = ["setup"]


def test_a_checkpoint_dated_ahead_is_refused(setup: Setup) -> None:  # noqa: F811
    ahead = dt.datetime.now(dt.UTC) + dt.timedelta(hours=20)
    setup.trust.checkpoint(setup.db, at=ahead)
    v = setup.verify()
    assert not v.ok
    assert any("the checkpoint claims to be signed in the future" in r for r in v.reasons), v.reasons


def test_a_checkpoint_within_the_clock_skew_is_taken(setup: Setup) -> None:  # noqa: F811
    setup.trust.checkpoint(setup.db, at=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=2))
    v = setup.verify(now=dt.datetime.now(dt.UTC))
    assert not any("signed in the future" in r for r in v.reasons), v.reasons
    assert v.ok, v.reasons
