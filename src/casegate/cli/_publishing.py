"""`casegate publish CASE` without Typer: what the command does once its arguments are read.

`publish` on a large case is a release step run in CI beside `gate`; like `check` and `gate` (see
`_fast`), a plainly valid argument list is read without importing Typer, and the Typer command
calls the same function. This module does not import Typer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ._common import configured_registry, decided_hashed, err, out, parse_date, trust_root_path


@contextlib.contextmanager
def salt_source(salt_store: Path | None, db: str | None, *, fresh: bool) -> Iterator[Any]:
    """The salts of redacted elements: kept in `salt_store` when given, else in the registry
    (`db`, $CASEGATE_DATABASE_URL or ./.casegate/registry.db), else nowhere (publishing something redacted is refused)."""
    from ..publish import Salts
    from ..store import FileSaltStore, RegistrySalts

    if salt_store is not None:
        yield Salts(FileSaltStore(salt_store), fresh=fresh)
        return
    reg = configured_registry(db)
    if reg is None:
        yield Salts(None, fresh=fresh, where="no salt store (pass --db or --salt-store)")
        return
    try:
        yield Salts(RegistrySalts(reg), fresh=fresh)
    finally:
        reg.close()


_DIAGRAM_MAX_NODES = 150
"""Above this many nodes the diagram shows the module overview (one node per part of the
argument) instead of every element: a page must stay readable."""


def _diagram(case: Any, findings: Iterable[Any], redactions: Mapping[str, str], public: bool,
             basis: Mapping[str, str] | None = None) -> str:
    """The argument diagram from the diagram layer, findings and redactions marked, each evidence
    item labelled derived or declared."""
    from ..render import argument_overview, diagram_svg, findings_by_element, render_svg

    if len(case.argument.elements) + len(case.evidence) <= _DIAGRAM_MAX_NODES:
        return diagram_svg(case, findings, redactions, public, basis)
    overview = argument_overview(case, findings=findings_by_element(findings), redactions=dict(redactions),
                                 public=public, basis=basis)
    return render_svg(overview, title=f"{case.title}: overview of the argument's parts")


def _charts(loaded: Any, day: Any, withheld: frozenset[str], artifacts: Any = None) -> list[str]:
    """The decision's charts from the gate's own numbers: thresholds, then residual risk
    (`artifacts`: the evidence artifacts as hashed for this run; default: hashed now)."""
    from ..gate import measures
    from ..render import risk_chart, threshold_chart

    m = measures(loaded, day, artifacts)
    if m is None:
        return []
    return [threshold_chart(m.thresholds, withheld=withheld), risk_chart(m.pathways, withheld=withheld)]


def _read_digests(loaded: Any, artifacts: Mapping[str, Any]) -> dict[Path, str]:
    """Absolute path -> sha256 of every file this run has already read and hashed: the case's
    files as loaded (and its policy), and each evidence artifact and pinned further file as the
    gate hashed it (`artifacts`). The stored version is matched on these, the bytes the summary
    shows, without reading and hashing the files again."""
    known: dict[Path, str] = {f.abspath: f.sha256 for f in loaded.files}
    pf = loaded.policy_file
    if pf is not None and not pf.path.startswith("builtin:"):
        known[pf.abspath] = pf.sha256
    if loaded.case is None:
        return known
    for eid in loaded.case.evidence:
        state = artifacts.get(eid)
        p = loaded.artifact_path(eid)
        if state is None or p is None:
            continue
        if state.exists and state.actual_sha256 is not None:
            known[p] = state.actual_sha256
        for c in state.companions:  # resolved as `rehash_artifacts` resolved them
            if c.exists and c.actual_sha256 is not None:
                known[(p.parent / c.name).resolve()] = c.actual_sha256
    return known


def _stored_version(reg: Any, views: tuple[Any, Any], known: Mapping[Path, str]) -> int:
    """The number of the stored version whose files are exactly the case's; InputError when the
    registry holds no such version (the files were changed, or never submitted). `views`: the
    case as loaded (as `registry submit` stores it) and as the gate read it (with the sign-offs
    and attestations it found beside the case): the files of either must be a stored version's.
    `known`: the files' sha256 as this run read them (`_read_digests`)."""
    from ..errors import InputError

    found = None
    for view in views:
        found = reg.stored_number_of(view, known)
        if found is not None:
            break
    loaded = views[0]
    if found is None:
        versions = reg.case_versions(loaded.case.id)
        raise InputError(
            f"the registry holds case {loaded.case.id} ({len(versions)} version(s)), but none with these files: "
            "a publication recorded there must be of a version it stores",
            location=loaded.case_path,
            help="submit this version first (`casegate registry submit`; it is then reviewed as any new "
                 "version), or publish the files of a version the registry stores")
    return int(found)


def _registry_facts(views: tuple[Any, Any], db: str | None, keyring: Path | None = None,
                    artifacts: Mapping[str, Any] | None = None) -> Any:
    """What the registry holds about the case (its logged objections and lifecycle state), for
    the summary; None without a registry, or when it does not know the case. With a keyring, its
    signed objections stand as the gate judges them under the case's policy. InputError, before
    anything is written, when it knows the case but stores no version with these files.
    `artifacts`: the evidence artifacts as the gate hashed them in this run (their digests are
    not worked out again)."""
    from ..publish import registry_facts

    loaded = views[0]
    if loaded.case is None:
        return None
    judge = None
    if keyring is not None and views[1].policy is not None and views[1].case is not None:
        from ..sign import load_keyring

        case = views[1].case
        judge = (load_keyring(keyring), views[1].policy.signoff, case.boundary.kind if case.boundary else None)
    reg = configured_registry(db)
    if reg is None:
        return None
    try:
        if loaded.case.id not in reg.case_ids():
            return None
        known = _read_digests(views[1], artifacts or {})
        facts = registry_facts(reg, loaded.case.id, _stored_version(reg, views, known), judge)
        import dataclasses

        return dataclasses.replace(facts, conditions=condition_standings(
            reg, loaded.case.id, facts.version, judge[0] if judge is not None else None))
    finally:
        reg.close()


def condition_standings(reg: Any, case_id: str, version: int, keyring: Any) -> dict[str, str]:
    """Condition id -> where the registry's log finds each condition it logged for decisions on
    `version` (the latest that set it), as of the log's clock: met (when; late or not), or past its
    due date with nothing that counts showing it met. Without a keyring no confirmation counts
    (`condition_statuses`): a condition past its date reads overdue."""
    from ..monitor import condition_statuses
    from ..store import log_time

    versions = {e.payload.get("decision"): e.payload.get("version") for e in reg.events(case_id, "condition")}
    today = log_time().date()
    out: dict[str, str] = {}
    for st in condition_statuses(reg, case_id, keyring=keyring):  # in log order: the latest decision last
        if versions.get(st.decision) != version:
            continue
        out.pop(st.id, None)
        if st.met:
            late = f", after its due date {st.due.isoformat()}" if st.late and st.due is not None else ""
            out[st.id] = f"met on {st.met_on}{late}"
        elif st.overdue(today):
            assert st.due is not None
            out[st.id] = (f"overdue: due {st.due.isoformat()}, and nothing the registry logs shows it met "
                          f"(as of {today.isoformat()})")
    return out


def _default_out(loaded: Any) -> Path:
    case_id = loaded.case.id if loaded.case is not None else Path(loaded.case_path).stem
    return Path("out") / case_id


def _registry_knows(loaded: Any, db: str | None) -> bool:
    """Whether the configured registry (see `configured_registry`) holds the case."""
    if loaded.case is None:
        return False
    reg = configured_registry(db)
    if reg is None:
        return False
    try:
        return bool(loaded.case.id in reg.case_ids())
    finally:
        reg.close()


def _publication_stamp(loaded: Any, version: int, outcome: str, db: str | None, keyring: Path | None,
                       trust_root: Path | None, unpinned: bool) -> dict[str, Any]:
    """What is logged with a summary the registry records (the keyring, the trust root version it
    is pinned by); VerificationError, before anything is written, when the registry would not
    record it: a keyring or a policy the trust root does not pin (or has replaced), or an outcome
    its own judgement of the version does not share."""
    from ..approve import publication_keyring
    from ..errors import VerificationError
    from ..store import judged_outcome

    reg = configured_registry(db)
    try:
        case_id = loaded.case.id
        _, stamp = publication_keyring(reg, case_id, version, keyring, trust_root_path(trust_root), unpinned=unpinned,
                                       policy=loaded, outcome=outcome)
        own = judged_outcome(reg, case_id, version)
    finally:
        reg.close()
    if own is not None and own[0] != outcome:
        raise VerificationError(
            f"publish judges version {version} of {case_id} {outcome}, but the registry's own judgement of it "
            f"(log entry {own[1]}) is {own[0]}: the registry records only a summary that says what it decided",
            help="publish the files of the version the registry judged, with the keyring the trust root pins; or "
                 "add --no-record for a local preview")
    return stamp


def run_publish(case: Path, out_dir: Path | None = None, at: str | None = None, format: str = "md,html,json,svg",
                level: str = "public", salt_store: Path | None = None, db: str | None = None,
                keyring: Path | None = None, trust_root: Path | None = None, unpinned: bool = False,
                no_record: bool = False) -> int:
    """`casegate publish CASE`: run the gate and write the public summary (summary.md,
    summary.html, summary.json, and the redacted argument as summary.svg). Each redacted element
    gets a fresh random salt for this version, kept privately (registry or --salt-store) before
    anything is written. With a registry that holds the case the summary is recorded there, judged
    as the registry judges: under the keyring the trust root pins, compared with what the registry
    remembers, as of the registry's clock (refused otherwise, before anything is written; with
    `no_record` a local preview is written and not recorded). Returns the exit code (0: written;
    errors are raised)."""
    from ..errors import InputError
    from ..load import load_case
    from ..publish import parse_formats, parse_level, publish, readable_case
    from ..store import log_time

    formats = parse_formats(format)
    lv = parse_level(level)
    raw = load_case(case)
    recording = not no_record and _registry_knows(raw, db)
    judged_at = log_time()
    if recording and at is not None:
        raise InputError(
            f"--at {at}: a summary recorded in the registry is judged as of the registry's clock "
            f"({judged_at.date().isoformat()}), not a date the publisher picks",
            help="drop --at, or add --no-record for a local preview as of that date")
    day = judged_at.date() if recording else parse_date(at)
    # the artifacts hashed once, for the decision and for what is published: the case, the basis
    # and the charts; compared, as `gate` is, with what the registry remembers
    loaded, record, artifacts = decided_hashed(raw, keyring, day, compare=True, db=db)
    pub_plan = readable_case(loaded, artifacts).publication
    if pub_plan is not None and not pub_plan.summary:
        err("warning: the case's publication plan says no public summary (publication.summary: false)")
    try:
        facts = _registry_facts((raw, loaded), db, keyring, artifacts)
    except InputError:
        if not no_record:
            raise
        facts = None  # a preview of files the registry does not store: without what it holds
    stamp = None
    if recording and facts is not None and record is not None and loaded.case is not None:
        stamp = _publication_stamp(loaded, facts.version, record.outcome, db, keyring, trust_root, unpinned)
    from ..publish import PreviewMark

    as_of = record.decided_at if record is not None else day.isoformat() if day is not None else "the case's date"
    preview = PreviewMark(judged_as_of=as_of, keyring=keyring is not None) if no_record else None
    with salt_source(salt_store, db, fresh=True) as salts:
        result = publish(loaded, out_dir or _default_out(loaded), salts=salts, formats=formats, level=lv,
                         today=day, record=record,
                         diagram=_diagram, artifacts=artifacts,
                         charts=lambda lo, d, withheld: _charts(lo, d, withheld, artifacts), facts=facts,
                         preview=preview)
    s = result.summary
    for path in result.files.values():
        out(f"wrote {path}")
    out(f"{s.case['id']} {s.case['version']}: {s.decision.outcome}; published for the {lv.value} "
        f"audience with {len(s.redactions)} element(s) redacted")
    if s.redactions:
        err(f"kept the salts of the redacted elements in {salts.where}: disclosures need them")
    from ..publish import withheld_conditions

    hidden = withheld_conditions(s)
    if hidden:
        err(f"warning: {hidden} of the decision's {len(s.decision.conditions)} condition(s) are withheld from the "
            f"{lv.value} audience because they concern redacted content; the summary says so, but not what "
            "they are (publish at a wider level, or state the conditions in words the audience may see)")
    if no_record:
        err("note: --no-record: a local preview, judged under the keyring given; it is not recorded in any "
            "registry and is not the version's public summary")
        return 0
    reg = configured_registry(db)
    if reg is None:
        err("note: no registry (no --db, no $CASEGATE_DATABASE_URL, no ./.casegate/registry.db): the "
            "summary is written to files only, and no review board shows it")
        return 0
    from ..approve import record_published
    from ..sign import iso  # the signing stack: only for a summary the registry records
    from ..store import CanonicalJSON

    try:
        if facts is None or stamp is None or record is None:
            err(f"note: the registry has no case {s.case['id']}: the summary was not recorded there "
                f"(`casegate registry submit {case}` first)")
            return 0
        # the files were matched to the stored version `facts.version` (`_registry_facts`) before
        # anything was written; matching them again here would read and hash every file a second
        # time and prove nothing more about the case as loaded, which is what the summary shows.
        # The JSON of the files just written, read with its canonical bytes (written once), judged
        # from what the summary was built from (`result.inputs`):
        entry = record_published(reg, record, CanonicalJSON.of_text(result.json_text or s.model_dump_json()),
                                 version=facts.version, judged={**stamp, "at": iso(judged_at)}, case=loaded.case,
                                 inputs=result.inputs)
        out(f"recorded the publication in the registry (log entry {entry.index}); "
            f"`casegate serve` shows it at /public/cases/{s.case['id']}")
        if stamp.get("demonstration"):
            out(f"DEMONSTRATION, not a release: the log records it beside the publication: {stamp['demonstration']}")
    finally:
        reg.close()
    return 0
