"""Liftosaur: the prescription is kept next to what was done; sets never done are not sets."""

from __future__ import annotations

from datetime import UTC, datetime

from backbone.domain.history import Prescribed
from backbone.importers import liftosaur

from .import_samples import rows, sample, skipped


def test_prescribed_and_completed_side_by_side() -> None:
    batch = liftosaur.parse(sample("liftosaur.csv"))
    assert batch.dialect == "liftosaur/prescribed-and-completed"
    assert skipped(batch) == {"planned_not_done": (6,)}
    assert rows(batch) == [
        ("Deadlift", 1, "warmup", 60.0, "kg", 5, None, None, None, ""),
        ("Deadlift", 2, "working", 120.0, "kg", 3, None, None, 1, ""),
        ("Deadlift", 3, "amrap", 120.0, "kg", 6, None, None, 1, ""),
        ("Lat Pulldown", 1, "working", 47.5, "kg", 8, None, None, None, ""),
    ]
    assert [s.prescribed for s in batch.sets] == [
        Prescribed(load_kg=60.0, reps=5),
        Prescribed(load_kg=120.0, reps=3, rir=2),
        Prescribed(load_kg=120.0, reps=3, rir=2),
        Prescribed(load_kg=50.0, reps=10),
    ]
    workout = batch.workouts[0]
    assert workout.name == "GZCLP: Day 2"
    assert workout.started_at == datetime(2026, 4, 14, 17, 2, 11, tzinfo=UTC)
