"""The version 1 keyring file (a flat list of keys, each naming its person), read only to be
turned into version 2 (`casegate.sign.load_keyring`). Its models live apart so that reading a
version 2 file does not build them."""

from __future__ import annotations

from typing import Literal

from ..model import EMPTY_LIST, NON_EMPTY, Frozen
from ._keyring import KeyEntry


class _KeyV1(KeyEntry):
    """A key as a version 1 keyring lists it: a version 2 key entry with its holder's name."""

    person: str = NON_EMPTY


class _KeyringV1(Frozen):
    """A version 1 keyring file."""

    casegate: Literal[1]
    kind: Literal["keyring"] = "keyring"
    name: str
    note: str | None = None
    keys: list[_KeyV1] = EMPTY_LIST
