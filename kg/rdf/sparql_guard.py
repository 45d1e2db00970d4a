"""Refuse SPARQL texts that could make the engine reach the network (SERVICE, LOAD).

Why a check that does not tokenize: a deny-list that must split the text into tokens
exactly as the engine's parser does keeps losing (Oxigraph reads ``SERVICEex:x`` as the
keyword followed by a prefixed name, and ``:.SERVICE`` as a name ending before the dot).
So this check removes only what the SPARQL grammar fixes the extent of, whatever the
surrounding tokens are:

* string literals (``"..."``, ``'...'``, ``\"\"\"...\"\"\"``, ``'''...'''``, with their escapes),
* IRI references (``<...>`` matching the IRIREF production: no spaces, ``<>"{}|^`\\``),
* variables (``?name``, ``$name``),

and refuses the text when the letters ``SERVICE`` or ``LOAD`` remain anywhere, in any case,
glued to anything: comments, prefixed names and keywords included.  A false refusal
(``PREFIX service:``, ``# load the deals``) is the accepted price; renaming fixes it.

Two SPARQL facts make the removal careful rather than naive:

* SPARQL 1.1 applies ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes to the whole text before
  parsing (``\\u0053ERVICE`` is the keyword; Oxigraph 0.5 rejects it, another engine or
  version may not).  The text is checked raw, unescaped once (what the grammar says) and
  unescaped until nothing changes; any of the three refusing refuses.
* ``<`` is also the less-than operator.  ``FILTER(?a<?b)SERVICE#>`` looks like an IRI to a
  naive scan, but the engine sees ``?a < ?b``, the keyword and a comment.  Expressions
  only occur inside parentheses, so outside them a ``<...>`` is an IRI; inside them, when
  the candidate holds a character that changes the lexical state (``'``, ``#``, ``(``,
  ``)``) both readings are followed and a character counts as checked text when *either*
  reading has it outside a string, IRI or variable.  Without such a character both
  readings end in the same state and the candidate cannot hold a SERVICE or LOAD clause
  (a clause needs ``{``), so it is removed.

Standard library only; it sits below :mod:`kg.store` and :mod:`kg.serve`.
"""

from __future__ import annotations

import bisect
import re

#: The words refused; compared after upper-casing and case-folding (``ſERVICE`` too).
OUTBOUND_WORDS = ("SERVICE", "LOAD")

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_VARIABLE = re.compile(f"[?$][{_PN_CHARS_BASE}_0-9][{_PN_CHARS_BASE}_0-9\u00b7\u0300-\u036f\u203f-\u2040]*")
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_ECHAR = r"\\[tbnrf\\\"']"
_STRINGS = {
    '"""': re.compile(rf'"""(?:(?:""|")?(?:[^"\\]|{_ECHAR}))*"""'),
    "'''": re.compile(rf"'''(?:(?:''|')?(?:[^'\\]|{_ECHAR}))*'''"),
    '"': re.compile(rf'"(?:[^"\\\n\r]|{_ECHAR})*"'),
    "'": re.compile(rf"'(?:[^'\\\n\r]|{_ECHAR})*'"),
}
_LINE_END = re.compile(r"[\r\n]")
#: Characters with no lexical role here: kept as they are, skipped in one step.
_PLAIN = re.compile(r"""[^#"'<?$\\()]+""")
#: A candidate IRI holding one of these may change the lexical state if it is a less-than.
_STATEFUL = re.compile(r"['#()]")
#: Work allowed per character of text before the check gives up (and refuses).
_WORK_PER_CHAR = 16


class OutboundRefused(ValueError):
    """The query text could make the engine send a request (SERVICE or LOAD)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def unescape_once(text: str) -> str:
    """Apply ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes once, as SPARQL does before parsing.

    Escapes of code points no string can hold (surrogates, beyond U+10FFFF) stay as
    written: the engine rejects them, and left in place they are still checked.
    """

    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return m.group(0)
        return chr(code)

    return _ESCAPE.sub(repl, text)


def _variants(text: str) -> list[str] | None:
    """The texts to check: raw, unescaped once, unescaped to a fixed point (None: too deep)."""
    out = [text]
    current = text
    for _ in range(8):
        nxt = unescape_once(current)
        if nxt == current:
            return out
        out.append(nxt)
        current = nxt
    return None


def _mentioned(text: str) -> str | None:
    """The first refused word in ``text``, in any case (Unicode case mapping included)."""
    upper, folded = text.upper(), text.casefold()
    for word in OUTBOUND_WORDS:
        if word in upper or word.casefold() in folded:
            return word
    return None


def _code_mask(text: str) -> bytearray | None:
    """1 for each character that some reading of ``text`` has outside strings, IRIs, variables.

    States are (position, parenthesis depth); a fork (see the module docstring) adds a
    state, states already seen are not followed again.  None when the work exceeds
    :data:`_WORK_PER_CHAR` per character (an adversarial text: refused as unreadable).
    """
    n = len(text)
    keep = bytearray(n)
    seen: set[tuple[int, int]] = set()
    line_ends = [m.start() for m in _LINE_END.finditer(text)]
    comment_from: dict[int, int] = {}  # end of a marked comment -> its earliest marked start
    todo = [(0, 0)]
    budget = _WORK_PER_CHAR * n + 1000  # characters scanned, all readings together
    while todo:
        i, depth = todo.pop()
        while i < n:
            start = i
            c = text[i]
            m = _PLAIN.match(text, i)
            if m:
                keep[i : m.end()] = b"\x01" * (m.end() - i)
                i = m.end()
            elif c == "#":
                k = bisect.bisect_left(line_ends, i)
                end = line_ends[k] if k < len(line_ends) else n
                if comment_from.get(end, n) > i:  # not marked yet by another reading
                    keep[i:end] = b"\x01" * (end - i)
                    comment_from[end] = i
                i = start = end
                if (i, depth) in seen:  # another reading already went on from here
                    break
                seen.add((i, depth))
            elif c == "\\":  # an escape in a prefixed name (``ex:a\#b``): both characters are text
                end = min(n, i + 2)
                keep[i:end] = b"\x01" * (end - i)
                i = end
            elif c in "\"'":
                long_quote = c * 3
                m = _STRINGS[long_quote].match(text, i) if text.startswith(long_quote, i) else None
                if m is None and text.startswith(long_quote, i):
                    budget -= n - i  # a failed long string may have scanned to the end
                m = m or _STRINGS[c].match(text, i)
                if m:
                    i = m.end()
                else:  # unterminated: the engine refuses it; the quote stays as checked text
                    keep[i] = 1
                    i += 1
            elif c in "?$":
                m = _VARIABLE.match(text, i)
                if not m:
                    keep[i] = 1
                i = m.end() if m else i + 1
            elif c == "<":
                m = _IRIREF.match(text, i)
                if m and depth > 0 and _STATEFUL.search(text, i + 1, m.end() - 1):
                    if (m.end(), depth) not in seen:  # the IRI reading, followed later
                        seen.add((m.end(), depth))
                        todo.append((m.end(), depth))
                    m = None  # this branch: the less-than reading
                if not m:
                    keep[i] = 1
                i = m.end() if m else i + 1
            else:  # parentheses
                depth = depth + 1 if c == "(" else max(0, depth - 1)
                keep[i] = 1
                i += 1
                if (i, depth) in seen:  # another reading already went on from here
                    break
                seen.add((i, depth))
            budget -= i - start + 1
            if budget < 0:
                return None
    return keep


def _checked_text(text: str, mask: bytearray) -> str:
    """The characters the mask keeps; each removed run becomes one space (tokens stay apart)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        j = mask.find(0, i) if mask[i] else mask.find(1, i)
        j = n if j < 0 else j
        out.append(text[i:j] if mask[i] else " ")
        i = j
    return "".join(out)


def refuse_outbound(query: str) -> str | None:
    """Why ``query`` is refused (one line), or None when it cannot reach the network.

    Ordinary queries pay one upper-casing: the scan runs only on texts that mention the
    letters somewhere (or hold ``\\u`` escapes).
    """
    variants = _variants(query)
    if variants is None:
        return "refused: the query nests \\u escapes too deeply to be checked"
    for text in variants:
        if _mentioned(text) is None:
            continue
        mask = _code_mask(text)
        if mask is None:
            return "refused: the query is too convoluted to check for SERVICE and LOAD"
        word = _mentioned(_checked_text(text, mask))
        if word is not None:
            return (
                f"refused: the query mentions {word} outside strings, IRIs and variables "
                "(kg makes no outbound requests, so SERVICE and LOAD are refused wherever the letters "
                "appear, comments and prefixed names included; rename the prefix or name, or reword the comment)"
            )
    return None


def check_outbound(query: str) -> None:
    """Raise :class:`OutboundRefused` when :func:`refuse_outbound` refuses ``query``."""
    reason = refuse_outbound(query)
    if reason is not None:
        raise OutboundRefused(reason)


__all__ = ["OUTBOUND_WORDS", "OutboundRefused", "check_outbound", "refuse_outbound", "unescape_once"]
