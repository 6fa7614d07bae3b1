"""An evaluation run's identity that survives a rewrite of its log's dates.

A log's sha256 changes with any byte, so a lab could rewrite an old log's dates (Inspect's
`eval.created` and sample timestamps, lm-eval's `date` and file names) and cite it as a new run.
The samples do not change: each sample's fingerprint (`importers._common.sample_print`) is taken
over what the run computed (task, sample id, epoch, input, target, output, score, token usage; a
casegate-results file's id, epoch, score and whichever of input, target and output it records)
and never over a date, a time or a random id. Two logs whose samples overlap enough (`same_run`)
are one run, however their dates read.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .importers import importer_for

SAME_RUN_SHARE = 0.5
"""Share of the samples of the smaller of two runs that must be the same samples for the two to
be one run. Taken of the smaller so neither padding an old run with new samples nor citing part
of it escapes the match."""

PRINTED_TOOLS = ("inspect-ai", "lm-eval", "generic")
"""Log formats whose samples are fingerprinted. A casegate-results file (`generic`) records each
sample's id, epoch and score, and what it asked, expected and got when it says so: without
outputs, a run of the same task with the same scores repeats its fingerprints, and counts from
the first run's logging as a copy would (rewriting only its `created` gains nothing)."""


class RunPrints(NamedTuple):
    """The sample fingerprints of one log."""

    reader: str
    """The importer that read it ('inspect-ai', 'lm-eval' or 'generic')."""
    prints: frozenset[str]
    """One fingerprint per sample and epoch (lm-eval: per samples-file line)."""


def run_prints(path: Path) -> RunPrints | None:
    """The sample fingerprints of the log at `path`, or None when it is not a log whose samples
    casegate fingerprints (`PRINTED_TOOLS`). Raises LogReadError, LimitError or
    MissingExtraError as the importer's `read` would."""
    imp = importer_for(path)
    if imp is None or imp.name not in PRINTED_TOOLS:
        return None
    return RunPrints(imp.name, imp.sample_prints(path))  # type: ignore[attr-defined]


def same_run(shared: int, mine: int, theirs: int) -> bool:
    """Whether two runs with `mine` and `theirs` samples, `shared` of them the same, are one run:
    at least `SAME_RUN_SHARE` of the smaller run's samples are in the other."""
    return shared > 0 and shared >= SAME_RUN_SHARE * min(mine, theirs)
