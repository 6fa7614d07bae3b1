"""What the board's pages pay for the triggers a deployed case owes (`monitor.deploy_triggers_owed`,
held in `web._views.deploy_now`): every page that shows a case's state asks it, the case list once
per deployable case.

A board over a SQLite registry holding atlas-api, approved (signed in its three roles, decided,
judged by the registry, as tests/web/conftest.py's `approve` does). Measured in this process:
`deploy_triggers_owed` reading everything afresh (as every call did before: each loads the
approved stored version again), and with what it reads of the registry kept while the log has
not grown (`monitor.OwedReads`; the incidents and the evaluation are still as of now); and
`deploy_now` as the pages call it, both ways. The list page
of a registry with N deployable cases asks once per case: N times the per-case figure (given for
N = 200; each case's reads are kept on its own, so a page of 200 cases after the first costs 200
warm asks), and what keeping the reads costs in memory.

    python bench/bench_board_triggers.py [REPEAT]

One run (best of 7, a busy two-core machine): the triggers owed read afresh 127.3 ms a call (each
loads the approved version again, and reads the artifacts' first-logged dates: most of it), 0.96 ms
with the reads kept; `deploy_now` 149.4 ms before, 29.2 ms after (the rest is `deploy_state` and
the follow-ups owed, not kept). A list page of 200 deployable cases: about 29.9 s before, 5.8 s
after. Keeping the reads holds each case's approved version: about 573 KiB a case for atlas-api
(112 MiB for 200 cases).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CASES = 200


def _best(f, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    repeat = int(sys.argv[1]) if sys.argv[1:] else 10
    from tests.web.conftest import KEYRING, approve, build_board

    from casegate.monitor import OwedReads, deploy_triggers_owed
    from casegate.sign import load_keyring
    from casegate.store import open_registry
    from casegate.web import _views

    with tempfile.TemporaryDirectory(prefix="casegate-bench-board-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'reg.db'}"
        board = build_board(Path(tmp), url)
        approve(board)
        reg = open_registry(url)
        ring = load_keyring(KEYRING)
        case = board.case_id
        owed = deploy_triggers_owed(reg, case, ring, None)
        print(f"bench_board_triggers: case {case}, deployable, {reg.size()} log entries; owes {len(owed)} trigger(s)")
        cold, cold_med = _best(lambda: deploy_triggers_owed(reg, case, ring, None), repeat)
        kept = OwedReads()
        assert deploy_triggers_owed(reg, case, ring, None, kept=kept) == owed
        warm, warm_med = _best(lambda: deploy_triggers_owed(reg, case, ring, None, kept=kept), repeat)
        print(f"  triggers owed, read afresh (before): best {cold * 1000:8.2f} ms  median {cold_med * 1000:8.2f} ms")
        print(f"  triggers owed, reads kept:           best {warm * 1000:8.2f} ms  median {warm_med * 1000:8.2f} ms")

        class _Never(dict):  # deploy_now as before: nothing kept
            def get(self, *_a):  # type: ignore[no-untyped-def]
                return None

            def __setitem__(self, *_a):  # type: ignore[no-untyped-def]
                pass

        kept_reads = _views._OWED_READS
        _views._OWED_READS = _Never()
        before, before_med = _best(lambda: _views.deploy_now(reg, case, ring), repeat)
        _views._OWED_READS = kept_reads
        _views.deploy_now(reg, case, ring)
        after, after_med = _best(lambda: _views.deploy_now(reg, case, ring), repeat)
        print(f"  deploy_now, before:                  best {before * 1000:8.2f} ms  median {before_med * 1000:8.2f} ms")
        print(f"  deploy_now, reads kept:              best {after * 1000:8.2f} ms  median {after_med * 1000:8.2f} ms")
        print(f"  a page of {CASES} deployable cases: about {CASES * before:6.2f} s before, {CASES * after:6.2f} s with the "
              f"reads kept (after each case's first page)")
        tracemalloc.start()
        first = tracemalloc.take_snapshot()
        more = OwedReads()
        deploy_triggers_owed(reg, case, ring, None, kept=more)
        grown = sum(d.size_diff for d in tracemalloc.take_snapshot().compare_to(first, "filename"))
        tracemalloc.stop()
        print(f"  memory kept per deployable case:     about {grown / 1024:8.0f} KiB (atlas-api; {CASES} cases: "
              f"{CASES * grown / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
