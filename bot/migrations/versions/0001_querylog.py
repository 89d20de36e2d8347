"""Question log and feedback tables (the Telegram bot's log; user ids only as salted hashes).

Revision ID: 0001_querylog
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_querylog"
down_revision = None
branch_labels = ("querylog",)
depends_on = None


def upgrade() -> None:
    """Create question_log and question_feedback."""
    op.create_table(
        "question_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("ref", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_hash", sa.String(64), nullable=False),
        sa.Column("chat_type", sa.String(16), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("entry_id", sa.String(128), nullable=True),
        sa.Column("verdict", sa.String(16), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("declined", sa.Boolean(), nullable=False),
        sa.Column("latency_ms", sa.Float(), nullable=False),
    )
    op.create_index("ix_question_log_ref", "question_log", ["ref"], unique=True)
    op.create_index("ix_question_log_created_at", "question_log", ["created_at"])
    op.create_index("ix_question_log_user_hash", "question_log", ["user_hash"])
    op.create_table(
        "question_feedback",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("ref", sa.String(16), nullable=False),
        sa.Column("user_hash", sa.String(64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("ref", "user_hash", name="uq_question_feedback_ref_user"),
    )
    op.create_index("ix_question_feedback_ref", "question_feedback", ["ref"])
    op.create_index("ix_question_feedback_created_at", "question_feedback", ["created_at"])


def downgrade() -> None:
    """Drop question_feedback and question_log."""
    op.drop_table("question_feedback")
    op.drop_table("question_log")
