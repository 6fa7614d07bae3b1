"""Tiles in an S3-compatible object store: moto's S3 server on loopback, spoken to over HTTP by
boto3, the same way a MinIO or AWS bucket is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casegate.errors import StoreError
from casegate.ledger import S3Tiles, open_store, open_tiles, write_tiles
from casegate.store import sign_checkpoint

from .conftest import MemoryLog

pytest.importorskip("moto.server", reason="moto[server] is in the dev extra")

KEY = Ed25519PrivateKey.generate()


@pytest.fixture
def s3_endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    for k, v in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                 "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(k, v)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    import boto3

    boto3.client("s3", endpoint_url=url).create_bucket(Bucket="log-bucket")
    try:
        yield url
    finally:
        server.stop()


def _cp(log: MemoryLog, n: int) -> str:
    return sign_checkpoint("example.org/log", n, log.root(n), KEY).text()


def test_tiles_in_an_object_store(s3_endpoint: str, tmp_path: Path) -> None:
    log = MemoryLog(700)
    store = open_store("s3://log-bucket/logs/example", endpoint_url=s3_endpoint)
    first = write_tiles(log, store, _cp(log, 300), entries=True)
    assert "tile/0/001.p/44" in first.written
    second = write_tiles(log, store, _cp(log, 700), entries=True)
    assert second.old_size == 300 and "tile/0/000" not in second.written
    assert sorted(second.removed) == ["tile/0/001.p/44", "tile/entries/001.p/44"]
    # the same bytes as a local directory gets
    write_tiles(log, open_store(tmp_path), _cp(log, 700), entries=True)
    for path in ("tile/0/000", "tile/0/002.p/188", "tile/1/000.p/2", "tile/entries/001"):
        assert store.read(path) == (tmp_path / path).read_bytes(), path
    assert store.read("tile/0/001.p/44") is None
    # objects carry the headers a CDN in front of the bucket must serve
    import boto3

    s3 = boto3.client("s3", endpoint_url=s3_endpoint)
    full = s3.head_object(Bucket="log-bucket", Key="logs/example/tile/0/000")
    assert full["CacheControl"] == "public, max-age=31536000, immutable"
    assert full["ContentType"] == "application/octet-stream"
    bundle = s3.head_object(Bucket="log-bucket", Key="logs/example/tile/entries/001")
    assert bundle["CacheControl"] == "private, max-age=31536000, immutable"  # never kept by a shared cache
    cp = s3.head_object(Bucket="log-bucket", Key="logs/example/checkpoint")
    assert cp["CacheControl"] == "no-cache" and cp["ContentType"].startswith("text/plain")
    # and a client reads the log straight from the bucket
    tiles = open_tiles("s3://log-bucket/logs/example", endpoint_url=s3_endpoint)
    c = tiles.checkpoint(KEY.public_key())
    assert c.tree_size == 700
    assert tiles.entry(650, c).entry.payload["n"] == 650


def test_full_tiles_in_the_bucket_are_never_overwritten(s3_endpoint: str) -> None:
    log = MemoryLog(300)
    store = S3Tiles("s3://log-bucket", endpoint_url=s3_endpoint)
    store.write("tile/0/000", b"\x00" * 8192)
    with pytest.raises(StoreError, match="already holds tile/0/000 with other contents"):
        write_tiles(log, store, _cp(log, 300), entries=True)
    assert store.read("checkpoint") is None


def test_unreachable_or_missing_bucket_is_a_store_error(s3_endpoint: str) -> None:
    store = S3Tiles("s3://no-such-bucket/x", endpoint_url=s3_endpoint)
    with pytest.raises(StoreError, match="cannot write"):
        store.write("checkpoint", b"x")
    dead = S3Tiles("s3://log-bucket", endpoint_url="http://127.0.0.1:9")
    with pytest.raises(StoreError, match="cannot read"):
        dead.read("checkpoint")
