"""Settings: every knob the bot has, typed, read in one place from the environment and `.env`.

The `Settings` dataclass is the table: each field declares its environment name (the field name
upper-cased), its default as written in `.env.example`, its help line and its parser. Nothing else
in the package reads the environment for a setting.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.texts import Contact

log = logging.getLogger(__name__)


class ConfigError(Exception):
    """A setting is missing or malformed; the message is one line for the operator."""


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


def _positive_float(value: str) -> float:
    number = float(value)
    if not 0 < number <= 600:
        raise ValueError("must be a number of seconds above 0 and at most 600")
    return number


def _port(value: str) -> int:
    number = int(value)
    if not 0 < number < 65536:
        raise ValueError("must be a port number from 1 to 65535")
    return number


_CHANNEL_USER = re.compile(r"^[a-z]+:[A-Za-z0-9_-]{1,64}$")


def user_key(channel: str, user_id: object) -> str:
    """Return the opaque, channel-qualified user id used everywhere (`telegram:123`)."""
    return f"{channel}:{user_id}"


def _user_list(value: str) -> frozenset[str]:
    keys: set[str] = set()
    for part in (part for part in re.split(r"[,\s]+", value.strip()) if part):
        if part.isdigit():
            # A bare number is a Telegram user id, as this setting has always taken them.
            keys.add(user_key("telegram", part))
        elif _CHANNEL_USER.match(part):
            keys.add(part)
        else:
            raise ValueError(f"{part!r} is neither a Telegram user id nor channel:id (e.g. line:U4af4980629)")
    return frozenset(keys)


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


_TOKEN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")


def _telegram_token(value: str) -> str:
    value = value.strip()
    if value and not _TOKEN.match(value):
        raise ValueError("malformed: expected digits, a colon and the secret (123456:ABC...)")
    return value


def _http_url(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if value and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise ValueError("not an http(s) URL")
    return value


_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


def _webhook_secret(value: str) -> str:
    value = value.strip()
    if value and not _SECRET.match(value):
        raise ValueError("must be 1-256 characters of A-Z a-z 0-9 _ -")
    return value


_LINE_SECRET = re.compile(r"^[A-Za-z0-9]{16,128}$")
_LINE_TOKEN = re.compile(r"^[A-Za-z0-9+/=._-]{20,1024}$")


def _line_secret(value: str) -> str:
    value = value.strip()
    if value and not _LINE_SECRET.match(value):
        raise ValueError("malformed: expected the channel secret from the LINE Developers console (32 letters and digits)")
    return value


def _line_token(value: str) -> str:
    value = value.strip()
    if value and not _LINE_TOKEN.match(value):
        raise ValueError("malformed: expected the channel access token from the LINE Developers console")
    return value


def _yes_no(value: str) -> bool:
    value = value.strip().lower()
    if value not in {"yes", "no", "true", "false", "1", "0", "on", "off"}:
        raise ValueError("must be yes or no")
    return value in {"yes", "true", "1", "on"}


def _phone(value: str) -> str:
    value = value.strip()
    digits = re.sub(r"\D", "", value)
    if not 9 <= len(digits) <= 10 or not digits.startswith("0"):
        raise ValueError("must be a Thai telephone number such as 0-5373-2273 or 081-234-5678")
    return value


def _setting(default: str, help_text: str, parse: Callable[[str], Any] = _text) -> Any:
    """Declare one setting: its default as `.env.example` writes it, its help line and its parser."""
    return field(metadata={"default": default, "help": help_text, "parse": parse})


@dataclass(frozen=True)
class Settings:
    """Parsed settings, one typed field per setting; build with `load_settings()`."""

    knowledge_dir: Path | None = _setting("", "Folder of the knowledge base; empty = the copy shipped in the package.", _optional_path)
    database_url: str = _setting("", "SQLAlchemy URL; empty = SQLite file at DB_PATH. PostgreSQL: postgresql+psycopg://user:pass@host/db", _database_url)
    db_path: Path | None = _setting("", "SQLite file used when DATABASE_URL is empty; empty = ~/.local/share/policybot/policybot.db", _optional_path)
    db_timeout_seconds: float = _setting("5", "Longest wait on the database (connecting, a statement, a lock); then it counts as away.", _positive_float)
    match_threshold: float = _setting("0.53", "Confidence (0-1) below which a question is declined.", _float_01)
    story_threshold: float = _setting(
        "0.40", "Confidence (0-1) a long message (a story, then its question) needs, when its best entry leads the next by 0.03.", _float_01
    )
    log_level: str = _setting("INFO", "DEBUG, INFO, WARNING or ERROR.", _log_level)
    contact_office: str = _setting("สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแม่สาย", "Office named in declines, the contact answer and draft-check summaries (your district's local-administration office).")
    contact_phone: str = _setting("0-5373-2273", "That office's telephone, Thai format; shown also as +66 so phones can dial it.", _phone)
    telegram_bot_token: str = _setting("", "Bot token from @BotFather (needed by `policybot serve` only).", _telegram_token)
    telegram_api_base_url: str = _setting("https://api.telegram.org/bot", "Bot API base URL; the token is appended. E.g. http://127.0.0.1:8081/bot", _http_url)
    webhook_url: str = _setting("", "Public HTTPS URL of Telegram's webhook; empty = long polling.", _http_url)
    webhook_secret: str = _setting("", "Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -).", _webhook_secret)
    webhook_listen: str = _setting("127.0.0.1", "Address the web server (webhooks, /healthz) listens on.")
    webhook_port: int = _setting("8443", "Port the web server (webhooks, /healthz) listens on.", _port)
    line_channel_secret: str = _setting("", "LINE channel secret (Developers console, Basic settings); with the access token it turns LINE on.", _line_secret)
    line_channel_access_token: str = _setting("", "LINE channel access token, long-lived (Developers console, Messaging API tab).", _line_token)
    line_api_base_url: str = _setting("https://api.line.me", "LINE Messaging API base URL; file contents come from api-data.line.me when this is the default.", _http_url)
    line_push_fallback: bool = _setting("yes", "yes = push the answer when LINE's reply token has expired or failed (push messages count against the plan's quota).", _yes_no)
    admin_user_ids: frozenset[str] = _setting("", "Comma-separated user ids allowed to use admin commands: Telegram ids, or channel:id.", _user_list)
    user_hash_salt: str = _setting("", "Secret salt for hashing user ids in logs (PDPA); set it in production.")
    log_retention_days: int = _setting("180", "Question logs older than this many days are deleted.", _positive_int)
    check_timeout_seconds: float = _setting("60", "Longest a draft check may take (/check, a sent file); past it the check is stopped and the user told.", _positive_float)
    context_minutes: float = _setting("10", "Minutes a short follow-up (\"แล้ว อบจ. ล่ะ\") is read with the same person's previous question; replies to an answer always are.", _positive_float)
    rate_limit_per_minute: int = _setting("20", "Messages a user may send per minute before the bot asks them to slow down.", _positive_int)
    # Not a setting: the per-user data folder (XDG), home of the default SQLite file.
    data_home: Path = field(default=Path(), metadata={})

    @property
    def contact(self) -> Contact:
        """Return the office users are sent to, with its telephone."""
        return Contact(self.contact_office, self.contact_phone)


@dataclass(frozen=True)
class Setting:
    """One documented setting: its environment name, default, help line and parser."""

    name: str
    default: str
    help: str
    parse: Callable[[str], Any]
    attribute: str


# The registry, read off the dataclass: `.env.example` documents exactly these (a test keeps them in step).
SETTINGS: tuple[Setting, ...] = tuple(
    Setting(item.name.upper(), item.metadata["default"], item.metadata["help"], item.metadata["parse"], item.name)
    for item in fields(Settings)
    if "parse" in item.metadata
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}
_SECRETS = frozenset({"TELEGRAM_BOT_TOKEN", "WEBHOOK_SECRET", "USER_HASH_SALT", "LINE_CHANNEL_SECRET",
                      "LINE_CHANNEL_ACCESS_TOKEN"})
assert all(item.default is MISSING for item in fields(Settings) if "parse" in item.metadata)


def _data_home(environ: Mapping[str, str]) -> Path:
    """Return the per-user data directory (XDG), where the default SQLite file lives."""
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "policybot"


def _read_env_file(path: Path) -> dict[str, str]:
    """Read KEY=VALUE lines from a `.env` file, if there is one."""
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {key: value for key, value in dotenv_values(path).items() if value is not None}


def unknown_keys(keys: Mapping[str, str], source: str) -> list[str]:
    """Return one warning line per key that is no setting, naming the closest setting if any."""
    warnings = []
    for key in keys:
        if key in _BY_NAME:
            continue
        close = difflib.get_close_matches(key.upper(), list(_BY_NAME), n=1, cutoff=0.75)
        hint = f"; did you mean {close[0]}?" if close else ""
        warnings.append(f"{source}: {key} is not a policybot setting and is ignored{hint}")
    return warnings


def load_settings(environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")) -> Settings:
    """Parse every setting from `environ` (default: os.environ) over `.env`; raise ConfigError."""
    from_file: dict[str, str] = _read_env_file(env_file) if env_file else {}
    for warning in unknown_keys(from_file, env_file.name if env_file else ".env"):
        log.warning("%s", warning)
    source = dict(from_file)
    source.update(os.environ if environ is None else environ)
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = source.get(setting.name, setting.default)
        try:
            values[setting.attribute] = setting.parse(raw)
        except ValueError as error:
            # Secrets are not echoed into logs and terminals.
            shown = "" if setting.name in _SECRETS else f"={raw!r}"
            raise ConfigError(f"setting {setting.name}{shown} is invalid: {error}") from None
    values["data_home"] = _data_home(source)
    if not values["database_url"]:
        path = values["db_path"] or values["data_home"] / "policybot.db"
        values["database_url"] = f"sqlite:///{path}"
    return Settings(**values)


def default_contact() -> Contact:
    """Return the contact office as the settings' defaults name it (for code that runs without settings)."""
    return Contact(_BY_NAME["CONTACT_OFFICE"].default, _BY_NAME["CONTACT_PHONE"].default)


def setting_names() -> list[str]:
    """Return the names of all settings, in documentation order."""
    return list(_BY_NAME)
