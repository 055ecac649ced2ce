"""Floor 3: the ECF file itself: sources, decoding, lines, fields, layout, structure, signature.

Imports from model and base."""
