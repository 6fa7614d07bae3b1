"""Regime documents made from the case: each section filled from the case's facts, redacted for
the document's audience through the same machinery as `casegate publish`, with a gap list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import __version__
from ..checks import FactValue, RegistryFacts, fill_section, make_context
from ..errors import InputError
from ..load import Loaded
from ..model import Confidentiality, DecisionRecord, Regime, RegimeDocument
from ..publish import Salts, TextGuard, redact


@dataclass(frozen=True)
class ShownItem:
    """One line of a section as the audience sees it."""

    text: str
    ref: str | None = None
    """Where it comes from in the case ('evidence.E-ctf'), for the link back; None for facts
    from the policy, the decision or the registry."""
    withheld: bool = False


@dataclass(frozen=True)
class DocSection:
    id: str
    title: str
    asks: str
    cite: str
    required: bool
    items: tuple[ShownItem, ...]
    gaps: tuple[str, ...]
    """Why the section cannot be filled, one reason per missing fact."""

    @property
    def filled(self) -> bool:
        return not self.gaps


@dataclass(frozen=True)
class Gap:
    section: str
    title: str
    cite: str
    reason: str


@dataclass
class RegimeDoc:
    """A generated regime document."""

    regime: Regime
    document_id: str
    spec: RegimeDocument
    subject: str
    """What it reports on: the case (id, version, title) or the framework (the policy)."""
    generated: str
    level: Confidentiality
    outcome: str | None
    sections: list[DocSection] = field(default_factory=list)
    casegate_version: str = __version__

    @property
    def gaps(self) -> list[Gap]:
        return [Gap(s.id, s.title, s.cite, r) for s in self.sections if s.required for r in s.gaps]

    @property
    def notice(self) -> str:
        return self.regime.notice


def _cite(section: str, document: str, version: str | None, date: dt.date | None) -> str:
    bits = [document] + ([version] if version else []) + ([date.isoformat()] if date else [])
    return f"{section} ({', '.join(bits)})"


def find_document(regimes: list[Regime], regime_id: str, document_id: str) -> tuple[Regime, RegimeDocument]:
    """The regime document named, among the regimes the case is under. InputError otherwise."""
    by_id = {r.id: r for r in regimes}
    if regime_id not in by_id:
        raise InputError(f"the case is not under the regime {regime_id!r}",
                         help=("it is under: " + ", ".join(by_id)) if by_id else
                              "add `regimes: [builtin:" + regime_id + "]` to the case or its policy")
    regime = by_id[regime_id]
    if document_id not in regime.documents:
        raise InputError(f"the regime {regime_id} asks for no document {document_id!r}",
                         help="its documents: " + ", ".join(regime.documents))
    return regime, regime.documents[document_id]


def _level(spec: RegimeDocument, level: Confidentiality | None) -> Confidentiality:
    from ..publish import parse_level

    order = list(Confidentiality)
    if level is None:
        return spec.level
    if order.index(level) > order.index(spec.level):
        raise InputError(f"this document goes to a {spec.audience} audience and may show at most "
                         f"{spec.level.value} content; {level.value} was asked for",
                         help=f"use --level {spec.level.value} or lower ({parse_level.__name__} levels: "
                              + ", ".join(c.value for c in order) + ")")
    return level


def build_document(loaded: Loaded, regime_id: str, document_id: str, *, salts: Salts,
                   record: DecisionRecord, today: dt.date | None = None,
                   registry: RegistryFacts | None = None,
                   level: Confidentiality | None = None, generated: dt.date | None = None) -> RegimeDoc:
    """Fill every section of one regime document from the loaded case and its decision. Facts
    only the registry knows are gaps when `registry` is None (fail closed: not established).
    `generated`: the date the document says it was written (default `today`, else today's
    date; given when a verifier writes a filed document again as of when it was written)."""
    if loaded.case is None or loaded.policy is None:
        raise InputError("the case does not load; fix the findings of `casegate check` first")
    regime, spec = find_document(loaded.regimes, regime_id, document_id)
    lv = _level(spec, level)
    from ..evidence import rehash_artifacts

    # the documents report the case as its evidence artifacts show it, as the gate counted it
    ctx = make_context(loaded, today=today, artifacts=rehash_artifacts(loaded))
    assert ctx is not None
    case = ctx.case
    rd = redact(case, salts, lv)
    salts.flush()  # kept before the document that commits with them is written
    guard = TextGuard(rd)
    if spec.basis == "policy":
        subject = f"{loaded.policy.name} (policy {loaded.policy.id}, version {loaded.policy.version})"
    else:
        subject = f"{case.title} (case {case.id}, version {case.version}; {case.system.name} {case.system.version})"
    doc = RegimeDoc(regime=regime, document_id=document_id, spec=spec, subject=subject,
                    generated=(generated or today or dt.date.today()).isoformat(), level=lv,
                    outcome=record.outcome if spec.basis == "case" else None)

    def shown(v: FactValue) -> list[ShownItem]:
        out = []
        for it in v.items:
            text = it.text
            for raw, masked in rd.step_mask.items():
                text = text.replace(raw, masked)
            parts = it.parts
            ref = None
            if parts and parts[0] != "@policy":
                ref = ".".join(str(p) for p in parts)
            if parts and parts[0] == "@policy":
                out.append(ShownItem(text))
                continue
            if guard.safe(text, paths=[parts] if parts else []):
                out.append(ShownItem(text, ref))
                continue
            stub = next((rd.stub_at(parts[:i]) for i in range(len(parts), 0, -1) if rd.stub_at(parts[:i])), None)
            if stub is not None:
                out.append(ShownItem(f"withheld: {stub.type} {stub.id} ({stub.level.value}); "
                                     f"commitment {stub.commitment}", ref, withheld=True))
            else:
                out.append(ShownItem(f"withheld: this line touches content above {lv.value}", ref, withheld=True))
        return out

    for sid, sec in spec.sections.items():
        fill = fill_section(regime, document_id, sid, ctx, record, registry, registry_required=True)
        items: list[ShownItem] = []
        for v in (*fill.facts, *fill.extras):
            if v.status == "filled":
                items.extend(shown(v))
        gaps = tuple(g.why for g in fill.gaps)
        doc.sections.append(DocSection(sid, sec.title, sec.asks,
                                       _cite(sec.cite.section, sec.cite.document, sec.cite.version, sec.cite.date),
                                       sec.required, tuple(items), gaps))
    return doc
