"""Registry provenance: how each document was read, from which file (SHA-256) or URL, when, OCR confidence, review.

Revision ID: 0002_registry_provenance
Revises: 0001_registry
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_registry_provenance"
down_revision = "0001_registry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the provenance columns; rows stored before them were read from text, references or documents.yaml."""
    with op.batch_alter_table("registry_document") as batch:
        batch.add_column(sa.Column("method", sa.String(20), nullable=False, server_default="text"))
        batch.add_column(sa.Column("source_url", sa.Text(), nullable=True))
        batch.add_column(sa.Column("source_sha256", sa.String(64), nullable=True))
        batch.add_column(sa.Column("read_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("ocr_confidence", sa.Float(), nullable=True))
        batch.add_column(sa.Column("needs_review", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("review_reasons", sa.Text(), nullable=True))
        batch.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_registry_document_needs_review", "registry_document", ["needs_review"])
    document = sa.table("registry_document", sa.column("method", sa.String), sa.column("is_stub", sa.Boolean),
                        sa.column("kb_id", sa.String))
    # A stub is known from another letter's อ้างถึง (a citation); a numberless KB document from documents.yaml.
    op.execute(document.update().where(document.c.is_stub.is_(True), document.c.kb_id.is_(None))
               .values(method="citation"))
    op.execute(document.update().where(document.c.is_stub.is_(True), document.c.kb_id.is_not(None))
               .values(method="curated"))


def downgrade() -> None:
    """Drop the provenance columns."""
    op.drop_index("ix_registry_document_needs_review", "registry_document")
    with op.batch_alter_table("registry_document") as batch:
        for name in ("reviewed_at", "review_reasons", "needs_review", "ocr_confidence", "read_at", "source_sha256",
                     "source_url", "method"):
            batch.drop_column(name)
