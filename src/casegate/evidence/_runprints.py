"""An evaluation run's identity that survives a rewrite of its log's dates.

A log's sha256 changes with any byte, so a lab could rewrite an old log's dates (Inspect's
`eval.created` and sample timestamps, lm-eval's `date` and file names) and cite it as a new run.
The samples do not change: each sample's fingerprint (`importers._common.sample_print`) is taken
over what the run computed (input, target, output, score, token usage) and never over a date, a
time, a random id or a name the log gives (the task's, a sample's id or epoch): renaming the task
and every sample of an old run, and shuffling them, leaves its fingerprints as they were. Two logs
whose samples overlap enough (`same_run`) are one run, however their dates and names read.

A run that records nothing but names and scores (casegate-results rows without `input` or
`output`, an lm-eval task without its samples file, counts without samples) is fingerprinted over
its names (`NAMED`): a copy is matched, a renamed copy is not. `RunPrints.named` says so, and such a
run's date cannot show it is new (CG708).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .importers import importer_for
from .importers._common import told_by_names

SAME_RUN_SHARE = 0.5
"""Share of the samples of the smaller of two runs that must be the same samples for the two to
be one run. Taken of the smaller so neither padding an old run with new samples nor citing part
of it escapes the match."""

PRINT_SCHEME = 2
"""Version of the fingerprints, part of `RunPrints.reader` (`inspect-ai/2`). Version 1 (the bare
importer name) took the task's name and sample ids into each fingerprint; a registry takes such
rows as not fingerprinted yet and fingerprints them again."""

PRINTED_TOOLS = ("inspect-ai", "lm-eval", "generic")
"""Log formats whose samples are fingerprinted. A casegate-results file (`generic`) records each
sample's id, epoch and score, and what it asked, expected and got when it says so: without
outputs, a run of the same task with the same scores repeats its fingerprints, and counts from
the first run's logging as a copy would (rewriting only its `created` gains nothing); without
inputs or outputs, by its names alone."""


class RunPrints(NamedTuple):
    """The sample fingerprints of one log."""

    reader: str
    """The importer that read it and the fingerprints' version ('inspect-ai/2', 'lm-eval/2' or
    'generic/2')."""
    prints: frozenset[str]
    """One fingerprint per sample and epoch (lm-eval: per samples-file line); samples whose
    content is the same have one."""

    @property
    def named(self) -> bool:
        """Whether the run is known (in part) by its names only: a renamed copy of an earlier run
        cannot be told from it, so its own date cannot show it is new."""
        return not self.prints or told_by_names(self.prints)


def run_prints(path: Path) -> RunPrints | None:
    """The sample fingerprints of the log at `path`, or None when it is not a log whose samples
    casegate fingerprints (`PRINTED_TOOLS`). Raises LogReadError, LimitError or
    MissingExtraError as the importer's `read` would."""
    imp = importer_for(path)
    if imp is None or imp.name not in PRINTED_TOOLS:
        return None
    return RunPrints(f"{imp.name}/{PRINT_SCHEME}", imp.sample_prints(path))  # type: ignore[attr-defined]


def same_run(shared: int, mine: int, theirs: int) -> bool:
    """Whether two runs with `mine` and `theirs` samples, `shared` of them the same, are one run:
    at least `SAME_RUN_SHARE` of the smaller run's samples are in the other."""
    return shared > 0 and shared >= SAME_RUN_SHARE * min(mine, theirs)
