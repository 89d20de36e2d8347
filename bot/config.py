"""Settings: every knob the bot has, read in one place from the environment and `.env`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ConfigError(Exception):
    """A setting is missing or malformed; the message is one line for the operator."""


def _data_home(environ: Mapping[str, str]) -> Path:
    """Return the per-user data directory (XDG), where the default SQLite file lives."""
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "policybot"


def _text(value: str) -> str:
    return value.strip()


def _optional_path(value: str) -> Path | None:
    value = value.strip()
    return Path(value).expanduser() if value else None


def _float_01(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise ValueError("must be between 0 and 1")
    return number


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise ValueError("must be a positive whole number")
    return number


def _port(value: str) -> int:
    number = int(value)
    if not 0 < number < 65536:
        raise ValueError("must be a port number from 1 to 65535")
    return number


def _id_list(value: str) -> frozenset[int]:
    ids = [part for part in re.split(r"[,\s]+", value.strip()) if part]
    return frozenset(int(part) for part in ids)


def _database_url(value: str) -> str:
    value = value.strip()
    if value and not re.match(r"^(sqlite|postgresql)(\+\w+)?://", value):
        raise ValueError("must start with sqlite:// or postgresql:// (postgresql+psycopg://)")
    return value


def _log_level(value: str) -> str:
    value = value.strip().upper()
    if value not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
    return value


@dataclass(frozen=True)
class Setting:
    """One documented setting: its environment name, default and parser."""

    name: str
    default: str
    help: str
    parse: Callable[[str], Any] = _text


# The registry: `.env.example` documents exactly these (a test keeps them in step).
SETTINGS: tuple[Setting, ...] = (
    Setting("KNOWLEDGE_DIR", "", "Folder of the knowledge base; empty = the copy shipped in the package.", _optional_path),
    Setting("DATABASE_URL", "", "SQLAlchemy URL; empty = SQLite file at DB_PATH. PostgreSQL: postgresql+psycopg://user:pass@host/db", _database_url),
    Setting("DB_PATH", "", "SQLite file used when DATABASE_URL is empty; empty = ~/.local/share/policybot/policybot.db", _optional_path),
    Setting("MATCH_THRESHOLD", "0.53", "Confidence (0-1) below which a question is declined.", _float_01),
    Setting("LOG_LEVEL", "INFO", "DEBUG, INFO, WARNING or ERROR.", _log_level),
    Setting("TELEGRAM_BOT_TOKEN", "", "Bot token from @BotFather (needed by `policybot serve` only)."),
    Setting("TELEGRAM_API_BASE_URL", "https://api.telegram.org/bot", "Bot API base URL; the token is appended. E.g. http://127.0.0.1:8081/bot"),
    Setting("WEBHOOK_URL", "", "Public HTTPS URL of the webhook; empty = long polling."),
    Setting("WEBHOOK_SECRET", "", "Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -)."),
    Setting("WEBHOOK_LISTEN", "127.0.0.1", "Address the webhook server listens on."),
    Setting("WEBHOOK_PORT", "8443", "Port the webhook server listens on.", _port),
    Setting("ADMIN_USER_IDS", "", "Comma-separated Telegram user ids allowed to use admin commands.", _id_list),
    Setting("USER_HASH_SALT", "", "Secret salt for hashing Telegram user ids in logs (PDPA); set it in production."),
    Setting("LOG_RETENTION_DAYS", "180", "Question logs older than this many days are deleted.", _positive_int),
    Setting("RATE_LIMIT_PER_MINUTE", "20", "Messages a user may send per minute before the bot asks them to slow down.", _positive_int),
)

_BY_NAME = {setting.name: setting for setting in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Parsed settings; build with `load_settings()`."""

    values: Mapping[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name.upper()]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def database_url(self) -> str:
        """Return the database URL, defaulting to the SQLite file."""
        url: str = self.values["DATABASE_URL"]
        if url:
            return url
        path: Path = self.values["DB_PATH"] or (self.values["_DATA_HOME"] / "policybot.db")
        return f"sqlite:///{path}"


def _read_env_file(path: Path) -> dict[str, str]:
    """Read KEY=VALUE lines from a `.env` file, if there is one."""
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {key: value for key, value in dotenv_values(path).items() if value is not None}


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
) -> Settings:
    """Parse every setting from `environ` (default: os.environ) over `.env`; raise ConfigError."""
    source: dict[str, str] = _read_env_file(env_file) if env_file else {}
    source.update(os.environ if environ is None else environ)
    values: dict[str, Any] = {"_DATA_HOME": _data_home(source)}
    for setting in SETTINGS:
        raw = source.get(setting.name, setting.default)
        try:
            values[setting.name] = setting.parse(raw)
        except ValueError as error:
            raise ConfigError(f"setting {setting.name}={raw!r} is invalid: {error}") from None
    return Settings(values)


def setting_names() -> list[str]:
    """Return the names of all settings, in documentation order."""
    return list(_BY_NAME)
