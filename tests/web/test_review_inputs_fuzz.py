"""The review board's objection and answer writes, fuzzed beyond the generic schema run: the JSON
API's bodies (a field of a signed envelope given a hostile value, hostile bytes, a key given twice,
NaN, wrong or missing content types, very long or foreign case ids and log indexes) and the
review page's upload form (repeated fields, a CSRF field holding bytes that are not ASCII, a file
that is not JSON). Every answer is a status under 500, and a write that is refused logs nothing.

Moves closed at their root (`web/_guards.py`):
- a CSRF token, session cookie or flash signature holding a character outside ASCII (a form field
  sent as raw bytes, `?sig=é`) ended in a 500: `hmac.compare_digest` raises TypeError on such a
  `str`. Every MAC the client presents is now compared as bytes (`same_mac`).
- a JSON body giving a key twice (`{"envelope": A, "envelope": B}`, or `payload` twice inside the
  envelope) was read as its last copy, where every other reader of the request (a proxy's log,
  the client's own copy) reads the first; NaN and infinities were taken too. Such a body is now
  refused with 400 before any route reads it, as `strict_json` refuses such files.

The examples are drawn deterministically (`derandomize`); a longer campaign by hand with
CASEGATE_FUZZ_EXAMPLES=N."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from casegate.store import open_registry
from tests.security.test_verify_inputs_fuzz import SETTINGS

from .conftest import BoardFixture, answer_env, build_board, objection_env, sign_in

CASE = "atlas-2-api"
REASON = "The CTF suite under-samples web exploitation."

HOSTILE: list[Any] = [
    None, True, 0, -1, 2**63, 10**300, 1.5, "", "x" * 300_000, "\x00", "\u202e\u2066evil\x1b[2J",
    "\ud800", "../../x", "O-1\n", [], {}, [[[[[[[[[[]]]]]]]]]], {"a": {"b": {}}}, ["x"] * 1000,
    "sha256:" + "0" * 64, "other-case", "2026-13-45", "9999-12-31T23:59:59Z",
]
BYTES: list[bytes] = [
    b"", b"\xff\xfe", b"\xef\xbb\xbf{}", b"{", b"null", b"[]", b'{"envelope": NaN}', b'{"envelope": Infinity}',
    b'{"envelope": {}, "envelope": {}}', b"[" * 100_000, b'{"envelope": "' + b"\x00" * 10 + b'"}',
    b'{"envelope": 1' + b"0" * 5000 + b"}", b"\x00" * 100,
]
CONTENT_TYPES = [None, "application/json", "text/plain", "application/x-www-form-urlencoded",
                 "multipart/form-data; boundary=B", "application/json; charset=latin-1", "APPLICATION/JSON"]


def _logged(board: BoardFixture, *kinds: str) -> int:
    reg = open_registry(board.database_url)
    try:
        return sum(1 for e in reg.events(case_id=CASE) if e.kind in kinds)
    finally:
        reg.close()


def _walk(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _walk(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _walk(v, (*path, i))
    return out


def _set(doc: Any, path: tuple[Any, ...], value: Any, delete: bool) -> Any:
    if not path:
        return value
    parent = doc
    for p in path[:-1]:
        parent = parent[p]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


def _mutated(env: dict[str, Any], pick: tuple[int, Any, bool, bool]) -> dict[str, Any]:
    """One field of the envelope, or of the statement it signs (re-encoded, its signature then
    stale), given a hostile value or removed."""
    i, value, delete, inside = pick
    env = json.loads(json.dumps(env))
    if inside:
        stmt = json.loads(base64.b64decode(env["payload"]))
        paths = _walk(stmt)
        stmt = _set(stmt, paths[i % len(paths)], value, delete)
        try:
            text = json.dumps(stmt)
        except (ValueError, TypeError):
            text = "{}"
        env["payload"] = base64.b64encode(text.encode("utf-8", "surrogatepass")).decode()
        return env
    paths = _walk(env)
    out = _set(env, paths[i % len(paths)], value, delete)
    return out if isinstance(out, dict) else {"payload": out}


def _body(doc: Any) -> bytes:
    return json.dumps(doc).encode("utf-8", "surrogatepass")


FIELD = st.tuples(st.integers(min_value=0, max_value=1000), st.sampled_from(HOSTILE), st.booleans(), st.booleans())


class _Fuzzed:
    """One board for every example: its objection, and the counts of what is logged."""

    board: BoardFixture | None = None
    objection: dict[str, Any]
    index: int


STATE = _Fuzzed()


def _state(tmp_path_factory: Any) -> _Fuzzed:
    if STATE.board is None:
        board = build_board(tmp_path_factory.mktemp("review-fuzz"), f"sqlite:///{tmp_path_factory.mktemp('db')}/reg.db")
        env = objection_env(board, "Priya Natarajan", "external-evaluator", REASON)
        r = board.client.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": env},
                              headers=board.auth("external"))
        assert r.status_code == 201, r.text
        STATE.board, STATE.objection, STATE.index = board, env, r.json()["index"]
    return STATE


def _post(board: BoardFixture, url: str, body: bytes, who: str, content_type: str | None) -> Any:
    c = TestClient(board.client.app, raise_server_exceptions=False)
    headers = dict(board.auth(who))
    if content_type is not None:
        headers["content-type"] = content_type
    return c.post(url, content=body, headers=headers)


def _refused_or_recorded(board: BoardFixture, url: str, body: bytes, who: str, ct: str | None, kind: str) -> None:
    before = _logged(board, kind)
    r = _post(board, url, body, who, ct)
    assert r.status_code < 500, (r.status_code, r.text[:500])
    assert _logged(board, kind) == before + (1 if r.status_code == 201 else 0)


@SETTINGS
@given(FIELD, st.sampled_from(CONTENT_TYPES))
def test_objection_bodies(tmp_path_factory: Any, pick: tuple[int, Any, bool, bool], ct: str | None) -> None:
    s = _state(tmp_path_factory)
    assert s.board is not None
    body = _body({"envelope": _mutated(s.objection, pick)})
    _refused_or_recorded(s.board, f"/api/v1/cases/{CASE}/objections", body, "external", ct, "objection")


@SETTINGS
@given(FIELD, st.sampled_from(CONTENT_TYPES), st.sampled_from(["answer", "accept", "uphold"]))
def test_answer_bodies(tmp_path_factory: Any, pick: tuple[int, Any, bool, bool], ct: str | None, kind: str) -> None:
    s = _state(tmp_path_factory)
    assert s.board is not None
    good = answer_env(s.board, "Dana Ortiz", "safety-lead", s.objection, kind=kind,
                      text="Forty web exploitation tasks were added" if kind == "answer" else None)
    body = _body({"envelope": _mutated(good, pick)})
    _refused_or_recorded(s.board, f"/api/v1/cases/{CASE}/objections/{s.index}/answer", body, "safety-lead", ct,
                         "objection-answer")


@SETTINGS
@given(st.sampled_from(BYTES), st.sampled_from(CONTENT_TYPES),
       st.sampled_from(["objections", "objections/{i}/answer", "objections/99999999999999999999/answer",
                        "objections/-1/answer", "objections/0x1/answer"]),
       st.sampled_from([CASE, "x" * 5000, "%00%E2%80%AE", "..%2F..%2Fetc", "other-case"]))
def test_raw_bodies_paths_and_ids(tmp_path_factory: Any, raw: bytes, ct: str | None, route: str, case: str) -> None:
    s = _state(tmp_path_factory)
    assert s.board is not None
    before = _logged(s.board, "objection", "objection-answer")
    r = _post(s.board, f"/api/v1/cases/{case}/{route.format(i=s.index)}", raw, "external", ct)
    assert r.status_code < 500 and r.status_code != 201, (r.status_code, r.text[:500])
    assert _logged(s.board, "objection", "objection-answer") == before


def test_a_key_given_twice_is_refused(board: BoardFixture) -> None:
    """The objector's genuine envelope last, another first (or `payload` twice inside the
    envelope): before, the board logged the last copy, which a proxy or the client's own record
    of the request reads as the other."""
    env = objection_env(board, "Priya Natarajan", "external-evaluator", REASON)
    genuine = json.dumps(env).encode()
    decoy = objection_env(board, "Priya Natarajan", "external-evaluator", "A different reason altogether")
    url = f"/api/v1/cases/{CASE}/objections"
    outer = b'{"envelope": ' + json.dumps(decoy).encode() + b', "envelope": ' + genuine + b"}"
    inner = b'{"envelope": {"payload": ' + json.dumps(decoy["payload"]).encode() + b", " + genuine[1:] + b"}"
    nan = b'{"envelope": ' + genuine[:-1] + b', "x": NaN}}'
    for body, said in ((outer, "'envelope' twice"), (inner, "'payload' twice"), (nan, "NaN")):
        r = _post(board, url, body, "external", "application/json")
        assert r.status_code == 400, (r.status_code, r.text)
        assert said in r.json()["detail"]
    assert _logged(board, "objection") == 0
    r = _post(board, url, b'{"envelope": ' + genuine + b"}", "external", "application/json")
    assert r.status_code == 201, r.text


def _csrf(c: TestClient) -> str:
    token = re.search(r'name="csrf" value="([^"]+)"', c.get(f"/cases/{CASE}/review").text)
    assert token
    return token.group(1)


def _form(fields: list[tuple[str, bytes]], upload: bytes) -> bytes:
    parts = [b'--B\r\nContent-Disposition: form-data; name="' + n.encode() + b'"\r\n\r\n' + v + b"\r\n"
             for n, v in fields]
    parts.append(b'--B\r\nContent-Disposition: form-data; name="envelope"; filename="o.dsse.json"\r\n'
                 b"Content-Type: application/json\r\n\r\n" + upload + b"\r\n")
    return b"".join(parts) + b"--B--\r\n"


def test_a_csrf_token_or_signature_outside_ascii_is_refused_not_a_server_error(board: BoardFixture) -> None:
    """A reviewer's browser (or anyone) posts the review form with a CSRF field holding a byte
    that is not ASCII, sends a session cookie or X-CSRF-Token so, or opens the review page with
    `?sig=é`: each was a 500 (TypeError in the comparison). Now they are refused as a wrong
    token is, and nothing is logged."""
    c = TestClient(board.client.app, raise_server_exceptions=False)
    assert sign_in(c, board.tokens["external"]).status_code == 303
    token = _csrf(c)
    env = json.dumps(objection_env(board, "Priya Natarajan", "external-evaluator", REASON)).encode()
    mp = {"content-type": "multipart/form-data; boundary=B"}
    for csrf in (token.encode() + b"\xff", b"\xc3\xa9" * 32, "é".encode("latin-1")):
        for route in ("objection", "signoff"):
            r = c.post(f"/cases/{CASE}/review/{route}", content=_form([("csrf", csrf)], env), headers=mp,
                       follow_redirects=False)
            assert r.status_code == 403, (route, csrf, r.status_code, r.text[:300])
    # repeated fields: the genuine token among them is no way around a forged one taken
    r = c.post(f"/cases/{CASE}/review/objection", content=_form([("csrf", b"\xff"), ("csrf", b"\xfe")], env),
               headers=mp, follow_redirects=False)
    assert r.status_code == 403, (r.status_code, r.text[:300])
    r = c.post("/logout", content=b"csrf=%C3%A9", headers={"content-type": "application/x-www-form-urlencoded"},
               follow_redirects=False)
    assert r.status_code < 500, r.text[:300]
    r = c.get(f"/cases/{CASE}/review?msg=objection+recorded&sig=%C3%A9")
    assert r.status_code == 200 and "objection recorded" not in r.text
    r = c.post(f"/api/v1/cases/{CASE}/objections", content=b'{"envelope": ' + env + b"}",
               headers={"content-type": "application/json", "x-csrf-token": b"\xe9" * 64})
    assert r.status_code == 403, (r.status_code, r.text[:300])
    assert _logged(board, "objection") == 0
    fresh = TestClient(board.client.app, raise_server_exceptions=False)
    r = fresh.get(f"/cases/{CASE}/review", headers={"cookie": b"casegate_session=abc.\xe9\xe9"})
    assert r.status_code < 500, r.text[:300]
    r = fresh.post("/login", data={"token": board.tokens["external"], "next": "/", "csrf": "\xe9"},
                   follow_redirects=False)
    assert r.status_code < 500, r.text[:300]
