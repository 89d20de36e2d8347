"""Chat channels: each a thin adapter over the conversation turn (bot.conversation) with its own renderer."""
