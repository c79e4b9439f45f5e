"""English wording of the error codes raised in ``kiosk.authoring``."""

from __future__ import annotations

# A bank source's problems are clauses: the CLI and the UI put the problem's place before them
# ("items/a.yaml:12: item MNT2-001: the answer must be one option id of A, B, C").
MESSAGES: dict[str, str] = {
    # Bank source folders (catalogue, source) and building packages (build, release_codes).
    "bank.source_invalid": "The bank source {folder} has {count} problem(s).",
    "bank.signer_not_awarding": "The key '{name}' is a {kind} key; only an awarding-body key may sign a bank "
    "package.",
    "release_code.too_short": "The release code is too easy to guess: it has about {bits} bits of strength "
    "and at least {minimum} are needed; use a longer code, such as 16 characters in groups of four.",
    "release_code.too_few_characters": "The release code is too easy to guess: it uses only {distinct} "
    "different characters and at least {minimum} are needed.",
    "release_code.patterned": "The release code is too easy to guess: it runs along the alphabet or the "
    "keyboard, or repeats itself; use a code drawn at random.",
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
    "source.file_outside": "leads outside the bank folder (to {target}); copy the file into the folder "
    "instead of linking to it",
    # Keys (source, schema).
    "source.key_unknown": "'{key}' is not a key here; did you mean '{suggestion}'?",
    "source.key_unknown_here": "'{key}' is not a key here; the keys here are {known}",
    "source.key_not_for_type": "'{key}' is not used by a {type} item; remove it or correct the type",
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
    "source.enemies_not_list": "'enemies' must be a list of sets of item ids, like [[MNT2-022, MNT2-023]]",
    "source.enemy_set_invalid": "the enemies set {entry} must list two or more different item ids",
    # Items (source).
    "source.image_outside": "'image' must be a path inside the bank folder, not {image}",
    "source.image_kind": "the image {image} must be .svg, .png or .jpg",
    "source.image_missing": "the image {image} is not in the bank folder; add it or fix the path",
    "source.image_link_outside": "the image {image} leads outside the bank folder (to {target}); copy the "
    "picture into the folder instead of linking to it",
    "source.image_unreadable": "the image {image} cannot be read ({reason})",
    "source.image_not_kind": "the image {image} is not a {kind} picture; export it again as {kind}",
    "source.image_wrong_suffix": "the image {image} holds {found} data, not {kind}; name it after what it "
    "holds",
    "source.image_damaged": "the image {image} is a damaged {kind} picture (at its {part}); export it again",
    "source.image_too_large": "the image {image} is {width} × {height} pixels; make it at most {limit} "
    "pixels a side",
    "source.svg_not_xml": "the image {image} is not well-formed SVG (line {line}: {reason})",
    "source.svg_doctype": "the image {image} declares a DOCTYPE or an entity (line {line}); an exam image "
    "may not, so remove it",
    "source.svg_root": "the image {image} has <{root}> at its root, not <svg>",
    "source.svg_script": "the image {image} holds a <{element}> element (line {line}); an exam image may not "
    "carry scripts or other documents",
    "source.svg_event": "the image {image} has an event attribute '{attribute}' (line {line}); an exam "
    "image may not carry scripts",
    "source.svg_embedded_picture": "the image {image} holds an embedded picture that is not a usable PNG or "
    "JPEG (line {line}); embed it again or remove it",
    "source.svg_external": "the image {image} refers to '{reference}' (line {line}); an exam image may only "
    "refer to its own parts (#id)",
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
    "source.enemy_unknown": "the enemies set names {enemy}, which is not an item of this bank",
    "source.draw_short": "draw {draw} asks for {asked} items of {competence}; {have} items fit it, but "
    "draws filled before it may take {used} of them",
    "source.draw_short_with_enemies": "draw {draw} asks for {asked} items of {competence}; {have} items fit "
    "it, but draws filled before it may take {used} and enemies sets may bar {barred}; add items or make "
    "the sets smaller",
    # Item-writing lint (lint): warnings, errors only when validating strictly.
    "lint.key_long": "the key is {key_length} characters long, at least 1.5 times the longest distractor "
    "({distractor_length}); a test-wise candidate picks the longest option",
    "lint.key_longest_share": "the key is the longest option in {count} of {total} single-answer items "
    "({share} %); keep it to a third or fewer",
    "lint.key_positions_uneven": "the keys of the {total} single-answer items sit unevenly in the source "
    "({positions}); printed copies keep this order, so spread the keys over the positions",
    "lint.true_share": "{count} of {total} true/false items are true ({share} %); keep between 40 and 60 % "
    "true",
    "lint.stem_duplicate": "the stem is nearly the same as that of {other} ({similarity} % alike); remove "
    "one, or declare them enemies",
    "lint.stem_duplicate_other_bank": "the stem is nearly the same as that of {other} in {bank} "
    "({similarity} % alike), labelled {other_difficulty} there and {difficulty} here; give a shared item one "
    "difficulty",
    "lint.key_repeats_stem": "the key repeats the stem's word '{word}' and no distractor does; a candidate "
    "can match words instead of knowing the answer",
    "lint.all_or_none_of_the_above": "option {option} is 'all of the above' or 'none of the above'; write a "
    "real option instead",
    "lint.draw_mixes_difficulty": "draw {draw} takes {competence} items of any difficulty ({difficulties}), "
    "so forms differ in difficulty; draw each difficulty separately",
    "lint.pool_small": "the pool holds {pool} items for forms of {total}; keep it at least three times a "
    "form, so candidates share little of their paper",
    "lint.pass_mark_unexplained": "the pass mark has no written rationale; say in 'pass_mark_rationale' why "
    "this mark separates competent candidates",
    "lint.levels_missing": "{count} item(s) without a cognitive 'level'; tag each item remember, "
    "understand, apply, analyse, evaluate or create",
    "lint.chinese_missing": "{count} item(s) without Chinese text for the stem or every choice, so the "
    "Chinese screen mixes languages",
    "lint.scenario_share": "only {count} of {total} items work from a scenario (a shared stimulus or an "
    "image); give at least a fifth of the items a fault log, a nameplate, a reading or a diagram",
}
