"""Which app wrote a file, from its header alone; and what happens when none did."""

from __future__ import annotations

import pytest

from backbone.domain.errors import InputError
from backbone.importers.batch import SourceApp
from backbone.importers.detect import KNOWN_FORMATS, decode_export, detect_format, parse_export

from .import_samples import SAMPLES, sample


@pytest.mark.parametrize(
    ("name", "source", "dialect"),
    [
        ("strong_comma_no_unit.csv", SourceApp.STRONG, "strong/no-unit (comma, en)"),
        ("strong_semicolon_unit.csv", SourceApp.STRONG, "strong/unit-per-row (semicolon, en)"),
        ("strong_quoted_numbered.csv", SourceApp.STRONG, "strong/numbered (semicolon, en)"),
        ("strong_old_unit_in_header.csv", SourceApp.STRONG, "strong/unit-in-header (comma, en)"),
        ("strong_no_notes.csv", SourceApp.STRONG, "strong/no-unit (comma, en, no notes columns)"),
        ("strong_german.csv", SourceApp.STRONG, "strong/unit-per-row (semicolon, de)"),
        ("strong_french.csv", SourceApp.STRONG, "strong/no-unit (comma, fr)"),
        ("strong_chinese.csv", SourceApp.STRONG, "strong/no-unit (comma, zh)"),
        ("hevy_weight_kg.csv", SourceApp.HEVY, "hevy/weight-kg"),
        ("hevy_weight_lbs.csv", SourceApp.HEVY, "hevy/weight-lbs"),
        ("fitnotes_android_lbs_header.csv", SourceApp.FITNOTES, "fitnotes/android-unit-in-header"),
        ("fitnotes_android_unit_per_row.csv", SourceApp.FITNOTES, "fitnotes/android-unit-per-row"),
        ("fitnotes_ios.csv", SourceApp.FITNOTES, "fitnotes/ios"),
        ("fitbod.csv", SourceApp.FITBOD, "fitbod/row-per-set"),
        ("fitbod_old_layout.csv", SourceApp.FITBOD, "fitbod/sets-column"),
        ("liftosaur.csv", SourceApp.LIFTOSAUR, "liftosaur/prescribed-and-completed"),
    ],
)
def test_every_sample_is_recognised(name: str, source: SourceApp, dialect: str) -> None:
    assert detect_format(sample(name)) == (source, dialect)
    assert parse_export(sample(name)).source is source


def test_a_file_from_an_unknown_app_names_the_formats_backbone_knows() -> None:
    with pytest.raises(InputError, match="Cannot tell which app") as caught:
        detect_format("when,what,how much\n2026-01-01,row,60\n")
    for known in ("Strong", "Hevy", "FitNotes", "Fitbod", "Liftosaur"):
        assert known in caught.value.message
    assert caught.value.details["known_formats"] == list(KNOWN_FORMATS)


def test_a_jefit_backup_is_known_but_unsupported() -> None:
    with pytest.raises(InputError, match=r"JEFIT backup.*not supported"):
        parse_export(sample("jefit_backup.csv"))


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        detect_format("\n\n")


def test_from_overrides_detection_and_says_when_the_file_does_not_fit() -> None:
    with pytest.raises(InputError, match="not a Hevy export"):
        parse_export(sample("strong_comma_no_unit.csv"), source=SourceApp.HEVY)


def test_byte_order_marks_and_utf16_are_read() -> None:
    raw = (SAMPLES / "strong_german.csv").read_bytes()
    assert decode_export(b"\xef\xbb\xbf" + raw) == raw.decode("utf-8")
    utf16 = raw.decode("utf-8").encode("utf-16")
    text = decode_export(utf16)
    assert detect_format(text)[0] is SourceApp.STRONG
    assert parse_export(text).sets[0].exercise_name == "Kreuzheben (Langhantel)"
