"""The registry's tables (SQLAlchemy Core). Migrations in `migrations/` create and evolve them;
this module mirrors the head revision for queries."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

LOG_INDEX = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
"""64-bit on PostgreSQL; on SQLite an INTEGER PRIMARY KEY, i.e. the rowid itself (one B-tree)."""

log_head = sa.Table(
    "log_head", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("size", sa.BigInteger, nullable=False),
)
"""One row (id 1) holding the log size; writers lock it so appends never fork the tree."""

log_meta = sa.Table(
    "log_meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
"""Settings of this log, such as its checkpoint origin."""

log_entries = sa.Table(
    "log_entries", metadata,
    sa.Column("idx", LOG_INDEX, primary_key=True, autoincrement=False),
    sa.Column("hashes", sa.LargeBinary, nullable=False),
    sa.Column("kind", sa.String(64), nullable=False),
    sa.Column("case_id", sa.String(200), nullable=True),
    sa.Column("recorded_at", sa.String(40), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Index("ix_log_entries_case_id", "case_id"),
    sa.Index("ix_log_entries_kind", "kind"),
    sa.Index("ix_log_entries_case_kind", "case_id", "kind", "idx"),
)
"""The append-only log. `payload` is RFC 8785 JSON text; `hashes` holds the leaf hash followed
by the hash of every tree node this leaf completed (levels 1, 2, ...)."""

checkpoints = sa.Table(
    "checkpoints", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("tree_size", sa.BigInteger, nullable=False),
    sa.Column("root", sa.LargeBinary, nullable=False),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("key_name", sa.Text, nullable=False),
    sa.Column("public_key", sa.LargeBinary, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)
"""Signed checkpoints (C2SP signed notes) as issued, witness cosignatures included."""

cases = sa.Table(
    "cases", metadata,
    sa.Column("case_id", sa.String(200), primary_key=True),
    sa.Column("state", sa.String(40), nullable=False),
    sa.Column("restricted_to", sa.String(200), nullable=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
)

blobs = sa.Table(
    "blobs", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
)

case_versions = sa.Table(
    "case_versions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(200), sa.ForeignKey("cases.case_id"), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("declared_version", sa.String(64), nullable=False),
    sa.Column("main_path", sa.Text, nullable=False),
    sa.Column("policy_ref", sa.Text, nullable=False),
    sa.Column("submitted_at", sa.String(40), nullable=False),
    sa.Column("log_index", sa.BigInteger, nullable=False),
    sa.UniqueConstraint("case_id", "number", name="uq_case_versions_number"),
    sa.UniqueConstraint("case_id", "digest", name="uq_case_versions_digest"),
)

case_files = sa.Table(
    "case_files", metadata,
    sa.Column("version_id", sa.Integer, sa.ForeignKey("case_versions.id"), primary_key=True),
    sa.Column("path", sa.Text, primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
)

evidence_items = sa.Table(
    "evidence_items", metadata,
    sa.Column("version_id", sa.Integer, sa.ForeignKey("case_versions.id"), primary_key=True),
    sa.Column("evidence_id", sa.String(200), primary_key=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("producer", sa.Text, nullable=False),
    sa.Column("date", sa.String(10), nullable=False),
    sa.Column("expires", sa.String(10), nullable=True),
    sa.Column("confidentiality", sa.String(20), nullable=False),
    sa.Column("artifact", sa.Text, nullable=True),
    sa.Column("declared_sha256", sa.String(64), nullable=True),
    sa.Column("artifact_sha256", sa.String(64), nullable=True),
    # which stored versions pin an artifact (`Registry.pinned_by`): looked up by either digest
    sa.Index("ix_evidence_items_declared_sha256", "declared_sha256"),
    sa.Index("ix_evidence_items_artifact_sha256", "artifact_sha256"),
)

webhook_deliveries = sa.Table(
    "webhook_deliveries", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("hook", sa.String(200), nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("event_index", sa.BigInteger, nullable=False),
    sa.Column("event_kind", sa.String(64), nullable=False),
    sa.Column("case_id", sa.String(200), nullable=True),
    sa.Column("attempt", sa.Integer, nullable=False),
    sa.Column("status", sa.Integer, nullable=True),
    sa.Column("error", sa.Text, nullable=True),
    sa.Column("delivered", sa.Boolean, nullable=False),
    sa.Column("payload_sha256", sa.String(64), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Index("ix_webhook_deliveries_hook_event", "hook", "event_index"),
)

commitment_salts = sa.Table(
    "commitment_salts", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(200), nullable=False),
    sa.Column("case_version", sa.String(64), nullable=False),
    sa.Column("pointer", sa.Text, nullable=False),
    sa.Column("salt", sa.String(64), nullable=False),
    sa.Column("commitment", sa.String(80), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.UniqueConstraint("case_id", "case_version", "pointer", "commitment", name="uq_commitment_salts"),
    sa.Index("ix_commitment_salts_case", "case_id", "case_version"),
)
"""The private salt of each redacted element of each published case version (never logged,
never shown: a salt opens its commitment). Disclosure reads it from here on any machine."""

run_prints = sa.Table(
    "run_prints", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("reader", sa.String(40), nullable=False),
    sa.Column("samples", sa.Integer, nullable=False),
)
"""Each stored artifact whose samples were fingerprinted: the importer that read it ('not-a-run' when
it is not a log casegate fingerprints, 'unreadable' when its reader refused it) and how many
distinct sample fingerprints it has. An artifact absent here has not been fingerprinted yet.
Derived from the stored bytes, not logged: any registry can compute it again."""

run_samples = sa.Table(
    "run_samples", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("fingerprint", sa.String(32), primary_key=True),
    sa.Index("ix_run_samples_fingerprint", "fingerprint"),
)
"""The sample fingerprints of each artifact in `run_prints`: an artifact whose samples are largely
another's is the same evaluation run, whatever dates its log gives."""
