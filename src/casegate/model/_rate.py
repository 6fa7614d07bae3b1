"""A boundary's rate limit read as numbers. `scope.rate_limit` is written as text ("600 requests/min
per key, 5M tokens/day per organisation"); read here, the gate can rank one version's against
another's (CG210, CG211), the decision can sign it, and `verify` can hold a deploy to it. A text
that does not read as limits is reported (CG108), never guessed at."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from .._patterns import kept
from .._record import FrozenRecord

RATE_GRAMMAR = ("`unlimited`, or limits separated by commas, each a number (with k or M for thousands or "
                "millions), `requests` or `tokens` (requests if neither), `/` and a period (s, min, hour, "
                "day or week), and whom it applies to (`per key`, `per user`, `per account`, "
                "`per organisation` or `global`): e.g. `600/min per key, 5M tokens/day per organisation`")
"""How a rate limit is written so that casegate can read it, in words for messages and docs."""

UNLIMITED_WORDS = ("unlimited", "no limit", "no rate limit")
"""Texts that state there is no limit (a legal value: the boundary then bounds no rate)."""

_PERIODS: dict[str, int] = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), 60),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 3600),
    **dict.fromkeys(("d", "day", "days"), 86400),
    **dict.fromkeys(("wk", "week", "weeks"), 604800),
}
"""Periods a rate is counted over, in seconds. A month or a year has no fixed length, so a limit
counted over one cannot be compared with one counted in days: it is not read."""

_PERIOD_NAMES = {1: "s", 60: "min", 3600: "hour", 86400: "day", 604800: "week"}

_QUANTITIES: dict[str, str] = {
    **dict.fromkeys(("request", "requests", "req", "reqs", "call", "calls", "query", "queries",
                     "message", "messages"), "requests"),
    **dict.fromkeys(("token", "tokens"), "tokens"),
}
"""What a limit counts: requests (the default) or tokens."""

_APPLIES: dict[str, str] = {
    **dict.fromkeys(("key", "keys", "api key", "api-key", "api keys"), "key"),
    **dict.fromkeys(("user", "users"), "user"),
    **dict.fromkeys(("account", "accounts"), "account"),
    **dict.fromkeys(("organisation", "organisations", "organization", "organizations", "org", "orgs"),
                    "organisation"),
}
"""Whom a limit applies to, each alone (a limit on all of them together is `global`)."""

_GLOBAL = ("global", "globally", "in total", "overall", "total")

_SHORT = kept(r"\b([rt])p([smhd])\b")
"""`rpm`, `tps` and the like: requests or tokens per second, minute, hour or day."""

_CLAUSE = kept(
    r"^(?P<num>\d+(?:\.\d+)?)\s*(?P<mult>[km](?![a-z]))?\s*(?P<qty>[a-z]+)?\s*(?:/|\bper\b|\ba\b|\ban\b|\bevery\b)\s*"
    r"(?P<period>[a-z]+)"
    r"(?:\s*(?:/|\bper\b|\bfor each\b|\beach\b)\s*(?P<who>[a-z][a-z -]*?)|\s+(?P<glob>[a-z][a-z ]*?))?$")

_THOUSANDS = kept(r"(?<=\d),(?=\d{3}(?!\d))")
"""The comma of `50,000/day`."""

_SPLIT = kept(r"\s*(?:;|,|\band\b)\s*")


class RateLimitUnreadable(ValueError):
    """A rate limit casegate cannot read as limits; the message says which part."""


class Rate(FrozenRecord):
    """One limit: at most `count` of `quantity` every `seconds`, for each `per` (or for all
    users together: `global`; None when the text does not say whom it applies to)."""

    _fields = ("quantity", "count", "seconds", "per")
    quantity: str
    """What is counted: `requests` or `tokens`."""
    count: int
    """How many."""
    seconds: int
    """Over how many seconds."""
    per: str | None
    """Whom it applies to, each alone: `key`, `user`, `account`, `organisation`; `global` for all
    together; None when not stated."""

    def __init__(self, quantity: str, count: int, seconds: int, per: str | None) -> None:
        object.__setattr__(self, "quantity", quantity)
        object.__setattr__(self, "count", count)
        object.__setattr__(self, "seconds", seconds)
        object.__setattr__(self, "per", per)

    def holds(self, signed: Rate) -> bool:
        """Whether enforcing this limit keeps use within `signed`: the same quantity, counted for
        the same party (or for everyone together, which bounds each party too), and no more in
        any of `signed`'s periods. Counted over a period no longer than `signed`'s, that is a rate
        no higher once the units are converted (10/s holds 600/min; 20/s does not); counted over
        a longer one, all of it may come at once, so its whole count must fit (10000/day does not
        hold 100/min). Key, user, account and organisation are not ranked: a key may be shared
        by many users, and a user may belong to several organisations."""
        if self.quantity != signed.quantity or self.per not in (signed.per, "global"):
            return False
        if self.seconds > signed.seconds:
            return self.count <= signed.count
        return self.count * signed.seconds <= signed.count * self.seconds

    def bursts_past(self, signed: Rate) -> bool:
        """Whether this limit fails to hold `signed` only by being counted over a longer period."""
        return self.seconds > signed.seconds and self.count > signed.count \
            and self.count * signed.seconds <= signed.count * self.seconds

    @property
    def per_minute(self) -> Fraction:
        return Fraction(self.count * 60, self.seconds)

    def whom(self) -> str:
        if self.per is None:
            return "(whom it applies to not stated)"
        return "globally" if self.per == "global" else f"per {self.per}"

    def words(self) -> str:
        """The limit as a reader writes it, e.g. `600 requests/min per key`."""
        name = _PERIOD_NAMES.get(self.seconds)
        what = self.quantity[:-1] if self.count == 1 else self.quantity
        n = self.amount()
        rate = f"{n} {what}/{name}" if name else f"{n} {what} every {self.seconds} s"
        return f"{rate} {self.whom()}"

    def amount(self) -> str:
        """The count as the grammar writes it (`5M`, `10k`, `600`)."""
        return _count(self.count)

    def period(self) -> str:
        """The period the limit is counted over, in words (`minute`, `40 s`)."""
        return {1: "second", 60: "minute", 3600: "hour", 86400: "day", 604800: "week"}.get(self.seconds,
                                                                                          f"{self.seconds} s")

    def per_minute_words(self) -> str:
        return f"{_number(self.per_minute)} {self.quantity}/min"

    def as_dict(self) -> dict[str, Any]:
        """The limit as a decision signs it: exact counts, and the rate per minute to read."""
        return {"quantity": self.quantity, "count": self.count, "seconds": self.seconds, "per": self.per,
                "per_minute": _number(self.per_minute)}

    @classmethod
    def from_dict(cls, data: object) -> Rate:
        """A signed limit read back; ValueError when it is not one `as_dict` writes."""
        if not isinstance(data, dict):
            raise ValueError("a limit is not an object")
        quantity, count, seconds, per = (data.get(k) for k in ("quantity", "count", "seconds", "per"))
        if (quantity not in ("requests", "tokens") or type(count) is not int or type(seconds) is not int
                or count < 0 or seconds <= 0 or (per is not None and per not in (*_APPLIES.values(), "global"))):
            raise ValueError(f"a limit cannot be read: {str(data)[:80]}")
        return cls(str(quantity), count, seconds, per if per is None else str(per))


def _count(n: int) -> str:
    """A count as the grammar writes it: 5M, 50k, 600."""
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 10_000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def _number(x: Fraction) -> int | float:
    return int(x) if x.denominator == 1 else round(float(x), 3)


def parse_rate_limit(text: str) -> tuple[Rate, ...]:
    """The limits a rate limit text states (none: `unlimited`). RateLimitUnreadable when any part
    of it does not read as a limit (see `RATE_GRAMMAR`)."""
    said = " ".join(text.split()).casefold()
    if not said:
        raise RateLimitUnreadable("the rate limit is empty")
    if said.rstrip(".") in UNLIMITED_WORDS:
        return ()
    said = _THOUSANDS.sub("", said)  # 50,000/day
    said = _SHORT.sub(lambda m: ("requests" if m.group(1) == "r" else "tokens") + "/"
                  + {"s": "s", "m": "min", "h": "hour", "d": "day"}[m.group(2)], said)
    out = []
    for clause in _SPLIT.split(said.rstrip(".")):
        if clause in UNLIMITED_WORDS:
            raise RateLimitUnreadable("`unlimited` stands alone: a boundary with limits is not unlimited")
        out.append(_clause(clause))
    return tuple(out)


def _clause(clause: str) -> Rate:
    m = _CLAUSE.match(clause)
    if m is None:
        raise RateLimitUnreadable(f"`{clause}` is not a number per period")
    quantity = _QUANTITIES.get(m.group("qty") or "requests")
    if quantity is None:
        raise RateLimitUnreadable(f"`{clause}`: `{m.group('qty')}` is neither requests nor tokens")
    seconds = _PERIODS.get(m.group("period"))
    if seconds is None:
        raise RateLimitUnreadable(f"`{clause}`: `{m.group('period')}` is not a period of fixed length "
                                  "(s, min, hour, day, week)")
    per: str | None = None
    if m.group("who") is not None:
        per = _APPLIES.get(m.group("who").strip())
        if per is None:
            raise RateLimitUnreadable(f"`{clause}`: per `{m.group('who').strip()}` is not one of key, user, "
                                      "account, organisation")
    elif m.group("glob") is not None:
        if m.group("glob").strip() not in _GLOBAL:
            raise RateLimitUnreadable(f"`{clause}`: `{m.group('glob').strip()}` does not say whom the limit "
                                      "applies to (per key, per user, per account, per organisation, global)")
        per = "global"
    try:
        amount = Fraction(Decimal(m.group("num"))) * {"k": 1000, "m": 1_000_000, None: 1}[m.group("mult")]
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise RateLimitUnreadable(f"`{clause}` is not a number per period") from None
    if amount.denominator == 1:
        return Rate(quantity, amount.numerator, seconds, per)
    exact = amount / seconds  # a fractional count is counted over a longer period: 0.5/s is 1 every 2 s
    return Rate(quantity, exact.numerator, exact.denominator, per)


def read_rate_limit(text: str | None) -> tuple[Rate, ...] | None:
    """The limits a stated rate limit gives, `()` for unlimited; None when it cannot be read or
    is not stated."""
    if text is None or not text.strip():
        return None
    try:
        return parse_rate_limit(text)
    except RateLimitUnreadable:
        return None


def looser(signed: tuple[Rate, ...], given: tuple[Rate, ...]) -> list[Rate]:
    """The limits of `signed` that no limit of `given` holds (`given` empty: unlimited)."""
    return [s for s in signed if not any(g.holds(s) for g in given)]


def rate_limit_wider(was: str | None, now: str | None) -> bool | None:
    """Whether the rate limit `now` allows more than `was`: a limit dropped or loosened (no limit
    stated is no limit; one stated where there was none narrows). None when a stated text cannot be
    read, so the caller compares the words."""
    blank = [t is None or not t.strip() for t in (was, now)]
    before = None if blank[0] else read_rate_limit(was)
    after = None if blank[1] else read_rate_limit(now)
    if (before is None and not blank[0]) or (after is None and not blank[1]):
        return None
    if before is None or not before:
        return False  # nothing was limited
    if after is None or not after:
        return True  # limits dropped
    return bool(looser(before, after))
