"""The wording guard finds the same variable parts however it narrows the templates it tries: a
part of a matched text is tried only against the templates of the text it is part of whose key
it holds, and the parts found are kept in a bounded memo. Both are checked against a plain
search that tries every template on every text."""

from __future__ import annotations

import itertools

import pytest

from casegate.publish import _fixed


def _plain(text: str, depth: int = 0) -> tuple[str, ...]:
    """`_fixed._variable` as specified, with no index, no narrowing and no memo."""
    templates, constants = _fixed._wording()[:2]
    if text in constants:
        return ()
    best: tuple[str, ...] = (text,)
    if depth >= _fixed._DEPTH:
        return best
    left = len(text)
    for t in templates:
        got = t.match(text)
        if got is None:
            continue
        out = [x for g in got if g for x in _plain(g, depth + 1)]
        if sum(map(len, out)) < left:
            best, left = tuple(out), sum(map(len, out))
            if not left:
                break
    return best


def _texts() -> list[str]:
    """Texts casegate's templates make, their interpolations filled with other templates' texts
    (so that matching goes several templates deep) or with a lab's words."""
    templates = _fixed._wording()[0]
    inner = ["", "Nightjar relay", *("".join(p if p is not None else "E-ctf" for p in t.parts)
                                      for t in templates[::97])]
    out = []
    for n, t in enumerate(templates[::53]):
        fills = itertools.cycle(inner[n % len(inner):] + inner[:n % len(inner)])
        out.append("".join(p if p is not None else next(fills) for p in t.parts))
    out.append("CG510 signoff-not-signed: the sign-off of Sam Whitfield as `rso` is declared but not "
               "signed by a keyring identity (no keyring): no envelope (sign it with `casegate sign`)")
    return out


def test_a_part_has_the_candidates_of_its_own() -> None:
    """Narrowed from the text it is part of, a part's candidates are those it would have alone."""
    for text in _texts()[::3]:
        within = _fixed._candidates(text)
        for a, b in ((0, len(text) // 2), (len(text) // 3, len(text)), (5, len(text) - 5)):
            part = text[a:b]
            assert _fixed._candidates(part, within) == _fixed._candidates(part), (text, a, b)


@pytest.mark.parametrize("memo_size", [_fixed._MEMO_SIZE, 3])
def test_variable_parts_are_those_of_the_plain_search(monkeypatch: pytest.MonkeyPatch, memo_size: int) -> None:
    """Every text's variable parts are the plain search's, with the memo large or dropping its
    oldest entries after three (then it never holds more)."""
    monkeypatch.setattr(_fixed, "_MEMO_SIZE", memo_size)
    monkeypatch.setattr(_fixed, "_memo", {})
    for text in _texts():
        assert tuple(_fixed.variable_parts(text)) == _plain(text), text
        assert len(_fixed._memo) <= memo_size
