"""Red-flag names: matched without regard to case or separators, stored by their registry name."""

from __future__ import annotations

import pytest

from backbone.data import packaged_evidence
from backbone.domain.errors import InputError, SafetyStop
from backbone.domain.safety import normalise_red_flags, screen_red_flags

EVIDENCE = packaged_evidence()


def test_names_are_normalised_to_the_registry_name() -> None:
    assert normalise_red_flags(["FEVER", " Night-Pain ", "fever"], EVIDENCE) == (
        "fever",
        "night_pain",
    )


def test_upper_case_flags_stop_like_lower_case_ones() -> None:
    with pytest.raises(SafetyStop) as upper:
        screen_red_flags(["FEVER"], EVIDENCE)
    with pytest.raises(SafetyStop) as lower:
        screen_red_flags(["fever"], EVIDENCE)
    assert upper.value.details == lower.value.details


def test_unknown_names_suggest_and_never_echo_escape_codes() -> None:
    with pytest.raises(InputError, match="Did you mean 'fever'") as caught:
        normalise_red_flags(["fevr\x1b[2J"], EVIDENCE)
    assert "\x1b" not in caught.value.message
    assert "\x1b" not in caught.value.details["value"]
