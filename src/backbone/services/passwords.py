"""Password hashing with argon2id: the only import of argon2-cffi.

passwords = Argon2Passwords()            # RFC 9106 low-memory profile (argon2-cffi's default)
stored = passwords.hash("correct horse battery staple")
passwords.verify(stored, attempt)        # True / False, never raises for a wrong password
"""

from __future__ import annotations

from typing import Protocol


class Passwords(Protocol):
    def hash(self, password: str) -> str: ...

    def verify(self, stored_hash: str, password: str) -> bool: ...

    def waste_time(self, password: str) -> None: ...


class Argon2Passwords:
    """argon2id; `time_cost`/`memory_kib` may be lowered for tests (never in production)."""

    def __init__(self, *, time_cost: int | None = None, memory_kib: int | None = None) -> None:
        from argon2 import PasswordHasher

        defaults = PasswordHasher()
        self._hasher = PasswordHasher(
            time_cost=time_cost or defaults.time_cost,
            memory_cost=memory_kib or defaults.memory_cost,
            parallelism=defaults.parallelism,
        )
        self._dummy = self._hasher.hash("not a password: evens out the time of unknown users")

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored_hash: str, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return self._hasher.verify(stored_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def waste_time(self, password: str) -> None:
        """Verify against a dummy hash, so an unknown username takes as long as a wrong password."""
        self.verify(self._dummy, password)
