"""Which sign-off lines of a case are signed: a line counts only when its DSSE envelope verifies
against the keyring, for this case version, in the role and by the person the line names. Every
other line is "declared, not signed", and the role it stands for is missing. The result is also
attached to the loaded case as an `AuthorityCheck` (with who holds each role in the keyring), so
the rules can name an unsigned authority (CG510) and a risk authority nobody holds (CG417)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .._record import Record, replace
from ..load import Loaded
from ..model import ObjectionRef, Waiver

if TYPE_CHECKING:
    from ..sign import Dissent, Keyring


class SignoffCheck(Record):
    """The case with only its signed sign-off lines, and why each other line does not count."""

    _fields = ("signed_case", "signed", "declared")
    signed_case: Loaded
    """The loaded case whose `decision.signoffs` holds only the lines with a valid envelope."""
    signed: list[str]
    """`person (role)` of each line that counts."""
    declared: list[str]
    """`person (role): why` of each line that does not."""

    def __init__(self, signed_case: Loaded, signed: list[str] | None = None,
                 declared: list[str] | None = None) -> None:
        self.signed_case = signed_case
        self.signed = [] if signed is None else signed
        self.declared = [] if declared is None else declared


def signed_signoffs(loaded: Loaded, keyring: Keyring | None, at: dt.datetime,
                    dissent: Dissent | None = None) -> SignoffCheck:
    """Split the case's sign-off lines into signed and declared-not-signed (fail closed: with no
    keyring no line counts, since no signature can be checked). `dissent`, when given, is what
    `casegate.sign.gather` verified of the case as of `at` against `keyring` (else it is read)."""
    if loaded.case is None:
        return SignoffCheck(loaded)
    lines = loaded.case.decision.signoffs
    if keyring is None:
        return _keep(loaded, [(i, "no keyring to check a signature against") for i in range(len(lines))], None)
    from ._collect import collect  # the signing stack, only when there is a signature to check

    collected = collect(loaded, keyring, at, dissent)
    if loaded.policy is not None:  # objections and authors as signed, never as the YAML says
        loaded = signed_view(loaded, collected.dissent)
    valid = {(x.person, x.role) for x in collected.signoffs}
    declared: list[tuple[int, str]] = []
    for i, s in enumerate(lines):
        if s.envelope is not None and (s.person, s.role) in valid:
            continue
        ident = keyring.identity(s.person)
        if ident is None:
            why = f"{s.person} is no identity in the keyring"
        elif not any(s.role in k.roles for k in ident.keys):
            why = f"{s.person} holds no key for the role {s.role!r}"
        elif s.envelope is None:
            why = "no envelope (sign it with `casegate sign`)"
        else:
            label = f"sign-off {s.envelope}"
            found = [p.removeprefix(label + ": ") for p in collected.problems if p.startswith(label)]
            why = "; ".join(found) or "its envelope does not verify"
        declared.append((i, why))
    return _keep(loaded, declared, keyring, at)


def _signable(loaded: Loaded, keyring: Keyring, at: dt.datetime) -> SignoffCheck:
    """A preview's sign-off lines against `keyring`: a line counts as if signed only when its
    person is a keyring identity holding a key for its role that counts at `at` (no signature
    can ever make any other line count). The result carries the keyring's role holders and
    organisations, so a role the policy marks `independent` is filled, as at the gate, only by a
    person the keyring records outside the developer's organisations."""
    from ..sign import TrustedKey

    assert loaded.case is not None
    declared: list[tuple[int, str]] = []
    for i, s in enumerate(loaded.case.decision.signoffs):
        ident = keyring.identity(s.person)
        if ident is None:
            declared.append((i, f"{s.person} is no identity in the keyring: no signature can make it count"))
        elif not any(s.role in k.roles and not TrustedKey.of(ident, k).problems_at(at) for k in ident.keys):
            declared.append((i, f"{s.person} holds no key for the role {s.role!r} that counts on "
                                f"{at.date().isoformat()}: no signature can make it count"))
    return _keep(loaded, declared, keyring, at)


class GateInputs(Record):
    """What `gate` judges: the case with only its signed sign-offs (and its evidence attestations
    checked), the lines that do not count, and the waivers that verify."""

    _fields = ("loaded", "declared", "waivers", "waiver_problems")
    loaded: Loaded
    declared: list[str]
    """`person (role): why` of each sign-off line that is declared, not signed."""
    waivers: list[Waiver]
    waiver_problems: list[str]

    def __init__(self, loaded: Loaded, declared: list[str] | None = None, waivers: list[Waiver] | None = None,
                 waiver_problems: list[str] | None = None) -> None:
        self.loaded = loaded
        self.declared = [] if declared is None else declared
        self.waivers = [] if waivers is None else waivers
        self.waiver_problems = [] if waiver_problems is None else waiver_problems


def gate_inputs(loaded: Loaded, keyring: Keyring | None, day: dt.date, *, preview: bool = False) -> GateInputs:
    """The case as `casegate gate` judges it on `day` (and as the review board's gate run does):
    its evidence attestations and sign-off envelopes verified against `keyring` as of the end of
    that day, its waivers verified as of that day. Without a keyring no sign-off counts, no
    evidence is independent and no waiver is verified. With `preview`, every declared sign-off
    line is kept (what the decision would be once they are signed; never a decision)."""
    at = dt.datetime.combine(day, dt.time.max, dt.UTC)
    dissent = None
    if keyring is not None and loaded.case is not None:
        from ..sign import with_attestations

        if not preview or loaded.policy is not None:
            from ..sign import gather  # a preview too reads objections and authors as signed

            # read once: the attestations' authors are among them, and the sign-offs are judged
            # beside them
            dissent = gather(loaded, keyring, at)
        loaded = with_attestations(loaded, keyring, at, dissent)
    out = GateInputs(loaded)
    if not preview and loaded.case is not None:
        check = signed_signoffs(loaded, keyring, at, dissent)
        out.loaded, out.declared = check.signed_case, check.declared
    else:
        if dissent is not None:
            out.loaded = signed_view(loaded, dissent)
        if keyring is not None and out.loaded.case is not None:
            check = _signable(out.loaded, keyring, at)
            out.loaded, out.declared = check.signed_case, check.declared
    if loaded.case is not None and loaded.case.decision.waivers:
        if keyring is None:
            out.waiver_problems = [f"waiver {w}: not verified (pass --keyring to verify signed waivers)"
                                   for w in loaded.case.decision.waivers]
        else:
            from ..sign import check_waivers

            out.waivers, out.waiver_problems = check_waivers(out.loaded, keyring, day)
    return out


def with_authority(loaded: Loaded, keyring: Keyring | None, at: dt.datetime) -> Loaded:
    """The loaded case, unchanged, carrying its `AuthorityCheck` against `keyring` (every
    sign-off line still listed: what a red-team run gates, so the rules on sign-off dates and
    people still see them)."""
    check = signed_signoffs(loaded, keyring, at)
    return replace(loaded, authority=check.signed_case.authority)


def role_holders(keyring: Keyring, at: dt.datetime) -> dict[str, list[str]]:
    """Role -> names of the identities holding a key for it that counts at `at`."""
    out: dict[str, list[str]] = {}
    for k in keyring.keys:
        if k.problems_at(at):
            continue
        for r in k.roles:
            if k.person not in out.setdefault(r, []):
                out[r].append(k.person)
    return out


def _keep(loaded: Loaded, declared: list[tuple[int, str]], keyring: Keyring | None,
          at: dt.datetime | None = None) -> SignoffCheck:
    # the authority records are built only where sign-off lines are judged against a keyring
    from ..model import AuthorityCheck, UnsignedSignoff

    assert loaded.case is not None
    lines = loaded.case.decision.signoffs
    out = {i for i, _ in declared}
    keep = [s for i, s in enumerate(lines) if i not in out]
    decision = loaded.case.decision.model_copy(update={"signoffs": keep})
    case = loaded.case.model_copy(update={"decision": decision})
    check = AuthorityCheck(
        keyring=keyring.name if keyring is not None else None,
        holders=role_holders(keyring, at) if keyring is not None and at is not None else {},
        unsigned=[UnsignedSignoff(index=i, person=lines[i].person, role=lines[i].role, why=why)
                  for i, why in declared],
        organisations={i.name: i.organisation for i in keyring.identities if i.organisation} if keyring is not None else {})
    return SignoffCheck(replace(loaded, case=case, authority=check),
                        signed=[f"{s.person} ({s.role})" for s in keep],
                        declared=[f"{lines[i].person} ({lines[i].role}): {why}" for i, why in declared])


def unverified_objections(loaded: Loaded, signed_ids: set[str]) -> list[str]:
    """The ids of the case's YAML objections that name an `envelope` whose statement is not among
    the verified ones (`signed_ids`, the ids `resolve` judged from the signed statements): missing,
    unreadable, altered or another signer's."""
    assert loaded.case is not None
    return [oid for oid, o in loaded.case.decision.objections.items() if o.envelope is not None and oid not in signed_ids]


def signed_view(loaded: Loaded, dissent: Dissent) -> Loaded:
    """`signed_view_and_unverified`'s case alone."""
    return signed_view_and_unverified(loaded, dissent)[0]


def signed_view_and_unverified(loaded: Loaded, dissent: Dissent) -> tuple[Loaded, list[str]]:
    """The case as the gate must judge it: its objections and authors from the signed statements
    (`dissent`, as `casegate.sign.gather` verified them; a signed objection replaces the YAML entry
    of the same id, whatever that entry says, and is known as signed, by its envelope's sha256 when
    the YAML names no envelope file; an unsigned YAML objection stays as typed, as it can only
    block, and one whose envelope does not verify stays as open), never
    from the YAML alone; and the ids of the case's YAML objections whose envelope does not verify
    (`unverified_objections`), from the same reading of the signed statements."""
    assert loaded.case is not None and loaded.policy is not None
    c = loaded.case
    from ..sign import resolve

    states = resolve(dissent.objections, dissent.answers, loaded.policy.signoff,
                     c.boundary.kind if c.boundary else None)
    # a YAML objection whose envelope does not verify (unreadable, altered, another signer's) stays,
    # open whatever the YAML says of it: dropping it would let a damaged file take an objection the
    # case itself records out of the decision unseen, and the file's word that it was answered or
    # upheld is never taken for a signature's
    signed_ids = {st.id for st in states}
    objections = {oid: o for oid, o in c.decision.objections.items() if o.envelope is None}
    unverified = unverified_objections(loaded, signed_ids)
    for oid in unverified:
        o = c.decision.objections[oid]
        objections[oid] = o if o.status in ("open", "escalated") else o.model_copy(
            update={"status": "open", "answer": None, "answered_by": None})
    for st in states:
        objections[st.id] = ObjectionRef(role=st.role, person=st.person, date=dt.date.fromisoformat(st.date),
                                         reason=st.reason, status=st.status, answer=st.answer,
                                         answered_by=st.answered_by,
                                         envelope=(c.decision.objections[st.id].envelope
                                                   if st.id in c.decision.objections else None)
                                         or f"sha256:{st.envelope}")
    authors = list(dict.fromkeys([*c.decision.authors, *dissent.author_names()]))
    decision = c.decision.model_copy(update={"objections": objections, "authors": authors})
    return replace(loaded, case=c.model_copy(update={"decision": decision})), unverified
