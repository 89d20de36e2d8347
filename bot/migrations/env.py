"""Alembic environment: runs migrations on the connection handed over by `bot.store.migrate`."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `bot.store.migrate` drives these migrations
    raise RuntimeError("run migrations through bot.store.migrate(engine)")
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
