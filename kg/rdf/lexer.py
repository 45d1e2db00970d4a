"""The one SPARQL lexer: tokens of a query's text, following the SPARQL 1.1 grammar's terminals.

Why one: binding values (:mod:`kg.rdf.bindings`), binding them into sub-selects of named
queries (:mod:`kg.queries.named`) and classifying endpoint requests (:mod:`kg.serve.guard`) all
need to know where the real braces and keywords are, i.e. to skip comments, string
literals and IRIs the way the engine's parser does.  Two hand-written scanners used to do
that and disagreed (one let a short string run over a newline, one took any Unicode space
inside ``<...>`` as the end of an IRI).

What this lexer is *not*: the endpoint's refusal of ``SERVICE``/``LOAD``
(:mod:`kg.rdf.sparql_guard`) deliberately does not tokenize (a tokenizer that disagrees with
the engine once is a bypass), and stays independent of this module.

Tokens cover the text without gaps except whitespace (``#x20 #x9 #xD #xA``, the grammar's
``WS``): joining every token (comments included) with the whitespace between them gives
the text back.  Nothing is ever dropped: a character that starts no token is a one-character
``punct`` token, and a string literal without its closing quote is a ``string`` token with
``closed=False`` that ends where the grammar says it must have (a line break, for a short
string) or at the end of the text.  ``\\uXXXX`` escapes are not applied here; callers that
must see the text as the engine parses it call :func:`unescape_codepoints` first (SPARQL
1.1 section 19.2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

#: Token kinds, in the grammar's words: comment, string (any of the four literal forms),
#: iri (IRIREF), var (VAR1/VAR2), bnode (BLANK_NODE_LABEL), pname (PNAME_NS/PNAME_LN),
#: langtag (LANGTAG), number (INTEGER/DECIMAL/DOUBLE), word (a keyword, function name or
#: ``a``), punct (any other single character).
KINDS = ("comment", "string", "iri", "var", "bnode", "pname", "langtag", "number", "word", "punct")

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_U = _BASE + "_"
_CHARS = _U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = rf"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_LOCAL = rf"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_VAR = re.compile(rf"[?$][{_U}0-9][{_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*")
_BNODE = re.compile(rf"_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?")
_PNAME = re.compile(rf"(?:{_PREFIX})?:(?:{_LOCAL})?")
_LANGTAG = re.compile(r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*")
_NUMBER = re.compile(
    r"[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.[0-9]+[eE][+-]?[0-9]+|[0-9]+[eE][+-]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+"
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_WS = " \t\r\n"
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class LexError(ValueError):
    """Text that no SPARQL parser accepts at the lexical level (an invalid ``\\u`` escape)."""


class Token(NamedTuple):
    """One token: its kind, its exact text and where it starts in the lexed text."""

    kind: str
    text: str
    start: int
    closed: bool = True  # False only for a string literal that lacks its closing quote

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def iri(self) -> str:
        """The IRI of an ``iri`` token, without its angle brackets."""
        return self.text[1:-1]

    def is_word(self, *words: str) -> bool:
        """Whether this is one of the keywords ``words`` (case-insensitive, bare words only)."""
        return self.kind == "word" and self.text.upper() in words


def _string_end(text: str, i: int) -> tuple[int, bool]:
    """End of the string literal starting at ``i`` and whether it was closed."""
    quote = text[i]
    long = text.startswith(quote * 3, i)
    close = quote * 3 if long else quote
    j, n = i + len(close), len(text)
    while j < n:
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if not long and c in "\r\n":
            return j, False
        if text.startswith(close, j):
            return j + len(close), True
        j += 1
    return n, False


def _token_at(text: str, i: int) -> Token:
    """The token that starts at ``i`` (not whitespace)."""
    c = text[i]
    if c == "#":
        j = text.find("\n", i)
        return Token("comment", text[i : len(text) if j < 0 else j], i)
    if c in "\"'":
        end, closed = _string_end(text, i)
        return Token("string", text[i:end], i, closed)
    for kind, pattern, first in (
        ("iri", _IRIREF, "<"),
        ("var", _VAR, "?$"),
        ("bnode", _BNODE, "_"),
        ("langtag", _LANGTAG, "@"),
        ("number", _NUMBER, "0123456789."),
    ):
        if c in first:
            m = pattern.match(text, i)
            if m:
                return Token(kind, m.group(), i)
    m = _PNAME.match(text, i)
    if m:
        return Token("pname", m.group(), i)
    m = _WORD.match(text, i)
    if m:
        return Token("word", m.group(), i)
    return Token("punct", c, i)


def tokenize(text: str, *, comments: bool = False) -> Iterator[Token]:
    """The tokens of ``text`` in order; comments only when ``comments`` is true."""
    i, n = 0, len(text)
    while i < n:
        if text[i] in _WS:
            i += 1
            continue
        token = _token_at(text, i)
        i = token.end
        if comments or token.kind != "comment":
            yield token


def unescape_codepoints(text: str) -> str:
    """Apply ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes as a SPARQL parser does before parsing.

    Raises :class:`LexError` for an escape that names no character (a surrogate, or above
    U+10FFFF).
    """

    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise LexError("invalid \\u escape in the query")
        return chr(code)

    return _UNICODE_ESCAPE.sub(repl, text)


__all__ = ["KINDS", "LexError", "Token", "tokenize", "unescape_codepoints"]
