"""Floor 8: the proof (Comprovação de Métricas) built from metrics, and its contests.

Imports from the floors below it."""
