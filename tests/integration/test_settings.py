"""Which database the environment selects (BACKBONE_DATABASE_URL > BACKBONE_DB > data dir)."""

from __future__ import annotations

from pathlib import Path

import pytest

from backbone.domain.errors import InputError
from backbone.settings import database_url, redacted


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u:p@db:5432/backbone", "postgresql+psycopg://u:p@db:5432/backbone"),
        ("postgres://u@db/backbone", "postgresql+psycopg://u@db/backbone"),
        (
            "postgresql+psycopg://u@db/b?sslmode=require",
            "postgresql+psycopg://u@db/b?sslmode=require",
        ),
        ("  postgresql://db/backbone  ", "postgresql+psycopg://db/backbone"),
        (
            "postgresql:///backbone?host=/run/postgresql",
            "postgresql+psycopg:///backbone?host=/run/postgresql",
        ),
    ],
)
def test_postgres_urls_use_psycopg(given: str, expected: str) -> None:
    assert database_url({"BACKBONE_DATABASE_URL": given}) == expected


def test_the_url_wins_over_the_path(tmp_path: Path) -> None:
    environ = {"BACKBONE_DATABASE_URL": "postgres://db/x", "BACKBONE_DB": str(tmp_path / "a.db")}
    assert database_url(environ).startswith("postgresql+psycopg://")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("mysql://u@db/x", "must be a PostgreSQL URL"),
        ("sqlite:///x.db", "BACKBONE_DB"),
        ("postgresql+psycopg2://db/x", "must be a PostgreSQL URL"),
        ("localhost:5432/backbone", "not a URL"),
        ("postgresql://db:notaport/x", "not a valid URL"),
        ("postgresql:///x", "names no server"),
    ],
)
def test_bad_urls_are_input_errors(given: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        database_url({"BACKBONE_DATABASE_URL": given})


def test_error_messages_hide_the_password() -> None:
    with pytest.raises(InputError) as caught:
        database_url({"BACKBONE_DATABASE_URL": "mysql://me:s3cret@db/x"})
    assert "s3cret" not in caught.value.message
    assert "s3cret" not in str(dict(caught.value.details))


def test_redacted() -> None:
    assert (
        redacted("postgresql+psycopg://me:s3cret@db:5433/x")
        == "postgresql+psycopg://me:***@db:5433/x"
    )
    assert redacted("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"


def test_backbone_db_is_an_absolute_sqlite_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url({"BACKBONE_DB": "mine.db"}) == f"sqlite:///{tmp_path / 'mine.db'}"
    assert database_url({"BACKBONE_DB": "~/x.db", "BACKBONE_DATABASE_URL": ""}) == (
        f"sqlite:///{Path.home() / 'x.db'}"
    )


def test_backbone_db_must_be_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="must name a database file"):
        database_url({"BACKBONE_DB": str(tmp_path)})


def test_default_is_backbone_db_in_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = database_url({})
    assert url == f"sqlite:///{tmp_path / 'data' / 'backbone' / 'backbone.db'}"
    assert (tmp_path / "data" / "backbone").is_dir()


@pytest.mark.parametrize("value", ["", "   "])
def test_backbone_db_set_but_empty_is_an_error_not_the_default(value: str) -> None:
    with pytest.raises(InputError, match="BACKBONE_DB is set but empty"):
        database_url({"BACKBONE_DB": value})
    with pytest.raises(InputError, match="BACKBONE_DB is set but empty"):
        database_url({"BACKBONE_DB": value, "BACKBONE_DATABASE_URL": ""})


def test_a_port_out_of_range_is_an_input_error_and_the_password_stays_hidden() -> None:
    with pytest.raises(InputError, match="not a valid URL") as caught:
        database_url({"BACKBONE_DATABASE_URL": "postgresql://me:s3cret@localhost:99999/x"})
    assert "s3cret" not in caught.value.message
    assert "localhost:99999" in caught.value.message


def test_a_file_name_too_long_for_the_file_system_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="longer than 255 bytes"):
        database_url({"BACKBONE_DB": str(tmp_path / ("a" * 300 + ".db"))})
