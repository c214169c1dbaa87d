"""The words on each plan item: its load hint and the one-line reasons behind it."""

from __future__ import annotations

from backbone.domain.athlete import Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import CitedItem, EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.planner.choice import choice_reasons
from backbone.domain.prescription import Dose, Reason
from backbone.domain.vocabulary import (
    BackPain,
    BlockKind,
    Equipment,
    Goal,
    Kind,
    Level,
    MeasuredBy,
)


def load_hint(
    exercise: Exercise,
    dose: Dose,
    rir: int | None,
    deload: bool,
    ramp_up: bool,
    profile: Profile,
    next_harder: Exercise | None = None,
) -> str:
    """`next_harder`: the first listed progression the athlete can do (equipment, level, back)."""
    parts: list[str] = []
    if ramp_up:
        parts.append(
            "Ramp up first: a lighter set or two at about 50% and 75% of the working load."
        )
    if dose.seconds is not None:
        side = " per side" if exercise.unilateral else ""
        parts.append(
            f"Hold {dose.seconds[0]}-{dose.seconds[1]} s{side} with a neutral spine; stop the set "
            "when your position slips."
        )
    elif dose.reps is not None and rir is not None:
        low, high = dose.reps
        if exercise.equipment <= {Equipment.BODYWEIGHT, Equipment.PULLUP_BAR, Equipment.BENCH}:
            nxt = f" move on to {next_harder.name}" if next_harder is not None else " add load"
            parts.append(
                f"Bodyweight: when every set reaches {high} reps with {rir} in reserve,{nxt}."
            )
        elif Equipment.BAND in exercise.equipment:
            parts.append(
                f"Pick a band that lets you reach {low}-{high} reps with {rir} in reserve; "
                "a stronger band when every set hits the top."
            )
        else:
            parts.append(
                f"Pick a load you can lift for {high} reps with {rir} reps in reserve; "
                f"when every set reaches {high} with full range, add the smallest step."
            )
    if profile.back_pain is BackPain.CURRENT:
        parts.append(
            "Work only in the pain-free range; pain during a set should stay at 2/10 or less."
        )
    if deload:
        parts.append("Deload week: same exercise and load, about half the sets, easier effort.")
    return " ".join(parts)


def cited_item(
    exercise: Exercise,
    block: BlockKind,
    reps: tuple[int, int] | None,
    seconds: tuple[int, int] | None,
    sets: int,
    ramp_up: bool,
) -> CitedItem:
    """The item as a rule's `cited_on` scope sees it."""
    return CitedItem(
        exercise=exercise.slug,
        block=block.value,
        kind=exercise.kind.value,
        pattern=exercise.pattern.value,
        measured_by=exercise.measured_by.value,
        spinal_load=exercise.spinal_load.value,
        equipment=frozenset(e.value for e in exercise.equipment),
        reps=reps,
        seconds=seconds,
        sets=sets,
        ramp_up=ramp_up,
    )


def item_reasons(
    exercise: Exercise,
    block: BlockKind,
    dose: Dose,
    sets: int,
    rir: int | None,
    deload: bool,
    ramp_up: bool,
    profile: Profile,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
) -> tuple[Reason, ...]:
    """Why this item for this person first (`choice.choice_reasons`), then its dose, effort,
    progression and range of motion; every rule only where its scope holds for the item."""
    item = cited_item(exercise, block, dose.reps, dose.seconds, sets, ramp_up)

    def in_scope(rule_id: str) -> bool:
        rule = evidence.rule(rule_id)
        return rule.cited_within(item, profile.goal, profile.level, profile.back_pain)

    reasons = list(choice_reasons(exercise, block, profile, catalogue, evidence, in_scope))
    reasons.extend(dose.reasons)
    if ramp_up:
        reasons.append(
            Reason("mobility.dynamic_warmup", "ramp-up sets first, so the working sets start warm")
        )
    if deload:
        reasons.append(
            Reason("progression.deload_prescription", "deload: about half the sets, RIR +2")
        )
    elif rir is not None:
        reasons.append(
            Reason("progression.overload_required", f"RIR {rir} this week; effort rises weekly")
        )
        if exercise.kind is not Kind.CORE:
            reasons.append(_progression_reason(block, profile))
    if exercise.measured_by is MeasuredBy.REPS:
        if profile.back_pain is BackPain.CURRENT:
            reasons.append(
                Reason("rom.pain_limited", "full range, but only as far as it stays pain-free")
            )
        else:
            reasons.append(
                Reason("rom.full_range", "full range of motion; partial reps do not count")
            )
    return tuple(reasons)


def _progression_reason(block: BlockKind, profile: Profile) -> Reason:
    if profile.level is Level.NOVICE and profile.goal is Goal.STRENGTH and block is BlockKind.MAIN:
        return Reason("progression.linear", "add the smallest step after each successful session")
    if profile.level is Level.ADVANCED:
        return Reason("progression.rir_autoregulation", "set the load from the reps in reserve")
    if profile.goal is Goal.ENDURANCE:
        return Reason(
            "progression.load_increment", "add the smallest load step once every set tops the range"
        )
    return Reason("progression.double", "add load once every set tops the rep range")
