"""`policybot serve`: run the Telegram bot (long polling, or a webhook when WEBHOOK_URL is set)."""

from __future__ import annotations

import argparse
import logging
import re
from urllib.parse import urlsplit

from bot.config import ConfigError, Settings

_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the serve command's options."""
    parser.add_argument(
        "--drop-pending", action="store_true", help="skip the updates that arrived while the bot was down"
    )


def webhook_options(settings: Settings) -> dict[str, object]:
    """Return run_webhook's keyword arguments from the settings; raise ConfigError if unusable."""
    url: str = settings.webhook_url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"WEBHOOK_URL={url!r} is not an http(s) URL")
    secret: str = settings.webhook_secret
    if not _SECRET.match(secret):
        raise ConfigError("WEBHOOK_SECRET must be set in webhook mode: 1-256 characters of A-Z a-z 0-9 _ -")
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        # The local server serves the same path as the public URL, so a reverse proxy passes it as is.
        "url_path": parts.path.strip("/"),
        "webhook_url": url,
        "secret_token": secret,
    }


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the bot until interrupted."""
    from bot.chat.app import build_application, check_token

    check_token(settings.telegram_bot_token)
    # httpx logs every request URL at INFO, and Bot API URLs contain the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    webhook = webhook_options(settings) if settings.webhook_url else None
    app = build_application(settings)
    drop = bool(args.drop_pending)
    if webhook is None:
        app.run_polling(drop_pending_updates=drop)
    else:
        app.run_webhook(drop_pending_updates=drop, **webhook)  # type: ignore[arg-type]
    return 0
