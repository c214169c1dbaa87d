"""Turn a profile into a mesocycle: schedule, solve one loading week, then ramp effort and deload."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from backbone.domain.athlete import Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.errors import InputError, NotFound
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.planner.balance import balance_sessions
from backbone.domain.planner.candidates import allowed, find_candidates
from backbone.domain.planner.conflicts import explain_conflicts
from backbone.domain.planner.constraints import (
    SessionSlot,
    build_week_model,
    counts_as_hard_sets,
)
from backbone.domain.planner.mobility import cooldown_drills, warmup_drills
from backbone.domain.planner.model import Solver
from backbone.domain.planner.schedule import schedule_week
from backbone.domain.planner.top_up import Placed, top_up
from backbone.domain.planner.warnings import plan_warnings
from backbone.domain.planner.wording import item_reasons, load_hint
from backbone.domain.prescription import Dose, dose_for
from backbone.domain.program import Block, Plan, PlanItem, Session, SessionFocus, Week
from backbone.domain.safety import screen_red_flags
from backbone.domain.time_model import item_s, ramp_up_s, ramps_up
from backbone.domain.vocabulary import BlockKind, Day
from backbone.domain.volume import weekly_sets

SOLVER_SEED = 20161130
WORK_BLOCKS = (BlockKind.MAIN, BlockKind.ACCESSORY, BlockKind.CORE)


@dataclass(frozen=True, slots=True)
class TemplateItem:
    """An exercise placed in the loading-week template, before the weekly ramp is applied."""

    block: BlockKind
    exercise: Exercise
    dose: Dose
    sets: int


@dataclass(frozen=True, slots=True)
class TemplateSession:
    day: Day
    focus: SessionFocus
    items: tuple[TemplateItem, ...]


def generate_plan(
    profile: Profile, catalogue: Catalogue, evidence: EvidenceRegistry, solve: Solver
) -> Plan:
    """Same profile, catalogue, evidence and start date -> the same plan, every time."""
    screen_red_flags(profile.red_flags, evidence)
    profile = replace(profile, excluded=resolve_exclusions(profile.excluded, catalogue))
    schedule = schedule_week(profile.days_per_week, profile.on_days)
    candidates = find_candidates(profile, catalogue, evidence)
    doses = {
        (e.slug, block): dose_for(e, block, profile, evidence)
        for block in BlockKind
        for e in candidates.for_block(block)
    }
    days = sorted((*schedule.back_days, *schedule.core_days), key=lambda d: d.weekday)
    mobility: dict[Day, tuple[tuple[Exercise, ...], tuple[Exercise, ...]]] = {}
    slots: list[SessionSlot] = []
    for index, day in enumerate(days):
        focus = SessionFocus.BACK if day in schedule.back_days else SessionFocus.CORE_MOBILITY
        warmup = warmup_drills(candidates, profile, index)
        cooldown = cooldown_drills(candidates, profile, index, warmup)
        mobility[day] = (warmup, cooldown)
        fixed_s = sum(
            item_s(e, doses[(e.slug, BlockKind.WARMUP)], BlockKind.WARMUP, 1) for e in warmup
        )
        fixed_s += sum(
            item_s(e, doses[(e.slug, BlockKind.COOLDOWN)], BlockKind.COOLDOWN, 1) for e in cooldown
        )
        budget_s = profile.minutes_per_session * 60 - fixed_s
        slots.append(SessionSlot(index, day, focus, budget_s))

    week_model = build_week_model(slots, candidates, doses, profile, evidence)
    solution = solve(week_model.model, seed=SOLVER_SEED)
    if not solution.found:
        raise explain_conflicts(solution.conflicting_rule_ids, profile)

    budgets_s = {slot.index: slot.budget_s for slot in slots}
    back_sessions = frozenset(slot.index for slot in slots if slot.focus is SessionFocus.BACK)
    placed = top_up(
        [
            Placed(c.session, c.block, c.exercise, c.dose, solution.value(c.sets))
            for c in week_model.choices
            if solution.value(c.sets) > 0
        ],
        budgets_s,
        back_sessions,
        profile,
        evidence,
    )
    placed = balance_sessions(placed, budgets_s, back_sessions, profile, evidence)
    template: list[TemplateSession] = []
    for slot in slots:
        chosen = [
            TemplateItem(p.block, p.exercise, p.dose, p.sets)
            for p in placed
            if p.session == slot.index
        ]
        template.append(TemplateSession(slot.day, slot.focus, tuple(_in_training_order(chosen))))

    weeks = tuple(
        _build_week(
            number,
            phase.deload,
            phase.week_in_block,
            phase.loading_weeks,
            template,
            mobility,
            doses,
            profile,
            catalogue,
            evidence,
        )
        for number, phase in enumerate(mesocycle_phases(profile.weeks), start=1)
    )
    warnings = plan_warnings(profile, schedule, candidates, weeks, catalogue, evidence)
    return Plan(profile=profile, weeks=weeks, warnings=warnings)


def next_step(exercise: Exercise, profile: Profile, catalogue: Catalogue) -> Exercise | None:
    """The first listed progression this athlete can do; None when none is within reach."""
    for slug in exercise.progressions:
        if slug in catalogue and allowed(catalogue.get(slug), profile):
            return catalogue.get(slug)
    return None


def resolve_exclusions(names: frozenset[str], catalogue: Catalogue) -> frozenset[str]:
    """`--exclude` names (slugs or aliases) as catalogue slugs; an unknown name is an input error."""
    slugs: set[str] = set()
    for name in sorted(names):
        try:
            slugs.add(catalogue.get(name).slug)
        except NotFound as missing:
            raise InputError(
                f"Cannot exclude it: {missing.message}", {**missing.details, "field": "exclude"}
            ) from None
    return frozenset(slugs)


def _in_training_order(items: list[TemplateItem]) -> list[TemplateItem]:
    """Blocks in session order; inside a block compound before isolation, large before small."""
    block_rank = {kind: i for i, kind in enumerate(BlockKind)}
    return sorted(
        items,
        key=lambda i: (
            block_rank[i.block],
            i.exercise.kind.value != "compound",
            -sum(c for _, c in i.exercise.muscles),
            i.exercise.slug,
        ),
    )


@dataclass(frozen=True, slots=True)
class Phase:
    """Where a week sits in its mesocycle."""

    deload: bool
    week_in_block: int
    loading_weeks: int


MESOCYCLE_WEEKS_MAX = 6
"""progression.mesocycle_length: a block of more than six weeks is split into mesocycles of at
most six weeks (4-5 loading weeks and a deload week each)"""


def mesocycle_phases(weeks: int) -> tuple[Phase, ...]:
    """Split `weeks` into mesocycles as even as possible, each ending in a deload week; a one-week
    plan is a single loading week."""
    if weeks < 2:
        return (Phase(False, 1, 1),)
    blocks = -(-weeks // MESOCYCLE_WEEKS_MAX)
    sizes = [weeks // blocks + (1 if i < weeks % blocks else 0) for i in range(blocks)]
    phases: list[Phase] = []
    for size in sizes:
        loading = size - 1
        phases += [Phase(False, w, loading) for w in range(1, size)]
        phases.append(Phase(True, size, loading))
    return tuple(phases)


def _build_week(
    number: int,
    deload: bool,
    week_in_block: int,
    loading_weeks: int,
    template: list[TemplateSession],
    mobility: dict[Day, tuple[tuple[Exercise, ...], tuple[Exercise, ...]]],
    doses: dict[tuple[str, BlockKind], Dose],
    profile: Profile,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
) -> Week:
    starts_on = profile.start_on + timedelta(weeks=number - 1)
    sessions: list[Session] = []
    performed: list[tuple[Exercise, int]] = []
    for session in template:
        warmup, cooldown = mobility[session.day]
        blocks: list[Block] = [
            Block(
                BlockKind.WARMUP,
                tuple(_mobility_item(e, doses[(e.slug, BlockKind.WARMUP)]) for e in warmup),
            )
        ]
        seconds = sum(
            item_s(e, doses[(e.slug, BlockKind.WARMUP)], BlockKind.WARMUP, 1) for e in warmup
        )
        for block in WORK_BLOCKS:
            items: list[PlanItem] = []
            for entry in (i for i in session.items if i.block is block):
                sets = _sets_for_week(entry.sets, deload)
                rir = _rir_for_week(entry.dose, week_in_block, loading_weeks, deload)
                ramp = 0
                if ramps_up(entry.exercise, block):
                    ramp = ramp_up_s(entry.exercise, entry.dose, profile.minutes_per_session)
                items.append(
                    PlanItem(
                        exercise=entry.exercise.slug,
                        name=entry.exercise.name,
                        sets=sets,
                        reps=entry.dose.reps,
                        seconds=entry.dose.seconds,
                        per_side=entry.exercise.unilateral,
                        rir=rir,
                        rest_s=entry.dose.rest_s,
                        load_hint=load_hint(
                            entry.exercise,
                            entry.dose,
                            rir,
                            deload,
                            ramp > 0,
                            profile,
                            next_step(entry.exercise, profile, catalogue),
                        ),
                        why=item_reasons(
                            entry.exercise,
                            entry.block,
                            entry.dose,
                            sets,
                            rir,
                            deload,
                            ramp > 0,
                            profile,
                            catalogue,
                            evidence,
                        ),
                    )
                )
                seconds += ramp + item_s(entry.exercise, entry.dose, block, sets)
                if counts_as_hard_sets(entry.dose):
                    performed.append((entry.exercise, sets))
            if items:
                blocks.append(Block(block, tuple(items)))
        blocks.append(
            Block(
                BlockKind.COOLDOWN,
                tuple(_mobility_item(e, doses[(e.slug, BlockKind.COOLDOWN)]) for e in cooldown),
            )
        )
        seconds += sum(
            item_s(e, doses[(e.slug, BlockKind.COOLDOWN)], BlockKind.COOLDOWN, 1) for e in cooldown
        )
        sessions.append(
            Session(
                day=session.day,
                on=_date_in_week(starts_on, session.day),
                focus=session.focus,
                est_minutes=round(seconds / 60, 1),
                blocks=tuple(blocks),
            )
        )
    sessions.sort(key=lambda s: s.on)
    totals = weekly_sets(performed)
    return Week(
        number=number,
        deload=deload,
        starts_on=starts_on,
        weekly_sets=tuple(totals.items()),
        sessions=tuple(sessions),
    )


def _mobility_item(exercise: Exercise, dose: Dose) -> PlanItem:
    return PlanItem(
        exercise=exercise.slug,
        name=exercise.name,
        sets=1,
        reps=dose.reps,
        seconds=dose.seconds,
        per_side=exercise.unilateral,
        rir=None,
        rest_s=0,
        load_hint="Bodyweight, slow and controlled, pain-free range only.",
        why=dose.reasons,
    )


def _sets_for_week(template_sets: int, deload: bool) -> int:
    """progression.deload_prescription: about half the sets in the deload week, at least one."""
    return template_sets - template_sets // 2 if deload else template_sets


def _rir_for_week(dose: Dose, week: int, loading_weeks: int, deload: bool) -> int | None:
    """Effort rises across loading weeks (RIR falls to the safe floor); the deload backs off."""
    if dose.rir_easiest is None or dose.rir_hardest is None:
        return None
    if deload:
        return max(dose.rir_hardest + 2, 3)
    if loading_weeks <= 1:
        return dose.rir_hardest
    step = (dose.rir_easiest - dose.rir_hardest) * (week - 1) / (loading_weeks - 1)
    return dose.rir_easiest - round(step)


def _date_in_week(starts_on: date, day: Day) -> date:
    return starts_on + timedelta(days=(day.weekday - starts_on.weekday()) % 7)
