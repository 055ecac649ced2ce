"""Floor 10 (the top, with ecfmetric.strategies): the command line. Imports from any floor."""
