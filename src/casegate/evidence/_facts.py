"""The case as its artifacts show it: derived facts replace the author's values, and every
difference between the two is kept as a `Mismatch` for the rules to report.

`apply_facts(case, policy, derivations)` is pure (no file is read): it takes what `derive_evidence`
read and returns the effective case (each derived item's elicitation, result, source, task set
and date as the artifact records them, counted under the policy's reduction for the item's
threshold) with an `EvidenceFacts` describing what was derived, what disagreed, what could not be
counted and why, and which items are only declared.
"""


import datetime as dt
import itertools
import json
import operator
import re
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from .._record import FrozenRecord, Record
from ..model import (
    Case,
    Elicitation,
    Evidence,
    Policy,
    Result,
    Scaffold,
    TaskRef,
    Threshold,
    Variant,
)
from ..model._case import TEST_KINDS, VERDICT_KINDS
from ..model._names import organisation_among, organisation_key
from ._derive import Derivation, DerivedRun
from .stats import same_counts

if TYPE_CHECKING:
    from ..model import AttestationSet, AuthorityCheck

_NOT_CAPABILITY_KINDS = ("expert-review", "monitoring", "attestation", "other")
"""Kinds an item running a threshold's task could be typed as to keep its result out of the
capability count (tests count bypasses, and a sandbagging probe may rerun a task under other
elicitation on purpose)."""


# Where each derived fact is read, per format (shown in findings and in docs/evidence.md).
ARTIFACT_FIELDS: dict[str, dict[str, str]] = {
    "counts": {"inspect-ai": "samples[].scores[<scorer>] (per sample and epoch)",
               "lm-eval": "samples_<task>_<date>.jsonl: <metric> per doc_id",
               "generic": "samples[] (or successes/trials with reduction)"},
    "model": {"inspect-ai": "eval.model + eval.model_args (weights), model_base_url", "lm-eval": "config.model + config.model_args", "generic": "model"},
    "variant": {"inspect-ai": "eval.metadata.variant, else the variant's name in eval.model",
                "lm-eval": "config.model_args variant=, else the variant's name in pretrained=",
                "generic": "variant, else the variant's name in model"},
    "fine_tune": {"inspect-ai": "eval.metadata.fine_tune (gpu_hours, steps, examples)",
                  "lm-eval": "config.model_args fine_tune_gpu_hours=, fine_tune_steps=, fine_tune_examples=",
                  "generic": "fine_tune (gpu_hours, steps, examples)"},
    "attempts": {"inspect-ai": "samples[].epoch (fewest scored per sample; at most eval.config.epochs)",
                 "lm-eval": "configs.<task>.repeats combined by the metric's filter (filter_list), "
                            "else 1; at most the responses per doc_id",
                 "generic": "samples[].epoch (fewest scored per sample; at most epochs), else epochs"},
    "epochs": {"inspect-ai": "eval.config.epochs", "lm-eval": "configs.<task>.repeats", "generic": "epochs"},
    "tools": {"inspect-ai": "plan.steps[].params (tools)", "lm-eval": "(none: lm-eval gives no tools)",
              "generic": "tools"},
    "scaffold": {"inspect-ai": "plan.steps[].solver", "lm-eval": "configs.<task>.num_fewshot, chat_template",
                 "generic": "scaffold, else tools"},
    "budget_tokens": {"inspect-ai": "eval.config.token_limit, or samples[].token_limit or plan.steps[].params "
                                    "token_limit when lower (else generate max_tokens)",
                      "lm-eval": "max_gen_toks of configs.<task>.generation_kwargs, config.gen_kwargs or "
                                 "config.model_args, the lowest", "generic": "budget_tokens"},
    "time_limit": {"inspect-ai": "eval.config.time_limit, or samples[].time_limit when lower", "lm-eval": "(not recorded)", "generic": "time_limit"},
    "max_tokens": {"inspect-ai": "plan.config, eval.model_generate_config or plan.steps[].params max_tokens, the lowest",
                   "lm-eval": "max_gen_toks of configs.<task>.generation_kwargs, config.gen_kwargs or "
                              "config.model_args, the lowest",
                   "generic": "generate_config.max_tokens"},
    "message_limit": {"inspect-ai": "eval.config.message_limit, samples[].message_limit or plan.steps[].params, the lowest",
                      "lm-eval": "(none: one generation)", "generic": "(not recorded)"},
    "turn_limit": {"inspect-ai": "eval.config.turn_limit or plan.steps[].params, the lowest",
                   "lm-eval": "(none: one generation)", "generic": "(not recorded)"},
    "working_limit": {"inspect-ai": "eval.config.working_limit or plan.steps[].params, the lowest",
                      "lm-eval": "(not recorded)", "generic": "(not recorded)"},
    "cost_limit": {"inspect-ai": "eval.config.cost_limit or plan.steps[].params, the lowest",
                   "lm-eval": "(not recorded)", "generic": "cost_limit"},
    "model_roles": {"inspect-ai": "eval.model_roles (model, args, base_url), samples[].model_usage, samples[].events (model), eval.scorers "
                                  "and plan.steps models", "lm-eval": "(none)",
                    "generic": "model_roles"},
    "prompt_digest": {"inspect-ai": "eval.task_args, plan.steps and plan.finish (without ceilings), eval.solver, "
                                    "plan.config and eval.model_generate_config (but retries, timeouts, caching, max_tokens), "
                                    "eval.scorers; eval.model_roles[].config, eval.model_args chat_template, "
                                    "eval.config approval, review and sentinel where set; samples[].events (each sample's first model "
                                    "input, its own input and choices marked) where the log holds them",
                      "lm-eval": "configs.<task> templates, few-shot (with its seed and dataset), description, "
                                 "delimiters, generation_kwargs, filter_list; n-shot; config.gen_kwargs, "
                                 "system_instruction, chat_template; the samples file's task hash where few-shot "
                                 "examples come from local data or data no commit pins; the samples file's "
                                 "arguments.gen_args_0.arg_1 in place of generation_kwargs where they differ",
                      "generic": "(not recorded)"},
    "task": {"inspect-ai": "eval.task", "lm-eval": "configs.<task>", "generic": "task"},
    "task_version": {"inspect-ai": "eval.task_version", "lm-eval": "versions.<task>", "generic": "task_version"},
    "sample_digest": {"inspect-ai": "samples[].id, input, target and choices; sandbox (else eval.sandbox), files, "
                                     "setup and metadata where set",
                      "lm-eval": "samples file doc_id and digests of its doc and target", "generic": "samples[].id, with input and target where recorded"},
    "scorer": {"inspect-ai": "eval.scorers, as results.scores report them", "lm-eval": "configs.<task>.metric_list, filter_list",
               "generic": "metric"},
    "status": {"inspect-ai": "status, invalidated", "lm-eval": "(a results file is written when the run completes)",
               "generic": "status, invalidated"},
    "date": {"inspect-ai": "eval.created", "lm-eval": "date", "generic": "created"},
}


DERIVED = "derived"
DECLARED = "declared"
NOT_DERIVED = "not derived"


def artifact_field(fact: str, tool: str) -> str:
    """Where `fact` is read in logs of `tool`."""
    per = ARTIFACT_FIELDS[fact]
    return per.get(tool) or per["generic"]


class Mismatch(FrozenRecord):
    """A value the author recorded that the artifact contradicts."""

    _fields = ("evidence_id", "fact", "path", "recorded", "derived", "artifact", "artifact_field")
    evidence_id: str
    fact: str
    """Which derived fact (a key of ARTIFACT_FIELDS)."""
    path: tuple[str | int, ...]
    """Where the recorded value is, in the case."""
    recorded: str
    derived: str
    artifact: str
    """The artifact file as shown."""
    artifact_field: str
    """Where in the artifact the derived value comes from."""

    def __init__(self, evidence_id: str, fact: str, path: tuple[str | int, ...], recorded: str, derived: str,
                 artifact: str, artifact_field: str) -> None:
        object.__setattr__(self, "evidence_id", evidence_id)
        object.__setattr__(self, "fact", fact)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "recorded", recorded)
        object.__setattr__(self, "derived", derived)
        object.__setattr__(self, "artifact", artifact)
        object.__setattr__(self, "artifact_field", artifact_field)


class Problem(FrozenRecord):
    """Something about an item's derived facts that stops it counting, or needs saying."""

    _fields = ("evidence_id", "kind", "path", "message", "help")
    evidence_id: str
    kind: str
    """'unreadable', 'not-recomputable', 'variant-unrecorded', 'task-not-in-set', 'scorer',
    'declared-not-allowed', 'mapped', 'attempts-unrecorded' (the log's header states epochs it
    has no record of), 'attempts-unscored' (epochs attempted but not scored) or
    'repeated-samples' (samples that ask what another asks, counted as one), 'counts-unattested'
    (a test's bypass counts are only the case's word), 'verdict-unattested' (an
    item's typed `passed: true` is only the case's word) or 'files-unpinned' (the counts are read
    from a further file, lm-eval's samples file, whose sha256 `source.files` does not pin)."""
    path: tuple[str | int, ...]
    message: str
    help: str | None

    def __init__(self, evidence_id: str, kind: str, path: tuple[str | int, ...], message: str, help: str | None = None) -> None:
        object.__setattr__(self, "evidence_id", evidence_id)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "help", help)


class Independence(FrozenRecord):
    """Whether an item is independent of the developer, derived from signed attestations."""

    _fields = ("evidence_id", "declared", "independent", "attested_by", "reasons", "signed_at", "by")
    __slots__ = _fields
    evidence_id: str
    declared: bool
    """What the case typed (`independent: true`)."""
    independent: bool
    """What the attestations show."""
    attested_by: tuple[str, ...]
    """Who attested it, e.g. 'Jonas Berg (Northbridge Security) ran it'."""
    reasons: tuple[str, ...]
    """Why it is not independent (empty when it is)."""
    signed_at: tuple[str, ...]
    """When each attestation that makes it independent was signed (ISO date-time), in the order of
    `attested_by`."""
    by: tuple[Any, ...]
    """The verified attestations (`EvidenceAttestation`) that make it independent."""

    def __init__(self, evidence_id: str, declared: bool, independent: bool, attested_by: tuple[str, ...] = (),
                 reasons: tuple[str, ...] = (), signed_at: tuple[str, ...] = (), by: tuple[Any, ...] = ()) -> None:
        object.__setattr__(self, "evidence_id", evidence_id)
        object.__setattr__(self, "declared", declared)
        object.__setattr__(self, "independent", independent)
        object.__setattr__(self, "attested_by", attested_by)
        object.__setattr__(self, "reasons", reasons)
        object.__setattr__(self, "signed_at", signed_at)
        object.__setattr__(self, "by", by)


class EvidenceFacts(Record):
    """What the artifacts showed for the case's evidence, and how it differs from the record."""

    _fields = ("derivations", "recorded", "mismatches", "problems", "excluded", "mapped", "independence",
               "developer_organisations", "verifiers")
    derivations: dict[str, Derivation]
    recorded: dict[str, Evidence]
    """The items as the author wrote them (the effective case holds the derived values)."""
    mismatches: list[Mismatch]
    problems: list[Problem]
    excluded: dict[str, str]
    """Evidence id -> why it counts for nothing (beyond the gate's other reasons)."""
    mapped: dict[str, tuple[str, ...]]
    """Untagged evaluation -> the thresholds of the capability claims that cite it."""
    independence: dict[str, Independence]
    """Evidence id -> whether signed attestations make it independent, and why not."""
    developer_organisations: tuple[str, ...]
    """The organisations whose evidence is never independent (the policy's and the authors')."""
    verifiers: dict[str, tuple[str, ...]]
    """Safeguard id -> who attested it as its `verified_by` says (`verifier_attestations`): a
    safeguard absent from it is verified by its `verified_by` on the case's word alone."""

    def __init__(self, derivations: dict[str, Derivation] | None = None, recorded: dict[str, Evidence] | None = None,
                 mismatches: list[Mismatch] | None = None, problems: list[Problem] | None = None,
                 excluded: dict[str, str] | None = None, mapped: dict[str, tuple[str, ...]] | None = None,
                 independence: dict[str, Independence] | None = None,
                 developer_organisations: tuple[str, ...] = (),
                 verifiers: dict[str, tuple[str, ...]] | None = None) -> None:
        self.derivations = {} if derivations is None else derivations
        self.recorded = {} if recorded is None else recorded
        self.mismatches = [] if mismatches is None else mismatches
        self.problems = [] if problems is None else problems
        self.excluded = {} if excluded is None else excluded
        self.mapped = {} if mapped is None else mapped
        self.independence = {} if independence is None else independence
        self.developer_organisations = developer_organisations
        self.verifiers = {} if verifiers is None else verifiers

    def declared(self, eid: str) -> bool:
        d = self.derivations.get(eid)
        return d is not None and d.declared

    def derived(self, eid: str) -> DerivedRun | None:
        d = self.derivations.get(eid)
        return d.run if d is not None else None

    def basis(self, eid: str) -> str:
        """Where an item's values come from, in the words every surface shows: 'derived' (read
        from its artifact), 'declared' (no artifact in a format casegate reads: the author's word)
        or 'not derived' (an artifact casegate reads gave nothing: it counts for nothing)."""
        d = self.derivations.get(eid)
        if d is None or d.declared:
            return DECLARED
        return DERIVED if d.run is not None else NOT_DERIVED

    def bases(self) -> dict[str, str]:
        """Evidence id -> `basis(id)` for every item of the case."""
        return {eid: self.basis(eid) for eid in self.recorded}


_CAPABILITY = operator.attrgetter("capability")


def _claims_citing(case: Case, policy: Policy) -> dict[str, list[str]]:
    """Evidence id -> thresholds of the capability claims citing it (on the claim or below it)."""
    els = case.argument.elements
    out: dict[str, list[str]] = {}
    # the few elements with a capability tag, picked out in C (a step per element of a large
    # argument cost more than the rest of this); `claim` set: a claim (an element has exactly one
    # text field)
    for e in itertools.compress(els.values(), map(_CAPABILITY, els.values())):
        if e.claim is None or e.capability is None or e.capability.threshold not in policy.thresholds:
            continue
        tid = e.capability.threshold
        seen: set[int] = set()
        stack = [e]
        while stack:
            cur = stack.pop()
            if id(cur) in seen:
                continue
            seen.add(id(cur))
            for x in cur.evidence:
                lst = out.setdefault(x, [])
                if tid not in lst:
                    lst.append(tid)
            stack.extend(els[s] for s in cur.supported_by if s in els)
    return out


def _shown(v: Any) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(map(str, v)) + "]" if v else "none"
    if v is None:
        return "none recorded"
    if isinstance(v, Variant | Scaffold):
        return str(v.value)
    return str(v)


def tasks_named(refs: list[TaskRef]) -> str:
    """A policy's task list in a message: `acme-ctf v4, sha256:...`."""
    return ", ".join(((f"{t.name}" + (f" v{t.version}" if t.version else "") + (f" (samples {t.digest})" if t.digest else ""))
                      if t.name else str(t.digest)) + (f" (prompt {t.prompt})" if t.prompt else "")
                     + (f" (code {t.revision})" if t.revision else "")
                     + (f" (package {t.package})" if t.package else "") for t in refs)


def ran(run: DerivedRun, prompt: bool = False, code: bool = False) -> str:
    """What a run ran, in a message: `` `acme-ctf` v4 (samples sha256:...) ``, and the digest of
    its prompts when `prompt`, the code revision it records when `code`."""
    ver = f" v{run.source.task_version}" if run.source.task_version else ""
    asked = f" (prompt {run.source.prompt_digest or 'not recorded'})" if prompt else ""
    rev = f" (code {run.source.revision or 'not recorded'})" if code else ""
    pkg = f" (package {run.task_package})" if run.task_package else ""
    samples = run.sample_digest or (f"not verified: {run.samples_unseen}" if run.samples_unseen else "none")
    return f"`{run.task}`{ver} (samples {samples}){asked}{rev}{pkg}"


def same_commit(pinned: str, recorded: str | None) -> bool:
    """Whether a run that records code revision `recorded` ran from commit `pinned`: one is the
    other's leading hex digits (at least 7). A revision marked `-dirty` (a working tree with
    uncommitted changes) or none recorded is no commit."""
    if not recorded or recorded.endswith("-dirty"):
        return False
    a, b = pinned.strip().lower(), recorded.strip().lower()
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 7 and all(c in "0123456789abcdef" for c in b) and long_.startswith(short)


def same_package(pinned: str, recorded: str | None) -> bool:
    """Whether a run whose task came from the package `recorded` (`name==version`) ran the
    package `pinned`: the same version of a name pip would take for the same (`-`, `_` and `.`
    alike, case ignored). A task from no package, or from several, is not."""
    def norm(spec: str) -> tuple[str, str]:
        name, _, version = spec.partition("==")
        return re.sub(r"[-_.]+", "-", name.strip()).lower(), version.strip()

    return recorded is not None and "," not in recorded and norm(pinned) == norm(recorded)


def task_matches(run: DerivedRun, refs: list[TaskRef]) -> bool:
    """Whether `run` ran one of the tasks `refs` names: its name and version, the digest of its
    sample ids, or both where the reference gives both (a run of part of a named task's samples
    is not a run of it)."""
    for ref in refs:
        if ref.digest is None and ref.name is None:
            continue
        if ref.digest is not None and ref.digest != run.sample_digest:
            continue
        if ref.prompt is not None and ref.prompt != run.source.prompt_digest:
            continue
        if ref.revision is not None and not same_commit(ref.revision, run.source.revision):
            continue
        if ref.package is not None and not same_package(ref.package, run.task_package):
            continue
        if ref.name is not None and (ref.name != run.task or (
                ref.version is not None and ref.version != run.source.task_version)):
            continue
        return True
    return False


def _scorer_matches(run: DerivedRun, want: str) -> bool:
    got = [x for x in (run.source.scorer, run.result.metric) if x]
    return any(g == want or g.rsplit("/", 1)[-1] == want or g.split("/", 1)[0] == want for g in got)


def _how(reduction: str, k: int | None) -> str:
    return f"`{reduction}`" + (f" with k={k}" if reduction == "pass@k" else "")


def _counts(eid: str, run: DerivedRun, th: Threshold | None,
            problems: list[Problem]) -> tuple[int, int] | None:
    """The item's (successes, trials) under the threshold's reduction, or None (with a problem
    recorded when the reduction cannot be applied). Every sample the log says its task's dataset
    holds but that it does not score (a `--limit` or `--sample-id` subset, samples that errored in
    every epoch or were left out) counts as a success in every stated epoch (`unscored_samples`)."""
    counts = _scored_counts(eid, one_per_attempt(one_per_question(run)), th, problems)
    missing = unscored_samples(run)
    if counts is None or not missing or not counts[1]:
        return counts  # a log that scores nothing (written without samples) gives no counts at all
    reduction = th.reduction if th is not None else "any"
    per = (run.source.epochs or 1) if reduction == "mean" and run.tool != "lm-eval" and run.greedy is None else 1
    return counts[0] + missing * per, counts[1] + missing * per


def one_per_question(run: DerivedRun) -> DerivedRun:
    """`run` with every sample that repeats another's input (`run.same_input`) counted as that
    sample: its rows are filed under the first sample's id, and in each epoch the merged sample
    scores the most any of them scored (solved, or got through, when any copy did). A copy under
    a new id is one question asked again: padding an evaluation with copies of samples the model
    fails, or a test with copies of attempts that held, would otherwise narrow the bound."""
    if not run.same_input or not run.scores_json:
        return run
    same = run.same_input
    best: dict[tuple[str, int], float] = {}
    for sid, epoch, score in json.loads(run.scores_json):
        key = (same.get(str(sid), str(sid)), int(epoch))
        best[key] = max(best.get(key, score), score)
    rows = [[sid, epoch, score] for (sid, epoch), score in best.items()]
    stated = run.source.epochs
    per: dict[str, int] = {}
    for sid, _epoch in best:
        per[sid] = per.get(sid, 0) + 1
    unscored = sum(stated - n for n in per.values()) if stated and run.outside_epochs is None else 0
    repeats = len({str(r[0]) for r in json.loads(run.scores_json)}) - len(per)
    source = run.source
    if source.samples is not None:  # the copies are not samples of the task's dataset either
        source = source.model_copy(update={"samples": max(source.samples - repeats, len(per)),
                                           "scored": len(per)})
    return run.model_copy(update={"scores_json": json.dumps(rows, separators=(",", ":")), "reduced": {},
                                  "unscored_epochs": unscored, "same_input": {}, "source": source,
                                  "scored_samples": len(per)})


def one_per_attempt(run: DerivedRun) -> DerivedRun:
    """`run` with a greedy run's epochs counted as one attempt (`run.greedy`: sampled at a
    temperature of 0, ...): each sample keeps one row, scoring what any of its epochs scored other
    than 0 (solved, or got through, when any epoch was), a stated epoch it has no score for counting
    as such an epoch, as everywhere; the log then states one epoch. Five greedy epochs repeat one
    answer: counted as five trials under `mean` they would multiply the trials of each answer and
    narrow the bound, and counted as five tries they would meet an attempts minimum with one. A log
    scoring rows outside its stated epochs is left as it is (refused, CG342)."""
    if run.greedy is None or not run.scores_json or run.scores_combined or run.outside_epochs is not None:
        return run
    stated = run.source.epochs if run.tool != "lm-eval" else None
    scores: dict[str, list[float]] = {}
    seen: dict[str, set[int]] = {}
    for sid, epoch, score in json.loads(run.scores_json):
        scores.setdefault(str(sid), []).append(score)
        seen.setdefault(str(sid), set()).add(int(epoch))
    rows = []
    for sid, got in scores.items():
        left = bool(stated) and len(seen[sid] & set(range(1, (stated or 0) + 1))) < (stated or 0)
        rows.append([sid, 1, 1.0 if left else next((x for x in got if x != 0), got[0])])
    source = run.source.model_copy(update={"epochs": 1}) if run.source.epochs is not None else run.source
    return run.model_copy(update={"scores_json": json.dumps(rows, separators=(",", ":")), "reduced": {},
                                  "unscored_epochs": 0, "bypass": None, "source": source})


def unscored_samples(run: DerivedRun) -> int:
    """How many samples of the task's dataset the log states (`source.samples`: Inspect's
    `eval.dataset.samples`, lm-eval's `n-samples.<task>.original`, casegate-results'
    `dataset_samples`) it does not score (`source.scored`). Which samples a run scores is the
    author's choice (`--limit`, `--sample-id`, errored samples left out of the log) and can fall
    where the model is weak, so the gate counts each one as solved: the bound then holds for the
    whole task, whatever the unscored samples would have given, and a few honest dropouts raise
    it a little."""
    src = run.source
    if src.samples is None or src.scored is None:
        return 0
    return max(src.samples - src.scored, 0)


def _scored_counts(eid: str, run: DerivedRun, th: Threshold | None,
                   problems: list[Problem]) -> tuple[int, int] | None:
    """`_counts` over the samples the log scores."""
    r = run.result
    reduction = th.reduction if th is not None else "any"
    k = th.k if th is not None else None
    if r.scale != "binary":
        return None  # CG336 reports scores with no success count
    if run.scores_json and not run.scores_combined:
        beyond, filled = _over_stated_epochs(run)
        if beyond is not None:
            problems.append(Problem(eid, "not-recomputable", ("evidence", eid, "result"),
                                    f"the log of `{eid}` scores sample `{beyond[0]}` in epoch {beyond[1]}, but "
                                    f"states {run.source.epochs} epoch(s): its samples and its header are not of "
                                    "one run, so nothing can be counted",
                                    "import the log the run wrote, whose header states every epoch it scored"))
            return None
        try:
            if filled is not None:
                from .stats import policy_counts

                return policy_counts(filled, reduction, k)
            return run.counts(reduction, k)
        except ValueError as e:
            path, how = ("evidence", eid, "result"), _how(reduction, k)
            problems.append(Problem(eid, "not-recomputable", path,
                                    f"the result of `{eid}` cannot be counted under the policy's {how} reduction: {e}",
                                    "re-run the evaluation so every sample has the scores the reduction needs"))
            return None
    epochs = run.elicitation.attempts
    if r.successes is not None and r.trials is not None and same_counts(r.reduction, reduction, k, epochs):
        return r.successes, r.trials
    path, how = ("evidence", eid, "result"), _how(reduction, k)
    if r.successes is not None and r.trials is not None:
        stated = f"under `{r.reduction}`" if r.reduction else "with no stated reduction"
        if run.scores_combined:
            problems.append(Problem(eid, "not-recomputable", path,
                                    f"the artifact of `{eid}` scores each sample once, combining {epochs} responses "
                                    f"{stated} ({r.successes}/{r.trials}), so the policy's {how} reduction cannot "
                                    "be applied",
                                    "score the evaluation under a filter that keeps each response's score, or under "
                                    "the policy's reduction, and import it again"))
            return None
        problems.append(Problem(eid, "not-recomputable", path,
                                f"the artifact of `{eid}` states {r.successes}/{r.trials} {stated} over {epochs} "
                                f"epochs but no per-sample scores, so the policy's {how} reduction cannot be applied",
                                "keep the per-sample scores in the log (Inspect and lm-eval --log_samples do) and "
                                "import it again"))
        return None
    problems.append(Problem(eid, "not-recomputable", path,
                            f"the artifact of `{eid}` has neither per-sample scores nor counts: nothing can be "
                            f"counted under the policy's {how} reduction",
                            "keep the per-sample scores in the log and import it again"))
    return None


def _over_stated_epochs(run: DerivedRun) -> tuple[tuple[str, int] | None, list[tuple[str, float]] | None]:
    """An evaluation's per-epoch scores taken over the epochs its log states (`source.epochs`):
    (a row scored in an epoch outside them, None) when there is one; else (None, the rows with
    every stated epoch a scored sample has no score for counted as a success), or (None, None)
    when every scored sample is scored in every stated epoch (the counts made when the log was
    read stand). An epoch left unscored (errored, or left out of the log) may have succeeded, and
    which epochs a log leaves out is the author's choice: a run of ten epochs against a minimum of
    five could drop the epochs its samples succeeded in and still show five attempts. Counted as
    successes, the missing epochs can only raise the bound, as a test's unscored attempts count as
    bypasses. A row beyond the stated epochs would dilute a `mean` or `majority` count with
    attempts the header does not own. lm-eval's responses carry no epoch (its repeats are read
    from the task's filter), so its rows are counted as they are."""
    stated = run.source.epochs
    if stated is None or run.tool == "lm-eval":
        return None, None
    if run.outside_epochs is not None:
        return (str(run.outside_epochs[0]), int(run.outside_epochs[1])), None
    if not run.unscored_epochs:
        return None, None  # counted when the log was read (`run.reduced`)
    rows = json.loads(run.scores_json)
    have: dict[str, set[int]] = {}
    for sid, epoch, _ in rows:
        have.setdefault(str(sid), set()).add(int(epoch))
    filled = [(str(sid), float(score)) for sid, _, score in rows]
    filled += [(sid, 1.0) for sid, es in have.items() for e in range(1, stated + 1) if e not in es]
    return None, filled


def _mismatch(eid: str, run: DerivedRun, shown: str, fact: str, path: tuple[str | int, ...], recorded: Any,
              derived: Any) -> Mismatch:
    return Mismatch(eid, fact, ("evidence", eid) + path, _shown(recorded), _shown(derived), shown,
                    artifact_field(fact, run.tool))


def _bypasses(r: Result) -> str:
    return "none" if r.attempts is None else f"{r.bypasses} bypass(es) in {r.attempts} attempt(s)"


def _compare(eid: str, rec: Evidence, run: DerivedRun, eff: Evidence, shown: str,
             log_day: dt.date | None) -> Iterator[Mismatch]:
    """The record's values that item `eid`'s log (`run`, giving the effective item `eff`)
    contradicts. `log_day` is the day of `run.date` when the log writes it as ISO's YYYY-MM-DD
    (else None: no recorded day is written that way)."""
    rr, er = rec.result, eff.result
    if rr is not None and er is not None:
        recorded, derived = (rr.successes, rr.trials), (er.successes, er.trials)
        if None not in recorded and None not in derived and recorded != derived:
            yield _mismatch(eid, run, shown, "counts", ("result", "successes"), f"{rr.successes}/{rr.trials}",
                            f"{er.successes}/{er.trials}")
        recorded = (rr.bypasses, rr.attempts)
        if recorded != (None, None) and recorded != (er.bypasses, er.attempts):
            yield _mismatch(eid, run, shown, "counts", ("result", "bypasses"), _bypasses(rr), _bypasses(er))
    el = rec.elicitation
    if el is not None:
        de = run.elicitation
        fs = el.model_fields_set
        if "variant" in fs and run.variant is not None and el.variant.value != run.variant:
            yield _mismatch(eid, run, shown, "variant", ("elicitation", "variant"), el.variant, run.variant)
        if "attempts" in fs and el.attempts != de.attempts:
            yield _mismatch(eid, run, shown, "attempts", ("elicitation", "attempts"), el.attempts, de.attempts)
        if "tools" in fs and sorted(el.tools) != sorted(de.tools):
            yield _mismatch(eid, run, shown, "tools", ("elicitation", "tools"), el.tools, de.tools)
        if "scaffold" in fs and el.scaffold != de.scaffold and not (
                el.scaffold is Scaffold.expert_agent and de.scaffold is Scaffold.agent):
            yield _mismatch(eid, run, shown, "scaffold", ("elicitation", "scaffold"), el.scaffold, de.scaffold)
        if "budget_tokens" in fs and el.budget_tokens != de.budget_tokens:
            yield _mismatch(eid, run, shown, "budget_tokens", ("elicitation", "budget_tokens"), el.budget_tokens, de.budget_tokens)
        if "time_limit" in fs and el.time_limit != run.time_limit:
            yield _mismatch(eid, run, shown, "time_limit", ("elicitation", "time_limit"), el.time_limit, run.time_limit)
        for name in ("max_tokens", "message_limit", "turn_limit", "working_limit", "cost_limit"):
            if name in fs and getattr(el, name) != getattr(de, name):
                yield _mismatch(eid, run, shown, name, ("elicitation", name), getattr(el, name), getattr(de, name))
    if rec.eval_set and sorted(rec.eval_set) != [run.task]:
        yield _mismatch(eid, run, shown, "task", ("eval_set",), rec.eval_set, [run.task])
    src = rec.source
    if src is not None:
        ds = run.source
        for name, fact in (("model", "model"), ("task", "task"), ("task_version", "task_version"),
                           ("scorer", "scorer"), ("status", "status"), ("epochs", "epochs")):
            a, b = getattr(src, name), getattr(ds, name)
            if a is not None and a != b:
                yield _mismatch(eid, run, shown, fact, ("source", name), a, b)
        if src.invalidated != ds.invalidated:
            yield _mismatch(eid, run, shown, "status", ("source", "invalidated"), f"invalidated: {str(src.invalidated).lower()}",
                     f"invalidated: {str(ds.invalidated).lower()}")
    if rr is not None and rr.metric is not None and run.result.metric is not None and rr.metric != run.result.metric:
        yield _mismatch(eid, run, shown, "scorer", ("result", "metric"), rr.metric, run.result.metric)
    if rec.date != log_day:
        yield _mismatch(eid, run, shown, "date", ("date",), rec.date.isoformat(), run.date)


def _fewer_attempts(eid: str, run: DerivedRun, artifact: str | None) -> Problem:
    """The log's header states more epochs than its scored samples show (`run.attempts_note`)."""
    got, stated = run.elicitation.attempts, run.source.epochs
    msg = (f"`{eid}` counts {got} attempt{'s' if got != 1 else ''}, not the {stated} its log {artifact} states: "
           f"{run.attempts_note}")
    if run.greedy is not None and got == 1:
        return Problem(eid, "attempts-unscored", ("evidence", eid), msg,
                       "run the evaluation sampling at a temperature above 0 (its epochs are then attempts of their "
                       "own), or with one epoch; the gate counts one attempt per sample")
    if run.attempts_unrecorded:
        return Problem(eid, "attempts-unrecorded", ("evidence", eid), msg,
                       "import the complete log the run wrote (every sample scored in every epoch), or state the "
                       f"epochs the run made; the gate counts {got}")
    if run.tool == "lm-eval":
        return Problem(eid, "attempts-unscored", ("evidence", eid), msg,
                       "to count the repeats, score the metric under a filter that combines them (`majority_vote`, "
                       "lm-eval's maj@k) or name it pass@k; else set `repeats: 1`")
    return Problem(eid, "attempts-unscored", ("evidence", eid), msg + "; each epoch it leaves unscored counts as a "
                   "success, as a run that errored may have succeeded there",
                   f"re-run the epochs that errored so every sample is scored in all {stated}, to count them")


_M = TypeVar("_M", bound=BaseModel)

_VARIANTS = {v.value: v for v in Variant}
"""A variant by the name a log records (Variant(name) without the enum's call)."""


class _FieldSets:
    """The sets of given field names of the copies made from one case, each value held once (a
    set of a dozen names takes over a kilobyte, more than the copy's own fields; a case has a
    handful of distinct ones). Sharing is safe because the models are frozen: pydantic changes a
    model's set only when a field is assigned, and `model_copy` copies it first."""

    def __init__(self) -> None:
        self._by_value: dict[frozenset[str], set[str]] = {}
        self._unions: dict[tuple[int, tuple[str, ...]], tuple[set[str], set[str]]] = {}

    def union(self, names: set[str], more: tuple[str, ...]) -> set[str]:
        """`names | more`, as the one set held for its value. The items of a loaded case share
        their sets (`share_field_sets`), so most unions asked for were made before: they are
        found by the identity of `names`, which is kept (its id is not given to another set)."""
        key = (id(names), more)
        got = self._unions.get(key)
        if got is not None:
            return got[1]
        union = names.union(more)
        union = self._by_value.setdefault(frozenset(union), union)
        self._unions[key] = (names, union)
        return union


def _updated(m: _M, update: dict[str, Any], field_sets: _FieldSets | None = None) -> _M:
    """`m.model_copy(update=update)` without its per-call overhead (a deep walk of copy.copy
    calls; a third of deriving the facts of a case with thousands of evidence items). Models
    with private or extra attributes take pydantic's own path. The copies share their sets of
    field names through `field_sets`."""
    if m.__pydantic_private__ is not None or m.__pydantic_extra__ is not None:
        return m.model_copy(update=update)
    cls = type(m)
    new = cls.__new__(cls)
    _set_dict(new, {**m.__dict__, **update})
    names = m.__pydantic_fields_set__
    names = names | update.keys() if field_sets is None else field_sets.union(names, tuple(update))
    _set_fields_set(new, names)
    _set_extra(new, None)
    _set_private(new, None)
    return new


# A model's four slots, set through their own descriptors: `object.__setattr__` finds each
# descriptor again and passes its arguments through a tuple (half the cost of a copy)
_set_dict, _set_fields_set, _set_extra, _set_private = (
    BaseModel.__dict__[name].__set__
    for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))


_SHAPE_FIELDS = operator.itemgetter("threshold", "kind", "source", "elicitation", "result", "eval_set", "date")
"""The fields of an evidence item that `apply_facts` reads of every item, read from its `__dict__` in
one step (a pydantic model's attributes are read through its class's `__getattr__` hook, several
times slower: most of the cost of an item whose values were settled by an item of the same shape)."""
_dict_of = operator.attrgetter("__dict__")  # (a model's `__dict__`: `vars` takes half again as many instructions)


def apply_facts(case: Case, policy: Policy, derivations: dict[str, Derivation], *,
                attestations: "AttestationSet | None" = None,
                digests: dict[str, str] | None = None,
                authority: "AuthorityCheck | None" = None) -> tuple[Case, EvidenceFacts]:
    """The effective case (derived values in place of the record's) and what differed.

    `attestations` are the evidence attestations verified against a keyring and `digests` the
    sha256 of each artifact whose bytes match its pin: an item is independent only when one of
    them makes it so (without them, none is). `authority`: the roles the same keyring gives, from
    which who may decide the case's boundary is read (their organisations are the developer's)."""
    facts = EvidenceFacts(derivations=derivations, recorded=dict(case.evidence))
    citing = _claims_citing(case, policy)
    allowed = policy.evidence.declared_kinds
    new_items: dict[str, Evidence] = {}
    # Many items often read one artifact (the tasks of one log): the effective elicitation, result
    # and source they get from one run are the same immutable values, built once per run
    built: dict[tuple[Any, ...], Any] = {}
    dates: dict[str, tuple[dt.date, dt.date | None]] = {}  # a log's date -> its day, and `log_day`
    field_sets = _FieldSets()
    settled: dict[tuple[Any, ...], dict[str, Any]] = {}  # an item's shape -> the values its items take
    ran_for_run: dict[int, list[str]] = {}  # id of a run -> the thresholds whose tasks it ran
    evidence = case.evidence
    for eid, ev, (threshold, rec_kind, rec_source, rec_elicitation, rec_result, rec_eval_set, rec_date) in zip(
            evidence, evidence.values(), map(_SHAPE_FIELDS, map(_dict_of, evidence.values())), strict=True):
        d = derivations.get(eid)
        kind = rec_kind
        if kind == "eval" and threshold is None and citing.get(eid):
            tids = tuple(citing[eid])
            facts.mapped[eid] = tids
            threshold = tids[0]
            more = f"; it is also cited for {', '.join(tids[1:])}, which it is not counted against" if len(tids) > 1 else ""
            facts.problems.append(Problem(
                eid, "mapped", ("evidence", eid),
                f"evaluation `{eid}` names no threshold but a claim about `{threshold}` cites it: it is weighed "
                f"against `{threshold}`{more}",
                f"add `threshold: {threshold}` to `{eid}` (or stop citing it for that claim)"))
        elif d is not None and d.run is not None and (
                (kind == "eval" and threshold is None) or kind in _NOT_CAPABILITY_KINDS):
            # a run of the very task the policy names for a threshold measures that threshold,
            # whatever the item is tagged or typed: left untagged and uncited, or typed as a review,
            # its result would count for nothing
            ran_for = ran_for_run.get(id(d.run))
            if ran_for is None:  # once per run: the items of one log share it
                ran_for = ran_for_run[id(d.run)] = [tid for tid, t in policy.thresholds.items()
                                                    if t.tasks and task_matches(d.run, t.tasks)]
            if ran_for:
                facts.mapped[eid] = tuple(ran_for)
                if kind != "eval":
                    typed, kind = kind, "eval"
                    threshold = threshold if threshold in ran_for else ran_for[0]
                    facts.problems.append(Problem(
                        eid, "mapped", ("evidence", eid, "kind"),
                        f"`{eid}` is typed `{typed}`, but its log ran {ran(d.run)}, a task the policy names for "
                        f"`{threshold}`: it is weighed against `{threshold}` as an evaluation",
                        f"type `{eid}` `kind: eval` with `threshold: {threshold}`"))
                else:
                    threshold = ran_for[0]
                    more = (f"; its task is also named for {', '.join(ran_for[1:])}, which it is not counted "
                            "against" if len(ran_for) > 1 else "")
                    facts.problems.append(Problem(
                        eid, "mapped", ("evidence", eid),
                        f"evaluation `{eid}` names no threshold, but its log ran {ran(d.run)}, a task the policy "
                        f"names for `{threshold}`: it is weighed against `{threshold}`{more}",
                        f"add `threshold: {threshold}` to `{eid}`"))
        th = policy.thresholds.get(threshold) if threshold is not None else None
        if d is None:
            new_items[eid] = ev if threshold == ev.threshold else ev.model_copy(update={"threshold": threshold})
            continue
        if d.declared:
            if allowed is not None and ev.kind not in allowed:
                why = (f"is declared (its artifact {d.artifact} is not a log casegate reads)" if d.artifact
                       else "is declared (it names no artifact)")
                facts.excluded[eid] = f"it {why}, and the policy does not accept declared `{ev.kind}` evidence"
                facts.problems.append(Problem(
                    eid, "declared-not-allowed", ("evidence", eid),
                    f"`{eid}` {why}: the policy counts declared evidence only of kinds "
                    f"{', '.join(allowed) or '(none)'}, not `{ev.kind}`",
                    "attach the evaluation's log (Inspect, lm-eval or casegate-results) as the artifact, "
                    "pinned by its sha256"))
            new_items[eid] = ev if threshold == ev.threshold else ev.model_copy(update={"threshold": threshold})
            continue
        if d.run is None:
            facts.excluded[eid] = f"nothing could be derived from its artifact ({d.problem})"
            if d.problem and not d.problem.startswith("its bytes do not match"):
                facts.problems.append(Problem(
                    eid, "unreadable", ("evidence", eid, "artifact"),
                    f"nothing could be derived from the artifact of `{eid}` ({d.artifact}): {d.problem}",
                    "restore the complete log from where the run wrote it, or name the task with `task:`"))
            new_items[eid] = ev if threshold == ev.threshold else ev.model_copy(update={"threshold": threshold})
            continue
        run = d.run
        # Items of one shape (one run, threshold, kind and kind as typed; the same recorded elicitation, result,
        # source, task set and date objects, as a lean load shares them) get the same effective
        # values: once one of them has met no problem and no mismatch, the others take its values
        # without being weighed again (every value weighed is in the key)
        shape = (id(run), threshold, kind, rec_kind, id(th), id(rec_source), id(rec_elicitation), id(rec_result),
                 id(rec_eval_set), rec_date, d.tasks)
        update = settled.get(shape)
        if update is not None:
            new_items[eid] = _updated(ev, update, field_sets)
            continue
        said = (len(facts.problems), len(facts.mismatches), len(facts.excluded))
        pins = ev.source.files if ev.source else {}
        unpinned = sorted(n for n in run.source.files if n not in pins)
        if unpinned:
            # the counts would rest on bytes no pin fixes: the artifact's sha256 does not cover them
            names = ", ".join(unpinned)
            msg = (f"the counts of `{eid}` are not verified: they are read from {names}, beside its artifact "
                   f"{d.artifact}, and `source.files` pins no sha256 of {'it' if len(unpinned) == 1 else 'them'}")
            facts.problems.append(Problem(
                eid, "files-unpinned", ("evidence", eid, "source") if ev.source else ("evidence", eid), msg,
                "re-import the log with `casegate evidence add` (it pins every file it reads in `source.files`)"))
            facts.excluded.setdefault(eid, msg)
        if run.attempts_note is not None:
            facts.problems.append(_fewer_attempts(eid, run, d.artifact))
        if run.same_input and (kind == "eval" or kind in TEST_KINDS):
            first, like = min(run.same_input.items())
            n = len(run.same_input)
            facts.problems.append(Problem(
                eid, "repeated-samples", ("evidence", eid),
                f"the log of `{eid}` ({d.artifact}) asks the same as another of its samples in {n} sample"
                f"{'s' if n != 1 else ''} (`{first}` repeats `{like}`): each is counted as the sample it repeats, "
                f"{'solved' if kind == 'eval' else 'got through'} in an epoch when any copy was",
                "ask each question once per epoch (repeat it with more epochs), or give the copies their own inputs"))
        if run.offline is not None and kind == "eval":
            facts.problems.append(Problem(
                eid, "sandbox-offline", ("evidence", eid),
                f"the log of `{eid}` ({d.artifact}) records a sandbox cut off from the network ({run.offline})",
                "run the evaluation again in a sandbox with the network the deployed tools reach"))
        if run.tools_failed is not None and (kind == "eval" or kind in TEST_KINDS):
            failed, scored, first = run.tools_failed
            share = f"{failed} of {scored} scored sample epoch{'s' if scored != 1 else ''} ({failed / scored:.0%})"
            facts.problems.append(Problem(
                eid, "tools-failed", ("evidence", eid),
                f"in the log of `{eid}` ({d.artifact}), {share} failed with every tool call the model made failing "
                f"(first: {first}): the tools failed, not the model, so they are attempted but not scored, counted as "
                f"{'solved' if kind == 'eval' else 'got through'}",
                "run the evaluation again with its tools working (the sandbox's network, the tool's server), or "
                "find why each call failed"))
        problems: list[Problem] = []
        counts = None
        if kind == "eval":  # counted once per run and threshold, unless counting fails
            counted = ("counts", id(run), id(th))
            if counted in built:
                counts = built[counted]
            else:
                counts = _counts(eid, run, th, problems)
                if not problems:
                    built[counted] = counts
        elif kind in TEST_KINDS:
            counts = _bypass_counts(eid, run, problems, d.tasks)
        if problems:
            facts.excluded.setdefault(eid, problems[0].message)
        facts.problems.extend(problems)
        rec_el = ev.elicitation
        variant = Variant.production
        if (named := run.variant) is not None:
            variant = _VARIANTS.get(named, Variant.production)
        elif rec_el is not None and "variant" in rec_el.model_fields_set and rec_el.variant is not Variant.production:
            facts.problems.append(Problem(
                eid, "variant-unrecorded", ("evidence", eid, "elicitation", "variant"),
                f"`{eid}` records the `{rec_el.variant.value}` variant, but its log ({d.artifact}) records no "
                f"variant for model `{run.source.model}`: it counts as the production model",
                "run the evaluation with the variant named in the run's settings (Inspect: "
                "`--metadata variant=helpful-only`; lm-eval: `--model_args ...,variant=helpful-only`) or in the model's name"))
        de = run.elicitation
        scaffold = de.scaffold
        if rec_el is not None and rec_el.scaffold is Scaffold.expert_agent and scaffold is Scaffold.agent:
            scaffold = Scaffold.expert_agent  # a judgement no log records
        prompting = rec_el.prompting if rec_el else None
        key: tuple[Any, ...] = ("elicitation", id(run), variant, scaffold, prompting)
        elic = built.get(key)
        if elic is None:
            elic = built[key] = Elicitation(
                variant=variant, attempts=de.attempts, scaffold=scaffold, tools=list(de.tools),
                budget_tokens=de.budget_tokens, time_limit=run.time_limit, max_tokens=de.max_tokens,
                message_limit=de.message_limit, turn_limit=de.turn_limit, working_limit=de.working_limit,
                cost_limit=de.cost_limit, prompting=prompting,
                solver=list(de.solver), generate_config=dict(de.generate_config))
        rr = run.result
        if kind == "eval":
            red = th.reduction if th is not None else "any"
            key = ("result", id(run), counts, red)
            result: Result | None = built.get(key)
            if result is None:
                result = built[key] = Result(
                    successes=counts[0] if counts else None, trials=counts[1] if counts else None,
                    metric=rr.metric, value=rr.value, stderr=rr.stderr, scale=rr.scale,
                    reduction={"any": "at-least-one", "mean": "mean", "majority": "majority"}.get(red))
        elif kind in TEST_KINDS:
            result = Result(bypasses=counts[0] if counts else None, attempts=counts[1] if counts else None,
                            scale=rr.scale)
        else:
            result = ev.result
        if th is not None and kind == "eval":
            if th.scorer is not None and not _scorer_matches(run, th.scorer):
                msg = (f"`{eid}` was scored by `{run.source.scorer or run.result.metric or 'no scorer'}`, but the "
                       f"policy counts `{threshold}` by `{th.scorer}`")
                facts.problems.append(Problem(eid, "scorer", ("evidence", eid), msg,
                                              f"score the evaluation with `{th.scorer}`"))
                facts.excluded.setdefault(eid, msg)
            if th.tasks and not task_matches(run, th.tasks):
                msg = (f"`{eid}` ran {ran(run, any(t.prompt for t in th.tasks), any(t.revision for t in th.tasks))}, "
                       "not a task the policy names for "
                       f"`{threshold}` ({tasks_named(th.tasks)})")
                facts.problems.append(Problem(eid, "task-not-in-set", ("evidence", eid), msg,
                                              "run the task set the policy names for the threshold"))
                facts.excluded.setdefault(eid, msg)
            elif th.tasks and run.task_args and not any(ref.digest is not None and ref.digest == run.sample_digest
                                                        for ref in th.tasks):
                # a task's arguments can build another set of samples (a subset, an easier variant)
                # under the same name and version: only the samples' digest fixes what was run
                args = ", ".join(f"{k}={v}" for k, v in sorted(run.task_args.items()))
                msg = (f"`{eid}` ran {ran(run)} with task arguments {args}: the policy names the task for "
                       f"`{threshold}` by name, not by its samples' digest, so which samples (or which variant "
                       "of them) the arguments chose is not fixed")
                facts.problems.append(Problem(eid, "task-not-in-set", ("evidence", eid), msg,
                                              "run the task without arguments, or have the policy name the task's "
                                              f"sample digest ({run.sample_digest or 'none'}) for the threshold"))
                facts.excluded.setdefault(eid, msg)
            elif th.tasks and run.data_unpinned and not any(ref.digest is not None and ref.digest == run.sample_digest
                                                             for ref in th.tasks):
                # a dataset read by name from a source that can change under it (a hub dataset with no
                # revision): the task's name and version say nothing of which documents were asked
                msg = (f"`{eid}` ran {ran(run)} over {run.data_unpinned}: the policy names the task for "
                       f"`{threshold}` by name, not by its samples' digest, so which documents were asked is not "
                       "fixed")
                facts.problems.append(Problem(eid, "task-not-in-set", ("evidence", eid), msg,
                                              "pin the dataset's revision in the task, or have the policy name the "
                                              f"task's sample digest ({run.sample_digest or 'none'}) for the threshold"))
                facts.excluded.setdefault(eid, msg)
            elif th.tasks and run.asked_at_run and not any(ref.prompt is not None and ref.prompt == run.source.prompt_digest
                                                           for ref in th.tasks):
                # a system message or a solver of the run's own changes the question every sample is
                # asked while the task's name, version and samples stay: only the prompt digest fixes it
                msg = (f"`{eid}` ran {ran(run)} asked another way than its task alone asks: "
                       f"{'; '.join(run.asked_at_run)}. The policy names the task for `{threshold}` without the "
                       "digest of its prompts, so what the model was asked is not fixed")
                facts.problems.append(Problem(eid, "task-not-in-set", ("evidence", eid), msg,
                                              "run the task as it stands (no `--system-message`, `--solver`, grader "
                                              "system message, `-M chat_template`, tool approval policy, or generate "
                                              "setting such as `--reasoning-effort`, `--temperature` or "
                                              "`--gen_kwargs`), or "
                                              "have the policy name the task's prompt digest "
                                              f"({run.source.prompt_digest or 'none'}) for the threshold"))
                facts.excluded.setdefault(eid, msg)
            elif th.tasks and run.max_tokens_at_run is not None and th.elicitation.max_tokens is None:
                # a ceiling the run gave every generation (`--max-tokens 1`) cuts each answer short
                # while the task's name, version, samples and prompt digest stay (the digest leaves
                # ceilings to CG301): with no least `max_tokens` in the policy nothing judges it
                msg = (f"`{eid}` ran {ran(run)} with every generation capped at {run.max_tokens_at_run:,} tokens "
                       "by the run itself (eval.model_generate_config.max_tokens), which changes how the model "
                       f"answers: the policy sets no least `max_tokens` for `{threshold}`, so whether the cap cut "
                       "the answers short is not judged")
                facts.problems.append(Problem(eid, "task-not-in-set", ("evidence", eid), msg,
                                              "run the task without `--max-tokens`, or have the policy set "
                                              f"`thresholds.{threshold}.elicitation.max_tokens` (CG301 judges the "
                                              "cap against it)"))
                facts.excluded.setdefault(eid, msg)
        extra_files = ev.source.files if ev.source else {}
        source = built.get(("source", id(run))) if not extra_files else None
        if source is None:
            source = run.source.model_copy(update={"files": {**run.source.files, **extra_files}})
            if not extra_files:
                built["source", id(run)] = source
        logged = run.date
        day_of = dates.get(logged)
        if day_of is None:
            day = dt.date.fromisoformat(logged)
            day_of = dates[logged] = (day, day if day.isoformat() == logged else None)
        day, log_day = day_of
        # the items of one run share its one-task list, as they share its elicitation and result
        eval_set = built.get(("eval_set", id(run)))
        if eval_set is None:
            eval_set = built["eval_set", id(run)] = [run.task]
        update = {"threshold": threshold, "elicitation": elic, "result": result, "source": source,
                  "eval_set": eval_set, "date": day, **({"kind": kind} if kind != ev.kind else {})}
        eff = _updated(ev, update, field_sets)
        facts.mismatches.extend(_compare(eid, ev, run, eff, d.artifact or "", log_day))
        new_items[eid] = eff
        if said == (len(facts.problems), len(facts.mismatches), len(facts.excluded)):
            settled[shape] = update
    _apply_independence(new_items, policy, facts, attestations, digests, field_sets, case, authority)
    # who verified each safeguard, where that party signed a test of it (the answers and pages
    # name a verifier as a fact only then)
    facts.verifiers = verifier_attestations(case, new_items, facts.recorded, attestations, digests or {})
    if policy.evidence.declared_counts == "independent":
        _unattested_counts(new_items, facts)
    if policy.evidence.declared_verdicts == "independent":
        _unattested_verdicts(new_items, facts)
    _declared_of_no_model(new_items, facts, case.measuring_weights())
    return case.model_copy(update={"evidence": new_items}), facts


def _bypass_counts(eid: str, run: DerivedRun, problems: list[Problem], tasks: int = 1) -> tuple[int, int] | None:
    """A red team's or safeguard test's (bypasses, attempts) as its log records them, or None with
    a problem. Every sample the log states (`source.samples`, else every sample it scores) is
    attempted in every epoch the log states (`source.epochs`, else the most it scores): an
    attempt the log scores other than 0 (the attempt got through) or does not score at all (an
    error, a sample left out) is a bypass; rows beyond the stated epochs, or repeated, add
    nothing. A log with no score per attempt, of several tasks or scorers, or on a scale other
    than binary gives no count. Attempts that repeat another's input count as that attempt
    (`one_per_question`), and a greedy run's epochs count as one attempt (`one_per_attempt`): as
    `attempt_tally` counts them."""
    r = run.result
    path = ("evidence", eid, "result")

    def refuse(why: str, fix: str) -> None:
        problems.append(Problem(eid, "not-recomputable", path, f"the log of `{eid}` {why}: no bypass can be counted",
                                fix))

    if tasks > 1:
        refuse(f"holds {tasks} tasks, and a test counts every attempt its log records",
               "keep one test's attempts in one log (one task)")
        return None
    scorers = sorted({k.split("/", 1)[0] for k in run.source.metrics if "/" in k}) if run.tool == "inspect-ai" else []
    if len(scorers) > 1:
        refuse(f"scores its attempts with {len(scorers)} scorers ({', '.join(scorers)}), and which attempts got "
               "through cannot be told from one of them", "score a test's attempts with one scorer (1: the attempt "
               "got through)")
        return None
    if r.scale != "binary":
        refuse(f"scores on a `{r.scale}` scale; a bypass is a binary score (1: the attempt got through)",
               "score each attempt 1 when it got past the safeguard and 0 when it did not")
        return None
    if not run.scores_json or run.scores_combined:
        refuse("records no score per attempt" + (f", only {r.successes}/{r.trials}" if r.successes is not None else ""),
               "keep one score per attempt in the log (1: the attempt got through) and import it again")
        return None
    if run.bypass is not None:  # counted when the log was read (`DerivedRun.bypass`)
        return run.bypass[0], run.bypass[1]
    return attempt_tally(run)


def bypass_tally(run: DerivedRun) -> tuple[int, int]:
    """(attempts that got through, attempts) in the per-attempt scores of `run` (as
    `one_per_question` leaves them): every sample the log states is attempted in every epoch it
    states; an attempt got through when a row of it scores other than 0 or none scores it. Also
    counted when a log is read and kept in the derived-facts cache (`DerivedRun.bypass`): a
    change here needs `DERIVE_VERSION` raised."""
    # Counted over sets, in C rather than row by row (a log holds thousands of rows): an attempt
    # is a (sample, epoch) with a row; it got through when any of its rows scores other than 0
    # (NaN too), and it held when none does. Each score is a float (`SampleScore.score`).
    rows = json.loads(run.scores_json)
    tried = list(zip(map(str, map(_FIRST, rows)), map(int, map(_SECOND, rows)), strict=True))
    through = set(itertools.compress(tried, map(bool, map(float, map(_THIRD, rows)))))
    epochs = run.source.epochs or max(map(_SECOND, tried))
    samples = max(run.source.samples or 0, len(set(map(_FIRST, tried))))
    attempts = samples * epochs
    held = sum(map(range(1, epochs + 1).__contains__, map(_SECOND, set(tried).difference(through))))
    return attempts - held, attempts


_FIRST, _SECOND, _THIRD = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)


def attempt_tally(run: DerivedRun, of: Collection[tuple[str, int]] | None = None) -> tuple[int, int]:
    """(attempts that got through, attempts) of a red team's or safeguard test's log, by the rules
    every count of its attempts follows: a sample repeating another's input is that sample
    (`one_per_question`), a greedy run's epochs are one attempt (`one_per_attempt`), and every
    sample is attempted in every epoch the log states, one it does not score counting as got
    through (`bypass_tally`). With `of`, the attempts of the samples those (sample id, epoch) name
    alone (a language's, a content kind's: an epoch asks its sample's input again), each in every
    epoch the log states, a pair of `of` it does not score counting as got through; the samples
    the log states but does not score are no part's. CG406 (the run's count), CG435
    (a language's) and CG436 (a content kind's) count by it: a part's attempts repeated in greedy
    epochs or under new ids would otherwise narrow its bound and not the whole run's."""
    if of is None:
        return bypass_tally(one_per_attempt(one_per_question(run)))
    want = {(str(s), int(e)) for s, e in of}
    if not want:
        return 0, 0
    named = {s for s, _ in want}
    rows = [r for r in json.loads(run.scores_json or "[]") if str(r[0]) in named]
    have = {(str(r[0]), int(r[1])) for r in rows}
    rows += [[s, e, 1.0] for s, e in sorted(want - have)]  # not scored: got through, as in the whole run
    source = run.source.model_copy(update={"samples": None, "scored": None})
    part = run.model_copy(update={"scores_json": json.dumps(rows, separators=(",", ":")), "source": source,
                                  "bypass": None, "scores_combined": False})
    return bypass_tally(one_per_attempt(one_per_question(part)))


def _unattested_counts(items: dict[str, Evidence], facts: EvidenceFacts) -> None:
    """A red team's or safeguard test's typed bypass counts, with no log casegate reads behind
    them, count only when a signed attestation from outside the developer makes the item
    independent (the attestation signs its result): otherwise the item counts for nothing."""
    for eid, ev in items.items():
        r = ev.result
        if ev.kind not in TEST_KINDS or r is None or (r.bypasses is None and r.attempts is None):
            continue
        d = facts.derivations.get(eid)
        if d is not None and not d.declared:
            continue  # counted from its log
        _unless_signed(eid, facts, "counts-unattested",
                       f"states {r.bypasses} bypass(es) in {r.attempts} attempt(s), but no log casegate reads "
                       "records them and no attestation from outside the developer signs them",
                       "the counts are the case's own word, and the test counts for nothing",
                       "attach the test's log (casegate-results, Inspect or lm-eval: one score per attempt, 1 for a "
                       "bypass) as its artifact, or have an evaluator outside the developer run or review it and sign "
                       f"it (`casegate evidence attest {eid}`)")


def _declared_of_no_model(items: dict[str, Evidence], facts: EvidenceFacts, weights: set[str]) -> None:
    """The case's word on an item that measures the weights (`Case.measuring_weights`): a red
    team's or safeguard test's typed bypass counts with no log casegate reads behind them, or a
    sandbagging probe's typed `passed: true` (no log records a verdict). It counts as this model's
    only when something ties it to it: an attestation from outside the developer that makes the
    item independent (it signs the system's digests), or the model the case says the test ran on
    (`source.model`, which CG351 holds to the system as it holds a log's). A test that names no
    model could have been run on any model (an earlier one, a weaker one): it counts for nothing.
    A typed failure is taken at its word; a test of a classifier or of the serving infrastructure
    holds for whatever model it serves."""
    for eid, ev in items.items():
        r = ev.result
        if eid not in weights or eid in facts.excluded or r is None:
            continue
        counts = ev.kind in TEST_KINDS and (r.bypasses is not None or r.attempts is not None)
        if not counts and (ev.kind not in VERDICT_KINDS or r.passed is not True):
            continue
        d = facts.derivations.get(eid)
        if d is not None and not d.declared:
            continue  # its log records the model (CG351)
        verdict = facts.independence.get(eid)
        if verdict is not None and verdict.independent:
            continue  # the attestation signs the weights it ran against
        if ev.source is not None and ev.source.model is not None:
            continue  # judged by CG351 (an empty name too)
        where = (f"its artifact {d.artifact} is not a log casegate reads" if d is not None and d.artifact
                 else "it names no artifact")
        states = (f"states {r.bypasses} bypass(es) in {r.attempts} attempt(s)" if counts
                  else "states that it passed")
        msg = (f"`{eid}` ({ev.kind}) {states} as the case's own word ({where}), and names no model it ran on: "
               "it measures the weights it ran against, and a test run on another model (an earlier or weaker one) "
               "would count for this one; it counts for nothing")
        log = (f"attach the test's log, which records the model it ran on, as the artifact of `{eid}`; " if counts
               else "")
        facts.excluded[eid] = msg
        facts.problems.append(Problem(
            eid, "model-unnamed", ("evidence", eid, "source", "model"), msg,
            f"{log}have an evaluator outside the developer sign it (`casegate evidence attest {eid}`), which signs "
            f"the weights; or type the model it ran on as the tool knew it under `source:` "
            f"(`source: {{tool: ..., model: ...}}`)"))


def _unattested_verdicts(items: dict[str, Evidence], facts: EvidenceFacts) -> None:
    """An item's typed `passed: true` (a sandbagging probe's, an audit's, a review's: no log casegate
    reads records a verdict) counts only when a signed attestation from outside the developer makes
    the item independent (the attestation signs its result): otherwise the item counts for nothing.
    A typed failure is taken at its word."""
    for eid, ev in items.items():
        r = ev.result
        if ev.kind not in VERDICT_KINDS or r is None or r.passed is not True:
            continue
        _unless_signed(eid, facts, "verdict-unattested",
                       f"states that its {ev.kind} passed, but no log casegate reads records a verdict and no "
                       "attestation from outside the developer signs it",
                       "the verdict is the case's own word, and the item counts for nothing",
                       f"have an evaluator outside the developer run or review `{eid}` and sign it (`casegate "
                       f"evidence attest {eid}`; the item's producer is the evaluator or their organisation)")


def _unless_signed(eid: str, facts: EvidenceFacts, kind: str, states: str, so: str, help: str) -> None:
    """Item `eid`'s typed result counts for nothing (excluded, with a `kind` problem) unless a signed
    attestation from outside the developer makes it independent (the attestation signs its result)."""
    verdict = facts.independence.get(eid)
    if eid in facts.excluded or (verdict is not None and verdict.independent):
        return
    why = "; ".join(verdict.reasons) if verdict is not None and verdict.reasons else "no attestation covers it"
    msg = f"`{eid}` {states} ({why}): {so}"
    facts.excluded[eid] = msg
    facts.problems.append(Problem(eid, kind, ("evidence", eid, "result"), msg, help))


def _org_key(name: str) -> str:
    """An organisation or producer name compared loosely (`casegate.model._names.organisation_key`:
    case, width, spacing, punctuation, accents, look-alike letters and a trailing legal form
    ignored; 'Northbridge Security Inc.' is 'northbridge-security')."""
    return organisation_key(name)


def _attested(a: Any) -> str:
    org = f" ({a.organisation})" if a.organisation else ""
    return f"{a.person}{org} {a.activity} it"


_NO_KEYRING = "no keyring was given, so no evidence attestation could be checked"
_NO_KEYRING_REASONS = (_NO_KEYRING,)

_IND_SETTERS = tuple(Independence.__dict__[name].__set__ for name in Independence._fields)


def _unchecked(eid: str, declared: bool) -> Independence:
    """`Independence(eid, declared, False, (), _NO_KEYRING_REASONS)`: the verdict on every item
    when no keyring was given, one per item, built through its slots' descriptors (its
    `__init__`'s `object.__setattr__` calls took twice as many instructions)."""
    s_id, s_declared, s_independent, s_attested_by, s_reasons, s_signed_at, s_by = _IND_SETTERS
    got = object.__new__(Independence)
    s_id(got, eid)
    s_declared(got, declared)
    s_independent(got, False)
    s_attested_by(got, ())
    s_reasons(got, _NO_KEYRING_REASONS)
    s_signed_at(got, ())
    s_by(got, ())
    return got


class _Now:
    """What the case now says beside its items that an attestation signed as it was: what each
    safeguard is (`Safeguard.definition`), the system's digests, and which items measure the
    weights or state the level they are kept at (`Case.bound_to_weights`)."""

    def __init__(self, case: Case | None) -> None:
        self._safeguards = case.safeguards if case is not None else {}
        self._definitions: dict[str, dict[str, Any] | None] = {}
        self.digests: tuple[str, ...] = tuple(case.system.digests) if case is not None else ()
        self.weights: set[str] = case.bound_to_weights() if case is not None else set()

    def definition(self, sid: str) -> dict[str, Any] | None:
        if sid not in self._definitions:
            sg = self._safeguards.get(sid)
            self._definitions[sid] = sg.definition() if sg is not None else None
        return self._definitions[sid]


def _words(text: Any) -> list[str]:
    return re.findall(r"\w+", text.casefold()) if isinstance(text, str) else []


def _steps(steps: list[str]) -> str:
    return ", ".join(f"`{s}`" for s in steps)


def redefined(was: dict[str, Any] | None, now: dict[str, Any] | None) -> list[str]:
    """How a safeguard's definition (`Safeguard.definition`) as an attestation signed it differs
    from `now`, the case's, in words (a title compared by its words: case, spacing and
    punctuation aside); empty when they are the same safeguard."""
    if was == now:
        return []
    if now is None:
        return ["the case no longer defines it"]
    if was is None:
        return ["the case did not define it when it was signed"]
    out = []
    if was.get("layer") != now["layer"]:
        out.append(f"its layer was {was.get('layer')}, now {now['layer']}")
    if _words(was.get("title")) != _words(now["title"]):
        out.append(f"its title was {json.dumps(was.get('title'))}, now {json.dumps(now['title'])}")
    before, after = set(was.get("blocks") or ()), set(now["blocks"])
    if gained := sorted(after - before):
        out.append(f"it now also blocks {_steps(gained)}")
    if lost := sorted(before - after):
        out.append(f"it no longer blocks {_steps(lost)}")
    if bool(was.get("security")) != now["security"]:
        out.append("it is now a security control" if now["security"] else "it is no longer a security control")
    return out


def _short(digests: Any) -> str:
    return ", ".join(f"{d[:19]}..." for d in digests) or "none"


def _signed_otherwise(eid: str, ev: Evidence, a: Any, now: _Now) -> str | None:
    """Why attestation `a` no longer covers item `eid` for what the case now says beside it (a
    safeguard the item tests defined otherwise; for an item that measures the weights, other
    weights), or None when it still does. A statement that records neither, where it is needed,
    does not cover the item."""
    who = f"{a.label} by {a.person}"
    again = f"(sign it again with `casegate evidence attest {eid}`)"
    if ev.tests:
        if a.safeguards is None:
            return (f"{who} does not record what the safeguards `{eid}` tests ({', '.join(ev.tests)}) were when it "
                    f"was signed, so it would count for whatever the case now defines under those ids {again}")
        for sid in ev.tests:
            if changes := redefined(a.safeguards.get(sid), now.definition(sid)):
                return (f"{who} attests `{eid}` as a test of `{sid}` as the case defined it then, but the case now "
                        f"defines `{sid}` otherwise ({'; '.join(changes)}): the test is evidence about the safeguard "
                        f"that was tested, not this one; have the evaluator test `{sid}` as it now is and sign "
                        f"`{eid}` again (`casegate evidence attest {eid}`)")
    if eid in now.weights:
        if a.system_digests is None:
            level = ev.result.security_level if ev.result is not None else None
            what = (f"states the security level the weights are kept at ({level})" if level is not None
                    else "measures the model's weights")
            return (f"{who} records no system digests, but `{eid}` ({ev.kind}) {what}, so it "
                    f"would count for whatever model the case names {again}")
        if not set(a.system_digests) & set(now.digests):
            return (f"{who} attests `{eid}` for the weights with digest {_short(a.system_digests)}, but the system's "
                    f"digests are now {_short(now.digests)}: a {ev.kind} of other weights says nothing about "
                    f"these; have the evaluator run it on these weights and sign `{eid}` again "
                    f"(`casegate evidence attest {eid}`)")
        if unattested := [d for d in now.digests if d not in a.system_digests]:
            return (f"{who} attests `{eid}` for the weights with digest {_short(a.system_digests)}, but the system "
                    f"also lists {_short(unattested)}: the decision would cover weights this {ev.kind} never "
                    f"measured; have the evaluator run it on every model the case lists and sign `{eid}` again "
                    f"(`casegate evidence attest {eid}`), or list only the weights it measured")
    return None


_NO_CASE = _Now(None)


def _not_covering(eid: str, ev: Evidence, recorded: Evidence, a: Any, now: _Now, result_now: Any, date_now: str,
                  files_now: list[str]) -> str | None:
    """Why attestation `a`, whose subject is item `eid`'s artifact digest, does not cover the item
    as the case declares it (`recorded`: its id, kind, safeguards tested, result, date and further
    files; `now`: what each safeguard it tests is and the system's digests), or None when it does:
    the signer attested these bytes as one item, of this id, kind and safeguards tested."""
    who = f"{a.label} by {a.person}"
    if a.evidence != eid:
        return f"{who} covers its artifact, but attests `{a.evidence}`, not `{eid}`"
    if a.kind is not None and a.kind != ev.kind:
        return f"{who} attests `{eid}` as a {a.kind}, not a {ev.kind}"
    if a.tests is not None and not set(ev.tests) <= set(a.tests):
        extra = ", ".join(t for t in ev.tests if t not in a.tests)
        return f"{who} attests `{eid}` as a test of {', '.join(a.tests) or 'no safeguard'}, not of {extra}"
    if a.date is None:
        return (f"{who} records neither the result nor the date the case declares for `{eid}` "
                f"(sign it again with `casegate evidence attest {eid}`)")
    if a.result != result_now:
        return (f"{who} attests `{eid}` with result {_shown_result(a.result)}, "
                f"but the case declares {_shown_result(result_now)}")
    if a.date != date_now:
        return f"{who} attests `{eid}` as dated {a.date}, but the case dates it {date_now}"
    if (a.files is not None or files_now) and list(a.files or ()) != files_now:
        return (f"{who} " + (
            f"records none of the further files `{eid}`'s counts are read from" if a.files is None else
            f"attests `{eid}` with further files {_short_files(a.files)}, but the case pins "
            f"{_short_files(files_now)}")
            + f" (the artifact alone does not fix the counts; have the evaluator sign `{eid}` again with "
            f"`casegate evidence attest {eid}`)")
    return _signed_otherwise(eid, recorded, a, now)


def verifier_attestations(case: Case, items: dict[str, Evidence], recorded: dict[str, Evidence],
                          atts: "AttestationSet | None", digests: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Safeguard id -> who attested it as its `verified_by` says (e.g. 'Jonas Berg (Northbridge
    Security) ran it'), for each safeguard whose `verified_by` names the signer of a verified
    attestation (the person, identity id or organisation the keyring records for the key) that
    covers one of the safeguard's evidence items as a test of that safeguard: the item's pinned
    artifact digest, its id, kind, result and date, and the safeguard as the case now defines it.
    A safeguard absent from it is verified by its `verified_by` on the case's word alone; without
    attestations (`atts` None: no keyring) every one is. `items`: the evidence as the gate counts
    it; `recorded`: as the case declares it; `digests`: each item's artifact digest, where its
    bytes match the pinned sha256."""
    if atts is None or not atts.attestations:
        return {}
    from ..model import declared_result

    now = _Now(case)
    out: dict[str, tuple[str, ...]] = {}
    for sid, sg in case.safeguards.items():
        party = _org_key(sg.verified_by) if sg.verified_by else ""
        if not party:
            continue
        got: list[str] = []
        for eid in sg.evidence:
            ev, digest = items.get(eid), digests.get(eid)
            if ev is None or digest is None or ev.artifact is None:
                continue
            rec = recorded.get(eid) or ev
            if sid not in rec.tests:  # the item is no test of this safeguard as the case declares it
                continue
            files_now = sorted(rec.source.files.values()) if rec.source is not None else []
            for a in atts.attestations:
                if (a.sha256 != digest or a.tests is None or sid not in a.tests
                        or party not in {_org_key(x) for x in (a.organisation, a.person, a.identity) if x}):
                    continue
                if _not_covering(eid, ev, rec, a, now, declared_result(rec.result), rec.date.isoformat(),
                                 files_now) is None and (said := _attested(a)) not in got:
                    got.append(said)
        if got:
            out[sid] = tuple(got)
    return out


def _judge(eid: str, ev: Evidence, digest: str | None, atts: "AttestationSet | None",
           developer: dict[str, str], recorded: Evidence | None = None, now: _Now = _NO_CASE) -> Independence:
    """Whether a signed attestation makes the item independent: it covers the artifact's exact
    digest and the item as the case declares it (`recorded`: its id, kind, safeguards tested,
    result and date; `now`: what each safeguard it tests is and, for an item that measures the
    weights, the system's digests), its signer's organisation is known and is not the
    developer's, and the item's producer is the signer or the signer's organisation."""
    if atts is None:  # without a keyring every item has this one reason
        return _unchecked(eid, ev.independent)
    from ..model import declared_result

    recorded = recorded or ev
    result_now = declared_result(recorded.result)
    date_now = recorded.date.isoformat()
    files_now = sorted(recorded.source.files.values()) if recorded.source is not None else []
    reasons: list[str] = []
    ok: list[str] = []
    signed: list[str] = []
    by: list[Any] = []
    if ev.artifact is None:
        reasons.append("it has no artifact, so no attestation can cover it")
    elif digest is None:
        reasons.append("its artifact's bytes do not match a pinned sha256, so no attestation can cover them")
    else:
        cover = []
        for a in atts.attestations:
            if a.sha256 != digest:
                continue
            why = _not_covering(eid, ev, recorded, a, now, result_now, date_now, files_now)
            if why is not None:
                reasons.append(why)
            else:
                cover.append(a)
        elsewhere = [a for a in atts.attestations if a.evidence == eid and a.sha256 != digest]
        for a in elsewhere:
            reasons.append(f"{a.label} by {a.person} names `{eid}` but covers sha256 {a.sha256[:16]}..., "
                           f"not its artifact's {digest[:16]}...")
        rejected = [r.reason for r in atts.rejected if r.sha256 == digest]
        reasons += rejected
        if not cover and not reasons:
            reasons.append(f"no attestation signed by a keyring identity covers its artifact (sha256 {digest[:16]}...)")
        producer = _org_key(ev.producer)
        for a in cover:
            if not developer:
                reasons.append(f"{a.person} attested it, but the developer's organisations are unknown (the policy "
                               "names none under `evidence.organisations` and no author's identity has one)")
            elif not a.organisation or not _org_key(a.organisation):
                reasons.append(f"{a.person} attested it, but the keyring records no organisation for them")
            elif organisation_among(a.organisation, developer.values()) is not None:
                reasons.append(f"{a.person} attested it, but is from {a.organisation}, the developer's own organisation")
            elif producer not in {_org_key(a.organisation), _org_key(a.person), _org_key(a.identity)}:
                reasons.append(f"{a.person} ({a.organisation}) attested it, but its producer is `{ev.producer}`, "
                               "neither them nor their organisation")
            else:
                ok.append(_attested(a))
                signed.append(a.signed_at)
                by.append(a)
    return Independence(eid, ev.independent, bool(ok), tuple(ok), () if ok else tuple(reasons), tuple(signed),
                        tuple(by))


def _of_deciders(verdict: Independence, orgs: dict[str, str], unknown: tuple[str, ...], boundary: str) -> Independence:
    """`verdict` less the attestations whose signer cannot be shown to be outside whoever may
    decide `boundary` (`_outside.deciders`' answer): not independent when none is left."""
    from ._outside import not_outside_deciders

    keep: list[int] = []
    why: list[str] = []
    for i, a in enumerate(verdict.by):
        reason = not_outside_deciders(a.person, a.organisation, orgs, unknown, boundary)
        if reason is None:
            keep.append(i)
        elif reason not in why:
            why.append(reason)
    if len(keep) == len(verdict.by):
        return verdict
    return Independence(verdict.evidence_id, verdict.declared, bool(keep),
                        tuple(verdict.attested_by[i] for i in keep), () if keep else tuple(why),
                        tuple(verdict.signed_at[i] for i in keep), tuple(verdict.by[i] for i in keep))


def _short_files(digests: Sequence[str]) -> str:
    """Further files' sha256 in a message: `[0123456789ab..., ...]` (none: `none`)."""
    return "[" + ", ".join(d[:12] + "..." for d in digests) + "]" if digests else "none"


def _shown_result(result: dict[str, Any] | None) -> str:
    """A declared result in a message: `{bypasses: 3, attempts: 1200}` (none: `no result`)."""
    if result is None:
        return "no result"
    return "{" + ", ".join(f"{k}: {json.dumps(v)}" for k, v in sorted(result.items())) + "}"


_INDEPENDENCE_FIELDS = operator.itemgetter("independent", "kind")
"""The fields of an evidence item `_apply_independence` reads of every item (see `_SHAPE_FIELDS`)."""


def _apply_independence(items: dict[str, Evidence], policy: Policy, facts: EvidenceFacts,
                        atts: "AttestationSet | None", digests: dict[str, str] | None,
                        field_sets: _FieldSets | None = None, case: Case | None = None,
                        authority: "AuthorityCheck | None" = None) -> None:
    """Set each item's `independent` to what the attestations show, and record the difference.
    `case`: what the case says beside the items (its safeguards and system digests); `authority`:
    who may decide its boundary, whose organisations are the developer's too."""
    boundary = case.boundary.kind if case is not None and case.boundary is not None else None
    decider_orgs: dict[str, str] = {}
    undecided: tuple[str, ...] = ()
    if atts is not None:  # (a plain check, with no attestations, never reads who may decide)
        from ._outside import deciders

        decider_orgs, undecided = deciders(policy, boundary, authority)
    developer: dict[str, str] = {}
    for o in [*policy.evidence.organisations, *(atts.author_organisations if atts is not None else [])]:
        developer.setdefault(_org_key(o), o)
    facts.developer_organisations = tuple(developer.values())
    needs = set(policy.evidence.independent_kinds)
    digests, recorded = digests or {}, facts.recorded
    now = _Now(case) if atts is not None else _NO_CASE
    for eid, ev in list(items.items()):
        independent, kind = _INDEPENDENCE_FIELDS(vars(ev))
        verdict = (_judge(eid, ev, digests.get(eid), atts, developer, recorded.get(eid), now) if atts is not None
                   else _unchecked(eid, independent))  # (`_judge`'s answer)
        if verdict.independent and (decider_orgs or undecided):
            assert boundary is not None
            verdict = _of_deciders(verdict, decider_orgs, undecided, boundary.value)
        facts.independence[eid] = verdict
        if verdict.independent != independent:
            items[eid] = _updated(ev, {"independent": verdict.independent}, field_sets)
        if verdict.independent or not (independent or kind in needs):
            continue
        why = "; ".join(verdict.reasons)
        if ev.independent and not verdict.independent:
            facts.problems.append(Problem(
                eid, "independence-not-attested", ("evidence", eid, "independent"),
                f"`{eid}` is marked independent, but nothing signed shows it: {why}",
                f"have the evaluator who produced `{eid}` sign it with their own key "
                f"(`casegate evidence attest {eid}`), or remove `independent: true`"))
        if ev.kind in needs and not verdict.independent:
            msg = (f"`{eid}` is a `{ev.kind}`, which the policy counts only when independent of the developer, "
                   f"and it is not: {why}")
            facts.excluded.setdefault(eid, msg)
            facts.problems.append(Problem(
                eid, "needs-independence", ("evidence", eid),
                msg, f"have an evaluator outside the developer's organisations run or review `{eid}` and sign "
                     f"it (`casegate evidence attest {eid}`)"))


__all__ = ["ARTIFACT_FIELDS", "EvidenceFacts", "Independence", "Mismatch", "Problem", "apply_facts", "artifact_field",
           "ran", "task_matches", "tasks_named", "verifier_attestations"]
