"""Analytics over the training log: volume, balance, spinal load, adherence, strength, recovery
and endurance, each judged by a rule of the evidence registry."""
