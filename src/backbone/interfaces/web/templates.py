"""The Jinja2 environment: templates under `templates/`, autoescaped, with the presentation
package's wording (loads in the athlete's units, doses, records, dates) as filters."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from backbone import __version__
from backbone.presentation import dates, doses, loads, records

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


SPELLED = {"trx": "TRX suspension trainer", "pullup_bar": "Pull-up bar"}
"""vocabulary words people write another way than their slug"""


def _label(value: object) -> str:
    """A vocabulary word for people: "erector_spinae" -> "Erector spinae"."""
    word = str(value)
    if word in SPELLED:
        return SPELLED[word]
    text = word.replace("_", " ")
    return text[:1].upper() + text[1:]


def _json_script(value: object) -> Markup:
    """JSON safe inside <script type="application/json"> (no "</" can close the tag)."""
    text = json.dumps(value, separators=(",", ":")).replace("<", "\\u003c")
    return Markup(text)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(
        label=_label,
        load=loads.load,
        number=loads.number,
        in_units=loads.in_units,
        bodyweight_load=loads.bodyweight_load,
        day=dates.day,
        seconds=dates.seconds,
        minutes=dates.minutes,
        targets=doses.targets,
        planned=doses.planned,
        logged=doses.logged,
        amount=doses.amount,
        record=records.record,
        e1rm=records.e1rm,
        json_script=_json_script,
    )
    env.globals["version"] = __version__
    return env


def render(name: str, context: dict[str, Any]) -> str:
    return environment().get_template(name).render(context)
