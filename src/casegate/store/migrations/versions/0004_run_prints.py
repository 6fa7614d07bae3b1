"""Run fingerprints: the sample fingerprints of each stored evaluation log, so a log whose dates
were rewritten is known as the run the registry logged first.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the artifacts stored before this revision are fingerprinted from their stored bytes the
    # first time first-logged dates are read (they are absent from run_prints until then)
    op.create_table(
        "run_prints",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("reader", sa.String(40), nullable=False),
        sa.Column("samples", sa.Integer, nullable=False),
    )
    op.create_table(
        "run_samples",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("fingerprint", sa.String(32), primary_key=True),
    )
    op.create_index("ix_run_samples_fingerprint", "run_samples", ["fingerprint"])


def downgrade() -> None:
    op.drop_table("run_samples")
    op.drop_table("run_prints")
