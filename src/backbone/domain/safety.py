"""Red-flag screening: the one rule that overrides every other (safety.red_flags)."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches

from backbone.domain.errors import InputError, SafetyStop
from backbone.domain.evidence import EvidenceRegistry, RedFlag, RedFlagStop
from backbone.domain.inputs import strip_controls

RED_FLAGS_RULE = "safety.red_flags"


def normalise_red_flags(reported: Iterable[str], evidence: EvidenceRegistry) -> tuple[str, ...]:
    """The registry names of the reported flags (`FEVER`, `Night-Pain` -> fever, night_pain).

    Every interface stores and screens these names, so `FEVER` is kept exactly like `fever`.
    An unknown name is an InputError with the nearest names; repeats are dropped, order kept.
    """
    known = {flag.name for flag in evidence.red_flags()}
    names: list[str] = []
    for raw in reported:
        name = raw.strip().lower().replace("-", "_").replace(" ", "_")
        if name not in known:
            suggestions = get_close_matches(name, sorted(known), n=2, cutoff=0.6)
            hint = f" Did you mean '{suggestions[0]}'?" if suggestions else ""
            raise InputError(
                f"Unknown red flag '{strip_controls(raw)}'.{hint} "
                f"Allowed: {', '.join(sorted(known))}.",
                {"field": "red_flag", "value": strip_controls(raw), "allowed": sorted(known)},
            )
        if name not in names:
            names.append(name)
    return tuple(names)


def screen_red_flags(reported: Iterable[str], evidence: EvidenceRegistry) -> None:
    """Raise SafetyStop when any red flag is reported; an unknown flag name is an InputError."""
    known = {flag.name: flag for flag in evidence.red_flags()}
    present: list[RedFlag] = [known[name] for name in normalise_red_flags(reported, evidence)]
    if not present:
        return
    emergency = [f for f in present if f.stop is RedFlagStop.EMERGENCY]
    worst = emergency or present
    labels = "; ".join(f"{f.label} ({f.category.replace('_', ' ')})" for f in worst)
    if emergency:
        advice = (
            "Seek emergency care today. These signs can mean pressure on the nerves at the base "
            "of the spine (cauda equina), which needs urgent assessment."
        )
    else:
        advice = (
            "See a clinician before training. These signs can point to a fracture, an infection "
            "or another serious cause that exercise could make worse or hide."
        )
    raise SafetyStop(
        f"No plan: you reported {labels}. {advice} Backbone will plan once a clinician has cleared you.",
        {
            "rule_id": RED_FLAGS_RULE,
            "red_flags": [f.name for f in present],
            "stop": "emergency" if emergency else "clinician",
        },
    )
