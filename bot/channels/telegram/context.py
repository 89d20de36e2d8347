"""Typed access to the shared services from a handler's context (`context.services`)."""

from __future__ import annotations

from typing import Any, cast

from telegram.ext import Application, CallbackContext, ExtBot

from bot.application import Services

SERVICES_KEY = "services"


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """Callback context with typed access to the shared services."""

    @property
    def services(self) -> Services:
        """Return the services stored in bot_data by the application factory."""
        return cast(Services, self.bot_data[SERVICES_KEY])


BotApp = Application[ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any]


def services_of(app: BotApp) -> Services:
    """Return the application's shared services."""
    return cast(Services, app.bot_data[SERVICES_KEY])
