"""Namespaces and ontology terms, declared once and used everywhere.

Every IRI the code mints or reads lives here (or in :mod:`kg.vocab.iris` for instance IRIs) so
that a test can check each term against ``ontology/kg.ttl``.  Nothing else in ``kg/``
should spell an ontology IRI by hand.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.vocab.statuses import MODALITIES as _MODALITIES

#: The ontology namespace (classes, properties, concept schemes).  Stable: documented in
#: ``ontology/README.md``; never change it, deprecate terms instead.
KG = Namespace("https://w3id.org/defence-kg/ontology#")
#: Base of every minted instance IRI (parties, systems, deals, sources, claims, graphs).
ID = Namespace("https://w3id.org/defence-kg/id/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, Namespace] = {
    "kg": KG,
    "kgid": ID,
    "prov": PROV,
    "schema": SCHEMA,
    "skos": SKOS,
    "rdfs": RDFS,
    "rdf": RDF,
    "owl": OWL,
    "xsd": XSD,
    "dcterms": DCTERMS,
    "wd": WD,
}

#: SPARQL prologue with every prefix above; prepended to named and internal queries.
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

# --- classes --------------------------------------------------------------------------
Party = KG.Party
Country = KG.Country
Company = KG.Company
GovernmentAgency = KG.GovernmentAgency
InternationalOrganisation = KG.InternationalOrganisation
NonStateArmedGroup = KG.NonStateArmedGroup
UnknownParty = KG.UnknownParty
WeaponSystem = KG.WeaponSystem
Deal = KG.Deal
Delivery = KG.Delivery
Source = KG.Source
NewsArticle = KG.NewsArticle
DatasetRelease = KG.DatasetRelease
RegisterRecord = KG.RegisterRecord
Claim = KG.Claim
DealLink = KG.DealLink

#: The kinds of party a record can be (key used in data files, the CLI and the views -> class):
#: the one table the RDF writer, the views' rows and the store's statistics read.
PARTY_CLASSES: dict[str, object] = {
    "country": Country,
    "company": Company,
    "agency": GovernmentAgency,
    "org": InternationalOrganisation,
    "group": NonStateArmedGroup,
}

# --- concept schemes -----------------------------------------------------------------
WeaponCategoryScheme = KG.WeaponCategoryScheme
DealStatusScheme = KG.DealStatusScheme
ModalityScheme = KG.ModalityScheme
NonFactualModalities = KG.NonFactualModalities  # skos:Collection of the modalities that are no evidence

#: SIPRI weapon categories: key (used in data files and the CLI) -> concept IRI.
CATEGORIES: dict[str, object] = {
    "aircraft": KG.Aircraft,
    "air-defence": KG.AirDefenceSystems,
    "anti-submarine": KG.AntiSubmarineWarfare,
    "armoured-vehicles": KG.ArmouredVehicles,
    "artillery": KG.Artillery,
    "engines": KG.Engines,
    "missiles": KG.Missiles,
    "naval-weapons": KG.NavalWeapons,
    "satellites": KG.Satellites,
    "sensors": KG.Sensors,
    "ships": KG.Ships,
    "other": KG.OtherCategory,
}

#: Deal statuses: key -> concept IRI, in the order of :data:`kg.vocab.statuses.STATUS_KEYS`
#: (the lifecycle and its order are defined there, and as kg:lifecycleRank in kg.ttl).
STATUSES: dict[str, object] = {
    "offered": KG.Offered,
    "negotiating": KG.Negotiating,
    "approved": KG.Approved,
    "signed": KG.Signed,
    "delivering": KG.Delivering,
    "delivered": KG.Delivered,
    "delayed": KG.Delayed,
    "cancelled": KG.Cancelled,
    "unknown": KG.StatusUnknown,
}
#: Status concept IRI (as a string, the form query rows give) -> status key.
STATUS_KEY_BY_IRI: dict[str, str] = {str(iri): key for key, iri in STATUSES.items()}

#: Claim modalities: the token stored as the kg:modality string -> the concept documenting it
#: (the tokens and their meaning are defined once, in :data:`kg.vocab.statuses.MODALITIES`).
MODALITY_CONCEPTS: dict[str, object] = {key: KG["Modality" + key.capitalize()] for key in _MODALITIES}
lifecycleRank = KG.lifecycleRank  # status concept -> its position in the normal lifecycle

# --- party properties ----------------------------------------------------------------
iso2 = KG.iso2
iso3 = KG.iso3
country = KG.country  # agency/company -> the country it belongs to
historical = KG.historical  # boolean: a state that no longer exists (USSR, GDR ...)
demonym = KG.demonym

# --- weapon-system properties ---------------------------------------------------------
designation = KG.designation
description = KG.description
category = KG.category
originCountry = KG.originCountry
manufacturer = KG.manufacturer
variantOf = KG.variantOf  # a catalogue variant -> the family a source names (AH-64E Apache -> Apache)

# --- deal properties -----------------------------------------------------------------
supplier = KG.supplier
buyer = KG.buyer
supplierCompany = KG.supplierCompany
weaponSystem = KG.weaponSystem
quantity = KG.quantity
quantityUncertain = KG.quantityUncertain
valueAmount = KG.valueAmount
valueCurrency = KG.valueCurrency
valueUSD = KG.valueUSD
valueText = KG.valueText
orderYear = KG.orderYear
orderYearUncertain = KG.orderYearUncertain
status = KG.status
secondHand = KG.secondHand
transferCondition = KG.transferCondition
localProduction = KG.localProduction
comments = KG.comments
tivPerUnit = KG.tivPerUnit
tivDelivered = KG.tivDelivered
quantityDelivered = KG.quantityDelivered
deliveryYearsText = KG.deliveryYearsText
sipriDealId = KG.sipriDealId
delivery = KG.delivery
additionalBatch = KG.additionalBatch

# --- delivery properties -------------------------------------------------------------
deliveryYear = KG.deliveryYear
tiv = KG.tiv
estimated = KG.estimated
derived = KG.derived

# --- source properties ---------------------------------------------------------------
contentHash = KG.contentHash
dataGenerated = KG.dataGenerated
releaseTitle = KG.releaseTitle
rowNumber = KG.rowNumber
release = KG.release
sourceFile = KG.sourceFile
importState = KG.importState
fromFeed = KG.fromFeed
firstFetched = KG.firstFetched
textLength = KG.textLength
textSignature = KG.textSignature
sameStoryAs = KG.sameStoryAs

# --- claim properties ----------------------------------------------------------------
about = KG.about
evidenceText = KG.evidenceText
evidenceStart = KG.evidenceStart
evidenceEnd = KG.evidenceEnd
confidence = KG.confidence
eventDate = KG.eventDate
negated = KG.negated
modality = KG.modality

# --- link properties (article deal <-> register deal) --------------------------------
linkFrom = KG.linkFrom
linkTo = KG.linkTo
linkScore = KG.linkScore
linkReason = KG.linkReason
linkCandidate = KG.linkCandidate

# --- SIPRI register and TIV-table terms (kg.ingest.sipri) -----------------------------------
TivObservation = KG.TivObservation  # one (country, year) figure of a SIPRI TIV table
importer = KG.importer  # TivObservation -> the importing party
exporter = KG.exporter  # TivObservation -> the exporting party
year = KG.year  # TivObservation: calendar year (xsd:integer)
tivBelowHalf = KG.tivBelowHalf  # true: SIPRI printed 0, meaning a TIV between 0 and 0.5
tivTotalOrder = KG.tivTotalOrder  # Deal: SIPRI 'TIV for total order' (absent when unknown)
tivBasePerUnit = KG.tivBasePerUnit  # Deal: SIPRI estimate of one *new* unit (F3 'SIPRI estimate')
quantityDeliveredUncertain = KG.quantityDeliveredUncertain  # Deal: '?' on Number delivered
deliveryYearUncertain = KG.deliveryYearUncertain  # Delivery: 'Delivery year is estimate'
valueAmountMax = KG.valueAmountMax  # upper bound when the value is a range ('$3-5.4 b')

__all__ = [name for name in dir() if not name.startswith("_")]
