"""Swapping an exercise in a running program: which swaps are allowed, and the plan after them.

A program keeps the plan as it started plus the athlete's swaps in order (`ProgramSwap`). The plan
the athlete sees is the started plan with each swap applied to the sessions from its day on: every
item of the swapped-out exercise becomes the replacement, dosed for it the way the planner doses
(`dose_for`, the week's sets and effort), with a reason that says the athlete asked. Swapping back
to what the planner chose restores the planner's own item, word for word.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from backbone.domain.athlete import Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.errors import InputError, NotFound
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.planner.alternatives import Alternative, alternatives, equivalence
from backbone.domain.planner.candidates import allowed
from backbone.domain.planner.wording import item_reasons, load_hint
from backbone.domain.prescription import Reason, dose_for
from backbone.domain.program import Block, Plan, PlanItem, ProgramSwap, Session, Week
from backbone.domain.time_model import ramps_up
from backbone.domain.vocabulary import BackPain, Level, SpinalLoad

RULE = "select.equivalent_swap"
"""a swap: same pattern and kind, doable, no more spinal load; the athlete's choice stands"""
PLANNER_PICK_RULE = "select.loadable_first"
"""why the planner picked an exercise over its stand-ins: not why the athlete swapped to one"""
_SPINE = list(SpinalLoad)
ASKED_PREFIX, ASKED_SUFFIX = "replaced ", " at your request"


def asked_reason(item: PlanItem) -> Reason | None:
    """The reason a swapped-in item carries first ("replaced X at your request"), if it is one."""
    first = item.why[0] if item.why else None
    if (
        first is not None
        and first.rule_id == RULE
        and first.text.startswith(ASKED_PREFIX)
        and first.text.endswith(ASKED_SUFFIX)
    ):
        return first
    return None


@dataclass(frozen=True, slots=True)
class SwapOption:
    exercise: str
    name: str
    reason: str
    rule_id: str
    restores: bool
    """the exercise the program had here before the athlete swapped it"""


def apply_swaps(
    plan: Plan,
    swaps: Sequence[ProgramSwap],
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
) -> Plan:
    """The plan as the athlete now has it: `plan` (as started) with every swap applied in order.

    A swap changes every item that has its exercise from its day on, except a swap back: when the
    program had the target exercise in some of those slots, only those slots go back (an exercise
    the planner chose for other days keeps them)."""
    current = plan
    for swap in swaps:
        restoring = any(
            was.exercise == swap.to_exercise and now.exercise == swap.from_exercise
            for was, now in zip(
                _items(plan, swap.effective_on), _items(current, swap.effective_on), strict=True
            )
        )
        current = replace(
            current,
            weeks=tuple(
                replace(
                    now_week,
                    sessions=tuple(
                        _swapped_session(
                            was, now, now_week, plan.profile, swap, restoring, catalogue, evidence
                        )
                        for was, now in zip(was_week.sessions, now_week.sessions, strict=True)
                    ),
                )
                for was_week, now_week in zip(plan.weeks, current.weeks, strict=True)
            ),
        )
    return current


def swap_options(
    slug: str,
    started: Plan,
    current: Plan,
    on: date,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
) -> tuple[SwapOption, ...]:
    """What `slug` can be swapped for in the sessions from `on`: the program's own earlier choice
    first (a swap back), then the equivalent alternatives best first."""
    exercise = catalogue.get(slug)
    _require_upcoming(exercise, current, on)
    profile = current.profile
    restore = [
        SwapOption(o.slug, o.name, "back to the program's own choice", RULE, True)
        for o in (catalogue.get(s) for s in originals(exercise.slug, started, current, on))
    ]
    taken = {o.exercise for o in restore} | _alongside(exercise.slug, current, on)
    return tuple(restore) + tuple(
        _option(a)
        for a in alternatives(exercise.slug, profile, catalogue, evidence)
        if a.exercise not in taken
    )


def check_swap(
    slug: str,
    to_slug: str,
    started: Plan,
    current: Plan,
    on: date,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
) -> tuple[Exercise, Exercise, SwapOption]:
    """(old, new, the option taken) for a swap the athlete may make; otherwise an InputError that
    says why not (NotFound for an exercise that is not in the catalogue or the program)."""
    old = catalogue.get(slug)
    new = catalogue.get(to_slug)
    options = swap_options(old.slug, started, current, on, catalogue, evidence)
    found = next((o for o in options if o.exercise == new.slug), None)
    if found is None:
        raise InputError(
            f"Cannot swap {old.name} for {new.name}: {_refusal(old, new, current, on)}. "
            f"`backbone swap {old.slug}` lists what you can swap it for.",
            {
                "exercise": old.slug,
                "to": new.slug,
                "options": [o.exercise for o in options],
                "next_step": "swap_options",
            },
        )
    return old, new, found


def originals(slug: str, started: Plan, current: Plan, on: date) -> tuple[str, ...]:
    """The exercises the program had, as started, where it now has `slug` (from `on`)."""
    found: list[str] = []
    for was, now in zip(_items(started, on), _items(current, on), strict=True):
        if now.exercise == slug and was.exercise != slug and was.exercise not in found:
            found.append(was.exercise)
    return tuple(found)


def replacement_item(
    item: PlanItem,
    block: Block,
    week: Week,
    replaced: Exercise,
    new: Exercise,
    profile: Profile,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
) -> PlanItem:
    """`item` with `new` in place of `replaced`: the planner's dose for `new` in this block and
    week, the week's sets and effort kept where they fit."""
    dose = dose_for(new, block.kind, profile, evidence)
    # McGill's pyramid is its own set count; otherwise the week's sets, within the level's cap.
    fitted = max(1, min(item.sets, dose.max_sets))
    sets = dose.fixed_sets if dose.fixed_sets is not None else fitted
    rir: int | None
    if dose.rir_hardest is None:
        rir = None
    elif item.rir is None:
        rir = dose.rir_easiest
    else:
        # Never harder than the replacement's own safety floor, nor than the week planned.
        rir = max(item.rir, dose.rir_hardest)
    asked = Reason(RULE, f"{ASKED_PREFIX}{replaced.name}{ASKED_SUFFIX}")
    # the planner's pick among stand-ins ("the most loadable row your equipment allows") does
    # not hold for an exercise the athlete chose: the swap's own reason replaces it
    own = tuple(
        r
        for r in item_reasons(
            new,
            block.kind,
            dose,
            sets,
            rir,
            week.deload,
            ramps_up(new, block.kind),
            profile,
            catalogue,
            evidence,
        )
        if r.rule_id != PLANNER_PICK_RULE
    )
    return PlanItem(
        exercise=new.slug,
        name=new.name,
        sets=sets,
        reps=dose.reps,
        seconds=dose.seconds,
        per_side=new.unilateral,
        rir=rir,
        rest_s=dose.rest_s,
        load_hint=load_hint(
            new,
            dose,
            rir,
            week.deload,
            ramps_up(new, block.kind),
            profile,
            _next_step(new, profile, catalogue),
        ),
        why=(
            asked,
            Reason(RULE, equivalence(new, replaced)),
            *own,
        ),
    )


def _swapped_session(
    was: Session,
    now: Session,
    week: Week,
    profile: Profile,
    swap: ProgramSwap,
    restoring: bool,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
) -> Session:
    """`now` (the session with the earlier swaps) with `swap`; `was` is it as planned."""
    if now.on < swap.effective_on:
        return now
    blocks = []
    for planned_block, block in zip(was.blocks, now.blocks, strict=True):
        items = []
        for planned, item in zip(planned_block.items, block.items, strict=True):
            if item.exercise != swap.from_exercise:
                items.append(item)
            elif planned.exercise == swap.to_exercise:
                items.append(planned)  # back to the planner's own choice, exactly as planned
            elif restoring:
                items.append(item)  # a swap back leaves the slots the planner gave it alone
            else:
                new = catalogue.get(swap.to_exercise)
                old = catalogue.get(swap.from_exercise)
                items.append(
                    replacement_item(item, block, week, old, new, profile, catalogue, evidence)
                )
        blocks.append(replace(block, items=tuple(items)))
    return replace(now, blocks=tuple(blocks))


def _items(plan: Plan, on: date) -> Iterator[PlanItem]:
    for week in plan.weeks:
        for session in week.sessions:
            if session.on >= on:
                yield from session.items()


def _require_upcoming(exercise: Exercise, current: Plan, on: date) -> None:
    if not any(i.exercise == exercise.slug for i in _items(current, on)):
        raise NotFound(
            f"{exercise.name} is not in your program from {on.isoformat()} on, so there is "
            "nothing to swap; `backbone program show` lists the program.",
            {"exercise": exercise.slug, "on": on.isoformat()},
        )


def _alongside(slug: str, current: Plan, on: date) -> set[str]:
    """Exercises already in a session that has `slug`: swapping to one would do it twice."""
    found: set[str] = set()
    for week in current.weeks:
        for session in week.sessions:
            items = session.items()
            if session.on >= on and any(i.exercise == slug for i in items):
                found.update(i.exercise for i in items if i.exercise != slug)
    return found


def _option(alternative: Alternative) -> SwapOption:
    return SwapOption(
        alternative.exercise, alternative.name, alternative.reason, alternative.rule_id, False
    )


def _refusal(old: Exercise, new: Exercise, current: Plan, on: date) -> str:
    """Why `new` is not an option for `old`, in the athlete's terms."""
    profile = current.profile
    if new.slug == old.slug:
        return "that is the same exercise"
    if new.pattern is not old.pattern or new.kind is not old.kind:
        return (
            f"{new.name} is a {new.pattern.value.replace('_', ' ')} ({new.kind.value}), "
            f"not a {old.pattern.value.replace('_', ' ')} ({old.kind.value}) like {old.name}"
        )
    if not new.fits(profile.available_equipment):
        missing = sorted(e.value for e in new.equipment - profile.available_equipment)
        return f"it needs {', '.join(missing)}, which is not in your program's equipment"
    if new.level.rank > profile.level.rank:
        return f"it is an {new.level.value} exercise and your program is for {profile.level.value}"
    if new.slug in profile.excluded:
        return "your program excludes it"
    if _SPINE.index(new.spinal_load) > _SPINE.index(old.spinal_load) or not allowed(new, profile):
        return _spine_refusal(new, old, profile)
    if new.slug in _alongside(old.slug, current, on):
        return f"{new.name} is already in the same session"
    return "it is not an equivalent option"


def _spine_refusal(new: Exercise, old: Exercise, profile: Profile) -> str:
    load = f"{new.spinal_load.value} spinal load"
    if profile.back_pain is BackPain.CURRENT:
        return f"it puts {load} on your back, which is not allowed with current back pain"
    if profile.back_pain is BackPain.HISTORY and profile.level is Level.NOVICE:
        return f"it puts {load} on your back, not allowed for a novice with a history of back pain"
    if not allowed(new, profile):
        return f"it puts {load} on your back, and your program counts heavy hinges done elsewhere"
    return f"it puts more load on your spine ({load}) than {old.name} ({old.spinal_load.value})"


def _next_step(exercise: Exercise, profile: Profile, catalogue: Catalogue) -> Exercise | None:
    """The first listed progression this athlete can do (as the planner words its hints)."""
    for slug in exercise.progressions:
        if slug in catalogue and allowed(catalogue.get(slug), profile):
            return catalogue.get(slug)
    return None
