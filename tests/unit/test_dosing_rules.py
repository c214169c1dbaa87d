"""Issue 9 §2-3: holds, carries, bodyweight lifts and stalls progress the way a coach would."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from backbone.domain.athlete import Athlete, make_profile
from backbone.domain.exercise import Exercise
from backbone.domain.exposures import group_exposures
from backbone.domain.history import LoggedSet, RangeDone, SetType
from backbone.domain.program import KnownSet, PlanItem
from backbone.domain.progression import Prescription, prescribe
from backbone.domain.progression.calibrate import known_set_problem
from backbone.domain.progression.context import Context
from backbone.domain.progression.targets import SetTarget, StallFix
from backbone.domain.progression.units import fit_target
from backbone.domain.shorthand import format_sets, parse_sets
from backbone.domain.strength import load_for_reps_kg, new_records, set_e1rm_kg
from backbone.domain.vocabulary import BackPain, Equipment, Goal, Kind, Level, MeasuredBy
from tests.unit.progression_builders import (
    ATHLETE,
    CALM,
    CATALOGUE,
    EVIDENCE,
    MONDAY,
    logged,
    next_for,
    planned,
    session,
)

PULLUP_BAR_ONLY = frozenset({Equipment.PULLUP_BAR, Equipment.BODYWEIGHT})


def holds(
    slug: str, seconds: list[int], on: date = MONDAY, load_kg: float | None = None
) -> list[LoggedSet]:
    return [
        logged(slug, on, i, load_kg, None, None, seconds=s) for i, s in enumerate(seconds, start=1)
    ]


def weekly(
    slug: str, sessions: list[list[int]], load_kg: float | None = None, **more: Any
) -> list[LoggedSet]:
    return [
        s
        for i, reps in enumerate(sessions)
        for s in session(slug, MONDAY + timedelta(days=7 * i), load_kg, reps, **more)
    ]


def with_kit(
    slug: str, sets: list[LoggedSet], plan: PlanItem, kit: frozenset[Equipment]
) -> Prescription:
    """The next prescription for an athlete who has only `kit`."""
    return prescribe(
        CATALOGUE.get(slug),
        plan,
        group_exposures(sets),
        athlete=ATHLETE,
        level=Level.INTERMEDIATE,
        goal=Goal.HYPERTROPHY,
        back_pain=BackPain.NONE,
        deload_week=False,
        known=None,
        recovery=CALM,
        catalogue=CATALOGUE,
        evidence=EVIDENCE,
        profile=make_profile(
            days_per_week=3,
            minutes_per_session=60,
            equipment=sorted(kit),
            level="intermediate",
            goal="hypertrophy",
            back_pain="none",
            weeks=6,
            start_on=date(2026, 1, 5),
        ),
    )


# --- the shorthand logs what is prescribed -------------------------------------------------


def test_carries_and_weighted_holds_log_load_and_time() -> None:
    carry, weighted = parse_sets(["24x40s", "bw+10x30s"])
    assert (carry.load, carry.seconds, carry.reps) == (24.0, 40, None)
    assert (weighted.added, weighted.seconds) == (10.0, 30)
    assert format_sets(parse_sets(["24x40s", "x3", "bw+10x30s"])) == ("24x40s", "x3", "bw+10x30s")


# --- holds and carries ---------------------------------------------------------------------


def test_a_carry_at_the_top_of_its_time_adds_load_and_goes_back_to_the_bottom() -> None:
    plan = planned("farmers_carry", sets=2, reps=None, seconds=(30, 45), rir=None)
    p = next_for("farmers_carry", holds("farmers_carry", [45, 45], load_kg=24.0), plan)
    assert {t.load_kg for t in p.sets} == {26.0}
    assert {t.seconds for t in p.sets} == {(30, 45)}
    assert len(p.sets) == 2


def test_a_carry_below_the_top_keeps_its_load_and_walks_longer() -> None:
    plan = planned("farmers_carry", sets=2, reps=None, seconds=(30, 45), rir=None)
    p = next_for("farmers_carry", holds("farmers_carry", [35, 30], load_kg=24.0), plan)
    assert {t.load_kg for t in p.sets} == {24.0}
    assert {t.seconds for t in p.sets} == {(35, 45)}


@settings(max_examples=60, deadline=None)
@given(
    slug=st.sampled_from(
        ["plank", "bear_plank", "hollow_hold", "back_extension_hold", "prone_cobra"]
    ),
    sessions=st.lists(st.lists(st.integers(5, 90), min_size=1, max_size=8), min_size=1, max_size=6),
    sets=st.integers(1, 4),
)
def test_holds_never_pile_up_sets(slug: str, sessions: list[list[int]], sets: int) -> None:
    """A user reached 7 x 10 s planks: no history may give a hold more sets than planned."""
    plan = planned(slug, sets=sets, reps=None, seconds=(20, 40), rir=None)
    history = [
        s
        for i, secs in enumerate(sessions)
        for s in holds(slug, secs, MONDAY + timedelta(days=3 * i))
    ]
    p = next_for(slug, history, plan)
    assert len(p.sets) <= sets


def test_mcgill_holds_stay_short_and_grow_in_number_then_hold_at_the_top() -> None:
    plan = planned("bird_dog", sets=12, reps=None, seconds=(10, 10), rir=None)
    more = next_for("bird_dog", holds("bird_dog", [10] * 12), plan)
    assert {t.seconds for t in more.sets} == {(10, 10)}
    assert len(more.sets) == 13
    top = next_for("bird_dog", holds("bird_dog", [10] * 24), plan)
    assert len(top.sets) == 24
    assert top.stall is None


def test_a_bird_dog_is_dosed_as_short_holds_for_a_back_that_hurts_or_has_hurt() -> None:
    from backbone.domain.athlete import make_profile
    from backbone.domain.prescription import dose_for
    from backbone.domain.vocabulary import BlockKind

    for pain in ("history", "current"):
        profile = make_profile(
            days_per_week=3, minutes_per_session=45, equipment=[], level="novice",
            goal="health", back_pain=pain, weeks=5, start_on=MONDAY,
        )  # fmt: skip
        dose = dose_for(CATALOGUE.get("bird_dog"), BlockKind.CORE, profile, EVIDENCE)
        assert dose.seconds == (10, 10)
        assert dose.reps is None
        assert dose.fixed_sets is not None
        assert dose.fixed_sets >= 6


def test_a_pain_free_bird_dog_is_mcgills_short_holds_and_a_side_bridge_may_lengthen() -> None:
    from backbone.domain.athlete import make_profile
    from backbone.domain.prescription import dose_for
    from backbone.domain.vocabulary import BlockKind

    profile = make_profile(
        days_per_week=3, minutes_per_session=45, equipment=[], level="advanced",
        goal="strength", back_pain="none", weeks=5, start_on=MONDAY,
    )  # fmt: skip
    for slug in ("bird_dog", "mcgill_curl_up"):
        dose = dose_for(CATALOGUE.get(slug), BlockKind.CORE, profile, EVIDENCE)
        assert dose.seconds == (10, 10), slug
        assert (dose.fixed_sets or 0) >= 6, slug
    side = dose_for(CATALOGUE.get("side_plank"), BlockKind.CORE, profile, EVIDENCE)
    assert side.seconds is not None
    assert side.seconds[1] > 10
    assert side.fixed_sets is None


def test_pull_up_negatives_are_a_few_slow_lowerings_whatever_the_goal() -> None:
    """Not 2 x 8-12 five-second negatives (a minute of lowering a set) for a hypertrophy novice."""
    from backbone.domain.athlete import make_profile
    from backbone.domain.prescription import dose_for
    from backbone.domain.vocabulary import BlockKind

    for goal in ("strength", "hypertrophy", "endurance", "health"):
        profile = make_profile(
            days_per_week=3, minutes_per_session=45, equipment=["pullup_bar"], level="novice",
            goal=goal, back_pain="history", weeks=5, start_on=MONDAY,
        )  # fmt: skip
        dose = dose_for(CATALOGUE.get("pull_up_negative"), BlockKind.MAIN, profile, EVIDENCE)
        assert dose.reps == (3, 6), goal
        assert dose.reasons[0].rule_id == "load.eccentric_only"


def test_a_longer_bird_dog_hold_lengthens_instead_of_multiplying() -> None:
    plan = planned("bird_dog", sets=2, reps=None, seconds=(20, 40), rir=None)
    p = next_for("bird_dog", holds("bird_dog", [40, 40, 40, 40]), plan)
    assert len(p.sets) == 2


def test_a_hold_handed_reps_is_rewritten_in_seconds() -> None:
    """Prone cobra was prescribed in reps while `log` takes only seconds."""
    ctx = Context(ATHLETE, Level.NOVICE, Goal.HEALTH, BackPain.HISTORY, CATALOGUE, EVIDENCE)
    fitted = fit_target(SetTarget(None, 0.0, (10, 15), None, 3), CATALOGUE.get("prone_cobra"), ctx)
    assert fitted.reps is None
    assert fitted.seconds is not None


# --- bodyweight lifts ----------------------------------------------------------------------


def test_pull_ups_failed_at_2_1_1_regress_to_a_few_slow_negatives_with_only_a_bar() -> None:
    plan = planned("pull_up", sets=4, reps=(8, 12))
    p = with_kit(
        "pull_up", session("pull_up", MONDAY, None, [2, 1, 1], added_kg=0.0), plan, PULLUP_BAR_ONLY
    )
    assert p.substitute == "pull_up_negative"
    assert "below" in p.why[0].text
    # a set of negatives is 3-6 slow lowerings, not the full lift's 8-12
    assert {t.reps for t in p.sets} == {(3, 6)}
    assert "3-6 reps" in p.instructions


def test_pull_ups_failed_at_5_4_3_build_back_up_instead_of_negatives() -> None:
    plan = planned("pull_up", sets=4, reps=(8, 12))
    p = with_kit(
        "pull_up", session("pull_up", MONDAY, None, [5, 4, 3], added_kg=0.0), plan, PULLUP_BAR_ONLY
    )
    assert p.substitute is None
    assert {t.reps for t in p.sets} == {(4, 8)}
    assert "load.eccentric_only" in {r.rule_id for r in p.why}


def test_pull_ups_regress_to_the_assisted_machine_only_when_there_is_one() -> None:
    plan = planned("pull_up", sets=4, reps=(8, 12))
    kit = frozenset({Equipment.MACHINE, Equipment.BODYWEIGHT})
    p = with_kit("pull_up", session("pull_up", MONDAY, None, [5, 4, 3], added_kg=0.0), plan, kit)
    assert p.substitute == "machine_assisted_pull_up"


def test_a_bodyweight_lift_with_no_easier_variation_drops_the_rep_target() -> None:
    plan = planned("doorframe_row", sets=3, reps=(8, 12))
    p = next_for(
        "doorframe_row", session("doorframe_row", MONDAY, None, [4, 3, 3], added_kg=0.0), plan
    )
    assert p.substitute is None
    assert p.sets[0].reps == (3, 8)


def test_pull_ups_above_the_range_move_to_weighted_with_a_dumbbell_and_never_add_sets() -> None:
    plan = planned("pull_up", sets=3, reps=(8, 12))
    done = session("pull_up", MONDAY, None, [12, 12, 12], added_kg=0.0)
    kit = PULLUP_BAR_ONLY | {Equipment.DUMBBELL}
    assert with_kit("pull_up", done, plan, kit).substitute == "weighted_pull_up"
    bar_only = with_kit("pull_up", done, plan, PULLUP_BAR_ONLY)
    assert bar_only.substitute is None
    assert len(bar_only.sets) == 3
    assert "lowering" in bar_only.instructions


def test_a_weighted_pull_up_below_the_range_takes_weight_off() -> None:
    plan = planned("weighted_pull_up", sets=3, reps=(6, 8))
    done = session("weighted_pull_up", MONDAY, None, [4, 3, 3], added_kg=10.0)
    p = next_for("weighted_pull_up", done, plan)
    (added,) = {t.added_kg for t in p.sets}
    assert added is not None
    assert 0 <= added < 10


# --- stalls --------------------------------------------------------------------------------


def test_a_real_pull_up_stall_changes_the_prescription() -> None:
    plan = planned("pull_up", sets=3, reps=(8, 12))
    stuck = weekly("pull_up", [[9, 8, 7]] * 6, added_kg=0.0)
    p = with_kit("pull_up", stuck, plan, PULLUP_BAR_ONLY)
    assert p.stall is not None
    assert p.stall.fix is StallFix.VARIATION
    assert p.substitute == "chin_up"
    assert p.instructions == p.stall.suggestion


def test_a_loaded_stall_moves_to_a_heavier_lower_range_and_says_so() -> None:
    plan = planned("seated_cable_row", sets=3, reps=(8, 12))
    stuck = weekly("seated_cable_row", [[10, 10, 10]] * 4, load_kg=60.0)
    p = with_kit("seated_cable_row", stuck, plan, frozenset({Equipment.CABLE}))
    assert p.stall is not None
    assert p.stall.fix is StallFix.REP_RANGE
    assert {t.reps for t in p.sets} == {(5, 8)}
    assert all((t.load_kg or 0) > 60 for t in p.sets)
    assert "5-8" in p.instructions


def test_the_stall_fix_is_not_answered_twice() -> None:
    plan = planned("seated_cable_row", sets=3, reps=(8, 12))
    stuck = weekly("seated_cable_row", [[10, 10, 10]] * 4, load_kg=60.0)
    reset = session("seated_cable_row", MONDAY + timedelta(days=28), 52.5, [12, 12, 11])
    p = with_kit("seated_cable_row", stuck + reset, plan, frozenset({Equipment.CABLE}))
    assert p.stall is None


def test_added_load_rising_is_not_a_stall() -> None:
    """A weighted back extension was "stalled" while its added load rose 50 %."""
    plan = planned("weighted_back_extension", sets=3, reps=(8, 12))
    sets = [
        s
        for i, (added, reps) in enumerate([(10.0, 12), (12.5, 10), (15.0, 9), (15.0, 9)])
        for s in session(
            "weighted_back_extension", MONDAY + timedelta(days=7 * i), None, [reps] * 3,
            added_kg=added,
        )
    ]  # fmt: skip
    p = next_for("weighted_back_extension", sets, plan, athlete=Athlete("no bodyweight"))
    assert p.stall is None


def test_a_hold_at_its_target_is_not_a_stall() -> None:
    plan = planned("plank", sets=3, reps=None, seconds=(20, 40), rir=None)
    at_cap = [
        s for i in range(5) for s in holds("plank", [40, 40, 40], MONDAY + timedelta(days=7 * i))
    ]
    assert next_for("plank", at_cap, plan).stall is None
    fixed = planned("side_plank", sets=6, reps=None, seconds=(10, 10), rir=None)
    same = [
        s for i in range(5) for s in holds("side_plank", [10] * 6, MONDAY + timedelta(days=7 * i))
    ]
    assert next_for("side_plank", same, fixed).stall is None


# --- e1RM only where it means something ----------------------------------------------------

NO_E1RM = [
    e for e in CATALOGUE
    if e.measured_by is MeasuredBy.SECONDS or e.kind in (Kind.CORE, Kind.MOBILITY)
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    exercise=st.sampled_from(NO_E1RM),
    load=st.one_of(st.none(), st.floats(0.25, 300)),
    added=st.one_of(st.none(), st.floats(-40, 60)),
    reps=st.one_of(st.none(), st.integers(1, 30)),
    seconds=st.one_of(st.none(), st.integers(1, 300)),
    rir=st.one_of(st.none(), st.integers(0, 5)),
    bodyweight=st.one_of(st.none(), st.floats(40, 150)),
)
def test_no_e1rm_for_holds_core_drills_or_mobility(
    exercise: Exercise,
    load: float | None,
    added: float | None,
    reps: int | None,
    seconds: int | None,
    rir: int | None,
    bodyweight: float | None,
) -> None:
    """Whatever an import or a typo stored for a bird dog, it never gets an e1RM or tops the
    PR table with one."""
    one = LoggedSet(
        exercise.slug, MONDAY, 1, SetType.WORKING, load, added, reps, seconds, rir,
        RangeDone.FULL,
    )  # fmt: skip
    assert set_e1rm_kg(one, exercise, bodyweight) is None
    kinds = {r.kind for r in new_records([], [one], exercise, bodyweight)}
    assert "e1rm" not in kinds


# --- known sets ----------------------------------------------------------------------------


def test_known_sets_say_why_they_cannot_be_used() -> None:
    row = CATALOGUE.get("chest_supported_row")
    assert (
        known_set_problem(row, KnownSet("chest_supported_row", 60.0, None, 12, None, 2), 80) is None
    )
    far = known_set_problem(row, KnownSet("chest_supported_row", 50.0, None, 25, None, 2), 80)
    assert far is not None
    assert "20" in far
    easy = known_set_problem(row, KnownSet("chest_supported_row", 50.0, None, 10, None, 6), 80)
    assert easy is not None
    assert "RIR 6" in easy
    carry = CATALOGUE.get("farmers_carry")
    assert known_set_problem(carry, KnownSet("farmers_carry", None, None, None, 40, None), 80)
    weighted = CATALOGUE.get("weighted_pull_up")
    no_bodyweight = known_set_problem(
        weighted, KnownSet("weighted_pull_up", None, 10.0, 6, None, 2), None
    )
    assert no_bodyweight is not None
    assert "bodyweight" in no_bodyweight


def test_a_starting_load_can_aim_at_an_endurance_range() -> None:
    # 20 reps at RIR 3: beyond the 15 reps the e1RM formulas read a set from, still a load
    light = load_for_reps_kg(100.0, 20, 3)
    assert light is not None
    assert 50 < light < (load_for_reps_kg(100.0, 12, 3) or 0)


def test_the_api_set_form_keeps_a_carrys_load() -> None:
    from backbone.interfaces.api.schemas import SetIn

    assert SetIn(load_kg=24, seconds=40).shorthand() == "24x40s"
    assert SetIn(seconds=30).shorthand() == "30s"
    assert SetIn(added_kg=10, seconds=30).shorthand() == "bw+10x30s"
    assert SetIn(load_kg=60, reps=8, rir=2).shorthand() == "60x8@2"
    assert SetIn(reps=8).shorthand() == "bwx8"


def test_a_pound_lifter_reads_added_weight_in_pounds() -> None:
    """An lb athlete saw "22.6796 kg" next to "67.7 lb"."""
    from backbone.domain.athlete import Units

    lifter = Athlete("lb", units=Units.LB, bodyweight_kg=80.0)
    known = KnownSet("weighted_pull_up", None, 22.6796, 5, None, 1)
    plan = planned("weighted_pull_up", reps=(5, 8))
    p = next_for("weighted_pull_up", [], plan, known=known, athlete=lifter)
    assert " lb" in p.instructions
    assert " kg" not in p.instructions
