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


def test_a_misspelt_key_in_env_gets_a_warning_naming_the_setting(tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("MATCH_TRESHOLD=0.4\nFAVOURITE_COLOUR=blue\n", encoding="utf-8")
    settings = load_settings({}, env_file=env_file)
    assert settings.match_threshold == pytest.approx(0.53)  # the misspelt key changed nothing
    warnings = [record.getMessage() for record in caplog.records]
    assert any("MATCH_TRESHOLD" in line and "did you mean MATCH_THRESHOLD?" in line for line in warnings)
    assert any("FAVOURITE_COLOUR" in line and "did you mean" not in line for line in warnings)


def test_settings_are_typed_and_frozen() -> None:
    import dataclasses

    settings = load_settings({"ADMIN_USER_IDS": "12, line:U4af4980629", "WEBHOOK_PORT": "8443"}, env_file=None)
    assert settings.admin_user_ids == frozenset({"telegram:12", "line:U4af4980629"})
    assert settings.webhook_port == 8443 and isinstance(settings.webhook_port, int)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.webhook_port = 1  # type: ignore[misc]


def test_secrets_are_not_echoed_in_errors() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({"TELEGRAM_BOT_TOKEN": "12:my-secret"}, env_file=None)
    assert "my-secret" not in str(caught.value) and "TELEGRAM_BOT_TOKEN" in str(caught.value)


def test_contact_office_is_a_setting_with_a_dialable_number() -> None:
    default = load_settings({}, env_file=None).contact
    assert default.office.endswith("อำเภอแม่สาย") and default.international == "+66 5373 2273"
    other = load_settings({"CONTACT_OFFICE": "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอเมืองน่าน",
                           "CONTACT_PHONE": "081-234-5678"}, env_file=None).contact
    assert other.international == "+66 81 234 5678" and "อำเภอเมืองน่าน" in other.line
    with pytest.raises(ConfigError):
        load_settings({"CONTACT_PHONE": "call us"}, env_file=None)


def test_only_the_settings_module_reads_policybot_settings_from_the_environment() -> None:
    names = setting_names()
    for path in (ROOT / "bot").rglob("*.py"):
        if path.name == "config.py":
            continue
        text = path.read_text(encoding="utf-8")
        for name in names:
            assert f'environ.get("{name}"' not in text and f'environ["{name}"]' not in text, (path, name)
        assert "getenv(" not in text, path
