"""The JSON backup's envelope: schema, version and a checksum that catches a changed file."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backbone.domain.errors import InputError
from backbone.exporters.backup import (
    BackupData,
    backup_text,
    open_backup,
    seal_backup,
)

DATA = BackupData(
    athlete={"units": "kg", "equipment": ["dumbbell", "band"]},
    custom_exercises=[{"slug": "bench_press_barbell", "pattern": "push"}],
    programs=[],
    entries=[{"exercise": "pull_up", "sets": [{"reps": 8}], "source": "import:strong"}],
    sessions=[],
    check_ins=[{"on": "2026-03-02", "back_pain": 2}],
    endurance_tests=[],
)
AT = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def test_a_sealed_backup_opens_to_the_same_data_and_the_same_bytes() -> None:
    text = backup_text(seal_backup(DATA, AT))
    restored = open_backup(text)
    assert restored == DATA
    assert backup_text(seal_backup(restored, AT)) == text


def test_a_changed_backup_is_refused() -> None:
    text = backup_text(seal_backup(DATA, AT)).replace('"reps":8', '"reps":80')
    with pytest.raises(InputError, match="checksum"):
        open_backup(text)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("not json", "not valid JSON"),
        ('{"schema": "something.else"}', "not a Backbone backup"),
        ('{"schema": "backbone.backup", "schema_version": 99}', "version 99"),
        ('{"schema": "backbone.backup", "schema_version": 1, "data": {}}', "missing athlete"),
    ],
)
def test_files_that_are_not_backups_say_why(text: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        open_backup(text)
