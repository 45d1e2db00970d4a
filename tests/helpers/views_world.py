"""A small hand-written world for the network/view/report tests, as TriG.

India buys from the Soviet Union, Russia, France, Israel, the USA, Germany and the UK over
1980-2024, a few other pairs trade, one register release graph holds every deal (with
register rows and per-year deliveries), and two article graphs assert deals with dated
claims; the links graph ties the article deals to their register deals.  The tables below
are the ground truth the tests recompute expectations from (in plain Python), so a test
never hard-codes an answer the SPARQL layer produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg.vocab import iris, ns

COUNTRIES = {
    "IND": "India",
    "SUN": "Soviet Union",
    "RUS": "Russia",
    "FRA": "France",
    "ISR": "Israel",
    "USA": "United States",
    "DEU": "Germany",
    "GBR": "United Kingdom",
    "PAK": "Pakistan",
    "CHN": "China",
    "SAU": "Saudi Arabia",
    "AFG": "Afghanistan",
    "IRN": "Iran",
    "KOR": "South Korea",
}
HOUTHIS = iris.organisation("group", "Houthi rebels (Yemen)")
RELEASE = iris.release_source("fixture release 2024")


@dataclass
class Deal:
    """One register deal (ground truth)."""

    key: str
    supplier: str  # ISO3 or an IRI string for non-country parties
    buyer: str
    system: str
    category: str
    order_year: int
    quantity: int
    status: str
    deliveries: dict[int, float] = field(default_factory=dict)
    value: tuple[float, str] | None = None
    value_usd: float | None = None
    #: like the 16-column register: multi-year deliveries carry only their year, the TIV
    #: stays at deal level (the analysis spreads it evenly; these deals spread evenly)
    unsplit: bool = False
    #: like the 16-column importer's default: no delivery nodes, only kg:deliveryYearsText
    years_as_text: bool = False

    @property
    def iri(self) -> URIRef:
        return iris.register_deal("fixture", self.key)

    @property
    def tiv(self) -> float:
        return sum(self.deliveries.values())


def _spread(years: range, each: float) -> dict[int, float]:
    return dict.fromkeys(years, each)


DEALS: list[Deal] = [
    # India's imports, 1980-2024
    Deal(
        "mig21",
        "SUN",
        "IND",
        "MiG-21bis",
        "aircraft",
        1976,
        150,
        "delivered",
        {1980: 200, 1981: 200, 1982: 100},
    ),
    Deal(
        "t72",
        "SUN",
        "IND",
        "T-72",
        "armoured-vehicles",
        1980,
        500,
        "delivered",
        _spread(range(1982, 1987), 100),
        years_as_text=True,
    ),
    Deal("mig29", "SUN", "IND", "MiG-29", "aircraft", 1984, 66, "delivered", _spread(range(1986, 1991), 150)),
    Deal(
        "kilo",
        "SUN",
        "IND",
        "Kilo",
        "ships",
        1984,
        8,
        "delivered",
        _spread(range(1986, 1992), 200),
        unsplit=True,
    ),
    Deal(
        "su30",
        "RUS",
        "IND",
        "Su-30MK",
        "aircraft",
        1996,
        140,
        "delivered",
        _spread(range(2002, 2011), 300),
        years_as_text=True,
    ),
    Deal(
        "t90",
        "RUS",
        "IND",
        "T-90S",
        "armoured-vehicles",
        2001,
        310,
        "delivered",
        _spread(range(2004, 2009), 100),
    ),
    Deal(
        "s400",
        "RUS",
        "IND",
        "S-400 Triumf",
        "air-defence",
        2018,
        10,
        "delivering",
        {2021: 130, 2022: 130, 2023: 130},
        value=(390e9, "INR"),
        value_usd=5.4e9,
    ),
    Deal(
        "konkurs",
        "RUS",
        "IND",
        "Konkurs",
        "missiles",
        2012,
        10000,
        "delivered",
        _spread(range(2013, 2018), 40),
    ),
    Deal("m2000", "FRA", "IND", "Mirage-2000", "aircraft", 1982, 40, "delivered", {1985: 200, 1986: 200}),
    Deal(
        "rafale",
        "FRA",
        "IND",
        "Rafale",
        "aircraft",
        2016,
        36,
        "delivered",
        {2019: 220, 2020: 495, 2021: 1045, 2022: 220},
        value=(7.87e9, "EUR"),
    ),
    Deal(
        "scorpene", "FRA", "IND", "Scorpene", "ships", 2005, 6, "delivered", _spread(range(2017, 2024), 100)
    ),
    Deal(
        "barak8",
        "ISR",
        "IND",
        "Barak-8",
        "missiles",
        2017,
        975,
        "delivering",
        _spread(range(2016, 2024), 100),
    ),
    Deal("heron", "ISR", "IND", "Heron", "aircraft", 2005, 50, "delivered", _spread(range(2006, 2011), 20)),
    Deal(
        "c17", "USA", "IND", "C-17A Globemaster-3", "aircraft", 2011, 11, "delivered", {2013: 300, 2014: 300}
    ),
    Deal(
        "p8i",
        "USA",
        "IND",
        "P-8A Poseidon",
        "aircraft",
        2009,
        12,
        "delivered",
        _spread(range(2012, 2016), 150),
    ),
    Deal(
        "mh60",
        "USA",
        "IND",
        "MH-60R Seahawk",
        "aircraft",
        2020,
        24,
        "delivering",
        _spread(range(2021, 2025), 60),
    ),
    Deal(
        "type209",
        "DEU",
        "IND",
        "Type-209/1500",
        "ships",
        1981,
        4,
        "delivered",
        {1986: 150, 1987: 150, 1992: 150, 1994: 150},
    ),
    Deal("mtu", "DEU", "IND", "MTU-396", "engines", 2010, 90, "delivered", _spread(range(2012, 2021), 10)),
    Deal(
        "seaharrier",
        "GBR",
        "IND",
        "Sea Harrier",
        "aircraft",
        1979,
        30,
        "delivered",
        _spread(range(1983, 1986), 50),
    ),
    # other pairs
    Deal(
        "jf17",
        "CHN",
        "PAK",
        "JF-17 Thunder",
        "aircraft",
        2005,
        150,
        "delivered",
        _spread(range(2007, 2016), 100),
    ),
    Deal("f16pak", "USA", "PAK", "F-16A", "aircraft", 1981, 40, "delivered", _spread(range(1983, 1988), 80)),
    Deal("f15sau", "USA", "SAU", "F-15C", "aircraft", 1978, 62, "delivered", _spread(range(1981, 1987), 200)),
    Deal(
        "tornado",
        "GBR",
        "SAU",
        "Tornado",
        "aircraft",
        1985,
        96,
        "delivered",
        _spread(range(1986, 1999), 150),
        years_as_text=True,
    ),
    Deal("su27", "RUS", "CHN", "Su-27", "aircraft", 1990, 26, "delivered", _spread(range(1992, 1997), 200)),
    Deal("mi25afg", "IND", "AFG", "Mi-25", "aircraft", 2015, 4, "delivered", {2015: 6.6, 2016: 6.6}),
    Deal("houthi", "IRN", str(HOUTHIS), "Burkan-2", "missiles", 2016, 20, "delivered", {2017: 10, 2018: 10}),
]

#: Articles: (key, headline, url, date, [(deal supplier, buyer, system, order year,
#: status, event date, evidence, linked register deal key or None, value)]).
ARTICLES = [
    (
        "rafale-signed",
        "India signs €7.87 billion deal for 36 Rafale jets",
        "https://news.example.org/2016/09/rafale",
        "2016-09-23",
        [
            (
                "FRA",
                "IND",
                "Rafale",
                2016,
                "signed",
                "2016-09-23",
                "India and France signed an inter-governmental agreement for 36 Rafale fighters.",
                "rafale",
                (7.87e9, "EUR"),
            )
        ],
    ),
    (
        "s400-delivery",
        "First S-400 squadron arrives in India",
        "https://news.example.org/2021/12/s400",
        "2021-12-14",
        [
            (
                "RUS",
                "IND",
                "S-400 Triumf",
                2018,
                "delivering",
                "2021-12-14",
                "Russia began delivering the S-400 air defence system to India this month.",
                "s400",
                None,
            ),
            (
                "FRA",
                "IND",
                "Rafale-M",
                2025,
                "signed",
                "2021-12-14",
                "Officials also said a naval Rafale-M order was being prepared.",
                None,
                (6.3e9, "EUR"),
            ),
            (
                "KOR",
                "IND",
                "K9 Vajra",
                2017,
                "signed",
                "2021-12-14",
                "The army has ordered 100 K9 Vajra howitzers from South Korea.",
                None,
                None,
            ),
        ],
    ),
]


def _iri_of(code: str) -> URIRef:
    return URIRef(code) if code.startswith("http") else iris.country(code)


def _lit(v: object, dt: URIRef | None = None) -> str:
    return (Literal(v, datatype=dt) if dt else Literal(v)).n3()


def party_label(code: str) -> str:
    return "Houthi rebels (Yemen)" if code == str(HOUTHIS) else COUNTRIES[code]


def graphs(extra_parties: dict[URIRef, tuple[URIRef, str]] | None = None) -> dict[URIRef, str]:
    """Named graph IRI -> N-Triples text for the whole world."""
    out: dict[URIRef, list[str]] = {}

    def add(g: URIRef, s: URIRef, p: URIRef, o: str) -> None:
        out.setdefault(g, []).append(f"{s.n3()} {p.n3()} {o} .")

    ref = iris.REFERENCE_GRAPH
    for iso3, name in COUNTRIES.items():
        c = iris.country(iso3)
        add(ref, c, RDF.type, ns.Country.n3())
        add(ref, c, RDFS.label, _lit(name))
        add(ref, c, ns.iso3, _lit(iso3))
        if iso3 == "SUN":
            add(ref, c, ns.historical, _lit(True))
    add(ref, HOUTHIS, RDF.type, ns.NonStateArmedGroup.n3())
    add(ref, HOUTHIS, RDFS.label, _lit("Houthi rebels (Yemen)"))
    for iri, (kind, label) in (extra_parties or {}).items():
        add(ref, iri, RDF.type, kind.n3())
        add(ref, iri, RDFS.label, _lit(label))

    g = RELEASE
    add(g, g, RDF.type, ns.DatasetRelease.n3())
    add(g, g, ns.releaseTitle, _lit("Fixture register (SIPRI-like), all deals 1950-2024"))
    add(g, g, ns.dataGenerated, _lit("2024-10-13", XSD.date))
    for row, d in enumerate(DEALS, start=12):
        deal = d.iri
        sys_iri = iris.system(d.system)
        add(g, sys_iri, RDF.type, ns.WeaponSystem.n3())
        add(g, sys_iri, RDFS.label, _lit(d.system))
        add(g, sys_iri, ns.category, URIRef(str(ns.CATEGORIES[d.category])).n3())
        add(g, deal, RDF.type, ns.Deal.n3())
        add(g, deal, ns.supplier, _iri_of(d.supplier).n3())
        add(g, deal, ns.buyer, _iri_of(d.buyer).n3())
        add(g, deal, ns.weaponSystem, sys_iri.n3())
        add(g, deal, ns.orderYear, _lit(d.order_year))
        add(g, deal, ns.quantity, _lit(d.quantity))
        add(g, deal, ns.status, URIRef(str(ns.STATUSES[d.status])).n3())
        add(g, deal, ns.tivDelivered, _lit(d.tiv, XSD.decimal))
        if d.value:
            add(g, deal, ns.valueAmount, _lit(d.value[0], XSD.decimal))
            add(g, deal, ns.valueCurrency, _lit(d.value[1]))
        if d.value_usd:
            add(g, deal, ns.valueUSD, _lit(d.value_usd, XSD.decimal))
        if d.years_as_text:
            add(g, deal, ns.deliveryYearsText, _lit("; ".join(str(y) for y in sorted(d.deliveries))))
        for year, tiv in d.deliveries.items():
            if d.years_as_text:
                continue
            dv = iris.delivery(str(deal), year)
            add(g, deal, ns.delivery, dv.n3())
            add(g, dv, RDF.type, ns.Delivery.n3())
            add(g, dv, ns.deliveryYear, _lit(year))
            if not d.unsplit:
                add(g, dv, ns.tiv, _lit(tiv, XSD.decimal))
        rec = iris.record(str(g), row)
        add(g, deal, PROV.wasDerivedFrom, rec.n3())
        add(g, rec, RDF.type, ns.RegisterRecord.n3())
        add(g, rec, ns.rowNumber, _lit(row))
        add(g, rec, ns.release, g.n3())

    links = iris.LINKS_GRAPH
    for key, headline, url, date, deals in ARTICLES:
        a = iris.article_source(url)
        add(a, a, RDF.type, ns.NewsArticle.n3())
        add(a, a, ns.SCHEMA.headline, _lit(headline))
        add(a, a, ns.SCHEMA.url, _lit(url, XSD.anyURI))
        add(a, a, ns.SCHEMA.datePublished, _lit(date, XSD.date))
        for sup, buy, system, year, status, event, evidence, linked, value in deals:
            sys_iri = iris.system(system)
            deal = iris.article_deal(str(iris.country(sup)), str(iris.country(buy)), str(sys_iri), year)
            add(a, deal, RDF.type, ns.Deal.n3())
            add(a, deal, ns.supplier, iris.country(sup).n3())
            add(a, deal, ns.buyer, iris.country(buy).n3())
            add(a, deal, ns.weaponSystem, sys_iri.n3())
            add(a, deal, ns.orderYear, _lit(year))
            add(a, deal, ns.status, URIRef(str(ns.STATUSES[status])).n3())
            if value:
                add(a, deal, ns.valueAmount, _lit(value[0], XSD.decimal))
                add(a, deal, ns.valueCurrency, _lit(value[1]))
            if linked is None:  # systems only articles know: typed in the article graph
                add(a, sys_iri, RDF.type, ns.WeaponSystem.n3())
                add(a, sys_iri, RDFS.label, _lit(system))
                cat = "aircraft" if system == "Rafale-M" else "artillery"
                add(a, sys_iri, ns.category, URIRef(str(ns.CATEGORIES[cat])).n3())
            claim = iris.claim(str(a), key, system)
            add(a, claim, RDF.type, ns.Claim.n3())
            add(a, claim, ns.about, deal.n3())
            add(a, claim, PROV.wasDerivedFrom, a.n3())
            add(a, claim, ns.status, URIRef(str(ns.STATUSES[status])).n3())
            add(a, claim, ns.evidenceText, _lit(evidence))
            add(a, claim, ns.eventDate, _lit(event, XSD.date))
            add(a, claim, ns.confidence, _lit(0.9, XSD.decimal))
            if system == "S-400 Triumf":  # a denial and an expectation about the same deal
                for tag, st, neg, mod, text in (
                    (
                        "denial",
                        "cancelled",
                        True,
                        None,
                        "Officials denied that the S-400 order was cancelled.",
                    ),
                    ("outlook", "delivered", False, "expected", "The last squadron is expected by 2026."),
                ):
                    c2 = iris.claim(str(a), key, system, tag)
                    add(a, c2, RDF.type, ns.Claim.n3())
                    add(a, c2, ns.about, deal.n3())
                    add(a, c2, ns.status, URIRef(str(ns.STATUSES[st])).n3())
                    add(a, c2, ns.evidenceText, _lit(text))
                    add(a, c2, ns.eventDate, _lit(event, XSD.date))
                    if neg:
                        add(a, c2, ns.negated, _lit(True))
                    if mod:
                        add(a, c2, ns.modality, _lit(mod))
            if linked:
                target = next(d for d in DEALS if d.key == linked).iri
                link = iris.link(str(deal), str(target))
                add(links, link, RDF.type, ns.DealLink.n3())
                add(links, link, ns.linkFrom, deal.n3())
                add(links, link, ns.linkTo, target.n3())
                add(links, link, ns.linkScore, _lit(0.95, XSD.decimal))
    return {g: "\n".join(lines) + "\n" for g, lines in out.items()}


def load(store, extra_parties: dict[URIRef, tuple[URIRef, str]] | None = None) -> None:
    """Write the world into ``store`` (any :class:`kg.store.Store`)."""
    store.replace_graphs(graphs(extra_parties))


def india_volume_by_supplier(years: range | None = None) -> dict[str, float]:
    """Delivered TIV to India by supplier ISO3 (register only), optionally within years."""
    out: dict[str, float] = {}
    for d in DEALS:
        if d.buyer != "IND":
            continue
        for y, t in d.deliveries.items():
            if years is None or y in years:
                out[d.supplier] = out.get(d.supplier, 0.0) + t
    return out


def pair_volumes(years: range | None = None) -> dict[tuple[str, str], float]:
    """Delivered TIV per (supplier IRI, buyer IRI) of the register deals, optionally within years."""
    out: dict[tuple[str, str], float] = {}
    for d in DEALS:
        pair = (str(_iri_of(d.supplier)), str(_iri_of(d.buyer)))
        for y, t in d.deliveries.items():
            if years is None or y in years:
                out[pair] = out.get(pair, 0.0) + t
    return out


#: Hostile strings: markup, script end tags, event handlers and javascript: URLs.  The
#: browser test asserts that none of them runs (each would set ``window.__xss``).
EVIL_NAME = '<img src=x onerror="window.__xss=1">Evil</script><script>window.__xss=2</script> Arms href'
EVIL_SYSTEM = "<img src=x onerror=window.__xss=5>Rocket $x$ | *bold*"
EVIL_HEADLINE = "<script>window.__xss=6</script>Evil deal href=javascript:alert(1)"
EVIL_URL = "javascript:window.__xss=3"
EVIL_EVIDENCE = "Evil Arms </script><script>window.__xss=4</script> sold <b>rockets</b> to India."
EVIL_PARTY = iris.organisation("company", "evil arms")
EVIL_ARTICLE = iris.article_source("evil-article")


def hostile_graphs() -> dict[URIRef, str]:
    """The world plus a hostile company selling to India, from a hostile article."""
    out = graphs()
    ref: list[str] = []
    art: list[str] = []
    a = EVIL_ARTICLE
    sys_iri = iris.system("evil rocket")
    deal = iris.article_deal(str(EVIL_PARTY), str(iris.country("IND")), str(sys_iri), 2023)
    claim = iris.claim(str(a), "evil")

    def t(lines: list[str], s: URIRef, p: URIRef, o: str) -> None:
        lines.append(f"{s.n3()} {p.n3()} {o} .")

    t(ref, EVIL_PARTY, RDF.type, ns.Company.n3())
    t(ref, EVIL_PARTY, RDFS.label, _lit(EVIL_NAME))
    t(art, a, RDF.type, ns.NewsArticle.n3())
    t(art, a, ns.SCHEMA.headline, _lit(EVIL_HEADLINE))
    t(art, a, ns.SCHEMA.url, _lit(EVIL_URL))
    t(art, a, ns.SCHEMA.datePublished, _lit("2023-05-01", XSD.date))
    t(art, sys_iri, RDF.type, ns.WeaponSystem.n3())
    t(art, sys_iri, RDFS.label, _lit(EVIL_SYSTEM))
    t(art, deal, RDF.type, ns.Deal.n3())
    t(art, deal, ns.supplier, EVIL_PARTY.n3())
    t(art, deal, ns.buyer, iris.country("IND").n3())
    t(art, deal, ns.weaponSystem, sys_iri.n3())
    t(art, deal, ns.orderYear, _lit(2023))
    t(art, deal, ns.status, URIRef(str(ns.STATUSES["signed"])).n3())
    t(art, claim, RDF.type, ns.Claim.n3())
    t(art, claim, ns.about, deal.n3())
    t(art, claim, ns.status, URIRef(str(ns.STATUSES["signed"])).n3())
    t(art, claim, ns.evidenceText, _lit(EVIL_EVIDENCE))
    t(art, claim, ns.eventDate, _lit("2023-05-01", XSD.date))
    out[iris.REFERENCE_GRAPH] += "\n".join(ref) + "\n"
    out[a] = "\n".join(art) + "\n"
    return out


def load_hostile(store) -> None:
    """Write the world and the hostile company/article into ``store``."""
    store.replace_graphs(hostile_graphs())
