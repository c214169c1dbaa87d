"""Backbone: an evidence-based back-strength coach."""

__version__ = "0.1.0"
