"""Which app wrote a file, from its header; and the one entry point that parses any of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from backbone.domain.athlete import Units
from backbone.domain.errors import InputError
from backbone.importers import backbone_csv, fitbod, fitnotes, hevy, liftosaur, strong
from backbone.importers.batch import ImportBatch, SourceApp
from backbone.importers.table import Header, read_header

Recognise = Callable[[Header], str | None]
Parse = Callable[..., ImportBatch]

# Most specific first: Strong's header words are the most general.
_FORMATS: Final[tuple[tuple[SourceApp, Recognise, Parse], ...]] = (
    (SourceApp.BACKBONE, backbone_csv.recognise, backbone_csv.parse),
    (SourceApp.LIFTOSAUR, liftosaur.recognise, liftosaur.parse),
    (SourceApp.HEVY, hevy.recognise, hevy.parse),
    (SourceApp.FITBOD, fitbod.recognise, fitbod.parse),
    (SourceApp.FITNOTES, fitnotes.recognise, fitnotes.parse),
    (SourceApp.STRONG, strong.recognise, strong.parse),
)
KNOWN_FORMATS: Final = (
    "Strong (CSV, any language)",
    "Hevy (CSV)",
    "FitNotes (Android or iOS CSV)",
    "Fitbod (CSV)",
    "Liftosaur (CSV)",
    "Backbone CSV",
)


def decode_export(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark), UTF-16 with one, else Latin-1
    (every byte is a character, so old Windows exports still read instead of failing)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def detect_format(text: str) -> tuple[SourceApp, str]:
    """(app, dialect) from the header; an InputError naming the known formats otherwise."""
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    if not first.strip():
        raise InputError("The file is empty: there is no header to read.")
    if first.startswith("###") or "jefit" in first.casefold():
        raise InputError(
            "This is a JEFIT backup: its many tables in one file are known but not supported. "
            "Export your history as CSV from JEFIT's website or another app, then import that.",
            {"format": "jefit", "known_formats": list(KNOWN_FORMATS)},
        )
    header = read_header(text)
    for source, recognise, _ in _FORMATS:
        dialect = recognise(header)
        if dialect is not None:
            return source, dialect
    shown = ", ".join(header.names[:6]) + ("..." if len(header.names) > 6 else "")
    raise InputError(
        f"Cannot tell which app wrote this file (header: {shown}). "
        f"Known formats: {'; '.join(KNOWN_FORMATS)}.",
        {"header": list(header.names), "known_formats": list(KNOWN_FORMATS)},
    )


def parse_export(
    text: str, *, source: SourceApp | None = None, units: Units | None = None
) -> ImportBatch:
    """Parse an export, all or nothing. `source` overrides detection (`--from`); `units` is the
    unit the lifter logged in, for files that do not say or that store kilograms regardless."""
    if source is None:
        source, _ = detect_format(text)
    parser = next(parse for app, _, parse in _FORMATS if app is source)
    return parser(text, units=units)
