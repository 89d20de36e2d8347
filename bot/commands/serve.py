"""`policybot serve`: run every configured channel (Telegram, LINE or both); stop with one line when none is.

Telegram alone polls (no web server) unless WEBHOOK_URL is set. Any webhook — Telegram's with
WEBHOOK_URL, LINE's always — makes `serve` one web server on WEBHOOK_LISTEN:WEBHOOK_PORT with
`/healthz` and each channel's route; Telegram without WEBHOOK_URL then polls inside that server.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from bot.config import ConfigError, Settings

if TYPE_CHECKING:
    from bot.application import Services
    from bot.web import WebChannel

log = logging.getLogger(__name__)

MIN_SALT = 16
NO_CHANNEL = (
    "no channel to serve: set TELEGRAM_BOT_TOKEN (Telegram, from @BotFather) and/or "
    "LINE_CHANNEL_SECRET with LINE_CHANNEL_ACCESS_TOKEN (LINE, from the LINE Developers console)"
)


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
        "--drop-pending", action="store_true", help="skip the Telegram updates that arrived while the bot was down"
    )


def _configured(settings: Settings) -> tuple[bool, bool]:
    """Return (Telegram, LINE): which channels have their settings; ConfigError when a channel's are half set."""
    telegram = bool(settings.telegram_bot_token)
    line = bool(settings.line_channel_secret or settings.line_channel_access_token)
    if line:
        from bot.channels.line.webhook import line_configured

        line_configured(settings)  # both secrets, or one line naming the missing one
    if not telegram and not line:
        raise ConfigError(NO_CHANNEL)
    if telegram and settings.webhook_url:
        from bot.channels.telegram.app import webhook_path

        webhook_path(settings)  # a missing secret stops here, before anything starts
    elif settings.webhook_url:
        log.warning("WEBHOOK_URL is Telegram's webhook and TELEGRAM_BOT_TOKEN is not set: it is ignored")
    return telegram, line


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the bot until interrupted."""
    telegram, line = _configured(settings)
    require_salt(settings)
    from bot.application import build_services

    # httpx logs every request URL at INFO, and Bot API URLs contain the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    services = build_services(settings)
    drop = bool(args.drop_pending)
    if telegram and not line and not settings.webhook_url:
        from bot.channels.telegram.app import build_application

        build_application(settings, services).run_polling(drop_pending_updates=drop)
        return 0
    # uvicorn re-raises the SIGINT it caught once it has shut everything down cleanly.
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve_web(settings, services, _channels(settings, services, telegram, line, drop)))
    return 0


def _channels(settings: Settings, services: Services, telegram: bool, line: bool, drop: bool) -> list[WebChannel]:
    """Return the configured channels as the web server hosts them, Telegram first."""
    channels = []
    if telegram:
        from bot.channels.telegram.app import polling_channel, web_channel

        channels.append(web_channel(settings, services, drop_pending=drop) if settings.webhook_url
                        else polling_channel(settings, services, drop_pending=drop))
    if line:
        from bot.channels.line.webhook import web_channel as line_channel

        channels.append(line_channel(settings, services))
    return channels


async def _serve_web(settings: Settings, services: Services, channels: list[WebChannel]) -> None:
    """Serve the channels' webhooks and /healthz from one web server until SIGINT or SIGTERM."""
    from bot.web import build_web_app, web_server

    await web_server(build_web_app(services, channels), settings.webhook_listen, settings.webhook_port).serve()
