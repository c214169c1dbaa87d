"""Expected outcomes the athlete should know about: values on the plan, not exceptions."""

from __future__ import annotations

from dataclasses import replace

from backbone.domain.athlete import Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.planner.candidates import Candidates, allowed, muscle_band
from backbone.domain.planner.constraints import WEEKLY_COVERAGE, covers
from backbone.domain.planner.schedule import WeekSchedule
from backbone.domain.program import PlanWarning, SessionFocus, Week
from backbone.domain.vocabulary import BackPain, Equipment, Level, SpinalLoad
from backbone.domain.volume import BACK_TARGETS, PLAN_TARGETS

COVERAGE_WORDS = {
    "vertical_pull": "vertical pull",
    "horizontal_pull": "horizontal pull",
    "hinge_or_back_extension": "hinge or back extension",
    "isolation": "isolation exercise",
}


def plan_warnings(
    profile: Profile,
    schedule: WeekSchedule,
    candidates: Candidates,
    weeks: tuple[Week, ...],
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
) -> tuple[PlanWarning, ...]:
    warnings: list[PlanWarning] = []
    if profile.days_per_week == 1:
        warnings.append(
            PlanWarning(
                "single_back_session",
                "One back session a week still helps, but 2-3 sessions are recommended for "
                "strength and growth; add a day when you can.",
                "frequency.sessions_per_week",
            )
        )
    if schedule.core_days:
        days = ", ".join(d.value for d in schedule.core_days)
        warnings.append(
            PlanWarning(
                "extra_days_core_mobility",
                f"Back work is capped at 3 sessions a week; your extra day(s) ({days}) get core "
                "and mobility only, so the back muscles recover between sessions.",
                "frequency.sessions_per_week",
            )
        )
    warnings += _coverage(profile, candidates, catalogue)
    loading = [w for w in weeks if not w.deload] or list(weeks)
    template = loading[0]
    warnings += _volume(profile, template, candidates, evidence)
    warnings += _time_box(profile, template, evidence)
    warnings += _frequency(template, catalogue)
    if profile.back_pain is BackPain.HISTORY and profile.level is not Level.NOVICE:
        high = sorted(
            {
                item.name
                for session in template.sessions
                for item in session.items()
                if catalogue.get(item.exercise).spinal_load is SpinalLoad.HIGH
            }
        )
        if high:
            warnings.append(
                PlanWarning(
                    "high_spinal_load_with_back_pain_history",
                    f"{', '.join(high)} load the spine heavily. With a history of back pain keep "
                    "2+ reps in reserve, one such lift per session, and swap it for a lower-load "
                    "variation if pain rises.",
                    "safety.spinal_load_gate",
                )
            )
    if profile.back_pain is BackPain.CURRENT:
        warnings.append(
            PlanWarning(
                "train_with_pain_monitoring",
                "Exercise is the first-line treatment for non-specific back pain. Keep pain during "
                "a set at 2/10 or less (3-5 is acceptable if it settles by the next morning); if "
                "it does not, go back a step. Stay active between sessions too: walking helps, "
                "and pain during exercise is not a sign of harm (NICE NG59). The curl-up, side "
                "bridge and bird dog are in every session.",
                "safety.pain_monitoring",
            )
        )
    return tuple(warnings)


def _coverage(profile: Profile, candidates: Candidates, catalogue: Catalogue) -> list[PlanWarning]:
    usable = (*candidates.main, *candidates.accessory)
    warnings = []
    for wanted in WEEKLY_COVERAGE:
        if any(covers(e, wanted) for e in usable):
            continue
        needs = sorted(
            {
                "+".join(sorted(eq.value for eq in e.equipment))
                for e in catalogue
                if covers(e, wanted)
                and e.level.rank <= profile.level.rank
                and allowed(e, _with_everything(profile))
            }
        )
        have = ", ".join(sorted(e.value for e in profile.available_equipment))
        hint = f" Equipment that would add one: {', '.join(needs[:4])}." if needs else ""
        warnings.append(
            PlanWarning(
                f"missing_{wanted}",
                f"No {COVERAGE_WORDS[wanted]} is possible with {have} at your level and back "
                f"status, so this week lacks one.{hint}",
                "select.compound_plus_isolation",
            )
        )
    return warnings


def _with_everything(profile: Profile) -> Profile:
    return replace(profile, equipment=frozenset(Equipment))


UNUSED_MINUTES_MIN = 5
"""a back session this many minutes under the time box says what stopped it"""


def _time_box(profile: Profile, week: Week, evidence: EvidenceRegistry) -> list[PlanWarning]:
    """Say which limit stopped a session short of --minutes: the weekly bands, or the caps on
    sets per exercise and exercises per block."""
    minutes = profile.minutes_per_session
    short = [
        s
        for s in week.sessions
        if s.focus is SessionFocus.BACK and s.est_minutes <= minutes - UNUSED_MINUTES_MIN
    ]
    if not short:
        return []
    totals = dict(week.weekly_sets)
    full = []
    for muscle in PLAN_TARGETS:
        high = muscle_band(muscle, profile, evidence)[1]
        if totals[muscle] >= high - 0.25:
            full.append(f"{muscle.value} ({high:g})")
    used = ", ".join(f"{s.day.value} {s.est_minutes:g}" for s in short)
    if full:
        why = (
            f"the weekly band{'s' if len(full) > 1 else ''} for {', '.join(full)} hard sets "
            f"{'are' if len(full) > 1 else 'is'} full for your goal and level; more sets would "
            "add fatigue, not progress"
        )
        rule = "volume.weekly_sets_band"
    else:
        why = (
            "the exercises your equipment allows already have their most sets and the session "
            "its most exercises per block"
        )
        rule = "frequency.volume_equated"
    return [
        PlanWarning(
            "time_box_not_filled",
            f"Minutes used of {minutes}: {used}. Stopped there because {why}.",
            rule,
        )
    ]


def _volume(
    profile: Profile, week: Week, candidates: Candidates, evidence: EvidenceRegistry
) -> list[PlanWarning]:
    totals = dict(week.weekly_sets)
    bands = {m: muscle_band(m, profile, evidence) for m in PLAN_TARGETS}
    full = {m for m in PLAN_TARGETS if totals[m] >= bands[m][1] - 0.25}
    lifts = (*candidates.main, *candidates.accessory)
    time_left = any(
        s.focus is SessionFocus.BACK
        and s.est_minutes <= profile.minutes_per_session - UNUSED_MINUTES_MIN
        for s in week.sessions
    )
    warnings = []
    for muscle in PLAN_TARGETS:
        low, high = bands[muscle]
        if totals[muscle] < low:
            # the full bands of the other muscles this muscle's exercises train
            blocking = [
                m
                for m in PLAN_TARGETS
                if m in full and any(e.credit(muscle) >= 0.5 and e.credit(m) >= 0.5 for e in lifts)
            ]
            if time_left and blocking:
                # the minutes were there: what stopped it is the exercises' other muscles
                names = ", ".join(m.value for m in blocking)
                why = (
                    f"the exercises your equipment allows for them also train {names}, whose "
                    f"weekly band{'s are' if len(blocking) > 1 else ' is'} full, so more of "
                    "them would push past that top; the minutes were there."
                )
            elif time_left:
                # minutes to spare and nothing full: the per-exercise and per-session caps bind
                why = (
                    "each session already holds its most exercises, each at its most sets, with "
                    "minutes to spare: another day a week would close the gap, more minutes "
                    "would not."
                )
            else:
                why = (
                    f"{profile.days_per_week} day(s) of {profile.minutes_per_session} minutes "
                    "with your equipment leave no room for more. More minutes or another day "
                    "would close the gap."
                )
            warnings.append(
                PlanWarning(
                    "volume_below_band",
                    f"{muscle.value} get {totals[muscle]:g} hard sets a week, below the {low}-{high} "
                    f"band for your goal and level: {why}",
                    "volume.weekly_sets_band",
                )
            )
    return warnings


def _frequency(week: Week, catalogue: Catalogue) -> list[PlanWarning]:
    """frequency.per_muscle_min2: flag a target muscle that only one back session trains."""
    back = [s for s in week.sessions if s.focus is SessionFocus.BACK]
    if len(back) < 2:
        return []
    warnings = []
    for muscle in BACK_TARGETS:
        exposures = sum(
            1
            for session in back
            if any(catalogue.get(i.exercise).credit(muscle) >= 0.5 for i in session.items())
        )
        if exposures < 2:
            warnings.append(
                PlanWarning(
                    "muscle_once_a_week",
                    f"{muscle.value} are trained in only {exposures} session(s) a week; twice is "
                    "better for growth.",
                    "frequency.per_muscle_min2",
                )
            )
    return warnings
