from __future__ import annotations

from datetime import timedelta

import pytest

from backbone.domain.analytics.fatigue import READY, effort, threshold
from backbone.domain.analytics.model import Analytics, MuscleFatigue
from backbone.domain.history import SetType
from backbone.domain.vocabulary import Muscle
from tests.unit.analytics_builders import EVIDENCE, TODAY, check_in, hard, run


def _lats(analytics: Analytics) -> MuscleFatigue:
    return next(f for f in analytics.readiness.fatigue if f.muscle is Muscle.LATS)


def test_effort_weights_rir() -> None:
    assert [effort(r) for r in (0, 1, 2, 3, 4)] == [2.0, 1.75, 1.5, 1.25, 1.0]
    assert effort(None) == 1.5
    assert effort(-1) == 2.0


def test_threshold_is_one_reference_session_48_h_ago() -> None:
    assert threshold(EVIDENCE) == pytest.approx(6 * 1.5 * 0.5)


def test_score_decays_by_half_every_48_h() -> None:
    sets = hard("lat_pulldown", TODAY - timedelta(days=2), 4, rir=0)
    assert _lats(run(sets)).score == 4 * 2.0 * 0.5


def test_a_normal_session_two_days_ago_is_ready_yesterday_is_not() -> None:
    two_days = run(hard("lat_pulldown", TODAY - timedelta(days=2), 6))
    assert _lats(two_days).ready
    assert two_days.readiness.verdict == READY
    assert two_days.readiness.ready
    yesterday = run(hard("lat_pulldown", TODAY - timedelta(days=1), 6))
    assert not _lats(yesterday).ready
    assert not yesterday.readiness.ready
    assert yesterday.readiness.verdict.startswith("Not yet: lats")
    assert any(r.rule_id == "recovery.spacing_48h" for r in yesterday.readiness.reasons)


def test_warmups_do_not_tire() -> None:
    sets = hard("lat_pulldown", TODAY, 6, set_type=SetType.WARMUP)
    assert _lats(run(sets)).score == 0.0


def test_red_flag_stops_and_high_pain_holds() -> None:
    flagged = run(check_ins=[check_in(TODAY, red_flags=("saddle_numbness",))])
    assert not flagged.readiness.ready
    assert "red flag" in flagged.readiness.verdict
    painful = run(check_ins=[check_in(TODAY, back_pain=7)])
    assert not painful.readiness.ready
    assert "back pain" in painful.readiness.verdict
    assert any(r.rule_id == "safety.pain_monitoring" for r in painful.readiness.reasons)


def test_no_history_is_ready() -> None:
    readiness = run().readiness
    assert readiness.ready
    assert readiness.verdict == "ready for back work"
