"""The sample exports under tests/samples/imports and a compact view of parsed sets to compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backbone.importers.batch import ImportBatch, ImportedSet

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "imports"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def row(s: ImportedSet) -> tuple[Any, ...]:
    """(exercise, position, set type, load, unit, reps, seconds, distance_m, rir, notes)."""
    return (
        s.exercise_name,
        s.position,
        s.set_type.value,
        s.load,
        s.unit.value,
        s.reps,
        s.seconds,
        s.distance_m,
        s.rir,
        s.notes,
    )


def rows(batch: ImportBatch) -> list[tuple[Any, ...]]:
    return [row(s) for s in batch.sets]


def skipped(batch: ImportBatch) -> dict[str, tuple[int, ...]]:
    return {s.reason.value: s.lines for s in batch.skipped}
