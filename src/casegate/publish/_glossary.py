"""Ids read with their titles: the gate's texts name elements by id (`SG-kyc`,
`bio-known-agent`), which a reader outside the lab cannot decode. In a published summary each id
the summary itself titles is followed, at its first mention in a text, by that title in
parentheses. Only titles the summary shows are used, so nothing redacted is added."""

from __future__ import annotations

import re
import weakref

from ._views import PublicSummary

# Method names the gate writes into its texts, in words.
_TERMS = {
    "clopper-pearson": "the exact binomial method",
}


def glossary(s: PublicSummary) -> dict[str, str]:
    """Id -> title for every element the summary shows with a title (redacted ones are left out)."""
    out: dict[str, str] = {}
    for group in (s.safeguards, s.evidence, s.pathways):
        for item in group:
            if item.redacted is None and item.title and item.title.strip() and item.title != item.id:
                out.setdefault(item.id, item.title.strip())
    return out


class Titler:
    """`with_titles` for one glossary: its pattern compiled once for every text titled with it
    (a summary has a glossary entry per titled item, thousands in a large case)."""

    def __init__(self, terms: dict[str, str]) -> None:
        self.table = {**_TERMS, **terms}
        self.pattern: re.Pattern[str] | None = None
        self.keys: dict[str, str] = {}
        if self.table:
            names = sorted(self.table, key=len, reverse=True)
            self.pattern = re.compile(r"(`?)(?<![\w.-])(" + "|".join(map(re.escape, names)) + r")((?:\.#\d+)?)(?![\w-])(`?)"
                                      r"(?!\s*\()", re.IGNORECASE)
            for k in self.table:  # a name matched in other case reads as the first entry spelt so
                self.keys.setdefault(k.lower(), k)

    def __call__(self, text: str | None) -> str:
        if not text:
            return text or ""
        if self.pattern is None:
            return text
        seen: set[str] = set()
        table, keys = self.table, self.keys

        def add(m: re.Match[str]) -> str:
            open_, name, close = m.group(1), m.group(2), m.group(4)
            key = keys.get(name.lower(), name)
            if key in seen or (open_ and not close) or (close and not open_):
                return m.group(0)
            seen.add(key)
            return f"{m.group(0)} ({table[key]})"

        return self.pattern.sub(add, text)


def with_titles(text: str | None, terms: dict[str, str]) -> str:
    """`text` with the first mention of each glossary id followed by its title in parentheses
    (an id already followed by a parenthesis is left as written). Ids are matched whole, in
    backticks or bare; a pathway step (`bio-known-agent.#1`) is titled by its pathway."""
    return Titler(terms)(text)


_last: tuple[weakref.ref[PublicSummary], Titler] | None = None


def titled(text: str | None, s: PublicSummary) -> str:
    """`with_titles(text, glossary(s))`, the glossary and its pattern built once per summary (the
    pages title every answer, condition and finding of one summary in turn)."""
    global _last
    got = _last
    if got is None or got[0]() is not s:
        got = (weakref.ref(s), Titler(glossary(s)))
        _last = got
    return got[1](text)
