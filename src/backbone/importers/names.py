"""Exercise names from other apps mapped to catalogue slugs, each with a confidence.

In order: the athlete's own `--map "Name=slug"`, the alias table (`data/import_aliases.yaml`), the
catalogue's slugs, names and aliases, then fuzzy matching (rapidfuzz; this is the only module
that imports it). A name nothing matches well enough becomes a guess for a new exercise of the
athlete's own (`importers.guess`). Names compare case-, accent- and punctuation-insensitively:
"Lat Pulldown (Cable)", "lat pulldown - cable" and "LAT PULLDOWN CABLE" are one name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from rapidfuzz import fuzz, process

from backbone.domain.catalogue import Catalogue, CatalogueError
from backbone.domain.errors import InputError
from backbone.domain.vocabulary import Equipment, Pattern
from backbone.importers.guess import ExerciseGuess, MovementFamily, guess_exercise, words_of

FUZZY_CUTOFF: Final = 86.0
"""token_sort_ratio (0-100) a fuzzy match needs. Lower lets "Front Squat" become "Front bridge"."""
_FUZZY_CANDIDATES: Final = 5

# An implement named in the source name must agree with the match: "Shrug (Dumbbell)" must not
# become the barbell shrug, whatever the letters say.
_IMPLEMENT_EQUIPMENT: Final[dict[str, Equipment]] = {
    "barbell": Equipment.BARBELL,
    "dumbbell": Equipment.DUMBBELL,
    "kettlebell": Equipment.KETTLEBELL,
    "cable": Equipment.CABLE,
    "machine": Equipment.MACHINE,
    "band": Equipment.BAND,
}

# The broad family each catalogue pattern belongs to. A name whose own words say "cardio" or
# "push" is never fuzzily matched to a back exercise ("Rowing Machine" is not "Machine row").
_FAMILY_OF_PATTERN: Final[dict[Pattern, MovementFamily]] = {
    Pattern.VERTICAL_PULL: MovementFamily.PULL,
    Pattern.HORIZONTAL_PULL: MovementFamily.PULL,
    Pattern.SHRUG: MovementFamily.PULL,
    Pattern.SCAPULAR: MovementFamily.PULL,
    Pattern.HINGE: MovementFamily.HINGE,
    Pattern.BACK_EXTENSION: MovementFamily.HINGE,
    Pattern.CARRY: MovementFamily.CARRY,
}
COMPACT_CONFIDENCE: Final = 0.99
"""A name equal to a known one but for its spaces ("Lat Pull Down", "Chinups")."""


class MatchMethod(StrEnum):
    OVERRIDE = "override"
    """the athlete said so (`--map`)"""
    ALIAS = "alias"
    """the alias table of names other apps use"""
    CATALOGUE = "catalogue"
    """the catalogue's own slug, name or alias"""
    FUZZY = "fuzzy"
    NEW = "new"
    """no match: a new exercise of the athlete's own, with a guessed pattern"""


@dataclass(frozen=True, slots=True)
class NameMapping:
    source_name: str
    slug: str | None
    """catalogue (or the athlete's own) slug; None for a new exercise, see `guess`"""
    confidence: float
    """1.0 for exact matches, the fuzzy score / 100, or the guess's confidence for new ones"""
    method: MatchMethod
    matched: str
    """the name that matched (an alias, a catalogue name), for the import report"""
    guess: ExerciseGuess | None = None


@dataclass(frozen=True, slots=True)
class AliasTable:
    slug_by_name: Mapping[str, str]
    """normalised name -> catalogue slug"""

    def __len__(self) -> int:
        return len(self.slug_by_name)


def name_key(name: str) -> str:
    """The form names are compared in: `lat pulldown cable`."""
    return words_of(name).strip()


def alias_table_from_document(document: Any, catalogue: Catalogue) -> AliasTable:
    """Validate `{"aliases": {slug: [name, ...]}}` against the catalogue; every problem at once."""
    entries = document.get("aliases") if isinstance(document, Mapping) else None
    if not isinstance(entries, Mapping):
        raise CatalogueError("The import alias table must hold an 'aliases' mapping.")
    catalogue_keys = _catalogue_keys(catalogue)
    problems: list[str] = []
    slug_by_name: dict[str, str] = {}
    for slug, names in entries.items():
        if slug not in catalogue:
            problems.append(f"{slug}: not in the exercise catalogue")
            continue
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            problems.append(f"{slug}: must list names as text")
            continue
        for name in names:
            key = name_key(name)
            owner = slug_by_name.setdefault(key, slug)
            if owner != slug:
                problems.append(f"{slug}: '{name}' already names {owner}")
            elif catalogue_keys.get(key, slug) != slug:
                problems.append(
                    f"{slug}: '{name}' is the catalogue's name for {catalogue_keys[key]}"
                )
    if problems:
        raise CatalogueError(
            f"The import alias table has {len(problems)} problem(s): " + "; ".join(problems[:10]),
            {"problems": problems},
        )
    return AliasTable(MappingProxyType(slug_by_name))


class NameMatcher:
    """Matches names against one catalogue, alias table and set of overrides; reusable."""

    def __init__(
        self,
        catalogue: Catalogue,
        aliases: AliasTable,
        overrides: Mapping[str, str] | None = None,
        own_slugs: Collection[str] = (),
    ) -> None:
        """`overrides` is `{"Source Name": "slug"}` (`--map`); `own_slugs` are the athlete's own
        exercises, which overrides may name besides the catalogue's."""
        self._catalogue = catalogue
        unknown = sorted(
            {s for s in (overrides or {}).values() if s not in catalogue and s not in own_slugs}
        )
        if unknown:
            raise InputError(
                f"--map names unknown exercise(s): {', '.join(unknown)}. "
                "See `backbone exercises` for the slugs.",
                {"unknown": unknown},
            )
        self._overrides = {name_key(k): v for k, v in (overrides or {}).items()}
        self._aliases = dict(aliases.slug_by_name)
        self._catalogue_keys = _catalogue_keys(catalogue)
        exact = {**self._catalogue_keys, **self._aliases}
        self._compact = {k.replace(" ", ""): (k, v) for k, v in exact.items()}
        self._choices = list(exact)
        self._choice_slugs = [exact[k] for k in self._choices]

    def match(self, source_name: str) -> NameMapping:
        key = name_key(source_name)
        if key in self._overrides:
            return NameMapping(
                source_name, self._overrides[key], 1.0, MatchMethod.OVERRIDE, source_name
            )
        if key in self._aliases:
            return NameMapping(source_name, self._aliases[key], 1.0, MatchMethod.ALIAS, key)
        if key in self._catalogue_keys:
            slug = self._catalogue_keys[key]
            return NameMapping(source_name, slug, 1.0, MatchMethod.CATALOGUE, key)
        compact = self._compact.get(key.replace(" ", ""))
        if compact is not None:
            method = MatchMethod.ALIAS if compact[0] in self._aliases else MatchMethod.CATALOGUE
            return NameMapping(source_name, compact[1], COMPACT_CONFIDENCE, method, compact[0])
        guess = guess_exercise(source_name)
        if key:
            for choice, score, index in process.extract(
                key,
                self._choices,
                scorer=fuzz.token_sort_ratio,
                limit=_FUZZY_CANDIDATES,
                score_cutoff=FUZZY_CUTOFF,
            ):
                slug = self._choice_slugs[index]
                if self._implements_agree(key, slug) and self._families_agree(guess, slug):
                    return NameMapping(
                        source_name, slug, round(score / 100, 3), MatchMethod.FUZZY, choice
                    )
        return NameMapping(
            source_name, None, guess.confidence, MatchMethod.NEW, guess.name, guess=guess
        )

    def _implements_agree(self, key: str, slug: str) -> bool:
        equipment = self._catalogue.get(slug).equipment
        words = f" {key} "
        return all(
            needed in equipment
            for word, needed in _IMPLEMENT_EQUIPMENT.items()
            if f" {word} " in words
        )

    def _families_agree(self, guess: ExerciseGuess, slug: str) -> bool:
        if guess.pattern is MovementFamily.OTHER:
            return True  # the name's words said nothing either way
        family = _FAMILY_OF_PATTERN.get(self._catalogue.get(slug).pattern, MovementFamily.OTHER)
        return family is guess.pattern


def map_names(
    names: Iterable[str],
    catalogue: Catalogue,
    aliases: AliasTable,
    overrides: Mapping[str, str] | None = None,
    own_slugs: Collection[str] = (),
) -> tuple[NameMapping, ...]:
    """One mapping per distinct name, in the order names first appear."""
    matcher = NameMatcher(catalogue, aliases, overrides, own_slugs)
    seen: dict[str, NameMapping] = {}
    for name in names:
        if name not in seen:
            seen[name] = matcher.match(name)
    return tuple(seen.values())


def _catalogue_keys(catalogue: Catalogue) -> dict[str, str]:
    keys: dict[str, str] = {}
    for exercise in catalogue:
        for text in (exercise.slug, exercise.name, *exercise.aliases):
            keys.setdefault(name_key(text), exercise.slug)
    return keys
