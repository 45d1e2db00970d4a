"""SIPRI Arms Transfers Database exports: registers and TIV tables -> release graphs.

``formats`` detects and parses the file layouts (pure Python), ``values`` reads deal
values in Comments, ``mapping`` builds N-Triples, ``importer`` is the library API
(:func:`import_sipri`) behind ``kg import sipri``.
"""

from kg.sipri.importer import FileReport, ImportReport, import_file, import_sipri

__all__ = ["FileReport", "ImportReport", "import_file", "import_sipri"]
