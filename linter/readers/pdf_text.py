"""The objects of a PDF written as LibreOffice writes one, read without pdfminer.six.

Placing a Word file's paragraphs on pages needs only the text of each page of
the PDF LibreOffice renders (see :mod:`plancheck.readers.convert`). Importing
pdfminer.six takes longer than reading such a PDF, so the few objects that
text needs are read here: the cross-reference table, the page tree, each
page's content streams (Flate-compressed) and fonts, and each font's
ToUnicode map.

Only that shape of file is read, and strictly: a cross-reference stream, an
encrypted or updated file, another compression, a composite or unmapped font,
anything not parsed to the end raises :class:`Unread`, and the caller reads
the file with pdfminer.six instead.
"""

from __future__ import annotations

import re
import zlib

MAX_PAGES = 2000
MAX_OBJECTS_DEEP = 64


class Unread(Exception):
    """The file is not one this module reads exactly as pdfminer.six does."""


class Ref:
    __slots__ = ("number",)

    def __init__(self, number: int):
        self.number = number


class Name(str):
    """A PDF name, without its slash."""


_WHITE = rb"[ \t\n\r\x0c\x00]"
_TOKEN = re.compile(rb"""(?:[ \t\n\r\x0c\x00]|%[^\r\n]*)*(?:
    (?P<ref>[0-9]+)[ \t\n\r\x0c\x00]+[0-9]+[ \t\n\r\x0c\x00]+R(?![A-Za-z0-9])
  | (?P<number>[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))(?![0-9.])
  | /(?P<name>[^ \t\n\r\x0c\x00/%\[\]()<>{}]*)
  | (?P<open_dict><<)
  | (?P<close_dict>>>)
  | <(?P<hex>[0-9A-Fa-f \t\n\r\x0c]*)>
  | \((?P<string>[^()\\]*)\)
  | (?P<open_array>\[)
  | (?P<close_array>\])
  | (?P<word>true|false|null)(?![A-Za-z0-9])
)""", re.VERBOSE)
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_OBJECT = re.compile(rb"(?:[ \t\n\r\x0c\x00]|%[^\r\n]*)*([0-9]+)[ \t\n\r\x0c\x00]+[0-9]+[ \t\n\r\x0c\x00]+obj")
_STREAM = re.compile(rb"[ \t\n\r\x0c\x00]*stream\r?\n")
_END_STREAM = re.compile(rb"[ \t\n\r\x0c\x00]*endstream")
_XREF_SECTION = re.compile(rb"[ \t\n\r]*([0-9]+)[ \t]+([0-9]+)[ \t]*\r?\n")
_XREF_ENTRY = re.compile(rb"([0-9]{10}) ([0-9]{5}) ([nf])[ \t\r\n]{2}")
_TRAILER = re.compile(rb"[ \t\n\r]*trailer")
_STARTXREF = re.compile(rb"startxref[ \t\r\n]+([0-9]+)")
# ToUnicode maps: the mappings of bfchar and bfrange blocks, and what else may stand between them.
_HEX = rb"<([0-9A-Fa-f]*)>"
_BFCHAR_BLOCK = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFRANGE_BLOCK = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_BFCHAR = re.compile(rb"\s*" + _HEX + rb"\s*" + _HEX)
_BFRANGE = re.compile(rb"\s*" + _HEX + rb"\s*" + _HEX + rb"\s*(?:" + _HEX + rb"|\[((?:\s*<[0-9A-Fa-f]*>)*)\s*\])")
_OTHER_MAPPINGS = re.compile(rb"begin(?:cidrange|cidchar|notdefrange)|usecmap")


class Document:
    """The objects of one PDF, parsed as they are asked for."""

    def __init__(self, data: bytes):
        self.data = data
        self.offsets: dict[int, int] = {}
        self.cache: dict[int, object] = {}
        found = list(_STARTXREF.finditer(data, max(0, len(data) - 1024)))
        if not found:
            raise Unread
        position = int(found[-1].group(1))
        if data[position:position + 4] != b"xref":
            raise Unread  # a cross-reference stream
        position += 4
        while True:
            section = _XREF_SECTION.match(data, position)
            if section is None:
                break
            first, count = int(section.group(1)), int(section.group(2))
            position = section.end()
            for number in range(first, first + count):
                entry = _XREF_ENTRY.match(data, position)
                if entry is None:
                    raise Unread
                position = entry.end()
                if entry.group(3) == b"n":
                    self.offsets[number] = int(entry.group(1))
        trailer = _TRAILER.match(data, position)
        if trailer is None:
            raise Unread
        self.trailer, _ = self._value(trailer.end())
        if not isinstance(self.trailer, dict) or {"Prev", "Encrypt", "XRefStm"} & set(self.trailer):
            raise Unread

    def get(self, value, depth: int = 0):
        """``value`` with a reference replaced by the object it names."""
        while isinstance(value, Ref):
            number = value.number
            if number not in self.cache:
                if number not in self.offsets or depth > MAX_OBJECTS_DEEP:
                    raise Unread
                header = _OBJECT.match(self.data, self.offsets[number])
                if header is None or int(header.group(1)) != number:
                    raise Unread
                self.cache[number], _ = self._object(header.end(), depth + 1)
            value = self.cache[number]
        return value

    def _object(self, position: int, depth: int):
        value, position = self._value(position)
        stream = _STREAM.match(self.data, position)
        if stream is None:
            return value, position
        if not isinstance(value, dict):
            raise Unread
        length = self.get(value.get("Length"), depth)
        if not isinstance(length, int) or length < 0:
            raise Unread
        start = stream.end()
        if _END_STREAM.match(self.data, start + length) is None:
            raise Unread
        return Stream(value, self.data[start:start + length]), start + length

    def _value(self, position: int):
        """The value that starts at ``position``, and where it ends."""
        stack: list[list] = []  # open arrays and dictionaries (a dictionary as its list of items)
        kinds: list[str] = []
        while True:
            token = _TOKEN.match(self.data, position)
            if token is None:
                raise Unread
            position = token.end()
            kind = token.lastgroup
            if kind == "open_array" or kind == "open_dict":
                stack.append([])
                kinds.append(kind)
                continue
            if kind == "close_array" or kind == "close_dict":
                if not kinds or kinds.pop() != ("open_array" if kind == "close_array" else "open_dict"):
                    raise Unread
                items = stack.pop()
                if kind == "close_dict":
                    if len(items) % 2 or not all(isinstance(key, Name) for key in items[0::2]):
                        raise Unread
                    value = {str(key): item for key, item in zip(items[0::2], items[1::2]) if item is not None}
                else:
                    value = items
            elif kind == "ref":
                value = Ref(int(token.group("ref")))
            elif kind == "number":
                text = token.group("number")
                value = float(text) if b"." in text else int(text)
            elif kind == "name":
                raw = _NAME_ESCAPE.sub(lambda escape: bytes((int(escape.group(1), 16),)), token.group("name"))
                if b"#" in raw:
                    raise Unread
                value = Name(raw.decode("latin-1"))
            elif kind == "hex":
                digits = re.sub(rb"\s", b"", token.group("hex"))
                if len(digits) % 2:
                    raise Unread
                value = bytes.fromhex(digits.decode("ascii"))
            elif kind == "string":
                value = token.group("string")
            else:
                value = {b"true": True, b"false": False, b"null": None}[token.group("word")]
            if not stack:
                return value, position
            stack[-1].append(value)


class Stream:
    __slots__ = ("attrs", "raw")

    def __init__(self, attrs: dict, raw: bytes):
        self.attrs, self.raw = attrs, raw

    def data(self) -> bytes:
        method = self.attrs.get("Filter")
        if isinstance(method, list) and len(method) == 1:
            method = method[0]
        if method is None and "DecodeParms" not in self.attrs:
            return self.raw
        if method != "FlateDecode" or self.attrs.get("DecodeParms") is not None:
            raise Unread
        try:
            return zlib.decompress(self.raw)
        except zlib.error:
            raise Unread from None


class Font:
    """A simple font (one byte a character) whose ToUnicode map names every character shown."""

    def __init__(self, document: Document, spec):
        spec = document.get(spec)
        if not isinstance(spec, dict) or spec.get("Subtype") not in ("TrueType", "Type1"):
            raise Unread
        cmap = document.get(spec.get("ToUnicode"))
        if not isinstance(cmap, Stream):
            raise Unread
        self.map = to_unicode(cmap.data())

    @staticmethod
    def decode(data: bytes):
        return data

    def to_unichr(self, code: int) -> str:
        try:
            return self.map[code]
        except KeyError:
            raise Unread from None  # pdfminer looks in the font's encoding next


def to_unicode(data: bytes) -> dict[int, str]:
    """A ToUnicode CMap's mappings of codes to text, as pdfminer.six's CMapParser makes them."""
    if _OTHER_MAPPINGS.search(data):
        raise Unread
    # pdfminer reads mappings between begincmap and endcmap only.
    start, end = data.find(b"begincmap"), data.rfind(b"endcmap")
    if start < 0 or end < start:
        raise Unread
    data = data[start:end]
    mapping: dict[int, str] = {}

    def add(code: int, text: str) -> None:
        # As pdfminer: a no-break space does not replace a space mapped to the same code.
        if text == "\u00a0" and mapping.get(code) == " ":
            return
        mapping[code] = text

    blocks = sorted([(match.start(), "char", match.group(1)) for match in _BFCHAR_BLOCK.finditer(data)]
                    + [(match.start(), "range", match.group(1)) for match in _BFRANGE_BLOCK.finditer(data)])
    for _, kind, block in blocks:
        pattern = _BFCHAR if kind == "char" else _BFRANGE
        position = 0
        while True:
            entry = pattern.match(block, position)
            if entry is None:
                if block[position:].strip():
                    raise Unread
                break
            position = entry.end()
            source = bytes.fromhex(_even(entry.group(1)))
            if kind == "char":
                add(int.from_bytes(source, "big"), bytes.fromhex(_even(entry.group(2))).decode("utf-16-be", "ignore"))
                continue
            end = bytes.fromhex(_even(entry.group(2)))
            if len(source) != len(end) or not source:
                raise Unread
            first, last = int.from_bytes(source, "big"), int.from_bytes(end, "big")
            if last - first > 0xFFFF:
                raise Unread
            if entry.group(3) is not None:
                code = bytes.fromhex(_even(entry.group(3)))
                if not code:
                    raise Unread
                variable, prefix = code[-4:], code[:-4]
                base, width = int.from_bytes(variable, "big"), len(variable)
                for index in range(last - first + 1):
                    text = prefix + (base + index).to_bytes(4, "big")[-width:] if width else prefix
                    add(first + index, text.decode("utf-16-be", "ignore"))
            else:
                texts = re.findall(_HEX, entry.group(4))
                for index, digits in enumerate(texts[:last - first + 1]):
                    add(first + index, bytes.fromhex(_even(digits)).decode("utf-16-be", "ignore"))
    return mapping


def _even(digits: bytes) -> str:
    if len(digits) % 2:
        raise Unread
    return digits.decode("ascii")


def pages(data: bytes) -> list[tuple[list[bytes], dict]]:
    """Each page's content (its streams, decompressed) and its fonts by resource name."""
    document = Document(data)
    catalog = document.get(document.trailer.get("Root"))
    if not isinstance(catalog, dict) or "Pages" not in catalog:
        raise Unread
    found: list[tuple[list[bytes], dict]] = []
    fonts: dict[int, Font] = {}
    visited: set[int] = set()

    def visit(node, inherited: dict, depth: int) -> None:
        number = node.number if isinstance(node, Ref) else None
        if number is None or number in visited or depth > MAX_OBJECTS_DEEP:
            raise Unread
        visited.add(number)
        properties = document.get(node)
        if not isinstance(properties, dict):
            raise Unread
        properties = {**{key: value for key, value in inherited.items()
                         if key in ("Resources", "MediaBox", "CropBox", "Rotate")}, **properties}
        kind = properties.get("Type")
        if kind == "Pages" and "Kids" in properties:
            kids = document.get(properties["Kids"])
            if not isinstance(kids, list):
                raise Unread
            for kid in kids:
                visit(kid, properties, depth + 1)
        elif kind == "Page":
            if len(found) >= MAX_PAGES:
                raise Unread
            found.append(page(properties))
        else:
            raise Unread

    def page(properties: dict) -> tuple[list[bytes], dict]:
        resources = document.get(properties.get("Resources"))
        if not isinstance(resources, dict):
            raise Unread
        for form in (document.get(resources.get("XObject")) or {}).values():
            form = document.get(form)
            if not isinstance(form, Stream) or form.attrs.get("Subtype") != "Image":
                raise Unread  # a form may hold text
        by_name = {}
        for name, spec in (document.get(resources.get("Font")) or {}).items():
            if not isinstance(spec, Ref):
                raise Unread
            if spec.number not in fonts:
                fonts[spec.number] = Font(document, spec)
            by_name[name] = fonts[spec.number]
        contents = document.get(properties.get("Contents"))
        streams = contents if isinstance(contents, list) else [contents] if contents is not None else []
        datas = []
        for stream in streams:
            stream = document.get(stream)
            if not isinstance(stream, Stream):
                raise Unread
            datas.append(stream.data())
        return datas, by_name

    visit(catalog["Pages"], catalog, 0)
    if not found:
        raise Unread
    return found
