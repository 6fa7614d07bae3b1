"""Commitment salts: the private salt of every redacted element of every published version.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "commitment_salts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(200), nullable=False),
        sa.Column("case_version", sa.String(64), nullable=False),
        sa.Column("pointer", sa.Text, nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("commitment", sa.String(80), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("case_id", "case_version", "pointer", "commitment", name="uq_commitment_salts"),
    )
    op.create_index("ix_commitment_salts_case", "commitment_salts", ["case_id", "case_version"])


def downgrade() -> None:
    op.drop_table("commitment_salts")
