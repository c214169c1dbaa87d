"""Documents of the plan and the catalogue (shapes in `backbone.services.views`)."""

from __future__ import annotations

from typing import Any

from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.program import Plan, PlanItem
from backbone.services.views import (
    CitationDocument,
    ExerciseDocument,
    PlanDocument,
    PlanItemDocument,
)


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
