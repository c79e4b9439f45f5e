"""The bank page's import tab: choose the format and the files, choose the new folder, import, read the
report as a table (source question, item, outcome, what changed or why not), open the folder written for
review; a malformed file gives its sentence with the file and the line, and writes nothing."""

from __future__ import annotations

from pathlib import Path

import yaml
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.ui.admin.centre.bank_import import folder_name_for, free_folder, output_in
from kiosk.ui.admin.centre.banks import BanksPage
from kiosk.ui.admin.widgets import table_text
from kiosk.ui.admin.window import AdminWindow
from tests.ui.admin.admin_helpers import (
    SCREEN,
    RecordingDesktop,
    ScriptedChooser,
    answer_prompt,
    click,
    drop_files,
    settle,
    type_into,
)

INTERCHANGE = Path(__file__).resolve().parents[2] / "authoring" / "interchange"
GIFT = INTERCHANGE / "public" / "moodle" / "gift" / "questions.gift.txt"
AIKEN = INTERCHANGE / "public" / "moodle" / "aiken" / "questions.aiken.txt"
AIKEN_ERRORS = INTERCHANGE / "public" / "moodle" / "aiken" / "aiken_errors.txt"
QTI3 = INTERCHANGE / "public" / "citolab" / "stories"


def _import_tab(qtbot: QtBot, window: AdminWindow) -> BanksPage:
    page = window.show_page("banks")
    settle(qtbot, window)
    assert isinstance(page, BanksPage)
    assert page.title_label.text() == "Install bank packages"
    page.sections.setCurrentWidget(page.importer)
    assert page.importing()
    assert page.title_label.text() == "Import questions from other tools"
    return page


def _choose_format(page: BanksPage, name: str) -> None:
    box = page.importer.format_box
    box.setCurrentIndex(box.findData(name))
    assert page.importer.format_name() == name


def test_gift_files_are_imported_and_the_report_is_a_table(
    qtbot: QtBot,
    centre: AdminWindow,
    chooser: ScriptedChooser,
    desktop: RecordingDesktop,
    tmp_path: Path,
) -> None:
    page = _import_tab(qtbot, centre)
    panel = page.importer
    assert [panel.format_box.itemText(i) for i in range(panel.format_box.count())] == [
        "QTI 3.0",
        "QTI 2.1",
        "Moodle XML",
        "GIFT",
        "Aiken",
    ]
    _choose_format(page, "gift")
    empty = tmp_path / "exports"
    empty.mkdir()
    chooser.answers += [[GIFT], empty]
    click(qtbot, panel.choose_button)
    assert chooser.asked[-1] == ("open_files", "Choose the files to import")
    assert panel.files == [GIFT]
    assert "To import: questions.gift.txt" in panel.drop.text()
    # A folder is suggested beside the files; choosing an empty one uses it as it is.
    assert panel.output.path() == GIFT.parent / "questions-gift-bank"
    click(qtbot, panel.output.browse)
    assert panel.output.path() == empty
    type_into(qtbot, panel.output.edit, str(tmp_path / "moodle-questions"))

    click(qtbot, panel.import_button)
    settle(qtbot, centre)
    assert panel.status.level == "info"
    assert panel.status.text.startswith(
        f"9 question(s) read: 2 converted exactly, 6 converted with changes, 1 not convertible; the bank "
        f"source is in {tmp_path / 'moodle-questions'}."
    )
    rows = table_text(panel.table)
    assert [row[0] for row in rows] == [
        "Q8 (questions.gift.txt:2)",
        "Moodle activities (questions.gift.txt:5)",
        "Q2 (questions.gift.txt:14)",
        "colours (questions.gift.txt:22)",
        "Q5 (questions.gift.txt:31)",
        "Shortanswer (questions.gift.txt:34)",
        "Q1 (questions.gift.txt:41)",
        "2-08 TSL (questions.gift.txt:46)",
        "2-08 TSL (questions.gift.txt:49)",
    ]
    assert rows[0][1:] == ["—", "Not convertible", "essay questions have no kiosk item type"]
    assert rows[2][1:3] == ["MOODLE-QUESTIONS-002", "Converted with changes"]
    assert rows[2][3] == "feedback to candidates was left out; the kiosk shows none during an exam"
    assert rows[5][3].startswith("answers with partial credit (Cat 50%) were left out")
    assert rows[7][1:] == ["MOODLE-QUESTIONS-007", "Converted exactly", ""]

    # The bank source stays on disk for review, and the page opens its folder.
    folder = tmp_path / "moodle-questions"
    assert sorted(path.name for path in folder.iterdir()) == ["bank.yaml", "import-report.txt", "items"]
    items = yaml.safe_load((folder / "items" / "001-questions-gift.yaml").read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == [row[1] for row in rows if row[1] != "—"]
    report = (folder / "import-report.txt").read_text(encoding="utf-8").splitlines()
    assert len(report) == 10
    click(qtbot, panel.open_button)
    assert desktop.opened == [folder]


def test_dropped_qti_files_go_into_a_new_folder_inside_a_folder_that_holds_files(
    qtbot: QtBot, centre: AdminWindow, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    page = _import_tab(qtbot, centre)
    panel = page.importer
    _choose_format(page, "qti3")
    busy = tmp_path / "banks"
    busy.mkdir()
    (busy / "notes.txt").write_text("kept", encoding="utf-8")
    files = [QTI3 / "ITEM002.xml", QTI3 / "ITEM005.xml", QTI3 / "ITEM013.xml"]
    drop_files(panel.drop, files)
    assert panel.files == files
    chooser.answers.append(busy)
    click(qtbot, panel.output.browse)
    assert chooser.asked[-1] == ("folder", "Choose where to write the new bank folder")
    assert panel.output.path() == busy / "item002-bank"
    qtbot.keyClick(panel.output.edit, Qt.Key.Key_Return)
    settle(qtbot, centre)

    assert table_text(panel.table) == [
        [
            "Meerkeuzevraag meerdere antwoorden (ITEM002.xml:2)",
            "ITEM002",
            "Converted with changes",
            "the image resources/world-map.jpg is not in the source and was left out; formatting (ul) was "
            "reduced to plain text",
        ],
        [
            "Open tekstvraag (ITEM005.xml:2)",
            "—",
            "Not convertible",
            "the interaction qti-extended-text-interaction has no kiosk item type",
        ],
        ["Volgordevraag (horizontaal) (ITEM013.xml:2)", "ITEM013", "Converted exactly", ""],
    ]
    assert (busy / "notes.txt").read_text(encoding="utf-8") == "kept"
    assert (busy / "item002-bank" / "bank.yaml").is_file()


def test_malformed_questions_are_listed_with_their_line_and_the_others_come_in(
    qtbot: QtBot, centre: AdminWindow, tmp_path: Path
) -> None:
    page = _import_tab(qtbot, centre)
    panel = page.importer
    _choose_format(page, "aiken")
    click(qtbot, panel.import_button)
    assert panel.status.level == "error"
    assert panel.status.text == "Choose or drop the files to import first."

    drop_files(panel.drop, [AIKEN_ERRORS])
    type_into(qtbot, panel.output.edit, str(tmp_path / "aiken-bank"))
    click(qtbot, panel.import_button)
    settle(qtbot, centre)

    rows = table_text(panel.table)
    assert [row[2] for row in rows] == [
        "Not convertible",
        "Not convertible",
        "Converted exactly",
        "Not convertible",
        "Converted exactly",
    ]
    assert rows[1][3] == (
        f"{AIKEN_ERRORS}, line 5: an option comes before the text of its question; write the question's "
        "text on the line above its options"
    )
    assert (tmp_path / "aiken-bank" / "bank.yaml").is_file()


def test_a_file_that_cannot_be_read_gives_its_line_and_writes_nothing(
    qtbot: QtBot, centre: AdminWindow, tmp_path: Path
) -> None:
    page = _import_tab(qtbot, centre)
    panel = page.importer
    _choose_format(page, "aiken")
    broken = tmp_path / "latin1.txt"
    broken.write_bytes(b"Which metal?\nA. Caf\xe9\nB. Lead\nANSWER: B\n")
    drop_files(panel.drop, [AIKEN, broken])
    type_into(qtbot, panel.output.edit, str(tmp_path / "aiken-bank"))
    click(qtbot, panel.import_button)
    settle(qtbot, centre)

    said = answer_prompt(qtbot, centre)
    assert "The questions were not imported" in said
    assert f"{broken}, line 2:" in said
    assert panel.status.level == "error" and f"{broken}, line 2:" in panel.status.text
    assert table_text(panel.table) == []
    assert not panel.open_button.isVisible()
    assert not (tmp_path / "aiken-bank").exists()


def test_the_import_tab_speaks_chinese(qtbot: QtBot, centre: AdminWindow, tmp_path: Path) -> None:
    page = _import_tab(qtbot, centre)
    panel = page.importer
    _choose_format(page, "aiken")
    drop_files(panel.drop, [AIKEN])
    type_into(qtbot, panel.output.edit, str(tmp_path / "aiken-bank"))
    click(qtbot, panel.import_button)
    settle(qtbot, centre)
    assert table_text(panel.table)[0][2] == "Converted exactly"

    centre.language.set_language("zh")
    assert page.sections.tabText(1) == "从其他工具导入"
    assert page.title_label.text() == "从其他工具导入试题"
    assert panel.import_button.text() == "导入试题"
    assert table_text(panel.table)[0][2] == "完全转换"
    heading = panel.table.horizontalHeaderItem(3)
    assert heading is not None and heading.text() == "改动之处 / 未转换的原因"


def test_folder_names_for_an_import() -> None:
    assert folder_name_for(Path("Moodle Export (2024).xml")) == "moodle-export-2024-bank"
    assert folder_name_for(Path("___.txt")) == "imported-bank"


def test_a_folder_that_holds_files_is_never_chosen(tmp_path: Path) -> None:
    (tmp_path / "a-bank").mkdir()
    (tmp_path / "a-bank" / "x").write_text("", encoding="utf-8")
    (tmp_path / "a-bank-2").mkdir()
    assert free_folder(tmp_path, "a-bank") == tmp_path / "a-bank-2"
    assert output_in(tmp_path / "a-bank-2", [Path("a.txt")]) == tmp_path / "a-bank-2"
    assert output_in(tmp_path / "new", []) == tmp_path / "new"
    assert output_in(tmp_path / "a-bank", [Path("Quiz.xml")]) == tmp_path / "a-bank" / "quiz-bank"


def test_the_bank_page_still_fits_the_lab_screen_with_either_tab(qtbot: QtBot, centre: AdminWindow) -> None:
    page = _import_tab(qtbot, centre)
    for index in (1, 0):
        page.sections.setCurrentIndex(index)
        hint = page.minimumSizeHint()
        assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1], hint
    # Ctrl+4 lands on the first box of the tab shown.
    first: object = page.first_input
    assert first is page.key_file.edit
    page.sections.setCurrentWidget(page.importer)
    first = page.first_input
    assert first is page.importer.format_box
