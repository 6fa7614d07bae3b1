"""The manifest of a written regime document: the sha256 of each file `casegate report --regime`
wrote, bound to the case version it was made from (its case digest, and the registry's version and
approved decision when there is a registry), the gate's decision record, the regime and the
document; signed as an in-toto statement in a DSSE envelope, and recorded in the registry's log.

`verify_document` checks a filed document against it: a document edited after it was written, a
manifest of another document or case version, an unsigned manifest or one signed with a key the
trusted keyring does not hold, a document the log never recorded or whose version is not the one
approved, is not verified, with the reason."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError

if TYPE_CHECKING:
    from ..load import Loaded
    from ..model import DecisionRecord
    from ..sign import Keyring
    from ..store import LogEntry, Registry
    from ..trust import TrustRoot
    from ._document import RegimeDoc

DOCUMENT_EVENT = "regime-document"
"""Log kind of a written regime document: {"version": n, "regime", "document", "files": {name:
sha256}, "payload_sha256": sha256 of the manifest's signed statement, "envelope": <DSSE JSON> | null}."""
UNSIGNED_KIND = "regime-document-manifest"
"""`kind` of a manifest written without a signing key (it never verifies)."""


def manifest_path(out_dir: Path, doc: RegimeDoc) -> Path:
    return out_dir / f"{doc.regime.id}.{doc.document_id}.manifest.json"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Stored:
    """What the registry knows of the case version a document was made from, at writing."""

    number: int
    """The registry's version number."""
    digest: str
    """The stored version's digest."""
    approved: bool
    """Whether it is the version the registry's current approval stands on."""
    decision_entry: int | None = None
    """Log index of the decision the approval stands on (when it is this version's)."""
    decision_sha256: str | None = None
    """record_sha256 of that decision."""

    def to_json(self) -> dict[str, Any]:
        return {"version": self.number, "digest": self.digest, "approved": self.approved,
                "decision_entry": self.decision_entry, "decision_record_sha256": self.decision_sha256}


def stored_version(reg: Registry, loaded: Loaded) -> Stored | None:
    """The registry's version of the loaded case (None when it stores no version with these files)."""
    from ..monitor import current_approval

    rec = reg.stored_version_of(loaded)
    if rec is None:
        return None
    appr = current_approval(reg, rec.case_id)
    approved = appr is not None and appr.version == rec.number
    dec_entry = appr.decision if approved and appr is not None else None
    dec_sha = None
    if dec_entry is not None:
        dec_sha = reg.entry(dec_entry).payload.get("record_sha256")
    return Stored(rec.number, rec.digest, approved, dec_entry, dec_sha if isinstance(dec_sha, str) else None)


def document_statement(loaded: Loaded, doc: RegimeDoc, files: dict[str, Path], *, record: DecisionRecord | None,
                       stored: Stored | None, signer: dict[str, Any] | None,
                       at: dt.date | None = None) -> dict[str, Any]:
    """The in-toto statement of a written document: one subject per file written (its name and
    sha256) and the case (`case:<id>@<version>` with its case digest); the predicate names the
    regime, the document, the case version, the gate's decision record and, with a registry, the
    stored version and the decision its approval stands on. `signer`: person, role, keyid,
    identity and signed_at of whoever signs it (None: unsigned). `at`: the date the case was
    decided as of (`report --at`; None: the case's own date, with keys checked as of the day it
    was written), recorded so a verifier can write the document again exactly."""
    from ..sign import case_digest, statement
    from ..store import json_sha256

    assert loaded.case is not None and loaded.policy_file is not None
    digest = case_digest(loaded)
    written = {fmt: {"name": p.name, "sha256": _sha256(p)} for fmt, p in files.items()}
    subject = [{"name": w["name"], "digest": {"sha256": w["sha256"]}} for w in written.values()]
    subject.append({"name": f"case:{loaded.case.id}@{loaded.case.version}",
                    "digest": {"sha256": digest.removeprefix("sha256:")}})
    rec = json.loads(record.model_dump_json()) if record is not None else None
    predicate: dict[str, Any] = {
        "regime": doc.regime.id, "document": doc.document_id, "title": doc.spec.title,
        "case": loaded.case.id, "case_version": loaded.case.version, "case_digest": digest,
        "policy": loaded.policy_file.sha256, "generated": doc.generated,
        "decided_as_of": at.isoformat() if at is not None else None, "level": doc.level.value,
        "gaps": len(doc.gaps), "files": written,
        "decision": None if rec is None else {"outcome": record.outcome if record else None,
                                              "record_sha256": json_sha256(rec)},
        "registry": stored.to_json() if stored is not None else None,
        "casegate_version": doc.casegate_version,
    }
    if signer is not None:
        predicate.update(signer)
    return statement(subject, _predicate_type(), predicate)


def _predicate_type() -> str:
    from ..sign import REGIME_DOCUMENT

    return REGIME_DOCUMENT


def sign_manifest(stmt: dict[str, Any], signer: Any, keyring: Keyring, now: dt.datetime) -> dict[str, Any]:
    """The statement signed, and verified against the keyring before anything is written (a key
    outside it, or a role it does not hold, is refused)."""
    from ..sign import check_envelope, sign_statement

    env = sign_statement(stmt, signer)
    signed, problems = check_envelope(env, keyring, now, "the document's manifest", expect=_predicate_type())
    if signed is None or problems:
        raise InputError("the document's manifest does not verify: " + "; ".join(problems),
                         help="sign with --key of a key in the keyring, in a --role it holds")
    return env


def write_manifest(path: Path, stmt: dict[str, Any], envelope: dict[str, Any] | None) -> None:
    """The manifest file: the DSSE envelope, or, unsigned, the statement marked unsigned."""
    from ..sign import envelope_bytes

    if envelope is not None:
        path.write_bytes(envelope_bytes(envelope))
    else:
        path.write_text(json.dumps({"casegate": 1, "kind": UNSIGNED_KIND, "signed": False, "statement": stmt},
                                   indent=2) + "\n", encoding="utf-8")


def record_document(reg: Registry, case_id: str, stored: Stored, stmt: dict[str, Any],
                    envelope: dict[str, Any] | None) -> LogEntry:
    """Log a written document: its files' sha256 under the stored version, and the manifest."""
    from ..sign import canonical

    p = stmt["predicate"]
    return reg.record(DOCUMENT_EVENT, case_id, {
        "version": stored.number, "regime": p["regime"], "document": p["document"],
        "files": {w["name"]: w["sha256"] for w in p["files"].values()},
        "payload_sha256": hashlib.sha256(canonical(stmt)).hexdigest(), "envelope": envelope})


# --------------------------------------------------------------------------- verifying


@dataclass
class DocumentVerdict:
    verified: bool = False
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    case: str | None = None
    case_version: str | None = None
    regime: str | None = None
    document: str | None = None
    signer: str | None = None
    logged: int | None = None
    demonstration: bool = False
    """The published example keys are all that stands against it: everything else verified, but
    keys anyone holds vouch for it (`CASEGATE_DEMO_KEYS=1`), so it is never verified."""

    def to_json(self) -> dict[str, Any]:
        return {"verified": self.verified, "demonstration": self.demonstration, "case": self.case,
                "case_version": self.case_version, "regime": self.regime, "document": self.document,
                "signer": self.signer, "log_entry": self.logged, "reasons": self.reasons, "notes": self.notes}


def read_manifest(path: Path, what: str = "the manifest",
                  hint: str = "give the REGIME.DOCUMENT.manifest.json `casegate report --regime` wrote",
                  limit: str = "json_bytes") -> Any:
    """The JSON of a manifest (or, with `what` and `hint`, another JSON input); InputError naming
    the file when it cannot be read or is not JSON. Read as every document a decision rests on is
    (`strict_json`): a regular file within `limit`, nesting within the `depth` limit before the
    parser recurses, no key given twice and no NaN or infinity."""
    from ..limits import read_regular_file, strict_json

    try:
        raw = read_regular_file(path, str(path), limit=limit)
    except InputError as e:
        raise InputError(f"cannot read {what} {path}: {e.message}", location=str(path), help=e.help or hint) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raise InputError(f"{what} {path} is not JSON (it starts with a byte order mark)", location=str(path),
                         help=hint)
    try:
        return strict_json(raw, str(path))
    except InputError as e:
        raise InputError(f"{what} {path} is not JSON ({e.message})", location=str(path),
                         help=e.help if "limit" in e.message else hint) from None


def verify_document(documents: list[Path], manifest: Any, keyring: Keyring, *, trust: TrustRoot | None,
                    trust_problem: str | None, reg: Any, at: dt.datetime,
                    source_problems: list[str] | None = None) -> DocumentVerdict:
    """Check filed document files against their manifest (the JSON of the manifest file): each
    file's bytes are ones the manifest signs; the manifest is a statement of a regime document
    signed by a key of `keyring` valid when signed, and, with a trust root, `keyring` is one it
    pins; with a registry (a `Registry`, or the `ProvenState` of a state proof checked against
    the trust root), its log recorded this very manifest (the signature counts as of then),
    no later document of the same version, regime and document replaced it, and the case version
    it was made from is the one the registry's current approval stands on. Without a registry
    (or without a trust root) it is never verified: what was filed cannot be tied to the approved
    case."""
    from ..sign import check_envelope, dsse_shape_problems, payload_sha256

    v = DocumentVerdict()
    if isinstance(manifest, dict) and manifest.get("kind") == UNSIGNED_KIND:
        v.reasons.append("the manifest is not signed: nothing vouches for the files it lists (write the document "
                         "with `casegate report --regime R --key KEY --role ROLE`)")
        return v
    if not isinstance(manifest, dict) or "payload" not in manifest:
        v.reasons.append("the manifest is not a signed DSSE envelope: nothing vouches for the files it lists")
        return v
    shape = dsse_shape_problems(manifest, "the manifest")
    if shape:
        v.reasons += shape
        return v
    signed, problems = check_envelope(manifest, keyring, at, "the manifest", expect=_predicate_type())
    if signed is None:
        v.reasons += problems
        return v
    p = signed.predicate
    v.case, v.case_version = _str(p.get("case")), _str(p.get("case_version"))
    v.regime, v.document, v.signer = _str(p.get("regime")), _str(p.get("document")), signed.person
    raw = p.get("files")
    files: dict[str, Any] = raw if isinstance(raw, dict) else {}
    listed = {str(w.get("sha256")): str(w.get("name")) for w in files.values() if isinstance(w, dict)}
    if not listed:
        problems.append("the manifest lists no document file")
    for path in documents:
        try:
            got = _sha256(path)
        except OSError as e:
            raise InputError(f"cannot read the document {path}: {e.strerror or e}", location=str(path)) from None
        if got in listed:
            v.notes.append(f"{path.name}: sha256 {got[:16]}... is {listed[got]} as the manifest signs it")
            continue
        same = next((h for h, n in listed.items() if n == path.name), None)
        shown = f" (it signs {path.name} as sha256 {same[:16]}...)" if same else \
            f" (it signs {', '.join(sorted(listed.values()))})"
        problems.append(f"{path.name}: its sha256 {got[:16]}... is not a file the manifest signs{shown}: the "
                        f"document was changed after it was written, or the manifest is another document's")
    v.notes.append(f"the manifest is signed by {signed.person} as {signed.role}, of {v.regime} {v.document} for "
                   f"case {v.case} version {v.case_version}")
    signed_at = _instant(p.get("signed_at"))
    if trust is None:
        problems.append(trust_problem or "no trust root: the keyring the manifest is checked against cannot be "
                        "trusted (pass --trust-root DIR or set CASEGATE_TRUST_ROOT)")
    else:
        problems += trust.keyring_problems(keyring.fingerprint(), signed_at)
    if source_problems:
        problems += source_problems
    elif reg is None:
        problems.append("no registry: whether the log recorded this document, and whether the case version it was "
                        "made from is the one approved, cannot be established (pass --db URL or --state-proof FILE)")
    else:
        problems += _logged_problems(reg, v, manifest, keyring, payload_sha256(manifest), p)
        problems += _content_problems(reg, v, p, keyring, documents)
    v.reasons += problems
    from ..verify._demo import demonstration_reason, published_keys_used

    demo = published_keys_used(keyring, trust)
    if demo:
        v.demonstration = not v.reasons
        v.reasons.append(demonstration_reason(demo))
    v.verified = not v.reasons
    return v


OFFLINE = "content not re-derived: checked against the signer's manifest only"
"""Why a document checked offline (a state proof, no stored files) is not verified."""


def _content_problems(reg: Any, v: DocumentVerdict, p: dict[str, Any], keyring: Keyring,
                      documents: list[Path]) -> list[str]:
    """The manifest is only its signer's word that casegate wrote the files it lists: with the
    registry's stored files, write the document again and compare (`_rederive`); without them
    (a state proof) that cannot be established, and the document is not verified."""
    if v.logged is None:
        return []  # the log holds no such document: already not verified
    if isinstance(reg, ProvenLog):
        return [f"{OFFLINE}: a state proof holds the log, not the stored files of the case version, so whether "
                "casegate wrote these bytes (or the signer edited them and signed a new manifest) cannot be "
                "established offline (verify with --db URL of the registry, read-only)"]
    from ._rederive import rederive_problems

    entry = next(e for e in reg.events(v.case or "", DOCUMENT_EVENT) if e.index == v.logged)
    return rederive_problems(reg, entry, p, keyring, documents, v.notes)


class ProvenLog:
    """The log entries a state proof holds (all of them, of every kind, from the case's first to
    its checkpoint, proven complete) read as a registry is read here."""

    def __init__(self, proven: Any) -> None:
        self.case_id: str = proven.case_id
        self.state: str = proven.state
        self.entries: tuple[LogEntry, ...] = tuple(proven.tail)

    def events(self, case_id: str | None = None, kind: str | None = None) -> list[LogEntry]:
        return [e for e in self.entries if (case_id is None or e.case_id == case_id)
                and (kind is None or e.kind == kind)]

    def case_state(self, case_id: str) -> str | None:
        return self.state if case_id == self.case_id else None


def _logged_problems(reg: Any, v: DocumentVerdict, manifest: dict[str, Any], keyring: Keyring,
                     payload: str | None, p: dict[str, Any]) -> list[str]:
    from ..monitor import current_approval
    from ..sign import check_envelope, payload_sha256
    from ..sign._statement import logged_instant

    case = v.case or ""
    out: list[str] = []
    entries = reg.events(case, DOCUMENT_EVENT)
    mine = [e for e in entries if e.payload.get("payload_sha256") == payload
            and payload_sha256(e.payload.get("envelope")) == payload]
    if not mine:
        return [f"the registry's log never recorded this document of case {case} (no {DOCUMENT_EVENT} entry holds "
                "its manifest): it was not written with `casegate report --regime ... --db`, or its manifest was "
                "made elsewhere"]
    entry = mine[0]
    v.logged = entry.index
    # the signature counts as of when the log recorded it
    _, late = check_envelope(manifest, keyring, logged_instant(entry.recorded_at), f"log entry {entry.index}",
                             expect=_predicate_type())
    out += late
    number = entry.payload.get("version")
    stored = (p.get("registry") or {}) if isinstance(p.get("registry"), dict) else {}
    if stored.get("version") != number:
        out.append(f"log entry {entry.index} records the document under version {number} of case {case}, but the "
                   f"manifest names version {stored.get('version')}")
    newer = [e for e in entries if e.index > entry.index and e.payload.get("version") == number
             and e.payload.get("regime") == entry.payload.get("regime")
             and e.payload.get("document") == entry.payload.get("document")]
    if newer:
        out.append(f"a newer {v.regime} {v.document} of the same version was recorded since (log entry "
                   f"{newer[-1].index}): this one is not the document the registry holds for it")
    same = [e.index for e in entries if e.payload.get("version") == number
            and e.payload.get("regime") == entry.payload.get("regime")
            and e.payload.get("document") == entry.payload.get("document")]
    if len(same) > 1:
        v.notes.append(f"the log holds {len(same)} {v.regime} {v.document} documents of version {number} "
                       f"(entries {', '.join(map(str, same))}); this one is entry {entry.index}")
    if isinstance(number, int):
        held = next((e.payload.get("digest") for e in reg.events(case, "case-version")
                     if e.payload.get("version") == number), None)
        if not isinstance(held, str) or held != stored.get("digest"):
            out.append(f"the manifest names version {number} of case {case} with files digest "
                       f"{str(stored.get('digest'))[:16]}..., but the registry holds "
                       + (f"{held[:16]}... for it" if held else "no such version"))
    state = reg.case_state(case)
    appr = current_approval(reg, case)
    if appr is None:
        out.append(f"the registry holds no approval of case {case}: the document is of no approved version")
    else:
        if appr.version != number:
            out.append(f"the document was made from version {number} of case {case} (declared {v.case_version}), "
                       f"but the version the registry approved is {appr.version}")
        elif stored.get("decision_record_sha256") is not None and appr.decision is not None and \
                next((e.payload.get("record_sha256") for e in reg.events(case, "decision")
                      if e.index == appr.decision), None) != stored.get("decision_record_sha256"):
            out.append(f"the document names a decision other than the one the registry's approval of case {case} "
                       f"stands on (log entry {appr.decision})")
        if state in ("reopened", "withdrawn"):
            out.append(f"the registry says case {case} is {state}: its approval no longer stands")
        if appr.version == number:
            out += _as_of_problems(reg, case, entry, appr, p)
    return out


def _as_of_problems(reg: Any, case: str, entry: LogEntry, appr: Any, p: dict[str, Any]) -> list[str]:
    """The dates the writer chose (`report --at`: `decided_as_of`, and `generated`, the date the
    document says it was written and keys are checked as of) against what the log says: neither
    may precede the approval the document reports on (the day the log recorded it, and the date
    the decision it stands on was decided as of), nor follow the day the log recorded the document.
    A document written as of an earlier date reads the case before what the approval already
    knew (a key revoked since, a waiver or evidence past its date, a re-evaluation overdue), so
    a gap or finding the approved case has does not appear in it. Dates are UTC days."""
    from ..sign._statement import logged_instant

    def day(x: Any) -> dt.date | None:
        try:
            return dt.date.fromisoformat(str(x)[:10])
        except ValueError:
            return None

    approved_on = logged_instant(appr.entry.recorded_at).astimezone(dt.UTC).date()
    lower, why = approved_on, f"the log recorded the approval it reports on on {approved_on.isoformat()} (entry " \
                              f"{appr.entry.index})"
    rec = next((e.payload.get("record") for e in reg.events(case, "decision") if e.index == appr.decision), None)
    decided = day(rec.get("decided_at")) if isinstance(rec, dict) else None
    if decided is not None and decided > lower:
        lower, why = decided, f"the decision the approval stands on (entry {appr.decision}) was decided as of " \
                              f"{decided.isoformat()}"
    upper = logged_instant(entry.recorded_at).astimezone(dt.UTC).date()
    out: list[str] = []
    for name, raw in (("decided_as_of", p.get("decided_as_of")), ("generated", p.get("generated"))):
        if raw is None and name == "decided_as_of":
            continue
        got = day(raw)
        if got is None:
            out.append(f"the manifest's {name} {raw!r} is not a date: when the document was written as of cannot "
                       "be checked against the approval")
        elif got < lower:
            out.append(f"the document was written as of {got.isoformat()} (its {name}), before the approval it reports "
                       f"on: {why}; as of an earlier date the case reads as it did before what the approval knew (a "
                       "key revoked since, a waiver or evidence past its date), so a gap or finding may not appear "
                       "(write it again without an earlier --at)")
        elif got > upper:
            out.append(f"the document says it was written as of {got.isoformat()} (its {name}), after the log recorded "
                       f"it on {upper.isoformat()} (entry {entry.index}): a date it cannot have been written as of")
    return out


def _str(x: Any) -> str | None:
    return x if isinstance(x, str) else None


def _instant(x: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(x).replace("Z", "+00:00"))
    except ValueError:
        return None
