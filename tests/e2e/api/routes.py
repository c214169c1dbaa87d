"""The app's route table, read the way the generated tests need it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.routing import APIRoute


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    route: APIRoute

    @property
    def path_params(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.path)

    @property
    def query_params(self) -> set[str]:
        return {p.name for p in self.route.dependant.query_params} | {
            p.name for d in self.route.dependant.dependencies for p in d.query_params
        }

    @property
    def takes_athlete(self) -> bool:
        return "athlete_id" in self.query_params

    def url(self, **values: object) -> str:
        return self.path.format(**values)


def _all(app: FastAPI) -> Iterator[tuple[str, APIRoute]]:
    """(full path, route) of every API route, through included routers (FastAPI nests them)."""
    for item in app.routes:
        if isinstance(item, APIRoute):
            yield item.path, item
        elif hasattr(item, "effective_route_contexts"):
            for context in item.effective_route_contexts():
                if isinstance(context.original_route, APIRoute):
                    yield context.path, context.original_route


def api_routes(app: FastAPI) -> list[Route]:
    """Every documented /api/v1 operation."""
    found = [
        Route(method, path, route)
        for path, route in _all(app)
        if path.startswith("/api/")
        for method in sorted(route.methods)
    ]
    assert len(found) > 30, "the route table looks empty: did FastAPI change how it nests routes?"
    return found


def matching(app: FastAPI, method: str, path: str) -> tuple[str, str] | None:
    """(method, path template) of the route a request goes to."""
    for template, route in _all(app):
        if method in route.methods and route.path_regex.match(path):
            return method, template
    return None
