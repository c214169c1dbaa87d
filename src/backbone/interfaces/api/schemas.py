"""Request bodies (pydantic, only here at the HTTP edge), each with an example for the docs.

Strings refuse control characters (a NUL byte cannot be stored in PostgreSQL text), numbers refuse
NaN and infinity, and unknown fields are an error, so a typo is a 422 rather than ignored.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from backbone.domain.history import SetType
from backbone.domain.shorthand import ParsedSet, format_set


def _printable(value: str) -> str:
    if any((ord(c) < 32 and c not in "\t\n\r") or ord(c) == 127 for c in value):
        raise ValueError("must not contain control characters")
    return value


Text = Annotated[str, AfterValidator(_printable)]


def _config(example: dict[str, Any]) -> ConfigDict:
    return ConfigDict(
        extra="forbid",
        allow_inf_nan=False,
        json_schema_extra={"examples": [example]},
    )


class SignUpIn(BaseModel):
    model_config = _config(
        {"username": "ana", "password": "correct horse battery", "role": "athlete"}
    )
    username: Text = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@+-]{1,63}$")
    password: Text = Field(min_length=10, max_length=1024)
    role: Literal["athlete", "coach"] = "athlete"
    display_name: Text = Field("", max_length=100)


class LoginIn(BaseModel):
    model_config = _config({"username": "ana", "password": "correct horse battery"})
    username: Text = Field(max_length=64)
    password: Text = Field(max_length=1024)


class TokenIn(BaseModel):
    model_config = _config({"name": "phone"})
    name: Text = Field(max_length=100)


class GrantIn(BaseModel):
    model_config = _config({"coach": "coach.kim", "access": "comment"})
    coach: Text = Field(max_length=64)
    access: Literal["read", "comment"] = "read"


class AthleteSettingsIn(BaseModel):
    model_config = _config({"units": "kg", "bodyweight": 72.5, "plates": [20, 10, 5, 2.5]})
    units: Literal["kg", "lb"] | None = None
    bodyweight: float | None = Field(None, gt=0, le=800)
    plates: list[Annotated[float, Field(gt=0, le=100)]] | None = Field(None, max_length=20)
    bar: float | None = Field(None, ge=0, le=100)
    dumbbell_step: float | None = Field(None, gt=0, le=20)


Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class PlanIn(BaseModel):
    """A profile, in the same words as `backbone plan`."""

    model_config = _config(
        {
            "days": 3,
            "minutes": 45,
            "equipment": ["dumbbell", "bench", "pullup_bar", "band"],
            "level": "novice",
            "goal": "hypertrophy",
            "back_pain": "history",
            "weeks": 5,
            "start": "2026-11-30",
        }
    )
    days: int | None = Field(None, ge=1, le=7)
    minutes: int = Field(45, ge=1, le=600)
    equipment: list[Annotated[Text, Field(max_length=40)]] = Field(
        default_factory=lambda: ["bodyweight"], max_length=20
    )
    level: Text = Field("novice", max_length=20)
    goal: Text = Field("health", max_length=20)
    back_pain: Text = Field("none", max_length=20)
    red_flags: list[Annotated[Text, Field(max_length=60)]] = Field(
        default_factory=list, max_length=20
    )
    on: list[Day] | None = Field(None, max_length=7)
    weeks: int = Field(5, ge=1, le=52)
    start: dt.date | None = None


class ProgramIn(PlanIn):
    model_config = _config(
        {
            "days": 3,
            "minutes": 45,
            "equipment": ["dumbbell", "bench", "pullup_bar"],
            "level": "novice",
            "goal": "hypertrophy",
            "back_pain": "none",
            "known": ["chest_supported_row=24x10@2"],
        }
    )
    known: list[Annotated[Text, Field(max_length=100)]] = Field(default_factory=list, max_length=50)


class SetIn(BaseModel):
    """One set as structured JSON (loads in kg). Holds give `seconds`; bodyweight exercises
    give `added_kg` (negative: assistance) or nothing; loaded exercises give `load_kg`."""

    model_config = _config({"load_kg": 60, "reps": 8, "rir": 2})
    set_type: Literal["warmup", "working", "drop", "failure", "amrap"] = "working"
    load_kg: float | None = Field(None, gt=0, le=1000)
    added_kg: float | None = Field(None, ge=-1000, le=1000)
    reps: int | None = Field(None, ge=1, le=100)
    seconds: int | None = Field(None, ge=1, le=3600)
    rir: int | None = Field(None, ge=0, le=10)

    def shorthand(self) -> str:
        """The same set in the logging shorthand (so both forms go through one parser)."""
        parsed = ParsedSet(
            set_type=SetType(self.set_type),
            load=self.load_kg if self.seconds is None else None,
            added=(self.added_kg or 0.0) if self.seconds is None and self.load_kg is None else None,
            reps=None if self.seconds is not None else self.reps or 0,
            seconds=self.seconds,
            rir=self.rir,
        )
        return format_set(parsed)


class LogSetsIn(BaseModel):
    """Sets of one exercise, as shorthand strings (`"60x8@2"`, `"x3"`) or structured objects."""

    model_config = _config(
        {"exercise": "chest_supported_row", "sets": ["24x10@2", "x3"], "pain": 0}
    )
    exercise: Text = Field(max_length=100)
    sets: list[Annotated[Text, Field(max_length=40)] | SetIn] = Field(min_length=1, max_length=50)
    date: dt.date | None = None
    partial: bool = False
    pain: int | None = Field(None, ge=0, le=10)
    note: Text = Field("", max_length=500)
    units: Literal["kg", "lb"] | None = Field(
        None, description="Units of shorthand loads; default the athlete's. Structured: kg."
    )

    def tokens(self) -> list[str]:
        return [s if isinstance(s, str) else s.shorthand() for s in self.sets]

    def in_lb(self) -> bool | None:
        if any(isinstance(s, SetIn) for s in self.sets):
            return False
        return None if self.units is None else self.units == "lb"


class EditSetIn(BaseModel):
    model_config = _config({"set": "62.5x8@2"})
    set: Annotated[Text, Field(max_length=40)] | SetIn
    partial: bool | None = None
    pain: int | None = Field(None, ge=0, le=10)
    note: Text | None = Field(None, max_length=500)
    units: Literal["kg", "lb"] | None = None


class CheckInIn(BaseModel):
    model_config = _config({"sleep_h": 7.5, "back_pain": 2, "soreness": 3, "readiness": 7})
    sleep_h: float = Field(ge=0, le=24)
    back_pain: int = Field(ge=0, le=10)
    soreness: int = Field(ge=0, le=10)
    readiness: int | None = Field(None, ge=1, le=10)
    sleep_quality: int | None = Field(None, ge=1, le=5)
    red_flags: list[Annotated[Text, Field(max_length=60)]] = Field(
        default_factory=list, max_length=20
    )
    date: dt.date | None = None
    replace: bool = Field(
        False, description="Replace the check-in already stored for that date (else 409)."
    )


class FinishIn(BaseModel):
    model_config = _config({"session_rpe": 7, "duration_min": 42})
    session_rpe: int | None = Field(None, ge=0, le=10)
    duration_min: float | None = Field(None, ge=0, le=600)
    date: dt.date | None = None


class CommentIn(BaseModel):
    model_config = _config({"text": "Good depth on the rows; keep the ribs down."})
    text: Text = Field(min_length=1, max_length=2000)


class EnduranceIn(BaseModel):
    model_config = _config({"test": "sorensen", "value": 95})
    test: Text = Field(max_length=40)
    value: float = Field(ge=0, le=100_000)
    side: Literal["left", "right"] | None = None
    date: dt.date | None = None


class SwapIn(BaseModel):
    """Swap an exercise of the running program for one of its options, from `date` on."""

    model_config = _config({"exercise": "chest_supported_row", "to": "one_arm_dumbbell_row"})
    exercise: Text = Field(max_length=100)
    to: Text = Field(max_length=100)
    date: dt.date | None = None
