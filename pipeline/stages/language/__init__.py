"""Language identification stage (see stage.py for the method, docs/language.md for figures)."""

from .stage import IdentifyLanguage

__all__ = ["IdentifyLanguage"]
