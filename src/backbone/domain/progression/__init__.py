"""Progressive overload: one rule per module, each with a rule id in evidence.md.

`prescribe` is the entry point; `assess_recovery` reads check-ins before it.
"""

from backbone.domain.exposures import Exposure, group_exposures
from backbone.domain.progression.choose import choose_rule, prescribe
from backbone.domain.progression.recovery import Recovery, assess_recovery
from backbone.domain.progression.targets import Prescription, SetTarget, Stall, StallFix

__all__ = [
    "Exposure",
    "Prescription",
    "Recovery",
    "SetTarget",
    "Stall",
    "StallFix",
    "assess_recovery",
    "choose_rule",
    "group_exposures",
    "prescribe",
]
