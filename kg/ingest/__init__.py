"""Layer 5, getting data into the store: articles, SIPRI registers, RDF files and curated
facts, the base graphs (ontology, reference) and the linking of article deals to register deals.
May import layers 0-4 (io, vocab, rdf, store, queries, extract); never analysis, present, cli or serve.
"""
