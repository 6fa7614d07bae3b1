"""Two writers moving one case at the same moment (SQLite and a real PostgreSQL): the legality
of each move is decided under the registry's write lock, so the log never records a transition
the lifecycle forbids, and the refused writer records nothing."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from casegate.model import BoundaryKind
from casegate.monitor import CaseState, IllegalTransitionError, act
from casegate.monitor._states import TRANSITIONS
from casegate.store import open_registry
from tests.monitor.test_registry_flow import CASE, _approved


class Gated:
    """The real registry for one writer, whose first look at the state waits until the other
    writer has looked too: both start from the approved state, as two commands started at once would."""

    def __init__(self, url: str, barrier: threading.Barrier):
        self.reg = open_registry(url)
        self.barrier = barrier

    def __getattr__(self, name: str) -> Any:
        return getattr(self.reg, name)

    def case_state(self, case_id: str) -> str | None:
        state = self.reg.case_state(case_id)
        self.barrier.wait(timeout=30)
        return state


def _replay_is_legal(reg: Any) -> list[tuple[str, str]]:
    moves = []
    prev = "draft"
    for e in reg.events(CASE, "state-change"):
        f, t = e.payload["from"], e.payload["to"]
        assert f == prev, f"entry {e.index} moves from {f}, but the case was {prev}"
        assert (CaseState(f), CaseState(t)) in TRANSITIONS, f"illegal {f} -> {t} recorded at entry {e.index}"
        moves.append((f, t))
        prev = t
    assert reg.case_state(CASE) == prev
    return moves


def test_withdraw_and_restrict_at_once_never_record_a_forbidden_move(database_url: str, tmp_path: Path) -> None:
    reg, _ = _approved(database_url, tmp_path)
    before = reg.size()
    barrier = threading.Barrier(2)
    results: dict[str, Any] = {}

    def run(name: str, to: CaseState, restricted_to: BoundaryKind | None) -> None:
        w = Gated(database_url, barrier)
        try:
            results[name] = act(w, CASE, to, role="rso", reason=f"{name} at once",  # type: ignore[arg-type]
                                restricted_to=restricted_to)
        except Exception as e:  # noqa: BLE001 - the outcome is what the test inspects
            results[name] = e
        finally:
            w.reg.close()

    threads = [threading.Thread(target=run, args=("withdraw", CaseState.withdrawn, None)),
               threading.Thread(target=run, args=("restrict", CaseState.restricted, BoundaryKind.trusted_access))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    moves = _replay_is_legal(reg)
    # whichever came second was judged against what the first one wrote
    assert ("withdrawn", "restricted") not in moves
    assert not isinstance(results["withdraw"], Exception), results["withdraw"]
    assert reg.case_state(CASE) == "withdrawn"
    if isinstance(results["restrict"], Exception):
        assert isinstance(results["restrict"], IllegalTransitionError), results["restrict"]
        assert "withdrawn cannot become restricted" in results["restrict"].message
        assert reg.size() == before + 1  # the refused writer recorded nothing
    else:
        assert [t for _, t in moves[-2:]] == ["restricted", "withdrawn"]
        assert reg.size() == before + 2
    reg.close()


def test_a_lost_commit_reply_is_reported_as_unknown_not_failed(database_url: str, tmp_path: Path,
                                                              monkeypatch: Any) -> None:
    import sqlalchemy as sa

    from casegate.errors import WriteOutcomeUnknown

    reg, _ = _approved(database_url, tmp_path)
    before = reg.size()
    real = sa.engine.RootTransaction.commit

    def commit_then_lose_the_reply(self: Any) -> None:
        real(self)
        if not self.connection.get_execution_options().get("casegate_write"):
            return
        raise sa.exc.OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(sa.engine.RootTransaction, "commit", commit_then_lose_the_reply)
    try:
        act(reg, CASE, CaseState.withdrawn, role="rso", reason="bio incident")
        raise AssertionError("the lost reply went unnoticed")
    except WriteOutcomeUnknown as e:
        assert "may or may not be recorded" in e.message and "failed" not in e.message
    monkeypatch.undo()
    assert reg.size() == before + 1 and reg.case_state(CASE) == "withdrawn"  # it was in fact recorded
    reg.close()
