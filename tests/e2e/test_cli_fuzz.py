"""Random argument vectors for every command: exit code 0-3, never a traceback, never a hang, and
nothing stored by a command that fails (issue 10).

Vectors are built from each command's own click parameters, with values drawn from a pool of
valid and hostile words (far dates, impossible days, `1_0`, `nan`, exponents, non-ASCII digits,
escape codes, huge numbers). Most run in-process through click's CliRunner; a few run the real
script. Bounded: a fixed number of examples and an alarm on every invocation.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backbone.interfaces.cli.main import cli

pytestmark = pytest.mark.slow

BACKBONE = Path(sys.executable).parent / "backbone"
ALLOWED_EXITS = {0, 1, 2, 3}
SECONDS_PER_INVOCATION = 60
"""Far above any command's real time: reaching it means a hang (the tiny-plates loop was one)."""

HOSTILE = (
    "", " ", "-1", "0", "1_0", "0_3", "\u0663", "\uff17", "nan", "inf", "1e-9", "1e309",
    "99999999999999999999", "0.0001", "0.005", "2026-02-30", "9999-12-31", "0001-01-01",
    "2026-13-01", "\x1b[2J", "\x1b]0;t\x07", "caf\udce9", "x" * 600, "--", "-",
)  # fmt: skip
PLAUSIBLE = (
    "7", "2", "10", "45", "3", "80", "2.5", "20,10,5,2.5", "2026-03-02", "2026-03-09",
    "chest_supported_row", "pull_up", "row", "plank", "fever", "FEVER", "Night-Pain",
    "60x8@2", "bw-20x8", "bw-1000x5", "0.0001x1", "45s", "x3", "dumbbell,bench", "mon,wed,fri",
    "novice", "health", "none", "kg", "lb", "md", "html", "8w", "left",
)  # fmt: skip
# PDF rendering takes seconds and is covered by the report tests; the fuzz keeps to text formats.
SKIPPED_VALUES = {("report", "--format"): ("md", "html", "txt", "PDF")}

# half plausible, so vectors also get past parsing into the use cases and the database
values = st.one_of(
    st.sampled_from(PLAUSIBLE),
    st.sampled_from(PLAUSIBLE),
    st.sampled_from(HOSTILE),
    st.text(max_size=12),
)


def _commands(
    group: click.Group, prefix: tuple[str, ...] = ()
) -> dict[tuple[str, ...], click.Command]:
    found: dict[tuple[str, ...], click.Command] = {}
    for name, command in group.commands.items():
        path = (*prefix, name)
        found[path] = command
        if isinstance(command, click.Group):
            found.update(_commands(command, path))
    return found


LONG_RUNNING = {("serve",)}
"""`serve` runs until stopped (the API tests start and stop it); every other command finishes."""
COMMANDS = {path: command for path, command in _commands(cli).items() if path not in LONG_RUNNING}


@st.composite
def argument_vectors(draw: st.DrawFn) -> list[str]:
    path = draw(st.sampled_from(sorted(COMMANDS)))
    command = COMMANDS[path]
    args = list(path)
    for param in command.params:
        if not draw(st.booleans()):
            continue
        if isinstance(param, click.Option):
            if param.opts[0] in ("--help", "-h"):
                continue
            name = param.opts[-1] if param.opts[-1].startswith("--") else param.opts[0]
            args.append(name)
            if param.is_flag:
                continue
            choices = SKIPPED_VALUES.get((path[-1], name))
            args.append(draw(st.sampled_from(choices) if choices else values))
        else:
            count = 1 if param.nargs == 1 else draw(st.integers(1, 4))
            args.extend(draw(values) for _ in range(count))
    return args


def dump(database: Path) -> str:
    if not database.exists():
        return ""
    connection = sqlite3.connect(database)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


@contextmanager
def alarm(seconds: int, args: list[str]) -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"backbone {args!r} ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def workspace() -> Iterator[Path]:
    """One seeded database and a scratch directory (reports land here, not in the repo)."""
    with tempfile.TemporaryDirectory(prefix="backbone-fuzz-") as raw:
        directory = Path(raw)
        database = directory / "fuzz.db"
        env = {"BACKBONE_DB": str(database), "BACKBONE_DATABASE_URL": ""}
        runner = CliRunner()
        for args in (
            ["athlete", "--bodyweight", "80"],
            [
                "program",
                "start",
                "--equipment",
                "dumbbell,bench,pullup_bar",
                "--start",
                "2026-03-02",
            ],
            ["log", "chest_supported_row", "20x10@2", "--date", "2026-03-02"],
            [
                "checkin",
                "--sleep",
                "7",
                "--back-pain",
                "1",
                "--soreness",
                "2",
                "--date",
                "2026-03-02",
            ],
        ):
            assert runner.invoke(cli, args, env=env).exit_code == 0, args
        yield directory


def _expected_write(args: list[str], code: int) -> bool:
    """A red flag in a check-in is stored, then stops training (exit 3) by design."""
    return code == 3 and args[:1] == ["checkin"]


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(args=argument_vectors())
def test_any_argument_vector_in_process(workspace: Path, args: list[str]) -> None:
    database = workspace / "fuzz.db"
    before = dump(database)
    cwd = os.getcwd()
    os.chdir(workspace)
    try:
        with alarm(SECONDS_PER_INVOCATION, args):
            result = CliRunner().invoke(
                cli, args, env={"BACKBONE_DB": str(database), "BACKBONE_DATABASE_URL": ""}
            )
    finally:
        os.chdir(cwd)
    assert result.exit_code in ALLOWED_EXITS, (args, result.output)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"backbone {args!r} raised") from result.exception
    assert "Traceback" not in result.output, (args, result.output)
    if result.exit_code != 0 and not _expected_write(args, result.exit_code):
        assert dump(database) == before, f"backbone {args!r} failed but changed the database"


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(args=argument_vectors())
def test_any_argument_vector_in_a_real_process(workspace: Path, args: list[str]) -> None:
    database = workspace / "fuzz.db"
    before = dump(database)
    environ = {**os.environ, "BACKBONE_DB": str(database)}
    environ.pop("BACKBONE_DATABASE_URL", None)
    # argv cannot carry lone surrogates or NUL; the OS hands the program bytes
    argv = [a.encode("utf-8", "surrogateescape").replace(b"\x00", b"") for a in args]
    result = subprocess.run(
        [str(BACKBONE).encode(), *argv],
        env=environ,
        cwd=workspace,
        stdin=subprocess.DEVNULL,  # `user create` would wait for a password
        capture_output=True,
        timeout=SECONDS_PER_INVOCATION,
        check=False,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode in ALLOWED_EXITS, (args, stderr)
    assert "Traceback" not in stderr, (args, stderr)
    if result.returncode != 0 and not _expected_write(args, result.returncode):
        assert dump(database) == before, f"backbone {args!r} failed but changed the database"
