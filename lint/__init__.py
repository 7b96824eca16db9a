"""newslint: a linter for news articles and machine-translation artifacts."""

__version__ = "0.1.0"
