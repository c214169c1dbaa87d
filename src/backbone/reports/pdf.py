"""The report as PDF: the HTML page printed by WeasyPrint, the only module that imports it.
WeasyPrint needs Pango and HarfBuzz from the system (`make` installs them when missing)."""

from __future__ import annotations

from backbone.reports.document import Report
from backbone.reports.html import render_html


def render_pdf(report: Report) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=render_html(report), base_url=None).write_pdf()
    return pdf
