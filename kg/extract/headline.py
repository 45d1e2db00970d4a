"""A headline's claims that the article body contradicts.

Why a stage of its own: a headline is telegraphic prose.  It joins two stories with "as" or a
semicolon ("A looks to B for arms as X deliveries slip", "A takes delivery of X; Y put
on duty") and drops the words that tie an item to its deal, so the sentence rules, written for body
prose, hand one story's item to the other story's two states.  The body then tells both stories in
full sentences: when it names the two states' own items, and names the headline's item only for
other states, the headline's pairing is the misreading.  Likewise a headline claim with no supplier
that the body never repeats: the item of a story the body tells of no transfer.

Kept: every headline claim of an article whose body yields no claim (the headline may be all there
is), a headline claim whose two states the body ties to no named item (the body calls it "the jets"
or tells it not at all), a claim whose item the body names for those two states in any spelling that
contains the other ("Caracal" for "H225M Caracal"), and one whose item the body names for no other
states either (the body may call it by another name: "Black Hawk" and "UH-60M").
"""

from __future__ import annotations

import re

from kg.extract.model import Claim

#: the headline line: the text's first line, with no sentence punctuation at its end, then a line break
_HEADLINE = re.compile(r"\A\s*([^\n]{1,200}?[^.!?:\s\"”'’])[ \t]*\n")


def _key(claim: Claim) -> str | None:
    """The system's name as a comparable key (letters and digits only), ``None`` without a system."""
    if claim.system is None:
        return None
    return re.sub(r"[^0-9a-z]", "", claim.system.name.lower()) or None


def _dyad(claim: Claim) -> tuple[str | None, str | None]:
    sup = claim.supplier
    return (sup.iso3 or sup.name) if sup else None, claim.buyer.iso3 or claim.buyer.name


def headline_end(text: str) -> int:
    """The offset where the text's headline line ends (0 when the text opens with no headline line)."""
    m = _HEADLINE.match(text)
    return m.end(1) if m else 0


def drop_contradicted_headline(claims: list[Claim], text: str) -> list[Claim]:
    """``claims`` without the headline's claims the body contradicts (module docstring)."""
    end = headline_end(text)
    if end == 0:
        return claims
    head = [c for c in claims if c.evidence.start < end]
    body = [c for c in claims if c.evidence.start >= end]
    if not head or not body:
        return claims
    named: dict[tuple, set[str]] = {}
    told: set[tuple] = set()
    for c in body:
        told.add(_dyad(c))
        if (k := _key(c)) is not None:
            named.setdefault(_dyad(c), set()).add(k)

    def same(k: str, keys: set[str]) -> bool:
        return any(k in o or o in k for o in keys)

    def contradicted(c: Claim) -> bool:
        dyad, k = _dyad(c), _key(c)
        keys = named.get(dyad)
        if keys is not None:
            # the body names the two states' items, and not this one, which it names for other states
            return (
                k is not None and not same(k, keys) and any(same(k, v) for d, v in named.items() if d != dyad)
            )
        return c.supplier is None and dyad not in told  # a seller-less item the body never repeats

    dropped = {id(c) for c in head if contradicted(c)}
    return [c for c in claims if id(c) not in dropped] if dropped else claims
