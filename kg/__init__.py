"""kg: a sourced knowledge graph of defence relationships (who arms whom, under which deal, says who)."""

__version__ = "0.1.0"
