"""The report use case over the in-memory fakes: a logged program, and no history at all."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from backbone.domain.errors import InputError
from backbone.services.planning import PlanRequest
from backbone.services.ports import Knowledge
from backbone.services.programs import start_program
from backbone.services.reporting import build_report, render_report
from backbone.services.training_log import log_sets
from tests.fakes import FakeStore

MONDAY = date(2026, 11, 30)
GYM = ("barbell", "dumbbell", "bench", "pullup_bar", "cable")


@pytest.fixture
def store(facts: Knowledge) -> FakeStore:
    store = FakeStore()
    request = PlanRequest(
        start_on=MONDAY, days_per_week=3, minutes_per_session=45, equipment=GYM,
        level="intermediate", goal="hypertrophy", weeks=5,
    )  # fmt: skip
    start_program(request, [], facts, store.unit_of_work)
    for week in range(3):
        for day in (0, 2, 4):
            on = MONDAY + timedelta(weeks=week, days=day)
            log_sets(
                "chest_supported_row", [f"{24 + 2 * week}x10@2"] * 3, on=on,
                now=datetime.combine(on, datetime.min.time(), UTC), knowledge=facts,
                new_uow=store.unit_of_work, include_next=False,
            )  # fmt: skip
    return store


def test_a_logged_program_gives_every_section(facts: Knowledge, store: FakeStore) -> None:
    today = MONDAY + timedelta(weeks=3)
    report = build_report(4, today, facts, store.unit_of_work)
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


def test_no_history_says_what_to_do_first(facts: Knowledge) -> None:
    report = build_report(8, MONDAY, facts, FakeStore().unit_of_work)
    assert not report.has_history
    assert report.sections == ()
    text = render_report(report, "md")
    assert isinstance(text, str)
    assert "program start" in text
    assert "<svg" not in render_report(report, "html")


def test_the_window_and_format_are_checked(facts: Knowledge) -> None:
    new_uow = FakeStore().unit_of_work
    with pytest.raises(InputError, match="--since"):
        build_report(0, MONDAY, facts, new_uow)
    report = build_report(8, MONDAY, facts, new_uow)
    with pytest.raises(InputError, match="format"):
        render_report(report, "docx")
