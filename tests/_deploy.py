"""What a deploy of the example case (examples/atlas-api) declares to `verify` beyond the kind
that its boundary's scope limits: the rate limits it enforces, as `--rate-limit` options."""

RATE_LIMITS = ("--rate-limit", "600/min per key", "--rate-limit", "5M tokens/day per organisation")
"""The example boundary's `rate_limit: 600 requests/min per key, 5M tokens/day per organisation`."""
