"""Documents of the plan, the catalogue, imports and exports (shapes in
`backbone.services.views`)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.program import Plan, PlanItem
from backbone.services.views import (
    CalendarFeedDocument,
    CitationDocument,
    ExerciseDocument,
    ExerciseMapDocument,
    ExportDocument,
    ImportPreviewDocument,
    ImportRecordDocument,
    ImportReportDocument,
    PlanDocument,
    PlanItemDocument,
)

if TYPE_CHECKING:  # the import use cases load only when an import runs
    from backbone.domain.history import ImportRecord
    from backbone.services.exporting import Export
    from backbone.services.importing import ImportReport, MapResult, PreviewedImport


def plan_document(plan: Plan, evidence: EvidenceRegistry) -> PlanDocument:
    p = plan.profile
    return {
        "profile": {
            "days": p.days_per_week,
            "minutes": p.minutes_per_session,
            "equipment": sorted(e.value for e in p.available_equipment),
            "level": p.level.value,
            "goal": p.goal.value,
            "back_pain": p.back_pain.value,
            "on": [d.value for d in p.on_days] if p.on_days else None,
            "weeks": p.weeks,
            "start": p.start_on.isoformat(),
        },
        "weeks": [
            {
                "week": week.number,
                "deload": week.deload,
                "starts_on": week.starts_on.isoformat(),
                "weekly_sets": {m.value: sets for m, sets in week.weekly_sets},
                "sessions": [
                    {
                        "day": s.day.value,
                        "date": s.on.isoformat(),
                        "focus": s.focus.value,
                        "est_minutes": s.est_minutes,
                        "blocks": [
                            {"kind": b.kind.value, "items": [_item(i) for i in b.items]}
                            for b in s.blocks
                        ],
                    }
                    for s in week.sessions
                ],
            }
            for week in plan.weeks
        ],
        "warnings": [
            {"code": w.code, "message": w.message, "rule_id": w.rule_id} for w in plan.warnings
        ],
        "citations": citations(plan.rule_ids, evidence),
    }


def _item(item: PlanItem) -> PlanItemDocument:
    return {
        "exercise": item.exercise,
        "name": item.name,
        "sets": item.sets,
        "reps": list(item.reps) if item.reps else None,
        "seconds": list(item.seconds) if item.seconds else None,
        "per_side": item.per_side,
        "rir": item.rir,
        "rest_s": item.rest_s,
        "load_hint": item.load_hint,
        "why": [{"rule_id": r.rule_id, "text": r.text} for r in item.why],
    }


def citations(rule_ids: tuple[str, ...], evidence: EvidenceRegistry) -> list[CitationDocument]:
    """Each cited rule with its grade and sources; heuristics are labelled as convention."""
    cited: list[CitationDocument] = []
    for rule_id in rule_ids:
        if rule_id not in evidence:
            continue
        rule = evidence.rule(rule_id)
        cited.append(
            {
                "rule_id": rule.id,
                "statement": rule.statement,
                "grade": rule.grade.value,
                "label": "coaching convention" if rule.is_coaching_convention else "research",
                "verified": rule.verified,
                "sources": [
                    {"key": s.key, "reference": _reference(s)}
                    for s in evidence.sources_for(rule_id)
                ],
            }
        )
    return cited


def _reference(source: Any) -> str:
    year = f" ({source.year})" if source.year else ""
    journal = f". {source.journal}" if source.journal else ""
    return f"{source.authors}{year}. {source.title}{journal}"


def exercise_document(exercise: Exercise) -> ExerciseDocument:
    cues = exercise.cues
    return {
        "slug": exercise.slug,
        "name": exercise.name,
        "aliases": list(exercise.aliases),
        "kind": exercise.kind.value,
        "pattern": exercise.pattern.value,
        "equipment": sorted(e.value for e in exercise.equipment),
        "muscles": {m.value: c for m, c in exercise.muscles},
        "spinal_load": exercise.spinal_load.value,
        "level": exercise.level.value,
        "unilateral": exercise.unilateral,
        "measured_by": exercise.measured_by.value,
        "seconds_per_rep": exercise.seconds_per_rep,
        "mobility_use": exercise.mobility_use.value if exercise.mobility_use else None,
        "cues": {
            "setup": list(cues.setup),
            "execution": list(cues.execution),
            "range_of_motion": {
                "start": cues.range_of_motion.start,
                "end": cues.range_of_motion.end,
            },
            "common_faults": list(cues.common_faults),
        },
        "regressions": list(exercise.regressions),
        "progressions": list(exercise.progressions),
        "rule_ids": list(exercise.rule_ids),
    }


# --- import and export (issue 13) --------------------------------------------------------------


def import_report_document(report: ImportReport) -> ImportReportDocument:
    """The `import --json` body (and the API's)."""
    return {
        "file": report.file_name,
        "source": report.source,
        "dialect": report.dialect,
        "dry_run": report.dry_run,
        "batch_id": report.batch_id,
        "rows_read": report.rows_read,
        "workouts_read": report.workouts_read,
        "workouts_imported": report.workouts_imported,
        "entries_imported": report.entries_imported,
        "sets_imported": report.sets_imported,
        "sets_duplicate": report.sets_duplicate,
        "rows_skipped": report.rows_skipped,
        "skipped": [
            {"reason": s.reason.value, "count": s.count, "lines": list(s.lines)}
            for s in report.skipped
        ],
        "mapping": [
            {
                "name": m.source_name,
                "slug": m.slug,
                "exercise": m.exercise_name,
                "confidence": m.confidence,
                "method": m.method,
                "sets": m.sets,
                "new": m.new,
                "movement": m.movement,
            }
            for m in report.mapping
        ],
        "lossy": [{"field": n.field, "note": n.note, "count": n.count} for n in report.lossy],
        "restored": None if report.restored is None else dict(report.restored),
    }


def import_preview_document(previewed: PreviewedImport) -> ImportPreviewDocument:
    return {
        "preview_id": previewed.preview_id,
        "content_sha256": previewed.content_sha256,
        "expires_at": previewed.expires_at.isoformat(),
        "report": import_report_document(previewed.report),
    }


def import_record_document(record: ImportRecord) -> ImportRecordDocument:
    return {
        "batch_id": record.batch_id,
        "source": record.source,
        "dialect": record.dialect,
        "file": record.file_name,
        "imported_at": record.imported_at.isoformat(),
        "rows_read": record.rows_read,
        "entries_imported": record.entries_imported,
        "sets_imported": record.sets_imported,
        "sets_duplicate": record.sets_duplicate,
        "rows_skipped": record.rows_skipped,
    }


def exercise_map_document(result: MapResult) -> ExerciseMapDocument:
    return {
        "from": result.own.slug,
        "name": result.own.name,
        "to": result.slug,
        "sets_moved": result.sets_moved,
    }


def export_document(exported: Export, file_name: str) -> ExportDocument:
    return {
        "format": exported.format.value,
        "file": file_name,
        "sets": exported.sets,
        "entries": exported.entries,
    }


def calendar_feed_document(since: datetime | None, url: str | None = None) -> CalendarFeedDocument:
    return {
        "active": since is not None,
        "created_at": None if since is None else since.isoformat(),
        "url": url,
    }
