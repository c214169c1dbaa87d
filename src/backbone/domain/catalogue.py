"""The exercise catalogue, built and validated from plain records (the file format is not known here)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from difflib import get_close_matches
from enum import StrEnum
from typing import Any, TypeVar

from backbone.domain.errors import InputError, NotFound
from backbone.domain.exercise import CueCard, Exercise, RangeOfMotion
from backbone.domain.vocabulary import (
    Equipment,
    Kind,
    Level,
    Loadability,
    MeasuredBy,
    MobilityUse,
    Muscle,
    Pattern,
    Skill,
    SpinalLoad,
    Stability,
)

E = TypeVar("E", bound=StrEnum)

SLUG_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
REQUIRED_FIELDS = (
    "slug",
    "name",
    "kind",
    "pattern",
    "equipment",
    "muscles",
    "spinal_load",
    "level",
    "unilateral",
    "measured_by",
    "seconds_per_rep",
    "cues",
    "rule_ids",
)
COACHING_FIELDS = ("loadability", "stability", "skill")
"""what a coach weighs when choosing; required for every exercise but mobility drills"""


class CatalogueError(InputError):
    """The catalogue data is malformed; raised with every problem found, not just the first."""


class Catalogue:
    """An immutable, slug-indexed collection of exercises."""

    __slots__ = ("_by_slug", "exercises")

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self.exercises: tuple[Exercise, ...] = tuple(exercises)
        self._by_slug: dict[str, Exercise] = {e.slug: e for e in self.exercises}

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def __contains__(self, slug: object) -> bool:
        return slug in self._by_slug

    def get(self, slug: str) -> Exercise:
        """Find by slug or alias; a near miss gets a "did you mean"."""
        key = _lookup_key(slug)
        if key in self._by_slug:
            return self._by_slug[key]
        for exercise in self.exercises:
            if key in (_lookup_key(a) for a in exercise.aliases):
                return exercise
        suggestions = get_close_matches(key, list(self._by_slug), n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        raise NotFound(
            f"No exercise called '{slug}'.{hint}",
            {"exercise": slug, "suggestions": suggestions, "next_step": "list_exercises"},
        )

    def filter(
        self,
        *,
        pattern: Pattern | None = None,
        equipment: frozenset[Equipment] | None = None,
        muscle: Muscle | None = None,
    ) -> tuple[Exercise, ...]:
        """Exercises of `pattern`, doable with `equipment`, crediting `muscle` (each filter optional)."""
        return tuple(
            e
            for e in self.exercises
            if (pattern is None or e.pattern is pattern)
            and (equipment is None or e.fits(equipment))
            and (muscle is None or e.credit(muscle) > 0)
        )


def catalogue_from_records(records: Sequence[Mapping[str, Any]]) -> Catalogue:
    """Validate every record and cross-reference; collect all problems into one error."""
    problems: list[str] = []
    exercises: list[Exercise] = []
    for position, record in enumerate(records):
        label = (
            str(record.get("slug", f"entry #{position + 1}"))
            if isinstance(record, Mapping)
            else f"entry #{position + 1}"
        )
        try:
            exercises.append(_exercise_from_record(record))
        except _RecordProblem as problem:
            problems.append(f"{label}: {problem}")
    slugs = [e.slug for e in exercises]
    for slug in sorted({s for s in slugs if slugs.count(s) > 1}):
        problems.append(f"{slug}: slug appears more than once")
    known = set(slugs)
    alias_owner: dict[str, str] = {}
    for exercise in exercises:
        for link in (*exercise.regressions, *exercise.progressions):
            if link == exercise.slug:
                problems.append(f"{exercise.slug}: lists itself as a regression or progression")
            elif link not in known:
                problems.append(f"{exercise.slug}: links to unknown exercise '{link}'")
        for alias in exercise.aliases:
            key = _lookup_key(alias)
            owner = alias_owner.setdefault(key, exercise.slug)
            if owner != exercise.slug or (key in known and key != exercise.slug):
                problems.append(
                    f"{exercise.slug}: alias '{alias}' already names {owner if owner != exercise.slug else key}"
                )
    if problems:
        raise CatalogueError(
            f"The exercise catalogue has {len(problems)} problem(s): " + "; ".join(problems[:10]),
            {"problems": problems},
        )
    return Catalogue(tuple(exercises))


def _lookup_key(name: str) -> str:
    """Slugs, aliases and typed names compare case-, dash- and space-insensitively."""
    return name.strip().lower().replace("-", "_").replace(" ", "_")


class _RecordProblem(Exception):
    pass


def _exercise_from_record(record: Any) -> Exercise:
    if not isinstance(record, Mapping):
        raise _RecordProblem("is not a mapping")
    missing = [f for f in REQUIRED_FIELDS if f not in record]
    if missing:
        raise _RecordProblem(f"missing field(s) {', '.join(missing)}")
    slug = _text(record["slug"], "slug")
    if not SLUG_PATTERN.fullmatch(slug):
        raise _RecordProblem("slug must be lower_snake_case (a-z, 0-9, _)")
    if not record["equipment"]:
        raise _RecordProblem("equipment must list at least one item ([bodyweight] for none)")
    equipment = frozenset(
        _enum(Equipment, v, "equipment") for v in _list(record["equipment"], "equipment")
    )
    muscles_raw = record["muscles"]
    if not isinstance(muscles_raw, Mapping) or not muscles_raw:
        raise _RecordProblem("muscles must be a non-empty mapping of muscle to credit")
    muscles: list[tuple[Muscle, float]] = []
    for name, credit in muscles_raw.items():
        if not isinstance(credit, int | float) or isinstance(credit, bool) or not 0 < credit <= 1:
            raise _RecordProblem(f"credit for {name} must be a number in (0, 1]")
        muscles.append((_enum(Muscle, name, "muscle"), float(credit)))
    seconds_per_rep = record["seconds_per_rep"]
    if (
        not isinstance(seconds_per_rep, int | float)
        or isinstance(seconds_per_rep, bool)
        or seconds_per_rep <= 0
    ):
        raise _RecordProblem("seconds_per_rep must be a positive number")
    unilateral = record["unilateral"]
    if not isinstance(unilateral, bool):
        raise _RecordProblem("unilateral must be true or false")
    eccentric_only = record.get("eccentric_only", False)
    if not isinstance(eccentric_only, bool):
        raise _RecordProblem("eccentric_only must be true or false")
    rule_ids = tuple(_text(r, "rule id") for r in _list(record["rule_ids"], "rule_ids"))
    if not rule_ids:
        raise _RecordProblem("needs at least one rule id that justifies it")
    kind = _enum(Kind, record["kind"], "kind")
    mobility_use = None
    if kind is not Kind.MOBILITY and "mobility_use" in record:
        raise _RecordProblem("only mobility drills take mobility_use")
    if kind is Kind.MOBILITY:
        if "mobility_use" not in record:
            raise _RecordProblem("a mobility drill needs mobility_use (warmup, cooldown or both)")
        mobility_use = _enum(MobilityUse, record["mobility_use"], "mobility_use")
    else:
        missing = [f for f in COACHING_FIELDS if f not in record]
        if missing:
            raise _RecordProblem(f"missing field(s) {', '.join(missing)}")
    family = record.get("family")
    return Exercise(
        slug=slug,
        name=_text(record["name"], "name"),
        aliases=tuple(_text(a, "alias") for a in _list(record.get("aliases", []), "aliases")),
        kind=kind,
        pattern=_enum(Pattern, record["pattern"], "pattern"),
        equipment=equipment,
        muscles=tuple(sorted(muscles, key=lambda mc: (-mc[1], mc[0].value))),
        spinal_load=_enum(SpinalLoad, record["spinal_load"], "spinal_load"),
        level=_enum(Level, record["level"], "level"),
        unilateral=unilateral,
        measured_by=_enum(MeasuredBy, record["measured_by"], "measured_by"),
        seconds_per_rep=float(seconds_per_rep),
        cues=_cues(record["cues"]),
        regressions=tuple(
            _text(s, "regression") for s in _list(record.get("regressions", []), "regressions")
        ),
        progressions=tuple(
            _text(s, "progression") for s in _list(record.get("progressions", []), "progressions")
        ),
        rule_ids=rule_ids,
        mobility_use=mobility_use,
        loadability=_enum(Loadability, record.get("loadability", "fixed"), "loadability"),
        stability=_enum(Stability, record.get("stability", "free"), "stability"),
        skill=_enum(Skill, record.get("skill", "low"), "skill"),
        family=None if family is None else _text(family, "family"),
        eccentric_only=eccentric_only,
    )


def _cues(raw: Any) -> CueCard:
    if not isinstance(raw, Mapping):
        raise _RecordProblem("cues must be a mapping")
    rom = raw.get("range_of_motion")
    if not isinstance(rom, Mapping) or "start" not in rom or "end" not in rom:
        raise _RecordProblem("cues.range_of_motion needs start and end")
    return CueCard(
        setup=_texts(raw.get("setup"), "cues.setup"),
        execution=_texts(raw.get("execution"), "cues.execution"),
        range_of_motion=RangeOfMotion(
            start=_text(rom["start"], "range_of_motion.start"),
            end=_text(rom["end"], "range_of_motion.end"),
        ),
        common_faults=_texts(raw.get("common_faults"), "cues.common_faults"),
    )


def _texts(raw: Any, field: str) -> tuple[str, ...]:
    items = tuple(_text(v, field) for v in _list(raw, field))
    if not items:
        raise _RecordProblem(f"{field} needs at least one line")
    return items


def _list(raw: Any, field: str) -> list[Any]:
    if raw is None:
        return []
    if isinstance(raw, str) or not isinstance(raw, Iterable):
        raise _RecordProblem(f"{field} must be a list")
    return list(raw)


def _text(raw: Any, field: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _RecordProblem(f"{field} must be non-empty text")
    return raw.strip()


def _enum(enum: type[E], raw: Any, field: str) -> E:
    try:
        return enum(raw)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise _RecordProblem(f"unknown {field} '{raw}' (allowed: {allowed})") from None
