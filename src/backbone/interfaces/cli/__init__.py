"""The `backbone` command line (click; rich is imported only when something is rendered)."""
