"""Packaged data files (exercise catalogue, evidence registry), read once per process and validated."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from backbone.domain.catalogue import Catalogue, CatalogueError, catalogue_from_records
from backbone.domain.errors import InputError
from backbone.domain.evidence import EvidenceRegistry, evidence_from_document


def _packaged(name: str) -> Path:
    return Path(str(files(__package__).joinpath(name)))


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; unreadable or malformed files are InputErrors, never tracebacks."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"Cannot read {path}: {error.strerror or error}") from None
    try:
        # The C loader parses the catalogue several times faster; fall back where it is missing.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise InputError(f"{path} is not valid YAML: {error}") from None


def catalogue_from_file(path: Path) -> Catalogue:
    document = read_yaml(path)
    records = document.get("exercises") if isinstance(document, dict) else None
    if not isinstance(records, list):
        raise CatalogueError(f"{path} must hold a mapping with an 'exercises' list")
    return catalogue_from_records(records)


def evidence_from_file(path: Path) -> EvidenceRegistry:
    return evidence_from_document(read_yaml(path))


@cache
def packaged_catalogue() -> Catalogue:
    return catalogue_from_file(_packaged("exercises.yaml"))


@cache
def packaged_evidence() -> EvidenceRegistry:
    return evidence_from_file(_packaged("evidence.yaml"))
