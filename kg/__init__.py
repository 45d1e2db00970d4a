"""kg: a sourced knowledge graph of defence relationships (who arms whom, under which deal, says who)."""

from kg._version import __version__

__all__ = ["__version__"]
