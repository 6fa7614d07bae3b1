"""Whether text the case must fill with substance carries any: boilerplate ("Noted.", "TBD"),
too few content words, a restatement of the question, an unquantified estimate ("negligible"
with no number), and whether a condition names something that can be measured.

Shared by the rules that need substance (objection answers, scoped-out reasons, residual-risk
estimates, at-scale answers, withdrawal conditions); the boilerplate list is the policy's
(`text.hollow` plus `text.extra_hollow`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from .._patterns import kept
from ..model import Policy

__all__ = ["ALIKE", "alike", "as_read", "content_words", "has_number", "hollow_reason", "parse_window", "words"]

_WORD = kept(r"[a-z0-9][a-z0-9'\-]*")
_COMMON = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being it its this
that these those there here we our us you your they them their he she his her i me my not no so than
then too very can could will would shall should may might must do does did done have has had any all
some each every more most less least such what which who whom whose when where why how about into
over under again also just only own same other out up down off per via yet still
""".split())


def as_read(text: str) -> str:
    """The words of a case as casegate reads them for what they say: where they are not plain
    ASCII, NFKC, without zero-width and format characters, and each character that looks like a
    Latin letter or digit (Cyrillic `і` in `swіtching`, Greek capital `Ν` in `Νorthgrid's`)
    replaced by it (`latin_text`); letter case and line breaks kept, so a rule that looks for a
    proper name (a capital) or splits at lines reads what a person does. Words that read as
    "switching order", "Northgrid's" or "Noted." to a person say it to the rules. Plain ASCII is
    returned as it is, without loading any Unicode table."""
    if text.isascii():
        return text
    from ..model._names import latin_text

    return latin_text(text)


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(as_read(text).casefold()))


@functools.lru_cache(maxsize=16)
def _normal_boilerplate(texts: tuple[str, ...]) -> frozenset[str]:
    """The policy's boilerplate texts as `_normal` writes them, kept by their wording: every rule
    that asks for substance compares its texts with the same list (a case's answers, reasons and
    estimates: a dozen calls of `hollow_reason`, each over some thirty boilerplate texts)."""
    return frozenset(map(_normal, texts))


_WORDS = kept(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text as they read (`as_read`), case and punctuation aside: a claim reworded
    only in those, or spelt again with look-alike letters (a Cyrillic `о` for an `o`), is unchanged
    (as a safeguard's title is compared)."""
    return _WORDS.findall(as_read(text).casefold())


ALIKE = 0.6
"""Share of their words (of all the words either uses) from which two claims say the same thing."""


def alike(a: str, b: str) -> bool:
    """Whether two claims are nearly the same words: a claim withdrawn and made again under a new id
    with a word or two changed is the same claim."""
    x, y = set(words(a)), set(words(b))
    return bool(x | y) and len(x & y) / len(x | y) >= ALIKE


def content_words(text: str) -> list[str]:
    """The words of `text` that carry content (common function words removed)."""
    return [w for w in _WORD.findall(as_read(text).casefold()) if w not in _COMMON]


def has_number(text: str) -> bool:
    """True when `text` states a number: it holds a decimal digit (what `\\d` matches)."""
    return any(map(str.isdecimal, text))


_NUMBER = kept(
    r"(?P<one>\d[\d,]*\s+in\s+\d[\d,]*)"
    r"|(?P<sci>\d+(?:\.\d+)?\s*[eE]\s*[-\u2212+]?\s*\d{1,3})"
    r"|(?P<pow>(?:\d+(?:\.\d+)?\s*[x\u00d7*]\s*)?10\s*(?:\^|\*\*)\s*\(?\s*[-\u2212+]?\s*\d{1,3}\s*\)?)"
    r"|(?P<pct>\d+(?:\.\d+)?\s*%)"
    r"|(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)")
_PER_YEAR = kept(r"\s*(?:[A-Za-z][\w-]*\s+){0,4}?(?:(?:per|a|an|/|each)\s*(?:year|yr|annum)\b|annually\b|yearly\b)",
                 re.IGNORECASE)

_EXPONENT = kept(r"[eE]")


def _number(m: re.Match[str]) -> float:
    """The value of one `_NUMBER` match."""
    t = m[0].replace("\u2212", "-").replace(",", "")
    if m["one"]:
        a, _, b = t.partition("in")
        return float(a) / float(b) if float(b) else 0.0
    if m["sci"]:
        a, b = _EXPONENT.split(t.replace(" ", ""))
        return float(a) * 10.0 ** int(b)
    if m["pow"]:
        head, _, exp = re.sub(r"\s+", "", t).rpartition("10")
        mant = re.sub(r"[x\u00d7*]$", "", head) or "1"
        return float(mant) * 10.0 ** int(re.sub(r"[^\d+-]", "", exp.lstrip("^*")))
    if m["pct"]:
        return float(t.rstrip("% ")) / 100
    return float(t)


def per_year_rates(text: str | None) -> list[float]:
    """The rates per year `text` states: each number (`1e-4`, `2 x 10^-5`, `0.0001`, `1 in 10,000`,
    `0.01%`) followed, within a few words, by `per year`, `a year`, `/year` or `annually`. A number of
    anything else (`three layers`, `95% confidence`, a bypass rate) is not a rate per year."""
    if not text:
        return []
    text = as_read(text)  # `1е-4 рer yеar` in Cyrillic letters, `１e-4 per year` in full-width digits
    return [_number(m) for m in _NUMBER.finditer(text) if _PER_YEAR.match(text, m.end())]


def hollow_reason(text: str | None, policy: Policy, *, question: str | None = None,
                  estimate: bool = False, min_words: int | None = None) -> str | None:
    """Why `text` carries no content, or None when it does. `question` is what the text answers
    (a restatement of it is hollow); `estimate` makes text without a number hollow ("negligible",
    "bounded by the layered safeguards"); `min_words` overrides the policy's fewest content words (short
    names of mechanisms, such as a detection route, need fewer)."""
    if text is None:
        return None
    norm = _normal(text)
    if not norm:
        return "it is empty"
    if norm in _normal_boilerplate(tuple(policy.text.boilerplate())):
        return f"\"{text.strip()}\" is boilerplate"
    words = content_words(text)
    if estimate and not has_number(text):
        vague = [u for u in policy.text.unquantified if re.search(rf"\b{re.escape(u.casefold())}\b", norm)]
        if vague:
            return f"\"{text.strip()}\" says `{vague[0]}` without a number"
        # 'bounded by the layered safeguards', 'within tolerance': an estimate of no size
        return f"\"{text.strip()}\" states no number: an estimate without one says nothing of the risk's size"
    if question is not None and words:
        asked = set(content_words(question))
        if set(words) <= asked:
            return f"\"{text.strip()}\" only restates what it answers"
    least = policy.text.min_words if min_words is None else min_words
    if len(words) < least and not has_number(text):
        return (f"\"{text.strip()}\" has {len(words)} content word(s); an answer needs at least "
                f"{least} or a number")
    return None


_WINDOW = kept(r"^\s*(\d+)\s*(s|m|h|d|w)\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_window(text: str) -> dt.timedelta | None:
    """'30m', '24h', '7d', '2w' as a duration; None for anything else (the same grammar as the
    monitor's)."""
    m = _WINDOW.match(text)
    if not m or int(m.group(1)) == 0:
        return None
    return dt.timedelta(seconds=int(m.group(1)) * _UNITS[m.group(2)])
