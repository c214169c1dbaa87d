"""Commands that move history in and out: `import`, `import undo`, `exercise map`, `export` and
`program ics`. Each parses, calls one use case of the application and renders."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from backbone.domain.errors import InputError
from backbone.interfaces.cli.errors import JsonErrorsCommand, handle_errors

if TYPE_CHECKING:
    from backbone.services.importing import ImportReport, Progress

LONG_FILE_LINES = 5000
"""files with more lines than this get a progress bar (on stderr)"""


def _echo_json(body: object) -> None:
    click.echo(json.dumps(body, indent=2, ensure_ascii=False))


def _write(out: Path, data: bytes, force: bool) -> None:
    """The shared `--out` writer (never over the database, an existing file or through a link)."""
    from backbone.interfaces.cli.app import application
    from backbone.interfaces.cli.out_file import write_out_file
    from backbone.settings import sqlite_path

    database = sqlite_path(application().database.location)
    write_out_file(out, data, force=force, protected=() if database is None else (database,))


OUT_OPTION = click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of stdout (never over an existing file without --force).",
)
FORCE_OPTION = click.option(
    "--force", is_flag=True, help="Replace the --out file if it exists (never the database)."
)


@click.command(
    "import",
    cls=JsonErrorsCommand,
    short_help="Import history from Strong, Hevy, FitNotes, Fitbod, Liftosaur or a backup.",
)
@click.argument("file")
@click.argument("batch", required=False)
@click.option(
    "--from",
    "source",
    type=click.Choice(
        ["strong", "hevy", "fitnotes", "fitbod", "liftosaur", "backbone"], case_sensitive=False
    ),
    default=None,
    help="The app that wrote the file [default: detected from its header].",
)
@click.option("--dry-run", is_flag=True, help="Print the report only; write nothing.")
@click.option(
    "--units",
    type=click.Choice(["kg", "lb"], case_sensitive=False),
    default=None,
    help="The unit you logged in, for files that do not say [default: your units].",
)
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar='"Name=slug"',
    help="Map an exercise name of the file to a catalogue slug (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON.")
@handle_errors()
def import_command(
    file: str,
    batch: str | None,
    source: str | None,
    dry_run: bool,
    units: str | None,
    maps: tuple[str, ...],
    as_json: bool,
) -> None:
    """Import FILE, an export of another training app or a Backbone backup, as one batch.

    The app is recognised from the header (--from overrides). Every set is kept; exercise names
    map to the catalogue (aliases, then fuzzy matching) or become exercises of your own with a
    guessed movement. Importing the same file twice adds nothing; a newer export adds only what
    is new. A malformed row names its line and column and nothing is imported.

    `backbone import undo BATCH` removes an import completely; `backbone import list` lists them.
    """
    from backbone.interfaces.cli.app import application, local_athlete_id
    from backbone.services.documents import import_record_document, import_report_document
    from backbone.services.importing import parse_overrides

    app = application()
    if file in ("undo", "list") and not Path(file).exists():
        if file == "list":
            records = app.list_imports(local_athlete_id())
            if as_json:
                _echo_json([import_record_document(r) for r in records])
                return
            if not records:
                click.echo("No imports yet: backbone import FILE")
            for r in records:
                click.echo(
                    f"{r.batch_id}  {r.imported_at:%Y-%m-%d %H:%M}  {r.source:<9} "
                    f"{r.sets_imported} sets  {r.file_name}"
                )
            return
        record = app.undo_import(local_athlete_id(), _batch_id(batch))
        if as_json:
            _echo_json({"undone": import_record_document(record)})
            return
        click.echo(
            f"Removed import {record.batch_id} ({record.file_name}): "
            f"{record.sets_imported} sets in {record.entries_imported} entries."
        )
        return
    if batch is not None:
        raise InputError(
            f"Unexpected argument {batch!r}: import takes one FILE (or `import undo BATCH`).",
            {"field": "file"},
        )
    path = Path(file).expanduser()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(
            f"Cannot read {file}: {error.strerror or error}.", {"field": "file", "value": file}
        ) from None
    overrides = parse_overrides(maps)
    with _progress(data) as progress:
        report = app.import_file(
            local_athlete_id(),
            data,
            path.name,
            source=source,
            units=units,
            overrides=overrides,
            dry_run=dry_run,
            progress=progress,
        )
    if as_json:
        _echo_json(import_report_document(report))
        return
    _render_report(report)


def _batch_id(batch: str | None) -> int:
    if batch is None or not batch.strip().isdigit():
        raise InputError(
            "`backbone import undo BATCH` takes the batch number the import printed "
            "(see `backbone import list`).",
            {"field": "batch", "value": batch},
        )
    return int(batch)


@contextmanager
def _progress(data: bytes) -> Iterator[Progress | None]:
    """A progress bar on stderr while a long file is written; nothing for a short one."""
    if data.count(b"\n") < LONG_FILE_LINES:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("Reading the file", total=None)

    def advance(done: int, total: int) -> None:
        bar.update(task, description="Writing sets", completed=done, total=total)

    with bar:
        yield advance


def _render_report(report: ImportReport) -> None:
    heading = "Dry run, nothing written" if report.dry_run else "Imported"
    click.echo(f"{heading}: {report.file_name} ({report.source}, {report.dialect})")
    if report.restored is not None:
        for section, count in report.restored.items():
            click.echo(f"  {section.replace('_', ' ')}: {count}")
    else:
        click.echo(
            f"  rows read {report.rows_read}; workouts {report.workouts_imported} of "
            f"{report.workouts_read}; sets {report.sets_imported} new, "
            f"{report.sets_duplicate} already there"
        )
    for skipped in report.skipped:
        lines = ", ".join(str(n) for n in skipped.lines)
        more = ", ..." if skipped.count > len(skipped.lines) else ""
        click.echo(
            f"  skipped {skipped.count} row(s): {skipped.reason.value} (lines {lines}{more})"
        )
    if report.mapping:
        click.echo("Exercises:")
        for m in report.mapping:
            kind = f"new, guessed {m.movement}" if m.new else m.method
            click.echo(
                f"  {m.source_name} -> {m.slug} ({kind}, confidence {m.confidence:.2f}, "
                f"{m.sets} sets)"
            )
    for note in report.lossy:
        click.echo(f"Lossy: {note.field}: {note.note} ({note.count})")
    if report.batch_id is not None:
        click.echo(f"Batch {report.batch_id}: undo with `backbone import undo {report.batch_id}`.")
    elif not report.dry_run and report.restored is None:
        click.echo("Nothing new to import.")
    if any(m.new for m in report.mapping):
        click.echo("Fix a guess later: backbone exercise map NAME SLUG")


@click.group("exercise")
def exercise_group() -> None:
    """Your own exercises (names from imports the catalogue does not have)."""


@exercise_group.command("map", cls=JsonErrorsCommand)
@click.argument("name")
@click.argument("slug")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@handle_errors()
def exercise_map(name: str, slug: str, as_json: bool) -> None:
    """Re-point your own exercise NAME (its name or slug) to the catalogue exercise SLUG: its
    sets move there and count as that exercise from now on."""
    from backbone.interfaces.cli.app import application, local_athlete_id
    from backbone.services.documents import exercise_map_document

    result = application().map_exercise(local_athlete_id(), name, slug)
    if as_json:
        _echo_json(exercise_map_document(result))
        return
    click.echo(
        f"{result.own.name} ({result.own.slug}) is now {result.exercise_name} ({result.slug}): "
        f"{result.sets_moved} sets moved."
    )


@click.command("export", cls=JsonErrorsCommand)
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["csv", "json", "strong"], case_sensitive=False),
    default="csv",
    show_default=True,
    help="csv: Backbone CSV, one row per set; json: a complete backup; strong: Strong-style CSV.",
)
@OUT_OPTION
@FORCE_OPTION
@click.option("--json", "as_json", is_flag=True, help="With --out: print what was written as JSON.")
@handle_errors()
def export_command(export_format: str, out: Path | None, force: bool, as_json: bool) -> None:
    """Export your history: Backbone CSV, a JSON backup that `backbone import` restores
    completely, or a Strong-style CSV other apps import."""
    from backbone.domain.errors import InputError
    from backbone.interfaces.cli.app import application, local_athlete_id
    from backbone.services.documents import export_document

    if as_json and out is None:
        raise InputError(
            "--json describes the file written with --out; without --out the export itself is "
            "printed (use --format json for a JSON backup).",
            {"field": "json"},
        )
    exported = application().export_history(local_athlete_id(), export_format)
    if out is None:
        click.echo(exported.text, nl=False)
        return
    _write(out, exported.text.encode("utf-8"), force)
    if as_json:
        _echo_json(export_document(exported, str(out)))
        return
    click.echo(f"Exported {exported.sets} sets to {out}.", err=True)


@click.command("ics", cls=JsonErrorsCommand)
@click.option(
    "--time", "at", default="18:00", show_default=True, help="Start time of every session."
)
@OUT_OPTION
@FORCE_OPTION
@handle_errors()
def program_ics(at: str, out: Path | None, force: bool) -> None:
    """The running program as an iCalendar file: one event per session with its exercises."""
    from backbone.interfaces.cli.app import application, local_athlete_id
    from backbone.services.exporting import parse_time

    calendar = application().program_ics(local_athlete_id(), parse_time(at))
    if out is None:
        click.echo(calendar.decode("utf-8"), nl=False)
        return
    _write(out, calendar, force)
    click.echo(f"Calendar written to {out}.", err=True)


COMMANDS = (import_command, exercise_group, export_command)
