"""Bullet lines of one buyer's acquisitions that name a seller but no verb (issue 13, helper lists25).

Why: fact boxes list a state's purchases one per line ("- 12 X helicopters from A, delivered in
2021;" then "- Y drones from B.").  A line with a seller and no stage word is no sentence the general
steps can read, so its item was dropped while the lines around it, which carry a verb, were claimed.
Such a line is the next item of the list its sibling line opened: a transfer from the line's seller
to the sibling's buyer, at the lead-in's stage (else unknown), with the count that opens the line.
The sentences are invented; the limits: a line that names the buyer, a line with no sibling deal
before it, a state named as no source of the item.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims, facts

PUB = date(2025, 6, 2)
#: (buyer name, buyer iso3)
BUYERS = [("Kenya", "KEN"), ("Ghana", "GHA"), ("Peru", "PER")]
#: (first line, its seller iso3, its system): a line with its own verb
FIRSTS = [
    ("12 Z-9 helicopters from China, delivered in 2021;", "CHN", "Z-9"),
    ("three JF-17 fighters from Pakistan, inducted the same year;", "PAK", "JF-17"),
]
#: (verb-less line, its seller iso3, a word of its system, its count)
BARES = [
    ("Bayraktar TB2 armed drones from Turkey.", "TUR", "TB2", None),
    ("10 Giraffe 4A radars from Sweden's Saab", "SWE", "Giraffe", 10),
    ("four Caesar howitzers from France", "FRA", "Caesar", 4),
]


def _box(buyer: str, lead_in: str, mark: str, lines: list[str]) -> str:
    return (
        f"{buyer}'s armed forces are being re-equipped. {lead_in}\n"
        + "".join(f"{mark} {line}\n" for line in lines)
        + "\nThe ministry declined to comment."
    )


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(BUYERS),
    st.sampled_from(["These are the latest foreign arrivals:", "Among the purchases of recent years:"]),
    st.sampled_from(["-", "*"]),
    st.sampled_from(FIRSTS),
    st.sampled_from(BARES),
)
def test_a_verbless_bullet_with_a_seller_is_the_next_item_of_the_list(
    buyer: tuple[str, str],
    lead_in: str,
    mark: str,
    first: tuple[str, str, str],
    bare: tuple[str, str, str, int | None],
) -> None:
    """Pattern "- N X from A, delivered ...;" then "- M Y from B": B sells Y to the list's buyer."""
    name, iso = buyer
    line, seller, word, count = bare
    text = _box(name, lead_in, mark, [first[0], line])
    got = [c for c in claims(text, PUB) if c["system"] and word.lower() in c["system"]["name"].lower()]
    assert any(c["supplier"]["iso3"] == seller and c["buyer"]["iso3"] == iso for c in got), got
    if count is not None:
        assert any(c["quantity"] == count for c in got), got


def test_the_lead_ins_stage_passes_to_the_verbless_line() -> None:
    """A lead-in with a stage word ("It has since ordered:") gives the line that stage."""
    text = (
        "Ghana bought four Z-9 helicopters from China in 2019. It has since ordered:\n"
        "- two JF-17 fighters from Pakistan, signed in March;\n"
        "- four Caesar howitzers from France\n"
        "\nThe ministry declined to comment."
    )
    assert any(
        f[:2] == ("FRA", "GHA") and f[2] and "caesar" in f[2].lower() and f[3] == "signed"
        for f in facts(text, PUB)
    )


def test_no_sibling_deal_no_item() -> None:
    """Limit: a verb-less line with no deal told on the line before it stays unplaced."""
    text = (
        "Peru's armed forces are being re-equipped. Items on display:\n"
        "- four Caesar howitzers from France\n"
        "\nThe ministry declined to comment."
    )
    assert not [f for f in facts(text, PUB) if f[2] and "caesar" in f[2].lower()]


def test_a_line_naming_the_buyer_or_no_source_is_left_alone() -> None:
    """Limits: a line naming the list's buyer tells its own fact; a state named without "from", a
    possessive or a demonym ("retired in A") is no seller of the item."""
    text = _box(
        "Kenya",
        "These are the latest foreign arrivals:",
        "-",
        [
            FIRSTS[0][0],
            "four Caesar howitzers now based in Kenya",
            "Bayraktar TB2 drones, once tested in Libya",
        ],
    )
    got = facts(text, PUB)
    assert not [f for f in got if f[2] and ("caesar" in f[2].lower() or "TB2" in f[2])]
