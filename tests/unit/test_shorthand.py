"""The set shorthand typed after `backbone log EXERCISE`: what parses, to what, and what is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backbone.domain.errors import InputError
from backbone.domain.history import SetType
from backbone.domain.inputs import MAX_SETS_PER_ENTRY
from backbone.domain.shorthand import (
    EXAMPLES,
    MAX_REPEAT,
    ParsedSet,
    format_set,
    format_sets,
    parse_sets,
)

W = SetType.WORKING


def lifted(load: float, reps: int, rir: int | None = None, set_type: SetType = W) -> ParsedSet:
    return ParsedSet(set_type, load=load, added=None, reps=reps, seconds=None, rir=rir)


def bodyweight(added: float, reps: int, rir: int | None = None, set_type: SetType = W) -> ParsedSet:
    return ParsedSet(set_type, load=None, added=added, reps=reps, seconds=None, rir=rir)


def hold(seconds: int, rir: int | None = None, set_type: SetType = W) -> ParsedSet:
    return ParsedSet(set_type, load=None, added=None, reps=None, seconds=seconds, rir=rir)


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["60x8"], [lifted(60, 8)]),
        (["60x8@2"], [lifted(60, 8, rir=2)]),
        (["60x8@0"], [lifted(60, 8, rir=0)]),
        (["62.5x10@1"], [lifted(62.5, 10, rir=1)]),
        (["62,5x8"], [lifted(62.5, 8)]),
        (["60×8"], [lifted(60, 8)]),
        (["60X8@2"], [lifted(60, 8, rir=2)]),
        (["1000x1", "0.5x100@10"], [lifted(1000, 1), lifted(0.5, 100, rir=10)]),
        (["60x8", "x3"], [lifted(60, 8)] * 3),
        (["60x8", "x1"], [lifted(60, 8)]),
        (["60x8x3"], [lifted(60, 8)] * 3),
        (["60x8@2x3"], [lifted(60, 8, rir=2)] * 3),
        (["60X8@2X3"], [lifted(60, 8, rir=2)] * 3),
        (["60x8@2", "x3"], [lifted(60, 8, rir=2)] * 3),
        (["bwx8"], [bodyweight(0.0, 8)]),
        (["BWx8"], [bodyweight(0.0, 8)]),
        (["bw+10x6"], [bodyweight(10, 6)]),
        (["bw+2,5x6@1"], [bodyweight(2.5, 6, rir=1)]),
        (["bw-20x8"], [bodyweight(-20, 8)]),
        (["bw\u221220x8"], [bodyweight(-20, 8)]),
        (["bw-20x8@2x3"], [bodyweight(-20, 8, rir=2)] * 3),
        (["45s"], [hold(45)]),
        (["45S@2"], [hold(45, rir=2)]),
        (["45s", "x3"], [hold(45)] * 3),
        (["1:30"], [hold(90)]),
        (["60:00"], [hold(3600)]),
        (["w:40x10"], [lifted(40, 10, set_type=SetType.WARMUP)]),
        (["W:40X10"], [lifted(40, 10, set_type=SetType.WARMUP)]),
        (["w:bwx10"], [bodyweight(0.0, 10, set_type=SetType.WARMUP)]),
        (["w:30s"], [hold(30, set_type=SetType.WARMUP)]),
        (["d:40x12"], [lifted(40, 12, set_type=SetType.DROP)]),
        (["f:bw+5x7@0"], [bodyweight(5, 7, rir=0, set_type=SetType.FAILURE)]),
        (["a:50x15"], [lifted(50, 15, set_type=SetType.AMRAP)]),
        (["w:40x10", "x2"], [lifted(40, 10, set_type=SetType.WARMUP)] * 2),
        (
            ["w:40x10", "60x8@2", "x3", "d:40x12"],
            [
                lifted(40, 10, set_type=SetType.WARMUP),
                *[lifted(60, 8, rir=2)] * 3,
                lifted(40, 12, set_type=SetType.DROP),
            ],
        ),
    ],
)
def test_valid_shorthand_parses(tokens: list[str], expected: list[ParsedSet]) -> None:
    assert parse_sets(tokens) == tuple(expected)


def test_plain_bodyweight_has_zero_added_and_a_weighted_set_has_none() -> None:
    (plain,) = parse_sets(["bwx8"])
    (weighted,) = parse_sets(["60x8"])
    assert (plain.load, plain.added) == (None, 0.0)
    assert (weighted.load, weighted.added) == (60.0, None)


@pytest.mark.parametrize(
    ("tokens", "bad", "why"),
    [
        (["60x"], "60x", "expected"),
        (["x8"], "x8", "repeat needs a set before it"),
        (["60x8@"], "60x8@", "'@' must be followed by the RIR"),
        (["60x8@11"], "60x8@11", "RIR must be a whole number 0-10"),
        (["60x0"], "60x0", "reps must be 1-100"),
        (["60x101"], "60x101", "reps must be 1-100"),
        (["abc"], "abc", "expected"),
        (["-5x8"], "-5x8", "expected"),
        (["0x8"], "0x8", "load must be at least 0.25"),
        (["1000.5x8"], "1000.5x8", "at most 1000"),
        (["60x8", "x0"], "x0", "repeat count must be 1-20"),
        (["60x8", "x21"], "x21", "repeat count must be 1-20"),
        (["60x8x0"], "60x8x0", "repeat count must be 1-20"),
        (["x3"], "x3", "repeat needs a set before it"),
        (["60x8", "x3", "x2"], "x2", "not another repeat"),
        (["60x8x3", "x2"], "x2", "not another repeat"),
        (["bw+x8"], "bw+x8", "expected"),
        (["bw+0x8"], "bw+0x8", "write bwx8 for plain bodyweight"),
        (["bw-0x8"], "bw-0x8", "assistance must be at least 0.25"),
        (["45"], "45", "write 45s for a hold or 45x8"),
        (["0s"], "0s", "hold must be 1-3600 seconds"),
        (["3601s"], "3601s", "hold must be 1-3600 seconds"),
        (["1:60"], "1:60", "expected"),
        (["w:"], "w:", "prefix needs a set after it"),
        (["z:40x10"], "z:40x10", "expected"),
        (["60x8@1.5"], "60x8@1.5", "whole reps"),
        (["60x8@1,5"], "60x8@1,5", "whole reps"),
        (["1e3x5"], "1e3x5", "expected"),
        (["60x8.5"], "60x8.5", "expected"),
        (["60x8", "70x8", "oops"], "oops", "expected"),
        ([""], "", "expected"),
        (["9" * 50 + "x8"], "9" * 50 + "x8", "longer than"),
    ],
)
def test_malformed_shorthand_is_an_input_error_naming_the_token(
    tokens: list[str], bad: str, why: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_sets(tokens)
    error = caught.value
    assert repr(bad) in error.message
    assert why in error.message
    assert "e.g. 60x8@2, 60x8 x3, bw+10x6, bw-20x8, 45s, 24x40s, w:40x10" in error.message
    assert error.details["token"] == bad
    assert error.details["examples"] == list(EXAMPLES)
    assert error.details["position"] == tokens.index(bad) + 1
    assert error.code == "input_error"


def test_no_tokens_is_an_input_error_with_examples() -> None:
    with pytest.raises(InputError, match="No sets given") as caught:
        parse_sets([])
    assert caught.value.details["examples"] == list(EXAMPLES)


def test_format_sets_writes_runs_once_with_a_repeat() -> None:
    sets = parse_sets(["w:40x10", "60x8@2", "x3", "bw-20x8", "45s"])
    assert format_sets(sets) == ("w:40x10", "60x8@2", "x3", "bw-20x8", "45s")
    assert format_set(lifted(62.5, 8)) == "62.5x8"
    assert format_set(bodyweight(0.0, 8)) == "bwx8"


loads = st.integers(min_value=25, max_value=100_000).map(lambda hundredths: hundredths / 100)
rirs = st.none() | st.integers(min_value=0, max_value=10)
set_types = st.sampled_from(SetType)
valid_sets = st.one_of(
    st.builds(lifted, loads, st.integers(1, 100), rirs, set_types),
    st.builds(
        bodyweight,
        st.just(0.0) | loads | loads.map(lambda load: -load),
        st.integers(1, 100),
        rirs,
        set_types,
    ),
    st.builds(hold, st.integers(1, 3600), rirs, set_types),
)


@given(st.lists(valid_sets, min_size=1, max_size=8), st.lists(st.integers(1, 2 * MAX_REPEAT)))
def test_formatting_valid_sets_and_parsing_them_back_is_the_identity(
    distinct: list[ParsedSet], repeats: list[int]
) -> None:
    sets = [s for i, s in enumerate(distinct) for _ in range(repeats[i] if i < len(repeats) else 1)]
    sets = sets[:MAX_SETS_PER_ENTRY]
    assert parse_sets(format_sets(sets)) == tuple(sets)
    assert parse_sets([format_set(s) for s in sets]) == tuple(sets)


def test_a_flood_of_sets_is_refused_before_it_is_read() -> None:
    with pytest.raises(InputError, match="sets in one entry"):
        parse_sets(["60x8"] * 100_000)
    with pytest.raises(InputError, match="61 sets in one entry"):
        parse_sets(["60x8x20", "60x8x20", "60x8x20", "60x8"])


def test_a_load_below_the_smallest_real_increment_is_refused() -> None:
    with pytest.raises(InputError, match=r"at least 0\.25"):
        parse_sets(["0.0001x1"])
    with pytest.raises(InputError, match=r"at least 0\.25"):
        parse_sets(["bw+0.1x5"])
