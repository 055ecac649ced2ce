"""Floor 6: the metric from the facts: which periods make the year, components, cross-checks.

Imports from the floors below it."""
