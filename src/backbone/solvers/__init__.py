"""Adapters that solve the planner's `LinearModel`."""
