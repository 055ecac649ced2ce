"""Floor 9: what a person reads: the command line's output formats (text, JSON, CSV, Excel, the
workbook), each a renderer of ``_outputs.Renderer``, and the notebook's HTML.

Imports from the floors below it."""
