"""The registry as its log stood at a past time: what `state show --at` reads.

The registry's `cases` table is a cache of today's state. A question about a past time is
answered from the log alone: every entry recorded up to that time (a prefix of the log), with
each case's state replayed from its state changes, as a state proof replays them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ._proof import replay
from ._records import CaseVersionRecord, LogEntry


def _time(recorded_at: str) -> dt.datetime:
    return dt.datetime.fromisoformat(recorded_at.replace("Z", "+00:00"))


class LogAsOf:
    """The part of a registry's log recorded at or before `at` (the longest prefix of the log
    whose entries are no later), answering what `deploy_state` and the follow-up checks ask of a
    registry: each case's state and restriction, its versions, and its entries."""

    def __init__(self, reg: Any, at: dt.datetime):
        self.at = at
        kept: list[LogEntry] = []
        for e in reg.events():
            if _time(e.recorded_at) > at:
                break
            kept.append(e)
        self._entries = kept
        self._by_index = {e.index: e for e in kept}

    def size(self) -> int:
        return len(self._entries)

    def events(self, case_id: str | None = None, kind: str | None = None) -> list[LogEntry]:
        return [e for e in self._entries if (case_id is None or e.case_id == case_id)
                and (kind is None or e.kind == kind)]

    def entry(self, index: int) -> LogEntry:
        e = self._by_index.get(index)
        if e is None:
            from ..errors import InputError

            raise InputError(f"the log held no entry {index} at {self.at.isoformat()}")
        return e

    def case_ids(self) -> list[str]:
        return sorted({e.case_id for e in self._entries if e.kind == "case-version" and e.case_id is not None})

    def case_state(self, case_id: str) -> str | None:
        return replay(self.events(case_id=case_id)).state

    def case_restriction(self, case_id: str) -> str | None:
        r = replay(self.events(case_id=case_id))
        return r.restricted_to if r.state == "restricted" else None

    def case_versions(self, case_id: str) -> list[CaseVersionRecord]:
        """The versions logged by then, with what their log entries say (no files)."""
        out = []
        for e in self.events(case_id=case_id, kind="case-version"):
            p = e.payload
            out.append(CaseVersionRecord(case_id=case_id, number=int(p.get("version") or 0), digest=str(p.get("digest")),
                                         title=str(p.get("title")), declared_version=str(p.get("declared_version")),
                                         main_path=str(p.get("main")), policy_ref=str(p.get("policy")),
                                         submitted_at=e.recorded_at, log_index=e.index))
        return sorted(out, key=lambda v: v.number)


def registry_as_of(reg: Any, at: dt.datetime | None) -> Any:
    """`reg` itself when nothing was logged after `at` (or no `at`), else the registry as its
    log stood at `at` (`LogAsOf`): today's state never answers for an earlier time."""
    if at is None:
        return reg
    view = LogAsOf(reg, at)
    return reg if view.size() == reg.size() else view
