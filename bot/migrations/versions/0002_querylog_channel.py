"""Question log: the channel each question came from (telegram, line, ...).

Revision ID: 0002_querylog_channel
Revises: 0001_querylog
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_querylog_channel"
down_revision = "0001_querylog"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add question_log.channel; rows written before it came from Telegram."""
    with op.batch_alter_table("question_log") as batch:
        batch.add_column(sa.Column("channel", sa.String(16), nullable=False, server_default="telegram"))


def downgrade() -> None:
    """Drop question_log.channel."""
    with op.batch_alter_table("question_log") as batch:
        batch.drop_column("channel")
