"""Per-muscle fatigue and today's readiness for back work.

Fatigue of a muscle today (a coaching convention built on recovery.spacing_48h):

    score = sum over hard sets of credit x effort x 0.5 ^ (age_h / half_life_h)

- credit: the exercise's catalogue credit for the muscle (1.0 prime mover, 0.5 synergist).
- effort = 1 + (4 - RIR) / 4, with RIR clipped to 0-4: 1.0 at RIR 4, 2.0 at failure. A set logged
  without RIR is taken as RIR 2, the usual prescription. Warm-ups and mobility never count.
- age_h = whole days since the set x 24 (the log keeps dates, not times); a set done today is 0 h.
- half_life_h = 48 (recovery.spacing_48h fatigue_half_life_h): the 48 h the rule asks between
  sessions that load the same muscles hard is the time for a session's fatigue to halve.

A muscle is ready when its score is at most what one ordinary session leaves 48 h later:
`fatigue_reference_sets` (6) prime-mover sets at RIR 2, i.e. 6 x 1.5 x 0.5 = 4.5. So a normal
session two days ago is exactly ready, as the 48 h rule allows; the same session yesterday
(6 x 1.5 x 0.71 = 6.4) or a double-volume session two days ago (9.0) is not.

Readiness for back work combines this with the check-ins (assess_recovery): a red flag stops
training, rising or high back pain holds it, poor recovery calls for a deload, and any back
target muscle (lats, rhomboids, erectors) still above the threshold means "not yet".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from backbone.domain.analytics.hard_sets import HARD_SET_RIR_MAX, hard_sets
from backbone.domain.analytics.model import MuscleFatigue, Readiness
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.history import CheckIn, LoggedSet
from backbone.domain.prescription import Reason
from backbone.domain.progression.recovery import assess_recovery
from backbone.domain.vocabulary import Muscle
from backbone.domain.volume import BACK_TARGETS

RULE = "recovery.spacing_48h"
READY = "ready for back work"
HOURS_PER_DAY = 24
UNKNOWN_RIR = 2


def effort(rir: int | None) -> float:
    clipped = min(max(UNKNOWN_RIR if rir is None else rir, 0), HARD_SET_RIR_MAX)
    return 1 + (HARD_SET_RIR_MAX - clipped) / HARD_SET_RIR_MAX


def threshold(evidence: EvidenceRegistry) -> float:
    """What `fatigue_reference_sets` prime-mover sets at the reference RIR leave after 48 h."""
    half_life_h = evidence.number(RULE, "fatigue_half_life_h")
    spacing_h = evidence.number(RULE, "min_hours_between")
    sets = evidence.number(RULE, "fatigue_reference_sets")
    rir = evidence.integer(RULE, "fatigue_reference_rir")
    return float(sets * effort(rir) * 0.5 ** (spacing_h / half_life_h))


def muscle_fatigue(
    sets: Sequence[LoggedSet],
    muscles: Sequence[Muscle],
    today: date,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
) -> tuple[MuscleFatigue, ...]:
    half_life_h = evidence.number(RULE, "fatigue_half_life_h")
    limit = threshold(evidence)
    scores = dict.fromkeys(muscles, 0.0)
    for logged, exercise in hard_sets(sets, catalogue):
        if logged.performed_on > today:
            continue
        age_h = (today - logged.performed_on).days * HOURS_PER_DAY
        decay = 0.5 ** (age_h / half_life_h)
        for muscle, credit in exercise.muscles:
            if muscle in scores:
                scores[muscle] += credit * effort(logged.rir) * decay
    # Compare before rounding so the threshold case (exactly one reference session) is exact.
    return tuple(MuscleFatigue(m, round(s, 2), s <= limit + 1e-9) for m, s in scores.items())


def _names(muscles: Sequence[Muscle]) -> str:
    words = [m.value.replace("_", " ") for m in muscles]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def readiness(
    sets: Sequence[LoggedSet],
    check_ins: Sequence[CheckIn],
    muscles: Sequence[Muscle],
    today: date,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
) -> Readiness:
    """`muscles` are reported; the back targets among them (always included) decide."""
    shown = tuple(dict.fromkeys((*muscles, *BACK_TARGETS)))
    fatigue = muscle_fatigue(sets, shown, today, catalogue, evidence)
    recovery = assess_recovery(check_ins, sets, today, evidence)
    reasons = list(recovery.reasons)
    tired = [f.muscle for f in fatigue if f.muscle in BACK_TARGETS and not f.ready]
    if tired:
        reasons.append(Reason(RULE, f"{_names(tired)} still carry fatigue from recent hard sets"))
    if recovery.stop:
        verdict = f"Not today: {recovery.reasons[0].text}."
    elif recovery.hold:
        verdict = "Not today: back pain has not settled; rest or keep to easy, pain-free work."
    elif recovery.deload:
        verdict = "Not for hard back work: recovery is poor, so take it easy (deload)."
    elif tired:
        verdict = f"Not yet: {_names(tired)} need more recovery after recent hard sets."
    else:
        verdict = READY
    return Readiness(verdict, verdict == READY, fatigue, tuple(reasons))
