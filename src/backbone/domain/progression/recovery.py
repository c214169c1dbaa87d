"""Recovery check-ins and recent pain -> deload, hold or stop (before any load goes up).

- stop: the latest check-in reports a red flag (safety.red_flags). The latest answer counts, so
  a later check-in without flags (after a clinician cleared the athlete) lifts the stop.
- back (safety.pain_monitoring, issue 9 section 4): the latest check-in's back pain, rising pain
  or new leg symptoms decide whether today has loaded back work at all (`pain_day`).
- deload (progression.deload_trigger): the last 2 check-ins are both "poor" (readiness <= 3/10,
  sleep under 7 h, or soreness >= 7/10), or 2+ overreaching signs in the last week
  (recovery.overreaching_signs). It is one event: it ends as soon as the last 2 check-ins are
  both good again, whatever signs the week still holds, and `deload_on` tells which past days
  trained under it, so loads are cut once from the load before it and return to it afterwards.
- hold (safety.pain_monitoring, red): back pain rising over the last 3 check-ins, resting back
  pain above 5, pain not settled the morning after a painful session, or a set above 5 in the
  last session.
- rir_floor (recovery.sleep): two short nights in a row keep every set at RIR 2 or easier.
- hard_session_rir (rir.scale): the last finished session's RPE as reps in reserve, when it was
  9 or 10 and nothing was trained after it; sets planned easier than that hold their load.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from backbone.domain.evidence import EvidenceRegistry, RedFlagStop
from backbone.domain.history import CheckIn, LoggedSet, PerformedSession
from backbone.domain.pain_day import TRAIN_DAY, DayCall, PainDay, pain_day, pain_rising
from backbone.domain.prescription import Reason

PAIN_RULE = "safety.pain_monitoring"
TRIGGER_RULE = "progression.deload_trigger"
SLEEP_RULE = "recovery.sleep"
SIGNS_RULE = "recovery.overreaching_signs"
FLAGS_RULE = "safety.red_flags"
RPE_RULE = "rir.scale"
SIGNS_WINDOW_DAYS = 7
HARD_SESSION_RPE_MIN = 9
"""rir.scale: session RPE 9 is about 1 rep in reserve, 10 is none: harder than most targets"""


@dataclass(frozen=True, slots=True)
class Recovery:
    deload: bool
    hold: bool
    stop: bool
    reasons: tuple[Reason, ...]
    rir_floor: int | None = None
    """no set harder than this RIR today (recovery.sleep); None when sleep is fine"""
    back: PainDay = TRAIN_DAY
    """what the back allows today: train, regress, or no loaded back work"""
    deload_changes: tuple[tuple[date, bool], ...] = ()
    """(check-in day, reactive deload in force from then on), oldest first"""
    hard_session_rir: int | None = None
    """reps in reserve the last finished session's RPE 9-10 meant; None otherwise"""
    hard_session_reason: Reason | None = None

    def deload_on(self, day: date) -> bool:
        """Whether a reactive deload was in force on `day` (by the check-ins before it)."""
        state = False
        for on, flag in self.deload_changes:
            if on > day:
                break
            state = flag
        return state


NO_CONCERNS = Recovery(deload=False, hold=False, stop=False, reasons=())


def assess_recovery(
    check_ins: Sequence[CheckIn],
    recent_sets: Sequence[LoggedSet],
    today: date,
    evidence: EvidenceRegistry,
    sessions: Sequence[PerformedSession] = (),
) -> Recovery:
    ordered = sorted(
        (c for c in check_ins if c.on <= today),
        key=lambda c: (c.on, c.checked_at.timestamp() if c.checked_at else 0.0),
    )
    reasons: list[Reason] = []
    stop = _stop(ordered, evidence, reasons)
    back = pain_day(ordered, evidence)
    reasons.extend(back.reasons)
    deload = _deload(ordered, today, evidence, reasons)
    sets = [s for s in recent_sets if s.performed_on <= today]
    hold = _hold(ordered, sets, evidence, reasons, covered=back.call is not DayCall.TRAIN)
    rir_floor = _sleep_cap(ordered, today, evidence, reasons)
    changes = tuple(
        (c.on, _deload(ordered[: i + 1], c.on, evidence, [])) for i, c in enumerate(ordered)
    )
    hard_rir, hard_reason = _hard_session(sessions, sets, today)
    return Recovery(
        deload, hold, stop, tuple(reasons), rir_floor, back, changes, hard_rir, hard_reason
    )


def _hard_session(
    sessions: Sequence[PerformedSession], sets: Sequence[LoggedSet], today: date
) -> tuple[int | None, Reason | None]:
    """The last finished session, if it felt like RPE 9-10 and nothing was trained after it."""
    done = [s for s in sessions if s.on <= today and s.session_rpe is not None]
    if not done:
        return None, None
    last = max(done, key=lambda s: s.on)
    assert last.session_rpe is not None
    if last.session_rpe < HARD_SESSION_RPE_MIN or any(s.performed_on > last.on for s in sets):
        return None, None
    rir = 10 - last.session_rpe
    return rir, Reason(
        RPE_RULE,
        f"session RPE {last.session_rpe} on {last.on.isoformat()} (about {rir} in reserve, "
        "harder than this target): repeat the load",
    )


def _stop(ordered: list[CheckIn], evidence: EvidenceRegistry, reasons: list[Reason]) -> bool:
    if not ordered or not ordered[-1].red_flags:
        return False
    known = {flag.name: flag for flag in evidence.red_flags()}
    flags = ordered[-1].red_flags
    emergency = any(
        (flag := known.get(name)) is not None and flag.stop is RedFlagStop.EMERGENCY
        for name in flags
    )
    advice = "seek emergency care today" if emergency else "see a clinician before training"
    reasons.append(Reason(FLAGS_RULE, f"red flag reported ({', '.join(flags)}): {advice}"))
    return True


def is_poor(check_in: CheckIn, evidence: EvidenceRegistry) -> bool:
    readiness = check_in.readiness
    return (
        (
            readiness is not None
            and readiness <= evidence.integer(TRIGGER_RULE, "poor_readiness_max")
        )
        or check_in.sleep_h < evidence.number(SLEEP_RULE, "sleep_h_min")
        or check_in.soreness >= evidence.integer(TRIGGER_RULE, "poor_soreness_min")
    )


def _deload(
    ordered: list[CheckIn], today: date, evidence: EvidenceRegistry, reasons: list[Reason]
) -> bool:
    needed = evidence.integer(TRIGGER_RULE, "poor_recovery_checkins")
    last = ordered[-needed:]
    if len(last) == needed and not any(is_poor(c, evidence) for c in last):
        # recovered: the event ends with two good check-ins, not when last week's signs age out
        return False
    if len(last) == needed and all(is_poor(c, evidence) for c in last):
        reasons.append(Reason(TRIGGER_RULE, f"{needed} poor recovery check-ins in a row: deload"))
        return True
    since = today - timedelta(days=SIGNS_WINDOW_DAYS)
    week = [c for c in ordered if c.on > since]
    signs = _signs(week, evidence)
    if len(signs) >= evidence.integer(SIGNS_RULE, "deload_signs_per_week_min"):
        reasons.append(
            Reason(SIGNS_RULE, f"overreaching signs this week ({', '.join(signs)}): deload")
        )
        return True
    return False


def _signs(week: list[CheckIn], evidence: EvidenceRegistry) -> list[str]:
    signs = []
    if any(c.sleep_h < evidence.number(SLEEP_RULE, "sleep_h_min") for c in week):
        signs.append("sleep_disturbance")
    readiness_max = evidence.integer(TRIGGER_RULE, "poor_readiness_max")
    if any(c.readiness is not None and c.readiness <= readiness_max for c in week):
        signs.append("persistent_fatigue")
    sore = [c.on for c in week if c.soreness >= evidence.integer(TRIGGER_RULE, "poor_soreness_min")]
    hours = evidence.integer(TRIGGER_RULE, "soreness_h_over")
    if sore and (max(sore) - min(sore)).days * 24 >= hours:
        signs.append("soreness_over_72h")
    if pain_rising(week, evidence):
        signs.append("resting_pain_rising")
    return signs


def _hold(
    ordered: list[CheckIn],
    sets: list[LoggedSet],
    evidence: EvidenceRegistry,
    reasons: list[Reason],
    *,
    covered: bool,
) -> bool:
    """`covered`: the check-in's pain already made today a regress or no-loaded-work day, whose
    reasons say so; the same finding is not repeated as a hold reason."""
    green, amber = (
        evidence.integer(PAIN_RULE, "green_max"),
        evidence.integer(PAIN_RULE, "amber_max"),
    )
    found: list[str] = []
    rising = pain_rising(ordered, evidence)
    resting = bool(ordered) and ordered[-1].back_pain > amber
    if (rising or resting) and covered:
        found_by_check_in = True
    else:
        found_by_check_in = False
        if rising:
            found.append("back pain rising over the last check-ins")
        if resting:
            found.append(f"back pain {ordered[-1].back_pain}/10 at the last check-in")
    if sets:
        last_day = max(s.performed_on for s in sets)
        pains = [s.pain for s in sets if s.performed_on == last_day and s.pain is not None]
        worst = max(pains, default=None)
        if worst is not None and worst > amber:
            found.append(f"pain {worst}/10 during the last session")
        next_morning = [c for c in ordered if c.on == last_day + timedelta(days=1)]
        if worst is not None and worst > green and any(c.back_pain > green for c in next_morning):
            found.append("pain from the last session had not settled by the next morning")
    for text in found:
        reasons.append(Reason(PAIN_RULE, f"{text}: hold, no load increases"))
    return bool(found) or found_by_check_in


def _sleep_cap(
    ordered: list[CheckIn], today: date, evidence: EvidenceRegistry, reasons: list[Reason]
) -> int | None:
    nights = evidence.integer(SLEEP_RULE, "short_nights_trigger")
    last = ordered[-nights:]
    short = evidence.number(SLEEP_RULE, "sleep_h_min")
    cap = evidence.integer(SLEEP_RULE, "capped_rir_min")
    if len(last) == nights and all(c.sleep_h < short for c in last):
        reasons.append(
            Reason(SLEEP_RULE, f"{nights} short nights in a row: keep every set at RIR {cap}+")
        )
        return cap
    if ordered and ordered[-1].on == today and ordered[-1].sleep_h < short:
        # recovery.sleep warns from the first short night; the cap waits for a second
        reasons.append(
            Reason(
                SLEEP_RULE,
                f"{ordered[-1].sleep_h:g} h of sleep, under the {short:g} h adults need: "
                f"another short night keeps every set at RIR {cap}+",
            )
        )
    return None
