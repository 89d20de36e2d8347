"""Wiring only: settings → services → ApplicationBuilder → handlers in order → start-up and shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Callable

from telegram import BotCommand, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.chat import checking, handlers
from bot.chat.circulars import open_registry_lookup
from bot.chat.context import SERVICES_KEY, BotApp, BotContext, Services
from bot.chat.flood import FloodGuard
from bot.chat.protocols import Answerer, CircularLookup
from bot.checker import warm_up
from bot.config import ConfigError, Settings
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.querylog import QuestionLogger

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
# The command menu users see; admin commands are left out on purpose.
COMMANDS = (
    BotCommand("start", "เริ่มต้นและดูตัวอย่างคำถาม"),
    BotCommand("help", "วิธีใช้บอท"),
    BotCommand("circular", "ดูรายละเอียดหนังสือเวียนตามเลขที่"),
    BotCommand("sources", "เอกสารที่คำตอบอ้างอิง"),
    BotCommand("check", "ตรวจร่างความตกลงก่อนลงนาม (ส่งไฟล์หรือวางข้อความ)"),
)
RETENTION_INTERVAL = 24 * 3600.0
_PURGE_TASK = "purge_task"


def check_token(token: str) -> str:
    """Return the bot token if it looks like `123456:ABC...`; raise ConfigError otherwise."""
    token = token.strip()
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token in .env")
    if not _TOKEN.match(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN is malformed: expected digits, a colon and the secret (123456:ABC...)")
    return token


def file_base_url(base_url: str) -> str:
    """Return the file download URL that goes with a Bot API base URL (`.../bot` -> `.../file/bot`)."""
    base_url = base_url.rstrip("/")
    # Telegram and the local Bot API server serve files under /file/bot<token>/ beside /bot<token>/.
    if base_url.endswith("/bot"):
        return base_url[: -len("/bot")] + "/file/bot"
    return base_url + "/file/bot"


def open_circulars(settings: Settings) -> CircularLookup | None:
    """Open the circular registry (None, with a warning, if its database is unusable)."""
    return open_registry_lookup(settings)


def make_answerer(settings: Settings) -> Callable[[KnowledgeBase], Answerer]:
    """Return a function that builds the answering service from a knowledge base."""
    from bot.service import PolicyService

    def build(kb: KnowledgeBase) -> Answerer:
        # No registry callback here: the Telegram layer renders circular cards itself (HTML, buttons).
        return PolicyService(kb, settings.match_threshold)

    return build


def build_services(settings: Settings) -> Services:
    """Load the knowledge base (KnowledgeError if invalid) and build the shared services."""
    build = make_answerer(settings)
    return Services(
        settings=settings,
        answerer=build(load_knowledge(settings.knowledge_dir)),
        make_answerer=build,
        circulars=open_circulars(settings),
        querylog=QuestionLogger(settings.database_url, settings.user_hash_salt),
        flood=FloodGuard(settings.rate_limit_per_minute),
        admins=frozenset(settings.admin_user_ids),
    )


def build_application(settings: Settings, services: Services | None = None, *, rate_limit: bool = True) -> BotApp:
    """Build the Application: token and server from settings, handlers in their stated order."""
    token = check_token(settings.telegram_bot_token)
    services = services if services is not None else build_services(settings)
    base_url = settings.telegram_api_base_url.rstrip("/")
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(base_url)
        .base_file_url(file_base_url(base_url))
        .context_types(ContextTypes(context=BotContext))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        # Answers are independent, so many chats are served at once instead of one by one.
        .concurrent_updates(True)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if rate_limit:
        # Retries 429 RetryAfter (after waiting as told) and keeps under Telegram's send limits.
        # (PTB types the builder for a rate limiter without arguments; AIORateLimiter takes an int.)
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))  # type: ignore[arg-type]
    app: BotApp = builder.build()
    app.bot_data[SERVICES_KEY] = services
    add_handlers(app)
    return app


def add_handlers(app: BotApp) -> None:
    """Register the handlers; order matters: commands, buttons, inline, then free text."""
    app.add_handler(CommandHandler("start", handlers.start))
    app.add_handler(CommandHandler("help", handlers.help_command))
    app.add_handler(CommandHandler("circular", handlers.circular))
    app.add_handler(CommandHandler("sources", handlers.sources))
    app.add_handler(CommandHandler("check", checking.check_command))
    app.add_handler(CommandHandler("stats", handlers.stats_command))
    app.add_handler(CommandHandler("unanswered", handlers.unanswered_command))
    app.add_handler(CommandHandler("reload", handlers.reload_command))
    app.add_handler(CallbackQueryHandler(handlers.button))
    app.add_handler(InlineQueryHandler(handlers.inline_query))
    # Unknown commands in private chats get the help; in groups they may be another bot's.
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, handlers.help_command))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGES, handlers.question))
    # Drafts to check: every document in a private chat, addressed ones in groups (see checking.py).
    app.add_handler(MessageHandler(filters.Document.ALL & filters.UpdateType.MESSAGE, checking.document_message))
    app.add_handler(MessageHandler(filters.PHOTO & filters.ChatType.PRIVATE, checking.photo_message))
    app.add_error_handler(handlers.error_handler)


def services_of(app: BotApp) -> Services:
    """Return the application's shared services."""
    services: Services = app.bot_data[SERVICES_KEY]
    return services


async def _post_init(app: BotApp) -> None:
    """Open the question log, warm the matcher up and register the command menu."""
    services = services_of(app)
    if services.querylog is not None:
        await asyncio.to_thread(services.querylog.open)
        app.bot_data[_PURGE_TASK] = asyncio.get_running_loop().create_task(_retention_loop(services))
    # The first question would otherwise pay for building the word-segmentation dictionary.
    await asyncio.to_thread(services.answerer.answer, "เมืองพี่เมืองน้อง")
    # Likewise the first /check would pay for compiling the checker's patterns.
    await asyncio.to_thread(warm_up)
    await app.bot.set_my_commands(COMMANDS)
    log.info("bot @%s ready", app.bot.username)


async def _retention_loop(services: Services) -> None:
    """Delete question logs past LOG_RETENTION_DAYS now and once a day."""
    querylog = services.querylog
    while querylog is not None:
        deleted = await asyncio.to_thread(querylog.purge, services.settings.log_retention_days)
        if deleted:
            log.info("question log retention: %d old row(s) deleted", deleted)
        services.flood.forget_idle()
        await asyncio.sleep(RETENTION_INTERVAL)


async def _post_shutdown(app: BotApp) -> None:
    """Stop the retention job, finish pending log writes and close the database."""
    services = services_of(app)
    task = app.bot_data.pop(_PURGE_TASK, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await services.drain()
    if services.querylog is not None:
        await asyncio.to_thread(services.querylog.close)
    close = getattr(services.circulars, "close", None)
    if callable(close):
        close()
