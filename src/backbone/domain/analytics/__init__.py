"""Analytics over the training log: volume, balance, spinal load, adherence, strength, recovery
and endurance, each judged by a rule of the evidence registry.

`analyse` is the entry point; the result types live in `model`.
"""

from backbone.domain.analytics.analyse import analyse

__all__ = ["analyse"]
