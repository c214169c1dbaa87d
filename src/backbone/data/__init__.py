"""Packaged data files (exercise catalogue, evidence registry), parsed and validated.

The composition root reads them once per application object. A broken packaged file is Backbone's
fault, not the user's: it is reported as an InternalError naming the file.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import sys
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from backbone.domain.catalogue import Catalogue, CatalogueError, catalogue_from_records
from backbone.domain.errors import InputError, InternalError
from backbone.domain.evidence import EvidenceRegistry, evidence_from_document

if TYPE_CHECKING:
    # the alias table is read only by imports: every other command starts without its modules
    from backbone.importers.names import AliasTable


def _packaged(name: str) -> Path:
    return Path(str(files(__package__).joinpath(name)))


def read_yaml(path: Path, cache_dir: Path | None = None) -> Any:
    """Parse a YAML file; unreadable or malformed files are InputErrors, never tracebacks.

    Parsing the catalogue and the evidence costs ~70 ms, most of a cold `backbone today`'s own
    work, so the parsed document is kept as JSON in the user cache directory, keyed by the file's
    hash: an edited file is parsed again, and a missing or unwritable cache only costs time.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"Cannot read {path}: {error.strerror or error}") from None
    cached = (
        cache_dir or _cache_dir()
    ) / f"{path.stem}-{hashlib.sha256(raw).hexdigest()[:20]}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    document = _parse_yaml(raw, path)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(document), encoding="utf-8")
        os.replace(partial, cached)  # atomic: readers never see half a file
    except (OSError, TypeError, ValueError):
        pass
    return document


def _parse_yaml(raw: bytes, path: Path) -> Any:
    import yaml

    try:
        # The C loader parses the catalogue several times faster; fall back where it is missing.
        return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise InputError(f"{path} is not valid YAML: {error}") from None


def _cache_dir() -> Path:
    override = os.environ.get("BACKBONE_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "linux":
        # The XDG rule without importing platformdirs (~20 ms of every cold command); only a
        # cache lives here, so a directory other than platformdirs' would just be parsed again.
        base = os.environ.get("XDG_CACHE_HOME", "")
        return Path(base if os.path.isabs(base) else os.path.expanduser("~/.cache")) / "backbone"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("backbone"))


def catalogue_from_file(path: Path, cache_dir: Path | None = None) -> Catalogue:
    document = read_yaml(path, cache_dir)
    records = document.get("exercises") if isinstance(document, dict) else None
    if not isinstance(records, list):
        raise CatalogueError(f"{path} must hold a mapping with an 'exercises' list")
    return catalogue_from_records(records)


def evidence_from_file(path: Path, cache_dir: Path | None = None) -> EvidenceRegistry:
    return evidence_from_document(read_yaml(path, cache_dir))


def packaged_catalogue(cache_dir: Path | None = None) -> Catalogue:
    path = _packaged("exercises.yaml")
    try:
        return catalogue_from_file(path, cache_dir)
    except InputError as error:
        raise _broken(path, error) from error


def packaged_evidence(cache_dir: Path | None = None) -> EvidenceRegistry:
    path = _packaged("evidence.yaml")
    try:
        return evidence_from_file(path, cache_dir)
    except InputError as error:
        raise _broken(path, error) from error


def packaged_knowledge(cache_dir: Path | None = None) -> tuple[Catalogue, EvidenceRegistry]:
    """The packaged catalogue and evidence, validated; built once and then read back whole.

    Building them from the parsed files (validating every record) is the largest part of a cold
    command's own work after its imports, so the built objects are pickled into the cache
    directory. The key is the data files, the code that builds them (every module of
    `backbone.domain` and this one) and the Python version: any change there builds afresh, and
    an unreadable or stale file only costs the build.
    """
    paths = (_packaged("exercises.yaml"), _packaged("evidence.yaml"))
    try:
        key = _knowledge_key(paths)
    except OSError:  # an unreadable file: the build says which, in words
        return packaged_catalogue(cache_dir), packaged_evidence(cache_dir)
    cached = (cache_dir or _cache_dir()) / f"knowledge-{key}.pickle"
    try:
        found = pickle.loads(cached.read_bytes())
    except Exception:  # any failure to read the cache means: build it again
        found = None
    if (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], Catalogue)
        and isinstance(found[1], EvidenceRegistry)
    ):
        return found[0], found[1]
    built = (packaged_catalogue(cache_dir), packaged_evidence(cache_dir))
    try:
        buffer = io.BytesIO()
        _KnowledgePickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(built)
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(buffer.getvalue())
        os.replace(partial, cached)  # atomic: readers never see half a file
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    return built


def _knowledge_key(data_files: tuple[Path, ...]) -> str:
    from backbone import domain

    code = sorted(Path(domain.__file__).parent.rglob("*.py"))
    digest = hashlib.sha256(sys.version.encode())
    for path in (*data_files, Path(__file__), *code):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _mapping_proxy(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


class _KnowledgePickler(pickle.Pickler):
    """Pickles the read-only views the domain objects hold (the standard pickler refuses them)."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, MappingProxyType):
            return _mapping_proxy, (dict(obj),)
        return NotImplemented


def _broken(path: Path, error: InputError) -> InternalError:
    return InternalError(
        f"Backbone's own data file {path.name} is broken ({error.message}); reinstall Backbone.",
        {"file": str(path)},
    )


def import_aliases_from_file(
    path: Path, catalogue: Catalogue, cache_dir: Path | None = None
) -> AliasTable:
    from backbone.importers.names import alias_table_from_document

    return alias_table_from_document(read_yaml(path, cache_dir), catalogue)


def packaged_import_aliases(catalogue: Catalogue, cache_dir: Path | None = None) -> AliasTable:
    """Names other training apps use, validated against `catalogue` (the packaged one)."""
    path = _packaged("import_aliases.yaml")
    try:
        return import_aliases_from_file(path, catalogue, cache_dir)
    except InputError as error:
        raise _broken(path, error) from error
