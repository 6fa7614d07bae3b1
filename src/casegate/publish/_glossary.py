"""Ids read with their titles: the gate's texts name elements by id (`SG-kyc`,
`bio-known-agent`), which a reader outside the lab cannot decode. In a published summary each id
the summary itself titles is followed, at its first mention in a text, by that title in
parentheses. Only titles the summary shows are used, so nothing redacted is added."""

from __future__ import annotations

import re

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


def with_titles(text: str | None, terms: dict[str, str]) -> str:
    """`text` with the first mention of each glossary id followed by its title in parentheses
    (an id already followed by a parenthesis is left as written). Ids are matched whole, in
    backticks or bare; a pathway step (`bio-known-agent.#1`) is titled by its pathway."""
    if not text:
        return text or ""
    table = {**_TERMS, **terms}
    if not table:
        return text
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(`?)(?<![\w.-])(" + "|".join(map(re.escape, names)) + r")((?:\.#\d+)?)(?![\w-])(`?)"
                         r"(?!\s*\()", re.IGNORECASE)
    seen: set[str] = set()

    def add(m: re.Match[str]) -> str:
        open_, name, close = m.group(1), m.group(2), m.group(4)
        key = next((k for k in table if k.lower() == name.lower()), name)
        if key in seen or (open_ and not close) or (close and not open_):
            return m.group(0)
        seen.add(key)
        return f"{m.group(0)} ({table[key]})"

    return pattern.sub(add, text)
