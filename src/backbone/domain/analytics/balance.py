"""Balance of the back work: hard sets (whole sets, not credit) on each side of four pairs.

- horizontal vs vertical pulling and hinge vs back extension: select.compound_plus_isolation
  asks for at least one of each pull, and at least one hinge or back extension, every week.
  Pulls count as balanced while neither side has more than twice the other's sets, a coaching
  convention: rows and pulldowns overlap so much that a 2:1 lean is a normal programme.
- left vs right for unilateral exercises (lumbar.functional_vs_conventional): a logged set has
  no side field, so a set's side is read from its note ("left" or "right"); without notes the
  pair is reported as not logged by side. Sides count as even within one set or 10%.
- pull vs push: the catalogue has no pushing exercise, so pushing shows up only through the
  athlete's own exercises (imported presses, guessed as push); without any the ratio cannot be
  judged, and saying so beats inventing a number. Imported pulls and hinges the catalogue lacks
  count on their side too. At least as much pulling as pushing is the balanced reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from backbone.domain.analytics.hard_sets import hard_sets
from backbone.domain.analytics.model import Balance
from backbone.domain.analytics.own_sets import OwnExercises, own_count, own_hard_sets
from backbone.domain.catalogue import Catalogue
from backbone.domain.exercise import Exercise
from backbone.domain.history import LoggedSet
from backbone.domain.own_exercise import Movement
from backbone.domain.vocabulary import Pattern

SELECT_RULE = "select.compound_plus_isolation"
SIDES_RULE = "lumbar.functional_vs_conventional"
PULL_RATIO_MAX = 2.0
SIDE_RATIO_TOLERANCE = 0.10
SIDE_SETS_TOLERANCE = 1
PULL_PATTERNS = frozenset({Pattern.HORIZONTAL_PULL, Pattern.VERTICAL_PULL})
_LEFT = re.compile(r"\bleft\b", re.IGNORECASE)
_RIGHT = re.compile(r"\bright\b", re.IGNORECASE)


def _ratio(left: float, right: float) -> float | None:
    return None if right == 0 else round(left / right, 2)


def _count(pairs: Sequence[tuple[LoggedSet, Exercise]], patterns: frozenset[Pattern]) -> float:
    return float(sum(1 for _, exercise in pairs if exercise.pattern in patterns))


def _pulls(horizontal: float, vertical: float) -> str:
    if horizontal == 0 and vertical == 0:
        return "No pulling logged in this period: add a vertical and a horizontal pull each week."
    if vertical == 0:
        return "No vertical pulling logged: add a pulldown or pull-up each week."
    if horizontal == 0:
        return "No horizontal pulling logged: add a row each week."
    ratio = horizontal / vertical
    if ratio > PULL_RATIO_MAX:
        return "Rows outweigh vertical pulls more than 2 to 1: add pulldown or pull-up sets."
    if ratio < 1 / PULL_RATIO_MAX:
        return "Vertical pulls outweigh rows more than 2 to 1: add row sets."
    return "Horizontal and vertical pulling are balanced."


def _hinges(hinge: float, extension: float) -> str:
    if hinge == 0 and extension == 0:
        return "No hinge or back extension logged: add one each week for the erectors."
    if hinge == 0:
        return "Erector work comes from back extensions only; that meets the weekly minimum."
    if extension == 0:
        return "Erector work comes from hinges only; that meets the weekly minimum."
    return "Both hinges and back extensions are trained."


def _sides(pairs: Sequence[tuple[LoggedSet, Exercise]]) -> Balance:
    unilateral = [logged for logged, exercise in pairs if exercise.unilateral]
    left = float(sum(1 for s in unilateral if _LEFT.search(s.note) and not _RIGHT.search(s.note)))
    right = float(sum(1 for s in unilateral if _RIGHT.search(s.note) and not _LEFT.search(s.note)))
    ratio = _ratio(left, right)
    if not unilateral:
        verdict = "No unilateral exercises logged, so left and right cannot be compared."
        ratio = None
    elif left == 0 and right == 0:
        verdict = "Unilateral sets are not logged by side (add 'left' or 'right' to the note)."
        ratio = None
    elif abs(left - right) <= SIDE_SETS_TOLERANCE or (
        ratio is not None and abs(ratio - 1) <= SIDE_RATIO_TOLERANCE
    ):
        verdict = "Left and right sides got about the same work."
    else:
        weaker = "left" if left < right else "right"
        verdict = f"The {weaker} side got fewer sets: even them out."
    return Balance("left_vs_right", "left", "right", left, right, ratio, verdict, SIDES_RULE)


def _push_pull(pulls: float, pushes: float) -> tuple[float | None, str]:
    if pushes == 0:
        return None, (
            "Pushing is not logged (the catalogue has no pushing exercises), "
            "so pull against push cannot be judged."
        )
    ratio = _ratio(pulls, pushes)
    if pulls >= pushes:
        return ratio, "At least as much pulling as pushing: the balance favours the back."
    return ratio, "More pushing than pulling: add rows or pulldowns to even it out."


def balances(
    sets: Sequence[LoggedSet], catalogue: Catalogue, own: OwnExercises | None = None
) -> tuple[Balance, ...]:
    pairs = hard_sets(sets, catalogue)
    own_pairs = own_hard_sets(sets, own)
    horizontal = _count(pairs, frozenset({Pattern.HORIZONTAL_PULL}))
    vertical = _count(pairs, frozenset({Pattern.VERTICAL_PULL}))
    hinge = _count(pairs, frozenset({Pattern.HINGE})) + own_count(own_pairs, Movement.HINGE)
    extension = _count(pairs, frozenset({Pattern.BACK_EXTENSION}))
    pulls = _count(pairs, PULL_PATTERNS) + own_count(own_pairs, Movement.PULL)
    pushes = own_count(own_pairs, Movement.PUSH)
    push_ratio, push_verdict = _push_pull(pulls, pushes)
    return (
        Balance(
            "horizontal_vs_vertical",
            "horizontal pull",
            "vertical pull",
            horizontal,
            vertical,
            _ratio(horizontal, vertical),
            _pulls(horizontal, vertical),
            SELECT_RULE,
        ),
        Balance(
            "hinge_vs_back_extension",
            "hinge",
            "back extension",
            hinge,
            extension,
            _ratio(hinge, extension),
            _hinges(hinge, extension),
            SELECT_RULE,
        ),
        _sides(pairs),
        Balance(
            "pull_vs_push",
            "pull",
            "push",
            pulls,
            pushes,
            push_ratio,
            push_verdict,
            SELECT_RULE,
        ),
    )
