"""API tokens: stored hashed (sha256), each bound to one person and the roles they act in.

The token file is JSON: {"casegate_tokens": 1, "tokens": [{"id", "sha256", "person", "roles",
"created", "revoked", "ceiling"?, "cases"?, "expires"?}]}. A token is shown once, when created; only its hash is kept. A
person's roles are further limited by the keyring at review time: a token cannot grant a role the
keyring does not give that person.

Each token reads up to a confidentiality ceiling: its `ceiling` when the file names one, else the
highest default of its roles (`DEFAULT_CEILINGS`). A case holding anything above it is shown to
the token as the public summary shows it (see `_withheld`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Confidentiality

TOKENS_VERSION = 1
AUTHOR_ROLE = "author"
"""Role of case authors: they may submit cases and evidence, never sign or object."""
PUBLIC = "public"
VIEWER_ROLE = "viewer"
"""Role of people who only read the board."""

TOP = list(Confidentiality)[-1]
"""The highest confidentiality level: a token with this ceiling reads everything."""

DEFAULT_CEILINGS: dict[str, Confidentiality] = {VIEWER_ROLE: Confidentiality.internal,
                                                AUTHOR_ROLE: Confidentiality.internal}
"""The ceiling a role gives a token whose entry names none. Viewers and authors read up to
`internal`; every other role is a reviewer role (it signs, objects and answers for the whole
case, and a sign-off over text the signer may not read is worth nothing), so it reads everything
(`REVIEWER_CEILING`). A token with no role reads up to `internal`. `casegate token create
--ceiling` sets a token's ceiling above or below these."""

REVIEWER_CEILING = TOP


def default_ceiling(roles: frozenset[str] | list[str]) -> Confidentiality:
    """The highest ceiling any of the roles gives (`internal` for none)."""
    levels = list(Confidentiality)
    return max((DEFAULT_CEILINGS.get(r, REVIEWER_CEILING) for r in roles), key=levels.index,
               default=Confidentiality.internal)


@dataclass(frozen=True)
class Principal:
    """Who is making a request."""

    person: str
    roles: frozenset[str] = field(default_factory=frozenset)
    token_id: str | None = None
    ceiling: Confidentiality = Confidentiality.public
    """The highest confidentiality level the token may read (the public reads `public` only)."""
    cases: frozenset[str] | None = None
    """The cases the token is for (`casegate token create --case`), or None for every case. Any
    other case is to the token as a case the registry does not hold (its public pages aside)."""

    def may_see(self, case_id: str) -> bool:
        """Whether the token is for the case (every token is, unless it names its cases)."""
        return self.cases is None or case_id in self.cases

    @property
    def is_public(self) -> bool:
        return self.token_id is None

    @property
    def reads_everything(self) -> bool:
        """Whether the ceiling is the top level: nothing on the board is withheld from it."""
        return self.ceiling is TOP


ANONYMOUS = Principal(person=PUBLIC)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _expiry_of(entry: dict[str, Any]) -> dt.datetime | None:
    """When the token stops being valid (`expires`), or None for a token valid until revoked."""
    value = entry.get("expires")
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("expires is not a string")
    from ..sign import parse_instant

    return parse_instant(value)


def _valid(entry: dict[str, Any]) -> bool:
    """Not revoked and not past its expiry (one whose expiry does not read is not valid)."""
    if entry.get("revoked"):
        return False
    try:
        until = _expiry_of(entry)
    except (InputError, TypeError):
        return False
    return until is None or dt.datetime.now(dt.UTC) < until


def _principal(entry: dict[str, Any]) -> Principal:
    roles = frozenset(str(r) for r in entry.get("roles") or [])
    given = entry.get("ceiling")
    cases = entry.get("cases")
    return Principal(person=str(entry["person"]), roles=roles, token_id=str(entry["id"]),
                     ceiling=Confidentiality(given) if given is not None else default_ceiling(roles),
                     cases=frozenset(cases) if cases is not None else None)


class TokenStore:
    """A token file, re-read whenever its bytes change; lookups compare hashes in constant time."""

    def __init__(self, path: Path | None):
        self.path = path
        self._entries: list[dict[str, Any]] = []
        self._digest: bytes | None = None
        if path is not None and path.exists():
            raw = self._raw()
            self._entries = self._parse(raw)
            self._digest = hashlib.sha256(raw).digest()

    def _raw(self) -> bytes:
        assert self.path is not None
        from ..limits import read_regular_file

        return read_regular_file(self.path, str(self.path), limit="json_bytes")

    def _parse(self, raw: bytes) -> list[dict[str, Any]]:
        from ..limits import strict_json

        doc = strict_json(raw, str(self.path))
        if not isinstance(doc, dict) or doc.get("casegate_tokens") != TOKENS_VERSION:
            raise InputError("unknown token file version", location=str(self.path),
                             help=f"expected casegate_tokens: {TOKENS_VERSION}")
        tokens = doc.get("tokens", [])
        if not isinstance(tokens, list) or not all(isinstance(t, dict) and isinstance(t.get("id"), str) for t in tokens):
            raise InputError("the token file's `tokens` is not a list of tokens, each with an id",
                             location=str(self.path),
                             help="restore it from a backup, or move it away and create the tokens again "
                                  "(`casegate token create`); it is not rewritten while it reads like this")
        levels = [lv.value for lv in Confidentiality]
        for t in tokens:
            if "ceiling" in t and t["ceiling"] not in levels:
                raise InputError(f"token {t['id']}: unknown ceiling {t['ceiling']!r}", location=str(self.path),
                                 help="a ceiling is one of " + ", ".join(levels) + "; no token of this file is "
                                      "valid until it is fixed")
            if "expires" in t:
                try:
                    _expiry_of(t)
                except (InputError, TypeError):
                    # an expiry that does not read is never read as "none"
                    raise InputError(f"token {t['id']}: `expires` is not a date-time", location=str(self.path),
                                     help="write YYYY-MM-DDTHH:MM:SSZ, or leave `expires` out for a token that "
                                          "lasts until revoked; no token of this file is valid until it is fixed") \
                        from None
            cases = t.get("cases")
            if "cases" in t and (not isinstance(cases, list) or not cases
                                 or not all(isinstance(c, str) and c for c in cases)):
                # a scope that does not read is never read as "every case"
                raise InputError(f"token {t['id']}: `cases` is not a list of case ids", location=str(self.path),
                                 help="list the case ids the token is for, or leave `cases` out for every case; "
                                      "no token of this file is valid until it is fixed")
        return list(tokens)

    def refresh(self) -> None:
        """Re-read the file when its bytes changed (a token revoked by `casegate token revoke`
        in another process is refused from the next request on). A file that disappeared or no
        longer reads leaves no token valid (fail closed)."""
        if self.path is None:
            return
        try:
            raw = self._raw()
        except InputError:
            self._entries, self._digest = [], None
            return
        digest = hashlib.sha256(raw).digest()
        if digest == self._digest:
            return
        try:
            self._entries = self._parse(raw)
        except InputError:
            self._entries = []
        self._digest = digest

    def create(self, person: str, roles: list[str], ceiling: Confidentiality | None = None,
               cases: list[str] | None = None, expires: dt.datetime | None = None) -> tuple[str, str]:
        """Add a token (reading up to `ceiling`, else its roles' default; for `cases` only, when
        given); returns (token id, the token itself, shown only now)."""
        if self.path is None:
            raise InputError("no token file given", help="pass --tokens FILE")
        token = "cgt_" + secrets.token_urlsafe(32)
        tid = "t-" + secrets.token_hex(4)
        entry: dict[str, Any] = {"id": tid, "sha256": _hash(token), "person": person, "roles": sorted(set(roles)),
                                 "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                                 "revoked": False}
        if ceiling is not None:
            entry["ceiling"] = ceiling.value
        if expires is not None:
            if expires <= dt.datetime.now(dt.UTC):
                raise InputError(f"the expiry {expires.isoformat()} is past", help="give a later --expires")
            entry["expires"] = expires.astimezone(dt.UTC).isoformat(timespec="seconds")
        if cases is not None:
            if not cases or not all(c.strip() for c in cases):
                raise InputError("a token for some cases names at least one case id",
                                 help="pass --case ID for each case, or no --case for every case")
            entry["cases"] = sorted({c.strip() for c in cases})
        self._entries.append(entry)
        self._save()
        return tid, token

    def revoke(self, tid: str) -> None:
        for e in self._entries:
            if e["id"] == tid:
                e["revoked"] = True
                self._save()
                return
        raise InputError(f"no token {tid!r}", help="`casegate token list` shows the ids")

    def list(self) -> list[dict[str, Any]]:
        """The tokens (never their hashes), each with the ceiling it reads up to and the cases it
        is for (None: every case)."""
        return [dict(e, sha256="…", ceiling=_principal(e).ceiling.value, cases=e.get("cases")) for e in self._entries]

    def authenticate(self, token: str | None) -> Principal | None:
        """The principal for a presented token, or None when it is unknown or revoked."""
        if not token:
            return None
        h = _hash(token)
        found = None
        for e in self._entries:  # compare every entry: timing does not reveal which matched
            if hmac.compare_digest(str(e["sha256"]), h) and _valid(e):
                found = e
        if found is None:
            return None
        return _principal(found)

    def by_id(self, tid: str) -> Principal | None:
        """The principal of a (non-revoked) token id, for sessions."""
        for e in self._entries:
            if e["id"] == tid and _valid(e):
                return _principal(e)
        return None

    def _save(self) -> None:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump({"casegate_tokens": TOKENS_VERSION, "tokens": self._entries}, f, indent=2)
        os.replace(tmp, self.path)
        self._digest = hashlib.sha256(self.path.read_bytes()).digest()
