"""The import against real public files: Moodle's own format fixtures, QTI 2.1 items from QTIWorks and
QTI 3.0 items from Cito's QTI components (see ``public/README.md`` for where each file comes from).

For every file, every source question is in the report, in order, with its line, its name and what
became of it: converted exactly, converted with the changes named, or not convertible with the reason.
For a few questions the converted key and the kiosk's share of the points for chosen responses are
written down; each share is the one the source system gives that response (worked out by hand from
Moodle's fractions or the item's response processing), or the difference is one the report names. A
malformed file gives a sentence naming the file and the line, and no file crashes any of the readers.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
import yaml

from kiosk.authoring.interchange import FORMATS, import_bank, read_sources
from kiosk.authoring.interchange.model import Converted, DraftCompetence, Outcome
from kiosk.authoring.interchange.report import report_lines
from kiosk.domain.errors import InputError, KioskError, Notice
from kiosk.domain.items import ItemType, ScoringRule, Text
from kiosk.messages import sentence
from tests.authoring.interchange.helpers import item, share

PUBLIC = Path(__file__).resolve().parent / "public"
EXACT, CHANGED, REFUSED = Outcome.EXACT, Outcome.CHANGED, Outcome.NOT_CONVERTIBLE
Expected = list[tuple[int, str, Outcome, list[str]]]


def format_of(relative: str) -> str:
    if relative.startswith("moodle/"):
        return {"gift": "gift", "aiken": "aiken", "xml": "moodle"}[relative.split("/")[1]]
    return "qti21" if relative.startswith("qtiworks/") else "qti3"


def convert(relative: str) -> list[Converted]:
    return read_sources(format_of(relative), [PUBLIC / relative], Path("imported")).converted


def one(relative: str) -> Converted:
    (entry,) = convert(relative)
    return entry


# Every source question of every public file, in order: (line, name, outcome, notice codes without the
# "interchange." prefix). A GIFT question without a ::title:: is named by the start of its text.
EXPECTED: dict[str, Expected] = {
    "moodle/gift/questions.gift.txt": [
        (2, "Q8", REFUSED, ["type_not_convertible"]),
        (5, "Moodle activities", CHANGED, ["formatting_reduced"]),
        (14, "Q2", CHANGED, ["feedback_dropped"]),
        (22, "colours", CHANGED, ["weights_to_partial", "scoring_differs", "feedback_dropped"]),
        (31, "Q5", CHANGED, ["feedback_dropped"]),
        (34, "Shortanswer", CHANGED, ["partial_answers_dropped", "feedback_dropped"]),
        (41, "Q1", CHANGED, ["feedback_dropped"]),
        (46, "2-08 TSL", EXACT, []),
        (49, "2-08 TSL", EXACT, []),
    ],
    "moodle/gift/questions_in_category.gift.txt": [
        (5, "Moodle activities", EXACT, []),
        (14, "Greeting", CHANGED, ["feedback_dropped", "formatting_reduced"]),
        (22, "Moodle user", EXACT, []),
        (27, "Moodle acronym", EXACT, []),
    ],
    "moodle/gift/examples.txt": [
        (8, "Who's buried in Grant's tomb?{~Grant ~Jefferson…", EXACT, []),
        (10, "Grant is {~buried =entombed ~living} in Grant's…", EXACT, []),
        (12, "Grant is buried in Grant's tomb.{FALSE}", EXACT, []),
        (14, "Who's buried in Grant's tomb?{=no one =nobody}", EXACT, []),
        (16, "When was Ulysses S. Grant born?{#1822:1}", EXACT, []),
        (25, "Who's buried in Grant's tomb?{~Grant ~Jefferson…", EXACT, []),
        (27, "Grant is {~buried =entombed ~living} in Grant's…", EXACT, []),
        (29, "The American holiday of Thanksgiving is…", EXACT, []),
        (35, "Japanese characters originally came from what…", EXACT, []),
        (43, "Who's buried in Grant's tomb?{=no one =nobody}", EXACT, []),
        (45, "Two plus two equals {=four =4}.", EXACT, []),
        (49, "Grant is buried in Grant's tomb.{F}", EXACT, []),
        (51, "The sun rises in the east.{T}", EXACT, []),
        (55, "Matching Question. { =subquestion1 ->…", EXACT, []),
        (61, "Match the following countries with their…", EXACT, []),
        (70, "When was Ulysses S. Grant born? {#1822}", EXACT, []),
        (72, "What is the value of pi (to 3 decimal places)?…", EXACT, []),
        (74, "What is the value of pi (to 3 decimal places)?…", EXACT, []),
        (76, "When was Ulysses S. Grant born? {# =1822:0…", CHANGED, ["partial_answers_dropped"]),
        (85, "What's 2 plus 2? {#4}", EXACT, []),
        (90, "Kanji Origins", EXACT, []),
        (93, "Thanksgiving Date", EXACT, []),
        (98, "What's the answer to this multiple-choice…", CHANGED, ["feedback_dropped"]),
        (103, "Who's buried in Grant's tomb?{ =no…", CHANGED, ["feedback_dropped"]),
        (
            108,
            "[markdown]Who's buried in **Grant's tomb**?{…",
            CHANGED,
            ["feedback_dropped", "formatting_reduced"],
        ),
        (113, "Grant is buried in Grant's tomb.{FALSE#No one…", CHANGED, ["feedback_dropped"]),
        (115, "Difficult question.{~wrong answer ~%50%half…", CHANGED, ["partial_options_dropped"]),
        (117, "Jesus' hometown", CHANGED, ["partial_options_dropped", "feedback_dropped"]),
        (123, "Jesus' hometown", CHANGED, ["partial_answers_dropped", "feedback_dropped"]),
        (
            130,
            "What two people are entombed in Grant's tomb? {…",
            CHANGED,
            ["weights_to_partial", "scoring_differs"],
        ),
        (136, "What two people are entombed in Grant's tomb? {…", EXACT, []),
        (143, "Which answer equals 5? { ~ = 2 + 2 = = 2 + 3 ~…", EXACT, []),
        (148, "GIFT Control Characters", CHANGED, ["feedback_dropped"]),
        (167, "Who's buried in Grant's tomb?{~Grant ~Jefferson…", EXACT, []),
        (169, "Grant is {~buried =entombed ~living} in Grant's…", EXACT, []),
        (171, "Grant is buried in Grant's tomb.{FALSE}", EXACT, []),
        (173, "Who's buried in Grant's tomb?{=no one =nobody}", EXACT, []),
        (175, "When was Ulysses S. Grant born?{#1822:5}", EXACT, []),
        (177, "Match the following countries with their…", EXACT, []),
        (184, "Grant's Tomb", CHANGED, ["feedback_dropped"]),
        (
            190,
            "Difficult multiple choice question.{ ~wrong…",
            CHANGED,
            ["partial_options_dropped", "feedback_dropped"],
        ),
        (
            195,
            "Jesus' hometown (Short answer ex.)",
            CHANGED,
            ["partial_answers_dropped", "feedback_dropped"],
        ),
        (202, "Numerical example", CHANGED, ["partial_answers_dropped", "feedback_dropped"]),
    ],
    "moodle/aiken/questions.aiken.txt": [
        (1, "The Moodle project was started by:", EXACT, []),
        (8, "Moodle's abilities include handling user input…", EXACT, []),
    ],
    "moodle/xml/broken_cloze_questions.xml": [
        (4, "Multianswer question without subquestions", REFUSED, ["type_not_convertible"]),
        (20, "Multichoice subquestion without choices", REFUSED, ["type_not_convertible"]),
        (36, "Multichoice subquestion with only one choice", REFUSED, ["type_not_convertible"]),
        (52, "Multichoice subquestion with no completely correct answer", REFUSED, ["type_not_convertible"]),
        (68, "Numerical subquestion with buggy answer", REFUSED, ["type_not_convertible"]),
    ],
    "moodle/xml/categories_reverse_order.xml": [
        (14, "Tau Question", REFUSED, ["type_not_convertible"]),
        (51, "Sigma Question", EXACT, []),
    ],
    "moodle/xml/category_with_description.xml": [(15, "Alpha Question", EXACT, [])],
    "moodle/xml/deprecated_category.xml": [(14, "Alpha Question", EXACT, [])],
    "moodle/xml/error_invalid_grades.xml": [
        (
            4,
            "Question with <strong>invalid grades</strong> : x > 1 & x < 2",
            CHANGED,
            ["weights_to_partial", "scoring_differs"],
        ),
    ],
    "moodle/xml/export_category.xml": [(15, "Alpha Question", EXACT, [])],
    "moodle/xml/html_chars_in_idnumbers.xml": [(15, "Alpha Question", EXACT, [])],
    "moodle/xml/multianswer.xml": [(12, "cloze with images", REFUSED, ["type_not_convertible"])],
    "moodle/xml/nested_categories.xml": [(37, "Zeta Question", EXACT, [])],
    "moodle/xml/nested_categories_with_questions.xml": [
        (15, "Iota Question", EXACT, []),
        (55, "Kappa Essay Question", REFUSED, ["type_not_convertible"]),
        (83, "Kappa Question", EXACT, []),
        (123, "Lambda Question", EXACT, []),
        (163, "Mu Question", EXACT, []),
    ],
    "moodle/xml/old_format_file.xml": [(11, "Pi Question", EXACT, []), (46, "Rho Question", EXACT, [])],
    "moodle/xml/sample_questions_with_old_image_tag.xml": [
        (16, "cloze question with image", REFUSED, ["type_not_convertible"]),
        (36, "mcq with image", EXACT, []),
    ],
    "qtiworks/dave/choice-min.xml": [(2, "Unattended Luggage", EXACT, [])],
    "qtiworks/dave/addition-no-feedback.xml": [(2, "Addition No Feedback", EXACT, [])],
    "qtiworks/dave/item03.xml": [(2, "Item 3", EXACT, [])],
    "qtiworks/dave/choice-feedback.xml": [(2, "Simple MCQ (with feedback)", CHANGED, ["feedback_dropped"])],
    "qtiworks/WebDeveloperTest1/question1.xml": [(2, "Getting Started", CHANGED, ["formatting_reduced"])],
    "qtiworks/WebDeveloperTest1/question2.xml": [(2, "Getting Started", CHANGED, ["formatting_reduced"])],
    "qtiworks/WebDeveloperTest1/question3.xml": [(2, "Getting Started", CHANGED, ["formatting_reduced"])],
    "qtiworks/WebDeveloperTest1/question4.xml": [
        (2, "Getting Started", CHANGED, ["image_missing", "formatting_reduced"])
    ],
    "qtiworks/WebDeveloperTest1/question5.xml": [
        (2, "Getting Started 5", CHANGED, ["weights_to_partial", "scoring_differs", "formatting_reduced"])
    ],
    "qtiworks/WebDeveloperTest1/question6.xml": [(2, "Getting Started", CHANGED, ["formatting_reduced"])],
    "qtiworks/WebDeveloperTest1/question7.xml": [(2, "Getting Started", CHANGED, ["formatting_reduced"])],
    "qtiworks/WebDeveloperTest1/question8.xml": [(2, "Getting Started 8", REFUSED, ["several_interactions"])],
    "qtiworks/WebDeveloperTest1/question9.xml": [
        (2, "Getting Started 9", CHANGED, ["weights_to_partial", "scoring_differs", "formatting_reduced"])
    ],
    "citolab/stories/ITEM001.xml": [(2, "Meerkeuzevraag één antwoord", CHANGED, ["image_missing"])],
    "citolab/stories/ITEM002.xml": [
        (2, "Meerkeuzevraag meerdere antwoorden", CHANGED, ["image_missing", "formatting_reduced"])
    ],
    "citolab/stories/ITEM003.xml": [
        (2, "Tekstvraag – hoofdletterongevoelig", CHANGED, ["image_missing", "formatting_reduced"])
    ],
    "citolab/stories/ITEM005.xml": [(2, "Open tekstvraag", REFUSED, ["interaction_not_convertible"])],
    "citolab/stories/ITEM007.xml": [
        (2, "Sleepvraag - opties boven", CHANGED, ["image_missing", "formatting_reduced"])
    ],
    "citolab/stories/ITEM009.xml": [
        (
            2,
            "Sleepvraag – meerdere antwoorden per categorie",
            CHANGED,
            ["image_missing", "formatting_reduced"],
        )
    ],
    "citolab/stories/ITEM010.xml": [(2, "Matrixvraag", CHANGED, ["image_missing", "formatting_reduced"])],
    "citolab/stories/ITEM013.xml": [(2, "Volgordevraag (horizontaal)", EXACT, [])],
    "citolab/stories/ITEM014.xml": [(2, "Volgordevraag (verticaal)", CHANGED, ["formatting_reduced"])],
    "citolab/guides/feedback/item.xml": [(3, "Capital of France", CHANGED, ["feedback_dropped"])],
    "citolab/guides/response-processing/item.xml": [(3, "Capital of France", EXACT, [])],
    "citolab/numeric/divide-compare.xml": [(2, "Lorem Numeric", REFUSED, ["several_interactions"])],
}
# Files that are malformed on purpose: the sentence's code and line.
MALFORMED = {"moodle/aiken/aiken_errors.txt": ("interchange.aiken_option_first", 5)}


def public_files() -> list[str]:
    return sorted(
        path.relative_to(PUBLIC).as_posix()
        for path in PUBLIC.rglob("*")
        if path.is_file() and path.suffix in (".xml", ".txt") and not path.name.startswith("LICENSE")
    )


def test_every_public_file_has_its_outcome_written_down() -> None:
    assert public_files() == sorted([*EXPECTED, *MALFORMED])


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_every_source_question_is_reported_with_its_outcome(relative: str) -> None:
    converted = convert(relative)
    found = [
        (
            entry.source.line,
            entry.source.name,
            entry.outcome,
            [notice.code.removeprefix("interchange.") for notice in entry.notices],
        )
        for entry in converted
    ]
    assert found == EXPECTED[relative]
    for entry in converted:
        assert entry.source.file == str(PUBLIC / relative)
        # Converted or not, each question says why when it is not exact.
        assert (entry.item is None) == (entry.outcome is REFUSED)
        assert bool(entry.notices) == (entry.outcome is not EXACT)


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_the_report_counts_every_question_the_source_holds(relative: str) -> None:
    """Counted from the file itself, independently of the readers."""
    text = (PUBLIC / relative).read_text(encoding="utf-8")
    if relative.startswith("moodle/xml/"):
        count = len(re.findall(r'<question type="(?!category")', text))
    elif relative.startswith("moodle/aiken/"):
        count = len(re.findall(r"^ANSWER:", text, re.MULTILINE))
    elif relative.startswith("moodle/gift/"):
        lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
        blocks = re.split(r"\n\s*\n", "\n".join(lines))
        count = sum(1 for block in blocks if block.strip() and not block.strip().startswith("$CATEGORY"))
    else:
        count = len(re.findall(r"<(?:qti-assessment-item|assessmentItem)\b", text))
    assert len(convert(relative)) == count


@pytest.mark.parametrize("relative", public_files())
@pytest.mark.parametrize("format_name", FORMATS)
def test_no_public_file_crashes_any_reader(relative: str, format_name: str) -> None:
    """Read in its own format or any other, a file converts or gives a sentence naming it and a line."""
    try:
        read_sources(format_name, [PUBLIC / relative], Path("imported"))
    except KioskError as error:
        assert isinstance(error, InputError)
        worded = sentence(error)
        assert str(PUBLIC / relative) in worded
        if "line" in error.params:
            assert f"line {error.params['line']}" in worded


# -- Moodle's GIFT fixtures ----------------------------------------------------------------------------


def test_gift_answers_in_their_own_format_and_a_matching_distractor() -> None:
    entries = convert("moodle/gift/questions.gift.txt")
    activities = item(entries[1])
    assert activities.type is ItemType.MATCHING
    assert [premise.text.en for premise in activities.premises] == [
        "An activity supporting asynchronous discussions.",
        "A teacher asks a question and specifies a choice of multiple responses.",
        "A bank of record entries which participants can add to.",
        "A collection of web pages that anyone can add to or edit.",
    ]
    assert [option.text.en for option in activities.options] == [
        "Forum",
        "Choice",
        "Database",
        "Wiki",
        "Chat",
    ]
    assert activities.pairs == (("1", "A"), ("2", "B"), ("3", "C"), ("4", "D"))
    # Moodle gives a matching question the share of its subquestions matched right.
    assert share(activities, {"1": "A", "2": "B", "3": "C", "4": "D"}) == 1.0
    assert share(activities, {"1": "A", "2": "B", "3": "E", "4": "D"}) == 0.75
    assert entries[1].notices == [Notice("interchange.formatting_reduced", marks="b, markdown")]
    q2 = item(entries[2])
    assert ([o.text.en for o in q2.options], q2.key) == (["yellow", "red", "blue"], ("A",))


def test_gift_weighted_multiple_response_scores_like_moodle_or_says_where_not() -> None:
    colours = convert("moodle/gift/questions.gift.txt")[3]
    draft = item(colours)
    assert (draft.type, draft.key, draft.scoring) == (ItemType.MULTIPLE, ("A", "C"), ScoringRule.PARTIAL)
    # Moodle adds the fractions of the options chosen: yellow 50% + off-beige 50%.
    assert (share(draft, ["A", "C"]), share(draft, ["A"]), share(draft, ["B"])) == (1.0, 0.5, 0.0)
    assert colours.notices[:2] == [
        Notice("interchange.weights_to_partial", weights="A 50%, B -100%, C 50%, D -100%"),
        Notice("interchange.scoring_differs", response='["A","B","C"]', source=0, kiosk=50),
    ]


def test_gift_numeric_with_feedback_for_other_numbers_a_range_and_short_answers() -> None:
    entries = convert("moodle/gift/questions.gift.txt")
    q5 = item(entries[4])
    assert (q5.type, q5.value, q5.tolerance) == (ItemType.NUMERIC, 3.0, 2.0)
    assert [share(q5, number) for number in ("1", "5", "5.5", "0.9")] == [1.0, 1.0, 0.0, 0.0]
    animal = item(entries[5])
    assert animal.accepted == ("Frog",)
    assert (share(animal, "frog"), share(animal, "Cat")) == (1.0, 0.0)
    assert entries[5].notices[0] == Notice("interchange.partial_answers_dropped", answers="Cat 50%")
    q1 = item(entries[6])
    assert (q1.key, q1.rationale) == (
        ("false",),
        "This is, of course, a Hitchiker's Guide to the Galaxy reference.",
    )
    examples = convert("moodle/gift/examples.txt")
    pi = item(examples[17])
    assert (pi.value, pi.tolerance) == (3.1415, 0.0005)
    assert [share(pi, number) for number in ("3.1419", "3.1425")] == [1.0, 0.0]
    assert item(examples[10]).accepted == ("four", "4")


def test_gift_escaped_control_characters_are_the_characters() -> None:
    examples = convert("moodle/gift/examples.txt")
    control = item(examples[32])
    assert [option.text.en for option in control.options] == ["~", "=", "#", "{", "}", "\\"]
    assert control.key == ("F",)
    equals = item(examples[31])
    assert ([option.text.en for option in equals.options], equals.key) == (
        ["= 2 + 2", "= 2 + 3", "= 2 + 4"],
        ("B",),
    )


def test_gift_weights_without_penalty_differ_from_the_kiosks_partial_credit() -> None:
    entombed = convert("moodle/gift/examples.txt")[29]
    assert item(entombed).key == ("B", "C")
    assert entombed.notices == [
        Notice("interchange.weights_to_partial", weights="A 0%, B 50%, C 50%, D 0%"),
        Notice("interchange.scoring_differs", response='["A","B"]', source=50, kiosk=0),
    ]


# -- Moodle's Aiken fixtures ---------------------------------------------------------------------------


def test_aiken_keys_and_text_kept_as_written() -> None:
    first, second = convert("moodle/aiken/questions.aiken.txt")
    assert [o.text.en for o in item(first).options] == [
        "Petr Skoda",
        "Martin Dougiamas",
        "Eloy Lafuente",
        "Tim Hunt",
    ]
    assert (item(first).key, share(item(first), "B"), share(item(first), "A")) == (("B",), 1.0, 0.0)
    assert item(second).stem.en == (
        'Moodle\'s abilities include handling user input that includes <html class="cool"> & images:'
    )
    assert item(second).key == ("A",)


def test_aiken_errors_import_like_moodle_with_each_fault_named() -> None:
    """Moodle imports the two good questions of this file and reports the others; so does the kiosk, each
    fault in the report with its line."""
    path = PUBLIC / "moodle" / "aiken" / "aiken_errors.txt"
    converted = read_sources("aiken", [path], Path("imported")).converted
    assert [(entry.source.line, entry.outcome) for entry in converted] == [
        (1, Outcome.NOT_CONVERTIBLE),
        (5, Outcome.NOT_CONVERTIBLE),
        (9, Outcome.EXACT),
        (14, Outcome.NOT_CONVERTIBLE),
        (18, Outcome.EXACT),
    ]
    faults = [entry.notices[0] for entry in converted if entry.item is None]
    assert faults == [
        Notice("interchange.too_few_options", count=1),
        Notice("interchange.aiken_option_first", file=str(path), line=5),
        Notice("interchange.aiken_no_answer", file=str(path), line=18),
    ]
    assert sentence(faults[1]).startswith(f"{path}, line 5: an option comes before the text")


def test_aiken_errors_once_mended_import_like_moodle(tmp_path: Path) -> None:
    """Moodle's own test of this file expects "A good question" and "A second good question" (options
    written without a space after the letter), and refuses the question with a single answer."""
    lines = (PUBLIC / "moodle" / "aiken" / "aiken_errors.txt").read_text(encoding="utf-8").split("\n")
    # Drop what Moodle reports as errors: an option and an answer with no question (lines 5 and 7), and
    # a question without its ANSWER line (lines 14 to 16).
    kept = [line for number, line in enumerate(lines, start=1) if number not in (5, 7, 14, 15, 16)]
    mended = tmp_path / "mended.txt"
    mended.write_text("\n".join(kept), encoding="utf-8")
    few, good, second = read_sources("aiken", [mended], tmp_path / "out").converted
    assert few.notices == [Notice("interchange.too_few_options", count=1)]
    assert ([o.text.en for o in item(good).options], item(good).key) == (["Correct", "Incorrect"], ("A",))
    assert [o.text.en for o in item(second).options] == ["Incorrect (No space)", "Correct (No space)"]
    assert item(second).key == ("B",)


# -- Moodle's XML fixtures -----------------------------------------------------------------------------


def test_moodle_19_question_image_is_kept() -> None:
    path = PUBLIC / "moodle" / "xml" / "sample_questions_with_old_image_tag.xml"
    bank = read_sources("moodle", [path], Path("imported"))
    mcq = item(bank.converted[1])
    assert (mcq.type, mcq.key, mcq.image) == (ItemType.SINGLE, ("C",), "images/moodle.png")
    assert [o.text.en for o in mcq.options] == ["wrong answer", "another wrong answer", "right answer"]
    encoded = re.findall(r"<image_base64>\s*([^<]+?)\s*</image_base64>", path.read_text(encoding="utf-8"))[1]
    assert bank.images == {"images/moodle.png": base64.b64decode(encoded)}


def test_moodle_category_id_numbers_become_competences_when_usable() -> None:
    bank = read_sources(
        "moodle", [PUBLIC / "moodle" / "xml" / "category_with_description.xml"], Path("imported")
    )
    assert bank.competences == [DraftCompetence("alpha-idnumber", None, Text("Alpha"))]
    assert item(bank.converted[0]).competence == "alpha-idnumber"
    assert (item(bank.converted[0]).type, item(bank.converted[0]).key) == (ItemType.TRUE_FALSE, ("true",))
    odd = read_sources("moodle", [PUBLIC / "moodle" / "xml" / "html_chars_in_idnumbers.xml"], Path("odd"))
    # "The inequalities < & >" and "T & F" are no ids an author can keep.
    assert (odd.competences, odd.items[0].competence, odd.items[0].id) == ([], None, "ODD-001")


def test_moodle_grades_that_do_not_add_up_are_converted_and_the_difference_named() -> None:
    entry = one("moodle/xml/error_invalid_grades.xml")
    draft = item(entry)
    assert (draft.type, draft.key, [o.text.en for o in draft.options]) == (
        ItemType.MULTIPLE,
        ("B", "C", "E"),
        ["1", "2", "3", "4", "5"],
    )
    assert (share(draft, ["B", "C", "E"]), share(draft, ["A", "B"])) == (1.0, 0.0)
    assert entry.notices == [
        Notice("interchange.weights_to_partial", weights="A -50%, B 33%, C 33.33333%, D -50%, E 33.33333%"),
        Notice("interchange.scoring_differs", response='["B"]', source=33, kiosk=33.3),
    ]


def test_moodle_short_answer_and_essays() -> None:
    essay, sigma = convert("moodle/xml/categories_reverse_order.xml")
    assert essay.notices == [Notice("interchange.type_not_convertible", kind="essay")]
    assert (item(sigma).accepted, share(item(sigma), "YES"), share(item(sigma), "no")) == (("yes",), 1.0, 0.0)
    cloze = one("moodle/xml/multianswer.xml")
    assert cloze.notices == [Notice("interchange.type_not_convertible", kind="cloze")]


# -- QTI 2.1 items from QTIWorks -----------------------------------------------------------------------


def test_qti21_mapped_multiple_response_scores_like_its_mapping() -> None:
    draft = item(one("qtiworks/dave/choice-min.xml"))
    assert (draft.id, draft.type, draft.key, draft.points) == ("choice", ItemType.MULTIPLE, ("A", "C"), 2)
    # map_response: A 1, B -1, C 1, D -1, bounded to 0..2, out of 2.
    assert [share(draft, r) for r in (["A", "C"], ["A"], ["A", "B"], ["A", "C", "D"])] == [1.0, 0.5, 0.0, 0.5]


def test_qti21_default_mapped_value_is_named_for_every_option() -> None:
    entry = one("qtiworks/WebDeveloperTest1/question5.xml")
    assert (item(entry).key, item(entry).points) == (("B", "E"), 2)
    assert entry.notices[:2] == [
        Notice("interchange.weights_to_partial", weights="A -2, B 1, C -2, D -2, E 1"),
        Notice("interchange.scoring_differs", response='["A","B","E"]', source=0, kiosk=50),
    ]


def test_qti21_text_entry_choice_and_missing_image() -> None:
    addition = item(one("qtiworks/dave/addition-no-feedback.xml"))
    assert (addition.stem.en, addition.accepted) == ("Please calculate the following:\n2+2=_____", ("4",))
    assert (share(addition, "4"), share(addition, "5")) == (1.0, 0.0)
    links = item(one("qtiworks/WebDeveloperTest1/question2.xml"))
    assert links.options[0].text.en == '<a href = "myimage.html">Link to my page</a>'
    assert links.key == ("A",)
    directory = one("qtiworks/WebDeveloperTest1/question4.xml")
    assert directory.notices[0] == Notice("interchange.image_missing", image="directory.jpg")
    two = one("qtiworks/WebDeveloperTest1/question8.xml")
    assert two.notices == [Notice("interchange.several_interactions", count=2)]


# -- QTI 3.0 items from Cito's components -------------------------------------------------------------


def test_qti3_points_follow_the_mapping_when_the_declared_maximum_is_too_low() -> None:
    """These items declare SCORE's normal maximum as 1 but their mapping gives a right answer 3 or 5."""
    countries = item(one("citolab/stories/ITEM002.xml"))
    assert (countries.key, countries.points) == (("A", "B", "D"), 3)
    shares = [share(countries, r) for r in (["A", "B", "D"], ["A"], ["A", "C"], ["A", "B", "C", "D"])]
    assert shares == [1.0, pytest.approx(1 / 3), 0.0, pytest.approx(2 / 3)]
    units = item(one("citolab/stories/ITEM007.xml"))
    assert (units.type, units.pairs, units.points) == (
        ItemType.MATCHING,
        (("1", "A"), ("2", "B"), ("3", "C")),
        3,
    )
    assert share(units, {"1": "A", "2": "C", "3": "B"}) == pytest.approx(1 / 3)
    sorting = item(one("citolab/stories/ITEM009.xml"))
    assert (sorting.points, [o.text.en for o in sorting.options]) == (5, ["Biologie", "Scheikunde"])
    assert share(sorting, {"1": "A", "2": "B", "3": "A", "4": "A", "5": "B"}) == pytest.approx(0.8)
    matrix = item(one("citolab/stories/ITEM010.xml"))
    assert (matrix.pairs, matrix.points) == ((("1", "A"), ("2", "A"), ("3", "B")), 3)


def test_qti3_rubric_becomes_the_rationale_and_case_insensitive_answers() -> None:
    atoms = item(one("citolab/stories/ITEM001.xml"))
    assert (atoms.key, atoms.rationale) == (
        ("C",),
        "Xenon — atoommassa ≈ 131,29 u; Tin ≈ 118,71 u; Jodium ≈ 126,90 u",
    )
    light = item(one("citolab/stories/ITEM003.xml"))
    assert light.accepted == ("refractie", "breking")
    assert (share(light, "Breking"), share(light, "licht")) == (1.0, 0.0)


def test_qti3_order_and_what_is_not_convertible() -> None:
    steps = item(one("citolab/stories/ITEM013.xml"))
    assert (steps.type, steps.key, steps.scoring) == (
        ItemType.ORDERING,
        ("A", "C", "B"),
        ScoringRule.ALL_OR_NOTHING,
    )
    assert (share(steps, ["A", "C", "B"]), share(steps, ["A", "B", "C"])) == (1.0, 0.0)
    assert item(one("citolab/stories/ITEM014.xml")).key == ("B", "A", "C")
    essay = one("citolab/stories/ITEM005.xml")
    assert essay.notices == [
        Notice("interchange.interaction_not_convertible", kind="qti-extended-text-interaction")
    ]
    paris = item(one("citolab/guides/response-processing/item.xml"))
    assert (paris.id, paris.key, share(paris, "B"), share(paris, "A")) == (
        "ITM-response-processing-demo",
        ("B",),
        1.0,
        0.0,
    )


# -- The written folder -------------------------------------------------------------------------------


@pytest.mark.parametrize("format_name", FORMATS)
def test_importing_all_files_of_a_format_writes_a_line_per_question(tmp_path: Path, format_name: str) -> None:
    files = [PUBLIC / relative for relative in sorted(EXPECTED) if format_of(relative) == format_name]
    report = import_bank(format_name, files, tmp_path / "bank", word=sentence)
    expected = [
        entry
        for relative in sorted(EXPECTED)
        if format_of(relative) == format_name
        for entry in EXPECTED[relative]
    ]
    assert len(report.entries) == len(expected)
    lines = (tmp_path / "bank" / "import-report.txt").read_text(encoding="utf-8").splitlines()
    assert lines == report_lines(report, sentence)
    assert len(lines) == len(expected) + 1
    assert lines[0].startswith(f"{len(expected)} question(s) read: ")
    for line, entry in zip(lines[1:], report.entries, strict=True):
        assert line.startswith(f'{entry.source.where} "{entry.source.name}": ')
    written: list[dict[str, object]] = []
    for path in sorted((tmp_path / "bank" / "items").glob("*.yaml")):
        written += yaml.safe_load(path.read_text(encoding="utf-8"))
    converted = [entry.item_id for entry in report.entries if entry.item_id is not None]
    assert [record["id"] for record in written] == converted
