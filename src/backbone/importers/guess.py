"""A first guess at an exercise the catalogue does not have, from its name alone.

Imported history keeps every set, so a back squat or a bench press becomes one of the athlete's
own exercises. The guess decides what the analytics see until the athlete corrects it: a heavy
barbell squat must count against the spinal-load budget, and presses must count on the push side
of the push:pull balance. Keyword rules are ordered from the most specific ("rowing machine" is
cardio, "row" is a pull; "split squat" is a lunge; "leg press" is a squat pattern, "press" a push).

Muscles are limited to the ones Backbone tracks (back, core, hips, arms that pull), so a bench
press credits none of them, which is the truth for back volume.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from backbone.domain.own_exercise import Movement
from backbone.domain.vocabulary import Muscle, SpinalLoad

MovementFamily = Movement
"""The broad pattern of any exercise (`backbone.domain.own_exercise.Movement`)."""


@dataclass(frozen=True, slots=True)
class ExerciseGuess:
    slug: str
    """a suggested slug for the athlete's own exercise (the service makes it unique)"""
    name: str
    pattern: MovementFamily
    muscles: tuple[tuple[Muscle, float], ...]
    spinal_load: SpinalLoad
    confidence: float
    """0.7 when a keyword decided the pattern, 0.5 for `other` with known muscles, else 0.3"""


# (family, phrases): the first rule with a phrase in the name wins. Names are compared as
# lower-case words without punctuation ("Pull-Up (Band)" reads "pull up band"); Latin phrases
# match whole words, Chinese ones anywhere (Chinese puts no spaces between words).
_RULES: Final[tuple[tuple[MovementFamily, tuple[str, ...]], ...]] = (
    # leg isolation first, or "leg curl" would read as an arm curl
    (
        MovementFamily.OTHER,
        ("leg curl", "hamstring curl", "nordic", "leg extension", "calf raise", "calf raises"),
    ),
    # "walking lunge" is a lunge, not a walk; "split squat" is a lunge, not a squat
    (
        MovementFamily.LUNGE,
        (
            "lunge",
            "lunges",
            "split squat",
            "step up",
            "bulgarian",
            "ausfallschritt",
            "fente",
            "fentes",
            "弓步",
        ),
    ),
    # "rowing machine" is cardio, "row" is a pull
    (
        MovementFamily.CARDIO,
        (
            "rowing machine",
            "rowing",
            "rower",
            "ergometer",
            "ski erg",
            "running",
            "run",
            "jog",
            "treadmill",
            "cycling",
            "bike",
            "elliptical",
            "stair",
            "stairmaster",
            "walking",
            "hiking",
            "swim",
            "swimming",
            "jump rope",
            "skipping",
            "sprint",
            "cardio",
            "laufen",
            "radfahren",
            "velo",
            "跑步",
            "骑行",
        ),
    ),
    (MovementFamily.CARRY, ("farmer", "farmers", "carry", "suitcase", "yoke", "walk")),
    # "leg press" is a squat pattern, "press" alone a push
    (
        MovementFamily.SQUAT,
        ("squat", "squats", "leg press", "hack", "kniebeuge", "kniebeugen", "sentadilla", "深蹲"),
    ),
    (
        MovementFamily.HINGE,
        (
            "deadlift",
            "rdl",
            "good morning",
            "hip thrust",
            "swing",
            "pull through",
            "back extension",
            "hyperextension",
            "clean",
            "snatch",
            "kreuzheben",
            "硬拉",
        ),
    ),
    # "reverse fly" pulls the shoulder blades back; "fly" alone is a chest push
    (
        MovementFamily.PULL,
        (
            "row",
            "rows",
            "pulldown",
            "pull down",
            "pull up",
            "pullup",
            "chin up",
            "chinup",
            "face pull",
            "reverse fly",
            "rear delt",
            "shrug",
            "shrugs",
            "curl",
            "curls",
            "rudern",
            "tirage",
            "划船",
            "下拉",
            "引体",
        ),
    ),
    (
        MovementFamily.PUSH,
        (
            "press",
            "bench",
            "push up",
            "pushup",
            "dip",
            "dips",
            "fly",
            "flye",
            "pushdown",
            "skull crusher",
            "triceps",
            "tricep",
            "lateral raise",
            "front raise",
            "drucken",
            "bankdrucken",
            "developpe",
            "pompes",
            "卧推",
            "推举",
        ),
    ),
)
_CORE_WORDS: Final = ("crunch", "crunches", "sit up", "leg raise", "knee raise", "ab", "abs")
_OBLIQUE_WORDS: Final = ("twist", "woodchop", "wood chop", "oblique", "obliques")
_HAMSTRING_WORDS: Final = ("leg curl", "hamstring curl", "nordic")

_IMPLEMENTS: Final = ("barbell", "dumbbell", "kettlebell", "cable", "machine", "smith", "band")
_HEAVY_HINGES: Final = ("deadlift", "good morning", "clean", "snatch", "kreuzheben", "硬拉")
_FREE_STANDING_ROWS: Final = ("bent over", "t bar", "pendlay", "landmine")
_STANDING_PRESSES: Final = ("overhead press", "military press", "push press", "standing press")


def words_of(name: str) -> str:
    """` pull up band `: lower case, accents off, punctuation as spaces, padded for whole words."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " " + " ".join(re.sub(r"[\W_]+", " ", plain).split()) + " "


def _has(words: str, phrases: tuple[str, ...]) -> bool:
    return any((f" {p} " in words) if p.isascii() else (p in words) for p in phrases)


def guess_exercise(name: str) -> ExerciseGuess:
    """Pattern, muscles and spinal load for an exercise known only by its name."""
    text = words_of(name)
    family = next(
        (family for family, phrases in _RULES if _has(text, phrases)), MovementFamily.OTHER
    )
    implement = next((i for i in _IMPLEMENTS if f" {i} " in text), None)
    muscles = _muscles(family, text, implement)
    if family is not MovementFamily.OTHER or _has(text, _RULES[0][1]):
        confidence = 0.7
    else:
        confidence = 0.5 if muscles else 0.3
    return ExerciseGuess(
        slug=suggest_slug(name),
        name=name.strip(),
        pattern=family,
        muscles=muscles,
        spinal_load=_spinal_load(family, text, implement),
        confidence=confidence,
    )


def suggest_slug(name: str) -> str:
    """`Bench Press (Barbell)` -> `bench_press_barbell`; names without Latin letters keep a
    readable prefix and a stable suffix from the name's characters."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text.casefold()).strip("_")
    if not slug or not slug[0].isalpha():
        suffix = "".join(f"{ord(c):x}" for c in name.strip())[:24]
        slug = f"custom_{slug}_{suffix}".replace("__", "_")
    return slug


def _muscles(
    family: MovementFamily, text: str, implement: str | None
) -> tuple[tuple[Muscle, float], ...]:
    m = Muscle
    if family is MovementFamily.PULL:
        if _has(text, ("shrug", "shrugs")):
            return ((m.TRAPS_UPPER, 1.0), (m.FOREARMS, 0.25))
        if _has(text, ("curl", "curls")):
            return ((m.BICEPS, 1.0), (m.FOREARMS, 0.25))
        if _has(text, ("face pull", "reverse fly", "rear delt")):
            return ((m.REAR_DELTS, 1.0), (m.RHOMBOIDS, 0.5), (m.TRAPS_MIDDLE, 0.5))
        return ((m.LATS, 1.0), (m.RHOMBOIDS, 0.5), (m.TRAPS_MIDDLE, 0.5), (m.BICEPS, 0.5))
    if family is MovementFamily.HINGE:
        if _has(text, ("hip thrust", "bridge")):
            return ((m.GLUTES, 1.0), (m.HAMSTRINGS, 0.25))
        return ((m.HAMSTRINGS, 1.0), (m.GLUTES, 1.0), (m.ERECTOR_SPINAE, 1.0))
    if family is MovementFamily.SQUAT:
        if implement in ("machine", "smith") or _has(text, ("leg press", "hack")):
            return ((m.GLUTES, 0.5), (m.HAMSTRINGS, 0.25))  # the back rests on a pad
        return ((m.GLUTES, 0.5), (m.ERECTOR_SPINAE, 0.5), (m.HAMSTRINGS, 0.25))
    if family is MovementFamily.LUNGE:
        return ((m.GLUTES, 1.0), (m.HAMSTRINGS, 0.25))
    if family is MovementFamily.CARRY:
        return ((m.FOREARMS, 1.0), (m.TRAPS_UPPER, 0.5), (m.OBLIQUES, 0.5), (m.ERECTOR_SPINAE, 0.5))
    if family is MovementFamily.OTHER:
        if _has(text, _HAMSTRING_WORDS):
            return ((m.HAMSTRINGS, 1.0),)
        if _has(text, _OBLIQUE_WORDS):
            return ((m.OBLIQUES, 1.0), (m.RECTUS_ABDOMINIS, 0.5))
        if _has(text, _CORE_WORDS):
            return ((m.RECTUS_ABDOMINIS, 1.0), (m.OBLIQUES, 0.25))
    return ()


def _spinal_load(family: MovementFamily, text: str, implement: str | None) -> SpinalLoad:
    """High for heavy free-barbell squats, hinges and bent-over rows (as the catalogue rates
    them), moderate where a lighter free weight or a carry loads the spine, low otherwise."""
    supported = implement in ("machine", "smith", "cable", "band") or _has(text, ("leg press",))
    if family is MovementFamily.SQUAT:
        if supported or _has(text, ("hack",)):
            return SpinalLoad.MODERATE if _has(text, ("smith", "hack")) else SpinalLoad.LOW
        if implement in (None, "barbell"):
            return SpinalLoad.MODERATE if _has(text, ("goblet",)) else SpinalLoad.HIGH
        return SpinalLoad.MODERATE
    if family is MovementFamily.HINGE:
        if supported or _has(text, ("hip thrust", "bridge", "back extension", "hyperextension")):
            return SpinalLoad.LOW
        if implement in (None, "barbell") and _has(text, _HEAVY_HINGES):
            return SpinalLoad.HIGH
        return SpinalLoad.MODERATE
    if family is MovementFamily.LUNGE:
        return SpinalLoad.MODERATE if implement == "barbell" else SpinalLoad.LOW
    if family is MovementFamily.PULL and _has(text, _FREE_STANDING_ROWS):
        return SpinalLoad.HIGH if implement in (None, "barbell") else SpinalLoad.MODERATE
    if family is MovementFamily.PUSH and _has(text, _STANDING_PRESSES):
        return SpinalLoad.MODERATE
    if family is MovementFamily.CARRY:
        return SpinalLoad.MODERATE
    return SpinalLoad.LOW
