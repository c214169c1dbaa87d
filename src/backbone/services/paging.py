"""A page of a list the database cut (limit and offset in the query) with the list's full length,
so an API can answer one page of a long history without loading the rest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from backbone.services.ports import Window

__all__ = ["Paged", "Window"]

Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class Paged(Generic[Item]):
    items: list[Item]
    """the window's items, in the list's order"""
    total: int
    """how many the whole list holds"""
