"""Documents of the training log: today, next, log, history, check-ins, the athlete (shapes in
`backbone.services.views`)."""

from __future__ import annotations

from backbone.domain.athlete import Athlete
from backbone.domain.history import LogEntry, LoggedSet, PerformedSession
from backbone.domain.prescription import Reason
from backbone.domain.program import KnownSet, ProgramSwap
from backbone.domain.progression import Prescription, Recovery, SetTarget
from backbone.domain.strength import PersonalRecord
from backbone.services.programs import ProgramView
from backbone.services.swaps import SwapOptionsView, SwapResult
from backbone.services.training import TodayItem, TodayView
from backbone.services.training_log import LogResult
from backbone.services.views import (
    AthleteDocument,
    EntryDocument,
    KnownSetDocument,
    LogDocument,
    LoggedSetDocument,
    PerformedSessionDocument,
    PlanDocument,
    PrescriptionDocument,
    ProgramDocument,
    ProgramSwapDocument,
    ReasonDocument,
    RecordDocument,
    RecoveryDocument,
    SetTargetDocument,
    SwapDocument,
    SwapOptionsDocument,
    TodayBlockDocument,
    TodayDocument,
    TodayItemDocument,
    UndoDocument,
)


def why(reasons: tuple[Reason, ...]) -> list[ReasonDocument]:
    return [{"rule_id": r.rule_id, "text": r.text} for r in reasons]


def set_target(target: SetTarget) -> SetTargetDocument:
    return {
        "load_kg": target.load_kg,
        "added_kg": target.added_kg,
        "reps": list(target.reps) if target.reps else None,
        "seconds": list(target.seconds) if target.seconds else None,
        "rir": target.rir,
    }


def prescription_document(prescription: Prescription) -> PrescriptionDocument:
    return {
        "exercise": prescription.exercise,
        "calibrate": prescription.calibrate,
        "instructions": prescription.instructions,
        "substitute": prescription.substitute,
        "sets": [set_target(t) for t in prescription.sets],
        "stall": (
            {
                "exposures": prescription.stall.exposures,
                "suggestion": prescription.stall.suggestion,
                "why": why(prescription.stall.reasons),
            }
            if prescription.stall
            else None
        ),
        "why": why(prescription.why),
    }


def recovery_document(recovery: Recovery | None) -> RecoveryDocument | None:
    if recovery is None:
        return None
    return {
        "deload": recovery.deload,
        "hold": recovery.hold,
        "stop": recovery.stop,
        "why": why(recovery.reasons),
    }


def _today_item(item: TodayItem) -> TodayItemDocument:
    cues = item.exercise.cues
    body: TodayItemDocument = {
        "exercise": item.exercise.slug,
        "name": item.exercise.name,
        "rest_s": item.planned.rest_s,
        "per_side": item.planned.per_side,
        "cues": {
            "setup": cues.setup[0],
            "execution": cues.execution[0],
            "range_of_motion": {
                "start": cues.range_of_motion.start,
                "end": cues.range_of_motion.end,
            },
        },
        "calibrate": False,
        "sets": [],
        "why": [],
    }
    if item.prescription is None:
        planned = SetTarget(None, None, item.planned.reps, item.planned.seconds, None)
        body["sets"] = [set_target(planned)] * item.planned.sets
        body["why"] = why(item.planned.why)
        return body
    prescribed = prescription_document(item.prescription)
    body["calibrate"] = prescribed["calibrate"]
    body["sets"] = prescribed["sets"]
    body["why"] = prescribed["why"]
    body["instructions"] = prescribed["instructions"]
    body["substitute"] = prescribed["substitute"]
    body["stall"] = prescribed["stall"]
    return body


def today_document(view: TodayView) -> TodayDocument:
    day = view.day
    upcoming = day.next_session
    body: TodayDocument = {
        "date": view.on.isoformat(),
        "rest_day": view.rest_day,
        "week": day.week.number if day.week else None,
        "deload_week": bool(day.week and day.week.deload),
        "next_session": (
            {"date": upcoming.on.isoformat(), "day": upcoming.day.value} if upcoming else None
        ),
        "recovery": recovery_document(view.recovery),
        "session": None,
    }
    if day.session is not None:
        blocks: dict[str, list[TodayItemDocument]] = {}
        for item in view.items:
            blocks.setdefault(item.block.value, []).append(_today_item(item))
        listed: list[TodayBlockDocument] = [
            {"kind": kind, "items": items} for kind, items in blocks.items()
        ]
        body["session"] = {
            "day": day.session.day.value,
            "focus": day.session.focus.value,
            "est_minutes": day.session.est_minutes,
            "blocks": listed,
        }
    return body


HISTORY_CSV_COLUMNS = (
    "date", "exercise", "position", "set_type", "load_kg", "added_kg",
    "reps", "seconds", "rir", "range", "pain", "note",
)  # fmt: skip


def logged_set(logged: LoggedSet) -> LoggedSetDocument:
    """One set as JSON; its keys are exactly HISTORY_CSV_COLUMNS."""
    return {
        "date": logged.performed_on.isoformat(),
        "exercise": logged.exercise,
        "position": logged.position,
        "set_type": logged.set_type.value,
        "load_kg": logged.load_kg,
        "added_kg": logged.added_kg,
        "reps": logged.reps,
        "seconds": logged.seconds,
        "rir": logged.rir,
        "range": logged.range_done.value,
        "pain": logged.pain,
        "note": logged.note,
    }


def entry_document(entry: LogEntry) -> EntryDocument:
    return {
        "entry_id": entry.entry_id,
        "exercise": entry.exercise,
        "date": entry.performed_on.isoformat(),
        "logged_at": entry.logged_at.isoformat(),
        "source": entry.source,
        "sets": [logged_set(s) for s in entry.sets],
    }


def undo_document(entry: LogEntry) -> UndoDocument:
    return {"removed": entry_document(entry)}


def record_document(record: PersonalRecord) -> RecordDocument:
    return {
        "kind": record.kind,
        "exercise": record.exercise,
        "value": record.value,
        "reps": record.reps,
        "date": record.performed_on.isoformat(),
        "previous": record.previous,
    }


def log_document(result: LogResult) -> LogDocument:
    return {
        "entry": entry_document(result.entry),
        "sets": [logged_set(s) for s in result.entry.sets],
        "records": [record_document(r) for r in result.records],
        "e1rm_kg": result.best_e1rm_kg,
        "next": prescription_document(result.next) if result.next else None,
        "replayed": result.replayed,
    }


def program_document(view: ProgramView, plan_body: PlanDocument) -> ProgramDocument:
    return {
        "athlete": view.athlete.name,
        "started_on": view.program.started_on.isoformat(),
        "known": [known_set_document(k) for k in view.program.known],
        "swaps": [program_swap_document(s) for s in view.program.swaps],
        "plan": plan_body,
    }


def known_set_document(known: KnownSet) -> KnownSetDocument:
    return {
        "exercise": known.exercise,
        "load_kg": known.load_kg,
        "added_kg": known.added_kg,
        "reps": known.reps,
        "seconds": known.seconds,
        "rir": known.rir,
    }


def program_swap_document(swap: ProgramSwap) -> ProgramSwapDocument:
    return {
        "swap_id": swap.swap_id,
        "exercise": swap.from_exercise,
        "to": swap.to_exercise,
        "from_date": swap.effective_on.isoformat(),
        "carried": None if swap.carried is None else known_set_document(swap.carried),
    }


def swap_options_document(view: SwapOptionsView) -> SwapOptionsDocument:
    return {
        "exercise": view.exercise.slug,
        "name": view.exercise.name,
        "from_date": view.from_on.isoformat(),
        "options": [
            {
                "exercise": o.option.exercise,
                "name": o.option.name,
                "reason": o.option.reason,
                "rule_id": o.option.rule_id,
                "restores": o.option.restores,
                "carries_over": o.carries_over,
            }
            for o in view.options
        ],
    }


def swap_document(result: SwapResult) -> SwapDocument:
    carried = result.carried
    return {
        "swap": program_swap_document(result.swap),
        "name": result.replaced.name,
        "to_name": result.replacement.name,
        "reason": result.option.reason,
        "rule_id": result.option.rule_id,
        "sessions": result.sessions,
        "own_history": result.own_history,
        "carried_from": None
        if carried is None
        else {
            "exercise": carried.source.exercise,
            "date": carried.source.performed_on.isoformat(),
            "load_kg": carried.source.load_kg,
            "added_kg": carried.source.added_kg,
            "reps": carried.source.reps,
            "rir": carried.source.rir,
            "factor": carried.factor,
        },
    }


def athlete_document(athlete: Athlete) -> AthleteDocument:
    return {
        "athlete_id": athlete.athlete_id,
        "name": athlete.name,
        "units": athlete.units.value,
        "bodyweight_kg": athlete.bodyweight_kg,
        "plates_kg": list(athlete.plates_kg),
        "bar_kg": athlete.bar_kg,
        "dumbbell_step_kg": athlete.dumbbell_step_kg,
    }


def performed_session_document(done: PerformedSession) -> PerformedSessionDocument:
    return {
        "date": done.on.isoformat(),
        "session_rpe": done.session_rpe,
        "duration_min": done.duration_min,
    }
