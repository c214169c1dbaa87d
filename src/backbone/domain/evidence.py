"""The evidence registry: every rule Backbone may apply, with its numbers, scope and sources.

Built and validated from a plain document (the YAML file is read elsewhere). The planner reads
numbers by rule id and parameter name, so changing the data changes the plan:

    registry.integer("frequency.sessions_per_week", "sessions_per_week_max")  # -> 3

A rule applies to a profile when its goals, levels and back-pain lists all contain the profile's
value. A rule may also say which plan items it may be cited on (`cited_on`: blocks, patterns, a
rep range ...): a plan's `why` cites a rule only where both hold. Grade H marks a practitioner heuristic: it is shown as "coaching convention", never as
"research shows". `verified` False means the number is a default to tune, not a study result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from enum import StrEnum
from types import MappingProxyType
from typing import Any, TypeAlias, TypeVar

from backbone.domain.errors import InputError, NotFound
from backbone.domain.vocabulary import (
    BackPain,
    BlockKind,
    Equipment,
    Goal,
    Kind,
    Level,
    MeasuredBy,
    Pattern,
    SpinalLoad,
)

STATEMENT_MAX_CHARS = 200
RED_FLAGS_RULE = "safety.red_flags"

ParamValue: TypeAlias = (
    bool | int | float | str | tuple["ParamValue", ...] | Mapping[str, "ParamValue"]
)
"""A rule parameter: a number, flag or word, or a (read-only) list or mapping of them."""

E = TypeVar("E", bound=StrEnum)

_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_SOURCE_KEY = re.compile(r"^[A-Z][A-Z0-9-]*$")
_RULE_FIELDS = frozenset(
    {"id", "family", "statement", "params", "applies_to", "grade", "sources", "verified"}
)
_OPTIONAL_RULE_FIELDS = frozenset({"cited_on"})
_CITE_LISTS = (
    "exercises",
    "blocks",
    "kinds",
    "patterns",
    "measured_by",
    "spinal_load",
    "equipment_any",
)
_CITE_FIELDS = frozenset({*_CITE_LISTS, "reps_within", "seconds_within", "ramp_up", "sets_max"})
_CITE_VOCABULARY: Mapping[str, frozenset[str]] = {
    "blocks": frozenset(m.value for m in BlockKind),
    "kinds": frozenset(m.value for m in Kind),
    "patterns": frozenset(m.value for m in Pattern),
    "measured_by": frozenset(m.value for m in MeasuredBy),
    "spinal_load": frozenset(m.value for m in SpinalLoad),
    "equipment_any": frozenset(m.value for m in Equipment),
}
"""exercise slugs are checked against the catalogue by the data tests"""
_SOURCE_FIELDS = frozenset({"authors", "year", "title", "journal", "doi", "pmid", "pmcid", "note"})
_SCOPE_FIELDS = ("goals", "levels", "back_pain")
_FLAG_FIELDS = frozenset({"name", "label", "category", "stop"})


class Grade(StrEnum):
    """Strength of the evidence behind a rule, strongest first."""

    A = "A"  # meta-analysis or guideline
    B = "B"  # randomised or controlled trial
    C = "C"  # cross-sectional, biomechanics (EMG, spine load)
    H = "H"  # practitioner heuristic ("coaching convention")


class RedFlagCategory(StrEnum):
    CAUDA_EQUINA = "cauda_equina"
    FRACTURE = "fracture"
    MALIGNANCY = "malignancy"
    INFECTION = "infection"


class RedFlagStop(StrEnum):
    """What a reported flag means: emergency care today, or a clinician before training."""

    EMERGENCY = "emergency"
    CLINICIAN = "clinician"


class EvidenceError(InputError):
    """The evidence data is malformed or a value has the wrong type; lists every problem found."""


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    authors: str | None
    year: int | None
    title: str
    journal: str | None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    note: str | None = None

    @property
    def first_author(self) -> str | None:
        """Surname of the first author ("Garber CE et al." -> "Garber"), or the organisation."""
        if self.authors is None:
            return None
        first = self.authors.split(",")[0].strip().removesuffix("et al.").strip()
        words = first.split()
        if len(words) > 1 and words[-1].isalpha() and words[-1].isupper() and len(words[-1]) <= 3:
            words = words[:-1]
        return " ".join(words) or None

    @property
    def short(self) -> str:
        """First author and year, e.g. "Garber 2011"; "n.d." stands in for an unknown year."""
        year = str(self.year) if self.year is not None else "n.d."
        return f"{self.first_author} {year}" if self.first_author else year


@dataclass(frozen=True, slots=True)
class CitedItem:
    """What a plan item is, in the words a rule's `cited_on` scope uses (vocabulary values)."""

    exercise: str
    block: str
    kind: str
    pattern: str
    measured_by: str
    spinal_load: str
    equipment: frozenset[str]
    reps: tuple[int, int] | None
    seconds: tuple[int, int] | None
    sets: int
    ramp_up: bool


@dataclass(frozen=True, slots=True)
class CiteScope:
    """One set of conditions a cited item must meet; an absent condition holds for any item.

    Lists hold when the item's value is one of them (`equipment_any`: the item needs one of
    them); `reps_within` holds when the prescribed rep range lies inside it (never for holds),
    `seconds_within` likewise for a hold's seconds.
    """

    lists: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)
    reps_within: tuple[int, int] | None = None
    seconds_within: tuple[int, int] | None = None
    ramp_up: bool | None = None
    sets_max: int | None = None

    def covers(self, item: CitedItem) -> bool:
        values = {
            "exercises": item.exercise,
            "blocks": item.block,
            "kinds": item.kind,
            "patterns": item.pattern,
            "measured_by": item.measured_by,
            "spinal_load": item.spinal_load,
        }
        for name, allowed in self.lists.items():
            if name == "equipment_any":
                if not item.equipment & allowed:
                    return False
            elif values[name] not in allowed:
                return False
        if not _inside(item.reps, self.reps_within):
            return False
        if not _inside(item.seconds, self.seconds_within):
            return False
        if self.ramp_up is not None and item.ramp_up is not self.ramp_up:
            return False
        return self.sets_max is None or item.sets <= self.sets_max


def _inside(given: tuple[int, int] | None, bounds: tuple[int, int] | None) -> bool:
    if bounds is None:
        return True
    return given is not None and bounds[0] <= given[0] and given[1] <= bounds[1]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    family: str
    statement: str
    params: Mapping[str, ParamValue] = field(hash=False)
    goals: frozenset[Goal]
    levels: frozenset[Level]
    back_pain: frozenset[BackPain]
    grade: Grade
    sources: tuple[str, ...]
    verified: bool
    cited_on: tuple[CiteScope, ...] = ()
    """the plan items this rule may be cited on (any one scope); empty: any item"""

    def cited_within(self, item: CitedItem, goal: Goal, level: Level, back_pain: BackPain) -> bool:
        """True when citing this rule on `item` for this profile stays inside the rule's scope."""
        if not self.applies(goal, level, back_pain):
            return False
        return not self.cited_on or any(scope.covers(item) for scope in self.cited_on)

    @property
    def is_coaching_convention(self) -> bool:
        """A practitioner heuristic: show it as "coaching convention", never as research."""
        return self.grade is Grade.H

    def applies(self, goal: Goal, level: Level, back_pain: BackPain) -> bool:
        return goal in self.goals and level in self.levels and back_pain in self.back_pain

    def param(self, name: str) -> ParamValue:
        try:
            return self.params[name]
        except KeyError:
            suggestions = get_close_matches(name, list(self.params), n=3, cutoff=0.6)
            hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
            known = ", ".join(sorted(self.params)) or "none"
            raise NotFound(
                f"Evidence rule '{self.id}' has no parameter '{name}'.{hint} Known: {known}.",
                {"rule_id": self.id, "param": name, "suggestions": suggestions},
            ) from None


@dataclass(frozen=True, slots=True)
class RedFlag:
    name: str
    label: str
    category: RedFlagCategory
    stop: RedFlagStop


class EvidenceRegistry:
    """Immutable, id-indexed rules and the sources they cite."""

    __slots__ = ("_by_id", "_red_flags", "rules", "sources")

    def __init__(self, rules: Iterable[Rule], sources: Mapping[str, Source]) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.sources: Mapping[str, Source] = MappingProxyType(dict(sources))
        problems = _cross_problems(self.rules, self.sources)
        self._red_flags: tuple[RedFlag, ...] = ()
        by_id = {rule.id: rule for rule in self.rules}
        if RED_FLAGS_RULE in by_id:
            try:
                self._red_flags = _red_flags_from(by_id[RED_FLAGS_RULE].params.get("flags"))
            except _InvalidDataError as problem:
                problems.append(f"{RED_FLAGS_RULE}: {problem}")
        if problems:
            raise _evidence_error(problems)
        self._by_id: Mapping[str, Rule] = MappingProxyType(by_id)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id

    def rule(self, rule_id: str) -> Rule:
        if rule_id in self._by_id:
            return self._by_id[rule_id]
        suggestions = get_close_matches(rule_id, list(self._by_id), n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        raise NotFound(
            f"No evidence rule '{rule_id}'.{hint}",
            {"rule_id": rule_id, "suggestions": suggestions},
        )

    def family(self, name: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.family == name)

    def param(self, rule_id: str, name: str) -> ParamValue:
        return self.rule(rule_id).param(name)

    def number(self, rule_id: str, name: str) -> float:
        value = self.param(rule_id, name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _wrong_type(rule_id, name, value, "a number")
        return float(value)

    def integer(self, rule_id: str, name: str) -> int:
        value = self.param(rule_id, name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise _wrong_type(rule_id, name, value, "a whole number")
        return value

    def integers(self, rule_id: str, name: str) -> tuple[int, ...]:
        value = self.param(rule_id, name)
        if not isinstance(value, tuple) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise _wrong_type(rule_id, name, value, "a list of whole numbers")
        return tuple(int(v) for v in value if isinstance(v, int))

    def text(self, rule_id: str, name: str) -> str:
        value = self.param(rule_id, name)
        if not isinstance(value, str):
            raise _wrong_type(rule_id, name, value, "text")
        return value

    def sources_for(self, rule_id: str) -> tuple[Source, ...]:
        return tuple(self.sources[key] for key in self.rule(rule_id).sources)

    def citation(self, rule_id: str) -> str:
        """Short citation: "ACSM2011 (Garber 2011)"; heuristics are marked as coaching convention.

        Several sources are joined with "; ". A heuristic reads "coaching convention" or
        "coaching convention; drawing on HACK2017 (Hackett 2017)".
        """
        rule = self.rule(rule_id)
        cited = "; ".join(f"{s.key} ({s.short})" for s in self.sources_for(rule_id))
        if not rule.is_coaching_convention:
            return cited
        return f"coaching convention; drawing on {cited}" if cited else "coaching convention"

    def red_flags(self) -> tuple[RedFlag, ...]:
        """The red flags of `safety.red_flags`, in the order the data lists them."""
        self.rule(RED_FLAGS_RULE)
        return self._red_flags


def evidence_from_document(document: object) -> EvidenceRegistry:
    """Validate a whole document ({sources: {...}, rules: [...]}); all problems in one error."""
    if not isinstance(document, Mapping):
        raise _evidence_error(["the document must be a mapping with 'sources' and 'rules'"])
    problems: list[str] = [
        f"unknown top-level key '{key}' (allowed: sources, rules)"
        for key in document
        if key not in ("sources", "rules")
    ]
    sources: dict[str, Source] = {}
    raw_sources = document.get("sources")
    if not isinstance(raw_sources, Mapping):
        problems.append("'sources' must be a mapping of source key to reference")
        raw_sources = {}
    for key, record in raw_sources.items():
        try:
            sources[str(key)] = _source_from_record(key, record)
        except _InvalidDataError as problem:
            problems.append(f"source {key}: {problem}")
    rules: list[Rule] = []
    raw_rules = document.get("rules")
    if not isinstance(raw_rules, list):
        problems.append("'rules' must be a list")
        raw_rules = []
    ids: list[str] = []
    for position, record in enumerate(raw_rules):
        label = f"rule #{position + 1}"
        if isinstance(record, Mapping) and isinstance(record.get("id"), str):
            label = record["id"]
            ids.append(label)
        record_problems: list[str] = []
        rule = _rule_from_record(record, record_problems, sources)
        problems.extend(f"{label}: {p}" for p in record_problems)
        if rule is not None:
            rules.append(rule)
    problems.extend(
        f"{rule_id}: rule id appears more than once"
        for rule_id in sorted({i for i in ids if ids.count(i) > 1})
    )
    if problems:
        raise _evidence_error(problems)
    return EvidenceRegistry(rules, sources)


class _InvalidDataError(Exception):
    pass


def _evidence_error(problems: list[str]) -> EvidenceError:
    return EvidenceError(
        f"The evidence registry has {len(problems)} problem(s): " + "; ".join(problems[:10]),
        {"problems": problems},
    )


def _wrong_type(rule_id: str, name: str, value: ParamValue, wanted: str) -> EvidenceError:
    return EvidenceError(
        f"Evidence rule '{rule_id}' parameter '{name}' must be {wanted}, not {value!r}.",
        {"rule_id": rule_id, "param": name},
    )


def _cross_problems(rules: Iterable[Rule], sources: Mapping[str, Source]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            problems.append(f"{rule.id}: rule id appears more than once")
        seen.add(rule.id)
        problems.extend(f"{rule.id}: {p}" for p in _unknown_sources(rule.sources, sources))
    return problems


def _unknown_sources(keys: Iterable[str], sources: Mapping[str, Source]) -> list[str]:
    problems: list[str] = []
    for key in keys:
        if key not in sources:
            suggestions = get_close_matches(key, list(sources), n=1, cutoff=0.6)
            hint = f" (did you mean {suggestions[0]}?)" if suggestions else ""
            problems.append(f"cites unknown source key '{key}'{hint}")
    return problems


def _source_from_record(key: object, record: object) -> Source:
    if not isinstance(key, str) or not _SOURCE_KEY.match(key):
        raise _InvalidDataError("source key must be upper case letters, digits and dashes")
    if not isinstance(record, Mapping):
        raise _InvalidDataError("must be a mapping")
    unknown = sorted(str(f) for f in record if f not in _SOURCE_FIELDS)
    if unknown:
        raise _InvalidDataError(f"unknown field(s) {', '.join(unknown)}")
    year = record.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise _InvalidDataError("year must be a whole number or null")
    if year is not None and not 1900 <= year <= 2100:
        raise _InvalidDataError(f"year {year} is out of range")
    return Source(
        key=key,
        authors=_optional_text(record.get("authors"), "authors"),
        year=year,
        title=_text(record.get("title"), "title"),
        journal=_optional_text(record.get("journal"), "journal"),
        doi=_optional_text(record.get("doi"), "doi"),
        pmid=_optional_text(record.get("pmid"), "pmid"),
        pmcid=_optional_text(record.get("pmcid"), "pmcid"),
        note=_optional_text(record.get("note"), "note"),
    )


def _rule_from_record(
    record: object, problems: list[str], known_sources: Mapping[str, Source]
) -> Rule | None:
    """Parse one rule, appending every problem found; None when any field is unusable."""
    if not isinstance(record, Mapping):
        problems.append("is not a mapping")
        return None
    missing = [f for f in sorted(_RULE_FIELDS) if f not in record]
    if missing:
        problems.append(f"missing field(s) {', '.join(missing)}")
    unknown = sorted(str(f) for f in record if f not in _RULE_FIELDS | _OPTIONAL_RULE_FIELDS)
    if unknown:
        problems.append(f"unknown field(s) {', '.join(unknown)}")
    if missing:
        return None

    def attempt(parse: Any, *args: Any) -> Any:
        try:
            return parse(*args)
        except _InvalidDataError as problem:
            problems.append(str(problem))
            return None

    rule_id = attempt(_rule_id, record["id"])
    family = attempt(_text, record["family"], "family")
    if rule_id is not None and family is not None and family != rule_id.split(".")[0]:
        problems.append(f"family '{family}' does not match the id prefix '{rule_id.split('.')[0]}'")
    statement = attempt(_statement, record["statement"])
    params = attempt(_params, record["params"])
    scope = attempt(_scope, record["applies_to"])
    grade = attempt(_enum, Grade, record["grade"], "grade")
    sources = attempt(_source_keys, record["sources"])
    cited_on = attempt(_cited_on, record.get("cited_on"))
    if sources is not None:
        problems.extend(_unknown_sources(sources, known_sources))
    verified = record["verified"]
    if not isinstance(verified, bool):
        problems.append("verified must be true or false")
    if grade is not None and grade is not Grade.H and sources == ():
        problems.append(
            f"a grade {grade.value} rule needs at least one source (only H may have none)"
        )
    if problems:
        return None
    goals, levels, back_pain = scope
    return Rule(
        id=rule_id,
        family=family,
        statement=statement,
        params=params,
        goals=goals,
        levels=levels,
        back_pain=back_pain,
        grade=grade,
        sources=sources,
        verified=verified,
        cited_on=cited_on,
    )


def _cited_on(raw: object) -> tuple[CiteScope, ...]:
    """`cited_on`: one mapping of conditions, or a list of them (any one may hold)."""
    if raw is None:
        return ()
    records = raw if isinstance(raw, list) else [raw]
    if not records:
        raise _InvalidDataError("cited_on must not be an empty list")
    return tuple(_cite_scope(record) for record in records)


def _cite_scope(raw: object) -> CiteScope:
    if not isinstance(raw, Mapping) or not raw:
        raise _InvalidDataError("cited_on must be a non-empty mapping of conditions")
    unknown = sorted(str(f) for f in raw if f not in _CITE_FIELDS)
    if unknown:
        allowed = ", ".join(sorted(_CITE_FIELDS))
        raise _InvalidDataError(f"cited_on: unknown condition(s) {', '.join(unknown)} ({allowed})")
    lists: dict[str, frozenset[str]] = {}
    for name in _CITE_LISTS:
        if name not in raw:
            continue
        values = raw[name]
        if not isinstance(values, list) or not values:
            raise _InvalidDataError(f"cited_on {name} must be a non-empty list")
        words = frozenset(_text(v, f"cited_on {name}") for v in values)
        vocabulary = _CITE_VOCABULARY.get(name)
        if vocabulary is not None:
            bad = sorted(words - vocabulary)
            if bad:
                raise _InvalidDataError(f"cited_on {name}: unknown value(s) {', '.join(bad)}")
        lists[name] = words
    reps_within = _bounds(raw.get("reps_within"), "reps_within")
    seconds_within = _bounds(raw.get("seconds_within"), "seconds_within")
    ramp_up = raw.get("ramp_up")
    if ramp_up is not None and not isinstance(ramp_up, bool):
        raise _InvalidDataError("cited_on ramp_up must be true or false")
    sets_max = raw.get("sets_max")
    if sets_max is not None and (isinstance(sets_max, bool) or not isinstance(sets_max, int)):
        raise _InvalidDataError("cited_on sets_max must be a whole number")
    return CiteScope(MappingProxyType(lists), reps_within, seconds_within, ramp_up, sets_max)


def _bounds(pair: object, name: str) -> tuple[int, int] | None:
    if pair is None:
        return None
    if (
        not isinstance(pair, list)
        or len(pair) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in pair)
        or pair[0] > pair[1]
    ):
        raise _InvalidDataError(f"cited_on {name} must be [low, high] whole numbers")
    return (int(pair[0]), int(pair[1]))


def _rule_id(raw: object) -> str:
    text = _text(raw, "id")
    if not _RULE_ID.match(text):
        raise _InvalidDataError(f"id '{text}' must look like family.name (lower_snake_case)")
    return text


def _statement(raw: object) -> str:
    text = " ".join(_text(raw, "statement").split())
    if len(text) > STATEMENT_MAX_CHARS:
        raise _InvalidDataError(
            f"statement has {len(text)} characters (at most {STATEMENT_MAX_CHARS})"
        )
    return text


def _params(raw: object) -> Mapping[str, ParamValue]:
    if raw is None:
        return MappingProxyType({})
    if not isinstance(raw, Mapping):
        raise _InvalidDataError("params must be a mapping of name to value")
    return _frozen_mapping(raw, "params")


def _frozen_mapping(raw: Mapping[Any, Any], where: str) -> Mapping[str, ParamValue]:
    result: dict[str, ParamValue] = {}
    for name, value in raw.items():
        if not isinstance(name, str) or not _NAME.match(name):
            raise _InvalidDataError(f"{where}: name {name!r} must be lower_snake_case")
        result[name] = _param_value(value, f"{where}.{name}")
    return MappingProxyType(result)


def _param_value(raw: object, where: str) -> ParamValue:
    if isinstance(raw, bool | int | float | str):
        if isinstance(raw, float) and raw != raw:
            raise _InvalidDataError(f"{where} is not a number")
        return raw
    if isinstance(raw, list | tuple):
        return tuple(_param_value(item, f"{where}[{i}]") for i, item in enumerate(raw))
    if isinstance(raw, Mapping):
        return _frozen_mapping(raw, where)
    raise _InvalidDataError(
        f"{where} must be a number, true/false, text, list or mapping, not {raw!r}"
    )


def _scope(raw: object) -> tuple[frozenset[Goal], frozenset[Level], frozenset[BackPain]]:
    if not isinstance(raw, Mapping):
        raise _InvalidDataError("applies_to must be a mapping with goals, levels and back_pain")
    missing = [f for f in _SCOPE_FIELDS if f not in raw]
    unknown = sorted(str(f) for f in raw if f not in _SCOPE_FIELDS)
    if missing or unknown:
        raise _InvalidDataError(
            "applies_to needs exactly goals, levels and back_pain"
            + (f" (missing {', '.join(missing)})" if missing else "")
            + (f" (unknown {', '.join(unknown)})" if unknown else "")
        )
    return (
        _enum_set(Goal, raw["goals"], "goal"),
        _enum_set(Level, raw["levels"], "level"),
        _enum_set(BackPain, raw["back_pain"], "back_pain"),
    )


def _enum_set(enum: type[E], raw: object, what: str) -> frozenset[E]:
    if not isinstance(raw, list) or not raw:
        raise _InvalidDataError(
            f"applies_to {what} must be a non-empty list (list every value for 'all')"
        )
    values = {m.value for m in enum}
    bad = [str(v) for v in raw if not isinstance(v, str) or v not in values]
    if bad:
        allowed = ", ".join(m.value for m in enum)
        raise _InvalidDataError(f"unknown {what} {', '.join(bad)} (allowed: {allowed})")
    return frozenset(enum(v) for v in raw)


def _source_keys(raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise _InvalidDataError("sources must be a list of source keys")
    keys = tuple(_text(k, "source key") for k in raw)
    if len(set(keys)) != len(keys):
        raise _InvalidDataError("sources lists a key more than once")
    return keys


def _red_flags_from(raw: ParamValue | None) -> tuple[RedFlag, ...]:
    if not isinstance(raw, tuple) or not raw:
        raise _InvalidDataError(
            "params.flags must be a non-empty list of {name, label, category, stop}"
        )
    flags: list[RedFlag] = []
    for position, item in enumerate(raw):
        if not isinstance(item, Mapping) or set(item) != _FLAG_FIELDS:
            raise _InvalidDataError(
                f"flag #{position + 1} needs exactly name, label, category and stop"
            )
        name = _text(item["name"], "flag name")
        if not _NAME.match(name):
            raise _InvalidDataError(f"flag name '{name}' must be lower_snake_case")
        flags.append(
            RedFlag(
                name=name,
                label=_text(item["label"], f"label of {name}"),
                category=_enum(RedFlagCategory, item["category"], f"category of {name}"),
                stop=_enum(RedFlagStop, item["stop"], f"stop of {name}"),
            )
        )
    names = [f.name for f in flags]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise _InvalidDataError(f"flag name(s) {', '.join(duplicates)} appear more than once")
    return tuple(flags)


def _text(raw: object, what: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _InvalidDataError(f"{what} must be non-empty text")
    return raw.strip()


def _optional_text(raw: object, what: str) -> str | None:
    return None if raw is None else _text(raw, what)


def _enum(enum: type[E], raw: object, what: str) -> E:
    try:
        if not isinstance(raw, str):
            raise ValueError(raw)
        return enum(raw)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise _InvalidDataError(f"unknown {what} {raw!r} (allowed: {allowed})") from None
