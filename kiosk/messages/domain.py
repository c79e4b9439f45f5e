"""English wording of the error codes raised in ``kiosk.domain``."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Exam time (clock).
    "time.duration_invalid": "Exam duration must be a positive number of minutes, not {minutes}.",
    "time.factor_invalid": "Extra-time factor must be 1 or more (for example 1.25), not {factor}.",
    "time.granted_invalid": "Granted extra time must be a number of seconds, 0 or more; {seconds} was given.",
    "time.allowed_invalid": "Allowed exam time must be a number of seconds, 0 or more; {seconds} was given.",
    "time.consumed_invalid": "Consumed exam time must be a number of seconds, 0 or more; {seconds} was "
    "given.",
    "time.extra_invalid": "Extra time must be a positive number of seconds, not {seconds}.",
    # The on-screen calculator (calculator).
    "calculator.empty": "Type a sum first, for example 12 × 3.5.",
    "calculator.too_long": "The sum is {length} characters long; the calculator takes at most {max_length}.",
    "calculator.unexpected": "The calculator cannot read '{text}' at position {position}; check the sum.",
    "calculator.incomplete": "The sum stops too early; finish it, for example after the last sign.",
    "calculator.needs_bracket": "Put what {name} works on in brackets, for example {name}(2).",
    "calculator.bracket_open": "The bracket opened at position {position} is never closed.",
    "calculator.bracket_unopened": "The bracket closed at position {position} was never opened.",
    "calculator.too_deep": "The sum has more than {depth} brackets inside each other; make it simpler.",
    "calculator.divide_by_zero": "Dividing by zero has no answer.",
    "calculator.out_of_domain": "{function} has no answer for {value}.",
    "calculator.negative_fraction_power": "A negative number ({value}) cannot be raised to a fraction.",
    "calculator.too_large": "The answer is too large for the calculator.",
    "calculator.scientific_only": "'{name}' is on the scientific calculator only; this exam allows the basic "
    "one.",
    # Candidate responses (responses).
    "response.stored_not_json": "Stored response is not valid JSON ({reason}).",
    "response.stored_not_response": "Stored response is neither text, a list of ids nor a map of ids.",
    "response.single_not_text": "Answer to item {item} must be one option id.",
    "response.true_false_not_text": 'Answer to item {item} must be "true" or "false".',
    "response.number_not_text": "Answer to item {item} must be a number such as 2.5.",
    "response.short_text_not_text": "Answer to item {item} must be text.",
    "response.not_a_list": "Answer to item {item} must be a list of option ids.",
    "response.list_not_text": "Answer to item {item} must list option ids as text.",
    "response.unknown_option": "Answer to item {item} names option '{choice}', which the item does not "
    "have; use one of {known}.",
    "response.unknown_premise": "Answer to item {item} names premise '{choice}', which the item does not "
    "have; use one of {known}.",
    "response.not_true_false": 'Answer to item {item} must be "true" or "false", not \'{answer}\'.',
    "response.number_not_boolean": "Answer to item {item} must be a number such as 2.5, not true/false.",
    "response.number_too_long": "Answer to item {item} must be a number such as 2.5, not a long text.",
    "response.not_a_number": "Answer to item {item} must be a number such as 2.5; '{typed}' is not one.",
    "response.listed_twice": "Answer to item {item} lists '{element}' more than once; list each once.",
    "response.element_missing": "Answer to item {item} must place every element, but {missing} is missing.",
    "response.elements_missing": "Answer to item {item} must place every element, but {missing} are missing.",
    "response.not_a_map": "Answer to item {item} must map premise ids to option ids.",
    "response.map_not_text": "Answer to item {item} must map premise ids to option ids as text.",
    "response.text_too_long": "Answer to item {item} is {length} characters long; keep it to {limit} or "
    "fewer.",
    # Scoring an attempt (scoring).
    "score.wrong_bank": "This form was drawn from bank {form_bank} version {form_version}, so it cannot be "
    "scored against bank {bank} version {version}.",
    "score.item_not_on_form": "The responses include item {item}, which is not on this candidate's form.",
    "score.item_not_in_bank": "Bank {bank} version {version} has no item {item}, which is on the form.",
    "score.competence_not_in_bank": "Item {item} names competence {competence}, which bank {bank} lacks.",
    # Forms (forms).
    "form.items_not_list": "Form data must hold a list of items under 'items'.",
    "form.item_not_map": "Form item {position} must be a map with an 'item_id'.",
    "form.item_id_not_text": "The form item {position} must have 'item_id' as text.",
    "form.item_field_not_ids": "Form item {position} must have '{field}' as a list of ids.",
    "form.field_not_text": "The form must have '{field}' as text.",
    "form.field_not_number": "The form must have '{field}' as a whole number.",
    "form.draw_count_negative": "Blueprint draw {draw} (competence {competence}) of bank {bank} version "
    "{version} asks for {count} items; a draw needs a count of 0 or more.",
    "form.draw_unfillable": "Blueprint draw {draw} (competence {competence}) of bank {bank} version "
    "{version} cannot be filled: it asks for {count} item(s) but {left} such item(s) remain undrawn; add "
    "items or lower the count.",
    "form.draw_unfillable_difficulty": "Blueprint draw {draw} (competence {competence}, {difficulty}) of "
    "bank {bank} version {version} cannot be filled: it asks for {count} item(s) but {left} such item(s) "
    "remain undrawn; add items or lower the count.",
    # The attempt state machine (attempt).
    "attempt.not_started": "That cannot be done now: this attempt has not started yet.",
    "attempt.already_running": "That cannot be done now: this attempt is already running.",
    "attempt.paused": "That cannot be done now: this attempt is paused.",
    "attempt.already_paused": "This attempt is already paused.",
    "attempt.awaiting_authorisation": "That cannot be done now: this attempt was interrupted and an "
    "invigilator must first authorise resuming it.",
    "attempt.submitted": "This attempt has already been submitted; answers can no longer change.",
    "attempt.expired": "This attempt's time is up and it was submitted automatically; answers can no "
    "longer change.",
    "attempt.answers_not_started": "Answers cannot be saved now: this attempt has not started yet.",
    "attempt.answers_paused": "Answers cannot be saved now: this attempt is paused.",
    "attempt.answers_awaiting_authorisation": "Answers cannot be saved now: this attempt was interrupted "
    "and an invigilator must first authorise resuming it.",
    # Bank sources a report reads (catalogue).
    "bank.version_not_in_sources": "Attempt {attempt} was sat on bank {bank} version {version}, but "
    "{sources} holds version(s) {held}; the report needs the source folder of that version (its pass rules "
    "and competences decide what the report shows).",
    "bank.not_in_sources": "Attempt {attempt} was sat on bank {bank} version {version}, but {sources} does "
    "not hold it; the report needs the source folder of that version (its pass rules and competences "
    "decide what the report shows).",
}
