"""Core and back endurance tests against their norms (section 16 of the evidence), and the
McGill ratios (test.mcgill_ratios).

The latest result per (test, side) is scored. The athlete has no sex field, so every norm is
stated for men and for women; the Biering-Sørensen cut-offs are predictive for men only, which
the verdict says. Dead hang and pull-ups have no normative source: they are trend only. A test
name without a norm rule here is not scored at all rather than scored against a guess.

Ratios use the latest holds: flexor:extensor (McGill flexor over the McGill extensor hold, or
the Sørensen hold, which uses the same position, when no McGill extensor is logged),
right:left side bridge, and side bridge (mean of the sides logged) over the extensor hold.
"""

from __future__ import annotations

from collections.abc import Sequence

from backbone.domain.analytics.model import EnduranceRatio, EnduranceScore
from backbone.domain.endurance import EnduranceResult, Side
from backbone.domain.evidence import EvidenceRegistry

RATIO_RULE = "test.mcgill_ratios"
TREND_ONLY = "no normative source: trend only"
TREND_ONLY_TESTS = ("dead_hang", "pullups")
MEAN_TESTS = ("mcgill_extensor", "mcgill_flexor", "side_bridge", "plank")


def latest(results: Sequence[EnduranceResult]) -> dict[tuple[str, Side | None], EnduranceResult]:
    """The newest result per (test, side); a later-recorded result wins a same-day tie."""
    newest: dict[tuple[str, Side | None], EnduranceResult] = {}
    for result in sorted(results, key=lambda r: (r.on, r.result_id or 0)):
        newest[(result.test, result.side)] = result
    return newest


def _cited(evidence: EvidenceRegistry, rule_id: str) -> str:
    shorts = [evidence.sources[k].short for k in evidence.rule(rule_id).sources]
    return f" ({', '.join(shorts)})" if shorts else ""


def _vs(value: float, mean: float, who: str) -> str:
    return f"{'above' if value > mean else 'at or below'} the {who} mean of {mean:g} s"


def _against_means(value: float, men: float, women: float) -> str:
    men_part, women_part = _vs(value, men, "men's"), _vs(value, women, "women's")
    return f"{value:g} s: {men_part}, {women_part}."


def _sorensen(value: float, evidence: EvidenceRegistry) -> tuple[str, str]:
    rule = "test.sorensen"
    risk = evidence.number(rule, "men_lbp_risk_below_s")
    safe = evidence.number(rule, "men_no_lbp_above_s")
    norm = (
        f"Men: under {risk:g} s predicted low back pain within a year, over {safe:g} s predicted "
        f"none; not predictive in women{_cited(evidence, rule)}"
    )
    if value < risk:
        band = f"under {risk:g} s, the range that predicted low back pain in men"
    elif value > safe:
        band = f"over {safe:g} s, the range that predicted no low back pain in men"
    else:
        band = f"between {risk:g} and {safe:g} s, neither cut-off for men"
    return norm, f"{value:g} s is {band}; for women the test does not predict back pain."


def _means(test: str, side: Side | None, evidence: EvidenceRegistry) -> tuple[float, float]:
    rule = f"test.{test}"
    if test != "side_bridge":
        return evidence.number(rule, "men_mean_s"), evidence.number(rule, "women_mean_s")
    sides = [side.value] if side is not None else ["right", "left"]
    men = [evidence.number(rule, f"men_{s}_mean_s") for s in sides]
    women = [evidence.number(rule, f"women_{s}_mean_s") for s in sides]
    return sum(men) / len(men), sum(women) / len(women)


def _norm_text(test: str, men: float, women: float, evidence: EvidenceRegistry) -> str:
    rule = f"test.{test}"
    if test == "plank":
        return (
            f"College-aged adults: men {men:g} ± {evidence.number(rule, 'men_sd_s'):g} s, "
            f"women {women:g} ± {evidence.number(rule, 'women_sd_s'):g} s{_cited(evidence, rule)}"
        )
    return f"Young healthy adults, mean: men {men:g} s, women {women:g} s{_cited(evidence, rule)}"


def score(result: EnduranceResult, evidence: EvidenceRegistry) -> EnduranceScore | None:
    rule = f"test.{result.test}"
    if result.test == "sorensen":
        norm, verdict = _sorensen(result.value, evidence)
    elif result.test in TREND_ONLY_TESTS:
        norm, verdict = TREND_ONLY, "Not scored: compare with your own earlier results."
    elif result.test in MEAN_TESTS:
        men, women = _means(result.test, result.side, evidence)
        norm = _norm_text(result.test, men, women, evidence)
        verdict = _against_means(result.value, men, women)
    else:
        return None
    side = None if result.side is None else result.side.value
    return EnduranceScore(result.test, side, result.value, result.on, norm, verdict, rule)


def endurance_scores(
    results: Sequence[EnduranceResult], evidence: EvidenceRegistry
) -> tuple[EnduranceScore, ...]:
    newest = latest(results)
    ordered = sorted(newest.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
    scored = (score(result, evidence) for _, result in ordered)
    return tuple(s for s in scored if s is not None)


def endurance_ratios(
    results: Sequence[EnduranceResult], evidence: EvidenceRegistry
) -> tuple[EnduranceRatio, ...]:
    newest = latest(results)

    def value(test: str, side: Side | None = None) -> float | None:
        found = newest.get((test, side))
        return None if found is None or found.value <= 0 else found.value

    flexor_max = evidence.number(RATIO_RULE, "flexor_extensor_ratio_max")
    side_min = evidence.number(RATIO_RULE, "side_bridge_ratio_min")
    side_max = evidence.number(RATIO_RULE, "side_bridge_ratio_max")
    side_ext_max = evidence.number(RATIO_RULE, "side_bridge_extensor_ratio_max")
    extensor = value("mcgill_extensor") or value("sorensen")
    flexor = value("mcgill_flexor")
    right, left = value("side_bridge", Side.RIGHT), value("side_bridge", Side.LEFT)
    sides = [v for v in (right, left, value("side_bridge")) if v is not None]
    ratios: list[EnduranceRatio] = []
    if flexor is not None and extensor is not None:
        ratio = round(flexor / extensor, 2)
        ratios.append(
            EnduranceRatio(
                "flexor_to_extensor", ratio, f"< {flexor_max:g}", ratio < flexor_max, RATIO_RULE
            )
        )
    if right is not None and left is not None:
        ratio = round(right / left, 2)
        ratios.append(
            EnduranceRatio(
                "right_to_left_side_bridge",
                ratio,
                f"{side_min:g}-{side_max:g}",
                side_min <= ratio <= side_max,
                RATIO_RULE,
            )
        )
    if sides and extensor is not None:
        ratio = round(sum(sides) / len(sides) / extensor, 2)
        ratios.append(
            EnduranceRatio(
                "side_bridge_to_extensor",
                ratio,
                f"< {side_ext_max:g}",
                ratio < side_ext_max,
                RATIO_RULE,
            )
        )
    return tuple(ratios)
