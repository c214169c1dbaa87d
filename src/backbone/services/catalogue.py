"""Use cases: browse the exercise catalogue and read a cue card."""

from __future__ import annotations

from backbone.domain.athlete import parse_choice
from backbone.domain.exercise import Exercise
from backbone.domain.vocabulary import Equipment, Muscle, Pattern
from backbone.services.ports import Knowledge


def find_exercises(
    knowledge: Knowledge,
    *,
    pattern: str | None = None,
    equipment: list[str] | None = None,
    muscle: str | None = None,
) -> tuple[Exercise, ...]:
    """Exercises matching every given filter; equipment means "doable with only these items"."""
    return knowledge.catalogue.filter(
        pattern=parse_choice(Pattern, pattern, "pattern") if pattern else None,
        equipment=(
            frozenset(parse_choice(Equipment, e, "equipment") for e in equipment)
            if equipment
            else None
        ),
        muscle=parse_choice(Muscle, muscle, "muscle") if muscle else None,
    )


def cue_card(knowledge: Knowledge, name: str) -> Exercise:
    return knowledge.catalogue.get(name)
