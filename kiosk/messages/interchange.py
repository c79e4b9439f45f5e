"""English wording of the codes raised and reported by ``kiosk.authoring.interchange`` (import, export).

Errors are sentences naming the file and line. What the import reports about one question (why it is not
convertible, what changed in converting it) are clauses: the report puts the question's place and name
before them ("quiz.xml:40 "Pick two": converted as MNT1-002 with changes: ...").
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Files (the import as a whole).
    "interchange.format_unknown": "'{format}' is not a format the bank import reads; use one of: {known}.",
    "interchange.file_missing": "The file {file} does not exist.",
    "interchange.unreadable": "The file {file} cannot be read ({reason}).",
    "interchange.output_exists": "The folder {folder} already holds files; the import writes only into a "
    "new, empty folder, so that nothing is overwritten.",
    "interchange.not_xml": "{file}, line {line}: this is not well-formed XML ({reason}); the file may be "
    "damaged or not an export in that format.",
    "interchange.xml_doctype": "{file}, line {line}: the file declares a DOCTYPE or entities, which are "
    "refused because they can hide harmful content; export it again without them.",
    "interchange.xml_too_large": "{file}, line {line}: the XML is too large to be read safely; export the "
    "questions in smaller files.",
    "interchange.xml_too_deep": "{file}, line {line}: the XML nests deeper than any question needs, so it "
    "is not read; export it again.",
    "interchange.not_zip": "{file} is not a readable zip package ({reason}).",
    "interchange.zip_too_large": "{file} holds more files or more data than a question package may; split "
    "the package.",
    "interchange.not_utf8": "{file}, line {line}: the text is not UTF-8; save the file as UTF-8 and import "
    "it again.",
    "interchange.moodle_not_quiz": "{file}, line {line}: this is not a Moodle XML question export (its root "
    "element is <{found}>, not <quiz>).",
    "interchange.gift_braces": "{file}, line {line}: the braces of an answer block do not match; every '{{' "
    "needs its '}}' (write \\{{ and \\}} for the characters themselves).",
    "interchange.gift_title": "{file}, line {line}: a question title opened with '::' is not closed with "
    "'::'.",
    "interchange.aiken_no_options": "{file}, line {line}: an ANSWER line comes before any option; give the "
    "options ('A. ...') first.",
    "interchange.aiken_no_answer": "{file}, line {line}: a question's options are not followed by its "
    "'ANSWER: X' line.",
    "interchange.aiken_answer_unknown": "{file}, line {line}: the answer {answer} is not one of the options "
    "({options}).",
    "interchange.aiken_option_first": "{file}, line {line}: an option comes before the text of its "
    "question; write the question's text on the line above its options.",
    "interchange.qti_not_item": "{file}, line {line}: this is neither a QTI assessment item nor a content "
    "package manifest (its root element is <{found}>).",
    "interchange.qti_no_items": "{file} holds no QTI assessment items.",
    "interchange.qti_namespace": "{file}, line {line}: the item's namespace {namespace} is not that of QTI "
    "2.1, 2.2 or 3.0.",
    "interchange.qti_version": "{file}, line {line}: this is a QTI {found} item, but QTI {expected} was "
    "asked for; import it as QTI {found}.",
    "interchange.package_file_missing": "{file}, line {line}: the manifest lists {href}, which is not in "
    "the package.",
    # Why a question is not convertible.
    "interchange.type_not_convertible": "{kind} questions have no kiosk item type",
    "interchange.interaction_not_convertible": "the interaction {kind} has no kiosk item type",
    "interchange.no_interaction": "it has nothing to answer (no interaction)",
    "interchange.several_interactions": "it asks {count} questions at once, and a kiosk item asks one",
    "interchange.no_declaration": "its interaction answers {response}, which the item does not declare",
    "interchange.item_templated": "it is a template item whose values change from one candidate to the next",
    "interchange.too_many_options": "it has {count} options or premises, and a kiosk item holds at most "
    "{limit}",
    "interchange.too_few_options": "it has {count} option(s), and a kiosk item needs at least 2",
    "interchange.no_key": "it has no right answer",
    "interchange.several_keys": "{count} answers are fully right, and a single-answer kiosk item has one",
    "interchange.wildcard_answer": "the accepted answer {answer} uses the * wildcard, which the kiosk does "
    "not match",
    "interchange.order_incomplete": "its right order does not list every option exactly once",
    "interchange.premise_twice": "premise {premise} has two right matches, and a kiosk matching item has one",
    "interchange.premise_unmatched": "premise {premise} has no right match",
    "interchange.no_score": "its scoring gives no points even for the right answer",
    "interchange.scoring_unread": "its scoring uses {what}, which the import cannot evaluate; check the key "
    "and the scoring rule",
    # What changed in converting a question.
    "interchange.scoring_from_key": "the source gives no scoring rules, so the kiosk scores it from its "
    "correct response",
    "interchange.scoring_differs": "for the response {response} the source gives {source}% of the points "
    "and the kiosk {kiosk}%",
    "interchange.weights_to_partial": "the options' weighted credit ({weights}) became the kiosk's partial "
    "credit: (right ticks − wrong ticks) ÷ keyed ticks",
    "interchange.relative_tolerance": "the relative tolerance of {percent}% became an absolute tolerance of "
    "{tolerance}",
    "interchange.rounding_tolerance": "rounding to {figures} ({mode}) became a tolerance of ±{tolerance}",
    "interchange.tolerance_asymmetric": "the tolerance was −{low} / +{high}, and the kiosk's is the "
    "narrower one on both sides",
    "interchange.case_sensitive": "the accepted answers were case-sensitive; the kiosk ignores case, "
    "accents, extra spaces and trailing punctuation",
    "interchange.partial_answers_dropped": "answers with partial credit ({answers}) were left out; only "
    "fully right answers are accepted",
    "interchange.partial_options_dropped": "options with partial credit ({options}) now earn nothing; only "
    "the key earns points",
    "interchange.numeric_answers_dropped": "the other right answers ({answers}) were left out; a numeric "
    "item has one value and a tolerance",
    "interchange.units_dropped": "the other units ({units}) were left out; the kiosk shows one unit and "
    "reads the number only",
    "interchange.ordering_grading": "the {grading} grading became the kiosk's share of positions right",
    "interchange.feedback_dropped": "feedback to candidates was left out; the kiosk shows none during an "
    "exam",
    "interchange.formatting_reduced": "formatting ({marks}) was reduced to plain text",
    "interchange.option_image": "the image in {option} was replaced by its description, as kiosk options "
    "are text",
    "interchange.images_dropped": "only the first image was kept; {count} more were left out",
    "interchange.image_missing": "the image {image} is not in the source and was left out",
    "interchange.image_too_large": "the image {image} is larger than {limit} MB and was left out",
    "interchange.image_unknown_kind": "the image {image} is not a PNG, JPEG or SVG file and was left out",
    "interchange.image_svg_refused": "the SVG image {image} holds {reason}, which an exam image may not, "
    "and was left out",
    "interchange.image_svg_malformed": "the SVG image {image} is not well-formed XML (line {line}) and was "
    "left out",
    "interchange.stimulus_missing": "the shared stimulus {stimulus} is not in the package and was left out",
    "interchange.stimuli_dropped": "a second shared stimulus ({stimulus}) was left out; a kiosk item has one",
    "interchange.points_rounded": "its {points} points were rounded to {rounded}",
    "interchange.difficulty_mapped": "the difficulty '{source}' became {kiosk}",
    # The report and the files written.
    "interchange.line_exact": '{where} "{source}": converted exactly as {item}.',
    "interchange.line_changed": '{where} "{source}": converted as {item} with changes: {changes}.',
    "interchange.line_refused": '{where} "{source}": not convertible: {reasons}.',
    "interchange.summary": "{count} question(s) read: {exact} converted exactly, {changed} converted with "
    "changes, {refused} not convertible; the bank source is in {folder}.",
    "interchange.yaml_origin": "Imported from {origin}; read import-report.txt and fill in what the source "
    "did not say.",
    "interchange.yaml_blueprint": "The duration, the pass mark and the draws are for the author to set.",
}
