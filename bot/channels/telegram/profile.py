"""The bot's profile in Telegram: its Thai description, short description and command menus.

Users' commands are the menu for everyone; each admin also gets the admin commands in the menu of
their own chat with the bot. Set at start-up; a failure is logged and the bot runs on (the profile
only helps people find their way, nothing depends on it).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from bot.channels.telegram.messages import CHANNEL
from bot.config import Settings
from bot.texts import Contact

log = logging.getLogger(__name__)

USER_COMMANDS = (
    BotCommand("start", "เริ่มต้นและดูตัวอย่างคำถาม"),
    BotCommand("help", "วิธีใช้บอท"),
    BotCommand("circular", "ดูรายละเอียดหนังสือเวียนตามเลขที่"),
    BotCommand("sources", "เอกสารที่คำตอบอ้างอิง"),
    BotCommand("check", "ตรวจร่างความตกลงก่อนลงนาม (ส่งไฟล์หรือวางข้อความ)"),
    BotCommand("contact", "เบอร์โทรสำนักงานที่ให้คำปรึกษา"),
    BotCommand("feedback", "ส่งความเห็นถึงผู้ดูแล"),
)
ADMIN_COMMANDS = (
    *USER_COMMANDS,
    BotCommand("stats", "สถิติคำถาม คำตอบ และความเห็น"),
    BotCommand("unanswered", "คำถามที่ตอบไม่ได้บ่อยที่สุด"),
    BotCommand("reload", "โหลดฐานความรู้ใหม่"),
)
SHORT_DESCRIPTION = "ตอบคำถามเรื่องความร่วมมือระหว่างประเทศและเมืองพี่เมืองน้องของ อปท. พร้อมเอกสารที่มา"


def description(contact: Contact) -> str:
    """Return what the empty chat shows before the first message (at most 512 characters)."""
    return (
        "บอทนี้ตอบคำถามของเจ้าหน้าที่องค์กรปกครองส่วนท้องถิ่น (อปท.) เรื่องแนวทางความร่วมมือระหว่างประเทศ"
        "และเมืองพี่เมืองน้อง โดยบอกคำตอบก่อน แล้วตามด้วยเอกสารที่มา ค้นหนังสือเวียนตามเลขที่ "
        "และตรวจร่างความตกลงก่อนลงนามได้\n\n"
        f"คำตอบเป็นแนวทางเบื้องต้น หากไม่แน่ใจโปรดติดต่อ{contact.line}"
    )[:512]


def admin_chats(settings: Settings) -> list[int]:
    """Return the Telegram chats of the admins (their user ids); other channels' admins are skipped."""
    chats = []
    for user in settings.admin_user_ids:
        channel, _, bare = user.partition(":")
        if channel == CHANNEL and bare.isdigit():
            chats.append(int(bare))
    return sorted(chats)


def _admin_menu(bot: Bot, chat: int) -> Callable[[], Awaitable[bool]]:
    return lambda: bot.set_my_commands(ADMIN_COMMANDS, scope=BotCommandScopeChat(chat))


async def set_profile(bot: Bot, settings: Settings) -> None:
    """Set the descriptions and the command menus; log what fails and go on."""
    steps: list[tuple[str, Callable[[], Awaitable[bool]]]] = [
        ("description", lambda: bot.set_my_description(description(settings.contact))),
        ("short description", lambda: bot.set_my_short_description(SHORT_DESCRIPTION)),
        ("command menu", lambda: bot.set_my_commands(USER_COMMANDS, scope=BotCommandScopeDefault())),
    ]
    for chat in admin_chats(settings):
        steps.append((f"admin command menu of chat {chat}", _admin_menu(bot, chat)))
    for what, step in steps:
        try:
            await step()
        except TelegramError as error:
            # An admin who never opened a chat with the bot has none to scope ("chat not found").
            log.warning("telegram profile: could not set the %s: %s", what, error)
