"""The report's structure and numbers from a hand-built `Analytics` value (not pixels)."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from backbone.domain.athlete import Athlete, Units
from backbone.domain.program import Plan
from backbone.reports import charts
from backbone.reports.document import Report, build_report, total_sets
from backbone.reports.html import render_html
from backbone.reports.markdown import render_markdown
from backbone.reports.pdf import render_pdf
from tests.conftest import PlanFor
from tests.unit.report_builders import (
    HARD_SETS,
    LATS_WEEKS,
    SPINAL,
    TODAY,
    empty_analytics,
    sample_analytics,
)

SECTIONS = (
    "volume",
    "strength",
    "pain_load",
    "adherence",
    "spinal_load",
    "balance",
    "endurance",
    "records",
    "plan",
)
CHARTED = ("volume", "strength", "pain_load", "adherence", "spinal_load")


@pytest.fixture(scope="module")
def plan(plan_for: PlanFor) -> Plan:
    return plan_for(start_on=date(2027, 1, 18), weeks=5)


@pytest.fixture(scope="module")
def report(plan: Plan) -> Report:
    return build_report(sample_analytics(), plan, Athlete(name="Alex"))


def test_every_section_is_present_with_a_reading(report: Report) -> None:
    assert tuple(s.key for s in report.sections) == SECTIONS
    for section in report.sections:
        assert section.reading.strip()
        assert "\n" not in section.reading


def test_each_chart_is_inline_svg(report: Report) -> None:
    for key in CHARTED:
        svg = report.section(key).chart_svg
        assert svg is not None
        assert svg.startswith("<svg")
        assert svg.rstrip().endswith("</svg>")
        assert f'data-chart="{key}"' in svg
        assert "<?xml" not in svg


def test_volume_totals_match_the_weekly_sets(report: Report) -> None:
    table = report.section("volume").tables[0]
    lats = next(row for row in table.rows if row[0] == "lats")
    assert lats[1] == f"{sum(LATS_WEEKS):.0f}"
    assert lats[4] == "10–20"
    assert lats[5] == "inside"
    volume = sample_analytics().volume[0]
    assert total_sets(volume) == sum(LATS_WEEKS)


def test_pain_and_spinal_totals_add_up(report: Report) -> None:
    pain = report.section("pain_load").tables[0]
    assert pain.rows[-1] == ("Total", f"{sum(HARD_SETS):.0f}", "")
    assert len(pain.rows) == len(HARD_SETS) + 1
    assert pain.rows[2][2] == "–"  # an unrated week stays visibly unrated
    spinal = report.section("spinal_load").tables[0]
    assert spinal.rows[-1] == (
        "Total",
        str(sum(h for h, _ in SPINAL)),
        str(sum(m for _, m in SPINAL)),
    )
    assert "rising" in report.section("spinal_load").reading


def test_adherence_numbers_and_readings(report: Report) -> None:
    adherence = sample_analytics().adherence
    assert adherence is not None
    table = report.section("adherence").tables[0]
    assert table.rows[0][1:3] == (
        str(adherence.planned_sessions),
        str(adherence.performed_sessions),
    )
    share = round(100 * adherence.performed_sessions / adherence.planned_sessions)
    assert f"({share}%)" in report.section("adherence").reading
    assert table.caption == "Missed planned days: 3; extra sessions on unplanned days: 1."


def test_strength_records_and_endurance(report: Report) -> None:
    strength = report.section("strength")
    assert "stalled: romanian deadlift" in strength.reading
    row = next(r for r in strength.tables[0].rows if r[0] == "chest supported row")
    assert row[2:5] == ("60", "69", "+9")
    records = report.section("records").tables[0].rows
    assert len(records) == 3
    assert ("2027-01-13", "lat pulldown", "rep max", "57.5 kg × 8", "55 kg") in records
    endurance = report.section("endurance")
    assert "out of range: flexor to extensor" in endurance.reading
    assert endurance.chart_svg is None


def test_an_lb_athlete_reads_strength_and_records_in_pounds(plan: Plan) -> None:
    report = build_report(sample_analytics(), plan, Athlete(name="Alex", units=Units.LB))
    strength = report.section("strength")
    assert strength.tables[0].columns[2:4] == ("First lb", "Latest lb")
    row = next(r for r in strength.tables[0].rows if r[0] == "chest supported row")
    assert row[2:4] == ("132.5", "152")  # 60 kg and 69 kg, to the half pound
    assert strength.chart_svg is not None
    assert "e1RM (lb)" in strength.chart_svg
    records = report.section("records").tables[0].rows
    assert ("2027-01-13", "lat pulldown", "rep max", "127 lb × 8", "121.5 lb") in records


def test_the_plan_ahead_lists_only_sessions_from_today(report: Report, plan: Plan) -> None:
    section = report.section("plan")
    dates = [row[1] for row in section.tables[0].rows]
    assert dates
    assert all(d >= TODAY.isoformat() for d in dates)
    upcoming = [s for w in plan.weeks for s in w.sessions if s.on >= TODAY]
    assert len(dates) == len(upcoming)
    assert "deload" in section.reading


def test_no_history_says_what_to_do_first_without_charts() -> None:
    report = build_report(empty_analytics(), None, Athlete(name="Alex"))
    assert report.sections == ()
    assert any("Start a program" in step for step in report.first_steps)
    assert any("60x10@2" in step for step in report.first_steps)
    # the report is read by a coach or physio on any interface: no command lines in it
    assert not any("backbone " in step for step in report.first_steps)
    html = render_html(report)
    assert "<svg" not in html
    assert "What to do first" in html
    assert "What to do first" in render_markdown(report)


def test_no_history_with_a_program_shows_the_plan(plan: Plan) -> None:
    report = build_report(empty_analytics(), plan, Athlete(name="Alex"))
    assert [s.key for s in report.sections] == ["plan"]
    assert any("Today's session" in step for step in report.first_steps)


def test_markdown_has_every_section_and_table(report: Report) -> None:
    text = render_markdown(report)
    for section in report.sections:
        assert f"## {section.title}" in text
        assert f"**Reading:** {section.reading}" in text
    assert "| lats | 82 |" in text
    assert "<svg" not in text


def test_html_is_self_contained(report: Report) -> None:
    html = render_html(report)
    assert html.count("<svg") == len(CHARTED)
    for key in SECTIONS:
        assert f'<section id="{key}">' in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<script" not in html
    assert "<style>" in html


def test_charts_are_deterministic() -> None:
    volume = sample_analytics().volume
    assert charts.weekly_sets_vs_band(volume) == charts.weekly_sets_vs_band(volume)


def test_pdf_opens_with_the_expected_page_text(report: Report) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(report)))
    assert len(reader.pages) >= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    assert "Back training report: Alex" in text
    for section in report.sections:
        assert section.title in text
    assert "Total 286" in text  # the pain-vs-load table's total
    assert "chest supported row" in text
