"""Explain an infeasible week: which hard rules clash, and what the athlete could relax."""

from __future__ import annotations

from backbone.domain.athlete import Profile
from backbone.domain.errors import InfeasiblePlan

STRUCTURAL_PREFIX = "model."


def explain_conflicts(rule_ids: tuple[str, ...], profile: Profile) -> InfeasiblePlan:
    minutes = profile.minutes_per_session
    wording = {
        "profile.minutes": (
            f"every session fits in {minutes} minutes",
            f"raise the minutes per session above {minutes}",
        ),
        "select.compound_plus_isolation": (
            "each week has a vertical pull, a horizontal pull, a hinge or back extension and an "
            "isolation exercise, and each back session starts with a compound lift",
            "add a training day so the patterns spread over more sessions",
        ),
        "core.anti_movement_mix": (
            "at least two core patterns a week (anti-extension, anti-rotation, anti-lateral-flexion)",
            "add a training day",
        ),
        "core.mcgill_big3": (
            "core work in every session while the back is sore or has a history",
            "raise the minutes per session",
        ),
        "volume.weekly_sets_band": (
            "no more weekly sets per back muscle than the evidence band allows",
            "pick a higher level only if it matches your training history",
        ),
        "frequency.volume_equated": (
            "at most about 10 direct sets per muscle in one session",
            "add a training day",
        ),
        "safety.spinal_load_gate": (
            "at most one high spinal-load lift per session",
            "nothing to relax: this is a safety rule",
        ),
        "recovery.spacing_72h_hinge": (
            "at most one hinge per session and one heavy deadlift-type lift a week",
            "nothing to relax: this protects recovery",
        ),
    }
    conflicts = [
        {"rule_id": rule_id, "text": wording.get(rule_id, (rule_id, ""))[0]}
        for rule_id in rule_ids
        if not rule_id.startswith(STRUCTURAL_PREFIX)
    ]
    relax = sorted({wording[c["rule_id"]][1] for c in conflicts if c["rule_id"] in wording})
    summary = "; ".join(c["text"] for c in conflicts) or "the plan's hard rules"
    return InfeasiblePlan(
        f"No plan satisfies all of these together: {summary}. "
        f"Try: {'; or '.join(relax) if relax else 'different days or minutes'}.",
        {"conflicts": conflicts, "relax": relax},
    )
