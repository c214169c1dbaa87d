"""Use cases: users, the athletes they own, coach grants, and who may see whose data.

The CLI on a laptop resolves its one local person with `local_athlete` at the edge; a server
resolves the signed-in user and checks `require_access` before any athlete use case runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from backbone.domain.accounts import (
    LOCAL_ATHLETE_NAME,
    LOCAL_USERNAME,
    Access,
    CoachGrant,
    Permission,
    Role,
    User,
    allows,
)
from backbone.domain.athlete import Athlete, Units, parse_choice
from backbone.domain.errors import Conflict, InputError, NotFound
from backbone.domain.inputs import (
    MAX_BODYWEIGHT_KG,
    MIN_BODYWEIGHT_KG,
    check_increment,
    check_number,
)
from backbone.domain.loads import lb_to_kg
from backbone.services.ports import UnitOfWork

UnitOfWorkFactory = Callable[[], UnitOfWork]

BODYWEIGHT_RANGE_KG = (MIN_BODYWEIGHT_KG, MAX_BODYWEIGHT_KG)
MAX_PLATE = 50.0
MAX_BAR = 50.0
MAX_DUMBBELL_STEP = 10.0
"""Upper limits in the athlete's own units (kg or lb), as the --help texts say."""
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._@+-]{1,63}")
NAME_MAX_CHARS = 100


def local_athlete(new_uow: UnitOfWorkFactory) -> Athlete:
    """The laptop's one person: the local user's first athlete, both created on first use."""
    with new_uow() as uow:
        user = uow.users.by_username(LOCAL_USERNAME)
        if user is None:
            user = uow.users.add(User(username=LOCAL_USERNAME))
        assert user.user_id is not None
        owned = uow.athletes.owned_by(user.user_id)
        if owned:
            return owned[0]
        athlete = uow.athletes.add(Athlete(name=LOCAL_ATHLETE_NAME, user_id=user.user_id))
        uow.commit()
    return athlete


def create_user(
    new_uow: UnitOfWorkFactory,
    *,
    username: str,
    role: str = "athlete",
    display_name: str = "",
    password_hash: str | None = None,
) -> User:
    """A new user, and for an athlete-role user the athlete they train as (same transaction)."""
    name = username.strip().lower()
    if not USERNAME_PATTERN.fullmatch(name) or name == LOCAL_USERNAME:
        raise InputError(
            "username must be 2-64 characters: lower-case letters, digits and . _ @ + -, "
            f"starting with a letter or digit (and not '{LOCAL_USERNAME}').",
            {"field": "username", "value": username},
        )
    chosen_role = parse_choice(Role, role, "role")
    shown = _display_name(display_name or name)
    with new_uow() as uow:
        user = uow.users.add(
            User(
                username=name,
                role=chosen_role,
                display_name=shown,
                password_hash=password_hash,
            )
        )
        assert user.user_id is not None
        if chosen_role is Role.ATHLETE:
            uow.athletes.add(Athlete(name=shown, user_id=user.user_id))
        uow.commit()
    return user


def user_by_name(new_uow: UnitOfWorkFactory, username: str) -> User:
    with new_uow() as uow:
        user = uow.users.by_username(username.strip().lower())
    if user is None:
        raise NotFound(f"No user named '{username}'.", {"username": username})
    return user


def create_athlete(new_uow: UnitOfWorkFactory, user_id: int, name: str) -> Athlete:
    """Another athlete owned by the user (a parent logging for a teenager, say)."""
    with new_uow() as uow:
        uow.users.get(user_id)
        athlete = uow.athletes.add(Athlete(name=_display_name(name), user_id=user_id))
        uow.commit()
    return athlete


def owned_athletes(new_uow: UnitOfWorkFactory, user_id: int) -> list[Athlete]:
    with new_uow() as uow:
        return uow.athletes.owned_by(user_id)


def coached_athletes(new_uow: UnitOfWorkFactory, coach_user_id: int) -> list[Athlete]:
    """The athletes who granted this user access, in the order they granted it."""
    with new_uow() as uow:
        return [uow.athletes.get(g.athlete_id) for g in uow.grants.for_coach(coach_user_id)]


def require_access(
    new_uow: UnitOfWorkFactory, user_id: int, athlete_id: int, permission: Permission
) -> Athlete:
    """The athlete, if the user may do `permission` on them. Anyone else is told the athlete does
    not exist (NotFound): whether an id is in use is itself someone's data."""
    with new_uow() as uow:
        try:
            athlete = uow.athletes.get(athlete_id)
        except NotFound:
            athlete = None
        grants = uow.grants.for_athlete(athlete_id) if athlete is not None else []
    if (
        athlete is None
        or athlete.user_id is None
        or not allows(user_id, athlete.user_id, grants, permission)
    ):
        raise NotFound(f"No athlete with id {athlete_id}.", {"athlete_id": athlete_id})
    return athlete


def grant_coach(
    new_uow: UnitOfWorkFactory,
    athlete_id: int,
    *,
    coach_username: str,
    access: str,
    now: datetime,
) -> CoachGrant:
    """The athlete lets a coach read (or read and comment on) their data."""
    chosen = parse_choice(Access, access, "access")
    with new_uow() as uow:
        athlete = uow.athletes.get(athlete_id)
        coach = uow.users.by_username(coach_username.strip().lower())
        if coach is None or coach.role is not Role.COACH:
            raise NotFound(f"No coach named '{coach_username}'.", {"coach": coach_username})
        assert coach.user_id is not None
        if coach.user_id == athlete.user_id:
            raise Conflict("You cannot be your own coach.", {"coach": coach_username})
        grant = uow.grants.grant(CoachGrant(athlete_id, coach.user_id, chosen, now))
        uow.commit()
    return grant


def revoke_coach(
    new_uow: UnitOfWorkFactory, athlete_id: int, *, coach_username: str, now: datetime
) -> None:
    with new_uow() as uow:
        coach = uow.users.by_username(coach_username.strip().lower())
        if coach is None or coach.user_id is None:
            raise NotFound(f"No coach named '{coach_username}'.", {"coach": coach_username})
        if not uow.grants.revoke(athlete_id, coach.user_id, now):
            raise NotFound(f"{coach_username} has no access to revoke.", {"coach": coach_username})
        uow.commit()


def coach_grants(new_uow: UnitOfWorkFactory, athlete_id: int) -> list[CoachGrant]:
    with new_uow() as uow:
        return uow.grants.for_athlete(athlete_id)


def get_athlete(new_uow: UnitOfWorkFactory, athlete_id: int) -> Athlete:
    with new_uow() as uow:
        return uow.athletes.get(athlete_id)


def update_athlete(
    new_uow: UnitOfWorkFactory,
    athlete_id: int,
    *,
    units: str | None = None,
    bodyweight: float | None = None,
    plates: Sequence[float] | None = None,
    bar: float | None = None,
    dumbbell_step: float | None = None,
) -> Athlete:
    """Change what is given; numbers are in the athlete's units (after any change of units)."""
    with new_uow() as uow:
        athlete = uow.athletes.get(athlete_id)
        if units is not None:
            athlete = replace(athlete, units=parse_choice(Units, units, "units"))
        in_lb = athlete.units is Units.LB
        to_kg = lb_to_kg if in_lb else float
        if bodyweight is not None:
            weight_kg = to_kg(check_number(bodyweight, "bodyweight", 0, 1000))
            low, high = BODYWEIGHT_RANGE_KG
            if not low <= weight_kg <= high:
                raise InputError(
                    f"Bodyweight {bodyweight:g} {athlete.units.value} is outside "
                    f"{low:g}-{high:g} kg; check the number and the units.",
                    {"field": "bodyweight", "value": bodyweight},
                )
            athlete = replace(athlete, bodyweight_kg=round(weight_kg, 2))
        if plates is not None:
            if not plates:
                raise InputError(
                    "Plates must be positive sizes up to 50, e.g. 20,10,5,2.5,1.25.",
                    {"field": "plates", "value": []},
                )
            sizes = [check_increment(p, "plates", in_lb, MAX_PLATE) for p in plates]
            athlete = replace(
                athlete, plates_kg=tuple(sorted({round(to_kg(p), 4) for p in sizes}, reverse=True))
            )
        if bar is not None:
            check_number(bar, "bar", 0, MAX_BAR)
            athlete = replace(athlete, bar_kg=round(to_kg(bar), 4))
        if dumbbell_step is not None:
            step = check_increment(dumbbell_step, "dumbbell_step", in_lb, MAX_DUMBBELL_STEP)
            athlete = replace(athlete, dumbbell_step_kg=round(to_kg(step), 4))
        uow.athletes.update(athlete)
        uow.commit()
        return athlete


def _display_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name or len(name) > NAME_MAX_CHARS:
        raise InputError(
            f"A name must be 1-{NAME_MAX_CHARS} characters.", {"field": "name", "value": raw}
        )
    return name
