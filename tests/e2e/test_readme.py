"""The README's commands run as written, and the output it shows is what they really print."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Example:
    command: str
    exit_code: int
    shown_output: tuple[str, ...]
    """output lines the README shows, up to a line of `...`"""


def readme_examples() -> list[Example]:
    examples: list[Example] = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        current: list[str] = []
        command: str | None = None
        exit_code = 0
        stop = False
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    examples.append(Example(command, exit_code, tuple(current)))
                text, _, comment = line[2:].partition("#")
                command, current, stop = text.strip(), [], False
                found = re.search(r"exit (\d+)", comment)
                exit_code = int(found.group(1)) if found else 0
            elif command is not None and not stop:
                if line.strip() == "...":
                    stop = True
                else:
                    current.append(line.rstrip())
        if command is not None:
            examples.append(Example(command, exit_code, tuple(current)))
    return examples


def make_run_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    return sorted({m.strip() for m in re.findall(r"^(make plan.*?)(?:\s+#.*)?$", text, re.M)})


EXAMPLES = readme_examples()


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 5
    assert all(e.command.startswith("backbone") for e in EXAMPLES)


@pytest.fixture(scope="module")
def readme_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One fresh database for the whole README, so its commands build on each other in order."""
    env = {**os.environ, "BACKBONE_DB": str(tmp_path_factory.mktemp("readme") / "backbone.db")}
    env.pop("BACKBONE_DATABASE_URL", None)
    env.pop("COLUMNS", None)  # shown as piped at the default width (pytest-xdist sets 80)
    return env


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.command for e in EXAMPLES])
def test_readme_command(example: Example, readme_env: dict[str, str]) -> None:
    argv = shlex.split(example.command)
    result = subprocess.run(
        [str(BIN / argv[0]), *argv[1:]],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=readme_env,
    )
    assert result.returncode == example.exit_code, result.stderr
    printed = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
    assert "Traceback" not in result.stderr
    for shown in example.shown_output:
        if shown.endswith("..."):
            prefix = shown.removesuffix("...").rstrip()
            assert any(line.startswith(prefix) for line in printed), shown
        else:
            assert shown in printed, shown


@pytest.mark.parametrize("line", make_run_lines())
def test_readme_make_run(line: str) -> None:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        shlex.split(line),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Week 1" in result.stdout
    assert "make plan ARGS=" in result.stdout
