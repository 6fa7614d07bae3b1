"""Writing a filed regime document again, as casegate wrote it, from what the registry holds.

A manifest is only its signer's word that casegate wrote the bytes it lists: a lab holding a
genuine key can edit the document (drop a gap, soften a finding), sign a new manifest over the
edited bytes and record it. So `regime verify` with a registry writes the document again from the
stored case version the manifest names, with everything the writing depends on taken from what
the log and the signed statement record: the stored case files and policy (as the registry holds
them, byte for byte), the keyring the verifier trusts (the sign-offs and attestations that count),
the date the case was decided as of (`decided_as_of`) and the date the document says it was
written (`generated`), the audience level, the registry's facts (earlier versions, incidents) as
the log stood just before the document's entry, and the salts of withheld elements kept in the
registry. The Markdown and HTML it writes must be, byte for byte, the files the manifest signs.

A PDF is written again from that HTML and compared too; where it cannot be written here (no
`casegate[pdf]`) or its bytes differ, the PDF is not verified: its digest alone is the signer's
word."""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from pathlib import Path
from typing import Any

from ..errors import CasegateError


class LogBefore:
    """The registry as its log stood just before entry `index`: its entries, the case versions
    logged by then and each case's state replayed from them; stored files are read from `reg`
    (they never change once logged)."""

    def __init__(self, reg: Any, index: int) -> None:
        self._reg = reg
        self._entries = [e for e in reg.events() if e.index < index]

    def events(self, case_id: str | None = None, kind: str | None = None) -> list[Any]:
        return [e for e in self._entries if (case_id is None or e.case_id == case_id)
                and (kind is None or e.kind == kind)]

    def case_state(self, case_id: str) -> str | None:
        from ..store import replay

        mine = self.events(case_id)
        return replay(mine).state if mine else None

    def case_versions(self, case_id: str) -> list[Any]:
        logged = {e.index for e in self._entries}
        return [v for v in self._reg.case_versions(case_id) if v.log_index in logged]

    def case_version(self, case_id: str, n: int | None = None, *, contents: bool = True) -> Any:
        return self._reg.case_version(case_id, n, contents=contents)

    def materialise(self, case_id: str, n: int | None, dest_dir: Any) -> Path:
        return self._reg.materialise(case_id, n, dest_dir)  # type: ignore[no-any-return]


def _date(x: Any, field: str) -> tuple[dt.date | None, str | None]:
    if x is None:
        return None, None
    try:
        return dt.date.fromisoformat(str(x)), None
    except ValueError:
        return None, f"the manifest's {field} {x!r} is not a date"


def _first_difference(filed: bytes, written: bytes) -> str:
    a = filed.decode("utf-8", "replace").splitlines()
    b = written.decode("utf-8", "replace").splitlines()
    for i, (x, y) in enumerate(zip(a, b, strict=False), start=1):
        if x != y:
            return f"first difference at line {i}: filed {_clip(x)!r}, casegate writes {_clip(y)!r}"
    if len(a) != len(b):
        i = min(len(a), len(b)) + 1
        more = (f"the filed file has {_clip(a[i - 1])!r} there, casegate writes nothing more" if len(a) > len(b)
                else f"casegate writes {_clip(b[i - 1])!r} there, the filed file ends")
        return f"first difference at line {i}: {more}"
    return "the lines are the same; the bytes differ (line endings or a final newline)"


def _clip(s: str, n: int = 100) -> str:
    return s if len(s) <= n else s[:n] + "..."


def rederive_problems(reg: Any, entry: Any, p: dict[str, Any], keyring: Any, documents: list[Path],
                      notes: list[str]) -> list[str]:
    """Write the document of log entry `entry` (manifest predicate `p`) again from the stored
    version and compare it with the files the manifest signs (and the filed `documents`). The
    problems found (none: every file the manifest lists for a format casegate can write again is
    the bytes casegate writes); what was compared goes to `notes`."""
    from ..evidence import rehash_artifacts
    from ..gate import run_gate
    from ..model import Confidentiality
    from ..monitor import load_stored
    from ..publish import NoSaltKept, Salts
    from ..store import RegistrySalts
    from ..verify import gate_inputs
    from . import registry_facts, render
    from ._document import build_document

    case, number = entry.case_id, entry.payload.get("version")
    rid, did = p.get("regime"), p.get("document")
    if not isinstance(number, int) or not isinstance(rid, str) or not isinstance(did, str):
        return ["content not re-derived: the log entry or the manifest does not name the version, regime and "
                "document it was written from"]
    generated, bad = _date(p.get("generated"), "generated date")
    at, bad2 = _date(p.get("decided_as_of"), "decided_as_of date")
    if generated is None or bad or bad2:
        return [f"content not re-derived: {bad or bad2 or 'the manifest says no generated date'}"]
    try:
        level = Confidentiality(p.get("level"))
    except ValueError:
        return [f"content not re-derived: the manifest's level {p.get('level')!r} is not a confidentiality level"]
    from .. import __version__

    wrote_with = p.get("casegate_version")
    other = (f" (the document says casegate {wrote_with} wrote it, this is casegate {__version__}: verify with "
             f"casegate {wrote_with} if its writing changed since)") if wrote_with != __version__ else ""
    try:
        with tempfile.TemporaryDirectory(prefix="casegate-rederive-") as tmp:
            raw = load_stored(reg, case, number, tmp)
            if raw.case is None or raw.policy is None:
                return [f"content not re-derived: stored version {number} of case {case} does not load as a case"]
            inputs = gate_inputs(raw, keyring, at or generated)
            artifacts = rehash_artifacts(inputs.loaded)
            record = run_gate(inputs.loaded, today=at, artifacts=artifacts, waivers=inputs.waivers,
                              waiver_problems=inputs.waiver_problems)
            assert inputs.loaded.case is not None
            facts = registry_facts(LogBefore(reg, entry.index), inputs.loaded.case,  # type: ignore[arg-type]
                                   inputs.loaded.policy)
            salts = Salts(RegistrySalts(reg), fresh=False)
            doc = build_document(inputs.loaded, rid, did, salts=salts, record=record, today=at,
                                 registry=facts, level=level, generated=generated)
            written = {"md": render("document.md.j2", d=doc).encode("utf-8"),
                       "html": render("document.html.j2", d=doc).encode("utf-8")}
    except NoSaltKept as e:
        return [f"content not re-derived: {e.message} (the document withholds an element whose commitment's salt the "
                "registry does not keep; it was written with --salt-store, or the salts were removed)"]
    except CasegateError as e:
        return [f"content not re-derived from stored version {number} of case {case}: {e.message}"]
    out: list[str] = []
    if level != doc.spec.level:
        out.append(f"the document was written at level {level.value}, below the {doc.spec.level.value} {rid} asks of "
                   f"its {did} for its audience ({doc.spec.audience}): it withholds what that audience is owed "
                   "(write it without --level)")
    notes.append(f"written again as the signer wrote it: decided as of {at.isoformat() if at else 'the case date'}, "
                 f"dated {generated.isoformat()}, at level {level.value}, against the keyring given here")
    listed = p.get("files") if isinstance(p.get("files"), dict) else {}
    assert isinstance(listed, dict)
    by_name = {d.name: d for d in documents}
    for fmt, body in written.items():
        w = listed.get(fmt)
        if not isinstance(w, dict):
            out.append(f"the manifest lists no {fmt} file, which casegate writes for every regime document")
            continue
        name = str(w.get("name"))
        if hashlib.sha256(body).hexdigest() == w.get("sha256"):
            notes.append(f"{name}: written again from stored version {number} of case {case} as of the log before "
                         f"entry {entry.index}: the same bytes")
            continue
        filed = by_name.get(name)
        diff = _first_difference(filed.read_bytes(), body) if filed is not None else \
            f"file {name} to see the first differing line"
        out.append(f"{name}: the manifest signs bytes casegate does not write: written again from stored version "
                   f"{number} of case {case} (as of the log before entry {entry.index}), {diff}; the document was "
                   f"edited and a new manifest signed over it{other}")
    pdf = listed.get("pdf")
    if isinstance(pdf, dict):
        out += _pdf_problems(written["html"].decode("utf-8"), pdf, documents, notes)
    return out


def _pdf_problems(html: str, listed: dict[str, Any], documents: list[Path], notes: list[str]) -> list[str]:
    name = str(listed.get("name"))
    filed = any(d.name == name for d in documents)
    try:
        with tempfile.TemporaryDirectory(prefix="casegate-rederive-pdf-") as tmp:
            from ..publish import html_to_pdf

            path = Path(tmp) / name
            html_to_pdf(html, path, base_url=Path(tmp))
            got = hashlib.sha256(path.read_bytes()).hexdigest()
    except CasegateError as e:
        why = f"it cannot be written again here ({e.message})"
    else:
        if got == listed.get("sha256"):
            notes.append(f"{name}: written again from the re-derived HTML: the same bytes")
            return []
        why = "written again from the re-derived HTML, its bytes differ (an edited PDF, or another PDF writer)"
    msg = (f"{name}: {why}, so that casegate wrote it is only the signer's word (its digest is checked against "
           "the manifest only)")
    if filed:
        return [msg]
    notes.append(msg + "; it was not filed here")
    return []
