"""The week as an integer program: which exercises go in which session, and how many sets.

Decision variables, per session and candidate exercise: `chosen` (0/1) and `sets`, which is the
exercise's working-set target when chosen (McGill's fixed count of holds for his three). The solver
chooses the exercises; `top_up` then adds sets toward the time box and the bands' tops. Leaving set
counts out of the search keeps it a small selection problem that CP-SAT proves optimal in a few
milliseconds; with free set counts each session became a knapsack that took seconds to prove.
Hard rules are constraints tagged with their rule id; preferences go into the objective.
Weekly sets are counted in quarter sets so fractional credit stays integral.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from backbone.domain.athlete import Profile
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.planner.candidates import (
    Candidates,
    article_lift,
    deadlift_variant,
    loaded_hinge,
    muscle_band,
    preference,
)
from backbone.domain.planner.model import LinearModel, Term
from backbone.domain.planner.outside import hinge_done_outside
from backbone.domain.prescription import Dose, mcgill_big3
from backbone.domain.program import SessionFocus
from backbone.domain.time_model import SETUP_S, ramp_up_s, ramps_up, work_s_per_set
from backbone.domain.vocabulary import (
    CORE_PATTERNS,
    BackPain,
    BlockKind,
    Day,
    Goal,
    Kind,
    Level,
    Muscle,
    Pattern,
    SpinalLoad,
)
from backbone.domain.volume import BACK_TARGETS, COUNTED_CREDIT_MIN, PLAN_TARGETS

QUARTERS = 4
SYNERGIST_CREDIT = COUNTED_CREDIT_MIN
"""volume.fractional_counting names prime movers (1.0) and synergists (0.5); a minor 0.25
credit is no hard set for that muscle (`volume.counted_credit`): not in the weekly totals, the
floors or the tops, so a deadlift's touch of lat work never keeps the deadlift out of a week
whose lats are full, and a total shown never passes the top it was judged against"""
MAX_EXERCISES_PER_BLOCK = {BlockKind.MAIN: 3, BlockKind.ACCESSORY: 3, BlockKind.CORE: 3}
DEFICIT_BELOW_BAND_WEIGHT = 1000
SHORTFALL_BELOW_MIDPOINT_WEIGHT = 20
SHORTFALL_BELOW_TOP_WEIGHT = 1
"""per quarter set: fill the time box toward the band's top once the midpoint is reached"""
ARTICLE_LIFT_WEIGHT = 30
SPREAD_FACTOR = 1.5
"""a back session takes at most 1.5x its even share of a muscle's weekly band top"""
CORE_PATTERN_WEIGHT = 40
SECOND_EXPOSURE_WEIGHT = 60
REPEAT_PENALTY = 8
POSTERIOR_CHAIN_WEIGHT = 600
"""per back session with a hinge, after back pain: in a 30-minute session it outweighs a
second pull, as a physio would weigh them (lumbar.posterior_chain_lbp)"""
SET_COST = 1
CORE_SET_VALUE_WITH_BACK_PAIN = 4
MISSING_WORKING_SET_PENALTY = 15
SHORT_SESSION_MIN = 20
"""sessions this short may dose an exercise below its working-set target"""
TIME_RULE = "profile.minutes"
WEEKLY_COVERAGE = ("vertical_pull", "horizontal_pull", "hinge_or_back_extension", "isolation")
"""The four weekly slots of select.compound_plus_isolation."""


@dataclass(frozen=True, slots=True)
class SessionSlot:
    index: int
    day: Day
    focus: SessionFocus
    budget_s: int
    """seconds left for main, accessory and core work after warm-up, ramp-up and cool-down"""


@dataclass(frozen=True, slots=True)
class Choice:
    session: int
    block: BlockKind
    exercise: Exercise
    dose: Dose
    chosen: int
    sets: int


@dataclass
class WeekModel:
    model: LinearModel = field(default_factory=LinearModel)
    choices: list[Choice] = field(default_factory=list)
    deficits: dict[Muscle, int] = field(default_factory=dict)
    back_sessions: int = 0


def back_days_of(week: WeekModel) -> range:
    return range(week.back_sessions)


def build_week_model(
    slots: list[SessionSlot],
    candidates: Candidates,
    doses: dict[tuple[str, BlockKind], Dose],
    profile: Profile,
    evidence: EvidenceRegistry,
) -> WeekModel:
    week = WeekModel(back_sessions=sum(1 for s in slots if s.focus is SessionFocus.BACK))
    model = week.model
    for slot in slots:
        blocks = (
            (BlockKind.MAIN, BlockKind.ACCESSORY, BlockKind.CORE)
            if slot.focus is SessionFocus.BACK
            else (BlockKind.CORE,)
        )
        for block in blocks:
            for exercise in candidates.for_block(block):
                dose = doses[(exercise.slug, block)]
                tag = f"{slot.day.value}:{exercise.slug}"
                chosen = model.new_bool(f"{tag}:chosen")
                target = template_sets(block, dose, profile)
                sets = model.new_var(f"{tag}:sets", 0, target)
                model.add([(1, sets), (-target, chosen)], rule_id="model.link", upper=0)
                # fewer sets than the target only in the shortest sessions, where the time box
                # leaves no room (McGill's count of holds is the prescription: all or none)
                floor = target
                if dose.fixed_sets is None and profile.minutes_per_session <= SHORT_SESSION_MIN:
                    floor = 1
                model.add([(1, sets), (-floor, chosen)], rule_id="model.link", lower=0)
                week.choices.append(Choice(slot.index, block, exercise, dose, chosen, sets))
        _session_rules(week, slot, candidates, profile, evidence)
    _weekly_rules(week, slots, candidates, profile, evidence)
    return week


def _session_rules(
    week: WeekModel,
    slot: SessionSlot,
    candidates: Candidates,
    profile: Profile,
    evidence: EvidenceRegistry,
) -> None:
    model = week.model
    here = [c for c in week.choices if c.session == slot.index]
    back = len(back_days_of(week))
    time: list[Term] = []
    for c in here:
        work_s = work_s_per_set(c.exercise, c.dose)
        setup_s = SETUP_S[c.block] - c.dose.rest_s
        if ramps_up(c.exercise, c.block):
            setup_s += ramp_up_s(c.exercise, c.dose, profile.minutes_per_session)
        time += [(setup_s, c.chosen), (work_s + c.dose.rest_s, c.sets)]
    model.add(time, rule_id=TIME_RULE, upper=slot.budget_s)
    for block, limit in MAX_EXERCISES_PER_BLOCK.items():
        in_block = [(1, c.chosen) for c in here if c.block is block]
        if in_block:
            model.add(in_block, rule_id="model.block_size", upper=limit)
    by_pattern: dict[tuple[BlockKind, tuple[Pattern, Muscle | None]], list[Term]] = defaultdict(
        list
    )
    for c in here:
        by_pattern[(c.block, pattern_slot(c.exercise))].append((1, c.chosen))
    for terms in by_pattern.values():
        model.add(terms, rule_id="model.one_per_pattern", upper=1)
    core = [(1, c.chosen) for c in here if c.block is BlockKind.CORE]
    if profile.back_pain is BackPain.CURRENT:
        # core.mcgill_big3: curl-up, side bridge and bird dog in every session while it hurts
        trio: dict[Pattern, list[Term]] = defaultdict(list)
        for c in here:
            if c.block is BlockKind.CORE and mcgill_big3(c.exercise):
                trio[c.exercise.pattern].append((1, c.chosen))
        for terms in trio.values():
            model.add(terms, rule_id="core.mcgill_big3", lower=1)
    if slot.focus is SessionFocus.CORE_MOBILITY:
        model.add(core, rule_id="core.anti_movement_mix", lower=1)
        return
    main = [(1, c.chosen) for c in here if c.block is BlockKind.MAIN]
    if main:
        model.add(main, rule_id="select.compound_plus_isolation", lower=1)
    if profile.back_pain is not BackPain.NONE and core:
        needed = 2 if profile.back_pain is BackPain.CURRENT else 1
        model.add(core, rule_id="core.mcgill_big3", lower=min(needed, len(core)))
    spine_heavy = [(1, c.chosen) for c in here if c.exercise.spinal_load is SpinalLoad.HIGH]
    if spine_heavy:
        model.add(spine_heavy, rule_id="safety.spinal_load_gate", upper=1)
    hinges = [(1, c.chosen) for c in here if c.exercise.pattern is Pattern.HINGE]
    if hinges:
        model.add(hinges, rule_id="recovery.spacing_72h_hinge", upper=1)
    for muscle in PLAN_TARGETS:
        direct = [(1, c.sets) for c in here if c.exercise.credit(muscle) >= 1]
        if direct:
            upper = session_direct_sets_max(muscle, back, profile, evidence)
            model.add(direct, rule_id="frequency.volume_equated", upper=upper)


def erector_isolation_cap(profile: Profile, evidence: EvidenceRegistry) -> int:
    """volume.erector_isolation_cap, volume.back_muscle_targets: without back pain, direct
    back-extension sets a week stay under the cap and under half the erectors' band top, so
    most of the erectors' sets come from hinges and rows."""
    cap = evidence.integer("volume.erector_isolation_cap", "direct_sets_per_week_max")
    share = evidence.integer("volume.back_muscle_targets", "erector_direct_share_max_pct")
    top = muscle_band(Muscle.ERECTOR_SPINAE, profile, evidence)[1]
    return min(cap, max(1, top * share // 100))


def session_direct_sets_max(
    muscle: Muscle, back_sessions: int, profile: Profile, evidence: EvidenceRegistry
) -> int:
    """frequency.volume_equated: direct sets of `muscle` one back session may hold; with two or
    more sessions no session takes much more than its share of the band's top."""
    cap = evidence.integer("frequency.volume_equated", "direct_sets_per_session_max")
    if back_sessions < 2:
        return cap
    share = math.ceil(SPREAD_FACTOR * muscle_band(muscle, profile, evidence)[1] / back_sessions)
    return min(cap, max(share, 1))


def _weekly_rules(
    week: WeekModel,
    slots: list[SessionSlot],
    candidates: Candidates,
    profile: Profile,
    evidence: EvidenceRegistry,
) -> None:
    model = week.model
    choices = week.choices
    coverage_rule = "select.compound_plus_isolation"
    for wanted in WEEKLY_COVERAGE:
        terms = [(1, c.chosen) for c in choices if covers(c.exercise, wanted)]
        if terms:
            model.add(terms, rule_id=coverage_rule, lower=1)

    if profile.back_pain is not BackPain.CURRENT and not hinge_done_outside(profile):
        rule = "select.loaded_hinge_weekly"
        hinges = [(1, c.chosen) for c in choices if loaded_hinge(c.exercise)]
        if hinges:
            model.add(hinges, rule_id=rule, lower=1)
        deadlifts = [
            (1, c.chosen)
            for c in choices
            if c.block is BlockKind.MAIN and deadlift_variant(c.exercise)
        ]
        if profile.goal is Goal.STRENGTH and deadlifts:
            model.add(deadlifts, rule_id=rule, lower=1)

    if profile.back_pain is BackPain.NONE:
        direct = [
            (1, c.sets)
            for c in choices
            if c.exercise.pattern is Pattern.BACK_EXTENSION and c.block is not BlockKind.CORE
        ]
        if direct:
            cap = erector_isolation_cap(profile, evidence)
            model.add(direct, rule_id="volume.erector_isolation_cap", upper=cap)

    heavy_hinges = [
        (1, c.chosen)
        for c in choices
        if c.exercise.pattern is Pattern.HINGE and c.exercise.spinal_load is SpinalLoad.HIGH
    ]
    if heavy_hinges:
        limit = evidence.integer("recovery.spacing_72h_hinge", "heavy_deadlifts_per_week_max")
        model.add(heavy_hinges, rule_id="recovery.spacing_72h_hinge", upper=limit)

    objective: list[Term] = []
    covered: list[int] = []
    for pattern in sorted(CORE_PATTERNS):
        terms = [(1, c.chosen) for c in choices if c.exercise.pattern is pattern]
        if not terms:
            continue
        flag = model.new_bool(f"core_pattern:{pattern.value}")
        model.add([*terms, (-1, flag)], rule_id="model.link", lower=0)
        covered.append(flag)
        objective.append((CORE_PATTERN_WEIGHT, flag))
    if len(covered) >= 2:
        model.add([(1, f) for f in covered], rule_id="core.anti_movement_mix", lower=2)

    back_slots = [s for s in slots if s.focus is SessionFocus.BACK]
    for muscle in PLAN_TARGETS:
        low, high = muscle_band(muscle, profile, evidence)
        middle = (low + high) / 2
        volume = [
            (round(c.exercise.credit(muscle) * QUARTERS), c.sets)
            for c in choices
            if c.exercise.credit(muscle) >= SYNERGIST_CREDIT and counts_as_hard_sets(c.dose)
        ]
        if not volume:
            continue
        model.add(volume, rule_id="volume.weekly_sets_band", upper=high * QUARTERS)
        deficit = model.new_var(f"deficit:{muscle.value}", 0, low * QUARTERS)
        model.add([*volume, (1, deficit)], rule_id="volume.weekly_sets_band", lower=low * QUARTERS)
        week.deficits[muscle] = deficit
        objective.append((-DEFICIT_BELOW_BAND_WEIGHT, deficit))
        if muscle not in BACK_TARGETS:
            # the upper back's smaller muscles need their floor and their top; the headline
            # muscles' midpoint and fill terms already pull the rows and flies that train them
            continue
        shortfall = model.new_var(f"shortfall:{muscle.value}", 0, round(middle * QUARTERS))
        model.add([*volume, (1, shortfall)], rule_id="model.link", lower=round(middle * QUARTERS))
        objective.append((-SHORTFALL_BELOW_MIDPOINT_WEIGHT, shortfall))
        # fill toward the band's top (its upper bound is a constraint above)
        objective += [(SHORTFALL_BELOW_TOP_WEIGHT * q, sets) for q, sets in volume]
        if len(back_slots) >= 2:
            objective += _second_exposure(week, back_slots, muscle)

    objective += _article_lifts(week)
    if profile.back_pain is not BackPain.NONE:
        objective += _posterior_chain(week, back_slots)
    for c in choices:
        objective.append((preference(c.exercise, profile, evidence), c.chosen))
        objective.append((-SET_COST, c.sets))
        objective += _working_sets(week, c, profile)
    objective += _variety(week)
    model.maximize(objective)


def erector_quarters(exercise: Exercise) -> int:
    return round(exercise.credit(Muscle.ERECTOR_SPINAE) * QUARTERS)


def _article_lifts(week: WeekModel) -> list[Term]:
    """Reward a week that includes each of the source article's named lifts it can."""
    groups: dict[str, list[Term]] = defaultdict(list)
    for c in week.choices:
        if not article_lift(c.exercise):
            continue
        key = c.exercise.family or c.exercise.pattern.value
        if c.exercise.slug == "underhand_close_grip_pulldown":
            key = c.exercise.slug
        groups[key].append((1, c.chosen))
    terms: list[Term] = []
    for key, chosen in sorted(groups.items()):
        flag = week.model.new_bool(f"article_lift:{key}")
        week.model.add([*chosen, (-1, flag)], rule_id="model.link", lower=0)
        terms.append((ARTICLE_LIFT_WEIGHT, flag))
    return terms


def pattern_slot(exercise: Exercise) -> tuple[Pattern, Muscle | None]:
    """What a block holds one of: a pattern; for scapular isolation, a pattern per prime mover.
    A rear-delt fly and a lower-trap Y raise do different jobs (select.scapular_isolation), and
    with one scapular drill a session the rear delts' and the lower traps' floors compete."""
    if exercise.pattern is Pattern.SCAPULAR and exercise.kind is Kind.ISOLATION:
        primes = exercise.prime_movers
        return exercise.pattern, primes[0] if primes else None
    return exercise.pattern, None


def counts_as_hard_sets(dose: Dose) -> bool:
    """McGill's 10-second holds build endurance with a low load: they are not hard sets."""
    return dose.fixed_sets is None


def covers(exercise: Exercise, wanted: str) -> bool:
    if wanted == "isolation":
        # select.compound_plus_isolation: the weekly isolation slot is scapular / rear-delt work.
        return exercise.kind is Kind.ISOLATION and exercise.pattern is Pattern.SCAPULAR
    if wanted == "hinge_or_back_extension":
        return exercise.pattern in (Pattern.HINGE, Pattern.BACK_EXTENSION)
    return exercise.pattern.value == wanted and exercise.kind is Kind.COMPOUND


def working_sets_target(block: BlockKind, profile: Profile) -> int:
    """Sets an exercise should get once chosen: enough to be worth the setup time.

    level.programming_*: novices 1-3 sets per exercise, intermediates 3-4; accessories and core
    work sit at the low end.
    """
    if block is BlockKind.MAIN:
        return 2 if profile.level is Level.NOVICE else 3
    return 2


def template_sets(block: BlockKind, dose: Dose, profile: Profile) -> int:
    """The sets an exercise gets when the solver chooses it: McGill's fixed count of holds, else
    its working-set target, so volume goes to a few well-dosed lifts."""
    if dose.fixed_sets is not None:
        return dose.fixed_sets
    return min(working_sets_target(block, profile), dose.max_sets)


def _working_sets(week: WeekModel, choice: Choice, profile: Profile) -> list[Term]:
    """Each set a chosen exercise falls short of its target costs more than a set is worth, so
    short-dosed lifts appear only where the time box leaves no room for a full one."""
    target = template_sets(choice.block, choice.dose, profile)
    terms: list[Term] = [
        (-MISSING_WORKING_SET_PENALTY * target, choice.chosen),
        (MISSING_WORKING_SET_PENALTY, choice.sets),
    ]
    if choice.block is BlockKind.CORE and profile.back_pain is not BackPain.NONE:
        # core.mcgill_big3: with back pain, core endurance work is worth its time in itself.
        terms.append((CORE_SET_VALUE_WITH_BACK_PAIN, choice.sets))
    return terms


def _second_exposure(week: WeekModel, back_slots: list[SessionSlot], muscle: Muscle) -> list[Term]:
    """frequency.per_muscle_min2: reward training each target muscle in at least two sessions."""
    model = week.model
    trained: list[int] = []
    for slot in back_slots:
        terms = [
            (1, c.chosen)
            for c in week.choices
            if c.session == slot.index and c.exercise.credit(muscle) >= 0.5
        ]
        if not terms:
            continue
        flag = model.new_bool(f"trained:{slot.day.value}:{muscle.value}")
        model.add([*terms, (-1, flag)], rule_id="model.link", lower=0)
        trained.append(flag)
    if not trained:
        return []
    exposures = model.new_var(f"exposures:{muscle.value}", 0, 2)
    model.add([(1, f) for f in trained] + [(-1, exposures)], rule_id="model.link", lower=0)
    return [(SECOND_EXPOSURE_WEIGHT, exposures)]


def _posterior_chain(week: WeekModel, back_slots: list[SessionSlot]) -> list[Term]:
    """lumbar.posterior_chain_lbp: after back pain, a hinge (a glute bridge, a pull-through) in
    each back session. The bridge trains the glutes, not a target back muscle, so without this
    term the bands alone would drop it for one more set of rows."""
    model = week.model
    terms: list[Term] = []
    for slot in back_slots:
        hinges = [
            (1, c.chosen)
            for c in week.choices
            if c.session == slot.index and c.exercise.pattern is Pattern.HINGE
        ]
        if not hinges:
            continue
        flag = model.new_bool(f"posterior_chain:{slot.day.value}")
        model.add([*hinges, (-1, flag)], rule_id="model.link", lower=0)
        terms.append((POSTERIOR_CHAIN_WEIGHT, flag))
    return terms


def _variety(week: WeekModel) -> list[Term]:
    """Spread volume across variations rather than repeating one exercise every session."""
    model = week.model
    uses: dict[str, list[Term]] = defaultdict(list)
    for c in week.choices:
        if c.block is not BlockKind.CORE:
            uses[c.exercise.slug].append((1, c.chosen))
    terms: list[Term] = []
    for slug, chosen in uses.items():
        if len(chosen) < 2:
            continue
        repeats = model.new_var(f"repeats:{slug}", 0, len(chosen))
        model.add([*chosen, (-1, repeats)], rule_id="model.link", upper=1)
        terms.append((-REPEAT_PENALTY, repeats))
    return terms
