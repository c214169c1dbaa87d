"""`backbone swap`'s pure part: equivalent alternatives to an exercise, best first, each with why.

Equivalent = same pattern and kind, doable with the athlete's equipment, within their level and
back status (planner.candidates.allowed), no more spinal load than the exercise swapped out.
Ranked by the planner's own preference (select.loadable_first), then same family, then name;
each option cites the swap rule (select.equivalent_swap) with what makes it equivalent.
"""

from __future__ import annotations

from dataclasses import dataclass

from backbone.domain.athlete import Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.planner.candidates import allowed, preference
from backbone.domain.vocabulary import SpinalLoad

_SPINE = list(SpinalLoad)


@dataclass(frozen=True, slots=True)
class Alternative:
    exercise: str
    name: str
    reason: str
    rule_id: str


def alternatives(
    slug: str, profile: Profile, catalogue: Catalogue, evidence: EvidenceRegistry
) -> tuple[Alternative, ...]:
    current = catalogue.get(slug)
    options = [
        e
        for e in catalogue
        if e.slug != current.slug
        and e.pattern is current.pattern
        and e.kind is current.kind
        and allowed(e, profile)
        and _SPINE.index(e.spinal_load) <= _SPINE.index(current.spinal_load)
    ]
    ranked = sorted(
        options,
        key=lambda e: (
            -preference(e, profile, evidence),
            e.family != current.family or current.family is None,
            e.name,
        ),
    )
    return tuple(
        Alternative(e.slug, e.name, equivalence(e, current), "select.equivalent_swap")
        for e in ranked
    )


def equivalence(option: Exercise, current: Exercise) -> str:
    """What makes `option` a fair swap for `current`, in the athlete's words."""
    parts = [f"same {current.pattern.value.replace('_', ' ')}"]
    if option.family is not None and option.family == current.family:
        parts.append(f"a {option.family.replace('_', '-')} variation, so the strength carries over")
    parts.append(f"{option.loadability.value} load, {option.stability.value} set-up")
    if _SPINE.index(option.spinal_load) < _SPINE.index(current.spinal_load):
        parts.append("less load on the spine")
    return "; ".join(parts)
