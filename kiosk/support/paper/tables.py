"""Analysis tables as data: the same rows printed in the PDF and written as CSV files and an XLSX workbook.

Numbers are rounded once, when a table is built, so the PDF, the CSV and the spreadsheet show the same value.
CSV files are UTF-8 with a byte-order mark so that Excel opens Chinese text correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.domain.spreadsheet import inert_cell

Cell = str | int | float | None

_SHEET_NAME_LIMIT = 31
TABLE_FILE_SUFFIXES = (".csv", ".xlsx")
"""The kinds of file one table can be written as (see :func:`table_file_bytes`)."""


@dataclass(frozen=True, slots=True)
class DataTable:
    """A named table: ``name`` is the CSV file stem and the sheet name, ``title`` what a reader is told."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"table {self.name} row {number} has {len(row)} cells, not {len(self.columns)}"
                )

    def column(self, name: str) -> list[Cell]:
        """Every value in the column headed ``name``."""
        index = self.columns.index(name)
        return [row[index] for row in self.rows]


def csv_bytes(table: DataTable) -> bytes:
    """The table as CSV (UTF-8 with BOM, comma-separated, a header row, blank for missing values).

    Text that would start a formula is quoted, so a typed name cannot run in the spreadsheet.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows(["" if value is None else inert_cell(value) for value in row] for row in table.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(tables: Sequence[DataTable]) -> bytes:
    """One sheet per table with a bold, grey, frozen header row; numbers stay numbers, text stays text."""
    # Loaded here, by the one function that writes workbooks: openpyxl takes a tenth of a second to import,
    # and where NumPy is installed it imports that too, which starts threads of its own in every program
    # that imports this module (the command line's registry verbs among them).
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    workbook.remove(workbook.active)
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D0D0D0")
    for table in tables:
        sheet = workbook.create_sheet(table.name[:_SHEET_NAME_LIMIT])
        sheet.append(list(table.columns))
        for cell in sheet[1]:
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append(list(row))
            for cell in sheet[sheet.max_row]:
                # openpyxl stores text starting with "=" as a formula; a name typed into a roster is not one.
                if cell.data_type == "f":
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
        for index, name in enumerate(table.columns, start=1):
            longest = max([len(name), *(len(str(row[index - 1] or "")) for row in table.rows)])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, max(8, longest + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_file_bytes(table: DataTable, suffix: str) -> bytes:
    """One table as the whole file its name's ``suffix`` asks for: ``.csv`` or ``.xlsx`` (a single sheet)."""
    kind = suffix.lower()
    if kind == ".csv":
        return csv_bytes(table)
    if kind == ".xlsx":
        return xlsx_bytes([table])
    raise ValueError(
        f"a table cannot be written as a {suffix!r} file, only as {', '.join(TABLE_FILE_SUFFIXES)}"
    )
