"""The trust root the deployer holds: the organisation's root keys with a k-of-n threshold, and
what they pin (the policies, the keyring, the log's origin and key, the witnesses, how fresh a
checkpoint must be). A TUF root role (python-tuf's metadata API), signed, versioned, expiring;
version N+1 is valid only when signed by the threshold of version N and of itself."""

from ._root import (
    PINS_FIELD,
    TRUST_ROOT_EVENT,
    LogPin,
    PinnedKeyring,
    PinnedPolicy,
    Pins,
    TrustRoot,
    TrustRootError,
    WitnessPin,
    chain_files,
    describe,
    load_draft,
    load_trust_root,
    new_root,
    newer_root,
    replaced_policy_problems,
    root_entry,
    root_problems,
    rotated_root,
    sign_root,
    write_root,
)

__all__ = [
    "PINS_FIELD", "TRUST_ROOT_EVENT", "LogPin", "PinnedKeyring", "PinnedPolicy", "Pins", "TrustRoot", "TrustRootError",
    "WitnessPin", "chain_files", "describe", "load_draft", "load_trust_root", "new_root", "newer_root", "replaced_policy_problems", "root_entry", "root_problems",
    "rotated_root", "sign_root", "write_root",
]
