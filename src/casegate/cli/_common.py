"""Helpers shared by the command modules: output, dates, formats.

This module does not import Typer: `check` and `gate` run without it (see `_fast`)."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..terminal import escape_controls

if TYPE_CHECKING:
    from ..evidence import ArtifactState
    from ..load import Loaded, SourceFile
    from ..model import DecisionRecord, Policy
    from ..trust import TrustRoot


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"
    github = "github"
    junit = "junit"


def command_line() -> str:
    """The command as typed (for SARIF's invocation record)."""
    import shlex

    return shlex.join(["casegate", *sys.argv[1:]])


def parse_date(value: str | None, what: str = "--at") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{what}: {value!r} is not a date", help="write dates as YYYY-MM-DD") from None


def out(text: str) -> None:
    """Print to stdout, control characters from input files shown as escapes."""
    text = escape_controls(text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def err(text: str) -> None:
    """Print to stderr, control characters from input files shown as escapes."""
    text = escape_controls(text)
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def fail(code: int) -> None:
    """End a Typer command with exit code `code`."""
    import typer

    raise typer.Exit(code)


def configured_registry(db: str | None):  # type: ignore[no-untyped-def]
    """The registry named by --db or $CASEGATE_DATABASE_URL, else ./.casegate/registry.db when it
    exists; None when no registry is configured."""
    import os

    url = db or os.environ.get("CASEGATE_DATABASE_URL") or None  # an empty value is no registry named
    if url is None:
        default = Path.cwd() / ".casegate" / "registry.db"
        if not default.exists():
            return None
        url = f"sqlite:///{default}"
    from ..store import open_registry

    return open_registry(url)


def required_registry(db: str | None, what: str):  # type: ignore[no-untyped-def]
    """The configured registry (see `configured_registry`); InputError naming `what` cannot be
    done ("the protocol cannot be registered") when none is configured."""
    reg = configured_registry(db)
    if reg is None:
        raise InputError(f"no registry is configured, so {what}",
                         help="pass --db, set $CASEGATE_DATABASE_URL, or create ./.casegate/registry.db "
                              "(`casegate registry submit`)")
    return reg


def valid_policy(path: Path, then: str) -> tuple[Policy, SourceFile]:
    """The policy at `path` and its source; InputError with the first diagnostic when it does not
    load (`then`: what to do after fixing it)."""
    from ..load import load_policy

    pol, src, diags = load_policy(path)
    if pol is None:
        first = diags[0] if diags else None
        raise InputError(f"{path} is not a valid policy" + (f": {first.message}" if first else ""),
                         location=str(path), help=f"fix the policy, then {then}")
    return pol, src


def log_keyring_change(db: str | None, change: str, path: object, before: str | None, ring: object,
                       **detail: object) -> None:
    """Record a keyring change in the registry's log whenever a registry is in use (--db,
    $CASEGATE_DATABASE_URL or ./.casegate/registry.db): what changed, and the keyring's
    fingerprint before and after, so the log says when each key was added or revoked."""
    reg = configured_registry(db)
    if reg is None:
        return
    with reg:
        e = reg.record("keyring-change", None, {
            "change": change, "keyring": str(path), "name": getattr(ring, "name", None),
            "fingerprint_before": before, "fingerprint": ring.fingerprint(),  # type: ignore[attr-defined]
            **detail})
    out(f"recorded the keyring change in the log (entry {e.index}); the registry makes no state proof until a "
        "checkpoint covers it: sign one (`casegate log checkpoint`)")


def fetch_comparison(loaded, db: str | None, keyring: object | None = None):  # type: ignore[no-untyped-def]
    """What the gate compares `loaded` with, from the configured registry (None without one)."""
    if loaded.case is None:
        return None
    reg = configured_registry(db)
    if reg is None:
        return None
    from ..monitor import comparison_for

    with reg:
        return comparison_for(reg, loaded, keyring=keyring)  # type: ignore[arg-type]


def attested(loaded: Loaded, keyring: Path | None, at: str | dt.date | None = None) -> Loaded:
    """The loaded case with its evidence attestations checked against the keyring file `keyring`
    (a Path, or None: no evidence is independent) as of the end of day `at` (a date, YYYY-MM-DD
    text, or None: now)."""
    if keyring is None or loaded.case is None:
        return loaded
    from ..sign import load_keyring, now_utc, with_attestations

    day = parse_date(at) if isinstance(at, str) else at
    when = dt.datetime.combine(day, dt.time.max, dt.UTC) if day is not None else now_utc()
    return with_attestations(loaded, load_keyring(keyring), when)


def decided(loaded: Loaded, keyring: Path | None, at: str | dt.date | None = None
            ) -> tuple[Loaded, DecisionRecord | None]:
    """The loaded case as a decision reads it and the decision on it, the way `gate` makes them
    (`casegate.verify.gate_inputs`): evidence attestations, sign-off envelopes and waivers checked
    against the keyring file `keyring` as of the end of day `at` (or today). A sign-off line
    without a valid envelope is declared, not signed, and does not count; with no keyring no line
    counts and no waiver applies. The decision is dated `at`, else the case's date. Returns
    (loaded, DecisionRecord); the record is None when the case cannot be built."""
    loaded, record, _ = decided_hashed(loaded, keyring, at)
    return loaded, record


def decided_hashed(loaded: Loaded, keyring: Path | None, at: str | dt.date | None = None, *,
                   compare: bool = False, db: str | None = None
                   ) -> tuple[Loaded, DecisionRecord | None, dict[str, ArtifactState]]:
    """`decided`, with the evidence artifacts as they were hashed for the decision (for what is
    published beside it: the files are hashed once, and the summary shows what the gate read).
    `compare`: the gate compares the case with what the configured registry (`db`) remembers of
    earlier versions and of other cases of the same model, as `gate` does (no registry: nothing)."""
    if loaded.case is None:
        return loaded, None, {}  # no case: no evidence, nothing hashed
    from ..evidence import rehash_artifacts
    from ..gate import run_gate
    from ..verify import gate_inputs

    day = parse_date(at) if isinstance(at, str) else at
    ring = None
    if keyring is not None:  # the keyring's module loads the signing stack: only when a keyring is given
        from ..sign import load_keyring

        ring = load_keyring(keyring)
    inputs = gate_inputs(loaded, ring, day or dt.date.today())
    artifacts = rehash_artifacts(inputs.loaded)
    comparison = fetch_comparison(inputs.loaded, db, ring) if compare else None
    record = run_gate(inputs.loaded, today=day, artifacts=artifacts, waivers=inputs.waivers,
                      waiver_problems=inputs.waiver_problems, comparison=comparison)
    return inputs.loaded, record, artifacts


DEFAULT_TOKENS = ".casegate/tokens.json"
"""The review board's token file, shared by `casegate token` and `casegate serve` (or $CASEGATE_TOKENS)."""


def tokens_path(given: Path | None) -> Path:
    """The token file: --tokens, else $CASEGATE_TOKENS, else ./.casegate/tokens.json."""
    import os

    if given is not None:
        return given
    return Path(os.environ.get("CASEGATE_TOKENS") or DEFAULT_TOKENS)


def state_dir(db: str | None = None) -> Path:
    """Where casegate keeps the registry's companions (publisher key, log key): beside the SQLite
    registry named by --db or $CASEGATE_DATABASE_URL, else ./.casegate."""
    import os

    url = db or os.environ.get("CASEGATE_DATABASE_URL") or ""
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///"):]).parent
    if url and "://" not in url:
        return Path(url).parent
    return Path(".casegate")



TRUST_ROOT_ENV = "CASEGATE_TRUST_ROOT"


def trust_root_path(given: Path | None) -> Path | None:
    """The trust root named: `given` (`--trust-root`), else $CASEGATE_TRUST_ROOT, else None."""
    import os

    if given is not None:
        return given
    env = os.environ.get(TRUST_ROOT_ENV)
    return Path(env) if env else None


def trust_root_given(given: Path | None) -> tuple[TrustRoot | None, str | None]:
    """The trust root named (`trust_root_path`) and None, or None and why it does not verify
    (signatures, chain, expiry: the answer is then "not verified"); (None, None) when none is named."""
    path = trust_root_path(given)
    if path is None:
        return None, None
    from ..trust import TrustRootError, load_trust_root

    try:
        return load_trust_root(path), None
    except TrustRootError as e:
        return None, f"{e.location}: {e.message}" if e.location else e.message
