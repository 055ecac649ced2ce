"""Floor 7: the entry points: read, iter_records, validate, read_many (and its pool), from_form,
the bytes helpers. Imports from the floors below it."""
