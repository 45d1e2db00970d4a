"""The package version, in a module of its own (rank 0) so any layer can read it.

``kg/__init__.py`` re-exports it; keeping it here lets ``kg/__init__`` import the library API
without ``kg.io.fetch`` (which needs the version for its User-Agent) importing ``kg`` back.
"""

__version__ = "0.1.0"
