"""Runs casegate on a story's clock, so `make demo` (and the README's first hour, and the test
suite) tells the same story whenever it is run.

The demo is set on fixed dates (its evidence was gathered then, its condition falls due and its
decision lapses on dates after them). casegate reads the real clock wherever it records or checks
a time: when the log records an entry, when a checkpoint is signed, when `verify` judges a
decision. Run on the real clock, the demo's decision would lapse with time and its deploy checks
would start to refuse. This runs `casegate` with every clock the process reads (datetime, date,
time) moved to the story's time, and running forward from it:

    CASEGATE_STORY_CLOCK=2026-12-01T09:00:00Z@1764580000 python scripts/story_clock.py ARGS...

reads as "the story's clock showed 2026-12-01 09:00 UTC when the real clock showed the Unix time
1764580000". Every process started from the same setting reads one clock that runs forward, so
the log's times keep their order. `start()` moves the clock of the process that calls it (the
test suite's processes call it from tests/clock/sitecustomize.py). For the examples' stories
only; casegate itself has no such setting.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time


def start(setting: str | None = None) -> None:
    """Move this process's clock to the story's (CASEGATE_STORY_CLOCK, or `setting`)."""
    import time_machine

    story, real = (setting or os.environ["CASEGATE_STORY_CLOCK"]).rsplit("@", 1)
    now = dt.datetime.fromisoformat(story.replace("Z", "+00:00")) + dt.timedelta(seconds=time.time() - float(real))
    time_machine.travel(now, tick=True).start()


if __name__ == "__main__":
    start()
    from casegate.cli import main  # (imported on the moved clock)

    sys.argv[0] = "casegate"
    sys.exit(main())
