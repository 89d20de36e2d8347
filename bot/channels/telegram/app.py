"""Wiring only: settings and services → ApplicationBuilder → handlers in their stated order → start and stop."""

from __future__ import annotations

import hmac
import json
import logging
from http import HTTPStatus
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.application import Services
from bot.channels.telegram import buttons, checking, handlers, inline, media
from bot.channels.telegram.context import INLINE_FLOOD_KEY, REPLIES_KEY, SERVICES_KEY, BotApp, BotContext, services_of
from bot.channels.telegram.profile import set_profile
from bot.channels.telegram.replies import SentReplies
from bot.channels.telegram.sending import ChatRateLimiter
from bot.config import ConfigError, Settings
from bot.flood import FloodGuard
from bot.querylog import hash_user
from bot.web import WebChannel

log = logging.getLogger(__name__)

# Messages that carry no text to answer (captions of photos and videos are read in bot.channels.telegram.media).
MEDIA = (
    filters.PHOTO | filters.VIDEO | filters.ANIMATION | filters.Sticker.ALL | filters.VOICE | filters.VIDEO_NOTE
    | filters.AUDIO | filters.LOCATION | filters.VENUE | filters.CONTACT | filters.POLL | filters.Dice.ALL
)
# A Telegram update is a few kilobytes; anything far larger is not one.
MAX_UPDATE_BYTES = 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def require_token(settings: Settings) -> str:
    """Return the bot token; raise ConfigError when it is not set (its format is checked on load)."""
    if not settings.telegram_bot_token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token in .env")
    return settings.telegram_bot_token


def webhook_path(settings: Settings) -> str:
    """Return the path the web server serves Telegram's webhook on (the public URL's path); check the secret."""
    if not settings.webhook_secret:
        raise ConfigError("WEBHOOK_SECRET must be set in webhook mode: 1-256 characters of A-Z a-z 0-9 _ -")
    # The local server serves the same path as the public URL, so a reverse proxy passes it as is.
    return "/" + urlsplit(settings.webhook_url).path.strip("/")


def file_base_url(base_url: str) -> str:
    """Return the file download URL that goes with a Bot API base URL (`.../bot` -> `.../file/bot`)."""
    base_url = base_url.rstrip("/")
    # Telegram and the local Bot API server serve files under /file/bot<token>/ beside /bot<token>/.
    if base_url.endswith("/bot"):
        return base_url[: -len("/bot")] + "/file/bot"
    return base_url + "/file/bot"


def build_application(
    settings: Settings, services: Services, *, rate_limit: bool = True, polling: bool = True, hosted: bool = False
) -> BotApp:
    """Build the Application: token and server from settings, handlers in their stated order.

    `hosted`: the web server (bot.web) starts and stops the services, not the Application.
    """
    token = require_token(settings)
    base_url = settings.telegram_api_base_url.rstrip("/")
    builder = (
        ApplicationBuilder()
        .application_class(_Application)
        .token(token)
        .base_url(base_url)
        .base_file_url(file_base_url(base_url))
        .context_types(ContextTypes(context=BotContext))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        # Answers are independent, so many chats are served at once instead of one by one.
        .concurrent_updates(True)
    )
    # Polling alone runs the services with the Application; the web server runs them itself (bot.web).
    if not polling:
        builder = builder.updater(None)
    elif not hosted:
        builder = builder.post_init(_post_init).post_shutdown(_post_shutdown)
    if rate_limit:
        # Keeps under Telegram's send limits, waits out a 429 in its own chat only, retries 5xx and
        # network failures for a bounded time. (PTB types the builder for a limiter without arguments.)
        limiter = ChatRateLimiter(lambda chat: hash_user(f"chat:{chat}", settings.user_hash_salt)[:12])
        builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]
    app: BotApp = builder.build()
    app.bot_data[SERVICES_KEY] = services
    app.bot_data[REPLIES_KEY] = SentReplies()
    app.bot_data[INLINE_FLOOD_KEY] = FloodGuard(inline.INLINE_PER_MINUTE)
    add_handlers(app)
    return app


class _Application(Application):  # type: ignore[type-arg]
    """PTB's Application, stopping the draft checks in flight first: stop() waits for handlers, and a
    check may take a minute; closed, it ends at once and its user is told the checker is stopping."""

    async def stop(self) -> None:
        services = self.bot_data.get(SERVICES_KEY)
        if services is not None:
            services.checker.close()
        await super().stop()


def add_handlers(app: BotApp) -> None:
    """Register the handlers; order matters: commands, buttons, inline, then text, files and other messages."""
    app.add_handler(CommandHandler("start", handlers.start))
    app.add_handler(CommandHandler("help", handlers.help_command))
    app.add_handler(CommandHandler("circular", handlers.circular))
    app.add_handler(CommandHandler("sources", handlers.sources))
    app.add_handler(CommandHandler("check", checking.check_command))
    app.add_handler(CommandHandler("contact", handlers.contact_command))
    app.add_handler(CommandHandler("feedback", handlers.feedback_command))
    app.add_handler(CommandHandler("stats", handlers.stats_command))
    app.add_handler(CommandHandler("unanswered", handlers.unanswered_command))
    app.add_handler(CommandHandler("reload", handlers.reload_command))
    app.add_handler(CallbackQueryHandler(buttons.button))
    app.add_handler(InlineQueryHandler(inline.inline_query))
    # Unknown commands in private chats get the help; in groups they may be another bot's.
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, handlers.help_command))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGES, handlers.question))
    # Drafts to check and captions to answer (see media.py); a file's edited caption is not checked again.
    app.add_handler(MessageHandler(filters.Document.ALL & filters.UpdateType.MESSAGE, media.document_message))
    # Everything else still gets a reply: a caption's answer, or one line on what the bot does.
    app.add_handler(MessageHandler(MEDIA & filters.UpdateType.MESSAGES, media.media_message))
    app.add_error_handler(handlers.error_handler)


async def start_channel(app: BotApp) -> None:
    """Set the profile (descriptions, command menus) and say the bot is ready (the services are already started)."""
    await set_profile(app.bot, services_of(app).settings)
    log.info("telegram bot @%s ready", app.bot.username)


async def _post_init(app: BotApp) -> None:
    """Polling mode: start the services, then the channel."""
    await services_of(app).start()
    await start_channel(app)


async def _post_shutdown(app: BotApp) -> None:
    """Polling mode: stop the services (pending log writes are finished)."""
    await services_of(app).stop()


def web_channel(settings: Settings, services: Services, *, drop_pending: bool = False,
                rate_limit: bool = True) -> WebChannel:
    """Return Telegram as the web server hosts it: its webhook route, and setWebhook on start.

    PTB's custom-webhook pattern: an Application without an Updater; the route puts updates on its queue.
    """
    app = build_application(settings, services, rate_limit=rate_limit, polling=False)

    async def start() -> None:
        await app.initialize()
        await app.start()
        await start_channel(app)
        await app.bot.set_webhook(
            settings.webhook_url, secret_token=settings.webhook_secret, drop_pending_updates=drop_pending,
            allowed_updates=Update.ALL_TYPES,
        )

    async def stop() -> None:
        await app.stop()
        await app.shutdown()

    return WebChannel("telegram", [webhook_route(app, settings)], start, stop)


def polling_channel(settings: Settings, services: Services, *, drop_pending: bool = False) -> WebChannel:
    """Return Telegram by long polling as a channel of the web server (which another channel's webhook needs)."""
    app = build_application(settings, services, hosted=True)

    async def start() -> None:
        await app.initialize()
        await app.start()
        await start_channel(app)
        assert app.updater is not None
        await app.updater.start_polling(drop_pending_updates=drop_pending)

    async def stop() -> None:
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()

    return WebChannel("telegram", [], start, stop)


def webhook_route(app: BotApp, settings: Settings) -> Route:
    """Return the web route that takes Telegram's webhook posts and queues them for the Application."""
    secret = settings.webhook_secret.encode("utf-8")

    async def telegram_webhook(request: Request) -> Response:
        """Checks the secret header, reads one update and puts it on the Application's queue."""
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8")
        if not hmac.compare_digest(given, secret):
            return Response(status_code=HTTPStatus.FORBIDDEN)
        body = await request.body()
        if len(body) > MAX_UPDATE_BYTES:
            return Response(status_code=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        try:
            data = json.loads(body)
            update = Update.de_json(data, app.bot) if isinstance(data, dict) else None
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            # Log the kind of problem only: the body holds users' messages.
            log.warning("malformed webhook update refused: %s", type(error).__name__)
            update = None
        if update is None:
            return Response(status_code=HTTPStatus.BAD_REQUEST)
        await app.update_queue.put(update)
        return Response()

    return Route(webhook_path(settings), telegram_webhook, methods=["POST"])
