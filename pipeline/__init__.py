"""newsfeed: a streaming pipeline that turns raw scraped news pages into clean articles."""

__version__ = "0.1.0"
