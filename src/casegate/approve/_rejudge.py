"""The registry's judgements run again from the bytes it recorded (`casegate log verify --rejudge
KEYRING`): a `judgement` is logged by whoever holds the registry's database credentials, and is not
signed, so a program holding them could log an approving judgement no gate run made. Each judgement
that approves (GO, GO WITH CONDITIONS) is judged again on the stored version, as of the time it
records, with the keyring whose fingerprint it records, against the registry as its log stood then;
an outcome other than the one logged is a problem, and so is a judgement that cannot be run again."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from typing import Any

from ..errors import CasegateError
from ..monitor import comparison_for, load_stored
from ..sign import Keyring, parse_instant, with_logged_revocations
from ..store import judgements, registry_as_of
from ..verify import judge_case

APPROVING = ("GO", "GO WITH CONDITIONS")


def rejudge(reg: Any, keyrings: Sequence[Keyring], case_id: str | None = None) -> tuple[int, list[str]]:
    """Run again every approving judgement the registry logged (of `case_id`, or of every case):
    how many were run, and why each that does not hold does not."""
    by_fp = {k.fingerprint(): k for k in keyrings}
    problems: list[str] = []
    run = 0
    cases = [case_id] if case_id is not None else sorted({e.case_id for e in reg.events(kind="decision")
                                                          if e.case_id} | {e.case_id for e in reg.events(kind="judgement")
                                                                            if e.case_id})
    for cid in cases:
        numbers = sorted({e.payload.get("version") for kind in ("decision", "judgement")
                          for e in reg.events(case_id=cid, kind=kind) if type(e.payload.get("version")) is int})
        for number in numbers:
            for j, index in judgements(reg, cid, number):
                if j.get("outcome") not in APPROVING:
                    continue
                run += 1
                why = _rejudged(reg, cid, number, j, by_fp)
                if why is not None:
                    problems.append(f"the registry's judgement of version {number} of {cid} (log entry {index}) "
                                    f"says {j.get('outcome')}, but {why}")
    return run, problems


class _AsOf:
    """The registry as its log stood at `at` for what the log answers (entries, states, versions:
    `registry_as_of`), and the live registry for the bytes it keeps (stored files, caches), which
    do not change."""

    def __init__(self, reg: Any, at: Any):
        self._reg = reg
        self._view = registry_as_of(reg, at)

    def __getattr__(self, name: str) -> Any:
        if name in ("size", "events", "entry", "case_ids", "case_state", "case_restriction", "case_versions"):
            return getattr(self._view, name)
        return getattr(self._reg, name)


def _rejudged(reg: Any, case_id: str, number: int, j: dict[str, Any], by_fp: dict[str, Keyring]) -> str | None:
    ring = by_fp.get(str(j.get("keyring")))
    if ring is None:
        return (f"it records keyring {str(j.get('keyring'))[:80]}, which no --rejudge keyring is, so it cannot be "
                "run again: pass that keyring")
    try:
        at = parse_instant(str(j.get("at")))
    except (CasegateError, ValueError):
        return f"it records no time it was judged at ({str(j.get('at'))[:40]!r}), so it cannot be run again"
    view: Any = _AsOf(reg, at)  # answers what the gate asks of a registry
    try:
        with tempfile.TemporaryDirectory(prefix="casegate-rejudge-") as tmp:
            loaded = load_stored(reg, case_id, number, tmp)
            if loaded.case is None or loaded.policy is None:
                return "the stored version does not load as a case, so no gate run could have approved it"
            judging, _ = with_logged_revocations(ring, view.events(kind="keyring-change"))
            again = judge_case(loaded, judging, today=at.date(), at=at,
                               comparison=comparison_for(view, loaded, keyring=judging))
    except CasegateError as e:
        return f"the gate cannot be run again on the stored version ({e.message})"
    if again.record.outcome != j.get("outcome"):
        return (f"the gate run again on the stored version, as of {at.isoformat()} with the keyring it records, "
                f"gives {again.record.outcome}: no gate run of the recorded version made it")
    return None
