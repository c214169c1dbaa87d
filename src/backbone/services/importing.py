"""Use cases: import another app's export (or a Backbone backup), undo an import, re-map a name.

    report = app.import_file(athlete_id, data, "strong.csv", dry_run=True)   # preview
    report = app.import_file(athlete_id, data, "strong.csv")                 # one batch
    app.undo_import(athlete_id, report.batch_id)
    shown = app.preview_import(athlete_id, data, "strong.csv")               # over HTTP:
    report = app.confirm_import(athlete_id, shown.preview_id)                # the stored bytes

An import is all or nothing: the file is parsed whole first (a malformed row names its line and
column and nothing is written), then everything new goes in one transaction as one batch. Entries
carry an idempotency key built from their sets' fingerprints, so the same file twice adds nothing;
an entry with a new key is compared set by set with the stored entries of the same exercise in the
same workout, so a newer export that overlaps an older one adds only the sets not seen before.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Final

from backbone.domain.athlete import Units
from backbone.domain.errors import Conflict, InputError, NotFound
from backbone.domain.history import ImportPreview, ImportRecord, LogEntry, LoggedSet, RangeDone
from backbone.domain.loads import KG_PER_LB, logs_load_kg
from backbone.domain.own_exercise import OwnExercise
from backbone.importers.batch import (
    ImportBatch,
    ImportedSet,
    LossyNote,
    SkippedRows,
    SourceApp,
    entry_key,
    set_fingerprints,
)
from backbone.importers.detect import KNOWN_FORMATS, decode_export, parse_export
from backbone.importers.guess import ExerciseGuess, guess_exercise
from backbone.importers.names import AliasTable, MatchMethod, NameMatcher, name_key
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.paging import Paged, Window
from backbone.services.ports import Knowledge, UnitOfWork

Progress = Callable[[int, int], None]
"""(sets written so far, sets to write): called as a long import goes"""

WRITE_CHUNK: Final = 2000
"""entries per bulk statement: the progress bar moves, memory stays flat"""
SLUG_MAX: Final = 100
NAME_MAX: Final = 200
OWN_METHOD: Final = "own"
"""a name an earlier import already made one of the athlete's own exercises"""
REMEMBERED_METHOD: Final = "remembered"
"""a name the athlete mapped with `backbone exercise map`, remembered for later imports"""
PREVIEW_TTL: Final = timedelta(hours=1)
"""how long an uploaded file waits for its preview to be confirmed"""
SOURCE_PREFIX: Final = "import:"


@dataclass(frozen=True, slots=True)
class MappedName:
    """How one exercise name of the file was read."""

    source_name: str
    slug: str
    exercise_name: str
    confidence: float
    method: str
    """override, alias, catalogue, fuzzy, own (an earlier import's), new (created now), file"""
    sets: int
    new: bool
    """a new exercise of the athlete's own"""
    movement: str | None = None
    """the guessed movement of a new exercise"""


@dataclass(frozen=True, slots=True)
class ImportReport:
    file_name: str
    source: str
    dialect: str
    dry_run: bool
    rows_read: int
    workouts_read: int
    workouts_imported: int
    entries_imported: int
    sets_imported: int
    sets_duplicate: int
    """sets already stored by an earlier import (or twice in this file): not written again"""
    skipped: tuple[SkippedRows, ...]
    mapping: tuple[MappedName, ...]
    lossy: tuple[LossyNote, ...]
    batch_id: int | None
    """None for a dry run, or when there was nothing new to write"""
    restored: Mapping[str, int] | None = None
    """for a backup: what was restored, per section"""

    @property
    def rows_skipped(self) -> int:
        return sum(s.count for s in self.skipped)


@dataclass(frozen=True, slots=True)
class MapResult:
    own: OwnExercise
    slug: str
    exercise_name: str
    sets_moved: int


def parse_overrides(pairs: Iterable[str]) -> dict[str, str]:
    """`--map "Name=slug"` options as {name: slug}; a pair without `=` -> InputError."""
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, slug = pair.rpartition("=")
        if not sep or not name.strip() or not slug.strip():
            raise InputError(
                f'--map takes "Exercise Name=slug"; got {pair!r}.', {"field": "map", "value": pair}
            )
        found[name.strip()] = slug.strip()
    return found


def source_app(name: str | None) -> SourceApp | None:
    if name is None:
        return None
    try:
        return SourceApp(name.strip().lower())
    except ValueError:
        known = ", ".join(app.value for app in SourceApp)
        raise InputError(
            f"Unknown format {name!r}: --from takes one of {known}.",
            {"field": "from", "value": name, "known_formats": list(KNOWN_FORMATS)},
        ) from None


def import_file(
    athlete_id: int,
    data: bytes,
    file_name: str,
    *,
    source: str | None,
    units: str | None,
    overrides: Mapping[str, str],
    dry_run: bool,
    now: datetime,
    knowledge: Knowledge,
    aliases: Callable[[], AliasTable],
    new_uow: UnitOfWorkFactory,
    progress: Progress | None = None,
) -> ImportReport:
    text = decode_export(data)
    if text.lstrip()[:1] == "{" and source is None:
        from backbone.services.exporting import restore_backup

        return restore_backup(
            athlete_id, text, file_name, dry_run=dry_run, now=now, new_uow=new_uow
        )
    app = source_app(source)
    unit = _units(units)
    with new_uow() as uow:
        athlete = uow.athletes.get(athlete_id)
        own = uow.own_exercises.for_athlete(athlete_id)
        remembered = uow.imports.mappings(athlete_id)
    batch = parse_export(text, source=app, units=unit or athlete.units)
    plan = _Plan(athlete_id, batch, knowledge, aliases, own, overrides, remembered)
    entries = plan.entries(now)
    with new_uow() as uow:
        known = uow.sets.known_keys(athlete_id, [e.idempotency_key or "" for e in entries])
        unknown = [e for e in entries if (e.idempotency_key or "") not in known]
        stored = uow.sets.entries_on(athlete_id, {e.performed_on for e in unknown})
        fresh = _only_new_sets(unknown, plan.fingerprints, stored, athlete.units)
        fresh_sets = sum(len(e.sets) for e in fresh)
        total_sets = sum(len(e.sets) for e in entries)
        used = {e.exercise for e in fresh}
        new_own = [o for o in plan.new_own.values() if o.slug in used]
        batch_id = None
        if not dry_run and fresh:
            batch_id = _write(uow, athlete_id, batch, file_name, now, fresh, new_own, progress)
            uow.commit()
    return ImportReport(
        file_name=file_name,
        source=batch.source.value,
        dialect=batch.dialect,
        dry_run=dry_run,
        rows_read=batch.rows_read,
        workouts_read=len(batch.workouts),
        workouts_imported=len({(e.performed_on, e.started_at, e.workout) for e in fresh}),
        entries_imported=len(fresh),
        sets_imported=fresh_sets,
        sets_duplicate=total_sets - fresh_sets,
        skipped=batch.skipped,
        mapping=plan.mapping(),
        lossy=batch.lossy,
        batch_id=batch_id,
    )


SetSignature = tuple[int, float | None, int | None, int | None]
"""(position, load rounded in the athlete's unit, reps, seconds): one set as two exports of the
same history both give it"""
WorkoutExercise = tuple[str, date, datetime | None, str]
"""(exercise, day, workout start, workout name): one exercise within one workout"""


def _signature(logged: LoggedSet, units: Units) -> SetSignature:
    """A pound lifter's 45 lb arrives as 20.41168092460379 kg from one export and 20.4117 from
    another: rounded in the athlete's own unit both are 45.0."""
    kg = logged.load_kg if logged.load_kg is not None else logged.added_kg
    shown = None if kg is None else round(kg / KG_PER_LB if units is Units.LB else kg, 1)
    return logged.position, shown, logged.reps, logged.seconds


def _undated(entry: LogEntry) -> str:
    """The workout name that tells apart two workouts of one day when the file gives no time."""
    return entry.workout if entry.started_at is None else ""


def _workout_exercise(entry: LogEntry) -> WorkoutExercise:
    return entry.exercise, entry.performed_on, entry.started_at, entry.workout


def _only_new_sets(
    unknown: list[LogEntry],
    fingerprints: Mapping[str, tuple[str, ...]],
    stored: list[LogEntry],
    units: Units,
) -> list[LogEntry]:
    """The entries (and within them the sets) not stored yet, compared per exercise per workout:
    an exercise of a workout that a newer export carries with one more set adds that set only."""
    have: dict[WorkoutExercise, set[SetSignature]] = {}
    for entry in stored:
        have.setdefault(_workout_exercise(entry), set()).update(
            _signature(s, units) for s in entry.sets
        )
    fresh: list[LogEntry] = []
    seen_keys: set[str] = set()
    untouched: dict[WorkoutExercise, LogEntry] = {}
    """exercises of a workout nothing stored has: compared set by set only if met again"""
    for entry in unknown:
        key = entry.idempotency_key or ""
        if key in seen_keys:
            continue
        seen_keys.add(key)
        place = _workout_exercise(entry)
        if place not in have and place not in untouched:
            untouched[place] = entry
            fresh.append(entry)
            continue
        there = have.setdefault(place, set())
        earlier = untouched.pop(place, None)
        if earlier is not None:
            there.update(_signature(s, units) for s in earlier.sets)
        kept = [
            (one, fingerprint)
            for one, fingerprint in zip(entry.sets, fingerprints[key], strict=True)
            if _signature(one, units) not in there
        ]
        there.update(_signature(one, units) for one, _ in kept)
        if not kept:
            continue
        if len(kept) < len(entry.sets):
            # the sets already stored stay where they are; the new ones become their own entry,
            # keyed by their own fingerprints so the same newer file twice still adds nothing
            digest = entry_key([fingerprint for _, fingerprint in kept], _undated(entry))
            prefix = key.rpartition(":")[0]
            entry = replace(
                entry, sets=tuple(one for one, _ in kept), idempotency_key=f"{prefix}:{digest}"
            )
        fresh.append(entry)
    return fresh


def _units(units: str | None) -> Units | None:
    if units is None:
        return None
    try:
        return Units(units.strip().lower())
    except ValueError:
        raise InputError(
            f"--units takes kg or lb; got {units!r}.", {"field": "units", "value": units}
        ) from None


def _write(
    uow: UnitOfWork,
    athlete_id: int,
    batch: ImportBatch,
    file_name: str,
    now: datetime,
    fresh: list[LogEntry],
    new_own: list[OwnExercise],
    progress: Progress | None,
) -> int:
    record = uow.imports.add(
        ImportRecord(
            athlete_id=athlete_id,
            source=batch.source.value,
            dialect=batch.dialect[:NAME_MAX],
            file_name=file_name[-500:],
            imported_at=now,
            rows_read=batch.rows_read,
            entries_imported=len(fresh),
            sets_imported=sum(len(e.sets) for e in fresh),
            sets_duplicate=sum(len(w.sets) for w in batch.workouts)
            - sum(len(e.sets) for e in fresh),
            rows_skipped=batch.skipped_count,
        )
    )
    assert record.batch_id is not None
    for exercise in new_own:
        uow.own_exercises.add(replace(exercise, import_batch_id=record.batch_id))
    total = sum(len(e.sets) for e in fresh)
    done = 0
    for start in range(0, len(fresh), WRITE_CHUNK):
        chunk = [
            replace(e, import_batch_id=record.batch_id) for e in fresh[start : start + WRITE_CHUNK]
        ]
        done += uow.sets.add_entries(athlete_id, chunk)
        if progress is not None:
            progress(done, total)
    return record.batch_id


class _Plan:
    """The file's names resolved to slugs, and its workouts turned into log entries."""

    def __init__(
        self,
        athlete_id: int,
        batch: ImportBatch,
        knowledge: Knowledge,
        aliases: Callable[[], AliasTable],
        own: list[OwnExercise],
        overrides: Mapping[str, str],
        remembered: Mapping[str, str] | None = None,
    ) -> None:
        self._athlete_id = athlete_id
        self._remembered = dict(remembered or {})
        self.fingerprints: dict[str, tuple[str, ...]] = {}
        """each entry's sets' fingerprints, by the entry's idempotency key"""
        self._catalogue = knowledge.catalogue
        self._own_by_slug = {o.slug: o for o in own}
        self._own_by_key = {name_key(o.source_name): o for o in own}
        self._own_by_key.update({name_key(o.name): o for o in own})
        self._override_keys = {name_key(k) for k in overrides}
        self._matcher = NameMatcher(
            knowledge.catalogue, aliases(), overrides, own_slugs=set(self._own_by_slug)
        )
        self._batch = batch
        self._lines: dict[tuple[str, str | None], MappedName] = {}
        self._slug_of: dict[tuple[str, str | None], str] = {}
        self.new_own: dict[str, OwnExercise] = {}
        self._counts: Counter[tuple[str, str | None]] = Counter()
        self._bodyweight_of: dict[str, bool] = {}

    def entries(self, now: datetime) -> list[LogEntry]:
        source = SOURCE_PREFIX + self._batch.source.value
        found: list[LogEntry] = []
        for workout in self._batch.workouts:
            for imported in workout.entries():
                first = imported.sets[0]
                slug = self._resolve(first)
                self._counts[(first.exercise_name, first.catalogue_slug)] += len(imported.sets)
                prints = set_fingerprints(imported.sets)
                undated = workout.name[:NAME_MAX] if workout.started_at is None else ""
                key = f"{source}:{entry_key(prints, undated)}"
                self.fingerprints[key] = prints
                found.append(
                    LogEntry(
                        athlete_id=self._athlete_id,
                        exercise=slug,
                        performed_on=workout.performed_on,
                        logged_at=now,
                        sets=tuple(self._logged(s, slug) for s in imported.sets),
                        source=source,
                        idempotency_key=key,
                        started_at=workout.started_at,
                        workout=workout.name[:NAME_MAX],
                    )
                )
        return found

    def _logged(self, one: ImportedSet, slug: str) -> LoggedSet:
        logged = _logged(one, slug)
        if (
            self._batch.source is not SourceApp.BACKBONE
            and logged.load_kg is not None
            and logged.added_kg is None
            and self._bodyweight(slug)
        ):
            # apps write a pull-up's weight as the load: for Backbone it is weight added
            added = logged.load_kg or None
            return replace(logged, load_kg=None, added_kg=added)
        return logged

    def _bodyweight(self, slug: str) -> bool:
        """A catalogue exercise that logs weight added, not a load (pull-ups, dips)."""
        known = self._bodyweight_of.get(slug)
        if known is None:
            known = self._bodyweight_of[slug] = slug in self._catalogue and not logs_load_kg(
                self._catalogue.get(slug)
            )
        return known

    def mapping(self) -> tuple[MappedName, ...]:
        return tuple(replace(line, sets=self._counts[key]) for key, line in self._lines.items())

    def _resolve(self, one: ImportedSet) -> str:
        key = (one.exercise_name, one.catalogue_slug)
        slug = self._slug_of.get(key)
        if slug is None:
            line = self._map(one.exercise_name, one.catalogue_slug)
            self._lines[key] = line
            slug = self._slug_of[key] = line.slug
        return slug

    def _map(self, name: str, file_slug: str | None) -> MappedName:
        if file_slug is not None and name_key(name) not in self._override_keys:
            # Backbone's own CSV names the slug: the catalogue's, or an exercise of one's own
            if file_slug in self._catalogue:
                exercise = self._catalogue.get(file_slug)
                return MappedName(name, exercise.slug, exercise.name, 1.0, "file", 0, False)
            if file_slug in self._own_by_slug:
                mine = self._own_by_slug[file_slug]
                return MappedName(name, mine.slug, mine.name, 1.0, OWN_METHOD, 0, False)
            return self._new(name, guess_exercise(name), preferred=file_slug, method="file")
        key = name_key(name)
        remembered = self._remembered.get(key)
        if key not in self._override_keys and remembered is not None:
            if remembered in self._catalogue:
                exercise = self._catalogue.get(remembered)
                return MappedName(
                    name, exercise.slug, exercise.name, 1.0, REMEMBERED_METHOD, 0, False
                )
            if remembered in self._own_by_slug:
                mine = self._own_by_slug[remembered]
                return MappedName(name, mine.slug, mine.name, 1.0, REMEMBERED_METHOD, 0, False)
        if key not in self._override_keys and key in self._own_by_key:
            mine = self._own_by_key[key]
            return MappedName(name, mine.slug, mine.name, 1.0, OWN_METHOD, 0, False)
        mapped = self._matcher.match(name)
        if mapped.slug is not None:
            shown = (
                self._catalogue.get(mapped.slug).name
                if mapped.slug in self._catalogue
                else self._own_by_slug[mapped.slug].name
            )
            return MappedName(
                name, mapped.slug, shown, mapped.confidence, mapped.method.value, 0, False
            )
        assert mapped.guess is not None
        return self._new(name, mapped.guess, preferred=None, method=MatchMethod.NEW.value)

    def _new(
        self, name: str, guess: ExerciseGuess, *, preferred: str | None, method: str
    ) -> MappedName:
        slug = self._free_slug(preferred or guess.slug)
        display = (name.strip() or slug)[:NAME_MAX]
        self.new_own[slug] = OwnExercise(
            athlete_id=self._athlete_id,
            slug=slug,
            name=display,
            movement=guess.pattern,
            muscles=guess.muscles,
            spinal_load=guess.spinal_load,
            source_name=name[:NAME_MAX],
        )
        return MappedName(
            name, slug, display, guess.confidence, method, 0, True, guess.pattern.value
        )

    def _free_slug(self, wanted: str) -> str:
        base = wanted[:SLUG_MAX] or "exercise"
        slug, number = base, 1
        while slug in self._catalogue or slug in self._own_by_slug or slug in self.new_own:
            number += 1
            suffix = f"_{number}"
            slug = base[: SLUG_MAX - len(suffix)] + suffix
        return slug


def _logged(one: ImportedSet, slug: str) -> LoggedSet:
    return LoggedSet(
        exercise=slug,
        performed_on=one.performed_on,
        position=one.position,
        set_type=one.set_type,
        load_kg=one.load_kg,
        added_kg=one.added_kg,
        reps=one.reps,
        seconds=one.seconds,
        rir=None if one.rir is None else max(0, one.rir),
        range_done=one.range_done or RangeDone.FULL,
        pain=one.pain,
        note=one.notes,
        distance_m=one.distance_m,
        prescribed=one.prescribed,
    )


@dataclass(frozen=True, slots=True)
class PreviewedImport:
    """A dry run over an uploaded file that waits, stored, for the athlete to confirm it."""

    preview_id: str
    content_sha256: str
    expires_at: datetime
    report: ImportReport


def preview_import(
    athlete_id: int,
    data: bytes,
    file_name: str,
    *,
    source: str | None,
    units: str | None,
    overrides: Mapping[str, str],
    now: datetime,
    knowledge: Knowledge,
    aliases: Callable[[], AliasTable],
    new_uow: UnitOfWorkFactory,
) -> PreviewedImport:
    """The dry-run report of an upload, and the upload kept under a new preview id: confirming
    that id imports exactly these bytes, whichever worker answers the confirm."""
    report = import_file(
        athlete_id, data, file_name, source=source, units=units, overrides=overrides,
        dry_run=True, now=now, knowledge=knowledge, aliases=aliases, new_uow=new_uow,
    )  # fmt: skip
    preview = ImportPreview(
        preview_id=secrets.token_urlsafe(24),
        athlete_id=athlete_id,
        created_at=now,
        file_name=file_name,
        source=source,
        units=units,
        overrides=tuple(sorted(overrides.items())),
        content=data,
        content_sha256=hashlib.sha256(data).hexdigest(),
    )
    with new_uow() as uow:
        uow.imports.prune_previews(athlete_id, now - PREVIEW_TTL)
        uow.imports.add_preview(preview)
        uow.commit()
    return PreviewedImport(preview.preview_id, preview.content_sha256, now + PREVIEW_TTL, report)


def confirm_import(
    athlete_id: int,
    preview_id: str,
    *,
    content_sha256: str | None,
    now: datetime,
    knowledge: Knowledge,
    aliases: Callable[[], AliasTable],
    new_uow: UnitOfWorkFactory,
) -> ImportReport:
    """Import the file a preview holds, with the options it was previewed with. `content_sha256`,
    when given, must be the preview's: the client confirms the file it was shown."""
    with new_uow() as uow:
        preview = uow.imports.preview(athlete_id, preview_id)
        # every abandoned preview of the athlete goes here too (this one as well, if expired)
        if uow.imports.prune_previews(athlete_id, now - PREVIEW_TTL):
            uow.commit()
    if preview.created_at < now - PREVIEW_TTL:
        raise NotFound(
            "That import preview has expired: upload the file again.", {"preview_id": preview_id}
        )
    if content_sha256 is not None and content_sha256.strip().lower() != preview.content_sha256:
        raise Conflict(
            "That preview holds another file than the one you confirm: upload it again.",
            {"preview_id": preview_id, "content_sha256": preview.content_sha256},
        )
    report = import_file(
        athlete_id, preview.content, preview.file_name, source=preview.source,
        units=preview.units, overrides=dict(preview.overrides), dry_run=False, now=now,
        knowledge=knowledge, aliases=aliases, new_uow=new_uow,
    )  # fmt: skip
    with new_uow() as uow:
        uow.imports.delete_preview(athlete_id, preview_id)
        uow.commit()
    return report


def undo_import(new_uow: UnitOfWorkFactory, athlete_id: int, batch_id: int) -> ImportRecord:
    """Remove the batch and every entry it wrote, and the own exercises it created that nothing
    else uses now (a later import or a logged set keeps its exercise, until that goes too)."""
    with new_uow() as uow:
        record = uow.imports.get(athlete_id, batch_id)
        uow.imports.delete(athlete_id, batch_id)
        batches = {r.batch_id for r in uow.imports.for_athlete(athlete_id)}
        # this batch's, and any an earlier undo kept because this batch's sets still used them
        created = [
            o
            for o in uow.own_exercises.for_athlete(athlete_id)
            if o.import_batch_id is not None and o.import_batch_id not in batches
        ]
        in_use = uow.sets.exercises_in_use(athlete_id, [o.slug for o in created])
        for exercise in created:
            if exercise.slug not in in_use:
                uow.own_exercises.delete(athlete_id, exercise.slug)
        uow.commit()
    return record


def list_imports(new_uow: UnitOfWorkFactory, athlete_id: int) -> list[ImportRecord]:
    with new_uow() as uow:
        return uow.imports.for_athlete(athlete_id)


def imports_page(
    new_uow: UnitOfWorkFactory, athlete_id: int, window: Window
) -> Paged[ImportRecord]:
    with new_uow() as uow:
        return Paged(uow.imports.page(athlete_id, window), uow.imports.count(athlete_id))


def map_exercise(
    new_uow: UnitOfWorkFactory, knowledge: Knowledge, athlete_id: int, name: str, slug: str
) -> MapResult:
    """Fix a guess: the athlete's own exercise `name` (its slug, name or source name) becomes the
    catalogue exercise `slug`; its sets move there and the own exercise is removed."""
    target = knowledge.catalogue.get(slug.strip())
    with new_uow() as uow:
        own = uow.own_exercises.for_athlete(athlete_id)
        key = name_key(name)
        mine = next(
            (
                o
                for o in own
                if o.slug == name.strip() or key in (name_key(o.name), name_key(o.source_name))
            ),
            None,
        )
        if mine is None:
            shown = ", ".join(o.slug for o in own[:10]) or "none yet"
            raise NotFound(
                f"You have no exercise of your own named {name!r} (yours: {shown}).",
                {"name": name, "own_exercises": [o.slug for o in own]},
            )
        if mine.slug == target.slug:
            raise Conflict(f"{name!r} is already {target.slug}.", {"slug": target.slug})
        moved = uow.sets.repoint(athlete_id, mine.slug, target.slug)
        uow.own_exercises.delete(athlete_id, mine.slug)
        # later imports of the same name go straight to the catalogue exercise
        for said in {name_key(mine.source_name), name_key(mine.name)} - {""}:
            uow.imports.remember_mapping(athlete_id, said, target.slug)
        uow.commit()
    return MapResult(mine, target.slug, target.name, moved)
