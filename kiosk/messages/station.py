"""English wording of the error codes raised in ``kiosk.station``."""

from __future__ import annotations

_TRIES = "{tries} more wrong tries will lock entry for {minutes} minutes."
_LAST_TRY = "1 more wrong try will lock entry for {minutes} minutes."
_NOW_LOCKED = "Entry is now locked for up to {minutes} minutes."
_WRONG_PIN = "That invigilator PIN is not correct."
_WRONG_CODE = "That candidate number and access code do not match; check both with the invigilator."
_WRONG_RELEASE_CODE = "The release code is not correct for this bank package."
_WAIT = "wait {minutes} minutes before trying again."
_WAIT_ONE_MINUTE = "wait 1 minute before trying again."
_GRADES = "write 1, 2 or 3 (or I, II, III)."

MESSAGES: dict[str, str] = {
    # The kiosk itself (kiosk_setup, context).
    "kiosk.centre_name_empty": "The centre name is empty; give one, for example 'CZVTC Lusaka'.",
    "kiosk.centre_name_too_long": "The centre name is longer than {max_length} characters; shorten it.",
    "kiosk.kiosk_name_empty": "The kiosk name is empty; give one, for example 'Lab 2 PC 14'.",
    "kiosk.kiosk_name_too_long": "The kiosk name is longer than {max_length} characters; shorten it.",
    "kiosk.already_set_up": "This PC is already set up as kiosk {kiosk_id} ('{kiosk_name}' at {centre}); "
    "its identity cannot change.",
    "kiosk.not_set_up": "This PC is not set up as a kiosk yet.",
    # Backing a kiosk up and restoring it on another PC (recovery).
    "recovery.passphrase_short": "The backup passphrase must be at least {minimum} characters long: it is "
    "all that protects the kiosk's signing key on the backup.",
    "recovery.folder_missing": "The folder {folder} does not exist; choose where to write the backup.",
    "recovery.backup_exists": "A backup {folder} is there already; nothing was written.",
    "recovery.not_a_backup": "The folder {folder} is not a kiosk backup: it must hold kiosk.db and the "
    "sealed identity.",
    "recovery.already_a_kiosk": "This PC is already kiosk {kiosk_id}; restore a backup only onto a PC "
    "that is not set up yet.",
    # The kiosk store (storage, submission, context).
    "kiosk_store.folder_not_created": "The kiosk data folder {folder} cannot be created ({reason}); "
    "choose another.",
    "kiosk_store.folder_not_private": "The kiosk data folder {folder} cannot be made private to this "
    "account: {path} refused ({reason}). Make this account the owner of the folder and everything in it, "
    "or choose another folder.",
    "kiosk_store.not_private": "The kiosk store {path} cannot be made private to this account ({reason}); "
    "make this account its owner or choose another data folder.",
    "kiosk_store.in_use": "Another kiosk program is already running on the data folder {folder}; use "
    "that window, or close it before opening the kiosk again.",
    "kiosk_store.lock_unavailable": "The kiosk cannot take its lock file {path} ({reason}); check the "
    "data folder's permissions.",
    "kiosk_store.folder_missing": "The folder {folder} for the kiosk store does not exist.",
    "kiosk_store.damaged": "The kiosk store at {path} is damaged ({detail}). Do not run exams on this PC: "
    "copy the data folder for the administrator and restore the store from the last backup.",
    "kiosk_store.busy": "The kiosk store at {path} is busy (another kiosk program may be using it); close "
    "that program and try again.",
    "kiosk_store.disk_full": "The disk holding the kiosk store at {path} is full; free some space and try "
    "again.",
    "kiosk_store.read_only": "The kiosk store at {path} cannot be written; check the folder's permissions.",
    "kiosk_store.refused": "The kiosk store at {path} refused the change ({detail}).",
    "kiosk_store.newer_schema": "The kiosk store at {path} was written by a newer kiosk program (schema "
    "version {found}; this program knows up to {known}); install the newer program.",
    "kiosk_store.foreign_file": "The file {path} holds a database that is not a kiosk store; move it away "
    "or choose another data folder.",
    "kiosk_store.answers_not_sqlite": "The kiosk store is not an SQLite database; answers cannot be saved "
    "to it.",
    "kiosk_store.attempt_missing": "Attempt {attempt} is not in the kiosk store; the answer was not saved.",
    "kiosk_store.form_damaged": "A stored form is damaged ({detail}); restore the store from a backup.",
    "kiosk_store.form_not_object": "A stored form is damaged (it is not a JSON object); restore the store "
    "from a backup.",
    "kiosk_store.backup_exists": "The backup file {path} already exists; choose another name or folder.",
    "kiosk_store.backup_folder_missing": "The backup folder {folder} does not exist; create it or choose "
    "another.",
    "kiosk_store.backup_unreadable": "The backup written to {path} did not read back correctly ({detail}).",
    "kiosk_store.backup_disk_full": "The disk is full, so the backup {path} was not written; free some "
    "space or choose another place.",
    "kiosk_store.backup_not_written": "The backup could not be written to {path} ({reason}).",
    "kiosk_store.backup_not_sqlite": "The kiosk store is not an SQLite database, so it cannot be backed up.",
    "kiosk_store.backup_failed": "The backup could not be made ({detail}).",
    # Trusted keys and installed bank packages (bank_install).
    "trust.wrong_kind": "The key in {path} belongs to a {kind}, not an awarding body or registry; a kiosk "
    "only trusts those.",
    "install.no_trusted_key": "No awarding-body key is trusted on this kiosk yet; add one first.",
    "install.read_back_different": "The bank package copied to {path} does not read back the same; check "
    "the disk and try again.",
    "install.read_back_failed": "The bank package copied to {path} cannot be read back ({reason}); check "
    "the disk and try again.",
    "install.same_version": "Bank {bank} version {version} is already installed on this kiosk.",
    "install.older_version": "Bank {bank} version {version} is older than the installed version "
    "{installed}; kiosks only accept newer versions.",
    "installed_package.missing": "Bank {bank} version {version} is not installed on this kiosk; install its "
    "package.",
    "installed_package.unreadable": "The installed package {path} cannot be read ({reason}); install the "
    "package again.",
    "installed_package.changed": "The installed package {path} has changed since it was installed; install "
    "it again.",
    # Invigilators and their PINs (invigilators, guesses).
    "invigilator.name_empty": "The invigilator's name is empty; give the name colleagues know them by.",
    "invigilator.name_too_long": "The invigilator's name is longer than {max_length} characters; shorten it.",
    "invigilator.pin_invalid": "A PIN must be {min_digits} to {max_digits} digits; leave it out to have one "
    "generated.",
    "invigilator.pin_repeated": "A PIN of one digit repeated is among the first anyone would guess; choose "
    "one without a pattern, or leave it out to have one generated.",
    "invigilator.pin_sequential": "A PIN of digits in a run (such as 123456 or 987654) is among the first "
    "anyone would guess; choose one without a pattern, or leave it out to have one generated.",
    "invigilator.pin_pattern": "That PIN follows a well-known pattern (a repeated group, the same read "
    "backwards, or a favourite of leaked PIN lists); choose another, or leave it out to have one generated.",
    "invigilator.exists": "An invigilator named '{name}' already exists.",
    "invigilator.unknown": "There is no invigilator named '{name}'; check the spelling.",
    "invigilator.none_active": "No invigilator account is active on this kiosk; the administrator must add "
    "one.",
    "invigilator.pin_wrong": f"{_WRONG_PIN} {_TRIES}",
    "invigilator.pin_wrong_last_try": f"{_WRONG_PIN} {_LAST_TRY}",
    "invigilator.pin_wrong_now_locked": f"{_WRONG_PIN} {_NOW_LOCKED}",
    "invigilator.pin_locked": f"Too many wrong PINs: {_WAIT}",
    "invigilator.pin_locked_one_minute": f"Too many wrong PINs: {_WAIT_ONE_MINUTE}",
    # Clearing a PIN lockout with another invigilator's PIN or the centre's recovery code.
    "invigilator.pin_not_locked": "Invigilator PINs are not locked on this kiosk; type your PIN as usual.",
    "invigilator.override_wrong": "That is not the PIN of an active invigilator. {tries} more wrong tries "
    "will stop PINs from clearing the lock for {minutes} minutes.",
    "invigilator.override_wrong_last_try": "That is not the PIN of an active invigilator. 1 more wrong try "
    "will stop PINs from clearing the lock for {minutes} minutes.",
    "invigilator.override_wrong_now_locked": "That is not the PIN of an active invigilator. Only the "
    "centre's recovery code can clear the lock for the next {minutes} minutes.",
    "invigilator.override_locked": "Too many wrong PINs were typed to clear the lock: use the centre's "
    "recovery code, or wait {minutes} minutes.",
    "invigilator.override_locked_one_minute": "Too many wrong PINs were typed to clear the lock: use the "
    "centre's recovery code, or wait 1 minute.",
    "invigilator.no_recovery_code": "This kiosk has no recovery code yet; the centre administrator can "
    "issue one.",
    "invigilator.recovery_code_wrong": "That is not this kiosk's recovery code; check it and type it again.",
    # Sittings (sittings, reports).
    "sitting.name_empty": "The sitting needs a name, for example 'Maintenance II theory, morning'.",
    "sitting.name_too_long": "The sitting name is longer than {max_length} characters; shorten it.",
    "sitting.bank_not_installed": "Bank {bank} is not installed on this kiosk; install its package first.",
    "sitting.unknown": "There is no sitting {sitting} on this kiosk.",
    "sitting.closed": "Sitting {sitting} ('{name}') is closed; it cannot be opened again.",
    "sitting.package_of_other_bank": "The installed package holds bank {bank}, but sitting {sitting} is for "
    "{sitting_bank}.",
    "sitting.attempts_running": "Attempts {attempts} are still running; the candidates must submit (or be "
    "paused) before the sitting can close.",
    "sitting.not_open_yet": "Sitting '{name}' is scheduled, not open; ask the invigilator.",
    "sitting.closed_for_login": "Sitting '{name}' is closed, not open; ask the invigilator.",
    "sitting.release_code_wrong": f"{_WRONG_RELEASE_CODE} {_TRIES}",
    "sitting.release_code_wrong_last_try": f"{_WRONG_RELEASE_CODE} {_LAST_TRY}",
    "sitting.release_code_wrong_now_locked": f"{_WRONG_RELEASE_CODE} {_NOW_LOCKED}",
    "sitting.release_code_locked": f"Too many wrong release codes: {_WAIT}",
    "sitting.release_code_locked_one_minute": f"Too many wrong release codes: {_WAIT_ONE_MINUTE}",
    # Candidates logging in (exam, guesses).
    "login.number_missing": "Type your candidate number.",
    "login.wrong_code": f"{_WRONG_CODE} {_TRIES}",
    "login.wrong_code_last_try": f"{_WRONG_CODE} {_LAST_TRY}",
    "login.wrong_code_now_locked": f"{_WRONG_CODE} {_NOW_LOCKED}",
    "login.access_code_locked": f"Too many wrong access codes for candidate {{number}}: {_WAIT}",
    "login.access_code_locked_one_minute": f"Too many wrong access codes for candidate {{number}}: "
    f"{_WAIT_ONE_MINUTE}",
    "login.kiosk_locked": f"Too many failed log-ins on this kiosk: {_WAIT}",
    "login.kiosk_locked_one_minute": f"Too many failed log-ins on this kiosk: {_WAIT_ONE_MINUTE}",
    "login.other_exam": "Candidate {number} is entered for the {certificate} certificate, grade {grade}, but "
    "this sitting is for the {sitting_certificate} certificate, grade {sitting_grade}; ask the invigilator.",
    "login.already_submitted": "Candidate {number} has already submitted this exam; it cannot be taken "
    "again.",
    "login.interrupted": "Candidate {number}'s exam was interrupted; an invigilator must authorise resuming "
    "it.",
    # Attempts (exam, exam_session).
    "attempt.unknown": "There is no attempt {attempt} on this kiosk.",
    "attempt.other_sitting": "Attempt {attempt} belongs to another sitting; open that sitting to resume it.",
    "attempt.other_bank_version": "Attempt {attempt} was drawn from bank {bank} version {version}, but the "
    "open sitting has version {sitting_version}; open the sitting it belongs to.",
    "attempt.form_changed": "The form of attempt {attempt} cannot be rebuilt from its bank and seed; the "
    "stored copy was changed. Tell the administrator and do not continue this attempt.",
    "attempt.journal_broken": "The answer journal of attempt {attempt} failed its check; tell the "
    "administrator and do not continue this attempt.",
    "attempt.candidate_missing": "The candidate of attempt {attempt} is missing from the store.",
    "exam.item_not_on_form": "Item {item} is not on this candidate's form.",
    "exam.extra_time_out_of_range": "Extra time must be more than 0 and at most {max_minutes} minutes, not "
    "{minutes}.",
    "exam.not_on_break": "The candidate is not on a rest break, so there is no break to end.",
    "exam.extra_time_reason_missing": "Give a reason for the extra time; it goes into the sitting's record.",
    "incident.description_missing": "Describe the incident in a sentence or two; it goes into the sitting's "
    "record.",
    "incident.description_too_long": "The description is longer than {max_length} characters; shorten it.",
    "incident.category_unknown": "'{category}' is not an incident category; use one of {choices}.",
    # The roster file (roster, roster_csv); a row problem's code names its row and column itself.
    "roster.file_missing": "The roster file {path} does not exist.",
    "roster.file_unreadable": "The roster file {path} cannot be read ({reason}).",
    "roster.not_text": "The roster {path} is neither UTF-8 nor Windows-1252 text (byte {byte}); save it from "
    "the spreadsheet as 'CSV UTF-8'.",
    "roster.empty": "The roster {path} is empty; export the candidate list from the spreadsheet again.",
    "roster.rejected": "The roster {path} has {count} problems and nothing was imported.",
    "roster.rejected_one_problem": "The roster {path} has 1 problem and nothing was imported.",
    "roster.added_meanwhile": "Candidates {numbers} were added while the roster was being imported; nothing "
    "was imported, run the import again.",
    "roster.column_ignored": "Column '{heading}' is not a roster column and was ignored.",
    "roster.no_candidates": "Row {row}, rows: the file has a heading row but no candidates; add their rows.",
    "roster.heading_repeated": "Row {row}, heading: column '{heading}' repeats column {first}; keep only "
    "one of them.",
    "roster.heading_missing": "Row {row}, heading: there is no '{heading}' column; add one to the heading "
    "row.",
    "roster.number_empty": "Row {row}, candidate number: it is empty; give every candidate their number.",
    "roster.number_invalid": "Row {row}, candidate number: '{value}' is not a candidate number; use up to "
    "{max_length} letters, digits, '-' or '/'.",
    "roster.number_repeated": "Row {row}, candidate number: {number} also appears on row {first_row}; list "
    "each candidate once.",
    "roster.number_on_roster": "Row {row}, candidate number: {number} is already on this kiosk's roster; "
    "remove the row.",
    "roster.name_empty": "Row {row}, name: it is empty; give the candidate's full name.",
    "roster.name_too_long": "Row {row}, name: it is longer than {max_length} characters; shorten it.",
    "roster.name_zh_too_long": "Row {row}, chinese name: it is longer than {max_length} characters; "
    "shorten it.",
    "roster.certificate_empty": "Row {row}, certificate: it is empty; write one of {choices}.",
    "roster.certificate_invalid": "Row {row}, certificate: '{value}' is not a certificate; write one of "
    "{choices}.",
    "roster.grade_empty": f"Row {{row}}, grade: it is empty; {_GRADES}",
    "roster.grade_invalid": f"Row {{row}}, grade: '{{value}}' is not a grade; {_GRADES}",
    "roster.extra_time_invalid": "Row {row}, extra time: '{value}' is not an extra-time factor; write for "
    "example 1.25 or 25%, or leave it empty.",
    "roster.extra_time_out_of_range": "Row {row}, extra time: '{value}' is outside 1.0 (no extra time) to "
    "{max_factor} (triple time); write for example 1.25 or 25%.",
    "roster.extra_time_percent": "Row {row}, extra time: '{value}' is outside 1.0 (no extra time) to "
    "{max_factor} (triple time) (did you mean {value}%?); write for example 1.25 or 25%.",
    "roster.notes_too_long": "Row {row}, notes: they are longer than {max_length} characters; shorten them.",
    "candidate.unknown": "There is no candidate {number} on this kiosk's roster; check the number.",
    "candidate.extra_time_out_of_range": "An extra-time factor must be between 1.0 (no extra time) and "
    "{max_factor}, not {factor}; for a quarter more time write 1.25.",
    # Results out (export), receipts back (receipts), enrolment (enrolment).
    "export.key_not_registry": "The key file {path} holds a {kind} key, not the registry's key.",
    "export.no_registry_key": "This kiosk has no registry key: copy the registry's public key to {path}.",
    "export.several_registry_keys": "This kiosk trusts several registry keys ({keys}); choose the one to "
    "export to.",
    "export.folder_missing": "The export folder {folder} does not exist; insert the USB stick or create it.",
    "export.records_fail_check": "No results were exported because this kiosk's records fail their check "
    "(problems found: {count}); call the administrator.",
    "export.nothing_to_export": "There are no finished attempts waiting to be exported; nothing was written.",
    "export.file_exists": "A file named {file} is already in {folder}; this kiosk may have been restored "
    "from a backup. Move that file away (do not delete it) and export again.",
    "export.read_back_failed": "The bundle written to {path} could not be read back ({reason}); check the "
    "USB stick and export again.",
    "export.read_back_different": "The bundle written to {path} did not read back the same; the USB stick "
    "may be failing. Use another stick and export again.",
    "export.attempt_orphaned": "Attempt {attempt} refers to a candidate or sitting missing from the store; "
    "restore the store from a backup.",
    "receipt.other_kiosk": "The receipt {file} is for kiosk {kiosk_id}, not this kiosk ({this_kiosk_id}); "
    "import it on that kiosk.",
    "receipt.bundle_not_exported": "The receipt {file} is for a bundle {bundle} that this kiosk did not "
    "export (or exported with other contents); it may have been restored from a backup. Nothing was marked "
    "delivered.",
    "receipt.attempt_not_in_bundle": "The receipt {file} acknowledges attempt {attempt}, which bundle "
    "{bundle} did not carry; nothing was marked delivered.",
    "enrolment.folder_missing": "The folder {folder} for the enrolment file does not exist.",
    "enrolment.other_centre": "This kiosk was set up for centre '{centre}', not '{given}'; enrol it under "
    "its own centre.",
    # Sending results over the network (sync) and the registry's link file it reads (formats.tls).
    "sync.not_linked": "This kiosk has no link to a registry on the network ({path} is missing), so results "
    "travel by USB only; the registry administrator can make a link file for it.",
    "sync.registry_unreachable": "The registry at {url} did not answer ({reason}); the results stay in the "
    "outbox and are sent again later.",
    "sync.certificate_mismatch": "The server at {url} is not the registry this kiosk is linked to: its "
    "certificate fingerprint is {found}, not {expected}. Nothing was sent to it.",
    "sync.registry_answer": "The registry answered with HTTP status {status} and no reason this kiosk "
    "understands; the bundle is sent again later.",
    "sync.bundle_file_changed": "The file {path} no longer holds bundle {bundle_id} as this kiosk exported "
    "it, so it was not sent.",
    "sync.bundle_file_missing": "Bundle {bundle_id} cannot be sent: its file {path} cannot be read and the "
    "registry does not hold it yet. Put back the USB stick it was written to.",
    "sync.receipt_other_bundle": "The registry answered bundle {bundle_id} with the receipt of bundle "
    "{found}; the bundle is sent again later.",
    "link.file_missing": "The registry link file {path} does not exist.",
    "link.file_unreadable": "The registry link file {path} cannot be read ({reason}).",
    "link.not_a_link": "The file {path} is not a registry link file.",
    "link.unknown_signer": "The registry link file {path} is signed by key {key_id}, not by the registry key "
    "this kiosk trusts; get the link file of this kiosk's own registry.",
    "link.altered": "The registry link file {path} was altered after the registry signed it; get a fresh "
    "copy.",
    "link.wrong_purpose": "The file {path} holds a signed {found}, not a registry link ({expected}).",
    # The pre-exam lab check (labcheck): one finding per line, passed, warned about or failed.
    "lab_check.restore_software": "Reboot-to-restore software ({software}) is active on this PC, so the "
    "answers in {folder} would be wiped at the next restart; turn it off for the exam or exclude that "
    "folder.",
    "lab_check.no_restore_software": "No reboot-to-restore software (Deep Freeze, a write filter) is active, "
    "so the data folder {folder} keeps its answers through a restart.",
    "lab_check.storage_unknown": "Whether the data folder {folder} survives a restart cannot be checked on "
    "this system; make sure it is on the PC's own disk.",
    "lab_check.storage_in_memory": "The data folder {folder} is on a file system held in memory ({fstype}), "
    "so every answer would be lost at a restart or power cut; choose a folder on the PC's disk.",
    "lab_check.storage_overlay": "The data folder {folder} is on an overlay file system, which some lab "
    "set-ups throw away at restart; make sure its changes are kept on the disk.",
    "lab_check.storage_persistent": "The data folder {folder} is on a disk that keeps its contents through "
    "a restart ({fstype}).",
    "lab_check.disk_full": "Only {free} is free on the data folder's disk, less than the {need} this sitting "
    "needs; free some space before the exam.",
    "lab_check.disk_low": "{free} is free on the data folder's disk, little more than the {need} this "
    "sitting needs; free some space to be safe.",
    "lab_check.disk_enough": "{free} is free on the data folder's disk; this sitting needs {need}.",
    "lab_check.write_too_slow": "Saving an answer to the disk takes {milliseconds} ms, too slow for an exam; "
    "use a PC with a faster disk.",
    "lab_check.write_slow": "Saving an answer to the disk takes {milliseconds} ms, which is slow; candidates "
    "may notice pauses.",
    "lab_check.write_fast": "Saving an answer to the disk takes {milliseconds} ms.",
    "lab_check.clock_behind_records": "The clock says {now}, earlier than {last} when this kiosk last "
    "recorded something; set the right date and time.",
    "lab_check.clock_behind_package": "The clock says {now}, earlier than {made} when the package of bank "
    "{bank} was made; set the right date and time.",
    "lab_check.clock_plausible": "The clock says {now}, which agrees with the kiosk's records and its bank "
    "packages.",
    "lab_check.screen_unknown": "The screen size is not checked here; the kiosk window checks it before a "
    "sitting opens.",
    "lab_check.screen_small": "The screen is {width}×{height}, smaller than the {min_width}×{min_height} the "
    "exam needs; use a larger screen or a higher resolution.",
    "lab_check.screen_large_enough": "The screen is {width}×{height}, large enough for the exam.",
    "lab_check.chinese_font_unknown": "Fonts for Chinese text are not checked here; the kiosk window checks "
    "them before a sitting opens.",
    "lab_check.chinese_font_missing": "No font that can show Chinese text is installed, so Chinese questions "
    "would show as empty boxes; install one such as Noto Sans CJK.",
    "lab_check.chinese_font_present": "A font that can show Chinese text is installed.",
    "lab_check.power_mains": "The PC runs on mains power.",
    "lab_check.power_battery_unknown": "The PC runs on its battery; plug it in before the exam.",
    "lab_check.power_battery_low": "The PC runs on its battery with only {percent}% left; plug it in before "
    "the exam.",
    "lab_check.power_battery": "The PC runs on its battery ({percent}% left); plug it in before the exam.",
    "lab_check.remote_tools": "Remote-desktop software is running ({tools}), which lets someone elsewhere "
    "see or control the exam; close it before the exam.",
    "lab_check.other_sessions": "Other people are logged in to this PC ({sessions}); log them out before "
    "the exam.",
    "lab_check.remote_none": "No remote-desktop software or other login is active on this PC.",
    "lab_check.store_damaged": "The kiosk store failed its integrity check (problems found: {count}); do "
    "not run exams on this PC until the administrator restores it.",
    "lab_check.store_intact": "The kiosk store passed its integrity check.",
    "lab_check.blocks_unlock": "Sitting {sitting} stays locked: this PC failed the pre-exam lab check "
    "(failed lines: {count}); fix what it reports, or an invigilator can open the sitting anyway with their "
    "PIN, which is recorded as an incident.",
    "lab_check.nothing_to_override": "The pre-exam lab check finds nothing that keeps sitting {sitting} "
    "locked; open it as usual.",
}
