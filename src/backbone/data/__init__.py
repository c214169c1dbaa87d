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


def read_yaml(path: Path | None, packaged_name: str) -> Any:
    """Parse a YAML file (a packaged one unless `path` is given); malformed YAML is an InputError."""
    source = path if path is not None else files(__package__).joinpath(packaged_name)
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"Cannot read {source}: {error.strerror or error}") from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise InputError(f"{source} is not valid YAML: {error}") from None


def catalogue_from_file(path: Path) -> Catalogue:
    document = read_yaml(path, "exercises.yaml")
    records = document.get("exercises") if isinstance(document, dict) else None
    if not isinstance(records, list):
        raise CatalogueError(f"{path} must hold a mapping with an 'exercises' list")
    return catalogue_from_records(records)


@cache
def packaged_catalogue() -> Catalogue:
    return catalogue_from_file(Path(str(files(__package__).joinpath("exercises.yaml"))))


def evidence_from_file(path: Path) -> EvidenceRegistry:
    return evidence_from_document(read_yaml(path, "evidence.yaml"))


@cache
def packaged_evidence() -> EvidenceRegistry:
    return evidence_from_file(Path(str(files(__package__).joinpath("evidence.yaml"))))
