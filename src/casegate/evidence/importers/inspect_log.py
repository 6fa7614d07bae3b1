"""Inspect AI logs (`.eval` archives and `.json` documents), read with inspect-ai's own reader.

The header (`read_eval_log(path, header_only=True)`) and the sample summaries
(`read_eval_log_sample_summaries`) are read with inspect-ai; of the full sample transcripts only the
model events are read (which models were called), each sample on its own under the size limits. inspect-ai is an
optional extra (`pip install 'casegate[inspect]'`), imported only when a log is read.

Mapping into the evidence item (documented in docs/evidence.md):

- attempts = the fewest distinct epochs in which any scored sample was scored (a sample scored in
  one epoch was attempted once), never more than `eval.config.epochs`; per-sample scores keep
  their epoch. Epochs that errored were attempted but not scored; epochs with no record at all
  mean the log was trimmed (the gate reports both, CG339).
  A run whose sampling is greedy (a temperature of 0, `top_k` 1, in the task's `plan.config`, the
  run's `eval.model_generate_config` or a solver step's arguments) makes one attempt however many
  epochs it scored: each epoch repeats the first answer (`greedy`).
- a sample epoch scored as a failure in which every tool call the model made failed (a
  `ToolCallError` on each tool event, else each tool message) is attempted but not scored
  (`tools_failed`): the tools failed, not the model. A sample some of whose calls worked is scored.
- tools = every tool named in the plan's solver steps (`use_tools`, agents' `tools`), but a tool
  every call of which over the whole run failed (a `ToolCallError`, not an approval policy's
  rejection) was listed to the model and never worked for it: it is not counted as given; then
  `image`, `audio` and `video` where a scored sample's first prompt to the evaluated model (its
  first model event's input, else its messages before the first answer) held a part of that
  content kind (`input_kinds`: which sample epochs), never from a plan tool of that name; and
  `multi-turn` where the evaluated model answered two or more of a scored sample's user turns in
  calls of its own (its model events: turns written into one prompt are one turn), `memory` where a
  message it was first given names earlier conversations in its `metadata.memory` (content a memory
  feature carried in), likewise never from a plan tool of that name.
- scaffold = `agent` when a step is an agent (a solver named `react`, `basic_agent`, `human_agent`,
  `bridge`, or any name containing "agent"); else `tool-use` when tools were given; else
  `prompted` when a step shapes the prompt (`system_message`, `prompt_template`,
  `chain_of_thought`, `multiple_choice`, `self_critique`, `user_message`); else `none`.
  `expert-agent` is never derived: it is a judgement only the author can make.
- budget_tokens = the run's per-sample `token_limit`; failing that, `max_tokens` when the
  solver makes a single generation (no tools, no agent); otherwise unset.
- generate_config = the task's `plan.config` overlaid with the run's `eval.model_generate_config`.
- the log's own aggregate (`results.scores[*].metrics` of the counted scorer: `accuracy` and
  `mean`, and `scored_samples`) must be what its per-sample scores give under the scorer's epoch
  reducer, recomputed with inspect-ai's own reducers and metrics: counts are
  read from the samples, so samples rewritten without the aggregate (or the aggregate without the
  samples) are refused as not of one run. A log without samples (written with `--no-log-samples`)
  has nothing to compare, and no counts.
- budget_tokens and time_limit are the lowest ceilings any sample ran under (its summary's
  `token_limit` and `time_limit`, which a mid-run `inspect ctl config` retunes), else the run's;
  a solver step called with a lower one (`basic_agent(token_limit=...)`) lowers them too. Tokens
  metered by a formula (`token_limit_type` other than `all` or `output`) give no budget.
- max_tokens, message_limit, turn_limit and working_limit are the lowest the run's header, any
  sample's summary, the task's and model's generate config (`max_tokens`) or any solver step's
  arguments state; unset when none does.
- cost_limit = the lowest spend per sample the run's header (`eval.config.cost_limit`) or any solver
  step's arguments state; unset when none does. Samples it stopped (`limit: cost`) are noted.
- source.model_roles = every role of `eval.model_roles` (a grader, an attacker) and the models it
  held, each named as `source.model` is; under `(no role)`, any other model the samples' usage
  records or their transcripts' model events call (a scorer given a model by name, or calling one
  by a name in its code), fallbacks a provider served left out; and `(model calls not recorded)`
  when a scored sample's transcript records no model call.
- a sample run again after an error (its summary's `retries`, under `retry_on_error`) is attempted but
  not scored: the attempts that errored are not in the log, and an errored attempt counts as solved.
- a sample some of whose requests a provider served with another model than the one asked for
  (`model_fallbacks`) is attempted but not scored: its score is not the evaluated model's.
- a sample stopped by an operator (its summary's `limit` is `operator`: interrupted and scored by a
  person, or ended by an approver or reviewer), or whose transcript holds a message an operator
  wrote into it (`source: operator`), or whose transcript records a person's hand otherwise (an
  `input` event, an `interrupt` by `user_cancel`, a `sample_limit` event of type `operator`), is
  attempted but not scored.
- a sample stopped by a limit that is no ceiling (`custom`, `context`, a type casegate does not
  know), a sample any of whose model calls was read from the response cache (`cache: read`), and a
  sample whose counted score was edited after the run (its `history`, a `score_edit` event) are
  attempted but not scored; a ceiling that fired (the full record's `limit`, `sample_limit` events)
  lowers the run's ceiling of its kind.
- a summary whose counted score is not its full record's is refused (two runs' records).
- source.prompt_digest = a digest of what the run asked each sample and how it judged it
  (`prompt_digest`: task arguments, solver chain without its ceilings, generate settings but for
  retries, timeouts, caching and `max_tokens`, scorers).
  asked_at_run = a system message in the generate config, a solver given for the run, or a
  generate setting the run gave that changes how the model answers (`eval.model_generate_config`:
  `--reasoning-effort`, `--temperature`, ...; not how requests are placed, such as
  `--max-connections`): under a policy naming the task without that digest, such a run does not
  count (CG345).
  max_tokens_at_run = the run's own `--max-tokens`: under a policy naming the task and setting no
  least `max_tokens`, such a run does not count (CG345); with one, CG301 judges it.
  data_unpinned = a hub dataset (`hf_dataset`) or a data file read from a web address
  (`json_dataset("https://...")`): under a policy naming the task without its sample digest, such
  a run does not count (CG345).
- source.model = `eval.model`, with the model arguments that choose its weights (`model_path`, an
  adapter, a `revision`) and `model_base_url` after it in lm-eval's `name (key=value,...)` form.
- scale: scorers returning Inspect's CORRECT/INCORRECT ("C"/"I", "N" = no answer counts as
  incorrect) or booleans are binary; "P" (partial) puts the scores on Inspect's documented
  proportion scale (C=1, P=0.5, I=N=0); `f1` is a proportion; any other numeric scorer has no
  documented scale and is refused unless the user declares one.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ...errors import MissingExtraError
from ...limits import LimitError, current_limits
from ...model import Elicitation, Scaffold, SourceRecord
from ...model._policy import GIVEN_KINDS, INPUT_KINDS
from .._languages import sample_language, stated_language, text_of
from ._claims import INSPECT_JSON_VERSION as _JSON_VERSION
from ._claims import inspect_claims
from ._common import (
    answers_arg,
    check_unchanged,
    content_marks,
    counts_result,
    fewer_epochs_note,
    fine_tune_in,
    greedy_model_args,
    greedy_note,
    greedy_setting,
    head,
    hf_path_pinned,
    iso_date,
    pinned_sha256,
    same_content,
    sample_attempts,
    sample_print,
    scalars,
    settings_digest,
    variant_in,
)
from .interface import ImportedRun, LogReadError, ReadOptions

KNOWN_VERSIONS = (1, 2)
"""Inspect log format versions this importer reads."""

_AGENT_SOLVERS = {"react", "basic_agent", "human_agent", "bridge", "agent_bridge"}
_PROMPT_SOLVERS = {"system_message", "prompt_template", "chain_of_thought", "multiple_choice",
                   "self_critique", "user_message", "assistant_message"}
_PROPORTION_SCORERS = {"f1"}
_CI = {"C": 1.0, "I": 0.0, "N": 0.0}
_CIP = {"C": 1.0, "P": 0.5, "I": 0.0, "N": 0.0}


class InspectImporter:
    """Inspect AI `.eval` and `.json` logs."""

    name = "inspect-ai"

    def claims(self, path: Path) -> bool:
        return inspect_claims(path)

    def read(self, path: Path, options: ReadOptions) -> list[ImportedRun]:
        sha, header, summaries = self._load(path)
        if header.version not in KNOWN_VERSIONS:
            raise LogReadError(f"unknown Inspect log version {header.version}; casegate reads versions "
                               f"{', '.join(map(str, KNOWN_VERSIONS))}", location=str(path))
        calls = _model_calls(path, _spec(header.eval.sandbox), header.eval.model)
        check_unchanged(path, sha)
        return [self._run(path, sha, header, summaries, options, calls)]

    @classmethod
    def _load(cls, path: Path) -> tuple[str, Any, list[Any]]:
        """The log's pinned sha256, its header and its sample summaries, read under the size
        limits, the bytes checked unchanged while inspect read them."""
        sha = pinned_sha256(path)
        try:
            from inspect_ai.log import read_eval_log, read_eval_log_sample_summaries
        except ImportError:
            raise MissingExtraError("inspect-ai", "inspect") from None
        cls._precheck(path)
        try:
            header = read_eval_log(str(path), header_only=True)
            summaries = read_eval_log_sample_summaries(str(path))
        except Exception as e:  # inspect raises ValueError, KeyError, zip and JSON errors
            raise LogReadError(f"inspect-ai cannot read this log: {e}", location=str(path),
                               help="the file is corrupt or truncated: copy it again from where the run wrote it") from None
        check_unchanged(path, sha)
        return sha, header, list(summaries)

    def sample_prints(self, path: Path) -> frozenset[str]:
        """The content fingerprint of every sample and epoch the log holds (`sample_print`): its
        input, target and choices, each score's value, answer and explanation, the error that
        stopped it, and its token usage; never the task's name, the sample's id or epoch, its uuid,
        its timestamps or the log's dates, so a run renamed and re-dated keeps its fingerprints.
        Read from the sample summaries, under the same limits as `read`."""
        _, _header, summaries = self._load(path)
        return frozenset(sample_print({
            "input": _messages(s.input), "target": s.target, "choices": s.choices, "error": s.error,
            # a score is filed under its scorer's name, which the task sets, not the log
            "scores": {k: [_jsonable(v.value), v.answer, v.explanation] for k, v in (s.scores or {}).items()},
            # which model a usage is filed under is a name the log gives; the counts are the run's
            "usage": sorted(_jsonable(u.model_dump(exclude_none=True)) for u in s.model_usage.values()),
        }) for s in summaries)

    @staticmethod
    def _precheck(path: Path) -> None:
        h = head(path, 2048)
        if path.suffix == ".eval":
            if not h.startswith(b"PK"):
                raise LogReadError("not an Inspect .eval archive (it is not a zip file)", location=str(path),
                                   help="the file is corrupt or is not an Inspect log")
            _bounded_archive(path)
            return
        size = path.stat().st_size
        if size > current_limits().log_bytes:
            raise LimitError("log_bytes", f"the log is {size:,} bytes", location=str(path))
        m = re.search(_JSON_VERSION, h)
        if m and int(m.group(1)) not in KNOWN_VERSIONS:
            raise LogReadError(f"unknown Inspect log version {int(m.group(1))}; casegate reads versions "
                               f"{', '.join(map(str, KNOWN_VERSIONS))}", location=str(path),
                               help="convert it with the inspect-ai release that wrote it, or upgrade casegate")

    def _run(self, path: Path, sha: str, h: Any, summaries: list[Any], options: ReadOptions,
             calls: ModelCalls | None = None) -> ImportedRun:
        where = str(path)
        ev, plan = h.eval, h.plan
        notes: list[str] = []
        date, created = iso_date(ev.created, where)
        epochs = int(ev.config.epochs or 1)

        steps = [s.solver for s in (plan.steps if plan else [])]
        tools: list[str] = []
        for s in plan.steps if plan else []:
            _collect_tools(s.params, tools)
        dead = {n: v for n, v in (calls.tools_dead if calls is not None else {}).items() if n in tools}
        for name, (n, first) in dead.items():
            notes.append(f"tool `{name}`: every one of its {n} call(s) in the run failed (first: {first}): "
                         "not counted as given to the model")
        step_limits = _step_limits([s.params for s in plan.steps] if plan else [],
                                   getattr(ev, "solver_args", None) or {})
        for kind, values in (calls.fired if calls is not None else {}).items():
            # the ceilings that stopped a sample or a step of it, as its record and events state them
            step_limits.setdefault(kind, []).extend(values)
        token_limit = _ceiling(ev.config.token_limit, [x.token_limit for x in summaries]
                               + step_limits.get("token_limit", []))
        gen = scalars(_dump(plan.config) if plan else {}, _dump(ev.model_generate_config))
        max_tokens = _ceiling(None, [(_dump(plan.config) if plan else {}).get("max_tokens"),
                                     _dump(ev.model_generate_config).get("max_tokens")]
                              + step_limits.get("max_tokens", []))
        scaffold = _scaffold(steps, tools)
        tools = [n for n in tools if n not in dead]  # listed to the model, never working for it
        metered = _unmetered(ev.config.token_limit_type, [x.token_limit_type for x in summaries])
        budget = _whole(token_limit) if metered is None else None
        if metered is not None:
            notes.append(f"tokens were metered by `{metered}` (`token_limit_type`), not counted: the run's token "
                         "budget cannot be compared with a number of tokens")
        elif budget is None and scaffold in (Scaffold.none, Scaffold.prompted) and isinstance(max_tokens, int):
            budget = _whole(max_tokens)

        scorer = _scorer_name(h, summaries)
        metrics: dict[str, float | None] = {}
        head_metric: str | None = None
        head_value = head_stderr = None
        for sc in (h.results.scores if h.results else []):
            for mname, m in sc.metrics.items():
                metrics[f"{sc.name}/{mname}"] = _num(m.value)
            if sc.name == scorer:
                for mname, m in sc.metrics.items():
                    if mname not in ("stderr", "std", "var") and head_metric is None:
                        head_metric, head_value = f"{sc.name}/{mname}", _num(m.value)
                if "stderr" in sc.metrics:
                    head_stderr = _num(sc.metrics["stderr"].value)

        raw: list[tuple[str, int, Any]] = []
        every: list[tuple[str, int, Any]] = []  # every scored row, as the log's aggregate counts them
        errored: set[tuple[str, int]] = set()
        served = retried = stopped = halted = edited = cache_read = 0
        kinds: set[str] = set()
        for s in summaries:
            if s.error:
                errored.add((str(s.id), int(s.epoch)))
                if s.scores and scorer in s.scores:
                    # scored though it errored (`score_on_error`): the log's aggregate counts the score,
                    # but the work it scores was cut short by the error, so it is attempted, not scored
                    every.append((str(s.id), int(s.epoch), s.scores[scorer].value))
            if s.error or not s.scores or scorer not in s.scores:
                continue
            every.append((str(s.id), int(s.epoch), s.scores[scorer].value))
            if calls is not None:
                _check_full_score(calls, str(s.id), int(s.epoch), str(scorer), s.scores[scorer].value, where)
            if getattr(s, "model_fallbacks", None):
                # requests of this sample were served by another model than the one asked for: its
                # score is not the evaluated model's, so it is attempted but not scored
                errored.add((str(s.id), int(s.epoch)))
                served += 1
                continue
            if isinstance(getattr(s, "retries", None), int) and s.retries > 0:
                # the sample errored and was run again (`retry_on_error`): the attempts that errored
                # are not in the log, and an attempt that errored counts as solved, so the retried
                # sample is attempted but not scored (a solver that errors when the model succeeds
                # would otherwise leave only the attempts it failed)
                errored.add((str(s.id), int(s.epoch)))
                retried += 1
                continue
            if calls is not None and (str(s.id), int(s.epoch)) in calls.steered:
                # a person wrote into the sample's conversation while it ran (the live channel's
                # operator message): what the agent was told is the operator's, not the task's
                errored.add((str(s.id), int(s.epoch)))
                stopped += 1
                continue
            if str(getattr(s, "limit", None) or "") == "operator":
                # a person (`inspect view`'s interrupt and score) or an approver or reviewer that
                # ended it (`terminate`) stopped the sample, and it was scored on the work done so
                # far: which samples were stopped is the operator's choice (the ones the agent was
                # about to solve), and no ceiling the policy judges stopped it, so it is attempted
                # but not scored
                errored.add((str(s.id), int(s.epoch)))
                stopped += 1
                continue
            said = str(getattr(s, "limit", None) or "")
            halt = calls.halted.get((str(s.id), int(s.epoch))) if calls is not None else None
            if halt is not None or (said and said not in _CEILING_OF):
                # a stop no ceiling the policy judges made: a `custom` limit is raised by whatever
                # code the run loaded (the developer's copy of the task can raise it on every sample
                # the agent is about to solve), a `context` limit or a type casegate does not know
                # records no ceiling at all; attempted but not scored
                errored.add((str(s.id), int(s.epoch)))
                kinds.add(halt or said)
                halted += 1
                continue
            if calls is not None and (str(s.id), int(s.epoch)) in calls.cached:
                # a model call of the sample was answered from the response cache: an answer an
                # earlier run stored (or one filled from another model under this name), not one the
                # model made in this run, so the sample is attempted but not scored
                errored.add((str(s.id), int(s.epoch)))
                cache_read += 1
                continue
            if calls is not None and (str(s.id), int(s.epoch), str(scorer)) in calls.edited:
                # the counted score was edited after the scorer gave it (inspect-ai's `edit_score`,
                # recorded in the score's `history` and a `score_edit` event): the value is the
                # editor's word, not the scorer's, so the sample is attempted but not scored
                errored.add((str(s.id), int(s.epoch)))
                edited += 1
                continue
            raw.append(every[-1])
        skipped, manager = _early_stops(h)
        if skipped:
            # the task's early-stopping manager chose, as the run went, which sample epochs not to run
            # (say, every later epoch of a sample the model failed in its first): attempted but not
            # scored, as an epoch that errored is, never a record missing from a trimmed log
            errored.update(skipped)
            notes.append(f"{len(skipped)} sample epoch(s) were not run: the task's early stopping (`{manager}`, "
                         "results.early_stopping) skipped them, so they are not counted as scored")
        if halted:
            notes.append(f"{halted} sample epoch(s) were stopped by a limit no ceiling of the run records "
                         f"({', '.join(f'`{k}`' for k in sorted(kinds))}): not counted as scored")
        if cache_read:
            notes.append(f"{cache_read} sample epoch(s) were answered in part from the response cache (a model event "
                         "with `cache: read`): not counted as scored; run again without `--cache` to count them")
        if edited:
            notes.append(f"{edited} sample epoch(s) have a `{scorer}` score edited after the run (its `history`, a "
                         "`score_edit` event): not counted as scored")
        if stopped:
            notes.append(f"{stopped} sample epoch(s) were stopped by an operator or an approver (`limit: operator`) "
                         "or told something by an operator while they ran (a message with `source: operator`): "
                         "not counted as scored")
        if retried:
            notes.append(f"{retried} sample epoch(s) errored and were run again (`retry_on_error`): the attempts "
                         "that errored are not in the log, so they are not counted as scored")
        if served:
            notes.append(f"{served} sample epoch(s) were served in part by another model than the one asked for "
                         "(`model_fallbacks`): not counted as scored")
        raw, tools_failed = _tools_failed(raw, calls, errored)
        if tools_failed is not None:
            notes.append(f"{tools_failed[0]} of {tools_failed[1]} scored sample epoch(s) failed with every tool call "
                         f"the model made failing (first: {tools_failed[2]}): not counted as scored")
        attempts, fewest, fewest_epochs = sample_attempts([(sid, e, 0.0) for sid, e, _ in raw], max(epochs, 1))
        note, unrecorded = None, False
        greedy = _greedy(plan, ev) if attempts > 1 else None
        if greedy is not None:
            # each epoch asked the same greedy question again: one attempt, not `attempts`
            note, attempts = greedy_note(greedy, attempts), 1
        if fewest is not None and attempts < epochs and note is None:
            missing = set(range(1, epochs + 1)) - set(fewest_epochs)
            unrecorded = any((fewest, e) not in errored for e in missing)
            note = fewer_epochs_note(fewest, fewest_epochs, epochs, "that `eval.config.epochs` states") + (
                "; the log has no record of the others" if unrecorded else
                "; the others errored" + (" or were served by another model" if served else "")
                + (" or were skipped by the task's early stopping" if skipped else "")
                + (" or were stopped by an operator" if stopped else ""))
        message_limit = _ceiling(ev.config.message_limit, [x.message_limit for x in summaries]
                                 + step_limits.get("message_limit", []))
        working_limit = _ceiling(ev.config.working_limit, step_limits.get("working_limit", []))
        turn_limit = _ceiling(getattr(ev.config, "turn_limit", None), step_limits.get("turn_limit", []))
        cost_limit = _ceiling(getattr(ev.config, "cost_limit", None), step_limits.get("cost_limit", []))
        cut = sum(1 for x in summaries if str(getattr(x, "limit", None) or "") == "cost")
        if cut:
            notes.append(f"{cut} sample epoch(s) were stopped by the run's cost limit "
                         f"(${_dollars(cost_limit)} per sample)")
        for name in [n for n in tools if n in GIVEN_KINDS]:
            notes.append(f"tool `{name}` in the plan's solver steps is a function the model may call, not {name} "
                         f"content it was given: `{name}` is recorded as given only from the samples' messages")
            tools.remove(name)
        given: dict[str, list[list[Any]]] = {}
        for sid, e, _ in raw:
            for kind in sorted(calls.kinds.get((sid, e), ()) if calls is not None else ()):
                given.setdefault(kind, []).append([sid, e])
        tools += [k for k in GIVEN_KINDS if k in given]
        elicitation = Elicitation(attempts=attempts, scaffold=scaffold, tools=tools,
                                  budget_tokens=budget, solver=steps, generate_config=gen,
                                  max_tokens=_whole(max_tokens), message_limit=_whole(message_limit),
                                  turn_limit=_whole(turn_limit), working_limit=_whole(working_limit),
                                  cost_limit=_amount(cost_limit))
        scale, rows = _scale(scorer, raw, options, notes)
        if rows:  # scores on a scale casegate counts
            _check_reported(h, scorer, every, where)
        result = counts_result(rows, scale, options.reduction, metric=head_metric, value=head_value,
                               stderr=head_stderr, where=where)
        scored = len({sid for sid, _, _ in rows})
        dataset_n = _dataset_size(h, epochs)
        status = str(h.status)
        err = h.error.message if h.error else None
        if status != "success":
            notes.append(f"the run's status is '{status}'" + (f" ({err})" if err else "")
                         + ": it cannot support a claim")
        if h.invalidated:
            notes.append("the log has invalidated samples: it cannot support a claim")
        revision = None
        if ev.revision is not None and ev.revision.commit:
            revision = ev.revision.commit + ("-dirty" if getattr(ev.revision, "dirty", False) else "")
        package = _task_package(ev.packages)
        if package is not None and revision is not None and getattr(ev.revision, "dirty", None) is not None:
            # Inspect records an installed task's own commit (from its install record) without
            # `dirty`; a commit with `dirty` is the working directory's repository, which says
            # nothing of the installed task's code
            notes.append(f"the task was loaded from the installed package {package}; the commit the log records "
                         f"({revision}) is the working directory's, not the package's: it ties no task code")
            revision = None
        source = SourceRecord(
            tool=self.name, tool_version=(ev.packages or {}).get("inspect_ai"), task=ev.task,
            task_version=str(ev.task_version) if ev.task_version is not None else None,
            model=_model_named(ev), status=status, error=err, invalidated=bool(h.invalidated), created=created,
            revision=revision, epochs=epochs, metrics=metrics, samples=dataset_n, scored=scored,
            scorer=scorer, model_roles=_roles(ev, summaries, list(plan.steps) if plan else [], calls),
            prompt_digest=prompt_digest(h, calls.frames if calls is not None else None),
        )
        title = getattr(ev, "task_display_name", None) or ev.task
        variant, vfield = variant_in(ev.metadata, ev.model, "eval.metadata.variant", "eval.model")
        if variant is None and isinstance(ev.model_args, dict):
            variant, vfield = variant_in(ev.model_args, None, "eval.model_args.variant", "eval.model")
        tuned, tfield = fine_tune_in(ev.metadata, "eval.metadata")
        time_limit = _ceiling(ev.config.time_limit, [x.time_limit for x in summaries]
                              + step_limits.get("time_limit", []))
        asked = {str(s.id): _jsonable([_messages(s.input), s.target, s.choices]) for s in summaries}
        # the samples' digest covers what each asks and how it is judged (input, target, choices):
        # a task file of the developer's with the same ids and other questions is another task
        # read from the samples' full records where the log holds them (the summaries cut long
        # inputs and targets; only the full records hold a sample's sandbox, files and setup,
        # `_asked_in_full`), else from the summaries
        marks = (content_marks((sid, text) for sid, texts in calls.asked.items() for text in texts)
                 if calls is not None and calls.asked else
                 content_marks((str(s.id), _jsonable([_messages(s.input), s.target, s.choices])) for s in summaries))
        return ImportedRun(artifact=path, sha256=sha, task=ev.task, date=date, title=str(title),
                           eval_set=[ev.task], elicitation=elicitation, result=result, source=source,
                           notes=notes, variant=variant, variant_field=vfield, fine_tune=tuned, fine_tune_field=tfield,
                           time_limit=int(time_limit) if isinstance(time_limit, (int, float)) else None,
                           attempts_note=note, attempts_unrecorded=unrecorded, same_input=same_content(asked),
                           sample_marks=marks, task_package=package,
                           task_args={str(k): _jsonable(v) for k, v in (ev.task_args_passed or {}).items()},
                           asked_at_run=_asked_at_run(h), data_unpinned=_hub_dataset(getattr(ev, "dataset", None)),
                           max_tokens_at_run=_whole(_dump(ev.model_generate_config).get("max_tokens")),
                           greedy=greedy, tools_failed=tools_failed, input_kinds=given,
                           offline=_offline(_spec(ev.sandbox)),
                           languages=_languages(summaries),
                           injections=calls.injections if calls is not None else None,
                           reasoning=calls.reasoning if calls is not None else None)


_DATA_FILE = re.compile(r"\.(jsonl?|csv|tsv|parquet|arrow|txt|ya?ml|zip|gz|zst)$", re.IGNORECASE)


_REMOTE = re.compile(r"^(https?|s3|gs|gcs|az|abfs|abfss|hf)://", re.IGNORECASE)
"""A dataset location that is a web address or a bucket (fsspec's remote protocols)."""


def _hub_dataset(ds: Any) -> str | None:
    """Where the samples came from a Hugging Face hub dataset, in words, else None. inspect-ai's
    `hf_dataset` records the dataset's hub name as both `eval.dataset.name` and `location` (a local
    path is named by its file's stem, a file dataset's location is its file), and records no
    revision: whether the task's code pinned one is not in the log, and a dataset read by name
    changes when its repository does."""
    name, location = getattr(ds, "name", None), getattr(ds, "location", None)
    if isinstance(location, str) and _REMOTE.match(location.strip()) and not (
            location.strip().lower().startswith("hf://") and hf_path_pinned(location)):
        # `json_dataset`/`csv_dataset` (or a file dataset of any kind) read from a web address or a
        # bucket: whoever serves it can change the file under the same address, and the log
        # records the address only
        return (f"a data file read from a web address, `{_shorten(location.strip(), 120)[1:-1]}` "
                "(eval.dataset.location), which no revision pins")
    if not isinstance(location, str) or location != name or _DATA_FILE.search(location):
        return None
    if not re.fullmatch(r"[A-Za-z0-9][\w.-]*(/[A-Za-z0-9][\w.-]*)?", location):
        return None
    return (f"the Hugging Face hub dataset `{location}` (eval.dataset.location), read by name: the log records no "
            "revision of it")


def _early_stops(h: Any) -> tuple[set[tuple[str, int]], str | None]:
    """(sample id, epoch) of every sample epoch the task's early-stopping manager skipped, as the
    header records them (`results.early_stopping.early_stops`: inspect-ai writes no sample record
    for them), and the manager's name."""
    summary = getattr(getattr(h, "results", None), "early_stopping", None)
    stops = getattr(summary, "early_stops", None) or []
    out = {(str(x.id), int(x.epoch)) for x in stops if getattr(x, "id", None) is not None
           and isinstance(getattr(x, "epoch", None), int)}
    return out, (str(getattr(summary, "manager", "") or "unnamed") if summary is not None else None)


def _task_package(packages: Any) -> str | None:
    """The installed package a task was loaded from, `name==version`, as the header records it
    (`eval.packages` holds inspect_ai and, for a task installed as a package, its distribution);
    several are joined with `,`; None when the task came from no package."""
    if not isinstance(packages, dict):
        return None
    found = sorted(f"{k}=={v}" for k, v in packages.items()
                   if re.sub(r"[-_.]+", "-", str(k)).lower() != "inspect-ai")
    return ",".join(found) or None


def _without_ceilings(v: Any, depth: int = 0) -> Any:
    """`v` (a solver step's arguments) as JSON-ready data, the ceilings (`_STEP_LIMITS`) left out
    at any depth: those are judged against the policy's elicitation minimums (CG301), so a run given
    more room asks the same question."""
    if depth > 32:
        return None
    if isinstance(v, dict):
        return {str(k): _without_ceilings(x, depth + 1) for k, x in v.items() if k not in _STEP_LIMITS}
    if isinstance(v, (list, tuple)):
        return [_without_ceilings(x, depth + 1) for x in v]
    return v if v is None or isinstance(v, (str, int, float, bool)) else str(v)


def prompt_digest(h: Any, frames: frozenset[str] | None = None) -> str:
    """`sha256:` over canonical JSON of what an Inspect run asked each sample and how it judged the
    answer, as its header records it: the task's arguments as the run took them (`eval.task_args`,
    defaults included), the solver chain (`plan.steps` and `plan.finish`: each solver's name and
    arguments, such as a `prompt_template`, `system_message` or `chain_of_thought`; a `--solver`
    given at run time with its `solver_args`), the task's and the run's generate config but for
    `_NOT_ASKING` (`--system-message`, the sampling settings, `--reasoning-effort`, ...), and the
    scorers with their options. The ceilings a step is called with (`token_limit`, `max_tokens`,
    ...) are left out (CG301 judges them), as are the samples (their ids are the task's sample
    digest) and the model. Where the log holds the samples' transcripts, what the evaluated model
    was first given in each (`frames`: `_first_prompt` with the sample's own input and choices
    set aside) is in too: text the task's code reads at run time (few-shot examples opened from a
    file, an instruction fetched from elsewhere) is in no setting the header records."""
    ev, plan = h.eval, h.plan
    steps = [[str(s.solver), _without_ceilings(s.params)] for s in (plan.steps if plan else [])]
    finish = plan.finish if plan else None
    parts = {
        "task_args": _without_ceilings(ev.task_args or {}),
        "plan": steps,
        "finish": [str(finish.solver), _without_ceilings(finish.params)] if finish is not None else None,
        "solver": [ev.solver, _without_ceilings(ev.solver_args or {})] if ev.solver else None,
        "generate": [_asking(plan.config if plan else None), _asking(ev.model_generate_config)],
        "scorers": [[str(sc.name), _without_ceilings(sc.options or {})] for sc in (ev.scorers or [])],
    }
    roles = _role_settings(ev)
    if roles:
        # how each role's model (a grader) was asked: its generate config and the model arguments
        # that shape its prompts; a run binding roles with none set is digested as before
        parts["roles"] = roles
    shaping = _prompt_model_args(getattr(ev, "model_args", None))
    if shaping:
        # a chat template the evaluated model's arguments give (`-M chat_template=...`) wraps every
        # prompt; a run giving none is digested as before
        parts["model_args"] = shaping
    if frames:
        # the prompts as the model saw them, each sample's own question set aside so that a run
        # over fewer samples (judged by the sample digest) keeps the digest where the task frames
        # every question alike; a log without transcripts (header only) is digested as before
        parts["rendered"] = sorted(frames)
    policies = _tool_policies(ev)
    if policies:
        # approvers of the agent's tool calls, reviewers of their results and monitors of its steps
        # (`--approval`, a task's `approval=`): a policy rejecting every `bash` call, or ending the
        # sample at the first tool result, changes what the agent can do; a run setting none is
        # digested as before
        parts["tool_policies"] = policies
    return settings_digest(parts)


_PROMPT_MODEL_ARGS = ("chat_template", "use_chat_template")
"""Model arguments that change what the model is given (the `hf` provider's chat template, or none):
a template of the developer's own can add an instruction to every prompt. Those that change how it
answers (`answers_arg`: `enable_thinking`, a reasoning setting, quantization) are taken with them."""

_TOOL_POLICIES = ("approval", "review", "sentinel")
"""The run's policies over the agent's tool calls and steps (`eval.config`): approvers that approve,
modify, reject or end on each call, reviewers of each result, monitors and protocols."""


def _prompt_model_args(args: Any) -> dict[str, Any]:
    """The `_PROMPT_MODEL_ARGS` a model's arguments set."""
    args = args if isinstance(args, dict) else {}
    return {str(k): _without_ceilings(v) for k, v in sorted(args.items(), key=lambda kv: str(kv[0]))
            if v is not None and (k in _PROMPT_MODEL_ARGS or answers_arg(str(k)))}


def _role_settings(ev: Any) -> dict[str, list[dict[str, Any]]]:
    """For each role of `eval.model_roles` whose models were given settings: each model's generate
    config (`eval.model_roles.<role>.config`) but for how requests are retried, timed and cached,
    its `max_tokens` kept (no elicitation minimum bounds a grader's output: a grader cut to one
    token never writes its grade), and the model arguments that shape its prompts. A grader told in
    its system message to mark answers wrong, or sampled at a temperature that garbles its grade,
    judges the same answers otherwise under the same model name."""
    roles = getattr(ev, "model_roles", None)
    out: dict[str, list[dict[str, Any]]] = {}
    for role, held in sorted(roles.items() if isinstance(roles, dict) else (), key=lambda kv: str(kv[0])):
        said = []
        for c in held if isinstance(held, list) else [held]:
            asked = {k: _without_ceilings(v) for k, v in _dump(getattr(c, "config", None)).items()
                     if k not in _NOT_ASKING or k == "max_tokens"}
            shaping = _prompt_model_args(getattr(c, "args", None))
            said.append({**asked, **({"model_args": shaping} if shaping else {})})
        if any(said):
            out[str(role)] = said
    return out


def _tool_policies(ev: Any) -> dict[str, Any]:
    """The `_TOOL_POLICIES` the run's config sets, as the header records them (each approver's or
    reviewer's name, tools and arguments)."""
    cfg = getattr(ev, "config", None)
    return {k: _spec(getattr(cfg, k)) for k in _TOOL_POLICIES if getattr(cfg, k, None) is not None}


_NOT_ASKING = frozenset({"max_retries", "timeout", "attempt_timeout", "stream_idle_timeout", "max_connections",
                         "adaptive_connections", "cache_prompt", "cache", "batch", "extra_headers", "max_tokens",
                         "fallback_models"})
"""Generate settings that do not change what the model is asked or how it answers: how requests are
retried, timed, cached and batched, and the ceiling `max_tokens` (CG301 judges it). Fallback models
are read per sample (`model_fallbacks`). Every other setting (a system message, the sampling
settings, the reasoning effort or its token budget, a response schema) is part of the prompt digest."""


def _asking(cfg: Any) -> dict[str, Any]:
    """The settings of a generate config that change what is asked or how the model answers
    (every set one but `_NOT_ASKING`)."""
    return {k: _without_ceilings(v) for k, v in _dump(cfg).items() if k not in _NOT_ASKING}


def _asked_at_run(h: Any) -> list[str]:
    """What the run's header records as changing the question beyond the task's own solver and
    arguments: a system message in the generate config (Inspect writes `--system-message` there, as
    it writes a task's own `config`, so the two are not told apart), a solver given at run time
    (`--solver`, recorded as `eval.solver`), and every other generate setting the run gave
    (`eval.model_generate_config`, which holds the command line's settings and not the task's own
    `config`) that changes how the model answers: not `_NOT_ASKING` (how requests are retried,
    timed, placed and batched, and the `max_tokens` ceiling, see `ImportedRun.max_tokens_at_run`)
    nor `_NOT_ANSWERING`. Empty when the header records none. A run through Inspect's Python API
    with a model object writes its generate settings into `plan.config` only, beside the task's
    own: they are in the prompt digest and not told apart from the task's."""
    ev, plan = h.eval, h.plan
    out: list[str] = []
    for where, cfg in (("plan.config", plan.config if plan else None), ("eval.model_generate_config",
                                                                         ev.model_generate_config)):
        said = _dump(cfg).get("system_message")
        if said:
            out.append(f"a system message ({where}.system_message: {_shorten(str(said))})")
    if ev.solver:
        out.append(f"the solver `{ev.solver}` given for the run (eval.solver)")
    for role, said in _role_settings(ev).items():
        told = next((x.get("system_message") for x in said if x.get("system_message")), None)
        if told:
            out.append(f"a system message to the `{role}` role's model (eval.model_roles.{role}.config.system_message: "
                       f"{_shorten(str(told))})")
    for k in _prompt_model_args(getattr(ev, "model_args", None)):
        out.append("a chat template given in the model's arguments (eval.model_args.chat_template)"
                   if k == "chat_template" else f"the model argument `{k}` (eval.model_args.{k}), which changes how "
                   "the model answers")
    for name, policy in _tool_policies(ev).items():
        out.append(f"a tool {name} policy (eval.config.{name}: {_shorten(str(policy))})")
    given = _dump(ev.model_generate_config)
    for k in sorted(given):
        if k in _NOT_ASKING or k in _NOT_ANSWERING or k == "system_message" or given[k] is None:
            continue
        out.append(f"the generate setting `{k}` given for the run (eval.model_generate_config.{k}: "
                   f"{_shorten(str(_jsonable(given[k])))}), which changes how the model answers")
    return out


_NOT_ANSWERING = frozenset({"seed", "logprobs", "top_logprobs", "prompt_logprobs", "reasoning_summary"})
"""Generate settings in the prompt digest that a run may give without changing how the model
answers: the sampling seed (the run's draw; the sampling settings themselves answer) and what is
recorded beside the answer (log probabilities, a summary of the reasoning)."""


def _shorten(text: str, most: int = 80) -> str:
    one = " ".join(text.split())
    return repr(one if len(one) <= most else one[: most - 1] + "…")


def _ceiling(stated: Any, per_sample: Any) -> Any:
    """The lowest limit any sample ran under: the run's (`eval.config`), or a lower one a sample's
    summary records (Inspect records each sample's ceiling, which `inspect ctl config` can retune
    while the run goes on, so the header's figure alone can state a budget the samples did not
    have). A sample with no ceiling ran without one."""
    known = [v for v in per_sample if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if isinstance(stated, (int, float)) and not isinstance(stated, bool):
        known.append(stated)
    return min(known) if known else stated


_STEP_LIMITS = frozenset({"token_limit", "message_limit", "time_limit", "working_limit", "turn_limit", "max_tokens",
                          "cost_limit"})
"""Arguments of a solver step (or of `--solver`) that cap what a sample or a generation may use:
an agent given `message_limit=6` or a `generate(max_tokens=64)` inside it ran under that ceiling
whatever the run's header states."""


def _step_limits(params: list[Any], solver_args: dict[str, Any]) -> dict[str, list[Any]]:
    """Every ceiling (`_STEP_LIMITS`) the plan's solver steps were called with, at any depth of their
    arguments (an agent's nested solvers and configs), by name."""
    found: dict[str, list[Any]] = {}

    def walk(v: Any, depth: int) -> None:
        if depth > 32:
            return
        if isinstance(v, dict):
            for k, x in v.items():
                if k in _STEP_LIMITS and isinstance(x, (int, float)) and not isinstance(x, bool):
                    found.setdefault(str(k), []).append(x)
                else:
                    walk(x, depth + 1)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x, depth + 1)

    for p in [*params, solver_args]:
        walk(p, 0)
    return found


def _unmetered(stated: Any, per_sample: list[Any]) -> str | None:
    """The first way of metering tokens (`token_limit_type`) that is not a count: Inspect counts all
    tokens (`all`, the default) or output tokens only (`output`, which allows more), or meters them
    by a formula of its own (`input*10+output`), under which a budget of millions can be a few
    thousand tokens. None when every sample's tokens were counted."""
    for t in [stated, *per_sample]:
        if isinstance(t, str) and t.strip().lower() not in ("all", "output", ""):
            return t
    return None


def _whole(v: Any) -> int | None:
    """A ceiling as a whole number (Inspect writes some as floats), or None when none was set."""
    return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) else None


_CHECKPOINT_ARGS = ("model_path", "model_name_or_path", "pretrained", "peft", "adapter", "adapter_path",
                    "adapter_name_or_path", "lora", "lora_path", "lora_local_path", "lora_modules", "delta",
                    "revision", "model_revision", "checkpoint")
"""Model arguments (`-M key=value`) that load other weights than the model's name says (a local
path, an adapter, a revision)."""


def _model_named(ev: Any) -> str:
    """The model a run evaluated, as recorded: `eval.model`, followed, in lm-eval's
    `name (key=value,...)` form, by the model arguments that choose its weights and the server it
    was reached at (`model_base_url`), so that what chose the checkpoint is judged with the name."""
    return _named(ev.model, ev.model_args, getattr(ev, "model_base_url", None), "model_base_url")


def _named(model: Any, args: Any, base_url: Any, url_key: str) -> str:
    """`model`, followed in `name (key=value,...)` form by the arguments in `args` that choose its
    weights and the server (`base_url`) it was reached at."""
    args = args if isinstance(args, dict) else {}
    shown = [f"{k}={v}" for k, v in sorted(args.items(), key=lambda kv: str(kv[0]))
             if str(k) in _CHECKPOINT_ARGS and v is not None and not isinstance(v, (dict, list))]
    if base_url:
        shown.append(f"{url_key}={base_url}")
    return f"{model} ({','.join(shown)})" if shown else str(model)


NO_ROLE = "(no role)"
"""The role under which `source.model_roles` lists models a run's samples called outside any named
role (a scorer given a model by name, a solver calling one)."""


def _roles(ev: Any, summaries: list[Any], steps: list[Any], calls: ModelCalls | None = None) -> dict[str, list[str]]:
    """Every named role the run gave a model (`eval.model_roles`: a grader, an attacker; a role may
    hold several models), each named as the evaluated model is (`_named`), so a role is judged by
    the weights and server that answered for it, not only by the name it was given; and, under
    `NO_ROLE`, every other model the samples' usage records (`model_usage`) that is neither the
    evaluated model, a role's, nor a fallback a provider served (those samples are not scored), and
    every model the header names in a scorer's options or a solver step's arguments (`steps`), whose
    calls record no usage when its provider reports none. A model-graded scorer the run binds no
    grader for grades with the evaluated model, listed under its role."""
    roles = getattr(ev, "model_roles", None)
    out: dict[str, list[str]] = {}
    held_by_role: set[str] = set()
    for role, held in sorted((roles or {}).items() if isinstance(roles, dict) else (), key=lambda kv: str(kv[0])):
        configs = held if isinstance(held, list) else [held]
        held_by_role.update(str(getattr(c, "model", c)) for c in configs)
        out[str(role)] = [_named(getattr(c, "model", c), getattr(c, "args", None), getattr(c, "base_url", None),
                                 "base_url") for c in configs]
    fallbacks = {str(getattr(f, "fallback_model", "")) for x in summaries for f in getattr(x, "model_fallbacks", None) or []}
    # a call the transcripts record under a role, by a model the header does not bind to that role
    # (the evaluated model's name under `grader`: the system grading its own answers), served that
    # role: listed under it, the evaluated model named as the header names it
    for role, m in sorted(calls.by_role if calls is not None else ()):
        held = (roles or {}).get(role) if isinstance(roles, dict) else None
        bound = {str(getattr(c, "model", c)) for c in (held if isinstance(held, list) else [held] if held else [])}
        if m not in bound and m not in fallbacks:
            name = _model_named(ev) if m == str(ev.model) else m
            if name not in out.setdefault(role, []):
                out[role].append(name)
            held_by_role.add(m)
    # the models the samples' usage records and the models their transcripts' model events called
    # (a model the task's own code calls by name through a provider reporting no usage is only there)
    seen = {str(m) for x in summaries for m in (getattr(x, "model_usage", None) or {})}
    seen |= set(calls.models if calls is not None else ())
    called = sorted(seen - {str(ev.model)} - held_by_role - fallbacks)
    if calls is not None and calls.silent:
        # a scored sample whose transcript records no model call: which models it called cannot be
        # told, so the run is taken as calling one outside any role
        called.append(UNRECORDED_CALLS)
    if called:
        out.setdefault(NO_ROLE, []).extend(called)
    # models the header names in a scorer's options or a solver step's arguments (`model_graded_qa(
    # model=...)`, an agent given a helper model): called whether or not their usage was recorded
    named: dict[str, None] = {}
    for sc in getattr(ev, "scorers", None) or []:
        for m in _models_in(getattr(sc, "options", None), 0):
            named[m] = None  # a scorer naming the system under test has it judge its own answers
        short = str(sc.name).rsplit("/", 1)[-1]
        opts = getattr(sc, "options", None) or {}
        if short in _GRADED_SCORERS and opts.get("model") is None:
            # Inspect's model-graded scorers grade with the model of their role (`grader` unless
            # `model_role` says otherwise), and with the model under evaluation where the run binds
            # no model to that role (or the role is None): the system grading its own answers
            role = opts.get("model_role", "grader")
            role = role.get("name") if isinstance(role, dict) else role
            if role is None or str(role) not in out:
                out.setdefault(str(role or "grader"), []).append(_model_named(ev))
    plan = getattr(ev, "solver_args", None) or {}
    for m in _models_in([plan, *(getattr(s, "params", None) for s in steps)], 0):
        if m != _model_named(ev):
            named[m] = None
    extra = [m for m in named if m not in held_by_role and m not in fallbacks
             and not any(m in v for v in out.values())]
    if extra:
        out.setdefault(NO_ROLE, []).extend(extra)
    return out


UNRECORDED_CALLS = "(model calls not recorded)"
"""Listed under `NO_ROLE` for a run some scored sample of which records no model call in its
transcript (events stripped, or written by hand): the models it called cannot be told."""


class ModelCalls(NamedTuple):
    """The models the samples' transcripts record calls to (their model events), the scored
    samples (`id`, epoch) whose transcript records none, what each sample asks in full
    (`_asked_in_full`, per id, over its epochs), and (role, model) of every call an event records
    under a named role."""

    models: frozenset[str]
    silent: tuple[tuple[str, int], ...]
    asked: dict[str, frozenset[str]]
    by_role: frozenset[tuple[str, str]] = frozenset()
    steered: frozenset[tuple[str, int]] = frozenset()
    halted: dict[tuple[str, int], str] = {}
    edited: frozenset[tuple[str, int, str]] = frozenset()
    fired: dict[str, tuple[float, ...]] = {}
    cached: frozenset[tuple[str, int]] = frozenset()
    scores: dict[tuple[str, int], dict[str, str]] = {}
    frames: frozenset[str] = frozenset()
    tools_failed: dict[tuple[str, int], str] = {}
    tools_dead: dict[str, tuple[int, str]] = {}
    kinds: dict[tuple[str, int], frozenset[str]] = {}
    """(id, epoch) -> the content kinds other than text the evaluated model was first given in that
    sample epoch (`_given_kinds`) and the conversation's kinds (`_conversation_kinds`), for each
    sample epoch given any."""
    injections: tuple[int, int, int, int, str] | None = None
    reasoning: tuple[int, int, str] | None = None
    """(scored sample records, those in which the evaluated model answered with reasoning the log
    shows (`_reasoned`), the first sample id in which it did not or ''); None where no sample record
    is scored."""


def _model_calls(path: Path, task_sandbox: Any = None, model: Any = None) -> ModelCalls | None:
    """Every model a model event in a sample transcript of the log names (`events[*]` with
    `event: model`, at any depth: a subtask's or agent's nested events too), and the scored samples
    (no error, some score) whose transcript records no model call. Each sample of a `.eval` archive
    is read on its own, inflated under the `log_bytes` limit; a `.json` log is read whole (its size
    is already bounded). None for a log without samples (header only): it has no counts either.
    `task_sandbox` (the header's `eval.sandbox`, as JSON) is the sandbox of a sample that names none.
    `model` (the header's `eval.model`) is the model whose first prompt in each sample is framed
    (`_first_prompt`)."""
    import json
    import zipfile

    lim = current_limits()
    where = str(path)
    models: set[str] = set()
    silent: list[tuple[str, int]] = []
    asked: dict[str, set[str]] = {}
    by_role: set[tuple[str, str]] = set()
    steered: set[tuple[str, int]] = set()
    halted: dict[tuple[str, int], str] = {}
    edited: set[tuple[str, int, str]] = set()
    fired: dict[str, list[float]] = {}
    cached: set[tuple[str, int]] = set()
    scores: dict[tuple[str, int], dict[str, str]] = {}
    frames: set[str] = set()
    tools_failed: dict[tuple[str, int], str] = {}
    tool_calls: dict[str, list[Any]] = {}
    kinds: dict[tuple[str, int], frozenset[str]] = {}
    seen = [0, 0, 0, 0]
    not_by_tool: list[str] = []
    thought = [0, 0]
    unthought: list[str] = []
    any_sample = False

    def one(sample: Any) -> None:
        nonlocal any_sample
        if not isinstance(sample, dict):
            return
        any_sample = True
        found = _event_models(sample.get("events"), 0, by_role)
        models.update(found)
        asked.setdefault(str(sample.get("id")), set()).add(_asked_in_full(sample, task_sandbox))
        if not found and not sample.get("error") and sample.get("scores"):
            silent.append((str(sample.get("id")), int(sample.get("epoch") or 1)))
        key = (str(sample.get("id")), int(sample.get("epoch") or 1))
        if _operator_spoke(sample.get("messages"), 0) or _operator_spoke(sample.get("events"), 0):
            steered.add(key)
        stops: list[tuple[str, Any]] = []
        stated = sample.get("limit")
        if isinstance(stated, dict):
            stops.append((str(stated.get("type")), stated.get("limit")))
        elif stated is not None:
            stops.append((str(stated), None))
        person = _operator_acted(sample.get("events"), 0, stops)
        if person:
            steered.add(key)
        for kind, value in stops:
            if kind in _CEILING_OF:
                n = _amount(value)
                if n is not None and n > 0:
                    # a ceiling that stopped the sample (a scoped `token_limit(50)` in a solver, or
                    # a limit raised by the task's code under a ceiling's name) is one it ran under
                    fired.setdefault(_CEILING_OF[kind], []).append(n)
            elif kind != "operator" and key not in halted:
                halted[key] = kind
        edited.update((key[0], key[1], name) for name in _edited_scores(sample))
        failed = _every_tool_call_failed(sample)
        if failed is not None:
            tools_failed[key] = failed
        for name, error in _tool_calls_by_name(sample):
            tool_calls.setdefault(name, []).append(error)
        where = _injection_seen(sample)
        if where is not None:
            seen[0] += 1
            slot = {"tool": 1, "user": 2, "unnamed": 3}.get(where)
            if slot is not None:
                seen[slot] += 1
            if where != "tool" and not not_by_tool:
                not_by_tool.append(str(sample.get("id")))
        if _cache_read(sample.get("events"), 0):
            cached.add(key)
        frame = _first_prompt(sample, model)
        if frame is not None:
            frames.add(frame)
        given = _given_kinds(sample, model) | _conversation_kinds(sample, model)
        if given:
            kinds[key] = given
        if not sample.get("error") and sample.get("scores"):
            thought[0] += 1
            if _reasoned(sample, model):
                thought[1] += 1
            elif not unthought:
                unthought.append(key[0])
        held = sample.get("scores")
        scores[key] = {str(k): _jsonable(v.get("value")) for k, v in (held.items() if isinstance(held, dict) else ())
                       if isinstance(v, dict)}

    try:
        if path.suffix == ".eval":
            with contextlib.suppress(ImportError):
                import inspect_ai._util.zipfile  # noqa: F401  (registers the zstd codec .eval files use)
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    if not info.filename.startswith("samples/") or info.is_dir():
                        continue
                    if info.file_size > lim.log_bytes:
                        raise LimitError("log_bytes", f"the sample {info.filename} declares {info.file_size:,} bytes "
                                         "once decompressed", location=where)
                    with zf.open(info) as member:
                        data = member.read(lim.log_bytes + 1)
                    if len(data) > lim.log_bytes:
                        raise LimitError("log_bytes", f"the sample {info.filename} inflates past the limit",
                                         location=where)
                    one(json.loads(data))
        else:
            doc = json.loads(path.read_bytes())
            for sample in (doc.get("samples") or []) if isinstance(doc, dict) else []:
                one(sample)
    except LimitError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError,
            TypeError, RecursionError, RuntimeError) + _codec_errors() as e:
        raise LogReadError(f"cannot read the log's sample transcripts: {e}", location=where,
                           help="the file is corrupt or truncated: copy it again from where the run wrote it") from None
    if not any_sample:
        return None
    return ModelCalls(frozenset(models), tuple(sorted(silent)), {k: frozenset(v) for k, v in asked.items()},
                      frozenset(by_role), frozenset(steered), halted, frozenset(edited),
                      {k: tuple(v) for k, v in fired.items()}, frozenset(cached), scores, frozenset(frames),
                      tools_failed, _dead_tools(tool_calls), kinds,
                      (seen[0], seen[1], seen[2], seen[3], not_by_tool[0] if not_by_tool else "") if seen[0] else None,
                      (thought[0], thought[1], unthought[0] if unthought else "") if thought[0] else None)


def _first_messages(sample: dict[str, Any], model: Any) -> list[Any]:
    """The messages the evaluated model was first given in a sample, as its transcript records
    them: the input of the first model event calling `model` for no named role, read from the
    sample's message pool where inspect-ai condensed them (`input_refs` into
    `events_data.messages`); failing a model event, the sample's messages before the model's first
    answer. Empty when the sample records none."""
    event = _first_call(sample.get("events"), 0, model if isinstance(model, str) else None)
    if event is not None:
        messages = event.get("input") or []
        refs = event.get("input_refs")
        pool = sample.get("events_data")
        pool = pool.get("messages") if isinstance(pool, dict) else None
        if not messages and isinstance(refs, list) and isinstance(pool, list):
            messages = [pool[i] for r in refs if isinstance(r, list) and len(r) == 2
                        and all(isinstance(x, int) for x in r) for i in range(max(r[0], 0), min(r[1], len(pool)))]
    else:
        held = sample.get("messages")
        held = held if isinstance(held, list) else []
        first = next((i for i, m in enumerate(held) if isinstance(m, dict) and m.get("role") == "assistant"), None)
        if first is None:
            return []
        messages = held[:first]
    return messages if isinstance(messages, list) else []


def _reasoned(sample: dict[str, Any], model: Any) -> bool:
    """Whether the evaluated model answered in a sample with reasoning the log shows: an assistant
    message of the sample's messages, naming `model` (or, by its provider's own name, the part of
    `model` after the provider) or no model, holds a reasoning part (inspect-ai's `ContentReasoning`)
    whose text is not empty and not redacted (a provider's encrypted reasoning, which no monitor
    reading the log's transcript read), or whose summary of the reasoning is not empty (an OpenAI
    reasoning model's encrypted reasoning beside the summary it returns). A message's model may be
    the provider's dated snapshot of `model`'s name (`o3-2025-04-16` for `openai/o3`)."""
    names = {str(model), str(model).split("/", 1)[-1]} if model else set()
    for m in sample.get("messages") or ():
        if not isinstance(m, dict) or m.get("role") != "assistant":
            continue
        said = m.get("model")
        if said is not None and str(said) not in names \
                and not any(_SNAPSHOT.fullmatch(str(said), len(n)) and str(said).startswith(n) for n in names if n):
            continue
        content = m.get("content")
        for part in content if isinstance(content, list) else ():
            if not isinstance(part, dict) or part.get("type") != "reasoning":
                continue
            if not part.get("redacted") and isinstance(part.get("reasoning"), str) and part["reasoning"].strip():
                return True
            if isinstance(part.get("summary"), str) and part["summary"].strip():
                return True
    return False


_SNAPSHOT = re.compile(r"-(?:\d{4}-\d{2}-\d{2}|\d{8})")
"""A provider's dated snapshot after a model's name (`-2025-04-16`, `-20250514`)."""


def _given_kinds(sample: dict[str, Any], model: Any) -> frozenset[str]:
    """The content kinds other than text (`INPUT_KINDS`) among the parts of the messages the
    evaluated model was first given in a sample (`_first_messages`): what it was shown, not what the
    dataset held (a solver that turned an image into its text before the model gave it text)."""
    kinds: set[str] = set()
    for m in _first_messages(sample, model):
        content = m.get("content") if isinstance(m, dict) else None
        for part in content if isinstance(content, list) else ():
            if isinstance(part, dict) and part.get("type") in INPUT_KINDS:
                kinds.add(str(part["type"]))
    return frozenset(kinds)


def _conversation_kinds(sample: dict[str, Any], model: Any) -> frozenset[str]:
    """The conversation's kinds (`CONVERSATION_KINDS`) a sample shows: `multi-turn` where two or
    more of the evaluated model's calls (model events for no named role, calling `model`) each
    answered a user turn (the call's input ends with a user message, counted by its text: a call
    repeating a turn's answer after a tool's output is not another turn, and an agent's own prompt
    to go on, `_AGENT_PROMPT`, is no user's turn); `memory` where a message
    it was first given (`_first_messages`) names earlier conversations in its `metadata.memory`.
    Turns written into one prompt, prior answers and all, are one turn: the model answered once."""
    kinds: set[str] = set()
    turns: set[str] = set()
    for event in _calls(sample.get("events"), 0, model if isinstance(model, str) else None):
        said = _last_user_text(event, sample)
        if said is not None:
            turns.add(said)
            if len(turns) > 1:
                kinds.add("multi-turn")
                break
    for m in _first_messages(sample, model):
        meta = m.get("metadata") if isinstance(m, dict) else None
        if isinstance(meta, dict) and meta.get("memory"):
            kinds.add("memory")
    return frozenset(kinds)


def _calls(events: Any, depth: int, model: str | None) -> Iterator[dict[str, Any]]:
    """The model events among `events` (nested ones in order) made for no named role, calling
    `model` where it is known."""
    if depth > 40 or not isinstance(events, list):
        return
    for e in events:
        if not isinstance(e, dict):
            continue
        if e.get("event") == "model" and not e.get("role") and (model is None or e.get("model") == model):
            yield e
        for k in ("events", "children"):
            yield from _calls(e.get(k), depth + 1, model)


def _last_user_text(event: dict[str, Any], sample: dict[str, Any]) -> str | None:
    """The text of the user message a model event's input ends with (its messages read from the
    sample's message pool where inspect-ai condensed them), with the count of user messages before
    it: None when the input ends with another role's message."""
    messages = event.get("input") or []
    refs = event.get("input_refs")
    pool = sample.get("events_data")
    pool = pool.get("messages") if isinstance(pool, dict) else None
    if not messages and isinstance(refs, list) and isinstance(pool, list):
        messages = [pool[i] for r in refs if isinstance(r, list) and len(r) == 2
                    and all(isinstance(x, int) for x in r) for i in range(max(r[0], 0), min(r[1], len(pool)))]
    if not isinstance(messages, list) or not messages:
        return None
    last = messages[-1]
    if not isinstance(last, dict) or last.get("role") != "user":
        return None
    content = last.get("content")
    if _AGENT_PROMPT.fullmatch(" ".join(_texts(content))):
        return None
    users = sum(1 for m in messages if isinstance(m, dict) and m.get("role") == "user")
    text = content if isinstance(content, str) else repr(content)
    return f"{users}:{text}"


_AGENT_PROMPT = re.compile(
    r"\s*(?:please\s+proceed\s+to\s+the\s+next\s+step\s+using\s+your\s+best\s+judge?ment\.?"
    r"(?:\s+if\s+you\s+believe\s+you\s+have\s+completed\s+the\s+task,?\s+please\s+call\s+the\s+`?\w+\(\)`?\s+"
    r"(?:tool|function)(?:\s+with\s+your\s+final\s+answer)?\.?)?"
    r"|your\s+submission\s+was\s+incorrect\.\s*please\s+proceed\s+and\s+attempt\s+to\s+find\s+the\s+correct\s+answer\.?)\s*",
    re.IGNORECASE)
"""The user message inspect-ai's `basic_agent` and `react` append of their own where the model
stopped calling tools or submitted a wrong answer (their default `continue_message`,
`on_continue`, `incorrect_message`): the agent's prompt, not a turn of the user's."""


def _first_prompt(sample: dict[str, Any], model: Any) -> str | None:
    """The sha256 of what the evaluated model was first given in a sample, as its transcript records
    it: the input of the first model event calling `model` for no named role (a grader's calls come
    later, under their role), its messages read from the sample's message pool where inspect-ai
    condensed them (`input_refs` into `events_data.messages`) and long texts from its attachments;
    failing a model event, the sample's messages before the model's first answer. Each message is
    its role and text, the sample's own input and choices replaced by a mark: what remains is how
    the task framed the question (its system message, few-shot examples, template, instructions),
    which is the same for every sample of a task that frames them alike. None when the sample
    records no prompt the model answered."""
    import hashlib
    import json

    attachments = sample.get("attachments")
    attachments = attachments if isinstance(attachments, dict) else {}

    def resolved(v: Any, depth: int = 0) -> Any:
        if depth > 40:
            return None
        if isinstance(v, str):
            return attachments.get(v[len("attachment://"):], v) if v.startswith("attachment://") else v
        if isinstance(v, dict):
            return {str(k): resolved(x, depth + 1) for k, x in v.items() if k not in ("id", "source", "metadata")}
        if isinstance(v, list):
            return [resolved(x, depth + 1) for x in v]
        return v

    messages = _first_messages(sample, model)
    if not messages:
        return None

    def text(m: Any) -> str:
        content = resolved(m.get("content")) if isinstance(m, dict) else None
        if isinstance(content, str):
            return content
        if isinstance(content, list):
            return "\n".join(c["text"] if isinstance(c, dict) and c.get("type") == "text" and isinstance(c.get("text"), str)
                             else json.dumps(c, sort_keys=True, default=str) for c in content)
        return json.dumps(content, sort_keys=True, default=str)

    own: list[tuple[str, str]] = []
    given = resolved(sample.get("input"))
    if isinstance(given, str):
        own.append((given, "\x00input\x00"))
    elif isinstance(given, list):
        own.extend((text(m), "\x00input\x00") for m in given if isinstance(m, dict))
    choices = sample.get("choices")
    own.extend((str(resolved(c)), "\x00choice\x00") for c in (choices if isinstance(choices, list) else []))
    said = []
    for m in messages:
        body = text(m)
        for mine, mark in sorted(own, key=lambda x: -len(x[0])):
            if mine.strip():
                body = body.replace(mine, mark)
        extra = resolved({k: m.get(k) for k in ("tool_calls", "tool_call_id", "function")
                          if isinstance(m, dict) and m.get(k) is not None})
        said.append([str(m.get("role")) if isinstance(m, dict) else "", body, extra or None])
    return hashlib.sha256(json.dumps(said, sort_keys=True, ensure_ascii=False, default=str)
                          .encode("utf-8", "surrogatepass")).hexdigest()


def _first_call(events: Any, depth: int, model: str | None) -> dict[str, Any] | None:
    """The first model event among `events` (nested ones in order) made for no named role, calling
    `model` where it is known."""
    if depth > 40 or not isinstance(events, list):
        return None
    for e in events:
        if not isinstance(e, dict):
            continue
        if (e.get("event") == "model" and not e.get("role")
                and (model is None or e.get("model") == model)):
            return e
        for k in ("events", "children"):
            found = _first_call(e.get(k), depth + 1, model)
            if found is not None:
                return found
    return None


def _check_full_score(calls: ModelCalls, sid: str, epoch: int, scorer: str, value: Any, where: str) -> None:
    """Refuse a log whose sample summary gives the counted scorer another score than the sample's
    full record (or a score the full record lacks). inspect-ai writes both from one score, so they
    agree in any log it wrote (edits included: `edit_score` and its writer rewrite both); the counts
    are read from the summaries, and summaries rewritten apart from the samples are not of the run."""
    held = calls.scores.get((sid, epoch))
    if held is None:
        return  # no full record of the sample: the summaries are all the log holds
    full = held.get(scorer)
    if full != _jsonable(value):
        said = "no score" if full is None else f"the score {full}"
        raise LogReadError(f"sample {sid!r} (epoch {epoch}): its summary gives `{scorer}` the score {_jsonable(value)}, "
                           f"but its full record {said}: the log's summaries and samples are not of one run",
                           location=where, help="copy the log again from where the run wrote it, unchanged")


def _tools_failed(raw: list[tuple[str, int, Any]], calls: ModelCalls | None,
                  errored: set[tuple[str, int]]) -> tuple[list[tuple[str, int, Any]], tuple[int, int, str] | None]:
    """The scored rows `raw` without the sample epochs scored as failures whose tool calls all failed
    (`_every_tool_call_failed`), each added to `errored` (attempted but not scored, so counted as
    solved, as an epoch that errored is), and (such epochs, scored epochs, the first failure in
    words), or None where there are none. A sandbox whose network is cut, or a tool server that is
    down, makes every call of an agent fail and its task unsolvable: the score is the tools', not the
    model's, and which samples it struck the log cannot tell from the model's choice. A sample
    whose calls failed only in part (a command the model got wrong among others that ran) is the
    model's own and is scored."""
    if calls is None or not calls.tools_failed or not raw:
        return raw, None
    failed = [(sid, e) for sid, e, v in raw if (sid, e) in calls.tools_failed and _failed_score(v)]
    if not failed:
        return raw, None
    errored.update(failed)
    out = set(failed)
    return [r for r in raw if (r[0], r[1]) not in out], (len(failed), len(raw), calls.tools_failed[failed[0]])


def _failed_score(value: Any) -> bool:
    """Whether a scorer's value is a failure (Inspect's INCORRECT or no answer, false, 0)."""
    if isinstance(value, str):
        return value in ("I", "N")
    if isinstance(value, bool):
        return value is False
    return isinstance(value, (int, float)) and value == 0


def _every_tool_call_failed(sample: dict[str, Any]) -> str | None:
    """Where the sample called tools and every call failed, the first failure in words (its
    `ToolCallError` type and message), else None. Read from the tool events (`event: tool`, nested
    ones too: an agent's own tools), else, for a transcript without events, from the tool messages
    (`role: tool`); a call failed when it records an `error` other than an approval policy's
    rejection (`type: approval`)."""
    calls: list[Any] = []
    _tool_events(sample.get("events"), 0, calls)
    if not calls:
        msgs = sample.get("messages")
        calls = [m.get("error") for m in msgs if isinstance(m, dict) and m.get("role") == "tool"] \
            if isinstance(msgs, list) else []
    if not calls or not all(isinstance(e, dict) and e and e.get("type") != "approval" for e in calls):
        # a call an approval policy rejected is that policy's, which the header records and the
        # prompt digest covers (CG345, `_tool_policies`), not a tool that failed
        return None
    first = calls[0]
    said = " ".join(str(first.get("message") or "").split())
    return f"{first.get('type') or 'unknown'}: {said[:80] + ('…' if len(said) > 80 else '')}" if said else \
        str(first.get("type") or "unknown")


def _failure(error: Any) -> str | None:
    """A tool call's `error` in words (its `ToolCallError` type and message) where the call failed,
    else None: no error, or an approval policy's rejection (`type: approval`), which is that
    policy's, not the tool's."""
    if not isinstance(error, dict) or not error or error.get("type") == "approval":
        return None
    said = " ".join(str(error.get("message") or "").split())
    return f"{error.get('type') or 'unknown'}: {said[:80] + ('…' if len(said) > 80 else '')}" if said else \
        str(error.get("type") or "unknown")


_MARK_MIN = 12
"""Fewest characters of an injected instruction (`metadata.injection`) looked for in a transcript: a
shorter one (`done`, `ok`) is found in any tool output, and names no instruction."""


_INJECTION_KEYS = ("injection", "injections", "injected_instruction", "attacker_instruction")
"""Keys of a sample's metadata naming the instruction it injects, a string, a list of strings or a
map of them: casegate's own (`injection`), AgentDojo's injection vectors (`injections`, placeholder
to text) and InjecAgent's (`attacker_instruction`)."""
_LINE = re.compile(r"(?<=[.!?:])\s+")
"""Where the block's sentences part (its white space made one space)."""


def _marked(text: str) -> list[str]:
    """The blocks AgentDojo's `important_instructions` attack plants in a tool's output (`text` case
    folded): what stands between each `<information>` and the `</information>` after it."""
    out: list[str] = []
    at = text.find("<information>")
    while at >= 0:
        end = text.find("</information>", at)
        if end < 0:
            break
        out.append(text[at + len("<information>"):end])
        at = text.find("<information>", end)
    return out
def _texts(content: Any, depth: int = 0) -> list[str]:
    """The text of a message's content: a string, or the `text` of each part of a list (nested
    ones too), each with its runs of white space made one space and case folded."""
    if depth > 20:
        return []
    if isinstance(content, str):
        return [" ".join(content.split()).casefold()]
    if isinstance(content, list):
        return [t for part in content for t in _texts(part, depth + 1)]
    if isinstance(content, dict):
        return _texts(content.get("text"), depth + 1) + _texts(content.get("content"), depth + 1)
    return []


def _injection_seen(sample: dict[str, Any]) -> str | None:
    """Where the instruction a sample injects reached the model, as its transcript (`messages`)
    records each message's role: 'tool' where its text, as the sample's metadata names it
    (`_INJECTION_KEYS`: a string, a list or a map of strings, each of `_MARK_MIN` characters or more;
    for a sample naming an AgentDojo injection task by id alone, each sentence of the `<INFORMATION>`
    blocks its tool messages carry), is in a tool message's content and in no user or system message; 'user' where it is in a user or
    system message (the person's own turn: not an injection a tool returned); 'elsewhere' where it
    is in neither; 'unnamed' where the metadata names none; None where the sample records no
    transcript."""
    msgs = sample.get("messages")
    if not isinstance(msgs, list) or not msgs:
        return None
    meta = sample.get("metadata")
    said: list[Any] = []
    for key in _INJECTION_KEYS:
        v = meta.get(key) if isinstance(meta, dict) else None
        said.extend([v] if isinstance(v, str) else v if isinstance(v, list) else
                    list(v.values()) if isinstance(v, dict) else [])
    marks = [" ".join(m.split()).casefold() for m in said
             if isinstance(m, str) and len(" ".join(m.split())) >= _MARK_MIN]
    by_role: dict[str, list[str]] = {}
    for m in msgs:
        if isinstance(m, dict):
            by_role.setdefault(str(m.get("role")), []).extend(_texts(m.get("content")))
    if not marks and isinstance(meta, dict) and meta.get("injection_task_id") is not None:
        # AgentDojo names its injection task by id alone: the instruction is the marked block a tool
        # returned, each of its lines looked for in the user's and system turns
        marks = list(dict.fromkeys(line.strip() for text in by_role.get("tool", ()) for block in _marked(text)
                                   for line in _LINE.split(block) if len(line.strip()) >= _MARK_MIN))
        if marks:
            hit = any(mark in text for mark in marks for r in ("user", "system") for text in by_role.get(r, ()))
            return "user" if hit else "tool"
    if not marks:
        return "unnamed"
    def found(roles: tuple[str, ...]) -> bool:
        return any(mark in text for mark in marks for r in roles for text in by_role.get(r, ()))
    if found(("user", "system")):
        return "user"
    return "tool" if found(("tool",)) else "elsewhere"


def _tool_calls_by_name(sample: dict[str, Any]) -> list[tuple[str, Any]]:
    """(tool name, `error`) of every call the sample records: its tool events (`event: tool`,
    nested ones too, the name as `function`), else, for a transcript without events, its tool
    messages (`role: tool`)."""
    calls: list[tuple[str, Any]] = []
    _named_tool_events(sample.get("events"), 0, calls)
    if not calls and isinstance(msgs := sample.get("messages"), list):
        calls = [(str(m.get("function")), m.get("error")) for m in msgs
                 if isinstance(m, dict) and m.get("role") == "tool" and m.get("function")]
    return calls


def _named_tool_events(events: Any, depth: int, out: list[tuple[str, Any]]) -> None:
    """(`function`, `error`) of every tool event among `events` (nested ones too), in order."""
    if depth > 40 or not isinstance(events, list):
        return
    for e in events:
        if isinstance(e, dict):
            if e.get("event") == "tool" and e.get("function"):
                out.append((str(e["function"]), e.get("error")))
            for k in ("events", "children"):
                _named_tool_events(e.get(k), depth + 1, out)


def _dead_tools(calls: dict[str, list[Any]]) -> dict[str, tuple[int, str]]:
    """The tools every call of which, over the whole run, failed: name -> (calls, the first
    failure in words). Such a tool was listed to the model but never worked for it (a sandbox whose
    browser cannot reach the pages, a payment tool with no processor behind it): the run did not
    give the model what the tool gives."""
    out: dict[str, tuple[int, str]] = {}
    for name, errors in calls.items():
        said = [_failure(e) for e in errors]
        if errors and all(s is not None for s in said):
            out[name] = (len(errors), str(said[0]))
    return out


def _tool_events(events: Any, depth: int, out: list[Any]) -> None:
    """The `error` of every tool event among `events` (nested ones too), in order."""
    if depth > 40 or not isinstance(events, list):
        return
    for e in events:
        if isinstance(e, dict):
            if e.get("event") == "tool":
                out.append(e.get("error"))
            for k in ("events", "children"):
                _tool_events(e.get(k), depth + 1, out)


def _cache_read(events: Any, depth: int) -> bool:
    """Whether any model event among `events` (nested ones too) was answered from Inspect's response
    cache (`cache: read`): a response stored by an earlier run under the same model name, input and
    settings (a cache the developer's machine holds and can fill from another model), not made by
    the model in this run."""
    if depth > 40 or not isinstance(events, list):
        return False
    for e in events:
        if isinstance(e, dict):
            if e.get("event") == "model" and e.get("cache") == "read":
                return True
            if any(_cache_read(e.get(k), depth + 1) for k in ("events", "children")):
                return True
    return False


_CEILING_OF = {"token": "token_limit", "message": "message_limit", "time": "time_limit",
               "working": "working_limit", "turn": "turn_limit", "cost": "cost_limit"}
"""The limit types (a sample's `limit.type`, a `sample_limit` event's `type`) that are ceilings the
policy's elicitation minimums judge (CG301), by the ceiling each is read into. Any other stop
(`operator`, `custom`, `context`, a type casegate does not know) is no ceiling the policy judges."""


def _operator_acted(events: Any, depth: int, stops: list[tuple[str, Any]]) -> bool:
    """Whether the events (nested ones too) record a person acting on the sample while it ran: an
    `input` event (a person's answer to an `ask_user` or input screen), an `interrupt` by a user
    (`source: user_cancel`) or a `sample_limit` of type `operator`. Every `sample_limit` event's
    (type, limit) is added to `stops`."""
    if depth > 40 or not isinstance(events, list):
        return False
    acted = False
    for e in events:
        if not isinstance(e, dict):
            continue
        kind = e.get("event")
        if kind == "sample_limit":
            stops.append((str(e.get("type")), e.get("limit")))
            acted = acted or e.get("type") == "operator"
        elif kind == "input" or (kind == "interrupt" and e.get("source") == "user_cancel"):
            acted = True
        for k in ("events", "children"):
            if isinstance(e.get(k), list):
                acted = _operator_acted(e[k], depth + 1, stops) or acted
    return acted


def _edited_scores(sample: dict[str, Any]) -> set[str]:
    """The names of the sample's scores edited after its scorer gave them: a score with an edit
    history (`history`, which inspect-ai's `edit_score` starts with the original and extends with
    each edit), or named by a `score_edit` event of its transcript."""
    out: set[str] = set()
    scores = sample.get("scores")
    for name, sc in (scores.items() if isinstance(scores, dict) else ()):
        if isinstance(sc, dict) and sc.get("history"):
            out.add(str(name))

    def walk(events: Any, depth: int) -> None:
        if depth > 40 or not isinstance(events, list):
            return
        for e in events:
            if isinstance(e, dict):
                if e.get("event") == "score_edit":
                    out.add(str(e.get("score_name")))
                for k in ("events", "children"):
                    walk(e.get(k), depth + 1)

    walk(sample.get("events"), 0)
    return out


def _operator_spoke(v: Any, depth: int) -> bool:
    """Whether a message an operator wrote into the sample's conversation (`source: operator`: a
    person steering the agent through the live channel) is among the sample's messages, or the
    input of any of its model events, nested ones too."""
    if depth > 40:
        return False
    if isinstance(v, dict):
        if v.get("role") == "user" and v.get("source") == "operator":
            return True
        return any(_operator_spoke(v.get(k), depth + 1) for k in ("input", "events", "children", "messages"))
    if isinstance(v, list):
        return any(_operator_spoke(x, depth + 1) for x in v)
    return False


def _asked_in_full(sample: dict[str, Any], task_sandbox: Any = None) -> str:
    """What a sample asks and how it is judged, as its full record holds it: its input (each
    message without the id made afresh each run), target and choices, as sorted JSON, every
    `attachment://` reference replaced by the text it stands for. The summaries cut inputs and
    targets past a few thousand characters; this is the whole of them.

    For a sample that ran with any of them, what sets how hard it is and what the agent can reach
    follows (`_SETTING`): the sandbox it ran in (its own `sandbox`, else the task's `task_sandbox`:
    the provider and its configuration, a network cut in another compose file), the names of the
    files copied into it (`files`: Inspect records their paths, not their content), its `setup`
    script and its `metadata` (which tools or hints a task's solver gives a sample are often read
    from it). A sample with none of them is marked as before, so marks taken on logs of tasks
    without them stay; a log with them taken out of its samples is marked as another task's."""
    import json

    held = sample.get("attachments")
    attachments: dict[str, Any] = held if isinstance(held, dict) else {}

    def whole(v: Any, depth: int, drop_ids: bool = True) -> Any:
        if depth > 32:
            return None
        if isinstance(v, str) and v.startswith("attachment://"):
            return attachments.get(v[len("attachment://"):], v)
        if isinstance(v, dict):
            return {str(k): whole(x, depth + 1, drop_ids) for k, x in v.items() if not (drop_ids and k == "id")}
        if isinstance(v, list):
            return [whole(x, depth + 1, drop_ids) for x in v]
        return v

    asked = whole([sample.get("input"), sample.get("target"), sample.get("choices")], 0)
    setting: dict[str, Any] = {k: sample.get(k) for k in _SETTING if sample.get(k)}
    if "sandbox" not in setting and task_sandbox:
        setting["sandbox"] = task_sandbox
    files = setting.get("files")
    if isinstance(files, list):
        setting["files"] = sorted(map(str, files))
    if setting:
        asked.append(whole(setting, 0, drop_ids=False))
    return json.dumps(asked, sort_keys=True, ensure_ascii=False, default=str)


_SETTING = ("sandbox", "files", "setup", "metadata")
"""The fields of a sample's full record that set what the agent can reach and how hard the sample
is, beside what it asks: each is part of the sample's content mark where it is set."""


def _event_models(events: Any, depth: int, by_role: set[tuple[str, str]]) -> set[str]:
    """The models the model events among `events` name, nested events included; (role, model) of
    each event recording a role (`role`: the model was got for a role, `grader` say) added to
    `by_role`."""
    found: set[str] = set()
    if depth > 32 or not isinstance(events, list):
        return found
    for e in events:
        if not isinstance(e, dict):
            continue
        if e.get("event") == "model" and isinstance(e.get("model"), str) and e["model"].strip():
            found.add(e["model"])
            if isinstance(e.get("role"), str) and e["role"].strip():
                by_role.add((e["role"], e["model"]))
        for k in ("events", "children"):
            if isinstance(e.get(k), list):
                found |= _event_models(e[k], depth + 1, by_role)
    return found


_GRADED_SCORERS = frozenset({"model_graded_qa", "model_graded_fact"})
"""Inspect's scorers that ask a model to grade each answer, with the model bound to their role
(`grader` by default) or, where the run binds none, the model under evaluation."""


def _models_in(v: Any, depth: int) -> list[str]:
    """Every model a header's arguments name under a `model` or `models` key (a name, or a model
    spec with its `model`, `model_args` and `base_url`, as Inspect records a `Model` object), named
    as `_named` names a role's model."""
    if depth > 32:
        return []
    found: list[str] = []
    if isinstance(v, dict):
        for k, x in v.items():
            if k in ("model", "models"):
                for one in x if isinstance(x, list) else [x]:
                    if isinstance(one, str) and one.strip():
                        found.append(one)
                    elif isinstance(one, dict) and isinstance(one.get("model"), str):
                        found.append(_named(one["model"], one.get("model_args"), one.get("base_url"), "base_url"))
            else:
                found.extend(_models_in(x, depth + 1))
    elif isinstance(v, (list, tuple)):
        for x in v:
            found.extend(_models_in(x, depth + 1))
    return found


def _amount(v: Any) -> float | None:
    """A spend limit in dollars, or None when none was set."""
    return max(float(v), 0.0) if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) else None


def _dollars(v: Any) -> str:
    a = _amount(v)
    return "?" if a is None else f"{a:g}"


def _dataset_size(h: Any, epochs: int) -> int | None:
    """How many samples the task's dataset holds, as the log states it: the most of
    `eval.dataset.samples` (the whole dataset, before a `--limit` or `--sample-id`),
    `eval.dataset.sample_ids` (the samples the run set out to score) and `results.total_samples`
    over the epochs (samples planned times epochs). Samples the run did not score count as solved
    (`casegate.evidence._facts.unscored_samples`), so one figure lowered by hand while another
    still states more does not shrink the task."""
    ds = h.eval.dataset
    stated = [ds.samples if ds is not None else None,
              len(ds.sample_ids) if ds is not None and ds.sample_ids is not None else None,
              -(-int(h.results.total_samples) // max(epochs, 1))
              if h.results is not None and h.results.total_samples else None]
    known = [int(n) for n in stated if isinstance(n, int) and not isinstance(n, bool) and n >= 0]
    return max(known) if known else None


def _reducer(name: str | None) -> Any:
    """Inspect's own epoch reducer of that name (`mean` when the log names none); None for a
    reducer casegate does not know (a custom one): then nothing is recomputed."""
    from inspect_ai import scorer as sc

    named = {None: sc.mean_score, "mean": sc.mean_score, "max": sc.max_score, "median": sc.median_score,
             "mode": sc.mode_score}
    if name in named:
        return named[name]()
    m = re.fullmatch(r"(pass_at|at_least)_(\d+)", name or "")
    if m is None:
        return None
    return (sc.pass_at if m.group(1) == "pass_at" else sc.at_least)(int(m.group(2)))


def _check_reported(h: Any, scorer: str | None, raw: list[tuple[str, int, Any]], where: str) -> None:
    """Refuse a log whose reported aggregate for the counted `scorer` (`results.scores[*]`:
    `scored_samples`, and the `accuracy` or `mean` metric) is not what its per-sample scores `raw`
    (`(id, epoch, value)`) give, reduced over epochs and aggregated by inspect-ai's own reducer
    and metric. Inspect computes both from the same scores when the run ends, so one log's two
    records of the run agree; the counts are read from the samples. Without samples (a
    header-only log) there is nothing to compare."""
    if not raw or h.results is None:
        return
    from inspect_ai.scorer import SampleScore, Score, accuracy, mean

    metrics = {"accuracy": accuracy, "mean": mean}
    per: dict[str, list[Any]] = {}
    for sid, _epoch, v in raw:
        per.setdefault(sid, []).append(Score(value=v))
    for sc in h.results.scores or []:
        if scorer not in (sc.name, sc.scorer):
            continue
        label = f"`{sc.name}`" + (f" (reducer `{sc.reducer}`)" if sc.reducer else "")
        if sc.scored_samples is not None and int(sc.scored_samples) != len(per):
            raise LogReadError(
                f"results.scores {label} states {sc.scored_samples} scored sample(s), but the log holds scores "
                f"of {len(per)}: its aggregate and its samples are not of one run", location=where,
                help="copy the log again from where the run wrote it, unchanged")
        reduce = _reducer(sc.reducer)
        if reduce is None:
            continue  # a custom reducer: nothing casegate can recompute
        try:
            reduced = [SampleScore(score=reduce(scores), sample_id=sid) for sid, scores in per.items()]
            for mname, m in sc.metrics.items():
                stated = _num(m.value)
                if mname not in metrics or m.params or getattr(m, "group", None) or stated is None:
                    continue
                compute: Any = metrics[mname]()  # inspect's metrics take SampleScores (typed as a union)
                got = _num(compute(reduced))
                if got is None or not math.isclose(got, stated, rel_tol=1e-9, abs_tol=1e-9):
                    shown = "no number" if got is None else f"{got:.6g}"
                    raise LogReadError(
                        f"results.scores {label} states `{mname}` = {stated:.6g}, but the log's {len(per)} "
                        f"sample(s) give {shown}: its aggregate and its samples are not of one run",
                        location=where, help="copy the log again from where the run wrote it, unchanged")
        except (ValueError, TypeError) as e:
            raise LogReadError(f"the scores of `{sc.name}` cannot be reduced as the log states ({e})",
                               location=where) from None


def _languages(summaries: list[Any]) -> dict[str, str]:
    """Sample id -> the language it was asked in (`casegate.evidence._languages`)."""
    out: dict[str, str] = {}
    for s in summaries:
        sid = str(s.id)
        if sid not in out:
            lang = sample_language(stated_language(getattr(s, "metadata", None)), text_of(_messages(s.input)))
            if lang is not None:
                out[sid] = lang
    return out


def _messages(value: Any) -> Any:
    """A sample's input as text: a string as it is, chat messages as (role, text) pairs (a
    message's id is made afresh each run, so it is left out)."""
    if isinstance(value, str):
        return value
    return [[str(getattr(m, "role", "")), str(getattr(m, "text", ""))] for m in value or []]


def _offline(spec: Any) -> str | None:
    """How a sandbox spec (`_spec`'s JSON) cuts the run off from the network, in words: its compose
    configuration held inline with every service's `network_mode` `none`; None otherwise (a
    configuration named by a file's path is not in the log, and is not read)."""
    if not isinstance(spec, dict):
        return None
    config = spec.get("config")
    services = config.get("services") if isinstance(config, dict) else None
    if not isinstance(services, dict) or not services:
        return None
    if all(isinstance(s, dict) and str(s.get("network_mode") or "").strip().lower() == "none" for s in services.values()):
        return f"`eval.sandbox` ({spec.get('type')}): `network_mode: none` on every service"
    return None


def _spec(spec: Any) -> Any:
    """A sandbox spec of the header (`eval.sandbox`) as the JSON a sample's record holds; None when unset."""
    return spec.model_dump(mode="json") if hasattr(spec, "model_dump") else spec


def _jsonable(value: Any) -> Any:
    """A score value or usage record as sorted JSON text."""
    import json

    return json.dumps(value, sort_keys=True, default=str)


def _dump(cfg: Any) -> dict[str, Any]:
    if cfg is None:
        return {}
    d = cfg.model_dump(exclude_none=True) if hasattr(cfg, "model_dump") else dict(cfg)
    return d if isinstance(d, dict) else {}


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _greedy(plan: Any, ev: Any) -> str | None:
    """The setting that made the run's sampling greedy, in words (`greedy_setting`), or None: the
    generate config the model answered under (the task's `plan.config` overlaid with the run's
    `eval.model_generate_config`, the later winning, as Inspect merges them), else a solver step's
    own arguments (`generate(temperature=0)`), else the model's arguments (`-M temperature=0`, a
    `generation_config` given there: `greedy_model_args`)."""
    task, given = _dump(plan.config) if plan else {}, _dump(ev.model_generate_config)
    merged = {**task, **{k: v for k, v in given.items() if v is not None}}
    said = greedy_setting("generate config", merged)
    if said is not None:
        key = said.split(":")[0].rsplit(".", 1)[1]
        where = "eval.model_generate_config" if given.get(key) is not None else "plan.config"
        return said.replace("generate config", where, 1)
    said = greedy_model_args("eval.model_args", getattr(ev, "model_args", None))
    if said is not None:
        return said
    for i, step in enumerate(plan.steps if plan else []):
        said = greedy_setting(f"plan.steps[{i}].params", step.params if isinstance(step.params, dict) else None)
        if said is not None:
            return f"{said} (solver `{step.solver}`)"
    return None


def _collect_tools(params: Any, out: list[str]) -> None:
    """Names of every tool in a solver step's parameters (Inspect records `{"type": "tool",
    "name": ...}`), in order, once each."""
    if isinstance(params, dict):
        if params.get("type") in ("tool", "tool_def") and isinstance(params.get("name"), str):
            if params["name"] not in out:
                out.append(params["name"])
            return
        for v in params.values():
            _collect_tools(v, out)
    elif isinstance(params, (list, tuple)):
        for v in params:
            _collect_tools(v, out)


def _scaffold(steps: list[str], tools: list[str]) -> Scaffold:
    short = [s.rsplit("/", 1)[-1] for s in steps]
    if any(s in _AGENT_SOLVERS or "agent" in s for s in short):
        return Scaffold.agent
    if tools:
        return Scaffold.tool_use
    if any(s in _PROMPT_SOLVERS for s in short):
        return Scaffold.prompted
    return Scaffold.none


def _scorer_name(h: Any, summaries: list[Any]) -> str | None:
    """The scorer a run's counts are read under: the first of the task's scorers (`eval.scorers`,
    in the task's order, which the prompt digest covers) that the results report, else the first
    the results report. Not the results' own order alone: a task scoring with a lenient and a
    strict scorer would be counted under whichever the log's `results.scores` lists first, and
    reordering that list keeps every digest."""
    scorers = getattr(h.eval, "scorers", None)
    if h.results and h.results.scores:
        reported = {str(sc.name) for sc in h.results.scores}
        first = next((str(sc.name) for sc in scorers or [] if str(sc.name) in reported), None)
        return first if first is not None else str(h.results.scores[0].name)
    if scorers:
        return str(scorers[0].name)
    for s in summaries:
        if s.scores:
            return str(next(iter(s.scores)))
    return None


def _scale(scorer: str | None, raw: list[tuple[str, int, Any]], options: ReadOptions,
           notes: list[str]) -> tuple[str, list[tuple[str, int, float]]]:
    """The scores' documented scale and the scores on it; never guessed."""
    values = [v for _, _, v in raw]
    if not values:
        return "binary", []
    if all(isinstance(v, str) and v in _CI for v in values):
        return "binary", [(s, e, _CI[v]) for s, e, v in raw]
    if all(isinstance(v, str) and v in _CIP for v in values):
        return "proportion", [(s, e, _CIP[v]) for s, e, v in raw]
    if all(isinstance(v, bool) for v in values):
        return "binary", [(s, e, float(v)) for s, e, v in raw]
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        rows = [(s, e, float(v)) for s, e, v in raw]
        short = (scorer or "").rsplit("/", 1)[-1]
        if short in _PROPORTION_SCORERS:
            return "proportion", rows
        if options.scale in ("binary", "proportion"):
            notes.append(f"scorer `{scorer}` documents no scale; using the declared scale '{options.scale}'")
            return options.scale, rows
        notes.append(f"scorer `{scorer}` gives numeric scores with no documented scale: no success "
                     "count was derived (declare the scale with --scale binary|proportion if you know it)")
        return "other", rows
    notes.append(f"scorer `{scorer}` gives scores casegate cannot place on a scale "
                 f"(e.g. {values[0]!r}): no success count was derived")
    return "other", []


def _bounded_archive(path: Path) -> None:
    """Refuse a zip bomb before inspect-ai opens the archive.

    The central directory is read first: too many entries, or members casegate would read (all
    but the sample transcripts) declaring more than the `log_bytes` limit, are refused without
    inflating anything. The declared sizes may lie, so those members are then inflated here,
    in chunks, and the count of bytes actually produced is capped by the same limit (the zip
    reader never yields more than a member declares, and a member that inflates to more fails
    its CRC).
    """
    import zipfile

    with contextlib.suppress(ImportError):
        import inspect_ai._util.zipfile  # noqa: F401  (registers the zstd codec .eval files use)
    lim = current_limits()
    where = str(path)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > lim.log_entries:
                raise LimitError("log_entries", f"the archive has {len(infos):,} entries", location=where)
            names: set[str] = set()
            for info in infos:
                if info.filename in names:
                    # which copy counts would depend on the reader (Python's takes the last, a
                    # viewer may show the first): one log read two ways is not evidence
                    raise LogReadError(f"the archive holds two members named {info.filename!r}, so readers "
                                       "can differ on which one the log says", location=where,
                                       help="use the .eval file the run wrote; an archive rewritten with a "
                                            "member added again is not that log")
                names.add(info.filename)
            read = [i for i in infos if not i.filename.startswith("samples/") and not i.is_dir()]
            declared = sum(i.file_size for i in read)
            if declared > lim.log_bytes:
                raise LimitError("log_bytes", f"the archive's header and summaries declare {declared:,} bytes "
                                 "once decompressed", location=where)
            inflated = 0
            for info in read:
                with zf.open(info) as member:
                    while chunk := member.read(1 << 20):
                        inflated += len(chunk)
                        if inflated > lim.log_bytes:
                            raise LimitError("log_bytes", "the archive's header and summaries inflate past "
                                             "the limit", location=where)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError,
            ValueError, RuntimeError) + _codec_errors() as e:
        raise LogReadError(f"inspect-ai cannot read this log: {e}", location=where,
                           help="the file is corrupt or truncated: copy it again from where the run wrote it") from None


def _codec_errors() -> tuple[type[BaseException], ...]:
    """What the zstd codec of `.eval` archives raises on a corrupt member (a frame whose bytes were
    changed): `zstandard.ZstdError`, no subclass of the errors the zip reader raises itself."""
    try:
        from zstandard import ZstdError
    except ImportError:  # no zstd codec: a zstd member is refused as an unsupported method
        return ()
    return (ZstdError,)
