"""Publishing a case: run the gate, redact, write the summary; disclose and verify openings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..load import Loaded
from ..model import Case, Confidentiality, DecisionRecord, Finding, Policy, RuleSeverity
from ._commit import Opening, Salts, parse_opening, read_json, verify_opening
from ._preview import mark_svg
from ._redact import iter_redactable, pointer_of, resolve_element, seal
from ._render import render
from ._summary import PublicSummary, build_summary, write_summary_json
from ._views import PreviewMark

if TYPE_CHECKING:
    from ..evidence import ArtifactState
    from ._registry import RegistryFacts

FORMATS = ("md", "html", "json", "svg")
"""Formats of the public summary (svg: the redacted argument diagram, when a drawer is given)."""

DiagramFn = Callable[[Case, Iterable[Finding], Mapping[str, str], bool, Mapping[str, str]], str]
"""Draws the argument as SVG: (case, findings, redactions id -> commitment, public, evidence id ->
basis 'derived' / 'declared' / 'not derived') -> SVG text. The caller supplies it so this layer
does not depend on the diagram layer."""

ChartsFn = Callable[[Loaded, dt.date, frozenset[str]], list[str]]
"""Draws the decision's charts (SVG documents) for a loaded case as of the decision date, with
the numbers of the given ids (redacted evidence, pathways, thresholds) withheld. Supplied by the
caller, like `DiagramFn`."""


def withheld_ids(summary: PublicSummary) -> frozenset[str]:
    """Ids whose numbers a chart for this summary's audience must not show: redacted evidence,
    safeguards, pathways and residual-risk entries."""
    return frozenset(r.id for r in summary.redactions
                     if r.pointer.startswith(("/evidence/", "/safeguards/", "/threat_model/", "/residual_risk/")))


def decision_day(record: DecisionRecord) -> dt.date:
    return dt.date.fromisoformat(record.decided_at[:10])


@dataclass(frozen=True)
class SummaryInputs:
    """What a public summary of one loaded case is built from besides its decision, derived once
    (`summary_inputs`): `publish` builds the summary from it, and the registry's judgement of the
    version (`casegate.approve.summary_judgement`) records what a summary built from it shows, so
    the two cannot be built from different policies, folders or evidence."""

    case: Case
    """The case as its evidence artifacts show it (`readable_case`)."""
    policy: Policy | None
    basis: dict[str, str]
    """`evidence_basis`."""
    folder: Path
    """The case file's folder, which the findings' files are given relative to."""
    verifiers: dict[str, tuple[str, ...]]
    """`casegate.evidence.attested_verifiers`."""
    facts: RegistryFacts | None = None
    """What the registry holds about the case (None: no registry)."""

    def build(self, record: DecisionRecord, *, salts: Salts,
              level: Confidentiality = Confidentiality.public) -> PublicSummary:
        """`build_summary` of this case and `record` for `level`."""
        return build_summary(self.case, record, salts=salts, level=level, policy=self.policy, basis=self.basis,
                             facts=self.facts, folder=self.folder, verifiers=self.verifiers)


def summary_inputs(loaded: Loaded, artifacts: Mapping[str, ArtifactState] | None = None,
                   facts: RegistryFacts | None = None) -> SummaryInputs:
    """The `SummaryInputs` of `loaded` (InputError when its case cannot be read, as
    `readable_case`). `artifacts`: as hashed for this run (default: hashed now)."""
    from ..evidence import attested_verifiers, rehash_artifacts

    if artifacts is None:
        artifacts = rehash_artifacts(loaded)
    return SummaryInputs(case=readable_case(loaded, artifacts), policy=loaded.policy,
                         basis=evidence_basis(loaded, artifacts), folder=Path(loaded.case_path).parent,
                         verifiers=attested_verifiers(loaded, dict(artifacts)), facts=facts)


@dataclass
class Published:
    """What `publish` wrote."""

    summary: PublicSummary
    record: DecisionRecord
    inputs: SummaryInputs
    """What the summary was built from (`summary_inputs`), from which the registry's judgement of
    it is made (`casegate.approve.summary_judgement`)."""
    files: dict[str, Path] = field(default_factory=dict)
    """Format -> path written."""
    json_text: bytes | None = None
    """The summary as JSON, as `summary.json` holds it (None when that was not written): what
    is recorded in a registry is read from these bytes, not serialised once more."""


def parse_formats(value: str) -> list[str]:
    """`md,html,json` -> the formats, validated."""
    out = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in out if f not in FORMATS]
    if bad or not out:
        raise InputError(f"unknown summary format {', '.join(bad) or '(none)'}",
                         help="formats are md, html, json and svg, comma-separated")
    return list(dict.fromkeys(out))


def decide(loaded: Loaded, today: dt.date | None) -> DecisionRecord:
    """The gate's decision on the loaded case."""
    from ..gate import run_gate

    return run_gate(loaded, today=today)


def readable_case(loaded: Loaded, artifacts: Mapping[str, ArtifactState] | None = None) -> Case:
    """The loaded case as its evidence artifacts show it (derived values in place of the record's),
    or an InputError naming the first load finding when it could not be built. `artifacts`: the
    artifacts as hashed for this run (default: hashed now)."""
    if loaded.case is None:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        where = f"{first.location.file}:{first.location.line}: " if first and first.location else ""
        raise InputError(f"{loaded.case_path}: the case cannot be read, so nothing can be published",
                         help=f"{where}{first.message if first else 'run `casegate check` to see why'}")
    # what is published is what the evidence artifacts show, as the gate counted it
    from ..evidence import facts_for, rehash_artifacts

    effective, _ = facts_for(loaded, dict(artifacts) if artifacts is not None else rehash_artifacts(loaded))
    return effective if effective is not None else loaded.case


def evidence_basis(loaded: Loaded, artifacts: Mapping[str, ArtifactState] | None = None) -> dict[str, str]:
    """Evidence id -> where its values come from, as the gate derived them: 'derived' (read from
    its artifact), 'declared' (no artifact casegate reads) or 'not derived' (its artifact gave
    nothing). Every item is 'declared' when the case or policy could not be built. `artifacts`:
    the artifacts as hashed for this run (default: hashed now)."""
    from ..evidence import facts_for, rehash_artifacts

    if loaded.case is None:
        return {}
    _, facts = facts_for(loaded, dict(artifacts) if artifacts is not None else rehash_artifacts(loaded))
    if facts is None:
        return dict.fromkeys(loaded.case.evidence, "declared")
    return facts.bases()


def summary_basis(summary: PublicSummary) -> dict[str, str]:
    """Evidence id -> basis, as the summary states it (for its diagram)."""
    return {e.id: e.basis for e in summary.evidence if e.basis is not None}


def diagram_redactions(summary: PublicSummary) -> dict[str, str]:
    """Argument-element and evidence id -> commitment, for a diagram of the redacted argument."""
    out: dict[str, str] = {}
    for r in summary.redactions:
        if r.pointer.startswith("/argument/elements/") or r.pointer.startswith("/evidence/"):
            out[r.id] = r.commitment
    return out


def diagram_findings(summary: PublicSummary) -> list[Finding]:
    """The summary's findings that stand (not waived) on an element it shows, as findings a
    diagram marks: the board draws the published argument with the marks the summary's own
    diagram carries on its public elements (a finding inside a redacted element has no element in
    the summary, and is not placed)."""
    out: list[Finding] = []
    for f in summary.decision.findings:
        if f.waived or not f.element or not f.element.startswith("/"):
            continue
        path = tuple(part.replace("~1", "/").replace("~0", "~") for part in f.element[1:].split("/"))
        try:
            severity = RuleSeverity(f.severity)
        except ValueError:
            continue
        out.append(Finding(code=f.code, name=f.name, severity=severity, message=f.message or "", path=path))
    return out


def publish(
    loaded: Loaded,
    out_dir: Path,
    *,
    salts: Salts,
    formats: Iterable[str] = FORMATS,
    level: Confidentiality = Confidentiality.public,
    today: dt.date | None = None,
    record: DecisionRecord | None = None,
    diagram: DiagramFn | None = None,
    charts: ChartsFn | None = None,
    artifacts: Mapping[str, ArtifactState] | None = None,
    facts: RegistryFacts | None = None,
    preview: PreviewMark | None = None,
) -> Published:
    """Run the gate (unless `record` is given) and write the summary in each format to `out_dir`
    as `summary.<format>`. The diagram of the redacted argument (`diagram`) is written as
    `summary.svg` and embedded in the HTML; without `diagram` there is no svg. The charts
    (`charts`) are embedded in the HTML and, with the svg format, written as `summary.chart-N.svg`
    beside it, which the Markdown then shows. `artifacts`: the evidence artifacts as hashed for
    this run (default: hashed here, once, for the case and the basis alike). `facts`: what the
    registry holds about the case (its logged objections and lifecycle state), which the summary
    states. `preview`: the summary is a local preview, recorded nowhere; every file says so."""
    from ..evidence import rehash_artifacts

    if artifacts is None:
        artifacts = rehash_artifacts(loaded)
    inputs = summary_inputs(loaded, artifacts, facts)
    case = inputs.case
    if record is None:
        record = decide(loaded, today)
    else:
        _same_files(loaded, record)
    summary = inputs.build(record, salts=salts, level=level)
    _never_redacted(loaded, record, summary)
    if preview is not None:
        summary = summary.model_copy(update={"preview": preview})
    out_dir.mkdir(parents=True, exist_ok=True)
    result = Published(summary=summary, record=record, inputs=inputs)
    formats = list(formats)
    svg = None
    if diagram is not None and ("svg" in formats or "html" in formats):
        svg = diagram(case, record.findings, diagram_redactions(summary), level is Confidentiality.public,
                      summary_basis(summary))
    chart_svgs = (charts(loaded, decision_day(record), withheld_ids(summary))
                  if charts is not None and ("svg" in formats or "html" in formats) else [])
    if preview is not None:  # a picture passed on alone says it is a preview too
        svg = mark_svg(svg, preview.note) if svg is not None else None
        chart_svgs = [mark_svg(c, preview.note) for c in chart_svgs]
    chart_files = []
    for i, chart in enumerate(chart_svgs if "svg" in formats else [], 1):
        path = out_dir / f"summary.chart-{i}.svg"
        path.write_text(chart, encoding="utf-8")
        result.files[f"chart-{i}"] = path
        chart_files.append(path.name)
    for fmt in formats:
        path = out_dir / f"summary.{fmt}"
        if fmt == "svg":
            if svg is None:
                continue
            text = svg
        elif fmt == "json":  # the largest file: written from the serializer's bytes
            result.json_text = write_summary_json(summary, path)
            result.files[fmt] = path
            continue
        elif fmt == "md":
            text = render("summary.md.j2", s=summary, chart_files=chart_files)
        else:
            text = render("summary.html.j2", s=summary, svg=svg, charts=chart_svgs)
        path.write_text(text, encoding="utf-8")
        result.files[fmt] = path
    return result


def _never_redacted(loaded: Loaded, record: DecisionRecord, summary: PublicSummary) -> None:
    """InputError, before any file is written, when the summary redacts what the policy's
    `publication.never_redacted` says a summary may not: an element of a type it names, or the
    element an unwaived finding of a severity it names lies in. The case's words on what it
    withholds and why (`publication.withheld`) do not enter into it."""
    rule = loaded.policy.publication.never_redacted if loaded.policy is not None else None
    if rule is None or not (rule.findings or rule.types) or not summary.redactions:
        return
    redacted = {r.pointer: r for r in summary.redactions}

    def holder(parts: tuple[str | int, ...]) -> str | None:
        p = pointer_of(parts)
        while p:
            if p in redacted:
                return p
            p = p[:p.rfind("/")]
        return None

    problems: list[str] = []
    for r in summary.redactions:
        if r.type in rule.types:
            problems.append(f"{r.pointer} (a {r.type}: publication.never_redacted.types)")
    seen = {x.split(" ", 1)[0] for x in problems}
    for f in record.findings:
        if f.waived is not None or f.severity.value not in rule.findings or not f.path:
            continue
        at = holder(tuple(f.path))
        if at is not None and at not in seen:
            seen.add(at)
            problems.append(f"{at} (its {f.severity.value} finding {f.code} {f.name}: "
                            "publication.never_redacted.findings)")
    if problems:
        where = loaded.policy_file.path if loaded.policy_file is not None else "the policy"
        shown = "; ".join(problems[:10]) + (f"; and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise InputError(
            f"{loaded.case_path}: the summary for the {summary.level.value} audience would redact what the policy "
            f"({where}) says a summary may never redact: {shown}",
            help="lower these elements' `confidentiality` to the published level (or publish at a level that shows "
                 "them); the case's `publication.withheld` reason does not lift the policy's rule")


def _same_files(loaded: Loaded, record: DecisionRecord) -> None:
    """InputError unless `record` is the gate's decision on exactly these files: the same case id
    and version, every case file and the policy with the bytes the record names. A summary shows
    the record's outcome, conditions and findings as the decision on the case it describes; one
    made of another version's (an earlier GO), or of the same version's files before an edit, is
    refused before anything is written."""
    from ..gate import input_digests

    case = loaded.case
    assert case is not None
    files = input_digests(loaded, {}).case_files
    problems = []
    if (record.case_id, record.case_version) != (case.id, case.version):
        problems.append(f"it decides {record.case_id} version {record.case_version}, not {case.id} version "
                        f"{case.version}")
    if dict(record.digests.case_files) != files:
        changed = sorted(k for k in files.keys() | record.digests.case_files.keys()
                         if files.get(k) != record.digests.case_files.get(k))
        problems.append("the files it was made of differ from these: " + ", ".join(changed[:5])
                        + (f" and {len(changed) - 5} more" if len(changed) > 5 else ""))
    policy = loaded.policy_file.sha256 if loaded.policy_file else None
    if record.digests.policy != policy:
        problems.append("it was made under another policy file")
    if problems:
        raise InputError(f"{loaded.case_path}: the decision record given is not the gate's decision on this case: "
                         + "; ".join(problems),
                         help="publish without a record (the gate runs on the case), or with the record the gate "
                              "made of these files")


def summary_html(summary: PublicSummary, svg: str | None = None, charts: list[str] | None = None) -> str:
    """The published summary as a standalone HTML page (what `summary.html` holds)."""
    return render("summary.html.j2", s=summary, svg=svg, charts=charts or [])


def disclose(case: Case, element: str, *, salts: Salts) -> Opening:
    """The opening of one element's commitment: its pointer, salt and content, with the salt
    kept when the element was published (`salts` only reads; NoSaltKept when none is kept)."""
    parts, model = resolve_element(case, element)
    sealed = seal(case, salts, parts, model)
    return Opening(case=case.id, case_version=case.version, element=pointer_of(parts),
                   type=sealed.type, salt=sealed.salt.hex(), content=sealed.content,
                   commitment=sealed.commitment)


def verify_disclosure(summary_path: Path, opening_path: Path) -> Opening:
    """Check an opening file against a published summary file. Returns the opening when it
    verifies; raises VerificationError when it does not, InputError when a file is unreadable."""
    summary: dict[str, Any] = read_json(summary_path, "public summary (summary.json)")
    opening = parse_opening(read_json(opening_path, "opening"), str(opening_path))
    verify_opening(summary, opening, str(summary_path))
    return opening


def redactable_ids(case: Case) -> list[str]:
    """Pointers of every element that carries a confidentiality level."""
    return [pointer_of(p) for p, _ in iter_redactable(case)]
