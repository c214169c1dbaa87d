"""The running program's plan as stored: a versioned format of its own, not the public JSON.

    format 1   Backbone 0.1.0: the public plan document as printed (read by `plan_format_v1`)
    format 2   the domain `Plan` through `dataclass_codec`, profile included

The public plan JSON (`backbone.services.documents`) may change with any release; stored programs
are read through this module, so they keep working. Decoding costs a few milliseconds, so a
`DecodedPlans` cache owned by the database object keeps recent ones (a server reads the same few
programs over and over; the CLI reads one). A stored program is never updated in place (a change
of plan stores a new program), so its id and creation time name one stored text: the running
program is looked up by them, and its text read and decoded only when the cache misses. Each
worker keeps its own cache; none can serve another's stale plan.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from backbone.domain.errors import StorageError
from backbone.domain.program import Plan
from backbone.storage.dataclass_codec import from_json, to_json
from backbone.storage.plan_format_v1 import plan_from_document, profile_from_options

CURRENT_FORMAT = 2


def encode_plan(plan: Plan) -> tuple[int, str]:
    """(format, text) to store."""
    body = {"format": CURRENT_FORMAT, "plan": to_json(plan)}
    return CURRENT_FORMAT, json.dumps(body, sort_keys=True, separators=(",", ":"))


def decode_plan(plan_format: int, document: str, options: tuple[tuple[str, str], ...]) -> Plan:
    try:
        raw: Any = json.loads(document)
        if plan_format == 1:
            return plan_from_document(raw, profile_from_options(options))
        if plan_format == CURRENT_FORMAT:
            return from_json(Plan, raw["plan"])
    except StorageError:
        raise
    except (KeyError, TypeError, ValueError) as error:
        raise StorageError(
            f"The stored program is damaged ({error}); start a new program.",
            {"format": plan_format},
        ) from None
    raise StorageError(
        f"The stored program uses plan format {plan_format}, newer than this Backbone reads; "
        "upgrade Backbone.",
        {"format": plan_format},
    )


class DecodedPlans:
    """A small least-recently-used cache of decoded plans, keyed by what names one stored text."""

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._plans: OrderedDict[Hashable, Plan] = OrderedDict()
        self._lock = threading.Lock()  # a server's threads share it

    def stored(
        self,
        key: tuple[int, Any, int, tuple[tuple[str, str], ...]],
        read_document: Callable[[], str],
    ) -> Plan:
        """The plan of a stored program, `key` = (program id, created at, format, options):
        `read_document` is called only when it is not cached."""
        with self._lock:
            found = self._plans.get(key)
            if found is not None:
                self._plans.move_to_end(key)
                return found
        plan_format, options = key[2], key[3]
        plan = decode_plan(plan_format, read_document(), options)
        self._remember(key, plan)
        return plan

    def _remember(self, key: Hashable, plan: Plan) -> None:
        with self._lock:
            self._plans[key] = plan
            if len(self._plans) > self._size:
                self._plans.popitem(last=False)
