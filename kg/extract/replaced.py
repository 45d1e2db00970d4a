"""Earlier donations told as what a purchase replaces: "B ordered N X to replace the guns it donated
to C", "..., which will replace Soviet-era batteries that <B's capital> gave to C", "to replace
vehicles donated to C".

Why a step of its own: the sentence's deal is B's purchase (its roles step reads B as the buyer and
makes C no party to it), yet the replaced equipment's clause states a fact of its own: B gave C the
equipment (a donation is a transfer; labelling guidelines: ``delivered``).  The donor is the state
the relative clause names ("that Oslo gave"), else, with a pronoun or a bare participle ("it
donated", "donated to C"), the buyer of the sentence's purchase.  The replaced noun names the
system when it holds one, else the fact has none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.entities import Mention
from kg.extract.model import Claim, Evidence, PartyRef, no_details
from kg.extract.parties import _system_ref

#: the supplier cue of such a gift (a deal of its own: kept beside the dyad's named claims)
REPLACED_DONOR_CUE = "supplier:replaced-donor"
#: the purchase's purpose, then the replaced equipment and its clause, up to the recipient
_REPLACED_GIFT = re.compile(
    r"\b(?:to\s+replace|replac(?:e|es|ed|ing)|will\s+replace|backfill(?:s|ed|ing)?)\s+"
    r"(?P<obj>[^.;:()]{2,90}?)\s+"
    r"(?P<verb>(?:donated|gave|given|handed\s+over|sent|transferred)\s+to\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
#: the pronoun subject of the relative ("the guns it donated", "that they had sent"): the buyer's own
_PRONOUN_SUBJECT = re.compile(
    r"(?:^|\s)(?:that\s+|which\s+)?(?:it|they)(?:\s+(?:has|have|had))?(?:\s+(?:\w+ly|earlier|already|previously))?$",
    re.IGNORECASE,
)


def replaced_donations(
    text: str, a: int, b: int, mentions: list[Mention], claims: list[Claim]
) -> list[Claim]:
    """The donations a purchase replaces in sentence ``text[a:b]`` (see the module docstring); ``claims``
    are the sentence's own, ``mentions`` its mentions."""
    deals = [c for c in claims if c.buyer.iso3 and not c.negated]
    if not deals or not _has_cue(text[a:b]):
        return []
    out: list[Claim] = []
    for m in mentions:
        if m.kind != "party" or m.party is None or m.party.kind != "country" or not m.iso3:
            continue
        head = _REPLACED_GIFT.search(text, max(a, m.start - 160), m.start)
        if head is None:
            continue
        obj_lo, obj_hi = head.span("obj")
        inside = [x for x in mentions if obj_lo <= x.start and x.end <= obj_hi]
        # a state named as the clause's subject ("that Oslo gave"), never a demonym ("Soviet-era guns")
        donors = [
            x
            for x in inside
            if x.kind == "party" and x.form in ("name", "metonym") and x.party and x.party.kind == "country"
        ]
        ref = deals[0]
        if donors:
            donor = PartyRef(donors[-1].party.name, donors[-1].iso3, "country")  # type: ignore[union-attr]
        elif _PRONOUN_SUBJECT.search(text[obj_lo:obj_hi]) or head.group("verb").lower().startswith("donated"):
            donor = ref.buyer
        else:
            continue
        systems = [x for x in inside if x.kind == "system" and x.system is not None]
        gift = _donation(ref, donor, PartyRef(m.party.name, m.iso3, "country"), systems, text, a, b)
        # the same gift read already (a delivery of that dyad, or its system): no second claim; a later
        # gift of the dyad in another clause ("... and will buy N Y to be donated to C") is its own
        if donor.iso3 == m.iso3 or any(
            c.supplier is not None
            and c.supplier.iso3 == donor.iso3
            and c.buyer.iso3 == m.iso3
            and (c.status == "delivered" or (c.system and gift.system and c.system.name == gift.system.name))
            for c in claims + out
        ):
            continue
        out.append(gift)
    return out


def _has_cue(s: str) -> bool:
    """Cheap prefilter: the sentence holds a replacement word and a giving verb."""
    low = s.lower()
    return ("replac" in low or "backfill" in low) and any(
        v in low for v in ("donated", "gave", "given", "handed over", "sent", "transferred")
    )


def _donation(
    ref: Claim, donor: PartyRef, recipient: PartyRef, systems: list[Mention], text: str, a: int, b: int
) -> Claim:
    """The donation fact, shaped on the sentence's purchase ``ref`` (evidence, article-level fields)."""
    sysm = systems[-1] if systems else None
    system = _system_ref(sysm, text[sysm.end : sysm.end + 40]) if sysm is not None else None
    return replace(
        ref,
        supplier=donor,
        buyer=recipient,
        system=system,
        supplier_company=None,
        status="delivered",
        evidence=Evidence(text[a:b], a, b),
        confidence=0.5,
        **no_details(),
        deal_key=f"{donor.iso3}>{recipient.iso3}:{system.name if system else ''}:replaced",
        negated=False,
        system_source="catalogue" if system else None,
        cues=[
            REPLACED_DONOR_CUE,
            "buyer:to",
            "system:catalogue" if system else "system:none",
            "status:trigger",
        ],
    )
