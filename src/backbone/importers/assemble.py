"""Collecting parsed rows into an `ImportBatch`: workouts, set order, skips and lossy fields."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from backbone.importers.batch import (
    ImportBatch,
    ImportedSet,
    ImportedWorkout,
    LossyNote,
    SkippedRows,
    SkipReason,
    SourceApp,
)

SKIPPED_LINES_KEPT = 10
"""The report points at the first few skipped lines per reason, not at thousands of rest timers."""


@dataclass(slots=True)
class OpenWorkout:
    name: str
    performed_on: date
    started_at: datetime | None
    duration_min: float | None = None
    notes: str = ""
    sets: list[ImportedSet] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)

    def next_position(self, exercise_name: str) -> int:
        """1-based order of the next set of this exercise in this workout."""
        key = exercise_name.casefold()
        position = self.positions.get(key, 0) + 1
        self.positions[key] = position
        return position


class BatchBuilder:
    def __init__(self, source: SourceApp, dialect: str) -> None:
        self.source = source
        self.dialect = dialect
        self.rows_read = 0
        self._workouts: dict[Hashable, OpenWorkout] = {}
        self._skipped: dict[SkipReason, list[int]] = {}
        self._skip_counts: dict[SkipReason, int] = {}
        self._lossy: dict[tuple[str, str], int] = {}

    def workout(
        self,
        key: Hashable,
        *,
        name: str,
        performed_on: date,
        started_at: datetime | None,
        duration_min: float | None = None,
        notes: str = "",
    ) -> OpenWorkout:
        """The workout `key` names, opened on its first row."""
        open_workout = self._workouts.get(key)
        if open_workout is None:
            open_workout = OpenWorkout(name, performed_on, started_at, duration_min, notes)
            self._workouts[key] = open_workout
        return open_workout

    def skip(self, reason: SkipReason, line: int) -> None:
        count = self._skip_counts.get(reason, 0)
        self._skip_counts[reason] = count + 1
        if count < SKIPPED_LINES_KEPT:
            self._skipped.setdefault(reason, []).append(line)

    def lossy(self, field_name: str, note: str, count: int = 1) -> None:
        key = (field_name, note)
        self._lossy[key] = self._lossy.get(key, 0) + count

    def finish(self) -> ImportBatch:
        workouts = sorted(self._workouts.values(), key=_chronological)
        return ImportBatch(
            source=self.source,
            dialect=self.dialect,
            workouts=tuple(
                ImportedWorkout(
                    name=w.name,
                    performed_on=w.performed_on,
                    started_at=w.started_at,
                    duration_min=w.duration_min,
                    notes=w.notes,
                    sets=tuple(w.sets),
                )
                for w in workouts
                if w.sets
            ),
            rows_read=self.rows_read,
            skipped=tuple(
                SkippedRows(reason, self._skip_counts[reason], tuple(self._skipped[reason]))
                for reason in SkipReason
                if reason in self._skip_counts
            ),
            lossy=tuple(
                LossyNote(field_name, note, count)
                for (field_name, note), count in self._lossy.items()
            ),
        )


def _chronological(workout: OpenWorkout) -> tuple[date, time]:
    """Oldest first; within a day by wall-clock start (files mix aware and naive times)."""
    started = workout.started_at
    return workout.performed_on, (started.time() if started is not None else time.min)
