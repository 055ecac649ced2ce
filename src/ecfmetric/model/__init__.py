"""Floor 2: the results (metric, periods, lines, findings, signature summary), contests, the
portal's labels, and loading them back from dicts. Imports only from base
(and ecfmetric.types)."""
