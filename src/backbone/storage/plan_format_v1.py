"""Storage format 1 (Backbone 0.1.0): the plan's public JSON document, stored as shown, with the
profile rebuilt from the stored plan options. Frozen: only read, never written any more."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from backbone.domain.athlete import Profile, make_profile
from backbone.domain.errors import StorageError
from backbone.domain.prescription import Reason
from backbone.domain.program import Block, Plan, PlanItem, PlanWarning, Session, SessionFocus, Week
from backbone.domain.vocabulary import BlockKind, Day, Muscle


def profile_from_options(options: tuple[tuple[str, str], ...]) -> Profile:
    """The profile of a 0.1.0 plan request stored as (field, JSON value) pairs."""
    values = {name: json.loads(raw) for name, raw in options}
    return make_profile(
        days_per_week=values.get("days_per_week"),
        minutes_per_session=values["minutes_per_session"],
        equipment=values["equipment"],
        level=values["level"],
        goal=values["goal"],
        back_pain=values["back_pain"],
        weeks=values["weeks"],
        start_on=date.fromisoformat(values["start_on"]),
        on_days=values.get("on_days"),
        red_flags=values.get("red_flags") or (),
    )


def plan_from_document(document: dict[str, Any], profile: Profile) -> Plan:
    try:
        return Plan(
            profile=profile,
            weeks=tuple(_week(w) for w in document["weeks"]),
            warnings=tuple(
                PlanWarning(w["code"], w["message"], w["rule_id"]) for w in document["warnings"]
            ),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise StorageError(
            f"The stored program is damaged ({error!r}); start a new program.",
            {"format": 1},
        ) from None


def _week(raw: dict[str, Any]) -> Week:
    return Week(
        number=int(raw["week"]),
        deload=bool(raw["deload"]),
        starts_on=date.fromisoformat(raw["starts_on"]),
        weekly_sets=tuple((Muscle(m), float(v)) for m, v in raw["weekly_sets"].items()),
        sessions=tuple(_session(s) for s in raw["sessions"]),
    )


def _session(raw: dict[str, Any]) -> Session:
    return Session(
        day=Day(raw["day"]),
        on=date.fromisoformat(raw["date"]),
        focus=SessionFocus(raw["focus"]),
        est_minutes=float(raw["est_minutes"]),
        blocks=tuple(
            Block(BlockKind(b["kind"]), tuple(_item(i) for i in b["items"])) for b in raw["blocks"]
        ),
    )


def _item(raw: dict[str, Any]) -> PlanItem:
    return PlanItem(
        exercise=raw["exercise"],
        name=raw["name"],
        sets=int(raw["sets"]),
        reps=_pair(raw["reps"]),
        seconds=_pair(raw["seconds"]),
        per_side=bool(raw["per_side"]),
        rir=None if raw["rir"] is None else int(raw["rir"]),
        rest_s=int(raw["rest_s"]),
        load_hint=raw["load_hint"],
        why=tuple(Reason(r["rule_id"], r["text"]) for r in raw["why"]),
    )


def _pair(raw: list[int] | None) -> tuple[int, int] | None:
    if raw is None:
        return None
    low, high = raw
    return int(low), int(high)
