"""Facts derived from evidence artifacts: what each log itself says about its run.

For every evidence item whose artifact is in a format casegate reads (Inspect AI `.eval`/`.json`,
lm-eval results with their samples files, casegate-results JSON/CSV), the artifact is read with
the same importer `casegate evidence add` uses and reduced to a `DerivedRun`: the per-sample
scores (from which the gate counts successes under the policy's reduction), the model and
variant as the harness recorded them, epochs, tools, scaffold, token and time budgets, the task,
its version and a digest of its samples (their ids and content), the scorer, and the run's status. An item without
such an artifact is *declared*: its numbers are only the author's word.

Derivation runs only on artifacts whose bytes match their pinned sha256, and whose further files
pinned in `source.files` match theirs (a changed file is already a blocking finding, and its facts
would be about other bytes); a further file read without a pin is reported by `apply_facts`. Results are cached by the
artifact's sha256 in the user's cache folder (`CASEGATE_CACHE_DIR`, else `$XDG_CACHE_HOME/casegate`,
else `~/.cache/casegate`), under `derived/`; the cache is bounded (oldest entries are removed past
`CACHE_ENTRIES`), written atomically, and any entry that does not parse is derived again. A cache
that cannot be written only costs time. Entries are tagged with this user's cache key (see
`casegate._cachekey`): an entry someone else put in the folder is derived again, never believed.
"""


import hashlib
import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .._cachekey import cache_key, opened, private_folder, sealed
from .._record import FrozenRecord
from .._userdirs import cache_root
from ..errors import InputError
from ..load import Loaded, display_path
from ..model import Elicitation, Result, SourceRecord
from ..model._base import KeptSchema
from ._artifacts import ArtifactState, sha256_file
from .stats import policy_counts

DERIVE_VERSION = 38
"""Version of the cached form and of the checks made while a log is read; entries of another
version are derived again (a log cached before a check was added is read again under it)."""
CACHE_ENTRIES = 2000
"""Most derived artifacts kept in the cache."""


class DerivedRun(BaseModel):
    """What one task's log says about its run (cached as JSON, keyed by the artifact's sha256)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    tool: str
    """Format the facts were read from: inspect-ai, lm-eval, or the generic format's `tool`."""
    task: str
    """Task name as the tool recorded it."""
    date: str
    """ISO date the run was created."""
    variant: str | None = None
    """Model variant as the log records it; None when it records none."""
    variant_field: str | None = None
    """Where the variant was read in the log."""
    fine_tune: dict[str, float] = {}
    """The effort of the fine-tuning attack that made the evaluated checkpoint, as the log records
    it (`ImportedRun.fine_tune`); empty when it records none."""
    fine_tune_field: str | None = None
    """Where that effort was read in the log."""
    time_limit: int | None = None
    """Wall-clock limit per sample in seconds."""
    sample_digest: str | None = None
    """`sha256:` over the distinct scored sample ids, sorted, one per line, each with a digest of
    its content where the log records it (`sample_digest`); None when the log has no scored samples
    or states their content only by hashes (`samples_unseen`)."""
    samples_unseen: str | None = None
    """Why the run has no sample digest though it has scored samples (`ImportedRun.samples_unseen`)."""
    elicitation: Elicitation
    result: Result
    """The counts, metric and scale the log states (its per-sample scores are in `sample_ids`,
    `epochs` and `scores`, kept as flat lists: they are read back from the cache quickly)."""
    source: SourceRecord
    scored_samples: int = 0
    """Distinct samples with a score."""
    scores_json: str = ""
    """Every per-sample score as JSON `[[id, epoch, score], ...]`: one string, so reading the cache
    does not build thousands of objects; parsed only when a count needs it."""
    reduced: dict[str, list[int]] = {}
    """(successes, trials) under each reduction without a parameter (any, mean, majority, all),
    counted once when the artifact is read; absent when the scores are not binary or combined."""
    scores_combined: bool = False
    """Each per-sample score already combines the run's attempts (lm-eval's maj@k scores one vote
    over k responses, under `result.reduction`): no other reduction can be applied to them."""
    attempts_note: str | None = None
    """Why `elicitation.attempts` is below the epochs the log's header states (`source.epochs`)."""
    attempts_unrecorded: bool = False
    """The log has no record of epochs its header states (see `ImportedRun.attempts_unrecorded`)."""
    outside_epochs: list[str | int] | None = None
    """The first scored row `[sample id, epoch]` whose epoch lies outside the 1 to `source.epochs`
    the log states, if any."""
    task_args: dict[str, str] = {}
    """The arguments the run passed to its task, each as JSON (`ImportedRun.task_args`)."""
    asked_at_run: list[str] = []
    """What the run's own settings changed in the question asked (`ImportedRun.asked_at_run`)."""
    task_package: str | None = None
    """The installed package the task was loaded from, `name==version` (`ImportedRun.task_package`)."""
    data_unpinned: str | None = None
    """Where the samples came from a source that can change under the same name
    (`ImportedRun.data_unpinned`)."""
    max_tokens_at_run: int | None = None
    """The ceiling on one generation the run itself gave (`ImportedRun.max_tokens_at_run`)."""
    offline: str | None = None
    """How the run's sandbox was cut off from the network (`ImportedRun.offline`)."""
    tools_failed: tuple[int, int, str] | None = None
    """Scored sample epochs that failed with every tool call failing (`ImportedRun.tools_failed`)."""
    input_kinds: dict[str, list[list[Any]]] = {}
    """Content kind other than text -> the scored `[sample id, epoch]` given it (`ImportedRun.input_kinds`)."""
    injections: tuple[int, int, int, int, str] | None = None
    """Where the samples' injected instructions reached the model (`ImportedRun.injections`)."""
    reasoning: tuple[int, int, str] | None = None
    """Whether the evaluated model reasoned in the scored samples (`ImportedRun.reasoning`)."""
    greedy: str | None = None
    """The setting that made the run's sampling greedy (`ImportedRun.greedy`): its epochs are one
    attempt, each sample counted once (`casegate.evidence._facts.one_per_attempt`)."""
    same_input: dict[str, str] = {}
    """Sample id -> the first sample id asking the same, for every sample that repeats another
    (`ImportedRun.same_input`): counted as one sample."""
    unscored_epochs: int = 0
    """Stated epochs (1 to `source.epochs`) a scored sample has no score for, summed over the samples:
    counted once when the log is read, so a complete log's counts need no second look at its rows."""
    languages: dict[str, str] = {}
    """Sample id -> the language it was asked in (`ImportedRun.languages`)."""
    bypass: list[int] | None = None
    """(attempts that got through, attempts) of a binary-scored log, as a safeguard test counts them
    (`casegate.evidence._facts.bypass_tally`): counted once when the log is read, so a test's count
    needs no second look at its rows; None when they were not counted then."""

    def per_sample(self) -> list[tuple[str, float]]:
        """(sample id, score) of every scored sample and epoch."""
        rows = json.loads(self.scores_json) if self.scores_json else []
        return [(str(r[0]), float(r[2])) for r in rows]

    def counts(self, reduction: str, k: int | None) -> tuple[int, int] | None:
        """(successes, trials) under `reduction`, or None without per-sample scores (or with
        scores that already combine the attempts). Raises ValueError when the scores do not allow
        it (see `stats.policy_counts`)."""
        if self.scores_combined:
            return None
        got = self.reduced.get(reduction)
        if got is not None:
            return got[0], got[1]
        if not self.scores_json:
            return None
        return policy_counts(self.per_sample(), reduction, k)  # type: ignore[arg-type]


class CachedArtifact(KeptSchema):
    """One cache entry: every task run of one artifact, and the further files read with it."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    version: int
    runs: list[DerivedRun]
    files: dict[str, str] = {}
    """Further files read (name beside the artifact -> sha256), re-hashed on every use."""


class Derivation(FrozenRecord):
    """What was derived for one evidence item, or why nothing was."""

    _fields = ("evidence_id", "run", "declared", "problem", "artifact", "cached", "tasks")
    __slots__ = _fields
    evidence_id: str
    run: DerivedRun | None
    """The item's run as its artifact records it."""
    declared: bool
    """No machine-readable artifact: the item's values are the author's word."""
    problem: str | None
    """Why an artifact casegate reads gave no facts (unreadable, truncated, ambiguous task)."""
    artifact: str | None
    """The artifact as shown to users."""
    cached: bool
    """Whether the facts came from the cache."""
    tasks: int
    """How many task runs the artifact holds (a test counts every attempt of its log: one)."""

    def __init__(self, evidence_id: str, run: DerivedRun | None = None, declared: bool = False,
                 problem: str | None = None, artifact: str | None = None, cached: bool = False, tasks: int = 1) -> None:
        object.__setattr__(self, "evidence_id", evidence_id)
        object.__setattr__(self, "run", run)
        object.__setattr__(self, "declared", declared)
        object.__setattr__(self, "problem", problem)
        object.__setattr__(self, "artifact", artifact)
        object.__setattr__(self, "cached", cached)
        object.__setattr__(self, "tasks", tasks)


_DERIVATION_SETTERS = tuple(Derivation.__dict__[name].__set__ for name in Derivation._fields)


def _derivation(evidence_id: str, run: DerivedRun | None, problem: str | None, artifact: str | None, cached: bool,
                tasks: int) -> Derivation:
    """`Derivation(evidence_id, run, False, problem, artifact, cached, tasks)`, one per evidence item
    that names an artifact casegate reads, built through its slots' descriptors (its `__init__`'s
    `object.__setattr__` calls took twice as many instructions)."""
    s_id, s_run, s_declared, s_problem, s_artifact, s_cached, s_tasks = _DERIVATION_SETTERS
    got = object.__new__(Derivation)
    s_id(got, evidence_id)
    s_run(got, run)
    s_declared(got, False)
    s_problem(got, problem)
    s_artifact(got, artifact)
    s_cached(got, cached)
    s_tasks(got, tasks)
    return got


def cache_dir() -> Path:
    """The folder derived facts are cached in."""
    return cache_root() / "derived"


def sample_digest(ids: list[str], marks: dict[str, str] | None = None) -> str | None:
    """`sha256:` over the distinct ids sorted, one per line, each followed by `#` and its content
    mark where `marks` (`ImportedRun.sample_marks`) gives one; None without ids. With marks, a task
    of the same sample ids that asks other things or judges them against other targets has
    another digest."""
    uniq = sorted(set(ids))
    if not uniq:
        return None
    marks = marks or {}
    lines = "".join(i + (f"#{marks[i]}" if i in marks else "") + "\n" for i in uniq)
    return "sha256:" + hashlib.sha256(lines.encode("utf-8", "surrogatepass")).hexdigest()


def _to_runs(imported: list[object]) -> tuple[list[DerivedRun], dict[str, str]]:
    from .importers import ImportedRun

    runs: list[DerivedRun] = []
    files: dict[str, str] = {}
    for r in imported:
        assert isinstance(r, ImportedRun)
        files.update(r.source.files)
        per: dict[str, set[int]] = {}
        for s in r.result.samples:
            per.setdefault(s.id, set()).add(s.epoch)
        # the scores hold fewer epochs than the attempts only when each one combines them
        combined = bool(per) and r.elicitation.attempts > min(len(e) for e in per.values())
        stated = r.source.epochs
        outside = None if not stated else next(
            ([s.id, s.epoch] for s in r.result.samples if not 1 <= s.epoch <= stated), None)
        unscored = sum(stated - len(e) for e in per.values()) if stated and outside is None else 0
        runs.append(DerivedRun(
            tool=r.source.tool, task=r.task, date=r.date.isoformat(), variant=r.variant,
            variant_field=r.variant_field, fine_tune=r.fine_tune, fine_tune_field=r.fine_tune_field,
            time_limit=r.time_limit,
            sample_digest=None if r.samples_unseen else sample_digest([s.id for s in r.result.samples],
                                                                      r.sample_marks),
            samples_unseen=r.samples_unseen,
            elicitation=r.elicitation, result=r.result.model_copy(update={"samples": []}), source=r.source,
            scored_samples=len({s.id for s in r.result.samples}),
            scores_json=json.dumps([[s.id, s.epoch, s.score] for s in r.result.samples],
                                   separators=(",", ":")) if r.result.samples else "",
            reduced={} if combined else _reduced(r.result), scores_combined=combined,
            attempts_note=r.attempts_note, attempts_unrecorded=r.attempts_unrecorded,
            outside_epochs=outside, unscored_epochs=unscored, same_input=r.same_input, task_args=r.task_args,
            asked_at_run=r.asked_at_run, task_package=r.task_package,
            data_unpinned=r.data_unpinned, max_tokens_at_run=r.max_tokens_at_run,
            greedy=r.greedy, tools_failed=r.tools_failed, offline=r.offline, input_kinds=r.input_kinds, languages=r.languages,
            injections=r.injections, reasoning=r.reasoning))
        if not combined and r.result.scale == "binary" and runs[-1].scores_json:
            runs[-1] = _with_bypass(runs[-1])
    return runs, files


def _with_bypass(run: DerivedRun) -> DerivedRun:
    """`run` with its attempts counted as a safeguard test's are (`bypass`); as it was when they
    cannot be counted here (the facts then count them, or say why not)."""
    from ._facts import attempt_tally

    try:
        through, attempts = attempt_tally(run)
    except (ValueError, TypeError):
        return run
    return run.model_copy(update={"bypass": [through, attempts]})


def _reduced(result: Result) -> dict[str, list[int]]:
    if result.scale != "binary" or not result.samples:
        return {}
    rows = [(s.id, s.score) for s in result.samples]
    out: dict[str, list[int]] = {}
    for red in ("any", "mean", "majority", "all"):
        try:
            out[red] = list(policy_counts(rows, red))
        except ValueError:
            return {}  # scores off the scale: counted (and reported) when needed
    return out


_PURPOSE = "derived facts"


class _Cache:
    """The derived-facts cache in `folder`: used only when the folder is private to this user
    and the user's cache key can be kept; each entry is tagged with that key and its artifact's
    sha256 (see `casegate._cachekey`), and an entry whose tag does not verify is derived again."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder if folder is not None and private_folder(folder) and cache_key() is not None else None
        self.wrote = False

    def _path(self, sha: str) -> Path | None:
        return self.folder / f"{sha}.json" if self.folder is not None else None

    def get(self, sha: str, base: Path) -> CachedArtifact | None:
        p = self._path(sha)
        if p is None:
            return None
        try:
            data = opened(_PURPOSE, sha, p.read_bytes())
            if data is None:  # not written by this user's casegate for this artifact
                return None
            entry = CachedArtifact.model_validate_json(data)
        except (OSError, ValidationError, ValueError):
            return None
        if entry.version != DERIVE_VERSION:
            return None
        for name, pinned in entry.files.items():
            try:
                if sha256_file(base / name) != pinned:
                    return None
            except OSError:
                return None
        return entry

    def put(self, sha: str, entry: CachedArtifact) -> None:
        p = self._path(sha)
        if p is None or self.folder is None:
            return
        data = sealed(_PURPOSE, sha, entry.model_dump_json().encode("utf-8"))
        if data is None:
            return
        try:
            import tempfile

            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, p)
            self.wrote = True
        except OSError:
            return

    def prune(self) -> None:
        if self.folder is None or not self.wrote:
            return
        try:
            entries = sorted(self.folder.glob("*.json"), key=lambda q: q.stat().st_mtime)
            for old in entries[: max(0, len(entries) - CACHE_ENTRIES)]:
                old.unlink(missing_ok=True)
        except OSError:
            return


def _read_artifact(path: Path, sha: str, cache: _Cache) -> tuple[list[DerivedRun], bool]:
    """Every task run of the artifact (from the cache when its entry is good). Raises InputError
    (LogReadError, MissingExtraError) when the artifact cannot be read."""
    hit = cache.get(sha, path.parent)
    if hit is not None:
        return hit.runs, True
    from .importers import ReadOptions, importer_for

    imp = importer_for(path)
    assert imp is not None
    runs, files = _to_runs(list(imp.read(path, ReadOptions())))
    cache.put(sha, CachedArtifact(version=DERIVE_VERSION, runs=runs, files=files))
    return runs, False


def reads(path: Path) -> bool:
    """Whether casegate reads the artifact's format (else items citing it are declared)."""
    from .importers._claims import claimant  # without importing the importers themselves

    return claimant(path) is not None


def derive_evidence(loaded: Loaded, artifacts: dict[str, ArtifactState], *,
                    cache: Path | None | bool = True) -> dict[str, Derivation]:
    """Evidence id -> what its artifact says, for every item of the case.

    `artifacts` is the re-hash of the case's artifacts (`rehash_artifacts`); only artifacts whose
    bytes match their pin are read. `cache`: True for the user cache folder, a folder, or
    False/None for none. Never raises for a bad artifact: the problem is recorded on the item.
    """
    out: dict[str, Derivation] = {}
    case = loaded.case
    if case is None:
        return out
    folder = cache_dir() if cache is True else (cache if isinstance(cache, Path) else None)
    store = _Cache(folder)
    # many items often cite one artifact: it is named, sniffed and read once, and looked up once
    # per item: [its shown path, whether casegate reads it (None: not asked yet), its runs or why
    # they cannot be read (None: not read yet)]
    per_file: dict[Path, list[Any]] = {}
    last_path: Path | None = None
    last_known: list[Any] | None = None
    paths = loaded.artifact_paths()
    for eid, ev in case.evidence.items():
        path = paths[eid]
        st = artifacts.get(eid)
        if path is None or ev.artifact is None:
            out[eid] = Derivation(eid, declared=True)
            continue
        # (the items of one file that name one artifact share its path object: most items are
        # looked up by identity, without hashing the path)
        known = last_known if path is last_path else per_file.get(path)
        last_path = path
        if known is None:
            known = per_file[path] = [display_path(path), None, None]
        last_known = known
        shown, readable = known[0], known[1]
        if readable is None and st is not None and st.exists:
            readable = known[1] = reads(path)
        if st is None or not st.exists or not readable:
            # a missing file is CG330; a format casegate does not read makes the item declared
            out[eid] = Derivation(eid, declared=True, artifact=shown)
            continue
        if (st.pinned_sha256 is None or st.actual_sha256 != st.pinned_sha256 or st.actual_sha256 is None
                or (st.companions and not all(c.matches for c in st.companions))):
            # the artifact, or a further file pinned with it (CG330, CG331)
            out[eid] = Derivation(eid, problem="its bytes do not match a pinned sha256, so nothing is "
                                               "derived from them", artifact=shown)
            continue
        got: tuple[list[DerivedRun], bool] | str | None = known[2]
        if got is None:
            try:
                got = _read_artifact(path, st.actual_sha256, store)
            except InputError as e:
                got = e.message + (f" ({e.help})" if e.help else "")
            except Exception as e:  # an importer bug must not take the gate down: fail closed
                got = f"casegate could not read it ({type(e).__name__}: {e})"
            known[2] = got
        if isinstance(got, str):
            out[eid] = Derivation(eid, problem=got, artifact=shown)
            continue
        runs, cached = got
        run, problem = _pick(ev.task, ev.source.task if ev.source else None, ev.eval_set, runs)
        out[eid] = _derivation(eid, run, problem, shown, cached, len(runs))
    store.prune()
    return out


def _pick(task: str | None, source_task: str | None, eval_set: list[str],
          runs: list[DerivedRun]) -> tuple[DerivedRun | None, str | None]:
    for want in (task, source_task):
        if want is not None:
            hit = next((r for r in runs if r.task == want), None)
            if hit is None:
                return None, f"the artifact has no task `{want}` (it holds {', '.join(r.task for r in runs)})"
            return hit, None
    if len(runs) == 1:
        return runs[0], None
    named = [r for r in runs if r.task in eval_set]
    if len(named) == 1:
        return named[0], None
    return None, (f"the artifact holds {len(runs)} tasks ({', '.join(r.task for r in runs)}); name the item's one "
                  "with `task:`")


__all__ = ["CACHE_ENTRIES", "DERIVE_VERSION", "Derivation", "DerivedRun", "cache_dir", "derive_evidence",
           "reads", "sample_digest"]
