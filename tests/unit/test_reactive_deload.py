"""A reactive deload is one event (issue 9, section 3): cut once from the load before it, back to
that load afterwards, over once check-ins recover; and a session RPE of 9-10 holds the loads."""

from __future__ import annotations

from datetime import date, timedelta

from backbone.data import packaged_evidence
from backbone.domain.history import CheckIn, PerformedSession
from backbone.domain.progression import Recovery, assess_recovery
from tests.unit.progression_builders import MONDAY, next_for, planned, session

EVIDENCE = packaged_evidence()
ROW = "barbell_bent_over_row"
PLAN = planned(ROW, sets=4, reps=(8, 12), rir=2)


def day(n: int) -> date:
    return MONDAY + timedelta(days=n)


def poor(n: int) -> CheckIn:
    return CheckIn(1, day(n), sleep_h=5, back_pain=1, soreness=8, readiness=2)


def good(n: int) -> CheckIn:
    return CheckIn(1, day(n), sleep_h=8, back_pain=1, soreness=2, readiness=8)


def recovery_on(n: int, check_ins: list[CheckIn]) -> Recovery:
    return assess_recovery(check_ins, [], day(n), EVIDENCE)


# 62.5 kg before; two poor check-ins (days 3 and 4); trained at the cut load on day 4
BEFORE = session(ROW, day(0), 62.5, [10, 10, 10, 10])
CHECK_INS = [good(0), good(1), good(2), poor(3), poor(4), poor(5), poor(6), good(7), good(8)]


def test_the_cut_is_made_once_from_the_load_before_the_deload() -> None:
    first = next_for(ROW, BEFORE, PLAN, recovery=recovery_on(4, CHECK_INS[:5]))
    (cut,) = {t.load_kg for t in first.sets}
    assert cut is not None
    assert cut < 62.5
    # a second session under the same deload: the same cut, not a cut of the cut
    during = BEFORE + session(ROW, day(4), cut, [10, 10])
    again = next_for(ROW, during, PLAN, recovery=recovery_on(6, CHECK_INS[:7]))
    assert {t.load_kg for t in again.sets} == {cut}


def test_after_the_deload_the_load_returns_to_where_it_was() -> None:
    during = BEFORE + session(ROW, day(4), 55, [10, 10]) + session(ROW, day(6), 55, [10, 10])
    recovered = recovery_on(8, CHECK_INS)
    assert not recovered.deload
    after = next_for(ROW, during, PLAN, recovery=recovered)
    assert all(t.load_kg is not None and t.load_kg >= 62.5 for t in after.sets)


def test_two_good_check_ins_end_it_even_with_signs_earlier_in_the_week() -> None:
    ins = [poor(0), poor(1), good(2), good(3)]
    assert recovery_on(1, ins[:2]).deload
    assert recovery_on(2, ins[:3]).deload  # one good day is not recovery yet
    assert not recovery_on(3, ins).deload


def test_deload_days_are_known_for_past_sessions() -> None:
    recovery = recovery_on(8, CHECK_INS)
    assert not recovery.deload_on(day(2))
    assert recovery.deload_on(day(4))
    assert recovery.deload_on(day(6))
    assert not recovery.deload_on(day(8))


def test_a_session_rpe_of_9_holds_the_next_loads() -> None:
    earned = session(ROW, day(0), 60, [12, 12, 12, 12])
    calm = next_for(ROW, earned, PLAN, recovery=recovery_on(2, []))
    assert all((t.load_kg or 0) > 60 for t in calm.sets)
    hard = assess_recovery([], earned, day(2), EVIDENCE, [PerformedSession(1, day(0), 9, 50)])
    held = next_for(ROW, earned, PLAN, recovery=hard)
    assert {t.load_kg for t in held.sets} == {60.0}
    assert any(r.rule_id == "rir.scale" for r in held.why)
    easy = assess_recovery([], earned, day(2), EVIDENCE, [PerformedSession(1, day(0), 7, 50)])
    assert all((t.load_kg or 0) > 60 for t in next_for(ROW, earned, PLAN, recovery=easy).sets)


def test_a_hard_session_followed_by_more_training_no_longer_holds() -> None:
    sets = session(ROW, day(0), 60, [12] * 4) + session("chin_up", day(2), None, [8])
    recovery = assess_recovery([], sets, day(3), EVIDENCE, [PerformedSession(1, day(0), 10, 50)])
    assert recovery.hard_session_rir is None
