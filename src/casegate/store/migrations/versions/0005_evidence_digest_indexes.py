"""Evidence digest indexes: the stored evidence items found by the sha256 they pin (declared or of
their artifact's bytes) without reading the whole table, as a gate against a registry asks which
stored versions pin the artifacts the case cites.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_evidence_items_declared_sha256", "evidence_items", ["declared_sha256"])
    op.create_index("ix_evidence_items_artifact_sha256", "evidence_items", ["artifact_sha256"])


def downgrade() -> None:
    op.drop_index("ix_evidence_items_artifact_sha256", table_name="evidence_items")
    op.drop_index("ix_evidence_items_declared_sha256", table_name="evidence_items")
