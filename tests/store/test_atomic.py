"""`Registry.atomic`: everything recorded in the block commits together or not at all, reads in
the block see what it wrote, a refused write inside it (caught) leaves nothing, and the tree
stays whole after a rollback (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from casegate.errors import InputError
from casegate.store import open_registry


def test_a_block_commits_all_or_nothing(database_url: str) -> None:
    with open_registry(database_url) as reg:
        reg.record("note", None, {"n": 0})
        with pytest.raises(RuntimeError), reg.atomic("testing"):
            reg.record("note", None, {"n": 1})
            assert [e.payload["n"] for e in reg.events(kind="note")] == [0, 1]  # reads see the block's writes
            reg.record("note", None, {"n": 2})
            raise RuntimeError("stopped")
        assert reg.size() == 1
        with reg.atomic("testing"):
            reg.record("note", None, {"n": 3})
            try:
                with reg.atomic("nested"):
                    reg.record_many([("note", None, {"n": 4}), ("Bad Kind", None, {})])
            except InputError:
                pass  # a refused write inside the block records nothing of its own
            reg.record("note", None, {"n": 5})
        assert [e.payload["n"] for e in reg.events(kind="note")] == [0, 3, 5]
        # the tree over what was committed verifies, after the rollbacks
        for i in range(40):
            reg.record("note", None, {"n": 10 + i})
        with pytest.raises(RuntimeError), reg.atomic("testing"):
            for i in range(40):
                reg.record("note", None, {"n": 100 + i})
            reg.root(reg.size())  # nodes of entries that will not be committed are read (and cached)
            raise RuntimeError("stopped")
        reg.record_many([("note", None, {"n": 200 + i}) for i in range(40)])  # other entries at those indices
        n = reg.size()
        assert n == 83
        root = reg.root(n)
        for i in (0, 16, 31, 43, 50, 70, 82):
            assert reg.prove_inclusion(i, n).root == root
    with open_registry(database_url) as fresh:  # no cache: the root from the stored entries alone
        assert fresh.root(n) == root
        fresh.verify_log()
