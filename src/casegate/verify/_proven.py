"""Checking a state proof against the trust root: the checkpoint must be signed by the log key
the root pins (and cosigned by its witnesses, when it names them), no older than the root
allows, and the proof must hold every log entry from the case's first to the end of the
checkpoint's tree (`store._proof`), so none of the case's entries can be left out; the case's
state is what its entries replay to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..errors import VerificationError
from ..sign import LoggedAt, envelope_sha256
from ..store import (
    OLD_STATE_PROOF,
    PROOF_KINDS,
    STATE_PROOF_VERSION,
    Checkpoint,
    LogEntry,
    checkpoint_keyring_changes,
    checkpoint_time,
    checkpoint_trust_root,
    fresh_problem,
    leaf_of,
    parse_checkpoint,
    replay,
    verify_cosignature,
    verify_inclusion,
    verify_tail,
)
from ..trust import TRUST_ROOT_EVENT, TrustRoot

FUTURE_SKEW = dt.timedelta(minutes=5)
"""How far ahead of the verifier's clock a checkpoint's time may be."""
_LAST_SECOND = 253402300799
"""9999-12-31T23:59:59Z: a signed time past it (a cosignature's is 8 bytes) is read as then."""


def _seconds(ts: int) -> dt.datetime:
    """The instant `ts` Unix seconds (a signed time) names, read as 9999-12-31 past the calendar."""
    return dt.datetime.fromtimestamp(min(ts, _LAST_SECOND), dt.UTC)


@dataclass(frozen=True)
class ProvenState:
    """The case's lifecycle as its proven log entries replay it (what `RegistryView` asks)."""

    case_id: str
    state: str
    restricted_to: str | None
    entries: tuple[LogEntry, ...]
    tree_size: int
    signed_at: dt.datetime
    keyring_changes: tuple[LogEntry, ...] = ()
    """The log's keyring changes (added and revoked keys) the proof carries, each proven included."""
    trust_roots: tuple[LogEntry, ...] = ()
    """The trust root versions the log recorded from the case's first entry on (`trust init` and
    `trust rotate` record each), in log order: `verify` refuses a root older than the newest."""
    newest_root: tuple[int, str] | None | bool = None
    """The newest trust root version (and digest) the checkpoint signs the log as recording, which
    covers versions recorded before the case's first entry (None: none; False: a checkpoint that
    does not say, on a proof whose entries start after the log's first)."""
    checkpoint: Checkpoint | None = None
    """The checkpoint the state is proven under (`verify --seen` keeps the newest)."""
    tail: tuple[LogEntry, ...] = ()
    """Every entry the proof holds, of every case, from the case's first to the checkpoint's size
    (proven complete from there on): what other cases logged since the case's first entry."""
    earlier: tuple[LogEntry, ...] = ()
    """Every entry the proof holds before the case's first (its `earlier`, proven complete with
    `tail` from its first on): from the entry of the earliest version of another case that a
    NO-GO in `tail` judged, so which model that NO-GO is about can be told."""

    from_path: tuple[bytes, ...] = ()
    """PATH(log_from, D[tree_size]), the inclusion path of the first entry the proof holds (its
    `earlier`'s when it has one), checked with the entries against the signed root: with them
    it gives the consistency proof from any tree of at least `log_from` entries (`verify --seen`)."""
    carried: tuple[tuple[int, tuple[bytes, ...]], ...] = ()
    """The consistency proofs the proof carries (`state-proof --since SIZE`): (size, path) from the
    tree of that size to the checkpoint's, not yet checked (a verifier checks one against the root
    it kept of that size)."""

    @property
    def log_from(self) -> int:
        """The first log entry the proof holds (the case's first, or its `earlier`'s first)."""
        held = self.earlier or self.tail
        return held[0].index if held else 0

    def log_events(self, kind: str) -> list[LogEntry]:
        """The proof's entries of `kind`, of every case (`earlier` and `tail`)."""
        return [e for e in (*self.earlier, *self.tail) if e.kind == kind]

    def case_state(self, case_id: str) -> str | None:
        return self.state if case_id == self.case_id else None

    def case_restriction(self, case_id: str) -> str | None:
        return self.restricted_to if case_id == self.case_id else None

    def events(self, case_id: str | None = None, kind: str | None = None) -> list[LogEntry]:
        return [e for e in self.entries if (case_id is None or e.case_id == case_id)
                and (kind is None or e.kind == kind)]


def log_times(entries: tuple[LogEntry, ...] | list[LogEntry]) -> dict[str, LoggedAt]:
    """When the proven log first recorded each envelope its entries carry (objections, answers
    and sign-offs logged on their own; the decision and every envelope of its bundle): a
    signature's time, as the log, not its signer, says it."""
    out: dict[str, LoggedAt] = {}

    def note(env: Any, e: LogEntry) -> None:
        if isinstance(env, dict) and "signatures" in env:
            try:
                sha = envelope_sha256(env)
            except Exception:  # noqa: BLE001 - an envelope that cannot be hashed is judged where it is used
                return
            if sha not in out:
                out[sha] = LoggedAt(e.index, dt.datetime.fromisoformat(e.recorded_at.replace("Z", "+00:00")))

    for e in sorted(entries, key=lambda x: x.index):
        note(e.payload.get("envelope"), e)
        b = e.payload.get("bundle")
        if isinstance(b, dict):
            note(b.get("decision"), e)
            for k in ("signoffs", "objections", "answers", "authors", "waivers"):
                for env in b.get(k) or []:
                    note(env, e)
    return out


def _age(seconds: float) -> str:
    if seconds >= 86400:
        return f"{seconds / 86400:.1f} days"
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} hours"
    return f"{int(seconds)} seconds"


def check_state_proof(proof: Any, root: TrustRoot, case_id: str, *, now: dt.datetime | None = None,
                      nonce: str | None = None) -> tuple[ProvenState | None, list[str]]:
    """The proven state of `case_id`, or None and every reason the proof does not establish it.

    `nonce`: the one the verifier sent with its request for the proof (`--registry-url`); the
    proof must carry the log key's signature binding it to the case and the checkpoint
    (`fresh_problem`), so an answer recorded earlier and replayed is refused."""
    now = now or dt.datetime.now(dt.UTC)
    if not isinstance(proof, dict) or proof.get("kind") != "state-proof":
        return None, ["the state proof is not a casegate state proof"]
    if proof.get("casegate") == 1:
        return None, [OLD_STATE_PROOF]
    if proof.get("casegate") != STATE_PROOF_VERSION:
        return None, [f"unsupported state proof version {proof.get('casegate')!r}: make a new proof "
                      "with this casegate (`casegate state-proof CASE_ID`)"]
    reasons: list[str] = []
    if proof.get("case_id") != case_id:
        return None, [f"the state proof is for case {proof.get('case_id')!r}, the decision for {case_id!r}"]
    _within_limits(proof)
    too_long = _paths_too_long(proof)
    if too_long:
        return None, [too_long]
    try:
        cp = parse_checkpoint(str(proof.get("checkpoint")))
    except VerificationError as bad:
        return None, [f"the state proof's checkpoint cannot be read: {bad.message}"]
    log = root.pins.log
    if cp.origin != log.origin:
        reasons.append(f"the checkpoint is for log {cp.origin!r}; the trust root pins log {log.origin!r}")
    try:
        cp.verify(Ed25519PublicKey.from_public_bytes(bytes.fromhex(log.key)))
    except VerificationError:
        reasons.append("the checkpoint is not signed by the log key the trust root pins "
                       f"({log.key[:16]}...): it was signed by another key or altered")
    if nonce is not None:
        fresh = fresh_problem(proof.get("freshness"), Ed25519PublicKey.from_public_bytes(bytes.fromhex(log.key)),
                              cp, case_id, nonce)
        if fresh is not None:
            reasons.append(fresh)
    ts = checkpoint_time(cp)
    signed_at = _seconds(ts) if ts is not None else None
    if log.witness_threshold:
        reasons += _witnessed(cp, root, signed_at, now)
    if signed_at is None:
        reasons.append("the checkpoint does not say when it was signed, so its freshness cannot be established")
    else:
        age = (now - signed_at).total_seconds()
        limit = root.pins.max_checkpoint_age_seconds
        if age > limit:
            reasons.append(f"the checkpoint is stale: signed {signed_at.isoformat()}, {_age(age)} ago; the "
                           f"trust root accepts at most {_age(limit)} (a fresh proof is needed)")
        elif -age > FUTURE_SKEW.total_seconds():
            reasons.append(f"the checkpoint claims to be signed in the future ({signed_at.isoformat()})")
    before = len(reasons)
    entries, in_tail, roots, tail = _case_entries(proof, cp, case_id, reasons)
    complete = len(reasons) == before
    listed = _keyring_changes(proof.get("keyring_changes"), cp, reasons)
    # the keyring changes the tail holds are proven complete from the case's first entry on: one
    # left out of the list (or the list dropped) is still applied
    seen = {e.index for e in listed}
    changes = sorted([*listed, *(e for e in in_tail if e.index not in seen)], key=lambda e: e.index)
    earlier = _earlier_entries(proof.get("earlier"), cp, tail, reasons) if complete else []
    if complete:
        reasons += _changes_left_out(cp, int(proof["first"]), changes)
    replayed = replay(entries)
    reasons += replayed.problems
    if replayed.state is None and complete:
        reasons.append(f"the log proves no version of case {case_id}: the case is unknown to the registry")
    carried = _carried_consistency(proof.get("consistency"), cp, reasons)
    if reasons or replayed.state is None or signed_at is None:
        return None, reasons
    said = checkpoint_trust_root(cp)
    if said is False and int(proof["first"]) == 0:
        said = None  # the proof holds the whole log: every root version recorded is among its entries
    # (both paths were read and checked against the signed root above)
    from_path = tuple(bytes.fromhex(h) for h in ((proof["earlier"] or {}).get("path") if earlier
                                                 else proof.get("path")) or [])
    return ProvenState(case_id, replayed.state, replayed.restricted_to, tuple(entries), cp.tree_size,
                       signed_at, tuple(changes), tuple(roots), said, cp, tuple(tail), tuple(earlier),
                       from_path, carried), []


def _carried_consistency(raw: Any, cp: Checkpoint, reasons: list[str]) -> tuple[tuple[int, tuple[bytes, ...]], ...]:
    """The consistency proofs a state proof carries (`consistency`: `[{"from": SIZE, "path":
    [HEX, ...]}]`, from `state-proof --since SIZE`), read but not checked: each is checked only
    against the root a verifier kept of that size (`verify --seen`). None (an older proof, or no
    `--since`) is none; one that cannot be read refuses the proof."""
    if raw is None:
        return ()
    out: list[tuple[int, tuple[bytes, ...]]] = []
    try:
        if not isinstance(raw, list):
            raise TypeError
        for item in raw:
            size, path = item["from"], item["path"]
            if type(size) is not int or not 0 < size <= cp.tree_size or not isinstance(path, list):
                raise ValueError
            out.append((size, tuple(bytes.fromhex(h) for h in path)))
    except (KeyError, TypeError, ValueError):
        reasons.append("the state proof's consistency proofs (`consistency`) cannot be read: make the state proof "
                       "again with this casegate (`casegate state-proof CASE_ID --since SIZE`)")
        return ()
    return tuple(out)


PATH_MAX = 64
"""Hashes a Merkle path holds at most: an inclusion path in a tree of fewer than 2**64 entries."""


def _within_limits(proof: dict[str, Any]) -> None:
    """Raise LimitError (exit 2) when the proof holds more log entries than the `proof-entries`
    limit: its `entries` (the case's first on), its `earlier` ones (before the case's first, which
    have no bound of their own: one NO-GO of a version logged long before can reach back to the
    log's start) and its keyring changes, counted before any of them is read or hashed (the same
    check `casegate state-proof` and the board make before they hand a proof over)."""
    from ..limits import check_proof_entries

    earlier = proof.get("earlier")
    parts = [proof.get("entries"), earlier.get("entries") if isinstance(earlier, dict) else None,
             proof.get("keyring_changes")]
    check_proof_entries(*(len(p) if isinstance(p, list) else 0 for p in parts))


def _paths_too_long(proof: dict[str, Any]) -> str | None:
    """Why a Merkle path of the proof cannot be one (longer than `PATH_MAX` hashes), or None."""
    earlier = proof.get("earlier")
    named = [("`path`", proof.get("path")), ("`earlier.path`", earlier.get("path") if isinstance(earlier, dict)
                                              else None)]
    changes = proof.get("keyring_changes")
    named += [(f"the path of keyring change #{i + 1}", c.get("path"))
              for i, c in enumerate(changes if isinstance(changes, list) else []) if isinstance(c, dict)]
    for what, path in named:
        if isinstance(path, list) and len(path) > PATH_MAX:
            return (f"the state proof's {what} holds {len(path):,} hashes; a Merkle path holds at most {PATH_MAX} "
                    "(a log of fewer than 2**64 entries): it is not a proof casegate makes")
    return None


def _witnessed(cp: Checkpoint, root: TrustRoot, signed_at: dt.datetime | None, now: dt.datetime) -> list[str]:
    """Why the checkpoint is not cosigned, within the trust root's age limit, by the witnesses it
    requires. The checkpoint's own time is the log key holder's word; a cosignature's is the
    witness's (C2SP tlog-cosignature signs it): a checkpoint is counted fresh by a witness only
    while its cosignature is younger than `max_checkpoint_age`, and a checkpoint a witness cosigned
    before the time it claims was dated ahead by the log (one signed then for a tree the log has
    since outgrown, to be shown as fresh later). A witness is its key: one key pinned twice (under
    one name or two) cosigns once."""
    log = root.pins.log
    limit = root.pins.max_checkpoint_age_seconds
    verified: dict[str, tuple[str, dt.datetime]] = {}
    for w in log.witnesses:
        try:
            at = verify_cosignature(cp, Ed25519PublicKey.from_public_bytes(bytes.fromhex(w.key)), w.name)
        except VerificationError:
            continue
        when = _seconds(at)
        if w.key not in verified or when > verified[w.key][1]:
            verified[w.key] = (w.name, when)
    out: list[str] = []
    if signed_at is not None:
        for name, when in verified.values():
            if signed_at - FUTURE_SKEW > when:
                out.append(f"the checkpoint claims to be signed {signed_at.isoformat()}, but witness {name} "
                           f"cosigned it {when.isoformat()}, earlier: the log dated it ahead, so its freshness "
                           "cannot be established (a fresh proof under a newly witnessed checkpoint is needed)")
    fresh = {k for k, (_, when) in verified.items()
             if (now - when).total_seconds() <= limit and when - now <= FUTURE_SKEW}
    need = log.witness_threshold
    if len(verified) < need:
        out.append(f"the checkpoint carries {len(verified)} valid witness cosignature(s); the trust root "
                   f"requires {need}")
    elif len(fresh) < need:
        stale = ", ".join(f"{name} {when.isoformat()}" for k, (name, when) in verified.items() if k not in fresh)
        out.append(f"the checkpoint carries {len(fresh)} witness cosignature(s) made within the trust root's "
                   f"limit of {_age(limit)} (and not ahead of this verifier's clock); the trust root requires "
                   f"{need}: the others were made {stale} (a witness's time, not the log's, says how old the "
                   "checkpoint is: a fresh proof under a newly witnessed checkpoint is needed)")
    return out


def _changes_left_out(cp: Any, first: int, changes: list[LogEntry]) -> list[str]:
    """Why the keyring changes the proof carries may not be all the log holds: those logged
    before the case's first entry are proven present one by one, never complete, so the count
    the checkpoint signs must match (a revocation left out of an offline proof would let a stolen
    key count). A checkpoint that does not say (signed by an older casegate) fails closed unless
    the case's first entry is the log's first (nothing can be before it)."""
    counted = checkpoint_keyring_changes(cp)
    have = len({e.index for e in changes})
    n = f"{counted} keyring change{'s' if counted != 1 else ''}"
    if counted is None:
        if first == 0:
            return []
        return ["the checkpoint does not say how many keyring changes the log holds (it was signed by an older "
                "casegate), so whether the state proof leaves out a revocation logged before the case's first "
                f"entry ({first}) cannot be established: sign a new checkpoint (`casegate log checkpoint`) and "
                "make the state proof again"]
    if have < counted:
        return [f"the checkpoint says the log holds {n}, but the state proof carries "
                f"{have}: {counted - have} left out of its `keyring_changes` (a revocation among them would stop "
                "a key counting); make the state proof again (`casegate state-proof CASE_ID`) and pass it whole"]
    if have > counted:
        return [f"the checkpoint says the log holds {n}, but the state proof proves {have} "
                "included: the log's count is wrong, so which keys were revoked cannot be established "
                "(run `casegate log verify` on the registry)"]
    return []


def _case_entries(proof: dict[str, Any], cp: Any, case_id: str,
                  reasons: list[str]) -> tuple[list[LogEntry], list[LogEntry], list[LogEntry], list[LogEntry]]:
    """The case's entries (of `PROOF_KINDS`, in log order), the log's keyring changes and the
    trust root versions it recorded among the entries the proof holds, and all of those entries,
    when it holds every log entry from the case's first to the end of the checkpoint's tree and
    they rebuild its root; else none, with the reasons."""
    raw = proof.get("entries")
    first = proof.get("first")
    if not isinstance(raw, list) or not raw or type(first) is not int:
        reasons.append("the state proof does not hold the log's entries from the case's first on, so it "
                       "cannot show that none of the case's entries was left out")
        return [], [], [], []
    tail: list[LogEntry] = []
    for i, item in enumerate(raw):
        try:
            tail.append(LogEntry(int(item["index"]), str(item["kind"]), item.get("case_id"),
                                 dict(item["payload"]), str(item["recorded_at"]), b""))
        except (KeyError, TypeError, ValueError):
            reasons.append(f"state proof entry #{i + 1} cannot be read")
            return [], [], [], []
    gaps = [(want, e.index) for want, e in enumerate(tail, start=first) if e.index != want]
    if gaps or first + len(tail) != cp.tree_size:
        where = (f"entry {gaps[0][0]} is missing or out of order" if gaps else
                 f"they end at entry {first + len(tail) - 1}")
        reasons.append(f"the state proof must hold every log entry from {first} to the checkpoint's size "
                       f"{cp.tree_size}, but {where}: an entry was left out")
        return [], [], [], []
    head = tail[0]
    if head.case_id != case_id or head.kind != "case-version" or head.payload.get("version") != 1:
        reasons.append(f"the state proof starts at log entry {first}, which is not the entry of version 1 of "
                       f"case {case_id}: the case's earlier entries are left out")
        return [], [], [], []
    try:
        path = [bytes.fromhex(h) for h in proof.get("path") or []]
        verify_tail(first, cp.tree_size, [leaf_of(e) for e in tail], path, cp.root)
    except (VerificationError, ValueError, TypeError):
        reasons.append(f"the state proof's entries {first}..{cp.tree_size - 1} are not the log the checkpoint "
                       "signs: an entry was altered, made up or left out")
        return [], [], [], []
    return ([e for e in tail if e.case_id == case_id and e.kind in PROOF_KINDS],
            [e for e in tail if e.kind == "keyring-change" and e.case_id is None],
            [e for e in tail if e.kind == TRUST_ROOT_EVENT and e.case_id is None], tail)


def _earlier_entries(raw: Any, cp: Any, tail: list[LogEntry], reasons: list[str]) -> list[LogEntry]:
    """The proof's `earlier` entries (`store._proof`): every log entry from its `first` up to the
    case's first, which with `tail` (already proven) must rebuild the checkpoint's root from
    `first` on (`merkle.verify_tail`); none (absent: an older proof, or no NO-GO that needs them)
    or, with a reason, none when they cannot be read, leave an entry out or are not the log the
    checkpoint signs."""
    if raw is None or not tail:
        return []
    start = raw.get("first") if isinstance(raw, dict) else None
    items = raw.get("entries") if isinstance(raw, dict) else None
    bad = ("the state proof's earlier entries (`earlier`, which show the versions of other cases a NO-GO "
           "judged) {}: make the state proof again with this casegate (`casegate state-proof CASE_ID`)")
    if type(start) is not int or not isinstance(items, list) or not items:
        reasons.append(bad.format("cannot be read"))
        return []
    out: list[LogEntry] = []
    for item in items:
        try:
            out.append(LogEntry(int(item["index"]), str(item["kind"]), item.get("case_id"),
                                dict(item["payload"]), str(item["recorded_at"]), b""))
        except (KeyError, TypeError, ValueError):
            reasons.append(bad.format("cannot be read"))
            return []
    if [e.index for e in out] != list(range(start, tail[0].index)):
        reasons.append(bad.format(f"must be every log entry from {start} to {tail[0].index - 1}, but one is "
                                  "missing, added or out of order"))
        return []
    try:
        path = [bytes.fromhex(h) for h in raw.get("path") or []]
        verify_tail(start, cp.tree_size, [leaf_of(e) for e in (*out, *tail)], path, cp.root)
    except (VerificationError, ValueError, TypeError):
        reasons.append(bad.format(f"{start}..{tail[0].index - 1} are not the log the checkpoint signs: an "
                                  "entry was altered, made up or left out"))
        return []
    return out


def _keyring_changes(raw: Any, cp: Any, reasons: list[str]) -> list[LogEntry]:
    """The proof's keyring-change entries, each proven included under the checkpoint (a proof made
    before proofs carried them has none: `verify` then fails closed where it needs them)."""
    out: list[LogEntry] = []
    if raw is None:
        return out
    if not isinstance(raw, list):
        reasons.append("the state proof's keyring changes are not a list")
        return out
    last = -1
    for i, item in enumerate(raw):
        try:
            e = LogEntry(int(item["index"]), str(item["kind"]), item.get("case_id"), dict(item["payload"]),
                         str(item["recorded_at"]), b"")
            path = [bytes.fromhex(h) for h in item.get("path", [])]
        except (KeyError, TypeError, ValueError):
            reasons.append(f"state proof keyring change #{i + 1} cannot be read")
            continue
        if e.kind != "keyring-change" or e.case_id is not None:
            reasons.append(f"log entry {e.index} in the proof's keyring changes is a {e.kind} entry")
            continue
        if e.index <= last:
            reasons.append(f"the proof's keyring changes are not in log order at entry {e.index}")
        last = max(last, e.index)
        try:
            if not 0 <= e.index < cp.tree_size:
                raise ValueError
            verify_inclusion(e.index, cp.tree_size, leaf_of(e), path, cp.root)
        except (VerificationError, ValueError):
            reasons.append(f"log entry {e.index} (keyring-change) is not in the log the checkpoint signs: "
                           "it was altered or made up")
            continue
        out.append(e)
    return out
