"""The registry and its verifiable append-only log.

Case versions, decisions, sign-offs, objections, publications, incidents and state changes are
kept in SQLite (default) or PostgreSQL; every event is a leaf of an RFC 9162 Merkle tree with
signed C2SP checkpoints, so nobody can quietly rewrite the record.
"""

from . import _merkle as merkle
from ._canonical import entry_bytes
from ._checkpoint import (
    COSIGNATURE_V1,
    ED25519,
    TIME_EXTENSION,
    Checkpoint,
    NoteSignature,
    checkpoint_time,
    cosign_checkpoint,
    generate_key,
    load_private_key,
    load_public_key,
    parse_checkpoint,
    parse_verifier_key,
    sign_checkpoint,
    verifier_key,
    verify_cosignature,
)
from ._deliveries import Delivery, delivered_events, deliveries, record_delivery
from ._engine import default_database_url
from ._events import (
    json_sha256,
    latest,
    open_objections,
    record_decision,
    record_objection,
    record_publication,
    record_signoff,
)
from ._merkle import ConsistencyProof, InclusionProof, verify_consistency, verify_inclusion
from ._proof import PROOF_KINDS, STATE_PROOF_VERSION, Replayed, entry_json, leaf_of, replay
from ._records import CASE_STATES, CaseFile, CaseVersionRecord, EvidenceRecord, LogEntry, LogReport
from ._registry import Registry, open_registry
from ._salts import (
    SALT_STORE_VERSION,
    FileSaltStore,
    MemorySaltStore,
    RegistrySalts,
    SaltRecord,
    SaltStore,
)

__all__ = [
    "merkle", "entry_bytes",
    "PROOF_KINDS", "STATE_PROOF_VERSION", "TIME_EXTENSION", "Replayed", "checkpoint_time", "entry_json", "leaf_of",
    "replay", "COSIGNATURE_V1", "ED25519", "parse_verifier_key",
    "CASE_STATES", "CaseFile", "CaseVersionRecord", "Checkpoint", "ConsistencyProof", "EvidenceRecord",
    "InclusionProof", "LogEntry", "LogReport", "NoteSignature", "Registry", "cosign_checkpoint",
    "default_database_url", "generate_key", "load_private_key", "load_public_key", "open_registry",
    "parse_checkpoint", "sign_checkpoint", "verifier_key", "verify_consistency", "verify_cosignature",
    "verify_inclusion", "json_sha256", "latest", "open_objections", "record_decision", "record_objection",
    "record_publication", "record_signoff", "Delivery", "deliveries", "delivered_events",
    "record_delivery",
    "SALT_STORE_VERSION", "FileSaltStore", "MemorySaltStore", "RegistrySalts", "SaltRecord", "SaltStore",
]
