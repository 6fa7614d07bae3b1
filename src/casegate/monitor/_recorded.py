"""Every version of a case the registry recorded, read for what the rules that read them all need
(`casegate.model.RecordedVersion`: each evidence item's subject, pin, date, kind and producer, each
defeater's kind, words, status, aim and the evidence its answer stands on, the evidence each element
cites, each claim's words) straight from the stored case and include files: each distinct file parsed once, no version
built as a case, no policy, attestation or artifact read. A file whose stored bytes no longer match
their sha256, or a version whose files are not those its log entry recorded, stops the reading
(`CaseStore.version_texts`); a version whose files do not read as this reader expects is built as a
case instead (`VersionCache`), so nothing it held is skipped."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Sequence
from typing import Any

from ..errors import InputError
from ..load import parse_yaml
from ..model import RecordedDefeater, RecordedItem, RecordedVersion
from ..model._recorded import stands_on
from ..store import Registry, VersionTexts
from ._versions import VersionCache, parse_recorded


class _Unread(Exception):
    """The stored files hold something this reader does not read (the version is built instead)."""


def recorded_versions(reg: Registry, case_id: str, numbers: Sequence[int],
                      cache: VersionCache | None = None, prefix: str = "") -> list[RecordedVersion]:
    """Versions `numbers` of `case_id`, oldest first as given, each as `RecordedVersion` (named
    `version 1.0 (#1)`, after `prefix`: `case OTHER ` for another case's versions)."""
    parsed: dict[bytes, Any] = {}  # the same bytes (an include no version changed) parsed once
    out: list[RecordedVersion] = []
    for vt in reg.version_texts(case_id, numbers):
        label = f"{prefix}version {vt.declared_version} (#{vt.number})"
        try:
            out.append(_read(vt, label, parsed))
        except _Unread:
            got = (cache or VersionCache(reg)).get(case_id, vt.number)
            out.append(RecordedVersion.of_case(got.case, label))
    return out


def _doc(path: str, raw: bytes, parsed: dict[bytes, Any]) -> dict[str, Any]:
    if raw not in parsed:
        try:
            parsed[raw] = parse_yaml(path, raw).data
        except InputError:
            parsed[raw] = None
    data = parsed[raw]
    if not isinstance(data, dict):
        raise _Unread
    return data


def _read(vt: VersionTexts, label: str, parsed: dict[bytes, Any]) -> RecordedVersion:
    """The version's evidence items and defeaters, from its main file and its includes (followed as
    the loader follows them: from the main file, each include's own includes after the ones named
    before it, each file once, an id taken by the first file that declares it)."""
    evidence: dict[str, Any] = {}
    elements: dict[str, Any] = {}
    seen: set[str] = set()
    queue = [vt.main_path]
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        raw = vt.files.get(path)
        if raw is None:
            raise _Unread
        data = _doc(path, raw, parsed)
        _take(evidence, data.get("evidence"))
        arg = data.get("argument")
        if arg is not None:
            if not isinstance(arg, dict):
                raise _Unread
            _take(elements, arg.get("elements"))
        includes = data.get("include") or []
        if not isinstance(includes, list):
            raise _Unread
        for inc in includes:
            if not isinstance(inc, str):
                raise _Unread
            queue.append(posixpath.normpath(posixpath.join(posixpath.dirname(path), inc)))
    recorded_on = parse_recorded(vt.submitted_at).astimezone(dt.UTC).date()
    cited = _cited_for(elements)
    items = {}
    for eid, ev in evidence.items():
        threshold, tests, sha, date = ev.get("threshold"), ev.get("tests") or [], ev.get("sha256"), ev.get("date")
        if not (_text(threshold) and _text(sha) and isinstance(tests, list) and all(isinstance(t, str) for t in tests)):
            raise _Unread
        kind, producer = ev.get("kind"), ev.get("producer")
        if not (_text(kind) and _text(producer)):
            raise _Unread
        mapped = tuple(cited.get(eid, ())) if threshold is None and kind == "eval" else ()
        items[eid] = RecordedItem(threshold, tuple(tests), sha, min(_day(date), recorded_on), mapped, kind, producer)
    aimed: dict[str, list[str]] = {}
    cites: dict[str, tuple[str, ...]] = {}
    for eid, el in elements.items():
        if not isinstance(el, dict):
            raise _Unread
        for key in ("against", "defeaters", "evidence", "answered_by", "supported_by"):
            if not isinstance(el.get(key) or [], list) or len(_ids(el.get(key))) != len(el.get(key) or []):
                raise _Unread
        if el.get("defeater") is not None:
            aimed.setdefault(eid, []).extend(_ids(el.get("against")))
        for d in _ids(el.get("defeaters")):
            aimed.setdefault(d, []).append(eid)
        if _ids(el.get("evidence")):
            cites[eid] = tuple(_ids(el.get("evidence")))
    supports = {x: tuple(_ids(el.get("supported_by"))) for x, el in elements.items() if _ids(el.get("supported_by"))}
    defeaters = {}
    for did, el in elements.items():
        if el.get("defeater") is not None:
            kind, text, status = el.get("kind"), el["defeater"], el.get("status")
            if not (_text(kind) and isinstance(text, str) and _text(status)):
                raise _Unread
            answers = stands_on(_ids(el.get("answered_by")), items, cites, supports)
            defeaters[did] = RecordedDefeater(kind, text, status, tuple(dict.fromkeys(aimed.get(did, ()))), answers)
    claims = {x: el["claim"] for x, el in elements.items() if isinstance(el.get("claim"), str)}
    return RecordedVersion(label, items, defeaters, cites, claims)


def _take(into: dict[str, Any], section: Any) -> None:
    if section is None:
        return
    if not isinstance(section, dict) or not all(isinstance(v, dict) for v in section.values()):
        raise _Unread
    for k, v in section.items():
        into.setdefault(str(k), v)


def _text(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _day(v: Any) -> dt.date:
    if isinstance(v, dt.datetime):
        raise _Unread
    if isinstance(v, dt.date):
        return v
    if not isinstance(v, str) or len(v) != 10:
        raise _Unread
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise _Unread from None


def _ids(v: Any) -> list[str]:
    return [x for x in v if isinstance(x, str)] if isinstance(v, list) else []


def _cited_for(elements: dict[str, Any]) -> dict[str, list[str]]:
    """Evidence id -> the thresholds of the capability claims citing it (on the claim or below it),
    as the gate maps an evaluation that names no threshold."""
    out: dict[str, list[str]] = {}
    for e in elements.values():
        cap = e.get("capability") if e.get("claim") is not None else None
        tid = cap.get("threshold") if isinstance(cap, dict) else None
        if not isinstance(tid, str):
            continue
        seen: set[str] = set()
        stack = [e]
        while stack:
            cur = stack.pop()
            for x in _ids(cur.get("evidence")):
                if tid not in out.setdefault(x, []):
                    out[x].append(tid)
            for s in _ids(cur.get("supported_by")):
                if s not in seen and isinstance(elements.get(s), dict):
                    seen.add(s)
                    stack.append(elements[s])
    return out

