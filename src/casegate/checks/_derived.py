"""Numbers several rule families and the gate share: each policy threshold's capability status and
each pathway's propagated residual-risk bound.

Both are computed once per `Context` and kept in `ctx.memo`, so rules, the decision and the eight
answers read the same values.

Capability status (`capability_status`). For each policy threshold, the evaluations that measure it
(`Evidence.threshold`) are sorted into those that count and those that do not (expired, elicitation
below the policy minimum, a failed or invalidated run, an artifact that no longer matches its pinned
sha256, no success counts). For each counting evaluation the one-sided upper confidence bound on
its success rate is taken at the policy's `confidence` with the policy's `interval` method; the
highest such bound decides (any adequate evaluation that cannot rule the threshold out means it
cannot be ruled out). The status is:

- `below-alert`: the bound is under the alert level (or under the threshold when no alert is set);
- `between`: the bound is at or above the alert level and under the threshold (a condition);
- `reached`: the bound is at or above the threshold, or the threshold cannot be ruled out at all
  (no counting evaluation, or the threshold has no number): under uncertainty, act as if reached.

Residual risk (`pathway_risk`). For a pathway with `attempts_per_year` A (raised to the policy's
`tolerance.min_attempts_per_year` for the boundary kind and domain where lower; at a narrower boundary the
policy sets no floor for, to the floor at the case's own boundary), the distinct safeguards
blocking any of its steps each contribute the bypass-rate upper bound of their test evidence
(red-team or safeguard-test items with `bypasses` out of `attempts`, not expired). Where a
safeguard has several tests the highest bound is used (the safeguard must hold under every test's
conditions). A safeguard, or an evidence item, contributes at most once per pathway: one safeguard
on two steps is not two independent barriers, and one test cited by two safeguards measured them
together (items whose logs hold the same task and scores, or that pin the same artifact, are one
test). With k such factors the bound is

    A x prod_i U_i,   U_i = one-sided Clopper-Pearson upper bound at level 1 - (1 - c) / k

where c is the policy's confidence. By Bonferroni's inequality all k bounds hold together with
probability at least c, so the product is a joint upper bound at confidence c, under the model's
assumption that an attempt must get past every safeguard on the pathway and that the safeguards
fail independently. Safeguards without countable tests, and unblocked steps, contribute a factor of
1 (no credit). Exact bounds are used here whatever the policy's interval, because the Bonferroni
argument needs each bound's coverage to be guaranteed, which the Wilson interval does not give.
"""


import bisect
import datetime as dt
import hashlib
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, Literal

from .._patterns import lazy
from .._record import FrozenRecord
from ..evidence.stats import upper_bound
from ..model import Case, Element, Evidence, Pathway, Policy, Safeguard, Severity, Variant
from ..model._base import name_key
from ..model._case import TEST_KINDS
from ..model._policy import ElicitationMinimum, Threshold
from ..model._policy import effort_words as _effort
from ._registry import Context
from ._text import as_read
from .measurement import evidence_by_threshold_of

if TYPE_CHECKING:
    from ..evidence._derive import DerivedRun
    from ..model import ArtifactDates, TaskRef

__all__ = [
    "CapabilityStatus",
    "EvidenceBound",
    "Inability",
    "PathwayRisk",
    "SafeguardFactor",
    "Shortfall",
    "TEST_KINDS",
    "bypass_counts",
    "capability_status",
    "elements_of_type",
    "elicitation_shortfalls",
    "granted_tools",
    "granted_tools_of",
    "granted_tools_for",
    "tools_not_elicited",
    "tool_words",
    "stricter_than_deployed",
    "grants_against_scoping",
    "ungrounded_grants",
    "scoped_out_on_boundary",
    "inability",
    "inability_relied_on",
    "scoped_out_for_internal_case",
    "weights_reachable",
    "weights_in_words",
    "customer_site",
    "hosts_in_words",
    "host_clauses",
    "host_named",
    "hosting_companies",
    "company_named",
    "on_device_in_words",
    "stated_quantisation",
    "tuning_in_words",
    "boundary_clauses",
    "stated_weights",
    "evidence_dated",
    "evidence_expiry",
    "is_expired",
    "level_meets",
    "pathway_risk",
    "proportion",
    "run_files_changed",
    "run_key",
    "Requirement",
    "requirements_for",
    "evidence_by_threshold",
    "independent_evidence",
    "safeguards_by_step",
    "removed_with_weights",
    "unshown_filters",
    "operated_elsewhere",
    "owned_elsewhere",
    "other_organisations",
    "untuned_tests",
    "weights_access",
    "off_task_tests",
    "tests_without_granted_tools",
    "tests_not_through_deployed",
    "injections_not_by_tool",
    "tests_without_reasoning",
    "kinds_unrecorded",
    "injections_unseen",
]

Status = Literal["below-alert", "between", "reached"]



# --------------------------------------------------------------------------- argument helpers


def cited_evidence(ctx: Context) -> AbstractSet[str]:
    """Evidence ids something in the case relies on: claims, defeater answers, safeguards, scoping
    decisions and sign-offs (memoised)."""
    got: AbstractSet[str] | None = ctx.memo.get("cited_evidence")
    if got is None:
        c = ctx.case
        fields = ctx.index.fields
        chain = itertools.chain.from_iterable
        # a dict's keys: they stay alive to the end of the check, in two thirds of a set's memory
        got = dict.fromkeys(itertools.chain(
            chain(fields["evidence"].values()), chain(fields["answered_by"].values()),
            chain(s.evidence for s in c.safeguards.values()), chain(t.evidence for t in c.threat_model.values()),
            chain(so.relies_on for so in c.decision.signoffs))).keys()
        if len(got) == len(c.evidence) and got <= c.evidence.keys():
            # every item is cited, and nothing else (as in most cases): the evidence's own keys,
            # not a table of them of its own (0.2 MiB at 10k goals to the end of the check)
            got = c.evidence.keys()
        ctx.memo["cited_evidence"] = got
    return got


def elements_of_type(ctx: Context, kind: str) -> Iterator[tuple[str, Element]]:
    """The (id, element) pairs of one element type (claim, strategy, ..., defeater) in the
    argument's order, from the index: rules about defeaters need not visit every claim."""
    els = ctx.case.argument.elements
    for eid in ctx.index.by_type.get(kind, ()):
        yield eid, els[eid]


# --------------------------------------------------------------------------- evidence helpers


def evidence_dated(ev: Evidence, dates: "ArtifactDates | None") -> dt.date:
    """The date the item's age counts from: its own date, but with a registry (`dates`, as
    `Context.artifact_dates`) never later than the day the registry first logged its artifact (nor
    than the registry's clock)."""
    return dates.date_of(ev) if dates is not None else ev.date


def evidence_expiry(ev: Evidence, policy: Policy, dates: "ArtifactDates | None" = None) -> dt.date | None:
    """When the item stops counting: the date its age counts from (`evidence_dated`) + the
    policy's max age, or its own `expires` when that is earlier (`Evidence.expiry`); None when
    that cannot be established (the date plus the maximum age falls past the calendar's last day)."""
    return ev.expiry(policy.evidence.max_age_days, evidence_dated(ev, dates))


_LEVEL = lazy(r"(?:rand)?(?:sl|securitylevel|level)(\d+)")


def _level_key(level: str) -> str:
    """A security level's spelling with width, case, spacing and punctuation aside."""
    import unicodedata  # (only where a level is compared: a plain gate loads no Unicode tables)

    return _NOT_WORD_RUN.sub("", unicodedata.normalize("NFKC", level).casefold())


def level_meets(found: str, required: str) -> bool | None:
    """Whether a security level an audit found (`SL4`, `RAND SL-4`) is at least the one required:
    numbered levels are compared by number, any other only by its spelling (same: met). None: the
    two cannot be compared (a level that is not a numbered one, spelt otherwise than required)."""
    f, r = _level_key(found), _level_key(required)
    mf, mr = _LEVEL.fullmatch(f), _LEVEL.fullmatch(r)
    if mf and mr:
        return int(mf.group(1)) >= int(mr.group(1))
    return True if f == r and f else None


def is_expired(ev: Evidence, ctx: Context) -> bool:
    """True when the item's expiry date is on or before the decision date, or cannot be
    established (an item whose age cannot be counted does not count)."""
    until = evidence_expiry(ev, ctx.policy, ctx.artifact_dates)
    return until is None or until <= ctx.today


def aged_out(ev: Evidence, ctx: Context) -> bool:
    """True when the item is past the policy's maximum age on the decision date (its age counted
    as `evidence_dated` counts it). Its own `expires` plays no part: a run or test may leave the
    record once the policy no longer counts it, not because the lab typed an earlier expiry over
    it. An age past the calendar's end has not run out."""
    try:
        until = evidence_dated(ev, ctx.artifact_dates) + dt.timedelta(days=ctx.policy.evidence.max_age_days)
    except OverflowError:
        return False
    return until <= ctx.today


def same_weights(ctx: Context) -> bool:
    """Whether the version compared with (`ctx.previous`) is of the same weights as this one: a
    model digest in common, or, with a registry, weights it hashed for both (`Baseline.same_weights`:
    a weights file's bytes or a tensor), whatever digests either names. The weights re-saved beside
    one more file have another digest and are the same weights: a run or a test of them dropped is
    dropped, not replaced by a newer one (CG350, CG420)."""
    prev = ctx.previous
    if prev is None:
        return False
    return bool(set(prev.system.digests) & set(ctx.case.system.digests)) or (
        ctx.baseline is not None and ctx.baseline.same_weights)


def run_key(eid: str, ev: Evidence) -> tuple[str, ...]:
    """What identifies a run across versions (under any evidence id): the digest of its artifact
    with the digest of every further file its counts are read from (`source.files`, e.g.
    lm-eval's samples file, which holds the per-sample scores while the artifact pinned by
    `sha256` is the results file); else the item. A samples file rewritten beside the same
    results file is another run's record."""
    if not ev.sha256:
        return ("item", eid)
    return ("artifact", ev.sha256, *sorted(ev.source.files.values() if ev.source else ()))


def run_files_changed(old: Evidence, new: Evidence) -> list[str]:
    """The files of a run whose bytes differ between two versions of its item, in words: the
    artifact (by its `sha256`) and each further file its counts are read from (`source.files`),
    changed, added or gone. Empty when they are the same bytes."""
    out: list[str] = []
    if old.sha256 and new.sha256 and old.sha256 != new.sha256:
        out.append(f"{new.artifact} ({old.sha256[:12]}... -> {new.sha256[:12]}...)")
    was = old.source.files if old.source else {}
    now = new.source.files if new.source else {}
    for name in sorted(set(was) | set(now)):
        a, b = was.get(name), now.get(name)
        if a != b:
            out.append(f"{name} ({a[:12] + '...' if a else 'none'} -> {b[:12] + '...' if b else 'none'})")
    return out


def proportion(ev: Evidence) -> tuple[int, int] | None:
    """(successes, trials) of a capability result, or None when it has no success counts.

    Counts come from `successes`/`trials`; failing those, from binary per-sample scores, one trial
    per sample, a success when any of its epochs succeeded.
    """
    r = ev.result
    if r is None:
        return None
    if r.successes is not None and r.trials is not None and r.trials > 0:
        return r.successes, r.trials
    if r.samples and r.scale == "binary":
        best: dict[str, float] = {}
        for s in r.samples:
            best[s.id] = max(best.get(s.id, 0.0), s.score)
        if all(v in (0.0, 1.0) for v in best.values()):
            return sum(1 for v in best.values() if v == 1.0), len(best)
    return None


def bypass_counts(ev: Evidence) -> tuple[int, int] | None:
    """(bypasses, attempts) of a safeguard test, or None when it has no usable counts."""
    r = ev.result
    if ev.kind not in TEST_KINDS or r is None or r.bypasses is None or not r.attempts:
        return None
    return r.bypasses, r.attempts


class Shortfall(FrozenRecord):
    """One way an evaluation's elicitation falls short of a threshold's minimum."""

    _fields = ("field", "message")
    field: str
    """Which part of the elicitation record, e.g. 'attempts', 'scaffold'."""
    message: str
    """The shortfall with its numbers."""

    def __init__(self, field: str, message: str) -> None:
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "message", message)


_LIMITS = (("max_tokens", "tokens a generation may write", " tokens"),
           ("message_limit", "messages a sample may hold", ""),
           ("turn_limit", "assistant turns a sample may take", ""),
           ("working_limit", "working time a sample may take", " s"))
"""The per-generation and per-sample ceilings a policy may set a least value for: a run that set
none ran without that ceiling."""


def untuned_effort(ctx: Context, eid: str) -> str | None:
    """Why evidence `eid`, run against a `fine-tuned` checkpoint, does not count as that variant:
    the policy asks the fine-tuning attack for a least effort (`arguments.fine_tune`) and the item's
    log records less, or none of it, or the item has no log casegate reads (the case's word is
    never taken for it). None when the policy asks for none, the item's variant is below
    `fine-tuned`, or its log records at least what is asked (memoised per item). The words follow
    "not shown to have had the fine-tuning attack the policy asks for: "."""
    memo: dict[str, str | None] = ctx.memo.setdefault("untuned_effort", {})
    if eid in memo:
        return memo[eid]
    memo[eid] = got = None
    want = ctx.policy.arguments.fine_tune
    asked = want.asked() if want is not None else {}
    ev = ctx.case.evidence.get(eid)
    if not asked or ev is None or ev.elicitation is None or ev.elicitation.variant.rank < Variant.fine_tuned.rank:
        return None
    need = f"the policy asks the attack for at least {_effort(asked)} (`arguments.fine_tune`)"
    run = ctx.facts.derived(eid) if ctx.facts is not None else None
    if run is None:
        got = f"`{eid}` has no log casegate reads, so how much fine-tuning made its checkpoint is the case's word; {need}"
    else:
        had = run.fine_tune
        short = {k: v for k, v in asked.items() if had.get(k, -1.0) < v}
        if short:
            told = _effort({k: had[k] for k in short if k in had})
            untold = [k.replace("gpu_hours", "GPU-hours") for k in short if k not in had]
            where = f" (`{run.fine_tune_field}`)" if run.fine_tune_field else ""
            parts = ([f"records {told}"] if told else []) + ([f"records no {' or '.join(untold)}"] if untold else [])
            got = f"the log of `{eid}`{where} {' and '.join(parts)} of it; {need}"
    memo[eid] = got
    return got


def elicitation_shortfalls(ev: Evidence, minimum: ElicitationMinimum, tuning: str | None = None) -> list[Shortfall]:
    """Every way the item's elicitation is below `minimum` (empty when it meets it). A missing
    elicitation record is one shortfall. `tuning`: why the item's `fine-tuned` checkpoint does not
    count as that variant (`untuned_effort`), a shortfall where the minimum is `fine-tuned`."""
    e = ev.elicitation
    if e is None:
        return [Shortfall("elicitation", "records no elicitation (variant, attempts, scaffold, tools, budget)")]
    out: list[Shortfall] = []
    if e.attempts < minimum.attempts:
        out.append(Shortfall("attempts", f"ran {e.attempts} attempt(s) per task; the policy asks for at least {minimum.attempts}"))
    if e.scaffold.rank < minimum.scaffold.rank:
        out.append(Shortfall("scaffold", f"used scaffold `{e.scaffold.value}`; the policy asks for `{minimum.scaffold.value}` or stronger"))
    missing = [t for t in minimum.tools if t not in e.tools]
    if missing:
        out.append(Shortfall("tools", f"did not give the model tool(s) {', '.join(missing)} that the policy requires"))
    if e.variant.rank < minimum.variant.rank:
        out.append(Shortfall("variant", f"evaluated the `{e.variant.value}` variant; the policy asks for `{minimum.variant.value}` or more capable"))
    elif tuning is not None and minimum.variant.rank >= Variant.fine_tuned.rank:
        out.append(Shortfall("variant", f"evaluated a `{e.variant.value}` checkpoint not shown to have had the "
                                        f"fine-tuning attack the policy asks for: {tuning}"))
    if minimum.budget_tokens is not None and (e.budget_tokens is None or e.budget_tokens < minimum.budget_tokens):
        got = "no recorded token budget" if e.budget_tokens is None else f"a budget of {e.budget_tokens:,} tokens"
        out.append(Shortfall("budget_tokens", f"had {got} per task; the policy asks for at least {minimum.budget_tokens:,}"))
    if minimum.time_limit is not None and (e.time_limit is None or e.time_limit < minimum.time_limit):
        got = "no recorded time limit" if e.time_limit is None else f"a limit of {e.time_limit:,} s"
        out.append(Shortfall("time_limit", f"had {got} per task; the policy asks for at least {minimum.time_limit:,} s"))
    for field, what, unit in _LIMITS:
        need, had = getattr(minimum, field), getattr(e, field)
        if need is not None and had is not None and had < need:
            out.append(Shortfall(field, f"ran under a `{field}` of {had:,}{unit} ({what}); the policy asks for at "
                                        f"least {need:,}{unit}"))
    if minimum.cost_limit is not None and e.cost_limit is not None and e.cost_limit < minimum.cost_limit:
        out.append(Shortfall("cost_limit", f"ran under a `cost_limit` of ${e.cost_limit:g} per sample; the policy "
                                           f"asks for at least ${minimum.cost_limit:g}"))
    elif minimum.cost_limit is None and minimum.budget_tokens is not None and e.cost_limit is not None:
        # what a dollar buys in tokens is in no log: the spend cap, not the token budget, may be
        # what ended each sample, so the budget met is not established
        out.append(Shortfall("cost_limit", f"ran under a `cost_limit` of ${e.cost_limit:g} per sample, which can end a "
                                           f"sample before its token budget; the policy sets no least `cost_limit`, "
                                           f"so its budget of {minimum.budget_tokens:,} tokens is not shown met"))
    if minimum.samples is not None:
        counts = proportion(ev)
        n = counts[1] if counts else 0
        src = ev.source
        if src is not None and src.samples and src.scored is not None and src.scored < src.samples <= n:
            # the samples the log does not score are counted as solved (a bound over the whole
            # task, `evidence._facts.unscored_samples`), not as scored: the minimum is of samples
            # the run scored
            n -= (src.samples - src.scored) * (n // src.samples)
        if n < minimum.samples:
            out.append(Shortfall("samples", f"scored {n} sample(s); the policy asks for at least {minimum.samples}"))
    return out


def tools_named_in_words(ctx: Context) -> list[str]:
    """The tools the policy lists without `named_by` words (those with words are CG216's) that the
    boundary's list leaves out and its own words (`description`, `scope.users`, `scope.vetting`)
    name by the tool's own name, hyphens read as spaces, in a clause (`boundary_clauses`) that does
    not deny it (`outbound network access` names `network`; `no network egress` does not): a sandbox with
    network access described as such gives the model the network whatever the list says, and an
    evaluation run without it did not measure what is deployed. Worked out once per `Context`
    (`ctx.memo`)."""
    return _named_in_words(ctx.case, ctx.policy, ctx.memo)


def _named_in_words(case: Case, policy: Policy, memo: dict[str, Any] | None = None) -> list[str]:
    """`tools_named_in_words` of `case` under `policy`, kept in `memo` when given."""
    kept: list[str] | None = memo.get("tools_named_in_words") if memo is not None else None
    if kept is not None:
        return kept
    b = case.boundary
    if b is None:
        return []
    clauses = [_plain_words(read) for _written, read in boundary_clauses(case, memo)]
    out: list[str] = []
    for name, g in policy.tools.items():
        words = _plain_words(name)
        if name in b.tools or g.named_by or not words or not any(words in c for c in clauses):
            continue
        said = re.compile(r"(?<![\w])" + re.escape(words) + r"(?:s|es)?(?![\w])")
        if any(said.search(c) is not None and _WEIGHTS_WORDS[1].search(c) is None for c in clauses):
            out.append(name)
    if memo is not None:
        memo["tools_named_in_words"] = out
    return out


def granted_tools(ctx: Context) -> list[str]:
    """The tools the boundary grants: its list (`boundary.tools`), then those its own words grant
    by the tool's own name though the list leaves them out (`tools_named_in_words`). Every rule
    that weighs what a granted tool opens reads this, not the list alone: a list that drops the
    network while the description gives the agent outbound network access grants the network."""
    return granted_tools_of(ctx.case, ctx.policy, ctx.memo)


def granted_tools_of(case: Case, policy: Policy, memo: dict[str, Any] | None = None) -> list[str]:
    """`granted_tools` of `case` read under `policy`, where no `Context` is at hand (a version the
    registry holds, read with the policy stored with it); `memo`: a check's, when there is one."""
    b = case.boundary
    return [*b.tools, *_named_in_words(case, policy, memo)] if b is not None else []


def granted_tools_for(ctx: Context, tid: str) -> list[tuple[str, tuple[str, ...]]]:
    """(tool, the evaluation tools that stand for it) for every tool the boundary grants that the
    policy says matters for threshold `tid` (`Policy.tools`): a tool the policy does not list
    matters for every threshold and is stood for only by a log tool of its own name. A tool the
    boundary's words grant by its own name counts as granted though its list leaves it out
    (`granted_tools`)."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for name in granted_tools(ctx):
        g = ctx.policy.tools.get(name)
        if g is not None and g.matters_for is not None and tid not in g.matters_for:
            continue
        out.append((name, tuple(g.elicited_by) if g is not None and g.elicited_by else (name,)))
    return out


def tools_not_elicited(ctx: Context, ev: Evidence, tid: str) -> list[tuple[str, tuple[str, ...]]]:
    """(tool, the evaluation tools that stand for it) for each tool the boundary grants (that
    matters for `tid`) which the evaluation did not give the model: its elicitation's tools, as
    its log records them, lack one of the tools that stand for it."""
    had = set(ev.elicitation.tools) if ev.elicitation is not None else set()
    return [(name, need) for name, need in granted_tools_for(ctx, tid) if not set(need) <= had]


_UNSAID = {"system_message_sha256": "puts it before every conversation",
           "max_tokens": "caps a generation at or below it"}
"""What the case must say the deployment does, by the attribute of `boundary.configuration` that
says it, for an evaluation run under that setting to bound the deployment (`stricter_than_deployed`)."""


def _not_said(attribute: str, run: str | None = None) -> str:
    """Why an evaluation run under `run` (the setting, in words) is not shown to bound a deployment
    the case gives no configuration for: the case does not say the deployment does what
    `_UNSAID` holds for `attribute`, which is named. Without `run`, those words alone."""
    words = f"the case does not say the deployment {_UNSAID[attribute]}"
    return words if run is None else f"{run}; {words} (`boundary.configuration.{attribute}`)"


def stricter_than_deployed(ctx: Context, eid: str, ev: Evidence) -> list[str]:
    """Each way the evaluation ran the model configured more strictly than the deployment runs it
    (`boundary.configuration`), in words (empty when none): a system message the deployment is not
    shown to put before every conversation, and a ceiling on one generation below the deployment's
    (or where the deployment is not shown to put one). What the case does not say about the
    deployment is not taken to match: a result measured under a refusal prompt or 256 tokens a
    generation does not bound a deployment without them. The ceiling judged is the one the run
    gave (`max_tokens_at_run`, Inspect's `--max-tokens`) where the log tells it from the task's own
    (a task's own ceiling is its answer's form, fixed by the policy naming the task, and judged by
    CG301 against the policy's least `max_tokens`); where it does not (the generic format, an item
    with no log), the lowest ceiling the item records."""
    e = ev.elicitation
    if e is None:
        return []
    b = ctx.case.boundary
    conf = b.configuration if b is not None else None
    out: list[str] = []
    said = e.generate_config.get("system_message")
    if isinstance(said, str) and said.strip():
        digest = hashlib.sha256(said.encode("utf-8")).hexdigest()
        shown = f"a system message (generate_config.system_message, sha256 {digest[:12]}...)"
        if conf is None:
            out.append(_not_said("system_message_sha256", shown))
        elif conf.system_message_sha256 is None:
            out.append(f"{shown}; the deployment puts no system message (`boundary.configuration`)")
        elif conf.system_message_sha256 != digest:
            out.append(f"{shown}; the deployment puts another (sha256 {conf.system_message_sha256[:12]}...)")
    elif "system-instruction" in e.solver:
        where = ("the deployment's (`boundary.configuration.system_message_sha256`) cannot be matched to it"
                 if conf is not None and conf.system_message_sha256 is not None else
                 _not_said("system_message_sha256") if conf is None else "the deployment puts no system message")
        out.append(f"a system instruction whose text the log does not give (lm-eval `--system_instruction`); {where}")
    run = ctx.facts.derived(eid) if ctx.facts is not None else None
    # a log with no prompt digest (the generic format) holds no task definition apart from the
    # run: its ceiling is the run's
    ceiling = run.max_tokens_at_run if run is not None and run.source.prompt_digest is not None else e.max_tokens
    if ceiling is not None:
        cap = f"every generation capped at {ceiling:,} tokens"
        if conf is None:
            out.append(_not_said("max_tokens", cap))
        elif conf.max_tokens is None:
            out.append(f"{cap}; the deployment puts no ceiling on a generation (`boundary.configuration`)")
        elif conf.max_tokens > ceiling:
            out.append(f"{cap}; the deployment lets a generation run to {conf.max_tokens:,}")
    return out


def tool_words(tools: list[tuple[str, tuple[str, ...]]]) -> str:
    """Granted tools in words: `web-browsing (as web-search), persistent-shell`."""
    return ", ".join(name if need == (name,) else f"{name} (as {', '.join(need)})" for name, need in tools)


def scoped_out_on_boundary(ctx: Context) -> list[str]:
    """The scoped-out domains the policy sets no threshold for: their scoping-out rests on what the
    boundary is, not on measured inability (a domain with thresholds is held to its evaluations,
    and through them to the boundary's tools, by CG206 and CG301)."""
    measured = {th.domain for th in ctx.policy.thresholds.values()}
    return [did for did, t in ctx.case.threat_model.items()
            if t.scoped_out is not None and t.scoped_out.strip() and did not in measured]


def grants_against_scoping(ctx: Context, domain: str) -> list[tuple[str, str]]:
    """(`tools` or `sensitive_domains`, name) for each thing the boundary grants that the policy
    does not clear for scoping `domain` out (`Policy.tools`/`sensitive_domains` `scopes_out`): a
    tool or sensitive domain the policy does not list clears nothing. A tool the boundary's words
    grant by its own name is granted though its list leaves it out (`granted_tools`)."""
    b = ctx.case.boundary
    if b is None:
        return []
    pol = ctx.policy
    out = [("tools", t) for t in granted_tools(ctx) if t not in pol.tools or domain not in pol.tools[t].scopes_out]
    out += [("sensitive_domains", d) for d in b.sensitive_domains
            if d not in pol.sensitive_domains or domain not in pol.sensitive_domains[d].scopes_out]
    return out


def _plain_words(text: str) -> str:
    """Text lower-cased, with hyphens, underscores and slashes read as spaces and runs of spaces
    as one: how a boundary's words and a policy's names are compared (CG216)."""
    return " ".join(_JOINERS.sub(" ", as_read(text).lower()).split())


_JOINERS = lazy(r"[-_/]+")


_CVC = lazy(r"(?:^|[^aeiou])[aeiou][b-df-hj-np-tvz]$")
"""A word ending consonant, vowel, consonant (`log`, `shop`): its final consonant doubles before
`-ed` and `-ing` (`logged`, `shopping`)."""


_CONSONANT_Y = lazy(r"[^aeiou]y$")


def _word_forms(word: str) -> str:
    """A pattern matching `word` (lower case, one word) in its regular inflections: `-s`, `-es`,
    `-d`, `-ed`, `-ing`, the final consonant doubled before `-ed`/`-ing` (`logged in`), a final `e`
    dropped before `-ing` (`purchasing`), and a final consonant's `y` as `-ies`/`-ied` (`copied`).
    Irregular forms (`paid`) are not read: a framework lists them as words of their own."""
    forms = [re.escape(word) + r"(?:s|es|d|ed|ing)?"]
    if _CVC.search(word) is not None:
        forms.append(re.escape(word + word[-1]) + r"(?:ed|ing)")
    if word.endswith("e") and len(word) > 2:
        forms.append(re.escape(word[:-1]) + "ing")
    if _CONSONANT_Y.search(word) is not None:
        forms.append(re.escape(word[:-1]) + r"(?:ies|ied)")
    return "(?:" + "|".join(forms) + ")"


def _phrase_stems(words: str) -> tuple[str, ...]:
    """A part of each word of `words` that every inflection `_phrase_forms` reads holds (`purchas`
    for `purchase`, `cop` for `copy`): a text lacking one does not name the phrase, and no pattern
    is compiled for it."""
    return tuple(w[:-1] if w[-1:] in ("e", "y") else w for w in words.split(" "))


def _phrase_forms(words: str) -> str:
    """A pattern matching the phrase `words` (as `_plain_words` gives it) with each of its words in
    any of its regular inflections (`_word_forms`), standing as whole words: a framework naming a
    tool by `sign in` or `check out` names it in `signs in for you`, `logs into` and `checked out` too."""
    return r"(?<![\w])" + " ".join("in(?:to)?" if w == "in" else _word_forms(w) for w in words.split(" ")) + r"(?![\w])"


_CONFIRMING = lazy(r"\b(?:confirm\w*|approv\w*)\b", re.IGNORECASE)
"""A safeguard's title or a clause naming a person's confirmation or approval of an action."""
_OFF_ALWAYS = lazy(r"\bauto[- ]?(?:approv|confirm|accept)\w*|\bwithout\W+(?:(?:first\W+)?asking|confirming|approving"
                   r"|(?:the\W+)?(?:user'?s?\W+|their\W+|your\W+)?(?:confirmation|approval|ok))\b"
                   r"|\balways[- ]allow(?:s|ed|ing)?\b(?!\W+(?:the\W+)?(?:(?:all|our|its|their|security|vetted|verified|registered)\W+)?(?:users?|you|them|people|customers?|anyone|researchers?"
                   r"|staff|employees|members|admins?|administrators?|developers?|everyone|students?|visitors?)\b)"
                   r"|\ballow(?:s|ed)?\W+always\b|\b(?:no\W+longer|stop(?:s|ped|ping)?)\W+ask(?:s|ed|ing)?\b(?!\W+(?:for|about)\b)"
                   r"|\b(?:don'?t|never|do\W+not)\W+ask\W+again\b"
                   r"|\bwithout\W+(?:(?:a|any)\W+)?(?:prompt(?:ing)?|checking(?:\W+with\W+(?:the\W+user|them|you))?|"
                   r"(?:the\W+user['’]?s?\W+|their\W+|your\W+)?(?:consent|sign[- ]?off|go[- ]ahead))\b"
                   r"|\b(?:purchases?|payments?|orders?|transfers?|trades?|transactions?)\W+(?:[\w'’$-]+\W+){0,4}?"
                   r"(?:go(?:es)?\W+through|(?:are|is)\W+(?:completed|placed|executed))\W+automatically\b"
                   r"(?!\W+(?:once|after|when|if)\W+(?:[\w'’-]+\W+){0,3}?(?:approv|confirm)\w*)", re.IGNORECASE)
"""Words that let an action through unconfirmed on their own: `auto-approve`, `without asking`, a
tool or connector set to `always allow` (`allowed always`), actions that `no longer ask`, a prompt's
`don't ask again`, `without checking with them`, `without a prompt`, purchases that `go through
automatically`."""
_UNATTENDED = lazy(r"\b(?:unattended|unstaffed|unsupervised|unreviewed)\b|\blights[- ]out\b"
                   r"|\bautomatically\W+(?:approv|accept)\w*"
                   r"|\bwithout\W+(?:(?:a|an|any|the)\W+)?(?:(?:manual|human)\W+)?(?:humans?|persons?|people|"
                   r"technicians?|staff|operators?|reviewers?|reviews?|supervision|sign[- ]?offs?)\b"
                   r"|\bno\W+(?:humans?|technicians?|staff|one|reviewers?)\W+(?:[\w'’-]+\W+){0,2}?"
                   r"(?:on\W+site|present|on\W+shift|reviews?|checks?|approves?)\b", re.IGNORECASE)
"""Words that let an action run with no person there to review it: `unattended`, `lights-out`,
`automatically approved`, `without a technician`, `no staff on site`."""
_REVIEWED_BEFORE = lazy(r"\b(?:technicians?|staff|humans?|reviewers?|persons?|scientists?)\b(?:\W+[\w'’-]+){0,2}?\W+"
                        r"(?:approv|review|check|sign)\w*|\b(?:approved|reviewed|checked|signed\W+off)\W+by\W+"
                        r"(?:(?:a|an|the)\W+)?(?:[\w-]+\W+)?(?:technicians?|staff|humans?|reviewers?|persons?|scientists?)\b",
                        re.IGNORECASE)
"""Words after an unattended run saying a person reviewed what runs beforehand (`the robots run
unattended only protocols a technician has approved`)."""
_NO_ONE_READS = lazy(r"\W+(?:your|users['’]?|user['’]s|their|customers['’]?|customer['’]s)\W+(?:[\w-]+\W+)?"
                    r"(?:conversations?|chats?|prompts?|chat\W+history)\b", re.IGNORECASE)
"""What `no human reviews` is of where it says who reads the users' conversations (`no human reviews
your conversations unless they are flagged`), not what runs unreviewed."""
_DENIED_AFTER = lazy(r"\W*(?:[\w'’-]+\W+){0,3}?(?:(?:not|never|no|cannot|nothing|nobody|none)\b|[a-z]+n['’]t\b)",
                     re.IGNORECASE)
"""A clause that opens with a denial within its first four words (`no payment is made`, `the agent
won't complete a purchase`): after a clause that is `Without the user's approval` alone, what
it denies is done without."""
_OFF_HOURS = (r"(?:(?:the\W+|a\W+)?(?:weekends?|week-?ends?|nights?|overnight|night\W+shifts?|evenings?|holidays?|"
              r"public\W+holidays|bank\W+holidays|sundays?|saturdays?|after\W+hours|after\W+\d{1,2}\W*(?:[ap]m\b|:\d\d)?|"
              r"before\W+\d{1,2}\W*(?:[ap]m\b|:\d\d)?|out(?:side)?\W+(?:of\W+)?(?:business|working|office|opening)\W+"
              r"hours|out[- ]of[- ]hours|off[- ]hours|off[- ]shift|the\W+night\W+shift))")
_TIME_LIMITED = lazy(
    r"\b(?:but\W+not|except|excluding|apart\W+from|other\W+than|save\W+for)\W+(?:(?:at|on|during|in|over|for|"
    r"when|while)\W+){0,2}" + _OFF_HOURS + r"(?!\w)"
    r"|\b(?:on\W+)?weekdays\W+only\b|\bonly\W+(?:on\W+)?(?:weekdays|working\W+days|business\W+days)\b"
    r"|\bonly\W+(?:during|in|within|over)\W+(?:the\W+)?(?:business|working|office|opening|staffed|day(?:time)?|"
    r"normal|regular)\W*(?:hours|shifts?|time)?\b"
    r"|\b(?:during|in|within)\W+(?:the\W+)?(?:business|working|office|opening|staffed|day(?:time)?|normal|regular)"
    r"\W+(?:hours|shifts?)\W+only\b"
    r"|\bonly\W+(?:by\W+)?day\b|\bonly\W+(?:in\W+)?the\W+day(?:time)?\b",
    re.IGNORECASE)
"""Words limiting a person's review of each action in time (`but not at weekends`, `except overnight`,
`on weekdays only`, `only during business hours`): outside them the agent acts unreviewed, the
attacker then."""
_TIME_LIMIT_WORDS = ("but", "except", "excluding", "apart", "other", "save", "only")
"""A word each match of `_TIME_LIMITED` holds."""
_DAY = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|"
        r"sun(?:day)?)")
_TIME_SPAN = lazy(
    rf"\b(?P<d1>{_DAY})s?\b(?:\s*(?:-|–|—)\s*|\s+(?:to|through|thru|until|till)\s+)(?P<d2>{_DAY})s?\b"
    r"|\b(?P<between>between\s+)?(?P<h1>\d{1,2})(?::(?P<m1>\d\d))?\s*(?P<p1>[ap]m)?\s*"
    r"(?P<to>-|–|—|to|until|till|and)\s*(?P<h2>\d{1,2})(?::(?P<m2>\d\d))?\s*(?P<p2>[ap]m)?(?!\w)",
    re.IGNORECASE)
"""A span of days or hours (`Monday to Friday`, `Mon-Fri`, `9am to 5pm`, `8:00 to 18:00`, `between 9am
and 5pm`): a person's review of each action held to it leaves the rest of the week or the day
unreviewed, unless it is the whole of it (`Monday to Sunday`) or the words go on to cover the rest
(`_COVERED_TOO`). A span of hours is one where the second names `am` or `pm`, or both name minutes
(`_hours_span`); `and` joins its hours only after `between`."""
_TIME_WORDS = _TIME_LIMIT_WORDS + ("mon", "tue", "wed", "thu", "fri", "sat", "sun", *"0123456789")
"""A word each match of `_TIME_LIMITED` or `_TIME_SPAN` holds (a span of hours: a digit)."""
_TIME_GATE = _TIME_WORDS + ("weekday", "week day", "days", "hours", "daytime", "day time")
"""A word each limit `_time_limited` reads holds (`_LEADING_LIMIT` too)."""
_COVERED_TOO = lazy(r"\b(?:weekends?|week-ends?|saturdays?|sundays?|on[- ]?call|around\W+the\W+clock|"
                    r"round[- ]the[- ]clock|24\W?/\W?7|24\W+hours|all\W+hours|any\W+hour|at\W+all\W+times|overnight|"
                    r"nights?|evenings?|out[- ]of[- ]hours|after\W+hours|holidays?|every\W+day)\b", re.IGNORECASE)
"""Words after a span of days or hours by which the review covers the time outside it too (`Monday to
Friday, with weekend cover by the on-call team`), not denied just before (`_NOT_COVERED`)."""
_NOT_COVERED = lazy(r"\b(?:not|no|never|nor|none|except|excluding|without|closed)\b|n['’]t\b", re.IGNORECASE)
_DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")


def _hours_span(m: re.Match[str]) -> bool:
    """Whether a `_TIME_SPAN` match is a span at all: of days, or of hours whose second names `am` or
    `pm` (`9 to 5pm`) or both name minutes (`8:00 to 18:00`), joined by `and` only after `between`."""
    if m.group("d1") is not None:
        return True
    if m.group("to").lower() == "and" and m.group("between") is None:
        return False
    return m.group("p2") is not None or (m.group("m1") is not None and m.group("m2") is not None)


def _whole_span(m: re.Match[str]) -> bool:
    """Whether a `_TIME_SPAN` match is the whole week (`Monday to Sunday`) or the whole day (`00:00 to
    24:00`, `12am to 11:59pm`)."""
    if m.group("d1") is not None:
        first, last = _DAYS.index(m.group("d1")[:2].lower()), _DAYS.index(m.group("d2")[:2].lower())
        return last == (first + 6) % 7
    def minute(h: str, mm: str | None, p: str | None) -> int:
        hour = int(h) % 12 + 12 if p is not None and p.lower() == "pm" else int(h) % 12 if p is not None else int(h)
        return hour * 60 + int(mm or 0)
    gap = (minute(m.group("h2"), m.group("m2"), m.group("p2"))
           - minute(m.group("h1"), m.group("m1"), m.group("p1") or m.group("p2"))) % 1440
    return gap == 0 or gap >= 1439


_COVER_OF_OTHER = lazy(r"\b(?:support|help\W*desk|help\W*line|hot\W*line|sales|billing|enquir\w*|inquir\w*|"
                       r"customer\W+(?:service|success|care)|service\W+desk|office|phones?|calls?|chat|emails?|"
                       r"tickets?|deliver\w*|shipping|the\W+(?:shop|store|pharmacy|clinic|lab))\b", re.IGNORECASE)
"""Something other than the review named before words covering the time outside a span (`support is
available at weekends`): the cover is of it, not of the review."""


def _covered_after(text: str | None, start: int) -> bool:
    """Whether `text` from `start` (within 160 characters) covers the time outside a span (`_COVERED_TOO`,
    not denied within the 40 characters before, nor of something other than the review named
    between, `_COVER_OF_OTHER`)."""
    if text is None:
        return False
    for c in _COVERED_TOO.finditer(text, start, start + 160):
        if _NOT_COVERED.search(text, max(start, c.start() - 40), c.start()) is None \
                and _COVER_OF_OTHER.search(text, start, c.start()) is None:
            return True
    return False
_REVIEW_NAMED = lazy(
    r"\b(?:technicians?|staff|humans?|reviewers?|persons?|people|scientists?|operators?|officers?|pharmacists?|"
    r"analysts?|moderators?|clinicians?|supervisors?|"
    r"someone|an?\W+engineer|engineers|users?|owners?)\b(?:\W+[\w'’-]+){0,2}?\W+(?:approv|review|check|sign|confirm|"
    r"inspect)\w*|\b(?:approv|review|check|confirm|inspect)\w*\W+(?:[\w'’-]+\W+){0,4}?by\W+(?:(?:a|an|the|our)\W+)?"
    r"(?:[\w-]+\W+)?(?:technicians?|staff|humans?|reviewers?|persons?|scientists?|operators?|officers?|pharmacists?|"
    r"engineers?|users?|owners?)\b|\b(?:manual|human|technician|staff)(?:['’]s)?\W+(?:[\w-]+\W+)?"
    r"(?:review|approval|check|sign[- ]?off|confirmation)s?\b", re.IGNORECASE)
"""A person's review or approval of each action named in a clause (`a technician reviews each
protocol`, `each protocol is approved by a technician`): what a time limit after it limits."""
_OPENS_CLAUSE = lazy(r"\W*(?:(?:and|but|yet|though|although|however|still|so|then|or|also|even|this|that|it|all|from|on|"
                     r"typically|usually|normally|generally|mostly|(?:reviews?|approvals?|checks?|sign[- ]?offs?|"
                     r"confirmations?|reviewed|approved|checked|confirmed|staffed)(?:\W+(?:are|is))?)\W+)?$",
                     re.IGNORECASE)
"""Text before a time limit of at most a joining word or a word for the review: the limit opens its
clause (`but not at weekends` after `a technician reviews each protocol,`; `but only on weekdays`,
`reviews only on weekdays`), and limits what the clause before names. Not another thing the clause
names (`deliveries only on weekdays`). A span opening with `from` or `on` opens its clause too
(`from Monday to Saturday`)."""
_LEADING_LIMIT = lazy(
    r"\W*(?:only\W+)?(?:(?:on|during|in|within|over)\W+)?(?:the\W+)?(?:weekdays|week\W?days|working\W+days|"
    r"business\W+days|(?:business|working|office|opening|staffed|normal|regular)\W+hours|day\W?time)\b(?:\W+only\b)?",
    re.IGNORECASE)
"""Days or hours opening a clause with no `only` needed (`On weekdays, a moderator checks each post`,
`during business hours a technician reviews each protocol`): a limit of the review named after
them (`_review_after`), not of one named before."""
_LEADING_WORDS = ("weekday", "week day", "days", "hours", "daytime", "day time")
_LIMIT_ALONE = lazy(r"\W*(?:(?:only|utc|gmt|bst|cet|cest|est|edt|pst|pdt|et|pt|local\W+time)\b\W*)*$", re.IGNORECASE)
"""What may follow a limit that is its clause alone (`Monday to Friday`, `9am to 5pm UTC`)."""
_LIMITS_JOINED = lazy(r"\W*(?:(?:and|from|on|between)\W+)?", re.IGNORECASE)
_OTHER_BETWEEN = lazy(r"\b(?:and|but|while|whereas|when|where|so)\b", re.IGNORECASE)


def _review_after(read: str, end: int, after: str | None) -> bool:
    """Whether a person's review (`_REVIEW_NAMED`) is named after a limit ending at `end` in `read`,
    or, the limit being its clause alone (`_LIMIT_ALONE`), within the first 60 characters of the
    clause `after`; nothing else named between (`_COVER_OF_OTHER`: `support`) and no other clause
    begun (`and`, `while`)."""
    for text, start in ((read, end), (after if after is not None and _LIMIT_ALONE.match(read, end) else None, 0)):
        if text is None:
            continue
        r = _REVIEW_NAMED.search(text, start, start + 200)
        if r is not None and (text is read or r.start() <= 60) \
                and _COVER_OF_OTHER.search(text, start, r.start()) is None \
                and _OTHER_BETWEEN.search(text, start, r.start()) is None:
            return True
    return False


_UNATTENDED_WORDS = ("unattended", "unstaffed", "unsupervised", "unreviewed", "lights", "automatically", "without",
                     "human", "technician", "staff", "one", "reviewer")
_OFF_IF_CONFIRMING = lazy(r"\b(?:turn|switch)\w*\W+(?:\w+\W+){0,3}?off\b|\bdisabl\w*|\bopt(?:s|ed|ing)?\W+out\b|"
                          r"\bskip\w*|\bwaiv\w*|\boptional\b|\bbypass\w*"
                          r"|\bnot\W+(?:needed|required|necessary)\W+(?:for|on|when|if|with)\W+(?:[\w'’$-]+\W+){0,4}?"
                          r"(?:under|below|less\W+than|up\W+to|small|repeat|trusted|saved|recurring|low-value)\b"
                          r"|\bonly\W+(?:required|needed|asked\W+for)\W+(?:(?:for|on|when|if)\W+)?(?:[\w'’-]+\W+){0,3}?"
                          r"(?:over|above|exceeding|more\W+than)\W+[$£€\d]", re.IGNORECASE)
"""Words that let an action through unconfirmed where the clause names the confirmation:
`turn off confirmation`, `approval is optional`, `approval is not needed for purchases under $50`,
`confirmation is only required for purchases over $50`."""
_DENIED = lazy(r"(?:\b(?:not|never|no|cannot|can't|nor|nothing|nobody|none|rather\W+than|instead\W+of)\b|n't\b)"
               r"(?:\W+\w+){0,3}\W*$", re.IGNORECASE)
"""Text ending in a denial and at most three more words: what follows is denied (`confirmation
cannot be turned off`, `never auto-approved`)."""


def confirmation_off_in_words(case: Case, memo: dict[str, Any] | None = None) -> str | None:
    """The first clause of the boundary's own words (`boundary_clauses`) that lets users turn a
    confirmation or approval step off, or lets the agent act without it (`users can auto-approve
    purchases under $50`, `turn off confirmation for trusted sites`, `pays without asking`), words
    a denial does not stand just before (`cannot be turned off`); None when none does. A pronoun
    turned off in a clause that names no confirmation stands for one the clause before it names as a
    noun of its number (`confirmation is on by default; users can turn it off`, `_pronoun_off`). A
    person's review of each action limited in time (`a technician reviews each protocol, but not at
    weekends`, `_time_limited`) lets the agent act without it outside that time. A safeguard that is
    the user's confirmation holds only for the users who keep it on (CG428)."""
    clauses = _clauses_after(case, memo)
    marks: tuple[str, ...] | None = None  # (worked out once, where a clause opens with `without`)
    for at, (written, read, before) in enumerate(clauses):
        # a clause with no trigger word can only turn off, by a pronoun, a confirmation the one before names
        if not _may_say(read, _CONFIRMATION_TRIGGER) and not _may_say(read, _UNATTENDED_WORDS) \
                and (before is None or not _may_say(before, _CONFIRMATION_TRIGGER)) \
                and not _may_say(read, _TIME_GATE):
            continue
        after = clauses[at + 1][1] if at + 1 < len(clauses) and clauses[at + 1][2] is read else None
        rest = clauses[at + 2][1] if after is not None and at + 2 < len(clauses) and clauses[at + 2][2] is after else None
        if _may_say(read, _TIME_GATE) and (limited := _time_limited(read, before, after, rest)) is not None:
            clause = " ".join(written.split())
            return clause if limited else f"{' '.join((before or '').split())} ... {clause}"
        # each test reads a bounded stretch before or after a match, so a long clause reads in linear time
        qualified = max((q.start() for q in _QUALIFIED.finditer(read)), default=-1)
        offs = [m for m in _OFF_ALWAYS.finditer(read) if not _offered_nowhere(read, m.end(), qualified)
                and not _persons_permission(read, m)]
        if _may_say(read, _UNATTENDED_WORDS):
            offs += [m for m in _UNATTENDED.finditer(read)
                     if _REVIEWED_BEFORE.search(read, m.end(), m.end() + 120) is None
                     and _NO_ONE_READS.match(read, m.end()) is None]
        confirming = _CONFIRMING.search(read)
        if confirming is not None:
            offs += [m for m in _OFF_IF_CONFIRMING.finditer(read) if _of_confirmation(read, m, confirming.end())]
        pronouns: list[re.Match[str]] = []
        if confirming is None and before is not None and (named := _last_confirmation_noun(before)) is not None:
            pronouns = [m for m in _OFF_IF_CONFIRMING.finditer(read) if _pronoun_off(read, m, named)]
            offs += pronouns
        # `Without the user's approval, no payment is made`: a clause opening with `without`, the
        # clause after its comma opening with an unqualified denial, says what is not done without
        after = clauses[at + 1][1] if at + 1 < len(clauses) and clauses[at + 1][2] is read else None
        if offs and after is not None and _DENIED_AFTER.match(after) is not None and _QUALIFIED.search(after) is None:
            marks = marks if marks is not None else _clause_marks(case, memo)
            if len(marks) == len(clauses) and marks[at] == ",":
                offs = [m for m in offs if read[:m.start()].strip() or not m.group(0).lower().startswith("without")]
        denied = False
        for m in sorted(offs, key=lambda m: m.start()):
            near = max(0, m.start() - 80)  # a denial and three words
            # `cannot be switched off or bypassed`: a word joined to a denied one by `or` is denied too
            denied = (_DENIED.search(read, near, m.start()) is not None
                      or (denied and _JOINED.search(read, near, m.start()) is not None))
            if not denied:
                clause = " ".join(written.split())
                # a pronoun's clause is quoted with the clause naming what it stands for
                return f"{' '.join((before or '').split())} ... {clause}" if m in pronouns else clause
    return None


def title_time_limited(sg: Safeguard) -> str | None:
    """The words of a safeguard's title that limit the person's review or approval it names in time
    (`A technician's review of every protocol, weekdays only`, `_time_limited`); None where none do.
    Outside that time the agent acts unreviewed, whatever the boundary's words say (CG428)."""
    if sg.title is None or not _may_say(sg.title, _TIME_GATE):
        return None
    before: str | None = None
    reads = [(written, as_read(written)) for written in _CLAUSES.split(sg.title)]
    for at, (written, read) in enumerate(reads):
        after = reads[at + 1][1] if at + 1 < len(reads) else None
        rest = reads[at + 2][1] if at + 2 < len(reads) else None
        if _may_say(read, _TIME_GATE) and _time_limited(read, before, after, rest) is not None:
            return " ".join(written.split())
        if read.strip():
            before = read
    return None


def _time_limited(read: str, before: str | None, after: str | None = None, rest: str | None = None) -> bool | None:
    """Whether the clause `read` limits a person's review of each action in time (`_TIME_LIMITED`, or
    a span of days or hours, `_TIME_SPAN`, not the whole week or day, not followed in it or in the
    clause `after` by words covering the rest) after naming it (True: `a technician reviews each
    protocol except overnight`), or, where the limit opens the clause, after the clause `before`
    names it (False: `a technician reviews each protocol, but not at weekends`), the limit not
    denied (`not only on weekdays`); True too where the limit opens the clause (or a leading one,
    `_LEADING_LIMIT`: `on weekdays`) and the review is named after it, in the clause or opening the
    clause `after` (`Monday to Friday, a technician reviews each protocol`, `_review_after`), no cover
    of the rest following in `after` or `rest`; None where it does neither."""
    named: int | None = None  # (where the clause's first review ends, -1 for none: looked for once)
    named_before: bool | None = None
    limits: Iterable[re.Match[str]] = _TIME_LIMITED.finditer(read)
    if _may_say(read, _TIME_WORDS[len(_TIME_LIMIT_WORDS):]):
        spans = [m for m in _TIME_SPAN.finditer(read) if _hours_span(m) and not _whole_span(m)]
        if spans and (_covered_after(read, spans[-1].end()) or _covered_after(after, 0)):
            spans = []
        limits = sorted([*limits, *spans], key=lambda m: m.start())
    leading = _LEADING_LIMIT.match(read) if _may_say(read, _LEADING_WORDS) else None
    if leading is not None and not (_covered_after(read, leading.end()) or _covered_after(after, 0)):
        limits = [leading, *limits]
    opened = -1  # where the last limit opening the clause ends
    for m in limits:
        if _DENIED.search(read, max(0, m.start() - 80), m.start()) is not None:
            continue
        if named is None:
            first = _REVIEW_NAMED.search(read)
            named = first.end() if first is not None else -1
        if 0 <= named <= m.start():
            return True
        # a limit opening the clause, or following one that does (`Mon-Fri 9am to 5pm`), before the review
        if m.start() <= 64 and (_OPENS_CLAUSE.match(read, 0, m.start()) is not None
                                or (0 <= opened and _LIMITS_JOINED.fullmatch(read, opened, m.start()) is not None)):
            opened = m.end()
            if _review_after(read, m.end(), after) and not _covered_after(rest, 0):
                return True
        if m is leading:
            continue
        if before is not None and m.start() <= 64 and _OPENS_CLAUSE.match(read, 0, m.start()) is not None:
            if named_before is None:
                named_before = _REVIEW_NAMED.search(before) is not None
            if named_before:
                return False
    return None


_OBJECT_CONFIRMING = lazy(r"\W+(?:(?!(?:and|or|but|nor)\b)[\w'’$-]+\W+){0,3}?(?:confirm|approv)\w*"
                          r"|\W+(?:it|this|that|them)\b", re.IGNORECASE)
"""What an off word turns off, where it names the confirmation: within three words after it, not
past an `and` (`disable payment confirmations`, `bypass the approval step`, `turn it off`; not
`skip the tutorial and approve`)."""
_PASSIVE = lazy(r"\b(?:be|is|are|was|were|been|being)\W+(?:\w+ly\W+)?$", re.IGNORECASE)
"""Text ending in a form of `be`: the off word after it says what its subject is (`confirmation is
optional`, `approval can be skipped`), the confirmation named before it."""
_JOINED = lazy(r"\b(?:or|nor|and)\W*$", re.IGNORECASE)
_OFFERED_NOWHERE = lazy(r"(?:\W+(?:[\w'’-]+\W+){0,3}?)?(?:(?:is|are|was|were|has\W+been|have\W+been)\W+"
                        r"(?:not\W+(?:available|offered|supported|possible|provided|allowed|permitted)|never\W+"
                        r"(?:available|offered|allowed|permitted)|unavailable|removed)"
                        r"|(?:cannot|can\W+not|can't|may\W+not)\W+be\W+(?:selected|chosen|set|enabled|turned\W+on|"
                        r"switched\W+on|granted|used))\b", re.IGNORECASE)
"""Words right after `auto-approve` saying no one has it (`auto-approve is not available`,
`auto-approval of purchases was removed`, `'always allow' cannot be selected for payments`)."""
_ALLOWED_A_PERSON = lazy(r"\b(?:users?|you|customers?|people|members|researchers?|staff|employees|admins?|"
                         r"administrators?|developers?|everyone|anyone)\W+(?:are|is|will\W+be|remain)\W+$",
                         re.IGNORECASE)
"""Words before `always allowed to` naming a person it is said of (`users are always allowed to cancel
a task`): a permission of theirs, not a setting letting an action through unconfirmed."""
_TO_NEXT = lazy(r"\W+to\b", re.IGNORECASE)
_QUALIFIED = lazy(r"[\d$£€]|\b(?:over|above|under|below|more|less|except|unless|until|default|only|but|yet|"
                  r"outside|beyond|yet|currently|now)\b", re.IGNORECASE)
"""Words after such a denial that leave it partial (`not available for purchases over $50`, `not
available by default`, `not available yet`)."""


_CONFIRMATION_TRIGGER = ("auto", "without", "confirm", "approv", "always", "ask")
"""A word each match of `_OFF_ALWAYS` or `_CONFIRMING` holds: a clause without one turns no
confirmation off (`_OFF_IF_CONFIRMING` is read only in a clause naming one)."""


def _offered_nowhere(read: str, end: int, qualified: int) -> bool:
    """Whether the words after an `auto-approve` at `end` say it is offered to no one, unqualified
    (`qualified`: where the clause's last `_QUALIFIED` word starts, -1 for none)."""
    m = _OFFERED_NOWHERE.match(read, end)
    return m is not None and qualified < m.end()


def _persons_permission(read: str, m: re.Match[str]) -> bool:
    """Whether an `always allowed` at `m` is followed by `to` and said of a person (`users are always
    allowed to cancel a task`, `_ALLOWED_A_PERSON`): what they may do, not an action let through."""
    return (m.group(0).lower().endswith("allowed") and _TO_NEXT.match(read, m.end()) is not None
            and _ALLOWED_A_PERSON.search(read, max(0, m.start() - 40), m.start()) is not None)


def _of_confirmation(read: str, m: re.Match[str], named: int) -> bool:
    """Whether an off word (`_OFF_IF_CONFIRMING`) in a clause naming a confirmation turns that
    confirmation off: it names it itself (`turn confirmation off`), or as its object
    (`_OBJECT_CONFIRMING`), or says it of the confirmation named before it (`_PASSIVE`, `turn it
    off`); not
    `users confirm each purchase and can turn off notifications`. `named`: where the clause's first
    confirmation word ends."""
    if _CONFIRMING.search(m.group(0)) is not None or _OBJECT_CONFIRMING.match(read, m.end()) is not None:
        return True
    return named <= m.start() and (_PASSIVE.search(read, max(0, m.start() - 64), m.start()) is not None
                                   or _PRONOUN.search(m.group(0)) is not None)


_PRONOUN = lazy(r"\b(?:it|this|that|them)\b", re.IGNORECASE)
"""A pronoun inside `turn it off`: it stands for the confirmation named before it."""
_CONFIRMATION_NOUN = lazy(r"\b(?:confirmation|approval)(s)?\b", re.IGNORECASE)
"""A confirmation named as a noun (`confirmation is on by default`), its plural marked: what `it`
or `them` in the next clause may stand for."""
_PRONOUN_OBJECT = lazy(r"\W+(it|them)\b(?!\W+(?:is|are|was|were)\b)", re.IGNORECASE)
"""`it` or `them` right after an off word, as its object (`disable it`)."""
_IN_TURN = lazy(r"\W(it|them)\W", re.IGNORECASE)
"""`it` or `them` inside `turn it off`."""
_PERSONS = (r"(?:users?|customers?|people|persons?|members?|shoppers?|owners?|parents?|admins?|"
            r"accounts?\W+holders?|user'?s?|customer'?s?|they|you|we|it)\b")
"""A person, or `it` (the thing the pronoun stands for): not another thing `it` may stand for."""
_THING_NAMED = lazy(r"\b(?:the|a|an|this|that|these|those|its|their|our|your|his|her|each|every)\W+(?!" + _PERSONS +
                    r")[a-z]|\b(?!" + _PERSONS + r")[a-z]+\W+(?:is|are|was|were)\b", re.IGNORECASE)
"""A thing other than a person named with a determiner (`the agent`, `a feature`) or as what is
something (`dark mode is available`): `it` after it may stand for that thing, not for a
confirmation named a clause before."""


def _clauses_after(case: Case, memo: dict[str, Any] | None = None, split: Any = None,
                   key: str = "clauses_after") -> list[tuple[str, str, str | None]]:
    """(the clause as written, as read, the clause before it as read, None for a text's first) for
    each clause of the boundary's own words split as `split` splits them (`_CLAUSES`, as
    `boundary_clauses` gives them, by default), the clause before being the last one of the same
    boundary text that is not blank, across a sentence's end (`Confirmation is on. Users can turn it
    off.`). Worked out once per check, under `key`, when given its `memo`."""
    got: list[tuple[str, str, str | None]] | None = memo.get(key) if memo is not None else None
    if got is not None:
        return got
    splitter = _CLAUSES if split is None else split
    got = []
    for text in _boundary_texts(case):
        before: str | None = None
        for written in splitter.split(text):
            for read in splitter.split(as_read(written)):
                got.append((written, read, before))
                if read.strip():
                    before = read
    if memo is not None:
        memo[key] = got
    return got


def _last_confirmation_noun(before: str) -> bool | None:
    """Whether the last confirmation the clause `before` names as a noun (`_CONFIRMATION_NOUN`) is
    plural; None where it names none."""
    nouns = [m.group(1) is not None for m in _CONFIRMATION_NOUN.finditer(before)]
    return nouns[-1] if nouns else None


def _pronoun_off(read: str, m: re.Match[str], plural: bool) -> bool:
    """Whether an off word (`_OFF_IF_CONFIRMING`) in a clause naming no confirmation turns off the
    confirmation the clause before it names as a noun (`plural`: whether that noun is): its object
    is `it` or `them` of that number (`turn it off`, `disable them`), and nothing but a person is
    named with a determiner before the off word (`users can turn it off`; not `the agent is fast
    and users can turn it off`)."""
    got = _IN_TURN.search(m.group(0)) or _PRONOUN_OBJECT.match(read, m.end())
    if got is None or _THING_NAMED.search(read, max(0, m.start() - 120), m.start()) is not None:
        return False
    return (got.group(1).lower() == "them") == plural


_REVIEWER = (r"(?:technician|staff|human|person|operator|scientist|reviewer|officer|engineer|pharmacist|clinician|"
             r"nurse|physician|doctor|analyst|supervisor|moderator)")
_PERSON_REVIEW = lazy(
    rf"\b(?:{_REVIEWER}|manual)s?(?:['’]s?)?\W+"
    r"(?:[\w-]+\W+){0,2}?(?:review|check|inspection|sign[- ]?off)\w*"
    r"|\b(?:review|check|inspection|sign[- ]?off)\w*\W+(?:[\w-]+\W+){0,6}?by\W+(?:(?:a|an|the|its|our)\W+)?"
    rf"(?:[\w-]+\W+)?{_REVIEWER}s?\b", re.IGNORECASE)
"""A safeguard's title naming a person's review of each action (`a technician's review of every
protocol`, `human review of each order`, `check of every run by lab staff`, `an engineer reviews
each commit`, `a pharmacist checks each order`)."""
_PERSON_REVIEW_TRIGGER = ("technician", "staff", "human", "person", "operator", "scientist", "reviewer", "officer",
                          "manual", "engineer", "pharmacist", "clinician", "nurse", "physician", "doctor", "analyst",
                          "supervisor", "moderator")
_REVIEWED_AFTER = frozenset({"monitoring", "user-vetting", "logging", "incident-response", "model-behaviour",
                             "pretraining-data-filtering", "unlearning", "tamper-resistant-training"})
"""Layers whose review by a person is of who the users are, of what was done, or of what the model
was trained on (`refusal training reviewed by human red-teamers`), not a step each action waits on."""


_SHARE = lazy(
    r"(?<![\d.,])(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)"
    r"|\b(?:one|1)\W+(?:[\w-]+\W+)?in\W+(?:(?:a|every|each)\W+)?(?P<in>\d[\d,]*|ten|twenty|fifty|hundred|thousand)\b"
    r"|\b(?P<of>\d[\d,]*)\W+(?:out\W+)?of\W+(?:the\W+|its\W+|their\W+)?(?P<whole>\d[\d,]*)\b"
    r"|\b(?:a|an)\W+(?:(?:small|random|fixed|daily|weekly|rotating|representative|stratified)\W+){0,2}"
    r"(?:samples?|subsets?|fractions?|portions?|shares?|selection)\W+of\b"
    r"|\b(?:spot[- ]?check\w*|sampl(?:es|ed|ing)|randomly\W+(?:selected|chosen|picked))\b"
    r"|\bsome\W+of\W+(?:the\W+|its\W+|their\W+)?(?=(?:[\w-]+\W+){0,2}?" r"(?:actions?|transcripts?|trajector))",
    re.IGNORECASE)
"""Words saying a review sees a share of what it reviews: `1% of transcripts`, `one in a hundred`,
`100 of the 10,000 instances`, `a random sample of`, `spot-checks`, `sampled`."""
_SHARE_WORDS = ("%", "cent", "sampl", "spot", " in ", " of ", "subset", "fraction", "portion", "share", "selection",
                "random")
_REVIEWED_THINGS = lazy(
    r"\b(?:actions?|transcripts?|trajector(?:y|ies)|sessions?|episodes?|runs?|instances?|agents?|steps?|"
    r"tool\W+calls?|commands?|jobs?|changes?|commits?|traffic|logs?|conversations?|outputs?|rollouts?|tickets?|"
    r"merges?|pull\W+requests?|diffs?|edits?|experiments?|tasks?)\b", re.IGNORECASE)
"""What a monitor or a review reads: a share of these is a share of what it is meant to stop."""
_AFTER_SUSPICION = lazy(
    r"\b(?:top|most|highest|least)\b|\bsuspicio\w*|\bflag\w*|\balerts?\b|\bescalat\w*|\balso\b|"
    r"\badditional\w*|\bin\W+addition\b|\bsampling\W+(?:temperature|parameters?)\b|\bre-?(?:review|check|audit|read)\w*"
    r"|\bsecond\W+(?:look|review|reviewer|check|engineer|person)\b|\balready\b", re.IGNORECASE)
"""Words near a share that make it a second look at what the review already saw (`humans audit the
top 1% of actions by suspicion`, `a random sample of flagged actions`, `also audit 1% of
transcripts`), not the review's reach."""
_MONITOR_NAMED = lazy(r"\bmonitor\w*|\bwatch(?:es|ed|ing|er)?\b|\bsurveil\w*|\boversight\b", re.IGNORECASE)
_OTHER_REVIEWER = lazy(r"\b(?:humans?|staff|people|persons?|reviewers?|auditors?|researchers?|engineers?|teams?|"
                       r"analysts?|on[- ]?call)\b", re.IGNORECASE)
_EVERY = lazy(r"\b(?:every|each|all)\W+(?:[\w-]+\W+){0,3}?$", re.IGNORECASE)
_OF_END = lazy(r"\bof\W+$", re.IGNORECASE)


def _sample_in(read: str) -> bool:
    """Whether the clause `read` says a review of it sees only a share of what it reviews: a share
    (`_SHARE`) under 100% of actions, transcripts, instances (`_REVIEWED_THINGS`, within six words
    after it or the share's own noun), not denied, not a share of flags or of the most suspicious
    (`_AFTER_SUSPICION`), not `every ... of`."""
    if not _may_say(read, _SHARE_WORDS):
        return False
    for m in _SHARE.finditer(read):
        if m.group("pct") is not None and float(m.group("pct")) >= 100:
            continue
        if m.group("of") is not None:
            part, whole = int(m.group("of").replace(",", "")), int(m.group("whole").replace(",", ""))
            if whole == 0 or part >= whole:
                continue
        near = read[max(0, m.start() - 80):m.start()]
        # `every action` before a share is a review of all of it, unless the share is what it is of
        # (`every action of 1% of instances`)
        if _DENIED.search(near) is not None or (_EVERY.search(near) is not None and _OF_END.search(near) is None):
            continue
        thing = _REVIEWED_THINGS.search(read, m.start(), m.end() + 60)
        if thing is None and _REVIEWED_THINGS.search(read, max(0, m.start() - 40), m.start()) is None:
            continue
        # the share's own words and four words after what it is of: `the top 1% of actions by suspicion`
        end = thing.end() if thing is not None else m.end()
        tail = re.match(r"(?:\W+[\w'’-]+){0,4}", read[end:end + 60])
        if _AFTER_SUSPICION.search(read, max(0, m.start() - 24), end + (tail.end() if tail else 0)) is not None:
            continue
        return True
    return False


_SHARE_CLAUSES = lazy(r"[;:()\n]|\.(?!\d)|,(?!\d{3}(?!\d))")
"""Where a clause ends for a share: as `_CLAUSES`, but not inside a number (`10,000`, `0.5%`)."""


def sampled_in_words(case: Case, sid: str, memo: dict[str, Any] | None = None) -> str | None:
    """The words saying the safeguard `sid` reviews only a share of what it is to stop: its title
    (`Trusted-model monitor reviewing a random 1% of agent transcripts`), or, for a safeguard at the
    `monitoring` layer, a clause of the boundary's own words naming a monitor (or following one that
    does and naming no other reviewer) that says so (`the monitor reviews 1% of transcripts`); None
    when none does. Its tests had it look at every planted attempt; deployed, it looks at that share
    and lets the rest through unseen (CG430)."""
    sg = case.safeguards[sid]
    if sg.title is not None and any(_sample_in(read) for read in _SHARE_CLAUSES.split(as_read(sg.title))):
        return sg.title
    if str(sg.layer) != "monitoring":
        return None
    for written, read, before in _clauses_after(case, memo, _SHARE_CLAUSES, "share_clauses"):
        if not _may_say(read, _SHARE_WORDS):
            continue
        if _MONITOR_NAMED.search(read) is not None and _sample_in(read):
            return " ".join(written.split())
        # `transcripts are monitored, sampled at 1%`: the share of what the clause before monitors
        if before is not None and _MONITOR_NAMED.search(before) is not None \
                and _OTHER_REVIEWER.search(read) is None and _SHARE.search(read) is not None \
                and _sample_in(f"{before} {read}"):
            return f"{' '.join(before.split())} ... {' '.join(written.split())}"
    return None


_TRAFFIC = (
    r"(?:prompts?|telemetry|logs?|usage(?:\W+data)?|conversations?|transcripts?|traffic|requests?|queries|"
    r"inputs?|outputs?|completions?|user\W+data|customer\W+data|(?:any|no)\W+data)"
)
_SITE = (
    r"(?:(?:the|their|its|each|every|a)\W+)?(?:(?:customer|client|agency|bank|hospital|user)['’]?s?\W+(?:own\W+)?"
    r"(?:sites?|premises|data\W?cent(?:re|er)s?|networks?|appliances?|buildings?|facilit(?:y|ies)|hardware|devices?)"
    r"|on[- ]?prem(?:ise)?s?|sites?|premises|appliances?)"
)
"""Where the users' traffic is kept: the customer's own site, premises, data centre, network or
appliance, or a site, premises or appliance alone; not a data centre or network of no one named
(`logs are stored in the data centre` is the developer's as often)."""
_DEVELOPER = r"(?:us|we|the\W+(?:lab|developer|provider|vendor|supplier|company)|(?P<{}>(?-i:[A-Z][\w&-]*)))"
"""Who the traffic would reach: the developer by a word for it, or by a proper name (the group named
as given), which counts where it is the developer's (`organisation_among`)."""
_TRAFFIC_KEPT = (
    # `no prompts or telemetry leave the customer's site`, `logs never leave the appliance`; `prompts
    # stay on the customer's premises`; `no telemetry is sent to Acme`, `prompts are never shared with
    # the lab`: what is kept, then up to five words, then where it stays or whom it does not reach
    rf"\b{_TRAFFIC}\b\W+(?:[\w-]+\W+){{0,5}}?(?:(?P<site>"
    rf"(?:leaves?|leaving|exits?|goes|go|sent|pass(?:es)?)\W+(?:out\W+of\W+|off\W+|beyond\W+)?{_SITE}"
    # (`stored` or `held` alone says where a copy is, not that none leaves: `outputs can be stored on
    # customer premises`; `held only on the appliance` says so)
    rf"|(?:stays?|remains?|kept|(?:held|stored)\W+(?:only|solely|exclusively)|(?:only|solely|exclusively)\W+"
    rf"(?:held|stored))\W+(?:on|in|at|within|inside)\W+{_SITE})"
    rf"|(?:sent|shared|transmitted|reported|returned|visible|shown|uploaded|forwarded|available)\W+"
    rf"(?:back\W+)?(?:to|with)\W+{_DEVELOPER.format('sent_to')})\b"
    # `the appliance sends no telemetry to Acme`
    rf"|\b(?:sends?|shares?|reports?|transmits?|returns?|uploads?)\W+(?:no|nothing|never\W+[\w-]+)\W+(?:[\w-]+\W+){{0,2}}?"
    rf"{_TRAFFIC}\b\W+(?:back\W+)?(?:to|with)\W+{_DEVELOPER.format('sends')}\b"
    # `Acme never sees prompts`, `we have no access to the customers' traffic` (not what it keeps: a
    # lab that retains no prompts still screens them as they pass)
    rf"|\b{_DEVELOPER.format('sees')}\W+(?:[\w-]+\W+){{0,2}}?(?:sees?|receives?|"
    rf"has\W+(?:no\W+)?(?:access|visibility)|have\W+(?:no\W+)?(?:access|visibility))\W+(?:[\w-]+\W+){{0,3}}?{_TRAFFIC}\b"
    # `air-gapped sites`, `the agency's air-gapped network`, `some sites are air-gapped`, `the deployment
    # is fully air-gapped` (not a network
    # or data centre of no one named: `the training cluster is air-gapped` is the developer's)
    rf"|(?P<gapped>\bair[- ]?gapped\W+(?:[\w-]+\W+){{0,2}}?(?:sites?|premises|installations?|deployments?|customers?)\b"
    rf"|\b(?:customer|client|agency|bank|hospital)['’]?s?\W+(?:own\W+)?air[- ]?gapped\b"
    rf"|\b(?:sites?|premises|installations?|appliances?|deployments?)\W+(?:[\w-]+\W+){{0,2}}?air[- ]?gapped\b)"
)
_TRAFFIC_TRIGGER = ("telemetry", "prompt", "log", "usage", "conversation", "transcript", "traffic", "request",
                    "quer", "input", "output", "completion", "data", "air", "phon")
_TRAFFIC_VERBS = ("leav", "exit", "go", "sent", "pass", "stay", "remain", "kept", "held", "stor", "shar",
                  "transmit", "report", "return", "visib", "shown", "upload", "forward", "availab", "send", "see",
                  "receiv", "access", "gapped", "stream", "relay", "sync", "ship", "push", "export", "transfer",
                  "cop", "mirror", "collect", "pull", "ingest", "get", "phon")
"""A word each match of `_TRAFFIC_WORDS` or `_TRAFFIC_REACHES` holds beside what is kept: its verb."""
_TRAFFIC_WORDS = lazy(_TRAFFIC_KEPT, re.IGNORECASE)
_TRAFFIC_DENIED = lazy(r"\b(?:no|not|never|without|none|nor|neither|cannot|can't)\b|n't\b"
                       r"|\bair[- ]?gapped\b", re.IGNORECASE)
_TRAFFIC_EXCEPT = lazy(r"\b(?:except|unless|other\W+than|apart\W+from|save\W+for|but\W+for|only\W+(?:when|if))\b",
                       re.IGNORECASE)
"""A clause letting some traffic out (`no prompts leave the site unless flagged`) lets the monitor see it."""
_LOCAL_MONITOR = lazy(
    r"\b(?:on|inside|within|in|at)\W+(?:the\W+|each\W+|every\W+|its\W+|their\W+)?"
    r"(?:(?:customer|client|agency|site)['’]?s?\W+(?:own\W+)?)?"
    r"(?:appliances?|devices?|premises|sites?|data\W?cent(?:re|er)s?|hardware)\b"
    r"|\bon[- ]?(?:site|prem(?:ise)?s?|device)\b|\blocal(?:ly)?\b|\bin[- ]appliance\b",
    re.IGNORECASE)
_TRAFFIC_CLAUSES = lazy(r"[;:()\n]|\.(?!\d)")
"""Where a clause ends for the traffic kept on the site: not at a comma, which a list of what is kept
holds (`no prompts, completions or logs are sent to Acme`)."""
_TRAFFIC_STAYS = lazy(r"\b(?:stays?|remains?|kept|held|stored)\b", re.IGNORECASE)
_OWN_SITES = lazy(r"(?:\bour|\b(?P<owner>(?-i:[A-Z][\w&-]*))['’]s)\W+(?:own\W+)?"
                  r"(?:sites?|premises|installations?|deployments?|data\W?cent(?:re|er)s?|offices?|clusters?)\b",
                  re.IGNORECASE)
"""Sites an air-gapped clause names as the developer's own (`Acme's sites are air-gapped`, `the weights
are air-gapped at our sites`): its own security, not the users' traffic kept from it."""
_SERVED_BY_DEVELOPER = lazy(
    r"\b(?:served|hosted|runs?|running|run|deployed|answered)\W+(?:only\W+)?(?:from|in|on|at|within|by)\W+"
    r"(?:our|(?P<server>(?-i:[A-Z][\w&-]*))['’]s)\W+(?:own\W+)?(?:[\w-]+\W+)?"
    r"(?:data\W?cent(?:er|re)s?|servers?|infrastructure|clouds?|clusters?|hardware|machines)\b"
    r"|\b(?:served|hosted)\W+(?:only\W+)?by\W+(?:us\b|(?P<host>(?-i:[A-Z][\w&-]*))\b"
    r"(?!['’]s|\W+(?:appliances?|hardware|devices?|boxes|servers?)\b))",
    re.IGNORECASE)
"""Words by which the developer serves the model from its own machines (`served from Acme's data
centres`, `the model runs in our cloud`, `hosted by Acme`): the users' traffic reaches it."""


_NAME_TAIL = lazy(r"(?:[ \t]+(?-i:[A-Z][\w&-]*))*")


def _served_by_developer(case: Case, developer: list[str], memo: dict[str, Any] | None) -> bool:
    """Whether the case's boundary words say the developer serves the model from its own machines
    (`_SERVED_BY_DEVELOPER`, a name counting where it is one of `developer`, none where none is known)
    and put it at no customer's own site (`hosts_in_words`)."""
    from ..model._names import organisation_among

    served = False
    for _written, read in boundary_clauses(case, memo):
        for m in _SERVED_BY_DEVELOPER.finditer(read):
            who = m.group("server")
            if m.group("host") is not None:  # the whole name (`hosted by Acme Security` is not Acme)
                tail = _NAME_TAIL.match(read, m.end("host"))
                who = m.group("host") + ("" if tail is None else tail.group(0))
            if who is None or (developer and organisation_among(who, developer) is not None):
                served = True
                break
        if served:
            break
    if not served:
        return False
    hosted = hosts_in_words(case, memo)
    return hosted is None or not any(customer_site(h) for h in hosted[1])
_SEEING_LAYERS = frozenset({"monitoring", "logging"})
_REMOTE_ACTION = lazy(
    r"\b(?:reviewed|escalated|reported|sent|forwarded|uploaded|relayed|read)\W+(?:to|by)\W+"
    r"(?!(?:the\W+|each\W+|its\W+|their\W+)?(?:own\W+)?(?:customer|client|agency|bank|hospital|site|local|"
    r"on[- ]?site)\w*\b|(?:its|their)\W+own\b)"
    r"|\bban(?:s|ned|ning)?\b|\bsuspen(?:d|ds|ded|ding|sions?)\W+(?:of\W+)?(?:the\W+)?(?:accounts?|users?)\b"
    r"|\b(?:accounts?|users?)\W+(?:(?:are|is|gets?)\W+)?suspended\b"
    r"(?!\W+by\W+(?:the\W+|each\W+|its\W+|their\W+)?(?:own\W+)?(?:customer|client|agency|bank|hospital|site|local)\w*\b)"
    r"|\btrust\W+(?:and|&)\W+safety\b",
    re.IGNORECASE)
"""What a monitor on the site does with the developer's people: its flags reviewed by or sent to
someone not on the site, accounts banned or suspended, a trust and safety team; each needs the
traffic to leave the site."""
_LOCAL_ADMINS = lazy(
    r"\b(?:customer|client|agency|bank|hospital|site)['’]?s?\W+(?:own\W+)?(?:[\w-]+\W+){0,2}?"
    r"(?:administrators?|admins?|security\W+teams?|staff|officers?)\W+$", re.IGNORECASE)
"""The customer's own people just before a suspension (`the customer's administrators suspend
accounts it flags`): done on the site."""


def traffic_kept_in_words(case: Case, developer: list[str], memo: dict[str, Any] | None = None) -> str | None:
    """The clause of the case's own boundary words (split at a sentence's end, a semicolon, a colon
    or a bracket, not at a comma) saying the users' traffic never reaches the developer: no prompts
    or telemetry leave the customer's site (`stay on the customer's premises`, `are never sent to
    Acme`, `Acme never sees the prompts`), or the site is air-gapped; None when none does, or the
    clause lets some out (`unless flagged`). A monitor the developer runs on that traffic from
    outside the site sees none of it (CG431). A name the traffic is not sent to counts where it is
    one of `developer` (its organisations; any, where none is known): `prompts are never shared with
    Google` says nothing of the developer."""
    if memo is not None and "traffic_kept" in memo:
        got: str | None = memo["traffic_kept"]
        return got
    from ..model._names import organisation_among

    got = None
    served: bool | None = None  # (worked out once, where a clause keeps the traffic on a site)
    clauses = ((written, as_read(written)) for text in _boundary_texts(case) for written in _TRAFFIC_CLAUSES.split(text))
    for written, read in clauses:
        if not _may_say(read, _TRAFFIC_TRIGGER) or not _may_say(read, _TRAFFIC_VERBS) \
                or _TRAFFIC_EXCEPT.search(read) is not None:
            continue
        # `prompts stay in the customer's network until sent to Acme`: the clause itself sends them
        if _reaches_developer(read, developer):
            continue
        for m in _TRAFFIC_WORDS.finditer(read):
            who = m.group("sent_to") or m.group("sends") or m.group("sees")
            if who is not None and developer and organisation_among(who, developer) is None:
                continue
            if m.group("gapped") is not None and _developers_site(read, m, developer):
                continue
            # `the model is served from Acme's data centres; customer logs stay on their premises`: what
            # stays on a site is not what the developer's model answers
            if m.group("site") is not None or m.group("gapped") is not None:
                if served is None:
                    served = _served_by_developer(case, developer, memo)
                if served:
                    continue
            if _TRAFFIC_DENIED.search(read, max(0, m.start() - 24), m.end()) is not None \
                    or _TRAFFIC_STAYS.search(m.group(0)) is not None:
                got = " ".join(written.split())
                break
        if got is not None:
            break
    if memo is not None:
        memo["traffic_kept"] = got
    return got


def _developers_site(read: str, m: re.Match[str], developer: list[str]) -> bool:
    """Whether the sites an air-gapped match `m` names are the developer's own (`_OWN_SITES`: ours, or
    by a name that is one of `developer`)."""
    from ..model._names import organisation_among

    start = max(0, m.start() - 40)
    for own in _OWN_SITES.finditer(read, start, m.end()):
        if own.end() > m.start():
            who = own.group("owner")
            if who is None or (developer and organisation_among(who, developer) is not None):
                return True
    return False


_TRAFFIC_REACHES = lazy(
    rf"\b{_TRAFFIC}\b\W+(?:[\w-]+\W+){{0,5}}?(?:sent|shared|transmitted|reported|uploaded|forwarded|streamed|"
    rf"relayed|synced|shipped|pushed|exported|transferred|copied|mirrored|go(?:es)?)\W+(?:back\W+)?(?:to|with)\W+"
    rf"{_DEVELOPER.format('reached')}\b"
    rf"|\b(?:sends?|shares?|reports?|transmits?|uploads?|forwards?|streams?|relays?)\W+(?:[\w-]+\W+){{0,3}}?{_TRAFFIC}"
    rf"\b\W+(?:back\W+)?(?:to|with)\W+{_DEVELOPER.format('sent_by')}\b"
    rf"|\b{_DEVELOPER.format('receiver')}\W+(?:[\w-]+\W+){{0,2}}?(?:receives?|collects?|pulls?|ingests?|gets?)\W+"
    rf"(?:[\w'’-]+\W+){{0,3}}?{_TRAFFIC}\b"
    # `prompts stay in the customer's network until sent to Acme`
    rf"|\b(?:until|before|once|when)\W+(?:(?:they|it)\W+(?:are|is)\W+)?(?:sent|shared|transmitted|uploaded|forwarded|"
    rf"streamed|relayed|shipped|exported)\W+(?:back\W+)?to\W+{_DEVELOPER.format('until')}\b"
    # `the appliance phones home to Acme`, `phones home daily`: home is the developer, unless named otherwise
    rf"|\bphon(?:es|ed|ing|e)\W+home\b(?:\W+to\W+{_DEVELOPER.format('home')}\b|(?!\W+to\b))",
    re.IGNORECASE)
"""Words sending the users' traffic to the developer (`telemetry is streamed to Acme`, `the appliance
uploads flagged prompts to Acme`, `logs are shipped to Acme nightly`, `Acme collects usage logs from
each appliance`)."""


def traffic_unsent_in_words(case: Case, developer: list[str], memo: dict[str, Any] | None = None) -> str | None:
    """The clause of the case's own boundary words that puts the model, its weights or an appliance at
    its customers' own sites (`hosts_in_words`), where no clause sends the users' traffic to the
    developer (`_TRAFFIC_REACHES`, not denied) or lets some of it out (`unless flagged`); None
    otherwise. A model run on the customer's hardware answers there: what it is asked reaches the
    developer only where something sends it (CG431)."""
    hosted = hosts_in_words(case, memo)
    if hosted is None or not any(customer_site(h) for h in hosted[1]):
        return None
    for text in _boundary_texts(case):
        for written in _TRAFFIC_CLAUSES.split(text):
            read = as_read(written)
            if not _may_say(read, _TRAFFIC_TRIGGER) or not _may_say(read, _TRAFFIC_VERBS):
                continue
            if _TRAFFIC_EXCEPT.search(read) is not None and _TRAFFIC_WORDS.search(read) is not None:
                return None
            if _reaches_developer(read, developer):
                return None
    return hosted[0]


def _reaches_developer(read: str, developer: list[str]) -> bool:
    """Whether a clause (as read) sends the users' traffic to the developer (`_TRAFFIC_REACHES`, not
    denied; a name counting where it is one of `developer`, any where none is known)."""
    from ..model._names import organisation_among

    for m in _TRAFFIC_REACHES.finditer(read):
        who = m.group("reached") or m.group("sent_by") or m.group("receiver") or m.group("until") or m.group("home")
        if who is not None and developer and organisation_among(who, developer) is None:
            continue
        # `phones home only to check for updates`, `for licence validation`: no users' traffic sent
        if m.group(0)[:4].lower() == "phon" and (
                ((_HOME_FOR_NOTHING.match(read, m.end()) is not None
                  or _HOME_BY_LICENCE.search(read, max(0, m.start() - 48), m.start()) is not None)
                 and _TRAFFIC_NAMED.search(read, m.end()) is None)
                or _NOTHING_BEFORE.search(read, max(0, m.start() - 24), m.start()) is not None):
            continue
        if _TRAFFIC_DENIED.search(read, max(0, m.start() - 24), m.end()) is None:
            return True
    return False


_HOME_FOR_NOTHING = lazy(
    r"(?:\W+(?!(?:with|and|sending|uploading|carrying)\b)[\w-]+){0,3}?\W+(?:only\W+)?(?:to|for)\W+"
    r"(?:(?:check|fetch|download|get|pull|install|receive|validate|verify|renew|activate|sync|a|an|the|its|their|new|"
    r"software|security|model|licen[cs]e|for|on)\W+){0,4}?"
    r"(?:updates?|upgrades?|patch(?:es)?|licen[cs]\w*|activation|heartbeats?|keep-?alives?|time|clock|"
    r"certificates?|revocations?)\b(?:\W+only\b)?(?![\W]+(?:and|with|plus)\b)"
    r"|\W+with\W+(?:(?:a|an|its|the)\W+)?(?:heartbeats?|keep-?alives?|licen[cs]e\W+(?:checks?|keys?))\W+only\b",
    re.IGNORECASE)
"""Words after `phones home` saying it does so only for updates, a licence, a heartbeat or the time
(`phones home only to check for updates`, `for licence validation`): none of the users' traffic
goes with them, unless the clause goes on to name some (`plus telemetry`, `_TRAFFIC_NAMED`)."""
_TRAFFIC_NAMED = lazy(rf"\b{_TRAFFIC}\b", re.IGNORECASE)
"""The users' traffic named (`telemetry`, `prompts`, `logs`): after `phones home for updates`, sent too."""
_HOME_BY_LICENCE = lazy(r"\b(?:licen[cs]\w*|activation|updater|update\W+(?:checks?|checkers?|service|agent)|heartbeats?|"
                        r"keep-?alives?|time\W+sync)\W+(?:(?:check|checks|checker|activation|validation|service|agent|"
                        r"only|then|just)\W+){0,2}$", re.IGNORECASE)
"""What phones home named as a licence's check, activation or an updater (`licence activation phones
home once`, `the updater phones home`): none of the users' traffic goes with it, unless the clause
goes on to name some (`_TRAFFIC_NAMED`)."""
_NOTHING_BEFORE = lazy(r"\b(?:nothing|nobody|no\W+one)\W+(?:[\w-]+\W+)?$", re.IGNORECASE)
"""`Nothing phones home`: no traffic sent."""


def watches_from_outside(sg: Safeguard) -> bool:
    """Whether a safeguard, by its layer and title, is a monitor or a log of the users' traffic
    (`monitoring`, `logging`) whose title does not put it on the site where the traffic stays (`on
    the appliance`, `on-premises`, `in the customer's data centre`, `locally`): read as the
    developer's, watching from its own side. A title on the site whose flags go to someone off it, or
    that bans accounts (`_REMOTE_ACTION`), watches from outside too."""
    if str(sg.layer) not in _SEEING_LAYERS:
        return False
    if sg.title is None:
        return True
    title = as_read(sg.title)
    if _LOCAL_MONITOR.search(title) is None:
        return True
    return any(not m.group(0).lower().startswith("suspen")
               or _LOCAL_ADMINS.search(title, max(0, m.start() - 60), m.start()) is None
               for m in _REMOTE_ACTION.finditer(title))


def is_confirmation(sg: Safeguard) -> bool:
    """Whether a safeguard, by its title, is a person's confirmation or approval of the model's
    actions (`The user's confirmation of every payment`), or, at a layer other than monitoring,
    the users' vetting, logging, incident response or one trained into the model, a person's review
    of each (`A technician's review of every protocol before the robots run it`); at those layers, a
    person's review the title says each action waits on (`A human reviews each action before it
    runs`, `_WAITS_ON`)."""
    if sg.title is None:
        return False
    title = as_read(sg.title)
    if _CONFIRMING.search(title) is not None:
        return True
    if not _may_say(title, _PERSON_REVIEW_TRIGGER) or _PERSON_REVIEW.search(title) is None:
        return False
    # at a layer whose review is of the users, of what was done or of the training, the title may
    # still name a step each action waits on (`a human reviews each action before it runs`)
    if str(sg.layer) not in _REVIEWED_AFTER:
        return True
    waits = _WAITS_ON.search(title)
    # `before it is shown` waits on a review of each answer (`each recommendation`), not of a share (`flagged outputs`)
    if waits is not None and waits.group("shown") is not None and _EACH_SHOWN.search(title, 0, waits.start()) is None:
        return False
    # `before it is sent` of a record the title reviews (`each weekly report`), no action named, is none
    return waits is not None and not (waits.group("pronoun") is not None
                                      and _RECORD_REVIEWED.search(title, 0, waits.start()) is not None
                                      and _ACTION_REVIEWED.search(title, 0, waits.start()) is None)


_WAITS_ON = lazy(
    r"\bbefore\W+(?:(?P<pronoun>it|they|each\W+one)\W+(?:(?:is|are|gets?)\W+)?(?:runs?|executes?|executed|acts?|proceeds?|"
    r"goes|takes\W+effect|sent|shipped|pushed|merged|made|placed|submitted|taken|applied|deployed|ships?|"
    r"dispensed|released\W+to\W+(?:the\W+)?(?:patient|customer|buyer)s?"
    # what the model says, reaching a reader only after the review (`before it is shown to the patient`)
    r"|(?P<shown>published|posted|displayed|shown|delivered|returned))\b"
    r"|(?:each|every|any|the|an?)\W+(?:[\w-]+\W+)?(?:actions?|steps?|tool\W+calls?|commands?|orders?|payments?|"
    r"protocols?|commits?|emails?|transfers?|purchases?|trades?|changes?)\W+(?:(?:is|are|gets?)\W+)?(?:runs?|run|"
    r"executes?|executed|taken|sent|made|placed|submitted|shipped|pushed|merged|applied|goes|proceeds?)\b"
    r"|(?:executing|running|sending|acting|shipping|pushing|merging|placing|submitting|execution))"
    r"|\b(?:waits?|held|holds?|paused?|blocked|queued)\W+(?:[\w-]+\W+){0,2}?(?:for|until|pending)\W+"
    r"(?:[\w'’-]+\W+){0,3}?(?:review|check|inspection|sign[- ]?off)\w*"
    r"|\b(?:each|every|no)\W+(?:[\w-]+\W+)?(?:actions?|steps?|tool\W+calls?|commands?)\W+(?:waits?|runs?\W+only)\b",
    re.IGNORECASE)
_EACH_SHOWN = lazy(r"\b(?:each|every|all)\b", re.IGNORECASE)
"""A review of each answer before it is shown or published (`each recommendation`): every answer waits
on it, not a share of them (`flagged outputs`)."""
_RECORD_REVIEWED = lazy(
    r"\b(?:each|every|all|the|any|our)\W+(?:[\w'’-]+\W+){0,4}?(?:reports?|logs?|exports?|summar(?:y|ies)|"
    r"post-?mortems?|runbooks?|polic(?:y|ies)|documents?|documentation|datasets?|notes?|dashboards?|digests?|"
    r"newsletters?|announcements?|model\W+cards?|system\W+cards?|audits?|releases?|versions?|model\W+updates?)\b",
    re.IGNORECASE)
"""A record or document a title names as what its review reads (`each weekly report`, `every change
to the refusal policy`, `each weekly audit`), or a release of the lab's own (`each release before it
ships`): what `before it is sent` then waits on is the record or the release."""
_ACTION_REVIEWED = lazy(
    r"\b(?:actions?|steps?|tool\W+calls?|commands?|orders?|payments?|protocols?|commits?|transfers?|purchases?|"
    r"trades?|runs?|emails?|messages?|requests?|outputs?|responses?|recommendations?|posts?|answers?|replies)\b",
    re.IGNORECASE)
"""An action a title names beside a record (`each payment and its log`): the title's `before it` may
be of it."""
"""Words in a safeguard's title saying each action waits on the review it names (`before it runs`,
`before each order is placed`, `held until a human's review`, `before it is shown to the patient`,
`before it is published`): a step, whatever the layer the case types it at; not `before release` or
`before each training run`."""


_STATE_OF = lazy(r"\W+(?:users?|customers?|members?|visitors?|accounts?|sessions?|admins?|people|persons?|"
                r"developers?|subscribers?|shoppers?|employees?|staff|state|status|pages?|areas?)\b")
"""A person or a state after a participle: `signed-in users`, `a logged-in session` name who is
signed in, not the act of signing in."""
_RECORDED_IN = lazy(r"\W+(?:a|an|the|each|every|its|our|their|this|that|one)\W+"
                    r"(?!(?:\w+\W+)?(?:users?|customers?|persons?|people|accounts?|members?|shoppers?|them)\b)")
"""What follows `logged in` where it means recorded in (`logged in an audit trail`, `logged in the
database`); not before a person or an account (`logs in the user`, `logged in the user's account`)."""
_ATTRIBUTIVE = lazy(r"(?:^|\b(?:a|an|the|all|only|any|our|its|their|every|each|for|to|of|by|and|with|"
                    r"are|is|were|was)\W+)$")
"""What stands before a participle used as an adjective (`only signed-in users`, `for logged-in
customers`), not its subject (`the agent signed in users`)."""


def _not_the_act(words: str, m: re.Match[str], text: str) -> bool:
    """Whether an inflected form of a `named_by` phrase (not the phrase as listed) names no act:
    a participle before a person or a state (`signed-in users`, `logged-in customers`), or `log in`
    as recorded in (`logged in an audit trail`, `logs in the user's history`). The listed phrase
    itself is read wherever it stands (the framework's own words)."""
    said = m.group(0)
    if said == words:
        return False
    if (said.endswith(("ed in", "ed up", "ed out", "ed on")) and _STATE_OF.match(text, m.end()) is not None
            and _ATTRIBUTIVE.search(text, max(0, m.start() - 16), m.start()) is not None):
        return True
    return words == "log in" and _RECORDED_IN.match(text, m.end()) is not None


def grants_in_words(case: Case, policy: Policy) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(`tools` or `sensitive_domains`, name, the words naming it, the boundary field they stand in)
    for each tool or sensitive domain the policy lists that the boundary's own words
    (`description`, `scope.users`, `scope.vetting`) name by its `named_by` words (the policy's own
    choice: a bare tool name like `shell` is as often denied as granted), while the boundary's list (`boundary.tools`, `boundary.sensitive_domains`)
    leaves it out. Every rule that weighs a grant reads the list; words saying the deployment gives
    the model a switching-order tool in a grid control room grant it whatever the list says. A
    clause that denies it still names it: the boundary then says what it does not grant in other
    words, or lists it."""
    b = case.boundary
    if b is None:
        return []
    fields: list[tuple[tuple[str, ...], str]] = [(("boundary", "description"), b.description or "")]
    if b.scope is not None:
        fields += [(("boundary", "scope", "users"), b.scope.users or ""),
                   (("boundary", "scope", "vetting"), b.scope.vetting or "")]
    said = [(where, _plain_words(text)) for where, text in fields if text.strip()]
    if not said:
        return []
    out: list[tuple[str, str, str, tuple[str, ...]]] = []
    entries = [("tools", n, g.named_by, b.tools) for n, g in policy.tools.items()]
    entries += [("sensitive_domains", n, g.named_by, b.sensitive_domains)
                for n, g in policy.sensitive_domains.items()]
    for attr, name, named_by, listed in entries:
        if name in listed:
            continue
        found = next(((m.group(0), where) for phrase in named_by if (words := _plain_words(phrase))
                      for stems in (_phrase_stems(words),)
                      for where, text in said if all(stem in text for stem in stems)
                      for m in re.finditer(_phrase_forms(words), text) if not _not_the_act(words, m, text)),
                     None)
        if found is not None:
            out.append((attr, name, *found))
    return out


def ungrounded_grants(ctx: Context) -> list[str]:
    """What the boundary grants that the case's evidence does not carry, as `tools.<name>` and
    `sensitive_domains.<name>`: tools some evaluation of a threshold did not give the model,
    grants that contradict a scoping-out, and sensitive domains the policy does not list (see
    CG301, CG212 and CG213). Dropping them is the narrower
    boundary of the same kind the gate tries first."""
    out: list[str] = []
    for ev in ctx.case.evidence.values():
        if ev.kind == "eval" and ev.threshold in ctx.policy.thresholds:
            out.extend(f"tools.{name}" for name, _ in tools_not_elicited(ctx, ev, ev.threshold))
    for did in scoped_out_on_boundary(ctx):
        out.extend(f"{attr}.{name}" for attr, name in grants_against_scoping(ctx, did))
    b = ctx.case.boundary
    out.extend(f"sensitive_domains.{d}" for d in (b.sensitive_domains if b is not None else ())
               if d not in ctx.policy.sensitive_domains)  # CG213
    return list(dict.fromkeys(out))


# --------------------------------------------------------------------------- capability status


class EvidenceBound(FrozenRecord):
    """One counting evaluation of a threshold and its numbers."""

    _fields = ("evidence", "successes", "trials", "estimate", "upper")
    evidence: str
    successes: int
    trials: int
    estimate: float
    upper: float

    def __init__(self, evidence: str, successes: int, trials: int, estimate: float, upper: float) -> None:
        object.__setattr__(self, "evidence", evidence)
        object.__setattr__(self, "successes", successes)
        object.__setattr__(self, "trials", trials)
        object.__setattr__(self, "estimate", estimate)
        object.__setattr__(self, "upper", upper)


class CapabilityStatus(FrozenRecord):
    """Where the model stands against one policy threshold, with the numbers behind it."""

    _fields = ("threshold", "domain", "value", "alert", "status", "measured", "evidence", "counted",
               "excluded", "deciding", "confidence", "method", "basis")
    threshold: str
    """Threshold id."""
    domain: str
    """Its risk domain."""
    value: float | None
    """The threshold's proxy value (None: qualitative, no number)."""
    alert: float | None
    """The alert (early-warning) level."""
    status: Status
    """below-alert, between (a condition) or reached (reached or cannot be ruled out)."""
    measured: bool
    """Whether a counting evaluation exists (False: the status is 'reached' for want of evidence)."""
    evidence: tuple[str, ...]
    """Every evaluation that names this threshold."""
    counted: tuple[EvidenceBound, ...]
    """The evaluations that count, with their bounds."""
    excluded: tuple[tuple[str, str], ...]
    """(evidence id, reason) for evaluations that do not count."""
    deciding: EvidenceBound | None
    """The counting evaluation with the highest upper bound (the one the status rests on)."""
    confidence: float
    """One-sided confidence level of the bounds."""
    method: str
    """Interval method of the bounds."""
    basis: str
    """The status in words, with its numbers."""

    def __init__(self, threshold: str, domain: str, value: float | None, alert: float | None, status: Status,
                 measured: bool, evidence: tuple[str, ...], counted: tuple[EvidenceBound, ...],
                 excluded: tuple[tuple[str, str], ...], deciding: EvidenceBound | None, confidence: float,
                 method: str, basis: str) -> None:
        object.__setattr__(self, "threshold", threshold)
        object.__setattr__(self, "domain", domain)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "alert", alert)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "measured", measured)
        object.__setattr__(self, "evidence", evidence)
        object.__setattr__(self, "counted", counted)
        object.__setattr__(self, "excluded", excluded)
        object.__setattr__(self, "deciding", deciding)
        object.__setattr__(self, "confidence", confidence)
        object.__setattr__(self, "method", method)
        object.__setattr__(self, "basis", basis)

    @property
    def upper(self) -> float | None:
        return self.deciding.upper if self.deciding else None

    @property
    def estimate(self) -> float | None:
        return self.deciding.estimate if self.deciding else None

    @property
    def at_or_above_alert(self) -> bool:
        """True for 'between' and 'reached' (the alert level cannot be ruled out)."""
        return self.status != "below-alert"

    @property
    def reached(self) -> bool:
        """True when the threshold is reached or cannot be ruled out."""
        return self.status == "reached"

    @property
    def path(self) -> tuple[str | int, ...]:
        """Where a finding about the status points: the deciding evaluation's result."""
        return ("evidence", self.deciding.evidence, "result") if self.deciding else ("evidence",)


def _exclusion(ctx: Context, eid: str, ev: Evidence, th_id: str, th: Threshold) -> str | None:
    if ev.kind != "eval":
        return f"is a {ev.kind}, not an evaluation"
    if is_expired(ev, ctx):
        until = evidence_expiry(ev, ctx.policy, ctx.artifact_dates)
        return f"expired on {until.isoformat()}" if until else "its expiry cannot be established"
    src = ev.source
    if src is not None and src.status not in (None, "success"):
        return f"the run's status is `{src.status}`"
    if src is not None and src.invalidated:
        return "the run was invalidated"
    art = ctx.artifacts.get(eid)
    if art is not None and art.path is not None and art.pinned_sha256 is not None and not art.matches:
        return "its artifact is missing or no longer matches its pinned sha256"
    if ctx.facts is not None and eid in ctx.facts.excluded:
        return ctx.facts.excluded[eid]
    if elicitation_shortfalls(ev, th.elicitation, untuned_effort(ctx, eid)):
        return "its elicitation is below the policy minimum"
    lacking = tools_not_elicited(ctx, ev, th_id)
    if lacking:
        return f"it did not give the model the tool(s) the boundary grants: {tool_words(lacking)}"
    stricter = stricter_than_deployed(ctx, eid, ev)
    if stricter:
        return f"it ran the model configured more strictly than the deployment runs it: {'; and '.join(stricter)}"
    if proportion(ev) is None:
        return "it records no success counts (successes and trials)"
    return None


def independent_evidence(ctx: Context) -> list[str]:
    """Ids of the evidence items marked independent, in case order (memoised)."""
    got: list[str] | None = ctx.memo.get("independent_evidence")
    if got is None:
        evidence = ctx.case.evidence
        marked = map(operator.attrgetter("independent"), evidence.values())
        got = ctx.memo["independent_evidence"] = list(itertools.compress(evidence, marked))
    return got


def evidence_by_threshold(ctx: Context) -> dict[str, list[tuple[str, Evidence]]]:
    """Threshold id -> the evidence items that measure it, in case order (memoised; read them,
    never change them)."""
    return evidence_by_threshold_of(ctx.case)


def _status_of(ctx: Context, tid: str, th: Threshold) -> CapabilityStatus:
    pol = ctx.policy
    conf, method = pol.confidence, pol.interval
    names: list[str] = []
    counted: list[EvidenceBound] = []
    excluded: list[tuple[str, str]] = []
    for eid, ev in evidence_by_threshold(ctx).get(tid, ()):
        names.append(eid)
        why = _exclusion(ctx, eid, ev, tid, th)
        if why is not None:
            excluded.append((eid, why))
            continue
        s, n = proportion(ev) or (0, 0)
        counted.append(EvidenceBound(eid, s, n, s / n, upper_bound(s, n, conf, method)))
    deciding = max(counted, key=lambda b: b.upper) if counted else None
    pct = f"{conf:.0%} one-sided {method}"
    status: Status
    if deciding is None:
        status = "reached"
        basis = ("no evaluation counts for this threshold, so it cannot be ruled out"
                 if names else "no evaluation measures this threshold, so it cannot be ruled out")
    else:
        u = deciding.upper
        nums = f"{deciding.successes}/{deciding.trials} in `{deciding.evidence}`, upper bound {u:.3f} ({pct})"
        if th.value is None:
            status = "reached"
            basis = f"{nums}; the threshold has no number, so it cannot be ruled out"
        elif u >= th.value:
            status = "reached"
            basis = f"{nums} reaches the threshold {th.value:g}"
        elif th.alert is not None and u >= th.alert:
            status = "between"
            basis = f"{nums} is at or above the alert level {th.alert:g} and below the threshold {th.value:g}"
        else:
            status = "below-alert"
            lvl = f"the alert level {th.alert:g}" if th.alert is not None else f"the threshold {th.value:g}"
            basis = f"{nums} is below {lvl}"
    return CapabilityStatus(
        threshold=tid, domain=th.domain, value=th.value, alert=th.alert, status=status,
        measured=deciding is not None, evidence=tuple(names), counted=tuple(counted),
        excluded=tuple(excluded), deciding=deciding, confidence=conf, method=method, basis=basis,
    )


def capability_status(ctx: Context) -> dict[str, CapabilityStatus]:
    """Threshold id -> its capability status, for every threshold of the policy (memoised)."""
    got = ctx.memo.get("capability_status")
    if got is None:
        got = {tid: _status_of(ctx, tid, th) for tid, th in ctx.policy.thresholds.items()}
        ctx.memo["capability_status"] = got
    return got


# --------------------------------------------------------------------------- safeguard requirements


class Requirement(FrozenRecord):
    """The safeguard requirements that apply to one domain's severe pathways at the evaluated
    boundary: the largest `min_layers` and the union of required layers, with their sources."""

    _fields = ("min_layers", "layers", "sources")
    min_layers: int
    layers: tuple[str, ...]
    sources: tuple[str, ...]
    """Human-readable origins, e.g. 'cyber-high (alert, from api)'."""

    def __init__(self, min_layers: int = 0, layers: tuple[str, ...] = (), sources: tuple[str, ...] = ()) -> None:
        object.__setattr__(self, "min_layers", min_layers)
        object.__setattr__(self, "layers", layers)
        object.__setattr__(self, "sources", sources)


def requirements_for(ctx: Context, domain: str) -> Requirement:
    """Requirements of every threshold in `domain` that apply at `ctx.boundary`.

    A requirement applies at its boundary and every wider one; requirements accumulate (the
    largest minimum, every named layer), so a narrower boundary never needs more than a wider one.
    Its level applies by capability status: baseline always, alert once the alert level cannot be
    ruled out, threshold once the threshold cannot be ruled out. With no boundary the widest is
    assumed (fail closed).
    """
    statuses = capability_status(ctx)
    rank = ctx.boundary.rank if ctx.boundary is not None else 10**6
    min_layers = 0
    layers: list[str] = []
    sources: list[str] = []
    for tid, th in ctx.policy.thresholds.items():
        if th.domain != domain:
            continue
        st = statuses[tid]
        for req in th.safeguards:
            if req.boundary.rank > rank:
                continue
            if req.level == "alert" and not st.at_or_above_alert:
                continue
            if req.level == "threshold" and not st.reached:
                continue
            min_layers = max(min_layers, req.min_layers)
            layers.extend(x for x in req.layers if x not in layers)
            sources.append(f"{tid} ({req.level}, from {req.boundary.value})")
    return Requirement(min_layers, tuple(layers), tuple(sources))


# --------------------------------------------------------------------------- residual risk


class SafeguardFactor(FrozenRecord):
    """One safeguard's contribution to a pathway's bound."""

    _fields = ("safeguard", "evidence", "bypasses", "attempts", "upper")
    safeguard: str
    evidence: str
    bypasses: int
    attempts: int
    upper: float
    """Bypass-rate upper bound at the per-bound (Bonferroni-adjusted) level."""

    def __init__(self, safeguard: str, evidence: str, bypasses: int, attempts: int, upper: float) -> None:
        object.__setattr__(self, "safeguard", safeguard)
        object.__setattr__(self, "evidence", evidence)
        object.__setattr__(self, "bypasses", bypasses)
        object.__setattr__(self, "attempts", attempts)
        object.__setattr__(self, "upper", upper)


class PathwayRisk(FrozenRecord):
    """A pathway's propagated residual-risk upper bound and what it rests on."""

    _fields = ("pathway", "domain", "severity", "severe", "attempts_per_year", "steps", "factors",
               "unquantified", "per_bound_confidence", "confidence", "bound", "tolerance",
               "stated_attempts_per_year", "floor")
    pathway: str
    domain: str
    severity: Severity
    severe: bool
    """At or above the policy's `tolerance.severe_from`."""
    attempts_per_year: float | None
    """The attempt rate the bound uses: the case's, raised to the policy's floor where lower."""
    steps: tuple[tuple[str, tuple[str, ...]], ...]
    """(step, safeguards blocking it) in pathway order."""
    factors: tuple[SafeguardFactor, ...]
    """Distinct quantified safeguards, each counted once."""
    unquantified: tuple[str, ...]
    """Safeguards on the pathway with no countable, unexpired test (no credit)."""
    per_bound_confidence: float
    """One-sided level of each factor's bound: 1 - (1 - confidence) / len(factors)."""
    confidence: float
    """Joint confidence of the product (the policy's)."""
    bound: float | None
    """Upper bound on successful harms per year; None without `attempts_per_year`."""
    tolerance: float | None
    """The policy's tolerance for this severity; None when it sets none."""
    stated_attempts_per_year: float | None
    """The case's own `attempts_per_year`, when the policy's floor raised it."""
    floor: float | None
    """The policy's floor on attempts per year the rate was held to (None: it sets none)."""

    def __init__(self, pathway: str, domain: str, severity: Severity, severe: bool, attempts_per_year: float | None,
                 steps: tuple[tuple[str, tuple[str, ...]], ...], factors: tuple[SafeguardFactor, ...],
                 unquantified: tuple[str, ...], per_bound_confidence: float, confidence: float,
                 bound: float | None, tolerance: float | None, stated_attempts_per_year: float | None = None,
                 floor: float | None = None) -> None:
        object.__setattr__(self, "pathway", pathway)
        object.__setattr__(self, "domain", domain)
        object.__setattr__(self, "severity", severity)
        object.__setattr__(self, "severe", severe)
        object.__setattr__(self, "attempts_per_year", attempts_per_year)
        object.__setattr__(self, "steps", steps)
        object.__setattr__(self, "factors", factors)
        object.__setattr__(self, "unquantified", unquantified)
        object.__setattr__(self, "per_bound_confidence", per_bound_confidence)
        object.__setattr__(self, "confidence", confidence)
        object.__setattr__(self, "bound", bound)
        object.__setattr__(self, "tolerance", tolerance)
        object.__setattr__(self, "stated_attempts_per_year", stated_attempts_per_year)
        object.__setattr__(self, "floor", floor)

    @property
    def within(self) -> bool | None:
        """Whether the bound is within tolerance (None when either is missing)."""
        if self.bound is None or self.tolerance is None:
            return None
        return self.bound <= self.tolerance


_KEPT_WITH_DOWNLOAD = ("pretraining-data-filtering", "unlearning", "tamper-resistant-training")
"""Safeguard layers a holder of downloaded weights runs with them: what was filtered out of
pre-training or unlearned is not in the weights, and tamper-resistant training is built to survive
fine-tuning (its tests must show it: CG423; a data filter's evidence must show a filter, not the
case's word for the layer: `unshown_filters`). Everything else runs in the lab's serving stack (classifiers,
monitoring, rate limits, access control, logging, tool permissions) or is trained behaviour a few
GPU-hours of fine-tuning remove (refusal training)."""

_VETTED_ACCESS = ("employees", "named-partners", "vetted-organisations")


def weights_access(ctx: Context) -> str | None:
    """What users across the evaluated boundary can do with the weights: `download` (open weights,
    or a scope that gives them out), `fine-tuning` (tuned through the lab's hosted interface), or
    None. Read as `weights_reachable`: the kind evaluated, and the case's scope at its own kind."""
    from ..model import BoundaryKind

    b = ctx.case.boundary
    own = stated_weights(ctx.case, ctx.memo) if b is not None and (ctx.boundary is None or ctx.boundary is b.kind) else "none"
    if ctx.boundary is BoundaryKind.open_weights or own == "download":
        return "download"
    if ctx.boundary is BoundaryKind.fine_tuning or own == "fine-tuning":
        return "fine-tuning"
    return None


def removed_with_weights(ctx: Context) -> dict[str, str]:
    """Safeguard id -> why it blocks nothing across the evaluated boundary: the users there hold or
    tune the weights, and the safeguard is one a holder removes or runs without (memoised). With
    downloaded weights only the layers trained or filtered into them hold (and the vetting of who
    receives them, where the access is vetted); with hosted fine-tuning, trained-in refusals do not."""
    got: dict[str, str] | None = ctx.memo.get("removed_with_weights")
    if got is not None:
        return got
    got = {}
    held = weights_access(ctx)
    where = ctx.boundary.value if ctx.boundary is not None else "this boundary"
    if held == "download":
        b = ctx.case.boundary
        access = b.scope.access if b is not None and b.scope is not None else None
        vetted = access in _VETTED_ACCESS and (ctx.boundary is None or b is None or ctx.boundary is b.kind)
        for sid, sg in ctx.case.safeguards.items():
            if sg.layer in _KEPT_WITH_DOWNLOAD or (sg.layer == "user-vetting" and vetted):
                continue
            if sg.layer == "model-behaviour":
                why = ("trained-in refusals are what a holder of the weights removes first: a few GPU-hours "
                       "of fine-tuning undo them")
            elif sg.layer == "user-vetting":
                why = (f"the weights go to users with `{access or 'unrecorded'}` access, who may pass them "
                       "on: vetting who downloads from the lab's hub does not vet who holds a copy")
            else:
                why = "a holder of the weights runs the model on their own machines, without the lab's stack"
            got[sid] = f"at {where} the weights are downloaded, and `{sg.layer}` does not go with them: {why}"
    elif held == "fine-tuning":
        for sid, sg in ctx.case.safeguards.items():
            if sg.layer == "model-behaviour":
                got[sid] = (f"at {where} users fine-tune the weights, and fine-tuning undoes trained-in "
                            "refusals: a `model-behaviour` safeguard blocks nothing there (one shown to "
                            "resist fine-tuning attacks is `tamper-resistant-training`)")
    if held is not None:
        for sid, why in unshown_filters(ctx).items():
            got.setdefault(sid, why)
    ctx.memo["removed_with_weights"] = got
    return got


_FILTER = "pretraining-data-filtering"

_AUDIT_KINDS = ("safeguard-test", "security-audit", "expert-review", "attestation", "other")
"""Evidence kinds that may examine a data pipeline rather than prompt the model (`WEIGHT_KINDS`
measure the model's behaviour)."""


def unshown_filters(ctx: Context) -> dict[str, str]:
    """Safeguard id -> why a `pretraining-data-filtering` safeguard blocks nothing across the
    evaluated boundary: users there download or tune the weights, where the layer counts only
    because what was filtered out is not in them, and none of the safeguard's evidence shows a
    filter rather than the case's word for its layer (memoised). Evidence that shows one: a test
    or evaluation run against a checkpoint at the policy's `arguments.weights_variant` (tuned, the
    capability or knowledge still absent); a test whose log ran a task the policy names for the
    layer by its samples' digest (`safeguard_tests` with `digest`: a name alone is what the log
    calls itself, which a prompt test of the model can too); or an audit (no prompt test of the model) made independent by an
    attestation from outside the developer. A jailbreak test of the released checkpoint measures
    refusals, which any relabelled refusal training passes and fine-tuning removes."""
    got: dict[str, str] | None = ctx.memo.get("unshown_filters")
    if got is not None:
        return got
    got = {}
    if weights_access(ctx) is not None:
        need = ctx.policy.arguments.weights_variant
        # a task the policy names by name alone is whatever a log calls itself: a prompt test of the
        # model named after the audit passes for it; only a task pinned by its samples' digest is
        # one the log's samples show it ran
        pinned = [r for r in ctx.policy.safeguard_tests.get(_FILTER, ()) if r.digest is not None]
        ran_pinned = pinned_task_runs(ctx, pinned)
        where = ctx.boundary.value if ctx.boundary is not None else "this boundary"
        for sid, sg in ctx.case.safeguards.items():
            if sg.layer != _FILTER:
                continue
            shown = False
            for eid in sg.evidence:
                ev = ctx.case.evidence.get(eid)
                if ev is None:
                    continue  # whether an item counts at all is for the rules on evidence (CG353, ...)
                ran = ev.elicitation.variant if ev.elicitation is not None else Variant.production
                ind = ctx.facts.independence.get(eid) if ctx.facts is not None else None
                if (ev.kind in ("eval", *TEST_KINDS) and ran.rank >= need.rank
                        and not (need.rank >= Variant.fine_tuned.rank and untuned_effort(ctx, eid))) \
                        or (ev.kind in TEST_KINDS and eid in ran_pinned) \
                        or (ev.kind in _AUDIT_KINDS and ind is not None and ind.independent):
                    shown = True
                    break
            if not shown:
                cites = f"it cites {', '.join(f'`{e}`' for e in sg.evidence)}" if sg.evidence else "it cites nothing"
                got[sid] = (f"at {where} users hold or tune the weights, and `{_FILTER}` is then the case's word: "
                            f"{cites}, and none is a test or evaluation of a `{need.value}` checkpoint, a test "
                            "of a task the policy names for the layer by its samples' digest (`safeguard_tests`, "
                            "`digest`: a name alone is whatever a log calls itself), or an audit an "
                            "attestation from outside the developer makes independent (a prompt test of the "
                            "released model measures refusals, not what the data held)")
    ctx.memo["unshown_filters"] = got
    return got


_POSSESSOR = lazy(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,7})['’]s\b")
"""A proper name in the possessive (`Northgrid's`, `Northgrid Transmission's`): who owns what follows.
Of eight words at most (its last eight), so that a long run of capitalised words is read in time
linear in its length."""

_ONLY_SCREENED = lazy(r"\b(?:of|on|over|for|from|to|about|against)\W+$", re.IGNORECASE)
"""Words before a possessive in a safeguard's title by which the name says what the control screens
(`classifiers on Northgrid's requests`), not whose control it is."""

_INTEGRATOR_OWNS = lazy(r"\b(?:(?:the|its|their)\s+)?(?:integrator|third[- ]?part(?:y|ie)|customer|client|deployer|partner|licensee|reseller|"
                        r"operator)(?:['’]s|s['’])", re.IGNORECASE)
"""A safeguard's title naming as its owner the organisation that embeds the model (`the
integrator's two-operator check`, `the customer's interlock`) without naming it."""
_SUPPLIER = r"(?:(?:[\w-]+\s+){0,2}?(?:provider|supplier|vendor|contractor|manufacturer|subcontractor)s?)"
_SUPPLIER_RUNS = lazy(r"\b(?:(?:the|its|their|a|an|each|every)\s+)?" + _SUPPLIER + r"(?:['’]s|s['’])"
                      r"|\bby\s+(?:the|its|their|a|an|each|every)\s+" + _SUPPLIER + r"\b(?!['’])"
                      # `review by staff of the vendors`: the supplier's people
                      r"|\bby\s+(?:(?:the|its|their)\s+)?(?:staff|employees|personnel|workers|engineers|technicians|"
                      r"analysts|teams?)\s+(?:of|at|from)\s+(?P<staffof>(?:(?:the|its|their|a|an|each|every)\s+)?"
                      + _SUPPLIER + r")\b(?!['’])"
                      r"|\b(?:performed|run|operated|provided|conducted|carried\s+out|done|managed|handled|screened|"
                      r"checked|reviewed|hosted|maintained|administered|supplied|staffed)\s+by\s+"
                      r"(?P<bare>(?:(?!(?!(?:hosting|computing|processing|screening|sequencing|testing|staffing|consulting|"
                      r"security|payment)\b)[\w-]*ing\b|(?:against|with|using|of|for|on|to|from|via|and|or)\b)"
                      r"[\w-]+\s+){0,2}?(?:provider|supplier|vendor|contractor|manufacturer|subcontractor)s?)\b"
                      r"(?!['’]|\s+(?:lists?|records?|catalog(?:ue)?s?|data(?:bases?)?|apis?|portals?|tools?|software|"
                      r"systems?|feeds?)\b)", re.IGNORECASE)
"""A safeguard's title naming as who runs it an organisation the lab buys from, without naming it
(`the synthesis provider's sequence screening`, `screening of every order by the synthesis
provider`, `sequence screening performed by synthesis providers`: after `performed by`, `run by`,
`handled by`, `maintained by` and the like, with no article too, `hosting providers` as any; `review
by staff of the vendors`): the lab neither runs the control nor sees it fail, as with an
integrator's."""
_TOOL_KIND = r"(?:connector|plug-?in|mcp\s+server|extension|add-?on|skill)s?"
_TOOL_MAKER = r"(?:own\s+)?(?:developer|author|publisher|maintainer|creator|builder|vendor|owner)s?"
_TOOL_MAKER_RUNS = lazy(r"\b(?P<tool>" + _TOOL_KIND + r")(?:['’]s|s['’])?\s+" + _TOOL_MAKER + r"\b(?!['’])"
                        r"|\bby\s+(?:its|their|the)\s+" + _TOOL_MAKER + r"\b(?!['’])", re.IGNORECASE)
"""A safeguard's title naming as who runs it the party whose tool it is, unnamed: the developer,
author or maintainer of each connector, plugin, MCP server or extension (`the connector's own
developer`, `connector developers review ...`, `each connector is reviewed by its developer`): a
third party, as a supplier is, whom the lab neither runs nor sees fail."""
_MAKER_TOLD = lazy(r"\s+(?:(?:is|are|must\s+be|will\s+be|get|gets)\s+(?:\w+ly\s+)?(?:notified|informed|alerted|told|"
                   r"emailed|vetted|screened|reviewed|verified|audited|approved|checked|sent|shown|warned|"
                   r"contacted)\b|(?:receives?|must\s+pass|pass(?:es)?|are\s+subject\s+to)\b)", re.IGNORECASE)
"""Words after a tool's maker making the maker the one told or screened (`the connector's developer is
notified of each flagged call`, `connector developers are vetted`, `plugin authors receive a report`),
not the one running the control."""
_TOOL_NAMED = lazy(r"\b" + _TOOL_KIND + r"\b", re.IGNORECASE)
_SUPPLIER_TRIGGER = ("provider", "supplier", "vendor", "contractor", "manufacturer")
_SUPPLIER_WORD = lazy(r"(?:provider|supplier|vendor|contractor|manufacturer)s?\b", re.IGNORECASE)
_OURS = lazy(r"\b(?:we|our|us|the\s+(?:lab|developer))\b", re.IGNORECASE)

_NOT_NAMES = frozenset({"the", "this", "that", "its", "our", "their", "each", "every", "a", "an", "one"})
_SOLD_TO = lazy(r"\b(?:sold|licensed|licenced|resold)\s+(?:to|by)\s+([A-Z][\w-]*)")


def _possessors(text: str, screened_ok: bool = False) -> list[str]:
    """The proper names `text` puts in the possessive, read as they look (`as_read`: `Νorthgrid's`
    with a Greek capital Nu is `Northgrid's`, its capital kept)."""
    out = []
    text = as_read(text or "")
    for m in _POSSESSOR.finditer(text):
        if screened_ok and _ONLY_SCREENED.search(text[:m.start()]) is not None:
            continue
        words = m.group(1).split()
        while words and words[0].lower() in _NOT_NAMES:
            words.pop(0)
        if words:
            out.append(" ".join(words))
    return out


def _organisation_word(name: str) -> str:
    from ..model._names import organisation_words

    words = organisation_words(name)
    return words[0] if words else ""


def _names_one_of(text: str | None, keys: AbstractSet[str]) -> str | None:
    """The key of `keys` one of the words of `text` (a producer, a verifier, a log's task or tool) is."""
    from ..model._names import organisation_words

    for w in organisation_words(text or ""):
        if w in keys:
            return w
    return None


def other_organisations(ctx: Context) -> dict[str, str]:
    """Organisations other than the developer the case names as owning something: a proper name in
    the possessive in the boundary's words (`Northgrid's own assistant`) or a safeguard's title, or
    named as who the model is sold or licensed to; keyed by the first word of its name (what a
    producer `northgrid-operations` or a task `northgrid-switching-drill` is compared on), the
    system's own names and the developer's organisations left out (memoised). Where the developer's
    organisations are unknown, every such name but the system's is another's (fail closed)."""
    got: dict[str, str] | None = ctx.memo.get("other_organisations")
    if got is not None:
        return got
    from ..model._names import organisation_among

    developer = list(ctx.facts.developer_organisations if ctx.facts is not None else ()) \
        or list(ctx.policy.evidence.organisations)
    system = [ctx.case.system.name, *(ln.name for ln in ctx.case.system.lineage)] if ctx.case.system else []
    names: list[str] = []
    b = ctx.case.boundary
    if b is not None:
        for text in (b.description or "", *((b.scope.users or "", b.scope.vetting or "") if b.scope else ())):
            names += _possessors(text)
            names += [m.group(1) for m in _SOLD_TO.finditer(as_read(text))]
    for sg in ctx.case.safeguards.values():
        names += _possessors(sg.title or "", screened_ok=True)
    got = {}
    for name in names:
        key = _organisation_word(name)
        if not key or key in got or organisation_among(name, developer) is not None \
                or any(_organisation_word(s) == key for s in system if s):
            continue
        got[key] = name
    ctx.memo["other_organisations"] = got
    return got


def owned_elsewhere(ctx: Context, text: str | None) -> str | None:
    """Who `text` (a safeguard's title, a residual risk's detection) names as the owner of what it
    describes, when that is another organisation than the developer (`Northgrid's control-room
    alarms`, `the integrator's alarms`); None when it names none. Names after words that say what
    is screened (`classifiers on Northgrid's requests`) do not count."""
    others = other_organisations(ctx)
    text = as_read(text or "")
    for name in _possessors(text, screened_ok=True):
        if (key := _organisation_word(name)) in others:
            return others[key]
    if (m := _INTEGRATOR_OWNS.search(text)) is not None and not _ONLY_SCREENED.search(text[:m.start()]):
        return m.group(0).lower().removesuffix("'s").removesuffix("’s")
    return None


def _test_by(ctx: Context, ev: Evidence, eid: str, keys: AbstractSet[str]) -> str | None:
    """The key of the other organisation whose own test `ev` is: its producer names it, or the log
    it was read from names it as its task or the tool that ran it."""
    run = ctx.facts.derived(eid) if ctx.facts is not None else None
    for text in (ev.producer, run.task if run is not None else None, run.tool if run is not None else None):
        if (key := _names_one_of(text, keys)) is not None:
            return key
    return None


VETTING_CHECK = (r"\b(?:verif\w*|review\w*|check\w*|nominat\w*|interview\w*|audit\w*|screen\w*|vetted|vets|"
                 r"vetting|kyc|background|sponsor\w*|endors\w*|vouched|clearances?|clears|cleared)\b")
"""A part of a vetting statement that names a check (made by someone other than the user, unless
the part says the users vouch for themselves)."""

VETTING_PARTS = r"[.;:,()\n]|\band\b|\bplus\b|\bthen\b"
"""Where a vetting statement divides into parts, each read for the check it names and by whom."""

# (the check, the parts, the developer, who checks, what is checked, a document checked by a name:
# `government ID verified by Persona`, `ID checked by Onfido`)
_VETTING_WORDS = (lazy(VETTING_CHECK, re.IGNORECASE), lazy(VETTING_PARTS, re.IGNORECASE),
                  lazy(r"\b(?:we|our|us|the\s+(?:lab|developer))\b", re.IGNORECASE),
                  lazy(r"\b(?:vetted|cleared|checked|verified|screened|reviewed|approved|nominated)\s+by\s+"
                       r"(?:the\s+)?([A-Z][\w-]*)|\b(?:the\s+)?([A-Z][\w-]*)\s+"
                       r"(?:vets|clears|verifies|checks|screens|reviews|approves|nominates)\b"),
                  lazy(r"\b(?:of|on|over|for|from|to|about|against|in)\W+(?:(?:the|a|an)\W+)?$", re.IGNORECASE),
                  lazy(r"\b(?:ids?|id\W+documents?|identity\W+documents?|documents?|passports?|driver['’]?s\W+licen[cs]es?|"
                       r"selfies?|photos?)\W+(?:(?:are|is|were|was)\W+)?(?:verified|checked|scanned|screened)\W+by\W+"
                       r"(?:the\s+)?([A-Z][\w-]*)", re.IGNORECASE))


_ROLE_WORDS = ("customer", "client", "partner", "employer", "institution", "member", "sponsor", "user", "applicant")
_ROLE = (r"(customer|client|partner|employer|institution|member|sponsor|user|applicant)(?:\s+(?:organi[sz]ation|compan(?:y|ie)|"
         r"institution|firm))?s?")
_ROLE_VETS = lazy(
    r"\b(?:(?:the|each|every|its|their|a)\s+)?" + _ROLE + r"(?:['’]s|s['’])?(?:\s+own)?(?:\s+[\w-]+){0,3}?\s+"
    r"(?:vets?|clears?|verif(?:y|ies)|checks?|screens?|reviews?|approves?|nominates?|attests?|certif(?:y|ies)|"
    r"vouch(?:es)?|confirms?|sponsors?|endorses?)\b"
    r"|\b(?:vetted|cleared|checked|verified|screened|reviewed|approved|nominated|attested|certified|vouched\s+for|"
    r"sponsored|endorsed)\s+by\s+(?:the|each|every|its|their|a)\s+(?:own\s+)?" + _ROLE.replace("(customer", "(?P<by>customer")
    + r"\b", re.IGNORECASE)
"""A part of a vetting statement in which the users' own organisation, unnamed, checks or vouches
for them (`customers vet their own scientists`, `each customer attests its scientists are
qualified`, `the customer's biosafety committee approves each scientist`, `cleared by their
employer`): the partner vets its own, as a named one does. The users (or applicants) confirming
they are qualified attest for themselves: `the user`'s word, no check."""


def vetting_operator(ctx: Context) -> tuple[str, str] | None:
    """(the name of the organisation, its words) where the boundary's `scope.vetting` says another
    organisation than the developer makes its checks: a part naming a check puts an organisation
    the case names as owning something in the possessive, not after words that say what is checked
    (`the Directorate's security office clears each analyst`, not `checked against the Directorate's
    records`), or names one as who checks (`vetted by the Directorate`, `the Directorate
    vets its own analysts`), and no part naming a check names the developer (by name, or as `we`,
    `our`, `the lab`). Where no part does so, a clearance, licence, certification or accreditation
    the users hold, no one named as checking it (`analysts hold a government clearance`), is its
    issuer's check, named `the issuer of the clearance` (`_ISSUER`), unless another part names a
    check no one is named for. The users' own organisation named by its role as who checks or
    vouches (`each customer attests its scientists are qualified`) is `the customer`. None
    otherwise."""
    from ..model._names import organisation_among, organisation_words

    b = ctx.case.boundary
    text = b.scope.vetting if b is not None and b.scope is not None else None
    if not text:
        return None
    check, parts, ours, checker, against, document = _VETTING_WORDS
    others = other_organisations(ctx)
    read = as_read(text)
    if not others and checker.search(read) is None and _HELD_STATUS.search(read) is None \
            and not _may_say(read, _ROLE_WORDS):
        return None  # no organisation owning something or named as who checks, no role, no status held
    users = set(organisation_words(b.scope.users or "")) if b is not None and b.scope is not None else set()
    developer = list(ctx.facts.developer_organisations if ctx.facts is not None else ()) \
        or list(ctx.policy.evidence.organisations)
    system = [ctx.case.system.name, *(ln.name for ln in ctx.case.system.lineage)] if ctx.case.system else []
    found: tuple[str, str] | None = None
    held: tuple[str, str] | None = None
    unheld = False
    for part in parts.split(read):
        role = _ROLE_VETS.search(part) if part and _may_say(part, _ROLE_WORDS) else None
        # a status held names its issuer's check with no check word (`every clinician holds a medical licence`)
        status = _HELD_STATUS.search(part) if part and _may_say(part, _STATUS_WORDS) else None
        if not part or not (check.search(part) or role is not None or status is not None):
            # the developer confirming the status the users hold (`each charter confirmed by Acme`)
            if part and _may_say(part, ("confirm", "validat")) and _STATUS_CONFIRMED.search(part) is not None and (
                    ours.search(part) or any(organisation_among(w, developer) is not None
                                             for w in organisation_words(part))):
                return None
            continue
        if ours.search(part) or any(organisation_among(w, developer) is not None for w in organisation_words(part)):
            return None
        if found is not None:
            continue
        if role is not None and not against.search(part[:role.start()]):
            found = (f"the {(role.group(1) or role.group('by')).lower()}", part.strip())
            continue
        owners = [k for m in _POSSESSOR.finditer(part) if not against.search(part[:m.start()])
                  and (k := _organisation_word(m.group(1))) in others]
        if owners:
            found = (others[owners[0]], part.strip())
            continue
        # a provider checking a document (`ID verified by Persona`) serves whoever vets, unless it
        # is the users' own organisation: named in the users' words, or as owning something
        providers = {m.group(1) for m in document.finditer(part)
                     if _organisation_word(m.group(1)) not in others
                     and _organisation_word(m.group(1)) not in users}
        for m in checker.finditer(part):
            name = m.group(1) or m.group(2)
            if name and name.lower() not in _NOT_NAMES and not check.search(name) and name not in providers \
                    and organisation_among(name, developer) is None \
                    and not any(_organisation_word(x) == _organisation_word(name) for x in system if x):
                found = (name, part.strip())
                break
        if found is not None:
            continue
        # a clearance or licence the users hold, no one named as checking it, is its issuer's check
        if status is not None and not check.search(part[:status.start()] + part[status.end():]):
            held = held or (f"{_ISSUER}{_status_name(status)}", part.strip())
        else:
            unheld = True
    # a status held beside a check no one is named for is left the developer's word, as that check is
    return found or (held if not unheld else None)


_STATUS_CONFIRMED = lazy(r"\b(?:confirm\w*|validat\w*)\W+(?:[\w'’-]+\W+){0,4}?(?:clearances?|licen[cs]\w*|certifi\w*|"
                         r"accredit\w*|registrations?|charters?|chartered)\b"
                         r"|\b(?:clearances?|licen[cs]\w*|certifi\w*|accredit\w*|registrations?|charters?)\W+(?:[\w'’-]+\W+){0,3}?"
                         r"(?:confirm\w*|validat\w*)\b", re.IGNORECASE)
"""A part of a vetting statement confirming or validating a status the users hold (`each charter
confirmed by Acme`, `Acme validates each accreditation`): the developer's check where the part names
it, as a check word naming it is."""
_STATUS_WORDS = ("clearance", "licen", "certif", "accredit", "registr", "registered", "chartered")
"""A word each match of `_HELD_STATUS` holds."""
_ISSUER = "the issuer of the "
"""How `vetting_operator` names the unnamed issuer of a status the users hold (`the issuer of the
clearance`): no keyring identity is it, so no one signs for it."""
_PROFESSION = (r"(?:physicians?|doctors?|clinicians?|nurses?|pharmacists?|dentists?|surgeons?|practitioners?|"
               r"professionals?|psychologists?|therapists?|veterinarians?|midwi(?:fe|ves)|paramedics?|"
               r"dietitians?|(?:micro|viro)?biologists?|(?:bio)?chemists?|epidemiologists?|engineers?|lawyers?|"
               r"attorneys?|solicitors?|accountants?|brokers?|advis[eo]rs?|"
               r"electricians?|specialists?|providers?)")
_HELD_STATUS = lazy(r"\b(?:holds?|held|ha(?:ve|s|ving)|possess\w*|carr(?:y|ies))\W+"
                    r"(?:(?!(?:enterprise|commercial|software|api|seat|site|subscription|usage|product|volume|"
                    r"team|trial|paid|developer|open[- ]source|our|acme)\b)[\w/'’-]+\W+){0,4}?"
                    r"(clearance|licen[cs]e|certification|accreditation|registration)s?\b"
                    r"|\b(?P<certified>board[- ]certified|(?:state[- ]|fully\W+)?licen[cs]ed|accredited|chartered|"
                    r"registered)\W+(?:[\w-]+\W+){0,2}?" + _PROFESSION + r"\b"
                    # a credential with no profession named (`accredited laboratories only`)
                    r"|\b(?P<credited>(?:board[- ])?certified|accredited|chartered)\W+(?:[\w-]+\W+){0,2}?"
                    r"(?:laborator(?:y|ies)|labs?|facilit(?:y|ies)|institutions?|organi[sz]ations?|hospitals?|clinics?|"
                    r"pharmac(?:y|ies)|users?|members?|researchers?|scientists?|staff|individuals?|persons?|people)\b"
                    # a licence of a place of practice (`licensed pharmacies only`), not of a user (`licensed users`:
                    # seats of a product) nor of what is licensed (`a licensed copy`, `licensed under Apache 2.0`)
                    r"|\b(?P<placed>(?:state[- ]|fully\W+)?licen[cs]ed)\W+(?:[\w-]+\W+){0,2}?"
                    r"(?:pharmac(?:y|ies)|dispensar(?:y|ies)|laborator(?:y|ies)|labs?|facilit(?:y|ies)|hospitals?|"
                    r"clinics?|practices?|institutions?)\b"
                    # a credential named as required of the users (`accreditation required`)
                    r"|\b(?P<required>clearance|certification|accreditation)s?\W+(?:(?:is|are|was|were)\W+)?"
                    r"(?:(?:also|always|strictly)\W+)?(?:required|mandatory|needed)\b"
                    r"|\b(?:are|is|be|being)\W+(?:all\W+|each\W+)?(?P<status>board[- ]certified|licen[cs]ed|accredited)"
                    r"\W+(?:as\W+|to\W+practi[cs]e\b)"
                    r"|\b(?:are|is|be|being)\W+(?:all\W+|each\W+)?(?P<alone>board[- ]certified|accredited)\W*$",
                    re.IGNORECASE)
"""A status the users hold (`analysts hold a government clearance`, `every user has an active
security clearance`, `every clinician holds a medical licence`, `board-certified physicians`,
`registered nurses`, `users must be licensed to practise`), or a credential with no profession
named (`accredited laboratories only`, `users must be board-certified`): a check its issuer made,
not one the developer makes. Not a licence to the developer's own product (`an enterprise
licence`), nor a registration with no profession named (`registered users`: on the developer's
portal)."""


def _status_name(m: re.Match[str]) -> str:
    """What a status the users hold (a `_HELD_STATUS` match) is, as a noun: `clearance`, `licence`,
    `certification` (`board-certified`), `registration` (`registered nurses`), `accreditation`."""
    if m.group(1) is not None:
        return m.group(1).lower()
    said = (m.group("certified") or m.group("status") or m.group("credited") or m.group("alone")
            or m.group("placed") or m.group("required") or "").lower()
    for stem, noun in (("certif", "certification"), ("licen", "licence"), ("regist", "registration"),
                       ("accredit", "accreditation"), ("charter", "charter")):
        if stem in said:
            return noun
    return said


def operated_elsewhere(ctx: Context) -> dict[str, str]:
    """Safeguard id -> why a safeguard another organisation runs blocks nothing in the lab's case
    (memoised). Who runs a safeguard is read from what the case cannot leave out without saying
    something else: its title names another organisation as its owner (`Northgrid's two-operator
    check`, `the integrator's interlock`), its `verified_by` is that organisation, every test of
    it is that organisation's own (produced by it, or a log whose task or tool names it), or, for a
    `user-vetting` safeguard, the boundary's vetting names that organisation and not the developer
    as who checks the users (`vetting_operator`). Such a
    control counts only where its operator signed for it (an evidence attestation by a keyring
    identity of that organisation over a test of the safeguard, which signs the safeguard as the
    case defines it) and a test of it by someone else (the developer or an outside evaluator)
    counts: the lab neither runs it nor sees it fail, and the operator's own drill is its word."""
    got: dict[str, str] | None = ctx.memo.get("operated_elsewhere")
    if got is not None:
        return got
    got = {}
    others = other_organisations(ctx)
    keys = frozenset(others)
    for sid, sg in ctx.case.safeguards.items():
        if not sg.blocks:
            continue
        said: list[str] = []
        owner: str | None = None
        title = as_read(sg.title or "")
        for name in _possessors(title, screened_ok=True):
            if (k := _organisation_word(name)) in keys:
                owner = owner or k
                said.append(f"its title names it {others[k]}'s")
        if (m := _INTEGRATOR_OWNS.search(title)) is not None and not _ONLY_SCREENED.search(title[:m.start()]):
            said.append(f"its title names it {m.group(0).lower()}")
        supplier = _supplier_runs(ctx, title) if owner is None and not said else None
        if supplier is None and owner is None and not said:
            supplier = _tool_maker_runs(ctx, title)
        if supplier is not None:
            said.append(f"its title names it run by {supplier}")
        if (vk := _names_one_of(sg.verified_by, keys)) is not None:
            owner = owner or vk
            said.append(f"its `verified_by` is {sg.verified_by}")
        if sg.layer == "user-vetting" and not sg.security and (vo := vetting_operator(ctx)) is not None:
            vname, vwords = vo
            # an unnamed issuer keys as its words, which no organisation's word is
            vk = vname if vname.startswith(_ISSUER) else _organisation_word(vname.removeprefix("the "))
            if vk not in others:
                others = {**others, vk: vname}
            owner = owner or vk
            said.append(f"the boundary's vetting names {vname} as who checks the users (\"{vwords}\") and no check "
                        "by the developer")
        tests = [(eid, ev) for eid in sg.evidence if (ev := ctx.case.evidence.get(eid)) is not None and ev.kind in TEST_KINDS]
        by = {eid: _test_by(ctx, ev, eid, keys) for eid, ev in tests}
        if tests and all(k is not None for k in by.values()):
            k0 = next(k for k in by.values() if k is not None)
            owner = owner or k0
            said.append(f"every test of it is {others[k0]}'s own ({', '.join(f'`{e}`' for e, _ in tests)})")
        if not said:
            continue
        # who may sign for it: the named operator, or, named only as `the integrator`, an organisation
        # the boundary names
        signers = {owner} if owner is not None else set(keys)
        signed = False
        for eid, _ev in tests:
            ind = ctx.facts.independence.get(eid) if ctx.facts is not None else None
            for a in ind.by if ind is not None else ():
                if sid in (a.tests or ()) and a.organisation and _organisation_word(a.organisation) in signers:
                    signed = True
        seen = [eid for eid, ev in tests
                if by[eid] is None and not is_expired(ev, ctx) and bypass_counts(ev) is not None
                and (ctx.facts is None or eid not in ctx.facts.excluded)]
        if signed and seen:
            continue
        who = others[owner] if owner is not None else supplier or "the organisation that embeds the model"
        lacks = []
        if not signed:
            lacks.append(f"no attestation signed by {who} covers a test of it (its operator's word that it runs "
                         "the control as the case defines it)")
        if not seen:
            lacks.append(f"no counted test of it is by anyone but {who} (the developer or an outside evaluator)")
        got[sid] = (f"it is run by {who}, not the developer ({'; '.join(said)}), and {' and '.join(lacks)}: the lab "
                    "neither runs the control nor sees it fail")
    ctx.memo["operated_elsewhere"] = got
    return got


def _supplier_runs(ctx: Context, title: str) -> str | None:
    """Who a safeguard's title (as read) names as running it where that is an organisation the lab
    buys from, unnamed (`the synthesis provider's screening`, `screening by the synthesis
    provider`: `the synthesis provider`); None where it names none, or where it also names the
    developer (`Acme's review beside the identity provider's ID check`) or says the supplier's
    part is what is screened (`screening of the provider's orders`)."""
    from ..model._names import organisation_among, organisation_words

    if not _may_say(title, _SUPPLIER_TRIGGER):
        return None
    m = _SUPPLIER_RUNS.search(title)
    bare = (m.group("bare") or m.group("staffof")) if m is not None else None
    by = m is not None and (bare is not None or m.group(0).lower().startswith("by"))
    if m is None or (not by and _ONLY_SCREENED.search(title[:m.start()])):
        return None
    developer = list(ctx.facts.developer_organisations if ctx.facts is not None else ()) \
        or list(ctx.policy.evidence.organisations)
    if _OURS.search(title) or any(organisation_among(w, developer) is not None for w in organisation_words(title)) \
            or any(organisation_among(n, developer) is not None for n in _possessors(title)):
        return None
    said = bare if bare is not None else m.group(0)[3:] if by else m.group(0)
    w = _SUPPLIER_WORD.search(said)
    said = " ".join(said[:w.end()].split()) if w is not None else said
    first, _, rest = said.partition(" ")
    if first.lower() in ("a", "an", "each", "every"):
        return f"the {rest}"  # (`by an external provider`: the external provider)
    return f"{first.lower()} {rest}" if first.lower() in ("the", "its", "their") else f"the {said}"


def _tool_maker_runs(ctx: Context, title: str) -> str | None:
    """Who a safeguard's title (as read) names as running it where that is the party whose tool it
    is (`_TOOL_MAKER_RUNS`), in words (`each connector's own developer`); None where it names none,
    names no such tool, also names the developer (`Acme reviews each connector and its developer`),
    or says the maker is what is screened (`screening of connector developers`)."""
    from ..model._names import organisation_among, organisation_words

    low = title.lower()
    if not any(w in low for w in ("developer", "author", "publisher", "maintainer", "creator", "builder", "vendor",
                                  "owner")):
        return None
    tool = _TOOL_NAMED.search(title)
    m = next((m for m in _TOOL_MAKER_RUNS.finditer(title)
              if m.group("tool") is None or _MAKER_TOLD.match(title, m.end()) is None), None)
    if tool is None or m is None or (m.group("tool") is not None and _ONLY_SCREENED.search(title[:m.start()])):
        return None
    developer = list(ctx.facts.developer_organisations if ctx.facts is not None else ()) \
        or list(ctx.policy.evidence.organisations)
    if _OURS.search(title) or any(organisation_among(w, developer) is not None for w in organisation_words(title)) \
            or any(organisation_among(n, developer) is not None for n in _possessors(title)):
        return None
    kind = " ".join(tool.group(0).lower().split())
    kind = kind[:-1] if kind.endswith("s") else kind
    return f"each {kind}'s own developer"


def pinned_task_runs(ctx: Context, refs: list["TaskRef"]) -> set[str]:
    """The evidence ids whose log ran one of `refs` (each pinned by its samples' digest)."""
    if not refs or ctx.facts is None:
        return set()
    from ..evidence._facts import task_matches

    return {eid for eid in ctx.case.evidence
            if (run := ctx.facts.derived(eid)) is not None and task_matches(run, refs)}


def safeguards_by_step(ctx: Context) -> dict[str, list[str]]:
    """Step (`pathway.step`) -> the safeguards blocking it across the evaluated boundary: those a
    holder of the weights removes there (`removed_with_weights`) and those another organisation
    runs unsigned or untested by anyone else (`operated_elsewhere`) block nothing (memoised)."""
    got = ctx.memo.get("safeguards_by_step")
    if got is None:
        got = {}
        removed = removed_with_weights(ctx)
        elsewhere = operated_elsewhere(ctx)
        for sid, sg in ctx.case.safeguards.items():
            if sid in removed or sid in elsewhere:
                continue
            for step in sg.blocks:
                lst = got.setdefault(step, [])
                if sid not in lst:
                    lst.append(sid)
        ctx.memo["safeguards_by_step"] = got
    return got


def cited_tests(ctx: Context, keep: Callable[[Safeguard], bool], runs: bool = True
                ) -> Iterator[tuple[str, Safeguard, str, Evidence, "DerivedRun | None"]]:
    """Each red team or safeguard test cited by a safeguard `keep` admits, as (safeguard id,
    safeguard, evidence id, item, the run casegate derived from its log or None; None for every
    item when not `runs`)."""
    for sid, sg in ctx.case.safeguards.items():
        if not keep(sg):
            continue
        for eid in sg.evidence:
            ev = ctx.case.evidence.get(eid)
            if ev is not None and ev.kind in TEST_KINDS:
                yield sid, sg, eid, ev, (ctx.facts.derived(eid) if runs and ctx.facts is not None else None)


def off_task_tests(ctx: Context) -> dict[tuple[str, str], str]:
    """(safeguard id, evidence id) -> why a red team or safeguard test the safeguard cites does not
    count for it: the policy names the test tasks of the safeguard's layer (`safeguard_tests`) and
    the item's log ran none of them, or it has no log casegate reads (memoised)."""
    got: dict[tuple[str, str], str] | None = ctx.memo.get("off_task_tests")
    if got is not None:
        return got
    from ..evidence._facts import ran, task_matches, tasks_named

    got = {}
    named = ctx.policy.safeguard_tests
    for sid, sg, eid, _, run in cited_tests(ctx, lambda sg: bool(named.get(sg.layer))):
        refs = named[sg.layer]
        if run is None:
            got[sid, eid] = (f"`{eid}` has no log casegate reads, so it ran none of the tasks the policy names "
                             f"for `{sg.layer}` safeguards ({tasks_named(refs)})")
        elif not task_matches(run, refs):
            got[sid, eid] = (f"`{eid}` ran {ran(run)}, not a task the policy names for `{sg.layer}` safeguards "
                             f"({tasks_named(refs)})")
    ctx.memo["off_task_tests"] = got
    return got


def tests_without_granted_tools(ctx: Context) -> dict[tuple[str, str], str]:
    """(safeguard id, evidence id) -> why a red team or safeguard test the safeguard cites does not
    count for it: the boundary grants a tool (`granted_tools`: its list, or its words by the tool's
    name) whose policy entry names the safeguard's layer in `tested_by`, and the item's log does not
    record every tool that stands for it (`elicited_by`), or the item has no log casegate reads
    (memoised). A classifier tried on typed text is not shown to hold on the speech the boundary
    takes in."""
    got: dict[tuple[str, str], str] | None = ctx.memo.get("tests_without_granted_tools")
    if got is not None:
        return got
    got = {}
    needs: list[tuple[str, tuple[str, ...], list[str]]] = []
    for name in granted_tools(ctx):
        g = ctx.policy.tools.get(name)
        if g is not None and g.tested_by:
            needs.append((name, tuple(g.elicited_by) if g.elicited_by else (name,), g.tested_by))
    for sid, sg, eid, _, run in cited_tests(ctx, lambda sg: any(sg.layer in layers for *_, layers in needs)):
        lacking = [(name, need) for name, need, layers in needs if sg.layer in layers]
        if run is None:
            got[sid, eid] = (f"`{eid}`, which has no log casegate reads, so it is not shown to have given the "
                             f"model the tool(s) {tool_words(lacking)} that the boundary grants")
            continue
        had = set(run.elicitation.tools)
        short = [(name, need) for name, need in lacking if not set(need) <= had]
        if short:
            got[sid, eid] = (f"`{eid}`, which did not give the model the tool(s) {tool_words(short)} that the "
                             f"boundary grants (its log records {', '.join(sorted(had)) or 'none'}), as the "
                             f"policy asks of tests of `{sg.layer}` safeguards")
    for key, why in injections_not_by_tool(ctx).items():
        got.setdefault(key, why)
    ctx.memo["tests_without_granted_tools"] = got
    return got


def kinds_over_tolerance(ctx: Context) -> dict[tuple[str, str], str]:
    """(safeguard id, evidence id) -> why a red team or safeguard test the safeguard cites fails on
    the attempts of one content kind (`image`, `audio`, `video`): the boundary grants a tool whose
    policy entry names the safeguard's layer in `tested_by` and the kind in `elicited_by`, the
    item's log records which attempts the evaluated model was given that kind in
    (`DerivedRun.input_kinds`), and the upper bound on the bypass rate of those attempts alone is
    over `tolerance.max_bypass_rate` (memoised). Those attempts are counted as the whole run's are
    (`attempt_tally`). Image attacks that got through, pooled with many typed ones that did not,
    would otherwise pass as one rate within tolerance."""
    got: dict[tuple[str, str], str] | None = ctx.memo.get("kinds_over_tolerance")
    if got is not None:
        return got
    from ..evidence._facts import attempt_tally
    from ..evidence.stats import upper_bound

    got = {}
    pol = ctx.policy
    needs = _kind_needs(ctx)
    for sid, sg, eid, _, run in cited_tests(ctx, lambda sg: any(sg.layer in layers for *_, layers in needs)):
        if run is None or not run.input_kinds or not run.scores_json:
            continue
        for name, kinds, layers in needs:
            if sg.layer not in layers:
                continue
            for kind in kinds:
                k, n = attempt_tally(run, [(str(s), int(e)) for s, e in run.input_kinds.get(kind, ())])
                if not n:
                    continue
                u = upper_bound(k, n, pol.confidence, pol.interval)
                if u > pol.tolerance.max_bypass_rate and (sid, eid) not in got:
                    got[sid, eid] = (f"`{eid}`, whose attempts given {kind} (the tool `{name}` the boundary grants) "
                                     f"show {k} bypasses in {n}: {pol.confidence:.0%} one-sided "
                                     f"{pol.interval} upper bound {u:.3f} exceeds the tolerance "
                                     f"{pol.tolerance.max_bypass_rate:g}, whatever the run's other attempts show")
    ctx.memo["kinds_over_tolerance"] = got
    return got


def _kind_needs(ctx: Context) -> list[tuple[str, list[str], list[str]]]:
    """(tool name, its content kinds, the safeguard layers its tests must give it to) of each tool
    the boundary grants whose policy entry names a content or conversation kind (`image`, `audio`,
    `video`, `multi-turn`, `memory`) in `elicited_by` and safeguard layers in `tested_by`."""
    from ..model._policy import GIVEN_KINDS

    needs: list[tuple[str, list[str], list[str]]] = []
    for name in granted_tools(ctx):
        g = ctx.policy.tools.get(name)
        if g is not None and g.tested_by:
            kinds = [k for k in (g.elicited_by or [name]) if k in GIVEN_KINDS]
            if kinds:
                needs.append((name, kinds, g.tested_by))
    return needs


def kinds_unrecorded(ctx: Context) -> dict[tuple[str, str], tuple[str, bool]]:
    """(safeguard id, evidence id) -> (why, whether another test the safeguard cites records them)
    for a red team or safeguard test the safeguard cites whose log says the run gave the model a
    content kind (`image`, `audio`, `video`: among `elicitation.tools`) of a tool the boundary grants
    whose policy entry names the safeguard's layer in `tested_by`, but records no attempt given it
    (`DerivedRun.input_kinds`: a harness's `casegate-results/1` log records `tools` for the whole run
    and no sample's content): whether its attempts of that kind hold on their own (CG436) is not
    verified (memoised)."""
    got: dict[tuple[str, str], tuple[str, bool]] | None = ctx.memo.get("kinds_unrecorded")
    if got is not None:
        return got
    got = {}
    needs = _kind_needs(ctx)
    shown: set[tuple[str, str]] = set()
    blind: list[tuple[str, str, str, str]] = []
    for sid, sg, eid, _, run in cited_tests(ctx, lambda sg: any(sg.layer in layers for *_, layers in needs)):
        if run is None:
            continue  # no log: CG426
        for name, kinds, layers in needs:
            if sg.layer not in layers:
                continue
            for kind in kinds:
                if run.input_kinds.get(kind):
                    shown.add((sid, kind))
                elif kind in run.elicitation.tools:
                    blind.append((sid, eid, name, kind))
    for sid, eid, name, kind in blind:
        if (sid, eid) not in got:
            got[sid, eid] = (f"`{eid}`, whose log says the run gave the model {kind} (the tool `{name}` the boundary "
                             f"grants) but records no attempt given it (a harness's word for the whole run, no "
                             f"sample's content): whether its attempts given {kind} hold on their own, as the "
                             "tolerance asks, is not verified", (sid, kind) in shown)
    ctx.memo["kinds_unrecorded"] = got
    return got


_PROMPT_INJECTION = lazy(r"\b(?:prompt[- ]injections?|injected (?:instructions?|prompts?|text|content)|"
                         r"(?:indirect|planted) (?:prompt )?injections?|injections? (?:planted|hidden)|"
                         r"indirect[- ]injection)\b", re.IGNORECASE)
"""Words naming a prompt injection (an instruction planted in what the model reads), not another
injection (`SQL injection`, `fault injection`)."""


def of_prompt_injection(ctx: Context, sg: Safeguard, ev: Evidence) -> bool:
    """Whether a test is of prompt injection: its title, the title of the safeguard citing it, or of
    a pathway that safeguard blocks, names one (`_PROMPT_INJECTION`), or the pathway's domain is
    `injection` or `prompt-injection`."""
    titles = [ev.title or "", sg.title or ""]
    for dom, threats in ctx.case.threat_model.items():
        for pid, p in threats.pathways.items():
            if any(b.split(".", 1)[0] == pid for b in sg.blocks):
                if name_key(dom) in ("injection", "prompt-injection", "prompt-injections"):
                    return True
                titles.append(p.title or "")
    return any(_PROMPT_INJECTION.search(t) for t in titles)


def injections_not_by_tool(ctx: Context) -> dict[tuple[str, str], str]:
    """(safeguard id, evidence id) -> why a red team or safeguard test of prompt injection
    (`of_prompt_injection`) the safeguard cites does not count for it: its log records each message's
    role, and some sample record's injected instruction, as its metadata names it
    (`metadata.injection`), is not shown reaching the model in a tool's output: it is in the user's
    or system turn, in no message, or named nowhere. An instruction the user pastes tests the model
    following its user, not an injection a connector, page or email returns. A log recording no
    transcript (a harness's scores) is not read."""
    got: dict[tuple[str, str], str] = {}
    for sid, sg, eid, ev, run in cited_tests(ctx, lambda sg: True):
        seen = run.injections if run is not None else None
        if seen is None or not of_prompt_injection(ctx, sg, ev):
            continue
        n, by_tool, in_user, unnamed, first = seen
        if by_tool == n:
            continue
        said = []
        if in_user:
            said.append(f"{in_user} carry it in the user's or system turn")
        if unnamed:
            said.append(f"{unnamed} name none (`metadata.injection`)")
        if n - by_tool - in_user - unnamed:
            said.append(f"{n - by_tool - in_user - unnamed} carry it in no message")
        got[sid, eid] = (f"`{eid}`, a test of prompt injection whose log shows the injected instruction in a tool's "
                         f"output in {by_tool} of its {n} sample records ({'; '.join(said)}; first `{first}`): an "
                         "instruction the user's turn carries is not one a tool returns")
    return got


_READS_REASONING_WORDS = ("chain", "cot", "reasoning", "scratch", "thinking", "thought")
"""What each match of `_READS_REASONING` holds (`_may_say`)."""

_READS_REASONING = lazy(r"\b(?:chains?[- ]of[- ]thoughts?|(?-i:CoT)|(?:raw|hidden|private)\W+(?:reasoning|thinking)|"
                        r"(?:reasoning|thinking|thought)\W+(?:traces?|tokens?|blocks?|monitors?|transcripts?)|"
                        r"scratch[- ]?pads?|(?:reasoning|thinking)\W+summar(?:y|ies)|"
                        r"summar(?:y|ies)\W+of\W+(?:the\W+|its\W+|each\W+)?(?:model's\W+)?(?:reasoning|thinking))\b",
                        re.IGNORECASE)
"""Words naming the model's reasoning as what a safeguard reads (a chain-of-thought monitor, or the
summary of the reasoning shown to users, which a model writes from the raw reasoning)."""

_EFFORTS = r"(none|minimal|low|medium|high|xhigh|max)"

_DEFAULT_EFFORT = lazy(
    r"(?:\b|(?<=_))effort\b[^.;:]{0,80}?\b" + _EFFORTS + r"\W+by\W+default\b"
    r"|\b" + _EFFORTS + r"\W+(?:reasoning\W+)?effort\W+by\W+default\b"
    r"|\bdefault\W+(?:reasoning\W+)?effort\W+(?:is\W+|of\W+|setting\W+is\W+)?`?" + _EFFORTS + r"\b"
    r"|(?:\b|(?<=_))effort\b[^.;:]{0,40}?\bdefaults?\W+(?:to\W+)?`?" + _EFFORTS + r"\b", re.IGNORECASE)
"""The reasoning effort the boundary's words give as the product's default (`low by default`,
`the default reasoning effort is low`, `effort defaults to low`)."""

_EFFORT_OFF = lazy(
    r"(?:\b|(?<=_))effort[\s:=`|/,()\"'-]+(?:[\w-]+[\s:=`|/,()\"'-]+){0,6}?(?:none|off)\b(?!\W+of\b)"
    r"|\b(?:reasoning|thinking)\W+(?:can\W+be\W+|may\W+be\W+|is\W+)?(?:turned|switched)\W+off\b"
    r"|\b(?:turn|switch|disable)s?\W+(?:off\W+)?(?:the\W+)?(?:reasoning|thinking)(?:\W+off)?\b"
    r"|\b(?:answers?|respond|replies|reply)\s+without\s+(?:any\s+)?(?:reasoning|thinking)\b", re.IGNORECASE)
"""Words letting a request have the model answer without reasoning (`reasoning_effort: none`,
`reasoning can be turned off`, `developers may disable thinking`)."""

_DENIED_BEFORE = lazy(r"\b(?:cannot|can't|can\W+not|not|never|no\W+one\W+can|"
                     r"no\W+(?:option|way|setting|means|switch)\W+to|(?:not\W+possible|impossible)\W+to)\W+(?:[\w-]+\W+)?$",
                     re.IGNORECASE)
"""A denial in the words just before a match of `_EFFORT_OFF` (`developers cannot turn off the reasoning`,
`there is no option to turn thinking off`)."""
_EFFORT_DENIED_AFTER = lazy(r"\W*(?:is|are)\W+(?:not|never)\W+(?:offered|available|supported|accepted|allowed|exposed)\b"
                     r"|\W*(?:is|are)\W+(?:rejected|refused|unavailable|unsupported|disabled)\b", re.IGNORECASE)
"""A denial just after a match of `_EFFORT_OFF` (`reasoning effort none is not offered`)."""


_OWN_REASONING = lazy(r"\b(?:classifier|judge|grader|filter|reviewer)(?:['’]s|s['’])\W+(?:own\W+)?$", re.IGNORECASE)
"""Words naming a classifier's own reasoning just before a match of `_READS_REASONING` (`the
classifier's reasoning traces are logged`): the safeguard's, not the model's."""


def reads_reasoning(sg: Safeguard) -> bool:
    """Whether a safeguard's title names the model's reasoning as what it reads (`_READS_REASONING`),
    not a classifier's own (`_OWN_REASONING`)."""
    title = sg.title or ""
    return _may_say(title, _READS_REASONING_WORDS) and any(
        _OWN_REASONING.search(title[max(0, m.start() - 30):m.start()]) is None for m in _READS_REASONING.finditer(title))


def default_effort(ctx: Context) -> str | None:
    """The reasoning effort the boundary's words give as the product's default, lower-case, else None."""
    for text in _boundary_texts(ctx.case):
        if "effort" in text.lower() and "default" in text.lower():
            m = _DEFAULT_EFFORT.search(text)
            if m is not None:
                return next(g for g in m.groups() if g).lower()
    return None


def reasoning_off_in_words(ctx: Context) -> str | None:
    """The boundary's words letting a request turn the model's reasoning off, else None."""
    for text in _boundary_texts(ctx.case):
        if _may_say(text, ("effort", "reasoning", "thinking")):
            for m in _EFFORT_OFF.finditer(text):
                if _DENIED_BEFORE.search(text[max(0, m.start() - 24):m.start()]) is None \
                        and _EFFORT_DENIED_AFTER.match(text, m.end(), m.end() + 40) is None:
                    return m.group(0)
    return None


def tests_without_reasoning(ctx: Context) -> dict[tuple[str, str], str]:
    """(safeguard id, evidence id) -> why a red team or safeguard test of a safeguard that reads the
    model's reasoning (`reads_reasoning`: a chain-of-thought monitor) does not count for it: its log
    records no sample transcript (a harness's scores), or some scored sample in which the evaluated
    model answered with no reasoning the log shows (`DerivedRun.reasoning`); the run was made at a
    reasoning effort (`reasoning_effort` in its generate settings) other than the default the
    boundary's words give; or the boundary's words let a request turn the reasoning off, where the
    monitor has nothing to read (memoised). A monitor of reasoning judged on answers that carry none,
    or on traces longer than the product's, is not shown to hold on the product's."""
    got: dict[tuple[str, str], str] | None = ctx.memo.get("tests_without_reasoning")
    if got is not None:
        return got
    got = {}
    default = off = None
    for sid, _sg, eid, _, run in cited_tests(ctx, reads_reasoning):
        if default is None and off is None:
            default, off = default_effort(ctx) or "", reasoning_off_in_words(ctx) or ""
        seen = run.reasoning if run is not None else None
        if off:
            got[sid, eid] = (f"`{eid}`, a test of a monitor of the model's reasoning, while the boundary's words let a "
                             f"request turn the reasoning off (`{off[:80]}`): there the monitor has nothing to read")
        elif seen is None:
            got[sid, eid] = (f"`{eid}`, a test of a monitor of the model's reasoning whose log records no sample "
                             "transcript, so no reasoning of the model's is shown read by it")
        elif seen[1] < seen[0]:
            got[sid, eid] = (f"`{eid}`, a test of a monitor of the model's reasoning whose log shows the model "
                             f"reasoning in {seen[1]} of its {seen[0]} scored sample records (first without: "
                             f"`{seen[2]}`; no `ContentReasoning` part with text in its answer)")
        else:
            ran = run.elicitation.generate_config.get("reasoning_effort") if run is not None else None
            if default and ran is not None and str(ran).lower() != default:
                got[sid, eid] = (f"`{eid}`, a test of a monitor of the model's reasoning run at `reasoning_effort: "
                                 f"{ran}`, while the boundary's words make `{default}` the product's default")
    ctx.memo["tests_without_reasoning"] = got
    return got


def tests_not_through_deployed(ctx: Context) -> dict[tuple[str, str], str]:
    """(safeguard id, evidence id) -> why a red team or safeguard test the safeguard cites does not
    count for it: the policy asks tests of the safeguard's layer to run through the deployed model of
    a role (`evidence.layer_roles`), and the item's log records no model in that role, or one the
    policy does not name for it (`evidence.model_roles`), or the item has no log casegate reads
    (memoised). The deployed classifier's version is otherwise the case's word: a test run through a
    stricter setting or a later version reads the same."""
    got: dict[tuple[str, str], str] | None = ctx.memo.get("tests_not_through_deployed")
    if got is not None:
        return got
    got = {}
    layer_roles = ctx.policy.evidence.layer_roles
    named = ctx.policy.evidence.model_roles
    for sid, sg, eid, _, run in cited_tests(ctx, lambda sg: sg.layer in layer_roles):
        role = layer_roles[sg.layer]
        deployed = list(named.get(role, ()))
        listed = ", ".join(f"`{m}`" for m in deployed) or "none"
        if run is None:
            got[sid, eid] = (f"`{eid}`, which has no log casegate reads, so it is not shown to have run through "
                             f"the deployed `{role}` ({listed}, `evidence.model_roles`)")
            continue
        ran = list(run.source.model_roles.get(role, ()))
        if not ran:
            got[sid, eid] = (f"`{eid}`, whose log records no model in the role `{role}`, so it is not shown to "
                             f"have run through the deployed one ({listed}, `evidence.model_roles`), as the "
                             f"policy asks of tests of `{sg.layer}` safeguards")
        elif not set(ran) <= set(deployed):
            other = ", ".join(f"`{m}`" for m in ran if m not in deployed)
            got[sid, eid] = (f"`{eid}`, whose log records {other} in the role `{role}`, not the deployed one "
                             f"({listed}, `evidence.model_roles`), as the policy asks of tests of "
                             f"`{sg.layer}` safeguards")
    ctx.memo["tests_not_through_deployed"] = got
    return got


_TUNING_ATTACKED = ("tamper-resistant-training", "unlearning")
"""Safeguard layers whose whole claim is that they survive an attacker tuning the weights: where
users can, only a test run against a checkpoint so tuned measures them."""

_JUDGES_TUNED_COPY = ("classifier", "monitoring")
"""Safeguard layers that judge what the served model is asked or answers: with hosted fine-tuning
the model served is the user's tuned copy, which the tuning can teach to answer in a form they do
not read (an encoding, a cipher, a code word) or to stop refusing where they count on refusals;
only a test whose attacks ran through a copy so tuned measures them."""


def untuned_tests(ctx: Context) -> dict[tuple[str, str], str]:
    """(safeguard id, evidence id) -> why a red team or safeguard test does not count across the
    evaluated boundary: users there tune or download the weights, and the test of a
    tamper-resistant-training or unlearning safeguard (or, where users tune them through the lab's
    interface, of a classifier or monitoring) ran against a variant below the policy's
    `arguments.weights_variant` (a jailbreak of the released checkpoint measures refusals, not
    whether they survive fine-tuning; a classifier tested on the base model's answers is not tested
    on a copy tuned to evade it) (memoised)."""
    got: dict[tuple[str, str], str] | None = ctx.memo.get("untuned_tests")
    if got is not None:
        return got
    got = {}
    if weights_reachable(ctx):
        need = ctx.policy.arguments.weights_variant
        where = ctx.boundary.value if ctx.boundary is not None else "this boundary"
        hosted = weights_access(ctx) == "fine-tuning"
        attacked = lambda sg: sg.layer in _TUNING_ATTACKED or (hosted and sg.layer in _JUDGES_TUNED_COPY)  # noqa: E731
        for sid, sg, eid, ev, _ in cited_tests(ctx, attacked, runs=False):
            ran = ev.elicitation.variant if ev.elicitation is not None else Variant.production
            served = " (the model it judges is the user's tuned copy)" if sg.layer in _JUDGES_TUNED_COPY else ""
            if ran.rank < need.rank:
                got[sid, eid] = (f"`{eid}` ran against the `{ran.value}` variant, but at {where} users tune "
                                 f"the weights: a `{sg.layer}` safeguard is measured only by attacks on a "
                                 f"`{need.value}` checkpoint (the policy's `arguments.weights_variant`){served}")
            elif need.rank >= Variant.fine_tuned.rank and (why := untuned_effort(ctx, eid)) is not None:
                got[sid, eid] = (f"`{eid}`, whose `{ran.value}` checkpoint is not shown to have had the "
                                 f"fine-tuning attack the policy asks for ({why}), but at {where} users tune "
                                 f"the weights: a `{sg.layer}` safeguard is measured only by attacks on a "
                                 f"`{need.value}` checkpoint{served}")
    ctx.memo["untuned_tests"] = got
    return got


def _risk_of(ctx: Context, pid: str, dom: str, p: Pathway) -> PathwayRisk:
    pol = ctx.policy
    by_step = safeguards_by_step(ctx)
    steps = tuple((st, tuple(by_step.get(f"{pid}.{st}", ()))) for st in p.steps)
    order: list[str] = []
    for _, sgs in steps:
        order.extend(s for s in sgs if s not in order)
    # candidates per safeguard: its countable, unexpired tests
    tests: dict[str, list[tuple[str, int, int]]] = {}
    unquantified: list[str] = []
    off_task = off_task_tests(ctx)
    untuned = untuned_tests(ctx)
    toolless = tests_without_granted_tools(ctx)
    unreasoned = tests_without_reasoning(ctx)
    undeployed = tests_not_through_deployed(ctx)
    for sid in order:
        items = []
        for eid in ctx.case.safeguards[sid].evidence:
            ev = ctx.case.evidence.get(eid)
            if ev is None or is_expired(ev, ctx) or (ctx.facts is not None and eid in ctx.facts.excluded) \
                    or (sid, eid) in off_task or (sid, eid) in untuned or (sid, eid) in toolless \
                    or (sid, eid) in undeployed or (sid, eid) in unreasoned \
                    or stricter_than_deployed(ctx, eid, ev):
                continue
            c = bypass_counts(ev)
            if c is not None:
                items.append((eid, c[0], c[1]))
        if items:
            tests[sid] = items
        else:
            unquantified.append(sid)
    # a test measures every safeguard that cites it together: once a safeguard contributes a
    # factor, its tests are spent, and a later safeguard with only spent tests adds no factor.
    # A test is its measurement: items whose logs hold the same task and scores (the same file,
    # or one written out again) are one test, as are items that pin the same artifact.
    def measured(eid: str) -> tuple[str, ...]:
        run = ctx.facts.derived(eid) if ctx.facts is not None else None
        if run is not None and run.scores_json:
            return "scores", run.task, run.scores_json
        ev = ctx.case.evidence[eid]
        return ("artifact", ev.sha256, ev.task or "") if ev.sha256 else ("item", eid)

    contributing: list[tuple[str, list[tuple[str, int, int]]]] = []
    spent: set[tuple[str, ...]] = set()
    for sid in order:
        fresh = [t for t in tests.get(sid, []) if measured(t[0]) not in spent]
        if fresh:
            contributing.append((sid, fresh))
            spent.update(measured(t[0]) for t in tests[sid])
    k = len(contributing)
    per = 1 - (1 - pol.confidence) / k if k else pol.confidence
    # One factor per layer: two safeguards of one kind (two refusal trainings, two classifiers)
    # are not independent barriers (one jailbreak gets past both), so they count as the layer's
    # strongest alone, which bounds getting past all of them without assuming they fail apart.
    # A second refusal test under a new safeguard id would otherwise multiply the bound down. The
    # joint confidence still counts every bound computed (`k`), the ones a layer's choice passes over too.
    by_layer: dict[str, SafeguardFactor] = {}
    for sid, fresh in contributing:
        u, eid, b, n = max((upper_bound(b, n, per), eid, b, n) for eid, b, n in fresh)
        layer = ctx.case.safeguards[sid].layer
        if layer not in by_layer or u < by_layer[layer].upper:
            by_layer[layer] = SafeguardFactor(sid, eid, b, n, u)
    factors = list(by_layer.values())
    attempts, raised_from = p.attempts_per_year, None
    floor = pol.tolerance.attempts_floor(ctx.boundary, dom)
    own = ctx.case.boundary.kind if ctx.case.boundary is not None else None
    if floor is None and own is not None and ctx.boundary != own:
        # the case's rate is the rate across its own boundary: at a narrower one the policy sets
        # no floor for, it is held to the floor at its own
        floor = pol.tolerance.attempts_floor(own, dom)
    if attempts is not None and floor is not None and attempts < floor:
        attempts, raised_from = floor, attempts
    bound: float | None = None
    if attempts is not None:
        bound = attempts
        for f in factors:
            bound *= f.upper
    return PathwayRisk(
        pathway=pid, domain=dom, severity=p.severity,
        severe=p.severity.rank >= pol.tolerance.severe_from.rank,
        attempts_per_year=attempts, steps=steps, factors=tuple(factors),
        unquantified=tuple(unquantified), per_bound_confidence=per, confidence=pol.confidence,
        bound=bound, tolerance=pol.tolerance.harm_per_year.get(p.severity), stated_attempts_per_year=raised_from,
        floor=floor,
    )


def pathway_risk(ctx: Context) -> dict[str, PathwayRisk]:
    """Pathway id -> its propagated residual-risk bound, for every pathway (memoised)."""
    got = ctx.memo.get("pathway_risk")
    if got is None:
        got = {pid: _risk_of(ctx, pid, dom, p) for pid, (dom, p) in ctx.case.pathways().items()}
        ctx.memo["pathway_risk"] = got
    return got



# --------------------------------------------------------------------------- inability


class Inability(FrozenRecord):
    """Whether a domain's risk is argued by inability at the evaluated boundary, and why."""

    _fields = ("domain", "shown", "reason")
    domain: str
    shown: bool
    """True when every threshold of the domain is measured below its alert level by evaluations
    meeting the elicitation the boundary requires, and the policy accepts inability arguments."""
    reason: str
    """In words: what shows it, or what is missing."""

    def __init__(self, domain: str, shown: bool, reason: str) -> None:
        object.__setattr__(self, "domain", domain)
        object.__setattr__(self, "shown", shown)
        object.__setattr__(self, "reason", reason)


_GIVES_WEIGHTS = (
    r"\b(?:download\w*|publish\w*|releas\w*|distribut\w*|shar(?:e|es|ed|ing)|hand(?:s|ed)?|giv(?:e|es|en)|"
    r"gets?|receiv\w*|ship\w*|upload\w*|licens\w*|licenc\w*|host\w* on|pull\w*)\W+"
    r"(?:(?!(?:results?|outputs?|answers?|completions?|responses?|evaluations?|generated|produced|by|for|of|"
    r"from|with|running|serving|using|behind|on|via|through|about)\b)[\w'-]+\W+){0,4}?"
    r"(?:weights?|checkpoints?|safetensors|gguf|parameters)\b"
    r"|\b(?:weights?|checkpoints?|safetensors|gguf)\W+(?:[\w-]+\W+){0,3}?(?:are\W+|is\W+)?"
    r"(?:published|released|downloadable|distributed|shared|open[- ]sourced|licen[cs]ed|made available|"
    r"available for download|posted|uploaded)\b"
    r"|\bopen[- ]weights?\b"
)
"""Words by which a boundary says its users get the weights (`downloads the weights`, `weights
published under a licence`, `open weights`). Matched ignoring case, clause by clause. Between the verb and the weights stand at most four words,
none of which makes something else the thing handed out (`get answers generated by the weights`,
`publish evaluation results for these weights`, `capacity running the same weights`)."""

_NEGATED = r"\b(?:no|not|never|without|none|nor|neither)\b|n't\b"

_STAFF = r"\b(?:employees?|staff|team|teams|internal\w*|in-house|cluster|researchers)\b"
"""At an internal kind, a clause naming the lab's own staff or systems as who holds the weights
(`the weights are shared only with the security team`) says nothing of a release."""

_WEIGHTS_WORDS = (lazy(_GIVES_WEIGHTS, re.IGNORECASE), lazy(_NEGATED, re.IGNORECASE), lazy(_STAFF, re.IGNORECASE))
_CLAUSES = lazy(r"[;,()\n]|(?<!\w)\.|\.(?!\w)|(?<!\d):|:(?!\d)")
"""Where a clause ends: a stop (not one between letters or digits, inside a web address or a version,
`atlas.acme.ai`), a comma, a bracket, a line break, or a colon not between digits (not inside a time,
`8:00 to 18:00`)."""


def boundary_clauses(case: Case, memo: dict[str, Any] | None = None) -> tuple[tuple[str, str], ...]:
    """(the clause as written, the clause as read) for each clause of the case's own boundary words
    (`description`, `scope.users`, `scope.vetting`, in that order), split at punctuation and line
    breaks, as written and again as read (`as_read`: a full-width comma ends a clause as a comma
    does; each part then stands with the written clause it is in). Every rule that reads what the
    boundary's words grant or deny reads these clauses: the tools they name
    (`tools_named_in_words`), the weights they hand out, the third party or the public product
    users reach the model through (`_clause_saying`). Worked out once per check when given its
    `memo` (`Context.memo`)."""
    got: tuple[tuple[str, str], ...] | None = memo.get("boundary_clauses") if memo is not None else None
    if got is not None:
        return got
    got = tuple((written, read) for text in _boundary_texts(case) for written in _CLAUSES.split(text)
                for read in _CLAUSES.split(as_read(written)))
    if memo is not None:
        memo["boundary_clauses"] = got
    return got


def _may_say(read: str, words: tuple[str, ...]) -> bool:
    """Whether one of `words` (lower-case ASCII) occurs in `read`, ignoring case as `re` does: the
    first test of a words reading, before its longer patterns, each of whose matches holds one of
    its `words`. Plain ASCII is lower-cased and searched in C; other text by the words' alternation
    under `re.IGNORECASE` (which folds `K` into `k` and `ſ` into `s`, as the longer patterns do)."""
    if read.isascii():
        low = read.lower()
        return any(word in low for word in words)
    return re.search("|".join(words), read, re.IGNORECASE) is not None


def _boundary_texts(case: Case) -> list[str]:
    """The case's own boundary words that are not blank: `description`, `scope.users`,
    `scope.vetting`, in that order."""
    b = case.boundary
    texts = [] if b is None else [b.description or ""]
    if b is not None and b.scope is not None:
        texts += [b.scope.users or "", b.scope.vetting or ""]
    return [text for text in texts if text.strip()]


_ONE_TESTER = (
    r"(?:(?:[\w'-]+\W+){0,3}?(?:(?:ai\W+)?(?:safety|security)\W+institutes?|c?aisi|evaluators?|auditors?|assessors?|"
    r"testers?|red[- ]?team(?:s|ers?)?|regulators?)"
    r"|(?:the\W+)?(?-i:[A-Z][\w&-]*)(?:\W+(?:(?:for|of|on|in|and)\W+)?(?-i:[A-Z][\w&-]*)){0,5})"
)
_TESTER = _ONE_TESTER + r"(?:\W*(?:,|\band\b|&)\W*(?:and\W+)?" + _ONE_TESTER + r"){0,5}"
"""One evaluator, an auditor, a safety institute, a red team or a name (`the UK AISI`, `the US Center
for AI Standards and Innovation`), or a list of them (`the UK AISI and US CAISI`, `METR, Apollo
Research and the UK AISI`)."""
_FOR_TESTING = (
    r"\W+(?:only\W+)?(?:(?:for|to\W+(?:run|conduct|carry\W+out))\W+(?:[\w'-]+\W+){0,3}?(?:testing|tests?|"
    r"evaluations?|evals?|evaluating|red[- ]?teaming|audits?|auditing|assessments?)"
    r"|under\W+(?:an?|the|its|their)\W+(?:[\w'-]+\W+){0,2}?(?:testing|evaluation|red[- ]?teaming|audit|assessment)"
    r"\W+(?:agreements?|contracts?|ndas?))\b"
)
_HELD_FOR_TESTING = (
    r"\b(?:shar(?:e|es|ed|ing)|giv(?:e|es|en|ing)|provid\w*|hand(?:s|ed|ing)?|grant\w*|lend\w*|lent)\W+"
    r"(?:[\w'-]+\W+){0,3}?(?:weights?|checkpoints?)\W+(?:only\W+)?(?:with|to)\W+" + _TESTER + _FOR_TESTING +
    r"|\b(?:weights?|checkpoints?)\W+(?:(?:are|is|were|was|will\W+be|have\W+been|has\W+been)\W+)?(?:only\W+)?"
    r"(?:shared|given|provided|handed|lent|made\W+available)\W+(?:only\W+)?(?:with|to)\W+" + _TESTER + _FOR_TESTING +
    r"|" + _TESTER + r"\W+(?:receives?|received|gets?|got|holds?|held|has|have|"
    r"(?:is|are|was|were|(?:has|have)\W+been)\W+given)\W+"
    r"(?:[\w'-]+\W+){0,4}?(?:weights?|checkpoints?)" + _FOR_TESTING
)
"""Words by which the lab lets a named evaluator hold the weights to test them (`we share the weights
with the UK AISI for pre-deployment testing`, `weights are provided to METR under an evaluation
agreement`, `an independent evaluator receives the weights for red-teaming`): the weights leave the
lab, but to one party, to test them, not to the deployment's users. Who holds them is an evaluator,
an auditor, a safety institute, a red team or a name (capitalised); what for is testing,
evaluation, red-teaming, an audit or an assessment, or an agreement for one (`under a commercial
agreement` is a licence, not a test). Matched ignoring case (the
name: its capital), clause by clause."""

_HOST = (
    r"(?:(?:[\w'-]+\W+){0,3}?(?:cloud|hosting|inference|infrastructure|compute|serving)\W+"
    r"(?:providers?|platforms?|vendors?|hosts?|operators?)"
    r"|(?:[\w'-]+\W+){0,2}?(?:clouds?|hyperscalers?)"
    r"|(?:amazon\W+)?bedrock|(?:google\W+(?:cloud\W+)?)?vertex(?:\W+ai)?|(?:microsoft\W+)?azure|aws|gcp)"
)
_HELD_FOR_SERVING = (
    r"(?:\b(?:shar(?:e|es|ed|ing)|giv(?:e|es|en|ing)|provid\w*|hand(?:s|ed|ing)?|licens\w*|licenc\w*)\W+"
    r"(?:[\w'-]+\W+){0,3}?(?:weights?|checkpoints?)\W+(?:only\W+)?(?:with|to)\W+" + _HOST +
    r"|\b(?:weights?|checkpoints?)\W+(?:(?:are|is|were|was|will\W+be|have\W+been|has\W+been)\W+)?(?:only\W+)?"
    r"(?:shared|given|provided|handed|licen[cs]ed|made\W+available)\W+(?:only\W+)?(?:with|to)\W+" + _HOST + r")"
) + (r"\W+(?:only\W+)?(?:for|to)\W+(?:[\w'-]+\W+){0,2}?(?:serv(?:e|ing)|host(?:ing)?|inference|run\W+inference)\b")
"""Words by which the lab has a cloud provider hold the weights to serve the model (`the weights are
shared with our cloud provider for serving`, `we license the weights to Azure for hosting`): the
weights leave the lab, but to a host that serves them, not to the deployment's users; where they
stand is a weight-security question (CG429), not the boundary's access. Matched ignoring case,
clause by clause, in a sentence that names no other holder (`_OPEN_HOLDERS`)."""

_OPEN_HOLDERS = (
    r"\b(?:anyone|anybody|everyone|everybody|whoever|public(?:ly)?|asks?|asked|asking|requests?|requested|"
    r"download\w*|publish\w*|open[- ]?sourc\w*|hugging\W*face|torrent\w*|users?|customers?|clients?|"
    r"developers?|researchers?|academics?|universit(?:y|ies)|community|partners?|licensees?|others|all|any)\b"
)
"""Words that, anywhere in the sentence, leave weights held for testing an open handing out
(`with the UK AISI and anyone who asks`, `with partners for testing`): a holder who is not one
named evaluator."""

_HELD_WORDS = (lazy(_HELD_FOR_TESTING, re.IGNORECASE), lazy(_OPEN_HOLDERS, re.IGNORECASE),
               lazy(_HELD_FOR_SERVING, re.IGNORECASE))
_SENTENCES = lazy(r"[.;!?\n]")


def weights_in_words(case: Case, memo: dict[str, Any] | None = None) -> str | None:
    """The words of the case's own boundary (`scope.users`, `scope.vetting`, `description`) that
    say its users get the weights to keep, in a clause that does not deny it; None when none do.
    A sentence whose every mention of weights handed out is one named evaluator holding them to test
    them (`_HELD_FOR_TESTING`), naming no other holder (`_OPEN_HOLDERS`), says nothing of users;
    beyond internal use, words that put the model on users' own devices (`on_device_in_words`)
    say they get them. `memo`: the check's (`boundary_clauses`, and the answer)."""
    from ..model import BoundaryKind

    if memo is not None and "weights_in_words" in memo:
        got: str | None = memo["weights_in_words"]
        return got
    b = case.boundary
    gives, negated, staff = _WEIGHTS_WORDS
    inside = b is not None and isinstance(b.kind, BoundaryKind) and b.kind.internal
    found = _clause_saying(case, gives, staff if inside else None, memo, _WEIGHTS_TRIGGER)
    got = None if found is None else _handed_out(case, inside)
    if got is None and not inside:
        got = on_device_in_words(case, memo)
    if memo is not None:
        memo["weights_in_words"] = got
    return got


_HOSTS = (
    r"\b(?:(?:cloud|hosting|inference|infrastructure|compute|serving)\W+"
    r"(?:providers?|platforms?|vendors?|partners?|marketplaces?|operators?)"
    r"|(?:model\W+)?marketplaces?|clouds|hyperscalers?"
    r"|(?:third[- ]party|partners?['’]?|external|other\W+compan(?:y|ies)['’]?s?)\W+(?:[\w-]+\W+)?"
    r"(?:infrastructure|data\W?cent(?:er|re)s?|clusters?|clouds?|platforms?|hardware|servers?)"
    r"|(?:aws|azure|google\W+cloud|gcp|oracle\W+cloud|oci)\W+marketplaces?"
    r"|(?:amazon\W+)?bedrock|(?:google\W+(?:cloud\W+)?)?vertex(?:\W+ai)?|(?:microsoft\W+)?azure|aws|gcp"
    r"|google\W+cloud|oracle\W+cloud|amazon\W+web\W+services|(?:amazon\W+|aws\W+)?sagemaker"
    r"|(?:microsoft|azure\W+ai)\W+foundry|(?:ibm\W+)?watsonx|snowflake(?:\W+cortex)?|databricks"
    r"|alibaba\W+cloud|(?:nvidia\W+)?nim|hugging\W?face\W+inference\W+endpoints"
    r"|(?:customers?|clients?|agenc(?:y|ies)|banks?|hospitals?)['’]?s?\W+(?:own\W+)?"
    r"(?:data\W?cent(?:er|re)s?|sites?|premises|server\W?rooms?)"
    r"|(?:customers?|clients?)\W+(?:[\w-]+\W+){0,3}?(?:runs?|hosts?|deploys?|installs?|serves?)\W+(?:[\w-]+\W+){0,3}?"
    r"(?:on|at|in)\W+(?:its|their)\W+own\W+(?:premises|data\W?cent(?:er|re)s?|server\W?rooms?)"
    r"|(?:public|commercial)\W+clouds?)\b"
)
"""Words naming another company's hardware or service the model may be served on: a cloud
provider or platform, a model marketplace, partner or third-party infrastructure, a hyperscaler,
a cloud by name (`Amazon Bedrock`, `Vertex AI`, `Azure`), a public cloud, or, in a clause naming the
model, its weights or an appliance (`_ON_SITE_SUBJECT`), its customers' own sites (`each customer's own
data centre`, `customer premises`, `a customer runs the model on its own premises`)."""

_HOSTING = (
    r"\b(?:host\w*|serv(?:e|es|ed|ing)|runs?|running|ran|deploy\w*|available|offered|sold|listed|holds?|held|"
    r"stor(?:e|es|ed|ing)|shar(?:e|es|ed|ing)|hand(?:s|ed)?|licen[cs]\w*|cop(?:y|ies)|inference)\b"
)
"""Words by which a clause says the model runs, is offered, or its weights are held where it names
(`runs on Amazon Bedrock`, `served on partner infrastructure`, `available in the model marketplaces
of three cloud platforms`)."""

_HOST_TRIGGER = ("cloud", "marketplace", "hyperscaler", "bedrock", "vertex", "azure", "aws", "gcp", "provider",
                 "platform", "vendor", "partner", "operator", "infrastructure", "data", "cluster", "hardware",
                 "server", "amazon", "sagemaker", "foundry", "watsonx", "snowflake", "databricks", "nim",
                 "inference", "oci", "site", "premises")
"""A word each match of `_HOSTS` holds: a clause without one names no host."""

_HOST_BRANDS = lazy(r"\b(?:bedrock|vertex|azure|aws|gcp|google\W+cloud|oracle\W+cloud|oci|amazon\W+web\W+services|sagemaker|"
                   r"foundry|watsonx|snowflake|databricks|alibaba\W+cloud|nim|hugging\W?face)\b", re.IGNORECASE)
_HOST_COMPANY = lazy(r"\b(?:clouds?|platforms?|providers?|partners?|marketplaces?|hyperscalers?|third[- ]part(?:y|ies))\b",
                     re.IGNORECASE)
_NON_WORDS = lazy(r"\W+")
_HOSTS_WORDS = (lazy(_HOSTS, re.IGNORECASE), lazy(_HOSTING, re.IGNORECASE))
_CUSTOMER_SITE = lazy(r"^(?:customer|client|agenc|bank|hospital)")
"""A host `hosts_in_words` gives (lower-case) that is a customer's own site."""


def customer_site(host: str) -> bool:
    """Whether a host `hosts_in_words` gives is a customer's own site (`customer s own data centre`)."""
    return _CUSTOMER_SITE.search(host) is not None


_ON_SITE_SUBJECT = lazy(r"\b(?:weights?|checkpoints?|models?|appliances?)\b"
                       r"(?!['’]?s?\W+(?:outputs?|responses?|answers?|completions?|results?|generations?)\b)",
                       re.IGNORECASE)
"""What must run at a customer's site for the clause to put the weights there: the model, its
weights or an appliance (`customers' servers call the API` holds none of them; nor does `the model's
outputs are stored on customer premises`)."""
_SITE_HOSTING = lazy(r"\b(?:install(?:s|ed|ing)?|deliver(?:s|ed|ing)?|ship(?:s|ped|ping)?)\W+(?:[\w'’-]+\W+){0,4}?"
                     r"(?:at|to|in|on|into)\b", re.IGNORECASE)
"""Words putting the model at a customer's own site (`installed at each customer's data centre`,
`delivered to customer premises`): a host where the site is a customer's, as the model, its weights,
an appliance or the system by name is what is put there (`_ON_SITE_SUBJECT`, `_names_system`)."""


def _names_system(read: str, system: str) -> bool:
    """Whether a clause names the case's system by its name (`Tern-1 is served from each customer's own
    data centre`), as a word of its own, not as whose outputs it names (`Tern-1's outputs`)."""
    if not system.strip():
        return False
    return re.search(rf"(?<![\w-]){re.escape(system.strip())}(?![\w-])"
                     r"(?!['’]?s?\W+(?:outputs?|responses?|answers?|completions?|results?|generations?)\b)"
                     r"(?!\W+" + _NAMED_PRODUCT + ")",
                     read, re.IGNORECASE) is not None


_NAMED_PRODUCT = (r"(?:(?:kiosk|desktop|mobile|web|browser|chat|companion|field|onboarding|customer)\W+)?"
                  r"(?:support|clients?|apps?|applications?|plug-?ins?|connectors?|sdks?|extensions?|integrations?|"
                  r"documentation|docs|training|licen[cs]es?|invoices?|reports?|dashboards?|team|tokens?|terminals?|"
                  r"kiosks?|consoles?|portals?|agents?\W+software)\b")
"""What the system's name before it names other than the model (`Tern-1 support`, `a Tern-1 kiosk
client`, `the Tern-1 plugin`): put at a customer's site, it is not the model."""


_REACHED_FROM = lazy(
    r"\b(?:access\w*|us(?:e|es|ed|ing)|call\w*|connect\w*|reach\w*|quer(?:y|ies|ied|ying)|request\w*)\W+"
    r"(?:[\w'’-]+\W+){0,6}?from\W+(?:(?:the|their|its|each|every|all|many|some|of)\W+)*$"
    r"|\b(?:serv(?:e|es|ed|ing)|stream\w*)\W+(?:[\w'’-]+\W+){0,6}?to\W+"
    r"(?:(?:the|their|its|each|every|all|many|some|of)\W+)*$"
    r"|\b(?:accessed|used|called|queried|reached)\W+(?:[\w'’-]+\W+){0,3}?(?:at|in|on)\W+"
    r"(?:(?:the|their|its|each|every|all|many|some|of)\W+)*$"
    r"|\b(?:documents?|files|data(?:bases?)?|records|indexes|indices|stores)\W+(?:(?:that|which)\W+)?"
    r"(?:(?:are|is)\W+)?(?:stored|kept|held|hosted)\W+(?:on|in|at)\W+(?:(?:the|their|its|each|every|all)\W+)*$"
    # `its answers are delivered to customer premises`: the model's outputs, not the model, put there
    r"|\b(?:outputs?|responses?|answers?|completions?|results?|predictions?|recommendations?|reports?|invoices?)\W+"
    r"(?:(?:are|is|were|was|get|gets)\W+)?(?:also\W+)?(?:delivered|sent|shipped|returned|streamed|pushed)\W+"
    r"(?:[\w'’-]+\W+){0,3}?(?:to|at|into)\W+(?:(?:the|their|its|each|every|all|many|some|of)\W+)*$",
    re.IGNORECASE)
"""Words just before a customer's site naming it as where the model is reached from or its answers
served to (`accessed from hospital sites`, `served from Acme's data centres to customers' sites`),
or as where documents it reads are kept (`reads documents stored on customer premises`), or its
outputs delivered to (`its answers are delivered to customer premises`): not where it runs. A site the model is served from, or shipped, delivered or installed to, is one."""
_EVERY_CUSTOMER_SITE = lazy(
    r"\b(?:each|every|all)\W+(?:of\W+)?(?:[\w'’-]+\W+){0,3}?(?:customers?|clients?|agenc(?:y|ies)|banks?|hospitals?)"
    r"['’]?s?\W+(?:own\W+)?(?:[\w-]+\W+){0,1}?(?:data\W?cent(?:er|re)s?|sites?|premises|installations?)\b",
    re.IGNORECASE)
"""An auditor's words covering every customer's site (`at each of Acme's 38 customer sites`, `every
customer's data centre`): a site or a customer's premises named alone is one of them."""
_CUSTOMERS_OWN_ON = lazy(
    r"\b(?:their|your|customers['’]?|customer['’]s|clients['’]?|developers['’]?)\W+(?:own\W+)?(?:[\w-]+\W+){0,2}?"
    r"(?:apps?|applications?|websites?|sites|services|backends?|systems|workloads?|files|documents?|data(?:bases?)?)\W+"
    r"(?:(?:that|which)\W+)?(?:(?:are|is)\W+)?(?:hosted|running|run|deployed|stored|kept)\W+(?:on|in)\W+"
    r"(?:(?:their|your)\W+(?:own\W+)?)?$"
    r"|\b(?:stor(?:e|es|ed|ing)|keep\w*|sav(?:e|es|ed|ing))\W+(?:[\w-]+\W+){0,2}?(?:files|documents?|data)\W+(?:on|in)\W+"
    r"(?:their|your)\W+(?:own\W+)?$", re.IGNORECASE)
"""Words just before a cloud naming it as where the customers' own apps or files are (`customers
call the API from their apps hosted on AWS`, `store files in their own Azure Blob Storage`): not
where the model is served."""


_OTHER_THAN_MODEL_ON = lazy(
    r"\W*(?:(?:our|its|the|all|any|acme['’]s)\W+)?(?:(?!(?:model|models|weights?|checkpoints?|parameters?|api|"
    r"inference|serving|endpoints?|and|or)\b)[\w-]+\W+){0,2}?"
    r"(?:web\W?sites?|sites?|docs|documentation|status\W+pages?|blogs?|analytics|logs?|backups?|billing|invoices?|"
    r"dashboards?|data|databases?|emails?|crm|tickets?|harness(?:es)?|pipelines?|consoles?)\W+"
    r"(?:(?:that|which)\W+)?(?:(?:are|is)\W+)?(?:hosted|stored|kept|run|runs|running|served|backed\W+up|processed|"
    r"archived)\W+(?:on|in|at|with|by)\W+$", re.IGNORECASE)
"""Words opening a clause that name as what a cloud holds a thing of the lab's other than the model
(`data stored on Amazon Web Services`, `our website is hosted on AWS`, `analytics run on
Databricks`, `backups stored on AWS`): not where the model is served. Not the model's or its
weights' (`model data`, `the model and its logs`)."""


def hosts_in_words(case: Case, memo: dict[str, Any] | None = None) -> tuple[str, tuple[str, ...]] | None:
    """The first clause `host_clauses` gives; None when none does."""
    return next(host_clauses(case, memo), None)


def host_clauses(case: Case, memo: dict[str, Any] | None = None) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(the clause as written, the hosts it names, lower-case) for each clause of the case's own
    boundary words that says the model is served on, offered through, or its weights held by
    another company's cloud or platform (`_HOSTS` with `_HOSTING`, not denied), in order. A clause naming marketplaces alone as where the model is sold (`sold through AWS
    Marketplace`), nothing in it putting the model on the buyer's machines, names no host where the
    boundary's words say the lab serves the model from its own (`served from Acme's own data
    centres`); where they do not, the listing may be a copy the buyer runs, and is read as a host. Where the weights stand is then that company's data centres too: a weight-security
    question (CG429), not who reaches the model. `memo`: the check's (`boundary_clauses`)."""
    names, hosting = _HOSTS_WORDS
    negated = _WEIGHTS_WORDS[1]
    system = case.system.name
    ours: bool | None = None  # (worked out once, where a clause names a marketplace alone)
    for written, read in boundary_clauses(case, memo):
        if not _may_say(read, _HOST_TRIGGER):
            continue
        found = tuple(dict.fromkeys(_NON_WORDS.sub(" ", m.group(0).lower()) for m in names.finditer(read)
                                    if _CUSTOMERS_OWN_ON.search(read, max(0, m.start() - 120), m.start()) is None
                                    and (m.start() > 120 or _OTHER_THAN_MODEL_ON.match(read, 0, m.start()) is None)
                                    and (_CUSTOMER_SITE.search(m.group(0).lower()) is None
                                         or _REACHED_FROM.search(read, max(0, m.start() - 120), m.start()) is None)))
        if not _ON_SITE_SUBJECT.search(read) and not _names_system(read, system):
            found = tuple(h for h in found if _CUSTOMER_SITE.search(h) is None)
        if not found or negated.search(read) is not None:
            continue
        # `installed at`, `delivered to` each customer's own data centre: where a site holds it
        if hosting.search(read) is None and (_SITE_HOSTING.search(read) is None
                                             or not all(_CUSTOMER_SITE.search(h) for h in found)):
            continue
        # a marketplace the model is sold through, the lab serving it from its own machines, hosts nothing
        if all("marketplace" in f for f in found) and _SOLD_ONLY.search(read) is not None \
                and _SERVED_ELSEWHERE.search(read) is None:
            if ours is None:
                ours = any(_SERVED_OURSELVES.search(r) is not None for _, r in boundary_clauses(case, memo)
                           if _may_say(r, ("own",)))
            if ours:
                continue
        yield written.strip(), found



_NAME = r"(?-i:[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})"
"""A company's name as written: up to four capitalised words (`Kelvin Inference`, `Northwind Cloud`)."""
_HOST_ROLE = (r"(?:partners?|providers?|platforms?|operators?|vendors?|hosts?|hyperscalers?|clouds?|"
              r"(?:data\W?cent(?:er|re)s?|colocation|colo)\W+(?:providers?|operators?|partners?))\b")
_HOSTED_THING = r"(?:models?|weights|traffic|requests|inference|cop(?:y|ies)|checkpoints?|it|(?-i:[A-Z][\w-]*-\d[\w.-]*))"
"""What a company serves or holds, for it to hold the weights: the model, its weights, its traffic, a
copy, or a model's name (`Stint-1`)."""
_NAMED_HOST = (
    r"\b(?P<a>" + _NAME + r")\s*,\s*(?:an?|our|the|its|acme['’]s)\s+(?:[\w-]+\s+){0,2}?" + _HOST_ROLE
    + r"|\b" + _HOST_ROLE + r"\s*,?\s+(?P<b>" + _NAME + r")"
    + r"|\b(?P<c>(?-i:(?:[A-Z][\w&-]*[ \t]+){1,3}Cloud))\b"
    + r"|\b(?P<d>" + _NAME + r")\s+(?:also\s+)?(?:serves|hosts|holds|runs|stores|operates|keeps)\s+(?:[\w'’-]+\s+){0,4}?"
    + _HOSTED_THING + r"\b"
    + r"|\b" + _HOSTED_THING + r"\s+(?:(?:is|are|was|were)\s+)?(?:also\s+)?(?:served|hosted|held|stored|run|operated|kept|"
      r"deployed)\s+(?:[\w-]+\s+){0,3}?(?:by|with)\s+(?:the\s+)?(?P<e>" + _NAME + r")"
)
_NAMED_HOSTS = lazy(_NAMED_HOST, re.IGNORECASE)
"""A company named as what serves the model or holds its weights: by apposition to a host's role
(`Kelvin Inference, an inference partner`, `our inference partner Kelvin Inference`), as a cloud by
its name (`the Northwind Cloud regions`), as the one that serves, runs or holds the model, its
weights or traffic (`Kelvin Inference serves part of the traffic`), or after the model or its traffic
`served by`, `hosted by`, `held with` it."""
_MODEL_WORDS = lazy(r"\b(?:models?|weights?|traffic|requests|inference|checkpoints?|serv\w*|cop(?:y|ies))\b",
                    re.IGNORECASE)
"""A sentence naming a hosting company must name the model, its weights or traffic, or serving: a
partner hosting the docs site holds no weights."""
_NAMED_TRIGGER = ("partner", "provider", "platform", "operator", "vendor", "host", "cloud", "serve", "hold",
                  "run", "store", "keep", "kept", "held", "deployed", "centre", "center", "colo", "hyperscaler")
"""A word each match of `_NAMED_HOST` holds: a sentence without one names no hosting company."""
_NOT_A_COMPANY = frozenset({"api", "the", "a", "an", "our", "its", "their", "this", "that", "each", "every", "it",
                            "us", "eu", "uk", "customers", "customer", "users", "developers", "partners", "staff",
                            "weights", "model", "paid", "also", "part", "all", "some", "one", "two", "three"})
"""Capitalised words that open a sentence or name a region, a role or the model, not a company."""


def hosting_companies(case: Case, developer: Sequence[str] = ()) -> tuple[tuple[str, str, str], ...]:
    """(whose words, the sentence as read, the company's name) for each company other than the developer
    that the case's boundary words or the system's description name as serving the model or
    holding its weights (`_NAMED_HOST`), in a sentence saying the model is served, run or held
    there (`_HOSTING`) and not denying it. Names that are the developer's (`developer`, `our`),
    the system's own, or a region or role (`_NOT_A_COMPANY`) are left out. Each such company is a
    host whose name an auditor's signed statement must hold (CG429): a statement naming another
    cloud or partner does not name it."""
    from ..model._names import organisation_among

    hosting, negated = _HOSTS_WORDS[1], _WEIGHTS_WORDS[1]
    system = case.system.name.lower()
    texts = [*(("the boundary's words", text) for text in _boundary_texts(case)),
             *([("the system's description", case.system.description)] if case.system.description else [])]
    out: dict[str, tuple[str, str]] = {}
    for whose, text in texts:
        for sentence in _SENTENCES.split(as_read(text)):
            if not _may_say(sentence, _NAMED_TRIGGER) or hosting.search(sentence) is None \
                    or negated.search(sentence) is not None \
                    or (_MODEL_WORDS.search(sentence) is None and system not in sentence.lower()):
                continue
            for m in _NAMED_HOSTS.finditer(sentence):
                name = next(g for g in m.groups() if g is not None).strip()
                words = name.split()
                while words and words[0].lower() in _NOT_A_COMPANY:
                    words = words[1:]
                if not words or all(w.lower() in _NOT_A_COMPANY for w in words):
                    continue
                name = " ".join(words)
                if system in name.lower() or any(organisation_among(w, developer) is not None for w in words):
                    continue
                if m.start() == 0 and len(words) == 1 and m.group("d") is not None:
                    continue  # one capitalised word opening the sentence: a common noun as likely as a name
                if (m.group("a") is not None or m.group("b") is not None) and _OTHER_SERVICE.search(m.group(0)) \
                        and _HOLDS_MODEL.match(sentence, m.end(), m.end() + 80) is None:
                    continue  # `Cloudflare, our CDN provider, serves the website`: a partner for something else
                out.setdefault(name, (whose, sentence.strip()))
    return tuple((whose, s, n) for n, (whose, s) in out.items())


_OTHER_SERVICE = lazy(r"\b(?:cdn|content\W+delivery|edge|status\W+page|identity|sign\W?in|sso|log\W?in|auth\w*|payments?|"
                      r"billing|e-?mail|analytics|observability|crm|support|ticketing|docs|documentation|website|"
                      r"marketing|dns|domains?)\b", re.IGNORECASE)
"""Words by which a partner named by apposition serves something other than the model (`Cloudflare,
our CDN provider`, `Okta, our identity provider`)."""
_HOLDS_MODEL = lazy(r"\W*(?:also\s+)?(?:serves|hosts|holds|runs|stores|keeps|operates)\s+(?:[\w'’-]+\s+){0,2}?"
                    r"(?:models?|weights|inference|cop(?:y|ies)|checkpoints?|(?-i:[A-Z][\w-]*-\d[\w.-]*))\b", re.IGNORECASE)
"""What follows such a partner's apposition when it serves or holds the model after all (`Kelvin
Inference, our CDN partner, holds a copy of the weights`)."""
_BRAND_ALIASES = ((" amazon web services ", " aws "), (" google cloud platform ", " gcp "), (" google cloud ", " gcp "),
                  (" microsoft azure ", " azure "), (" oracle cloud infrastructure ", " oci "), (" oracle cloud ", " oci "))
"""One cloud's names written two ways, read as one (`AWS` and `Amazon Web Services`)."""


def _company_words(text: str) -> str:
    out = f" {_NON_WORDS.sub(' ', text.lower()).strip()} "
    for long, short in _BRAND_ALIASES:
        out = out.replace(long, short)
    return out


def company_named(name: str, text: str) -> bool:
    """Whether `text` (an auditor's signed words) names the company `name` by that name, a cloud
    written either way (`_BRAND_ALIASES`: `GCP` for `Google Cloud`)."""
    return _company_words(name) in _company_words(as_read(text))

_SOLD_ONLY = lazy(r"\b(?:sold|resold|listed|billed|purchas\w*|bought|buy|subscri\w*|procured?|procurement)\b",
                  re.IGNORECASE)
"""Words by which a clause names a marketplace as where the model is bought (`sold through AWS
Marketplace`), not where it runs."""
_SERVED_ELSEWHERE = lazy(r"\b(?:host\w*|serv(?:e|es|ed|ing)|runs?|running|deploy\w*|weights?|inference|"
                         r"model\W+packages?|containers?|images?|amis?|in\W+(?:their|your|customers['’]?)\W+"
                         r"(?:own\W+)?(?:accounts?|vpcs?|tenants?))\b", re.IGNORECASE)
"""Words in the same clause by which a marketplace listing puts the model on the buyer's or the
marketplace's machines (`a model package deployed in the buyer's account`)."""
_SERVED_OURSELVES = lazy(r"\b(?:served|hosted|runs?|running|run|deployed|answered|inference)\W+(?:only\W+)?"
                         r"(?:[\w'’-]+\W+){0,3}?(?:own|in-house)\W+(?:[\w-]+\W+)?(?:data\W?cent(?:er|re)s?|servers?|"
                         r"infrastructure|clusters?|hardware|machines)\b", re.IGNORECASE)
"""Words saying the lab serves the model from its own machines (`served from Acme's own data
centres`, `the API runs on our own infrastructure`)."""
_OWN_BEFORE = lazy(r"\b(?:our|in-house|internal|(?:lab|developer)['’]s)(?!\w)", re.IGNORECASE)
_SPAN_CUT = lazy(r"(?:[.,;:()\n]|\b(?:and|or|of|at|by|from|with|beside|plus)\b)", re.IGNORECASE)


def host_named(host: str, text: str, developer: Sequence[str] = ()) -> bool:
    """Whether `text` (an auditor's signed words) names the host `host` (as `hosts_in_words` gives
    it): a cloud by name by that name, a customer's own site by words covering every customer's
    (`_EVERY_CUSTOMER_SITE`: the weights stand at each), any other by a word for another company's
    platform (`cloud`, `platform`, `provider`, `partner`, `marketplace`, `hyperscaler`, `third
    party`) that is not the developer's own: one whose words before it, back to a comma or `and`,
    `of`, `at`, `by`, name one of `developer` (`Acme's cloud clusters`, `the Acme Cloud`) or the lab
    (`our cloud`, `the lab's platform`) is the lab's, not a host's."""
    from ..model._names import organisation_among

    read = as_read(text)
    if customer_site(host):
        return _EVERY_CUSTOMER_SITE.search(read) is not None
    brand = _HOST_BRANDS.search(host)
    if brand is not None:
        return f" {_NON_WORDS.sub(' ', brand.group(0).lower())} " in f" {_NON_WORDS.sub(' ', read.lower())} "
    for m in _HOST_COMPANY.finditer(read):
        before = read[max(0, m.start() - 80):m.start()]
        cuts = list(_SPAN_CUT.finditer(before))
        before = before[cuts[-1].end():] if cuts else before
        if _OWN_BEFORE.search(before) is not None:
            continue
        if any(organisation_among(w.removesuffix("'s").removesuffix("’s"), developer) is not None
               for w in before.split() if w[:1].isupper()):
            continue
        return True
    return False


_WEIGHTS_TRIGGER = ("weight", "checkpoint", "safetensors", "gguf", "parameters")
"""A word each match of `_GIVES_WEIGHTS` holds: a clause without one hands out no weights."""


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether `start`..`end` lies within one of `spans` (one `finditer`'s: in order, none
    overlapping), found by bisection: a long text's many matches are not each compared."""
    i = bisect.bisect_right(spans, start, key=operator.itemgetter(0)) - 1
    return i >= 0 and spans[i][1] >= end


def _handed_out(case: Case, inside: bool) -> str | None:
    """The first clause of the boundary's words that hands out the weights (`_WEIGHTS_WORDS`, not
    denied, not to staff `inside` an internal boundary) in a sentence where they go to someone other
    than one named evaluator holding them to test them (`_HELD_FOR_TESTING`, `_OPEN_HOLDERS`);
    None when every such clause is an evaluator's."""
    gives, negated, staff = _WEIGHTS_WORDS
    held, holders, hosted = _HELD_WORDS
    for text in _boundary_texts(case):
        for sentence in _SENTENCES.split(text):
            clauses = [(written, read) for written in _CLAUSES.split(sentence)
                       for read in _CLAUSES.split(as_read(written))]
            saying = {i for i, (_, read) in enumerate(clauses)
                      if _may_say(read, _WEIGHTS_TRIGGER) and gives.search(read) is not None and negated.search(read) is None
                      and not (inside and staff.search(read) is not None)}
            if not saying:
                continue
            tested = not holders.search(as_read(sentence))
            # the evaluators may be listed past a comma (`with METR, Apollo Research and the UK AISI
            # for testing`): each clause is read in its sentence, its clauses joined by commas
            joined, at = "", {}
            for i, (_, read) in enumerate(clauses):
                at[i] = len(joined)
                joined += read + ", "
            spans = sorted(m.span() for pattern in (held, hosted) for m in pattern.finditer(joined)) if tested else []
            for i, (written, read) in enumerate(clauses):
                if i not in saying:
                    continue
                if not (tested and all(_inside(spans, at[i] + m.start(), at[i] + m.end())
                                       for m in gives.finditer(read))):
                    return written.strip()
    return None


_DEVICES = (r"(?:phones?|devices?|handsets?|smartphones?|tablets?|laptops?|desktops?|computers?|pcs|"
            r"watch(?:es)?|headsets?|cars?|hardware)")

_ON_DEVICE = (
    r"\bon[- ]?device\b|\bdevice[- ]side\b"
    r"|\b(?:local|edge|embedded|bundled|offline|built[- ]in)\W+(?:[\w'-]+\W+){0,2}?"
    r"(?:models?|llms?|inference|weights|checkpoints?)\b"
    r"|\b(?:runs?|running|ran|execut\w*|infers?|answer(?:s|ed|ing)?|works?|working|operat\w*|generat\w*)\W+"
    r"(?:[\w'-]+\W+){0,4}?(?:locally|offline|on\W+(?:[\w'-]+\W+){0,3}?" + _DEVICES + r"\b)"
    r"|\b(?:download\w*|install\w*|bundl\w*|ship(?:s|ped|ping)?|packag\w*|embedd?\w*|built|copied|pushed|"
    r"deliver\w*|sideload\w*)\W+(?:(?!(?:apps?|applications?|clients?|updates?|history|conversations?|"
    r"chats?|data|files?|documents?|answers?|results?)\b)[\w'-]+\W+){0,4}?"
    r"(?:to|on|onto|in|into|with|inside)\W+(?:[\w'-]+\W+){0,3}?(?:" + _DEVICES + r"|apps?|applications?)\b"
    r"|\b(?:weights?|checkpoints?|model\W+files?|parameters)\W+(?:[\w'-]+\W+){0,4}?"
    r"(?:stored|kept|saved|cached|held|live|sit|reside)\W+(?:[\w'-]+\W+){0,3}?(?:on|in)\W+(?:[\w'-]+\W+){0,3}?"
    + _DEVICES + r"\b"
    r"|\b(?:quanti[sz]\w*|compress\w*)\W+(?:[\w'-]+\W+){0,4}?(?:for|to\W+run\W+on|to\W+fit\W+on)\W+"
    r"(?:[\w'-]+\W+){0,2}?" + _DEVICES + r"\b|\bto\W+(?:run|fit)\W+on\W+(?:[\w'-]+\W+){0,2}?" + _DEVICES + r"\b"
    r"|\b(?:ships?|shipped|comes?|came|bundled|packaged|installed)\W+with\W+(?:[\w'-]+\W+){0,3}?"
    r"(?:built[- ]in|included|inside|embedded|on[- ]?board)\b"
    r"|\bno\W+(?:network|internet|connection|connectivity|signal)(?:\W+connection)?\W+(?:is\W+)?"
    r"(?:needed|required|necessary)\b"
    r"|\b(?:works?|runs?|answers?)\W+without\W+(?:an?\W+)?(?:network|internet|connection|connectivity|signal)\b"
)
"""Words by which a boundary says the model runs on its users' own devices (`runs on the phone`,
`on-device`, `ships with Finch-1 built in`, `runs locally`, `answers offline`, `no network needed`, `a bundled model`, `downloaded
with the app to every phone`, `quantised to 4 bits for phones`): the weights are then on every such
device, encrypted or not, and a holder of the device holds them. Matched ignoring case, clause by clause, in a sentence that names
the model (`_MODEL_NAMED`, or the system's name). The app itself, its updates or a user's data
downloaded to a phone are not the model (`download the app to the phone`)."""

_MODEL_NAMED = r"\b(?:models?|llms?|weights|checkpoints?|parameters|inference)\b"

_SERVED = (r"\b(?:servers?|cloud|apis?|endpoints?|hosted|data\W?cent(?:er|re)s?|remote\w*|back[- ]?end|"
           r"round[- ]trips?|sends?|sent|sending|upload\w*)\b")
"""Words by which a clause says the model runs on the lab's side (`sends drafts to the server`,
`the model hosted by Acme`): a clause holding them does not put the model on the device, even
where it also works offline (`works offline for drafts and sends them to the server`)."""

_SAVED_OFFLINE = (
    r"\b(?:read|reread|view|browse|see|search|open|review|revisit)(?:s|es|ed|ing)?\W+(?:(?:their|your|the|all)\W+)?"
    r"(?:past|saved|previous|earlier|old|cached|stored|downloaded|recent)\W+(?:[\w'-]+\W+)?"
    r"(?:chats?|conversations?|answers?|responses?|replies|messages?|history|transcripts?)\W+"
    r"(?:[\w'-]+\W+){0,4}?offline\b"
    r"|\b(?:chats?|conversations?|history|transcripts?|messages?|drafts?|notes?)\W+"
    r"(?:(?!(?:offline|that|which|who)\b)[\w'-]+\W+){0,4}?(?:works?|are|is|stays?|remains?)\W+"
    r"(?:(?:available|readable|viewable)\W+)?offline\b"
)
"""Words by which what a user reads offline is their saved chats, not the model (`read past answers
from the model offline`, `chats with the model work offline in read-only mode`)."""

_APP_DOES = r"\b(?:apps?|applications?|clients?)\W+(?:(?:which|that)\W+)?(?:(?:is|are|was|were|gets?|got|also|now)\W+)?$"
"""Words before a verb by which what is installed, or runs on a device, is the app (`the Acme app,
installed on users' phones`, `the app, which works on phones`)."""

_ON_DEVICE_WORDS = (lazy(_ON_DEVICE, re.IGNORECASE), lazy(_MODEL_NAMED, re.IGNORECASE), lazy(_SERVED, re.IGNORECASE),
                    lazy(r"[.;!?\n]"), lazy(_SAVED_OFFLINE, re.IGNORECASE), lazy(_APP_DOES, re.IGNORECASE))


_ON_DEVICE_TRIGGER = ("device", "local", "edge", "embedded", "bundled", "offline", "built", "phone", "handset",
                      "tablet", "laptop", "desktop", "computer", "pcs", "watch", "headset", "car", "hardware", "app",
                      "included", "inside", "board", "network", "internet", "connect", "signal")
"""A word each match of `_ON_DEVICE` holds (a device, the app, `local`, `offline`, `built in`, the
network): a clause without one does not put the model on a device, whatever model it names."""


def on_device_in_words(case: Case, memo: dict[str, Any] | None = None) -> str | None:
    """The words of the case's own boundary (`description`, `scope.users`, `scope.vetting`), or of
    its system's description, that say the model runs on its users' own devices, in a clause that neither denies it nor says the
    model runs on the lab's side (`_SERVED`), in a sentence that names the model; None when none
    do. A phrase that itself says `no` (`no network needed`) is not read as denying itself."""
    got: tuple[str | None] | None = memo.get("on_device_in_words") if memo is not None else None
    if got is not None:
        return got[0]
    device, model, served, sentences, saved, app_does = _ON_DEVICE_WORDS
    negated = _WEIGHTS_WORDS[1]
    system = getattr(case, "system", None)  # unset on a case built field by field
    name = as_read(system.name).lower() if system is not None and system.name else None
    said: str | None = None
    texts = _boundary_texts(case) + ([system.description] if system is not None and system.description else [])
    for text in texts:
        for sentence in sentences.split(text):
            whole = as_read(sentence)
            if model.search(whole) is None and (name is None or name not in whole.lower()):
                continue
            before = ""
            for written in _CLAUSES.split(sentence):
                for read in _CLAUSES.split(as_read(written)):
                    head, before = before, f"{before}{read}, "[-80:]  # (what `_APP_DOES` reads)
                    if not _may_say(read, _ON_DEVICE_TRIGGER):
                        continue
                    spans = [m.span() for m in saved.finditer(read)]
                    # a match naming no model whose subject is the app, or within words about
                    # reading saved chats offline, says nothing of where the model runs
                    m = next((m for m in device.finditer(read)
                              if not _inside(spans, m.start(), m.end())
                              and not (app_does.search((head + read[:m.start()])[-80:]) is not None
                                       and model.search(m.group(0)) is None
                                       and (name is None or name not in m.group(0).lower()))), None)
                    if m is None or served.search(read) is not None:
                        continue
                    if negated.search(device.sub(" ", read)) is not None:
                        continue
                    said = written.strip()
                    break
                if said is not None:
                    break
            if said is not None:
                break
        if said is not None:
            break
    if memo is not None:
        memo["on_device_in_words"] = (said,)
    return said



_ROUTES = (r"\b(?:rout(?:e|es|ed|ing)|re-?rout\w*|escalat\w*|hand(?:s|ed|ing)?\W+(?:\w+\W+){0,2}?(?:off|over)|"
           r"go(?:es|ing)?\W+to|went\W+to|forward\w*|defer\w*|fall(?:s|ing)?\W+back|fell\W+back|fallbacks?|fail(?:s|ed|ing)?\W+over|failover|"
           r"send(?:s|ing)?|sent|dispatch\w*|delegat\w*|switch\w*|cascad\w*|overflow\w*|spill\w*|"
           r"answer(?:s|ed)?|serv(?:e|es|ed)|handl(?:e|es|ed)|respond(?:s|ed)?|takes?\W+over|took\W+over)\b")
"""Words by which a clause says a request goes to a model (`routes complex tasks to`, `escalates to`,
`falls back to`, `hands off to`, `a third-party model answers`); not `serving` or `answering`, which
name a cost or a task as often (`a quarter of the serving cost`)."""

_ROUTED_NAME = r"(?<![\w/.-])([A-Za-z][\w]*(?:[.-][\w]+)*)(?![\w/-])"
"""A word that may be a model's name: it starts with a letter and holds a digit (`Swift-1-pro`,
`GPT-4o`, `Llama-3.1-70B`); read as one only where `_name_like` says so."""

_OTHER_MODEL = (r"\b(?:(?:another|other|second|third|two|three|several|multiple|different)\W+(?:[\w'-]+\W+){0,3}?"
                r"(?:models?|llms?)"
                r"|(?:an?|the|its|one|[\w-]+['’]s)\W+(?:[\w'-]+\W+){0,2}?(?:larger|bigger|stronger|smaller|cheaper|lighter|"
                r"lightweight|faster|distilled|frontier|more\W+capable|"
                r"more\W+powerful|heavier|premium|reasoning|expert|specialist|external|third[- ]party|fallback|"
                r"backup|secondary|vendor|upstream|partner|open[- ]source|hosted)\W+(?:[\w'-]+\W+){0,2}?"
                r"(?:models?|llms?))\b")
"""Words naming a model other than the system without its name (`a larger model`, `a third-party
model`, `another model`, `the fallback model`)."""

_NOT_ANOTHER = (r"\b(?:same|identical|this|replicas?|cop(?:y|ies)|instances?|classifiers?|moderation|safety|guard\w*|"
                r"embedding|reward|router|routing|judge|grader|scor\w*|filter\w*)\b")
"""Words by which a phrase names no other model that answers requests: the same model's replicas,
or a model that judges or routes them (`replicas of the same model`, `a classifier model`)."""

_INFRASTRUCTURE = (r"\s*(?:nodes?|gpus?|tpus?|servers?|clusters?|regions?|zones?|instances?|machines?|hosts?|"
                   r"replicas?|accelerators?|chips?|cards?|racks?|pods?|data\W?cent(?:er|re)s?)\b")
"""Words after a name that make it hardware or a place, not a model (`routes requests to H100 nodes`)."""

_NOT_A_MODEL_NAME = lazy(r"^(?:[a-z]{2,12}-(?:(?:north|south)(?:east|west)?|east|west|central)-?\d{1,2}[a-z]?|.+-(?:like|class|level|grade|style|sized?))$",
                         re.IGNORECASE)
"""A word with a digit that names no model: a cloud region (`us-east-1`, `eu-west-2`,
`europe-west4`) or a likeness (`GPT-4o-like quality`, `a GPT-4-class model`)."""

_JUDGING_NAME = lazy(r"(?:(?<![^\W_])|(?<=[a-z])(?=[A-Z]))(?i:guard|shield|classifier|moderation|judge|grader|reward|"
                     r"embed(?:ding)?)(?![a-z])")
"""A word inside a name that makes it a model that judges requests, not one that answers them
(`Llama-Guard-3`, `ShieldGemma-2`, `LlamaGuard-3`, `omni-moderation-2024`); not `safety`
(`Fixture-safety-2` may answer), nor `Guardian-2`."""

_SENT_TO = lazy(r"\b(?:to|by|with)\s*$", re.IGNORECASE)
"""The word a name a request is sent to stands after (`routes complex tasks to Swift-1-pro`)."""

_ROUTED_WORDS = (lazy(_ROUTES, re.IGNORECASE), lazy(_ROUTED_NAME), lazy(_OTHER_MODEL, re.IGNORECASE),
                 lazy(_NOT_ANOTHER, re.IGNORECASE), lazy(_INFRASTRUCTURE, re.IGNORECASE),
                 lazy(r"\b(?:models?|llms?)\b", re.IGNORECASE),
                 lazy(r"\b(?:two|three|several|multiple)\W+(?:[\w'-]+\W+){0,3}?(?:models?|llms?)\b", re.IGNORECASE),
                 lazy(r"(?<!\d)\.|\.(?!\d)|[;!?\n]"), lazy(r"(?<!\d)\.|\.(?!\d)|[;:,()\n]"))
"""The readings of `routed_models_in_words`, in the order it takes them; a point inside a version
number (`Swift-1.5`) breaks no sentence or clause."""


_WORD_RUN, _NOT_WORD_RUN = lazy(r"\w+"), lazy(r"[\W_]+")


def _family(name: str) -> str:
    return _NOT_WORD_RUN.split(as_read(name).casefold(), maxsplit=1)[0]


def _is_system(word: str, own: AbstractSet[tuple[str, ...]], version: AbstractSet[str]) -> bool:
    """Whether a name names the system: one of its names, alone or followed by words of its version
    (`Fixture-1` for Fixture 1.0; not `Fixture-1.5`, another version)."""
    words = tuple(_WORD_RUN.findall(as_read(word).casefold()))
    return any(words[:len(n)] == n and all(w in version for w in words[len(n):]) for n in own if n)


_ROUTES_TRIGGER = ("rout", "escalat", "hand", "go", "went", "forward", "defer", "fall", "fell", "fail", "send", "sent",
                   "dispatch", "delegat", "switch", "cascad", "overflow", "spill", "answer", "serv", "respond",
                   "take", "took")
"""A word each match of `_ROUTES` holds: a text without one sends no request to a model."""


def routed_models_in_words(case: Case, memo: dict[str, Any] | None = None) -> list[tuple[str | None, str]]:
    """The models other than the system that the case's words say answer its requests: in the
    boundary's own words (`_boundary_texts`) or the system's description, each clause that says a
    request goes to a model (`_ROUTES`) and names one that is not the system: by a name (`routes
    complex tasks to Swift-1-pro`; a name of the system's family, or one in a clause that says
    `model`, or one a request is sent `to` that names no hardware or place; after the words that send
    it), or without one
    (`escalates to a larger model`, `falls back to a third-party model`). Each as (the name as
    written, or None, and the clause), in the order they stand; the system itself, its replicas
    and the models that judge or route requests are not others."""
    got: list[tuple[str | None, str]] | None = memo.get("routed_models_in_words") if memo is not None else None
    if got is not None:
        return got
    routes, name_word, unnamed, not_another, infrastructure, model_word, counted, sentences, clauses = _ROUTED_WORDS
    system = getattr(case, "system", None)  # unset on a case built field by field
    own = {tuple(_WORD_RUN.findall(as_read(n).casefold())) for n in
           ([system.name, *system.evaluated_as] if system is not None and system.name else [])}
    family = _family(system.name) if system is not None and system.name else None
    version = set(_WORD_RUN.findall(system.version.casefold())) if system is not None and system.version else set()
    texts = _boundary_texts(case) + ([system.description] if system is not None and system.description else [])
    found: list[tuple[str | None, str]] = []
    seen: set[str] = set()
    for text in texts:
        if text.isascii() and not _may_say(text, _ROUTES_TRIGGER):
            continue  # (plain ASCII reads as written: a clause of it holds what the text holds)
        for sentence in sentences.split(text):
            for written in clauses.split(sentence):
                read = as_read(written)
                verb = routes.search(read)
                if verb is None:
                    continue
                says_model = model_word.search(read) is not None  # once a clause: a long one reads in linear time
                for m in name_word.finditer(read, verb.end()):  # a name the request goes to, after the verb
                    word = m.group(1)
                    kin = _family(word) == family and ("-" in word or "." in word)
                    if not (kin or any(c.isdigit() for c in word)) or _is_system(word, own, version):
                        continue
                    if (infrastructure.match(read, m.end()) is not None or _JUDGING_NAME.search(word) is not None
                            or _NOT_A_MODEL_NAME.search(word) is not None):
                        # hardware or a place (`A100 GPUs`, `us-east-1`), a guard model, a likeness; a
                        # likeness of a model (`a GPT-4-class model`) is a model the words do not name
                        if (_NOT_A_MODEL_NAME.search(word) is not None and model_word.match(read, m.end() + 1)
                                and written.strip() not in seen):
                            seen.add(written.strip())
                            found.append((None, written.strip()))
                        continue
                    if not (kin or says_model or _SENT_TO.search(read, max(0, m.start() - 16), m.start())):
                        continue
                    if word.casefold() not in seen:
                        seen.add(word.casefold())
                        found.append((word, written.strip()))
                for m in unnamed.finditer(read):
                    if not_another.search(m.group(0)) is None and written.strip() not in seen:
                        seen.add(written.strip())
                        found.append((None, written.strip()))
                        break
    # `two models`, `several models`: the set, not a model beside the ones the words name
    if any(name is not None for name, _ in found):
        found = [(name, said) for name, said in found if name is not None or counted.search(said) is None]
    if memo is not None:
        memo["routed_models_in_words"] = found
    return found


_QUANTISED = (r"\b(?:quanti[sz](?:ed|ation)\W+(?:[\w'-]+\W+){0,3}?)?(\d{1,2})[- ]?bits?\b"
              r"|\b(?:int|q|nf)(\d)(?:_[a-z0-9_]+)?\b|\bquanti[sz](?:ed|ation)\b")
"""Words by which a case says its system's weights are quantised (`quantised to 4 bits`, `the 4-bit
weights`, `int4`, `q4_k_m`, a lineage entry `quantised-from`), with the bit width where they give
one. A bit width counts in a text that speaks of the weights (`_PRECISION_OF`)."""

_PRECISION_OF = r"\b(?:quanti[sz]\w*|weights?|precision|models?|builds?|checkpoints?)\b"

_NOT_OF_WEIGHTS = (
    r"\b(?:not|never|no|without)\W+(?:(?:been|be|yet)\W+)?$"
    r"|\b(?:kv|cache|activations?|optimi[sz]ers?|adam\w*|gradients?|hosts?|linux|cpus?|processors?|"
    r"x86|architectures?|integers?|audio|pcm|colou?rs?)\W+(?:(?:is|are|was|were|stays?|kept|stored|held)\W+)?"
    r"(?:(?:in|at|to)\W+)?$"
)
"""Words right before a bit width or a quantisation by which it is not the weights' (`not quantised`,
`the KV cache is int8`, `the KV cache quantised to 8 bits`)."""

_NOT_OF_WEIGHTS_AFTER = (
    r"^[ \t-]+(?:[\w'-]+[ \t-]+)?(?:kv|cache|activations?|optimi[sz]ers?|adam\w*|gradients?|hosts?|linux|"
    r"cpus?|processors?|x86|architectures?|integers?|audio|pcm|colou?rs?)\b"
    r"|^[ \t]*(?:20\d\d|'\d\d)\b"
)
"""Words right after a bit width by which it is not the weights' (`an 8-bit KV cache`, `64-bit Linux
hosts`, `8-bit Adam`), or after `Q1` that it is a quarter (`Q1 2027`)."""

_QUANTISED_WORDS = (lazy(_QUANTISED, re.IGNORECASE), lazy(_PRECISION_OF, re.IGNORECASE),
                    lazy(_NOT_OF_WEIGHTS, re.IGNORECASE), lazy(_NOT_OF_WEIGHTS_AFTER, re.IGNORECASE))


def stated_quantisation(case: Case) -> tuple[int | None, str] | None:
    """(bit width or None, the words) where the case's own words say its system's weights are
    quantised: `system.description`, the boundary's words, or a lineage entry's relation (`quantised-from`);
    None where they do not. A name that names another precision (`fp16`, `full-precision`) names
    another build than the one shipped."""
    quantised, about, before, after = _QUANTISED_WORDS
    system = getattr(case, "system", None)
    texts = [system.description or ""] if system is not None else []
    texts += _boundary_texts(case)
    texts += [x.relation for x in system.lineage] if system is not None else []
    found: tuple[int | None, str] | None = None
    for text in texts:
        read = as_read(text)
        if about.search(read) is None:
            continue
        for m in quantised.finditer(read):
            if before.search(read[max(0, m.start() - 40):m.start()]) is not None:
                continue  # not quantised, or the quantisation of something else than the weights
            if after.search(read[m.end():m.end() + 40]) is not None:
                # the bit width of something else (`quantised with an 8-bit KV cache`): quantised
                # at a width not given, where the words say so
                if m.group(0).lower().startswith("quanti"):
                    found = found or (None, m.group(0))
                continue
            bits = m.group(1) or m.group(2)
            if bits is not None:
                return int(bits), m.group(0)
            found = found or (None, m.group(0))
    return found

_TUNES_WEIGHTS = (
    r"\bfine[- ]?tuning\W+(?:[\w'-]+\W+){0,2}?(?:access|apis?|jobs?|endpoints?|service|interface|platform|offering)\b"
    r"|(?<![-\w])(?:fine[- ]?)?tun(?:e|es|ing)\W+(?:[\w'-]+\W+){0,4}?"
    r"(?:cop(?:y|ies)|models?|weights|checkpoints?|versions?|variants?)\b"
    r"|\b(?:own|private|custom|customi[sz]ed|their|its)\W+(?:fine[- ]?)?tuned\W+(?:cop(?:y|ies)|models?|versions?|"
    r"variants?|checkpoints?|weights)\b"
    r"|(?<![-\w])(?:fine[- ]?)?tuned\W+cop(?:y|ies)\b"
    r"|\b(?:upload\w*|submit\w*|suppl(?:y|ies|ied|ying)|provid\w*|bring\w*|send\w*)\W+(?:[\w'-]+\W+){0,3}?"
    r"(?:training|fine[- ]?tuning|tuning)\W+(?:data|datasets?|examples?|files?|corpus|corpora)\b"
    r"|(?<![-\w])(?:fine[- ]?)?tun(?:e|es|ing)\W+(?!(?:the\W+)?(?:future|next|new|our|its)\b)(?:[\w'-]+\W+){0,3}?"
    r"(?:on|with|using)\W+(?:the\W+)?(?:their|your|customers?'?|users?'?|clients?'?|tenants?'?)(?:\W+own)?\W+"
    r"(?:[\w'-]+\W+)?(?:data|datasets?|examples?|files?|corpus|corpora|documents?)\b"
    r"|\b(?:custom|customi[sz]ed|bespoke|own|private)\W+models?\W+(?:[\w'-]+\W+){0,2}?(?:by|through|via|with)\W+"
    r"(?:fine[- ]?)?tuning\b"
    r"|\b(?:lora|qlora|peft|adapters?)\b\W+(?:[\w'-]+\W+){0,3}?(?:trained|tuned|fit|fitted)\W+(?:on|with|using)\b"
    r"|\b(?:train\w*|tun(?:e|es|ing))\W+(?:[\w'-]+\W+){0,3}?(?:lora|qlora|peft|adapters?)\b"
)
"""Words by which a boundary says its users have the model tuned (`customers upload training data`,
`the fine-tuning API`, `each tuning its own copy`, `the tuned copy is served back`, `customers
fine-tune Atlas-2 on their own data`, `custom models by fine-tuning`, `LoRA adapters trained on
customer data`): hosted
fine-tuning, which undoes trained-in refusals whatever the kind is labelled. Matched ignoring case,
clause by clause. A model the lab tuned before release (`a safety-tuned model`, `tuned for protein
design`) is not a user's tuning: the past participle alone, or after a hyphen, is not read."""

_TUNING_WORDS = lazy(_TUNES_WEIGHTS, re.IGNORECASE)
_TUNING_TRIGGER = ("tun", "train", "lora", "peft", "adapter")
"""A word each match of `_TUNES_WEIGHTS` holds (`tune`, `fine-tuning`, `training data`, `LoRA`,
`PEFT`, `adapters`): a clause without one says no user has the model tuned."""


def tuning_in_words(case: Case, memo: dict[str, Any] | None = None) -> str | None:
    """The words of the case's own external boundary (`scope.users`, `scope.vetting`,
    `description`) that say its users have the model fine-tuned, in a clause that does not deny
    it; None when none do, or at an internal kind (the lab's own staff tune checkpoints there).
    `memo`: the check's (`boundary_clauses`, and the answer)."""
    if memo is not None and "tuning_in_words" in memo:
        got: str | None = memo["tuning_in_words"]
        return got
    got = _tuning_in_words(case, memo)
    if memo is not None:
        memo["tuning_in_words"] = got
    return got


def _tuning_in_words(case: Case, memo: dict[str, Any] | None) -> str | None:
    from ..model import BoundaryKind

    b = case.boundary
    if b is None or (isinstance(b.kind, BoundaryKind) and b.kind.internal):
        return None
    negated, lab, prompted = _WEIGHTS_WORDS[1], _LAB_TUNES, _PROMPTED
    for written, read in boundary_clauses(case, memo):
        if not _may_say(read, _TUNING_TRIGGER):
            continue
        later = [m.span() for m in _LAB_TUNES_LATER.finditer(read)]
        found = [(start, end) for start, end in (m.span() for m in _TUNING_WORDS.finditer(read))
                 if not any(a <= start and end <= b for a, b in later)]
        if not found or negated.search(read) is not None:
            continue
        ours = [m.span() for m in lab.finditer(read)]
        if (_USERS_OR_COPIES.search(read) is None
                and all(any(a <= start and end <= b for a, b in ours) for start, end in found)):
            continue  # `Acme fine-tunes the model for each release`: the lab's own tuning, and no other
        if prompted.search(read) is not None and not re.search(r"tun", read, re.IGNORECASE):
            continue  # `customers supply training examples for few-shot prompting only`
        return written.strip()
    return None


_LAB_TUNES = lazy(r"\b(?:fine[- ]?)?tun(?:e|es|ing)\W+(?:the|our|its|future|new|each|every|next)\W+"
                  r"(?:[\w-]+\W+){0,2}?models?\b", re.IGNORECASE)
"""Words by which the lab tunes its own model (`Acme fine-tunes the model for each release`,
`which Acme may use to tune future models`, `tunes the model's refusals`): not a user's tuning
where the clause names no user, no copy of theirs and no data they send (`_USERS_OR_COPIES`)."""

_LAB_TUNES_LATER = lazy(r"\b(?:fine[- ]?)?tun(?:e|es|ing)\W+(?:future|next|later|subsequent)\W+"
                        r"(?:[\w-]+\W+){0,2}?models?\b", re.IGNORECASE)
"""Words by which the lab tunes models it has yet to release (`Acme fine-tunes future models on
customer data`): whatever data it tunes them on, no user has the served model tuned."""

_USERS_OR_COPIES = lazy(
    r"\b(?:customers?|users?|clients?|tenants?|licensees?|partners?|developers?|researchers?|enterprises?|"
    r"organi[sz]ations?|members?|accounts?|they|their|them|theirs|you|your|anyone|own|private|custom\w*|"
    r"cop(?:y|ies)|requests?|demand|upload\w*|submit\w*|suppl(?:y|ies|ied)|provided|per)\b", re.IGNORECASE)

_PROMPTED = lazy(r"\b(?:few[- ]shot|in[- ]context|retrieval|rag|in\W+the\W+prompt)\b", re.IGNORECASE)
"""Examples given in the prompt or to a retrieval index, not to a tuning job: a clause naming them
and no tuning (`customers supply training examples for few-shot prompting only`)."""


def _clause_saying(case: Case, words: re.Pattern[str], unless: re.Pattern[str] | None = None,
                   memo: dict[str, Any] | None = None, trigger: tuple[str, ...] = ()) -> str | None:
    """The first clause of the case's own boundary (`boundary_clauses`) in which `words` occur,
    neither denied (`no`, `never`, `n't`...) nor holding `unless`, as written; None when there
    is none. `trigger`: words one of which each match of `words` holds (`_may_say`), tried first."""
    negated = _WEIGHTS_WORDS[1]
    for written, read in boundary_clauses(case, memo):
        if trigger and not _may_say(read, trigger):
            continue
        if (words.search(read) is not None and negated.search(read) is None
                and (unless is None or unless.search(read) is None)):
            return written.strip()
    return None


_THROUGH_THIRD_PARTY = (
    r"\bthird[- ]?part(?:y|ies)(?!\W+(?:[\w-]+\W+)?(?:evaluat\w*|audit\w*|assess\w*|test\w*|red[- ]?team\w*|"
    r"review\w*|research\w*|experts?|scrutiny|oversight|kyc|identity|verif\w*|payments?|billing|security|"
    r"pen(?:etration)?[- ]?test\w*|annotat\w*|processors?|hosting|infrastructure|compute|data\W?cent(?:er|re)s?)\b)"
    r"|\b(?:resell\w*|resold|re-?sale|white[- ]label\w*|integrators?|sub-?licens\w*|oems?)\b"
    r"|\b(?:through|via|inside|within|in|into)\W+[\w-]+'s\W+own\W+(?:[\w-]+\W+){0,2}?"
    r"(?:products?|assistants?|apps?|applications?|platforms?|services?|software|systems?)\b"
)
"""Words by which a boundary says its users reach the model through another organisation's
product (`a third party that embeds it`, `resold by`, `white-labelled`, `an integrator`, `through
Northgrid's own assistant`): the `third-party` kind. Third parties who evaluate, audit, test or
review the model, or serve the lab (a KYC or identity provider, payments, security, annotation,
hosting or infrastructure: `served on third-party cloud infrastructure`), are not a route to users. Matched ignoring case, clause by clause."""

_THIRD_PARTY_WORDS = lazy(_THROUGH_THIRD_PARTY, re.IGNORECASE)


def third_party_in_words(case: Case, memo: dict[str, Any] | None = None) -> str | None:
    """The words of the case's own boundary (`scope.users`, `scope.vetting`, `description`) that
    say its users reach the model through another organisation's product, in a clause that does
    not deny it; None when none do. `memo`: the check's (`boundary_clauses`)."""
    return _clause_saying(case, _THIRD_PARTY_WORDS, memo=memo)


_CONSUMER_PRODUCT = (
    r"\bconsumers?\b(?!\W+(?:grade|hardware|gpus?|cards?)\b)"
    r"|\b(?:the\W+)?general\W+public\b|\bmembers\W+of\W+the\W+public\b"
    r"|\b(?:desktop|mobile|phone|smartphone|tablet|web|chat|browser|consumer|companion|ios|android|mac|windows)\W+"
    r"(?:apps?|applications?|clients?|extensions?)\b"
    r"|\bapp\W+stores?\b|\bchat\W?bots?\b"
)
"""Words by which a boundary says its users are the public, reaching the model through the
developer's own end-user product (`consumers`, `the general public`, `the Quill desktop app`, `a
mobile app`, `a chatbot`): the `consumer` kind, not programmatic access for developers. Matched
ignoring case, clause by clause."""

_CONSUMER_WORDS = lazy(_CONSUMER_PRODUCT, re.IGNORECASE)

_BUILT_ON = lazy(r"\b(?:build\w*|built|integrat\w*|embed\w*)\b", re.IGNORECASE)
"""A clause in which developers build on the model (`developers building consumer apps`) says
who their users are, not how the developer's own boundary reaches the public; up to the public
using something after it (`_PUBLIC_USES`)."""
_PUBLIC_USES = lazy(r"\b(?:and|but|while|whereas|yet)\W+(?:(?:the|all|any)\W+)?(?:general\W+)?"
                    r"(?:public|consumers?|everyone|anyone|members\W+of\W+the\W+public)\W+(?:can\W+|may\W+)?"
                    r"(?:uses?|reach(?:es)?|chats?|talks?|access(?:es)?|downloads?|gets?)\b", re.IGNORECASE)
"""Words after developers building on the model by which the clause goes on to the public using a
product (`customers build their apps and the public uses our chatbot`): read as a clause of its own."""
_OURS_USED = (r"\W+(?:(?:with|to|on|from|through|via)\W+)?(?:our|the\W+(?:lab|developer)['’]s)\W+"
              r"(?:(?:own|free|new|official|consumer)\W+){0,2}(?:[\w-]+\W+)?"
              r"(?:assistants?|apps?|applications?|chat\W?bots?|agents?|companions?)\b")
_PUBLIC_USES_OURS = lazy(_OURS_USED, re.IGNORECASE)
"""What the public uses after developers build, named the lab's own product by `our` (`the public
chats with our assistant`, `consumers download our app`): a product of the developer's, named by no
consumer word."""
_PUBLIC_OWN_TRIGGER = ("public", "consumer", "everyone", "anyone", "our")
_PUBLIC_OWN = lazy(
    r"\b(?:(?:the|all|any)\W+)?(?:general\W+)?(?:public|consumers?|everyone|anyone|members\W+of\W+the\W+public)\W+"
    r"(?:can\W+|may\W+|is\W+free\W+to\W+|are\W+free\W+to\W+)?(?:also\W+|now\W+|freely\W+|directly\W+)?(?:uses?|reach(?:es)?|chats?|talks?|access(?:es)?|"
    r"downloads?|gets?|tr(?:y|ies))\b"
    r"(?=" + _OURS_USED
    + r"|\W+(?:(?:with|to)\W+)?(?:[\w-]+\W+){0,2}?(?:directly\b|on\W+our\W+(?:web\W*)?site\b)"
    r"|\W+(?:(?:with|to)\W+)?(?:(?!(?:them|their|partners?|partners['’]|customers?|customers['’]|developers?)\b)"
    r"[\w'’-]+\W+){0,2}?(?:at|on|via)\W+(?:https?://)?[\w-]+(?:\.[\w-]+)+\b)"
    r"|\b(?:our|the\W+(?:lab|developer)['’]s)\W+(?:(?:own|free|new|official|consumer)\W+){0,2}(?:[\w-]+\W+)?"
    r"(?:assistants?|apps?|applications?|chat\W?bots?|agents?|companions?)\W+(?:is|are)\W+(?:also\W+)?"
    r"(?:open|available|free)\W+(?:to|for)\W+(?:(?:the|all|any)\W+)?(?:general\W+)?"
    r"(?:public|consumers?|everyone|anyone|members\W+of\W+the\W+public)\b(?!\W+(?:in|at|of|on|inside|within)\W)",
    re.IGNORECASE)
"""The public using the lab's own product in a clause of its own, no developer building named in it
(`while anyone can talk to our own assistant` after a comma, `anyone can chat with Atlas directly`,
`anyone can chat with Atlas at atlas.acme.ai`, `our own app is open to everyone`): the `consumer` kind. Not everyone
inside something (`open to everyone in our company`)."""


_USERS_PRODUCT = (r"(?:(?:desktop|mobile|phone|smartphone|tablet|web|browser|ios|android|mac|windows|chat|companion)\W+"
                  r"(?:apps?|applications?|clients?|extensions?)|chat\W?bots?)\b")
_USERS_PRODUCTS = (_USERS_PRODUCT + r"(?:\W*(?:,|\band\b|\bor\b|&)\W*(?:(?!(?:our|its|the|my|consumers?|public|everyone|"
                   r"anyone|free)\b)(?![\w-]+['’]s\b)[\w-]+\W+)?" + _USERS_PRODUCT + r")*")
"""One of the users' own apps or chatbots, and those listed after it, none named ours, the
public's or another's (`their companion apps and chatbots`; not `their apps and our consumer
chatbot`): the products a `their` before the first is of."""
_FOR_DEVELOPERS_APPS = lazy(
    r"\b(?:sdks?|software\W+development\W+kits?|(?:client\W+)?librar(?:y|ies)|toolkits?|frameworks?)\W+"
    r"(?:for|to\W+build|for\W+building)\W+(?:(?!(?:our|its|own|the)\b)(?![\w-]+'s\b)[\w-]+\W+){0,4}?"
    + _USERS_PRODUCTS
    + r"|\b(?:their\W+own|(?:customers?|developers?|clients?|businesses|enterprises|partners?|integrators?)(?:'s|s?')"
    r"(?:\W+own)?)\W+(?:(?!(?:our|its|the)\b)(?![\w-]+'s\b)[\w-]+\W+){0,4}?"
    + _USERS_PRODUCTS
    + r"|\b(?:customers?|developers?|clients?|businesses|enterprises|partners?|integrators?)\W+"
    r"(?:(?!(?:our|its|us|we|consumers?|users?|public|people|persons?|members|everyone|anyone|individuals)\b)"
    r"[\w'-]+\W+){0,6}?their\W+(?:(?!(?:our|its|the)\b)(?![\w-]+'s\b)[\w-]+\W+){0,4}?"
    + _USERS_PRODUCTS, re.IGNORECASE)
"""Words by which the developer's SDK or library is for its users' own apps (`SDKs for web
applications`, `client libraries for iOS and Android apps`, `SDKs for web, mobile and desktop
applications`), or the apps are its customers' (`from their own web applications`, `customers'
mobile apps`, `developers call the API from their web apps`: `their` after developers or
customers, no person between): programmatic access for developers, not an end-user product of the developer's.
`SDKs for our mobile app`, `for Acme's web app` and `for the desktop app` name the developer's own
product, and an app beside the SDK (`desktop app and SDK`) stays one."""


def consumer_in_words(case: Case, memo: dict[str, Any] | None = None) -> str | None:
    """The words of the case's own boundary (`scope.users`, `scope.vetting`, `description`) that
    say its users are the public using the developer's own end-user product, in a clause that
    neither denies it nor is about developers building on the model, other than an SDK for users'
    apps (`_FOR_DEVELOPERS_APPS`); None when none do. `memo`: the check's (`boundary_clauses`)."""
    negated = _WEIGHTS_WORDS[1]
    clauses = boundary_clauses(case, memo)
    marks = _clause_marks(case, memo)
    if len(marks) != len(clauses):
        marks = ("",) * len(clauses)  # (clauses given otherwise: each read alone)
    # an SDK's apps may be listed across a comma (`SDKs for web, mobile and desktop applications`):
    # each clause is read in the run of clauses joined by commas it stands in
    runs: list[tuple[str, list[int]]] = []  # (the clauses joined by commas, where each starts)
    joined, at = "", []
    for i, (_, read) in enumerate(clauses):
        at.append(len(joined))
        joined += read + ", "
        if marks[i].strip() not in (",", ":") or i == len(clauses) - 1:
            runs.append((joined, at))
            joined, at = "", []
    i = 0
    for joined, at in runs:
        sdk: list[tuple[int, int]] | None = None
        for start in at:
            written, read = clauses[i]
            i += 1
            if negated.search(read) is not None:
                continue
            if _may_say(read, _PUBLIC_OWN_TRIGGER) and _BUILT_ON.search(read) is None \
                    and (own := _PUBLIC_OWN.search(read)) is not None \
                    and _DENIED.search(read, max(0, own.start() - 80), own.start()) is None:
                return written.strip()
            # `customers build their apps and the public uses our chatbot`: the clause goes on, past
            # the building, to the public using a product of its own
            begin = 0
            public = None
            if (built := _BUILT_ON.search(read)) is not None:
                public = _PUBLIC_USES.search(read, built.end())
                if public is None:
                    continue
                begin = public.start()
                if _PUBLIC_USES_OURS.match(read, public.end()) is not None:
                    return written.strip()
            said = [m.span() for m in _CONSUMER_WORDS.finditer(read, begin)]
            if not said:
                continue
            if sdk is None:
                sdk = [m.span() for m in _FOR_DEVELOPERS_APPS.finditer(joined)]
            # `developers build chatbots, and consumers use the developers' chatbots`: what the
            # public uses, named, is the builders' own product
            if public is not None:
                used = [(x, y) for x, y in said if x >= public.end()]
                if used and all(_inside(sdk, start + x, start + y) for x, y in used):
                    continue
            if any(not _inside(sdk, start + x, start + y) for x, y in said):
                return written.strip()
    return None


def _clause_marks(case: Case, memo: dict[str, Any] | None = None) -> tuple[str, ...]:
    """The mark that ends each clause of `boundary_clauses` (`,`, `.`, a line break..., as read; empty
    at the end of a field). Worked out once per check when given its `memo`."""
    got: tuple[str, ...] | None = memo.get("clause_marks") if memo is not None else None
    if got is not None:
        return got
    marks: list[str] = []
    for text in _boundary_texts(case):
        cut = _CLAUSES_KEPT.split(text)
        for written, end in zip(cut[::2], [*cut[1::2], ""], strict=True):
            pieces = _CLAUSES_KEPT.split(as_read(written))
            marks += [*pieces[1::2], end]
    got = tuple(marks)
    if memo is not None:
        memo["clause_marks"] = got
    return got


_OPEN_SIGN_UP = (
    r"\b(?:any|anyone|anybody|everyone|everybody|all)\b(?:\W+[\w-]+){0,3}?\W+(?:with|holding|having|who\W+ha(?:s|ve))"
    r"\W+(?:[\w-]+\W+){0,3}?(?:e-?mail|address|account|log-?in)s?\b"
    r"|\b(?:any|anyone|anybody|everyone|everybody|all)\b(?:\W+[\w-]+){0,3}?\W+(?:who|that)\W+"
    r"(?:signs?\W+up|registers?|enrol+s?)\b"
    r"|\bopen\W+(?:sign[- ]?ups?|registration|enrol+ment)\b|\bself[- ]?(?:registration|sign[- ]?up)\b"
    r"|\bself[- ]?serv(?:e|ice)\W+(?:sign[- ]?ups?|registration|enrol+ment|onboarding|access|accounts?)\b"
    r"|\b(?:any|anyone|anybody|everyone|whoever)\b(?:\W+[\w-]+){0,4}?\W+invit\w*|\b(?:guests?|invitees?)\b"
    r"|\b(?:anyone|anybody|whoever)\W+(?:(?:who|that)\W+)?(?:[\w-]+\W+)?(?:gets?|receives?|obtains?|(?:is|are)\W+given)"
    r"\W+(?:[\w-]+\W+){0,2}?(?:access|keys?|accounts?)\W+(?:at\W+once|immediately|instantly|(?:straight|right)\W+away|"
    r"on\W+request)\b"
    r"|\b(?:anyone|anybody|whoever|everyone|everybody)\b(?:\W+[\w-]+){0,5}?\W+(?:gets?|receives?|obtains?|"
    r"(?:is|are)\W+(?:given|granted|issued))\W+(?:[\w-]+\W+){0,2}?(?:at\W+once|immediately|instantly|"
    r"(?:straight|right)\W+away|automatically)\b"
)
"""Words by which a boundary lets in anyone who signs up (`any researcher with an institutional
email address`, `anyone who signs up`, `open sign-up`, `self-registration`, `anyone a member
invites`, `their guests`, `anyone, who then gets access at once`, `anyone who requests access gets
it immediately`): access no one vets,
whatever the access typed. Matched ignoring case, clause by clause, compiled by `re` the first time
a boundary limited to vetted users is checked (`open_sign_up_in_words`)."""


_SIGN_UP_TRIGGER = ("any", "every", "all", "whoever", "open", "self", "guest", "invitee")
"""A word each match of `_OPEN_SIGN_UP` holds: a clause (with its relative clauses) without one
lets no one in unvetted."""

_VETTED_BY_OTHERS = (
    r"\b(?:vetted|reviewed|screened|approved|verified|checked|admitted)\W+(?:[\w-]+\W+){0,2}?by\b"
    r"|\b(?:pass|passes|passed|passing|undergo|undergoes|underwent|undergone)\W+(?:[\w-]+\W+){0,2}?"
    r"(?:vetting|review|screening|checks?|kyc|verification|due\W+diligence|interviews?|clearance)\b"
    r"|\b(?:is|are|be|been|being|gets?|got)\W+(?:[\w-]+\W+)?(?:vetted|screened|reviewed|interviewed)\b"
)
"""Words by which a clause naming an open way in says someone vets those it lets in (`vetted by the
access committee`, `must pass the same vetting`, `has passed identity verification by Acme`,
`guests are vetted as members are`, `anyone they invite must be vetted too`): the people such a
clause names are vetted, and the vetting is judged as any (by its words, CG105, and its test). A
clause saying they vet themselves, are let in automatically or checked by a thing is not one
(`_SELF_OR_AUTOMATIC`)."""

_SELF_OR_AUTOMATIC = (r"\bself\b|\bself-|\bthemselves\b|\bautomatic\w*|\bautomated\b"
                      r"|\bby\W+(?:(?:a|an|the|their|its|our)\W+)?(?:[\w-]+\W+)?(?:e-?mail|link|domain|sms|captcha|"
                      r"system|software|script|bot|algorithm|form|portal|code)s?\b"
                      r"|\b(?:e-?mail|link|domain|sms|phone)\W+(?:verification|check|confirmation)s?\b")


def open_sign_up_in_words(case: Case, memo: dict[str, Any] | None = None) -> str | None:
    """The words of the case's own boundary (`scope.users`, `scope.vetting`, `description`) that
    let in anyone who signs up (or whom a member invites), in a clause that does not deny it and
    does not say someone else vets them (`_VETTED_BY_OTHERS`), nor goes on to say so in a relative
    clause after a comma (`their guests, who are vetted by the access committee`: `_RELATIVE`);
    None when none do. A denial in the relative clause does not deny the open way in before it,
    and words saying they vet themselves or are let in automatically, in either, are no vetting by
    someone else (`_SELF_OR_AUTOMATIC`). `memo`: the check's (`boundary_clauses`)."""
    clauses = [(written, read, then) for written, read, then in continued_clauses(case, memo)
               if _may_say(read + then, _SIGN_UP_TRIGGER)]
    if not clauses:
        return None  # (and `re` compiles none of the patterns)
    words = re.compile(_OPEN_SIGN_UP, re.IGNORECASE)
    vetted, own = re.compile(_VETTED_BY_OTHERS, re.IGNORECASE), re.compile(_SELF_OR_AUTOMATIC, re.IGNORECASE)
    negated = _WEIGHTS_WORDS[1]
    for written, read, then in clauses:
        whole = read + then
        # the open way in, in the clause itself (a denial there denies it) or spoken across its
        # relative clause (`anyone, who then gets access at once`: a denial anywhere denies it)
        scope = read if words.search(read) is not None else whole if then and words.search(whole) else None
        if scope is None or negated.search(scope) is not None:
            continue
        if vetted.search(read) is not None and own.search(read) is None:
            continue
        if (then and vetted.search(then) is not None and negated.search(then) is None
                and own.search(whole) is None):
            continue
        return written.strip()
    return None


_WIDER_TO = (r"(?:[\w-]+\W+){0,2}?(?:all|every\w*|any(?:one|body)?|the\W+public|public|customers|api|platform|"
              r"general|\d[\d.]{0,8}\W{0,3}(?:%|percent\b|per\W+cent\b))")
_SHARE_OF = r"\d[\d.]{0,8}\W{0,3}(?:%|percent\b|per\W+cent\b)\W{0,3}of\W+"

_WIDER_RELEASE = (
    r"\bgeneral(?:ly)?\W+availab(?:le|ility)\b|(?-i:\bGA\b)"
    r"|\b(?:public|full|wide|wider|broad|general)\W+(?:launch|release|roll-?out|availability)\b"
    r"|\b(?:rolls?|rolled|rolling)\W+out\W+(?:[\w-]+\W+){0,3}?to\W+" + _WIDER_TO
    + r"|\broll-?outs?\W+to\W+" + _WIDER_TO
    + r"|\b(?:expand|extend|widen|open)(?:s|ed|ing)?\W+(?:[\w-]+\W+){0,3}?to\W+" + _WIDER_TO
    + r"|\b(?:expand|extend|widen|grow)(?:s|ed|ing)?\W+(?:[\w-]+\W+){0,2}?automatically\b"
    r"|\bautomatic(?:ally)?\W+(?:[\w-]+\W+)?(?:expan\w*|widen\w*|roll-?outs?|releases?|launch\w*)\b"
    r"|" + _SHARE_OF + r"(?:(?:all|the|our|its|[\w-]+'s)\W+)?(?:traffic|customers)\b"
    r"|" + _SHARE_OF + r"(?:(?:all|the|our|its|[\w-]+'s)\W+)?(?:(?:api|platform|production|public|paying|existing|"
    r"self-serve)\W+){1,2}(?:traffic|customers|users|developers|accounts|organi[sz]ations|requests|subscribers)\b"
)
"""Words by which a boundary's own words schedule or reach a wider release of the model than the
boundary (`general availability on 2027-01-15`, `GA`, `rolls out to all API customers`, `expands
automatically when the monitors stay green`, `access extends to every customer`, `1% of API traffic`,
`a random 1% of existing API customers`): its users, then or now, are a rollout's, not those the
vetting admits. Matched ignoring case (`GA` in capitals alone), clause by clause, compiled by `re`
the first time a boundary limited to vetted users is checked (`wider_release_in_words`)."""

_WIDER_TRIGGER = ("availab", "roll", "expand", "extend", "widen", "open", "grow", "automatic", "launch",
                  "release", "%", "percent", "per cent", "api", "platform")
"""A word each match of `_WIDER_RELEASE` but `GA`, and of `_API_COHORT`, holds (`GA` is looked for
as written)."""

_API_PEOPLE = r"(?:customers?|users?|developers?|accounts?|subscribers?|clients?|organi[sz]ations?|tenants?)"
_API_COHORT = (
    r"\b(?:all|every|any|existing|current)\W+(?:of\W+)?(?:(?:the|our|its|[\w-]+'s)\W+)?(?:[\w-]+\W+){0,2}?"
    r"(?:api|platform)\W+(?:[\w-]+\W+)?" + _API_PEOPLE + r"\b"
    r"|\b(?:all|every|any|existing|current)\W+(?:[\w-]+\W+){0,2}?" + _API_PEOPLE
    + r"\W+(?:of|on)\W+(?:(?:the|our|its|[\w-]+'s)\W+)?(?:[\w-]+\W+){0,2}?(?:api|platform)\b"
    r"(?!\W+(?:pilot|program|programme|preview|beta|sandbox|trial|endpoint)s?\b)"
    r"|\b(?:api|platform)\W+(?:[\w-]+\W+)?" + _API_PEOPLE + r"\W+in\W+good\W+standing\b"
)
"""Words by which a boundary's users are a cohort of the API's customers as such, none chosen
(`existing API customers in good standing`, `every enterprise customer of the Acme API`, `all of
our API developers`): the API's customers, not those a vetting admits, unless the clause says they
are chosen among them (`_CHOSEN`). Matched ignoring case, clause by clause, with `_WIDER_RELEASE`."""

_PROGRAM = lazy(r"\b(?:early|preview|beta|pilot|trusted|testers?|program|programme|private|sandbox|research)\b",
               re.IGNORECASE)
"""Words by which a cohort named as the API's names the program's own API (`every early-access API
user`, `all preview API customers`): its users, not the API's customers at large."""

_CHOSEN = (r"\b(?:appl(?:y|ies|ied|ying|icants?|ications?)|nominat\w*|select\w*|chosen|choose|admit\w*|"
           r"approv\w*|invit\w*|accept\w*|vet(?:s|ted|ting)?|screen\w*|review\w*|verif\w*|shortlist\w*|"
           r"request\w*|enrol\w*|qualif\w*|cleared)\b")
"""Words by which a clause naming a cohort of the API's customers says those it admits are chosen
among them (`existing API customers may apply`, `enterprise customers of the API admitted to the
program`): the choice is the vetting's, judged as any (CG105, its test), unless the choice is a
random one (`randomly selected`) or automatic (`_SELF_OR_AUTOMATIC`)."""

_OWN_DECISION = (r"\b(?:new|separate|own|another|later|further)\W+(?:[\w-]+\W+)?"
                 r"(?:cases?|versions?|approvals?|decisions?|gates?|reviews?)\b"
                 r"|\b(?:ahead\W+of|prior\W+to|in\W+advance\W+of|before|precede[sd]?|preceding)\W+(?:(?:a|an|the|any)\W+)?(?:general|public|GA\b|wider)"
                 r"|\b(?:decid(?:e|es|ed|ing)|decisions?)\W+(?:on|about|whether)\W+(?:to\W+)?(?:(?:a|an|the|any)\W+)?"
                 r"(?:general|public|GA\b|wider|broader|broad|full|expand\w*|widen\w*|extend\w*|open\w*|roll\w*|launch\w*|releas\w*)")
"""Words by which a clause naming a wider release leaves it to a decision of its own (`general
availability would be a new case version`, `any wider release needs its own approval`, `we will
decide on wider availability after reviewing the results`) or puts this
boundary before it (`ahead of general availability`): the release is not this case's, unless the
clause dates it or makes it automatic (`_SCHEDULED`)."""

_SCHEDULED = (r"\bautomatic\w*|\b\d{4}-\d\d-\d\d\b|\b(?:19|20)\d\d\b|\bdays?\W+\d|\bweeks?\W+\d"
              r"|\b(?:after|in|within)\W+\d+\W+(?:days?|weeks?|months?)\b")


def wider_release_in_words(case: Case, memo: dict[str, Any] | None = None) -> str | None:
    """The words of the case's own boundary (`description`, `scope.users`, `scope.vetting`) that
    schedule or reach a wider release of the model (`_WIDER_RELEASE`), or name the API's customers
    as such (`_API_COHORT`, none chosen among them by someone: `_CHOSEN`), in a clause that does not
    deny it, nor say those it names are vetted by someone (`_VETTED_BY_OTHERS`: `open to any
    partner institution vetted by Acme`), nor leave the release to a decision of its own or put this
    boundary before it (`_OWN_DECISION`) without dating it or making it automatic (`_SCHEDULED`);
    None when none do. `memo`: the check's (`boundary_clauses`)."""
    every = boundary_clauses(case, memo)
    clauses = [(i, written, read) for i, (written, read) in enumerate(every)
               if _may_say(read, _WIDER_TRIGGER) or "GA" in read]
    if not clauses:
        return None  # (and `re` compiles none of the patterns)
    words = re.compile(_WIDER_RELEASE, re.IGNORECASE)
    own, scheduled = re.compile(_OWN_DECISION, re.IGNORECASE), re.compile(_SCHEDULED, re.IGNORECASE)
    vetted, self_or_automatic = re.compile(_VETTED_BY_OTHERS, re.IGNORECASE), re.compile(_SELF_OR_AUTOMATIC, re.IGNORECASE)
    cohort, chosen = re.compile(_API_COHORT, re.IGNORECASE), re.compile(_CHOSEN, re.IGNORECASE)
    negated = _WEIGHTS_WORDS[1]
    for i, written, read in clauses:
        if negated.search(read) is not None:
            continue
        # what a clause after it says of the release (`the public launch, which needs its own case`)
        then = every[i + 1][1] if i + 1 < len(every) and _OF_IT.match(every[i + 1][1]) else ""
        if words.search(read) is None:
            # the API's customers as such: unless chosen among, by someone and not at random
            both = read + " " + (then or (every[i + 1][1] if i + 1 < len(every)
                                          and _CHOSEN_NEXT.match(every[i + 1][1]) else ""))
            picked = chosen.search(both) is not None or vetted.search(both) is not None
            found = cohort.search(read)
            if (found is not None and _PROGRAM.search(found.group()) is None
                    and (not picked or "random" in both.lower()
                                                      or self_or_automatic.search(both) is not None)):
                return written.strip()
            continue
        if vetted.search(read) is not None and self_or_automatic.search(read) is None:
            continue
        if own.search(read + " " + then) is not None and scheduled.search(read + " " + then) is None:
            continue
        return written.strip()
    return None


_OF_IT = lazy(r"\s*(?:which|that|subject\W+to|pending|once|provided|if|only\W+after|after)\b", re.IGNORECASE)
"""How a clause after a wider release's goes on about it (`, which needs its own safety case`)."""


_CHOSEN_NEXT = lazy(r"\s*(?:(?:each|individually|carefully|hand)[- ]?)?(?:selected|chosen|approved|vetted|invited|"
                    r"nominated|screened|admitted|shortlisted)\W+(?:(?:individually|case\W+by\W+case)\W+)?by\b"
                    r"(?!\W+(?:a\W+)?(?:lottery|draw|chance|raffle|random))",
                    re.IGNORECASE)
"""A clause after a cohort of the API's customers saying someone chose those it admits (`, selected by
our safety team`): read with it, as `, once approved by` is (`_OF_IT`)."""


_RELATIVE = lazy(r"\s*(?:who|whom|whose|(?:each|all|every\W+one|both|any)\W+of\W+whom|once|provided|if)\b",
                 re.IGNORECASE)
"""How a clause after a comma continues the one before it, about the people it names (`, who are
vetted by`, `, each of whom is screened by`, `, once vetted by`, `, provided they pass`): what it
says of them is said with it."""

_CLAUSES_KEPT = lazy(r"([;,()\n]|(?<!\w)\.|\.(?!\w)|(?<!\d):|:(?!\d))")


def continued_clauses(case: Case, memo: dict[str, Any] | None = None) -> tuple[tuple[str, str, str], ...]:
    """`boundary_clauses`, each with what the relative clauses that follow it after a comma say
    (`_RELATIVE`), as read, each with its comma (`, who are vetted by the access committee`);
    empty where none follows. Worked out once per check when given its `memo`."""
    got: tuple[tuple[str, str, str], ...] | None = memo.get("continued_clauses") if memo is not None else None
    if got is not None:
        return got
    out: list[tuple[str, str, str]] = []
    for text in _boundary_texts(case):
        # each clause as written and as read, with the mark that ends it as read
        parts: list[tuple[str, str, str]] = []
        cut = _CLAUSES_KEPT.split(text)
        for written, end in zip(cut[::2], [*cut[1::2], ""], strict=True):
            pieces = _CLAUSES_KEPT.split(as_read(written))
            marks = [*pieces[1::2], end]
            parts += [(written, read, mark) for read, mark in zip(pieces[::2], marks, strict=True)]
        for i, (written, read, _) in enumerate(parts):
            then = ""
            j = i
            while parts[j][2] == "," and j + 1 < len(parts) and _RELATIVE.match(parts[j + 1][1]):
                then += "," + parts[j + 1][1]
                j += 1
            out.append((written, read, then))
    got = tuple(out)
    if memo is not None:
        memo["continued_clauses"] = got
    return got


def stated_weights(case: Case, memo: dict[str, Any] | None = None) -> str:
    """What the case's boundary gives users of the weights: `scope.weights`, `download` where the
    boundary's own words say the weights are handed out (`weights_in_words`), else `fine-tuning`
    where they say its users have the model tuned (`tuning_in_words`): a field left at `none` does
    not take back what the boundary says."""
    b = case.boundary
    typed = b.scope.weights if b is not None and b.scope is not None else "none"
    if typed != "download" and weights_in_words(case, memo) is not None:
        return "download"
    if typed == "none" and tuning_in_words(case, memo) is not None:
        return "fine-tuning"
    return typed


def weights_reachable(ctx: Context) -> bool:
    """True when users across the evaluated boundary can tune or download the weights: the kind is
    fine-tuning or open weights, or the boundary's scope (its `weights`, or its words) says so."""
    from ..model import BoundaryKind

    if ctx.boundary is not None and ctx.boundary.rank >= BoundaryKind.fine_tuning.rank:
        return True
    b = ctx.case.boundary
    return bool(b is not None and stated_weights(ctx.case, ctx.memo) != "none"
                and (ctx.boundary is None or ctx.boundary is b.kind))


def _inability_of(ctx: Context, domain: str) -> Inability:
    pol = ctx.policy
    if not pol.arguments.inability:
        return Inability(domain, False, "the policy does not accept inability arguments")
    tids = [tid for tid, th in pol.thresholds.items() if th.domain == domain]
    if not tids:
        return Inability(domain, False, f"the policy sets no capability threshold in `{domain}` to "
                                        "measure inability against")
    statuses = capability_status(ctx)
    weights = weights_reachable(ctx)
    need = pol.arguments.weights_variant
    parts: list[str] = []
    for tid in tids:
        st = statuses[tid]
        if st.status != "below-alert" or not st.measured:
            return Inability(domain, False, f"`{tid}`: {st.basis}")
        if weights:
            ran = [b.evidence for b in st.counted
                   if (ev := ctx.case.evidence[b.evidence].elicitation) is not None
                   and ev.variant.rank >= need.rank]
            untuned = {e: why for e in ran if need.rank >= Variant.fine_tuned.rank
                       and (why := untuned_effort(ctx, e)) is not None}
            strong = [e for e in ran if e not in untuned]
            if not strong and untuned:
                return Inability(domain, False,
                                 f"`{tid}` is measured below its alert level, but the weights are reachable "
                                 f"across this boundary and no counting evaluation's `{need.value}` checkpoint "
                                 f"is shown to have had the fine-tuning attack the policy asks for: "
                                 f"{'; '.join(untuned.values())}")
            if not strong:
                return Inability(domain, False,
                                 f"`{tid}` is measured below its alert level, but the weights are "
                                 f"reachable across this boundary and no counting evaluation used the "
                                 f"`{need.value}` variant (fine-tuning attacks)")
        parts.append(f"`{tid}`: {st.basis}")
    return Inability(domain, True, "; ".join(parts))


def scoped_out_for_internal_case(ctx: Context, domain: str) -> bool:
    """True when `domain` is scoped out of an external boundary as a risk that arises inside the
    lab (the policy's `internal_relevant`) with every threshold measured: its scoping-out rests on
    the internal case (CG104), not on inability."""
    t = ctx.case.threat_model.get(domain)
    dom = ctx.policy.domains.get(domain)
    statuses = capability_status(ctx)
    return bool(t is not None and t.scoped_out is not None and dom is not None and dom.internal_relevant
                and ctx.boundary is not None and not ctx.boundary.internal
                and all(st.measured for st in statuses.values() if st.domain == domain))


def inability_relied_on(ctx: Context) -> list[str]:
    """The domains whose risk the decision rests on measured inability: inability is shown, and
    the domain has pathways (their risk rests on the capability bound) or is scoped out on it."""
    return [did for did, t in ctx.case.threat_model.items()
            if (t.pathways or t.scoped_out is not None) and not scoped_out_for_internal_case(ctx, did)
            and inability(ctx, did).shown]


def inability(ctx: Context, domain: str) -> Inability:
    """The inability argument for `domain` at `ctx.boundary` (memoised per domain)."""
    memo: dict[str, Inability] = ctx.memo.setdefault("inability", {})
    got = memo.get(domain)
    if got is None:
        got = memo[domain] = _inability_of(ctx, domain)
    return got


_INSTALLED_TRIGGER = ("connector", "plug", "mcp", "extension", "integration", "marketplace", "store", "director",
                      "gallery", "catalog")
"""A word each match of `_INSTALLED` holds (the cheap first test of `tools_users_install_in_words`)."""
_ADDED_TOOL = r"(?:connectors?|plug-?ins?|mcp\W+servers?|extensions|integrations)"
_INSTALLED = lazy(r"\b(?:install(?:s|ed|ing)?|add(?:s|ed|ing)?|connect(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|"
                  r"plug(?:s|ged|ging)?\W+in|turn(?:s|ed|ing)?\W+on)\W+(?:[\w'’-]+\W+){0,6}?"
                  + _ADDED_TOOL + r"\b"
                  r"|\b(?:connectors?|plug-?ins?|mcp|extensions?|integrations?|apps|tools?|actions?|skills?)\W+"
                  r"(?:marketplace|store|directory|gallery|catalog(?:ue)?)s?\b"
                  r"|\b(?:marketplace|store|directory|gallery|catalog(?:ue)?)s?\W+of\W+(?:[\w'’-]+\W+){0,3}?"
                  r"(?:connectors?|plug-?ins?|mcp\W+servers?|extensions|integrations|apps|tools)\b"
                  r"|\b(?:connectors?|plug-?ins?|mcp\W+servers?|extensions|integrations|apps|tools)\W+(?:from|in|on|via|"
                  r"through)\W+(?:[\w'’-]+\W+){0,3}?(?:marketplace|store|directory|gallery|catalog(?:ue)?)\b"
                  r"|\bmcp\W+servers?\b", re.IGNORECASE)
"""Words saying users give the model tools of their own choosing: `users install connectors`, `add
plugins`, `a connector marketplace`, `the directory of apps`, `integrations from the Acme directory`,
`MCP servers`."""


_TOOLS_LISTED = lazy(r"(?:\b(?:connectors?|plug-?ins?|extensions?|integrations?|apps|tools?)\W*(?:(?:or|nor|and)\W+)?)+$",
                     re.IGNORECASE)
"""Tools listed, joined by commas, `or`, `nor` or `and`, just before a match of `_INSTALLED` (`plugins,
connectors or MCP servers`): a denial before the list denies the match with it."""
_TOOLS_ONLY = lazy(r"\W*(?:(?:or|nor|and)\W+)?(?:(?:connectors?|plug-?ins?|extensions?|integrations?|apps|tools?|"
                   r"mcp\W+servers?)\b\W*(?:(?:or|nor|and)\b\W*)?)*", re.IGNORECASE)
_NOT_USED = lazy(r"(?:\b(?:no|not|never|cannot|nor|without)|n't)\W+(?:(?:use|support|have|offer|include|run|load|"
                 r"install|add|connect|enable|allow|accept)\w*\W+)?(?:(?:any|the|third-party|external|custom|user-added)\W+)?$",
                 re.IGNORECASE)
"""A denial that the model has, uses or takes tools, just before a list of them (`cannot use`,
`has no`, `does not support`), not one of something done to them (`does not review`)."""
_ADDED_AFTER = lazy(r"\b(?:users?|customers?|you|they|people|anyone|install\w*|add\w*|connect\w*|enabl\w*)\b",
                    re.IGNORECASE)
"""Words after a denied list of tools saying someone adds them (`Acme does not vet the plugins or MCP
servers users add`): what is denied is the vetting, not the tools."""
"""A clause that is tools alone, listed (`connectors or`): after a clause ending in a denied list
(`the assistant cannot use plugins,`), it goes on with that list, denied with it."""


def tools_users_install_in_words(case: Case, memo: dict[str, Any] | None = None) -> str | None:
    """The first clause of the boundary's own words (`boundary_clauses`) saying users give the model
    tools they pick themselves: connectors, plugins, MCP servers, extensions or integrations they
    install or add, or a marketplace, store or directory of them; words a denial stands just before
    (`there is no plugin store`, `users cannot install connectors`) excepted; None when none does.
    What such tools reach is whatever the connectors' writers made them reach (CG433)."""
    carried = False  # the clause before ends in tools a denial names (`cannot use plugins`, `connectors or ...`)
    for written, read in boundary_clauses(case, memo):
        # where the list a denial names in the clause before goes on in this one (read once: linear time)
        going_on = -1
        if carried and (head := _TOOLS_ONLY.match(read)) is not None:
            going_on = head.end()
        if _may_say(read, _INSTALLED_TRIGGER):
            for m in _INSTALLED.finditer(read):
                if _DENIED.search(read, max(0, m.start() - 80), m.start()) is not None:
                    continue
                # a list a denial names goes on past the match to no one adding them (`... or MCP servers users add`)
                listed = m.start() <= going_on or _denied_with_list(read, m.start())
                if not listed or _ADDED_AFTER.search(read, m.end(), m.end() + 80) is not None:
                    return " ".join(written.split())
        carried = going_on == len(read) or _denied_with_list(read, len(read.rstrip()))
    return None


def _denied_with_list(read: str, at: int) -> bool:
    """Whether a denial that the model has or uses tools (`_NOT_USED`) stands before the tools listed
    just before `at` in `read` (`_TOOLS_LISTED`: `cannot use plugins, connectors or MCP servers`)."""
    near = max(0, at - 80)
    listed = _TOOLS_LISTED.search(read, near, at)
    return listed is not None and listed.start() > near and _NOT_USED.search(read, max(0, listed.start() - 80),
                                                                             listed.start()) is not None


_SETTING_SENTENCES = lazy(r"[.;!?](?=\s|[\"'’”)]|$)|\n")
"""Where the boundary's words are cut into sentences for `turned_down_in_words`: a sentence's end
or a semicolon, not a comma or a colon (`for each category: block none, ...` is one setting list)."""
_TURN_DOWN_TRIGGER = ("none", "off", "disabl", "unfilter", "no filter", "no content filter", "unrestricted",
                      "uncensored", "overrid", "exempt", "monitoring", "opt", "review", "jailbroken", "god",
                      "lift", "remov", "relax", "waiv", "unlock", "not", "bypass", "skip", "without", "monitored",
                      "zero", "0", "allow", "white")
_UNDENIED = r"(?:(?!(?:not|never|cannot|no|nor)\b|[\w-]*n['’]t\b)[\w'’-]+\W+)"
"""A word between a safeguard and the words turning it off that is no denial (`refusals can be
overridden`, not `refusals cannot be overridden`)."""
_FILTER_NAMED = lazy(r"\b(?:filter\w*|classifiers?|moderation|safety[ _]settings?|harm\W+categor\w*|categor\w*|"
                     r"thresholds?|screening)\b", re.IGNORECASE)
"""A clause naming the classifiers or their setting, where `turn off` or `disable` turns them off."""
_FILTER_OFF = lazy(
    r"\bblock(?:_|\W+)none\b|\bunfiltered\b|\bno\W+(?:content\W+)?filter(?:ing|s)?\b"
    r"|\b(?:turn|switch)\w*\W+" + _UNDENIED + r"{0,3}?off\b|\bdisabl\w*|\bopt(?:s|ed|ing)?\W+out\b"
    r"|\b(?:set|put)\W+" + _UNDENIED + r"{0,3}?to\W+(?:off|none)\b|\bthresholds?\W+" + _UNDENIED + r"{0,3}?(?:off|none)\b"
    r"|\boptional\b"
    r"|\b(?:filter\w*|classifiers?|moderation|screening)\W+(?:[\w'’-]+\W+){0,2}?(?:is|are)\W+(?:off|opt[- ]in)(?![\w-])"
    r"|\b(?:filter\w*|classifiers?|moderation|screening)\W+(?:[\w'’-]+\W+){0,2}?(?:is|are)\W+not\W+"
    r"(?:applied|run|used|enabled)\W+(?:to|for|on)\W+(?:[\w'’-]+\W+){0,2}?(?:traffic|accounts?|customers?|tiers?|"
    r"requests|users?|developers?|api|batch\w*)\b|\b(?:is|are)\W+not\W+(?:screened|filtered|moderated)\b"
    r"|\b(?:can|may|could)\W+(?:be\W+)?(?:bypass|skip)\w*"
    r"|\b(?:lower|reduc|drop|set)\w*\W+(?:[\w'’-]+\W+){0,3}?thresholds?\W+(?:[\w'’-]+\W+){0,2}?to\W+(?:zero|0)\b"
    r"|\bexempt(?:ions?|ed)?\W+from\W+(?:[\w'’-]+\W+){0,3}?(?:filter\w*|classifiers?|moderation|screening)\b"
    r"|\b(?:allow|white)[\W_]?list\w*\W+(?:[\w'’-]+\W+){0,3}?(?:past|around|through)\W+(?:[\w'’-]+\W+){0,2}?"
    r"(?:filter\w*|classifiers?|moderation|screening)\b",
    re.IGNORECASE)
"""Words setting a classifier to let everything through (`block none`, `BLOCK_NONE`, `turn the
filters off`, `disable the classifiers`, `set a category to off`, `the safety filters are off by default`, `filtering is not
applied to enterprise traffic`, `the classifiers can be bypassed`, `lower the CBRN threshold to zero`,
`request exemptions from the content filters`, `allowlist prompts past the classifier`), read where the clause names the
classifiers or their setting (`_FILTER_NAMED`; `block none` names its own)."""
_REFUSAL_OFF = lazy(
    r"\b(?:unrestricted|uncensored|unfiltered|jailbroken|god)\W+mode\b(?!\W+(?:does\W+not|doesn['’]t)\W+exist\b"
    r"(?![^.;]{0,80}\b(?:only|except|unless|but|for)\b))"
    r"|\buncensored\b"
    r"|\boverrid\w*\W+(?:[\w'’-]+\W+){0,3}?(?:refusals?|safety\W+training|safeguards?|safety\W+behaviou?rs?|"
    r"guardrails?|safety\W+polic\w*|usage\W+polic\w*)\b"
    r"|\b(?:refusals?|safety\W+training|safety\W+behaviou?rs?|guardrails?)\W+" + _UNDENIED + r"{0,4}?(?:overrid\w*|turned\W+off|switched\W+off|"
    r"disabled|lifted|removed|relaxed|waived|unlocked)\b"
    r"|\b(?:disabl\w*|turn\w*\W+off|switch\w*\W+off|lift\w*|remov\w*|unlock\w*)\W+(?:[\w'’-]+\W+){0,3}?"
    r"(?:refusals?|safety\W+training|safety\W+behaviou?rs?|guardrails?)\b"
    r"|\b(?:turn|switch)\w*\W+(?:[\w'’-]+\W+){0,3}?(?:refusals?|safety\W+training|safety\W+behaviou?rs?|guardrails?)"
    r"\W+off\b"
    r"|\b(?:models?|versions?|variants?|modes?|checkpoints?)\W+without\W+(?:any\W+)?(?:refusals?|safety\W+training|"
    r"guardrails?|safety\W+behaviou?rs?)\b(?![^.;]{0,60}\b(?:never|not)\W+(?:been\W+)?(?:released|deployed|served|"
    r"available|offered)\b)",
    re.IGNORECASE)
"""Words letting a developer's system prompt or setting turn the model's refusals off (`unrestricted
mode`, `a system prompt can override the model's refusals`, `guardrails can be lifted`)."""
_MONITOR_OFF = lazy(
    r"\b(?:exempt\w*|excluded|opt(?:s|ed|ing)?\W+out)\W+(?:from\W+|of\W+)?(?:[\w'’-]+\W+){0,2}?"
    r"(?:abuse\W+|usage\W+|trust\W+and\W+safety\W+)?(?:monitoring|review)\b"
    r"(?!\W+of\W+(?:[\w'’-]+\W+){0,2}?(?:feedback|ratings?|surveys?|bug\W+reports?)\b)"
    r"|\b(?:monitoring|monitors?|reviewers?|trust\W+(?:and|&)\W+safety(?:\W+team)?)\W+(?:[\w'’-]+\W+){0,3}?"
    r"(?:cannot|can\W*not|can['’]t|does\W+not|doesn['’]t|do\W+not|don['’]t|never|is\W+unable\W+to)\W+"
    r"(?:[\w-]+\W+)?(?:review|see|read|reach|access|inspect|examine|cover|appl(?:y|ies)|run)\w*"
    r"|\bnot\W+(?:subject\W+to|covered\W+by|reviewed\W+by|seen\W+by|visible\W+to|available\W+(?:to|for))\W+"
    r"(?:[\w'’-]+\W+){0,2}?(?:monitoring|review|reviewers)\b"
    r"|\bno\W+(?:abuse\W+|usage\W+|human\W+)?(?:monitoring|review)\W+(?:of|for|on)\W+(?:their|its|those|these|such|them|"
    r"the(?:ir)?\W+(?:traffic|prompts|requests|outputs))\b"
    r"|\bwithout\W+(?:any\W+)?(?:abuse\W+|usage\W+)?monitoring\b"
    r"|\b(?:traffic|requests?|prompts|conversations|accounts?|usage|calls|sessions|outputs|api)\W+(?:[\w'’-]+\W+){0,3}?"
    r"(?:is|are|be)\W+(?:not|never)\W+(?:[\w-]+ly\W+)?monitored\b|\bunmonitored\W+(?:traffic|requests|accounts?|usage|"
    r"access|api)\b"
    r"|\b(?:disabl\w*|(?:turn|switch)\w*\W+off)\W+(?:[\w'’-]+\W+){0,2}?(?:abuse\W+|usage\W+)?monitoring\b"
    r"|\b(?:turn|switch)\w*\W+(?:[\w'’-]+\W+){0,2}?(?:abuse\W+|usage\W+)?monitoring\W+off\b"
    r"|\bmonitoring\W+" + _UNDENIED + r"{0,4}?(?:turned\W+off|switched\W+off|disabled|optional|waived|lifted)\b",
    re.IGNORECASE)
"""Words putting some users' traffic out of the monitor's reach (`exempt from abuse monitoring`,
`abuse monitoring cannot review their traffic`, `not subject to monitoring`, `no monitoring of their
prompts`)."""
_KEPT_FLOOR = lazy(
    r"\b(?:cannot|can\W*not|can['’]t|may\W+not|never)\W+(?:be\W+)?(?:[\w-]+\W+)?(?:set|lowered|turned|switched|"
    r"disabled|adjusted|changed|reduced|overridden|removed|relaxed|go)\b"
    r"|\bnot\W+(?:adjustable|configurable|changeable|optional)\b|\bmandatory\b|\bfixed\b|\balways\W+(?:on|applied|enforced|active)\b"
    r"|\b(?:is|are)\W+rejected\b|\bno\W+lower\W+than\b|\bat\W+least\b|\bminimum\b|\bfloor\b"
    r"|\balways\W+appl(?:y|ies)\b|\b(?:stays?|remains?)\W+(?:at\W+(?!(?:block\W+)?none\b|off\b)|on\b|in\W+place\b|"
    r"enforced\b|active\b)"
    r"|\bstill\W+(?:refus|block|screen|appl|filter)\w*|\b(?:except|excluding|other\W+than|apart\W+from|save\W+for|"
    r"but\W+not)\b",
    re.IGNORECASE)
"""Words keeping the setting of the categories a sentence names (`cannot be set below block medium
and above`, `is fixed`, `always on`, `a lower setting is rejected`, `every category except CBRN`)."""
_DOMAIN_ALIASES = {
    "cbrn": ("cbrn", "biolog", "bioweapon", "chemical", "nuclear", "radiolog", "pathogen", "weapons of mass"),
    "bio": ("biolog", "bioweapon", "pathogen", "cbrn"),
    "chem": ("chemical", "cbrn"),
    "cyber": ("cyber", "hacking", "exploit", "malware", "intrusion"),
}
_DOMAIN_COMMON = frozenset({"uplift", "weapons", "weapon", "offense", "offence", "harm", "harms", "risk", "risks",
                            "misuse", "high", "and", "the", "of", "for", "capability", "capabilities", "content"})


def _domain_words(policy: Policy, domain: str) -> tuple[str, ...]:
    """The words naming `domain` in the boundary's words: its id, the words of the policy's name for
    it (not its common ones), and a few usual names (`_DOMAIN_ALIASES`)."""
    words = {domain.lower(), *_DOMAIN_ALIASES.get(domain.lower(), ())}
    d = policy.domains.get(domain)
    if d is not None and d.name:
        words |= {w[:7] for w in re.findall(r"[a-z]{4,}", d.name.lower()) if w not in _DOMAIN_COMMON}
    return tuple(sorted(words))


_OTHER_CATEGORY = lazy(r"\b(?:profanity|harassment|hate(?:\W+speech)?|sexual(?:ly\W+explicit)?|nsfw|violen(?:ce|t)|"
                       r"self-harm|toxicity|spam)\W+(?:content\W+)?$", re.IGNORECASE)
"""A harm category outside the domains in scope just before a filter's name (`the profanity
filter`, `the harassment category`): that filter alone is named, not every classifier."""


def _filter_named(read: str) -> bool:
    """Whether a sentence (as read) names the classifiers or their setting (`_FILTER_NAMED`), a filter
    of a category outside the domains in scope (`_OTHER_CATEGORY`: `the profanity filter`) aside."""
    return any(_OTHER_CATEGORY.search(read, max(0, m.start() - 40), m.start()) is None
               for m in _FILTER_NAMED.finditer(read))


_TURN_DOWN_BY_LAYER = {"classifier": "filter", "model-behaviour": "refusal", "monitoring": "monitor"}
_KIND_NAMED = {
    "filter": lazy(r"\b(?:filter\w*|classifiers?|moderation|safety[ _]settings?|categor\w*|thresholds?|screen\w*|"
                   r"block\w*)\b", re.IGNORECASE),
    "refusal": lazy(r"\b(?:refus\w*|safety\W+training|guardrails?|system\W+prompts?|modes?)\b", re.IGNORECASE),
    "monitor": lazy(r"\b(?:monitor\w*|review\w*)\b", re.IGNORECASE),
}
"""What a sentence keeping a domain's setting must name for a safeguard of each kind: the classifiers'
floor keeps no refusal and no monitor."""


def turned_down_in_words(case: Case, policy: Policy, sg: Safeguard,
                         memo: dict[str, Any] | None = None) -> str | None:
    """The sentence of the boundary's own words that lets users (developers, customers) turn the
    safeguard `sg` off for what they send, by its layer: a classifier set to `block none` or turned
    off, the model's refusals overridden (`unrestricted mode`), some users' traffic out of the
    monitor's reach (`exempt from abuse monitoring`, `abuse monitoring cannot review their
    traffic`); a denial just before the words excepted (`cannot be set to block none`). A sentence
    naming none of the domains whose pathways `sg` blocks turns it off unless another sentence
    keeps every one of them (`the cyber offense and CBRN categories cannot be set below block medium
    and above`); None otherwise. Whoever turns the safeguard off meets the step with it gone (CG437)."""
    kind = _TURN_DOWN_BY_LAYER.get(str(sg.layer))
    if kind is None or not sg.blocks:
        return None
    key = f"turned_down:{kind}"
    if memo is not None and key in memo:
        sentences: list[tuple[str, str, bool]] = memo[key]
    else:
        sentences = []
        for text in _boundary_texts(case):
            for written in _SETTING_SENTENCES.split(text):
                read = as_read(written)
                if not read.strip():
                    continue
                sentences.append((" ".join(written.split()).strip(" \"'“”‘’"), read, _turns_down(read, kind)))
        if memo is not None:
            memo[key] = sentences
    if kind == "monitor" and sg.title is not None and _REVIEWS_CONTENT.search(as_read(sg.title)) is not None:
        # a monitor whose people read the flagged conversations needs them kept; a surface of no
        # traffic's own kept nothing of (`not logged in the playground`) beside traffic kept is not them
        retained = any(_TRAFFIC_RETAINED.search(r) is not None and not _not_kept(r) for _, r, _ in sentences
                       if _may_say(r, _NOT_KEPT_TRIGGER))
        sentences = [(w, r, off or (_not_kept(r) and not (retained and _SURFACE_ONLY.search(r) is not None)))
                     for w, r, off in sentences]
    if not any(off for _, _, off in sentences):
        return None
    paths = case.pathways()
    domains = sorted({paths[b.split(".", 1)[0]][0] for b in sg.blocks if b.split(".", 1)[0] in paths})
    words = {d: _domain_words(policy, d) for d in domains}

    def names(read: str, d: str) -> bool:
        return _may_say(read, words[d])

    kept = {d for d in domains for _, read, _ in sentences
            if names(read, d) and _KEPT_FLOOR.search(read) is not None and _KIND_NAMED[kind].search(read) is not None}
    for written, read, off in sentences:
        if not off:
            continue
        named = [d for d in domains if names(read, d)]
        if named and _KEPT_FLOOR.search(read) is None:
            return written
        if not named and not all(d in kept for d in domains):
            return written
        if not named and kind == "filter" and _PAST_SETTING.search(read) is not None:
            return written  # an exemption or an allowlist goes past the classifier, whatever its setting
    return None


_PAST_SETTING = lazy(
    r"\bexempt(?:ions?|ed)?\W+from\W+(?:[\w'’-]+\W+){0,3}?(?:filter\w*|classifiers?|moderation|screening)\b"
    r"|\b(?:allow|white)[\W_]?list\w*\W+(?:[\w'’-]+\W+){0,3}?(?:past|around|through)\W+", re.IGNORECASE)
"""Words taking some traffic past the classifiers rather than setting them (`request exemptions from
the content filters`, `allowlist prompts past the classifier`): a floor on the setting keeps nothing
from them."""


def _turns_down(read: str, kind: str) -> bool:
    """Whether a sentence (as read) turns a safeguard of `kind` (`_TURN_DOWN_BY_LAYER`) off, the words
    not denied just before (`_DENIED`)."""
    if not _may_say(read, _TURN_DOWN_TRIGGER):
        return False
    if kind == "filter":
        named = _filter_named(read)
        found = [m for m in _FILTER_OFF.finditer(read)
                 if (named and not _turns_off_other(read, m)) or m.group(0).lower().startswith("block")]
    elif kind == "refusal":
        found = [m for m in _REFUSAL_OFF.finditer(read) if _OF_OTHER_THING.search(read, max(0, m.start() - 80),
                                                                                   m.start()) is None]
    else:
        found = list(_MONITOR_OFF.finditer(read))
    denied, end = False, -1
    for m in sorted(found, key=lambda m: m.start()):
        # `cannot be disabled or set to block none`: words joined by `or` to denied ones are denied too
        denied = _DENIED.search(read, max(0, m.start() - 80), m.start()) is not None or (
            denied and 0 <= m.start() - end <= 40 and _OR_BETWEEN.search(read, end, m.start()) is not None)
        if not denied:
            return True
        end = m.end()
    return False


_OR_BETWEEN = lazy(r"\b(?:or|nor)\b", re.IGNORECASE)
_OTHER_THING = (
    r"(?:notifications?|e-?mails?|alerts?|reminders?|digests?|newsletters?|streaming|(?:streamed|streaming)\W+"
    r"responses|(?:dark|light|voice|night|focus|compact|offline)\W+mode|themes?|telemetry|analytics|tracking|"
    r"cookies|(?:personali[sz]ed\W+)?ads|advertising|personali[sz]ation|memory|(?:chat\W+)?history|suggestions?|"
    r"auto-?complete|autocompletion|previews?|sounds?|sound\W+effects|haptics|animations?|caching|cache|"
    r"web\W+search|browsing|training|(?:data\W+)?sharing|sync(?:ing)?|backups?|read\W+receipts|"
    r"typing\W+indicators|image\W+generation|plug-?ins|location(?:\W+access)?|marketing)")
_OFF_OBJECT = lazy(r"\W+(?:of\W+)?(?!(?:for|about|on|in|from|to|at|by|with|when|if|during|under|via|per)\b)"
                   r"((?:[\w'’-]+(?:\W+|$)){1,8}?)(?=(?:for|about|of|on|in|from|to|at|by|with|when|if|"
                   r"during|under|via|per|within|unless|except|so|but|while|because)\b|[;:.!?]|$)",
                   re.IGNORECASE)
"""The words after `turn off`, `disable` or `opt out` up to a preposition or the clause's end: what is
turned off (`turn off notifications about moderation decisions`: `notifications`)."""
_OFF_SUBJECT = lazy(r"(?:^|[,;:]\W*|\b(?:and|but|while|so)\W+)((?:[\w'’-]+\W+){1,8}?)(?:(?:for|about|of|on|in|from|"
                    r"to|at|by|with)\W+(?:[\w'’-]+\W+){0,6}?)?(?:can|may|will|could|should|must)?\W*(?:also\W+)?"
                    r"(?:be|is|are|were|was|been|get|gets)\W+(?:\w+ly\W+)?$", re.IGNORECASE)
"""The words before `can be turned off` or `is disabled` naming what is (`Email notifications for
classifier flags can be`: `Email notifications`)."""
_OTHER_THINGS = lazy(r"(?:(?!(?:the|a|an|all|any|your|their|our|its|and|or)\b)[\w'’-]+\W+){0,2}?" + _OTHER_THING
                     + r"(?:\W*(?:,|\band\b|\bor\b|&)\W*(?:(?:the|your|their|our|its)\W+)?(?:(?!(?:the|a|an|and|or)\b)"
                     r"[\w'’-]+\W+){0,2}?" + _OTHER_THING + r")*\W*$", re.IGNORECASE)
"""What is turned off, its words but a list of things that are no safeguard (`_OTHER_THING`), each
with up to two words before it (`email notifications`, `personalised ads, memory and chat history`)."""


_OF_OTHER_THING = lazy(r"\b" + _OTHER_THING + r"\W+(?:for|about|of|on)\W+(?:the\W+|its\W+|model['’]s\W+)?$",
                      re.IGNORECASE)
"""Something that is no safeguard named just before the refusals it is of (`alerts for refusals can
be turned off`): what is turned off is it."""


def _turns_off_other(read: str, m: re.Match[str]) -> bool:
    """Whether the `turn off`, `disable` or `opt out` at `m` turns off something that is no safeguard
    (`_OTHER_THINGS`): the words after it (`users can turn off streaming`), or, said of its subject
    (`email notifications for classifier flags can be turned off`), the words before; no filter
    (`_FILTER_NAMED`) or `safe` among them."""
    word = m.group(0).lower()
    if not word.startswith(("turn", "switch", "disabl", "opt")):
        return False
    if word.startswith(("turned", "switched", "disabled")):
        said = _OFF_SUBJECT.search(read, max(0, m.start() - 160), m.start())
        if said is None:
            return False
        what, after = said.group(1), read[said.end(1):m.start()]
    elif word.startswith(("turn", "switch")) and len(m.group(0).split()) > 2:
        what, after = " ".join(m.group(0).split()[1:-1]) + " ", ""  # `turn streaming off`
    else:
        said = _OFF_OBJECT.match(read, m.end())
        if said is None:
            return False
        what, after = said.group(1), read[said.end(1):said.end(1) + 80]
    if _NOTICES_OF.fullmatch(what) is not None:
        return True  # `the classifier's notifications`: notices about the filter, not it
    if _OF_FILTER.match(after) is not None and _NOTICES.fullmatch(what) is None:
        return False  # `memory of the content filter`: a part of the filter turned off
    return (_OTHER_THINGS.match(what) is not None and _FILTER_NAMED.search(what) is None
            and "safe" not in what.lower())


_NOTICE = r"(?:(?:e-?mail|push|sms|in-app|weekly|daily)\W+)?(?:notifications?|e-?mails?|alerts?|reminders?|digests?)"
_NOTICES_OF = lazy(r"(?:(?:the|its|their|our|your)\W+)?(?:[\w-]+\W+){0,2}?[\w-]+(?:['’]s|s['’])\W+" + _NOTICE
                   + r"(?:\W*(?:,|\band\b|\bor\b)\W*" + _NOTICE + r")*\W*", re.IGNORECASE)
"""Notices a safeguard sends, named by its possessive (`the classifier's notifications`, `the
filter's email alerts`): turned off, the safeguard still works."""
_NOTICES = lazy(r"(?:(?:the|its|their|our|your)\W+)?(?:[\w-]+\W+)?" + _NOTICE + r"(?:\W*(?:,|\band\b|\bor\b)\W*"
                + _NOTICE + r")*\W*", re.IGNORECASE)
"""Notices alone (`email notifications`, `alerts and reminders`)."""
_OF_FILTER = lazy(r"(?:of|for|on|in)\W+(?:(?:the|its|their|our|your)\W+)?(?:[\w'’-]+\W+){0,2}?"
                  r"(?:filter\w*|classifiers?|moderation|screening)\b", re.IGNORECASE)
"""A thing turned off said to be the filter's (`memory of the content filter`, `streaming for the
classifiers`): a part of the safeguard, not another feature."""


_NOT_KEPT_TRIGGER = ("retain", "retention", "store", "log", "kept", "keep", "sav", "record", "delet", "discard",
                     "purg", "eras")
_NOT_KEPT = lazy(
    r"\b(?:zero|no)[- ](?:data[- ])?retention\b"
    r"|\b(?:not|never)\W+(?:[\w'’-]+\W+){0,3}?(?:retain(?:s|ed)?|stor(?:e|es|ed)|logged|kept|keeps?|"
    r"sav(?:e|es|ed)|recorded)\b"
    r"|\b(?:no|none\W+of)\W+(?:[\w'’-]+\W+){0,3}?(?:retained|stored|logged|kept|saved|recorded)\b"
    r"|\b(?:retain(?:s|ed)?|stor(?:e|es|ed)|logs|logged|keeps?|kept|sav(?:e|es|ed)|records|recorded)\W+(?:[\w'’-]+\W+){0,2}?"
    r"(?:none|nothing|no)\b"
    r"|\b(?:deleted|discarded|purged|erased)\W+(?:immediately|at\W+once|right\W+away|instantly|as\W+soon\W+as|once)\b",
    re.IGNORECASE)
"""Words saying the developer keeps none of some users' traffic (`zero data retention`, `prompts
are not logged`, `we do not store their prompts`, `Acme keeps none of their outputs`, `prompts are
deleted immediately after the response`)."""
_SURFACE_ONLY = lazy(r"\b(?:in|on|from|for|through|via)\W+(?:the\W+|our\W+|its\W+)?(?:[\w-]+\W+)?"
                     r"(?:playground|console|workbench|sandbox|demo|test(?:ing)?\W+environment|staging)\b"
                     r"(?!\W+(?:and|or|nor)\b)", re.IGNORECASE)
"""A surface for trying the model out (`in the playground`, `from the console`) a denial of keeping is
held to: the monitored traffic, kept in another sentence (`_TRAFFIC_RETAINED`), is not it."""
_TRAFFIC_RETAINED = lazy(
    r"\b(?:traffic|prompts|requests|inputs|outputs|conversations|completions|messages)\W+(?:[\w'’-]+\W+){0,3}?"
    r"(?:is|are)\W+(?:[\w-]+\W+)?(?:retained|stored|logged|kept|saved|recorded)\b"
    r"|\b(?:retains?|stores?|logs|keeps?|saves?|records)\W+(?:all\W+|every\W+)?(?:api\W+)?(?:traffic|prompts|requests|"
    r"inputs|outputs|conversations|completions|messages)\b", re.IGNORECASE)
"""A sentence keeping the users' traffic (`API traffic is retained 30 days`, `we store all prompts`)."""
_OTHERS_DELETED = lazy(r"\b(?:other|others|unflagged|remaining|rest)\b", re.IGNORECASE)
_HISTORY_ONLY = lazy(r"\W+(?:to|in|from)\W+(?:your|their|the\W+user['’]s|a\W+user['’]s|the)\W+(?:chat\W+|conversation\W+)?"
                     r"history\b(?!\W+(?:or|nor)\b)", re.IGNORECASE)
"""Words after the keeping denied that deny it only of the user's own history (`not saved to your
history`): what the developer keeps is not said."""
_KEPT_SOME = lazy(r"\b(?:except|unless|but|other\W+than|beyond|longer\W+than|more\W+than|after\W+\d|up\W+to|for\W+\d|only|flagged)\b",
                  re.IGNORECASE)
"""Words after the keeping denied that keep some traffic (`except requests the classifiers flag`,
`beyond 30 days`): a reviewer still reads it."""
_REVIEWS_CONTENT = lazy(
    r"\b(?:conversations?|prompts?|transcripts?|chats?|outputs?|completions?|requests?|messages?|traffic)\W+"
    r"(?:[\w'’-]+\W+){0,2}?(?:reviewed|read|inspected|examined|audited)\b"
    r"|\b(?:review\w*|read\w*|inspect\w*|audit\w*)\W+(?:of\W+)?(?:[\w'’-]+\W+){0,2}?(?:conversations?|prompts?|"
    r"transcripts?|chats?|outputs?|completions?|messages?)\b",
    re.IGNORECASE)
"""A monitor's title whose people read the users' conversations (`flagged conversations reviewed by
the trust and safety team`, `human review of flagged prompts`): they must be kept to be read."""


def _not_kept(read: str) -> bool:
    """Whether a sentence (as read) says the developer keeps none of some users' traffic
    (`_NOT_KEPT`), keeping none back (`_KEPT_SOME` after it) and not denied (`is not zero data
    retention`)."""
    if not _may_say(read, _NOT_KEPT_TRIGGER):
        return False
    kept_at, none_from = -1, len(read) + 1  # where `_KEPT_SOME` was last found, and from where it is not: linear time
    for m in _NOT_KEPT.finditer(read):
        if _HISTORY_ONLY.match(read, m.end()) is not None:
            continue
        if m.end() > kept_at and m.end() < none_from:
            some = _KEPT_SOME.search(read, m.end())
            kept_at, none_from = (some.start(), none_from) if some is not None else (kept_at, m.end())
        if m.end() <= kept_at:
            continue
        if m.group(0).lower().startswith(("zero", "no")) and _DENIED.search(read, max(0, m.start() - 80), m.start()):
            continue
        if m.group(0).lower().startswith(("deleted", "discarded", "purged", "erased")) \
                and _OTHERS_DELETED.search(read, max(0, m.start() - 80), m.start()) is not None:
            continue  # `all other prompts are deleted immediately`: the rest, beside some kept
        return True
    return False
_NO_INCIDENT_TRIGGER = ("incident",)
"""The word every denial of incidents holds (`_may_say`'s first test of `incidents_denied_in_words`)."""

_INCIDENT_KIND = r"(?:(?:serious|reportable|critical|safety|security|major|significant|misuse|cyber(?:security)?|notable)\W+){0,3}"

_INCIDENTS_DENIED = lazy(
    r"(?:\b(?:there\W+(?:(?:have|has)\W+been|were|was)|(?:has|have)\W+(?:had|seen|recorded|experienced)|had|"
    r"(?:we|acme|it)\W+(?:recorded|reported|observed|experienced|saw)|recorded|reported|observed|experienced)\W+"
    r"(?:no|zero)\W+" + _INCIDENT_KIND + r"incidents?\b(?!\W+(?:of|involving|related|in\W+which)\b)"
    r"(?![\s-]+(?:response|reporting|reports?|management|process|plans?|polic(?:y|ies)|procedures?|playbooks?|teams?|"
    r"queues?|obligations?|registers?|logs?)\b)"
    r"|\b(?:no|zero)\W+" + _INCIDENT_KIND + r"incidents?\W+(?:(?:have|has)\W+(?:yet\W+)?been|were|was|(?:have|has)\W+(?:yet\W+)?)"
    r"\W*(?:reported|recorded|observed|occurred|identified|logged|found|seen|arisen|happened)\b"
    r"|\bincident[- ]free\b|\bfree\W+(?:of|from)\W+" + _INCIDENT_KIND + r"incidents\b"
    r"|\ba\W+clean\W+(?:safety\W+)?incident\W+record\b"
    r"|\bnot\W+(?:a\W+single|one)\W+" + _INCIDENT_KIND + r"incidents?\W+(?:has|have|was|were)\W+(?:yet\W+)?(?:been\W+)?"
    r"(?:reported|recorded|observed|occurred|identified|logged|found|seen|arisen|happened)\b"
    r"|\bthere\W+(?:has|have)\W+not\W+been\W+(?:a\W+single|one|any)\W+" + _INCIDENT_KIND + r"incidents?\b"
    r"|\b(?:no|zero)\W+" + _INCIDENT_KIND + r"incidents?\W+(?:to\W+date|so\W+far|as\W+of\W+(?:today|now))\b"
    r"|\bto\W+date\W+(?:no|zero)\W+" + _INCIDENT_KIND + r"incidents?\b(?!\W+(?:of|involving|related|in\W+which)\b)"
    r"|\b(?:not|un)\W*aware\W+of\W+any\W+" + _INCIDENT_KIND + r"incidents?\b(?!\W+(?:of|involving|related)\b)"
    r"|\bknow\W+of\W+no\W+" + _INCIDENT_KIND + r"incidents?\b(?!\W+(?:of|involving|related)\b)"
    r"|\b(?:operated|run|ran|been|served|deployed|worked|functioned)\W+(?:[\w'’-]+\W+){0,2}?without\W+"
    r"(?:a\W+single\W+|any\W+)?" + _INCIDENT_KIND + r"incidents?\b(?!\W+(?:of|involving|related)\b)"
    r"|\bnot\W+(?:been\W+)?(?:involved|implicated)\W+in\W+any\W+" + _INCIDENT_KIND + r"incidents?\b"
    r"(?!\W+(?:of|involving|related)\b)"
    r"|\byet\W+to\W+(?:record|see|observe|experience|have|report)\W+(?:a|an|any|one)\W+(?:single\W+)?" + _INCIDENT_KIND
    + r"incidents?\b(?!\W+(?:of|involving|related)\b))",
    re.IGNORECASE)
"""Words saying the model has had no incidents (`no serious incidents have been reported`, `Acme
has recorded no safety incidents`, `incident-free since launch`, `not a single incident has been
reported`, `no incidents to date`, `we are not aware of any incidents`, `operated without incident`,
`we have yet to record an incident`). Not: incidents of one kind named
(`no incidents involving weight theft`), nor a report that goes unmade (`no incident goes
unreported`)."""

_INCIDENTS_NONE_LISTED = lazy(
    r"\b" + _INCIDENT_KIND + r"incidents?(?:\W+(?:reported|recorded|logged|observed|identified|occurred)\b)?"
    r"(?:\W+(?:since|after)\W+(?:(?:its|the|our|first|initial|public|general)\W+){0,2}(?:launch|release|deployment)\b"
    r"|\W+to\W+date\b|\W+so\W+far\b)?(?:\s*[:=]|\s+[-–—])\s*(?:none|zero|0|nil)\b(?!\W+(?:of|involving|related)\b)",
    re.IGNORECASE)
"""A count of incidents given as none, in a label and its value (`Incidents reported since launch:
none`, `Serious incidents to date: 0`): the sentences are cut at the colon, so it is read whole."""

_INCIDENTS_LIMITED = lazy(
    r"\b(?:if|unless|whether|until|provided|when|once|should)\b|\b(?:further|other|new|more|additional|another|"
    r"subsequent|remaining|repeat)\W+" + _INCIDENT_KIND + r"incidents?\b|\b(?:other\W+than|besides|apart\W+from|"
    r"aside\W+from|except|beyond)\b|\b(?:since|after)\b(?!\W+(?:(?:its|the|our|first|initial|public|general)\W+){0,2}"
    r"(?:launch|release|deployment|availability|ga)\b)",
    re.IGNORECASE)
"""A denial that is limited or conditional (`no further incidents since the retraining`, `no
incidents other than incident-10`, `if no serious incidents are reported within 90 days`): it does
not say there were none. `since launch` (or release, deployment) limits nothing."""


_INCIDENTS_ELSEWHERE = lazy(
    r"\b(?:in|during|throughout|within)\W+(?:[\w'’-]+\W+){0,3}?(?:red[\W_]*team\w*|sandbox\w*|test(?:s|ing)?|"
    r"evaluations?|evals?|betas?|pilots?|trials?|previews?|staging|shadow|pre-deployment|internal)\b"
    r"|(?<!unlike\W)(?<!than\W)\b(?:previous|prior|earlier|predecessor|older|other|comparable|similar)\W+"
    r"(?:[\w'’-]+\W+){0,2}?(?:models?|versions?|systems?)\b",
    re.IGNORECASE)
"""A denial of incidents where the model was not yet deployed or of another model (`no incidents in the
red-team environment`, `during the pre-deployment evaluation`, `the previous model had no serious
incidents`): it says nothing of the deployed model's. Not where the sentence names the deployment too
(`_INCIDENTS_DEPLOYED`)."""
_INCIDENTS_DEPLOYED = lazy(
    r"\b(?:production|(?<![\w-])deploy(?:ed|ment)|launch\w*|released?|users?|customers?|markets?|public|availability|ga|"
    r"this\W+model)\b", re.IGNORECASE)
"""Words naming the deployed model's own record beside a setting before it (`in testing or in production`)."""


def _other_version(sentence: str, name: str) -> bool:
    """Whether `sentence` names another version of the system `name` (`Linnet-0` beside `Linnet-1`) and
    not the system itself."""
    stem = re.sub(r"[\W_]*\d[\w.]*$", "", name)
    if not stem or stem == name or name.lower() in sentence.lower():
        return False
    return re.search(r"\b" + re.escape(stem) + r"[\W_]*\d[\w.]*", sentence, re.IGNORECASE) is not None


def _case_words(case: Case) -> list[tuple[tuple[str | int, ...], str]]:
    """The case's own free text that regime documents and readers show, each with where it stands:
    its title, the system's description, the boundaries', the post-deployment plan's incident
    reporting and scale, the publication's withheld note, residual risk rationales, incident
    answers' notes and the argument's words."""
    texts: list[tuple[tuple[str | int, ...], str | None]] = [(("title",), case.title),
                                                             (("system", "description"), case.system.description)]
    if case.boundary is not None:
        texts.append((("boundary", "description"), case.boundary.description))
    texts += [(("boundaries", i, "description"), b.description) for i, b in enumerate(case.boundaries)]
    pd = case.post_deployment
    if pd is not None:
        texts += [(("post_deployment", "incident_reporting"), pd.incident_reporting),
                  (("post_deployment", "at_scale"), pd.at_scale)]
    if case.publication is not None:
        texts.append((("publication", "withheld"), case.publication.withheld))
    texts += [(("residual_risk", k, "rationale"), r.rationale) for k, r in case.residual_risk.items()]
    texts += [(("incident_answers", k, "note"), a.note) for k, a in case.incident_answers.items()]
    for eid, el in case.argument.elements.items():
        texts += [(("argument", "elements", eid, f), getattr(el, f))
                  for f in ("claim", "strategy", "context", "assumption", "justification")]
    return [(at, text) for at, text in texts if text and text.strip()]


def incidents_denied_in_words(case: Case) -> tuple[tuple[str | int, ...], str] | None:
    """Where the case's own words (`_case_words`) first say the model has had no incidents
    (`_INCIDENTS_DENIED`), in a sentence that neither limits the denial to some of them nor makes it
    a condition (`_INCIDENTS_LIMITED`), nor to a setting before deployment or another model
    (`_INCIDENTS_ELSEWHERE`, another version by the system's name), and that sentence; None when none do."""
    name = (case.system.name or "").strip()
    for at, text in _case_words(case):
        if not _may_say(text, _NO_INCIDENT_TRIGGER):
            continue
        listed = [m.group(0) for m in _INCIDENTS_NONE_LISTED.finditer(text)]
        for sentence in [*_INCIDENT_SENTENCES.split(text), *listed]:
            if (_INCIDENTS_DENIED.search(sentence) is None and sentence not in listed) \
                    or _INCIDENTS_LIMITED.search(sentence) is not None:
                continue
            if (_INCIDENTS_ELSEWHERE.search(sentence) is not None and _INCIDENTS_DEPLOYED.search(sentence) is None) \
                    or _other_version(sentence, name):
                continue
            return at, sentence.strip()
    return None


_INCIDENT_SENTENCES = lazy(r"(?<=[.;:!?])\s+")
_LANGUAGE_WORDS = ("languag",)
"""The word each match of `_LANGUAGES_COUNTED` and `_LANGUAGES_UNBOUNDED` holds."""
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                 "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100}
_LANGUAGES_COUNTED = lazy(
    r"\b(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(_NUMBER_WORDS) + r")(?:\+|\s*-\s*plus|\s+or\s+more)?\W+(?:(?:major|spoken|human|"
    r"natural|other|different|world|supported|user)\W+)?languages\b|\b(dozens|hundreds|scores)\W+of\W+languages\b",
    re.IGNORECASE)
"""A number of languages the words say the release is in (`in 40 languages`, `forty languages`,
`dozens of languages`)."""
_LANGUAGES_UNBOUNDED = lazy(
    r"\b(?:in|into|speaks?|supports?|understands?|across|answers?\W+in|writes?\W+in)\W+"
    r"(?:(?:virtually|practically|essentially|basically|almost|nearly|just\W+about)\W+)?(?:any|every|all|whatever)"
    r"\W+(?:(?:of\W+)?the\W+)?(?:(?!(?:programming|coding|computer|query|markup|scripting|sign)\b)[\w'’-]+\W+){0,2}?"
    r"languages?\b(?!\W+(?:other\W+than|but|except|save|apart))"
    r"|\b(?:in|into)\W+(?:the\W+user['’]s|your|their|each\W+user['’]s)\W+(?:own\W+)?language\W+(?:whichever|whatever)\b"
    r"|\bno\W+(?:limits?|restrictions?)\W+on\W+(?:the\W+)?languages?\b|\bno\W+language\W+(?:restrictions?|limits?)\b",
    re.IGNORECASE)
"""Words putting no bound on the languages it serves (`in any language`, `in every language our users
speak`, `supports all major languages`, `understands virtually every human language`, `in the user's
language, whichever it is`, `no language restrictions`), but one followed by an exception (`any language other than`)."""
_LANGUAGES_MEASURED = lazy(
    r"\b(?:benchmark\w*|eval\w*|measur\w*|assess\w*|tested|scored|scores|red[\W_]*team\w*|tests?)\b"
    r"|\b(?:pre-?)?trained\W+on\b|\bfine-?tuned\W+on\b|\b(?:(?:pre-?)?training|fine-?tuning)\W+(?:data|sets?|corpus|examples)\b"
    r"|\bdatasets?\b|\bcorp(?:us|ora)\b|\btokeni[sz]ers?\b|\bvocabular(?:y|ies)\b"
    r"|(?P<around>\bUI\b|\b(?:user|app|web)\W+interfaces?\b|\bmenus?\b|\bdocumentation\b|\bhelp\W+(?:centre|center)\b"
    r"|\bwebsites?\b)",
    re.IGNORECASE)
"""Words saying a count of languages is of a measurement, of what the model was trained on, or of the
product around the model, not of the languages the release serves (`benchmarks in 14 languages`,
`fine-tuned on data in 100 languages`, `the tokenizer covers 200 languages`, `localised UI in 30
languages`, `documentation in 12 languages`)."""
_LANGUAGES_CLAUSE = lazy(r"[;.!?:(),]|\b(?:but|while|whereas|languages?)\b", re.IGNORECASE)
"""Where the clause of a count of languages begins: the words before it (60 characters at most) back to
the last of these are read for `_LANGUAGES_MEASURED` (`red-teamed in 12 languages and available in 40
languages` reads 40)."""


_LANGUAGES_SERVED = lazy(r"\b(?:answer\w*|respond\w*|repl(?:y|ies|ied)|writ(?:e|es|ing)|wrote|draft\w*|generat\w*|"
                         r"translat\w*|chat\w*|speak\w*|talk\w*|converse\w*)\b", re.IGNORECASE)
"""Words of a clause that put the model to work in the languages counted (`writes help centre articles in
20 languages`, `answers benchmark questions in 14 languages`): such a count is the release's."""
_LANGUAGES_MODEL = lazy(r"\b(?:models?|assistants?|chatbots?|bots?|agents?|api|it)\b", re.IGNORECASE)
"""Words naming the model beside the product around it (`the app's UI and the assistant are available in
40 languages`): the count is then the model's too."""


def _not_served(read: str, at: int, name: str) -> bool:
    """Whether the clause before a count of languages at `at` says it is not of the languages the
    release serves: a measurement, training or the product around the model (`_LANGUAGES_MEASURED`),
    the model not put to work in them (`_LANGUAGES_SERVED`) and, for the product around it, not named
    beside it (`_LANGUAGES_MODEL`, the system's `name`)."""
    lo = _clause_start(read, at)
    found = [m for m in _LANGUAGES_MEASURED.finditer(read, lo, at)]
    if not found or _LANGUAGES_SERVED.search(read, lo, at) is not None:
        return False
    if all(m.group("around") for m in found):
        clause = read[lo:at]
        return _LANGUAGES_MODEL.search(clause) is None and (not name or name.lower() not in clause.lower())
    return True


def _clause_start(read: str, at: int) -> int:
    """Where the clause ending at `at` begins (`_LANGUAGES_CLAUSE`), 60 characters back at most."""
    lo = max(0, at - 60)
    for m in _LANGUAGES_CLAUSE.finditer(read, lo, at):
        lo = m.end()
    return lo
_LANGUAGES_DENIED = lazy(r"\b(?:not|no|never|nor|without)\b(?:[^\w.!?;]+[\w'’-]+){0,3}[^\w.!?;]*$", re.IGNORECASE)
"""A denial in the three words before a count of languages or words without bound (`not offered in any
language`), in the same sentence: a stop or a semicolon between them ends it (`no fine-tuning access.
Atlas-2 answers in any language`)."""


def languages_in_words(case: Case, memo: dict[str, Any] | None = None) -> tuple[str, int | None] | None:
    """The words of the system, the boundary, the release's intended uses or the argument's top claim
    and contexts that say how many languages the release is in: (the words, the number) for `in 40
    languages`, (the words, None) for words setting no bound (`in any language`, `dozens of
    languages`); None where no such words stand (a denial before them, `not in any language but
    English`, is none). The largest number said wins; unbounded words win over any number (CG435)."""
    if memo is not None and "languages_in_words" in memo:
        got: tuple[str, int | None] | None = memo["languages_in_words"]
        return got
    b = case.boundary
    texts = [case.system.description or "", (b.description or "") if b is not None else "",
             (b.scope.users or "") if b is not None and b.scope is not None else ""]
    if case.system.release is not None:
        texts += list(case.system.release.intended_uses)
    arg = case.argument
    if arg is not None:
        top = arg.elements.get(arg.top)
        texts += [getattr(top, "claim", None) or ""]
        texts += [getattr(e, "context", None) or "" for e in arg.elements.values()]
    best: tuple[str, int | None] | None = None
    name = as_read(case.system.name or "").strip()
    for text in texts:
        read = as_read(text)
        if not read or not _may_say(read, _LANGUAGE_WORDS):
            continue
        for m in _LANGUAGES_UNBOUNDED.finditer(read):
            if _LANGUAGES_DENIED.search(read, max(0, m.start() - 60), m.start()) is None:
                best = (" ".join(read[m.start():m.end()].split()), None)
                break
        if best is not None and best[1] is None:
            break
        for m in _LANGUAGES_COUNTED.finditer(read):
            if _LANGUAGES_DENIED.search(read, max(0, m.start() - 60), m.start()) is not None \
                    or _not_served(read, m.start(), name):
                continue
            number = m.group(1).replace(",", "") if m.group(1) else ""
            n = None if m.group(2) else (int(number) if number.isdigit() else _NUMBER_WORDS[m.group(1).lower()])
            if best is None or n is None or (best[1] is not None and n > best[1]):
                best = (" ".join(read[m.start():m.end()].split()), n)
    if memo is not None:
        memo["languages_in_words"] = best
    return best


def injections_unseen(ctx: Context) -> dict[tuple[str, str], tuple[str, bool]]:
    """(safeguard id, evidence id) -> (why, whether another test of prompt injection the safeguard
    cites shows every injection in a tool's output) for a red team or safeguard test of prompt
    injection (`of_prompt_injection`) the safeguard cites whose log records no sample transcript
    (a harness's `casegate-results/1` scores, an Inspect log without messages): whether its
    injected instructions reached the model in what a tool returned, not in the user's turn
    (`injections_not_by_tool`), is not verified (memoised)."""
    got: dict[tuple[str, str], tuple[str, bool]] | None = ctx.memo.get("injections_unseen")
    if got is not None:
        return got
    got = {}
    short = injections_not_by_tool(ctx)
    shown: set[str] = set()
    blind: list[tuple[str, str]] = []
    for sid, sg, eid, ev, run in cited_tests(ctx, lambda sg: True):
        if run is None or not of_prompt_injection(ctx, sg, ev):
            continue
        if run.injections is None:
            blind.append((sid, eid))
        elif (sid, eid) not in short:
            shown.add(sid)
    for sid, eid in blind:
        got[sid, eid] = (f"`{eid}`, a test of prompt injection whose log records no sample's transcript: where its "
                         "injected instructions reached the model (in a tool's output, or pasted in the user's "
                         "turn) is not verified", sid in shown)
    ctx.memo["injections_unseen"] = got
    return got


_WITHDRAW_TRIGGER = ("roll", "kill", "withdraw", "tak", "took", "pull", "switch", "shut", "turn")
"""A word each match of `_WITHDRAWS` holds: a title without one says nothing of withdrawing the model."""
_WITHDRAWS = lazy(
    r"\b(?:roll(?:s|ed|ing)?\W{0,3}back|rollbacks?|kill\W{0,3}switch(?:es)?|withdraw(?:s|n|ing|als?)?|"
    r"(?:take[ns]?|taking|took|pull(?:s|ed|ing)?|switch(?:es|ed|ing)?|shut(?:s|ting)?|turn(?:s|ed|ing)?)\W+"
    r"(?:(?:the|its|our|that|this|a)\W+)?(?:models?|system|deployments?|serving|endpoints?|api|app|service)(?!['’])\W+"
    r"(?:[\w-]+\W+){0,2}?(?:offline|off|down)|"
    r"(?:models?|system|deployments?|serving|endpoints?|api|app|service)\W+(?:(?:is|are|be|been|gets?|got)\W+)?"
    r"(?:taken|pulled|switched|shut|turned)\W+(?:offline|off|down))\b", re.IGNORECASE)
"""Words of a safeguard's title saying it withdraws the model (`Rollback`, `the model withdrawn within
one hour`, `kill switch`, `the deployment taken offline`, `serving switched off`): a taking down
names the model, the deployment or serving as what goes (not `the model's memory turned off`)."""
_WITHDRAWN_THING = lazy(r"\b(?:models?|system|deployments?|weights|serving|endpoints?|releases?|versions?|checkpoints?|"
                        r"api|app)\b", re.IGNORECASE)
"""What a withdrawal withdraws where the title names it (`the model`, `the deployment`, `serving`)."""
_NOT_THE_MODEL = lazy(r"\b(?:access|accounts?|keys?|tokens?|users?|permissions?|credentials?|licen[cs]es?|posts?|"
                      r"content|jailbreaks?|guides?|prompts?|offers?)\W+(?:(?:is|are|be|been|were|was)\W+)?$",
                      re.IGNORECASE)
"""Words just before a withdrawal naming what is withdrawn as something other than the model (`API keys
withdrawn`, `access withdrawn`, `jailbreak posts taken down`)."""
_NOT_THE_MODEL_AFTER = lazy(r"\W+(?:(?:the|their|its|a|an|any|offending|abusive)\W+){0,2}(?:[\w-]+['’]s?\W+)?"
                            r"(?:access|accounts?|keys?|tokens?|permissions?|credentials?|licen[cs]es?)\b", re.IGNORECASE)
"""Words just after a withdrawal naming what it withdraws as a user's (`withdraws the user's access`,
`withdraws offending accounts' keys`)."""


def withdraws_model(sg: Safeguard, system: str) -> str | None:
    """The safeguard's title where it says the safeguard withdraws the model (`Rollback, the model
    withdrawn from the API and the app within one hour`): a rollback or kill switch, or a withdrawal
    or taking offline of the model, the deployment, serving or the system by name (`_WITHDRAWN_THING`),
    none of them of a user's access, keys or content (`_NOT_THE_MODEL`); None otherwise."""
    if sg.title is None:
        return None
    read = as_read(sg.title)
    if not _may_say(read, _WITHDRAW_TRIGGER):
        return None
    named = _WITHDRAWN_THING.search(read) is not None or (bool(system.strip()) and system.lower() in read.lower())
    for m in _WITHDRAWS.finditer(read):
        if _NOT_THE_MODEL.search(read, max(0, m.start() - 40), m.start()) is not None \
                or _NOT_THE_MODEL_AFTER.match(read, m.end()) is not None:
            continue
        word = m.group(0).lower()
        if word.startswith(("roll", "kill")) or named:
            return sg.title
    return None


def withdrawal_out_of_reach(case: Case, developer: Sequence[str], memo: dict[str, Any] | None = None) -> str | None:
    """The words of the case saying the model is served, or its weights held, where the developer's
    withdrawal does not reach: another company's cloud or platform, a partner, or the customers' own sites
    (`host_clauses`, `hosting_companies`); None where they say none is. The lab withdraws what it
    serves; a copy another party serves or holds stays up until that party takes it down (CG442)."""
    hosted = hosts_in_words(case, memo)
    if hosted is not None:
        return hosted[0]
    named = hosting_companies(case, developer)
    return named[0][1] if named else None
