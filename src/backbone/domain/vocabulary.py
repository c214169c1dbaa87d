"""Stable strings of the trainer's vocabulary: stored, shown in JSON and used in tests."""

from __future__ import annotations

from enum import StrEnum


class Muscle(StrEnum):
    LATS = "lats"
    RHOMBOIDS = "rhomboids"
    TRAPS_UPPER = "traps_upper"
    TRAPS_MIDDLE = "traps_middle"
    TRAPS_LOWER = "traps_lower"
    ERECTOR_SPINAE = "erector_spinae"
    REAR_DELTS = "rear_delts"
    TERES = "teres"
    BICEPS = "biceps"
    RECTUS_ABDOMINIS = "rectus_abdominis"
    OBLIQUES = "obliques"
    TRANSVERSE_ABDOMINIS = "transverse_abdominis"
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    FOREARMS = "forearms"


class Pattern(StrEnum):
    VERTICAL_PULL = "vertical_pull"
    HORIZONTAL_PULL = "horizontal_pull"
    HINGE = "hinge"
    BACK_EXTENSION = "back_extension"
    SHRUG = "shrug"
    SCAPULAR = "scapular"
    CARRY = "carry"
    ANTI_EXTENSION = "anti_extension"
    ANTI_ROTATION = "anti_rotation"
    ANTI_LATERAL_FLEXION = "anti_lateral_flexion"
    SPINAL_MOBILITY = "spinal_mobility"
    HIP_MOBILITY = "hip_mobility"
    THORACIC_MOBILITY = "thoracic_mobility"


CORE_PATTERNS = frozenset(
    {Pattern.ANTI_EXTENSION, Pattern.ANTI_ROTATION, Pattern.ANTI_LATERAL_FLEXION}
)
MOBILITY_PATTERNS = frozenset(
    {Pattern.SPINAL_MOBILITY, Pattern.HIP_MOBILITY, Pattern.THORACIC_MOBILITY}
)


class Kind(StrEnum):
    COMPOUND = "compound"
    ISOLATION = "isolation"
    CORE = "core"
    MOBILITY = "mobility"


class Equipment(StrEnum):
    BODYWEIGHT = "bodyweight"
    BAND = "band"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    BENCH = "bench"
    PULLUP_BAR = "pullup_bar"
    CABLE = "cable"
    MACHINE = "machine"
    BACK_EXTENSION_BENCH = "back_extension_bench"
    TRX = "trx"


class SpinalLoad(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Goal(StrEnum):
    STRENGTH = "strength"
    HYPERTROPHY = "hypertrophy"
    ENDURANCE = "endurance"
    HEALTH = "health"


class Level(StrEnum):
    NOVICE = "novice"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class BackPain(StrEnum):
    NONE = "none"
    HISTORY = "history"
    CURRENT = "current"


class Day(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def weekday(self) -> int:
        """0 for Monday, matching `date.weekday()`."""
        return list(Day).index(self)


class BlockKind(StrEnum):
    WARMUP = "warmup"
    MAIN = "main"
    ACCESSORY = "accessory"
    CORE = "core"
    COOLDOWN = "cooldown"


class MeasuredBy(StrEnum):
    REPS = "reps"
    SECONDS = "seconds"


class MobilityUse(StrEnum):
    """Where a mobility drill belongs: dynamic drills warm up, static stretches cool down."""

    WARMUP = "warmup"
    COOLDOWN = "cooldown"
    BOTH = "both"


class Loadability(StrEnum):
    """How well an exercise takes load and small steps: what a coach weighs first.

    `external`: a bar, dumbbell, kettlebell, cable or machine stack (measured, small steps);
    `bodyweight`: the body, plus or minus measured weight (pull-ups, back extensions);
    `band`: coarse band steps that change through the range; `fixed`: angle and reps only.
    """

    FIXED = "fixed"
    BAND = "band"
    BODYWEIGHT = "bodyweight"
    EXTERNAL = "external"

    @property
    def rank(self) -> int:
        return list(Loadability).index(self)


class Stability(StrEnum):
    """How much the body must balance: supported (chest pad, seat, machine) lets the target
    muscle, not balance, limit the set; unstable (rings, band anchors, one leg) limits load."""

    UNSTABLE = "unstable"
    FREE = "free"
    SUPPORTED = "supported"

    @property
    def rank(self) -> int:
        return list(Stability).index(self)


class Skill(StrEnum):
    """Technique demand before the set is limited by the muscle rather than by the pattern."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return list(Skill).index(self)


class OutsideLift(StrEnum):
    """Lifts trained outside the back plan (`--also-training`), counted instead of repeated."""

    SQUAT = "squat"
    DEADLIFT = "deadlift"
    OLYMPIC = "olympic"
    ROW = "row"
    PULL_UP = "pull_up"
    BENCH = "bench"
    OVERHEAD_PRESS = "overhead_press"
