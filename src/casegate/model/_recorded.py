"""What the rules read of every version of a case the registry recorded before the one decided on:
each evidence item's subject, pin and date, each defeater's kind and aim, and the evidence each
element cites. Read from the stored case
files without building the versions as cases (`casegate.monitor` fills them), or taken from a
version already built (`RecordedVersion.of_case`). Plain records: no pydantic model is built for
them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Mapping, Sequence
from typing import TYPE_CHECKING

from .._record import FrozenRecord

if TYPE_CHECKING:
    from ._case import Case


class RecordedItem(FrozenRecord):
    """An evidence item as a recorded version listed it."""

    __slots__ = ("threshold", "tests", "sha256", "date", "cited_for", "kind", "producer")
    _fields = ("threshold", "tests", "sha256", "date", "cited_for", "kind", "producer")
    threshold: str | None
    """The threshold it measures."""
    tests: tuple[str, ...]
    """The safeguards it tests."""
    sha256: str | None
    """The sha256 it pins for its artifact."""
    date: dt.date
    """Its date: as its artifact shows it for a version built as a case; read from the stored files,
    the date the version gives it, or the day the registry recorded the version when that is earlier
    (the item existed by then)."""
    cited_for: tuple[str, ...]
    """For an evaluation read from the stored files that names no threshold: the thresholds of the
    capability claims citing it (the gate weighs it against the first of them its policy defines;
    a version built as a case has it mapped already)."""
    kind: str | None
    """Its kind (None: not read)."""
    producer: str | None
    """Who produced it (None: not read). With the kind and date, what names an item that pins no
    artifact under another id."""

    def __init__(self, threshold: str | None, tests: tuple[str, ...], sha256: str | None, date: dt.date,
                 cited_for: tuple[str, ...] = (), kind: str | None = None, producer: str | None = None) -> None:
        put = object.__setattr__
        put(self, "threshold", threshold)
        put(self, "tests", tests)
        put(self, "sha256", sha256)
        put(self, "date", date)
        put(self, "cited_for", cited_for)
        put(self, "kind", kind)
        put(self, "producer", producer)


class RecordedDefeater(FrozenRecord):
    """A defeater as a recorded version listed it."""

    __slots__ = ("kind", "text", "status", "aimed_at", "answers")
    _fields = ("kind", "text", "status", "aimed_at", "answers")
    kind: str | None
    """Its kind (None: none given, which the gate reads as a blocking defeater)."""
    text: str
    """Its words."""
    status: str | None
    """Its status as the version gave it (`open`, `answered`, `accepted`; None: none given, which
    the gate reads as open)."""
    aimed_at: tuple[str, ...] | None
    """The elements it is aimed at there (its `against`, and each element listing it under
    `defeaters`); None: not read, taken as aimed at every element."""
    answers: tuple[str, ...] | None
    """The evidence its answer stands on there: each `answered_by` item that is evidence, and every
    item cited on or under each `answered_by` element (`supported_by`); None: not read, in which
    case a defeater marked answered there is taken as standing unanswered (fail closed)."""

    def __init__(self, kind: str | None, text: str, status: str | None = None,
                 aimed_at: tuple[str, ...] | None = None, answers: tuple[str, ...] | None = None) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "aimed_at", aimed_at)
        object.__setattr__(self, "answers", answers)


class RecordedVersion(FrozenRecord):
    """One version the registry recorded (or a version given to compare with), as the rules that
    read every recorded version see it."""

    __slots__ = ("label", "evidence", "defeaters", "cites", "claims")
    _fields = ("label", "evidence", "defeaters", "cites", "claims")
    label: str
    """How messages name it, e.g. 'version 1.0 (#1)'."""
    evidence: Mapping[str, RecordedItem]
    """Evidence id -> the item."""
    defeaters: Mapping[str, RecordedDefeater]
    """Element id -> each defeater of its argument."""
    cites: Mapping[str, tuple[str, ...]]
    """Element id -> the evidence ids it cites (`evidence:`), for each element citing any; an
    element not listed cites nothing there."""
    claims: Mapping[str, str]
    """Element id -> the words of each claim (what finds a claim there under another id)."""

    def __init__(self, label: str, evidence: Mapping[str, RecordedItem],
                 defeaters: Mapping[str, RecordedDefeater],
                 cites: Mapping[str, tuple[str, ...]] | None = None, claims: Mapping[str, str] | None = None) -> None:
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "evidence", evidence)
        object.__setattr__(self, "defeaters", defeaters)
        object.__setattr__(self, "cites", cites if cites is not None else {})
        object.__setattr__(self, "claims", claims if claims is not None else {})

    @classmethod
    def of_case(cls, case: Case, label: str) -> RecordedVersion:
        """The version `case` (built, its evidence as its artifacts show it), named `label`."""
        evidence = {eid: RecordedItem(ev.threshold, tuple(ev.tests), ev.sha256, ev.date, (), ev.kind, ev.producer)
                    for eid, ev in case.evidence.items()}
        els = case.argument.elements
        aimed: dict[str, list[str]] = {}
        for eid, el in els.items():
            for t in ([*el.against] if el.defeater is not None else []):
                aimed.setdefault(eid, []).append(t)
            for d in el.defeaters:
                aimed.setdefault(d, []).append(eid)
        supports = {x: tuple(el.supported_by) for x, el in els.items() if el.supported_by}
        cited = {x: tuple(el.evidence) for x, el in els.items() if el.evidence}
        defeaters = {did: RecordedDefeater(el.kind, el.defeater, el.status, tuple(dict.fromkeys(aimed.get(did, ()))),
                                           stands_on(el.answered_by, case.evidence, cited, supports))
                     for did, el in els.items() if el.defeater is not None}
        claims = {x: el.claim for x, el in els.items() if el.claim is not None}
        return cls(label, evidence, defeaters, cited, claims)


def stands_on(answered_by: Sequence[str], evidence: Container[str], cites: Mapping[str, Sequence[str]],
              supports: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The evidence an answer (`answered_by`) stands on in a version: each item of it that is
    evidence, and every item cited on or under each element of it (through `supported_by`)."""
    out: dict[str, None] = {}
    seen: set[str] = set()
    todo = list(answered_by)
    while todo:
        x = todo.pop()
        if x in seen:
            continue
        seen.add(x)
        if x in evidence:
            out[x] = None
        out.update(dict.fromkeys(cites.get(x, ())))
        todo.extend(supports.get(x, ()))
    return tuple(out)
