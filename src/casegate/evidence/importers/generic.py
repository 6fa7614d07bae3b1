"""casegate's generic results format, for tools casegate has no importer for.

JSON (`"format": "casegate-results/1"`): one task's run, with counts, per-sample rows, or both.
CSV: a header row naming at least `task,model,status,created,scale,sample,epoch,score`, then one
row per scored sample and epoch; several tasks may share a file. The format is documented in
docs/evidence.md. The scale is always declared by the file: it is never guessed.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ...model import Elicitation, Scaffold, SourceRecord, new_dict, new_list
from .._languages import sample_language
from ..stats import REDUCTIONS, Reduction, binary_counts
from ._claims import CSV_COLUMNS, generic_claims
from ._common import (
    check_unchanged,
    content_marks,
    counts_result,
    fewer_epochs_note,
    greedy_note,
    greedy_setting,
    iso_date,
    named_print,
    pinned_sha256,
    same_content,
    sample_attempts,
    sample_print,
    scalars,
    variant_in,
)
from .interface import ImportedRun, LogReadError, ReadOptions

FORMAT = "casegate-results/1"
CSV_OPTIONAL = ("task_version", "revision", "tool", "tool_version", "variant")
CSV_SAMPLE_OPTIONAL = ("input", "target", "output", "language")
"""Per-row columns: what the sample asked, expected and got (read only into its fingerprint)."""


class GenericSample(BaseModel):
    """One scored sample and epoch."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: str | int
    epoch: int = Field(default=1, ge=1)
    score: float = Field(allow_inf_nan=False)
    input: str | None = None
    """What the sample asked (read only into the sample's fingerprint)."""
    target: str | None = None
    """What the sample expected (read only into the sample's fingerprint)."""
    language: str | None = None
    """The language the sample was asked in, as the file states it (an ISO 639-1 code or a name;
    checked against `input` where the row records it, `casegate.evidence._languages`)."""
    output: str | None = None
    """What the model answered (read only into the sample's fingerprint: a new run has other
    outputs, so a file that records them is told from an earlier run with the same scores)."""


class GenericFineTune(BaseModel):
    """The effort of a fine-tuning attack, as casegate-results/1 records it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    gpu_hours: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    steps: int | None = Field(default=None, ge=0)
    examples: int | None = Field(default=None, ge=0)


class GenericResults(BaseModel):
    """The JSON form of casegate-results/1."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    format: Literal["casegate-results/1"]
    task: str
    task_version: str | int | None = None
    model: str
    status: Literal["success", "error", "cancelled", "started"]
    error: str | None = None
    invalidated: bool = False
    created: str
    epochs: int = Field(default=1, ge=1)
    scale: Literal["binary", "proportion", "other"]
    successes: int | None = Field(default=None, ge=0)
    trials: int | None = Field(default=None, ge=0)
    reduction: Literal["at-least-one", "majority", "mean"] = "at-least-one"
    samples: list[GenericSample] = Field(default_factory=new_list)
    dataset_samples: int | None = Field(default=None, ge=0)
    metric: str | None = None
    value: float | None = None
    stderr: float | None = None
    tools: list[str] = Field(default_factory=new_list)
    scaffold: Scaffold | None = None
    solver: list[str] = Field(default_factory=new_list)
    budget_tokens: int | None = Field(default=None, ge=0)
    generate_config: dict[str, Any] = Field(default_factory=new_dict)
    revision: str | None = None
    tool: str | None = None
    tool_version: str | None = None
    variant: str | None = None
    time_limit: int | None = Field(default=None, ge=0)
    cost_limit: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    """The spend per sample (US dollars) the run was capped at, if it was."""
    model_roles: dict[str, list[str]] = Field(default_factory=new_dict)
    """Models the run gave named roles besides the one evaluated (a grader, an attacker)."""
    fine_tune: GenericFineTune | None = None
    """The effort of the fine-tuning attack that made the evaluated checkpoint."""


class GenericImporter:
    """casegate-results/1 JSON and CSV files."""

    name = "generic"

    def claims(self, path: Path) -> bool:
        return generic_claims(path)

    def read(self, path: Path, options: ReadOptions) -> list[ImportedRun]:
        sha, docs = self._documents(path)
        stated_by = "that the highest `epoch` of its rows implies" if path.suffix == ".csv" else "that `epochs` states"
        return [self._run(path, sha, doc, options, stated_by=stated_by) for doc in docs]

    def sample_prints(self, path: Path) -> frozenset[str]:
        """The fingerprint of every sample and epoch the file scores. When every row of a run
        records what the run asked or got (`input` or `output`), and that tells its samples apart,
        each is fingerprinted over its content (`sample_print`: score, input, target, output; never
        the task's name, the sample's id or epoch, or the file's dates), so a renamed copy keeps
        its fingerprints. Otherwise the rows have nothing else to be known by: each is
        fingerprinted over the task, id, epoch, score and what it records (`named_print`), which
        a copy repeats and a renamed copy does not. Under the same limits as `read`."""
        _, docs = self._documents(path)
        out: set[str] = set()
        for d in docs:
            if not d.samples:
                # counts without samples: known by what the file says of the run, but its date
                out.add(named_print(d.model_dump(mode="json", exclude={"created"})))
                continue
            told: set[str] = set()
            for s in d.samples:
                content: dict[str, Any] = {k: v for k in CSV_SAMPLE_OPTIONAL if (v := getattr(s, k)) is not None}
                if "input" not in content and "output" not in content:
                    break
                told.add(sample_print({"score": s.score, **content}))
            else:
                # content that does not tell the samples apart (one short output for all) is no
                # better than a name: such rows are known by their names, as rows without content
                if len(told) * 2 >= len({str(s.id) for s in d.samples}):
                    out |= told
                    continue
            out.update(named_print({"task": d.task, "id": str(s.id), "epoch": s.epoch, "score": s.score,
                                    **{k: v for k in CSV_SAMPLE_OPTIONAL if (v := getattr(s, k)) is not None}})
                       for s in d.samples)
        return frozenset(out)

    def _documents(self, path: Path) -> tuple[str, list[GenericResults]]:
        """The file's sha256 and its runs, one per task."""
        sha = pinned_sha256(path)
        from ...limits import current_limits, json_too_deep, long_number, read_regular_file

        raw = read_regular_file(path, str(path), limit="json_bytes")
        check_unchanged(path, sha)
        if path.suffix == ".csv":
            return sha, self._csv(path, raw)
        if json_too_deep(raw, current_limits().depth):
            raise LogReadError("not readable JSON: it nests too deep", location=str(path))
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as e:  # ValueError: also a number too long to read
            raise LogReadError(f"not readable JSON: {long_number(e, raw) or e}", location=str(path)) from None
        if isinstance(data, dict) and isinstance(data.get("format"), str) and data["format"] != FORMAT:
            raise LogReadError(f"unknown results format {data['format']!r}; casegate reads {FORMAT!r}",
                               location=str(path), help="see docs/evidence.md for the format")
        try:
            doc = GenericResults.model_validate(data)
        except ValidationError as e:
            first = e.errors(include_url=False)[0]
            loc = ".".join(str(p) for p in first["loc"]) or "(document)"
            raise LogReadError(f"`{loc}`: {first['msg']}", location=str(path),
                               help=f"see docs/evidence.md for the {FORMAT} format") from None
        return sha, [doc]

    def _run(self, path: Path, sha: str, d: GenericResults, options: ReadOptions,
             stated_by: str = "that `epochs` states") -> ImportedRun:
        where = str(path)
        date, created = iso_date(d.created, where)
        notes: list[str] = []
        rows = [(str(s.id), s.epoch, s.score) for s in d.samples]
        seen: set[tuple[str, int]] = set()
        for sid, epoch, _ in rows:
            if (sid, epoch) in seen:
                raise LogReadError(f"sample {sid!r} is scored twice in epoch {epoch}", location=where,
                                   help="keep one score per sample and epoch (a repeated row would count twice)")
            seen.add((sid, epoch))
        if rows:
            if d.scale == "binary" and d.successes is not None and d.trials is not None:
                try:
                    stated = binary_counts(((s, v) for s, _, v in rows), d.reduction)
                except ValueError as e:
                    raise LogReadError(f"scale is binary but {e}", location=where) from None
                if stated != (d.successes, d.trials):
                    raise LogReadError(
                        f"the file states {d.successes} of {d.trials} but its samples give "
                        f"{stated[0]} of {stated[1]} under reduction '{d.reduction}'", location=where,
                        help="fix the counts or the samples; they must agree")
            result = counts_result(rows, d.scale, options.reduction, metric=d.metric, value=d.value,
                                   stderr=d.stderr, where=where)
            scored = len({s for s, _, _ in rows})
        else:
            from ...model import Result

            if d.scale == "binary" and (d.successes is None or d.trials is None):
                raise LogReadError("a binary result needs `successes` and `trials`, or `samples`",
                                   location=where)
            try:
                result = Result(successes=d.successes, trials=d.trials, metric=d.metric, value=d.value,
                                stderr=d.stderr, scale=d.scale,
                                reduction=d.reduction if d.successes is not None else None)
            except ValidationError as e:
                raise LogReadError(e.errors(include_url=False)[0]["msg"], location=where) from None
            scored = None
        if d.scale == "other":
            notes.append(f"`{d.task}` declares scale 'other': no success count can be used")
        tools = list(d.tools)
        scaffold = d.scaffold or (Scaffold.tool_use if tools else Scaffold.none)
        attempts, fewest, fewest_epochs = sample_attempts(rows, d.epochs)
        note = fewer_epochs_note(fewest, fewest_epochs, d.epochs, stated_by) \
            if fewest is not None and attempts < d.epochs else None
        unrecorded = note is not None
        greedy = greedy_setting("generate_config", d.generate_config) if attempts > 1 else None
        if greedy is not None:
            # each epoch asked the same greedy question again: one attempt, not `attempts`
            note, attempts = greedy_note(greedy, attempts), 1
        elicitation = Elicitation(attempts=attempts, scaffold=scaffold, tools=tools,
                                  budget_tokens=d.budget_tokens, solver=d.solver,
                                  generate_config=scalars(d.generate_config),
                                  max_tokens=_tokens(d.generate_config.get("max_tokens")), cost_limit=d.cost_limit)
        metrics: dict[str, float | None] = {}
        if d.metric:
            metrics[d.metric] = d.value
            if d.stderr is not None:
                metrics[f"{d.metric}_stderr"] = d.stderr
        source = SourceRecord(
            tool=d.tool or self.name, tool_version=d.tool_version, task=d.task,
            task_version=str(d.task_version) if d.task_version is not None else None, model=d.model,
            status=d.status, error=d.error, invalidated=d.invalidated, created=created,
            revision=d.revision, epochs=d.epochs, metrics=metrics, samples=d.dataset_samples,
            scored=scored, scorer=d.metric, model_roles=dict(d.model_roles),
        )
        variant, vfield = variant_in({"variant": d.variant} if d.variant else None, d.model, "variant", "model")
        tuned = {k: float(v) for k, v in d.fine_tune.model_dump(exclude_none=True).items()} if d.fine_tune else {}
        # a sample that records what it asked (`input`) is known by it; one that records nothing
        # cannot be told from another
        asked = {str(x.id): json.dumps([x.input, x.target]) for x in d.samples if x.input is not None}
        return ImportedRun(artifact=path, sha256=sha, task=d.task, date=date, title=d.task,
                           eval_set=[d.task], elicitation=elicitation, result=result, source=source,
                           notes=notes, variant=variant, variant_field=vfield, time_limit=d.time_limit,
                           fine_tune=tuned, fine_tune_field="fine_tune" if tuned else None,
                           attempts_note=note, attempts_unrecorded=unrecorded, greedy=greedy,
                           same_input=same_content(asked),
                           languages={str(x.id): lang for x in d.samples
                                      if (lang := sample_language(x.language, x.input)) is not None},
                           sample_marks=content_marks((str(x.id), json.dumps([x.input, x.target]))
                                                      for x in d.samples if x.input is not None))

    def _csv(self, path: Path, raw: bytes) -> list[GenericResults]:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise LogReadError("the CSV file is not UTF-8", location=str(path)) from None
        import csv

        reader = csv.DictReader(io.StringIO(text))
        tasks: dict[str, dict[str, Any]] = {}
        for n, row in enumerate(reader, 2):
            where = f"{path}:{n}"
            try:
                task = row["task"].strip()
                t = tasks.setdefault(task, {"rows": [], "first": row, "line": n})
                for col in ("model", "status", "created", "scale") + CSV_OPTIONAL:
                    if (row.get(col) or "") != (t["first"].get(col) or ""):
                        raise LogReadError(f"column `{col}` changes within task `{task}` "
                                           f"({t['first'].get(col)!r} on line {t['line']}, {row.get(col)!r} here)",
                                           location=where, help="one task's rows share one run")
                t["rows"].append({"id": row["sample"].strip(), "epoch": int(row["epoch"]), "score": float(row["score"]),
                                  **{c: row[c] for c in CSV_SAMPLE_OPTIONAL if row.get(c)}})
            except (KeyError, AttributeError, TypeError, ValueError) as e:
                raise LogReadError(f"row is missing a column or has a bad number ({e})", location=where,
                                   help="columns: " + ",".join(CSV_COLUMNS)) from None
        if not tasks:
            raise LogReadError("the CSV file has no rows", location=str(path))
        runs = []
        for task, t in tasks.items():
            first = t["first"]
            epochs = max(r["epoch"] for r in t["rows"])
            data = {"format": FORMAT, "task": task, "model": first["model"], "status": first["status"],
                    "created": first["created"], "scale": first["scale"], "epochs": epochs, "samples": t["rows"]}
            for col in CSV_OPTIONAL:
                if first.get(col):
                    data[col] = first[col]
            try:
                doc = GenericResults.model_validate(data)
            except ValidationError as e:
                err = e.errors(include_url=False)[0]
                raise LogReadError(f"task `{task}`: `{'.'.join(map(str, err['loc']))}`: {err['msg']}",
                                   location=f"{path}:{t['line']}") from None
            runs.append(doc)
        return runs


__all__ = ["FORMAT", "GenericImporter", "GenericResults", "REDUCTIONS", "Reduction"]


def _tokens(v: Any) -> int | None:
    """The per-generation ceiling a `generate_config` states (`max_tokens`), or None."""
    return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else None
