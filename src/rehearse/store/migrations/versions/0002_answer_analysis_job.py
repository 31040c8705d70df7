"""answer analysis job

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 00:08:34.252732
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("analysis_job_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_answers_analysis_job_id_jobs"),
            "jobs",
            ["analysis_job_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_answers_analysis_job_id_jobs"), type_="foreignkey")
        batch_op.drop_column("analysis_job_id")
