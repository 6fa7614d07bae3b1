"""The importer plug-in point: what an importer promises, what it returns, and how it fails.

An importer reads one evaluation tool's log format. `claims(path)` decides cheaply (file name and
first bytes) whether the file is one of its logs; `read(path, options)` returns one `ImportedRun`
per task the log holds, or raises `LogReadError` with a message naming the file and what to do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from ...errors import InputError
from ...model import Elicitation, Result, SourceRecord
from ..stats import Reduction

ScaleName = str
"""'binary' or 'proportion': a scale the user declares for scores the tool does not document."""


class LogReadError(InputError):
    """A log cannot be imported: corrupt archive, unknown log version, inconsistent content."""


class ReadOptions(NamedTuple):
    """Choices that apply to every log of one import."""

    reduction: Reduction = "at-least-one"
    """How a sample's epochs become one success count (see `casegate.evidence.stats`)."""
    scale: ScaleName | None = None
    """Scale to use for numeric scores whose scorer documents none (never guessed)."""


@dataclass(frozen=True)
class ImportedRun:
    """One task's run read from a log: everything an evidence item is built from."""

    artifact: Path
    """The log file (pinned by `sha256`)."""
    sha256: str
    """sha256 of the log's raw bytes, hashed before and checked again after parsing."""
    task: str
    """Task name (evidence ids are derived from it)."""
    date: dt.date
    """When the run was created."""
    title: str
    """Readable title."""
    eval_set: list[str]
    """Tasks or datasets covered."""
    elicitation: Elicitation
    """Attempts, scaffold, tools, budget, solver steps and generation settings."""
    result: Result
    """Counts (binary scales), headline metric with its standard error, per-sample scores."""
    source: SourceRecord
    """The tool's own record of the run."""
    notes: list[str] = field(default_factory=list)
    """Things the user should know (a scale not documented, a partial run, ...)."""
    variant: str | None = None
    """The model variant as the log records it (a `variant` setting, or the variant's name in the
    model's name); None when the log does not record one."""
    variant_field: str | None = None
    """Where in the log the variant was read."""
    fine_tune: dict[str, float] = field(default_factory=dict)
    """The effort of the fine-tuning attack that made the evaluated checkpoint, as the log records
    it (`gpu_hours`, `steps`, `examples`; `_common.fine_tune_in`); empty when it records none."""
    fine_tune_field: str | None = None
    """Where in the log that effort was read."""
    time_limit: int | None = None
    """Wall-clock limit per sample, in seconds, as the run set it."""
    attempts_note: str | None = None
    """Why `elicitation.attempts` is below the epochs the log's header states (`source.epochs`):
    the sample scored in the fewest epochs, or the filter that scores one response of several;
    None when the two agree."""
    attempts_unrecorded: bool = False
    """The log holds no record of epochs its header states (a trimmed or edited log), as opposed
    to epochs attempted but not scored (errored, or responses a filter did not use)."""
    task_args: dict[str, str] = field(default_factory=dict)
    """The arguments the run passed to its task (Inspect's `eval.task_args_passed`, each value as
    JSON): a task's arguments can choose which samples it builds, or a variant of them."""
    asked_at_run: list[str] = field(default_factory=list)
    """What the run's own settings changed in the question each sample is asked, beyond the task's
    solver and arguments (Inspect: a system message in the generate config, a `--solver`), each in
    words; empty when the log records nothing of the kind."""
    same_input: dict[str, str] = field(default_factory=dict)
    """Sample id -> the first sample id asking the same (its input and target as the log records
    them), for every sample that repeats another (`_common.same_content`); empty when none does
    or the log records no inputs."""
    task_package: str | None = None
    """The installed package the task was loaded from, as `name==version` (Inspect's
    `eval.packages`, but inspect_ai itself); None when the log records none (a task file, a task
    of the tool's own, or a tool that records no packages)."""
    sample_marks: dict[str, str] = field(default_factory=dict)
    """Sample id -> a digest of what the sample asks and how its answer is judged, as the log
    records it (`_common.content_marks`: Inspect's input, target and choices, with the sandbox, file
    names, setup script and metadata of a sample that sets any; lm-eval's target, its
    document being in the id already; the generic format's input and target where a row records its
    input). The digest of a run's samples (`_derive.sample_digest`) covers these, so a policy's
    pin on it pins the samples' content, not only their ids. Empty where the log records none."""
    data_unpinned: str | None = None
    """Where the run read its samples from a source that can change under the same name (a Hugging
    Face hub dataset given no revision), in words; None when the log shows none. Such a run counts
    for a task the policy names only under the task's sample digest."""
    greedy: str | None = None
    """The setting that made the run's sampling greedy (`_common.greedy_setting`: a temperature of
    0, ...) where its samples were scored in more than one epoch, in words naming where the log records
    it; else None. A greedy run's epochs repeat one answer: they are one attempt (`elicitation.attempts`
    is 1, and the gate counts each sample once, solved when any epoch solved it)."""
    injections: tuple[int, int, int, int, str] | None = None
    """Where the samples' injected instructions reached the model (`inspect_log._injection_seen`):
    (sample records with a transcript, those whose injection, as their metadata names it
    (`metadata.injection`), is in a tool message's content and in no user or system message, those
    with it in a user or system message, those naming none, the first sample id not shown delivered
    by a tool or ''); None where the log records no sample transcript."""
    reasoning: tuple[int, int, str] | None = None
    """Whether the evaluated model reasoned in the scored samples (`inspect_log._reasoned`): (scored
    sample records, those in which its answer holds reasoning the log shows, the first sample id in
    which it does not or ''); None where the log records no sample transcript."""
    offline: str | None = None
    """Where the run's sandbox was cut off from the network (`inspect_log._offline`: the header's
    `eval.sandbox` holding its compose configuration inline, every service with `network_mode:
    none`), how, in words; None where the log records no such sandbox (a compose file named by its
    path is not read: its network is not in the log)."""
    tools_failed: tuple[int, int, str] | None = None
    """Where scored sample epochs failed with every tool call the model made failing (Inspect's
    `ToolCallError` on each tool event or message): (such epochs, scored epochs, the first failure
    in words); each is attempted but not scored. None where there are none."""
    input_kinds: dict[str, list[list[Any]]] = field(default_factory=dict)
    """Content kind other than text (`image`, `audio`, `video`) -> the scored `[sample id, epoch]`
    whose first prompt to the evaluated model held a part of it, where the log records each
    sample's messages (Inspect); empty elsewhere. A kind given to any sample is among
    `elicitation.tools`; the gate judges a safeguard test's attempts of each kind on their own."""
    max_tokens_at_run: int | None = None
    """The ceiling on one generation the run itself gave (Inspect's `--max-tokens`, recorded as
    `eval.model_generate_config.max_tokens`), not the task's; None where it gave none. The prompt
    digest leaves ceilings out (CG301 judges them), so under a policy setting no least `max_tokens`
    such a run counts for no task the policy names."""
    languages: dict[str, str] = field(default_factory=dict)
    """Sample id -> the language it was asked in (`casegate.evidence._languages.sample_language`:
    its metadata's where its text does not contradict it, `!` and the stated code where it does);
    empty where the log records neither."""
    samples_unseen: str | None = None
    """Why the content the sample marks stand for is not in the log (they were read from hashes the
    log states, with nothing to check them against), or None. Such a run has no sample digest: a
    policy's pin on one is not met."""


@dataclass
class Discovered:
    """Logs found under the given paths, in a stable order."""

    logs: list[tuple[Path, Importer]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    """Files under a folder that no importer reads (companion files excluded)."""


class Importer(Protocol):
    """One evaluation tool's log format."""

    name: str
    """Short name shown to users, e.g. 'inspect-ai'."""

    def claims(self, path: Path) -> bool:
        """Whether `path` is a log of this format (cheap: name and first bytes only)."""
        ...

    def read(self, path: Path, options: ReadOptions) -> list[ImportedRun]:
        """Every task run in the log. Raises LogReadError (or MissingExtraError)."""
        ...
