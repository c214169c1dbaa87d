"""The server's storage contract (tokens, rate-limit counters, session comments, secrets, set
edits) on every backend: the in-memory fake, SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from backbone.domain.accounts import ApiToken, SessionComment, User
from backbone.domain.errors import Conflict, NotFound
from tests.integration.conftest import UowFactory
from tests.integration.test_repository_contract import a_set, an_entry, stored_athlete

AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DAY = date(2026, 11, 30)


def stored_user(new_uow: UowFactory, username: str) -> int:
    with new_uow() as uow:
        user = uow.users.add(User(username=username))
        uow.commit()
    assert user.user_id is not None
    return user.user_id


def a_token(user_id: int, secret_hash: str = "a" * 64, name: str = "phone") -> ApiToken:
    return ApiToken(user_id, name, secret_hash, "bb_abcd", AT)


def test_tokens_round_trip_list_touch_and_revoke(uow_factory: UowFactory) -> None:
    ana = stored_user(uow_factory, "ana")
    bo = stored_user(uow_factory, "bo")
    with uow_factory() as uow:
        first = uow.tokens.add(a_token(ana, "a" * 64))
        second = uow.tokens.add(a_token(ana, "b" * 64, "laptop"))
        uow.tokens.add(a_token(bo, "c" * 64))
        uow.commit()
    assert first.token_id is not None
    assert second.token_id is not None
    with uow_factory() as uow:
        assert uow.tokens.by_hash("a" * 64) == first
        assert uow.tokens.by_hash("d" * 64) is None
        assert uow.tokens.for_user(ana) == [first, second]
        later = AT + timedelta(minutes=5)
        uow.tokens.touch(first.token_id, later)
        assert not uow.tokens.revoke(bo, first.token_id, later)  # not bo's token
        assert uow.tokens.revoke(ana, second.token_id, later)
        assert not uow.tokens.revoke(ana, second.token_id, later)  # already revoked
        uow.commit()
    with uow_factory() as uow:
        touched = uow.tokens.by_hash("a" * 64)
        assert touched is not None
        assert touched.last_used_at == AT + timedelta(minutes=5)
        assert [t.name for t in uow.tokens.for_user(ana)] == ["phone"]
        revoked = uow.tokens.by_hash("b" * 64)
        assert revoked is not None
        assert not revoked.active


def test_a_token_hash_is_unique(uow_factory: UowFactory) -> None:
    ana = stored_user(uow_factory, "ana")
    with uow_factory() as uow:
        uow.tokens.add(a_token(ana))
        with pytest.raises(Conflict):
            uow.tokens.add(a_token(ana))


def test_rate_limit_counters_count_per_key_and_window_and_prune(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        assert uow.rate_limits.count("login:ana", 600) == 0
        assert [uow.rate_limits.hit("login:ana", 600) for _ in range(3)] == [1, 2, 3]
        assert uow.rate_limits.hit("login:bo", 600) == 1
        assert uow.rate_limits.hit("login:ana", 900) == 1
        uow.commit()
    with uow_factory() as uow:
        assert uow.rate_limits.count("login:ana", 600) == 3
        assert uow.rate_limits.prune(before=900) == 2
        uow.commit()
    with uow_factory() as uow:
        assert uow.rate_limits.count("login:ana", 600) == 0
        assert uow.rate_limits.count("login:ana", 900) == 1


def test_comments_are_per_athlete_and_day_oldest_first(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory, "ana")
    coach = stored_user(uow_factory, "coach")
    with uow_factory() as uow:
        later = uow.comments.add(SessionComment(ana, DAY, coach, "Nice", AT + timedelta(hours=1)))
        first = uow.comments.add(SessionComment(ana, DAY, coach, "Brace", AT))
        uow.comments.add(SessionComment(ana, DAY + timedelta(days=1), coach, "Other day", AT))
        uow.commit()
    with uow_factory() as uow:
        assert uow.comments.for_day(ana, DAY) == [first, later]
        with pytest.raises(NotFound):
            uow.comments.add(SessionComment(987654, DAY, coach, "Nobody", AT))


def test_a_secret_is_created_once(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        assert uow.secrets.get_or_create("session", "first") == "first"
        uow.commit()
    with uow_factory() as uow:
        assert uow.secrets.get_or_create("session", "second") == "first"
        assert uow.secrets.get_or_create("other", "x") == "x"


def test_entry_is_scoped_and_a_set_is_replaced_in_place(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory, "ana")
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        entry = uow.sets.add_entry(an_entry(ana, sets=2))
        uow.commit()
    assert entry.entry_id is not None
    with uow_factory() as uow:
        assert uow.sets.entry(ana, entry.entry_id) == entry
        assert uow.sets.entry(bo, entry.entry_id) is None
        changed = a_set(2, load_kg=65.0, reps=6, rir=1)
        uow.sets.replace_set(ana, entry.entry_id, changed)
        with pytest.raises(NotFound):
            uow.sets.replace_set(bo, entry.entry_id, changed)
        with pytest.raises(NotFound):
            uow.sets.replace_set(ana, entry.entry_id, a_set(3))
        uow.commit()
    with uow_factory() as uow:
        stored = uow.sets.entry(ana, entry.entry_id)
    assert stored is not None
    assert stored.sets == (entry.sets[0], changed)
    assert stored == dataclasses.replace(entry, sets=(entry.sets[0], changed))


def test_a_calendar_feed_is_one_per_athlete_found_by_hash_and_revocable(
    uow_factory: UowFactory,
) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        uow.tokens.set_calendar_feed(ana, "a" * 64, AT)
        uow.tokens.set_calendar_feed(bo, "b" * 64, AT)
        uow.tokens.set_calendar_feed(ana, "c" * 64, AT + timedelta(hours=1))  # replaces ana's
        uow.commit()
    with uow_factory() as uow:
        assert uow.tokens.calendar_feed_athlete("a" * 64) is None
        assert uow.tokens.calendar_feed_athlete("c" * 64) == ana
        assert uow.tokens.calendar_feed_athlete("b" * 64) == bo
        assert uow.tokens.calendar_feed_since(ana) == AT + timedelta(hours=1)
        assert uow.tokens.revoke_calendar_feed(ana)
        assert not uow.tokens.revoke_calendar_feed(ana)
        uow.commit()
    with uow_factory() as uow:
        assert uow.tokens.calendar_feed_athlete("c" * 64) is None
        assert uow.tokens.calendar_feed_since(ana) is None
        assert uow.tokens.calendar_feed_athlete("b" * 64) == bo
