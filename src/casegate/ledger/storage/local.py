"""Tiles in a local directory: each object a file, written to a temporary name and renamed."""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from .interface import TileStoreError


class LocalTiles:
    """A directory holding the tlog-tiles layout (serve it with any static web server)."""

    def __init__(self, root: str | os.PathLike[str]):
        self.root = Path(root)
        self.location = str(self.root)

    def _file(self, path: str) -> Path:
        if path.startswith("/") or ".." in path.split("/") or "\\" in path:
            raise TileStoreError(f"{path!r} is not a tile path")
        return self.root / path

    def read(self, path: str) -> bytes | None:
        try:
            return self._file(path).read_bytes()
        except FileNotFoundError:
            return None
        except NotADirectoryError:
            return None
        except OSError as e:
            raise TileStoreError(f"cannot read {path}: {e.strerror}", location=self.location) from None

    def _temp(self, path: str, data: bytes, sync: bool) -> tuple[Path, Path]:
        final = self._file(path)
        tmp = final.parent / f".{final.name}.{secrets.token_hex(6)}.tmp"
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(data)
                if sync:
                    f.flush()
                    os.fsync(f.fileno())
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise TileStoreError(f"cannot write {path}: {e.strerror}", location=self.location,
                                 help="check the directory exists, is writable and has space") from None
        return tmp, final

    def write(self, path: str, data: bytes) -> None:
        # the checkpoint is synced: it must never name tiles that a crash could lose
        tmp, final = self._temp(path, data, sync=path == "checkpoint")
        try:
            os.replace(tmp, final)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise TileStoreError(f"cannot write {path}: {e.strerror}", location=self.location) from None

    def write_new(self, path: str, data: bytes) -> bool:
        tmp, final = self._temp(path, data, sync=False)
        try:
            os.link(tmp, final)  # fails if the name exists: full tiles are never replaced
            return True
        except FileExistsError:
            return False
        except OSError as e:
            if e.errno in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):  # no hard links here
                if final.exists():
                    return False
                os.replace(tmp, final)
                return True
            raise TileStoreError(f"cannot write {path}: {e.strerror}", location=self.location) from None
        finally:
            tmp.unlink(missing_ok=True)

    def delete(self, path: str) -> None:
        f = self._file(path)
        try:
            f.unlink(missing_ok=True)
            if f.parent.name.endswith(".p") and not any(f.parent.iterdir()):
                f.parent.rmdir()  # the `<N>.p/` folder of superseded partial tiles
        except OSError as e:
            raise TileStoreError(f"cannot delete {path}: {e.strerror}", location=self.location) from None

    def listdir(self, prefix: str) -> list[str]:
        folder = self._file(prefix)
        try:
            return sorted(f"{prefix}/{p.name}" for p in folder.iterdir() if not p.name.endswith(".tmp"))
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as e:
            raise TileStoreError(f"cannot list {prefix}: {e.strerror}", location=self.location) from None
