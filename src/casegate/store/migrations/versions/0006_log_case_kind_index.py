"""Log index on (case, kind, index): the latest entries of some kinds about one case (its latest
objection, answer or interruption, asked by every `casegate publish` against a registry) are
read newest first from the case's own entries of those kinds, not by reading every entry of a
kind across all cases.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_log_entries_case_kind", "log_entries", ["case_id", "kind", "idx"])


def downgrade() -> None:
    op.drop_index("ix_log_entries_case_kind", table_name="log_entries")
