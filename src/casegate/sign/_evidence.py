"""Evidence attestations: an evaluator signs, with their own key from the keyring, that they ran
or reviewed the evidence whose artifact has a given sha256.

The envelopes live in an `evidence-attestations/` folder beside the case, beside the file that
declares the item, or beside the artifact (any of them; the digest binds a statement to an
artifact, not the folder). `check_attestations` verifies each against the keyring; which items
that makes independent is decided with the case (`casegate.evidence.apply_facts`): the signer's
organisation must be known and differ from the developer's, and the item's producer must be the
signer or the signer's organisation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._record import replace
from ..errors import InputError
from ..load import Loaded
from ..model import (
    AttestationSet,
    Case,
    Evidence,
    EvidenceAttestation,
    RejectedAttestation,
    declared_result,
)
from ._keyring import Keyring, TrustedKey
from ._names import name_key
from ._statement import (
    EVIDENCE_ATTESTATION,
    check_envelope,
    decode_payload,
    envelope_bytes,
    envelope_sha256,
    iso,
    now_utc,
    sign_statement,
    statement,
)

if TYPE_CHECKING:
    from securesystemslib.signer import Signer  # type: ignore[attr-defined]

    from ._dissent import Dissent

ATTESTATION_FOLDER = "evidence-attestations"
"""Folder name where evidence attestation envelopes are looked for and written."""

ACTIVITIES = ("ran", "reviewed")

ENVELOPE_SUFFIX = ".dsse.json"
"""How the name of an attestation envelope file ends."""


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "x"


def declared_values(ev: Evidence) -> dict[str, Any]:
    """What an attestation signs of the values the case declares beside the artifact: the
    item's `result` (canonical form, `declared_result`), its `date` (ISO) and the sha256 of each
    further file its counts are read from (`further_files`)."""
    return {"result": declared_result(ev.result), "date": ev.date.isoformat(), "files": further_files(ev)}


def further_files(ev: Evidence) -> list[str]:
    """The sha256 of each further file pinned with the item's artifact (`source.files`, e.g.
    lm-eval's per-sample file), sorted: the bytes the counts are read from besides the artifact."""
    return sorted(ev.source.files.values()) if ev.source is not None else []


def tested_definitions(case: Case, ev: Evidence) -> dict[str, dict[str, Any] | None]:
    """What an attestation signs of the safeguards the item tests: each one's definition as the
    case states it (`Safeguard.definition`; None for an id the case does not define)."""
    return {sid: (sg.definition() if (sg := case.safeguards.get(sid)) is not None else None) for sid in ev.tests}


def weights_digests(case: Case, evidence_id: str) -> list[str] | None:
    """What an attestation signs of the weights the item ran against: the system's digests, for
    an item that measures the weights or states the security level they are kept at
    (`Case.bound_to_weights`); None for one that does not (an audit of the serving infrastructure
    that states no level holds whatever model it serves)."""
    return list(case.system.digests) if evidence_id in case.bound_to_weights() else None


def attest_artifact(artifact: Path, signer: Signer, keyring: Keyring, role: str, *, activity: str,
                    says: str, evidence_id: str | None = None, at: dt.datetime | None = None,
                    kind: str | None = None, tests: list[str] | None = None,
                    declared: dict[str, Any] | None = None,
                    safeguards: dict[str, dict[str, Any] | None] | None = None,
                    system_digests: list[str] | None = None
                    ) -> tuple[dict[str, Any], TrustedKey, str]:
    """Sign a statement over the artifact's sha256: (envelope, the signer's keyring entry, the
    digest). `evidence_id`, `kind` and `tests` say what the case calls the artifact, what kind of
    evidence it is and which safeguards it tests; `declared` (`declared_values`) the result and
    date the case declares for it; `safeguards` (`tested_definitions`) what each tested safeguard
    is; `system_digests` (`weights_digests`) the weights an item that measures them ran against.
    The gate counts the attestation only for an item that matches all of them. Refused: a key
    not in the keyring or not valid now, a role the key does not hold, an activity other than
    `ran` / `reviewed`, an empty statement."""
    from ._signoff import signer_entry

    if activity not in ACTIVITIES:
        raise InputError(f"--activity {activity!r}: say whether you `ran` the evaluation or `reviewed` it")
    if not says.strip():
        raise InputError("an attestation says what was run or reviewed", help="pass --statement TEXT")
    at = at or now_utc()
    key = signer_entry(signer, keyring, role, at)
    try:
        digest = hashlib.sha256(artifact.read_bytes()).hexdigest()
    except OSError as e:
        raise InputError(f"cannot read the artifact: {e.strerror}", location=str(artifact)) from None
    pred: dict[str, Any] = {"person": key.person, "identity": key.identity, "keyid": key.keyid, "role": role,
                            "organisation": key.organisation, "activity": activity, "statement": says.strip(),
                            "signed_at": iso(at)}
    if evidence_id:
        pred["evidence"] = evidence_id
    if kind is not None:
        pred["kind"] = kind
    if tests is not None:
        pred["tests"] = list(tests)
    if declared is not None:
        pred["result"] = declared.get("result")
        pred["date"] = declared.get("date")
        if "files" in declared:
            pred["files"] = list(declared["files"])
    if safeguards is not None:
        pred["safeguards"] = {sid: (dict(d) if d is not None else None) for sid, d in safeguards.items()}
    if system_digests is not None:
        pred["system_digests"] = list(system_digests)
    subject = [{"name": artifact.name, "digest": {"sha256": digest}}]
    return sign_statement(statement(subject, EVIDENCE_ATTESTATION, pred), signer), key, digest


def attest_evidence(loaded: Loaded, evidence_id: str, signer: Signer, keyring: Keyring, role: str, *,
                    activity: str, says: str, at: dt.datetime | None = None, out: Path | None = None
                    ) -> tuple[Path, TrustedKey, str]:
    """Attest one evidence item of the case: sign over its artifact (whose bytes must match the
    pinned sha256), with the item as the case declares it (id, kind, safeguards tested and what
    each of them is, result, date, and for an item that measures the weights the system's
    digests), and write the envelope to `out`, or to `evidence-attestations/` beside the
    artifact (so every case citing the artifact finds it). Returns (path written, signer's key
    entry, digest)."""
    case = loaded.case
    if case is None:
        raise InputError("the case does not load cleanly", location=loaded.case_path,
                         help=f"run `casegate check {loaded.case_path}`")
    ev = case.evidence.get(evidence_id)
    if ev is None:
        raise InputError(f"the case has no evidence item {evidence_id!r}",
                         help="the ids are the keys under `evidence:`")
    path = loaded.artifact_path(evidence_id)
    if path is None:
        raise InputError(f"`{evidence_id}` names no artifact, so there is nothing to attest",
                         help="attach the artifact (pinned by its sha256) first")
    env, key, digest = attest_artifact(path, signer, keyring, role, activity=activity, says=says,
                                       evidence_id=evidence_id, at=at, kind=ev.kind, tests=list(ev.tests),
                                       declared=declared_values(ev), safeguards=tested_definitions(case, ev),
                                       system_digests=weights_digests(case, evidence_id))
    if ev.sha256 != digest:
        raise InputError(f"the bytes of {path} hash to {digest}, not the sha256 `{evidence_id}` pins "
                         f"({ev.sha256 or 'none'})",
                         help="attest the artifact the case pins; re-pin it with `casegate evidence add` if it changed")
    dest = out or (path.parent / ATTESTATION_FOLDER / f"{_slug(path.name)}.{_slug(key.identity)}.dsse.json")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(envelope_bytes(env))
    return dest, key, digest


def attestation_files(loaded: Loaded) -> list[Path]:
    """Every `*.dsse.json` in an `evidence-attestations/` folder beside the case, beside a file
    that declares evidence, or beside an artifact (inside the case's root)."""
    # folders as text until one is found to exist: a case names a dozen places, most without any
    bases: dict[str, None] = {str(loaded.main.abspath.parent): None}
    if loaded.case is not None:
        for eid in loaded.case.evidence:
            bases[str(loaded.base_dir(("evidence", eid)))] = None
            try:
                art = loaded.artifact_path(eid)
            except InputError:
                continue
            if art is not None:
                bases[os.path.dirname(art)] = None
    found = (os.path.join(b, ATTESTATION_FOLDER) for b in bases)
    folders = dict.fromkeys(os.path.realpath(f) for f in found if os.path.isdir(f))
    out: dict[Path, None] = {}
    for f in map(Path, folders):  # each a folder, its links followed
        if loaded.inside_root(f):
            for name in _envelope_names(f):
                out[f / name] = None
    return list(out)


def _envelope_names(folder: Path) -> list[str]:
    """The names in `folder` that `*.dsse.json` matches, sorted (what `sorted(folder.glob(...))`
    yields, without building a glob pattern for one suffix); none when it cannot be listed."""
    try:
        with os.scandir(folder) as it:
            return sorted(e.name for e in it if e.name.endswith(ENVELOPE_SUFFIX))
    except OSError:
        return []


def _read(p: Path) -> Any:
    from ._statement import read_envelope_json

    return read_envelope_json(p, str(p), lambda e: InputError(f"not a readable JSON envelope ({e})"))


def _shown(p: Path) -> str:
    try:
        return str(p.relative_to(Path.cwd()))
    except ValueError:
        return str(p)


def check_attestation(data: Any, keyring: Keyring, at: dt.datetime, label: str
                      ) -> tuple[EvidenceAttestation | None, list[str]]:
    """Verify one evidence attestation envelope against the keyring as of `at`: the verified
    statement, or None with every reason it does not count."""
    signed, reasons = check_envelope(data, keyring, at, label, expect=EVIDENCE_ATTESTATION)
    if signed is None:
        return None, reasons
    pred = signed.predicate
    subj = [s for s in signed.statement.get("subject", []) if isinstance(s, dict)]
    digest = subj[0].get("digest", {}).get("sha256") if len(subj) == 1 and isinstance(subj[0].get("digest"), dict) else None
    if not isinstance(digest, str) or not is_hex_sha256(digest):
        reasons.append(f"{label}: its subject is not one artifact with a sha256 digest")
    if pred.get("activity") not in ACTIVITIES:
        reasons.append(f"{label}: activity {pred.get('activity')!r} is neither `ran` nor `reviewed`")
    says = pred.get("statement")
    if not isinstance(says, str) or not says.strip():
        reasons.append(f"{label}: says nothing about what was run or reviewed")
    ev = pred.get("evidence")
    if not isinstance(ev, str) or not ev:
        reasons.append(f"{label}: names no evidence item, so nothing says what its artifact is evidence of")
    kind = pred.get("kind")
    tests = pred.get("tests")
    if kind is None and tests is None:
        reasons.append(f"{label}: records neither the item's kind nor the safeguards it tests, so it would "
                       "count for the item whatever the case now says it is (sign it again with "
                       "`casegate evidence attest`)")
    elif not isinstance(kind, str) or not (isinstance(tests, list) and all(isinstance(t, str) for t in tests)):
        reasons.append(f"{label}: its kind is not text, or its tests not a list of safeguard ids")
    if "date" not in pred or "result" not in pred:
        reasons.append(f"{label}: records neither the result nor the date the case declares for the item, so "
                       "it would count whatever numbers are typed beside the artifact (sign it again with "
                       "`casegate evidence attest`)")
    elif not isinstance(pred["date"], str) or not _is_date(pred["date"]) \
            or not (pred["result"] is None or isinstance(pred["result"], dict)):
        reasons.append(f"{label}: its declared date is not an ISO date, or its result not a mapping")
    safeguards = pred.get("safeguards")
    if safeguards is not None and not readable_definitions(safeguards):
        reasons.append(f"{label}: its safeguards are not a mapping of safeguard ids to what each is (layer, "
                       "title, steps blocked, security)")
    digests = pred.get("system_digests")
    if digests is not None and not (isinstance(digests, list) and digests and all(
            isinstance(d, str) and d.startswith("sha256:") and is_hex_sha256(d[7:]) for d in digests)):
        reasons.append(f"{label}: its system digests are not a list of `sha256:<hex>` digests")
    files = pred.get("files")
    if files is not None and not (isinstance(files, list) and all(isinstance(d, str) and is_hex_sha256(d)
                                                                  for d in files)):
        reasons.append(f"{label}: its further files are not a list of sha256 digests")
    if pred.get("organisation") not in (None, signed.key.organisation):
        reasons.append(f"{label}: names organisation {pred.get('organisation')!r}, but the keyring puts "
                       f"{signed.key.person} in {signed.key.organisation or 'no organisation'}")
    if reasons:
        return None, reasons
    return EvidenceAttestation(label=label, sha256=str(digest), person=signed.key.person,
                               identity=signed.key.identity, organisation=signed.key.organisation,
                               keyid=signed.key.keyid, role=str(pred.get("role")), activity=pred["activity"],
                               statement=str(says).strip(), signed_at=str(pred.get("signed_at")),
                               evidence=ev, kind=str(kind), tests=tuple(tests or ()),
                               result=pred["result"], date=pred["date"], safeguards=safeguards,
                               system_digests=tuple(digests) if digests is not None else None,
                               files=tuple(sorted(files)) if files is not None else None), []


def readable_definitions(value: Any) -> bool:
    """Whether a statement's `safeguards` reads as safeguard id -> definition (or null)."""
    if not isinstance(value, dict):
        return False
    for sid, d in value.items():
        if d is None:
            continue
        if not (isinstance(sid, str) and isinstance(d, dict) and isinstance(d.get("layer"), str)
                and (d.get("title") is None or isinstance(d.get("title"), str))
                and isinstance(d.get("blocks"), list) and all(isinstance(b, str) for b in d["blocks"])
                and isinstance(d.get("security"), bool)):
            return False
    return True


_HEX = "0123456789abcdef"


def is_hex_sha256(text: str) -> bool:
    """Whether `text` is a sha256 digest in lowercase hex: exactly 64 characters, each one of
    0-9 and a-f (as `[0-9a-f]{64}` matches the whole text, without compiling a pattern for a run
    that reads a handful of statements)."""
    return len(text) == 64 and not text.strip(_HEX)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _claimed_digest(data: Any) -> str | None:
    """The artifact digest an envelope's unverified statement names (to say which item a
    rejected attestation was for), or None."""
    stmt = decode_payload(data) if isinstance(data, dict) else None
    subj = stmt.get("subject") if isinstance(stmt, dict) else None
    if isinstance(subj, list) and len(subj) == 1 and isinstance(subj[0], dict):
        d = subj[0].get("digest")
        h = d.get("sha256") if isinstance(d, dict) else None
        if isinstance(h, str) and is_hex_sha256(h):
            return h
    return None


def check_attestations(loaded: Loaded, keyring: Keyring, at: dt.datetime,
                       dissent: Dissent | None = None) -> AttestationSet:
    """Every evidence attestation of the case verified against the keyring as of `at`, and the
    organisations of the case's authors (declared in the case or by a signed authors list;
    `dissent`, when given, is what `gather` verified of the case as of `at`)."""
    from ._dissent import gather

    good: list[EvidenceAttestation] = []
    rejected: list[RejectedAttestation] = []
    for p in attestation_files(loaded):
        label = f"attestation {_shown(p)}"
        try:
            data = _read(p)
        except InputError as e:
            rejected.append(RejectedAttestation(reason=f"{label}: {e.message}"))
            continue
        att, reasons = check_attestation(data, keyring, at, label)
        if att is not None:
            good.append(replace(att, envelope=envelope_sha256(data)))
        elif reasons:
            digest = _claimed_digest(data)
            rejected += [RejectedAttestation(reason=r, sha256=digest) for r in reasons]
    orgs: dict[str, str] = {}
    if loaded.case is not None:
        names = list(loaded.case.decision.authors)
        try:
            names += (dissent if dissent is not None else gather(loaded, keyring, at)).author_names()
        except InputError:
            pass
        for n in names:
            ident = keyring.identity(n)
            if ident is not None and ident.organisation:
                orgs.setdefault(name_key(ident.organisation), ident.organisation)
    return AttestationSet(keyring=keyring.name, attestations=good, rejected=rejected,
                          author_organisations=sorted(orgs.values()))


def attestation_envelopes(loaded: Loaded, shas: set[str]) -> dict[str, dict[str, Any]]:
    """The evidence attestation envelopes of the case whose canonical sha256 is in `shas`
    (to carry in a decision bundle the ones the decision counted)."""
    out: dict[str, dict[str, Any]] = {}
    for p in attestation_files(loaded):
        try:
            data = _read(p)
        except InputError:
            continue
        if isinstance(data, dict):
            sha = envelope_sha256(data)
            if sha in shas:
                out.setdefault(sha, data)
    return out


def with_attestations(loaded: Loaded, keyring: Keyring | None, at: dt.datetime,
                      dissent: Dissent | None = None) -> Loaded:
    """The loaded case carrying its evidence attestations as verified against `keyring` (without
    a keyring: unchanged, and no evidence is independent); `dissent` as for `check_attestations`."""
    if keyring is None or loaded.case is None:
        return loaded
    return replace(loaded, attestations=check_attestations(loaded, keyring, at, dissent))
