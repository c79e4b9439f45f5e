"""The import report: one line per source question, every notice worded with all its facts."""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk.authoring.interchange as interchange
from kiosk.authoring.interchange import build_report
from kiosk.authoring.interchange.model import Outcome
from kiosk.authoring.interchange.report import entry_notice, plain_word, report_lines, summary_notice
from kiosk.messages import fields_of, sentence
from kiosk.messages.catalogue import MESSAGES
from tests.authoring.interchange.helpers import CORPUS, convert

SOURCES = {
    "moodle": [CORPUS / "moodle" / "energy-storage.xml"],
    "gift": [CORPUS / "gift" / "energy-storage.gift"],
    "aiken": [CORPUS / "aiken" / "energy-storage.txt"],
    "qti21": [*sorted((CORPUS / "qti21").glob("*.xml")), CORPUS / "qti21" / "package"],
    "qti3": [*sorted((CORPUS / "qti3").glob("*.xml")), CORPUS / "qti3" / "package"],
}


def test_every_notice_of_the_corpus_has_a_template_and_all_its_facts() -> None:
    seen: set[str] = set()
    for format_name, files in SOURCES.items():
        bank = convert(format_name, *files)
        report = build_report(bank, format_name, files, Path("out"))
        notices = [notice for entry in report.entries for notice in entry.notices]
        notices += [entry_notice(entry, sentence) for entry in report.entries] + [summary_notice(report)]
        for notice in notices:
            assert notice.code in MESSAGES, notice
            assert fields_of(MESSAGES[notice.code]) <= set(notice.params), notice
            assert "{" not in sentence(notice), notice
            seen.add(notice.code)
    assert len(seen) >= 18


def test_the_report_has_a_summary_and_a_line_per_question() -> None:
    files = SOURCES["gift"]
    bank = convert("gift", *files, output=Path("maintenance-1"))
    report = build_report(bank, "gift", files, Path("question_banks/maintenance-1"))
    assert (
        report.count(Outcome.EXACT),
        report.count(Outcome.CHANGED),
        report.count(Outcome.NOT_CONVERTIBLE),
    ) == (
        9,
        5,
        2,
    )
    lines = report_lines(report, sentence)
    assert len(lines) == 1 + 16
    assert lines[0] == (
        "16 question(s) read: 9 converted exactly, 5 converted with changes, 2 not convertible; "
        "the bank source is in question_banks/maintenance-1."
    )
    gift = str(files[0])
    assert lines[2] == f'{gift}:15 "Anode": converted exactly as MAINTENANCE-1-002.'
    assert lines[1] == (
        f'{gift}:7 "Separator": converted as MAINTENANCE-1-001 with changes: feedback to candidates was left '
        "out; the kiosk shows none during an exam."
    )
    assert lines[-1] == (
        f'{gift}:67 "Instructions": not convertible: description questions have no kiosk item type.'
    )
    assert report_lines(report, plain_word)[2].startswith("interchange.line_exact item=MAINTENANCE-1-002")


def test_every_notice_made_in_the_package_passes_the_fields_of_its_template() -> None:
    """Notices made through helpers (``refused(source, code, ...)``, ``self._notice(code, ...)``) too."""
    checked = 0
    for path in sorted(Path(interchange.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name not in ("Notice", "refused", "_notice", "InputError"):
                continue
            literals = [arg.value for arg in node.args[:2] if isinstance(arg, ast.Constant)]
            code = next((value for value in literals if isinstance(value, str)), None)
            if code is None or any(keyword.arg is None for keyword in node.keywords):
                continue
            given = {keyword.arg for keyword in node.keywords}
            assert code in MESSAGES, f"{path.name}:{node.lineno}: {code}"
            assert fields_of(MESSAGES[code]) <= given, f"{path.name}:{node.lineno}: {code} lacks fields"
            checked += 1
    assert checked > 60
