"""Floor 9: what a person reads: the text of the command line, HTML, CSV and Excel tables.

Imports from the floors below it."""
