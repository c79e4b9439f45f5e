"""Saving a table the administrator sees (access codes, a results list) as a CSV file for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from kiosk.domain.spreadsheet import inert_cell
from kiosk.support.files import write_file


def write_csv(target: Path, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    """Write the rows as UTF-8 CSV with a byte-order mark, so spreadsheets read names in any script.

    The file is written atomically and, like every file ``write_file`` makes, readable only by its
    owner: some of these files hold access codes.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([inert_cell(value) for value in row] for row in rows)
    # A failure is write_file's FileWriteError; the console words it from its code.
    write_file(target, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
    return target
