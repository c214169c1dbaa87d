"""Loads an athlete can actually lift: kg/lb conversion, the smallest real step, and rounding.

The domain keeps every load in kilograms. Rounding happens in the athlete's own units, so a lifter
who trains in pounds gets whole-pound steps (converted back to kg for storage), and a kilogram
lifter gets loads made of the plates they own.

What "load" means depends on the exercise (`load_kind`, `body_loaded`):

- barbell: bar + 2 x plates on each side; any number of each plate size is assumed available.
  In lb units the default kit becomes a 45 lb bar and 45/35/25/10/5/2.5 lb plates (the standard
  lb gym set); a custom `plates_kg`/`bar_kg` is kept and converted.
- dumbbell, kettlebell: one implement's weight, in `athlete.dumbbell_step_kg` steps (5 lb steps in
  lb units when the step is the default).
- cable, machine: the stack, in 2.5 kg (or 5 lb) steps.
- band, or nothing to weigh: not load-progressed (step 0); reps, sets and variations progress.
- bodyweight moves (pull-ups, inverted rows, back extensions on a bench): the load is the body;
  `added_kg` is weight added (positive) or assistance taken off (negative). Added weight rounds to
  the step of whatever adds it (a dumbbell on a belt, an assisted machine's stack), and may be 0
  or negative.

Rounding never stalls progress: `next_load_up_kg` always returns a loadable value above the
current one, even when a percentage increase would round back down to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from backbone.domain.athlete import DEFAULT_DUMBBELL_STEP_KG, DEFAULT_PLATES_KG, Athlete, Units
from backbone.domain.errors import InputError
from backbone.domain.exercise import Exercise
from backbone.domain.vocabulary import Equipment

KG_PER_LB = 0.45359237
DEFAULT_BAR_KG = 20.0
LB_BAR = 45.0
LB_PLATES = (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)
LB_DUMBBELL_STEP = 5.0
STACK_STEP_KG = 2.5
STACK_STEP_LB = 5.0
CENTS = 100
"""Grids are computed in hundredths of the athlete's unit, as integers, so 62.5 stays 62.5."""

# The catalogue has no "what is the load" field; these exercises use a barbell only as a fixed
# bar to hang from or roll, so the body (not the bar) is the resistance.
BAR_AS_ANCHOR = frozenset({"inverted_row", "feet_elevated_inverted_row", "barbell_rollout"})
# Machines that take weight off a bodyweight move: the stack is assistance (negative added_kg).
ASSISTANCE_MACHINES = frozenset({"machine_assisted_pull_up"})
_BODY_EQUIPMENT = frozenset({Equipment.PULLUP_BAR, Equipment.TRX, Equipment.BACK_EXTENSION_BENCH})
_NO_LOAD_EQUIPMENT = frozenset({Equipment.BODYWEIGHT, Equipment.BENCH})


class LoadKind(StrEnum):
    """What external weight an exercise uses, which decides the loadable steps."""

    BARBELL = "barbell"
    DUMBBELL = "dumbbell"
    STACK = "stack"
    BAND = "band"
    NONE = "none"


def kg_to_lb(kg: float) -> float:
    return kg / KG_PER_LB


def lb_to_kg(lb: float) -> float:
    return lb * KG_PER_LB


def body_loaded(exercise: Exercise) -> bool:
    """The body is the resistance; sets log `added_kg` (+ weight, - assistance), not `load_kg`."""
    equipment = exercise.equipment
    return (
        exercise.slug in BAR_AS_ANCHOR
        or exercise.slug in ASSISTANCE_MACHINES
        or bool(equipment & _BODY_EQUIPMENT)
        or equipment <= _NO_LOAD_EQUIPMENT
    )


def load_kind(exercise: Exercise) -> LoadKind:
    """The external weight: the load itself, or what is added to (or assists) a bodyweight move."""
    equipment = exercise.equipment
    if exercise.slug in BAR_AS_ANCHOR:
        return LoadKind.NONE
    if Equipment.BARBELL in equipment:
        return LoadKind.BARBELL
    if equipment & {Equipment.DUMBBELL, Equipment.KETTLEBELL}:
        return LoadKind.DUMBBELL
    if equipment & {Equipment.CABLE, Equipment.MACHINE}:
        return LoadKind.STACK
    if Equipment.BAND in equipment:
        return LoadKind.BAND
    return LoadKind.NONE


def load_progressed(exercise: Exercise) -> bool:
    """Progressed by adding weight (to the bar, or to the body); otherwise by reps and variations."""
    return load_kind(exercise) in (LoadKind.BARBELL, LoadKind.DUMBBELL, LoadKind.STACK)


def logs_load_kg(exercise: Exercise) -> bool:
    """Sets are typed as a load (60x8); otherwise as bodyweight with +added/-assistance (bwx8)."""
    return load_progressed(exercise) and not body_loaded(exercise)


def load_step_kg(exercise: Exercise, athlete: Athlete) -> float:
    """The smallest real increase, in kg; 0 means the exercise is not load-progressed."""
    grid = _grid(exercise, athlete)
    return 0.0 if grid is None else grid.to_kg(grid.step_c)


def round_load_kg(kg: float, exercise: Exercise, athlete: Athlete) -> float:
    """The nearest loadable value (ties go to the lighter one); unchanged when nothing is weighed.

    For bodyweight moves the value is `added_kg` and may be 0 or negative (assistance).
    """
    grid = _grid(exercise, athlete)
    if grid is None:
        return kg
    return grid.to_kg(grid.nearest(grid.to_c(kg)))


def next_load_up_kg(
    current_kg: float, exercise: Exercise, athlete: Athlete, fraction: float = 0.0
) -> float:
    """`current_kg` raised by `fraction` (0.025 = +2.5%), rounded, and always at least one step up.

    Bodyweight moves step `added_kg` by exactly one step: a percentage of the added weight (or of
    the assistance) means nothing.
    """
    grid = _required_grid(exercise, athlete)
    current_c = grid.to_c(current_kg)
    up = grid.above(current_c)
    if grid.added or fraction <= 0:
        return grid.to_kg(up)
    return grid.to_kg(max(up, grid.nearest(grid.to_c(current_kg * (1 + fraction)))))


def next_load_down_kg(
    current_kg: float, exercise: Exercise, athlete: Athlete, fraction: float = 0.0
) -> float:
    """`current_kg` cut by at least `fraction` and at least one step, never below the lightest load."""
    grid = _required_grid(exercise, athlete)
    current_c = grid.to_c(current_kg)
    down = grid.below(current_c)
    if not grid.added and fraction > 0:
        cut = grid.floor(grid.to_c(current_kg * (1 - fraction)))
        down = cut if down is None or (cut is not None and cut < down) else down
    if down is None:
        return grid.to_kg(grid.nearest(current_c))
    return grid.to_kg(down)


def _required_grid(exercise: Exercise, athlete: Athlete) -> _Grid:
    grid = _grid(exercise, athlete)
    if grid is None:
        raise InputError(
            f"{exercise.name} is not progressed by load; progress reps, sets or the variation.",
            {"exercise": exercise.slug},
        )
    return grid


@dataclass(frozen=True, slots=True)
class _Grid:
    """Loadable values in hundredths of the athlete's unit (integers, so no float drift).

    barbell: bar + 2 x (a sum of plates); steps: multiples of `step_c` (from one step up, or any
    integer multiple for added weight, which can be 0 or negative).
    """

    unit_kg: float
    step_c: int
    bar_c: int | None = None
    plates_c: tuple[int, ...] = ()
    added: bool = False

    def to_c(self, kg: float) -> int:
        return round(kg / self.unit_kg * CENTS)

    def to_kg(self, c: int) -> float:
        return c / CENTS * self.unit_kg

    def floor(self, c: int) -> int | None:
        """Largest loadable value <= c, or None below the lightest."""
        if self.bar_c is None:
            k = c // self.step_c
            if not self.added and k < 1:
                return None
            return k * self.step_c
        if c < self.bar_c:
            return None
        per_side = (c - self.bar_c) // 2
        reach = _per_side_sums(self.plates_c, _bucket(per_side))
        below = reach & ((1 << (per_side + 1)) - 1)
        return self.bar_c + 2 * (below.bit_length() - 1)

    def ceil(self, c: int) -> int:
        """Smallest loadable value >= c."""
        if self.bar_c is None:
            k = -(-c // self.step_c)
            return max(k, 1 if not self.added else k) * self.step_c
        if c <= self.bar_c:
            return self.bar_c
        per_side = -(-(c - self.bar_c) // 2)
        reach = _per_side_sums(self.plates_c, _bucket(per_side + max(self.plates_c)))
        above = reach >> per_side
        return self.bar_c + 2 * (per_side + (above & -above).bit_length() - 1)

    def nearest(self, c: int) -> int:
        low, high = self.floor(c), self.ceil(c)
        if low is None:
            return high
        return low if c - low <= high - c else high

    def above(self, c: int) -> int:
        return self.ceil(c + 1)

    def below(self, c: int) -> int | None:
        return self.floor(c - 1)


def _grid(exercise: Exercise, athlete: Athlete) -> _Grid | None:
    kind = load_kind(exercise)
    lb = athlete.units is Units.LB
    unit_kg = KG_PER_LB if lb else 1.0
    added = body_loaded(exercise)

    def cents(kg: float) -> int:
        return round(kg / unit_kg * CENTS)

    if kind is LoadKind.BARBELL and not added:
        if lb and athlete.plates_kg == DEFAULT_PLATES_KG:
            plates_c = tuple(round(p * CENTS) for p in LB_PLATES)
        else:
            # A plate that rounds to nothing (a hand-edited 0.001) would never add weight.
            plates_c = tuple(c for p in athlete.plates_kg if (c := cents(p)) > 0)
        bar_c = (
            round(LB_BAR * CENTS)
            if lb and athlete.bar_kg == DEFAULT_BAR_KG
            else cents(athlete.bar_kg)
        )
        if not plates_c and athlete.plates_kg:
            # Stored before the input rules existed, or edited by hand: say so, never loop.
            raise InputError(
                f"Your plates ({', '.join(f'{p:g}' for p in athlete.plates_kg)} kg) are too small "
                "to load a bar; set real ones, e.g. backbone athlete --plates 20,10,5,2.5,1.25.",
                {"field": "plates", "value": list(athlete.plates_kg)},
            )
        if not plates_c:
            return None
        return _Grid(unit_kg, 2 * min(plates_c), bar_c, tuple(sorted(plates_c)))
    if kind is LoadKind.BARBELL:
        # A plate held for a bodyweight move: the smallest plate is the step.
        plates = LB_PLATES if lb and athlete.plates_kg == DEFAULT_PLATES_KG else athlete.plates_kg
        step_c = round(min(plates) * CENTS) if plates is LB_PLATES else cents(min(plates))
        return _Grid(unit_kg, max(step_c, 1), added=True)
    if kind is LoadKind.DUMBBELL:
        if lb and athlete.dumbbell_step_kg == DEFAULT_DUMBBELL_STEP_KG:
            step_c = round(LB_DUMBBELL_STEP * CENTS)
        else:
            step_c = cents(athlete.dumbbell_step_kg)
        return _Grid(unit_kg, max(step_c, 1), added=added)
    if kind is LoadKind.STACK:
        step_c = round((STACK_STEP_LB if lb else STACK_STEP_KG) * CENTS)
        return _Grid(unit_kg, step_c, added=added)
    return None


MAX_PER_SIDE_C = 1 << 18
"""2,621 kg (or lb) a side: beyond any real bar, and it keeps a plate bitset under 33 kB."""


def _bucket(limit_c: int) -> int:
    """Round a bitset size up to a power of two so cached plate sums are reused across loads."""
    if limit_c > MAX_PER_SIDE_C:
        raise InputError(
            "That barbell load is far beyond anything a bar holds; check the number and the units.",
            {"per_side_hundredths": limit_c},
        )
    return 1 << max(limit_c, 1).bit_length()


@lru_cache(maxsize=64)
def _per_side_sums(plates_c: tuple[int, ...], limit_c: int) -> int:
    """Bitset of every per-side plate total up to `limit_c` (any number of each plate).

    Bounded: plates below one hundredth are skipped (a zero shift would never grow), and each
    plate takes at most log2(limit_c) doublings.
    """
    reach = 1
    mask = (1 << (limit_c + 1)) - 1
    for plate in plates_c:
        if plate < 1:
            continue
        shift = plate
        while shift <= limit_c:
            # Doubling shifts make every multiple of `plate` reachable in log(limit/plate) steps.
            reach = (reach | (reach << shift)) & mask
            shift *= 2
    return reach


def format_load(kg: float, athlete: Athlete) -> str:
    """A load as the athlete reads it: "62.5 kg" or "135 lb" (added weight keeps its sign)."""
    value = kg_to_lb(kg) if athlete.units is Units.LB else kg
    return f"{round(value, 2):g} {athlete.units.value}"
