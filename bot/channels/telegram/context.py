"""Typed access to the shared services and the channel's own state from a handler's context."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from telegram.ext import Application, CallbackContext, ExtBot

from bot.application import Services
from bot.flood import FloodGuard

if TYPE_CHECKING:
    from bot.channels.telegram.replies import SentReplies

SERVICES_KEY = "services"
REPLIES_KEY = "replies"
INLINE_FLOOD_KEY = "inline_flood"


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """Callback context with typed access to the shared services."""

    @property
    def services(self) -> Services:
        """Return the services stored in bot_data by the application factory."""
        return cast(Services, self.bot_data[SERVICES_KEY])

    @property
    def replies(self) -> SentReplies:
        """Return which bot messages answered which user message (to edit them when the user edits)."""
        return cast("SentReplies", self.bot_data[REPLIES_KEY])

    @property
    def inline_flood(self) -> FloodGuard:
        """Return the flood guard of inline queries (their own budget: one arrives per keystroke)."""
        return cast(FloodGuard, self.bot_data[INLINE_FLOOD_KEY])


BotApp = Application[ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any]


def services_of(app: BotApp) -> Services:
    """Return the application's shared services."""
    return cast(Services, app.bot_data[SERVICES_KEY])
