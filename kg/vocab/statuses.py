"""Deal statuses in lifecycle order, and claim modalities: the one definition of each.

Why one module: the status order and the modality set used to be copied into the
timeline, the contradiction finder, the extractor, the network's deal records and two
SPARQL queries, and the copies drifted (the network treated ``asserted``/``actual``/
``fact`` as plain, which the extractor never emits; the ontology documented
``speculative``, which nothing emits).  Every user imports these names;
``tests/vocab/test_vocab_statuses.py`` checks them against ``ontology/kg.ttl`` (the lifecycle
is the ``kg:lifecycleRank`` of the status concepts; the modalities are the concepts of
``kg:ModalityScheme``, the non-factual ones the members of ``kg:NonFactualModalities``),
checks the ``.rq`` files' status and modality lists against them, and greps ``kg/`` for
second definitions.

The status *IRIs* live in :data:`kg.vocab.ns.STATUSES` (key -> concept), in the same order as
:data:`STATUS_KEYS` (checked by the same test).
"""

from __future__ import annotations

from collections.abc import Iterable

#: The normal lifecycle of a deal, earliest stage first.  A later stage reported before an
#: earlier one (signed in 2020, only negotiating in 2022) is an impossible sequence.
LIFECYCLE: tuple[str, ...] = ("offered", "negotiating", "approved", "signed", "delivering", "delivered")
#: Statuses outside the order: ``delayed`` and ``cancelled`` can follow any stage;
#: ``unknown`` is a source that names the deal without a stage.
OFF_LIFECYCLE: tuple[str, ...] = ("delayed", "cancelled", "unknown")
#: Every status key, lifecycle first (the order of :data:`kg.vocab.ns.STATUSES`).
STATUS_KEYS: tuple[str, ...] = LIFECYCLE + OFF_LIFECYCLE
#: Stages before a contract: nothing is bought yet.
PRE_CONTRACT: tuple[str, ...] = LIFECYCLE[: LIFECYCLE.index("signed")]
#: Stages from the contract on: once reported, a later "only negotiating" contradicts them.
CONTRACTED: tuple[str, ...] = LIFECYCLE[LIFECYCLE.index("signed") :]
#: Stages with units on their way or arrived (deliveries after a cancellation contradict it).
DELIVERY: tuple[str, ...] = LIFECYCLE[LIFECYCLE.index("delivering") :]
#: Position of each lifecycle stage (0 = offered); off-lifecycle statuses have none.
RANK: dict[str, int] = {key: i for i, key in enumerate(LIFECYCLE)}

#: The event a status statement is evidence of, as the timeline and ``deal-events.rq`` name it.
EVENT_KIND: dict[str, str] = {
    "offered": "offer",
    "negotiating": "negotiation",
    "approved": "approval",
    "signed": "order",
    "delivering": "delivery",
    "delivered": "delivery",
    "delayed": "delay",
    "cancelled": "cancellation",
    "unknown": "mention",
}

#: The modalities the extractor emits (``kg:modality``, the JSON ``modality`` field), each
#: with what it means.  A plain statement ("has signed") has no modality at all: absence is
#: the asserted case, so there is no ``asserted`` token.
MODALITIES: dict[str, str] = {
    "expected": "a future or awaited event stated as likely ('is expected to sign', 'the first jets will "
    "arrive in 2026')",
    "planned": "an intention of a party ('plans to buy', 'intends to order', 'aims to acquire')",
    "possible": "an option under consideration ('could buy', 'is considering', 'a possible sale')",
    "reported": "attributed to others without confirmation ('reportedly signed')",
}
#: Modalities that make a claim an expectation, not evidence of what happened: such a claim
#: never sets a deal's status, dates an event or takes part in a contradiction.  A
#: ``reported`` claim still counts (the press reports most deals that way).
NOT_FACTUAL: frozenset[str] = frozenset({"expected", "planned", "possible"})
#: Below this extractor confidence a claim is not well supported (the timeline, the
#: contradictions and ``status-sequences.rq`` / ``deal-status.rq`` all use it).
MIN_CONFIDENCE = 0.5


def latest_stage(keys: Iterable[str]) -> str | None:
    """The latest lifecycle stage among ``keys`` (others ignored), or None if there is none."""
    stages = [k for k in keys if k in RANK]
    return max(stages, key=RANK.__getitem__) if stages else None


def is_factual_modality(modality: str | None) -> bool:
    """Whether a claim with this modality (None: asserted) is evidence of what happened."""
    return modality not in NOT_FACTUAL


__all__ = [
    "CONTRACTED",
    "DELIVERY",
    "EVENT_KIND",
    "LIFECYCLE",
    "MIN_CONFIDENCE",
    "MODALITIES",
    "NOT_FACTUAL",
    "OFF_LIFECYCLE",
    "PRE_CONTRACT",
    "RANK",
    "STATUS_KEYS",
    "is_factual_modality",
    "latest_stage",
]
