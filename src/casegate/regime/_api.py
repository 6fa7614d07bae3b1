"""Writing regime documents and incident-report drafts, and gathering what the registry
remembers for them."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from ..checks import RegistryFacts
from ..errors import InputError
from ..model import Case, Policy, Regime
from ..monitor import ReportClock, report_clocks
from ..store import Registry
from ._document import RegimeDoc

if TYPE_CHECKING:
    from ..sign import Keyring


def _md_escape(value: Any) -> Any:
    # text from a case must never become markup where Markdown is shown as HTML: a backslash
    # escape keeps `<` and `>` literal and readable in the source; a bidirectional override or an
    # invisible character is shown as an escape (`page_text`), as on every other page
    if isinstance(value, str):
        from ..terminal import page_text

        return page_text(value).replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>")
    return value


def _page_value(value: Any) -> Any:
    from ..publish import page_value

    return page_value(value)


@cache
def _env(markdown: bool) -> jinja2.Environment:
    from ..monitor import iso

    env = jinja2.Environment(loader=jinja2.PackageLoader("casegate.regime", "templates"),
                             autoescape=not markdown, finalize=_md_escape if markdown else _page_value,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["utc"] = iso
    return env


def render(template: str, **context: Any) -> str:
    return _env(template.endswith(".md.j2")).get_template(template).render(**context)


def write_document(doc: RegimeDoc, out_dir: Path, *, pdf: bool = False) -> dict[str, Path]:
    """Write the document as HTML and Markdown (and PDF with the `pdf` extra) to `out_dir`,
    named after the regime and document; returns format -> path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{doc.regime.id}.{doc.document_id}"
    files: dict[str, Path] = {}
    html = render("document.html.j2", d=doc)
    files["html"] = out_dir / f"{stem}.html"
    files["html"].write_text(html, encoding="utf-8")
    files["md"] = out_dir / f"{stem}.md"
    files["md"].write_text(render("document.md.j2", d=doc), encoding="utf-8")
    if pdf:
        from ..publish import html_to_pdf

        files["pdf"] = out_dir / f"{stem}.pdf"
        html_to_pdf(html, files["pdf"], base_url=out_dir)
    return files


def registry_facts(reg: Registry, case: Case, policy: Policy | None = None) -> RegistryFacts:
    """What the registry remembers about the case for regime documents: the version this one
    follows and what changed since, and the incidents recorded against it. `policy`: the case's
    (the tools its boundary's words grant are read under it, `changes_between`)."""
    from ..monitor import VersionCache

    if reg.case_state(case.id) is None:
        return RegistryFacts()
    versions = reg.case_versions(case.id)
    earlier = [v for v in versions if v.declared_version != case.version]
    changes: list[str] = []
    previous = None
    if earlier:
        prev = earlier[-1]
        previous = f"version {prev.declared_version} (#{prev.number})"
        stored = VersionCache(reg).get(case.id, prev.number)
        changes = changes_between(stored.case, case, old_policy=stored.policy, new_policy=policy)
    from ..monitor import added_domains, domains_shown, rated_severities, severity_shown

    incidents = []
    rated = rated_severities(reg, case.id)
    added = added_domains(reg, case.id)
    for e in reg.events(case.id, "incident"):
        p = e.payload
        severity = severity_shown(p.get("severity"), rated.get(e.index))
        domains = domains_shown(p.get("domain"), added.get(e.index, ()))
        incidents.append(f"incident #{e.index} on {p.get('date')} ({domains}, {severity}): "
                         f"{p.get('title') or p.get('description')}")
    return RegistryFacts(previous=previous, changes=tuple(changes), incidents=tuple(incidents))


def changes_between(old: Case, new: Case, *, old_policy: Policy | None = None,
                    new_policy: Policy | None = None) -> list[str]:
    """The changes between two versions a regulator asks about, one line each: model, boundary,
    risk domains, evidence, safeguards, residual risk and claims added or removed. The boundary's
    tools are the ones it grants, its words' too, as the gate weighs them (`granted_tools`), where
    both versions' policies are given (the words are read under each version's own), and its list
    besides: a change to either is a change."""
    from ..checks._derived import granted_tools_of

    out: list[str] = []
    if set(old.system.digests) != set(new.system.digests):
        out.append("the model digests changed")
    ob, nb = old.boundary, new.boundary
    granted = (old_policy is not None and new_policy is not None
               and set(granted_tools_of(old, old_policy)) != set(granted_tools_of(new, new_policy)))
    if (ob.kind if ob else None) != (nb.kind if nb else None):
        out.append(f"the boundary changed from {ob.kind.value if ob else 'none'} to {nb.kind.value if nb else 'none'}")
    elif ob and nb and (set(ob.tools) != set(nb.tools) or granted or ob.scope != nb.scope):
        out.append("the boundary's tools or scope changed")

    def delta(label: str, a: set[str], b: set[str]) -> None:
        if b - a:
            out.append(f"{label} added: {', '.join(sorted(b - a))}")
        if a - b:
            out.append(f"{label} removed: {', '.join(sorted(a - b))}")

    delta("risk domains addressed", {d for d, t in old.threat_model.items() if t.scoped_out is None},
          {d for d, t in new.threat_model.items() if t.scoped_out is None})
    delta("evidence", set(old.evidence), set(new.evidence))
    changed = sorted(e for e in set(old.evidence) & set(new.evidence) if old.evidence[e] != new.evidence[e])
    if changed:
        out.append(f"evidence changed: {', '.join(changed)}")
    delta("safeguards", set(old.safeguards), set(new.safeguards))
    delta("residual-risk entries", set(old.residual_risk), set(new.residual_risk))
    delta("claims", {k for k, e in old.argument.elements.items() if e.claim is not None},
          {k for k, e in new.argument.elements.items() if e.claim is not None})
    return out


def draft_incident_report(reg: Registry, case_id: str, incident: int, cls: str, *, at: dt.datetime,
                          notice: str, keyring: Keyring | None = None) -> tuple[str, ReportClock]:
    """A Markdown draft of one regime report of an incident: the incident, the case, the
    triggers it fired and the clock (filed only by a filing that counts against `keyring`, see
    `report_clocks`). InputError when the incident owes no such report."""
    from ..monitor import VersionCache, current_approval

    every = report_clocks(reg, case_id, keyring)
    clocks = [c for c in every if c.incident == incident and c.cls == cls]
    if not clocks:
        owed = ", ".join(f"#{c.incident} {c.cls}" for c in every) or "none"
        raise InputError(f"incident #{incident} of {case_id} owes no {cls} report",
                         help=f"reports owed: {owed}")
    clock = clocks[0]
    entry = next(e for e in reg.events(case_id, "incident") if e.index == incident)
    inc = entry.payload
    number = (inc.get("defeats") or {}).get("version")
    appr = current_approval(reg, case_id)
    number = number or (appr.version if appr else None)
    system, version, boundary = "", None, None
    if number is not None:
        v = VersionCache(reg).get(case_id, int(number))
        s = v.case.system
        system = f"{s.name} version {s.version} (digests {', '.join(s.digests)})"
        version = v.case.version
        boundary = v.case.boundary.kind.value if v.case.boundary else None
    fired = [e.payload for e in reg.events(case_id, "trigger-fired")
             if (e.payload.get("details") or {}).get("incident") == incident]
    text = render("incident.md.j2", c=clock, inc=inc, at=at, notice=notice, system=system,
                  case_id=case_id, version=version, boundary=boundary, fired=fired,
                  defeats=(inc.get("defeats") or {}).get("claims") or [])
    return text, clock


def regime_notice(regimes: list[Regime], cls: str) -> str:
    rid = cls.partition(":")[0]
    for r in regimes:
        if r.id == rid:
            return r.notice
    return Regime.model_fields["notice"].default  # type: ignore[no-any-return]


def regime_overview(loaded: Any, reg: Registry | None, at: dt.datetime,
                    keyring: Keyring | None = None) -> list[dict[str, Any]]:
    """Per regime of the case: each document with its filled sections and gaps (without the
    decision: sections the decision fills count as filled), and the incident reports owed with
    their clocks (a report is filed only by a filing that counts against `keyring`). What the
    board shows on a case page."""
    from ..checks import fill_section, make_context

    if loaded.case is None or loaded.policy is None or not loaded.regimes:
        return []
    from ..evidence import rehash_artifacts

    ctx = make_context(loaded, today=at.date(), artifacts=rehash_artifacts(loaded))
    assert ctx is not None
    facts = registry_facts(reg, loaded.case, loaded.policy) if reg is not None else None
    clocks = report_clocks(reg, loaded.case.id, keyring) if reg is not None else []
    out = []
    for regime in loaded.regimes:
        docs = []
        for did, d in regime.documents.items():
            fills = [fill_section(regime, did, sid, ctx, None, facts) for sid in d.sections]
            gaps = [f"{f.spec.title} ({f.spec.cite.section}): " + "; ".join(g.why for g in f.gaps)
                    for f in fills if f.spec.required and not f.filled]
            docs.append({"id": did, "title": d.title, "audience": d.audience, "basis": d.basis,
                         "sections": len(fills), "filled": sum(1 for f in fills if f.filled), "gaps": gaps})
        mine = [c for c in clocks if c.cls.partition(":")[0] == regime.id]
        out.append({"id": regime.id, "title": regime.title, "documents": docs,
                    "clocks": [dict(c.to_json(at), overdue=c.overdue(at)) for c in mine]})
    return out
