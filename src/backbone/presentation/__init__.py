"""Words and numbers for people, shared by every interface: the Rich renderers, the reports and
the web templates. Loads are shown in the athlete's units, rounded to what they can load; doses,
targets, records and dates are phrased one way everywhere. Pure functions of domain values."""
