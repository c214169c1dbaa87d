"""Evidence registry: the packaged data is whole, the code cites only rules it holds, planner
numbers exist, bad data fails.

`data/evidence.yaml` is the project's own source of truth: no test reads anything outside the
repository, so a fresh clone passes on its own.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from backbone.data import evidence_from_file, packaged_evidence
from backbone.domain.errors import NotFound
from backbone.domain.evidence import (
    CitedItem,
    EvidenceError,
    EvidenceRegistry,
    Grade,
    RedFlagCategory,
    RedFlagStop,
    evidence_from_document,
)
from backbone.domain.vocabulary import BackPain, Goal, Level

SOURCE_DIR = Path(__file__).resolve().parents[2] / "src" / "backbone"
QUOTED_ID = re.compile(r"""["']([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)["']""")
SOURCE_KEY = re.compile(r"[A-Z][A-Z0-9-]+")

# Parameters the planner reads by exact name: (rule id, parameter) -> value.
PLANNER_NUMBERS: dict[tuple[str, str], int | float | tuple[int, ...]] = {
    ("frequency.sessions_per_week", "sessions_per_week_min"): 2,
    ("frequency.sessions_per_week", "sessions_per_week_max"): 3,
    ("frequency.volume_equated", "direct_sets_per_session_max"): 10,
    ("volume.fractional_counting", "prime_mover_credit"): 1.0,
    ("volume.fractional_counting", "synergist_credit"): 0.5,
    ("volume.weekly_sets_band", "novice_sets_min"): 8,
    ("volume.weekly_sets_band", "novice_sets_max"): 12,
    ("volume.weekly_sets_band", "intermediate_sets_min"): 10,
    ("volume.weekly_sets_band", "intermediate_sets_max"): 16,
    ("volume.weekly_sets_band", "advanced_sets_min"): 12,
    ("volume.weekly_sets_band", "advanced_sets_max"): 20,
    ("volume.weekly_sets_band", "maintenance_sets_min"): 4,
    ("volume.weekly_sets_band", "maintenance_sets_max"): 6,
    ("volume.weekly_sets_band", "growth_sets_min"): 10,
    ("volume.weekly_sets_band", "cap_sets"): 25,
    ("volume.health_floor", "sets_per_pattern_min"): 2,
    ("volume.health_floor", "sets_per_pattern_max"): 4,
    ("volume.health_floor", "sessions_per_week_min"): 2,
    ("volume.weekly_ramp", "added_sets_per_week_max"): 2,
    ("load.strength", "main_reps_min"): 3,
    ("load.strength", "main_reps_max"): 6,
    ("load.strength", "accessory_reps_min"): 6,
    ("load.strength", "accessory_reps_max"): 12,
    ("load.strength", "novice_reps_min"): 8,
    ("load.strength", "novice_reps_max"): 12,
    ("load.strength", "rir_min"): 1,
    ("load.strength", "rir_max"): 3,
    ("load.hypertrophy", "reps_min"): 6,
    ("load.hypertrophy", "reps_max"): 15,
    ("load.hypertrophy", "compound_rir_min"): 1,
    ("load.hypertrophy", "compound_rir_max"): 3,
    ("load.hypertrophy", "isolation_rir_min"): 0,
    ("load.hypertrophy", "isolation_rir_max"): 2,
    ("load.endurance", "reps_min"): 12,
    ("load.endurance", "reps_max"): 25,
    ("load.endurance", "rir_min"): 1,
    ("load.endurance", "rir_max"): 3,
    ("load.health", "reps_min"): 8,
    ("load.health", "reps_max"): 15,
    ("load.health", "rir_min"): 2,
    ("load.health", "rir_max"): 4,
    ("load.health", "sets_min"): 1,
    ("load.health", "sets_max"): 3,
    ("rest.strength", "main_rest_s_min"): 180,
    ("rest.strength", "main_rest_s_max"): 300,
    ("rest.strength", "accessory_rest_s_min"): 120,
    ("rest.strength", "accessory_rest_s_max"): 180,
    ("rest.strength", "untrained_rest_s_min"): 60,
    ("rest.strength", "untrained_rest_s_max"): 120,
    ("rest.hypertrophy", "compound_rest_s_min"): 120,
    ("rest.hypertrophy", "compound_rest_s_max"): 180,
    ("rest.hypertrophy", "isolation_rest_s_min"): 60,
    ("rest.hypertrophy", "isolation_rest_s_max"): 120,
    ("rest.endurance", "rest_s_min"): 30,
    ("rest.endurance", "rest_s_max"): 90,
    ("rest.core_isometric", "hold_s"): 10,
    ("rest.core_isometric", "rest_s_min"): 5,
    ("rest.core_isometric", "rest_s_max"): 10,
    ("recovery.spacing_48h", "min_hours_between"): 48,
    ("recovery.spacing_72h_hinge", "min_hours_between"): 72,
    ("recovery.spacing_72h_hinge", "heavy_deadlifts_per_week_max"): 1,
    ("progression.deload_prescription", "set_cut_fraction_min"): 0.3,
    ("progression.deload_prescription", "set_cut_fraction_max"): 0.5,
    ("progression.deload_prescription", "load_cut_fraction_max"): 0.1,
    ("progression.deload_prescription", "rir_increase"): 2,
    ("progression.deload_prescription", "deload_weeks"): 1,
    ("progression.mesocycle_length", "loading_weeks_min"): 4,
    ("progression.mesocycle_length", "loading_weeks_max"): 6,
    ("progression.mesocycle_length", "novice_loading_weeks_max"): 8,
    ("safety.no_failure_on_hinges", "rir_min"): 1,
    ("safety.no_failure_on_hinges", "novice_rir_min"): 2,
    ("safety.no_failure_on_hinges", "back_pain_history_rir_min"): 2,
    ("safety.spinal_load_gate", "current_moderate_rir_min"): 3,
    ("safety.spinal_load_gate", "history_high_rir_min"): 2,
    ("safety.spinal_load_gate", "history_base_phase_weeks"): 4,
    ("safety.spinal_load_gate", "history_high_hinges_per_session_max"): 1,
    ("rir.novice_buffer", "rir_min"): 2,
    ("rir.novice_buffer", "rir_max"): 4,
    ("rir.accuracy", "prescribed_rir_max"): 5,
    ("mobility.cat_camel", "cycles_min"): 5,
    ("mobility.cat_camel", "cycles_max"): 8,
    ("mobility.cat_camel", "seconds_per_cycle"): 4,
    ("mobility.thoracic", "reps_per_side_min"): 6,
    ("mobility.thoracic", "reps_per_side_max"): 10,
    ("mobility.dynamic_warmup", "warmup_min_min"): 5,
    ("mobility.dynamic_warmup", "warmup_min_max"): 10,
    ("mobility.dynamic_warmup", "static_stretch_s_max"): 60,
    ("mobility.dynamic_warmup", "ramp_up_sets_min"): 1,
    ("mobility.dynamic_warmup", "ramp_up_sets_max"): 3,
    ("core.mcgill_big3", "hold_s"): 10,
    ("core.mcgill_big3", "pyramid"): (6, 4, 2),
    ("safety.pain_monitoring", "green_max"): 2,
    ("safety.pain_monitoring", "amber_max"): 5,
}

RED_FLAG_CATEGORIES = {
    RedFlagCategory.CAUDA_EQUINA: {
        "saddle_numbness",
        "bladder_dysfunction",
        "bowel_incontinence",
        "bilateral_leg_weakness",
        "progressive_leg_weakness",
    },
    RedFlagCategory.FRACTURE: {
        "major_trauma",
        "minor_trauma_with_osteoporosis",
        "minor_trauma_over_50",
        "minor_trauma_with_steroids",
    },
    RedFlagCategory.MALIGNANCY: {
        "past_cancer",
        "unexplained_weight_loss",
        "age_over_50_new_pain",
        "constant_pain",
        "night_pain",
    },
    RedFlagCategory.INFECTION: {"fever", "recent_infection", "iv_drug_use", "immunosuppression"},
}


def _ids_quoted_in_code(families: set[str]) -> dict[str, str]:
    """Rule ids the Python code names in quotes -> the first file naming each one."""
    found: dict[str, str] = {}
    for path in sorted(SOURCE_DIR.rglob("*.py")):
        for rule_id in QUOTED_ID.findall(path.read_text(encoding="utf-8")):
            if rule_id.split(".")[0] in families:
                found.setdefault(rule_id, str(path.relative_to(SOURCE_DIR)))
    return found


@pytest.fixture(scope="module")
def registry() -> EvidenceRegistry:
    return packaged_evidence()


def test_packaged_registry_loads(registry: EvidenceRegistry) -> None:
    assert len(registry) == len(registry.rules) > 80
    assert registry.sources
    assert all(rule.id in registry for rule in registry)


def test_every_rule_id_the_code_cites_exists(registry: EvidenceRegistry) -> None:
    families = {rule.family for rule in registry}
    cited = _ids_quoted_in_code(families)
    assert len(cited) > 40  # the scan really finds the planner's and progression's citations
    missing = {rule_id: where for rule_id, where in cited.items() if rule_id not in registry}
    assert missing == {}


BACKBONE_CONVENTIONS = frozenset(
    {
        "select.loadable_first",
        "select.loaded_hinge_weekly",
        "select.equivalent_swap",
        "load.eccentric_only",
        "volume.outside_training",
        "volume.erector_isolation_cap",
    }
)
"""Coaching conventions Backbone added for issue 9 (exercise choice, outside training, erector
volume): not rows of evidence.md, so they must be grade H and unverified."""


def test_backbone_conventions_are_shown_as_conventions(registry: EvidenceRegistry) -> None:
    for rule_id in BACKBONE_CONVENTIONS:
        rule = registry.rule(rule_id)
        assert rule.grade.value == "H", rule_id
        assert not rule.verified, rule_id


def test_rule_ids_are_unique_and_well_formed(registry: EvidenceRegistry) -> None:
    ids = [rule.id for rule in registry]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*", rule_id) for rule_id in ids)


def test_many_rules_are_honestly_marked_unverified(registry: EvidenceRegistry) -> None:
    unverified = [rule.id for rule in registry if not rule.verified]
    assert len(unverified) > 20
    assert len(unverified) < len(registry)


@pytest.mark.parametrize(
    "rule_id",
    [
        "progression.stall",
        "volume.rp_landmarks_back",
        "frequency.volume_equated",
        "progression.deload_prescription",
        "test.mcgill_extensor",
        "mobility.cat_camel",
    ],
)
def test_known_unverified_rules(registry: EvidenceRegistry, rule_id: str) -> None:
    assert registry.rule(rule_id).verified is False


@pytest.mark.parametrize(("rule_id", "name"), sorted(PLANNER_NUMBERS))
def test_planner_numbers_present(registry: EvidenceRegistry, rule_id: str, name: str) -> None:
    expected = PLANNER_NUMBERS[rule_id, name]
    if isinstance(expected, tuple):
        assert registry.integers(rule_id, name) == expected
    elif isinstance(expected, int):
        assert registry.integer(rule_id, name) == expected
    else:
        assert registry.number(rule_id, name) == pytest.approx(expected)


def test_family_is_the_id_prefix_and_statements_are_short(registry: EvidenceRegistry) -> None:
    for rule in registry:
        assert rule.family == rule.id.split(".")[0]
        assert 0 < len(rule.statement) <= 200


def test_sources_resolve_and_every_source_is_cited(registry: EvidenceRegistry) -> None:
    cited = {key for rule in registry for key in rule.sources}
    assert cited == set(registry.sources)
    assert [s.key for s in registry.sources_for("recovery.spacing_48h")] == ["ACSM2011"]


def test_source_keys_are_well_formed_and_plentiful(registry: EvidenceRegistry) -> None:
    keys = list(registry.sources)
    assert len(keys) > 40
    assert all(SOURCE_KEY.fullmatch(key) for key in keys)


def test_heuristic_rules_are_coaching_convention(registry: EvidenceRegistry) -> None:
    stall = registry.rule("progression.stall")
    assert stall.grade is Grade.H
    assert stall.sources == ()
    assert stall.is_coaching_convention
    assert registry.citation("progression.stall") == "coaching convention"
    landmarks = registry.rule("volume.rp_landmarks_back")
    assert landmarks.is_coaching_convention
    assert registry.citation("volume.rp_landmarks_back").startswith("coaching convention")
    assert not registry.rule("volume.weekly_sets_band").is_coaching_convention


def test_only_heuristics_may_lack_sources(registry: EvidenceRegistry) -> None:
    assert all(rule.sources for rule in registry if rule.grade is not Grade.H)


def test_citation_names_key_author_and_year(registry: EvidenceRegistry) -> None:
    assert registry.citation("recovery.spacing_48h") == "ACSM2011 (Garber 2011)"
    assert registry.citation("frequency.volume_equated") == (
        "SCH2019F (Schoenfeld 2019); PEL2025 (Pelland 2025)"
    )


def test_scope_uses_the_vocabulary(registry: EvidenceRegistry) -> None:
    everyone = registry.rule("frequency.sessions_per_week")
    assert everyone.goals == frozenset(Goal)
    assert everyone.levels == frozenset(Level)
    assert everyone.back_pain == frozenset(BackPain)
    gate = registry.rule("safety.spinal_load_gate")
    assert gate.back_pain == {BackPain.HISTORY, BackPain.CURRENT}
    assert gate.applies(Goal.HEALTH, Level.NOVICE, BackPain.CURRENT)
    assert not gate.applies(Goal.HEALTH, Level.NOVICE, BackPain.NONE)


def test_params_are_read_only(registry: EvidenceRegistry) -> None:
    params: Any = registry.rule("core.mcgill_big3").params
    with pytest.raises(TypeError):
        params["hold_s"] = 99
    assert isinstance(params["pyramid"], tuple)


def test_red_flags_cover_every_category(registry: EvidenceRegistry) -> None:
    flags = registry.red_flags()
    by_category: dict[RedFlagCategory, set[str]] = {}
    for flag in flags:
        by_category.setdefault(flag.category, set()).add(flag.name)
        assert flag.label
        expected_stop = (
            RedFlagStop.EMERGENCY
            if flag.category is RedFlagCategory.CAUDA_EQUINA
            else RedFlagStop.CLINICIAN
        )
        assert flag.stop is expected_stop
    assert by_category == RED_FLAG_CATEGORIES
    assert len({f.name for f in flags}) == len(flags)


def test_unknown_rule_id_suggests_the_closest(registry: EvidenceRegistry) -> None:
    with pytest.raises(NotFound, match=r"Did you mean volume\.weekly_sets_band") as caught:
        registry.rule("volume.weekly_set_band")
    assert caught.value.code == "not_found"
    assert "volume.weekly_sets_band" in caught.value.details["suggestions"]
    assert "nonsense.rule" not in registry


def test_unknown_parameter_is_not_found(registry: EvidenceRegistry) -> None:
    with pytest.raises(NotFound, match="Did you mean sessions_per_week_max"):
        registry.integer("frequency.sessions_per_week", "sessions_per_week_maximum")


def test_wrong_parameter_type_is_an_evidence_error(registry: EvidenceRegistry) -> None:
    with pytest.raises(EvidenceError, match="synergist_credit"):
        registry.integer("volume.fractional_counting", "synergist_credit")
    with pytest.raises(EvidenceError, match="a number"):
        registry.number("rom.full_range", "default_rom")


# --- validation of hand-made documents ---------------------------------------------------


def _document() -> dict[str, Any]:
    everyone = {
        "goals": ["strength", "hypertrophy", "endurance", "health"],
        "levels": ["novice", "intermediate", "advanced"],
        "back_pain": ["none", "history", "current"],
    }
    return {
        "sources": {
            "ACSM2011": {
                "authors": "Garber CE et al.",
                "year": 2011,
                "title": "Quantity and quality of exercise",
                "journal": "Med Sci Sports Exerc",
            }
        },
        "rules": [
            {
                "id": "recovery.spacing_48h",
                "family": "recovery",
                "statement": "Leave 48 h between hard back sessions.",
                "params": {"min_hours_between": 48},
                "applies_to": copy.deepcopy(everyone),
                "grade": "A",
                "sources": ["ACSM2011"],
                "verified": True,
            },
            {
                "id": "progression.stall",
                "family": "progression",
                "statement": "Three exposures without progress make a stall.",
                "params": {"stall_exposures": 3},
                "applies_to": copy.deepcopy(everyone),
                "grade": "H",
                "sources": [],
                "verified": False,
            },
        ],
    }


def test_small_valid_document_loads() -> None:
    registry = evidence_from_document(_document())
    assert registry.integer("recovery.spacing_48h", "min_hours_between") == 48
    assert registry.rule("progression.stall").is_coaching_convention
    with pytest.raises(NotFound):
        registry.red_flags()


def test_unknown_source_key_is_named() -> None:
    document = _document()
    document["rules"][0]["sources"] = ["ACSM2010"]
    with pytest.raises(EvidenceError, match="unknown source key 'ACSM2010'") as caught:
        evidence_from_document(document)
    assert caught.value.code == "input_error"
    assert "did you mean ACSM2011" in str(caught.value)


def test_duplicate_rule_id_is_named() -> None:
    document = _document()
    document["rules"].append(copy.deepcopy(document["rules"][0]))
    with pytest.raises(
        EvidenceError, match=r"recovery\.spacing_48h: rule id appears more than once"
    ):
        evidence_from_document(document)


def test_bad_grade_is_named() -> None:
    document = _document()
    document["rules"][0]["grade"] = "A+"
    with pytest.raises(EvidenceError, match=r"recovery\.spacing_48h: unknown grade 'A\+'"):
        evidence_from_document(document)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.update(family="rest"), "does not match the id prefix 'recovery'"),
        (lambda r: r.update(statement="x" * 201), "statement has 201 characters"),
        (lambda r: r["applies_to"].update(goals=["power"]), "unknown goal power"),
        (lambda r: r["applies_to"].update(levels=["elite"]), "unknown level elite"),
        (lambda r: r["applies_to"].update(back_pain=["acute"]), "unknown back_pain acute"),
        (lambda r: r.update(sources=[]), "needs at least one source"),
        (lambda r: r.update(verified="yes"), "verified must be true or false"),
        (lambda r: r.update(params={"Bad Name": 1}), "must be lower_snake_case"),
        (lambda r: r.update(params={"x": None}), "must be a number"),
        (lambda r: r.update(colour="red"), "unknown field"),
        (lambda r: r.pop("grade"), "missing field"),
        (lambda r: r.update(cited_on={"patterns": ["row"]}), "cited_on patterns: unknown value"),
        (lambda r: r.update(cited_on={"reps": [1, 2]}), "cited_on: unknown condition(s) reps"),
        (lambda r: r.update(cited_on={"reps_within": [20, 12]}), "must be [low, high]"),
        (lambda r: r.update(cited_on=[]), "cited_on must not be an empty list"),
    ],
)
def test_malformed_rule_is_named(change: Any, message: str) -> None:
    document = _document()
    change(document["rules"][0])
    with pytest.raises(EvidenceError, match=re.escape(message)):
        evidence_from_document(document)


def test_all_problems_are_reported_together() -> None:
    document = _document()
    document["rules"][0]["grade"] = "Z"
    document["rules"][1]["family"] = "wrong"
    document["rules"][1]["sources"] = ["NOPE"]
    with pytest.raises(EvidenceError) as caught:
        evidence_from_document(document)
    problems = caught.value.details["problems"]
    assert len(problems) == 3, problems


def test_malformed_red_flags_are_named() -> None:
    document = _document()
    rule = copy.deepcopy(document["rules"][0])
    rule.update(
        id="safety.red_flags",
        family="safety",
        params={
            "flags": [{"name": "fever", "label": "Fever", "category": "flu", "stop": "clinician"}]
        },
    )
    document["rules"].append(rule)
    with pytest.raises(EvidenceError, match="unknown category of fever 'flu'"):
        evidence_from_document(document)


@pytest.mark.parametrize("document", [None, [], "rules", {"rules": "x", "sources": {}}])
def test_document_of_the_wrong_shape_is_an_evidence_error(document: object) -> None:
    with pytest.raises(EvidenceError):
        evidence_from_document(document)


def test_evidence_from_file_reads_yaml(tmp_path: Path) -> None:
    path = tmp_path / "evidence.yaml"
    path.write_text(
        "sources: {}\n"
        "rules:\n"
        "  - id: mobility.thoracic\n"
        "    family: mobility\n"
        "    statement: One thoracic drill per session.\n"
        "    params: {reps_per_side_min: 6}\n"
        "    applies_to: {goals: [health], levels: [novice], back_pain: [none]}\n"
        "    grade: H\n"
        "    sources: []\n"
        "    verified: false\n",
        encoding="utf-8",
    )
    registry = evidence_from_file(path)
    assert registry.integer("mobility.thoracic", "reps_per_side_min") == 6


def _item(**changes: Any) -> CitedItem:
    base: dict[str, Any] = {
        "exercise": "face_pull",
        "block": "accessory",
        "kind": "isolation",
        "pattern": "scapular",
        "measured_by": "reps",
        "spinal_load": "low",
        "equipment": frozenset({"cable"}),
        "reps": (12, 20),
        "seconds": None,
        "sets": 3,
        "ramp_up": False,
    }
    base.update(changes)
    return CitedItem(**base)


HEALTHY = (Goal.HYPERTROPHY, Level.INTERMEDIATE, BackPain.NONE)


@pytest.mark.parametrize(
    ("rule_id", "item", "profile", "cited"),
    [
        ("select.scapular_isolation", _item(), HEALTHY, True),
        ("select.scapular_isolation", _item(reps=(6, 12)), HEALTHY, False),
        (
            "lumbar.ilex_low_frequency",
            _item(
                exercise="isolated_lumbar_extension_machine",
                pattern="back_extension",
                reps=(10, 15),
                sets=5,
            ),
            (Goal.HYPERTROPHY, Level.ADVANCED, BackPain.HISTORY),
            False,
        ),
        (
            "lumbar.ilex_low_frequency",
            _item(
                exercise="isolated_lumbar_extension_machine",
                pattern="back_extension",
                reps=(8, 12),
                sets=1,
            ),
            (Goal.HEALTH, Level.INTERMEDIATE, BackPain.HISTORY),
            True,
        ),
        ("lumbar.posterior_chain_lbp", _item(pattern="hinge"), HEALTHY, False),
        ("core.isometric_endurance", _item(pattern="back_extension"), HEALTHY, False),
        ("mobility.dynamic_warmup", _item(block="main", kind="compound"), HEALTHY, False),
        (
            "mobility.dynamic_warmup",
            _item(block="main", kind="compound", ramp_up=True),
            HEALTHY,
            True,
        ),
        (
            "core.mcgill_big3",
            _item(exercise="bird_dog", measured_by="seconds", reps=None, seconds=(10, 10)),
            HEALTHY,
            True,
        ),
        (
            "core.mcgill_big3",
            _item(exercise="bear_plank", measured_by="seconds", reps=None, seconds=(10, 10)),
            HEALTHY,
            False,
        ),
    ],
)
def test_a_rule_is_cited_only_inside_its_scope(
    registry: EvidenceRegistry,
    rule_id: str,
    item: CitedItem,
    profile: tuple[Goal, Level, BackPain],
    cited: bool,
) -> None:
    assert registry.rule(rule_id).cited_within(item, *profile) is cited


def test_mcgill_hold_numbers_agree_across_the_rules_that_dose_them(
    registry: EvidenceRegistry,
) -> None:
    """The big-3 dose, its rest rule and its progression say the same hold and the same pyramid,
    and no progression rule offers extra sets or a per-side rep target the pyramid contradicts
    (holds and ladders never progress by piling up sets)."""
    hold_s = registry.integer("core.mcgill_big3", "hold_s")
    assert registry.integer("rest.core_isometric", "hold_s") == hold_s
    assert registry.integer("progression.hold_time", "target_hold_s") == hold_s
    assert registry.integers("progression.hold_time", "pyramid_start") == registry.integers(
        "core.mcgill_big3", "pyramid"
    )
    for rule in registry:
        if rule.family == "progression":
            assert not [p for p in rule.params if "extra_sets" in p or "reps_per_side" in p]
