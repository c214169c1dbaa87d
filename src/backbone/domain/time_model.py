"""How long a session takes: the estimate the time box is checked against.

For an item of N sets:
    setup_s + N * work_s + (N - 1) * rest_s
where work_s is the middle of the rep range times the exercise's seconds per rep (or the middle of
the hold range), doubled for one-side-at-a-time exercises. Setup covers walking to the station,
loading and adjusting: 60 s for a main lift, 45 s for an accessory, 20 s for core work and 10 s
for a mobility drill. Every heavy main lift (externally loaded) gets ramp-up sets (1 in sessions
of 30 minutes or less, else 2), each a working set's duration plus 45 s to change the load.
"""

from __future__ import annotations

from backbone.domain.exercise import Exercise
from backbone.domain.prescription import Dose
from backbone.domain.vocabulary import BlockKind, Loadability

SETUP_S = {
    BlockKind.WARMUP: 10,
    BlockKind.MAIN: 60,
    BlockKind.ACCESSORY: 45,
    BlockKind.CORE: 20,
    BlockKind.COOLDOWN: 10,
}
RAMP_UP_CHANGE_S = 45
SHORT_SESSION_MIN = 30


def work_s_per_set(exercise: Exercise, dose: Dose) -> int:
    per_side = dose.work_s_per_side * (
        1.0 if dose.seconds is not None else exercise.seconds_per_rep
    )
    return round(per_side * (2 if exercise.unilateral else 1))


def item_s(exercise: Exercise, dose: Dose, block: BlockKind, sets: int) -> int:
    if sets <= 0:
        return 0
    return SETUP_S[block] + sets * work_s_per_set(exercise, dose) + (sets - 1) * dose.rest_s


def ramp_up_sets(minutes_per_session: int) -> int:
    return 1 if minutes_per_session <= SHORT_SESSION_MIN else 2


def ramp_up_s(exercise: Exercise, dose: Dose, minutes_per_session: int) -> int:
    return ramp_up_sets(minutes_per_session) * (work_s_per_set(exercise, dose) + RAMP_UP_CHANGE_S)


def ramps_up(exercise: Exercise, block: BlockKind) -> bool:
    """A heavy main lift: loaded from outside, so it is worked up to, never started cold."""
    return block is BlockKind.MAIN and exercise.loadability is Loadability.EXTERNAL
