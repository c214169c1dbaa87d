"""Commands that keep the training log: program, today, log, next, checkin, history, undo."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

import click

from backbone.interfaces.cli.errors import JsonErrorsCommand, handle_errors
from backbone.interfaces.cli.options import RedFlagOption, plan_options, plan_request, split_commas
from backbone.interfaces.cli.params import DATE, DECIMAL, WHOLE
from backbone.interfaces.cli.terminal import clean, mark_saved


def _echo_json(body: object) -> None:
    click.echo(json.dumps(body, indent=2, ensure_ascii=False))


@click.group()
def program() -> None:
    """Start a plan as your running program, or show the one running."""


@program.command("start", cls=JsonErrorsCommand)
@plan_options
@click.option(
    "--known",
    multiple=True,
    help='A recent set so loads start right, e.g. --known "chest_supported_row=60x10@2" '
    "(repeatable). Without it the first session calibrates the load.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the program as JSON.")
@handle_errors()
def program_start(known: tuple[str, ...], as_json: bool, **options: Any) -> None:
    """Save a plan (same options as `backbone plan`) as the running program."""
    from backbone.interfaces.cli.app import application, local_athlete_id
    from backbone.services.documents import plan_document
    from backbone.services.training_documents import program_document

    app = application()
    view = app.start_program(local_athlete_id(), plan_request(options), known)
    mark_saved("The program")
    if as_json:
        _echo_json(program_document(view, plan_document(view.plan, app.knowledge.evidence)))
        return
    from backbone.interfaces.cli.render import render_plan

    render_plan(view.plan, app.knowledge.evidence)
    click.echo(f"\nProgram started on {view.program.started_on}. `backbone today` shows each day.")


@program.command("show", cls=JsonErrorsCommand)
@click.option("--json", "as_json", is_flag=True, help="Print the program as JSON.")
@handle_errors()
def program_show(as_json: bool) -> None:
    """Show the running program."""
    from backbone.interfaces.cli.app import application, local_athlete_id
    from backbone.services.documents import plan_document
    from backbone.services.training_documents import program_document

    app = application()
    view = app.show_program(local_athlete_id())
    if as_json:
        _echo_json(program_document(view, plan_document(view.plan, app.knowledge.evidence)))
        return
    from backbone.interfaces.cli.render import render_plan

    click.echo(f"Running since {view.program.started_on}.")
    render_plan(view.plan, app.knowledge.evidence)


@click.command(cls=JsonErrorsCommand)
@click.option(
    "--date", "on", type=DATE, default=None, help="Which day (YYYY-MM-DD) [default: today]."
)
@click.option("--json", "as_json", is_flag=True, help="Print today's session as JSON.")
@handle_errors()
def today(on: date | None, as_json: bool) -> None:
    """Today's session with concrete targets, cues and the reason for each."""
    from backbone.interfaces.cli.app import application, day, local_athlete_id
    from backbone.services.training_documents import today_document

    view = application().today(local_athlete_id(), day(on))
    if as_json:
        _echo_json(today_document(view))
        return
    from backbone.interfaces.cli.app import terminal
    from backbone.interfaces.cli.render_training import render_today

    render_today(view, view.athlete.units, terminal())


@click.command(cls=JsonErrorsCommand)
@click.argument("exercise")
@click.argument("sets", nargs=-1, required=True)
@click.option("--date", "on", type=DATE, default=None, help="Day of the sets [default: today].")
@click.option(
    "--partial", is_flag=True, help="Partial range of motion: stored, but never counts as progress."
)
@click.option("--pain", type=WHOLE, default=None, help="Back pain 0-10 during these sets.")
@click.option("--note", default="", help="A note kept with the sets.")
@click.option("--lb", "in_lb", flag_value=True, default=None, help="Loads typed in pounds.")
@click.option("--kg", "in_lb", flag_value=False, help="Loads typed in kilograms.")
@click.option("--json", "as_json", is_flag=True, help="Echo the stored sets and any PRs as JSON.")
@handle_errors()
def log(
    exercise: str,
    sets: tuple[str, ...],
    on: date | None,
    partial: bool,
    pain: int | None,
    note: str,
    in_lb: bool | None,
    as_json: bool,
) -> None:
    """Log sets: 60x8@2 (kg x reps @ RIR), 60x8 x3, bw+10x6, bw-20x8, 45s, 24x40s, w:40x10."""
    from backbone.interfaces.cli.app import application, day, local_athlete_id
    from backbone.services.training_documents import log_document

    result = application().log_sets(
        local_athlete_id(),
        exercise,
        sets,
        on=day(on),
        partial=partial,
        pain=pain,
        note=note,
        in_lb=in_lb,
    )
    mark_saved(f"The entry ({len(result.entry.sets)} set(s) of {result.exercise.slug})")
    if as_json:
        _echo_json(log_document(result))
        return
    from backbone.interfaces.cli.app import terminal
    from backbone.interfaces.cli.render_training import render_log_result

    render_log_result(result, terminal())


@click.command("next", cls=JsonErrorsCommand)
@click.argument("exercise")
@click.option("--date", "on", type=DATE, default=None, help="From which day [default: today].")
@click.option("--json", "as_json", is_flag=True, help="Print the prescription as JSON.")
@handle_errors()
def next_command(exercise: str, on: date | None, as_json: bool) -> None:
    """The next prescription for one exercise, and why."""
    from backbone.interfaces.cli.app import application, day, local_athlete_id
    from backbone.services.training_documents import prescription_document

    app, athlete_id = application(), local_athlete_id()
    found, prescription = app.next_prescription(athlete_id, exercise, day(on))
    if as_json:
        _echo_json(prescription_document(prescription))
        return
    from backbone.interfaces.cli.app import terminal
    from backbone.interfaces.cli.render_training import render_prescription

    render_prescription(found, prescription, app.athlete(athlete_id).units, terminal())


@click.command(cls=JsonErrorsCommand)
@click.option("--sleep", "sleep_h", type=DECIMAL, required=True, help="Hours slept last night.")
@click.option("--back-pain", type=WHOLE, required=True, help="Back pain now, 0-10.")
@click.option("--soreness", type=WHOLE, required=True, help="Muscle soreness, 0-10.")
@click.option("--readiness", type=WHOLE, default=None, help="How ready you feel, 1-10.")
@click.option("--sleep-quality", type=WHOLE, default=None, help="Sleep quality, 1-5.")
@click.option(
    "--red-flag",
    "red_flags",
    multiple=True,
    cls=RedFlagOption,
    help="A warning sign you have now (repeatable); stops training (exit 3).",
)
@click.option(
    "--leg-symptoms",
    is_flag=True,
    help="New pain, numbness or tingling going down a leg: no loaded back work today.",
)
@click.option("--date", "on", type=DATE, default=None, help="Day of the check-in [default: today].")
@click.option(
    "--replace",
    is_flag=True,
    help="Replace the check-in already stored for that day (without it, a second one is refused).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the recovery verdict as JSON.")
@handle_errors()
def checkin(
    sleep_h: float,
    back_pain: int,
    soreness: int,
    readiness: int | None,
    sleep_quality: int | None,
    red_flags: tuple[str, ...],
    leg_symptoms: bool,
    on: date | None,
    replace: bool,
    as_json: bool,
) -> None:
    """Record sleep, back pain and soreness; says whether to train, regress, hold or deload, or
    to skip loaded back work today (back pain 7+/10, rising, or new leg symptoms).

    One check-in per day: a second one for the same day is refused unless --replace is given.
    A red flag is stored, then stops training (exit 3)."""
    from backbone.interfaces.cli.app import application, day, local_athlete_id
    from backbone.services.training_documents import recovery_document

    recovery = application().check_in(
        local_athlete_id(),
        on=day(on),
        sleep_h=sleep_h,
        back_pain=back_pain,
        soreness=soreness,
        readiness=readiness,
        sleep_quality=sleep_quality,
        red_flags=split_commas(red_flags),
        leg_symptoms=leg_symptoms,
        replace=replace,
    )
    mark_saved("The check-in")
    if as_json:
        _echo_json(recovery_document(recovery))
        return
    from backbone.interfaces.cli.app import terminal
    from backbone.interfaces.cli.render_training import render_recovery

    render_recovery(recovery, terminal())


@click.command(cls=JsonErrorsCommand)
@click.option("--rpe", type=WHOLE, default=None, help="How hard the whole session felt, 1-10.")
@click.option("--minutes", type=DECIMAL, default=None, help="How long it took.")
@click.option("--date", "on", type=DATE, default=None, help="Day of the session [default: today].")
@click.option("--json", "as_json", is_flag=True, help="Print the stored session as JSON.")
@handle_errors()
def finish(rpe: int | None, minutes: float | None, on: date | None, as_json: bool) -> None:
    """Mark the day's session done, with its RPE and duration."""
    from backbone.interfaces.cli.app import application, day, local_athlete_id
    from backbone.services.training_documents import performed_session_document

    done = application().finish_session(
        local_athlete_id(), on=day(on), session_rpe=rpe, duration_min=minutes
    )
    mark_saved("The session")
    if as_json:
        _echo_json(performed_session_document(done))
        return
    click.echo(f"Session on {done.on} marked done.")


@click.command(cls=JsonErrorsCommand)
@click.option("--exercise", default=None, help="Only this exercise (slug, alias or prefix).")
@click.option("--since", type=DATE, default=None, help="Only from this day (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print one CSV row per set.")
@handle_errors()
def history(exercise: str | None, since: date | None, as_json: bool, as_csv: bool) -> None:
    """The training log, oldest first."""
    from backbone.interfaces.cli.app import application, day, local_athlete_id
    from backbone.services.training_documents import (
        HISTORY_CSV_COLUMNS,
        entry_document,
        logged_set,
    )

    if as_json and as_csv:
        raise click.UsageError("Choose one of --json and --csv.")
    athlete, entries = application().history(
        local_athlete_id(), exercise=exercise, since=day(since)
    )
    if as_json:
        _echo_json([entry_document(e) for e in entries])
        return
    if as_csv:
        # a note from an import or a hand edit may hold terminal escapes; notes never need them
        rows = [
            {**(row := logged_set(s)), "note": clean(str(row["note"] or ""))}
            for e in entries
            for s in e.sets
        ]
        import csv  # only `history --csv` writes CSV

        writer = csv.DictWriter(sys.stdout, fieldnames=HISTORY_CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    from backbone.interfaces.cli.app import terminal
    from backbone.interfaces.cli.render_training import render_history

    render_history(entries, athlete.units, terminal())


@click.command(cls=JsonErrorsCommand)
@click.option("--json", "as_json", is_flag=True, help="Print the removed entry as JSON.")
@handle_errors()
def undo(as_json: bool) -> None:
    """Remove the last logged entry (all its sets)."""
    from backbone.interfaces.cli.app import application, local_athlete_id
    from backbone.services.training_documents import undo_document

    removed = application().undo_last(local_athlete_id())
    mark_saved("The removal of the last entry")
    if as_json:
        _echo_json(undo_document(removed))
        return
    click.echo(
        f"Removed {len(removed.sets)} set(s) of {removed.exercise} from {removed.performed_on}."
    )


@click.command(cls=JsonErrorsCommand)
@click.option("--units", default=None, help="kg or lb: how loads are typed and shown.")
@click.option(
    "--bodyweight", type=DECIMAL, default=None, help="Your bodyweight (for pull-up e1RM)."
)
@click.option("--plates", default=None, help="Plate sizes you own, e.g. 20,10,5,2.5,1.25.")
@click.option("--bar", type=DECIMAL, default=None, help="Barbell weight [default: 20 kg].")
@click.option("--dumbbell-step", type=DECIMAL, default=None, help="Jump between dumbbells, e.g. 2.")
@click.option("--json", "as_json", is_flag=True, help="Print the athlete as JSON.")
@handle_errors()
def athlete(
    units: str | None,
    bodyweight: float | None,
    plates: str | None,
    bar: float | None,
    dumbbell_step: float | None,
    as_json: bool,
) -> None:
    """Show or change your units, bodyweight, plates and dumbbell steps."""
    from backbone.domain.inputs import parse_numbers
    from backbone.interfaces.cli.app import application, local_athlete_id
    from backbone.services.training_documents import athlete_document

    # syntax only here (digits, no nan/exponents); sizes are checked by the use case
    plate_sizes = None if plates is None else parse_numbers(plates, "plates", -1e6, 1e6)
    saved = application().update_athlete(
        local_athlete_id(),
        units=units,
        bodyweight=bodyweight,
        plates=plate_sizes,
        bar=bar,
        dumbbell_step=dumbbell_step,
    )
    if any(v is not None for v in (units, bodyweight, plates, bar, dumbbell_step)):
        mark_saved("The change to your settings")
    if as_json:
        _echo_json(athlete_document(saved))
        return
    from backbone.interfaces.cli.app import terminal
    from backbone.interfaces.cli.render_training import render_athlete

    render_athlete(saved, terminal())


@click.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@handle_errors()
def db_upgrade() -> None:
    """Apply any pending migrations (also done automatically on first use)."""
    from backbone.interfaces.cli.app import application

    database = application().database
    database.upgrade()
    click.echo(f"Database is up to date: {database.location}")


@db.command("check")
@handle_errors()
def db_check() -> None:
    """Check the database file for damage (SQLite's integrity check); changes nothing."""
    from backbone.domain.errors import StorageError
    from backbone.interfaces.cli.app import application

    health = application().database.check()
    if not health.ok:
        for problem in health.problems:
            click.echo(f"problem: {problem}", err=True)
        raise StorageError(
            f"The database {health.location} is damaged. Keep a copy of the file and restore "
            "your latest backup; do not write to it meanwhile.",
            {"path": health.location, "problems": list(health.problems)},
        )
    if health.newer_than_release:
        state = f"revision {health.revision}, written by a newer Backbone: upgrade Backbone"
    elif health.revision == health.head:
        state = f"revision {health.revision}, current"
    elif health.revision is None:
        state = "empty (set up on first use)"
    else:
        state = f"revision {health.revision}; `backbone db upgrade` brings it to {health.head}"
    click.echo(f"Database OK: {health.location}\nSchema: {state}.")


COMMANDS = (program, today, log, next_command, checkin, finish, history, undo, athlete, db)
