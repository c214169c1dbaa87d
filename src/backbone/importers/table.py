"""Reading an exported CSV: the delimiter, the header, and cells that name their line and column.

Every parser reads through `Cells`, so a bad value anywhere is an `InputError` that says
"line 14, column 6 (Weight)" and what was wrong, and no parser returns half a file.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from backbone.domain.errors import InputError

MISSING = -1
"""Index of a column the file does not have: reading it gives an empty cell."""


@dataclass(frozen=True, slots=True)
class Header:
    names: tuple[str, ...]
    """as written, minus a byte-order mark and surrounding spaces"""
    keys: tuple[str, ...]
    """casefolded, for matching against synonyms"""
    delimiter: str


def header_key(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split()).casefold()


def sniff_delimiter(text: str) -> str:
    """`;` or `,`, whichever separates the header line's fields (Strong writes both)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def read_header(text: str) -> Header:
    delimiter = sniff_delimiter(text)
    first = next(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter), [])
    names = tuple(cell.replace("\ufeff", "").strip() for cell in first)
    return Header(names, tuple(header_key(n) for n in names), delimiter)


def data_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of every row under the header; blank lines give no cells."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        next(reader, None)
        line = reader.line_num
        for cells in reader:
            yield line + 1, cells
            line = reader.line_num
    except csv.Error as error:
        raise InputError(
            f"Line {reader.line_num}: the file is not valid CSV ({error}).",
            {"line": reader.line_num},
        ) from None


def find_columns(header: Header, synonyms: Mapping[str, str]) -> dict[str, int]:
    """Field -> column index for every header cell `synonyms` knows (first occurrence wins)."""
    found: dict[str, int] = {}
    for index, key in enumerate(header.keys):
        field = synonyms.get(key)
        if field is not None and field not in found:
            found[field] = index
    return found


class Cells:
    """The current row, read cell by cell with errors that point at the cell."""

    __slots__ = ("cells", "header", "line")

    def __init__(self, header: Header) -> None:
        self.header = header
        self.line = 0
        self.cells: Sequence[str] = ()

    def load(self, line: int, cells: Sequence[str]) -> None:
        self.line = line
        self.cells = cells

    def text(self, column: int) -> str:
        if column < 0 or column >= len(self.cells):
            return ""
        return self.cells[column].strip()

    def number(self, column: int) -> float | None:
        """A decimal number; a decimal comma is read as a point (`62,5`); empty is None."""
        cell = self.text(column)
        if not cell:
            return None
        try:
            value = float(cell)
        except ValueError:
            try:
                value = float(cell.replace(",", ".")) if cell.count(",") == 1 else math.nan
            except ValueError:
                value = math.nan
            if math.isnan(value):
                raise self.error(column, f"{cell!r} is not a number") from None
        if not math.isfinite(value):
            raise self.error(column, f"{cell!r} is not a number")
        return value

    def whole(self, column: int) -> int | None:
        """A whole number (`8` or `8.0`); empty is None."""
        value = self.number(column)
        if value is None:
            return None
        if not value.is_integer():
            raise self.error(column, f"{self.text(column)!r} is not a whole number")
        return int(value)

    def require(self, column: int, what: str) -> str:
        cell = self.text(column)
        if not cell:
            raise self.error(column, f"the {what} is empty")
        return cell

    def error(self, column: int, why: str) -> InputError:
        return cell_error(self.header, self.line, column, why)


def cell_error(header: Header, line: int, column: int, why: str) -> InputError:
    name = header.names[column] if 0 <= column < len(header.names) else "?"
    return InputError(
        f"Line {line}, column {column + 1} ({name}): {why}. Nothing from this file was imported.",
        {"line": line, "column": column + 1, "field": name},
    )
