"""Floor 5: the collector, which turns a file's lines into the facts the metric needs.

Imports from the floors below it (rules, ecf, model, base)."""
