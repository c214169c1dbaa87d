"""Use case: the shareable report (`backbone report`): the analytics of a window and the plan
ahead, as Markdown, HTML or PDF."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from backbone.domain.errors import InputError, NotFound
from backbone.domain.program import Plan
from backbone.reports.document import Report
from backbone.reports.document import build_report as build_document
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.analytics import WEEKS_RANGE, stats
from backbone.services.ports import Knowledge
from backbone.services.programs import running_program


class ReportFormat(StrEnum):
    MARKDOWN = "md"
    HTML = "html"
    PDF = "pdf"


def build_report(
    athlete_id: int,
    since_weeks: int,
    today: date,
    knowledge: Knowledge,
    new_uow: UnitOfWorkFactory,
) -> Report:
    """The last `since_weeks` weeks (ending with the week of `today`) and the plan ahead.

    With nothing logged in the window the report lists what to do first, not empty charts."""
    low, high = WEEKS_RANGE
    if not low <= since_weeks <= high:
        raise InputError(
            f"The report covers {low} to {high} weeks; got {since_weeks}.",
            {"field": "since", "value": since_weeks, "min": low, "max": high},
        )
    analytics = stats(athlete_id, since_weeks, today, knowledge, new_uow)
    plan: Plan | None
    with new_uow() as uow:
        athlete = uow.athletes.get(athlete_id)
        try:
            plan = running_program(uow, athlete_id, knowledge=knowledge).plan
        except NotFound:
            plan = None
    return build_document(analytics, plan, athlete)


def render_report(report: Report, fmt: ReportFormat | str) -> bytes | str:
    """Markdown and HTML as text, PDF as bytes."""
    try:
        chosen = ReportFormat(fmt)
    except ValueError:
        allowed = [f.value for f in ReportFormat]
        raise InputError(
            f"Unknown report format '{fmt}'. Allowed: {', '.join(allowed)}.",
            {"field": "format", "value": str(fmt), "allowed": allowed},
        ) from None
    match chosen:
        case ReportFormat.MARKDOWN:
            from backbone.reports.markdown import render_markdown

            return render_markdown(report)
        case ReportFormat.HTML:
            from backbone.reports.html import render_html

            return render_html(report)
        case ReportFormat.PDF:
            from backbone.reports.pdf import render_pdf

            return render_pdf(report)
