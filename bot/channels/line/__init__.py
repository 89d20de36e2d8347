"""The LINE layer (Messaging API webhooks, `line-bot-sdk` v3): the only package that imports `linebot`."""
