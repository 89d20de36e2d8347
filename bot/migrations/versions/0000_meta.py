"""Schema meta table: when this database was created (a base for the feature branches).

Revision ID: 0000_meta
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0000_meta"
down_revision = None
branch_labels = ("meta",)
depends_on = None


def upgrade() -> None:
    """Create the meta table."""
    op.create_table(
        "policybot_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    """Drop the meta table."""
    op.drop_table("policybot_meta")
