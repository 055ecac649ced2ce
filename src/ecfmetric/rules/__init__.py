"""Floor 4: the tables: parameters and their closed lists, periods of each regime, the plans.

Imports from ecf, model and base."""
