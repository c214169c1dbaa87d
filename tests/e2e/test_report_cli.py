"""`backbone report` from the command line, against a real SQLite file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.cli_runner import Backbone
from tests.e2e.test_training_cli import GYM, START

LOGGED = ("2026-11-30", "2026-12-02", "2026-12-04", "2026-12-07", "2026-12-09")
TODAY = "2026-12-10"


@pytest.fixture
def backbone(tmp_path: Path) -> Backbone:
    return Backbone(tmp_path / "log.db")


@pytest.fixture
def logged(backbone: Backbone) -> Backbone:
    backbone.run(
        "program", "start", "--days", "3", "--minutes", "45", "--equipment", GYM,
        "--level", "intermediate", "--goal", "hypertrophy", "--start", START, "--weeks", "5",
    )  # fmt: skip
    for n, on in enumerate(LOGGED):
        backbone.run("log", "chest_supported_row", f"{24 + n}x10@2", f"{24 + n}x9@1", "--date", on)
    backbone.run("checkin", "--sleep", "7", "--back-pain", "2", "--soreness", "3", "--date", TODAY)
    return backbone


def test_html_report_to_a_file(logged: Backbone, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    result = logged.run(
        "report", "--since", "4w", "--format", "html", "--out", str(out), "--date", TODAY
    )
    assert "Report written to" in result.stderr
    html = out.read_text(encoding="utf-8")
    for key in ("volume", "strength", "pain_load", "adherence", "spinal_load", "plan"):
        assert f'<section id="{key}">' in html
    assert html.count("<svg") >= 4
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing fetched


def test_markdown_report_to_stdout(logged: Backbone) -> None:
    text = logged.run("report", "--date", TODAY).stdout
    assert text.startswith("# Back training report")
    assert "## Weekly hard sets per muscle against the evidence band" in text


def test_pdf_report_opens(logged: Backbone, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    logged.run("report", "--format", "pdf", "--out", str(out), "--date", TODAY)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Back training report" in " ".join(text.split())


def test_no_history_and_bad_input(backbone: Backbone) -> None:
    text = backbone.run("report").stdout
    assert "What to do first" in text
    assert "Start a program" in text
    bad = backbone.run("report", "--since", "3m", code=2)
    assert "8w" in bad.stderr
