"""in-toto Statement v1 payloads in RFC 8785 canonical JSON, wrapped in DSSE envelopes, and the
checks every casegate envelope passes before anything in it is believed."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._canonical_json import canonical_json
from .._record import FrozenRecord
from ..errors import InputError
from ..load import Loaded
from ._dsse import Envelope, NotVerified, read_envelope, verify_signature
from ._keyring import Keyring, TrustedKey, parse_instant

if TYPE_CHECKING:
    from securesystemslib.signer import Signer  # type: ignore[attr-defined]

STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
"""in-toto Statement v1 `_type`."""
PAYLOAD_TYPE = "application/vnd.in-toto+json"
"""DSSE payloadType of an in-toto statement."""

SIGNOFF = "https://casegate.dev/signoff/v1"
"""Predicate type of a sign-off: a role approves the case for its boundary."""
OBJECTION = "https://casegate.dev/objection/v1"
"""Predicate type of an objection: a role objects to the case, with a reason."""
DECISION = "https://casegate.dev/decision/v1"
"""Predicate type of a decision: the gate's record, with the sign-offs it rests on."""
WAIVER = "https://casegate.dev/waiver/v1"
"""Predicate type of a waiver of one finding, by a role, until a date."""
POLICY_CHANGE = "https://casegate.dev/policy-change/v1"
"""Predicate type of a policy change: an owner records a changed threshold measurement and why."""
INCIDENT_REPORT = "https://casegate.dev/incident-report-filed/v1"
"""Predicate type of a filing: a role records that a regime report of an incident was filed."""
INCIDENT_CLASS_DISMISSED = "https://casegate.dev/incident-class-dismissed/v1"
"""Predicate type of a dismissal: a role outside the developer says a regime incident class an
incident's own fields suggest does not apply to it, and why."""
ANSWER = "https://casegate.dev/objection-answer/v1"
"""Predicate type of an answer to one signed objection, its acceptance, or an escalation role
upholding it (`kind`: answer / accept / uphold)."""
PROTOCOL = "https://casegate.dev/protocol/v1"
"""Predicate type of a registered evaluation protocol: what a run will measure and how, fixed before it."""
AUTHORS = "https://casegate.dev/authors/v1"
"""Predicate type of an authors list: who wrote the case (the signer is always one of them)."""
EVIDENCE_ATTESTATION = "https://casegate.dev/evidence-attestation/v1"
"""Predicate type of an evidence attestation: an evaluator says they ran or reviewed the evidence
whose artifact has the subject's digest."""
CONDITION_MET = "https://casegate.dev/condition-met/v1"
"""Predicate type of a confirmation that one condition of a GO WITH CONDITIONS decision is met,
with the digests of the evidence that shows it."""
MONITOR_READINGS = "https://casegate.dev/monitor-readings/v1"
"""Predicate type of a batch of monitoring readings, signed by the holder of a telemetry key: what
the monitoring system measured, signal by signal, at each time (version 1: numbered per case)."""
MONITOR_READINGS_V2 = "https://casegate.dev/monitor-readings/v2"
"""Version 2 of the monitoring readings predicate, the one casegate signs: numbered per case as
version 1 is, and each number after the first names the key that signed the number before it."""
REGIME_DOCUMENT = "https://casegate.dev/regime-document/v1"
"""Predicate type of a regime document's manifest: the sha256 of each file `casegate report
--regime` wrote, bound to the case version it was made from, the regime and the document."""
PREDICATE_TYPES = (SIGNOFF, OBJECTION, DECISION, WAIVER, POLICY_CHANGE, INCIDENT_REPORT, INCIDENT_CLASS_DISMISSED, ANSWER, AUTHORS,
                   EVIDENCE_ATTESTATION, PROTOCOL, CONDITION_MET, MONITOR_READINGS, MONITOR_READINGS_V2, REGIME_DOCUMENT)

CASE_DIGEST_VERSION = 1
"""Version of the case digest derivation (see `case_digest`)."""


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def iso(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def canonical(obj: Any) -> bytes:
    """RFC 8785 canonical JSON bytes (`rfc8785.dumps`'s, in C where the standard library's encoder
    writes the same: see `casegate._canonical_json`)."""
    try:
        return canonical_json(obj)
    except (TypeError, ValueError) as e:  # rfc8785's CanonicalizationError is a ValueError
        raise InputError(f"cannot write canonical JSON: {e}",
                         help="numbers must be finite and keys must be strings") from None


def _artifact_hashes(loaded: Loaded) -> dict[str, str | None]:
    assert loaded.case is not None
    out: dict[str, str | None] = {}
    for eid in sorted(loaded.case.evidence):
        p = loaded.artifact_path(eid)
        try:
            out[eid] = hashlib.sha256(p.read_bytes()).hexdigest() if p is not None else None
        except OSError:
            out[eid] = None
    return out


def case_digest(loaded: Loaded) -> str:
    """The case's identity as signers see it, `sha256:<hex>`.

    SHA-256 over the RFC 8785 canonical JSON of {"casegate-case-digest": 1, "case": the merged
    case document without its `decision` and `include` sections, "policy": sha256 of the policy
    file's bytes, "artifacts": evidence id -> sha256 of the artifact's bytes (null when absent)}.
    The `decision` section is left out because it records the sign-offs themselves (recording
    one must not change what the others signed); everything the argument rests on is in.
    """
    if loaded.case is None or loaded.policy_file is None:
        raise InputError("the case does not load cleanly, so it cannot be signed",
                         location=loaded.case_path, help=f"run `casegate check {loaded.case_path}`")
    body = {k: v for k, v in loaded.data.items() if k not in ("decision", "include")}
    doc = {
        "casegate-case-digest": CASE_DIGEST_VERSION,
        "case": body,
        "policy": loaded.policy_file.sha256,
        "artifacts": _artifact_hashes(loaded),
    }
    return "sha256:" + hashlib.sha256(canonical(doc)).hexdigest()


NAMING_KEYS = ("id", "title", "version")
"""What names a case rather than argues it: its id, title and declared version."""


def argument_digest(loaded: Loaded) -> str:
    """`case_digest` of the case without what names it (`NAMING_KEYS`): the same for the same
    argument, evidence and policy filed under another case id, title or declared version."""
    if loaded.case is None or loaded.policy_file is None:
        raise InputError("the case does not load cleanly, so its argument cannot be compared",
                         location=loaded.case_path, help=f"run `casegate check {loaded.case_path}`")
    body = {k: v for k, v in loaded.data.items() if k not in ("decision", "include", *NAMING_KEYS)}
    doc = {
        "casegate-case-digest": CASE_DIGEST_VERSION,
        "case": body,
        "policy": loaded.policy_file.sha256,
        "artifacts": _artifact_hashes(loaded),
    }
    return "sha256:" + hashlib.sha256(canonical(doc)).hexdigest()


def subjects(loaded: Loaded, digest: str) -> list[dict[str, Any]]:
    """Statement subjects: each of the model's artifact digests, then the case digest."""
    assert loaded.case is not None
    s = loaded.case.system
    out = [
        {"name": f"model:{s.name}@{s.version}" + (f"#{i}" if i else ""),
         "digest": {"sha256": d.removeprefix("sha256:")}}
        for i, d in enumerate(s.digests)
    ]
    out.append({"name": f"case:{loaded.case.id}@{loaded.case.version}",
                "digest": {"sha256": digest.removeprefix("sha256:")}})
    return out


def statement(subject: list[dict[str, Any]], predicate_type: str, predicate: dict[str, Any]) -> dict[str, Any]:
    """An in-toto Statement v1."""
    return {"_type": STATEMENT_TYPE, "subject": subject, "predicateType": predicate_type,
            "predicate": predicate}


def sign_statement(stmt: dict[str, Any], signer: Signer) -> dict[str, Any]:
    """A DSSE envelope (as its JSON object) over the statement's canonical JSON, signed by `signer`."""
    from securesystemslib import dsse  # signing: securesystemslib's envelope and signer

    env = dsse.Envelope(canonical(stmt), PAYLOAD_TYPE, {})
    env.sign(signer)
    return env.to_dict()


def envelope_bytes(env: dict[str, Any]) -> bytes:
    """An envelope as written to disk (indented JSON, trailing newline)."""
    return (json.dumps(env, indent=2) + "\n").encode()


def envelope_sha256(env: dict[str, Any]) -> str:
    """sha256 over the envelope's canonical JSON (how a decision refers to the envelopes it used)."""
    return hashlib.sha256(canonical(env)).hexdigest()


def payload_sha256(env: Any) -> str | None:
    """sha256 over the bytes an envelope's signature covers (its payload, decoded as DSSE
    verification decodes it), or None when there is none to read. Two envelopes with the same
    payload say the same signed thing, whatever else differs between them (a field added around
    it, or another signature over it: an ECDSA signature differs each time it is made)."""
    if not isinstance(env, dict) or not isinstance(env.get("payload"), str):
        return None
    try:
        return hashlib.sha256(base64.b64decode(env["payload"])).hexdigest()
    except (binascii.Error, ValueError):
        return None


DSSE_FIELDS = ("payload", "payloadType", "signatures")
"""The fields a DSSE envelope has (and no others)."""
DSSE_SIGNATURE_FIELDS = ("keyid", "sig")
"""The fields of each of a DSSE envelope's signatures (and no others)."""


def dsse_shape_problems(data: Any, label: str) -> list[str]:
    """Why `data` is not an envelope with only the fields DSSE defines: payload, payloadType and
    signatures at the top, keyid and sig in each signature. A field outside the signature changes
    the envelope's bytes but not what was signed, so a signed statement could be passed off as new
    by adding one; casegate refuses such envelopes rather than ignore the field."""
    if not isinstance(data, dict):
        return []
    out = []
    extra = sorted(str(k) for k in data if k not in DSSE_FIELDS)
    if extra:
        out.append(f"{label}: the envelope has field(s) {', '.join(map(repr, extra))} that DSSE does not define "
                   f"(an envelope holds only {', '.join(DSSE_FIELDS)}); give the envelope as its signer wrote it")
    if not _plain_base64(data.get("payload")):
        out.append(f"{label}: the envelope's payload is not plain base64 (characters outside base64 are set "
                   "aside when it is read, so the same signed payload could be written many ways); give the "
                   "envelope as its signer wrote it")
    sigs = data.get("signatures")
    for i, sig in enumerate(sigs if isinstance(sigs, list) else [], 1):
        extra = sorted(str(k) for k in sig if k not in DSSE_SIGNATURE_FIELDS) if isinstance(sig, dict) else []
        if extra:
            out.append(f"{label}: signature {i} of the envelope has field(s) {', '.join(map(repr, extra))} that "
                       f"DSSE does not define (a signature holds only {' and '.join(DSSE_SIGNATURE_FIELDS)}); "
                       "give the envelope as its signer wrote it")
        elif isinstance(sig, dict) and not _plain_base64(sig.get("sig")):
            out.append(f"{label}: signature {i} of the envelope is not plain base64; give the envelope as its "
                       "signer wrote it")
    return out


def _plain_base64(value: Any) -> bool:
    """Whether `value` is standard padded base64 with nothing else in it (True for what is not a
    string: the envelope reader says what is wrong with that)."""
    if not isinstance(value, str):
        return True
    try:
        return base64.b64encode(base64.b64decode(value, validate=True)).decode() == value
    except (binascii.Error, ValueError):
        return False


class Signed(FrozenRecord):
    """An envelope whose signature verified against a trusted key, and what it says."""

    _fields = ("label", "envelope", "statement", "key")
    label: str
    """How messages name it, e.g. 'sign-off signoffs/rso-sam-whitfield.dsse.json'."""
    envelope: dict[str, Any]
    statement: dict[str, Any]
    key: TrustedKey

    def __init__(self, label: str, envelope: dict[str, Any], statement: dict[str, Any], key: TrustedKey) -> None:
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "envelope", envelope)
        object.__setattr__(self, "statement", statement)
        object.__setattr__(self, "key", key)

    @property
    def predicate_type(self) -> str:
        return str(self.statement["predicateType"])

    @property
    def predicate(self) -> dict[str, Any]:
        return dict(self.statement["predicate"])

    @property
    def role(self) -> str:
        return str(self.predicate.get("role", ""))

    @property
    def person(self) -> str:
        return self.key.person

    @property
    def identity(self) -> str:
        """The signer's identity id (what counts once toward any requirement)."""
        return self.key.identity

    def subject_digests(self) -> dict[str, str]:
        return {str(s.get("name")): "sha256:" + str(s["digest"].get("sha256") if isinstance(s.get("digest"), dict) else None)
                for s in self.statement.get("subject", []) if isinstance(s, dict)}


class LoggedAt(FrozenRecord):
    """When the log recorded an envelope: the first log entry that holds it, and that entry's
    recorded time (the signature's time; the date the signer wrote is only a claim)."""

    _fields = ("index", "time")
    index: int
    time: dt.datetime

    def __init__(self, index: int, time: dt.datetime) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "time", time)


LogTimes = Mapping[str, LoggedAt]
"""envelope_sha256 -> when the log first recorded that envelope."""


def _time_problems(key: TrustedKey, label: str, at: dt.datetime, claimed: dt.datetime | None,
                   lt: LoggedAt | None, logged: bool) -> list[str]:
    """Why the signature does not count by time. Without log times (`logged` false) the key must
    count at `at`. With them, a signature's time is when the log recorded it: it must be logged
    at or before `at`, while the key was valid, and before a revocation (a retired key keeps the
    signatures logged before it was retired; a compromised one only those logged before the
    compromise date). A signature dated (by its signer) at or after a revocation never counts."""
    out: list[str] = []
    who = f"{key.person}'s key {key.keyid[:16]}..."
    rev = key.revoked
    if not logged:
        out += [f"{label}: {who} {p}" for p in key.problems_at(at)]
    else:
        out += [f"{label}: {who} {p}" for p in key.problems_at(at, revocation=False)]
        if lt is None:
            out.append(f"{label}: is not in the log the trust root pins, so when it was signed cannot be "
                       "established (a signature's time is when the log recorded it, never the date its "
                       "signer wrote)")
        else:
            when = f"{iso(lt.time)} (log entry {lt.index})"
            # compared at whole seconds, the resolution --at is given and shown in
            if lt.time.replace(microsecond=0) > at:
                out.append(f"{label}: was logged at {when}, after {iso(at)}, the time verified for: a "
                           "signature logged after --at never counts")
            if lt.time < parse_instant(key.valid_from) or lt.time > parse_instant(key.valid_until, end_of_day=True):
                out.append(f"{label}: was logged at {when}, outside the validity of {who} "
                           f"({key.valid_from} to {key.valid_until})")
            if rev is not None and lt.time >= parse_instant(rev.at):
                if rev.kind == "retired":
                    out.append(f"{label}: was logged at {when}, after {who} was retired on {rev.at} "
                               f"({rev.reason}); only signatures logged while it was valid count")
                else:
                    out.append(f"{label}: was logged at {when}, not before {who} was revoked as "
                               f"compromised from {rev.at} ({rev.reason}); a compromised key's signature "
                               "counts only when the log shows it was made before the compromise")
    if rev is not None and claimed is not None and claimed >= parse_instant(rev.at) \
            and not any("revoked" in r or "retired" in r for r in out):
        out.append(f"{label}: is dated {iso(claimed)}, at or after {who} was revoked on {rev.at} "
                   f"({rev.reason}); it never counts, whatever time it is verified for")
    return out


def _parse(data: Any, label: str) -> tuple[Envelope | None, list[str]]:
    if not isinstance(data, dict):
        return None, [f"{label}: not a DSSE envelope (expected a JSON object)"]
    try:
        env = read_envelope(data)
    except (KeyError, TypeError, ValueError, binascii.Error) as e:
        return None, [f"{label}: not a valid DSSE envelope ({type(e).__name__}: {e})"]
    shape = dsse_shape_problems(data, label)
    if shape:
        return None, shape
    if env.payload_type != PAYLOAD_TYPE:
        return None, [f"{label}: payloadType is {env.payload_type!r}, expected {PAYLOAD_TYPE!r}"]
    return env, []


def _one_meaning(payload: bytes, label: str) -> tuple[Any, list[str]]:
    """The signed payload's JSON, when it says one thing to every reader: canonical JSON (what
    casegate signs) is read at once; any other form (another tool's whitespace, key order or
    escapes) is read again strictly, so a key given twice in one object (`json` keeps the last,
    other readers the first), NaN or Infinity is refused. Either way its values must be ones
    canonical JSON writes: a number past an IEEE double (`1e400`, which `json` reads as
    infinity), an integer past 2**53 (read rounded by every reader of JSON as doubles) or a lone
    surrogate is refused."""
    try:
        stmt = json.loads(payload)
    except (ValueError, RecursionError):
        return None, [f"{label}: the payload is not JSON casegate reads (malformed, or nested too deep)"]
    try:
        again = canonical_json(stmt)
    except RecursionError:
        return None, [f"{label}: the signed payload nests too deep to be read"]
    except (TypeError, ValueError) as e:
        return None, [f"{label}: the signed payload holds a value canonical JSON cannot write ({e}), so readers "
                      "of JSON would not all read the same statement; it is not counted"]
    if again != payload:  # not as casegate writes it: read it again, refusing what reads two ways
        from ..limits import strict_json

        try:
            strict_json(payload, label)
        except InputError as e:
            return None, [f"{label}: the signed payload does not read one way only: {e.message}; it is not counted "
                          "(a reader keeping the other value would see another statement)"]
    return stmt, []


def _statement(env: Envelope, label: str) -> tuple[dict[str, Any] | None, list[str]]:
    stmt, problems = _one_meaning(env.payload, label)
    if problems:
        return None, problems
    subject = stmt.get("subject", []) if isinstance(stmt, dict) else None
    if not isinstance(stmt, dict) or stmt.get("_type") != STATEMENT_TYPE \
            or not (isinstance(subject, list) and all(isinstance(s, dict) for s in subject)):
        # a subject that is no list of resource descriptors is no Statement either: every reader
        # of a statement's subjects may walk them as such
        return None, [f"{label}: the payload is not an in-toto Statement v1"]
    if stmt.get("predicateType") not in PREDICATE_TYPES or not isinstance(stmt.get("predicate"), dict):
        return None, [f"{label}: unknown predicate type {stmt.get('predicateType')!r}"]
    return stmt, []


def check_envelope(data: Any, keyring: Keyring, at: dt.datetime, label: str,
                   expect: str | None = None, logged: LogTimes | None = None) -> tuple[Signed | None, list[str]]:
    """Verify one envelope against the keyring as of `at`.

    Returns the verified envelope (None when its signature cannot be trusted at all) and every
    reason it fails: unreadable, unknown key, bad signature, key expired / not yet valid /
    revoked at `at`, signed outside the key's validity, a person or role the key does not hold,
    an unexpected predicate type. With `logged` (when the log the trust root pins recorded each
    envelope), the signature's time is its log time (see `_time_problems`).
    """
    env, reasons = _parse(data, label)
    if env is None:
        return None, reasons
    if len(env.signatures) != 1:
        return None, [f"{label}: has {len(env.signatures)} signatures; a casegate envelope has exactly one"]
    ((keyid, sig),) = env.signatures.items()
    key = keyring.get(keyid)
    if key is None:
        return None, [f"{label}: signed by key {keyid[:16]}..., which is not in the keyring"]
    try:
        verify_signature(key.keytype, key.scheme, key.public, key.keyid, sig, env.pae())
    except NotVerified:
        return None, [f"{label}: the signature does not verify against {key.person}'s key "
                      f"{key.keyid[:16]}... (the payload was changed after signing, or another key signed it)"]
    stmt, reasons = _statement(env, label)
    if stmt is None:
        return None, reasons
    out: list[str] = []
    pred = stmt["predicate"]
    if expect is not None and stmt["predicateType"] != expect:
        out.append(f"{label}: is a {stmt['predicateType']} statement, expected {expect}")
    if pred.get("person") != key.person:
        out.append(f"{label}: names {pred.get('person')!r} as signer, but the key belongs to {key.person!r}")
    role = pred.get("role")
    if role not in key.roles:
        out.append(f"{label}: claims role {role!r}, which {key.person}'s key does not hold "
                   f"(it holds: {', '.join(key.roles)})")
    if pred.get("keyid") not in (None, key.keyid):
        out.append(f"{label}: names key {str(pred.get('keyid'))[:16]}... but was signed by {key.keyid[:16]}...")
    if pred.get("identity") not in (None, key.identity):
        out.append(f"{label}: names identity {pred.get('identity')!r}, but the key belongs to identity "
                   f"{key.identity!r} ({key.person})")
    signed_at = pred.get("signed_at")
    t: dt.datetime | None
    try:
        t = parse_instant(str(signed_at))
    except InputError:
        out.append(f"{label}: signed_at {signed_at!r} is not a date-time")
        t = None
    else:
        if t < parse_instant(key.valid_from) or t > parse_instant(key.valid_until, end_of_day=True):
            out.append(f"{label}: was signed at {signed_at}, outside the validity of {key.person}'s key "
                       f"({key.valid_from} to {key.valid_until})")
    lt = logged.get(envelope_sha256(data)) if logged is not None else None
    out[:0] = _time_problems(key, label, at, t, lt, logged is not None)
    return Signed(label, data, stmt, key), out


def read_envelope_file(path: Path, shown: str) -> Any:
    """The JSON of an envelope file (InputError when missing or not JSON)."""
    return read_envelope_json(path, shown, lambda e: InputError(f"cannot read the envelope: {e}", location=shown))


def read_envelope_json(path: Path, shown: str, refused: Callable[[str], InputError]) -> Any:
    """The JSON of a signed envelope file, read as every signed document is (`strict_json`): a
    regular file within the `json-bytes` limit, its nesting bounded before the parser recurses
    (100,000 brackets would exhaust Python's stack), no key given twice (a reader taking the other
    copy would see another payload), no NaN or infinity. `refused(reason)` is the error raised
    for a file that cannot be read so; a missing file is "envelope file not found"."""
    import os

    from ..limits import read_regular_file, strict_json

    if not os.path.lexists(path):
        raise InputError("envelope file not found", location=shown)
    try:
        return strict_json(read_regular_file(path, shown, limit="json_bytes"), shown)
    except InputError as e:
        raise refused(e.message) from None


def decode_payload(env: dict[str, Any]) -> dict[str, Any] | None:
    """The statement inside an envelope, unverified (for display only), or None."""
    try:
        return dict(json.loads(base64.b64decode(env["payload"])))
    except Exception:
        return None


def logged_instant(logged_at: str | None) -> dt.datetime:
    """The instant a key must have been valid at for a logged statement: when it was logged (else now)."""
    if logged_at:
        try:
            return dt.datetime.fromisoformat(logged_at.replace("Z", "+00:00"))
        except ValueError:
            pass
    return now_utc()


def read_signed_statement(env: Any, keyring: Keyring | None, *, expect: str, label: str, logged_at: str | None,
                          what: str) -> tuple[dict[str, Any], list[str]]:
    """The predicate of a logged envelope of type `expect`, with every reason it cannot be trusted
    (no keyring, bad signature, unknown or revoked key at its log time, a role the key does not
    hold). An envelope that does not verify still yields what it claims (to name it in reasons);
    its problems are never empty. `what` names the kind ("a protocol") when there is no predicate.
    Never raises on bad input."""
    problems: list[str] = []
    stmt: dict[str, Any] | None
    if keyring is None:
        stmt = None
        problems.append("no keyring given (pass --keyring)")
    else:
        signed, problems = check_envelope(env, keyring, logged_instant(logged_at), label, expect=expect)
        stmt = signed.statement if signed is not None else None
        if signed is None and not problems:
            problems = [f"{label}: cannot be verified"]
    if stmt is None and isinstance(env, dict):
        stmt = decode_payload(env)  # unverified: only to name what it claims to be
    pred: dict[str, Any] = dict(stmt.get("predicate") or {}) if isinstance(stmt, dict) else {}
    if not pred:
        problems = problems or [f"{label}: not {what}"]
    return pred, problems

