"""Running every mutation through the gate and reporting which ones the gate did not catch.

A mutation is caught when the gate run on the edited copy has a blocking finding the unedited
case does not have (for a case that is GO or GO WITH CONDITIONS, that means the mutation turns it
NO-GO; for a case already NO-GO, that the move adds a reason of its own). Each run passes the
unedited case as the previous version, as the registry would, so the rules that compare versions
take part; a move that starts from another recorded version (one recorded with argument theater,
which the move hides) is compared with that version instead, one that a draft recorded before it
shows (`drafted`) is gated with the draft among the versions recorded, and a move made before any
version is recorded (`first_version`) with none. Artifacts are hashed once and shared; a mutation that rewrites an artifact writes the
rewritten copy into its own temporary workspace, and only that item is hashed again.

A move the evidence readers undo adds no finding: a log cut to the samples the model fails, or
padded with copies of one it fails, is counted as the whole run. Such a mutation (`may_neutralise`)
that is not caught is **neutralised** when the gate's outcome on the edited copy is no better for
the developer than on the unedited case, every blocking finding and condition of the unedited case
is still there, and every evaluation's and test's counts (successes and trials, bypasses and
attempts) come out as the unedited case's. A move that gains anything is still not caught.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..checks import get_rule
from ..errors import InputError
from ..evidence import ArtifactState, facts_for, rehash_artifacts
from ..gate import Comparison, run_gate
from ..load import Loaded
from ..model import Case, Condition, DecisionRecord, Finding, Outcome, Policy, RecordedVersion
from ..sign import Keyring
from ._artifacts import ArtifactEdit, Subject
from ._mutations import MUTATIONS, Mutation
from ._registry import REGISTRY_MUTATIONS, RegistryMutation

__all__ = ["MutationResult", "RedteamReport", "format_redteam_json", "format_redteam_text", "run_redteam"]


@dataclass(frozen=True)
class MutationResult:
    """What the gate made of one mutation."""

    mutation: Mutation | RegistryMutation
    applicable: bool
    """False when the case holds nothing the mutation could edit."""
    outcome: Outcome | None
    """The gate's outcome on the edited copy (None when not applicable)."""
    caught_by: tuple[str, ...]
    """Codes of the blocking findings the edit added whose rule names the failure: a rule the
    mutation expects, or one serving a test or failure mode the mutation attacks (empty: not
    caught)."""
    incidental: tuple[str, ...]
    """Codes of other blocking findings the edit added (rules that fire for another reason)."""
    messages: tuple[str, ...]
    """The added blocking findings' messages."""
    note: str = ""
    """Why it does not apply, when it does not."""
    neutralised: bool = False
    """Not caught, but undone: the outcome, the unedited case's blocking findings and conditions, and
    every item's counts came out as before (only for a mutation that declares `may_neutralise`)."""
    conditioned: tuple[str, ...] = ()
    """Not caught, but held as a condition of the decision: codes of the conditions the edit added
    whose rule names the failure, the outcome no better and the unedited case's blocking findings
    and conditions all still there (only for a mutation that declares `by_condition`)."""

    @property
    def caught(self) -> bool:
        return bool(self.caught_by)

    @property
    def status(self) -> str:
        if not self.applicable:
            return "not applicable"
        if self.caught:
            return "caught"
        return "neutralised" if self.neutralised else "held as a condition" if self.conditioned else "not caught"


@dataclass
class RedteamReport:
    """Every mutation's result for one case."""

    case_id: str
    case_version: str
    baseline: Outcome
    """The gate's outcome on the unedited case."""
    results: list[MutationResult] = field(default_factory=list)

    @property
    def not_caught(self) -> list[MutationResult]:
        return [r for r in self.results if r.applicable and not r.caught and not r.neutralised and not r.conditioned]

    @property
    def exit_code(self) -> int:
        """0 when every applicable mutation was caught, 1 otherwise."""
        return 1 if self.not_caught else 0


def _key(f: Finding) -> tuple[str, str]:
    return f.code, f.message


_RANK: dict[str, int] = {"NO-GO": 0, "GO WITH CONDITIONS": 1, "GO": 2}

Counts = dict[str, tuple[int | None, ...]]


def _counts(case: Case | None) -> Counts:
    """Every evidence item's counts as the gate reads them (successes, trials, bypasses, attempts)."""
    if case is None:
        return {}
    return {eid: (r.successes, r.trials, r.bypasses, r.attempts) for eid, ev in case.evidence.items()
            if (r := ev.result) is not None}


def _no_better(base: DecisionRecord, r: DecisionRecord) -> bool:
    """Whether a move came out no better for the developer than the unedited case: an outcome no
    better, every blocking finding and condition of the unedited case still there."""
    kept = {_key(f) for f in r.findings}
    return (_RANK[r.outcome] <= _RANK[base.outcome]
            and all(_key(f) in kept for f in base.findings if f.blocking or f.severity == "condition"))


def _undone(base: DecisionRecord, base_counts: Counts, r: DecisionRecord, counts: Counts) -> bool:
    """Whether a move came out no better for the developer than the unedited case (`_no_better`),
    with the same counts."""
    return _no_better(base, r) and counts == base_counts


def _names(m: Mutation | RegistryMutation, code: str) -> bool:
    """Whether rule `code` names the failure `m` commits."""
    if code in m.not_caught_by:
        return False
    if code in m.caught_by:
        return True
    rule = get_rule(code)
    return rule is not None and rule.serves in m.attacks


def run_redteam(loaded: Loaded, *, today: dt.date | None = None,
                mutations: Sequence[Mutation] = MUTATIONS, keyring: Keyring | None = None,
                registry_mutations: Sequence[RegistryMutation] | None = None) -> RedteamReport:
    """Apply each mutation to an in-memory copy of the case and gate it, then play each registry
    mutation against a temporary registry of its own (`casegate.redteam._registry`). Each run checks the
    sign-offs and the residual-risk authorities against `keyring` (`casegate.verify.with_authority`:
    CG510 names a sign-off no keyring identity signed, CG417 a risk authority nobody holds); the
    sign-off lines all stay in the gated copy, so the rules on their dates and people still run.
    `registry_mutations`: the registry moves to play; None plays every one (`REGISTRY_MUTATIONS`)
    when `mutations` is the whole library, and none when the caller chose its own mutations.
    Raises InputError when the case or its policy cannot be read (there is nothing to attack)."""
    from ..verify import with_authority

    case, policy = loaded.case, loaded.policy
    if case is None or policy is None:
        raise InputError(f"{loaded.case_path} is not a valid case", location=loaded.case_path,
                         help=f"run `casegate check {loaded.case_path}` and fix what it reports first")
    artifacts = rehash_artifacts(loaded)
    at = dt.datetime.combine(today or case.date or dt.date.today(), dt.time.max, dt.UTC)
    loaded = with_authority(loaded, keyring, at)
    base = run_gate(loaded, previous=loaded, today=today, artifacts=artifacts, try_narrower=False)
    before = {_key(f) for f in base.findings if f.blocking}
    had = {_key(f) for f in base.findings}
    effective, facts = facts_for(loaded, artifacts)
    subject = Subject(loaded, case, policy, effective or case, facts)
    base_counts = _counts(effective or case)
    report = RedteamReport(case_id=case.id, case_version=case.version, baseline=base.outcome)
    for m in mutations:
        got: tuple[Case, Policy] | ArtifactEdit | str = m.apply(case, policy)
        if isinstance(got, str) and m.rewrite is not None:
            again = m.rewrite(subject)
            got = again if not isinstance(again, str) else got if again == got else f"{got}; {again}"
        previous: Loaded | None = None if m.first_version else loaded
        if not isinstance(got, str) and m.recorded is not None:
            was = m.recorded(case, policy)
            if isinstance(was, str):
                got = was
            else:  # the version the registry recorded before the move
                previous = copy.copy(loaded)
                previous.case = was
        comparison: Comparison | None = None
        if not isinstance(got, str) and m.drafted is not None:
            draft = m.drafted(case, policy)
            if isinstance(draft, str):
                got = draft
            else:  # recorded before the version compared with, never approved nor compared with
                comparison = Comparison(recorded=[RecordedVersion.of_case(draft, "a draft recorded before it")])
        ring: Keyring | None = keyring
        if not isinstance(got, str) and m.keyring is not None:
            if keyring is None:
                got = "the run was given no keyring for the move to edit"
            elif isinstance(got, ArtifactEdit):
                raise TypeError(f"mutation {m.name} edits the keyring and rewrites an artifact")
            else:
                edited_ring = m.keyring(keyring, *got)
                got = edited_ring if isinstance(edited_ring, str) else (edited_ring[1], got[1])
                ring = keyring if isinstance(edited_ring, str) else edited_ring[0]
        if isinstance(got, str):
            report.results.append(MutationResult(m, False, None, (), (), (), note=got))
            continue
        if isinstance(got, ArtifactEdit):
            # the sign-offs are not edited
            r, counts = _gate_rewritten(loaded, got, artifacts, today, previous, m.may_neutralise, comparison)
        else:
            edited = copy.copy(loaded)
            edited.case, edited.policy = got
            r = run_gate(with_authority(edited, ring, at), previous=previous, today=today, artifacts=artifacts,
                         comparison=comparison, try_narrower=False)
            counts = _counts(facts_for(edited, artifacts)[0]) if m.may_neutralise else {}
        new = [f for f in r.findings if f.blocking and _key(f) not in before]
        naming = tuple(sorted({f.code for f in new if _names(m, f.code)}))
        other = tuple(sorted({f.code for f in new} - set(naming)))
        undone = m.may_neutralise and not naming and _undone(base, base_counts, r, counts)
        held: tuple[str, ...] = ()
        if m.by_condition and not naming and _no_better(base, r):
            held = tuple(sorted({f.code for f in r.findings if f.severity == "condition" and _key(f) not in had
                                 and _names(m, f.code)}))
        shown = new + [f for f in r.findings if held and f.code in held and _key(f) not in had]
        report.results.append(MutationResult(m, True, r.outcome, naming, other,
                                             tuple(f"{f.code}: {f.message}" for f in shown), neutralised=undone,
                                             conditioned=held))
    if registry_mutations is None:
        registry_mutations = REGISTRY_MUTATIONS if mutations is MUTATIONS else ()
    if registry_mutations:
        blocked = frozenset(str(x) for f in base.findings if f.blocking for x in f.path)
        report.results.extend(_registry_results(subject, keyring, today, at, before, blocked, registry_mutations))
    return report


def _registry_results(subject: Subject, keyring: Keyring | None, today: dt.date | None,
                      at: dt.datetime, before: set[tuple[str, str]], blocked: frozenset[str],
                      mutations: Sequence[RegistryMutation]) -> list[MutationResult]:
    """Each registry mutation's result. A blocking finding the edited version has counts as added
    only when neither the unedited case (`before`) nor the unedited case submitted again after
    itself to a registry of its own (the control: what the registry's comparison finds with no
    move) has it."""
    from ._registry import Stories

    with Stories(subject, keyring, today, at, blocked) as stories:
        control = stories.control()
        if control.record is None:  # the case's folder cannot be copied: no registry move can be played
            return [MutationResult(m, False, None, (), (), (), note=control.note) for m in mutations]
        seen = before | {_key(f) for f in control.record.findings if f.blocking}
        out = []
        for m in mutations:
            run = stories.play(m)
            if run.record is None:
                out.append(MutationResult(m, False, None, (), (), (), note=run.note))
                continue
            r = run.record
            new = [f for f in r.findings if f.blocking and _key(f) not in seen]
            naming = tuple(sorted({f.code for f in new if _names(m, f.code)}))
            other = tuple(sorted({f.code for f in new} - set(naming)))
            held = _kept_conditions(run.standing, r) if m.sheds_conditions and not naming else ()
            shown = [f"{f.code}: {f.message}" for f in new]
            shown += [f"{c.cause} (a condition, due {c.due}): {c.text}" for c in r.conditions if c.cause in held]
            out.append(MutationResult(m, True, r.outcome, naming, other, tuple(shown), conditioned=held))
        return out


def _kept_conditions(standing: Sequence[Condition], r: DecisionRecord) -> tuple[str, ...]:
    """The rule codes of the conditions of the recorded decision (`standing`), when the edited
    version's decision keeps every one of them: a condition of the same rule due no later, and an
    outcome no better than GO WITH CONDITIONS. Empty when it keeps none, or not all (a move that
    sheds a condition, or gives it more time, is not held to it)."""
    if not standing or _RANK[r.outcome] > _RANK["GO WITH CONDITIONS"]:
        return ()
    for c in standing:
        if not any(x.cause == c.cause and x.due and c.due and x.due[:10] <= c.due[:10] for x in r.conditions):
            return ()
    return tuple(sorted({c.cause for c in standing}))


def _gate_rewritten(loaded: Loaded, edit: ArtifactEdit, artifacts: dict[str, ArtifactState],
                    today: dt.date | None, previous: Loaded | None, count: bool,
                    comparison: Comparison | None = None) -> tuple[DecisionRecord, Counts]:
    """Gate a copy whose rewritten artifacts live in a temporary workspace for the run; with `count`,
    the counts the gate read from them too (else none)."""
    with tempfile.TemporaryDirectory(prefix="casegate-redteam-") as ws:
        paths: dict[str, Path] = {}
        for eid, data in edit.files.items():
            # each item's files in a folder of their own, under their own names (lm-eval finds a
            # results file's samples by name beside it)
            d = Path(ws) / f"item-{len(paths)}"
            d.mkdir()
            p = d / Path(edit.case.evidence[eid].artifact or "artifact").name
            p.write_bytes(data)
            for name, more in edit.companions.get(eid, {}).items():
                (d / name).write_bytes(more)
            paths[eid] = p
        edited = loaded.with_artifacts(edit.case, edit.policy, paths)
        # the files rewritten beside an artifact (an lm-eval run's samples) are read from the
        # workspace, as the artifact is: outside it, the case's root still confines what is read
        workspace, confined = Path(ws).resolve(), edited.inside_root
        edited.inside_root = lambda p: confined(p) or p.resolve().is_relative_to(workspace)  # type: ignore[method-assign,assignment]
        arts = dict(artifacts)
        if paths:
            fresh = rehash_artifacts(edited)
            arts.update({eid: fresh[eid] for eid in paths})
        record = run_gate(edited, previous=previous, today=today, artifacts=arts, comparison=comparison,
                          try_narrower=False)
        return record, _counts(facts_for(edited, arts)[0]) if count else {}


def format_redteam_text(report: RedteamReport) -> str:
    """A table: mutation, what it attacks, the gate's outcome, and the rules that caught it."""
    rows = [("mutation", "attacks", "outcome", "status", "caught by")]
    for r in report.results:
        also = f" (also {', '.join(r.incidental)})" if r.incidental else ""
        by = ", ".join(r.caught_by) or (f"{', '.join(r.conditioned)} (a condition)" if r.conditioned else
                                        "-" if r.applicable else r.note)
        name = f"{r.mutation.name} [registry]" if r.mutation.registry else r.mutation.name
        rows.append((name, ", ".join(r.mutation.attacks), r.outcome or "-", r.status, by + also))
    widths = [max(len(row[i]) for row in rows[:]) for i in range(4)]
    lines = [f"redteam {report.case_id} {report.case_version}: unedited case {report.baseline}", ""]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row[:4], widths, strict=True)) + "  " + row[4])
    applicable = [r for r in report.results if r.applicable]
    missed = report.not_caught
    undone = sum(1 for r in applicable if r.neutralised and not r.caught)
    held = sum(1 for r in applicable if r.conditioned and not r.caught and not r.neutralised)
    lines.append("")
    lines.append(f"{len(applicable) - len(missed) - undone - held} of {len(applicable)} applicable mutations caught"
                 + (f", {undone} neutralised" if undone else "")
                 + (f", {held} held as a condition of the decision" if held else "")
                 + f" ({len(report.results) - len(applicable)} not applicable to this case)")
    for r in missed:
        still = (f"still gets {r.outcome}" if r.outcome != "NO-GO"
                 else f"adds no blocking finding that names the failure ({', '.join(r.incidental) or 'none'})")
        lines.append(f"not caught: {r.mutation.name} ({r.mutation.edits}) {still}")
    return "\n".join(lines)


def format_redteam_json(report: RedteamReport) -> str:
    """The same report as JSON."""
    doc = {
        "case_id": report.case_id,
        "case_version": report.case_version,
        "baseline": report.baseline,
        "mutations": [{
            "name": r.mutation.name,
            "attacks": list(r.mutation.attacks),
            "edits": r.mutation.edits,
            "expected_rules": list(r.mutation.caught_by),
            "needs_previous": r.mutation.needs_previous,
            "first_version": r.mutation.first_version,
            "may_neutralise": r.mutation.may_neutralise,
            "by_condition": r.mutation.by_condition,
            "edits_keyring": r.mutation.keyring is not None,
            "registry": r.mutation.registry,
            "status": r.status,
            "outcome": r.outcome,
            "caught_by": list(r.caught_by),
            "held_as_condition": list(r.conditioned),
            "also_blocking": list(r.incidental),
            "findings": list(r.messages),
            "note": r.note or None,
        } for r in report.results],
        "not_caught": [r.mutation.name for r in report.not_caught],
    }
    return json.dumps(doc, indent=2)
