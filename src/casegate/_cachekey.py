"""The key that authenticates what casegate keeps between runs in its cache folder.

casegate caches the facts it derives from evidence logs and its compiled page templates. A cache
folder is often shared or brought from elsewhere: a CI cache saved by another job (perhaps one
run for a pull request), a copied home folder, a team's network drive. An entry written there by
someone else must never become a fact a decision rests on, nor code that runs. So every entry is
written with an HMAC-SHA256 tag under a key kept in this user's state folder, apart from the cache
(`CASEGATE_STATE_DIR`, else `$XDG_STATE_HOME/casegate`, else `~/.local/state/casegate`), and
bound to the entry's name and purpose. An entry without a valid tag is derived or compiled
again. When the key cannot be kept privately (a folder others can write to, a key file others can
read), nothing is cached: every run derives and compiles afresh, which costs only time.
"""

from __future__ import annotations

import hmac
import os
import secrets
import stat
from functools import cache
from pathlib import Path

from ._userdirs import state_dir

KEY_BYTES = 32
"""Length of the key (and of each tag)."""
_KEY_FILE = "cache.key"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def private_folder(folder: Path) -> bool:
    """Whether `folder` is (or has just been made, mode 0700) a folder only this user can write
    to. Where ownership and modes are not POSIX, whether it exists."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = folder.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & 0o022)


def _read_key(path: Path) -> bytes | None:
    """The key in `path` when it is a regular file of this user's that no one else can read or
    write, holding exactly a key; None otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        getuid = getattr(os, "getuid", None)
        if not stat.S_ISREG(st.st_mode) or (getuid is not None and (st.st_uid != getuid() or st.st_mode & 0o077)):
            return None
        key = f.read(KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None


@cache
def cache_key() -> bytes | None:
    """This user's cache key, made on first use; None when it cannot be kept privately."""
    folder = state_dir()
    if not private_folder(folder):
        return None
    path = folder / _KEY_FILE
    key = _read_key(path)
    if key is not None or path.exists() or path.is_symlink():
        return key  # a key file that is not private is not replaced: no cache until it is mended
    tmp = folder / f".{_KEY_FILE}-{secrets.token_hex(8)}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(KEY_BYTES))
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)  # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
    except OSError:
        return None
    finally:
        try:
            tmp.unlink()
        except OSError:
            pass
    return _read_key(path)


def _tag(key: bytes, purpose: str, name: str, data: bytes) -> bytes:
    label = f"casegate cache\x00{purpose}\x00{name}\x00".encode()
    return hmac.digest(key, label + data, "sha256")  # hmac.new(...).digest() in one call, in C


def sealed(purpose: str, name: str, data: bytes) -> bytes | None:
    """`data` with its tag in front, as a cache entry `name` for `purpose` is written; None when
    there is no key (the entry is then not written)."""
    key = cache_key()
    if key is None:
        return None
    return _tag(key, purpose, name, data) + data


def opened(purpose: str, name: str, entry: bytes) -> bytes | None:
    """The data of a cache entry written by `sealed` for this purpose and name; None when its
    tag does not verify (written by someone else, for another entry, or damaged) or there is no
    key."""
    key = cache_key()
    if key is None or len(entry) < KEY_BYTES:
        return None
    data = entry[KEY_BYTES:]
    if not hmac.compare_digest(entry[:KEY_BYTES], _tag(key, purpose, name, data)):
        return None
    return data
