"""Timeline dating: an event's date is the date the source gives for that event.

Not the year the sentence gives another event ("delivering ... under a contract signed in
2018"), not the day someone spoke ("an official said on Tuesday"), and not the article's
date: such claims are undated events, ordered by the date of their report.
"""

from __future__ import annotations

from kg.analysis.evidence import DealEvidence, SourceDoc, StoredClaim, event_dates
from kg.analysis.timeline import build_events, claim_events

ARTICLE = "urn:x-test:article"


def claim(status: str, dates: set[str], text: str) -> StoredClaim:
    return StoredClaim(
        iri="urn:x-test:c",
        deal="urn:x-test:deal",
        source=ARTICLE,
        statuses={status},
        dates=dates,
        evidence=text,
    )


def test_signing_year_does_not_date_the_deliveries() -> None:
    c = claim(
        "delivering",
        {"2018"},
        "Russia has started delivering the air defence systems under a $5.43 billion contract signed in 2018.",
    )
    assert event_dates(c) == []
    signed = claim("signed", {"2018"}, "The talks come as Moscow wraps up a contract signed in 2018.")
    assert event_dates(signed) == ["2018"]
    delivered = claim("delivering", {"2023"}, "Russia delivered the first three systems by 2023.")
    assert event_dates(delivered) == ["2023"]


def test_the_day_someone_spoke_is_not_the_event_date() -> None:
    c = claim(
        "delivering",
        {"2026-05-19"},
        "Deliveries of the remaining units have resumed, a defence ministry official said on Tuesday.",
    )
    assert event_dates(c) == []
    dated = claim(
        "delivering",
        {"2026-05-19"},
        "The last unit was delivered on May 19, 2026, the ministry said on Tuesday.",
    )
    assert event_dates(dated) == ["2026-05-19"]


def test_undated_events_sort_by_their_report() -> None:
    source = SourceDoc(graph=ARTICLE, kind="article", title="t", date="2021-12-14")
    c = claim("delivering", {"2018"}, "Russia has started delivering S-400 under a contract signed in 2018.")
    [(date, kind, expected, _)] = claim_events(c, source)
    assert (date, kind, expected) == ("", "delivery", False)  # not 2018, not the article's date
    ev = DealEvidence()
    ev.sources[ARTICLE] = source
    ev.claims["urn:x-test:deal"] = [c, claim("signed", {"2018"}, "a contract signed in 2018")]
    events = build_events(ev, ["urn:x-test:deal"])
    assert [(e.date, e.kind, e.reported) for e in events] == [
        ("2018", "order", ""),
        ("", "delivery", "2021-12-14"),
    ]
