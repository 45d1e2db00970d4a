"""Layer 1, the vocabulary: namespaces and concept keys (statuses, categories), IRI minting
and the reference tables (countries, companies, systems).  What every other layer names things
with; may import only layer 0 (:mod:`kg.errors`, :mod:`kg.io`).
"""
