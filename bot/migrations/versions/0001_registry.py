"""Circular registry: documents (letters, resolutions, stubs) and the links between them.

Revision ID: 0001_registry
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_registry"
down_revision = None
branch_labels = ("registry",)
depends_on = "0000_meta"  # the seed fingerprint lives in policybot_meta


def upgrade() -> None:
    """Create the document and link tables with the matching-key indexes lookups use."""
    op.create_table(
        "registry_document",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("kb_id", sa.String(100), nullable=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("number", sa.String(100), nullable=True),
        sa.Column("printed_number", sa.String(200), nullable=True),
        sa.Column("key_full", sa.String(100), nullable=True),
        sa.Column("key_tail", sa.String(100), nullable=True),
        sa.Column("key_serial", sa.String(40), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("issuer", sa.Text(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("recipient", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("full_text", sa.Text(), nullable=True),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source_file", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("is_stub", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_registry_document_key", "registry_document", ["key"], unique=True)
    op.create_index("ix_registry_document_kb_id", "registry_document", ["kb_id"], unique=True)
    op.create_index("ix_registry_document_key_full", "registry_document", ["key_full"], unique=True)
    op.create_index("ix_registry_document_key_tail", "registry_document", ["key_tail"])
    op.create_index("ix_registry_document_key_serial", "registry_document", ["key_serial"])
    op.create_table(
        "registry_link",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("registry_document.id", ondelete="CASCADE"), nullable=False),
        sa.Column("target_id", sa.Integer(), sa.ForeignKey("registry_document.id", ondelete="CASCADE"), nullable=False),
        sa.Column("relation", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.UniqueConstraint("source_id", "target_id", "relation", name="uq_registry_link"),
    )
    op.create_index("ix_registry_link_source_id", "registry_link", ["source_id"])
    op.create_index("ix_registry_link_target_id", "registry_link", ["target_id"])


def downgrade() -> None:
    """Drop the registry tables."""
    op.drop_table("registry_link")
    op.drop_table("registry_document")
