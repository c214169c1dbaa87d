"""The words on each plan item: its load hint and the one-line reasons behind it."""

from __future__ import annotations

from backbone.domain.athlete import Profile
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.prescription import Dose, Reason
from backbone.domain.vocabulary import BackPain, BlockKind, Equipment, Goal, Level, Pattern

ROLE_TEXT = {
    Pattern.VERTICAL_PULL: "vertical pull: lats through a full overhead range",
    Pattern.HORIZONTAL_PULL: "horizontal pull: mid back (rhomboids, mid traps) and lats",
    Pattern.HINGE: "hinge: erectors, glutes and hamstrings under load",
    Pattern.BACK_EXTENSION: "back extension: lumbar extensor strength and range",
    Pattern.SCAPULAR: "scapular isolation: mid/lower traps and rear delts",
    Pattern.SHRUG: "shrug: upper traps",
    Pattern.CARRY: "loaded carry: grip, traps and a braced trunk",
}


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


def item_reasons(
    exercise: Exercise,
    block: BlockKind,
    dose: Dose,
    rir: int | None,
    deload: bool,
    profile: Profile,
    evidence: EvidenceRegistry,
) -> tuple[Reason, ...]:
    reasons: list[Reason] = []
    role = ROLE_TEXT.get(exercise.pattern)
    if block is BlockKind.MAIN and role:
        reasons.append(Reason("select.compound_plus_isolation", f"compound {role}"))
    elif block is BlockKind.ACCESSORY and role:
        reasons.append(Reason("select.compound_plus_isolation", f"after the compounds, {role}"))
    elif block is BlockKind.CORE:
        pattern = exercise.pattern.value.replace("_", "-")
        reasons.append(Reason("core.anti_movement_mix", f"{pattern} core work for a stable spine"))
    specific = [r for r in exercise.rule_ids if r not in {x.rule_id for x in reasons}]
    if specific:
        reasons.append(Reason(specific[0], evidence.rule(specific[0]).statement))
    reasons.extend(dose.reasons)
    if deload:
        reasons.append(
            Reason("progression.deload_prescription", "deload: about half the sets, RIR +2")
        )
    elif rir is not None:
        reasons.append(
            Reason("progression.overload_required", f"RIR {rir} this week; effort rises weekly")
        )
        reasons.append(_progression_reason(block, profile))
    if profile.back_pain is BackPain.CURRENT:
        reasons.append(
            Reason("rom.pain_limited", "full range, but only as far as it stays pain-free")
        )
    else:
        reasons.append(Reason("rom.full_range", "full range of motion; partial reps do not count"))
    return tuple(reasons)


def _progression_reason(block: BlockKind, profile: Profile) -> Reason:
    if profile.level is Level.NOVICE and profile.goal is Goal.STRENGTH and block is BlockKind.MAIN:
        return Reason("progression.linear", "add the smallest step after each successful session")
    if profile.level is Level.ADVANCED:
        return Reason("progression.rir_autoregulation", "set the load from the reps in reserve")
    return Reason("progression.double", "add load once every set tops the rep range")
