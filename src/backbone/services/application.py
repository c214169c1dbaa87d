"""`Backbone`: the one application object every interface builds and calls.

    app = build_application(settings)          # backbone.bootstrap
    athlete = app.local_athlete()              # the CLI; a server resolves the signed-in user
    view = app.today(athlete.athlete_id)

It holds what the use cases need (the knowledge, a unit-of-work factory, a clock) and nothing
per person: every use case that touches someone's data takes that athlete's id explicitly. The
use cases live in their own modules; the methods here are the public list of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from backbone.services.ports import Database, Knowledge, UnitOfWork, Window

if TYPE_CHECKING:
    # Types only: each use case's module is imported by the method that runs it, so a cold
    # `backbone today` or `log` loads neither the planner nor analytics, import, export or auth
    # code (nor the report module, which draws charts with matplotlib).
    from backbone.domain.accounts import ApiToken, CoachGrant, Permission, SessionComment, User
    from backbone.domain.analytics.model import Analytics
    from backbone.domain.athlete import Athlete
    from backbone.domain.endurance import EnduranceResult
    from backbone.domain.exercise import Exercise
    from backbone.domain.history import CheckIn, ImportRecord, LogEntry, PerformedSession
    from backbone.domain.own_exercise import OwnExercise
    from backbone.domain.program import Plan
    from backbone.domain.progression import Prescription, Recovery
    from backbone.importers.names import AliasTable
    from backbone.reports.document import Report
    from backbone.services.exporting import Export
    from backbone.services.importing import ImportReport, MapResult, PreviewedImport, Progress
    from backbone.services.paging import Paged
    from backbone.services.passwords import Passwords
    from backbone.services.planning import PlanRequest
    from backbone.services.programs import ProgramView
    from backbone.services.swaps import SwapOptionsView, SwapResult
    from backbone.services.training import TodayView
    from backbone.services.training_log import LogResult
    from backbone.services.training_sessions import SessionDay

Clock = Callable[[], datetime]
"""now, timezone-aware; its local date is the athlete's "today" """


class Backbone:
    def __init__(
        self,
        *,
        knowledge: Knowledge | Callable[[], Knowledge],
        database: Database,
        clock: Clock,
        passwords: Passwords | None = None,
        import_aliases: Callable[[Knowledge], AliasTable] | None = None,
    ) -> None:
        self._knowledge = knowledge if isinstance(knowledge, Knowledge) else None
        self._load_knowledge = None if isinstance(knowledge, Knowledge) else knowledge
        self._knowledge_lock = threading.Lock()
        self.database = database
        self.clock = clock
        self._passwords = passwords
        self._session_key: bytes | None = None
        self._import_aliases = import_aliases
        self._aliases: AliasTable | None = None

    @property
    def passwords(self) -> Passwords:
        """argon2id hashing (argon2-cffi imported on first use)."""
        if self._passwords is None:
            from backbone.services.passwords import Argon2Passwords

            self._passwords = Argon2Passwords()
        return self._passwords

    def aliases(self) -> AliasTable:
        """The import alias table (names other apps use), loaded on the first import."""
        if self._aliases is None:
            if self._import_aliases is not None:
                self._aliases = self._import_aliases(self.knowledge)
            else:
                from backbone.data import packaged_import_aliases

                self._aliases = packaged_import_aliases(self.knowledge.catalogue)
        return self._aliases

    @property
    def knowledge(self) -> Knowledge:
        """The catalogue, evidence and solver, loaded on first use."""
        if self._knowledge is None:
            with self._knowledge_lock:
                if self._knowledge is None:
                    assert self._load_knowledge is not None
                    self._knowledge = self._load_knowledge()
        return self._knowledge

    def new_uow(self) -> UnitOfWork:
        return self.database.unit_of_work()

    def now(self) -> datetime:
        return self.clock()

    def today_on(self) -> date:
        """Today's date where the clock is (the user's local day)."""
        return self.clock().date()

    # --- accounts and access -----------------------------------------------------------------

    def local_athlete(self) -> Athlete:
        from backbone.services import accounts

        return accounts.local_athlete(self.new_uow)

    def create_user(
        self,
        username: str,
        *,
        role: str = "athlete",
        display_name: str = "",
        password_hash: str | None = None,
    ) -> User:
        from backbone.services import accounts

        return accounts.create_user(
            self.new_uow,
            username=username,
            role=role,
            display_name=display_name,
            password_hash=password_hash,
        )

    def user_by_name(self, username: str) -> User:
        from backbone.services import accounts

        return accounts.user_by_name(self.new_uow, username)

    def create_athlete(self, user_id: int, name: str) -> Athlete:
        from backbone.services import accounts

        return accounts.create_athlete(self.new_uow, user_id, name)

    def owned_athletes(self, user_id: int) -> list[Athlete]:
        from backbone.services import accounts

        return accounts.owned_athletes(self.new_uow, user_id)

    def coached_athletes(self, coach_user_id: int) -> list[Athlete]:
        from backbone.services import accounts

        return accounts.coached_athletes(self.new_uow, coach_user_id)

    def require_access(self, user_id: int, athlete_id: int, permission: Permission) -> Athlete:
        from backbone.services import accounts

        return accounts.require_access(self.new_uow, user_id, athlete_id, permission)

    def grant_coach(self, athlete_id: int, coach_username: str, access: str) -> CoachGrant:
        from backbone.services import accounts

        return accounts.grant_coach(
            self.new_uow, athlete_id, coach_username=coach_username, access=access, now=self.now()
        )

    def revoke_coach(self, athlete_id: int, coach_username: str) -> None:
        from backbone.services import accounts

        accounts.revoke_coach(
            self.new_uow, athlete_id, coach_username=coach_username, now=self.now()
        )

    def coach_grants(self, athlete_id: int) -> list[CoachGrant]:
        from backbone.services import accounts

        return accounts.coach_grants(self.new_uow, athlete_id)

    def user(self, user_id: int) -> User:
        from backbone.services import auth

        return auth.user_by_id(self.new_uow, user_id)

    def sign_up(
        self,
        username: str,
        password: str,
        *,
        role: str = "athlete",
        display_name: str = "",
        address: str = "local",
    ) -> User:
        from backbone.services import auth

        return auth.sign_up(
            self.new_uow,
            self.passwords,
            username=username,
            password=password,
            role=role,
            display_name=display_name,
            address=address,
            now=self.now(),
        )

    def log_in(self, username: str, password: str, *, address: str = "local") -> User:
        from backbone.services import auth

        return auth.log_in(
            self.new_uow,
            self.passwords,
            username=username,
            password=password,
            address=address,
            now=self.now(),
        )

    def create_token(self, user_id: int, name: str) -> tuple[ApiToken, str]:
        from backbone.services import auth

        return auth.create_token(self.new_uow, user_id, name, self.now())

    def list_tokens(self, user_id: int) -> list[ApiToken]:
        from backbone.services import auth

        return auth.list_tokens(self.new_uow, user_id)

    def revoke_token(self, user_id: int, token_id: int) -> None:
        from backbone.services import auth

        auth.revoke_token(self.new_uow, user_id, token_id, self.now())

    def end_sessions(self, user_id: int) -> int:
        """Log out everywhere: the user's browser sessions all end; the new session epoch."""
        from backbone.services import auth

        return auth.end_sessions(self.new_uow, user_id)

    def authenticate_token(self, secret: str, *, address: str = "local") -> User:
        from backbone.services import auth

        return auth.authenticate_token(self.new_uow, secret, address=address, now=self.now())

    def authenticate_token_with_athlete(
        self, secret: str, *, address: str = "local"
    ) -> tuple[User, int | None]:
        """The token's user and the id of their own first athlete (None without one), in one
        unit of work."""
        from backbone.services import auth

        return auth.authenticate_token_with_athlete(
            self.new_uow, secret, address=address, now=self.now()
        )

    def session_key(self) -> bytes:
        """The key that signs login sessions (stored in the database, shared by all workers)."""
        if self._session_key is None:
            from backbone.services.signed_sessions import session_key

            self._session_key = session_key(self.new_uow)
        return self._session_key

    def athlete(self, athlete_id: int) -> Athlete:
        from backbone.services import accounts

        return accounts.get_athlete(self.new_uow, athlete_id)

    def update_athlete(
        self,
        athlete_id: int,
        *,
        units: str | None = None,
        bodyweight: float | None = None,
        plates: Sequence[float] | None = None,
        bar: float | None = None,
        dumbbell_step: float | None = None,
    ) -> Athlete:
        from backbone.services import accounts

        return accounts.update_athlete(
            self.new_uow,
            athlete_id,
            units=units,
            bodyweight=bodyweight,
            plates=plates,
            bar=bar,
            dumbbell_step=dumbbell_step,
        )

    # --- catalogue and planning (no one's data) ----------------------------------------------

    def find_exercises(
        self,
        *,
        pattern: str | None = None,
        equipment: list[str] | None = None,
        muscle: str | None = None,
    ) -> tuple[Exercise, ...]:
        from backbone.services import catalogue

        return catalogue.find_exercises(
            self.knowledge, pattern=pattern, equipment=equipment, muscle=muscle
        )

    def cue_card(self, name: str) -> Exercise:
        from backbone.services import catalogue

        return catalogue.cue_card(self.knowledge, name)

    def plan(self, request: PlanRequest) -> Plan:
        from backbone.services import planning

        return planning.plan_training(request, self.knowledge)

    # --- the running program and training ----------------------------------------------------

    def start_program(
        self, athlete_id: int, request: PlanRequest, known: Sequence[str] = ()
    ) -> ProgramView:
        from backbone.services import programs

        return programs.start_program(athlete_id, request, known, self.knowledge, self.new_uow)

    def change_equipment(self, athlete_id: int, equipment: Sequence[str]) -> ProgramView:
        from backbone.services import programs

        return programs.change_equipment(athlete_id, equipment, self.knowledge, self.new_uow)

    def show_program(self, athlete_id: int) -> ProgramView:
        from backbone.services import programs

        return programs.show_program(self.new_uow, athlete_id, self.knowledge)

    def swap_options(
        self, athlete_id: int, exercise: str, on: date | None = None
    ) -> SwapOptionsView:
        """What an exercise of the running program can be swapped for, best first."""
        from backbone.services import swaps

        return swaps.options_for(
            athlete_id, exercise, on or self.today_on(), self.knowledge, self.new_uow
        )

    def swap_exercise(
        self, athlete_id: int, exercise: str, to: str, on: date | None = None
    ) -> SwapResult:
        """Swap an exercise for the rest of the running program (from `on`, default today)."""
        from backbone.services import swaps

        return swaps.swap_exercise(
            athlete_id, exercise, to, on or self.today_on(), self.knowledge, self.new_uow
        )

    def today(self, athlete_id: int, on: date | None = None) -> TodayView:
        from backbone.services import training

        return training.today(athlete_id, on or self.today_on(), self.knowledge, self.new_uow)

    def next_prescription(
        self, athlete_id: int, exercise: str, on: date | None = None
    ) -> tuple[Exercise, Prescription]:
        from backbone.services import training

        return training.next_prescription(
            athlete_id, exercise, on or self.today_on(), self.knowledge, self.new_uow
        )

    def log_sets(
        self,
        athlete_id: int,
        exercise: str,
        tokens: Sequence[str],
        *,
        on: date | None = None,
        partial: bool = False,
        pain: int | None = None,
        note: str = "",
        in_lb: bool | None = None,
        include_next: bool = True,
        source: str = "cli",
        idempotency_key: str | None = None,
    ) -> LogResult:
        from backbone.services import training_log

        return training_log.log_sets(
            athlete_id,
            exercise,
            tokens,
            on=on or self.today_on(),
            now=self.now(),
            knowledge=self.knowledge,
            new_uow=self.new_uow,
            partial=partial,
            pain=pain,
            note=note,
            in_lb=in_lb,
            include_next=include_next,
            source=source,
            idempotency_key=idempotency_key,
        )

    def undo_last(self, athlete_id: int) -> LogEntry:
        from backbone.services import training_log

        return training_log.undo_last(self.new_uow, athlete_id)

    def delete_entry(self, athlete_id: int, entry_id: int) -> None:
        from backbone.services import training_log

        training_log.delete_entry(self.new_uow, athlete_id, entry_id)

    def edit_set(
        self,
        athlete_id: int,
        entry_id: int,
        position: int,
        token: str,
        *,
        in_lb: bool | None = None,
        partial: bool | None = None,
        pain: int | None = None,
        note: str | None = None,
    ) -> LogEntry:
        from backbone.services import training_log

        return training_log.edit_set(
            self.new_uow,
            self.knowledge,
            athlete_id,
            entry_id,
            position,
            token,
            in_lb=in_lb,
            partial=partial,
            pain=pain,
            note=note,
        )

    def entry(self, athlete_id: int, entry_id: int) -> LogEntry:
        from backbone.services import training_log

        return training_log.entry(self.new_uow, athlete_id, entry_id)

    def sessions(self, athlete_id: int) -> list[SessionDay]:
        from backbone.services import training_sessions

        return training_sessions.sessions(self.new_uow, athlete_id)

    def sessions_between(self, athlete_id: int, first: date, last: date) -> list[SessionDay]:
        from backbone.services import training_sessions

        return training_sessions.sessions_between(self.new_uow, athlete_id, first, last)

    def sessions_page(self, athlete_id: int, window: Window) -> Paged[SessionDay]:
        from backbone.services import training_sessions

        return training_sessions.sessions_page(self.new_uow, athlete_id, window)

    def session_day(self, athlete_id: int, on: date) -> SessionDay:
        from backbone.services import training_sessions

        return training_sessions.session_day(self.new_uow, athlete_id, on)

    def comment_on_session(
        self, athlete_id: int, on: date, *, author_user_id: int, text: str
    ) -> SessionComment:
        from backbone.services import training_sessions

        return training_sessions.comment_on_session(
            self.new_uow, athlete_id, on, author_user_id=author_user_id, text=text, now=self.now()
        )

    def check_ins(
        self, athlete_id: int, days: int = 28, until: date | None = None
    ) -> list[CheckIn]:
        from backbone.services import recovery

        return recovery.recent_check_ins(self.new_uow, athlete_id, until or self.today_on(), days)

    def check_ins_page(self, athlete_id: int, days: int, window: Window) -> Paged[CheckIn]:
        from backbone.services import recovery

        return recovery.recent_check_ins_page(
            self.new_uow, athlete_id, self.today_on(), days, window
        )

    def history(
        self, athlete_id: int, *, exercise: str | None = None, since: date | None = None
    ) -> tuple[Athlete, list[LogEntry]]:
        from backbone.services import training_log

        return training_log.history(
            self.new_uow, self.knowledge, athlete_id, exercise=exercise, since=since
        )

    def history_page(
        self,
        athlete_id: int,
        window: Window,
        *,
        exercise: str | None = None,
        since: date | None = None,
    ) -> Paged[LogEntry]:
        """One window of `history`, cut in the database, with how many entries there are."""
        from backbone.services import training_log

        return training_log.history_page(
            self.new_uow, self.knowledge, athlete_id, window, exercise=exercise, since=since
        )

    def check_in(
        self,
        athlete_id: int,
        *,
        sleep_h: float,
        back_pain: int,
        soreness: int,
        readiness: int | None = None,
        sleep_quality: int | None = None,
        red_flags: Sequence[str] = (),
        on: date | None = None,
        replace: bool = False,
        leg_symptoms: bool = False,
    ) -> Recovery:
        from backbone.services import recovery

        return recovery.check_in(
            athlete_id,
            replace=replace,
            leg_symptoms=leg_symptoms,
            on=on or self.today_on(),
            now=self.now(),
            sleep_h=sleep_h,
            back_pain=back_pain,
            soreness=soreness,
            readiness=readiness,
            sleep_quality=sleep_quality,
            red_flags=red_flags,
            knowledge=self.knowledge,
            new_uow=self.new_uow,
        )

    def finish_session(
        self,
        athlete_id: int,
        *,
        session_rpe: int | None = None,
        duration_min: float | None = None,
        on: date | None = None,
    ) -> PerformedSession:
        from backbone.services import recovery

        return recovery.finish_session(
            athlete_id,
            on=on or self.today_on(),
            session_rpe=session_rpe,
            duration_min=duration_min,
            new_uow=self.new_uow,
        )

    # --- progress ----------------------------------------------------------------------------

    def stats(self, athlete_id: int, weeks: int = 8, today: date | None = None) -> Analytics:
        from backbone.services import analytics

        return analytics.stats(
            athlete_id, weeks, today or self.today_on(), self.knowledge, self.new_uow
        )

    def build_report(
        self, athlete_id: int, since_weeks: int = 4, today: date | None = None
    ) -> Report:
        from backbone.services import reporting

        return reporting.build_report(
            athlete_id, since_weeks, today or self.today_on(), self.knowledge, self.new_uow
        )

    def record_test(
        self,
        athlete_id: int,
        test: str,
        value: float,
        *,
        side: str | None = None,
        on: date | None = None,
    ) -> EnduranceResult:
        from backbone.services import endurance

        return endurance.record_test(
            athlete_id,
            test,
            value,
            side=side,
            on=on or self.today_on(),
            new_uow=self.new_uow,
            knowledge=self.knowledge,
        )

    def list_tests(self, athlete_id: int) -> list[EnduranceResult]:
        from backbone.services import endurance

        return endurance.list_tests(self.new_uow, athlete_id)

    # --- imports and exports -----------------------------------------------------------------

    def import_file(
        self,
        athlete_id: int,
        data: bytes,
        file_name: str,
        *,
        source: str | None = None,
        units: str | None = None,
        overrides: Mapping[str, str] | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Another app's export (or a Backbone backup) into the athlete's log, as one batch;
        `dry_run` reports what would happen and writes nothing."""
        from backbone.services import importing

        return importing.import_file(
            athlete_id,
            data,
            file_name,
            source=source,
            units=units,
            overrides=overrides or {},
            dry_run=dry_run,
            now=self.now(),
            knowledge=self.knowledge,
            aliases=self.aliases,
            new_uow=self.new_uow,
            progress=progress,
        )

    def preview_import(
        self,
        athlete_id: int,
        data: bytes,
        file_name: str,
        *,
        source: str | None = None,
        units: str | None = None,
        overrides: Mapping[str, str] | None = None,
    ) -> PreviewedImport:
        """The dry-run report of an uploaded file, kept under a preview id to confirm."""
        from backbone.services import importing

        return importing.preview_import(
            athlete_id, data, file_name, source=source, units=units,
            overrides=overrides or {}, now=self.now(), knowledge=self.knowledge,
            aliases=self.aliases, new_uow=self.new_uow,
        )  # fmt: skip

    def confirm_import(
        self, athlete_id: int, preview_id: str, content_sha256: str | None = None
    ) -> ImportReport:
        """Import exactly the file a preview holds."""
        from backbone.services import importing

        return importing.confirm_import(
            athlete_id, preview_id, content_sha256=content_sha256, now=self.now(),
            knowledge=self.knowledge, aliases=self.aliases, new_uow=self.new_uow,
        )  # fmt: skip

    def create_calendar_feed(self, athlete_id: int) -> str:
        """A new secret calendar feed for the athlete's program (the old one stops working)."""
        from backbone.services import calendar_feed

        return calendar_feed.create_feed(self.new_uow, athlete_id, self.now())

    def calendar_feed_since(self, athlete_id: int) -> datetime | None:
        from backbone.services import calendar_feed

        return calendar_feed.feed_since(self.new_uow, athlete_id)

    def revoke_calendar_feed(self, athlete_id: int) -> bool:
        from backbone.services import calendar_feed

        return calendar_feed.revoke_feed(self.new_uow, athlete_id)

    def calendar_feed_ics(self, secret: str, start_time: time | None = None) -> bytes:
        """The program calendar of whoever's feed the secret opens; NotFound otherwise."""
        from backbone.services import calendar_feed

        athlete_id = calendar_feed.feed_athlete(self.new_uow, secret)
        return self.program_ics(athlete_id, start_time or calendar_feed.DEFAULT_FEED_TIME)

    def undo_import(self, athlete_id: int, batch_id: int) -> ImportRecord:
        from backbone.services import importing

        return importing.undo_import(self.new_uow, athlete_id, batch_id)

    def list_imports(self, athlete_id: int) -> list[ImportRecord]:
        from backbone.services import importing

        return importing.list_imports(self.new_uow, athlete_id)

    def imports_page(self, athlete_id: int, window: Window) -> Paged[ImportRecord]:
        from backbone.services import importing

        return importing.imports_page(self.new_uow, athlete_id, window)

    def own_exercises(self, athlete_id: int) -> list[OwnExercise]:
        """The athlete's own exercises (imported names the catalogue lacks), by slug."""
        with self.new_uow() as uow:
            return uow.own_exercises.for_athlete(athlete_id)

    def map_exercise(self, athlete_id: int, name: str, slug: str) -> MapResult:
        from backbone.services import importing

        return importing.map_exercise(self.new_uow, self.knowledge, athlete_id, name, slug)

    def export_history(self, athlete_id: int, export_format: str) -> Export:
        from backbone.services import exporting

        return exporting.export_history(
            athlete_id,
            export_format,
            now=self.now(),
            knowledge=self.knowledge,
            new_uow=self.new_uow,
        )

    def program_ics(self, athlete_id: int, start_time: time) -> bytes:
        from backbone.services import exporting

        return exporting.program_ics(
            athlete_id,
            start_time=start_time,
            now=self.now(),
            new_uow=self.new_uow,
            knowledge=self.knowledge,
        )
