"""Settings: parsing, one-line errors, and `.env.example` documenting every setting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings, setting_names

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_documented_in_env_example() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = re.findall(r"^([A-Z_]+)=", text, flags=re.MULTILINE)
    assert documented == setting_names()
    for name in documented:
        assert re.search(rf"^# .+\n{name}=", text, flags=re.MULTILINE), f"{name} has no comment"


def test_defaults_use_sqlite_in_the_data_folder(tmp_path: Path) -> None:
    settings = load_settings({"XDG_DATA_HOME": str(tmp_path)}, env_file=None)
    assert settings.database_url == f"sqlite:///{tmp_path / 'policybot' / 'policybot.db'}"
    assert settings.match_threshold == pytest.approx(0.53)


def test_env_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("MATCH_THRESHOLD=0.4\nLOG_LEVEL=debug\n", encoding="utf-8")
    settings = load_settings({"MATCH_THRESHOLD": "0.7"}, env_file=env_file)
    assert settings.match_threshold == pytest.approx(0.7)
    assert settings.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("name", "value"),
    [("MATCH_THRESHOLD", "2"), ("MATCH_THRESHOLD", "high"), ("WEBHOOK_PORT", "99999"),
     ("DATABASE_URL", "mysql://x"), ("ADMIN_USER_IDS", "12,abc"), ("LOG_LEVEL", "LOUD")],
)
def test_bad_setting_is_one_clear_line(name: str, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({name: value}, env_file=None)
    message = str(caught.value)
    assert name in message and "\n" not in message
