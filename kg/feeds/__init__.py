"""Articles from the web: RSS/Atom feeds (:mod:`kg.feeds.run`), fetched pages
(:mod:`kg.feeds.web`), near-duplicate stories (:mod:`kg.feeds.dedup`) and the digest of a
run (:mod:`kg.feeds.digest`).  HTTP itself is :mod:`kg.io.fetch`.

Layer 8 (beside :mod:`kg.serve`): may import layers 0-8; never :mod:`kg.cli`.
"""
