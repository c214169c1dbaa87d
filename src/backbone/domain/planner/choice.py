"""Why this exercise for this person: one plain sentence built from what the planner weighed
(equipment, level, goal, back status, pattern, spinal load), with the rule that sentence rests on.

The first reason of every worked item comes from here; the dose, effort and progression reasons
follow it (`wording.item_reasons`). Each rule is cited only where its scope (`cited_on` in the
evidence registry) holds for the item, which the personas tests check plan by plan.
"""

from __future__ import annotations

from collections.abc import Callable

from backbone.domain.athlete import Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.planner.candidates import deadlift_variant, loaded_hinge
from backbone.domain.planner.constraints import erector_isolation_cap
from backbone.domain.prescription import BIG3_RULE, Reason, mcgill_big3
from backbone.domain.vocabulary import (
    BackPain,
    BlockKind,
    Equipment,
    Goal,
    Kind,
    Level,
    Loadability,
    MeasuredBy,
    Muscle,
    Pattern,
    SpinalLoad,
)

EQUIPMENT_WORDS = {
    Equipment.BARBELL: "a barbell",
    Equipment.DUMBBELL: "dumbbells",
    Equipment.KETTLEBELL: "a kettlebell",
    Equipment.CABLE: "a cable station",
    Equipment.MACHINE: "a machine",
    Equipment.BACK_EXTENSION_BENCH: "a back-extension bench",
    Equipment.PULLUP_BAR: "a pull-up bar",
    Equipment.BENCH: "a bench",
    Equipment.BAND: "a band",
    Equipment.TRX: "a suspension trainer",
}
"""in the order a person names them: the main tool first, the bench last"""

GOAL_WORDS = {
    Goal.STRENGTH: "you train for strength",
    Goal.HYPERTROPHY: "you train for muscle size",
    Goal.ENDURANCE: "you train for endurance",
    Goal.HEALTH: "you train for a healthy back",
}

CORE_WORDS = {
    Pattern.ANTI_EXTENSION: "the trunk resists arching (anti-extension)",
    Pattern.ANTI_LATERAL_FLEXION: "the trunk resists bending sideways (anti-lateral-flexion)",
    Pattern.ANTI_ROTATION: "the trunk resists twisting (anti-rotation)",
}

PULLDOWN_GRIP_DEFAULT = frozenset({"lat_pulldown", "machine_pulldown"})
UNDERHAND_PULLDOWN = "underhand_close_grip_pulldown"
ILEX_RULE = "lumbar.ilex_low_frequency"


def you_have(exercise: Exercise) -> str:
    """ "you have a cable station", "you have a barbell and a bench"; or "no equipment needed"."""
    needed = [words for kit, words in EQUIPMENT_WORDS.items() if kit in exercise.equipment]
    if not needed:
        return "no equipment needed"
    return "you have " + " and ".join(needed)


def choice_reasons(
    exercise: Exercise,
    block: BlockKind,
    profile: Profile,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
    in_scope: Callable[[str], bool],
) -> tuple[Reason, ...]:
    """Why `exercise` is in this person's plan, first the choice itself, then (after back pain)
    why it suits their back. `in_scope(rule_id)`: the item as dosed lies inside that rule's
    scope (McGill's short holds, the ILEX trials' one set of 8-12)."""
    reasons = [_choice(exercise, block, profile, catalogue, evidence, in_scope)]
    if (
        profile.back_pain is not BackPain.NONE
        and exercise.pattern in (Pattern.HINGE, Pattern.BACK_EXTENSION)
        and exercise.measured_by is MeasuredBy.REPS
        and exercise.credit(Muscle.ERECTOR_SPINAE) >= 1
        and reasons[0].rule_id != "lumbar.posterior_chain_lbp"
    ):
        reasons.append(
            Reason(
                "lumbar.posterior_chain_lbp",
                "after back pain, posterior-chain strength work helped more than general exercise",
            )
        )
    return tuple(reasons)


def _choice(
    exercise: Exercise,
    block: BlockKind,
    profile: Profile,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
    in_scope: Callable[[str], bool],
) -> Reason:
    name = exercise.name
    if mcgill_big3(exercise) and in_scope(BIG3_RULE):
        if profile.back_pain is BackPain.NONE:
            return Reason("core.mcgill_big3", f"{name}: one of McGill's three spine-sparing drills")
        return Reason(
            "core.mcgill_big3",
            f"{name}: {_back_words(profile)}; one of McGill's three spine-sparing drills, "
            "every session",
        )
    if exercise.kind is Kind.CORE:
        return Reason(
            "core.anti_movement_mix",
            f"{name}: {CORE_WORDS.get(exercise.pattern, 'core work')}; {you_have(exercise)}",
        )
    pattern = exercise.pattern
    if pattern is Pattern.VERTICAL_PULL:
        return _vertical_pull(exercise, profile)
    if pattern is Pattern.HORIZONTAL_PULL:
        return _row(exercise, profile, catalogue)
    if pattern is Pattern.HINGE:
        return _hinge(exercise, block, profile)
    if pattern is Pattern.BACK_EXTENSION:
        return _back_extension(exercise, profile, evidence, in_scope(ILEX_RULE))
    if pattern is Pattern.SCAPULAR:
        return Reason(
            "select.compound_plus_isolation",
            f"{name}: {you_have(exercise)}; your weekly isolation for the rear delts and the "
            "mid and lower traps",
        )
    if pattern is Pattern.SHRUG:
        return Reason(
            "select.compound_plus_isolation",
            f"{name}: {you_have(exercise)}; upper-trap isolation after the compound lifts",
        )
    if pattern is Pattern.CARRY:
        return Reason(
            "core.anti_movement_mix",
            f"{name}: {you_have(exercise)}; grip, upper back and a trunk that stays tall under load",
        )
    return Reason("select.compound_plus_isolation", f"{name}: {you_have(exercise)}")


def _vertical_pull(exercise: Exercise, profile: Profile) -> Reason:
    name, have = exercise.name, you_have(exercise)
    if exercise.kind is not Kind.COMPOUND:
        return Reason(
            "select.compound_plus_isolation",
            f"{name}: {have}; lat isolation after the compound pulls",
        )
    if exercise.family == "pull_up":
        if profile.back_pain is BackPain.CURRENT:
            return Reason(
                "select.compound_plus_isolation",
                f"{name}: {have}; your weekly vertical pull, with no load on the spine",
            )
        if exercise.loadability is Loadability.EXTERNAL:
            why = "you are trained enough to add load to the top lat exercise"
        elif exercise.level is Level.NOVICE:
            why = "it builds toward a full pull-up, the top lat exercise"
        else:
            why = "pull-ups and chin-ups work the lats hardest of the pulls measured"
        return Reason("select.pull_up_priority", f"{name}: {have}; {why}")
    if exercise.slug == UNDERHAND_PULLDOWN:
        return Reason(
            "select.pulldown_grip",
            f"{name}: {have}; the close underhand grip adds biceps, a sound alternative grip",
        )
    if exercise.slug in PULLDOWN_GRIP_DEFAULT:
        return Reason(
            "select.pulldown_grip",
            f"{name}: {have}; an overhand pulldown, the default grip for the lats",
        )
    return _loadable(exercise, "vertical pull")


def _row(exercise: Exercise, profile: Profile, catalogue: Catalogue) -> Reason:
    name, have = exercise.name, you_have(exercise)
    if exercise.spinal_load is SpinalLoad.HIGH:
        back = (
            "your back has no complaint"
            if profile.back_pain is BackPain.NONE
            else "your back pain is in the past and you are trained"
        )
        return Reason(
            "select.row_spine_load",
            f"{name}: {have} and {back}; it loads the spine but trains the erectors too",
        )
    if "inverted" in exercise.slug:
        return Reason(
            "select.row_spine_load",
            f"{name}: {have}; the highest lat activity and lowest lumbar load of the rows measured",
        )
    if exercise.loadability is not Loadability.EXTERNAL:
        return _loadable(exercise, "row")
    heavier = _high_load_row(catalogue)
    than = f" than {_a(heavier.name.lower())}" if heavier is not None else ""
    if profile.back_pain is BackPain.CURRENT:
        return Reason(
            "select.row_spine_load",
            f"{name}: {have} and current back pain; far lower spinal load{than}",
        )
    return Reason("select.row_spine_load", f"{name}: {have}; lower spinal load{than}")


def _hinge(exercise: Exercise, block: BlockKind, profile: Profile) -> Reason:
    name, have = exercise.name, you_have(exercise)
    if loaded_hinge(exercise) and profile.back_pain is not BackPain.CURRENT:
        rule = "select.loaded_hinge_weekly"
        if deadlift_variant(exercise) and block is BlockKind.MAIN and profile.goal is Goal.STRENGTH:
            return Reason(rule, f"{name}: your main hinge; {GOAL_WORDS[profile.goal]} and {have}")
        return Reason(rule, f"{name}: your weekly loaded hinge; {GOAL_WORDS[profile.goal]}")
    if profile.back_pain is BackPain.CURRENT:
        return Reason(
            "lumbar.posterior_chain_lbp",
            f"{name}: you have current back pain; hip and back extensors trained at a load "
            "you tolerate",
        )
    return Reason(
        "select.compound_plus_isolation",
        f"{name}: {have}; your weekly hinge for the glutes, hamstrings and erectors",
    )


def _back_extension(
    exercise: Exercise, profile: Profile, evidence: EvidenceRegistry, ilex_in_scope: bool
) -> Reason:
    name, have = exercise.name, you_have(exercise)
    pain = profile.back_pain
    if ilex_in_scope:
        return Reason(
            ILEX_RULE,
            f"{name}: {_back_words(profile)}; one hard set a week of isolated lumbar extension "
            "eased chronic back pain",
        )
    if exercise.measured_by is MeasuredBy.SECONDS:
        if pain is BackPain.NONE:
            return Reason(
                "lumbar.back_extension_dynamic",
                f"{name}: {have}; an endurance hold, which dynamic back extensions do not build",
            )
        return Reason(
            "core.isometric_endurance",
            f"{name}: {_back_words(profile)}; extensor endurance holds eased back pain in trials",
        )
    if pain is BackPain.NONE:
        cap = erector_isolation_cap(profile, evidence)
        return Reason(
            "volume.erector_isolation_cap",
            f"{name}: {have}; direct erector work, at most {cap} sets a week beside the hinges",
        )
    if pain is BackPain.HISTORY:
        return Reason(
            "lumbar.back_extension_dynamic",
            f"{name}: {have}; builds back-extensor strength and extension range",
        )
    return Reason(
        "lumbar.posterior_chain_lbp",
        f"{name}: you have current back pain; back-extensor strength in a range you tolerate",
    )


def _loadable(exercise: Exercise, what: str) -> Reason:
    """select.loadable_first: a band, doorframe or suspension stand-in is what the kit allows."""
    have = you_have(exercise)
    if exercise.loadability is Loadability.EXTERNAL:
        why = f"a {what} loaded in small, measured steps"
    else:
        why = f"the most loadable {what} your equipment allows"
    return Reason("select.loadable_first", f"{exercise.name}: {have}; {why}")


def _back_words(profile: Profile) -> str:
    return {
        BackPain.NONE: "your back has no complaint",
        BackPain.HISTORY: "you have had back pain",
        BackPain.CURRENT: "you have current back pain",
    }[profile.back_pain]


def _high_load_row(catalogue: Catalogue) -> Exercise | None:
    """The bent-over row a low-load row is measured against (select.row_spine_load)."""
    rows = [
        e
        for e in catalogue
        if e.pattern is Pattern.HORIZONTAL_PULL
        and e.spinal_load is SpinalLoad.HIGH
        and e.level is Level.NOVICE
    ]
    return min(rows, key=lambda e: e.slug) if rows else None


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun
