"""Issue 10, as a careless or hostile user would try it: bad input never writes, never hangs and
never prints a traceback; output failures after a write say it was saved; faults are in words.

Most cases run in-process (click's CliRunner) against a real SQLite file, with the whole database
compared before and after; a few run the installed script where the process itself matters
(closed or full stdout, the interpreter's encoding).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from backbone.interfaces.cli.main import cli

BACKBONE = Path(sys.executable).parent / "backbone"
ROW = "chest_supported_row"


def dump(database: Path) -> str:
    """Every row of every table, for before/after comparisons."""
    if not database.exists():
        return ""
    connection = sqlite3.connect(database)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


class Cli:
    def __init__(self, database: Path) -> None:
        self.database = database

    def __call__(self, *args: str, code: int | None = 0) -> Result:
        result = CliRunner().invoke(
            cli, list(args), env={"BACKBONE_DB": str(self.database), "BACKBONE_DATABASE_URL": ""}
        )
        assert "Traceback" not in result.output, result.output
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        if code is not None:
            assert result.exit_code == code, (args, result.output)
        return result

    def process(
        self, *args: str, env: dict[str, str] | None = None, **run: object
    ) -> subprocess.CompletedProcess[str]:
        environ = {**os.environ, "BACKBONE_DB": str(self.database), **(env or {})}
        environ.pop("BACKBONE_DATABASE_URL", None)
        result = subprocess.run(
            [str(BACKBONE), *args],
            env=environ,
            text=True,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
            **run,  # type: ignore[call-overload]
        )
        assert "Traceback" not in (result.stderr or ""), result.stderr
        return result  # type: ignore[no-any-return]


@pytest.fixture
def backbone(tmp_path: Path) -> Cli:
    app = Cli(tmp_path / "log.db")
    app("athlete", "--bodyweight", "80")
    app("log", ROW, "60x8", "--date", "2026-03-02")
    return app


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("athlete", "--plates", "0.005"), "smallest real step is 0.25 kg"),
        (("athlete", "--plates", "nan"), "digits 0-9"),
        (("athlete", "--plates", "1e-9"), "digits 0-9"),
        (("athlete", "--dumbbell-step", "1e-12"), "dumbbell step"),
        (("athlete", "--dumbbell-step", "0.01"), "smallest real step"),
        (("athlete", "--bodyweight", "nan"), "digits 0-9"),
        (("log", ROW, "0.0001x1"), "at least 0.25"),
        (("log", "pull_up", "bw-1000x5"), "not less than your bodyweight (80 kg)"),
        (("log", ROW, "60x8", "--pain", "1_0"), "digits 0-9"),
        (("log", ROW, "60x8", "--pain", "\u0663"), "digits 0-9"),
        (("log", ROW, *["60x8"] * 61), "sets in one entry"),
        (("log", ROW, "60x8", "--date", "2026-02-30"), "February 2026 has 28 days"),
        (("log", ROW, "60x8", "--date", "9999-12-31"), "outside the dates"),
        (("log", ROW, "60x8", "--date", "0001-01-01"), "outside the dates"),
        (("log", ROW, "60x8", "--note", "caf\udce9"), "not valid UTF-8"),
        (("log", ROW, "60x8", "--note", "x" * 501), "limited to 500"),
        (("checkin", "--sleep", "7", "--back-pain", "1_0", "--soreness", "2"), "digits 0-9"),
        (("checkin", "--sleep", "nan", "--back-pain", "1", "--soreness", "2"), "digits 0-9"),
        (
            (
                "checkin",
                "--sleep",
                "7",
                "--back-pain",
                "1",
                "--soreness",
                "2",
                "--date",
                "0001-01-01",
            ),
            "outside the dates",
        ),
        (("plan", "--days", "0_3"), "digits 0-9"),
        (("plan", "--start", "9999-12-31"), "outside the dates"),
        (("program", "start", "--start", "9999-12-31"), "outside the dates"),
        (("stats", "--date", "9999-12-31"), "outside the dates"),
        (("report", "--date", "9999-12-31"), "outside the dates"),
        (("next", ROW, "--date", "9999-12-31"), "outside the dates"),
        (("today", "--date", "2026-13-01"), "month must be 01-12"),
        (("test", "record", "plank", "nan"), "digits 0-9"),
    ],
)
def test_bad_input_is_refused_in_words_and_changes_nothing(
    backbone: Cli, args: tuple[str, ...], said: str
) -> None:
    before = dump(backbone.database)
    result = backbone(*args, code=2)
    assert said in " ".join(result.output.split())
    assert dump(backbone.database) == before


def test_upper_case_red_flag_is_stored_like_lower_case(backbone: Cli) -> None:
    checkin = ("checkin", "--sleep", "7", "--back-pain", "1", "--soreness", "2")
    upper = backbone(*checkin, "--red-flag", "FEVER", "--date", "2026-03-03", code=3)
    assert "was saved" in upper.output
    backbone(*checkin, "--red-flag", "fever", "--date", "2026-03-04", code=3)
    connection = sqlite3.connect(backbone.database)
    flags = connection.execute("SELECT red_flags FROM check_ins ORDER BY checked_on").fetchall()
    connection.close()
    assert flags == [('["fever"]',), ('["fever"]',)]


def test_a_second_check_in_for_a_day_is_refused_unless_replaced(backbone: Cli) -> None:
    checkin = ("checkin", "--back-pain", "1", "--soreness", "2", "--date", "2026-03-03")
    backbone(*checkin, "--sleep", "7")
    before = dump(backbone.database)
    refused = backbone(*checkin, "--sleep", "5", code=1)
    assert "already stored (sleep 7 h" in refused.output
    assert "--replace" in refused.output
    assert dump(backbone.database) == before
    backbone(*checkin, "--sleep", "5", "--replace")
    connection = sqlite3.connect(backbone.database)
    assert connection.execute("SELECT sleep_h FROM check_ins").fetchall() == [(5.0,)]
    connection.close()


def test_report_never_overwrites_the_database_or_a_file(backbone: Cli, tmp_path: Path) -> None:
    before = dump(backbone.database)
    for fmt in ("md", "html"):
        refused = backbone("report", "--format", fmt, "--out", str(backbone.database), code=2)
        assert "database" in refused.output
        forced = ("report", "--out", str(backbone.database), "--force")
        assert "database" in backbone(*forced, code=2).output
    assert dump(backbone.database) == before
    mine = tmp_path / "mine.md"
    mine.write_text("my own notes")
    assert "already exists" in backbone("report", "--out", str(mine), code=2).output
    assert mine.read_text() == "my own notes"
    backbone("report", "--out", str(mine), "--force")
    assert mine.read_text().startswith("# Back training report")


def test_escape_codes_typed_by_the_user_never_reach_the_terminal(backbone: Cli) -> None:
    typed = "row\x1b]0;owned\x07\x1b[2J"
    for args in (("log", typed, "60x8"), ("history", "--exercise", typed), ("plan", typed)):
        result = backbone(*args, code=None)
        assert result.exit_code != 0
        assert "\x1b" not in result.output
        assert "\x07" not in result.output


@pytest.mark.parametrize(
    ("args", "saved"),
    [
        (("log", ROW, "62.5x8", "--date", "2026-03-05"), "was saved"),
        (("history", "--json"), None),
        (("report",), None),
    ],
)
def test_a_full_stdout_is_reported_cleanly(
    backbone: Cli, args: tuple[str, ...], saved: str | None
) -> None:
    with open("/dev/full", "w") as full:
        result = backbone.process(*args, stdout=full)
    assert result.returncode == 1
    assert "could not write the output (No space left on device)" in result.stderr
    assert (saved in result.stderr) if saved else ("saved" not in result.stderr)


def test_a_logged_entry_is_stored_once_when_its_output_fails(backbone: Cli) -> None:
    with open("/dev/full", "w") as full:
        backbone.process("log", ROW, "62.5x8", "--date", "2026-03-05", stdout=full)
    entries = sqlite3.connect(backbone.database).execute("SELECT count(*) FROM log_entries")
    assert entries.fetchone() == (2,)


def test_a_closed_stdout_is_reported_cleanly(backbone: Cli) -> None:
    result = backbone.process("plan", preexec_fn=lambda: os.close(1))
    assert result.returncode == 1
    assert "standard output is closed" in result.stderr


def test_an_ascii_terminal_gets_question_marks_not_a_crash(backbone: Cli) -> None:
    result = backbone.process(
        "log", ROW, "62.5x8", "--date", "2026-03-05",
        env={"PYTHONIOENCODING": "ascii"}, stdout=subprocess.PIPE,
    )  # fmt: skip
    assert result.returncode == 0
    assert "Logged 1 set(s)" in result.stdout


def test_db_check_and_upgrade_on_a_sound_file(backbone: Cli) -> None:
    checked = backbone("db", "check")
    assert "Database OK" in checked.output
    assert "current" in checked.output
    assert "up to date" in backbone("db", "upgrade").output


def test_a_newer_schema_stops_every_command_in_words(backbone: Cli) -> None:
    connection = sqlite3.connect(backbone.database)
    connection.execute("UPDATE alembic_version SET version_num = '0999'")
    connection.commit()
    connection.close()
    before = backbone.database.read_bytes()
    for args in (("history",), ("db", "upgrade"), ("log", ROW, "60x8")):
        result = backbone(*args, code=1)
        assert "written by a newer Backbone (schema revision 0999" in result.output
    assert "newer Backbone" in backbone("db", "check").output
    assert backbone.database.read_bytes() == before


def test_a_damaged_file_is_found_and_never_upgraded(backbone: Cli) -> None:
    for n in range(40):  # enough pages to damage the middle of the file
        backbone("log", ROW, "60x8", "--date", f"2026-04-{n % 28 + 1:02d}", "--note", "n" * 400)
    connection = sqlite3.connect(backbone.database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(backbone.database.read_bytes())
    for offset in range(4096 + 100, len(data) - 4096):
        data[offset] = 0x55
    backbone.database.write_bytes(bytes(data))
    checked = backbone("db", "check", code=1)
    assert "damaged" in checked.output
    upgraded = backbone("db", "upgrade", code=1)
    assert "damaged, so it was not upgraded" in upgraded.output
    assert "up to date" not in upgraded.output


def test_an_empty_backbone_db_is_an_error_not_the_default(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["history"], env={"BACKBONE_DB": "", "BACKBONE_DATABASE_URL": ""}
    )
    assert result.exit_code == 2
    assert "BACKBONE_DB is set but empty" in result.output
