"""Layer 2, RDF mechanics independent of any store: N-Triples term writing and content hash
(:mod:`kg.rdf.terms`), SPARQL parameter bindings and the SPARQL guard.  May import layers 0-1
(:mod:`kg.io`, :mod:`kg.vocab`), never a store or anything above.
"""
