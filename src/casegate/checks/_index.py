"""The argument as a graph, computed once per check context and shared by every rule.

Rules used to ask each element its type and walk its links again and again; on an argument of a
hundred thousand elements that was half of a `check`. The index is built in one pass over the
elements, on first use, and kept on the context (`Context.index`): every field a rule scans the
whole argument for is read there once, so a rule looks at the few elements that set it instead of
visiting every element again.
"""


import operator
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from itertools import chain, compress, filterfalse, repeat
from typing import Any

from .._record import FrozenRecord
from ..model import Argument, Case, Confidentiality
from ._text import words

SCANNED = ("supported_by", "in_context_of", "evidence", "defeaters", "against", "answered_by", "domain",
           "pathway", "capability", "kind", "status", "asserted", "undeveloped")
"""The element fields the index keeps (`ArgumentIndex.fields`)."""

TYPES = ("claim", "strategy", "context", "assumption", "justification", "defeater")


class ArgumentIndex(FrozenRecord):
    """Element types, links and reachability of one case's argument."""

    _fields = ("types", "by_type", "support", "reachable", "depended_on", "order", "fields", "private")
    types: dict[str, str]
    """Element id -> claim, strategy, context, assumption, justification or defeater."""
    by_type: dict[str, list[str]]
    """Type -> the ids of its elements, in the argument's order."""
    support: dict[str, Sequence[str]]
    """Element id -> the `supported_by` targets that are elements (unknown ids left out), for the
    elements that list support (`support.get(eid, ())` for any element): the element's own list
    where every target is one. Read it, never change it."""
    reachable: AbstractSet[str]
    """Ids reachable from the top claim through support, context and defeater links, plus the
    defeaters aimed at a reachable element."""
    depended_on: AbstractSet[str]
    """Ids reachable from the top claim through support links alone (the top claim included):
    the claims and strategies it rests on."""
    order: list[str]
    """Element ids in Kahn's order over `support` (every element after the elements that list it
    under `supported_by`: parents before their children). Shorter than the argument when support goes round a circle:
    the elements on a circle, and those below one, are left out."""
    fields: dict[str, dict[str, Any]]
    """Field name (each of `SCANNED`) -> {element id: the field's value} for the elements that set
    it (a non-empty list, a value that is not None, empty or false), in the argument's order. The
    values are the elements' own: read them, never change them."""
    private: dict[str, Confidentiality]
    """Element id -> its confidentiality, for the elements that are not public."""

    def __init__(self, types: dict[str, str], by_type: dict[str, list[str]], support: dict[str, Sequence[str]],
                 reachable: AbstractSet[str], depended_on: AbstractSet[str], order: list[str],
                 fields: dict[str, dict[str, Any]], private: dict[str, Confidentiality]) -> None:
        object.__setattr__(self, "types", types)
        object.__setattr__(self, "by_type", by_type)
        object.__setattr__(self, "support", support)
        object.__setattr__(self, "reachable", reachable)
        object.__setattr__(self, "depended_on", depended_on)
        object.__setattr__(self, "order", order)
        object.__setattr__(self, "fields", fields)
        object.__setattr__(self, "private", private)


_READ = ("claim", "confidentiality", *SCANNED)
_dict_of = operator.attrgetter("__dict__")
"""A model's `__dict__`: `vars` takes half again as many instructions (about 800 a model, 500)."""
_CHUNK = 1024
"""Elements read at a time when the index is built (their rows and columns are let go before the
next ones are read: 4,096 at a time raised a 10k-goal check's peak by 1 MiB)."""

_last: tuple[Argument, ArgumentIndex] | None = None
"""The argument the last index was built for, and that index."""


def index_of(case: Case) -> ArgumentIndex:
    """`build_index(case)`, reused while the cases asked about share one argument object: the
    gate tries narrower boundaries on copies of the case that differ in their boundary only, and
    the index depends on the argument alone (which is never changed in place)."""
    global _last
    last = _last
    if last is not None and last[0] is case.argument:
        return last[1]
    got = build_index(case)
    _last = (case.argument, got)
    return got


def build_index(case: Case) -> ArgumentIndex:
    """The index of `case`'s argument, in time linear in its elements and links."""
    els = case.argument.elements
    ids, elements = list(els), list(els.values())
    # The fields are read from each element's __dict__, all in one call: attribute access on a
    # pydantic model goes through its class's __getattr__ hook (three times slower), and the
    # fields of one element are best read together, once (the elements lie far apart in memory).
    # The rows are then turned into columns, whose set values are picked out in C; a few thousand
    # elements at a time (the rows and columns of a whole large argument at once would take more
    # memory than the index itself).
    fields: dict[str, dict[str, Any]] = {f: {} for f in SCANNED}
    # (keys taken from the dict itself: `fromkeys` then sizes the new table once and reuses the
    # keys' hashes, where a list's keys are added one by one and the table grows as they come)
    types = dict.fromkeys(els, "claim")
    by_type: dict[str, list[str]] = {t: [] for t in TYPES}
    private: dict[str, Confidentiality] = {}
    unset_default = _unset_is_default()
    for at in range(0, len(ids), _CHUNK):
        some_ids, some = ids[at:at + _CHUNK], elements[at:at + _CHUNK]
        # only the fields some element of the chunk was given are read: a field an element was
        # not given holds its default, which no column keeps (an empty list, None, False, a
        # public element). The elements of a lean load share a few sets of given names, so the
        # union is of a few sets; most of the fields read are set by a handful of elements in all
        names = _given(some) if unset_default else _READ
        columns = _columns(names, some)
        for f in SCANNED:
            col = columns.get(f)
            got = _set_values(some_ids, col) if col is not None else None
            if got:
                fields[f].update(got)
        # most elements are claims: only the others are asked their type
        claim = columns.get("claim")
        is_claim = list(map(operator.is_not, claim, repeat(None))) if claim is not None else [False] * len(some)
        by_type["claim"].extend(compress(some_ids, is_claim))
        for eid, e in compress(zip(some_ids, some, strict=True), map(operator.not_, is_claim)):
            t = types[eid] = e.type
            by_type[t].append(eid)
        confidentiality = columns.get("confidentiality")
        if confidentiality is not None:
            not_public = map(operator.is_not, confidentiality, repeat(Confidentiality.public))
            private.update(compress(zip(some_ids, confidentiality, strict=True), not_public))
    # only the elements that list support are keys (a table of every element, most of them
    # listing none, took 0.4 MiB at 10k goals to the end of the check). The targets listed are all
    # elements but in a broken case (one set operation tells): only then is each list searched
    # for the ids to leave out. Otherwise the `supported_by` column itself is the support, each
    # element's own list (read, never changed: a tuple copy of each took 0.4 MiB at 10k goals)
    support: dict[str, Sequence[str]] = fields["supported_by"]
    if set(chain.from_iterable(support.values())).difference(els):
        support = {eid: tuple(filter(els.__contains__, sb)) for eid, sb in support.items()}
    reachable, depended_on = _reachable(case, types, fields)
    return ArgumentIndex(types=types, by_type={t: got for t, got in by_type.items() if got}, support=support,
                         reachable=reachable, depended_on=depended_on, order=_kahn(types, support), fields=fields,
                         private=private)


_fields_set_of = operator.attrgetter("__pydantic_fields_set__")
"""A model's set of the fields it was given (validated from data, built, or updated in a copy)."""

_UNSET_IS_DEFAULT: list[bool] = []
"""Whether every field the index reads holds, when an element was not given it, a value no part of
the index keeps (worked out once: `_unset_is_default`)."""


def _unset_is_default() -> bool:
    """Whether an element that was not given a field the index reads holds a value the index
    leaves out: a false default for each of `SCANNED` (an empty list, None, False), None for
    `claim`, `public` for `confidentiality`. Only then are the fields no element of a chunk was
    given left unread; were a default ever otherwise, every field is read of every element."""
    if not _UNSET_IS_DEFAULT:
        from ..model import Element

        model = Element.model_fields

        def default(name: str) -> Any:
            info = model.get(name)
            return None if info is None else info.get_default(call_default_factory=True)

        _UNSET_IS_DEFAULT.append(
            all(name in model for name in _READ) and not any(map(default, SCANNED))
            and default("claim") is None and default("confidentiality") is Confidentiality.public)
    return _UNSET_IS_DEFAULT[0]


def _given(some: list[Any]) -> tuple[str, ...]:
    """The fields of `_READ` that one or more of the elements `some` was given."""
    sets = list(map(_fields_set_of, some))
    given = set().union(*dict(zip(map(id, sets), sets, strict=True)).values())
    return tuple(f for f in _READ if f in given)


def _columns(names: Sequence[str], some: list[Any]) -> dict[str, tuple[Any, ...]]:
    """Field name -> its values in the elements `some`, in their order, for the fields `names`:
    each element's fields read from its `__dict__` in one call, the rows then turned into columns."""
    if not names:
        return {}
    dicts = map(_dict_of, some)
    if len(names) == 1:  # (an itemgetter of one name gives the value, not a tuple of one)
        return {names[0]: tuple(map(operator.itemgetter(names[0]), dicts))}
    return dict(zip(names, zip(*map(operator.itemgetter(*names), dicts), strict=True), strict=True))


def _set_values(ids: list[str], values: tuple[Any, ...]) -> dict[str, Any]:
    """{id: value} for the values that are set (true: a non-empty list, a value not None or
    empty), in order."""
    # each value is asked once whether it is set; a column that no element sets (or that every
    # element sets) takes no second pass
    got = list(filter(None, values))
    if not got:
        return {}
    if len(got) == len(values):
        return dict(zip(ids, values, strict=True))
    return dict(zip(compress(ids, values), got, strict=True))


def _reachable(case: Case, types: dict[str, str],
               fields: dict[str, dict[str, Any]]) -> tuple[AbstractSet[str], AbstractSet[str]]:
    """`reachable` and `depended_on`, found in one search: through support links first, then on
    from there through every kind of link. Each is the key set of a dict: on a large argument a
    dict's table takes two thirds of a set's (10 MiB of 16 at 100k elements). The search on from
    the support links adds to a table of its own, not to a copy of the first: when every element
    is reachable (as in most arguments), `reachable` is the key set of `types` itself, and only
    `depended_on` keeps a table to the end of the check (two tables of 0.4 MiB at 10k goals held
    before)."""
    depended_on: dict[str, None] = {}
    top = case.argument.top
    later: list[str] = []  # the context and defeater links met on the way
    _search([top] if top in types else [], depended_on, types, fields, later)
    more: dict[str, None] = {}  # what the search reaches on from there, not in `depended_on`
    _search(later, more, types, fields, later, depended_on)
    against = fields["against"]
    for n, targets in against.items():
        # defeaters aimed at reachable elements count (in the argument's order: a defeater aimed
        # at one counted before it counts too)
        if types[n] == "defeater" and n not in depended_on and any(
                t in depended_on or t in more for t in targets):
            more[n] = None
    # (both hold elements only, none twice: as many as `types` holds, they hold them all)
    if len(depended_on) + len(more) == len(types):
        return types.keys(), depended_on.keys()
    return {**depended_on, **more}.keys(), depended_on.keys()


def _search(todo: list[str], seen: dict[str, None], types: dict[str, str], fields: dict[str, dict[str, Any]],
            aside: list[str], known: dict[str, None] | None = None) -> None:
    """Add to `seen` the elements `todo` reaches through support links, putting the context and
    defeater links met into `aside` (the list `todo` itself, to follow them too). `known`:
    elements reached before, neither added nor searched from again."""
    sb, ic, df = fields["supported_by"], fields["in_context_of"], fields["defeaters"]
    if known is None:
        known = seen
    while todo:
        n = todo.pop()
        if n in seen or n in known or n not in types:
            continue
        seen[n] = None
        if n in sb:
            todo.extend(sb[n])
        if n in ic:
            aside.extend(ic[n])
        if n in df:
            aside.extend(df[n])


def _kahn(types: dict[str, str], support: dict[str, Sequence[str]]) -> list[str]:
    """Kahn's order of the elements (`types`' keys, in the argument's order) over `support`."""
    listed = list(chain.from_iterable(support.values()))
    get = support.get
    once = set(listed)
    order: list[str] = []
    add = order.append
    if len(once) == len(listed):
        # no element is listed twice (as in most arguments, trees): each listed one is ready as
        # soon as the one listing it is taken, in the order listed, as below; and one on a circle,
        # or below one, is never listed by an element taken. A set of the ids listed tells it,
        # without counting them in a Counter and copying the counts into a dict (with the
        # `fromkeys` of the elements' dict in `build_index`, the index of the 10k-goal argument
        # went from 252.9M instructions to 242.7M)
        ready = list(filterfalse(once.__contains__, types))
        pop, push = ready.pop, ready.extend
        while ready:
            n = pop()
            add(n)
            push(get(n, ()))
        return order
    # a plain dict: a Counter's item access is slower
    indegree = dict(Counter(listed))
    ready = list(filterfalse(indegree.__contains__, types))
    pop = ready.pop
    while ready:
        n = pop()
        add(n)
        for k in get(n, ()):
            left = indegree[k] = indegree[k] - 1
            if not left:
                ready.append(k)
    return order


def renamed_elements(before: Case, now: Case) -> dict[str, list[str]]:
    """Element id in `before` -> its ids in `now`, for an element whose id is gone from `now`: every
    element of the same type that `before` did not have and that makes the same text in `now`
    (compared by its words: case, spacing and punctuation aside), in the argument's order. The same
    claim under a new id is followed, and so is each copy of it when it is made again under several
    new ids; an element whose words match none is not in the map."""
    was, is_ = before.argument.elements, now.argument.elements
    fresh: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for eid, el in is_.items():
        if eid not in was:
            fresh.setdefault((el.type, tuple(words(el.text))), []).append(eid)
    out: dict[str, list[str]] = {}
    for eid, el in was.items():
        if eid not in is_:
            same = fresh.get((el.type, tuple(words(el.text))), [])
            if same:
                out[eid] = same
    return out
