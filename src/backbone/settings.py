"""Where the database lives, read from the environment once by the composition root.

    BACKBONE_DATABASE_URL   a PostgreSQL URL (postgresql://, postgres:// or postgresql+psycopg://);
                            wins over everything else
    BACKBONE_DB             a path to a SQLite file
    (neither)               backbone.db in the user data directory (platformdirs)

Only `backbone.storage` turns the URL into an engine; this module stays free of SQLAlchemy so it
is cheap to import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import SplitResult, urlsplit, urlunsplit

from backbone.domain.errors import InputError, StorageError

DATABASE_URL_VAR = "BACKBONE_DATABASE_URL"
DATABASE_PATH_VAR = "BACKBONE_DB"
APP_NAME = "backbone"
DATABASE_FILE = "backbone.db"

_POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}
_EXAMPLE_URL = "postgresql://user:password@localhost:5432/backbone"


CACHE_DIR_VAR = "BACKBONE_CACHE_DIR"


@dataclass(frozen=True, slots=True)
class Settings:
    """What an application is built from; read from the environment by the interfaces' edges."""

    database_url: str
    cache_dir: Path | None = None
    """where parsed data files are cached (None: the user cache directory)"""

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Settings:
        cache = environ.get(CACHE_DIR_VAR, "").strip()
        return cls(database_url=database_url(environ), cache_dir=Path(cache) if cache else None)

    @classmethod
    def for_sqlite_file(cls, path: Path, cache_dir: Path | None = None) -> Settings:
        return cls(database_url=sqlite_url(path.absolute()), cache_dir=cache_dir)


def database_url(environ: Mapping[str, str]) -> str:
    """The SQLAlchemy URL of the database to use (see the module docstring for the order)."""
    # BACKBONE_DB set but empty is a mistake (an unset shell variable in a script): using the
    # default database instead would write someone's log to a file they did not mean. An empty
    # BACKBONE_DATABASE_URL only means "no server override", as before.
    if DATABASE_PATH_VAR in environ and not environ[DATABASE_PATH_VAR].strip():
        raise InputError(
            f"{DATABASE_PATH_VAR} is set but empty. Give it a file path, or unset it to use the "
            "default database in the user data directory.",
            {"variable": DATABASE_PATH_VAR},
        )
    url = environ.get(DATABASE_URL_VAR, "").strip()
    if url:
        return _postgres_url(url)
    path = environ.get(DATABASE_PATH_VAR, "").strip()
    if path:
        return sqlite_url(_sqlite_path(path))
    return sqlite_url(default_database_path())


def default_database_path() -> Path:
    """backbone.db in the user data directory, which is created if missing."""
    import platformdirs

    directory = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(
            f"Cannot create the data directory {directory}: {error.strerror or error}. "
            f"Set {DATABASE_PATH_VAR} to a file in a writable directory.",
            {"directory": str(directory)},
        ) from error
    return directory / DATABASE_FILE


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a `sqlite_url`, or None for a server database."""
    prefix = "sqlite:///"
    return Path(url[len(prefix) :]) if url.startswith(prefix) else None


def redacted(url: str) -> str:
    """The URL with any password replaced by ***, safe to print or log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    # The text after the last "@" is host[:port] as written; reading `parts.port` would raise
    # for a port out of range, and this must work on exactly such URLs to report them.
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{parts.username or ''}:***@{host}"
    return urlunsplit(parts._replace(netloc=netloc))


def _postgres_url(raw: str) -> str:
    shown = redacted(raw) if "://" in raw else raw
    scheme, sep, rest = raw.partition("://")
    if not sep:
        raise InputError(
            f"{DATABASE_URL_VAR} is not a URL: '{shown}'. Expected something like {_EXAMPLE_URL}.",
            {"variable": DATABASE_URL_VAR, "value": shown},
        )
    scheme = scheme.lower()
    if scheme not in _POSTGRES_SCHEMES:
        hint = (
            f" For a SQLite file set {DATABASE_PATH_VAR}=path instead."
            if scheme.startswith("sqlite")
            else ""
        )
        raise InputError(
            f"{DATABASE_URL_VAR} must be a PostgreSQL URL (postgresql://, postgres:// or "
            f"postgresql+psycopg://); got scheme '{scheme}'.{hint} Example: {_EXAMPLE_URL}.",
            {"variable": DATABASE_URL_VAR, "value": shown, "scheme": scheme},
        )
    url = f"postgresql+psycopg://{rest}"
    parts = _split(url, shown)
    if not parts.hostname and "host=" not in parts.query:
        raise InputError(
            f"{DATABASE_URL_VAR} names no server: '{shown}'. Expected something like {_EXAMPLE_URL}.",
            {"variable": DATABASE_URL_VAR, "value": shown},
        )
    return url


def _split(url: str, shown: str) -> SplitResult:
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError as error:
        raise InputError(
            f"{DATABASE_URL_VAR} is not a valid URL ({error}): '{shown}'. "
            f"Expected something like {_EXAMPLE_URL}.",
            {"variable": DATABASE_URL_VAR, "value": shown},
        ) from error
    return parts


NAME_MAX_BYTES = 255
"""The longest file name ext4, APFS, NTFS and most other file systems allow."""


def _sqlite_path(raw: str) -> Path:
    path = Path(raw).expanduser()
    if len(path.name.encode("utf-8", "surrogateescape")) > NAME_MAX_BYTES:
        raise InputError(
            f"{DATABASE_PATH_VAR} names a file whose name is longer than {NAME_MAX_BYTES} bytes, "
            f"which file systems refuse: '{path.name[:40]}...'. Choose a shorter name.",
            {"variable": DATABASE_PATH_VAR, "value": raw},
        )
    try:
        is_dir = path.is_dir()
    except OSError as error:
        raise InputError(
            f"{DATABASE_PATH_VAR} cannot be used: {error.strerror or error} ('{raw}').",
            {"variable": DATABASE_PATH_VAR, "value": raw},
        ) from None
    if raw == ":memory:" or is_dir:
        raise InputError(
            f"{DATABASE_PATH_VAR} must name a database file, not '{raw}'.",
            {"variable": DATABASE_PATH_VAR, "value": raw},
        )
    return path.absolute()
