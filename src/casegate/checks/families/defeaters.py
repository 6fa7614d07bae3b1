"""CG8xx: defeaters (objections, counter-evidence, sandbagging) against the claims the decision
rests on. A defeater stays open until it is answered with evidence, and stays in the argument once
raised (CG806, against the version compared with) and of the kind it was recorded with (CG809,
against every version the registry recorded); an inability argument must face the possibility that
the model underperformed on purpose."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import chain, compress, filterfalse, repeat
from operator import attrgetter, eq, itemgetter
from typing import Any

from ..._patterns import kept
from ..._record import FrozenRecord
from ...evidence.stats import upper_bound
from ...model import (
    Case,
    Element,
    Evidence,
    Policy,
    RecordedDefeater,
    RecordedVersion,
    RuleSeverity,
)
from ...model._case import VERDICT_KINDS
from .._derived import (
    bypass_counts,
    capability_status,
    elements_of_type,
    elicitation_shortfalls,
    evidence_dated,
    evidence_expiry,
    inability_relied_on,
    is_expired,
    proportion,
    run_key,
    untuned_effort,
)
from .._index import renamed_elements
from .._registry import Context, Hit, rule
from .._text import alike, as_read

_EL = ("argument", "elements")
_INABILITY = ("below", "below-alert")


def depended_on(ctx: Context) -> AbstractSet[str]:
    """Claims and strategies the top claim depends on (itself included), through `supported_by`."""
    return ctx.index.depended_on


def defeaters_of(ctx: Context) -> dict[str, list[str]]:
    """Element id -> ids of the defeaters aimed at it (via `defeaters:` on the element or `against:`
    on the defeater)."""
    got = ctx.memo.get("cg8_defeaters_of")
    if got is not None:
        return got  # type: ignore[no-any-return]
    types, fields = ctx.index.types, ctx.index.fields
    defeaters, against = fields["defeaters"], fields["against"]
    out: dict[str, list[str]] = {}
    listing = defeaters.keys() | against.keys()
    for eid in [x for x in types if x in listing]:  # in the argument's order
        for d in defeaters.get(eid, ()):
            if types.get(d) == "defeater" and d not in out.setdefault(eid, []):
                out[eid].append(d)
        if types[eid] == "defeater":
            for t in against.get(eid, ()):
                if eid not in out.setdefault(t, []):
                    out[t].append(eid)
    ctx.memo["cg8_defeaters_of"] = out
    return out


def _targets(ctx: Context, did: str) -> list[str]:
    """The elements a defeater is aimed at (sorted) that the top claim depends on: the claims and
    strategies it rests on through `supported_by`, and the context, assumptions and justifications
    those are read in (`in_context_of`), and a defeater aimed at one of them that is marked answered.
    An assumption the top claim is read in is part of what it rests on: a defeater showing the
    assumption false defeats the claims read in it; one aimed at an answered defeater disputes its
    answer, and so the claims it was against."""
    got: dict[str, list[str]] | None = ctx.memo.get("cg8_targets")
    if got is None:
        dep = depended_on(ctx)
        in_context = ctx.index.fields["in_context_of"]
        read_in = {c for e, cs in in_context.items() if e in dep for c in cs}
        got = {}
        aimed = defeaters_of(ctx)
        for t, ds in aimed.items():
            if t in dep or t in read_in:
                for d in ds:
                    got.setdefault(d, []).append(t)
        # a defeater marked answered stands on its answer: one aimed at it disputes that answer,
        # and so is against what the answered one is against
        els, first = ctx.case.argument.elements, set(got)
        for t, ds in aimed.items():
            if t in first and els[t].status == "answered":
                for d in ds:
                    if t not in got.setdefault(d, []):
                        got[d].append(t)
        for targets in got.values():
            targets.sort()
        ctx.memo["cg8_targets"] = got
    return got.get(did, [])


def _status_path(did: str, d: Element) -> tuple[str | int, ...]:
    return _EL + (did, "status") if d.status is not None else _EL + (did,)


@rule(
    "CG801", "open-defeater", severity="blocking", serves="fm-argument-theater",
    summary="A defeater against a claim the top claim depends on is still open.",
    rationale="An objection or piece of counter-evidence that nobody has answered leaves the claim "
              "it targets unsupported; proceeding anyway treats the argument as ceremony. Only "
              "the defeater kinds the policy lists under `condition_defeaters` may stand open as a "
              "condition of the decision, and only as doubts: a defeater that rests on evidence of its "
              "own is counter-evidence, whatever kind the case gives it. It rests on evidence when it "
              "cites it (`evidence:`), and when its words name an evidence item of the case (by its id, "
              "its artifact or another file of its run, or 12 or more hex digits of their sha256) that the "
              "claims it is against do not rest on: a doubt about a claim's own evidence names that "
              "evidence, and anything else it names is evidence it brings. A defeater whose words say "
              "nothing (no letter in them) states no doubt a reviewer could check an answer against. "
              "A doubt names what it doubts: the claim it is against, a claim or strategy under it, or "
              "evidence it rests on (by id, file or sha256). Words that name none of these (an outside "
              "run, a report the case does not hold) cannot be told from counter-evidence, so the "
              "defeater blocks, whatever kind the lab gives it. A claim or strategy rests on the "
              "assumptions, context and justifications it is read in (`in_context_of`) too: a defeater "
              "aimed at one of those is against what the top claim depends on; so is one aimed at a "
              "defeater of theirs marked answered, whose answer it disputes.",
    bad="G2: {claim: Below Cyber High, evidence: [E-ctf], defeaters: [D1]}\n"
        "D1: {defeater: The suite omits web exploitation, kind: objection, against: [G2], status: open}",
    good="D1: {defeater: The suite omits web exploitation, kind: objection, against: [G2],\n"
         "     status: answered, answered_by: [E-ctf-web]}",
    fix="Answer the defeater with evidence (status: answered, answered_by: [...]), or weaken the claim "
        "it defeats; list its kind in the policy's `condition_defeaters` only if the framework allows it.",
)
def open_defeater(ctx: Context) -> Iterator[Hit]:
    allowed = set(ctx.policy.condition_defeaters)
    for did, d in elements_of_type(ctx, "defeater"):
        if d.status not in (None, "open"):
            continue
        targets = _targets(ctx, did)
        if not targets:
            continue
        kind = d.kind or "defeater"
        state = "is open" if d.status == "open" else "has no status (counted as open)"
        on = ", ".join(f"`{t}`" for t in targets)
        if d.kind is not None and d.kind in allowed and d.evidence:
            # the kind is the case's word; evidence against the claim is counter-evidence whatever
            # it is called, and the policy lets doubts stand as conditions, not evidence
            yield Hit(_status_path(did, d), f"{kind} `{did}` against {on} {state}, and it rests on evidence "
                      f"of its own ({', '.join(f'`{x}`' for x in d.evidence)}): evidence against a claim is "
                      f"counter-evidence, which stands open as no condition, whatever kind it is given",
                      help="answer it with evidence (status: answered, answered_by: [...]), or weaken the claim")
        elif d.kind is not None and d.kind in allowed and (brought := _brought_in_words(ctx, d, targets)):
            named = ", ".join(f"`{eid}` ({how})" for eid, how in brought.items())
            yield Hit(_status_path(did, d), f"{kind} `{did}` against {on} {state}, and its words name evidence of "
                      f"the case that {'it does' if len(targets) == 1 else 'they do'} not rest on: {named}; a "
                      f"defeater that points at evidence is counter-evidence, which stands open as no condition, "
                      f"whatever kind it is given",
                      help="answer it with evidence (status: answered, answered_by: [...]), or weaken the claim; "
                           "a doubt about the claim's own evidence names only that evidence")
        elif d.kind is not None and d.kind in allowed and not re.search(r"[^\W\d_]", d.defeater or ""):
            yield Hit(_status_path(did, d), f"{kind} `{did}` against {on} {state}, and its words say nothing "
                      f"({(d.defeater or '').strip()!r}): a doubt that states nothing leaves no condition a reviewer "
                      "could check an answer against",
                      help="say what the doubt is, then answer it with evidence before the condition's due date")
        elif d.kind is not None and d.kind in allowed and not _names_what_it_doubts(ctx, d, targets):
            yield Hit(_status_path(did, d), f"{kind} `{did}` against {on} {state}, and its words name nothing "
                      f"{'it rests on' if len(targets) == 1 else 'they rest on'} (no claim, strategy or evidence "
                      "item of the case by its id, nor an evidence file or sha256): what it reports cannot be told "
                      "from counter-evidence the case does not hold, which stands open as no condition",
                      help="name what it doubts (the claim, or the evidence it rests on, by id), or cite the "
                           "counter-evidence with `evidence:` and answer it; else answer it with evidence "
                           "(status: answered, answered_by: [...])")
        elif d.kind is not None and d.kind in allowed:
            yield Hit(_status_path(did, d), f"{kind} `{did}` against {on} {state}; the policy lets "
                      f"`{kind}` defeaters stand as a condition", severity=RuleSeverity.condition,
                      help="answer it with evidence before the condition's due date")
        else:
            yield Hit(_status_path(did, d), f"{kind} `{did}` against {on} {state}")


_WORD_SPLIT = kept(r"[\s,;()\[\]{}\"`<>]+")
_POSSESSIVE = kept("['\u2019]s$")
_HEX = kept(r"(?:sha256:)?([0-9a-f]{12,64})")


def _words_of(text: str) -> set[str]:
    """The text's words as names are compared: casefolded, without the punctuation or possessive
    that may close a word in a sentence; read as they look (`as_read`: `Е-outside` with a Cyrillic
    `Е` names `E-outside`)."""
    out = set()
    for w in _WORD_SPLIT.split(as_read(text).casefold()):
        w = _POSSESSIVE.sub("", w.strip(".:!?'\u2018\u2019")).strip(".:!?'\u2018\u2019")
        if w:
            out.add(w)
    return out


def _brought_in_words(ctx: Context, d: Element, targets: Sequence[str]) -> dict[str, str]:
    """Evidence item -> how a defeater's words name it (its id, its artifact or another file of its
    run, or 12 or more hex digits of their sha256), for each item of the case named that the claims
    it is against do not rest on (their own evidence, or any under them): a doubt about a claim's own
    evidence names that evidence; anything else named is evidence the defeater brings."""
    words = _words_of(d.defeater or "")
    if not words:
        return {}
    rests: set[str] = set()
    for t in targets:
        rests.update(_stands_on(ctx, t))
    digests = _digests_in(words)
    out: dict[str, str] = {}
    evidence = ctx.case.evidence
    for eid in _named_among(evidence, words, digests):
        if eid in rests:
            continue
        how = _how_named(eid, evidence[eid], words, digests)
        if how is not None:
            out[eid] = how
    return out


def _digests_in(words: AbstractSet[str]) -> set[str]:
    """The runs of 12 to 64 hex digits among a text's words (`_words_of`)."""
    return {m.group(1) for w in words if (m := _HEX.fullmatch(w))}


_NAMING: list[tuple[Mapping[str, Evidence], _NamingIndex]] = []
"""The last few evidence maps' naming indexes (`_named_among`), each kept with its map (held, so the
identity test cannot meet a reused id)."""

_NAMED_BY = itemgetter("artifact", "sha256", "source")
"""An item's fields that name it, read from its `__dict__` (a pydantic model's attributes are read
through its class's `__getattr__` hook, several times slower)."""
_dict_of = attrgetter("__dict__")  # (a model's `__dict__`: `vars` takes half again as many instructions)


def _names_from(artifact: str | None, sha256: str | None, source: Any) -> tuple[list[tuple[str, tuple[str, ...]]], list[str]]:
    """The names words can give an item besides its id, from its run's fields: (each file of its run,
    its artifact then the further files of `source.files`, with the words that name it: its path, and
    its file name when that has a dot, casefolded; the sha256s of those files). What `_NamingIndex`
    indexes and `_how_named` asks, derived in one place."""
    files = ([artifact] if artifact else []) + (list(source.files) if source else [])
    named: list[tuple[str, tuple[str, ...]]] = []
    for f in files:
        base = f.replace("\\", "/").rsplit("/", 1)[-1]
        named.append((f, (f.casefold(), base.casefold()) if "." in base else (f.casefold(),)))
    sums = ([sha256] if sha256 else []) + (list(source.files.values()) if source else [])
    return named, sums


def _names_of(ev: Evidence) -> tuple[list[tuple[str, tuple[str, ...]]], list[str]]:
    """`_names_from` an item."""
    return _names_from(*_NAMED_BY(vars(ev)))


class _NamingIndex:
    """Every way `_how_named` can name an item of one evidence map, indexed once per map: its id
    (casefolded), and the files (path or file name, casefolded) and sha256 digests of its run.
    The items of one run share their artifact, digest and source record, so the files and digests
    are read once per run (a group of items), not once per item: on a case with thousands of items
    a step per item was most of CG805's first use."""

    __slots__ = ("by_id", "by_file", "sums", "_pos", "_evidence")

    def __init__(self, evidence: Mapping[str, Evidence]) -> None:
        self._evidence = evidence
        self._pos: dict[str, int] | None = None
        # casefolded id -> the item's id, or the ids of the items whose ids casefold alike (a list),
        # for the ids a word cannot find in `evidence` itself (`_named_among`): an ASCII id with no
        # capital letter is its own casefold, and one with no small letter its casefold's
        # capitals. Most ids are one or the other (`E-ctf`, `e-ctf`, `E0`): the casefolded copies
        # of the 6,676 ids of a 10k-goal check and their table took 0.55 MiB to its end.
        others = [eid for eid in evidence if not eid.isascii() or (eid != eid.lower() and eid != eid.upper())]
        by_id: dict[str, list[str]] = {}
        for eid in others:
            by_id.setdefault(eid.casefold(), []).append(eid)
        # each id itself where one casefolds so, not a list of one
        self.by_id: dict[str, str | list[str]] = {f: got[0] if len(got) == 1 else got for f, got in by_id.items()}
        groups: dict[tuple[Any, ...], list[str]] = {}
        runs: dict[tuple[Any, ...], tuple[str | None, str | None, Any]] = {}
        for eid, named in zip(evidence, map(_NAMED_BY, map(_dict_of, evidence.values())), strict=True):
            key = (named[0], named[1], id(named[2]))
            got = groups.get(key)
            if got is None:
                got = groups[key] = []
                runs[key] = named
            got.append(eid)
        self.by_file: dict[str, list[list[str]]] = {}
        self.sums: list[tuple[str, list[str]]] = []
        for key, (artifact, sha256, source) in runs.items():
            eids = groups[key]
            named, sums = _names_from(artifact, sha256, source)
            for k in dict.fromkeys(k for _, words in named for k in words):
                self.by_file.setdefault(k, []).append(eids)
            self.sums.extend((x, eids) for x in sums)

    def in_order(self, ids: AbstractSet[str]) -> list[str]:
        """`ids` in the evidence's order. Each item's position is counted when two or more are
        first asked about (most texts name no item or one: a table of positions of thousands of
        items, 0.4 MiB at 10k goals, is then never made)."""
        if len(ids) < 2:
            return list(ids)
        pos = self._pos
        if pos is None:
            pos = self._pos = dict(zip(self._evidence, range(len(self._evidence)), strict=True))
        return sorted(ids, key=pos.__getitem__)


def _naming_index(evidence: Mapping[str, Evidence]) -> _NamingIndex:
    """`evidence`'s `_NamingIndex`, built once per evidence map."""
    for held, index in _NAMING:
        if held is evidence:
            return index
    index = _NamingIndex(evidence)
    _NAMING[:] = [(evidence, index), *_NAMING[:3]]
    return index


def _named_among(evidence: Mapping[str, Evidence], words: AbstractSet[str], digests: AbstractSet[str]) -> list[str]:
    """The items of `evidence` that a text's words could name (`_how_named` says whether and how),
    in the evidence's order: found through `_naming_index`, not by asking every item."""
    index = _naming_index(evidence)
    hit: set[str] = set()
    for w in words:
        got = index.by_id.get(w)
        if got is not None:
            if isinstance(got, str):
                hit.add(got)
            else:
                hit.update(got)
        if w.isascii():  # (a casefolded word: an ASCII id casefolds to it as itself, or as its capitals)
            if w in evidence:
                hit.add(w)
            if (up := w.upper()) != w and up in evidence:
                hit.add(up)
        for eids in index.by_file.get(w, ()):
            hit.update(eids)
    if digests:
        for x, eids in index.sums:
            if any(x.startswith(d) for d in digests):
                hit.update(eids)
    return index.in_order(hit)


def _how_named(eid: str, ev: Evidence, words: AbstractSet[str], digests: AbstractSet[str]) -> str | None:
    """How a text's words (`_words_of`) name evidence item `eid`: by its id, its artifact or
    another file of its run (path or file name), or 12 or more hex digits of their sha256
    (`_names_of`); None when they do not."""
    if eid.casefold() in words:
        return "by its id"
    named, sums = _names_of(ev)
    if f := next((f for f, keys in named if any(k in words for k in keys)), None):
        return f"by its file {f}"
    if any(s.startswith(x) for s in sums for x in digests):
        return "by its sha256"
    return None


def _names_what_it_doubts(ctx: Context, d: Element, targets: Sequence[str]) -> bool:
    """Whether a defeater's words name something of the case the claims it is against rest on: one
    of those claims, a claim or strategy under them (through `supported_by`), or evidence they
    rest on (`_how_named`). A doubt names what it doubts; words that name nothing of the case (an
    outside run, a report the case does not hold) cannot be told from counter-evidence."""
    words = _words_of(d.defeater or "")
    if not words:
        return False
    els = ctx.case.argument.elements
    under: set[str] = set()
    todo = list(targets)
    while todo:
        n = todo.pop()
        if n in under or n not in els:
            continue
        under.add(n)
        todo.extend(els[n].supported_by)
    if any(n.casefold() in words for n in under):
        return True
    digests = _digests_in(words)
    evidence = ctx.case.evidence
    # the evidence they rest on (`_stands_on` of each target), read off the walk above
    rests_on = dict.fromkeys(t for t in targets if t in evidence)
    for n in under:
        rests_on.update(dict.fromkeys(els[n].evidence))
    return any(x in evidence and _how_named(x, evidence[x], words, digests) is not None for x in rests_on)


@rule(
    "CG802", "defeated-claim", severity="blocking", serves="fm-argument-theater",
    summary="A defeater was accepted (the claim is defeated) yet the top claim still depends on that claim.",
    rationale="Once a defeater is accepted the claim no longer holds; an argument that still leans "
              "on it reaches its conclusion through a claim its own authors gave up.",
    bad="D1: {defeater: Scores fell within noise of the threshold, kind: counter-evidence,\n"
        "     against: [G2], status: accepted}",
    good="# replace G2 with a claim the evidence supports, and aim D1 at nothing the top claim needs",
    fix="Restructure the argument so the top claim no longer rests on the defeated claim, or narrow "
        "the boundary to one where it is not needed.",
)
def defeated_claim(ctx: Context) -> Iterator[Hit]:
    for did, d in elements_of_type(ctx, "defeater"):
        if d.status == "accepted":
            targets = _targets(ctx, did)
            if targets:
                yield Hit(_status_path(did, d), f"`{did}` was accepted, defeating "
                          + ", ".join(f"`{t}`" for t in targets) + ", which the top claim still depends on")


def _aimed(ctx: Context) -> dict[str, list[str]]:
    """Defeater id -> every element it is aimed at (depended on or not), in the argument's order."""
    got: dict[str, list[str]] | None = ctx.memo.get("cg8_aimed")
    if got is None:
        got = {}
        for t, ds in defeaters_of(ctx).items():
            for d in ds:
                got.setdefault(d, []).append(t)
        ctx.memo["cg8_aimed"] = got
    return got


def aimed_in(els: Mapping[str, Element]) -> dict[str, list[str]]:
    """`_aimed` for an argument read without a context (the version compared with): defeater id ->
    the elements it is aimed at (its `against`, and each element listing it under `defeaters`)."""
    out: dict[str, list[str]] = {}
    for eid, el in els.items():
        if el.defeater is not None:
            got = out.setdefault(eid, [])
            got.extend(t for t in dict.fromkeys(el.against) if t not in got)
        for d in el.defeaters:
            x = els.get(d)
            if x is not None and x.defeater is not None and eid not in out.setdefault(d, []):
                out[d].append(eid)
    return out


def answer_problem(x: str, attacked: Sequence[str], els: Mapping[str, Element], evidence: Mapping[str, Evidence],
                   unusable: Callable[[str], str | None], defeater: Element | None = None,
                   disputed: Mapping[tuple[str | None, ...], tuple[str, str]] | None = None) -> str | None:
    """Why item `x` of a defeater's `answered_by` answers nothing (None when it answers): an
    answer is evidence that counts (`unusable` says why an item does not) other than what is
    disputed (`_disputed`), or a developed claim other than those attacked, resting on none of
    them through `supported_by`, and resting, through no element marked `undeveloped`, on such
    evidence. A context, assumption, justification, strategy or defeater is the case's word, not
    an answer; the attacked claim, a claim resting on it, or the evidence it rests on is the thing
    disputed, not an answer to the dispute. `defeater`: the defeater answered, whose own evidence
    and the evidence its words name are disputed too (without it, only what the attacked elements
    cite themselves is). `disputed`: `_disputed` of the same, when the caller has it."""
    if disputed is None:
        disputed = _disputed(attacked, els, evidence, defeater)
    cited = {e: t for t in attacked if t in els for e in els[t].evidence}
    if x in evidence:
        if x in cited:
            return f"`{x}` is evidence `{cited[x]}` already rests on, which the defeater disputes"
        return unusable(x) or _disputed_why(x, evidence[x], disputed)
    el = els.get(x)
    if el is None:
        return f"`{x}` is neither evidence nor an element of the argument"
    if el.claim is None:
        return f"`{x}` is a {el.type}, not evidence or a claim: it states no grounds"
    if x in attacked:
        return f"`{x}` is the claim it is against"
    if el.undeveloped:
        return f"`{x}` is marked undeveloped: an argument the case says is not made answers nothing"
    seen: set[str] = set()
    todo = [x]
    under: list[str] = []
    cut: list[str] = []
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        if n in attacked:
            return f"`{x}` rests on `{n}`, the claim it is against"
        node = els.get(n)
        if node is None:
            continue
        if node.undeveloped:
            cut.append(n)  # an element the case marks not made supports nothing through it
            continue
        under.extend(i for i in node.evidence if i not in under)
        todo.extend(node.supported_by)
    why: list[str] = []
    for i in under:
        if i in cited:
            why.append(f"`{i}` is what `{cited[i]}` rests on")
        elif i not in evidence:
            continue
        elif (w := unusable(i) or _disputed_why(i, evidence[i], disputed)) is not None:
            why.append(w)
        else:
            return None
    why += [f"`{n}` is marked undeveloped" for n in cut]
    return f"`{x}` rests on no evidence that counts" + (f" ({'; '.join(why)})" if why else "")


def run_of(eid: str, ev: Evidence) -> tuple[str | None, ...]:
    """What identifies the run an evidence item records, under any id: its artifact's digest, the
    digests of the further files its counts are read from, and the task of the artifact it is
    (`run_key`, with the task: one artifact may hold several tasks)."""
    return (*run_key(eid, ev), ev.task)


def _disputed(attacked: Sequence[str], els: Mapping[str, Element], evidence: Mapping[str, Evidence],
              defeater: Element | None) -> dict[tuple[str | None, ...], tuple[str, str]]:
    """The runs a defeater disputes (`run_of`) -> (the item found there, why an answer standing on
    it answers nothing):
    those the elements it is against rest on (their evidence, the evidence of every claim and
    strategy under them through `supported_by`, and, for a defeater marked answered that it is
    against, the answer it disputes); its own evidence (counter-evidence does not answer itself);
    and those its words name (`_how_named`), what it doubts or brings. A run is the same under
    another evidence id. The defeater's own answers are not walked into: a claim added under the
    attacked one to answer it is judged as an answer, not as what is disputed. Without `defeater`,
    only what the attacked elements cite themselves."""
    out: dict[tuple[str | None, ...], tuple[str, str]] = {}

    def add(e: str, why: str) -> None:
        if e in evidence:
            out.setdefault(run_of(e, evidence[e]), (e, why))

    answers = set(defeater.answered_by) if defeater is not None else set()
    for t in attacked:
        node = els.get(t)
        if node is None:
            continue
        for e in node.evidence:
            add(e, f"`{e}` is evidence `{t}` already rests on, which the defeater disputes")
        if defeater is None:
            continue
        if node.defeater is not None:
            for a in node.answered_by:
                add(a, f"`{a}` is the answer of `{t}`, which the defeater disputes")
        seen = {t}
        todo = [*node.supported_by] + ([*node.answered_by] if node.defeater is not None else [])
        while todo:
            n = todo.pop()
            if n in seen or n in answers or n not in els:
                continue
            seen.add(n)
            for e in els[n].evidence:
                add(e, f"`{e}` is evidence `{t}` rests on (under `{n}`), which the defeater disputes")
            todo.extend(els[n].supported_by)
    if defeater is None:
        return out
    for e in defeater.evidence:
        add(e, f"`{e}` is the defeater's own evidence: counter-evidence does not answer itself")
    words = _words_of(defeater.defeater or "")
    if words:
        digests = _digests_in(words)
        for e in _named_among(evidence, words, digests):
            if (how := _how_named(e, evidence[e], words, digests)) is not None:
                add(e, f"`{e}` is named in the defeater's words ({how}): what it doubts or brings does not "
                       "answer it")
    return out


def _disputed_why(x: str, ev: Evidence, disputed: Mapping[tuple[str | None, ...], tuple[str, str]]) -> str | None:
    """Why evidence `x` answers nothing as a run the defeater disputes (`_disputed`); None when it
    is not one. The same run under another id is disputed for the same reason."""
    got = disputed.get(run_of(x, ev))
    if got is None:
        return None
    e, why = got
    return why if e == x else f"`{x}` is the run of `{e}` under another id, and {why}"


def _unusable(ctx: Context, x: str) -> str | None:
    """Why evidence `x` counts for nothing as an answer (None when it counts): set aside by the
    evidence rules (CG356 and the artifact rules), expired, or a verdict that is not a pass (a
    probe or review), or a run that failed."""
    ev = ctx.case.evidence[x]
    excluded = ctx.facts.excluded if ctx.facts is not None else {}
    if x in excluded:
        why = excluded[x]
        return why if why.startswith(f"`{x}`") else f"`{x}` counts for nothing: {why}"
    if is_expired(ev, ctx):
        until = evidence_expiry(ev, ctx.policy, ctx.artifact_dates)
        return f"`{x}` expired on {until.isoformat()}" if until else f"`{x}` has an expiry that cannot be established"
    return verdict_problem(x, ev)


def verdict_problem(x: str, ev: Evidence) -> str | None:
    """Why evidence `x`'s own result answers nothing: a check whose outcome is a verdict (a
    sandbagging probe, a review) without `passed: true`, or any item whose result failed."""
    passed = ev.result.passed if ev.result is not None else None
    if ev.kind in VERDICT_KINDS and passed is not True:
        return f"`{x}` ({ev.kind}) " + ("failed" if passed is False else "states no verdict (`result.passed`)")
    if passed is False:
        return f"`{x}` ({ev.kind}) failed"
    return None


def _tagged_domains(ctx: Context, eid: str) -> set[str]:
    """The risk domains an element says it is about: its `domain` (or one an ancestor names), the
    domain of the threshold its capability tag names, and that of the pathway it names."""
    from .threat import _domains_in_scope

    out: set[str] = set()
    own, passed = _domains_in_scope(ctx)
    if dom := own.get(eid) or passed.get(eid):
        out.add(dom)
    fields = ctx.index.fields
    cap, path = fields["capability"].get(eid), fields["pathway"].get(eid)
    th = ctx.policy.thresholds.get(cap.threshold) if cap is not None else None
    if th is not None:
        out.add(th.domain)
    if path is not None and (found := ctx.case.pathways().get(path)) is not None:
        out.add(found[0])
    return out


def claim_subjects(ctx: Context, eid: str) -> set[str]:
    """The risk domains claim `eid` is about, as far as the case lets them be read: the domains it
    names (`_tagged_domains`); else those of the evidence it cites itself (as CG416 reads an item's
    subject); else those the claims below it name. Empty: unknown. The claims below count only by
    what they name, not by what they cite: off-subject evidence hung under an untagged claim does
    not make the claim about its subject."""
    named = _tagged_domains(ctx, eid)
    if named:
        return named
    from .safeguards import evidence_subjects

    subjects = evidence_subjects(ctx)
    fields = ctx.index.fields
    cited: set[str] = set()
    for x in fields["evidence"].get(eid, ()):
        cited |= subjects.get(x, frozenset())
    if cited:
        return cited
    below: set[str] = set()
    seen: set[str] = {eid}
    todo = list(ctx.index.support.get(eid, ()))
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        below |= _tagged_domains(ctx, n)
        todo.extend(ctx.index.support.get(n, ()))
    return below


def _attacked_domains(ctx: Context, attacked: Sequence[str]) -> tuple[set[str], list[str]]:
    """(the risk domains the claims a defeater is against are about (`claim_subjects`), the
    claims among them whose domain cannot be read at all)."""
    out: set[str] = set()
    unknown: list[str] = []
    for t in attacked:
        got = claim_subjects(ctx, t)
        if got:
            out |= got
        else:
            unknown.append(t)
    return out, unknown


def _off_subject(ctx: Context, x: str, domains: set[str], unknown: Sequence[str] = (),
                 general: bool = False) -> str | None:
    """Why evidence `x` answers nothing about claims on `domains`: it is about other domains only
    (as CG416 reads an item's subject); None when it is about one of them. Where a claim it defends
    names no domain and rests on nothing whose domain is known (`unknown`), whether `x` is about
    it cannot be established: it answers nothing (fail closed); so too where `x`'s own subject
    cannot be read and the claims' can, unless the doubt is about the model in general (`general`:
    a sandbagging probe answers for every domain it was run in)."""
    from .safeguards import evidence_subjects

    about = evidence_subjects(ctx).get(x)
    if not about:
        if general or not domains or unknown:
            return None
        return (f"what `{x}` is about cannot be established (it names no `domain` or `threshold`, and no "
                f"safeguard cites it), so it cannot be shown to be about "
                f"{', '.join(f'`{a}`' for a in sorted(domains))}, what the claims it defends are about")
    if unknown:
        return (f"whether `{x}` (about {', '.join(f'`{a}`' for a in sorted(about))}) is about "
                f"{', '.join(f'`{t}`' for t in unknown)} cannot be established: "
                f"{'it names' if len(unknown) == 1 else 'they name'} no risk domain (`domain:`), and "
                f"{'rests' if len(unknown) == 1 else 'rest'} on nothing whose domain is known")
    if not domains or about & domains:
        return None
    return (f"`{x}` is about {', '.join(f'`{a}`' for a in sorted(about))}, not "
            f"{', '.join(f'`{a}`' for a in sorted(domains))}, what the claims it defends are about")


def _measures_and_tests(ctx: Context) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(evidence id -> the thresholds it measures: its `threshold`, or a threshold whose task its log
    ran; evidence id -> the safeguards it tests: its `tests`, or a safeguard citing it)."""
    got: tuple[dict[str, list[str]], dict[str, list[str]]] | None = ctx.memo.get("cg8_measures_tests")
    if got is None:
        measures: dict[str, list[str]] = {}
        for x, ev in ctx.case.evidence.items():
            if ev.threshold:
                measures.setdefault(x, []).append(ev.threshold)
        for tid, st in capability_status(ctx).items():
            for x in st.evidence:
                if tid not in measures.setdefault(x, []):
                    measures[x].append(tid)
        tests: dict[str, list[str]] = {x: list(ev.tests) for x, ev in ctx.case.evidence.items() if ev.tests}
        for sid, sg in ctx.case.safeguards.items():
            for x in sg.evidence:
                if sid not in tests.setdefault(x, []):
                    tests[x].append(sid)
        got = ctx.memo["cg8_measures_tests"] = (measures, tests)
    return got


def _assertions(ctx: Context, attacked: Sequence[str]) -> tuple[str, list[str]] | None:
    """What every claim a defeater is against asserts, where the case's structure says so and they
    agree: ("capability", the thresholds they tag) when each tags a capability position;
    ("safeguard", the safeguards tested) when each tags none and cites only tests of safeguards
    (none measuring a threshold). None otherwise (a claim of either or neither kind: an answer's
    kind is not held to one)."""
    els = ctx.case.argument.elements
    measures, tests = _measures_and_tests(ctx)
    kinds: set[str] = set()
    about: list[str] = []
    for t in attacked:
        el = els.get(t)
        if el is None or el.claim is None:
            return None
        if el.capability is not None:
            kinds.add("capability")
            about.append(el.capability.threshold)
        elif el.evidence and all(x in tests and x not in measures for x in el.evidence):
            kinds.add("safeguard")
            about.extend(s for x in el.evidence for s in tests[x])
        else:
            return None
    if len(kinds) != 1:
        return None
    return kinds.pop(), list(dict.fromkeys(about))


def _off_assertion(ctx: Context, x: str, asserts: tuple[str, list[str]] | None) -> str | None:
    """Why evidence `x` answers nothing about what the claims it defends assert (`_assertions`): a
    test of a safeguard (measuring no threshold) shows what the safeguard blocks, not what the
    model can do; an evaluation of a threshold (testing no safeguard) shows what the model can do,
    not what a safeguard blocks. None when it may bear on it (a review, a probe, an audit, or an
    item of the same kind)."""
    if asserts is None:
        return None
    kind, about = asserts
    measures, tests = _measures_and_tests(ctx)
    named = ", ".join(f"`{a}`" for a in about)
    if kind == "capability" and x in tests and x not in measures:
        return (f"`{x}` tests {', '.join(f'`{s}`' for s in tests[x])}: what a safeguard blocks says nothing of "
                f"what the model can do, which the claims it defends assert ({named})")
    if kind == "safeguard" and x in measures and x not in tests:
        return (f"`{x}` measures {', '.join(f'`{m}`' for m in measures[x])}: what the model can do says nothing "
                f"of what a safeguard blocks, which the claims it defends rest on ({named})")
    return None


def _denied(ctx: Context, attacked: Sequence[str]) -> list[tuple[str, float, str]]:
    """What the claims a defeater is against deny the model can do: (threshold, the level they say
    the model is below, that level in words) for each inability position they tag on a threshold
    of the policy with a number."""
    els = ctx.case.argument.elements
    out: list[tuple[str, float, str]] = []
    for t in attacked:
        cap = els[t].capability if t in els else None
        th = ctx.policy.thresholds.get(cap.threshold) if cap is not None else None
        if cap is None or th is None or cap.position not in _INABILITY:
            continue
        if cap.position == "below-alert" and th.alert is not None:
            out.append((cap.threshold, th.alert, f"its alert level {th.alert:g}"))
        elif th.value is not None:
            out.append((cap.threshold, th.value, f"the threshold {th.value:g}"))
    return out


def _fails_itself(ctx: Context, x: str, denied: Sequence[tuple[str, float, str]]) -> str | None:
    """Why evidence `x` answers nothing by its own result: an evaluation elicited below the minimum
    of a threshold the claims it defends say the model is below (`_denied`; a run of that threshold
    is CG301's), or whose success rate
    (its one-sided upper bound, as a threshold's status is read) reaches that level; or a safeguard test whose bypass rate's upper bound exceeds
    the policy's tolerance (as CG406 reads a safeguard's test). A result that does not show what
    the claims assert cannot answer a doubt about them. None otherwise."""
    pol = ctx.policy
    ev = ctx.case.evidence[x]
    pct = f"{pol.confidence:.0%} one-sided {pol.interval}"
    if ev.kind == "eval" and denied:
        measures = _measures_and_tests(ctx)[0].get(x, ())
        for tid, _, _ in denied:
            # a run of the threshold itself is held to its minimum by CG301
            short = [] if tid in measures else elicitation_shortfalls(ev, pol.thresholds[tid].elicitation,
                                                                      untuned_effort(ctx, x))
            if short:
                return (f"`{x}` is an evaluation elicited below what the policy asks for `{tid}`, which the claims "
                        f"it defends say the model is below ({'; '.join(f.message for f in short)}): a score the "
                        "model was not pressed for cannot answer a doubt about what it can do")
        if (got := proportion(ev)) is not None:
            u = upper_bound(got[0], got[1], pol.confidence, pol.interval)
            for tid, level, words in denied:
                if u >= level:
                    return (f"`{x}` solved {got[0]} of {got[1]} (upper bound {u:.3f}, {pct}), at or above {words} "
                            f"of `{tid}`, which the claims it defends say the model is below: a result that does not "
                            "show the model below it cannot answer a doubt that it is")
    elif ev.kind != "eval" and (got := bypass_counts(ev)) is not None:
        u = upper_bound(got[0], got[1], pol.confidence, pol.interval)
        if u > pol.tolerance.max_bypass_rate:
            return (f"`{x}` shows {got[0]} bypasses in {got[1]} attempts (upper bound {u:.3f}, {pct}), above the "
                    f"tolerated bypass rate {pol.tolerance.max_bypass_rate:g}: a test that got through that often "
                    "answers no doubt about what it tested")
    return None


class _Observed(FrozenRecord):
    """What an answer to counter-evidence must respond to: the newest item of the defeater's own
    evidence, its date, and the first version the registry recorded holding every item the
    defeater rests on."""

    _fields = ("item", "date", "dated_by", "first")
    item: str
    date: dt.date
    dated_by: str | None
    """The recorded version whose date for the item is `date`, when that is later than the date
    the case gives it now (the item re-dated earlier since); None when the case's own date."""
    first: int | None
    """Index in `_versions` of the first recorded version holding every item the defeater rests
    on; None when some item is in none of them (the registry sees it now)."""

    def __init__(self, item: str, date: dt.date, dated_by: str | None, first: int | None) -> None:
        object.__setattr__(self, "item", item)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "dated_by", dated_by)
        object.__setattr__(self, "first", first)


def _versions(ctx: Context) -> list[tuple[str, dict[str, dt.date], dict[str, dt.date]]]:
    """Every earlier version the registry recorded, and the version compared with, oldest first
    as the registry gives them: (how messages name it, sha256 -> the latest date it gave an item
    pinning it, id -> the date it gave an item pinning none). Read only when an answer to
    counter-evidence is judged."""
    got: list[tuple[str, dict[str, dt.date], dict[str, dt.date]]] | None = ctx.memo.get("cg8_versions")
    if got is None:
        versions = [*ctx.recorded]
        if ctx.previous is not None:
            versions.append(RecordedVersion.of_case(ctx.previous, ctx.compared))
        got = []
        for v in versions:
            pinned: dict[str, dt.date] = {}
            loose: dict[str, dt.date] = {}
            for eid, item in v.evidence.items():
                if item.sha256 is None:
                    loose[eid] = item.date
                elif item.sha256 not in pinned or pinned[item.sha256] < item.date:
                    pinned[item.sha256] = item.date
            got.append((v.label, pinned, loose))
        ctx.memo["cg8_versions"] = got
    return got


def _first_held(ctx: Context, x: str) -> int | None:
    """Index in `_versions` of the first recorded version holding evidence item `x` (by its
    artifact's sha256 under any id, else by its id); None when none does."""
    ev = ctx.case.evidence[x]
    for i, (_, pinned, loose) in enumerate(_versions(ctx)):
        if (ev.sha256 in pinned) if ev.sha256 is not None else (x in loose):
            return i
    return None


def _observed(ctx: Context, d: Element) -> _Observed | None:
    """The newest item of a defeater's own evidence, with its date: as the case states it, or the
    latest date a recorded version gave the same item (an observation re-dated earlier since keeps
    the date it was recorded with); and the first recorded version holding all of it. What an
    answer to counter-evidence must respond to. None when it cites none the case holds."""
    evidence = ctx.case.evidence
    items = [x for x in d.evidence if x in evidence]
    if not items:
        return None
    versions = _versions(ctx) if ctx.recorded or ctx.previous is not None else []
    dated: list[tuple[dt.date, str, str | None]] = []
    firsts: list[int | None] = []
    for x in items:
        ev = evidence[x]
        when, by = ev.date, None
        for label, pinned, loose in versions:
            then = pinned.get(ev.sha256) if ev.sha256 is not None else loose.get(x)
            if then is not None and then > when:
                when, by = then, label
        dated.append((when, x, by))
        firsts.append(_first_held(ctx, x) if versions else None)
    when, x, by = max(dated, key=lambda g: g[0])
    first = None if None in firsts else max(f for f in firsts if f is not None)
    return _Observed(x, when, by, first)


def _predates(ctx: Context, x: str, observed: _Observed | None) -> str | None:
    """Why evidence `x` answers nothing to counter-evidence resting on `observed`: it was made
    before that observation (dated as its age is counted, `evidence_dated`), or a version the
    registry recorded held it before any held the observation (the observation's date is the
    case's word; the registry's record is not), so it cannot be about it. None when it is not
    older, or the defeater cites no evidence."""
    if observed is None:
        return None
    when = evidence_dated(ctx.case.evidence[x], ctx.artifact_dates)
    oid, then = observed.item, observed.date
    if when < then:
        given = f", as {observed.dated_by} dated it" if observed.dated_by is not None else ""
        return (f"`{x}` (dated {when.isoformat()}) is older than `{oid}` (dated {then.isoformat()}{given}), the "
                "evidence the defeater rests on: what was made before an observation cannot answer it")
    if ctx.recorded or ctx.previous is not None:
        held = _first_held(ctx, x)
        if held is not None and (observed.first is None or held < observed.first):
            label = _versions(ctx)[held][0]
            return (f"`{x}` was in {label} already, which did not hold the evidence the defeater rests on "
                    f"(`{oid}`): what the record held before the observation cannot answer it, whatever date "
                    "the observation is given")
    return None


def _answer_judge(ctx: Context, did: str, d: Element) -> Callable[[str], str | None]:
    """Why an item (evidence or an element) answers nothing to defeater `did` as CG803 reads an
    answer (None when it answers). Evidence about another risk domain than the claims it is
    against answers nothing (CG416's reading of a subject): a customer-vetting test does not answer
    a doubt about weight security."""
    attacked = _aimed(ctx).get(did, [])
    els, ev = ctx.case.argument.elements, ctx.case.evidence
    domains, unknown = _attacked_domains(ctx, attacked)
    disputed = _disputed(attacked, els, ev, d)
    asserts = _assertions(ctx, attacked)
    observed = _observed(ctx, d)
    denied = _denied(ctx, attacked)
    general = d.kind == "sandbagging"

    def unusable(e: str) -> str | None:
        return (_unusable(ctx, e) or _off_subject(ctx, e, domains, unknown, general)
                or _off_assertion(ctx, e, asserts) or _fails_itself(ctx, e, denied) or _predates(ctx, e, observed))

    return lambda x: answer_problem(x, attacked, els, ev, unusable, d, disputed)


def _judged(ctx: Context, did: str, d: Element) -> tuple[list[str], list[str]]:
    """(the items of `answered_by` that answer the defeater, why each other does not), as
    `_answer_judge` reads each."""
    judge = _answer_judge(ctx, did, d)
    ok: list[str] = []
    bad: list[str] = []
    for x in dict.fromkeys(d.answered_by):
        why = judge(x)
        if why is None:
            ok.append(x)
        else:
            bad.append(why)
    return ok, bad


def answering(case: Case, policy: Policy, did: str) -> list[str]:
    """The items of defeater `did`'s `answered_by` that answer it as CG803 reads them, on `case`
    as given (no facts derived from its artifacts, no registry), decided on its own date."""
    ctx = Context(case=case, policy=policy, today=case.date or dt.date.today(),
                  boundary=case.boundary.kind if case.boundary is not None else None)
    return _judged(ctx, did, case.argument.elements[did])[0]


@rule(
    "CG803", "answered-without-answer", severity="blocking", serves="fm-argument-theater",
    summary="A defeater is marked answered but nothing under `answered_by` answers it: none is evidence "
            "that counts (about the domain of the claims it is against), or a developed claim resting on "
            "such, other than the claims it is against, the runs they rest on and the defeater's own evidence.",
    rationale="'Answered' is a claim about the argument; without the evidence or rebuttal it "
              "points at, the defeater is still open under another name. Only evidence and claims "
              "answer: a context, assumption, justification or strategy is the case's own word. The "
              "claim the defeater attacks, a claim resting on it, and the evidence it already cites "
              "are what is disputed, and cannot settle the dispute; a claim answers only when it rests "
              "on evidence that counts (not expired, not set aside, not a probe or review without a "
              "pass, not a failed run, not about another risk domain than the claims it defends, as "
              "CG416 reads an item's subject). A claim that names no domain is about what it rests on "
              "(or what the claims below it name); where the subject of either side cannot be read, the "
              "answer cannot be shown to be about the claim and answers nothing (a sandbagging probe "
              "answers for the model in general). What is disputed is read from the case's structure, not "
              "its words: every run the elements the defeater is against rest on (through any claim or "
              "strategy under them, and under any evidence id: the same artifact and digest is the same "
              "run), the answer of a defeater it disputes, its own evidence (counter-evidence does not "
              "answer itself) and the evidence its words name; an answer standing on any of these answers "
              "nothing. Nor does a claim marked `undeveloped`, or evidence reached only through one: the "
              "case's own word that the argument is not made. An answer must also be about the question "
              "the claims assert, where their structure says which: against claims that each tag a "
              "capability position, a test of a safeguard (an item a safeguard cites or that names one under "
              "`tests`, measuring no threshold) shows what the safeguard blocks, not what the model can do; "
              "against claims that each cite only such tests, an evaluation of a threshold shows what the "
              "model can do, not what a safeguard blocks. Either answers nothing there; a review, probe or "
              "audit may answer either. An answer to a defeater resting on evidence of its own (counter-"
              "evidence) must be made no earlier than the newest item it rests on: what was made before an "
              "observation cannot be about it. The observation's date is the case's word, so the record holds "
              "it to more: an item keeps the latest date a version the registry recorded (or the version "
              "compared with) gave it, and an answer a recorded version held before any held the observation "
              "answers nothing, whatever date the observation is given now. An answer's own result must show "
              "what the claims assert: an evaluation answering a doubt about claims that the model is below "
              "a threshold (or its alert level) answers nothing when the upper bound of its success rate "
              "reaches that level, or, measuring another threshold or none, when it is elicited below that "
              "threshold's minimum (a run of the threshold itself is CG301's); a red team or safeguard test "
              "answers nothing when the upper bound of its bypass rate exceeds the policy's "
              "`tolerance.max_bypass_rate`. Sandbagging defeaters are held to the same measure by CG805.",
    bad="D1: {defeater: The suite omits web exploitation, kind: objection, against: [G2], status: answered}\n"
        "D3: {defeater: An outside spot check solved 9 of 20, kind: counter-evidence, against: [G2],\n"
        "     status: answered, answered_by: [G2]}",
    good="D1: {defeater: The suite omits web exploitation, kind: objection, against: [G2],\n"
         "     status: answered, answered_by: [E-ctf-web]}",
    fix="List under `answered_by` the evidence that answers it, or a claim resting on such evidence that "
        "is not the claim attacked; or set `status: open`.",
)
def answered_without_answer(ctx: Context) -> Iterator[Hit]:
    for did, d in elements_of_type(ctx, "defeater"):
        if d.status != "answered":
            continue
        if not d.answered_by:
            yield Hit(_EL + (did, "status"), f"defeater `{did}` is marked answered but `answered_by` is empty")
            continue
        if d.kind == "sandbagging":
            continue  # CG805 holds these to the same measure
        ok, bad = _judged(ctx, did, d)
        if not ok:
            on = ", ".join(f"`{t}`" for t in _aimed(ctx).get(did, [])) or "nothing"
            yield Hit(_EL + (did, "answered_by"),
                      f"{d.kind or 'defeater'} `{did}` against {on} is marked answered by "
                      + ", ".join(f"`{x}`" for x in d.answered_by)
                      + (", which does not answer it: " if len(bad) == 1 else ", none of which answers it: ")
                      + "; ".join(bad),
                      help="answer it with evidence that counts (or a claim resting on such evidence, not the "
                           "claim it attacks), or set `status: open`")


def _attested(ctx: Context, x: str) -> bool:
    """Whether evidence item `x` is made independent by signed attestations from outside the
    developer: the attestation covers its bytes and the date the case gives it, so that date is not
    the developer's word alone."""
    got = ctx.facts.independence.get(x) if ctx.facts is not None else None
    return got is not None and got.independent


@rule(
    "CG810", "answer-order-unverified", severity="advisory", serves="fm-argument-theater",
    summary="A defeater resting on evidence of its own (counter-evidence) is answered by evidence that "
            "counts as made after that evidence only by dates the case gives: no attestation from outside "
            "the developer signs the observation's date, and no version the registry recorded held the "
            "observation before the answer.",
    rationale="An answer to counter-evidence answers nothing when it was made before the observation "
              "(CG803), and the observation's date is the case's word: dated back, an older answer looks "
              "like a response to it. Against a version the registry recorded, the date the record gave it "
              "and the order in which the record held both items decide; in a first version, or where both "
              "first appear together, only the observation's own attestation fixes its date (an attestation "
              "covers the item's bytes and date, and re-dated the item is not independent). Where none "
              "does, whether the answer came after the observation is the developer's statement, and the "
              "decision says so.",
    bad="E-spot: {kind: expert-review, producer: northbridge, date: 2026-10-01}   # no attestation\n"
        "D3: {defeater: An outside spot check solved 9 of 20, kind: counter-evidence, against: [G2],\n"
        "     evidence: [E-spot], status: answered, answered_by: [E-review]}",
    good="E-spot: {kind: expert-review, producer: northbridge, date: 2026-11-10, artifact: reports/spot.pdf,\n"
         "         sha256: ...}   # attested by Northbridge (casegate attest)\n"
         "D3: {..., evidence: [E-spot], status: answered, answered_by: [E-review-after]}",
    fix="Have the producer of the counter-evidence attest it (`casegate attest`), so its date is theirs; "
        "or answer it with evidence the registry records after the observation.",
    since="0.1.0",
)
def answer_order_unverified(ctx: Context) -> Iterator[Hit]:
    for did, d in elements_of_type(ctx, "defeater"):
        if d.status != "answered" or not d.answered_by or d.kind == "sandbagging":
            continue
        observed = _observed(ctx, d)
        if observed is None or _attested(ctx, observed.item):
            continue
        ok = _judged(ctx, did, d)[0]
        if not ok:
            continue  # CG803's to report
        recorded = bool(ctx.recorded) or ctx.previous is not None
        by_dates: list[str] = []
        for x in ok:
            items = [e for e in _stands_on(ctx, x) if e in ctx.case.evidence]
            # an answer the registry saw first after the observation is ordered by the record
            if recorded and observed.first is not None and any(
                    _first_held(ctx, e) is None or (_first_held(ctx, e) or 0) > observed.first for e in items):
                break
            by_dates.append(x)
        else:
            if not by_dates:
                continue
            ev = ctx.case.evidence[observed.item]
            given = f" ({observed.dated_by}'s date)" if observed.dated_by is not None else ""
            yield Hit(_EL + (did, "answered_by"),
                      f"{d.kind or 'defeater'} `{did}` is answered by {_ids(by_dates)} as made after "
                      f"`{observed.item}` (dated {observed.date.isoformat()}{given}), the evidence it rests on, but "
                      f"only the case's dates say so: no attestation from outside the developer signs "
                      f"`{observed.item}` ({ev.producer}), and no version the registry recorded held it before "
                      "the answer",
                      help=f"have {ev.producer} attest `{observed.item}` (`casegate attest`) so that its date is "
                           "theirs, or answer it with evidence made after it")


def _under_sandbagging(ctx: Context) -> set[str]:
    """The ids a sandbagging defeater is aimed at, and every id below one of them (listed under
    its `supported_by`, transitively): an element is in it when it, or an element that
    (transitively) lists it under `supported_by`, faces a sandbagging defeater. Found in one
    search down from the elements such a defeater faces, rather than a search up from every
    element asked about (which took a quarter of a 10k-goal `check`)."""
    got: set[str] | None = ctx.memo.get("cg8_under_sandbagging")
    if got is None:
        els = ctx.case.argument.elements
        below = ctx.index.fields["supported_by"]
        todo = [a for a, ds in defeaters_of(ctx).items() if any(els[d].kind == "sandbagging" for d in ds)]
        got = set()
        while todo:
            n = todo.pop()
            if n in got:
                continue
            got.add(n)
            todo.extend(below.get(n, ()))
        ctx.memo["cg8_under_sandbagging"] = got
    return got


@rule(
    "CG807", "undeveloped-risk-claim", severity="blocking", serves="fm-argument-theater",
    summary="A claim (or strategy) the top claim depends on is marked `undeveloped: true` but is about a "
            "risk: it names a risk domain (itself or through a claim above it), a harm pathway or a "
            "capability threshold.",
    rationale="`undeveloped: true` honestly marks a gap: the claim is not argued yet. A gap in the "
              "argument about a risk the case addresses is not an argument about that risk, and a "
              "decision that rests on it rests on nothing; an undeveloped claim must not count as "
              "covering its risk or threshold. The decision's own rules read the threat model, the "
              "evidence and the safeguards, so the mark would otherwise cost the lab only a line among "
              "the uncertainties. An undeveloped claim that names no risk is judged by CG808: the "
              "developed claims must argue every addressed domain, threshold and safeguard.",
    bad="G2: {claim: Cyber capability is below Cyber High., domain: cyber, undeveloped: true}",
    good="G2: {claim: Cyber capability is below Cyber High., domain: cyber,\n"
         "     capability: {threshold: cyber-high, position: below}, evidence: [E-ctf], defeaters: [D1]}",
    fix="Develop the claim (cite its evidence or support it with sub-claims, and drop `undeveloped`); "
        "or, if the risk does not arise at this boundary, scope the domain out in the threat model with "
        "the reason, and leave the claim out of the argument.",
)
def undeveloped_risk_claim(ctx: Context) -> Iterator[Hit]:
    dep = depended_on(ctx)
    types = ctx.index.types
    for eid in ctx.index.fields["undeveloped"]:
        if eid not in dep or types.get(eid) not in ("claim", "strategy"):
            continue
        about = _tagged_domains(ctx, eid)
        if about:
            yield Hit(_EL + (eid, "undeveloped"),
                      f"{types[eid]} `{eid}` is about {', '.join(f'`{d}`' for d in sorted(about))} but is marked "
                      "undeveloped: the decision would rest on an argument about that risk that is not made",
                      help="develop the claim (evidence or sub-claims) and drop `undeveloped`, or scope the "
                           "domain out with a reason and leave the claim out")


@rule(
    "CG808", "risk-not-argued", severity="blocking", serves="fm-argument-theater",
    summary="A domain the threat model addresses, a capability threshold of one, or a safeguard on its "
            "pathways is argued by no developed claim the top claim depends on.",
    rationale="The top claim says the deployment is safe enough; the argument under it must say why for "
              "each risk the case addresses. Deleting the claim about the safeguards or the weights, or "
              "marking it `undeveloped` with its domain dropped so that CG807 cannot read what it is "
              "about, leaves the decision resting on evidence the argument never reasons from: the "
              "decision's rules read the threat model, the evidence and the safeguards, so without this "
              "rule the gap would cost nothing. A claim under an element marked `undeveloped` (the top "
              "claim, a strategy) supports nothing through it. A developed claim (depended on, not "
              "`undeveloped`, reached from the top claim through no undeveloped element) argues "
              "a domain it names (itself, through a claim above it, its threshold or pathway) or that the "
              "evidence it cites is about; a threshold its `capability:` tag names or the evidence it "
              "cites measures; a safeguard whose test it cites, and a security control (`security: "
              "true`) of a domain it names (with no `capability:` tag) while resting on a security audit "
              "or a security control's test, since an audit covers a domain's security controls as one "
              "regime. Any other safeguard needs a developed claim citing its own test: a claim naming "
              "the domain and resting on another safeguard's test does not argue it.",
    bad="S1: {strategy: Argue over capability., supported_by: [G2]}   # nothing argues SG-kyc\n"
        "G2: {claim: Below Cyber High., domain: cyber, capability: {threshold: cyber-high, position: below},\n"
        "     evidence: [E-ctf]}",
    good="S1: {strategy: Argue over capability, then over safeguards., supported_by: [G2, G3]}\n"
         "G3: {claim: Every step of the ransomware pathway is blocked by a tested safeguard., domain: cyber,\n"
         "     evidence: [E-kyc-test]}",
    fix="Add (or develop) a claim the top claim depends on that argues it: tag it with the domain or "
        "threshold, or cite the safeguard's test; or, if the risk does not arise at this boundary, scope "
        "the domain out in the threat model with the reason.",
)
def risk_not_argued(ctx: Context) -> Iterator[Hit]:
    gaps = _unargued(ctx)
    if not gaps:
        return
    # an undeveloped claim that names no risk may be the argument that is missing: say so
    dep, types = depended_on(ctx), ctx.index.types
    blank = [eid for eid in ctx.index.fields["undeveloped"]
             if eid in dep and types.get(eid) == "claim" and not claim_subjects(ctx, eid)]
    also = ("; " + ", ".join(f"`{x}`" for x in blank[:3]) + (" is" if len(blank) == 1 else " are")
            + " marked undeveloped and name" + ("s" if len(blank) == 1 else "") + " no risk: an argument "
            "not made is not one") if blank else ""
    # an element marked undeveloped with support of its own cuts off what is under it
    support = ctx.index.support
    cut = [eid for eid in ctx.index.fields["undeveloped"] if eid in dep and support.get(eid)]
    if cut:
        also = ("; " + ", ".join(f"`{x}`" for x in cut[:3]) + (" is" if len(cut) == 1 else " are")
                + " marked undeveloped: what " + ("it rests" if len(cut) == 1 else "they rest")
                + " on argues nothing through " + ("it" if len(cut) == 1 else "them") + also)
    for path, what in gaps:
        yield Hit(path, f"{what} is argued by no developed claim the top claim depends on{also}",
                  help="add or develop a claim under the top claim that argues it (tag it with the domain or "
                       "threshold, or cite the safeguard's test), or scope the domain out with a reason")


def _resting_on_evidence(ctx: Context) -> list[str]:
    """The claims and strategies the top claim depends on that are developed: not marked
    `undeveloped`, reached from the top claim through no element marked `undeveloped` (the
    claims under a strategy, or a top claim, the case says is not developed support nothing
    through it), and citing evidence or supported by one that is (a claim resting only on
    undeveloped strategies or claims argues nothing yet). Each once, in no set order."""
    index = ctx.index
    types, fields, support = index.types, index.fields, index.support
    undeveloped, cites = fields["undeveloped"], fields["evidence"]
    reached: AbstractSet[str] = index.depended_on
    cut = {x for x in undeveloped if x in reached}  # (a few, if any)
    if any(support.get(x) for x in cut):
        reached = set()
        todo = [ctx.case.argument.top]
        while todo:
            n = todo.pop()
            if n in reached or n in undeveloped or n not in types:
                continue
            reached.add(n)
            todo.extend(support.get(n, ()))
        cut = set()
    # else an undeveloped element cuts off nothing but itself: the index's search from the top
    # claim through support, less those elements.
    # The claims and strategies reached, children first (an element on a circle is left out),
    # picked out in C: on a large argument a step per element was most of this rule's time, and
    # sets of them the peak of a check's memory
    asked = list(filterfalse(cut.__contains__, filter(reached.__contains__, reversed(index.order))))
    asked = list(compress(asked, map(_ARGUING.__contains__, map(types.__getitem__, asked))))
    out = list(filter(cites.__contains__, asked))
    if len(out) == len(asked):
        return out
    # each of the others rests on evidence through a child asked about that does: a child comes
    # before its parents, so it was settled already, and those that do not are noted (the fewer)
    within = reached if len(index.order) == len(types) else reached & set(index.order)
    idle = cut  # (an undeveloped element rests on nothing)
    for eid in filterfalse(cites.__contains__, asked):
        for k in support.get(eid, ()):
            if k in within and k not in idle and types[k] in _ARGUING:
                out.append(eid)
                break
        else:
            idle.add(eid)
    return out


_ARGUING = ("claim", "strategy")
"""The element types that argue (`_resting_on_evidence`)."""

_KIND, _THRESHOLD = attrgetter("kind"), attrgetter("threshold")


def _unargued(ctx: Context) -> list[tuple[tuple[str | int, ...], str]]:
    """What the developed argument leaves unargued: the domains the threat model addresses (not
    scoped out) that no developed claim or strategy is about (its tags, or the evidence it cites),
    their thresholds that none names in its `capability:` tag or measures by the evidence it cites,
    and the safeguards on their pathways none cites the evidence of; a security control (`security:
    true`) is argued too by a claim that names its domain, with no `capability:` tag, and rests on a
    security audit or a security control's test (an audit covers a domain's security controls as
    one regime).
    Developed: `_resting_on_evidence`. Each as (where to report it, what it is, in words)."""
    got: list[tuple[tuple[str | int, ...], str]] | None = ctx.memo.get("cg8_unargued")
    if got is not None:
        return got
    from .safeguards import evidence_subjects
    from .threat import _domains_in_scope

    c, fields = ctx.case, ctx.index.fields
    cites, caps, named_paths = fields["evidence"], fields["capability"], fields["pathway"]
    scope, thresholds, pathways = _domains_in_scope(ctx), ctx.policy.thresholds, c.pathways()
    # a security audit, or a test of a security control, speaks to the domain's security controls
    # together (an audit covers them as one regime); any other safeguard is argued by its own test
    evidence = c.evidence
    security = set(compress(evidence, map(eq, map(_KIND, evidence.values()), repeat("security-audit")))) | {
        x for sg in c.safeguards.values() if sg.security for x in sg.evidence}
    about: set[str] = set()
    broad: set[str] = set()
    argued: set[str] = set()
    # what each developed element names (`_tagged_domains`), read field by field in C: a step per
    # element of a 10k-goal argument was most of this rule's time (the index keeps set values only)
    developed = _resting_on_evidence(ctx)
    about.update(filter(None, map(scope[0].get, developed)))
    about.update(filter(None, map(scope[1].get, developed)))
    for cap in filter(None, map(caps.get, developed)):
        argued.add(cap.threshold)
        if (th := thresholds.get(cap.threshold)) is not None:
            about.add(th.domain)
    about.update(pathways[p][0] for p in filter(None, map(named_paths.get, developed)) if p in pathways)
    # (the ids cited, as a dict's keys: a third less memory than a set's, at this rule's peak)
    cited = dict.fromkeys(chain.from_iterable(filter(None, map(cites.get, developed))))
    if not security.isdisjoint(cited):
        for eid in filter(cites.__contains__, developed):
            if eid not in caps and not security.isdisjoint(cites[eid]):
                broad |= _tagged_domains(ctx, eid)  # it rests on a security audit or control's test
    subjects = evidence_subjects(ctx)
    for subject in set(map(subjects.get, cited, repeat(frozenset()))):  # a handful of distinct subjects
        about |= subject
    argued.update(filter(None, map(_THRESHOLD, filter(None, map(evidence.get, cited)))))
    addressed = {d for d, t in c.threat_model.items() if t.scoped_out is None}
    out: list[tuple[tuple[str | int, ...], str]] = [
        (("threat_model", d), f"domain `{d}`, which the threat model addresses,") for d in c.threat_model
        if d in addressed and d not in about]
    out += [(("threat_model", th.domain), f"threshold `{t}` (of `{th.domain}`)")
            for t, th in ctx.policy.thresholds.items() if th.domain in addressed and t not in argued]
    for sid, sg in c.safeguards.items():
        doms = {pathways[p][0] for p in (b.partition(".")[0] for b in sg.blocks) if p in pathways}
        if doms & addressed and not (sg.security and doms & broad) and not any(x in cited for x in sg.evidence):
            out.append((("safeguards", sid), f"safeguard `{sid}`"))
    ctx.memo["cg8_unargued"] = out
    return out


@rule(
    "CG804", "sandbagging-not-addressed", severity="blocking", serves="test-3-elicitation",
    summary="An inability claim (capability below a threshold or its alert level), or a threshold the "
            "decision argues by inability, has no sandbagging defeater.",
    rationale="An inability argument holds only if the model tried: a model that underperforms on "
              "purpose passes every capability test. Each inability claim (or a claim above it) must "
              "name sandbagging as a defeater and answer it with evidence. The claims' `capability:` "
              "tags are the case's word: wherever the decision itself rests on measured inability "
              "(a domain whose pathways are argued by inability, or scoped out on it), each "
              "evaluation that measures the domain's thresholds must be cited under a claim a "
              "sandbagging defeater faces, tagged or not.",
    bad="G2: {claim: Below Cyber High, capability: {threshold: cyber-high, position: below}, evidence: [E-ctf]}",
    good="G2: {claim: Below Cyber High, capability: {threshold: cyber-high, position: below},\n"
         "     evidence: [E-ctf], defeaters: [D1]}\n"
         "D1: {defeater: The model may sandbag the CTF suite, kind: sandbagging, against: [G2],\n"
         "     status: answered, answered_by: [E-sandbag-probe]}",
    fix="Add a `kind: sandbagging` defeater against the claim and answer it with evidence such as a "
        "sandbagging probe or fine-tuning elicitation.",
)
def sandbagging_not_addressed(ctx: Context) -> Iterator[Hit]:
    els = ctx.case.argument.elements
    dep = depended_on(ctx)
    under = _under_sandbagging(ctx)
    flagged: set[str] = set()
    # sort only the inability claims, not every element the top claim depends on
    for eid in sorted(x for x, cap in ctx.index.fields["capability"].items()
                      if cap.position in _INABILITY and x in dep):
        e = els[eid]
        assert e.capability is not None
        # covered when a sandbagging defeater faces the claim or a claim it sits under
        if eid not in under:
            flagged.add(e.capability.threshold)
            yield Hit(_EL + (eid, "capability"),
                      f"`{eid}` argues inability ({e.capability.position} `{e.capability.threshold}`) "
                      "but no sandbagging defeater is raised against it")
    # the decision's own inability argument, whatever the claims are tagged with: every evaluation
    # it rests on must sit under a claim that a sandbagging defeater faces
    faced: set[str] = set()
    for x in dep:
        if x in under:
            faced.update(els[x].evidence)
    statuses = capability_status(ctx)
    for dom in inability_relied_on(ctx):
        for tid, st in statuses.items():
            if st.domain != dom or tid in flagged:
                continue
            for b in st.counted:
                if b.evidence not in faced:
                    yield Hit(("evidence", b.evidence),
                              f"`{tid}` is argued by inability on `{b.evidence}` ({st.basis}), but no "
                              f"sandbagging defeater faces a claim resting on `{b.evidence}`",
                              help=f"cite `{b.evidence}` under a claim and raise a `kind: sandbagging` "
                                   "defeater against it, answered with evidence")


@rule(
    "CG805", "sandbagging-answer-without-evidence", severity="blocking", serves="test-3-elicitation",
    summary="A sandbagging defeater is answered without evidence that passed: none, a probe or review that "
            "failed or states no verdict, or one whose verdict counts for nothing.",
    rationale="Deliberate underperformance cannot be ruled out by assertion; the answer has to be "
              "an observation, such as a sandbagging probe or elicitation by fine-tuning. A probe's "
              "`passed: true` counts only when an evaluator outside the developer signed it, or the policy "
              "takes the case's word (`evidence.declared_verdicts: any`, see CG356). The evaluation the "
              "claim rests on (under any id), a claim marked `undeveloped`, and a safeguard's test, answer "
              "nothing, as CG803 reads an answer.",
    bad="D1: {defeater: The model may sandbag, kind: sandbagging, against: [G2], status: answered,\n"
        "     answered_by: [J1]}\nJ1: {justification: We have no reason to think it sandbags}",
    good="D1: {defeater: The model may sandbag, kind: sandbagging, against: [G2], status: answered,\n"
         "     answered_by: [E-sandbag-probe]}",
    fix="Run a sandbagging probe (or fine-tuning elicitation) and cite it under `answered_by`.",
)
def sandbagging_answer_without_evidence(ctx: Context) -> Iterator[Hit]:
    for did, d in elements_of_type(ctx, "defeater"):
        if d.kind != "sandbagging" or d.status != "answered" or not d.answered_by:
            continue
        ok, bad = _judged(ctx, did, d)
        if not ok:
            yield Hit(_EL + (did, "answered_by"),
                      f"sandbagging defeater `{did}` is answered by "
                      + ", ".join(f"`{x}`" for x in d.answered_by)
                      + ", none of which is (or rests on) evidence that passed" + "".join(f"; {b}" for b in bad))


def _standing(did: str, d: Element, then: Context) -> str | None:
    """How a defeater of an earlier version stood there, when it stood against its claims: open,
    accepted, or marked answered by nothing that answers it (its items judged as CG803 judges them,
    in `then`, a context of that version); None when answered."""
    if d.status is None:
        return "open (no status)"
    if d.status == "open":
        return "open"
    if d.status == "accepted":
        return "accepted (the claim defeated)"
    return None if _judged(then, did, d)[0] else "marked answered by nothing that answers it"


def _then(ctx: Context, case: Case) -> Context:
    """A context of an earlier version of the case (the version compared with, or one the registry
    holds), under the policy it was gated with (the previous policy, for the version compared
    with), on its own date: what CG803 reads of an answer, read there. Its evidence's derived
    facts are not known, so an item is set aside there only for what the case records of it."""
    memo: dict[int, Context] = ctx.memo.setdefault("cg8_then", {})
    got = memo.get(id(case))
    if got is None:
        policy = ctx.previous_policy if case is ctx.previous and ctx.previous_policy is not None else ctx.policy
        got = memo[id(case)] = Context(case=case, policy=policy, today=case.date or ctx.today, boundary=ctx.boundary,
                                       artifact_dates=ctx.artifact_dates)
    return got


class _Successors:
    """Where the claims of the version compared with stand in this one: each gone claim followed
    to the new elements in its place (`follow`)."""

    def __init__(self, ctx: Context, prev: Case) -> None:
        self.ctx, self.prev = ctx, prev
        self.was, self.els = prev.argument.elements, ctx.case.argument.elements
        self.renamed = renamed_elements(prev, ctx.case)
        self.fresh = [x for x in self.els if x not in self.was]
        self.parents: dict[str, list[str]] = {}
        for pid, el in self.was.items():
            for k in el.supported_by:
                self.parents.setdefault(k, []).append(pid)

    @staticmethod
    def _run(case: Case, e: str) -> tuple[str, ...]:
        """What identifies the run item `e` records, under any evidence id (`run_key`)."""
        return run_key(e, case.evidence[e]) if e in case.evidence else ("item", e)

    def _under(self, pid: str) -> list[str]:
        """The new elements standing directly under `pid` in this version, and under the new
        strategies that stand there (a strategy put between a claim and its parent)."""
        out: list[str] = []
        todo = [x for x in self.els[pid].supported_by if x in self.els and x not in self.was]
        seen: set[str] = set()
        while todo:
            x = todo.pop(0)
            if x in seen:
                continue
            seen.add(x)
            out.append(x)
            if self.els[x].strategy is not None:
                todo.extend(k for k in self.els[x].supported_by if k in self.els and k not in self.was)
        return out

    def _cited_while_standing(self, x: str, did: str, t: str) -> set[tuple[str, ...]]:
        """The runs element `x` cited in every earlier version the registry holds in which defeater
        `did` stood against `t`: a claim that began citing the disputed run only while the defeater
        stood did not make its own claim on it all along. The versions are those built
        (`Context.history`: approved or compared with; the defeater found there under its id or in
        the same or nearly the same words, its standing judged there) and every other version the
        registry recorded (`Context.recorded`: drafts, versions judged NO-GO or withdrawn) in which
        it stood (`_stood_recorded`). Everything when no such version is known."""
        out: set[tuple[str, ...]] | None = None
        words = _defeater_words(self.ctx, did)
        for h in self.ctx.history:
            els = h.argument.elements
            there = _built_id(h, did, words)
            if there is None:
                continue
            aimed = aimed_in(els)
            was_t = self._claim_in({k: el.claim for k, el in els.items() if el.claim is not None}, t)
            if was_t not in aimed.get(there, []) or _standing(there, els[there], _then(self.ctx, h)) is None:
                continue
            cited = {self._run(h, e) for e in els[x].evidence} if x in els else set()
            out = cited if out is None else out & cited
        for v, listed in _stood_recorded(self.ctx, did):
            if listed.aimed_at is not None and self._claim_in(v.claims, t) not in listed.aimed_at:
                continue
            cited_v = self._cited_in_recorded(v, x)
            out = cited_v if out is None else out & cited_v
        return out if out is not None else {self._run(self.prev, e) for e in self.was[x].evidence}

    def _claim_in(self, claims: Mapping[str, str], t: str) -> str:
        """The id claim `t` of the version compared with had in an earlier version whose claims'
        words are `claims`: its own, unless that is not a claim there and another is in its words
        (the same, or nearly the same: `alike`)."""
        words = self.was[t].claim if t in self.was else None
        if t in claims or words is None:
            return t
        return next((k for k, c in claims.items() if c == words), None) or next(
            (k for k, c in claims.items() if alike(c, words)), t)

    def _cited_in_recorded(self, v: RecordedVersion, x: str) -> set[tuple[str, ...]]:
        """The runs of `x` in the version compared with that `x` cited in the recorded version `v`
        (the same artifact, or for an item pinning none, the same id, or the same kind, producer and
        date)."""
        there = [(e, v.evidence[e]) for e in v.cites.get(x, ()) if e in v.evidence]
        out: set[tuple[str, ...]] = set()
        for e in self.was[x].evidence if x in self.was else ():
            ev = self.prev.evidence.get(e)
            if ev is None:
                continue
            if any((ev.sha256 is not None and item.sha256 == ev.sha256)
                   or (ev.sha256 is None and item.sha256 is None
                       and (i == e or (item.kind, item.producer, item.date) == (ev.kind, ev.producer, ev.date)))
                   for i, item in there):
                out.add(self._run(self.prev, e))
        return out

    def follow(self, t: str, did: str | None = None) -> list[tuple[str, str]]:
        """(element of this version, how it was found) for each that stands in the place of `t`, an
        element of the version compared with: `t` itself while its id stands; otherwise each new
        element of its type that makes it in the same or nearly the same words (`alike`), supports
        the parent it supported (directly or under a new strategy), or cites a run it cited, and
        each element already there that now cites a run it cited (one it did not cite there, nor,
        when `did` is given, in every earlier version in which that defeater stood), of
        its type or another (a strategy), or of its type reworded into nearly its words; for a
        claim of capability that none stands in for, the claim the top claim depends on that makes
        the same capability assertion. Empty when it is withdrawn: nothing stands in its place."""
        if t in self.els:
            return [(t, "")]
        old = self.was.get(t)
        if old is None:
            return []
        got: dict[str, str] = {x: "in the same words" for x in self.renamed.get(t, [])}
        kin = [x for x in self.fresh if self.els[x].type == old.type and x not in got]
        for x in kin:
            if alike(self.els[x].text, old.text):
                got[x] = "in nearly the same words"
        for pid in self.parents.get(t, []):
            for p in [pid] if pid in self.els else self.renamed.get(pid, []):
                for x in self._under(p):
                    if self.els[x].type == old.type and x not in got:
                        got[x] = f"under `{p}`, where it stood"
        # a claim already in the argument reworded into its words, or citing a run it cited, stands in
        # its place as a new one does: moving the evidence into a claim that stays is not withdrawing it
        kept = [x for x in self.els if x in self.was and self.els[x].type == old.type and x not in got]
        for x in kept:
            if self.els[x].text != self.was[x].text and alike(self.els[x].text, old.text):
                got[x] = "reworded into nearly its words"
        runs = {self._run(self.prev, e) for e in old.evidence}
        # the evidence followed into an element of any other kind that cites it (a strategy)
        others = [x for x in self.els if self.els[x].type not in (old.type, "defeater") and self.els[x].evidence]
        for x in kin + kept + others:
            # a claim that stays carries it only for a run it did not cite there (moved in since):
            # one that shared the run all along made its own claim on it
            had = {self._run(self.prev, e) for e in self.was[x].evidence} if x in self.was else set()
            if did is not None and had:
                had &= self._cited_while_standing(x, did, t)
            cites = [e for e in self.els[x].evidence if self._run(self.ctx.case, e) in runs - had]
            if x not in got and cites:
                got[x] = f"citing `{cites[0]}`, a run it cited"
        if got:
            return list(got.items())
        cap = old.capability
        if cap is None:
            return []
        dep = depended_on(self.ctx)
        return [(x, "making the same capability assertion") for x, c in self.ctx.index.fields["capability"].items()
                if x in dep and c.threshold == cap.threshold and c.position == cap.position][:1]


def _stands_on(ctx: Context, x: str) -> list[str]:
    """The evidence an answer stands on: the item itself, or every item under a claim."""
    if x in ctx.case.evidence:
        return [x]
    els = ctx.case.argument.elements
    out: dict[str, None] = {}
    seen: set[str] = set()
    todo = [x]
    while todo:
        n = todo.pop()
        if n in seen or n not in els:
            continue
        seen.add(n)
        out.update(dict.fromkeys(els[n].evidence))
        todo.extend(els[n].supported_by)
    return list(out)


class _Held(FrozenRecord):
    """What the record held while a defeater stood unanswered (`_held_then`)."""

    _fields = ("runs", "pins", "loose")
    runs: set[tuple[str, ...]]
    """The runs, under any id (`run_key`), of the built versions in which it stood."""
    pins: set[str]
    """The artifacts (sha256) pinned in the other recorded versions in which it stood: each read
    without its further files, so an item pinning one of them is held whatever its further files."""
    loose: set[tuple[str, str, dt.date]]
    """(kind, producer, date) of each item pinning no artifact: such an item under a new id is the
    same item."""

    def __init__(self, runs: set[tuple[str, ...]], pins: set[str], loose: set[tuple[str, str, dt.date]]) -> None:
        object.__setattr__(self, "runs", runs)
        object.__setattr__(self, "pins", pins)
        object.__setattr__(self, "loose", loose)

    def holds(self, e: str, ev: Evidence) -> bool:
        """Whether item `e` is one the record held."""
        return (run_key(e, ev) in self.runs or (ev.sha256 is not None and ev.sha256 in self.pins)
                or (ev.sha256 is None and (ev.kind, ev.producer, ev.date) in self.loose))


def _defeater_words(ctx: Context, did: str) -> set[str]:
    """The words of defeater `did` in the version compared with and in this one (under the id it
    has now, or the one it had there): what finds it under another id in an earlier version."""
    prev = ctx.previous
    return {el.defeater for el in (prev.argument.elements.get(did) if prev is not None else None,
                                    ctx.case.argument.elements.get(did))
            if el is not None and el.defeater is not None}


def _built_id(h: Case, did: str, words: AbstractSet[str]) -> str | None:
    """The id defeater `did` has in the built version `h`: its own, unless another there is in its
    words (the same, or nearly the same: `alike`) and the one under its id is not; None when
    neither is there."""
    els = h.argument.elements
    d = els.get(did)
    if d is not None and d.defeater is not None and (not words or d.defeater in words):
        return did
    got = next((k for k, el in els.items() if el.defeater is not None and any(alike(el.defeater, w) for w in words)),
               None)
    return got if got is not None else (did if d is not None and d.defeater is not None else None)


def _listed_in(v: RecordedVersion, did: str, words: AbstractSet[str]) -> tuple[str, RecordedDefeater] | None:
    """(its id there, the defeater) for defeater `did` in the recorded version `v`: under its id,
    unless another there is in its words and the one under its id is not; None when not there."""
    listed = v.defeaters.get(did)
    if listed is not None and listed.text in words:
        return did, listed
    got = next(((k, r) for k, r in v.defeaters.items() if any(alike(r.text, w) for w in words)), None)
    return got if got is not None else ((did, listed) if listed is not None else None)


def _built_stood(ctx: Context, did: str) -> list[Case]:
    """The version compared with and every earlier built version (`Context.history`) in which
    defeater `did` (under its id or in the same or nearly the same words) stood unanswered."""
    prev = ctx.previous
    assert prev is not None
    words = _defeater_words(ctx, did)
    out = [prev]
    for h in ctx.history:
        if h is prev:
            continue
        there = _built_id(h, did, words)
        if there is not None and _standing(there, h.argument.elements[there], _then(ctx, h)) is not None:
            out.append(h)
    return out


def _stood_recorded(ctx: Context, did: str) -> list[tuple[RecordedVersion, RecordedDefeater]]:
    """The versions the registry recorded without building them (`Context.recorded`: drafts,
    versions judged NO-GO or withdrawn) that listed defeater `did` (under its id, or in the same or
    nearly the same words) and in which it stood unanswered, oldest first, with the defeater as
    listed there. Marked answered there, it stood unless its answer would have counted in that
    version (`_hollow`): a status the lab writes in a version nobody approved answers nothing by
    itself."""
    memo: dict[str, list[tuple[RecordedVersion, RecordedDefeater]]] = ctx.memo.setdefault("cg8_stood", {})
    got = memo.get(did)
    if got is not None:
        return got
    words = _defeater_words(ctx, did)
    listed = [(v, *hit) for v in ctx.recorded if (hit := _listed_in(v, did, words)) is not None]
    stood = {i for i, (_, _, r) in enumerate(listed) if r.status != "answered"}
    pins: set[str] = set()
    loose: set[tuple[str | None, str | None, dt.date]] = set()
    for h in _built_stood(ctx, did) if ctx.previous is not None else []:
        for ev in h.evidence.values():
            if ev.sha256 is not None:
                pins.add(ev.sha256)
            else:
                loose.add((ev.kind, ev.producer, ev.date))

    def take(v: RecordedVersion) -> None:
        for item in v.evidence.values():
            if item.sha256 is not None:
                pins.add(item.sha256)
            else:
                loose.add((item.kind, item.producer, item.date))

    for i in stood:
        take(listed[i][0])
    changed = True
    while changed:  # an answer found hollow makes its version's items held: others may be hollow then
        changed = False
        for i, (v, there, r) in enumerate(listed):
            if i not in stood and _hollow(v, there, r, pins, loose):
                stood.add(i)
                take(v)
                changed = True
    got = memo[did] = [(v, r) for i, (v, _, r) in enumerate(listed) if i in stood]
    return got


def _hollow(v: RecordedVersion, did: str, r: RecordedDefeater, pins: AbstractSet[str],
            loose: AbstractSet[tuple[str | None, str | None, dt.date]]) -> bool:
    """Whether defeater `did`, marked answered in the recorded version `v`, was answered there by
    nothing that would have counted: its answer stands on no item of `v` that is not the disputed
    evidence (cited by the elements it is aimed at, or by the defeater itself), not older than the
    newest item the defeater rests on, and not held (`pins`: the same artifact; `loose`: for an item
    pinning none, the same kind, producer and date) in another version in which it stood
    unanswered. What the registry recorded is read, not judged as CG803 judges a built version:
    each of these is read from the structure (ids, pins, dates), never from an item's words."""
    if r.answers is None:
        return True
    disputed = set(v.cites.get(did, ()))
    for t in r.aimed_at if r.aimed_at is not None else v.cites:
        disputed.update(v.cites.get(t, ()))
    observed = max((v.evidence[e].date for e in v.cites.get(did, ()) if e in v.evidence), default=None)
    for e in r.answers:
        item = v.evidence.get(e)
        if item is None or e in disputed or (observed is not None and item.date < observed):
            continue
        if item.sha256 is not None and item.sha256 in pins:
            continue
        if item.sha256 is None and (item.kind, item.producer, item.date) in loose:
            continue
        return False
    return True


def _held_then(ctx: Context, did: str) -> _Held:
    """What the record held while defeater `did` stood unanswered: the items of the version
    compared with, of every earlier version the registry holds built (`Context.history`) in which
    it stood (under its id, or in the same or nearly the same words), and of every other version
    the registry recorded (`Context.recorded`: drafts, versions judged NO-GO or withdrawn) in which
    it stood (`_stood_recorded`: listed, and not marked answered by an answer that would have
    counted there)."""
    runs: set[tuple[str, ...]] = set()
    pins: set[str] = set()
    loose: set[tuple[str, str, dt.date]] = set()
    for h in _built_stood(ctx, did):
        for e, ev in h.evidence.items():
            runs.add(run_key(e, ev))
            if ev.sha256 is None:
                loose.add((ev.kind, ev.producer, ev.date))
    for v, _ in _stood_recorded(ctx, did):
        for e, item in v.evidence.items():
            if item.sha256 is not None:
                pins.add(item.sha256)
            else:
                runs.add(("item", e))
                if item.kind is not None and item.producer is not None:
                    loose.add((item.kind, item.producer, item.date))
    return _Held(runs, pins, loose)


def _answers_held(ctx: Context, did: str, d: Element, *, dated: bool) -> list[str] | None:
    """Whether the defeater's answer stands on evidence new since the version compared with: None
    when an item that answers it (CG803) is one the record did not hold while the defeater stood
    (`_held_then`: not in the version compared with, nor in an earlier version the registry
    recorded in which the defeater stood, under any id) and, when `dated`, is dated after that
    version (by the registry's first log of its artifact too, where one was consulted; a version
    that states no date asks only the first); else the items that answer it, each one the record
    held (empty when none answers: CG803's to report)."""
    prev = ctx.previous
    assert prev is not None
    held_then = _held_then(ctx, did)
    judge = _answer_judge(ctx, did, d)
    held: list[str] = []
    for x in dict.fromkeys(d.answered_by):
        if judge(x) is not None:
            continue
        for e in _stands_on(ctx, x):
            ev = ctx.case.evidence.get(e)
            if ev is None or judge(e) is not None:
                continue  # an item under an answer that answers nothing itself is no news
            if held_then.holds(e, ev):
                held.append(e)
                continue
            if not dated or prev.date is None or evidence_dated(ev, ctx.artifact_dates) > prev.date:
                return None
    return list(dict.fromkeys(held))


@rule(
    "CG806", "defeater-dropped", severity="blocking", serves="fm-argument-theater",
    summary="A defeater that stood in the version compared with (open, accepted, or marked answered by "
            "nothing that answers it) is gone from this one, is no longer aimed at a claim it was aimed "
            "at (or at what stands in that claim's place: the claim reworded, copied or restated there, or "
            "a claim that stays and now rests on evidence it cited), "
            "or changed its kind (one open now under a kind the policy lets stand as a condition is "
            "CG809's to report); or, accepted there, is now marked answered with no evidence new "
            "since that version; or, unanswered there, is now answered only by evidence the record held "
            "while it stood; or stood unanswered in an earlier version the registry recorded, against a "
            "claim made again here without it.",
    rationale="CG801 reads the defeaters the version in hand lists, so the quickest way past an open "
              "objection is to delete it, point it at a claim nothing rests on, or call it a kind the "
              "policy lets stand as a condition; none of that answers it. A defeater once raised is part "
              "of the record: it stays, aimed where it was, until it is answered with evidence (CG803). "
              "A defeater followed under a new id is the one in the same words and of the same kind; in an "
              "earlier version (built or read from the registry's stored files), the one under its id or in "
              "the same or nearly the same words, and so the claim it was against. A "
              "claim it was against that is gone is followed to whatever stands in its place: each new "
              "claim in the same or nearly the same words, under the parent it supported (directly or "
              "through a new strategy), or citing a run it cited; each claim already in the argument "
              "that now cites a run it cited and did not cite before (its evidence moved into a claim "
              "that stays: before means in the version compared with and in every earlier version the "
              "registry recorded in which the defeater stood against that claim, approved or not (a draft, a "
              "version judged NO-GO or withdrawn, where a defeater marked answered stood unless its answer "
              "would have counted there), so "
              "moving the run in one version and withdrawing the claim in the next is the same move) or was reworded "
              "into nearly its words; or, when none does, for a claim of "
              "capability, the claim that makes the same assertion. Rewording the claim, or copying it "
              "under two new ids, is not withdrawing it; where several stand in its place the defeater "
              "must stand against each. Only when nothing stands in the place of any claim it was "
              "against may it go with them. A defeater its own authors accepted (the claim "
              "defeated) is not undone by an answer from the evidence they already had: it needs "
              "evidence new since that version. Nor is one that stood open (or answered by nothing that "
              "answers it) answered by evidence the record held while it stood: the version compared with, "
              "or any earlier version the registry recorded in which it stood (approved or not: a draft, a "
              "version judged NO-GO or withdrawn; in one neither approved nor compared with, a defeater "
              "marked answered stood there unless its answer rests on an item of that version that is not "
              "the disputed evidence (cited by the claims it is against or by the defeater), not older "
              "than the evidence the defeater rests on, and not held in another version in which it stood "
              "unanswered), held that evidence and "
              "left the defeater unanswered, so nothing was learned since; the answer must rest on an item that "
              "answers it and that none of them held (under any id: the same artifact, or for an item pinning none, the same kind, "
              "producer and date). Whether a defeater marked answered there was answered is "
              "read as CG803 reads an answer, on that version's argument and evidence under the policy it "
              "was gated with: one answered by the disputed run, by evidence about another domain or "
              "another question, or by an undeveloped claim stood there unanswered. A claim withdrawn "
              "takes its defeaters with it, but not for good: a defeater that stood in any version the "
              "registry recorded (open, of no status, accepted, or marked answered by nothing that would "
              "have counted there) against a claim, and that no recorded version answered, comes back "
              "with the claim. Where the claim is made again (under its id or in the same or nearly the "
              "same words) and the top claim depends on it, the defeater must be raised again against it "
              "and answered (CG801, CG803): withdrawing a claim facing counter-evidence in one version, or "
              "leaving the defeater out of a draft, and making the claim again in the next leaves nothing "
              "behind.",
    bad="# previous: D3 {defeater: An outside spot check solved 9 of 20, kind: counter-evidence,\n"
        "#                against: [G2], status: open}\n"
        "G2: {claim: Below Cyber High, evidence: [E-ctf], defeaters: [D1]}   # D3 deleted\n"
        "# or: G2 withdrawn, D3 deleted, G2b: {claim: Under Cyber High, evidence: [E-ctf]}",
    good="G2: {claim: Below Cyber High, evidence: [E-ctf], defeaters: [D1, D3]}\n"
         "D3: {defeater: An outside spot check solved 9 of 20, kind: counter-evidence, against: [G2],\n"
         "     status: answered, answered_by: [E-ctf-web]}",
    fix="Keep the defeater, aimed at the claims it was against and of its kind, and answer it with "
        "evidence (status: answered, answered_by: [...]) obtained since the version compared with; one "
        "accepted there needs evidence dated after that version. Withdraw the claims it defeats if they cannot be argued.",
)
def defeater_dropped(ctx: Context) -> Iterator[Hit]:
    yield from _left_behind(ctx)
    prev = ctx.previous
    if prev is None:
        return
    against = ctx.compared
    was, els = prev.argument.elements, ctx.case.argument.elements
    before = aimed_in(was)
    follow: _Successors | None = None  # built for the first defeater that stood there
    for did, old in was.items():
        if old.defeater is None:
            continue
        standing = _standing(did, old, _then(ctx, prev))
        if standing is None:
            continue  # answered there: CG803 judges its answer here, as it is now
        follow = follow or _Successors(ctx, prev)
        # every element in the place of a claim it was against: several, when the successor is not
        # one, and it must stand against each
        found: dict[str, tuple[str, str]] = {}
        for t in before.get(did, []):
            for n, how in follow.follow(t, did):
                found.setdefault(n, (t, how))
        if not found:
            continue  # every claim it was against is withdrawn: it goes with them
        targets = list(found)
        kind = old.kind or "defeater"
        was_on = _ids(dict.fromkeys(t for t, _ in found.values()))
        copies = [did] if did in els and els[did].defeater is not None else follow.renamed.get(did, [])
        if not copies:
            gone = (f"`{did}` is a {els[did].type} now, no longer a defeater" if did in els
                    else "it is gone from this version")
            yield Hit(_EL + (targets[0],),
                      f"{kind} `{did}` against {was_on} was {standing} in {against}; {gone}{_in_place(found, targets)}",
                      help=f"restore `{did}` against {_ids(targets)} and answer it with evidence, or withdraw the "
                           "claims it defeats")
            continue
        # restated under several new ids in its words, it stands if one copy keeps it as it was
        judged = [list(_kept(ctx, did, old, now, found, standing)) for now in copies]
        yield from next((h for h in judged if not h), judged[0])


@rule(
    "CG809", "defeater-retyped", severity="blocking", serves="fm-argument-theater",
    summary="An open defeater of a kind the policy lets stand as a condition was recorded, in an "
            "earlier version of the case the registry holds (approved or not), as a kind that blocks "
            "while open (or as no kind).",
    rationale="CG801 lets an open defeater of a kind listed in the policy's `condition_defeaters` stand "
              "as a condition. The kind is the case's word, so an objection or counter-evidence nobody "
              "answered could be called an undercutter and stop blocking. CG806 sees a kind changed "
              "only against the versions compared with, and only for a defeater that stood open there: "
              "retyping it in a version the registry recorded but no decision approved, then gating the "
              "next against that one, or retyping one answered before and open again now, slipped "
              "past. The kind a defeater was first given stands: every version the registry recorded "
              "for the case is read (from its stored files, without building it), and a defeater found "
              "there by its id, or under another id in the same or nearly the same words, with a "
              "blocking kind blocks while it is open now.",
    bad="# version 1.0 (#1), recorded: D3 {defeater: An outside spot check solved 9 of 20, kind: counter-evidence, ...}\n"
        "D3: {defeater: An outside spot check solved 9 of 20, kind: undercutter, against: [G2], status: open}",
    good="D3: {defeater: An outside spot check solved 9 of 20, kind: counter-evidence, against: [G2],\n"
         "     status: answered, answered_by: [E-ctf-web]}",
    fix="Keep the kind the defeater was recorded with and answer it with evidence (status: answered, "
        "answered_by: [...]), or withdraw the claims it is against.",
)
def defeater_retyped(ctx: Context) -> Iterator[Hit]:
    allowed = set(ctx.policy.condition_defeaters)
    if not allowed:
        return
    open_now = [(did, d) for did, d in elements_of_type(ctx, "defeater")
                if d.status in (None, "open") and d.kind in allowed and _targets(ctx, did)]
    if not open_now:
        return  # the recorded versions are not read
    versions = [*ctx.recorded]
    if ctx.previous is not None:
        versions.append(RecordedVersion.of_case(ctx.previous, ctx.compared))
    # the first version (oldest first) that recorded each blocking (id, kind, words)
    blocking: dict[tuple[str, str | None, str], str] = {}
    for v in versions:
        for oid, old in v.defeaters.items():
            if old.kind not in allowed:
                blocking.setdefault((oid, old.kind, old.text), v.label)
    if not blocking:
        return
    for did, d in open_now:
        text = d.defeater or ""
        found = next(((oid, kind, words, label) for (oid, kind, words), label in blocking.items() if oid == did), None)
        if found is None:
            found = next(((oid, kind, words, label) for (oid, kind, words), label in blocking.items()
                          if words == text or alike(words, text)), None)
        if found is None:
            continue
        oid, kind, words, label = found
        under = "" if oid == did else f" (as `{oid}`, in {'the same' if words == text else 'nearly the same'} words)"
        was = f"`{kind}`" if kind is not None else "a defeater of no kind"
        on = ", ".join(f"`{t}`" for t in _targets(ctx, did))
        state = "is open" if d.status == "open" else "has no status (counted as open)"
        yield Hit(_EL + (did, "kind"),
                  f"{d.kind} `{did}` against {on} {state}; {label} recorded it{under} as {was}, a kind that blocks "
                  f"while open: retyped `{d.kind}`, which the policy lets stand as a condition, it still blocks",
                  help=(f"keep `kind: {kind}` and answer it with evidence (status: answered, answered_by: [...])"
                        if kind is not None else "answer it with evidence (status: answered, answered_by: [...])")
                       + ", or withdraw the claims it is against")


def _left_behind(ctx: Context) -> Iterator[Hit]:
    """A claim a defeater stood against in a version the registry recorded (open, of no status,
    accepted, or marked answered by nothing that would have counted there: `_hollow`), made here
    (under its id, or another in the same or nearly the same words) and depended on, without the
    defeater: raised in no recorded version, answered in none, not listed in the version compared
    with (CG806 follows those), and not raised here (CG801 and CG803 judge it then)."""
    if not ctx.recorded:
        return
    els = ctx.case.argument.elements
    now_claims = {x: el.claim for x, el in els.items() if el.claim is not None}
    now_defeaters = [el.defeater for el in els.values() if el.defeater is not None]
    compared = (list(RecordedVersion.of_case(ctx.previous, ctx.compared).defeaters.values())
                if ctx.previous is not None else [])
    stood: list[tuple[RecordedVersion, str, RecordedDefeater]] = []
    answered: list[str] = []
    for v in ctx.recorded:
        for did, r in v.defeaters.items():
            if r.status == "answered" and not _hollow(v, did, r, frozenset(), frozenset()):
                answered.append(r.text)
            else:
                stood.append((v, did, r))
    if not stood:
        return
    dep = depended_on(ctx)
    seen: set[tuple[str, str]] = set()
    for v, did, r in stood:
        if any(alike(r.text, w) for w in [*answered, *now_defeaters, *(d.text for d in compared)]):
            continue  # answered in a recorded version, raised here (CG801, CG803), or CG806's
        for t in r.aimed_at if r.aimed_at is not None else v.claims:
            words = v.claims.get(t)
            if words is None:
                continue
            c = t if t in now_claims and alike(now_claims[t], words) else next(
                (k for k, w in now_claims.items() if alike(w, words)), None)
            if c is None or c not in dep or (r.text, c) in seen:
                continue
            seen.add((r.text, c))
            how = "" if c == t else f" (as `{t}`, in {'the same' if now_claims[c] == words else 'nearly the same'} words)"
            state = {"accepted": "accepted (the claim defeated)", "answered": "marked answered by nothing that "
                     "would have counted there", None: "open (no status)"}.get(r.status, r.status or "open")
            yield Hit(_EL + (c,),
                      f"{r.kind or 'defeater'} `{did}` stood {state} against `{c}`{how} in {v.label}; `{c}` is made "
                      "here without it, and no recorded version answered it",
                      help=f"raise `{did}` again against `{c}` and answer it with evidence, or withdraw `{c}`")


def _retyped_to_a_condition(ctx: Context, now: str, old: Element) -> bool:
    """Whether CG809 reports the retyping of `old` (a defeater that stood in a version compared
    with, of a kind that blocks while open or of no kind) as `now`, open now under a kind the
    policy lets stand as a condition: CG809 reads every version compared with, so one retyping is
    reported once, by the rule that says the kind it was given still blocks."""
    allowed = set(ctx.policy.condition_defeaters)
    new = ctx.case.argument.elements[now]
    return (old.kind not in allowed and new.kind in allowed and new.status in (None, "open")
            and bool(_targets(ctx, now)))


def _ids(ids: Iterable[str]) -> str:
    return ", ".join(f"`{x}`" for x in ids)


def _in_place(found: Mapping[str, tuple[str, str]], among: Sequence[str]) -> str:
    """How the elements `among` (of `found`: element -> (the claim of the version compared with it
    stands in the place of, how it was found)) came to stand where the claims were, in words; empty
    when each is the claim itself."""
    by: dict[str, list[str]] = {}
    for n in among:
        t, how = found[n]
        if n != t:
            by.setdefault(t, []).append(f"`{n}` ({how})")
    return "".join(f", and {' and '.join(ns)} stand{'s' if len(ns) == 1 else ''} in the place of `{t}`"
                   for t, ns in by.items())


def _kept(ctx: Context, did: str, old: Element, now: str, found: Mapping[str, tuple[str, str]],
          standing: str) -> Iterator[Hit]:
    """How `now`, the defeater `did` of the version compared with (where it stood against the
    claims `found` follows here), fails to keep it: another kind, aimed at fewer of them, or a
    defeat accepted there answered from old evidence."""
    prev = ctx.previous
    assert prev is not None
    against = ctx.compared
    new = ctx.case.argument.elements[now]
    kind = old.kind or "defeater"
    named = f"`{now}`" if now == did else f"`{now}` (`{did}` in {against}, in the same words)"
    if new.kind != old.kind and not _retyped_to_a_condition(ctx, now, old):
        yield Hit(_EL + (now, "kind") if new.kind is not None else _EL + (now,),
                  f"{named} was {kind} in {against}, where it was {standing}; it is {new.kind or 'of no kind'} now",
                  help=f"keep `kind: {old.kind}` and answer it with evidence" if old.kind else
                       "answer it with evidence")
    left = [t for t in found if t not in _aimed(ctx).get(now, [])]
    if left and all(found[t][0] == t for t in left):
        yield Hit(_EL + (now, "against") if new.against else _EL + (now,),
                  f"{named} was aimed at {_ids(left)} in {against}, where it was "
                  f"{standing}; it no longer is, and {'that claim is' if len(left) == 1 else 'those claims are'} "
                  "still in the argument",
                  help="aim it at the claims it was against (`against:`) and answer it with evidence")
    elif left:
        yield Hit(_EL + (now, "against") if new.against else _EL + (now,),
                  f"{named} was aimed at {_ids(dict.fromkeys(found[t][0] for t in left))} in {against}, where it "
                  f"was {standing}; it is not aimed at {_ids(left)}{_in_place(found, left)}",
                  help=f"aim it at {_ids(left)} (`against:`) and answer it with evidence, or withdraw "
                       f"{'that claim' if len(left) == 1 else 'those claims'}")
    if new.status != "answered" or not new.answered_by:
        return
    if old.status == "accepted":
        if _answers_held(ctx, now, new, dated=True) is not None:
            since = f"dated after {prev.date.isoformat()}, " if prev.date is not None else ""
            yield Hit(_EL + (now, "status"),
                      f"{named} was accepted in {against} (the claim defeated); it is now marked answered, but by "
                      f"no evidence new since that version ({since}and not cited there)",
                      help="answer it with evidence made since the defeat, or leave it accepted and withdraw the "
                           "claim it defeats")
    elif held := _answers_held(ctx, now, new, dated=False):
        # it stood unanswered while the record held what now 'answers' it: nothing was learned since
        yield Hit(_EL + (now, "answered_by"),
                  f"{named} was {standing} in {against}; it is now marked answered by {_ids(new.answered_by)}, "
                  f"but what answers it rests only on evidence the record held while it stood unanswered "
                  f"({', '.join(f'`{e}`' for e in held)}, in {against} or an earlier version in which it "
                  "stood): nothing new was learned since",
                  help="answer it with evidence made or obtained since that version, or leave it open")
