"""`policybot serve`: run the bot: Telegram by long polling, or one web server when WEBHOOK_URL is set."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from bot.config import ConfigError, Settings

if TYPE_CHECKING:
    from bot.application import Services


MIN_SALT = 16


def require_salt(settings: Settings) -> None:
    """Refuse to serve with no real USER_HASH_SALT: with none, user ids are recovered from their hashes."""
    if len(settings.user_hash_salt) < MIN_SALT:
        raise ConfigError(
            f"USER_HASH_SALT must be set to a secret of at least {MIN_SALT} characters before serving users "
            "(make one: python3 -c 'import secrets; print(secrets.token_hex(32))')"
        )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the serve command's options."""
    parser.add_argument(
        "--drop-pending", action="store_true", help="skip the updates that arrived while the bot was down"
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the bot until interrupted."""
    from bot.application import build_services
    from bot.channels.telegram.app import build_application, require_token, webhook_path

    require_token(settings)
    if settings.webhook_url:
        webhook_path(settings)  # a missing secret stops here, before anything starts
    require_salt(settings)
    # httpx logs every request URL at INFO, and Bot API URLs contain the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    services = build_services(settings)
    drop = bool(args.drop_pending)
    if not settings.webhook_url:
        build_application(settings, services).run_polling(drop_pending_updates=drop)
        return 0
    # uvicorn re-raises the SIGINT it caught once it has shut everything down cleanly.
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve_webhook(settings, services, drop))
    return 0


async def _serve_webhook(settings: Settings, services: Services, drop: bool) -> None:
    """Serve Telegram's webhook and /healthz from one web server."""
    from bot.channels.telegram.app import web_channel
    from bot.web import build_web_app, web_server

    web = build_web_app(services, [web_channel(settings, services, drop_pending=drop)])
    await web_server(web, settings.webhook_listen, settings.webhook_port).serve()
