"""Page texts of LibreOffice's PDFs read without pdfminer.six (plancheck.readers.pdf_text): the same
texts as pdfminer's interpreter finds, or the file is left to pdfminer."""

from __future__ import annotations

import pytest
from pdf_fixtures import Page, Text, build_pdf, convert_to_pdf, plan_docx, soffice

from plancheck.readers import convert, pdf_text


@pytest.fixture(scope="module")
def libreoffice_pdf(tmp_path_factory):
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    work = tmp_path_factory.mktemp("pdf-text")
    return convert_to_pdf(plan_docx(work / "plan.docx", pages=3), work / "out")


def test_a_pdf_libreoffice_wrote_is_read_without_pdfminer_to_the_same_texts(libreoffice_pdf):
    texts = convert._plain_page_texts(libreoffice_pdf)
    assert texts == convert._interpreted_page_texts(libreoffice_pdf)
    assert len(texts) == 3 and "Section 3" in texts[2]


def test_page_texts_of_a_pdf_this_reader_does_not_read_come_from_pdfminer(tmp_path):
    # Standard fonts without a ToUnicode map, text in literal strings: as LibreOffice never writes it.
    pdf = tmp_path / "plain.pdf"
    pdf.write_bytes(build_pdf([Page([Text("Our productivity plan", 72, 700)]), Page([Text("Barriers", 72, 700)])]))
    with pytest.raises(pdf_text.Unread):
        pdf_text.pages(pdf.read_bytes())
    assert convert.page_texts(pdf) == ["Our productivity plan", "Barriers"]


@pytest.mark.parametrize("edit", [
    lambda data: data.replace(b"trailer\n<<", b"trailer\n<</Prev 0 "),   # an updated file
    lambda data: data.replace(b"/FlateDecode", b"/LZWDecode"),           # another compression
    lambda data: data.replace(b"/ToUnicode", b"/ToUnicodf"),             # a font without its map
    lambda data: data.replace(b"startxref", b"startxrefs"),              # no cross-reference table found
    lambda data: data[:len(data) // 2],                                   # cut short
])
def test_a_file_not_as_libreoffice_writes_it_is_left_to_pdfminer(libreoffice_pdf, edit):
    data = libreoffice_pdf.read_bytes()
    assert edit(data) != data
    pdf_text.pages(data)
    with pytest.raises(pdf_text.Unread):
        pdf_text.pages(edit(data))


def test_an_encrypted_file_is_left_to_pdfminer():
    with pytest.raises(pdf_text.Unread):
        pdf_text.pages(build_pdf([Page([Text("Plan", 72, 700)])], user_password=""))


def test_to_unicode_maps_read_as_pdfminer_reads_them():
    cmap = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
2 beginbfchar <01> <0054> <02> <00200041> endbfchar
2 beginbfrange <03> <05> <0061> <10> <11> [<0042> <0043>] endbfrange
1 beginbfchar <06> <0020> endbfchar 1 beginbfchar <06> <00A0> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""
    assert pdf_text.to_unicode(cmap) == {1: "T", 2: " A", 3: "a", 4: "b", 5: "c", 16: "B", 17: "C", 6: " "}
    with pytest.raises(pdf_text.Unread):
        pdf_text.to_unicode(cmap.replace(b"endcmap", b"1 begincidrange <00> <ff> 0 endcidrange endcmap"))
