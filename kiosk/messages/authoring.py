"""English wording of the error codes raised in ``kiosk.authoring``."""

from __future__ import annotations

# A bank source's problems are clauses: the CLI and the UI put the problem's place before them
# ("items/a.yaml:12: item MNT2-001: the answer must be one option id of A, B, C").
MESSAGES: dict[str, str] = {
    # Bank source folders (catalogue, source).
    "bank.source_invalid": "The bank source {folder} has {count} problem(s).",
    "source.folder_missing": "The bank source folder {path} does not exist; give the folder holding the "
    "banks.",
    "source.no_banks": "The folder {path} holds no bank source (no {file} in it or in its sub-folders); give "
    "the folder of bank sources, e.g. question_banks.",
    # Files and YAML (source, yamlsource).
    "source.not_a_folder": "is not a folder; give the bank's source folder",
    "source.no_bank_file": "is missing; every bank folder needs a bank.yaml",
    "source.no_item_files": "holds no .yaml item files",
    "source.items_not_list": "must be a YAML list of items ('- id: ...')",
    "source.item_not_mapping": "holds {entry}, not an item mapping",
    "source.bank_not_mapping": "must be a mapping (certificate:, grade:, ...)",
    "source.key_twice": "the key '{key}' appears twice",
    "source.not_utf8": "is not UTF-8 text (at byte {offset}); save it as UTF-8",
    "source.unreadable": "cannot be read ({reason})",
    "source.not_yaml": "is not valid YAML: {reason}",
    # Values (source).
    "source.not_mapping": "'{key}' must be a mapping of names to values",
    "source.empty": "'{key}' is missing or empty",
    "source.missing": "'{key}' is missing",
    "source.not_text": "'{key}' must be text",
    "source.not_allowed": "'{key}' is '{value}'; use one of: {allowed}",
    "source.not_whole_number": "'{key}' must be a whole number of at least {minimum}, not {value}",
    "source.not_number": "'{key}' must be a number, not {value}",
    "source.not_boolean": "'{key}' must be true or false",
    # bank.yaml (source).
    "source.grade_invalid": "'grade' must be 1, 2 or 3 (I, II, III), not {grade}",
    "source.languages_invalid": "'languages' must be a list holding en and optionally zh",
    "source.competences_missing": "'competences' must list the grade's competences",
    "source.competence_not_mapping": "competence {entry} must be a mapping with id, area and title",
    "source.competence_no_id": "a competence needs an 'id' such as F1",
    "source.pass_mark_invalid": "'pass_mark' is a percent between 0 and 100, not {value}",
    "source.area_minimum_invalid": "the minimum for {area} is a percent between 0 and 100, not {value}",
    "source.area_unknown": "'{area}' is not an area; use foundational, practical or reflexive",
    "source.draws_missing": "'draws' must list what a form contains",
    "source.draw_not_mapping": "draw {entry} must be a mapping like {{competence: F1, count: 4}}",
    "source.draw_no_competence": "a draw needs a 'competence'",
    "source.stimuli_not_list": "'stimuli' must be a list",
    "source.stimulus_not_mapping": "stimulus {entry} must be a mapping with id and text",
    "source.stimulus_no_id": "a stimulus needs an 'id'",
    # Items (source).
    "source.image_outside": "'image' must be a path inside the bank folder, not {image}",
    "source.image_kind": "the image {image} must be .svg, .png or .jpg",
    "source.image_missing": "the image {image} is not in the bank folder; add it or fix the path",
    "source.choices_missing": "'{key}' must list the choices",
    "source.choice_not_mapping": "each of '{key}' must be a mapping like {{id: {first}, text: ...}}",
    "source.choice_id_invalid": "'{key}' ids must be {ids}, not {id}",
    "source.choice_id_twice": "the id {id} appears twice in '{key}'",
    "source.item_no_id": "an item needs an 'id'",
    "source.true_false_answer": "a true_false answer must be true or false, not {answer}",
    "source.matching_answer": 'a matching answer must map premise ids to option ids, like {{"1": B}}',
    "source.accept_missing": "'accept' must list the accepted answers",
    # Meaning checks (checks).
    "source.competence_id_repeated": "the competence id {competence} is used {count} times",
    "source.item_id_repeated": "the id is used again (first at {first_file}:{first_line})",
    "source.competence_unknown": "the competence {competence} is not one of {known}",
    "source.stimulus_unknown": "the stimulus {stimulus} is not defined in bank.yaml",
    "source.languages_need_zh": "some text has a Chinese version, so 'languages' must include zh",
    "source.too_few_options": "a {type} item needs at least {minimum} options",
    "source.answer_not_one_option": "the answer must be one option id of {options}",
    "source.answer_not_distinct_options": "the answer must list distinct option ids of {options}",
    "source.answer_not_an_order": "the answer must list every option id exactly once, in the right order",
    "source.answer_not_every_premise": "the answer must give exactly one option for every premise",
    "source.answer_unknown_option": "premise {premise} is matched to {option}, which is not an option id",
    "source.too_few_premises": "a matching item needs at least 2 premises",
    "source.tolerance_negative": "the tolerance cannot be negative",
    "source.tolerance_too_large": "the tolerance {tolerance} is as large as the answer {answer}",
    "source.accepted_empty": "an accepted answer is empty",
    "source.options_not_taken": "a {type} item takes no options",
    "source.draw_competence_unknown": "the blueprint draws from {competence}, which is not a competence of "
    "this grade",
    "source.competence_not_drawn": "the blueprint draws nothing from competence {competence}; every "
    "competence must be assessed",
    "source.draws_short_of_difficulty": "the blueprint asks for {asked} {difficulty} items of {competence}, "
    "but the pool has {have}",
    "source.draws_short": "the blueprint asks for {asked} items of {competence}, but the pool has {have}",
    "source.draws_too_many": "the blueprint draws {total} of {pool} items; a form may use at most half the "
    "pool",
    "source.area_minimum_unused": "there is a minimum for {area}, but no competence of that area",
}
