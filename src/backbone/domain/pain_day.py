"""What today's back allows (issue 9, section 4): the check-in decides before any progression.

- Back pain at or above `checkin_stop_min` (7/10), pain rising over the last three check-ins, or
  new leg symptoms -> no loaded back work today: walking and gentle mobility, the red-flag screen
  again, and when to see a clinician (NICE NG59).
- Pain from `checkin_regress_min` (4) up to the stop -> regress: low spinal-load substitutes,
  lighter loads, pain-free range.
- Otherwise train as planned.

The latest check-in decides, whatever its date: a day without loaded back work lasts until the
athlete checks in again, so a stale "9/10" is answered by checking in, never by silence.
After a set logged with red pain, `progression.pain.never_harder` clamps the next prescription.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from backbone.domain.evidence import EvidenceRegistry, RedFlagStop
from backbone.domain.history import CheckIn
from backbone.domain.prescription import Reason

PAIN_RULE = "safety.pain_monitoring"
ADVICE_RULE = "safety.exercise_first_line"
FLAGS_RULE = "safety.red_flags"
GENTLE_MOBILITY = ("cat_camel", "open_book", "childs_pose")
"""drills offered on a day without loaded back work"""
WALK_MINUTES = (10, 30)
"""the easy walk offered instead of loaded back work"""


class DayCall(StrEnum):
    TRAIN = "train"
    REGRESS = "regress"
    NO_LOADED_BACK_WORK = "no_loaded_back_work"


@dataclass(frozen=True, slots=True)
class RedFlagQuestion:
    name: str
    """the name to give `checkin --red-flag` when the answer is yes"""
    label: str
    emergency: bool


@dataclass(frozen=True, slots=True)
class PainDay:
    call: DayCall
    reasons: tuple[Reason, ...]
    advice: tuple[str, ...] = ()
    mobility: tuple[str, ...] = ()
    """catalogue slugs to do instead, on a day without loaded back work"""
    red_flag_questions: tuple[RedFlagQuestion, ...] = ()
    """the screen asked again on a day without loaded back work, emergencies first"""
    back_pain: int | None = None
    """the latest check-in's back pain, 0-10"""

    @property
    def loaded_back_work(self) -> bool:
        return self.call is not DayCall.NO_LOADED_BACK_WORK


TRAIN_DAY = PainDay(DayCall.TRAIN, ())

STOP_ADVICE = (
    f"No loaded back work today. Walk for {WALK_MINUTES[0]}-{WALK_MINUTES[1]} minutes at an easy "
    "pace and do the gentle mobility drills below; staying active helps back pain recover, and "
    "hurt does not mean harm.",
    "Check the warning signs again (listed below). New numbness around the genitals or buttocks, "
    "new trouble passing or holding urine or stools, or weakness or numbness spreading in both "
    "legs means emergency care today: call your emergency number or go to an emergency department.",
    "See a GP or physiotherapist if the pain is not easing after a few days, keeps you awake at "
    "night, spreads below the knee, or came with fever, a fall, or unexplained weight loss "
    "(NICE guideline NG59).",
    "Check in again when it eases: today's advice follows your latest check-in.",
)
CALM_ADVICE = (
    "Stay active: keep moving and keep training in the pain-free range. Pain during exercise is "
    "common and is not a sign of damage; back pain usually improves within weeks.",
)


def pain_day(check_ins: Sequence[CheckIn], evidence: EvidenceRegistry) -> PainDay:
    """Today's call from the check-ins so far (any order); the latest one's answers decide."""
    ordered = sorted(check_ins, key=lambda c: c.on)
    if not ordered:
        return TRAIN_DAY
    stop_at = evidence.integer(PAIN_RULE, "checkin_stop_min")
    regress_at = evidence.integer(PAIN_RULE, "checkin_regress_min")
    latest = ordered[-1]
    when = latest.on.isoformat()
    found: list[str] = []
    if latest.back_pain >= stop_at:
        found.append(f"back pain {latest.back_pain}/10 at the check-in of {when}")
    if pain_rising(ordered, evidence):
        found.append("back pain rising over the last three check-ins")
    if latest.leg_symptoms:
        found.append(f"new leg symptoms at the check-in of {when}")
    if found:
        return PainDay(
            DayCall.NO_LOADED_BACK_WORK,
            (
                *(Reason(PAIN_RULE, f"{text}: no loaded back work today") for text in found),
                Reason(ADVICE_RULE, "stay active: an easy walk and gentle mobility instead"),
                Reason(FLAGS_RULE, "warning signs asked again; see when to get help below"),
            ),
            STOP_ADVICE,
            GENTLE_MOBILITY,
            red_flag_questions(evidence),
            latest.back_pain,
        )
    if latest.back_pain >= regress_at:
        return PainDay(
            DayCall.REGRESS,
            (
                Reason(
                    PAIN_RULE,
                    f"back pain {latest.back_pain}/10 at the check-in of {when}: lower "
                    "spinal-load lifts, lighter loads, pain-free range",
                ),
                Reason(ADVICE_RULE, "keep training: exercise is the first-line treatment"),
            ),
            CALM_ADVICE,
            back_pain=latest.back_pain,
        )
    return PainDay(DayCall.TRAIN, (), back_pain=latest.back_pain)


def pain_rising(ordered: Sequence[CheckIn], evidence: EvidenceRegistry) -> bool:
    """Back pain higher at each of the last three check-ins (oldest first), ending above green:
    0 -> 1 -> 2 is noise on a 0-10 scale, 1 -> 2 -> 3 is a trend."""
    count = evidence.integer(PAIN_RULE, "rising_checkins")
    last = ordered[-count:]
    return (
        len(last) == count
        and all(b.back_pain > a.back_pain for a, b in pairwise(last))
        and last[-1].back_pain > evidence.integer(PAIN_RULE, "green_max")
    )


def red_flag_questions(evidence: EvidenceRegistry) -> tuple[RedFlagQuestion, ...]:
    flags = evidence.red_flags()
    ordered = sorted(flags, key=lambda f: f.stop is not RedFlagStop.EMERGENCY)
    return tuple(RedFlagQuestion(f.name, f.label, f.stop is RedFlagStop.EMERGENCY) for f in ordered)
