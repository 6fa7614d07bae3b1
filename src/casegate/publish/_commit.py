"""Salted commitments to redacted content, the salts that open them, and disclosure openings.

Construction, for an element at RFC 6901 pointer `P` of case `C` published as version `V`:

    salt       = 32 fresh random bytes, one per element per published version (kept privately
                 in the registry or a salt store, keyed by C, V, P and the commitment)
    content    = RFC 8785 canonical JSON of the element's fields (defaults left out)
    commitment = "sha256:" || hex(SHA-256("casegate/commitment/v1" || 0x00 || salt || content))

Publishing the same version again reuses the salt kept for the same content, so a summary is
reproducible; a version whose element changed gets a new salt, so a salt disclosed for one
version never helps guess another version's content. An opening (pointer, salt, content) lets
anyone recompute the commitment.

Summaries published before random salts derived the salt as HMAC-SHA256(key, "casegate/salt/v1"
|| 0x00 || C || 0x00 || P) from a publisher key; `KeyedSalts` still opens those.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path
from typing import Any

import rfc8785
from pydantic import BaseModel, Field, ValidationError

from .._canonical_json import canonical_json
from ..errors import InputError, VerificationError
from ..limits import read_regular_file, strict_json
from ..model import Frozen
from ..store import SaltRecord, SaltStore

SALT_TAG = b"casegate/salt/v1"
COMMIT_TAG = b"casegate/commitment/v1"
SCHEME = "casegate-commitment-v1"
"""Name of the commitment construction written into every summary and opening."""

OPENING_VERSION = 1
SUMMARY_VERSIONS = (1, 2)
"""Versions of the public summary format casegate reads (`casegate_summary`)."""
DEFAULT_KEY_PATH = Path(".casegate") / "publish.key"
_KEY_BYTES = 32


# --------------------------------------------------------------------------- the key


def load_key(path: Path, *, create: bool = False) -> bytes:
    """The publisher's salt key at `path` (64 hex characters). With `create`, a missing key is
    generated and written with mode 0600; without it, a missing key is an InputError."""
    if not path.exists():
        if not create:
            raise InputError(
                f"no publisher key at {path}",
                help="disclosure needs the key the summary was published with; pass it with --salt-key FILE",
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(_KEY_BYTES)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(key.hex() + "\n")
        os.chmod(path, 0o600)
        return key
    try:
        text = path.read_text().strip()
        key = bytes.fromhex(text)
    except (OSError, UnicodeDecodeError, ValueError):
        raise InputError(
            f"{path}: not a casegate publisher key",
            help="a publisher key is 64 hexadecimal characters on one line",
        ) from None
    if len(key) != _KEY_BYTES:
        raise InputError(
            f"{path}: a publisher key is {_KEY_BYTES} bytes (64 hex characters), this one is {len(key)}",
            help="generate one with `python -c 'import secrets; print(secrets.token_hex(32))'`",
        )
    return key


def key_is_private(path: Path) -> bool:
    """Whether no one but the owner can read the key file."""
    return not (path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


# --------------------------------------------------------------------------- commitments


def derive_salt(key: bytes, case_id: str, pointer: str) -> bytes:
    """The salt summaries published with a publisher key used: HMAC-SHA256 of the case id and
    element pointer under the key (the same in every version; kept only to open old summaries)."""
    msg = SALT_TAG + b"\x00" + case_id.encode() + b"\x00" + pointer.encode()
    return hmac.new(key, msg, hashlib.sha256).digest()


class NoSaltKept(InputError):
    """No salt is kept for an element whose opening was asked for."""


class Salts:
    """The salts of one publication: reuses a kept salt when the element's content is the one it
    committed to, otherwise draws a fresh random salt and keeps it (in `store`) before anything
    is published with it. `fresh=False` only reads (disclosure, diagrams): an element without a
    kept salt raises NoSaltKept."""

    def __init__(self, store: SaltStore | None, *, fresh: bool = True, where: str | None = None) -> None:
        self.store = store
        self.fresh = fresh
        self.where = where or str(getattr(store, "where", "the salt store"))
        self._kept: dict[tuple[str, str], dict[str, list[SaltRecord]]] = {}
        self.pending: list[SaltRecord] = []

    def _records(self, case_id: str, version: str) -> dict[str, list[SaltRecord]]:
        """Pointer -> the salts kept for it in this version (in the order the store gives them)."""
        k = (case_id, version)
        got = self._kept.get(k)
        if got is None:
            got = self._kept[k] = {}
            for r in self.store.commitment_salts(case_id, version) if self.store is not None else []:
                got.setdefault(r.pointer, []).append(r)
        return got

    def salt(self, case_id: str, version: str, pointer: str, content: Any) -> bytes:
        """The salt for this element's content in this version."""
        return self.salted(case_id, version, pointer, content)[0]

    def salted(self, case_id: str, version: str, pointer: str, content: Any, body: bytes | None = None
               ) -> tuple[bytes, str]:
        """The salt for this element's content in this version, and the commitment to the content
        with it (the content written as canonical JSON once for both; `body`: those bytes, when
        the caller has written them already)."""
        records = self._records(case_id, version).setdefault(pointer, [])
        if records:
            if body is None:
                body = canonical(content)
            for r in records:
                if hmac.compare_digest(_commit(r.salt, body), r.commitment):
                    return r.salt, r.commitment
        if not self.fresh:
            raise NoSaltKept(
                f"no salt is kept in {self.where} for {pointer} of case {case_id} version {version} "
                "with its current content",
                help="open it with the registry or salt store it was published with (--db or --salt-store); "
                     "an element changed since publication cannot be opened for that publication")
        if self.store is None:
            raise InputError(
                f"{pointer} of case {case_id} is redacted at this level, and its commitment's salt must be "
                "kept privately to disclose it later; there is nowhere to keep it",
                help="pass --db URL (or set $CASEGATE_DATABASE_URL) to keep salts in the registry, or "
                     "--salt-store FILE (or $CASEGATE_SALT_STORE) to keep them in a private file")
        new = secrets.token_bytes(_KEY_BYTES)
        rec = SaltRecord(case_id, version, pointer, new, _commit(new, canonical(content) if body is None else body))
        records.append(rec)
        self.pending.append(rec)
        return new, rec.commitment

    def flush(self) -> None:
        """Keep the salts drawn so far (before anything committed with them is published)."""
        if self.pending and self.store is not None:
            self.store.keep_commitment_salts(self.pending)
        self.pending = []


class KeyedSalts(Salts):
    """Salts derived from a publisher key, as summaries published before random salts used
    (read-only: they open old summaries, nothing new is published with them)."""

    def __init__(self, key: bytes) -> None:
        super().__init__(None, fresh=False, where="the publisher key")
        self.key = key

    def salt(self, case_id: str, version: str, pointer: str, content: Any) -> bytes:
        return derive_salt(self.key, case_id, pointer)

    def salted(self, case_id: str, version: str, pointer: str, content: Any, body: bytes | None = None
               ) -> tuple[bytes, str]:
        salt = self.salt(case_id, version, pointer, content)
        return salt, _commit(salt, canonical(content) if body is None else body)


def content_of(element: BaseModel) -> dict[str, Any]:
    """The committed content of an element: its fields as JSON, defaults left out (so fields
    added to the format later, at their defaults, do not change existing commitments)."""
    # the model's serializer called directly (`model_dump` is a Python step more per element)
    content: dict[str, Any] = element.__pydantic_serializer__.to_python(element, mode="json", exclude_defaults=True)
    return content


def canonical(content: Any) -> bytes:
    """RFC 8785 canonical JSON of `content`: the standard library's C encoder where it writes the
    same bytes (`casegate._canonical_json`, shared with the store's log), the RFC 8785 library
    otherwise (a number with an exponent, a key beyond the BMP, a lone surrogate)."""
    try:
        return canonical_json(content)
    except (rfc8785.CanonicalizationError, UnicodeEncodeError) as e:  # a lone surrogate in a key: the latter
        raise InputError(
            f"cannot write this content as canonical JSON (RFC 8785): {e}",
            help="numbers in redacted elements must be finite and integers within ±2^53",
        ) from None


def commitment(salt: bytes, content: Any) -> str:
    """`sha256:<hex>` over the tag, the salt and the canonical content."""
    return _commit(salt, canonical(content))


def _commit(salt: bytes, body: bytes) -> str:
    """`commitment` of content already written as canonical JSON (`body`)."""
    return "sha256:" + hashlib.sha256(COMMIT_TAG + b"\x00" + salt + body).hexdigest()


# --------------------------------------------------------------------------- openings


class Opening(Frozen):
    """A disclosure of one redacted element: everything needed to recompute its commitment."""

    casegate_opening: int = OPENING_VERSION
    """Format version of the opening."""
    scheme: str = SCHEME
    """Commitment construction."""
    case: str
    """Case id."""
    case_version: str
    """Case version the summary was published for."""
    element: str
    """RFC 6901 pointer of the element in the case document, e.g. '/evidence/E-bio-uplift'."""
    type: str
    """Element type (evidence, claim, safeguard, pathway, ...)."""
    salt: str = Field(pattern=r"^[0-9a-f]{64}$")
    """The element's salt, hex."""
    content: dict[str, Any]
    """The element's content; the commitment is over its RFC 8785 canonical form."""
    commitment: str
    """The commitment the opening claims to open (checked against the summary, not trusted)."""


def read_json(path: Path, what: str) -> dict[str, Any]:
    """A JSON object from `path`, or an InputError naming the file."""
    try:
        raw = read_regular_file(path, str(path), limit="json_bytes")
    except InputError as e:
        if e.message == "file not found":
            raise InputError(f"{path}: no such file", help=f"pass the path of the {what}") from None
        raise
    # a key given twice would verify here while a reader keeping the other value sees another
    # number: refused, as are NaN, infinities and runaway nesting
    data = strict_json(raw, str(path))
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a {what} (expected a JSON object)")
    return data


def parse_opening(data: dict[str, Any], source: str) -> Opening:
    """Validate an opening document."""
    v = data.get("casegate_opening")
    if type(v) is not int or v != OPENING_VERSION:  # `true` and `1.0` are not 1
        raise InputError(
            f"{source}: not a casegate opening of version {OPENING_VERSION}",
            help="create openings with `casegate disclose CASE ELEMENT`",
        )
    if data.get("scheme") != SCHEME:
        raise InputError(f"{source}: the opening names commitment scheme {data.get('scheme')!r}, not {SCHEME!r}",
                         help="create openings with `casegate disclose CASE ELEMENT`")
    try:
        return Opening.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{source}: {loc}: {first['msg']}", help="the opening is malformed") from None


def verify_opening(summary: dict[str, Any], opening: Opening, source: str = "the summary") -> None:
    """Check that `opening` opens the commitment the summary published for its element: the same
    case and version, the element redacted there with the same type, and the commitment the
    summary publishes recomputed from the opening's salt and content (`source` names the summary
    in errors).

    Returns nothing on success; raises VerificationError naming what does not match or when the
    summary is a local preview (it carries `preview`), InputError when the summary is not one."""
    def malformed(what: str) -> InputError:
        return InputError(f"{source}: not a casegate public summary ({what})",
                          help="pass the summary.json written by `casegate publish`")

    v = summary.get("casegate_summary")
    if v is None:
        raise malformed("no 'casegate_summary' version")
    if type(v) is not int or v not in SUMMARY_VERSIONS:  # `true` and `1.0` are not 1
        raise malformed(f"format {v!r}; casegate reads formats {', '.join(map(str, SUMMARY_VERSIONS))}")
    if "preview" in summary:  # `casegate publish --no-record`: recorded nowhere, judged as its writer chose
        raise VerificationError(
            f"{source} is an unrecorded preview (`casegate publish --no-record`), not a publication: "
            "nothing it commits to was published",
            help="check the opening against the summary the registry recorded (the review board's "
                 "/public/cases/<case id> page links it)")
    case = summary.get("case")
    redactions = summary.get("redactions")
    if not isinstance(case, dict):
        raise malformed("'case' is not an object")
    if not isinstance(redactions, list):
        raise malformed("'redactions' is not a list")
    if summary.get("commitment_scheme") != SCHEME or opening.scheme != SCHEME:
        raise VerificationError(
            f"commitment scheme mismatch: summary uses {summary.get('commitment_scheme')!r}, "
            f"opening {opening.scheme!r}"
        )
    case_id, version = case.get("id"), case.get("version")
    if opening.case != case_id:
        raise VerificationError(f"the opening is for case {opening.case!r}, the summary for {case_id!r}")
    if opening.case_version != version:
        raise VerificationError(f"the opening is for version {opening.case_version!r} of {case_id}, the summary "
                                f"for version {version!r}")
    published = {r["pointer"]: r for r in redactions if isinstance(r, dict) and isinstance(r.get("pointer"), str)}
    entry = published.get(opening.element)
    if entry is None:
        raise VerificationError(
            f"the summary publishes no commitment for {opening.element}",
            help="the element was not redacted in this summary",
        )
    if entry.get("type") != opening.type:
        raise VerificationError(f"{opening.element}: the opening says it is a {opening.type!r}, the summary a "
                                f"{entry.get('type')!r}")
    recomputed = commitment(bytes.fromhex(opening.salt), opening.content)
    published_commitment = str(entry.get("commitment"))
    if not hmac.compare_digest(recomputed, published_commitment) or opening.commitment != published_commitment:
        raise VerificationError(
            f"{opening.element}: the opening does not match the published commitment "
            f"(published {entry.get('commitment')}, opening gives {recomputed}"
            + (f", and names {opening.commitment}" if opening.commitment != recomputed else "") + ")",
            help="the disclosed content or salt differs from what was committed to",
        )
