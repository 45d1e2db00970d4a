"""The claim JSON of ``kg extract --format json`` (docs/extract-json.md), as the tests check it.

It is a public interface: fields may be added, never renamed or dropped, so every test that
reads it checks these keys against one list.
"""

from __future__ import annotations

#: The keys every claim object carries (others may be added).
CLAIM_KEYS = (
    "supplier",
    "supplier_company",
    "buyer",
    "system",
    "status",
    "quantity",
    "value",
    "order_year",
    "dates",
    "evidence",
    "confidence",
)
