"""Sign-offs, objections and waivers: signed statements about one case, written next to it and
referenced from its `decision` section."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._record import FrozenRecord
from ..errors import InputError
from ..load import Loaded
from ..model import Waiver, never_waivable
from ._keyring import Keyring, TrustedKey, parse_instant
from ._names import same_person
from ._statement import (
    OBJECTION,
    SIGNOFF,
    WAIVER,
    case_digest,
    check_envelope,
    envelope_bytes,
    iso,
    now_utc,
    read_envelope_file,
    sign_statement,
    statement,
    subjects,
)

if TYPE_CHECKING:
    from securesystemslib.signer import Signer  # type: ignore[attr-defined]


def slug(text: str) -> str:
    """A file-name-safe form of a role or person name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def file_stem(text: str) -> str:
    """A file-name-safe form of an id a signed statement gives (an objection's `O-2`): kept as it
    is when it is made of letters, digits, `_`, `.` and `-` and starts with a letter or digit;
    otherwise every other run of characters is a `-`. Never a path: no separator, no `..`, no
    control character, so a statement naming itself `../../x` cannot place a file outside its folder."""
    stem = re.sub(r"[^A-Za-z0-9_.\-]+", "-", text).lstrip(".-")
    return re.sub(r"\.{2,}", ".", stem)[:120] or "x"


class Recorded(FrozenRecord):
    """An envelope written next to the case and referenced from it."""

    _fields = ("envelope", "path", "ref", "key")
    envelope: dict[str, Any]
    path: Path
    """Where the envelope file was written."""
    ref: str
    """The reference recorded in the case (relative to the declaring file)."""
    key: TrustedKey
    """The keyring entry of the key that signed."""

    def __init__(self, envelope: dict[str, Any], path: Path, ref: str, key: TrustedKey) -> None:
        object.__setattr__(self, "envelope", envelope)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "ref", ref)
        object.__setattr__(self, "key", key)


def _require_loaded(loaded: Loaded) -> None:
    if loaded.case is None or loaded.policy is None:
        raise InputError("the case does not load cleanly, so it cannot be signed", location=loaded.case_path,
                         help=f"run `casegate check {loaded.case_path}` and fix what it reports")


def signer_entry(signer: Signer, keyring: Keyring, role: str, at: dt.datetime) -> TrustedKey:
    """The keyring entry for the signer's key, refusing early what verification would reject."""
    keyid = signer.public_key.keyid
    key = keyring.get(keyid)
    if key is None:
        raise InputError(f"the key {keyid[:16]}... is not in the keyring",
                         help="add it with `casegate keys add` (a keyring owner does this, not the signer)")
    problems = key.problems_at(at)
    if problems:
        raise InputError(f"{key.person}'s key {keyid[:16]}... {problems[0]}",
                         help="use a current key, or have the keyring owner renew it")
    if role not in key.roles:
        raise InputError(f"{key.person}'s key does not hold the role {role!r} (it holds: {', '.join(key.roles)})",
                         help="sign in a role the keyring gives this key")
    return key


def _base_predicate(loaded: Loaded, key: TrustedKey, role: str, at: dt.datetime) -> dict[str, Any]:
    assert loaded.case is not None and loaded.policy is not None and loaded.policy_file is not None
    c = loaded.case
    return {
        "case": {"id": c.id, "version": c.version, "digest": case_digest(loaded)},
        "policy": {"id": loaded.policy.id, "version": loaded.policy.version,
                   "sha256": loaded.policy_file.sha256},
        "system": {"name": c.system.name, "version": c.system.version, "digests": list(c.system.digests)},
        "boundary": c.boundary.kind.value if c.boundary else None,
        "role": role,
        "person": key.person,
        "identity": key.identity,
        "keyid": key.keyid,
        "signed_at": iso(at),
    }


@contextlib.contextmanager
def _written(loaded: Loaded, folder: str, name: str, env: dict[str, Any]) -> Iterator[Path]:
    """Write the envelope `folder/name` next to the case for the edit of the case's YAML that
    records it (inside the `with`). When the edit is refused, or anything else stops it, the
    folder is put back as it was (the file that name held before, or none; a folder made for it
    removed again): a refused command leaves no envelope behind, which would count (objections are
    read from their folder) though the command said nothing was recorded."""
    d = loaded.main.abspath.parent / folder
    made = not d.is_dir()
    d.mkdir(parents=True, exist_ok=True)
    p = d / name
    before = p.read_bytes() if p.is_file() else None
    p.write_bytes(envelope_bytes(env))
    try:
        yield p
    except BaseException:
        if before is None:
            p.unlink(missing_ok=True)
        else:
            p.write_bytes(before)
        if made:
            with contextlib.suppress(OSError):
                d.rmdir()
        raise


def sign_case(loaded: Loaded, role: str, signer: Signer, keyring: Keyring, *,
              at: dt.datetime | None = None, comment: str | None = None, replace: bool = True) -> Recorded:
    """Sign off the case in `role`: write `signoffs/<role>-<person>.dsse.json` next to the case
    and record it as that sign-off's `envelope` (adding the sign-off when the case lacks it).
    With `replace=False`, an envelope already there is an InputError instead of being replaced."""
    from . import _yamledit as ye  # only signing edits the YAML

    _require_loaded(loaded)
    assert loaded.case is not None
    at = at or now_utc()
    key = signer_entry(signer, keyring, role, at)
    if any(same_person(key.person, a) for a in loaded.case.decision.authors):
        raise InputError(f"{key.person} is an author of this case, and authors cannot sign it off",
                         help="separation of authority: someone who did not write the case signs it")
    idx = next((i for i, s in enumerate(loaded.case.decision.signoffs)
                if s.role == role and s.person == key.person), None)
    pred = _base_predicate(loaded, key, role, at)
    if idx is not None:
        pred["relies_on"] = list(loaded.case.decision.signoffs[idx].relies_on)
    if comment:
        pred["comment"] = comment
    name = f"{slug(role)}-{slug(key.person)}.dsse.json"
    existing = loaded.main.abspath.parent / "signoffs" / name
    if not replace and existing.exists():
        raise InputError(f"{key.person} has already signed off this case as {role} ({existing})",
                         help="pass --force to replace that sign-off with a new signature")
    env = sign_statement(statement(subjects(loaded, pred["case"]["digest"]), SIGNOFF, pred), signer)
    def ok(again: Loaded) -> bool:
        assert again.case is not None
        return any(s.role == role and s.person == key.person and s.envelope is not None
                   for s in again.case.decision.signoffs)

    with _written(loaded, "signoffs", name, env) as path:
        if idx is not None:
            p: tuple[str | int, ...] = ("decision", "signoffs", idx)
            ref = ye.relative_ref(path, loaded.base_dir(p))
            ye.set_item_key(loaded, p, "envelope", ye.q(ref), ok)
        else:
            ref = ye.relative_ref(path, loaded.base_dir(("decision", "signoffs")))
            item = ye.flow({"role": ye.q(role), "person": ye.q(key.person),
                            "date": at.date().isoformat(), "envelope": ye.q(ref)})
            ye.add_seq_item(loaded, ("decision", "signoffs"), item, ok)
    return Recorded(env, path, ref, key)


def object_to_case(loaded: Loaded, role: str, signer: Signer, keyring: Keyring, reason: str, *,
                   at: dt.datetime | None = None) -> tuple[str, Recorded]:
    """Object to the case in `role`: write `objections/<id>.dsse.json` and add an open objection
    with that id to the case. Returns the objection id and what was written."""
    from . import _yamledit as ye  # only signing edits the YAML

    _require_loaded(loaded)
    assert loaded.case is not None
    if not reason.strip():
        raise InputError("an objection needs a reason", help="pass --reason TEXT")
    at = at or now_utc()
    key = signer_entry(signer, keyring, role, at)
    folder = loaded.main.abspath.parent / "objections"
    used = set(loaded.case.decision.objections) | \
        ({p.name.removesuffix(".dsse.json") for p in folder.glob("*.dsse.json")} if folder.is_dir() else set())
    n = 1 + max([int(m.group(1)) for o in used if (m := re.match(r"^O-(\d+)\Z", o))] or [0])
    oid = f"O-{n}"
    pred = _base_predicate(loaded, key, role, at)
    pred.update({"objection": oid, "reason": reason})
    env = sign_statement(statement(subjects(loaded, pred["case"]["digest"]), OBJECTION, pred), signer)
    def ok(again: Loaded) -> bool:
        assert again.case is not None
        o = again.case.decision.objections.get(oid)
        return o is not None and o.envelope is not None

    with _written(loaded, "objections", f"{oid}.dsse.json", env) as path:
        ref = ye.relative_ref(path, loaded.base_dir(("decision", "objections")))
        value = ye.flow({"role": ye.q(role), "person": ye.q(key.person), "date": at.date().isoformat(),
                         "reason": json.dumps(reason, ensure_ascii=False), "status": "open",
                         "envelope": ye.q(ref)})
        ye.add_map_entry(loaded, ("decision", "objections"), oid, value, ok)
    return oid, Recorded(env, path, ref, key)


def _matches(code: str, patterns: list[str]) -> bool:
    return any(code == p or (len(p) < len(code) and code.startswith(p)) for p in patterns)


def waiver_roles(loaded: Loaded, code: str) -> list[str]:
    """Roles the policy allows to waive `code` (the most specific entry wins)."""
    assert loaded.policy is not None
    best = ""
    for pat in loaded.policy.waivers.roles:
        if _matches(code, [pat]) and len(pat) > len(best):
            best = pat
    return list(loaded.policy.waivers.roles.get(best, [])) if best else []


def waive_finding(loaded: Loaded, code: str, role: str, signer: Signer, keyring: Keyring, reason: str,
                  until: dt.date, *, path: tuple[str | int, ...] = (), at: dt.datetime | None = None) -> Recorded:
    """Waive findings of `code` (at `path`, or all of them) in `role` until `until`: refuses a rule
    that can never be waived (`NEVER_WAIVABLE`), checks the policy (non-waivable rules, allowed
    roles, longest term), then writes
    `waivers/<code>-<n>.dsse.json` and adds it to the case's `decision.waivers`."""
    from . import _yamledit as ye  # only signing edits the YAML

    _require_loaded(loaded)
    assert loaded.case is not None and loaded.policy is not None
    code = code.upper()
    if not re.match(r"^CG[1-9][0-9]{2}\Z", code):
        raise InputError(f"{code!r} is not a rule code", help="waive a finding by its code, e.g. CG702")
    if not reason.strip():
        raise InputError("a waiver needs a reason", help="pass --reason TEXT")
    always = never_waivable(code)
    if always is not None:
        raise InputError(always, help="answer it under `incident_answers` in a new version of the case "
                                      "(`casegate rules " + code + "` says what counts)")
    wp = loaded.policy.waivers
    if _matches(code, wp.non_waivable):
        raise InputError(f"the policy makes {code} non-waivable", help="fix the finding instead")
    allowed = waiver_roles(loaded, code)
    if role not in allowed:
        raise InputError(f"the policy does not let {role!r} waive {code}"
                         + (f" (allowed: {', '.join(allowed)})" if allowed else " (no role may)"))
    at = at or now_utc()
    if until < at.date():
        raise InputError(f"--until {until} is in the past")
    if (until - at.date()).days > wp.max_days:
        raise InputError(f"a waiver may run at most {wp.max_days} days under this policy",
                         help=f"choose --until on or before {at.date() + dt.timedelta(days=wp.max_days)}")
    key = signer_entry(signer, keyring, role, at)
    pred = _base_predicate(loaded, key, role, at)
    pred.update({"code": code, "path": list(path), "reason": reason, "until": until.isoformat()})
    env = sign_statement(statement(subjects(loaded, pred["case"]["digest"]), WAIVER, pred), signer)
    existing = {Path(w).name for w in loaded.case.decision.waivers}
    n = 1
    while f"{code}-{n}.dsse.json" in existing or (loaded.main.abspath.parent / "waivers" / f"{code}-{n}.dsse.json").exists():
        n += 1
    with _written(loaded, "waivers", f"{code}-{n}.dsse.json", env) as out:
        ref = ye.relative_ref(out, loaded.base_dir(("decision", "waivers")))

        def ok(again: Loaded) -> bool:
            assert again.case is not None
            return ref in again.case.decision.waivers

        ye.add_seq_item(loaded, ("decision", "waivers"), ye.q(ref), ok)
    return Recorded(env, out, ref, key)


def check_waivers(loaded: Loaded, keyring: Keyring, today: dt.date, *,
                  digest: str | None = None) -> tuple[list[Waiver], list[str]]:
    """The case's waivers whose signatures verify (as of `today`) against the keyring, by a key
    holding the role they claim, for this exact case content and model; and why each other one
    was set aside. Policy (allowed roles, non-waivable rules, expiry) is the gate's to apply, but
    for the span from signing to `until`, which the signed statement alone shows.
    `digest` is the case's `case_digest` when the caller has it (else it is worked out for the
    first waiver whose signature verifies: it hashes every artifact)."""
    _require_loaded(loaded)
    assert loaded.case is not None and loaded.policy is not None
    at = parse_instant(today)
    model = set(loaded.case.system.digests)
    out: list[Waiver] = []
    problems: list[str] = []
    base = loaded.base_dir(("decision", "waivers"))
    for ref in loaded.case.decision.waivers:
        label = f"waiver {ref}"
        try:
            data = read_envelope_file(base / ref, ref)
        except InputError as e:
            problems.append(f"{label}: {e.message}")
            continue
        signed, reasons = check_envelope(data, keyring, at, label, expect=WAIVER)
        if signed is not None:
            pred = signed.predicate
            digest = digest or case_digest(loaded)
            case, system = pred.get("case"), pred.get("system")
            if not isinstance(case, dict) or case.get("digest") != digest:
                reasons.append(f"{label}: was signed for another version of the case (case digest differs)")
            digests = system.get("digests") if isinstance(system, dict) else None
            if not (isinstance(digests, list) and all(isinstance(d, str) for d in digests) and set(digests) == model):
                reasons.append(f"{label}: was signed for other model digests")
            reasons += _waiver_span(label, pred, loaded.policy.waivers.max_days, today)
            path = pred.get("path")
            if not isinstance(pred.get("code"), str) or not isinstance(pred.get("reason"), str) \
                    or not (path is None or (isinstance(path, list) and all(isinstance(x, str | int) for x in path))):
                reasons.append(f"{label}: names no rule code, reason or element path casegate reads "
                               "(sign it again with `casegate waive`)")
        if reasons or signed is None:
            problems.extend(reasons)
            continue
        p = signed.predicate
        out.append(Waiver(code=str(p["code"]), path=tuple(p.get("path") or ()), role=signed.role,
                          person=signed.person, reason=str(p["reason"]), until=str(p["until"]),
                          envelope=ref, signed_at=str(p.get("signed_at"))))
    return out, problems


def _waiver_span(label: str, pred: dict[str, Any], max_days: int, today: dt.date) -> list[str]:
    """Why a waiver runs longer than the policy allows counted from when it was signed (`casegate
    waive` refuses to sign one; a waiver signed by other means is held to the same span), is dated
    after `today` (the gate's date: a `signed_at` typed ahead would start its span later than it
    was signed), or has an `until` that is not a date. Where a registry is at hand the gate also
    counts the span from when the registry first logged the envelope (`logged_waiver_spans`)."""
    try:
        until = dt.date.fromisoformat(str(pred.get("until"))[:10])
        signed = parse_instant(str(pred.get("signed_at"))).date()
    except (ValueError, InputError):
        return [f"{label}: its `until` or `signed_at` is not a date"]
    if signed > today:
        return [f"{label}: is dated {signed.isoformat()}, after the gate's date {today.isoformat()}; a waiver "
                "counts from when it was signed, so one dated ahead is set aside (sign it again, dated today)"]
    if (until - signed).days > max_days:
        return [f"{label}: runs {(until - signed).days} days from when it was signed ({signed.isoformat()} to "
                f"{until.isoformat()}), longer than the policy's {max_days} days"]
    return []


def load_waivers(loaded: Loaded, keyring: Keyring, today: dt.date) -> list[Waiver]:
    """The verified waivers of the case, for the gate (see `check_waivers`)."""
    return check_waivers(loaded, keyring, today)[0]
