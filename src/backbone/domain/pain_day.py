"""What today's back allows (issue 9, section 4): the check-in decides before any progression.

- Back pain at or above `checkin_stop_min` (7/10), pain rising over the last three check-ins, or
  new leg symptoms -> no loaded back work today: walking and gentle mobility, the red-flag screen
  again, and when to see a clinician (NICE NG59).
- Pain from `checkin_regress_min` (4) up to the stop -> regress: low spinal-load substitutes,
  lighter loads, pain-free range.
- Otherwise train as planned.

After a set logged with red pain, `progression.pain.never_harder` clamps the next prescription.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.history import CheckIn
from backbone.domain.prescription import Reason

PAIN_RULE = "safety.pain_monitoring"
ADVICE_RULE = "safety.exercise_first_line"
FLAGS_RULE = "safety.red_flags"
GENTLE_MOBILITY = ("cat_camel", "open_book", "childs_pose")
"""drills offered on a day without loaded back work"""


class DayCall(StrEnum):
    TRAIN = "train"
    REGRESS = "regress"
    NO_LOADED_BACK_WORK = "no_loaded_back_work"


@dataclass(frozen=True, slots=True)
class PainDay:
    call: DayCall
    reasons: tuple[Reason, ...]
    advice: tuple[str, ...] = ()
    mobility: tuple[str, ...] = ()
    """catalogue slugs to do instead, on a day without loaded back work"""
    recheck_red_flags: bool = False


STOP_ADVICE = (
    "No loaded back work today. Walk for 10-30 minutes at an easy pace and do the gentle "
    "mobility drills below; staying active helps back pain recover, and hurt does not mean harm.",
    "Check the warning signs again: new numbness around the genitals or buttocks, new trouble "
    "passing or holding urine or stools, or weakness or numbness spreading in both legs means "
    "emergency care today.",
    "See a GP or physiotherapist if the pain is not easing after a few days, keeps you awake at "
    "night, spreads below the knee, or came with fever, a fall, or unexplained weight loss.",
)
CALM_ADVICE = (
    "Stay active: keep moving and keep training in the pain-free range. Pain during exercise is "
    "common and is not a sign of damage; back pain usually improves within weeks.",
)


def pain_day(
    check_ins: Sequence[CheckIn], *, new_leg_symptoms: bool, evidence: EvidenceRegistry
) -> PainDay:
    """Today's call from the check-ins so far (oldest first) and any new leg symptoms."""
    ordered = sorted(check_ins, key=lambda c: c.on)
    stop_at = evidence.integer(PAIN_RULE, "checkin_stop_min")
    regress_at = evidence.integer(PAIN_RULE, "checkin_regress_min")
    found: list[str] = []
    latest = ordered[-1].back_pain if ordered else None
    if latest is not None and latest >= stop_at:
        found.append(f"back pain {latest}/10 at today's check-in")
    if _rising(ordered, evidence):
        found.append("back pain rising over the last three check-ins")
    if new_leg_symptoms:
        found.append("new leg symptoms")
    if found:
        return PainDay(
            DayCall.NO_LOADED_BACK_WORK,
            (
                *(Reason(PAIN_RULE, f"{text}: no loaded back work today") for text in found),
                Reason(ADVICE_RULE, "stay active: walking and gentle mobility"),
                Reason(FLAGS_RULE, "warning signs checked again"),
            ),
            STOP_ADVICE,
            GENTLE_MOBILITY,
            recheck_red_flags=True,
        )
    if latest is not None and latest >= regress_at:
        return PainDay(
            DayCall.REGRESS,
            (
                Reason(
                    PAIN_RULE,
                    f"back pain {latest}/10: lower spinal-load lifts, lighter loads, "
                    "pain-free range",
                ),
                Reason(ADVICE_RULE, "keep training: exercise is the first-line treatment"),
            ),
            CALM_ADVICE,
        )
    return PainDay(DayCall.TRAIN, ())


def _rising(ordered: list[CheckIn], evidence: EvidenceRegistry) -> bool:
    count = evidence.integer(PAIN_RULE, "rising_checkins")
    last = ordered[-count:]
    return len(last) == count and all(b.back_pain > a.back_pain for a, b in pairwise(last))
