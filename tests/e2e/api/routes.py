"""The app's route table, read the way the generated tests need it."""

from __future__ import annotations

import re
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


def api_routes(app: FastAPI) -> list[Route]:
    """Every documented /api/v1 operation."""
    found = []
    for route in app.routes:
        if isinstance(route, APIRoute) and route.path.startswith("/api/"):
            for method in sorted(route.methods):
                found.append(Route(method, route.path, route))
    return found


def matching(app: FastAPI, method: str, path: str) -> tuple[str, str] | None:
    """(method, path template) of the route a request goes to."""
    for route in app.routes:
        if isinstance(route, APIRoute) and method in route.methods:
            if route.path_regex.match(path):
                return method, route.path
    return None
