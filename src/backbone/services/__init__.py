"""Use cases: one function per thing a person asks Backbone to do."""
