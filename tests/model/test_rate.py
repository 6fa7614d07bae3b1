"""A boundary's rate limit read as numbers: the grammar `scope.rate_limit` and `verify --rate-limit`
share, and when one limit holds another (the same party, no more in any of the other's periods)."""

from __future__ import annotations

import pytest

from casegate.model import Rate, RateLimitUnreadable, looser, parse_rate_limit, rate_limit_wider


def _one(text: str) -> Rate:
    (rate,) = parse_rate_limit(text)
    return rate


@pytest.mark.parametrize(("text", "rate"), [
    ("600/min per key", Rate("requests", 600, 60, "key")),
    ("600 requests/min per key", Rate("requests", 600, 60, "key")),
    ("600 requests per minute per API key", Rate("requests", 600, 60, "key")),
    ("600 rpm per key", Rate("requests", 600, 60, "key")),
    ("10/s", Rate("requests", 10, 1, None)),
    ("50,000/day", Rate("requests", 50000, 86400, None)),
    ("5M tokens/day per organisation", Rate("tokens", 5_000_000, 86400, "organisation")),
    ("5m tokens/day per organization", Rate("tokens", 5_000_000, 86400, "organisation")),
    ("1.5k/min globally", Rate("requests", 1500, 60, "global")),
    ("600 messages/min in total", Rate("requests", 600, 60, "global")),
    ("0.5/s per user", Rate("requests", 1, 2, "user")),  # a fractional count over a longer period
    ("100/week/account", Rate("requests", 100, 604800, "account")),
])
def test_a_limit_reads_as_numbers(text: str, rate: Rate) -> None:
    assert _one(text) == rate


def test_several_limits_and_unlimited() -> None:
    assert parse_rate_limit("600 requests/min per key, 5M tokens/day per organisation") == (
        Rate("requests", 600, 60, "key"), Rate("tokens", 5_000_000, 86400, "organisation"))
    assert len(parse_rate_limit("600/min per key; 10/s globally and 1M tokens/day per user")) == 3
    assert parse_rate_limit("unlimited") == parse_rate_limit("Unlimited.") == ()


@pytest.mark.parametrize(("text", "why"), [
    ("reasonable use per customer", "is not a number per period"),
    ("1M tokens/month per organisation", "`month` is not a period of fixed length"),
    ("600/min per IP", "per `ip` is not one of key, user, account, organisation"),
    ("600 widgets/min", "`widgets` is neither requests nor tokens"),
    ("600/min for now", "does not say whom the limit applies to"),
    ("600/min per key, unlimited tokens", "is not a number per period"),
    ("600/min per key, unlimited", "`unlimited` stands alone"),
    ("PLACEHOLDER how much", "is not a number per period"),
    ("", "empty"),
])
def test_what_does_not_read_is_said(text: str, why: str) -> None:
    with pytest.raises(RateLimitUnreadable, match=why):
        parse_rate_limit(text)


def test_the_signed_form_round_trips_and_refuses_what_it_does_not_write() -> None:
    for r in parse_rate_limit("600/min per key, 5M tokens/day per organisation, 0.5/s"):
        assert Rate.from_dict(r.as_dict()) == r
    assert _one("50000/day").as_dict() == {"quantity": "requests", "count": 50000, "seconds": 86400, "per": None,
                                           "per_minute": 34.722}
    for bad in ({"quantity": "requests", "count": 1.5, "seconds": 60, "per": "key"},
                {"quantity": "requests", "count": 600, "seconds": 0, "per": "key"},
                {"quantity": "widgets", "count": 600, "seconds": 60, "per": "key"},
                {"quantity": "requests", "count": 600, "seconds": 60, "per": "ip"}, "600/min"):
        with pytest.raises(ValueError):
            Rate.from_dict(bad)


@pytest.mark.parametrize(("declared", "signed", "held"), [
    ("10/s per key", "600/min per key", True),  # the same rate in other units
    ("20/s per key", "600/min per key", False),  # 1200/min
    ("599/min per key", "600/min per key", True),
    ("600/min globally", "600/min per key", True),  # everyone together bounds each key
    ("600/min per user", "600/min per key", False),  # a key may be shared: not comparable
    ("600/min per key", "600/min globally", False),
    ("600/min", "600/min", True),  # the same words, whom unstated both times
    ("600/min per key", "600/min", False),
    ("500/day per key", "600/min per key", True),  # all 500 in one minute is still within it
    ("10000/day per key", "600/min per key", False),  # 6.9/min on average, but a burst of 10000
    ("600/min per key", "5M tokens/day per key", False),  # another quantity
])
def test_one_limit_holds_another(declared: str, signed: str, held: bool) -> None:
    assert _one(declared).holds(_one(signed)) is held


def test_looser_names_the_signed_limits_not_held() -> None:
    signed = parse_rate_limit("600/min per key, 5M tokens/day per organisation")
    assert looser(signed, parse_rate_limit("10/s per key")) == [signed[1]]
    assert looser(signed, parse_rate_limit("10/s per key, 1M tokens/day globally")) == []
    assert looser(signed, ()) == list(signed)  # unlimited holds nothing


@pytest.mark.parametrize(("was", "now", "wider"), [
    ("600/min per key", "10/s per key", False),
    ("600/min per key", "20/s per key", True),
    ("600/min per key", None, True),
    ("600/min per key", "unlimited", True),
    (None, "600/min per key", False),
    ("unlimited", "600/min per key", False),
    ("600/min per key", "fair use", None),  # the caller compares the words
])
def test_rate_limit_wider(was: str | None, now: str | None, wider: bool | None) -> None:
    assert rate_limit_wider(was, now) is wider
