"""assignments and coaches' reviews

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 10:51:23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("job_description", sa.Text(), nullable=False),
        sa.Column("interview_type", sa.String(length=32), nullable=False),
        sa.Column(
            "questions", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts_allowed", sa.Integer(), nullable=False),
        sa.Column("video_required", sa.Boolean(), nullable=False),
        sa.Column(
            "rubric", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_assignments_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_assignments_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assignments_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "coach_comments",
        sa.Column("answer_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("at_seconds", sa.Double(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answers.id"],
            name=op.f("fk_coach_comments_answer_id_answers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_coach_comments_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_comments")),
    )
    with op.batch_alter_table("coach_comments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coach_comments_answer_id"), ["answer_id"], unique=False
        )

    op.create_table(
        "rubric_scores",
        sa.Column("answer_id", sa.Uuid(), nullable=False),
        sa.Column("criterion", sa.String(length=120), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answers.id"],
            name=op.f("fk_rubric_scores_answer_id_answers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_rubric_scores_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rubric_scores")),
        sa.UniqueConstraint("answer_id", "criterion", name=op.f("uq_rubric_scores_answer_id")),
    )
    with op.batch_alter_table("rubric_scores", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rubric_scores_answer_id"), ["answer_id"], unique=False)

    op.create_table(
        "verdict_flags",
        sa.Column("answer_id", sa.Uuid(), nullable=False),
        sa.Column("verdict", sa.String(length=40), nullable=False),
        sa.Column("judged", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answers.id"],
            name=op.f("fk_verdict_flags_answer_id_answers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_verdict_flags_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verdict_flags")),
        sa.UniqueConstraint("answer_id", "verdict", name=op.f("uq_verdict_flags_answer_id")),
    )
    with op.batch_alter_table("verdict_flags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verdict_flags_answer_id"), ["answer_id"], unique=False)

    with op.batch_alter_table("interview_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assignment_id", sa.Uuid(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_interview_sessions_assignment_id"), ["assignment_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_interview_sessions_assignment_id_assignments"),
            "assignments",
            ["assignment_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "summary",
                sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
                server_default="{}",
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("summary")

    with op.batch_alter_table("interview_sessions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_interview_sessions_assignment_id_assignments"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_interview_sessions_assignment_id"))
        batch_op.drop_column("assignment_id")

    with op.batch_alter_table("verdict_flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verdict_flags_answer_id"))

    op.drop_table("verdict_flags")
    with op.batch_alter_table("rubric_scores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rubric_scores_answer_id"))

    op.drop_table("rubric_scores")
    with op.batch_alter_table("coach_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coach_comments_answer_id"))

    op.drop_table("coach_comments")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignments_organisation_id"))

    op.drop_table("assignments")
