"""Layer 6, reading the store to answer questions: timelines, contradictions, the supplier
network and its metrics, the pipeline, full-text search and SHACL validation.
May import layers 0-5; never present, feeds, serve or cli.
"""
