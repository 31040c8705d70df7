"""live transcripts: what the live captions read of an answer, until its turn claims it

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 19:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "live_transcripts",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("question_id", sa.Uuid(), nullable=False),
        sa.Column(
            "words",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            nullable=False,
        ),
        sa.Column("heard_seconds", sa.Double(), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_live_transcripts_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_live_transcripts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_transcripts")),
    )
    with op.batch_alter_table("live_transcripts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_live_transcripts_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("live_transcripts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_live_transcripts_user_id"))
    op.drop_table("live_transcripts")
