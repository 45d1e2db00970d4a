"""Benchmarks, generators and maintenance scripts, run as files (``python scripts/NAME.py``).

A package too, so that the tests import the few modules they share with the scripts as
``scripts.<module>`` (pytest puts the repository root on the path: ``pythonpath`` in
pyproject.toml): the real servers on loopback (``servers``), hostile inputs (``hostile_data``),
the local news site (``feeds_site``), the SSRF spellings and listener, extraction scoring and
the generators.  No module here imports from ``tests/`` (tests/project/test_tests_scripts_imports.py).
"""
