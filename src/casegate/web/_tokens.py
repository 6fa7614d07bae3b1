"""API tokens: stored hashed (sha256), each bound to one person and the roles they act in.

The token file is JSON: {"casegate_tokens": 1, "tokens": [{"id", "sha256", "person", "roles",
"created", "revoked"}]}. A token is shown once, when created; only its hash is kept. A person's
roles are further limited by the keyring at review time: a token cannot grant a role the keyring
does not give that person.
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

TOKENS_VERSION = 1
AUTHOR_ROLE = "author"
"""Role of case authors: they may submit cases and evidence, never sign or object."""
PUBLIC = "public"


@dataclass(frozen=True)
class Principal:
    """Who is making a request."""

    person: str
    roles: frozenset[str] = field(default_factory=frozenset)
    token_id: str | None = None

    @property
    def is_public(self) -> bool:
        return self.token_id is None


ANONYMOUS = Principal(person=PUBLIC)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _principal(entry: dict[str, Any]) -> Principal:
    roles = entry.get("roles") or []
    return Principal(person=str(entry["person"]), roles=frozenset(str(r) for r in roles),
                     token_id=str(entry["id"]))


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

    def create(self, person: str, roles: list[str]) -> tuple[str, str]:
        """Add a token; returns (token id, the token itself, shown only now)."""
        if self.path is None:
            raise InputError("no token file given", help="pass --tokens FILE")
        token = "cgt_" + secrets.token_urlsafe(32)
        tid = "t-" + secrets.token_hex(4)
        self._entries.append({"id": tid, "sha256": _hash(token), "person": person, "roles": sorted(set(roles)),
                              "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                              "revoked": False})
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
        return [dict(e, sha256="…") for e in self._entries]

    def authenticate(self, token: str | None) -> Principal | None:
        """The principal for a presented token, or None when it is unknown or revoked."""
        if not token:
            return None
        h = _hash(token)
        found = None
        for e in self._entries:  # compare every entry: timing does not reveal which matched
            if hmac.compare_digest(str(e["sha256"]), h) and not e.get("revoked"):
                found = e
        if found is None:
            return None
        return _principal(found)

    def by_id(self, tid: str) -> Principal | None:
        """The principal of a (non-revoked) token id, for sessions."""
        for e in self._entries:
            if e["id"] == tid and not e.get("revoked"):
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
