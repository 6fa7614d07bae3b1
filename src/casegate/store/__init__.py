"""The registry and its verifiable append-only log.

Case versions, decisions, sign-offs, objections, publications, incidents and state changes are
kept in SQLite (default) or PostgreSQL; every event is a leaf of an RFC 9162 Merkle tree with
signed C2SP checkpoints, so nobody can quietly rewrite the record.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from . import _merkle as merkle
    from ._asof import LogAsOf, registry_as_of
    from ._canonical import CanonicalJSON, entry_bytes, json_value
    from ._checkpoint import (
        COSIGNATURE_V1,
        ED25519,
        KEYRING_CHANGES_EXTENSION,
        TIME_EXTENSION,
        Checkpoint,
        NoteSignature,
        check_trust_root_line,
        checkpoint_keyring_changes,
        checkpoint_order_problem,
        checkpoint_time,
        checkpoint_trust_root,
        cosign_checkpoint,
        fresh_problem,
        generate_key,
        good_nonce,
        load_private_key,
        load_public_key,
        parse_checkpoint,
        parse_verifier_key,
        sign_checkpoint,
        sign_fresh,
        verifier_key,
        verify_cosignature,
    )
    from ._clock import log_time
    from ._deliveries import Delivery, delivered_events, deliveries, record_delivery
    from ._engine import default_database_url
    from ._events import (
        json_sha256,
        judged_outcome,
        judgements,
        latest,
        open_objections,
        record_decision,
        record_judgement,
        record_objection,
        record_publication,
        record_signoff,
        summary_outcome,
    )
    from ._merkle import (
        ConsistencyProof,
        InclusionProof,
        verify_consistency,
        verify_inclusion,
        verify_tail,
    )
    from ._models import (
        EMPTY_SHA256,
        LoggedModel,
        file_pairs,
        logged_model,
        model_keys,
        tensor_pairs,
    )
    from ._proof import (
        MODEL_FILES_EVENT,
        OLD_STATE_PROOF,
        PROOF_KINDS,
        STATE_PROOF_VERSION,
        Replayed,
        earlier_start,
        entry_json,
        first_entry,
        judged_elsewhere,
        leaf_of,
        model_files_listed,
        replay,
        state_proof_doc,
    )
    from ._records import (
        CASE_STATES,
        CaseFile,
        CaseVersionRecord,
        EvidenceRecord,
        LogEntry,
        LogReport,
        VersionTexts,
    )
    from ._registry import Registry, open_registry
    from ._salts import (
        SALT_STORE_VERSION,
        FileSaltStore,
        MemorySaltStore,
        RegistrySalts,
        SaltRecord,
        SaltStore,
    )

# Each name is imported when first used: publishing to a salt-store file, verifying a proof or
# a checkpoint need none of the database layer (SQLAlchemy) that the registry brings in.
if not TYPE_CHECKING:  # the imports above are for the type checker only
    __getattr__ = lazy_names(__name__, {
        "merkle": ("_merkle", ""),
        "log_time": ("_clock", "log_time"),
        "json_value": ("_canonical", "json_value"),
        "CanonicalJSON": ("_canonical", "CanonicalJSON"),
        "entry_bytes": ("_canonical", "entry_bytes"),
        "COSIGNATURE_V1": ("_checkpoint", "COSIGNATURE_V1"),
        "ED25519": ("_checkpoint", "ED25519"),
        "TIME_EXTENSION": ("_checkpoint", "TIME_EXTENSION"),
        "Checkpoint": ("_checkpoint", "Checkpoint"),
        "NoteSignature": ("_checkpoint", "NoteSignature"),
        "checkpoint_time": ("_checkpoint", "checkpoint_time"),
        "LogAsOf": ("_asof", "LogAsOf"),
        "registry_as_of": ("_asof", "registry_as_of"),
        "checkpoint_keyring_changes": ("_checkpoint", "checkpoint_keyring_changes"),
        "checkpoint_trust_root": ("_checkpoint", "checkpoint_trust_root"),
        "check_trust_root_line": ("_checkpoint", "check_trust_root_line"),
        "checkpoint_order_problem": ("_checkpoint", "checkpoint_order_problem"),
        "fresh_problem": ("_checkpoint", "fresh_problem"),
        "good_nonce": ("_checkpoint", "good_nonce"),
        "sign_fresh": ("_checkpoint", "sign_fresh"),
        "KEYRING_CHANGES_EXTENSION": ("_checkpoint", "KEYRING_CHANGES_EXTENSION"),
        "cosign_checkpoint": ("_checkpoint", "cosign_checkpoint"),
        "generate_key": ("_checkpoint", "generate_key"),
        "load_private_key": ("_checkpoint", "load_private_key"),
        "load_public_key": ("_checkpoint", "load_public_key"),
        "parse_checkpoint": ("_checkpoint", "parse_checkpoint"),
        "parse_verifier_key": ("_checkpoint", "parse_verifier_key"),
        "sign_checkpoint": ("_checkpoint", "sign_checkpoint"),
        "verifier_key": ("_checkpoint", "verifier_key"),
        "verify_cosignature": ("_checkpoint", "verify_cosignature"),
        "Delivery": ("_deliveries", "Delivery"),
        "delivered_events": ("_deliveries", "delivered_events"),
        "deliveries": ("_deliveries", "deliveries"),
        "record_delivery": ("_deliveries", "record_delivery"),
        "default_database_url": ("_engine", "default_database_url"),
        "json_sha256": ("_events", "json_sha256"),
        "judged_outcome": ("_events", "judged_outcome"),
        "judgements": ("_events", "judgements"),
        "record_judgement": ("_events", "record_judgement"),
        "summary_outcome": ("_events", "summary_outcome"),
        "latest": ("_events", "latest"),
        "open_objections": ("_events", "open_objections"),
        "record_decision": ("_events", "record_decision"),
        "record_objection": ("_events", "record_objection"),
        "record_publication": ("_events", "record_publication"),
        "record_signoff": ("_events", "record_signoff"),
        "ConsistencyProof": ("_merkle", "ConsistencyProof"),
        "InclusionProof": ("_merkle", "InclusionProof"),
        "verify_consistency": ("_merkle", "verify_consistency"),
        "verify_inclusion": ("_merkle", "verify_inclusion"),
        "MODEL_FILES_EVENT": ("_proof", "MODEL_FILES_EVENT"),
        "EMPTY_SHA256": ("_models", "EMPTY_SHA256"),
        "LoggedModel": ("_models", "LoggedModel"),
        "file_pairs": ("_models", "file_pairs"),
        "logged_model": ("_models", "logged_model"),
        "model_keys": ("_models", "model_keys"),
        "tensor_pairs": ("_models", "tensor_pairs"),
        "model_files_listed": ("_proof", "model_files_listed"),
        "verify_tail": ("_merkle", "verify_tail"),
        "OLD_STATE_PROOF": ("_proof", "OLD_STATE_PROOF"),
        "first_entry": ("_proof", "first_entry"),
        "state_proof_doc": ("_proof", "state_proof_doc"),
        "earlier_start": ("_proof", "earlier_start"),
        "judged_elsewhere": ("_proof", "judged_elsewhere"),
        "PROOF_KINDS": ("_proof", "PROOF_KINDS"),
        "STATE_PROOF_VERSION": ("_proof", "STATE_PROOF_VERSION"),
        "Replayed": ("_proof", "Replayed"),
        "entry_json": ("_proof", "entry_json"),
        "leaf_of": ("_proof", "leaf_of"),
        "replay": ("_proof", "replay"),
        "CASE_STATES": ("_records", "CASE_STATES"),
        "CaseFile": ("_records", "CaseFile"),
        "CaseVersionRecord": ("_records", "CaseVersionRecord"),
        "EvidenceRecord": ("_records", "EvidenceRecord"),
        "LogEntry": ("_records", "LogEntry"),
        "LogReport": ("_records", "LogReport"),
        "VersionTexts": ("_records", "VersionTexts"),
        "Registry": ("_registry", "Registry"),
        "open_registry": ("_registry", "open_registry"),
        "SALT_STORE_VERSION": ("_salts", "SALT_STORE_VERSION"),
        "FileSaltStore": ("_salts", "FileSaltStore"),
        "MemorySaltStore": ("_salts", "MemorySaltStore"),
        "RegistrySalts": ("_salts", "RegistrySalts"),
        "SaltRecord": ("_salts", "SaltRecord"),
        "SaltStore": ("_salts", "SaltStore"),
    })

__all__ = [
    "merkle", "entry_bytes", "json_value", "CanonicalJSON", "log_time",
    "MODEL_FILES_EVENT", "model_files_listed", "EMPTY_SHA256", "LoggedModel", "file_pairs", "logged_model",
    "model_keys", "tensor_pairs", "OLD_STATE_PROOF", "PROOF_KINDS", "STATE_PROOF_VERSION", "TIME_EXTENSION", "first_entry",
    "KEYRING_CHANGES_EXTENSION", "checkpoint_keyring_changes", "checkpoint_trust_root", "check_trust_root_line", "checkpoint_order_problem", "fresh_problem", "good_nonce",
    "sign_fresh", "LogAsOf", "registry_as_of",
    "state_proof_doc", "earlier_start", "judged_elsewhere", "verify_tail", "Replayed", "checkpoint_time", "entry_json", "leaf_of",
    "replay", "COSIGNATURE_V1", "ED25519", "parse_verifier_key",
    "CASE_STATES", "CaseFile", "CaseVersionRecord", "VersionTexts", "Checkpoint", "ConsistencyProof", "EvidenceRecord",
    "InclusionProof", "LogEntry", "LogReport", "NoteSignature", "Registry", "cosign_checkpoint",
    "default_database_url", "generate_key", "load_private_key", "load_public_key", "open_registry",
    "parse_checkpoint", "sign_checkpoint", "verifier_key", "verify_consistency", "verify_cosignature",
    "verify_inclusion", "json_sha256", "latest", "open_objections", "record_decision", "record_objection",
    "record_publication", "record_signoff", "judged_outcome", "judgements", "record_judgement", "summary_outcome", "Delivery", "deliveries", "delivered_events",
    "record_delivery",
    "SALT_STORE_VERSION", "FileSaltStore", "MemorySaltStore", "RegistrySalts", "SaltRecord", "SaltStore",
]
