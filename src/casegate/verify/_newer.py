"""A newer version judged NO-GO on its substance stops the older approval of the same model.

The registry approves a case on one version's signed decision. When a later version of the same
case, about the same model (the deploy's digest, or, for other digests, what the log shows:
`same_model`) and for the same or a narrower boundary than the deploy, is judged
NO-GO, and what blocked it is the case or its evidence (thresholds, evidence, the argument, a
defeater, safeguards, the boundary, post-deployment plans: anything but the review process), the
developer's own newer case says the weights should not be deployed there: the older approval
stops verifying. A NO-GO only for the review process (`APPROVAL_RULES`: sign-offs, their
signatures, authority and separation of roles, objections, who holds a residual-risk authority)
leaves it as it is, since a draft is gated NO-GO until it is signed. An approval of a newer
version still restores verification of that version only (its own bundle).

The approved version itself, gated again after its approval (under a newer policy, with new
counter-evidence) and judged NO-GO on the same terms, stops the approval the same way: the log
entry comes after the approval's, so it says something the approval did not weigh. Its NO-GO
logged before the approval (a draft gated before it was signed) does not."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import BoundaryKind
from ..model._names import word_key
from ..store import LoggedModel, logged_model, model_keys

APPROVAL_RULES = frozenset({
    "CG501",  # required-role-missing
    "CG502",  # roles-not-separated
    "CG503",  # product-sole-approver
    "CG504",  # objection-unanswered
    "CG505",  # signoff-before-evidence
    "CG507",  # author-signed
    "CG508",  # objection-answer-hollow
    "CG509",  # objection-dropped
    "CG510",  # signoff-not-signed
    "CG417",  # risk-authority-not-held
})
"""The rules about the review process rather than the case: sign-offs missing, unsigned, dated
before the evidence, given by an author or by people whose roles must be apart, objections, and
residual-risk authorities no keyring identity holds. A NO-GO on these alone is a case not yet
approved, not a case that says no. Every other blocking finding is the case or its evidence saying
no (CG506 and CG511, argument theater about claims, count as the argument's)."""

NEWER_NO_GO = "was judged NO-GO"
"""The words of `verify`'s reason for an approval a newer version's NO-GO stopped (a cause in
`state show`)."""

SAME_VERSION_AGAIN = "the approved version itself, gated again after its approval,"
"""The words of `verify`'s reason when the NO-GO is of the approved version, logged after its
approval (a cause of its own in `state show`)."""

_RANK = {k.value: k.rank for k in BoundaryKind}

def _weights_in_common(approved: LoggedModel, other: LoggedModel, which: str) -> str | None:
    """How the weights the registry hashed for `other` share a weights file's bytes or a tensor with
    those it hashed for `approved` (`which`: the approved version, in words), or None."""
    shared = approved.shared_weights(other)
    if not shared:
        return None
    if any("(tensor " not in here for here, _ in shared):  # files come first, then tensors
        return f"the registry hashed a weights file of the same bytes for both it and {which}"
    return f"the registry fingerprinted a tensor of the same data in both it and {which}"


def _version_naming(log: Sequence[Any], case_id: str, models: Sequence[Any]) -> int | None:
    """The latest stored version of `case_id` whose logged system names one of `models`."""
    found = [e.payload.get("version") for e in log if e.kind == "case-version" and e.case_id == case_id
             and isinstance(e.payload, dict) and isinstance((e.payload.get("system") or {}), dict)
             and set((e.payload.get("system") or {}).get("digests") or []) & {str(m) for m in models}]
    numbers = [n for n in found if type(n) is int]
    return max(numbers) if numbers else None


def same_model(log: Sequence[Any], case_id: str, approved_version: int, version: int, models: Sequence[str],
               model_digest: str | None) -> tuple[bool, str]:
    """Whether stored `version` of `case_id`, judged for the model digests `models` (none of them
    the deploy's `model_digest`), is about the model `approved_version` measured, as the log
    (`log`: the case's `case-version` entries and the `model-files` entries in view) shows it:
    (True, how) when the approved version names one of `models` too; when the two versions'
    systems have one name (`casegate.model._names.word_key`: CG351 holds every evaluation log of a
    version to name its system, so both versions' evaluations name that model, whatever version
    string or digest the lab gives it); or when the weights the registry hashed for the two
    (by version, or by digest under any case) share a weights file's bytes or a tensor. (False,
    why) when the log shows another model; (True, why) failing closed when a version's system
    cannot be read from the log, so which model it is about cannot be established."""
    systems = {e.payload.get("version"): e.payload.get("system") for e in log
               if e.kind == "case-version" and e.case_id == case_id and isinstance(e.payload, dict)}
    mine, theirs = systems.get(approved_version), systems.get(version)
    if not isinstance(mine, dict) or not isinstance(theirs, dict):
        missing = approved_version if not isinstance(mine, dict) else version
        return True, (f"the log holds no readable system of version {missing}, so whether it is about another "
                      "model cannot be established")
    named = {d for d in (mine.get("digests") or []) if isinstance(d, str)} | ({model_digest} if model_digest else set())
    common = sorted(named & set(models))
    if common:
        return True, f"version {approved_version} names model digest {common[0][:19]}… too"
    a, b = str(mine.get("name") or ""), str(theirs.get("name") or "")
    if word_key(a) and word_key(a) == word_key(b):
        return True, (f"its system is named {b!r}, as version {approved_version}'s is ({a!r}): the evaluations of "
                      "both name that model")
    if how := _weights_in_common(logged_model(log, case_id, approved_version, named),
                                 logged_model(log, case_id, version, models), f"version {approved_version}"):
        return True, how
    return False, (f"its system {b!r} is not version {approved_version}'s {a!r}, and no digest, weights file or "
                   "tensor the registry hashed is common to both")


def _blocking_of_decision(payload: dict[str, Any]) -> tuple[list[str] | None, str | None, list[str] | None]:
    """(blocking unwaived rule codes with names, boundary, model digests) of a logged decision's
    record; (None, ...) when the record cannot be read."""
    rec = payload.get("record")
    if not isinstance(rec, dict):
        return None, None, None
    found = rec.get("findings")
    if not isinstance(found, list):
        return None, None, None
    codes = [f"{f.get('code')} {f.get('name')}".strip() for f in found if isinstance(f, dict)
             and f.get("severity") == "blocking" and f.get("waived") is None]
    digests = (rec.get("digests") or {}).get("model") if isinstance(rec.get("digests"), dict) else None
    return codes, rec.get("boundary") or payload.get("boundary"), digests if isinstance(digests, list) else None


def _blocking_of_judgement(payload: dict[str, Any]) -> tuple[list[str] | None, str | None, list[str] | None]:
    """The same of a `judgement` entry (`casegate publish`): its `found` lists the blocking rules;
    one logged before judgements recorded what they found cannot tell (None)."""
    found = payload.get("found")
    blocking = found.get("blocking") if isinstance(found, dict) else None
    if not isinstance(blocking, list):
        return None, payload.get("boundary"), payload.get("models")
    codes = [str(b.get("code")) for b in blocking if isinstance(b, dict)]
    models = payload.get("models")
    return codes, payload.get("boundary"), models if isinstance(models, list) else None


def _narrower_no_go(payload: dict[str, Any], requested: BoundaryKind) -> list[str]:
    """The blocking rule codes of the widest boundary no wider than `requested` that the logged
    decision's gate run also tried and found NO-GO (`DecisionRecord.trials`: a NO-GO there is a
    NO-GO for every wider boundary); empty when it found none."""
    rec = payload.get("record")
    trials = rec.get("trials") if isinstance(rec, dict) else None
    if not isinstance(trials, list):
        return []
    failed = [t for t in trials if isinstance(t, dict) and t.get("outcome") == "NO-GO"
              and _RANK.get(str(t.get("boundary")), 99) <= requested.rank]
    if not failed:
        return []
    widest = max(failed, key=lambda t: _RANK[str(t.get("boundary"))])
    blocking = widest.get("blocking")
    return [str(c) for c in blocking] if isinstance(blocking, list) else []


def _judged_here(kind: str, payload: dict[str, Any], requested: BoundaryKind
                 ) -> tuple[list[str] | None, list[str] | None] | None:
    """A NO-GO entry's blocking findings and model digests as they bear on a deploy across
    `requested` (None where they say nothing of it): judged for a wider boundary, only a narrower
    boundary the decision also tried, no wider than this deploy, and found NO-GO says something of
    this one."""
    codes, boundary, models = (_blocking_of_decision(payload) if kind == "decision"
                               else _blocking_of_judgement(payload))
    if boundary is not None and _RANK.get(str(boundary), 0) > requested.rank:
        codes = _narrower_no_go(payload, requested) if kind == "decision" else []
        if not codes:
            return None
    return codes, models


def newer_no_go_problems(events: Sequence[Any], approved_version: int, case_id: str, requested: BoundaryKind,
                         model_digest: str | None, *, approved_at: int, log: Sequence[Any] = ()) -> list[str]:
    """Why the approval of `approved_version` of `case_id` (the state change at log entry
    `approved_at`) does not verify for a deploy of `model_digest` across `requested`: a NO-GO the
    log holds (a `decision` or a `judgement` entry, in `events`) on a later version, or on the
    approved version logged after entry `approved_at`, for the same model digest and a boundary no wider than
    `requested`, whose unwaived blocking findings include one outside `APPROVAL_RULES`; and, failing
    closed, such a NO-GO whose entry does not record which findings blocked it. A NO-GO whose
    entry does not say its version (or says one that is not a number) is taken as of a later
    version, and one that does not say its boundary or model digests as for this boundary and
    these weights (the version is of the same case). A NO-GO of a numbered version for other
    model digests stops it when that version is about the same model (`same_model`, read from
    `log`: the case's `case-version` entries and the `model-files` entries in view; a version
    whose system the log does not hold counts as the same model)."""
    out: list[str] = []
    for e in sorted(events, key=lambda x: x.index):
        p = e.payload if isinstance(e.payload, dict) else {}
        version = p.get("version")
        if p.get("outcome") != "NO-GO":
            continue
        # an entry that does not say which version it judged may be of a later one: failing
        # closed, it counts as one (a version recorded as an earlier one does not, nor the approved
        # one judged before its approval)
        unversioned = type(version) is not int
        again = not unversioned and version == approved_version
        if isinstance(version, int) and not unversioned and (
                version < approved_version or (again and e.index <= approved_at)):
            continue
        here = _judged_here(e.kind, p, requested)
        if here is None:
            continue
        codes, models = here
        tie = ""
        if models is not None and model_digest is not None and model_digest not in models:
            judged = version if not unversioned else _version_naming(log, case_id, models)
            if judged is None:
                continue  # another model, named by no version of the case
            same, how = same_model(log, case_id, approved_version, judged, [str(m) for m in models], model_digest)
            if not same:
                continue  # another model
            tie = f" (for model {', '.join(str(m)[:19] + '…' for m in models)}, but the same model: {how})"
        what = "the registry's judgement" if e.kind == "judgement" else "a gate run"
        which = (f"a version of case {case_id} the entry does not number (its version is {version!r}; it may be "
                 f"later than version {approved_version})" if unversioned else f"version {version} of case {case_id}")
        if again:
            which += f", {SAME_VERSION_AGAIN} (its approval is log entry {approved_at})"
        weights = "this model" if tie else "these weights"
        head = (f"{which}{tie} for {weights} {NEWER_NO_GO} by {what} (log entry {e.index}, "
                f"{str(e.recorded_at)[:10]})")
        if codes is None:
            out.append(f"{head}, and the entry does not record which findings blocked it, so whether the case or "
                       "its evidence says no cannot be established: the approval of version "
                       f"{approved_version} is not verified (run `casegate publish` against the registry on "
                       f"{'the version it judged' if unversioned else f'version {version}'}, which logs a "
                       "judgement that records them)")
            continue
        substantive = sorted({c for c in codes if c.split(" ")[0] not in APPROVAL_RULES})
        if not substantive:
            continue  # the review process alone (a draft not yet signed)
        says = ("the approved version, judged again, now says no" if again
                else "the case's own newer version says no")
        out.append(f"{head} on {', '.join(substantive)}: {says} for {weights}, "
                   f"so the approval of version {approved_version} no longer verifies; approve a newer version "
                   "that answers them (a new gate run and new sign-offs)")
    return out


OTHER_CASE = "another case about the same weights,"
"""The words of `verify`'s reason when the NO-GO is of another case id about the same model (a
cause of its own in `state show`)."""


def _same_model_elsewhere(log: Sequence[Any], case_id: str, approved_version: int, other: str, version: object,
                          models: list[str] | None, model_digest: str | None, log_from: int) -> tuple[bool, str]:
    """Whether `version` of case `other`, judged NO-GO for the model digests `models` (None: the
    entry does not say), is about the model `approved_version` of `case_id` measured, as the log
    shows it (`log`: `case-version` and `model-files` entries, from entry `log_from` on; 0: the
    whole log): (True, how) when a digest is common (the deploy's too); when the two versions'
    systems share a name and version or a digest (`casegate.store.model_keys`); or when the weights
    the registry hashed for the two share a weights file's bytes or a tensor
    (`casegate.store.LoggedModel.shared_weights`). (False, why) when the log shows another model;
    (True, why), failing closed, when a version's system is not in view."""
    systems = {(e.case_id, e.payload.get("version")): e.payload.get("system") for e in log
               if e.kind == "case-version" and isinstance(e.payload, dict)}
    mine = systems.get((case_id, approved_version))
    named = ({d for d in (mine.get("digests") or []) if isinstance(d, str)} if isinstance(mine, dict) else set()) \
        | ({model_digest} if model_digest else set())
    common = sorted(named & set(models or []))
    if common:
        return True, f"it names model digest {common[0][:19]}…, as version {approved_version} of case {case_id} does"
    number = version if type(version) is int else _version_naming(log, other, models or [])
    theirs = systems.get((other, number)) if number is not None else None
    if not isinstance(mine, dict) or not isinstance(theirs, dict):
        what = (f"version {approved_version} of case {case_id}" if not isinstance(mine, dict)
                else f"the version of case {other} it judged" if number is None else f"version {number} of case {other}")
        where = (f"the state proof starts at log entry {log_from}, and {what} is not among its entries"
                 if log_from else f"the log holds no readable system of {what}")
        return True, f"{where}, so whether it is about another model cannot be established"
    if model_keys(mine) & model_keys(theirs):
        return True, (f"its system is {theirs.get('name')!r} {theirs.get('version')!r}, as that of version "
                      f"{approved_version} of case {case_id} is")
    if how := _weights_in_common(logged_model(log, case_id, approved_version, named),
                                 logged_model(log, other, number, models or []),
                                 f"version {approved_version} of case {case_id}"):
        return True, how
    return False, (f"its system {theirs.get('name')!r} is not that of version {approved_version} of case {case_id}, "
                   "and no digest, weights file or tensor the registry hashed is common to both")


def other_case_no_go_problems(events: Sequence[Any], approved_version: int, case_id: str, requested: BoundaryKind,
                              model_digest: str | None, *, approved_at: int, log: Sequence[Any],
                              log_from: int = 0) -> list[str]:
    """Why the approval of `approved_version` of `case_id` (the state change at log entry
    `approved_at`) does not verify for a deploy of `model_digest` across `requested`: a NO-GO the
    log holds (a `decision` or `judgement` entry, in `events`) under another case id, logged after
    the approval, for a boundary no wider than `requested`, whose unwaived blocking findings include
    one outside `APPROVAL_RULES`, about the same model (`_same_model_elsewhere`, read from `log`:
    the `case-version` and `model-files` entries in view, from entry `log_from` on); and, failing
    closed, such a NO-GO about the same model whose entry does not record which findings blocked
    it. The approved case's own entries are `newer_no_go_problems`'."""
    out: list[str] = []
    for e in sorted(events, key=lambda x: x.index):
        p = e.payload if isinstance(e.payload, dict) else {}
        if p.get("outcome") != "NO-GO" or not e.case_id or e.case_id == case_id or e.index <= approved_at:
            continue
        here = _judged_here(e.kind, p, requested)
        if here is None:
            continue
        codes, models = here
        substantive = None if codes is None else sorted({c for c in codes if c.split(" ")[0] not in APPROVAL_RULES})
        if substantive == []:
            continue  # the review process alone (a draft not yet signed)
        version = p.get("version")
        same, how = _same_model_elsewhere(log, case_id, approved_version, e.case_id, version,
                                          [str(m) for m in models] if models is not None else None,
                                          model_digest, log_from)
        if not same:
            continue  # another model
        which = (f"version {version} of case {e.case_id}" if type(version) is int
                 else f"a version of case {e.case_id} the entry does not number")
        shown = f"for model {', '.join(str(m)[:19] + '…' for m in models)}, " if models else ""
        what = "the registry's judgement" if e.kind == "judgement" else "a gate run"
        head = (f"{which}, {OTHER_CASE} ({shown}the same model: {how}) {NEWER_NO_GO} by {what} "
                f"(log entry {e.index}, {str(e.recorded_at)[:10]})")
        if substantive is None:
            out.append(f"{head}, and the entry does not record which findings blocked it, so whether it says no "
                       f"for these weights cannot be established: the approval of version {approved_version} of "
                       f"case {case_id} is not verified")
            continue
        out.append(f"{head} on {', '.join(substantive)}: a case about the same weights says no for them, so the "
                   f"approval of version {approved_version} of case {case_id} no longer verifies; approve a version "
                   f"of case {case_id} that answers them (a new gate run and new sign-offs)")
    return out
