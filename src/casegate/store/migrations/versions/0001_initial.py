"""The registry and its append-only log.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    head = op.create_table(
        "log_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("size", sa.BigInteger, nullable=False),
    )
    meta = op.create_table(
        "log_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "log_entries",
        # on SQLite an INTEGER PRIMARY KEY is the rowid: one B-tree for lookups by index
        sa.Column("idx", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
                  autoincrement=False),
        sa.Column("hashes", sa.LargeBinary, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("case_id", sa.String(200), nullable=True),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_log_entries_case_id", "log_entries", ["case_id"])
    op.create_index("ix_log_entries_kind", "log_entries", ["kind"])
    op.create_table(
        "checkpoints",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("tree_size", sa.BigInteger, nullable=False),
        sa.Column("root", sa.LargeBinary, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("key_name", sa.Text, nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("case_id", sa.String(200), primary_key=True),
        sa.Column("state", sa.String(40), nullable=False),
        sa.Column("restricted_to", sa.String(200), nullable=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "case_versions",
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
    op.create_table(
        "case_files",
        sa.Column("version_id", sa.Integer, sa.ForeignKey("case_versions.id"), primary_key=True),
        sa.Column("path", sa.Text, primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
    )
    op.create_table(
        "evidence_items",
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
    )
    op.bulk_insert(head, [{"id": 1, "size": 0}])
    # each log gets its own origin line for checkpoints (C2SP: the origin names one log)
    op.bulk_insert(meta, [{"key": "origin", "value": f"casegate.local/log/{uuid.uuid4().hex[:16]}"}])


def downgrade() -> None:
    for t in ("evidence_items", "case_files", "case_versions", "blobs", "cases", "checkpoints",
              "log_entries", "log_meta", "log_head"):
        op.drop_table(t)
