"""Layer 7, turning analysis into things people read: HTML views, the report and comparisons.
May import layers 0-6; never feeds, serve or cli.
"""
