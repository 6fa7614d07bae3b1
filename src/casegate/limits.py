"""The bounds casegate keeps on what it reads, and the two rules every input file passes: it is a
regular file (never a device, FIFO or socket), and it lies inside the folder the user trusts.

Every limit is checked before the work it bounds: a file's size before it is read, a YAML tree's
node count before Python objects are built from it, an alias's expansion while it is expanded, a
zip entry's declared size before it is inflated (and the inflation itself is capped). Past a
limit, reading stops with a `LimitError` (exit 2) that names the limit and how to raise it.

Each limit can be raised (or lowered) with an environment variable `CASEGATE_LIMIT_<NAME>`, e.g.
`CASEGATE_LIMIT_FILE_BYTES=134217728`; `casegate limits` lists them (docs/security.md too).
"""


import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from ._patterns import kept
from ._record import FrozenRecord
from .errors import InputError

MiB = 1 << 20


class Limits(FrozenRecord):
    """The bounds on input. Defaults fit cases of 100,000+ argument elements with room to spare."""

    _fields = ("file_bytes", "case_bytes", "yaml_nodes", "alias_nodes", "depth", "includes", "include_depth",
               "log_bytes", "log_entries", "json_bytes", "proof_entries", "proof_bytes",
               "no_go_versions", "buried_versions")
    file_bytes: int
    """Size of one YAML file (case, include, policy, keyring)."""
    case_bytes: int
    """Size of all the YAML files of one case together."""
    yaml_nodes: int
    """Nodes (mappings, sequences, scalars) of one YAML file, or of a case's files together,
    bounded from above by counting structural characters before anything is parsed."""
    alias_nodes: int
    """Nodes built by expanding aliases (`*name`) in one YAML file."""
    depth: int
    """Nesting depth of a YAML or JSON document."""
    includes: int
    """Files a case may include, directly or through other includes."""
    include_depth: int
    """How deep includes may nest (a file included by an included file is depth 2)."""
    log_bytes: int
    """Decompressed size of what casegate reads of one evaluation log: an Inspect `.eval`
    archive's entries other than the sample transcripts (header, sample summaries, reductions),
    or a whole Inspect `.json` log."""
    log_entries: int
    """Entries in one Inspect `.eval` archive."""
    json_bytes: int
    """Size of one JSON evidence file (an lm-eval results or samples file)."""
    proof_entries: int
    """Log entries one state proof holds: those from the case's first on (`entries`), those before
    it (`earlier`) and the keyring changes, together."""
    proof_bytes: int
    """Size of one state proof (a `--state-proof` file, or the review board's answer)."""
    no_go_versions: int
    """Versions judged NO-GO since their case's last approval, among the cases about one model, that
    a decision is compared with (every one is, however many versions follow; past this, no
    decision is made on the model)."""
    buried_versions: int
    """Versions past the cut of the versions since an approval (the first and last ten), among the
    cases about one model, that a decision is compared with because each holds an artifact (a run's
    log) no other compared version holds (past this, no decision is made on the model)."""

    def __init__(self, file_bytes: int = 64 * MiB, case_bytes: int = 256 * MiB, yaml_nodes: int = 2_000_000,
                 alias_nodes: int = 10_000, depth: int = 64, includes: int = 1_000, include_depth: int = 16,
                 log_bytes: int = 512 * MiB, log_entries: int = 500_000, json_bytes: int = 1024 * MiB,
                 proof_entries: int = 1_000_000, proof_bytes: int = 256 * MiB,
                 no_go_versions: int = 500, buried_versions: int = 500) -> None:
        object.__setattr__(self, "file_bytes", file_bytes)
        object.__setattr__(self, "case_bytes", case_bytes)
        object.__setattr__(self, "yaml_nodes", yaml_nodes)
        object.__setattr__(self, "alias_nodes", alias_nodes)
        object.__setattr__(self, "depth", depth)
        object.__setattr__(self, "includes", includes)
        object.__setattr__(self, "include_depth", include_depth)
        object.__setattr__(self, "log_bytes", log_bytes)
        object.__setattr__(self, "log_entries", log_entries)
        object.__setattr__(self, "json_bytes", json_bytes)
        object.__setattr__(self, "proof_entries", proof_entries)
        object.__setattr__(self, "proof_bytes", proof_bytes)
        object.__setattr__(self, "no_go_versions", no_go_versions)
        object.__setattr__(self, "buried_versions", buried_versions)

    def describe(self, name: str) -> str:
        return f"{name.replace('_', '-')} ({getattr(self, name):,})"


def env_name(field_name: str) -> str:
    return f"CASEGATE_LIMIT_{field_name.upper()}"


def current_limits() -> Limits:
    """The limits in force: the defaults, overridden by `CASEGATE_LIMIT_*` variables."""
    values: dict[str, int] = {}
    for name in Limits._fields:
        raw = os.environ.get(env_name(name))
        if raw is None or not raw.strip():
            continue
        try:
            v = int(raw.strip().replace("_", ""))
        except ValueError:
            raise InputError(f"{env_name(name)}={raw!r} is not a whole number",
                             help="set it to a positive whole number, or unset it for the default") from None
        if v <= 0:
            raise InputError(f"{env_name(name)}={raw!r} must be positive",
                             help="set it to a positive whole number, or unset it for the default")
        values[name] = v
    return Limits(**values)


class LimitError(InputError):
    """An input is larger, deeper or more repetitive than a limit allows."""

    def __init__(self, limit: str, what: str, *, location: str | None = None):
        lim = current_limits()
        super().__init__(
            f"{what}: over the {lim.describe(limit)} limit",
            location=location,
            help=f"if the input is trusted, raise the limit with {env_name(limit)}=N",
        )
        self.limit = limit


# --------------------------------------------------------------------------- state proofs
# One definition for whoever makes a state proof (`casegate state-proof`, the board) and whoever
# reads one (`verify`): a proof the maker would hand over is one the verifier takes.


def check_proof_entries(entries: int, earlier: int = 0, keyring_changes: int = 0, *,
                        location: str = "the state proof", made: bool = False) -> None:
    """Raise LimitError (exit 2) when a state proof holds (`made`: would hold) more log entries than
    the `proof-entries` limit: `entries` from the case's first on, `earlier` ones before it and
    `keyring_changes`, together."""
    held = entries + earlier + keyring_changes
    if held > current_limits().proof_entries:
        lead = f" ({earlier:,} of them before the case's first, in `earlier`)" if earlier else ""
        raise LimitError("proof_entries", f"the state proof {'would hold' if made else 'holds'} {held:,} log "
                                          f"entries{lead}", location=location)


def proof_byte_limit() -> str:
    """The limit that bounds a state proof's bytes: `proof-bytes`, or `json-bytes` when that is
    lower (a proof is a JSON document too)."""
    lims = current_limits()
    return "proof_bytes" if lims.proof_bytes < lims.json_bytes else "json_bytes"


def check_proof_bytes(size: int, *, location: str = "the state proof") -> None:
    """Raise LimitError (exit 2) when a state proof about to be written or served is `size` bytes,
    more than `verify` reads of one (`proof_byte_limit`)."""
    name = proof_byte_limit()
    if size > getattr(current_limits(), name):
        raise LimitError(name, f"the state proof would be {size:,} bytes, more than `verify` reads",
                         location=location)


def read_regular_file(path: Path, shown: str, *, limit: str = "file_bytes",
                      max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file, refusing devices, FIFOs and sockets before they are opened
    for reading (so `/dev/zero` or a FIFO never hangs or fills memory) and files over the limit."""
    cap = max_bytes if max_bytes is not None else getattr(current_limits(), limit)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError("file not found", location=shown,
                         help="check the path (it is relative to the file naming it)") from None
    except OSError as e:
        raise InputError(f"cannot read the file: {e.strerror}", location=shown) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory, not a file", location=shown,
                         help="give the path of a file") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file (a device, FIFO or socket); refused", location=shown,
                         help="name a regular file")
    if st.st_size > cap:
        raise LimitError(limit, f"the file is {st.st_size:,} bytes", location=shown)
    try:
        # O_NONBLOCK: were the file swapped for a FIFO after the stat, opening it does not hang
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise InputError(f"cannot read the file: {e.strerror}", location=shown) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError("not a regular file (a device, FIFO or socket); refused", location=shown,
                             help="name a regular file")
        chunks: list[bytes] = []
        total = 0
        # the whole file in one read (one buffer, not a copy of the chunks joined: a large case's
        # files take megabytes), then whatever it grew by
        want = st.st_size + 1
        while True:
            chunk = os.read(fd, min(want, cap + 1 - total))
            want = 1 << 20
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > cap:
                raise LimitError(limit, "the file grew while it was read", location=shown)
        return b"".join(chunks)
    except OSError as e:
        raise InputError(f"cannot read the file: {e.strerror}", location=shown) from None
    finally:
        os.close(fd)


def resolve_path(path: Path, what: str = "the file") -> Path:
    """`path` with `..` and symlinks resolved, or an InputError naming it when it cannot be (a
    symlink loop, a NUL character in the name)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError) as e:  # RuntimeError: pathlib's "Symlink loop"
        reason = "a symbolic link loop" if isinstance(e, RuntimeError) or getattr(e, "errno", None) == 40 \
            else (e.strerror if isinstance(e, OSError) and e.strerror else str(e))
        raise InputError(f"{what} cannot be resolved to a real path ({reason})", location=str(path),
                         help="point the path (and any symbolic link on it) at an existing file or folder") from None


def default_root(case_file: Path) -> Path:
    """The folder a case's files must stay inside when the user names none: the top of the
    version-controlled work tree holding the case (a folder with `.git`), else the case's folder."""
    folder = resolve_path(case_file, "the case file").parent
    for d in (folder, *folder.parents):
        if (d / ".git").exists():
            return d
    return folder


def outside_root(path: Path, root: Path) -> bool:
    """Whether `path`, resolved (symlinks followed), lies outside `root` (already resolved)."""
    return _inside_root(path, root) is None


def _inside_root(path: Path, root: Path) -> Path | None:
    """`path` resolved (symlinks followed) when it lies inside `root` (already resolved), else None."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop; a NUL character in the name
        return None
    return resolved if resolved.is_relative_to(root) else None


def confine(path: Path, root: Path, shown: str, what: str) -> Path:
    """`path` resolved, or an InputError when it leaves `root` (by `..`, an absolute path or a
    symlink)."""
    if "\x00" in str(path):  # no file name holds one (the system refuses it)
        raise InputError(
            f"{what} {shown!r} has a NUL character in its name; refused",
            location=None,
            help="name the file by its path inside the case's folder, without control characters",
        )
    resolved = _inside_root(path, root)  # resolved once: each resolve walks the path's folders
    if resolved is None:
        resolve_path(path, f"{what} {shown!r}")  # a path that cannot be resolved says so, not "outside"
        raise InputError(
            f"{what} {shown!r} is outside the case's root folder {str(root)!r}; refused",
            location=None,
            help="keep the case's files inside its folder, or name a wider root with --root DIR "
                 "(or CASEGATE_ROOT) if you trust everything under it",
        )
    return resolved


# The patterns of this module are kept as text: `re` compiles each the first time it is used (and
# keeps it), so a run that reads no JSON document does not pay for compiling them.
_JSON_STRING = rb'(?s)"(?:[^"\\]|\\.)*"'
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_NOT_BRACKETS_OR_QUOTES = bytes(b for b in range(256) if b not in b'[]{}"')


def _brackets(text: bytes) -> bytes:
    """The brackets of a JSON text outside its strings, in order. Without a backslash every `"`
    opens or closes a string, so with an even number of them the strings are every other piece
    between quotes (most documents casegate reads, salt stores among them: a split instead of a
    pattern run over every string)."""
    if b"\\" not in text:
        kept = text.translate(None, _NOT_BRACKETS_OR_QUOTES)
        pieces = kept.split(b'"')
        if len(pieces) % 2:
            return b"".join(pieces[::2])
    return re.sub(_JSON_STRING, b"", text).translate(None, _NOT_BRACKETS)


_INNERMOST = kept(rb"\[\]|\{\}")


def json_too_deep(text: bytes, depth: int) -> bool:
    """Whether a JSON text nests containers deeper than `depth`, decided before it is parsed
    (Python's parser would recurse once per level). Each pass removes the innermost pairs of
    brackets, so at most `depth` passes over the brackets alone."""
    if text.count(b"[") + text.count(b"{") <= depth:
        return False
    brackets = _brackets(text)
    for _ in range(depth):
        if not brackets:
            return False
        shorter = _INNERMOST.sub(b"", brackets)
        if len(shorter) == len(brackets):
            return False  # unbalanced: not JSON, the parser says where
        brackets = shorter
    return bool(brackets)


_DIGITS = r"value has (\d+) digits"
_NEWLINE = b"\n"


def long_number(e: ValueError, text: bytes | str) -> str | None:
    """What is wrong, in casegate's words, when `e` is Python's refusal of a JSON integer longer
    than it converts (`sys.get_int_max_str_digits()`, 4,300 by default): the number's line and
    length. None for any other error. Searched for only once the parser has refused the text."""
    m = re.search(_DIGITS, str(e))
    if m is None or "integer string conversion" not in str(e):
        return None
    limit = sys.get_int_max_str_digits()
    raw = text.encode() if isinstance(text, str) else text
    # the first run of digits that long outside a string (one inside a string would not fail)
    at = next((x.start() for x in re.finditer(rb"\d{%d,}" % (limit + 1), raw)
               if raw[max(0, x.start() - 1):x.start()] in (b"", b" ", b"\t", b"\n", b"\r", b":", b",", b"[", b"-")),
              None)
    where = "" if at is None else f"line {raw.count(_NEWLINE, 0, at) + 1}: "
    return f"{where}a number of {int(m.group(1)):,} digits, longer than the {limit:,} digits casegate reads"


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_json_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a JSON file the user names: a regular file within the `json_bytes` limit whose
    nesting is within the `depth` limit, checked before any parser recurses into it."""
    raw = read_regular_file(path, shown, limit="json_bytes")
    if json_too_deep(raw, current_limits().depth):
        raise LimitError("depth", "the JSON nests too deep", location=shown)
    return raw


def read_json_document(path: Path, what: str, *, missing_help: str | None = None, limit: str = "json_bytes") -> Any:
    """A JSON document from a file the user names (`what`: "the decision bundle"): a regular file
    within the `json_bytes` limit (or `limit`), read as `strict_json`. A missing file says what was
    missing."""
    if not os.path.lexists(path):
        raise InputError(f"{what} not found", location=str(path), help=missing_help or "check the path")
    return strict_json(read_regular_file(path, str(path), limit=limit), str(path))


def strict_json(text: bytes | str, source: str) -> Any:
    """JSON for documents whose every value counts (disclosures, bundles): a key given twice,
    NaN or an infinity, or nesting past the `depth` limit is refused, never read one way by
    casegate and another by the next reader."""
    raw = text.encode() if isinstance(text, str) else text
    if json_too_deep(raw, current_limits().depth):
        raise LimitError("depth", "the JSON nests too deep", location=source)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        d = dict(items)
        if len(d) != len(items):
            seen: set[str] = set()
            dup = next(k for k, _ in items if k in seen or seen.add(k))  # type: ignore[func-returns-value]
            raise InputError(f"the key {dup!r} appears twice in one object", location=source,
                             help="a document a decision rests on must say each thing once")
        return d

    try:
        return json.loads(raw, object_pairs_hook=pairs, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON: {e.msg} (line {e.lineno}, column {e.colno})", location=source,
                         help="pass the file casegate wrote") from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 JSON", location=source, help="pass the file casegate wrote") from None
    except ValueError as e:
        too_long = long_number(e, raw)
        if too_long is not None:
            raise InputError(f"not acceptable JSON: {too_long}", location=source,
                             help="a document casegate reads holds no number that long: pass the file "
                                  "casegate wrote") from None
        raise InputError(f"not acceptable JSON: {e}", location=source,
                         help="numbers must be finite (no NaN or Infinity)") from None
    except RecursionError:
        raise LimitError("depth", "the JSON nests too deep", location=source) from None
