"""English wording of the error codes raised in ``kiosk.formats``."""

from __future__ import annotations

_MALFORMED = "The result bundle {bundle_id} is malformed: field '{field}' must be"
_OTHER_VERSION = "; the kiosk that made it may run a different program version."
_RESET = "reset that PIN or code."
_PUBLIC_FILE = "The public key file {path}"
_RECEIPT_REFUSED = "The receipt file {path} does not check out:"

MESSAGES: dict[str, str] = {
    # Bank packages (packages, bank_packages).
    "package.release_code_empty": "The release code is empty; type the code announced for this exam.",
    "package.release_code_wrong": "The release code is not correct for this bank package.",
    "package.release_code_wrong_ambiguous": "The release code is not correct for this bank package. Release "
    "codes never contain 0, O, 1, I or L; check those characters.",
    "package.not_a_package": "This file is not a bank package (its opening marker is wrong).",
    "package.format_unknown": "The bank package has format {found}, which this kiosk cannot read (it reads "
    "format {known}); update the kiosk software or rebuild the package.",
    "package.truncated": "The bank package is truncated: it ends inside its {part}. Copy the file again from "
    "its source.",
    "package.signature_length": "The bank package is damaged: its signature has the wrong length.",
    "package.header_unreadable": "The bank package header is not readable; it was altered or damaged.",
    "package.header_field_twice": "The bank package header names the field '{key}' twice; it was altered or "
    "damaged.",
    "package.header_format": "The bank package header does not say format '{expected}'; it is damaged.",
    "package.header_field_damaged": "The bank package header field '{field}' is missing or damaged.",
    "package.value_not_base64": "The bank package header field '{field}' is not valid base64; it was altered "
    "or damaged.",
    "package.unknown_signer": "The bank package is signed by an unknown key {key_id}; install the awarding "
    "body's public key first if you trust it.",
    "package.signature_mismatch": "The bank package's signature does not match its header (signer {signer}); "
    "the file was altered or damaged after it was built.",
    "package.content_length": "The bank package is truncated or damaged: its content is {length} bytes but "
    "its signed header says {expected}. Copy the file again from its source.",
    "package.content_digest": "The bank package's content does not match its signed header; the file was "
    "altered or damaged.",
    "package.release_settings_unusable": "The bank package's release-code settings ('{setting}') are not "
    "usable.",
    "package.cipher_unknown": "The bank package uses a cipher this kiosk does not know.",
    "package.content_undecryptable": "The bank package's content cannot be decrypted; it is damaged.",
    "package.file_missing": "The bank package {path} does not exist.",
    "package.file_unreadable": "The bank package {path} cannot be read ({reason}).",
    "package.header_value_refused": "The bank package header field '{field}' holds a value no kiosk accepts "
    "({value}); refuse the package and ask the awarding body for a new one.",
    "package.file_name_refused": "The bank package names bank '{bank}' version {version}, which cannot name "
    "a file on this kiosk; refuse the package and ask the awarding body for a new one.",
    "package.content_mismatch": "The package header names {bank} version {version}, but its content is "
    "{content_bank} version {content_version}; refuse the package and ask the awarding body for a new one.",
    # The bank inside a package (bank_payload).
    "payload.format_unknown": "The bank payload has format {found}; this kiosk reads format {known}. Update "
    "the kiosk software.",
    "payload.unreadable": "The bank payload is not a readable bank ({reason}).",
    # Result bundles as files (bundles).
    "bundle.not_a_bundle": "This file is not a result bundle (its opening marker is wrong).",
    "bundle.format_unknown": "The result bundle has format {found}, which this registry cannot read (it "
    "reads format {known}); update the registry software.",
    "bundle.truncated": "The result bundle is truncated: it ends inside its {part}. Copy the file again from "
    "its source.",
    "bundle.header_unreadable": "The result bundle header is not readable; it was altered or damaged.",
    "bundle.header_field_twice": "The result bundle header names the field '{key}' twice; it was altered or "
    "damaged.",
    "bundle.header_format": "The result bundle header does not say format '{expected}'; it is damaged or too "
    "new.",
    "bundle.header_field_damaged": "The result bundle header field '{field}' is missing or damaged.",
    "bundle.sealed_truncated": "The result bundle {bundle_id} is truncated: it ends inside its sealed "
    "contents. Copy the file again from the kiosk.",
    "bundle.wrong_registry": "This bundle is addressed to registry key {addressed}, not this registry's key "
    "{ours}.",
    "bundle.undecryptable": "The result bundle {bundle_id} cannot be decrypted: it was altered or damaged "
    "after it was sealed. Copy the file again from the kiosk.",
    "bundle.contents_truncated": "The sealed contents of result bundle {bundle_id} are truncated: they end "
    "inside their {part}. Copy the file again from the kiosk.",
    "bundle.signature_damaged": "The result bundle {bundle_id} is malformed: its signature is damaged.",
    "bundle.signed_unreadable": "The signed part of result bundle {bundle_id} is not readable; it was "
    "altered or damaged.",
    "bundle.signed_field_twice": "The signed part of result bundle {bundle_id} names the field '{key}' "
    "twice; it was altered or damaged.",
    "bundle.signature_mismatch": "The result bundle {bundle_id}'s signature does not match kiosk '{kiosk}'; "
    "the results were altered or not made by that kiosk.",
    "bundle.kiosk_unnamed": "The result bundle {bundle_id}'s signed contents do not name their kiosk.",
    "bundle.kiosk_not_enrolled": "The result bundle {bundle_id} comes from kiosk '{kiosk_id}', which is not "
    "enrolled at this registry; enrol that kiosk's public key first.",
    "bundle.kiosk_key_changed": "The result bundle {bundle_id} was signed with key {signed_key}, but kiosk "
    "'{kiosk_id}' is enrolled with key {enrolled_key}; re-enrol the kiosk if its key was replaced.",
    "bundle.readdressed": "The result bundle {bundle_id} was signed for registry key {signed_for}, not this "
    "registry's key {ours}; it was re-addressed.",
    "bundle.outer_mismatch": "The result bundle's outer header says {field} {outer} but its signed contents "
    "say {signed}; the bundle was altered.",
    "bundle.signed_malformed": "The result bundle {bundle_id}'s signed contents are malformed (bundle_id, "
    "kiosk_id, sequence or previous_hash).",
    # What a result bundle carries (bundle_content, result_rules). A field is named by its path in the
    # bundle, such as attempts[A-1].candidate.number.
    "bundle_content.version_unknown": f"{_MALFORMED} {{expected}}{_OTHER_VERSION}",
    "bundle_content.not_map": f"{_MALFORMED} a map{_OTHER_VERSION}",
    "bundle_content.not_list": f"{_MALFORMED} a list{_OTHER_VERSION}",
    "bundle_content.not_text": f"{_MALFORMED} non-empty text{_OTHER_VERSION}",
    "bundle_content.not_short_text": f"{_MALFORMED} non-empty text of at most {{limit}} characters"
    f"{_OTHER_VERSION}",
    "bundle_content.not_text_or_null": f"{_MALFORMED} text or null{_OTHER_VERSION}",
    "bundle_content.not_whole_number": f"{_MALFORMED} a whole number{_OTHER_VERSION}",
    "bundle_content.not_number": f"{_MALFORMED} a number{_OTHER_VERSION}",
    "bundle_content.not_boolean": f"{_MALFORMED} true or false{_OTHER_VERSION}",
    "bundle_content.not_time": f"{_MALFORMED} an ISO time with its time zone, or null{_OTHER_VERSION}",
    "bundle_content.state_unknown": f"{_MALFORMED} 'submitted' or 'expired'{_OTHER_VERSION}",
    "bundle_content.not_competence_map": f"{_MALFORMED} a map of competence to earned and possible"
    f"{_OTHER_VERSION}",
    "bundle_content.not_response": f"{_MALFORMED} a map of item_id, response, flagged, score and max"
    f"{_OTHER_VERSION}",
    "bundle_content.not_area_map": f"{_MALFORMED} a map of area to percent{_OTHER_VERSION}",
    "bundle_content.not_points_map": f"{_MALFORMED} a map of item to points{_OTHER_VERSION}",
    "bundle_content.not_percent": f"{_MALFORMED} a percentage from 0 to 100{_OTHER_VERSION}",
    "bundle_content.not_points": f"{_MALFORMED} a number of points, 0 or more{_OTHER_VERSION}",
    "bundle_content.not_area": f"{_MALFORMED} one of {{areas}}{_OTHER_VERSION}",
    "bundle_content.not_competence": f"{_MALFORMED} a map of id, area, title and title_zh{_OTHER_VERSION}",
    "bundle_content.attempt_twice": "The result bundle {bundle_id} is malformed: it holds attempt {attempt} "
    "twice.",
    "bundle_content.incident_twice": "The result bundle {bundle_id} is malformed: it holds incident "
    "{incident} twice.",
    "bundle_content.answer_twice": "The result bundle {bundle_id} is malformed: attempt {attempt} answers "
    "item {item} twice.",
    "bundle_content.not_short_text_or_null": f"{_MALFORMED} text of at most {{limit}} characters, or null"
    f"{_OTHER_VERSION}",
    "bundle_content.not_digest": f"{_MALFORMED} a SHA-256 digest of 64 hexadecimal digits{_OTHER_VERSION}",
    "bundle_content.not_digest_or_empty": f"{_MALFORMED} empty or a SHA-256 digest of 64 hexadecimal digits"
    f"{_OTHER_VERSION}",
    "bundle_content.not_in_range": f"{_MALFORMED} a number from {{low}} to {{high}}{_OTHER_VERSION}",
    "bundle_content.not_date": f"{_MALFORMED} a date such as 2025-03-14, or null{_OTHER_VERSION}",
    "bundle_content.not_finite": f"{_MALFORMED} free of NaN and infinite numbers{_OTHER_VERSION}",
    "bundle_content.text_with_nul": f"{_MALFORMED} text without NUL characters{_OTHER_VERSION}",
    "bundle_content.not_id_list": f"{_MALFORMED} a list of ids{_OTHER_VERSION}",
    "bundle_content.not_answer": f"{_MALFORMED} an answer: text, a list or a map of ids, or null"
    f"{_OTHER_VERSION}",
    "bundle_content.form_too_long": f"{_MALFORMED} a list of at most {{limit}} items{_OTHER_VERSION}",
    "bundle_content.form_other_bank": "The result bundle {bundle_id} is malformed: attempt {attempt} was sat "
    "on bank {bank} version {version}, but its form is drawn from {form_bank} version {form_version}.",
    "bundle_content.form_item_twice": "The result bundle {bundle_id} is malformed: the form of attempt "
    "{attempt} holds item {item} twice.",
    "bundle_content.form_item_unanswered": "The result bundle {bundle_id} is malformed: the form of attempt "
    "{attempt} holds item {item}, but its responses have no line for it.",
    "bundle_content.answer_not_on_form": "The result bundle {bundle_id} is malformed: attempt {attempt} "
    "answers item {item}, which is not on its form.",
    "bundle_content.score_not_on_form": "The result bundle {bundle_id} is malformed: the result of attempt "
    "{attempt} scores item {item}, which is not on its form.",
    "bundle_content.percent_not_ratio": "The result bundle {bundle_id} is malformed: attempt {attempt} "
    "claims {percent} %, but {earned} of {possible} points is {expected} %.",
    "bundle_content.earned_not_sum": "The result bundle {bundle_id} is malformed: attempt {attempt} claims "
    "{earned} points, but its item scores add up to {total}.",
    "bundle_content.competences_not_sum": "The result bundle {bundle_id} is malformed: the competence marks "
    "of attempt {attempt} add up to {earned} of {possible} points, not the {total} of {total_possible} its "
    "result claims.",
    "bundle_content.areas_not_sum": "The result bundle {bundle_id} is malformed: the area marks of attempt "
    "{attempt} add up to {earned} of {possible} points, not the {total} of {total_possible} its result "
    "claims.",
    # Kiosk enrolment files (enrolment).
    "enrolment.kiosk_id_empty": "The kiosk id for the enrolment file is empty; give one.",
    "enrolment.kiosk_name_empty": "The kiosk name for the enrolment file is empty; give one.",
    "enrolment.centre_empty": "The centre for the enrolment file is empty; give one.",
    "enrolment.file_missing": "The enrolment file {path} does not exist.",
    "enrolment.file_unreadable": "The enrolment file {path} could not be read ({reason}).",
    "enrolment.damaged": "The enrolment file {path} is not a kiosk enrolment file or is damaged; write it "
    "again on the kiosk.",
    "enrolment.not_kiosk_key": "The enrolment file {path} holds a {kind} key, not a kiosk key.",
    "enrolment.altered": "The enrolment file {path} was altered after the kiosk signed it; write it again on "
    "the kiosk.",
    # Keys, key files and signatures (keys).
    "key.name_invalid": "The key name '{name}' cannot be used: use 1 to 64 letters, digits, dots, dashes or "
    "underscores, starting with a letter or digit.",
    "key.public_wrong_length": "The public key '{name}' is damaged: its keys must be 32 bytes each.",
    "key.public_not_key_file": "This is not a public key file: it must start with '{begin}' and end with "
    "'{end}'.",
    "key.public_bad_line": "The public key file has a malformed line '{line}'; copy it again.",
    "key.public_incomplete": "The public key file is incomplete (missing: {missing}); copy it again.",
    "key.public_unknown_kind": "The public key file names an unknown kind '{kind}'; expected awarding, "
    "registry or kiosk.",
    "key.public_not_base64": "The public key file's {field} key is not valid base64; it was altered or "
    "damaged.",
    "key.public_id_mismatch": "The public key file for '{name}' is damaged: its keys do not match its key id "
    "{key_id}; copy it again.",
    "key.public_file_name_invalid": f"{_PUBLIC_FILE} names a key '{{name}}' that cannot be used: a key name "
    "has 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.",
    "key.public_file_wrong_length": f"{_PUBLIC_FILE} is damaged: the keys of '{{name}}' must be 32 bytes "
    "each.",
    "key.public_file_not_key_file": f"{_PUBLIC_FILE} is not a public key file: it must start with "
    "'{begin}' and end with '{end}'.",
    "key.public_file_bad_line": f"{_PUBLIC_FILE} has a malformed line '{{line}}'; copy it again.",
    "key.public_file_incomplete": f"{_PUBLIC_FILE} is incomplete (missing: {{missing}}); copy it again.",
    "key.public_file_unknown_kind": f"{_PUBLIC_FILE} names an unknown kind '{{kind}}'; expected awarding, "
    "registry or kiosk.",
    "key.public_file_not_base64": f"{_PUBLIC_FILE} is damaged: its {{field}} key is not valid base64; copy "
    "it again.",
    "key.public_file_id_mismatch": f"{_PUBLIC_FILE} for '{{name}}' is damaged: its keys do not match its "
    "key id {key_id}; copy it again.",
    "key.public_file_missing": f"{_PUBLIC_FILE} does not exist.",
    "key.public_file_unreadable": f"{_PUBLIC_FILE} could not be read ({{reason}}).",
    "key.public_file_not_text": f"{_PUBLIC_FILE} is not text; copy it again.",
    "key.passphrase_empty": "The passphrase is empty; give a passphrase or none at all.",
    "key.file_exists": "The key file {path} already exists; move it away first if you really mean to "
    "replace it.",
    "key.file_missing": "The key file {path} does not exist.",
    "key.file_unreadable": "The key file {path} could not be read ({reason}).",
    "key.file_open_to_others": "The key file {path} can be accessed by other users (mode {mode}); make it "
    "readable by its owner only.",
    "key.file_not_key_file": "The key file {path} is not a 1+X kiosk key file or is damaged.",
    "key.file_unknown_kind": "The key file {path} names an unknown kind '{kind}'.",
    "key.passphrase_needed": "The key file {path} is protected by a passphrase; give the passphrase.",
    "key.passphrase_wrong": "The passphrase for the key file {path} is not correct.",
    "key.file_damaged": "The key file {path} is damaged: a key in it cannot be read.",
    "key.file_kdf_unusable": "The key file {path} asks for passphrase settings ('{setting}') this program "
    "will not use; it was altered or damaged.",
    "key.file_wrong_key_types": "The key file {path} holds the wrong kinds of key (Ed25519 then X25519 "
    "expected).",
    "key.signature_mismatch": "The signature does not match {kind} key '{name}' ({key_id}): the data was "
    "altered or signed with another key.",
    # Signed records: verification codes and receipt parts (records).
    "record.unreadable": "This verification code is not readable; scan it again or type it exactly as "
    "printed.",
    "record.unknown_signer": "This verification code was signed by an unknown key {key_id}; it was not "
    "issued here.",
    "record.altered": "This verification code does not match its signature: the record was altered.",
    "record.wrong_purpose": "This verification code is for a {found}, not a {expected}.",
    # Receipt files (receipts).
    "receipt.file_missing": "The receipt file {path} does not exist.",
    "receipt.file_unreadable": "The receipt file {path} could not be read ({reason}).",
    "receipt.empty": "The receipt file {path} holds no receipt; copy it again from the registry.",
    "receipt.unreadable": f"{_RECEIPT_REFUSED} a part of it is not readable; copy the whole file again from "
    "the registry.",
    "receipt.unknown_signer": f"{_RECEIPT_REFUSED} it was signed by an unknown key {{key_id}}, not by a "
    "registry this kiosk trusts.",
    "receipt.altered": f"{_RECEIPT_REFUSED} a part of it does not match its signature, so it was altered.",
    "receipt.wrong_purpose": f"{_RECEIPT_REFUSED} it holds a {{found}}, not a {{expected}}.",
    "receipt.not_a_receipt": "The receipt file {path} is not a bundle receipt.",
    "receipt.mixed_bundles": "The receipt file {path} mixes parts of receipts for different bundles.",
    "receipt.incomplete": "The receipt file {path} is incomplete (part {missing} of {parts} is missing); "
    "copy the whole file again from the registry.",
    "receipt.part_repeated": "The receipt file {path} repeats a part; copy the whole file again from the "
    "registry.",
    # PINs and access codes at rest (secrets).
    "secret.empty": "A PIN or code cannot be empty.",
    "secret.hash_damaged": f"A stored PIN or code hash is damaged; {_RESET}",
    "secret.hash_unusable": f"A stored PIN or code hash has unusable settings; {_RESET}",
}
