"""Tiles in an S3-compatible object store (AWS S3, MinIO, Ceph, R2, ...), through boto3.

Objects are written whole (S3 never shows a partly written object) with the Content-Type and
Cache-Control the layout calls for, so a CDN or the bucket's own web endpoint serves them right.
"""

from __future__ import annotations

import os
from typing import Any

from ...errors import InputError, MissingExtraError
from .interface import TileStoreError, cache_control, content_type

ENDPOINT_ENV = "CASEGATE_S3_ENDPOINT_URL"
"""The object store's endpoint URL when it is not AWS (e.g. http://127.0.0.1:9000)."""


def parse_s3_url(url: str) -> tuple[str, str]:
    """`s3://bucket/prefix` -> (bucket, prefix without slashes at the ends)."""
    rest = url[len("s3://"):]
    bucket, _, prefix = rest.partition("/")
    if not bucket:
        raise InputError(f"{url!r} names no bucket", help="write s3://BUCKET or s3://BUCKET/PREFIX")
    return bucket, prefix.strip("/")


class S3Tiles:
    """A bucket (and optional key prefix) holding the tlog-tiles layout."""

    def __init__(self, url: str, *, endpoint_url: str | None = None, client: Any = None):
        self.bucket, self.prefix = parse_s3_url(url)
        self.location = url
        if client is None:
            try:
                import boto3
            except ImportError:
                raise MissingExtraError("boto3", "s3") from None
            endpoint_url = endpoint_url or os.environ.get(ENDPOINT_ENV) or None
            client = boto3.client("s3", endpoint_url=endpoint_url)
        self.client = client

    def _key(self, path: str) -> str:
        return f"{self.prefix}/{path}" if self.prefix else path

    def _fail(self, doing: str, path: str, e: Exception) -> TileStoreError:
        return TileStoreError(f"cannot {doing} {path} in {self.location}: {e}", location=self.location,
                              help=f"check the bucket exists, the credentials, and the endpoint (${ENDPOINT_ENV})")

    @staticmethod
    def _missing(e: Exception) -> bool:
        code = str(getattr(e, "response", {}).get("Error", {}).get("Code", ""))
        return code in ("NoSuchKey", "404", "NotFound")

    def read(self, path: str) -> bytes | None:
        try:
            obj = self.client.get_object(Bucket=self.bucket, Key=self._key(path))
            return bytes(obj["Body"].read())
        except Exception as e:
            if self._missing(e):
                return None
            raise self._fail("read", path, e) from None

    def write(self, path: str, data: bytes) -> None:
        try:
            self.client.put_object(Bucket=self.bucket, Key=self._key(path), Body=data,
                                   ContentType=content_type(path), CacheControl=cache_control(path))
        except Exception as e:
            raise self._fail("write", path, e) from None

    def write_new(self, path: str, data: bytes) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(path))
            return False
        except Exception as e:
            if not self._missing(e):
                raise self._fail("look up", path, e) from None
        self.write(path, data)
        return True

    def delete(self, path: str) -> None:
        try:
            self.client.delete_object(Bucket=self.bucket, Key=self._key(path))
        except Exception as e:
            raise self._fail("delete", path, e) from None

    def listdir(self, prefix: str) -> list[str]:
        out: list[str] = []
        try:
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=self._key(prefix.rstrip("/") + "/"))
            for page in pages:
                for obj in page.get("Contents", []):
                    key = str(obj["Key"])
                    out.append(key[len(self.prefix) + 1:] if self.prefix else key)
        except Exception as e:
            raise self._fail("list", prefix, e) from None
        return sorted(out)
