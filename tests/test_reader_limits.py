"""Limits every reader shares: size, emptiness, the per-document time limit."""

import pytest

from plancheck.errors import ReadError
from plancheck.readers import ReadOptions, read_document


def test_a_document_that_takes_too_long_is_refused_with_the_limit(tmp_path):
    plan = tmp_path / "long.md"
    plan.write_text("# Plan\n\n" + "\n\n".join(f"Paragraph {n} about the plan and its aims." for n in range(60_000)))
    with pytest.raises(ReadError, match=r"took longer than 0.05 seconds to read"):
        read_document(plan, ReadOptions(time_limit=0.05))
    assert read_document(plan, ReadOptions(time_limit=120)).blocks


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    plan = tmp_path / "big.txt"
    plan.write_text("word " * 300_000)
    with pytest.raises(ReadError, match=r"is too large \(1\.4 MB; the limit is 1 MB\)"):
        read_document(plan, ReadOptions(max_bytes=1024 * 1024))


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\xef\xbb\xbf\n"])
def test_an_empty_file_is_refused(tmp_path, content):
    plan = tmp_path / "empty.md"
    plan.write_bytes(content)
    with pytest.raises(ReadError, match="is empty"):
        read_document(plan)


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    with pytest.raises(ReadError, match="file not found"):
        read_document(tmp_path / "nowhere.docx")
    with pytest.raises(ReadError, match="is a folder"):
        read_document(tmp_path)
