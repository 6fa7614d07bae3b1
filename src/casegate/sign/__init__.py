"""Signing: Ed25519 keys, the keyring, and DSSE envelopes around in-toto statements for
sign-offs, objections, waivers and decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from ._attest import (
        SIGSTORE_BUNDLE_MEDIA_TYPE,
        bundle_envelopes,
        intoto_bundle,
        sigstore_bundle,
        validate_statement,
        write_attestations,
    )
    from ._condition import (
        Decider,
        check_confirmation,
        confirming_roles,
        decider_of,
        evidence_label,
        sign_confirmation,
        who_may_confirm,
    )
    from ._dissent import (
        Dissent,
        ObjectionState,
        acceptance_refused,
        answer,
        answer_refused,
        answer_roles,
        authors_of,
        check_dissent,
        gather,
        logged_states,
        resolve,
        sign_authors,
        standing_problems,
    )
    from ._evidence import (
        ATTESTATION_FOLDER,
        attest_artifact,
        attest_evidence,
        attestation_envelopes,
        attestation_files,
        check_attestation,
        check_attestations,
        declared_values,
        readable_definitions,
        tested_definitions,
        weights_digests,
        with_attestations,
    )
    from ._keyring import (
        KEYRING_VERSION,
        Identity,
        KeyEntry,
        Keyring,
        Revocation,
        TrustedKey,
        add_key,
        dump_keyring,
        identity_id,
        keyring_schema,
        load_keyring,
        new_keyring,
        parse_instant,
        revoke_key,
        save_keyring,
    )
    from ._keys import (
        PASSPHRASE_ENV,
        GeneratedKey,
        generate_key,
        key_id,
        load_private_key,
        load_public_key,
        load_signer,
        public_key_pem,
        sslib_key,
    )
    from ._names import name_key, normalise_name, same_person
    from ._policy_change import read_policy_change, sign_policy_change
    from ._protocol import read_protocol, sign_protocol
    from ._revocations import REVOKE, LoggedChange, with_logged_revocations
    from ._signoff import (
        Recorded,
        check_waivers,
        load_waivers,
        object_to_case,
        sign_case,
        signer_entry,
        waive_finding,
        waiver_roles,
    )
    from ._statement import (
        ANSWER,
        AUTHORS,
        CONDITION_MET,
        DECISION,
        EVIDENCE_ATTESTATION,
        INCIDENT_CLASS_DISMISSED,
        INCIDENT_REPORT,
        MONITOR_READINGS,
        MONITOR_READINGS_V2,
        OBJECTION,
        PAYLOAD_TYPE,
        POLICY_CHANGE,
        PREDICATE_TYPES,
        PROTOCOL,
        REGIME_DOCUMENT,
        SIGNOFF,
        STATEMENT_TYPE,
        WAIVER,
        LoggedAt,
        LogTimes,
        Signed,
        canonical,
        case_digest,
        check_envelope,
        decode_payload,
        dsse_shape_problems,
        envelope_bytes,
        envelope_sha256,
        iso,
        now_utc,
        payload_sha256,
        read_envelope_file,
        sign_statement,
        statement,
        subjects,
    )
    from ._telemetry import (
        TELEMETRY_ROLE,
        SignedReadings,
        batch_readings,
        check_readings,
        claimed_readings,
        readings_digest,
        sign_readings,
        telemetry_keys,
    )

# The names are imported on first use: checking a case needs only `name_key`, and the signing
# stack (securesystemslib, which imports every cloud signer it knows) is slow to import.
_WHERE = {
    **dict.fromkeys(('SIGSTORE_BUNDLE_MEDIA_TYPE', 'bundle_envelopes', 'intoto_bundle', 'sigstore_bundle', 'validate_statement', 'write_attestations'), '_attest'),
    **dict.fromkeys(('Decider', 'check_confirmation', 'confirming_roles', 'decider_of', 'evidence_label', 'sign_confirmation', 'who_may_confirm'), '_condition'),
    **dict.fromkeys(('Dissent', 'ObjectionState', 'acceptance_refused', 'answer', 'answer_refused', 'answer_roles', 'authors_of', 'check_dissent', 'gather', 'logged_states', 'resolve', 'sign_authors', 'standing_problems'), '_dissent'),
    **dict.fromkeys(('KEYRING_VERSION', 'Identity', 'KeyEntry', 'Keyring', 'Revocation', 'TrustedKey', 'add_key', 'dump_keyring', 'identity_id', 'keyring_schema', 'load_keyring', 'new_keyring', 'parse_instant', 'revoke_key', 'save_keyring'), '_keyring'),
    **dict.fromkeys(('PASSPHRASE_ENV', 'GeneratedKey', 'generate_key', 'key_id', 'load_private_key', 'load_public_key', 'load_signer', 'public_key_pem', 'sslib_key'), '_keys'),
    **dict.fromkeys(('ATTESTATION_FOLDER', 'attest_artifact', 'attestation_envelopes', 'declared_values', 'attest_evidence', 'attestation_files', 'check_attestation', 'check_attestations', 'readable_definitions', 'tested_definitions', 'weights_digests', 'with_attestations'), '_evidence'),
    **dict.fromkeys(('name_key', 'normalise_name', 'same_person'), '_names'),
    **dict.fromkeys(('read_policy_change', 'sign_policy_change'), '_policy_change'),
    **dict.fromkeys(('read_protocol', 'sign_protocol'), '_protocol'),
    **dict.fromkeys(('Recorded', 'check_waivers', 'load_waivers', 'object_to_case', 'sign_case', 'signer_entry', 'waive_finding', 'waiver_roles'), '_signoff'),
    **dict.fromkeys(('ANSWER', 'AUTHORS', 'CONDITION_MET', 'DECISION', 'EVIDENCE_ATTESTATION', 'INCIDENT_CLASS_DISMISSED', 'INCIDENT_REPORT', 'MONITOR_READINGS', 'MONITOR_READINGS_V2', 'OBJECTION', 'PAYLOAD_TYPE', 'POLICY_CHANGE', 'PREDICATE_TYPES', 'PROTOCOL', 'REGIME_DOCUMENT', 'SIGNOFF', 'STATEMENT_TYPE', 'WAIVER', 'LoggedAt', 'LogTimes', 'Signed', 'canonical', 'case_digest', 'check_envelope', 'decode_payload', 'dsse_shape_problems', 'envelope_bytes', 'envelope_sha256', 'iso', 'now_utc', 'payload_sha256', 'read_envelope_file', 'sign_statement', 'statement', 'subjects'), '_statement'),
    **dict.fromkeys(('REVOKE', 'LoggedChange', 'with_logged_revocations'), '_revocations'),
    **dict.fromkeys(('TELEMETRY_ROLE', 'SignedReadings', 'batch_readings', 'check_readings', 'claimed_readings', 'readings_digest',
                     'sign_readings', 'telemetry_keys'), '_telemetry'),
}


__getattr__ = lazy_names(__name__, {name: (module, name) for name, module in _WHERE.items()})
"""Each name is imported from its submodule when first used, then kept."""


__all__ = [
    "SIGSTORE_BUNDLE_MEDIA_TYPE", "bundle_envelopes", "intoto_bundle", "sigstore_bundle",
    "validate_statement", "write_attestations",
    "ANSWER", "AUTHORS", "Dissent", "ObjectionState", "acceptance_refused", "answer", "answer_refused", "answer_roles", "authors_of", "check_dissent", "logged_states",
    "gather", "resolve", "sign_authors", "standing_problems",
    "DECISION", "INCIDENT_CLASS_DISMISSED", "INCIDENT_REPORT", "KEYRING_VERSION", "OBJECTION", "PASSPHRASE_ENV", "PAYLOAD_TYPE", "PREDICATE_TYPES",
    "SIGNOFF", "STATEMENT_TYPE", "WAIVER", "GeneratedKey", "Identity", "KeyEntry", "Keyring", "Recorded", "Revocation",
    "LoggedAt", "LogTimes", "Signed", "TrustedKey", "add_key", "canonical", "case_digest", "check_envelope", "check_waivers",
    "decode_payload", "dump_keyring", "keyring_schema", "identity_id", "name_key", "normalise_name", "same_person", "envelope_bytes", "envelope_sha256", "generate_key", "iso",
    "dsse_shape_problems", "payload_sha256",
    "key_id", "load_keyring", "load_private_key", "load_public_key", "load_signer", "load_waivers",
    "new_keyring", "now_utc", "object_to_case", "parse_instant", "public_key_pem",
    "read_envelope_file", "revoke_key", "save_keyring", "sign_case", "sign_statement",
    "signer_entry", "sslib_key", "statement", "subjects", "waive_finding", "waiver_roles",
    "REGIME_DOCUMENT", "POLICY_CHANGE", "read_policy_change", "sign_policy_change", "PROTOCOL", "read_protocol", "sign_protocol",
    "CONDITION_MET", "Decider", "check_confirmation", "confirming_roles", "decider_of", "evidence_label",
    "sign_confirmation", "who_may_confirm",
    "ATTESTATION_FOLDER", "EVIDENCE_ATTESTATION", "attest_artifact", "attest_evidence", "attestation_envelopes",
    "attestation_files", "check_attestation", "check_attestations", "readable_definitions", "declared_values", "tested_definitions",
    "weights_digests", "with_attestations",
    "MONITOR_READINGS", "MONITOR_READINGS_V2", "TELEMETRY_ROLE", "SignedReadings", "batch_readings", "check_readings", "claimed_readings", "readings_digest",
    "sign_readings", "telemetry_keys",
    "REVOKE", "LoggedChange", "with_logged_revocations",
]
