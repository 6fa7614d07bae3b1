"""What a decision is compared with, fetched from the registry: the version submitted before this
one, the last version a decision approved, and the signed policy changes logged for its policy.
The CLI and the board call this and hand the result to the gate; the rules never read the registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..gate import Compared, Comparison
from ..load import Loaded
from ..model import Baseline, PolicyChange
from ..store import CaseVersionRecord, Registry
from ._versions import VersionCache, current_approval

if TYPE_CHECKING:
    from ..sign import Keyring

POLICY_CHANGE_EVENT = "policy-change"
"""Log entry kind of a signed policy change."""


def stored_number(loaded: Loaded, versions: list[CaseVersionRecord]) -> int | None:
    """The stored version whose case and include files are byte for byte those of `loaded`."""
    mine = sorted(f.sha256 for f in loaded.files)
    for v in reversed(versions):
        if sorted(f.sha256 for f in v.files if f.role in ("case", "include")) == mine:
            return v.number
    return None


def comparison_for(reg: Registry, loaded: Loaded, *, keyring: Keyring | None = None,
                   cache: VersionCache | None = None) -> Comparison:
    """The earlier versions of the case to compare `loaded` with (the previous submitted version
    first, then the last approved one when it differs) and the policy changes logged for its
    policy, each verified against `keyring` (unverified, with the reason, without one)."""
    case = loaded.case
    assert case is not None
    changes = policy_changes(reg, loaded.policy.id if loaded.policy is not None else None, keyring)
    if reg.case_state(case.id) is None:
        return Comparison(policy_changes=changes, why_none=f"first version (the registry has no case {case.id!r})")
    versions = reg.case_versions(case.id)
    this = stored_number(loaded, versions)
    before = [v for v in versions if this is None or v.number < this]
    cache = cache or VersionCache(reg)
    approval = current_approval(reg, case.id)
    approved = approval.version if approval is not None and (this is None or approval.version < this) else None
    out: list[Compared] = []
    if before:
        sv = cache.get(case.id, before[-1].number)
        tail = ", the last approved" if sv.number == approved else ""
        out.append(Compared(Baseline(role="previous", label=f"version {sv.label}{tail}"), sv.case, sv.policy))
    if approved is not None and (not before or approved != before[-1].number):
        sv = cache.get(case.id, approved)
        out.append(Compared(Baseline(role="approved", label=f"version {sv.label}, the last approved"),
                            sv.case, sv.policy))
    why = None if out else "first version of the case in the registry"
    return Comparison(versions=out, policy_changes=changes, why_none=why)


def policy_changes(reg: Registry, policy_id: str | None, keyring: Keyring | None) -> list[PolicyChange]:
    """Every logged policy change for `policy_id`, oldest first, verified against `keyring`."""
    from ..sign import read_policy_change

    if policy_id is None:
        return []
    out: list[PolicyChange] = []
    for e in reg.events(kind=POLICY_CHANGE_EVENT):
        if e.payload.get("policy") != policy_id:
            continue
        out.append(read_policy_change(e.payload.get("envelope"), keyring, label=f"policy change (log entry {e.index})",
                                      logged_at=e.recorded_at, log_index=e.index))
    return out
