"""The Telegram layer: the only package that imports `telegram`."""

import os

# Opt in to python-telegram-bot's coming timedelta durations now: otherwise every 429 RetryAfter
# raised inside PTB logs a deprecation warning (and the new behaviour is the one v23 will have).
os.environ.setdefault("PTB_TIMEDELTA", "1")
