"""The report use case over the in-memory fakes: a logged program, and no history at all."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backbone.domain.errors import InputError
from backbone.services.application import Backbone
from backbone.services.planning import PlanRequest
from backbone.services.reporting import render_report
from tests.service.conftest import MONDAY

GYM = ("barbell", "dumbbell", "bench", "pullup_bar", "cable")


@pytest.fixture
def lifter(app: Backbone, me: int) -> int:
    request = PlanRequest(
        start_on=MONDAY, days_per_week=3, minutes_per_session=45, equipment=GYM,
        level="intermediate", goal="hypertrophy", weeks=5,
    )  # fmt: skip
    app.start_program(me, request)
    for week in range(3):
        for day in (0, 2, 4):
            on = MONDAY + timedelta(weeks=week, days=day)
            app.log_sets(
                me, "chest_supported_row", [f"{24 + 2 * week}x10@2"] * 3, on=on,
                include_next=False,
            )  # fmt: skip
    return me


def test_a_logged_program_gives_every_section(app: Backbone, lifter: int) -> None:
    today = MONDAY + timedelta(weeks=3)
    report = app.build_report(lifter, 4, today)
    assert report.has_history
    keys = [s.key for s in report.sections]
    assert {"volume", "strength", "pain_load", "adherence", "spinal_load", "plan"} <= set(keys)
    assert report.section("volume").chart_svg is not None
    html = render_report(report, "html")
    assert isinstance(html, str)
    assert "<svg" in html
    pdf = render_report(report, "pdf")
    assert isinstance(pdf, bytes)
    assert pdf.startswith(b"%PDF")


def test_no_history_says_what_to_do_first(app: Backbone, me: int) -> None:
    report = app.build_report(me, 8, MONDAY)
    assert not report.has_history
    assert report.sections == ()
    text = render_report(report, "md")
    assert isinstance(text, str)
    assert "Start a program" in text
    assert "<svg" not in render_report(report, "html")


def test_the_window_and_format_are_checked(app: Backbone, me: int) -> None:
    with pytest.raises(InputError, match="weeks"):
        app.build_report(me, 0, MONDAY)
    report = app.build_report(me, 8, MONDAY)
    with pytest.raises(InputError, match="format"):
        render_report(report, "docx")
