"""Articles from the web: RSS/Atom feeds (:mod:`kg.feeds.run`), fetched pages
(:mod:`kg.feeds.web`), near-duplicate stories (:mod:`kg.feeds.dedup`) and the digest of a
run (:mod:`kg.feeds.digest`).  HTTP itself is :mod:`kg.fetch`.
"""
