"""Evaluation: quality and speed figures, printed next to the reference tools."""
