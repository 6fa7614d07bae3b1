"""Pausing the cyclic garbage collector around work that allocates many small, acyclic objects
next to a large, long-lived case (loading it, deriving its evidence facts, running the rules,
laying out its diagram). Each allocation burst would otherwise trigger full collections that walk
the whole case again. Reference counting frees whatever is dropped either way."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off; its previous state is restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
