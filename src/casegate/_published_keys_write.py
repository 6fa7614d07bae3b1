"""Writing `_published_keys_data.py`: the list of keys whose private halves casegate's repository
holds (`python -m casegate._published_keys --write`, when casegate is developed). Kept apart from
`casegate._published_keys`, which every keyring read imports."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ._published_keys import raw_ed25519


def repository() -> Path:
    """The repository casegate is developed in (worked out only when the list is written)."""
    return Path(__file__).resolve().parents[2]


def data_file() -> Path:
    """The generated list, `_published_keys_data.py`."""
    return Path(__file__).with_name("_published_keys_data.py")


_MARK = "written by `python -m casegate._published_keys --write`"
_SKIP_DIRS = {".git", ".venv", "node_modules", "__pycache__", "out", ".mypy_cache", ".ruff_cache"}


def _files(root: Path) -> list[Path]:
    """Every file of the repository: those git tracks, and those not yet added that it does not
    ignore (without git, every file but the virtual environment's and the demo's output)."""
    import subprocess

    try:
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others",
                                 "--exclude-standard"], capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        out = []
        for d, dirs, names in os.walk(root):
            dirs[:] = sorted(x for x in dirs if x not in _SKIP_DIRS)
            out += [Path(d) / n for n in sorted(names)]
        return out
    return [root / n for n in sorted({n.decode() for n in listed.split(b"\0") if n})]


def shipped_private_keys(root: Path | None = None) -> dict[str, str]:
    """raw public hex -> repository path, for every private key the repository holds: PEM blocks
    (`-----BEGIN ... PRIVATE KEY-----`) and note signer keys (`PRIVATE+KEY+name+id+base64`) in
    any text file. A block that cannot be read is an error: a key no one can read cannot be
    listed, and a published one must be."""
    import re

    root = root or repository()
    pem = re.compile(rb"-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[A-Za-z0-9+/=\s:,-]*?-----END \1PRIVATE KEY-----")
    note = re.compile(rb"PRIVATE\+KEY\+[^+\s\"']+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]{44,}")
    found: dict[str, str] = {}
    for f in _files(root):
        try:
            if f.stat().st_size > 5_000_000:
                continue
            data = f.read_bytes()
        except OSError:
            continue
        if b"PRIVATE" not in data:
            continue
        rel = f.relative_to(root).as_posix()
        for m in [*pem.finditer(data), *note.finditer(data)]:
            raw = raw_ed25519(m.group(0).decode("ascii"))
            if raw is None:
                raise ValueError(f"{rel}: a private key casegate cannot read as Ed25519: {m.group(0)[:40]!r}")
            found.setdefault(raw.hex(), rel)
    return dict(sorted(found.items(), key=lambda kv: (kv[1], kv[0])))


def render(root: Path | None = None) -> str:
    """The text of `_published_keys_data.py` for the repository at `root`."""
    lines = [f'"""The public keys whose private halves casegate publishes: {_MARK}. Do not edit."""', "",
             "# raw Ed25519 public key, hex -> the file that publishes its private half",
             "PUBLISHED: dict[str, str] = {"]
    lines += [f"    {k!r}: {v!r}," for k, v in shipped_private_keys(root).items()]
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Print the list's text, or with `--write` write it."""
    text = render()
    if sys.argv[1:] == ["--write"]:
        data_file().write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
