"""The PDF reader's content-stream tokenizer gives exactly the operands pdfminer's own parser gives,
or leaves the stream to pdfminer."""

from __future__ import annotations

import random

import pytest
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psexceptions import PSEOF

from plancheck.readers import pdf_content
from plancheck.readers.pdf_content import SAME_PARSER_SINCE, _objects, _Unread

# Older pdfminer.six parsers read the ends of streams and buffers otherwise; the reader leaves
# every stream to them.
pytestmark = pytest.mark.skipif(not pdf_content.FAST, reason=f"pdfminer.six before {SAME_PARSER_SINCE}")


def pdfminer_objects(datas: list[bytes]) -> list:
    """What pdfminer's parser reads from the streams of one page, in order."""
    try:
        parser = PDFContentParser([PDFStream({}, data) for data in datas])
    except PSEOF:
        return []
    objects = []
    while True:
        try:
            _, obj = parser.nextobject()
        except PSEOF:
            return objects
        objects.append(obj)


def same_as_pdfminer(datas: list[bytes]) -> bool:
    """True when the fast tokenizer reads the streams, and reads them as pdfminer does; False when it
    leaves them to pdfminer."""
    try:
        mine = _objects(datas)
    except _Unread:
        return False
    assert repr(mine) == repr(pdfminer_objects(datas))
    return True


@pytest.mark.parametrize("data", [
    # What LibreOffice writes: hex strings in TJ arrays, tagged content.
    b"0.1 w\nq 0 0.028 611.971 791.971 re\nW* n\nBT\n90.1 682.4 Td /F1 14 Tf[<01>1<02>1<0506>-1]TJ\nET\nQ",
    b"/Standard<</MCID 0>>BDC\nq 0 0 0 rg\nBT\n72.1 759.189 Td /F2 11 Tf<01>Tj\nET\nQ\nEMC",
    b"/List#20Bullet<</MCID 28>>BDC /A##41x /A#4g 1 Tf EMC",
    # What Word and TeX write: literal strings with escapes and nested brackets.
    rb"BT /F1 12 Tf (Hello \(world\)) Tj (a(b)c) Tj (\101\12x\0053) Tj (\q\\) Tj [(A)-3(B)] TJ ET",
    b"(line\\\ncontinued) Tj (cr\\\r\nlf) Tj (lone\\\rcr) Tj",
    # Numbers as pdfminer reads them, odd hex digits, empty strings and names, booleans, comments.
    b"1.2.3 +.5 5. 12abc -3 0.25 .5 re <414> <41 4 2> <> () / true false null % a comment\nn",
    b"[1 [2 [3]] <</A <</B 1>> /C [/D]>>] Tj ' \" d0 T* )",
    b"<</A <12>>> BDC EMC",
    # Arrays of hex strings and numbers only, read in one go: odd digits, numbers run together.
    b"[<01>1<02>-3.5<0304>.5 5.<>]TJ [ <414> 1.2.3 -2+3 ] TJ [<4 1>] TJ [] TJ [1 %c\n 2] TJ",
])
def test_a_stream_reads_as_pdfminer_reads_it(data):
    assert same_as_pdfminer([data])


def test_arrays_and_dictionaries_run_on_from_one_stream_into_the_next():
    assert same_as_pdfminer([b"[<01> 1 <02", b"03>] TJ <</A", b" 1>> BDC"]) is False  # a hex string cut
    assert same_as_pdfminer([b"[<01> 1", b"<02>] TJ <</A", b" 1>> BDC Q"])
    assert same_as_pdfminer([b"q 1 0 0 1 0 0 cm", b"BT /F1 1 Tf ET", b"Q"])


@pytest.mark.parametrize("datas", [
    [b"BI /W 1 /H 1 ID \x00\xff EI Q"],            # an inline image
    [b"{ 1 2 add } Q"],                             # a procedure
    [b"(unclosed Tj"],                              # a string left open
    [b"] Q"], [b"[1 2 Q"], [b"<</A 1 /B>> Q"],      # unbalanced arrays and dictionaries
    [b"<</A 1 2 3>> BDC"],                          # a dictionary key that is not a name
    [b"- Q"], [b". Q"],                              # numbers pdfminer drops
    [b"(\\777) Tj"],                                 # an octal escape past 255
    [b"/F1 1 Tf /", b"Name Q"],                       # an empty name at a stream's end
    [b"/A#4", b"1 Q"],                               # a name escape at a stream's end
    [b"1 >", b"> Q"],                                # a ">" at a stream's end
    [b"<0041"],                                      # a hex string left open
])
def test_what_pdfminer_alone_reads_as_it_does_is_left_to_it(datas):
    assert same_as_pdfminer(datas) is False


def test_a_line_end_in_a_string_cut_by_pdfminers_buffer_is_left_to_it():
    # pdfminer reads a stream 4096 bytes at a time; a backslash, carriage return and line feed split
    # after the carriage return keeps the line feed there.
    split = b" " * (4096 - len(b"(a\\\r")) + b"(a\\\r\nb) Tj"
    assert same_as_pdfminer([split]) is False
    assert same_as_pdfminer([b" " + split])


OPERANDS = [b"/F1", b"/List#20Bullet", b"/", b"12", b"-3", b"+4", b"0.5", b".25", b"5.", b"<0041>", b"<41 4>",
            b"<>", b"(abc)", b"(a\\(b\\)c)", b"(a(b)c)", b"(\\101\\12x)", b"(\\q)", b"(a\\\nb)", b"(a\\\r\nb)",
            b"true", b"false", b"null", b"<FEFF0041>"]
OPERATORS = [b"BT", b"ET", b"Tj", b"TJ", b"T*", b"'", b'"', b"q", b"Q", b"re", b"W*", b"n", b"BDC", b"EMC",
             b"Tf", b"Td", b"cm", b"rg", b"Do", b"zz"]
SEPARATORS = [b" ", b"\n", b"\r\n", b"", b"\t", b"%c\n", b"\x00"]


def random_operand(rng: random.Random, depth: int = 0) -> bytes:
    roll = rng.random()
    if depth < 2 and roll < 0.15:
        items = b" ".join(random_operand(rng, depth + 1) for _ in range(rng.randint(0, 6)))
        return b"[" + items + b"]"
    if depth < 2 and roll < 0.25:
        pairs = b"".join(b"/K%d %s " % (index, rng.choice([b"1", b"/N", b"(s)", b"<00>", b"[1 2]"]))
                         for index in range(rng.randint(0, 3)))
        return b"<<" + pairs + b">>"
    return rng.choice(OPERANDS)


def random_stream(rng: random.Random, operators: int) -> bytes:
    parts = []
    for _ in range(operators):
        parts.extend(random_operand(rng) + rng.choice(SEPARATORS) for _ in range(rng.randint(0, 3)))
        parts.append(rng.choice(OPERATORS) + rng.choice([b" ", b"\n", b"\r\n"]))
    return b"".join(parts)


def test_random_streams_read_as_pdfminer_reads_them():
    # Long streams cross pdfminer's 4096-byte buffers; pages of several streams cut them anywhere.
    rng = random.Random(20261203)
    read = 0
    for _ in range(150):
        datas = [random_stream(rng, rng.choice([rng.randint(0, 20), rng.randint(300, 900)]))
                 for _ in range(rng.choice([1, 1, 2, 3]))]
        if rng.random() < 0.3 and datas[0]:
            cut = rng.randrange(len(datas[0]))
            datas[:1] = [datas[0][:cut], datas[0][cut:]]
        read += same_as_pdfminer(datas)
    assert read > 100


def test_the_reader_interprets_pages_with_the_fast_tokenizer(tmp_path, monkeypatch):
    from pdf_fixtures import Page, Text, build_pdf  # noqa: PLC0415  (beside the tests)

    from plancheck.readers import ReadOptions, pdf

    path = tmp_path / "plan.pdf"
    path.write_bytes(build_pdf([Page(texts=[Text("Our productivity plan", 72, 720, size=18),
                                            Text("Councils set out (in brief) how they will improve.", 72, 690)])]))
    read = []
    original = pdf_content._objects
    monkeypatch.setattr(pdf_content, "_objects", lambda datas: read.append(len(datas)) or original(datas))
    document = pdf.read(path, ReadOptions(), "pdf")
    assert read, "the page was left to pdfminer's parser"
    assert [block.text for block in document.blocks] == ["Our productivity plan",
                                                         "Councils set out (in brief) how they will improve."]
