"""Analysis tables as CSV and XLSX: the same values, numbers kept as numbers, Chinese text intact."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from kiosk.support.paper.tables import DataTable, csv_bytes, table_file_bytes, xlsx_bytes

TABLE = DataTable(
    "items",
    "Item statistics",
    ("item", "facility", "discrimination", "stem_zh"),
    (("i1", 0.75, 0.522, "LFP 代表什么？"), ("i2", 0.5, None, "")),
)


def test_csv_has_a_bom_a_header_and_blank_for_missing_values() -> None:
    data = csv_bytes(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [
        ["item", "facility", "discrimination", "stem_zh"],
        ["i1", "0.75", "0.522", "LFP 代表什么？"],
        ["i2", "0.5", "", ""],
    ]


def test_xlsx_has_one_sheet_per_table_with_numbers_as_numbers() -> None:
    other = DataTable("a_very_long_table_name_that_excel_would_refuse", "t", ("n",), ((1,),))
    book = load_workbook(io.BytesIO(xlsx_bytes([TABLE, other])))
    assert book.sheetnames == ["items", "a_very_long_table_name_that_exc"]
    sheet = book["items"]
    assert [cell.value for cell in sheet[1]] == ["item", "facility", "discrimination", "stem_zh"]
    assert [cell.value for cell in sheet[2]] == ["i1", 0.75, 0.522, "LFP 代表什么？"]
    assert sheet["C3"].value is None
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold


def test_a_row_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="table t row 2 has 1 cells, not 2"):
        DataTable("t", "t", ("a", "b"), ((1, 2), (3,)))


def test_column_reads_one_column() -> None:
    assert TABLE.column("facility") == [0.75, 0.5]


def test_text_that_looks_like_a_formula_stays_text_in_the_workbook() -> None:
    table = DataTable("names", "Names", ("name", "mark"), (('=HYPERLINK("http://x")', 1),))
    sheet = load_workbook(io.BytesIO(xlsx_bytes([table])))["names"]
    assert (sheet["A2"].value, sheet["A2"].data_type) == ('=HYPERLINK("http://x")', "s")
    assert sheet["B2"].value == 1


def test_one_table_is_written_as_the_file_its_suffix_names() -> None:
    assert table_file_bytes(TABLE, ".csv") == csv_bytes(TABLE)
    book = load_workbook(io.BytesIO(table_file_bytes(TABLE, ".XLSX")))
    assert book.sheetnames == ["items"]
    assert [cell.value for cell in book["items"][2]] == ["i1", 0.75, 0.522, "LFP 代表什么？"]
    with pytest.raises(ValueError, match=r"cannot be written as a '.pdf' file, only as .csv, .xlsx"):
        table_file_bytes(TABLE, ".pdf")


def test_text_that_looks_like_a_formula_is_quoted_in_csv() -> None:
    table = DataTable("names", "Names", ("name", "mark"), (('=HYPERLINK("http://x")', -0.25), ("-0.5", 1)))
    rows = list(csv.reader(io.StringIO(csv_bytes(table).decode("utf-8-sig"))))
    assert rows[1] == ['\'=HYPERLINK("http://x")', "-0.25"]
    assert rows[2] == ["-0.5", "1"]


def test_the_spreadsheet_library_is_loaded_only_to_write_a_workbook() -> None:
    """Every registry verb of the command line imports this module; openpyxl (and NumPy, with the threads it
    starts, where installed) must not come with it, or reader processes could not be forked (see
    ``kiosk.registry.services.imports``)."""
    code = "import sys, kiosk.support.paper.tables; print(sorted({'openpyxl', 'numpy'} & set(sys.modules)))"
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert printed.strip() == "[]"
