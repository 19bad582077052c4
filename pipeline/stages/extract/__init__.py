"""Extract stage: article text and metadata from HTML pages and from pages already flattened to text."""

from pipeline.stages.extract.stage import Extract

__all__ = ["Extract"]
