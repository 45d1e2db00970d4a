"""SIPRI Arms Transfers Database exports: registers and TIV tables -> release graphs.

``formats`` detects and parses the file layouts (pure Python), ``values`` reads deal
values in Comments, ``mapping`` builds N-Triples, ``importer`` is the library API
(:func:`import_sipri`) behind ``kg import sipri``.

Decisions, in one place (details in each module):

* **Release identity**: title line + ``Data generated`` + layout -> ``kg.vocab.iris.release_source``;
  one named graph per release; two releases are never merged; the file name is not part
  of the identity.  Re-importing an identical release (same content hash and triple
  count) is skipped; ``force=True`` rewrites it (deterministic: same triples).
* **Deal IRIs**: 17-column: SIPRI AT Database ID; 16-column: the record's ordinal in the
  file (SIPRI gives no key and has byte-identical distinct deals), within the release.
* **Status** (SIPRI states none): signed (nothing delivered), delivered (delivered >=
  ordered), delivering (some delivered, fewer than ordered or number ordered unknown;
  always so for 17-column deals, which carry no Number ordered).
* **Deliveries**: 17-column rows are the deliveries (year, quantity, TIV as given,
  estimate flags).  16-column: a deal delivered in a single year gets that year's exact
  delivery; multi-year deals keep quantity and TIV at deal level (``kg:deliveryYearsText``);
  ``derive_years=True`` adds year-only ``kg:derived true`` nodes, never spread figures.
* **Numbers**: empty Number ordered -> no ``kg:quantity`` (unknown, not 0) and no
  ``kg:tivTotalOrder``; a printed TIV ``0`` -> ``0`` plus ``kg:tivBelowHalf true``.
* **Values in Comments**: first currency is primary (ISO 4217), ``$`` figures give
  ``kg:valueUSD``, ranges keep the lower bound with ``kg:valueAmountMax``, "part of ... deal"
  keeps only ``kg:valueText``.
* **Parties**: resolved with :func:`kg.vocab.reference.resolve_party`; unresolved names marked
  ``*``/``**`` become armed groups / organisations by SIPRI's marker; ``unknown ...``
  placeholders get a fresh ``kg:UnknownParty`` per release and row/deal; any other
  unresolved name skips the row (reported with its line).
* **Categories**: 17-column ``Armament category``; 16-column descriptions through
  ``data/sipri/description_categories.csv`` (every description of the real registers).
"""

from kg.ingest.sipri.importer import FileReport, SipriImporter, import_sipri

__all__ = ["FileReport", "SipriImporter", "import_sipri"]
