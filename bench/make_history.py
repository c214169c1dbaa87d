"""Generate a SQLite training log with years of history, for `bench/log.py` (and for trying things).

    .venv/bin/python bench/make_history.py DB_PATH [--years 5] [--seed 7] [--empty]

The database (a SQLite file that must not exist yet, or, from Python, a database URL of an empty
PostgreSQL schema) gets the local athlete (the one the CLI resolves) with two programs for a realistic gym
profile (3 days, 60 min, barbell/dumbbell/bench/pull-up bar/cable, intermediate, hypertrophy):

- an old one started on the Monday `--years` before the benchmark week (as a lifter's first), and
- the current one, started on Monday 2026-11-30, so `backbone today --date 2026-12-02` (its second
  session, a Wednesday) has a session to prescribe.

The history is three sessions a week (Mon/Wed/Fri, about 4 % missed) from the old program's start
up to and including the current program's first session. Each session follows the current
program's session for that weekday (so `today` reads the history of exercises it prescribes),
topped up with other gym exercises to EXERCISES_PER_SESSION: warm-ups plus 4-5 working sets each,
loads rising slowly with a lighter fifth week. Five years come to about 40,000 sets.

Everything goes through one `Backbone` application (`backbone.bootstrap.build_application`, as the
CLI builds it); sets are written straight through its units of work (one transaction per session),
not through `log_sets`: this is a generator, not the thing being measured. `--empty`
writes only the two programs (the no-history comparison in `bench/log.py`).
"""

from __future__ import annotations

import argparse
import functools
import math
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backbone.domain.exercise import Exercise
    from backbone.domain.history import SetType
    from backbone.services.application import Backbone
    from backbone.services.planning import PlanRequest
    from backbone.services.ports import Knowledge

SetRow = tuple["SetType", float | None, float | None, int | None, int | None, int | None]

CURRENT_START = date(2026, 11, 30)
"""Monday of the benchmark week (the same start as bench/plan.py)"""
EXERCISES_PER_SESSION = 10
MISSED_SESSION_SHARE = 0.04
GYM_EQUIPMENT = ("barbell", "dumbbell", "bench", "pullup_bar", "cable")


@dataclass(frozen=True)
class HistorySummary:
    path: str
    athlete_id: int
    first_day: date
    last_day: date
    today: date
    """a session day of the current program, with history logged before it"""
    sessions: int
    entries: int
    sets: int
    exercises: int
    seconds: float


@functools.cache
def knowledge() -> Knowledge:
    """The packaged catalogue and evidence, parsed once per bench process and shared by every
    application it builds (as the tests share it)."""
    from backbone.bootstrap import load_knowledge

    return load_knowledge()


class TickingClock:
    """A clock for benches: starts at `start` and moves on a second each time it is read, so every
    entry gets its own `logged_at` as a lifter's would."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def open_application(target: Path | str, clock: Callable[[], datetime] | None = None) -> Backbone:
    """The application on a SQLite file (a Path) or a database URL (a str), wired as the CLI
    wires it, with this process's shared knowledge; the schema is created on first use."""
    from backbone.bootstrap import build_application
    from backbone.settings import Settings

    settings = (
        Settings.for_sqlite_file(target) if isinstance(target, Path) else Settings(str(target))
    )
    ticking = clock or TickingClock(datetime(2026, 11, 30, 17, 0, tzinfo=UTC))
    return build_application(settings, clock=ticking, knowledge=knowledge())


def gym_request(start_on: date) -> PlanRequest:
    from backbone.services.planning import PlanRequest

    return PlanRequest(
        start_on=start_on,
        days_per_week=3,
        minutes_per_session=60,
        equipment=GYM_EQUIPMENT,
        level="intermediate",
        goal="hypertrophy",
    )


def build(
    path: Path | str,
    *,
    years: int = 5,
    seed: int = 7,
    empty: bool = False,
    exercises_per_session: int = EXERCISES_PER_SESSION,
) -> HistorySummary:
    from backbone.domain.loads import logs_load_kg
    from backbone.domain.planner.candidates import block_of
    from backbone.services.training import PRESCRIBED_BLOCKS

    if isinstance(path, Path) and path.exists():
        raise SystemExit(f"{path} exists; give a new file name.")
    started = time.perf_counter()
    facts = knowledge()
    app = open_application(path)
    athlete_id = app.local_athlete().athlete_id
    assert athlete_id is not None
    first_monday = CURRENT_START - timedelta(weeks=round(years * 52.18))
    app.start_program(athlete_id, gym_request(first_monday))
    current = app.start_program(athlete_id, gym_request(CURRENT_START))

    sessions = [s for week in current.plan.weeks for s in week.sessions]
    today = sessions[1].on
    templates: dict[int, list[str]] = {}
    for session in sessions[:3]:
        templates[session.on.weekday()] = [
            item.exercise
            for block in session.blocks
            if block.kind in PRESCRIBED_BLOCKS
            for item in block.items
        ]
    available = frozenset(current.plan.profile.equipment)
    extras = sorted(
        e.slug
        for e in facts.catalogue
        if e.fits(available)
        and block_of(e) in PRESCRIBED_BLOCKS
        and not any(e.slug in t for t in templates.values())
    )
    rng = random.Random(seed)
    for weekday, slugs in templates.items():
        top_up = rng.sample(extras, k=max(0, min(len(extras), exercises_per_session - len(slugs))))
        templates[weekday] = slugs + top_up

    catalogue = facts.catalogue
    profiles = {
        slug: _Progress(catalogue.get(slug), logs_load_kg(catalogue.get(slug)), rng)
        for slugs in templates.values()
        for slug in slugs
    }
    counts = {"sessions": 0, "entries": 0, "sets": 0}
    day = first_monday
    if not empty:
        while day < today:
            slugs = templates.get(day.weekday())
            if slugs is not None and rng.random() >= MISSED_SESSION_SHARE:
                _write_session(app, athlete_id, day, slugs, profiles, first_monday, rng, counts)
            day += timedelta(days=1)
    app.database.dispose()
    return HistorySummary(
        path=str(path),
        athlete_id=athlete_id,
        first_day=first_monday,
        last_day=day - timedelta(days=1),
        today=today,
        sessions=counts["sessions"],
        entries=counts["entries"],
        sets=counts["sets"],
        exercises=len(profiles) if not empty else 0,
        seconds=time.perf_counter() - started,
    )


class _Progress:
    """How one exercise is done over the years: a slowly rising load (or reps, or hold)."""

    def __init__(self, exercise: Exercise, loaded: bool, rng: random.Random) -> None:
        from backbone.domain.vocabulary import Equipment, MeasuredBy

        self.slug: str = exercise.slug
        self.hold = exercise.measured_by is MeasuredBy.SECONDS
        self.loaded = loaded and not self.hold
        self.step = 2.5 if Equipment.BARBELL in exercise.equipment else 2.0
        self.start_kg = rng.choice((20.0, 30.0, 40.0, 50.0, 60.0))
        self.gain = rng.uniform(0.35, 0.7)
        """the load (or added weight, or hold) rises by this share of its start over 5 years"""

    def sets(self, years_in: float, deload: bool, rng: random.Random) -> list[SetRow]:
        """(set_type, load_kg, added_kg, reps, seconds, rir) for one session."""
        from backbone.domain.history import SetType

        trend = 1.0 + self.gain * math.log1p(2.0 * years_in) / math.log1p(10.0)
        scale = 0.85 if deload else 1.0
        working = rng.choice((4, 4, 5))
        rows: list[SetRow] = []
        if self.hold:
            hold = int(min(90, 20 + 25 * (trend - 1) / self.gain * scale))
            for _ in range(working):
                rows.append(
                    (SetType.WORKING, None, None, None, hold + rng.choice((-5, 0, 5)), None)
                )
            return rows
        reps = rng.randint(8, 12)
        rir = rng.choice((1, 2, 2, 3)) + (1 if deload else 0)
        if self.loaded:
            load = self._round(self.start_kg * trend * scale)
            rows.append((SetType.WARMUP, self._round(load * 0.5), None, 10, None, None))
            rows.append((SetType.WARMUP, self._round(load * 0.75), None, 5, None, None))
            for n in range(working):
                rows.append(
                    (SetType.WORKING, load, None, max(5, reps - n // 2), None, max(0, rir - n // 3))
                )
            return rows
        # bodyweight: assisted at first, then bodyweight, then weight added
        added = self._round((trend - 1.0) / self.gain * 30.0 - 10.0)
        rows.append((SetType.WARMUP, None, -20.0 if added <= 0 else 0.0, 5, None, None))
        for n in range(working):
            rows.append((SetType.WORKING, None, added, max(3, reps - n), None, rir))
        return rows

    def _round(self, kg: float) -> float:
        return round(round(kg / self.step) * self.step, 3)


def _write_session(
    app: Backbone,
    athlete_id: int,
    day: date,
    slugs: Sequence[str],
    profiles: dict[str, _Progress],
    first_day: date,
    rng: random.Random,
    counts: dict[str, int],
) -> None:
    from backbone.domain.history import LogEntry, LoggedSet

    years_in = (day - first_day).days / 365.25
    deload = ((day - first_day).days // 7) % 5 == 4
    logged_at = datetime(day.year, day.month, day.day, 17, 30, tzinfo=UTC)
    with app.new_uow() as uow:
        for slug in slugs:
            rows = profiles[slug].sets(years_in, deload, rng)
            sets = tuple(
                LoggedSet(
                    exercise=slug,
                    performed_on=day,
                    position=position,
                    set_type=set_type,
                    load_kg=load_kg,
                    added_kg=added_kg,
                    reps=reps,
                    seconds=seconds,
                    rir=rir,
                )
                for position, (set_type, load_kg, added_kg, reps, seconds, rir) in enumerate(
                    rows, start=1
                )
            )
            logged_at += timedelta(minutes=rng.randint(5, 9))
            uow.sets.add_entry(LogEntry(athlete_id, slug, day, logged_at, sets))
            counts["entries"] += 1
            counts["sets"] += len(sets)
        uow.commit()
    counts["sessions"] += 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("db_path", type=Path, help="the SQLite file to create")
    parser.add_argument("--years", type=int, default=5, help="years of history [5]")
    parser.add_argument("--seed", type=int, default=7, help="random seed [7]")
    parser.add_argument("--empty", action="store_true", help="only the programs, no sets")
    args = parser.parse_args(argv)
    summary = build(args.db_path, years=args.years, seed=args.seed, empty=args.empty)
    print(
        f"wrote {summary.path}: {summary.sets:,} sets in {summary.entries:,} entries, "
        f"{summary.sessions:,} sessions, {summary.exercises} exercises, "
        f"{summary.first_day} .. {summary.last_day}, in {summary.seconds:.1f} s"
    )
    print(f"current program from {CURRENT_START}; try: backbone today --date {summary.today}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
