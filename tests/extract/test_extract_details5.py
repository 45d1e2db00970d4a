"""Counts and sums of real-news deal sentences (helper details5), each pattern in our own words
(never text of ``../shared/eval`` or the labelled sets).

Each test names the wording and fails without the rule it guards.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text

PUB = date(2025, 6, 1)


def _details(text: str) -> dict[str, tuple]:
    """System name -> (quantity, (amount, currency) or None) of the non-negated claims."""
    out: dict[str, tuple] = {}
    for claim in extract_text(text, PUB):
        c = claim.to_dict()
        if claim.negated or not c["system"]:
            continue
        v = c["value"]
        out[c["system"]["name"]] = (c["quantity"], (v["amount"], v["currency"]) if v else None)
    return out


def _quantity(text: str) -> int | None:
    (q,) = {q for q, _v in _details(text).values()}
    return q


# -- "handed over N": the particle of a phrasal verb, not "more than N" ----------------------------
@settings(max_examples=25, deadline=None)
@given(
    verb=st.sampled_from(["has handed over", "handed over", "hands over"]),
    n=st.integers(2, 90),
)
def test_handed_over_n_counts_the_items(verb: str, n: int) -> None:
    assert _quantity(f"Poland {verb} {n} T-72 tanks to Ukraine, the ministry said.") == n


def test_over_n_still_means_more_than_n() -> None:
    assert _quantity("Poland has delivered over 30 T-72 tanks to Ukraine, the ministry said.") is None


# -- "N Type 209 submarines": a "Type N" designation after the count is the item -------------------
@settings(max_examples=20, deadline=None)
@given(word=st.sampled_from(["two", "three", "four", "six"]), verb=st.sampled_from(["received", "bought"]))
def test_a_count_before_a_type_designation_counts_it(word: str, verb: str) -> None:
    n = {"two": 2, "three": 3, "four": 4, "six": 6}[word]
    assert _quantity(f"Egypt {verb} {word} Type 209 submarines from Germany in 2016.") == n


def test_n_types_of_still_counts_nothing() -> None:
    assert _quantity("Egypt bought three types of Type 209 submarines from Germany in 2016.") is None


# -- "N used Belgian F-16s": adjectives, a nationality or a maker between the count and the system --
@settings(max_examples=30, deadline=None)
@given(
    words=st.sampled_from(
        ["used Belgian", "Belgian", "second-hand Belgian", "ex-Belgian Air Force", "refurbished"]
    ),
    n=st.integers(2, 60),
)
def test_modifiers_between_the_count_and_the_designation(words: str, n: int) -> None:
    assert _quantity(f"Chile bought {n} {words} F-16s in 2010.") == n


@settings(max_examples=15, deadline=None)
@given(maker=st.sampled_from(["Airbus", "new Airbus", "Italian Leonardo"]), n=st.integers(2, 40))
def test_a_maker_between_the_count_and_the_designation(maker: str, n: int) -> None:
    text = f"Peru will receive {n} {maker} AW149 helicopters from Italy under a contract signed in 2024."
    assert _quantity(text) == n


def test_a_count_of_another_item_across_and_is_not_taken() -> None:
    """'12 Rafale jets and eight Caesar howitzers': the gap to Caesar crosses 'and' and its own count."""
    got = _details("Egypt signed for 12 Rafale jets and eight Caesar howitzers from France in 2015.")
    assert got["CAESAR 155mm"][0] == 8


# -- "sixty (60) helicopters": a count in words with its digits in brackets (export notices) --------
_WORDS = {
    2: "two",
    3: "three",
    12: "twelve",
    24: "twenty-four",
    60: "sixty",
    100: "one hundred",
}


@settings(max_examples=30, deadline=None)
@given(
    n=st.sampled_from(sorted(_WORDS)), item=st.sampled_from(["AIM-9X missiles", "AH-64E Apache helicopters"])
)
def test_a_count_in_words_with_bracketed_digits(n: int, item: str) -> None:
    text = f"Poland has requested to buy {_WORDS[n]} ({n}) {item}, the agency said."
    assert _quantity(text) == n


def test_bracketed_digits_fold_words_of_several_parts() -> None:
    from kg.extract.quantities import find_numbers

    (one,) = find_numbers("a request for one hundred twenty-three (123) missiles")
    assert (one.value, one.text) == (123, "one hundred twenty-three (123)")


# -- "the 114 Squadron": a number before a singular formation names it, it counts nothing -----------
@settings(max_examples=20, deadline=None)
@given(
    unit=st.sampled_from(["Squadron", "squadron", "Regiment", "Brigade", "Flotilla"]), n=st.integers(2, 400)
)
def test_a_numbered_formation_is_no_quantity(unit: str, n: int) -> None:
    text = f"Greece ordered 24 Rafale jets from France in 2021. All 24 had been delivered to the {n} {unit} at Souda by May 2023."
    assert {q for q, _v in _details(text).values()} <= {24, None}


# -- "received its first six X": with no total stated, the count of the first batch is the one given --
@settings(max_examples=25, deadline=None)
@given(
    n=st.sampled_from([2, 3, 4, 6, 8]),
    lead=st.sampled_from(
        [
            "Estonia received its first {w} K9 howitzers",
            "The first {w} K9 howitzers bought by Estonia arrived",
        ]
    ),
)
def test_first_n_delivered_without_a_total(n: int, lead: str) -> None:
    w = {2: "two", 3: "three", 4: "four", 6: "six", 8: "eight"}[n]
    text = lead.format(w=w) + " from South Korea last year."
    assert _quantity(text) == n


def test_a_stated_total_still_wins_over_the_first_batch() -> None:
    text = "Estonia received the first four of 18 K9 howitzers from South Korea last year."
    assert _quantity(text) == 18


def test_the_deals_stated_total_goes_to_its_other_claims() -> None:
    text = (
        "Estonia received its first four K9 howitzers from South Korea in March. "
        "Estonia ordered 18 K9 howitzers from South Korea in 2022."
    )
    got = {c.status: c.quantity for c in extract_text(text, PUB) if c.system}
    assert got.get("signed") == 18


# -- a state's own currency, stated first, is the deal's ("45 billion Egyptian pounds ($1 billion)") ---
@settings(max_examples=25, deadline=None)
@given(
    written=st.sampled_from(
        [
            ("45 billion Egyptian pounds", 45e9, "EGP"),
            ("RMB 5 billion", 5e9, "CNY"),
            ("5 billion yuan", 5e9, "CNY"),
            ("300 billion naira", 3e11, "NGN"),
            ("2 billion Moroccan dirhams", 2e9, "MAD"),
            ("90 billion Pakistani rupees", 9e10, "PKR"),
            ("1.5 billion Qatari riyals", 1.5e9, "QAR"),
            ("4 billion Peruvian soles", 4e9, "PEN"),
            ("16 trillion Colombian pesos", 1.6e13, "COP"),
            ("2 billion Algerian dinars", 2e9, "DZD"),
        ]
    ),
    tail=st.sampled_from([" ($1 billion)", "", ", about $1 billion"]),
)
def test_a_national_currency_stated_first_is_the_value(written: tuple, tail: str) -> None:
    words, amount, code = written
    text = f"Egypt signed a contract with France for 12 Rafale jets for {words}{tail}."
    (got,) = {v for _q, v in _details(text).values()}
    assert got == (amount, code)


# -- a sum whose number is a word: "a billion dollars", "half a billion euros" ---------------------
@settings(max_examples=20, deadline=None)
@given(
    written=st.sampled_from(
        [
            ("a billion dollars", 1e9, "USD"),
            ("one billion dollars", 1e9, "USD"),
            ("half a billion euros", 5e8, "EUR"),
            ("two billion euros", 2e9, "EUR"),
            ("three million pounds", 3e6, "GBP"),
        ]
    ),
)
def test_a_sum_in_words_is_the_value(written: tuple) -> None:
    words, amount, code = written
    (got,) = {
        v
        for _q, v in _details(f"Egypt signed a contract with France for 12 Rafale jets for {words}.").values()
    }
    assert got == (amount, code)


def test_a_million_of_something_else_is_no_sum() -> None:
    from kg.extract.money import find_money

    assert find_money("a million reasons and one billion people") == []


# -- "received four X, out of 12 ordered": the order's size is the deal's quantity ------------------
@settings(max_examples=15, deadline=None)
@given(
    tail=st.sampled_from(
        [", out of 12 ordered in 2020", " out of the 12 it ordered", ", out of a total of 12"]
    )
)
def test_out_of_n_is_the_orders_size(tail: str) -> None:
    text = f"Egypt has received four AH-64E helicopters from the United States{tail}."
    got = [c for c in extract_text(text, PUB) if c.system]
    assert got and all(c.quantity == 12 for c in got)
    assert {c.quantity_delivered for c in got if c.status in ("delivered", "delivering")} == {4}


# -- "A bought 14 X in 2011 and B bought five in 2013": each buyer takes the count told after it ----
@settings(max_examples=20, deadline=None)
@given(
    join=st.sampled_from(
        [
            " and Ecuador bought {b} in 2013",
            ", a year after Ecuador bought {b}",
            " and another 14 in 2015; Ecuador bought {b} in 2013",
        ]
    ),
    b=st.sampled_from(["five", "three", "nine"]),
)
def test_each_buyer_takes_its_own_count(join: str, b: str) -> None:
    text = "Peru bought 14 Leopard 2A4 tanks from Germany in 2011" + join.format(b=b) + "."
    got = {c.buyer.iso3: c.quantity for c in extract_text(text, PUB) if c.system}
    assert got == {"PER": 14, "ECU": {"five": 5, "three": 3, "nine": 9}[b]}


def test_one_count_for_two_buyers_stays_shared() -> None:
    """No count after the second buyer: the system's count stands for both (no guess)."""
    text = "Peru and Ecuador bought 14 Leopard 2A4 tanks from Germany in 2011."
    got = {c.quantity for c in extract_text(text, PUB) if c.system}
    assert got <= {14, None}


# -- "worth $50 million each": a unit price is not the deal's value --------------------------------
@settings(max_examples=15, deadline=None)
@given(unit=st.sampled_from(["each", "apiece", "a piece", "per helicopter", "per unit"]))
def test_a_unit_price_is_no_deal_value(unit: str) -> None:
    text = f"Kenya ordered 16 AW139 helicopters worth $40 million {unit} from Italy."
    assert {v for _q, v in _details(text).values()} == {None}


# -- "two hundred tanks", "one hundred and twenty": a count in words with its scale -----------------
_HUNDREDS = {
    "two hundred": 200,
    "one hundred and twenty": 120,
    "three hundred and fifty-six": 356,
    "a hundred and eight": 108,
    "five thousand": 5000,
}


@settings(max_examples=20, deadline=None)
@given(words=st.sampled_from(sorted(_HUNDREDS)))
def test_a_count_in_words_with_hundreds(words: str) -> None:
    from kg.extract.quantities import find_numbers

    (one,) = find_numbers(f"an order for {words} tanks")
    assert one.value == _HUNDREDS[words]


def test_hundreds_reach_the_claim() -> None:
    assert _quantity("Morocco ordered two hundred M1A1 tanks from the United States.") == 200


# -- "pledged 24 of its F-16s", "handed two of its X": a donor's share of its fleet is the count -----
@settings(max_examples=25, deadline=None)
@given(
    verb=st.sampled_from(["has handed", "has pledged", "has promised", "pledged"]),
    det=st.sampled_from(["its", "the"]),
    n=st.sampled_from([2, 6, 14]),
)
def test_a_donors_share_of_its_fleet(verb: str, det: str, n: int) -> None:
    text = f"Norway {verb} {n} of {det} F-16 jets to Ukraine."
    assert _quantity(text) == n
