"""Reading a page's content stream into operators, faster than pdfminer's own tokenizer.

pdfminer.six reads a content stream a character class at a time in Python
(``PSBaseParser``), which is about half of the time it takes to read a page
written by a word processor. :class:`Interpreter` is pdfminer's page
interpreter with the tokenizing done by one regular expression instead: the
same operands (numbers, names, strings, arrays, dictionaries) for the same
operators, run through the same ``do_*`` methods, so the device sees exactly
what pdfminer's interpreter would show it.

Only what the expression reads exactly as pdfminer does is read this way.
A stream holding anything else (an inline image, a procedure, a name with
``#`` escapes, a stray ``)``, an unbalanced array, tokens pdfminer would drop
or read differently at one of its internal buffer boundaries) is handed, whole,
to pdfminer's own interpreter: the fast path gives the same operators or
does not run. With a pdfminer.six older than :data:`SAME_PARSER_SINCE`, whose
parser reads the ends of streams otherwise, every stream is left to it.
"""

from __future__ import annotations

import re

import pdfminer
from pdfminer import settings
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import stream_value
from pdfminer.psparser import KWD, LIT, PSKeyword, PSLiteral, literal_name

# The first pdfminer.six whose parser reads a page's streams as this module does: a token at the
# end of one stream ends there, and one at the end of the last is kept. Before it, pdfminer's own
# parser reads every stream.
SAME_PARSER_SINCE = 20251228
try:
    FAST = int(pdfminer.__version__) >= SAME_PARSER_SINCE
except ValueError:  # not installed as a package: its version is unknown
    FAST = False

# pdfminer reads a stream in chunks of this many bytes (PDFContentParser.BUFSIZ); one case (a
# backslash, carriage return and line feed in a string, split after the carriage return) reads
# differently across a chunk's end.
_CHUNK = 4096

# One token, after the white space, NUL bytes and comments before it, in pdfminer's terms
# (psparser.PSBaseParser): the classes of characters that end a number, name or keyword are its own.
_TOKEN = re.compile(rb"""(?:[ \t\n\r\x0b\x0c\x00]|%[^\r\n]*)*(?:
    (?P<array>\[(?:[ \t\n\r\x0b\x0c\x00]*+(?:<[0-9A-Fa-f]*+>|[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)))*+
              [ \t\n\r\x0b\x0c\x00]*+\])
  | (?P<float>[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+))
  | (?P<int>[-+]?[0-9]+)
  | /(?P<name>(?:[^ \t\n\r\x0b\x0c\#/%\[\]()<>{}]|\#[0-9A-Fa-f]{0,2})*+)
  | (?P<keyword>[A-Za-z][^ \t\n\r\x0b\x0c\#/%\[\]()<>{}]*)
  | \((?P<string>[^()\\]*)\)
  | (?P<open_string>\()
  | (?P<open_dict><<)
  | <(?P<hex>[0-9A-Fa-f \t\n\r\x0b\x0c]*)(?=[^0-9A-Fa-f \t\n\r\x0b\x0c])
  | (?P<close_dict>>>)
  | (?P<gt>>)
  | (?P<open_array>\[)
  | (?P<close_array>\])
  | (?P<single>[^ \t\n\r\x0b\x0c\x00%/+\-.0-9A-Za-z(<>\[\]{}])
  | (?P<end>\Z)
)""", re.VERBOSE)
# The items of an array of hex strings and numbers only (what TJ shows), read in one go: the
# same numbers, in the same order of preference, as _TOKEN's.
_ARRAY_ITEM = re.compile(rb"<([0-9A-Fa-f]*)>|([-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+))")
_SPACE = re.compile(rb"[ \t\n\r\x0b\x0c]")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{0,2})")
_STRING_PART = re.compile(rb"[()\\]")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_ESCAPES = {ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("f"): 12, ord("r"): 13,
            ord("("): 40, ord(")"): 41, ord("\\"): 92}
# Keywords pdfminer's content parser treats apart (inline images): left to it.
_INLINE = {b"BI", b"ID", b"EI"}
_TRUE, _FALSE = b"true", b"false"


class _Unread(Exception):
    """The stream holds something only pdfminer's own parser reads as pdfminer does."""


def _literal(raw: bytes) -> PSLiteral:
    if b"#" in raw:
        # "#20" is a space; pdfminer drops a "#" without hex digits after it.
        raw = _NAME_ESCAPE.sub(lambda escape: bytes((int(escape.group(1), 16),)) if escape.group(1) else b"", raw)
    try:
        return LIT(str(raw, "utf-8"))
    except UnicodeDecodeError:
        return LIT(raw)


def _hex(digits: bytes) -> bytes:
    """As pdfminer reads ``<...>``: pairs of digits, and a last odd digit as a byte of its own value."""
    digits = _SPACE.sub(b"", digits)
    if len(digits) % 2:
        return bytes.fromhex(digits[:-1].decode("ascii")) + bytes((int(digits[-1:], 16),))
    return bytes.fromhex(digits.decode("ascii"))


def _string(data: bytes, start: int) -> tuple[bytes, int]:
    """A literal string with escapes or nested brackets whose ``(`` is at ``start - 1``: its bytes
    and where it ends, as pdfminer's ``_parse_string`` reads it."""
    parts: list[bytes] = []
    depth, position, length = 1, start, len(data)
    while True:
        found = _STRING_PART.search(data, position)
        if found is None:
            raise _Unread  # not closed in this stream
        index = found.start()
        parts.append(data[position:index])
        char = data[index]
        if char == 0x28:  # (
            depth += 1
            parts.append(b"(")
            position = index + 1
        elif char == 0x29:  # )
            depth -= 1
            if not depth:
                return b"".join(parts), index + 1
            parts.append(b")")
            position = index + 1
        else:  # a backslash
            position = index + 1
            if position >= length:
                raise _Unread
            octal = _OCTAL.match(data, position)
            if octal:
                code = int(octal.group(), 8)
                if code > 255:
                    raise _Unread  # pdfminer fails on it
                parts.append(bytes((code,)))
                position = octal.end()
                continue
            escaped = data[position]
            if escaped in _ESCAPES:
                parts.append(bytes((_ESCAPES[escaped],)))
            elif escaped == 0x0D and data[position + 1:position + 2] == b"\n":
                if position % _CHUNK == _CHUNK - 1:
                    raise _Unread  # pdfminer keeps the line feed when its chunk ends between the two
                position += 1
            # pdfminer drops any other character after a backslash, and a line end.
            position += 1


def _objects(streams: list[bytes]) -> list:
    """The top-level objects of a page's streams in order, operators as PSKeyword.

    pdfminer reads a page's streams as one, a token cut by the end of a
    stream ending there; an array or dictionary may go on into the next.
    """
    top: list = []
    stack: list[tuple[str, list]] = []  # open arrays ("a") and dictionaries ("d")
    current = top
    match = _TOKEN.match
    strings: dict[bytes, bytes] = {}  # hex digits -> their bytes: pages show the same ones again and again
    for number, data in enumerate(streams, 1):
        position, previous, previous_end, previous_empty = 0, None, 0, False
        while True:
            token = match(data, position)
            if token is None:
                raise _Unread
            kind = token.lastgroup
            if kind == "end":
                break
            previous, previous_end = kind, token.end()
            position = token.end()
            if kind == "array":
                items = []
                for digits, numeral in _ARRAY_ITEM.findall(token.group("array")):
                    if numeral:
                        items.append(float(numeral) if b"." in numeral else int(numeral))
                    else:
                        text = strings.get(digits)
                        if text is None:
                            text = strings[digits] = _hex(digits)
                        items.append(text)
                current.append(items)
            elif kind == "hex":
                current.append(_hex(token.group("hex")))
            elif kind == "keyword":
                word = token.group("keyword")
                if word == _TRUE:
                    current.append(True)
                elif word == _FALSE:
                    current.append(False)
                elif word in _INLINE:
                    raise _Unread
                else:
                    current.append(KWD(word))
            elif kind == "float":
                current.append(float(token.group("float")))
            elif kind == "int":
                current.append(int(token.group("int")))
            elif kind == "name":
                raw = token.group("name")
                if b"#" in raw and position == len(data):
                    raise _Unread  # pdfminer carries it into the next stream, or drops it at the end
                previous_empty = not raw
                current.append(_literal(raw))
            elif kind == "string":
                current.append(token.group("string"))
            elif kind == "open_string":
                text, position = _string(data, position)
                current.append(text)
            elif kind == "open_array" or kind == "open_dict":
                stack.append(("a" if kind == "open_array" else "d", current))
                current = []
            elif kind == "close_array" or kind == "close_dict":
                if not stack or stack[-1][0] != ("a" if kind == "close_array" else "d"):
                    raise _Unread  # pdfminer drops an unmatched end
                _, outer = stack.pop()
                if kind == "close_dict":
                    if len(current) % 2 or not all(isinstance(key, PSLiteral) for key in current[0::2]):
                        raise _Unread
                    current = {literal_name(key): value for key, value in zip(current[0::2], current[1::2])}
                outer.append(current)
                current = outer
            elif kind == "gt":
                pass  # pdfminer ignores a ">" that does not end a dictionary (or a hex string)
            else:  # "single": any other character is a keyword of its own
                current.append(KWD(token.group("single")))
        if number < len(streams) and previous_end == len(data) and (
                previous == "gt" or previous == "name" and previous_empty):
            # pdfminer carries an empty name ("/") or a ">" that ends a stream on into the next.
            raise _Unread
    if stack:
        raise _Unread  # pdfminer never finishes an array or dictionary left open
    return top


class Interpreter(PDFPageInterpreter):
    """pdfminer's page interpreter, reading the page's content streams with :func:`_objects`."""

    # Operator (PSKeyword) -> name of the method that runs it, as pdfminer's execute() names it.
    _methods: dict[PSKeyword, str] = {}

    def execute(self, streams) -> None:
        if not FAST:
            return super().execute(streams)
        parents = getattr(self, "parent_stream_ids", ())
        try:
            values = [stream_value(stream) for stream in streams]
            if any(value.objid is None or value.objid in parents for value in values):
                raise _Unread  # pdfminer warns and skips them (before 20251228, reads them)
            objects = _objects([value.get_data() for value in values])
        except Exception:
            # pdfminer's own parser for what it alone reads right, and to fail as it fails, at the
            # same point, on a damaged stream.
            return super().execute(streams)
        if hasattr(self, "stream_ids"):
            # As pdfminer records them, for the forms the page draws (do_Do) to check against.
            self.stream_ids.clear()
            self.stream_ids.update(value.objid for value in values)
        methods = self._methods
        push = self.push
        for item in objects:
            if item.__class__ is not PSKeyword:
                push(item)
                continue
            method = methods.get(item)
            if method is None:
                name = str(item.name, "utf-8", "ignore")
                method = methods[item] = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
            func = getattr(self, method, None)
            if func is None:
                if settings.STRICT:
                    from pdfminer.pdfinterp import PDFInterpreterError

                    raise PDFInterpreterError(f"Unknown operator: {str(item.name, 'utf-8', 'ignore')!r}")
                continue
            nargs = func.__code__.co_argcount - 1
            if nargs:
                args = self.pop(nargs)
                if len(args) == nargs:
                    func(*args)
            else:
                func()
