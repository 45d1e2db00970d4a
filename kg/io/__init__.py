"""Layer 0, input/output primitives: atomic file writes, the files shipped with the package
(ontology/, data/), spreadsheet-safe CSV cells and the defensive HTTP fetcher.  Knows nothing of
RDF or deals; may import only the standard library, third-party packages, :mod:`kg.errors` and
:mod:`kg._version`.
"""
