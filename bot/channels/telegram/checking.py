"""/check: check a draft agreement sent as a file or pasted after the command (bot.checker).

No state is kept between messages, so any bot process can handle any update: in a private chat
every draft file (.docx, PDF, .txt) is checked, with or without a caption; in a group a document is
for the bot when its caption is /check (or mentions the bot) or when it replies to the bot, e.g. to
the prompt /check sends. A question in the caption is answered too (see bot.channels.telegram.media,
which also decides what happens to files that are not drafts). `/check` as a reply to a document or
a text checks that message. Drafts are read in memory and never stored or logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from html import escape

from telegram import Document, Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError

from bot.application import Services
from bot.channels.telegram.check_render import attachment_name, check_message, source_titles
from bot.channels.telegram.context import BotContext
from bot.channels.telegram.handlers import allowed
from bot.channels.telegram.messages import command_argument, from_bot, mentions_bot
from bot.channels.telegram.render import Reply
from bot.channels.telegram.replies import send_reply
from bot.checker import MAX_BYTES, CheckResult, DocumentRefused, check_size, render_thai

log = logging.getLogger(__name__)

_LIMIT_MB = MAX_BYTES // (1024 * 1024)
PROMPT_PRIVATE = (
    f"ส่งไฟล์ร่างความตกลง (.docx, PDF ที่มีข้อความ หรือ .txt ขนาดไม่เกิน {_LIMIT_MB} MB) มาในแชตนี้ได้เลย "
    "หรือพิมพ์ /check ตามด้วยข้อความร่าง ระบบจะตรวจทีละข้อว่ามีถ้อยคำที่ขัดกับแนวทางหรือไม่"
)
PROMPT_GROUP = (
    f"ตอบกลับ (reply) ข้อความนี้ด้วยไฟล์ร่างความตกลง (.docx, PDF ที่มีข้อความ หรือ .txt ไม่เกิน {_LIMIT_MB} MB) "
    "หรือส่งไฟล์พร้อมคำบรรยาย /check หรือพิมพ์ /check ตามด้วยข้อความร่าง"
)
PHOTO_TEXT = (
    "ระบบตรวจร่างความตกลงอ่านได้เฉพาะไฟล์ .docx, PDF ที่มีข้อความ หรือ .txt "
    "ยังอ่านภาพถ่ายหรือภาพสแกนไม่ได้ โปรดส่งร่างเป็นไฟล์เอกสาร"
)
DEFAULT_NAME = "ร่างความตกลง"
# Telegram shows a chat action for about 5 seconds; refresh it while a long check runs.
ACTION_REFRESH = 4.0
_CAPTION_COMMAND = re.compile(r"^/check(?:@(\w+))?(?:\s|$)", re.IGNORECASE)
# The files the checker reads, as Telegram describes them before download (the checker itself goes
# by the content: a misnamed file is still read or refused correctly).
DRAFT_SUFFIXES = (".docx", ".pdf", ".txt")
DRAFT_TYPES = frozenset({
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text/plain",
})


def caption_command(message: Message) -> bool:
    """Tell whether a document's caption is the /check command (for this bot or any)."""
    return _CAPTION_COMMAND.match(message.caption or "") is not None


def looks_like_draft(document: Document) -> bool:
    """Tell from its name or type (before downloading it) whether a file is one the checker reads."""
    name = (document.file_name or "").lower()
    return name.endswith(DRAFT_SUFFIXES) or (document.mime_type or "").split(";")[0] in DRAFT_TYPES


def document_wanted(message: Message, bot_id: int, bot_username: str | None) -> bool:
    """Tell whether a document is for the bot: always in private chats; in groups when addressed."""
    match = _CAPTION_COMMAND.match(message.caption or "")
    if match and match.group(1) and match.group(1).lower() != (bot_username or "").lower():
        return False  # /check@another_bot
    if message.chat.type == ChatType.PRIVATE or match:
        return True
    if message.reply_to_message is not None and from_bot(message.reply_to_message, bot_id):
        return True
    return mentions_bot(message, bot_id, bot_username) is not None


async def check_command(update: Update, context: BotContext) -> None:
    """/check: check the text after the command, or the document or text it replies to; else explain."""
    message = update.effective_message
    if message is None or not await allowed(update, context):
        return
    text = command_argument(message)
    reply_to = message.reply_to_message
    if not text and reply_to is not None and reply_to.document is not None:
        await check_document(message, reply_to.document, context)
        return
    if not text and reply_to is not None and reply_to.text and not from_bot(reply_to, context.bot.id):
        text = reply_to.text
    if not text:
        prompt = PROMPT_PRIVATE if message.chat.type == ChatType.PRIVATE else PROMPT_GROUP
        await send_reply(message, Reply(escape(prompt)))
        return

    async def check_pasted() -> CheckResult:
        return await context.services.check(text=text)

    await _check_and_reply(message, context.services, check_pasted, None)


async def check_document(message: Message, document: Document, context: BotContext) -> None:
    """Refuse an oversized file before downloading it; otherwise download, check and reply to `message`."""
    name = document.file_name or DEFAULT_NAME
    if document.file_size is not None:
        try:
            check_size(document.file_size)
        except DocumentRefused as error:
            await _refused(message, error, name)
            return
    bot = context.bot

    async def read_and_check() -> CheckResult:
        file = await bot.get_file(document.file_id)
        data = bytes(await file.download_as_bytearray())
        return await context.services.check(data=data, name=name)

    await _check_and_reply(message, context.services, read_and_check, name)


async def _check_and_reply(
    message: Message, services: Services, job: Callable[[], Awaitable[CheckResult]], name: str | None
) -> None:
    """Run a check under a "typing…" action (the services run one at a time); reply with its result or the refusal."""
    try:
        async with _chat_action(message):
            result = await job()
    except DocumentRefused as error:
        await _refused(message, error, name)
        return
    await send_check_result(message, services, result, name)


async def send_check_result(message: Message, services: Services, result: CheckResult, name: str | None) -> None:
    """Send the verdict, summary and the findings that fit one message; if not all fit, attach the full result."""
    titles = source_titles(services.kb)
    shown = check_message(result, titles, name)
    await send_reply(message, Reply(shown.text))
    if not shown.complete:
        header = f"ไฟล์: {name}\n" if name else ""
        full = header + render_thai(result, titles) + "\n"
        await message.reply_document(
            document=full.encode("utf-8"),
            filename=attachment_name(name),
            caption=escape(f"ผลการตรวจฉบับเต็ม {len(result.findings)} ประเด็น"),
        )


async def _refused(message: Message, error: DocumentRefused, name: str | None) -> None:
    """Tell the user, in Thai, why the draft was not checked."""
    log.info("draft %s refused (%s): %s", name or "(pasted)", error.code, error.operator_message)
    await send_reply(message, Reply(escape(error.user_message)))


@contextlib.asynccontextmanager
async def _chat_action(message: Message) -> AsyncIterator[None]:
    """Show "typing…" in the chat while the block runs, refreshed for long checks."""

    async def refresh() -> None:
        while True:
            await asyncio.sleep(ACTION_REFRESH)
            await _send_action(message)

    await _send_action(message)
    task = asyncio.get_running_loop().create_task(refresh())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _send_action(message: Message) -> None:
    """Send a typing action; a failure here must not stop the check (it is only a hint)."""
    try:
        await message.reply_chat_action(ChatAction.TYPING)
    except TelegramError:
        log.debug("chat action failed", exc_info=True)
