"""Editing a copy of the example (the `atlas` fixture) as the lab would, and loading it with its
outside evaluators' attestations checked against its own keyring."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate.load import Loaded, load_case
from casegate.sign import load_keyring, parse_instant, with_attestations

TODAY = dt.date(2026, 11, 27)


def signed(d: Path, today: dt.date = TODAY) -> Loaded:
    """The case in `d`, its evidence attestations checked against `d/keys/keyring.yaml` at the end
    of `today`."""
    return with_attestations(load_case(d / "case.yaml"), load_keyring(d / "keys" / "keyring.yaml"),
                             parse_instant(today.isoformat(), end_of_day=True))


def edit(p: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file `p` by `new` (it must be there)."""
    text = p.read_text()
    assert old in text, old
    p.write_text(text.replace(old, new, 1))
