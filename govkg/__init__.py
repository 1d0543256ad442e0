"""govkg: a knowledge graph of Chinese local governance built from local news."""

__version__ = "0.1.0"
