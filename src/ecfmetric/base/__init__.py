"""Floor 1 (the lowest): errors, the code catalogue and its messages, languages, money, CNPJ.

Imports nothing of ecfmetric but ``ecfmetric.types`` (see docs/architecture.md)."""
