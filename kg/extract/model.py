"""The extractor's output: :class:`Claim`, one per deal mention, and its JSON shape.

A *claim* is what one sentence (its *evidence*) of one article says about one arms
transfer: who supplies (``supplier``, plus the company when named), who buys, which weapon
system, at which lifecycle stage (``status``), how many, for how much, when.  Several claims
of one article can describe the same deal (the headline, the contract sentence, the
delivery sentence ...): they share a ``deal_key``.

JSON shape (``Claim.to_dict()``; consumed by the RDF mapper, ``kg extract`` and tests;
keys are never renamed, new keys may be added)::

    {
      "supplier": {"name": "Russia", "iso3": "RUS", "kind": "country"} | null,
      "supplier_company": {"name": "Almaz-Antey"} | null,
      "buyer": {"name": "India", "iso3": "IND", "kind": "country"},
      "system": {"name": "S-400 Triumf", "category": "air-defence"} | null,
      "status": "offered|negotiating|approved|signed|delivering|delivered|delayed|cancelled|unknown",
      "quantity": 5 | null,
      "value": {"amount": 5400000000, "currency": "USD"} | null,
      "order_year": 2018 | null,
      "dates": [{"text": "in 2018", "date": "2018", "role": "order"}, ...],
      "evidence": {"text": "...", "start": 512, "end": 598},
      "confidence": 0.85,
      # extra keys
      "deal_key": "RUS>IND:S-400 Triumf:original",
      "batch": "original" | "additional",
      "negated": false,
      "modality": null | "expected" | "planned" | "possible" | "reported",
      "delayed": false,
      "quantity_delivered": 3 | null,
      "quantity_inferred": false,
      "package_value": {"amount": 25000000000, "currency": "USD"} | null,
      "system_source": "catalogue" | "pattern" | "context" | null,
      "inherited": ["value", "order_year"]
    }

Field notes (the *why* of each choice):

* ``supplier``/``buyer`` are states (``kind="country"``) whenever the text's party
  resolves to one: an agency (FSVTS, DSCA) or a company (Dassault) stands for its country;
  the company itself goes to ``supplier_company``.  Organisations without a country (NATO,
  a rebel group) keep their own kind and ``iso3: null``.
* ``status`` ``"unknown"`` marks a stated supplier relationship without a deal stage
  ("India is turning to France, Israel ... for arms"); ``system`` is then often null.
* ``delayed: true`` with status ``delivering`` is how a partly delivered, late contract
  is reported ("delivered three ... the remaining two have faced delays"); status
  ``delayed`` is used when the sentence reports only the delay.
* ``quantity`` is the deal's total; when the text gives only delivered + remaining,
  it is their sum and ``quantity_inferred`` is true, and when it gives only the first
  batch delivered ("received its first six") it is that count, also inferred (a total
  stated elsewhere for the deal is preferred for its other claims).  ``quantity_delivered``
  is the number delivered so far when stated; a ``delivering`` claim whose sentence states it
  carries it as its ``quantity`` (labelling rule: a count only for the fact it is given for),
  while the deal's other claims keep the total (a ``delayed`` one keeps the total too).
* ``value`` is the deal's value.  A sum covering several purchases ("$25 billion in
  proposals to buy five more S-400s, as well as transport aircraft ...") is not the
  deal's value: it goes to ``package_value`` and ``value`` stays null.
* ``batch: "additional"`` marks a follow-on deal ("five more", "an additional batch",
  "new order") distinct from a contract already signed for the same dyad and system.
* ``negated`` is true when the sentence denies the deal ("denied reports that ...");
  such claims carry low confidence and should not count as evidence for the deal.
* ``inherited`` lists fields copied from other claims of the same deal in the same
  article (e.g. the contract's value on the delivery sentence's claim), so a consumer
  can tell stated from carried-over facts.
* ``dates[].role`` is one of ``order``, ``approval``, ``delivery``, ``expected``,
  ``report`` (the date something was said), ``event``; ``date`` is ISO 8601 at the
  expression's granularity (``"2018"``, ``"2026-03"``, ``"2026-05-26"``) or null when it is
  relative and the article has no publication date.
* ``evidence.text == article.text[start:end]`` always.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.vocab.statuses import STATUS_KEYS

STATUS_VALUES = STATUS_KEYS  # the JSON "status" values (defined in kg.vocab.statuses)
DATE_ROLES = ("order", "approval", "delivery", "expected", "report", "event")


@dataclass(slots=True)
class PartyRef:
    """A party as the JSON shows it."""

    name: str
    iso3: str | None
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "iso3": self.iso3, "kind": self.kind}


@dataclass(slots=True)
class SystemRef:
    """A weapon system: catalogue designation (or the text's spelling when unseen)."""

    name: str
    category: str | None
    origin_iso3: str | None = None
    #: not serialised: the text's spelling and the maker, used to reconcile "Predator" with
    #: "MQ-9B" when one article names the same drone both ways
    surface: str | None = None
    manufacturer: str | None = None
    #: the catalogue record a family name as written stands for when that record pins a variant the
    #: text does not name ("AH-64E Apache" of "Apache"): the claim keeps the family, the store links
    #: the two (``kg:variantOf``) so a query can join them
    catalogue_variant: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "category": self.category,
            "mention": self.surface,
            "catalogue_variant": self.catalogue_variant,
        }


@dataclass(slots=True)
class DateRef:
    """A date expression of the evidence sentence and its role for the deal."""

    text: str
    date: str | None
    role: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "date": self.date, "role": self.role}


@dataclass(slots=True)
class Evidence:
    """The sentence the claim comes from; ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


def no_details() -> dict[str, Any]:
    """The detail fields to reset on a claim made from another for a new pair (a listed customer, a
    bullet item, a replaced gift, a re-export): the source claim's quantities, sums, dates, batch and
    modality belong to its own deal, not the new one.  For ``dataclasses.replace`` or ``Claim(...)``;
    fresh lists on each call (claims are mutable)."""
    return {
        "quantity": None,
        "quantity_delivered": None,
        "quantity_inferred": False,
        "value": None,
        "package_value": None,
        "order_year": None,
        "dates": [],
        "inherited": [],
        "batch": "original",
        "modality": None,
        "delayed": False,
    }


@dataclass(slots=True)
class Claim:
    """One deal mention (see the module docstring for every field)."""

    buyer: PartyRef
    supplier: PartyRef | None
    system: SystemRef | None
    status: str
    evidence: Evidence
    confidence: float
    supplier_company: str | None = None
    quantity: int | None = None
    value: dict[str, Any] | None = None
    order_year: int | None = None
    dates: list[DateRef] = field(default_factory=list)
    deal_key: str = ""
    batch: str = "original"
    negated: bool = False
    modality: str | None = None
    delayed: bool = False
    quantity_delivered: int | None = None
    quantity_inferred: bool = False
    package_value: dict[str, Any] | None = None
    system_source: str | None = None
    inherited: list[str] = field(default_factory=list)
    #: which cues decided the claim ("supplier:from", "buyer:subject:bought", "system:catalogue",
    #: "status:trigger", ...); the confidence is derived from them (docs/extract-json.md)
    cues: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape (module docstring); JSON-serialisable."""
        return {
            "supplier": self.supplier.to_dict() if self.supplier else None,
            "supplier_company": {"name": self.supplier_company} if self.supplier_company else None,
            "buyer": self.buyer.to_dict(),
            "system": self.system.to_dict() if self.system else None,
            "status": self.status,
            "quantity": self.quantity,
            "value": dict(self.value) if self.value else None,
            "order_year": self.order_year,
            "dates": [d.to_dict() for d in self.dates],
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            "deal_key": self.deal_key,
            "batch": self.batch,
            "negated": self.negated,
            "modality": self.modality,
            "delayed": self.delayed,
            "quantity_delivered": self.quantity_delivered,
            "quantity_inferred": self.quantity_inferred,
            "package_value": dict(self.package_value) if self.package_value else None,
            "system_source": self.system_source,
            "inherited": list(self.inherited),
            "cues": list(self.cues),
        }
