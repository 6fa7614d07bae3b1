"""The review board serves the log as tiles under /public/log/ (the prefix of its checkpoint),
with caching headers, and the client reads it over real HTTP from uvicorn on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casegate.ledger import ClientState, TileStoreError, open_store, open_tiles, write_tiles
from casegate.store import generate_key, load_public_key, open_registry
from tests.loopback import serve
from tests.web.conftest import BoardFixture, build_board


@pytest.fixture
def board(tmp_path: Path, database_url: str) -> BoardFixture:
    b = build_board(tmp_path, database_url)
    reg = open_registry(database_url)
    reg.record_many([("decision", "bulk", {"n": i}) for i in range(300)])
    generate_key(tmp_path / "log.pem")
    reg.checkpoint(tmp_path / "log.pem", "board.casegate.example/log")
    reg.close()
    return b


def test_board_serves_the_same_tiles_as_the_writer(board: BoardFixture, tmp_path: Path) -> None:
    reg = open_registry(board.database_url)
    write_tiles(reg, open_store(tmp_path / "tiles"), reg.latest_checkpoint() or "", entries=True)
    size = reg.size()
    reg.close()
    c = board.client
    reader = board.auth("external")  # a reviewer role: its token reads everything
    for path in sorted(p.relative_to(tmp_path / "tiles").as_posix() for p in (tmp_path / "tiles").rglob("*")
                       if p.is_file()):
        entries = path.startswith("tile/entries/")
        r = c.get(f"/public/log/{path}", headers=reader if entries else {})
        assert r.status_code == 200, path
        assert r.content == (tmp_path / "tiles" / path).read_bytes(), path
        if entries:  # held for token holders only, and never by a shared cache
            assert r.headers["cache-control"].startswith("private,"), path
            assert c.get(f"/public/log/{path}").status_code == 401, path
    full = c.get("/public/log/tile/0/000")
    assert full.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert full.headers["content-type"] == "application/octet-stream"
    part = c.get(f"/public/log/tile/0/001.p/{size - 256}")
    assert part.headers["cache-control"] == "public, max-age=60"
    assert c.get("/public/log/checkpoint").headers["cache-control"] == "no-cache"
    assert c.get("/public/log").headers["cache-control"] == "no-store"  # pages keep no-store
    # a narrower partial (an older checkpoint's) is served; beyond the signed tree is not
    assert c.get("/public/log/tile/0/001.p/1").status_code == 200
    assert c.get(f"/public/log/tile/0/001.p/{size - 255}").status_code == 404
    assert c.get("/public/log/tile/0/001").status_code == 404
    assert c.get("/public/log/tile/0/0001").status_code == 404  # not a canonical path
    assert c.get("/public/log/tile/entries/x000/000", headers=reader).status_code == 404


def test_entry_bundles_are_not_public(board: BoardFixture) -> None:
    """The entry bundles hold every entry's full text (decision records, findings, objections,
    incidents, redacted content): the board serves them only to tokens that read everything,
    while the checkpoint and the hash tiles stay public."""
    c = board.client
    for path in ("tile/entries/000", "tile/entries/001.p/44", "tile/entries/large/000", "tile/entries/x000/000"):
        r = c.get(f"/public/log/{path}")
        assert r.status_code == 401, path
        assert b"bulk" not in r.content and "token" in r.text, path
    assert c.get("/public/log/tile/entries/000", headers={"Authorization": "Bearer cgt_wrong"}).status_code == 401
    assert c.get("/public/log/tile/entries/000", headers=board.auth("external")).status_code == 200
    # a token that does not read everything (an author's reads up to internal) is refused too
    r = c.get("/public/log/tile/entries/000", headers=board.auth("author"))
    assert r.status_code == 403 and b"bulk" not in r.content and "reads up to internal" in r.text
    assert c.get("/public/log/tile/0/000").status_code == 200
    assert c.get("/public/log/checkpoint").status_code == 200


def test_public_log_page_links_the_tiles(board: BoardFixture) -> None:
    page = board.client.get("/public/log").text
    assert 'href="/public/log/tile/0/000"' in page and 'href="/public/log/tile/entries/' not in page
    assert "casegate log client --url" in page and "not public" in page


@pytest.fixture
def served(board: BoardFixture) -> Iterator[str]:
    with serve(board.client.app, log_level="error") as base:
        yield f"{base}/public/log"


def test_client_reads_the_board_over_http(board: BoardFixture, served: str, tmp_path: Path) -> None:
    key = load_public_key(str(tmp_path / "log.pem") + ".pub")
    public = open_tiles(served)
    cp = public.checkpoint(key, origin="board.casegate.example/log")
    public.inclusion_proof(cp.tree_size - 1, cp)  # proofs need no token
    with pytest.raises(TileStoreError, match="not public"):
        public.entry(cp.tree_size - 1, cp)
    with pytest.raises(TileStoreError, match="answered 403") as refused:
        open_tiles(served, token=board.tokens["author"]).entry(cp.tree_size - 1, cp)
    assert "ceiling is secret" in (refused.value.help or "")
    tiles = open_tiles(served, token=board.tokens["external"])
    cp = tiles.checkpoint(key, origin="board.casegate.example/log")
    e = tiles.entry(cp.tree_size - 1, cp)
    assert e.entry.kind == "decision" and e.entry.payload == {"n": 299}
    assert tiles.fetches <= 6
    state = ClientState(tmp_path / "state.json")
    assert state.advance(tiles, cp).previous is None
