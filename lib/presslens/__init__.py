"""presslens: read a corpus of news articles three ways — topic frequency, actor co-occurrence, themes."""

__version__ = "0.1.0"
