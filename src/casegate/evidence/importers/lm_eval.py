"""lm-evaluation-harness results (`results_<time>.json`), with the per-sample
`samples_<task>_<time>.jsonl` files written beside them when the run logged samples.

The files are plain JSON and JSON lines, read directly (lm-eval is not needed to read them).
One results file may hold several tasks: each becomes its own run, all pinned to the same file;
a task's samples file is pinned too (its sha256 goes into `source.files`).

Mapping (documented in docs/evidence.md): attempts = 1 unless the metric's filter combines the
task's `repeats` (`filter_attempts`); tools = none (lm-eval
scores single prompts); scaffold = `prompted` with few-shot examples, a system instruction or a
chat template, else `none`; budget_tokens = `max_gen_toks` of generation tasks; generate_config
= the task's `generation_kwargs` overlaid with the run's `gen_kwargs`; solver = output type,
shots, chat template. lm-eval writes the results file only after every task finished, so a
results file means a completed run; a `limit` makes it partial (fewer samples scored than the
dataset has). A sample's id is its `doc_id` and a digest of its document (`_document_mark`), so
the digest of a task's sample ids pins its documents, not only their number; the digest also covers
each document's target (`_target_mark`), and a line whose `doc_hash`, `target_hash` or `prompt_hash`
is not the hash of what it holds is refused, and so is a samples file whose hashes do not give the
task hash the results file states (`task_hashes`). source.prompt_digest =
a digest of what the task asked each document (`prompt_digest`: its templates, few-shot settings
and, where it uses few-shot examples, the seed that drew them, description, delimiters, generation
arguments, filters, `process_results` and metric arguments). The generation arguments each
request of a `generate_until` task's samples file records (`arguments.gen_args_0.arg_1`) must be
the configuration's `generation_kwargs` (lm-eval builds every request from them): where they are
not, the run is read as its requests record them (digest, ceiling) and counts for a task the policy
names only under that digest (CG345); requests of different arguments give no digest.
source.revision is not recorded:
`git_hash` marks no uncommitted changes and is the working directory's commit wherever lm-eval
and the task were loaded from, so it ties no code. Scale: `acc`, `acc_norm` and `exact_match` are per-document 0/1 scores (binary);
other metrics have no documented scale and are refused.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path
from typing import Any

from ...limits import LimitError, current_limits, json_too_deep, long_number, read_regular_file
from ...model import Elicitation, Result, Scaffold, SourceRecord
from ..stats import Reduction
from ._claims import LM_EVAL_STAMP as _STAMP
from ._claims import lm_eval_claims
from ._common import (
    HUB_COMMIT,
    answers_arg,
    check_unchanged,
    counts_result,
    fine_tune_in,
    greedy_model_args,
    greedy_note,
    greedy_setting,
    hf_path_pinned,
    iso_date,
    model_args_dict,
    named_print,
    pinned_sha256,
    same_content,
    sample_print,
    scalars,
    settings_digest,
    variant_in,
)
from .interface import ImportedRun, LogReadError, ReadOptions

BINARY_METRICS = ("acc", "acc_norm", "exact_match")

# Filter steps that change each response on its own: they keep as many responses as they get.
_PER_RESPONSE = frozenset({"regex", "multi_choice_regex", "remove_whitespace", "lowercase", "uppercase",
                           "map", "format_span"})
_PASS_AT = re.compile(r"^pass(?:@|_at_)(\d+)\Z")


class LmEvalImporter:
    """lm-evaluation-harness `results_*.json` files."""

    name = "lm-eval"

    def claims(self, path: Path) -> bool:
        return lm_eval_claims(path)

    def read(self, path: Path, options: ReadOptions) -> list[ImportedRun]:
        where = str(path)
        sha = pinned_sha256(path)
        doc = _results_document(path)
        check_unchanged(path, sha)
        if not isinstance(doc, dict) or not isinstance(doc.get("results"), dict) or not isinstance(doc.get("configs"), dict):
            raise LogReadError("not an lm-eval results file (no `results` and `configs` sections)", location=where)
        stamp = _STAMP.match(path.name).group("stamp")  # type: ignore[union-attr]
        runs = []
        for task in sorted(doc["configs"]):
            if task not in doc["results"]:
                continue
            try:
                runs.append(self._task(path, sha, doc, task, stamp, options))
            except (AttributeError, KeyError, TypeError, ValueError, OverflowError) as e:
                # a field of an unexpected type: say which task, never a traceback
                raise LogReadError(
                    f"task `{task}` is not in the lm-eval results layout casegate reads ({type(e).__name__}: {e})",
                    location=where, help="check the file against the lm-eval release that wrote it") from None
        if not runs:
            raise LogReadError("the results file has no task with both a config and results", location=where)
        return runs

    def sample_prints(self, path: Path) -> frozenset[str]:
        """The content fingerprint of every line of the run's samples files (`sample_print`):
        the whole line (document, target, prompt, responses, filter, scores) but its `doc_id`,
        never the task's name or a date, so a run renamed and re-dated keeps its fingerprints. A
        task without a samples file (its counts then come from its metric) gives one fingerprint
        over its task's name and what the results file says of it (`named_print`: its results,
        config, version, sample counts and task hash, never the file's date or timings); a
        renamed copy of it cannot be told apart. Under the same limits as `read`."""
        sha = pinned_sha256(path)
        doc = _results_document(path)
        check_unchanged(path, sha)
        if not isinstance(doc, dict) or not isinstance(doc.get("configs"), dict):
            raise LogReadError("not an lm-eval results file (no `configs` section)", location=str(path))
        stamp = _STAMP.match(path.name).group("stamp")  # type: ignore[union-attr]
        out: set[str] = set()
        for task in sorted(doc["configs"]):
            samples_file = path.parent / f"samples_{task}_{stamp}.jsonl"
            try:
                if not samples_file.is_file():
                    out.add(named_print({"task": task, "results": _of(doc, "results", task),
                                         "config": doc["configs"][task],
                                         "n-samples": _of(doc, "n-samples", task),
                                         "version": _of(doc, "versions", task),
                                         "task_hash": _of(doc, "task_hashes", task)}))
                    continue
                if samples_file.stat().st_size > current_limits().json_bytes:
                    raise LimitError("json_bytes", "the samples file is too large", location=str(samples_file))
                with samples_file.open("rb") as f:
                    for n, line in enumerate(f, 1):
                        if line.strip():
                            sample = _line(line, n, samples_file)
                            if isinstance(sample, dict):
                                sample = {k: v for k, v in sample.items() if k != "doc_id"}
                            out.add(sample_print({"sample": sample}))
            except OSError as e:
                raise LogReadError(f"cannot read the samples file: {e.strerror}", location=str(samples_file)) from None
        return frozenset(out)

    def _task(self, path: Path, sha: str, doc: dict[str, Any], task: str, stamp: str,
              options: ReadOptions) -> ImportedRun:
        where = f"{path} (task {task})"
        cfg: dict[str, Any] = doc["configs"][task] or {}
        res: dict[str, Any] = doc["results"][task] or {}
        run_cfg: dict[str, Any] = doc.get("config") or {}
        notes: list[str] = []
        date, created = iso_date(doc.get("date"), str(path))

        metrics: dict[str, float | None] = {}
        for k, v in res.items():
            if "," in k and (isinstance(v, (int, float)) or v is None or v == "N/A"):
                name, _, filt = k.partition(",")
                key = name if filt == "none" else f"{name},{filt}"
                metrics[key] = float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
                if metrics[key] is not None and not math.isfinite(metrics[key]):  # type: ignore[arg-type]
                    if key.endswith("_stderr") or "_stderr," in key:
                        metrics[key] = None  # a standard error that could not be computed
                        notes.append(f"`{k}` is {v}: recorded as not computed")
                    else:
                        raise LogReadError(f"task `{task}`: metric `{k}` is {v}, not a number casegate can "
                                           "compare with a threshold", location=where,
                                           help="rerun the evaluation, or check why the metric was not computed")
        metric = counted_metric(cfg, metrics)
        value = metrics.get(metric) if metric else None
        stderr = metrics.get(f"{metric}_stderr") if metric else None

        n = doc.get("n-samples", {}).get(task, {}) or {}
        original, effective = n.get("original"), n.get("effective")
        gen_kwargs = cfg.get("generation_kwargs") or {}
        run_gen = run_cfg.get("gen_kwargs") or {}
        if isinstance(run_gen, str):
            run_gen = dict(kv.split("=", 1) for kv in run_gen.split(",") if "=" in kv)
        gen = scalars(gen_kwargs, run_gen)
        shots = cfg.get("num_fewshot")
        shots = int(doc.get("n-shot", {}).get(task, shots or 0) or 0)
        out_type = str(cfg.get("output_type") or "unknown")
        steps = [out_type, f"{shots}-shot"]
        if doc.get("chat_template"):
            steps.append("chat-template")
        if doc.get("system_instruction"):
            steps.append("system-instruction")
        scaffold = Scaffold.prompted if (shots > 0 or len(steps) > 2) else Scaffold.none
        # the ceiling on one generation: the task's, or a lower one the run's `--gen_kwargs` or the
        # model's arguments (`--model_args max_gen_toks=...`) set
        margs_cfg = run_cfg.get("model_args")
        margs_gen = model_args_dict(margs_cfg)
        ceilings = [_count(src.get("max_gen_toks")) for src in (gen_kwargs, run_gen, margs_gen) if isinstance(src, dict)]
        known = [c for c in ceilings if c is not None]
        budget = min(known) if known and out_type == "generate_until" else None
        repeats = int(cfg.get("repeats") or 1)
        attempts, reduction, note = filter_attempts(cfg, metric, repeats)
        unrecorded = False
        # greedy in the task's or the run's generation kwargs, or in the model's own arguments
        # (`--model_args ...,temperature=0`, `do_sample=False`, a `generation_config`)
        greedy = (greedy_setting("generation_kwargs", gen) or greedy_model_args("config.model_args", margs_cfg)) \
            if attempts > 1 else None
        if greedy is not None:
            # each repeat generated the same greedy answer again: one attempt, not `attempts`
            note, attempts = greedy_note(greedy, attempts), 1
        elicitation = Elicitation(attempts=attempts, scaffold=scaffold, tools=[],
                                  budget_tokens=budget, max_tokens=budget, solver=steps, generate_config=gen)

        files: dict[str, str] = {}
        asked: dict[str, str] = {}
        marks: dict[str, str] = {}
        unseen: str | None = None
        scored: int | None
        rows: list[tuple[str, int, float]] | None = None
        task_hash: str | None = None
        samples_file = path.parent / f"samples_{task}_{stamp}.jsonl"
        requested: list[dict[str, Any]] = []
        try:
            has_samples = samples_file.exists()
        except OSError:  # a task name too long for a file name: no samples file can carry it
            has_samples = False
        if has_samples and metric is not None:
            if not samples_file.is_file() or samples_file.stat().st_size > current_limits().json_bytes:
                raise LogReadError("not a regular file within the size limit (a device, FIFO or huge file); "
                                   "refused", location=str(samples_file),
                                   help="copy the samples file the run wrote")
            fsha = pinned_sha256(samples_file)
            rows, fewest, asked, marks, unseen, task_hash = _sample_rows(samples_file, metric)
            requested = _requested_generation(samples_file) if out_type == "generate_until" else []
            check_unchanged(samples_file, fsha)
            _check_document_count(rows, effective, task, metric, samples_file, path)
            files[samples_file.name] = fsha
            if out_type == "generate_until" and fewest is not None and fewest[1] < attempts:
                # the samples file is the record of what was generated: fewer responses, fewer attempts
                note = (f"document `{fewest[0]}` has {fewest[1]} response{'s' if fewest[1] != 1 else ''} in the "
                        f"samples file, not the {attempts} that `repeats: {repeats}` and filter "
                        f"`{(metric or '').partition(',')[2] or 'none'}` combine; the file has no record of the others")
                unrecorded, attempts = True, max(fewest[1], 1)
                elicitation = elicitation.model_copy(update={"attempts": attempts})
        base = (metric or "").partition(",")[0]
        scale = "binary" if base in BINARY_METRICS else (options.scale or "other")
        cache = run_cfg.get("use_cache") or None
        if cache is not None:
            # `--use_cache`: lm-eval answers every request it finds in a SQLite file of responses
            # (keyed by the request, on the developer's machine, fillable by a run of another model)
            # and records no mark of which were read from it, so no document's score is known to be
            # the model's in this run: none is counted as scored
            notes.append(f"the run read responses from a cache (`config.use_cache`: {_shorten(str(cache))}); which "
                         "were the model's in this run is not recorded, so no document is counted as scored: run "
                         "again without --use_cache")
        if rows is not None:
            _check_aggregate(cfg, metric, value, rows, task, samples_file, path)
            _check_task_hash(doc, task, task_hash, samples_file, path)
            counted = [] if cache is not None else rows
            result = counts_result(counted, scale, reduction or options.reduction, metric=metric, value=value,
                                   stderr=stderr, where=str(samples_file))
            scored = len({r[0] for r in counted})
        elif cache is not None:
            result = Result(metric=metric, value=value, stderr=stderr,
                            scale="proportion" if scale == "proportion" else "other")
            scored = 0
        elif scale == "binary" and value is not None and isinstance(effective, int):
            # the metric is the mean of per-document 0/1 scores over `effective` documents
            succ = value * effective
            if abs(succ - round(succ)) > 1e-6 or math.isnan(succ):
                raise LogReadError(f"`{metric}` = {value} is not a whole number of successes out of {effective}",
                                   location=where)
            result = Result(successes=int(round(succ)), trials=effective, metric=metric, value=value,
                            stderr=stderr, scale="binary", reduction=reduction or options.reduction)
            scored = effective
            notes.append(f"no samples file for `{task}`: counts derived from `{metric}` x {effective} documents")
        else:
            result = Result(metric=metric, value=value, stderr=stderr,
                            scale="proportion" if scale == "proportion" else "other")
            scored = effective if isinstance(effective, int) else None
        if result.scale == "other":
            why = "has no documented scale" if base not in BINARY_METRICS else "has neither samples nor a value"
            notes.append(f"metric `{metric}` of `{task}` {why}: no success count was derived")
        if run_cfg.get("limit") is not None:
            notes.append(f"the run used --limit {run_cfg['limit']}: only part of `{task}` was scored")
        unlike = _unlike_requests(task, gen_kwargs, requested, samples_file.name)
        digested = doc
        if unlike is not None and len(requested) == 1:
            # the configuration is not the run's record of how it generated: each request, as the
            # samples file records it, is (a results file edited to look default, its `max_gen_toks`
            # put back at 16 while every request asked for 1). Read under the samples' word: their
            # arguments are the task's `generation_kwargs`, in the digest and the ceiling
            said = requested[0]
            digested = {**doc, "configs": {**doc["configs"], task: {**cfg, "generation_kwargs": said}}}
            cut = _count(said.get("max_gen_toks"))
            if cut is not None and (elicitation.max_tokens is None or cut < elicitation.max_tokens):
                elicitation = elicitation.model_copy(update={"max_tokens": cut, "budget_tokens": cut})
            elicitation = elicitation.model_copy(update={"generate_config": scalars(said, run_gen)})
        digest = prompt_digest(digested, task, task_hash if rows is not None else None)
        if unlike is not None and len(requested) > 1:
            # requests asked with different arguments: no one set of settings is the run's
            digest = None
            notes.append(f"{unlike}: no prompt digest (a policy pinning one does not count the run)")
        if digest is None and isinstance(doc.get("configs"), dict) and isinstance(doc["configs"].get(task), dict):
            local = _local_source(cfg)
            notes.append(f"`{task}` draws its few-shot examples from "
                         f"{f'local data ({local})' if local else f'data no commit pins ({_unpinned_source(cfg)})'}, "
                         "whose content "
                         "only the samples file's prompts record, and this run has no samples file with their hashes: "
                         "no prompt digest (a policy pinning one does not count the run)")
        model = str(run_cfg.get("model") or doc.get("model_name") or "unknown")
        margs = run_cfg.get("model_args")
        margs_dict: dict[str, Any] = model_args_dict(margs)
        variant, vfield = variant_in(margs_dict, str(margs_dict.get("pretrained") or doc.get("model_name") or ""),
                                     "config.model_args.variant", "config.model_args.pretrained")
        tuned, tfield = fine_tune_in(margs_dict, "config.model_args")
        if isinstance(margs, str) and margs:
            model += f" ({margs})"
        elif isinstance(margs, dict) and margs:
            model += " (" + ",".join(f"{k}={v}" for k, v in sorted(margs.items())) + ")"
        version = doc.get("versions", {}).get(task)
        if isinstance(doc.get("git_hash"), str) and doc["git_hash"].strip():
            # lm-eval records the working directory's commit (`git describe --always`) with no mark of
            # uncommitted changes, whether or not lm-eval and the task's code came from it: a task
            # edited in a checkout of the pinned commit, or an lm-eval build installed from
            # elsewhere, records the pinned commit all the same
            notes.append(f"the run records the commit `{doc['git_hash'].strip()}` (`git_hash`), lm-eval's "
                         "`git describe` of the working directory with no mark of uncommitted changes or of "
                         "where lm-eval and the task were loaded from: it ties no task code, so no code "
                         "revision is recorded")
        source = SourceRecord(
            tool=self.name, tool_version=doc.get("lm_eval_version"), task=task,
            task_version=str(version) if version is not None else None, model=model,
            status="success", created=created, revision=None, epochs=repeats,
            metrics=metrics, samples=original if isinstance(original, int) else None, scored=scored,
            scorer=metric, files=files, prompt_digest=digest,
        )
        return ImportedRun(artifact=path, sha256=sha, task=task, date=date, title=str(res.get("alias") or task),
                           eval_set=[task], elicitation=elicitation, result=result, source=source, notes=notes,
                           variant=variant, variant_field=vfield, fine_tune=tuned, fine_tune_field=tfield,
                           attempts_note=note, greedy=greedy,
                           attempts_unrecorded=unrecorded, same_input=same_content(asked), sample_marks=marks,
                           samples_unseen=unseen, task_package=task_package(doc, cfg),
                           data_unpinned=_unpinned_source(cfg),
                           asked_at_run=[f"the model argument `{k}` (config.model_args), which changes how the model "
                                         "answers" for k in sorted(margs_dict) if answers_arg(str(k))]
                           + _generation_at_run(run_gen, out_type) + ([unlike] if unlike else []))


def _requested_generation(path: Path) -> list[dict[str, Any]]:
    """The distinct generation arguments the samples file records for the requests of a
    `generate_until` task (`arguments.gen_args_<i>.arg_1`: lm-eval builds each request with a copy
    of the task's `generation_kwargs`, `--gen_kwargs` merged in), in the order first seen; empty
    where no line records any. The file is read (and its lines checked) by `_sample_rows` first."""
    out: list[dict[str, Any]] = []
    with path.open("rb") as f:
        for line in f:
            if not line.strip():
                continue
            args = json.loads(line).get("arguments")
            for req in args.values() if isinstance(args, dict) else ():
                said = req.get("arg_1") if isinstance(req, dict) else None
                if isinstance(said, dict) and said not in out:
                    out.append(said)
    return out


def _unlike_requests(task: str, stated: Any, requested: list[dict[str, Any]], samples: str) -> str | None:
    """Why the generation arguments the samples file records for each request are not the task's
    `generation_kwargs` in the results file's configuration, in words; None where they are (or
    the file records none). Every request of a run is built from the same arguments, so requests
    differing among themselves are not one run's record either."""
    if not requested:
        return None
    if len(requested) > 1:
        shown = "; ".join(_shorten(json.dumps(r, sort_keys=True, default=str)) for r in requested[:3])
        return (f"the requests of `{task}` in the samples file ({samples}, arguments.gen_args_0.arg_1) were made "
                f"with {len(requested)} different sets of generation arguments ({shown}), where lm-eval makes every "
                "request of a task with the same")
    if isinstance(stated, dict) and stated == requested[0]:
        return None
    differ = sorted({str(k) for k in requested[0]} ^ {str(k) for k in (stated if isinstance(stated, dict) else {})}
                    | {str(k) for k in requested[0] if isinstance(stated, dict) and k in stated
                       and stated[k] != requested[0][k]})
    shown = ", ".join(f"{k}={requested[0].get(k, '(unset)')!r}" for k in differ[:4])
    return (f"the generation arguments each request of the samples file records ({samples}, "
            f"arguments.gen_args_0.arg_1: {shown}) are not the configuration's "
            f"(configs.{task}.generation_kwargs: {_shorten(json.dumps(stated, sort_keys=True, default=str))}): "
            "the run is read as its requests record it, which changes how the model answers")


def _generation_at_run(run_gen: Any, out_type: str) -> list[str]:
    """The generation arguments the run gave its generation task (`--gen_kwargs`, recorded as
    `config.gen_kwargs` and merged by lm-eval into the configuration's `generation_kwargs` of every
    `generate_until` task): a thinking switch (`enable_thinking=False`), a lower `max_gen_toks` that
    cuts the reasoning before the answer, stop strings (`until`) that end it at the first line, a
    sampling setting. Each changes how the model answers a task whose name, version and documents
    stay; lm-eval gives them to no other output type."""
    if out_type != "generate_until" or not isinstance(run_gen, dict):
        return []
    return [f"the generation argument `{k}` given for the run (config.gen_kwargs: {_shorten(str(run_gen[k]))}), "
            "which changes how the model answers" for k in sorted(run_gen, key=str)]


_PROMPT_FIELDS = ("output_type", "doc_to_text", "doc_to_target", "doc_to_choice", "gen_prefix", "description",
                  "target_delimiter", "fewshot_delimiter", "fewshot_config", "fewshot_split", "num_fewshot",
                  "use_prompt", "generation_kwargs", "filter_list", "process_results", "metric_list",
                  "multiple_input", "multiple_target")
"""The settings of a task's configuration (`configs.<task>`) that decide what each document is asked and
how its answer is read and judged: the templates, the few-shot examples and delimiters, the
instruction before them, generation arguments, the filters that pick the scored answer, the code
that scores it (`process_results`) and the metrics with their arguments (`metric_list`: an
`exact_match` that no longer ignores case or punctuation, or ignores other text, judges the same
answers otherwise under the same metric name). The task's name, dataset and metadata are left out
(the sample digest pins the documents); where the task uses few-shot examples, the dataset they are
drawn from is in (`_FEWSHOT_SOURCE`)."""

_PROMPT_RUN_FIELDS = ("system_instruction", "fewshot_as_multiturn")
"""Settings of the whole run (the results file's top level) that change what every task asks."""


_FEWSHOT_SOURCE = ("dataset_path", "dataset_name", "dataset_kwargs", "custom_dataset", "training_split",
                   "validation_split", "test_split", "process_docs")
"""The settings of a task's configuration that say which dataset, files, revision and split its
few-shot examples are drawn from and how its documents are prepared (`process_docs`, applied to the
few-shot split too): in the prompt digest where the task uses few-shot examples."""


_CONTEXT_ARGS = ("max_length", "max_model_len", "max_seq_len", "max_seq_length", "truncation", "truncate")
"""Model arguments (`config.model_args`) that set how long a prompt the model is given, past which
lm-eval's models cut the prompt from the left (`hf`'s and the API models' `max_length`, vLLM's
`max_model_len`), or whether they cut it."""


def _local_source(cfg: dict[str, Any]) -> str | None:
    """Where a task's data comes from when the developer holds it: a local data file named in
    `dataset_kwargs` (`data_files`, `data_dir`; not a web or hub address), a `dataset_path` that is
    a filesystem path, or a `custom_dataset` (code); None for a dataset on the hub."""
    def local(v: Any) -> list[str]:
        if isinstance(v, str):
            return [] if re.match(r"^(https?|hf|s3|gs)://", v.strip()) else [v]
        if isinstance(v, dict):
            return [x for y in v.values() for x in local(y)]
        if isinstance(v, (list, tuple)):
            return [x for y in v for x in local(y)]
        return []

    kw = cfg.get("dataset_kwargs")
    kw = kw if isinstance(kw, dict) else {}
    found = local(kw.get("data_files")) + local(kw.get("data_dir"))
    path = cfg.get("dataset_path")
    if isinstance(path, str) and re.match(r"^(/|\\|\.{1,2}[/\\]|~|[A-Za-z]:[/\\])", path.strip()):
        found.append(path)
    if cfg.get("custom_dataset"):
        found.append("custom_dataset")
    return ", ".join(sorted(set(map(str, found)))) or None


_BUILDERS = frozenset({"json", "csv", "parquet", "text", "arrow", "pandas", "sql", "xml", "webdataset", "imagefolder",
                       "audiofolder", "videofolder", "pdffolder", "niftifolder", "generator", "spark", "hdf5", "lance",
                       "cache", "folder_based_builder"})
"""`dataset_path` values that name one of the `datasets` library's own loaders, which read the files
`dataset_kwargs` names (`data_files`, `data_dir`) rather than a dataset of the hub."""

def _unpinned_source(cfg: dict[str, Any]) -> str | None:
    """Where a task reads its data by a name whose content can change under it, in words: a
    Hugging Face hub `dataset_path` given no commit as `dataset_kwargs.revision` (a branch or tag
    such as `main` moves), or data files named by a web address (`https://`, `s3://`, `gs://`, or an
    `hf://` path not at a full commit id); None where every source is pinned or local (`_local_source`)."""
    kw = cfg.get("dataset_kwargs")
    kw = kw if isinstance(kw, dict) else {}
    found: list[str] = []
    path = cfg.get("dataset_path")
    rev = kw.get("revision")
    if (isinstance(path, str) and path.strip() and path.strip().lower() not in _BUILDERS
            and not re.match(r"^(/|\\|\.{1,2}[/\\]|~|[A-Za-z]:[/\\])", path.strip())
            and not (isinstance(rev, str) and HUB_COMMIT.fullmatch(rev.strip()))):
        said = (f"revision `{rev}`, not a full 40-digit commit id" if rev is not None
                else "no revision")
        found.append(f"the Hugging Face hub dataset `{path.strip()}` with {said} "
                     f"(configs.<task>.dataset_path, dataset_kwargs.revision)")

    def remote(v: Any) -> list[str]:
        if isinstance(v, str):
            t = v.strip()
            if re.match(r"^(https?|s3|gs)://", t) or (t.lower().startswith("hf://") and not hf_path_pinned(t)):
                return [t]
            return []
        if isinstance(v, dict):
            return [x for y in v.values() for x in remote(y)]
        if isinstance(v, (list, tuple)):
            return [x for y in v for x in remote(y)]
        return []

    files = remote(kw.get("data_files")) + remote(kw.get("data_dir"))
    if files:
        found.append("data files named by a web address, which no revision pins (" + ", ".join(sorted(set(files))[:3])
                     + (", ..." if len(set(files)) > 3 else "") + ")")
    return "; ".join(found) or None


def _of(doc: dict[str, Any], section: str, task: str) -> Any:
    """What the results file's `section` says of `task`; None where the section is absent or not
    a mapping (as `read` takes it: such a section says nothing of any task)."""
    got = doc.get(section)
    return got.get(task) if isinstance(got, dict) else None


def task_package(doc: dict[str, Any], cfg: Any) -> str | None:
    """The package the task's configuration was loaded from, `lm_eval==<lm_eval_version>`, where
    the configuration's recorded source (`configs.<task>.metadata.config_source`) lies in lm-eval's
    own task folder (`lm_eval/tasks/`); None for a task YAML from anywhere else (the developer's own,
    given with `--include_path`, under a standard name or not), or where the results file records no
    source or no lm-eval version. What the version's code does is the file's word: a build of
    lm-eval of the developer's own stating the upstream version is not told apart (its task settings
    are, by the prompt digest)."""
    meta = cfg.get("metadata") if isinstance(cfg, dict) else None
    src = meta.get("config_source") if isinstance(meta, dict) else None
    ver = doc.get("lm_eval_version")
    if not isinstance(src, str) or not isinstance(ver, str) or not ver.strip() or "," in ver:
        return None
    parts = src.replace("\\", "/").split("/")
    inside = any(parts[i] == "lm_eval" and parts[i + 1] == "tasks" for i in range(len(parts) - 1))
    return f"lm_eval=={ver.strip()}" if inside and ".." not in parts else None


def prompt_digest(doc: dict[str, Any], task: str, prompts: str | None = None) -> str | None:
    """`sha256:` over canonical JSON of what `task` asked each document as the results file records
    it: its configuration's `_PROMPT_FIELDS`, the shots the run used (`n-shot`), the run's
    `gen_kwargs` and `_PROMPT_RUN_FIELDS`, the chat template the prompts were wrapped in where
    one was (`chat_template`), and the seed the few-shot examples were drawn with where the task
    uses them (`config.fewshot_seed`) with the dataset and split they are drawn from
    (`_FEWSHOT_SOURCE`), and the context ceiling the run's model arguments set
    (`_CONTEXT_ARGS`) where they set one. A standard task name over a changed template, few-shot
    setting or draw, a prompt cut to a context ceiling, description, delimiter, generation argument, filter, scoring code or metric
    argument gives another digest. Model arguments that change how the model answers
    (`answers_arg`: a thinking switch, a reasoning setting, quantization, sampling) are in where set.
    Where the few-shot examples come from local data (`_local_source`: a data file or folder the
    developer holds, edited in place under the same path), the prompts as the samples file records
    them (`prompts`: the task hash its lines give, checked against the results file's) are in too;
    None when the run has none (no samples file), as when the file records no configuration for
    the task."""
    cfg = (doc.get("configs") or {}).get(task)
    if not isinstance(cfg, dict):
        return None
    stated = doc.get("config")
    run_cfg: dict[str, Any] = stated if isinstance(stated, dict) else {}
    gen = run_cfg.get("gen_kwargs") or {}
    if isinstance(gen, str):
        gen = dict(kv.split("=", 1) for kv in gen.split(",") if "=" in kv)
    shots = (doc.get("n-shot") or {}).get(task) if isinstance(doc.get("n-shot"), dict) else None
    parts = {"task": {k: cfg.get(k) for k in _PROMPT_FIELDS}, "n-shot": shots,
             "gen_kwargs": gen or None, "run": {k: doc.get(k) or None for k in _PROMPT_RUN_FIELDS}}
    if _uses_fewshot(cfg, shots):
        # lm-eval draws each document's few-shot examples from the few-shot split with a generator
        # seeded by `--fewshot_seed` (recorded as `config.fewshot_seed`): another seed puts other
        # examples before every question under the same settings, so a run can be repeated until
        # a draw lowers the score. Recorded as stated (None where the file states none); a run
        # without few-shot examples is digested as before
        parts["fewshot_seed"] = run_cfg.get("fewshot_seed")
        # and from where: the examples come from the task's dataset (`fewshot_split`, else its
        # training or validation split, through `process_docs`), which the sample digest does not
        # pin (it pins the documents asked); the same test documents under another dataset path,
        # configuration, data files or revision, or another split, put other examples (a copy whose
        # training answers are wrong) before every question
        parts["fewshot_source"] = {k: cfg.get(k) for k in _FEWSHOT_SOURCE}
        if _local_source(cfg) or _unpinned_source(cfg):
            # examples read from a file or folder the developer holds, or from a hub dataset (or
            # remote files) no commit pins: its content is in no setting the results file records (a
            # training file with its answers changed keeps the path, a new commit of the dataset
            # keeps its name), only in each document's prompt, which the samples file records
            # (`prompt_hash`) and the task hash ties to the results file; without those prompts the
            # run has no digest
            if not prompts:
                return None
            parts["fewshot_prompts"] = prompts
    margs = run_cfg.get("model_args")
    margs = margs if isinstance(margs, dict) else (
        dict(kv.split("=", 1) for kv in margs.split(",") if "=" in kv) if isinstance(margs, str) else {})
    answering = {str(k): str(v).strip() for k, v in margs.items() if answers_arg(str(k))}
    if answering:
        # how the model answers as its arguments set it: thinking switched off (`enable_thinking=False`)
        # or its output cut at a token of the developer's choice (`think_end_token`), a reasoning
        # effort, quantized weights, a sampling setting; a run setting none is digested as before
        parts["model_answering"] = answering
    context = {k: str(margs[k]).strip() for k in _CONTEXT_ARGS if k in margs}
    if context:
        # the model's context ceiling as the run set it: lm-eval cuts each prompt from the left
        # to fit it (a `max_length=64` drops the few-shot examples, the description and the start
        # of every question, with a warning in the run's output only); a run setting none is
        # digested as before
        parts["context"] = context
    if doc.get("chat_template"):
        # the template every prompt was wrapped in (`--apply_chat_template`): a template of the
        # developer's own can add an instruction to each one; a run without one is digested as before
        parts["chat_template"] = doc["chat_template"]
    return settings_digest(parts)


def counted_metric(cfg: dict[str, Any], metrics: dict[str, float | None]) -> str | None:
    """The metric a task's counts are read under: the first metric its `metric_list` declares,
    under the default filter (`name`) or else under the first filter of its `filter_list` that
    scored it (`name,filter`), in the configuration's order; failing both, the first of the
    results' keys in sorted order. Never the results file's own key order: a task scoring its
    answers under several filters (a strict and a flexible extraction) would otherwise be counted
    under whichever filter the file lists first, and reordering the keys keeps every digest, while
    the configuration's order is in the prompt digest."""
    declared = [m.get("metric") for m in cfg.get("metric_list") or [] if isinstance(m, dict)]
    declared = [m for m in declared if isinstance(m, str)]
    filters = ["none"] + [f.get("name") for f in cfg.get("filter_list") or []
                          if isinstance(f, dict) and isinstance(f.get("name"), str)]
    for name in declared:
        for filt in filters:
            key = name if filt == "none" else f"{name},{filt}"
            if key in metrics:
                return key
    return next((k for k in sorted(metrics) if "_stderr" not in k), None)


def _uses_fewshot(cfg: dict[str, Any], shots: Any) -> bool:
    """Whether a task puts few-shot examples before its documents: the shots the run used
    (`n-shot.<task>`), else the configuration's `num_fewshot`."""
    n = shots if shots is not None else cfg.get("num_fewshot")
    if isinstance(n, str) and n.strip().isdigit():
        n = int(n.strip())
    return isinstance(n, (int, float)) and not isinstance(n, bool) and n > 0


def filter_attempts(cfg: dict[str, Any], metric: str | None,
                    repeats: int) -> tuple[int, Reduction | None, str | None]:
    """(attempts, reduction, why fewer than `repeats`) of a task's metric, from the filter it was
    scored under. lm-eval generates `repeats` responses per document and each filter (the task's
    `filter_list`, else the default `none`, which is `take_first`) turns them into what the metric
    scores. Only these count more than one attempt:

    - a `majority_vote` step: a vote over every response the steps before it kept (all, or the
      first k of a `take_first_k`), counted as the `majority` reduction (lm-eval's maj@k);
    - a metric named `pass@k` / `pass_at_k` whose filter keeps every response (no `take_first`):
      k of them (at most `repeats`), with no reduction casegate can restate.

    Anything else (`take_first`, a `take_first_k` with no vote after it, a step casegate does not
    know) scores one response per document: one attempt, whatever `repeats` says."""
    if repeats <= 1:
        return 1, None, None
    filt = (metric or "").partition(",")[2] or "none"
    entry = next((f for f in cfg.get("filter_list") or [] if isinstance(f, dict) and f.get("name") == filt), None)
    steps = [s.get("function") if isinstance(s, dict) else s for s in (entry or {}).get("filter") or []]
    if entry is None and filt == "none":
        steps = ["take_first"]  # lm-eval's default filter
    one = f"`repeats: {repeats}`, but `{metric}` is scored under filter `{filt}` ({' -> '.join(map(str, steps)) or 'no steps'}), "
    kept, unknown = repeats, None
    for step in steps:
        if step == "majority_vote":
            if kept <= 1:
                break
            return kept, "majority", (None if kept == repeats else one + f"which votes over the first {kept} responses")
        if step == "take_first":
            kept = 1
        elif step == "take_first_k":
            k = next((s.get("k") for s in (entry or {}).get("filter") or []
                      if isinstance(s, dict) and s.get("function") == "take_first_k"), None)
            kept = min(kept, k) if isinstance(k, int) and k >= 1 else 1
        elif step not in _PER_RESPONSE and unknown is None:
            unknown = str(step)
    m = _PASS_AT.match((metric or "").partition(",")[0])
    if m and kept == repeats and "take_first" not in steps and "take_first_k" not in steps:
        k = min(int(m.group(1)), repeats)
        return max(k, 1), None, (None if k == repeats else one + f"and `pass@{k}` uses {k} of them")
    if unknown is not None and kept > 1:
        return 1, None, one + f"whose step `{unknown}` is not one casegate knows to combine responses: one attempt is counted"
    return 1, None, one + "which scores only the first response of each document"


def _check_document_count(rows: list[tuple[str, int, float]], effective: Any, task: str, metric: str,
                          samples_file: Path, path: Path) -> None:
    """Refuse a samples file that scores another number of documents than the results file says
    the run scored (`n-samples.<task>.effective`). The counts are read from the samples file, and a
    mean does not change when documents are repeated under new `doc_id`s: 8 of 24 written three
    times is 24 of 72, the same `acc` the results file states, and a narrower bound."""
    if not isinstance(effective, int) or isinstance(effective, bool) or len(rows) == effective:
        return
    raise LogReadError(
        f"task `{task}`: the results file says the run scored {effective} document(s) "
        f"(`n-samples.{task}.effective`), but the samples file scores {len(rows)} under `{metric}`: "
        "the two files are not of one run", location=str(samples_file),
        help=f"copy both files the run wrote ({path.name} and {samples_file.name}) unchanged")


def _check_aggregate(cfg: dict[str, Any], metric: str | None, value: float | None,
                     rows: list[tuple[str, int, float]], task: str, samples_file: Path, path: Path) -> None:
    """Refuse a samples file whose per-document scores do not give the metric the results file
    states. lm-eval aggregates a metric whose `metric_list` entry says `aggregation: mean` (the
    default of `acc`, `acc_norm` and `exact_match`) as the mean of the per-document scores it
    writes to the samples file: the two files of one run agree. The counts are read from the
    samples file, so one rewritten without the other would change them while the results file
    (the artifact pinned by the item's sha256) stays the same bytes."""
    if metric is None or value is None or not rows:
        return
    name, _, _filt = metric.partition(",")
    entry = next((m for m in cfg.get("metric_list") or [] if isinstance(m, dict) and m.get("metric") == name), None)
    aggregation = entry.get("aggregation") if entry is not None else None
    if not (aggregation == "mean" or (aggregation is None and name in BINARY_METRICS)):
        return  # another aggregation (corpus-level, a custom function): nothing to recompute
    mean = math.fsum(r[2] for r in rows) / len(rows)
    if not math.isclose(mean, value, rel_tol=1e-9, abs_tol=1e-9):
        n = len(rows)
        raise LogReadError(
            f"task `{task}`: the results file states `{metric}` = {value:.6g}, but the samples file's "
            f"{n} per-document scores give {mean:.6g} ({math.fsum(r[2] for r in rows):g} of {n}): the two "
            f"files are not of one run", location=str(samples_file),
            help=f"copy both files the run wrote ({path.name} and {samples_file.name}) unchanged")


def _results_document(path: Path) -> Any:
    """The results file parsed, within the `json_bytes` and depth limits."""
    where = str(path)
    raw = read_regular_file(path, where, limit="json_bytes")
    if json_too_deep(raw, current_limits().depth):
        raise LimitError("depth", "the JSON nests too deep", location=where)
    try:
        doc = json.loads(raw)
    except RecursionError:
        raise LimitError("depth", "the JSON nests too deep", location=where) from None
    except (ValueError, UnicodeDecodeError) as e:  # ValueError: also a number too long to read
        raise LogReadError(f"not a readable lm-eval results file: {long_number(e, raw) or e}", location=where,
                          help="the file is corrupt or truncated: copy it again from the run's output folder") from None
    return doc


def _line(line: bytes, n: int, path: Path) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        raise LogReadError(f"line {n} is not a JSON document", location=str(path)) from None


def _sample_rows(path: Path, metric: str) -> tuple[list[tuple[str, int, float]], tuple[str, int] | None,
                                                   dict[str, str], dict[str, str], str | None, str | None]:
    """(doc_id, 1, score) of each document scored under the metric's filter (`name,filter`; the
    line holds the score under `name`), the document with the fewest responses to its first
    request with their number (None when no line records `resps`), and what each document asks
    (its `doc` and `target`, else their hashes; none when a line records neither). lm-eval writes one line per
    document and filter: a document on two lines of one filter is refused (counted twice or
    merged, either would make the counts say what the run did not). Also each document's target
    mark (`_target_mark`), every line's hashes checked against what they hash (`_check_hashes`), and
    why the samples' content is not seen (`_content_unseen`), or None when every line holds it; and
    the task hash lm-eval states for the file (`_task_hash`), or None when a line holds no hashes."""
    rows: list[tuple[str, int, float]] = []
    unseen: str | None = None
    asked: dict[str, str] = {}
    marks: dict[str, str] = {}
    first: dict[str, int] = {}
    fewest: tuple[str, int] | None = None
    hashes: list[str] | None = []
    name, _, filt = metric.partition(",")
    filt = filt or "none"
    try:
        with path.open("rb") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    hashes = _line_hashes(d, hashes)
                    if d.get("filter", filt) != filt:
                        continue  # the document scored under another filter
                    v = d[name]
                    did = str(d["doc_id"])
                    rows.append((did + _document_mark(d), 1, float(v)))
                    _check_hashes(d, n, path)
                    unseen = unseen or _content_unseen(d, n, path)
                    if mark := _target_mark(d):
                        marks[rows[-1][0]] = mark
                    if "doc" in d or "doc_hash" in d:
                        asked[rows[-1][0]] = json.dumps(
                            [d["doc"], d.get("target")] if "doc" in d else [d["doc_hash"], d.get("target_hash")],
                            sort_keys=True, default=str)
                    resps = d.get("resps")
                    if isinstance(resps, list) and resps and isinstance(resps[0], list) and (
                            fewest is None or len(resps[0]) < fewest[1]):
                        fewest = (rows[-1][0], len(resps[0]))
                except (json.JSONDecodeError, KeyError, TypeError, ValueError, RecursionError, AttributeError):
                    raise LogReadError(f"line {n} is not an lm-eval sample with `doc_id` and `{name}`",
                                       location=str(path)) from None
                seen = first.setdefault(did, n)
                if seen != n:
                    raise LogReadError(
                        f"line {n} repeats sample `doc_id` {did} (first on line {seen}): lm-eval "
                        "writes each document once, so it would be counted twice or merged", location=str(path),
                        help="copy the samples file the run wrote (this one was edited, or joined with another run's)")
                if not math.isfinite(rows[-1][2]):
                    raise LogReadError(f"line {n}: the sample's `{metric}` is {rows[-1][2]}, not a finite number",
                                       location=str(path), help="rerun the evaluation")
    except OSError as e:
        raise LogReadError(f"cannot read the samples file: {e.strerror}", location=str(path)) from None
    return rows, fewest, asked, marks, unseen, (_hash("".join(hashes)) if hashes is not None else None)


def _line_hashes(line: Any, seen: list[str] | None) -> list[str] | None:
    """`seen` with the line's `doc_hash`, `prompt_hash` and `target_hash` joined (the text lm-eval
    hashes, over every line of a samples file in order, into the task hash it writes to the
    results file's `task_hashes`), or None once a line lacks one."""
    if seen is None or not isinstance(line, dict):
        return None
    parts = [line.get(k) for k in ("doc_hash", "prompt_hash", "target_hash")]
    if not all(isinstance(x, str) for x in parts):
        return None
    seen.append("".join(parts))  # type: ignore[arg-type]
    return seen


def _check_task_hash(doc: dict[str, Any], task: str, computed: str | None, samples_file: Path,
                     path: Path) -> None:
    """Refuse a samples file that is not the one the results file names by its task hash. lm-eval
    writes, for a run that logged samples, `task_hashes.<task>`: the sha256 of every samples line's
    `doc_hash`, `prompt_hash` and `target_hash` joined in the file's order. The hashes of each line
    are checked against what it holds, so the task hash ties the results file (the artifact the
    item pins) to the documents, the prompts (templates, few-shot examples, chat template) and the
    targets of the samples its counts are read from: a samples file of another run of the same
    task, its scores giving the same mean, or one whose prompts were rewritten with their hashes,
    is not of this run. A results file stating no task hash (an lm-eval release before it, or a
    run without samples) is not checked."""
    stated = (doc.get("task_hashes") or {}).get(task) if isinstance(doc.get("task_hashes"), dict) else None
    if not isinstance(stated, str) or not stated.strip():
        return
    if computed is None:
        why = "a line holds no `doc_hash`, `prompt_hash` or `target_hash` (lm-eval writes them on every line)"
    elif computed != stated.strip().lower():
        why = "the samples' hashes give another"
    else:
        return
    raise LogReadError(
        f"task `{task}`: the results file names its samples by the task hash {stated.strip()[:16]}... "
        f"(`task_hashes.{task}`), but {why}: the two files are not of one run", location=str(samples_file),
        help=f"copy both files the run wrote ({path.name} and {samples_file.name}) unchanged")


def _content_unseen(line: dict[str, Any], n: int, path: Path) -> str | None:
    """Why the document or target of samples line `n` is not seen, or None: lm-eval writes both on
    every line. A line holding only their hashes (`doc_hash`, `target_hash`) would have the samples'
    digest taken at the line's word: a samples file stripped of its content keeps the digest of
    the documents the policy pins while the documents it ran are unseen."""
    missing = [k for k in ("doc", "target") if k not in line]
    if not missing:
        return None
    return (f"line {n} of {path.name} holds no {' or '.join(f'`{k}`' for k in missing)} (lm-eval writes both on "
            "every line), so the documents and targets the run asked cannot be checked against the digest")


def _hash(text: str) -> str:
    """lm-eval's `hash_string`: the sha256 of the text, in hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _check_hashes(line: dict[str, Any], n: int, path: Path) -> None:
    """Refuse a samples line whose hashes are not of what it holds: lm-eval writes `doc_hash` (the
    document as JSON with an indent of 2), `target_hash` (the target as text) and `prompt_hash` (the
    first request's prompt) from the same values it writes beside them, so a line whose document,
    target or prompt was rewritten and whose hashes were kept (or the other way round) is not the
    run's record; the samples' digest is made from them."""
    checks = []
    if "doc" in line and isinstance(line.get("doc_hash"), str):
        checks.append(("doc_hash", "doc", _hash(json.dumps(line["doc"], indent=2, ensure_ascii=False, default=str)),
                       line["doc_hash"]))
    if "target" in line and isinstance(line.get("target_hash"), str):
        checks.append(("target_hash", "target", _hash(str(line["target"])), line["target_hash"]))
    args = line.get("arguments")
    first = args.get("gen_args_0") if isinstance(args, dict) else None
    prompt = first.get("arg_0") if isinstance(first, dict) else None
    if isinstance(prompt, str) and isinstance(line.get("prompt_hash"), str):
        checks.append(("prompt_hash", "arguments.gen_args_0.arg_0", _hash(prompt), line["prompt_hash"]))
    for name, of, got, stated in checks:
        if got != stated.strip().lower():
            raise LogReadError(f"line {n}: `{name}` is not the hash of the line's `{of}`: the line was rewritten "
                               "after lm-eval wrote it", location=str(path),
                               help="copy the samples file the run wrote, unchanged")


def _target_mark(line: dict[str, Any]) -> str:
    """The first 16 hex digits of the document's target hash as lm-eval makes it (`target_hash`:
    the sha256 of the target as text), recomputed from the line's `target`, else its
    `target_hash`; empty when it holds neither. A task of the developer's over the same documents
    can judge them against other targets (its own `doc_to_target`)."""
    if "target" in line:
        return _hash(str(line["target"]))[:16]
    h = line.get("target_hash")
    return h.strip().lower()[:16] if isinstance(h, str) and h.strip() else ""


def _document_mark(line: dict[str, Any]) -> str:
    """What ties a sample to its document: `#` and the first 16 hex digits of the sha256 of the
    document as lm-eval hashes it (`doc_hash`: its JSON with an indent of 2), recomputed from the
    `doc` the line holds, else the line's `doc_hash`; empty when it holds neither. lm-eval numbers
    documents by position (`doc_id` 0, 1, ...), so ids alone say only how many documents a task has:
    a task of the same name built from the developer's own YAML over other documents would give the
    same ids, and the digest a policy names for the task's samples would pin nothing but their
    number."""
    if "doc" in line:
        text = json.dumps(line["doc"], indent=2, ensure_ascii=False, default=str)
        return "#" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    h = line.get("doc_hash")
    return "#" + h[:16] if isinstance(h, str) and h else ""


def _count(v: Any) -> int | None:
    """A whole number of tokens as the results file writes it (`--gen_kwargs` and `--model_args`
    values may be kept as text), or None."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, str) and v.strip().isdigit():
        return int(v.strip())
    return None


def _shorten(text: str, most: int = 80) -> str:
    one = " ".join(text.split())
    return repr(one if len(one) <= most else one[: most - 1] + "…")
