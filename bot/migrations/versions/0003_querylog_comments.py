"""Question log: comments users send with /feedback, for the admins (senders only as salted hashes).

Revision ID: 0003_querylog_comments
Revises: 0002_querylog_channel
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_querylog_comments"
down_revision = "0002_querylog_channel"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create feedback_comment."""
    op.create_table(
        "feedback_comment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_hash", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_feedback_comment_created_at", "feedback_comment", ["created_at"])


def downgrade() -> None:
    """Drop feedback_comment."""
    op.drop_table("feedback_comment")
