"""gaze calibration: the candidate's own gaze angles when looking at the camera

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 04:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("interview_sessions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "gaze_calibration",
                sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("interview_sessions", schema=None) as batch_op:
        batch_op.drop_column("gaze_calibration")
