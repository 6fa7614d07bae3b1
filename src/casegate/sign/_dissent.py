"""Objections, their answers and the authors list, as signed statements.

The case's `decision.objections` and `decision.authors` are a view of these envelopes, never their
source: `gather` reads every envelope in the case's `objections/`, `answers/` and `authors/`
folders (and any the YAML references), verifies each against the keyring, and `resolve` decides
from them alone whether each objection still stands, under the policy's rules for who may answer
and who must accept an answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .._record import FrozenRecord, Record
from ..errors import InputError
from ..load import Loaded
from ..model import BoundaryKind, SignoffPolicy
from ._keyring import Keyring
from ._names import name_key
from ._statement import (
    ANSWER,
    AUTHORS,
    OBJECTION,
    LogTimes,
    Signed,
    check_envelope,
    envelope_sha256,
    now_utc,
    read_envelope_file,
    sign_statement,
    statement,
    subjects,
)

if TYPE_CHECKING:
    from securesystemslib.signer import Signer  # type: ignore[attr-defined]

FOLDERS = {OBJECTION: "objections", ANSWER: "answers", AUTHORS: "authors"}


class Dissent(Record):
    """The verified objections, answers and authors lists of one case, and why others were set aside."""

    _fields = ("objections", "answers", "authors", "problems")
    objections: list[Signed]
    answers: list[Signed]
    authors: list[Signed]
    problems: list[str]

    def __init__(self, objections: list[Signed] | None = None, answers: list[Signed] | None = None,
                 authors: list[Signed] | None = None, problems: list[str] | None = None) -> None:
        self.objections = [] if objections is None else objections
        self.answers = [] if answers is None else answers
        self.authors = [] if authors is None else authors
        self.problems = [] if problems is None else problems

    def author_names(self) -> list[str]:
        """Everyone a verified authors list names, and everyone who signed one."""
        return authors_of(self.authors)


def authors_of(lists: list[Signed]) -> list[str]:
    """The authors named by verified authors lists (their signers included), by name key."""
    out: dict[str, str] = {}
    for s in lists:
        for n in [s.person, *[str(a) for a in s.predicate.get("authors", []) if isinstance(a, str)]]:
            out.setdefault(name_key(n), n)
    return list(out.values())


def check_dissent(envelopes: list[Any], keyring: Keyring, at: dt.datetime, case_id: str,
                  expect: str, label: str, logged: LogTimes | None = None) -> tuple[list[Signed], list[str]]:
    """Verify envelopes of one kind for the case `case_id` (any version of it); with `logged`,
    each signature's time is when the log recorded it (see `check_envelope`)."""
    good: list[Signed] = []
    problems: list[str] = []
    seen: set[str] = set()
    for i, env in enumerate(envelopes):
        what = f"{label} #{i + 1}"
        signed, reasons = check_envelope(env, keyring, at, what, expect=expect, logged=logged)
        if signed is not None:
            sha = envelope_sha256(signed.envelope)
            if sha in seen:
                continue
            seen.add(sha)
            pid = signed.predicate.get("case", {}).get("id") if isinstance(signed.predicate.get("case"), dict) else None
            if pid != case_id:
                reasons.append(f"{what}: is about case {pid!r}, not {case_id!r}")
        problems += reasons
        if signed is not None and not reasons:
            good.append(signed)
    return good, problems


def _envelope_files(loaded: Loaded, folder: str) -> list[Path]:
    d = loaded.main.abspath.parent / folder
    return sorted(d.glob("*.dsse.json")) if d.is_dir() else []


def gather(loaded: Loaded, keyring: Keyring, at: dt.datetime) -> Dissent:
    """Every objection, answer and authors list of the case (from its folders and the envelopes
    its YAML references), verified against the keyring as of `at`."""
    assert loaded.case is not None
    out = Dissent()
    found: dict[str, list[Any]] = {OBJECTION: [], ANSWER: [], AUTHORS: []}
    paths: dict[str, list[Path]] = {k: _envelope_files(loaded, f) for k, f in FOLDERS.items()}
    for oid, o in loaded.case.decision.objections.items():
        if o.envelope is not None:
            p = (loaded.base_dir(("decision", "objections", oid)) / o.envelope).resolve()
            if p not in [q.resolve() for q in paths[OBJECTION]]:
                paths[OBJECTION].append(p)
    for kind, files in paths.items():
        for p in files:
            try:
                found[kind].append(read_envelope_file(p, str(p)))
            except InputError as e:
                out.problems.append(f"{FOLDERS[kind]}/{p.name}: {e.message}")
    cid = loaded.case.id
    out.objections, pr1 = check_dissent(found[OBJECTION], keyring, at, cid, OBJECTION, "objection")
    out.answers, pr2 = check_dissent(found[ANSWER], keyring, at, cid, ANSWER, "answer")
    out.authors, pr3 = check_dissent(found[AUTHORS], keyring, at, cid, AUTHORS, "authors list")
    out.problems += pr1 + pr2 + pr3
    return out


# --------------------------------------------------------------------------- resolution


class ObjectionState(FrozenRecord):
    """Where one signed objection stands, decided from signed statements only."""

    _fields = ("id", "role", "person", "reason", "date", "envelope", "status", "answer", "answered_by", "answerer",
               "accepted_by", "notes")
    id: str
    role: str
    person: str
    reason: str
    date: str
    envelope: str
    """sha256 of the objection's envelope."""
    status: Literal["open", "answered", "upheld"]
    answer: str | None
    answered_by: str | None
    """Role of the accepted answer's signer."""
    answerer: str | None
    accepted_by: str | None
    notes: tuple[str, ...]
    """Why answers did not count (role not allowed, answering one's own objection, not accepted)."""

    def __init__(self, id: str, role: str, person: str, reason: str, date: str, envelope: str,
                 status: Literal["open", "answered", "upheld"], answer: str | None = None,
                 answered_by: str | None = None, answerer: str | None = None, accepted_by: str | None = None,
                 notes: tuple[str, ...] = ()) -> None:
        for name, value in (("id", id), ("role", role), ("person", person), ("reason", reason), ("date", date),
                            ("envelope", envelope), ("status", status), ("answer", answer),
                            ("answered_by", answered_by), ("answerer", answerer), ("accepted_by", accepted_by),
                            ("notes", notes)):
            object.__setattr__(self, name, value)

    @property
    def who(self) -> str:
        return f"objection {self.id} by {self.person} ({self.role})"


def answer_roles(policy: SignoffPolicy, boundary: BoundaryKind | None) -> list[str]:
    """Roles whose holders may answer an objection: the policy's `answer_roles`, else the roles
    that must sign for the boundary (`SignoffPolicy.answerers`)."""
    return policy.answerers(boundary)


def same_signer(a: Signed, b: Signed) -> bool:
    """Whether two verified statements are one person's: the same keyring identity, or names that
    are the same person's by `name_key` (however many keys or roles the person holds)."""
    return a.identity == b.identity or name_key(a.person) == name_key(b.person)


def answer_refused(objection: Signed, answer: Signed, allowed: list[str]) -> str | None:
    """Why a signed answer to `objection` does not count (None when it does): it counts only when
    signed by someone other than the objector (`same_signer`: another key or role of theirs is
    still theirs) in a role the policy lets answer (`allowed`). The one rule `resolve` and the
    review board apply."""
    if same_signer(answer, objection):
        return (f"the answer by {answer.person} does not count: an objection is answered by someone "
                "other than its author")
    if answer.role not in allowed:
        return (f"the answer by {answer.person} as {answer.role!r} does not count: the policy lets "
                + (", ".join(allowed) if allowed else "no role") + " answer objections")
    return None


def acceptance_refused(objection: Signed, acceptance: Signed, answer: Signed | None, esc: str | None) -> str | None:
    """Why a signed acceptance does not close `objection` (None when it does): it must name an
    answer that counts (`answer`, None when it names none), and be signed by the objector, or, when
    the policy lets its escalation role accept (`esc`), by a holder of that role who did not sign
    the answer accepted (nobody accepts their own answer). The one rule `resolve` and the review
    board apply."""
    if answer is None:
        return f"the acceptance by {acceptance.person} names no answer that counts"
    if acceptance.identity == objection.identity:
        return None
    if esc is not None and acceptance.role == esc:
        if same_signer(acceptance, answer):
            return (f"the acceptance by {acceptance.person} as {acceptance.role!r} does not count: they signed "
                    "the answer it accepts (an answer is accepted by the objector or by someone else in "
                    f"{esc})")
        return None
    return (f"the acceptance by {acceptance.person} as {acceptance.role!r} does not count: "
            + ("the objector or " + esc if esc else "only the objector") + " accepts an answer")


def resolve(objections: list[Signed], answers: list[Signed], policy: SignoffPolicy,
            boundary: BoundaryKind | None) -> list[ObjectionState]:
    """Each objection's standing. An answer counts when signed by an identity other than the
    objector in a role the policy lets answer; it closes the objection once the objector signs
    an acceptance of it, or (when the policy lets an escalation role decide) once an identity in
    `escalate_to` does. An escalation role's `uphold` keeps the objection standing for good."""
    allowed = answer_roles(policy, boundary)
    esc = policy.escalate_to if policy.answer_accepted_by == "escalation" else None
    out: list[ObjectionState] = []
    for o in sorted(objections, key=lambda s: (str(s.predicate.get("signed_at")), str(s.predicate.get("objection")))):
        sha = envelope_sha256(o.envelope)
        mine = [a for a in answers if a.predicate.get("objection_envelope") == sha]
        notes: list[str] = []
        valid: dict[str, Signed] = {}
        for a in mine:
            if a.predicate.get("kind", "answer") != "answer":
                continue
            why = answer_refused(o, a, allowed)
            if why is not None:
                notes.append(why)
            else:
                valid[envelope_sha256(a.envelope)] = a
        upheld = next((a for a in mine if a.predicate.get("kind") == "uphold" and esc and a.role == esc), None)
        accepted: tuple[Signed, Signed] | None = None
        for acc in mine:
            if acc.predicate.get("kind") != "accept":
                continue
            target = valid.get(str(acc.predicate.get("accepts")))
            why = acceptance_refused(o, acc, target, esc)
            if why is not None:
                notes.append(why)
            elif target is not None:
                accepted = (target, acc)
        if valid and accepted is None and upheld is None:
            notes.append("answered, but the answer is not yet accepted by "
                         + (f"the objector or {esc}" if esc else "the objector"))
        p = o.predicate
        oid, reason, date = str(p.get("objection")), str(p.get("reason")), str(p.get("signed_at", ""))[:10]
        if upheld is not None:
            out.append(ObjectionState(oid, o.role, o.person, reason, date, sha, "upheld", answered_by=upheld.role,
                                      answerer=upheld.person, notes=tuple(notes)))
        elif accepted is not None:
            ans, acc = accepted
            out.append(ObjectionState(oid, o.role, o.person, reason, date, sha, "answered",
                                      answer=str(ans.predicate.get("answer")), answered_by=ans.role,
                                      answerer=ans.person, accepted_by=acc.person, notes=tuple(notes)))
        else:
            out.append(ObjectionState(oid, o.role, o.person, reason, date, sha, "open", notes=tuple(notes)))
    return out


def _signed_statements(entries: Iterable[Any]) -> tuple[list[tuple[int, Any]], list[Any]]:
    """The signed objections (log index, envelope) and the answer envelopes among a case's log
    entries (each with `kind`, `index` and `payload`); unsigned ones are left out."""
    objections: list[tuple[int, Any]] = []
    answers: list[Any] = []
    for e in entries:
        env = e.payload.get("envelope")
        if not isinstance(env, dict):
            continue
        if e.kind == "objection":
            objections.append((e.index, env))
        elif e.kind == "objection-answer":
            answers.append(env)
    return objections, answers


def logged_states(entries: Iterable[Any], keyring: Keyring, at: dt.datetime, case_id: str, policy: SignoffPolicy,
                  boundary: BoundaryKind | None) -> dict[int, ObjectionState | None]:
    """Where each signed objection a case's log entries hold stands (`resolve`), from the signed
    objections and answers among them, verified against `keyring` at `at`:
    log index -> its state, or None when its signature does not verify."""
    objections, answers = _signed_statements(entries)
    if not objections:
        return {}
    objs, _ = check_dissent([env for _, env in objections], keyring, at, case_id, OBJECTION, "objection")
    sigs, _ = check_dissent(answers, keyring, at, case_id, ANSWER, "answer")
    states = {s.envelope: s for s in resolve(objs, sigs, policy, boundary)}
    return {index: states.get(envelope_sha256(env)) for index, env in objections}


def standing_problems(states: list[ObjectionState], policy: SignoffPolicy) -> list[str]:
    """Why the objections stop a decision (empty when every one was answered and accepted)."""
    out = []
    for s in states:
        if s.status == "upheld":
            out.append(f"{s.who} was upheld by {s.answerer} ({s.answered_by}): {s.reason}")
        elif s.status == "open":
            esc = policy.escalate_to if policy.answer_accepted_by == "escalation" else None
            must = f" and must be answered by {esc}" if esc else ""
            why = f" ({'; '.join(s.notes)})" if s.notes else ""
            out.append(f"{s.who} is open{must}: {s.reason}{why}")
    return out


# --------------------------------------------------------------------------- signing


def _predicate(loaded: Loaded, keyring: Keyring, signer: Signer, role: str, at: dt.datetime) -> dict[str, Any]:
    from ._signoff import _base_predicate, signer_entry

    key = signer_entry(signer, keyring, role, at)
    return _base_predicate(loaded, key, role, at)


def _write(loaded: Loaded, folder: str, stem: str, env: dict[str, Any]) -> Path:
    from ._statement import envelope_bytes

    d = loaded.main.abspath.parent / folder
    d.mkdir(parents=True, exist_ok=True)
    n, p = 1, d / f"{stem}.dsse.json"
    while p.exists():
        n += 1
        p = d / f"{stem}-{n}.dsse.json"
    p.write_bytes(envelope_bytes(env))
    return p


def _require(loaded: Loaded) -> None:
    if loaded.case is None or loaded.policy is None:
        raise InputError("the case does not load cleanly, so it cannot be signed", location=loaded.case_path,
                         help=f"run `casegate check {loaded.case_path}` and fix what it reports")


class Written(FrozenRecord):
    """A signed statement written next to the case."""

    _fields = ("envelope", "path", "person")
    envelope: dict[str, Any]
    path: Path
    person: str

    def __init__(self, envelope: dict[str, Any], path: Path, person: str) -> None:
        object.__setattr__(self, "envelope", envelope)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "person", person)


def answer(loaded: Loaded, oid: str, role: str, signer: Signer, keyring: Keyring, *,
           text: str | None = None, kind: Literal["answer", "accept", "uphold"] = "answer",
           accepts: str | None = None, at: dt.datetime | None = None) -> Written:
    """Sign an answer to objection `oid` (or, as the objector or escalation role, accept an
    answer; or, as the escalation role, uphold the objection): writes `answers/<oid>-<kind>-<person>.dsse.json`
    and updates the YAML view. Refuses early what `resolve` would not count."""
    from ._signoff import file_stem, slug

    _require(loaded)
    assert loaded.case is not None and loaded.policy is not None
    at = at or now_utc()
    keyring_key = keyring.get(signer.public_key.keyid)
    dissent = gather(loaded, keyring, at)
    target = next((o for o in dissent.objections if o.predicate.get("objection") == oid), None)
    if target is None:
        raise InputError(f"no signed objection {oid!r} for this case",
                         help="an answer is to a signed objection (`casegate object` writes one)")
    pol = loaded.policy.signoff
    boundary = loaded.case.boundary.kind if loaded.case.boundary else None
    pred = _predicate(loaded, keyring, signer, role, at)
    assert keyring_key is not None
    sha = envelope_sha256(target.envelope)
    pred.update({"objection": oid, "objection_envelope": sha, "kind": kind})
    if kind == "answer":
        if not (text or "").strip():
            raise InputError("an answer needs its text", help="pass --text TEXT")
        if keyring_key.identity == target.identity:
            raise InputError("an objection is answered by someone other than its author")
        allowed = answer_roles(pol, boundary)
        if role not in allowed:
            raise InputError(f"the policy does not let {role!r} answer objections"
                             + (f" (allowed: {', '.join(allowed)})" if allowed else " (no role may)"))
        pred["answer"] = text
    elif kind == "accept":
        allowed = answer_roles(pol, boundary)
        valid = [a for a in dissent.answers if a.predicate.get("objection_envelope") == sha
                 and a.predicate.get("kind", "answer") == "answer" and a.role in allowed
                 and a.identity != target.identity]
        chosen = next((a for a in valid if accepts and envelope_sha256(a.envelope).startswith(accepts)), None) \
            if accepts else (valid[-1] if valid else None)
        if chosen is None:
            raise InputError(f"no signed answer to {oid} to accept" + (f" matching {accepts!r}" if accepts else ""))
        esc = pol.escalate_to if pol.answer_accepted_by == "escalation" else None
        if keyring_key.identity != target.identity and not (esc and role == esc):
            raise InputError(f"only the objector ({target.person})"
                             + (f" or the escalation role {esc}" if esc else "") + " accepts an answer")
        pred["accepts"] = envelope_sha256(chosen.envelope)
        text = str(chosen.predicate.get("answer"))
    else:
        esc = pol.escalate_to if pol.answer_accepted_by == "escalation" else None
        if not esc or role != esc:
            raise InputError("only the policy's escalation role upholds an objection"
                             + (f" ({esc})" if esc else " (the policy names none)"))
    env = sign_statement(statement(subjects(loaded, pred["case"]["digest"]), ANSWER, pred), signer)
    path = _write(loaded, "answers", f"{file_stem(oid)}-{kind}-{slug(keyring_key.person)}", env)
    _refresh_view(loaded, keyring, at)
    return Written(env, path, keyring_key.person)


def sign_authors(loaded: Loaded, role: str, signer: Signer, keyring: Keyring, *,
                 authors: list[str] | None = None, at: dt.datetime | None = None) -> Written:
    """Sign the case's authors list (default: the YAML's `decision.authors`); the signer is an
    author too. Writes `authors/<person>.dsse.json`."""
    from ._signoff import slug

    _require(loaded)
    assert loaded.case is not None
    at = at or now_utc()
    names = list(authors if authors is not None else loaded.case.decision.authors)
    pred = _predicate(loaded, keyring, signer, role, at)
    if not any(name_key(n) == name_key(pred["person"]) for n in names):
        names.append(pred["person"])
    pred["authors"] = names
    env = sign_statement(statement(subjects(loaded, pred["case"]["digest"]), AUTHORS, pred), signer)
    path = _write(loaded, "authors", slug(pred["person"]), env)
    return Written(env, path, str(pred["person"]))


def _refresh_view(loaded: Loaded, keyring: Keyring, at: dt.datetime) -> None:
    """Bring the YAML's objection entries in line with the signed statements (status, answer,
    answered_by), where it can be edited in place; the envelopes stay what counts."""
    from ..load import load_case
    from . import _yamledit as ye  # only signing edits the YAML

    again = load_case(loaded.case_path)
    if again.case is None or again.policy is None:
        return
    d = gather(again, keyring, at)
    boundary = again.case.boundary.kind if again.case.boundary else None
    for st in resolve(d.objections, d.answers, again.policy.signoff, boundary):
        o = again.case.decision.objections.get(st.id)
        if o is None or o.status == st.status:
            continue
        path: tuple[str | int, ...] = ("decision", "objections", st.id)
        # the entry's status, answer and who answered change together or not at all: a status
        # changed alone showed the objection answered with no answer
        where = again.origin(path).abspath
        before = where.read_bytes()
        try:
            ye.set_item_key(again, path, "status", st.status, lambda x: True)
            again = load_case(loaded.case_path)
            if st.answer is not None:
                ye.set_item_key(again, path, "answer", ye.q(st.answer), lambda x: True)
                again = load_case(loaded.case_path)
            if st.answered_by is not None:
                ye.set_item_key(again, path, "answered_by", ye.q(st.answered_by), lambda x: True)
                again = load_case(loaded.case_path)
        except InputError:
            where.write_bytes(before)
            return  # the view could not be edited in place; the envelopes are unaffected
