"""The back-plan generator: schedule the week, then select and dose exercises with a solver."""
